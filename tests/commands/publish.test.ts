import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishCommand } from '../../src/commands/publish.js';
import {
  startArtifactRegistryEmulator,
  type ArtifactRegistryEmulator,
} from '../emulators/artifact-registry.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { runCommand, type InputValue } from '../helpers/recording-host.js';
import { startGoogleEmulators, type GoogleEmulators } from './google.js';

/** publish in-process to the Artifact Registry emulator (Kubeflow Pipelines templates). */

const PIPELINE = 'pipelines/training-pipeline.yaml';
const REPOSITORY = 'https://us-central1-kfp.pkg.dev/acme-ml/pipelines';

let emulators: GoogleEmulators;
let registry: ArtifactRegistryEmulator;

beforeAll(async () => {
  emulators = await startGoogleEmulators();
  registry = await startArtifactRegistryEmulator({ repositories: [{ id: 'pipelines' }] });
}, 120_000);

afterAll(async () => {
  await registry?.close();
  await emulators?.close();
});

function publish(inputs: Record<string, InputValue>) {
  return runCommand(
    publishCommand,
    { pipeline: PIPELINE, repository: REPOSITORY, ...inputs },
    {
      cwd: REPO_ROOT,
      env: {
        ...emulators.env,
        MLOPS_KFP_ENDPOINT: registry.kfpBaseUrl,
        MLOPS_ARTIFACTREGISTRY_ENDPOINT: registry.endpoint.url,
        GITHUB_SHA: '4001e4c09a24f134d5f8016cf68b21e73c819875',
      },
    },
  );
}

describe('publish (in-process, Artifact Registry emulator)', () => {
  it('uploads the compiled pipeline as a version with tags; the same content is the same version', async () => {
    const first = await publish({});
    expect(first.userError?.describe()).toBeUndefined();
    expect(first.outputs.package).toBe('training-pipeline');
    expect(first.outputs.version).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(first.outputs['template-uri']).toBe(
      `${REPOSITORY}/training-pipeline/${first.outputs.version ?? ''}`,
    );
    expect(first.outputs.tags).toBe('latest,4001e4c');
    expect(first.groups).toEqual(['Compile and validate', 'Upload']);
    const stored = registry.repository('pipelines')?.packages.get('training-pipeline');
    expect(stored?.versions.size).toBe(1);
    expect(stored?.resolve('4001e4c')?.text).toContain('pipelineInfo:');

    const again = await publish({ tags: 'v1.0\nstable' });
    expect(again.outputs.version).toBe(first.outputs.version);
    expect(stored?.versions.size).toBe(1);
    expect(stored?.resolve('stable')?.id).toBe(first.outputs.version);
  });

  it('a bad tag or repository is one clear error before any upload', async () => {
    const uploads = registry.calls().kfpUpload;
    const tag = await publish({ tags: 'sha256:abc' });
    expect(tag.userError?.describe()).toContain('tag "sha256:abc" is not valid');
    const repository = await publish({ repository: 'https://example.com/x' });
    expect(repository.userError?.describe()).toContain(
      'is neither a kfp.pkg.dev URL nor a repository id',
    );
    expect(registry.calls().kfpUpload).toBe(uploads);
  });
});
