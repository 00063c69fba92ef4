/**
 * Training, batch prediction and serving see a raw row the same way (issue 18, section 3 item
 * 2), end to end: the reference training pipeline runs for real on churn-like data with blank
 * cells, missing-value tokens ("NA", "null", "N/A", " ") and padded categories (" Two year");
 * then the SAME raw rows are scored
 *
 * (a) as training saw them: the rows preprocess wrote (train_data/test_data), read the way train
 *     and evaluate read them, through the run's model;
 * (b) by the batch prediction pipeline, from the raw CSV;
 * (c) by the prediction server, sent as a client would (the raw strings; or null and numbers),
 *
 * and every probability must agree to 1e-9.
 *
 * Needs Python with scikit-learn (skipped with a warning locally, a failure when CI=true).
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mlops } from '../helpers/cli.js';
import { tempDir } from '../helpers/paths.js';
import { PIPELINES, pythonEnv, runPython } from '../helpers/packaged-model.js';
import { PYTHON, pythonWithSklearn } from '../helpers/services.js';

const TOLERANCE = 1e-9;
const HEADER = ['MonthlyCharges', 'tenure', 'Contract', 'PaymentMethod', 'Partner', 'Churn'];
const FEATURES = HEADER.slice(0, -1);
const MISSING = [
  '',
  ' ',
  '  ',
  'NA',
  'na',
  'N/A',
  'null',
  'NULL',
  ' null ',
  'NaN',
  'nan',
  '<NA>',
  '#N/A',
];

interface RunRecord {
  state: string;
  tasks: Record<string, { artifacts: Record<string, { uri: string }[]> }>;
}

/** A small seeded generator (mulberry32), so the data is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Raw churn-like rows; MonthlyCharges is unique (it finds a row in preprocess's output). */
function makeRows(count: number): string[][] {
  const next = random(18);
  const pick = <T>(values: T[]): T => values[Math.floor(next() * values.length)] as T;
  return Array.from({ length: count }, (_, index) => {
    const contract = pick(['Month-to-month', 'One year', 'Two year']);
    const tenure = 1 + Math.floor(next() * 72);
    const charges = (20 + next() * 90 + index / 1000).toFixed(3);
    const score = (contract === 'Month-to-month' ? 1.2 : 0) + (tenure < 12 ? 0.8 : 0) + next();
    const row = [
      charges,
      String(tenure),
      contract,
      pick(['Electronic check', 'Mailed check', 'Bank transfer']),
      pick(['Yes', 'No']),
      score > 1.4 ? 'Yes' : 'No',
    ];
    if (index % 10 === 3) row[1] = MISSING[index % MISSING.length] ?? '';
    if (index % 10 === 5) row[2] = MISSING[Math.floor(index / 10) % MISSING.length] ?? '';
    if (index % 10 === 7) row[3] = MISSING[(Math.floor(index / 10) + 3) % MISSING.length] ?? '';
    if (index % 10 === 8) row[2] = ` ${row[2]} `;
    return row;
  });
}

function csv(header: string[], rows: string[][]): string {
  const cell = (value: string): string =>
    /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\n') + '\n';
}

function localPath(uri: string): string {
  return uri.startsWith('file://') ? fileURLToPath(uri) : uri;
}

/** An output of a task; a task under a condition is keyed `condition-N/<task>`. */
function artifact(record: RunRecord, task: string, output: string): string {
  const key = Object.keys(record.tasks).find((name) => name === task || name.endsWith(`/${task}`));
  const uri = key === undefined ? undefined : record.tasks[key]?.artifacts[output]?.[0]?.uri;
  if (!uri) throw new Error(`no ${task}.${output} in the run record`);
  return localPath(uri);
}

async function runPipeline(
  root: string,
  pipeline: string,
  name: string,
  params: Record<string, string>,
) {
  const recordFile = join(root, `${name}.json`);
  const result = await mlops([
    'run',
    '--local',
    pipeline,
    '--python',
    PYTHON,
    '--no-cache',
    '--pipeline-root',
    join(root, 'runs'),
    '--run-record',
    recordFile,
    ...Object.entries(params).flatMap(([key, value]) => ['--param', `${key}=${value}`]),
  ]);
  if (result.code !== 0)
    throw new Error(`${name} failed (${result.code}):\n${result.stdout}\n${result.stderr}`);
  return { recordFile, record: JSON.parse(await readFile(recordFile, 'utf8')) as RunRecord };
}

/** P(Yes) of the probe rows as preprocess wrote them, read as train and evaluate read them. */
const TRAINING_VIEW = `
import json, sys, joblib, pandas as pd
from components.common import read_features
train_csv, test_csv, report_file, model_dir, probe_csv = sys.argv[1:6]
kinds = {f["name"]: f["kind"] for f in json.load(open(report_file))["feature_columns"]}
frame = pd.concat([read_features(p, kinds) for p in (train_csv, test_csv)], ignore_index=True)
key = frame["MonthlyCharges"].round(3)
probes = pd.read_csv(probe_csv, dtype=str, keep_default_na=False)
picked = []
for charges in probes["MonthlyCharges"]:
    match = frame[key == round(float(charges), 3)]
    assert len(match) == 1, charges
    picked.append(match)
meta = json.load(open(f"{model_dir}/metadata.json"))
model = joblib.load(f"{model_dir}/model.joblib")
X = pd.concat(picked, ignore_index=True)[[f["name"] for f in meta["feature_schema"]]]
column = list(model.classes_).index(meta["label_mapping"]["Yes"])
print(json.dumps(model.predict_proba(X)[:, column].tolist()))
`;

describe.skipIf(!pythonWithSklearn())(
  'one missing-value rule for training, batch and serving',
  () => {
    let root: string;
    let probes: string[][];
    let training: number[];
    let modelDir: string;
    let server: ChildProcessByStdio<null, Readable, Readable> | undefined;

    beforeAll(async () => {
      root = await tempDir('missing-values');
      const rows = makeRows(300);
      await writeFile(join(root, 'raw.csv'), csv(HEADER, rows));
      probes = rows
        .filter((_, index) => [0, 3, 5, 7, 8].includes(index % 10))
        .map((row) => row.slice(0, -1));
      await writeFile(join(root, 'probe.csv'), csv(FEATURES, probes));

      const { record } = await runPipeline(root, 'pipelines/training-pipeline.yaml', 'training', {
        data_uri: join(root, 'raw.csv'),
        target_column: 'Churn',
        search_iterations: '2',
        min_accuracy: '0.5',
      });
      modelDir = artifact(record, 'package-model', 'deployable_model');
      const view = await runPython([
        '-c',
        TRAINING_VIEW,
        artifact(record, 'preprocess', 'train_data'),
        artifact(record, 'preprocess', 'test_data'),
        artifact(record, 'preprocess', 'preprocess_report'),
        modelDir,
        join(root, 'probe.csv'),
      ]);
      if (view.code !== 0) throw new Error(view.stderr);
      training = JSON.parse(view.stdout) as number[];
    }, 600_000);

    afterAll(async () => {
      if (server && server.exitCode === null) server.kill('SIGKILL');
      if (root) await rm(root, { recursive: true, force: true });
    });

    function expectSameAsTraining(got: number[], what: string): void {
      expect(got).toHaveLength(training.length);
      const worst = got.reduce(
        (best, value, i) => {
          const gap = Math.abs(value - (training[i] ?? NaN));
          return gap > best.gap || Number.isNaN(gap) ? { gap, i } : best;
        },
        { gap: 0, i: 0 },
      );
      expect(
        worst.gap,
        `${what}: row ${JSON.stringify(probes[worst.i])} got P(Yes) ${got[worst.i]}, training's view ${training[worst.i]}`,
      ).toBeLessThanOrEqual(TOLERANCE);
    }

    it('batch prediction scores the raw rows as training saw them', async () => {
      const { record } = await runPipeline(
        root,
        'pipelines/batch-prediction-pipeline.yaml',
        'batch',
        {
          model_source: join(root, 'training.json'),
          features_uri: join(root, 'probe.csv'),
        },
      );
      const text = await readFile(artifact(record, 'batch-predict', 'predictions'), 'utf8');
      const [header = '', ...lines] = text.trim().split('\n');
      const names = header.split(',');
      const key = names.indexOf('row_key');
      const yes = names.indexOf('probability_Yes');
      expect(yes).toBeGreaterThan(-1);
      const byRow = new Map(
        lines
          .map((line) => line.split(','))
          .map((cells) => [Number(cells[key]), Number(cells[yes])]),
      );
      expectSameAsTraining(
        probes.map((_, i) => byRow.get(i) ?? NaN),
        'batch prediction',
      );
    }, 300_000);

    it('the prediction server answers the raw rows (strings, or null and numbers) as training saw them', async () => {
      const child = spawn(
        PYTHON,
        ['-m', 'serving.server', '--model-dir', modelDir, '--port', '0', '--host', '127.0.0.1'],
        {
          cwd: PIPELINES,
          env: pythonEnv(),
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      server = child;
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const url = await new Promise<string>((resolve, reject) => {
        let stdout = '';
        const timer = setTimeout(
          () => reject(new Error(`server did not start:\n${stderr}`)),
          60_000,
        );
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          stdout += chunk;
          const found = /^listening on (http:\/\/\S+)$/m.exec(stdout)?.[1];
          if (found) {
            clearTimeout(timer);
            resolve(found);
          }
        });
        child.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`server exited with ${code}:\n${stderr}`));
        });
      });
      const asStrings = probes.map((row) =>
        Object.fromEntries(FEATURES.map((name, i) => [name, row[i] ?? ''])),
      );
      const asJson = asStrings.map((instance) => ({
        ...Object.fromEntries(
          Object.entries(instance).map(([name, value]) => [name, value === '' ? null : value]),
        ),
        MonthlyCharges: Number(instance.MonthlyCharges),
      }));
      for (const [what, instances] of [
        ['serving (raw strings)', asStrings],
        ['serving (null and numbers)', asJson],
      ] as const) {
        const response = await fetch(`${url}/predict`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ instances }),
        });
        expect(response.status, stderr).toBe(200);
        const body = (await response.json()) as {
          predictions: { probabilities: Record<string, number> }[];
        };
        expectSameAsTraining(
          body.predictions.map((prediction) => prediction.probabilities.Yes ?? NaN),
          what,
        );
      }
    }, 120_000);
  },
);
