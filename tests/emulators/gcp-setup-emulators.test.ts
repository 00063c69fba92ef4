import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceusage } from '@googleapis/serviceusage';
import { startGcpSetupEmulators } from './gcp-setup-emulators.js';
import { tokenAuth } from './gcp-setup-test-clients.js';
import type { GcpSetupEmulators } from './gcp-setup-emulators.js';
import {
  CI,
  CI_TOKEN,
  googleClients,
  httpFailure,
  NUMBER,
  PROJECT,
  startSeededEmulators,
  TOKEN,
} from './gcp-setup-test-clients.js';

const POOLS = `projects/${PROJECT}/locations/global`;

let gcp: GcpSetupEmulators;
const clients = (token = TOKEN) => googleClients(gcp.urls, token);

beforeAll(async () => {
  gcp = await startSeededEmulators();
});

afterAll(async () => {
  await gcp.close();
});

describe('Cloud Resource Manager', () => {
  it('gets the project number (v1 and v3)', async () => {
    const { crm, crm3 } = clients();
    expect((await crm.projects.get({ projectId: PROJECT })).data).toMatchObject({
      projectId: PROJECT,
      projectNumber: NUMBER,
      lifecycleState: 'ACTIVE',
    });
    expect((await crm3.projects.get({ name: `projects/${PROJECT}` })).data).toMatchObject({
      name: `projects/${NUMBER}`,
      projectId: PROJECT,
      state: 'ACTIVE',
    });
    const unknown = await httpFailure(crm.projects.get({ projectId: 'not-mine' }));
    expect([unknown.status, unknown.error.status]).toEqual([403, 'PERMISSION_DENIED']);
  });

  it('keeps the policy on a concurrent edit (409 ABORTED) and accepts the re-read write', async () => {
    const { crm } = clients();
    const read = async () =>
      (
        await crm.projects.getIamPolicy({
          resource: PROJECT,
          requestBody: { options: { requestedPolicyVersion: 3 } },
        })
      ).data;
    const before = await read();
    const grant = { role: 'roles/aiplatform.user', members: [CI] };
    gcp.concurrentEditNext(`projects/${PROJECT}`);
    const refused = await httpFailure(
      crm.projects.setIamPolicy({
        resource: PROJECT,
        requestBody: { policy: { ...before, bindings: [...(before.bindings ?? []), grant] } },
      }),
    );
    expect([refused.status, refused.error.status]).toEqual([409, 'ABORTED']);
    const current = await read();
    expect(current.bindings).toContainEqual({
      role: 'roles/viewer',
      members: ['user:someone-else@example.com'],
    });
    expect(current.bindings).not.toContainEqual(grant);

    await crm.projects.setIamPolicy({
      resource: PROJECT,
      requestBody: { policy: { ...current, bindings: [...(current.bindings ?? []), grant] } },
    });
    expect(gcp.snapshot(PROJECT).policy.bindings).toContainEqual(grant);
  });

  it('answers testIamPermissions exactly from the bindings of the caller', async () => {
    const { crm } = clients(CI_TOKEN);
    const asked = [
      'aiplatform.pipelineJobs.create',
      'aiplatform.endpoints.deploy',
      'resourcemanager.projects.setIamPolicy',
      'serviceusage.services.enable',
    ];
    const test = async () =>
      (
        await crm.projects.testIamPermissions({
          resource: PROJECT,
          requestBody: { permissions: asked },
        })
      ).data.permissions;
    // roles/aiplatform.user (granted above) holds the first two, per src/core/gcp-setup/permissions.ts.
    expect(await test()).toEqual(['aiplatform.pipelineJobs.create', 'aiplatform.endpoints.deploy']);
    gcp.denyPermission('aiplatform.endpoints.deploy');
    expect(await test()).toEqual(['aiplatform.pipelineJobs.create']);
    gcp.denyPermission('aiplatform.endpoints.deploy', false);
    // The owner holds everything; a condition never grants.
    const owner = await clients().crm.projects.testIamPermissions({
      resource: PROJECT,
      requestBody: { permissions: asked },
    });
    expect(owner.data.permissions).toEqual(asked);
    const wildcard = await httpFailure(
      crm.projects.testIamPermissions({
        resource: PROJECT,
        requestBody: { permissions: ['storage.*'] },
      }),
    );
    expect(wildcard.status).toBe(400);
  });

  it('mangles conditional bindings for readers asking below version 3', async () => {
    const { crm } = clients();
    const { data: policy } = await crm.projects.getIamPolicy({
      resource: PROJECT,
      requestBody: { options: { requestedPolicyVersion: 3 } },
    });
    const conditional = {
      role: 'roles/storage.objectViewer',
      members: [CI],
      condition: { title: 'main', expression: "resource.name.startsWith('x')" },
    };
    const bindings = [...(policy.bindings ?? []), conditional];
    const tooOld = await httpFailure(
      crm.projects.setIamPolicy({
        resource: PROJECT,
        requestBody: { policy: { ...policy, bindings } },
      }),
    );
    expect(tooOld.status).toBe(400);
    await crm.projects.setIamPolicy({
      resource: PROJECT,
      requestBody: { policy: { ...policy, version: 3, bindings } },
    });
    const v3 = (
      await crm.projects.getIamPolicy({
        resource: PROJECT,
        requestBody: { options: { requestedPolicyVersion: 3 } },
      })
    ).data;
    expect([v3.version, v3.bindings?.at(-1)]).toEqual([3, conditional]);
    const v1 = (await crm.projects.getIamPolicy({ resource: PROJECT, requestBody: {} })).data;
    expect(v1.version).toBe(1);
    expect(v1.bindings?.at(-1)?.role).toMatch(/^roles\/storage\.objectViewer_withcond_[0-9a-f]+$/);
    expect(v1.bindings?.at(-1)?.condition).toBeUndefined();
  });
});

describe('Service Usage', () => {
  it('batch-enables services through an operation that completes on polling', async () => {
    const { usage } = clients();
    const services = usage.services;
    const name = `projects/${PROJECT}/services/iam.googleapis.com`;
    expect((await services.get({ name })).data).toEqual({
      name: `projects/${NUMBER}/services/iam.googleapis.com`,
      parent: `projects/${NUMBER}`,
      config: { name: 'iam.googleapis.com', title: 'IAM API' },
      state: 'DISABLED',
    });
    const { data: op } = await services.batchEnable({
      parent: `projects/${PROJECT}`,
      requestBody: { serviceIds: ['iam.googleapis.com', 'sts.googleapis.com'] },
    });
    expect([op.done, op.name]).toEqual([undefined, expect.stringMatching(/^operations\/acf\.p2-/)]);
    const { data: done } = await usage.operations.get({ name: op.name ?? '' });
    expect(done.done).toBe(true);
    expect(done.response).toMatchObject({
      '@type': 'type.googleapis.com/google.api.serviceusage.v1.BatchEnableServicesResponse',
    });
    const { data: batch } = await services.batchGet({
      parent: `projects/${PROJECT}`,
      names: [
        name,
        `projects/${PROJECT}/services/sts.googleapis.com`,
        `projects/${PROJECT}/services/aiplatform.googleapis.com`,
      ],
    });
    expect(batch.services?.map((s) => s.state)).toEqual(['ENABLED', 'ENABLED', 'DISABLED']);
    const { data: again } = await services.enable({ name, requestBody: {} });
    expect([again.name, again.done]).toEqual(['operations/noop.DONE_OPERATION', true]);
    const unknown = await httpFailure(
      services.enable({
        name: `projects/${PROJECT}/services/nope.googleapis.com`,
        requestBody: {},
      }),
    );
    expect([unknown.status, unknown.error.message]).toEqual([
      403,
      'Not found or permission denied for service(s): nope.googleapis.com.',
    ]);
  });

  it('waits the configured number of polls, and creates the Vertex AI service agent', async () => {
    const slow = await startGcpSetupEmulators({
      projects: [{ projectId: 'slow', projectNumber: '42' }],
      operationPolls: 3,
    });
    try {
      const auth = tokenAuth(TOKEN);
      const usage = serviceusage({ version: 'v1', auth, rootUrl: slow.urls.serviceusage });
      const beta = serviceusage({ version: 'v1beta1', auth, rootUrl: slow.urls.serviceusage });
      const { data: op } = await usage.services.enable({
        name: 'projects/slow/services/aiplatform.googleapis.com',
        requestBody: {},
      });
      const polls = [];
      for (let i = 0; i < 3; i += 1)
        polls.push((await usage.operations.get({ name: op.name ?? '' })).data.done ?? false);
      expect(polls).toEqual([false, false, true]);
      expect(slow.snapshot('slow').enabledServices).toEqual(['aiplatform.googleapis.com']);

      const { data: identityOp } = await beta.services.generateServiceIdentity({
        parent: 'projects/slow/services/aiplatform.googleapis.com',
      });
      slow.world.operations.finishAll();
      const { data: identity } = await beta.operations.get({ name: identityOp.name ?? '' });
      const agent = 'service-42@gcp-sa-aiplatform.iam.gserviceaccount.com';
      expect(identity.response).toMatchObject({ email: agent });
      expect(slow.snapshot('slow').policy.bindings).toEqual([
        { role: 'roles/aiplatform.serviceAgent', members: [`serviceAccount:${agent}`] },
      ]);
    } finally {
      await slow.close();
    }
  });
});

describe('Cloud Storage buckets', () => {
  const bucket = 'acme-ml-pipelines';

  it('creates a bucket and reads it back; the name is then taken', async () => {
    const { storage: client } = clients();
    const { data: created } = await client.buckets.insert({
      project: PROJECT,
      requestBody: {
        name: bucket,
        location: 'europe-west4',
        iamConfiguration: {
          uniformBucketLevelAccess: { enabled: true },
          publicAccessPrevention: 'enforced',
        },
      },
    });
    expect(created).toMatchObject({
      kind: 'storage#bucket',
      name: bucket,
      projectNumber: NUMBER,
      location: 'EUROPE-WEST4',
      locationType: 'region',
    });
    const { data: got } = await client.buckets.get({ bucket });
    expect(got.iamConfiguration).toMatchObject({
      uniformBucketLevelAccess: { enabled: true },
      publicAccessPrevention: 'enforced',
    });
    const taken = await httpFailure(
      client.buckets.insert({ project: PROJECT, requestBody: { name: bucket } }),
    );
    expect([taken.status, taken.error.message]).toEqual([
      409,
      'Your previous request to create the named bucket succeeded and you already own it.',
    ]);
    const missing = await httpFailure(client.buckets.get({ bucket: 'no-such-bucket' }));
    expect([missing.status, missing.error.message]).toEqual([
      404,
      'The specified bucket does not exist.',
    ]);
  });

  it('edits the bucket policy by etag (stale: 412, unchanged) and tests permissions from it', async () => {
    const { storage: client } = clients();
    const { data: policy } = await client.buckets.getIamPolicy({
      bucket,
      optionsRequestedPolicyVersion: 3,
    });
    expect(policy).toMatchObject({
      kind: 'storage#policy',
      resourceId: `projects/_/buckets/${bucket}`,
      version: 1,
    });
    expect(policy.bindings?.map((b) => b.role)).toEqual([
      'roles/storage.legacyBucketOwner',
      'roles/storage.legacyBucketReader',
    ]);
    const grant = { role: 'roles/storage.objectUser', members: [CI] };
    const { data: set } = await client.buckets.setIamPolicy({
      bucket,
      requestBody: { ...policy, bindings: [...(policy.bindings ?? []), grant] },
    });
    const stale = await httpFailure(
      client.buckets.setIamPolicy({ bucket, requestBody: { ...policy, bindings: [] } }),
    );
    expect([stale.status, stale.error.message]).toEqual([412, 'Precondition Failed']);
    expect((await client.buckets.getIamPolicy({ bucket })).data.etag).toBe(set.etag);

    const ci = clients(CI_TOKEN).storage;
    const { data: tested } = await ci.buckets.testIamPermissions({
      bucket,
      permissions: [
        'storage.objects.create',
        'storage.objects.get',
        'storage.buckets.setIamPolicy',
      ],
    });
    expect(tested).toEqual({
      kind: 'storage#testIamPermissionsResponse',
      permissions: ['storage.objects.create', 'storage.objects.get'],
    });
    const owner = await client.buckets.testIamPermissions({
      bucket,
      permissions: ['storage.buckets.setIamPolicy'],
    });
    expect(owner.data.permissions).toEqual(['storage.buckets.setIamPolicy']);
  });
});

describe('faults', () => {
  it('answers a concurrent bucket edit with 412, and an injected one in the same shape', async () => {
    const { storage: client } = clients();
    const bucket = 'acme-ml-pipelines';
    const resource = `projects/_/buckets/${bucket}`;
    const { data: policy } = await client.buckets.getIamPolicy({ bucket });
    gcp.concurrentEditNext(resource);
    const stale = await httpFailure(client.buckets.setIamPolicy({ bucket, requestBody: policy }));
    expect([stale.status, stale.error.message]).toEqual([412, 'Precondition Failed']);
    const { data: current } = await client.buckets.getIamPolicy({ bucket });
    expect(current.bindings).toContainEqual({
      role: 'roles/viewer',
      members: ['user:someone-else@example.com'],
    });

    gcp.storage.faults.abortNext(1, 'storage.buckets.setIamPolicy');
    const injected = await httpFailure(
      client.buckets.setIamPolicy({ bucket, requestBody: current }),
    );
    expect(injected).toEqual({
      status: 412,
      error: {
        code: 412,
        message: 'Precondition Failed',
        errors: [{ message: 'Precondition Failed', domain: 'global', reason: 'conditionNotMet' }],
      },
    });
    const { data: written } = await client.buckets.setIamPolicy({ bucket, requestBody: current });
    expect(written.etag).not.toBe(current.etag);
  });

  it('retries an injected 503 on a GET (the clients do) but not a 409 on setIamPolicy', async () => {
    const { usage, iam: client } = clients();
    gcp.serviceUsage.faults.failNext(1, 503, { route: 'serviceusage.services.get' });
    const { data } = await usage.services.get({
      name: `projects/${PROJECT}/services/iam.googleapis.com`,
    });
    expect(data.state).toBe('ENABLED');
    expect(
      gcp.requests
        .filter({ route: 'serviceusage.services.get' })
        .slice(-2)
        .map((r) => r.status),
    ).toEqual([503, 200]);

    gcp.iam.faults.abortNext(1, 'iam.serviceAccounts.setIamPolicy');
    const resource = `projects/${PROJECT}/serviceAccounts/ci@${PROJECT}.iam.gserviceaccount.com`;
    const refused = await httpFailure(
      client.projects.serviceAccounts.setIamPolicy({ resource, requestBody: { policy: {} } }),
    );
    expect([refused.status, refused.error.status]).toEqual([409, 'ABORTED']);
    expect(gcp.faults.pendingFailures()).toBe(0);
  });

  it('refuses a denied permission with 403 naming it, and enforces bindings when asked', async () => {
    const { iam: client } = clients(CI_TOKEN);
    gcp.denyPermission('iam.serviceAccounts.create');
    try {
      const denied = await httpFailure(
        client.projects.serviceAccounts.create({
          name: `projects/${PROJECT}`,
          requestBody: { accountId: 'another-one' },
        }),
      );
      expect(denied.status).toBe(403);
      expect(denied.error.details).toEqual([
        expect.objectContaining({
          reason: 'IAM_PERMISSION_DENIED',
          metadata: { permission: 'iam.serviceAccounts.create' },
        }),
      ]);
    } finally {
      gcp.denyPermission('iam.serviceAccounts.create', false);
    }
    gcp.world.enforcePermissions = true;
    try {
      const pools = client.projects.locations.workloadIdentityPools;
      const refused = await httpFailure(
        pools.get({ name: `${POOLS}/workloadIdentityPools/existing` }),
      );
      expect([refused.status, refused.error.message]).toEqual([
        403,
        "Permission 'iam.googleapis.com/workloadIdentityPools.get' denied on resource (or it may not exist).",
      ]);
      const owner = await clients().iam.projects.locations.workloadIdentityPools.get({
        name: `${POOLS}/workloadIdentityPools/existing`,
      });
      expect(owner.data.state).toBe('ACTIVE');
    } finally {
      gcp.world.enforcePermissions = false;
    }
  });
});
