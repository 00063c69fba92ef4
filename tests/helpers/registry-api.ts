import { createHash } from 'node:crypto';
import { TEST_REGISTRY } from './services.js';

/**
 * Raw Registry API v2 calls against the test registry, for shapes docker 20.10 cannot push
 * itself: OCI indexes with attestation entries (what buildx pushes), images of other platforms.
 */

const AUTH = `Basic ${Buffer.from(`${TEST_REGISTRY.username}:${TEST_REGISTRY.password}`).toString('base64')}`;
const BASE = `http://${TEST_REGISTRY.host}/v2`;

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
}

function sha256(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

export async function pushBlob(
  repository: string,
  bytes: Buffer,
  mediaType: string,
): Promise<Descriptor> {
  const digest = sha256(bytes);
  const start = await fetch(`${BASE}/${repository}/blobs/uploads/`, {
    method: 'POST',
    headers: { authorization: AUTH },
  });
  if (start.status !== 202) throw new Error(`blob upload start: HTTP ${start.status}`);
  const location = new URL(start.headers.get('location') ?? '', BASE);
  location.searchParams.set('digest', digest);
  const put = await fetch(location, {
    method: 'PUT',
    headers: { authorization: AUTH, 'content-type': 'application/octet-stream' },
    body: bytes,
  });
  if (put.status !== 201) throw new Error(`blob upload: HTTP ${put.status} ${await put.text()}`);
  return { mediaType, digest, size: bytes.length };
}

export async function pushManifest(
  repository: string,
  reference: string,
  mediaType: string,
  body: unknown,
): Promise<Descriptor> {
  const bytes = Buffer.from(JSON.stringify(body));
  const response = await fetch(`${BASE}/${repository}/manifests/${reference}`, {
    method: 'PUT',
    headers: { authorization: AUTH, 'content-type': mediaType },
    body: bytes,
  });
  if (response.status !== 201)
    throw new Error(`manifest ${reference}: HTTP ${response.status} ${await response.text()}`);
  return { mediaType, digest: sha256(bytes), size: bytes.length };
}

/** An image with no layers whose config says it is for `platform` (e.g. linux/arm64). */
export async function pushPlatformImage(
  repository: string,
  platform: { os: string; architecture: string },
  labels: Record<string, string> = {},
): Promise<Descriptor> {
  const config = await pushBlob(
    repository,
    Buffer.from(
      JSON.stringify({
        ...platform,
        config: { Labels: labels },
        rootfs: { type: 'layers', diff_ids: [] },
      }),
    ),
    'application/vnd.oci.image.config.v1+json',
  );
  const manifest = { schemaVersion: 2, mediaType: OCI_MANIFEST, config, layers: [] };
  const bytes = Buffer.from(JSON.stringify(manifest));
  return pushManifest(repository, sha256(bytes), OCI_MANIFEST, manifest);
}

/** GET a manifest or blob as the registry serves it (for checks independent of the client). */
export async function getJson(
  path: string,
  accept: string,
): Promise<{ body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(`${BASE}/${path}`, { headers: { authorization: AUTH, accept } });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return { body: (await response.json()) as Record<string, unknown>, headers: response.headers };
}

/** Whether a tag exists in the test registry. */
export async function tagExists(repository: string, tag: string): Promise<boolean> {
  const response = await fetch(`${BASE}/${repository}/manifests/${tag}`, {
    method: 'HEAD',
    headers: {
      authorization: AUTH,
      accept: [
        OCI_INDEX,
        OCI_MANIFEST,
        'application/vnd.docker.distribution.manifest.v2+json',
      ].join(', '),
    },
  });
  return response.status === 200;
}
