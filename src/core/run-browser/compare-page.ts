import { escapeHtml, htmlPage } from '../run-report/html-page.js';
import { formatDelta } from '../report/pipeline-report.js';
import {
  compareQueryString,
  MAX_OVERLAID_RUNS,
  type CompareQuery,
  type CompareRow,
  type RunComparison,
} from './compare.js';
import { BROWSER_STYLE, formatValue, navBar, runHref, stateBadge } from './page-parts.js';
import type { RunSummary } from './run-summary.js';

/** Runs side by side: parameters and metrics (deltas against the first run), then the charts. */

export interface CompareView {
  readonly root: string;
  readonly query: CompareQuery;
  /** The runs found, in the order asked. */
  readonly runs: readonly RunSummary[];
  /** Ids asked for that are not under the root. */
  readonly missing: readonly string[];
  readonly comparison: RunComparison;
  /** Overlaid curves and confusion-matrix deltas, already drawn (SVG in HTML). */
  readonly charts: string;
}

function cell(row: CompareRow, index: number): string {
  const value = row.values[index];
  const delta = row.deltas[index];
  const shownDelta =
    index > 0 && delta !== undefined && delta !== 0
      ? `<span class="delta" data-delta="${delta}">(${escapeHtml(formatDelta(row.values[index] as number, row.values[0] as number))})</span>`
      : '';
  const numeric = typeof value === 'number';
  return `<td class="${numeric ? 'num' : ''}${row.differs ? ' differs' : ''}">${escapeHtml(formatValue(value))}${shownDelta}</td>`;
}

function runHeader(run: RunSummary): string {
  return `<a href="${escapeHtml(runHref(run.id))}">${escapeHtml(run.runId)}</a><br><span class="muted">${escapeHtml(run.pipeline)}</span> ${stateBadge(run.state)}`;
}

function compareTable(
  caption: string,
  rows: readonly CompareRow[],
  view: CompareView,
  id: string,
): string {
  const shown = view.query.onlyDifferences ? rows.filter((row) => row.differs) : rows;
  if (shown.length === 0)
    return `<h2>${escapeHtml(caption)}</h2><p class="muted">${rows.length === 0 ? 'None.' : 'No differences.'}</p>`;
  const runs = view.runs;
  const table = view.query.transpose
    ? `<thead><tr><th scope="col">Run</th>${shown.map((row) => `<th scope="col"${row.differs ? ' class="differs"' : ''}>${escapeHtml(row.name)}</th>`).join('')}</tr></thead><tbody>${runs
        .map(
          (run, index) =>
            `<tr><th scope="row">${runHeader(run)}</th>${shown.map((row) => cell(row, index)).join('')}</tr>`,
        )
        .join('')}</tbody>`
    : `<thead><tr><th scope="col">${escapeHtml(caption === 'Metrics' ? 'Task.metric' : 'Parameter')}</th>${runs.map((run) => `<th scope="col">${runHeader(run)}</th>`).join('')}</tr></thead><tbody>${shown
        .map(
          (row) =>
            `<tr data-name="${escapeHtml(row.name)}"><th scope="row">${escapeHtml(row.name)}</th>${runs.map((_, index) => cell(row, index)).join('')}</tr>`,
        )
        .join('')}</tbody>`;
  return `<h2>${escapeHtml(caption)}</h2><table id="${id}">${table}</table>`;
}

export function comparePageHtml(view: CompareView): string {
  const { query } = view;
  const toggles = [
    `<a href="${escapeHtml(compareQueryString({ ...query, onlyDifferences: !query.onlyDifferences }))}" id="toggle-differences">${query.onlyDifferences ? 'Show all rows' : 'Only differences'}</a>`,
    `<a href="${escapeHtml(compareQueryString({ ...query, transpose: !query.transpose }))}" id="toggle-transpose">${query.transpose ? 'One column per run' : 'One row per run (transpose)'}</a>`,
    `<a href="/?selected=${escapeHtml(view.runs.map((run) => encodeURIComponent(run.id)).join(','))}">Change the selection</a>`,
  ].join(' · ');
  const notes = [
    view.missing.length > 0
      ? `<p class="warning">Not found under this root: ${view.missing.map((id) => `<code>${escapeHtml(id)}</code>`).join(', ')}.</p>`
      : '',
    view.runs.length < 2
      ? '<p>Tick two runs or more in the list to compare them.</p>'
      : view.runs.length > MAX_OVERLAID_RUNS
        ? `<p class="muted">Curves overlay the first ${MAX_OVERLAID_RUNS} runs.</p>`
        : '',
  ].join('');
  const body = `${navBar(view.root)}
<main>
<h1>Comparing ${view.runs.length} run${view.runs.length === 1 ? '' : 's'}</h1>
<p class="toolbar">${toggles}</p>
${notes}
<p class="muted">Deltas are against the first run; highlighted cells differ between runs.</p>
${compareTable('Metrics', view.comparison.metrics, view, 'metrics')}
${compareTable('Parameters', view.comparison.parameters, view, 'parameters')}
${view.charts}
</main>`;
  return htmlPage({ title: 'Compare runs · mlops ui', body, style: BROWSER_STYLE });
}
