/**
 * The shapes the parts of the local runner share: the run's options, the scope a DAG runs in
 * (its inputs and folder), and what a task or group of tasks came to (its outcome), with the
 * rule that folds members' outcomes into a group's state.
 */
import type { ParameterValue } from '../../core/ir/parameters.js';
import type { RuntimeArtifact } from '../../core/ir/placeholders.js';
import type { TaskRecord, TaskState } from '../../core/run-record.js';
import type { RunObserver } from '../../core/run-events.js';
import type { ContainerExecutor } from './executors.js';
import type { TaskCache } from './task-cache.js';

export interface LocalRunOptions {
  /** Where run folders and the cache live (absolute). */
  readonly pipelineRoot: string;
  /** Working directory of subprocess tasks: the pipeline file's folder. */
  readonly workdir: string;
  readonly executor: ContainerExecutor;
  /** Most container tasks running at once. */
  readonly parallelism: number;
  readonly useCache: boolean;
  /** Defaults to `<pipelineRoot>/.cache`. */
  readonly cache?: TaskCache;
  readonly observer?: RunObserver;
  readonly signal?: AbortSignal;
  /** Scales retry back-off (tests use 0); 1 honours the spec. */
  readonly backoffScale?: number;
  readonly now?: () => Date;
  /** The commit the run started from, recorded in run.json when known. */
  readonly gitCommit?: string;
}

export interface Scope {
  readonly path: string;
  readonly dir: string;
  readonly parameters: Readonly<Record<string, ParameterValue | undefined>>;
  readonly artifacts: Readonly<Record<string, readonly RuntimeArtifact[]>>;
}

export interface Outcome {
  readonly state: TaskState;
  readonly parameters: Record<string, ParameterValue>;
  readonly artifacts: Record<string, RuntimeArtifact[]>;
  readonly error?: string;
}

export const EMPTY_OUTCOME = { parameters: {}, artifacts: {} } as const;

/** A group's state from its members': a failure wins over a cancellation. */
export function groupState(outcomes: readonly Outcome[]): 'SUCCEEDED' | 'FAILED' | 'CANCELLED' {
  if (outcomes.some((outcome) => outcome.state === 'FAILED')) return 'FAILED';
  if (outcomes.some((outcome) => outcome.state === 'CANCELLED')) return 'CANCELLED';
  return 'SUCCEEDED';
}

export function toArtifactRecord(
  artifact: RuntimeArtifact,
): TaskRecord['artifacts'][string][number] {
  return {
    name: artifact.name,
    uri: artifact.uri,
    schemaTitle: artifact.schemaTitle,
    metadata: artifact.metadata,
  };
}
