import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand as runCmd } from '../helpers/recording-host.js';
import { runCommand } from '../../src/commands/run.js';
import type { RunRecord } from '../../src/core/run-record.js';
import { corpusFile, REPO_ROOT, tempDir } from '../helpers/paths.js';
import { tinyPipeline } from './tiny-pipeline.js';

describe('run --target local (in-process, subprocess executor)', () => {
  it('runs a shell pipeline, reports each task, and sets the outputs', async () => {
    const dir = await tempDir('cmd-run');
    const file = await tinyPipeline(dir);
    const result = await runCmd(
      runCommand,
      {
        pipeline: file,
        'pipeline-root': 'runs',
        'run-record': 'out/run.json',
        param: ['text=hello in-process'],
        verbose: true,
      },
      { cwd: dir },
    );
    expect(result.userError).toBeUndefined();
    expect(result.failure).toBeUndefined();
    expect(result.outputs.state).toBe('SUCCEEDED');
    expect(JSON.parse(result.outputs.outputs ?? '')).toEqual({ size: 16, score: 1.6 });
    expect(result.outputs['run-record']).toBe(path.join(dir, 'out/run.json'));
    expect(result.outputs['run-dir']).toMatch(new RegExp(`^${path.join(dir, 'runs')}/`));
    const record = JSON.parse(await readFile(path.join(dir, 'out/run.json'), 'utf8')) as RunRecord;
    expect(record.runId).toBe(result.outputs['run-id']);
    expect(result.groups).toEqual([
      'Validate',
      'Run test-pipeline locally (subprocess, cache on)',
      'Write the report',
    ]);
    expect(result.outputs.report).toBe(path.join(result.outputs['run-dir'] ?? '', 'report.html'));
    expect(
      result.tasks
        .filter((e) => e.state === 'SUCCEEDED')
        .map((e) => e.path)
        .sort(),
    ).toEqual(['produce', 'score']);
    // verbose: live task output reaches the Ui.
    expect(result.taskOutput).toContainEqual({ taskPath: 'score', line: 'scoring' });
    const table = result.tables.find((t) => t.title === `Tasks of ${record.runId}`);
    expect(table?.rows.map((row) => row.slice(0, 2))).toEqual([
      ['produce', 'SUCCEEDED'],
      ['score', 'SUCCEEDED'],
    ]);
    // The verdict is the headline: first in the step's job summary, a marked line in a terminal.
    expect(result.headlines.map((headline) => headline.passed)).toEqual([true]);
    expect(result.headlines[0]?.text).toMatch(/SUCCEEDED in .*; outputs: size=16, score=1\.6$/);

    // A second run is served from the cache.
    const again = await runCmd(
      runCommand,
      { pipeline: file, 'pipeline-root': 'runs', param: 'text=hello in-process' },
      { cwd: dir },
    );
    expect(again.outputs.state).toBe('SUCCEEDED');
    expect(again.tasks.filter((e) => e.state === 'SUCCEEDED').every((e) => e.cached)).toBe(true);
    expect(again.taskOutput).toEqual([]);
  });

  it('returns the failing task as the failure, with its log tail in a warning', async () => {
    const dir = await tempDir('cmd-run-fail');
    const file = await tinyPipeline(dir, true);
    const result = await runCmd(
      runCommand,
      { pipeline: file, 'pipeline-root': 'runs', 'no-cache': true },
      { cwd: dir },
    );
    expect(result.userError).toBeUndefined();
    expect(result.outputs.state).toBe('FAILED');
    expect(result.failure).toMatch(/^Pipeline run .* FAILED: task score /);
    expect(result.groups).toContain('Run test-pipeline locally (subprocess, cache off)');
    const warning = result.warnings.find((w) => w.startsWith('Task score failed'));
    expect(warning).toContain('bad things');
    expect(warning).toMatch(/\n {2}log: runs\//);
  });

  it('rejects bad inputs with one UserError, before running anything', async () => {
    const dir = await tempDir('cmd-run-inputs');
    for (const [inputs, message] of [
      [{ pipeline: 'p.yaml', target: 'moon' }, 'Input "target" is "moon"'],
      [{ pipeline: 'p.yaml', executor: 'podman' }, 'Input "executor" is "podman"'],
      [{ pipeline: 'p.yaml', parallelism: '0' }, 'Input "parallelism" is "0"'],
      [{ pipeline: 'p.yaml', verbose: 'maybe' }, 'Input "verbose" is "maybe"'],
      [{}, 'Missing required input "pipeline"'],
    ] as const) {
      const result = await runCmd(runCommand, inputs, { cwd: dir });
      expect(result.userError?.message, message).toBe(message);
      expect(result.inputs).toBeUndefined();
    }
    expect(await readdir(dir)).toEqual([]);
  });

  it('rejects bad parameters and unwritable paths before any task runs', async () => {
    const dir = await tempDir('cmd-run-paths');
    const pipeline = path.join(REPO_ROOT, 'pipelines/training-pipeline.yaml');
    const params = await runCmd(
      runCommand,
      { pipeline, param: ['min_acuracy=0.9', 'seed=abc'], 'pipeline-root': dir },
      { cwd: REPO_ROOT },
    );
    expect(params.userError?.message).toBe(
      'Invalid parameters for pipelines/training-pipeline.yaml',
    );
    expect(params.userError?.describe()).toContain(
      '"min_acuracy" is not a parameter of this pipeline (did you mean "min_accuracy"?)',
    );
    expect(params.userError?.describe()).toContain('"seed" must be an integer, got "abc"');
    expect(params.tasks).toEqual([]);

    await writeFile(path.join(dir, 'a-file'), 'not a folder');
    await mkdir(path.join(dir, 'folder'));
    const hello = corpusFile('hello_world.yaml');
    for (const [inputs, error] of [
      [
        { 'run-record': path.join(dir, 'folder') },
        /The run record .* is not writable: it is a folder/,
      ],
      [
        { 'pipeline-root': path.join(dir, 'a-file', 'runs') },
        /The pipeline root .*a-file\/runs is not writable: .*a-file is a file, not a folder/,
      ],
      [
        { 'pipeline-root': '/sys/mlops-test/runs' },
        /The pipeline root \/sys\/mlops-test\/runs is not writable: you may not write to \/sys/,
      ],
    ] as const) {
      const result = await runCmd(
        runCommand,
        { pipeline: hello, 'pipeline-root': path.join(dir, 'root'), ...inputs },
        { cwd: dir },
      );
      expect(result.userError?.message).toMatch(error);
      expect(result.userError?.fix).toBeTruthy();
      expect(result.tasks).toEqual([]);
    }
    expect(existsSync(path.join(dir, 'root'))).toBe(false);
  });
});
