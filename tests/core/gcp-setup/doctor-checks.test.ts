import { describe, expect, it } from 'vitest';
import { desiredState, type DesiredState } from '../../../src/core/gcp-setup/desired-state.js';
import {
  callerOf,
  doctorChecks,
  failureSummary,
  permissionProbes,
} from '../../../src/core/gcp-setup/doctor-checks.js';
import type {
  CheckRow,
  DoctorFacts,
  PermissionResult,
} from '../../../src/core/gcp-setup/doctor-facts.js';
import type { IamBinding, IamPolicy } from '../../../src/core/gcp-setup/iam-policy.js';
import type { ObservedState } from '../../../src/core/gcp-setup/observed-state.js';
import { GITHUB_ISSUER } from '../../../src/core/gcp-setup/workload-identity.js';
import { CONFIG, PROJECT_NUMBER } from './fixtures.js';

const DESIRED = desiredState(CONFIG, PROJECT_NUMBER);
const email = (key: string) => DESIRED.serviceAccounts.find((a) => a.key === key)?.email ?? '';
const TRAINING = email('training');

/** What Google would answer for a project set up exactly as desired. */
function setUp(desired: DesiredState): ObservedState {
  const policies: Record<string, IamPolicy> = {};
  for (const binding of desired.bindings) {
    const bindings = [...(policies[binding.resource]?.bindings ?? [])];
    const index = bindings.findIndex((b) => b.role === binding.role);
    const existing = bindings[index];
    if (existing) bindings[index] = { ...existing, members: [...existing.members, binding.member] };
    else bindings.push({ role: binding.role, members: [binding.member] });
    policies[binding.resource] = { bindings, etag: 'e', version: 1 };
  }
  return {
    projectNumber: desired.projectNumber,
    enabledApis: [...desired.apis],
    pool: { state: 'ACTIVE' },
    provider: {
      state: 'ACTIVE',
      issuerUri: desired.provider.issuerUri,
      attributeMapping: desired.provider.attributeMapping,
      ...(desired.provider.attributeCondition
        ? { attributeCondition: desired.provider.attributeCondition }
        : {}),
    },
    trainerRole: { permissions: desired.trainerRole.permissions },
    serviceAccounts: desired.serviceAccounts.map((a) => a.email),
    bucket: { location: desired.bucket.location.toLowerCase(), uniformBucketLevelAccess: true },
    repositories: Object.fromEntries(desired.repositories.map((r) => [r.id, r.format])),
    policies,
    serviceAgents: { vertex: true, vertexCode: true },
  };
}

const TOOLS = { docker: true, buildx: true, python: 'python3', missingModules: [] };

function facts(patch: Partial<DoctorFacts> = {}): DoctorFacts {
  return {
    desired: DESIRED,
    observed: setUp(DESIRED),
    caller: { kind: 'other', email: 'admin@example.com' },
    permissions: [],
    tools: TOOLS,
    ...patch,
  };
}

/** Every permission probed, granted: what a correctly set-up project answers. */
function allGranted(f: DoctorFacts): PermissionResult[] {
  return permissionProbes(f.desired, f.observed, f.caller).map((p) => ({
    ...p,
    granted: p.permissions,
  }));
}

/** `value` without `keys`: what Google answers when those resources do not exist. */
function omit<T extends object>(value: T, ...keys: string[]): T {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key))) as T;
}

const failures = (rows: CheckRow[]) => rows.filter((r) => r.result === 'fail');

/** The policy of `resource` without `member` in `role`. */
function without(observed: ObservedState, resource: string, role: string, member: string) {
  const policy = observed.policies[resource] ?? {};
  const bindings: IamBinding[] = (policy.bindings ?? []).map((b) =>
    b.role === role ? { ...b, members: b.members.filter((m) => m !== member) } : b,
  );
  return { ...observed, policies: { ...observed.policies, [resource]: { ...policy, bindings } } };
}

describe('doctorChecks', () => {
  it('passes a project set up as desired, saying what it checked', () => {
    const rows = doctorChecks(facts());
    expect(failures(rows)).toEqual([]);
    expect(failureSummary(rows)).toBeUndefined();
    expect(rows.find((r) => r.check === 'IAM bindings')?.detail).toBe(
      `${DESIRED.bindings.length} of ${DESIRED.bindings.length} grants present`,
    );
    expect(rows.find((r) => r.check === 'Provider condition')?.result).toBe('pass');
    // An admin's own permissions are not the product's: skipped with the reason.
    expect(rows.find((r) => r.check === 'Caller permissions')).toMatchObject({ result: 'skip' });
    expect(rows.find((r) => r.check === 'Workflow token')).toMatchObject({ result: 'skip' });
  });

  it('calls a provider without a condition, or one that admits a sibling, a security failure', () => {
    const observed = setUp(DESIRED);
    const open = {
      ...observed,
      provider: { ...observed.provider!, attributeCondition: undefined },
    };
    const [row] = failures(doctorChecks(facts({ observed: open })));
    expect(row?.check).toBe('Provider condition');
    expect(row?.detail).toMatch(/^SECURITY: the provider has no attribute condition/);
    // The desired condition, single-quoted for the shell.
    const quoted = (DESIRED.provider.attributeCondition ?? '').replaceAll("'", "'\\''");
    expect(row?.fix).toMatch(/^gcloud iam workload-identity-pools providers update-oidc mlops /);
    expect(row?.fix).toContain(`--attribute-condition='${quoted}'`);

    const owner = `assertion.repository_owner_id == '${CONFIG.repositoryOwnerId}'`;
    const ownerOnly = {
      ...observed,
      provider: { ...observed.provider!, attributeCondition: owner },
    };
    const rows = failures(doctorChecks(facts({ observed: ownerOnly })));
    expect(rows.map((r) => r.detail)).toEqual([
      'SECURITY: the attribute condition admits every repository of the owner',
    ]);
  });

  it('names a condition that refuses this repository by its claim', () => {
    const observed = setUp(DESIRED);
    const wrong = `assertion.repository_id == '1' && assertion.repository == '${CONFIG.repository}'`;
    const rows = failures(
      doctorChecks(
        facts({
          observed: { ...observed, provider: { ...observed.provider!, attributeCondition: wrong } },
        }),
      ),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.detail).toContain(`repository_id is "${CONFIG.repositoryId}"`);
  });

  it('names each missing grant with its gcloud command; the lazy agent only warns', () => {
    const observed = setUp(DESIRED);
    const actAs = DESIRED.bindings.find(
      (b) => b.principal === 'training' && b.scope === 'pipeline-account',
    )!;
    const code = DESIRED.bindings.find((b) => b.principal === 'vertex-code-agent')!;
    let broken = without(observed, actAs.resource, actAs.role, actAs.member);
    broken = without(broken, code.resource, code.role, code.member);
    broken = { ...broken, serviceAgents: { vertex: true, vertexCode: false } };
    const rows = doctorChecks(facts({ observed: broken }));
    const missing = failures(rows).filter((r) => r.check === 'IAM binding');
    expect(missing).toHaveLength(1);
    expect(missing[0]?.detail).toContain(
      `grant roles/iam.serviceAccountUser to serviceAccount:${TRAINING} on ${actAs.resource}`,
    );
    expect(missing[0]?.fix).toBe(
      `gcloud iam service-accounts add-iam-policy-binding ${email('pipeline')} --project=${CONFIG.projectId} --member=serviceAccount:${TRAINING} --role=roles/iam.serviceAccountUser`,
    );
    expect(rows.find((r) => r.result === 'warn' && r.check === 'IAM binding')?.detail).toMatch(
      /gcp-sa-aiplatform-cc.*first pipeline run/,
    );
    expect(failureSummary(rows)).toBe('2 checks failed: IAM bindings, IAM binding');
  });

  it('warns when the repository principalSet can also act as the deploy account', () => {
    const observed = setUp(DESIRED);
    const deploy = DESIRED.bindings.find((b) => b.principal === 'github-deploy-environment')!;
    const repo = DESIRED.bindings.find((b) => b.principal === 'github-repository')!;
    const policy = observed.policies[deploy.resource]!;
    const widened = {
      ...observed,
      policies: {
        ...observed.policies,
        [deploy.resource]: {
          ...policy,
          bindings: [...(policy.bindings ?? []), { role: deploy.role, members: [repo.member] }],
        },
      },
    };
    const row = doctorChecks(facts({ observed: widened })).find(
      (r) => r.check === 'Deploy isolation',
    );
    expect(row?.result).toBe('warn');
    expect(row?.detail).toContain(repo.member);
    expect(row?.fix).toContain('remove-iam-policy-binding');
  });

  it('fails a disabled API, a bucket elsewhere, a wrong format and a provider of another project', () => {
    const observed = setUp(DESIRED);
    const broken: ObservedState = {
      ...observed,
      enabledApis: observed.enabledApis.filter((api) => api !== 'aiplatform.googleapis.com'),
      bucket: { location: 'US', uniformBucketLevelAccess: false },
      repositories: { ...observed.repositories, [CONFIG.kfpRepository]: 'DOCKER' },
    };
    const desired = desiredState({ ...CONFIG, providerProjectNumber: '999' }, PROJECT_NUMBER);
    const rows = failures(doctorChecks(facts({ desired, observed: broken })));
    expect(rows.map((r) => r.check)).toEqual([
      'APIs',
      'Provider project',
      'Bucket location',
      'Bucket access',
      `Repository ${CONFIG.kfpRepository}`,
    ]);
    expect(rows[0]?.fix).toBe(
      `gcloud services enable aiplatform.googleapis.com --project=${CONFIG.projectId}`,
    );
    expect(rows[2]?.detail).toContain(`is in US, Vertex AI runs in ${CONFIG.region.toUpperCase()}`);
  });

  it('fails missing resources and skips what depends on them', () => {
    const observed = setUp(DESIRED);
    const bucketResource = `projects/_/buckets/${CONFIG.bucket}`;
    const absent = {
      ...omit(observed, 'bucket', 'provider'),
      policies: omit(observed.policies, bucketResource),
    };
    const rows = doctorChecks(facts({ observed: absent }));
    expect(failures(rows).map((r) => r.check)).toEqual(['OIDC provider', 'Bucket']);
    expect(rows.find((r) => r.check === 'IAM bindings')?.result).toBe('skip');
    expect(
      rows.filter((r) => r.result === 'skip' && r.detail.includes(bucketResource)),
    ).not.toEqual([]);
  });

  it("tests the caller's permissions only when it is one of the accounts, on what exists", () => {
    const caller = callerOf(DESIRED, TRAINING.toUpperCase());
    expect(caller).toEqual({ kind: 'account', account: 'training', email: TRAINING });
    const observed = setUp(DESIRED);
    const probes = permissionProbes(DESIRED, observed, caller);
    expect(probes.map((p) => p.scope).sort()).toEqual(
      ['bucket', 'docker-repository', 'kfp-repository', 'pipeline-account', 'project'].sort(),
    );
    const noBucket = omit(observed, 'bucket');
    expect(permissionProbes(DESIRED, noBucket, caller).map((p) => p.scope)).not.toContain('bucket');

    const base = facts({ caller });
    const granted = allGranted(base);
    expect(failures(doctorChecks({ ...base, permissions: granted }))).toEqual([]);
    const denied = granted.map((p) =>
      p.scope === 'bucket'
        ? { ...p, granted: p.granted.filter((g) => g !== 'storage.objects.create') }
        : p,
    );
    const [row] = failures(doctorChecks({ ...base, permissions: denied }));
    expect(row?.check).toBe('Caller (training)');
    expect(row?.detail).toContain('lacks storage.objects.create');
    expect(row?.detail).toContain('roles/storage.objectUser');
    expect(row?.fix).toBe(
      `gcloud storage buckets add-iam-policy-binding gs://${CONFIG.bucket} --member=serviceAccount:${TRAINING} --role=roles/storage.objectUser`,
    );
  });

  it("checks the workflow token's claims against the provider as read, naming the claim", () => {
    const claims = {
      iss: GITHUB_ISSUER,
      aud: `https://iam.googleapis.com/${DESIRED.provider.name}`,
      sub: `repo:${CONFIG.repository}:ref:refs/heads/main`,
      repository: CONFIG.repository,
      repository_id: CONFIG.repositoryId,
      repository_owner_id: CONFIG.repositoryOwnerId,
      ref: 'refs/heads/main',
    };
    const ok = doctorChecks(facts({ claims })).find((r) => r.check === 'Workflow token');
    expect(ok?.result).toBe('pass');
    const forked = { ...claims, repository_owner_id: '42' };
    const refused = doctorChecks(facts({ claims: forked })).find(
      (r) => r.check === 'Workflow token',
    );
    expect(refused?.result).toBe('fail');
    expect(refused?.detail).toContain('repository_owner_id is "42"');
  });

  it('warns, never fails, about local tools', () => {
    const rows = doctorChecks(
      facts({ tools: { docker: false, buildx: false, python: 'py', missingModules: undefined } }),
    );
    expect(failures(rows)).toEqual([]);
    expect(rows.filter((r) => r.result === 'warn').map((r) => r.check)).toEqual([
      'Docker',
      'Python',
    ]);
    const sklearn = doctorChecks(facts({ tools: { ...TOOLS, missingModules: ['sklearn'] } })).find(
      (r) => r.check === 'Python',
    );
    expect(sklearn).toMatchObject({ result: 'warn', fix: 'python3 -m pip install scikit-learn' });
  });
});
