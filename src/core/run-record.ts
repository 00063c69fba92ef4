import { z } from 'zod';
import type { ParameterValue } from './ir/parameters.js';
import { UserError } from './errors.js';
import { formatZodIssues } from './zod-issues.js';

/**
 * One shape for a finished (or failed) pipeline run, whether it ran locally or on Vertex,
 * so gate, deploy and report read either alike. Written as `run.json` next to the outputs.
 */

export const RUN_RECORD_VERSION = 1;

/** RUNNING only in the record a local run keeps up to date while it runs (or was killed in). */
export type RunState = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
export type TaskState =
  'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'SKIPPED' | 'NOT_TRIGGERED' | 'CANCELLED';

export interface ArtifactRecord {
  readonly name: string;
  readonly uri: string;
  readonly schemaTitle: string;
  readonly metadata: Record<string, unknown>;
}

export interface TaskFailure {
  readonly message: string;
  readonly exitCode?: number;
  readonly commandLine?: string;
  readonly logTail?: readonly string[];
  readonly logFile?: string;
  /** What to do about it, when the runner can tell (a Python that lacks a package). */
  readonly hint?: string;
}

export interface TaskRecord {
  /** Path within the pipeline, e.g. `train` or `condition-1/deploy`. */
  readonly path: string;
  readonly name: string;
  /** Paths of the tasks this one waited for (local runs; for the pipeline diagram). */
  readonly upstream?: readonly string[];
  state: TaskState;
  /** True when outputs were reused from an earlier identical execution. */
  cached: boolean;
  attempts: number;
  startTime?: string;
  endTime?: string;
  durationMs?: number;
  /** The command line of the last attempt, as it ran (shell-quoted). */
  commandLine?: string;
  /** The container image the task's component names (its spec's image; local runs too). */
  image?: string;
  parameters: Record<string, ParameterValue>;
  artifacts: Record<string, ArtifactRecord[]>;
  failure?: TaskFailure;
}

/** The tool and version that wrote a run record. */
export interface RunProducer {
  readonly name: string;
  readonly version: string;
}

export interface RunRecord {
  readonly recordVersion: typeof RUN_RECORD_VERSION;
  /** What wrote the record, `{ name: 'mlops-platform', version: '0.1.0' }`; absent in older records. */
  readonly producer?: RunProducer;
  /** The commit of the checkout the run started from (GITHUB_SHA, else `git rev-parse HEAD`). */
  readonly gitCommit?: string;
  readonly backend: 'local' | 'vertex';
  readonly runId: string;
  readonly pipelineName: string;
  readonly pipelineRoot: string;
  readonly parameters: Record<string, ParameterValue>;
  state: RunState;
  readonly startTime: string;
  endTime?: string;
  durationMs?: number;
  /** Vertex console link or local run folder. */
  readonly location: string;
  tasks: Record<string, TaskRecord>;
  /** Pipeline-level output parameters (root.dag.outputs). */
  outputs: Record<string, ParameterValue>;
  /** Per task path: the flat numbers of its system.Metrics artifacts and numeric output parameters. */
  metrics: Record<string, Record<string, number>>;
}

/** One task's metrics, or a champion's: metric name → number. */
export const MetricsSchema = z.record(z.string(), z.number());

/**
 * The parts of a run record that gate, deploy and the report read, checked so that a record
 * edited by hand fails with the key at fault instead of deep inside a command. Other fields
 * are kept as written.
 */
const RunRecordSchema = z.looseObject({
  recordVersion: z.literal(RUN_RECORD_VERSION),
  producer: z.looseObject({ name: z.string(), version: z.string() }).optional(),
  runId: z.string(),
  pipelineName: z.string(),
  state: z.string(),
  tasks: z.record(
    z.string(),
    z.looseObject({
      path: z.string(),
      state: z.string(),
      upstream: z.array(z.string()).optional(),
      durationMs: z.number().optional(),
      artifacts: z.record(
        z.string(),
        z.array(z.looseObject({ uri: z.string(), schemaTitle: z.string() })),
      ),
    }),
  ),
  metrics: z.record(z.string(), MetricsSchema),
});

/** What to pass where a run record is expected. */
export const RUN_RECORD_SOURCE = "the run step's run-record output (run.json of a local run)";

/** Checks that parsed JSON is a run record written by `run` (local or Vertex); `source` names the file in the error. */
export function parseRunRecord(value: unknown, source: string): RunRecord {
  const parsed = RunRecordSchema.safeParse(value);
  if (!parsed.success) {
    const problems = formatZodIssues(parsed.error);
    throw new UserError(
      `${source} is not a valid run record (${problems.length} problem${problems.length === 1 ? '' : 's'})`,
      { details: problems, fix: `Pass ${RUN_RECORD_SOURCE}.` },
    );
  }
  return value as RunRecord;
}

/**
 * Collects metrics the way a user reads them: every number in a system.Metrics artifact's
 * metadata, plus numeric output parameters (which conditions can use).
 */
export function collectMetrics(
  tasks: Readonly<Record<string, TaskRecord>>,
): Record<string, Record<string, number>> {
  const metrics: Record<string, Record<string, number>> = {};
  for (const task of Object.values(tasks)) {
    if (task.state !== 'SUCCEEDED') continue;
    const numbers: Record<string, number> = {};
    for (const list of Object.values(task.artifacts)) {
      for (const artifact of list) {
        if (artifact.schemaTitle !== 'system.Metrics') continue;
        for (const [key, value] of Object.entries(artifact.metadata))
          if (typeof value === 'number') numbers[key] = value;
      }
    }
    for (const [key, value] of Object.entries(task.parameters)) {
      if (typeof value === 'number' && !(key in numbers)) numbers[key] = value;
    }
    if (Object.keys(numbers).length > 0) metrics[task.path] = numbers;
  }
  return metrics;
}

/**
 * The metrics of one task: the one named, else the only task with metrics, else the one task
 * whose name says it evaluates. Ambiguity is an error listing the candidates.
 */
export function taskMetrics(
  metrics: Readonly<Record<string, Record<string, number>>>,
  taskPath: string | undefined,
): { task: string; metrics: Record<string, number> } {
  const tasks = Object.keys(metrics);
  if (taskPath !== undefined) {
    const found = metrics[taskPath];
    if (!found) {
      throw new UserError(`Task "${taskPath}" reported no metrics`, {
        fix: `Name a task that did: ${tasks.length > 0 ? tasks.join(', ') : '(none in this run)'}.`,
      });
    }
    return { task: taskPath, metrics: found };
  }
  const evaluators = tasks.filter((task) => /eval/i.test(task.split('/').at(-1) ?? ''));
  const chosen = tasks.length === 1 ? tasks : evaluators;
  const [task] = chosen;
  if (chosen.length !== 1 || task === undefined) {
    throw new UserError(
      tasks.length === 0
        ? 'The run reported no metrics'
        : `Several tasks reported metrics: ${tasks.join(', ')}`,
      {
        fix:
          tasks.length === 0
            ? 'Have the evaluate step output a Metrics artifact or numeric output parameters.'
            : 'Say which one to use with metrics-task.',
      },
    );
  }
  return { task, metrics: metrics[task] ?? {} };
}

export interface LocatedArtifact {
  readonly task: string;
  readonly output: string;
  readonly artifact: ArtifactRecord;
}

/**
 * The model a run produced: the output named `TASK.OUTPUT`, else its only system.Model output,
 * else the only one from a task whose name says it packages or exports for serving.
 */
export function modelArtifact(record: RunRecord, selector: string | undefined): LocatedArtifact {
  const models: LocatedArtifact[] = [];
  for (const task of Object.values(record.tasks)) {
    if (task.state !== 'SUCCEEDED') continue;
    for (const [output, list] of Object.entries(task.artifacts)) {
      const [artifact] = list;
      if (artifact?.schemaTitle === 'system.Model')
        models.push({ task: task.path, output, artifact });
    }
  }
  const names = models.map((m) => `${m.task}.${m.output}`);
  if (selector !== undefined) {
    const found = models.find((m) => `${m.task}.${m.output}` === selector);
    if (!found) {
      throw new UserError(`Run ${record.runId} has no model output "${selector}"`, {
        fix: `Set model-output to one of: ${names.join(', ') || '(no model outputs in this run)'}.`,
      });
    }
    return found;
  }
  const packaged = models.filter((m) => /packag|export|deploy|serv/i.test(`${m.task} ${m.output}`));
  const chosen = models.length === 1 ? models : packaged;
  const [only] = chosen;
  if (chosen.length !== 1 || only === undefined) {
    throw new UserError(
      models.length === 0
        ? `Run ${record.runId} produced no model (no succeeded task output of type system.Model)`
        : `Run ${record.runId} produced several models: ${names.join(', ')}`,
      {
        fix:
          models.length === 0
            ? 'Deploy a run whose packaging step ran (did the quality condition skip it?).'
            : 'Say which one to deploy with model-output: TASK.OUTPUT.',
      },
    );
  }
  return only;
}
