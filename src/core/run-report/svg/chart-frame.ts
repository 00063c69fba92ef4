import { escapeHtml } from '../html-page.js';
import { idPrefix, num, svgText } from './svg-text.js';

/** What every chart of a report shares: its frame, fonts and the "no data" chart. */

export type ChartKind = 'line' | 'scatter' | 'bar' | 'histogram' | 'confusion';

export const DEFAULT_WIDTH = 420;
export const FONT = 11;
const TITLE_FONT = 13;
export const AXIS_COLOR = '#59636e';

/** The `<svg>` around a chart's body: its kind, accessible name and description, its viewBox. */
export function chartSvg(
  kind: ChartKind,
  prefix: string,
  title: string,
  description: string,
  width: number,
  height: number,
  body: string,
): string {
  const titleId = `${prefix}-title`;
  const descId = `${prefix}-desc`;
  return [
    `<svg class="chart" data-chart="${kind}" role="img" aria-labelledby="${titleId} ${descId}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${num(width)} ${num(height)}" width="${num(width)}" height="${num(height)}">`,
    `<title id="${titleId}">${escapeHtml(title)}</title>`,
    `<desc id="${descId}">${escapeHtml(description)}</desc>`,
    svgText(title, `x="8" y="18" font-size="${TITLE_FONT}" font-weight="600" fill="#1f2328"`, {
      maxWidth: width - 16,
      fontSize: TITLE_FONT,
      bold: true,
    }),
    body,
    '</svg>',
  ].join('\n');
}

export function noDataSvg(kind: ChartKind, title: string, width: number): string {
  const prefix = idPrefix(kind, title, 'no data');
  return chartSvg(
    kind,
    prefix,
    title,
    `${title}: no data`,
    width,
    56,
    `<text x="8" y="42" font-size="${FONT}" fill="${AXIS_COLOR}">no data</text>`,
  );
}
