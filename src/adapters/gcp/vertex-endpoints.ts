/**
 * Vertex AI endpoints (EndpointService) for VertexServing (./vertex-serving.ts): endpoints found
 * by label, created and deleted, models deployed to and undeployed from them, and their traffic
 * split, as plain types.
 */
import { RPC_CODES } from '../../core/gcp/grpc-codes.js';
import {
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

export interface DeploySpec {
  readonly model: string;
  readonly displayName: string;
  readonly machineType: string;
  readonly minReplicas: number;
  readonly maxReplicas: number;
  readonly serviceAccount: string | undefined;
}

export type EndpointClient = InstanceType<GoogleCloud['EndpointServiceClient']>;

/** What the endpoint calls need of the connection. */
export interface EndpointApi {
  readonly session: ClientSession<EndpointClient>;
  /** `projects/P/locations/L`. */
  readonly parent: string;
  readonly operations: OperationOptions;
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

export async function findEndpoints(
  api: EndpointApi,
  labelKey: string,
  labelValue: string,
): Promise<EndpointInfo[]> {
  const [endpoints] = await api.session.call(
    `list endpoints labelled ${labelKey}=${labelValue}`,
    (c) => c.listEndpoints({ parent: api.parent, filter: labelFilter(labelKey, labelValue) }),
  );
  return (endpoints as Array<Record<string, unknown>>).map(toEndpoint);
}

export async function getEndpoint(api: EndpointApi, name: string): Promise<EndpointInfo> {
  const [endpoint] = await api.session.call(`get endpoint ${name}`, (c) => c.getEndpoint({ name }));
  return toEndpoint(endpoint as Record<string, unknown>);
}

/** Creates the endpoint; one that already exists under this id (a race, a re-run) is returned. */
export async function createEndpoint(
  api: EndpointApi,
  endpointId: string,
  displayName: string,
  labels: Record<string, string>,
): Promise<{ endpoint: EndpointInfo; created: boolean }> {
  try {
    const result = (await waitForOperation(
      api.operations,
      api.session,
      `create endpoint ${displayName}`,
      (c) =>
        c.createEndpoint(
          {
            parent: api.parent,
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
      endpoint: await getEndpoint(api, `${api.parent}/endpoints/${endpointId}`),
      created: false,
    };
  }
}

export async function deleteEndpoint(api: EndpointApi, name: string): Promise<void> {
  await waitForOperation(
    api.operations,
    api.session,
    `delete endpoint ${name}`,
    (c) => c.deleteEndpoint({ name }, POLLING) as Promise<[Operation<unknown>, ...unknown[]]>,
    (c, operation) => c.checkDeleteEndpointProgress(operation) as Promise<Operation<unknown>>,
  );
}

/** Deploys and returns the new deployed model id; `"0"` in the split is the new model. */
export async function deploy(
  api: EndpointApi,
  endpoint: string,
  spec: DeploySpec,
  trafficSplit: Readonly<Record<string, number>>,
): Promise<string> {
  const response = (await waitForOperation(
    api.operations,
    api.session,
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

export async function undeploy(
  api: EndpointApi,
  endpoint: string,
  deployedModelId: string,
  trafficSplit: Readonly<Record<string, number>>,
): Promise<void> {
  await waitForOperation(
    api.operations,
    api.session,
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

export async function setTraffic(
  api: EndpointApi,
  endpoint: string,
  trafficSplit: Readonly<Record<string, number>>,
): Promise<EndpointInfo> {
  const [updated] = await api.session.call(`set traffic on ${endpoint}`, (c) =>
    c.updateEndpoint({
      endpoint: { name: endpoint, trafficSplit: { ...trafficSplit } },
      updateMask: { paths: ['traffic_split'] },
    }),
  );
  return toEndpoint(updated as Record<string, unknown>);
}
