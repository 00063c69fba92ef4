import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setupGcpCommand } from '../../src/commands/setup-gcp.js';
import { desiredState, workflowValues } from '../../src/core/gcp-setup/desired-state.js';
import { resolveSetupInputs } from '../../src/core/gcp-setup/setup-inputs.js';
import { EMPTY_PROJECT, startEmptyProject, type EmptyProject } from '../helpers/empty-project.js';
import { tempDir } from '../helpers/paths.js';
import { runCommand, type InputValue } from '../helpers/recording-host.js';

/**
 * `setup gcp` in-process, through the real clients (@googleapis/* and the Artifact Registry
 * client) against the IAM, Resource Manager, Service Usage, Storage and Artifact Registry
 * emulators over one project, and the GitHub API emulator for the repository's ids and the
 * variables setup writes.
 */

const { projectId: PROJECT, projectNumber: NUMBER, region: REGION } = EMPTY_PROJECT;
const GITHUB_TOKEN = EMPTY_PROJECT.githubToken;
const REPOSITORY_ID = EMPTY_PROJECT.repositoryId;
const OWNER_ID = EMPTY_PROJECT.repositoryOwnerId;

let project: EmptyProject | undefined;

afterEach(async () => {
  await project?.close();
  project = undefined;
});

async function start(): Promise<EmptyProject> {
  project = await startEmptyProject();
  return project;
}

async function setup(inputs: Record<string, InputValue> = {}, env: NodeJS.ProcessEnv = {}) {
  return runCommand(
    setupGcpCommand,
    { 'project-id': PROJECT, region: REGION, repository: 'acme/ml', ...inputs },
    { cwd: await tempDir('setup-gcp'), env: { ...project?.env, ...env } },
  );
}

const googleCalls = () => project?.gcp.requests.all().length ?? 0;

describe('setup gcp (in-process)', () => {
  it('sets up an empty project, writes the variables, and a second run changes nothing', async () => {
    const { gcp, github } = await start();
    const first = await setup({ 'github-token': GITHUB_TOKEN });
    expect(first.userError?.describe()).toBeUndefined();
    expect(Number(first.outputs.changes)).toBeGreaterThan(10);
    expect(first.groups).toEqual([
      `Read project ${PROJECT}`,
      'Enable the APIs',
      `Read project ${PROJECT} again`,
      expect.stringMatching(/^Apply \d+ changes$/),
    ]);

    const made = gcp.snapshot(PROJECT);
    expect(made.enabledServices).toEqual(
      expect.arrayContaining(['aiplatform.googleapis.com', 'iam.googleapis.com']),
    );
    // The condition pins the ids GitHub gave, not only the name.
    const [provider] = Object.values(made.providers);
    expect(provider?.attributeCondition).toContain(`assertion.repository_id == '${REPOSITORY_ID}'`);
    expect(provider?.attributeCondition).toContain(
      `assertion.repository_owner_id == '${OWNER_ID}'`,
    );
    expect(Object.keys(made.serviceAccounts).sort()).toEqual([
      `mlops-deploy@${PROJECT}.iam.gserviceaccount.com`,
      `mlops-pipelines@${PROJECT}.iam.gserviceaccount.com`,
      `mlops-training@${PROJECT}.iam.gserviceaccount.com`,
    ]);
    expect(made.buckets[`${PROJECT}-mlops`]?.location).toBe('US-CENTRAL1');
    // The owner the project started with is still there: grants are additive.
    expect(made.policy.bindings).toEqual(
      expect.arrayContaining([{ role: 'roles/owner', members: ['user:setup@example.com'] }]),
    );

    // The workflows' values, by the names they read, as repository variables.
    const variables = github.variables('repo:acme/ml');
    expect(variables.get('GCP_WORKLOAD_IDENTITY_PROVIDER')?.value).toBe(
      first.outputs['workload-identity-provider'],
    );
    expect(first.outputs['workload-identity-provider']).toBe(
      `projects/${NUMBER}/locations/global/workloadIdentityPools/github/providers/mlops`,
    );
    expect(variables.get('GCP_SERVICE_ACCOUNT')?.value).toBe(
      `mlops-training@${PROJECT}.iam.gserviceaccount.com`,
    );
    expect(variables.get('MLOPS_IMAGE_REPOSITORY')?.value).toBe('ml-images');
    expect(first.masked.map((mask) => mask.value)).toContain(GITHUB_TOKEN);

    const writes = () =>
      gcp.requests
        .all()
        .filter((request) => request.method !== 'GET' && !request.path.endsWith(':getIamPolicy'))
        .length;
    const afterFirst = writes();
    const second = await setup({ 'github-token': GITHUB_TOKEN });
    expect(second.userError).toBeUndefined();
    expect(second.outputs.changes).toBe('0');
    expect(second.infos.join('\n')).toContain('Nothing to do');
    expect(writes()).toBe(afterFirst);
  });

  it('completes a half-set-up project and keeps a binding someone else added meanwhile', async () => {
    const { gcp } = await start();
    gcp.seedProject({
      projectId: PROJECT,
      projectNumber: NUMBER,
      enabledServices: ['iam.googleapis.com', 'storage.googleapis.com'],
      bindings: [{ role: 'roles/owner', members: ['user:setup@example.com'] }],
      serviceAccounts: [{ accountId: 'mlops-training' }],
      buckets: [
        { name: `${PROJECT}-mlops`, location: 'US-CENTRAL1', uniformBucketLevelAccess: true },
      ],
    });
    gcp.concurrentEditNext(`projects/${PROJECT}`);
    const run = await setup();
    expect(run.userError?.describe()).toBeUndefined();
    const text = run.infos.join('\n');
    expect(text).toContain(`= service account mlops-training@${PROJECT}.iam.gserviceaccount.com`);
    expect(text).toContain(`= bucket ${PROJECT}-mlops`);
    expect(text).toMatch(/changed while setup edited it/);
    const policy = gcp.snapshot(PROJECT).policy;
    const members = (policy.bindings ?? []).flatMap((binding) => binding.members);
    // The concurrent editor's member survives beside setup's own grants.
    expect(members).toContain('user:someone-else@example.com');
    expect(members).toContain(`serviceAccount:mlops-training@${PROJECT}.iam.gserviceaccount.com`);
  });

  it('plans without credentials in a dry run, against an empty project, and says so', async () => {
    await start();
    const before = googleCalls();
    const run = await setup({ 'dry-run': true }, { GOOGLE_OAUTH_ACCESS_TOKEN: '' });
    expect(run.userError).toBeUndefined();
    expect(run.warnings.join('\n')).toContain('No Google credentials');
    expect(run.infos.join('\n')).toContain(
      '+ projects.locations.workloadIdentityPools.create projects/PROJECT_NUMBER/',
    );
    expect(googleCalls()).toBe(before);
  });

  it('prints the plan as API calls, to a file', async () => {
    await start();
    const dir = await tempDir('setup-gcp-json');
    const file = path.join(dir, 'plan.json');
    const run = await setup({ 'dry-run': true, format: 'json', output: file });
    expect(run.userError).toBeUndefined();
    const plan = JSON.parse(await readFile(file, 'utf8')) as {
      actions: Array<{ service: string; method: string; resource: string; body: unknown }>;
    };
    expect(plan.actions[0]).toMatchObject({
      service: 'serviceusage.googleapis.com',
      method: 'services.batchEnable',
      resource: `projects/${PROJECT}`,
    });
    expect(project?.gcp.snapshot(PROJECT).enabledServices).toEqual([]);
  });

  it('writes Terraform and changes nothing', async () => {
    await start();
    const before = googleCalls();
    const run = await setup({
      format: 'terraform',
      'repository-id': '42',
      'repository-owner-id': '7',
    });
    expect(run.userError).toBeUndefined();
    const text = run.infos.join('\n');
    expect(text).toContain('resource "google_iam_workload_identity_pool_provider"');
    expect(text).toContain("assertion.repository_id == '42'");
    expect(googleCalls()).toBe(before);
  });

  it('takes the repository ids a workflow knows without asking GitHub', async () => {
    const { github } = await start();
    const run = await setup(
      { format: 'terraform', repository: '' },
      {
        GITHUB_REPOSITORY: 'acme/ml',
        GITHUB_REPOSITORY_ID: '77',
        GITHUB_REPOSITORY_OWNER_ID: '88',
      },
    );
    expect(run.userError).toBeUndefined();
    expect(run.infos.join('\n')).toContain("assertion.repository_id == '77'");
    expect(github.requests.all()).toEqual([]);
  });

  it('refuses bad input before any call, naming every problem', async () => {
    await start();
    const before = googleCalls();
    const run = await setup({
      'project-id': 'Acme_ML',
      region: 'us-central9',
      repository: 'https://github.com/acme/ml',
      bucket: 'goog-bucket',
    });
    expect(run.userError?.message).toBe('4 inputs of setup gcp are invalid');
    const details = run.userError?.details.join('\n') ?? '';
    for (const input of ['project-id', 'region', 'repository', 'bucket'])
      expect(details).toContain(`${input}:`);
    expect(googleCalls()).toBe(before);
    expect(project?.github.requests.all()).toEqual([]);
  });

  it('says so when the project does not exist, before changing anything', async () => {
    const { gcp } = await start();
    const run = await setup({ 'project-id': 'acme-typo' });
    expect(run.userError?.message).toContain('There is no project acme-typo, or the caller');
    expect(run.userError?.fix).toContain('gcloud projects list');
    expect(gcp.requests.all().filter((request) => request.method !== 'GET')).toEqual([]);
  });

  it('refuses to apply without credentials, with how to sign in', async () => {
    await start();
    const run = await setup({}, { GOOGLE_OAUTH_ACCESS_TOKEN: '' });
    expect(run.userError?.fix).toContain('gcloud auth application-default login');
  });

  it('agrees with the values the core computes for the same names', async () => {
    await start();
    const run = await setup({ 'dry-run': true });
    const config = resolveSetupInputs({
      projectId: PROJECT,
      region: REGION,
      repository: 'acme/ml',
      repositoryId: String(REPOSITORY_ID),
      repositoryOwnerId: String(OWNER_ID),
    });
    const values = workflowValues(desiredState(config, NUMBER));
    expect(run.outputs['service-account']).toBe(values.GCP_SERVICE_ACCOUNT);
    expect(run.outputs['pipeline-root']).toBe(values.GCP_PIPELINE_ROOT);
  });
});
