import type { ParameterValue } from '../ir/parameters.js';
import { errorMessage } from '../errors.js';
import { parseRunRecord, taskMetrics, type RunRecord, type RunState } from '../run-record.js';

/**
 * What the run browser's list knows of a run without reading it again: a few hundred bytes per
 * run, so ten thousand of them filter and sort in memory.
 */

/** A run.json that could not be read or parsed is still listed, with why. */
export type SummaryState = RunState | 'UNREADABLE';

export interface RunSummary {
  /** The run's folder name under the pipeline root: unique there, and the key in every URL. */
  readonly id: string;
  /** The record's runId (the folder name for local runs; the job id for Vertex). */
  readonly runId: string;
  readonly pipeline: string;
  readonly state: SummaryState;
  readonly backend: string;
  /** ISO time; empty when unreadable. */
  readonly startTime: string;
  readonly durationMs?: number;
  /** The task the key metrics come from (evaluate, or the only task with metrics). */
  readonly metricsTask?: string;
  readonly metrics: Readonly<Record<string, number>>;
  /**
   * Key metrics the pipeline's outputs carry (a number output of the same name) or name (a text
   * output such as `primary_metric: roc_auc`): what its author chose to surface.
   */
  readonly outputMetrics: readonly string[];
  readonly parameters: Readonly<Record<string, ParameterValue>>;
  /** Why the run is UNREADABLE. */
  readonly problem?: string;
}

/** The key metrics of a run: the evaluate task's, or the only task's; none when ambiguous. */
function keyMetrics(record: RunRecord): { task?: string; metrics: Record<string, number> } {
  try {
    return taskMetrics(record.metrics, undefined);
  } catch {
    // No metrics yet (a running or failed run) or several tasks with no evaluator: no columns.
    return { metrics: {} };
  }
}

export function summarizeRun(id: string, record: RunRecord): RunSummary {
  const { task, metrics } = keyMetrics(record);
  return {
    id,
    runId: record.runId,
    pipeline: record.pipelineName,
    state: record.state,
    backend: record.backend,
    startTime: record.startTime,
    ...(record.durationMs === undefined ? {} : { durationMs: record.durationMs }),
    ...(task === undefined ? {} : { metricsTask: task }),
    metrics,
    outputMetrics: Object.keys(metrics).filter(
      (name) =>
        typeof record.outputs[name] === 'number' || Object.values(record.outputs).includes(name),
    ),
    parameters: record.parameters,
  };
}

export function unreadableRun(id: string, problem: string): RunSummary {
  return {
    id,
    runId: id,
    pipeline: '',
    state: 'UNREADABLE',
    backend: '',
    startTime: '',
    metrics: {},
    outputMetrics: [],
    parameters: {},
    problem,
  };
}

/**
 * A run.json as the runner writes it (`JSON.stringify(record, null, 2)`) keeps its tasks, most of
 * its bytes, in one top-level member between `location` and `outputs`. The summary needs none of
 * it, so that member is cut out before parsing; the rest is checked as a record with no tasks.
 */
const TASKS_MEMBER = '\n  "tasks": ';
const AFTER_TASKS = '\n  "outputs": ';

function withoutTasks(text: string): string {
  const start = text.indexOf(TASKS_MEMBER);
  const end = start < 0 ? -1 : text.indexOf(AFTER_TASKS, start);
  return end < 0 ? text : `${text.slice(0, start)}${TASKS_MEMBER}{},${text.slice(end)}`;
}

/**
 * A run's summary from its run.json text: the fast path for the runner's layout, else the whole
 * record parsed and checked; a file that is no run record is listed as UNREADABLE with why.
 */
export function summarizeRunJson(id: string, text: string, source: string): RunSummary {
  try {
    return summarizeRun(id, parseRunRecord(JSON.parse(withoutTasks(text)) as unknown, source));
  } catch (error) {
    return unreadableRun(id, errorMessage(error).split('\n')[0] ?? 'unreadable');
  }
}
