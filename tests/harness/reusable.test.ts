import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGitHubApiEmulator, type GitHubApiEmulator } from '../emulators/github-api.js';
import { startGitHubOidc } from '../emulators/github-oidc.js';
import { expectNoSecrets } from '../helpers/action-runner.js';
import { fixtureRepository, job, runFixture, step } from './test-fixtures.js';
import type { RepositoryUnderTest } from './types.js';

/**
 * Reusable workflow calls, environment-scoped variables and secrets, and GITHUB_TOKEN / OIDC
 * permissions, as GitHub applies them.
 */

const DEPLOY_TOKEN = 'deploy-token-0123456789';
const ENV_SECRET = 'environment-secret-abcdef';
const OIDC = {
  requestUrl: 'http://127.0.0.1:9/_apis/idtoken',
  requestToken: 'oidc-request-token-42',
};

describe('the workflow harness: reusable workflows, environments, permissions', () => {
  let repository: RepositoryUnderTest;
  let github: GitHubApiEmulator;

  beforeAll(async () => {
    repository = await fixtureRepository([
      'called.yml',
      'caller.yml',
      'caller-undeclared.yml',
      'caller-remote.yml',
      'caller-environment.yml',
      'environments.yml',
      'permissions.yml',
      'called-greedy.yml',
      'caller-stingy.yml',
      'oidc-claims.yml',
    ]);
    github = await startGitHubApiEmulator();
  });

  afterAll(async () => {
    await github?.close();
  });

  it('passes with: and secrets: to the called workflow and returns its outputs', async () => {
    const run = await runFixture(repository, 'caller.yml', {
      vars: { LABEL: 'blue' },
      secrets: { DEPLOY_TOKEN },
    });
    expect(run.conclusion, run.log).toBe('success');
    expect([...run.jobs.keys()]).toEqual(['call/work', 'call', 'inherit/work', 'inherit', 'after']);
    const work = job(run, 'call/work');
    expect(work.outputs).toEqual({ result: `blue-true-${DEPLOY_TOKEN.length}` });
    expect(run.annotations).toContainEqual({
      level: 'warning',
      message: "Skip output 'leaked' since it may contain secret.",
      job: 'call/work',
    });
    // github.workflow is the caller's; the boolean input arrives typed.
    expect(step(run, 'call/work', 'compute').log).toContain(
      'the token is ***, workflow Caller, inputs.flag is a boolean true',
    );
    expect(job(run, 'call')).toMatchObject({
      outputs: { result: `blue-true-${DEPLOY_TOKEN.length}` },
      uses: './.github/workflows/called.yml',
      pin: 'local',
      permissions: expect.objectContaining({ contents: 'read', checks: 'none' }) as unknown,
    });
    expect(job(run, 'after').steps[0]?.log).toContain(`got blue-true-${DEPLOY_TOKEN.length}`);
    // secrets: inherit passes the caller's secrets under their own names: no `token` among them.
    expect(job(run, 'inherit/work').outputs).toEqual({ result: 'inherited-false-0', leaked: '' });
    expectNoSecrets(run.log, [DEPLOY_TOKEN]);
  });

  it('rejects a with: input the called workflow does not declare, before any job runs', async () => {
    const local = await runFixture(repository, 'caller-undeclared.yml');
    expect(local.jobs.size).toBe(0);
    expect(local.errors).toEqual([
      '.github/workflows/caller-undeclared.yml (Line: 8, Col: 15): Invalid input, colour is not defined in the referenced workflow.',
    ]);
    // OWNER/REPO/.github/workflows/X.yml@REF of the action's repository is this repository's file.
    const remote = await runFixture(repository, 'caller-remote.yml');
    expect(remote.errors).toEqual([
      '.github/workflows/caller-remote.yml (Line: 8, Col: 21): Invalid input, not-an-input is not defined in the referenced workflow.',
    ]);
  });

  it('refuses environment: on a job that calls a reusable workflow', async () => {
    const run = await runFixture(repository, 'caller-environment.yml');
    expect(run.errors).toEqual([
      ".github/workflows/caller-environment.yml (Line: 6, Col: 5): Unexpected value 'environment'",
    ]);
  });

  it("shows an environment's variables and secrets only to jobs that declare it", async () => {
    const run = await runFixture(repository, 'environments.yml', {
      vars: { PROJECT: 'acme', TARGET: 'production' },
      environments: { production: { vars: { REGION: 'europe-west4' }, secrets: { ENV_SECRET } } },
    });
    expect(run.conclusion, run.log).toBe('success');
    // A caller job reading vars.REGION sees the repository's variables only.
    expect(job(run, 'caller-level').outputs).toEqual({ result: 'region=-false-4' });
    expect(job(run, 'plain').steps[0]?.log).toContain('region=[] project=[acme] secret=[]');
    const deploy = job(run, 'deploy');
    expect(deploy).toMatchObject({ environment: 'production', concurrency: 'deploy-acme' });
    expect(deploy.steps[0]?.log).toContain(
      `region=[europe-west4] project=[acme] secret-length=${ENV_SECRET.length}`,
    );
  });

  it('gives each job a GITHUB_TOKEN with exactly its permissions, and OIDC only with id-token: write', async () => {
    const run = await runFixture(repository, 'permissions.yml', { github, oidc: OIDC });
    expect(run.conclusion, run.log).toBe('success');
    expect(job(run, 'reader').permissions).toMatchObject({ contents: 'read', checks: 'none' });
    expect(step(run, 'reader', 'probe').outputs).toEqual({
      'oidc-url': 'none',
      'check-run': '403',
    });
    expect(job(run, 'checker').permissions).toMatchObject({
      contents: 'none',
      checks: 'write',
      'id-token': 'write',
    });
    expect(step(run, 'checker', 'probe').outputs).toEqual({
      'oidc-url': OIDC.requestUrl,
      'check-run': '201',
    });
    expect(github.checkRuns('acme/ml')).toHaveLength(1);
    expectNoSecrets(run.log, [OIDC.requestToken]);
  });

  it("gives each job OIDC tokens with its own claims: the environment's subject only in the job that names it", async () => {
    const oidc = await startGitHubOidc({ repository: 'acme/ml' });
    try {
      const claimsOf = (run: Awaited<ReturnType<typeof runFixture>>, id: string) =>
        JSON.parse(
          Buffer.from(step(run, id, 'token').outputs.claims ?? '', 'base64url').toString(),
        ) as Record<string, unknown>;
      const options = { oidc, environments: { production: {} } };
      const push = await runFixture(repository, 'oidc-claims.yml', options);
      expect(push.conclusion, push.log).toBe('success');
      expect(claimsOf(push, 'train')).toMatchObject({
        sub: `repo:acme/ml:ref:${repository.ref}`,
        ref: repository.ref,
        sha: repository.sha,
        event_name: 'push',
        aud: 'probe',
      });
      expect(claimsOf(push, 'train').environment).toBeUndefined();
      expect(claimsOf(push, 'deploy')).toMatchObject({
        sub: 'repo:acme/ml:environment:production',
        environment: 'production',
        ref: repository.ref,
      });
      const pr = await runFixture(repository, 'oidc-claims.yml', {
        ...options,
        event: { name: 'pull_request', payload: { pull_request: { number: 3 } } },
      });
      expect(claimsOf(pr, 'train')).toMatchObject({
        sub: 'repo:acme/ml:pull_request',
        event_name: 'pull_request',
      });
      expect(claimsOf(pr, 'deploy').sub).toBe('repo:acme/ml:environment:production');
      expectNoSecrets(push.log + pr.log, [oidc.requestToken]);
    } finally {
      await oidc.close();
    }
  });

  it('caps a pull request from a fork at read and passes it no secrets', async () => {
    const event = {
      name: 'pull_request' as const,
      payload: { pull_request: { number: 7, head: { repo: { full_name: 'someone/ml' } } } },
    };
    const permissions = await runFixture(repository, 'permissions.yml', {
      github,
      oidc: OIDC,
      event,
    });
    expect(job(permissions, 'checker').permissions).toMatchObject({
      checks: 'read',
      'id-token': 'read',
    });
    expect(step(permissions, 'checker', 'probe').outputs).toEqual({
      'oidc-url': 'none',
      'check-run': '403',
    });
    const secrets = await runFixture(repository, 'caller.yml', {
      vars: { LABEL: 'blue' },
      secrets: { DEPLOY_TOKEN },
      event,
    });
    expect(job(secrets, 'call').outputs).toEqual({ result: 'blue-true-0' });
  });

  it('fails at startup when a called job asks for more than its caller grants', async () => {
    const run = await runFixture(repository, 'caller-stingy.yml');
    expect(run.jobs.size).toBe(0);
    expect(run.errors).toEqual([
      "Error calling workflow './.github/workflows/called-greedy.yml'. The nested job 'greedy' is requesting 'id-token: write', but is only allowed 'id-token: none'.",
    ]);
  });
});
