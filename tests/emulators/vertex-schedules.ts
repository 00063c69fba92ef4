/**
 * Vertex AI ScheduleService v1 over REST for the emulator: cron schedules of pipeline jobs.
 * startVertexEmulator (vertex.ts) mounts it and hands it the PipelineService's own job
 * validation and launch, so a scheduled run is created exactly as createPipelineJob would be.
 *
 * Wire facts (aiplatform 6.11 / google-gax 5.0.8 REST, by experiment; paths from protos.json):
 * - createSchedule: `POST /v1/{parent}/schedules` with the Schedule as body → the Schedule (not
 *   an LRO). int64 fields travel as strings (`"maxConcurrentRunCount": "1"`, `"maxRunCount":
 *   "5"`) and Timestamps as RFC 3339 strings; the pipelineJob inside is proto3 JSON as for
 *   createPipelineJob (pipelineSpec a plain object, `runtimeConfig.parameters: {}` added).
 * - getSchedule `GET /v1/{name}`; listSchedules `GET /v1/{parent}/schedules?filter=
 *   create_pipeline_job_request%3A*&orderBy=...`; updateSchedule `PATCH /v1/{schedule.name}?
 *   updateMask=cron,max_concurrent_run_count` with the Schedule as body → the Schedule;
 *   pauseSchedule `POST /v1/{name}:pause` body `{}` → Empty; resumeSchedule `POST
 *   /v1/{name}:resume` body `{catchUp: true}` (or `{}`) → Empty; deleteSchedule `DELETE
 *   /v1/{name}`: an LRO, DeleteOperationMetadata → Empty.
 * - Responses: `state` as an int under `enum-encoding=int` (ACTIVE = 1, PAUSED = 2,
 *   COMPLETED = 3); the client returns int64s as strings (`startedRunCount: '1'`).
 *
 * Vertex semantics emulated (schedule.proto / schedule_service.proto comments):
 * - `cron` is a 5-field unix cron, optionally prefixed `TZ=<IANA zone> ` or `CRON_TZ=<IANA
 *   zone> ` (UTC otherwise); the zone is checked with Intl. nextRunTime is the first cron time
 *   at or after max(now, startTime), and none after endTime. startTime defaults to createTime.
 * - maxConcurrentRunCount is required and > 0; createPipelineJobRequest.parent is required;
 *   a pipelineJobId in the template is not supported. The pipelineJob is validated exactly like
 *   createPipelineJob validates it.
 * - pause: only ACTIVE (else FAILED_PRECONDITION); resume: only PAUSED, sets catchUp (a
 *   catch-up resume keeps a past nextRunTime: "runs are being started behind schedule");
 *   update: only ACTIVE or PAUSED, applies only the masked fields, which must stay valid and
 *   may not unset a set field; output-only fields in the mask are ignored.
 * - listSchedules filters: `display_name`, `state`, `create_pipeline_job_request:*`, with AND.
 * - Runs do not start by themselves: `triggerSchedule` (a test hook on the emulator) starts the
 *   run that is due, as Vertex's scheduler would: a pipeline job with `scheduleName`, counted in
 *   startedRunCount; at maxConcurrentRunCount unfinished runs the new one is queued (allowQueueing)
 *   or skipped; at maxRunCount the schedule is COMPLETED.
 */
import type { EmulatorRequest, EmulatorResponse } from './http-server.js';
import {
  enumOut,
  failedPrecondition,
  invalid,
  isoTime,
  isRecord,
  isResponse,
  listFilter,
  locationName,
  notFound,
  orderItems,
  paginate,
  readInt,
  readTimestamp,
  RPC_CODES,
  updateMask,
  wantsIntEnums,
  type Caller,
  type OperationStore,
  type RpcCodeName,
  type RpcStatus,
  type ServiceContext,
} from './vertex-operations.js';

// ---------------------------------------------------------------------------------------------
// Cron

export interface CronSpec {
  /** The IANA time zone of the `TZ=`/`CRON_TZ=` prefix, `UTC` without one. */
  timeZone: string;
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  daysOfMonth: ReadonlySet<number>;
  months: ReadonlySet<number>;
  /** 0 = Sunday (7 is read as 0). */
  daysOfWeek: ReadonlySet<number>;
  /** Cron's day rule: when both day fields are restricted, either may match. */
  anyDayOfMonth: boolean;
  anyDayOfWeek: boolean;
}

const CRON_FIELDS = [
  { name: 'minute', min: 0, max: 59, names: [] },
  { name: 'hour', min: 0, max: 23, names: [] },
  { name: 'day of month', min: 1, max: 31, names: [] },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  },
  { name: 'day of week', min: 0, max: 7, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
] as const;

function cronField(text: string, field: (typeof CRON_FIELDS)[number]): Set<number> | string {
  const { name, names } = field;
  const [min, max]: [number, number] = [field.min, field.max];
  const values = new Set<number>();
  const value = (token: string): number | undefined => {
    const named = (names as readonly string[]).indexOf(token.toUpperCase());
    if (named >= 0) return named + (name === 'month' ? 1 : 0);
    return /^\d+$/.test(token) ? Number(token) : undefined;
  };
  for (const part of text.split(',')) {
    const match = /^(\*|[A-Za-z0-9]+(?:-[A-Za-z0-9]+)?)(?:\/(\d+))?$/.exec(part);
    if (!match?.[1]) return `invalid ${name} "${text}"`;
    const step = match[2] === undefined ? 1 : Number(match[2]);
    let from: number = min;
    let to: number = max;
    if (match[1] !== '*') {
      const [a = '', b] = match[1].split('-');
      const low = value(a);
      const high = b === undefined ? (match[2] === undefined ? low : max) : value(b);
      if (low === undefined || high === undefined) return `invalid ${name} "${text}"`;
      [from, to] = [low, high];
    }
    if (from < min || to > max || from > to || step < 1)
      return `${name} "${text}" is out of range ${min}-${max}`;
    for (let v = from; v <= to; v += step) values.add(name === 'day of week' && v === 7 ? 0 : v);
  }
  return values;
}

/** Parses a Vertex schedule cron (5 fields, optional `TZ=`/`CRON_TZ=` prefix), or says why not. */
export function parseCron(cron: string): CronSpec | string {
  const prefix = /^\s*(?:CRON_TZ|TZ)=(\S+)\s+/.exec(cron);
  const timeZone = prefix?.[1] ?? 'UTC';
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/.test(timeZone))
    return `"${timeZone}" is not an IANA time zone (like Europe/Berlin)`;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    return `"${timeZone}" is not an IANA time zone (like Europe/Berlin)`;
  }
  const fields = cron
    .slice(prefix?.[0].length ?? 0)
    .trim()
    .split(/\s+/);
  if (fields.length !== 5)
    return `expected 5 fields (minute hour day-of-month month day-of-week), got ${fields.length}`;
  const sets: Array<Set<number>> = [];
  for (const [index, field] of CRON_FIELDS.entries()) {
    const set = cronField(fields[index] ?? '', field);
    if (typeof set === 'string') return set;
    sets.push(set);
  }
  const [minutes, hours, daysOfMonth, months, daysOfWeek] = sets as [
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
  ];
  return {
    timeZone,
    minutes,
    hours,
    daysOfMonth,
    months,
    daysOfWeek,
    anyDayOfMonth: fields[2] === '*',
    anyDayOfWeek: fields[4] === '*',
  };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock fields of an instant in a time zone. */
function wallClock(ms: number, timeZone: string): [number, number, number, number, number] {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(
    format.formatToParts(ms).map((part) => [part.type, Number(part.value)]),
  );
  return [parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0];
}

/** The instant of a wall-clock minute in a time zone (DST gaps land just after the gap). */
function fromWallClock(fields: [number, number, number, number, number], timeZone: string): number {
  const [y, m, d, h, min] = fields;
  const asUtc = Date.UTC(y, m - 1, d, h, min);
  const offset = (ms: number) => {
    const [wy, wm, wd, wh, wmin] = wallClock(ms, timeZone);
    return Date.UTC(wy, wm - 1, wd, wh, wmin) - Math.floor(ms / 60_000) * 60_000;
  };
  const first = asUtc - offset(asUtc);
  return asUtc - offset(first);
}

/** The first cron time at or after `fromMs` (within 8 years), or undefined. */
export function nextCronTime(spec: CronSpec, fromMs: number): number | undefined {
  const start = Math.ceil(fromMs / 60_000) * 60_000;
  const [y, m, d] = wallClock(start, spec.timeZone);
  for (let day = 0; day < 366 * 8; day++) {
    const date = new Date(Date.UTC(y, m - 1, d + day));
    const [month, dom, dow] = [date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCDay()];
    if (!spec.months.has(month)) continue;
    const domOk = spec.daysOfMonth.has(dom);
    const dowOk = spec.daysOfWeek.has(dow);
    const dayOk =
      spec.anyDayOfMonth || spec.anyDayOfWeek
        ? (spec.anyDayOfMonth || domOk) && (spec.anyDayOfWeek || dowOk)
        : domOk || dowOk;
    if (!dayOk) continue;
    for (const hour of [...spec.hours].sort((a, b) => a - b))
      for (const minute of [...spec.minutes].sort((a, b) => a - b)) {
        const at = fromWallClock([date.getUTCFullYear(), month, dom, hour, minute], spec.timeZone);
        if (at >= start) return at;
      }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Public types

export const SCHEDULE_STATES = ['STATE_UNSPECIFIED', 'ACTIVE', 'PAUSED', 'COMPLETED'] as const;
export type ScheduleState = (typeof SCHEDULE_STATES)[number];

export interface EmulatedSchedule {
  readonly id: string;
  /** `projects/<number>/locations/<region>/schedules/<id>`. */
  readonly name: string;
  readonly displayName: string;
  readonly cron: string;
  readonly state: ScheduleState;
  readonly createTime: string;
  readonly updateTime: string;
  readonly startTime: string | undefined;
  readonly endTime: string | undefined;
  readonly nextRunTime: string | undefined;
  readonly lastPauseTime: string | undefined;
  readonly lastResumeTime: string | undefined;
  readonly maxRunCount: number | undefined;
  readonly maxConcurrentRunCount: number;
  readonly allowQueueing: boolean;
  readonly catchUp: boolean;
  readonly startedRunCount: number;
  /** Runs waiting for a free slot (allowQueueing). */
  readonly queuedRunCount: number;
  /** `{parent, pipelineJob}` as received. */
  readonly createPipelineJobRequest: Readonly<Record<string, unknown>>;
  readonly lastScheduledRunResponse: { scheduledRunTime: string; runResponse: string } | undefined;
  /** Names of the pipeline jobs this schedule started, in order. */
  readonly runs: readonly string[];
}

/** What triggerSchedule did. */
export type ScheduledRun =
  | { outcome: 'started'; jobId: string; jobName: string }
  | { outcome: 'queued' }
  | { outcome: 'skipped'; reason: string }
  | { outcome: 'failed'; error: RpcStatus };

/** The PipelineService's own job validation and launch (vertex.ts), for scheduled runs. */
export interface PipelineJobLauncher<Prepared extends object> {
  /** Validates a PipelineJob body exactly as createPipelineJob does. */
  prepare(pipelineJob: unknown, caller: Caller): Promise<Prepared | EmulatorResponse>;
  /** Starts a validated job created by the schedule. */
  start(
    prepared: Prepared,
    caller: Caller,
    scheduleName: string,
  ): { id: string; name: string; done: Promise<void> };
}

export interface ScheduleServiceOptions {
  /** Emulated time of deleteSchedule operations, ms. */
  operationMs: number;
}

// ---------------------------------------------------------------------------------------------
// Internals

interface ScheduleEntry extends EmulatedSchedule {
  displayName: string;
  cron: string;
  spec: CronSpec;
  state: ScheduleState;
  updateTime: string;
  startMs: number | undefined;
  endMs: number | undefined;
  nextRunMs: number | undefined;
  lastPauseTime: string | undefined;
  lastResumeTime: string | undefined;
  maxRunCount: number | undefined;
  maxConcurrentRunCount: number;
  allowQueueing: boolean;
  catchUp: boolean;
  startedRunCount: number;
  queuedRunCount: number;
  createPipelineJobRequest: Record<string, unknown>;
  lastScheduledRunResponse: { scheduledRunTime: string; runResponse: string } | undefined;
  runs: string[];
  /** Runs started and not yet ended. */
  active: number;
  caller: Caller;
}

/** Fields a request may set, parsed. */
interface ScheduleFields {
  displayName: string;
  cron: string;
  spec: CronSpec;
  startMs: number | undefined;
  endMs: number | undefined;
  maxRunCount: number | undefined;
  maxConcurrentRunCount: number;
  allowQueueing: boolean;
  createPipelineJobRequest: Record<string, unknown>;
}

const FIELD_OF: Record<string, keyof ScheduleFields> = {
  display_name: 'displayName',
  cron: 'cron',
  start_time: 'startMs',
  end_time: 'endMs',
  max_run_count: 'maxRunCount',
  max_concurrent_run_count: 'maxConcurrentRunCount',
  allow_queueing: 'allowQueueing',
  create_pipeline_job_request: 'createPipelineJobRequest',
};
const OUTPUT_ONLY = [
  'name',
  'state',
  'create_time',
  'update_time',
  'next_run_time',
  'last_pause_time',
  'last_resume_time',
  'started_run_count',
  'catch_up',
  'last_scheduled_run_response',
];

// ---------------------------------------------------------------------------------------------
// The service

export class ScheduleService<Prepared extends object> {
  readonly schedules = new Map<string, ScheduleEntry>();
  readonly #ctx: ServiceContext;
  readonly #ops: OperationStore;
  readonly #launcher: PipelineJobLauncher<Prepared>;
  readonly #options: ScheduleServiceOptions;

  constructor(
    ctx: ServiceContext,
    ops: OperationStore,
    launcher: PipelineJobLauncher<Prepared>,
    options: ScheduleServiceOptions,
  ) {
    this.#ctx = ctx;
    this.#ops = ops;
    this.#launcher = launcher;
    this.#options = options;
  }

  #nowMs(): number {
    return this.#ctx.clock.now();
  }

  #find(params: Record<string, string>): ScheduleEntry | EmulatorResponse {
    const id = params.schedule ?? '';
    return (
      this.schedules.get(id) ??
      notFound(
        `The Schedule "projects/${params.project ?? ''}/locations/${params.location ?? ''}/schedules/${id}" does not exist.`,
      )
    );
  }

  /** Parses and checks the request's fields named in `which` (snake_case). */
  async #read(
    body: Record<string, unknown>,
    which: readonly string[],
    caller: Caller,
  ): Promise<Partial<ScheduleFields> | EmulatorResponse> {
    const out: Partial<ScheduleFields> = {};
    if (which.includes('display_name')) {
      if (typeof body.displayName !== 'string' || body.displayName.trim() === '')
        return invalid('Schedule.display_name is required.');
      if ([...body.displayName].length > 128)
        return invalid('Schedule.display_name may be at most 128 characters long.');
      out.displayName = body.displayName;
    }
    if (which.includes('cron')) {
      if (typeof body.cron !== 'string' || body.cron.trim() === '')
        return invalid('Schedule.cron is required (the time_specification of the schedule).');
      const spec = parseCron(body.cron);
      if (typeof spec === 'string')
        return invalid(`Invalid Schedule.cron "${body.cron}": ${spec}.`);
      if (nextCronTime(spec, this.#nowMs()) === undefined)
        return invalid(`Invalid Schedule.cron "${body.cron}": it never fires.`);
      out.cron = body.cron;
      out.spec = spec;
    }
    for (const [path, key] of [
      ['start_time', 'startTime'],
      ['end_time', 'endTime'],
    ] as const)
      if (which.includes(path)) {
        const ms = readTimestamp(body[key], `Schedule.${path}`);
        if (isResponse(ms)) return ms;
        out[path === 'start_time' ? 'startMs' : 'endMs'] = ms;
      }
    if (which.includes('max_run_count')) {
      const n = readInt(body.maxRunCount, 'Schedule.max_run_count');
      if (isResponse(n)) return n;
      if (n !== undefined && n < 0) return invalid('Schedule.max_run_count must not be negative.');
      out.maxRunCount = n || undefined;
    }
    if (which.includes('max_concurrent_run_count')) {
      const n = readInt(body.maxConcurrentRunCount, 'Schedule.max_concurrent_run_count');
      if (isResponse(n)) return n;
      if (n === undefined || n <= 0)
        return invalid('Schedule.max_concurrent_run_count is required and must be greater than 0.');
      out.maxConcurrentRunCount = n;
    }
    if (which.includes('allow_queueing')) out.allowQueueing = body.allowQueueing === true;
    if (which.includes('create_pipeline_job_request')) {
      if (body.createNotebookExecutionJobRequest !== undefined)
        return invalid(
          'The emulator schedules pipeline jobs only: set Schedule.create_pipeline_job_request.',
        );
      const request = body.createPipelineJobRequest;
      if (!isRecord(request))
        return invalid(
          'Schedule.create_pipeline_job_request is required (the request template of the scheduled runs).',
        );
      const problem = this.#checkJobParent(request.parent);
      if (problem) return invalid(problem);
      if (typeof request.pipelineJobId === 'string' && request.pipelineJobId !== '')
        return invalid(
          'Schedule.create_pipeline_job_request.pipeline_job_id is not supported: a user-specified ID is not supported in the request template.',
        );
      const prepared = await this.#launcher.prepare(request.pipelineJob, caller);
      if (isResponse(prepared)) return prepared;
      out.createPipelineJobRequest = request;
    }
    return out;
  }

  #checkJobParent(parent: unknown): string | undefined {
    const match =
      typeof parent === 'string' ? /^projects\/([^/]+)\/locations\/([^/]+)$/.exec(parent) : null;
    if (!match)
      return 'Schedule.create_pipeline_job_request.parent is required (format: projects/{project}/locations/{location}).';
    if (match[1] !== this.#ctx.project && match[1] !== this.#ctx.projectNumber)
      return `Schedule.create_pipeline_job_request.parent "${String(parent)}" is not in project ${this.#ctx.project}.`;
    if (match[2] !== this.#ctx.region)
      return `Schedule.create_pipeline_job_request.parent "${String(parent)}" is not in ${this.#ctx.region}, the schedule's location.`;
    return undefined;
  }

  /** The first cron time at or after max(fromMs, startTime), before endTime. */
  #nextRun(
    schedule: Pick<ScheduleEntry, 'spec' | 'startMs' | 'endMs'>,
    fromMs: number,
  ): number | undefined {
    const next = nextCronTime(schedule.spec, Math.max(fromMs, schedule.startMs ?? 0));
    return next !== undefined && (schedule.endMs === undefined || next <= schedule.endMs)
      ? next
      : undefined;
  }

  // ----- create / read

  async create(request: EmulatorRequest, caller: Caller): Promise<EmulatorResponse> {
    const denied = this.#ctx.checkParent(request.params, caller, 'aiplatform.schedules.create');
    if (denied) return denied;
    if (!isRecord(request.body)) return invalid('CreateScheduleRequest.schedule is required.');
    const fields = await this.#read(request.body, Object.keys(FIELD_OF), caller);
    if (isResponse(fields)) return fields;
    const { displayName = '', cron = '', spec, maxConcurrentRunCount = 0 } = fields;
    const { createPipelineJobRequest = {} } = fields;
    if (!spec) return invalid('Schedule.cron is required.');
    const now = this.#nowMs();
    if (fields.endMs !== undefined && fields.endMs <= Math.max(now, fields.startMs ?? 0))
      return invalid('Schedule.end_time must be after start_time and in the future.');
    const id = this.#ctx.newId();
    const schedule: ScheduleEntry = {
      id,
      name: `${locationName(this.#ctx)}/schedules/${id}`,
      displayName,
      cron,
      spec,
      state: 'ACTIVE',
      createTime: isoTime(now),
      updateTime: isoTime(now),
      startMs: fields.startMs,
      endMs: fields.endMs,
      nextRunMs: undefined,
      get startTime() {
        return isoTime(this.startMs ?? Date.parse(this.createTime));
      },
      get endTime() {
        return this.endMs === undefined ? undefined : isoTime(this.endMs);
      },
      get nextRunTime() {
        return this.nextRunMs === undefined ? undefined : isoTime(this.nextRunMs);
      },
      lastPauseTime: undefined,
      lastResumeTime: undefined,
      maxRunCount: fields.maxRunCount,
      maxConcurrentRunCount,
      allowQueueing: fields.allowQueueing ?? false,
      catchUp: false,
      startedRunCount: 0,
      queuedRunCount: 0,
      createPipelineJobRequest,
      lastScheduledRunResponse: undefined,
      runs: [],
      active: 0,
      caller,
    };
    schedule.nextRunMs = this.#nextRun(schedule, now);
    this.schedules.set(id, schedule);
    return { status: 200, body: this.resource(schedule, request) };
  }

  get(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const denied = this.#ctx.checkParent(request.params, caller, 'aiplatform.schedules.get');
    if (denied) return denied;
    const schedule = this.#find(request.params);
    if (isResponse(schedule)) return schedule;
    return { status: 200, body: this.resource(schedule, request) };
  }

  list(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const denied = this.#ctx.checkParent(request.params, caller, 'aiplatform.schedules.list');
    if (denied) return denied;
    const matches = listFilter<ScheduleEntry>(request, {
      fields: {
        display_name: (s) => s.displayName,
        state: (s) => s.state,
        create_pipeline_job_request: () => '',
      },
    });
    if (isResponse(matches)) return matches;
    const ordered = orderItems(request, [...this.schedules.values()].filter(matches), {
      create_time: (s) => s.createTime,
      start_time: (s) => s.startTime ?? '',
      end_time: (s) => s.endTime ?? '',
      next_run_time: (s) => s.nextRunTime ?? '',
      display_name: (s) => s.displayName,
    });
    if (isResponse(ordered)) return ordered;
    const paged = paginate(request, ordered);
    if (isResponse(paged)) return paged;
    return {
      status: 200,
      body: {
        schedules: paged.page.map((schedule) => this.resource(schedule, request)),
        ...(paged.nextPageToken ? { nextPageToken: paged.nextPageToken } : {}),
      },
    };
  }

  // ----- update / pause / resume / delete

  async update(request: EmulatorRequest, caller: Caller): Promise<EmulatorResponse> {
    const denied = this.#ctx.checkParent(request.params, caller, 'aiplatform.schedules.update');
    if (denied) return denied;
    const schedule = this.#find(request.params);
    if (isResponse(schedule)) return schedule;
    const paths = updateMask(request, [...Object.keys(FIELD_OF), ...OUTPUT_ONLY]);
    if (isResponse(paths)) return paths;
    if (schedule.state === 'COMPLETED')
      return failedPrecondition(
        `Schedule ${schedule.name} is COMPLETED: only ACTIVE or PAUSED schedules can be updated.`,
      );
    const body = isRecord(request.body) ? request.body : {};
    const writable = paths.filter((path) => path in FIELD_OF);
    const fields = await this.#read(body, writable, caller);
    if (isResponse(fields)) return fields;
    // "The non-empty fields cannot be unset."
    for (const [path, current] of [
      ['start_time', schedule.startMs],
      ['end_time', schedule.endMs],
      ['max_run_count', schedule.maxRunCount],
    ] as const) {
      const key = FIELD_OF[path] as 'startMs' | 'endMs' | 'maxRunCount';
      if (writable.includes(path) && current !== undefined && fields[key] === undefined)
        return invalid(`Schedule.${path} is set and cannot be unset.`);
    }
    const next = { ...schedule, ...fields };
    if (next.endMs !== undefined && next.endMs <= Math.max(this.#nowMs(), next.startMs ?? 0))
      return invalid('Schedule.end_time must be after start_time and in the future.');
    Object.assign(schedule, fields);
    schedule.updateTime = isoTime(this.#nowMs());
    // "New runs will be scheduled starting from the updated next execution time after the
    // update time."
    schedule.nextRunMs = this.#nextRun(schedule, this.#nowMs());
    if (schedule.maxRunCount !== undefined && schedule.startedRunCount >= schedule.maxRunCount)
      this.#complete(schedule);
    return { status: 200, body: this.resource(schedule, request) };
  }

  pause(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const denied = this.#ctx.checkParent(request.params, caller, 'aiplatform.schedules.update');
    if (denied) return denied;
    const schedule = this.#find(request.params);
    if (isResponse(schedule)) return schedule;
    if (schedule.state !== 'ACTIVE')
      return failedPrecondition(
        `Schedule ${schedule.name} is ${schedule.state}: only an ACTIVE schedule can be paused.`,
      );
    schedule.state = 'PAUSED';
    schedule.queuedRunCount = 0;
    schedule.lastPauseTime = schedule.updateTime = isoTime(this.#nowMs());
    return { status: 200, body: {} };
  }

  resume(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const denied = this.#ctx.checkParent(request.params, caller, 'aiplatform.schedules.update');
    if (denied) return denied;
    const schedule = this.#find(request.params);
    if (isResponse(schedule)) return schedule;
    if (schedule.state !== 'PAUSED')
      return failedPrecondition(
        `Schedule ${schedule.name} is ${schedule.state}: only a PAUSED schedule can be resumed.`,
      );
    const body = isRecord(request.body) ? request.body : {};
    const now = this.#nowMs();
    schedule.state = 'ACTIVE';
    schedule.catchUp = body.catchUp === true;
    schedule.lastResumeTime = schedule.updateTime = isoTime(now);
    // Without catch-up the missed runs are skipped; with it, a past nextRunTime stays: the
    // scheduler is behind and backfills from there.
    if (!schedule.catchUp || schedule.nextRunMs === undefined || schedule.nextRunMs > now)
      schedule.nextRunMs = this.#nextRun(schedule, now);
    return { status: 200, body: {} };
  }

  delete(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const denied = this.#ctx.checkParent(request.params, caller, 'aiplatform.schedules.delete');
    if (denied) return denied;
    const schedule = this.#find(request.params);
    if (isResponse(schedule)) return schedule;
    const op = this.#ops.start({
      kind: 'deleteSchedule',
      resource: schedule.name,
      ms: this.#options.operationMs,
      run: () => {
        schedule.queuedRunCount = 0;
        this.schedules.delete(schedule.id);
        return { response: {} };
      },
    });
    return this.#ops.accepted(op, request);
  }

  #complete(schedule: ScheduleEntry): void {
    schedule.state = 'COMPLETED';
    schedule.nextRunMs = undefined;
    schedule.queuedRunCount = 0;
  }

  // ----- runs

  /** The schedule by full name (project id or number) or id. */
  lookup(name: string): EmulatedSchedule | undefined {
    const id = /^projects\/[^/]+\/locations\/[^/]+\/schedules\/([^/]+)$/.exec(name)?.[1] ?? name;
    return this.schedules.get(id);
  }

  /** Starts the run that is due now (the test hook behind VertexEmulator.triggerSchedule). */
  async trigger(name: string): Promise<ScheduledRun> {
    const schedule = this.lookup(name) as ScheduleEntry | undefined;
    if (!schedule) throw new Error(`No schedule "${name}" in the emulator`);
    if (schedule.state !== 'ACTIVE')
      throw new Error(`Schedule ${schedule.name} is ${schedule.state}: only an ACTIVE one runs`);
    const now = this.#nowMs();
    const scheduledMs = schedule.nextRunMs ?? now;
    schedule.nextRunMs = this.#nextRun(schedule, scheduledMs + 60_000);
    if (schedule.active >= schedule.maxConcurrentRunCount) {
      if (schedule.allowQueueing) {
        schedule.queuedRunCount += 1;
        return { outcome: 'queued' };
      }
      return {
        outcome: 'skipped',
        reason: `${schedule.active} run(s) still going: max_concurrent_run_count is ${schedule.maxConcurrentRunCount} and allow_queueing is off`,
      };
    }
    return this.#launch(schedule, scheduledMs);
  }

  async #launch(schedule: ScheduleEntry, scheduledMs: number): Promise<ScheduledRun> {
    const scheduledRunTime = isoTime(scheduledMs);
    const request = schedule.createPipelineJobRequest;
    const prepared = await this.#launcher.prepare(request.pipelineJob, schedule.caller);
    if (isResponse(prepared)) {
      const error = (prepared.body as { error: { status: string; message: string } }).error;
      const status: RpcStatus = {
        code: RPC_CODES[error.status as RpcCodeName] ?? RPC_CODES.INVALID_ARGUMENT,
        message: error.message,
      };
      schedule.lastScheduledRunResponse = { scheduledRunTime, runResponse: error.message };
      return { outcome: 'failed', error: status };
    }
    const job = this.#launcher.start(prepared, schedule.caller, schedule.name);
    schedule.startedRunCount += 1;
    schedule.active += 1;
    schedule.runs.push(job.name);
    schedule.lastScheduledRunResponse = { scheduledRunTime, runResponse: job.name };
    if (schedule.maxRunCount !== undefined && schedule.startedRunCount >= schedule.maxRunCount)
      this.#complete(schedule);
    void job.done.then(() => {
      schedule.active -= 1;
      if (schedule.queuedRunCount > 0 && schedule.state === 'ACTIVE') {
        schedule.queuedRunCount -= 1;
        void this.#launch(schedule, this.#nowMs());
      }
    });
    return { outcome: 'started', jobId: job.id, jobName: job.name };
  }

  // ----- wire shape

  resource(
    schedule: EmulatedSchedule,
    request: EmulatorRequest | { intEnums: boolean },
  ): Record<string, unknown> {
    const s = schedule;
    return {
      name: s.name,
      displayName: s.displayName,
      cron: s.cron,
      createPipelineJobRequest: s.createPipelineJobRequest,
      startTime: s.startTime,
      ...(s.endTime ? { endTime: s.endTime } : {}),
      ...(s.maxRunCount !== undefined ? { maxRunCount: String(s.maxRunCount) } : {}),
      startedRunCount: String(s.startedRunCount),
      state: enumOut(SCHEDULE_STATES, s.state, wantsIntEnums(request)),
      createTime: s.createTime,
      updateTime: s.updateTime,
      ...(s.nextRunTime ? { nextRunTime: s.nextRunTime } : {}),
      ...(s.lastPauseTime ? { lastPauseTime: s.lastPauseTime } : {}),
      ...(s.lastResumeTime ? { lastResumeTime: s.lastResumeTime } : {}),
      maxConcurrentRunCount: String(s.maxConcurrentRunCount),
      allowQueueing: s.allowQueueing,
      catchUp: s.catchUp,
      ...(s.lastScheduledRunResponse
        ? { lastScheduledRunResponse: s.lastScheduledRunResponse }
        : {}),
    };
  }
}
