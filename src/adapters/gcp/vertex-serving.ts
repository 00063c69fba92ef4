import { UserError } from '../../core/errors.js';
import { RPC_CODES, TRANSIENT_RPC_CODES } from '../../core/gcp/grpc-codes.js';
import {
  ClientSession,
  decodeStruct,
  decodeValue,
  grpcCode,
  explainGoogleError,
  loadGoogleClients,
  stringMap,
  text,
  timestamp,
  vertexClientOptions,
  type GoogleCloud,
} from './google-client.js';
import {
  evaluationMetrics,
  RUN_METRICS_KEY,
  type EvaluationImport,
} from '../../core/gcp/evaluation-metrics.js';

/**
 * Vertex AI Model Registry, endpoints and online predictions (ModelService, EndpointService,
 * PredictionService) in REST mode, with plain types for the deploy and gate commands.
 * Long-running operations (upload, deploy, undeploy, deletes, endpoint creation) are waited on
 * with progress and a deadline.
 */

export interface ModelVersion {
  /** `projects/P/locations/L/models/ID` (without a version). */
  readonly model: string;
  readonly versionId: string;
  /** `projects/P/locations/L/models/ID@VERSION`. */
  readonly versionName: string;
  readonly displayName: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly aliases: readonly string[];
  readonly artifactUri: string;
  readonly imageUri: string;
  readonly createTime: string | undefined;
  readonly deployedModels: ReadonlyArray<{ endpoint: string; deployedModelId: string }>;
}

export interface DeployedModelInfo {
  readonly id: string;
  /** The model as deployed (may carry `@version`). */
  readonly model: string;
  readonly modelVersionId: string;
  readonly displayName: string;
  readonly createTime: string | undefined;
}

export interface EndpointInfo {
  readonly name: string;
  readonly displayName: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly deployedModels: readonly DeployedModelInfo[];
  /** Deployed model id → percent; absent ids get none. */
  readonly trafficSplit: Readonly<Record<string, number>>;
}

export interface ModelUpload {
  readonly displayName: string;
  readonly parentModel: string | undefined;
  readonly modelId: string | undefined;
  readonly labels: Record<string, string>;
  readonly artifactUri: string;
  readonly description: string;
  readonly container: {
    readonly imageUri: string;
    readonly predictRoute?: string | undefined;
    readonly healthRoute?: string | undefined;
    readonly port?: number | undefined;
    readonly env?: Readonly<Record<string, string>> | undefined;
  };
  readonly aliases: readonly string[];
}

export interface DeploySpec {
  readonly model: string;
  readonly displayName: string;
  readonly machineType: string;
  readonly minReplicas: number;
  readonly maxReplicas: number;
  readonly serviceAccount: string | undefined;
}

export interface Evaluation {
  readonly name: string;
  readonly metrics: Record<string, number>;
  readonly metadata: Record<string, unknown>;
  readonly createTime: string | undefined;
}

export interface Prediction {
  /** One per instance, as plain JSON. */
  readonly predictions: unknown[];
  /** The deployed model the endpoint's traffic split picked. */
  readonly deployedModelId: string;
  readonly modelVersionId: string;
}

export interface VertexServingOptions {
  readonly project: string;
  readonly region: string;
  readonly env: NodeJS.ProcessEnv;
  readonly onRetry?: (message: string) => void;
  /** Called while a long operation runs, at most every `progressEveryMs`. */
  readonly onProgress?: (message: string) => void;
  /** Deadline of each long-running operation. */
  readonly operationTimeoutMs: number;
  readonly progressEveryMs?: number;
}

/** gax's view of a long-running operation, as much as this module uses. */
interface Operation<Result> {
  readonly name?: string | null;
  promise(): Promise<[Result, unknown, unknown]>;
}

type ModelClient = InstanceType<GoogleCloud['ModelServiceClient']>;
type EndpointClient = InstanceType<GoogleCloud['EndpointServiceClient']>;
type PredictionClient = InstanceType<GoogleCloud['PredictionServiceClient']>;

/**
 * How gax polls an operation: at once, then after 250 ms, growing ×1.5 to at most 15 s (its
 * default grows to 60 s, a minute of lag at the end of a half-hour deploy). The deadline is
 * ours (withDeadline), so no total timeout here.
 */
const POLLING = {
  longrunning: {
    initialRetryDelayMillis: 250,
    retryDelayMultiplier: 1.5,
    maxRetryDelayMillis: 15_000,
    initialRpcTimeoutMillis: null,
    rpcTimeoutMultiplier: null,
    maxRpcTimeoutMillis: null,
    totalTimeoutMillis: null,
  },
};

/** A string field, '' when absent: these plain types keep every field. */
function field(value: unknown): string {
  return text(value) ?? '';
}

function toModelVersion(raw: Record<string, unknown>): ModelVersion {
  const name = field(raw.name).split('@')[0] ?? '';
  const versionId = field(raw.versionId);
  const container = (raw.containerSpec ?? {}) as { imageUri?: string };
  const deployed = (raw.deployedModels ?? []) as Array<{
    endpoint?: string;
    deployedModelId?: string;
  }>;
  return {
    model: name,
    versionId,
    versionName: `${name}@${versionId}`,
    displayName: field(raw.displayName),
    labels: stringMap(raw.labels),
    aliases: ((raw.versionAliases ?? []) as string[]).filter((alias) => alias !== ''),
    artifactUri: field(raw.artifactUri),
    imageUri: field(container.imageUri),
    createTime: timestamp(raw.versionCreateTime) ?? timestamp(raw.createTime),
    deployedModels: deployed.map((ref) => ({
      endpoint: field(ref.endpoint),
      deployedModelId: field(ref.deployedModelId),
    })),
  };
}

function toEndpoint(raw: Record<string, unknown>): EndpointInfo {
  const deployed = (raw.deployedModels ?? []) as Array<Record<string, unknown>>;
  const split = (raw.trafficSplit ?? {}) as Record<string, unknown>;
  return {
    name: field(raw.name),
    displayName: field(raw.displayName),
    labels: stringMap(raw.labels),
    deployedModels: deployed.map((model) => ({
      id: field(model.id),
      model: field(model.model),
      modelVersionId: field(model.modelVersionId),
      displayName: field(model.displayName),
      createTime: timestamp(model.createTime),
    })),
    trafficSplit: Object.fromEntries(
      Object.entries(split)
        .map(([id, percent]) => [id, Number(percent)] as const)
        .filter(([, percent]) => percent > 0),
    ),
  };
}

/** `labels.KEY="VALUE"`: the list filter Vertex understands for labels. */
function labelFilter(key: string, value: string): string {
  return `labels.${key}="${value}"`;
}

export class VertexServing {
  readonly #models: ClientSession<ModelClient>;
  readonly #endpoints: ClientSession<EndpointClient>;
  /** Made on the first prediction: most commands never send one. */
  #predictions: ClientSession<PredictionClient> | undefined;
  readonly #newPredictions: () => ClientSession<PredictionClient>;
  readonly #helpers: GoogleCloud['aiplatformHelpers'];
  readonly #options: VertexServingOptions;

  private constructor(google: GoogleCloud, options: VertexServingOptions) {
    this.#options = options;
    this.#helpers = google.aiplatformHelpers;
    const clientOptions = vertexClientOptions(options.env, options.region, options.project);
    const permission =
      'The identity lacks permission: grant roles/aiplatform.user on the project (and roles/iam.serviceAccountUser on a serving service account).';
    const session = {
      onRetry: options.onRetry,
      fixes: {
        [RPC_CODES.PERMISSION_DENIED]: permission,
        [RPC_CODES.FAILED_PRECONDITION]:
          'Vertex refused the change in the current state of the resource; see the message.',
      },
    };
    this.#models = new ClientSession(() => new google.ModelServiceClient(clientOptions), session);
    this.#endpoints = new ClientSession(
      () => new google.EndpointServiceClient(clientOptions),
      session,
    );
    this.#newPredictions = () =>
      new ClientSession(() => new google.PredictionServiceClient(clientOptions), {
        onRetry: options.onRetry,
        // Vertex answers a serving container's 4xx as FAILED_PRECONDITION with its body.
        fixes: {
          [RPC_CODES.PERMISSION_DENIED]: permission,
          [RPC_CODES.FAILED_PRECONDITION]:
            'The serving container refused the request: see its answer.',
        },
      });
  }

  static async connect(options: VertexServingOptions): Promise<VertexServing> {
    return new VertexServing(await loadGoogleClients(options.project), options);
  }

  get parent(): string {
    return `projects/${this.#options.project}/locations/${this.#options.region}`;
  }

  async close(): Promise<void> {
    await Promise.all([this.#models.close(), this.#endpoints.close(), this.#predictions?.close()]);
  }

  // -------------------------------------------------------------------------------------------
  // Models

  /** Models (their default versions) carrying this label. */
  async findModels(labelKey: string, labelValue: string): Promise<ModelVersion[]> {
    const [models] = await this.#models.call(
      `list models labelled ${labelKey}=${labelValue}`,
      (c) => c.listModels({ parent: this.parent, filter: labelFilter(labelKey, labelValue) }),
    );
    return (models as Array<Record<string, unknown>>).map(toModelVersion);
  }

  async listVersions(model: string): Promise<ModelVersion[]> {
    const [versions] = await this.#models.call(`list versions of ${model}`, (c) =>
      c.listModelVersions({ name: model }),
    );
    return (versions as Array<Record<string, unknown>>).map(toModelVersion);
  }

  /** A model version by `models/ID@VERSION` or `@ALIAS`; undefined when there is none. */
  async getVersion(name: string): Promise<ModelVersion | undefined> {
    try {
      const [model] = await this.#models.call(`get model ${name}`, (c) => c.getModel({ name }));
      return toModelVersion(model as Record<string, unknown>);
    } catch (error) {
      if (grpcCode((error as { cause?: unknown }).cause) === RPC_CODES.NOT_FOUND) return undefined;
      throw error;
    }
  }

  async upload(upload: ModelUpload): Promise<ModelVersion> {
    const { container } = upload;
    const request = {
      parent: this.parent,
      ...(upload.parentModel ? { parentModel: upload.parentModel } : {}),
      ...(upload.modelId ? { modelId: upload.modelId } : {}),
      model: {
        displayName: upload.displayName,
        labels: upload.labels,
        artifactUri: upload.artifactUri,
        versionDescription: upload.description,
        ...(upload.parentModel ? {} : { description: upload.description }),
        versionAliases: [...upload.aliases],
        containerSpec: {
          imageUri: container.imageUri,
          ...(container.predictRoute ? { predictRoute: container.predictRoute } : {}),
          ...(container.healthRoute ? { healthRoute: container.healthRoute } : {}),
          ...(container.port ? { ports: [{ containerPort: container.port }] } : {}),
          ...(container.env
            ? { env: Object.entries(container.env).map(([name, value]) => ({ name, value })) }
            : {}),
        },
      },
    };
    const purpose = `upload model ${upload.displayName}`;
    const response = (await this.#operation(
      this.#models,
      purpose,
      (c) => c.uploadModel(request, POLLING) as Promise<[Operation<unknown>, ...unknown[]]>,
      (c, name) => c.checkUploadModelProgress(name) as Promise<Operation<unknown>>,
    )) as { model?: string; modelVersionId?: string };
    const version = await this.getVersion(
      `${field(response.model)}@${field(response.modelVersionId)}`,
    );
    if (!version) throw new Error(`Vertex uploaded ${field(response.model)} but cannot find it`);
    return version;
  }

  /** Adds aliases to a version (moving them from others); `-alias` removes one. */
  async mergeAliases(versionName: string, aliases: readonly string[]): Promise<ModelVersion> {
    const [model] = await this.#models.call(
      `set aliases ${aliases.join(', ')} on ${versionName}`,
      (c) => c.mergeVersionAliases({ name: versionName, versionAliases: [...aliases] }),
    );
    return toModelVersion(model as Record<string, unknown>);
  }

  async deleteVersion(versionName: string): Promise<void> {
    await this.#operation(
      this.#models,
      `delete model version ${versionName}`,
      (c) =>
        c.deleteModelVersion({ name: versionName }, POLLING) as Promise<
          [Operation<unknown>, ...unknown[]]
        >,
      (c, name) => c.checkDeleteModelVersionProgress(name) as Promise<Operation<unknown>>,
    );
  }

  async deleteModel(model: string): Promise<void> {
    await this.#operation(
      this.#models,
      `delete model ${model}`,
      (c) => c.deleteModel({ name: model }, POLLING) as Promise<[Operation<unknown>, ...unknown[]]>,
      (c, name) => c.checkDeleteModelProgress(name) as Promise<Operation<unknown>>,
    );
  }

  async importEvaluation(
    versionName: string,
    displayName: string,
    evaluation: EvaluationImport,
    provenance: Readonly<Record<string, string>>,
  ): Promise<void> {
    await this.#models.call(`attach evaluation metrics to ${versionName}`, (c) =>
      c.importModelEvaluation({
        parent: versionName,
        modelEvaluation: {
          displayName,
          metricsSchemaUri: evaluation.metricsSchemaUri,
          metrics: this.#helpers.toValue({ ...evaluation.metrics }) as never,
          metadata: this.#helpers.toValue({
            ...provenance,
            [RUN_METRICS_KEY]: { ...evaluation.runMetrics },
          }) as never,
        },
      }),
    );
  }

  /** The newest evaluation of a version (by create time), or undefined. */
  async latestEvaluation(versionName: string): Promise<Evaluation | undefined> {
    const [evaluations] = await this.#models.call(`read evaluations of ${versionName}`, (c) =>
      c.listModelEvaluations({ parent: versionName }),
    );
    const decoded = (evaluations as Array<Record<string, unknown>>).map((raw) => {
      const metrics = decodeValue(raw.metrics);
      const decodedMetadata = decodeValue(raw.metadata);
      const metadata =
        decodedMetadata !== null && typeof decodedMetadata === 'object'
          ? (decodedMetadata as Record<string, unknown>)
          : decodeStruct(undefined);
      return {
        name: field(raw.name),
        metrics: evaluationMetrics(
          metrics !== null && typeof metrics === 'object'
            ? (metrics as Record<string, unknown>)
            : {},
          metadata,
        ),
        metadata,
        createTime: timestamp(raw.createTime),
      };
    });
    return decoded.sort((a, b) => (b.createTime ?? '').localeCompare(a.createTime ?? ''))[0];
  }

  // -------------------------------------------------------------------------------------------
  // Endpoints

  async findEndpoints(labelKey: string, labelValue: string): Promise<EndpointInfo[]> {
    const [endpoints] = await this.#endpoints.call(
      `list endpoints labelled ${labelKey}=${labelValue}`,
      (c) => c.listEndpoints({ parent: this.parent, filter: labelFilter(labelKey, labelValue) }),
    );
    return (endpoints as Array<Record<string, unknown>>).map(toEndpoint);
  }

  async getEndpoint(name: string): Promise<EndpointInfo> {
    const [endpoint] = await this.#endpoints.call(`get endpoint ${name}`, (c) =>
      c.getEndpoint({ name }),
    );
    return toEndpoint(endpoint as Record<string, unknown>);
  }

  /** Creates the endpoint; one that already exists under this id (a race, a re-run) is returned. */
  async createEndpoint(
    endpointId: string,
    displayName: string,
    labels: Record<string, string>,
  ): Promise<{ endpoint: EndpointInfo; created: boolean }> {
    try {
      const result = (await this.#operation(
        this.#endpoints,
        `create endpoint ${displayName}`,
        (c) =>
          c.createEndpoint(
            {
              parent: this.parent,
              endpointId,
              endpoint: { displayName, labels },
            },
            POLLING,
          ) as Promise<[Operation<unknown>, ...unknown[]]>,
        (c, name) => c.checkCreateEndpointProgress(name) as Promise<Operation<unknown>>,
      )) as Record<string, unknown>;
      return { endpoint: toEndpoint(result), created: true };
    } catch (error) {
      if (grpcCode((error as { cause?: unknown }).cause) !== RPC_CODES.ALREADY_EXISTS) throw error;
      return {
        endpoint: await this.getEndpoint(`${this.parent}/endpoints/${endpointId}`),
        created: false,
      };
    }
  }

  async deleteEndpoint(name: string): Promise<void> {
    await this.#operation(
      this.#endpoints,
      `delete endpoint ${name}`,
      (c) => c.deleteEndpoint({ name }, POLLING) as Promise<[Operation<unknown>, ...unknown[]]>,
      (c, operation) => c.checkDeleteEndpointProgress(operation) as Promise<Operation<unknown>>,
    );
  }

  /** Deploys and returns the new deployed model id; `"0"` in the split is the new model. */
  async deploy(
    endpoint: string,
    spec: DeploySpec,
    trafficSplit: Readonly<Record<string, number>>,
  ): Promise<string> {
    const response = (await this.#operation(
      this.#endpoints,
      `deploy ${spec.model} to ${endpoint}`,
      (c) =>
        c.deployModel(
          {
            endpoint,
            trafficSplit: { ...trafficSplit },
            deployedModel: {
              model: spec.model,
              displayName: spec.displayName,
              ...(spec.serviceAccount ? { serviceAccount: spec.serviceAccount } : {}),
              dedicatedResources: {
                machineSpec: { machineType: spec.machineType },
                minReplicaCount: spec.minReplicas,
                maxReplicaCount: spec.maxReplicas,
              },
            },
          },
          POLLING,
        ) as Promise<[Operation<unknown>, ...unknown[]]>,
      (c, name) => c.checkDeployModelProgress(name) as Promise<Operation<unknown>>,
    )) as { deployedModel?: { id?: string } };
    const id = field(response.deployedModel?.id);
    if (!id) throw new Error(`Vertex deployed ${spec.model} but returned no deployed model id`);
    return id;
  }

  async undeploy(
    endpoint: string,
    deployedModelId: string,
    trafficSplit: Readonly<Record<string, number>>,
  ): Promise<void> {
    await this.#operation(
      this.#endpoints,
      `undeploy ${deployedModelId} from ${endpoint}`,
      (c) =>
        c.undeployModel(
          {
            endpoint,
            deployedModelId,
            trafficSplit: { ...trafficSplit },
          },
          POLLING,
        ) as Promise<[Operation<unknown>, ...unknown[]]>,
      (c, name) => c.checkUndeployModelProgress(name) as Promise<Operation<unknown>>,
    );
  }

  async setTraffic(
    endpoint: string,
    trafficSplit: Readonly<Record<string, number>>,
  ): Promise<EndpointInfo> {
    const [updated] = await this.#endpoints.call(`set traffic on ${endpoint}`, (c) =>
      c.updateEndpoint({
        endpoint: { name: endpoint, trafficSplit: { ...trafficSplit } },
        updateMask: { paths: ['traffic_split'] },
      }),
    );
    return toEndpoint(updated as Record<string, unknown>);
  }

  /**
   * An online prediction, answered by the deployed model the traffic split picks. Instances go
   * as protobuf Values (a plain object would be sent as null), within `timeoutMs`: gax's REST
   * transport has no per-call deadline of its own.
   */
  async predict(
    endpoint: string,
    instances: readonly unknown[],
    parameters: unknown,
    timeoutMs: number,
  ): Promise<Prediction> {
    const purpose = `send a prediction to ${endpoint}`;
    this.#predictions ??= this.#newPredictions();
    const session = this.#predictions;
    // Typed for objects, toValue converts any JSON value (numbers, strings, null) too.
    const value = (json: unknown) => this.#helpers.toValue(json as object) as never;
    const request = {
      endpoint,
      instances: instances.map(value),
      ...(parameters === undefined ? {} : { parameters: value(parameters) }),
    };
    let response: Record<string, unknown>;
    try {
      [response] = (await withDeadline(
        session.call(purpose, (c) => c.predict(request)),
        timeoutMs,
        purpose,
      )) as unknown as [Record<string, unknown>];
    } catch (error) {
      if (!(error instanceof DeadlineError)) throw error;
      throw new UserError(
        `Failed to ${purpose}: no answer within ${Math.round(timeoutMs / 1000)}s`,
        {
          fix: 'Check the serving container in the Vertex console (its logs), or allow it more time.',
        },
      );
    }
    return {
      predictions: ((response.predictions ?? []) as unknown[]).map(decodeValue),
      deployedModelId: field(response.deployedModelId),
      modelVersionId: field(response.modelVersionId),
    };
  }

  // -------------------------------------------------------------------------------------------
  // Long-running operations

  /**
   * Starts an operation and waits for it: polling 0.5 s × 1.5 up to 15 s, a progress line at
   * most every 30 s, and a deadline. A failed poll (a network blip) resumes by operation name
   * instead of losing an operation that is still running.
   */
  async #operation<Client extends { close(): Promise<void> }>(
    session: ClientSession<Client>,
    purpose: string,
    start: (client: Client) => Promise<[Operation<unknown>, ...unknown[]]>,
    resume: (client: Client, name: string) => Promise<Operation<unknown>>,
  ): Promise<unknown> {
    const { operationTimeoutMs, onProgress } = this.#options;
    const began = Date.now();
    const every = this.#options.progressEveryMs ?? 30_000;
    const ticker = setInterval(() => {
      onProgress?.(`${purpose}: still running after ${Math.round((Date.now() - began) / 1000)}s`);
    }, every);
    ticker.unref();
    try {
      let [operation] = await session.call(purpose, start);
      for (let resumes = 0; ; resumes++) {
        const remaining = operationTimeoutMs - (Date.now() - began);
        try {
          const [result] = await withDeadline(operation.promise(), remaining, purpose);
          return result;
        } catch (error) {
          const code = grpcCode(error);
          const transient = code !== undefined && TRANSIENT_RPC_CODES.has(code);
          const name = operation.name;
          if (error instanceof DeadlineError) throw error.toUserError(operationTimeoutMs);
          if (!transient || !name || resumes >= 5 || Date.now() - began >= operationTimeoutMs)
            throw explainGoogleError(purpose, error);
          this.#options.onRetry?.(`${purpose}: polling failed (${code}); resuming ${name}`);
          operation = await session.call(`${purpose} (resume)`, (c) => resume(c, name));
        }
      }
    } finally {
      clearInterval(ticker);
    }
  }
}

class DeadlineError extends Error {
  constructor(readonly purpose: string) {
    super(`${purpose} did not finish in time`);
  }

  toUserError(timeoutMs: number): Error {
    return new UserError(
      `Failed to ${this.purpose}: the operation did not finish within ${Math.round(timeoutMs / 60_000)} minutes; it may still complete`,
      {
        fix: 'Check the operation in the Vertex console, and raise deploy-timeout if deploys take this long.',
      },
    );
  }
}

async function withDeadline<T>(work: Promise<T>, ms: number, purpose: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(purpose)), Math.max(ms, 0));
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
