import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseCommandFile } from '../helpers/action-runner.js';
import type { Annotation } from './types.js';

/**
 * What the runner does with a step's output: workflow commands in stdout/stderr (`::add-mask::`,
 * `::error::`, `::set-output` …) are acted on and not shown, every shown line is masked, and the
 * command files (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_PATH, GITHUB_STATE, GITHUB_STEP_SUMMARY) are
 * read once the step ends.
 */

/** The runner's secret masker: each secret and its JSON- and URL-escaped forms become `***`. */
export class Masker {
  readonly #values = new Set<string>();

  add(secret: string): void {
    for (const value of [secret, ...secret.split(/\r?\n/)]) {
      if (value.trim() === '') continue;
      this.#values.add(value);
      this.#values.add(JSON.stringify(value).slice(1, -1));
      this.#values.add(encodeURIComponent(value));
    }
  }

  mask(text: string): string {
    let masked = text;
    for (const value of [...this.#values].sort((a, b) => b.length - a.length))
      masked = masked.replaceAll(value, '***');
    return masked;
  }
}

/**
 * The run's log, masked, mirrored to a file as it grows so a hung or failed run can be read.
 * Job and step names, error messages and output all pass through the masker.
 */
export class Transcript {
  #text = '';

  constructor(
    readonly file: string,
    private readonly masker: Masker,
  ) {
    writeFileSync(file, '');
  }

  /** Appends a line; returns it as logged. */
  write(line: string): string {
    const masked = this.masker.mask(line);
    this.#text += `${masked}\n`;
    appendFileSync(this.file, `${masked}\n`);
    return masked;
  }

  get text(): string {
    return this.#text;
  }
}

interface WorkflowCommand {
  readonly name: string;
  readonly properties: Record<string, string>;
  readonly value: string;
}

const unescapeData = (text: string): string =>
  text.replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%25', '%');
const unescapeProperty = (text: string): string =>
  unescapeData(text.replaceAll('%3A', ':').replaceAll('%2C', ','));

function parseWorkflowCommand(line: string): WorkflowCommand | undefined {
  const match = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/s.exec(line.trim());
  if (!match) return undefined;
  const [, name = '', properties = '', value = ''] = match;
  const parsed: Record<string, string> = {};
  for (const pair of properties.split(',')) {
    const equals = pair.indexOf('=');
    if (equals > 0) parsed[pair.slice(0, equals).trim()] = unescapeProperty(pair.slice(equals + 1));
  }
  return { name: name.toLowerCase(), properties: parsed, value: unescapeData(value) };
}

const ANNOTATIONS = new Set(['error', 'warning', 'notice']);

/** One step's output as the runner processes it, line by line. */
export class StepOutput {
  readonly lines: string[] = [];
  readonly outputs: Record<string, string> = {};
  readonly state: Record<string, string> = {};
  /** Why the step failed without an error of its own (a disabled command, an action's exit code). */
  failure: string | undefined;
  #stopToken: string | undefined;

  constructor(
    private readonly masker: Masker,
    private readonly annotate: (annotation: Omit<Annotation, 'job' | 'step'>) => void,
    private readonly show: (line: string) => void,
    private readonly debug: boolean,
  ) {}

  line(raw: string): void {
    const command = parseWorkflowCommand(raw);
    if (this.#stopToken !== undefined) {
      if (command?.name === this.#stopToken) this.#stopToken = undefined;
      else this.print(raw);
      return;
    }
    if (!command) return this.print(raw);
    const { name, properties, value } = command;
    if (name === 'add-mask') this.masker.add(value);
    else if (ANNOTATIONS.has(name)) {
      this.annotate({ level: name as Annotation['level'], message: this.masker.mask(value) });
      this.print(`##[${name}]${value}`);
    } else if (name === 'set-output' || name === 'save-state') {
      const target = name === 'set-output' ? this.outputs : this.state;
      target[properties.name ?? ''] = value;
      this.warn(`The \`${name}\` command is deprecated and will be disabled soon.`);
    } else if (name === 'set-env' || name === 'add-path') {
      this.failure = `Unable to process command '${raw.trim()}' successfully. The \`${name}\` command is disabled.`;
      this.print(`##[error]${this.failure}`);
    } else if (name === 'stop-commands') this.#stopToken = value;
    else if (name === 'debug') {
      if (this.debug) this.print(`##[debug]${value}`);
    } else if (name === 'group' || name === 'endgroup') this.print(`##[${name}]${value}`);
    else this.print(raw);
  }

  warn(message: string): void {
    this.annotate({ level: 'warning', message });
    this.print(`##[warning]${message}`);
  }

  print(line: string): void {
    const masked = this.masker.mask(line);
    this.lines.push(masked);
    this.show(masked);
  }
}

export type FileCommand = 'output' | 'env' | 'path' | 'state' | 'summary';

const FILE_VARIABLES: Record<FileCommand, string> = {
  output: 'GITHUB_OUTPUT',
  env: 'GITHUB_ENV',
  path: 'GITHUB_PATH',
  state: 'GITHUB_STATE',
  summary: 'GITHUB_STEP_SUMMARY',
};

/** A step's fresh command files, as the runner creates them under RUNNER_TEMP. */
export function commandFiles(dir: string, stepNumber: number): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [kind, variable] of Object.entries(FILE_VARIABLES)) {
    const file = path.join(dir, `${kind}_${stepNumber}`);
    writeFileSync(file, '');
    env[variable] = file;
  }
  return env;
}

export interface FileCommands {
  readonly outputs: Record<string, string>;
  readonly env: Record<string, string>;
  readonly path: string[];
  readonly state: Record<string, string>;
  readonly summary: string;
}

export function readFileCommands(files: Record<string, string>): FileCommands {
  const read = (kind: FileCommand) => readFileSync(files[FILE_VARIABLES[kind]] ?? '', 'utf8');
  const env = parseCommandFile(read('env'));
  // The runner refuses NODE_OPTIONS from GITHUB_ENV (it would run code in later actions).
  if ('NODE_OPTIONS' in env)
    throw new Error("Can't store NODE_OPTIONS output parameter using '$GITHUB_ENV' command.");
  return {
    outputs: parseCommandFile(read('output')),
    env,
    path: read('path')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    state: parseCommandFile(read('state')),
    summary: read('summary'),
  };
}
