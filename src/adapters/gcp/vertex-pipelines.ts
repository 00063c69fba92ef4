import type { PipelineJobRequest, VertexPipelineJob } from '../../core/gcp/vertex-job.js';
import { RPC_CODES } from '../../core/gcp/grpc-codes.js';
import {
  ClientSession,
  decodeStruct,
  decodeValue,
  grpcCode,
  loadGoogleClients,
  text,
  timestamp,
  vertexClientOptions,
  type GoogleCloud,
} from './google-client.js';

/**
 * Vertex AI Pipelines through @google-cloud/aiplatform in REST mode (plain HTTP/1.1, no gRPC),
 * authenticated from the environment the way the client libraries are: the credentials file
 * `auth` wrote (GOOGLE_APPLICATION_CREDENTIALS). Its external_account source re-fetches a
 * GitHub token on every refresh, so hour-long waits never hit an expired token.
 */

/** The client fills absent fields with defaults (`error: null`, `parentTaskId: '0'`): drop them. */
function errorOf(value: unknown): { code?: number; message?: string } | undefined {
  const error = value as { code?: number; message?: string } | null | undefined;
  return error?.message ? error : undefined;
}

function times(record: Record<string, unknown>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const field of ['createTime', 'startTime', 'endTime', 'updateTime']) {
    const value = timestamp(record[field]);
    if (value) result[field] = value;
  }
  return result;
}

/** The client's PipelineJob with Structs decoded, Timestamps as text and defaults dropped. */
function toPlainJob(job: Record<string, unknown>): VertexPipelineJob {
  const detail = job.jobDetail as
    { taskDetails?: Array<Record<string, unknown>> } | null | undefined;
  const runtime = job.runtimeConfig as
    { gcsOutputDirectory?: string; parameterValues?: Record<string, unknown> } | null | undefined;
  const jobError = errorOf(job.error);
  return {
    ...(text(job.name) ? { name: text(job.name) } : {}),
    ...(text(job.state) ? { state: text(job.state) } : {}),
    ...times(job),
    ...(jobError ? { error: jobError } : {}),
    runtimeConfig: {
      ...(runtime?.gcsOutputDirectory ? { gcsOutputDirectory: runtime.gcsOutputDirectory } : {}),
      parameterValues: Object.fromEntries(
        Object.entries(runtime?.parameterValues ?? {}).map(([key, value]) => [
          key,
          decodeValue(value),
        ]),
      ),
    },
    jobDetail: {
      taskDetails: (detail?.taskDetails ?? []).map((task) => {
        const execution = task.execution as
          { state?: string; metadata?: unknown } | null | undefined;
        const outputs = (task.outputs ?? {}) as Record<
          string,
          { artifacts?: Array<Record<string, unknown>> }
        >;
        const taskError = errorOf(task.error);
        const parent =
          typeof task.parentTaskId === 'string' || typeof task.parentTaskId === 'number'
            ? String(task.parentTaskId)
            : '0';
        return {
          taskId:
            typeof task.taskId === 'string' || typeof task.taskId === 'number'
              ? String(task.taskId)
              : '',
          ...(parent !== '0' ? { parentTaskId: parent } : {}),
          ...(text(task.taskName) ? { taskName: text(task.taskName) } : {}),
          ...(text(task.state) ? { state: text(task.state) } : {}),
          ...times(task),
          ...(taskError ? { error: taskError } : {}),
          ...(execution
            ? {
                execution: {
                  ...(execution.state ? { state: execution.state } : {}),
                  metadata: decodeStruct(execution.metadata),
                },
              }
            : {}),
          outputs: Object.fromEntries(
            Object.entries(outputs).map(([key, list]) => [
              key,
              {
                artifacts: (list.artifacts ?? []).map((artifact) => ({
                  ...(text(artifact.name) ? { name: text(artifact.name) } : {}),
                  ...(text(artifact.displayName)
                    ? { displayName: text(artifact.displayName) }
                    : {}),
                  ...(text(artifact.uri) ? { uri: text(artifact.uri) } : {}),
                  ...(text(artifact.schemaTitle)
                    ? { schemaTitle: text(artifact.schemaTitle) }
                    : {}),
                  metadata: decodeStruct(artifact.metadata),
                })),
              },
            ]),
          ),
        };
      }),
    },
  };
}

/**
 * A PipelineJob for the client: Structs and Values must be encoded, since a plain object is
 * silently sent as an empty Struct and a plain parameter value throws "object expected".
 */
export function encodePipelineJob(
  helpers: GoogleCloud['aiplatformHelpers'],
  request: PipelineJobRequest,
): Record<string, unknown> {
  return {
    ...request,
    pipelineSpec: (helpers.toValue(request.pipelineSpec) as { structValue?: unknown } | undefined)
      ?.structValue,
    runtimeConfig: {
      gcsOutputDirectory: request.runtimeConfig.gcsOutputDirectory,
      parameterValues: Object.fromEntries(
        Object.entries(request.runtimeConfig.parameterValues).map(([key, value]) => [
          key,
          helpers.toValue(value as object),
        ]),
      ),
    },
  };
}

export interface VertexPipelinesOptions {
  readonly project: string;
  readonly region: string;
  readonly env: NodeJS.ProcessEnv;
  /** Called before each retry, to say why the call is waiting. */
  readonly onRetry?: (message: string) => void;
}

export class VertexPipelines {
  readonly #session: ClientSession<InstanceType<GoogleCloud['PipelineServiceClient']>>;
  readonly #helpers: GoogleCloud['aiplatformHelpers'];
  readonly #options: VertexPipelinesOptions;

  private constructor(google: GoogleCloud, options: VertexPipelinesOptions) {
    this.#options = options;
    this.#helpers = google.aiplatformHelpers;
    const clientOptions = vertexClientOptions(options.env, options.region, options.project);
    this.#session = new ClientSession(() => new google.PipelineServiceClient(clientOptions), {
      onRetry: options.onRetry,
      fixes: {
        [RPC_CODES.INVALID_ARGUMENT]:
          'Vertex rejected the request: check the parameters, labels, service account and pipeline root.',
        [RPC_CODES.PERMISSION_DENIED]:
          'The identity lacks permission: grant roles/aiplatform.user on the project, and roles/iam.serviceAccountUser on the pipeline service account.',
      },
    });
  }

  /** Loads the Google clients (the lazy vendor bundle) and checks credentials are present. */
  static async connect(options: VertexPipelinesOptions): Promise<VertexPipelines> {
    return new VertexPipelines(await loadGoogleClients(options.project, options.env), options);
  }

  /** API calls made, for the benchmark of calls per minute while waiting. */
  get calls(): number {
    return this.#session.calls;
  }

  get parent(): string {
    return `projects/${this.#options.project}/locations/${this.#options.region}`;
  }

  jobName(jobId: string): string {
    return `${this.parent}/pipelineJobs/${jobId}`;
  }

  /** Creates the job; an existing job with the same id is returned instead (`existed: true`). */
  async create(
    jobId: string,
    request: PipelineJobRequest,
  ): Promise<{ job: VertexPipelineJob; existed: boolean }> {
    const pipelineJob = encodePipelineJob(this.#helpers, request);
    try {
      const [job] = await this.#session.call(
        `create pipeline job ${jobId} in ${this.parent}`,
        (client) =>
          client.createPipelineJob({
            parent: this.parent,
            pipelineJobId: jobId,
            pipelineJob: pipelineJob,
          }),
      );
      return { job: toPlainJob(job as Record<string, unknown>), existed: false };
    } catch (error) {
      if (grpcCode((error as { cause?: unknown }).cause ?? error) !== RPC_CODES.ALREADY_EXISTS)
        throw error;
      return { job: await this.get(jobId), existed: true };
    }
  }

  async get(jobId: string): Promise<VertexPipelineJob> {
    const [job] = await this.#session.call(`get pipeline job ${jobId}`, (client) =>
      client.getPipelineJob({ name: this.jobName(jobId) }),
    );
    return toPlainJob(job as Record<string, unknown>);
  }

  async cancel(jobId: string): Promise<void> {
    await this.#session.call(`cancel pipeline job ${jobId}`, (client) =>
      client.cancelPipelineJob({ name: this.jobName(jobId) }),
    );
  }

  async close(): Promise<void> {
    await this.#session.close();
  }
}
