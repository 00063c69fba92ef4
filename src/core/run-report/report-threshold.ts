import { formatMetric } from '../report/pipeline-report.js';
import { escapeHtml, jsonForScript } from './html-page.js';
import type { ReportEvaluation } from './report-model.js';

/**
 * The report's decision-threshold slider for a binary classifier: the confusion matrix at a
 * threshold the reader picks, read from the ROC curve's points, in a few lines of script. The
 * page reads the same without script, at the recorded threshold.
 */

/** The slider's data: the positive class's ROC points and the class counts. */
export interface ThresholdData {
  readonly positives: number;
  readonly negatives: number;
  readonly fpr: readonly number[];
  readonly tpr: readonly number[];
  readonly thresholds: readonly number[];
  /** The index of the recorded threshold (the smallest ROC threshold at or above it). */
  readonly start: number;
}

/** For a binary classifier with a ROC curve carrying its thresholds and a 2×2 matrix. */
export function thresholdData(evaluation: ReportEvaluation): ThresholdData | undefined {
  const [curve] = evaluation.roc ?? [];
  const matrix = evaluation.confusionMatrix;
  const classes = evaluation.classes ?? [];
  if (evaluation.task !== 'binary' || !curve?.thresholds || matrix?.length !== 2) return undefined;
  const positive = Math.max(classes.indexOf(evaluation.positiveClass ?? ''), 0) === 0 ? 0 : 1;
  const sum = (row: readonly number[] | undefined): number =>
    (row ?? []).reduce((total, value) => total + value, 0);
  const thresholds = curve.thresholds;
  const recorded = evaluation.threshold ?? 0.5;
  let start = 0;
  thresholds.forEach((threshold, index) => {
    if (threshold >= recorded) start = index;
  });
  return {
    positives: sum(matrix[positive]),
    negatives: sum(matrix[1 - positive]),
    fpr: curve.x,
    tpr: curve.y,
    thresholds,
    start,
  };
}

/**
 * The confusion matrix at a threshold the reader picks: counts from the ROC point at that
 * threshold and the class counts. Without script the slider stays hidden and the table shows
 * the recorded threshold's counts.
 */
export function thresholdSlider(evaluation: ReportEvaluation): string | undefined {
  const slider = thresholdData(evaluation);
  const matrix = evaluation.confusionMatrix;
  if (!slider || !matrix) return undefined;
  const classes = evaluation.classes ?? ['negative', 'positive'];
  const positiveIndex = Math.max(classes.indexOf(evaluation.positiveClass ?? ''), 0) === 0 ? 0 : 1;
  const negativeIndex = 1 - positiveIndex;
  const positive = escapeHtml(classes[positiveIndex] ?? 'positive');
  const negative = escapeHtml(classes[negativeIndex] ?? 'negative');
  const cell = (actual: number, predicted: number): number => matrix[actual]?.[predicted] ?? 0;
  const tp = cell(positiveIndex, positiveIndex);
  const fp = cell(negativeIndex, positiveIndex);
  const fn = cell(positiveIndex, negativeIndex);
  const tn = cell(negativeIndex, negativeIndex);
  const ratio = (a: number, b: number): string => (b === 0 ? '—' : formatMetric(a / b));
  const recorded = evaluation.threshold ?? 0.5;
  return [
    '<h3 id="threshold-heading">Decision threshold</h3>',
    `<div id="threshold" class="no-print" hidden><label for="threshold-input">Threshold: <output id="threshold-value">${formatMetric(recorded)}</output></label> `,
    `<input id="threshold-input" type="range" min="0" max="${slider.thresholds.length - 1}" step="1" value="${slider.start}" aria-describedby="threshold-note"></div>`,
    `<p id="threshold-note" class="muted">Counts at the recorded threshold ${formatMetric(recorded)}; with script, move the slider to see them at another (read from the ROC curve's points).</p>`,
    `<table id="threshold-matrix"><thead><tr><th scope="col">Actual \\ predicted</th><th scope="col">${positive}</th><th scope="col">${negative}</th></tr></thead><tbody>`,
    `<tr><th scope="row">${positive}</th><td class="num" id="tm-tp">${tp}</td><td class="num" id="tm-fn">${fn}</td></tr>`,
    `<tr><th scope="row">${negative}</th><td class="num" id="tm-fp">${fp}</td><td class="num" id="tm-tn">${tn}</td></tr>`,
    '</tbody></table>',
    `<p>Precision <span id="tm-precision">${ratio(tp, tp + fp)}</span>, recall <span id="tm-recall">${ratio(tp, tp + fn)}</span>.</p>`,
    `<script type="application/json" id="threshold-data">${jsonForScript(slider)}</script>`,
  ].join('\n');
}

/** Shows the slider and recomputes the matrix from the ROC point it picks. */
export const SLIDER_SCRIPT = `(function(){
var source=document.getElementById('threshold-data');if(!source)return;
var d=JSON.parse(source.textContent),input=document.getElementById('threshold-input');
var fmt=function(v){return Number.isInteger(v)?String(v):v.toFixed(4)};
var set=function(id,v){document.getElementById(id).textContent=v};
function show(i){var tp=Math.round(d.tpr[i]*d.positives),fp=Math.round(d.fpr[i]*d.negatives);
var fn=d.positives-tp,tn=d.negatives-fp,t=d.thresholds[i];
set('tm-tp',tp);set('tm-fp',fp);set('tm-fn',fn);set('tm-tn',tn);set('threshold-value',fmt(t));
input.setAttribute('aria-valuetext','threshold '+fmt(t));
set('tm-precision',tp+fp?fmt(tp/(tp+fp)):'\\u2014');set('tm-recall',d.positives?fmt(tp/d.positives):'\\u2014');
set('threshold-note','Counts at threshold '+fmt(t)+' (from the ROC curve\\u2019s points).')}
document.getElementById('threshold').hidden=false;
input.addEventListener('input',function(){show(Number(input.value))});
})();`;
