import {
  vertexAgent,
  vertexCodeAgent,
  type DesiredState,
} from '../../../core/gcp-setup/desired-state.js';
import type { IamPolicy } from '../../../core/gcp-setup/iam-policy.js';
import type { ObservedState } from '../../../core/gcp-setup/observed-state.js';
import { UserError } from '../../../core/errors.js';
import type { SetupClients } from './clients.js';
import {
  googleMessage,
  isNotFound,
  isPermissionDenied,
  reportGoogleError,
} from './google-errors.js';
import { policyEndpoint } from './policies.js';
import type { RepositoryRegistry } from './repositories.js';

/**
 * What a project has, read with GETs only (so `--dry-run` and doctor can use it): the desired
 * state says which resources to look at, a 404 means "absent". Independent reads go out in
 * parallel: setup on a project with everything in place is then a handful of round trips.
 */

type Lifecycle = 'ACTIVE' | 'DELETED';

/** The project number (the pool and provider names and the agents' emails need it). */
export async function readProjectNumber(clients: SetupClients, projectId: string): Promise<string> {
  try {
    const { data } = await clients.crm.projects.get({ projectId });
    if (!data.projectNumber) throw new Error(`Resource Manager gave no number for ${projectId}`);
    return data.projectNumber;
  } catch (error) {
    // Google answers 403, not 404, for a project that does not exist, so as not to tell.
    if (isNotFound(error) || isPermissionDenied(error))
      throw new UserError(
        `There is no project ${projectId}, or the caller may not see it (${googleMessage(error)})`,
        {
          fix: 'Check project-id: the project ID as gcloud projects list shows it (not its name or number); the caller needs resourcemanager.projects.get on it (any role on the project, e.g. roles/viewer).',
          cause: error,
        },
      );
    throw reportGoogleError(`read project ${projectId}`, projectId, error);
  }
}

export interface ObserveOptions {
  /** Artifact Registry; without it, repositories are reported as absent and their policies empty. */
  readonly repositories?: RepositoryRegistry;
}

/**
 * Reads everything ObservedState holds for `desired`, built with the project number the caller
 * read (readProjectNumber) or was given.
 */
export async function observeProject(
  clients: SetupClients,
  desired: DesiredState,
  options: ObserveOptions = {},
): Promise<ObservedState> {
  const project = desired.config.projectId;
  const read = <T>(what: string, call: () => Promise<T>): Promise<T | undefined> =>
    call().catch((error: unknown) => {
      if (isNotFound(error)) return undefined;
      throw reportGoogleError(`read ${what}`, project, error);
    });

  // A disabled API answers every call with 403 SERVICE_DISABLED: what it holds is planned as
  // absent, and setup reads the project again once it has enabled the API.
  const { projectNumber } = desired;
  const enabledApis = await readEnabledApis(clients, desired, read);
  const enabled = (api: string) => enabledApis.includes(api);
  const when = <T>(api: string, reads: () => Promise<T>, absent: T): Promise<T> =>
    enabled(api) ? reads() : Promise.resolve(absent);
  const iam = clients.iam.projects;
  const pools = iam.locations.workloadIdentityPools;
  const [[pool, provider, trainerRole, accounts], bucket, repositories] = await Promise.all([
    when(
      'iam.googleapis.com',
      () =>
        Promise.all([
          read('the workload identity pool', async () => {
            const { data } = await pools.get({ name: desired.pool.name });
            return { state: lifecycle(data.state), ...(data.disabled ? { disabled: true } : {}) };
          }),
          read('the OIDC provider', async () => {
            const { data } = await pools.providers.get({ name: desired.provider.name });
            return {
              state: lifecycle(data.state),
              ...(data.disabled ? { disabled: true } : {}),
              ...(data.oidc?.issuerUri ? { issuerUri: data.oidc.issuerUri } : {}),
              ...(data.attributeMapping ? { attributeMapping: data.attributeMapping } : {}),
              ...(data.attributeCondition ? { attributeCondition: data.attributeCondition } : {}),
            };
          }),
          read('the custom role', async () => {
            const { data } = await iam.roles.get({ name: desired.trainerRole.name });
            return {
              permissions: data.includedPermissions ?? [],
              ...(data.deleted ? { deleted: true } : {}),
            };
          }),
          Promise.all(
            desired.serviceAccounts.map((account) =>
              read(`the service account ${account.email}`, async () => {
                const name = `projects/${project}/serviceAccounts/${account.email}`;
                await iam.serviceAccounts.get({ name });
                return account.email;
              }),
            ),
          ),
        ] as const),
      [undefined, undefined, undefined, []] as const,
    ),
    when(
      'storage.googleapis.com',
      () =>
        read(`the bucket ${desired.bucket.name}`, async () => {
          const { data } = await clients.storage.buckets.get({ bucket: desired.bucket.name });
          return {
            location: data.location ?? '',
            uniformBucketLevelAccess:
              data.iamConfiguration?.uniformBucketLevelAccess?.enabled ?? false,
          };
        }),
      undefined,
    ),
    when(
      'artifactregistry.googleapis.com',
      () => readRepositories(desired, options.repositories, read),
      {},
    ),
  ]);

  const serviceAccounts = accounts.filter((email): email is string => email !== undefined);
  const policies = await readPolicies(clients, desired, options.repositories, read, {
    accounts: serviceAccounts,
    bucket: bucket !== undefined,
    repositories,
  });
  const projectPolicy = policies[`projects/${project}`] ?? {};
  return {
    projectNumber,
    enabledApis,
    ...(pool ? { pool } : {}),
    ...(provider ? { provider } : {}),
    ...(trainerRole ? { trainerRole } : {}),
    serviceAccounts,
    ...(bucket ? { bucket } : {}),
    repositories,
    policies,
    // Google binds each service agent to its role when it creates it: an agent named in the
    // project policy exists. (No read-only API lists a project's agents.)
    serviceAgents: {
      vertex: mentions(projectPolicy, vertexAgent(projectNumber)),
      vertexCode: mentions(projectPolicy, vertexCodeAgent(projectNumber)),
    },
  };
}

type Read = <T>(what: string, call: () => Promise<T>) => Promise<T | undefined>;

async function readEnabledApis(
  clients: SetupClients,
  desired: DesiredState,
  read: Read,
): Promise<string[]> {
  const parent = `projects/${desired.config.projectId}`;
  const result = await read('the enabled APIs', async () => {
    // batchGet takes at most 20 names; setup asks about fewer.
    const { data } = await clients.usage.services.batchGet({
      parent,
      names: desired.apis.map((api) => `${parent}/services/${api}`),
    });
    return (data.services ?? [])
      .filter((service) => service.state === 'ENABLED')
      .map((service) => service.config?.name ?? service.name?.split('/').pop() ?? '');
  });
  return result ?? [];
}

async function readRepositories(
  desired: DesiredState,
  registry: RepositoryRegistry | undefined,
  read: Read,
): Promise<Record<string, string>> {
  if (!registry) return {};
  const formats = await Promise.all(
    desired.repositories.map((r) => read(`the repository ${r.id}`, () => registry.format(r.name))),
  );
  const found: Record<string, string> = {};
  desired.repositories.forEach((repository, index) => {
    const format = formats[index];
    if (format !== undefined) found[repository.id] = format;
  });
  return found;
}

/**
 * The policy of every resource the desired state binds on and that exists: an account, bucket
 * or repository still to be created has no policy to read (the plan then grants everything).
 */
async function readPolicies(
  clients: SetupClients,
  desired: DesiredState,
  registry: RepositoryRegistry | undefined,
  read: Read,
  exists: { accounts: string[]; bucket: boolean; repositories: Record<string, string> },
): Promise<Record<string, IamPolicy>> {
  const resources = [...new Set(desired.bindings.map((binding) => binding.resource))].filter(
    (resource) => {
      if (resource.includes('/serviceAccounts/'))
        return exists.accounts.some((email) => resource.endsWith(`/${email}`));
      if (resource.startsWith('projects/_/buckets/')) return exists.bucket;
      if (resource.includes('/repositories/'))
        return desired.repositories.some((r) => r.name === resource && r.id in exists.repositories);
      return true;
    },
  );
  const policies = await Promise.all(
    resources.map((resource) =>
      read(`the IAM policy of ${resource}`, () =>
        policyEndpoint(clients, resource, registry).get(),
      ),
    ),
  );
  const byResource: Record<string, IamPolicy> = {};
  resources.forEach((resource, index) => {
    const policy = policies[index];
    if (policy) byResource[resource] = policy;
  });
  return byResource;
}

function lifecycle(state: string | null | undefined): Lifecycle {
  return state === 'DELETED' ? 'DELETED' : 'ACTIVE';
}

function mentions(policy: IamPolicy, email: string): boolean {
  const member = `serviceAccount:${email}`.toLowerCase();
  return (policy.bindings ?? []).some((b) => b.members.some((m) => m.toLowerCase() === member));
}
