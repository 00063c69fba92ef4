import { formatDuration } from '../duration.js';
import { escapeHtml, htmlPage, jsonForScript } from '../run-report/html-page.js';
import { formatMetric } from '../report/pipeline-report.js';
import { LIST_SCRIPT } from './list-script.js';
import {
  listQueryString,
  METRIC_SORT_PREFIX,
  type ListPage,
  type ListQuery,
  type ListRow,
} from './list-query.js';
import { BROWSER_STYLE, formatTime, navBar, runHref, stateBadge } from './page-parts.js';

/**
 * The list of runs. The server draws the first rows, so the page reads without script; the
 * script (LIST_SCRIPT) then draws only the rows in view from `/api/runs`, keeps the filters and
 * the selection in the URL, and builds the Compare link.
 */

/** Rows per request of the script, and rows the server draws into the page. */
export const LIST_WINDOW = 200;
/** Fixed row height (px) the script's virtual scrolling counts on (the styles set it too). */
export const ROW_HEIGHT = 33;

export interface ListView {
  readonly root: string;
  /** False when the pipeline root does not exist (yet). */
  readonly rootExists: boolean;
  readonly query: ListQuery;
  /** The first window of the filtered, sorted runs. */
  readonly page: ListPage;
  /** Runs under the root before filtering. */
  readonly runCount: number;
  /** Metric names over all runs, the most common first (choices of columns). */
  readonly metrics: readonly string[];
  readonly pipelines: readonly string[];
  readonly states: readonly string[];
}

/** One row of the table; the script gets the same HTML from `/api/runs?html=1`. */
export function listRowHtml(row: ListRow, columns: readonly string[], selected: boolean): string {
  const id = escapeHtml(row.id);
  const cells = [
    `<td><input type="checkbox" name="runs" value="${id}" aria-label="Select ${id}"${selected ? ' checked' : ''}></td>`,
    `<td><a href="${escapeHtml(runHref(row.id))}">${escapeHtml(row.runId)}</a></td>`,
    `<td title="${escapeHtml(row.problem ?? '')}">${stateBadge(row.state)}</td>`,
    `<td>${escapeHtml(row.pipeline)}</td>`,
    `<td>${escapeHtml(formatTime(row.startTime))}</td>`,
    `<td class="num">${escapeHtml(formatDuration(row.durationMs))}</td>`,
    ...columns.map((column) => {
      const value = row.metrics[column];
      return `<td class="num">${value === undefined ? '' : escapeHtml(formatMetric(value))}</td>`;
    }),
  ];
  return `<tr data-id="${id}">${cells.join('')}</tr>`;
}

function headerCell(label: string, key: string, query: ListQuery, numeric: boolean): string {
  const ascending = query.sort === key;
  const descending = query.sort === `-${key}`;
  const next = ascending ? `-${key}` : key;
  const sort = ascending ? 'ascending' : descending ? 'descending' : 'none';
  const arrow = ascending ? ' ▲' : descending ? ' ▼' : '';
  const href = `/${listQueryString({ ...query, sort: next })}`;
  return `<th${numeric ? ' class="num"' : ''} aria-sort="${sort}"><a href="${escapeHtml(href)}" data-sort="${escapeHtml(key)}">${escapeHtml(label)}${arrow}</a></th>`;
}

function options(values: readonly string[], chosen: string, all: string): string {
  return [
    `<option value="">${escapeHtml(all)}</option>`,
    ...values.map(
      (value) =>
        `<option value="${escapeHtml(value)}"${value === chosen ? ' selected' : ''}>${escapeHtml(value)}</option>`,
    ),
  ].join('');
}

function emptyMessage(view: ListView): string {
  if (view.runCount > 0) return '<p>No run matches these filters.</p>';
  const where = escapeHtml(view.root);
  return `<p>${view.rootExists ? `No runs under <code>${where}</code> yet.` : `<code>${where}</code> does not exist yet.`} Make one with <code>mlops run --local pipelines/training-pipeline.yaml --pipeline-root ${where}</code>, or start <code>mlops ui --pipeline-root DIR</code> on the folder your runs are in.</p>`;
}

export function listPageHtml(view: ListView): string {
  const { query, page } = view;
  const selected = new Set(query.selected);
  const hidden = [
    query.sort ? `<input type="hidden" name="sort" value="${escapeHtml(query.sort)}">` : '',
    query.columns
      ? `<input type="hidden" name="columns" value="${escapeHtml(query.columns.join(','))}">`
      : '',
    query.selected.length > 0
      ? `<input type="hidden" name="selected" value="${escapeHtml(query.selected.join(','))}">`
      : '',
  ].join('');
  const filters = `<form class="filters" id="filters" method="get" action="/" role="search">
<label>Filter<input type="search" name="q" id="filter-text" value="${escapeHtml(query.q)}" placeholder="run, pipeline or state"></label>
<label>State<select name="state" id="filter-state">${options(view.states, query.state, 'any state')}</select></label>
<label>Pipeline<select name="pipeline" id="filter-pipeline">${options(view.pipelines, query.pipeline, 'any pipeline')}</select></label>
${hidden}<button type="submit">Apply</button></form>`;
  const columnChoice = view.metrics
    .map(
      (name) =>
        `<label><input type="checkbox" name="columns" value="${escapeHtml(name)}"${page.columns.includes(name) ? ' checked' : ''}> ${escapeHtml(name)}</label>`,
    )
    .join(' ');
  const columnsForm = view.metrics.length
    ? `<details><summary>Metric columns</summary><form method="get" action="/">${columnChoice}<input type="hidden" name="q" value="${escapeHtml(query.q)}"><input type="hidden" name="state" value="${escapeHtml(query.state)}"><input type="hidden" name="pipeline" value="${escapeHtml(query.pipeline)}"><input type="hidden" name="sort" value="${escapeHtml(query.sort)}"> <button type="submit">Show</button></form></details>`
    : '';
  const header = [
    '<th scope="col"><span class="muted">Compare</span></th>',
    headerCell('Run', 'id', query, false),
    headerCell('State', 'state', query, false),
    headerCell('Pipeline', 'pipeline', query, false),
    headerCell('Started (UTC)', 'start', query, false),
    headerCell('Duration', 'duration', query, true),
    ...page.columns.map((column) =>
      headerCell(column, `${METRIC_SORT_PREFIX}${column}`, query, true),
    ),
  ].join('');
  const rows = page.rows
    .map((row) => listRowHtml(row, page.columns, selected.has(row.id)))
    .join('\n');
  const compareHref = `/compare?runs=${query.selected.map(encodeURIComponent).join(',')}`;
  // The list takes the window's width, and its first columns (the tick box and the run) stay put
  // when many metric columns scroll sideways.
  const body = `${navBar(view.root)}
<main class="wide">
<h1>Runs</h1>
${filters}
${columnsForm}
<form method="get" action="/compare" id="compare-form">
<div class="toolbar"><span id="count" aria-live="polite">${page.total} of ${view.runCount} run${view.runCount === 1 ? '' : 's'}</span>
<a id="compare-link" href="${escapeHtml(compareHref)}">Compare selected (${query.selected.length})</a>
<button type="submit" id="compare-submit">Compare ticked runs</button></div>
${page.total === 0 ? emptyMessage(view) : ''}
<div class="scroller" id="scroller">
<table class="runs"><thead><tr>${header}</tr></thead>
<tbody id="rows">
${rows}
</tbody></table></div>
${page.total > page.rows.length ? `<p class="muted" id="more">Showing the first ${page.rows.length}; with script the list scrolls through all ${page.total}.</p>` : ''}
</form>
<script type="application/json" id="list-state">${jsonForScript({ total: page.total, columns: page.columns.length + 6, window: LIST_WINDOW, rowHeight: ROW_HEIGHT })}</script>
</main>`;
  return htmlPage({
    title: 'Runs · mlops ui',
    body,
    style: BROWSER_STYLE,
    script: LIST_SCRIPT,
    fetchFromOrigin: true,
  });
}
