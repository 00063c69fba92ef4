/**
 * A real headless Chromium (Debian's `chromium`) driven by puppeteer-core, for the tests of the
 * HTML report and the run browser. Pages collect their console errors and failed requests, so a
 * test asserts there were none; screenshots go to tests/artifacts/ (kept by CI, ignored by git).
 */
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { REPO_ROOT } from './paths.js';
import { serviceAvailable } from './services.js';

export const CHROMIUM = process.env.MLOPS_CHROMIUM ?? '/usr/bin/chromium';

/** Skips locally with the reason when Chromium is absent; fails in CI, where setup installs it. */
export function chromiumAvailable(): boolean {
  return serviceAvailable(`Chromium (${CHROMIUM})`, () => {
    execFileSync(CHROMIUM, ['--version'], { stdio: 'ignore', timeout: 20_000 });
    return true;
  });
}

export async function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Root in a container has no user namespace for Chromium's sandbox.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--font-render-hinting=none',
    ],
  });
}

export interface WatchedPage {
  readonly page: Page;
  /** Console errors, uncaught exceptions and failed requests, as they happened. */
  readonly problems: string[];
}

/** A new page that records every console error, page error and failed request. */
export async function watchedPage(browser: Browser): Promise<WatchedPage> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${String(error)}`));
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? '?'})`),
  );
  return { page, problems };
}

export const SCREENSHOTS = join(REPO_ROOT, 'tests', 'artifacts');

/** A full-page screenshot saved as a test artifact; returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** WCAG contrast ratio of two CSS colours as the browser computed them (`rgb(…)`). */
export function contrastRatio(foreground: string, background: string): number {
  const luminance = (color: string): number => {
    const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number).map((value) => {
      const channel = value / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}
