/**
 * Google Security Token Service (`POST /v1/token`) for workload identity federation: exchanges a
 * GitHub OIDC JWT for a federated access token, with Google's validation order and error bodies.
 *
 * Also home of the access-token store shared with the IAM Credentials emulator, so every emulator
 * (Vertex AI, Artifact Registry...) can reject unknown and expired bearer tokens the same way.
 */
import { randomBytes } from 'node:crypto';
import { Environment } from '@marcbachmann/cel-js';
import {
  Clock,
  json,
  startHttpServer,
  type FaultInjector,
  type RequestLog,
  type EmulatorRequest,
  type EmulatorResponse,
  type HttpServer,
} from './http-server.js';
import { audiences, verifyJwtSignature, type Jwks, type JwtClaims } from './jwt.js';

export const GRANT_TYPE_TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
export const TOKEN_TYPE_ACCESS_TOKEN = 'urn:ietf:params:oauth:token-type:access_token';
export const TOKEN_TYPE_JWT = 'urn:ietf:params:oauth:token-type:jwt';
export const TOKEN_TYPE_ID_TOKEN = 'urn:ietf:params:oauth:token-type:id_token';
export const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';

// ---------------------------------------------------------------------------------------------
// Resource names and principals

const PROVIDER_NAME =
  /^projects\/([^/]+)\/locations\/global\/workloadIdentityPools\/([^/]+)\/providers\/([^/]+)$/;

export interface ProviderName {
  projectNumber: string;
  pool: string;
  provider: string;
}

export function parseProviderName(name: string): ProviderName | undefined {
  const m = PROVIDER_NAME.exec(name);
  return m?.[1] && m[2] && m[3] ? { projectNumber: m[1], pool: m[2], provider: m[3] } : undefined;
}

export function providerResourceName(
  projectNumber: string,
  pool: string,
  provider: string,
): string {
  return `projects/${projectNumber}/locations/global/workloadIdentityPools/${pool}/providers/${provider}`;
}

/** The STS `audience` for a provider: note `//`, not `https://`. */
export function stsAudience(providerName: string): string {
  return `//iam.googleapis.com/${providerName}`;
}

function poolPrefix(projectNumber: string, pool: string): string {
  return `iam.googleapis.com/projects/${projectNumber}/locations/global/workloadIdentityPools/${pool}`;
}

/** IAM member for one federated identity (`google.subject`). */
export function principalForSubject(projectNumber: string, pool: string, subject: string): string {
  return `principal://${poolPrefix(projectNumber, pool)}/subject/${subject}`;
}

/** IAM member for every identity whose mapped `attribute.<name>` equals `value`. */
export function principalSetForAttribute(
  projectNumber: string,
  pool: string,
  attribute: string,
  value: string,
): string {
  return `principalSet://${poolPrefix(projectNumber, pool)}/attribute.${attribute}/${value}`;
}

// ---------------------------------------------------------------------------------------------
// Access tokens

export interface AccessTokenRecord {
  kind: 'federated' | 'service-account';
  /** `principal://...` for federated tokens, `serviceAccount:<email>` for SA tokens. */
  principal: string;
  /** principalSet members the identity belongs to (federated tokens). */
  principalSets: string[];
  /** Email of the service account a token acts as. */
  serviceAccount?: string;
  /** Provider that issued the federated identity. */
  provider?: string;
  /** Mapped attributes (`google.subject`, `attribute.repository`, ...). */
  attributes: Record<string, string | string[]>;
  scopes: string[];
  issuedAt: Date;
  expiresAt: Date;
}

export type AccessTokenValidation =
  ({ ok: true } & AccessTokenRecord) | { ok: false; reason: 'unknown' | 'expired' };

/** Opaque bearer tokens minted by STS and IAM Credentials, checked against the shared clock. */
export class AccessTokenStore {
  readonly #tokens = new Map<string, AccessTokenRecord>();
  readonly #clock: Clock;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /**
   * `prefix` mimics Google's token shapes (`ya29.d.` federated, `ya29.c.` service account);
   * `value` fixes the token (a registry's htpasswd can then hold it).
   */
  issue(prefix: string, record: AccessTokenRecord, value?: string): string {
    const token = value ?? `${prefix}${randomBytes(48).toString('base64url')}`;
    this.#tokens.set(token, record);
    return token;
  }

  validate(token: string): AccessTokenValidation {
    const record = this.#tokens.get(token);
    if (!record) return { ok: false, reason: 'unknown' };
    if (this.#clock.now() >= record.expiresAt.getTime()) return { ok: false, reason: 'expired' };
    return { ok: true, ...record };
  }

  /** Forget every token, like a credential revocation. */
  revokeAll(): void {
    this.#tokens.clear();
  }
}

// ---------------------------------------------------------------------------------------------
// Providers

export interface WorkloadIdentityProviderConfig {
  /** `projects/<NUMBER>/locations/global/workloadIdentityPools/<POOL>/providers/<PROVIDER>`. */
  name: string;
  /** Expected `iss` of subject tokens. */
  issuerUri: string;
  /** Where STS fetches the issuer's keys (cached, refetched on an unknown `kid`)... */
  jwksUri?: string;
  /** ...or keys uploaded with the provider (Google's `jwksJson`). */
  jwks?: Jwks;
  /** Absent or empty: `https://iam.googleapis.com/<name>` or `//iam.googleapis.com/<name>`. */
  allowedAudiences?: string[];
  /** CEL per target attribute; must map `google.subject`. Default `{google.subject: assertion.sub}`. */
  attributeMapping?: Record<string, string>;
  /** CEL over `assertion`, `google` and `attribute`; must be true to accept a credential. */
  attributeCondition?: string;
  disabled?: boolean;
}

type CompiledExpression = (context: Record<string, unknown>) => unknown;

/** A provider as STS applies it: its config, with the mapping and condition compiled. */
export interface ProviderEntry {
  config: WorkloadIdentityProviderConfig;
  parsed: ProviderName;
  mapping: Array<[string, CompiledExpression]>;
  condition: CompiledExpression | undefined;
}

/**
 * Where STS finds the provider an exchange names, on every exchange: a ProviderRegistry, or the
 * providers of a GcpWorld (world-identity.ts), so the STS code path is the same for both.
 */
export interface ProviderDirectory {
  /** The provider (possibly disabled), or undefined when none has that name. */
  entry(name: string): ProviderEntry | undefined;
}

const cel = new Environment({ unlistedVariablesAreDyn: true });

function compile(expression: string, what: string): CompiledExpression {
  try {
    return cel.parse(expression) as CompiledExpression;
  } catch (error) {
    // Google refuses to create a provider with an invalid expression; so do we.
    throw new Error(`${what}: invalid CEL "${expression}": ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** Checks a provider as Google does on creation (name, google.subject, valid CEL) and compiles it. */
export function compileProvider(config: WorkloadIdentityProviderConfig): ProviderEntry {
  const parsed = parseProviderName(config.name);
  if (!parsed) throw new Error(`Invalid workload identity provider name "${config.name}"`);
  const mappingConfig = config.attributeMapping ?? { 'google.subject': 'assertion.sub' };
  if (!mappingConfig['google.subject'])
    throw new Error(`Provider "${config.name}": attributeMapping must map google.subject`);
  const mapping = Object.entries(mappingConfig).map(
    ([target, expression]): [string, CompiledExpression] => [
      target,
      compile(expression, `attributeMapping["${target}"]`),
    ],
  );
  const condition =
    config.attributeCondition === undefined
      ? undefined
      : compile(config.attributeCondition, 'attributeCondition');
  return { config: { ...config }, parsed, mapping, condition };
}

/** The registered providers; tests mutate it to disable a provider or change a condition. */
export class ProviderRegistry implements ProviderDirectory {
  readonly #providers = new Map<string, ProviderEntry>();

  add(config: WorkloadIdentityProviderConfig): void {
    const entry = compileProvider(config);
    if (!/^\d+$/.test(entry.parsed.projectNumber))
      throw new Error(`Provider "${config.name}" must use the project number, not an ID`);
    if (!config.jwks && !config.jwksUri)
      throw new Error(`Provider "${config.name}" needs jwks or jwksUri`);
    this.#providers.set(config.name, entry);
  }

  get(name: string): WorkloadIdentityProviderConfig | undefined {
    const entry = this.#providers.get(name);
    return entry ? { ...entry.config } : undefined;
  }

  /** Replace some fields of a provider (re-validated as on creation). */
  update(name: string, patch: Partial<Omit<WorkloadIdentityProviderConfig, 'name'>>): void {
    const entry = this.#providers.get(name);
    if (!entry) throw new Error(`No provider "${name}"`);
    this.add({ ...entry.config, ...patch, name });
  }

  remove(name: string): void {
    this.#providers.delete(name);
  }

  list(): string[] {
    return [...this.#providers.keys()];
  }

  entry(name: string): ProviderEntry | undefined {
    return this.#providers.get(name);
  }
}

// ---------------------------------------------------------------------------------------------
// The STS server

export interface StartGoogleStsOptions {
  providers: ProviderDirectory;
  tokens: AccessTokenStore;
  clock?: Clock;
  faults?: FaultInjector;
  log?: RequestLog;
  /** Upper bound of federated token lifetime; the subject token's expiry lowers it. Default 3600. */
  maxTokenLifetimeSeconds?: number;
  name?: string;
}

export interface GoogleStsEmulator {
  readonly server: HttpServer;
  /** `<base>/v1/token`, the `token_url` of an external_account credentials file. */
  readonly tokenEndpoint: string;
  close: () => Promise<void>;
}

type OAuthError =
  'invalid_request' | 'invalid_target' | 'invalid_grant' | 'unauthorized_client' | 'invalid_scope';

class StsRejection extends Error {
  constructor(
    readonly error: OAuthError,
    readonly description: string,
  ) {
    super(description);
  }
}

function reject(error: OAuthError, description: string): never {
  throw new StsRejection(error, description);
}

const INVALID_AUDIENCE =
  'Invalid value for "audience". This value should be the full resource name of the Identity Provider. See https://cloud.google.com/iam/docs/reference/sts/rest/v1/TopLevel/token for the list of possible formats.';
const INVALID_TARGET =
  'The target service indicated by the "audience" parameters is invalid. This might either be because the pool or provider is disabled or deleted or because it doesn\'t exist.';
const REJECTED_BY_CONDITION = 'The given credential is rejected by the attribute condition.';

interface TokenRequest {
  grantType: string | undefined;
  audience: string | undefined;
  scope: string | undefined;
  requestedTokenType: string | undefined;
  subjectToken: string | undefined;
  subjectTokenType: string | undefined;
}

/**
 * Proto-JSON accepts both the lowerCamel JSON name and the proto field name, so a JSON body may
 * use either; a form body uses the RFC 8693 names (the proto names).
 */
function readTokenRequest(request: EmulatorRequest): TokenRequest {
  if (request.bodyKind === 'invalid-json')
    reject('invalid_request', 'Malformed JSON request body.');
  const body = request.body;
  if (
    (request.bodyKind !== 'json' && request.bodyKind !== 'form') ||
    typeof body !== 'object' ||
    body === null ||
    Array.isArray(body)
  )
    reject(
      'invalid_request',
      'The request body must be a JSON object or application/x-www-form-urlencoded.',
    );
  const fields = body as Record<string, unknown>;
  const field = (snake: string, camel: string): string | undefined => {
    const value = fields[snake] ?? (request.bodyKind === 'json' ? fields[camel] : undefined);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') reject('invalid_request', `Invalid value for "${snake}".`);
    return value;
  };
  return {
    grantType: field('grant_type', 'grantType'),
    audience: field('audience', 'audience'),
    scope: field('scope', 'scope'),
    requestedTokenType: field('requested_token_type', 'requestedTokenType'),
    subjectToken: field('subject_token', 'subjectToken'),
    subjectTokenType: field('subject_token_type', 'subjectTokenType'),
  };
}

function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

/** Mapped attribute values must be strings (or a list of strings for google.groups). */
function mappedValue(target: string, value: unknown): string | string[] {
  if (typeof value === 'string') return value;
  if (
    target === 'google.groups' &&
    Array.isArray(value) &&
    value.every((v) => typeof v === 'string')
  )
    return value;
  return reject(
    'invalid_grant',
    `The attribute mapping for "${target}" must evaluate to a string, got ${typeof value}.`,
  );
}

export async function startGoogleSts(options: StartGoogleStsOptions): Promise<GoogleStsEmulator> {
  const clock = options.clock ?? new Clock();
  const { providers, tokens } = options;
  const maxLifetime = options.maxTokenLifetimeSeconds ?? 3600;
  const jwksCache = new Map<string, Jwks>();

  async function keysFor(config: WorkloadIdentityProviderConfig, kid: unknown): Promise<Jwks> {
    if (config.jwks) return config.jwks;
    const uri = config.jwksUri;
    // A world provider whose issuer the emulators cannot discover (the emulator's wording).
    if (!uri)
      return reject(
        'invalid_grant',
        `Failed to fetch the OpenID configuration of the issuer ${config.issuerUri}.`,
      );
    const cached = jwksCache.get(uri);
    if (cached && cached.keys.some((key) => key.kid === kid)) return cached;
    let response: Response;
    try {
      response = await fetch(uri);
    } catch (error) {
      return reject(
        'invalid_grant',
        `Failed to fetch the issuer JWKS: ${(error as Error).message}`,
      );
    }
    if (!response.ok)
      reject('invalid_grant', `Failed to fetch the issuer JWKS: HTTP ${response.status}.`);
    const jwks = (await response.json()) as Jwks;
    jwksCache.set(uri, jwks);
    return jwks;
  }

  async function exchange(request: EmulatorRequest): Promise<EmulatorResponse> {
    const body = readTokenRequest(request);
    if (!body.grantType) reject('invalid_request', 'Missing required parameter: "grant_type".');
    if (body.grantType !== GRANT_TYPE_TOKEN_EXCHANGE)
      reject(
        'invalid_request',
        `Invalid value for "grant_type": expected "${GRANT_TYPE_TOKEN_EXCHANGE}".`,
      );
    if (!body.audience) reject('invalid_request', 'Missing required parameter: "audience".');
    if (!body.subjectToken)
      reject('invalid_request', 'Missing required parameter: "subject_token".');
    if (!body.subjectTokenType)
      reject('invalid_request', 'Missing required parameter: "subject_token_type".');
    if (body.subjectTokenType !== TOKEN_TYPE_JWT && body.subjectTokenType !== TOKEN_TYPE_ID_TOKEN)
      reject(
        'invalid_request',
        `Invalid value for "subject_token_type": an OIDC provider accepts "${TOKEN_TYPE_JWT}" or "${TOKEN_TYPE_ID_TOKEN}".`,
      );
    if (body.requestedTokenType !== TOKEN_TYPE_ACCESS_TOKEN)
      reject(
        'invalid_request',
        `Invalid value for "requested_token_type": expected "${TOKEN_TYPE_ACCESS_TOKEN}".`,
      );
    if (!body.scope) reject('invalid_request', 'Missing required parameter: "scope".');

    if (!body.audience.startsWith('//iam.googleapis.com/'))
      reject('invalid_request', INVALID_AUDIENCE);
    const providerName = body.audience.slice('//iam.googleapis.com/'.length);
    const parsed = parseProviderName(providerName);
    if (!parsed) reject('invalid_request', INVALID_AUDIENCE);
    // A project ID where the number belongs names nothing: Google reports a missing target.
    const entry = providers.entry(providerName);
    if (!/^\d+$/.test(parsed.projectNumber) || !entry || entry.config.disabled)
      reject('invalid_target', INVALID_TARGET);
    const { config } = entry;

    // The subject token: signature, issuer, time, audience.
    const peek = body.subjectToken.split('.')[0] ?? '';
    let kid: unknown;
    try {
      kid = (JSON.parse(Buffer.from(peek, 'base64url').toString('utf8')) as { kid?: unknown }).kid;
    } catch {
      reject('invalid_grant', 'Invalid ID Token: not a well-formed JWT.');
    }
    const check = verifyJwtSignature(body.subjectToken, await keysFor(config, kid));
    if (!check.ok) reject('invalid_grant', `Invalid ID Token: ${check.detail}.`);
    const claims: JwtClaims = check.claims;
    if (claims.iss !== config.issuerUri)
      reject(
        'invalid_grant',
        `The issuer in ID Token [${String(claims.iss)}] does not match the expected issuer ${config.issuerUri}.`,
      );
    const now = clock.nowSeconds();
    if (typeof claims.exp !== 'number') reject('invalid_grant', 'The ID Token has no "exp" claim.');
    if (now >= claims.exp)
      reject(
        'invalid_grant',
        `The ID Token has expired: exp ${iso(claims.exp)} is not after the current time ${iso(now)}.`,
      );
    if (typeof claims.nbf === 'number' && now < claims.nbf)
      reject(
        'invalid_grant',
        `The ID Token is not yet valid: nbf ${iso(claims.nbf)} is after ${iso(now)}.`,
      );
    // None configured: the provider's own name, with or without `https:` (Google names the first).
    const configured = config.allowedAudiences ?? [];
    const allowed =
      configured.length > 0 ? configured : [`https://iam.googleapis.com/${providerName}`];
    const accepted = configured.length > 0 ? allowed : [...allowed, stsAudience(providerName)];
    const tokenAudiences = audiences(claims);
    if (!tokenAudiences.some((aud) => accepted.includes(aud)))
      reject(
        'invalid_grant',
        `The audience in ID Token [${tokenAudiences.join(', ')}] does not match the expected audience ${allowed.join(', ')}.`,
      );

    // Attribute mapping, then the condition over assertion + mapped attributes.
    const attributes: Record<string, string | string[]> = {};
    for (const [target, expression] of entry.mapping) {
      let value: unknown;
      try {
        value = expression({ assertion: claims });
      } catch (error) {
        // A claim this token lacks leaves the attribute unset: a job outside any environment
        // has no `environment`, so `attribute.environment` is simply absent from its identity.
        if (/^No such key/.test((error as Error).message)) continue;
        reject(
          'invalid_grant',
          `The attribute mapping for "${target}" failed to evaluate: ${(error as Error).message.split('\n')[0]}`,
        );
      }
      attributes[target] = mappedValue(target, value);
    }
    const subject = attributes['google.subject'];
    if (typeof subject !== 'string' || subject === '')
      reject('invalid_grant', 'The mapped attribute "google.subject" must be a non-empty string.');
    if (Buffer.byteLength(subject) > 127)
      reject(
        'invalid_grant',
        'The size of mapped attribute google.subject exceeds the 127 bytes limit. Either modify your attribute mapping or the incoming assertion to produce a mapped attribute that is less than 127 bytes.',
      );
    if (entry.condition) {
      const google: Record<string, unknown> = {};
      const attribute: Record<string, unknown> = {};
      for (const [target, value] of Object.entries(attributes)) {
        if (target.startsWith('google.')) google[target.slice(7)] = value;
        if (target.startsWith('attribute.')) attribute[target.slice(10)] = value;
      }
      let accepted: unknown;
      try {
        accepted = entry.condition({ assertion: claims, google, attribute });
      } catch {
        accepted = false; // An error (e.g. a missing claim) counts as not satisfied.
      }
      if (accepted !== true) reject('unauthorized_client', REJECTED_BY_CONDITION);
    }

    // Success: the federated token lives no longer than the credential it came from.
    const { projectNumber, pool } = parsed;
    const principalSets = [`principalSet://${poolPrefix(projectNumber, pool)}/*`];
    for (const [target, value] of Object.entries(attributes)) {
      if (target.startsWith('attribute.') && typeof value === 'string')
        principalSets.push(principalSetForAttribute(projectNumber, pool, target.slice(10), value));
      if (target === 'google.groups')
        for (const group of [value].flat())
          principalSets.push(`principalSet://${poolPrefix(projectNumber, pool)}/group/${group}`);
    }
    const expiresIn = Math.min(maxLifetime, claims.exp - now);
    const token = tokens.issue('ya29.d.', {
      kind: 'federated',
      principal: principalForSubject(projectNumber, pool, subject),
      principalSets,
      provider: providerName,
      attributes,
      scopes: body.scope.split(/\s+/).filter(Boolean),
      issuedAt: new Date(clock.now()),
      expiresAt: new Date(clock.now() + expiresIn * 1000),
    });
    return json(200, {
      access_token: token,
      issued_token_type: TOKEN_TYPE_ACCESS_TOKEN,
      token_type: 'Bearer',
      expires_in: expiresIn,
    });
  }

  const server = await startHttpServer({
    name: options.name ?? 'sts',
    clock,
    ...(options.faults ? { faults: options.faults } : {}),
    ...(options.log ? { log: options.log } : {}),
    // The token endpoint speaks OAuth errors, not Google's REST error shape.
    errorBody: (status, message) => ({
      error:
        status === 429 ? 'rate_limit_exceeded' : status >= 500 ? 'server_error' : 'invalid_request',
      error_description: message,
    }),
    routes: [
      {
        name: 'sts.token',
        method: 'POST',
        pattern: '/v1/token',
        handler: async (request) => {
          try {
            return await exchange(request);
          } catch (error) {
            if (error instanceof StsRejection)
              return json(400, { error: error.error, error_description: error.description });
            throw error;
          }
        },
      },
    ],
  });

  return {
    server,
    tokenEndpoint: `${server.url}/v1/token`,
    close: () => server.close(),
  };
}
