import { describe, expect, it } from 'vitest';
import { comparePageHtml } from '../../../src/core/run-browser/compare-page.js';
import {
  compareQueryString,
  compareRuns,
  parseCompareQuery,
} from '../../../src/core/run-browser/compare.js';
import { summarizeRun } from '../../../src/core/run-browser/run-summary.js';
import { runRecord } from './run-records.js';

const first = runRecord('first', {
  parameters: { seed: 42, data_uri: 'data/a.csv' },
  metrics: { evaluate: { accuracy: 0.8, f1: 0.5 } },
});
const second = runRecord('second', {
  parameters: { seed: 42, data_uri: 'data/b.csv' },
  metrics: { evaluate: { accuracy: 0.75, f1: 0.5 } },
});
const other = runRecord('other', {
  pipeline: 'drift-pipeline',
  parameters: { threshold: 0.1 },
  metrics: { detect: { drifted: 2 } },
});

describe('comparing runs', () => {
  it('gives one value per run, whether they differ, and deltas against the first run', () => {
    const comparison = compareRuns([first, second]);
    const accuracy = comparison.metrics.find((row) => row.name === 'evaluate.accuracy');
    expect(accuracy?.values).toEqual([0.8, 0.75]);
    expect(accuracy?.differs).toBe(true);
    expect(accuracy?.deltas[1]).toBeCloseTo(-0.05, 12);
    expect(comparison.metrics.find((row) => row.name === 'evaluate.f1')?.differs).toBe(false);
    expect(comparison.parameters.map((row) => [row.name, row.differs])).toEqual([
      ['seed', false],
      ['data_uri', true],
    ]);
  });

  it('compares runs of different pipelines, a row a run lacks showing as missing', () => {
    const comparison = compareRuns([first, other]);
    const drifted = comparison.metrics.find((row) => row.name === 'detect.drifted');
    expect(drifted?.values).toEqual([undefined, 2]);
    expect(drifted?.differs).toBe(true);
    expect(drifted?.deltas).toEqual([undefined, undefined]);
  });

  it('keeps its view in the URL', () => {
    const query = parseCompareQuery(new URLSearchParams('runs=a,b&runs=c&only=diff&transpose=1'));
    expect(query).toEqual({ runs: ['a', 'b', 'c'], onlyDifferences: true, transpose: true });
    expect(parseCompareQuery(new URLSearchParams(compareQueryString(query)))).toEqual(query);
  });
});

describe('the comparison page', () => {
  const page = (search: string): string =>
    comparePageHtml({
      root: '/runs',
      query: parseCompareQuery(new URLSearchParams(search)),
      runs: [summarizeRun('first', first), summarizeRun('second', second)],
      missing: ['gone'],
      comparison: compareRuns([first, second]),
      charts: '',
    });

  it('hides equal rows with only differences', () => {
    expect(page('runs=first,second')).toContain('data-name="evaluate.f1"');
    const differences = page('runs=first,second&only=diff');
    expect(differences).not.toContain('data-name="evaluate.f1"');
    expect(differences).toContain('data-name="evaluate.accuracy"');
    expect(differences).toContain('(−0.0500)');
    expect(differences).toContain('href="?runs=first%2Csecond"'); // the toggle back
    expect(differences).toContain('Not found under this root: <code>gone</code>');
  });

  it('transposes: one row per run, one column per parameter or metric', () => {
    const transposed = page('runs=first,second&transpose=1');
    const metrics = /<table id="metrics">([\s\S]*?)<\/table>/.exec(transposed)?.[1] ?? '';
    expect(metrics.match(/<tr>/g)).toHaveLength(3); // the header and one row per run
    expect(metrics).toContain('<th scope="col" class="differs">evaluate.accuracy</th>');
  });
});
