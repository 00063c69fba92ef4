/**
 * A Vertex AI Pipelines REST emulator (PipelineService v1: create, get, list, cancel) that the
 * real `@google-cloud/aiplatform` client talks to, and whose jobs really run: each created job
 * goes through the project's local runner with a SubprocessExecutor, against a folder standing
 * in for Cloud Storage.
 *
 * The same server (one loopback server = one regional endpoint) also speaks ModelService
 * (vertex-models.ts), EndpointService (vertex-endpoints.ts), PredictionService
 * (vertex-predictions.ts), ScheduleService (vertex-schedules.ts) and
 * google.longrunning.Operations (vertex-operations.ts, which also holds the REST plumbing they
 * share). Every route goes through the same guard (token check, IAM authorize callback),
 * request log and fault injector; `calls()` counts them by route.
 *
 * Jobs may name an Artifact Registry template (`templateUri`) instead of a pipelineSpec: the
 * `resolveTemplate` option supplies its YAML (a spec sent along wins, as the proto says: the
 * spec "if empty, will be downloaded"); the job gets `templateMetadata.version`, the digest of
 * a `sha256:` reference or else the sha256 of the YAML (Artifact Registry's version name).
 * Without the option, or when it answers undefined, the job is NOT_FOUND; a URI that is not
 * `https://{region}-kfp.pkg.dev/{project}/{repo}/{package}/{tag|sha256:...}` is
 * INVALID_ARGUMENT. Jobs started by a schedule carry `scheduleName`.
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
 *   body (gax-nodejs#1803, fixed later by google-cloud-node#9346). `rpcCodeOf()` (re-exported
 *   from vertex-operations.ts) recovers the gRPC code. PipelineService methods have no
 *   client-side retries ("non_idempotent"); neither have the Model/Endpoint/Schedule methods.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  SubprocessExecutor,
  type ContainerExecutor,
} from '../../src/adapters/local-runner/executors.js';
import { runPipelineLocally } from '../../src/adapters/local-runner/local-runner.js';
import { resolveRunParameters, type ParameterValue } from '../../src/core/ir/parameters.js';
import type { PipelineSpec } from '../../src/core/ir/schema.js';
import type { ComponentSpec, PipelineTaskSpec } from '../../src/core/ir/schema-components.js';
import { validatePipelineSpec } from '../../src/core/ir/validate.js';
import type { ArtifactRecord, RunRecord, TaskFailure } from '../../src/core/run-record.js';
import type { TaskEvent } from '../../src/core/run-events.js';
import {
  Clock,
  FaultInjector,
  GoogleApiFaults,
  RequestLog,
  startHttpServer,
  type EmulatorRequest,
  type EmulatorResponse,
  type HttpServer,
  type Route,
  callCounts,
} from './http-server.js';
import { contractFor } from './contract/google-rest-contract.js';
import { DEPLOYMENT_RESOURCES_TYPES, ModelService, type EmulatedModel } from './vertex-models.js';
import { EndpointService, type EmulatedEndpoint } from './vertex-endpoints.js';
import { PredictionService, type PredictionServerFactory } from './vertex-predictions.js';
import {
  enumIn,
  enumOut,
  explain,
  invalid,
  isRecord,
  isResponse,
  labelProblems,
  listFilter,
  OperationStore,
  paginate,
  rpcError,
  RPC_CODES,
  type Caller,
  type EmulatedOperation,
  type FilterFields,
  type OperationKind,
  type RpcCodeName,
  type RpcStatus,
  type ServiceContext,
} from './vertex-operations.js';
import {
  ScheduleService,
  SCHEDULE_STATES,
  type EmulatedSchedule,
  type ScheduledRun,
} from './vertex-schedules.js';

export { RPC_CODES, rpcCodeOf, type RpcStatus } from './vertex-operations.js';
export { DEPLOYMENT_RESOURCES_TYPES, SCHEDULE_STATES };
export type { EmulatedModel, EmulatedEndpoint, EmulatedSchedule, EmulatedOperation, ScheduledRun };

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

/** One name per REST method: the proto method name in lowerCamelCase. */
const ROUTE_NAMES = [
  // PipelineService
  'createPipelineJob',
  'getPipelineJob',
  'listPipelineJobs',
  'cancelPipelineJob',
  // google.longrunning.Operations (GET /v1/... and the /ui/... the client polls)
  'getOperation',
  // ModelService
  'uploadModel',
  'getModel',
  'listModels',
  'listModelVersions',
  'mergeVersionAliases',
  'deleteModel',
  'deleteModelVersion',
  'importModelEvaluation',
  'getModelEvaluation',
  'listModelEvaluations',
  // EndpointService
  'createEndpoint',
  'getEndpoint',
  'listEndpoints',
  'updateEndpoint',
  'deleteEndpoint',
  'deployModel',
  'undeployModel',
  // PredictionService
  'predict',
  // ScheduleService
  'createSchedule',
  'getSchedule',
  'listSchedules',
  'updateSchedule',
  'pauseSchedule',
  'resumeSchedule',
  'deleteSchedule',
] as const;
export type VertexRoute = (typeof ROUTE_NAMES)[number];

/** Route names in the request log and fault selectors (`server: 'vertex'`). */
export const VERTEX_ROUTES: Readonly<Record<VertexRoute, string>> = Object.fromEntries(
  ROUTE_NAMES.map((route) => [route, `vertex.${route}`]),
) as Record<VertexRoute, string>;

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
  /**
   * Emulated work of long-running operations (uploadModel, createEndpoint, undeployModel,
   * deletes), real-time ms. Default 50: the client's first poll (right away) sees the operation
   * pending, its second (100 ms later) sees it done.
   */
  operationMs?: number;
  /** Emulated work of a deployModel operation, real-time ms. Default 100. */
  deployMs?: number;
  /**
   * The KFP template YAML of an Artifact Registry `templateUri`
   * (`https://{region}-kfp.pkg.dev/{project}/{repo}/{package}/{tag|sha256:...}`), or undefined
   * when there is none (NOT_FOUND). Without it a templateUri job is NOT_FOUND too.
   */
  resolveTemplate?: (uri: string) => Promise<string | undefined>;
  /**
   * Check uploadModel's artifactUri against the emulated Cloud Storage (a non-empty folder;
   * exactly one model file for the prebuilt scikit-learn / XGBoost images). Default true.
   */
  checkArtifacts?: boolean;
  /**
   * Starts the server standing in for a deployed model's serving container, which `:predict`
   * forwards to (see vertex-predictions.ts; tests/helpers/prediction-server.ts runs the
   * reference server). Without it predict answers UNIMPLEMENTED.
   */
  predictionServer?: PredictionServerFactory;
  /** Share with the auth emulators so one clock, fault plan and request log drive all. */
  clock?: Clock;
  faults?: FaultInjector;
  requests?: RequestLog;
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
  /** The Schedule that started the job (PipelineJob.scheduleName). */
  readonly scheduleName: string | undefined;
  /** The Artifact Registry template the job came from, and its version (`sha256:...`). */
  readonly templateUri: string | undefined;
  readonly templateVersion: string | undefined;
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
  /** Registered models by model id, each with its versions (aliases, evaluations, deployments). */
  readonly models: ReadonlyMap<string, EmulatedModel>;
  /** Endpoints by endpoint id, with their deployed models and traffic split. */
  readonly endpoints: ReadonlyMap<string, EmulatedEndpoint>;
  /** Schedules by schedule id. */
  readonly schedules: ReadonlyMap<string, EmulatedSchedule>;
  /** Long-running operations by name (`.../operations/<id>`), in start order. */
  readonly operations: ReadonlyMap<string, EmulatedOperation>;
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
  /** The model version as getModel returns it: `ID`, `ID@3` or `ID@alias` (default version). */
  modelResource(ref: string, options?: { intEnums?: boolean }): Record<string, unknown>;
  /** The endpoint as getEndpoint returns it. */
  endpointResource(endpointId: string): Record<string, unknown>;
  /** The schedule as getSchedule returns it (by id or full name). */
  scheduleResource(ref: string, options?: { intEnums?: boolean }): Record<string, unknown>;
  /**
   * Test hook: starts the schedule's due run exactly as Vertex's scheduler would (see
   * vertex-schedules.ts): a pipeline job with `scheduleName`, or queued/skipped at
   * maxConcurrentRunCount. Throws for an unknown or non-ACTIVE schedule.
   */
  triggerSchedule(ref: string): Promise<ScheduledRun>;
  /** Resolves once every long-running operation started so far is done. */
  operationsSettled(): Promise<void>;
  /** Local path of a `gs://bucket/object` URI. */
  localPath(gcsUri: string): string;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Faults

/** Vertex-specific fault controls over the (possibly shared) HTTP fault injector. */
export class VertexFaults extends GoogleApiFaults<VertexRoute> {
  #stickNext = 0;
  readonly #stuckIds = new Set<string>();
  #operationFailures: Array<{ kind: OperationKind; status: RpcStatus }> = [];

  constructor(injector: FaultInjector, server: string) {
    super(injector, server, VERTEX_ROUTES);
  }

  /**
   * The next long-running operation of this kind is accepted but ends with `done: true` and
   * this error (default INTERNAL), changing nothing: a failed deploy deploys nothing and leaves
   * the traffic split as it was; a failed upload creates no version.
   */
  failNextOperation(
    kind: OperationKind,
    error: { code?: number | RpcCodeName; message?: string } = {},
  ): void {
    const code =
      typeof error.code === 'string' ? RPC_CODES[error.code] : (error.code ?? RPC_CODES.INTERNAL);
    this.#operationFailures.push({
      kind,
      status: { code, message: error.message ?? `Injected failure of ${kind}.` },
    });
  }

  /** @internal The failure queued for the next operation of this kind, if any (consumed). */
  takeOperationFailure(kind: OperationKind): RpcStatus | undefined {
    const index = this.#operationFailures.findIndex((failure) => failure.kind === kind);
    return index < 0 ? undefined : this.#operationFailures.splice(index, 1)[0]?.status;
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
  override clear(): void {
    this.#stickNext = 0;
    this.#stuckIds.clear();
    this.#operationFailures = [];
    super.clear();
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

// ---------------------------------------------------------------------------------------------
// Helpers

const JOB_ID = /^[a-z][-a-z0-9]{0,127}$/;
const RESERVED_LABEL = 'vertex-ai-pipelines-run-billing-id';
const GCS_URI = /^gs:\/\/([a-z0-9][a-z0-9._-]{1,220}[a-z0-9])(?:\/(.*))?$/;
const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const SERVICE = 'google.cloud.aiplatform.v1.PipelineService';
/** `https://{region}-kfp.pkg.dev/{project}/{repository}/{package}/{tag|sha256:digest}`. */
const TEMPLATE_URI = /^https:\/\/[a-z0-9-]+-kfp\.pkg\.dev\/[^/]+\/[^/]+\/[^/]+\/([^/]+)$/;

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
  scheduleName: string | undefined;
  templateUri: string | undefined;
  templateVersion: string | undefined;
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

/** A PipelineJob body that passed prepareJob's checks. */
interface PreparedJob {
  body: Record<string, unknown>;
  specDoc: Record<string, unknown>;
  spec: PipelineSpec;
  parameterValues: Record<string, unknown>;
  parameters: Record<string, ParameterValue>;
  gcsOutputDirectory: string;
  outputDir: string;
  labels: Record<string, string>;
  failurePolicy: FailurePolicy;
  serviceAccount: string;
  templateUri: string | undefined;
  templateVersion: string | undefined;
}

/** Pipeline job list filters: `labels.k`, `display_name`, `state`, `pipeline_name`. */
const JOB_FILTER: FilterFields<JobEntry> = {
  fields: {
    display_name: (job) => job.displayName,
    state: (job) => job.state,
    pipeline_name: (job) => job.spec.pipelineInfo.name,
  },
  labels: (job) => job.labels,
};

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

  newId(): string {
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

  /** Token checks every method makes; `method` is a PipelineService method or a full name. */
  guard(
    request: EmulatorRequest,
    method: string,
    handler: (caller: Caller) => EmulatorResponse | Promise<EmulatorResponse>,
  ): EmulatorResponse | Promise<EmulatorResponse> {
    const errorInfo = (reason: string) => [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason,
        domain: 'googleapis.com',
        metadata: {
          service: 'aiplatform.googleapis.com',
          method: method.includes('.') ? method : `${SERVICE}.${method}`,
        },
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

  denied(caller: Caller, permission: string, resource: string): EmulatorResponse | undefined {
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
  checkParent(
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
    return this.denied(caller, permission, resource);
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

  async create(request: EmulatorRequest, caller: Caller): Promise<EmulatorResponse> {
    const denied = this.checkParent(request.params, caller, 'aiplatform.pipelineJobs.create');
    if (denied) return denied;
    if (request.bodyKind === 'invalid-json' || !isRecord(request.body))
      return invalid('Invalid JSON payload received. Expected a PipelineJob object.');
    const id = request.query.get('pipelineJobId') ?? this.newId();
    if (request.query.has('pipelineJobId') && !JOB_ID.test(id))
      return invalid(
        `Invalid pipeline_job_id "${id}": it must match the regular expression [a-z][-a-z0-9]{0,127}.`,
      );
    const prepared = await this.prepareJob(request.body, caller);
    if (isResponse(prepared)) return prepared;
    const name = `projects/${this.#projectNumber}/locations/${this.#region}/pipelineJobs/${id}`;
    if (this.jobs.has(id)) return rpcError(409, `PipelineJob "${name}" already exists.`);
    const job = this.startJob(prepared, id, caller);
    return { status: 200, body: this.resource(job, request) };
  }

  /**
   * Validates a PipelineJob as CreatePipelineJob does (schedules validate their template and
   * start their runs with it too): the spec (inline or from templateUri), root, parameters,
   * labels, failure policy and actAs on the service account.
   */
  async prepareJob(body: unknown, caller: Caller): Promise<PreparedJob | EmulatorResponse> {
    if (!isRecord(body)) return invalid('PipelineJob is required.');
    const templateUri = typeof body.templateUri === 'string' ? body.templateUri : '';
    let template: { spec: Record<string, unknown>; version: string } | undefined;
    if (templateUri) {
      const resolved = await this.#template(templateUri);
      if (isResponse(resolved)) return resolved;
      template = resolved;
    }
    // "A template uri from where the pipeline_spec, if empty, will be downloaded."
    const specDoc =
      isRecord(body.pipelineSpec) && Object.keys(body.pipelineSpec).length > 0
        ? body.pipelineSpec
        : template?.spec;
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
    // The proto: for vertex-ai-pipelines-run-billing-id, "user set value will get overrided".
    const problems = labelProblems(labels);
    if (problems.length > 0) return invalid(`Invalid labels: ${problems.join('; ')}.`);
    const failurePolicy = enumIn(FAILURE_POLICIES, runtimeConfig.failurePolicy);
    if (!failurePolicy)
      return invalid(`Invalid failure_policy ${JSON.stringify(runtimeConfig.failurePolicy)}.`);
    const serviceAccount = typeof body.serviceAccount === 'string' ? body.serviceAccount : '';
    if (serviceAccount) {
      const actAs = this.denied(
        caller,
        'iam.serviceAccounts.actAs',
        `projects/-/serviceAccounts/${serviceAccount}`,
      );
      if (actAs) return actAs;
    }
    return {
      body,
      specDoc,
      spec,
      parameterValues,
      parameters,
      gcsOutputDirectory,
      outputDir,
      labels: labels as Record<string, string>,
      failurePolicy,
      serviceAccount,
      templateUri: templateUri || undefined,
      templateVersion: template?.version,
    };
  }

  /** An Artifact Registry KFP template: its spec (first YAML document) and version. */
  async #template(
    uri: string,
  ): Promise<{ spec: Record<string, unknown>; version: string } | EmulatorResponse> {
    const match = TEMPLATE_URI.exec(uri);
    if (!match)
      return invalid(
        `Invalid template_uri "${uri}": only Artifact Registry KFP templates are supported (https://{region}-kfp.pkg.dev/{project}/{repository}/{package}/{tag or sha256:digest}).`,
      );
    let text: string | undefined;
    try {
      text = await this.#options.resolveTemplate?.(uri);
    } catch (error) {
      return rpcError(500, `Could not read template "${uri}": ${explain(error)}`);
    }
    if (text === undefined)
      return rpcError(404, `Template "${uri}" was not found in Artifact Registry.`);
    let doc: unknown;
    try {
      doc = parseAllDocuments(text)[0]?.toJS();
    } catch (error) {
      return invalid(`Template "${uri}" is not valid YAML: ${explain(error)}`);
    }
    // A compiled template is the PipelineSpec itself; older ones wrap it as {pipelineSpec}.
    const spec = isRecord(doc) && isRecord(doc.pipelineSpec) ? doc.pipelineSpec : doc;
    if (!isRecord(spec)) return invalid(`Template "${uri}" holds no pipeline spec.`);
    const ref = match[1] ?? '';
    const version = ref.startsWith('sha256:')
      ? ref
      : `sha256:${createHash('sha256').update(text).digest('hex')}`;
    return { spec, version };
  }

  /** Creates and starts a validated job (createPipelineJob, or a schedule's run). */
  startJob(
    prepared: PreparedJob,
    id: string,
    caller: Caller,
    extra: { scheduleName?: string } = {},
  ): JobEntry {
    const { body, labels } = prepared;
    const name = `projects/${this.#projectNumber}/locations/${this.#region}/pipelineJobs/${id}`;
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
      labels: { ...labels, [RESERVED_LABEL]: this.newId() },
      serviceAccount: prepared.serviceAccount,
      network: typeof body.network === 'string' && body.network ? body.network : undefined,
      encryptionSpec: isRecord(body.encryptionSpec) ? body.encryptionSpec : undefined,
      createdBy: caller.principal,
      scheduleName: extra.scheduleName,
      templateUri: prepared.templateUri,
      templateVersion: prepared.templateVersion,
      pipelineSpec: prepared.specDoc,
      spec: prepared.spec,
      parameterValues: prepared.parameterValues,
      parameters: prepared.parameters,
      gcsOutputDirectory: prepared.gcsOutputDirectory,
      // Vertex's layout: <root>/<project number>/<job id>/...
      localRoot: path.join(prepared.outputDir, this.#projectNumber, id),
      failurePolicy: prepared.failurePolicy,
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
    return job;
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
      taskId: this.newId(),
      path: taskPath,
      // The root is named after the job id, as the Python SDK expects when it looks it up;
      // ParallelFor iterations are named by index so names chain to the runner's paths.
      taskName: taskPath === '' ? job.id : (found?.task.taskInfo?.name ?? key),
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
      executionId: this.newId(),
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
        Object.entries(task.artifacts).map(([key, list]) => [key, list.map(() => this.newId())]),
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
    const denied = this.checkParent(request.params, caller, 'aiplatform.pipelineJobs.cancel');
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
    const denied = this.checkParent(request.params, caller, 'aiplatform.pipelineJobs.get');
    if (denied) return denied;
    const job = this.#find(request.params);
    if (!('id' in job)) return job;
    return { status: 200, body: this.resource(job, request) };
  }

  list(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const denied = this.checkParent(request.params, caller, 'aiplatform.pipelineJobs.list');
    if (denied) return denied;
    const matches = listFilter(request, JOB_FILTER);
    if (isResponse(matches)) return matches;
    // Newest first, as Vertex lists by default.
    const paged = paginate(request, [...this.jobs.values()].filter(matches).reverse());
    if (isResponse(paged)) return paged;
    const { page, nextPageToken: next } = paged;
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
      ...(job.templateUri ? { templateUri: job.templateUri } : {}),
      ...(job.templateVersion ? { templateMetadata: { version: job.templateVersion } } : {}),
      ...(job.scheduleName ? { scheduleName: job.scheduleName } : {}),
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

  // The serving and scheduling services share the pipeline service's ids, IAM and storage.
  const ctx: ServiceContext = {
    project,
    projectNumber,
    region,
    clock,
    newId: () => service.newId(),
    checkParent: (params, caller, permission) => service.checkParent(params, caller, permission),
    denied: (caller, permission, resource) => service.denied(caller, permission, resource),
    localPath: (uri) => service.localPath(uri),
    takeOperationFailure: (kind) => faults.takeOperationFailure(kind),
  };
  const operationMs = options.operationMs ?? 50;
  const operations = new OperationStore(ctx);
  const models = new ModelService(ctx, operations, {
    operationMs,
    checkArtifacts: options.checkArtifacts ?? true,
  });
  const endpoints = new EndpointService(ctx, operations, models, {
    operationMs,
    deployMs: options.deployMs ?? 100,
    onUndeploy: (endpointId, deployedModelId) =>
      void predictions.undeployed(endpointId, deployedModelId),
  });
  const predictions = new PredictionService(
    ctx,
    endpoints.endpoints,
    models,
    options.predictionServer,
  );
  const schedules = new ScheduleService(
    ctx,
    operations,
    {
      prepare: (pipelineJob, caller) => service.prepareJob(pipelineJob, caller),
      start: (prepared, caller, scheduleName) =>
        service.startJob(prepared, service.newId(), caller, { scheduleName }),
    },
    { operationMs },
  );

  type Handler = (request: EmulatorRequest, caller: Caller) => ReturnType<Route['handler']>;
  const route = (
    name: VertexRoute,
    method: string,
    pattern: string | RegExp,
    rpc: string,
    handler: Handler,
  ): Route => ({
    name: VERTEX_ROUTES[name],
    method,
    pattern,
    handler: (request) => service.guard(request, rpc, (caller) => handler(request, caller)),
  });
  const location = '/v1/projects/{project}/locations/{location}';
  const jobs = `${location}/pipelineJobs`;
  const model = `${location}/models/{model}`;
  const endpoint = `${location}/endpoints/{endpoint}`;
  const schedule = `${location}/schedules/{schedule}`;
  const aip = 'google.cloud.aiplatform.v1';
  const server: HttpServer = await startHttpServer({
    name: serverName,
    clock,
    faults: injector,
    log: requests,
    contract: contractFor('aiplatform'),
    // Custom methods (`:verb`) before the plain resource routes, which would match them too.
    routes: [
      route('createPipelineJob', 'POST', jobs, 'CreatePipelineJob', (r, c) => service.create(r, c)),
      route('listPipelineJobs', 'GET', jobs, 'ListPipelineJobs', (r, c) => service.list(r, c)),
      route('cancelPipelineJob', 'POST', `${jobs}/{job}:cancel`, 'CancelPipelineJob', (r, c) =>
        service.cancel(r, c),
      ),
      route('getPipelineJob', 'GET', `${jobs}/{job}`, 'GetPipelineJob', (r, c) =>
        service.get(r, c),
      ),
      route(
        'getOperation',
        'GET',
        /^\/(?:v1|ui)\/projects\/(?<project>[^/]+)\/locations\/(?<location>[^/]+)\/(?<path>(?:[^/]+\/[^/]+\/)*operations\/[^/]+)$/,
        'google.longrunning.Operations.GetOperation',
        (r, c) => operations.get(r, c),
      ),
      // ModelService
      route(
        'uploadModel',
        'POST',
        `${location}/models:upload`,
        `${aip}.ModelService.UploadModel`,
        (r, c) => models.upload(r, c),
      ),
      route('listModels', 'GET', `${location}/models`, `${aip}.ModelService.ListModels`, (r, c) =>
        models.list(r, c),
      ),
      route(
        'listModelVersions',
        'GET',
        `${model}:listVersions`,
        `${aip}.ModelService.ListModelVersions`,
        (r, c) => models.listVersions(r, c),
      ),
      route(
        'mergeVersionAliases',
        'POST',
        `${model}:mergeVersionAliases`,
        `${aip}.ModelService.MergeVersionAliases`,
        (r, c) => models.mergeVersionAliases(r, c),
      ),
      route(
        'deleteModelVersion',
        'DELETE',
        `${model}:deleteVersion`,
        `${aip}.ModelService.DeleteModelVersion`,
        (r, c) => models.deleteVersion(r, c),
      ),
      route(
        'importModelEvaluation',
        'POST',
        `${model}/evaluations:import`,
        `${aip}.ModelService.ImportModelEvaluation`,
        (r, c) => models.importEvaluation(r, c),
      ),
      route(
        'listModelEvaluations',
        'GET',
        `${model}/evaluations`,
        `${aip}.ModelService.ListModelEvaluations`,
        (r, c) => models.listEvaluations(r, c),
      ),
      route(
        'getModelEvaluation',
        'GET',
        `${model}/evaluations/{evaluation}`,
        `${aip}.ModelService.GetModelEvaluation`,
        (r, c) => models.getEvaluation(r, c),
      ),
      route('getModel', 'GET', model, `${aip}.ModelService.GetModel`, (r, c) => models.get(r, c)),
      route('deleteModel', 'DELETE', model, `${aip}.ModelService.DeleteModel`, (r, c) =>
        models.deleteModel(r, c),
      ),
      // EndpointService
      route(
        'createEndpoint',
        'POST',
        `${location}/endpoints`,
        `${aip}.EndpointService.CreateEndpoint`,
        (r, c) => endpoints.create(r, c),
      ),
      route(
        'listEndpoints',
        'GET',
        `${location}/endpoints`,
        `${aip}.EndpointService.ListEndpoints`,
        (r, c) => endpoints.list(r, c),
      ),
      route(
        'deployModel',
        'POST',
        `${endpoint}:deployModel`,
        `${aip}.EndpointService.DeployModel`,
        (r, c) => endpoints.deploy(r, c),
      ),
      route(
        'undeployModel',
        'POST',
        `${endpoint}:undeployModel`,
        `${aip}.EndpointService.UndeployModel`,
        (r, c) => endpoints.undeploy(r, c),
      ),
      // PredictionService
      route('predict', 'POST', `${endpoint}:predict`, `${aip}.PredictionService.Predict`, (r, c) =>
        predictions.predict(r, c),
      ),
      route('getEndpoint', 'GET', endpoint, `${aip}.EndpointService.GetEndpoint`, (r, c) =>
        endpoints.get(r, c),
      ),
      route('updateEndpoint', 'PATCH', endpoint, `${aip}.EndpointService.UpdateEndpoint`, (r, c) =>
        endpoints.update(r, c),
      ),
      route('deleteEndpoint', 'DELETE', endpoint, `${aip}.EndpointService.DeleteEndpoint`, (r, c) =>
        endpoints.delete(r, c),
      ),
      // ScheduleService
      route(
        'createSchedule',
        'POST',
        `${location}/schedules`,
        `${aip}.ScheduleService.CreateSchedule`,
        (r, c) => schedules.create(r, c),
      ),
      route(
        'listSchedules',
        'GET',
        `${location}/schedules`,
        `${aip}.ScheduleService.ListSchedules`,
        (r, c) => schedules.list(r, c),
      ),
      route(
        'pauseSchedule',
        'POST',
        `${schedule}:pause`,
        `${aip}.ScheduleService.PauseSchedule`,
        (r, c) => schedules.pause(r, c),
      ),
      route(
        'resumeSchedule',
        'POST',
        `${schedule}:resume`,
        `${aip}.ScheduleService.ResumeSchedule`,
        (r, c) => schedules.resume(r, c),
      ),
      route('getSchedule', 'GET', schedule, `${aip}.ScheduleService.GetSchedule`, (r, c) =>
        schedules.get(r, c),
      ),
      route('updateSchedule', 'PATCH', schedule, `${aip}.ScheduleService.UpdateSchedule`, (r, c) =>
        schedules.update(r, c),
      ),
      route('deleteSchedule', 'DELETE', schedule, `${aip}.ScheduleService.DeleteSchedule`, (r, c) =>
        schedules.delete(r, c),
      ),
    ],
  });

  return {
    endpoint: { host: '127.0.0.1', port: server.port, url: server.url },
    project,
    projectNumber,
    region,
    parent: `projects/${project}/locations/${region}`,
    jobs: service.jobs,
    models: models.models,
    endpoints: endpoints.endpoints,
    schedules: schedules.schedules,
    operations: operations.operations,
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
    calls: () => callCounts(requests, serverName, VERTEX_ROUTES),
    resource: (jobId, resourceOptions = {}) => {
      const job = service.jobs.get(jobId);
      if (!job) throw new Error(`No pipeline job "${jobId}" in the emulator`);
      return service.resource(job, { intEnums: resourceOptions.intEnums ?? false });
    },
    modelResource: (ref, resourceOptions = {}) => {
      const resolved = models.resolve(
        `projects/${project}/locations/${region}/models/${ref}`,
        'model',
      );
      if (isResponse(resolved)) throw new Error(`No model "${ref}" in the emulator`);
      return models.resource(resolved.model, resolved.version, {
        intEnums: resourceOptions.intEnums ?? false,
      });
    },
    endpointResource: (endpointId) => {
      const found = endpoints.endpoints.get(endpointId);
      if (!found) throw new Error(`No endpoint "${endpointId}" in the emulator`);
      return endpoints.resource(found, { intEnums: false });
    },
    scheduleResource: (ref, resourceOptions = {}) => {
      const found = schedules.lookup(ref);
      if (!found) throw new Error(`No schedule "${ref}" in the emulator`);
      return schedules.resource(found, { intEnums: resourceOptions.intEnums ?? false });
    },
    triggerSchedule: (ref) => schedules.trigger(ref),
    operationsSettled: () => operations.settled(),
    localPath: (uri) => service.localPath(uri),
    close: async () => {
      operations.close();
      await predictions.close();
      await service.close(options.closeGraceMs ?? 5000);
      await server.close();
      if (ownDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
