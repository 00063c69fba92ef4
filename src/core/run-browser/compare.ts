import type { ParameterValue } from '../ir/parameters.js';
import type { RunRecord } from '../run-record.js';
import { listParameter } from './list-query.js';

/**
 * Runs side by side: every parameter and metric as a row with one value per run, whether the
 * values differ, and each number's delta against the first run. Runs of different pipelines
 * compare too: a row a run lacks shows as missing.
 */

/** Curves overlay up to this many runs; more would be unreadable (and PALETTE has ten colours). */
export const MAX_OVERLAID_RUNS = 10;

export interface CompareQuery {
  readonly runs: readonly string[];
  /** Hide rows whose values are equal in every run. */
  readonly onlyDifferences: boolean;
  /** One row per run instead of one column per run. */
  readonly transpose: boolean;
}

export function parseCompareQuery(search: URLSearchParams): CompareQuery {
  return {
    runs: [...new Set(listParameter(search, 'runs'))],
    onlyDifferences: search.get('only') === 'diff',
    transpose: search.get('transpose') === '1',
  };
}

export function compareQueryString(query: CompareQuery): string {
  const search = new URLSearchParams();
  search.set('runs', query.runs.join(','));
  if (query.onlyDifferences) search.set('only', 'diff');
  if (query.transpose) search.set('transpose', '1');
  return `?${search.toString()}`;
}

export interface CompareRow {
  readonly name: string;
  /** One per run, in the runs' order; undefined where the run has no such row. */
  readonly values: readonly (ParameterValue | undefined)[];
  readonly differs: boolean;
  /** Per run: its number minus the first run's, when both are numbers. */
  readonly deltas: readonly (number | undefined)[];
}

function sameValue(a: ParameterValue | undefined, b: ParameterValue | undefined): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** Rows over named values of each run (parameters, or flattened metrics), names in first-seen order. */
export function compareRows(
  columns: readonly Readonly<Record<string, ParameterValue>>[],
): CompareRow[] {
  const names = [...new Set(columns.flatMap((column) => Object.keys(column)))];
  return names.map((name) => {
    const values = columns.map((column) => column[name]);
    const first = values[0];
    return {
      name,
      values,
      differs: values.some((value) => !sameValue(value, first)),
      deltas: values.map((value) =>
        typeof value === 'number' && typeof first === 'number' ? value - first : undefined,
      ),
    };
  });
}

/** A run's metrics as one map, `task.metric` → number, so runs compare metric by metric. */
export function flatMetrics(record: RunRecord): Record<string, number> {
  const flat: Record<string, number> = {};
  for (const [task, metrics] of Object.entries(record.metrics))
    for (const [name, value] of Object.entries(metrics)) flat[`${task}.${name}`] = value;
  return flat;
}

export interface RunComparison {
  readonly parameters: readonly CompareRow[];
  readonly metrics: readonly CompareRow[];
}

export function compareRuns(records: readonly RunRecord[]): RunComparison {
  return {
    parameters: compareRows(records.map((record) => record.parameters)),
    metrics: compareRows(records.map(flatMetrics)),
  };
}
