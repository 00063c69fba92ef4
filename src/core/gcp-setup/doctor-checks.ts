import type { DesiredBinding, DesiredState } from './desired-state.js';
import { missingMembers, type IamPolicy } from './iam-policy.js';
import {
  row,
  shellQuote,
  type Caller,
  type CheckRow,
  type DoctorFacts,
  type LocalTools,
  type PermissionProbe,
} from './doctor-facts.js';
import { claimsCheck, identityChecks } from './identity-checks.js';
import type { ObservedState } from './observed-state.js';
import { explainMissingPermission, grantedRole } from './permission-lookup.js';
import { REQUIREMENTS, type Scope } from './permissions.js';

/**
 * `mlops doctor`'s verdicts, as plain data: from what a correctly set-up project holds (the
 * desired state), what Google answered (observed state, the caller's testIamPermissions), the
 * workflow's GitHub token claims and the local tools, one row per check with its fix. The
 * command only gathers those facts; every judgement is made here (keyless authentication's in
 * identity-checks.ts).
 */

/** What the laid components import (pipelines/components): the local runner needs them. */
export const COMPONENT_MODULES = ['sklearn', 'pandas', 'numpy'] as const;

/** The account among the product's whose email is `email` (case-insensitive), if any. */
export function callerOf(desired: DesiredState, email: string | undefined): Caller {
  const account = desired.serviceAccounts.find(
    (a) => a.email.toLowerCase() === email?.toLowerCase(),
  );
  if (account) return { kind: 'account', account: account.key, email: account.email };
  return email ? { kind: 'other', email } : { kind: 'other' };
}

/**
 * What to test for the caller: for each scope, the permissions the table gives its principal.
 * Resources that do not exist are left out: testIamPermissions answers them with an empty list
 * (it "fails open"), which would read as "every permission missing".
 */
export function permissionProbes(
  desired: DesiredState,
  observed: ObservedState | undefined,
  caller: Caller,
): PermissionProbe[] {
  if (caller.kind !== 'account') return [];
  const byScope = new Map<Scope, string[]>();
  for (const requirement of REQUIREMENTS) {
    if (requirement.principal !== caller.account) continue;
    const list = byScope.get(requirement.scope) ?? [];
    for (const permission of requirement.permissions)
      if (!list.includes(permission)) list.push(permission);
    byScope.set(requirement.scope, list);
  }
  return [...byScope]
    .map(([scope, permissions]) => ({ scope, resource: resourceOf(desired, scope), permissions }))
    .filter((probe) => !observed || resourceExists(desired, observed, probe.resource));
}

export function doctorChecks(facts: DoctorFacts): CheckRow[] {
  if (facts.unreadable !== undefined)
    return [
      row(
        'Project configuration',
        'skip',
        `${facts.caller.email ?? 'the caller'} may not read it: ${facts.unreadable}`,
        'Run mlops doctor as a project Owner or Security Reviewer (roles/iam.securityReviewer) to check the APIs, identity federation, grants, bucket and repositories.',
      ),
      ...callerChecks(facts),
      claimsCheck(facts),
      ...toolChecks(facts.tools),
    ];
  return [
    apiCheck(facts),
    ...identityChecks(facts),
    ...accountChecks(facts),
    trainerRoleCheck(facts),
    ...bindingChecks(facts),
    ...deployIsolationChecks(facts),
    ...bucketChecks(facts),
    ...repositoryChecks(facts),
    ...callerChecks(facts),
    claimsCheck(facts),
    ...toolChecks(facts.tools),
  ];
}

/** "N checks failed: a, b" for the command's failure, or undefined when none did. */
export function failureSummary(rows: readonly CheckRow[]): string | undefined {
  const failed = rows.filter((row) => row.result === 'fail');
  if (failed.length === 0) return undefined;
  const names = [...new Set(failed.map((row) => row.check))];
  return `${failed.length} check${failed.length === 1 ? '' : 's'} failed: ${names.join(', ')}`;
}

// ---------------------------------------------------------------------------------------------
// Rows

function apiCheck({ desired, observed }: DoctorFacts): CheckRow {
  const missing = desired.apis.filter((api) => !observed.enabledApis.includes(api));
  if (missing.length === 0) return row('APIs', 'pass', `${desired.apis.length} APIs enabled`);
  return row(
    'APIs',
    'fail',
    `not enabled: ${missing.join(', ')}`,
    `gcloud services enable ${missing.join(' ')} --project=${desired.config.projectId}`,
  );
}

function accountChecks({ desired, observed }: DoctorFacts): CheckRow[] {
  return desired.serviceAccounts.map((account) =>
    observed.serviceAccounts.includes(account.email)
      ? row(`Account ${account.key}`, 'pass', `${account.email} exists`)
      : row(
          `Account ${account.key}`,
          'fail',
          `${account.email} does not exist`,
          `gcloud iam service-accounts create ${account.id} --display-name=${shellQuote(account.displayName)} --project=${desired.config.projectId}`,
        ),
  );
}

function trainerRoleCheck({ desired, observed }: DoctorFacts): CheckRow {
  const { trainerRole } = desired;
  const project = desired.config.projectId;
  const check = `Role ${trainerRole.id}`;
  const permissions = trainerRole.permissions.join(',');
  if (!observed.trainerRole)
    return row(
      check,
      'fail',
      `${trainerRole.name} does not exist`,
      `gcloud iam roles create ${trainerRole.id} --project=${project} --title=${shellQuote(trainerRole.title)} --permissions=${permissions}`,
    );
  if (observed.trainerRole.deleted)
    return row(
      check,
      'fail',
      `${trainerRole.name} was deleted`,
      `gcloud iam roles undelete ${trainerRole.id} --project=${project}`,
    );
  const missing = trainerRole.permissions.filter(
    (p) => !observed.trainerRole?.permissions.includes(p),
  );
  if (missing.length === 0)
    return row(check, 'pass', `holds its ${trainerRole.permissions.length} permissions`);
  return row(
    check,
    'fail',
    `lacks ${missing.join(', ')}`,
    `gcloud iam roles update ${trainerRole.id} --project=${project} --add-permissions=${missing.join(',')}`,
  );
}

/**
 * Every grant of the desired state, read from the policies (testIamPermissions tests only the
 * caller): one row per missing grant, one for all that are present.
 */
function bindingChecks({ desired, observed }: DoctorFacts): CheckRow[] {
  const rows: CheckRow[] = [];
  let present = 0;
  for (const binding of desired.bindings) {
    const policy: IamPolicy | undefined = observed.policies[binding.resource];
    if (!policy) {
      rows.push(
        row(
          'IAM binding',
          'skip',
          `${binding.role} for ${binding.member}: ${binding.resource} does not exist (see above)`,
        ),
      );
      continue;
    }
    if (missingMembers(policy, [binding]).length === 0) {
      present += 1;
      continue;
    }
    rows.push(missingBindingRow(desired, observed, binding));
  }
  // The summary is as bad as its worst missing grant: the lazy agent's alone only warn.
  const worst = (['fail', 'warn', 'skip'] as const).find((r) => rows.some((x) => x.result === r));
  rows.unshift(
    row('IAM bindings', worst ?? 'pass', `${present} of ${desired.bindings.length} grants present`),
  );
  return rows;
}

function missingBindingRow(
  desired: DesiredState,
  observed: ObservedState,
  binding: DesiredBinding,
): CheckRow {
  const grant = `grant ${binding.role} to ${binding.member} on ${binding.resource}`;
  const needs = neededBy(binding);
  const fix = grantCommand(desired, binding.resource, binding.member, binding.role);
  if (binding.principal === 'vertex-code-agent' && !observed.serviceAgents.vertexCode)
    return row(
      'IAM binding',
      'warn',
      `${grant} (${needs}): Google creates this agent on the first pipeline run`,
      `after the first Vertex AI pipeline run: ${fix}`,
    );
  if (binding.principal === 'vertex-agent' && !observed.serviceAgents.vertex)
    return row(
      'IAM binding',
      'fail',
      `${grant} (${needs}): the Vertex AI service agent does not exist yet`,
      `gcloud beta services identity create --service=aiplatform.googleapis.com --project=${desired.config.projectId}, then ${fix}`,
    );
  return row('IAM binding', 'fail', `${grant} (${needs})`, fix);
}

/** What a binding is for, from the table: "needed by run --vertex: pull task images". */
function neededBy(binding: DesiredBinding): string {
  const rows = REQUIREMENTS.filter(
    (r) => r.principal === binding.principal && r.scope === binding.scope,
  );
  return `needed by ${[...new Set(rows.map((r) => `${r.command} (${r.operation})`))].join(', ')}`;
}

/** The deploy account must be reachable from the deploy environment only. */
function deployIsolationChecks({ desired, observed }: DoctorFacts): CheckRow[] {
  const deploy = desired.bindings.find((b) => b.principal === 'github-deploy-environment');
  const policy = deploy && observed.policies[deploy.resource];
  if (!deploy || !policy) return [];
  const pool = desired.pool.name;
  const others = (policy.bindings ?? [])
    .filter((b) => b.role === deploy.role && b.condition === undefined)
    .flatMap((b) => b.members)
    .filter((member) => member.includes(`/${pool}/`) && member !== deploy.member);
  const email = deploy.resource.split('/').pop() ?? '';
  return others.map((member) =>
    row(
      'Deploy isolation',
      'warn',
      `${member} can also act as the deploy account: jobs outside the ${desired.config.environment} environment could deploy`,
      `gcloud iam service-accounts remove-iam-policy-binding ${email} --project=${desired.config.projectId} --role=${deploy.role} --member=${shellQuote(member)}`,
    ),
  );
}

function bucketChecks({ desired, observed }: DoctorFacts): CheckRow[] {
  const { bucket } = desired;
  const { projectId, region } = desired.config;
  const create = `gcloud storage buckets create gs://${bucket.name} --project=${projectId} --location=${region} --uniform-bucket-level-access`;
  if (!observed.bucket)
    return [row('Bucket', 'fail', `gs://${bucket.name} does not exist`, create)];
  const rows: CheckRow[] = [];
  const location = observed.bucket.location.toUpperCase();
  rows.push(
    location === bucket.location
      ? row('Bucket location', 'pass', `gs://${bucket.name} is in ${location}`)
      : row(
          'Bucket location',
          'fail',
          `gs://${bucket.name} is in ${location}, Vertex AI runs in ${bucket.location}: pipelines refuse a pipeline root elsewhere`,
          `A bucket cannot move: create one in ${region} (gcloud storage buckets create gs://NAME --project=${projectId} --location=${region} --uniform-bucket-level-access) and pass it as bucket`,
        ),
  );
  rows.push(
    observed.bucket.uniformBucketLevelAccess
      ? row('Bucket access', 'pass', 'uniform bucket-level access is on')
      : row(
          'Bucket access',
          'fail',
          'uniform bucket-level access is off: object ACLs can grant what IAM does not',
          `gcloud storage buckets update gs://${bucket.name} --uniform-bucket-level-access`,
        ),
  );
  return rows;
}

function repositoryChecks({ desired, observed }: DoctorFacts): CheckRow[] {
  const { projectId, region } = desired.config;
  return desired.repositories.map((repository) => {
    const check = `Repository ${repository.id}`;
    const format = observed.repositories[repository.id];
    if (format === undefined)
      return row(
        check,
        'fail',
        `${repository.name} does not exist`,
        `gcloud artifacts repositories create ${repository.id} --repository-format=${repository.format.toLowerCase()} --location=${region} --project=${projectId}`,
      );
    if (format !== repository.format)
      return row(
        check,
        'fail',
        `its format is ${format}, not ${repository.format}`,
        `Give the ${repository.format.toLowerCase()}-repository input a ${repository.format} repository (a repository's format cannot change)`,
      );
    return row(check, 'pass', `${repository.format} repository in ${region}`);
  });
}

/** testIamPermissions for the caller, each missing permission named with its role. */
function callerChecks({ desired, caller, permissions }: DoctorFacts): CheckRow[] {
  if (caller.kind !== 'account')
    return [
      row(
        'Caller permissions',
        'skip',
        `${caller.email ?? 'the caller'} is not one of the product's accounts (an admin?): only the accounts' grants are checked, from the policies above`,
      ),
    ];
  const check = `Caller (${caller.account})`;
  const own = REQUIREMENTS.filter((r) => r.principal === caller.account);
  const rows: CheckRow[] = [];
  for (const result of permissions)
    for (const permission of result.permissions.filter((p) => !result.granted.includes(p))) {
      const requirement = own.find(
        (r) => r.scope === result.scope && r.permissions.includes(permission),
      );
      const explained = explainMissingPermission(permission, caller.account);
      rows.push(
        row(
          check,
          'fail',
          `${caller.email} lacks ${permission} on ${result.resource}${explained ? `: ${explained.message}` : ''}`,
          grantCommand(
            desired,
            result.resource,
            `serviceAccount:${caller.email}`,
            requirement
              ? grantedRole(requirement, desired.config.projectId)
              : (explained?.role ?? ''),
          ),
        ),
      );
    }
  const tested = new Set(permissions.map((result) => result.resource));
  for (const scope of new Set(own.map((r) => r.scope))) {
    const resource = resourceOf(desired, scope);
    if (!tested.has(resource))
      rows.push(row(check, 'skip', `${resource} does not exist (see above): not tested`));
  }
  if (!rows.some((r) => r.result === 'fail'))
    rows.unshift(
      row(check, 'pass', `${caller.email} holds what it needs on ${tested.size} resources`),
    );
  return rows;
}

function toolChecks(tools: LocalTools): CheckRow[] {
  const rows: CheckRow[] = [
    tools.docker
      ? row('Docker', 'pass', 'docker answers')
      : row(
          'Docker',
          'warn',
          'no docker engine: only `build` needs it',
          'Install Docker (GitHub-hosted Ubuntu runners have it)',
        ),
  ];
  if (tools.docker)
    rows.push(
      tools.buildx
        ? row('Docker buildx', 'pass', 'buildx is installed')
        : row(
            'Docker buildx',
            'warn',
            'no buildx: `build` falls back to the classic builder',
            'Install the docker buildx plugin',
          ),
    );
  const modules = COMPONENT_MODULES.join(', ');
  if (tools.missingModules === undefined)
    rows.push(
      row(
        'Python',
        'warn',
        `${tools.python} does not run: local runs need it`,
        'Install Python 3, or choose one with --python PATH (MLOPS_PYTHON)',
      ),
    );
  else if (tools.missingModules.length > 0)
    rows.push(
      row(
        'Python',
        'warn',
        `${tools.python} cannot import ${tools.missingModules.join(', ')} (the components import ${modules})`,
        `${tools.python} -m pip install ${tools.missingModules.map(distribution).join(' ')}`,
      ),
    );
  else rows.push(row('Python', 'pass', `${tools.python} imports ${modules}`));
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** The resource of a scope, as the desired bindings name it (every scope holds a binding). */
function resourceOf(desired: DesiredState, scope: Scope): string {
  const binding = desired.bindings.find((b) => b.scope === scope);
  if (!binding) throw new Error(`no binding on the ${scope} in the desired state`);
  return binding.resource;
}

function resourceExists(desired: DesiredState, observed: ObservedState, resource: string): boolean {
  const account = /\/serviceAccounts\/(.+)$/.exec(resource)?.[1];
  if (account) return observed.serviceAccounts.includes(account);
  if (resource.startsWith('projects/_/buckets/')) return observed.bucket !== undefined;
  const repository = desired.repositories.find((r) => r.name === resource);
  if (repository) return repository.id in observed.repositories;
  return true; // the project: doctor read its number
}

/** The gcloud command that grants `role` to `member` on a resource named as bindings name it. */
function grantCommand(
  desired: DesiredState,
  resource: string,
  member: string,
  role: string,
): string {
  const { projectId, region } = desired.config;
  const grant = `--member=${shellQuote(member)} --role=${role}`;
  const bucket = /^projects\/_\/buckets\/(.+)$/.exec(resource)?.[1];
  if (bucket) return `gcloud storage buckets add-iam-policy-binding gs://${bucket} ${grant}`;
  const account = /\/serviceAccounts\/(.+)$/.exec(resource)?.[1];
  if (account)
    return `gcloud iam service-accounts add-iam-policy-binding ${account} --project=${projectId} ${grant}`;
  const repository = desired.repositories.find((r) => r.name === resource);
  if (repository)
    return `gcloud artifacts repositories add-iam-policy-binding ${repository.id} --location=${region} --project=${projectId} ${grant}`;
  return `gcloud projects add-iam-policy-binding ${projectId} ${grant}`;
}

/** Quotes a shell word when it needs it (conditions and principal:// members do). */
/** pip's name for an importable module. */
function distribution(module: string): string {
  return module === 'sklearn' ? 'scikit-learn' : module;
}
