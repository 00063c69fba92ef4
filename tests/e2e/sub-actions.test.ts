import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/commands/registry.js';
import { actionInputs, loadNodeAction } from '../harness/steps.js';
import { parseCommandFile, runnerFiles } from '../helpers/action-runner.js';
import { runNode } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/paths.js';

const COMMANDS = await loadCommands();

const PIPELINE = 'pipelines/training-pipeline.yaml';

/**
 * Runs an action's main step as the runner does: read with GitHub's action.yml parser, the
 * step's `with:` and the action's defaults as INPUT_*, its `main` file from the action's folder.
 */
async function runAction(folder: string, given: Record<string, string>) {
  const action = loadNodeAction(path.join(REPO_ROOT, folder), folder);
  const runnerWarnings: string[] = [];
  const env = actionInputs(
    action,
    given,
    (token) => token.assertString('default').value,
    (warning) => runnerWarnings.push(warning),
  );
  const runner = await runnerFiles();
  const main = path.relative(REPO_ROOT, path.resolve(action.dir, action.main));
  const result = await runNode(main, [], { env: { ...runner.env, ...env } });
  return {
    result,
    runnerWarnings,
    outputs: parseCommandFile(await runner.read('output')),
    state: parseCommandFile(await runner.read('state')),
  };
}

describe('one action per command (<command>/action.yml), run as the runner runs them', () => {
  it('every command has one: its inputs and outputs, its own entry in dist/, a post step only where the command leaves it work', () => {
    for (const command of COMMANDS) {
      const action = loadNodeAction(path.join(REPO_ROOT, command.name), command.name);
      expect(action.inputs.map((input) => input.id)).toEqual(command.inputs.map((i) => i.name));
      expect(path.resolve(action.dir, action.main)).toBe(
        path.join(REPO_ROOT, 'dist/actions', `${command.name}.js`),
      );
      expect(existsSync(path.resolve(action.dir, action.main)), command.name).toBe(true);
      // auth deletes its credentials file, run cancels the Vertex job it was waiting for.
      expect(action.post && path.resolve(action.dir, action.post), command.name).toBe(
        ['auth', 'run'].includes(command.name) ? path.join(REPO_ROOT, 'dist/post.js') : undefined,
      );
    }
  });

  it('validate/action.yml runs validate whatever `command:` says, and writes its outputs', async () => {
    const run = await runAction('validate', {
      pipeline: PIPELINE,
      param: 'min_accuracy=0.9',
      command: 'compile',
    });
    expect(run.result.code, run.result.stdout).toBe(0);
    expect(run.result.stdout).toContain(`${PIPELINE} is a valid pipeline`);
    expect(run.outputs).toMatchObject({
      valid: 'true',
      'pipeline-name': 'training-pipeline',
      'task-count': '5',
    });
    expect(run.state).toEqual({ command: 'validate' });
    // The runner warns about the input validate/action.yml does not declare; the action adds nothing.
    expect(run.runnerWarnings).toEqual([expect.stringContaining("Unexpected input(s) 'command'")]);
    expect(run.result.stdout).not.toContain('::warning::');
  });

  it('compile/action.yml compiles and sets spec-path', async () => {
    const dir = (await runnerFiles()).dir;
    const output = path.join(dir, 'compiled.yaml');
    const run = await runAction('compile', { pipeline: PIPELINE, output });
    expect(run.result.code, run.result.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ 'spec-path': output, 'source-kind': 'declarative' });
    expect(existsSync(output)).toBe(true);
  });

  it('action.yml warns once about inputs the command does not take, not about the defaults the runner fills in', async () => {
    const quiet = await runAction('.', { command: 'validate', pipeline: PIPELINE });
    expect(quiet.result.code, quiet.result.stdout).toBe(0);
    expect(quiet.result.stdout).not.toContain('::warning::');

    const loud = await runAction('.', {
      command: 'validate',
      pipeline: PIPELINE,
      // compile's and run's inputs; port is serve's, given at its default.
      output: 'elsewhere.yaml',
      target: 'vertex',
      port: '8080',
    });
    expect(loud.result.code, loud.result.stdout).toBe(0);
    expect(loud.runnerWarnings).toEqual([]);
    const warnings = loud.result.stdout.split('\n').filter((l) => l.startsWith('::warning::'));
    expect(warnings).toEqual([
      expect.stringMatching(/^::warning::validate does not take "output", "target": ignored\./),
    ]);
    expect(loud.outputs.valid).toBe('true');
  });
});
