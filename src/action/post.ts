import * as core from '@actions/core';
import { errorMessage } from '../core/errors.js';
import { actionState } from './state.js';

/**
 * The post step: runs after the job, even when it failed or was cancelled. Local runs leave
 * nothing to clean up; commands that hold cloud resources register their clean-up here.
 */
export async function post(): Promise<void> {
  try {
    const command = actionState.command();
    core.debug(
      command ? `post: ${command} left nothing to clean up` : 'post: main did not start a command',
    );
    await Promise.resolve();
  } catch (error) {
    core.warning(`mlops-platform post step: ${errorMessage(error)}`);
  }
}
