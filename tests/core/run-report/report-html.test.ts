import { describe, expect, it } from 'vitest';
import { buildReportData } from '../../../src/core/run-report/report-data.js';
import { renderReportHtml } from '../../../src/core/run-report/report-html.js';
import { thresholdData } from '../../../src/core/run-report/report-threshold.js';
import type { RunRecord } from '../../../src/core/run-record.js';
import { EVALUATION_TEXT, trainingRecord } from './report-fixtures.js';

const evaluation = { uri: 'e', text: EVALUATION_TEXT };

function report(record: RunRecord = trainingRecord(), championAccuracy?: number): string {
  return renderReportHtml(
    buildReportData(
      record,
      { evaluation },
      championAccuracy === undefined
        ? {}
        : {
            champion: {
              source: 'champion.json',
              metrics: { accuracy: championAccuracy, roc_auc: 0.99 },
              evaluation,
            },
          },
    ),
  );
}

/** The text of each cell of the table with `id`, row by row. */
function tableCells(html: string, id: string): string[][] {
  const table = new RegExp(`<table id="${id}">([\\s\\S]*?)</table>`).exec(html)?.[1] ?? '';
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((cell) => cell[1] ?? ''),
  );
}

describe('renderReportHtml', () => {
  it('gives the same bytes for the same run', () => {
    expect(report(trainingRecord(), 0.95)).toBe(report(trainingRecord(), 0.95));
  });

  it('is one page with nothing from the network', () => {
    const html = report();
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
    // url(#…) only: a clip path or an arrow head in the same page.
    expect(html).not.toMatch(/url\((?!#)/);
    expect(html).toContain(`Content-Security-Policy" content="default-src 'none'`);
  });

  it('shows the champion and the change of each metric', () => {
    const html = report(trainingRecord(), 0.95);
    const rows = tableCells(html, 'metric-table');
    expect(rows[0]).toEqual(['Metric', 'Value', '95% interval', 'Champion', 'Δ vs champion']);
    const accuracy = rows.find((row) => row[0] === 'accuracy');
    const parsed = JSON.parse(EVALUATION_TEXT) as { metrics: { accuracy: number } };
    expect(accuracy?.[1]).toBe(parsed.metrics.accuracy.toFixed(4));
    expect(accuracy?.[3]).toBe('0.9500');
    expect(accuracy?.[4]).toBe(`+${(parsed.metrics.accuracy - 0.95).toFixed(4)}`);
    expect(rows.find((row) => row[0] === 'f1')?.[4]).toBe('—');
    expect(html).toContain('Dashed lines: the champion.');
  });

  it('escapes hostile names everywhere', () => {
    const hostile = '<img src=x onerror=alert(1)>"\'&';
    const record = trainingRecord();
    const tasks = Object.fromEntries(
      Object.entries(record.tasks).map(([key, task]) => [
        key,
        key === 'train' ? { ...task, name: hostile } : task,
      ]),
    );
    const evil = JSON.parse(EVALUATION_TEXT) as Record<string, unknown>;
    evil.model = `</script><script>alert(2)</script>`;
    evil.classes = [hostile, 'malignant'];
    evil.feature_importances = [{ feature: hostile, importance: 1, std: 0 }];
    const html = renderReportHtml(
      buildReportData(
        {
          ...record,
          pipelineName: hostile,
          tasks,
          parameters: { [hostile]: hostile },
          outputs: { best_model_name: hostile },
        },
        { evaluation: { uri: hostile, text: JSON.stringify(evil) } },
      ),
    );
    expect(html).not.toContain('<img');
    expect(html).not.toContain('alert(2)</script>');
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;');
  });

  it('lists the warnings of the run', () => {
    const html = renderReportHtml(
      buildReportData(trainingRecord(), {
        evaluation: { uri: 'gone', error: 'it does not exist' },
      }),
    );
    expect(html).toContain(
      '<li class="warning">⚠ The evaluation (gone) could not be read: it does not exist</li>',
    );
    expect(html).toContain('<a href="#warnings">Warnings</a>');
  });

  it('embeds the slider data of a binary classifier, starting at the recorded threshold', () => {
    const data = buildReportData(trainingRecord(), { evaluation });
    const slider = thresholdData(data.evaluation!);
    const parsed = JSON.parse(EVALUATION_TEXT) as {
      confusion_matrix: number[][];
      roc: Array<{ thresholds: number[] }>;
    };
    const [[tn = 0, fp = 0] = [], [fn = 0, tp = 0] = []] = parsed.confusion_matrix;
    expect(slider?.positives).toBe(fn + tp);
    expect(slider?.negatives).toBe(tn + fp);
    const start = slider?.start ?? -1;
    expect(parsed.roc[0]?.thresholds[start]).toBeGreaterThanOrEqual(0.5);
    expect(parsed.roc[0]?.thresholds[start + 1] ?? 0).toBeLessThan(0.5);
    // The ROC point at the recorded threshold gives the recorded matrix.
    expect(Math.round((slider?.tpr[start] ?? 0) * (fn + tp))).toBe(tp);
    expect(Math.round((slider?.fpr[start] ?? 0) * (tn + fp))).toBe(fp);
    const html = renderReportHtml(data);
    expect(html).toContain('<script type="application/json" id="threshold-data">');
    expect(
      tableCells(html, 'threshold-matrix')
        .slice(1)
        .map((row) => row.slice(1)),
    ).toEqual([
      [String(tp), String(fn)],
      [String(fp), String(tn)],
    ]);
  });

  it('draws a curve per class of a multi-class run, and no slider', () => {
    const curve = (label: string) => ({ label, x: [0, 0.2, 1], y: [0, 0.8, 1] });
    const multiclass = {
      schema_version: 1,
      task: 'multiclass',
      model: 'random_forest',
      primary_metric: 'f1_macro',
      rows: 30,
      metrics: { accuracy: 0.9, f1_macro: 0.88 },
      intervals: {},
      classes: ['setosa', 'versicolor', 'virginica'],
      confusion_matrix: [
        [10, 0, 0],
        [0, 8, 2],
        [0, 1, 9],
      ],
      roc: [curve('setosa'), curve('versicolor'), curve('virginica')],
      candidates: [],
    };
    const data = buildReportData(trainingRecord(), {
      evaluation: { uri: 'm', text: JSON.stringify(multiclass) },
    });
    expect(data.warnings).toEqual([]);
    expect(thresholdData(data.evaluation!)).toBeUndefined();
    const html = renderReportHtml(data);
    for (const label of multiclass.classes) expect(html).toContain(`data-label="${label}"`);
    expect(html).not.toContain('threshold-data');
    expect(html).not.toContain('<script>');
  });

  it('draws the regression charts for a regression run', () => {
    const regression = {
      schema_version: 1,
      task: 'regression',
      model: 'random_forest',
      primary_metric: 'rmse',
      rows: 4,
      metrics: { rmse: 1.5, r2: 0.8 },
      intervals: { r2: [0.7, 0.9] },
      predicted_vs_actual: { actual: [1, 2, 3, 4], predicted: [1.1, 2.5, 2.7, 4.2] },
      residuals: { edges: [-1, -0.5, 0, 0.5, 1], counts: [0, 2, 1, 1] },
      candidates: [],
    };
    const html = renderReportHtml(
      buildReportData(trainingRecord(), {
        evaluation: { uri: 'r', text: JSON.stringify(regression) },
      }),
    );
    expect(html).toContain('Predicted vs actual');
    expect(html).toContain('Residuals (actual − predicted)');
    expect(html).not.toContain('threshold-data');
    expect(tableCells(html, 'metric-table').find((row) => row[0] === 'r2')?.[2]).toBe(
      '0.7000 – 0.9000',
    );
  });
});
