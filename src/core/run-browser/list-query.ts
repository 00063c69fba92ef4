import type { RunSummary } from './run-summary.js';

/**
 * The list page's state: filter, sort, selection and metric columns, kept in the query string
 * (`?q=&state=&pipeline=&sort=-start&selected=a,b&columns=accuracy,f1`) so a view can be shared
 * and survives going back. The server filters and sorts; the page only draws rows.
 */

export interface ListQuery {
  /** Text searched in the run's folder name, run id, pipeline and state (any case). */
  readonly q: string;
  /** One state, or '' for all. */
  readonly state: string;
  /** One pipeline, or '' for all. */
  readonly pipeline: string;
  /** A column key (SORT_KEYS or `m:<metric>`), `-` first for descending. */
  readonly sort: string;
  /** Run ids ticked for comparison. */
  readonly selected: readonly string[];
  /** Metric columns shown; undefined: the most common ones (DEFAULT_METRIC_COLUMNS of them). */
  readonly columns?: readonly string[];
}

export const DEFAULT_SORT = '-start';
export const DEFAULT_METRIC_COLUMNS = 4;
/** Columns besides the metrics, by their sort key. */
export const SORT_KEYS = ['id', 'state', 'pipeline', 'start', 'duration'] as const;
/** The prefix of a metric column's sort key: `m:accuracy`. */
export const METRIC_SORT_PREFIX = 'm:';

/** A list given as `a,b`, as repeated keys (`runs=a&runs=b`, what a plain form sends), or both. */
export function listParameter(search: URLSearchParams, name: string): string[] {
  return search
    .getAll(name)
    .join(',')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

export function parseListQuery(search: URLSearchParams): ListQuery {
  return {
    q: search.get('q')?.trim() ?? '',
    state: search.get('state')?.trim() ?? '',
    pipeline: search.get('pipeline')?.trim() ?? '',
    sort: search.get('sort')?.trim() || DEFAULT_SORT,
    selected: [...new Set(listParameter(search, 'selected'))],
    ...(search.has('columns') ? { columns: listParameter(search, 'columns') } : {}),
  };
}

/** The query string of a list view (with `?`, or '' for the default view); defaults are left out. */
export function listQueryString(query: ListQuery): string {
  const search = new URLSearchParams();
  if (query.q) search.set('q', query.q);
  if (query.state) search.set('state', query.state);
  if (query.pipeline) search.set('pipeline', query.pipeline);
  if (query.sort !== DEFAULT_SORT) search.set('sort', query.sort);
  if (query.selected.length > 0) search.set('selected', query.selected.join(','));
  if (query.columns) search.set('columns', query.columns.join(','));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function filterRuns(runs: readonly RunSummary[], query: ListQuery): RunSummary[] {
  const text = query.q.toLowerCase();
  return runs.filter(
    (run) =>
      (!query.state || run.state === query.state) &&
      (!query.pipeline || run.pipeline === query.pipeline) &&
      (!text ||
        [run.id, run.runId, run.pipeline, run.state].some((field) =>
          field.toLowerCase().includes(text),
        )),
  );
}

type SortValue = string | number | undefined;

function sortValue(run: RunSummary, key: string): SortValue {
  if (key.startsWith(METRIC_SORT_PREFIX)) return run.metrics[key.slice(METRIC_SORT_PREFIX.length)];
  switch (key) {
    case 'id':
      return run.id;
    case 'state':
      return run.state;
    case 'pipeline':
      return run.pipeline || undefined;
    case 'duration':
      return run.durationMs;
    default:
      return run.startTime || undefined;
  }
}

/**
 * Runs in the order of a sort key; runs without a value (no such metric, unreadable) come last
 * in either direction, and ties keep the folder-name order so the list never jumps.
 */
export function sortRuns(runs: readonly RunSummary[], sort: string): RunSummary[] {
  const descending = sort.startsWith('-');
  const key = descending ? sort.slice(1) : sort;
  const keyed = runs.map((run) => ({ run, value: sortValue(run, key) }));
  keyed.sort((a, b) => {
    if (a.value === undefined || b.value === undefined) {
      if (a.value !== b.value) return a.value === undefined ? 1 : -1;
    } else if (a.value !== b.value) {
      const order = a.value < b.value ? -1 : 1;
      return descending ? -order : order;
    }
    return a.run.id < b.run.id ? -1 : a.run.id > b.run.id ? 1 : 0;
  });
  return keyed.map((entry) => entry.run);
}

/**
 * Metric names over the runs: first those the pipelines also output (what their authors chose to
 * surface), then the most common; among equally common ones the plain names (`accuracy`) before
 * the qualified (`accuracy_ci_low`, `random_forest_f1`), then by name.
 */
export function metricNames(runs: readonly RunSummary[]): string[] {
  const counts = new Map<string, number>();
  const outputs = new Map<string, number>();
  for (const run of runs) {
    for (const name of Object.keys(run.metrics)) counts.set(name, (counts.get(name) ?? 0) + 1);
    for (const name of run.outputMetrics) outputs.set(name, (outputs.get(name) ?? 0) + 1);
  }
  const parts = (name: string): number => name.split('_').length;
  return [...counts.entries()]
    .sort(
      ([a, countA], [b, countB]) =>
        (outputs.get(b) ?? 0) - (outputs.get(a) ?? 0) ||
        countB - countA ||
        parts(a) - parts(b) ||
        (a < b ? -1 : a > b ? 1 : 0),
    )
    .map(([name]) => name);
}

/** The metric columns a view shows: those asked for, else the most common few. */
export function shownMetricColumns(query: ListQuery, available: readonly string[]): string[] {
  return query.columns ? [...query.columns] : available.slice(0, DEFAULT_METRIC_COLUMNS);
}

/** One row of the list as the page draws it: only the metric columns shown. */
export interface ListRow {
  readonly id: string;
  readonly runId: string;
  readonly pipeline: string;
  readonly state: string;
  readonly startTime: string;
  readonly durationMs?: number;
  readonly metrics: Readonly<Record<string, number>>;
  readonly problem?: string;
}

export function listRow(run: RunSummary, columns: readonly string[]): ListRow {
  const metrics: Record<string, number> = {};
  for (const column of columns) {
    const value = run.metrics[column];
    if (value !== undefined) metrics[column] = value;
  }
  return {
    id: run.id,
    runId: run.runId,
    pipeline: run.pipeline,
    state: run.state,
    startTime: run.startTime,
    ...(run.durationMs === undefined ? {} : { durationMs: run.durationMs }),
    metrics,
    ...(run.problem === undefined ? {} : { problem: run.problem }),
  };
}

/** What `/api/runs` answers: one window of the filtered, sorted list. */
export interface ListPage {
  readonly total: number;
  readonly offset: number;
  readonly columns: readonly string[];
  readonly rows: readonly ListRow[];
}

export function listPage(
  sorted: readonly RunSummary[],
  columns: readonly string[],
  offset: number,
  limit: number,
): ListPage {
  return {
    total: sorted.length,
    offset,
    columns,
    rows: sorted.slice(offset, offset + limit).map((run) => listRow(run, columns)),
  };
}
