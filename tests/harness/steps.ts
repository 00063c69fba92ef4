import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as delay } from 'node:timers/promises';
import {
  convertActionTemplate,
  parseAction,
  type ActionInputDefinition,
} from '@actions/workflow-parser/actions/index';
import { NoOperationTraceWriter } from '@actions/workflow-parser';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token';
import { NODE } from '../helpers/cli.js';
import type { StepOutput } from './commands.js';
import { evaluateString, type Scope } from './expressions.js';

/** How a step's process runs: its environment, folder, time limit and output. */
export interface StepProcess {
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
  readonly timeoutMs: number;
  readonly output: StepOutput;
  /** The job's process groups, which the runner stops when the job ends ("orphan processes"). */
  readonly processGroups: number[];
}

/**
 * Runs a process as the runner does: stdout and stderr line by line through the step's output
 * (commands, masking), in its own process group so a timeout stops everything it started. The
 * step ends with its main process, even if something it left in the background keeps the pipes
 * open. Resolves to the exit code; a timeout rejects.
 */
function runProcess(command: string, args: readonly string[], step: StepProcess) {
  return new Promise<number>((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: step.cwd,
      env: step.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    if (child.pid) step.processGroups.push(child.pid);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      stopGroup(child.pid);
    }, step.timeoutMs);
    const streams = [child.stdout, child.stderr].map(
      (stream) =>
        new Promise<void>((done) => {
          createInterface({ input: stream, crlfDelay: Infinity })
            .on('line', (line) => step.output.line(line))
            .on('close', done);
        }),
    );
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      void Promise.race([Promise.all(streams), delay(1_000)]).then(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        if (timedOut)
          reject(
            new Error(
              `The step was stopped: it ran out of time (${Math.round(step.timeoutMs / 1000)} s left)`,
            ),
          );
        else resolve(code ?? 1);
      });
    });
  });
}

/** Stops a process group, if it is still there. */
export function stopGroup(pid: number | undefined): void {
  try {
    if (pid) process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** The runner's shells; without `shell:` it is `bash -e {0}` (no pipefail), as documented. */
const SHELLS: Record<string, string> = {
  bash: 'bash --noprofile --norc -eo pipefail {0}',
  sh: 'sh -e {0}',
  python: 'python {0}',
};

/** A `run:` script written to RUNNER_TEMP and the command line that runs it. */
function shellCommand(
  shell: string | undefined,
  script: string,
  temp: string,
  stepNumber: number,
): { command: string; args: string[]; line: string } {
  if (shell && ['pwsh', 'powershell', 'cmd'].includes(shell))
    throw new Error(`the harness models ubuntu-latest: shell '${shell}' is not modelled`);
  const template = shell === undefined ? 'bash -e {0}' : (SHELLS[shell] ?? shell);
  if (!template.includes('{0}'))
    throw new Error(`Invalid shell option. Shell path should include {0}: '${template}'`);
  const file = path.join(temp, `step_${stepNumber}.${shell === 'python' ? 'py' : 'sh'}`);
  writeFileSync(file, script);
  const [command = 'bash', ...args] = template.split(' ').map((part) => part.replace('{0}', file));
  return { command, args, line: template };
}

/** A JavaScript action read with GitHub's action.yml parser. */
export interface NodeAction {
  readonly dir: string;
  readonly inputs: readonly ActionInputDefinition[];
  readonly main: string;
  readonly post?: string;
  /** Defaults to always(), as the runner does. */
  readonly postIf: string;
}

export function loadNodeAction(dir: string, display: string): NodeAction {
  const file = ['action.yml', 'action.yaml']
    .map((name) => path.join(dir, name))
    .find((candidate) => existsSync(candidate));
  if (!file) throw new Error(`Can't find 'action.yml' or 'action.yaml' for ${display}`);
  const parsed = parseAction(
    { name: file, content: readFileSync(file, 'utf8') },
    new NoOperationTraceWriter(),
  );
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (!parsed.value || errors.length > 0)
    throw new Error(`${display} has an invalid action.yml: ${errors.join('; ')}`);
  const template = convertActionTemplate(parsed.context, parsed.value);
  const runs = template.runs;
  if (runs.using !== 'node20' && runs.using !== 'node24')
    throw new Error(`the harness runs JavaScript actions only: ${display} uses '${runs.using}'`);
  return {
    dir,
    inputs: template.inputs ?? [],
    main: runs.main,
    ...(runs.post ? { post: runs.post } : {}),
    postIf: runs.postIf ?? 'always()',
  };
}

/** INPUT_<NAME>: upper-cased, spaces to '_', hyphens kept. */
const inputVariable = (name: string): string => `INPUT_${name.replaceAll(' ', '_').toUpperCase()}`;

/**
 * The INPUT_* variables the runner gives an action: every `with:` value, then each declared
 * input's default when not given. Inputs the action does not declare are passed with the
 * runner's warning.
 */
export function actionInputs(
  action: NodeAction,
  given: Readonly<Record<string, string>>,
  defaultValue: (token: TemplateToken, name: string) => string,
  warn: (message: string) => void,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(given)) env[inputVariable(name)] = value;
  const declared = new Set(action.inputs.map((input) => input.id.toLowerCase()));
  const unexpected = Object.keys(given).filter((name) => !declared.has(name.toLowerCase()));
  if (unexpected.length > 0)
    warn(
      `Unexpected input(s) '${unexpected.join("', '")}', valid inputs are ['${action.inputs.map((i) => i.id).join("', '")}']`,
    );
  for (const input of action.inputs) {
    const variable = inputVariable(input.id);
    if (!(variable in env) && input.default) env[variable] = defaultValue(input.default, input.id);
  }
  return env;
}

/** What a step body needs from its job. */
export interface StepHost extends StepProcess {
  readonly workspace: string;
  readonly temp: string;
  readonly stepNumber: number;
  /** The step's expression scope, its own `env:` included. */
  readonly scope: Scope;
}

/** A `run:` step: `shell:` and `working-directory:`, else `defaults.run`, else bash in the workspace. */
export async function runScript(
  host: StepHost,
  script: TemplateToken,
  options: { shell?: TemplateToken; workingDirectory?: TemplateToken },
  defaults: { shell?: string; workingDirectory?: string },
): Promise<void> {
  const text = (token: TemplateToken | undefined, what: string) =>
    token ? evaluateString(token, host.scope, what) : undefined;
  const cwd = path.resolve(
    host.workspace,
    text(options.workingDirectory, 'working-directory') ?? defaults.workingDirectory ?? '',
  );
  if (!existsSync(cwd))
    throw new Error(
      `An error occurred trying to start process: working directory '${cwd}' does not exist`,
    );
  const command = shellCommand(
    text(options.shell, 'shell') ?? defaults.shell,
    evaluateString(script, host.scope, 'run'),
    host.temp,
    host.stepNumber,
  );
  host.output.print(`shell: ${command.line}`);
  const code = await runProcess(command.command, command.args, { ...host, cwd });
  if (code !== 0) throw new Error(`Process completed with exit code ${code}.`);
}

/** Runs a JavaScript action's `main` (or `post`) script with node24, in the workspace. */
export async function runNodeScript(
  host: StepHost,
  action: NodeAction,
  script: string,
  env: Readonly<Record<string, string>>,
): Promise<void> {
  const code = await runProcess(NODE, [path.join(action.dir, script)], {
    ...host,
    env: { ...host.env, ...env, GITHUB_ACTION_PATH: action.dir },
    cwd: host.workspace,
  });
  // The action reports its own error (core.setFailed); the runner adds none for the exit code.
  if (code !== 0) host.output.failure = `exit code ${code}`;
}
