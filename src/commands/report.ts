import path from 'node:path';
import { writeFileAtomically } from '../adapters/atomic-file.js';
import { ArtifactReader, loadReportArtifacts, projectOfRun } from '../adapters/run-artifacts.js';
import { assertWritableFile } from '../adapters/writable.js';
import { reportArtifactUris } from '../core/run-report/report-artifacts.js';
import { buildReportData } from '../core/run-report/report-data.js';
import { renderReportHtml } from '../core/run-report/report-html.js';
import type { ReportData } from '../core/run-report/report-model.js';
import type { RunRecord } from '../core/run-record.js';
import {
  findChampion,
  parseChampionSource,
  type Champion,
  type ChampionSource,
} from './champion.js';
import {
  booleanInput,
  defineCommand,
  parseFields,
  requireInput,
  type CommandContext,
} from './command.js';
import { PROJECT_INPUT, readRunRecord, REGION_INPUT, RUN_RECORD_INPUT } from './google-inputs.js';
import { CHAMPION_ALIAS, MODEL_INPUT } from './model-inputs.js';

interface ReportInputs {
  readonly runRecord: string;
  /** Absent: beside the run record. */
  readonly output: string | undefined;
  readonly format: ReportFormat;
  readonly champion: ChampionSource;
  readonly metricsTask: string | undefined;
}

export type ReportFormat = 'html' | 'json';

export const reportCommand = defineCommand<ReportInputs>({
  name: 'report',
  summary:
    "Write a run's report: one self-contained HTML file (pipeline, metrics, curves, data, drift, champion comparison) to read offline or keep as a workflow artifact.",
  inputs: [
    { ...RUN_RECORD_INPUT, required: true, positional: true },
    {
      name: 'output',
      description:
        'Where to write the report. Defaults to report.html (report.json with json) beside the run record.',
      kind: 'string',
      valueName: 'FILE',
    },
    {
      name: 'json',
      description:
        'Write the data the report shows as JSON instead of HTML (also when output ends in .json).',
      kind: 'boolean',
      default: 'false',
    },
    {
      name: 'champion-run-record',
      description:
        "A run record to compare with: its metrics' deltas, and its curves overlaid (dashed).",
      kind: 'string',
      valueName: 'FILE',
    },
    {
      name: 'metrics-task',
      description:
        'The task whose metrics are compared with the champion\'s. Defaults to the task with the evaluation, else the only task with metrics, else the one whose name contains "eval".',
      kind: 'string',
      valueName: 'TASK',
    },
    {
      ...MODEL_INPUT,
      description: `${MODEL_INPUT.description} The report compares with its version aliased "${CHAMPION_ALIAS}" (metrics only).`,
    },
    PROJECT_INPUT,
    REGION_INPUT,
  ],
  outputs: [
    { name: 'report', description: 'Path of the report written.' },
    {
      name: 'passed',
      description:
        "true when the run succeeded and met its quality bar (evaluate's passed output), else false.",
    },
  ],
  parseInputs(raw, context) {
    return parseFields('report', {
      runRecord: () =>
        path.resolve(
          context.cwd,
          requireInput(raw, 'run-record', "Pass the run step's run-record output."),
        ),
      output: () => {
        const output = raw.string('output')?.trim();
        return output ? path.resolve(context.cwd, output) : undefined;
      },
      format: (): ReportFormat =>
        booleanInput(raw, 'json') || raw.string('output')?.trim().endsWith('.json')
          ? 'json'
          : 'html',
      champion: () => parseChampionSource(raw, context, 'report', 'champion-run-record'),
      metricsTask: () => raw.string('metrics-task')?.trim() || undefined,
    });
  },
  async run(inputs, context) {
    const { ui, cwd } = context;
    const { record, output, champion } = await ui.group('Read the run', async () => {
      const read = await readRunRecord(inputs.runRecord, cwd);
      const file =
        inputs.output ??
        path.join(
          path.dirname(inputs.runRecord),
          inputs.format === 'json' ? 'report.json' : 'report.html',
        );
      await assertWritableFile(
        file,
        'The report',
        'Point output at a file in a folder you can write.',
      );
      if (inputs.champion.kind === 'file') await assertRunRecord(inputs.champion.file, cwd);
      const found =
        inputs.champion.kind === 'none'
          ? undefined
          : await findChampion(inputs.champion, inputs.metricsTask, context);
      return { record: read, output: file, champion: found };
    });
    const data = await ui.group('Write the report', () =>
      writeReport(
        record,
        {
          output,
          format: inputs.format,
          ...(champion ? { champion } : {}),
          ...(inputs.metricsTask ? { metricsTask: inputs.metricsTask } : {}),
        },
        context,
      ),
    );
    // A path, not a link: the job summary cannot link to a file on the runner.
    ui.headline(
      data.verdict.passed,
      `${data.verdict.headline} (report: ${path.relative(cwd, output) || output})`,
    );
    return { outputs: { report: output, passed: String(data.verdict.passed) } };
  },
});

/** A champion-run-record must be a run record, not a file of bare metrics. */
async function assertRunRecord(file: string, cwd: string): Promise<void> {
  await readRunRecord(file, cwd);
}

export interface WriteReportOptions {
  readonly output: string;
  readonly format: ReportFormat;
  readonly champion?: Champion;
  readonly metricsTask?: string;
}

/**
 * Reads what the report of `record` shows, builds its data and writes it (HTML or JSON) to
 * `output` atomically; what cannot be read is a warning in the log and in the report. Used by
 * `report` and at the end of a local `run`, each in a group of its own.
 */
export async function writeReport(
  record: RunRecord,
  options: WriteReportOptions,
  context: CommandContext,
): Promise<ReportData> {
  const { ui, cwd } = context;
  const reader = new ArtifactReader({
    env: context.env,
    ...withProject(projectOfRun(record)),
    onRetry: (message) => ui.warning(message),
  });
  const artifacts = await loadReportArtifacts(record, reader, path.dirname(options.output));
  const { champion } = options;
  const championEvaluation = champion?.record && reportArtifactUris(champion.record).evaluation;
  const data = buildReportData(record, artifacts, {
    ...(options.metricsTask ? { metricsTask: options.metricsTask } : {}),
    ...(champion
      ? {
          champion: {
            source: champion.source,
            metrics: champion.metrics,
            ...(championEvaluation ? { evaluation: await reader.read(championEvaluation) } : {}),
          },
        }
      : {}),
  });
  for (const warning of data.warnings) ui.warning(warning);
  const content =
    options.format === 'json' ? `${JSON.stringify(data, null, 2)}\n` : renderReportHtml(data);
  await writeFileAtomically(options.output, content);
  const shown = path.relative(cwd, options.output) || options.output;
  ui.info(`The report is in ${shown} (${Math.ceil(Buffer.byteLength(content) / 1024)} KB).`);
  return data;
}

function withProject(project: string | undefined): { project?: string } {
  return project ? { project } : {};
}
