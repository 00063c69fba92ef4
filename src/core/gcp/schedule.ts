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

const FIELD_RANGES: ReadonlyArray<readonly [string, number, number]> = [
  ['minute', 0, 59],
  ['hour', 0, 23],
  ['day of month', 1, 31],
  ['month', 1, 12],
  ['day of week', 0, 7],
];

const NAMES: Record<string, string[]> = {
  month: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
  'day of week': ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
};

function cronProblem(expression: string): string | undefined {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5)
    return `has ${fields.length} fields; a cron has 5 (minute hour day-of-month month day-of-week)`;
  for (const [index, field] of fields.entries()) {
    const [label, min, max] = FIELD_RANGES[index] ?? ['field', 0, 0];
    for (const part of field.split(',')) {
      const [range = '', step] = part.split('/');
      if (step !== undefined && !/^[1-9]\d*$/.test(step))
        return `${label} step "${step}" is not a positive number`;
      if (range === '*') continue;
      for (const bound of range.split('-')) {
        const named = NAMES[label]?.indexOf(bound.toLowerCase());
        if (named !== undefined && named >= 0) continue;
        const value = /^\d+$/.test(bound) ? Number(bound) : NaN;
        if (!(value >= min && value <= max)) return `${label} "${bound}" is not in ${min}-${max}`;
      }
    }
  }
  return undefined;
}

export function checkTimeZone(zone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw new UserError(`time-zone "${zone}" is not an IANA time zone`, {
      fix: 'Use a zone name such as Europe/Berlin, America/New_York or UTC.',
    });
  }
  return zone;
}

/** `TZ=<zone> <cron>` after checking both; a `TZ=`/`CRON_TZ=` prefix in `cron` is refused. */
export function scheduleCron(cron: string, zone: string): string {
  if (/^(CRON_)?TZ=/.test(cron.trim())) {
    throw new UserError(`cron "${cron}" carries its own time zone`, {
      fix: 'Give the zone in time-zone and only the 5 cron fields in cron.',
    });
  }
  const problem = cronProblem(cron);
  if (problem) {
    throw new UserError(`cron "${cron}" ${problem}`, {
      fix: 'Write 5 fields, e.g. "0 3 * * *" for every day at 03:00 (in time-zone).',
    });
  }
  return `TZ=${checkTimeZone(zone)} ${cron.trim().split(/\s+/).join(' ')}`;
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
