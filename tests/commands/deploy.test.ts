import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommand } from '../../src/commands/deploy.js';
import { tempDir } from '../helpers/paths.js';
import { runCommand, type InputValue } from '../helpers/recording-host.js';
import { startGoogleEmulators, type GoogleEmulators } from './google.js';

/**
 * deploy in-process against the Vertex emulator, from a run record written here (a packaged
 * model in the emulator's Cloud Storage): no training run, no prediction server (smoke
 * predictions are the e2e tests' business: smoke-instances none).
 */

const MODEL = 'cancer-classifier';
const MODEL_BYTES = Buffer.from('not really a joblib file, but hashed all the same');
const SHA256 = createHash('sha256').update(MODEL_BYTES).digest('hex');

let emulators: GoogleEmulators;
let dir: string;

/** A Vertex run record whose package-model task output a model at `gs://…/<run>/model`. */
async function runRecord(run: string, metadata: Record<string, unknown> = {}): Promise<string> {
  const uri = `gs://acme-ml-pipelines/root/${run}/package-model/model`;
  const local = emulators.vertex.localPath(`${uri}/model.joblib`);
  await mkdir(path.dirname(local), { recursive: true });
  await writeFile(local, MODEL_BYTES);
  const record = {
    recordVersion: 1,
    backend: 'vertex',
    runId: run,
    pipelineName: 'training-pipeline',
    pipelineRoot: 'gs://acme-ml-pipelines/root',
    parameters: {},
    state: 'SUCCEEDED',
    location: `gs://acme-ml-pipelines/root/${run}`,
    tasks: {
      evaluate: { path: 'evaluate', name: 'evaluate', state: 'SUCCEEDED', artifacts: {} },
      'package-model': {
        path: 'package-model',
        name: 'package-model',
        state: 'SUCCEEDED',
        upstream: ['evaluate'],
        artifacts: {
          model: [
            {
              name: 'model',
              uri,
              schemaTitle: 'system.Model',
              metadata: {
                framework: 'scikit-learn',
                framework_version: '1.2.2',
                model_sha256: SHA256,
                ...metadata,
              },
            },
          ],
        },
      },
    },
    outputs: {},
    metrics: { evaluate: { accuracy: 0.93, f1: 0.91 } },
  };
  const file = path.join(dir, `${run}.json`);
  await writeFile(file, JSON.stringify(record));
  return file;
}

function deploy(record: string, inputs: Record<string, InputValue> = {}) {
  return runCommand(
    deployCommand,
    {
      'run-record': record,
      model: MODEL,
      region: 'us-central1',
      'machine-type': 'n1-standard-4',
      'smoke-instances': 'none',
      ...inputs,
    },
    { cwd: dir, env: emulators.env },
  );
}

beforeAll(async () => {
  emulators = await startGoogleEmulators();
  dir = await tempDir('cmd-deploy');
}, 120_000);

afterAll(async () => {
  await emulators?.close();
});

describe('deploy (in-process, Vertex emulator)', () => {
  it('uploads the first version with its metrics, creates the endpoint and gives it all traffic', async () => {
    const result = await deploy(await runRecord('training-pipeline-1'));
    expect(result.userError?.describe()).toBeUndefined();
    expect(result.failure).toBeUndefined();
    const version = emulators.vertex.models.get(MODEL)?.versions.get('1');
    expect([...(version?.versionAliases ?? [])].sort()).toEqual(['champion', 'default']);
    expect(version?.artifactUri).toBe(
      'gs://acme-ml-pipelines/root/training-pipeline-1/package-model/model',
    );
    expect(version?.containerSpec.imageUri).toBe(
      'us-docker.pkg.dev/vertex-ai/prediction/sklearn-cpu.1-2:latest',
    );
    expect(version?.containerSpec.env).toEqual([{ name: 'MLOPS_MODEL_SHA256', value: SHA256 }]);
    expect(result.infos).toContain(
      `gs://acme-ml-pipelines/root/training-pipeline-1/package-model/model/model.joblib has the sha256 the run recorded (${SHA256}).`,
    );
    expect(result.outputs['model-version']).toBe('1');
    expect(result.outputs.model).toMatch(
      new RegExp(`^projects/[^/]+/locations/us-central1/models/${MODEL}$`),
    );
    const deployed = result.outputs['deployed-model-id'] ?? '';
    expect(JSON.parse(result.outputs['traffic-split'] ?? '{}')).toEqual({ [deployed]: 100 });
    expect(result.outputs['smoke-prediction']).toBe('');
  });

  it('canaries a second version, leaving the champion alias where it was', async () => {
    const result = await deploy(await runRecord('training-pipeline-2'), { traffic: '10' });
    expect(result.userError?.describe()).toBeUndefined();
    expect(result.outputs['model-version']).toBe('2');
    const split = JSON.parse(result.outputs['traffic-split'] ?? '{}') as Record<string, number>;
    expect(split[result.outputs['deployed-model-id'] ?? '']).toBe(10);
    expect(Object.values(split).sort((a, b) => a - b)).toEqual([10, 90]);
    const versions = emulators.vertex.models.get(MODEL)?.versions;
    expect([...(versions?.get('1')?.versionAliases ?? [])]).toContain('champion');
    expect([...(versions?.get('2')?.versionAliases ?? [])]).not.toContain('champion');
  });

  it('refuses a model whose stored file is not the one the run recorded, before any change', async () => {
    const record = await runRecord('training-pipeline-3', { model_sha256: 'a'.repeat(64) });
    const versions = emulators.vertex.models.get(MODEL)?.versions.size;
    const result = await deploy(record);
    expect(result.userError?.message).toMatch(/sha256/);
    expect(emulators.vertex.models.get(MODEL)?.versions.size).toBe(versions);
  });

  it('rejects bad inputs with one UserError before any call', async () => {
    const calls = emulators.vertex.calls();
    const record = path.join(dir, 'training-pipeline-1.json');
    for (const [inputs, message] of [
      [{ model: '' }, 'Missing required input "model"'],
      [{ 'min-replicas': '3', 'max-replicas': '2' }, 'max-replicas (2) is below min-replicas (3)'],
      [{ traffic: '101' }, 'traffic is 101'],
      [{ region: '' }, 'Deploys need a region'],
      [{ 'deploy-timeout': 'soon' }, 'deploy-timeout "soon" is not a duration'],
    ] as const) {
      const result = await deploy(record, inputs);
      expect(result.userError?.message, message).toBe(message);
      expect(result.inputs).toBeUndefined();
    }
    expect(emulators.vertex.calls()).toEqual(calls);
  });
});
