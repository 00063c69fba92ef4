import type { Colors } from '../adapters/ui/format.js';
import { UserError } from '../core/errors.js';
import type { TaskEvent } from '../core/run-events.js';

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
  /**
   * Shown in action.yml and --help. Stands in for a value not given (or blank) before the
   * command's parser reads it (see defineCommand), so parsers never repeat it.
   */
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

/** A link after a headline: the run's HTML report, the Vertex console page. */
export interface HeadlineLink {
  readonly text: string;
  readonly url: string;
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
  /**
   * The step's verdict in one line: first in what the step adds to the job summary (a reader
   * sees pass or fail before any table), a marked line in the log and the terminal.
   */
  headline(passed: boolean, text: string, link?: HeadlineLink): void;
  /** A table printed in the log and added to the job summary. */
  table(title: string, header: readonly string[], rows: ReadonlyArray<readonly string[]>): void;
  readonly colors: Colors;
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
  /**
   * CLI flags beyond one per input. (The words that select a command in the CLI, such as
   * `mlops images diff`, are in the registry, which the CLI reads before loading any command.)
   */
  readonly cli?: {
    /** Flags that stand for an input's value: `--local` for `--target local`. */
    readonly shorthands?: ReadonlyArray<{
      readonly name: string;
      readonly description: string;
      /** Undefined: the flag only states what the command does anyway (`serve --local`). */
      readonly sets?: { readonly input: string; readonly value: string };
    }>;
  };
  readonly summary: string;
  /**
   * The command leaves work for the action's post step (a file to delete, a cloud job to cancel
   * if the workflow is): its own action (`<command>/action.yml`) runs the post step too.
   */
  readonly postStep?: boolean;
  readonly inputs: readonly InputDefinition[];
  readonly outputs: readonly OutputDefinition[];
  /**
   * Checks every input and throws one UserError listing all their problems (see parseFields).
   * Pure: it reads the raw inputs and `context.env`'s strings (it may mask a secret input), and
   * no file, git, network or other process state, so it says the same for the same inputs.
   */
  parseInputs(raw: RawInputs, context: CommandContext): Inputs;
  /**
   * Does the work. A command whose inputs name files or depend on the checkout starts with its
   * planning phase, a function named `plan…` called first: it reads them (files, git, the
   * terminal) and reports what is wrong the same way (parseFields, one UserError), before the
   * first side effect, so nothing is written, pushed or created when an input is wrong.
   */
  run(inputs: Inputs, context: CommandContext): Promise<CommandResult>;
}

/**
 * Defines a command while keeping its Inputs type (the registry erases it). Its parser gets
 * the inputs with their definitions' defaults filled in: the action runner fills in action.yml's
 * copy of them, the CLI none, so both hosts parse alike.
 */
export function defineCommand<Inputs>(command: Command<Inputs>): Command<Inputs> {
  return {
    ...command,
    parseInputs: (raw, context) => command.parseInputs(withDefaults(raw, command.inputs), context),
  };
}

function withDefaults(raw: RawInputs, inputs: readonly InputDefinition[]): RawInputs {
  const fallback = (name: string): string | undefined =>
    inputs.find((input) => input.name === name)?.default;
  return {
    string(name) {
      const value = raw.string(name);
      return value === undefined || value.trim() === '' ? (fallback(name) ?? value) : value;
    },
    list(name) {
      const items = raw.list(name);
      const value = fallback(name);
      return items.length === 0 && value !== undefined ? [value] : items;
    },
    boolean(name) {
      const value = fallback(name);
      return raw.boolean(name) ?? (value === undefined ? undefined : value === 'true');
    },
  };
}

/**
 * Parses (or, in a planning phase, checks) a command's inputs field by field and reports every
 * problem at once: each field's parser runs, each UserError one throws is kept, and after the
 * last field one error is thrown (see inputProblems). Anything else thrown is a bug and goes
 * through at once. A field that needs another's value calls that field's parser made with
 * `once`: if it failed, its error comes again and is counted once, so the dependent is skipped.
 * Helpers may use it for a group of inputs: their problems join the command's, one by one.
 */
export function parseFields<Fields extends Record<string, () => unknown>>(
  command: string,
  fields: Fields,
): { [Name in keyof Fields]: ReturnType<Fields[Name]> } {
  const values: Record<string, unknown> = {};
  const problems: UserError[] = [];
  for (const [name, parse] of Object.entries(fields)) {
    try {
      values[name] = parse();
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      const found = error instanceof InputProblems ? error.problems : [error];
      problems.push(...found.filter((problem) => !problems.includes(problem)));
    }
  }
  if (problems.length > 0) throw inputProblems(command, problems);
  return values as { [Name in keyof Fields]: ReturnType<Fields[Name]> };
}

/** A parser that runs once: every call returns its value, or throws the same error again. */
export function once<T>(parse: () => T): () => T {
  let result: { readonly value: T } | { readonly error: unknown } | undefined;
  return () => {
    if (!result) {
      try {
        result = { value: parse() };
      } catch (error) {
        result = { error };
      }
    }
    if ('error' in result) throw result.error;
    return result.value;
  };
}

/** Several problems of a command's inputs, reported as one; its details give each with its fix. */
export class InputProblems extends UserError {
  constructor(
    command: string,
    readonly problems: readonly UserError[],
  ) {
    super(`${problems.length} inputs of ${command} are invalid`, {
      details: problems.map((problem) => {
        const details = problem.details.length > 0 ? ` (${problem.details.join('; ')})` : '';
        return `${problem.message}${details}${problem.fix ? `. Fix: ${problem.fix}` : ''}`;
      }),
      fix: 'Correct each input as its line says, then run again; nothing was done.',
    });
  }
}

/** The problems of a command's inputs as one UserError: a single problem as it is. */
export function inputProblems(command: string, problems: readonly UserError[]): UserError {
  const [first] = problems;
  return first && problems.length === 1 ? first : new InputProblems(command, problems);
}

/** The value of an input that has a default (so it is never missing), trimmed. */
export function stringInput(raw: RawInputs, name: string): string {
  const value = raw.string(name)?.trim();
  if (value === undefined) throw new Error(`Input "${name}" has no default`);
  return value;
}

/** A boolean input that has a default. */
export function booleanInput(raw: RawInputs, name: string): boolean {
  const value = raw.boolean(name);
  if (value === undefined) throw new Error(`Input "${name}" has no default`);
  return value;
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

/**
 * One of `choices`: the input's default among them, else `fallback` (for an input whose name
 * another command shares without a default, as action.yml has one default per name).
 */
export function choiceInput<T extends string>(
  raw: RawInputs,
  name: string,
  choices: readonly T[],
  fallback?: T,
): T {
  const value =
    fallback === undefined ? stringInput(raw, name) : raw.string(name)?.trim() || fallback;
  if (!(choices as readonly string[]).includes(value)) {
    throw new UserError(`Input "${name}" is "${value}"`, {
      fix: `Use one of: ${choices.join(', ')}.`,
    });
  }
  return value as T;
}

/** A whole number of at least `min`: the input's default, else `fallback` (one computed at run time). */
export function integerInput(raw: RawInputs, name: string, min: number, fallback?: number): number {
  const value = raw.string(name)?.trim();
  if (value === undefined || value === '') {
    if (fallback === undefined) throw new Error(`Input "${name}" has no default`);
    return fallback;
  }
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < min)
    throw new UserError(`Input "${name}" is "${value}"`, {
      fix: `Give a whole number of at least ${min}.`,
    });
  return number;
}
