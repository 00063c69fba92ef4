import type { PipelineSpec } from '../../core/ir/schema.js';
import type { ParameterValue } from '../../core/ir/parameters.js';
import type { ScheduleSpec, ScheduleState } from '../../core/gcp/schedule.js';
import { RPC_CODES } from '../../core/gcp/grpc-codes.js';
import {
  ClientSession,
  decodeStruct,
  decodeValue,
  loadGoogleClients,
  stringMap,
  text,
  timestamp,
  vertexClientOptions,
  type GoogleCloud,
} from './google-client.js';
import { encodePipelineJob } from './vertex-pipelines.js';

/** Vertex AI schedules of pipeline jobs (ScheduleService) in REST mode, as plain specs. */

export interface ExistingSchedule {
  readonly name: string;
  readonly spec: ScheduleSpec;
  readonly nextRunTime: string | undefined;
}

export interface VertexSchedulesOptions {
  readonly project: string;
  readonly region: string;
  readonly env: NodeJS.ProcessEnv;
  readonly onRetry?: (message: string) => void;
}

type ScheduleClient = InstanceType<GoogleCloud['ScheduleServiceClient']>;

function toExisting(raw: Record<string, unknown>): ExistingSchedule {
  const request = (raw.createPipelineJobRequest ?? {}) as { pipelineJob?: Record<string, unknown> };
  const job = request.pipelineJob ?? {};
  const runtime = (job.runtimeConfig ?? {}) as {
    gcsOutputDirectory?: string;
    parameterValues?: Record<string, unknown>;
  };
  const encryption = (job.encryptionSpec ?? {}) as { kmsKeyName?: string };
  const serviceAccount = text(job.serviceAccount);
  const network = text(job.network);
  const kmsKeyName = text(encryption.kmsKeyName);
  return {
    name: text(raw.name) ?? '',
    nextRunTime: timestamp(raw.nextRunTime),
    spec: {
      displayName: text(raw.displayName) ?? '',
      cron: text(raw.cron) ?? '',
      maxConcurrentRunCount: Number(raw.maxConcurrentRunCount ?? 0),
      allowQueueing: raw.allowQueueing === true,
      state: (text(raw.state) ?? 'ACTIVE') as ScheduleState,
      pipelineJob: {
        displayName: text(job.displayName) ?? '',
        labels: stringMap(job.labels),
        pipelineSpec: decodeStruct(job.pipelineSpec) as unknown as PipelineSpec,
        runtimeConfig: {
          gcsOutputDirectory: runtime.gcsOutputDirectory ?? '',
          parameterValues: Object.fromEntries(
            Object.entries(runtime.parameterValues ?? {}).map(([key, value]) => [
              key,
              decodeValue(value) as ParameterValue,
            ]),
          ),
        },
        ...(serviceAccount ? { serviceAccount } : {}),
        ...(network ? { network } : {}),
        ...(kmsKeyName ? { encryptionSpec: { kmsKeyName } } : {}),
      },
    },
  };
}

export class VertexSchedules {
  readonly #session: ClientSession<ScheduleClient>;
  readonly #helpers: GoogleCloud['aiplatformHelpers'];
  readonly #options: VertexSchedulesOptions;

  private constructor(google: GoogleCloud, options: VertexSchedulesOptions) {
    this.#options = options;
    this.#helpers = google.aiplatformHelpers;
    const clientOptions = vertexClientOptions(options.env, options.region, options.project);
    this.#session = new ClientSession(() => new google.ScheduleServiceClient(clientOptions), {
      onRetry: options.onRetry,
      fixes: {
        [RPC_CODES.INVALID_ARGUMENT]:
          'Vertex rejected the schedule: check cron, time-zone, the parameters and the pipeline root.',
      },
    });
  }

  static async connect(options: VertexSchedulesOptions): Promise<VertexSchedules> {
    return new VertexSchedules(await loadGoogleClients(options.project, options.env), options);
  }

  get parent(): string {
    return `projects/${this.#options.project}/locations/${this.#options.region}`;
  }

  async findByDisplayName(displayName: string): Promise<ExistingSchedule[]> {
    const [schedules] = await this.#session.call(`list schedules named ${displayName}`, (c) =>
      c.listSchedules({
        parent: this.parent,
        filter: `display_name="${displayName.replaceAll('"', '\\"')}"`,
      }),
    );
    return (schedules as Array<Record<string, unknown>>)
      .map(toExisting)
      .filter((schedule) => schedule.spec.displayName === displayName);
  }

  #encode(spec: ScheduleSpec): Record<string, unknown> {
    return {
      displayName: spec.displayName,
      cron: spec.cron,
      maxConcurrentRunCount: spec.maxConcurrentRunCount,
      allowQueueing: spec.allowQueueing,
      createPipelineJobRequest: {
        parent: this.parent,
        pipelineJob: encodePipelineJob(this.#helpers, spec.pipelineJob),
      },
    };
  }

  async create(spec: ScheduleSpec): Promise<ExistingSchedule> {
    const [schedule] = await this.#session.call(`create schedule ${spec.displayName}`, (c) =>
      c.createSchedule({ parent: this.parent, schedule: this.#encode(spec) }),
    );
    return toExisting(schedule as Record<string, unknown>);
  }

  async update(
    name: string,
    spec: ScheduleSpec,
    paths: readonly string[],
  ): Promise<ExistingSchedule> {
    const [schedule] = await this.#session.call(`update schedule ${name}`, (c) =>
      c.updateSchedule({
        schedule: { name, ...this.#encode(spec) },
        updateMask: { paths: [...paths] },
      }),
    );
    return toExisting(schedule as Record<string, unknown>);
  }

  async setState(name: string, state: ScheduleState): Promise<void> {
    await this.#session.call(`${state === 'PAUSED' ? 'pause' : 'resume'} schedule ${name}`, (c) =>
      state === 'PAUSED' ? c.pauseSchedule({ name }) : c.resumeSchedule({ name }),
    );
  }

  async get(name: string): Promise<ExistingSchedule> {
    const [schedule] = await this.#session.call(`get schedule ${name}`, (c) =>
      c.getSchedule({ name }),
    );
    return toExisting(schedule as Record<string, unknown>);
  }

  async close(): Promise<void> {
    await this.#session.close();
  }
}
