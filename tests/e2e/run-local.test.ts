import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/core/run-record.js';
import { mlops } from '../helpers/cli.js';
import { corpusFile, REPO_ROOT, tempDir } from '../helpers/paths.js';
import { PYTHON, pythonWithSklearn } from '../helpers/services.js';
import { cacheFiles, shellComponent, writePipeline } from '../runner/pipeline-fixtures.js';

const PIPELINE = path.join(REPO_ROOT, 'pipelines/training-pipeline.yaml');

/** The record of the one run under `root`. */
async function onlyRunRecord(root: string): Promise<RunRecord> {
  const runs = (await readdir(root)).filter((name) => name !== '.cache');
  expect(runs).toHaveLength(1);
  return JSON.parse(
    await readFile(path.join(root, runs[0] ?? '', 'run.json'), 'utf8'),
  ) as RunRecord;
}

/** The first line a task writes to `file`, once it is complete. */
async function lineFrom(file: string): Promise<string> {
  for (let waited = 0; waited < 20_000; waited += 50) {
    const text = await readFile(file, 'utf8').catch(() => '');
    if (text.endsWith('\n')) return text.trim();
    await sleep(50);
  }
  throw new Error(`${file} was not written`);
}

describe('mlops run --local: output paths are checked before anything runs', () => {
  // The other unwritable paths are in tests/commands/run.test.ts; this one stays here as the
  // smoke test of a user error through dist/ (exit 2 and a Fix).
  // /sys refuses new folders to everyone, root included: a read-only place on any Linux machine.
  const cases: Array<{ name: string; args: (dir: string) => string[]; error: RegExp }> = [
    {
      name: 'a run record in a read-only place',
      args: () => ['--run-record', '/sys/mlops-test/run.json'],
      error:
        /The run record \/sys\/mlops-test\/run\.json is not writable: you may not write to \/sys \(E(PERM|ACCES)\)/,
    },
  ];

  it.each(cases)('rejects $name with exit 2 and a fix', async ({ args, error }) => {
    const dir = await tempDir('run-paths');
    const root = path.join(dir, 'root');
    await writeFile(path.join(dir, 'a-file'), 'not a folder');
    const result = await mlops([
      'run',
      '--local',
      corpusFile('hello_world.yaml'),
      '--pipeline-root',
      root,
      ...args(dir),
    ]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(error);
    expect(result.stderr).toMatch(/\nFix: /);
    expect(result.stderr).not.toContain('RUNNING');
    expect(await readdir(root).catch(() => [])).toEqual([]);
  });
});

describe('mlops run --local: a hang-up (SIGHUP)', () => {
  it('stops the running task and leaves a run record saying CANCELLED', async () => {
    const dir = await tempDir('run-hangup');
    const file = await writePipeline(
      dir,
      { tasks: { nap: { component: 'nap.yaml', inputs: { dir } } } },
      {
        'nap.yaml': shellComponent(
          'Nap',
          { inputs: [['dir', 'String']] },
          'echo $PPID > "$1/runner.pid"; echo $$ > "$1/task.pid"; sleep 30; touch "$1/woke"',
        ),
      },
    );
    const root = path.join(dir, 'root');
    const running = mlops(['run', '--local', file, '--pipeline-root', root]);
    const task = Number(await lineFrom(path.join(dir, 'task.pid')));
    try {
      process.kill(Number(await lineFrom(path.join(dir, 'runner.pid'))), 'SIGHUP');
      const result = await running;
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toMatch(/error: Pipeline run test-pipeline-\S+ CANCELLED/);
      expect(() => process.kill(task, 0)).toThrow(/ESRCH/);
      const record = await onlyRunRecord(root);
      expect(record.state).toBe('CANCELLED');
      expect(record.tasks.nap).toMatchObject({ state: 'CANCELLED', failure: { exitCode: 143 } });
    } finally {
      try {
        process.kill(-task, 'SIGKILL');
      } catch {
        // Stopped with the run, as it should be.
      }
    }
  }, 30_000);
});

describe.skipIf(!pythonWithSklearn())(
  'mlops run --local on the reference pipeline: the cache and the interpreter',
  () => {
    it('re-runs the tasks whose cached outputs were cut short, and trains on the whole dataset', async () => {
      const root = await tempDir('run-cache-damage');
      const reference = (record: string): ReturnType<typeof mlops> =>
        mlops([
          'run',
          '--local',
          PIPELINE,
          '--python',
          PYTHON,
          '--pipeline-root',
          root,
          '--run-record',
          path.join(root, record),
          '--param',
          'search_iterations=2',
        ]);
      const first = await reference('first.json');
      expect(first.code, first.stderr).toBe(0);
      // A cached split cut short (the re-run would train on a third of the rows) and cached
      // models cut short (evaluate would fail to load them on every re-run).
      for (const stored of [
        ...(await cacheFiles(root, 'artifacts/train_data')),
        ...(await cacheFiles(root, 'artifacts/model/random_forest/model.joblib')),
      ])
        await truncate(stored, Math.floor((await stat(stored)).size / 3));

      const second = await reference('second.json');
      expect(second.code, second.stderr).toBe(0);
      for (const task of ['preprocess', 'train'])
        expect(second.stderr).toMatch(
          new RegExp(`warning: Task ${task}: .* changed after it was cached.*running it again`),
        );
      const [before, after] = await Promise.all(
        ['first.json', 'second.json'].map(
          async (name) => JSON.parse(await readFile(path.join(root, name), 'utf8')) as RunRecord,
        ),
      );
      expect(after?.tasks.preprocess?.cached).toBe(false);
      expect(after?.metrics).toEqual(before?.metrics);

      const third = await reference('third.json');
      expect(third.code).toBe(0);
      expect(third.stderr).not.toContain('warning:');
      expect(third.stderr).toMatch(/✓ train\s+SUCCEEDED [\d.]+ m?s \(cached\)/);
    });

    it('names the Python that could not import a package and one on this machine that can', async () => {
      const dir = await tempDir('run-no-pandas');
      // A plain python3 first on PATH (a venv without packages), then one that has them.
      const bare = path.join(dir, 'bare');
      execFileSync(PYTHON, ['-m', 'venv', '--without-pip', bare]);
      const equipped = path.join(dir, 'equipped');
      await mkdir(equipped);
      await writeFile(path.join(equipped, 'python3'), `#!/bin/sh\nexec ${PYTHON} "$@"\n`, {
        mode: 0o755,
      });
      const result = await mlops(
        ['run', '--local', PIPELINE, '--pipeline-root', path.join(dir, 'root')],
        {
          env: {
            PATH: [path.join(bare, 'bin'), equipped, process.env.PATH].join(path.delimiter),
            MLOPS_PYTHON: '',
          },
        },
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/ModuleNotFoundError: No module named 'pandas'/);
      const good = path.join(equipped, 'python3');
      expect(result.stderr).toContain(
        `  hint: python3 (${path.join(bare, 'bin', 'python3')}) cannot import pandas, but ${good} on this machine can: re-run with --python ${good}`,
      );
    });
  },
);
