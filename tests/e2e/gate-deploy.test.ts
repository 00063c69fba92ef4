import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startGoogleWorkflow,
  type GoogleWorkflow,
  type WorkflowStep,
} from '../helpers/google-workflow.js';
import { pushLabelledImage } from '../helpers/docker-images.js';
import {
  dockerEngine,
  dockerRegistry,
  pythonWithSklearn,
  TEST_REGISTRY,
} from '../helpers/services.js';

/**
 * The release path through dist/, as a workflow runs it: auth → run on Vertex → gate → deploy,
 * twice (the second version canaries, then is promoted), then deploys that fail and roll back,
 * checked by reading the emulator's registry and endpoints afterwards.
 */

const hasPython = pythonWithSklearn();
const registryReady = dockerEngine() && dockerRegistry();
const MODEL = 'cancer-classifier';

describe.skipIf(!hasPython)('run → gate → deploy on Vertex AI, through dist/', () => {
  let workflow: GoogleWorkflow;
  /** Run records of two pipeline runs (the second from a later workflow run). */
  const records: string[] = [];

  beforeAll(async () => {
    workflow = await startGoogleWorkflow();
    for (const runId of ['2001', '2002']) {
      const run = await step(runId, {
        command: 'run',
        target: 'vertex',
        pipeline: 'pipelines/training-pipeline.yaml',
        'pipeline-root': 'gs://acme-ml-pipelines/root',
        param: 'search_iterations=2',
      });
      expect(run.result.code, run.result.stdout + run.result.stderr).toBe(0);
      records.push(run.outputs['run-record'] ?? '');
    }
  }, 240_000);

  afterAll(async () => {
    await workflow?.close();
  });

  function step(
    runId: string,
    values: Record<string, string>,
    env: Record<string, string> = {},
  ): Promise<WorkflowStep> {
    return workflow.step(runId, values, env);
  }

  function deploy(
    record: string,
    values: Record<string, string> = {},
    env: Record<string, string> = {},
  ): Promise<WorkflowStep> {
    return step(
      '3000',
      {
        command: 'deploy',
        'run-record': record,
        model: MODEL,
        'machine-type': 'n1-standard-4',
        ...values,
      },
      env,
    );
  }

  function registry() {
    const model = workflow.vertex.models.get(MODEL);
    const versions = [...(model?.versions.values() ?? [])];
    const endpoint = [...workflow.vertex.endpoints.values()].find(
      (candidate) => candidate.labels.mlops_endpoint === MODEL,
    );
    return {
      versions: versions.map((version) => ({
        id: version.versionId,
        aliases: [...version.versionAliases].sort(),
        run: version.labels.mlops_run,
      })),
      deployed: [...(endpoint?.deployedModels.values() ?? [])].map((deployed) => ({
        id: deployed.id,
        version: deployed.modelVersionId,
      })),
      split: { ...endpoint?.trafficSplit },
      endpoints: workflow.vertex.endpoints.size,
    };
  }

  const rules = ['accuracy >= 0.8', 'f1 >= champion.f1 - 0.01', 'roc_auc > 0.9'].join('\n');

  it('gate: passes the first candidate, noting there is no champion yet', async () => {
    const { result, outputs, summary } = await step('3000', {
      command: 'gate',
      'run-record': records[0] ?? '',
      rules,
      model: MODEL,
    });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(outputs.passed).toBe('true');
    expect(outputs['champion-metrics']).toBe('');
    const metrics = JSON.parse(outputs.metrics ?? '{}') as Record<string, number>;
    expect(metrics.accuracy).toBeGreaterThan(0.8);
    expect(result.stdout).toContain(`No model "${MODEL}" in the Model Registry yet`);
    expect(summary).toContain('no champion yet: passes');
    expect(summary).toContain('<td>accuracy &gt;= 0.8</td>');
    expect(summary).not.toMatch(/<td><\/tr>|<td><td>/);
  });

  it('gate: a failing rule fails the step, or only the output with fail-on-gate false', async () => {
    const strict = await step('3000', {
      command: 'gate',
      'run-record': records[0] ?? '',
      rules: 'accuracy >= 0.999\nprecision_at_k > 0.5',
    });
    expect(strict.result.code).toBe(1);
    expect(strict.outputs.passed).toBe('false');
    expect(strict.result.stdout).toContain('Gate failed: 2 of 2 rules failed');
    expect(strict.summary).toContain('the candidate has no metric precision_at_k (it has: ');
    const lenient = await step('3000', {
      command: 'gate',
      'run-record': records[0] ?? '',
      rules: 'accuracy >= 0.999',
      'fail-on-gate': 'false',
    });
    expect(lenient.result.code).toBe(0);
    expect(lenient.outputs.passed).toBe('false');
  });

  it('gate: a malformed rule is one clear error naming it, before any call', async () => {
    const { result } = await step('3000', {
      command: 'gate',
      'run-record': records[0] ?? '',
      rules: 'accuracy >= 0.8\nf1 >== 2',
      model: MODEL,
    });
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toContain(
      'A gate rule is not valid CEL: line 2: f1 >== 2',
    );
  });

  it('deploy: the first version creates the model and endpoint and takes all traffic', async () => {
    const { result, outputs, summary } = await deploy(records[0] ?? '');
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const state = registry();
    expect(state.versions.map((v) => [v.id, v.aliases])).toEqual([['1', ['champion', 'default']]]);
    expect(state.versions[0]?.run).toMatch(/^training-pipeline-/);
    expect(state.deployed).toEqual([{ id: outputs['deployed-model-id'], version: '1' }]);
    expect(state.split).toEqual({ [outputs['deployed-model-id'] ?? '']: 100 });
    expect(outputs['model-version']).toBe('1');
    expect(outputs.model).toMatch(
      new RegExp(`^projects/[^/]+/locations/us-central1/models/${MODEL}$`),
    );
    const version = workflow.vertex.models.get(MODEL)?.versions.get('1');
    expect(version?.containerSpec.imageUri).toBe(
      'us-docker.pkg.dev/vertex-ai/prediction/sklearn-cpu.1-2:latest',
    );
    expect(version?.artifactUri).toMatch(/^gs:\/\/acme-ml-pipelines\/root\/.+deployable_model$/);
    const [evaluation] = [...(version?.evaluations.values() ?? [])];
    expect(Object.keys(evaluation?.metrics ?? {})).toContain('accuracy');
    expect(Object.keys(evaluation?.metrics ?? {})).toContain('f1');
    const deployed = [
      ...(workflow.vertex.endpoints.values().next().value?.deployedModels.values() ?? []),
    ][0];
    expect(deployed?.dedicatedResources.machineSpec).toMatchObject({
      machineType: 'n1-standard-4',
    });
    expect(summary).toContain('Deployed cancer-classifier');
  });

  it('deploy: re-running the same deploy changes nothing', async () => {
    const before = registry();
    const calls = workflow.vertex.calls();
    const { result } = await deploy(records[0] ?? '');
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(registry()).toEqual(before);
    expect(workflow.vertex.calls().uploadModel).toBe(calls.uploadModel);
    expect(workflow.vertex.calls().deployModel).toBe(calls.deployModel);
    expect(result.stdout).toContain("already holds this run's model");
  });

  it('gate: the second candidate is compared with the champion from the registry', async () => {
    const { result, outputs } = await step('3000', {
      command: 'gate',
      'run-record': records[1] ?? '',
      rules,
      model: MODEL,
    });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(outputs['champion-version']).toMatch(/models\/cancer-classifier@1$/);
    expect(JSON.parse(outputs['champion-metrics'] ?? '{}')).toEqual(
      JSON.parse(outputs.metrics ?? '{}'),
    );
  });

  it('deploy: the second version canaries at 10%, then is promoted', async () => {
    const first = registry().deployed[0]?.id ?? '';
    const canary = await deploy(records[1] ?? '', { traffic: '10' });
    expect(canary.result.code, canary.result.stdout + canary.result.stderr).toBe(0);
    const newId = canary.outputs['deployed-model-id'] ?? '';
    let state = registry();
    expect(state.split).toEqual({ [first]: 90, [newId]: 10 });
    expect(state.versions.map((v) => [v.id, v.aliases])).toEqual([
      ['1', ['champion', 'default']],
      ['2', ['canary']],
    ]);

    const promote = await deploy(records[1] ?? '', { traffic: '100' });
    expect(promote.result.code, promote.result.stdout + promote.result.stderr).toBe(0);
    expect(promote.outputs['deployed-model-id']).toBe(newId);
    state = registry();
    expect(state.split).toEqual({ [newId]: 100 });
    expect(state.versions.map((v) => [v.id, v.aliases])).toEqual([
      ['1', ['default']],
      ['2', ['champion']],
    ]);
    // keep-deployed 2: the old version stays deployed at 0% for a quick rollback.
    expect(state.deployed.map((d) => d.version)).toEqual(['1', '2']);
    expect(workflow.vertex.calls().uploadModel).toBe(2);
  });

  it('deploy: a failed deploy operation leaves the registry and endpoint as they were', async () => {
    const record = await derivedRecord(records[1] ?? '', 'third');
    const before = registry();
    workflow.vertex.faults.failNextOperation('deployModel', {
      code: 'RESOURCE_EXHAUSTED',
      message: 'The following quota metrics exceed quota limits: custom_model_serving_cpus',
    });
    const { result } = await deploy(record, { traffic: '25' });
    expect(result.code).not.toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).toContain('Deploy failed and was rolled back');
    expect(output).toContain('custom_model_serving_cpus');
    expect(output).toMatch(/undone: uploaded version .*models\/cancer-classifier@3/);
    expect(registry()).toEqual(before);
  });

  it('deploy: a failure after the new version went live is rolled back too', async () => {
    const record = await derivedRecord(records[1] ?? '', 'fourth');
    const before = registry();
    workflow.vertex.faults.failNext(1, 400, {
      route: 'mergeVersionAliases',
      message: 'Alias champion is locked by policy.',
    });
    const { result } = await deploy(record, { traffic: '100' });
    expect(result.code).not.toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).toContain('Alias champion is locked by policy.');
    expect(output).toMatch(/undone: deployed .*models\/cancer-classifier@4 as \d+/);
    const after = registry();
    expect(after).toEqual(before);
  });

  it('deploy: refuses a serving image whose scikit-learn differs from training, before any call', async () => {
    const calls = workflow.vertex.calls();
    const { result } = await deploy(records[1] ?? '', {
      'serving-image': 'us-docker.pkg.dev/vertex-ai/prediction/sklearn-cpu.1-0:latest',
    });
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toMatch(
      /trained with scikit-learn 1\.2\.\d+, but the serving image us-docker\.pkg\.dev\/vertex-ai\/prediction\/sklearn-cpu\.1-0:latest has scikit-learn 1\.0/,
    );
    expect(workflow.vertex.calls().uploadModel).toBe(calls.uploadModel);
  });

  it.skipIf(!registryReady)(
    "deploy: reads a custom serving image's labels from its registry and refuses another scikit-learn",
    async () => {
      const { image, dockerConfig } = await pushLabelledImage(TEST_REGISTRY, 'sklearn-server:1.0', {
        'mlops.framework-version': '1.0.2',
      });
      const calls = workflow.vertex.calls();
      const { result } = await deploy(
        records[1] ?? '',
        { 'serving-image': image },
        { DOCKER_CONFIG: dockerConfig },
      );
      expect(result.code).toBe(1);
      expect(result.stdout + result.stderr).toMatch(
        /trained with scikit-learn 1\.2\.\d+, but the serving image 127\.0\.0\.1:5000\/sklearn-server:1\.0 has scikit-learn 1\.0\.2 \(label mlops\.framework-version\)/,
      );
      expect(workflow.vertex.calls().uploadModel).toBe(calls.uploadModel);
    },
    120_000,
  );

  /** A record as another pipeline run would write it: same model files, its own run id. */
  async function derivedRecord(file: string, suffix: string): Promise<string> {
    const record = JSON.parse(await readFile(file, 'utf8')) as { runId: string };
    record.runId = `${record.runId}-${suffix}`;
    const target = file.replace(/\.json$/, `-${suffix}.json`);
    await writeFile(target, JSON.stringify(record));
    return target;
  }
});
