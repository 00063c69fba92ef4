/**
 * pipelines/components/bigquery.py and cloud/google_api.py, run by a real Python against the BigQuery
 * REST and GCE metadata server emulators (tests/emulators), reached the way they are reached on
 * Vertex AI: the token from the metadata server (GCE_METADATA_HOST), BigQuery at
 * MLOPS_BIGQUERY_ENDPOINT. tests/fixtures/bigquery/driver.py makes the calls a component makes.
 *
 * Needs a Python with pandas (and the rest of pipelines/requirements.txt): /usr/bin/python3
 * unless MLOPS_PYTHON is set. Without one the tests are skipped with a warning (a failure in CI).
 */
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unusedPort } from '../helpers/ports.js';
import {
  BIGQUERY_ROUTES,
  isoMicros,
  startBigQueryEmulator,
  type BigQueryEmulator,
} from '../emulators/bigquery.js';
import { Clock, FaultInjector, RequestLog } from '../emulators/http-server.js';
import {
  METADATA_SERVER,
  startMetadataServer,
  type MetadataServer,
} from '../emulators/metadata-server.js';
import { runPython, type ProcessResult } from '../helpers/packaged-model.js';
import { REPO_ROOT, tempDir } from '../helpers/paths.js';
import { pythonWithSklearn } from '../helpers/services.js';

const DRIVER = join(REPO_ROOT, 'tests/fixtures/bigquery/driver.py');
const PROJECT = 'acme-ml';
const MODEL_VERSION = 'projects/acme-ml/locations/us-central1/models/churn@3';

const SCHEMA = [
  { name: 'row_key', type: 'STRING', mode: 'REQUIRED' },
  { name: 'predicted_label', type: 'STRING', mode: 'REQUIRED' },
  { name: 'predicted_probability', type: 'FLOAT', mode: 'NULLABLE' },
  { name: 'probability_No', type: 'FLOAT', mode: 'NULLABLE' },
  { name: 'probability_Yes', type: 'FLOAT', mode: 'NULLABLE' },
  { name: 'segment', type: 'INTEGER', mode: 'NULLABLE' },
  { name: 'flagged', type: 'BOOLEAN', mode: 'NULLABLE' },
  { name: 'model_version', type: 'STRING', mode: 'REQUIRED' },
  { name: 'predicted_at', type: 'TIMESTAMP', mode: 'REQUIRED' },
];

const DTYPES = {
  row_key: 'object',
  predicted_label: 'object',
  predicted_probability: 'float64',
  probability_No: 'float64',
  probability_Yes: 'float64',
  segment: 'object',
  flagged: 'object',
  model_version: 'object',
  predicted_at: 'datetime64[ns, UTC]',
};

type Row = Record<string, unknown>;

/** Prediction rows as batch_predict writes them, with NULLs, and timestamps to the microsecond. */
function predictions(count: number, start = 0): Row[] {
  return Array.from({ length: count }, (_, k) => {
    const i = start + k;
    const yes = ((i * 37) % 1000) / 1000;
    return {
      row_key: `cust-${String(i).padStart(5, '0')}`,
      predicted_label: yes >= 0.5 ? 'Yes' : 'No',
      predicted_probability: Math.max(yes, 1 - yes),
      probability_No: 1 - yes,
      probability_Yes: yes,
      segment: i % 7 === 0 ? null : i * 1_000_003,
      flagged: i % 3 === 0 ? null : i % 2 === 0,
      model_version: MODEL_VERSION,
      predicted_at: isoMicros(
        BigInt(1_704_067_200 + i) * 1_000_000n + BigInt((i * 7919) % 1_000_000),
      ),
    };
  });
}

/** The same rows as the emulator stores them (INTEGER as text). */
function asStored(rows: Row[]): Row[] {
  return rows.map((row) => ({
    ...row,
    segment: typeof row.segment === 'number' ? String(row.segment) : null,
  }));
}

const clock = new Clock();
const faults = new FaultInjector();
const requests = new RequestLog();
const outputs: string[] = [];
const forgedTokens: string[] = [];
let metadata: MetadataServer;
let bq: BigQueryEmulator;
let dir: string;
let tables = 0;
let files = 0;

function newTable(dataset = 'ml'): { ref: string; uri: string } {
  tables += 1;
  const ref = `${PROJECT}.${dataset}.predictions_${tables}`;
  return { ref, uri: `bq://${ref}` };
}

interface DriverResult extends ProcessResult {
  /** The JSON documents printed on stdout. */
  documents: Array<Record<string, unknown>>;
}

async function driver(args: string[], env: Record<string, string> = {}): Promise<DriverResult> {
  const result = await runPython([DRIVER, ...args], {
    GCE_METADATA_HOST: metadata.host,
    MLOPS_BIGQUERY_ENDPOINT: bq.url,
    GOOGLE_OAUTH_ACCESS_TOKEN: '',
    MLOPS_VERTEX_ENDPOINT: '',
    ...env,
  });
  outputs.push(result.stdout, result.stderr);
  const documents = result.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { ...result, documents };
}

async function succeeds(args: string[], env: Record<string, string> = {}): Promise<DriverResult> {
  const result = await driver(args, env);
  expect(result.stderr, result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result;
}

/** The one line a failing component prints, without the `bigquery-driver: error: ` prefix. */
async function fails(args: string[], env: Record<string, string> = {}): Promise<string> {
  const result = await driver(args, env);
  expect(result.code).toBe(1);
  const lines = result.stderr.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  const prefix = 'bigquery-driver: error: ';
  expect(lines[0]?.startsWith(prefix)).toBe(true);
  return (lines[0] ?? '').slice(prefix.length);
}

async function writeJson(name: string, value: unknown): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, JSON.stringify(value));
  return file;
}

/** Driver arguments: `write` (write_rows in chunks) or `insert` (prepare_table + insert_rows). */
async function writeCommand(
  uri: string,
  rows: Row[],
  {
    command = 'write',
    chunkRows = 1000,
    schema = SCHEMA,
    extra = [],
  }: {
    command?: 'write' | 'insert';
    chunkRows?: number;
    schema?: unknown[];
    extra?: string[];
  } = {},
): Promise<string[]> {
  files += 1;
  return [
    command,
    uri,
    await writeJson(`rows-${files}.json`, rows),
    await writeJson(`schema-${files}.json`, schema),
    ...(command === 'write' ? ['--chunk-rows', String(chunkRows)] : []),
    '--run-id',
    `run-${files}`,
    ...extra,
  ];
}

/** A table holding `rows` already, for tests about reading. */
function seeded(rows: Row[]): { ref: string; uri: string } {
  const table = newTable();
  bq.createTable(table.ref, SCHEMA);
  bq.seedRows(table.ref, rows);
  return table;
}

function readRecords(result: DriverResult): Row[] {
  return result.documents.flatMap((document) => document.records as Row[]);
}

/** Rows per insertAll request to a table since `since` (a request log sequence number). */
function insertBatches(ref: string, since: number): number[] {
  const [, dataset, table] = ref.split('.');
  return requests
    .filter({
      route: BIGQUERY_ROUTES.insertAll,
      path: `/bigquery/v2/projects/${PROJECT}/datasets/${dataset}/tables/${table}/insertAll`,
    })
    .filter((entry) => entry.seq > since)
    .map((entry) => (entry.body as { rows: unknown[] }).rows.length);
}

const lastSeq = () => requests.all().at(-1)?.seq ?? 0;

describe.skipIf(!pythonWithSklearn())('BigQuery from components (stdlib REST client)', () => {
  beforeAll(async () => {
    dir = await tempDir('bigquery');
    metadata = await startMetadataServer({ clock, faults, requests });
    bq = await startBigQueryEmulator({
      project: PROJECT,
      datasets: ['ml'],
      validateToken: (token) => metadata.validateAccessToken(token),
      maxRowsPerPage: 250,
      clock,
      faults,
      requests,
    });
  });

  afterAll(async () => {
    await Promise.all([metadata?.close(), bq?.close()]);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes predictions in chunks, creating the table, and reads them back page by page with their types', async () => {
    const { ref, uri } = newTable();
    const rows = predictions(1234);
    const since = lastSeq();
    const tokensBefore = metadata.tokenRequests();

    const written = await succeeds(await writeCommand(uri, rows, { chunkRows: 300 }));
    expect(written.documents).toEqual([{ written: 1234 }]);
    expect(written.stdout).toContain(
      `created BigQuery table ${ref} with columns row_key, predicted_label,`,
    );
    expect(insertBatches(ref, since)).toEqual([300, 300, 300, 300, 34]);
    expect(bq.table(ref)?.schema.map((field) => [field.name, field.type, field.mode])).toEqual(
      SCHEMA.map((field) => [field.name, field.type, field.mode]),
    );
    expect(bq.rows(ref)).toEqual(asStored(rows));

    const read = await succeeds(['read', uri, '--chunk-rows', '100']);
    expect(read.documents.map((document) => document.rows)).toEqual([
      ...Array<number>(12).fill(100),
      34,
    ]);
    for (const document of read.documents) {
      expect(document.columns).toEqual(SCHEMA.map((field) => field.name));
      expect(document.dtypes).toEqual(DTYPES);
    }
    expect(readRecords(read)).toEqual(rows);
    const pages = requests
      .filter({ route: BIGQUERY_ROUTES.listTableData })
      .filter((entry) => entry.seq > since);
    expect(pages).toHaveLength(13);
    expect(pages[0]?.query).toEqual({
      maxResults: '100',
      'formatOptions.useInt64Timestamp': 'true',
    });
    // One token per process: the metadata server's token is cached across requests.
    expect(metadata.tokenRequests() - tokensBefore).toBe(2);
  });

  it('reads the columns asked, in the order asked, matched case-insensitively; pages may be smaller than asked', async () => {
    const rows = predictions(600, 5000);
    const { ref, uri } = seeded(rows);
    const since = lastSeq();
    const read = await succeeds([
      'read',
      uri,
      '--chunk-rows',
      '1000',
      '--columns',
      'predicted_at,ROW_KEY,segment',
    ]);
    // The emulator, like BigQuery, caps a page (here at 250 rows) whatever maxResults asks.
    expect(read.documents.map((document) => document.rows)).toEqual([250, 250, 100]);
    expect(read.documents[0]?.columns).toEqual(['predicted_at', 'ROW_KEY', 'segment']);
    expect(readRecords(read)).toEqual(
      rows.map((row) => ({
        predicted_at: row.predicted_at,
        ROW_KEY: row.row_key,
        segment: row.segment,
      })),
    );
    const asked = requests
      .filter({ route: BIGQUERY_ROUTES.listTableData })
      .find((entry) => entry.seq > since);
    expect(asked?.query.selectedFields).toBe('row_key,segment,predicted_at');
    expect(bq.table(ref)?.rowCount).toBe(600);
  });

  it('feeds batch_predict features (data_sources.read_chunks) cast the way CSV cells are', async () => {
    const rows = predictions(40);
    const { uri } = seeded(rows);
    const read = await succeeds([
      'features',
      uri,
      '--chunk-rows',
      '25',
      '--kinds',
      'probability_Yes=numeric,segment=categorical,flagged=categorical',
      '--key',
      'row_key',
    ]);
    expect(read.documents.map((document) => document.rows)).toEqual([25, 15]);
    expect(read.documents[0]?.dtypes).toEqual({
      probability_Yes: 'float64',
      segment: 'object',
      flagged: 'object',
      row_key: 'object',
    });
    // Integer and boolean categories become the text a CSV holds ("3", "True"), as in training.
    expect(readRecords(read)).toEqual(
      rows.map((row) => ({
        probability_Yes: row.probability_Yes,
        segment: typeof row.segment === 'number' ? String(row.segment) : null,
        flagged: typeof row.flagged === 'boolean' ? (row.flagged ? 'True' : 'False') : null,
        row_key: row.row_key,
      })),
    );
  });

  it('splits insertAll requests at 500 rows and about 9 MB', async () => {
    const many = newTable();
    let since = lastSeq();
    await succeeds(await writeCommand(many.uri, predictions(1200), { chunkRows: 5000 }));
    expect(insertBatches(many.ref, since)).toEqual([500, 500, 200]);

    const large = newTable();
    const schema = [
      { name: 'row_key', type: 'STRING', mode: 'REQUIRED' },
      { name: 'blob', type: 'STRING' },
    ];
    const rows = Array.from({ length: 40 }, (_, i) => ({
      row_key: `big-${i}`,
      blob: String.fromCharCode(97 + (i % 26)).repeat(400_000),
    }));
    since = lastSeq();
    await succeeds(await writeCommand(large.uri, rows, { schema }));
    const bodies = requests
      .filter({ route: BIGQUERY_ROUTES.insertAll })
      .filter((entry) => entry.seq > since)
      .map((entry) => JSON.stringify(entry.body).length);
    expect(bodies.length).toBeGreaterThanOrEqual(2);
    for (const size of bodies) expect(size).toBeLessThanOrEqual(9_000_000);
    expect(bq.rows(large.ref)).toEqual(rows);
  });

  it('retries an insertAll whose answer was lost, and BigQuery keeps each row once by its insert ID', async () => {
    const { ref, uri } = newTable();
    const rows = predictions(700);
    const since = lastSeq();
    bq.faults.loseNextResponses(1, { route: 'insertAll' });
    const result = await succeeds(await writeCommand(uri, rows, { chunkRows: 700 }));
    expect(result.documents).toEqual([{ written: 700 }]);
    expect(result.stdout).toMatch(
      new RegExp(`BigQuery table ${ref}: HTTP 503: .*; retrying in \\d+\\.\\ds \\(attempt 2\\)`),
    );
    expect(insertBatches(ref, since)).toEqual([500, 500, 200]);
    expect(bq.table(ref)).toMatchObject({ rowCount: 700, dedupedRows: 500 });
    expect(bq.rows(ref)).toEqual(asStored(rows));
    expect(bq.faults.pending()).toBe(0);
  });

  it('retries transient read failures (503, 403 rateLimitExceeded) and gives up after 5 attempts in one line', async () => {
    const { ref, uri } = seeded(predictions(30));
    bq.faults.failNext(2, 503, { route: 'listTableData', retryAfterSeconds: 0 });
    bq.faults.failNext(1, 403, { route: 'listTableData', retryAfterSeconds: 0 });
    const since = lastSeq();
    const read = await succeeds(['read', uri, '--chunk-rows', '10']);
    expect(readRecords(read)).toHaveLength(30);
    expect(
      requests.filter({ route: BIGQUERY_ROUTES.listTableData }).filter((e) => e.seq > since),
    ).toHaveLength(3 + 3);

    bq.faults.failNext(5, 503, { route: 'getTable', retryAfterSeconds: 0 });
    expect(await fails(['read', uri, '--chunk-rows', '10'])).toBe(
      `BigQuery table ${ref}: still failing after 5 attempts (HTTP 503: Error encountered during execution. Retrying may solve the problem.)`,
    );
    expect(bq.faults.pending()).toBe(0);
  });

  it('reports refused rows in one line with their positions and reasons; that request stores nothing', async () => {
    const { ref, uri } = seeded(predictions(10, 90_000));
    const rows: Row[] = predictions(600);
    rows[503] = { ...rows[503], predicted_probability: 'high' };
    rows[507] = { ...rows[507], predicted_probability: 'low' };
    rows[510] = { ...rows[510], row_key: null };
    // prepare_table + one insert_rows call, as batch_predict writes each chunk.
    expect(await fails(await writeCommand(uri, rows, { command: 'insert' }))).toBe(
      `BigQuery table ${ref} refused 3 of 100 rows sent in one request, so none of those 100 were stored ` +
        '(500 rows of this write were stored before them): ' +
        'row 503: predicted_probability: Cannot convert value to floating point (bad value): high; ' +
        'row 507: predicted_probability: Cannot convert value to floating point (bad value): low; ' +
        'row 510: row_key: Missing required field: row_key.',
    );
    expect(bq.table(ref)?.rowCount).toBe(510);
  });

  it('says which table or dataset is missing, and checks an existing table fits before writing', async () => {
    expect(await fails(['read', `bq://${PROJECT}.ml.nope`, '--chunk-rows', '10'])).toBe(
      `BigQuery table ${PROJECT}.ml.nope was not found (HTTP 404: Not found: Table ${PROJECT}:ml.nope)`,
    );
    const absent = newTable('absent');
    expect(await fails(await writeCommand(absent.uri, predictions(3)))).toBe(
      `BigQuery dataset ${PROJECT}.absent was not found (HTTP 404: Not found: Dataset ${PROJECT}:absent): ` +
        `create it first, e.g. bq mk --dataset --location=<region of your jobs> ${PROJECT}:absent`,
    );
    const uncreated = newTable();
    expect(
      await fails(await writeCommand(uncreated.uri, predictions(3), { extra: ['--no-create'] })),
    ).toBe(
      `BigQuery table ${uncreated.ref} was not found (HTTP 404: Not found: Table ${PROJECT}:${uncreated.ref.replace(`${PROJECT}.`, '')})`,
    );

    const other = newTable();
    bq.createTable(other.ref, [
      ...SCHEMA.filter((field) => field.name !== 'predicted_probability'),
      { name: 'predicted_probability', type: 'STRING' },
      { name: 'audited_by', type: 'STRING', mode: 'REQUIRED' },
    ]);
    const since = lastSeq();
    expect(await fails(await writeCommand(other.uri, predictions(3)))).toBe(
      `BigQuery table ${other.ref} does not fit the rows to write: column 'predicted_probability' is NULLABLE STRING, ` +
        "not FLOAT; its REQUIRED column 'audited_by' would get no value; write to another table, or change this one " +
        '(ALTER TABLE ... ADD COLUMN ...)',
    );
    expect(insertBatches(other.ref, since)).toEqual([]);
  });

  it('refuses nested columns, views and malformed table URIs with clear errors', async () => {
    const nested = newTable();
    bq.createTable(nested.ref, [
      { name: 'id', type: 'INTEGER' },
      { name: 'address', type: 'RECORD', fields: [{ name: 'city', type: 'STRING' }] },
      { name: 'tags', type: 'STRING', mode: 'REPEATED' },
    ]);
    bq.seedRows(nested.ref, [{ id: 1, address: { city: 'Oslo' }, tags: ['a'] }]);
    expect(await fails(['read', nested.uri, '--chunk-rows', '10'])).toBe(
      `BigQuery table ${nested.ref} has nested or repeated column(s) 'address' (NULLABLE RECORD), 'tags' ` +
        '(REPEATED STRING), which are not read: select other columns, or flatten them into a table first',
    );
    const flat = await succeeds(['read', nested.uri, '--chunk-rows', '10', '--columns', 'id']);
    expect(readRecords(flat)).toEqual([{ id: 1 }]);

    const view = newTable();
    bq.createView(view.ref, 'SELECT 1 AS id');
    expect(await fails(['read', view.uri, '--chunk-rows', '10'])).toBe(
      `BigQuery table ${view.ref} is a VIEW, whose rows cannot be listed: materialize it into a table first ` +
        `(CREATE TABLE ... AS SELECT * FROM \`${view.ref}\`) and read that`,
    );
    expect(await fails(['read', `bq://${PROJECT}.ml`, '--chunk-rows', '10'])).toBe(
      `'bq://${PROJECT}.ml' is not a BigQuery table URI: expected bq://PROJECT.DATASET.TABLE`,
    );
    expect(await fails(['read', nested.uri, '--chunk-rows', '10', '--columns', 'id,zip'])).toBe(
      `BigQuery table ${nested.ref} lacks column(s) 'zip'; it has 'id', 'address', 'tags'`,
    );
  });

  it('uses GOOGLE_OAUTH_ACCESS_TOKEN instead of the metadata server, and says what to do when it is refused', async () => {
    const { uri } = seeded(predictions(5));
    const tokensBefore = metadata.tokenRequests();

    const valid = (
      (await (
        await fetch(`${metadata.url}/computeMetadata/v1/instance/service-accounts/default/token`, {
          headers: { 'Metadata-Flavor': 'Google' },
        })
      ).json()) as { access_token: string }
    ).access_token;
    const read = await succeeds(['read', uri, '--chunk-rows', '10'], {
      GOOGLE_OAUTH_ACCESS_TOKEN: valid,
      GCE_METADATA_HOST: '127.0.0.1:9',
    });
    expect(readRecords(read)).toHaveLength(5);

    const forged = `ya29.forged-${randomBytes(12).toString('hex')}`;
    forgedTokens.push(forged);
    const refused = await fails(['read', uri, '--chunk-rows', '10'], {
      GOOGLE_OAUTH_ACCESS_TOKEN: forged,
    });
    expect(refused).toMatch(
      /: the access token was refused \(HTTP 401: Request had invalid authentication credentials\. .*\); GOOGLE_OAUTH_ACCESS_TOKEN is not a valid token or has expired \(they last an hour\): set it again from `gcloud auth print-access-token`$/,
    );
    // Only the explicit fetch above asked the metadata server.
    expect(metadata.tokenRequests() - tokensBefore).toBe(1);
  });

  it('explains a missing metadata server, and retries a failing one', async () => {
    const port = await unusedPort();
    expect(
      await fails(['read', `bq://${PROJECT}.ml.any`, '--chunk-rows', '10'], {
        GCE_METADATA_HOST: `127.0.0.1:${port}`,
      }),
    ).toMatch(
      new RegExp(
        `^no Google access token: the metadata server at 127\\.0\\.0\\.1:${port} is not reachable \\(.*Connection refused.*\\), ` +
          'so this is not a Vertex AI, Compute Engine or GKE workload; to run the component elsewhere set ' +
          'GOOGLE_OAUTH_ACCESS_TOKEN, e\\.g\\. export GOOGLE_OAUTH_ACCESS_TOKEN=\\$\\(gcloud auth print-access-token\\)$',
      ),
    );

    const { uri } = seeded(predictions(4));
    faults.failNext(1, { server: METADATA_SERVER, status: 503, body: 'Service Unavailable' });
    const read = await succeeds(['read', uri, '--chunk-rows', '10']);
    expect(read.stdout).toMatch(/metadata server 127\.0\.0\.1:\d+: HTTP 503; retrying in/);
    expect(readRecords(read)).toHaveLength(4);
  });

  it('names the role to grant when IAM denies access', async () => {
    const guarded = await startBigQueryEmulator({
      project: PROJECT,
      datasets: ['ml'],
      validateToken: (token) => metadata.validateAccessToken(token),
      authorize: (check) => check.permission !== 'bigquery.tables.getData',
    });
    try {
      guarded.createTable(`${PROJECT}.ml.secret`, [{ name: 'id', type: 'INTEGER' }]);
      expect(
        await fails(['read', `bq://${PROJECT}.ml.secret`, '--chunk-rows', '10'], {
          MLOPS_BIGQUERY_ENDPOINT: guarded.url,
        }),
      ).toBe(
        `permission denied on BigQuery table ${PROJECT}.ml.secret (HTTP 403: Access Denied: Table ${PROJECT}:ml.secret: ` +
          `Permission bigquery.tables.getData denied on table ${PROJECT}:ml.secret (or it may not exist).): ` +
          "grant roles/bigquery.dataViewer to the identity running the component (on Vertex AI, the pipeline job's service account)",
      );
    } finally {
      await guarded.close();
    }
  });

  it('builds Vertex AI and BigQuery URLs from the endpoint variables or the public hosts', async () => {
    const defaults = await succeeds(['urls'], { MLOPS_BIGQUERY_ENDPOINT: '' });
    expect(defaults.documents).toEqual([
      {
        vertex: 'https://europe-west4-aiplatform.googleapis.com/v1/projects/p/locations/x',
        bigquery: 'https://bigquery.googleapis.com/bigquery/v2/projects/p',
      },
    ]);
    const moved = await succeeds(['urls'], {
      MLOPS_VERTEX_ENDPOINT: 'http://127.0.0.1:8080/{region}/',
      MLOPS_BIGQUERY_ENDPOINT: 'http://127.0.0.1:8081/',
    });
    expect(moved.documents).toEqual([
      {
        vertex: 'http://127.0.0.1:8080/europe-west4/v1/projects/p/locations/x',
        bigquery: 'http://127.0.0.1:8081/bigquery/v2/projects/p',
      },
    ]);
    expect(await fails(['urls', '--location', 'evil.example.com/'])).toBe(
      "'evil.example.com/' is not a Google Cloud location (e.g. us-central1)",
    );
  });

  it('never prints an access token', () => {
    const tokens = [...metadata.issuedTokens(), ...forgedTokens];
    expect(tokens.length).toBeGreaterThan(1);
    expect(outputs.length).toBeGreaterThan(20);
    for (const output of outputs) for (const token of tokens) expect(output).not.toContain(token);
    for (const entry of requests.filter({ server: 'bigquery' }))
      expect(entry.headers.authorization ?? '').not.toMatch(/ya29/);
  });
});
