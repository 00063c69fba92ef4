/**
 * Vertex AI Model Registry, endpoints and online predictions (ModelService, EndpointService,
 * PredictionService) in REST mode, with plain types for the deploy and gate commands: one
 * connection (VertexServing) over ./vertex-models.ts and ./vertex-endpoints.ts, which wait on
 * long-running operations with progress and a deadline (./vertex-operations.ts); predictions
 * are sent from here.
 */
import { RemoteFailure } from '../../core/errors.js';
import { RPC_CODES } from '../../core/gcp/grpc-codes.js';
import type { EvaluationImport } from '../../core/gcp/evaluation-metrics.js';
import {
  ClientSession,
  decodeValue,
  loadGoogleClients,
  vertexClientOptions,
  type GoogleCloud,
} from './google-client.js';
import * as endpoints from './vertex-endpoints.js';
import type { DeploySpec, EndpointClient, EndpointInfo } from './vertex-endpoints.js';
import { field } from './vertex-fields.js';
import * as models from './vertex-models.js';
import type { Evaluation, ModelClient, ModelUpload, ModelVersion } from './vertex-models.js';
import { DeadlineError, withDeadline } from './vertex-operations.js';

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

type PredictionClient = InstanceType<GoogleCloud['PredictionServiceClient']>;

export class VertexServing {
  readonly #models: ClientSession<ModelClient>;
  readonly #endpoints: ClientSession<EndpointClient>;
  readonly #modelApi: models.ModelApi;
  readonly #endpointApi: endpoints.EndpointApi;
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
    this.#modelApi = {
      session: this.#models,
      parent: this.parent,
      helpers: this.#helpers,
      operations: options,
    };
    this.#endpointApi = { session: this.#endpoints, parent: this.parent, operations: options };
  }

  static async connect(options: VertexServingOptions): Promise<VertexServing> {
    return new VertexServing(await loadGoogleClients(options.project, options.env), options);
  }

  get parent(): string {
    return `projects/${this.#options.project}/locations/${this.#options.region}`;
  }

  async close(): Promise<void> {
    await Promise.all([this.#models.close(), this.#endpoints.close(), this.#predictions?.close()]);
  }

  // -------------------------------------------------------------------------------------------
  // Models (./vertex-models.ts)

  /** Models (their default versions) carrying this label. */
  findModels(labelKey: string, labelValue: string): Promise<ModelVersion[]> {
    return models.findModels(this.#modelApi, labelKey, labelValue);
  }

  listVersions(model: string): Promise<ModelVersion[]> {
    return models.listVersions(this.#modelApi, model);
  }

  /** A model version by `models/ID@VERSION` or `@ALIAS`; undefined when there is none. */
  getVersion(name: string): Promise<ModelVersion | undefined> {
    return models.getVersion(this.#modelApi, name);
  }

  upload(upload: ModelUpload): Promise<ModelVersion> {
    return models.upload(this.#modelApi, upload);
  }

  /** Adds aliases to a version (moving them from others); `-alias` removes one. */
  mergeAliases(versionName: string, aliases: readonly string[]): Promise<ModelVersion> {
    return models.mergeAliases(this.#modelApi, versionName, aliases);
  }

  deleteVersion(versionName: string): Promise<void> {
    return models.deleteVersion(this.#modelApi, versionName);
  }

  deleteModel(model: string): Promise<void> {
    return models.deleteModel(this.#modelApi, model);
  }

  importEvaluation(
    versionName: string,
    displayName: string,
    evaluation: EvaluationImport,
    provenance: Readonly<Record<string, string>>,
  ): Promise<void> {
    return models.importEvaluation(
      this.#modelApi,
      versionName,
      displayName,
      evaluation,
      provenance,
    );
  }

  /** The newest evaluation of a version (by create time), or undefined. */
  latestEvaluation(versionName: string): Promise<Evaluation | undefined> {
    return models.latestEvaluation(this.#modelApi, versionName);
  }

  // -------------------------------------------------------------------------------------------
  // Endpoints (./vertex-endpoints.ts)

  findEndpoints(labelKey: string, labelValue: string): Promise<EndpointInfo[]> {
    return endpoints.findEndpoints(this.#endpointApi, labelKey, labelValue);
  }

  getEndpoint(name: string): Promise<EndpointInfo> {
    return endpoints.getEndpoint(this.#endpointApi, name);
  }

  /** Creates the endpoint; one that already exists under this id (a race, a re-run) is returned. */
  createEndpoint(
    endpointId: string,
    displayName: string,
    labels: Record<string, string>,
  ): Promise<{ endpoint: EndpointInfo; created: boolean }> {
    return endpoints.createEndpoint(this.#endpointApi, endpointId, displayName, labels);
  }

  deleteEndpoint(name: string): Promise<void> {
    return endpoints.deleteEndpoint(this.#endpointApi, name);
  }

  /** Deploys and returns the new deployed model id; `"0"` in the split is the new model. */
  deploy(
    endpoint: string,
    spec: DeploySpec,
    trafficSplit: Readonly<Record<string, number>>,
  ): Promise<string> {
    return endpoints.deploy(this.#endpointApi, endpoint, spec, trafficSplit);
  }

  undeploy(
    endpoint: string,
    deployedModelId: string,
    trafficSplit: Readonly<Record<string, number>>,
  ): Promise<void> {
    return endpoints.undeploy(this.#endpointApi, endpoint, deployedModelId, trafficSplit);
  }

  setTraffic(
    endpoint: string,
    trafficSplit: Readonly<Record<string, number>>,
  ): Promise<EndpointInfo> {
    return endpoints.setTraffic(this.#endpointApi, endpoint, trafficSplit);
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
      throw new RemoteFailure(
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
}
