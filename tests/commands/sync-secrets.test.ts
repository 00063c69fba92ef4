import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { syncSecretsCommand } from '../../src/commands/sync-secrets.js';
import { startGitHubApiEmulator, type GitHubApiEmulator } from '../emulators/github-api.js';
import { tempDir } from '../helpers/paths.js';
import {
  createRecordingHost,
  rawInputsOf,
  runCommand,
  type InputValue,
} from '../helpers/recording-host.js';

/**
 * sync-secrets in-process against the GitHub API emulator, which holds real libsodium keypairs
 * and opens every sealed secret: what arrives must be what the .env file held.
 */

const PAT = 'ghp_test_admin';

let github: GitHubApiEmulator;
let folder: string;

beforeAll(async () => {
  github = await startGitHubApiEmulator({
    repositories: [{ owner: 'acme', name: 'ml', environments: ['production'] }],
  });
});

afterAll(async () => {
  await github?.close();
});

beforeEach(async () => {
  folder = await tempDir('cmd-sync-secrets');
  // A checkout: the if-changed stamp goes to its .git folder, not to ~/.cache.
  execFileSync('git', ['init', '-q'], { cwd: folder });
});

const writes = (): number =>
  github.requests
    .all()
    .filter((request) => ['PUT', 'POST', 'PATCH', 'DELETE'].includes(request.method)).length;

function sync(inputs: Record<string, InputValue>, env: NodeJS.ProcessEnv = {}) {
  return runCommand(syncSecretsCommand, inputs, {
    cwd: folder,
    env: { GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'acme/ml', ...env },
  });
}

describe('sync-secrets (in-process)', () => {
  it('seals secrets, writes variables, masks secret values first, and sets the outputs', async () => {
    await writeFile(
      path.join(folder, '.env'),
      'DB_PASSWORD="multi\nline p@ss"\nAPI_KEY=sk-live-1234567890\nAPP_REGION=europe-west4\n',
    );
    const result = await sync({ 'github-token': PAT, variables: '*_REGION' });
    expect(result.userError).toBeUndefined();
    const secrets = github.secrets('repo:acme/ml');
    expect(secrets.get('DB_PASSWORD')?.value).toBe('multi\nline p@ss');
    expect(secrets.get('API_KEY')?.value).toBe('sk-live-1234567890');
    expect(github.variables('repo:acme/ml').get('APP_REGION')?.value).toBe('europe-west4');
    expect(result.outputs).toMatchObject({ updated: '', unchanged: '', removed: '' });
    expect(result.outputs.added?.split(',').sort()).toEqual([
      'API_KEY',
      'APP_REGION',
      'DB_PASSWORD',
    ]);
    // Secret values and the token are masked; the variable is plain configuration.
    expect(result.masked).toEqual(
      expect.arrayContaining([
        { value: 'multi\nline p@ss', name: 'DB_PASSWORD' },
        { value: 'sk-live-1234567890', name: 'API_KEY' },
        { value: PAT, name: 'github-token' },
      ]),
    );
    expect(result.masked.map((mask) => mask.value)).not.toContain('europe-west4');
    expect(result.groups).toEqual(['Read acme/ml', 'Write to acme/ml']);
    const table = result.tables.at(-1);
    expect(table?.title).toBe('.env → acme/ml');
    expect(table?.rows).toContainEqual(['APP_REGION', 'variable', 'added']);
    // Nothing the Ui was given holds a value.
    const shown = JSON.stringify([result.infos, result.warnings, result.tables]);
    expect(shown).not.toContain('sk-live');
    expect(shown).not.toContain('p@ss');

    // Again: secrets are rewritten, the variable already holds its value.
    const again = await sync({ 'github-token': PAT, variables: '*_REGION' });
    expect(again.outputs.updated?.split(',').sort()).toEqual(['API_KEY', 'DB_PASSWORD']);
    expect(again.outputs.unchanged).toBe('APP_REGION');

    // if-changed: the stamp from the last sync says there is nothing to do.
    const before = writes();
    const skipped = await sync({ 'github-token': PAT, variables: '*_REGION', 'if-changed': true });
    expect(skipped.infos).toEqual([
      '.env is unchanged since its last sync to acme/ml: nothing to do',
    ]);
    expect(writes()).toBe(before);
  });

  it('writes nothing on a dry run, to an environment, and reads the token from the environment', async () => {
    await writeFile(path.join(folder, 'prod.env'), 'MODEL_KEY=abcdefgh12345\n');
    const before = writes();
    const result = await sync(
      { 'env-file': 'prod.env', environment: 'production', 'dry-run': 'true' },
      { GH_TOKEN: PAT },
    );
    expect(result.userError).toBeUndefined();
    expect(result.outputs.added).toBe('MODEL_KEY');
    expect(result.tables.at(-1)?.title).toMatch(/^Dry run: prod\.env → .*production/);
    expect(result.tables.at(-1)?.rows).toEqual([['MODEL_KEY', 'secret', 'would be added']]);
    expect(writes()).toBe(before);
    expect(github.secrets('env:acme/ml/production').size).toBe(0);

    // For real: the environment's own key seals it; a missing environment says how to fix it.
    await writeFile(path.join(folder, '.env'), 'DEPLOY_KEY=env-secret-value\n');
    const written = await sync({ environment: 'production' }, { GH_TOKEN: PAT });
    expect(written.userError?.describe()).toBeUndefined();
    expect(github.secrets('env:acme/ml/production').get('DEPLOY_KEY')?.value).toBe(
      'env-secret-value',
    );
    const missing = await sync({ environment: 'staging' }, { GH_TOKEN: PAT });
    expect(missing.userError?.describe() ?? missing.failure).toContain(
      'Create the environment "staging"',
    );
  });

  it('checks a file without a token or GitHub (check-only)', async () => {
    await writeFile(path.join(folder, '.env'), 'A_VALUE=one\nB_VALUE=two\n');
    const before = github.requests.all().length;
    const result = await sync({ 'check-only': true });
    expect(result.userError).toBeUndefined();
    expect(result.infos).toEqual(['.env: 2 values, all valid for GitHub']);
    expect(github.requests.all().length).toBe(before);
  });

  it('reports every problem of the file in one UserError and contacts no one', async () => {
    await writeFile(
      path.join(folder, '.env'),
      'GOOD=1\nGITHUB_PAT=x\n9LIVES=x\nDOTTED.NAME=x\nGOOD=2\nnot an assignment\n',
    );
    const before = github.requests.all().length;
    const result = await sync({ 'github-token': PAT });
    expect(result.userError?.message).toBe('.env has 5 problems; nothing was written');
    expect(result.userError?.details).toHaveLength(5);
    expect(result.userError?.details).toEqual(
      expect.arrayContaining([
        expect.stringContaining('line 2: GITHUB_PAT: the GITHUB_ prefix is reserved'),
        expect.stringContaining('line 3: 9LIVES: it must not start with a digit'),
        expect.stringContaining(
          'line 4: DOTTED.NAME: only letters, digits and underscores are allowed',
        ),
        expect.stringContaining('line 5: GOOD is also set on line 1'),
        expect.stringContaining('line 6: not KEY=VALUE'),
      ]),
    );
    expect(github.requests.all().length).toBe(before);
  });

  it('refuses bad inputs before contacting GitHub', async () => {
    await writeFile(path.join(folder, '.env'), 'A_VALUE=one\n');
    const before = github.requests.all().length;
    const noToken = await sync({});
    expect(noToken.userError?.message).toBe(
      'sync-secrets needs a GitHub token that may write secrets',
    );
    const both = await sync({ 'github-token': PAT, org: 'acme', environment: 'production' });
    expect(both.userError?.message).toBe('org and environment are both set');
    const repository = await sync({ 'github-token': PAT, repository: 'not a repo' });
    expect(repository.userError?.message).toBe('repository "not a repo" is not OWNER/NAME');
    const missing = await sync({ 'env-file': 'nowhere.env', 'github-token': PAT });
    expect(missing.userError?.message).toMatch(/^Cannot read nowhere\.env/);
    const concurrency = await sync({ 'github-token': PAT, concurrency: '0' });
    expect(concurrency.userError?.message).toBe('Input "concurrency" is "0"');
    expect(github.requests.all().length).toBe(before);
  });

  it('reports every bad input in one UserError, each with its fix', async () => {
    await writeFile(path.join(folder, '.env'), 'A_VALUE=one\n');
    const before = github.requests.all().length;
    const result = await sync({
      org: 'acme',
      environment: 'production',
      concurrency: '0',
      prune: true,
    });
    expect(result.userError?.message).toBe('4 inputs of sync-secrets are invalid');
    expect(result.userError?.details).toEqual([
      expect.stringMatching(/^sync-secrets needs a GitHub token .*\. Fix: Set github-token/),
      expect.stringMatching(/^org and environment are both set\. Fix: Environments belong/),
      expect.stringMatching(
        /^prune deletes secrets and variables, so it needs prune-prefix\. Fix: /,
      ),
      'Input "concurrency" is "0". Fix: Give a whole number of at least 1.',
    ]);
    expect(github.requests.all().length).toBe(before);
  });

  it('parseInputs reads no file and runs no git; the planning phase reports both, before GitHub', async () => {
    const { ui, host } = createRecordingHost();
    const nowhere = '/nonexistent/mlops-sync-secrets';
    const parsed = syncSecretsCommand.parseInputs(
      rawInputsOf({ 'env-file': 'missing.env', 'github-token': PAT }),
      { ui, host, cwd: nowhere, env: {} },
    );
    expect(parsed).toMatchObject({
      envFile: path.join(nowhere, 'missing.env'),
      // No repository given and no workflow's: the git remote is asked in the planning phase.
      target: { level: 'git-remote', environment: undefined },
    });

    // The checkout has no remote "origin", and the file is not there: both, in one report.
    const before = github.requests.all().length;
    const result = await sync(
      { 'env-file': 'missing.env', 'github-token': PAT },
      { GITHUB_REPOSITORY: undefined },
    );
    expect(result.userError?.message).toBe('2 inputs of sync-secrets are invalid');
    expect(result.userError?.details).toEqual([
      expect.stringMatching(/^Cannot read missing\.env: ENOENT\. Fix: Set env-file/),
      expect.stringMatching(/^No repository to sync to\. Fix: Set repository to OWNER\/NAME/),
    ]);
    expect(github.requests.all().length).toBe(before);

    // With the remote, its repository is the target.
    execFileSync('git', ['remote', 'add', 'origin', 'git@github.com:acme/ml.git'], { cwd: folder });
    await writeFile(path.join(folder, 'missing.env'), 'A_VALUE=one\n');
    const dryRun = await sync(
      { 'env-file': 'missing.env', 'github-token': PAT, 'dry-run': true },
      { GITHUB_REPOSITORY: undefined },
    );
    expect(dryRun.userError).toBeUndefined();
    expect(dryRun.tables.at(-1)?.title).toBe('Dry run: missing.env → acme/ml');
  });

  it('refuses secrets from a file git tracks', async () => {
    await writeFile(path.join(folder, '.env'), 'A_SECRET=one-two-three\n');
    execFileSync('git', ['add', '.env'], { cwd: folder });
    const result = await sync({ 'github-token': PAT });
    expect(result.userError?.message).toBe(
      ".env is tracked by git, so its secrets (A_SECRET) are in the repository's history; nothing was written",
    );
  });
});
