import { escapeHtml, htmlPage } from '../run-report/html-page.js';
import { formatMetric } from '../report/pipeline-report.js';
import type { RunRecord } from '../run-record.js';
import {
  artifactHref,
  BROWSER_STYLE,
  formatDuration,
  formatTime,
  formatValue,
  navBar,
  stateBadge,
} from './page-parts.js';

/** Seconds between reloads of a running run's page: the runner rewrites run.json as tasks end. */
export const LIVE_REFRESH_SECONDS = 2;

export interface RunView {
  readonly root: string;
  /** The run's folder name (its key in URLs). */
  readonly id: string;
  readonly record: RunRecord;
}

function parametersTable(record: RunRecord): string {
  const rows = Object.entries(record.parameters);
  if (rows.length === 0) return '';
  return `<h2>Parameters</h2><table><tbody>${rows
    .map(
      ([name, value]) =>
        `<tr><th scope="row">${escapeHtml(name)}</th><td>${escapeHtml(formatValue(value))}</td></tr>`,
    )
    .join('')}</tbody></table>`;
}

function metricsTable(record: RunRecord): string {
  const rows = Object.entries(record.metrics).flatMap(([task, metrics]) =>
    Object.entries(metrics).map(([name, value]) => [task, name, formatMetric(value)]),
  );
  if (rows.length === 0) return '';
  return `<h2>Metrics</h2><table><thead><tr><th>Task</th><th>Metric</th><th class="num">Value</th></tr></thead><tbody>${rows
    .map(
      ([task, name, value]) =>
        `<tr><td>${escapeHtml(task ?? '')}</td><td>${escapeHtml(name ?? '')}</td><td class="num">${escapeHtml(value ?? '')}</td></tr>`,
    )
    .join('')}</tbody></table>`;
}

/** Each task with its state, outputs and log, linked to their previews (local runs). */
function tasksTable(view: RunView): string {
  const { record } = view;
  const local = record.backend === 'local';
  const rows = Object.values(record.tasks).map((task) => {
    const outputs = Object.entries(task.artifacts)
      .filter(([, list]) => list.length > 0)
      .map(([output, list]) =>
        local
          ? `<a href="${escapeHtml(artifactHref(view.id, `${task.path}/${output}`))}">${escapeHtml(output)}</a>`
          : escapeHtml(`${output}: ${list.map((artifact) => artifact.uri).join(', ')}`),
      )
      .join(', ');
    const log =
      local && task.state !== 'PENDING' && !task.cached
        ? ` <a href="${escapeHtml(artifactHref(view.id, `${task.path}/task.log`))}">log</a>`
        : '';
    const failure = task.failure
      ? `<br><span class="warning">${escapeHtml(task.failure.message)}</span>`
      : '';
    return `<tr><td>${escapeHtml(task.path)}${log}</td><td>${stateBadge(task.state)}${task.cached ? ' <span class="muted">(cached)</span>' : ''}${failure}</td><td class="num">${escapeHtml(formatDuration(task.durationMs))}</td><td>${outputs}</td></tr>`;
  });
  return `<h2>Tasks</h2><table><thead><tr><th>Task</th><th>State</th><th class="num">Duration</th><th>Outputs</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The header every run page has: what, when, how it ended; the report or the tables follow. */
export function runSummaryHeader(view: RunView): string {
  const { record } = view;
  return `<h1>${escapeHtml(record.runId)}</h1>
<p>${stateBadge(record.state)} · ${escapeHtml(record.pipelineName)} · ${escapeHtml(record.backend)} · started ${escapeHtml(formatTime(record.startTime))} UTC${record.durationMs === undefined ? '' : ` · ${escapeHtml(formatDuration(record.durationMs))}`}</p>
${record.state === 'RUNNING' ? `<p class="muted" id="live">Running: this page reloads every ${LIVE_REFRESH_SECONDS} s.</p>` : ''}`;
}

/** The run page: its summary, then the parameters, metrics and tasks with links to their outputs. */
export function runPageHtml(view: RunView, charts = ''): string {
  const body = `${navBar(view.root)}
<main>
${runSummaryHeader(view)}
${charts}
${metricsTable(view.record)}
${tasksTable(view)}
${parametersTable(view.record)}
</main>`;
  return htmlPage({
    title: `${view.record.runId} · mlops ui`,
    body,
    style: BROWSER_STYLE,
    ...(view.record.state === 'RUNNING'
      ? { head: `<meta http-equiv="refresh" content="${LIVE_REFRESH_SECONDS}">` }
      : {}),
  });
}
