import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import {
  checkTag,
  isTemplateUri,
  parseKfpRepository,
  parseTemplateUri,
  templateUri,
} from '../../src/core/gcp/kfp-template.js';
import { diffSchedule, scheduleCron, type ScheduleSpec } from '../../src/core/gcp/schedule.js';
import type { PipelineSpec } from '../../src/core/ir/schema.js';

describe('schedule cron', () => {
  it.each([
    ['0 3 * * *', 'Europe/Berlin', 'TZ=Europe/Berlin 0 3 * * *'],
    ['*/15  9-17 * * mon-fri', 'America/New_York', 'TZ=America/New_York */15 9-17 * * mon-fri'],
    ['0 0 1 jan,jul *', 'UTC', 'TZ=UTC 0 0 1 jan,jul *'],
    ['0 0 29 2 *', 'UTC', 'TZ=UTC 0 0 29 2 *'],
    ['0 0 31 */2 *', 'Etc/GMT-2', 'TZ=Etc/GMT-2 0 0 31 */2 *'],
    // Day of month and day of week both given: either one fires it (cron's rule).
    ['0 0 30 2 mon', 'UTC', 'TZ=UTC 0 0 30 2 mon'],
    ['0 0 * * 5-7', 'UTC', 'TZ=UTC 0 0 * * 5-7'],
  ])('%s in %s → %s', (cron, zone, expected) => {
    expect(scheduleCron(cron, zone)).toBe(expected);
  });

  function problems(cron: string, zone: string): readonly string[] {
    try {
      scheduleCron(cron, zone);
    } catch (error) {
      if (error instanceof UserError) return error.details;
      throw error;
    }
    return [];
  }

  it.each([
    ['0 3 * *', 'UTC', 'has 4 fields; a cron has 5 (minute hour day-of-month month day-of-week)'],
    ['60 3 * * *', 'UTC', 'minute "60" is not in 0-59'],
    ['0 24 * * *', 'UTC', 'hour "24" is not in 0-23'],
    ['0 3 * * *', 'Mars/Olympus', 'time-zone "Mars/Olympus" is not an IANA time zone'],
    ['TZ=UTC 0 3 * * *', 'UTC', 'it carries its own time zone (TZ=)'],
    ['*/0 * * * *', 'UTC', 'minute step "0" is not a positive number'],
    ['5-1 * * * *', 'UTC', 'minute range "5-1" starts after it ends'],
    ['0 0 * * fri-mon', 'UTC', 'day of week range "fri-mon" starts after it ends'],
    ['0 0 30 2 *', 'UTC', 'it never fires: day of month "30" does not occur in month "2"'],
    ['0 0 31 4-6/2 *', 'UTC', 'it never fires: day of month "31" does not occur in month "4-6/2"'],
    [
      '0 3 * * *',
      '+02:00',
      'time-zone "+02:00" is a UTC offset; Vertex AI takes IANA zone names only',
    ],
    ['0 3 * * *', 'europe/berlin', 'time-zone "europe/berlin" is spelled Europe/Berlin'],
  ])('refuses %s in %s', (cron, zone, problem) => {
    expect(problems(cron, zone)).toEqual([problem]);
  });

  it('lists every problem in one error', () => {
    expect(() => scheduleCron('5-1 0 30 2 *', '+02:00')).toThrow(
      'cron "5-1 0 30 2 *" in time-zone "+02:00" is not a schedule Vertex AI can run (3 problems)',
    );
    expect(problems('5-1 0 30 2 *', '+02:00')).toEqual([
      'minute range "5-1" starts after it ends',
      'it never fires: day of month "30" does not occur in month "2"',
      'time-zone "+02:00" is a UTC offset; Vertex AI takes IANA zone names only',
    ]);
  });
});

describe('schedule diff', () => {
  const spec = (name: string): PipelineSpec => ({
    pipelineInfo: { name },
    root: { dag: { tasks: {} } },
    components: {},
    schemaVersion: '2.1.0',
    sdkVersion: 'mlops-platform',
  });
  const base: ScheduleSpec = {
    displayName: 'nightly',
    cron: 'TZ=UTC 0 3 * * *',
    maxConcurrentRunCount: 1,
    allowQueueing: false,
    state: 'ACTIVE',
    pipelineJob: {
      displayName: 'training',
      labels: { 'managed-by': 'mlops-platform' },
      pipelineSpec: spec('training'),
      runtimeConfig: { gcsOutputDirectory: 'gs://b/root', parameterValues: { seed: 42 } },
    },
  };

  it('is empty when nothing changed', () => {
    expect(diffSchedule(base, structuredClone(base))).toEqual([]);
  });

  it('lists each changed field with its update mask path', () => {
    const desired: ScheduleSpec = {
      ...base,
      cron: 'TZ=UTC 0 4 * * *',
      state: 'PAUSED',
      pipelineJob: {
        ...base.pipelineJob,
        runtimeConfig: {
          gcsOutputDirectory: 'gs://b/root',
          parameterValues: { seed: 7, rows: 10 },
        },
      },
    };
    expect(diffSchedule(base, desired)).toEqual([
      { field: 'cron', path: 'cron', before: 'TZ=UTC 0 3 * * *', after: 'TZ=UTC 0 4 * * *' },
      {
        field: 'parameter rows',
        path: 'create_pipeline_job_request',
        before: '(none)',
        after: '10',
      },
      { field: 'parameter seed', path: 'create_pipeline_job_request', before: '42', after: '7' },
      { field: 'state', path: 'state', before: 'ACTIVE', after: 'PAUSED' },
    ]);
  });

  it('notices a changed pipeline spec', () => {
    const desired = {
      ...base,
      pipelineJob: { ...base.pipelineJob, pipelineSpec: spec('training-v2') },
    };
    expect(diffSchedule(base, desired).map((change) => change.field)).toEqual(['pipeline spec']);
  });
});

describe('pipeline templates', () => {
  it('parses template URIs and pins them', () => {
    const template = parseTemplateUri(
      'https://us-central1-kfp.pkg.dev/acme-ml/pipelines/training-pipeline/latest',
    );
    expect(template).toEqual({
      region: 'us-central1',
      project: 'acme-ml',
      repository: 'pipelines',
      packageName: 'training-pipeline',
      ref: 'latest',
    });
    expect(templateUri({ ...template, ref: 'sha256:abc' })).toBe(
      'https://us-central1-kfp.pkg.dev/acme-ml/pipelines/training-pipeline/sha256:abc',
    );
    expect(isTemplateUri('pipelines/training-pipeline.yaml')).toBe(false);
    expect(() => parseTemplateUri('https://us-central1-kfp.pkg.dev/acme-ml/pipelines')).toThrow(
      UserError,
    );
  });

  it('takes a repository as a URL or an id with project and region', () => {
    expect(
      parseKfpRepository('https://europe-west4-kfp.pkg.dev/acme-ml/pipes/', {
        project: undefined,
        region: undefined,
      }),
    ).toEqual({
      region: 'europe-west4',
      project: 'acme-ml',
      repository: 'pipes',
    });
    expect(parseKfpRepository('pipes', { project: 'acme-ml', region: 'us-east1' }).region).toBe(
      'us-east1',
    );
    expect(() => parseKfpRepository('pipes', { project: undefined, region: 'us-east1' })).toThrow(
      /needs a project and region/,
    );
    expect(() => parseKfpRepository('Bad Repo', { project: 'p', region: 'r' })).toThrow(UserError);
  });

  it('refuses tags that look like versions or hold odd characters', () => {
    expect(checkTag('v1.2')).toBe('v1.2');
    expect(() => checkTag('sha256:abc')).toThrow(UserError);
    expect(() => checkTag('a b')).toThrow(UserError);
  });
});
