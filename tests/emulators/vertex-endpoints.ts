/**
 * Vertex AI EndpointService v1 over REST for the emulator: endpoints, deploying model versions
 * onto them and splitting traffic. startVertexEmulator (vertex.ts) mounts it; deployments are
 * recorded on the model versions of the ModelService (vertex-models.ts).
 *
 * Wire facts (aiplatform 6.11 / google-gax 5.0.8 REST, by experiment; paths from protos.json):
 * - createEndpoint: `POST /v1/{parent}/endpoints?endpointId=ID` with the Endpoint as body (the
 *   client always adds `trafficSplit: {}`): an LRO, CreateEndpointOperationMetadata (with a
 *   deploymentStage) → Endpoint. getEndpoint `GET /v1/{name}`; listEndpoints `GET
 *   /v1/{parent}/endpoints?filter=labels.app%3D%22x%22...`.
 * - updateEndpoint: `PATCH /v1/{endpoint.name}?updateMask=traffic_split,labels` with the
 *   Endpoint as body → the Endpoint (not an LRO). The client sends `labels: {}` and
 *   `trafficSplit: {}` even when unset, so only the mask says what changes.
 * - deployModel: `POST /v1/{endpoint}:deployModel` body `{deployedModel: {model, displayName,
 *   dedicatedResources: {machineSpec: {machineType}, minReplicaCount, maxReplicaCount},
 *   systemLabels: {}}, trafficSplit: {'0': 10, '<id>': 90}}`: an LRO,
 *   DeployModelOperationMetadata → DeployModelResponse `{deployedModel: {id, ...}}`.
 * - undeployModel: `POST /v1/{endpoint}:undeployModel` body `{deployedModelId, trafficSplit}`:
 *   an LRO, UndeployModelOperationMetadata → UndeployModelResponse `{}`.
 * - deleteEndpoint: `DELETE /v1/{name}`: an LRO, DeleteOperationMetadata → Empty.
 *
 * Vertex semantics emulated (proto comments of endpoint.proto / endpoint_service.proto):
 * - trafficSplit maps DeployedModel ids to integer percentages that add up to 100, or is empty
 *   (no traffic at all, which the proto allows at any time). Ids that are not deployed here are
 *   rejected with "The following DeployedModel ID(s) [..] do not exist." (the message Vertex
 *   gives, quoted in GoogleCloudPlatform/java-docs-samples#8475).
 * - deployModel: key "0" names the model being deployed; a non-empty split replaces the
 *   endpoint's; an empty one leaves it unchanged, except that the first model deployed on an
 *   endpoint gets all the traffic. `model` may carry `@version` or `@alias`: the deployed model
 *   keeps `model` as given plus the resolved `modelVersionId`. Custom-container models deploy
 *   on dedicatedResources only: machineSpec.machineType required, minReplicaCount >= 1,
 *   maxReplicaCount >= minReplicaCount (0/unset = minReplicaCount). Deploying takes `deployMs`
 *   of emulated work, during which neither the endpoint nor the model shows the deployment, and
 *   the model version cannot be deleted. A failed deploy leaves nothing deployed and the traffic
 *   as it was.
 * - undeployModel: refused with FAILED_PRECONDITION while the model still has traffic and no
 *   new split is given, unless it is the last model (then the split ends up empty); a given
 *   split must give it 0% and replaces the endpoint's.
 * - deleteEndpoint is refused (FAILED_PRECONDITION) while models are deployed or deploying.
 * The FAILED_PRECONDITION texts are the emulator's own: the real wording was not found.
 * Predictions on these endpoints (`:predict`) are PredictionService's (vertex-predictions.ts);
 * `onUndeploy` tells it to stop an undeployed model's serving container.
 */
import type { EmulatorRequest, EmulatorResponse } from './http-server.js';
import type { ModelService } from './vertex-models.js';
import {
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
  readInt,
  readLabels,
  rpcError,
  RPC_CODES,
  updateMask,
  type Caller,
  type OperationStore,
  type ServiceContext,
} from './vertex-operations.js';

// ---------------------------------------------------------------------------------------------
// Public types

export interface EmulatedDeployedModel {
  readonly id: string;
  /** The model as the deploy request named it (may carry `@version` or `@alias`). */
  readonly model: string;
  /** The concrete version it resolved to. */
  readonly modelVersionId: string;
  readonly displayName: string;
  readonly createTime: string;
  readonly dedicatedResources: Readonly<{
    machineSpec: Readonly<Record<string, unknown>>;
    minReplicaCount: number;
    maxReplicaCount: number;
  }>;
  readonly serviceAccount: string;
}

export interface EmulatedEndpoint {
  readonly id: string;
  /** `projects/<number>/locations/<region>/endpoints/<id>`. */
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly createTime: string;
  readonly updateTime: string;
  /** By DeployedModel id, in deploy order. */
  readonly deployedModels: ReadonlyMap<string, EmulatedDeployedModel>;
  readonly trafficSplit: Readonly<Record<string, number>>;
}

export interface EndpointServiceOptions {
  /** Emulated time of createEndpoint, undeployModel and deleteEndpoint operations, ms. */
  operationMs: number;
  /** Emulated time of a deployModel operation, ms. */
  deployMs: number;
  /** Called once a model is undeployed. */
  onUndeploy?: (endpointId: string, deployedModelId: string) => void;
}

// ---------------------------------------------------------------------------------------------
// Internals

/** Letters first: up to 63 of [a-z0-9-] ending alphanumeric; digits first: up to 9, no 0 lead. */
const ENDPOINT_ID = /^(?:[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?|[1-9][0-9]{0,8})$/;
const DEPLOYED_MODEL_ID = /^[0-9]{1,10}$/;
/** Compute Engine machine types: `n1-standard-2`, `e2-highmem-4`, `a2-highgpu-1g`... */
const MACHINE_TYPE = /^[a-z][a-z0-9]*-[a-z]+-\d+[a-z]?$/;

interface DeployedModelEntry extends EmulatedDeployedModel {
  /** The request's DeployedModel as received (extra fields are echoed back). */
  raw: Record<string, unknown>;
}

interface EndpointEntry extends EmulatedEndpoint {
  displayName: string;
  description: string;
  labels: Record<string, string>;
  updateTime: string;
  deployedModels: Map<string, DeployedModelEntry>;
  trafficSplit: Record<string, number>;
  /** Deploy operations in flight. */
  deploying: number;
}

/**
 * A trafficSplit from a request: known ids only, integer percentages adding up to 100, or
 * empty. Returns the split or an INVALID_ARGUMENT.
 */
function checkSplit(
  value: unknown,
  known: ReadonlySet<string>,
  field: string,
): Record<string, number> | EmulatorResponse {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) return invalid(`Invalid ${field}: expected a map of id → percentage.`);
  const entries = Object.entries(value);
  const unknown = entries.map(([id]) => id).filter((id) => !known.has(id));
  if (unknown.length > 0)
    return invalid(`The following DeployedModel ID(s) [${unknown.join(', ')}] do not exist.`);
  const bad = entries.filter(
    ([, pct]) => !Number.isInteger(pct) || Number(pct) < 0 || Number(pct) > 100,
  );
  if (bad.length > 0)
    return invalid(
      `Invalid ${field}: percentages must be integers from 0 to 100 (${bad.map(([id, pct]) => `${id}: ${JSON.stringify(pct)}`).join(', ')}).`,
    );
  const sum = entries.reduce((total, [, pct]) => total + Number(pct), 0);
  if (entries.length > 0 && sum !== 100)
    return invalid(`Invalid ${field}: the traffic percentages must add up to 100, not ${sum}.`);
  return Object.fromEntries(entries.map(([id, pct]) => [id, Number(pct)]));
}

function without(split: Readonly<Record<string, number>>, id: string): Record<string, number> {
  return Object.fromEntries(Object.entries(split).filter(([key]) => key !== id));
}

// ---------------------------------------------------------------------------------------------
// The service

export class EndpointService {
  readonly endpoints = new Map<string, EndpointEntry>();
  readonly #ctx: ServiceContext;
  readonly #ops: OperationStore;
  readonly #models: ModelService;
  readonly #options: EndpointServiceOptions;
  readonly #reserved = new Set<string>();

  constructor(
    ctx: ServiceContext,
    ops: OperationStore,
    models: ModelService,
    options: EndpointServiceOptions,
  ) {
    this.#ctx = ctx;
    this.#ops = ops;
    this.#models = models;
    this.#options = options;
  }

  #now(): string {
    return isoTime(this.#ctx.clock.now());
  }

  #find(params: Record<string, string>): EndpointEntry | EmulatorResponse {
    const id = params.endpoint ?? '';
    return (
      this.endpoints.get(id) ??
      notFound(
        `The Endpoint "projects/${params.project ?? ''}/locations/${params.location ?? ''}/endpoints/${id}" does not exist.`,
      )
    );
  }

  // ----- create / read / update / delete

  create(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const denied = this.#ctx.checkParent(request.params, caller, 'aiplatform.endpoints.create');
    if (denied) return denied;
    const body = request.body;
    if (!isRecord(body)) return invalid('CreateEndpointRequest.endpoint is required.');
    if (typeof body.displayName !== 'string' || body.displayName.trim() === '')
      return invalid('Endpoint.display_name is required.');
    const labels = readLabels(body.labels, 'Endpoint.labels');
    if (isResponse(labels)) return labels;
    if (isRecord(body.trafficSplit) && Object.keys(body.trafficSplit).length > 0)
      return invalid(
        'Endpoint.traffic_split must be empty on creation: deploy models first (DeployModel), then split traffic.',
      );
    const requested = request.query.get('endpointId');
    if (requested !== null && !ENDPOINT_ID.test(requested))
      return invalid(
        `Invalid endpoint_id "${requested}": up to 63 of [a-z0-9-] starting with a letter and ending with a letter or digit, or up to 9 digits without a leading zero.`,
      );
    const id = requested ?? this.#ctx.newId();
    const name = `${locationName(this.#ctx)}/endpoints/${id}`;
    if (this.endpoints.has(id) || this.#reserved.has(id))
      return rpcError(409, `Endpoint "${name}" already exists.`, 'ALREADY_EXISTS');
    this.#reserved.add(id);
    const op = this.#ops.start({
      kind: 'createEndpoint',
      resource: name,
      ms: this.#options.operationMs,
      stages: true,
      cleanup: () => this.#reserved.delete(id),
      run: () => {
        const now = this.#now();
        const endpoint: EndpointEntry = {
          id,
          name,
          displayName: String(body.displayName),
          description: typeof body.description === 'string' ? body.description : '',
          labels,
          createTime: now,
          updateTime: now,
          deployedModels: new Map(),
          trafficSplit: {},
          deploying: 0,
        };
        this.endpoints.set(id, endpoint);
        return { response: this.resource(endpoint, { intEnums: false }) };
      },
    });
    return this.#ops.accepted(op, request);
  }

  get(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const denied = this.#ctx.checkParent(request.params, caller, 'aiplatform.endpoints.get');
    if (denied) return denied;
    const endpoint = this.#find(request.params);
    if (isResponse(endpoint)) return endpoint;
    return { status: 200, body: this.resource(endpoint, request) };
  }

  list(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const denied = this.#ctx.checkParent(request.params, caller, 'aiplatform.endpoints.list');
    if (denied) return denied;
    const matches = listFilter<EndpointEntry>(request, {
      fields: { endpoint: (e) => e.id, display_name: (e) => e.displayName },
      labels: (e) => e.labels,
    });
    if (isResponse(matches)) return matches;
    const ordered = orderItems(request, [...this.endpoints.values()].filter(matches), {
      create_time: (e) => e.createTime,
      update_time: (e) => e.updateTime,
      display_name: (e) => e.displayName,
    });
    if (isResponse(ordered)) return ordered;
    const paged = paginate(request, ordered);
    if (isResponse(paged)) return paged;
    return {
      status: 200,
      body: {
        endpoints: paged.page.map((endpoint) => this.resource(endpoint, request)),
        ...(paged.nextPageToken ? { nextPageToken: paged.nextPageToken } : {}),
      },
    };
  }

  update(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const denied = this.#ctx.checkParent(request.params, caller, 'aiplatform.endpoints.update');
    if (denied) return denied;
    const endpoint = this.#find(request.params);
    if (isResponse(endpoint)) return endpoint;
    const paths = updateMask(request, ['display_name', 'description', 'labels', 'traffic_split']);
    if (isResponse(paths)) return paths;
    const body = isRecord(request.body) ? request.body : {};
    const changes: Partial<
      Pick<EndpointEntry, 'displayName' | 'description' | 'labels' | 'trafficSplit'>
    > = {};
    if (paths.includes('display_name')) {
      if (typeof body.displayName !== 'string' || body.displayName.trim() === '')
        return invalid('Endpoint.display_name is required.');
      changes.displayName = body.displayName;
    }
    if (paths.includes('description'))
      changes.description = typeof body.description === 'string' ? body.description : '';
    if (paths.includes('labels')) {
      const labels = readLabels(body.labels, 'Endpoint.labels');
      if (isResponse(labels)) return labels;
      changes.labels = labels;
    }
    if (paths.includes('traffic_split')) {
      const split = checkSplit(
        body.trafficSplit,
        new Set(endpoint.deployedModels.keys()),
        'Endpoint.traffic_split',
      );
      if (isResponse(split)) return split;
      changes.trafficSplit = split;
    }
    Object.assign(endpoint, changes);
    endpoint.updateTime = this.#now();
    return { status: 200, body: this.resource(endpoint, request) };
  }

  delete(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const denied = this.#ctx.checkParent(request.params, caller, 'aiplatform.endpoints.delete');
    if (denied) return denied;
    const endpoint = this.#find(request.params);
    if (isResponse(endpoint)) return endpoint;
    const problem = (): string | undefined =>
      endpoint.deployedModels.size > 0 || endpoint.deploying > 0
        ? `Endpoint ${endpoint.name} has deployed models (${[...endpoint.deployedModels.keys()].join(', ') || 'deployment in progress'}): undeploy them before deleting the endpoint.`
        : undefined;
    const refused = problem();
    if (refused) return failedPrecondition(refused);
    const op = this.#ops.start({
      kind: 'deleteEndpoint',
      resource: endpoint.name,
      ms: this.#options.operationMs,
      run: () => {
        const late = problem();
        if (late) return { error: { code: RPC_CODES.FAILED_PRECONDITION, message: late } };
        this.endpoints.delete(endpoint.id);
        return { response: {} };
      },
    });
    return this.#ops.accepted(op, request);
  }

  // ----- deploy / undeploy

  deploy(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const denied = this.#ctx.checkParent(request.params, caller, 'aiplatform.endpoints.deploy');
    if (denied) return denied;
    const endpoint = this.#find(request.params);
    if (isResponse(endpoint)) return endpoint;
    const body = isRecord(request.body) ? request.body : {};
    const raw = body.deployedModel;
    if (!isRecord(raw)) return invalid('DeployModelRequest.deployed_model is required.');
    if (typeof raw.model !== 'string' || raw.model === '')
      return invalid('DeployedModel.model is required.');
    const resolved = this.#models.resolve(raw.model, 'DeployedModel.model');
    if (isResponse(resolved)) return resolved;
    const resources = this.#resources(raw);
    if (isResponse(resources)) return resources;
    const serviceAccount = typeof raw.serviceAccount === 'string' ? raw.serviceAccount : '';
    if (serviceAccount) {
      const actAs = this.#ctx.denied(
        caller,
        'iam.serviceAccounts.actAs',
        `projects/-/serviceAccounts/${serviceAccount}`,
      );
      if (actAs) return actAs;
    }
    const given = typeof raw.id === 'string' && raw.id !== '' ? raw.id : undefined;
    if (given !== undefined && !DEPLOYED_MODEL_ID.test(given))
      return invalid(`Invalid DeployedModel.id "${given}": 1 to 10 digits.`);
    if (given !== undefined && endpoint.deployedModels.has(given))
      return rpcError(
        409,
        `DeployedModel "${given}" already exists in Endpoint ${endpoint.name}.`,
        'ALREADY_EXISTS',
      );
    const split = checkSplit(
      body.trafficSplit,
      new Set(['0', ...endpoint.deployedModels.keys()]),
      'DeployModelRequest.traffic_split',
    );
    if (isResponse(split)) return split;

    const id = given ?? this.#ctx.newId();
    const { model, version } = resolved;
    endpoint.deploying += 1;
    this.#models.deploying(version, 1);
    const op = this.#ops.start({
      kind: 'deployModel',
      resource: endpoint.name,
      ms: this.#options.deployMs,
      stages: true,
      cleanup: () => {
        endpoint.deploying -= 1;
        this.#models.deploying(version, -1);
      },
      run: () => {
        if (!this.endpoints.has(endpoint.id))
          return {
            error: { code: RPC_CODES.NOT_FOUND, message: `Endpoint ${endpoint.name} was deleted.` },
          };
        const gone = Object.keys(split).filter(
          (key) => key !== '0' && !endpoint.deployedModels.has(key),
        );
        if (gone.length > 0 || endpoint.deployedModels.has(id))
          return {
            error: {
              code: RPC_CODES.FAILED_PRECONDITION,
              message: `The endpoint changed while deploying: DeployedModel ID(s) [${[...gone, id].join(', ')}] no longer match.`,
            },
          };
        const deployed: DeployedModelEntry = {
          id,
          model: String(raw.model),
          modelVersionId: version.versionId,
          displayName:
            typeof raw.displayName === 'string' && raw.displayName
              ? raw.displayName
              : version.displayName,
          createTime: this.#now(),
          dedicatedResources: resources,
          serviceAccount,
          raw,
        };
        const first = endpoint.deployedModels.size === 0;
        endpoint.deployedModels.set(id, deployed);
        if (Object.keys(split).length > 0)
          endpoint.trafficSplit = Object.fromEntries(
            Object.entries(split).map(([key, pct]) => [key === '0' ? id : key, pct]),
          );
        else if (first) endpoint.trafficSplit = { [id]: 100 };
        endpoint.updateTime = this.#now();
        this.#models.addDeployment(model, version, {
          endpoint: endpoint.name,
          deployedModelId: id,
        });
        return { response: { deployedModel: this.#deployedResource(deployed) } };
      },
    });
    return this.#ops.accepted(op, request);
  }

  #resources(
    raw: Record<string, unknown>,
  ): DeployedModelEntry['dedicatedResources'] | EmulatorResponse {
    if (raw.automaticResources !== undefined || raw.sharedResources)
      return invalid(
        'This model supports only dedicated resources: set DeployedModel.dedicated_resources (automatic and shared resources are for AutoML and pooled models).',
      );
    const dedicated = raw.dedicatedResources;
    if (!isRecord(dedicated))
      return invalid('DeployedModel.dedicated_resources is required for this model.');
    const machineSpec = isRecord(dedicated.machineSpec) ? dedicated.machineSpec : {};
    const machineType = machineSpec.machineType;
    if (typeof machineType !== 'string' || machineType === '')
      return invalid('DedicatedResources.machine_spec.machine_type is required.');
    if (!MACHINE_TYPE.test(machineType))
      return invalid(`Machine type "${machineType}" is not supported.`);
    const min = readInt(dedicated.minReplicaCount, 'DedicatedResources.min_replica_count');
    if (isResponse(min)) return min;
    if (min === undefined || min < 1)
      return invalid('DedicatedResources.min_replica_count must be at least 1.');
    const max = readInt(dedicated.maxReplicaCount, 'DedicatedResources.max_replica_count');
    if (isResponse(max)) return max;
    if (max !== undefined && max !== 0 && max < min)
      return invalid(
        `DedicatedResources.max_replica_count (${max}) must not be less than min_replica_count (${min}).`,
      );
    return { machineSpec, minReplicaCount: min, maxReplicaCount: max || min };
  }

  undeploy(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const denied = this.#ctx.checkParent(request.params, caller, 'aiplatform.endpoints.undeploy');
    if (denied) return denied;
    const endpoint = this.#find(request.params);
    if (isResponse(endpoint)) return endpoint;
    const body = isRecord(request.body) ? request.body : {};
    const id = typeof body.deployedModelId === 'string' ? body.deployedModelId : '';
    if (!id) return invalid('UndeployModelRequest.deployed_model_id is required.');
    if (!endpoint.deployedModels.has(id))
      return notFound(`DeployedModel "${id}" does not exist in Endpoint ${endpoint.name}.`);
    const split = checkSplit(
      body.trafficSplit,
      new Set(endpoint.deployedModels.keys()),
      'UndeployModelRequest.traffic_split',
    );
    if (isResponse(split)) return split;
    const given = Object.keys(split).length > 0;
    if (given && (split[id] ?? 0) > 0)
      return invalid(
        `UndeployModelRequest.traffic_split gives ${split[id]}% to DeployedModel ${id}, the model being undeployed: give it 0.`,
      );
    const others = endpoint.deployedModels.size > 1;
    if (!given && others && (endpoint.trafficSplit[id] ?? 0) > 0)
      return failedPrecondition(
        `DeployedModel ${id} receives ${endpoint.trafficSplit[id]}% of the traffic of Endpoint ${endpoint.name} and cannot be undeployed: set UndeployModelRequest.traffic_split to move its traffic to the other deployed models, or update the endpoint's traffic split first.`,
      );
    const op = this.#ops.start({
      kind: 'undeployModel',
      resource: endpoint.name,
      ms: this.#options.operationMs,
      run: () => {
        if (!endpoint.deployedModels.has(id))
          return {
            error: {
              code: RPC_CODES.NOT_FOUND,
              message: `DeployedModel "${id}" was already undeployed.`,
            },
          };
        endpoint.deployedModels.delete(id);
        endpoint.trafficSplit =
          endpoint.deployedModels.size === 0
            ? {}
            : without(given ? split : endpoint.trafficSplit, id);
        endpoint.updateTime = this.#now();
        this.#models.removeDeployment(endpoint.name, id);
        this.#options.onUndeploy?.(endpoint.id, id);
        return { response: {} };
      },
    });
    return this.#ops.accepted(op, request);
  }

  // ----- wire shape

  #deployedResource(deployed: DeployedModelEntry): Record<string, unknown> {
    return {
      ...deployed.raw,
      id: deployed.id,
      model: deployed.model,
      modelVersionId: deployed.modelVersionId,
      displayName: deployed.displayName,
      createTime: deployed.createTime,
      dedicatedResources: {
        ...(deployed.raw.dedicatedResources as object),
        ...deployed.dedicatedResources,
      },
    };
  }

  resource(
    endpoint: EmulatedEndpoint,
    _request: EmulatorRequest | { intEnums: boolean },
  ): Record<string, unknown> {
    const entry = endpoint as EndpointEntry;
    return {
      name: endpoint.name,
      displayName: endpoint.displayName,
      ...(endpoint.description ? { description: endpoint.description } : {}),
      deployedModels: [...entry.deployedModels.values()].map((d) => this.#deployedResource(d)),
      trafficSplit: endpoint.trafficSplit,
      labels: endpoint.labels,
      createTime: endpoint.createTime,
      updateTime: endpoint.updateTime,
    };
  }
}
