/**
 * The shell every page of the report and the run browser shares: one self-contained HTML
 * document (styles inline, no fonts or scripts from the network), readable without script,
 * printable, with colours from a colour-blind-safe palette and the state of a task always said
 * in words or a mark too, never by colour alone.
 */

/** Okabe–Ito's colour-blind-safe palette, then two more distinct greys for runs 9 and 10. */
export const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
  '#7F7F7F',
  '#B8B8B8',
] as const;

/** Dash patterns that tell overlaid series apart in print and for readers who see no colour. */
export const DASHES = ['', '6 3', '2 2', '8 3 2 3', '1 3'] as const;

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML and SVG content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

/** JSON for a `<script type="application/json">` block: `</script>` and `<!--` cannot end it early. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
}

const BASE_STYLE = `
:root{--fg:#1f2328;--muted:#59636e;--bg:#fff;--panel:#f6f8fa;--line:#d1d9e0;--accent:#0969da;--ok:#1a7f37;--fail:#cf222e;--warn:#9a6700}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1200px;margin:0 auto;padding:16px 24px 48px}
h1{font-size:22px;margin:8px 0}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}h3{font-size:15px;margin:16px 0 6px}
a{color:var(--accent)}a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,[tabindex]:focus-visible{outline:3px solid #0072B2;outline-offset:2px}
table{border-collapse:collapse;margin:6px 0 12px;font-variant-numeric:tabular-nums}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--panel);font-weight:600}
td.num,th.num{text-align:right}
code,pre{font:12px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
pre{background:var(--panel);padding:8px;overflow:auto;max-height:480px}
.muted{color:var(--muted)}
.headline{padding:10px 14px;border-radius:6px;font-weight:600;margin:8px 0 16px;border:1px solid}
.headline.pass{background:#dafbe1;border-color:var(--ok);color:#116329}
.headline.fail{background:#ffebe9;border-color:var(--fail);color:#82071e}
.charts{display:flex;flex-wrap:wrap;gap:16px}
.chart{flex:0 0 auto}
svg text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
.warning{color:var(--warn)}
nav.top{display:flex;gap:16px;align-items:center;padding:8px 24px;border-bottom:1px solid var(--line);background:var(--panel)}
@media print{nav.top,.no-print{display:none}main{max-width:none;padding:0}a{color:inherit;text-decoration:none}h2{break-after:avoid}.chart,table{break-inside:avoid}}
`;

export interface HtmlPageParts {
  readonly title: string;
  /** The page's body, already HTML. */
  readonly body: string;
  /** Extra CSS after the shared styles. */
  readonly style?: string;
  /** Inline script run at the end of the body (a few KB: tooltips, tabs, sliders). */
  readonly script?: string;
  /** Extra elements for the head (a refresh while a run is going). */
  readonly head?: string;
  /** The run browser's pages fetch from the server that sent them; a report file fetches nothing. */
  readonly fetchFromOrigin?: boolean;
}

/**
 * Nothing may load from elsewhere: a report is opened offline, from a workflow artifact. The run
 * browser sends the same policy as a header too.
 */
export function contentSecurityPolicy(fetchFromOrigin = false): string {
  return `default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'${fetchFromOrigin ? "; connect-src 'self'" : ''}`;
}

/** A whole HTML document from its parts; nothing in it reaches the network. */
export function htmlPage(parts: HtmlPageParts): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(parts.fetchFromOrigin)}">`,
    `<title>${escapeHtml(parts.title)}</title>`,
    `<style>${BASE_STYLE}${parts.style ?? ''}</style>`,
    parts.head ?? '',
    '</head>',
    '<body>',
    parts.body,
    parts.script ? `<script>${parts.script}</script>` : '',
    '</body>',
    '</html>',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}
