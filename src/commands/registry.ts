import { UserError } from '../core/errors.js';
import { authCommand } from './auth.js';
import { buildCommand } from './build.js';
import type { Command } from './command.js';
import { compileCommand } from './compile.js';
import { deployCommand } from './deploy.js';
import { gateCommand } from './gate.js';
import { imagesDiffCommand } from './images-diff.js';
import { imagesVerifyCommand } from './images-verify.js';
import { initCommand } from './init.js';
import { publishCommand } from './publish.js';
import { runCommand } from './run.js';
import { scheduleCommand } from './schedule.js';
import { serveCommand } from './serve.js';
import { syncSecretsCommand } from './sync-secrets.js';
import { validateCommand } from './validate.js';

/**
 * The commands of the action and the CLI, in the order help lists them. Hosts dispatch through
 * this list (and CLI_COMMANDS) only.
 */
export const COMMANDS: ReadonlyArray<Command<unknown>> = [
  compileCommand,
  validateCommand,
  runCommand,
  serveCommand,
  buildCommand,
  imagesVerifyCommand,
  imagesDiffCommand,
  gateCommand,
  deployCommand,
  scheduleCommand,
  publishCommand,
  syncSecretsCommand,
  authCommand,
] as ReadonlyArray<Command<unknown>>;

/**
 * The CLI has one more: init lays the platform into a repository before any workflow runs,
 * so the action (and action.yml) has no use for it.
 */
export const CLI_COMMANDS: ReadonlyArray<Command<unknown>> = [initCommand, ...COMMANDS];

export function findCommand(name: string): Command<unknown> {
  const command = COMMANDS.find((candidate) => candidate.name === name.trim());
  if (!command) {
    throw new UserError(`Unknown command "${name}"`, {
      fix: `Use one of: ${COMMANDS.map((c) => c.name).join(', ')}.`,
    });
  }
  return command;
}
