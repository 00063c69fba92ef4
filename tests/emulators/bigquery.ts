/**
 * A BigQuery REST API v2 emulator on 127.0.0.1: the table calls that pipeline components make
 * without a client library (pipelines/components/bigquery.py), answered the way BigQuery does.
 * Point code at it with `MLOPS_BIGQUERY_ENDPOINT=<url>` (it stands for
 * `https://bigquery.googleapis.com`; paths start with `/bigquery/v2`).
 *
 * Served:
 * - tables.get      `GET  /bigquery/v2/projects/P/datasets/D/tables/T`
 * - tables.insert   `POST /bigquery/v2/projects/P/datasets/D/tables` (a Table with tableReference
 *   and schema, or a view with `view.query`)
 * - tabledata.list  `GET  .../tables/T/data?maxResults&pageToken&startIndex&selectedFields
 *   &formatOptions.useInt64Timestamp`
 * - tabledata.insertAll `POST .../tables/T/insertAll` (`{rows: [{insertId, json}],
 *   skipInvalidRows, ignoreUnknownValues}`)
 *
 * Datasets exist only when created (`datasets` option or `createDataset()`): an unknown one is
 * 404 `Not found: Dataset P:D`, as on BigQuery.
 *
 * Wire facts followed (BigQuery REST reference and answers of the service):
 * - Errors: `{"error": {code, message, errors: [{message, domain: "global", reason}], status}}`
 *   with BigQuery's reasons (notFound, duplicate, invalid, accessDenied, backendError,
 *   rateLimitExceeded...). Messages name tables the legacy way: `Not found: Table P:D.T`,
 *   `Already Exists: Table P:D.T`.
 * - Schemas come back with legacy type names (a column created as INT64 is INTEGER, FLOAT64 is
 *   FLOAT, BOOL is BOOLEAN, STRUCT is RECORD) and always with a mode.
 * - tabledata.list rows are `{"f": [{"v": ...}]}` with every scalar a string: INTEGER `"42"`,
 *   FLOAT in Java's Double notation (`"0.25"`, `"1.0E10"`, `"NaN"`), BOOLEAN `"true"`, TIMESTAMP
 *   as float seconds in the same notation (`"1.7040672E9"`), or as integer microseconds with
 *   `formatOptions.useInt64Timestamp=true`; REPEATED `{"v": [{"v": ...}]}`, RECORD
 *   `{"v": {"f": [...]}}`, NULL `{"v": null}`. Selected fields come in table order, whatever the
 *   order asked. `totalRows` is a string; `pageToken` only when rows follow; `rows` absent when
 *   there are none. A page holds at most `maxRowsPerPage` rows (BigQuery caps pages at ~10 MB).
 *   Views (and other non-tables) answer 400 `Cannot list a table of type VIEW.`
 * - insertAll answers 200 with `insertErrors: [{index, errors: [{reason, location, debugInfo,
 *   message}]}]` for refused rows (`no such field: x.`, `Missing required field: x.`, `Cannot
 *   convert value to integer (bad value): abc`...). Unless skipInvalidRows, nothing of the
 *   request is stored and every other row gets reason `stopped`. A row whose insertId was seen
 *   in the last `dedupeWindowMs` (BigQuery: at least a minute) is dropped silently. Requests
 *   over 10 MB, over 50,000 rows or without rows are 400s. Streamed rows are listed at once but
 *   counted in `streamingBuffer.estimatedRows`, not `numRows`.
 * - Auth: no bearer is 401 (`Login Required.`, reason required), a token `validateToken`
 *   refuses is 401 (`Invalid Credentials`, reason authError), both with `WWW-Authenticate:
 *   Bearer realm="https://accounts.google.com/"`; a token without a BigQuery scope is 403
 *   insufficientPermissions; an `authorize` refusal is 403 accessDenied `Access Denied: Table
 *   P:D.T: Permission bigquery.tables.getData denied on table P:D.T (or it may not exist).`,
 *   checked before existence.
 *
 * The wording of rarer refusals (an unknown selected field, a bad page token, a repeated field
 * given a scalar, a table reference outside the request path) is the emulator's own.
 *
 * Faults: `faults.failNext()` answers the next calls with an error in BigQuery's shape before
 * they run; `faults.loseNextResponses()` runs them and then answers 503, the case insert IDs are
 * for (the rows were stored, the client cannot know).
 */
import { createHash } from 'node:crypto';
import {
  Clock,
  FaultInjector,
  GoogleApiFaults,
  HTTP_TO_RPC,
  RequestLog,
  startHttpServer,
  type EmulatorRequest,
  type EmulatorResponse,
  type HttpServer,
  type Route,
  callCounts,
} from './http-server.js';
import type { TokenValidation } from './vertex.js';

export type { TokenValidation } from './vertex.js';

// ---------------------------------------------------------------------------------------------
// Routes

export type BigQueryRoute = 'getTable' | 'insertTable' | 'listTableData' | 'insertAll';

export const BIGQUERY_SERVER = 'bigquery';

/** Route names in the request log and fault selectors (`server: 'bigquery'`). */
export const BIGQUERY_ROUTES: Readonly<Record<BigQueryRoute, string>> = {
  getTable: 'bigquery.tables.get',
  insertTable: 'bigquery.tables.insert',
  listTableData: 'bigquery.tabledata.list',
  insertAll: 'bigquery.tabledata.insertAll',
};

/** The IAM permission each call needs. */
const PERMISSIONS: Readonly<Record<BigQueryRoute, string>> = {
  getTable: 'bigquery.tables.get',
  insertTable: 'bigquery.tables.create',
  listTableData: 'bigquery.tables.getData',
  insertAll: 'bigquery.tables.updateData',
};

const SCOPE = 'https://www.googleapis.com/auth/';
const WRITE_SCOPES = [`${SCOPE}cloud-platform`, `${SCOPE}bigquery`];
const READ_SCOPES = [
  ...WRITE_SCOPES,
  `${SCOPE}cloud-platform.read-only`,
  `${SCOPE}bigquery.readonly`,
];
const INSERT_SCOPES = [...WRITE_SCOPES, `${SCOPE}bigquery.insertdata`];

const MAX_INSERT_ROWS = 50_000;
const MAX_INSERT_BYTES = 10 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Schema

export type FieldMode = 'NULLABLE' | 'REQUIRED' | 'REPEATED';

/** A schema field as sent to tables.insert (standard SQL or legacy type names, mode optional). */
export interface TableFieldSpec {
  name: string;
  type: string;
  mode?: string;
  fields?: TableFieldSpec[];
  description?: string;
}

/** A schema field as BigQuery keeps and reports it. */
export interface TableField {
  readonly name: string;
  readonly type: string;
  readonly mode: FieldMode;
  readonly fields?: readonly TableField[];
  readonly description?: string;
}

const TYPE_ALIASES: Readonly<Record<string, string>> = {
  INT64: 'INTEGER',
  FLOAT64: 'FLOAT',
  BOOL: 'BOOLEAN',
  STRUCT: 'RECORD',
  DECIMAL: 'NUMERIC',
  BIGDECIMAL: 'BIGNUMERIC',
};
const TYPES = new Set([
  'STRING',
  'BYTES',
  'INTEGER',
  'FLOAT',
  'NUMERIC',
  'BIGNUMERIC',
  'BOOLEAN',
  'TIMESTAMP',
  'DATE',
  'TIME',
  'DATETIME',
  'GEOGRAPHY',
  'JSON',
  'INTERVAL',
  'RECORD',
]);
const MODES = new Set<string>(['NULLABLE', 'REQUIRED', 'REPEATED']);
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,299}$/;
const TABLE_ID = /^[\p{L}\p{M}\p{N}\p{Pc}\p{Pd}\p{Zs}]{1,1024}$/u;

/** The schema as BigQuery stores it, or the message of its 400. */
function normalizeSchema(specs: unknown, prefix = ''): TableField[] | string {
  if (!Array.isArray(specs)) return 'Schema fields must be a list.';
  const fields: TableField[] = [];
  const seen = new Set<string>();
  for (const spec of specs as unknown[]) {
    if (!isRecord(spec)) return 'Schema fields must be objects.';
    const name = typeof spec.name === 'string' ? spec.name : '';
    if (!FIELD_NAME.test(name))
      return `Invalid field name "${name}". Fields must contain only letters, numbers, and underscores, start with a letter or underscore, and be at most 300 characters long.`;
    if (seen.has(name.toLowerCase())) return `Field ${prefix}${name} already exists in schema`;
    seen.add(name.toLowerCase());
    const rawType = typeof spec.type === 'string' ? spec.type.toUpperCase() : '';
    const type = TYPE_ALIASES[rawType] ?? rawType;
    if (!TYPES.has(type))
      return `Invalid value for type: ${String(spec.type)} is not a valid value`;
    const mode =
      spec.mode === undefined
        ? 'NULLABLE'
        : typeof spec.mode === 'string'
          ? spec.mode.toUpperCase()
          : '';
    if (!MODES.has(mode))
      return `Invalid value for mode: ${JSON.stringify(spec.mode)} is not a valid value`;
    let sub: TableField[] | undefined;
    if (type === 'RECORD') {
      if (!Array.isArray(spec.fields) || spec.fields.length === 0)
        return `Field ${prefix}${name} is type RECORD but has no schema`;
      const nested = normalizeSchema(spec.fields, `${prefix}${name}.`);
      if (typeof nested === 'string') return nested;
      sub = nested;
    }
    fields.push({
      name,
      type,
      mode: mode as FieldMode,
      ...(sub ? { fields: sub } : {}),
      ...(typeof spec.description === 'string' ? { description: spec.description } : {}),
    });
  }
  return fields;
}

// ---------------------------------------------------------------------------------------------
// Values

/** A stored cell: INTEGER/NUMERIC/text types as strings, FLOAT number, TIMESTAMP microseconds. */
type Stored = null | string | number | boolean | bigint | Stored[] | StoredRecord;
interface StoredRecord {
  [name: string]: Stored;
}

interface Problem {
  location: string;
  message: string;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const SPECIAL_FLOATS: Readonly<Record<string, number>> = {
  nan: NaN,
  infinity: Infinity,
  '+infinity': Infinity,
  '-infinity': -Infinity,
  inf: Infinity,
  '+inf': Infinity,
  '-inf': -Infinity,
};
const TEXT_FORMATS: Readonly<Record<string, RegExp>> = {
  DATE: /^\d{4}-\d{1,2}-\d{1,2}$/,
  DATETIME: /^\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)?$/,
  TIME: /^\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?$/,
  BYTES: /^[A-Za-z0-9+/]*={0,2}$/,
};
const TIMESTAMP_TEXT =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?\s*(Z|z|UTC|[+-]\d{1,2}(?::?\d{2})?)?$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Microseconds since the epoch of a BigQuery timestamp literal, or undefined. */
function parseTimestamp(text: string): bigint | undefined {
  const m = TIMESTAMP_TEXT.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
  const ms = Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute, second);
  const check = new Date(ms);
  if (
    Number.isNaN(ms) ||
    check.getUTCMonth() !== (month ?? 1) - 1 ||
    check.getUTCDate() !== day ||
    (hour ?? 0) > 23 ||
    (second ?? 0) > 59
  )
    return undefined;
  let offsetMinutes = 0;
  const zone = m[8];
  if (zone && !/^(z|utc)$/i.test(zone)) {
    const z = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(zone);
    offsetMinutes = (z?.[1] === '-' ? -1 : 1) * (Number(z?.[2]) * 60 + Number(z?.[3] ?? 0));
  }
  const fraction = BigInt((m[7] ?? '').padEnd(6, '0'));
  return BigInt(ms - offsetMinutes * 60_000) * 1000n + fraction;
}

function convertScalar(type: string, raw: unknown): { value: Stored } | { error: string } {
  const shown = typeof raw === 'string' ? raw : JSON.stringify(raw);
  const bad = (what: string) => ({
    error: `Cannot convert value to ${what} (bad value): ${shown}`,
  });
  switch (type) {
    case 'INTEGER': {
      let value: bigint;
      if (typeof raw === 'number' && Number.isInteger(raw)) value = BigInt(raw);
      else if (typeof raw === 'string' && /^[+-]?\d+$/.test(raw.trim())) value = BigInt(raw.trim());
      else return bad('integer');
      return value < INT64_MIN || value > INT64_MAX ? bad('integer') : { value: value.toString() };
    }
    case 'FLOAT': {
      if (typeof raw === 'number') return { value: raw };
      if (typeof raw !== 'string') return bad('floating point');
      const text = raw.trim();
      const special = SPECIAL_FLOATS[text.toLowerCase()];
      if (special !== undefined) return { value: special };
      return DECIMAL.test(text) ? { value: Number(text) } : bad('floating point');
    }
    case 'NUMERIC':
    case 'BIGNUMERIC': {
      if (typeof raw === 'number' && Number.isFinite(raw)) return { value: String(raw) };
      return typeof raw === 'string' && DECIMAL.test(raw.trim())
        ? { value: raw.trim() }
        : bad('numeric');
    }
    case 'BOOLEAN': {
      if (typeof raw === 'boolean') return { value: raw };
      const text = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
      return text === 'true' || text === 'false' ? { value: text === 'true' } : bad('boolean');
    }
    case 'TIMESTAMP': {
      const micros =
        typeof raw === 'number' && Number.isFinite(raw)
          ? BigInt(Math.round(raw * 1e6))
          : typeof raw === 'string'
            ? parseTimestamp(raw)
            : undefined;
      return micros === undefined
        ? {
            error: `Could not parse '${shown}' as a timestamp. Required format is YYYY-MM-DD HH:MM[:SS[.SSSSSS]] or YYYY/MM/DD HH:MM[:SS[.SSSSSS]]`,
          }
        : { value: micros };
    }
    case 'JSON':
      return { value: typeof raw === 'string' ? raw : JSON.stringify(raw) };
    case 'STRING':
      return typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean'
        ? { value: String(raw) }
        : bad('string');
    default: {
      const format = TEXT_FORMATS[type];
      return typeof raw === 'string' && (!format || format.test(raw.trim()))
        ? { value: raw.trim() }
        : bad(type.toLowerCase());
    }
  }
}

function convertValue(
  field: TableField,
  raw: unknown,
  location: string,
  ignoreUnknown: boolean,
  problems: Problem[],
): Stored {
  if (field.type === 'RECORD') {
    if (!isRecord(raw)) {
      problems.push({ location, message: `This field: ${location} is not a record.` });
      return null;
    }
    return convertRecord(field.fields ?? [], raw, `${location}.`, ignoreUnknown, problems);
  }
  const converted = convertScalar(field.type, raw);
  if ('error' in converted) {
    problems.push({ location, message: converted.error });
    return null;
  }
  return converted.value;
}

/** A row (or RECORD) of insertAll JSON as stored, collecting what BigQuery would refuse. */
function convertRecord(
  fields: readonly TableField[],
  json: Record<string, unknown>,
  prefix: string,
  ignoreUnknown: boolean,
  problems: Problem[],
): StoredRecord {
  const keys = new Map(Object.keys(json).map((key) => [key.toLowerCase(), key]));
  if (!ignoreUnknown)
    for (const key of Object.keys(json))
      if (!fields.some((field) => field.name.toLowerCase() === key.toLowerCase()))
        problems.push({ location: `${prefix}${key}`, message: `no such field: ${prefix}${key}.` });
  const out: StoredRecord = {};
  for (const field of fields) {
    const key = keys.get(field.name.toLowerCase());
    const raw = key === undefined ? undefined : json[key];
    const location = `${prefix}${field.name}`;
    if (field.mode === 'REPEATED') {
      if (raw === undefined || raw === null) out[field.name] = [];
      else if (!Array.isArray(raw))
        problems.push({
          location,
          message: `Value for repeated field ${location} is not an array.`,
        });
      else
        out[field.name] = (raw as unknown[]).map((item) =>
          convertValue(field, item, location, ignoreUnknown, problems),
        );
    } else if (raw === undefined || raw === null) {
      if (field.mode === 'REQUIRED')
        problems.push({ location, message: `Missing required field: ${location}.` });
      out[field.name] = null;
    } else if (Array.isArray(raw)) {
      problems.push({ location, message: `Array specified for non-repeated field: ${location}.` });
    } else out[field.name] = convertValue(field, raw, location, ignoreUnknown, problems);
  }
  return out;
}

/** A double the way BigQuery (Java's Double.toString) writes it: `0.25`, `3.0`, `1.0E10`. */
export function javaDouble(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const magnitude = Math.abs(x);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    const plain = String(x);
    return plain.includes('.') ? plain : `${plain}.0`;
  }
  const [mantissa = '', exponent = ''] = x.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${exponent.replace('+', '')}`;
}

/** `2024-01-01T00:00:00.123456Z` for microseconds since the epoch. */
export function isoMicros(micros: bigint): string {
  let seconds = micros / 1_000_000n;
  let fraction = micros % 1_000_000n;
  if (fraction < 0n) {
    seconds -= 1n;
    fraction += 1_000_000n;
  }
  const whole = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  return `${whole}.${fraction.toString().padStart(6, '0')}Z`;
}

function cell(field: TableField, value: Stored, int64Timestamps: boolean): { v: unknown } {
  if (field.mode === 'REPEATED')
    return {
      v: ((value as Stored[] | null) ?? []).map((item) => single(field, item, int64Timestamps)),
    };
  return single(field, value, int64Timestamps);
}

function single(field: TableField, value: Stored, int64Timestamps: boolean): { v: unknown } {
  if (value === null) return { v: null };
  if (field.type === 'RECORD') {
    const record = value as StoredRecord;
    return {
      v: {
        f: (field.fields ?? []).map((sub) => cell(sub, record[sub.name] ?? null, int64Timestamps)),
      },
    };
  }
  if (field.type === 'FLOAT') return { v: javaDouble(value as number) };
  if (field.type === 'TIMESTAMP') {
    const micros = value as bigint;
    return { v: int64Timestamps ? micros.toString() : javaDouble(Number(micros) / 1e6) };
  }
  // INTEGER, NUMERIC and the text types are stored as their text already.
  return { v: typeof value === 'boolean' ? String(value) : value };
}

/** A stored value as plain JSON-friendly data: TIMESTAMP as ISO 8601, INTEGER as a string. */
function plain(field: TableField, value: Stored): unknown {
  if (field.mode === 'REPEATED')
    return ((value as Stored[] | null) ?? []).map((item) => plainSingle(field, item));
  return plainSingle(field, value);
}

function plainSingle(field: TableField, value: Stored): unknown {
  if (value === null) return null;
  if (field.type === 'RECORD') {
    const record = value as StoredRecord;
    return Object.fromEntries(
      (field.fields ?? []).map((sub) => [sub.name, plain(sub, record[sub.name] ?? null)]),
    );
  }
  return field.type === 'TIMESTAMP' ? isoMicros(value as bigint) : value;
}

// ---------------------------------------------------------------------------------------------
// Errors

interface ErrorEntry {
  reason: string;
  message?: string;
  location?: string;
  locationType?: string;
}

/** BigQuery's error body: Google's shape plus the `errors` list with BigQuery's reasons. */
export function bigQueryError(
  code: number,
  message: string,
  entry: ErrorEntry,
  headers?: Record<string, string>,
): EmulatorResponse {
  const { reason, message: entryMessage = message, ...rest } = entry;
  return {
    status: code,
    body: {
      error: {
        code,
        message,
        errors: [{ message: entryMessage, domain: 'global', reason, ...rest }],
        status: HTTP_TO_RPC[code] ?? 'UNKNOWN',
      },
    },
    ...(headers ? { headers } : {}),
  };
}

const invalid = (message: string) => bigQueryError(400, message, { reason: 'invalid' });

const DEFAULT_FAULTS: Readonly<Record<number, { reason: string; message: string }>> = {
  403: {
    reason: 'rateLimitExceeded',
    message:
      'Exceeded rate limits: too many api requests per user per method for this user_method. For more information, see https://cloud.google.com/bigquery/docs/troubleshoot-quotas',
  },
  429: {
    reason: 'rateLimitExceeded',
    message:
      'Exceeded rate limits: too many api requests per user per method for this user_method. For more information, see https://cloud.google.com/bigquery/docs/troubleshoot-quotas',
  },
  500: {
    reason: 'backendError',
    message: 'Error encountered during execution. Retrying may solve the problem.',
  },
  502: { reason: 'badGateway', message: 'Bad gateway.' },
  503: {
    reason: 'backendError',
    message: 'Error encountered during execution. Retrying may solve the problem.',
  },
  504: { reason: 'backendError', message: 'The request timed out. Please try again.' },
};

// ---------------------------------------------------------------------------------------------
// Faults

/** BigQuery fault controls over the (possibly shared) HTTP fault injector. */
export class BigQueryFaults extends GoogleApiFaults<BigQueryRoute> {
  #lost: Array<{ remaining: number; route: BigQueryRoute | undefined }> = [];

  constructor(injector: FaultInjector) {
    super(injector, BIGQUERY_SERVER, BIGQUERY_ROUTES);
  }

  /** BigQuery's body (503/500 backendError, 429 and 403 rateLimitExceeded unless `reason` says). */
  protected override errorBody(status: number, message?: string, reason?: string): unknown {
    const known = DEFAULT_FAULTS[status];
    return bigQueryError(status, message ?? known?.message ?? `Injected fault (${status}).`, {
      reason: reason ?? known?.reason ?? 'backendError',
    }).body;
  }

  /** The next `count` successful calls (of `route`, or any) take effect, then answer 503. */
  loseNextResponses(count: number, options: { route?: BigQueryRoute } = {}): void {
    if (!Number.isInteger(count) || count < 1)
      throw new Error('loseNextResponses: count must be >= 1');
    this.#lost.push({ remaining: count, route: options.route });
  }

  /** Injected failures and lost responses still queued. */
  override pending(): number {
    return super.pending() + this.#lost.reduce((sum, l) => sum + l.remaining, 0);
  }

  override clear(): void {
    super.clear();
    this.#lost = [];
  }

  /** @internal The answer to send for a call that ran: a lost one becomes a 503. */
  answer(route: BigQueryRoute, response: EmulatorResponse): EmulatorResponse {
    if (response.status >= 300) return response;
    const index = this.#lost.findIndex((l) => l.route === undefined || l.route === route);
    const lost = this.#lost[index];
    if (!lost) return response;
    lost.remaining -= 1;
    if (lost.remaining === 0) this.#lost.splice(index, 1);
    const fault = DEFAULT_FAULTS[503];
    return bigQueryError(503, fault?.message ?? '', { reason: fault?.reason ?? 'backendError' });
  }
}

// ---------------------------------------------------------------------------------------------
// Public types

export interface BigQueryAuthorizationCheck {
  /** Principal of the bearer token; undefined when no validateToken callback is set. */
  principal: string | undefined;
  /** e.g. `bigquery.tables.getData`, `bigquery.tables.updateData`, `bigquery.tables.create`. */
  permission: string;
  /** `projects/P/datasets/D/tables/T` (tables.insert: `projects/P/datasets/D`). */
  resource: string;
}

export interface BigQueryEmulatorOptions {
  /** Default project of table references without one. Default `acme-ml`. */
  project?: string;
  /** Datasets that exist from the start: `D` (in the default project) or `P.D`. */
  datasets?: string[];
  /** Reported as the tables' location. Default `US`. */
  location?: string;
  /** Checks bearer tokens (e.g. the metadata server's validateAccessToken); default: any token. */
  validateToken?: (token: string) => TokenValidation;
  /** IAM: false answers 403 accessDenied. Default: everything allowed. */
  authorize?: (check: BigQueryAuthorizationCheck) => boolean;
  /** Most rows in one tabledata.list page, whatever maxResults asks. Default 100,000. */
  maxRowsPerPage?: number;
  /** How long an insertId is remembered for deduplication, emulated ms. Default 60,000. */
  dedupeWindowMs?: number;
  /** Share with the other emulators so one clock, fault plan and request log drive all. */
  clock?: Clock;
  faults?: FaultInjector;
  requests?: RequestLog;
}

export interface EmulatedTableInfo {
  /** `P:D.T`. */
  readonly id: string;
  readonly type: 'TABLE' | 'VIEW';
  readonly schema: readonly TableField[];
  /** Rows stored (seeded and streamed). */
  readonly rowCount: number;
  /** Rows stored by insertAll. */
  readonly streamedRows: number;
  /** Rows insertAll dropped because their insertId was seen within the window. */
  readonly dedupedRows: number;
}

export interface BigQueryEmulator {
  /** `http://127.0.0.1:<port>`: the value for MLOPS_BIGQUERY_ENDPOINT. */
  readonly url: string;
  readonly project: string;
  /** Creates a dataset (`D` in the default project, or `P.D`); existing ones are kept. */
  createDataset(dataset: string): void;
  /** Creates a table (`D.T` or `P.D.T`) without HTTP; the dataset must exist. */
  createTable(table: string, schema: TableFieldSpec[]): EmulatedTableInfo;
  /** Creates a view, which tabledata.list refuses as BigQuery does. */
  createView(table: string, query: string): EmulatedTableInfo;
  /** Stores rows as seeded data (counted in numRows); throws on what insertAll would refuse. */
  seedRows(table: string, rows: Array<Record<string, unknown>>): void;
  /** The stored rows: INTEGER and NUMERIC as strings, TIMESTAMP as ISO 8601 with microseconds. */
  rows(table: string): Array<Record<string, unknown>>;
  table(table: string): EmulatedTableInfo | undefined;
  readonly faults: BigQueryFaults;
  readonly requests: RequestLog;
  readonly clock: Clock;
  /** Calls received, by route (`unmatched` for unknown paths), faulted ones included. */
  calls(): Record<BigQueryRoute | 'unmatched', number>;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Store

interface TableState {
  project: string;
  dataset: string;
  table: string;
  type: 'TABLE' | 'VIEW';
  schema: TableField[];
  viewQuery: string | undefined;
  creationTime: number;
  lastModifiedTime: number;
  rows: StoredRecord[];
  streamedRows: number;
  oldestStreamedAt: number | undefined;
  dedupedRows: number;
  insertIds: Map<string, number>;
}

interface Caller {
  principal: string | undefined;
}

const tableKey = (project: string, dataset: string, table: string) =>
  `${project}:${dataset}.${table}`;

function info(state: TableState): EmulatedTableInfo {
  return {
    id: tableKey(state.project, state.dataset, state.table),
    type: state.type,
    schema: state.schema,
    rowCount: state.rows.length,
    streamedRows: state.streamedRows,
    dedupedRows: state.dedupedRows,
  };
}

class BigQueryService {
  readonly datasets = new Set<string>();
  readonly tables = new Map<string, TableState>();
  readonly #options: BigQueryEmulatorOptions;
  readonly #clock: Clock;
  readonly #project: string;
  #url = '';

  constructor(options: BigQueryEmulatorOptions, project: string, clock: Clock) {
    this.#options = options;
    this.#project = project;
    this.#clock = clock;
  }

  set url(url: string) {
    this.#url = url;
  }

  /** `D`, `D.T`, `P.D`, `P.D.T` or `P:D.T` split into parts, the default project filled in. */
  split(reference: string, parts: 2 | 3): string[] {
    const pieces = reference.replace(':', '.').split('.');
    if (pieces.length === parts - 1) pieces.unshift(this.#project);
    if (pieces.length !== parts || pieces.some((piece) => piece === ''))
      throw new Error(
        `not a BigQuery ${parts === 3 ? 'table' : 'dataset'} reference: ${reference}`,
      );
    return pieces;
  }

  lookup(reference: string): TableState | undefined {
    const [project = '', dataset = '', table = ''] = this.split(reference, 3);
    return this.tables.get(tableKey(project, dataset, table));
  }

  /** Creates a table or view, or returns the message and status of BigQuery's refusal. */
  create(
    project: string,
    dataset: string,
    table: string,
    schema: TableField[],
    viewQuery: string | undefined,
  ): TableState | EmulatorResponse {
    if (!this.datasets.has(`${project}:${dataset}`))
      return bigQueryError(404, `Not found: Dataset ${project}:${dataset}`, { reason: 'notFound' });
    if (!TABLE_ID.test(table))
      return invalid(
        `Invalid table ID "${table}". Table IDs must be alphanumeric (plus underscores and dashes) and must be at most 1024 characters long. Also, Table decorators cannot be used.`,
      );
    const key = tableKey(project, dataset, table);
    if (this.tables.has(key))
      return bigQueryError(409, `Already Exists: Table ${key}`, { reason: 'duplicate' });
    const now = this.#clock.now();
    const state: TableState = {
      project,
      dataset,
      table,
      type: viewQuery === undefined ? 'TABLE' : 'VIEW',
      schema,
      viewQuery,
      creationTime: now,
      lastModifiedTime: now,
      rows: [],
      streamedRows: 0,
      oldestStreamedAt: undefined,
      dedupedRows: 0,
      insertIds: new Map(),
    };
    this.tables.set(key, state);
    return state;
  }

  resource(state: TableState): Record<string, unknown> {
    const id = tableKey(state.project, state.dataset, state.table);
    const bytes = state.rows.reduce((sum, row) => sum + JSON.stringify(row, jsonBigint).length, 0);
    const seeded = state.rows.length - state.streamedRows;
    return {
      kind: 'bigquery#table',
      etag: createHash('sha256')
        .update(`${id}@${state.lastModifiedTime}`)
        .digest('base64')
        .slice(0, 24),
      id,
      selfLink: `${this.#url}/bigquery/v2/projects/${state.project}/datasets/${state.dataset}/tables/${encodeURIComponent(state.table)}`,
      tableReference: { projectId: state.project, datasetId: state.dataset, tableId: state.table },
      schema: { fields: state.schema },
      ...(state.viewQuery === undefined
        ? {}
        : { view: { query: state.viewQuery, useLegacySql: false } }),
      numBytes: String(bytes),
      numLongTermBytes: '0',
      numRows: String(seeded),
      creationTime: String(state.creationTime),
      lastModifiedTime: String(state.lastModifiedTime),
      type: state.type,
      location: this.#options.location ?? 'US',
      ...(state.streamedRows > 0
        ? {
            streamingBuffer: {
              estimatedBytes: String(bytes),
              estimatedRows: String(state.streamedRows),
              oldestEntryTime: String(state.oldestStreamedAt),
            },
          }
        : {}),
    };
  }

  guard(
    request: EmulatorRequest,
    route: BigQueryRoute,
    handler: (caller: Caller) => EmulatorResponse,
  ): EmulatorResponse {
    const challenge = { 'www-authenticate': 'Bearer realm="https://accounts.google.com/"' };
    const auth = { location: 'Authorization', locationType: 'header' };
    if (!request.bearer)
      return bigQueryError(
        401,
        'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
        { message: 'Login Required.', reason: 'required', ...auth },
        challenge,
      );
    const validation = this.#options.validateToken?.(request.bearer) ?? {
      ok: true,
      principal: '',
    };
    if (!validation.ok)
      return bigQueryError(
        401,
        'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
        { message: 'Invalid Credentials', reason: 'authError', ...auth },
        challenge,
      );
    const scopes =
      route === 'insertAll' ? INSERT_SCOPES : request.method === 'GET' ? READ_SCOPES : WRITE_SCOPES;
    if (validation.scopes && !validation.scopes.some((scope) => scopes.includes(scope)))
      return bigQueryError(403, 'Request had insufficient authentication scopes.', {
        message: 'Insufficient Permission',
        reason: 'insufficientPermissions',
      });
    return handler({
      principal: this.#options.validateToken ? validation.principal : undefined,
    });
  }

  denied(caller: Caller, route: BigQueryRoute, params: Record<string, string>) {
    const { project = '', dataset = '', table } = params;
    const permission = PERMISSIONS[route];
    const resource = `projects/${project}/datasets/${dataset}${table === undefined ? '' : `/tables/${table}`}`;
    if (this.#options.authorize?.({ principal: caller.principal, permission, resource }) ?? true)
      return undefined;
    const [kind, name] =
      table === undefined
        ? ['Dataset', `${project}:${dataset}`]
        : ['Table', tableKey(project, dataset, table)];
    return bigQueryError(
      403,
      `Access Denied: ${kind} ${name}: Permission ${permission} denied on ${kind.toLowerCase()} ${name} (or it may not exist).`,
      { reason: 'accessDenied' },
    );
  }

  existing(params: Record<string, string>): TableState | EmulatorResponse {
    const { project = '', dataset = '', table = '' } = params;
    if (!this.datasets.has(`${project}:${dataset}`))
      return bigQueryError(404, `Not found: Dataset ${project}:${dataset}`, { reason: 'notFound' });
    const state = this.tables.get(tableKey(project, dataset, table));
    return (
      state ??
      bigQueryError(404, `Not found: Table ${tableKey(project, dataset, table)}`, {
        reason: 'notFound',
      })
    );
  }

  // ----- routes

  getTable(request: EmulatorRequest): EmulatorResponse {
    const state = this.existing(request.params);
    return 'status' in state ? state : { status: 200, body: this.resource(state) };
  }

  insertTable(request: EmulatorRequest): EmulatorResponse {
    const { project = '', dataset = '' } = request.params;
    const body = request.body;
    if (!isRecord(body) || !isRecord(body.tableReference))
      return invalid('Required parameter is missing: tableReference');
    const reference = body.tableReference;
    const tableId = typeof reference.tableId === 'string' ? reference.tableId : '';
    if (!tableId) return invalid('Required parameter is missing: tableReference.tableId');
    if (
      (reference.projectId !== undefined && reference.projectId !== project) ||
      (reference.datasetId !== undefined && reference.datasetId !== dataset)
    )
      return invalid(
        `The table reference ${String(reference.projectId)}:${String(reference.datasetId)}.${tableId} is not in dataset ${project}:${dataset} of the request path.`,
      );
    const view =
      isRecord(body.view) && typeof body.view.query === 'string' ? body.view.query : undefined;
    let schema: TableField[] = [];
    if (view === undefined || isRecord(body.schema)) {
      const fields = isRecord(body.schema) ? body.schema.fields : undefined;
      const normalized = normalizeSchema(fields ?? []);
      if (typeof normalized === 'string') return invalid(normalized);
      schema = normalized;
    }
    const created = this.create(project, dataset, tableId, schema, view);
    return 'status' in created ? created : { status: 200, body: this.resource(created) };
  }

  listTableData(request: EmulatorRequest): EmulatorResponse {
    const state = this.existing(request.params);
    if ('status' in state) return state;
    if (state.type !== 'TABLE') return invalid(`Cannot list a table of type ${state.type}.`);
    const key = tableKey(state.project, state.dataset, state.table);
    const query = request.query;
    const count = (name: string): number | EmulatorResponse | undefined => {
      const raw = query.get(name);
      if (raw === null) return undefined;
      return /^\d+$/.test(raw)
        ? Number(raw)
        : invalid(`Invalid value for ${name}: ${raw} is not a valid value`);
    };
    const maxResults = count('maxResults');
    const startIndex = count('startIndex');
    if (typeof maxResults === 'object') return maxResults;
    if (typeof startIndex === 'object') return startIndex;
    let offset = startIndex ?? 0;
    const token = query.get('pageToken');
    if (token) {
      const decoded = decodePageToken(token);
      if (!decoded || decoded.table !== key) return invalid(`Invalid page token: ${token}`);
      offset = decoded.offset;
    }
    let fields: TableField[] = state.schema;
    const selected = query.get('selectedFields');
    if (selected) {
      const names = selected.split(',').map((name) => name.trim().toLowerCase());
      const unknown = names.filter(
        (name) => !state.schema.some((field) => field.name.toLowerCase() === name),
      );
      if (unknown.length > 0)
        return invalid(`Field ${unknown[0] ?? ''} not found in table ${key}.`);
      fields = state.schema.filter((field) => names.includes(field.name.toLowerCase()));
    }
    const limit = Math.min(maxResults ?? Infinity, this.#options.maxRowsPerPage ?? 100_000);
    const page = state.rows.slice(offset, offset + limit);
    const next = offset + page.length;
    const int64 = query.get('formatOptions.useInt64Timestamp') === 'true';
    return {
      status: 200,
      body: {
        kind: 'bigquery#tableDataList',
        etag: createHash('sha256').update(`${key}@${state.lastModifiedTime}`).digest('base64'),
        totalRows: String(state.rows.length),
        ...(next < state.rows.length ? { pageToken: encodePageToken(key, next) } : {}),
        ...(page.length > 0
          ? {
              rows: page.map((row) => ({
                f: fields.map((field) => cell(field, row[field.name] ?? null, int64)),
              })),
            }
          : {}),
      },
    };
  }

  insertAll(request: EmulatorRequest): EmulatorResponse {
    const state = this.existing(request.params);
    if ('status' in state) return state;
    if (request.rawBody.length > MAX_INSERT_BYTES)
      return bigQueryError(
        400,
        `Request payload size exceeds the limit: ${MAX_INSERT_BYTES} bytes.`,
        {
          reason: 'badRequest',
        },
      );
    const body = isRecord(request.body) ? request.body : {};
    const rows = Array.isArray(body.rows) ? (body.rows as unknown[]) : [];
    if (rows.length === 0) return invalid('No rows present in the request.');
    if (rows.length > MAX_INSERT_ROWS)
      return invalid(
        `too many rows present in the request, limit: ${MAX_INSERT_ROWS} row count: ${rows.length}.`,
      );
    if (body.templateSuffix !== undefined)
      return invalid('templateSuffix is not supported by this emulator.');
    const ignoreUnknown = body.ignoreUnknownValues === true;
    const converted = rows.map((entry) => {
      const problems: Problem[] = [];
      if (!isRecord(entry) || !isRecord(entry.json)) {
        problems.push({ location: '', message: 'The row has no json object.' });
        return { problems, row: undefined, insertId: undefined };
      }
      const row = convertRecord(state.schema, entry.json, '', ignoreUnknown, problems);
      const insertId =
        typeof entry.insertId === 'string' && entry.insertId ? entry.insertId : undefined;
      return { problems, row, insertId };
    });
    const refused = converted.some((row) => row.problems.length > 0);
    const insertErrors = converted.flatMap((row, index) => {
      const errors =
        row.problems.length > 0
          ? row.problems.map((p) => ({
              reason: 'invalid',
              location: p.location,
              debugInfo: '',
              message: p.message,
            }))
          : refused && body.skipInvalidRows !== true
            ? [{ reason: 'stopped', location: '', debugInfo: '', message: '' }]
            : [];
      return errors.length > 0 ? [{ index, errors }] : [];
    });
    if (!refused || body.skipInvalidRows === true)
      for (const { row, problems, insertId } of converted)
        if (row && problems.length === 0) this.store(state, row, insertId);
    return {
      status: 200,
      body: {
        kind: 'bigquery#tableDataInsertAllResponse',
        ...(insertErrors.length > 0 ? { insertErrors } : {}),
      },
    };
  }

  store(state: TableState, row: StoredRecord, insertId: string | undefined): void {
    const now = this.#clock.now();
    if (insertId !== undefined) {
      const seen = state.insertIds.get(insertId);
      if (seen !== undefined && now - seen < (this.#options.dedupeWindowMs ?? 60_000)) {
        state.dedupedRows += 1;
        return;
      }
      state.insertIds.set(insertId, now);
    }
    state.rows.push(row);
    state.streamedRows += 1;
    state.oldestStreamedAt ??= now;
    state.lastModifiedTime = now;
  }
}

function jsonBigint(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

function encodePageToken(table: string, offset: number): string {
  return Buffer.from(JSON.stringify({ table, offset })).toString('base64url');
}

function decodePageToken(token: string): { table: string; offset: number } | undefined {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    if (isRecord(value) && typeof value.table === 'string' && Number.isInteger(value.offset))
      return { table: value.table, offset: value.offset as number };
  } catch {
    // not ours: refused below
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Start

export async function startBigQueryEmulator(
  options: BigQueryEmulatorOptions = {},
): Promise<BigQueryEmulator> {
  const project = options.project ?? 'acme-ml';
  const clock = options.clock ?? new Clock();
  const injector = options.faults ?? new FaultInjector();
  const requests = options.requests ?? new RequestLog();
  const faults = new BigQueryFaults(injector);
  const service = new BigQueryService(options, project, clock);
  const createDataset = (reference: string) => {
    const [p = '', d = ''] = service.split(reference, 2);
    service.datasets.add(`${p}:${d}`);
  };
  for (const dataset of options.datasets ?? []) createDataset(dataset);

  const base = '/bigquery/v2/projects/{project}/datasets/{dataset}/tables';
  const route = (
    name: BigQueryRoute,
    method: string,
    pattern: string,
    handler: (request: EmulatorRequest) => EmulatorResponse,
  ): Route => ({
    name: BIGQUERY_ROUTES[name],
    method,
    pattern,
    handler: (request) =>
      faults.answer(
        name,
        service.guard(
          request,
          name,
          (caller) => service.denied(caller, name, request.params) ?? handler(request),
        ),
      ),
  });
  const server: HttpServer = await startHttpServer({
    name: BIGQUERY_SERVER,
    clock,
    faults: injector,
    log: requests,
    errorBody: (status, message) =>
      bigQueryError(status, message, { reason: status === 404 ? 'notFound' : 'backendError' }).body,
    routes: [
      route('insertTable', 'POST', base, (q) => service.insertTable(q)),
      route('getTable', 'GET', `${base}/{table}`, (q) => service.getTable(q)),
      route('listTableData', 'GET', `${base}/{table}/data`, (q) => service.listTableData(q)),
      route('insertAll', 'POST', `${base}/{table}/insertAll`, (q) => service.insertAll(q)),
    ],
  });
  service.url = server.url;

  const mustFind = (reference: string): TableState => {
    const state = service.lookup(reference);
    if (!state) throw new Error(`no BigQuery table ${reference} in the emulator`);
    return state;
  };
  const createDirect = (reference: string, schema: TableField[], view: string | undefined) => {
    const [p = '', d = '', t = ''] = service.split(reference, 3);
    const created = service.create(p, d, t, schema, view);
    if ('status' in created)
      throw new Error(`cannot create ${reference}: ${JSON.stringify(created.body)}`);
    return info(created);
  };
  return {
    url: server.url,
    project,
    createDataset,
    createTable: (reference, specs) => {
      const schema = normalizeSchema(specs);
      if (typeof schema === 'string') throw new Error(`invalid schema: ${schema}`);
      return createDirect(reference, schema, undefined);
    },
    createView: (reference, query) => createDirect(reference, [], query),
    seedRows: (reference, rows) => {
      const state = mustFind(reference);
      const converted = rows.map((json, index) => {
        const problems: Problem[] = [];
        const row = convertRecord(state.schema, json, '', false, problems);
        if (problems.length > 0)
          throw new Error(`row ${index}: ${problems.map((p) => p.message).join('; ')}`);
        return row;
      });
      state.rows.push(...converted);
      state.lastModifiedTime = clock.now();
    },
    rows: (reference) => {
      const state = mustFind(reference);
      return state.rows.map((row) =>
        Object.fromEntries(
          state.schema.map((field) => [field.name, plain(field, row[field.name] ?? null)]),
        ),
      );
    },
    table: (reference) => {
      const state = service.lookup(reference);
      return state && info(state);
    },
    faults,
    requests,
    clock,
    calls: () => callCounts(requests, BIGQUERY_SERVER, BIGQUERY_ROUTES),
    close: () => server.close(),
  };
}
