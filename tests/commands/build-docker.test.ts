import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCommand } from '../../src/commands/build.js';
import {
  startArtifactRegistryEmulator,
  type ArtifactRegistryEmulator,
} from '../emulators/artifact-registry.js';
import {
  imageFixture,
  pushArm64Image,
  registryConfig,
  removeLocalImages,
  sklearnVersion,
  tagDigest,
} from '../helpers/image-fixtures.js';
import { tempDir } from '../helpers/paths.js';
import { tagExists } from '../helpers/registry-api.js';
import { runCommand, type InputValue } from '../helpers/recording-host.js';
import { PYTHON_IMAGES, TEST_REGISTRY, imageServices } from '../helpers/services.js';
import { startGoogleEmulators, type GoogleEmulators } from './google.js';

/**
 * build in-process with a real Docker engine and the test registry, its Artifact Registry
 * repository found or created through the Artifact Registry emulator (after auth in-process).
 * The registry takes the password given (registry-password); the e2e smoke test pushes with the
 * auth step's access token instead.
 */

describe.skipIf(!imageServices())(
  'build (in-process, Docker, the test registry and the Artifact Registry emulator)',
  () => {
    let emulators: GoogleEmulators;
    let artifactRegistry: ArtifactRegistryEmulator;
    let denyCreate = false;
    // The registry keeps its data between test runs: a fresh repository keeps runs apart.
    const repository = `build-${Date.now().toString(36)}`;
    const registryPath = (image: string): string => `acme-ml/${repository}/${image}`;
    const imageName = (image: string): string => `${TEST_REGISTRY.host}/${registryPath(image)}`;
    const trainingVersion = sklearnVersion(PYTHON_IMAGES.training);
    const servingVersion = sklearnVersion(PYTHON_IMAGES.olderServing);
    let trainer: string;
    let trainerImage = '';

    beforeAll(async () => {
      emulators = await startGoogleEmulators();
      const { google } = emulators;
      artifactRegistry = await startArtifactRegistryEmulator({
        repositories: [{ id: 'kfp-templates', format: 'KFP' }],
        authorize: (check) =>
          !(check.permission === 'artifactregistry.repositories.create' && denyCreate),
        validateToken: google.validateAccessToken,
        clock: google.clock,
        faults: google.faults,
        requests: google.requests,
      });
      trainer = await imageFixture('trainer');
    }, 120_000);

    afterAll(async () => {
      await artifactRegistry?.close();
      await emulators?.close();
      removeLocalImages(`${TEST_REGISTRY.host}/acme-ml/${repository}/`);
    });

    /** build in workflow run `run` (GITHUB_SHA starts with it), as the action runs it. */
    async function build(run: string, inputs: Record<string, InputValue>) {
      return runCommand(
        buildCommand,
        {
          repository,
          region: 'us-central1',
          'project-id': 'acme-ml',
          'registry-password': TEST_REGISTRY.password,
          ...inputs,
        },
        {
          cwd: path.dirname(trainer),
          env: {
            ...emulators.env,
            MLOPS_ARTIFACTREGISTRY_ENDPOINT: artifactRegistry.endpoint.url,
            MLOPS_DOCKER_REGISTRY_HOST: TEST_REGISTRY.host,
            GITHUB_SERVER_URL: 'https://github.com',
            GITHUB_SHA: `${run}e4c09a24f134d5f8016cf68b21e73c819875`,
            DOCKER_CONFIG: await tempDir('docker-config'),
          },
        },
      );
    }

    it('builds for linux/amd64, creates the repository, pushes every tag, verifies, labels the versions', async () => {
      const name = imageName('trainer');
      const result = await build('5001', {
        image: 'trainer',
        context: trainer,
        'image-tags': 'latest',
      });
      expect(result.userError?.describe()).toBeUndefined();
      expect(artifactRegistry.repository(repository)?.format).toBe('DOCKER');
      expect(result.groups).toEqual([
        `Prepare ${name}`,
        `Build ${name} for linux/amd64`,
        `Push ${name}`,
        'Verify the pushed image',
      ]);
      expect(result.infos).toContain(`Artifact Registry repository ${repository}: created`);
      expect(result.infos).toContainEqual(
        expect.stringMatching(
          /^Build context trainer: \d+ files, \d+\.\d MB; content tag content-[0-9a-f]{32}$/,
        ),
      );
      // Named by tag in the fixture's FROM: the build says to pin it.
      expect(result.warnings).toContainEqual(
        expect.stringContaining(`The base image ${PYTHON_IMAGES.training} is named by tag`),
      );
      expect(result.masked).toEqual([{ value: TEST_REGISTRY.password, name: 'registry-password' }]);

      expect(result.outputs.image).toMatch(
        new RegExp(`^${name.replaceAll('.', '\\.')}@sha256:[0-9a-f]{64}$`),
      );
      expect(result.outputs.built).toBe('true');
      const tags = (result.outputs.tags ?? '').split(',');
      expect(tags).toEqual([
        expect.stringMatching(/^content-[0-9a-f]{32}$/) as string,
        '5001e4c',
        'latest',
      ]);
      trainerImage = result.outputs.image ?? '';
      const digest = result.outputs.digest ?? '';
      expect(trainerImage).toBe(`${name}@${digest}`);
      expect(result.tables[0]).toEqual({
        title: `Image ${name}`,
        header: ['Image', 'Platform', 'Tags', 'Built'],
        rows: [[trainerImage, 'linux/amd64', tags.join(', '), 'yes']],
      });
      expect(result.tables[1]?.title).toBe('Framework versions');
      expect(result.tables[1]?.rows).toContainEqual(['scikit-learn', trainingVersion]);
      expect(JSON.parse(result.outputs['framework-versions'] ?? '{}')).toMatchObject({
        'scikit-learn': trainingVersion,
      });

      // Checked in the registry without the client under test: platform, labels, every tag.
      const config = await registryConfig(registryPath('trainer'), digest);
      expect(`${config.os}/${config.architecture}`).toBe('linux/amd64');
      expect(config.labels['mlops.framework.scikit-learn']).toBe(trainingVersion);
      expect(config.labels['org.opencontainers.image.revision']).toBe(
        '5001e4c09a24f134d5f8016cf68b21e73c819875',
      );
      expect(config.labels['org.opencontainers.image.source']).toBe('https://github.com/acme/ml');
      for (const tag of tags) expect(await tagDigest(registryPath('trainer'), tag)).toBe(digest);
    }, 300_000);

    it('skips the build when the content hash is in the registry, and tags the new commit', async () => {
      expect(trainerImage).not.toBe('');
      const name = imageName('trainer');
      const result = await build('5002', { image: 'trainer', context: trainer });
      expect(result.userError?.describe()).toBeUndefined();
      expect(result.outputs.built).toBe('false');
      expect(result.outputs.image).toBe(trainerImage);
      expect(result.groups).toEqual([`Prepare ${name}`, 'Reuse the image built from this content']);
      expect(result.infos).toContain(`Artifact Registry repository ${repository}: found`);
      expect(result.infos).toContainEqual(
        expect.stringMatching(
          new RegExp(`:content-[0-9a-f]{32} exists \\(sha256:[0-9a-f]{64}\\): skipping the build$`),
        ),
      );
      expect(result.tables[0]?.rows[0]?.[3]).toBe('no: reused (same content)');
      expect(await tagDigest(registryPath('trainer'), '5002e4c')).toBe(result.outputs.digest);
      expect(JSON.parse(result.outputs['framework-versions'] ?? '{}')).toMatchObject({
        'scikit-learn': trainingVersion,
      });
    }, 120_000);

    it('pushes an image without Python, with every tag, warning that no framework versions were recorded', async () => {
      const result = await build('5012', {
        image: 'settings',
        context: await imageFixture('static'),
      });
      expect(result.userError?.describe()).toBeUndefined();
      expect(result.warnings).toContainEqual(
        expect.stringMatching(
          /^Cannot read the Python packages of .*: it has no python3 or python: no framework versions recorded$/,
        ),
      );
      expect(result.outputs['framework-versions']).toBe('{}');
      expect(result.tables.map((table) => table.title)).toEqual([`Image ${imageName('settings')}`]);
      for (const tag of (result.outputs.tags ?? '').split(','))
        expect(await tagDigest(registryPath('settings'), tag)).toBe(result.outputs.digest);
    }, 120_000);

    it('rejects a serving image whose scikit-learn differs from the training image, before pushing, with both sides', async () => {
      expect(trainerImage).not.toBe('');
      const result = await build('5004', {
        image: 'server',
        context: await imageFixture('server-bullseye'),
        'training-image': trainerImage,
      });
      expect(result.userError?.message).toMatch(
        /^The serving image cannot be trusted to load the model: \d+ framework versions? differs? from the training image$/,
      );
      expect(result.userError?.details).toContain(
        `scikit-learn: training ${trainingVersion}, serving ${servingVersion}`,
      );
      expect(result.groups).toEqual([
        `Prepare ${imageName('server')}`,
        `Verify ${trainerImage}`,
        `Build ${imageName('server')} for linux/amd64`,
      ]);
      const table = result.tables.find(
        (shown) => shown.title === 'Framework versions, training vs serving',
      );
      expect(table?.rows).toContainEqual([
        'scikit-learn',
        trainingVersion,
        servingVersion,
        'MISMATCH',
      ]);
      expect(await tagExists(registryPath('server'), '5004e4c')).toBe(false);
    }, 300_000);

    it('refuses an image that comes out arm64 (an arm64 base) before pushing it', async () => {
      const armImage = `${imageName('pushed-arm')}:1`;
      await pushArm64Image(armImage, await imageFixture('arm64'));
      const result = await build('5003', {
        image: 'predictor',
        context: await imageFixture('on-arm64-base'),
        'build-args': `BASE=${armImage}`,
      });
      expect(result.userError?.message).toMatch(
        /^The image built from .*Dockerfile is linux\/arm64, not linux\/amd64; nothing was pushed$/,
      );
      expect(result.userError?.fix).toContain('Vertex AI runs linux/amd64 only');
      expect(await tagExists(registryPath('predictor'), '5003e4c')).toBe(false);
    }, 120_000);

    it('a wrong registry password fails before the build, and is never shown', async () => {
      const result = await build('5007', {
        image: 'trainer',
        context: trainer,
        'registry-password': 'not-the-password',
      });
      expect(result.userError?.message).toMatch(
        new RegExp(
          `^The registry ${TEST_REGISTRY.host.replaceAll('.', '\\.')} rejected the credentials of oauth2accesstoken \\(HTTP 401`,
        ),
      );
      expect(result.groups).toEqual([`Prepare ${imageName('trainer')}`]);
      const shown = [...result.infos, ...result.warnings, result.userError?.describe() ?? ''];
      expect(shown.join('\n')).not.toContain('not-the-password');
    }, 120_000);

    it('a missing Dockerfile fails before any call to Google', async () => {
      const empty = await tempDir('no-dockerfile');
      await mkdir(path.join(empty, 'src'));
      const requests = emulators.google.requests.count();
      const result = await build('5008', { image: 'trainer', context: empty });
      expect(result.userError?.describe()).toContain(
        `The Dockerfile ${path.join(empty, 'Dockerfile')} does not exist`,
      );
      expect(emulators.google.requests.count()).toBe(requests);
    });

    it('the Artifact Registry repository: missing and not to be created, of another format, or not ours to create', async () => {
      const missing = await build('5009', {
        image: 'trainer',
        context: trainer,
        repository: `${repository}-missing`,
        'create-repository': false,
      });
      expect(missing.userError?.message).toBe(
        `The Artifact Registry repository projects/acme-ml/locations/us-central1/repositories/${repository}-missing does not exist`,
      );
      expect(missing.userError?.fix).toContain('or set create-repository: true');
      expect(artifactRegistry.repository(`${repository}-missing`)).toBeUndefined();

      const kfp = await build('5010', {
        image: 'trainer',
        context: trainer,
        repository: 'kfp-templates',
      });
      expect(kfp.userError?.message).toContain('holds KFP packages, not Docker images');

      denyCreate = true;
      try {
        const denied = await build('5011', {
          image: 'trainer',
          context: trainer,
          repository: `${repository}-denied`,
        });
        expect(denied.userError?.message).toMatch(/^Failed to create the repository /);
        expect(denied.userError?.fix).toContain('roles/artifactregistry.repoAdmin');
      } finally {
        denyCreate = false;
      }
      expect(artifactRegistry.repository(`${repository}-denied`)).toBeUndefined();
    }, 120_000);
  },
);
