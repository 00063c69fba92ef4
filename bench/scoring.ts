// Benchmarks of what runs after training: batch scoring (components.batch_predict against a
// plain single-pass pandas script, on 1M synthetic rows) and the prediction server's latency
// under a bounded local load. Used by bench/benchmarks.ts.
import { spawn, spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { SubprocessExecutor } from '../src/adapters/local-runner/executors.js';
import { runPipelineLocally } from '../src/adapters/local-runner/local-runner.js';
import { loadPipeline } from '../src/adapters/pipeline-loader.js';
import { resolveRunParameters } from '../src/core/ir/parameters.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const PIPELINES = path.join(ROOT, 'pipelines');

export interface TrainedModel {
  readonly runRecord: string;
  readonly modelDir: string;
}

/** The reference training pipeline on the churn sample (small search), run in-process. */
export async function trainChurnModel(workspace: string, python: string): Promise<TrainedModel> {
  const loaded = await loadPipeline(path.join(PIPELINES, 'training-pipeline.yaml'));
  const params = { data_uri: 'data/churn_sample.csv', target_column: 'Churn', min_accuracy: '0.5' };
  const record = await runPipelineLocally(
    loaded.spec,
    resolveRunParameters(loaded.spec, params, 'bench'),
    {
      pipelineRoot: path.join(workspace, 'training'),
      workdir: PIPELINES,
      executor: new SubprocessExecutor({ python }),
      parallelism: 2,
      useCache: false,
    },
  );
  const model = record.tasks['condition-1/package-model']?.artifacts.deployable_model?.[0];
  if (record.state !== 'SUCCEEDED' || !model) throw new Error(`training run ${record.state}`);
  const runRecord = path.join(workspace, 'training-run.json');
  await writeFile(runRecord, JSON.stringify(record));
  return { runRecord, modelDir: model.uri };
}

// ------------------------------------------------------------------ batch scoring

/** 1M rows drawn from the churn sample with jittered numbers and a unique key. */
const MAKE_ROWS = `
import sys, numpy as np, pandas as pd
rows, out = int(sys.argv[1]), sys.argv[2]
rng = np.random.default_rng(7)
sample = pd.read_csv("data/churn_sample.csv").drop(columns=["Churn"])
frame = sample.iloc[rng.integers(0, len(sample), rows)].reset_index(drop=True)
frame["customerID"] = [f"C{i:07d}" for i in range(rows)]
for name in ("tenure", "MonthlyCharges"):
    frame[name] = (frame[name] * rng.uniform(0.9, 1.1, rows)).round(2)
frame.to_csv(out, index=False)
`;

/** What a user writes without the platform: read everything, score everything, write it. */
const PLAIN_PANDAS = `
import json, sys, joblib, pandas as pd
model_dir, features, out = sys.argv[1:4]
meta = json.load(open(f"{model_dir}/metadata.json"))
model = joblib.load(f"{model_dir}/model.joblib")
data = pd.read_csv(features)
X = pd.DataFrame({
    f["name"]: pd.to_numeric(data[f["name"]], errors="coerce") if f["kind"] == "numeric"
    else data[f["name"]].astype(str)
    for f in meta["feature_schema"]
})
labels = {code: label for label, code in meta["label_mapping"].items()}
proba = model.predict_proba(X)
result = pd.DataFrame({"row_key": data["customerID"],
                       "predicted_label": [labels[int(c)] for c in model.classes_[proba.argmax(axis=1)]],
                       "predicted_probability": proba.max(axis=1)})
for index, code in enumerate(model.classes_):
    result[f"probability_{labels[int(code)]}"] = proba[:, index]
result.to_csv(out, index=False)
`;

/** Runs a Python command and reports its wall time and the child's peak resident memory. */
const MEASURE = `
import resource, subprocess, sys, time
started = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
wall = time.perf_counter() - started
print(code, wall * 1000, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
`;

export interface Measured {
  readonly ms: number;
  readonly peakMb: number;
}

function measure(python: string, args: string[]): Measured {
  const result = spawnSync(python, ['-c', MEASURE, python, ...args], {
    cwd: PIPELINES,
    encoding: 'utf8',
    env: { ...process.env, PYTHONPATH: PIPELINES },
  });
  const [code, ms, maxRssKb] = result.stdout.trim().split(' ').map(Number);
  if (result.status !== 0 || code !== 0)
    throw new Error(`${args.join(' ')} failed (${code}): ${result.stderr}`);
  return { ms: ms ?? NaN, peakMb: (maxRssKb ?? NaN) / 1024 };
}

export interface BatchScoring {
  readonly rows: number;
  /** The candidate the training run chose (metadata.json's model_type): it sets how much of
   * either side's time is the model's own arithmetic. */
  readonly modelType: string;
  readonly component: Measured;
  readonly plain: Measured;
}

/** Alternates the component and the plain script `rounds` times, the one that starts a round
 * turning each round; medians of both. */
export async function batchScoring(
  workspace: string,
  python: string,
  model: TrainedModel,
  rows: number,
  rounds: number,
): Promise<BatchScoring> {
  const features = path.join(workspace, 'features.csv');
  const made = spawnSync(python, ['-c', MAKE_ROWS, String(rows), features], { cwd: PIPELINES });
  if (made.status !== 0) throw new Error(`could not make the rows: ${made.stderr.toString()}`);
  const component: Measured[] = [];
  const plain: Measured[] = [];
  const out = (name: string): string => path.join(workspace, name);
  const runComponent = (): void => {
    component.push(
      measure(python, [
        '-m',
        'components.batch_predict',
        '--model-source',
        model.runRecord,
        '--features-uri',
        features,
        '--key-column',
        'customerID',
        '--destination',
        out('component.csv'),
        '--predictions',
        out('receipt.json'),
        '--summary',
        out('summary.json'),
        '--rows-scored',
        out('rows'),
      ]),
    );
  };
  const runPlain = (): void => {
    plain.push(measure(python, ['-c', PLAIN_PANDAS, model.modelDir, features, out('plain.csv')]));
  };
  for (let round = 0; round < rounds; round++) {
    const [first, second] = round % 2 ? [runPlain, runComponent] : [runComponent, runPlain];
    first();
    second();
  }
  const written = Number(await readFile(out('rows'), 'utf8'));
  if (written !== rows) throw new Error(`the component scored ${written} rows, not ${rows}`);
  const metadata = JSON.parse(
    await readFile(path.join(model.modelDir, 'metadata.json'), 'utf8'),
  ) as {
    model_type?: string;
  };
  return {
    rows,
    modelType: metadata.model_type ?? 'model',
    component: medianOf(component),
    plain: medianOf(plain),
  };
}

function medianOf(values: Measured[]): Measured {
  const middle = (list: number[]): number => {
    const sorted = [...list].sort((a, b) => a - b);
    const half = Math.floor(sorted.length / 2);
    return sorted.length % 2
      ? (sorted[half] ?? NaN)
      : ((sorted[half - 1] ?? NaN) + (sorted[half] ?? NaN)) / 2;
  };
  return {
    ms: middle(values.map((value) => value.ms)),
    peakMb: middle(values.map((value) => value.peakMb)),
  };
}

// ------------------------------------------------------------------ serving latency

export interface Latency {
  readonly workers: number;
  readonly requests: number;
  readonly concurrency: number;
  readonly instancesPerRequest: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requestsPerSecond: number;
}

/** Starts the server on a free loopback port; resolves with its URL and a stop function. */
async function startServer(
  python: string,
  modelDir: string,
  workers: number,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(
    python,
    [
      '-m',
      'serving.server',
      '--model-dir',
      modelDir,
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--workers',
      String(workers),
    ],
    { cwd: PIPELINES, stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      const found = /^listening on (http:\/\/\S+)$/m.exec(stdout)?.[1];
      if (found) resolve(found);
    });
    void exited.then(() => reject(new Error('the prediction server exited before listening')));
  });
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Instances for the server: rows of the churn sample as named objects. */
async function churnInstances(count: number): Promise<Record<string, string | number | null>[]> {
  const [header = '', ...lines] = (
    await readFile(path.join(PIPELINES, 'data/churn_sample.csv'), 'utf8')
  )
    .trim()
    .split('\n');
  const names = header.split(',');
  const numeric = new Set(['SeniorCitizen', 'tenure', 'MonthlyCharges', 'TotalCharges']);
  return lines.slice(0, count).map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(
      names
        .filter((name) => name !== 'customerID' && name !== 'Churn')
        .map((name) => {
          const cell = (cells[names.indexOf(name)] ?? '').trim();
          return [name, numeric.has(name) ? (cell === '' ? null : Number(cell)) : cell];
        }),
    );
  });
}

/**
 * `requests` POSTs with `concurrency` clients in flight at once (a bounded load: each client
 * sends its next request when the previous one is answered), after a warm-up.
 */
export async function servingLatency(
  python: string,
  modelDir: string,
  requests: number,
  concurrency: number,
  instancesPerRequest: number,
  workers: number,
): Promise<Latency> {
  const server = await startServer(python, modelDir, workers);
  try {
    const instances = await churnInstances(instancesPerRequest);
    const body = JSON.stringify({ instances });
    const predict = async (): Promise<number> => {
      const started = performance.now();
      const response = await fetch(`${server.url}/predict`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
      });
      const answer = (await response.json()) as { predictions?: unknown[] };
      if (response.status !== 200 || answer.predictions?.length !== instancesPerRequest)
        throw new Error(`prediction failed: ${response.status} ${JSON.stringify(answer)}`);
      return performance.now() - started;
    };
    for (let i = 0; i < 50; i++) await predict();
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    const client = async (): Promise<void> => {
      while (next < requests) {
        next += 1;
        latencies.push(await predict());
      }
    };
    await Promise.all(Array.from({ length: concurrency }, client));
    const seconds = (performance.now() - started) / 1000;
    const sorted = latencies.sort((a, b) => a - b);
    const at = (q: number): number =>
      sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
    return {
      workers,
      requests,
      concurrency,
      instancesPerRequest,
      p50Ms: at(0.5),
      p99Ms: at(0.99),
      requestsPerSecond: requests / seconds,
    };
  } finally {
    await server.stop();
  }
}
