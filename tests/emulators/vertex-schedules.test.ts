import { createHash } from 'node:crypto';
import type { protos } from '@google-cloud/aiplatform';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { OAuth2Client, PipelineServiceClient, ScheduleServiceClient } from '#google-cloud';
import { rpcCodeOf, startVertexEmulator, type VertexEmulator } from './vertex.js';
import { nextCronTime, parseCron, type CronSpec } from './vertex-schedules.js';
import { apiMessage, failure, toValue } from '../helpers/google-calls.js';

type ISchedule = protos.google.cloud.aiplatform.v1.ISchedule;
type IPipelineJob = protos.google.cloud.aiplatform.v1.IPipelineJob;
type IStruct = protos.google.protobuf.IStruct;
type ClientOptions = NonNullable<ConstructorParameters<typeof ScheduleServiceClient>[0]>;

let vertex: VertexEmulator;
let schedules: ScheduleServiceClient;
let pipelines: PipelineServiceClient;
const closers: Array<() => Promise<unknown>> = [];
let run = 0;

function uid(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${++run}`;
}

function clients(emulator: VertexEmulator) {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: 'test-token' });
  const opts = emulator.clientOptions(auth) as unknown as ClientOptions;
  const made = {
    schedules: new ScheduleServiceClient(opts),
    pipelines: new PipelineServiceClient(opts),
  };
  closers.push(
    () => made.schedules.close(),
    () => made.pipelines.close(),
  );
  return made;
}

function toStruct(value: object): IStruct {
  return toValue(value).structValue ?? {};
}

function ms(timestamp: unknown): number {
  return Number((timestamp as { seconds?: unknown } | null)?.seconds ?? Number.NaN) * 1000;
}

/** One task that sleeps `seconds`: long enough to hold a run slot, short enough for a test. */
function waitPipeline(): Record<string, unknown> {
  return {
    pipelineInfo: { name: 'nightly' },
    schemaVersion: '2.1.0',
    sdkVersion: 'hand-written',
    components: {
      'comp-wait': {
        executorLabel: 'exec-wait',
        inputDefinitions: { parameters: { seconds: { parameterType: 'NUMBER_DOUBLE' } } },
      },
    },
    deploymentSpec: {
      executors: {
        'exec-wait': {
          container: {
            image: 'busybox',
            command: ['sh', '-c', 'sleep "$0"'],
            args: ["{{$.inputs.parameters['seconds']}}"],
          },
        },
      },
    },
    root: {
      dag: {
        tasks: {
          wait: {
            taskInfo: { name: 'wait' },
            componentRef: { name: 'comp-wait' },
            inputs: { parameters: { seconds: { componentInputParameter: 'seconds' } } },
          },
        },
      },
      inputDefinitions: {
        parameters: {
          seconds: { parameterType: 'NUMBER_DOUBLE', defaultValue: 0, isOptional: true },
        },
      },
    },
  };
}

function pipelineJob(seconds = 0, extra: IPipelineJob = {}): IPipelineJob {
  return {
    displayName: 'nightly',
    pipelineSpec: toStruct(waitPipeline()),
    runtimeConfig: {
      gcsOutputDirectory: 'gs://acme-ml-pipelines/root',
      parameterValues: { seconds: toValue(seconds) },
    },
    ...extra,
  };
}

function schedule(fields: ISchedule = {}, job: IPipelineJob = pipelineJob()): ISchedule {
  return {
    displayName: uid('nightly'),
    cron: 'TZ=Europe/Berlin 0 3 * * *',
    maxConcurrentRunCount: 1,
    createPipelineJobRequest: { parent: vertex.parent, pipelineJob: job },
    ...fields,
  };
}

async function create(fields: ISchedule = {}, job?: IPipelineJob): Promise<ISchedule> {
  const [created] = await schedules.createSchedule({
    parent: vertex.parent,
    schedule: schedule(fields, job),
  });
  return created;
}

beforeAll(async () => {
  vertex = await startVertexEmulator();
  ({ schedules, pipelines } = clients(vertex));
});
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
  await Promise.all([...vertex.jobs.values()].map((job) => job.done));
  await vertex.close();
});
afterEach(() => {
  vertex.clock.reset();
  vertex.faults.clear();
});

// ---------------------------------------------------------------------------------------------

describe('cron', () => {
  const next = (cron: string, from: string): string => {
    const spec = parseCron(cron) as CronSpec;
    return new Date(nextCronTime(spec, Date.parse(from)) ?? 0).toISOString();
  };

  it('finds the next run in the cron time zone, across daylight saving time', () => {
    // 03:00 in Berlin is 02:00Z in winter (CET) and 01:00Z on the day clocks go forward.
    expect(next('TZ=Europe/Berlin 0 3 * * *', '2024-01-15T12:00:00Z')).toBe(
      '2024-01-16T02:00:00.000Z',
    );
    expect(next('TZ=Europe/Berlin 0 3 * * *', '2024-03-30T12:00:00Z')).toBe(
      '2024-03-31T01:00:00.000Z',
    );
    expect(next('CRON_TZ=America/New_York 30 9 * * *', '2024-07-01T00:00:00Z')).toBe(
      '2024-07-01T13:30:00.000Z',
    );
    // Without a prefix: UTC. A time on the minute counts as due.
    expect(next('0 * * * *', '2024-01-01T05:00:00Z')).toBe('2024-01-01T05:00:00.000Z');
    // Steps, ranges and names: 2024-03-30 is a Saturday.
    expect(next('*/15 9-17 * * MON-FRI', '2024-03-30T10:00:00Z')).toBe('2024-04-01T09:00:00.000Z');
    expect(next('0 0 * JAN,jul 0', '2024-03-01T00:00:00Z')).toBe('2024-07-07T00:00:00.000Z');
    // Both day fields restricted: either matches (the 1st, or a Monday).
    expect(next('0 0 1 * 1', '2024-04-02T00:00:00Z')).toBe('2024-04-08T00:00:00.000Z');
    // 7 is Sunday too.
    expect(next('0 12 * * 7', '2024-04-01T00:00:00Z')).toBe('2024-04-07T12:00:00.000Z');
  });

  it('explains what is wrong with a cron', () => {
    expect(parseCron('0 3 * *')).toContain('expected 5 fields');
    expect(parseCron('61 3 * * *')).toContain('out of range 0-59');
    expect(parseCron('0 3 * * FUNDAY')).toContain('invalid day of week');
    expect(parseCron('TZ=Mars/Olympus_Mons 0 3 * * *')).toContain('not an IANA time zone');
    expect(parseCron('TZ=+01:00 0 3 * * *')).toContain('not an IANA time zone');
    expect(nextCronTime(parseCron('0 0 30 2 *') as CronSpec, Date.now())).toBeUndefined();
  });
});

describe('schedules through the client', () => {
  it('creates, reads, lists, updates, pauses, resumes and deletes a schedule', async () => {
    vertex.clock.set(Date.parse('2024-03-30T12:00:00Z'));
    const created = await create({ maxRunCount: 5, allowQueueing: true });
    const id = created.name?.split('/').at(-1) ?? '';
    expect(created).toMatchObject({
      name: `projects/${vertex.projectNumber}/locations/${vertex.region}/schedules/${id}`,
      state: 'ACTIVE',
      cron: 'TZ=Europe/Berlin 0 3 * * *',
      maxConcurrentRunCount: '1',
      maxRunCount: '5',
      startedRunCount: '0',
      allowQueueing: true,
      catchUp: false,
    });
    expect(new Date(ms(created.nextRunTime)).toISOString()).toBe('2024-03-31T01:00:00.000Z');
    expect(ms(created.startTime)).toBe(ms(created.createTime));
    expect(created.createPipelineJobRequest?.parent).toBe(vertex.parent);
    // The request, int64s as strings and timestamps as RFC 3339 strings.
    const sent = vertex.requests.filter({ route: 'vertex.createSchedule' }).at(-1)?.body as Record<
      string,
      unknown
    >;
    expect(sent).toMatchObject({ maxConcurrentRunCount: '1', maxRunCount: '5' });

    const [got] = await schedules.getSchedule({ name: created.name ?? '' });
    expect(got.displayName).toBe(created.displayName);
    const other = await create({ cron: '0 4 * * *' });
    const list = async (filter: string) =>
      (
        await schedules.listSchedules({ parent: vertex.parent, filter }, { autoPaginate: false })
      )[0].map((s) => s.name);
    expect(await list(`display_name="${created.displayName ?? ''}"`)).toEqual([created.name]);
    expect(await list('create_pipeline_job_request:*')).toEqual(
      expect.arrayContaining([created.name, other.name]),
    );

    // Only the masked fields change.
    const [updated] = await schedules.updateSchedule({
      schedule: {
        name: created.name,
        cron: '30 6 * * 1-5',
        maxConcurrentRunCount: 2,
        displayName: 'ignored',
      },
      updateMask: { paths: ['cron', 'max_concurrent_run_count'] },
    });
    expect(updated).toMatchObject({
      cron: '30 6 * * 1-5',
      maxConcurrentRunCount: '2',
      displayName: created.displayName,
    });
    expect(new Date(ms(updated.nextRunTime)).toISOString()).toBe('2024-04-01T06:30:00.000Z');
    expect(
      vertex.requests.filter({ route: 'vertex.updateSchedule' }).at(-1)?.query.updateMask,
    ).toBe('cron,max_concurrent_run_count');

    await schedules.pauseSchedule({ name: created.name });
    const [paused] = await schedules.getSchedule({ name: created.name ?? '' });
    expect(paused.state).toBe('PAUSED');
    expect(ms(paused.lastPauseTime)).toBeGreaterThan(0);
    expect(await list(`state="PAUSED" AND display_name="${created.displayName ?? ''}"`)).toEqual([
      created.name,
    ]);
    const pauseAgain = await failure(schedules.pauseSchedule({ name: created.name }));
    expect(rpcCodeOf(pauseAgain)).toBe(9);

    await schedules.resumeSchedule({ name: created.name, catchUp: true });
    const [resumed] = await schedules.getSchedule({ name: created.name ?? '' });
    expect(resumed).toMatchObject({ state: 'ACTIVE', catchUp: true });
    expect(rpcCodeOf(await failure(schedules.resumeSchedule({ name: created.name })))).toBe(9);
    expect(vertex.requests.filter({ route: 'vertex.resumeSchedule' }).at(0)?.body).toEqual({
      catchUp: true,
    });

    const [op] = await schedules.deleteSchedule({ name: created.name });
    await op.promise();
    expect(vertex.schedules.has(id)).toBe(false);
    expect(rpcCodeOf(await failure(schedules.getSchedule({ name: created.name ?? '' })))).toBe(5);
  });

  it('rejects invalid schedules and updates with INVALID_ARGUMENT', async () => {
    const existing = await create();
    const cases: Array<[string, Promise<unknown>, string]> = [
      ['cron fields', create({ cron: '0 3 * *' }), 'expected 5 fields'],
      ['time zone', create({ cron: 'TZ=Mars/Olympus_Mons 0 3 * * *' }), 'not an IANA time zone'],
      ['concurrency', create({ maxConcurrentRunCount: 0 }), 'max_concurrent_run_count is required'],
      ['display name', create({ displayName: '' }), 'display_name is required'],
      ['end time', create({ endTime: { seconds: 946684800 } }), 'end_time must be after'],
      [
        'parent',
        create({ createPipelineJobRequest: { pipelineJob: pipelineJob() } }),
        'create_pipeline_job_request.parent is required',
      ],
      [
        'region',
        create({
          createPipelineJobRequest: {
            parent: `projects/${vertex.project}/locations/europe-west4`,
            pipelineJob: pipelineJob(),
          },
        }),
        'is not in us-central1',
      ],
      [
        'job id',
        create({
          createPipelineJobRequest: {
            parent: vertex.parent,
            pipelineJobId: 'mine',
            pipelineJob: pipelineJob(),
          },
        }),
        'pipeline_job_id is not supported',
      ],
      // The job template is checked exactly as createPipelineJob checks a job.
      [
        'job parameters',
        create(
          {},
          {
            ...pipelineJob(),
            runtimeConfig: {
              gcsOutputDirectory: 'gs://acme-ml-pipelines/root',
              parameterValues: { secs: toValue(1) },
            },
          },
        ),
        '"secs" is not a parameter',
      ],
      [
        'update mask naming no field (the REST contract)',
        schedules.updateSchedule({
          schedule: { name: existing.name },
          updateMask: { paths: ['colour'] },
        }),
        'updateMask path "colour" of google.cloud.aiplatform.v1.ScheduleService.UpdateSchedule names no field of Schedule',
      ],
      [
        'update unsets',
        schedules.updateSchedule({
          schedule: { name: existing.name, cron: '' },
          updateMask: { paths: ['cron'] },
        }),
        'Schedule.cron is required',
      ],
      [
        'update cron',
        schedules.updateSchedule({
          schedule: { name: existing.name, cron: '0 25 * * *' },
          updateMask: { paths: ['cron'] },
        }),
        'hour "25" is out of range 0-23',
      ],
    ];
    for (const [label, call, message] of cases) {
      const error = await failure(call);
      expect(rpcCodeOf(error), label).toBe(3);
      expect(apiMessage(error), label).toContain(message);
    }
  });
});

describe('scheduled runs', () => {
  it('starts pipeline jobs with scheduleName, skipping over the concurrency limit, up to maxRunCount', async () => {
    const created = await create({ maxRunCount: 2 }, pipelineJob(0.4));
    const name = created.name ?? '';
    const first = await vertex.triggerSchedule(name);
    if (first.outcome !== 'started') throw new Error(`not started: ${first.outcome}`);
    const [job] = await pipelines.getPipelineJob({ name: first.jobName });
    expect(job.scheduleName).toBe(name);
    expect(job.displayName).toBe('nightly');
    expect(vertex.jobs.get(first.jobId)?.scheduleName).toBe(name);

    // One run at a time and no queueing: a trigger while it runs is skipped.
    expect(await vertex.triggerSchedule(name)).toMatchObject({ outcome: 'skipped' });
    await vertex.jobs.get(first.jobId)?.done;
    expect(vertex.jobs.get(first.jobId)?.state).toBe('PIPELINE_STATE_SUCCEEDED');

    const second = await vertex.triggerSchedule(name);
    expect(second.outcome).toBe('started');
    const [after] = await schedules.getSchedule({ name });
    expect(after).toMatchObject({ state: 'COMPLETED', startedRunCount: '2', nextRunTime: null });
    expect(after.lastScheduledRunResponse?.runResponse).toBe(
      second.outcome === 'started' ? second.jobName : '',
    );
    await expect(vertex.triggerSchedule(name)).rejects.toThrow('is COMPLETED');
    const update = await failure(
      schedules.updateSchedule({
        schedule: { name, displayName: 'x' },
        updateMask: { paths: ['display_name'] },
      }),
    );
    expect(rpcCodeOf(update)).toBe(9);
    if (second.outcome === 'started') await vertex.jobs.get(second.jobId)?.done;
  });

  it('queues a run over the concurrency limit when allowQueueing is set', async () => {
    const created = await create({ allowQueueing: true }, pipelineJob(0.3));
    const id = created.name?.split('/').at(-1) ?? '';
    const first = await vertex.triggerSchedule(id);
    expect(first.outcome).toBe('started');
    expect(await vertex.triggerSchedule(id)).toEqual({ outcome: 'queued' });
    expect(vertex.schedules.get(id)).toMatchObject({ queuedRunCount: 1, startedRunCount: 1 });
    if (first.outcome === 'started') await vertex.jobs.get(first.jobId)?.done;
    const deadline = Date.now() + 10_000;
    while ((vertex.schedules.get(id)?.runs.length ?? 0) < 2 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const runs = vertex.schedules.get(id)?.runs ?? [];
    expect(runs).toHaveLength(2);
    const jobs = runs.map((run) => [...vertex.jobs.values()].find((job) => job.name === run));
    expect(jobs.map((job) => job?.scheduleName)).toEqual([created.name, created.name]);
    for (const job of jobs) await job?.done;
  });
});

describe('pipeline jobs from Artifact Registry templates', () => {
  it('downloads the template, records its version, and schedules from it', async () => {
    const text = stringify(waitPipeline());
    const digest = `sha256:${createHash('sha256').update(text).digest('hex')}`;
    const base = `https://${vertex.region}-kfp.pkg.dev/${vertex.project}/pipelines/nightly`;
    const seen: string[] = [];
    const withTemplates = await startVertexEmulator({
      resolveTemplate: (uri) => {
        seen.push(uri);
        return Promise.resolve(
          uri === `${base}/latest` || uri === `${base}/${digest}` ? text : undefined,
        );
      },
    });
    closers.push(() => withTemplates.close());
    const { pipelines: client, schedules: scheduler } = clients(withTemplates);
    const fromTemplate = (templateUri: string) =>
      client.createPipelineJob({
        parent: withTemplates.parent,
        pipelineJob: {
          displayName: 'from-template',
          templateUri,
          runtimeConfig: { gcsOutputDirectory: 'gs://acme-ml-pipelines/root' },
        },
      });

    const [byTag] = await fromTemplate(`${base}/latest`);
    expect(byTag.templateUri).toBe(`${base}/latest`);
    expect(byTag.templateMetadata?.version).toBe(digest);
    expect(byTag.pipelineSpec?.fields?.pipelineInfo).toBeTruthy();
    const [byDigest] = await fromTemplate(`${base}/${digest}`);
    expect(byDigest.templateMetadata?.version).toBe(digest);

    const unknown = await failure(fromTemplate(`${base}/v9`));
    expect(rpcCodeOf(unknown)).toBe(5);
    const malformed = await failure(fromTemplate('gs://acme-ml-pipelines/nightly.yaml'));
    expect(rpcCodeOf(malformed)).toBe(3);
    expect(apiMessage(malformed)).toContain('-kfp.pkg.dev');
    // Without a resolver (the shared emulator) there is no Artifact Registry: NOT_FOUND.
    const noRegistry = await failure(
      pipelines.createPipelineJob({
        parent: vertex.parent,
        pipelineJob: {
          templateUri: `${base}/latest`,
          runtimeConfig: { gcsOutputDirectory: 'gs://b/r' },
        },
      }),
    );
    expect(rpcCodeOf(noRegistry)).toBe(5);

    // A schedule keeps the templateUri; each run downloads it again.
    const [created] = await scheduler.createSchedule({
      parent: withTemplates.parent,
      schedule: {
        displayName: 'nightly-template',
        cron: '0 3 * * *',
        maxConcurrentRunCount: 1,
        createPipelineJobRequest: {
          parent: withTemplates.parent,
          pipelineJob: {
            templateUri: `${base}/latest`,
            runtimeConfig: { gcsOutputDirectory: 'gs://acme-ml-pipelines/root' },
          },
        },
      },
    });
    const before = seen.length;
    const started = await withTemplates.triggerSchedule(created.name ?? '');
    expect(seen.length).toBe(before + 1);
    if (started.outcome !== 'started') throw new Error(`not started: ${started.outcome}`);
    const job = withTemplates.jobs.get(started.jobId);
    expect(job).toMatchObject({
      templateUri: `${base}/latest`,
      templateVersion: digest,
      scheduleName: created.name,
    });
    await Promise.all([...withTemplates.jobs.values()].map((j) => j.done));
    expect(job?.state).toBe('PIPELINE_STATE_SUCCEEDED');
  });
});
