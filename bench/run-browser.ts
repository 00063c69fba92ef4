// The run browser (`mlops ui`) on 10,000 synthetic runs: the server's start to its first list,
// and a list request, against a naive server that reads and parses every run.json per request
// (what a plain file browser does). Needs dist/ built.
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunRecord, TaskRecord } from '../src/core/run-record.js';
import { NODE, ROOT, sideBySide } from './measure.js';

export const SYNTHETIC_RUNS = Number(process.env.MLOPS_BENCH_UI_RUNS ?? 10_000);

const TASKS = [
  'load-data',
  'preprocess',
  'train',
  'evaluate',
  'condition-1',
  'condition-1/package-model',
];

/** A run record shaped like one of the reference pipeline (about 20 kB, as a real one is). */
function syntheticRecord(root: string, index: number): RunRecord {
  const start = new Date(Date.UTC(2026, 0, 1) + index * 3_600_000);
  const stamp = start.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const runId = `training-pipeline-${stamp}`;
  const location = path.join(root, runId);
  const accuracy = 0.7 + ((index * 7919) % 1000) / 4000;
  const tasks: Record<string, TaskRecord> = {};
  TASKS.forEach((taskPath, order) => {
    const artifacts: TaskRecord['artifacts'] = {};
    for (const output of ['dataset', 'report', 'metrics'].slice(0, 1 + (order % 3))) {
      artifacts[output] = [
        {
          name: output,
          uri: path.join(location, taskPath, output),
          schemaTitle: output === 'metrics' ? 'system.Metrics' : 'system.Dataset',
          metadata:
            output === 'metrics'
              ? { accuracy, f1: accuracy - 0.03, roc_auc: accuracy + 0.05 }
              : {
                  rows: 1000 + index,
                  columns: Array.from({ length: 20 }, (_, c) => `feature_${c}`),
                },
        },
      ];
    }
    tasks[taskPath] = {
      path: taskPath,
      name: taskPath.split('/').at(-1) ?? taskPath,
      upstream: order > 0 ? [TASKS[order - 1] ?? ''] : [],
      state: 'SUCCEEDED',
      cached: false,
      attempts: 1,
      startTime: start.toISOString(),
      endTime: start.toISOString(),
      durationMs: 1000 + order,
      commandLine: `python3 -m components.${taskPath.replace(/\W/g, '_')} ${Array.from({ length: 10 }, (_, a) => `--argument-${a} ${path.join(location, taskPath, `input-${a}`)}`).join(' ')}`,
      parameters: { seed: 42, test_size: 0.2, target_column: 'Churn', search_iterations: 2 },
      artifacts,
    };
  });
  return {
    recordVersion: 1,
    producer: { name: 'mlops-platform', version: '0.1.0' },
    backend: 'local',
    runId,
    pipelineName: index % 5 === 0 ? 'drift-pipeline' : 'training-pipeline',
    pipelineRoot: root,
    parameters: { data_uri: 'data/churn_sample.csv', search_iterations: 2 + (index % 4), seed: 42 },
    state: index % 17 === 0 ? 'FAILED' : 'SUCCEEDED',
    startTime: start.toISOString(),
    endTime: start.toISOString(),
    durationMs: 5000 + (index % 3000),
    location,
    tasks,
    outputs: {},
    metrics: { evaluate: { accuracy, f1: accuracy - 0.03, roc_auc: accuracy + 0.05 } },
  };
}

export async function makeSyntheticRuns(root: string, count: number): Promise<void> {
  for (let start = 0; start < count; start += 200) {
    await Promise.all(
      Array.from({ length: Math.min(200, count - start) }, async (_, offset) => {
        const record = syntheticRecord(root, start + offset);
        await mkdir(record.location, { recursive: true });
        await writeFile(path.join(record.location, 'run.json'), JSON.stringify(record, null, 2));
      }),
    );
  }
}

/** The baseline: each request reads and parses every run.json, then sorts, as a file browser would. */
const NAIVE_SERVER = `import { createServer } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
const root = process.argv[2];
const server = createServer((request, response) => {
  const limit = Number(new URL(request.url, 'http://localhost').searchParams.get('limit') ?? 200);
  const runs = [];
  for (const name of readdirSync(root)) {
    try {
      const record = JSON.parse(readFileSync(path.join(root, name, 'run.json'), 'utf8'));
      runs.push({ id: name, runId: record.runId, pipeline: record.pipelineName, state: record.state,
        startTime: record.startTime, durationMs: record.durationMs, metrics: record.metrics.evaluate ?? {} });
    } catch {}
  }
  runs.sort((a, b) => (a.startTime < b.startTime ? 1 : -1));
  response.setHeader('Content-Type', 'application/json');
  response.end(JSON.stringify({ total: runs.length, rows: runs.slice(0, limit) }));
});
server.listen(0, '127.0.0.1', () => console.error('listening at http://127.0.0.1:' + server.address().port + ' '));
`;

interface StartedServer {
  readonly url: string;
  stop(): Promise<void>;
}

function startServer(args: readonly string[]): Promise<StartedServer> {
  const child = spawn(NODE, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let output = '';
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      const url = / at (http:\/\/127\.0\.0\.1:\d+) /.exec(output)?.[1];
      if (url)
        resolve({
          url,
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
        });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then(() => reject(new Error(`${args.join(' ')} exited: ${output.slice(-400)}`)));
  });
}

async function get(url: string): Promise<number> {
  const response = await fetch(url);
  const body = (await response.json()) as { total: number };
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return body.total;
}

/** From spawning the server to its first answer of the list (the first rows of the newest runs). */
async function startToFirstList(args: readonly string[]): Promise<void> {
  const server = await startServer(args);
  try {
    const total = await get(`${server.url}/api/runs`);
    if (total !== SYNTHETIC_RUNS) throw new Error(`listed ${total} of ${SYNTHETIC_RUNS} runs`);
  } finally {
    await server.stop();
  }
}

/** The rows of BENCHMARKS.md's ui group. */
export async function benchRunBrowser(workspace: string): Promise<string[][]> {
  const root = path.join(workspace, 'ui-runs');
  await makeSyntheticRuns(root, SYNTHETIC_RUNS);
  const naiveScript = path.join(workspace, 'naive-run-list.mjs');
  await writeFile(naiveScript, NAIVE_SERVER);
  const ui = ['dist/cli.js', 'ui', '--pipeline-root', root, '--port', '0'];
  const naive = [naiveScript, root];
  const count = SYNTHETIC_RUNS.toLocaleString('en-US');
  const ms = (value: number): string => `${value.toFixed(1)} ms`;
  const row = (name: string, a: string, aMs: number, b: string, bMs: number, note: string) => {
    console.log(`${name}: ${a} ${ms(aMs)} vs ${b} ${ms(bMs)} (${(aMs / bMs).toFixed(2)}×)`);
    return [name, `${a}: ${ms(aMs)}`, `${b}: ${ms(bMs)}`, `${(aMs / bMs).toFixed(2)}×`, note];
  };
  const rows: string[][] = [];
  const [uiStart, naiveStart] = await sideBySide(
    3,
    () => startToFirstList(ui),
    () => startToFirstList(naive),
  );
  rows.push(
    row(
      `Run browser: start to first list, ${count} runs`,
      'mlops ui',
      uiStart,
      'naive server',
      naiveStart,
      'process spawn to the first /api/runs answer; mlops ui reads every run.json once (without its tasks) before it listens',
    ),
  );
  const [uiServer, naiveServer] = await Promise.all([startServer(ui), startServer(naive)]);
  try {
    const list = (url: string, query: string) => async () => {
      const total = await get(`${url}/api/runs?${query}`);
      if (total !== SYNTHETIC_RUNS) throw new Error(`listed ${total} of ${SYNTHETIC_RUNS} runs`);
    };
    const [uiAll, naiveAll] = await sideBySide(
      5,
      list(uiServer.url, `limit=${SYNTHETIC_RUNS}`),
      list(naiveServer.url, `limit=${SYNTHETIC_RUNS}`),
    );
    rows.push(
      row(
        `Run browser: /api/runs listing all ${count} runs`,
        'mlops ui',
        uiAll,
        'naive server',
        naiveAll,
        'every row as JSON; mlops ui answers from its index after re-reading the folder and stat-ing running runs (every run.json every 5 s)',
      ),
    );
    const [uiWindow, naiveWindow] = await sideBySide(
      5,
      list(uiServer.url, 'sort=-m:accuracy&limit=200&html=1'),
      list(naiveServer.url, 'limit=200'),
    );
    rows.push(
      row(
        `Run browser: one window of the list (200 rows), ${count} runs`,
        'mlops ui, sorted by a metric, rows as HTML',
        uiWindow,
        'naive server, by start time',
        naiveWindow,
        'what the list page asks for as it scrolls',
      ),
    );
  } finally {
    await Promise.all([uiServer.stop(), naiveServer.stop()]);
  }
  return rows;
}
