import * as core from '@actions/core';

/**
 * State handed from the main step to the post step, behind typed helpers so names and
 * shapes live in one place.
 */
const COMMAND = 'command';

export const actionState = {
  setCommand(name: string): void {
    core.saveState(COMMAND, name);
  },
  /** The command the main step ran, or undefined when main never got that far. */
  command(): string | undefined {
    return core.getState(COMMAND) || undefined;
  },
};
