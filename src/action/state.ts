import * as core from '@actions/core';

/**
 * State handed from the main step to the post step, behind typed helpers so names and
 * shapes live in one place.
 */
const COMMAND = 'command';
const FILES_TO_DELETE = 'files-to-delete';

/** This step's list; getState only sees what the main step saved, so main keeps its own copy. */
const pendingFiles = new Set<string>();

export const actionState = {
  setCommand(name: string): void {
    core.saveState(COMMAND, name);
  },
  /** The command the main step ran, or undefined when main never got that far. */
  command(): string | undefined {
    return core.getState(COMMAND) || undefined;
  },
  /** Files the post step removes (credentials written by auth). */
  addFileToDelete(file: string): void {
    pendingFiles.add(file);
    core.saveState(FILES_TO_DELETE, JSON.stringify([...pendingFiles]));
  },
  filesToDelete(): string[] {
    const saved = core.getState(FILES_TO_DELETE);
    return saved ? (JSON.parse(saved) as string[]) : [];
  },
};
