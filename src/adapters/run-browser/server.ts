import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { artifactPageHtml } from '../../core/run-browser/artifact-preview.js';
import { compareChartsHtml } from '../../core/run-browser/compare-charts.js';
import { comparePageHtml } from '../../core/run-browser/compare-page.js';
import { compareRuns, parseCompareQuery } from '../../core/run-browser/compare.js';
import { LIST_WINDOW, listPageHtml, listRowHtml } from '../../core/run-browser/list-page.js';
import {
  filterRuns,
  listPage,
  metricNames,
  parseListQuery,
  shownMetricColumns,
  sortRuns,
  type ListQuery,
} from '../../core/run-browser/list-query.js';
import { isLoopbackAddress, isLoopbackHostHeader } from '../../core/run-browser/loopback.js';
import { messagePageHtml } from '../../core/run-browser/page-parts.js';
import { runPageHtml } from '../../core/run-browser/run-page.js';
import { summarizeRun, type RunSummary } from '../../core/run-browser/run-summary.js';
import { contentSecurityPolicy } from '../../core/run-report/html-page.js';
import { RunIndex, type RunListing } from './run-index.js';
import { runEvaluation, runReportData } from './run-reports.js';
import { previewRunFile, resolveRunFile, runFileStream } from './run-files.js';

/**
 * `mlops ui`'s HTTP server (node:http, no framework): read-only pages over a pipeline root's runs
 * and `/api/runs` for the list's script. GET and HEAD only; every answer carries the pages'
 * Content-Security-Policy, and requests naming another host are refused (a web page cannot
 * reach this server through a DNS name it controls).
 */

export interface RunBrowserOptions {
  readonly root: string;
  readonly host: string;
  /** 0: any free port. */
  readonly port: number;
}

export interface RunBrowser {
  /** `http://127.0.0.1:8765`. */
  readonly url: string;
  readonly index: RunIndex;
  close(): Promise<void>;
}

/** Filtered, sorted lists kept per listing version: scrolling asks for the same one again and again. */
const KEPT_VIEWS = 32;

interface Facets {
  readonly metrics: string[];
  readonly pipelines: string[];
  readonly states: string[];
}

class RunBrowserApp {
  private version = -1;
  private views = new Map<string, RunSummary[]>();
  private facets: Facets = { metrics: [], pipelines: [], states: [] };

  constructor(
    private readonly index: RunIndex,
    private readonly root: string,
  ) {}

  /** The runs of a list view, from the cache while the runs have not changed. */
  private view(listing: RunListing, query: ListQuery): RunSummary[] {
    if (listing.version !== this.version) {
      this.version = listing.version;
      this.views.clear();
      const distinct = (values: string[]): string[] => [...new Set(values)].filter(Boolean).sort();
      this.facets = {
        metrics: metricNames(listing.runs),
        pipelines: distinct(listing.runs.map((run) => run.pipeline)),
        states: distinct(listing.runs.map((run) => run.state)),
      };
    }
    const key = JSON.stringify([query.q, query.state, query.pipeline, query.sort]);
    let runs = this.views.get(key);
    if (!runs) {
      runs = sortRuns(filterRuns(listing.runs, query), query.sort);
      if (this.views.size >= KEPT_VIEWS) this.views.clear();
      this.views.set(key, runs);
    }
    return runs;
  }

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const parts = url.pathname.split('/').slice(1);
    if (url.pathname === '/') return this.listPage(url, response);
    if (url.pathname === '/api/runs') return this.listApi(url, response);
    if (url.pathname === '/compare') return this.comparePage(url, response);
    if (parts[0] === 'runs' && parts[1]) {
      const id = decodeURIComponent(parts[1]);
      if (parts.length === 2) return this.runPage(id, response);
      if (parts[2] === 'artifacts' && parts.length > 3)
        return this.artifact(id, parts.slice(3).map(decodeURIComponent), url, response);
    }
    this.notFound(response, `Nothing at ${url.pathname}.`);
  }

  private listPage(url: URL, response: ServerResponse): void {
    const query = parseListQuery(url.searchParams);
    const listing = this.index.list();
    const runs = this.view(listing, query);
    const columns = shownMetricColumns(query, this.facets.metrics);
    send(
      response,
      200,
      'text/html',
      listPageHtml({
        root: this.root,
        rootExists: listing.rootExists,
        query,
        page: listPage(runs, columns, 0, LIST_WINDOW),
        runCount: listing.runs.length,
        ...this.facets,
      }),
      true,
    );
  }

  private listApi(url: URL, response: ServerResponse): void {
    const query = parseListQuery(url.searchParams);
    const listing = this.index.list();
    const runs = this.view(listing, query);
    const columns = shownMetricColumns(query, this.facets.metrics);
    const offset = Math.max(0, Number.parseInt(url.searchParams.get('offset') ?? '0', 10) || 0);
    const limit = Math.max(
      1,
      Number.parseInt(url.searchParams.get('limit') ?? '', 10) || LIST_WINDOW,
    );
    const page = listPage(runs, columns, offset, limit);
    const selected = new Set(query.selected);
    const html =
      url.searchParams.get('html') === '1'
        ? { html: page.rows.map((row) => listRowHtml(row, columns, selected.has(row.id))) }
        : {};
    send(
      response,
      200,
      'application/json',
      JSON.stringify({ ...page, runCount: listing.runs.length, ...html }),
    );
  }

  private async runPage(id: string, response: ServerResponse): Promise<void> {
    const loaded = await this.index.load(id);
    if (!loaded) return this.notFound(response, `No run ${id} under ${this.root}.`);
    if ('problem' in loaded)
      return send(
        response,
        500,
        'text/html',
        messagePageHtml(this.root, `Run ${id} cannot be read`, loaded.problem),
      );
    const report = await runReportData(id, loaded.record, loaded.folder);
    send(
      response,
      200,
      'text/html',
      runPageHtml({ root: this.root, id, record: loaded.record }, report),
    );
  }

  private async comparePage(url: URL, response: ServerResponse): Promise<void> {
    const query = parseCompareQuery(url.searchParams);
    const loaded = await Promise.all(query.runs.map((id) => this.index.load(id)));
    const found = loaded.flatMap((run, index) =>
      run && 'record' in run ? [{ id: query.runs[index] ?? '', record: run.record }] : [],
    );
    const records = found.map((run) => run.record);
    const evaluations = await Promise.all(records.map((record) => runEvaluation(record)));
    send(
      response,
      200,
      'text/html',
      comparePageHtml({
        root: this.root,
        query,
        runs: found.map((run) => summarizeRun(run.id, run.record)),
        missing: query.runs.filter(
          (_, index) => !found.some((run) => run.id === query.runs[index]),
        ),
        comparison: compareRuns(records),
        charts: compareChartsHtml(
          found.map((run, index) => ({
            label: run.record.runId,
            ...(evaluations[index] ? { evaluation: evaluations[index] } : {}),
          })),
        ),
      }),
    );
  }

  private async artifact(
    id: string,
    segments: string[],
    url: URL,
    response: ServerResponse,
  ): Promise<void> {
    const loaded = await this.index.load(id);
    const target = loaded && (await resolveRunFile(loaded.folder, segments));
    if (!loaded || !target)
      return this.notFound(response, `No file ${segments.join('/')} in run ${id}.`);
    if (url.searchParams.get('download') === '1' && !target.folder) {
      const name = path.basename(target.file);
      response.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'application/octet-stream',
        'Content-Length': target.size,
        'Content-Disposition': `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      });
      if (response.req.method === 'HEAD') return void response.end();
      runFileStream(target).pipe(response);
      return;
    }
    const { preview, complete } = await previewRunFile(target);
    const runId = 'record' in loaded ? loaded.record.runId : id;
    send(
      response,
      200,
      'text/html',
      artifactPageHtml({
        root: this.root,
        id,
        runId,
        relative: segments.join('/'),
        size: target.size,
        complete,
        preview,
      }),
    );
  }

  private notFound(response: ServerResponse, message: string): void {
    send(response, 404, 'text/html', messagePageHtml(this.root, 'Not found', message));
  }
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string,
  fetchFromOrigin = false,
): void {
  const bytes = Buffer.from(body);
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': `${type}; charset=utf-8`,
    'Content-Length': bytes.length,
    'Content-Security-Policy': `${contentSecurityPolicy(fetchFromOrigin)}; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`,
  });
  response.end(response.req.method === 'HEAD' ? undefined : bytes);
}

export async function startRunBrowser(options: RunBrowserOptions): Promise<RunBrowser> {
  const index = new RunIndex(options.root);
  const app = new RunBrowserApp(index, options.root);
  const checkHost = isLoopbackAddress(options.host);
  const server = createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD' });
      return void response.end();
    }
    if (checkHost && !isLoopbackHostHeader(request.headers.host)) {
      response.writeHead(421, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' });
      return void response.end('This server answers to 127.0.0.1 and localhost only.\n');
    }
    app.handle(request, response).catch((error: unknown) => {
      if (response.headersSent) return void response.destroy();
      send(
        response,
        500,
        'text/plain',
        `The run browser failed: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    });
  });
  // The first list is ready when the server is: a browser opened at once finds the runs read.
  index.list();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}`,
    index,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
