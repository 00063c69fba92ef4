import * as core from '@actions/core';
import { rm } from 'node:fs/promises';
import { errorMessage } from '../core/errors.js';
import { actionState } from './state.js';

/**
 * The post step runs after the job, even when it failed or was cancelled: it removes the
 * credentials file `auth` wrote, so no later job on a self-hosted runner can read it.
 */
export async function post(): Promise<void> {
  try {
    const files = actionState.filesToDelete();
    for (const file of files) {
      await rm(file, { force: true });
      core.info(`Removed ${file}`);
    }
    if (files.length === 0)
      core.debug(`post: ${actionState.command() ?? 'no command'} left nothing to clean up`);
  } catch (error) {
    core.warning(`mlops-platform post step: ${errorMessage(error)}`);
  }
}
