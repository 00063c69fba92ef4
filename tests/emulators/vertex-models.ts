/**
 * Vertex AI ModelService v1 over REST for the emulator: the Model Registry (upload, versions,
 * aliases, deletion) and model evaluations. startVertexEmulator (vertex.ts) mounts it on the
 * PipelineService server: one loopback server = one regional endpoint.
 *
 * Wire facts (aiplatform 6.11 / google-gax 5.0.8 REST, by experiment; paths from the http rules
 * in build/protos/protos.json):
 * - uploadModel: `POST /v1/{parent}/models:upload` with the whole request as body (`{model,
 *   parentModel?, modelId?, serviceAccount?}`): an LRO, UploadModelOperationMetadata →
 *   UploadModelResponse `{model: 'projects/<number>/locations/L/models/ID', modelVersionId}`.
 *   The operation is named `<model>/operations/<id>`.
 * - getModel: `GET /v1/{name}` where the last segment may carry `@<version id>` or
 *   `@<alias>`, sent percent-encoded (`models/m1%402`); no suffix = the `default` version.
 *   The returned `name` has no version: `versionId` says which one it is.
 * - listModels: `GET /v1/{parent}/models?filter&pageSize&pageToken&orderBy`: one Model per
 *   model (its default version). listModelVersions: `GET /v1/{name}:listVersions` (filter on
 *   labels only, per the proto).
 * - mergeVersionAliases: `POST /v1/{name=models/ID@ver}:mergeVersionAliases` body
 *   `{versionAliases: ['champion', '-old']}` → the Model (that version). Not an LRO.
 * - deleteModelVersion: `DELETE /v1/{name=models/ID@ver}:deleteVersion` (NOT a plain DELETE of
 *   `ID@ver`); deleteModel: `DELETE /v1/{name}`. Both LROs, DeleteOperationMetadata → Empty.
 * - importModelEvaluation: `POST /v1/{parent=models/ID[@ver]}/evaluations:import` body
 *   `{modelEvaluation: {displayName, metricsSchemaUri, metrics, metadata}}` → ModelEvaluation
 *   (not an LRO); `metrics`/`metadata` are google.protobuf.Value, sent as plain JSON after
 *   `helpers.toValue(...)`. listModelEvaluations: `GET /v1/{parent}/evaluations`;
 *   getModelEvaluation: `GET /v1/{name=models/*\/evaluations/*}`.
 * - importModelEvaluation validates `metrics` against the two schemas a custom model's
 *   evaluation uses (classification_metrics_1.0.0.yaml: auPrc, auRoc, logLoss numbers,
 *   confidenceMetrics list, confusionMatrix object; regression_metrics_1.0.0.yaml: the five
 *   error numbers): any other field, or a field of the wrong type, is 400 INVALID_ARGUMENT
 *   "Invalid Metrics Format", Vertex's answer in googleapis/python-aiplatform#5570. Other
 *   schema URIs are stored unchecked.
 *
 * Vertex semantics emulated (proto comments, docs and the Python SDK):
 * - Versions are numbered '1', '2', ... per model; `parentModel` uploads the next version.
 *   A model's first version always gets the alias `default`, and exactly one version has it.
 *   A new version gets `default` only when its versionAliases ask for it: the Python SDK's
 *   `is_default_version=True` (its default) does exactly that, so Vertex moves `default` on
 *   upload. A new version uploaded without aliases is not the default (kubeflow/pipelines#8882).
 * - Aliases match `[a-z][a-zA-Z0-9-]{0,126}[a-z0-9]` (so never a version id). That is
 *   Model.version_aliases' pattern (model.proto); MergeVersionAliasesRequest's comment gives
 *   `[a-z][a-zA-Z0-9-]{0,126}[a-z-0-9]`, which would also allow a trailing `-`. A merged alias
 *   becomes one of the model's version_aliases, so the emulator holds merges to the model's
 *   pattern: the stricter reading, which a product that passes it passes either way. On UPLOAD, an
 *   alias other than `default` that another version already has is rejected with
 *   INVALID_ARGUMENT. This is the emulator's strict choice: no source says whether Vertex moves
 *   it or rejects it, and a product that moves aliases explicitly with mergeVersionAliases works
 *   either way. mergeVersionAliases MOVES an alias from whichever version had it (the
 *   docs: "If you apply an existing alias ..., the alias is removed from that version");
 *   `-alias` removes it; `default` cannot be removed, only moved; adding and removing the same
 *   alias in one request cancel out (proto comment).
 * - Evaluations belong to a version: Vertex (and the Python SDK's list_model_evaluations /
 *   get_model_evaluation) address them under `models/ID@ver/evaluations`, and a parent without
 *   a version means the default version. Evaluation ids are unique within the model, and the
 *   names returned are `models/ID/evaluations/EID`; a get with `@ver` finds only that version's.
 * - A version that is deployed (or being deployed) cannot be deleted, nor can its model
 *   (FAILED_PRECONDITION); the default version cannot be deleted either.
 * - With `checkArtifacts` (default on) the upload operation fails as Vertex's does when
 *   `artifactUri` names an empty or missing folder of the emulated Cloud Storage, or, for the
 *   prebuilt scikit-learn / XGBoost serving images, when the folder does not hold exactly one
 *   model file (model.joblib / model.pkl [/ model.bst]). The messages are the emulator's.
 */
import { readdir } from 'node:fs/promises';
import type { EmulatorRequest, EmulatorResponse } from './http-server.js';
import {
  enumOut,
  failedPrecondition,
  invalid,
  isoTime,
  isRecord,
  isResponse,
  listFilter,
  locationName,
  notFound,
  orderItems,
  paginate,
  parseOwnName,
  readLabels,
  rpcError,
  RPC_CODES,
  wantsIntEnums,
  type Caller,
  type OperationResult,
  type OperationStore,
  type ServiceContext,
} from './vertex-operations.js';

/** The fields of the evaluation schemas a custom model uses, by the JSON type each must have. */
const METRICS_SCHEMAS: Readonly<
  Record<string, Readonly<Record<string, 'number' | 'list' | 'object'>>>
> = {
  'gs://google-cloud-aiplatform/schema/modelevaluation/classification_metrics_1.0.0.yaml': {
    auPrc: 'number',
    auRoc: 'number',
    logLoss: 'number',
    confidenceMetrics: 'list',
    confusionMatrix: 'object',
  },
  'gs://google-cloud-aiplatform/schema/modelevaluation/regression_metrics_1.0.0.yaml': {
    rootMeanSquaredError: 'number',
    meanAbsoluteError: 'number',
    meanAbsolutePercentageError: 'number',
    rSquared: 'number',
    rootMeanSquaredLogError: 'number',
  },
};

function metricsFitSchema(schemaUri: string, metrics: unknown): boolean {
  const fields = METRICS_SCHEMAS[schemaUri];
  if (!fields) return true;
  if (!isRecord(metrics)) return false;
  return Object.entries(metrics).every(([name, value]) => {
    const kind = fields[name];
    if (kind === 'number') return typeof value === 'number';
    if (kind === 'list') return Array.isArray(value);
    return kind === 'object' && isRecord(value);
  });
}

// ---------------------------------------------------------------------------------------------
// Public types

export const DEPLOYMENT_RESOURCES_TYPES = [
  'DEPLOYMENT_RESOURCES_TYPE_UNSPECIFIED',
  'DEDICATED_RESOURCES',
  'AUTOMATIC_RESOURCES',
  'SHARED_RESOURCES',
] as const;

export interface DeployedModelRef {
  /** `projects/<number>/locations/<region>/endpoints/<id>`. */
  readonly endpoint: string;
  readonly deployedModelId: string;
}

export interface EmulatedModelEvaluation {
  readonly id: string;
  /** `projects/<number>/locations/<region>/models/<model>/evaluations/<id>`. */
  readonly name: string;
  readonly versionId: string;
  readonly displayName: string;
  readonly metricsSchemaUri: string;
  /** The metrics as plain JSON (a google.protobuf.Value on the wire). */
  readonly metrics: unknown;
  readonly metadata: unknown;
  readonly createTime: string;
}

export interface EmulatedModelVersion {
  readonly versionId: string;
  readonly versionAliases: readonly string[];
  readonly displayName: string;
  readonly description: string;
  readonly versionDescription: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly artifactUri: string;
  /** As received: `{imageUri, command?, args?, env?, ports?, predictRoute?, healthRoute?}`. */
  readonly containerSpec: Readonly<Record<string, unknown>>;
  /** Model.metadata as plain JSON, when set. */
  readonly metadata: unknown;
  readonly versionCreateTime: string;
  readonly versionUpdateTime: string;
  readonly deployedModels: readonly DeployedModelRef[];
  readonly evaluations: ReadonlyMap<string, EmulatedModelEvaluation>;
}

export interface EmulatedModel {
  readonly id: string;
  /** `projects/<number>/locations/<region>/models/<id>`. */
  readonly name: string;
  readonly createTime: string;
  readonly updateTime: string;
  /** By version id, in upload order. */
  readonly versions: ReadonlyMap<string, EmulatedModelVersion>;
}

export interface ModelServiceOptions {
  /** Emulated time of upload/delete operations, ms. */
  operationMs: number;
  /** Check artifactUri against the emulated Cloud Storage (see the header comment). */
  checkArtifacts: boolean;
}

// ---------------------------------------------------------------------------------------------
// Internals

const ALIAS = /^[a-z][a-zA-Z0-9-]{0,126}[a-z0-9]$/;
const MODEL_ID = /^[a-z_][a-z0-9_-]{0,62}$/;
const GCS_URI = /^gs:\/\/[a-z0-9][a-z0-9._-]{1,220}[a-z0-9](\/.*)?$/;
const PREBUILT_MODEL_FILES: Array<[RegExp, string[]]> = [
  [/-docker\.pkg\.dev\/vertex-ai\/prediction\/sklearn-/, ['model.joblib', 'model.pkl']],
  [
    /-docker\.pkg\.dev\/vertex-ai\/prediction\/xgboost-/,
    ['model.bst', 'model.joblib', 'model.pkl'],
  ],
];

type EvaluationEntry = EmulatedModelEvaluation;

interface VersionEntry extends EmulatedModelVersion {
  versionAliases: string[];
  versionUpdateTime: string;
  deployedModels: DeployedModelRef[];
  evaluations: Map<string, EvaluationEntry>;
  metadataSchemaUri: string;
  /** Deploy operations in flight for this version. */
  deploying: number;
}

interface ModelEntry extends EmulatedModel {
  updateTime: string;
  versions: Map<string, VersionEntry>;
  nextVersion: number;
}

export interface ResolvedVersion {
  model: EmulatedModel;
  version: EmulatedModelVersion;
}

function aliasProblems(aliases: readonly string[], field: string): string | undefined {
  const bad = aliases.filter((alias) => !ALIAS.test(alias));
  if (bad.length > 0)
    return `Invalid ${field} ${bad.map((a) => JSON.stringify(a)).join(', ')}: a version alias must match [a-z][a-zA-Z0-9-]{0,126}[a-z0-9].`;
  const seen = new Set<string>();
  for (const alias of aliases) {
    if (seen.has(alias)) return `Invalid ${field}: alias "${alias}" is given twice.`;
    seen.add(alias);
  }
  return undefined;
}

function stringList(value: unknown, field: string): string[] | EmulatorResponse {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
    ? value
    : invalid(`Invalid ${field}: expected a list of strings.`);
}

/** ModelContainerSpec checks: imageUri required, env names, ports, routes. */
function containerSpecProblem(spec: unknown): string | undefined {
  if (!isRecord(spec) || typeof spec.imageUri !== 'string' || spec.imageUri === '')
    return 'Model.container_spec.image_uri is required: set containerSpec.imageUri to the serving image.';
  for (const key of ['command', 'args'] as const)
    if (
      spec[key] !== undefined &&
      !(Array.isArray(spec[key]) && spec[key].every((item) => typeof item === 'string'))
    )
      return `Invalid Model.container_spec.${key}: expected a list of strings.`;
  const env: unknown = spec.env ?? [];
  if (!Array.isArray(env)) return 'Invalid Model.container_spec.env: expected a list.';
  for (const entry of env)
    if (
      !isRecord(entry) ||
      typeof entry.name !== 'string' ||
      !/^[A-Za-z_][A-Za-z0-9_]*$/.test(entry.name)
    )
      return `Invalid Model.container_spec.env entry ${JSON.stringify(entry)}: name must be a C identifier.`;
  const ports: unknown = spec.ports ?? [];
  if (!Array.isArray(ports)) return 'Invalid Model.container_spec.ports: expected a list.';
  for (const port of ports) {
    const number = isRecord(port) ? Number(port.containerPort) : Number.NaN;
    if (!Number.isInteger(number) || number < 1 || number > 65535)
      return `Invalid Model.container_spec.ports entry ${JSON.stringify(port)}: containerPort must be 1-65535.`;
  }
  for (const key of ['predictRoute', 'healthRoute'] as const)
    if (spec[key] !== undefined && (typeof spec[key] !== 'string' || !spec[key].startsWith('/')))
      return `Invalid Model.container_spec.${key} ${JSON.stringify(spec[key])}: it must start with "/".`;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The service

export class ModelService {
  readonly models = new Map<string, ModelEntry>();
  readonly #ctx: ServiceContext;
  readonly #ops: OperationStore;
  readonly #options: ModelServiceOptions;
  /** Model ids of uploads in flight, so that two uploads cannot claim the same modelId. */
  readonly #reserved = new Set<string>();

  constructor(ctx: ServiceContext, ops: OperationStore, options: ModelServiceOptions) {
    this.#ctx = ctx;
    this.#ops = ops;
    this.#options = options;
  }

  #now(): string {
    return isoTime(this.#ctx.clock.now());
  }

  #modelName(id: string): string {
    return `${locationName(this.#ctx)}/models/${id}`;
  }

  /** `models/{ref}` of a request path: the model, and the version `@ref` names (or default). */
  #find(
    params: Record<string, string>,
    ref = params.model ?? '',
    shown = `projects/${params.project ?? ''}/locations/${params.location ?? ''}/models/${ref}`,
  ): { model: ModelEntry; version: VersionEntry; explicit: boolean } | EmulatorResponse {
    const [id = '', versionRef, ...extra] = ref.split('@');
    if (extra.length > 0) return invalid(`Invalid model name "${shown}": at most one "@".`);
    const model = this.models.get(id);
    if (!model) return notFound(`The Model "${shown}" does not exist.`);
    const version =
      versionRef === undefined
        ? [...model.versions.values()].find((v) => v.versionAliases.includes('default'))
        : (model.versions.get(versionRef) ??
          [...model.versions.values()].find((v) => v.versionAliases.includes(versionRef)));
    if (!version)
      return notFound(
        /^\d+$/.test(versionRef ?? '')
          ? `The Model version "${shown}" does not exist.`
          : `The Model version alias "${versionRef ?? ''}" of "${shown}" does not exist.`,
      );
    return { model, version, explicit: versionRef !== undefined };
  }

  /**
   * A `projects/P/locations/L/models/ID[@ver|@alias]` name from a request body (deployModel),
   * resolved to the concrete version.
   */
  resolve(name: unknown, field: string): ResolvedVersion | EmulatorResponse {
    const ref = parseOwnName(this.#ctx, name, 'models', field);
    if (isResponse(ref)) return ref;
    return this.#find({}, ref, String(name));
  }

  /** Deploy bookkeeping for EndpointService. */
  deploying(version: EmulatedModelVersion, delta: 1 | -1): void {
    (version as VersionEntry).deploying += delta;
  }

  addDeployment(model: EmulatedModel, version: EmulatedModelVersion, ref: DeployedModelRef): void {
    (version as VersionEntry).deployedModels.push(ref);
    this.#touch(model as ModelEntry, version as VersionEntry);
  }

  removeDeployment(endpoint: string, deployedModelId: string): void {
    for (const model of this.models.values())
      for (const version of model.versions.values()) {
        const index = version.deployedModels.findIndex(
          (ref) => ref.endpoint === endpoint && ref.deployedModelId === deployedModelId,
        );
        if (index >= 0) {
          version.deployedModels.splice(index, 1);
          this.#touch(model, version);
        }
      }
  }

  #touch(model: ModelEntry, version?: VersionEntry): void {
    const now = this.#now();
    model.updateTime = now;
    if (version) version.versionUpdateTime = now;
  }

  // ----- upload

  upload(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const denied = this.#ctx.checkParent(request.params, caller, 'aiplatform.models.upload');
    if (denied) return denied;
    const body = request.body;
    if (!isRecord(body) || !isRecord(body.model))
      return invalid('UploadModelRequest.model is required.');
    const model = body.model;
    if (typeof model.displayName !== 'string' || model.displayName.trim() === '')
      return invalid('Model.display_name is required.');
    const specProblem = containerSpecProblem(model.containerSpec);
    if (specProblem) return invalid(specProblem);
    const artifactUri = typeof model.artifactUri === 'string' ? model.artifactUri : '';
    if (artifactUri && !GCS_URI.test(artifactUri))
      return invalid(
        `Invalid Model.artifact_uri "${artifactUri}": it must be a Cloud Storage folder (gs://bucket/path).`,
      );
    const labels = readLabels(model.labels, 'Model.labels');
    if (isResponse(labels)) return labels;
    const aliases = stringList(model.versionAliases, 'Model.version_aliases');
    if (isResponse(aliases)) return aliases;
    const aliasProblem = aliasProblems(aliases, 'Model.version_aliases');
    if (aliasProblem) return invalid(aliasProblem);
    const serviceAccount = typeof body.serviceAccount === 'string' ? body.serviceAccount : '';
    if (serviceAccount) {
      const actAs = this.#ctx.denied(
        caller,
        'iam.serviceAccounts.actAs',
        `projects/-/serviceAccounts/${serviceAccount}`,
      );
      if (actAs) return actAs;
    }
    const modelId = typeof body.modelId === 'string' ? body.modelId : '';
    if (modelId && !MODEL_ID.test(modelId))
      return invalid(
        `Invalid model_id "${modelId}": up to 63 characters of [a-z0-9_-], not starting with a digit or "-".`,
      );

    let id: string;
    const parentModel = typeof body.parentModel === 'string' ? body.parentModel : '';
    if (parentModel) {
      const parentId = parseOwnName(this.#ctx, parentModel, 'models', 'parent_model');
      if (isResponse(parentId)) return parentId;
      if (parentId.includes('@'))
        return invalid(`Invalid parent_model "${parentModel}": name the model, without a version.`);
      if (modelId && modelId !== parentId)
        return invalid(
          `model_id "${modelId}" does not match parent_model "${parentModel}": set only parent_model to upload a version.`,
        );
      const parent = this.models.get(parentId);
      if (!parent) return notFound(`The parent Model "${parentModel}" does not exist.`);
      const conflict = this.#aliasConflict(parent, aliases);
      if (conflict) return invalid(conflict);
      id = parentId;
    } else {
      id = modelId || this.#ctx.newId();
      if (this.models.has(id) || this.#reserved.has(id))
        return rpcError(409, `Model "${this.#modelName(id)}" already exists.`, 'ALREADY_EXISTS');
      this.#reserved.add(id);
    }

    const name = this.#modelName(id);
    const op = this.#ops.start({
      kind: 'uploadModel',
      resource: name,
      ms: this.#options.operationMs,
      cleanup: () => {
        if (!parentModel) this.#reserved.delete(id);
      },
      run: () => this.#finishUpload(id, !!parentModel, model, { artifactUri, labels, aliases }),
    });
    return this.#ops.accepted(op, request);
  }

  /** An alias of the request that another version has (`default` moves instead). */
  #aliasConflict(model: ModelEntry, aliases: readonly string[]): string | undefined {
    for (const alias of aliases) {
      if (alias === 'default') continue;
      const holder = [...model.versions.values()].find((v) => v.versionAliases.includes(alias));
      if (holder)
        return `Version alias "${alias}" is already used by version ${holder.versionId} of model ${model.name}: aliases are unique within a model (move it with mergeVersionAliases).`;
    }
    return undefined;
  }

  async #finishUpload(
    id: string,
    asVersion: boolean,
    model: Record<string, unknown>,
    fields: { artifactUri: string; labels: Record<string, string>; aliases: string[] },
  ): Promise<OperationResult> {
    if (fields.artifactUri && this.#options.checkArtifacts) {
      const problem = await this.#artifactProblem(
        fields.artifactUri,
        String((model.containerSpec as Record<string, unknown>).imageUri),
      );
      if (problem) return { error: { code: RPC_CODES.INVALID_ARGUMENT, message: problem } };
    }
    const now = this.#now();
    let entry = this.models.get(id);
    if (asVersion && !entry)
      return {
        error: { code: RPC_CODES.NOT_FOUND, message: `Model ${this.#modelName(id)} was deleted.` },
      };
    if (entry) {
      const conflict = this.#aliasConflict(entry, fields.aliases);
      if (conflict) return { error: { code: RPC_CODES.INVALID_ARGUMENT, message: conflict } };
    } else {
      entry = {
        id,
        name: this.#modelName(id),
        createTime: now,
        updateTime: now,
        versions: new Map(),
        nextVersion: 1,
      };
      this.models.set(id, entry);
    }
    const first = entry.versions.size === 0;
    const aliases =
      first && !fields.aliases.includes('default')
        ? ['default', ...fields.aliases]
        : [...fields.aliases];
    if (aliases.includes('default'))
      for (const other of entry.versions.values())
        other.versionAliases = other.versionAliases.filter((alias) => alias !== 'default');
    const versionId = String(entry.nextVersion++);
    entry.versions.set(versionId, {
      versionId,
      versionAliases: aliases,
      displayName: String(model.displayName),
      description: typeof model.description === 'string' ? model.description : '',
      versionDescription:
        typeof model.versionDescription === 'string' ? model.versionDescription : '',
      labels: fields.labels,
      artifactUri: fields.artifactUri,
      containerSpec: model.containerSpec as Record<string, unknown>,
      metadata: model.metadata ?? undefined,
      metadataSchemaUri: typeof model.metadataSchemaUri === 'string' ? model.metadataSchemaUri : '',
      versionCreateTime: now,
      versionUpdateTime: now,
      deployedModels: [],
      evaluations: new Map(),
      deploying: 0,
    });
    entry.updateTime = now;
    return { response: { model: entry.name, modelVersionId: versionId } };
  }

  async #artifactProblem(uri: string, imageUri: string): Promise<string | undefined> {
    let files: string[];
    try {
      files = await readdir(this.#ctx.localPath(uri));
    } catch {
      files = [];
    }
    if (files.length === 0)
      return `Model directory ${uri} is empty or does not exist: nothing to upload.`;
    for (const [image, names] of PREBUILT_MODEL_FILES)
      if (image.test(imageUri) && files.filter((file) => names.includes(file)).length !== 1)
        return `Model directory ${uri} is expected to contain exactly one of: [${names.join(', ')}].`;
    return undefined;
  }

  // ----- read

  get(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const denied = this.#ctx.checkParent(request.params, caller, 'aiplatform.models.get');
    if (denied) return denied;
    const found = this.#find(request.params);
    if (isResponse(found)) return found;
    return { status: 200, body: this.resource(found.model, found.version, request) };
  }

  list(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const denied = this.#ctx.checkParent(request.params, caller, 'aiplatform.models.list');
    if (denied) return denied;
    type Item = { model: ModelEntry; version: VersionEntry };
    const matches = listFilter<Item>(request, {
      fields: {
        model: ({ model }) => model.id,
        display_name: ({ version }) => version.displayName,
      },
      labels: ({ version }) => version.labels,
    });
    if (isResponse(matches)) return matches;
    const items: Item[] = [];
    for (const model of this.models.values()) {
      const version = [...model.versions.values()].find((v) =>
        v.versionAliases.includes('default'),
      );
      if (version) items.push({ model, version });
    }
    const ordered = orderItems(request, items.filter(matches), {
      create_time: ({ model }) => model.createTime,
      update_time: ({ model }) => model.updateTime,
      display_name: ({ version }) => version.displayName,
    });
    if (isResponse(ordered)) return ordered;
    const paged = paginate(request, ordered);
    if (isResponse(paged)) return paged;
    return {
      status: 200,
      body: {
        models: paged.page.map(({ model, version }) => this.resource(model, version, request)),
        ...(paged.nextPageToken ? { nextPageToken: paged.nextPageToken } : {}),
      },
    };
  }

  listVersions(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const denied = this.#ctx.checkParent(request.params, caller, 'aiplatform.models.list');
    if (denied) return denied;
    if ((request.params.model ?? '').includes('@'))
      return invalid('ListModelVersions takes the model name without a version.');
    const found = this.#find(request.params);
    if (isResponse(found)) return found;
    const matches = listFilter<VersionEntry>(request, { fields: {}, labels: (v) => v.labels });
    if (isResponse(matches)) return matches;
    const ordered = orderItems(request, [...found.model.versions.values()].filter(matches), {
      create_time: (v) => v.versionCreateTime,
      update_time: (v) => v.versionUpdateTime,
    });
    if (isResponse(ordered)) return ordered;
    const paged = paginate(request, ordered);
    if (isResponse(paged)) return paged;
    return {
      status: 200,
      body: {
        models: paged.page.map((version) => this.resource(found.model, version, request)),
        ...(paged.nextPageToken ? { nextPageToken: paged.nextPageToken } : {}),
      },
    };
  }

  // ----- aliases

  mergeVersionAliases(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const denied = this.#ctx.checkParent(request.params, caller, 'aiplatform.models.update');
    if (denied) return denied;
    if (!(request.params.model ?? '').includes('@'))
      return invalid(
        'MergeVersionAliasesRequest.name must name a version: projects/{project}/locations/{location}/models/{model}@{version}.',
      );
    const found = this.#find(request.params);
    if (isResponse(found)) return found;
    const body = isRecord(request.body) ? request.body : {};
    const requested = stringList(body.versionAliases, 'version_aliases');
    if (isResponse(requested)) return requested;
    if (requested.length === 0)
      return invalid('MergeVersionAliasesRequest.version_aliases is required.');
    const add = requested.filter((alias) => !alias.startsWith('-'));
    const remove = requested.filter((alias) => alias.startsWith('-')).map((a) => a.slice(1));
    const problem =
      aliasProblems([...new Set(add)], 'version_aliases') ??
      aliasProblems([...new Set(remove)], 'version_aliases');
    if (problem) return invalid(problem);
    // Adding and removing the same alias cancel out (proto comment).
    const adds = add.filter((alias) => !remove.includes(alias));
    const removes = remove.filter((alias) => !add.includes(alias));
    if (removes.includes('default'))
      return invalid(
        'The "default" version alias cannot be removed: exactly one version carries it. Move it by adding it to another version.',
      );
    const { model, version } = found;
    for (const alias of adds)
      for (const other of model.versions.values())
        if (other !== version && other.versionAliases.includes(alias)) {
          other.versionAliases = other.versionAliases.filter((a) => a !== alias);
          this.#touch(model, other);
        }
    version.versionAliases = [
      ...version.versionAliases.filter((alias) => !removes.includes(alias)),
      ...adds.filter((alias) => !version.versionAliases.includes(alias)),
    ];
    this.#touch(model, version);
    return { status: 200, body: this.resource(model, version, request) };
  }

  // ----- delete

  #deployedProblem(model: ModelEntry, versions: readonly VersionEntry[]): string | undefined {
    const endpoints = versions.flatMap((v) => v.deployedModels.map((ref) => ref.endpoint));
    if (endpoints.length === 0 && versions.every((v) => v.deploying === 0)) return undefined;
    const what =
      versions.length === 1 && versions[0] ? `${model.name}@${versions[0].versionId}` : model.name;
    return `Model ${what} is deployed or being deployed at the following Endpoint(s): ${[...new Set(endpoints)].join(', ') || '(deployment in progress)'}. Undeploy it first.`;
  }

  deleteModel(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const denied = this.#ctx.checkParent(request.params, caller, 'aiplatform.models.delete');
    if (denied) return denied;
    if ((request.params.model ?? '').includes('@'))
      return invalid(
        'DeleteModel deletes a whole model: to delete a version use DeleteModelVersion (:deleteVersion).',
      );
    const found = this.#find(request.params);
    if (isResponse(found)) return found;
    const { model } = found;
    const problem = this.#deployedProblem(model, [...model.versions.values()]);
    if (problem) return failedPrecondition(problem);
    const op = this.#ops.start({
      kind: 'deleteModel',
      resource: model.name,
      ms: this.#options.operationMs,
      run: () => {
        const late = this.#deployedProblem(model, [...model.versions.values()]);
        if (late) return { error: { code: RPC_CODES.FAILED_PRECONDITION, message: late } };
        this.models.delete(model.id);
        return { response: {} };
      },
    });
    return this.#ops.accepted(op, request);
  }

  deleteVersion(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const denied = this.#ctx.checkParent(request.params, caller, 'aiplatform.models.delete');
    if (denied) return denied;
    if (!(request.params.model ?? '').includes('@'))
      return invalid(
        'DeleteModelVersionRequest.name must name a version: projects/{project}/locations/{location}/models/{model}@{version}.',
      );
    const found = this.#find(request.params);
    if (isResponse(found)) return found;
    const { model, version } = found;
    const check = (): string | undefined =>
      version.versionAliases.includes('default')
        ? `Version ${version.versionId} of model ${model.name} has the "default" alias and cannot be deleted: move the alias to another version first, or delete the model.`
        : this.#deployedProblem(model, [version]);
    const problem = check();
    if (problem) return failedPrecondition(problem);
    const op = this.#ops.start({
      kind: 'deleteModelVersion',
      resource: model.name,
      ms: this.#options.operationMs,
      run: () => {
        const late = check();
        if (late) return { error: { code: RPC_CODES.FAILED_PRECONDITION, message: late } };
        model.versions.delete(version.versionId);
        this.#touch(model);
        return { response: {} };
      },
    });
    return this.#ops.accepted(op, request);
  }

  // ----- evaluations

  importEvaluation(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const denied = this.#ctx.checkParent(
      request.params,
      caller,
      'aiplatform.modelEvaluations.import',
    );
    if (denied) return denied;
    const found = this.#find(request.params);
    if (isResponse(found)) return found;
    const body = isRecord(request.body) ? request.body : {};
    const evaluation = body.modelEvaluation;
    if (!isRecord(evaluation))
      return invalid('ImportModelEvaluationRequest.model_evaluation is required.');
    if (typeof evaluation.metricsSchemaUri !== 'string' || evaluation.metricsSchemaUri === '')
      return invalid(
        'ModelEvaluation.metrics_schema_uri is required, e.g. gs://google-cloud-aiplatform/schema/modelevaluation/classification_metrics_1.0.0.yaml.',
      );
    if (evaluation.metrics === undefined || evaluation.metrics === null)
      return invalid(
        'ModelEvaluation.metrics is required (a google.protobuf.Value: helpers.toValue(metrics)).',
      );
    if (!metricsFitSchema(evaluation.metricsSchemaUri, evaluation.metrics))
      return invalid('Invalid Metrics Format');
    const { model, version } = found;
    const id = this.#ctx.newId();
    const entry: EvaluationEntry = {
      id,
      name: `${model.name}/evaluations/${id}`,
      versionId: version.versionId,
      displayName: typeof evaluation.displayName === 'string' ? evaluation.displayName : '',
      metricsSchemaUri: evaluation.metricsSchemaUri,
      metrics: evaluation.metrics,
      metadata: evaluation.metadata ?? undefined,
      createTime: this.#now(),
    };
    version.evaluations.set(id, entry);
    return { status: 200, body: evaluationResource(entry) };
  }

  listEvaluations(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const denied = this.#ctx.checkParent(
      request.params,
      caller,
      'aiplatform.modelEvaluations.list',
    );
    if (denied) return denied;
    const found = this.#find(request.params);
    if (isResponse(found)) return found;
    const matches = listFilter<EvaluationEntry>(request, { fields: {} });
    if (isResponse(matches)) return matches;
    const paged = paginate(request, [...found.version.evaluations.values()].filter(matches));
    if (isResponse(paged)) return paged;
    return {
      status: 200,
      body: {
        modelEvaluations: paged.page.map(evaluationResource),
        ...(paged.nextPageToken ? { nextPageToken: paged.nextPageToken } : {}),
      },
    };
  }

  getEvaluation(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const denied = this.#ctx.checkParent(request.params, caller, 'aiplatform.modelEvaluations.get');
    if (denied) return denied;
    const found = this.#find(request.params);
    if (isResponse(found)) return found;
    const id = request.params.evaluation ?? '';
    const versions = found.explicit ? [found.version] : [...found.model.versions.values()];
    const evaluation = versions.map((v) => v.evaluations.get(id)).find(Boolean);
    if (!evaluation)
      return notFound(
        `The ModelEvaluation "projects/${request.params.project ?? ''}/locations/${request.params.location ?? ''}/models/${request.params.model ?? ''}/evaluations/${id}" does not exist.`,
      );
    return { status: 200, body: evaluationResource(evaluation) };
  }

  // ----- wire shape

  resource(
    model: EmulatedModel,
    version: EmulatedModelVersion,
    request: EmulatorRequest | { intEnums: boolean },
  ): Record<string, unknown> {
    const ints = wantsIntEnums(request);
    const entry = version as VersionEntry;
    return {
      name: model.name,
      versionId: version.versionId,
      versionAliases: version.versionAliases,
      versionCreateTime: version.versionCreateTime,
      versionUpdateTime: version.versionUpdateTime,
      displayName: version.displayName,
      ...(version.description ? { description: version.description } : {}),
      ...(version.versionDescription ? { versionDescription: version.versionDescription } : {}),
      ...(entry.metadataSchemaUri ? { metadataSchemaUri: entry.metadataSchemaUri } : {}),
      ...(version.metadata !== undefined ? { metadata: version.metadata } : {}),
      containerSpec: version.containerSpec,
      ...(version.artifactUri ? { artifactUri: version.artifactUri } : {}),
      // Custom-container models deploy on dedicated resources only.
      supportedDeploymentResourcesTypes: [
        enumOut(DEPLOYMENT_RESOURCES_TYPES, 'DEDICATED_RESOURCES', ints),
      ],
      createTime: model.createTime,
      updateTime: model.updateTime,
      deployedModels: version.deployedModels.map((ref) => ({ ...ref })),
      labels: version.labels,
    };
  }
}

function evaluationResource(evaluation: EmulatedModelEvaluation): Record<string, unknown> {
  return {
    name: evaluation.name,
    ...(evaluation.displayName ? { displayName: evaluation.displayName } : {}),
    metricsSchemaUri: evaluation.metricsSchemaUri,
    metrics: evaluation.metrics,
    createTime: evaluation.createTime,
    ...(evaluation.metadata !== undefined ? { metadata: evaluation.metadata } : {}),
  };
}
