import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRunBrowser, type RunBrowser } from '../../../src/adapters/run-browser/server.js';
import type { ListPage } from '../../../src/core/run-browser/list-query.js';
import type { RunRecord } from '../../../src/core/run-record.js';
import { tempDir } from '../../helpers/paths.js';
import { runRecord } from '../../core/run-browser/run-records.js';

/** The run browser's server on a temporary pipeline root of made run records, over real HTTP. */

let root: string;
let outside: string;
let browser: RunBrowser;

async function writeRun(record: RunRecord): Promise<void> {
  const folder = path.join(root, record.runId);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, 'run.json'), `${JSON.stringify(record, null, 2)}\n`);
}

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A raw request: the path as written (no URL normalisation), any method and Host. */
function call(target: string, options: { method?: string; host?: string } = {}): Promise<Answer> {
  const { port } = new URL(browser.url);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        path: target,
        method: options.method ?? 'GET',
        headers: options.host ? { host: options.host } : {},
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

async function listed(): Promise<ListPage> {
  return JSON.parse((await call('/api/runs?limit=100')).body) as ListPage;
}

/** Polls the list (the index rescans at most twice a second) until `check` holds. */
async function until(check: (page: ListPage) => boolean): Promise<ListPage> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const page = await listed();
    if (check(page)) return page;
    await sleep(100);
  }
  throw new Error(`the list never changed as expected: ${JSON.stringify(await listed())}`);
}

beforeAll(async () => {
  root = await tempDir('run-browser');
  outside = await tempDir('run-browser-outside');
  await writeRun(
    runRecord('train-1', {
      startTime: '2026-12-05T08:00:00Z',
      metrics: { evaluate: { accuracy: 0.8 } },
    }),
  );
  await writeFile(path.join(outside, 'secret.txt'), 'not yours\n');
  const folder = path.join(root, 'train-1');
  await mkdir(path.join(folder, 'load-data'));
  await writeFile(path.join(folder, 'load-data', 'dataset'), 'a,b\n1,2\n3,4\n');
  await symlink(path.join(outside, 'secret.txt'), path.join(folder, 'load-data', 'escape'));
  await symlink(outside, path.join(root, 'linked-run'));
  await mkdir(path.join(root, 'broken'));
  await writeFile(path.join(root, 'broken', 'run.json'), '{"recordVersion": 1, "runId": ');
  browser = await startRunBrowser({ root, host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await browser.close();
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

describe('the run index behind the list', () => {
  it('lists each run folder, a corrupt run.json as UNREADABLE, and no linked folder', async () => {
    const page = await listed();
    expect(page.rows.map((row) => [row.id, row.state])).toEqual([
      ['train-1', 'SUCCEEDED'],
      ['broken', 'UNREADABLE'],
    ]);
    expect(page.rows[1]?.problem).toMatch(/JSON/);
    expect((await call('/runs/broken')).body).toContain('Run broken cannot be read');
  });

  it('shows a new run, and a running one as it finishes', async () => {
    const running = runRecord('train-2', { state: 'RUNNING', startTime: '2026-12-05T09:00:00Z' });
    await writeRun(running);
    const first = await until((page) => page.rows.some((row) => row.id === 'train-2'));
    expect(first.rows[0]).toMatchObject({ id: 'train-2', state: 'RUNNING' });
    expect((await call('/runs/train-2')).body).toContain('http-equiv="refresh"');
    await writeRun({ ...running, state: 'SUCCEEDED', metrics: { evaluate: { accuracy: 0.9 } } });
    const finished = await until((page) => page.rows[0]?.state === 'SUCCEEDED');
    expect(finished.rows[0]).toMatchObject({ id: 'train-2', metrics: { accuracy: 0.9 } });
    expect((await call('/runs/train-2')).body).not.toContain('http-equiv="refresh"');
  });

  it('filters and sorts as the URL says', async () => {
    const page = JSON.parse(
      (await call('/api/runs?q=train&sort=m:accuracy&columns=accuracy')).body,
    ) as ListPage;
    expect(page.rows.map((row) => row.id)).toEqual(['train-1', 'train-2']);
  });
});

describe('the HTTP surface', () => {
  it('answers GET and HEAD only', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const answer = await call('/', { method });
      expect(answer.status).toBe(405);
      expect(answer.headers.allow).toBe('GET, HEAD');
    }
    const head = await call('/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('sends the pages’ Content-Security-Policy as a header', async () => {
    const answer = await call('/');
    expect(answer.headers['content-security-policy']).toContain("default-src 'none'");
    expect(answer.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses a Host that is not loopback (a DNS name pointed at 127.0.0.1)', async () => {
    expect((await call('/', { host: 'attacker.example:80' })).status).toBe(421);
    expect((await call('/', { host: 'localhost:1234' })).status).toBe(200);
  });

  it('previews and downloads a run’s files', async () => {
    const preview = await call('/runs/train-1/artifacts/load-data/dataset');
    expect(preview.status).toBe(200);
    expect(preview.body).toContain('<th scope="col">a</th>');
    const download = await call('/runs/train-1/artifacts/load-data/dataset?download=1');
    expect(download.body).toBe('a,b\n1,2\n3,4\n');
    expect(download.headers['content-disposition']).toContain('attachment; filename="dataset"');
    expect((await call('/runs/train-1/artifacts/load-data')).body).toContain('>dataset</a>');
  });

  it('serves nothing outside the run folder: .. in any spelling, links out, linked runs', async () => {
    for (const target of [
      '/runs/train-1/artifacts/../../../etc/passwd',
      '/runs/train-1/artifacts/%2e%2e/%2e%2e/etc/passwd',
      '/runs/train-1/artifacts/load-data%2f..%2f..%2fbroken%2frun.json',
      '/runs/train-1/artifacts/load-data/escape',
      '/runs/train-1/artifacts/load-data/escape?download=1',
      '/runs/linked-run/artifacts/secret.txt',
      '/runs/..%2f..%2fetc/artifacts/passwd',
      '/runs/%2e%2e/artifacts/broken/run.json',
    ]) {
      const answer = await call(target);
      expect([target, answer.status]).toEqual([target, 404]);
      expect(answer.body).not.toContain('not yours');
    }
  });
});
