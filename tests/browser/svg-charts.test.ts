import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlPage } from '../../src/core/run-report/html-page.js';
import {
  barChartSvg,
  histogramSvg,
  lineChartSvg,
  scatterSvg,
} from '../../src/core/run-report/svg/charts.js';
import { confusionMatrixSvg } from '../../src/core/run-report/svg/confusion-matrix.js';
import { dagSvg } from '../../src/core/run-report/svg/dag-svg.js';
import { downsampleCurve } from '../../src/core/run-report/svg/downsample.js';
import {
  chromiumAvailable,
  contrastRatio,
  launchBrowser,
  saveScreenshot,
  watchedPage,
  type WatchedPage,
} from '../helpers/browser.js';
import { rocCurve, SAMPLE_DAG } from '../core/run-report/svg/sample-report.js';

const toPoints = (curve: { x: readonly number[]; y: readonly number[] }): [number, number][] =>
  curve.x.map((x, index) => [x, curve.y[index] ?? NaN]);

/** One chart of each kind and a DAG with nested sub-DAGs, in one page as a report holds them. */
function samplePage(): string {
  const runs = Array.from({ length: 10 }, (_, index) =>
    downsampleCurve(rocCurve(`run-${index + 1} & <model>`, 2_000, 2 + index)),
  );
  const charts = [
    lineChartSvg({
      title: 'ROC curve',
      xLabel: 'false positive rate',
      yLabel: 'true positive rate',
      series: runs.map((curve) => ({ label: curve.label, points: toPoints(curve) })),
      xDomain: [0, 1],
      yDomain: [0, 1],
      diagonal: true,
    }),
    lineChartSvg({
      title: 'Precision–recall',
      xLabel: 'recall',
      yLabel: 'precision',
      series: [{ label: 'candidate', points: toPoints(rocCurve('pr', 50)) }],
    }),
    scatterSvg({
      title: 'Predicted vs actual',
      xLabel: 'actual',
      yLabel: 'predicted',
      points: Array.from({ length: 200 }, (_, index) => [
        index * 3.1,
        index * 3.1 + ((index * 37) % 40) - 20,
      ]),
      diagonal: true,
    }),
    barChartSvg({
      title: 'Permutation importance',
      xLabel: 'drop in ROC AUC',
      bars: [
        { label: 'tenure_months', value: 0.121, error: 0.012 },
        { label: 'monthly_charges_in_local_currency_per_customer', value: 0.064, error: 0.008 },
        { label: 'contract', value: 0.02 },
        { label: 'gender', value: -0.004, error: 0.003 },
      ],
    }),
    histogramSvg({
      title: 'Residuals',
      xLabel: 'actual − predicted',
      edges: [-30, -20, -10, 0, 10, 20, 30],
      counts: [4, 19, 61, 70, 22, 3],
    }),
    confusionMatrixSvg({
      title: 'Confusion matrix',
      classes: ['churned', 'stayed', 'a-very-long-class-name-for-the-header'],
      matrix: [
        [50, 7, 3],
        [4, 130, 0],
        [1, 2, 9],
      ],
      baseline: [
        [47, 10, 3],
        [6, 128, 0],
        [1, 2, 9],
      ],
    }),
    lineChartSvg({ title: 'Calibration', xLabel: 'predicted', yLabel: 'observed', series: [] }),
  ];
  return htmlPage({
    title: 'SVG charts',
    body: `<main><h1>Run</h1>${dagSvg(SAMPLE_DAG)}<div class="charts">${charts.join('\n')}</div></main>`,
  });
}

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

interface Measured {
  readonly charts: readonly (Box & { readonly chart: string })[];
  readonly nodes: readonly {
    readonly id: string;
    readonly rect: Box;
    readonly label: Box;
    readonly status: Box;
    readonly border: string;
    readonly fill: string;
    readonly text: string;
    readonly statusText: string;
  }[];
  readonly groups: readonly { readonly id: string; readonly rect: Box }[];
}

/** Run in the page: plain JavaScript, as the project's TypeScript has no DOM types. */
const MEASURE = `(() => {
  const box = (element) => {
    const { x, y, width, height } = element.getBBox();
    return { x, y, width, height };
  };
  const all = (selector) => [...document.querySelectorAll(selector)];
  return {
    charts: all('svg.chart').map((chart) => ({ chart: chart.dataset.chart, ...box(chart) })),
    nodes: all('g.dag-node').map((node) => {
      const rect = node.querySelector('rect');
      const status = node.querySelector('text.status');
      return {
        id: node.dataset.id,
        rect: box(rect),
        label: box(node.querySelector('text.label')),
        status: box(status),
        border: getComputedStyle(rect).stroke,
        fill: getComputedStyle(rect).fill,
        text: getComputedStyle(status).fill,
        statusText: status.textContent,
      };
    }),
    groups: all('g.dag-group').map((group) => ({
      id: group.dataset.id,
      rect: box(group.querySelector('rect')),
    })),
  };
})()`;

const inside = (inner: Box, outer: Box, slack = 0.5): boolean =>
  inner.x >= outer.x - slack &&
  inner.y >= outer.y - slack &&
  inner.x + inner.width <= outer.x + outer.width + slack &&
  inner.y + inner.height <= outer.y + outer.height + slack;

const overlap = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe.runIf(chromiumAvailable())('the report SVG in headless Chromium', () => {
  let browser: Browser;
  let watched: WatchedPage;
  let measured: Measured;

  beforeAll(async () => {
    browser = await launchBrowser();
    watched = await watchedPage(browser);
    await watched.page.setContent(samplePage(), { waitUntil: 'load' });
    measured = (await watched.page.evaluate(MEASURE)) as Measured;
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('renders every chart with a visible extent and records no problem', async () => {
    expect(measured.charts.map((box) => box.chart)).toEqual([
      'line',
      'line',
      'scatter',
      'bar',
      'histogram',
      'confusion',
      'line',
    ]);
    for (const box of measured.charts) {
      expect(box.width, `${box.chart} width`).toBeGreaterThan(0);
      expect(box.height, `${box.chart} height`).toBeGreaterThan(0);
    }
    expect(watched.problems).toEqual([]);
    await saveScreenshot(watched.page, 'svg-charts');
  });

  it('keeps every task label inside its box and no two task boxes overlap', () => {
    const { nodes } = measured;
    expect(nodes.map((node) => node.id)).toEqual(
      SAMPLE_DAG.nodes.filter((node) => !node.group).map((node) => node.id),
    );
    for (const node of nodes) {
      expect(inside(node.label, node.rect), `${node.id} label`).toBe(true);
      expect(inside(node.status, node.rect), `${node.id} status`).toBe(true);
    }
    for (const [index, node] of nodes.entries())
      for (const other of nodes.slice(index + 1))
        expect(overlap(node.rect, other.rect), `${node.id} and ${other.id}`).toBe(false);
  });

  it('draws each sub-DAG around its tasks, and no other task inside it', () => {
    const { groups, nodes } = measured;
    expect(groups.map((group) => group.id)).toEqual(['condition-1', 'condition-1/for-loop-2']);
    for (const group of groups) {
      const members = nodes.filter((node) => node.id.startsWith(`${group.id}/`));
      expect(members.length).toBeGreaterThan(0);
      for (const member of members) expect(inside(member.rect, group.rect), member.id).toBe(true);
      for (const outsider of nodes.filter((node) => !node.id.startsWith(`${group.id}/`)))
        expect(overlap(outsider.rect, group.rect), `${outsider.id} outside ${group.id}`).toBe(
          false,
        );
    }
  });

  it('draws borders and state text readable on white, never by colour alone', () => {
    for (const node of measured.nodes) {
      expect(
        contrastRatio(node.border, 'rgb(255, 255, 255)'),
        `${node.id} border`,
      ).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(node.text, node.fill), `${node.id} text`).toBeGreaterThanOrEqual(4.5);
      expect(node.statusText, `${node.id} mark`).toMatch(/^[✓✗↷–⊘●] /);
    }
  });
});
