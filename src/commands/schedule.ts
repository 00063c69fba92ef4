import path from 'node:path';
import { VertexSchedules } from '../adapters/gcp/vertex-schedules.js';
import { UserError } from '../core/errors.js';
import {
  diffSchedule,
  scheduleCron,
  type ScheduleChange,
  type ScheduleSpec,
} from '../core/gcp/schedule.js';
import { sanitizeLabel } from '../core/gcp/vertex-job.js';
import { resolveRunParameters } from '../core/ir/parameters.js';
import { booleanInput, defineCommand, integerInput, parseFields, requireInput } from './command.js';
import {
  parseGoogleLocation,
  PROJECT_INPUT,
  REGION_INPUT,
  type GoogleLocation,
} from './google-inputs.js';
import {
  loadPipelineFrom,
  pipelineRunFields,
  PARAM_INPUT,
  PIPELINE_INPUTS,
  type PipelineSourceInputs,
} from './pipeline-inputs.js';
import {
  parseVertexJobInputs,
  pipelineJobRequest,
  VERTEX_JOB_INPUTS,
  type VertexJobOptions,
} from './vertex-job-inputs.js';

interface ScheduleInputs extends PipelineSourceInputs {
  readonly params: Record<string, string>;
  readonly cron: string;
  readonly maxConcurrentRuns: number;
  readonly allowQueueing: boolean;
  readonly paused: boolean;
  readonly scheduleName: string | undefined;
  readonly job: VertexJobOptions;
  readonly location: GoogleLocation;
  readonly dryRun: boolean;
}

export const scheduleCommand = defineCommand<ScheduleInputs>({
  name: 'schedule',
  summary:
    'Create or update a Vertex AI schedule for a pipeline, found by display name, showing what changes (dry-run to only show it).',
  inputs: [
    ...PIPELINE_INPUTS,
    PARAM_INPUT,
    {
      name: 'cron',
      description: 'When to run, as 5 cron fields (minute hour day-of-month month day-of-week).',
      kind: 'string',
      valueName: 'CRON',
    },
    {
      name: 'time-zone',
      description: 'IANA time zone the cron is read in, e.g. Europe/Berlin or UTC. Required.',
      kind: 'string',
      valueName: 'ZONE',
    },
    {
      name: 'max-concurrent-runs',
      description: 'Most runs of the schedule at once.',
      kind: 'integer',
      default: '1',
      valueName: 'N',
    },
    {
      name: 'allow-queueing',
      description: 'Queue a run that would exceed max-concurrent-runs instead of skipping it.',
      kind: 'boolean',
      default: 'false',
    },
    {
      name: 'paused',
      description: 'Leave the schedule paused (true) or active (false: resumes a paused one).',
      kind: 'boolean',
      default: 'false',
    },
    {
      name: 'schedule-name',
      description: "The schedule's display name, how it is found. Defaults to the pipeline name.",
      kind: 'string',
      valueName: 'NAME',
    },
    {
      name: 'pipeline-root',
      description:
        "Vertex: the gs:// folder the scheduled runs write to (default: the spec's defaultPipelineRoot).",
      kind: 'string',
      valueName: 'DIR',
    },
    ...VERTEX_JOB_INPUTS,
    PROJECT_INPUT,
    REGION_INPUT,
    {
      name: 'dry-run',
      description: 'Show what would change without changing anything.',
      kind: 'boolean',
      default: 'false',
    },
  ],
  outputs: [
    {
      name: 'schedule-name',
      description: 'Resource name of the schedule (empty in a dry run that would create it).',
    },
    {
      name: 'changed',
      description: 'true when the schedule was (or, in a dry run, would be) created or changed.',
    },
    { name: 'changes', description: 'JSON list of changes: field, before, after.' },
    { name: 'next-run-time', description: 'When the schedule next starts a run.' },
  ],
  parseInputs(raw, context) {
    return parseFields('schedule', {
      ...pipelineRunFields(raw, context),
      cron: () => {
        const given = parseFields('schedule', {
          cron: () => requireInput(raw, 'cron', 'Give 5 cron fields, e.g. cron: "0 3 * * *".'),
          zone: () =>
            requireInput(
              raw,
              'time-zone',
              'Give the time zone the cron is meant in, e.g. time-zone: Europe/Berlin (or UTC).',
            ),
        });
        return scheduleCron(given.cron, given.zone);
      },
      maxConcurrentRuns: () => integerInput(raw, 'max-concurrent-runs', 1),
      allowQueueing: () => booleanInput(raw, 'allow-queueing'),
      paused: () => booleanInput(raw, 'paused'),
      scheduleName: () => raw.string('schedule-name')?.trim() || undefined,
      job: () => parseVertexJobInputs(raw),
      location: () => parseGoogleLocation(raw, context, 'Schedules'),
      dryRun: () => booleanInput(raw, 'dry-run'),
    });
  },
  async run(inputs, context) {
    const { ui, env } = context;
    const { desired } = await ui.group('Validate', async () => {
      const loaded = await loadPipelineFrom(inputs, context);
      const display = path.relative(context.cwd, inputs.pipeline) || inputs.pipeline;
      const parameters = resolveRunParameters(loaded.spec, inputs.params, display);
      // No commit or workflow-run labels: they would change the schedule on every push.
      const labels: Record<string, string> = { 'managed-by': 'mlops-platform' };
      if (env.GITHUB_REPOSITORY) labels.repository = sanitizeLabel(env.GITHUB_REPOSITORY);
      for (const [key, value] of Object.entries(inputs.job.labels))
        labels[sanitizeLabel(key)] = sanitizeLabel(value);
      const spec: ScheduleSpec = {
        displayName: inputs.scheduleName ?? loaded.spec.pipelineInfo.name,
        cron: inputs.cron,
        maxConcurrentRunCount: inputs.maxConcurrentRuns,
        allowQueueing: inputs.allowQueueing,
        state: inputs.paused ? 'PAUSED' : 'ACTIVE',
        pipelineJob: pipelineJobRequest(loaded, parameters, inputs.job, labels, false),
      };
      return { desired: spec };
    });
    const schedules = await VertexSchedules.connect({
      ...inputs.location,
      env,
      onRetry: (message) => ui.warning(message),
    });
    try {
      const [existing, ...others] = await schedules.findByDisplayName(desired.displayName);
      if (others.length > 0) {
        throw new UserError(
          `Several schedules are named "${desired.displayName}": ${[existing, ...others].map((s) => s?.name).join(', ')}`,
          { fix: 'Delete the extra ones, or give schedule-name a name of its own.' },
        );
      }
      const changes: ScheduleChange[] = existing
        ? diffSchedule(existing.spec, desired)
        : [
            {
              field: 'schedule',
              path: '',
              before: '(none)',
              after: `create ${desired.displayName}`,
            },
          ];
      ui.table(
        `${inputs.dryRun ? 'Would change' : 'Changes to'} schedule ${desired.displayName}`,
        ['Field', 'Before', 'After'],
        changes.length > 0
          ? changes.map((change) => [change.field, change.before, change.after])
          : [['(nothing)', 'up to date', '']],
      );
      const outputs = (name: string, next: string | undefined) => ({
        'schedule-name': name,
        changed: String(changes.length > 0),
        changes: JSON.stringify(
          changes.map(({ field, before, after }) => ({ field, before, after })),
        ),
        'next-run-time': next ?? '',
      });
      if (inputs.dryRun) {
        ui.info('Dry run: nothing changed.');
        return { outputs: outputs(existing?.name ?? '', existing?.nextRunTime) };
      }
      let current = existing;
      if (!current) {
        current = await schedules.create(desired);
        ui.info(`Created schedule ${current.name} (${desired.cron})`);
      } else {
        const paths = [...new Set(changes.map((change) => change.path))].filter(
          (field) => field !== 'state',
        );
        if (paths.length > 0) {
          current = await schedules.update(current.name, desired, paths);
          ui.info(`Updated ${current.name}: ${paths.join(', ')}`);
        }
      }
      if (current.spec.state !== desired.state) {
        await schedules.setState(current.name, desired.state);
        ui.info(`${desired.state === 'PAUSED' ? 'Paused' : 'Resumed'} ${current.name}`);
        current = await schedules.get(current.name);
      }
      if (changes.length === 0) ui.info(`Schedule ${current.name} is up to date.`);
      if (current.nextRunTime) ui.info(`Next run: ${current.nextRunTime}`);
      return { outputs: outputs(current.name, current.nextRunTime) };
    } finally {
      await schedules.close();
    }
  },
});
