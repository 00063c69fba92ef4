import type { TaskEvent } from '../adapters/local-runner/local-runner.js';
import { UserError } from '../core/errors.js';

/**
 * The contract between commands and their two hosts (the action and the CLI). A command
 * declares its inputs once; action.yml, the CLI flags and `--help` all come from that list.
 */

export type InputKind = 'string' | 'boolean' | 'list' | 'integer';

export interface InputDefinition {
  /** kebab-case; the action input and the CLI flag share it. */
  readonly name: string;
  readonly description: string;
  readonly kind: InputKind;
  readonly required?: boolean;
  /** Shown in action.yml and --help; applied by the command's parser, not the host. */
  readonly default?: string;
  readonly choices?: readonly string[];
  /** In the CLI, given as a positional argument instead of a flag. */
  readonly positional?: boolean;
  /** Placeholder for the value in --help, e.g. NAME=VALUE. */
  readonly valueName?: string;
  /**
   * A password or token. Besides the flag (which `ps` and shell history can see), the CLI takes
   * it from MLOPS_<NAME> or, given as `-`, from standard input.
   */
  readonly secret?: boolean;
}

export interface OutputDefinition {
  readonly name: string;
  readonly description: string;
}

/** Raw values as the host got them: the action's strings or the CLI's parsed flags. */
export interface RawInputs {
  string(name: string): string | undefined;
  list(name: string): string[];
  boolean(name: string): boolean | undefined;
}

/** What commands use to talk to the user; the action and CLI render it their own way. */
export interface Ui {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
  group<T>(title: string, work: () => Promise<T>): Promise<T>;
  /** One line per task state change. */
  task(event: TaskEvent): void;
  /** A live log line from a task, shown when the user asked for verbose output. */
  taskOutput(taskPath: string, line: string): void;
  /** A Mermaid diagram for the job summary (terminals have no use for it). */
  diagram(title: string, mermaid: string): void;
  /** A table printed in the log and added to the job summary. */
  table(title: string, header: readonly string[], rows: ReadonlyArray<readonly string[]>): void;
  readonly colors: Colors;
}

export interface Colors {
  ok(text: string): string;
  fail(text: string): string;
  warn(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

export interface CloudJobRef {
  readonly kind: 'vertex-pipeline-job';
  readonly project: string;
  readonly region: string;
  readonly jobId: string;
}

/** What differs between running inside a GitHub Actions step and in a terminal. */
export interface Host {
  /** Makes a variable visible to later steps (action) or prints an `export` line to eval (CLI). */
  exportVariable(name: string, value: string): void;
  /**
   * Hides a value from every log line from now on. Call before the value can be printed.
   * `name` says what it is (an input, a .env name) in the warning when it is too short to hide.
   */
  maskSecret(value: string, name: string): void;
  /** A file the post step deletes after the job (the CLI leaves it and says where it is). */
  deleteAfterJob(file: string): void;
  /**
   * A cloud job this step started and is waiting for; the post step cancels it if the workflow
   * is cancelled before the wait ends. `undefined` once the job is finished or left running on purpose.
   */
  trackCloudJob(job: CloudJobRef | undefined): void;
  /** Folder for files that must not land in the checkout (RUNNER_TEMP in Actions). */
  readonly tempDir: string;
}

export interface CommandContext {
  readonly ui: Ui;
  readonly host: Host;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly signal?: AbortSignal;
}

export interface CommandResult {
  readonly outputs: Record<string, string>;
  /** Set when the command ran but its outcome is a failure (a failed pipeline run). */
  readonly failure?: string;
}

export interface Command<Inputs> {
  /** The action's `command` value. */
  readonly name: string;
  /** How the CLI shows it, when not simply as `mlops <name>` with a flag per input. */
  readonly cli?: {
    /** A subcommand of a group instead: `mlops images diff`. */
    readonly group?: string;
    readonly name?: string;
    /** Flags that stand for an input's value: `--local` for `--target local`. */
    readonly shorthands?: ReadonlyArray<{
      readonly name: string;
      readonly description: string;
      /** Undefined: the flag only states what the command does anyway (`serve --local`). */
      readonly sets?: { readonly input: string; readonly value: string };
    }>;
  };
  readonly summary: string;
  readonly inputs: readonly InputDefinition[];
  readonly outputs: readonly OutputDefinition[];
  /** Validates every input before anything happens; throws UserError listing all problems. */
  parseInputs(raw: RawInputs, context: CommandContext): Inputs;
  run(inputs: Inputs, context: CommandContext): Promise<CommandResult>;
}

/** Defines a command while keeping its Inputs type (the registry erases it). */
export function defineCommand<Inputs>(command: Command<Inputs>): Command<Inputs> {
  return command;
}

export function requireInput(raw: RawInputs, name: string, hint: string): string {
  const value = raw.string(name);
  if (value === undefined || value.trim() === '')
    throw new UserError(`Missing required input "${name}"`, { fix: hint });
  return value.trim();
}

/** A list input's items, also split on commas (`a,b` on one line), trimmed, blanks dropped. */
export function listInput(raw: RawInputs, name: string): string[] {
  return raw
    .list(name)
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter(Boolean);
}

export function choiceInput<T extends string>(
  raw: RawInputs,
  name: string,
  choices: readonly T[],
  fallback: T,
): T {
  const value = raw.string(name)?.trim();
  if (value === undefined || value === '') return fallback;
  if (!(choices as readonly string[]).includes(value)) {
    throw new UserError(`Input "${name}" is "${value}"`, {
      fix: `Use one of: ${choices.join(', ')}.`,
    });
  }
  return value as T;
}

export function integerInput(raw: RawInputs, name: string, fallback: number, min: number): number {
  const value = raw.string(name)?.trim();
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < min)
    throw new UserError(`Input "${name}" is "${value}"`, {
      fix: `Give a whole number of at least ${min}.`,
    });
  return number;
}
