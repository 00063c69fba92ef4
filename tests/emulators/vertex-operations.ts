/**
 * Long-running operations (google.longrunning.Operations over REST) for the Vertex AI emulator,
 * and the REST plumbing its services share (errors, enums, labels, filters, paging, masks).
 *
 * Wire facts (aiplatform 6.11 / google-gax 5.0.8 with `fallback: true`, by experiment):
 * - An LRO method (uploadModel, createEndpoint, deployModel, undeployModel, delete*) answers
 *   `{name: '<resource>/operations/<id>', metadata: {'@type': ..., genericMetadata: {createTime,
 *   updateTime}}, done: false}`. The client hands back an Operation whose `op.promise()` polls
 *   until `done`; it decodes `response` with the method's response type whatever its `@type`
 *   says, but the JSON → protobuf step needs a `@type` it knows, so each kind below carries the
 *   exact type URL of its proto (`operation_info` in protos.json).
 * - Polling goes to `GET /ui/{name}?` — NOT `/v1/{name}`, and without `$alt`: the generated
 *   clients' GetOperation http rule lists the `/ui/` bindings first and gax takes the first
 *   binding whose template matches. The server therefore serves both prefixes (plain `fetch`
 *   users follow the documented `/v1/`). Without `$alt` enums come back as names.
 * - Polling rhythm (gax createDefaultBackoffSettings, no per-method override in aiplatform's
 *   client configs): a first GET right away (a few ms after the call), then after 100 ms,
 *   ×1.3 each time (130, 169, ...) up to 60 s, with no total timeout. So an operation of the
 *   default 50 ms is seen pending once and done on the second poll, ~100 ms after the call.
 *
 * Emulation: an operation's work (the state change) runs `ms` after it starts, by real time,
 * but never before a GetOperation has seen it pending: real LROs take minutes, so a client
 * always sees one pending at least once, even on a busy machine where the first poll comes late.
 * An operation nobody polls still ends UNPOLLED_GRACE_MS after its time is up. The Operation
 * message is `{name, metadata: {'@type', genericMetadata: {createTime, updateTime},
 * deploymentStage?}, done, response: {'@type', ...} | error: {code, message, details: []}}`.
 * - A failed operation (`done: true, error: {code, message}`) rejects `op.promise()` with a
 *   GoogleError whose `code` IS the gRPC code (9 for FAILED_PRECONDITION), unlike an HTTP error
 *   (GaxiosError with the HTTP status as `code`, see vertex.ts).
 * - An HTTP error while polling (an injected 503 on the GET) is NOT retried: `op.promise()`
 *   rejects with that GaxiosError (code 503), although GetOperation is "idempotent" in gax's
 *   config: retries match gRPC codes and gax 5.0.8 leaves the HTTP status in `code`.
 * - Request bodies: int64 fields arrive as strings (`"maxConcurrentRunCount": "1"`), Timestamps
 *   as RFC 3339 strings, enums as ints, maps and repeated fields always present (`labels: {}`,
 *   `trafficSplit: {}`, `deployedModel.systemLabels: {}`), so "empty" and "unset" look alike.
 *   `updateMask` travels as a query parameter, the caller's paths joined by commas, in whatever
 *   case the caller wrote them (`updateMask=traffic_split,labels`). Resource names in paths
 *   are percent-encoded segment by segment: `models/m1@2` arrives as `models/m1%402`.
 */
import { ReportedError } from '../../src/core/errors.js';
import { HTTP_TO_RPC, RPC_CODES, type RpcCodeName } from '../../src/core/gcp/grpc-codes.js';
import {
  googleApiError,
  type Clock,
  type EmulatorRequest,
  type EmulatorResponse,
} from './http-server.js';

// ---------------------------------------------------------------------------------------------
// Status codes and errors

// The one code table (src/core/gcp/grpc-codes.ts), for the emulators that take it from here.
export { HTTP_TO_RPC, RPC_CODES, type RpcCodeName };

/** The HTTP status Google's REST front end answers for each gRPC code. */
const RPC_TO_HTTP: Record<RpcCodeName, number> = {
  OK: 200,
  CANCELLED: 499,
  UNKNOWN: 500,
  INVALID_ARGUMENT: 400,
  DEADLINE_EXCEEDED: 504,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  PERMISSION_DENIED: 403,
  RESOURCE_EXHAUSTED: 429,
  FAILED_PRECONDITION: 400,
  ABORTED: 409,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  UNAUTHENTICATED: 401,
  UNIMPLEMENTED: 501,
};

/**
 * The gRPC code of an error the client raised: its numeric `code` when gax mapped it, else the
 * `status` name in the JSON body gax 5.0.8 leaves in the message (see vertex.ts).
 */
export function rpcCodeOf(error: unknown): number | undefined {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof message === 'string') {
    try {
      const body = JSON.parse(message) as { error?: { status?: unknown } };
      const status = body.error?.status;
      if (typeof status === 'string' && status in RPC_CODES)
        return RPC_CODES[status as RpcCodeName];
    } catch {
      // Not a JSON body: gax already decoded it, so `code` is the gRPC code.
    }
  }
  if (typeof code !== 'number') return undefined;
  if (code < 100) return code;
  const name = HTTP_TO_RPC[code];
  return name ? RPC_CODES[name] : undefined;
}

/** google.rpc.Status as operations and jobs carry it. */
export interface RpcStatus {
  code: number;
  message: string;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function explain(error: unknown): string {
  if (error instanceof ReportedError)
    return error.details.length > 0
      ? `${error.message}: ${error.details.join('; ')}`
      : error.message;
  return error instanceof Error ? error.message : String(error);
}

export function rpcError(
  http: number,
  message: string,
  status?: RpcCodeName,
  details?: unknown[],
): EmulatorResponse {
  return googleApiError(http, message, details, status);
}

/** An error response by gRPC code name, with the HTTP status Google pairs with it. */
export function failWith(status: RpcCodeName, message: string): EmulatorResponse {
  return rpcError(RPC_TO_HTTP[status], message, status);
}

export const invalid = (message: string): EmulatorResponse => rpcError(400, message);
export const notFound = (message: string): EmulatorResponse => rpcError(404, message);
export const failedPrecondition = (message: string): EmulatorResponse =>
  rpcError(400, message, 'FAILED_PRECONDITION');

/** Whether a handler returned an error response instead of a value. */
export function isResponse(value: unknown): value is EmulatorResponse {
  return isRecord(value) && typeof value.status === 'number' && 'body' in value;
}

// ---------------------------------------------------------------------------------------------
// Enums

/** The client asks for int enums (`$alt=json;enum-encoding=int`); plain fetch gets names. */
export function wantsIntEnums(request: EmulatorRequest | { intEnums: boolean }): boolean {
  return 'intEnums' in request
    ? request.intEnums
    : (request.query.get('$alt') ?? '').includes('enum-encoding=int');
}

export function enumOut<T extends string>(table: readonly T[], name: T, ints: boolean): number | T {
  return ints ? table.indexOf(name) : name;
}

/** Reads an enum given as a name or an int (the client sends ints). */
export function enumIn<T extends string>(table: readonly T[], value: unknown): T | undefined {
  if (value === undefined || value === null) return table[0];
  if (typeof value === 'number') return table[value];
  return table.find((name) => name === value);
}

// ---------------------------------------------------------------------------------------------
// Labels, timestamps, numbers

const LABEL_KEY = /^\p{Ll}[\p{Ll}\p{Lo}0-9_-]{0,62}$/u;
const LABEL_VALUE = /^[\p{Ll}\p{Lo}0-9_-]{0,63}$/u;

/**
 * Labels as GCP checks them: at most 64; keys start with a lowercase letter; keys and values
 * hold lowercase letters (international ones too), digits, `_` and `-`, at most 63 characters.
 */
export function labelProblems(labels: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const entries = Object.entries(labels);
  if (entries.length > 64) problems.push(`at most 64 labels are allowed, got ${entries.length}`);
  for (const [key, value] of entries) {
    if (!LABEL_KEY.test(key))
      problems.push(
        `label key "${key}" must start with a lowercase letter and contain only lowercase letters, digits, "_" and "-" (at most 63 characters)`,
      );
    if (typeof value !== 'string' || !LABEL_VALUE.test(value))
      problems.push(
        `label value ${JSON.stringify(value)} of "${key}" may contain only lowercase letters, digits, "_" and "-" (at most 63 characters)`,
      );
  }
  return problems;
}

/** The request's labels, or an INVALID_ARGUMENT naming the field. */
export function readLabels(
  value: unknown,
  field: string,
): Record<string, string> | EmulatorResponse {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) return invalid(`Invalid ${field}: expected a map of strings.`);
  const problems = labelProblems(value);
  return problems.length > 0
    ? invalid(`Invalid ${field}: ${problems.join('; ')}.`)
    : (value as Record<string, string>);
}

/** A proto3 JSON Timestamp (RFC 3339 string) as epoch ms; undefined when unset. */
export function readTimestamp(
  value: unknown,
  field: string,
): number | undefined | EmulatorResponse {
  if (value === undefined || value === null || value === '') return undefined;
  const ms =
    typeof value === 'string' &&
    /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value)
      ? Date.parse(value)
      : Number.NaN;
  return Number.isNaN(ms)
    ? invalid(`Invalid ${field} ${JSON.stringify(value)}: expected an RFC 3339 timestamp.`)
    : ms;
}

/** A proto3 JSON int32/int64 (a number or a decimal string); undefined when unset. */
export function readInt(value: unknown, field: string): number | undefined | EmulatorResponse {
  if (value === undefined || value === null) return undefined;
  const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n)
    ? n
    : invalid(`Invalid ${field} ${JSON.stringify(value)}: expected an integer.`);
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

// ---------------------------------------------------------------------------------------------
// Filters, paging, update masks

/** `displayName` → `display_name`: Vertex accepts both spellings in filters and masks. */
export function snakeCase(path: string): string {
  return path.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** How a list filter reads an item: field (snake_case) → value, and the item's labels. */
export interface FilterFields<T> {
  fields: Record<string, (item: T) => string | undefined>;
  labels?: (item: T) => Readonly<Record<string, string>>;
}

/** `a = "x"`, `labels.k != "y"`, `labels.k:*`, joined by AND. */
const FILTER_TERM = /\s*([A-Za-z_][\w.-]*)\s*(!=|=|:)\s*("(?:[^"\\]|\\.)*"|[^\s()"]+)\s*/y;

/** A predicate for an AIP-160 filter, or the reason it is not understood. */
export function parseFilter<T>(
  filter: string,
  { fields, labels }: FilterFields<T>,
): ((item: T) => boolean) | string {
  const tests: Array<(item: T) => boolean> = [];
  let index = 0;
  while (index < filter.length) {
    FILTER_TERM.lastIndex = index;
    const match = FILTER_TERM.exec(filter);
    if (!match?.[1] || !match[2] || match[3] === undefined)
      return `Unsupported filter at "${filter.slice(index)}": the emulator understands field="value" terms joined by AND`;
    const [, field, op, raw] = match;
    const value = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw;
    let read: (item: T) => string | undefined;
    if (field.startsWith('labels.') && labels) {
      const key = field.slice('labels.'.length);
      read = (item) => labels(item)[key];
    } else {
      const reader = fields[snakeCase(field)];
      if (!reader) return `Unsupported filter field "${field}"`;
      read = reader;
    }
    if (op === ':' && value !== '*') return `Only "${field}:*" (has field) is supported with ":"`;
    tests.push(
      op === ':'
        ? (item) => read(item) !== undefined
        : op === '='
          ? (item) => read(item) === value
          : (item) => read(item) !== value,
    );
    index = FILTER_TERM.lastIndex;
    const and = /AND\b/y;
    and.lastIndex = index;
    if (and.exec(filter)) index = and.lastIndex;
    else if (index < filter.length) return `Unsupported filter at "${filter.slice(index)}"`;
  }
  return (item) => tests.every((test) => test(item));
}

function encodePageToken(offset: number, filter: string): string {
  return Buffer.from(JSON.stringify({ offset, filter })).toString('base64url');
}

function decodePageToken(token: string): { offset: number; filter: string } | undefined {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    if (isRecord(value) && Number.isInteger(value.offset) && typeof value.filter === 'string')
      return { offset: value.offset as number, filter: value.filter };
  } catch {
    // An invalid token is the caller's error, reported as INVALID_ARGUMENT.
  }
  return undefined;
}

/**
 * One page of `items` (already filtered and ordered) for the request's pageSize/pageToken.
 * Tokens are bound to the filter, as Google's are: reusing one with another filter is an error.
 */
export function paginate<T>(
  request: EmulatorRequest,
  items: readonly T[],
  defaultSize = 100,
): { page: T[]; nextPageToken: string | undefined } | EmulatorResponse {
  const filter = request.query.get('filter') ?? '';
  const pageSize = Number(request.query.get('pageSize') ?? '0');
  if (!Number.isInteger(pageSize) || pageSize < 0) return invalid(`Invalid page_size ${pageSize}.`);
  const size = pageSize === 0 ? defaultSize : Math.min(pageSize, 1000);
  let offset = 0;
  const token = request.query.get('pageToken');
  if (token) {
    const decoded = decodePageToken(token);
    if (!decoded || decoded.filter !== filter) return invalid(`Invalid page_token "${token}".`);
    offset = decoded.offset;
  }
  return {
    page: items.slice(offset, offset + size),
    nextPageToken:
      offset + size < items.length ? encodePageToken(offset + size, filter) : undefined,
  };
}

/** A list request's filter as a predicate (match-all when empty), or an INVALID_ARGUMENT. */
export function listFilter<T>(
  request: EmulatorRequest,
  fields: FilterFields<T>,
): ((item: T) => boolean) | EmulatorResponse {
  const filter = request.query.get('filter') ?? '';
  if (filter.trim() === '') return () => true;
  const parsed = parseFilter(filter, fields);
  return typeof parsed === 'string' ? invalid(parsed) : parsed;
}

/**
 * Items ordered by the request's `orderBy` (`create_time desc, display_name`), by the given
 * keys; the items as they are when there is no orderBy; INVALID_ARGUMENT for other fields.
 */
export function orderItems<T>(
  request: EmulatorRequest,
  items: readonly T[],
  keys: Record<string, (item: T) => string | number>,
): T[] | EmulatorResponse {
  const orderBy = (request.query.get('orderBy') ?? '').trim();
  const sorted = [...items];
  if (!orderBy) return sorted;
  const terms: Array<{ key: (item: T) => string | number; sign: number }> = [];
  for (const term of orderBy.split(',')) {
    const [field = '', direction = 'asc', ...rest] = term.trim().split(/\s+/);
    const key = keys[snakeCase(field)];
    if (!key || rest.length > 0 || !['asc', 'desc'].includes(direction.toLowerCase()))
      return invalid(
        `Invalid order_by "${orderBy}": supported fields are ${Object.keys(keys).join(', ')}, each optionally followed by "desc".`,
      );
    terms.push({ key, sign: direction.toLowerCase() === 'desc' ? -1 : 1 });
  }
  return sorted.sort((a, b) => {
    for (const { key, sign } of terms) {
      const [x, y] = [key(a), key(b)];
      if (x !== y) return (x < y ? -1 : 1) * sign;
    }
    return 0;
  });
}

/** The `updateMask` paths in snake_case; an INVALID_ARGUMENT when absent or not `allowed`. */
export function updateMask(
  request: EmulatorRequest,
  allowed: readonly string[],
): string[] | EmulatorResponse {
  const raw = request.query.get('updateMask') ?? '';
  const paths = raw
    .split(',')
    .map((path) => snakeCase(path.trim()))
    .filter(Boolean);
  if (paths.length === 0) return invalid('update_mask is required and must not be empty.');
  const unknown = paths.filter((path) => !allowed.includes(path));
  return unknown.length > 0
    ? invalid(
        `Invalid update_mask path(s) ${unknown.map((p) => `"${p}"`).join(', ')}: updatable fields are ${allowed.join(', ')}.`,
      )
    : paths;
}

// ---------------------------------------------------------------------------------------------
// Service context

/** Who called: the principal of the bearer token (undefined without a validateToken callback). */
export interface Caller {
  principal: string | undefined;
  serviceAccount: string | undefined;
}

/** What the Vertex services share: the project, the region, the clock, ids, IAM and LROs. */
export interface ServiceContext {
  readonly project: string;
  readonly projectNumber: string;
  readonly region: string;
  readonly clock: Clock;
  /** A fresh numeric id, unique across the emulator (Vertex ids are decimal numbers). */
  newId(): string;
  /** Project, region and IAM checks of a `{project}/{location}` request. */
  checkParent(
    params: Record<string, string>,
    caller: Caller,
    permission: string,
  ): EmulatorResponse | undefined;
  /** IAM: PERMISSION_DENIED unless the authorize callback allows `permission` on `resource`. */
  denied(caller: Caller, permission: string, resource: string): EmulatorResponse | undefined;
  /** The local file or folder standing in for a `gs://` URI (throws for a malformed one). */
  localPath(uri: string): string;
  /** A queued failNextOperation for this kind of LRO, if any (consumed). */
  takeOperationFailure(kind: OperationKind): RpcStatus | undefined;
}

/** `projects/<number>/locations/<region>`, the parent Vertex puts in the names it returns. */
export function locationName(ctx: ServiceContext): string {
  return `projects/${ctx.projectNumber}/locations/${ctx.region}`;
}

/**
 * Parses `projects/P/locations/L/<collection>/<id>` (the project as id or number) and checks
 * it names this emulator's project and region; an INVALID_ARGUMENT/NOT_FOUND otherwise.
 */
export function parseOwnName(
  ctx: ServiceContext,
  name: unknown,
  collection: string,
  field: string,
): string | EmulatorResponse {
  const match =
    typeof name === 'string'
      ? new RegExp(`^projects/([^/]+)/locations/([^/]+)/${collection}/([^/]+)$`).exec(name)
      : null;
  if (!match?.[1] || !match[2] || !match[3])
    return invalid(
      `Invalid ${field} ${JSON.stringify(name)}: expected projects/{project}/locations/{location}/${collection}/{id}.`,
    );
  if (match[1] !== ctx.project && match[1] !== ctx.projectNumber)
    return notFound(`${field} "${String(name)}" does not exist.`);
  if (match[2] !== ctx.region)
    return invalid(
      `Invalid ${field} "${String(name)}": location ${match[2]} is not ${ctx.region}, the region this endpoint serves.`,
    );
  return match[3];
}

// ---------------------------------------------------------------------------------------------
// Long-running operations

const AIPLATFORM = 'type.googleapis.com/google.cloud.aiplatform.v1';
/** An operation nobody polls ends this long after its emulated work time. */
const UNPOLLED_GRACE_MS = 2000;
const EMPTY = 'type.googleapis.com/google.protobuf.Empty';

/** Each LRO method's metadata and response types (`operation_info` in the protos). */
export const OPERATION_TYPES = {
  uploadModel: {
    metadata: `${AIPLATFORM}.UploadModelOperationMetadata`,
    response: `${AIPLATFORM}.UploadModelResponse`,
  },
  deleteModel: { metadata: `${AIPLATFORM}.DeleteOperationMetadata`, response: EMPTY },
  deleteModelVersion: { metadata: `${AIPLATFORM}.DeleteOperationMetadata`, response: EMPTY },
  createEndpoint: {
    metadata: `${AIPLATFORM}.CreateEndpointOperationMetadata`,
    response: `${AIPLATFORM}.Endpoint`,
  },
  deleteEndpoint: { metadata: `${AIPLATFORM}.DeleteOperationMetadata`, response: EMPTY },
  deployModel: {
    metadata: `${AIPLATFORM}.DeployModelOperationMetadata`,
    response: `${AIPLATFORM}.DeployModelResponse`,
  },
  undeployModel: {
    metadata: `${AIPLATFORM}.UndeployModelOperationMetadata`,
    response: `${AIPLATFORM}.UndeployModelResponse`,
  },
  deleteSchedule: { metadata: `${AIPLATFORM}.DeleteOperationMetadata`, response: EMPTY },
} as const;
export type OperationKind = keyof typeof OPERATION_TYPES;

/** DeploymentStage: not contiguous, so a name → number table. */
export const DEPLOYMENT_STAGES = {
  DEPLOYMENT_STAGE_UNSPECIFIED: 0,
  STARTING_MODEL_SERVER: 3,
  FINISHING_UP: 4,
  STARTING_DEPLOYMENT: 5,
  PREPARING_MODEL: 6,
  CREATING_SERVING_CLUSTER: 7,
  ADDING_NODES_TO_CLUSTER: 8,
  GETTING_CONTAINER_IMAGE: 9,
  DEPLOYMENT_TERMINATED: 10,
  SUCCESSFULLY_DEPLOYED: 11,
  FAILED_TO_DEPLOY: 12,
} as const;
export type DeploymentStage = keyof typeof DEPLOYMENT_STAGES;

/** What an operation's work produced: the response message (without `@type`) or an error. */
export type OperationResult = { response: Record<string, unknown> } | { error: RpcStatus };

export interface EmulatedOperation {
  /** `projects/<number>/locations/<region>/<collection>/<id>/operations/<op id>`. */
  readonly name: string;
  readonly kind: OperationKind;
  /** The resource the operation works on (its name without `/operations/...`). */
  readonly resource: string;
  readonly createTime: string;
  readonly updateTime: string;
  readonly done: boolean;
  readonly error: RpcStatus | undefined;
  /** The response message (without `@type`) once done without error. */
  readonly response: Record<string, unknown> | undefined;
  /** Set for deploy/createEndpoint operations, as Vertex reports them. */
  readonly deploymentStage: DeploymentStage | undefined;
  /** Real time (ms since the epoch) at which the emulated work ends. */
  readonly doneAt: number;
  /** GetOperation calls answered so far (the first one always finds the operation pending). */
  readonly polls: number;
  /** Settles when the operation is done. */
  readonly settled: Promise<void>;
}

interface OperationEntry extends EmulatedOperation {
  updateTime: string;
  done: boolean;
  error: RpcStatus | undefined;
  response: Record<string, unknown> | undefined;
  deploymentStage: DeploymentStage | undefined;
  polls: number;
  timers: NodeJS.Timeout[];
  /** Runs the work now (once), e.g. when a poll comes after doneAt before the timer fired. */
  fire: () => void;
  finish: () => void;
}

export interface StartOperation {
  kind: OperationKind;
  /** The resource the operation works on, named with the project number. */
  resource: string;
  /** Emulated work time; the operation is done this many ms (real time) after it starts. */
  ms: number;
  /** The work, run when the time is up: applies the state change and says what came of it. */
  run: () => OperationResult | Promise<OperationResult>;
  /** Report a deploymentStage (deployModel, createEndpoint). */
  stages?: boolean;
  /** Runs once the operation is done, however it ended (release reservations, counters). */
  cleanup?: () => void;
}

/** The operations of one emulator: started by the services, polled through GetOperation. */
export class OperationStore {
  readonly operations = new Map<string, OperationEntry>();
  readonly #ctx: ServiceContext;
  #closed = false;

  constructor(ctx: ServiceContext) {
    this.#ctx = ctx;
  }

  /**
   * Starts an operation. A failNextOperation queued for its kind makes it end with that error
   * without running the work, so the state stays as it was.
   */
  start({ kind, resource, ms, run, stages, cleanup }: StartOperation): OperationEntry {
    const now = isoTime(this.#ctx.clock.now());
    const injected = this.#ctx.takeOperationFailure(kind);
    let finish = (): void => undefined;
    const settled = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const op: OperationEntry = {
      name: `${resource}/operations/${this.#ctx.newId()}`,
      kind,
      resource,
      createTime: now,
      updateTime: now,
      done: false,
      error: undefined,
      response: undefined,
      deploymentStage: stages ? 'STARTING_DEPLOYMENT' : undefined,
      doneAt: Date.now() + ms,
      settled,
      polls: 0,
      timers: [],
      fire: () => undefined,
      finish,
    };
    let fired = false;
    op.fire = () => {
      if (fired) return;
      fired = true;
      for (const timer of op.timers) clearTimeout(timer);
      void this.#complete(op, injected, run).finally(cleanup);
    };
    this.operations.set(op.name, op);
    op.timers = [
      // Done at doneAt once a poll has seen it pending; unpolled, a little later anyway.
      setTimeout(() => {
        if (op.polls > 0) op.fire();
      }, ms),
      setTimeout(op.fire, ms + UNPOLLED_GRACE_MS),
    ];
    return op;
  }

  async #complete(
    op: OperationEntry,
    injected: RpcStatus | undefined,
    run: StartOperation['run'],
  ): Promise<void> {
    let result: OperationResult;
    try {
      result = this.#closed
        ? { error: { code: RPC_CODES.CANCELLED, message: 'The emulator is shutting down.' } }
        : injected
          ? { error: injected }
          : await run();
    } catch (error) {
      result = {
        error: { code: RPC_CODES.INTERNAL, message: `Internal error: ${explain(error)}` },
      };
    }
    op.updateTime = isoTime(this.#ctx.clock.now());
    if ('error' in result) op.error = result.error;
    else op.response = result.response;
    if (op.deploymentStage)
      op.deploymentStage = 'error' in result ? 'FAILED_TO_DEPLOY' : 'SUCCESSFULLY_DEPLOYED';
    op.done = true;
    op.finish();
  }

  /** The Operation message as GetOperation returns it. */
  resource(op: EmulatedOperation, ints: boolean): Record<string, unknown> {
    const types = OPERATION_TYPES[op.kind];
    return {
      name: op.name,
      metadata: {
        '@type': types.metadata,
        genericMetadata: { createTime: op.createTime, updateTime: op.updateTime },
        ...(op.deploymentStage
          ? {
              deploymentStage: ints ? DEPLOYMENT_STAGES[op.deploymentStage] : op.deploymentStage,
            }
          : {}),
      },
      done: op.done,
      ...(op.error ? { error: { ...op.error, details: [] } } : {}),
      ...(op.response ? { response: { '@type': types.response, ...op.response } } : {}),
    };
  }

  /** The first answer of an LRO method: the operation, not yet done. */
  accepted(op: EmulatedOperation, request: EmulatorRequest): EmulatorResponse {
    return { status: 200, body: this.resource(op, wantsIntEnums(request)) };
  }

  /** GET /v1|ui/{name=projects/*\/locations/*\/**\/operations/*}. */
  async get(request: EmulatorRequest, caller: Caller): Promise<EmulatorResponse> {
    const denied = this.#ctx.checkParent(request.params, caller, 'aiplatform.operations.list');
    if (denied) return denied;
    const { project = '', location = '', path: rest = '' } = request.params;
    const op = this.operations.get(
      `projects/${this.#ctx.projectNumber}/locations/${location}/${rest}`,
    );
    if (!op)
      return notFound(`Operation "projects/${project}/locations/${location}/${rest}" not found.`);
    // The work ends by real time, but the first poll always finds it pending (as real LROs,
    // which take minutes, are): a poll after that and after doneAt sees it done even if the
    // timer has not fired yet (a busy event loop).
    if (!op.done && op.polls > 0 && Date.now() >= op.doneAt) {
      op.fire();
      await op.settled;
    }
    op.polls += 1;
    const body = this.resource(op, wantsIntEnums(request));
    // A first poll that came late: the work is due, so it runs now, after this answer.
    if (!op.done && Date.now() >= op.doneAt) setImmediate(op.fire);
    return { status: 200, body };
  }

  /** Resolves once every operation started so far is done. */
  async settled(): Promise<void> {
    await Promise.all([...this.operations.values()].map((op) => op.settled));
  }

  /** Ends what still runs with CANCELLED, without doing the work. */
  close(): void {
    this.#closed = true;
    for (const op of this.operations.values()) if (!op.done) op.fire();
  }
}
