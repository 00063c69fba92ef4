import { UserError } from '../errors.js';

/** Image references as Docker reads them, and the names this project gives images. */

export interface ImageReference {
  /** The registry host (with port), e.g. `us-central1-docker.pkg.dev` or `127.0.0.1:5000`. */
  readonly registry: string;
  /** The path inside the registry, e.g. `my-project/ml-images/trainer`. */
  readonly repository: string;
  /** A tag or a `sha256:` digest. */
  readonly reference: string;
}

/** The registry host an image names, as Docker reads it; undefined for Docker Hub short names. */
export function registryHostOf(image: string): string | undefined {
  const withoutDigest = image.trim().split('@')[0] ?? '';
  const slash = withoutDigest.indexOf('/');
  const first = slash < 0 ? '' : withoutDigest.slice(0, slash);
  return first.includes('.') || first.includes(':') || first === 'localhost' ? first : undefined;
}

export function parseImageReference(image: string): ImageReference {
  const [withoutDigest = '', digest] = image.trim().split('@');
  const host = registryHostOf(image);
  const hasRegistry = host !== undefined;
  const slash = withoutDigest.indexOf('/');
  const registry = host ?? 'registry-1.docker.io';
  let rest = hasRegistry ? withoutDigest.slice(slash + 1) : withoutDigest;
  if (!hasRegistry && !rest.includes('/')) rest = `library/${rest}`;
  const colon = rest.lastIndexOf(':');
  const repository = colon > rest.lastIndexOf('/') ? rest.slice(0, colon) : rest;
  const tag = colon > rest.lastIndexOf('/') ? rest.slice(colon + 1) : 'latest';
  if (
    !repository ||
    !/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(
      repository,
    )
  ) {
    throw new UserError(`"${image}" is not an image reference`, {
      fix: 'Use REGISTRY/REPOSITORY[:TAG][@sha256:DIGEST], with a lower-case repository path.',
    });
  }
  if (digest !== undefined && !/^sha256:[a-f0-9]{64}$/.test(digest)) {
    throw new UserError(`"${image}" has a malformed digest`, {
      fix: 'A digest is sha256: followed by 64 hex digits.',
    });
  }
  return { registry, repository, reference: digest ?? checkDockerTag(tag) };
}

/** `host/path` without tag or digest. */
export function imageName(ref: Pick<ImageReference, 'registry' | 'repository'>): string {
  return `${ref.registry}/${ref.repository}`;
}

/** `host/path:tag` or `host/path@sha256:…`. */
export function formatImage(ref: ImageReference): string {
  const separator = ref.reference.startsWith('sha256:') ? '@' : ':';
  return `${imageName(ref)}${separator}${ref.reference}`;
}

export function checkDockerTag(tag: string): string {
  if (!/^[\w][\w.-]{0,127}$/.test(tag)) {
    throw new UserError(`"${tag}" is not a valid image tag`, {
      fix: 'Tags are up to 128 letters, digits, _, . and -, not starting with . or -.',
    });
  }
  return tag;
}

/** An Artifact Registry location: a region (us-central1) or a multi-region (us, europe, asia). */
export function checkRegistryLocation(location: string): string {
  if (!/^[a-z]+(-[a-z]+\d+)?$/.test(location)) {
    throw new UserError(`"${location}" is not an Artifact Registry location`, {
      fix: 'Use a region such as us-central1 or a multi-region: us, europe, asia.',
    });
  }
  return location;
}

/** The project, location and repository of an image in Artifact Registry, from its name. */
export function artifactRegistryRepository(
  ref: Pick<ImageReference, 'registry' | 'repository'>,
): { project: string; location: string; repository: string } | undefined {
  const location = /^([a-z0-9-]+)-docker\.pkg\.dev$/.exec(ref.registry)?.[1];
  const [project, repository, ...image] = ref.repository.split('/');
  if (!location || !project || !repository || image.length === 0) return undefined;
  return { project, location, repository };
}

/** Hosts that take a Google access token as the password of user oauth2accesstoken. */
export function isGoogleRegistry(host: string): boolean {
  return /(^|\.)(pkg\.dev|gcr\.io)$/.test(registryHostKey(host).replace(/:\d+$/, ''));
}

/** True for the loopback registries the registry API is spoken to over plain HTTP. */
export function isLoopbackRegistry(host: string): boolean {
  return /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(host);
}

/** The names Docker gives Docker Hub; its credential store keys them all as one. */
const DOCKER_HUB_HOSTS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/**
 * A registry host as credentials are keyed, so that one host has one key however it is written:
 * lower case, without scheme, path or the default port (80 on loopback, spoken to over HTTP;
 * else 443), Docker Hub's names as `docker.io`. Docker config keys (`https://index.docker.io/v1/`)
 * and image registries (`registry-1.docker.io`) both go through it.
 */
export function registryHostKey(host: string): string {
  const bare = host
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/\/.*$/, '');
  const defaultPort = isLoopbackRegistry(bare) ? ':80' : ':443';
  const name = bare.endsWith(defaultPort) ? bare.slice(0, -defaultPort.length) : bare;
  return DOCKER_HUB_HOSTS.has(name) ? 'docker.io' : name;
}

/** The tag that names an image by the content it was built from. */
export function contentTag(contentHash: string): string {
  return `content-${contentHash.slice(0, 32)}`;
}
