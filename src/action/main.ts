import * as core from '@actions/core';
import { errorMessage, ReportedError, UserError } from '../core/errors.js';
import type { Command, RawInputs } from '../commands/command.js';
import { loadCommand, loadCommands } from '../commands/registry.js';
import { createActionHost } from './action-host.js';
import { addSummaryFooter, createActionUi } from './action-ui.js';
import { actionState } from './state.js';

const ACTION_NAME = 'mlops-platform';

const actionInputs: RawInputs = {
  string: (name) => core.getInput(name) || undefined,
  list: (name) => core.getMultilineInput(name).filter((line) => line.trim() !== ''),
  boolean: (name) => {
    const value = core.getInput(name).trim().toLowerCase();
    if (value === '') return undefined;
    if (value === 'true') return true;
    if (value === 'false') return false;
    throw new UserError(`Input "${name}" is "${value}"`, { fix: 'Use true or false.' });
  },
};

/**
 * Inputs of action.yml the step was given that `command` does not take. The runner sets every
 * input that has a default, so only a value other than action.yml's default counts.
 */
async function inputsNotTaken(
  command: Command<unknown>,
  env: NodeJS.ProcessEnv,
): Promise<string[]> {
  const taken = new Set(command.inputs.map((input) => input.name));
  // Only the top-level action asks: a sub-action's step loads neither the manifest nor the others.
  const { sharedInputs } = await import('../commands/action-manifest.js');
  return sharedInputs(await loadCommands())
    .filter((input) => !taken.has(input.name))
    .filter((input) => {
      const value = env[`INPUT_${input.name.replaceAll(' ', '_').toUpperCase()}`] ?? '';
      return value.trim() !== '' && value !== (input.default ?? '');
    })
    .map((input) => input.name);
}

/**
 * The action's main step: run the command (a sub-action's own, else the `command` input) with the
 * step's inputs, set outputs and the summary.
 */
export async function run(fixedCommand?: string): Promise<void> {
  const commandName = fixedCommand ?? (core.getInput('command') || 'run');
  try {
    const command = await loadCommand(commandName);
    actionState.setCommand(command.name);
    // A sub-action declares only its command's inputs, so the runner warns about any other.
    const ignored = fixedCommand ? [] : await inputsNotTaken(command, process.env);
    if (ignored.length > 0) {
      const them = ignored.length === 1 ? 'it' : 'them';
      core.warning(
        `${command.name} does not take ${ignored.map((name) => `"${name}"`).join(', ')}: ignored. Remove ${them} from the step's with:.`,
      );
    }
    const context = {
      ui: createActionUi(),
      host: createActionHost(),
      cwd: process.env.GITHUB_WORKSPACE || process.cwd(),
      env: process.env,
    };
    const inputs = command.parseInputs(actionInputs, context);
    const result = await command.run(inputs, context);
    for (const [name, value] of Object.entries(result.outputs)) core.setOutput(name, value);
    if (result.failure) core.setFailed(`${ACTION_NAME} ${command.name} failed: ${result.failure}`);
  } catch (error) {
    const kind = error instanceof UserError ? 'configuration error' : 'failed';
    core.setFailed(`${ACTION_NAME} ${commandName} ${kind}: ${errorMessage(error)}`);
    if (error instanceof Error && !(error instanceof ReportedError) && error.stack)
      core.debug(error.stack);
  } finally {
    // Tables written before a failure (a framework mismatch, a failed run) explain it.
    addSummaryFooter(commandName);
    await core.summary.write();
  }
}
