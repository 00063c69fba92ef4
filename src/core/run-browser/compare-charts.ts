import type { Curve, ReportEvaluation } from '../run-report/report-model.js';
import { DASHES, escapeHtml, PALETTE } from '../run-report/html-page.js';
import { lineChartSvg, type Series } from '../run-report/svg/charts.js';
import { confusionMatrixSvg } from '../run-report/svg/confusion-matrix.js';
import { downsampleCurve } from '../run-report/svg/downsample.js';
import { MAX_OVERLAID_RUNS } from './compare.js';

/**
 * The comparison's charts: each run's ROC and precision-recall curves overlaid (one chart per
 * curve label: the positive class of a binary model, each class of a multiclass one), a run
 * told apart by colour and dash both, and each run's confusion matrix against the first run's.
 */

export interface ComparedEvaluation {
  /** How the run is named in legends. */
  readonly label: string;
  readonly evaluation?: ReportEvaluation;
}

/** One chart per curve label, the runs that have it overlaid, in the runs' order. */
function overlaid(
  runs: readonly ComparedEvaluation[],
  curvesOf: (evaluation: ReportEvaluation) => readonly Curve[] | undefined,
  title: string,
  xLabel: string,
  yLabel: string,
  diagonal: boolean,
): string[] {
  const byLabel = new Map<string, Series[]>();
  runs.slice(0, MAX_OVERLAID_RUNS).forEach((run, index) => {
    for (const curve of (run.evaluation && curvesOf(run.evaluation)) ?? []) {
      const thin = downsampleCurve(curve);
      const series = byLabel.get(curve.label) ?? [];
      series.push({
        label: run.label,
        points: thin.x.map((x, point) => [x, thin.y[point] ?? Number.NaN] as const),
        color: PALETTE[index % PALETTE.length] ?? PALETTE[0],
        dash: DASHES[index % DASHES.length] ?? '',
      });
      byLabel.set(curve.label, series);
    }
  });
  return [...byLabel.entries()].map(([label, series]) =>
    lineChartSvg({
      title: `${title} · ${label}`,
      xLabel,
      yLabel,
      series,
      xDomain: [0, 1],
      yDomain: [0, 1],
      diagonal,
    }),
  );
}

/** Each later run's confusion matrix, its cells showing the difference from the first run's. */
function confusionDeltas(runs: readonly ComparedEvaluation[]): string[] {
  const [first, ...others] = runs;
  const baseline = first?.evaluation;
  if (!first || !baseline?.classes || !baseline.confusionMatrix) return [];
  return others.flatMap((run) => {
    const evaluation = run.evaluation;
    if (!evaluation?.confusionMatrix || !evaluation.classes) return [];
    if (evaluation.classes.join('\u0000') !== baseline.classes?.join('\u0000'))
      return [
        `<p class="muted">${escapeHtml(run.label)} has other classes than ${escapeHtml(first.label)}: no confusion-matrix difference.</p>`,
      ];
    return [
      confusionMatrixSvg({
        title: `Confusion matrix: ${run.label} vs ${first.label}`,
        classes: evaluation.classes,
        matrix: evaluation.confusionMatrix,
        baseline: baseline.confusionMatrix,
      }),
    ];
  });
}

/** The charts section of the comparison, or '' when no run has an evaluation to draw. */
export function compareChartsHtml(runs: readonly ComparedEvaluation[]): string {
  const curves = [
    ...overlaid(
      runs,
      (evaluation) => evaluation.roc,
      'ROC',
      'False positive rate',
      'True positive rate',
      true,
    ),
    ...overlaid(
      runs,
      (evaluation) => evaluation.precisionRecall,
      'Precision-recall',
      'Recall',
      'Precision',
      false,
    ),
  ];
  const matrices = confusionDeltas(runs);
  if (curves.length === 0 && matrices.length === 0) return '';
  const wrap = (charts: string[]): string =>
    `<div class="charts">${charts.map((chart) => `<div class="chart">${chart}</div>`).join('')}</div>`;
  return [
    curves.length > 0 ? `<h2>Curves</h2>${wrap(curves)}` : '',
    matrices.length > 0 ? `<h2>Confusion matrices against the first run</h2>${wrap(matrices)}` : '',
  ].join('\n');
}
