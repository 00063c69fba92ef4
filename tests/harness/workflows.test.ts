import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoSecrets } from '../helpers/action-runner.js';
import { fixtureRepository, FIXTURES, job, runFixture, step } from './test-fixtures.js';
import type { RepositoryUnderTest } from './types.js';

/** Expressions, jobs and steps of fixture workflows, run by the harness as GitHub runs them. */

/** Whether a process is alive: /proc/<pid>/stat exists and its state is not Z (zombie). */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

const WORKFLOWS = [
  'expressions.yml',
  'failures.yml',
  'commands.yml',
  'matrix.yml',
  'invalid.yml',
  'local-action.yml',
  'timeout.yml',
];

describe('the workflow harness: expressions, jobs and steps', () => {
  let repository: RepositoryUnderTest;

  beforeAll(async () => {
    repository = await fixtureRepository(WORKFLOWS, {
      copy: { [path.join(FIXTURES, 'local-action')]: 'local-action' },
    });
  });

  it('evaluates if, env, run, name and outputs with typed dispatch inputs and needs', async () => {
    const run = await runFixture(repository, 'expressions.yml', {
      event: { name: 'workflow_dispatch' },
      inputs: { label: 'hello' },
    });
    expect(run.conclusion, run.log).toBe('success');
    const first = job(run, 'first');
    expect(first.name).toBe('First for workflow_dispatch');
    // inputs.flag defaulted to the boolean true: equal to true, not to the string 'true'.
    expect(first.outputs).toEqual({ greeting: 'hi hello', 'flag-is-boolean': 'true' });
    expect(step(run, 'first', 'Never hello').outcome).toBe('skipped');
    expect(first.steps.filter((s) => s.outcome === 'skipped')).toHaveLength(2);
    expect(step(run, 'first', 'env').log).toContain(
      'workflow=wf-workflow_dispatch job=job-hello step=step-hi hello runner=Linux/X64',
    );
    expect(step(run, 'first', 'env').outputs).toEqual({ 'from-env': 'job-hello' });
    expect(job(run, 'second').steps[0]?.log).toContain('needs=success/hi hello');
    expect(job(run, 'skipped').result).toBe('skipped');
  });

  it('gives a push run no inputs, so `if: ${{ !inputs.flag }}` runs and fails the job', async () => {
    const run = await runFixture(repository, 'expressions.yml');
    expect(run.conclusion).toBe('failure');
    expect(step(run, 'first', 'Run exit 1').outcome).toBe('failure');
    expect(job(run, 'second').result).toBe('skipped');
  });

  it('refuses dispatch inputs the workflow does not declare or allow, as the API does', async () => {
    await expect(
      runFixture(repository, 'expressions.yml', {
        event: { name: 'workflow_dispatch' },
        inputs: { colour: 'red' },
      }),
    ).rejects.toThrow('Unexpected inputs provided: ["colour"]');
    await expect(
      runFixture(repository, 'expressions.yml', {
        event: { name: 'workflow_dispatch' },
        inputs: { level: 'extreme' },
      }),
    ).rejects.toThrow(
      "Provided value 'extreme' for input 'level' not in the list of allowed values",
    );
    await expect(
      runFixture(repository, 'matrix.yml', { event: { name: 'schedule' } }),
    ).rejects.toThrow('has no `on: schedule` trigger');
  });

  it('propagates failure: continue-on-error, failure(), always(), skipped needs', async () => {
    const run = await runFixture(repository, 'failures.yml');
    expect(run.conclusion).toBe('failure');
    const breaks = job(run, 'breaks');
    expect(breaks.result).toBe('failure');
    expect(breaks.steps.map((s) => [s.outcome, s.conclusion])).toEqual([
      ['failure', 'success'],
      ['success', 'success'],
      ['failure', 'failure'],
      ['skipped', 'skipped'],
      ['success', 'success'],
      ['success', 'success'],
    ]);
    expect(breaks.steps[1]?.log).toContain('soft=failure/success');
    expect(breaks.steps[4]?.log).toContain('cleanup after failure');
    expect(breaks.steps[5]?.log).toContain('always, job failure');
    expect(job(run, 'dependent').result).toBe('skipped');
    // failure() at job level sees a failed ancestor through the skipped job.
    expect(job(run, 'on-failure').result).toBe('success');
    expect(job(run, 'report').steps[0]?.log).toContain('breaks=failure dependent=skipped');
    expect(run.annotations).toContainEqual({
      level: 'error',
      message: 'Process completed with exit code 1.',
      job: 'breaks',
      step: 'Run exit 1',
    });
  });

  it('processes command files and workflow commands, masks, shells and hashFiles', async () => {
    const run = await runFixture(repository, 'commands.yml', { extraEnv: { EXTRA: 'network' } });
    expect(run.conclusion, run.log).toBe('success');
    const write = step(run, 'commands', 'write');
    expect(write.outputs).toEqual({ legacy: 'old style', multi: 'line one\nline two' });
    expect(write.log).toContain('printing *** here');
    expect(write.log).not.toContain('add-mask');
    expectNoSecrets(run.log, ['masked-value-1234']);
    expect(run.annotations).toContainEqual(
      expect.objectContaining({ level: 'warning', message: 'careful\nnow' }),
    );
    const [, read, noPipefail, pipefail, workingDirectory, hashed] = job(run, 'commands').steps;
    expect(read?.log).toContain('env=set by GITHUB_ENV ctx=set by GITHUB_ENV');
    expect(read?.log).toContain('tool on path');
    expect(read?.log).toContain('multi=line one|line two|');
    expect(read?.log).toContain('legacy=old style');
    expect(noPipefail?.outcome).toBe('success');
    expect(pipefail?.outcome).toBe('failure');
    expect(workingDirectory?.log).toMatch(/\/work\/ml\/ml\/sub$/m);
    const digest = createHash('sha256')
      .update(createHash('sha256').update('hashed\n').digest())
      .digest('hex');
    expect(hashed?.log).toContain(`hash=${digest} none=[]`);
    expect(job(run, 'commands').summary).toBe('### Summary line\n');
    // A second job: its own runner (fresh workspace), defaults.run, the runner's variables.
    const variables = job(run, 'variables').steps[0]?.log.split('\n') ?? [];
    expect(variables.slice(1, 7)).toEqual([
      'sh',
      'true true push refs/heads/main acme/ml variables Commands Linux X64',
      'sha-ok',
      'event-ok',
      'fresh-workspace',
      'no-token-variable',
    ]);
    expect(variables[7]).toMatch(/^extra=network home=\/.*\/jobs\/2-variables\/home$/);
    expect(readFileSync(run.transcript, 'utf8')).toBe(run.log);
  });

  it('expands a matrix with include into instances with matrix and strategy contexts', async () => {
    const run = await runFixture(repository, 'matrix.yml');
    expect(run.conclusion).toBe('success');
    expect([...run.jobs.keys()]).toEqual(['build (3.10, linux)', 'build (3.11, linux, yes)']);
    expect(job(run, 'build (3.10, linux)').steps[0]?.log).toContain('python=3.10 extra= index=0/2');
    expect(job(run, 'build (3.11, linux, yes)').steps[0]?.log).toContain(
      'python=3.11 extra=yes index=1/2',
    );
  });

  it('fails the run before any job with the parser message for an invalid workflow', async () => {
    const run = await runFixture(repository, 'invalid.yml');
    expect(run.conclusion).toBe('failure');
    expect(run.jobs.size).toBe(0);
    expect(run.errors).toEqual([
      ".github/workflows/invalid.yml (Line: 7, Col: 14): Unrecognized named-value: 'unknown'",
    ]);
  });

  it('runs a local JavaScript action with defaults, a surplus-input warning and post steps', async () => {
    const run = await runFixture(repository, 'local-action.yml');
    const local = job(run, 'local');
    expect(local.result).toBe('failure');
    const greet = step(run, 'local', 'greet');
    expect(greet).toMatchObject({ uses: './local-action', pin: 'local', outcome: 'success' });
    expect(greet.outputs).toEqual({ greeting: 'hello acme' });
    expect(greet.log).toContain("Unexpected input(s) 'surplus', valid inputs are ['who', 'fail']");
    const failing = local.steps[2];
    expect(failing?.outcome).toBe('failure');
    expect(failing?.log).toContain('##[error]asked to fail');
    // Post steps run in reverse order even though the job failed, with their main's STATE_*.
    expect(local.steps.slice(-2).map((s) => [s.name, s.log])).toEqual([
      ['Post Run ./local-action', 'post step: greeted=world'],
      ['Post Run ./local-action', 'post step: greeted=acme'],
    ]);
    expect(
      step(run, 'local', 'Run actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683').pin,
    ).toBe('sha');
  });

  it('stops a step at its timeout-minutes, ends steps with their main process, cleans up', async () => {
    const started = Date.now();
    const run = await runFixture(repository, 'timeout.yml');
    expect(Date.now() - started).toBeLessThan(15_000);
    const [background, slow, after] = job(run, 'slow').steps;
    expect(background?.outcome).toBe('success');
    const sleeper = Number(/left (\d+) running/.exec(background?.log ?? '')?.[1]);
    expect(slow?.outcome).toBe('failure');
    expect(slow?.log).toContain('started');
    expect(slow?.log).toContain('ran out of time');
    expect(after?.log).toContain('after the timeout');
    // The job's end stopped what the first step left running (gone, or a zombie nobody reaps).
    await expect.poll(() => running(sleeper)).toBe(false);
  });
});
