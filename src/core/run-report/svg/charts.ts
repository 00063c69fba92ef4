import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { DASHES, escapeHtml, PALETTE } from '../html-page.js';
import { AXIS_COLOR, chartSvg, DEFAULT_WIDTH, FONT, noDataSvg } from './chart-frame.js';
import { fitText, idPrefix, num, svgText, textWidth } from './svg-text.js';

/**
 * The evaluation charts of a run report as static SVG strings: scales from d3-scale and paths
 * from d3-shape, computed when the report is made, so the page needs no script and no DOM runs
 * on the server. Non-finite values are skipped; an empty chart says "no data". The confusion
 * matrix is in confusion-matrix.ts.
 */

export interface Series {
  readonly label: string;
  readonly points: ReadonlyArray<readonly [number, number]>;
  readonly color?: string;
  readonly dash?: string;
}

export interface LineChartSpec {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly Series[];
  readonly xDomain?: readonly [number, number];
  readonly yDomain?: readonly [number, number];
  /** dotted y = x reference (ROC chance line, perfect calibration) */
  readonly diagonal?: boolean;
  readonly width?: number;
  readonly height?: number;
}

export interface ScatterSpec {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly points: ReadonlyArray<readonly [number, number]>;
  readonly diagonal?: boolean;
  readonly width?: number;
  readonly height?: number;
}

export interface BarChartSpec {
  readonly title: string;
  readonly xLabel: string;
  readonly bars: ReadonlyArray<{
    readonly label: string;
    readonly value: number;
    readonly error?: number;
  }>;
  readonly width?: number;
}

export interface HistogramSpec {
  readonly title: string;
  readonly xLabel: string;
  readonly edges: readonly number[];
  readonly counts: readonly number[];
  readonly width?: number;
  readonly height?: number;
}

const DEFAULT_HEIGHT = 320;
const GRID_COLOR = '#e6eaef';
const TICKS = 5;

interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

type Point = readonly [number, number];

const finitePoint = (point: Point): boolean =>
  Number.isFinite(point[0]) && Number.isFinite(point[1]);

/** [min, max] of finite values, widened when they are all equal so a scale has a span. */
function extent(values: readonly number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  let low = Math.min(...finite);
  let high = Math.max(...finite);
  if (finite.length === 0) [low, high] = [0, 1];
  if (low === high) {
    const pad = Math.abs(low) > 0 ? Math.abs(low) * 0.1 : 1;
    [low, high] = [low - pad, high + pad];
  }
  return [low, high];
}

function linearScale(
  domain: readonly [number, number] | undefined,
  values: readonly number[],
  range: readonly [number, number],
): ScaleLinear<number, number> {
  const given =
    domain && Number.isFinite(domain[0]) && Number.isFinite(domain[1]) ? domain : undefined;
  const scale = scaleLinear()
    .domain(given && given[0] !== given[1] ? [...given] : extent(values))
    .range([...range]);
  // A given domain ([0, 1] for rates) is kept as is; a computed one ends on round ticks.
  return given ? scale : scale.nice(TICKS);
}

/** Grid lines, ticks with their labels, and the axis titles of a plot box. */
function axes(
  x: ScaleLinear<number, number>,
  y: ScaleLinear<number, number>,
  box: Box,
  xLabel: string,
  yLabel: string | undefined,
): string {
  const parts: string[] = [];
  const xFormat = x.tickFormat(TICKS);
  for (const tick of x.ticks(TICKS)) {
    const at = num(x(tick));
    parts.push(
      `<line x1="${at}" x2="${at}" y1="${num(box.top)}" y2="${num(box.bottom)}" stroke="${GRID_COLOR}"/>`,
      `<text class="tick x" x="${at}" y="${num(box.bottom + 14)}" text-anchor="middle" font-size="${FONT}" fill="${AXIS_COLOR}">${escapeHtml(xFormat(tick))}</text>`,
    );
  }
  if (yLabel !== undefined) {
    const yFormat = y.tickFormat(TICKS);
    for (const tick of y.ticks(TICKS)) {
      const at = num(y(tick));
      parts.push(
        `<line x1="${num(box.left)}" x2="${num(box.right)}" y1="${at}" y2="${at}" stroke="${GRID_COLOR}"/>`,
        `<text class="tick y" x="${num(box.left - 4)}" y="${num(y(tick) + 4)}" text-anchor="end" font-size="${FONT}" fill="${AXIS_COLOR}">${escapeHtml(yFormat(tick))}</text>`,
      );
    }
    const middle = (box.top + box.bottom) / 2;
    parts.push(
      svgText(
        yLabel,
        `x="12" y="${num(middle)}" transform="rotate(-90 12 ${num(middle)})" text-anchor="middle" font-size="${FONT}" fill="#1f2328"`,
        { maxWidth: box.bottom - box.top, fontSize: FONT },
      ),
    );
  }
  parts.push(
    `<path class="axis" d="M${num(box.left)},${num(box.top)}V${num(box.bottom)}H${num(box.right)}" fill="none" stroke="${AXIS_COLOR}"/>`,
    svgText(
      xLabel,
      `x="${num((box.left + box.right) / 2)}" y="${num(box.bottom + 32)}" text-anchor="middle" font-size="${FONT}" fill="#1f2328"`,
      { maxWidth: box.right - box.left, fontSize: FONT },
    ),
  );
  return parts.join('\n');
}

/** The dotted y = x line across the part of the plot where both scales overlap. */
function diagonalLine(x: ScaleLinear<number, number>, y: ScaleLinear<number, number>): string {
  const [x0, x1] = x.domain() as [number, number];
  const [y0, y1] = y.domain() as [number, number];
  const from = Math.max(x0, y0);
  const to = Math.min(x1, y1);
  if (!(from < to)) return '';
  return `<line class="diagonal" x1="${num(x(from))}" y1="${num(y(from))}" x2="${num(x(to))}" y2="${num(y(to))}" stroke="${AXIS_COLOR}" stroke-dasharray="2 3"/>`;
}

function clipPath(id: string, box: Box): string {
  return `<clipPath id="${id}"><rect x="${num(box.left)}" y="${num(box.top)}" width="${num(box.right - box.left)}" height="${num(box.bottom - box.top)}"/></clipPath>`;
}

interface LegendEntry {
  readonly label: string;
  readonly color: string;
  readonly dash: string;
}

const LEGEND_ROW = 16;
const LEGEND_SAMPLE = 22;
const LEGEND_LABEL_MAX = 150;

/** Legend entries flowed into rows under the plot; returns the rows' height and their SVG. */
function legend(entries: readonly LegendEntry[], top: number, width: number): [number, string] {
  const parts: string[] = ['<g class="legend">'];
  let x = 8;
  let row = 0;
  for (const entry of entries) {
    const label = fitText(entry.label, LEGEND_LABEL_MAX, FONT);
    const itemWidth = LEGEND_SAMPLE + 4 + textWidth(label, FONT) + 12;
    if (x > 8 && x + itemWidth > width - 8) {
      row += 1;
      x = 8;
    }
    const y = top + row * LEGEND_ROW + 8;
    parts.push(
      `<line x1="${num(x)}" x2="${num(x + LEGEND_SAMPLE)}" y1="${num(y)}" y2="${num(y)}" stroke="${escapeHtml(entry.color)}" stroke-width="2"${entry.dash ? ` stroke-dasharray="${escapeHtml(entry.dash)}"` : ''}/>`,
      svgText(
        entry.label,
        `x="${num(x + LEGEND_SAMPLE + 4)}" y="${num(y + 4)}" font-size="${FONT}" fill="#1f2328"`,
        { maxWidth: LEGEND_LABEL_MAX, fontSize: FONT },
      ),
    );
    x += itemWidth;
  }
  parts.push('</g>');
  return [(row + 1) * LEGEND_ROW + 4, parts.join('\n')];
}

/** Room left of the plot for the y tick labels and the y axis title. */
function leftMargin(y: ScaleLinear<number, number>): number {
  const format = y.tickFormat(TICKS);
  const widest = Math.max(0, ...y.ticks(TICKS).map((tick) => textWidth(format(tick), FONT)));
  return Math.ceil(widest) + 28;
}

/** Line chart: ROC, precision–recall, calibration; one path per series, up to 10 overlaid. */
export function lineChartSvg(spec: LineChartSpec): string {
  const width = spec.width ?? DEFAULT_WIDTH;
  const plotted = spec.series
    .map((series) => ({ ...series, points: series.points.filter(finitePoint) }))
    .filter((series) => series.points.length > 0);
  if (plotted.length === 0) return noDataSvg('line', spec.title, width);

  const styled = plotted.map((series, index) => ({
    ...series,
    color: series.color ?? PALETTE[index % PALETTE.length] ?? '#000000',
    dash: series.dash ?? DASHES[index % DASHES.length] ?? '',
  }));
  const prefix = idPrefix('line', spec.title, spec);
  const legendRows = styled.length > 1;
  const [legendHeight, legendSvg] = legendRows
    ? legend(styled, (spec.height ?? DEFAULT_HEIGHT) - 4, width)
    : [0, ''];
  const height = (spec.height ?? DEFAULT_HEIGHT) + legendHeight;

  const allPoints = styled.flatMap((series) => series.points);
  const probe = linearScale(
    spec.yDomain,
    allPoints.map((point) => point[1]),
    [0, 1],
  );
  const box: Box = {
    left: leftMargin(probe),
    top: 30,
    right: width - 16,
    bottom: height - legendHeight - 44,
  };
  const x = linearScale(
    spec.xDomain,
    allPoints.map((point) => point[0]),
    [box.left, box.right],
  );
  const y = linearScale(
    spec.yDomain,
    allPoints.map((point) => point[1]),
    [box.bottom, box.top],
  );
  const path = line<Point>()
    .x((point) => Math.round(x(point[0]) * 100) / 100)
    .y((point) => Math.round(y(point[1]) * 100) / 100)
    .digits(2);

  const clipId = `${prefix}-clip`;
  const body = [
    `<defs>${clipPath(clipId, box)}</defs>`,
    axes(x, y, box, spec.xLabel, spec.yLabel),
    spec.diagonal ? diagonalLine(x, y) : '',
    `<g clip-path="url(#${clipId})">`,
    ...styled.map(
      (series) =>
        `<path class="series" data-label="${escapeHtml(series.label)}" d="${path(series.points) ?? ''}" fill="none" stroke="${escapeHtml(series.color)}" stroke-width="2"${series.dash ? ` stroke-dasharray="${escapeHtml(series.dash)}"` : ''}><title>${escapeHtml(series.label)}</title></path>`,
    ),
    '</g>',
    legendSvg,
  ].filter((part) => part !== '');
  const names = styled.map((series) => series.label).join(', ');
  const description = `${spec.title}: ${spec.yLabel} against ${spec.xLabel}, ${styled.length} series (${names})`;
  return chartSvg('line', prefix, spec.title, description, width, height, body.join('\n'));
}

/** Scatter plot (predicted against actual): one circle per point; the caller passes ≤ 500. */
export function scatterSvg(spec: ScatterSpec): string {
  const width = spec.width ?? DEFAULT_WIDTH;
  const height = spec.height ?? DEFAULT_HEIGHT;
  const points = spec.points.filter(finitePoint);
  if (points.length === 0) return noDataSvg('scatter', spec.title, width);

  const prefix = idPrefix('scatter', spec.title, spec);
  // With the y = x line both axes share one domain, so the line really is the diagonal.
  const shared = spec.diagonal ? extent(points.flat()) : undefined;
  const ys = points.map((point) => point[1]);
  const probe = linearScale(shared, ys, [0, 1]);
  const box: Box = { left: leftMargin(probe), top: 30, right: width - 16, bottom: height - 44 };
  const xValues = points.map((point) => point[0]);
  const x = linearScale(undefined, shared ?? xValues, [box.left, box.right]);
  const y = linearScale(undefined, shared ?? ys, [box.bottom, box.top]);
  const clipId = `${prefix}-clip`;
  const body = [
    `<defs>${clipPath(clipId, box)}</defs>`,
    axes(x, y, box, spec.xLabel, spec.yLabel),
    spec.diagonal ? diagonalLine(x, y) : '',
    `<g class="points" clip-path="url(#${clipId})" fill="${PALETTE[0]}" fill-opacity="0.55">`,
    ...points.map((point) => `<circle cx="${num(x(point[0]))}" cy="${num(y(point[1]))}" r="2.5"/>`),
    '</g>',
  ].filter((part) => part !== '');
  const description = `${spec.title}: ${spec.yLabel} against ${spec.xLabel}, ${points.length} points`;
  return chartSvg('scatter', prefix, spec.title, description, width, height, body.join('\n'));
}

const BAR_HEIGHT = 16;
const BAR_GAP = 6;
const BAR_LABEL_MAX = 150;

/** Horizontal bars (feature importances, highest first as given), with ± error whiskers. */
export function barChartSvg(spec: BarChartSpec): string {
  const width = spec.width ?? DEFAULT_WIDTH;
  const bars = spec.bars
    .filter((bar) => Number.isFinite(bar.value))
    .map((bar) => ({
      label: bar.label,
      value: bar.value,
      error: bar.error !== undefined && Number.isFinite(bar.error) ? Math.abs(bar.error) : 0,
    }));
  if (bars.length === 0) return noDataSvg('bar', spec.title, width);

  const prefix = idPrefix('bar', spec.title, spec);
  const labels = bars.map((bar) => fitText(bar.label, BAR_LABEL_MAX, FONT));
  const labelWidth = Math.max(...labels.map((label) => textWidth(label, FONT)));
  const box: Box = {
    left: Math.ceil(labelWidth) + 16,
    top: 30,
    right: width - 16,
    bottom: 30 + bars.length * (BAR_HEIGHT + BAR_GAP) + BAR_GAP,
  };
  const height = box.bottom + 44;
  const reach = bars.flatMap((bar) => [bar.value - bar.error, bar.value + bar.error, 0]);
  const x = linearScale(undefined, reach, [box.left, box.right]);
  const y = scaleLinear().domain([0, 1]).range([box.bottom, box.top]);
  const zero = num(x(0));
  const body = [axes(x, y, box, spec.xLabel, undefined)];
  bars.forEach((bar, index) => {
    const top = box.top + BAR_GAP + index * (BAR_HEIGHT + BAR_GAP);
    const start = Math.min(x(0), x(bar.value));
    const middle = top + BAR_HEIGHT / 2;
    const tooltip = `${bar.label}: ${bar.value}${bar.error ? ` ± ${bar.error}` : ''}`;
    body.push(
      `<g class="bar" data-label="${escapeHtml(bar.label)}">`,
      `<title>${escapeHtml(tooltip)}</title>`,
      svgText(
        bar.label,
        `x="${num(box.left - 6)}" y="${num(middle + 4)}" text-anchor="end" font-size="${FONT}" fill="#1f2328"`,
        { maxWidth: BAR_LABEL_MAX, fontSize: FONT },
      ),
      `<rect x="${num(start)}" y="${num(top)}" width="${num(Math.abs(x(bar.value) - x(0)))}" height="${BAR_HEIGHT}" fill="${PALETTE[0]}"/>`,
    );
    if (bar.error > 0) {
      const low = num(x(bar.value - bar.error));
      const high = num(x(bar.value + bar.error));
      body.push(
        `<path class="whisker" d="M${low},${num(middle)}H${high}M${low},${num(middle - 4)}V${num(middle + 4)}M${high},${num(middle - 4)}V${num(middle + 4)}" stroke="#1f2328" fill="none"/>`,
      );
    }
    body.push('</g>');
  });
  body.push(
    `<line x1="${zero}" x2="${zero}" y1="${num(box.top)}" y2="${num(box.bottom)}" stroke="${AXIS_COLOR}"/>`,
  );
  const description = `${spec.title}: ${bars.length} bars of ${spec.xLabel}, ${bars
    .slice(0, 3)
    .map((bar) => bar.label)
    .join(', ')}${bars.length > 3 ? ' and more' : ''}`;
  return chartSvg('bar', prefix, spec.title, description, width, height, body.join('\n'));
}

/** Histogram (residuals): one bar per bin between consecutive edges. */
export function histogramSvg(spec: HistogramSpec): string {
  const width = spec.width ?? DEFAULT_WIDTH;
  const height = spec.height ?? DEFAULT_HEIGHT;
  const bins = spec.counts
    .map((count, index) => ({ count, low: spec.edges[index], high: spec.edges[index + 1] }))
    .filter(
      (bin): bin is { count: number; low: number; high: number } =>
        Number.isFinite(bin.count) &&
        bin.low !== undefined &&
        bin.high !== undefined &&
        Number.isFinite(bin.low) &&
        Number.isFinite(bin.high),
    );
  if (bins.length === 0) return noDataSvg('histogram', spec.title, width);

  const prefix = idPrefix('histogram', spec.title, spec);
  const counts = [0, ...bins.map((bin) => bin.count)];
  const probe = linearScale(undefined, counts, [0, 1]);
  const box: Box = { left: leftMargin(probe), top: 30, right: width - 16, bottom: height - 44 };
  const x = linearScale(
    undefined,
    bins.flatMap((bin) => [bin.low, bin.high]),
    [box.left, box.right],
  );
  const y = linearScale(undefined, counts, [box.bottom, box.top]);
  const body = [
    axes(x, y, box, spec.xLabel, 'count'),
    `<g class="bins" fill="${PALETTE[0]}" stroke="#ffffff">`,
    ...bins.map((bin) => {
      const left = x(Math.min(bin.low, bin.high));
      const right = x(Math.max(bin.low, bin.high));
      return `<rect x="${num(left)}" y="${num(y(Math.max(bin.count, 0)))}" width="${num(right - left)}" height="${num(Math.abs(y(0) - y(bin.count)))}"><title>${escapeHtml(`${bin.low} to ${bin.high}: ${bin.count}`)}</title></rect>`;
    }),
    '</g>',
  ];
  const total = bins.reduce((sum, bin) => sum + bin.count, 0);
  const description = `${spec.title}: histogram of ${spec.xLabel}, ${bins.length} bins, ${total} values`;
  return chartSvg('histogram', prefix, spec.title, description, width, height, body.join('\n'));
}
