import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleCommand } from '../../src/commands/schedule.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { runCommand, type InputValue } from '../helpers/recording-host.js';
import { startGoogleEmulators, type GoogleEmulators } from './google.js';

/** schedule in-process against the Vertex emulator, after auth ran in-process too. */

let emulators: GoogleEmulators;

beforeAll(async () => {
  emulators = await startGoogleEmulators();
}, 120_000);

afterAll(async () => {
  await emulators?.close();
});

const SCHEDULE = {
  pipeline: 'pipelines/training-pipeline.yaml',
  cron: '0 3 * * *',
  'time-zone': 'Europe/Berlin',
  'pipeline-root': 'gs://acme-ml-pipelines/root',
  'schedule-name': 'nightly-training',
  param: 'search_iterations=2',
  region: 'us-central1',
};

function schedule(inputs: Record<string, InputValue> = {}) {
  return runCommand(
    scheduleCommand,
    { ...SCHEDULE, ...inputs },
    { cwd: REPO_ROOT, env: emulators.env },
  );
}

describe('schedule (in-process, Vertex emulator)', () => {
  it('auth exported the project and credentials later steps use', () => {
    expect(emulators.env.GOOGLE_CLOUD_PROJECT).toBe('acme-ml');
    expect(emulators.env.GOOGLE_APPLICATION_CREDENTIALS).toBeTruthy();
  });

  it('a dry run shows the creation and changes nothing', async () => {
    const result = await schedule({ 'dry-run': true });
    expect(result.userError).toBeUndefined();
    expect(result.outputs.changed).toBe('true');
    expect(result.outputs['schedule-name']).toBe('');
    expect(result.tables[0]?.title).toBe('Would change schedule nightly-training');
    expect(result.tables[0]?.rows).toEqual([['schedule', '(none)', 'create nightly-training']]);
    expect(result.infos).toContain('Dry run: nothing changed.');
    expect(emulators.vertex.schedules.size).toBe(0);
  });

  it('creates it, finds it up to date, then applies a diff and pauses', async () => {
    const created = await schedule();
    expect(created.userError).toBeUndefined();
    const [stored] = [...emulators.vertex.schedules.values()];
    expect(stored?.cron).toBe('TZ=Europe/Berlin 0 3 * * *');
    expect(stored?.state).toBe('ACTIVE');
    expect(created.outputs['schedule-name']).toBe(stored?.name);
    expect(created.outputs['next-run-time']).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(created.groups).toEqual(['Validate']);

    const again = await schedule();
    expect(again.outputs.changed).toBe('false');
    expect(again.infos).toContain(`Schedule ${stored?.name ?? ''} is up to date.`);
    expect(emulators.vertex.calls().updateSchedule).toBe(0);

    const changed = await schedule({
      cron: '30 4 * * mon-fri',
      param: 'search_iterations=3',
      'max-concurrent-runs': '2',
      paused: true,
    });
    expect(changed.userError).toBeUndefined();
    const changes = JSON.parse(changed.outputs.changes ?? '[]') as Array<{ field: string }>;
    expect(changes.map((change) => change.field)).toEqual([
      'cron',
      'max concurrent runs',
      'parameter search_iterations',
      'state',
    ]);
    const [updated] = [...emulators.vertex.schedules.values()];
    expect(updated?.cron).toBe('TZ=Europe/Berlin 30 4 * * mon-fri');
    expect(updated?.maxConcurrentRunCount).toBe(2);
    expect(updated?.state).toBe('PAUSED');
    expect(emulators.vertex.schedules.size).toBe(1);
  });

  it('rejects a bad cron, time zone, or missing region in one UserError before any call', async () => {
    const calls = emulators.vertex.calls();
    const cron = await schedule({ cron: '0 25 * * *' });
    expect(cron.userError?.describe()).toContain('hour "25" is not in 0-23');
    const zone = await schedule({ 'time-zone': 'Berlin' });
    expect(zone.userError?.describe()).toContain('time-zone "Berlin" is not an IANA time zone');
    // Every problem at once, each with its fix: no time zone, and (no auth step) no project or region.
    const missing = await runCommand(scheduleCommand, { pipeline: 'p.yaml', cron: '0 3 * * *' });
    expect(missing.userError?.message).toBe('3 inputs of schedule are invalid');
    expect(missing.userError?.details).toEqual([
      expect.stringMatching(/^Missing required input "time-zone". Fix: Give the time zone/),
      expect.stringMatching(/^Schedules need a project. Fix: Set project-id/),
      expect.stringMatching(/^Schedules need a region. Fix: Set region/),
    ]);
    const region = await runCommand(
      scheduleCommand,
      { ...SCHEDULE, region: '' },
      { cwd: REPO_ROOT, env: emulators.env },
    );
    expect(region.userError?.message).toBe('Schedules need a region');
    expect(emulators.vertex.calls()).toEqual(calls);
  });
});
