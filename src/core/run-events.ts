import type { TaskFailure, TaskState } from './run-record.js';

/** What a run (local or on Vertex) reports as it goes, for the hosts to show. */

/** A task's state change: one line in the log. */
export interface TaskEvent {
  readonly path: string;
  readonly state: TaskState;
  readonly cached: boolean;
  readonly attempt: number;
  readonly durationMs?: number;
  readonly failure?: TaskFailure;
  /** Why the task did not run (condition false, upstream failed). */
  readonly reason?: string;
}

export interface RunObserver {
  onTaskEvent?(event: TaskEvent): void;
  onTaskOutput?(taskPath: string, line: string): void;
  /** Something the run survives but the user should know (a damaged or full cache). */
  onWarning?(message: string): void;
}
