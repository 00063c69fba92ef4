import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runNode, type ProcessResult } from './cli.js';
import { REPO_ROOT, tempDir } from './paths.js';

type RunnerFile = 'output' | 'state' | 'summary' | 'env';

export interface RunnerFiles {
  readonly dir: string;
  /** GITHUB_OUTPUT, GITHUB_STATE, GITHUB_STEP_SUMMARY, GITHUB_ENV, GITHUB_WORKSPACE, RUNNER_TEMP. */
  readonly env: NodeJS.ProcessEnv;
  read(name: RunnerFile): Promise<string>;
}

/** The runner's files for one step, set up as GitHub does. */
export async function runnerFiles(): Promise<RunnerFiles> {
  const dir = await tempDir('action');
  const files: Record<RunnerFile, string> = {
    output: path.join(dir, 'output'),
    state: path.join(dir, 'state'),
    summary: path.join(dir, 'summary.md'),
    env: path.join(dir, 'env'),
  };
  await Promise.all(Object.values(files).map((file) => writeFile(file, '')));
  return {
    dir,
    env: {
      GITHUB_OUTPUT: files.output,
      GITHUB_STATE: files.state,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_ENV: files.env,
      GITHUB_WORKSPACE: REPO_ROOT,
      RUNNER_TEMP: dir,
    },
    read: (name) => readFile(files[name], 'utf8'),
  };
}

/**
 * Parses a command file (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV) as the runner does: `name=value`
 * lines and the `name<<delimiter` blocks @actions/core writes. A malformed line or a block without
 * its delimiter throws the runner's message (on GitHub it fails the step).
 */
export function parseCommandFile(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    const equals = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (equals > 0 && (heredoc < 0 || equals < heredoc)) {
      result[line.slice(0, equals)] = line.slice(equals + 1);
      continue;
    }
    const name = line.slice(0, heredoc);
    const delimiter = line.slice(heredoc + 2);
    if (equals === 0 || heredoc <= 0 || !delimiter) throw new Error(`Invalid format '${line}'`);
    const value: string[] = [];
    for (i++; lines[i] !== delimiter; i++) {
      if (i >= lines.length)
        throw new Error(`Invalid value. Matching delimiter not found '${delimiter}'`);
      value.push(lines[i] ?? '');
    }
    result[name] = value.join('\n');
  }
  return result;
}

/** Inputs as the runner passes them: INPUT_<NAME> with the name upper-cased, hyphens kept. */
export function inputs(values: Record<string, string>): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
  );
}

/** Runs the post step as the runner does: with the main step's saved state as STATE_* variables. */
export async function runPost(
  runner: RunnerFiles,
  env: NodeJS.ProcessEnv = {},
): Promise<ProcessResult> {
  const state = parseCommandFile(await runner.read('state'));
  const stateEnv = Object.fromEntries(
    Object.entries(state).map(([name, value]) => [`STATE_${name}`, value]),
  );
  return runNode('dist/post.js', [], { env: { ...runner.env, ...env, ...stateEnv } });
}

/**
 * Fails when a secret appears anywhere in captured output other than the `::add-mask::` line
 * that tells the runner to hide it (the runner never prints those).
 */
export function expectNoSecrets(output: string, secrets: readonly string[]): void {
  const visible = output
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  for (const secret of secrets) {
    if (secret.length >= 8 && visible.includes(secret))
      throw new Error(`a secret (${secret.slice(0, 4)}…) reached the log`);
  }
}

export interface MainStepRun {
  readonly result: ProcessResult;
  /** stdout and stderr together. */
  readonly log: string;
  /** What the step wrote to GITHUB_OUTPUT. */
  readonly outputs: Record<string, string>;
  /** What the step wrote to GITHUB_STEP_SUMMARY. */
  readonly summary: string;
}

/** Runs dist/main.js as one step of a job: fresh runner files, with `env` over their variables. */
export async function runMainStep(env: NodeJS.ProcessEnv): Promise<MainStepRun> {
  const runner = await runnerFiles();
  const result = await runNode('dist/main.js', [], { env: { ...runner.env, ...env } });
  return {
    result,
    log: result.stdout + result.stderr,
    outputs: parseCommandFile(await runner.read('output')),
    summary: await runner.read('summary'),
  };
}
