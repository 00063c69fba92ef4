import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGitHubApiEmulator, type GitHubApiEmulator } from '../emulators/github-api.js';
import { createRepository, runWorkflow } from '../harness/index.js';
import { expectNoSecrets, inputs, runMainStep } from '../helpers/action-runner.js';
import { mlops } from '../helpers/cli.js';
import { REPO_ROOT, tempDir } from '../helpers/paths.js';

/**
 * sync-secrets through dist/, as the runner runs it, against a GitHub API emulator that holds
 * real libsodium keypairs and opens every sealed secret it receives: what arrives must be what
 * the .env file held.
 */

const PAT = 'ghp_test_admin';
const WORKFLOW_TOKEN = 'ghs_workflow_token';

/** 100 values written every way dotenv allows, with the values they must arrive as. */
function hundredLineEnv(): { text: string; values: Record<string, string> } {
  const values: Record<string, string> = {};
  const lines = ['# Generated for the sync-secrets tests', ''];
  for (let i = 0; i < 100; i++) {
    const name = `APP_VALUE_${String(i).padStart(3, '0')}`;
    switch (i % 10) {
      case 0:
        values[name] = `plain-${i}`;
        lines.push(`${name}=plain-${i}`);
        break;
      case 1:
        values[name] = `exported-${i}`;
        lines.push(`export ${name}=exported-${i}`);
        break;
      case 2:
        values[name] = `  spaced ${i}  `;
        lines.push(`${name}='  spaced ${i}  '`);
        break;
      case 3:
        values[name] = `-----BEGIN KEY-----\nline ${i}\n-----END KEY-----`;
        lines.push(`${name}="-----BEGIN KEY-----`, `line ${i}`, `-----END KEY-----"`);
        break;
      case 4:
        values[name] = `first\nsecond ${i}`;
        lines.push(`${name}="first\\nsecond ${i}"`);
        break;
      case 5:
        values[name] = `pa#ss-${i}`;
        lines.push(`${name}="pa#ss-${i}" # the comment goes, the hash stays`);
        break;
      case 6:
        values[name] = `héllo wörld ✓ ${i}`;
        lines.push(`${name}=héllo wörld ✓ ${i}`);
        break;
      case 7:
        values[name] = `{"json": ${i}, "nested": {"ok": true}}`;
        lines.push(`${name}='{"json": ${i}, "nested": {"ok": true}}'`);
        break;
      case 8:
        values[name] = `trimmed-${i}`;
        lines.push(`${name}=   trimmed-${i}   `);
        break;
      default:
        values[name] = `$(echo not-run-${i})`;
        lines.push(`${name}=$(echo not-run-${i})`);
        lines.push(`# comment after ${name}`);
    }
  }
  return { text: `${lines.join('\n')}\n`, values };
}

describe('sync-secrets through dist/', () => {
  let github: GitHubApiEmulator;
  let folder: string;

  beforeAll(async () => {
    github = await startGitHubApiEmulator({
      repositories: [
        { owner: 'acme', name: 'ml', environments: ['production'] },
        { owner: 'acme', name: 'bulk' },
      ],
      tokens: {
        [PAT]: {
          kind: 'pat',
          permissions: {
            secrets: 'write',
            variables: 'write',
            environments: 'write',
            organization_secrets: 'write',
            organization_variables: 'write',
          },
        },
        [WORKFLOW_TOKEN]: { kind: 'github-token', permissions: { contents: 'read' } },
      },
    });
  });

  afterAll(async () => {
    await github?.close();
  });

  beforeEach(async () => {
    folder = await tempDir('sync-secrets');
  });

  async function step(values: Record<string, string>, env: Record<string, string> = {}) {
    return runMainStep({
      GITHUB_WORKSPACE: folder,
      GITHUB_REPOSITORY: 'acme/ml',
      GITHUB_API_URL: github.url,
      ...env,
      ...inputs({ command: 'sync-secrets', 'github-token': PAT, ...values }),
    });
  }

  const writes = (): number =>
    github.requests
      .all()
      .filter((request) => ['PUT', 'POST', 'PATCH', 'DELETE'].includes(request.method)).length;

  it('writes 100 values from a .env with every syntax; each arrives exactly as the file held it', async () => {
    const { text, values } = hundredLineEnv();
    await writeFile(path.join(folder, '.env'), text);
    const run = await step({ repository: 'acme/bulk' });
    expect(run.result.code, run.log).toBe(0);
    const stored = github.secrets('repo:acme/bulk');
    expect(stored.size).toBe(100);
    for (const [name, value] of Object.entries(values))
      expect(stored.get(name)?.value, name).toBe(value);
    // Values are masked before anything prints, and never printed anyway.
    expectNoSecrets(
      run.log,
      Object.values(values).filter((value) => value.length >= 8),
    );
    expect(run.outputs.added?.split(',')).toHaveLength(100);
    expect(run.summary).toContain('APP_VALUE_042');
    expect(run.summary).not.toContain('héllo');

    // Again: secrets cannot be read back, so they are rewritten (204, "updated").
    const again = await step({ repository: 'acme/bulk' });
    expect(again.result.code, again.log).toBe(0);
    expect(again.outputs.updated?.split(',')).toHaveLength(100);
    expect(again.outputs.added).toBe('');

    // One more would pass GitHub's 100 per repository: refused before any write.
    await writeFile(path.join(folder, '.env'), `${text}APP_ONE_TOO_MANY=x-value\n`);
    const before = writes();
    const full = await step({ repository: 'acme/bulk' });
    expect(full.result.code).not.toBe(0);
    expect(full.log).toContain('acme/bulk would have 101 secrets; GitHub allows 100');
    expect(writes()).toBe(before);
  }, 60_000);

  it('reports a quote that never closes with its line, among the other problems, and exits 2', async () => {
    await writeFile(
      path.join(folder, '.env'),
      'DB_PASSWORD="abc\nDB_USER=admin\nDB_HOST=db.internal\nGITHUB_PAT=x\n',
    );
    const check = await mlops(['sync-secrets', '--check-only'], { cwd: folder });
    expect(check.code).toBe(2);
    expect(check.stderr).toContain('error: .env has 2 problems; nothing was written');
    expect(check.stderr).toContain(
      '  - line 1: DB_PASSWORD: its opening " is never closed (a quoted value ends with " at the end of its last line)',
    );
    expect(check.stderr).toContain('  - line 4: GITHUB_PAT: the GITHUB_ prefix is reserved');
    expect(check.stderr).toContain('Fix: ');
  });

  it('does not mask values too short to hide, and says so by name', async () => {
    await writeFile(
      path.join(folder, '.env'),
      'PER_PAGE=1\nAPP_JSON="{\n  \\"key\\": \\"value-1234\\"\n}"\nAPP_SECRET=long-enough\n',
    );
    const run = await step({ 'dry-run': 'true' });
    expect(run.result.code, run.log).toBe(0);
    const masks = run.log
      .split('\n')
      .filter((line) => line.startsWith('::add-mask::'))
      .map((line) => line.slice('::add-mask::'.length));
    const value = '{\n  \\"key\\": \\"value-1234\\"\n}';
    expect(masks).toEqual([
      // The token first (parseInputs), then the file's values (read by the planning phase).
      PAT,
      '{%0A  \\"key\\": \\"value-1234\\"%0A}',
      // The JSON-escaped form, one line, as an error dump would print it.
      JSON.stringify(value).slice(1, -1),
      '\\"key\\": \\"value-1234\\"',
      'long-enough',
    ]);
    expect(run.log).toContain(
      '::warning::PER_PAGE is not masked in the log: values under 4 characters cannot be hidden without hiding every other occurrence of the same characters',
    );
  });

  it('names a network failure (exit 1, with its Fix) and fails fast on one that will not heal (offline)', async () => {
    await writeFile(path.join(folder, '.env'), 'OFFLINE_SECRET=never-sent\n');
    const offline = (code: string) => {
      const started = Date.now();
      return mlops(['sync-secrets', '--repository', 'acme/ml'], {
        cwd: folder,
        env: {
          GH_TOKEN: PAT,
          GITHUB_API_URL: 'https://api.github.com',
          NODE_OPTIONS: `--import ${path.join(REPO_ROOT, 'tests/fixtures/network/dns-failure.mjs')}`,
          MLOPS_TEST_DNS_FAILURE: code,
        },
      }).then((result) => ({ ...result, seconds: (Date.now() - started) / 1000 }));
    };
    const notFound = await offline('ENOTFOUND');
    expect(notFound.code).toBe(1);
    expect(notFound.stderr).toContain(
      'Cannot reach api.github.com: DNS lookup failed (ENOTFOUND) — are you offline?',
    );
    expect(notFound.stderr).toContain('Fix: ');
    expect(notFound.stderr).not.toContain('retrying');
    expect(notFound.stderr).not.toContain('HTTP 500');
    expect(notFound.seconds).toBeLessThan(5);

    // A lookup that may succeed in a moment is tried again, briefly.
    const again = await offline('EAI_AGAIN');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(
      'Cannot reach api.github.com: DNS lookup failed (EAI_AGAIN) — are you offline?',
    );
    expect(again.stderr).toMatch(/DNS lookup failed \(EAI_AGAIN\) on GET .*; retrying in 1s/);
    expect(again.stderr).not.toContain('HTTP 500');
    expect(again.seconds).toBeLessThan(8);

    // A remote failure exits 1 (above); a bad input, under the same network, still exits 2.
    const badInput = await mlops(['sync-secrets', '--repository', 'not-a-repo'], {
      cwd: folder,
      env: {
        GH_TOKEN: PAT,
        GITHUB_API_URL: 'https://api.github.com',
        NODE_OPTIONS: `--import ${path.join(REPO_ROOT, 'tests/fixtures/network/dns-failure.mjs')}`,
        MLOPS_TEST_DNS_FAILURE: 'ENOTFOUND',
      },
    });
    expect(badInput.code, badInput.stderr).toBe(2);
    expect(badInput.stderr).toContain('repository "not-a-repo" is not OWNER/NAME');
  });

  it('dry-run shows the name-level diff and writes nothing; variables are compared by value', async () => {
    github.setSecret('repo:acme/ml', 'DRY_EXISTING', 'old');
    github.setVariable('repo:acme/ml', 'DRY_REGION', 'europe-west4');
    github.setVariable('repo:acme/ml', 'DRY_BUCKET', 'gs://old');
    await writeFile(
      path.join(folder, '.env'),
      'DRY_EXISTING=new\nDRY_NEW=fresh-value\nDRY_REGION=europe-west4\nDRY_BUCKET=gs://new\n',
    );
    const before = writes();
    const run = await step({ 'dry-run': 'true', variables: 'DRY_REGION\nDRY_BUCKET' });
    expect(run.result.code, run.log).toBe(0);
    expect(writes()).toBe(before);
    expect(run.outputs).toMatchObject({
      added: 'DRY_NEW',
      updated: 'DRY_EXISTING,DRY_BUCKET',
      unchanged: 'DRY_REGION',
    });
    expect(run.summary).toContain('would be added');
    expect(github.secrets('repo:acme/ml').get('DRY_EXISTING')?.value).toBe('old');

    const real = await step({ variables: 'DRY_*' });
    expect(real.result.code, real.log).toBe(0);
    expect(github.variables('repo:acme/ml').get('DRY_BUCKET')?.value).toBe('gs://new');
    expect(github.variables('repo:acme/ml').get('DRY_NEW')?.value).toBe('fresh-value');
    expect(real.outputs.unchanged).toBe('DRY_REGION');
  });

  it('prune deletes only names under its prefix that the file no longer has', async () => {
    github.setSecret('repo:acme/ml', 'PRUNE_GONE', 'x');
    github.setSecret('repo:acme/ml', 'PRUNE_KEPT', 'x');
    github.setSecret('repo:acme/ml', 'UNRELATED_SECRET', 'x');
    await writeFile(path.join(folder, '.env'), 'PRUNE_KEPT=still-here\n');
    const refused = await step({ prune: 'true' });
    expect(refused.result.code).not.toBe(0);
    expect(refused.log).toContain('prune deletes secrets and variables, so it needs prune-prefix');
    const run = await step({ prune: 'true', 'prune-prefix': 'PRUNE_' });
    expect(run.result.code, run.log).toBe(0);
    const names = [...github.secrets('repo:acme/ml').keys()];
    expect(names).toContain('PRUNE_KEPT');
    expect(names).toContain('UNRELATED_SECRET');
    expect(names).not.toContain('PRUNE_GONE');
    expect(run.outputs.removed).toBe('PRUNE_GONE');
  });

  it('writes to an organization with its own key', async () => {
    // Writing to an environment (and a missing one) is in tests/commands/sync-secrets.test.ts.
    await writeFile(path.join(folder, '.env'), 'DEPLOY_KEY=env-secret-value\n');
    const org = await step({ org: 'acme', visibility: 'all' });
    expect(org.result.code, org.log).toBe(0);
    expect(github.secrets('org:acme').get('DEPLOY_KEY')).toMatchObject({
      value: 'env-secret-value',
      visibility: 'all',
    });
  });

  it('says GITHUB_TOKEN cannot write secrets, and rides out secondary rate limits', async () => {
    await writeFile(path.join(folder, '.env'), 'LIMITED_A=value-a\nLIMITED_B=value-b\n');
    const refused = await step({ 'github-token': WORKFLOW_TOKEN });
    expect(refused.result.code).not.toBe(0);
    expect(refused.log).toContain('Resource not accessible by integration');
    expect(refused.log).toContain('GITHUB_TOKEN can never write secrets or variables');

    github.failNext('secondary-rate-limit', 2, { retryAfterSeconds: 1, method: 'PUT' });
    const limited = await step({});
    expect(limited.result.code, limited.log).toBe(0);
    expect(limited.log).toContain('secondary rate limit');
    expect(github.secrets('repo:acme/ml').get('LIMITED_B')?.value).toBe('value-b');
  }, 30_000);

  it('refuses to write secrets from a file git tracks, and still syncs its variables', async () => {
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: folder });
    git('init', '--quiet');
    await writeFile(
      path.join(folder, 'production.env'),
      'GCP_REGION=europe-west4\nDB_PASSWORD=hunter22\n',
    );
    git('add', 'production.env');
    git('commit', '--quiet', '--message', 'settings');
    const before = writes();
    const refused = await step({ 'env-file': 'production.env', variables: 'GCP_*' });
    expect(refused.result.code).not.toBe(0);
    expect(refused.log).toContain('production.env is tracked by git');
    expect(refused.log).toContain('DB_PASSWORD');
    expect(refused.log).toContain('git rm --cached production.env');
    expect(refused.log).toMatch(/rotate/i);
    expectNoSecrets(refused.log, ['hunter22']);
    expect(writes()).toBe(before);

    // Only plain variables from a committed file: allowed (the sync-settings workflow does this).
    const variables = await step({
      'env-file': 'production.env',
      variables: 'GCP_*',
      exclude: 'DB_*',
    });
    expect(variables.result.code, variables.log).toBe(0);
    expect(github.variables('repo:acme/ml').get('GCP_REGION')?.value).toBe('europe-west4');
    expect(github.secrets('repo:acme/ml').has('DB_PASSWORD')).toBe(false);

    // Untracked (and ignored), the same file syncs its secrets.
    await writeFile(path.join(folder, '.gitignore'), 'production.env\n');
    git('rm', '--cached', '--quiet', 'production.env');
    const synced = await step({ 'env-file': 'production.env', variables: 'GCP_*' });
    expect(synced.result.code, synced.log).toBe(0);
    expect(github.secrets('repo:acme/ml').get('DB_PASSWORD')?.value).toBe('hunter22');
  }, 30_000);

  it('the reusable workflow syncs secret values from a secret, never from the checkout', async () => {
    const caller = (contents: string) =>
      [
        'name: Sync secrets',
        'on: workflow_dispatch',
        'jobs:',
        '  sync:',
        '    uses: mlops-platform/mlops-platform/.github/workflows/mlops-sync-secrets.yml@v0',
        '    with:',
        '      env-file: config/production.env',
        '    secrets:',
        '      token: ${{ secrets.SYNC_TOKEN }}',
        ...(contents ? [`      env-file-contents: ${contents}`] : []),
        '',
      ].join('\n');
    const repository = await createRepository({
      files: {
        // The seed project's way: a committed production.env. Refused, with the fix.
        'config/production.env': 'WORKFLOW_DB_PASSWORD=committed-value\n',
        '.github/workflows/committed.yml': caller(''),
        '.github/workflows/from-secret.yml': caller('${{ secrets.MLOPS_ENV }}'),
      },
    });
    const run = (workflow: string) =>
      runWorkflow({
        repository,
        workflow: `.github/workflows/${workflow}`,
        event: { name: 'workflow_dispatch' },
        secrets: { SYNC_TOKEN: PAT, MLOPS_ENV: 'WORKFLOW_DB_PASSWORD="from the secret"\n' },
        github,
        actionRepository: 'mlops-platform/mlops-platform',
      });
    const committed = await run('committed.yml');
    expect(committed.conclusion).toBe('failure');
    expect(committed.log).toContain('config/production.env is tracked by git');
    expect(github.secrets('repo:acme/ml').has('WORKFLOW_DB_PASSWORD')).toBe(false);

    const fromSecret = await run('from-secret.yml');
    expect(fromSecret.conclusion, fromSecret.log).toBe('success');
    expect(github.secrets('repo:acme/ml').get('WORKFLOW_DB_PASSWORD')?.value).toBe(
      'from the secret',
    );
    expectNoSecrets(fromSecret.log, ['from the secret', PAT]);
  }, 60_000);

  it('the CLI reads GH_TOKEN and writes the file', async () => {
    // check-only, dry-run, GH_TOKEN and --if-changed are in tests/commands/sync-secrets.test.ts.
    await writeFile(path.join(folder, '.env'), 'CLI_SECRET=from-the-cli\n');
    const env = { GH_TOKEN: PAT, GITHUB_API_URL: github.url };
    const args = ['sync-secrets', '.env', '--repository', 'acme/ml'];
    const first = await mlops(args, { cwd: folder, env });
    expect(first.code, first.stderr).toBe(0);
    expect(github.secrets('repo:acme/ml').get('CLI_SECRET')?.value).toBe('from-the-cli');
  });
});
