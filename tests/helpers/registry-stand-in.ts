import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import type { CredentialEgress } from './credential-egress.js';

/**
 * A registry that is not the one the user logged in to: a loopback server speaking enough of the
 * Registry API v2 to answer manifests and blobs, with its own auth (none, Basic, or Bearer tokens
 * from a realm, as Docker Hub and Artifact Registry have it), a token realm at /token, and blob
 * downloads redirected to a storage host. Every request's Authorization goes to `egress`.
 *
 * It also answers CONNECT by tunnelling to itself, so that as HTTP_PROXY (with
 * NODE_USE_ENV_PROXY=1) it plays any host name, e.g. a token realm that is not on loopback.
 */

export type StandInAuth =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'basic'; readonly password: string }
  /** Tokens from `realm` (default this server's /token), for the password or, when allowed, anyone. */
  | {
      readonly kind: 'bearer';
      readonly realm?: string;
      readonly password?: string;
      readonly anonymous: boolean;
    };

export interface StandInOptions {
  readonly egress: CredentialEgress;
  readonly auth: StandInAuth;
  /** Blob downloads answer 307 to `<storage>/storage/<digest>`, as registries send them to storage. */
  readonly storage?: string;
}

export interface StandInRegistry {
  /** `127.0.0.1:<port>`. */
  readonly host: string;
  readonly url: string;
  /** Adds a linux/amd64 image with these labels; returns REGISTRY/REPOSITORY:TAG. */
  image(repository: string, tag: string, labels: Record<string, string>): string;
  /** Answers every tag of `repository` with its image (as if every content tag had been pushed). */
  answerAnyTag(repository: string): void;
  /** Tags pushed with PUT, by repository. */
  readonly pushedTags: Map<string, string[]>;
  close(): Promise<void>;
}

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
/** Content-addressed, so shared by every stand-in of a test (storage hosts serve them all). */
const BLOBS = new Map<string, Buffer>();
const TOKEN_PREFIX = 'stand-in-token-';

function put(bytes: Buffer): string {
  const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  BLOBS.set(digest, bytes);
  return digest;
}

export async function startRegistryStandIn(options: StandInOptions): Promise<StandInRegistry> {
  const { egress, auth } = options;
  const images = new Map<string, { manifest: string; tags: Set<string>; anyTag: boolean }>();
  const pushedTags = new Map<string, string[]>();

  const passwordOf = (header: string | undefined): string | undefined => {
    const match = /^Basic (\S+)$/.exec(header ?? '');
    const decoded = match?.[1] ? Buffer.from(match[1], 'base64').toString('utf8') : undefined;
    return decoded?.slice(decoded.indexOf(':') + 1);
  };

  function token(req: IncomingMessage, res: ServerResponse): void {
    const password = passwordOf(req.headers.authorization);
    const granted =
      auth.kind === 'bearer' &&
      (password === undefined ? auth.anonymous : password === auth.password);
    if (!granted) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ details: 'incorrect username or password' }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ token: `${TOKEN_PREFIX}${randomUUID()}`, expires_in: 300 }));
  }

  function authorized(req: IncomingMessage, res: ServerResponse, repository: string): boolean {
    const header = req.headers.authorization ?? '';
    if (auth.kind === 'anonymous') return true;
    if (auth.kind === 'basic' && passwordOf(header) === auth.password) return true;
    if (auth.kind === 'bearer' && header.startsWith(`Bearer ${TOKEN_PREFIX}`)) return true;
    const challenge =
      auth.kind === 'basic'
        ? 'Basic realm="stand-in"'
        : `Bearer realm="${auth.kind === 'bearer' && auth.realm ? auth.realm : `${url}/token`}",service="stand-in",scope="repository:${repository}:pull"`;
    res.writeHead(401, { 'www-authenticate': challenge, 'content-type': 'application/json' });
    res.end(
      JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }),
    );
    return false;
  }

  function handle(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
    egress.record(req.headers.host ?? host, path, req.headers.authorization);
    if (path === '/token') return token(req, res);
    const storage = /^\/storage\/(sha256:[0-9a-f]{64})$/.exec(path);
    if (storage?.[1]) {
      res.writeHead(BLOBS.has(storage[1]) ? 200 : 404);
      res.end(BLOBS.get(storage[1]));
      return;
    }
    const match = /^\/v2\/(.+)\/(manifests|blobs)\/([^/]+)$/.exec(path);
    const repository = match?.[1] ?? '';
    if (!authorized(req, res, repository)) return;
    const image = images.get(repository);
    if (!match || !image) {
      res.writeHead(path === '/v2/' ? 200 : 404);
      res.end();
      return;
    }
    const [, , kind, reference = ''] = match;
    if (kind === 'blobs') {
      if (options.storage) {
        res.writeHead(307, { location: `${options.storage}/storage/${reference}` });
        res.end();
        return;
      }
      res.writeHead(BLOBS.has(reference) ? 200 : 404);
      res.end(BLOBS.get(reference));
      return;
    }
    if (req.method === 'PUT') {
      pushedTags.set(repository, [...(pushedTags.get(repository) ?? []), reference]);
      image.tags.add(reference);
      put(body);
      res.writeHead(201);
      res.end();
      return;
    }
    if (!(reference === image.manifest || image.tags.has(reference) || image.anyTag)) {
      res.writeHead(404);
      res.end();
      return;
    }
    const bytes = BLOBS.get(image.manifest);
    res.writeHead(200, { 'content-type': OCI_MANIFEST, 'docker-content-digest': image.manifest });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handle(req, res, Buffer.concat(chunks)));
  });
  // As a proxy: every host name the client asks for is this server.
  server.on('connect', (_req: IncomingMessage, socket: Socket) => {
    const tunnel = connect(port, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      tunnel.pipe(socket).pipe(tunnel);
    });
    tunnel.on('error', () => socket.destroy());
    socket.on('error', () => tunnel.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;
  const url = `http://${host}`;

  return {
    host,
    url,
    pushedTags,
    image(repository, tag, labels) {
      const config = put(
        Buffer.from(
          JSON.stringify({
            os: 'linux',
            architecture: 'amd64',
            config: { Labels: labels },
            rootfs: { type: 'layers', diff_ids: [] },
          }),
        ),
      );
      const manifest = put(
        Buffer.from(
          JSON.stringify({
            schemaVersion: 2,
            mediaType: OCI_MANIFEST,
            config: {
              mediaType: 'application/vnd.oci.image.config.v1+json',
              digest: config,
              size: BLOBS.get(config)?.length ?? 0,
            },
            layers: [],
          }),
        ),
      );
      const existing = images.get(repository);
      images.set(repository, {
        manifest,
        tags: new Set([...(existing?.tags ?? []), tag]),
        anyTag: existing?.anyTag ?? false,
      });
      return `${host}/${repository}:${tag}`;
    },
    answerAnyTag(repository) {
      const image = images.get(repository);
      if (image) image.anyTag = true;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
