import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createRepository, runWorkflow } from './harness/index.js';
import type { WorkflowRun } from './harness/index.js';
import { REPO_ROOT, tempDir } from './helpers/paths.js';

/**
 * The release: .github/workflows/release.yml refuses, before anything is tagged or published, a
 * version that package.json or CHANGELOG.md does not name (run by the workflow harness), and
 * scripts/release-check.mjs, which makes that check, gives the release notes and tags.
 */

const WORKFLOW = '.github/workflows/release.yml';
const CHECK_SCRIPT = readFileSync(path.join(REPO_ROOT, 'scripts/release-check.mjs'), 'utf8');
const CHANGELOG = [
  '# Changelog',
  '',
  '## Unreleased',
  '',
  '## 0.2.0 - 2026-12-05',
  '',
  '### Added',
  '',
  '- Something new.',
  '',
  '## 0.1.0',
  '',
  'The first version.',
  '',
].join('\n');

function files(version: string, changelog = CHANGELOG): Record<string, string> {
  return {
    [WORKFLOW]: readFileSync(path.join(REPO_ROOT, WORKFLOW), 'utf8'),
    'scripts/release-check.mjs': CHECK_SCRIPT,
    'package.json': `${JSON.stringify({ name: 'mlops-platform', version, type: 'module' }, null, 2)}\n`,
    'CHANGELOG.md': changelog,
  };
}

async function release(
  version: string,
  repositoryFiles: Record<string, string>,
  ref?: string,
): Promise<WorkflowRun> {
  const repository = await createRepository({ files: repositoryFiles });
  return runWorkflow({
    repository: ref ? { ...repository, ref } : repository,
    workflow: WORKFLOW,
    event: { name: 'workflow_dispatch' },
    inputs: { version },
    actionRepository: 'mlops-platform/mlops-platform',
    secrets: { NPM_TOKEN: 'npm_not-a-real-token' },
  });
}

/** A run refused at the check: nothing after it ran. Returns the error annotations. */
function refusal(run: WorkflowRun): string[] {
  expect(run.conclusion, run.log).toBe('failure');
  expect(run.jobs.get('check')?.result, run.log).toBe('failure');
  const check = run.jobs.get('check')?.steps.find((s) => s.name === 'Version and changelog');
  expect(check?.outcome, run.log).toBe('failure');
  // Nothing after the check ran: no tests, no tag, no release, no publish.
  const later = run.jobs.get('check')?.steps.slice(2) ?? [];
  expect(later.map((s) => s.outcome)).toEqual(later.map(() => 'skipped'));
  expect(run.jobs.get('release')?.result).toBe('skipped');
  expect(run.jobs.get('npm')?.result).toBe('skipped');
  return run.annotations.filter((a) => a.level === 'error').map((a) => a.message);
}

describe('release.yml (run by the workflow harness)', () => {
  it('refuses a version package.json does not have, before testing, tagging or publishing', async () => {
    expect(refusal(await release('0.2.0', files('0.1.0')))).toContain(
      'package.json has version 0.1.0, not 0.2.0',
    );
  });

  it('refuses a version CHANGELOG.md has no section for', async () => {
    expect(refusal(await release('0.3.0', files('0.3.0')))).toContain(
      'CHANGELOG.md has no "## 0.3.0" section',
    );
  });

  it('refuses a version that is not x.y.z', async () => {
    expect(refusal(await release('v0.2.0', files('0.2.0')))).toContain(
      '"v0.2.0" is not a version to release',
    );
  });

  it('passes a version both name on to the release job as tag and channel', async () => {
    const run = await release('0.2.0', {
      ...files('0.2.0'),
      // Stand-ins for the merge gate's script and the dist/ check, which the real repository runs.
      '.ci/run': 'echo "tests pass"\n',
      'package.json': `${JSON.stringify(
        {
          name: 'mlops-platform',
          version: '0.2.0',
          type: 'module',
          scripts: { 'check-dist': 'echo "dist/ is up to date"' },
        },
        null,
        2,
      )}\n`,
    });
    expect(run.jobs.get('check')?.result, run.log).toBe('success');
    expect(run.jobs.get('check')?.outputs).toEqual({ tag: 'v0.2.0', channel: 'v0' });
    const tagging = run.jobs.get('release');
    expect(
      tagging?.steps.find((s) => s.name === 'Release notes from CHANGELOG.md')?.outcome,
      run.log,
    ).toBe('success');
    expect(tagging?.steps.map((s) => s.name)).toContain('Tag v0.2.0, release it and move v0');
  });

  it('runs only on the default branch', async () => {
    const run = await release('0.2.0', files('0.2.0'), 'refs/heads/feature');
    expect(run.jobs.get('check')?.result, run.log).toBe('skipped');
    expect(run.jobs.get('release')?.result).toBe('skipped');
    expect(run.jobs.get('npm')?.result).toBe('skipped');
  });

  it('grants contents: write only to the release job and id-token: write only to npm', () => {
    const workflow = parse(readFileSync(path.join(REPO_ROOT, WORKFLOW), 'utf8')) as {
      permissions: Record<string, string>;
      jobs: Record<
        string,
        {
          permissions: Record<string, string>;
          steps: Array<{ uses?: string; with?: Record<string, unknown>; env?: object }>;
        }
      >;
    };
    expect(workflow.permissions).toEqual({});
    expect(workflow.jobs.check?.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.release?.permissions).toEqual({ contents: 'write' });
    expect(workflow.jobs.npm?.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    for (const job of Object.values(workflow.jobs)) {
      for (const step of job.steps.filter((s) => s.uses?.startsWith('actions/checkout@')))
        expect(step.with?.['persist-credentials']).toBe(false);
      // The tokens are in the environment of the one step that uses each.
      const tokens = job.steps.filter((s) =>
        /GH_TOKEN|NPM_TOKEN/.test(JSON.stringify(s.env ?? {})),
      );
      expect(tokens.length).toBeLessThanOrEqual(1);
    }
  });
});

describe('scripts/release-check.mjs', () => {
  async function check(
    version: string,
    repositoryFiles: Record<string, string>,
    extra: string[] = [],
  ): Promise<{ code: number; stdout: string; stderr: string; dir: string; outputs: string }> {
    const dir = await tempDir('release-check');
    for (const [file, content] of Object.entries(repositoryFiles)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), content);
    }
    const outputs = path.join(dir, 'github-output');
    await writeFile(outputs, '');
    const result = spawnSync(
      process.execPath,
      [path.join(dir, 'scripts/release-check.mjs'), version, ...extra],
      { cwd: dir, encoding: 'utf8', env: { ...process.env, GITHUB_OUTPUT: outputs } },
    );
    return {
      code: result.status ?? -1,
      stdout: result.stdout,
      stderr: result.stderr,
      dir,
      outputs: await readFile(outputs, 'utf8'),
    };
  }

  it('agrees when package.json and CHANGELOG.md name the version, giving the notes, tag and channel', async () => {
    const result = await check('0.2.0', files('0.2.0'), ['--notes', 'notes.md']);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('Release v0.2.0 (moves v0)');
    expect(await readFile(path.join(result.dir, 'notes.md'), 'utf8')).toBe(
      '### Added\n\n- Something new.\n',
    );
    expect(result.outputs).toBe('tag=v0.2.0\nchannel=v0\n');
  });

  it('refuses an empty section and says how to fix a mismatch', async () => {
    const empty = await check(
      '0.2.0',
      files('0.2.0', '# Changelog\n\n## 0.2.0\n\n## 0.1.0\n\nFirst.\n'),
    );
    expect(empty.code).toBe(1);
    expect(empty.stdout).toContain(
      '::error title=Release refused::CHANGELOG.md\'s "## 0.2.0" section is empty',
    );
    const mismatch = await check('0.2.0', files('0.1.0'));
    expect(mismatch.code).toBe(1);
    expect(mismatch.stderr).toContain('Fix: Set "version": "0.2.0" in package.json');
    expect(mismatch.outputs).toBe('');
  });

  it("agrees with this repository's package.json and CHANGELOG.md for its released version", () => {
    const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    const result = spawnSync(process.execPath, ['scripts/release-check.mjs', version], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, GITHUB_OUTPUT: '' },
    });
    expect(result.status, result.stdout).toBe(0);
  });
});
