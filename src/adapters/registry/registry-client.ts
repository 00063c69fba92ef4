import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { UserError } from '../../core/errors.js';
import {
  formatImage,
  isLoopbackRegistry,
  parseImageReference,
  registryHostKey,
  type ImageReference,
} from '../../core/images/image-reference.js';
import { httpError, sendWithRetry, type HttpReply } from '../http.js';

/**
 * A client for the Docker Registry HTTP API v2 (the OCI distribution API), enough to inspect
 * images without pulling them and to add tags without re-pushing. Auth: anonymous first, then
 * the challenge the registry answers with (a Bearer token service, as Artifact Registry and
 * Docker Hub have, or Basic), with the credentials it was given for the registry's host. Those
 * go to that host, and to its token realm only over https (or on loopback). Redirects (blobs
 * served from storage hosts) never carry them: fetch drops Authorization on a cross-origin hop.
 */

export interface BasicCredentials {
  readonly username: string;
  readonly password: string;
}

export interface RegistryCredentials {
  /** Basic credentials for a registry host, if any are known. */
  basic(host: string): Promise<BasicCredentials | undefined>;
}

export function fixedCredentials(credentials: BasicCredentials): RegistryCredentials {
  return { basic: () => Promise.resolve(credentials) };
}

/** Basic credentials from a Docker config (`docker login`), as `auths.<host>.auth`. */
export function dockerConfigCredentials(env: NodeJS.ProcessEnv): RegistryCredentials {
  return {
    async basic(host) {
      const file = path.join(env.DOCKER_CONFIG ?? path.join(homedir(), '.docker'), 'config.json');
      let config: { auths?: Record<string, { auth?: string }> };
      try {
        config = JSON.parse(await readFile(file, 'utf8')) as typeof config;
      } catch {
        return undefined;
      }
      const wanted = registryHostKey(host);
      const entry = Object.entries(config.auths ?? {}).find(
        ([key]) => registryHostKey(key) === wanted,
      )?.[1];
      if (!entry?.auth) return undefined;
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      return colon < 0
        ? undefined
        : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    },
  };
}

const MANIFEST_LIST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
];
const MANIFEST_TYPES = [
  ...MANIFEST_LIST_TYPES,
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

export interface Manifest {
  readonly digest: string;
  readonly mediaType: string;
  /** The exact bytes: their sha256 is the digest, and re-tagging must send them unchanged. */
  readonly bytes: Buffer;
  readonly body: Record<string, unknown>;
}

function challenge(header: string | null): { scheme: string; params: Record<string, string> } {
  const [scheme = '', ...rest] = (header ?? '').split(' ');
  const params: Record<string, string> = {};
  for (const match of rest.join(' ').matchAll(/(\w+)="([^"]*)"/g))
    params[match[1] ?? ''] = match[2] ?? '';
  return { scheme: scheme.toLowerCase(), params };
}

/**
 * Whether a token realm may be sent the registry's credentials: over https, or on loopback (where
 * the test registries run). Plain http elsewhere would hand them to anyone on the network path.
 */
export function realmTakesCredentials(realm: URL): boolean {
  return realm.protocol === 'https:' || isLoopbackRegistry(realm.host);
}

function basicAuthorization(credentials: BasicCredentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}

/** Tokens are dropped this long before the token service says they expire (clock skew). */
const TOKEN_EXPIRY_MARGIN_SECONDS = 10;

export class RegistryClient {
  readonly #base: string;
  /** Set once the registry asks for Basic auth: then sent with every request. */
  #basicAuthorization: string | undefined;
  /** Bearer tokens per scope (pull, or pull,push for PUTs), each until it expires. */
  readonly #tokens = new Map<string, { authorization: string; expiresAt: number }>();
  /** Who the requests are made as, for errors (never the password). */
  #username: string | undefined;
  /** A plain-http token realm the credentials were withheld from, for errors. */
  #insecureRealm: string | undefined;

  constructor(
    readonly image: Pick<ImageReference, 'registry' | 'repository'>,
    readonly credentials: RegistryCredentials,
    private readonly onRetry?: (message: string) => void,
  ) {
    const scheme = isLoopbackRegistry(image.registry) ? 'http' : 'https';
    this.#base = `${scheme}://${image.registry}/v2/${image.repository}`;
  }

  /** The manifest a tag or digest names, or undefined when the registry has none. */
  async manifest(reference: string): Promise<Manifest | undefined> {
    const reply = await this.#send('GET', `manifests/${reference}`, {
      accept: MANIFEST_TYPES,
    });
    if (reply.status === 404) return undefined;
    this.#check(reply, `read the manifest ${reference}`);
    const bytes = Buffer.from(reply.text, 'utf8');
    const body = JSON.parse(reply.text) as Record<string, unknown>;
    const mediaType =
      reply.headers.get('content-type')?.split(';')[0] ??
      (typeof body.mediaType === 'string' ? body.mediaType : '');
    const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    return { digest, mediaType, bytes, body };
  }

  /** The digest a tag points at (HEAD, no body), or undefined when the tag does not exist. */
  async digest(reference: string): Promise<string | undefined> {
    const reply = await this.#send('HEAD', `manifests/${reference}`, { accept: MANIFEST_TYPES });
    if (reply.status === 404) return undefined;
    this.#check(reply, `look up ${reference}`);
    return reply.headers.get('docker-content-digest') ?? (await this.manifest(reference))?.digest;
  }

  /** Points a tag at a manifest already in the repository (what `crane tag` does). */
  async tag(tag: string, manifest: Manifest): Promise<void> {
    const reply = await this.#send('PUT', `manifests/${tag}`, {
      contentType: manifest.mediaType,
      body: manifest.bytes,
    });
    this.#check(reply, `tag ${manifest.digest} as ${tag}`);
  }

  async blobJson(digest: string): Promise<Record<string, unknown>> {
    const reply = await this.#send('GET', `blobs/${digest}`, { accept: '*/*' });
    this.#check(reply, `read the blob ${digest}`);
    return JSON.parse(reply.text) as Record<string, unknown>;
  }

  #check(reply: HttpReply, purpose: string): void {
    if (reply.status >= 200 && reply.status < 300) return;
    const where = `${this.image.registry}/${this.image.repository}`;
    if ((reply.status === 401 || reply.status === 403) && this.#insecureRealm) {
      throw new UserError(
        `The registry ${this.image.registry} sends clients for tokens to ${this.#insecureRealm}, which is not https, so its credentials were not sent there; anonymous access was refused (HTTP ${reply.status}, trying to ${purpose} in ${where})`,
        {
          fix: 'Credentials go over plain http only to loopback: the registry must serve its token realm over https.',
        },
      );
    }
    if (reply.status === 401 || reply.status === 403) {
      const who = this.#username ? `the credentials of ${this.#username}` : 'anonymous access';
      // Token registries answer a token that lacks an action with 401 insufficient_scope.
      const insufficientScope =
        challenge(reply.headers.get('www-authenticate')).params.error === 'insufficient_scope';
      throw new UserError(
        reply.status === 401 && !insufficientScope
          ? `The registry ${this.image.registry} rejected ${who} (HTTP 401, trying to ${purpose} in ${where})`
          : `The registry ${this.image.registry} denied ${who} permission to ${purpose} in ${where} (HTTP ${reply.status}${insufficientScope ? ' insufficient_scope' : ''})`,
        {
          fix: 'Check the registry credentials: for Artifact Registry, that the auth step ran and its service account has roles/artifactregistry.writer (reader to inspect); else registry-username and registry-password, which go to the registry of the image built or checked (images diff: image-a) only; log in to any other with docker login.',
        },
      );
    }
    throw httpError(`${purpose} in ${where}`, reply);
  }

  async #send(
    method: 'GET' | 'HEAD' | 'PUT',
    suffix: string,
    options: { accept?: string; contentType?: string; body?: Buffer },
  ): Promise<HttpReply> {
    const url = `${this.#base}/${suffix}`;
    const purpose = `${method} ${suffix} in ${this.image.registry}`;
    const scope = `repository:${this.image.repository}:${method === 'PUT' ? 'pull,push' : 'pull'}`;
    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = {};
      if (options.accept) headers.accept = options.accept;
      if (options.contentType) headers['content-type'] = options.contentType;
      const authorization = this.#authorization(scope);
      if (authorization) headers.authorization = authorization;
      const reply = await sendWithRetry(
        purpose,
        url,
        { method, headers, ...(options.body ? { body: options.body } : {}) },
        undefined,
        this.onRetry,
      );
      if (reply.status !== 401 || attempt > 0) return reply;
      // No token yet for this scope, or the registry no longer takes it: one fresh try.
      this.#tokens.delete(scope);
      if (!(await this.#authorize(reply.headers.get('www-authenticate'), scope))) return reply;
    }
  }

  #authorization(scope: string): string | undefined {
    const token = this.#tokens.get(scope);
    if (token && token.expiresAt > Date.now()) return token.authorization;
    return this.#basicAuthorization;
  }

  /** Answers a challenge: Basic credentials, or a token for `scope` and the scopes it names. */
  async #authorize(header: string | null, scope: string): Promise<boolean> {
    const { scheme, params } = challenge(header);
    const basic = await this.credentials.basic(this.image.registry);
    if (scheme === 'basic') {
      // Sent with requests to this registry only: the host the credentials are for.
      this.#username = basic?.username;
      this.#basicAuthorization = basic && basicAuthorization(basic);
      return basic !== undefined;
    }
    if (scheme !== 'bearer' || !params.realm) return false;
    const tokenUrl = new URL(params.realm);
    // The realm may be another host (Docker Hub's is auth.docker.io); over plain http the token
    // request goes without credentials, as anonymous.
    const sent = basic && realmTakesCredentials(tokenUrl) ? basic : undefined;
    this.#username = sent?.username;
    this.#insecureRealm = basic && !sent ? `${tokenUrl.origin}${tokenUrl.pathname}` : undefined;
    if (params.service) tokenUrl.searchParams.set('service', params.service);
    // The spec's token request takes one `scope` parameter per scope; a challenge may list several.
    // Keyed with sorted actions: the registry lists them in no fixed order (push,pull or pull,push).
    const scopes = new Map<string, string>();
    for (const each of [scope, ...(params.scope ?? '').split(' ').filter(Boolean)]) {
      const colon = each.lastIndexOf(':');
      const key = `${each.slice(0, colon)}:${each
        .slice(colon + 1)
        .split(',')
        .sort()
        .join(',')}`;
      if (!scopes.has(key)) scopes.set(key, each);
    }
    for (const each of scopes.values()) tokenUrl.searchParams.append('scope', each);
    const reply = await sendWithRetry(
      `get a token from ${tokenUrl.host}`,
      tokenUrl.href,
      { headers: sent ? { authorization: basicAuthorization(sent) } : {} },
      undefined,
      this.onRetry,
    );
    if (reply.status !== 200) return false;
    const body = JSON.parse(reply.text) as {
      token?: string;
      access_token?: string;
      expires_in?: number;
    };
    const token = body.token ?? body.access_token;
    if (!token) return false;
    // The spec's default lifetime is 60 seconds.
    const lifetime = Math.max(0, (body.expires_in ?? 60) - TOKEN_EXPIRY_MARGIN_SECONDS);
    this.#tokens.set(scope, {
      authorization: `Bearer ${token}`,
      expiresAt: Date.now() + lifetime * 1000,
    });
    return true;
  }
}

export interface ImagePlatform {
  readonly os: string;
  readonly architecture: string;
  readonly variant?: string;
}

export function formatPlatform(platform: ImagePlatform): string {
  return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/');
}

export interface InspectedImage {
  /** The digest the reference resolves to (an index's own digest for multi-platform images). */
  readonly digest: string;
  /** Platforms of the image, attestation entries left out. */
  readonly platforms: readonly ImagePlatform[];
  /** The linux/amd64 image's config, when there is one. */
  readonly amd64?: { readonly digest: string; readonly labels: Record<string, string> };
}

interface IndexEntry {
  digest: string;
  platform?: { os?: string; architecture?: string; variant?: string };
  annotations?: Record<string, string>;
}

/** BuildKit's provenance and SBOM entries: platform unknown/unknown, or the attestation annotation. */
function isAttestation(entry: IndexEntry): boolean {
  return (
    entry.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' ||
    (entry.platform?.os === 'unknown' && entry.platform.architecture === 'unknown')
  );
}

async function imageConfig(
  client: RegistryClient,
  manifest: Manifest,
): Promise<{ platform: ImagePlatform; labels: Record<string, string> }> {
  const configDigest = (manifest.body.config as { digest?: string } | undefined)?.digest;
  if (!configDigest) throw new Error(`the manifest ${manifest.digest} names no config`);
  const config = await client.blobJson(configDigest);
  const labels =
    (config.config as { Labels?: Record<string, string> | null } | undefined)?.Labels ?? {};
  return {
    platform: {
      os: typeof config.os === 'string' ? config.os : 'unknown',
      architecture: typeof config.architecture === 'string' ? config.architecture : 'unknown',
      ...(typeof config.variant === 'string' ? { variant: config.variant } : {}),
    },
    labels,
  };
}

/**
 * Reads an image from its registry: the manifest (an OCI index, a Docker manifest list or a
 * single manifest), its platforms, and the linux/amd64 image's config. A platform named by an
 * index entry is checked against the config it points at, which is what the runtime trusts.
 */
export async function inspectImage(
  client: RegistryClient,
  reference: string,
): Promise<InspectedImage> {
  const top = await client.manifest(reference);
  const display = formatImage({ ...client.image, reference });
  if (!top) {
    throw new UserError(`The image ${display} does not exist`, {
      fix: 'Check the image name and tag (the build step outputs the exact reference).',
    });
  }
  if (!MANIFEST_LIST_TYPES.includes(top.mediaType) && !Array.isArray(top.body.manifests)) {
    const { platform, labels } = await imageConfig(client, top);
    const amd64 = platform.os === 'linux' && platform.architecture === 'amd64';
    return {
      digest: top.digest,
      platforms: [platform],
      ...(amd64 ? { amd64: { digest: top.digest, labels } } : {}),
    };
  }
  const entries = (top.body.manifests as IndexEntry[]).filter((entry) => !isAttestation(entry));
  const platforms = entries.map((entry) => ({
    os: entry.platform?.os ?? 'unknown',
    architecture: entry.platform?.architecture ?? 'unknown',
    ...(entry.platform?.variant ? { variant: entry.platform.variant } : {}),
  }));
  const amd64Entry = entries.find(
    (entry) => entry.platform?.os === 'linux' && entry.platform.architecture === 'amd64',
  );
  if (!amd64Entry) return { digest: top.digest, platforms };
  const child = await client.manifest(amd64Entry.digest);
  if (!child)
    throw new Error(`the index ${top.digest} names ${amd64Entry.digest}, which is missing`);
  const { platform, labels } = await imageConfig(client, child);
  if (platform.architecture !== 'amd64') {
    // The index claims amd64 but the image inside is not: report what really runs.
    return { digest: top.digest, platforms: [platform] };
  }
  return { digest: top.digest, platforms, amd64: { digest: child.digest, labels } };
}

/**
 * The labels of an image (for an index, of its linux/amd64 image), or why they could not be
 * read (unreachable, no access, no amd64 image): callers then say they could not check.
 */
export async function readImageLabels(
  image: string,
  credentials: RegistryCredentials,
): Promise<{ labels: Record<string, string> } | { error: string }> {
  try {
    const ref = parseImageReference(image);
    const inspected = await inspectImage(new RegistryClient(ref, credentials), ref.reference);
    if (!inspected.amd64) {
      return {
        error: `${image} has no linux/amd64 image (it has ${inspected.platforms.map(formatPlatform).join(', ')})`,
      };
    }
    return { labels: inspected.amd64.labels };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
