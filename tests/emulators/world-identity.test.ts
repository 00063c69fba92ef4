import { ExternalAccountClient } from 'google-auth-library';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { desiredState } from '../../src/core/gcp-setup/desired-state.js';
import type { IamBinding } from '../../src/core/gcp-setup/iam-policy.js';
import { resolveSetupInputs } from '../../src/core/gcp-setup/setup-inputs.js';
import { GITHUB_ISSUER } from '../../src/core/gcp-setup/workload-identity.js';
import { startAuthEmulators, type WorldAuthEmulators } from './auth-emulators.js';
import {
  startGcpSetupEmulators,
  vertexProjectSeed,
  type GcpSetupEmulators,
} from './gcp-setup-emulators.js';
import { googleClients } from './gcp-setup-test-clients.js';
import { githubSubject } from './github-oidc.js';
import { CLOUD_PLATFORM_SCOPE } from './google-sts.js';
import type { JwtClaims } from './jwt.js';
import { startVertexEmulator, type VertexEmulator } from './vertex.js';
import { worldAuthorizer } from './world-identity.js';

/**
 * World mode of the auth emulators: a project as `setup gcp` leaves it (its desired state,
 * seeded), GitHub jobs authenticating through google-auth-library's external_account flow, and
 * refusals once the world changes under them.
 */

const PROJECT = 'acme-ml';
const NUMBER = '123456789012';
const REPOSITORY = 'acme/ml';
const REPOSITORY_ID = '260064828';
const OWNER_ID = '1342004';
const INVALID_TARGET =
  'Error code invalid_target: The target service indicated by the "audience" parameters is invalid.';
const REJECTED = 'Error code unauthorized_client: The given credential is rejected';

const desired = desiredState(
  resolveSetupInputs({
    projectId: PROJECT,
    region: 'us-central1',
    repository: REPOSITORY,
    repositoryId: REPOSITORY_ID,
    repositoryOwnerId: OWNER_ID,
  }),
  NUMBER,
);
const email = (key: 'training' | 'deploy' | 'pipeline') =>
  desired.serviceAccounts.find((a) => a.key === key)?.email ?? '';
const providerKey = `${desired.pool.id}/${desired.provider.id}`;

/** The bindings setup makes on one resource, grouped by role as a policy holds them. */
function bindingsOn(resource: string): IamBinding[] {
  const byRole = new Map<string, string[]>();
  for (const b of desired.bindings.filter((d) => d.resource === resource))
    byRole.set(b.role, [...(byRole.get(b.role) ?? []), b.member]);
  return [...byRole].map(([role, members]) => ({ role, members }));
}

/** The project as setup leaves it: APIs, pool, provider, accounts, custom role, bindings. */
function seedSetUpProject(gcp: GcpSetupEmulators): void {
  gcp.world.projects.delete(PROJECT);
  const base = vertexProjectSeed(PROJECT, NUMBER);
  gcp.seedProject({
    ...base,
    enabledServices: [...desired.apis],
    bindings: [...(base.bindings ?? []), ...bindingsOn(`projects/${PROJECT}`)],
    pools: { [desired.pool.id]: { displayName: desired.pool.displayName } },
    providers: {
      [providerKey]: {
        displayName: desired.provider.displayName,
        attributeMapping: { ...desired.provider.attributeMapping },
        ...(desired.provider.attributeCondition
          ? { attributeCondition: desired.provider.attributeCondition }
          : {}),
        oidc: {
          issuerUri: desired.provider.issuerUri,
          allowedAudiences: [...(desired.provider.allowedAudiences ?? [])],
        },
      },
    },
    serviceAccounts: desired.serviceAccounts.map((account) => ({
      accountId: account.id,
      displayName: account.displayName,
      bindings: bindingsOn(`projects/${PROJECT}/serviceAccounts/${account.email}`),
    })),
    roles: {
      [desired.trainerRole.id]: {
        title: desired.trainerRole.title,
        includedPermissions: [...desired.trainerRole.permissions],
      },
    },
  });
}

let gcp: GcpSetupEmulators;
let auth: WorldAuthEmulators;

beforeAll(async () => {
  gcp = await startGcpSetupEmulators({ projects: [{ projectId: PROJECT, projectNumber: NUMBER }] });
  auth = await startAuthEmulators({
    world: { world: gcp.world, projectId: PROJECT },
    repository: REPOSITORY,
    github: { repositoryId: REPOSITORY_ID, repositoryOwnerId: OWNER_ID },
    clock: gcp.clock,
    requests: gcp.requests,
  });
});
afterAll(async () => {
  await auth?.close();
  await gcp?.close();
});
beforeEach(() => {
  seedSetUpProject(gcp);
  gcp.requests.clear();
});

/** An entry of the seeded project (`project().providers`...), to change under the emulators. */
function entry<T>(map: Map<string, T>, key: string): T {
  const found = map.get(key);
  if (!found) throw new Error(`${key} is not in the world`);
  return found;
}
const project = () => entry(gcp.world.projects, PROJECT);

/** A job's claims, as GitHub gives them (sub from the environment, or the ref). */
function job(claims: { environment?: string } & JwtClaims = {}): JwtClaims {
  const sub = githubSubject({
    repository: REPOSITORY,
    ref: 'refs/heads/main',
    eventName: 'push',
    environment: claims.environment,
  });
  return { sub, ...claims };
}

/**
 * What google-github-actions/auth sets up, then a client library asking for a token: the
 * account's, or with `null` the federated one (direct workload identity federation).
 */
async function impersonate(
  serviceAccount: string | null,
  claims: JwtClaims = job(),
): Promise<string> {
  const client = ExternalAccountClient.fromJSON({
    ...auth.externalAccountCredentials({
      serviceAccount,
      requestToken: auth.oidc.requestTokenFor(claims),
    }),
    scopes: [CLOUD_PLATFORM_SCOPE],
  } as Parameters<typeof ExternalAccountClient.fromJSON>[0]);
  if (!client) throw new Error('no external account client');
  return (await client.getAccessToken()).token ?? '';
}

describe('world mode: what setup made is what authenticates', () => {
  it('defaults to setup names and GitHub issuer, with ids the repository has', () => {
    expect(auth.provider).toBe(desired.provider.name);
    expect(auth.serviceAccount).toBe(email('training'));
    expect(auth.oidc.issuer).toBe(GITHUB_ISSUER);
    expect(auth.oidc.emulator.baseClaims()).toMatchObject({
      repository_id: REPOSITORY_ID,
      repository_owner_id: OWNER_ID,
    });
  });

  it('lets a job of the repository act as the training account', async () => {
    const token = await impersonate(email('training'));
    expect(auth.validateAccessToken(token)).toMatchObject({
      ok: true,
      principal: `serviceAccount:${email('training')}`,
    });
    // Setup's provider has no allowed audiences: the token's is the provider's own name.
    const [exchange] = gcp.requests.filter({ route: 'sts.token' });
    expect([exchange?.status, exchange?.body]).toMatchObject([
      200,
      { audience: `//iam.googleapis.com/${desired.provider.name}` },
    ]);
  });

  it('lets only a production job act as the deploy account', async () => {
    const token = await impersonate(email('deploy'), job({ environment: 'production' }));
    expect(auth.validateAccessToken(token)).toMatchObject({
      ok: true,
      serviceAccount: email('deploy'),
    });
    // A job in no environment passes the condition (`!has(assertion.environment)`), not the binding.
    await expect(impersonate(email('deploy'))).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining(
        "Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).",
      ) as unknown,
    });
  });

  it('refuses a staging job the deploy account: by the condition, else by the binding', async () => {
    const staging = job({ environment: 'staging' });
    await expect(impersonate(email('deploy'), staging)).rejects.toThrow(REJECTED);
    // A condition admitting every environment still leaves the subject binding to production.
    entry(project().providers, providerKey).attributeCondition =
      `assertion.repository_id == '${REPOSITORY_ID}'`;
    expect(await impersonate(email('training'), staging)).toMatch(/^ya29\.c\./);
    await expect(impersonate(email('deploy'), staging)).rejects.toMatchObject({ status: 403 });
  });

  it.each([
    ['missing', () => project().providers.delete(providerKey)],
    ['disabled', () => (entry(project().providers, providerKey).disabled = true)],
    ['deleted', () => (entry(project().providers, providerKey).state = 'DELETED')],
    ['in a disabled pool', () => (entry(project().pools, desired.pool.id).disabled = true)],
  ])('refuses the exchange when the provider is %s', async (_, change) => {
    change();
    await expect(impersonate(email('training'))).rejects.toThrow(INVALID_TARGET);
  });

  it('follows the provider as the IAM API changes it', async () => {
    const providers = googleClients(gcp.urls).iam.projects.locations.workloadIdentityPools
      .providers;
    await providers.patch({
      name: desired.provider.name,
      updateMask: 'disabled',
      requestBody: { disabled: true },
    });
    gcp.world.operations.finishAll();
    await expect(impersonate(email('training'))).rejects.toThrow(INVALID_TARGET);
  });

  it('refuses another repository that took the name (another repository_id)', async () => {
    await expect(
      impersonate(email('training'), job({ repository_id: '999999999' })),
    ).rejects.toThrow(REJECTED);
  });

  it('refuses once the binding is removed, in Google shape', async () => {
    const { iam } = googleClients(gcp.urls);
    const resource = `projects/${PROJECT}/serviceAccounts/${email('training')}`;
    const { data: policy } = await iam.projects.serviceAccounts.getIamPolicy({ resource });
    await iam.projects.serviceAccounts.setIamPolicy({
      resource,
      requestBody: { policy: { ...policy, bindings: [] } },
    });
    await expect(impersonate(email('training'))).rejects.toMatchObject({
      status: 403,
      response: {
        data: {
          error: {
            code: 403,
            status: 'PERMISSION_DENIED',
            message:
              "Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).",
          },
        },
      },
    });
  });

  it('refuses an account that does not exist or is disabled', async () => {
    project().serviceAccounts.delete(email('pipeline'));
    await expect(impersonate(email('pipeline'))).rejects.toMatchObject({ status: 404 });
    entry(project().serviceAccounts, email('training')).disabled = true;
    await expect(impersonate(email('training'))).rejects.toMatchObject({ status: 404 });
  });
});

describe('world mode: Vertex AI checks pipeline submissions against the world', () => {
  const ENFORCED = ['aiplatform.pipelineJobs.create', 'iam.serviceAccounts.actAs'];
  let vertex: VertexEmulator;

  beforeAll(async () => {
    vertex = await startVertexEmulator({
      validateToken: (token) => auth.validateAccessToken(token),
      authorize: worldAuthorizer(gcp.world, ENFORCED),
      clock: gcp.clock,
    });
  });
  afterAll(async () => {
    await vertex?.close();
  });

  it('lets the training account submit as the pipeline account, not the deploy one', () => {
    const allowed = worldAuthorizer(gcp.world, ENFORCED);
    const check = (member: string | undefined, permission: string, resource: string) =>
      allowed({ principal: member, serviceAccount: undefined, permission, resource });
    const training = `serviceAccount:${email('training')}`;
    const deploy = `serviceAccount:${email('deploy')}`;
    const parent = `projects/${PROJECT}/locations/us-central1`;
    const actAs = `projects/-/serviceAccounts/${email('pipeline')}`;
    expect(check(training, 'aiplatform.pipelineJobs.create', parent)).toBe(true);
    // Deploy holds roles/aiplatform.user (which has create) but may not run as the pipeline account.
    expect(check(deploy, 'aiplatform.pipelineJobs.create', parent)).toBe(true);
    expect(check(training, 'iam.serviceAccounts.actAs', actAs)).toBe(true);
    expect(check(deploy, 'iam.serviceAccounts.actAs', actAs)).toBe(false);
    expect(check(undefined, 'iam.serviceAccounts.actAs', actAs)).toBe(false);
    expect(check('user:outsider@example.com', 'aiplatform.endpoints.deploy', parent)).toBe(true); // not enforced
    // The grant is the custom role: deleting it takes the permission away.
    entry(project().roles, desired.trainerRole.id).deleted = true;
    expect(check(training, 'aiplatform.pipelineJobs.create', parent)).toBe(false);
  });

  it('answers 403 to a caller without pipelineJobs.create (the federated identity itself)', async () => {
    const token = await impersonate(null);
    const response = await fetch(
      `${vertex.endpoint.url}/v1/${vertex.parent}/pipelineJobs?pipelineJobId=denied`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ displayName: 'denied' }),
      },
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      error: {
        status: 'PERMISSION_DENIED',
        message: expect.stringContaining(
          "Permission 'aiplatform.pipelineJobs.create' denied",
        ) as unknown,
      },
    });
  });
});
