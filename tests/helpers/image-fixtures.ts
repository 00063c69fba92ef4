import { execFileSync } from 'node:child_process';
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT, tempDir } from './paths.js';
import { getJson } from './registry-api.js';
import { TEST_REGISTRY } from './services.js';

/**
 * The build contexts of tests/fixtures/images and what the registry holds once they are pushed,
 * read without the client under test: for the build and images tests (in-process and e2e).
 */

const FIXTURES = path.join(REPO_ROOT, 'tests/fixtures/images');

/** Every manifest type a registry may answer for a tag (indexes included). */
export const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

/** A copy of tests/fixtures/images/<name> (a build context) in a folder of its own. */
export async function imageFixture(name: string): Promise<string> {
  const folder = path.join(await tempDir(`image-${name}`), name);
  await cp(path.join(FIXTURES, name), folder, { recursive: true });
  return folder;
}

/** What Python inside a local image says its scikit-learn is. */
export function sklearnVersion(image: string): string {
  return execFileSync(
    'docker',
    [
      'run',
      '--rm',
      '--entrypoint',
      'python3',
      image,
      '-c',
      'import sklearn; print(sklearn.__version__)',
    ],
    { encoding: 'utf8' },
  ).trim();
}

/** The image config the test registry holds for a digest: platform and labels. */
export async function registryConfig(
  repository: string,
  digest: string,
): Promise<{ os: string; architecture: string; labels: Record<string, string> }> {
  const manifest = await getJson(`${repository}/manifests/${digest}`, MANIFEST_TYPES);
  const configDigest = (manifest.body.config as { digest: string }).digest;
  const config = await getJson(`${repository}/blobs/${configDigest}`, '*/*');
  return {
    os: config.body.os as string,
    architecture: config.body.architecture as string,
    labels: (config.body.config as { Labels: Record<string, string> | null }).Labels ?? {},
  };
}

/** The digest a tag of the test registry points at. */
export async function tagDigest(repository: string, tag: string): Promise<string | null> {
  const manifest = await getJson(`${repository}/manifests/${tag}`, MANIFEST_TYPES);
  return manifest.headers.get('docker-content-digest');
}

/** An environment for plain docker, logged in to the test registry in a config folder of its own. */
async function registryLogin(): Promise<NodeJS.ProcessEnv> {
  const env = { ...process.env, DOCKER_CONFIG: await tempDir('docker-config') };
  execFileSync(
    'docker',
    ['login', TEST_REGISTRY.host, '-u', TEST_REGISTRY.username, '--password-stdin'],
    { input: TEST_REGISTRY.password, env, stdio: ['pipe', 'ignore', 'ignore'] },
  );
  return env;
}

/**
 * Builds a context for linux/arm64 with plain docker (--no-cache: the classic builder's cache
 * ignores the platform of FROM scratch layers) and pushes it to the test registry as `image`,
 * logged in with a Docker config folder of its own.
 */
export async function pushArm64Image(image: string, context: string): Promise<void> {
  const env = await registryLogin();
  execFileSync(
    'docker',
    ['build', '--no-cache', '--platform', 'linux/arm64', '-t', image, context],
    {
      env,
      stdio: 'ignore',
    },
  );
  execFileSync('docker', ['push', image], { env, stdio: 'ignore' });
}

/** Tags a local image into the test registry and pushes it (plain docker, its own login). */
export async function pushLocalImage(local: string, image: string): Promise<void> {
  const env = await registryLogin();
  execFileSync('docker', ['tag', local, image], { env, stdio: 'ignore' });
  execFileSync('docker', ['push', image], { env, stdio: 'ignore' });
}

/** Removes the local copies of the images whose names start with `prefix` (the registry keeps its own). */
export function removeLocalImages(prefix: string): void {
  const local = execFileSync('docker', ['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}'], {
    encoding: 'utf8',
  })
    .split('\n')
    .filter((name) => name.startsWith(prefix));
  if (local.length > 0)
    execFileSync('docker', ['image', 'rm', '--force', ...local], { stdio: 'ignore' });
}
