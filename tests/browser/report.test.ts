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
import { pythonWithSklearn } from '../helpers/services.js';
import { trainOnChurnSample } from '../helpers/training-run.js';

/**
 * Evaluates plain JavaScript in the page (`all(selector)` lists the matches): the project
 * compiles without the DOM's types.
 */
function inPage<T>(expression: string): Promise<T> {
  return page.evaluate(
    `(() => { const all = (selector) => [...document.querySelectorAll(selector)]; return ${expression}; })()`,
  ) as Promise<T>;
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
    await trainOnChurnSample(root, {
      runsRoot: join(root, 'champion-runs'),
      runRecord: championRecord,
      params: ['search_iterations=1', 'seed=7'],
    });
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
    const charts = await inPage<
      Array<{ kind: string; width: number; height: number; shapes: number }>
    >(
      `all('svg.chart, svg.dag').map((svg) => {
        const { width, height } = svg.getBBox();
        return { kind: svg.dataset.chart ?? 'dag', width, height, shapes: svg.querySelectorAll('*').length };
      })`,
    );
    expect(charts.map((chart) => chart.kind)).toEqual([
      'dag',
      'line',
      'line',
      'line',
      'confusion',
      'bar',
    ]);
    for (const chart of charts) {
      expect(chart.width, chart.kind).toBeGreaterThan(0);
      expect(chart.height, chart.kind).toBeGreaterThan(0);
      expect(chart.shapes, chart.kind).toBeGreaterThan(3);
    }
    expect(await inPage<string>(`document.querySelector('#headline').textContent`)).toMatch(
      /^✓ Passed: /,
    );
  });

  it("draws the run record's tasks and dependencies, the sub-DAG's included", async () => {
    const drawn = await inPage<{ nodes: string[]; edges: string[] }>(`({
      nodes: all('svg.dag .dag-node, svg.dag .dag-group').map((node) => node.dataset.id),
      edges: all('svg.dag .dag-edge').map((edge) => edge.dataset.from + '->' + edge.dataset.to),
    })`);
    expect(new Set(drawn.nodes)).toEqual(new Set(Object.keys(candidate.tasks)));
    const edges = Object.values(candidate.tasks).flatMap((task) =>
      (task.upstream ?? []).map((from) => `${from}->${task.path}`),
    );
    expect(new Set(drawn.edges)).toEqual(new Set(edges));
    expect(edges).toContain('evaluate->condition-1');
  });

  it("shows the champion's metrics and the deltas of the two runs", async () => {
    const rows = await inPage<string[][]>(
      `all('#metric-table tbody tr').map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent))`,
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
    const matrix = `all('#threshold-matrix td').map((cell) => cell.textContent)`;
    const before = await inPage<string[]>(matrix);
    expect(await inPage<boolean>(`document.querySelector('#threshold').hidden`)).toBe(false);
    const last = await inPage<number>(`(() => {
      const slider = document.querySelector('#threshold-input');
      slider.value = slider.max;
      slider.dispatchEvent(new Event('input'));
      return Number(slider.max);
    })()`);
    expect(last).toBeGreaterThan(1);
    const after = await inPage<string[]>(matrix);
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
        await inPage<string>(`(() => {
          const element = document.activeElement;
          const node = element.closest('.dag-node');
          return node ? 'node:' + node.dataset.id : element.tagName + '#' + element.id;
        })()`),
      );
    }
    expect(focused[0]).toBe('A#');
    expect(focused.some((entry) => entry.startsWith('node:'))).toBe(true);
    expect(focused).toContain('INPUT#threshold-input');
  });

  it('has readable text: headline and body at 4.5:1 or more', async () => {
    const colours = await inPage<Record<string, [string, string]>>(`(() => {
      const style = (selector) => getComputedStyle(document.querySelector(selector));
      const page = style('body').backgroundColor;
      const background = page === 'rgba(0, 0, 0, 0)' ? 'rgb(255, 255, 255)' : page;
      return {
        headline: [style('#headline').color, style('#headline').backgroundColor],
        body: [style('body').color, background],
        muted: [style('.muted').color, background],
        link: [style('nav.toc a').color, background],
      };
    })()`);
    for (const [foreground = '', background = ''] of Object.values(colours)) {
      expect(contrastRatio(foreground, background)).toBeGreaterThanOrEqual(4.5);
    }
    const screenshot = await saveScreenshot(page, 'report');
    expect(screenshot.endsWith('report.png')).toBe(true);
  });
});
