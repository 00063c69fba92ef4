import { escapeHtml } from '../html-page.js';
import { chartSvg, DEFAULT_WIDTH, FONT, noDataSvg } from './chart-frame.js';
import { fitText, idPrefix, num, svgText, textWidth } from './svg-text.js';

/**
 * A confusion matrix as static SVG: rows the actual class, columns the predicted, cells shaded
 * (ColorBrewer Blues) by their share of the row, with totals, and each cell's change against a
 * baseline's matrix when one is given (the champion's, or the first run compared).
 */

export interface ConfusionMatrixSpec {
  readonly title: string;
  readonly classes: readonly string[];
  readonly matrix: ReadonlyArray<readonly number[]>;
  /** another model's matrix: cells then show the count and its difference (+3/−3) */
  readonly baseline?: ReadonlyArray<readonly number[]>;
}

// ColorBrewer's sequential Blues, light to dark (https://colorbrewer2.org/#type=sequential&scheme=Blues&n=5).
const BLUES = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'] as const;

function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** The shade of a cell for a share in [0, 1]: interpolated between the Blues stops. */
function blueShade(share: number): [number, number, number] {
  const position = Math.min(Math.max(share, 0), 1) * (BLUES.length - 1);
  const index = Math.min(Math.floor(position), BLUES.length - 2);
  const from = hexToRgb(BLUES[index] ?? BLUES[0]);
  const to = hexToRgb(BLUES[index + 1] ?? BLUES[0]);
  const t = position - index;
  return [0, 1, 2].map((channel) =>
    Math.round((from[channel] ?? 0) + ((to[channel] ?? 0) - (from[channel] ?? 0)) * t),
  ) as [number, number, number];
}

function relativeLuminance([r, g, b]: readonly [number, number, number]): number {
  const linear = (value: number): number => {
    const channel = value / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

const DARK_TEXT = '#1f2328';
const DARK_TEXT_LUMINANCE = relativeLuminance(hexToRgb(DARK_TEXT));

/** White or dark text on a fill, whichever contrasts more. */
function textOn(fill: readonly [number, number, number]): string {
  const background = relativeLuminance(fill);
  const againstDark = (background + 0.05) / (DARK_TEXT_LUMINANCE + 0.05);
  const againstWhite = 1.05 / (background + 0.05);
  return againstWhite > againstDark ? '#ffffff' : DARK_TEXT;
}

const cellCount = (
  matrix: ReadonlyArray<readonly number[]> | undefined,
  row: number,
  column: number,
): number | undefined => {
  const value = matrix?.[row]?.[column];
  return value !== undefined && Number.isFinite(value) ? value : undefined;
};

const HEADER_MAX = 110;

/** Rows: actual class; columns: predicted class; cells shaded by their share of the row. */
export function confusionMatrixSvg(spec: ConfusionMatrixSpec): string {
  const classes = spec.classes;
  if (classes.length === 0 || spec.matrix.length === 0)
    return noDataSvg('confusion', spec.title, DEFAULT_WIDTH);

  const prefix = idPrefix('confusion', spec.title, spec);
  const count = classes.length;
  const cell = Math.max(34, Math.min(60, Math.floor(360 / count)));
  const rowHeaderWidth = Math.ceil(
    Math.max(
      ...classes.map((name) => textWidth(fitText(name, HEADER_MAX, FONT), FONT)),
      textWidth('Total', FONT, true),
    ),
  );
  const left = 24 + rowHeaderWidth + 8;
  const top = 30 + 16 + 18;
  const width = left + (count + 1) * cell + 12;
  const height = top + (count + 1) * cell + 12;
  const rowTotals = classes.map((_, row) =>
    classes.reduce((sum, __, column) => sum + (cellCount(spec.matrix, row, column) ?? 0), 0),
  );
  const columnTotals = classes.map((_, column) =>
    classes.reduce((sum, __, row) => sum + (cellCount(spec.matrix, row, column) ?? 0), 0),
  );
  const total = rowTotals.reduce((sum, value) => sum + value, 0);
  const headerFit = { maxWidth: cell - 4, fontSize: FONT };
  const body: string[] = [
    `<text x="${num(left + (count * cell) / 2)}" y="${num(top - 22)}" text-anchor="middle" font-size="${FONT}" font-weight="600" fill="#1f2328">predicted</text>`,
    `<text x="12" y="${num(top + (count * cell) / 2)}" transform="rotate(-90 12 ${num(top + (count * cell) / 2)})" text-anchor="middle" font-size="${FONT}" font-weight="600" fill="#1f2328">actual</text>`,
  ];
  classes.forEach((name, index) => {
    body.push(
      svgText(
        name,
        `class="column-header" x="${num(left + index * cell + cell / 2)}" y="${num(top - 6)}" text-anchor="middle" font-size="${FONT}" fill="#1f2328"`,
        headerFit,
      ),
      svgText(
        name,
        `class="row-header" x="${num(left - 6)}" y="${num(top + index * cell + cell / 2 + 4)}" text-anchor="end" font-size="${FONT}" fill="#1f2328"`,
        { maxWidth: HEADER_MAX, fontSize: FONT },
      ),
    );
  });
  body.push(
    `<text x="${num(left + count * cell + cell / 2)}" y="${num(top - 6)}" text-anchor="middle" font-size="${FONT}" font-weight="600" fill="#1f2328">Total</text>`,
    `<text x="${num(left - 6)}" y="${num(top + count * cell + cell / 2 + 4)}" text-anchor="end" font-size="${FONT}" font-weight="600" fill="#1f2328">Total</text>`,
  );
  classes.forEach((actual, row) => {
    classes.forEach((predicted, column) => {
      const value = cellCount(spec.matrix, row, column);
      const rowTotal = rowTotals[row] ?? 0;
      const share = value !== undefined && rowTotal > 0 ? value / rowTotal : 0;
      const fill = blueShade(share);
      const x = left + column * cell;
      const y = top + row * cell;
      const base = cellCount(spec.baseline, row, column);
      const difference = value !== undefined && base !== undefined ? value - base : undefined;
      const differenceText =
        difference === undefined
          ? ''
          : difference === 0
            ? '±0'
            : difference > 0
              ? `+${difference}`
              : `−${-difference}`;
      const tooltip = `actual ${actual}, predicted ${predicted}: ${value ?? 'no value'}${
        value !== undefined && rowTotal > 0 ? ` (${(share * 100).toFixed(1)}% of the row)` : ''
      }${differenceText ? `, ${differenceText} against the baseline` : ''}`;
      const color = textOn(fill);
      body.push(
        `<g class="cell" data-row="${row}" data-column="${column}">`,
        `<title>${escapeHtml(tooltip)}</title>`,
        `<rect x="${num(x)}" y="${num(y)}" width="${cell}" height="${cell}" fill="rgb(${fill.join(',')})" stroke="#ffffff"/>`,
        svgText(
          value === undefined ? '–' : String(value),
          `x="${num(x + cell / 2)}" y="${num(y + cell / 2 + (differenceText ? 0 : 4))}" text-anchor="middle" font-size="${FONT}" fill="${color}"`,
          headerFit,
        ),
        differenceText
          ? svgText(
              differenceText,
              `class="difference" x="${num(x + cell / 2)}" y="${num(y + cell / 2 + 14)}" text-anchor="middle" font-size="${FONT - 1}" fill="${color}"`,
              headerFit,
            )
          : '',
        '</g>',
      );
    });
  });
  const totalCell = (x: number, y: number, value: number): string =>
    svgText(
      String(value),
      `class="total" x="${num(x + cell / 2)}" y="${num(y + cell / 2 + 4)}" text-anchor="middle" font-size="${FONT}" font-weight="600" fill="#1f2328"`,
      headerFit,
    );
  rowTotals.forEach((value, row) =>
    body.push(totalCell(left + count * cell, top + row * cell, value)),
  );
  columnTotals.forEach((value, column) =>
    body.push(totalCell(left + column * cell, top + count * cell, value)),
  );
  body.push(totalCell(left + count * cell, top + count * cell, total));
  const description = `${spec.title}: confusion matrix of ${count} classes (rows actual, columns predicted), ${total} rows${spec.baseline ? ', with differences from a baseline' : ''}`;
  return chartSvg(
    'confusion',
    prefix,
    spec.title,
    description,
    width,
    height,
    body.filter((part) => part !== '').join('\n'),
  );
}
