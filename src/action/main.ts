import * as core from '@actions/core';
import { errorMessage, UserError } from '../core/errors.js';
import type { RawInputs } from '../commands/command.js';
import { findCommand } from '../commands/registry.js';
import { createActionHost } from './action-host.js';
import { createActionUi } from './action-ui.js';
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

/** The action's main step: read `command`, run it with the step's inputs, set outputs and the summary. */
export async function run(): Promise<void> {
  const commandName = core.getInput('command') || 'run';
  try {
    const command = findCommand(commandName);
    actionState.setCommand(command.name);
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
    if (error instanceof Error && !(error instanceof UserError) && error.stack)
      core.debug(error.stack);
  } finally {
    // Tables written before a failure (a framework mismatch, a failed run) explain it.
    await core.summary.write();
  }
}
