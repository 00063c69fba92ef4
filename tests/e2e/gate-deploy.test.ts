import { createHash } from 'node:crypto';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mlops } from '../helpers/cli.js';
import {
  startGoogleWorkflow,
  type GoogleWorkflow,
  type WorkflowStep,
} from '../helpers/google-workflow.js';
import { pushLabelledImage } from '../helpers/docker-images.js';
import { runPython } from '../helpers/packaged-model.js';
import { servePackagedModel } from '../helpers/prediction-server.js';
import type { RunRecord } from '../../src/core/run-record.js';
import { CLASSIFICATION_METRICS_SCHEMA } from '../../src/core/gcp/evaluation-metrics.js';
import {
  dockerEngine,
  dockerRegistry,
  pythonWithSklearn,
  TEST_REGISTRY,
} from '../helpers/services.js';

/**
 * The release path through dist/, as a workflow runs it: auth → run on Vertex → gate → deploy,
 * twice (the second version canaries, then is promoted), then deploys that fail and roll back,
 * checked by reading the emulator's registry and endpoints afterwards. Each deployment's smoke
 * prediction is answered by the reference server (pipelines/serving/server.py) on its model.
 */

const hasPython = pythonWithSklearn();
const PACKAGE_TASK = 'condition-1/package-model';

interface SmokePrediction {
  label: string;
  probabilities: Record<string, number>;
}

const PREDICT_PROBA = `
import json, sys
import joblib, pandas as pd
model_dir, instance = sys.argv[1], json.loads(sys.argv[2])
schema = json.load(open(model_dir + "/metadata.json"))["feature_schema"]
frame = pd.DataFrame({
    f["name"]: pd.Series([instance[f["name"]]], dtype="float64" if f["kind"] == "numeric" else object)
    for f in schema
})
print(json.dumps(joblib.load(model_dir + "/model.joblib").predict_proba(frame)[0].tolist()))
`;
const registryReady = dockerEngine() && dockerRegistry();
const MODEL = 'cancer-classifier';

describe.skipIf(!hasPython)('run → gate → deploy on Vertex AI, through dist/', () => {
  let workflow: GoogleWorkflow;
  /** Run records of two pipeline runs (the second from a later workflow run). */
  const records: string[] = [];

  beforeAll(async () => {
    workflow = await startGoogleWorkflow({ predictionServer: servePackagedModel });
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
    // The run recorded the model's sha256; deploy checked it and hands it to the server.
    const recorded = await recordedHash(records[0] ?? '');
    expect(recorded).toBe(await fileHash(`${version?.artifactUri}/model.joblib`));
    expect(version?.containerSpec.env).toEqual([{ name: 'MLOPS_MODEL_SHA256', value: recorded }]);
    expect(result.stdout).toContain(`has the sha256 the run recorded (${recorded})`);
    // The schema's fields in metrics (Vertex refuses others); every metric in the metadata.
    const [evaluation] = [...(version?.evaluations.values() ?? [])];
    expect(evaluation?.metricsSchemaUri).toBe(CLASSIFICATION_METRICS_SCHEMA);
    expect(Object.keys(evaluation?.metrics ?? {})).toContain('auRoc');
    const runMetrics = (evaluation?.metadata as { runMetrics?: Record<string, number> }).runMetrics;
    expect(Object.keys(runMetrics ?? {})).toEqual(expect.arrayContaining(['accuracy', 'f1']));
    const deployed = [
      ...(workflow.vertex.endpoints.values().next().value?.deployedModels.values() ?? []),
    ][0];
    expect(deployed?.dedicatedResources.machineSpec).toMatchObject({
      machineType: 'n1-standard-4',
    });
    expect(summary).toContain('Deployed cancer-classifier');
    // The smoke prediction: the model's own answer for the probe built from its schema.
    expect(result.stdout).toMatch(
      new RegExp(
        `Answered by the new deployment ${outputs['deployed-model-id']} \\(version 1\\) in \\d+ ms`,
      ),
    );
    const prediction = JSON.parse(outputs['smoke-prediction'] ?? '') as SmokePrediction;
    const expected = await modelProbabilities(
      version?.artifactUri ?? '',
      await probeInstance(records[0] ?? ''),
    );
    const served = Object.values(prediction.probabilities);
    expect(served).toHaveLength(expected.length);
    expected.forEach((p, i) => expect(served[i]).toBeCloseTo(p, 9));
    expect(Object.keys(prediction.probabilities)).toContain(prediction.label);
    expect(summary).toContain('Smoke prediction');
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
    // At 10% the split picks the canary within a few smoke predictions, or deploy says it
    // could not verify it.
    const verified = canary.outputs['smoke-prediction'] !== '';
    expect(canary.result.stdout).toContain(
      verified
        ? `Answered by the new deployment ${newId} (version 2)`
        : `The canary ${newId} could not be verified`,
    );
    let state = registry();
    expect(state.split).toEqual({ [first]: 90, [newId]: 10 });
    expect(state.versions.map((v) => [v.id, v.aliases])).toEqual([
      ['1', ['champion', 'default']],
      ['2', ['canary']],
    ]);

    const promote = await deploy(records[1] ?? '', { traffic: '100' });
    expect(promote.result.code, promote.result.stdout + promote.result.stderr).toBe(0);
    expect(promote.outputs['deployed-model-id']).toBe(newId);
    expect(promote.result.stdout).toContain(`Answered by the new deployment ${newId} (version 2)`);
    expect(JSON.parse(promote.outputs['smoke-prediction'] ?? '')).toHaveProperty('label');
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

  it('deploy: a version whose server cannot load its model never becomes champion', async () => {
    const source = packagedUri(JSON.parse(await readFile(records[1] ?? '', 'utf8')) as RunRecord);
    const corrupt = `${source}-corrupt`;
    await cp(workflow.vertex.localPath(source), workflow.vertex.localPath(corrupt), {
      recursive: true,
    });
    await writeFile(path.join(workflow.vertex.localPath(corrupt), 'model.joblib'), 'not a pickle');
    // A run that recorded this broken file: the hashes match, the server still cannot load it.
    const record = await derivedRecord(records[1] ?? '', 'corrupt', corrupt, {
      model_sha256: await fileHash(`${corrupt}/model.joblib`),
    });
    const before = registry();
    const { result } = await deploy(record, { traffic: '100' });
    expect(result.code).toBe(1);
    const output = result.stdout + result.stderr;
    expect(output).toContain('Deploy failed and was rolled back: The smoke prediction failed');
    expect(output).toMatch(/Model server exited unexpectedly\. .*could not load .*model\.joblib/);
    expect(output).toMatch(/undone: deployed .*models\/cancer-classifier@\d+ as \d+/);
    // Traffic, deployments and aliases as before: the new deployment is gone, champion stayed.
    expect(registry()).toEqual(before);
    expect(before.versions.find((v) => v.aliases.includes('champion'))?.id).toBe('2');
  });

  it('deploy: a model file that is not the one the gate scored is refused before any call', async () => {
    const source = packagedUri(JSON.parse(await readFile(records[1] ?? '', 'utf8')) as RunRecord);
    const swapped = `${source}-swapped`;
    await cp(workflow.vertex.localPath(source), workflow.vertex.localPath(swapped), {
      recursive: true,
    });
    await writeFile(path.join(workflow.vertex.localPath(swapped), 'model.joblib'), 'other code');
    const calls = workflow.vertex.calls();
    const expected = await recordedHash(records[1] ?? '');
    const replaced = await deploy(await derivedRecord(records[1] ?? '', 'swapped', swapped));
    expect(replaced.result.code).toBe(1);
    expect(replaced.result.stdout + replaced.result.stderr).toContain(
      `The model file ${swapped}/model.joblib has sha256 ${await fileHash(`${swapped}/model.joblib`)}, but the run record says ${PACKAGE_TASK}.deployable_model had sha256 ${expected}: it is not the model the gate scored, so nothing was deployed`,
    );
    const gone = await deploy(await derivedRecord(records[1] ?? '', 'gone', `${source}-gone`));
    expect(gone.result.code).toBe(1);
    expect(gone.result.stdout + gone.result.stderr).toContain(
      `The model file ${source}-gone/model.joblib does not exist`,
    );
    expect(workflow.vertex.calls()).toEqual(calls);
  });

  it('deploy: a canary that refuses the smoke request is rolled back', async () => {
    const record = await derivedRecord(records[1] ?? '', 'bogus');
    const file = record.replace(/\.json$/, '-instances.json');
    await writeFile(file, JSON.stringify({ instances: [{ bogus: 1 }] }));
    const before = registry();
    const { result } = await deploy(record, { traffic: '25', 'smoke-instances': file });
    expect(result.code).toBe(1);
    const output = result.stdout + result.stderr;
    expect(output).toContain('The smoke prediction failed: Failed to send a prediction to');
    expect(output).toContain("unknown feature(s) 'bogus'");
    expect(output).toContain(
      "Fix: The new deployment's serving container refused the smoke request (its answer is above)",
    );
    expect(registry()).toEqual(before);
  });

  it('deploy: a smoke prediction without an answer in time fails the deploy', async () => {
    const record = await derivedRecord(records[1] ?? '', 'slow');
    const before = registry();
    const undo = workflow.vertex.faults.setLatency(4000, 'predict');
    try {
      const { result } = await deploy(record, { traffic: '100', 'smoke-timeout': '1s' });
      expect(result.code).toBe(1);
      expect(result.stdout + result.stderr).toMatch(
        /The smoke prediction failed: Failed to send a prediction to \S+: no answer within 1s/,
      );
      // No answer in time is a remote failure: "failed", not "configuration error".
      expect(result.stdout).toContain('mlops-platform deploy failed: ');
      expect(result.stdout).not.toContain('configuration error');
    } finally {
      undo();
    }
    expect(registry()).toEqual(before);
  });

  it('deploy: a malformed smoke-instances file is refused before any call (exit 2)', async () => {
    const calls = workflow.vertex.calls();
    for (const [name, content, problem] of [
      ['truncated', '{"instances": [', 'is not JSON'],
      ['arrays', '{"instances": [[14.2, 20.1]]}', 'instances[0] is an array inside an array'],
      ['empty', '{"instances": []}', '"instances" is empty'],
    ] as const) {
      const file = (records[1] ?? '').replace(/\.json$/, `-${name}.json`);
      await writeFile(file, content);
      const result = await mlops(
        [
          ...['deploy', records[1] ?? '', '--model', MODEL, '--smoke-instances', file],
          ...['--project-id', 'acme-ml', '--region', 'us-central1'],
        ],
        { env: { MLOPS_VERTEX_ENDPOINT: workflow.vertex.endpoint.url } },
      );
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain(
        `The smoke-instances file ${path.relative(process.cwd(), file)}`,
      );
      expect(result.stderr).toContain(problem);
    }
    expect(workflow.vertex.calls()).toEqual(calls);
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

  it('deploy: a model from an older run (no feature schema) deploys without a smoke prediction', async () => {
    const record = await derivedRecord(records[1] ?? '', 'older');
    const older = JSON.parse(await readFile(record, 'utf8')) as RunRecord;
    const metadata = older.tasks[PACKAGE_TASK]?.artifacts.deployable_model?.[0]?.metadata;
    delete metadata?.feature_schema;
    delete metadata?.model_sha256;
    await writeFile(record, JSON.stringify(older));
    const calls = workflow.vertex.calls().predict;
    const canary = await deploy(record, { traffic: '10' });
    expect(canary.result.code, canary.result.stdout + canary.result.stderr).toBe(0);
    expect(canary.result.stdout).toMatch(
      /::warning::No smoke prediction: the model condition-1\/package-model\.deployable_model records no usable feature schema \(its metadata has no feature_schema\)/,
    );
    expect(canary.result.stdout).toMatch(
      /::warning::The run record holds no sha256 of condition-1\/package-model\.deployable_model \(it was packaged before model hashes were recorded\): deploying gs:\/\/\S+\/model\.joblib without checking it is the model the gate scored/,
    );
    expect(canary.outputs['smoke-prediction']).toBe('');
    expect(canary.summary).toContain('skipped (no feature schema: see the warning)');
    // smoke-instances none: a note, not a warning.
    const promote = await deploy(record, { traffic: '100', 'smoke-instances': 'none' });
    expect(promote.result.code, promote.result.stdout + promote.result.stderr).toBe(0);
    expect(promote.result.stdout).toContain('No smoke prediction: smoke-instances is none.');
    expect(promote.result.stdout).not.toContain('::warning::No smoke prediction');
    expect(workflow.vertex.calls().predict).toBe(calls);
    expect(registry().versions.find((v) => v.aliases.includes('champion'))?.run).toMatch(/-older$/);
  });

  /** A record as another pipeline run would write it: its own run id (and model files). */
  async function derivedRecord(
    file: string,
    suffix: string,
    modelUri?: string,
    metadata: Record<string, unknown> = {},
  ): Promise<string> {
    const record = JSON.parse(await readFile(file, 'utf8')) as RunRecord;
    const packaged = record.tasks[PACKAGE_TASK]?.artifacts.deployable_model?.[0];
    if (modelUri !== undefined && packaged) (packaged as { uri: string }).uri = modelUri;
    if (packaged) Object.assign(packaged.metadata, metadata);
    const target = file.replace(/\.json$/, `-${suffix}.json`);
    await writeFile(target, JSON.stringify({ ...record, runId: `${record.runId}-${suffix}` }));
    return target;
  }

  /** The model_sha256 a run record holds for the packaged model. */
  async function recordedHash(file: string): Promise<string> {
    const record = JSON.parse(await readFile(file, 'utf8')) as RunRecord;
    const hash = record.tasks[PACKAGE_TASK]?.artifacts.deployable_model?.[0]?.metadata.model_sha256;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    return String(hash);
  }

  /** The sha256 of a file in the emulated Cloud Storage. */
  async function fileHash(uri: string): Promise<string> {
    return createHash('sha256')
      .update(await readFile(workflow.vertex.localPath(uri)))
      .digest('hex');
  }

  function packagedUri(record: RunRecord): string {
    return record.tasks[PACKAGE_TASK]?.artifacts.deployable_model?.[0]?.uri ?? '';
  }

  /** The probe deploy builds: 0 for a number, the recorded category for the others. */
  async function probeInstance(file: string): Promise<Record<string, string | number>> {
    const record = JSON.parse(await readFile(file, 'utf8')) as RunRecord;
    const metadata = record.tasks[PACKAGE_TASK]?.artifacts.deployable_model?.[0]?.metadata;
    const schema = (metadata?.feature_schema ?? []) as Array<{
      name: string;
      kind: string;
      example?: string;
    }>;
    expect(schema.length).toBeGreaterThan(0);
    return Object.fromEntries(
      schema.map((f) => [f.name, f.kind === 'numeric' ? 0 : (f.example ?? '')]),
    );
  }

  /** The model's own class probabilities for one instance, from its folder in Cloud Storage. */
  async function modelProbabilities(
    artifactUri: string,
    instance: Record<string, string | number>,
  ): Promise<number[]> {
    const result = await runPython([
      '-c',
      PREDICT_PROBA,
      workflow.vertex.localPath(artifactUri),
      JSON.stringify(instance),
    ]);
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as number[];
  }
});
