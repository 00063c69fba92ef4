import * as core from '@actions/core';
import type { CloudJobRef } from '../commands/command.js';

/**
 * State handed from the main step to the post step, behind typed helpers so names and
 * shapes live in one place.
 */
const COMMAND = 'command';
const FILES_TO_DELETE = 'files-to-delete';
const RUNNING_JOB = 'running-job';

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
  setRunningJob(job: CloudJobRef | undefined): void {
    core.saveState(RUNNING_JOB, job ? JSON.stringify(job) : '');
  },
  /** A job main started but did not see finish: the workflow was cancelled mid-wait. */
  runningJob(): CloudJobRef | undefined {
    const saved = core.getState(RUNNING_JOB);
    return saved ? (JSON.parse(saved) as CloudJobRef) : undefined;
  },
  filesToDelete(): string[] {
    const saved = core.getState(FILES_TO_DELETE);
    return saved ? (JSON.parse(saved) as string[]) : [];
  },
};
