import { ArtifactRegistryClient } from '@google-cloud/artifact-registry/build/src/v1/artifact_registry_client.js';
import { OAuth2Client } from 'google-auth-library';
import { afterEach, describe, expect, it } from 'vitest';
import { doctorCommand } from '../../src/commands/doctor.js';
import { ArtifactRegistryRepositories } from '../../src/adapters/gcp/project-setup/artifact-registry-repositories.js';
import { createSetupClients } from '../../src/adapters/gcp/project-setup/clients.js';
import type { CheckRow } from '../../src/core/gcp-setup/doctor-facts.js';
import { CONFIG, DESIRED, PROJECT_NUMBER, setupSteps } from '../adapters/project-setup/fixtures.js';
import {
  startArtifactRegistryEmulator,
  type ArtifactRegistryEmulator,
} from '../emulators/artifact-registry.js';
import {
  setupEndpointEnv,
  startGcpSetupEmulators,
  vertexProjectSeed,
  type GcpSetupEmulators,
} from '../emulators/gcp-setup-emulators.js';
import { startGitHubOidc, type GitHubOidcEmulator } from '../emulators/github-oidc.js';
import { RequestLog } from '../emulators/http-server.js';
import { tempDir } from '../helpers/paths.js';
import { runCommand, type InputValue } from '../helpers/recording-host.js';

/**
 * `doctor` in-process through the real clients (@googleapis/* and the Artifact Registry client)
 * against the setup emulators and the Artifact Registry emulator, on a project `setup gcp`'s
 * plan and apply made: it passes, then each thing broken is named with its fix.
 */

const PROJECT = CONFIG.projectId;
const ADMIN_TOKEN = 'ya29.admin';
const TRAINING_TOKEN = 'ya29.training';
const emailOf = (key: string) => DESIRED.serviceAccounts.find((a) => a.key === key)?.email ?? '';
const TRAINING = emailOf('training');
const CALLERS: Record<string, string> = {
  [ADMIN_TOKEN]: 'user:setup@example.com',
  [TRAINING_TOKEN]: `serviceAccount:${TRAINING}`,
};

let gcp: GcpSetupEmulators | undefined;
let registry: ArtifactRegistryEmulator | undefined;
let oidc: GitHubOidcEmulator | undefined;

afterEach(async () => {
  await Promise.all([gcp?.close(), registry?.close(), oidc?.close()]);
  gcp = registry = oidc = undefined;
});

/** The emulators over one project (its Custom Code agent not created yet) and one request log. */
async function start() {
  const requests = new RequestLog();
  const google = await startGcpSetupEmulators({
    projects: [vertexProjectSeed(PROJECT, PROJECT_NUMBER)],
    callers: CALLERS,
    requests,
  });
  const artifacts = await startArtifactRegistryEmulator({
    project: PROJECT,
    projectNumber: PROJECT_NUMBER,
    region: CONFIG.region,
    requests,
    validateToken: (token) => {
      const principal = CALLERS[token];
      return principal ? { ok: true, principal } : { ok: false, reason: 'unknown' };
    },
    // The setup emulators' denied permissions are refused here too.
    authorize: ({ permission }) => !google.world.refuses('', permission, []),
  });
  gcp = google;
  registry = artifacts;
  return { gcp: google, registry: artifacts, requests };
}

/** `setup gcp`'s observe, plan and apply, through the adapters, as the admin. */
async function setUpProject(google: GcpSetupEmulators, artifacts: ArtifactRegistryEmulator) {
  const clients = await createSetupClients({
    token: () => Promise.resolve(ADMIN_TOKEN),
    endpoints: google.urls,
  });
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: ADMIN_TOKEN });
  const client = new ArtifactRegistryClient(
    artifacts.clientOptions(auth) as unknown as ConstructorParameters<
      typeof ArtifactRegistryClient
    >[0],
  );
  try {
    await setupSteps(clients, new ArtifactRegistryRepositories(client)).setup();
  } finally {
    await client.close();
  }
}

const INPUTS: Record<string, InputValue> = {
  'project-id': PROJECT,
  region: CONFIG.region,
  repository: CONFIG.repository,
  'repository-id': CONFIG.repositoryId,
  'repository-owner-id': CONFIG.repositoryOwnerId,
  // No such interpreter: the Python check warns the same on every machine.
  python: '/nonexistent/python3',
};

function doctor(env: NodeJS.ProcessEnv, inputs: Record<string, InputValue> = INPUTS) {
  if (!gcp || !registry) throw new Error('start() first');
  return runCommand(doctorCommand, inputs, {
    env: {
      ...setupEndpointEnv(gcp),
      MLOPS_ARTIFACTREGISTRY_ENDPOINT: registry.endpoint.url,
      GOOGLE_OAUTH_ACCESS_TOKEN: ADMIN_TOKEN,
      ...env,
    },
  });
}

/** The rows as the `report` output holds them; checked against the table too. */
function reportOf(run: Awaited<ReturnType<typeof doctor>>): CheckRow[] {
  const rows = JSON.parse(run.outputs.report ?? '[]') as CheckRow[];
  expect(run.tables.at(-1)?.rows).toEqual(rows.map((r) => [r.check, r.result, r.detail, r.fix]));
  return rows;
}

const failed = (rows: CheckRow[]) => rows.filter((r) => r.result === 'fail');

describe('doctor (in-process)', () => {
  it('passes the project setup made, changing nothing; only the lazy agent and local tools warn', async () => {
    const { gcp, registry, requests } = await start();
    await setUpProject(gcp, registry);
    oidc = await startGitHubOidc({
      repository: CONFIG.repository,
      repositoryId: CONFIG.repositoryId,
      repositoryOwnerId: CONFIG.repositoryOwnerId,
    });
    const before = { project: gcp.snapshot(PROJECT), seq: requests.all().length };

    const run = await doctor({
      ACTIONS_ID_TOKEN_REQUEST_URL: oidc.requestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc.requestToken,
    });
    expect(run.userError?.describe()).toBeUndefined();
    const rows = reportOf(run);
    expect(failed(rows)).toEqual([]);
    expect(run.failure).toBeUndefined();
    expect(run.outputs.failed).toBe('0');
    const warned = rows.filter((r) => r.result === 'warn');
    for (const row of warned)
      expect(['IAM bindings', 'IAM binding', 'Docker', 'Docker buildx', 'Python']).toContain(
        row.check,
      );
    expect(warned.find((r) => r.check === 'IAM binding')?.detail).toContain('gcp-sa-aiplatform-cc');
    expect(rows.find((r) => r.check === 'Workflow token')?.result).toBe('pass');
    expect(rows.find((r) => r.check === 'Provider condition')?.result).toBe('pass');
    // The GitHub token was masked and shown nowhere.
    const masked = run.masked.find((m) => m.name === 'GitHub OIDC token')?.value ?? '';
    expect(masked.split('.')).toHaveLength(3);
    expect(JSON.stringify([run.infos, run.warnings, run.tables])).not.toContain(masked);

    // Read-only: the project is as it was, and only reads and permission tests went out.
    expect(gcp.snapshot(PROJECT)).toEqual(before.project);
    const calls = requests.all().slice(before.seq);
    expect(calls.length).toBeGreaterThan(10);
    for (const call of calls)
      expect(
        call.method === 'GET' ||
          /(testIamPermissions|getIamPolicy|batchGet)$/.test(call.route ?? ''),
        `${call.method} ${call.route ?? call.path}`,
      ).toBe(true);
  });

  it('names each thing removed with its fix, and exits non-zero', async () => {
    const { gcp, registry } = await start();
    await setUpProject(gcp, registry);
    const project = gcp.world.project(PROJECT);
    if (!project) throw new Error('no project');
    const provider = project.providers.get(`${CONFIG.pool}/${CONFIG.provider}`);
    if (!provider) throw new Error('no provider');
    delete provider.attributeCondition;
    project.services.delete('aiplatform.googleapis.com');
    const bucket = gcp.world.buckets.get(CONFIG.bucket);
    if (!bucket) throw new Error('no bucket');
    bucket.location = 'US';
    const remove = (email: string, role: string, member: string) => {
      const policy = project.serviceAccounts.get(email)?.policy;
      if (!policy) throw new Error(`no account ${email}`);
      policy.bindings = policy.bindings.map((b) =>
        b.role === role ? { ...b, members: b.members.filter((m) => m !== member) } : b,
      );
    };
    const deploy = DESIRED.bindings.find((b) => b.principal === 'github-deploy-environment');
    const actAs = DESIRED.bindings.find(
      (b) => b.principal === 'training' && b.scope === 'pipeline-account',
    );
    if (!deploy || !actAs) throw new Error('no such binding');
    remove(emailOf('deploy'), deploy.role, deploy.member);
    remove(emailOf('pipeline'), actAs.role, actAs.member);

    const run = await doctor({});
    const rows = failed(reportOf(run));
    expect(rows.find((r) => r.check === 'Provider condition')?.detail).toMatch(
      /^SECURITY: the provider has no attribute condition: every GitHub repository can use it/,
    );
    expect(rows.find((r) => r.check === 'APIs')?.fix).toBe(
      `gcloud services enable aiplatform.googleapis.com --project=${PROJECT}`,
    );
    expect(rows.find((r) => r.check === 'Bucket location')?.detail).toContain(
      `is in US, Vertex AI runs in ${CONFIG.region.toUpperCase()}`,
    );
    const grants = rows.filter((r) => r.check === 'IAM binding').map((r) => r.fix);
    expect(grants).toEqual([
      `gcloud iam service-accounts add-iam-policy-binding ${emailOf('deploy')} --project=${PROJECT} --member=${deploy.member} --role=roles/iam.workloadIdentityUser`,
      `gcloud iam service-accounts add-iam-policy-binding ${emailOf('pipeline')} --project=${PROJECT} --member=serviceAccount:${TRAINING} --role=roles/iam.serviceAccountUser`,
    ]);
    expect(run.outputs.failed).toBe(String(rows.length));
    expect(run.failure).toMatch(new RegExp(`^${rows.length} checks failed: `));
    // Every fix is printed on its own line too.
    for (const row of rows.filter((r) => r.fix !== ''))
      expect(run.warnings).toContain(`${row.check} (fail): ${row.fix}`);
  });

  it("tests the training account's own permissions, naming the role of one denied", async () => {
    const { gcp, registry } = await start();
    await setUpProject(gcp, registry);
    const asTraining = {
      GOOGLE_OAUTH_ACCESS_TOKEN: TRAINING_TOKEN,
      CLOUDSDK_AUTH_IMPERSONATE_SERVICE_ACCOUNT: TRAINING,
    };
    const granted = reportOf(await doctor(asTraining));
    expect(granted.find((r) => r.check === 'Caller (training)')).toMatchObject({
      result: 'pass',
      detail: `${TRAINING} holds what it needs on 5 resources`,
    });

    gcp.denyPermission('storage.objects.create');
    gcp.denyPermission('artifactregistry.tags.update');
    const rows = failed(reportOf(await doctor(asTraining))).filter(
      (r) => r.check === 'Caller (training)',
    );
    expect(rows.map((r) => r.fix)).toEqual([
      `gcloud artifacts repositories add-iam-policy-binding ${CONFIG.dockerRepository} --location=${CONFIG.region} --project=${PROJECT} --member=serviceAccount:${TRAINING} --role=roles/artifactregistry.writer`,
      `gcloud storage buckets add-iam-policy-binding gs://${CONFIG.bucket} --member=serviceAccount:${TRAINING} --role=roles/storage.objectUser`,
      `gcloud artifacts repositories add-iam-policy-binding ${CONFIG.kfpRepository} --location=${CONFIG.region} --project=${PROJECT} --member=serviceAccount:${TRAINING} --role=roles/artifactregistry.writer`,
    ]);
    expect(rows[1]?.detail).toContain('lacks storage.objects.create');
  });

  it('still tests a caller that may not read the project configuration, and says what it skipped', async () => {
    const { gcp, registry } = await start();
    await setUpProject(gcp, registry);
    // A training account on Google: it may test its own permissions, not read IAM policies.
    gcp.denyPermission('resourcemanager.projects.getIamPolicy');
    const run = await doctor({
      GOOGLE_OAUTH_ACCESS_TOKEN: TRAINING_TOKEN,
      CLOUDSDK_AUTH_IMPERSONATE_SERVICE_ACCOUNT: TRAINING,
    });
    const rows = reportOf(run);
    expect(rows[0]).toMatchObject({ check: 'Project configuration', result: 'skip' });
    expect(rows[0]?.detail).toContain('resourcemanager.projects.getIamPolicy');
    expect(rows[0]?.fix).toContain('roles/iam.securityReviewer');
    expect(rows.find((r) => r.check === 'Caller (training)')).toMatchObject({ result: 'pass' });
    expect(failed(rows)).toEqual([]);

    // Nor may it read the project: the provider's full name, as a workflow passes it, gives
    // the number the checks need.
    gcp.denyPermission('resourcemanager.projects.get');
    const blind = await doctor(
      {
        GOOGLE_OAUTH_ACCESS_TOKEN: TRAINING_TOKEN,
        CLOUDSDK_AUTH_IMPERSONATE_SERVICE_ACCOUNT: TRAINING,
      },
      { ...INPUTS, provider: DESIRED.provider.name },
    );
    const blindRows = reportOf(blind);
    expect(blindRows[0]).toMatchObject({ check: 'Project configuration', result: 'skip' });
    expect(blindRows.find((r) => r.check === 'Caller (training)')).toMatchObject({
      result: 'pass',
    });
  });

  it("names the claim of a workflow token the provider's condition refuses", async () => {
    const { gcp, registry } = await start();
    await setUpProject(gcp, registry);
    // Another owner's repository by the same name: a re-registered name.
    oidc = await startGitHubOidc({
      repository: CONFIG.repository,
      repositoryId: CONFIG.repositoryId,
      repositoryOwnerId: '77',
    });
    const run = await doctor({
      ACTIONS_ID_TOKEN_REQUEST_URL: oidc.requestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc.requestToken,
    });
    const [row] = failed(reportOf(run));
    expect(row?.check).toBe('Workflow token');
    expect(row?.detail).toContain('repository_owner_id is "77"');
    expect(row?.detail).toContain(`assertion.repository_owner_id == '${CONFIG.repositoryOwnerId}'`);
  });

  it('refuses bad input before any call, and says how to authenticate without credentials', async () => {
    const { requests } = await start();
    const bad = await doctor(
      {},
      {
        'project-id': 'Bad_Project',
        region: 'mars-central1',
        repository: 'not-a-repo',
        bucket: 'x',
      },
    );
    expect(bad.userError?.details.length).toBeGreaterThanOrEqual(3);
    for (const input of ['project-id', 'region', 'repository', 'bucket'])
      expect(
        bad.userError?.details.some((d) => d.startsWith(`${input}: `)),
        input,
      ).toBe(true);
    expect(requests.all()).toEqual([]);

    const home = await tempDir('doctor-home');
    const anonymous = await doctor({
      GOOGLE_OAUTH_ACCESS_TOKEN: '',
      HOME: home,
      GCE_METADATA_HOST: '127.0.0.1:9',
    });
    expect(anonymous.userError?.message).toBe('doctor found no Google credentials');
    expect(anonymous.userError?.fix).toContain('gcloud auth application-default login');
    expect(requests.all()).toEqual([]);
  });
});
