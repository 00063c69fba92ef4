import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { UserError } from '../../core/errors.js';

/**
 * Reads an image's labels from its registry (Docker Registry HTTP API v2 / OCI distribution),
 * without pulling it: manifest (the linux/amd64 entry of an index), then the config blob.
 * Auth: anonymous first, then the challenge the registry answers with (Bearer token service
 * or Basic), with credentials from the Docker config or, for Google registries, an access token.
 */

export interface ImageReference {
  readonly registry: string;
  readonly repository: string;
  /** A tag or a `sha256:` digest. */
  readonly reference: string;
}

export interface RegistryCredentials {
  /** Basic credentials for a registry host, if any are known. */
  basic(host: string): Promise<{ username: string; password: string } | undefined>;
}

const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

export function parseImageReference(image: string): ImageReference {
  const [withoutDigest = '', digest] = image.split('@');
  const slash = withoutDigest.indexOf('/');
  const first = slash < 0 ? '' : withoutDigest.slice(0, slash);
  const hasRegistry = first.includes('.') || first.includes(':') || first === 'localhost';
  const registry = hasRegistry ? first : 'registry-1.docker.io';
  let rest = hasRegistry ? withoutDigest.slice(slash + 1) : withoutDigest;
  if (!hasRegistry && !rest.includes('/')) rest = `library/${rest}`;
  const colon = rest.lastIndexOf(':');
  const repository = colon > rest.lastIndexOf('/') ? rest.slice(0, colon) : rest;
  const tag = colon > rest.lastIndexOf('/') ? rest.slice(colon + 1) : 'latest';
  if (!repository) {
    throw new UserError(`"${image}" is not an image reference`, {
      fix: 'Use REGISTRY/REPOSITORY[:TAG][@sha256:DIGEST].',
    });
  }
  return { registry, repository, reference: digest ?? tag };
}

/** Basic credentials from the Docker config (`docker login`), as `auths.<host>.auth`. */
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
      const entry = Object.entries(config.auths ?? {}).find(
        ([key]) => key === host || key.replace(/^https?:\/\//, '').replace(/\/.*$/, '') === host,
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

function challenge(header: string | null): { scheme: string; params: Record<string, string> } {
  const [scheme = '', ...rest] = (header ?? '').split(' ');
  const params: Record<string, string> = {};
  for (const match of rest.join(' ').matchAll(/(\w+)="([^"]*)"/g))
    params[match[1] ?? ''] = match[2] ?? '';
  return { scheme: scheme.toLowerCase(), params };
}

class RegistrySession {
  #authorization: string | undefined;

  constructor(
    readonly base: string,
    readonly host: string,
    readonly credentials: RegistryCredentials,
  ) {}

  async get(url: string, accept: string): Promise<Response> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await fetch(url, {
        headers: {
          accept,
          ...(this.#authorization ? { authorization: this.#authorization } : {}),
        },
        signal: AbortSignal.timeout(30_000),
      });
      if (response.status !== 401 || attempt > 0) return response;
      await response.body?.cancel();
      this.#authorization = await this.#authorize(response.headers.get('www-authenticate'));
      if (!this.#authorization) return response;
    }
    throw new Error('unreachable');
  }

  async #authorize(header: string | null): Promise<string | undefined> {
    const { scheme, params } = challenge(header);
    const basic = await this.credentials.basic(this.host);
    const basicHeader = basic
      ? `Basic ${Buffer.from(`${basic.username}:${basic.password}`).toString('base64')}`
      : undefined;
    if (scheme === 'basic') return basicHeader;
    if (scheme !== 'bearer' || !params.realm) return undefined;
    const tokenUrl = new URL(params.realm);
    if (params.service) tokenUrl.searchParams.set('service', params.service);
    if (params.scope) tokenUrl.searchParams.set('scope', params.scope);
    const response = await fetch(tokenUrl, {
      headers: basicHeader ? { authorization: basicHeader } : {},
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) return undefined;
    const body = (await response.json()) as { token?: string; access_token?: string };
    const token = body.token ?? body.access_token;
    return token ? `Bearer ${token}` : undefined;
  }
}

/**
 * The labels of an image (for an index: of its linux/amd64 image), or undefined when the
 * registry cannot be read (unreachable, no access): callers then say they could not check.
 */
export async function readImageLabels(
  image: string,
  credentials: RegistryCredentials,
): Promise<{ labels: Record<string, string> } | { error: string }> {
  const ref = parseImageReference(image);
  const loopback = /^(localhost|127\.|\[::1\])/.test(ref.registry);
  const base = `${loopback ? 'http' : 'https'}://${ref.registry}/v2/${ref.repository}`;
  const session = new RegistrySession(base, ref.registry, credentials);
  try {
    let manifest = await json(session, `${base}/manifests/${ref.reference}`, MANIFEST_TYPES);
    const entries = manifest.manifests as
      Array<{ digest: string; platform?: { os?: string; architecture?: string } }> | undefined;
    if (entries) {
      const amd64 = entries.find(
        (entry) => entry.platform?.os === 'linux' && entry.platform.architecture === 'amd64',
      );
      if (!amd64) return { error: `${image} has no linux/amd64 image` };
      manifest = await json(session, `${base}/manifests/${amd64.digest}`, MANIFEST_TYPES);
    }
    const configDigest = (manifest.config as { digest?: string } | undefined)?.digest;
    if (!configDigest) return { error: `the manifest of ${image} names no config` };
    const config = await json(session, `${base}/blobs/${configDigest}`, '*/*');
    const labels = (config.config as { Labels?: Record<string, string> | null } | undefined)
      ?.Labels;
    return { labels: labels ?? {} };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

async function json(
  session: RegistrySession,
  url: string,
  accept: string,
): Promise<Record<string, unknown>> {
  const response = await session.get(url, accept);
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`${new URL(url).pathname}: HTTP ${response.status}`);
  }
  return (await response.json()) as Record<string, unknown>;
}

/** Label keys that carry the scikit-learn version of a serving image. */
export const FRAMEWORK_VERSION_LABELS = [
  'mlops.framework-version',
  'org.scikit-learn.version',
  'sklearn.version',
  'scikit-learn.version',
];
