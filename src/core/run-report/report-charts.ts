import { DASHES, PALETTE } from './html-page.js';
import type { Curve, ReportEvaluation } from './report-model.js';
import { histogramSvg, lineChartSvg, scatterSvg } from './svg/charts.js';
import { confusionMatrixSvg } from './svg/confusion-matrix.js';

/**
 * The evaluation's charts in a report, each a static SVG in a figure: ROC, precision-recall and
 * calibration (the champion's curves dashed over the run's), the confusion matrix (with the
 * change against the champion's), and for regression predicted vs actual and the residuals.
 */

const points = (curve: Curve): Array<[number, number]> =>
  curve.x.map((x, index): [number, number] => [x, curve.y[index] ?? 0]);

/** The run's curves in palette colours, the champion's dashed in the same colours. */
function series(own: readonly Curve[] | undefined, champion: readonly Curve[] | undefined) {
  return [
    ...(own ?? []).map((curve, index) => ({
      label: curve.label,
      points: points(curve),
      color: PALETTE[index % PALETTE.length],
    })),
    ...(champion ?? []).map((curve, index) => ({
      label: `champion: ${curve.label}`,
      points: points(curve),
      color: PALETTE[index % PALETTE.length],
      dash: DASHES[1],
    })),
  ];
}

export const figure = (svg: string): string => `<figure class="chart">${svg}</figure>`;

function sameShape(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): boolean {
  return a.length === b.length && a.every((row, index) => row.length === b[index]?.length);
}

/** The charts the evaluation has data for, in the report's order. */
export function evaluationCharts(
  evaluation: ReportEvaluation,
  theirs: ReportEvaluation | undefined,
): string[] {
  const charts: string[] = [];
  const unit: [number, number] = [0, 1];
  if (evaluation.roc) {
    charts.push(
      figure(
        lineChartSvg({
          title: 'ROC curve',
          xLabel: 'False positive rate',
          yLabel: 'True positive rate',
          series: series(evaluation.roc, theirs?.roc),
          xDomain: unit,
          yDomain: unit,
          diagonal: true,
        }),
      ),
    );
  }
  if (evaluation.precisionRecall) {
    charts.push(
      figure(
        lineChartSvg({
          title: 'Precision–recall curve',
          xLabel: 'Recall',
          yLabel: 'Precision',
          series: series(evaluation.precisionRecall, theirs?.precisionRecall),
          xDomain: unit,
          yDomain: unit,
        }),
      ),
    );
  }
  if (evaluation.calibration) {
    charts.push(
      figure(
        lineChartSvg({
          title: 'Calibration',
          xLabel: 'Mean predicted probability',
          yLabel: 'Observed share of positives',
          series: series(evaluation.calibration, theirs?.calibration),
          xDomain: unit,
          yDomain: unit,
          diagonal: true,
        }),
      ),
    );
  }
  if (evaluation.confusionMatrix && evaluation.classes) {
    const baseline = theirs?.confusionMatrix;
    charts.push(
      figure(
        confusionMatrixSvg({
          title: 'Confusion matrix',
          classes: evaluation.classes,
          matrix: evaluation.confusionMatrix,
          ...(baseline && sameShape(baseline, evaluation.confusionMatrix) ? { baseline } : {}),
        }),
      ),
    );
  }
  if (evaluation.predictedVsActual) {
    const { actual, predicted } = evaluation.predictedVsActual;
    charts.push(
      figure(
        scatterSvg({
          title: 'Predicted vs actual',
          xLabel: 'Actual',
          yLabel: 'Predicted',
          points: actual.map((value, index): [number, number] => [value, predicted[index] ?? 0]),
          diagonal: true,
        }),
      ),
    );
  }
  if (evaluation.residuals) {
    charts.push(
      figure(
        histogramSvg({
          title: 'Residuals (actual − predicted)',
          xLabel: 'Residual',
          edges: evaluation.residuals.edges,
          counts: evaluation.residuals.counts,
        }),
      ),
    );
  }
  return charts;
}
