/**
 * The BigQuery REST v2 and GCE metadata server emulators, spoken to with plain fetch the way
 * pipelines/cloud/google_api.py speaks to the real services.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BIGQUERY_ROUTES,
  isoMicros,
  javaDouble,
  startBigQueryEmulator,
  type BigQueryAuthorizationCheck,
  type BigQueryEmulator,
} from './bigquery.js';
import { Clock, FaultInjector, RequestLog } from './http-server.js';
import { startMetadataServer, type MetadataServer } from './metadata-server.js';

const TOKEN_PATH = '/computeMetadata/v1/instance/service-accounts/default/token';

const clock = new Clock();
const faults = new FaultInjector();
const requests = new RequestLog();
const closers: Array<() => Promise<void>> = [];
let metadata: MetadataServer;
let bq: BigQueryEmulator;
let token: string;
let tableCount = 0;

interface Reply {
  status: number;
  body: unknown;
  headers: Headers;
}

interface TokenReply {
  access_token: string;
  expires_in: number;
  token_type: string;
}

interface DataList {
  totalRows: string;
  pageToken?: string;
  rows?: Array<{ f: Array<{ v: unknown }> }>;
}

interface InsertAllReply {
  insertErrors?: Array<{ index: number; errors: Array<Record<string, string>> }>;
}

interface ErrorReply {
  error: {
    code: number;
    message: string;
    status: string;
    errors: Array<Record<string, string>>;
  };
}

async function fetchToken(server: MetadataServer): Promise<TokenReply> {
  const response = await fetch(`${server.url}${TOKEN_PATH}`, {
    headers: { 'Metadata-Flavor': 'Google' },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as TokenReply;
}

async function api(
  method: string,
  path: string,
  body?: unknown,
  { bearer = token, emulator = bq }: { bearer?: string | null; emulator?: BigQueryEmulator } = {},
): Promise<Reply> {
  const response = await fetch(`${emulator.url}/bigquery/v2/projects/acme-ml${path}`, {
    method,
    headers: {
      ...(bearer === null ? {} : { authorization: `Bearer ${bearer}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as unknown) : {},
    headers: response.headers,
  };
}

const errorOf = (reply: Reply) => (reply.body as ErrorReply).error;

function newTable(): string {
  tableCount += 1;
  return `t${tableCount}`;
}

const SCHEMA = [
  { name: 'id', type: 'INT64', mode: 'REQUIRED' },
  { name: 'score', type: 'FLOAT64' },
  { name: 'flag', type: 'BOOL' },
  { name: 'at', type: 'TIMESTAMP' },
  { name: 'name', type: 'STRING' },
  { name: 'tags', type: 'STRING', mode: 'REPEATED' },
  { name: 'addr', type: 'STRUCT', fields: [{ name: 'city', type: 'STRING' }] },
  { name: 'amount', type: 'NUMERIC' },
];

async function createTable(schema: unknown[] = SCHEMA): Promise<string> {
  const table = newTable();
  const reply = await api('POST', '/datasets/ml/tables', {
    tableReference: { projectId: 'acme-ml', datasetId: 'ml', tableId: table },
    schema: { fields: schema },
  });
  expect(reply.status).toBe(200);
  return table;
}

async function insertAll(table: string, body: Record<string, unknown>): Promise<InsertAllReply> {
  const reply = await api('POST', `/datasets/ml/tables/${table}/insertAll`, body);
  expect(reply.status).toBe(200);
  return reply.body as InsertAllReply;
}

async function list(table: string, query = ''): Promise<DataList> {
  const reply = await api('GET', `/datasets/ml/tables/${table}/data${query}`);
  expect(reply.status).toBe(200);
  return reply.body as DataList;
}

beforeAll(async () => {
  metadata = await startMetadataServer({ clock, faults, requests });
  closers.push(() => metadata.close());
  bq = await startBigQueryEmulator({
    datasets: ['ml'],
    validateToken: (t) => metadata.validateAccessToken(t),
    maxRowsPerPage: 1000,
    clock,
    faults,
    requests,
  });
  closers.push(() => bq.close());
  token = (await fetchToken(metadata)).access_token;
});

afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

describe('GCE metadata server emulator', () => {
  it('answers a token only to requests with Metadata-Flavor: Google', async () => {
    const bare = await fetch(`${metadata.url}${TOKEN_PATH}`);
    expect(bare.status).toBe(403);
    expect(await bare.text()).toContain('Missing Metadata-Flavor:Google header.');

    const response = await fetch(`${metadata.url}${TOKEN_PATH}`, {
      headers: { 'Metadata-Flavor': 'Google' },
    });
    expect(response.headers.get('metadata-flavor')).toBe('Google');
    const body = (await response.json()) as TokenReply;
    expect(body).toEqual({
      access_token: expect.stringMatching(/^ya29\./) as unknown,
      expires_in: expect.any(Number) as unknown,
      token_type: 'Bearer',
    });
    expect(metadata.validateAccessToken(body.access_token)).toMatchObject({
      ok: true,
      serviceAccount: metadata.serviceAccount,
    });
    expect(metadata.validateAccessToken('ya29.not-minted-here')).toEqual({
      ok: false,
      reason: 'unknown',
    });
    const byEmail = await fetch(
      `${metadata.url}/computeMetadata/v1/instance/service-accounts/${metadata.serviceAccount}/token`,
      { headers: { 'Metadata-Flavor': 'Google' } },
    );
    expect(byEmail.status).toBe(200);
  });

  it('keeps a token until it nears expiry, then mints a new one; old tokens expire on the clock', async () => {
    const own = new Clock();
    const server = await startMetadataServer({ clock: own, lifetimeSeconds: 3600 });
    closers.push(() => server.close());
    const first = await fetchToken(server);
    // The clock ticks in real time too: a second may pass between minting and answering.
    expect(first.expires_in).toBeGreaterThanOrEqual(3599);
    own.advance(1000 * 1000);
    const again = await fetchToken(server);
    expect(again.access_token).toBe(first.access_token);
    expect(again.expires_in).toBeGreaterThanOrEqual(2599);
    expect(again.expires_in).toBeLessThanOrEqual(2600);
    own.advance(2400 * 1000); // 200 s left: less than the 300 s margin
    const renewed = await fetchToken(server);
    expect(renewed.access_token).not.toBe(first.access_token);
    expect(renewed.expires_in).toBeGreaterThanOrEqual(3599);
    expect(server.validateAccessToken(first.access_token).ok).toBe(true);
    own.advance(201 * 1000);
    expect(server.validateAccessToken(first.access_token)).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect(server.issuedTokens()).toEqual([first.access_token, renewed.access_token]);
    expect(server.tokenRequests()).toBe(3);
  });
});

describe('BigQuery emulator: tables', () => {
  it('creates a table and reports its schema with legacy type names and modes', async () => {
    const table = await createTable();
    const reply = await api('GET', `/datasets/ml/tables/${table}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      kind: 'bigquery#table',
      id: `acme-ml:ml.${table}`,
      tableReference: { projectId: 'acme-ml', datasetId: 'ml', tableId: table },
      type: 'TABLE',
      numRows: '0',
      location: 'US',
    });
    expect((reply.body as { schema: { fields: unknown[] } }).schema.fields).toEqual([
      { name: 'id', type: 'INTEGER', mode: 'REQUIRED' },
      { name: 'score', type: 'FLOAT', mode: 'NULLABLE' },
      { name: 'flag', type: 'BOOLEAN', mode: 'NULLABLE' },
      { name: 'at', type: 'TIMESTAMP', mode: 'NULLABLE' },
      { name: 'name', type: 'STRING', mode: 'NULLABLE' },
      { name: 'tags', type: 'STRING', mode: 'REPEATED' },
      {
        name: 'addr',
        type: 'RECORD',
        mode: 'NULLABLE',
        fields: [{ name: 'city', type: 'STRING', mode: 'NULLABLE' }],
      },
      { name: 'amount', type: 'NUMERIC', mode: 'NULLABLE' },
    ]);
    expect(bq.table(`ml.${table}`)?.schema).toEqual(
      (reply.body as { schema: { fields: unknown[] } }).schema.fields,
    );
  });

  it('answers duplicates, unknown datasets and tables, and bad schemas in BigQuery error shape', async () => {
    const table = await createTable();
    const duplicate = await api('POST', '/datasets/ml/tables', {
      tableReference: { tableId: table },
      schema: { fields: [{ name: 'x', type: 'STRING' }] },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toEqual({
      error: {
        code: 409,
        message: `Already Exists: Table acme-ml:ml.${table}`,
        errors: [
          {
            message: `Already Exists: Table acme-ml:ml.${table}`,
            domain: 'global',
            reason: 'duplicate',
          },
        ],
        status: 'ALREADY_EXISTS',
      },
    });

    const noDataset = await api('GET', '/datasets/nope/tables/x');
    expect(noDataset.status).toBe(404);
    expect(errorOf(noDataset)).toEqual({
      code: 404,
      message: 'Not found: Dataset acme-ml:nope',
      errors: [
        { message: 'Not found: Dataset acme-ml:nope', domain: 'global', reason: 'notFound' },
      ],
      status: 'NOT_FOUND',
    });
    const noTable = await api('GET', '/datasets/ml/tables/missing/data');
    expect(noTable.status).toBe(404);
    expect(errorOf(noTable).message).toBe('Not found: Table acme-ml:ml.missing');

    const cases: Array<[unknown, string]> = [
      [[{ name: 'x', type: 'STR' }], 'Invalid value for type: STR is not a valid value'],
      [
        [{ name: '1x', type: 'STRING' }],
        'Invalid field name "1x". Fields must contain only letters, numbers, and underscores, start with a letter or underscore, and be at most 300 characters long.',
      ],
      [
        [
          { name: 'x', type: 'STRING' },
          { name: 'X', type: 'INTEGER' },
        ],
        'Field X already exists in schema',
      ],
      [[{ name: 'r', type: 'RECORD' }], 'Field r is type RECORD but has no schema'],
      [
        [{ name: 'x', type: 'STRING', mode: 'OPTIONAL' }],
        'Invalid value for mode: "OPTIONAL" is not a valid value',
      ],
    ];
    for (const [fields, message] of cases) {
      const reply = await api('POST', '/datasets/ml/tables', {
        tableReference: { tableId: newTable() },
        schema: { fields },
      });
      expect(reply.status).toBe(400);
      expect(errorOf(reply)).toMatchObject({ message, errors: [{ reason: 'invalid' }] });
    }
    const badId = await api('POST', '/datasets/ml/tables', {
      tableReference: { tableId: 'bad$name' },
      schema: { fields: [] },
    });
    expect(errorOf(badId).message).toMatch(/^Invalid table ID "bad\$name"\./);
    const elsewhere = await api('POST', '/datasets/ml/tables', {
      tableReference: { projectId: 'acme-ml', datasetId: 'other', tableId: 'x' },
      schema: { fields: [] },
    });
    expect(elsewhere.status).toBe(400);
  });

  it('creates datasets on request; views exist but cannot be listed', async () => {
    expect((await api('GET', '/datasets/later/tables/x')).status).toBe(404);
    bq.createDataset('later');
    bq.createTable('later.x', [{ name: 'a', type: 'STRING' }]);
    expect((await api('GET', '/datasets/later/tables/x')).status).toBe(200);

    bq.createView('ml.v', 'SELECT 1 AS a');
    const view = await api('GET', '/datasets/ml/tables/v');
    expect(view.body).toMatchObject({ type: 'VIEW', view: { query: 'SELECT 1 AS a' } });
    const listed = await api('GET', '/datasets/ml/tables/v/data');
    expect(listed.status).toBe(400);
    expect(errorOf(listed).message).toBe('Cannot list a table of type VIEW.');
  });
});

describe('BigQuery emulator: auth', () => {
  it('refuses a missing or unknown token with 401 and the real bodies', async () => {
    const missing = await api('GET', '/datasets/ml/tables/x', undefined, { bearer: null });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe(
      'Bearer realm="https://accounts.google.com/"',
    );
    expect(errorOf(missing)).toMatchObject({
      code: 401,
      status: 'UNAUTHENTICATED',
      errors: [
        {
          message: 'Login Required.',
          domain: 'global',
          reason: 'required',
          location: 'Authorization',
          locationType: 'header',
        },
      ],
    });
    const unknown = await api('GET', '/datasets/ml/tables/x', undefined, { bearer: 'ya29.forged' });
    expect(unknown.status).toBe(401);
    expect(errorOf(unknown).message).toMatch(/^Request had invalid authentication credentials\./);
    expect(errorOf(unknown).errors[0]).toMatchObject({
      message: 'Invalid Credentials',
      reason: 'authError',
    });
  });

  it('refuses tokens without a BigQuery scope, and what authorize denies, before revealing existence', async () => {
    const storageOnly = await startMetadataServer({
      scopes: ['https://www.googleapis.com/auth/devstorage.read_only'],
    });
    closers.push(() => storageOnly.close());
    const checks: BigQueryAuthorizationCheck[] = [];
    const guarded = await startBigQueryEmulator({
      datasets: ['ml'],
      validateToken: (t) => {
        const narrow = storageOnly.validateAccessToken(t);
        return narrow.ok ? narrow : metadata.validateAccessToken(t);
      },
      authorize: (check) => {
        checks.push(check);
        return check.permission !== 'bigquery.tables.getData';
      },
    });
    closers.push(() => guarded.close());
    const narrow = (await fetchToken(storageOnly)).access_token;
    const scoped = await api('GET', '/datasets/ml/tables/x', undefined, {
      bearer: narrow,
      emulator: guarded,
    });
    expect(scoped.status).toBe(403);
    expect(errorOf(scoped)).toMatchObject({
      message: 'Request had insufficient authentication scopes.',
      errors: [{ reason: 'insufficientPermissions' }],
    });

    const denied = await api('GET', '/datasets/ml/tables/missing/data', undefined, {
      emulator: guarded,
    });
    expect(denied.status).toBe(403);
    expect(errorOf(denied)).toMatchObject({
      message:
        'Access Denied: Table acme-ml:ml.missing: Permission bigquery.tables.getData denied on table acme-ml:ml.missing (or it may not exist).',
      errors: [{ reason: 'accessDenied' }],
      status: 'PERMISSION_DENIED',
    });
    expect(checks.at(-1)).toEqual({
      principal: `serviceAccount:${metadata.serviceAccount}`,
      permission: 'bigquery.tables.getData',
      resource: 'projects/acme-ml/datasets/ml/tables/missing',
    });
    const allowed = await api('GET', '/datasets/ml/tables/missing', undefined, {
      emulator: guarded,
    });
    expect(allowed.status).toBe(404);
  });
});

describe('BigQuery emulator: tabledata', () => {
  it('stores insertAll rows and lists them in the wire format, every scalar a string', async () => {
    const table = await createTable();
    const reply = await insertAll(table, {
      rows: [
        {
          insertId: 'a',
          json: {
            id: '42',
            score: 0.25,
            flag: true,
            at: '2024-01-01 00:00:00.123456 UTC',
            name: 'Ada',
            tags: ['x', 'y'],
            addr: { city: 'Oslo' },
            amount: '12.50',
          },
        },
        { insertId: 'b', json: { id: 7, score: 1e10, flag: 'false', at: 1704067200, tags: null } },
        { json: { id: -1, at: '2024-01-01T01:00:00+01:00', score: 'NaN' } },
      ],
    });
    expect(reply).toEqual({ kind: 'bigquery#tableDataInsertAllResponse' });

    const data = await list(table);
    expect(data.totalRows).toBe('3');
    expect(data.pageToken).toBeUndefined();
    expect(data.rows).toEqual([
      {
        f: [
          { v: '42' },
          { v: '0.25' },
          { v: 'true' },
          { v: '1.704067200123456E9' },
          { v: 'Ada' },
          { v: [{ v: 'x' }, { v: 'y' }] },
          { v: { f: [{ v: 'Oslo' }] } },
          { v: '12.50' },
        ],
      },
      {
        f: [
          { v: '7' },
          { v: '1.0E10' },
          { v: 'false' },
          { v: '1.7040672E9' },
          { v: null },
          { v: [] },
          { v: null },
          { v: null },
        ],
      },
      {
        f: [
          { v: '-1' },
          { v: 'NaN' },
          { v: null },
          { v: '1.7040672E9' },
          { v: null },
          { v: [] },
          { v: null },
          { v: null },
        ],
      },
    ]);
    const int64 = await list(table, '?formatOptions.useInt64Timestamp=true&selectedFields=at');
    expect(int64.rows?.map((row) => row.f[0]?.v)).toEqual([
      '1704067200123456',
      '1704067200000000',
      '1704067200000000',
    ]);
    expect(bq.rows(`ml.${table}`)[0]).toEqual({
      id: '42',
      score: 0.25,
      flag: true,
      at: '2024-01-01T00:00:00.123456Z',
      name: 'Ada',
      tags: ['x', 'y'],
      addr: { city: 'Oslo' },
      amount: '12.50',
    });
    const resource = await api('GET', `/datasets/ml/tables/${table}`);
    expect(resource.body).toMatchObject({
      numRows: '0',
      streamingBuffer: { estimatedRows: '3' },
    });
  });

  it('pages with maxResults, pageToken and startIndex; answers selected fields in table order', async () => {
    const table = newTable();
    bq.createTable(`ml.${table}`, [
      { name: 'n', type: 'INTEGER' },
      { name: 'label', type: 'STRING' },
    ]);
    bq.seedRows(
      `ml.${table}`,
      Array.from({ length: 1205 }, (_, n) => ({ n, label: `row ${n}` })),
    );
    const pages: number[][] = [];
    let query = '?maxResults=500';
    for (;;) {
      const page = await list(table, query);
      expect(page.totalRows).toBe('1205');
      pages.push((page.rows ?? []).map((row) => Number(row.f[0]?.v)));
      if (!page.pageToken) break;
      query = `?maxResults=500&pageToken=${encodeURIComponent(page.pageToken)}`;
    }
    expect(pages.map((page) => page.length)).toEqual([500, 500, 205]);
    expect(pages.flat()).toEqual(Array.from({ length: 1205 }, (_, n) => n));

    const capped = await list(table);
    expect(capped.rows).toHaveLength(1000);
    expect(capped.pageToken).toBeDefined();

    const tail = await list(table, '?startIndex=1200&selectedFields=label,n');
    expect(tail.rows?.[0]).toEqual({ f: [{ v: '1200' }, { v: 'row 1200' }] });
    expect(tail.rows).toHaveLength(5);

    const empty = await list(table, '?startIndex=5000');
    expect(empty).not.toHaveProperty('rows');
    expect((await api('GET', `/datasets/ml/tables/${table}`)).body).toMatchObject({
      numRows: '1205',
    });
    for (const bad of ['?selectedFields=nope', '?pageToken=garbage', '?maxResults=ten'])
      expect((await api('GET', `/datasets/ml/tables/${table}/data${bad}`)).status).toBe(400);
  });

  it('refuses invalid rows the way BigQuery does: nothing stored, the others stopped', async () => {
    const table = await createTable();
    const rows = [
      { insertId: 'ok', json: { id: 1, name: 'fine' } },
      { insertId: 'bad-int', json: { id: 'abc' } },
      { insertId: 'unknown', json: { id: 2, colour: 'red' } },
      { insertId: 'missing', json: { name: 'no id' } },
      { insertId: 'array', json: { id: 3, name: ['a'] } },
      { insertId: 'time', json: { id: 4, at: 'yesterday' } },
    ];
    const reply = await insertAll(table, { rows });
    const none = { debugInfo: '' };
    expect(reply.insertErrors).toEqual([
      { index: 0, errors: [{ reason: 'stopped', location: '', message: '', ...none }] },
      {
        index: 1,
        errors: [
          {
            reason: 'invalid',
            location: 'id',
            message: 'Cannot convert value to integer (bad value): abc',
            ...none,
          },
        ],
      },
      {
        index: 2,
        errors: [
          { reason: 'invalid', location: 'colour', message: 'no such field: colour.', ...none },
        ],
      },
      {
        index: 3,
        errors: [
          { reason: 'invalid', location: 'id', message: 'Missing required field: id.', ...none },
        ],
      },
      {
        index: 4,
        errors: [
          {
            reason: 'invalid',
            location: 'name',
            message: 'Array specified for non-repeated field: name.',
            ...none,
          },
        ],
      },
      {
        index: 5,
        errors: [
          {
            reason: 'invalid',
            location: 'at',
            message:
              "Could not parse 'yesterday' as a timestamp. Required format is YYYY-MM-DD HH:MM[:SS[.SSSSSS]] or YYYY/MM/DD HH:MM[:SS[.SSSSSS]]",
            ...none,
          },
        ],
      },
    ]);
    expect(bq.rows(`ml.${table}`)).toEqual([]);

    const skipping = await insertAll(table, {
      rows,
      skipInvalidRows: true,
      ignoreUnknownValues: true,
    });
    expect(skipping.insertErrors?.map((e) => e.index)).toEqual([1, 3, 4, 5]);
    expect(bq.rows(`ml.${table}`).map((row) => row.id)).toEqual(['1', '2']);
  });

  it('drops a row whose insertId was seen within the window', async () => {
    const table = await createTable();
    const row = (insertId?: string) => ({ ...(insertId ? { insertId } : {}), json: { id: 1 } });
    await insertAll(table, { rows: [row('same'), row('same'), row('other')] });
    await insertAll(table, { rows: [row('same')] });
    await insertAll(table, { rows: [row(), row()] });
    expect(bq.table(`ml.${table}`)).toMatchObject({ rowCount: 4, streamedRows: 4, dedupedRows: 2 });
    clock.advance(61_000);
    await insertAll(table, { rows: [row('same')] });
    expect(bq.table(`ml.${table}`)).toMatchObject({ rowCount: 5, dedupedRows: 2 });
  });

  it('refuses empty, too long and too large requests', async () => {
    const table = await createTable();
    const path = `/datasets/ml/tables/${table}/insertAll`;
    const empty = await api('POST', path, { rows: [] });
    expect(errorOf(empty)).toMatchObject({ code: 400, message: 'No rows present in the request.' });
    const many = await api('POST', path, {
      rows: Array.from({ length: 50_001 }, () => ({ json: {} })),
    });
    expect(errorOf(many).message).toBe(
      'too many rows present in the request, limit: 50000 row count: 50001.',
    );
    const large = await api('POST', path, {
      rows: [{ json: { id: 1, name: 'x'.repeat(10 * 1024 * 1024) } }],
    });
    expect(errorOf(large)).toMatchObject({
      message: 'Request payload size exceeds the limit: 10485760 bytes.',
      errors: [{ reason: 'badRequest' }],
    });
    expect(bq.rows(`ml.${table}`)).toEqual([]);
  });
});

describe('BigQuery emulator: faults', () => {
  it('fails calls before they run, with BigQuery bodies and Retry-After', async () => {
    const table = await createTable();
    bq.faults.failNext(1, 503, { route: 'listTableData', retryAfterSeconds: 2 });
    bq.faults.failNext(1, 403, { route: 'listTableData' });
    const first = await api('GET', `/datasets/ml/tables/${table}/data`);
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('2');
    expect(errorOf(first)).toMatchObject({
      status: 'UNAVAILABLE',
      errors: [{ reason: 'backendError' }],
    });
    const second = await api('GET', `/datasets/ml/tables/${table}/data`);
    expect(errorOf(second).errors[0]?.reason).toBe('rateLimitExceeded');
    expect((await api('GET', `/datasets/ml/tables/${table}/data`)).status).toBe(200);
    expect(bq.faults.pending()).toBe(0);
  });

  it('loses responses after the call took effect', async () => {
    const table = await createTable();
    const before = bq.calls().insertAll;
    bq.faults.loseNextResponses(1, { route: 'insertAll' });
    const lost = await api('POST', `/datasets/ml/tables/${table}/insertAll`, {
      rows: [{ insertId: 'r1', json: { id: 1 } }],
    });
    expect(lost.status).toBe(503);
    expect(bq.rows(`ml.${table}`)).toHaveLength(1);
    await insertAll(table, { rows: [{ insertId: 'r1', json: { id: 1 } }] });
    expect(bq.table(`ml.${table}`)).toMatchObject({ rowCount: 1, dedupedRows: 1 });
    expect(bq.calls().insertAll - before).toBe(2);
    expect(
      requests.filter({ route: BIGQUERY_ROUTES.insertAll }).at(-1)?.headers.authorization,
    ).toMatch(/^Bearer <redacted:[0-9a-f]{12}>$/);
  });
});

describe('BigQuery emulator: value text', () => {
  it.each([
    [0.25, '0.25'],
    [3, '3.0'],
    [-2.5, '-2.5'],
    [1234567.5, '1234567.5'],
    [1e7, '1.0E7'],
    [1e10, '1.0E10'],
    [1.5e-5, '1.5E-5'],
    [0.001, '0.001'],
    [0, '0.0'],
    [NaN, 'NaN'],
    [-Infinity, '-Infinity'],
  ])('writes the double %d as %s', (value, text) => {
    expect(javaDouble(value)).toBe(text);
  });

  it('writes microseconds as ISO 8601, before the epoch too', () => {
    expect(isoMicros(1704067200123456n)).toBe('2024-01-01T00:00:00.123456Z');
    expect(isoMicros(-1n)).toBe('1969-12-31T23:59:59.999999Z');
  });
});
