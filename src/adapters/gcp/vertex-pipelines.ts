import { setTimeout as sleep } from 'node:timers/promises';
import type * as GoogleCloudModule from '#google-cloud';
import { UserError } from '../../core/errors.js';
import type { PipelineJobRequest, VertexPipelineJob } from '../../core/gcp/vertex-job.js';
import { googleEndpoints } from './endpoints.js';

/**
 * Vertex AI Pipelines through @google-cloud/aiplatform in REST mode (plain HTTP/1.1, no gRPC),
 * authenticated from the environment the way the client libraries are: the credentials file
 * `auth` wrote (GOOGLE_APPLICATION_CREDENTIALS). Its external_account source re-fetches a
 * GitHub token on every refresh, so hour-long waits never hit an expired token.
 */

type GoogleCloud = typeof GoogleCloudModule;

/** gax error codes worth retrying: RESOURCE_EXHAUSTED (429), UNAVAILABLE (503), INTERNAL, DEADLINE_EXCEEDED. */
const RETRIABLE = new Set([4, 8, 13, 14]);
const ATTEMPTS = 6;

const HTTP_TO_RPC: Record<number, number> = {
  400: 3,
  401: 16,
  403: 7,
  404: 5,
  409: 6,
  412: 9,
  429: 8,
  499: 1,
  500: 13,
  501: 12,
  503: 14,
  504: 4,
};
const RPC_BY_NAME: Record<string, number> = {
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
};

/** Google's error body (`{"error": {code, message, status}}`), when the client left it in the message. */
function errorBody(error: unknown): { message?: string; status?: string } | undefined {
  const message = (error as { message?: unknown } | null)?.message;
  if (typeof message !== 'string' || !message.trimStart().startsWith('{')) return undefined;
  try {
    return (JSON.parse(message) as { error?: { message?: string; status?: string } }).error;
  } catch {
    return undefined;
  }
}

/**
 * The gRPC code of a client error. gax's REST transport (5.0.x) rejects with the HTTP status as
 * `code` and Google's JSON error body as the message, not a mapped gRPC code; network failures
 * carry a string code (ECONNREFUSED), which counts as UNAVAILABLE.
 */
export function grpcCode(error: unknown): number | undefined {
  const status = errorBody(error)?.status;
  if (status && status in RPC_BY_NAME) return RPC_BY_NAME[status];
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'number')
    return code >= 100 ? (HTTP_TO_RPC[code] ?? (code >= 500 ? 14 : 2)) : code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return 14;
  return undefined;
}

/** The readable part of a client error: Google's message rather than the raw JSON body. */
function errorText(error: unknown): string {
  return (
    errorBody(error)?.message ?? ((error as Error).message ?? String(error)).split('\n')[0] ?? ''
  );
}

/** Decodes a protobuf Value or Struct, as the REST client returns them, to plain JSON. */
function decodeValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const v = value as Record<string, unknown>;
  if ('structValue' in v) return decodeStruct(v.structValue);
  if ('listValue' in v)
    return ((v.listValue as { values?: unknown[] } | null)?.values ?? []).map(decodeValue);
  if ('stringValue' in v) return v.stringValue;
  if ('numberValue' in v) return v.numberValue;
  if ('boolValue' in v) return v.boolValue;
  if ('nullValue' in v) return null;
  return value;
}

function decodeStruct(struct: unknown): Record<string, unknown> {
  const fields = (struct as { fields?: Record<string, unknown> } | null)?.fields ?? {};
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [key, decodeValue(value)]),
  );
}

/** A protobuf Timestamp as the client returns it (`{seconds: '1704067200', nanos}`) → RFC 3339. */
function timestamp(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const seconds = Number((value as { seconds?: unknown } | null)?.seconds);
  if (!Number.isFinite(seconds) || seconds === 0) return undefined;
  const nanos = Number((value as { nanos?: unknown }).nanos ?? 0);
  return new Date(seconds * 1000 + Math.floor(nanos / 1e6)).toISOString();
}

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

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
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

export interface VertexPipelinesOptions {
  readonly project: string;
  readonly region: string;
  readonly env: NodeJS.ProcessEnv;
  /** Called before each retry, to say why the call is waiting. */
  readonly onRetry?: (message: string) => void;
}

export class VertexPipelines {
  #client: InstanceType<GoogleCloud['PipelineServiceClient']>;
  readonly #newClient: () => InstanceType<GoogleCloud['PipelineServiceClient']>;
  readonly #helpers: GoogleCloud['aiplatformHelpers'];
  readonly #options: VertexPipelinesOptions;
  /** API calls made, for the benchmark of calls per minute while waiting. */
  calls = 0;

  private constructor(google: GoogleCloud, options: VertexPipelinesOptions) {
    this.#options = options;
    this.#helpers = google.aiplatformHelpers;
    const endpoint = new URL(
      googleEndpoints(options.env).vertex.replaceAll('{region}', options.region),
    );
    // No auth option: the client reads Application Default Credentials itself.
    this.#newClient = () =>
      new google.PipelineServiceClient({
        apiEndpoint: endpoint.hostname,
        port: endpoint.port ? Number(endpoint.port) : endpoint.protocol === 'http:' ? 80 : 443,
        protocol: endpoint.protocol.replace(':', ''),
        fallback: true,
        projectId: options.project,
      });
    this.#client = this.#newClient();
  }

  /** Loads the Google clients (the lazy vendor bundle) and checks credentials are present. */
  static async connect(options: VertexPipelinesOptions): Promise<VertexPipelines> {
    const google = await import('#google-cloud');
    // The project is given: without it the library would look it up through Resource Manager.
    const probe = new google.GoogleAuth({
      scopes: ['https://www.googleapis.com/auth/cloud-platform'],
      projectId: options.project,
    });
    try {
      await probe.getClient();
    } catch (error) {
      throw new UserError(
        `No Google Cloud credentials: ${(error as Error).message.split('\n')[0] ?? ''}`,
        {
          fix: 'Run the auth command first (command: auth with workload-identity-provider), or set GOOGLE_APPLICATION_CREDENTIALS.',
        },
      );
    }
    return new VertexPipelines(google, options);
  }

  get parent(): string {
    return `projects/${this.#options.project}/locations/${this.#options.region}`;
  }

  jobName(jobId: string): string {
    return `${this.parent}/pipelineJobs/${jobId}`;
  }

  async #call<T>(purpose: string, work: () => Promise<T>): Promise<T> {
    let renewed = false;
    for (let attempt = 1; ; attempt++) {
      this.calls++;
      try {
        return await work();
      } catch (error) {
        const code = grpcCode(error);
        if (code === 16 && !renewed) {
          // A token the client still trusted was refused (revoked, or expired early): start
          // over from the credentials file, which fetches a fresh GitHub token, once.
          renewed = true;
          this.#options.onRetry?.(
            `${purpose}: the access token was refused; fetching fresh credentials`,
          );
          const stale = this.#client;
          this.#client = this.#newClient();
          await stale.close().catch(() => undefined);
          continue;
        }
        if (code === undefined || !RETRIABLE.has(code) || attempt >= ATTEMPTS)
          throw explain(purpose, error);
        const delay = Math.min(1000 * 2 ** (attempt - 1), 20_000);
        this.#options.onRetry?.(`${purpose}: ${errorText(error)}; retrying in ${delay / 1000}s`);
        await sleep(delay);
      }
    }
  }

  /** Creates the job; an existing job with the same id is returned instead (`existed: true`). */
  async create(
    jobId: string,
    request: PipelineJobRequest,
  ): Promise<{ job: VertexPipelineJob; existed: boolean }> {
    const pipelineJob = {
      ...request,
      // Structs must be encoded: a plain object is silently sent as an empty Struct.
      pipelineSpec: (
        this.#helpers.toValue(request.pipelineSpec) as { structValue?: unknown } | undefined
      )?.structValue,
      runtimeConfig: {
        gcsOutputDirectory: request.runtimeConfig.gcsOutputDirectory,
        parameterValues: Object.fromEntries(
          Object.entries(request.runtimeConfig.parameterValues).map(([key, value]) => [
            key,
            this.#helpers.toValue(value as object),
          ]),
        ),
      },
    };
    try {
      const [job] = await this.#call(`create pipeline job ${jobId} in ${this.parent}`, () =>
        this.#client.createPipelineJob({
          parent: this.parent,
          pipelineJobId: jobId,
          pipelineJob: pipelineJob as never,
        }),
      );
      return { job: toPlainJob(job as Record<string, unknown>), existed: false };
    } catch (error) {
      if (grpcCode((error as { cause?: unknown }).cause ?? error) !== 6) throw error;
      return { job: await this.get(jobId), existed: true };
    }
  }

  async get(jobId: string): Promise<VertexPipelineJob> {
    const [job] = await this.#call(`get pipeline job ${jobId}`, () =>
      this.#client.getPipelineJob({ name: this.jobName(jobId) }),
    );
    return toPlainJob(job as Record<string, unknown>);
  }

  async cancel(jobId: string): Promise<void> {
    await this.#call(`cancel pipeline job ${jobId}`, () =>
      this.#client.cancelPipelineJob({ name: this.jobName(jobId) }),
    );
  }

  async close(): Promise<void> {
    await this.#client.close();
  }
}

/** A Vertex error as "Failed to <purpose>: <status>: <message>", user-fixable ones as UserError. */
function explain(purpose: string, error: unknown): Error {
  const code = grpcCode(error);
  const message = `Failed to ${purpose}: ${errorText(error)}`;
  switch (code) {
    case 3:
      return new UserError(message, {
        fix: 'Vertex rejected the request: check the parameters, labels, service account and pipeline root.',
        cause: error,
      });
    case 7:
      return new UserError(message, {
        fix: 'The identity lacks permission: grant roles/aiplatform.user on the project, and roles/iam.serviceAccountUser on the pipeline service account.',
        cause: error,
      });
    case 16:
      return new UserError(message, {
        fix: 'The credentials were rejected: re-run the auth step, and check its workload-identity-provider and service-account.',
        cause: error,
      });
    case 5:
      return new UserError(message, { fix: 'Check the project and region.', cause: error });
    default:
      return new Error(message, { cause: error });
  }
}
