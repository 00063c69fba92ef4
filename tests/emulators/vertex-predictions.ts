/**
 * Vertex AI PredictionService v1 over REST for the emulator: online predictions, routed by an
 * endpoint's traffic split to a real prediction server per deployed model. startVertexEmulator
 * (vertex.ts) mounts it; endpoints and deployments are EndpointService's (vertex-endpoints.ts).
 *
 * Wire facts (aiplatform 6.11 / google-gax 5.0.8 REST, by experiment; path from protos.json):
 * - predict: `POST /v1/{endpoint}:predict` with body `{instances: [...], labels: {}}` (plus
 *   `parameters` when given). Instances and parameters are google.protobuf.Value: plain JSON on
 *   the wire, which the client only sends from `helpers.toValue(x)`: a plain object instance
 *   goes out as `null`.
 * - gax's REST transcoding copies the body with a helper (transcoding.ts
 *   deepCopyWithoutMatchedFields, unchanged upstream) that turns an array sitting directly in
 *   an array into an object: the array instance `[0, "a"]` arrives as `{"0": 0, "1": "a"}`.
 * - The answer `{predictions, deployedModelId, model, modelVersionId, modelDisplayName}` reaches
 *   the caller with each prediction as a Value (`{structValue: {fields}, kind}`), absent
 *   strings as '' and `metadata: null`. Errors are HTTP errors (see vertex.ts); Predict has no
 *   client-side retries ("non_idempotent").
 *
 * Vertex semantics emulated:
 * - The traffic split picks the deployed model, deterministically: an endpoint's n-th request
 *   lands at frac(n × 0.618…) × 100 on the split's cumulative percentages (ids ascending), an
 *   evenly spread sequence: any 13 requests in a row reach a 10% canary, any 34 a 5% one.
 * - An empty split is refused: 400 FAILED_PRECONDITION "Endpoint {name} doesn't have
 *   traffic_split." (Vertex's wording for explain in that state, quoted in
 *   GoogleCloudPlatform/explainable_ai_sdk#3; predict's own was not found).
 * - `{instances, parameters}` is POSTed to the deployed model's container at its predict route
 *   (containerSpec.predictRoute, else `/v1/endpoints/ENDPOINT/deployedModels/DEPLOYED_MODEL:
 *   predict`, the proto's default); the container's `predictions` come back with the deployed
 *   model's ids. A container's non-2xx answer keeps its HTTP status with its body as the
 *   message: FAILED_PRECONDITION for a 400, as Vertex reported a prebuilt container's 400 in
 *   googleapis/python-aiplatform#514; other statuses get their usual names (the emulator's
 *   choice). A 2xx answer without a predictions list is a 400 FAILED_PRECONDITION "Invalid
 *   response from prediction server - the response field predictions is missing." (the
 *   wording of python-aiplatform#1526).
 * - The containers are the test's: the `predictionServer` option starts one per deployed model
 *   at its first prediction (Vertex starts it during deployModel, so here a server that cannot
 *   start fails that prediction, with Vertex's deploy failure wording "Model server exited
 *   unexpectedly", python-aiplatform#4559), and its `stop` runs when the model is undeployed or
 *   the emulator closes. Without the option, predict answers 501 UNIMPLEMENTED.
 */
import type { EmulatorRequest, EmulatorResponse } from './http-server.js';
import type { EmulatedDeployedModel, EmulatedEndpoint } from './vertex-endpoints.js';
import type { EmulatedModelVersion, ModelService } from './vertex-models.js';
import {
  explain,
  failedPrecondition,
  failWith,
  HTTP_TO_RPC,
  invalid,
  isRecord,
  isResponse,
  notFound,
  rpcError,
  type Caller,
  type ServiceContext,
} from './vertex-operations.js';

// ---------------------------------------------------------------------------------------------
// Public types

/** What Vertex gives a deployed model's serving container. */
export interface ServingContainer {
  /**
   * Its environment: containerSpec.env plus the AIP_* variables (AIP_STORAGE_URI is the
   * version's gs:// artifactUri; AIP_HTTP_PORT the first containerSpec port, else 8080).
   */
  readonly env: Readonly<Record<string, string>>;
  /** The local folder standing in for AIP_STORAGE_URI. */
  readonly modelDir: string;
}

export interface PredictionServer {
  /** Base URL; predictions go to `url + AIP_PREDICT_ROUTE`. */
  readonly url: string;
  stop?(): Promise<void>;
}

/** Starts the stand-in for a deployed model's serving container. */
export type PredictionServerFactory = (
  deployed: EmulatedDeployedModel,
  version: EmulatedModelVersion,
  container: ServingContainer,
) => Promise<PredictionServer>;

// ---------------------------------------------------------------------------------------------
// Internals

/** Golden-ratio steps: evenly spread, so small shares are met after few requests. */
const STEP = (Math.sqrt(5) - 1) / 2;

/** The deployed model the `n`-th request of an endpoint goes to. */
function pick(split: Readonly<Record<string, number>>, n: number): string | undefined {
  const point = ((n * STEP) % 1) * 100;
  let cumulative = 0;
  const ids = Object.keys(split).sort((a, b) => a.length - b.length || a.localeCompare(b));
  for (const id of ids) {
    cumulative += split[id] ?? 0;
    if (point < cumulative) return id;
  }
  return ids.at(-1);
}

// ---------------------------------------------------------------------------------------------
// The service

export class PredictionService {
  readonly #ctx: ServiceContext;
  readonly #endpoints: ReadonlyMap<string, EmulatedEndpoint>;
  readonly #models: ModelService;
  readonly #factory: PredictionServerFactory | undefined;
  /** By `endpointId/deployedModelId`. */
  readonly #servers = new Map<string, Promise<PredictionServer>>();
  /** Requests received per endpoint id, for the traffic split's picks. */
  readonly #counts = new Map<string, number>();

  constructor(
    ctx: ServiceContext,
    endpoints: ReadonlyMap<string, EmulatedEndpoint>,
    models: ModelService,
    factory: PredictionServerFactory | undefined,
  ) {
    this.#ctx = ctx;
    this.#endpoints = endpoints;
    this.#models = models;
    this.#factory = factory;
  }

  async predict(request: EmulatorRequest, caller: Caller): Promise<EmulatorResponse> {
    const denied = this.#ctx.checkParent(request.params, caller, 'aiplatform.endpoints.predict');
    if (denied) return denied;
    const id = request.params.endpoint ?? '';
    const endpoint = this.#endpoints.get(id);
    if (!endpoint)
      return notFound(
        `The Endpoint "projects/${request.params.project ?? ''}/locations/${request.params.location ?? ''}/endpoints/${id}" does not exist.`,
      );
    const body = isRecord(request.body) ? request.body : {};
    if (!Array.isArray(body.instances) || body.instances.length === 0)
      return invalid('PredictRequest.instances is required and must not be empty.');
    if (Object.keys(endpoint.trafficSplit).length === 0)
      return failedPrecondition(`Endpoint ${endpoint.name} doesn't have traffic_split.`);
    const count = (this.#counts.get(id) ?? 0) + 1;
    this.#counts.set(id, count);
    const deployed = endpoint.deployedModels.get(pick(endpoint.trafficSplit, count) ?? '');
    if (!deployed) return failedPrecondition(`Endpoint ${endpoint.name} has no deployed model.`);
    const resolved = this.#models.resolve(
      `${deployed.model.split('@')[0] ?? ''}@${deployed.modelVersionId}`,
      'DeployedModel.model',
    );
    if (isResponse(resolved)) return resolved;
    if (!this.#factory)
      return failWith(
        'UNIMPLEMENTED',
        `The Vertex emulator cannot serve deployed model ${deployed.id}: the test gave no predictionServer option to stand in for its serving container.`,
      );
    const container = this.#container(endpoint, deployed, resolved.version);
    const key = `${endpoint.id}/${deployed.id}`;
    const starting = this.#servers.get(key) ?? this.#factory(deployed, resolved.version, container);
    this.#servers.set(key, starting);
    let server: PredictionServer;
    try {
      server = await starting;
    } catch (error) {
      return failedPrecondition(`Model server exited unexpectedly. ${explain(error)}`);
    }
    let answer: Response;
    try {
      answer = await fetch(`${server.url}${container.env.AIP_PREDICT_ROUTE ?? ''}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          instances: body.instances,
          ...(body.parameters === undefined ? {} : { parameters: body.parameters }),
        }),
      });
    } catch (error) {
      return failWith(
        'UNAVAILABLE',
        `The serving container of deployed model ${deployed.id} did not answer: ${explain(error)}`,
      );
    }
    const text = await answer.text();
    if (!answer.ok)
      return rpcError(
        answer.status,
        text,
        answer.status === 400 ? 'FAILED_PRECONDITION' : (HTTP_TO_RPC[answer.status] ?? 'UNKNOWN'),
      );
    let predictions: unknown;
    try {
      predictions = (JSON.parse(text) as { predictions?: unknown }).predictions;
    } catch {
      predictions = undefined;
    }
    if (!Array.isArray(predictions))
      return failedPrecondition(
        `Invalid response from prediction server - the response field predictions is missing. Response: ${text}`,
      );
    return {
      status: 200,
      body: {
        predictions,
        deployedModelId: deployed.id,
        model: resolved.model.name,
        modelVersionId: resolved.version.versionId,
        modelDisplayName: resolved.version.displayName,
      },
    };
  }

  /** The container's environment, as Vertex sets it. */
  #container(
    endpoint: EmulatedEndpoint,
    deployed: EmulatedDeployedModel,
    version: EmulatedModelVersion,
  ): ServingContainer {
    const spec = version.containerSpec as {
      env?: Array<{ name: string; value?: string }>;
      ports?: Array<{ containerPort?: number | string }>;
      predictRoute?: string;
      healthRoute?: string;
    };
    const base = `/v1/endpoints/${endpoint.id}/deployedModels/${deployed.id}`;
    return {
      env: {
        ...Object.fromEntries((spec.env ?? []).map(({ name, value }) => [name, value ?? ''])),
        AIP_STORAGE_URI: version.artifactUri,
        AIP_HTTP_PORT: String(spec.ports?.[0]?.containerPort ?? 8080),
        AIP_PREDICT_ROUTE: spec.predictRoute ?? `${base}:predict`,
        // The custom-container docs' default; the proto comment repeats the predict route.
        AIP_HEALTH_ROUTE: spec.healthRoute ?? base,
        AIP_ENDPOINT_ID: endpoint.id,
        AIP_DEPLOYED_MODEL_ID: deployed.id,
        AIP_PROJECT_NUMBER: this.#ctx.projectNumber,
        AIP_MODE: 'PREDICTION',
      },
      modelDir: this.#ctx.localPath(version.artifactUri),
    };
  }

  /** Stops the server of a model that was undeployed. */
  async undeployed(endpointId: string, deployedModelId: string): Promise<void> {
    const key = `${endpointId}/${deployedModelId}`;
    const server = this.#servers.get(key);
    this.#servers.delete(key);
    await server?.then((started) => started.stop?.()).catch(() => undefined);
  }

  async close(): Promise<void> {
    const servers = [...this.#servers.values()];
    this.#servers.clear();
    await Promise.all(
      servers.map((server) => server.then((started) => started.stop?.()).catch(() => undefined)),
    );
  }
}
