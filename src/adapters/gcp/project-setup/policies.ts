import type { IamPolicy } from '../../../core/gcp-setup/iam-policy.js';
import type { SetupClients } from './clients.js';
import type { RepositoryRegistry } from './repositories.js';

/**
 * getIamPolicy/setIamPolicy for the four kinds of resource setup binds on, by the resource
 * name DesiredBinding.resource uses. Policies are always read as version 3: a lower version
 * mangles conditional bindings, and writing that back would break them.
 */

const POLICY_VERSION = 3;

export interface PolicyEndpoint {
  get(): Promise<IamPolicy>;
  set(policy: IamPolicy): Promise<IamPolicy>;
}

/** The policy methods for `resource`, or an Error naming the kind it does not know. */
export function policyEndpoint(
  clients: SetupClients,
  resource: string,
  repositories?: RepositoryRegistry,
): PolicyEndpoint {
  const bucket = /^projects\/_\/buckets\/([^/]+)$/.exec(resource)?.[1];
  if (bucket) return bucketPolicy(clients, bucket);
  if (/^projects\/[^/]+\/serviceAccounts\/[^/]+$/.test(resource)) {
    const accounts = clients.iam.projects.serviceAccounts;
    return {
      get: async () =>
        policyOf(
          (
            await accounts.getIamPolicy({
              resource,
              'options.requestedPolicyVersion': POLICY_VERSION,
            })
          ).data,
        ),
      set: async (policy) =>
        policyOf(
          (await accounts.setIamPolicy({ resource, requestBody: { policy: wire(policy) } })).data,
        ),
    };
  }
  if (resource.includes('/repositories/')) {
    if (!repositories)
      throw new Error(`No Artifact Registry client was given to edit the policy of ${resource}`);
    return {
      get: () => repositories.getIamPolicy(resource),
      set: (policy) => repositories.setIamPolicy(resource, policy),
    };
  }
  const project = /^projects\/([^/]+)$/.exec(resource)?.[1];
  if (project) {
    const projects = clients.crm.projects;
    return {
      get: async () =>
        policyOf(
          (
            await projects.getIamPolicy({
              resource: project,
              requestBody: { options: { requestedPolicyVersion: POLICY_VERSION } },
            })
          ).data,
        ),
      set: async (policy) =>
        policyOf(
          (
            await projects.setIamPolicy({
              resource: project,
              requestBody: { policy: wire(policy) },
            })
          ).data,
        ),
    };
  }
  throw new Error(`setup does not know how to edit the IAM policy of ${resource}`);
}

/** Storage speaks JSON API policies: same bindings, plus kind/resourceId, and 412 on a stale etag. */
function bucketPolicy(clients: SetupClients, bucket: string): PolicyEndpoint {
  const buckets = clients.storage.buckets;
  return {
    get: async () =>
      policyOf(
        (await buckets.getIamPolicy({ bucket, optionsRequestedPolicyVersion: POLICY_VERSION }))
          .data,
      ),
    set: async (policy) =>
      policyOf((await buckets.setIamPolicy({ bucket, requestBody: wire(policy, false) })).data),
  };
}

/**
 * The policy as the clients type their request bodies (mutable arrays). Buckets have no audit
 * configs: Storage's Policy has no such field.
 */
function wire(policy: IamPolicy, withAudit = true) {
  return {
    bindings: (policy.bindings ?? []).map((b) => ({
      role: b.role,
      members: [...b.members],
      ...(b.condition ? { condition: { ...b.condition } } : {}),
    })),
    ...(policy.etag ? { etag: policy.etag } : {}),
    ...(policy.version === undefined ? {} : { version: policy.version }),
    ...(withAudit && policy.auditConfigs
      ? { auditConfigs: [...policy.auditConfigs] as Record<string, unknown>[] }
      : {}),
  };
}

/** The shared shape of the three APIs' policies, as core's IamPolicy (nulls dropped). */
function policyOf(data: {
  bindings?: unknown[] | null;
  etag?: string | null;
  version?: number | null;
  auditConfigs?: unknown[] | null;
}): IamPolicy {
  const bindings = (data.bindings ?? []).map((raw) => {
    const b = raw as {
      role?: string | null;
      members?: string[] | null;
      condition?: {
        expression?: string | null;
        title?: string | null;
        description?: string | null;
      } | null;
    };
    const condition = b.condition
      ? {
          expression: b.condition.expression ?? '',
          title: b.condition.title ?? '',
          ...(b.condition.description ? { description: b.condition.description } : {}),
        }
      : undefined;
    return { role: b.role ?? '', members: b.members ?? [], ...(condition ? { condition } : {}) };
  });
  return {
    bindings,
    ...(data.etag ? { etag: data.etag } : {}),
    ...(typeof data.version === 'number' ? { version: data.version } : {}),
    ...(data.auditConfigs ? { auditConfigs: data.auditConfigs } : {}),
  };
}
