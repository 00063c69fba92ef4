import { generateKeyPairSync } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUN_RECORD_VERSION, type RunRecord } from '../../src/core/run-record.js';
import { startGitHubApiEmulator, type GitHubApiEmulator } from '../emulators/github-api.js';
import { inputs, runMainStep } from '../helpers/action-runner.js';
import { mlops } from '../helpers/cli.js';
import { REPO_ROOT, tempDir } from '../helpers/paths.js';

/**
 * gate reporting on a pull request, through dist/: a check run on the PR's head commit, one
 * comment edited in place, the job summary with the metrics table and the pipeline diagram, and
 * fork pull requests degrading to the summary.
 */

const TOKEN = 'ghs_workflow_token';
const HEAD = 'c0ffee'.padEnd(40, '0');
const MERGE = 'deadbeef'.padEnd(40, '1');

function task(path: string, upstream: string[], metrics = false): RunRecord['tasks'][string] {
  return {
    path,
    name: path,
    ...(upstream.length > 0 ? { upstream } : {}),
    state: 'SUCCEEDED',
    cached: false,
    attempts: 1,
    durationMs: 1500,
    parameters: {},
    artifacts: metrics ? { metrics: [] } : {},
  };
}

const RECORD: RunRecord = {
  recordVersion: RUN_RECORD_VERSION,
  backend: 'local',
  runId: 'training-pipeline-20261125-120000',
  pipelineName: 'training-pipeline',
  pipelineRoot: '/tmp/root',
  parameters: {},
  state: 'SUCCEEDED',
  startTime: '2026-11-25T12:00:00.000Z',
  endTime: '2026-11-25T12:00:09.000Z',
  durationMs: 9000,
  location: '/tmp/root/run',
  tasks: {
    'load-data': task('load-data', []),
    'train-random-forest': task('train-random-forest', ['load-data']),
    'train-decision-tree': task('train-decision-tree', ['load-data']),
    evaluate: task('evaluate', ['train-random-forest', 'train-decision-tree'], true),
  },
  outputs: {},
  metrics: { evaluate: { accuracy: 0.9123, f1: 0.8901 } },
};

describe('gate reports on pull requests, through dist/', () => {
  let github: GitHubApiEmulator;
  let folder: string;

  beforeAll(async () => {
    github = await startGitHubApiEmulator({
      tokens: {
        [TOKEN]: { kind: 'github-token', permissions: { checks: 'write', pull_requests: 'write' } },
      },
    });
    folder = await tempDir('gate-report');
    await writeFile(path.join(folder, 'run.json'), JSON.stringify(RECORD));
    await writeFile(path.join(folder, 'champion.json'), JSON.stringify({ accuracy: 0.9, f1: 0.9 }));
  });

  afterAll(async () => {
    await github?.close();
  });

  async function gate(values: Record<string, string>, headRepo = 'acme/ml') {
    const event = path.join(folder, `event-${headRepo.replace('/', '-')}.json`);
    await writeFile(
      event,
      JSON.stringify({
        pull_request: {
          number: 7,
          head: { sha: HEAD, repo: { full_name: headRepo } },
          base: { repo: { full_name: 'acme/ml' } },
        },
      }),
    );
    return runMainStep({
      GITHUB_WORKSPACE: folder,
      GITHUB_REPOSITORY: 'acme/ml',
      GITHUB_SHA: MERGE,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_API_URL: github.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '99',
      ...inputs({
        command: 'gate',
        'run-record': 'run.json',
        'champion-metrics': 'champion.json',
        'check-name': 'model quality',
        ...values,
      }),
    });
  }

  it('posts a check run on the head commit and one comment, edited in place on the next push', async () => {
    const report = 'https://github.com/acme/ml/actions/runs/99/artifacts/5';
    const passed = await gate({
      rules: 'accuracy >= 0.8\nf1 >= champion.f1 - 0.01',
      'github-token': TOKEN,
      'pr-comment': 'true',
      'report-url': report,
    });
    expect(passed.result.code, passed.log).toBe(0);
    const [check] = github.checkRuns('acme/ml');
    expect(check).toMatchObject({
      name: 'model quality',
      head_sha: HEAD,
      conclusion: 'success',
      details_url: 'https://github.com/acme/ml/actions/runs/99',
    });
    const summary = (check?.output as { summary: string; title: string }).summary;
    expect((check?.output as { title: string }).title).toBe('Gate passed: 2 of 2 rules');
    expect(summary).toContain('| accuracy | 0.9123 | 0.9000 | +0.0123 |');
    expect(summary).toContain('| f1 | 0.8901 | 0.9000 | −0.0099 |');
    expect(summary).toContain('```mermaid\nflowchart LR');
    for (const edge of ['t0 --> t1', 't0 --> t2', 't1 --> t3', 't2 --> t3'])
      expect(summary).toContain(edge);
    expect(summary).toContain('t0["load-data ✓ 1.5s"]:::succeeded');
    expect(github.comments('acme/ml', 7)).toHaveLength(1);
    expect(passed.summary).toContain('```mermaid');
    expect(passed.summary).toContain('Reported on GitHub');
    // Pass or fail first, with the HTML report's link, in the job summary, check and comment.
    expect(passed.summary.trimStart()).toMatch(
      /^### ✅ Gate passed: 2 of 2 rules · \[Full report \(HTML\)\]\(https:\/\/github\.com\/acme\/ml\/actions\/runs\/99\/artifacts\/5\)/,
    );
    expect(summary.split('\n')[0]).toBe('### ✅ Gate passed: 2 of 2 rules');
    expect(summary).toContain(`[Full report (HTML)](${report})`);
    expect(github.comments('acme/ml', 7)[0]?.body).toContain(`[Full report (HTML)](${report})`);

    const failed = await gate({
      rules: 'accuracy >= 0.95',
      'github-token': TOKEN,
      'pr-comment': 'true',
    });
    expect(failed.result.code).toBe(1);
    expect(github.checkRuns('acme/ml').map((run) => run.conclusion)).toEqual([
      'success',
      'failure',
    ]);
    const comments = github.comments('acme/ml', 7);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain('Gate failed: 1 of 1 rules');
    expect(comments[0]?.body).toContain('<!-- mlops-platform: model quality -->');
  });

  it('a fork pull request gets the job summary with a note, and nothing is posted', async () => {
    const before = github.requests.all().length;
    const fork = await gate(
      { rules: 'accuracy >= 0.8', 'github-token': TOKEN, 'pr-comment': 'true' },
      'someone/ml',
    );
    expect(fork.result.code, fork.log).toBe(0);
    expect(github.requests.all().length).toBe(before);
    expect(fork.log).toContain('Pull request from a fork');
    expect(fork.summary).toContain('skipped: fork pull request (read-only token)');
    expect(fork.summary).toContain('flowchart LR');
  });

  it('without a token, or with one that may not write checks, the gate still decides and says why', async () => {
    const none = await gate({ rules: 'accuracy >= 0.8' });
    expect(none.result.code, none.log).toBe(0);
    expect(none.summary).toContain('skipped: no github-token');
    const readOnly = await gate({ rules: 'accuracy >= 0.8', 'github-token': 'ghp_test_admin' });
    expect(readOnly.result.code, readOnly.log).toBe(0);
    expect(readOnly.log).toContain('Could not post the check run');
  });

  it('a run record of the wrong shape is one clear error naming the file and key', async () => {
    const gateCli = (args: string[]) =>
      mlops(['gate', ...args, '--rules', 'accuracy >= 0.8'], { cwd: folder });
    await writeFile(
      path.join(folder, 'text-metric.json'),
      JSON.stringify({ ...RECORD, metrics: { evaluate: { accuracy: '0.91', f1: 0.89 } } }),
    );
    const text = await gateCli(['text-metric.json']);
    expect(text.code).toBe(2);
    expect(text.stderr).toContain('error: text-metric.json is not a valid run record (1 problem)');
    expect(text.stderr).toContain(
      '  - metrics.evaluate.accuracy: Invalid input: expected number, received string',
    );
    expect(text.stderr).toContain("Fix: Pass the run step's run-record output");
    expect(text.stderr).not.toContain('toFixed');
  });

  it('offline, the champion lookup names the Vertex AI host it cannot reach, at once', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const key = path.join(folder, 'key.json');
    await writeFile(
      key,
      JSON.stringify({
        type: 'service_account',
        project_id: 'acme-ml',
        private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        client_email: 'gate@acme-ml.iam.gserviceaccount.com',
      }),
    );
    const started = Date.now();
    const offline = await mlops(
      [
        'gate',
        'run.json',
        '--rules',
        'accuracy >= 0.8',
        '--model',
        'churn-model',
        '--project-id',
        'acme-ml',
        '--region',
        'us-central1',
      ],
      {
        cwd: folder,
        env: {
          GOOGLE_APPLICATION_CREDENTIALS: key,
          NODE_OPTIONS: `--import ${path.join(REPO_ROOT, 'tests/fixtures/network/dns-failure.mjs')}`,
          MLOPS_TEST_DNS_FAILURE: 'ENOTFOUND',
        },
      },
    );
    expect(offline.code).toBe(1);
    expect(offline.stderr).toContain(
      'error: Cannot reach us-central1-aiplatform.googleapis.com to list models labelled mlops_model=churn-model: DNS lookup failed (ENOTFOUND) — are you offline?',
    );
    expect(offline.stderr).toContain('Fix: ');
    expect(offline.stderr).not.toContain('retrying');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
