import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startGitHubApiEmulator, type GitHubApiEmulator } from '../emulators/github-api.js';
import { inputs, runMainStep } from '../helpers/action-runner.js';
import { REPO_ROOT, tempDir } from '../helpers/paths.js';
import { PYTHON, pythonWithSklearn } from '../helpers/services.js';

/**
 * The reusable PR-check workflow, run as the runner would run its job: each step that uses the
 * action gets the inputs its own `with:` block gives (expressions filled from the call's inputs
 * and the earlier steps' outputs), and runs dist/main.js. So the workflow file itself is tested,
 * not a copy of it.
 */

interface Step {
  id?: string;
  uses?: string;
  if?: string;
  with?: Record<string, unknown>;
}

const HEAD = 'feed'.padEnd(40, '2');
const TOKEN = 'ghs_workflow_token';

/** `${{ a.b.c }}` lookups, the only expressions the action steps of this workflow use. */
function interpolate(value: unknown, context: Record<string, unknown>): string {
  return String(value).replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, expression: string) => {
    let current: unknown = context;
    for (const part of expression.split('.'))
      current = (current as Record<string, unknown> | undefined)?.[part];
    if (typeof current !== 'string' && typeof current !== 'number' && typeof current !== 'boolean')
      throw new Error(`the test does not know ${expression}`);
    return String(current);
  });
}

describe.skipIf(!pythonWithSklearn())('the mlops-pr-check workflow, step by step', () => {
  let github: GitHubApiEmulator;

  beforeAll(async () => {
    github = await startGitHubApiEmulator({
      tokens: {
        [TOKEN]: { kind: 'github-token', permissions: { checks: 'write', pull_requests: 'write' } },
      },
    });
  });

  afterAll(async () => {
    await github?.close();
  });

  it('compiles, validates, runs the reference pipeline and posts the gate on the PR', async () => {
    const workflow = parse(
      readFileSync(path.join(REPO_ROOT, '.github/workflows/mlops-pr-check.yml'), 'utf8'),
    ) as { jobs: { local: { steps: Step[] } } };
    const workspace = REPO_ROOT;
    const temp = await tempDir('pr-check-runner');
    const event = path.join(temp, 'event.json');
    await writeFile(
      event,
      JSON.stringify({
        pull_request: {
          number: 12,
          head: { sha: HEAD, repo: { full_name: 'acme/ml' } },
          base: { repo: { full_name: 'acme/ml' } },
        },
      }),
    );
    const context: Record<string, unknown> = {
      inputs: {
        pipeline: 'pipelines/training-pipeline.yaml',
        params: 'min_accuracy=0.8',
        rules: 'accuracy >= 0.8',
        'champion-metrics': '',
        'check-name': 'model quality',
        'python-requirements': '',
      },
      runner: { temp },
      github: { token: TOKEN },
      steps: {},
    };
    let ran = 0;
    for (const step of workflow.jobs.local.steps) {
      if (!step.uses?.startsWith('mlops-platform/mlops-platform@')) continue;
      const values = Object.fromEntries(
        Object.entries(step.with ?? {}).map(([key, value]) => [key, interpolate(value, context)]),
      );
      const { result, outputs } = await runMainStep({
        GITHUB_WORKSPACE: workspace,
        GITHUB_REPOSITORY: 'acme/ml',
        GITHUB_SHA: 'merge'.padEnd(40, '3'),
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: event,
        GITHUB_API_URL: github.url,
        MLOPS_PYTHON: PYTHON,
        PATH: `${path.dirname(PYTHON)}:${process.env.PATH ?? ''}`,
        ...inputs(values),
      });
      expect(result.code, `${String(values.command)}: ${result.stdout}${result.stderr}`).toBe(0);
      if (step.id) (context.steps as Record<string, unknown>)[step.id] = { outputs };
      ran++;
    }
    expect(ran).toBe(4);
    const [check] = github.checkRuns('acme/ml');
    expect(check).toMatchObject({ name: 'model quality', head_sha: HEAD, conclusion: 'success' });
    expect(github.comments('acme/ml', 12)).toHaveLength(1);
  }, 180_000);
});
