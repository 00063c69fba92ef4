import { UserError } from '../core/errors.js';
import type { Command } from './command.js';

/**
 * A command as the hosts find it: its name and the words that select it in the CLI, with its
 * definition and code loaded only when used, so a step or a CLI call loads its one command.
 */
export interface CommandEntry {
  /** The action's `command` value. */
  readonly name: string;
  /** The words after `mlops` that select it: ['validate'], or ['images', 'diff'] in a group. */
  readonly cliWords: readonly string[];
  load(): Promise<Command<unknown>>;
}

function entry(
  name: string,
  load: () => Promise<unknown>,
  cliWords: readonly string[] = [name],
): CommandEntry {
  return { name, cliWords, load: async () => (await load()) as Command<unknown> };
}

/** The commands of the action and the CLI, in the order help lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  entry('compile', async () => (await import('./compile.js')).compileCommand),
  entry('validate', async () => (await import('./validate.js')).validateCommand),
  entry('run', async () => (await import('./run.js')).runCommand),
  entry('serve', async () => (await import('./serve.js')).serveCommand),
  entry('build', async () => (await import('./build.js')).buildCommand),
  entry('images-verify', async () => (await import('./images-verify.js')).imagesVerifyCommand, [
    'images',
    'verify',
  ]),
  entry('images-diff', async () => (await import('./images-diff.js')).imagesDiffCommand, [
    'images',
    'diff',
  ]),
  entry('gate', async () => (await import('./gate.js')).gateCommand),
  entry('report', async () => (await import('./report.js')).reportCommand),
  entry('deploy', async () => (await import('./deploy.js')).deployCommand),
  entry('schedule', async () => (await import('./schedule.js')).scheduleCommand),
  entry('publish', async () => (await import('./publish.js')).publishCommand),
  entry('sync-secrets', async () => (await import('./sync-secrets.js')).syncSecretsCommand),
  entry('auth', async () => (await import('./auth.js')).authCommand),
  entry('doctor', async () => (await import('./doctor.js')).doctorCommand),
  entry('setup-gcp', async () => (await import('./setup-gcp.js')).setupGcpCommand, [
    'setup',
    'gcp',
  ]),
];

/**
 * The CLI has two more the action (and action.yml) has no use for: init lays the platform into
 * a repository before any workflow runs, and ui serves the run browser until stopped.
 */
export const CLI_COMMANDS: readonly CommandEntry[] = [
  entry('init', async () => (await import('./init.js')).initCommand),
  ...COMMANDS,
  entry('ui', async () => (await import('./ui.js')).uiCommand),
];

/** Every command's definition (for help, action.yml and checks across commands). */
export async function loadCommands(
  entries: readonly CommandEntry[] = COMMANDS,
): Promise<Array<Command<unknown>>> {
  return Promise.all(entries.map((command) => command.load()));
}

/** The action's command by its `command` value. */
export async function loadCommand(name: string): Promise<Command<unknown>> {
  const found = COMMANDS.find((candidate) => candidate.name === name.trim());
  if (!found) {
    throw new UserError(`Unknown command "${name}"`, {
      fix: `Use one of: ${COMMANDS.map((c) => c.name).join(', ')}.`,
    });
  }
  const command = await found.load();
  if (command.name !== found.name)
    throw new Error(`registry entry ${found.name} loads command ${command.name}`);
  return command;
}
