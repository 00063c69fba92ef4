import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startArtifactRegistryEmulator,
  type ArtifactRegistryEmulator,
} from '../emulators/artifact-registry.js';
import { mlops } from '../helpers/cli.js';
import { startGoogleWorkflow, type GoogleWorkflow } from '../helpers/google-workflow.js';
import {
  imageFixture,
  registryConfig,
  sklearnVersion,
  tagDigest,
} from '../helpers/image-fixtures.js';
import { PYTHON_IMAGES, TEST_REGISTRY, imageServices } from '../helpers/services.js';

/**
 * build, images-verify and images diff through dist/, as a workflow runs them: keyless auth
 * against the Google emulators, the Artifact Registry API emulator for the repository, and a
 * real Docker engine pushing to a real registry whose password is the access token the auth
 * step's service account gets (as Artifact Registry takes it). One smoke test per command: the
 * reuse of a built image, images without Python, framework mismatches, arm64 images and bases,
 * wrong passwords, missing Dockerfiles and repositories are tested in-process
 * (tests/commands/build*.test.ts, images-verify*.test.ts, images-diff*.test.ts).
 */

describe.skipIf(!imageServices())(
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
    let trainerImage = '';

    beforeAll(async () => {
      workflow = await startGoogleWorkflow(
        {},
        { serviceAccountTokenValue: TEST_REGISTRY.password },
      );
      artifactRegistry = await startArtifactRegistryEmulator({
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
          context: await imageFixture('trainer'),
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
      for (const tag of tags) expect(await tagDigest(registryPath('trainer'), tag)).toBe(digest);
      expect(JSON.parse(step.outputs['framework-versions'] ?? '{}')).toMatchObject({
        'scikit-learn': trainingVersion,
      });
      expect(step.summary).toContain(digest);
      expect(step.summary).toContain(trainingVersion);
    }, 300_000);

    it('images-verify passes the trainer against itself, with the password given as an input', async () => {
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
    }, 120_000);

    it('mlops images diff compares the packages of two local images', async () => {
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
    }, 120_000);
  },
);
