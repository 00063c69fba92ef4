import { describe, expect, it } from 'vitest';
import { compareChartsHtml } from '../../../src/core/run-browser/compare-charts.js';
import { DASHES, PALETTE } from '../../../src/core/run-report/html-page.js';
import type { ReportEvaluation } from '../../../src/core/run-report/report-model.js';

function evaluation(
  classes: string[],
  matrix: number[][],
  curves: Array<{ label: string; y: number[] }>,
): ReportEvaluation {
  const asCurves = curves.map((curve) => ({ label: curve.label, x: [0, 0.5, 1], y: curve.y }));
  return {
    task: classes.length > 2 ? 'multiclass' : 'binary',
    model: 'random_forest',
    primaryMetric: 'roc_auc',
    rows: 10,
    metrics: {},
    intervals: {},
    classes,
    confusionMatrix: matrix,
    roc: asCurves,
    precisionRecall: asCurves,
    candidates: [],
  };
}

const paths = (html: string): string[] => html.match(/<path class="series"[^>]*>/g) ?? [];

describe('the comparison’s charts', () => {
  it('overlays each run’s curve in its own colour and dash, one chart per curve label', () => {
    const html = compareChartsHtml([
      {
        label: 'run-a',
        evaluation: evaluation(
          ['no', 'yes'],
          [
            [5, 1],
            [2, 2],
          ],
          [{ label: 'yes', y: [0, 0.7, 1] }],
        ),
      },
      {
        label: 'run-b',
        evaluation: evaluation(
          ['no', 'yes'],
          [
            [4, 2],
            [1, 3],
          ],
          [{ label: 'yes', y: [0, 0.8, 1] }],
        ),
      },
      { label: 'no-evaluation' },
    ]);
    const roc = /<svg[^]*?ROC · yes[^]*?<\/svg>/.exec(html)?.[0] ?? '';
    expect(paths(roc).map((path) => /data-label="([^"]+)"/.exec(path)?.[1])).toEqual([
      'run-a',
      'run-b',
    ]);
    expect(paths(roc)[0]).toContain(`stroke="${PALETTE[0]}"`);
    expect(paths(roc)[1]).toContain(`stroke="${PALETTE[1]}"`);
    expect(paths(roc)[1]).toContain(`stroke-dasharray="${DASHES[1]}"`);
    expect(html).toContain('Precision-recall · yes');
    // The second run's matrix against the first: differences +/− in the cells.
    expect(html).toContain('Confusion matrix: run-b vs run-a');
    expect(html).toContain(
      'actual no, predicted no: 4 (66.7% of the row), −1 against the baseline',
    );
    expect(html).toContain(
      'actual yes, predicted yes: 3 (75.0% of the row), +1 against the baseline',
    );
  });

  it('draws no matrix difference between runs of other classes, and nothing without evaluations', () => {
    const html = compareChartsHtml([
      {
        label: 'a',
        evaluation: evaluation(
          ['no', 'yes'],
          [
            [1, 0],
            [0, 1],
          ],
          [],
        ),
      },
      {
        label: 'b',
        evaluation: evaluation(
          ['x', 'y', 'z'],
          [
            [1, 0, 0],
            [0, 1, 0],
            [0, 0, 1],
          ],
          [],
        ),
      },
    ]);
    expect(html).toContain('b has other classes than a');
    expect(compareChartsHtml([{ label: 'a' }, { label: 'b' }])).toBe('');
  });
});
