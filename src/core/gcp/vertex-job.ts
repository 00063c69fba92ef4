import { createHash } from 'node:crypto';
import { UserError } from '../errors.js';
import type { ParameterValue } from '../ir/parameters.js';
import { dependencyPaths } from '../ir/dependencies.js';
import type { PipelineSpec } from '../ir/schema.js';
import {
  collectMetrics,
  RUN_RECORD_VERSION,
  type ArtifactRecord,
  type RunProducer,
  type RunRecord,
  type RunState,
  type TaskRecord,
  type TaskState,
} from '../run-record.js';

/**
 * Vertex AI PipelineJob facts without the client library: the request we send, the id that
 * makes re-runs attach instead of duplicating, labels within Vertex's rules, and the job's
 * reply turned into the same run record local runs write.
 */

/** Label keys and values: lowercase letters, digits, `_` and `-`, at most 63 characters; keys start with a letter. */
export function sanitizeLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}

export function jobLabels(
  user: Readonly<Record<string, string>>,
  env: NodeJS.ProcessEnv,
): Record<string, string> {
  const labels: Record<string, string> = { 'managed-by': 'mlops-platform' };
  if (env.GITHUB_REPOSITORY) labels.repository = sanitizeLabel(env.GITHUB_REPOSITORY);
  if (env.GITHUB_SHA) labels.commit = sanitizeLabel(env.GITHUB_SHA);
  if (env.GITHUB_RUN_ID) labels['workflow-run'] = sanitizeLabel(env.GITHUB_RUN_ID);
  if (env.GITHUB_WORKFLOW) labels.workflow = sanitizeLabel(env.GITHUB_WORKFLOW);
  for (const [key, value] of Object.entries(user)) {
    const cleanKey = sanitizeLabel(key);
    if (!/^[a-z]/.test(cleanKey))
      throw new UserError(`label "${key}" must start with a letter`, {
        fix: 'Rename the label key.',
      });
    if (cleanKey === 'vertex-ai-pipelines-run-billing-id')
      throw new UserError(
        `label "${key}" is reserved: Vertex AI replaces its value with the run's billing id`,
        { fix: 'Use another key.' },
      );
    labels[cleanKey] = sanitizeLabel(value);
  }
  return labels;
}

/**
 * The job id: in a workflow it comes from the pipeline, commit, workflow run and parameters,
 * so re-running the workflow finds the job the first attempt created (the caller attaches to
 * it unless it failed); elsewhere, the pipeline name and a timestamp as the KFP SDK does.
 */
export function pipelineJobId(
  pipelineName: string,
  parameters: Readonly<Record<string, ParameterValue>>,
  env: NodeJS.ProcessEnv,
  now: Date,
): string {
  const base =
    sanitizeLabel(pipelineName)
      .replace(/_/g, '-')
      .replace(/^[^a-z]+/, '') || 'pipeline';
  let suffix = now
    .toISOString()
    .replace(/[-:TZ.]/g, '')
    .slice(0, 14);
  if (env.GITHUB_RUN_ID && env.GITHUB_SHA) {
    const fingerprint = createHash('sha256')
      .update(
        JSON.stringify([
          env.GITHUB_REPOSITORY,
          env.GITHUB_SHA,
          env.GITHUB_RUN_ID,
          env.GITHUB_JOB,
          parameters,
        ]),
      )
      .digest('hex')
      .slice(0, 8);
    const runId = env.GITHUB_RUN_ID.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    suffix = `${env.GITHUB_SHA.slice(0, 7).toLowerCase()}-${runId}-${fingerprint}`;
  }
  // Vertex takes ids of [a-z][-a-z0-9]{0,127}: the name gives way so the suffix stays whole.
  return `${base.slice(0, Math.max(1, 127 - suffix.length))}-${suffix}`.slice(0, 128);
}

/** What the Python SDK does for enable_caching: set cachingOptions on every task, everywhere. */
export function withCaching(spec: PipelineSpec, enable: boolean): PipelineSpec {
  const copy = structuredClone(spec);
  for (const component of [copy.root, ...Object.values(copy.components ?? {})]) {
    for (const task of Object.values(component.dag?.tasks ?? {})) {
      if (copy.components?.[task.componentRef.name]?.executorLabel)
        task.cachingOptions = enable ? { enableCache: true } : {};
    }
  }
  return copy;
}

export function consoleUrl(project: string, region: string, jobId: string): string {
  return `https://console.cloud.google.com/vertex-ai/locations/${region}/pipelines/runs/${jobId}?project=${project}`;
}

export interface PipelineJobRequest {
  readonly displayName: string;
  /** A published template the spec came from, pinned by version (shown in the console). */
  readonly templateUri?: string;
  readonly labels: Record<string, string>;
  readonly pipelineSpec: PipelineSpec;
  readonly runtimeConfig: {
    gcsOutputDirectory: string;
    parameterValues: Record<string, ParameterValue>;
  };
  readonly serviceAccount?: string;
  readonly network?: string;
  readonly encryptionSpec?: { kmsKeyName: string };
}

// --------------------------------------------------------------------------------------------
// Reading a job back (plain JSON: Structs already decoded by the adapter)

export const TERMINAL_STATES = new Set([
  'PIPELINE_STATE_SUCCEEDED',
  'PIPELINE_STATE_FAILED',
  'PIPELINE_STATE_CANCELLED',
  'PIPELINE_STATE_PAUSED',
]);

export interface VertexArtifact {
  readonly name?: string;
  readonly displayName?: string;
  readonly uri?: string;
  readonly schemaTitle?: string;
  readonly metadata?: Record<string, unknown>;
}

export interface VertexTaskDetail {
  readonly taskId?: string;
  readonly parentTaskId?: string;
  readonly taskName?: string;
  readonly state?: string;
  readonly startTime?: string;
  readonly endTime?: string;
  readonly createTime?: string;
  readonly error?: { code?: number; message?: string };
  readonly execution?: { state?: string; metadata?: Record<string, unknown> };
  readonly outputs?: Record<string, { artifacts?: VertexArtifact[] }>;
}

export interface VertexPipelineJob {
  readonly name?: string;
  readonly state?: string;
  readonly createTime?: string;
  readonly startTime?: string;
  readonly endTime?: string;
  readonly error?: { code?: number; message?: string };
  readonly runtimeConfig?: {
    gcsOutputDirectory?: string;
    parameterValues?: Record<string, unknown>;
  };
  readonly jobDetail?: { taskDetails?: VertexTaskDetail[] };
}

const TASK_STATES: Record<string, TaskState> = {
  PENDING: 'PENDING',
  RUNNING: 'RUNNING',
  CANCEL_PENDING: 'RUNNING',
  CANCELLING: 'RUNNING',
  SUCCEEDED: 'SUCCEEDED',
  FAILED: 'FAILED',
  SKIPPED: 'SKIPPED',
  NOT_TRIGGERED: 'NOT_TRIGGERED',
  CANCELLED: 'CANCELLED',
};

function time(value: string | undefined): number | undefined {
  const parsed = value ? Date.parse(value) : Number.NaN;
  return Number.isFinite(parsed) ? parsed : undefined;
}

/**
 * The pipeline's own task: Vertex names it after the job id (the Python SDK looks it up that
 * way), else it is the one parentless task the others hang from.
 */
function rootTask(
  details: readonly VertexTaskDetail[],
  jobId: string | undefined,
): VertexTaskDetail | undefined {
  const named = details.find((detail) => !detail.parentTaskId && detail.taskName === jobId);
  if (named) return named;
  const parentless = details.filter((detail) => !detail.parentTaskId);
  const parents = new Set(details.map((detail) => detail.parentTaskId));
  return parentless.length === 1 && parents.has(parentless[0]?.taskId) ? parentless[0] : undefined;
}

/**
 * Task paths like the local runner's (`condition-1/package-model`), from the parent chain. A
 * task without a parent other than the root sits at the top level: the proto leaves
 * parent_task_id empty "if the task is at the root level".
 */
function taskPaths(
  details: readonly VertexTaskDetail[],
  jobId: string | undefined,
): Map<VertexTaskDetail, string> {
  const byId = new Map(details.map((detail) => [detail.taskId, detail]));
  const root = rootTask(details, jobId);
  const paths = new Map<VertexTaskDetail, string>();
  for (const detail of details) {
    if (detail === root) continue;
    const segments: string[] = [];
    const seen = new Set<VertexTaskDetail>();
    for (
      let current: VertexTaskDetail | undefined = detail;
      current && current !== root && !seen.has(current);
      current = current.parentTaskId ? byId.get(current.parentTaskId) : undefined
    ) {
      seen.add(current);
      segments.unshift(current.taskName ?? current.taskId ?? '?');
    }
    paths.set(detail, segments.join('/'));
  }
  // No public source shows how Vertex names ParallelFor iterations (the emulator names them by
  // index, as the local runner does). Should iterations come unnamed or share a name, their tasks
  // would share a path: keep each one, told apart by its task id, rather than overwrite.
  const taken = new Set<string>();
  for (const [detail, path] of paths) {
    const unique = taken.has(path) ? `${path}#${detail.taskId ?? taken.size}` : path;
    taken.add(unique);
    paths.set(detail, unique);
  }
  return paths;
}

export function taskRecordsFromJob(job: VertexPipelineJob): Record<string, TaskRecord> {
  const details = job.jobDetail?.taskDetails ?? [];
  const records: Record<string, TaskRecord> = {};
  for (const [detail, path] of taskPaths(details, job.name?.split('/').at(-1))) {
    const started = time(detail.startTime);
    const ended = time(detail.endTime);
    const cached = detail.execution?.state === 'CACHED';
    const parameters: Record<string, ParameterValue> = {};
    for (const [key, value] of Object.entries(detail.execution?.metadata ?? {})) {
      if (key.startsWith('output:'))
        parameters[key.slice('output:'.length)] = value as ParameterValue;
    }
    const artifacts: Record<string, ArtifactRecord[]> = {};
    for (const [key, output] of Object.entries(detail.outputs ?? {})) {
      artifacts[key] = (output.artifacts ?? []).map((artifact) => ({
        name: artifact.displayName ?? artifact.name ?? key,
        uri: artifact.uri ?? '',
        schemaTitle: artifact.schemaTitle ?? 'system.Artifact',
        metadata: artifact.metadata ?? {},
      }));
    }
    records[path] = {
      path,
      name: detail.taskName ?? path,
      // A cache hit is reported as SKIPPED with a CACHED execution: it did produce its outputs.
      state: cached ? 'SUCCEEDED' : (TASK_STATES[detail.state ?? ''] ?? 'PENDING'),
      cached,
      attempts: started === undefined ? 0 : 1,
      ...(detail.startTime ? { startTime: detail.startTime } : {}),
      ...(detail.endTime ? { endTime: detail.endTime } : {}),
      ...(started !== undefined && ended !== undefined ? { durationMs: ended - started } : {}),
      parameters,
      artifacts,
      ...(detail.error?.message ? { failure: { message: detail.error.message } } : {}),
    };
  }
  return records;
}

export function runStateOf(job: VertexPipelineJob): RunState {
  return job.state === 'PIPELINE_STATE_SUCCEEDED'
    ? 'SUCCEEDED'
    : job.state === 'PIPELINE_STATE_CANCELLED'
      ? 'CANCELLED'
      : 'FAILED';
}

/** The run record of a finished Vertex job, in the local runner's shape. */
export function runRecordFromJob(
  job: VertexPipelineJob,
  spec: PipelineSpec,
  context: {
    jobId: string;
    project: string;
    region: string;
    parameters: Record<string, ParameterValue>;
    /** What writes the record (mlops-platform and its version). */
    producer?: RunProducer;
  },
): RunRecord {
  const upstream = dependencyPaths(spec);
  const tasks = Object.fromEntries(
    Object.entries(taskRecordsFromJob(job)).map(([path, task]) => {
      const before = upstream.get(path) ?? [];
      return [path, before.length > 0 ? { ...task, upstream: before } : task];
    }),
  );
  const outputs: Record<string, ParameterValue> = {};
  for (const [key, source] of Object.entries(spec.root.dag?.outputs?.parameters ?? {})) {
    const producer = source.valueFromParameter?.producerSubtask;
    const value = producer
      ? tasks[producer]?.parameters[source.valueFromParameter?.outputParameterKey ?? '']
      : undefined;
    if (value !== undefined) outputs[key] = value;
  }
  const started = time(job.startTime ?? job.createTime);
  const ended = time(job.endTime);
  return {
    recordVersion: RUN_RECORD_VERSION,
    ...(context.producer ? { producer: context.producer } : {}),
    backend: 'vertex',
    runId: context.jobId,
    pipelineName: spec.pipelineInfo.name,
    pipelineRoot: job.runtimeConfig?.gcsOutputDirectory ?? '',
    parameters: context.parameters,
    state: runStateOf(job),
    startTime: job.startTime ?? job.createTime ?? new Date().toISOString(),
    ...(job.endTime ? { endTime: job.endTime } : {}),
    ...(started !== undefined && ended !== undefined ? { durationMs: ended - started } : {}),
    location: consoleUrl(context.project, context.region, context.jobId),
    tasks,
    outputs,
    metrics: collectMetrics(tasks),
  };
}
