import { describe, expect, it } from 'vitest';
import {
  filterRuns,
  listPage,
  listQueryString,
  metricNames,
  parseListQuery,
  shownMetricColumns,
  sortRuns,
} from '../../../src/core/run-browser/list-query.js';
import {
  summarizeRun,
  summarizeRunJson,
  unreadableRun,
} from '../../../src/core/run-browser/run-summary.js';
import { runRecord } from './run-records.js';

const runs = [
  summarizeRun(
    'a',
    runRecord('train-a', {
      startTime: '2026-12-01T00:00:00Z',
      metrics: { evaluate: { accuracy: 0.8, accuracy_ci_low: 0.7 } },
    }),
  ),
  summarizeRun(
    'b',
    runRecord('train-b', {
      state: 'FAILED',
      startTime: '2026-12-03T00:00:00Z',
      metrics: {},
    }),
  ),
  summarizeRun(
    'c',
    runRecord('drift-c', {
      pipeline: 'drift-pipeline',
      state: 'RUNNING',
      startTime: '2026-12-02T00:00:00Z',
      metrics: { evaluate: { accuracy: 0.9 }, train: { loss: 0.1 } },
    }),
  ),
  unreadableRun('d', 'run.json is not JSON'),
];

describe('the list view in the URL', () => {
  it('reads and writes the query string, leaving defaults out, and round-trips', () => {
    const query = parseListQuery(
      new URLSearchParams('q=train&state=FAILED&pipeline=p&sort=m:accuracy&selected=a,b,a'),
    );
    expect(query).toEqual({
      q: 'train',
      state: 'FAILED',
      pipeline: 'p',
      sort: 'm:accuracy',
      selected: ['a', 'b'],
    });
    expect(parseListQuery(new URLSearchParams(listQueryString(query)))).toEqual(query);
    expect(listQueryString(parseListQuery(new URLSearchParams('')))).toBe('');
    // A plain form sends repeated keys; both spellings mean the same.
    expect(parseListQuery(new URLSearchParams('columns=f1&columns=accuracy')).columns).toEqual([
      'f1',
      'accuracy',
    ]);
  });
});

describe('filtering and sorting runs', () => {
  it('filters by text over id, run id, pipeline and state, and by state and pipeline', () => {
    const ids = (q: string, extra = ''): string[] =>
      filterRuns(runs, parseListQuery(new URLSearchParams(`q=${q}${extra}`))).map((run) => run.id);
    expect(ids('TRAIN')).toEqual(['a', 'b']);
    expect(ids('drift')).toEqual(['c']);
    expect(ids('running')).toEqual(['c']);
    expect(ids('', '&state=UNREADABLE')).toEqual(['d']);
    expect(ids('', '&pipeline=drift-pipeline')).toEqual(['c']);
  });

  it('sorts by any column either way, runs without a value last', () => {
    const order = (sort: string): string[] => sortRuns(runs, sort).map((run) => run.id);
    expect(order('-start')).toEqual(['b', 'c', 'a', 'd']);
    expect(order('start')).toEqual(['a', 'c', 'b', 'd']);
    expect(order('-m:accuracy')).toEqual(['c', 'a', 'b', 'd']);
    expect(order('m:accuracy')).toEqual(['a', 'c', 'b', 'd']);
    expect(order('state')).toEqual(['b', 'c', 'a', 'd']);
  });

  it('shows the most common plain metrics by default, and only those columns in rows', () => {
    expect(metricNames(runs)).toEqual(['accuracy', 'accuracy_ci_low']);
    const columns = shownMetricColumns(parseListQuery(new URLSearchParams()), metricNames(runs));
    const page = listPage(sortRuns(runs, '-start'), ['accuracy'], 1, 2);
    expect(columns).toEqual(['accuracy', 'accuracy_ci_low']);
    expect(page.total).toBe(4);
    expect(page.rows.map((row) => [row.id, row.metrics])).toEqual([
      ['c', { accuracy: 0.9 }],
      ['a', { accuracy: 0.8 }],
    ]);
  });

  it('puts the metrics the pipeline outputs first: the ones its author chose to surface', () => {
    const metrics = { evaluate: { accuracy: 0.9, f1: 0.8, log_loss: 0.3, roc_auc: 0.95 } };
    const surfaced = summarizeRun(
      'e',
      runRecord('train-e', { metrics, outputs: { roc_auc: 0.95, best_model_name: 'linear' } }),
    );
    expect(surfaced.outputMetrics).toEqual(['roc_auc']);
    expect(metricNames([surfaced, summarizeRun('f', runRecord('train-f', { metrics }))])).toEqual([
      'roc_auc',
      'accuracy',
      'f1',
      'log_loss',
    ]);
  });

  it('surfaces the metric a text output names, as the reference pipeline’s primary_metric', () => {
    const metrics = { evaluate: { mae: 42.8, r2: 0.46, rmse: 53.6 } };
    const outputs = { best_model_name: 'linear', primary_metric: 'rmse' };
    const surfaced = summarizeRun('g', runRecord('train-g', { metrics, outputs }));
    expect(surfaced.outputMetrics).toEqual(['rmse']);
    expect(metricNames([surfaced])).toEqual(['rmse', 'mae', 'r2']);
  });
});

describe('summarizing a run.json', () => {
  it('reads the runner’s layout without its tasks, to the same summary as the whole record', () => {
    const record = runRecord('r', { metrics: { evaluate: { f1: 0.5 } }, parameters: { seed: 1 } });
    const written = `${JSON.stringify(record, null, 2)}\n`;
    expect(summarizeRunJson('r', written, 'run.json')).toEqual(summarizeRun('r', record));
    expect(summarizeRunJson('r', JSON.stringify(record), 'run.json')).toEqual(
      summarizeRun('r', record),
    );
    expect(summarizeRun('r', record).metricsTask).toBe('evaluate');
  });

  it('lists a file that is no run record as UNREADABLE, with why', () => {
    expect(summarizeRunJson('x', '{"recordVersion": 1', 'x/run.json')).toMatchObject({
      id: 'x',
      state: 'UNREADABLE',
      problem: expect.stringContaining('JSON') as string,
    });
    expect(summarizeRunJson('y', '{"recordVersion": 7}', 'y/run.json')).toMatchObject({
      state: 'UNREADABLE',
      problem: expect.stringContaining('y/run.json is not a valid run record') as string,
    });
  });
});
