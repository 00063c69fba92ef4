import { formatDuration } from '../duration.js';
import { renderReportHtml } from '../run-report/report-html.js';
import type { ReportData } from '../run-report/report-model.js';
import { escapeHtml } from '../run-report/html-page.js';
import type { RunRecord } from '../run-record.js';
import { artifactHref, BROWSER_STYLE, navBar, stateBadge } from './page-parts.js';

/** Seconds between reloads of a running run's page: the runner rewrites run.json as tasks end. */
export const LIVE_REFRESH_SECONDS = 2;

export interface RunView {
  readonly root: string;
  /** The run's folder name (its key in URLs). */
  readonly id: string;
  readonly record: RunRecord;
}

/** Each task with its state and outputs, linked to their previews (a local run's). */
function outputsSection(view: RunView): string {
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
    return `<tr><td>${escapeHtml(task.path)}</td><td>${stateBadge(task.state)}${task.cached ? ' <span class="muted">(cached)</span>' : ''}</td><td class="num">${escapeHtml(formatDuration(task.durationMs))}</td><td>${outputs}</td></tr>`;
  });
  return `<section id="outputs" aria-labelledby="outputs-title"><h2 id="outputs-title">Outputs</h2><table><thead><tr><th>Task</th><th>State</th><th class="num">Duration</th><th>Outputs</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

/**
 * A run's page: its report (what `mlops report` writes), under the browser's navigation bar,
 * then each task's outputs linked to their previews. A running run's page reloads itself.
 */
export function runPageHtml(view: RunView, report: ReportData): string {
  const running = view.record.state === 'RUNNING';
  return renderReportHtml(report, {
    head: `<style>${BROWSER_STYLE}</style>${running ? `<meta http-equiv="refresh" content="${LIVE_REFRESH_SECONDS}">` : ''}`,
    before: navBar(
      view.root,
      running
        ? `<span id="live" class="state state-RUNNING">▶ Running: this page reloads every ${LIVE_REFRESH_SECONDS} s</span>`
        : '',
    ),
    after: outputsSection(view),
  });
}
