import { copyFile, mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { DockerExecutor, SubprocessExecutor } from '../adapters/local-runner/executors.js';
import { runPipelineLocally } from '../adapters/local-runner/local-runner.js';
import { parseParameterAssignments, resolveRunParameters } from '../core/ir/parameters.js';
import { renderParameter } from '../core/ir/placeholders.js';
import type { RunRecord } from '../core/run-record.js';
import { choiceInput, defineCommand, integerInput, type Ui } from './command.js';
import {
  loadPipelineFrom,
  parsePipelineSourceInputs,
  PIPELINE_INPUTS,
  type PipelineSourceInputs,
} from './pipeline-inputs.js';
import { PARAM_INPUT } from './run-inputs.js';

interface RunInputs extends PipelineSourceInputs {
  readonly target: 'local';
  readonly params: Record<string, string>;
  readonly pipelineRoot: string;
  readonly useCache: boolean;
  readonly executor: 'subprocess' | 'docker';
  readonly parallelism: number;
  readonly verbose: boolean;
  readonly runRecord: string | undefined;
}

export const runCommand = defineCommand<RunInputs>({
  name: 'run',
  summary:
    'Run a pipeline locally (the default: no cloud needed), following its DAG like Vertex AI would.',
  inputs: [
    ...PIPELINE_INPUTS,
    PARAM_INPUT,
    {
      name: 'target',
      description: 'Where to run: local (this machine). The CLI also takes --local.',
      kind: 'string',
      default: 'local',
      choices: ['local'],
    },
    {
      name: 'pipeline-root',
      description:
        'Folder for run outputs and the task cache. Each run gets <pipeline-root>/<pipeline>-<timestamp>/<task>/<output>.',
      kind: 'string',
      default: '.mlops/runs',
      valueName: 'DIR',
    },
    {
      name: 'no-cache',
      description: 'Run every task even when an identical earlier execution is cached.',
      kind: 'boolean',
      default: 'false',
    },
    {
      name: 'executor',
      description:
        'subprocess runs each container command on this machine; docker runs it in the task image with the pipeline root mounted.',
      kind: 'string',
      default: 'subprocess',
      choices: ['subprocess', 'docker'],
    },
    {
      name: 'parallelism',
      description: 'Most tasks running at once. Defaults to the number of CPUs.',
      kind: 'integer',
      valueName: 'N',
    },
    {
      name: 'verbose',
      description: "Stream every task's log lines as they are written.",
      kind: 'boolean',
      default: 'false',
    },
    {
      name: 'run-record',
      description: 'Also copy the run record (run.json) to this path.',
      kind: 'string',
      valueName: 'FILE',
    },
  ],
  outputs: [
    { name: 'run-id', description: 'Identifier of the run (<pipeline>-<timestamp>).' },
    { name: 'state', description: 'SUCCEEDED, FAILED or CANCELLED.' },
    {
      name: 'run-record',
      description: "Path of the run record JSON: each task's state, timing, outputs and metrics.",
    },
    { name: 'run-dir', description: "Folder holding the run's artifacts." },
    {
      name: 'metrics',
      description:
        'JSON object: task path → metric name → number, from Metrics artifacts and numeric output parameters.',
    },
    { name: 'outputs', description: "JSON object of the pipeline's output parameters." },
  ],
  parseInputs(raw, context) {
    const source = parsePipelineSourceInputs(raw, context);
    const runRecord = raw.string('run-record')?.trim();
    return {
      ...source,
      target: choiceInput(raw, 'target', ['local'] as const, 'local'),
      params: parseParameterAssignments(raw.list('param')),
      pipelineRoot: path.resolve(context.cwd, raw.string('pipeline-root')?.trim() || '.mlops/runs'),
      useCache: raw.boolean('no-cache') !== true,
      executor: choiceInput(raw, 'executor', ['subprocess', 'docker'] as const, 'subprocess'),
      parallelism: integerInput(raw, 'parallelism', availableParallelism(), 1),
      verbose: raw.boolean('verbose') === true,
      runRecord: runRecord ? path.resolve(context.cwd, runRecord) : undefined,
    };
  },
  async run(inputs, { ui, cwd, signal }) {
    const { loaded, parameters } = await ui.group('Validate', async () => {
      const pipeline = await loadPipelineFrom(inputs);
      const display = path.relative(cwd, inputs.pipeline) || inputs.pipeline;
      return {
        loaded: pipeline,
        parameters: resolveRunParameters(pipeline.spec, inputs.params, display),
      };
    });
    const executor =
      inputs.executor === 'docker'
        ? new DockerExecutor()
        : new SubprocessExecutor({ python: inputs.python });
    const record = await ui.group(
      `Run ${loaded.spec.pipelineInfo.name} locally (${executor.name}, ${inputs.useCache ? 'cache on' : 'cache off'})`,
      () =>
        runPipelineLocally(loaded.spec, parameters, {
          pipelineRoot: inputs.pipelineRoot,
          workdir: path.dirname(loaded.file),
          executor,
          parallelism: inputs.parallelism,
          useCache: inputs.useCache,
          observer: {
            onTaskEvent: (event) => ui.task(event),
            ...(inputs.verbose
              ? { onTaskOutput: (task: string, line: string) => ui.taskOutput(task, line) }
              : {}),
          },
          ...(signal ? { signal } : {}),
        }),
    );
    const recordPath = path.join(record.location, 'run.json');
    if (inputs.runRecord) {
      await mkdir(path.dirname(inputs.runRecord), { recursive: true });
      await copyFile(recordPath, inputs.runRecord);
    }
    report(record, ui, cwd);
    return {
      outputs: {
        'run-id': record.runId,
        state: record.state,
        'run-record': inputs.runRecord ?? recordPath,
        'run-dir': record.location,
        metrics: JSON.stringify(record.metrics),
        outputs: JSON.stringify(record.outputs),
      },
      ...(record.state === 'SUCCEEDED' ? {} : { failure: failureSummary(record) }),
    };
  },
});

function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return '';
  return ms < 1000 ? `${ms}ms` : `${(ms / 1000).toFixed(1)}s`;
}

function report(record: RunRecord, ui: Ui, cwd: string): void {
  const tasks = Object.values(record.tasks).filter((task) => task.state !== 'PENDING');
  ui.table(
    `Tasks of ${record.runId}`,
    ['Task', 'State', 'Duration', 'Cached', 'Attempts'],
    tasks.map((task) => [
      task.path,
      task.state,
      formatDuration(task.durationMs),
      task.cached ? 'yes' : '',
      task.attempts > 1 ? String(task.attempts) : '',
    ]),
  );
  const metricRows = Object.entries(record.metrics).flatMap(([task, values]) =>
    Object.entries(values).map(([name, value]) => [
      task,
      name,
      Number.isInteger(value) ? String(value) : value.toFixed(4),
    ]),
  );
  if (metricRows.length > 0) ui.table('Metrics', ['Task', 'Metric', 'Value'], metricRows);
  for (const task of tasks) {
    if (task.state !== 'FAILED' || !task.failure || isSubDag(task, record)) continue;
    const { failure } = task;
    ui.warning(
      [
        `Task ${task.path} failed: ${failure.message}`,
        ...(failure.commandLine ? [`  command: ${failure.commandLine}`] : []),
        ...(failure.logFile ? [`  log: ${path.relative(cwd, failure.logFile)}`] : []),
        ...(failure.logTail && failure.logTail.length > 0
          ? ['  last lines:', ...failure.logTail.map((line) => `    ${line}`)]
          : []),
      ].join('\n'),
    );
  }
  const outputs = Object.entries(record.outputs);
  const tail =
    outputs.length > 0
      ? `; outputs: ${outputs.map(([k, v]) => `${k}=${renderParameter(v)}`).join(', ')}`
      : '';
  const verdict =
    record.state === 'SUCCEEDED' ? ui.colors.ok(record.state) : ui.colors.fail(record.state);
  ui.info(
    `Run ${record.runId} ${verdict} in ${formatDuration(record.durationMs)} → ${path.relative(cwd, record.location) || record.location}${tail}`,
  );
}

/** A sub-DAG fails because a task inside it did; report the task, not the group. */
function isSubDag(task: RunRecord['tasks'][string], record: RunRecord): boolean {
  return Object.keys(record.tasks).some((other) => other.startsWith(`${task.path}/`));
}

function failureSummary(record: RunRecord): string {
  const first = Object.values(record.tasks).find(
    (task) => task.state === 'FAILED' && task.failure && !isSubDag(task, record),
  );
  if (!first) return `Pipeline run ${record.runId} ${record.state}`;
  return `Pipeline run ${record.runId} ${record.state}: task ${first.path} ${first.failure?.message ?? 'failed'}`;
}
