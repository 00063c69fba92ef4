import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PLAIN_COLORS } from '../../src/adapters/ui/format.js';
import type {
  CloudJobRef,
  Command,
  CommandContext,
  HeadlineLink,
  Host,
  RawInputs,
  Ui,
} from '../../src/commands/command.js';
import { UserError } from '../../src/core/errors.js';
import type { TaskEvent } from '../../src/core/run-events.js';

/**
 * A Ui and Host that record what a command did, for in-process command tests
 * (tests/commands/*): what the action's and the CLI's hosts would have shown or done.
 */

export interface RecordedTable {
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

export interface Recording {
  readonly infos: string[];
  readonly warnings: string[];
  readonly debugs: string[];
  /** Group titles, in the order they were opened. */
  readonly groups: string[];
  readonly tasks: TaskEvent[];
  readonly taskOutput: Array<{ taskPath: string; line: string }>;
  readonly diagrams: Array<{ title: string; mermaid: string }>;
  readonly headlines: Array<{ passed: boolean; text: string; link?: HeadlineLink }>;
  readonly tables: RecordedTable[];
  readonly masked: Array<{ value: string; name: string }>;
  readonly exported: Record<string, string>;
  readonly deletedAfterJob: string[];
  /** Every trackCloudJob call, `undefined` for "finished". */
  readonly cloudJobs: Array<CloudJobRef | undefined>;
}

export interface RecordingHost {
  readonly ui: Ui;
  readonly host: Host;
  readonly recording: Recording;
}

export function createRecordingHost(tempDir?: string): RecordingHost {
  const recording: Recording = {
    infos: [],
    warnings: [],
    debugs: [],
    groups: [],
    tasks: [],
    taskOutput: [],
    diagrams: [],
    headlines: [],
    tables: [],
    masked: [],
    exported: {},
    deletedAfterJob: [],
    cloudJobs: [],
  };
  const ui: Ui = {
    info: (message) => void recording.infos.push(message),
    warning: (message) => void recording.warnings.push(message),
    debug: (message) => void recording.debugs.push(message),
    group: async (title, work) => {
      recording.groups.push(title);
      return work();
    },
    task: (event) => void recording.tasks.push(event),
    taskOutput: (taskPath, line) => void recording.taskOutput.push({ taskPath, line }),
    diagram: (title, mermaid) => void recording.diagrams.push({ title, mermaid }),
    headline: (passed, text, link) =>
      void recording.headlines.push({ passed, text, ...(link ? { link } : {}) }),
    table: (title, header, rows) => void recording.tables.push({ title, header, rows }),
    colors: PLAIN_COLORS,
  };
  const host: Host = {
    exportVariable: (name, value) => void (recording.exported[name] = value),
    maskSecret: (value, name) => void recording.masked.push({ value, name }),
    deleteAfterJob: (file) => void recording.deletedAfterJob.push(file),
    trackCloudJob: (job) => void recording.cloudJobs.push(job),
    tempDir: tempDir ?? mkdtempSync(path.join(tmpdir(), 'mlops-host-')),
  };
  return { ui, host, recording };
}

export type InputValue = string | string[] | boolean;

/**
 * RawInputs as the hosts build them: a blank string is "not given" (the action's getInput),
 * a list input may come as one multiline string (the action) or an array (the CLI's repeated flag),
 * a boolean may be given as a boolean or as the action's "true"/"false" text.
 */
export function rawInputsOf(inputs: Record<string, InputValue | undefined>): RawInputs {
  return {
    string(name) {
      const value = inputs[name];
      if (value === undefined) return undefined;
      if (typeof value === 'boolean') return String(value);
      const text = Array.isArray(value) ? value.join('\n') : value;
      return text === '' ? undefined : text;
    },
    list(name) {
      const value = inputs[name];
      if (value === undefined || typeof value === 'boolean') return [];
      const lines = Array.isArray(value) ? value : value.split('\n');
      return lines.filter((line) => line.trim() !== '');
    },
    boolean(name) {
      const value = inputs[name];
      if (value === undefined) return undefined;
      if (typeof value === 'boolean') return value;
      const text = (Array.isArray(value) ? value.join('') : value).trim().toLowerCase();
      if (text === '') return undefined;
      if (text === 'true') return true;
      if (text === 'false') return false;
      throw new UserError(`Input "${name}" is "${text}"`, { fix: 'Use true or false.' });
    },
  };
}

export interface RunCommandOptions {
  /** The command's environment; nothing from process.env unless given (keeps tests hermetic). */
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  readonly tempDir?: string;
  readonly signal?: AbortSignal;
}

export interface CommandRun<Inputs = unknown> extends Recording {
  /** The parsed inputs, when parseInputs succeeded. */
  readonly inputs?: Inputs;
  readonly outputs: Record<string, string>;
  readonly failure?: string;
  /** The UserError parseInputs or run threw. */
  readonly userError?: UserError;
  readonly context: CommandContext;
}

/**
 * Runs a command the way the hosts do (parseInputs, then run, which starts with the command's
 * planning phase: files and git are read there) with a recording Ui and Host.
 * A UserError is returned in `userError`; any other error is rethrown (a bug, or a failure the
 * test should see whole).
 */
export async function runCommand<Inputs>(
  command: Command<Inputs>,
  inputs: Record<string, InputValue | undefined>,
  options: RunCommandOptions = {},
): Promise<CommandRun<Inputs>> {
  const { ui, host, recording } = createRecordingHost(options.tempDir);
  const context: CommandContext = {
    ui,
    host,
    cwd: options.cwd ?? process.cwd(),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
    ...(options.signal ? { signal: options.signal } : {}),
  };
  let parsed: Inputs | undefined;
  try {
    parsed = command.parseInputs(rawInputsOf(inputs), context);
    const result = await command.run(parsed, context);
    return {
      ...recording,
      inputs: parsed,
      outputs: result.outputs,
      ...(result.failure === undefined ? {} : { failure: result.failure }),
      context,
    };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return {
      ...recording,
      ...(parsed === undefined ? {} : { inputs: parsed }),
      outputs: {},
      userError: error,
      context,
    };
  }
}
