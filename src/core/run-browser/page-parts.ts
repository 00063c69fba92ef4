import type { ParameterValue } from '../ir/parameters.js';
import { escapeHtml, htmlPage } from '../run-report/html-page.js';
import { formatMetric } from '../report/pipeline-report.js';

/** Pieces every page of the run browser shares: the navigation bar, links, value formatting. */

/** Styles of the run browser's pages, after the shell's. */
export const BROWSER_STYLE = `
nav.top a{font-weight:600}
.state{font-weight:600;white-space:nowrap}
.state-SUCCEEDED{color:var(--ok)}.state-FAILED,.state-UNREADABLE{color:var(--fail)}.state-RUNNING{color:var(--accent)}.state-CANCELLED{color:var(--warn)}
form.filters{display:flex;flex-wrap:wrap;gap:12px;align-items:end;margin:8px 0}
form.filters label{display:flex;flex-direction:column;font-size:13px;color:var(--muted)}
input,select,button{font:inherit;padding:3px 6px;border:1px solid #6e7781;border-radius:4px;background:#fff;color:var(--fg)}
.toolbar{display:flex;gap:16px;align-items:center;margin:6px 0}
.scroller{max-height:70vh;overflow:auto;border:1px solid var(--line)}
.scroller table{margin:0;width:100%}
.scroller thead th{position:sticky;top:0;z-index:1}
main.wide{max-width:none}
table.runs{border-collapse:separate;border-spacing:0}
table.runs th,table.runs td{border-width:0 1px 1px 0}
table.runs tr{height:33px}
table.runs td{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;max-width:420px}
table.runs th:first-child,table.runs td:first-child{position:sticky;left:0;width:88px;min-width:88px;max-width:88px}
table.runs th:nth-child(2),table.runs td:nth-child(2){position:sticky;left:88px}
table.runs td:first-child,table.runs td:nth-child(2){background:var(--bg);z-index:1}
.scroller thead th:first-child,.scroller thead th:nth-child(2){z-index:2}
td.differs,th.differs{background:#fff8c5}
.delta{color:var(--muted);font-size:12px;margin-left:4px}
`;

/** The bar at the top of every page: back to the list, where the runs are. */
export function navBar(root: string, extra = ''): string {
  return `<nav class="top" aria-label="Run browser"><a href="/">Runs</a>${extra}<span class="muted">${escapeHtml(root)}</span></nav>`;
}

export function runHref(id: string): string {
  return `/runs/${encodeURIComponent(id)}`;
}

/** A file or folder of a run, by its path inside the run's folder. */
export function artifactHref(id: string, relative: string, download = false): string {
  const path = relative.split('/').map(encodeURIComponent).join('/');
  return `${runHref(id)}/artifacts/${path}${download ? '?download=1' : ''}`;
}

export function stateBadge(state: string): string {
  const marks: Record<string, string> = {
    SUCCEEDED: '✓',
    FAILED: '✗',
    RUNNING: '▶',
    CANCELLED: '■',
    UNREADABLE: '!',
  };
  return `<span class="state state-${escapeHtml(state)}">${marks[state] ?? '·'} ${escapeHtml(state)}</span>`;
}

/** `2026-12-05 07:58:09` (UTC), from an ISO time. */
export function formatTime(iso: string): string {
  return iso ? iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '') : '';
}

export function formatValue(value: ParameterValue | undefined): string {
  if (value === undefined) return '—';
  if (typeof value === 'number') return formatMetric(value);
  if (typeof value === 'string') return value === '' ? '""' : value;
  return JSON.stringify(value);
}

/** A page that says what went wrong (a run not found, an unreadable run.json). */
export function messagePageHtml(root: string, title: string, message: string): string {
  return htmlPage({
    title: `${title} · mlops ui`,
    body: `${navBar(root)}<main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></main>`,
    style: BROWSER_STYLE,
  });
}
