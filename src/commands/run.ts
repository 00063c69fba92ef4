import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { gitOutput } from '../adapters/git.js';
import { assertWritableFile, assertWritableFolder } from '../adapters/writable.js';
import { resolveRunParameters } from '../core/ir/parameters.js';
import { errorMessage, UserError } from '../core/errors.js';
import type { RunRecord } from '../core/run-record.js';
import type { ReportData } from '../core/run-report/report-model.js';
import { parseGoogleLocation, parseTimeout, PROJECT_INPUT, REGION_INPUT } from './google-inputs.js';
import { parseVertexJobInputs, VERTEX_JOB_INPUTS } from './vertex-job-inputs.js';
import { failureSummary, recordOutputs, reportRun } from './run-report.js';
import type { VertexRunOptions } from './run-vertex.js';
import {
  booleanInput,
  choiceInput,
  defineCommand,
  integerInput,
  once,
  parseFields,
  type CommandContext,
  type CommandResult,
  type RawInputs,
} from './command.js';
import {
  loadPipelineFrom,
  pipelineRunFields,
  PARAM_INPUT,
  PIPELINE_INPUTS,
  type PipelineSourceInputs,
} from './pipeline-inputs.js';

interface RunInputs extends PipelineSourceInputs {
  readonly params: Record<string, string>;
  readonly useCache: boolean;
  readonly runRecord: string | undefined;
  readonly target:
    | {
        readonly kind: 'local';
        readonly pipelineRoot: string;
        readonly executor: 'subprocess' | 'docker';
        readonly parallelism: number;
        readonly verbose: boolean;
        readonly taskEnv: readonly string[];
      }
    | ({ readonly kind: 'vertex' } & VertexRunOptions);
}

function parseVertexTarget(
  raw: RawInputs,
  context: CommandContext,
  useCache: boolean,
): VertexRunOptions {
  const { location, job, ...fields } = parseFields('run', {
    location: () => parseGoogleLocation(raw, context, 'Vertex runs'),
    job: () => parseVertexJobInputs(raw),
    wait: () => booleanInput(raw, 'wait'),
    timeoutMs: () => parseTimeout(raw, 'timeout'),
    jobId: () => {
      const jobId = raw.string('job-id')?.trim();
      if (jobId !== undefined && jobId !== '' && !/^[a-z][-a-z0-9]{0,127}$/.test(jobId)) {
        throw new UserError(`job-id "${jobId}" is not a valid pipeline job id`, {
          fix: 'Use lowercase letters, digits and hyphens, starting with a letter (at most 128).',
        });
      }
      return jobId || undefined;
    },
  });
  return { ...location, ...job, ...fields, disableCache: !useCache };
}

function parseLocalTarget(raw: RawInputs, context: CommandContext) {
  return parseFields('run', {
    kind: () => 'local' as const,
    pipelineRoot: () =>
      path.resolve(context.cwd, raw.string('pipeline-root')?.trim() || LOCAL_PIPELINE_ROOT),
    executor: () => choiceInput(raw, 'executor', ['subprocess', 'docker'] as const),
    parallelism: () => integerInput(raw, 'parallelism', 1, availableParallelism()),
    verbose: () => booleanInput(raw, 'verbose'),
    taskEnv: () => variableNames(raw.list('task-env')),
  });
}

/** The `task-env` names, each a valid variable name. */
function variableNames(names: readonly string[]): string[] {
  const bad = names.filter((name) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name));
  if (bad.length > 0)
    throw new UserError(
      `task-env takes variable names, not ${bad.map((name) => `"${name}"`).join(', ')}`,
      {
        fix: 'Give variable names only (letters, digits and _), one per line or --task-env NAME each; their values come from the environment.',
      },
    );
  return [...names];
}

/** Not the input's `default`: on Vertex an unset pipeline-root means the spec's own. */
const LOCAL_PIPELINE_ROOT = '.mlops/runs';

export const runCommand = defineCommand<RunInputs>({
  name: 'run',
  cli: {
    shorthands: [
      {
        name: 'local',
        description: 'Run on this machine (same as --target local).',
        sets: { input: 'target', value: 'local' },
      },
      {
        name: 'vertex',
        description: 'Run on Vertex AI Pipelines (same as --target vertex).',
        sets: { input: 'target', value: 'vertex' },
      },
    ],
  },
  postStep: true,
  summary:
    'Run a pipeline locally (the default: no cloud needed) or on Vertex AI Pipelines, and follow it to the end.',
  inputs: [
    ...PIPELINE_INPUTS,
    PARAM_INPUT,
    {
      name: 'target',
      description:
        'Where to run: local (this machine) or vertex (Vertex AI Pipelines). The CLI also takes --local and --vertex.',
      kind: 'string',
      default: 'local',
      choices: ['local', 'vertex'],
    },
    {
      name: 'pipeline-root',
      description: `Where outputs go. Local: a folder (default ${LOCAL_PIPELINE_ROOT}), each run in <pipeline-root>/<pipeline>-<timestamp>/<task>/<output>. Vertex: a gs:// folder (default: the spec's defaultPipelineRoot).`,
      kind: 'string',
      valueName: 'DIR',
    },
    {
      name: 'no-cache',
      description:
        "Run every task even when an identical earlier execution is cached (on Vertex: caching off for every task, as the KFP SDK's enable_caching=False).",
      kind: 'boolean',
      default: 'false',
    },
    {
      name: 'run-record',
      description:
        "Also write the run record (run.json: each task's state, timing, outputs and metrics) to this path.",
      kind: 'string',
      valueName: 'FILE',
    },
    {
      name: 'executor',
      description:
        'Local: subprocess runs each container command on this machine; docker runs it in the task image with the pipeline root mounted.',
      kind: 'string',
      default: 'subprocess',
      choices: ['subprocess', 'docker'],
    },
    {
      name: 'parallelism',
      description: 'Local: most tasks running at once. Defaults to the number of CPUs.',
      kind: 'integer',
      valueName: 'N',
    },
    {
      name: 'verbose',
      description: "Local: stream every task's log lines as they are written.",
      kind: 'boolean',
      default: 'false',
    },
    {
      name: 'task-env',
      description:
        "Local: more environment variables the tasks may read, by name. Tasks get only what they need by default (PATH, HOME, locale, proxies, certificates, PYTHON*, MLOPS_* settings, Google Cloud credentials), never the runner's tokens or the step's inputs.",
      kind: 'list',
      valueName: 'NAME',
    },
    PROJECT_INPUT,
    REGION_INPUT,
    ...VERTEX_JOB_INPUTS,
    {
      name: 'wait',
      description: 'Vertex: follow the job to the end (true) or return once it is created (false).',
      kind: 'boolean',
      default: 'true',
    },
    {
      name: 'timeout',
      description: 'Vertex: how long to wait before failing the step (the job keeps running).',
      kind: 'string',
      default: '24h',
      valueName: 'DURATION',
    },
    {
      name: 'job-id',
      description:
        'Vertex: the pipeline job id. Defaults to one derived from the pipeline, commit, workflow run and parameters, so a re-run attaches to the job instead of duplicating it.',
      kind: 'string',
      valueName: 'ID',
    },
  ],
  outputs: [
    {
      name: 'run-id',
      description:
        'Identifier of the run: <pipeline>-<timestamp> locally, the pipeline job id on Vertex.',
    },
    {
      name: 'state',
      description:
        'SUCCEEDED, FAILED or CANCELLED (a Vertex state such as PIPELINE_STATE_RUNNING with wait: false).',
    },
    {
      name: 'run-record',
      description: "Path of the run record JSON: each task's state, timing, outputs and metrics.",
    },
    { name: 'run-dir', description: "Local: folder holding the run's artifacts." },
    {
      name: 'job-name',
      description: "Vertex: the job's resource name (projects/P/locations/L/pipelineJobs/ID).",
    },
    { name: 'console-url', description: 'Vertex: link to the job in the Google Cloud console.' },
    {
      name: 'metrics',
      description:
        'JSON object: task path → metric name → number, from Metrics artifacts and numeric output parameters.',
    },
    { name: 'outputs', description: "JSON object of the pipeline's output parameters." },
    {
      name: 'report',
      description:
        "Local: the run's report, report.html in the run folder (for a Vertex run, make one with the report command).",
    },
  ],
  parseInputs(raw, context) {
    const useCache = once(() => !booleanInput(raw, 'no-cache'));
    const kind = once(() => choiceInput(raw, 'target', ['local', 'vertex'] as const));
    return parseFields('run', {
      ...pipelineRunFields(raw, context),
      useCache,
      runRecord: () => {
        const runRecord = raw.string('run-record')?.trim();
        return runRecord ? path.resolve(context.cwd, runRecord) : undefined;
      },
      target: (): RunInputs['target'] =>
        kind() === 'vertex'
          ? { kind: 'vertex', ...parseVertexTarget(raw, context, useCache()) }
          : parseLocalTarget(raw, context),
    });
  },
  async run(inputs, context): Promise<CommandResult> {
    const { ui, cwd, signal } = context;
    const { loaded, parameters } = await ui.group('Validate', async () => {
      const pipeline = await loadPipelineFrom(inputs, context);
      const display = path.relative(cwd, inputs.pipeline) || inputs.pipeline;
      return {
        loaded: pipeline,
        parameters: resolveRunParameters(pipeline.spec, inputs.params, display),
      };
    });
    const target = inputs.target;
    if (inputs.runRecord) {
      await assertWritableFile(
        inputs.runRecord,
        'The run record',
        'Point run-record (--run-record) at a file in a folder you can write, e.g. .mlops/run.json.',
      );
    }
    // Each target's code loads only when it is the one used.
    if (target.kind === 'vertex') {
      const { runOnVertex } = await import('./run-vertex.js');
      const result = await runOnVertex(loaded, parameters, target, context);
      if (!result.finished) {
        return {
          outputs: {
            'run-id': result.jobName.split('/').at(-1) ?? '',
            state: result.state,
            'job-name': result.jobName,
            'console-url': result.url,
          },
        };
      }
      const recordPath =
        inputs.runRecord ?? path.resolve(cwd, '.mlops/vertex', `${result.record.runId}.json`);
      await mkdir(path.dirname(recordPath), { recursive: true });
      await writeFile(recordPath, `${JSON.stringify(result.record, null, 2)}\n`);
      reportRun(result.record, ui, cwd);
      return {
        outputs: {
          ...recordOutputs(result.record, recordPath),
          'job-name': result.jobName,
          'console-url': result.url,
        },
        ...(result.record.state === 'SUCCEEDED' ? {} : { failure: failureSummary(result.record) }),
      };
    }
    await assertWritableFolder(
      target.pipelineRoot,
      'The pipeline root',
      `Point pipeline-root (--pipeline-root) at a folder you can write (the default is ${LOCAL_PIPELINE_ROOT}).`,
    );
    const [{ DockerExecutor, SubprocessExecutor }, { runPipelineLocally }] = await Promise.all([
      import('../adapters/local-runner/executors.js'),
      import('../adapters/local-runner/local-runner.js'),
    ]);
    const workdir = loaded.templateUri ? cwd : path.dirname(loaded.file);
    const executor =
      target.executor === 'docker'
        ? new DockerExecutor()
        : new SubprocessExecutor({
            python: inputs.python,
            pythonPath: componentRoots(workdir),
            passEnv: target.taskEnv,
          });
    const record = await ui.group(
      `Run ${loaded.spec.pipelineInfo.name} locally (${executor.name}, ${inputs.useCache ? 'cache on' : 'cache off'})`,
      () =>
        cancelledOnHangup(signal, (runSignal) =>
          runPipelineLocally(loaded.spec, parameters, {
            pipelineRoot: target.pipelineRoot,
            workdir,
            executor,
            parallelism: target.parallelism,
            useCache: inputs.useCache,
            ...withCommit(runCommit(context.env, workdir)),
            observer: {
              onTaskEvent: (event) => ui.task(event),
              onWarning: (message) => ui.warning(message),
              ...(target.verbose
                ? { onTaskOutput: (task: string, line: string) => ui.taskOutput(task, line) }
                : {}),
            },
            signal: runSignal,
          }),
        ),
    );
    const recordPath = path.join(record.location, 'run.json');
    if (inputs.runRecord) {
      await mkdir(path.dirname(inputs.runRecord), { recursive: true });
      await copyFile(recordPath, inputs.runRecord);
    }
    const report = await writeRunReport(record, context);
    reportRun(record, ui, cwd, report?.verdict);
    return {
      outputs: {
        ...recordOutputs(record, inputs.runRecord ?? recordPath),
        'run-dir': record.location,
        report: report?.path ?? '',
      },
      ...(record.state === 'SUCCEEDED' ? {} : { failure: failureSummary(record) }),
    };
  },
});

/** The commit the run starts from: the workflow's (GITHUB_SHA), else the checkout's HEAD. */
function runCommit(env: NodeJS.ProcessEnv, workdir: string): string | undefined {
  const commit = env.GITHUB_SHA?.trim() || gitOutput(workdir, ['rev-parse', 'HEAD']);
  return commit && /^[0-9a-f]{40}$/.test(commit) ? commit : undefined;
}

function withCommit(gitCommit: string | undefined): { gitCommit?: string } {
  return gitCommit ? { gitCommit } : {};
}

/**
 * The local run's report.html in its folder: cheap (the files are on this disk), and what a
 * reader opens first. A report that cannot be written is a warning, never the run's failure.
 * Vertex runs get theirs from the report command, which reads their gs:// artifacts.
 */
async function writeRunReport(
  record: RunRecord,
  context: CommandContext,
): Promise<{ path: string; verdict: ReportData['verdict'] } | undefined> {
  const output = path.join(record.location, 'report.html');
  try {
    const { writeReport } = await import('./report.js');
    const data = await context.ui.group('Write the report', () =>
      writeReport(record, { output, format: 'html' }, context),
    );
    return { path: output, verdict: data.verdict };
  } catch (error) {
    context.ui.warning(`The run's report was not written: ${errorMessage(error)}`);
    return undefined;
  }
}

/**
 * Runs `work` with a signal that a hang-up (SIGHUP: the terminal closed) aborts too, as Ctrl-C
 * does. Tasks run in their own process groups, so a hang-up never reaches them: without this
 * they would outlive the runner, and no record would say how the run ended.
 */
async function cancelledOnHangup<T>(
  signal: AbortSignal | undefined,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const hangup = new AbortController();
  const onHangup = (): void => hangup.abort();
  process.on('SIGHUP', onHangup);
  try {
    return await work(signal ? AbortSignal.any([signal, hangup.signal]) : hangup.signal);
  } finally {
    process.off('SIGHUP', onHangup);
  }
}

/**
 * Where a repository's Python component packages are imported from: the pipeline's folder (the
 * layout `mlops init` lays, components/ beside the pipeline) and the repository's root (a
 * top-level components/ package), so no one has to set PYTHONPATH.
 */
function componentRoots(workdir: string): string[] {
  const root = gitOutput(workdir, ['rev-parse', '--show-toplevel']);
  return root && path.resolve(root) !== path.resolve(workdir) ? [workdir, root] : [workdir];
}
