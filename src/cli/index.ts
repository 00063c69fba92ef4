import { readFileSync } from 'node:fs';
import { Command as Program, CommanderError, Option } from 'commander';
import { packageVersion } from '../adapters/package-version.js';
import { errorMessage, UserError } from '../core/errors.js';
import { closest } from '../core/suggest.js';
import type { Command, InputDefinition, RawInputs } from '../commands/command.js';
import { CLI_COMMANDS, loadCommands, type CommandEntry } from '../commands/registry.js';
import { createCliHost, redact } from './cli-host.js';
import { createCliUi } from './cli-ui.js';

/** commander keys: `pipeline-root` → `pipelineRoot`; `--no-cache` is stored as `cache: false`. */
function optionKey(name: string): string {
  const base = name.startsWith('no-') ? name.slice(3) : name;
  return base.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** The variable a secret input is read from: `registry-password` → MLOPS_REGISTRY_PASSWORD. */
export function secretVariable(name: string): string {
  return `MLOPS_${name.toUpperCase().replaceAll('-', '_')}`;
}

/**
 * A secret input's value: `-` reads standard input (one value, its final newline dropped), no
 * flag reads MLOPS_<NAME>, and a value typed on the command line works with a warning, since
 * `ps` and shell history can see it.
 */
function secretInput(
  input: InputDefinition,
  given: string | undefined,
  env: NodeJS.ProcessEnv,
  warn: (message: string) => void,
): string | undefined {
  const variable = secretVariable(input.name);
  if (given === '-') return readFileSync(0, 'utf8').replace(/\r?\n$/, '');
  if (given === undefined) return env[variable] || undefined;
  warn(
    `--${input.name} on the command line can be read by other users (ps) and stays in your shell history; set ${variable} or give --${input.name} - to read it from standard input`,
  );
  return given;
}

function rawInputs(
  definitions: readonly InputDefinition[],
  positional: Record<string, string>,
  options: Record<string, unknown>,
  env: NodeJS.ProcessEnv,
  warn: (message: string) => void,
): RawInputs {
  const definition = (name: string): InputDefinition | undefined =>
    definitions.find((input) => input.name === name);
  const secrets = new Map<string, string | undefined>();
  return {
    string: (name) => {
      if (name in positional) return positional[name];
      const value = options[optionKey(name)];
      const given = typeof value === 'string' ? value : undefined;
      const input = definition(name);
      if (!input?.secret) return given;
      // Read once: standard input can be read only once, and the warning is said once.
      if (!secrets.has(name)) secrets.set(name, secretInput(input, given, env, warn));
      return secrets.get(name);
    },
    list: (name) => {
      const value = options[optionKey(name)];
      return Array.isArray(value) ? (value as string[]) : [];
    },
    boolean: (name) => {
      const value = options[optionKey(name)];
      if (typeof value !== 'boolean') return undefined;
      return definition(name)?.name.startsWith('no-') ? !value : value;
    },
  };
}

function describe(input: InputDefinition): string {
  const choices = input.choices ? ` (${input.choices.join(' | ')})` : '';
  const fallback =
    input.default !== undefined && input.kind !== 'boolean' ? ` [default: ${input.default}]` : '';
  const secret = input.secret
    ? ` Better kept off the command line: set ${secretVariable(input.name)}, or give - to read standard input.`
    : '';
  return `${input.description}${choices}${fallback}${secret}`;
}

function addCommand(
  program: Program,
  words: readonly string[],
  command: Command<unknown>,
  run: (command: Command<unknown>, raw: RawInputs) => Promise<void>,
  secretWarning: (message: string) => void,
): void {
  let parent = program;
  for (const group of words.slice(0, -1)) {
    parent =
      parent.commands.find((existing) => existing.name() === group) ??
      parent.command(group).description(`${group} commands`);
  }
  const sub = parent.command(words.at(-1) ?? command.name).description(command.summary);
  for (const input of command.inputs.filter((i) => i.positional)) {
    sub.argument(input.required ? `<${input.name}>` : `[${input.name}]`, describe(input));
  }
  for (const input of command.inputs.filter((i) => !i.positional)) {
    const value = input.valueName ?? input.name.toUpperCase().replaceAll('-', '_');
    if (input.kind === 'boolean' && input.default === 'true') {
      // On by default: the flag turns it off (commander sets the option false).
      sub.addOption(new Option(`--no-${input.name}`, `Turn off: ${describe(input)}`));
    } else if (input.kind === 'boolean')
      sub.addOption(new Option(`--${input.name}`, describe(input)));
    else if (input.kind === 'list') {
      sub.addOption(
        new Option(`--${input.name} <${value}>`, `${describe(input)} (repeatable)`).argParser(
          (item: string, previous: string[] = []) => [...previous, item],
        ),
      );
    } else sub.addOption(new Option(`--${input.name} <${value}>`, describe(input)));
  }
  const shorthands = command.cli?.shorthands ?? [];
  for (const flag of shorthands) {
    const others = shorthands.filter(
      (other) => other !== flag && flag.sets && other.sets?.input === flag.sets.input,
    );
    sub.addOption(
      new Option(`--${flag.name}`, flag.description).conflicts(others.map((other) => other.name)),
    );
  }
  sub.action(async (...args: unknown[]) => {
    const positionalNames = command.inputs.filter((i) => i.positional).map((i) => i.name);
    const positional: Record<string, string> = {};
    positionalNames.forEach((name, index) => {
      if (typeof args[index] === 'string') positional[name] = args[index];
    });
    const options = sub.opts<Record<string, unknown>>();
    for (const { name, sets } of shorthands) {
      if (options[name] !== true || !sets) continue;
      const key = optionKey(sets.input);
      if (typeof options[key] === 'string' && options[key] !== sets.value) {
        throw new UserError(`--${name} conflicts with --${sets.input} ${String(options[key])}`, {
          fix: 'Give one of them.',
        });
      }
      options[key] = sets.value;
    }
    await run(command, rawInputs(command.inputs, positional, options, process.env, secretWarning));
  });
}

/**
 * The commands argv can reach, loaded: only the one it names (its code is all a call loads),
 * every command of a group it names alone (`mlops images`), none for --version, and all of them
 * otherwise, for the help and for suggestions after a mistyped name.
 */
async function commandsFor(
  argv: readonly string[],
): Promise<Array<[CommandEntry, Command<unknown>]>> {
  const words = argv.filter((word) => !word.startsWith('-'));
  const named = CLI_COMMANDS.filter((entry) =>
    entry.cliWords.every((word, index) => index >= words.length || words[index] === word),
  );
  const entries =
    argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')
      ? []
      : words.length > 0 && named.length > 0
        ? named
        : CLI_COMMANDS;
  const commands = await loadCommands(entries);
  return entries.map((entry, index): [CommandEntry, Command<unknown>] => [
    entry,
    commands[index] as Command<unknown>,
  ]);
}

/** Runs the CLI and resolves to the process exit code: 0 ok, 1 failure, 2 user error. */
export async function main(argv: readonly string[]): Promise<number> {
  const secrets = new Set<string>();
  const ui = createCliUi({ debug: process.env.MLOPS_DEBUG === '1', secrets });
  const host = createCliHost(secrets);
  const controller = new AbortController();
  const onSignal = (): void => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let exitCode = 0;
  const program = new Program('mlops')
    .description(
      'Compile, validate and run Kubeflow (KFP v2) pipelines locally, on the way to Vertex AI.',
    )
    .version(packageVersion(), '-V, --version', 'Print the version of mlops-platform.')
    .exitOverride()
    // Usage errors are reported below like any UserError, with a Fix line instead of the usage.
    .configureOutput({ writeErr: (text) => process.stderr.write(text), outputError: () => {} })
    .showSuggestionAfterError(false);
  for (const [entry, command] of await commandsFor(argv)) {
    addCommand(
      program,
      entry.cliWords,
      command,
      async (selected, raw) => {
        const context = {
          ui,
          host,
          cwd: process.cwd(),
          env: process.env,
          signal: controller.signal,
        };
        const inputs = selected.parseInputs(raw, context);
        const result = await selected.run(inputs, context);
        for (const [name, value] of Object.entries(result.outputs))
          ui.debug(`output ${name}=${value}`);
        if (result.failure) {
          ui.info(ui.colors.fail(`error: ${result.failure}`));
          exitCode = 1;
        }
      },
      (message) => ui.warning(message),
    );
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (caught) {
    // --help and --version end parsing by throwing, with exit code 0.
    if (caught instanceof CommanderError && caught.exitCode === 0) return 0;
    const error = caught instanceof CommanderError ? usageError(caught, program, argv) : caught;
    const prefix = ui.colors.fail('error:');
    process.stderr.write(`${prefix} ${redact(errorMessage(error), secrets)}\n`);
    return error instanceof UserError ? 2 : 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  return exitCode;
}

/**
 * A command line commander refused, as a UserError whose fix names the closest command or
 * option (src/core/suggest.ts), else the --help to read.
 */
function usageError(error: CommanderError, program: Program, argv: readonly string[]): UserError {
  // The (sub)command being parsed: follow the words of argv that name subcommands.
  let current = program;
  for (const word of argv) {
    const sub = current.commands.find((command) => command.name() === word);
    if (sub) current = sub;
    else if (!word.startsWith('-') || word === '--') break;
  }
  const names: string[] = [];
  for (let command: Program | null = current; command; command = command.parent)
    names.unshift(command.name());
  const usage = names.join(' ');
  if (error.code === 'commander.help') {
    // A group without its subcommand (`mlops images`): commander has printed its help.
    return new UserError(`${usage} needs a command`, {
      fix: `run ${usage} COMMAND with one of the commands listed above.`,
    });
  }
  const message = error.message.replace(/^error: /, '');
  const unknown = /^unknown (command|option) '([^']+)'/.exec(message);
  if (!unknown) {
    return new UserError(message, {
      fix: `run ${usage} --help to see its arguments and options.`,
    });
  }
  const [, kind, word = ''] = unknown;
  const suggestion = closest(
    word,
    kind === 'command'
      ? current.commands.map((command) => command.name())
      : current.options.flatMap((option) => (option.long ? [option.long] : [])),
  );
  return new UserError(message, {
    fix: suggestion
      ? `did you mean ${kind === 'command' ? `${usage} ${suggestion}` : suggestion}? (${usage} --help lists them)`
      : `run ${usage} --help to see the ${kind}s.`,
  });
}
