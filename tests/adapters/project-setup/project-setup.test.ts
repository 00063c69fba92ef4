import { afterEach, describe, expect, it } from 'vitest';
import { RemoteFailure, UserError } from '../../../src/core/errors.js';
import { applyPlan } from '../../../src/adapters/gcp/project-setup/apply.js';
import { vertexCodeAgent } from '../../../src/core/gcp-setup/desired-state.js';
import { EMPTY_PROJECT } from '../../../src/core/gcp-setup/observed-state.js';
import { planSetup } from '../../../src/core/gcp-setup/plan.js';
import {
  startGcpSetupEmulators,
  vertexProjectSeed,
  type GcpSetupEmulators,
  type GcpSetupEmulatorOptions,
  type ProjectSeed,
} from '../../emulators/gcp-setup-emulators.js';
import {
  clientsFor,
  CONFIG,
  DESIRED,
  FakeRepositories,
  fastOptions,
  PROJECT_NUMBER,
  setupSteps,
} from './fixtures.js';

const PROJECT = CONFIG.projectId;
const OWNER = { role: 'roles/owner', members: ['user:setup@example.com'] };
const OTHER = { role: 'roles/viewer', members: ['user:someone-else@example.com'] };

let gcp: GcpSetupEmulators | undefined;

afterEach(async () => {
  await gcp?.close();
  gcp = undefined;
});

async function start(seed: Partial<ProjectSeed> = {}, options: GcpSetupEmulatorOptions = {}) {
  gcp = await startGcpSetupEmulators({
    projects: [{ projectId: PROJECT, projectNumber: PROJECT_NUMBER, bindings: [OWNER], ...seed }],
    ...options,
  });
  const clients = await clientsFor(gcp);
  const registry = new FakeRepositories();
  const retries: string[] = [];
  const { observe, setup } = setupSteps(clients, registry, retries);
  return { gcp, clients, registry, retries, observe, setup };
}

describe('observeProject', () => {
  it('reads nothing behind a disabled API: its resources are planned as absent', async () => {
    const { gcp, observe } = await start({
      pools: { [CONFIG.pool]: { displayName: 'made before IAM was disabled' } },
    });
    const observed = await observe();
    expect(observed.pool).toBeUndefined();
    expect(gcp.requests.filter({ path: /workloadIdentityPools/ })).toEqual([]);
  });

  it('reads an empty project as empty, with its number and project policy', async () => {
    const { observe } = await start();
    const observed = await observe();
    const { policies, ...rest } = observed;
    expect(rest).toEqual({ ...EMPTY_PROJECT, projectNumber: PROJECT_NUMBER, policies: undefined });
    expect(Object.keys(policies)).toEqual([`projects/${PROJECT}`]);
    expect(policies[`projects/${PROJECT}`]?.bindings).toEqual([OWNER]);
    const plan = planSetup(DESIRED, observed);
    expect(plan.actions[0]).toMatchObject({ method: 'services.batchEnable' });
    expect(plan.actions.map((a) => a.method)).toContain(
      'projects.locations.workloadIdentityPools.create',
    );
  });
});

describe('applyPlan', () => {
  it('sets up an empty project; a second run plans nothing and changes nothing', async () => {
    const { gcp, setup, observe, registry } = await start();
    const first = await setup();
    expect(first.actions.length).toBeGreaterThan(10);

    const observed = await observe();
    expect(planSetup(DESIRED, observed).actions).toEqual([]);
    expect(observed.serviceAgents.vertex).toBe(true);
    const snapshot = gcp.snapshot(PROJECT);
    expect(snapshot.pools[CONFIG.pool]?.state).toBe('ACTIVE');
    expect(snapshot.providers[`${CONFIG.pool}/${CONFIG.provider}`]?.attributeCondition).toBe(
      DESIRED.provider.attributeCondition,
    );
    expect(snapshot.buckets[CONFIG.bucket]).toMatchObject({
      location: DESIRED.bucket.location,
      uniformBucketLevelAccess: true,
    });
    expect(snapshot.policy.bindings).toContainEqual(OWNER);
    expect([...registry.formats.values()].sort()).toEqual(['DOCKER', 'KFP']);

    // The second run only reads (getIamPolicy goes as a POST, but changes nothing).
    const writes = () =>
      gcp.requests.filter().filter((r) => r.method !== 'GET' && !r.path.endsWith(':getIamPolicy'));
    const before = writes().length;
    expect((await setup()).actions).toEqual([]);
    expect(writes().length).toBe(before);
  });

  it('completes a half-set-up project and keeps what was there', async () => {
    const training = DESIRED.serviceAccounts[0];
    const present = DESIRED.bindings.find((b) => b.scope === 'project');
    if (!training || !present) throw new Error('fixture');
    const seeded = vertexProjectSeed(PROJECT, PROJECT_NUMBER, { vertexCode: true });
    const { gcp, setup, observe, registry } = await start({
      ...seeded,
      bindings: [...(seeded.bindings ?? []), { role: present.role, members: [present.member] }],
      enabledServices: [...DESIRED.apis],
      pools: { [CONFIG.pool]: { displayName: 'made by hand' } },
      serviceAccounts: [{ accountId: training.id, bindings: [OTHER] }],
    });
    const before = await observe();
    expect(before.pool).toEqual({ state: 'ACTIVE' });
    expect(before.provider).toBeUndefined();
    expect(before.serviceAgents).toEqual({ vertex: true, vertexCode: true });
    const plan = await setup();
    const methods = plan.actions.map((a) => a.method);
    expect(methods).not.toContain('services.batchEnable');
    expect(methods).not.toContain('projects.locations.workloadIdentityPools.create');
    expect(methods).toContain('projects.locations.workloadIdentityPools.providers.create');

    expect(planSetup(DESIRED, await observe()).actions).toEqual([]);
    const snapshot = gcp.snapshot(PROJECT);
    for (const binding of seeded.bindings ?? [])
      expect(snapshot.policy.bindings).toContainEqual(binding);
    expect(snapshot.serviceAccounts[training.email]?.bindings).toContainEqual(OTHER);
    expect(snapshot.pools[CONFIG.pool]?.displayName).toBe('made by hand');
    // The Custom Code agent existed, so it got its grants (on the repositories) too.
    const agent = `serviceAccount:${vertexCodeAgent(PROJECT_NUMBER)}`;
    const granted = [...registry.policies.values()].flatMap((p) => p.bindings ?? []);
    expect(granted.some((b) => b.members.includes(agent))).toBe(true);
  });

  it('redoes a policy edit refused for a concurrent change, keeping both', async () => {
    const { gcp, setup, retries } = await start();
    gcp.concurrentEditNext(`projects/${PROJECT}`);
    await setup();
    expect(retries.some((line) => line.includes(`policy of projects/${PROJECT} changed`))).toBe(
      true,
    );
    const bindings = gcp.snapshot(PROJECT).policy.bindings ?? [];
    expect(bindings).toContainEqual(OTHER);
    const ours = DESIRED.bindings.filter((b) => b.resource === `projects/${PROJECT}`);
    for (const binding of ours.filter((b) => b.principal !== 'vertex-code-agent'))
      expect(bindings.find((b) => b.role === binding.role)?.members).toContain(binding.member);
  });

  it('redoes a bucket policy edit refused with 412', async () => {
    const { gcp, setup, retries } = await start();
    gcp.concurrentEditNext(`projects/_/buckets/${CONFIG.bucket}`);
    await setup();
    expect(retries.some((line) => line.includes(`buckets/${CONFIG.bucket} changed`))).toBe(true);
    expect(gcp.snapshot(PROJECT).buckets[CONFIG.bucket]?.policy.bindings).toContainEqual(OTHER);
  });

  it('undeletes a deleted pool instead of creating one', async () => {
    const { gcp, setup, observe } = await start({
      enabledServices: ['iam.googleapis.com'],
      pools: { [CONFIG.pool]: { state: 'DELETED', displayName: 'old' } },
    });
    expect((await observe()).pool).toEqual({ state: 'DELETED' });
    const methods = (await setup()).actions.map((a) => a.method);
    expect(methods).toContain('projects.locations.workloadIdentityPools.undelete');
    expect(methods).not.toContain('projects.locations.workloadIdentityPools.create');
    expect(gcp.snapshot(PROJECT).pools[CONFIG.pool]).toMatchObject({
      state: 'ACTIVE',
      displayName: 'old',
    });
    expect(planSetup(DESIRED, await observe()).actions).toEqual([]);
  });

  it('names the role to grant when the caller lacks a permission', async () => {
    const { gcp, setup, retries } = await start();
    gcp.denyPermission('iam.serviceAccounts.create');
    const failure = await setup().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(UserError);
    const report = (failure as UserError).describe();
    expect(report).toContain('iam.serviceAccounts.create');
    expect((failure as UserError).fix).toContain('roles/iam.serviceAccountCreator');
    // APIs were enabled first, so the 403 was waited out as possible propagation, then reported.
    expect(retries.some((line) => line.includes('HTTP 403'))).toBe(true);
  });

  it('reports a missing permission at once when nothing was changed yet', async () => {
    const { gcp, observe } = await start({ enabledServices: ['iam.googleapis.com'] });
    gcp.denyPermission('iam.googleapis.com/workloadIdentityPools.get');
    const failure = await observe().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UserError);
    expect((failure as UserError).fix).toContain('roles/iam.workloadIdentityPoolAdmin');
  });

  it('waits for operations that take several polls', async () => {
    const { gcp, setup, observe } = await start({}, { operationPolls: 3 });
    await setup();
    expect(planSetup(DESIRED, await observe()).actions).toEqual([]);
    const polls = gcp.requests.filter({ method: 'GET', path: /\/operations\// });
    expect(polls.length).toBeGreaterThanOrEqual(3 * 4);
  });

  it('reports an operation that ends in an error as a remote failure with its message', async () => {
    const { clients, registry } = await start({}, { operationPolls: 2 });
    const create = planSetup(DESIRED, EMPTY_PROJECT).actions.filter(
      (a) => a.method === 'projects.locations.workloadIdentityPools.create',
    );
    // Two runs start the same create; the operation finishing second fails (the pool exists).
    const results = await Promise.allSettled(
      [1, 2].map(() => applyPlan(clients, PROJECT, create, fastOptions(registry))),
    );
    const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toBeInstanceOf(RemoteFailure);
    expect((failures[0] as RemoteFailure).message).toContain('Requested entity already exists');
  });
});
