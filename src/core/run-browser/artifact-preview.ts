import { parseCsv } from '../csv.js';
import { escapeHtml, htmlPage } from '../run-report/html-page.js';
import { artifactHref, BROWSER_STYLE, navBar, runHref } from './page-parts.js';

/**
 * What an artifact looks like in the browser: a CSV's first rows as a table, JSON pretty-printed,
 * Markdown and logs as text (escaped: an artifact is data, never markup), a folder's files
 * listed, anything else offered for download. Reading stops at PREVIEW_BYTES.
 */

export const PREVIEW_BYTES = 256 * 1024;
export const CSV_PREVIEW_ROWS = 50;

export interface FolderEntry {
  readonly name: string;
  readonly folder: boolean;
  readonly size: number;
}

export type ArtifactPreview =
  | { readonly kind: 'folder'; readonly entries: readonly FolderEntry[] }
  | { readonly kind: 'csv'; readonly header: readonly string[]; readonly rows: readonly string[][] }
  | { readonly kind: 'json' | 'markdown' | 'text'; readonly text: string }
  | { readonly kind: 'binary' };

function looksLikeCsv(text: string): boolean {
  const [first, second] = parseCsv(text, 2);
  return (
    first !== undefined &&
    first.length > 1 &&
    (second === undefined || second.length === first.length)
  );
}

/**
 * The preview of a file's first bytes; `complete` is false when the file is longer than what was
 * read (JSON is then shown as text, since it cannot be parsed).
 */
export function previewFile(name: string, text: string, complete: boolean): ArtifactPreview {
  if (text.includes('\u0000')) return { kind: 'binary' };
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  const trimmed = text.trimStart();
  if (extension === 'json' || (extension === undefined && /^[{[]/.test(trimmed))) {
    try {
      if (complete) return { kind: 'json', text: JSON.stringify(JSON.parse(text), null, 2) };
    } catch {
      // Not JSON after all: shown as text below.
    }
  }
  if (
    extension === 'md' ||
    extension === 'markdown' ||
    (extension === undefined && trimmed.startsWith('# '))
  )
    return { kind: 'markdown', text };
  if (extension === 'csv' || (extension === undefined && looksLikeCsv(text))) {
    const [header = [], ...rows] = parseCsv(text, CSV_PREVIEW_ROWS + 1);
    return { kind: 'csv', header, rows };
  }
  return { kind: 'text', text };
}

export interface ArtifactView {
  readonly root: string;
  readonly runId: string;
  /** The run's folder name (its key in URLs). */
  readonly id: string;
  /** The file's or folder's path inside the run folder. */
  readonly relative: string;
  readonly size: number;
  /** The preview read the whole file. */
  readonly complete: boolean;
  readonly preview: ArtifactPreview;
}

function previewBody(view: ArtifactView): string {
  const { preview } = view;
  switch (preview.kind) {
    case 'folder':
      return preview.entries.length === 0
        ? '<p class="muted">Empty folder.</p>'
        : `<table><thead><tr><th>Name</th><th class="num">Size</th></tr></thead><tbody>${preview.entries
            .map(
              (entry) =>
                `<tr><td><a href="${escapeHtml(artifactHref(view.id, `${view.relative}/${entry.name}`))}">${escapeHtml(entry.name)}${entry.folder ? '/' : ''}</a></td><td class="num">${entry.folder ? '' : entry.size}</td></tr>`,
            )
            .join('')}</tbody></table>`;
    case 'csv':
      return `<p class="muted">The first ${preview.rows.length} rows.</p><div class="scroller"><table id="csv-head"><thead><tr>${preview.header.map((name) => `<th scope="col">${escapeHtml(name)}</th>`).join('')}</tr></thead><tbody>${preview.rows
        .map((row) => `<tr>${row.map((value) => `<td>${escapeHtml(value)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table></div>`;
    case 'binary':
      return '<p>A binary file: download it to open it.</p>';
    default:
      return `${view.complete ? '' : `<p class="muted">The first ${PREVIEW_BYTES / 1024} KB.</p>`}<pre>${escapeHtml(preview.text)}</pre>`;
  }
}

export function artifactPageHtml(view: ArtifactView): string {
  const download =
    view.preview.kind === 'folder'
      ? ''
      : ` · <a href="${escapeHtml(artifactHref(view.id, view.relative, true))}" download>Download (${view.size} bytes)</a>`;
  const body = `${navBar(view.root)}
<main>
<p><a href="${escapeHtml(runHref(view.id))}">${escapeHtml(view.runId)}</a></p>
<h1>${escapeHtml(view.relative)}</h1>
<p class="muted">${escapeHtml(view.preview.kind)}${download}</p>
${previewBody(view)}
</main>`;
  return htmlPage({ title: `${view.relative} · ${view.runId}`, body, style: BROWSER_STYLE });
}
