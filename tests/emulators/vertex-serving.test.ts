import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { protos } from '@google-cloud/aiplatform';
import { EndpointServiceClient, ModelServiceClient, OAuth2Client } from '#google-cloud';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.js';
import {
  DEPLOYMENT_RESOURCES_TYPES,
  rpcCodeOf,
  SCHEDULE_STATES,
  startVertexEmulator,
  type VertexEmulator,
} from './vertex.js';
import { DEPLOYMENT_STAGES, OPERATION_TYPES } from './vertex-operations.js';
import { apiMessage, done, failure, fromValue, toValue } from '../helpers/google-calls.js';

type IModel = protos.google.cloud.aiplatform.v1.IModel;
type ClientOptions = NonNullable<ConstructorParameters<typeof ModelServiceClient>[0]>;

let vertex: VertexEmulator;
let models: ModelServiceClient;
let endpoints: EndpointServiceClient;
let run = 0;

/** A fresh id per test, so tests do not depend on each other's models and endpoints. */
function uid(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${++run}`;
}

function tokenClient(token: string): OAuth2Client {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: token });
  return auth;
}

function options(emulator: VertexEmulator, token = 'test-token'): ClientOptions {
  return emulator.clientOptions(tokenClient(token)) as unknown as ClientOptions;
}

const SKLEARN = 'us-docker.pkg.dev/vertex-ai/prediction/sklearn-cpu.1-3:latest';

/** A model folder in the emulated Cloud Storage holding the given files. */
async function artifacts(name: string, files = ['model.joblib']): Promise<string> {
  const uri = `gs://acme-ml-models/${name}`;
  const dir = vertex.localPath(uri);
  await mkdir(dir, { recursive: true });
  for (const file of files) await writeFile(path.join(dir, file), 'model bytes');
  return uri;
}

async function upload(
  fields: {
    modelId?: string;
    parentModel?: string;
    aliases?: string[];
    labels?: Record<string, string>;
    displayName?: string;
  } = {},
): Promise<{ model: string; versionId: string }> {
  const response = await done(
    models.uploadModel({
      parent: vertex.parent,
      ...(fields.modelId ? { modelId: fields.modelId } : {}),
      ...(fields.parentModel ? { parentModel: fields.parentModel } : {}),
      model: {
        displayName: fields.displayName ?? 'churn',
        artifactUri: await artifacts(uid('m')),
        containerSpec: { imageUri: SKLEARN },
        labels: fields.labels ?? {},
        versionAliases: fields.aliases ?? [],
      },
    }),
  );
  return { model: response.model ?? '', versionId: response.modelVersionId ?? '' };
}

function modelName(id: string): string {
  return `${vertex.parent}/models/${id}`;
}

async function getModel(name: string): Promise<IModel> {
  const [model] = await models.getModel({ name });
  return model;
}

async function createEndpoint(labels: Record<string, string> = {}): Promise<string> {
  const endpoint = await done(
    endpoints.createEndpoint({
      parent: vertex.parent,
      endpoint: { displayName: 'churn-endpoint', labels },
    }),
  );
  return endpoint.name ?? '';
}

const dedicated = {
  machineSpec: { machineType: 'n1-standard-2' },
  minReplicaCount: 1,
  maxReplicaCount: 2,
};

async function deploy(
  endpoint: string,
  model: string,
  trafficSplit: Record<string, number> = {},
): Promise<string> {
  const response = await done(
    endpoints.deployModel({
      endpoint,
      deployedModel: { model, displayName: 'churn', dedicatedResources: dedicated },
      trafficSplit,
    }),
  );
  return response.deployedModel?.id ?? '';
}

async function split(endpoint: string): Promise<Record<string, number>> {
  const [found] = await endpoints.getEndpoint({ name: endpoint });
  return { ...(found.trafficSplit ?? {}) };
}

beforeAll(async () => {
  vertex = await startVertexEmulator();
  models = new ModelServiceClient(options(vertex));
  endpoints = new EndpointServiceClient(options(vertex));
});
afterAll(async () => {
  await Promise.all([models.close(), endpoints.close()]);
  await vertex.close();
});
afterEach(async () => {
  vertex.faults.clear();
  await vertex.operationsSettled();
});

// ---------------------------------------------------------------------------------------------

describe('wire format', () => {
  it('numbers enums and types operations like the client protos', async () => {
    type Node = {
      nested?: Record<string, Node>;
      values?: Record<string, number>;
      methods?: Record<string, { options?: Record<string, string> }>;
    };
    const root = JSON.parse(
      await readFile(
        path.join(REPO_ROOT, 'node_modules/@google-cloud/aiplatform/build/protos/protos.json'),
        'utf8',
      ),
    ) as Node;
    const v1 = root.nested?.google?.nested?.cloud?.nested?.aiplatform?.nested?.v1?.nested ?? {};
    const table = (values: Record<string, number> | undefined): string[] =>
      Object.entries(values ?? {})
        .sort(([, a], [, b]) => a - b)
        .map(([name]) => name);
    expect(DEPLOYMENT_RESOURCES_TYPES).toEqual(
      table(v1.Model?.nested?.DeploymentResourcesType?.values),
    );
    expect(SCHEDULE_STATES).toEqual(table(v1.Schedule?.nested?.State?.values));
    expect(DEPLOYMENT_STAGES).toEqual(v1.DeploymentStage?.values);
    // Each LRO kind carries the types of its method's operation_info.
    const methods = {
      ...v1.ModelService?.methods,
      ...v1.EndpointService?.methods,
      ...v1.ScheduleService?.methods,
    };
    for (const [kind, types] of Object.entries(OPERATION_TYPES)) {
      const method = methods[kind.charAt(0).toUpperCase() + kind.slice(1)];
      const info = method?.options ?? {};
      const qualify = (type = '') =>
        `type.googleapis.com/${type.startsWith('google.') ? type : `google.cloud.aiplatform.v1.${type}`}`;
      expect(types, kind).toEqual({
        metadata: qualify(info['(google.longrunning.operation_info).metadata_type']),
        response: qualify(info['(google.longrunning.operation_info).response_type']),
      });
    }
  });

  it('answers an LRO pending, then done when polled on /ui/, as the client polls', async () => {
    const uri = await artifacts(uid('wire'));
    const started = Date.now();
    const [op] = await models.uploadModel({
      parent: vertex.parent,
      model: { displayName: 'wire', artifactUri: uri, containerSpec: { imageUri: SKLEARN } },
    });
    expect(op.done).toBe(false);
    expect(op.name).toMatch(
      new RegExp(
        `^projects/${vertex.projectNumber}/locations/${vertex.region}/models/\\d+/operations/\\d+$`,
      ),
    );
    const [response] = await op.promise();
    expect(Date.now() - started).toBeLessThan(1500);
    expect(response.model).toMatch(new RegExp(`^projects/${vertex.projectNumber}/.+/models/\\d+$`));
    expect(response.modelVersionId).toBe('1');

    const polls = vertex.requests
      .filter({ route: 'vertex.getOperation' })
      .filter((r) => r.path.endsWith(op.name ?? '?'));
    expect(polls.length).toBeGreaterThanOrEqual(2);
    // gax takes the first GetOperation binding, `/ui/{name}`, and sends no $alt.
    expect(polls.every((poll) => poll.path === `/ui/${op.name ?? ''}`)).toBe(true);
    expect(polls[0]?.query).toEqual({});
    const upload = vertex.requests.filter({ route: 'vertex.uploadModel' }).at(-1);
    expect(upload?.path).toBe(`/v1/${vertex.parent}/models:upload`);

    // Plain fetch uses the documented /v1/ path and gets the Google-shaped Operation.
    const fetched = (await (
      await fetch(`${vertex.endpoint.url}/v1/${op.name ?? ''}`, {
        headers: { authorization: 'Bearer t' },
      })
    ).json()) as Record<string, unknown>;
    expect(fetched).toMatchObject({
      name: op.name,
      done: true,
      metadata: { '@type': OPERATION_TYPES.uploadModel.metadata },
      response: {
        '@type': OPERATION_TYPES.uploadModel.response,
        model: response.model,
        modelVersionId: '1',
      },
    });
    const missing = await fetch(
      `${vertex.endpoint.url}/v1/${vertex.parent}/models/1/operations/2`,
      {
        headers: { authorization: 'Bearer t' },
      },
    );
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { status: string } }).error.status).toBe(
      'NOT_FOUND',
    );
  });

  it('counts calls per route and shares the token check', async () => {
    const before = vertex.calls();
    await failure(models.getModel({ name: modelName('nope') }));
    await endpoints.listEndpoints({ parent: vertex.parent }, { autoPaginate: false });
    const after = vertex.calls();
    expect(after.getModel - before.getModel).toBe(1);
    expect(after.listEndpoints - before.listEndpoints).toBe(1);

    const guarded = await startVertexEmulator({
      validateToken: (token) =>
        token === 'good' ? { ok: true, principal: 'user:me' } : { ok: false, reason: 'unknown' },
      authorize: ({ permission }) => permission !== 'aiplatform.endpoints.deploy',
    });
    const forged = new ModelServiceClient(options(guarded, 'forged'));
    const good = new EndpointServiceClient(options(guarded, 'good'));
    try {
      const unauthenticated = await failure(
        forged.getModel({ name: `${guarded.parent}/models/x` }),
      );
      expect(rpcCodeOf(unauthenticated)).toBe(16);
      const denied = await failure(
        good.deployModel({
          endpoint: `${guarded.parent}/endpoints/1`,
          deployedModel: { model: `${guarded.parent}/models/x`, dedicatedResources: dedicated },
        }),
      );
      expect(rpcCodeOf(denied)).toBe(7);
      expect(apiMessage(denied)).toContain("Permission 'aiplatform.endpoints.deploy' denied");
    } finally {
      await Promise.all([forged.close(), good.close()]);
      await guarded.close();
    }
  });
});

describe('model registry', () => {
  it('uploads versions, resolves aliases and moves them with mergeVersionAliases', async () => {
    const id = uid('churn');
    const v1 = await upload({ modelId: id, aliases: ['champion'], labels: { team: 'ml' } });
    expect(v1).toEqual({
      model: `projects/${vertex.projectNumber}/locations/${vertex.region}/models/${id}`,
      versionId: '1',
    });
    const v2 = await upload({ parentModel: modelName(id), aliases: ['challenger'] });
    expect(v2.versionId).toBe('2');

    // The first version has `default`; a version uploaded without it does not take it.
    const byDefault = await getModel(modelName(id));
    expect(byDefault).toMatchObject({ versionId: '1', versionAliases: ['default', 'champion'] });
    expect(byDefault.name).toBe(v1.model);
    expect(byDefault.labels).toEqual({ team: 'ml' });
    expect(byDefault.containerSpec?.imageUri).toBe(SKLEARN);
    expect(byDefault.supportedDeploymentResourcesTypes).toEqual(['DEDICATED_RESOURCES']);
    expect((await getModel(`${modelName(id)}@challenger`)).versionId).toBe('2');
    expect((await getModel(`${modelName(id)}@2`)).versionAliases).toEqual(['challenger']);
    const [versions] = await models.listModelVersions(
      { name: modelName(id) },
      { autoPaginate: false },
    );
    expect(versions.map((v) => [v.versionId, v.versionAliases])).toEqual([
      ['1', ['default', 'champion']],
      ['2', ['challenger']],
    ]);

    // Adding an alias moves it; `-alias` removes; add + remove of the same alias cancel out.
    const [merged] = await models.mergeVersionAliases({
      name: `${modelName(id)}@2`,
      versionAliases: ['champion', '-challenger', 'x-y', '-x-y'],
    });
    expect(merged.versionAliases).toEqual(['champion']);
    expect(vertex.models.get(id)?.versions.get('1')?.versionAliases).toEqual(['default']);
    expect((await getModel(`${modelName(id)}@champion`)).versionId).toBe('2');

    // `default` moves like any alias, but cannot be removed.
    await models.mergeVersionAliases({
      name: `${modelName(id)}@champion`,
      versionAliases: ['default'],
    });
    expect((await getModel(modelName(id))).versionId).toBe('2');
    const removeDefault = await failure(
      models.mergeVersionAliases({ name: `${modelName(id)}@2`, versionAliases: ['-default'] }),
    );
    expect(rpcCodeOf(removeDefault)).toBe(3);
    const badAlias = await failure(
      models.mergeVersionAliases({ name: `${modelName(id)}@2`, versionAliases: ['2nd'] }),
    );
    expect(rpcCodeOf(badAlias)).toBe(3);
    expect(apiMessage(badAlias)).toContain('[a-z][a-zA-Z0-9-]{0,126}[a-z0-9]');
    const unversioned = await failure(
      models.mergeVersionAliases({ name: modelName(id), versionAliases: ['x1'] }),
    );
    expect(rpcCodeOf(unversioned)).toBe(3);

    // On upload an alias another version has is refused; `default` moves.
    const taken = await failure(upload({ parentModel: modelName(id), aliases: ['champion'] }));
    expect(rpcCodeOf(taken)).toBe(3);
    expect(apiMessage(taken)).toContain('already used by version 2');
    const v3 = await upload({ parentModel: modelName(id), aliases: ['default', 'canary'] });
    expect((await getModel(modelName(id))).versionId).toBe(v3.versionId);
    expect(vertex.models.get(id)?.versions.get('2')?.versionAliases).toEqual(['champion']);
    const missing = await failure(models.getModel({ name: `${modelName(id)}@nope` }));
    expect(rpcCodeOf(missing)).toBe(5);
  });

  it('lists models by label and display name', async () => {
    const team = uid('t');
    const a = await upload({ labels: { team }, displayName: 'alpha' });
    await upload({ labels: { team }, displayName: 'beta' });
    await upload({ parentModel: a.model, labels: { team: 'other' }, displayName: 'alpha' });
    const list = async (filter: string) =>
      (await models.listModels({ parent: vertex.parent, filter }, { autoPaginate: false }))[0].map(
        (m) => m.displayName,
      );
    // One entry per model: its default version.
    expect((await list(`labels.team="${team}"`)).sort()).toEqual(['alpha', 'beta']);
    expect(await list(`labels.team="${team}" AND display_name="beta"`)).toEqual(['beta']);
    expect(await list(`labels.team="${team}" AND displayName="alpha"`)).toEqual(['alpha']);
    const bad = await failure(
      models.listModels({ parent: vertex.parent, filter: 'labels.team="a" OR labels.team="b"' }),
    );
    expect(rpcCodeOf(bad)).toBe(3);
  });

  it('refuses evaluation metrics the schema does not define, as Vertex does', async () => {
    const v1 = await upload();
    const importing = (metricsSchemaUri: string, metrics: unknown) =>
      failure(
        models.importModelEvaluation({
          parent: `${v1.model}@1`,
          modelEvaluation: { metricsSchemaUri, metrics: toValue(metrics) },
        }),
      );
    const folder = 'gs://google-cloud-aiplatform/schema/modelevaluation';
    for (const [schema, metrics] of [
      ['classification_metrics_1.0.0.yaml', { accuracy: 0.94 }],
      ['classification_metrics_1.0.0.yaml', { auRoc: '0.9' }],
      ['classification_metrics_1.0.0.yaml', { confidenceMetrics: { recall: 1 } }],
      ['regression_metrics_1.0.0.yaml', { auRoc: 0.9 }],
    ] as const) {
      const refused = await importing(`${folder}/${schema}`, metrics);
      expect(rpcCodeOf(refused), JSON.stringify(metrics)).toBe(3);
      expect(apiMessage(refused)).toBe('Invalid Metrics Format');
    }
    const [stored] = await models.importModelEvaluation({
      parent: `${v1.model}@1`,
      modelEvaluation: {
        metricsSchemaUri: `${folder}/regression_metrics_1.0.0.yaml`,
        metrics: toValue({ rootMeanSquaredError: 1.5, rSquared: 0.8 }),
      },
    });
    expect(fromValue(stored.metrics)).toEqual({ rootMeanSquaredError: 1.5, rSquared: 0.8 });
  });

  it('imports evaluations per version and lists them by version', async () => {
    const v1 = await upload();
    const v2 = await upload({ parentModel: v1.model, aliases: ['challenger'] });
    const schema =
      'gs://google-cloud-aiplatform/schema/modelevaluation/classification_metrics_1.0.0.yaml';
    const [first] = await models.importModelEvaluation({
      parent: `${v1.model}@1`,
      modelEvaluation: {
        displayName: 'holdout',
        metricsSchemaUri: schema,
        metrics: toValue({ auPrc: 0.91, auRoc: 0.95 }),
        metadata: toValue({ pipeline_job_id: 'train-1' }),
      },
    });
    await models.importModelEvaluation({
      parent: `${v1.model}@challenger`,
      modelEvaluation: { metricsSchemaUri: schema, metrics: toValue({ auPrc: 0.94 }) },
    });
    expect(first.name).toMatch(new RegExp(`^${v1.model}/evaluations/\\d+$`));
    expect(fromValue(first.metrics)).toEqual({ auPrc: 0.91, auRoc: 0.95 });

    const auPrcs = async (parent: string) =>
      (await models.listModelEvaluations({ parent }, { autoPaginate: false }))[0].map(
        (e) => (fromValue(e.metrics) as { auPrc: number }).auPrc,
      );
    expect(await auPrcs(`${v1.model}@1`)).toEqual([0.91]);
    expect(await auPrcs(`${v1.model}@${v2.versionId}`)).toEqual([0.94]);
    expect(await auPrcs(v1.model)).toEqual([0.91]); // the default version's
    const [got] = await models.getModelEvaluation({ name: first.name ?? '' });
    expect(fromValue(got.metadata)).toEqual({ pipeline_job_id: 'train-1' });
    const evalId = first.name?.split('/').at(-1) ?? '';
    const wrongVersion = await failure(
      models.getModelEvaluation({ name: `${v1.model}@2/evaluations/${evalId}` }),
    );
    expect(rpcCodeOf(wrongVersion)).toBe(5);
    expect(
      vertex.models.get(v1.model.split('/').at(-1) ?? '')?.versions.get('1')?.evaluations.size,
    ).toBe(1);

    const noSchema = await failure(
      models.importModelEvaluation({
        parent: v1.model,
        modelEvaluation: { metrics: toValue({ accuracy: 1 }) },
      }),
    );
    expect(rpcCodeOf(noSchema)).toBe(3);
  });

  it('rejects invalid uploads, synchronously or in the operation', async () => {
    const uri = await artifacts(uid('bad'));
    const model = { displayName: 'x', artifactUri: uri, containerSpec: { imageUri: SKLEARN } };
    const taken = uid('taken');
    await upload({ modelId: taken });
    const cases: Array<[string, Parameters<ModelServiceClient['uploadModel']>[0], number, string]> =
      [
        [
          'display name',
          { parent: vertex.parent, model: { ...model, displayName: '' } },
          3,
          'display_name is required',
        ],
        [
          'image',
          { parent: vertex.parent, model: { ...model, containerSpec: {} } },
          3,
          'image_uri is required',
        ],
        [
          'artifact',
          { parent: vertex.parent, model: { ...model, artifactUri: '/tmp/model' } },
          3,
          'gs://bucket/path',
        ],
        [
          'label',
          { parent: vertex.parent, model: { ...model, labels: { Team: 'x' } } },
          3,
          'label key "Team"',
        ],
        [
          'alias',
          { parent: vertex.parent, model: { ...model, versionAliases: ['Prod'] } },
          3,
          'version alias must match',
        ],
        ['model id', { parent: vertex.parent, modelId: '9lives', model }, 3, 'Invalid model_id'],
        ['duplicate id', { parent: vertex.parent, modelId: taken, model }, 6, 'already exists'],
        [
          'parent model',
          { parent: vertex.parent, parentModel: modelName('nope'), model },
          5,
          'does not exist',
        ],
        [
          'region',
          { parent: `projects/${vertex.project}/locations/europe-west4`, model },
          3,
          'europe-west4-aiplatform',
        ],
      ];
    for (const [label, request, code, message] of cases) {
      const error = await failure(models.uploadModel(request));
      expect(rpcCodeOf(error), label).toBe(code);
      expect(apiMessage(error), label).toContain(message);
    }

    // Artifact problems surface when the operation ends, as a gRPC-coded GoogleError.
    const empty = `gs://acme-ml-models/${uid('empty')}`;
    const missing = await failure(
      done(models.uploadModel({ parent: vertex.parent, model: { ...model, artifactUri: empty } })),
    );
    expect(missing.code).toBe(3);
    expect(missing.message).toContain('is empty or does not exist');
    const twoFiles = await artifacts(uid('two'), ['model.joblib', 'model.pkl']);
    const ambiguous = await failure(
      done(
        models.uploadModel({ parent: vertex.parent, model: { ...model, artifactUri: twoFiles } }),
      ),
    );
    expect(ambiguous.message).toContain('exactly one of: [model.joblib, model.pkl]');
  });

  it('deletes a version unless it is the default, and a whole model', async () => {
    const v1 = await upload();
    await upload({ parentModel: v1.model });
    const id = v1.model.split('/').at(-1) ?? '';
    const defaultVersion = await failure(models.deleteModelVersion({ name: `${v1.model}@1` }));
    expect(rpcCodeOf(defaultVersion)).toBe(9);
    await done(models.deleteModelVersion({ name: `${v1.model}@2` }));
    expect([...(vertex.models.get(id)?.versions.keys() ?? [])]).toEqual(['1']);
    expect(rpcCodeOf(await failure(models.getModel({ name: `${v1.model}@2` })))).toBe(5);
    const route = vertex.requests.filter({ route: 'vertex.deleteModelVersion' }).at(-1);
    expect(route?.path).toBe(`/v1/${v1.model}%402:deleteVersion`);
    await done(models.deleteModel({ name: v1.model }));
    expect(vertex.models.has(id)).toBe(false);
  });
});

describe('endpoints and traffic', () => {
  it('creates endpoints and finds them by label', async () => {
    const app = uid('app');
    const endpointId = `ep-${Date.now().toString(36)}`;
    const created = await done(
      endpoints.createEndpoint({
        parent: vertex.parent,
        endpointId,
        endpoint: { displayName: 'churn', labels: { app } },
      }),
    );
    expect(created.name).toBe(
      `projects/${vertex.projectNumber}/locations/${vertex.region}/endpoints/${endpointId}`,
    );
    expect(created.trafficSplit).toEqual({});
    const [got] = await endpoints.getEndpoint({ name: `${vertex.parent}/endpoints/${endpointId}` });
    expect(got.labels).toEqual({ app });
    await createEndpoint({ app: 'other' });
    const [found] = await endpoints.listEndpoints(
      { parent: vertex.parent, filter: `labels.app="${app}"` },
      { autoPaginate: false },
    );
    expect(found.map((e) => e.name)).toEqual([created.name]);

    const duplicate = await failure(
      endpoints.createEndpoint({
        parent: vertex.parent,
        endpointId,
        endpoint: { displayName: 'x' },
      }),
    );
    expect(rpcCodeOf(duplicate)).toBe(6);
    const badId = await failure(
      endpoints.createEndpoint({
        parent: vertex.parent,
        endpointId: 'Bad_Id',
        endpoint: { displayName: 'x' },
      }),
    );
    expect(rpcCodeOf(badId)).toBe(3);
    const noName = await failure(endpoints.createEndpoint({ parent: vertex.parent, endpoint: {} }));
    expect(apiMessage(noName)).toBe('Endpoint.display_name is required.');
  });

  it('deploys a canary, promotes it and retires the old model (the safe deploy flow)', async () => {
    const v1 = await upload();
    await upload({ parentModel: v1.model, aliases: ['challenger'] });
    const endpoint = await createEndpoint({ app: uid('flow') });
    const endpointId = endpoint.split('/').at(-1) ?? '';

    // The first model gets all the traffic; the deploy is seen pending before it is done.
    const [op] = await endpoints.deployModel({
      endpoint,
      deployedModel: { model: `${v1.model}@1`, displayName: 'v1', dedicatedResources: dedicated },
    });
    expect(op.done).toBe(false);
    const [response] = await op.promise();
    const old = response.deployedModel?.id ?? '';
    expect(old).toMatch(/^\d+$/);
    expect(vertex.operations.get(op.name ?? '')?.deploymentStage).toBe('SUCCESSFULLY_DEPLOYED');
    expect(await split(endpoint)).toEqual({ [old]: 100 });
    expect((await getModel(`${v1.model}@1`)).deployedModels).toEqual([
      { endpoint, deployedModelId: old },
    ]);

    // Canary: "0" is the model being deployed.
    const canary = await deploy(endpoint, `${v1.model}@challenger`, { '0': 10, [old]: 90 });
    expect(await split(endpoint)).toEqual({ [canary]: 10, [old]: 90 });
    const deployed = vertex.endpoints.get(endpointId)?.deployedModels.get(canary);
    expect(deployed).toMatchObject({ model: `${v1.model}@challenger`, modelVersionId: '2' });
    const [withModels] = await endpoints.getEndpoint({ name: endpoint });
    expect(
      withModels.deployedModels?.map((d) => [
        d.id,
        d.modelVersionId,
        d.dedicatedResources?.maxReplicaCount,
      ]),
    ).toEqual([
      [old, '1', 2],
      [canary, '2', 2],
    ]);

    // The old model still has traffic: undeploying it needs a new split.
    const refused = await failure(endpoints.undeployModel({ endpoint, deployedModelId: old }));
    expect(rpcCodeOf(refused)).toBe(9);
    expect(apiMessage(refused)).toContain('receives 90% of the traffic');

    // Promote (only the masked field changes: the client also sends `labels: {}`).
    const [promoted] = await endpoints.updateEndpoint({
      endpoint: { name: endpoint, trafficSplit: { [canary]: 100, [old]: 0 } },
      updateMask: { paths: ['traffic_split'] },
    });
    expect(promoted.trafficSplit).toEqual({ [canary]: 100, [old]: 0 });
    expect(Object.keys(promoted.labels ?? {})).toEqual(['app']);
    for (const [bad, message] of [
      [{ [canary]: 90 }, 'add up to 100, not 90'],
      [{ [canary]: 100, '42': 0 }, 'The following DeployedModel ID(s) [42] do not exist.'],
      [{ [canary]: 101, [old]: -1 }, 'integers from 0 to 100'],
    ] as const) {
      const error = await failure(
        endpoints.updateEndpoint({
          endpoint: { name: endpoint, trafficSplit: bad },
          updateMask: { paths: ['traffic_split'] },
        }),
      );
      expect(rpcCodeOf(error)).toBe(3);
      expect(apiMessage(error)).toContain(message);
    }

    // The model and the endpoint cannot go while something is deployed.
    expect(rpcCodeOf(await failure(models.deleteModel({ name: v1.model })))).toBe(9);
    expect(rpcCodeOf(await failure(models.deleteModelVersion({ name: `${v1.model}@2` })))).toBe(9);
    expect(rpcCodeOf(await failure(endpoints.deleteEndpoint({ name: endpoint })))).toBe(9);

    // Retire the old model with an explicit split, then the last one (its split empties).
    await done(
      endpoints.undeployModel({ endpoint, deployedModelId: old, trafficSplit: { [canary]: 100 } }),
    );
    expect(await split(endpoint)).toEqual({ [canary]: 100 });
    expect((await getModel(`${v1.model}@1`)).deployedModels).toEqual([]);
    await done(endpoints.undeployModel({ endpoint, deployedModelId: canary }));
    expect(await split(endpoint)).toEqual({});
    await done(endpoints.deleteEndpoint({ name: endpoint }));
    expect(vertex.endpoints.has(endpointId)).toBe(false);
    await done(models.deleteModel({ name: v1.model }));
  });

  it('leaves state unchanged when a deploy operation fails', async () => {
    const v1 = await upload();
    const endpoint = await createEndpoint();
    const first = await deploy(endpoint, v1.model);
    const before = vertex.endpointResource(endpoint.split('/').at(-1) ?? '');

    vertex.faults.failNextOperation('deployModel', {
      code: 'RESOURCE_EXHAUSTED',
      message: 'The following quota metrics exceed quota limits: custom_model_serving_cpus',
    });
    const [op] = await endpoints.deployModel({
      endpoint,
      deployedModel: { model: v1.model, dedicatedResources: dedicated },
      trafficSplit: { '0': 50, [first]: 50 },
    });
    const error = await failure(op.promise());
    expect(error.code).toBe(8);
    expect(error.message).toContain('custom_model_serving_cpus');
    expect(vertex.operations.get(op.name ?? '')).toMatchObject({
      done: true,
      error: { code: 8 },
      deploymentStage: 'FAILED_TO_DEPLOY',
    });
    expect(vertex.endpointResource(endpoint.split('/').at(-1) ?? '')).toEqual(before);
    expect((await getModel(v1.model)).deployedModels).toHaveLength(1);

    // A failed upload creates no version; the next operation is not affected.
    vertex.faults.failNextOperation('uploadModel');
    const failedUpload = await failure(upload({ parentModel: v1.model }));
    expect(failedUpload.code).toBe(13);
    expect([
      ...(vertex.models.get(v1.model.split('/').at(-1) ?? '')?.versions.keys() ?? []),
    ]).toEqual(['1']);
    expect((await upload({ parentModel: v1.model })).versionId).toBe('2');
  });

  it('validates deploy requests', async () => {
    const v1 = await upload();
    const endpoint = await createEndpoint();
    const request = (deployedModel: Record<string, unknown>, trafficSplit = {}) =>
      endpoints.deployModel({
        endpoint,
        deployedModel: { model: v1.model, dedicatedResources: dedicated, ...deployedModel },
        trafficSplit,
      });
    const cases: Array<[string, Promise<unknown>, number, string]> = [
      [
        'machine type',
        request({ dedicatedResources: { minReplicaCount: 1 } }),
        3,
        'machine_type is required',
      ],
      [
        'unknown machine',
        request({ dedicatedResources: { ...dedicated, machineSpec: { machineType: 'huge' } } }),
        3,
        'not supported',
      ],
      [
        'min replicas',
        request({ dedicatedResources: { ...dedicated, minReplicaCount: 0 } }),
        3,
        'at least 1',
      ],
      [
        'max replicas',
        request({ dedicatedResources: { ...dedicated, minReplicaCount: 3, maxReplicaCount: 2 } }),
        3,
        'must not be less',
      ],
      [
        'automatic',
        request({ dedicatedResources: undefined, automaticResources: { minReplicaCount: 1 } }),
        3,
        'dedicated resources',
      ],
      ['model', request({ model: modelName('nope') }), 5, 'does not exist'],
      ['alias', request({ model: `${v1.model}@nope` }), 5, 'alias "nope"'],
      ['split sum', request({}, { '0': 60 }), 3, 'add up to 100'],
      ['split id', request({}, { '0': 50, '7': 50 }), 3, '[7] do not exist'],
      [
        'endpoint',
        endpoints.deployModel({
          endpoint: `${vertex.parent}/endpoints/404`,
          deployedModel: { model: v1.model, dedicatedResources: dedicated },
        }),
        5,
        'does not exist',
      ],
    ];
    for (const [label, call, code, message] of cases) {
      const error = await failure(call);
      expect(rpcCodeOf(error), label).toBe(code);
      expect(apiMessage(error), label).toContain(message);
    }
    expect(vertex.endpoints.get(endpoint.split('/').at(-1) ?? '')?.deployedModels.size).toBe(0);
  });

  it('raises HTTP faults to the caller (no client retries), also while polling', async () => {
    const v1 = await upload();
    const endpoint = await createEndpoint();
    vertex.faults.failNext(1, 503, { route: 'deployModel' });
    const rejected = await failure(deploy(endpoint, v1.model));
    expect(rejected.code).toBe(503);
    expect(rpcCodeOf(rejected)).toBe(14);
    expect(vertex.endpoints.get(endpoint.split('/').at(-1) ?? '')?.deployedModels.size).toBe(0);

    // A 503 on a poll rejects op.promise(), but the operation goes on: polling it again by
    // name (checkDeployModelProgress) finds it done.
    const [op] = await endpoints.deployModel({
      endpoint,
      deployedModel: { model: v1.model, dedicatedResources: dedicated },
    });
    vertex.faults.failNext(1, 503, { route: 'getOperation' });
    const pollError = await failure(op.promise());
    expect(pollError.code).toBe(503);
    const resumed = await endpoints.checkDeployModelProgress(op.name ?? '');
    const [response] = await resumed.promise();
    expect(await split(endpoint)).toEqual({ [response.deployedModel?.id ?? '']: 100 });
    expect(vertex.faults.injector.pendingFailures()).toBe(0);

    const undo = vertex.faults.setLatency(200, 'getEndpoint');
    const started = Date.now();
    await endpoints.getEndpoint({ name: endpoint });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    undo();
  });
});
