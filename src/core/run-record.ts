import type { ParameterValue } from './ir/parameters.js';

/**
 * One shape for a finished (or failed) pipeline run, whether it ran locally or on Vertex,
 * so gate, deploy and report read either alike. Written as `run.json` next to the outputs.
 */

export const RUN_RECORD_VERSION = 1;

export type RunState = 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
export type TaskState =
  'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'SKIPPED' | 'NOT_TRIGGERED' | 'CANCELLED';

export interface ArtifactRecord {
  readonly name: string;
  readonly uri: string;
  readonly schemaTitle: string;
  readonly metadata: Record<string, unknown>;
}

export interface TaskFailure {
  readonly message: string;
  readonly exitCode?: number;
  readonly commandLine?: string;
  readonly logTail?: readonly string[];
  readonly logFile?: string;
}

export interface TaskRecord {
  /** Path within the pipeline, e.g. `train` or `condition-1/deploy`. */
  readonly path: string;
  readonly name: string;
  state: TaskState;
  /** True when outputs were reused from an earlier identical execution. */
  cached: boolean;
  attempts: number;
  startTime?: string;
  endTime?: string;
  durationMs?: number;
  /** The command line of the last attempt, as it ran (shell-quoted). */
  commandLine?: string;
  parameters: Record<string, ParameterValue>;
  artifacts: Record<string, ArtifactRecord[]>;
  failure?: TaskFailure;
}

export interface RunRecord {
  readonly recordVersion: typeof RUN_RECORD_VERSION;
  readonly backend: 'local' | 'vertex';
  readonly runId: string;
  readonly pipelineName: string;
  readonly pipelineRoot: string;
  readonly parameters: Record<string, ParameterValue>;
  state: RunState;
  readonly startTime: string;
  endTime?: string;
  durationMs?: number;
  /** Vertex console link or local run folder. */
  readonly location: string;
  tasks: Record<string, TaskRecord>;
  /** Pipeline-level output parameters (root.dag.outputs). */
  outputs: Record<string, ParameterValue>;
  /** Per task path: the flat numbers of its system.Metrics artifacts and numeric output parameters. */
  metrics: Record<string, Record<string, number>>;
}

/**
 * Collects metrics the way a user reads them: every number in a system.Metrics artifact's
 * metadata, plus numeric output parameters (which conditions can use).
 */
export function collectMetrics(
  tasks: Readonly<Record<string, TaskRecord>>,
): Record<string, Record<string, number>> {
  const metrics: Record<string, Record<string, number>> = {};
  for (const task of Object.values(tasks)) {
    if (task.state !== 'SUCCEEDED') continue;
    const numbers: Record<string, number> = {};
    for (const list of Object.values(task.artifacts)) {
      for (const artifact of list) {
        if (artifact.schemaTitle !== 'system.Metrics') continue;
        for (const [key, value] of Object.entries(artifact.metadata))
          if (typeof value === 'number') numbers[key] = value;
      }
    }
    for (const [key, value] of Object.entries(task.parameters)) {
      if (typeof value === 'number' && !(key in numbers)) numbers[key] = value;
    }
    if (Object.keys(numbers).length > 0) metrics[task.path] = numbers;
  }
  return metrics;
}
