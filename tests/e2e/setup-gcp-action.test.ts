import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSecrets, inputs, runMainStep } from '../helpers/action-runner.js';
import { EMPTY_PROJECT, startEmptyProject, type EmptyProject } from '../helpers/empty-project.js';

/**
 * `command: setup-gcp` and then `command: doctor` as workflow steps: dist/main.js run the way
 * the runner runs it (INPUT_* variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY), against the
 * emulated project, with the workflow's own repository ids and an admin's access token.
 */

const PROJECT = EMPTY_PROJECT.projectId;
const GITHUB_TOKEN = EMPTY_PROJECT.githubToken;
const IDS = {
  id: String(EMPTY_PROJECT.repositoryId),
  ownerId: String(EMPTY_PROJECT.repositoryOwnerId),
};

let project: EmptyProject;

beforeAll(async () => {
  project = await startEmptyProject();
});

afterAll(async () => {
  await project?.close();
});

function step(values: Record<string, string>) {
  return runMainStep({
    ...inputs({ 'project-id': PROJECT, region: EMPTY_PROJECT.region, ...values }),
    ...project.env,
    GITHUB_REPOSITORY: 'acme/ml',
    GITHUB_REPOSITORY_ID: IDS.id,
    GITHUB_REPOSITORY_OWNER_ID: IDS.ownerId,
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
    expect(
      project.github.variables('repo:acme/ml').get('GCP_PIPELINE_SERVICE_ACCOUNT')?.value,
    ).toBe(`mlops-pipelines@${PROJECT}.iam.gserviceaccount.com`);
    // The workflow's ids, not a lookup: GitHub was asked for the variables only.
    expect(project.github.requests.all().some((request) => request.path === '/repos/acme/ml')).toBe(
      false,
    );
    const [provider] = Object.values(project.gcp.snapshot(PROJECT).providers);
    expect(provider?.attributeCondition).toContain(`assertion.repository_id == '${IDS.id}'`);

    const doctor = await step({ command: 'doctor', python: '/nonexistent/python3' });
    expect(doctor.result.code, doctor.log).toBe(0);
    expect(doctor.outputs.failed).toBe('0');
    expect(doctor.summary).toContain('Doctor');
  });

  it('fails the step with every invalid input named, before any call', async () => {
    const before = project.gcp.requests.all().length;
    const run = await step({ command: 'setup-gcp', region: 'mars-north1', bucket: 'GOOG' });
    expect(run.result.code).not.toBe(0);
    expect(run.log).toContain('region:');
    expect(run.log).toContain('bucket:');
    expect(project.gcp.requests.all().length).toBe(before);
  });
});
