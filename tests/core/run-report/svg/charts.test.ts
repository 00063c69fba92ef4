import { describe, expect, it } from 'vitest';
import { DASHES, PALETTE } from '../../../../src/core/run-report/html-page.js';
import {
  barChartSvg,
  histogramSvg,
  lineChartSvg,
  scatterSvg,
  type LineChartSpec,
} from '../../../../src/core/run-report/svg/charts.js';
import { confusionMatrixSvg } from '../../../../src/core/run-report/svg/confusion-matrix.js';
import { elementsWithClass, unbalancedTags } from './sample-report.js';

const texts = (svg: string, className: string): string[] =>
  [
    ...svg.matchAll(
      new RegExp(`<text class="${className}"[^>]*>(?:<title>[^<]*</title>)?([^<]*)</text>`, 'g'),
    ),
  ].map(([, text = '']) => text);

const ids = (svg: string): string[] =>
  [...svg.matchAll(/\sid="([^"]+)"/g)].map(([, id = '']) => id);

const roc: LineChartSpec = {
  title: 'ROC curve',
  xLabel: 'false positive rate',
  yLabel: 'true positive rate',
  series: [
    {
      label: 'candidate',
      points: [
        [0, 0],
        [0.1, 0.6],
        [0.4, 0.9],
        [1, 1],
      ],
    },
    {
      label: 'champion',
      points: [
        [0, 0],
        [0.2, 0.5],
        [1, 1],
      ],
    },
  ],
  xDomain: [0, 1],
  yDomain: [0, 1],
  diagonal: true,
};

/** Every chart kind's output checked the same way: valid, named, described, numbers only. */
function expectWellFormed(svg: string, kind: string): void {
  expect(svg).toMatch(
    new RegExp(
      `^<svg class="chart" data-chart="${kind}" role="img" aria-labelledby="([^" ]+) ([^"]+)"[^>]* viewBox="0 0 [\\d.]+ [\\d.]+"`,
    ),
  );
  const [, titleId, descId] = /aria-labelledby="([^" ]+) ([^"]+)"/.exec(svg) ?? [];
  expect(svg).toContain(`<title id="${titleId}">`);
  expect(svg).toContain(`<desc id="${descId}">`);
  expect(svg.endsWith('</svg>')).toBe(true);
  expect(unbalancedTags(svg)).toEqual([]);
  expect(svg).not.toMatch(/NaN|Infinity|undefined|null/);
  expect(new Set(ids(svg)).size).toBe(ids(svg).length);
}

describe('lineChartSvg', () => {
  const svg = lineChartSvg(roc);

  it('draws one path per series in palette colours and dashes, a legend, the diagonal', () => {
    expectWellFormed(svg, 'line');
    const series = elementsWithClass(svg, 'path', 'series');
    expect(
      series.map((path) => [path['data-label'], path.stroke, path['stroke-dasharray']]),
    ).toEqual([
      ['candidate', PALETTE[0], undefined],
      ['champion', PALETTE[1], DASHES[1]],
    ]);
    expect(series[0]?.d).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){3}$/);
    expect(svg).toContain('<g class="legend">');
    expect(elementsWithClass(svg, 'line', 'diagonal')).toHaveLength(1);
    expect(svg).toContain('<desc id="line-roc-curve-');
    expect(svg).toMatch(
      /<desc[^>]*>ROC curve: true positive rate against false positive rate, 2 series \(candidate, champion\)<\/desc>/,
    );
  });

  it('keeps a given domain and labels its ticks', () => {
    expect(texts(svg, 'tick x')).toEqual(['0.0', '0.2', '0.4', '0.6', '0.8', '1.0']);
    expect(texts(svg, 'tick y')).toEqual(['0.0', '0.2', '0.4', '0.6', '0.8', '1.0']);
  });

  it('extends a computed domain to round ticks (nice), the first and last on the plot edges', () => {
    const nice = lineChartSvg({
      title: 'Loss',
      xLabel: 'epoch',
      yLabel: 'loss',
      series: [
        {
          label: 'train',
          points: [
            [1, 0.93],
            [7, 0.41],
            [13, 0.27],
          ],
        },
      ],
    });
    expect(texts(nice, 'tick x')).toEqual(['0', '2', '4', '6', '8', '10', '12', '14']);
    expect(texts(nice, 'tick y')).toEqual(['0.2', '0.4', '0.6', '0.8', '1.0']);
    const axis = /<path class="axis" d="M([\d.]+),([\d.]+)V([\d.]+)H([\d.]+)"/.exec(nice);
    const xTicks = elementsWithClass(nice, 'text', 'tick x').map((tick) => Number(tick.x));
    expect(xTicks[0]).toBe(Number(axis?.[1]));
    expect(xTicks.at(-1)).toBe(Number(axis?.[4]));
    // y ticks: label baselines sit 4 px under their tick; the first is at the bottom, the last on top.
    const yTicks = elementsWithClass(nice, 'text', 'tick y').map((tick) => Number(tick.y) - 4);
    expect(yTicks[0]).toBe(Number(axis?.[3]));
    expect(yTicks.at(-1)).toBe(Number(axis?.[2]));
    expect(nice).not.toContain('class="legend"');
  });

  it('skips NaN and infinite points, and says "no data" when nothing is left', () => {
    const partial = lineChartSvg({
      ...roc,
      series: [
        {
          label: 'gappy',
          points: [
            [0, 0],
            [NaN, 0.5],
            [0.5, Infinity],
            [1, 1],
          ],
        },
      ],
    });
    expectWellFormed(partial, 'line');
    expect(elementsWithClass(partial, 'path', 'series')[0]?.d).toMatch(
      /^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/,
    );
    for (const empty of [
      lineChartSvg({ ...roc, series: [] }),
      lineChartSvg({ ...roc, series: [{ label: 'x', points: [[NaN, NaN]] }] }),
    ]) {
      expectWellFormed(empty, 'line');
      expect(empty).toContain('>no data</text>');
      expect(empty).toContain('ROC curve: no data</desc>');
    }
  });

  it('colours up to 10 overlaid runs apart, rounding every coordinate to 2 decimals', () => {
    const many = lineChartSvg({
      ...roc,
      series: Array.from({ length: 10 }, (_, index) => ({
        label: `run ${index}`,
        points: [
          [0, 0],
          [1 / 3, (index + 1) / 11],
          [1, 1],
        ] as [number, number][],
      })),
    });
    const strokes = elementsWithClass(many, 'path', 'series').map((path) => path.stroke);
    expect(strokes).toEqual([...PALETTE]);
    const numbers = many.match(/\d+\.\d+/g) ?? [];
    expect(numbers.length).toBeGreaterThan(10);
    for (const value of numbers) expect(value).toMatch(/^\d+\.\d{1,2}$/);
  });

  it('escapes titles, labels and colours, and keeps IDs apart across charts with one title', () => {
    const hostile = lineChartSvg({
      ...roc,
      title: `<script>alert("x")</script> & 'more'`,
      xLabel: '<b>x</b>',
      series: [
        {
          label: '"><script>',
          points: [
            [0, 0],
            [1, 1],
          ],
          color: '"red" onload="x"',
        },
        {
          label: 'A&B',
          points: [
            [0, 1],
            [1, 0],
          ],
        },
      ],
    });
    expectWellFormed(hostile, 'line');
    expect(hostile).not.toMatch(/<script|<b>|"red"|A&B/);
    expect(hostile).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;more&#39;',
    );
    const other = lineChartSvg({ ...roc, series: roc.series.slice(0, 1) });
    expect(ids(other).filter((id) => ids(svg).includes(id))).toEqual([]);
    expect(lineChartSvg(roc)).toBe(svg);
  });
});

describe('scatterSvg', () => {
  it('draws one circle per finite point, on shared axes when the diagonal is asked for', () => {
    const svg = scatterSvg({
      title: 'Predicted vs actual',
      xLabel: 'actual',
      yLabel: 'predicted',
      points: [
        [1, 2],
        [3, 2.5],
        [NaN, 1],
        [10, 9],
        [4, -Infinity],
      ],
      diagonal: true,
    });
    expectWellFormed(svg, 'scatter');
    expect(svg.match(/<circle /g)).toHaveLength(3);
    expect(texts(svg, 'tick x')).toEqual(texts(svg, 'tick y'));
    expect(svg).toContain('3 points</desc>');
    expect(scatterSvg({ title: 'Empty', xLabel: 'a', yLabel: 'b', points: [] })).toContain(
      '>no data</text>',
    );
  });
});

describe('barChartSvg', () => {
  it('draws horizontal bars from zero with error whiskers, negative values to the left', () => {
    const svg = barChartSvg({
      title: 'Permutation importance',
      xLabel: 'drop in ROC AUC',
      bars: [
        { label: 'tenure', value: 0.12, error: 0.01 },
        { label: 'contract', value: 0.05 },
        { label: 'gender', value: -0.01, error: 0.005 },
        { label: 'broken', value: NaN },
      ],
    });
    expectWellFormed(svg, 'bar');
    expect(elementsWithClass(svg, 'g', 'bar').map((bar) => bar['data-label'])).toEqual([
      'tenure',
      'contract',
      'gender',
    ]);
    expect(elementsWithClass(svg, 'path', 'whisker')).toHaveLength(2);
    const rects = [...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)].map(
      ([, x, width]) => [Number(x), Number(width)],
    );
    const [tenure, contract, gender] = rects;
    // All start at zero except the negative one, which ends there.
    expect(tenure?.[0]).toBe(contract?.[0]);
    expect((gender?.[0] ?? 0) + (gender?.[1] ?? 0)).toBeCloseTo(tenure?.[0] ?? NaN, 1);
    expect(tenure?.[1]).toBeGreaterThan(contract?.[1] ?? Infinity);
    expect(texts(svg, 'tick x')).toContain('0.00');
    expect(barChartSvg({ title: 'None', xLabel: 'x', bars: [] })).toContain('>no data</text>');
  });
});

describe('histogramSvg', () => {
  it('draws one bar per bin from the edges, skipping bins without finite edges', () => {
    const svg = histogramSvg({
      title: 'Residuals',
      xLabel: 'actual − predicted',
      edges: [-2, -1, 0, 1, 2],
      counts: [3, 10, 8, NaN],
    });
    expectWellFormed(svg, 'histogram');
    const bins = [
      ...svg.matchAll(
        /<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"><title>([^<]*)<\/title>/g,
      ),
    ];
    expect(bins.map((bin) => bin[5])).toEqual(['-2 to -1: 3', '-1 to 0: 10', '0 to 1: 8']);
    const [first, second] = bins.map((bin) => Number(bin[4]));
    expect(second).toBeGreaterThan(first ?? Infinity);
    expect(svg).toContain('3 bins, 21 values</desc>');
    expect(histogramSvg({ title: 'Residuals', xLabel: 'r', edges: [0], counts: [] })).toContain(
      '>no data</text>',
    );
  });
});

describe('confusionMatrixSvg', () => {
  const classes = ['cat', 'dog', 'a-class-with-a-name-far-too-long-for-a-header'];
  const matrix = [
    [50, 3, 0],
    [5, 40, 2],
    [0, 1, 9],
  ];

  it('shows counts by actual row and predicted column, shaded by row share, with totals', () => {
    const svg = confusionMatrixSvg({ title: 'Confusion matrix', classes, matrix });
    expectWellFormed(svg, 'confusion');
    const cells = elementsWithClass(svg, 'g', 'cell');
    expect(cells).toHaveLength(9);
    expect(svg).toContain('<title>actual dog, predicted cat: 5 (10.6% of the row)</title>');
    expect(texts(svg, 'total')).toEqual(['53', '47', '10', '55', '44', '11', '110']);
    // The biggest share of its row is the darkest and carries white text; a zero cell stays light.
    expect(svg).toMatch(
      /<rect [^>]*fill="rgb\(\d+,\d+,\d+\)"[^>]*\/>\s*<text x="[\d.]+" y="[\d.]+" text-anchor="middle" font-size="11" fill="#ffffff">50</,
    );
    expect(svg).toMatch(/fill="rgb\(239,243,255\)"[^>]*\/>\s*<text [^>]*fill="#1f2328">0</);
    // Long class names are cut in the headers, their full name kept in a tooltip.
    const headers = texts(svg, 'column-header');
    expect(headers.slice(0, 2)).toEqual(['cat', 'dog']);
    expect(headers[2]).toMatch(/^a-.*…$/);
    expect(svg).toContain(`<title>${classes[2]}</title>`);
  });

  it('shows the difference from a baseline matrix in each cell', () => {
    const svg = confusionMatrixSvg({
      title: 'Candidate against champion',
      classes,
      matrix,
      baseline: [
        [47, 6, 0],
        [5, 38, 4],
        [0, 1, 9],
      ],
    });
    expect(texts(svg, 'difference')).toEqual([
      '+3',
      '−3',
      '±0',
      '±0',
      '+2',
      '−2',
      '±0',
      '±0',
      '±0',
    ]);
    expect(svg).toContain('with differences from a baseline</desc>');
  });

  it('says "no data" without classes, and escapes class names', () => {
    expect(confusionMatrixSvg({ title: 'Empty', classes: [], matrix: [] })).toContain(
      '>no data</text>',
    );
    const hostile = confusionMatrixSvg({
      title: 'x',
      classes: ['<a>', '"b"&'],
      matrix: [
        [1, 2],
        [3, NaN],
      ],
    });
    expectWellFormed(hostile, 'confusion');
    expect(hostile).not.toMatch(/<a>|"b"&/);
    expect(hostile).toContain('&lt;a&gt;');
  });
});
