/**
 * The HTML report of a real local run of the reference training pipeline (churn sample, small
 * search) through the bundled CLI, compared with a second run as champion, opened from file:// in
 * a real headless Chromium: no console errors or requests, every chart drawn, the DAG equal to
 * the run record's tasks and dependencies, the champion deltas those of the two records, the
 * threshold slider moving the matrix, keyboard focus and text contrast; a screenshot is kept.
 *
 * Needs `npm run build` (dist/cli.js), Python with scikit-learn and Chromium; skipped locally
 * with the reason when one is missing, a failure in CI.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDelta, formatMetric } from '../../src/core/report/pipeline-report.js';
import type { RunRecord } from '../../src/core/run-record.js';
import {
  chromiumAvailable,
  contrastRatio,
  launchBrowser,
  saveScreenshot,
  watchedPage,
} from '../helpers/browser.js';
import { mlops } from '../helpers/cli.js';
import { tempDir } from '../helpers/paths.js';
import { PYTHON, pythonWithSklearn } from '../helpers/services.js';
import { trainOnChurnSample } from '../helpers/training-run.js';

/** What the page functions use of an element (the tests compile without the DOM's types). */
interface PageElement {
  readonly tagName: string;
  readonly id: string;
  closest(selector: string): PageElement | null;
  getAttribute(name: string): string | null;
}

const ready = chromiumAvailable() && pythonWithSklearn();

let root: string;
let candidate: RunRecord;
let champion: RunRecord;
let reportFile: string;
let browser: Browser;
let page: Page;
let problems: string[];

async function readRecord(file: string): Promise<RunRecord> {
  return JSON.parse(await readFile(file, 'utf8')) as RunRecord;
}

describe.runIf(ready)('the HTML report in Chromium', () => {
  beforeAll(async () => {
    root = await tempDir('browser-report');
    const run = await trainOnChurnSample(root);
    candidate = await readRecord(run.runRecord);
    // The champion: the same pipeline with a smaller search and another seed, so metrics differ.
    const championRecord = join(root, 'champion-run.json');
    const trained = await mlops([
      'run',
      '--local',
      'pipelines/training-pipeline.yaml',
      '--python',
      PYTHON,
      '--pipeline-root',
      join(root, 'champion-runs'),
      '--run-record',
      championRecord,
      '--param',
      'data_uri=data/churn_sample.csv',
      '--param',
      'target_column=Churn',
      '--param',
      'search_iterations=1',
      '--param',
      'seed=7',
      '--param',
      'min_accuracy=0.5',
    ]);
    expect(trained.code, trained.stderr).toBe(0);
    champion = await readRecord(championRecord);
    reportFile = join(root, 'report.html');
    const args = [
      'report',
      run.runRecord,
      '--champion-run-record',
      championRecord,
      '--output',
      reportFile,
    ];
    const made = await mlops(args);
    expect(made.code, made.stderr).toBe(0);
    browser = await launchBrowser();
    ({ page, problems } = await watchedPage(browser));
    await page.goto(pathToFileURL(reportFile).href, { waitUntil: 'load' });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('is the same file when the same run is reported again, and small', async () => {
    const first = await readFile(reportFile);
    const again = await mlops([
      'report',
      join(root, 'training-run.json'),
      '--champion-run-record',
      join(root, 'champion-run.json'),
      '--output',
      join(root, 'again.html'),
    ]);
    expect(again.code, again.stderr).toBe(0);
    const second = await readFile(join(root, 'again.html'));
    expect(second.equals(first)).toBe(true);
    expect(first.byteLength).toBeLessThan(1024 * 1024);
  });

  it('opens with no console error and no request, every chart drawn', async () => {
    expect(problems).toEqual([]);
    const charts = await page.$$eval('svg.chart, svg.dag', (svgs) =>
      svgs.map((svg) => {
        const box = (svg as unknown as { getBBox(): { width: number; height: number } }).getBBox();
        return { width: box.width, height: box.height, shapes: svg.querySelectorAll('*').length };
      }),
    );
    // The DAG, ROC, precision-recall, calibration, confusion matrix, importances at least.
    expect(charts.length).toBeGreaterThanOrEqual(6);
    for (const chart of charts) {
      expect(chart.width).toBeGreaterThan(0);
      expect(chart.height).toBeGreaterThan(0);
      expect(chart.shapes).toBeGreaterThan(3);
    }
    const headline = await page.$eval('#headline', (element) => element.textContent ?? '');
    expect(headline).toMatch(/^✓ Passed: /);
  });

  it("draws the run record's tasks and dependencies, the sub-DAG's included", async () => {
    const drawn = await page.$eval('figure.dag svg.dag', (svg) => ({
      nodes: [...svg.querySelectorAll('.dag-node, .dag-group')].map((node) =>
        node.getAttribute('data-id'),
      ),
      edges: [...svg.querySelectorAll('.dag-edge')].map(
        (edge) => `${edge.getAttribute('data-from')}->${edge.getAttribute('data-to')}`,
      ),
    }));
    expect(new Set(drawn.nodes)).toEqual(new Set(Object.keys(candidate.tasks)));
    const edges = Object.values(candidate.tasks).flatMap((task) =>
      (task.upstream ?? []).map((from) => `${from}->${task.path}`),
    );
    expect(new Set(drawn.edges)).toEqual(new Set(edges));
    expect(edges).toContain('evaluate->condition-1');
  });

  it("shows the champion's metrics and the deltas of the two runs", async () => {
    const rows = await page.$$eval('#metric-table tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
    const ours = candidate.metrics.evaluate ?? {};
    const theirs = champion.metrics.evaluate ?? {};
    expect(rows.length).toBeGreaterThan(3);
    for (const [name = '', value, , championValue, delta] of rows) {
      expect(value).toBe(formatMetric(ours[name]));
      expect(championValue).toBe(formatMetric(theirs[name]));
      expect(delta).toBe(formatDelta(ours[name], theirs[name]));
    }
    expect(rows.some((row) => row[4] !== '±0' && row[4] !== '—')).toBe(true);
  });

  it('moves the confusion matrix with the threshold slider', async () => {
    const matrix = (): Promise<string[]> =>
      page.$$eval('#threshold-matrix td', (cells) => cells.map((cell) => cell.textContent ?? ''));
    const before = await matrix();
    expect(await page.$eval('#threshold', (element) => element.hasAttribute('hidden'))).toBe(false);
    const last = await page.$eval('#threshold-input', (input) => {
      const slider = input as unknown as {
        value: string;
        max: string;
        dispatchEvent(event: Event): boolean;
      };
      slider.value = slider.max;
      slider.dispatchEvent(new Event('input'));
      return Number(slider.max);
    });
    expect(last).toBeGreaterThan(1);
    const after = await matrix();
    expect(after).not.toEqual(before);
    // At the lowest threshold every row is predicted positive: no true or false negative.
    const [, fn, , tn] = after;
    expect([fn, tn]).toEqual(['0', '0']);
  });

  it('is reachable by keyboard: links, DAG nodes and the slider take focus in turn', async () => {
    await page.goto(pathToFileURL(reportFile).href, { waitUntil: 'load' });
    const focused: string[] = [];
    for (let step = 0; step < 80; step++) {
      await page.keyboard.press('Tab');
      focused.push(
        await page.evaluate(() => {
          const element = (
            globalThis as unknown as { document: { activeElement: PageElement | null } }
          ).document.activeElement;
          if (!element) return '';
          const node = element.closest('.dag-node');
          return node ? `node:${node.getAttribute('data-id')}` : `${element.tagName}#${element.id}`;
        }),
      );
    }
    expect(focused[0]).toBe('A#');
    expect(focused.some((entry) => entry.startsWith('node:'))).toBe(true);
    expect(focused).toContain('INPUT#threshold-input');
  });

  it('has readable text: headline and body at 4.5:1 or more', async () => {
    const colours = await page.evaluate(() => {
      const browser = globalThis as unknown as {
        document: { querySelector(selector: string): PageElement | null };
        getComputedStyle(element: PageElement): { color: string; backgroundColor: string };
      };
      const style = (selector: string) => {
        const element = browser.document.querySelector(selector);
        return element ? browser.getComputedStyle(element) : undefined;
      };
      const white = 'rgb(255, 255, 255)';
      const background = (value: string | undefined) =>
        !value || value === 'rgba(0, 0, 0, 0)' ? white : value;
      return {
        headline: [style('#headline')?.color, background(style('#headline')?.backgroundColor)],
        body: [style('body')?.color, background(style('body')?.backgroundColor)],
        muted: [style('.muted')?.color, background(style('body')?.backgroundColor)],
      };
    });
    for (const [foreground = '', background = ''] of Object.values(colours)) {
      expect(contrastRatio(foreground, background)).toBeGreaterThanOrEqual(4.5);
    }
    const screenshot = await saveScreenshot(page, 'report');
    expect(screenshot.endsWith('report.png')).toBe(true);
  });
});
