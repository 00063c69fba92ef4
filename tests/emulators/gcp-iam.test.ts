import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GITHUB_ISSUER } from '../../src/core/gcp-setup/workload-identity.js';
import { CONDITION_REQUIRED } from './gcp-iam.js';
import type { GcpSetupEmulators } from './gcp-setup-emulators.js';
import {
  CI_TOKEN,
  googleClients,
  httpFailure,
  NUMBER,
  PROJECT,
  startSeededEmulators,
  TOKEN,
} from './gcp-setup-test-clients.js';

const POOLS = `projects/${PROJECT}/locations/global`;
const POOL_NAME = `projects/${NUMBER}/locations/global/workloadIdentityPools/github`;
const CONDITION = "assertion.repository_owner_id == '42' && assertion.repository_id == '7'";
const MAPPING = {
  'google.subject': 'assertion.sub',
  'attribute.repository_id': 'assertion.repository_id',
};

let gcp: GcpSetupEmulators;
const clients = (token = TOKEN) => googleClients(gcp.urls, token);

beforeAll(async () => {
  gcp = await startSeededEmulators();
});

afterAll(async () => {
  await gcp.close();
});

describe('IAM: workload identity pools and providers', () => {
  it('creates a pool through an operation, then gets it ACTIVE under the project number', async () => {
    const { iam: client } = clients();
    const pools = client.projects.locations.workloadIdentityPools;
    const { data: op } = await pools.create({
      parent: POOLS,
      workloadIdentityPoolId: 'github',
      requestBody: { displayName: 'GitHub' },
    });
    expect(op.done).toBeUndefined();
    expect(op.name).toMatch(new RegExp(`^${POOL_NAME}/operations/\\w+$`));
    expect(
      (await httpFailure(pools.get({ name: `${POOLS}/workloadIdentityPools/github` }))).status,
    ).toBe(404);

    const { data: done } = await pools.operations.get({ name: op.name ?? '' });
    expect(done.done).toBe(true);
    expect(done.response).toMatchObject({
      name: POOL_NAME,
      state: 'ACTIVE',
      displayName: 'GitHub',
    });
    const { data: pool } = await pools.get({ name: `${POOLS}/workloadIdentityPools/github` });
    expect(pool).toEqual({ name: POOL_NAME, displayName: 'GitHub', state: 'ACTIVE' });
    expect(gcp.snapshot(PROJECT).pools.github?.state).toBe('ACTIVE');
  });

  it('refuses a GitHub provider without a condition that references a claim, like Google', async () => {
    const providers = clients().iam.projects.locations.workloadIdentityPools.providers;
    for (const attributeCondition of [undefined, 'true']) {
      const refused = await httpFailure(
        providers.create({
          parent: `${POOLS}/workloadIdentityPools/github`,
          workloadIdentityPoolProviderId: 'repo',
          requestBody: {
            attributeMapping: MAPPING,
            attributeCondition,
            oidc: { issuerUri: GITHUB_ISSUER },
          },
        }),
      );
      expect(refused).toEqual({
        status: 400,
        error: { code: 400, message: CONDITION_REQUIRED, status: 'INVALID_ARGUMENT' },
      });
    }
    expect(gcp.snapshot(PROJECT).providers).toEqual({});
  });

  it('creates, patches (updateMask) and reads a provider', async () => {
    const { iam: client } = clients();
    const providers = client.projects.locations.workloadIdentityPools.providers;
    const name = `${POOL_NAME}/providers/repo`;
    const { data: op } = await providers.create({
      parent: `${POOLS}/workloadIdentityPools/github`,
      workloadIdentityPoolProviderId: 'repo',
      requestBody: {
        attributeMapping: MAPPING,
        attributeCondition: CONDITION,
        oidc: { issuerUri: GITHUB_ISSUER },
      },
    });
    await providers.operations.get({ name: op.name ?? '' });
    const { data: created } = await providers.get({ name });
    expect(created).toEqual({
      name,
      state: 'ACTIVE',
      attributeMapping: MAPPING,
      attributeCondition: CONDITION,
      oidc: { issuerUri: GITHUB_ISSUER },
    });

    const narrower = `${CONDITION} && assertion.ref == 'refs/heads/main'`;
    const { data: patch } = await providers.patch({
      name,
      updateMask: 'attributeCondition,disabled',
      requestBody: { attributeCondition: narrower, displayName: 'ignored: not in the mask' },
    });
    await providers.operations.get({ name: patch.name ?? '' });
    const { data: patched } = await providers.get({ name });
    expect(patched.attributeCondition).toBe(narrower);
    expect(patched.displayName).toBeUndefined();

    const cleared = await httpFailure(
      providers.patch({ name, updateMask: 'attributeCondition', requestBody: {} }),
    );
    expect([cleared.status, cleared.error.message]).toEqual([400, CONDITION_REQUIRED]);
    expect(gcp.snapshot(PROJECT).providers['github/repo']?.attributeCondition).toBe(narrower);

    // The body and mask src/core/gcp-setup/plan.ts gives a provider that differs.
    const mapping = { ...MAPPING, 'attribute.ref': 'assertion.ref' };
    const { data: planned } = await providers.patch({
      name,
      updateMask: 'disabled,attributeMapping,attributeCondition,oidc.issuerUri',
      requestBody: {
        displayName: 'GitHub',
        attributeMapping: mapping,
        attributeCondition: CONDITION,
        oidc: { issuerUri: GITHUB_ISSUER, allowedAudiences: ['ignored'] },
        disabled: false,
      },
    });
    await providers.operations.get({ name: planned.name ?? '' });
    expect((await providers.get({ name })).data).toEqual({
      name,
      state: 'ACTIVE',
      attributeMapping: mapping,
      attributeCondition: CONDITION,
      oidc: { issuerUri: GITHUB_ISSUER },
    });
  });

  it('re-enables a disabled pool with patch (updateMask=disabled)', async () => {
    const pools = clients().iam.projects.locations.workloadIdentityPools;
    gcp.seedProject({
      projectId: 'other',
      projectNumber: '99',
      pools: { off: { disabled: true } },
    });
    const name = 'projects/other/locations/global/workloadIdentityPools/off';
    expect((await pools.get({ name })).data.disabled).toBe(true);
    const { data: op } = await pools.patch({
      name,
      updateMask: 'disabled',
      requestBody: { disabled: false },
    });
    await pools.operations.get({ name: op.name ?? '' });
    expect((await pools.get({ name })).data).toEqual({
      name: 'projects/99/locations/global/workloadIdentityPools/off',
      state: 'ACTIVE',
    });
    const noMask = await httpFailure(pools.patch({ name, requestBody: { disabled: true } }));
    expect(noMask.status).toBe(400);
  });

  it('deletes a pool (kept as DELETED, its id taken) and undeletes it', async () => {
    const pools = clients().iam.projects.locations.workloadIdentityPools;
    const name = `${POOLS}/workloadIdentityPools/github`;
    const { data: del } = await pools.delete({ name });
    await pools.operations.get({ name: del.name ?? '' });
    const { data: deleted } = await pools.get({ name });
    expect(deleted.state).toBe('DELETED');
    expect(Date.parse(deleted.expireTime ?? '') - Date.now()).toBeGreaterThan(29 * 86_400_000);

    const again = await httpFailure(
      pools.create({ parent: POOLS, workloadIdentityPoolId: 'github', requestBody: {} }),
    );
    expect([again.status, again.error.status]).toEqual([409, 'ALREADY_EXISTS']);

    const { data: undo } = await pools.undelete({ name, requestBody: {} });
    const { data: done } = await pools.operations.get({ name: undo.name ?? '' });
    expect(done.response).toMatchObject({ state: 'ACTIVE' });
    const { data: pool } = await pools.get({ name });
    expect([pool.state, pool.expireTime]).toEqual(['ACTIVE', undefined]);
  });
});

describe('IAM: service accounts and custom roles', () => {
  it('creates, gets and lists accounts; a missing one is 404', async () => {
    const accounts = clients().iam.projects.serviceAccounts;
    const { data: created } = await accounts.create({
      name: `projects/${PROJECT}`,
      requestBody: { accountId: 'mlops-training', serviceAccount: { displayName: 'Training' } },
    });
    const email = `mlops-training@${PROJECT}.iam.gserviceaccount.com`;
    expect(created).toMatchObject({
      name: `projects/${PROJECT}/serviceAccounts/${email}`,
      email,
      projectId: PROJECT,
      displayName: 'Training',
    });
    const { data: got } = await accounts.get({ name: `projects/-/serviceAccounts/${email}` });
    expect(got.uniqueId).toBe(created.uniqueId);
    const { data: list } = await accounts.list({ name: `projects/${PROJECT}` });
    expect(list.accounts?.map((a) => a.email).sort()).toEqual([
      `ci@${PROJECT}.iam.gserviceaccount.com`,
      email,
    ]);
    const missing = await httpFailure(
      accounts.get({
        name: `projects/${PROJECT}/serviceAccounts/nobody@${PROJECT}.iam.gserviceaccount.com`,
      }),
    );
    expect(missing).toEqual({
      status: 404,
      error: { code: 404, message: 'Unknown service account', status: 'NOT_FOUND' },
    });
    const twice = await httpFailure(
      accounts.create({
        name: `projects/${PROJECT}`,
        requestBody: { accountId: 'mlops-training' },
      }),
    );
    expect([twice.status, twice.error.status]).toEqual([409, 'ALREADY_EXISTS']);
  });

  it('edits an account policy by etag: a stale etag is 409 ABORTED and changes nothing', async () => {
    const accounts = clients().iam.projects.serviceAccounts;
    const resource = `projects/${PROJECT}/serviceAccounts/ci@${PROJECT}.iam.gserviceaccount.com`;
    const { data: empty } = await accounts.getIamPolicy({
      resource,
      'options.requestedPolicyVersion': 3,
    });
    expect(empty.bindings).toBeUndefined();
    const member = `principalSet://iam.googleapis.com/${POOL_NAME}/attribute.repository_id/7`;
    const binding = { role: 'roles/iam.workloadIdentityUser', members: [member] };
    const { data: set } = await accounts.setIamPolicy({
      resource,
      requestBody: { policy: { etag: empty.etag, bindings: [binding] } },
    });
    expect(set.bindings).toEqual([binding]);
    expect(set.etag).not.toBe(empty.etag);

    const stale = await httpFailure(
      accounts.setIamPolicy({
        resource,
        requestBody: { policy: { etag: empty.etag, bindings: [] } },
      }),
    );
    expect(stale.status).toBe(409);
    expect(stale.error.status).toBe('ABORTED');
    expect(stale.error.message).toContain('concurrent policy changes');
    const asked = {
      permissions: ['iam.serviceAccounts.actAs', 'iam.serviceAccounts.getAccessToken'],
    };
    const test = (token: string) =>
      googleClients(gcp.urls, token).iam.projects.serviceAccounts.testIamPermissions({
        resource,
        requestBody: asked,
      });
    expect((await test(CI_TOKEN)).data).toEqual({});
    expect((await test(TOKEN)).data.permissions).toEqual(asked.permissions);
    const { data: after } = await accounts.getIamPolicy({ resource });
    expect(after).toEqual({ version: 1, etag: set.etag, bindings: [binding] });

    const ghost = await httpFailure(
      accounts.setIamPolicy({
        resource,
        requestBody: {
          policy: {
            bindings: [
              {
                role: 'roles/iam.serviceAccountUser',
                members: [`serviceAccount:ghost@${PROJECT}.iam.gserviceaccount.com`],
              },
            ],
          },
        },
      }),
    );
    expect([ghost.status, ghost.error.message]).toEqual([
      400,
      `Service account ghost@${PROJECT}.iam.gserviceaccount.com does not exist.`,
    ]);
  });

  it('creates, patches, deletes and undeletes a custom role', async () => {
    const roles = clients().iam.projects.roles;
    const name = `projects/${PROJECT}/roles/mlopsTrainer`;
    const { data: role } = await roles.create({
      parent: `projects/${PROJECT}`,
      requestBody: {
        roleId: 'mlopsTrainer',
        role: {
          title: 'mlops trainer',
          includedPermissions: ['aiplatform.pipelineJobs.create'],
          stage: 'GA',
        },
      },
    });
    expect(role).toMatchObject({
      name,
      includedPermissions: ['aiplatform.pipelineJobs.create'],
      stage: 'GA',
    });
    const more = ['aiplatform.pipelineJobs.create', 'aiplatform.schedules.create'];
    const { data: patched } = await roles.patch({
      name,
      updateMask: 'includedPermissions',
      requestBody: { includedPermissions: more, title: 'not in mask' },
    });
    expect([patched.includedPermissions, patched.title]).toEqual([more, 'mlops trainer']);
    const { data: deleted } = await roles.delete({ name });
    expect(deleted.deleted).toBe(true);
    expect((await roles.get({ name })).data.deleted).toBe(true);
    const { data: back } = await roles.undelete({ name, requestBody: { etag: deleted.etag } });
    expect([back.deleted, back.includedPermissions]).toEqual([undefined, more]);
  });
});
