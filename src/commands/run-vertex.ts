import { setTimeout as sleep } from 'node:timers/promises';
import { VertexPipelines } from '../adapters/gcp/vertex-pipelines.js';
import type { LoadedPipeline } from '../adapters/pipeline-loader.js';
import { runProducer } from '../adapters/package-version.js';
import { RemoteFailure, UserError } from '../core/errors.js';
import type { ParameterValue } from '../core/ir/parameters.js';
import {
  consoleUrl,
  jobLabels,
  pipelineJobId,
  runRecordFromJob,
  taskRecordsFromJob,
  TERMINAL_STATES,
  type VertexPipelineJob,
} from '../core/gcp/vertex-job.js';
import type { RunRecord, TaskRecord } from '../core/run-record.js';
import type { TaskEvent } from '../core/run-events.js';
import type { CommandContext } from './command.js';
import { pipelineJobRequest, type VertexJobOptions } from './vertex-job-inputs.js';

export interface VertexRunOptions extends VertexJobOptions {
  readonly project: string;
  readonly region: string;
  readonly disableCache: boolean;
  readonly wait: boolean;
  readonly timeoutMs: number;
  readonly jobId: string | undefined;
}

export type VertexRunResult =
  | {
      readonly finished: true;
      readonly record: RunRecord;
      readonly jobName: string;
      readonly url: string;
    }
  | {
      readonly finished: false;
      readonly state: string;
      readonly jobName: string;
      readonly url: string;
    };

/** `90s`, `5m`, `2h`: how long the step waited. */
function formatWait(ms: number): string {
  if (ms < 120_000) return `${Math.round(ms / 1000)}s`;
  return ms < 7_200_000 ? `${Math.round(ms / 60_000)}m` : `${Math.round(ms / 3_600_000)}h`;
}

/** Polls fast at first (a cached job ends in seconds), then backs off to keep API calls low. */
export function pollDelay(attempt: number): number {
  return Math.min(1000 * 1.5 ** attempt, 15_000);
}

/** Task changes between two polls, as the local runner reports them. */
function taskEvents(
  previous: Readonly<Record<string, TaskRecord>>,
  current: Readonly<Record<string, TaskRecord>>,
): TaskEvent[] {
  const events: TaskEvent[] = [];
  for (const [path, task] of Object.entries(current)) {
    if (previous[path]?.state === task.state || task.state === 'PENDING') continue;
    events.push({
      path,
      state: task.state,
      cached: task.cached,
      attempt: 1,
      ...(task.durationMs !== undefined && task.state !== 'RUNNING'
        ? { durationMs: task.durationMs }
        : {}),
      ...(task.failure ? { failure: task.failure } : {}),
    });
  }
  return events;
}

/** Creates (or attaches to) the PipelineJob, then follows it to the end unless asked not to wait. */
export async function runOnVertex(
  loaded: LoadedPipeline,
  parameters: Record<string, ParameterValue>,
  options: VertexRunOptions,
  context: CommandContext,
): Promise<VertexRunResult> {
  const { ui, host, env, signal } = context;
  const request = pipelineJobRequest(
    loaded,
    parameters,
    options,
    jobLabels(options.labels, env),
    options.disableCache,
  );
  const client = await VertexPipelines.connect({
    project: options.project,
    region: options.region,
    env,
    onRetry: (message) => ui.warning(message),
  });
  try {
    let jobId =
      options.jobId ?? pipelineJobId(loaded.spec.pipelineInfo.name, parameters, env, new Date());
    let { job, existed } = await ui.group('Submit to Vertex AI Pipelines', () =>
      client.create(jobId, request),
    );
    const attempt = Number(env.GITHUB_RUN_ATTEMPT ?? '1');
    if (
      existed &&
      (job.state === 'PIPELINE_STATE_FAILED' || job.state === 'PIPELINE_STATE_CANCELLED') &&
      attempt > 1
    ) {
      // A re-run after a failed pipeline deserves a fresh job; otherwise attach to the one that exists.
      jobId = `${jobId}-a${attempt}`;
      ({ job, existed } = await client.create(jobId, request));
    }
    const url = consoleUrl(options.project, options.region, jobId);
    const jobName = client.jobName(jobId);
    ui.info(`${existed ? 'Attached to existing' : 'Created'} pipeline job ${jobName}`);
    ui.info(`Vertex console: ${url}`);
    if (!options.wait)
      return { finished: false, state: job.state ?? 'PIPELINE_STATE_PENDING', jobName, url };

    host.trackCloudJob({
      kind: 'vertex-pipeline-job',
      project: options.project,
      region: options.region,
      jobId,
    });
    const finished = await ui.group(`Wait for ${jobId}`, () =>
      follow(client, jobId, job, options.timeoutMs, context),
    );
    host.trackCloudJob(undefined);
    if (!finished) {
      if (signal?.aborted)
        throw new UserError(`Stopped waiting for ${jobId}; the job keeps running: ${url}`, {
          fix: 'Stop it with the Stop button in the Vertex console if it is no longer wanted.',
        });
      throw new RemoteFailure(
        `${jobId} did not finish within ${formatWait(options.timeoutMs)}; it keeps running: ${url}`,
        { fix: 'Raise timeout, or run with wait: false and check later.' },
      );
    }
    const record = runRecordFromJob(finished, loaded.spec, {
      jobId,
      project: options.project,
      region: options.region,
      parameters,
      producer: runProducer(),
    });
    const failure = finished.error?.message;
    if (failure) ui.warning(`Pipeline job error: ${failure}`);
    return { finished: true, record, jobName, url };
  } finally {
    await client.close();
  }
}

/** Polls until the job ends (returns it) or the timeout or abort comes first (undefined). */
async function follow(
  client: VertexPipelines,
  jobId: string,
  first: VertexPipelineJob,
  timeoutMs: number,
  { ui, signal }: CommandContext,
): Promise<VertexPipelineJob | undefined> {
  const deadline = Date.now() + timeoutMs;
  let job = first;
  let previous: Record<string, TaskRecord> = {};
  let lastState = '';
  for (let attempt = 0; ; attempt++) {
    if (job.state !== lastState) {
      ui.info(`Job ${job.state ?? 'PIPELINE_STATE_UNSPECIFIED'}`);
      lastState = job.state ?? '';
    }
    const tasks = taskRecordsFromJob(job);
    for (const event of taskEvents(previous, tasks)) ui.task(event);
    previous = tasks;
    if (TERMINAL_STATES.has(job.state ?? '')) return job;
    if (Date.now() >= deadline || signal?.aborted) return undefined;
    try {
      await sleep(
        Math.min(pollDelay(attempt), Math.max(deadline - Date.now(), 0)),
        undefined,
        signal ? { signal } : {},
      );
    } catch {
      return undefined;
    }
    job = await client.get(jobId);
  }
}
