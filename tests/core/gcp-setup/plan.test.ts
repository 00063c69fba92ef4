import { describe, expect, it } from 'vitest';
import { desiredState, type DesiredState } from '../../../src/core/gcp-setup/desired-state.js';
import { EMPTY_PROJECT, type ObservedState } from '../../../src/core/gcp-setup/observed-state.js';
import { renderPlanJson, renderPlanText } from '../../../src/core/gcp-setup/plan-render.js';
import { planSetup, type SetupAction } from '../../../src/core/gcp-setup/plan.js';
import type { IamPolicy } from '../../../src/core/gcp-setup/iam-policy.js';
import { CONFIG, PROJECT_NUMBER } from './fixtures.js';

const DESIRED = desiredState(CONFIG, PROJECT_NUMBER);
const AGENT_ROLE = {
  role: 'roles/aiplatform.serviceAgent',
  members: [`serviceAccount:service-${PROJECT_NUMBER}@gcp-sa-aiplatform.iam.gserviceaccount.com`],
};

/** A project where everything setup makes exists, with the agents' own grants beside. */
function complete(desired: DesiredState): ObservedState {
  const policies: Record<string, IamPolicy> = {};
  for (const binding of desired.bindings) {
    const bindings = [...(policies[binding.resource]?.bindings ?? [])];
    bindings.push({ role: binding.role, members: [binding.member] });
    policies[binding.resource] = { etag: 'e', bindings };
  }
  const project = `projects/${desired.config.projectId}`;
  policies[project] = {
    ...policies[project],
    bindings: [AGENT_ROLE, ...(policies[project]?.bindings ?? [])],
  };
  return {
    projectNumber: desired.projectNumber,
    enabledApis: [...desired.apis, 'compute.googleapis.com'],
    pool: { state: 'ACTIVE' },
    provider: {
      state: 'ACTIVE',
      issuerUri: desired.provider.issuerUri,
      attributeMapping: {
        ...desired.provider.attributeMapping,
        'attribute.actor': 'assertion.actor',
      },
      attributeCondition: desired.provider.attributeCondition ?? '',
    },
    trainerRole: { permissions: desired.trainerRole.permissions },
    serviceAccounts: desired.serviceAccounts.map((a) => a.email),
    bucket: { location: 'EUROPE-WEST4', uniformBucketLevelAccess: true },
    repositories: Object.fromEntries(desired.repositories.map((r) => [r.id, r.format])),
    policies,
    serviceAgents: { vertex: true, vertexCode: true },
  };
}

const indexOf = (actions: readonly SetupAction[], test: (a: SetupAction) => boolean) => {
  const index = actions.findIndex(test);
  expect(index, 'action not found').toBeGreaterThanOrEqual(0);
  return index;
};
const methods = (actions: readonly SetupAction[]) => actions.map((a) => a.method);

describe('planSetup', () => {
  it('creates everything in an empty project, in an order that works', () => {
    const { actions, unchanged } = planSetup(DESIRED, EMPTY_PROJECT);
    expect(unchanged).toEqual([]);
    const apis = indexOf(actions, (a) => a.method === 'services.batchEnable');
    expect(actions[apis]?.body).toEqual({ serviceIds: [...DESIRED.apis] });
    const pool = indexOf(actions, (a) => a.method.endsWith('workloadIdentityPools.create'));
    const provider = indexOf(actions, (a) => a.method.endsWith('providers.create'));
    expect(apis).toBeLessThan(pool);
    expect(pool).toBeLessThan(provider);
    expect(actions[provider]?.body).toMatchObject({
      attributeCondition: DESIRED.provider.attributeCondition,
      oidc: { issuerUri: 'https://token.actions.githubusercontent.com' },
    });
    // Each account, bucket and repository exists before any policy grants to or on it.
    const late: string[] = [];
    for (const [index, action] of actions.entries()) {
      if (action.method !== 'setIamPolicy') continue;
      const text = JSON.stringify(action);
      const needs = actions.filter(
        (a) =>
          a.kind === 'create' &&
          (a.resource === action.resource ||
            a.method === 'projects.roles.create' ||
            DESIRED.serviceAccounts.some(
              (account) => a.resource.endsWith(account.email) && text.includes(account.email),
            )),
      );
      for (const need of needs)
        if (actions.indexOf(need) > index) late.push(`${need.resource} after ${action.resource}`);
    }
    expect(late).toEqual([]);
    expect(actions.filter((a) => a.method === 'setIamPolicy')).toHaveLength(7);
    const bucket = actions.find((a) => a.method === 'buckets.insert');
    expect(bucket?.body).toMatchObject({
      location: 'EUROPE-WEST4',
      iamConfiguration: { uniformBucketLevelAccess: { enabled: true } },
    });
    expect(
      actions
        .filter((a) => a.method === 'projects.locations.repositories.create')
        .map((a) => a.body.format),
    ).toEqual(['DOCKER', 'KFP']);
  });

  it('grants every desired binding but the Custom Code agent, which it notes', () => {
    const plan = planSetup(DESIRED, EMPTY_PROJECT);
    const granted = plan.actions
      .filter((a) => a.method === 'setIamPolicy')
      .flatMap((a) =>
        (a.body.add as { role: string; member: string }[]).map(
          (m) => `${a.resource} ${m.role} ${m.member}`,
        ),
      );
    const expected = DESIRED.bindings
      .filter((b) => b.principal !== 'vertex-code-agent')
      .map((b) => `${b.resource} ${b.role} ${b.member}`);
    expect(granted.sort()).toEqual(expected.sort());
    expect(plan.notes).toEqual([expect.stringContaining('gcp-sa-aiplatform-cc')]);
    const withAgent = planSetup(DESIRED, {
      ...EMPTY_PROJECT,
      serviceAgents: { vertex: true, vertexCode: true },
    });
    expect(JSON.stringify(withAgent.actions)).toContain('gcp-sa-aiplatform-cc');
    expect(methods(withAgent.actions)).not.toContain('services.generateServiceIdentity');
  });

  it('plans nothing for a project that is complete', () => {
    const plan = planSetup(DESIRED, complete(DESIRED));
    expect(plan.actions).toEqual([]);
    expect(plan.notes).toEqual([]);
    expect(plan.unchanged.length).toBeGreaterThan(DESIRED.bindings.length);
    expect(renderPlanText(plan)).toMatch(
      /Nothing to do: \d+ resources and grants already in place\.$/,
    );
  });

  it('completes a half-set-up project and touches nothing else', () => {
    const full = complete(DESIRED);
    const bucketResource = `projects/_/buckets/${CONFIG.bucket}`;
    const policies = Object.fromEntries(
      Object.entries(full.policies).filter(([resource]) => resource !== bucketResource),
    );
    const deploy = DESIRED.serviceAccounts.find((a) => a.key === 'deploy')?.email ?? '';
    const half: ObservedState = {
      ...full,
      enabledApis: full.enabledApis.filter((api) => api !== 'sts.googleapis.com'),
      serviceAccounts: full.serviceAccounts.filter((email) => email !== deploy),
      bucket: undefined,
      policies,
    };
    const plan = planSetup(DESIRED, half);
    expect(plan.actions.map((a) => `${a.method} ${a.resource}`)).toEqual([
      `services.batchEnable projects/${CONFIG.projectId}`,
      `projects.serviceAccounts.create projects/${CONFIG.projectId}/serviceAccounts/${deploy}`,
      `buckets.insert ${bucketResource}`,
      `setIamPolicy ${bucketResource}`,
    ]);
    expect(plan.actions[0]?.body).toEqual({ serviceIds: ['sts.googleapis.com'] });
  });

  it('adds only the members an existing policy lacks, whoever else is in it', () => {
    const full = complete(DESIRED);
    const project = `projects/${CONFIG.projectId}`;
    const policies = {
      ...full.policies,
      [project]: {
        etag: 'e',
        bindings: [AGENT_ROLE, { role: 'roles/owner', members: ['user:alice@example.com'] }],
      },
    };
    const plan = planSetup(DESIRED, { ...full, policies });
    expect(plan.actions).toHaveLength(1);
    const added = plan.actions[0]?.body.add as { member: string }[];
    expect(added.map((m) => m.member)).toEqual(
      DESIRED.bindings.filter((b) => b.resource === project).map((b) => b.member),
    );
  });

  it('undeletes a deleted pool and provider instead of recreating them', () => {
    const full = complete(DESIRED);
    const plan = planSetup(DESIRED, {
      ...full,
      pool: { state: 'DELETED' },
      provider: { ...full.provider, state: 'DELETED' },
    });
    expect(methods(plan.actions)).toEqual([
      'projects.locations.workloadIdentityPools.undelete',
      'projects.locations.workloadIdentityPools.providers.undelete',
    ]);
  });

  it('patches a provider whose condition differs or is missing', () => {
    const full = complete(DESIRED);
    for (const attributeCondition of ["assertion.repository_owner == 'acme'", undefined]) {
      const plan = planSetup(DESIRED, {
        ...full,
        provider: {
          state: 'ACTIVE',
          issuerUri: DESIRED.provider.issuerUri,
          attributeMapping: {
            'attribute.actor': 'assertion.actor',
            ...DESIRED.provider.attributeMapping,
          },
          attributeCondition,
        },
      });
      expect(methods(plan.actions)).toEqual([
        'projects.locations.workloadIdentityPools.providers.patch',
      ]);
      expect(plan.actions[0]?.body.attributeCondition).toBe(DESIRED.provider.attributeCondition);
      expect(plan.actions[0]?.body.attributeMapping).toMatchObject({
        ...DESIRED.provider.attributeMapping,
        'attribute.actor': 'assertion.actor', // someone else's mapping is kept
      });
      expect(plan.actions[0]?.reason).toContain(
        attributeCondition ? 'differs' : 'no attribute condition',
      );
    }
  });

  it('grows a custom role that lacks permissions, keeping the ones someone added', () => {
    const full = complete(DESIRED);
    const plan = planSetup(DESIRED, {
      ...full,
      trainerRole: { permissions: ['aiplatform.pipelineJobs.create', 'logging.logEntries.create'] },
    });
    expect(methods(plan.actions)).toEqual(['projects.roles.patch']);
    const permissions = plan.actions[0]?.body.includedPermissions as string[];
    expect(permissions).toContain('logging.logEntries.create');
    expect(permissions).toEqual(expect.arrayContaining([...DESIRED.trainerRole.permissions]));
  });

  it('notes, never changes, a bucket in another location and a repository of another format', () => {
    const full = complete(DESIRED);
    const plan = planSetup(DESIRED, {
      ...full,
      bucket: { location: 'US', uniformBucketLevelAccess: false },
      repositories: { ...full.repositories, [CONFIG.kfpRepository]: 'DOCKER' },
    });
    expect(plan.actions).toEqual([]);
    expect(plan.notes).toEqual([
      expect.stringContaining('is in US, not EUROPE-WEST4'),
      expect.stringContaining('uniform bucket-level access'),
      expect.stringContaining('is a DOCKER repository, not KFP'),
    ]);
  });
});

describe('rendering the plan', () => {
  it('shows + create, ~ update, = unchanged and a count', () => {
    const full = complete(DESIRED);
    const plan = planSetup(DESIRED, { ...full, bucket: undefined, pool: { state: 'DELETED' } });
    const text = renderPlanText(plan);
    expect(text).toContain(
      `+ buckets.insert projects/_/buckets/${CONFIG.bucket}: no bucket ${CONFIG.bucket}`,
    );
    expect(text).toContain('~ projects.locations.workloadIdentityPools.undelete');
    expect(text).toContain('= API aiplatform.googleapis.com enabled');
    expect(text.split('\n').at(-1)).toMatch(/^1 to create, 1 to update, \d+ unchanged\.$/);
  });

  it('gives JSON with the actions as API calls', () => {
    const plan = planSetup(DESIRED, EMPTY_PROJECT);
    const parsed = JSON.parse(renderPlanJson(plan)) as { actions: SetupAction[] };
    expect(parsed.actions).toEqual(plan.actions);
    for (const action of parsed.actions)
      expect(Object.keys(action).sort()).toEqual([
        'body',
        'kind',
        'method',
        'reason',
        'resource',
        'service',
      ]);
  });
});
