import type { AccountKey, DesiredBinding, DesiredState } from './desired-state.js';
import { missingMembers, type IamPolicy } from './iam-policy.js';
import type { ObservedState } from './observed-state.js';
import { explainMissingPermission, grantedRole } from './permission-lookup.js';
import { REQUIREMENTS, type Scope } from './permissions.js';
import {
  auditCondition,
  evaluateCondition,
  GITHUB_ISSUER,
  type Claims,
  type OidcProvider,
} from './workload-identity.js';

/**
 * `mlops doctor`'s verdicts, as plain data: from what a correctly set-up project holds (the
 * desired state), what Google answered (observed state, the caller's testIamPermissions), the
 * workflow's GitHub token claims and the local tools, one row per check with its fix. The
 * command only gathers those facts; every judgement is made here.
 */

export type CheckResult = 'pass' | 'fail' | 'warn' | 'skip';

export interface CheckRow {
  readonly check: string;
  readonly result: CheckResult;
  readonly detail: string;
  /** A command to run or a role to grant; empty when there is nothing to do. */
  readonly fix: string;
}

/** Who is running doctor: one of the product's accounts (its needs are tested) or anyone else. */
export type Caller =
  | { readonly kind: 'account'; readonly account: AccountKey; readonly email: string }
  | { readonly kind: 'other'; readonly email?: string };

/** The caller's permissions to test on one resource that exists. */
export interface PermissionProbe {
  readonly scope: Scope;
  readonly resource: string;
  readonly permissions: readonly string[];
}

/** A probe with what testIamPermissions answered. */
export interface PermissionResult extends PermissionProbe {
  readonly granted: readonly string[];
}

export interface LocalTools {
  readonly docker: boolean;
  readonly buildx: boolean;
  readonly python: string;
  /** Modules the components import that `python` cannot; undefined when it did not run. */
  readonly missingModules: readonly string[] | undefined;
}

export interface DoctorFacts {
  readonly desired: DesiredState;
  readonly observed: ObservedState;
  /**
   * Why the project's configuration could not be read, when it could not: a workflow's training
   * account may test its own permissions but not read IAM policies. Only the caller's
   * permissions, its token and the tools are checked then.
   */
  readonly unreadable?: string;
  readonly caller: Caller;
  /** Answers for permissionProbes(desired, observed, caller). */
  readonly permissions: readonly PermissionResult[];
  /** The workflow's GitHub token claims; undefined outside a workflow. */
  readonly claims?: Claims;
  readonly tools: LocalTools;
}

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

const row = (check: string, result: CheckResult, detail: string, fix = ''): CheckRow => ({
  check,
  result,
  detail,
  fix,
});

/** The command that makes whatever is missing (setup leaves what exists alone). */
function setupCommand(desired: DesiredState): string {
  const { projectId, region, repository } = desired.config;
  return `mlops setup gcp --project-id ${projectId} --region ${region} --repository ${repository} (with the same names as this doctor run)`;
}

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

function identityChecks(facts: DoctorFacts): CheckRow[] {
  const { desired, observed } = facts;
  const { config } = desired;
  const pools = `gcloud iam workload-identity-pools`;
  const where = `--location=global --project=${config.projectId}`;
  const rows: CheckRow[] = [];
  if (config.providerProjectNumber && config.providerProjectNumber !== observed.projectNumber)
    rows.push(
      row(
        'Provider project',
        'fail',
        `the provider name given is in project number ${config.providerProjectNumber}, but ${config.projectId} is number ${observed.projectNumber ?? '?'}`,
        `Use the provider of project ${config.projectId}: ${desired.provider.name}`,
      ),
    );

  const pool = observed.pool;
  if (!pool)
    rows.push(
      row('Identity pool', 'fail', `${desired.pool.name} does not exist`, setupCommand(desired)),
    );
  else if (pool.state === 'DELETED')
    rows.push(
      row(
        'Identity pool',
        'fail',
        `${config.pool} was deleted (Google keeps it 30 days)`,
        `${pools} undelete ${config.pool} ${where}`,
      ),
    );
  else if (pool.disabled)
    rows.push(
      row(
        'Identity pool',
        'fail',
        `${config.pool} is disabled: no token can be exchanged`,
        `${pools} update ${config.pool} --no-disabled ${where}`,
      ),
    );
  else rows.push(row('Identity pool', 'pass', `${config.pool} is active`));

  const provider = observed.provider;
  const providerFlags = `${config.provider} --workload-identity-pool=${config.pool} ${where}`;
  if (!provider) {
    rows.push(
      row(
        'OIDC provider',
        'fail',
        `${desired.provider.name} does not exist`,
        setupCommand(desired),
      ),
    );
    return rows;
  }
  const problems: string[] = [];
  if (provider.state === 'DELETED') problems.push('it was deleted (Google keeps it 30 days)');
  if (provider.disabled) problems.push('it is disabled');
  if (provider.issuerUri !== GITHUB_ISSUER)
    problems.push(`its issuer is ${provider.issuerUri ?? 'not OIDC'}, not ${GITHUB_ISSUER}`);
  rows.push(
    problems.length === 0
      ? row('OIDC provider', 'pass', `${config.provider} is active, issuer ${GITHUB_ISSUER}`)
      : row(
          'OIDC provider',
          'fail',
          `${config.provider}: ${problems.join('; ')}`,
          provider.state === 'DELETED'
            ? `${pools} providers undelete ${providerFlags}`
            : `${pools} providers update-oidc ${providerFlags} --issuer-uri=${GITHUB_ISSUER} --no-disabled`,
        ),
  );
  rows.push(conditionCheck(desired, providedAsRead(facts), providerFlags));
  rows.push(mappingCheck(desired, provider.attributeMapping ?? {}, providerFlags));
  return rows;
}

/** The provider as Google holds it, in the shape the CEL checks read. */
function providedAsRead({ desired, observed }: DoctorFacts): OidcProvider {
  return {
    name: desired.provider.name,
    issuerUri: observed.provider?.issuerUri ?? '',
    attributeMapping: observed.provider?.attributeMapping ?? {},
    ...(observed.provider?.attributeCondition
      ? { attributeCondition: observed.provider.attributeCondition }
      : {}),
  };
}

/**
 * The condition's security: findings of auditCondition, then two sample tokens: one of this
 * repository (it must be admitted) and one of another repository of the same owner (refused).
 */
function conditionCheck(
  desired: DesiredState,
  provider: OidcProvider,
  providerFlags: string,
): CheckRow {
  const check = 'Provider condition';
  const fix = `gcloud iam workload-identity-pools providers update-oidc ${providerFlags} --attribute-condition=${shellQuote(desired.provider.attributeCondition ?? '')}`;
  const findings = auditCondition(provider);
  if (findings.length > 0) return row(check, 'fail', `SECURITY: ${findings.join('; ')}`, fix);
  const own = evaluateCondition(sampleClaims(desired, 'own'), provider);
  if (!own.admitted)
    return row(
      check,
      'fail',
      `it refuses this repository's tokens: ${own.mismatches.map((m) => m.message).join('; ')}`,
      fix,
    );
  if (evaluateCondition(sampleClaims(desired, 'other'), provider).admitted)
    return row(
      check,
      'fail',
      `SECURITY: it admits tokens of another repository of ${desired.config.owner}`,
      fix,
    );
  return row(check, 'pass', `admits ${desired.config.repository} (by id and name) only`);
}

/** A push token's claims: of this repository, or of a sibling with another name and id. */
function sampleClaims(desired: DesiredState, whose: 'own' | 'other'): Claims {
  const { config } = desired;
  const repository = whose === 'own' ? config.repository : `${config.owner}/${config.name}-other`;
  const ref = `refs/heads/${config.branch ?? 'main'}`;
  return {
    iss: GITHUB_ISSUER,
    aud: `https://iam.googleapis.com/${desired.provider.name}`,
    sub: `repo:${repository}:ref:${ref}`,
    repository,
    repository_id: whose === 'own' ? config.repositoryId : `${config.repositoryId}0`,
    repository_owner_id: config.repositoryOwnerId,
    ref,
  };
}

/** The mapped attributes the bindings' members name (google.subject, attribute.repository). */
function mappingCheck(
  desired: DesiredState,
  mapping: Readonly<Record<string, string>>,
  providerFlags: string,
): CheckRow {
  const used = new Set<string>();
  for (const binding of desired.bindings) {
    if (binding.member.includes('/subject/')) used.add('google.subject');
    const attribute = /\/attribute\.([^/]+)\//.exec(binding.member)?.[1];
    if (attribute) used.add(`attribute.${attribute}`);
  }
  const wrong = [...used].filter((key) => mapping[key] !== desired.provider.attributeMapping[key]);
  if (wrong.length === 0)
    return row(
      'Attribute mapping',
      'pass',
      `maps ${[...used].join(', ')} as the bindings use them`,
    );
  const wanted = Object.entries(desired.provider.attributeMapping)
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
  return row(
    'Attribute mapping',
    'fail',
    wrong
      .map(
        (key) =>
          `${key} is ${mapping[key] ?? 'not mapped'}, the bindings need ${desired.provider.attributeMapping[key]}`,
      )
      .join('; '),
    `gcloud iam workload-identity-pools providers update-oidc ${providerFlags} --attribute-mapping=${shellQuote(wanted)}`,
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

function claimsCheck(facts: DoctorFacts): CheckRow {
  const check = 'Workflow token';
  if (!facts.claims)
    return row(check, 'skip', 'not in a workflow with id-token: write: no GitHub token to check');
  // Unreadable: judged by the condition setup makes, which the provider should hold.
  if (facts.unreadable === undefined && !facts.observed.provider)
    return row(check, 'skip', 'the provider does not exist (see above)');
  const provider = facts.unreadable === undefined ? providedAsRead(facts) : facts.desired.provider;
  const verdict = evaluateCondition(facts.claims, provider);
  if (verdict.admitted)
    return row(
      check,
      'pass',
      `the provider admits this job's token (${verdict.attributes['google.subject'] ?? ''})`,
    );
  return row(
    check,
    'fail',
    `the provider would refuse this job's token: ${verdict.mismatches.map((m) => m.message).join('; ')}`,
    `Run from what the provider admits, or set its condition to this repository's: ${setupCommand(facts.desired)}`,
  );
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
function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

/** pip's name for an importable module. */
function distribution(module: string): string {
  return module === 'sklearn' ? 'scikit-learn' : module;
}
