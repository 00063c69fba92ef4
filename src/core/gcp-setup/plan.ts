import type { DesiredState } from './desired-state.js';
import type { ObservedState } from './observed-state.js';
import { PlanBuilder, type SetupPlan } from './plan-builder.js';
import { planIam } from './plan-iam.js';

export type { ActionKind, SetupAction, SetupPlan } from './plan-builder.js';

/**
 * `setup gcp` as a plan: the desired state against what the project has, as ordered actions
 * that create only what is missing. The adapters gather ObservedState (read-only calls) and
 * carry the actions out in order; the plan itself is data, so `--dry-run` and `--format json`
 * show exactly what apply would do. Order: APIs, pool, provider, role and accounts, bucket and
 * repositories, then IAM grants on them.
 */

const USAGE = 'serviceusage.googleapis.com';
const IAM = 'iam.googleapis.com';

export function planSetup(desired: DesiredState, observed: ObservedState): SetupPlan {
  const plan = new PlanBuilder();
  planApis(plan, desired, observed);
  planPool(plan, desired, observed);
  planProvider(plan, desired, observed);
  planRoleAndAccounts(plan, desired, observed);
  planStorage(plan, desired, observed);
  planIam(plan, desired, observed);
  const { actions, unchanged, notes } = plan;
  return { project: desired.config.projectId, actions, unchanged, notes };
}

/** APIs first: every later call goes to one of them. */
function planApis(plan: PlanBuilder, desired: DesiredState, observed: ObservedState): void {
  const project = `projects/${desired.config.projectId}`;
  const missing = desired.apis.filter((api) => !observed.enabledApis.includes(api));
  if (missing.length > 0)
    plan.create(USAGE, 'services.batchEnable', project, `enable ${missing.join(', ')}`, {
      serviceIds: missing,
    });
  for (const api of desired.apis)
    if (!missing.includes(api)) plan.unchanged.push(`API ${api} enabled`);
  if (!observed.serviceAgents.vertex)
    plan.create(
      USAGE,
      'services.generateServiceIdentity',
      `${project}/services/aiplatform.googleapis.com`,
      'create the Vertex AI service agent, so roles can be granted to it',
    );
}

/** A deleted pool is restored, not recreated: its name stays taken for 30 days. */
function planPool(plan: PlanBuilder, desired: DesiredState, observed: ObservedState): void {
  const { pool } = desired;
  const method = 'projects.locations.workloadIdentityPools';
  if (!observed.pool)
    plan.create(IAM, `${method}.create`, pool.name, 'no workload identity pool', {
      workloadIdentityPoolId: pool.id,
      displayName: pool.displayName,
    });
  else if (observed.pool.state === 'DELETED')
    plan.update(IAM, `${method}.undelete`, pool.name, 'the pool was deleted (kept 30 days)');
  else if (observed.pool.disabled)
    plan.update(IAM, `${method}.patch`, pool.name, 'the pool is disabled', {
      updateMask: 'disabled',
      disabled: false,
    });
  else plan.unchanged.push(`workload identity pool ${pool.id}`);
}

/** The provider lives in the pool; one whose condition or mapping differs is patched. */
function planProvider(plan: PlanBuilder, desired: DesiredState, observed: ObservedState): void {
  const { provider } = desired;
  const method = 'projects.locations.workloadIdentityPools.providers';
  const body = {
    displayName: provider.displayName,
    attributeMapping: provider.attributeMapping,
    attributeCondition: provider.attributeCondition,
    oidc: { issuerUri: provider.issuerUri, allowedAudiences: provider.allowedAudiences },
  };
  const seen = observed.provider;
  if (!seen) {
    plan.create(IAM, `${method}.create`, provider.name, 'no OIDC provider for GitHub', {
      workloadIdentityPoolProviderId: provider.id,
      ...body,
    });
    return;
  }
  if (seen.state === 'DELETED')
    plan.update(
      IAM,
      `${method}.undelete`,
      provider.name,
      'the provider was deleted (kept 30 days)',
    );
  const differs = providerDifferences(seen, desired);
  // Mappings someone else added are kept: a binding may use them.
  const attributeMapping = { ...seen.attributeMapping, ...provider.attributeMapping };
  if (differs.length > 0)
    plan.update(IAM, `${method}.patch`, provider.name, differs.join('; '), {
      updateMask: 'disabled,attributeMapping,attributeCondition,oidc.issuerUri',
      ...body,
      attributeMapping,
      disabled: false,
    });
  else if (seen.state !== 'DELETED')
    plan.unchanged.push(`OIDC provider ${provider.id} (admits ${desired.config.repository} only)`);
}

/** Why a provider must be patched; the condition matters most (it keeps others out). */
function providerDifferences(
  seen: NonNullable<ObservedState['provider']>,
  desired: DesiredState,
): string[] {
  const want = desired.provider;
  const differs: string[] = [];
  if ((seen.attributeCondition ?? '').trim() !== want.attributeCondition)
    differs.push(
      seen.attributeCondition
        ? 'its attribute condition differs'
        : 'it has no attribute condition (any GitHub repository could use it)',
    );
  const mapping = seen.attributeMapping ?? {};
  const wrong = Object.keys(want.attributeMapping).filter(
    (key) => mapping[key] !== want.attributeMapping[key],
  );
  if (wrong.length > 0) differs.push(`its attribute mapping lacks ${wrong.join(', ')}`);
  if (seen.issuerUri !== want.issuerUri) differs.push(`its issuer is ${seen.issuerUri ?? 'unset'}`);
  if (seen.disabled) differs.push('it is disabled');
  return differs;
}

/** The custom role and the accounts exist before anything is granted to them. */
function planRoleAndAccounts(plan: PlanBuilder, desired: DesiredState, observed: ObservedState) {
  const role = desired.trainerRole;
  const seen = observed.trainerRole;
  if (!seen)
    plan.create(IAM, 'projects.roles.create', role.name, 'no custom training role', {
      roleId: role.id,
      role: { title: role.title, includedPermissions: role.permissions, stage: 'GA' },
    });
  else {
    if (seen.deleted)
      plan.update(IAM, 'projects.roles.undelete', role.name, 'the role was deleted');
    const lacking = role.permissions.filter((p) => !seen.permissions.includes(p));
    // Permissions someone added are kept: the role only grows.
    if (lacking.length > 0)
      plan.update(IAM, 'projects.roles.patch', role.name, `the role lacks ${lacking.join(', ')}`, {
        updateMask: 'includedPermissions',
        includedPermissions: [...new Set([...seen.permissions, ...role.permissions])],
      });
    else if (!seen.deleted) plan.unchanged.push(`custom role ${role.id}`);
  }
  for (const account of desired.serviceAccounts) {
    const name = `projects/${desired.config.projectId}/serviceAccounts/${account.email}`;
    if (observed.serviceAccounts.includes(account.email))
      plan.unchanged.push(`service account ${account.email}`);
    else
      plan.create(IAM, 'projects.serviceAccounts.create', name, `no ${account.key} account`, {
        accountId: account.id,
        serviceAccount: { displayName: account.displayName },
      });
  }
}

/** Bucket and repositories in the Vertex region. Existing ones are never changed, only noted. */
function planStorage(plan: PlanBuilder, desired: DesiredState, observed: ObservedState): void {
  const { bucket, config } = desired;
  if (!observed.bucket)
    plan.create(
      'storage.googleapis.com',
      'buckets.insert',
      `projects/_/buckets/${bucket.name}`,
      `no bucket ${bucket.name}`,
      {
        project: config.projectId,
        name: bucket.name,
        location: bucket.location,
        iamConfiguration: {
          uniformBucketLevelAccess: { enabled: true },
          publicAccessPrevention: bucket.publicAccessPrevention,
        },
      },
    );
  else {
    // Moving or re-securing a bucket someone else may use is theirs to decide.
    if (observed.bucket.location.toUpperCase() !== bucket.location)
      plan.notes.push(
        `bucket ${bucket.name} is in ${observed.bucket.location}, not ${bucket.location}: Vertex AI refuses a pipeline root in another location; choose another bucket name.`,
      );
    if (!observed.bucket.uniformBucketLevelAccess)
      plan.notes.push(
        `bucket ${bucket.name} uses fine-grained ACLs: turn on uniform bucket-level access (gcloud storage buckets update gs://${bucket.name} --uniform-bucket-level-access) so IAM alone decides access.`,
      );
    plan.unchanged.push(`bucket ${bucket.name}`);
  }
  for (const repository of desired.repositories) {
    const format = observed.repositories[repository.id];
    if (format === undefined)
      plan.create(
        'artifactregistry.googleapis.com',
        'projects.locations.repositories.create',
        repository.name,
        `no ${repository.format} repository ${repository.id}`,
        { repositoryId: repository.id, format: repository.format },
      );
    else {
      if (format !== repository.format)
        plan.notes.push(
          `repository ${repository.id} is a ${format} repository, not ${repository.format}: give another repository id.`,
        );
      plan.unchanged.push(`repository ${repository.id} (${format})`);
    }
  }
}
