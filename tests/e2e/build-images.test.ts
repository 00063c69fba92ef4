import { execFileSync } from 'node:child_process';
import { cp, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startArtifactRegistryEmulator,
  type ArtifactRegistryEmulator,
} from '../emulators/artifact-registry.js';
import { mlops } from '../helpers/cli.js';
import { startGoogleWorkflow, type GoogleWorkflow } from '../helpers/google-workflow.js';
import { REPO_ROOT, tempDir } from '../helpers/paths.js';
import { getJson, tagExists } from '../helpers/registry-api.js';
import {
  dockerEngine,
  dockerRegistry,
  pythonBaseImages,
  PYTHON_IMAGES,
  TEST_REGISTRY,
} from '../helpers/services.js';

/**
 * build, images-verify and images diff through dist/, as a workflow runs them: keyless auth
 * against the Google emulators, the Artifact Registry API emulator for the repository, and a
 * real Docker engine pushing to a real registry whose password is the access token the auth
 * step's service account gets (as Artifact Registry takes it).
 */

const FIXTURES = path.join(REPO_ROOT, 'tests/fixtures/images');
const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

/** What Python inside a base image says, read independently of the code under test. */
function sklearnVersion(image: string): string {
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

async function fixture(name: string): Promise<string> {
  const folder = path.join(await tempDir(`image-${name}`), name);
  await cp(path.join(FIXTURES, name), folder, { recursive: true });
  return folder;
}

/** The image config the registry holds for a digest: platform and labels. */
async function registryConfig(
  repository: string,
  digest: string,
): Promise<{ os: string; architecture: string; labels: Record<string, string> }> {
  const manifest = await getJson(`${repository}/manifests/${digest}`, MANIFEST_TYPES);
  const configDigest = (manifest.body.config as { digest: string }).digest;
  const config = await getJson(`${repository}/blobs/${configDigest}`, '*/*');
  return {
    os: config.body.os as string,
    architecture: config.body.architecture as string,
    labels: (config.body.config as { Labels: Record<string, string> }).Labels,
  };
}

describe.skipIf(!dockerEngine() || !dockerRegistry() || !pythonBaseImages())(
  'images: build, verify and diff with a real Docker engine and registry',
  () => {
    let workflow: GoogleWorkflow;
    let artifactRegistry: ArtifactRegistryEmulator;
    let env: Record<string, string>;
    // The registry keeps its data between test runs: a fresh repository keeps runs apart.
    const repository = `images-${Date.now().toString(36)}`;
    const registryPath = (image: string): string => `acme-ml/${repository}/${image}`;
    const trainingVersion = sklearnVersion(PYTHON_IMAGES.training);
    const servingVersion = sklearnVersion(PYTHON_IMAGES.olderServing);
    let trainer: string;
    let trainerImage = '';
    let denyCreate = false;
    const armImage = `${TEST_REGISTRY.host}/${registryPath('pushed-arm')}:1`;

    beforeAll(async () => {
      workflow = await startGoogleWorkflow(
        {},
        { serviceAccountTokenValue: TEST_REGISTRY.password },
      );
      artifactRegistry = await startArtifactRegistryEmulator({
        repositories: [{ id: 'kfp-templates', format: 'KFP' }],
        authorize: (check) =>
          !(check.permission === 'artifactregistry.repositories.create' && denyCreate),
        validateToken: workflow.google.validateAccessToken,
        clock: workflow.google.clock,
        faults: workflow.google.faults,
        requests: workflow.google.requests,
      });
      env = {
        MLOPS_ARTIFACTREGISTRY_ENDPOINT: artifactRegistry.endpoint.url,
        MLOPS_DOCKER_REGISTRY_HOST: TEST_REGISTRY.host,
        GITHUB_SERVER_URL: 'https://github.com',
      };
      trainer = await fixture('trainer');
    }, 120_000);

    afterAll(async () => {
      await artifactRegistry?.close();
      await workflow?.close();
    });

    it('builds for linux/amd64, creates the repository, pushes with the auth step token, verifies', async () => {
      const step = await workflow.step(
        '5001',
        {
          command: 'build',
          image: 'trainer',
          repository,
          context: trainer,
          'image-tags': 'latest',
        },
        env,
      );
      const log = step.result.stdout + step.result.stderr;
      expect(step.result.code, log).toBe(0);
      expect(log).not.toContain(`Basic `);
      expect(
        log
          .split('\n')
          .filter(
            (line) => !line.startsWith('::add-mask::') && line.includes(TEST_REGISTRY.password),
          ),
      ).toEqual([]);

      const created = artifactRegistry.repository(repository);
      expect(created?.format).toBe('DOCKER');

      const name = `${TEST_REGISTRY.host}/${registryPath('trainer')}`;
      expect(step.outputs.image).toMatch(
        new RegExp(`^${name.replaceAll('.', '\\.')}@sha256:[0-9a-f]{64}$`),
      );
      expect(step.outputs.built).toBe('true');
      const tags = (step.outputs.tags ?? '').split(',');
      expect(tags).toEqual([
        expect.stringMatching(/^content-[0-9a-f]{32}$/) as string,
        '5001e4c',
        'latest',
      ]);
      trainerImage = step.outputs.image ?? '';

      // Checked in the registry without the client under test: platform, labels, every tag.
      const digest = step.outputs.digest ?? '';
      const config = await registryConfig(registryPath('trainer'), digest);
      expect(`${config.os}/${config.architecture}`).toBe('linux/amd64');
      expect(config.labels['mlops.framework.scikit-learn']).toBe(trainingVersion);
      expect(config.labels['org.opencontainers.image.revision']).toBe(
        '5001e4c09a24f134d5f8016cf68b21e73c819875',
      );
      expect(config.labels['org.opencontainers.image.source']).toBe('https://github.com/acme/ml');
      for (const tag of tags) {
        const manifest = await getJson(
          `${registryPath('trainer')}/manifests/${tag}`,
          MANIFEST_TYPES,
        );
        expect(manifest.headers.get('docker-content-digest')).toBe(digest);
      }
      expect(JSON.parse(step.outputs['framework-versions'] ?? '{}')).toMatchObject({
        'scikit-learn': trainingVersion,
      });
      expect(step.summary).toContain(digest);
      expect(step.summary).toContain(trainingVersion);
    }, 300_000);

    it('skips the build when the content hash is in the registry, and tags the new commit', async () => {
      expect(trainerImage).not.toBe('');
      const step = await workflow.step(
        '5002',
        { command: 'build', image: 'trainer', repository, context: trainer },
        env,
      );
      const log = step.result.stdout + step.result.stderr;
      expect(step.result.code, log).toBe(0);
      expect(step.outputs.built).toBe('false');
      expect(step.outputs.image).toBe(trainerImage);
      expect(log).toContain('skipping the build');
      expect(log).not.toMatch(/^Step 1\/|Sending build context/m);
      const moved = await getJson(`${registryPath('trainer')}/manifests/5002e4c`, MANIFEST_TYPES);
      expect(moved.headers.get('docker-content-digest')).toBe(step.outputs.digest);
      expect(step.summary).toContain('reused');
    }, 120_000);

    it('pushes an image without Python, with every tag, saying no framework versions were recorded', async () => {
      const step = await workflow.step(
        '5012',
        { command: 'build', image: 'settings', repository, context: await fixture('static') },
        env,
      );
      const log = step.result.stdout + step.result.stderr;
      expect(step.result.code, log).toBe(0);
      expect(log).toContain('no framework versions recorded');
      expect(step.outputs['framework-versions']).toBe('{}');
      for (const tag of (step.outputs.tags ?? '').split(',')) {
        const manifest = await getJson(
          `${registryPath('settings')}/manifests/${tag}`,
          MANIFEST_TYPES,
        );
        expect(manifest.headers.get('docker-content-digest')).toBe(step.outputs.digest);
      }
    }, 120_000);

    it('rejects a serving image whose scikit-learn differs from the training image, with both sides', async () => {
      expect(trainerImage).not.toBe('');
      const step = await workflow.step(
        '5004',
        {
          command: 'build',
          image: 'server',
          repository,
          context: await fixture('server-bullseye'),
          'training-image': trainerImage,
        },
        env,
      );
      const log = step.result.stdout + step.result.stderr;
      expect(step.result.code).not.toBe(0);
      expect(log).toContain(`scikit-learn: training ${trainingVersion}, serving ${servingVersion}`);
      expect(step.summary).toMatch(
        new RegExp(
          `scikit-learn</td><td>${trainingVersion}</td><td>${servingVersion}</td><td>MISMATCH`,
        ),
      );
      expect(await tagExists(registryPath('server'), '5004e4c')).toBe(false);
    }, 300_000);

    it('images-verify passes the trainer against itself and rejects an arm64 image docker pushed', async () => {
      expect(trainerImage).not.toBe('');
      const same = await workflow.step(
        '5005',
        {
          command: 'images-verify',
          image: trainerImage,
          'training-image': trainerImage,
          'registry-password': TEST_REGISTRY.password,
        },
        env,
      );
      expect(same.result.code, same.result.stdout).toBe(0);
      expect(JSON.parse(same.outputs['framework-versions'] ?? '{}')).toMatchObject({
        'scikit-learn': trainingVersion,
      });

      // FROM scratch with a COPY, built for linux/arm64 and pushed by plain docker, not by build.
      const config = await tempDir('docker-config');
      const dockerEnv = { ...process.env, DOCKER_CONFIG: config };
      execFileSync(
        'docker',
        ['login', TEST_REGISTRY.host, '-u', TEST_REGISTRY.username, '--password-stdin'],
        {
          input: TEST_REGISTRY.password,
          env: dockerEnv,
          stdio: ['pipe', 'ignore', 'ignore'],
        },
      );
      // --no-cache: the classic builder's cache ignores the platform of FROM scratch layers.
      execFileSync(
        'docker',
        [
          'build',
          '--no-cache',
          '--platform',
          'linux/arm64',
          '-t',
          armImage,
          await fixture('arm64'),
        ],
        {
          env: dockerEnv,
          stdio: 'ignore',
        },
      );
      execFileSync('docker', ['push', armImage], { env: dockerEnv, stdio: 'ignore' });
      const arm = await workflow.step(
        '5006',
        { command: 'images-verify', image: armImage, 'registry-password': TEST_REGISTRY.password },
        env,
      );
      expect(arm.result.code).not.toBe(0);
      expect(arm.result.stdout + arm.result.stderr).toContain(
        `${armImage} has no linux/amd64 image: it is linux/arm64`,
      );
    }, 300_000);

    it('build refuses an image that comes out arm64 (an arm64 base) before pushing it', async () => {
      const step = await workflow.step(
        '5003',
        {
          command: 'build',
          image: 'predictor',
          repository,
          context: await fixture('on-arm64-base'),
          'build-args': `BASE=${armImage}`,
        },
        env,
      );
      const log = step.result.stdout + step.result.stderr;
      expect(step.result.code).not.toBe(0);
      expect(log).toMatch(
        /The image built from .*Dockerfile is linux\/arm64, not linux\/amd64; nothing was pushed/,
      );
      expect(await tagExists(registryPath('predictor'), '5003e4c')).toBe(false);
    }, 120_000);

    it('a wrong registry password and a missing Dockerfile fail at once with what to fix', async () => {
      const wrong = await workflow.step(
        '5007',
        {
          command: 'build',
          image: 'trainer',
          repository,
          context: trainer,
          'registry-password': 'not-the-password',
        },
        env,
      );
      const wrongLog = wrong.result.stdout + wrong.result.stderr;
      expect(wrong.result.code).not.toBe(0);
      expect(wrongLog).toContain('rejected the credentials of oauth2accesstoken (HTTP 401');
      expect(
        wrongLog
          .split('\n')
          .filter((line) => !line.startsWith('::add-mask::'))
          .join('\n'),
      ).not.toContain('not-the-password');
      expect(wrongLog).not.toContain('Sending build context');

      const empty = await tempDir('no-dockerfile');
      await mkdir(path.join(empty, 'src'));
      const requestsBefore = workflow.google.requests.count();
      const missing = await workflow.step(
        '5008',
        { command: 'build', image: 'trainer', repository, context: empty },
        env,
      );
      expect(missing.result.code).not.toBe(0);
      expect(missing.result.stdout + missing.result.stderr).toContain(
        `The Dockerfile ${path.join(empty, 'Dockerfile')} does not exist`,
      );
      expect(workflow.google.requests.count()).toBe(requestsBefore);

      const noRepository = await workflow.step(
        '5009',
        {
          command: 'build',
          image: 'trainer',
          repository: `${repository}-missing`,
          context: trainer,
          'create-repository': 'false',
        },
        env,
      );
      expect(noRepository.result.code).not.toBe(0);
      expect(noRepository.result.stdout).toContain(
        `repositories/${repository}-missing does not exist`,
      );

      const kfp = await workflow.step(
        '5010',
        { command: 'build', image: 'trainer', repository: 'kfp-templates', context: trainer },
        env,
      );
      expect(kfp.result.code).not.toBe(0);
      expect(kfp.result.stdout).toContain('holds KFP packages, not Docker images');

      denyCreate = true;
      const denied = await workflow.step(
        '5011',
        {
          command: 'build',
          image: 'trainer',
          repository: `${repository}-denied`,
          context: trainer,
        },
        env,
      );
      denyCreate = false;
      expect(denied.result.code).not.toBe(0);
      expect(denied.result.stdout).toContain(`Failed to create the repository`);
      expect(denied.result.stdout).toContain('roles/artifactregistry.repoAdmin');
    }, 120_000);

    it('mlops images diff lists every package of both images, frameworks first', async () => {
      const result = await mlops([
        'images',
        'diff',
        PYTHON_IMAGES.training,
        PYTHON_IMAGES.olderServing,
      ]);
      expect(result.code, result.stderr).toBe(0);
      const sklearnRow = result.stderr.split('\n').find((line) => line.startsWith('scikit-learn'));
      expect(sklearnRow).toMatch(
        new RegExp(`^scikit-learn\\s+${trainingVersion}\\s+${servingVersion}\\s+differs`),
      );
      expect(result.stderr).toMatch(/\d+ of \d+ packages differ/);
      const all = await mlops([
        'images',
        'diff',
        PYTHON_IMAGES.training,
        PYTHON_IMAGES.training,
        '--all-packages',
      ]);
      expect(all.code, all.stderr).toBe(0);
      expect(all.stderr).toMatch(/^0 of \d+ packages differ$/m);
      expect(all.stderr).toMatch(
        new RegExp(`^scikit-learn\\s+${trainingVersion}\\s+${trainingVersion}\\s+same`, 'm'),
      );
    }, 120_000);
  },
);
