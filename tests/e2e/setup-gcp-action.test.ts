import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startArtifactRegistryEmulator,
  type ArtifactRegistryEmulator,
} from '../emulators/artifact-registry.js';
import {
  startGcpSetupEmulators,
  type GcpSetupEmulators,
} from '../emulators/gcp-setup-emulators.js';
import { startGitHubApiEmulator, type GitHubApiEmulator } from '../emulators/github-api.js';
import { expectNoSecrets, inputs, runMainStep } from '../helpers/action-runner.js';

/**
 * `command: setup-gcp` and then `command: doctor` as workflow steps: dist/main.js run the way
 * the runner runs it (INPUT_* variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY), against the
 * emulated project, with the workflow's own repository ids and an admin's access token.
 */

const PROJECT = 'acme-ml';
const ADMIN_TOKEN = 'ya29.a0-action-project-owner';
const GITHUB_TOKEN = 'github_pat_action_variables_0123456789';

let gcp: GcpSetupEmulators;
let registry: ArtifactRegistryEmulator;
let github: GitHubApiEmulator;

beforeAll(async () => {
  gcp = await startGcpSetupEmulators({
    projects: [
      {
        projectId: PROJECT,
        projectNumber: '123456789012',
        bindings: [{ role: 'roles/owner', members: ['user:setup@example.com'] }],
      },
    ],
  });
  registry = await startArtifactRegistryEmulator({
    project: PROJECT,
    region: 'europe-west4',
    validateToken: (token) =>
      token === ADMIN_TOKEN
        ? { ok: true, principal: 'user:setup@example.com' }
        : { ok: false, reason: 'unknown' },
  });
  github = await startGitHubApiEmulator({
    repositories: [{ owner: 'acme', name: 'ml', id: 4242, ownerId: 77 }],
    tokens: { [GITHUB_TOKEN]: { kind: 'pat', permissions: { variables: 'write' } } },
  });
});

afterAll(async () => {
  await Promise.all([gcp?.close(), registry?.close(), github?.close()]);
});

function step(values: Record<string, string>) {
  return runMainStep({
    ...inputs({ 'project-id': PROJECT, region: 'europe-west4', ...values }),
    GITHUB_REPOSITORY: 'acme/ml',
    GITHUB_REPOSITORY_ID: '4242',
    GITHUB_REPOSITORY_OWNER_ID: '77',
    GITHUB_API_URL: github.url,
    GOOGLE_OAUTH_ACCESS_TOKEN: ADMIN_TOKEN,
    MLOPS_IAM_ENDPOINT: gcp.urls.iam,
    MLOPS_RESOURCEMANAGER_ENDPOINT: gcp.urls.cloudresourcemanager,
    MLOPS_SERVICEUSAGE_ENDPOINT: gcp.urls.serviceusage,
    MLOPS_STORAGE_ENDPOINT: gcp.urls.storage,
    MLOPS_ARTIFACTREGISTRY_ENDPOINT: registry.endpoint.url,
  });
}

describe('setup-gcp and doctor as action steps', () => {
  it('sets the project up, writes the outputs, the variables and a summary; doctor then passes', async () => {
    const setup = await step({ command: 'setup-gcp', 'github-token': GITHUB_TOKEN });
    expect(setup.result.code, setup.log).toBe(0);
    expect(setup.log).toContain(`::add-mask::${GITHUB_TOKEN}`);
    expectNoSecrets(setup.log, [GITHUB_TOKEN]);
    expect(setup.outputs['workload-identity-provider']).toBe(
      'projects/123456789012/locations/global/workloadIdentityPools/github/providers/mlops',
    );
    expect(setup.outputs['pipeline-root']).toBe(`gs://${PROJECT}-mlops/pipeline-root`);
    expect(Number(setup.outputs.changes)).toBeGreaterThan(0);
    expect(setup.summary).toContain('Values for the workflows');
    expect(github.variables('repo:acme/ml').get('GCP_PIPELINE_SERVICE_ACCOUNT')?.value).toBe(
      `mlops-pipelines@${PROJECT}.iam.gserviceaccount.com`,
    );
    // The workflow's ids, not a lookup: GitHub was asked for the variables only.
    expect(github.requests.all().some((request) => request.path === '/repos/acme/ml')).toBe(false);
    const [provider] = Object.values(gcp.snapshot(PROJECT).providers);
    expect(provider?.attributeCondition).toContain("assertion.repository_id == '4242'");

    const doctor = await step({ command: 'doctor', python: '/nonexistent/python3' });
    expect(doctor.result.code, doctor.log).toBe(0);
    expect(doctor.outputs.failed).toBe('0');
    expect(doctor.summary).toContain('Doctor');
  });

  it('fails the step with every invalid input named, before any call', async () => {
    const before = gcp.requests.all().length;
    const run = await step({ command: 'setup-gcp', region: 'mars-north1', bucket: 'GOOG' });
    expect(run.result.code).not.toBe(0);
    expect(run.log).toContain('region:');
    expect(run.log).toContain('bucket:');
    expect(gcp.requests.all().length).toBe(before);
  });
});
