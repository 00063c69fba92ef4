import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startGitHubApiEmulator } from '../emulators/github-api.js';
import { gateCommand } from '../../src/commands/gate.js';
import { runCommand } from '../helpers/recording-host.js';
import { runTinyPipeline } from './tiny-pipeline.js';

let dir: string;
let record: string;

beforeAll(async () => {
  ({ dir, record } = await runTinyPipeline('cmd-gate'));
});

describe('gate (in-process)', () => {
  it('passes against a champion file and sets its outputs', async () => {
    await writeFile(path.join(dir, 'champion.json'), JSON.stringify({ score: 1.0 }));
    const result = await runCommand(
      gateCommand,
      {
        'run-record': record,
        'metrics-task': 'score',
        rules: '# the score must not drop\nscore >= champion.score - 0.01\nscore > 1',
        'champion-metrics': 'champion.json',
      },
      { cwd: dir },
    );
    expect(result.userError).toBeUndefined();
    expect(result.failure).toBeUndefined();
    expect(result.outputs.passed).toBe('true');
    expect(JSON.parse(result.outputs.metrics ?? '')).toEqual({ score: 1.1 });
    expect(JSON.parse(result.outputs['champion-metrics'] ?? '')).toEqual({ score: 1 });
    expect(result.outputs['champion-version']).toBe('');
    const verdict = JSON.parse(result.outputs.verdict ?? '') as Array<{ outcome: string }>;
    expect(verdict.map((rule) => rule.outcome)).toEqual(['pass', 'pass']);
    expect(result.groups).toEqual(['Find the champion', 'Report on GitHub']);
    expect(result.tables[0]?.title).toMatch(
      /^Gate for .* \(metrics of score, champion champion\.json\)$/,
    );
    expect(result.infos).toContain('Gate passed: 2 of 2 rules');
    expect(result.infos).toContain('Not in a GitHub workflow: the report stays here.');
    expect(result.diagrams).toHaveLength(1);
  });

  it('fails on a rule (or only reports it with fail-on-gate false)', async () => {
    await writeFile(path.join(dir, 'better.json'), JSON.stringify({ score: 2 }));
    const inputs = {
      'run-record': record,
      'metrics-task': 'score',
      rules: 'score >= champion.score',
      'champion-metrics': 'better.json',
    };
    const failed = await runCommand(gateCommand, inputs, { cwd: dir });
    expect(failed.outputs.passed).toBe('false');
    expect(failed.failure).toBe('Gate failed: score >= champion.score');
    expect(failed.infos).toContain('Gate failed: 1 of 1 rules failed');

    const reported = await runCommand(
      gateCommand,
      { ...inputs, 'fail-on-gate': 'false' },
      { cwd: dir },
    );
    expect(reported.outputs.passed).toBe('false');
    expect(reported.failure).toBeUndefined();
  });

  it('without a champion, rules naming it pass', async () => {
    const result = await runCommand(
      gateCommand,
      { 'run-record': record, 'metrics-task': 'score', rules: ['score >= champion.score'] },
      { cwd: dir },
    );
    expect(result.outputs.passed).toBe('true');
    expect(result.outputs['champion-metrics']).toBe('');
    expect(result.infos[0]).toMatch(/^No champion given/);
  });

  it('rejects bad inputs with one UserError, masking the token first', async () => {
    const missing = await runCommand(gateCommand, { rules: 'a > 1' });
    expect(missing.userError?.message).toBe('Missing required input "run-record"');

    const both = await runCommand(gateCommand, {
      'run-record': record,
      rules: 'a > 1',
      model: 'churn',
      'champion-metrics': 'x.json',
      'github-token': 'ghs_secret-token-value',
    });
    expect(both.userError?.message).toBe('Give either model or champion-metrics, not both');

    const rules = await runCommand(
      gateCommand,
      { 'run-record': record, rules: 'score >=\nscore > )' },
      { env: { GITHUB_TOKEN: 'ghs_from-the-environment' } },
    );
    expect(rules.userError).toBeDefined();
    expect(rules.inputs).toBeUndefined();

    const token = await runCommand(gateCommand, {
      'run-record': record,
      rules: 'score > 1',
      'github-token': 'ghs_secret-token-value',
      'fail-on-gate': 'sometimes',
    });
    expect(token.userError?.message).toBe('Input "fail-on-gate" is "sometimes"');
    expect(token.masked).toEqual([{ value: 'ghs_secret-token-value', name: 'github-token' }]);
  });

  it('refuses a champion file that is not metrics', async () => {
    await writeFile(path.join(dir, 'bad.json'), JSON.stringify({ score: 'high' }));
    const result = await runCommand(
      gateCommand,
      {
        'run-record': record,
        'metrics-task': 'score',
        rules: 'score > 1',
        'champion-metrics': 'bad.json',
      },
      { cwd: dir },
    );
    expect(result.userError?.message).toBe(
      'Champion metrics bad.json must map metric names to numbers',
    );

    await writeFile(path.join(dir, 'list.json'), '[1, 2]');
    const list = await runCommand(
      gateCommand,
      {
        'run-record': record,
        'metrics-task': 'score',
        rules: 'score > 1',
        'champion-metrics': 'list.json',
      },
      { cwd: dir },
    );
    expect(list.userError?.describe()).toContain(
      'Champion metrics list.json must map metric names to numbers\n  - (top level): Invalid input: expected record, received array',
    );
    expect(list.userError?.fix).toContain('Write e.g. {"accuracy": 0.91, "f1": 0.9}');
  });

  it('posts the verdict as a check run and a pull request comment (GitHub emulator)', async () => {
    const github = await startGitHubApiEmulator({
      tokens: {
        ghs_workflow_token: {
          kind: 'github-token',
          permissions: { checks: 'write', pull_requests: 'write' },
        },
      },
    });
    try {
      const event = path.join(dir, 'event.json');
      await writeFile(
        event,
        JSON.stringify({
          pull_request: {
            number: 7,
            head: { sha: 'b'.repeat(40), repo: { full_name: 'acme/ml' } },
            base: { repo: { full_name: 'acme/ml' } },
          },
        }),
      );
      const result = await runCommand(
        gateCommand,
        {
          'run-record': record,
          'metrics-task': 'score',
          rules: 'score > 2',
          'pr-comment': true,
          'fail-on-gate': false,
        },
        {
          cwd: dir,
          env: {
            GITHUB_TOKEN: 'ghs_workflow_token',
            GITHUB_API_URL: github.url,
            GITHUB_REPOSITORY: 'acme/ml',
            GITHUB_SHA: 'a'.repeat(40),
            GITHUB_EVENT_PATH: event,
          },
        },
      );
      expect(result.userError).toBeUndefined();
      expect(result.masked).toEqual([{ value: 'ghs_workflow_token', name: 'github-token' }]);
      expect(result.warnings).toEqual([]);
      const [check] = github.checkRuns('acme/ml');
      expect(check).toMatchObject({
        name: 'mlops gate',
        head_sha: 'b'.repeat(40),
        conclusion: 'failure',
      });
      const [comment] = github.comments('acme/ml', 7);
      expect(comment?.body).toContain('<!-- mlops-platform: mlops gate -->');
      expect(result.tables.at(-1)?.title).toBe('Reported on GitHub');
      expect(result.tables.at(-1)?.rows.map((row) => row[0])).toEqual([
        'check run',
        'pull request comment',
      ]);
      expect(result.warnings).toEqual([]);
    } finally {
      await github.close();
    }
  });
});
