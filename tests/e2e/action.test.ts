import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { inputs, parseCommandFile, runnerFiles, runPost } from '../helpers/action-runner.js';
import { runNode } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { PYTHON, pythonWithSklearn } from '../helpers/services.js';

describe('the action (dist/main.js and dist/post.js, run as the runner runs them)', () => {
  it('declares every command input and output in action.yml, on node24', async () => {
    const manifest = parse(await readFile(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as {
      runs: Record<string, string>;
      inputs: Record<string, unknown>;
      outputs: Record<string, unknown>;
    };
    expect(manifest.runs).toEqual({ using: 'node24', main: 'dist/main.js', post: 'dist/post.js' });
    for (const name of [
      'command',
      'pipeline',
      'output',
      'param',
      'pipeline-root',
      'no-cache',
      'executor',
    ])
      expect(manifest.inputs).toHaveProperty([name]);
    for (const name of ['spec-path', 'run-id', 'state', 'metrics', 'run-record'])
      expect(manifest.outputs).toHaveProperty([name]);
    for (const name of Object.keys(manifest.inputs)) expect(name).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('compiles with command: compile and sets its outputs', async () => {
    const runner = await runnerFiles();
    const output = path.join(runner.dir, 'compiled.yaml');
    const result = await runNode('dist/main.js', [], {
      env: {
        ...runner.env,
        ...inputs({ command: 'compile', pipeline: 'pipelines/training-pipeline.yaml', output }),
      },
    });
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('::group::Compile');
    expect(parseCommandFile(await runner.read('output'))).toMatchObject({
      'spec-path': output,
      'pipeline-name': 'training-pipeline',
      'source-kind': 'declarative',
      'task-count': '5',
    });
    expect(parseCommandFile(await runner.read('state'))).toEqual({ command: 'compile' });
    const post = await runPost(runner, { RUNNER_DEBUG: '1' });
    expect(post.code).toBe(0);
    expect(post.stdout).toContain('post: compile left nothing to clean up');
  });

  it('fails the step with one configuration error for an unknown command or a bad input, before doing anything', async () => {
    const runner = await runnerFiles();
    const unknown = await runNode('dist/main.js', [], {
      env: { ...runner.env, ...inputs({ command: 'launch' }) },
    });
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain(
      '::error::mlops-platform launch configuration error: Unknown command "launch"%0AFix: Use one of: compile, validate, run',
    );
    const badBoolean = await runNode('dist/main.js', [], {
      env: {
        ...runner.env,
        ...inputs({
          command: 'run',
          pipeline: 'pipelines/training-pipeline.yaml',
          'no-cache': 'maybe',
          'pipeline-root': runner.dir,
        }),
      },
    });
    expect(badBoolean.code).toBe(1);
    expect(badBoolean.stdout).toContain(
      '::error::mlops-platform run configuration error: Input "no-cache" is "maybe"',
    );
    expect(await runner.read('output')).toBe('');
  });

  it.skipIf(!pythonWithSklearn())(
    'runs the reference pipeline with command: run, reporting tasks, outputs and the job summary',
    async () => {
      const runner = await runnerFiles();
      const env = {
        ...runner.env,
        ...inputs({
          command: 'run',
          pipeline: 'pipelines/training-pipeline.yaml',
          param: 'search_iterations=4\nmin_accuracy=0.85\n',
          'pipeline-root': path.join(runner.dir, 'root'),
          python: PYTHON,
        }),
      };
      const result = await runNode('dist/main.js', [], { env });
      expect(result.code, result.stdout).toBe(0);
      expect(result.stdout).toContain(
        '::group::Run training-pipeline locally (subprocess, cache on)',
      );
      expect(result.stdout).toMatch(/✓ evaluate\s+SUCCEEDED/);
      const outputs = parseCommandFile(await runner.read('output'));
      expect(outputs.state).toBe('SUCCEEDED');
      const metrics = JSON.parse(outputs.metrics ?? '{}') as Record<string, Record<string, number>>;
      expect(metrics.evaluate?.roc_auc).toBeGreaterThan(0.9);
      expect(JSON.parse(outputs.outputs ?? '{}')).toHaveProperty('best_model_name');
      const record = JSON.parse(await readFile(outputs['run-record'] ?? '', 'utf8')) as {
        parameters: Record<string, unknown>;
      };
      expect(record.parameters).toMatchObject({ search_iterations: 4, min_accuracy: 0.85 });
      const summary = await runner.read('summary');
      expect(summary).toContain('<h3>Tasks of training-pipeline-');
      expect(summary).toMatch(/<td>condition-1\/package-model<\/td><td>SUCCEEDED<\/td>/);
      expect(summary).toContain('<h3>Metrics</h3>');
    },
  );
});
