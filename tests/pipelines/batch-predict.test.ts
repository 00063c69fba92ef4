/**
 * The batch prediction pipeline (pipelines/batch-prediction-pipeline.yaml, component
 * components.batch_predict) end to end: the reference training pipeline runs for real on the
 * churn sample, and its run record is the model source. Predictions are checked against the
 * model scored independently (joblib + pandas in a separate script), across chunk sizes and
 * destinations (the predictions output, CSV, SQLite), plus the errors a user meets.
 *
 * Needs Python with scikit-learn (skipped with a warning locally, a failure when CI=true).
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBigQueryEmulator } from '../emulators/bigquery.js';
import { startCloudStorageEmulator } from '../emulators/cloud-storage.js';
import { startMetadataServer } from '../emulators/metadata-server.js';
import { startVertexEmulator, type VertexEmulator } from '../emulators/vertex.js';
import { mlops } from '../helpers/cli.js';
import { REPO_ROOT, tempDir } from '../helpers/paths.js';
import { runPython } from '../helpers/packaged-model.js';
import { PYTHON, pythonWithSklearn } from '../helpers/services.js';
import { trainOnChurnSample, type TrainingRun } from '../helpers/training-run.js';

const PIPELINE = 'pipelines/batch-prediction-pipeline.yaml';
const CHURN = join(REPO_ROOT, 'pipelines/data/churn_sample.csv');

interface RunRecord {
  runId: string;
  state: string;
  location: string;
  outputs: Record<string, unknown>;
  metrics: Record<string, Record<string, number>>;
  tasks: Record<
    string,
    { state: string; artifacts: Record<string, { uri: string; schemaTitle: string }[]> }
  >;
}

type Row = Record<string, string | number | null>;

/** Rows of a SQLite table, read with Python's sqlite3 (no sqlite CLI needed). */
async function sqliteRows(file: string, table = 'predictions'): Promise<Row[]> {
  const result = await runPython([
    '-c',
    'import json, sqlite3, sys\n' +
      'c = sqlite3.connect(sys.argv[1]); c.row_factory = sqlite3.Row\n' +
      'print(json.dumps([dict(r) for r in c.execute(f"select * from {sys.argv[2]}")]))',
    file,
    table,
  ]);
  if (result.code !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as Row[];
}

function parseCsv(text: string): Row[] {
  const [header = '', ...lines] = text.trim().split('\n');
  const names = header.split(',');
  return lines.map((line): Row =>
    Object.fromEntries(line.split(',').map((v, i): [string, string] => [names[i] ?? '', v])),
  );
}

/**
 * The model's answers computed without the component: joblib + pandas, numbers parsed with
 * to_numeric, categories as text, labels decoded through metadata.json's label_mapping.
 */
async function independentScores(
  modelDir: string,
  csv: string,
): Promise<Map<string, { label: string; probabilities: Record<string, number> }>> {
  const script = `
import json, sys, joblib, pandas as pd
model_dir, csv = sys.argv[1], sys.argv[2]
meta = json.load(open(f"{model_dir}/metadata.json"))
model = joblib.load(f"{model_dir}/model.joblib")
data = pd.read_csv(csv, dtype=str, keep_default_na=False)
X = pd.DataFrame({
    f["name"]: pd.to_numeric(data[f["name"]], errors="coerce") if f["kind"] == "numeric"
    else data[f["name"]].where(data[f["name"]].str.strip() != "", None)
    for f in meta["feature_schema"]
})
names = {code: label for label, code in meta["label_mapping"].items()}
labels = [names[int(c)] for c in model.classes_]
out = {}
for key, row in zip(data["customerID"], model.predict_proba(X)):
    out[key] = {"label": labels[int(row.argmax())], "probabilities": dict(zip(labels, map(float, row)))}
print(json.dumps(out))
`;
  const result = await runPython(['-c', script, modelDir, csv]);
  if (result.code !== 0) throw new Error(result.stderr);
  const parsed = JSON.parse(result.stdout) as Record<
    string,
    { label: string; probabilities: Record<string, number> }
  >;
  return new Map(Object.entries(parsed));
}

async function batchRun(
  root: string,
  params: Record<string, string>,
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string; record?: RunRecord }> {
  const recordFile = join(root, `batch-${Object.keys(params).join('-')}-${Date.now()}.json`);
  const result = await mlops(
    [
      'run',
      '--local',
      PIPELINE,
      '--python',
      PYTHON,
      '--no-cache',
      '--pipeline-root',
      join(root, 'runs'),
      '--run-record',
      recordFile,
      ...Object.entries(params).flatMap(([name, value]) => ['--param', `${name}=${value}`]),
    ],
    { env },
  );
  const record = existsSync(recordFile)
    ? (JSON.parse(await readFile(recordFile, 'utf8')) as RunRecord)
    : undefined;
  return { ...result, ...(record ? { record } : {}) };
}

function outputUri(record: RunRecord, output: string): string {
  const artifact = record.tasks['batch-predict']?.artifacts[output]?.[0];
  if (!artifact) throw new Error(`no ${output} in the run record`);
  return artifact.uri;
}

/**
 * Emulated Google Cloud as a Vertex AI job sees it: a metadata server handing out tokens, the
 * Model Registry (the model's files in the emulated Cloud Storage, read through the FUSE
 * mount), and BigQuery with the churn sample as a features table.
 */
async function startGoogle(root: string, modelDir: string) {
  const metadata = await startMetadataServer();
  const dataDir = join(root, 'vertex-data');
  const vertex = await startVertexEmulator({
    validateToken: (token) => metadata.validateAccessToken(token),
    dataDir,
  });
  const bigquery = await startBigQueryEmulator({
    validateToken: (token) => metadata.validateAccessToken(token),
    datasets: ['ml'],
  });
  // The same model files behind the Cloud Storage API, for a run without the FUSE mount.
  const storage = await startCloudStorageEmulator({
    validateToken: (token) => metadata.validateAccessToken(token),
  });
  const close = async (): Promise<void> => {
    await Promise.all([vertex.close(), bigquery.close(), storage.close(), metadata.close()]);
  };
  try {
    await cp(modelDir, join(dataDir, 'gcs', 'team-models', 'churn', '1'), { recursive: true });
    await storage.putFolder('gs://team-models/churn/1', modelDir);
    const token = (await (
      await fetch(`${metadata.url}/computeMetadata/v1/instance/service-accounts/default/token`, {
        headers: { 'Metadata-Flavor': 'Google' },
      })
    ).json()) as { access_token: string };
    const upload = await fetch(`${vertex.endpoint.url}/v1/${vertex.parent}/models:upload`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token.access_token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        model: {
          displayName: 'churn',
          artifactUri: 'gs://team-models/churn/1',
          containerSpec: {
            imageUri: 'us-docker.pkg.dev/acme-ml/ml-images/server@sha256:' + 'a'.repeat(64),
            // As deploy sets it: batch scoring checks the model against it too.
            env: [
              {
                name: 'MLOPS_MODEL_SHA256',
                value: createHash('sha256')
                  .update(await readFile(join(modelDir, 'model.joblib')))
                  .digest('hex'),
              },
            ],
          },
          versionAliases: ['champion'],
        },
      }),
    });
    expect(upload.status).toBe(200);
    const modelId = await waitForModel(vertex);
    bigquery.createTable('ml.features', [
      { name: 'customerID', type: 'STRING', mode: 'REQUIRED' },
      { name: 'gender', type: 'STRING' },
      { name: 'SeniorCitizen', type: 'INTEGER' },
      { name: 'Partner', type: 'STRING' },
      { name: 'tenure', type: 'INTEGER' },
      { name: 'Contract', type: 'STRING' },
      { name: 'PaymentMethod', type: 'STRING' },
      { name: 'MonthlyCharges', type: 'FLOAT' },
      { name: 'TotalCharges', type: 'FLOAT' },
    ]);
    const [header = '', ...lines] = (await readFile(CHURN, 'utf8')).trim().split('\n');
    const names = header.split(',');
    const numeric = new Set(['SeniorCitizen', 'tenure', 'MonthlyCharges', 'TotalCharges']);
    bigquery.seedRows(
      'ml.features',
      lines.map((line) => {
        const cells = line.split(',');
        return Object.fromEntries(
          names
            .filter((name) => name !== 'Churn')
            .map((name) => {
              const cell = (cells[names.indexOf(name)] ?? '').trim();
              return [name, numeric.has(name) ? (cell === '' ? null : Number(cell)) : cell];
            }),
        );
      }),
    );
    return {
      metadata,
      vertex,
      bigquery,
      storage,
      modelId,
      close,
      env: {
        GCE_METADATA_HOST: metadata.host,
        MLOPS_VERTEX_ENDPOINT: vertex.endpoint.url,
        MLOPS_BIGQUERY_ENDPOINT: bigquery.url,
        MLOPS_STORAGE_ENDPOINT: storage.url,
        MLOPS_GCS_FUSE_ROOT: join(dataDir, 'gcs'),
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}

async function waitForModel(vertex: VertexEmulator): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const [id] = [...vertex.models.keys()];
    if (id && vertex.models.get(id)?.versions.size) return id;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the model upload never finished');
}

describe.runIf(pythonWithSklearn())('batch prediction pipeline', () => {
  let root: string;
  let training: TrainingRun;
  let modelDir: string;
  let expected: Awaited<ReturnType<typeof independentScores>>;
  let trainingRunId: string;

  beforeAll(async () => {
    root = await tempDir('batch');
    training = await trainOnChurnSample(root);
    const record = JSON.parse(await readFile(training.runRecord, 'utf8')) as RunRecord;
    trainingRunId = record.runId;
    const packaged = record.tasks['condition-1/package-model']?.artifacts.deployable_model?.[0];
    if (!packaged) throw new Error('the training run packaged no model');
    modelDir = packaged.uri;
    expected = await independentScores(modelDir, CHURN);
  }, 180_000);

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('validates without parameters, listing model_source as required', async () => {
    const result = await mlops(['validate', PIPELINE]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/model_source\s+STRING\s+\(required\)/);
    const missing = await mlops(['validate', PIPELINE, '--param', 'key_column=customerID']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/"model_source" is required/);
  });

  it('scores every row into SQLite with keys, model version and one timestamp, as the model does', async () => {
    const db = join(root, 'out', 'predictions.db');
    const run = await batchRun(root, {
      model_source: training.runRecord,
      features_uri: 'data/churn_sample.csv',
      key_column: 'customerID',
      destination: db,
      chunk_rows: '64',
    });
    expect(run.code, run.stderr + run.stdout).toBe(0);
    expect(run.record?.outputs.rows_scored).toBe(expected.size);
    const summary = run.record?.metrics['batch-predict'] ?? {};
    expect(summary.rows_scored).toBe(expected.size);
    // One progress line per chunk of 64 rows, in the task's log.
    const log = await readFile(
      join(run.record?.location ?? '', 'batch-predict', 'task.log'),
      'utf8',
    );
    expect(log).toContain(`chunk ${Math.ceil(expected.size / 64)}: ${expected.size} rows scored`);

    const rows = await sqliteRows(db);
    expect(rows).toHaveLength(expected.size);
    const stamps = new Set(rows.map((row) => row.predicted_at));
    expect(stamps.size).toBe(1);
    expect(String([...stamps][0])).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    let yes = 0;
    for (const row of rows) {
      const want = expected.get(String(row.row_key));
      expect(want, `row ${row.row_key}`).toBeDefined();
      expect(row.model_version).toBe(
        `run:${trainingRunId}/condition-1/package-model/deployable_model`,
      );
      expect(row.predicted_label).toBe(want?.label);
      expect(row.probability_Yes).toBeCloseTo(want?.probabilities.Yes ?? NaN, 9);
      expect(row.probability_No).toBeCloseTo(want?.probabilities.No ?? NaN, 9);
      expect(row.predicted_probability).toBeCloseTo(
        Math.max(Number(row.probability_Yes), Number(row.probability_No)),
        12,
      );
      if (row.predicted_label === 'Yes') yes += 1;
    }
    expect(summary.share_Yes).toBeCloseTo(yes / rows.length, 12);

    // A second run appends (another timestamp) in the same table.
    const again = await batchRun(root, {
      model_source: training.runDir,
      features_uri: 'data/churn_sample.csv',
      key_column: 'customerID',
      destination: db,
    });
    expect(again.code, again.stderr).toBe(0);
    const both = await sqliteRows(db);
    expect(both).toHaveLength(2 * expected.size);
    expect(new Set(both.map((row) => row.predicted_at)).size).toBe(2);
  });

  it('writes the same predictions to the predictions output whatever the chunk size', async () => {
    const small = await batchRun(root, {
      model_source: training.runRecord,
      features_uri: CHURN,
      chunk_rows: '7',
    });
    const large = await batchRun(root, { model_source: training.runRecord, features_uri: CHURN });
    expect(small.code, small.stderr).toBe(0);
    expect(large.code, large.stderr).toBe(0);
    const strip = (rows: Row[]): Row[] => rows.map(({ predicted_at: _, ...rest }) => rest);
    const smallRows = parseCsv(await readFile(outputUri(small.record!, 'predictions'), 'utf8'));
    const largeRows = parseCsv(await readFile(outputUri(large.record!, 'predictions'), 'utf8'));
    expect(smallRows).toHaveLength(expected.size);
    // The same text, but for the last bits of a linear model's probabilities: an optimised BLAS
    // (OpenBLAS, as numpy's wheels ship) sums a dot product in another order for 7 rows and 600.
    const [sameText, nearly] = [strip(smallRows), strip(largeRows)];
    expect(sameText.map((row) => Object.keys(row))).toEqual(nearly.map((row) => Object.keys(row)));
    const apart = sameText.flatMap((row, index) =>
      Object.entries(row).map(([column, text]) => {
        const other = nearly[index]?.[column] ?? '';
        return text === other ? 0 : Math.abs(Number(text) - Number(other));
      }),
    );
    expect(Math.max(...apart)).toBeLessThan(1e-12);
    // Without a key column the key is the row number, in input order.
    expect(smallRows.map((row) => row.row_key)).toEqual(
      Array.from({ length: expected.size }, (_, i) => String(i)),
    );
    const keys = [...expected.keys()];
    smallRows.forEach((row, index) =>
      expect(row.predicted_label).toBe(expected.get(keys[index] ?? '')?.label),
    );
  });

  it('reads a gs:// run record and its model through the Cloud Storage FUSE mount', async () => {
    // The record of a Vertex run names gs:// URIs; on Vertex AI they are read under /gcs.
    const fuse = join(root, 'gcs');
    const bucket = join(fuse, 'team-bucket');
    await mkdir(bucket, { recursive: true });
    await cp(training.runDir, join(bucket, 'run'), { recursive: true });
    const text = (await readFile(training.runRecord, 'utf8')).replaceAll(
      training.runDir,
      'gs://team-bucket/run',
    );
    await writeFile(join(bucket, 'run', 'run.json'), text);
    const csv = join(root, 'out', 'gcs.csv');
    const run = await batchRun(
      root,
      {
        model_source: 'gs://team-bucket/run/run.json',
        features_uri: 'gs://team-bucket/run/load-data/dataset',
        destination: csv,
      },
      { MLOPS_GCS_FUSE_ROOT: fuse },
    );
    expect(run.code, run.stderr + run.stdout).toBe(0);
    const rows = parseCsv(await readFile(csv, 'utf8'));
    expect(rows).toHaveLength(expected.size);
    expect(existsSync(`${csv}.partial`)).toBe(false);
  });

  it('scores a BigQuery table with a Model Registry version into BigQuery (emulated Google Cloud)', async () => {
    const google = await startGoogle(root, modelDir);
    try {
      const run = await batchRun(
        root,
        {
          model_source: `${google.vertex.parent}/models/${google.modelId}@champion`,
          features_uri: 'bq://acme-ml.ml.features',
          destination: 'bq://acme-ml.ml.predictions',
          key_column: 'customerID',
          chunk_rows: '128',
        },
        google.env,
      );
      expect(run.code, run.stderr + run.stdout).toBe(0);
      const rows = google.bigquery.rows('ml.predictions');
      expect(rows).toHaveLength(expected.size);
      const version = `projects/${google.vertex.projectNumber}/locations/us-central1/models/${google.modelId}@1`;
      for (const row of rows) {
        const want = expected.get(String(row.row_key));
        expect(row.model_version).toBe(version);
        expect(row.predicted_label).toBe(want?.label);
        expect(Number(row.probability_Yes)).toBeCloseTo(want?.probabilities.Yes ?? NaN, 9);
      }
      // Features were read page by page (128 rows asked each time), predictions streamed in
      // requests of at most 500 rows.
      const calls = google.bigquery.calls();
      expect(calls.listTableData).toBe(Math.ceil(expected.size / 128));
      expect(calls.insertAll).toBeGreaterThanOrEqual(Math.ceil(expected.size / 128));
      // The receipt names the destination and the version; the token never reached the log.
      const receipt = JSON.parse(await readFile(outputUri(run.record!, 'predictions'), 'utf8')) as {
        destination: string;
        model_version: string;
        rows: number;
      };
      expect(receipt).toMatchObject({
        destination: 'bq://acme-ml.ml.predictions',
        model_version: version,
        rows: expected.size,
      });
      const log = await readFile(join(run.record!.location, 'batch-predict', 'task.log'), 'utf8');
      for (const token of google.metadata.issuedTokens()) expect(log).not.toContain(token);

      // A lost insertAll answer is retried; the insert IDs keep every row once.
      google.bigquery.faults.loseNextResponses(1, { route: 'insertAll' });
      const again = await batchRun(
        root,
        {
          model_source: `${google.vertex.parent}/models/${google.modelId}@1`,
          features_uri: 'bq://acme-ml.ml.features',
          destination: 'bq://acme-ml.ml.retried',
          key_column: 'customerID',
        },
        google.env,
      );
      expect(again.code, again.stderr).toBe(0);
      expect(google.bigquery.rows('ml.retried')).toHaveLength(expected.size);
      expect(google.bigquery.table('ml.retried')?.dedupedRows).toBeGreaterThan(0);

      // Without the FUSE mount (a laptop), the version's two files are downloaded instead.
      const downloaded = await batchRun(
        root,
        {
          model_source: `${google.vertex.parent}/models/${google.modelId}@champion`,
          features_uri: 'bq://acme-ml.ml.features',
          destination: 'bq://acme-ml.ml.downloaded',
          key_column: 'customerID',
        },
        { ...google.env, MLOPS_GCS_FUSE_ROOT: join(root, 'no-such-mount') },
      );
      expect(downloaded.code, downloaded.stderr + downloaded.stdout).toBe(0);
      expect(google.storage.calls().download).toBe(2);
      const fromDownload = google.bigquery.rows('ml.downloaded');
      expect(fromDownload).toHaveLength(expected.size);
      for (const row of fromDownload)
        expect(row.predicted_label).toBe(expected.get(String(row.row_key))?.label);

      // An unknown model version is one clear error, and no table is created.
      const missing = await batchRun(
        root,
        {
          model_source: `${google.vertex.parent}/models/${google.modelId}@7`,
          features_uri: 'bq://acme-ml.ml.features',
          destination: 'bq://acme-ml.ml.never',
        },
        google.env,
      );
      expect(missing.code).not.toBe(0);
      expect(missing.stdout + missing.stderr).toMatch(
        /Vertex AI model .*@7 was not found \(HTTP 404/,
      );
      expect(google.bigquery.table('ml.never')).toBeUndefined();
    } finally {
      await google.close();
    }
  });

  describe('refuses bad input with one line and writes nothing', () => {
    async function component(args: string[]): Promise<{ code: number; stderr: string }> {
      const out = join(root, 'bad', String(Date.now()));
      const result = await runPython([
        '-m',
        'components.batch_predict',
        ...args,
        '--predictions',
        join(out, 'predictions'),
        '--summary',
        join(out, 'summary'),
        '--rows-scored',
        join(out, 'rows_scored'),
      ]);
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^batch_predict: error: /);
      for (const name of ['predictions', 'summary', 'rows_scored'])
        expect(existsSync(join(out, name)), name).toBe(false);
      return result;
    }

    it('a hand-copied model folder', async () => {
      const result = await component(['--model-source', modelDir, '--features-uri', CHURN]);
      expect(result.stderr).toMatch(
        /is a model folder; give the run record .* or a Model Registry model/,
      );
    });

    it('a run whose model missed the quality bar', async () => {
      const record = JSON.parse(await readFile(training.runRecord, 'utf8')) as RunRecord;
      const task = record.tasks['condition-1/package-model'];
      if (!task) throw new Error('no package-model task');
      task.state = 'SKIPPED';
      task.artifacts = {};
      const file = join(root, 'skipped-run.json');
      await writeFile(file, JSON.stringify(record));
      const result = await component(['--model-source', file, '--features-uri', CHURN]);
      expect(result.stderr).toMatch(
        /produced no deployable_model: task\(s\) condition-1\/package-model did not run/,
      );
    });

    it('a model file that is not the one the run recorded, before unpickling it', async () => {
      const record = JSON.parse(await readFile(training.runRecord, 'utf8')) as RunRecord;
      const packaged = record.tasks['condition-1/package-model']?.artifacts.deployable_model?.[0];
      if (!packaged) throw new Error('no deployable_model');
      const swapped = join(root, 'swapped-model');
      await cp(packaged.uri, swapped, { recursive: true });
      await writeFile(join(swapped, 'model.joblib'), 'not the trained model');
      packaged.uri = swapped;
      const file = join(root, 'swapped-run.json');
      await writeFile(file, JSON.stringify(record));
      const result = await component(['--model-source', file, '--features-uri', CHURN]);
      expect(result.stderr).toMatch(
        /swapped-model\/model\.joblib has sha256 [0-9a-f]{64}, but model_sha256 of run .*'s condition-1\/package-model\/deployable_model is [0-9a-f]{64}: it is not the model that was packaged/,
      );
    });

    it('a gs:// model outside its bucket', async () => {
      const record = JSON.parse(await readFile(training.runRecord, 'utf8')) as RunRecord;
      const packaged = record.tasks['condition-1/package-model']?.artifacts.deployable_model?.[0];
      if (!packaged) throw new Error('no deployable_model');
      packaged.uri = 'gs://bucket/../../etc/passwd';
      const file = join(root, 'escaping-run.json');
      await writeFile(file, JSON.stringify(record));
      const result = await component(['--model-source', file, '--features-uri', CHURN]);
      expect(result.stderr).toContain(
        "'gs://bucket/../../etc/passwd' has a . or .. segment, which could reach files outside its folder",
      );
    });

    it('input without the model features, before touching the destination', async () => {
      const csv = join(root, 'partial.csv');
      await writeFile(csv, 'customerID,gender,tenure\nA,Male,3\n');
      const db = join(root, 'untouched.db');
      const result = await component([
        '--model-source',
        training.runRecord,
        '--features-uri',
        csv,
        '--destination',
        db,
      ]);
      expect(result.stderr).toMatch(/features .* lacks column\(s\) 'SeniorCitizen', 'Partner'/);
      expect(existsSync(db)).toBe(false);
    });

    it('an empty key, leaving the SQLite table as it was', async () => {
      const csv = join(root, 'blank-key.csv');
      const source = (await readFile(CHURN, 'utf8')).trim().split('\n');
      const broken = [...source.slice(0, 200), `,${source[200]?.split(',').slice(1).join(',')}`];
      await writeFile(csv, `${broken.join('\n')}\n`);
      const db = join(root, 'keys.db');
      const result = await component([
        '--model-source',
        training.runRecord,
        '--features-uri',
        csv,
        '--key-column',
        'customerID',
        '--destination',
        db,
        '--chunk-rows',
        '50',
      ]);
      expect(result.stderr).toMatch(/key column 'customerID' is empty in data row 200/);
      // The first chunks were scored, but the transaction was rolled back.
      const rows = await runPython([
        '-c',
        'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); print(c.execute("select count(*) from sqlite_master").fetchone()[0])',
        db,
      ]);
      expect(rows.stdout.trim()).toBe('0');
    });

    it('an unknown destination or scheme', async () => {
      const parquet = await component([
        '--model-source',
        training.runRecord,
        '--features-uri',
        CHURN,
        '--destination',
        join(root, 'out.parquet'),
      ]);
      expect(parquet.stderr).toMatch(/use a .csv file, a SQLite file/);
      const s3 = await component([
        '--model-source',
        training.runRecord,
        '--features-uri',
        's3://bucket/features.csv',
      ]);
      expect(s3.stderr).toMatch(/unsupported scheme s3:\/\//);
    });
  });
});
