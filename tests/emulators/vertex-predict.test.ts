import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { protos } from '@google-cloud/aiplatform';
import {
  EndpointServiceClient,
  ModelServiceClient,
  OAuth2Client,
  PredictionServiceClient,
} from '#google-cloud';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rpcCodeOf, startVertexEmulator, type VertexEmulator } from './vertex.js';
import type { PredictionServerFactory, ServingContainer } from './vertex-predictions.js';
import { apiMessage, done, failure, fromValue, toValue } from '../helpers/google-calls.js';

/**
 * PredictionService `:predict` of the Vertex emulator, through the real client: routing by the
 * traffic split, the container contract, and errors. The servers here are small Node servers
 * that say which deployed model they serve; tests/e2e runs the reference Python server.
 */

type IValue = protos.google.protobuf.IValue;
type ClientOptions = NonNullable<ConstructorParameters<typeof ModelServiceClient>[0]>;

/** What each stand-in server saw and how it answers. */
interface StandIn {
  readonly container: ServingContainer;
  readonly requests: Array<{ path: string; body: unknown }>;
  stopped: boolean;
  /** Status and body of the next answers; default: one `{served: id}` per instance. */
  answer?: { status: number; body: string };
}

/** By model folder and deployed model id (ids restart in each emulator). */
const standIns = new Map<string, StandIn>();
const servers: Server[] = [];

function standIn(emulator: VertexEmulator, uri: string, id: string): StandIn {
  const found = standIns.get(`${emulator.localPath(uri)}|${id}`);
  if (!found) throw new Error(`no server was started for deployed model ${id}`);
  return found;
}

const standInServer: PredictionServerFactory = async (deployed, _version, container) => {
  const entry: StandIn = { container, requests: [], stopped: false };
  standIns.set(`${container.modelDir}|${deployed.id}`, entry);
  const server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      const body = JSON.parse(text) as { instances: unknown[] };
      entry.requests.push({ path: request.url ?? '', body });
      const { status, body: answer } = entry.answer ?? {
        status: 200,
        body: JSON.stringify({ predictions: body.instances.map(() => ({ served: deployed.id })) }),
      };
      response.writeHead(status, { 'content-type': 'application/json' }).end(answer);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      entry.stopped = true;
      await new Promise((resolve) => server.close(resolve));
    },
  };
};

let vertex: VertexEmulator;
let models: ModelServiceClient;
let endpoints: EndpointServiceClient;
let predictions: PredictionServiceClient;
let run = 0;

function options(emulator: VertexEmulator): ClientOptions {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: 'test-token' });
  return emulator.clientOptions(auth) as unknown as ClientOptions;
}

/** A model with `versions` versions, and an endpoint with none deployed. */
async function setUp(
  emulator: VertexEmulator,
  versions: number,
  clients = { models, endpoints },
): Promise<{ model: string; endpoint: string; uri: string }> {
  const uri = `gs://acme-ml-models/predict-${++run}`;
  await mkdir(emulator.localPath(uri), { recursive: true });
  await writeFile(path.join(emulator.localPath(uri), 'model.joblib'), 'model bytes');
  let model = '';
  for (let version = 1; version <= versions; version++) {
    const response = await done(
      clients.models.uploadModel({
        parent: emulator.parent,
        ...(model ? { parentModel: model } : {}),
        model: {
          displayName: 'churn',
          artifactUri: uri,
          containerSpec: { imageUri: 'us-docker.pkg.dev/acme-ml/serving/churn:1' },
        },
      }),
    );
    model = response.model ?? '';
  }
  const endpoint = await done(
    clients.endpoints.createEndpoint({
      parent: emulator.parent,
      endpoint: { displayName: 'churn-endpoint' },
    }),
  );
  return { model, endpoint: endpoint.name ?? '', uri };
}

async function deploy(
  endpoint: string,
  model: string,
  trafficSplit: Record<string, number> = {},
  client = endpoints,
): Promise<string> {
  const response = await done(
    client.deployModel({
      endpoint,
      deployedModel: {
        model,
        dedicatedResources: { machineSpec: { machineType: 'n1-standard-2' }, minReplicaCount: 1 },
      },
      trafficSplit,
    }),
  );
  return response.deployedModel?.id ?? '';
}

async function predict(endpoint: string, instances: unknown[], parameters?: unknown) {
  const [response] = await predictions.predict({
    endpoint,
    instances: instances.map(toValue),
    ...(parameters === undefined ? {} : { parameters: toValue(parameters) }),
  });
  return response;
}

beforeAll(async () => {
  vertex = await startVertexEmulator({ predictionServer: standInServer });
  models = new ModelServiceClient(options(vertex));
  endpoints = new EndpointServiceClient(options(vertex));
  predictions = new PredictionServiceClient(options(vertex));
});
afterAll(async () => {
  await Promise.all([models.close(), endpoints.close(), predictions.close()]);
  await vertex.close();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});
afterEach(async () => {
  await vertex.operationsSettled();
});

describe('predict', () => {
  it("forwards instances to the deployed model's container and answers with its ids", async () => {
    const { model, endpoint, uri } = await setUp(vertex, 1);
    const id = await deploy(endpoint, `${model}@1`);
    const instances = [{ tenure: 12, Contract: 'One year', TotalCharges: null }, 'text', 3];
    const response = await predict(endpoint, instances, { threshold: 0.5 });
    expect(response).toMatchObject({
      deployedModelId: id,
      model,
      modelVersionId: '1',
      modelDisplayName: 'churn',
    });
    expect((response.predictions ?? []).map(fromValue)).toEqual(
      instances.map(() => ({ served: id })),
    );

    // The container got the body as plain JSON, at Vertex's default route, with its AIP_* env.
    const endpointId = endpoint.split('/').at(-1) ?? '';
    const server = standIn(vertex, uri, id);
    expect(server.requests).toEqual([
      {
        path: `/v1/endpoints/${endpointId}/deployedModels/${id}:predict`,
        body: { instances, parameters: { threshold: 0.5 } },
      },
    ]);
    expect(server.container).toMatchObject({
      modelDir: vertex.localPath(uri),
      env: {
        AIP_STORAGE_URI: uri,
        AIP_HTTP_PORT: '8080',
        AIP_ENDPOINT_ID: endpointId,
        AIP_DEPLOYED_MODEL_ID: id,
        AIP_HEALTH_ROUTE: `/v1/endpoints/${endpointId}/deployedModels/${id}`,
      },
    });
    // The wire: `labels: {}` always, and the client's enum flag, as for the other services.
    const [wire] = vertex.requests.filter({ route: 'vertex.predict' }).slice(-1);
    expect(wire?.path).toBe(`/v1/${endpoint}:predict`);
    expect(wire?.body).toEqual({ instances, parameters: { threshold: 0.5 }, labels: {} });
  });

  it('receives an array instance as an object keyed "0", "1", … (gax REST transcoding)', async () => {
    const { model, endpoint, uri } = await setUp(vertex, 1);
    const id = await deploy(endpoint, model);
    await predict(endpoint, [[0, 'One year'], { matrix: [[1, 2]], list: [1, 2] }]);
    const { requests } = standIn(vertex, uri, id);
    expect(requests.at(-1)?.body).toEqual({
      instances: [
        { '0': 0, '1': 'One year' },
        { matrix: [{ '0': 1, '1': 2 }], list: [1, 2] },
      ],
    });
    // A plain (unconverted) object instance goes out as null.
    await predictions.predict({ endpoint, instances: [{ tenure: 1 } as IValue] });
    expect(requests.at(-1)?.body).toEqual({ instances: [null] });
  });

  it('spreads requests over the traffic split by its percentages', async () => {
    const { model, endpoint } = await setUp(vertex, 2);
    const old = await deploy(endpoint, `${model}@1`);
    const canary = await deploy(endpoint, `${model}@2`, { '0': 10, [old]: 90 });
    const answered: string[] = [];
    for (let i = 0; i < 100; i++) {
      const response = await predict(endpoint, [{ i }]);
      expect(fromValue(response.predictions?.[0] ?? {})).toEqual({
        served: response.deployedModelId,
      });
      expect(response.modelVersionId).toBe(response.deployedModelId === canary ? '2' : '1');
      answered.push(response.deployedModelId ?? '');
    }
    // Deterministic and evenly spread: the canary's share within the first ten, 10% of 100.
    expect(answered.slice(0, 10).filter((id) => id === canary)).toHaveLength(1);
    const share = answered.filter((id) => id === canary).length;
    expect(share).toBeGreaterThanOrEqual(9);
    expect(share).toBeLessThanOrEqual(11);
    expect(new Set(answered)).toEqual(new Set([old, canary]));
  });

  it('refuses an endpoint without traffic and an empty request', async () => {
    const { model, endpoint } = await setUp(vertex, 1);
    const noTraffic = await failure(predict(endpoint, [{ a: 1 }]));
    expect(rpcCodeOf(noTraffic)).toBe(9);
    expect(noTraffic.code).toBe(400);
    expect(apiMessage(noTraffic)).toBe(`Endpoint ${endpoint} doesn't have traffic_split.`);
    await deploy(endpoint, model);
    const empty = await failure(predict(endpoint, []));
    expect(rpcCodeOf(empty)).toBe(3);
    const missing = await failure(predict(`${vertex.parent}/endpoints/404`, [{ a: 1 }]));
    expect(rpcCodeOf(missing)).toBe(5);
  });

  it("passes a container's error on with its status and body, as Vertex does", async () => {
    const { model, endpoint, uri } = await setUp(vertex, 1);
    const id = await deploy(endpoint, model);
    await predict(endpoint, [{ a: 1 }]);
    const server = standIn(vertex, uri, id);
    const refusal = JSON.stringify({ error: "instance 0: unknown feature(s) 'bogus'" });
    server.answer = { status: 400, body: refusal };
    const refused = await failure(predict(endpoint, [{ bogus: 1 }]));
    expect(refused.code).toBe(400);
    expect(rpcCodeOf(refused)).toBe(9);
    expect(apiMessage(refused)).toBe(refusal);

    server.answer = { status: 500, body: 'boom' };
    const crashed = await failure(predict(endpoint, [{ a: 1 }]));
    expect(rpcCodeOf(crashed)).toBe(13);
    expect(apiMessage(crashed)).toBe('boom');

    server.answer = { status: 200, body: '{"outputs": [1]}' };
    const malformed = await failure(predict(endpoint, [{ a: 1 }]));
    expect(rpcCodeOf(malformed)).toBe(9);
    expect(apiMessage(malformed)).toContain('the response field predictions is missing');
  });

  it('stops the server when its model is undeployed, and says when one cannot start', async () => {
    const { model, endpoint, uri } = await setUp(vertex, 1);
    const id = await deploy(endpoint, model);
    await predict(endpoint, [{ a: 1 }]);
    expect(standIn(vertex, uri, id).stopped).toBe(false);
    await done(endpoints.undeployModel({ endpoint, deployedModelId: id }));
    await expect.poll(() => standIn(vertex, uri, id).stopped).toBe(true);

    const failing = await startVertexEmulator({
      predictionServer: () => Promise.reject(new Error('could not load model.joblib')),
    });
    const clients = {
      models: new ModelServiceClient(options(failing)),
      endpoints: new EndpointServiceClient(options(failing)),
    };
    const client = new PredictionServiceClient(options(failing));
    const bare = await startVertexEmulator();
    const bareClients = {
      models: new ModelServiceClient(options(bare)),
      endpoints: new EndpointServiceClient(options(bare)),
    };
    const bareClient = new PredictionServiceClient(options(bare));
    try {
      const broken = await setUp(failing, 1, clients);
      await deploy(broken.endpoint, broken.model, {}, clients.endpoints);
      const error = await failure(
        client.predict({ endpoint: broken.endpoint, instances: [toValue({ a: 1 })] }),
      );
      expect(rpcCodeOf(error)).toBe(9);
      expect(apiMessage(error)).toBe(
        'Model server exited unexpectedly. could not load model.joblib',
      );

      const unserved = await setUp(bare, 1, bareClients);
      await deploy(unserved.endpoint, unserved.model, {}, bareClients.endpoints);
      const unimplemented = await failure(
        bareClient.predict({ endpoint: unserved.endpoint, instances: [toValue({ a: 1 })] }),
      );
      expect(rpcCodeOf(unimplemented)).toBe(12);
      expect(apiMessage(unimplemented)).toContain('the test gave no predictionServer option');
    } finally {
      await Promise.all(
        [...Object.values(clients), client, ...Object.values(bareClients), bareClient].map((c) =>
          c.close(),
        ),
      );
      await Promise.all([failing.close(), bare.close()]);
    }
  });

  it('stops the servers still running when the emulator closes', async () => {
    const emulator = await startVertexEmulator({ predictionServer: standInServer });
    const clients = {
      models: new ModelServiceClient(options(emulator)),
      endpoints: new EndpointServiceClient(options(emulator)),
    };
    const client = new PredictionServiceClient(options(emulator));
    const { model, endpoint, uri } = await setUp(emulator, 1, clients);
    const id = await deploy(endpoint, model, {}, clients.endpoints);
    await client.predict({ endpoint, instances: [toValue({ a: 1 })] });
    await Promise.all([clients.models.close(), clients.endpoints.close(), client.close()]);
    const server = standIn(emulator, uri, id);
    expect(server.stopped).toBe(false);
    await emulator.close();
    expect(server.stopped).toBe(true);
  });
});
