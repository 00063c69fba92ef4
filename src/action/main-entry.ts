import * as core from '@actions/core';
import { nodeVersionProblem } from '../core/node-version.js';
import { run } from './main.js';

/**
 * Starts a main step. scripts/build.mjs makes the entries that call it: dist/main.js for
 * action.yml (the `command` input chooses) and dist/actions/<command>.js for each
 * <command>/action.yml, which fixes its command.
 */
export async function startMainStep(command?: string): Promise<void> {
  // action.yml says node24; a runner that ignores it (or a copy of the action run by hand) is told.
  const problem = nodeVersionProblem(process.versions.node);
  if (problem) core.warning(`${problem}: some commands may fail. Use runs.using: node24.`);
  await run(command);
}
