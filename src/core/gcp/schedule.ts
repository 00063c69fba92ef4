import { isDeepStrictEqual } from 'node:util';
import { UserError } from '../errors.js';
import type { ParameterValue } from '../ir/parameters.js';
import type { PipelineJobRequest } from './vertex-job.js';

/**
 * Vertex schedules as desired state: what the user asked for, compared field by field with
 * what exists, so `schedule` shows a diff and changes only what differs.
 */

export type ScheduleState = 'ACTIVE' | 'PAUSED';

export interface ScheduleSpec {
  readonly displayName: string;
  /** `TZ=<zone> <5-field cron>`, the form Vertex stores. */
  readonly cron: string;
  readonly maxConcurrentRunCount: number;
  readonly allowQueueing: boolean;
  readonly state: ScheduleState;
  readonly pipelineJob: PipelineJobRequest;
}

interface CronFieldSpec {
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
}

const FIELDS: readonly CronFieldSpec[] = [
  { label: 'minute', min: 0, max: 59 },
  { label: 'hour', min: 0, max: 23 },
  { label: 'day of month', min: 1, max: 31 },
  {
    label: 'month',
    min: 1,
    max: 12,
    names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
  },
  // 0 and 7 are both Sunday.
  {
    label: 'day of week',
    min: 0,
    max: 7,
    names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
  },
];

/** The values a cron field allows, or what is wrong with it. */
function parseCronField(
  field: string,
  { label, min, max, names }: CronFieldSpec,
): { values: Set<number>; problems: string[] } {
  const values = new Set<number>();
  const problems: string[] = [];
  const bound = (text: string): number | undefined => {
    const named = names?.indexOf(text.toLowerCase()) ?? -1;
    const value = named >= 0 ? named + min : /^\d+$/.test(text) ? Number(text) : NaN;
    if (value >= min && value <= max) return value;
    problems.push(`${label} "${text}" is not in ${min}-${max}`);
    return undefined;
  };
  for (const part of field.split(',')) {
    const [range = '', step = '1'] = part.split('/');
    if (!/^[1-9]\d*$/.test(step)) problems.push(`${label} step "${step}" is not a positive number`);
    const [first = '', last] = range.split('-');
    const whole = range === '*';
    const start = whole ? min : bound(first);
    // `5/10` runs from 5 to the end, like `5-59/10`.
    const openEnded = whole || (last === undefined && part.includes('/'));
    const end = openEnded ? max : last === undefined ? start : bound(last);
    if (start === undefined || end === undefined) continue;
    if (start > end) problems.push(`${label} range "${range}" starts after it ends`);
    for (let value = start; value <= end; value += Number(step) || 1) values.add(value);
  }
  return { values, problems };
}

/** Days in each month of a leap year: a schedule for 29 February fires every four years. */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Why the 5-field cron is not one Vertex can run: syntax, values, reversed ranges, and a day of
 * month that none of its months has (`0 0 30 2 *`), which would never fire. When day of month
 * and day of week are both restricted, either one fires it, as in every cron.
 */
function cronProblems(expression: string): string[] {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== FIELDS.length)
    return [
      `has ${fields.length} fields; a cron has 5 (minute hour day-of-month month day-of-week)`,
    ];
  const parsed = FIELDS.map((spec, index) => parseCronField(fields[index] ?? '', spec));
  const problems = parsed.flatMap((field) => field.problems);
  const [, , days, months] = parsed;
  const [, , dayField, monthField, weekdayField] = fields;
  const fires = [...(months?.values ?? [])].some((month) =>
    [...(days?.values ?? [])].some((day) => day <= (MONTH_DAYS[month - 1] ?? 0)),
  );
  // A restricted day of week fires it whatever the days of the month are.
  if (
    weekdayField === '*' &&
    days?.problems.length === 0 &&
    months?.problems.length === 0 &&
    !fires
  )
    problems.push(
      `it never fires: day of month "${dayField}" does not occur in month "${monthField}"`,
    );
  return problems;
}

/** Why Vertex would refuse the zone, or undefined: it takes IANA names only, spelled exactly. */
function timeZoneProblem(zone: string): string | undefined {
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return `time-zone "${zone}" is not an IANA time zone`;
  }
  // Intl also takes offsets (+02:00) and any letter case; Vertex's TZ= prefix takes neither.
  if (/^[+-]/.test(resolved))
    return `time-zone "${zone}" is a UTC offset; Vertex AI takes IANA zone names only`;
  if (resolved !== zone && resolved.toLowerCase() === zone.toLowerCase())
    return `time-zone "${zone}" is spelled ${resolved}`;
  return undefined;
}

/** `TZ=<zone> <cron>` after checking both; every problem is listed in one error. */
export function scheduleCron(cron: string, zone: string): string {
  const problems = /^(CRON_)?TZ=/.test(cron.trim())
    ? ['it carries its own time zone (TZ=)']
    : cronProblems(cron);
  const zoneProblem = timeZoneProblem(zone);
  if (zoneProblem) problems.push(zoneProblem);
  if (problems.length > 0) {
    throw new UserError(
      `cron "${cron}" in time-zone "${zone}" is not a schedule Vertex AI can run (${problems.length} problem${problems.length === 1 ? '' : 's'})`,
      {
        details: problems,
        fix: 'Give 5 cron fields in cron, e.g. "0 3 * * *" for 03:00 every day, ranges as low-high, and an IANA zone name in time-zone, e.g. Europe/Berlin or UTC (for a fixed offset, Etc/GMT-2 is UTC+2).',
      },
    );
  }
  return `TZ=${zone} ${cron.trim().split(/\s+/).join(' ')}`;
}

export interface ScheduleChange {
  readonly field: string;
  /** The update mask path Vertex expects for it. */
  readonly path: string;
  readonly before: string;
  readonly after: string;
}

function show(value: unknown): string {
  if (value === undefined || value === '') return '(none)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function parameterChanges(
  before: Readonly<Record<string, ParameterValue>>,
  after: Readonly<Record<string, ParameterValue>>,
): ScheduleChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys
    .filter((key) => !isDeepStrictEqual(before[key], after[key]))
    .map((key) => ({
      field: `parameter ${key}`,
      path: 'create_pipeline_job_request',
      before: show(before[key]),
      after: show(after[key]),
    }));
}

/** What changes from `existing` to `desired`: one entry per field, empty when up to date. */
export function diffSchedule(existing: ScheduleSpec, desired: ScheduleSpec): ScheduleChange[] {
  const changes: ScheduleChange[] = [];
  const compare = (field: string, path: string, before: unknown, after: unknown): void => {
    if (!isDeepStrictEqual(before, after))
      changes.push({ field, path, before: show(before), after: show(after) });
  };
  compare('cron', 'cron', existing.cron, desired.cron);
  compare(
    'max concurrent runs',
    'max_concurrent_run_count',
    existing.maxConcurrentRunCount,
    desired.maxConcurrentRunCount,
  );
  compare('allow queueing', 'allow_queueing', existing.allowQueueing, desired.allowQueueing);
  const before = existing.pipelineJob;
  const after = desired.pipelineJob;
  // The job a schedule starts is updated in place: UpdateScheduleRequest's proto comment only
  // forbids changing the scheduled request's *type* ("The scheduled request type cannot be
  // changed"), so create_pipeline_job_request itself is updatable. (The Python SDK's update()
  // exposes only the timing fields, which is why no public client sends this path.)
  const job = 'create_pipeline_job_request';
  if (!isDeepStrictEqual(before.pipelineSpec, after.pipelineSpec)) {
    const version = (spec: PipelineJobRequest['pipelineSpec']): string =>
      `${spec.pipelineInfo.name} (${Object.keys(spec.components ?? {}).length} components, sdk ${spec.sdkVersion ?? '?'})`;
    changes.push({
      field: 'pipeline spec',
      path: job,
      before: version(before.pipelineSpec),
      after: `${version(after.pipelineSpec)}, changed`,
    });
  }
  changes.push(
    ...parameterChanges(before.runtimeConfig.parameterValues, after.runtimeConfig.parameterValues),
  );
  compare(
    'pipeline root',
    job,
    before.runtimeConfig.gcsOutputDirectory,
    after.runtimeConfig.gcsOutputDirectory,
  );
  compare('service account', job, before.serviceAccount, after.serviceAccount);
  compare('job labels', job, before.labels, after.labels);
  compare('network', job, before.network, after.network);
  compare(
    'encryption key',
    job,
    before.encryptionSpec?.kmsKeyName,
    after.encryptionSpec?.kmsKeyName,
  );
  compare('state', 'state', existing.state, desired.state);
  return changes;
}
