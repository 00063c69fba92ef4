import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/core/run-record.js';
import { inputs, runMainStep } from '../helpers/action-runner.js';
import { mlops } from '../helpers/cli.js';
import { REPO_ROOT, tempDir } from '../helpers/paths.js';
import { shellComponent, writePipeline } from '../runner/pipeline-fixtures.js';

/**
 * Every run record and job summary names the tool and version that wrote it, read from the
 * installed package.json as `mlops --version` is.
 */

const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  version: string;
};

/** A one-task pipeline that needs neither Python packages nor Docker. */
async function hello(dir: string): Promise<string> {
  return writePipeline(
    dir,
    { tasks: { hello: { component: 'hello.yaml' } } },
    { 'hello.yaml': shellComponent('Hello', {}, 'echo hello') },
  );
}

describe('the version of mlops-platform in run records and job summaries', () => {
  it('mlops --version prints package.json version', async () => {
    const result = await mlops(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(version);
  });

  it('mlops run --local writes the producer into run.json and the copy given with --run-record', async () => {
    const dir = await tempDir('producer');
    const copy = path.join(dir, 'out', 'run.json');
    const result = await mlops([
      'run',
      '--local',
      await hello(dir),
      '--pipeline-root',
      path.join(dir, 'root'),
      '--run-record',
      copy,
    ]);
    expect(result.code, result.stderr).toBe(0);
    const record = JSON.parse(await readFile(copy, 'utf8')) as RunRecord;
    expect(record.producer).toEqual({ name: 'mlops-platform', version });
    expect(Object.keys(record).slice(0, 3)).toEqual(['recordVersion', 'producer', 'backend']);
  });

  it('the action ends the job summary with mlops-platform and its version, and records it', async () => {
    const dir = await tempDir('producer-action');
    const step = await runMainStep(
      inputs({
        command: 'run',
        pipeline: await hello(dir),
        'pipeline-root': path.join(dir, 'root'),
      }),
    );
    expect(step.result.code, step.log).toBe(0);
    expect(step.summary).toContain('<h3>Tasks of test-pipeline-');
    expect(step.summary.trimEnd()).toMatch(
      new RegExp(`<sub>mlops-platform ${version.replaceAll('.', '\\.')} · run</sub>$`),
    );
    const record = JSON.parse(
      await readFile(step.outputs['run-record'] ?? '', 'utf8'),
    ) as RunRecord;
    expect(record.producer).toEqual({ name: 'mlops-platform', version });
  });

  it('a step that adds nothing to the summary adds no footer either', async () => {
    const dir = await tempDir('producer-empty');
    const step = await runMainStep(
      inputs({
        command: 'compile',
        pipeline: await hello(dir),
        output: path.join(dir, 'compiled.yaml'),
      }),
    );
    expect(step.result.code, step.log).toBe(0);
    expect(step.summary).toBe('');
  });
});
