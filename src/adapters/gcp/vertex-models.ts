/**
 * The Vertex AI Model Registry (ModelService) for VertexServing (./vertex-serving.ts): models
 * and their versions found by label, uploaded, aliased and deleted, and the evaluations
 * attached to a version, as plain types.
 */
import { RPC_CODES } from '../../core/gcp/grpc-codes.js';
import {
  evaluationMetrics,
  RUN_METRICS_KEY,
  type EvaluationImport,
} from '../../core/gcp/evaluation-metrics.js';
import {
  decodeStruct,
  decodeValue,
  grpcCode,
  stringMap,
  timestamp,
  type ClientSession,
  type GoogleCloud,
} from './google-client.js';
import { field, labelFilter } from './vertex-fields.js';
import {
  POLLING,
  waitForOperation,
  type Operation,
  type OperationOptions,
} from './vertex-operations.js';

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

export interface Evaluation {
  readonly name: string;
  readonly metrics: Record<string, number>;
  readonly metadata: Record<string, unknown>;
  readonly createTime: string | undefined;
}

export type ModelClient = InstanceType<GoogleCloud['ModelServiceClient']>;

/** What the registry calls need of the connection. */
export interface ModelApi {
  readonly session: ClientSession<ModelClient>;
  /** `projects/P/locations/L`. */
  readonly parent: string;
  readonly helpers: GoogleCloud['aiplatformHelpers'];
  readonly operations: OperationOptions;
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

/** Models (their default versions) carrying this label. */
export async function findModels(
  api: ModelApi,
  labelKey: string,
  labelValue: string,
): Promise<ModelVersion[]> {
  const [models] = await api.session.call(`list models labelled ${labelKey}=${labelValue}`, (c) =>
    c.listModels({ parent: api.parent, filter: labelFilter(labelKey, labelValue) }),
  );
  return (models as Array<Record<string, unknown>>).map(toModelVersion);
}

export async function listVersions(api: ModelApi, model: string): Promise<ModelVersion[]> {
  const [versions] = await api.session.call(`list versions of ${model}`, (c) =>
    c.listModelVersions({ name: model }),
  );
  return (versions as Array<Record<string, unknown>>).map(toModelVersion);
}

/** A model version by `models/ID@VERSION` or `@ALIAS`; undefined when there is none. */
export async function getVersion(api: ModelApi, name: string): Promise<ModelVersion | undefined> {
  try {
    const [model] = await api.session.call(`get model ${name}`, (c) => c.getModel({ name }));
    return toModelVersion(model as Record<string, unknown>);
  } catch (error) {
    if (grpcCode((error as { cause?: unknown }).cause) === RPC_CODES.NOT_FOUND) return undefined;
    throw error;
  }
}

export async function upload(api: ModelApi, upload: ModelUpload): Promise<ModelVersion> {
  const { container } = upload;
  const request = {
    parent: api.parent,
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
  const response = (await waitForOperation(
    api.operations,
    api.session,
    purpose,
    (c) => c.uploadModel(request, POLLING) as Promise<[Operation<unknown>, ...unknown[]]>,
    (c, name) => c.checkUploadModelProgress(name) as Promise<Operation<unknown>>,
  )) as { model?: string; modelVersionId?: string };
  const version = await getVersion(
    api,
    `${field(response.model)}@${field(response.modelVersionId)}`,
  );
  if (!version) throw new Error(`Vertex uploaded ${field(response.model)} but cannot find it`);
  return version;
}

/** Adds aliases to a version (moving them from others); `-alias` removes one. */
export async function mergeAliases(
  api: ModelApi,
  versionName: string,
  aliases: readonly string[],
): Promise<ModelVersion> {
  const [model] = await api.session.call(
    `set aliases ${aliases.join(', ')} on ${versionName}`,
    (c) => c.mergeVersionAliases({ name: versionName, versionAliases: [...aliases] }),
  );
  return toModelVersion(model as Record<string, unknown>);
}

export async function deleteVersion(api: ModelApi, versionName: string): Promise<void> {
  await waitForOperation(
    api.operations,
    api.session,
    `delete model version ${versionName}`,
    (c) =>
      c.deleteModelVersion({ name: versionName }, POLLING) as Promise<
        [Operation<unknown>, ...unknown[]]
      >,
    (c, name) => c.checkDeleteModelVersionProgress(name) as Promise<Operation<unknown>>,
  );
}

export async function deleteModel(api: ModelApi, model: string): Promise<void> {
  await waitForOperation(
    api.operations,
    api.session,
    `delete model ${model}`,
    (c) => c.deleteModel({ name: model }, POLLING) as Promise<[Operation<unknown>, ...unknown[]]>,
    (c, name) => c.checkDeleteModelProgress(name) as Promise<Operation<unknown>>,
  );
}

export async function importEvaluation(
  api: ModelApi,
  versionName: string,
  displayName: string,
  evaluation: EvaluationImport,
  provenance: Readonly<Record<string, string>>,
): Promise<void> {
  await api.session.call(`attach evaluation metrics to ${versionName}`, (c) =>
    c.importModelEvaluation({
      parent: versionName,
      modelEvaluation: {
        displayName,
        metricsSchemaUri: evaluation.metricsSchemaUri,
        metrics: api.helpers.toValue({ ...evaluation.metrics }) as never,
        metadata: api.helpers.toValue({
          ...provenance,
          [RUN_METRICS_KEY]: { ...evaluation.runMetrics },
        }) as never,
      },
    }),
  );
}

/** The newest evaluation of a version (by create time), or undefined. */
export async function latestEvaluation(
  api: ModelApi,
  versionName: string,
): Promise<Evaluation | undefined> {
  const [evaluations] = await api.session.call(`read evaluations of ${versionName}`, (c) =>
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
        metrics !== null && typeof metrics === 'object' ? (metrics as Record<string, unknown>) : {},
        metadata,
      ),
      metadata,
      createTime: timestamp(raw.createTime),
    };
  });
  return decoded.sort((a, b) => (b.createTime ?? '').localeCompare(a.createTime ?? ''))[0];
}
