/**
 * A Vertex AI Pipelines REST emulator (PipelineService v1: create, get, list, cancel) that the
 * real `@google-cloud/aiplatform` client talks to, and whose jobs really run: each created job
 * goes through the project's local runner with a SubprocessExecutor, against a folder standing
 * in for Cloud Storage.
 *
 * Client options for loopback HTTP (aiplatform 6.11 / google-gax 5.0.8, checked in gax's
 * fallback.js and by experiment):
 *
 *   new v1.PipelineServiceClient({ apiEndpoint: '127.0.0.1', port, protocol: 'http',
 *                                  fallback: true, authClient })
 *
 * - `fallback: true` (or the older `'rest'`) picks gax's REST transport; without it the client
 *   speaks gRPC over TLS and fails against a plain HTTP server.
 * - `protocol: 'http'`: the REST transport defaults to https.
 * - `port` must be its own option: the client always sets `opts.port` (default 443), which wins
 *   over a `host:port` apiEndpoint, so `apiEndpoint: '127.0.0.1:8080'` dials port 443.
 * - `authClient`: any google-auth-library AuthClient (an OAuth2Client with `setCredentials(
 *   {access_token})`, an ExternalAccountClient...). gax calls `authClient.fetch()`, which adds
 *   `Authorization: Bearer <token>`.
 *
 * Wire facts (same versions, by experiment):
 * - Every call carries `?$alt=json%3Benum-encoding=int`: the client asks for enums as integers.
 *   Responses honour it; a request without it (plain fetch) gets enum names, as Google does.
 *   The client accepts both and hands callers enum names (`state: 'PIPELINE_STATE_SUCCEEDED'`).
 * - Create: `POST /v1/projects/P/locations/L/pipelineJobs?pipelineJobId=ID&$alt=...` with the
 *   PipelineJob as proto3 JSON. Get: `GET .../pipelineJobs/ID`. Cancel: `POST
 *   .../pipelineJobs/ID:cancel` with body `{}`. List: `GET .../pipelineJobs?filter=..&pageSize=
 *   ..&pageToken=..` (the client sends filter/pageSize/pageToken only when set).
 * - Struct and Value fields travel as plain JSON: `pipelineSpec` is the IR object,
 *   `runtimeConfig.parameterValues` is `{name: 3}`. The client only gets there from
 *   `helpers.toValue(spec).structValue` / `helpers.toValue(v)`: a plain object as pipelineSpec is
 *   silently sent as `{}`, and a plain parameter value throws "object expected" client-side.
 *   The request also always carries `runtimeConfig.parameters: {}` and `inputArtifacts: {}`;
 *   request enums are ints too (`failurePolicy: 2`).
 * - In responses the client turns Structs into `{fields: {k: {numberValue: 1, kind}}}`, Values
 *   into `{stringValue, kind}`, Timestamps into `{seconds: '1704067200', nanos}` objects, int64
 *   (taskId, parentTaskId) into strings, and fills every absent field with its default
 *   (`parentTaskId: '0'`, `error: null`, `startTime: null`).
 * - Errors: the body is Google's `{"error": {code, message, status}}`. With gax 5.0.8 and
 *   gaxios 7 the client does NOT map it to a gRPC code: it rejects with a GaxiosError whose
 *   `code` and `status` are the HTTP status (409, 401, 503...) and whose message is the raw
 *   body (gax-nodejs#1803, fixed later by google-cloud-node#9346). `rpcCodeOf()` below recovers
 *   the gRPC code. PipelineService methods have no client-side retries ("non_idempotent").
 */
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  SubprocessExecutor,
  type ContainerExecutor,
} from '../../src/adapters/local-runner/executors.js';
import {
  runPipelineLocally,
  type TaskEvent,
} from '../../src/adapters/local-runner/local-runner.js';
import { UserError } from '../../src/core/errors.js';
import { resolveRunParameters, type ParameterValue } from '../../src/core/ir/parameters.js';
import type { ComponentSpec, PipelineSpec, PipelineTaskSpec } from '../../src/core/ir/schema.js';
import { validatePipelineSpec } from '../../src/core/ir/validate.js';
import type { ArtifactRecord, RunRecord, TaskFailure } from '../../src/core/run-record.js';
import {
  Clock,
  FaultInjector,
  googleApiError,
  RequestLog,
  startHttpServer,
  type EmulatorRequest,
  type EmulatorResponse,
  type HttpServer,
} from './http-server.js';

// ---------------------------------------------------------------------------------------------
// Enums: index = wire integer (checked against the client's compiled protos in the tests)

export const PIPELINE_STATES = [
  'PIPELINE_STATE_UNSPECIFIED',
  'PIPELINE_STATE_QUEUED',
  'PIPELINE_STATE_PENDING',
  'PIPELINE_STATE_RUNNING',
  'PIPELINE_STATE_SUCCEEDED',
  'PIPELINE_STATE_FAILED',
  'PIPELINE_STATE_CANCELLING',
  'PIPELINE_STATE_CANCELLED',
  'PIPELINE_STATE_PAUSED',
] as const;
export type PipelineState = (typeof PIPELINE_STATES)[number];

/** PipelineTaskDetail.State. The proto documents SKIPPED as "skipped due to cache hit". */
export const TASK_STATES = [
  'STATE_UNSPECIFIED',
  'PENDING',
  'RUNNING',
  'SUCCEEDED',
  'CANCEL_PENDING',
  'CANCELLING',
  'CANCELLED',
  'FAILED',
  'SKIPPED',
  'NOT_TRIGGERED',
] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const EXECUTION_STATES = [
  'STATE_UNSPECIFIED',
  'NEW',
  'RUNNING',
  'COMPLETE',
  'FAILED',
  'CACHED',
  'CANCELLED',
] as const;
export type ExecutionState = (typeof EXECUTION_STATES)[number];

export const ARTIFACT_STATES = ['STATE_UNSPECIFIED', 'PENDING', 'LIVE'] as const;

export const FAILURE_POLICIES = [
  'PIPELINE_FAILURE_POLICY_UNSPECIFIED',
  'PIPELINE_FAILURE_POLICY_FAIL_SLOW',
  'PIPELINE_FAILURE_POLICY_FAIL_FAST',
] as const;
export type FailurePolicy = (typeof FAILURE_POLICIES)[number];

const TERMINAL: ReadonlySet<PipelineState> = new Set([
  'PIPELINE_STATE_SUCCEEDED',
  'PIPELINE_STATE_FAILED',
  'PIPELINE_STATE_CANCELLED',
  'PIPELINE_STATE_PAUSED',
]);

/** google.rpc.Code by name, for `rpcCodeOf` and error bodies. */
export const RPC_CODES = {
  OK: 0,
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
  UNIMPLEMENTED: 12,
} as const;

/**
 * The gRPC code of an error the client raised: its numeric `code` when gax mapped it, else the
 * `status` name in the JSON body gax 5.0.8 leaves in the message (see the header comment).
 */
export function rpcCodeOf(error: unknown): number | undefined {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof message === 'string') {
    try {
      const body = JSON.parse(message) as { error?: { status?: unknown } };
      const status = body.error?.status;
      if (typeof status === 'string' && status in RPC_CODES)
        return RPC_CODES[status as keyof typeof RPC_CODES];
    } catch {
      // Not a JSON body: gax already decoded it, so `code` is the gRPC code.
    }
  }
  if (typeof code !== 'number') return undefined;
  if (code < 100) return code;
  const name = HTTP_TO_RPC[code];
  return name ? RPC_CODES[name] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Public types

/** What the auth emulators' `validateAccessToken` returns (structurally). */
export type TokenValidation =
  | { ok: true; principal: string; serviceAccount?: string; scopes?: readonly string[] }
  | { ok: false; reason: 'unknown' | 'expired' };

export interface AuthorizationCheck {
  /** Principal of the bearer token; undefined when no validateToken callback is set. */
  principal: string | undefined;
  serviceAccount: string | undefined;
  /** e.g. `aiplatform.pipelineJobs.create`, `iam.serviceAccounts.actAs`. */
  permission: string;
  /** Full resource name, e.g. `projects/p/locations/l` or `projects/-/serviceAccounts/sa@x`. */
  resource: string;
}

export type VertexRoute =
  'createPipelineJob' | 'getPipelineJob' | 'listPipelineJobs' | 'cancelPipelineJob';

/** Route names in the request log and fault selectors (`server: 'vertex'`). */
export const VERTEX_ROUTES: Readonly<Record<VertexRoute, string>> = {
  createPipelineJob: 'vertex.createPipelineJob',
  getPipelineJob: 'vertex.getPipelineJob',
  listPipelineJobs: 'vertex.listPipelineJobs',
  cancelPipelineJob: 'vertex.cancelPipelineJob',
};

export interface VertexEmulatorOptions {
  /** Project ID. Default `acme-ml`. */
  project?: string;
  /** Project number: resource names use it, as Vertex does. Default `123456789012`. */
  projectNumber?: string;
  /** The one region this "regional endpoint" serves. Default `us-central1`. */
  region?: string;
  /** Checks bearer tokens (the auth emulators' validateAccessToken); default: any non-empty token. */
  validateToken?: (token: string) => TokenValidation;
  /** IAM: false answers 403 PERMISSION_DENIED. Default: everything allowed. */
  authorize?: (check: AuthorizationCheck) => boolean;
  /** Interpreter for `python`/`python3` commands of tasks. */
  python?: string;
  /** Working directory of task subprocesses. Default `process.cwd()`. */
  workdir?: string;
  /** Replaces the SubprocessExecutor (e.g. a DockerExecutor). */
  executor?: ContainerExecutor;
  /** Container tasks running at once per job. Default 4. */
  parallelism?: number;
  /** Scales retry back-off; default 0 so retried tasks do not slow tests down. */
  backoffScale?: number;
  /** Folder for the fake Cloud Storage and the task cache. Default: a temp dir removed on close. */
  dataDir?: string;
  /** Time a job spends QUEUED before PENDING; 0 (default) creates jobs PENDING. */
  queuedMs?: number;
  /** Time a job spends PENDING before RUNNING. Default 0 (the next tick). */
  pendingMs?: number;
  /**
   * Task state of a cache hit. The proto documents SKIPPED ("skipped due to cache hit"), with
   * execution.state CACHED; SUCCEEDED is there to test readers against both.
   */
  cachedTaskState?: 'SKIPPED' | 'SUCCEEDED';
  /** How long close() waits for cancelled runners before giving up on them. Default 5000. */
  closeGraceMs?: number;
  /** Share with the auth emulators so one clock, fault plan and request log drive all. */
  clock?: Clock;
  faults?: FaultInjector;
  requests?: RequestLog;
}

export interface RpcStatus {
  code: number;
  message: string;
}

export interface EmulatedTask {
  readonly taskId: string;
  /** The local runner's path (`train`, `for-loop-2/0/square`); '' for the pipeline itself. */
  readonly path: string;
  readonly taskName: string;
  readonly parentTaskId: string | undefined;
  /** A ParallelFor iteration: the runner reports no events for it, its state is derived. */
  readonly iteration: boolean;
  readonly dag: boolean;
  readonly createTime: string;
  readonly startTime: string | undefined;
  readonly endTime: string | undefined;
  readonly state: TaskState;
  readonly cached: boolean;
  readonly error: RpcStatus | undefined;
  /** Output parameters (from the run record, once the job ends). */
  readonly parameters: Readonly<Record<string, ParameterValue>>;
  /** Output artifacts with `gs://` URIs (from the run record, once the job ends). */
  readonly artifacts: Readonly<Record<string, readonly ArtifactRecord[]>>;
}

export interface EmulatedPipelineJob {
  readonly id: string;
  /** `projects/<number>/locations/<region>/pipelineJobs/<id>`. */
  readonly name: string;
  readonly displayName: string;
  /** The caller's labels plus the `vertex-ai-pipelines-run-billing-id` Vertex adds. */
  readonly labels: Readonly<Record<string, string>>;
  readonly serviceAccount: string;
  /** Principal of the token that created the job. */
  readonly createdBy: string | undefined;
  /** The spec as received (proto3 JSON). */
  readonly pipelineSpec: Readonly<Record<string, unknown>>;
  readonly spec: PipelineSpec;
  /** Resolved parameters the runner got (defaults filled in). */
  readonly parameters: Readonly<Record<string, ParameterValue>>;
  readonly gcsOutputDirectory: string;
  /** Local folder standing in for `<gcsOutputDirectory>/<project number>/<job id>`. */
  readonly localRoot: string;
  readonly failurePolicy: FailurePolicy;
  readonly state: PipelineState;
  /** Every state the job went through, in order. */
  readonly stateHistory: readonly PipelineState[];
  readonly createTime: string;
  readonly startTime: string | undefined;
  readonly endTime: string | undefined;
  readonly updateTime: string;
  readonly error: RpcStatus | undefined;
  /** Stuck by fault injection: RUNNING forever, the runner never started. */
  readonly stuck: boolean;
  readonly tasks: ReadonlyMap<string, EmulatedTask>;
  /** The local runner's record, once it returned. */
  readonly record: RunRecord | undefined;
  /** Settles when the job reaches a terminal state. */
  readonly done: Promise<void>;
}

export interface VertexEmulator {
  readonly endpoint: { host: string; port: number; url: string };
  readonly project: string;
  readonly projectNumber: string;
  readonly region: string;
  /** `projects/<project>/locations/<region>`. */
  readonly parent: string;
  /** Jobs by id. */
  readonly jobs: ReadonlyMap<string, EmulatedPipelineJob>;
  readonly faults: VertexFaults;
  readonly requests: RequestLog;
  readonly clock: Clock;
  /** Options for `new v1.PipelineServiceClient(...)` that reach this emulator. */
  clientOptions<A>(authClient: A): {
    apiEndpoint: string;
    port: number;
    protocol: 'http';
    fallback: true;
    authClient: A;
  };
  /** API calls received, by route (`unmatched` for unknown paths), faulted ones included. */
  calls(): Record<VertexRoute | 'unmatched', number>;
  /** The job as GET returns it (enum names unless `intEnums`). */
  resource(jobId: string, options?: { intEnums?: boolean }): Record<string, unknown>;
  /** Local path of a `gs://bucket/object` URI. */
  localPath(gcsUri: string): string;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Faults

/** Vertex-specific fault controls over the (possibly shared) HTTP fault injector. */
export class VertexFaults {
  readonly injector: FaultInjector;
  readonly #server: string;
  #stickNext = 0;
  readonly #stuckIds = new Set<string>();

  constructor(injector: FaultInjector, server: string) {
    this.injector = injector;
    this.#server = server;
  }

  /** The next `count` calls (of `route`, or any Vertex route) fail with `status`. */
  failNext(
    count: number,
    status: number,
    options: { route?: VertexRoute; retryAfterSeconds?: number; message?: string } = {},
  ): void {
    const rpc = HTTP_TO_RPC[status] ?? 'UNKNOWN';
    this.injector.failNext(count, {
      server: this.#server,
      ...(options.route ? { route: VERTEX_ROUTES[options.route] } : {}),
      status,
      ...(options.retryAfterSeconds !== undefined
        ? { retryAfterSeconds: options.retryAfterSeconds }
        : {}),
      body: {
        error: {
          code: status,
          message: options.message ?? DEFAULT_FAULT_MESSAGES[rpc] ?? `Injected fault (${status}).`,
          status: rpc,
        },
      },
    });
  }

  /** Delays calls of `route` (or every Vertex route); returns an undo function. */
  setLatency(ms: number, route?: VertexRoute): () => void {
    return this.injector.setLatency(ms, {
      server: this.#server,
      ...(route ? { route: VERTEX_ROUTES[route] } : {}),
    });
  }

  /** The next `count` jobs to start go RUNNING and stay there: the runner never starts. */
  stickNextJobs(count = 1): void {
    this.#stickNext += count;
  }

  /** The job with this id (created later, or not yet started) gets stuck in RUNNING. */
  stickJob(jobId: string): void {
    this.#stuckIds.add(jobId);
  }

  /** Clears the Vertex controls and the injector (shared injectors: for every server). */
  clear(): void {
    this.#stickNext = 0;
    this.#stuckIds.clear();
    this.injector.clear();
  }

  /** @internal Whether the job starting now is to get stuck (consumes one stickNextJobs). */
  takeStuck(jobId: string): boolean {
    if (this.#stuckIds.delete(jobId)) return true;
    if (this.#stickNext > 0) {
      this.#stickNext--;
      return true;
    }
    return false;
  }
}

const HTTP_TO_RPC: Record<number, keyof typeof RPC_CODES> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  501: 'UNIMPLEMENTED',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

/** Google's generic messages for these statuses. */
const DEFAULT_FAULT_MESSAGES: Partial<Record<keyof typeof RPC_CODES, string>> = {
  RESOURCE_EXHAUSTED: 'Resource has been exhausted (e.g. check quota).',
  UNAVAILABLE: 'The service is currently unavailable.',
  INTERNAL: 'Internal error encountered.',
  DEADLINE_EXCEEDED: 'The request timed out.',
};

// ---------------------------------------------------------------------------------------------
// Helpers

const JOB_ID = /^[a-z][-a-z0-9]{0,127}$/;
const LABEL_KEY = /^[a-z][a-z0-9_-]{0,62}$/;
const LABEL_VALUE = /^[a-z0-9_-]{0,63}$/;
const RESERVED_LABEL = 'vertex-ai-pipelines-run-billing-id';
const GCS_URI = /^gs:\/\/([a-z0-9][a-z0-9._-]{1,220}[a-z0-9])(?:\/(.*))?$/;
const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const SERVICE = 'google.cloud.aiplatform.v1.PipelineService';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function explain(error: unknown): string {
  if (error instanceof UserError)
    return error.details.length > 0
      ? `${error.message}: ${error.details.join('; ')}`
      : error.message;
  return error instanceof Error ? error.message : String(error);
}

function rpcError(
  http: number,
  message: string,
  status?: keyof typeof RPC_CODES,
  details?: unknown[],
): EmulatorResponse {
  return googleApiError(http, message, details, status ?? HTTP_TO_RPC[http] ?? 'UNKNOWN');
}

const invalid = (message: string): EmulatorResponse => rpcError(400, message);

function enumOut<T extends string>(table: readonly T[], name: T, ints: boolean): number | T {
  return ints ? table.indexOf(name) : name;
}

/** Reads an enum given as a name or an int (the client sends ints). */
function enumIn<T extends string>(table: readonly T[], value: unknown): T | undefined {
  if (value === undefined || value === null) return table[0];
  if (typeof value === 'number') return table[value];
  return table.find((name) => name === value);
}

/** Labels as Vertex checks them: lowercase keys starting with a letter, values ≤63 chars. */
function labelProblems(labels: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const entries = Object.entries(labels);
  if (entries.length > 64) problems.push(`at most 64 labels are allowed, got ${entries.length}`);
  for (const [key, value] of entries) {
    if (!LABEL_KEY.test(key))
      problems.push(
        `label key "${key}" must start with a lowercase letter and contain only lowercase letters, digits, "_" and "-" (at most 63 characters)`,
      );
    if (key === RESERVED_LABEL) problems.push(`label key "${key}" is reserved`);
    if (typeof value !== 'string' || !LABEL_VALUE.test(value))
      problems.push(
        `label value ${JSON.stringify(value)} of "${key}" may contain only lowercase letters, digits, "_" and "-" (at most 63 characters)`,
      );
  }
  return problems;
}

/** The deprecated `runtimeConfig.parameters` (aiplatform.v1.Value) as plain values. */
function legacyParameters(parameters: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(isRecord(parameters) ? parameters : {})) {
    if (!isRecord(value)) continue;
    if (value.intValue !== undefined) out[name] = Number(value.intValue);
    else if (value.doubleValue !== undefined) out[name] = Number(value.doubleValue);
    else if (value.stringValue !== undefined) out[name] = value.stringValue;
  }
  return out;
}

/** The spec's task at a runner path (loop iteration indices skipped), with its component. */
function taskAt(
  spec: PipelineSpec,
  taskPath: string,
): { task: PipelineTaskSpec; component: ComponentSpec | undefined } | undefined {
  let component: ComponentSpec | undefined = spec.root;
  let found: { task: PipelineTaskSpec; component: ComponentSpec | undefined } | undefined;
  for (const segment of taskPath.split('/')) {
    if (/^\d+$/.test(segment) && found?.task.parameterIterator) continue;
    const task: PipelineTaskSpec | undefined = component?.dag?.tasks?.[segment];
    if (!task) return undefined;
    component = spec.components?.[task.componentRef.name];
    found = { task, component };
  }
  return found;
}

interface TaskEntry {
  taskId: string;
  path: string;
  taskName: string;
  parentTaskId: string | undefined;
  iteration: boolean;
  dag: boolean;
  createTime: string;
  startTime: string | undefined;
  endTime: string | undefined;
  state: TaskState;
  cached: boolean;
  error: RpcStatus | undefined;
  history: Array<{ updateTime: string; state: TaskState }>;
  executionId: string;
  parameters: Record<string, ParameterValue>;
  artifacts: Record<string, ArtifactRecord[]>;
  artifactIds: Record<string, string[]>;
}

interface JobEntry {
  id: string;
  name: string;
  displayName: string;
  labels: Record<string, string>;
  serviceAccount: string;
  network: string | undefined;
  encryptionSpec: Record<string, unknown> | undefined;
  createdBy: string | undefined;
  pipelineSpec: Record<string, unknown>;
  spec: PipelineSpec;
  parameterValues: Record<string, unknown>;
  parameters: Record<string, ParameterValue>;
  gcsOutputDirectory: string;
  localRoot: string;
  failurePolicy: FailurePolicy;
  state: PipelineState;
  stateHistory: PipelineState[];
  createTime: string;
  startTime: string | undefined;
  endTime: string | undefined;
  updateTime: string;
  error: RpcStatus | undefined;
  stuck: boolean;
  tasks: Map<string, TaskEntry>;
  record: RunRecord | undefined;
  done: Promise<void>;
  finish: () => void;
  abort: AbortController;
  cancelRequested: boolean;
  failedFast: boolean;
  started: boolean;
  timer: NodeJS.Timeout | undefined;
}

interface Caller {
  principal: string | undefined;
  serviceAccount: string | undefined;
}

/** `a = "x"`, `labels.k != "y"`, `labels.k:*`, joined by AND. */
const FILTER_TERM = /\s*([A-Za-z_][\w.-]*)\s*(!=|=|:)\s*("(?:[^"\\]|\\.)*"|[^\s()"]+)\s*/y;

function parseFilter(filter: string): ((job: JobEntry) => boolean) | string {
  const tests: Array<(job: JobEntry) => boolean> = [];
  let index = 0;
  while (index < filter.length) {
    FILTER_TERM.lastIndex = index;
    const match = FILTER_TERM.exec(filter);
    if (!match?.[1] || !match[2] || match[3] === undefined)
      return `Unsupported filter at "${filter.slice(index)}": the emulator understands field="value" terms joined by AND`;
    const [, field, op, raw] = match;
    const value = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw;
    let read: (job: JobEntry) => string | undefined;
    if (field.startsWith('labels.')) {
      const key = field.slice('labels.'.length);
      read = (job) => job.labels[key];
    } else if (field === 'display_name' || field === 'displayName') read = (job) => job.displayName;
    else if (field === 'state') read = (job) => job.state;
    else if (field === 'pipeline_name') read = (job) => job.spec.pipelineInfo.name;
    else return `Unsupported filter field "${field}"`;
    if (op === ':' && value !== '*') return `Only "${field}:*" (has field) is supported with ":"`;
    tests.push(
      op === ':'
        ? (job) => read(job) !== undefined
        : op === '='
          ? (job) => read(job) === value
          : (job) => read(job) !== value,
    );
    index = FILTER_TERM.lastIndex;
    const and = /AND\b/y;
    and.lastIndex = index;
    if (and.exec(filter)) index = and.lastIndex;
    else if (index < filter.length) return `Unsupported filter at "${filter.slice(index)}"`;
  }
  return (job) => tests.every((test) => test(job));
}

// ---------------------------------------------------------------------------------------------
// The service

class VertexService {
  readonly jobs = new Map<string, JobEntry>();
  readonly #options: VertexEmulatorOptions;
  readonly #project: string;
  readonly #projectNumber: string;
  readonly #region: string;
  readonly #dataDir: string;
  readonly #executor: ContainerExecutor;
  readonly #clock: Clock;
  readonly #faults: VertexFaults;
  #nextId = BigInt(Date.now()) * 1000n;
  #closing = false;

  constructor(
    options: VertexEmulatorOptions,
    settings: {
      project: string;
      projectNumber: string;
      region: string;
      dataDir: string;
      clock: Clock;
      faults: VertexFaults;
    },
  ) {
    this.#options = options;
    this.#project = settings.project;
    this.#projectNumber = settings.projectNumber;
    this.#region = settings.region;
    this.#dataDir = settings.dataDir;
    this.#clock = settings.clock;
    this.#faults = settings.faults;
    this.#executor =
      options.executor ??
      new SubprocessExecutor(options.python !== undefined ? { python: options.python } : {});
  }

  #now(): string {
    return new Date(this.#clock.now()).toISOString();
  }

  #id(): string {
    this.#nextId += 1n;
    return this.#nextId.toString();
  }

  #metadataName(kind: 'artifacts' | 'executions' | 'contexts', id: string): string {
    return `projects/${this.#projectNumber}/locations/${this.#region}/metadataStores/default/${kind}/${id}`;
  }

  // ----- GCS mapping

  localPath(uri: string): string {
    const match = GCS_URI.exec(uri);
    if (!match?.[1]) throw new Error(`"${uri}" is not a gs://bucket/object URI`);
    const objectPath = (match[2] ?? '').replace(/\/+$/, '');
    if (objectPath.split('/').some((segment) => segment === '..' || segment === '.'))
      throw new Error(`"${uri}" has "." or ".." segments`);
    return path.join(this.#dataDir, 'gcs', match[1], ...objectPath.split('/').filter(Boolean));
  }

  #toUri(localFile: string): string {
    const relative = path.relative(path.join(this.#dataDir, 'gcs'), localFile);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return localFile;
    return `gs://${relative.split(path.sep).join('/')}`;
  }

  // ----- auth

  guard(
    request: EmulatorRequest,
    method: string,
    handler: (caller: Caller) => EmulatorResponse,
  ): EmulatorResponse {
    const errorInfo = (reason: string) => [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason,
        domain: 'googleapis.com',
        metadata: { service: 'aiplatform.googleapis.com', method: `${SERVICE}.${method}` },
      },
    ];
    if (!request.bearer)
      return rpcError(
        401,
        'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
        'UNAUTHENTICATED',
        errorInfo('CREDENTIALS_MISSING'),
      );
    const validation: TokenValidation = this.#options.validateToken?.(request.bearer) ?? {
      ok: true,
      principal: '',
    };
    if (!validation.ok)
      return rpcError(
        401,
        'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
        'UNAUTHENTICATED',
        errorInfo(
          validation.reason === 'expired' ? 'ACCESS_TOKEN_EXPIRED' : 'ACCESS_TOKEN_INVALID',
        ),
      );
    if (validation.scopes && !validation.scopes.includes(CLOUD_PLATFORM_SCOPE))
      return rpcError(
        403,
        'Request had insufficient authentication scopes.',
        'PERMISSION_DENIED',
        errorInfo('ACCESS_TOKEN_SCOPE_INSUFFICIENT'),
      );
    return handler({
      principal: this.#options.validateToken ? validation.principal : undefined,
      serviceAccount: validation.serviceAccount,
    });
  }

  #denied(caller: Caller, permission: string, resource: string): EmulatorResponse | undefined {
    const allowed =
      this.#options.authorize?.({
        principal: caller.principal,
        serviceAccount: caller.serviceAccount,
        permission,
        resource,
      }) ?? true;
    return allowed
      ? undefined
      : rpcError(
          403,
          `Permission '${permission}' denied on resource '//aiplatform.googleapis.com/${resource}' (or it may not exist).`,
          'PERMISSION_DENIED',
        );
  }

  /** The project/location checks every call makes: ours, and this endpoint's region. */
  #checkParent(
    params: Record<string, string>,
    caller: Caller,
    permission: string,
  ): EmulatorResponse | undefined {
    const { project = '', location = '' } = params;
    const resource = `projects/${project}/locations/${location}`;
    if (project !== this.#project && project !== this.#projectNumber)
      return rpcError(
        403,
        `Permission '${permission}' denied on resource '//aiplatform.googleapis.com/${resource}' (or it may not exist).`,
        'PERMISSION_DENIED',
      );
    if (location !== this.#region)
      return invalid(
        `Location ${location} does not match the regional endpoint ${this.#region}-aiplatform.googleapis.com: send requests for ${location} to ${location}-aiplatform.googleapis.com.`,
      );
    return this.#denied(caller, permission, resource);
  }

  #find(params: Record<string, string>): JobEntry | EmulatorResponse {
    const id = params.job ?? '';
    const job = this.jobs.get(id);
    if (!job)
      return rpcError(
        404,
        `The PipelineJob "projects/${params.project ?? ''}/locations/${params.location ?? ''}/pipelineJobs/${id}" does not exist.`,
      );
    return job;
  }

  // ----- create

  create(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const denied = this.#checkParent(request.params, caller, 'aiplatform.pipelineJobs.create');
    if (denied) return denied;
    if (request.bodyKind === 'invalid-json' || !isRecord(request.body))
      return invalid('Invalid JSON payload received. Expected a PipelineJob object.');
    const body = request.body;
    const id = request.query.get('pipelineJobId') ?? this.#id();
    if (request.query.has('pipelineJobId') && !JOB_ID.test(id))
      return invalid(
        `Invalid pipeline_job_id "${id}": it must match the regular expression [a-z][-a-z0-9]{0,127}.`,
      );
    if (typeof body.templateUri === 'string' && body.templateUri !== '')
      return rpcError(501, 'templateUri is not supported by the emulator: send pipelineSpec.');
    const specDoc = body.pipelineSpec;
    if (!isRecord(specDoc) || Object.keys(specDoc).length === 0)
      return invalid(
        'PipelineJob.pipeline_spec is empty. Set pipelineSpec (in Node: helpers.toValue(spec).structValue; a plain object is sent as an empty Struct) or templateUri.',
      );
    let spec: PipelineSpec;
    try {
      spec = validatePipelineSpec(specDoc, 'PipelineJob.pipeline_spec');
    } catch (error) {
      return invalid(explain(error));
    }
    const runtimeConfig = isRecord(body.runtimeConfig) ? body.runtimeConfig : {};
    const gcsOutputDirectory =
      (typeof runtimeConfig.gcsOutputDirectory === 'string' && runtimeConfig.gcsOutputDirectory) ||
      spec.defaultPipelineRoot ||
      '';
    if (!gcsOutputDirectory)
      return invalid(
        'PipelineJob.runtime_config.gcs_output_directory is required: the pipeline spec has no defaultPipelineRoot.',
      );
    let outputDir: string;
    try {
      outputDir = this.localPath(gcsOutputDirectory);
    } catch (error) {
      return invalid(`Invalid gcs_output_directory: ${explain(error)}.`);
    }
    const parameterValues = isRecord(runtimeConfig.parameterValues)
      ? runtimeConfig.parameterValues
      : {};
    let parameters: Record<string, ParameterValue>;
    try {
      parameters = resolveRunParameters(
        spec,
        { ...legacyParameters(runtimeConfig.parameters), ...parameterValues },
        'PipelineJob.runtime_config.parameter_values',
      );
    } catch (error) {
      return invalid(explain(error));
    }
    const labels = isRecord(body.labels) ? body.labels : {};
    const problems = labelProblems(labels);
    if (problems.length > 0) return invalid(`Invalid labels: ${problems.join('; ')}.`);
    const failurePolicy = enumIn(FAILURE_POLICIES, runtimeConfig.failurePolicy);
    if (!failurePolicy)
      return invalid(`Invalid failure_policy ${JSON.stringify(runtimeConfig.failurePolicy)}.`);
    const serviceAccount = typeof body.serviceAccount === 'string' ? body.serviceAccount : '';
    if (serviceAccount) {
      const actAs = this.#denied(
        caller,
        'iam.serviceAccounts.actAs',
        `projects/-/serviceAccounts/${serviceAccount}`,
      );
      if (actAs) return actAs;
    }
    const name = `projects/${this.#projectNumber}/locations/${this.#region}/pipelineJobs/${id}`;
    if (this.jobs.has(id)) return rpcError(409, `PipelineJob "${name}" already exists.`);

    const now = this.#now();
    let finish = (): void => undefined;
    const done = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const job: JobEntry = {
      id,
      name,
      displayName: typeof body.displayName === 'string' ? body.displayName : '',
      // Vertex adds this label to every job, which is why users may not set it.
      labels: { ...(labels as Record<string, string>), [RESERVED_LABEL]: this.#id() },
      serviceAccount,
      network: typeof body.network === 'string' && body.network ? body.network : undefined,
      encryptionSpec: isRecord(body.encryptionSpec) ? body.encryptionSpec : undefined,
      createdBy: caller.principal,
      pipelineSpec: specDoc,
      spec,
      parameterValues,
      parameters,
      gcsOutputDirectory,
      // Vertex's layout: <root>/<project number>/<job id>/...
      localRoot: path.join(outputDir, this.#projectNumber, id),
      failurePolicy,
      state: 'PIPELINE_STATE_PENDING',
      stateHistory: [],
      createTime: now,
      startTime: undefined,
      endTime: undefined,
      updateTime: now,
      error: undefined,
      stuck: false,
      tasks: new Map(),
      record: undefined,
      done,
      finish,
      abort: new AbortController(),
      cancelRequested: false,
      failedFast: false,
      started: false,
      timer: undefined,
    };
    this.jobs.set(id, job);
    const queuedMs = this.#options.queuedMs ?? 0;
    const pendingMs = this.#options.pendingMs ?? 0;
    const toRunning = (): void => {
      job.timer = setTimeout(() => void this.#start(job), pendingMs);
    };
    if (queuedMs > 0) {
      this.#setState(job, 'PIPELINE_STATE_QUEUED');
      job.timer = setTimeout(() => {
        this.#setState(job, 'PIPELINE_STATE_PENDING');
        toRunning();
      }, queuedMs);
    } else {
      this.#setState(job, 'PIPELINE_STATE_PENDING');
      toRunning();
    }
    return { status: 200, body: this.resource(job, request) };
  }

  #setState(job: JobEntry, state: PipelineState): void {
    job.state = state;
    job.stateHistory.push(state);
    job.updateTime = this.#now();
    if (TERMINAL.has(state)) {
      job.endTime = job.updateTime;
      job.finish();
    }
  }

  // ----- running

  async #start(job: JobEntry): Promise<void> {
    job.timer = undefined;
    if (job.cancelRequested || TERMINAL.has(job.state) || this.#closing) return;
    job.started = true;
    job.startTime = this.#now();
    this.#setState(job, 'PIPELINE_STATE_RUNNING');
    const root = this.#task(job, '');
    this.#setTaskState(root, 'RUNNING');
    if (this.#faults.takeStuck(job.id)) {
      job.stuck = true;
      return;
    }
    let final: PipelineState;
    try {
      await mkdir(job.localRoot, { recursive: true });
      // Project-wide cache like Vertex's: every job root links to the emulator's one cache.
      await symlink(path.join(this.#dataDir, 'cache'), path.join(job.localRoot, '.cache')).catch(
        (error: NodeJS.ErrnoException) => {
          if (error.code !== 'EEXIST') throw error;
        },
      );
      const record = await runPipelineLocally(job.spec, job.parameters, {
        pipelineRoot: job.localRoot,
        workdir: this.#options.workdir ?? process.cwd(),
        executor: this.#executor,
        parallelism: this.#options.parallelism ?? 4,
        useCache: true,
        backoffScale: this.#options.backoffScale ?? 0,
        signal: job.abort.signal,
        observer: { onTaskEvent: (event) => this.#onTaskEvent(job, event) },
      });
      job.record = record;
      this.#applyRecord(job, record);
      final =
        job.cancelRequested && !job.failedFast
          ? 'PIPELINE_STATE_CANCELLED'
          : record.state === 'SUCCEEDED'
            ? 'PIPELINE_STATE_SUCCEEDED'
            : 'PIPELINE_STATE_FAILED';
    } catch (error) {
      final = job.cancelRequested ? 'PIPELINE_STATE_CANCELLED' : 'PIPELINE_STATE_FAILED';
      job.error = {
        code: RPC_CODES.INTERNAL,
        message: `The pipeline could not run: ${explain(error)}`,
      };
    }
    this.#end(job, final);
  }

  #end(job: JobEntry, final: PipelineState): void {
    if (TERMINAL.has(job.state)) return;
    const now = this.#now();
    for (const task of job.tasks.values()) {
      if (task.path === '') continue;
      if (task.iteration) {
        Object.assign(task, this.#derived(job, task));
        continue;
      }
      if (['PENDING', 'RUNNING', 'CANCEL_PENDING', 'CANCELLING'].includes(task.state)) {
        this.#setTaskState(task, 'CANCELLED');
        task.endTime ??= now;
      }
    }
    if (final === 'PIPELINE_STATE_FAILED' && !job.error) {
      const failed = [...job.tasks.values()]
        .filter((task) => task.state === 'FAILED' && !task.dag && !task.iteration)
        .map((task) => task.taskName);
      job.error = {
        code: RPC_CODES.FAILED_PRECONDITION,
        message: `The DAG failed because some tasks failed. The failed tasks are: [${failed.join(', ')}].`,
      };
    }
    if (final === 'PIPELINE_STATE_CANCELLED')
      job.error ??= { code: RPC_CODES.CANCELLED, message: 'The pipeline job was cancelled.' };
    const root = job.tasks.get('');
    if (root) {
      this.#setTaskState(
        root,
        final === 'PIPELINE_STATE_SUCCEEDED'
          ? 'SUCCEEDED'
          : final === 'PIPELINE_STATE_CANCELLED'
            ? 'CANCELLED'
            : 'FAILED',
      );
      root.endTime = now;
      if (job.error && final === 'PIPELINE_STATE_FAILED') root.error = job.error;
    }
    this.#setState(job, final);
  }

  /** The task at a runner path, created (with its ancestors) on first sight. */
  #task(job: JobEntry, taskPath: string): TaskEntry {
    const existing = job.tasks.get(taskPath);
    if (existing) return existing;
    const slash = taskPath.lastIndexOf('/');
    const parent =
      taskPath === '' ? undefined : this.#task(job, slash < 0 ? '' : taskPath.slice(0, slash));
    const key = taskPath.slice(slash + 1);
    const iteration =
      parent !== undefined &&
      /^\d+$/.test(key) &&
      taskAt(job.spec, parent.path)?.task.parameterIterator !== undefined;
    const found = taskPath === '' || iteration ? undefined : taskAt(job.spec, taskPath);
    const task: TaskEntry = {
      taskId: this.#id(),
      path: taskPath,
      // ParallelFor iterations are named by index so names chain to the runner's paths.
      taskName: taskPath === '' ? job.spec.pipelineInfo.name : (found?.task.taskInfo?.name ?? key),
      parentTaskId: parent?.taskId,
      iteration,
      dag: taskPath === '' || iteration || found?.component?.dag !== undefined,
      createTime: this.#now(),
      startTime: undefined,
      endTime: undefined,
      state: 'PENDING',
      cached: false,
      error: undefined,
      history: [],
      executionId: this.#id(),
      parameters: {},
      artifacts: {},
      artifactIds: {},
    };
    job.tasks.set(taskPath, task);
    return task;
  }

  #setTaskState(task: TaskEntry, state: TaskState): void {
    const now = this.#now();
    if (state === 'RUNNING' || state === 'CANCELLING') task.startTime ??= now;
    if (['SUCCEEDED', 'FAILED', 'CANCELLED', 'SKIPPED'].includes(state)) task.endTime ??= now;
    if (task.state !== state || task.history.length === 0)
      task.history.push({ updateTime: now, state });
    task.state = state;
  }

  #onTaskEvent(job: JobEntry, event: TaskEvent): void {
    job.updateTime = this.#now();
    const task = this.#task(job, event.path);
    task.cached = event.cached;
    const aborted = job.abort.signal.aborted;
    switch (event.state) {
      case 'PENDING':
        this.#setTaskState(task, 'PENDING');
        break;
      case 'RUNNING':
        this.#setTaskState(task, job.cancelRequested ? 'CANCELLING' : 'RUNNING');
        break;
      case 'SUCCEEDED':
        this.#setTaskState(
          task,
          event.cached ? (this.#options.cachedTaskState ?? 'SKIPPED') : 'SUCCEEDED',
        );
        break;
      case 'FAILED':
        // Tasks killed by a cancel (or by fail-fast) end CANCELLED on Vertex, not FAILED.
        if (aborted) this.#setTaskState(task, 'CANCELLED');
        else {
          this.#setTaskState(task, 'FAILED');
          task.error = {
            code: RPC_CODES.FAILED_PRECONDITION,
            message: task.dag
              ? `The DAG failed because some tasks failed. The failed tasks are: [${this.#failedChildren(job, task).join(', ')}].`
              : failureMessage(event.failure),
          };
          if (job.failurePolicy === 'PIPELINE_FAILURE_POLICY_FAIL_FAST' && !task.dag) {
            job.failedFast = true;
            job.abort.abort();
          }
        }
        break;
      case 'SKIPPED': // condition false (or upstream skipped): Vertex's NOT_TRIGGERED
        this.#setTaskState(task, 'NOT_TRIGGERED');
        break;
      case 'NOT_TRIGGERED': // upstream did not succeed; after a cancel, because it was cancelled
        this.#setTaskState(task, aborted ? 'CANCELLED' : 'NOT_TRIGGERED');
        break;
      case 'CANCELLED':
        this.#setTaskState(task, 'CANCELLED');
        break;
    }
  }

  #failedChildren(job: JobEntry, parent: TaskEntry): string[] {
    const names: string[] = [];
    for (const task of job.tasks.values()) {
      if (task.state !== 'FAILED' || task.dag) continue;
      if (task.path.startsWith(`${parent.path}/`)) names.push(task.taskName);
    }
    return names;
  }

  /** Outputs and cache hits come only with the run record, when the runner returns. */
  #applyRecord(job: JobEntry, record: RunRecord): void {
    for (const taskRecord of Object.values(record.tasks)) {
      const task = this.#task(job, taskRecord.path);
      task.cached = taskRecord.cached;
      task.parameters = taskRecord.parameters;
      task.artifacts = Object.fromEntries(
        Object.entries(taskRecord.artifacts).map(([key, list]) => [
          key,
          list.map((artifact) => ({ ...artifact, uri: this.#toUri(artifact.uri) })),
        ]),
      );
      task.artifactIds = Object.fromEntries(
        Object.entries(task.artifacts).map(([key, list]) => [key, list.map(() => this.#id())]),
      );
      if (taskRecord.failure && !task.error && task.state === 'FAILED')
        task.error = {
          code: RPC_CODES.FAILED_PRECONDITION,
          message: failureMessage(taskRecord.failure),
        };
    }
  }

  // ----- cancel

  cancel(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const denied = this.#checkParent(request.params, caller, 'aiplatform.pipelineJobs.cancel');
    if (denied) return denied;
    const job = this.#find(request.params);
    if (!('id' in job)) return job;
    if (TERMINAL.has(job.state))
      return rpcError(
        400,
        `Cannot cancel PipelineJob "${job.name}": it is already in state ${job.state}.`,
        'FAILED_PRECONDITION',
      );
    if (!job.cancelRequested) {
      job.cancelRequested = true;
      this.#setState(job, 'PIPELINE_STATE_CANCELLING');
      for (const task of job.tasks.values())
        if (task.state === 'RUNNING' && task.path !== '' && !task.iteration)
          this.#setTaskState(task, 'CANCELLING');
      if (job.timer) clearTimeout(job.timer);
      job.abort.abort();
      // Nothing runs for a job that never started or is stuck: it ends on the next tick.
      if (!job.started || job.stuck)
        setTimeout(() => this.#end(job, 'PIPELINE_STATE_CANCELLED'), 0);
    }
    return { status: 200, body: {} };
  }

  // ----- get / list

  get(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const denied = this.#checkParent(request.params, caller, 'aiplatform.pipelineJobs.get');
    if (denied) return denied;
    const job = this.#find(request.params);
    if (!('id' in job)) return job;
    return { status: 200, body: this.resource(job, request) };
  }

  list(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const denied = this.#checkParent(request.params, caller, 'aiplatform.pipelineJobs.list');
    if (denied) return denied;
    const filter = request.query.get('filter') ?? '';
    const matches = filter.trim() === '' ? () => true : parseFilter(filter);
    if (typeof matches === 'string') return invalid(matches);
    const pageSize = Number(request.query.get('pageSize') ?? '0');
    if (!Number.isInteger(pageSize) || pageSize < 0)
      return invalid(`Invalid page_size ${pageSize}.`);
    const size = pageSize === 0 ? 100 : Math.min(pageSize, 1000);
    let offset = 0;
    const token = request.query.get('pageToken');
    if (token) {
      const decoded = decodePageToken(token);
      if (!decoded || decoded.filter !== filter) return invalid(`Invalid page_token "${token}".`);
      offset = decoded.offset;
    }
    // Newest first, as Vertex lists by default.
    const all = [...this.jobs.values()].filter(matches).reverse();
    const page = all.slice(offset, offset + size);
    const next = offset + size < all.length ? encodePageToken(offset + size, filter) : undefined;
    const readMask = request.query.get('readMask');
    const fields = readMask ? new Set(readMask.split(',').map((f) => f.trim())) : undefined;
    return {
      status: 200,
      body: {
        pipelineJobs: page.map((job) => {
          const resource = this.resource(job, request);
          return fields
            ? Object.fromEntries(Object.entries(resource).filter(([key]) => fields.has(key)))
            : resource;
        }),
        ...(next ? { nextPageToken: next } : {}),
      },
    };
  }

  // ----- wire shape

  resource(
    job: JobEntry,
    request: EmulatorRequest | { intEnums: boolean },
  ): Record<string, unknown> {
    const ints =
      'intEnums' in request
        ? request.intEnums
        : (request.query.get('$alt') ?? '').includes('enum-encoding=int');
    const runtimeConfig: Record<string, unknown> = {
      gcsOutputDirectory: job.gcsOutputDirectory,
      parameterValues: job.parameterValues,
    };
    if (job.failurePolicy !== 'PIPELINE_FAILURE_POLICY_UNSPECIFIED')
      runtimeConfig.failurePolicy = enumOut(FAILURE_POLICIES, job.failurePolicy, ints);
    return {
      name: job.name,
      displayName: job.displayName,
      createTime: job.createTime,
      ...(job.startTime ? { startTime: job.startTime } : {}),
      ...(job.endTime ? { endTime: job.endTime } : {}),
      updateTime: job.updateTime,
      pipelineSpec: job.pipelineSpec,
      state: enumOut(PIPELINE_STATES, job.state, ints),
      ...(job.started ? { jobDetail: this.#jobDetail(job, ints) } : {}),
      ...(job.error ? { error: job.error } : {}),
      labels: job.labels,
      runtimeConfig,
      ...(job.serviceAccount ? { serviceAccount: job.serviceAccount } : {}),
      ...(job.network ? { network: job.network } : {}),
      ...(job.encryptionSpec ? { encryptionSpec: job.encryptionSpec } : {}),
    };
  }

  #jobDetail(job: JobEntry, ints: boolean): Record<string, unknown> {
    const context = (id: string, schemaTitle: string) => ({
      name: this.#metadataName('contexts', id),
      displayName: id,
      schemaTitle,
      schemaVersion: '0.0.1',
      createTime: job.createTime,
      updateTime: job.updateTime,
    });
    return {
      pipelineContext: context(job.spec.pipelineInfo.name, 'system.Pipeline'),
      pipelineRunContext: context(job.id, 'system.PipelineRun'),
      taskDetails: [...job.tasks.values()].map((task) => this.#taskDetail(job, task, ints)),
    };
  }

  /** Iterations have no events: their state is their children's. */
  #derived(job: JobEntry, task: TaskEntry): Pick<TaskEntry, 'state' | 'startTime' | 'endTime'> {
    if (!task.iteration) return task;
    const children = [...job.tasks.values()].filter((t) => t.parentTaskId === task.taskId);
    const states = new Set(children.map((t) => t.state));
    const state: TaskState = states.has('FAILED')
      ? 'FAILED'
      : ['PENDING', 'RUNNING', 'CANCELLING'].some((s) => states.has(s as TaskState))
        ? 'RUNNING'
        : states.has('CANCELLED')
          ? 'CANCELLED'
          : 'SUCCEEDED';
    const starts = children.flatMap((t) => (t.startTime ? [t.startTime] : [])).sort();
    const ends = children.flatMap((t) => (t.endTime ? [t.endTime] : [])).sort();
    return {
      state,
      startTime: starts[0],
      endTime: state === 'RUNNING' ? undefined : ends.at(-1),
    };
  }

  #taskDetail(job: JobEntry, task: TaskEntry, ints: boolean): Record<string, unknown> {
    const { state, startTime, endTime } = this.#derived(job, task);
    const executionState: ExecutionState | undefined =
      state === 'NOT_TRIGGERED'
        ? undefined
        : task.cached
          ? 'CACHED'
          : (
              {
                PENDING: 'NEW',
                RUNNING: 'RUNNING',
                CANCEL_PENDING: 'RUNNING',
                CANCELLING: 'RUNNING',
                SUCCEEDED: 'COMPLETE',
                SKIPPED: 'CACHED',
                FAILED: 'FAILED',
                CANCELLED: 'CANCELLED',
              } as const
            )[state as Exclude<TaskState, 'STATE_UNSPECIFIED' | 'NOT_TRIGGERED'>];
    const metadata: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(task.parameters)) metadata[`output:${key}`] = value;
    const outputs: Record<string, unknown> = {};
    for (const [key, list] of Object.entries(task.artifacts)) {
      outputs[key] = {
        artifacts: list.map((artifact, index) => ({
          name: this.#metadataName('artifacts', task.artifactIds[key]?.[index] ?? '0'),
          displayName: key,
          uri: artifact.uri,
          schemaTitle: artifact.schemaTitle,
          schemaVersion: '0.0.1',
          metadata: artifact.metadata,
          state: enumOut(ARTIFACT_STATES, 'LIVE', ints),
          createTime: endTime ?? task.createTime,
          updateTime: endTime ?? task.createTime,
        })),
      };
    }
    return {
      taskId: task.taskId,
      ...(task.parentTaskId ? { parentTaskId: task.parentTaskId } : {}),
      taskName: task.taskName,
      createTime: task.createTime,
      ...(startTime ? { startTime } : {}),
      ...(endTime ? { endTime } : {}),
      state: enumOut(TASK_STATES, state, ints),
      ...(executionState
        ? {
            execution: {
              name: this.#metadataName('executions', task.executionId),
              displayName: task.taskName,
              state: enumOut(EXECUTION_STATES, executionState, ints),
              schemaTitle: task.dag ? 'system.DagExecution' : 'system.ContainerExecution',
              schemaVersion: '0.0.1',
              metadata,
              createTime: task.createTime,
              updateTime: endTime ?? startTime ?? task.createTime,
            },
          }
        : {}),
      ...(task.error ? { error: task.error } : {}),
      pipelineTaskStatus: task.history.map((entry) => ({
        updateTime: entry.updateTime,
        state: enumOut(TASK_STATES, entry.state, ints),
      })),
      outputs,
    };
  }

  // ----- shutdown

  /** Cancels what still runs; gives runners `graceMs` to stop (a task's grandchildren can outlive the abort). */
  async close(graceMs: number): Promise<void> {
    this.#closing = true;
    for (const job of this.jobs.values()) {
      if (TERMINAL.has(job.state)) continue;
      if (job.timer) clearTimeout(job.timer);
      job.cancelRequested = true;
      job.abort.abort();
      if (!job.started || job.stuck) this.#end(job, 'PIPELINE_STATE_CANCELLED');
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all([...this.jobs.values()].map((job) => job.done)),
      new Promise((resolve) => (timer = setTimeout(resolve, graceMs))),
    ]);
    clearTimeout(timer);
    for (const job of this.jobs.values()) this.#end(job, 'PIPELINE_STATE_CANCELLED');
  }
}

/** Vertex phrases container failures this way; the log tail says why. */
function failureMessage(failure: TaskFailure | undefined): string {
  if (!failure) return 'The task failed.';
  const tail = (failure.logTail ?? []).filter((line) => line.trim() !== '').slice(-5);
  const head =
    failure.exitCode !== undefined && failure.exitCode !== 0
      ? `The replica workerpool0-0 exited with a non-zero status of ${failure.exitCode}. Termination reason: Error.`
      : failure.message;
  return tail.length > 0 ? `${head}\n${tail.join('\n')}` : head;
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

// ---------------------------------------------------------------------------------------------
// Start

export async function startVertexEmulator(
  options: VertexEmulatorOptions = {},
): Promise<VertexEmulator> {
  const project = options.project ?? 'acme-ml';
  const projectNumber = options.projectNumber ?? '123456789012';
  const region = options.region ?? 'us-central1';
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'vertex-emulator-')));
  await mkdir(path.join(dataDir, 'cache'), { recursive: true });
  const clock = options.clock ?? new Clock();
  const injector = options.faults ?? new FaultInjector();
  const requests = options.requests ?? new RequestLog();
  const serverName = 'vertex';
  const faults = new VertexFaults(injector, serverName);
  const service = new VertexService(options, {
    project,
    projectNumber,
    region,
    dataDir,
    clock,
    faults,
  });

  const base = '/v1/projects/{project}/locations/{location}/pipelineJobs';
  const server: HttpServer = await startHttpServer({
    name: serverName,
    clock,
    faults: injector,
    log: requests,
    routes: [
      {
        name: VERTEX_ROUTES.createPipelineJob,
        method: 'POST',
        pattern: base,
        handler: (request) =>
          service.guard(request, 'CreatePipelineJob', (caller) => service.create(request, caller)),
      },
      {
        name: VERTEX_ROUTES.listPipelineJobs,
        method: 'GET',
        pattern: base,
        handler: (request) =>
          service.guard(request, 'ListPipelineJobs', (caller) => service.list(request, caller)),
      },
      {
        name: VERTEX_ROUTES.cancelPipelineJob,
        method: 'POST',
        pattern: `${base}/{job}:cancel`,
        handler: (request) =>
          service.guard(request, 'CancelPipelineJob', (caller) => service.cancel(request, caller)),
      },
      {
        name: VERTEX_ROUTES.getPipelineJob,
        method: 'GET',
        pattern: `${base}/{job}`,
        handler: (request) =>
          service.guard(request, 'GetPipelineJob', (caller) => service.get(request, caller)),
      },
    ],
  });

  const shortNames = Object.fromEntries(
    Object.entries(VERTEX_ROUTES).map(([short, full]) => [full, short]),
  ) as Record<string, VertexRoute>;

  return {
    endpoint: { host: '127.0.0.1', port: server.port, url: server.url },
    project,
    projectNumber,
    region,
    parent: `projects/${project}/locations/${region}`,
    jobs: service.jobs,
    faults,
    requests,
    clock,
    clientOptions: (authClient) => ({
      apiEndpoint: '127.0.0.1',
      port: server.port,
      protocol: 'http',
      fallback: true,
      authClient,
    }),
    calls: () => {
      const counts: Record<VertexRoute | 'unmatched', number> = {
        createPipelineJob: 0,
        getPipelineJob: 0,
        listPipelineJobs: 0,
        cancelPipelineJob: 0,
        unmatched: 0,
      };
      for (const entry of requests.filter({ server: serverName }))
        counts[(entry.route && shortNames[entry.route]) || 'unmatched'] += 1;
      return counts;
    },
    resource: (jobId, resourceOptions = {}) => {
      const job = service.jobs.get(jobId);
      if (!job) throw new Error(`No pipeline job "${jobId}" in the emulator`);
      return service.resource(job, { intEnums: resourceOptions.intEnums ?? false });
    },
    localPath: (uri) => service.localPath(uri),
    close: async () => {
      await service.close(options.closeGraceMs ?? 5000);
      await server.close();
      if (ownDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
