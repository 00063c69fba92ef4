/**
 * A Docker registry token service (https://distribution.github.io/distribution/spec/auth/token/),
 * the Bearer flow `*-docker.pkg.dev` uses: a registry with `auth: token` answers 401 with
 * `WWW-Authenticate: Bearer realm=...,service=...,scope=...`, and the client GETs the realm with
 * `service` and one `scope` parameter per resource, as `oauth2accesstoken:<access token>`. The
 * answer is an RS256 JWT granting, of the actions asked for, only those the identity may have.
 *
 * Run by scripts/start-services.sh (via scripts/registry-token-service.ts) in front of the
 * test registry on 127.0.0.1:5001; tests can also start one in-process on an ephemeral port.
 */
import { createHash, createPublicKey, randomUUID, sign, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One `scope` entry: `repository:acme/trainer:pull,push`, `repository(plugin):x:pull`. */
export interface Scope {
  readonly type: string;
  readonly class?: string;
  readonly name: string;
  readonly actions: readonly string[];
}

/**
 * Parses one scope. The name is everything between the first and the last colon, because a
 * repository name may itself hold one (`localhost:5000/app` in some clients' scopes).
 */
export function parseScope(value: string): Scope | undefined {
  const first = value.indexOf(':');
  const last = value.lastIndexOf(':');
  if (first <= 0 || last === first) return undefined;
  const kind = /^([a-z0-9]+)(?:\(([a-z0-9]+)\))?$/.exec(value.slice(0, first));
  const name = value.slice(first + 1, last);
  const actions = value
    .slice(last + 1)
    .split(',')
    .filter((action) => action !== '');
  if (!kind?.[1] || name === '') return undefined;
  return { type: kind[1], ...(kind[2] ? { class: kind[2] } : {}), name, actions };
}

/**
 * The scopes a token request asks for: every `scope` parameter, each possibly several entries
 * separated by spaces (as the challenge lists them), merged per resource. Malformed entries are
 * ignored, as the spec lets a token service grant less than was asked.
 */
export function requestedScopes(query: URLSearchParams): Scope[] {
  const merged = new Map<string, Scope>();
  for (const entry of query.getAll('scope').flatMap((value) => value.split(' '))) {
    const scope = parseScope(entry);
    if (!scope) continue;
    const key = `${scope.type}:${scope.name}`;
    const actions = new Set([...(merged.get(key)?.actions ?? []), ...scope.actions]);
    merged.set(key, { ...scope, actions: [...actions] });
  }
  return [...merged.values()];
}

/** Who a password identifies, and which repository actions it may have (`pull`, `push`). */
export interface RegistryIdentity {
  readonly subject: string;
  readonly actions: readonly string[];
}

export type Authenticate = (username: string, password: string) => RegistryIdentity | undefined;

export interface TokenRequest {
  readonly service: string | null;
  /** The raw `scope` parameters, in order: one per parameter the client sent. */
  readonly scopeParameters: readonly string[];
  readonly username?: string;
  readonly subject?: string;
  readonly status: number;
  readonly granted: readonly { type: string; name: string; actions: readonly string[] }[];
}

export interface RegistryTokenServiceOptions {
  /** The RSA key whose certificate is the registry's `auth.token.rootcertbundle`. */
  readonly privateKey: KeyObject;
  /** `auth.token.issuer` of the registry. */
  readonly issuer: string;
  readonly authenticate: Authenticate;
  readonly host?: string;
  /** 0 for an ephemeral port. */
  readonly port?: number;
  readonly expiresInSeconds?: number;
  readonly now?: () => number;
}

export interface RegistryTokenService {
  /** The realm to configure: `http://host:port/token`. */
  readonly realm: string;
  readonly requests: TokenRequest[];
  close(): Promise<void>;
}

/**
 * The key ID docker/libtrust gives a public key, which distribution 2.8 matches a token's `kid`
 * against (the keys of its rootcertbundle): the first 240 bits of the SHA-256 of the DER SPKI,
 * base32 without padding, in colon-separated groups of four.
 */
export function libtrustKeyId(publicKey: KeyObject): string {
  const digest = createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest()
    .subarray(0, 30);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const byte of digest) bits += byte.toString(2).padStart(8, '0');
  let encoded = '';
  for (let i = 0; i < bits.length; i += 5) encoded += alphabet[parseInt(bits.slice(i, i + 5), 2)];
  return encoded.match(/.{4}/g)?.join(':') ?? encoded;
}

function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function basicCredentials(
  header: string | undefined,
): { username: string; password: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0
    ? undefined
    : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function reply(response: ServerResponse, status: number, body: unknown, headers = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

export async function startRegistryTokenService(
  options: RegistryTokenServiceOptions,
): Promise<RegistryTokenService> {
  const now = options.now ?? Date.now;
  const expiresIn = options.expiresInSeconds ?? 300;
  const kid = libtrustKeyId(createPublicKey(options.privateKey));
  const requests: TokenRequest[] = [];

  const issue = (request: IncomingMessage, response: ServerResponse): void => {
    const query = new URL(request.url ?? '/', 'http://token').searchParams;
    const service = query.get('service');
    const scopeParameters = query.getAll('scope');
    const credentials = basicCredentials(request.headers.authorization);
    // No credentials is an anonymous token that grants nothing; wrong ones are an error.
    const identity = credentials
      ? options.authenticate(credentials.username, credentials.password)
      : { subject: '', actions: [] };
    if (!identity) {
      requests.push({
        service,
        scopeParameters,
        username: credentials?.username ?? '',
        status: 401,
        granted: [],
      });
      reply(
        response,
        401,
        {
          errors: [
            {
              code: 'UNAUTHORIZED',
              message: 'authentication required',
              detail: 'incorrect username or password',
            },
          ],
        },
        { 'www-authenticate': 'Basic realm="registry token service"' },
      );
      return;
    }
    const granted = requestedScopes(query)
      .filter((scope) => scope.type === 'repository')
      .map((scope) => ({
        type: scope.type,
        name: scope.name,
        actions: scope.actions.filter((action) => identity.actions.includes(action)),
      }));
    const issuedAt = Math.floor(now() / 1000);
    const claims = {
      iss: options.issuer,
      sub: identity.subject,
      ...(service ? { aud: service } : {}),
      exp: issuedAt + expiresIn,
      nbf: issuedAt - 1,
      iat: issuedAt,
      jti: randomUUID(),
      access: granted,
    };
    const signingInput = `${b64url({ typ: 'JWT', alg: 'RS256', kid })}.${b64url(claims)}`;
    const signature = sign('sha256', Buffer.from(signingInput), options.privateKey);
    const token = `${signingInput}.${signature.toString('base64url')}`;
    requests.push({
      service,
      scopeParameters,
      ...(credentials ? { username: credentials.username } : {}),
      subject: identity.subject,
      status: 200,
      granted,
    });
    reply(response, 200, {
      token,
      access_token: token,
      expires_in: expiresIn,
      issued_at: new Date(issuedAt * 1000).toISOString(),
    });
  };

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://token').pathname;
    if (request.method === 'GET' && path === '/token') issue(request, response);
    // The log never holds a password: tests read it to see what clients asked for.
    else if (request.method === 'GET' && path === '/requests') reply(response, 200, requests);
    else reply(response, 404, { errors: [{ code: 'NOT_FOUND', message: 'no such endpoint' }] });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    realm: `http://${address.address}:${address.port}/token`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
