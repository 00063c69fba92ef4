import { formatMetric } from '../report/pipeline-report.js';
import { topologicalOrder } from '../graph.js';
import { modelArtifact, taskMetrics, type RunRecord, type TaskRecord } from '../run-record.js';
import {
  compareText,
  parseDataProfile,
  parseDriftTable,
  parseEvaluation,
  parseModelMetadata,
  type ArtifactText,
  type Parsed,
} from './report-artifacts.js';
import {
  REPORT_DATA_VERSION,
  type DagEdge,
  type DagNode,
  type ReportChampion,
  type ReportDag,
  type ReportData,
  type ReportEvaluation,
  type ReportFact,
} from './report-model.js';
import { downsampleCurve } from './svg/downsample.js';

/**
 * A run's report as plain data, from its record and the artifact files an adapter read: pure,
 * so `mlops report`, the run at its end and the run browser build the same thing, and the same
 * run and files always give the same data.
 */

/** What an adapter read for a report (see `reportArtifactUris`); any part may be missing. */
export interface ReportArtifacts {
  readonly evaluation?: ArtifactText;
  readonly preprocessReport?: ArtifactText;
  readonly featureDrift?: ArtifactText;
  readonly modelMetadata?: ArtifactText;
  /** Task path → its log (a path relative to the report, or file://) or its console page. */
  readonly links?: Readonly<Record<string, string>>;
}

export interface ReportOptions {
  /** The task whose metrics are the run's; by default evaluate's (see `taskMetrics`). */
  readonly metricsTask?: string;
  /** The model to compare with: its metrics, and its evaluation when it is a run. */
  readonly champion?: {
    readonly source: string;
    readonly metrics: Readonly<Record<string, number>>;
    readonly evaluation?: ArtifactText;
  };
}

export function buildReportData(
  record: RunRecord,
  artifacts: ReportArtifacts,
  options: ReportOptions = {},
): ReportData {
  const warnings: string[] = [];
  const take = <T>(parsed: Parsed<T> | undefined): T | undefined => {
    if (parsed === undefined) return undefined;
    if ('warning' in parsed) {
      warnings.push(parsed.warning);
      return undefined;
    }
    return parsed.value;
  };
  const evaluation = downsampled(
    take(artifacts.evaluation && parseEvaluation(artifacts.evaluation)),
  );
  const data = take(artifacts.preprocessReport && parseDataProfile(artifacts.preprocessReport));
  const drift = take(artifacts.featureDrift && parseDriftTable(artifacts.featureDrift));
  const metadata = take(artifacts.modelMetadata && parseModelMetadata(artifacts.modelMetadata));
  const metricsTask = metricsTaskOf(record, options.metricsTask);
  const champion = options.champion && {
    source: options.champion.source,
    metrics: options.champion.metrics,
    evaluation: downsampled(
      take(options.champion.evaluation && parseEvaluation(options.champion.evaluation)),
    ),
  };
  const metrics = Object.entries(record.metrics)
    .sort(([a], [b]) => compareText(a, b))
    .map(([task, values]) => ({ task, metrics: values }));
  return {
    version: REPORT_DATA_VERSION,
    run: {
      id: record.runId,
      pipeline: record.pipelineName,
      backend: record.backend,
      state: record.state,
      startTime: record.startTime,
      ...(record.endTime ? { endTime: record.endTime } : {}),
      ...(record.durationMs !== undefined ? { durationMs: record.durationMs } : {}),
      location: record.location,
      parameters: record.parameters,
      outputs: record.outputs,
    },
    verdict: verdictOf(
      record,
      evaluation,
      metricsTask,
      drift?.filter((feature) => feature.drifted).length,
    ),
    dag: reportDag(record, artifacts.links ?? {}),
    metrics,
    ...withMetricsTask(metricsTask),
    ...(evaluation ? { evaluation } : {}),
    ...(data ? { data } : {}),
    ...(drift ? { drift } : {}),
    ...(champion ? { champion: withoutUndefined(champion) } : {}),
    facts: facts(record, metadata),
    warnings,
  };
}

function withoutUndefined(champion: {
  source: string;
  metrics: Readonly<Record<string, number>>;
  evaluation: ReportEvaluation | undefined;
}): ReportChampion {
  const { evaluation, ...rest } = champion;
  return evaluation ? { ...rest, evaluation } : rest;
}

/** The task named, else the one holding the evaluation, else the one `taskMetrics` picks. */
function metricsTaskOf(record: RunRecord, named: string | undefined): string | undefined {
  if (named !== undefined) return named in record.metrics ? named : undefined;
  const evaluating = Object.values(record.tasks)
    .filter((task) => task.artifacts.evaluation && task.path in record.metrics)
    .sort((a, b) => compareText(a.path, b.path))[0];
  if (evaluating) return evaluating.path;
  try {
    return taskMetrics(record.metrics, undefined).task;
  } catch {
    // Several tasks with metrics and none says it evaluates: the report lists them all.
    return undefined;
  }
}

function withMetricsTask(task: string | undefined): { metricsTask?: string } {
  return task === undefined ? {} : { metricsTask: task };
}

/** A run's evaluation as its report shows it, or undefined when it cannot be read. */
export function reportEvaluation(file: ArtifactText): ReportEvaluation | undefined {
  const parsed = parseEvaluation(file);
  return 'value' in parsed ? downsampled(parsed.value) : undefined;
}

/** Curves cut to about 500 points each (thresholds kept), so a report stays small. */
function downsampled(evaluation: ReportEvaluation | undefined): ReportEvaluation | undefined {
  if (!evaluation) return undefined;
  const each = (list: ReportEvaluation['roc']) => list?.map((curve) => downsampleCurve(curve));
  return {
    ...evaluation,
    ...(evaluation.roc ? { roc: each(evaluation.roc) } : {}),
    ...(evaluation.precisionRecall ? { precisionRecall: each(evaluation.precisionRecall) } : {}),
    ...(evaluation.calibration ? { calibration: each(evaluation.calibration) } : {}),
  };
}

/** The tasks whose paths continue with `path/`: a sub-DAG's. */
function isGroup(path: string, tasks: readonly TaskRecord[]): boolean {
  return tasks.some((task) => task.path.startsWith(`${path}/`));
}

/** The nearest enclosing task: the longest proper prefix of `path` that is a task's path. */
function parentOf(path: string, paths: ReadonlySet<string>): string | undefined {
  const segments = path.split('/');
  for (let length = segments.length - 1; length > 0; length--) {
    const prefix = segments.slice(0, length).join('/');
    if (paths.has(prefix)) return prefix;
  }
  return undefined;
}

/**
 * Every task a node and every dependency an edge. Records name upstream tasks by path; a name
 * that is no task's path is resolved within the task's own sub-DAG (and its enclosing ones), as
 * the spec names them. A task inside a sub-DAG hangs off it by `parent`: the sub-DAG's edges
 * (evaluate → condition-1) are what it waits for.
 */
export function reportDag(record: RunRecord, links: Readonly<Record<string, string>>): ReportDag {
  const tasks = Object.values(record.tasks);
  const paths = new Set(tasks.map((task) => task.path));
  const resolve = (task: TaskRecord, name: string): string | undefined => {
    if (paths.has(name)) return name;
    for (let scope = parentOf(task.path, paths); scope; scope = parentOf(scope, paths)) {
      if (paths.has(`${scope}/${name}`)) return `${scope}/${name}`;
    }
    return undefined;
  };
  const upstreamOf = new Map(
    tasks.map((task) => [
      task.path,
      [...new Set((task.upstream ?? []).flatMap((name) => resolve(task, name) ?? []))].sort(
        compareText,
      ),
    ]),
  );
  // A sub-DAG's tasks come after the sub-DAG itself, which comes after what it waits for.
  const order = topologicalOrder(
    new Map(
      tasks.map((task) => {
        const parent = parentOf(task.path, paths);
        return [task.path, [...(upstreamOf.get(task.path) ?? []), ...(parent ? [parent] : [])]];
      }),
    ),
    compareText,
  );
  const byPath = new Map(tasks.map((task) => [task.path, task]));
  const nodes: DagNode[] = order.flatMap((path) => {
    const task = byPath.get(path);
    if (!task) return [];
    const parent = parentOf(path, paths);
    const link = links[path];
    return [
      {
        id: path,
        label: task.name,
        state: task.state,
        ...(task.durationMs !== undefined ? { durationMs: task.durationMs } : {}),
        cached: task.cached,
        ...(parent ? { parent } : {}),
        group: isGroup(path, tasks),
        ...(link ? { link } : {}),
      },
    ];
  });
  const edges: DagEdge[] = order.flatMap((path) =>
    (upstreamOf.get(path) ?? []).map((from) => ({ from, to: path })),
  );
  return { nodes, edges };
}

/** The quality bar's outcome: the `passed` output parameter of the task that decides it. */
function qualityBar(record: RunRecord): { task: string; passed: boolean } | undefined {
  const tasks = Object.values(record.tasks).sort((a, b) => compareText(a.path, b.path));
  for (const task of tasks) {
    const value = task.parameters.passed;
    if (typeof value === 'boolean') return { task: task.path, passed: value };
    if (value === 'true' || value === 'false') return { task: task.path, passed: value === 'true' };
  }
  return undefined;
}

/** The first failed task that is not a sub-DAG (a sub-DAG fails because a task in it did). */
function firstFailure(record: RunRecord): TaskRecord | undefined {
  const tasks = Object.values(record.tasks);
  return tasks
    .filter((task) => task.state === 'FAILED' && !isGroup(task.path, tasks))
    .sort(
      (a, b) => compareText(a.startTime ?? '', b.startTime ?? '') || compareText(a.path, b.path),
    )[0];
}

/**
 * The bar in words: the metric a `min_<metric>` parameter sets a floor for, with its value and
 * the floor, else the primary metric's value.
 */
function barInWords(
  record: RunRecord,
  evaluation: ReportEvaluation | undefined,
  metricsTask: string | undefined,
  passed: boolean,
): string {
  const metrics: Readonly<Record<string, number>> =
    evaluation?.metrics ??
    (metricsTask === undefined ? undefined : record.metrics[metricsTask]) ??
    {};
  for (const [name, floor] of Object.entries(record.parameters).sort(([a], [b]) =>
    compareText(a, b),
  )) {
    const metric = name.startsWith('min_') ? name.slice('min_'.length) : undefined;
    const value = metric === undefined ? undefined : metrics[metric];
    if (typeof floor === 'number' && value !== undefined) {
      // Both sides to the same places: `accuracy 1.0000 ≥ 0.8000`, not `accuracy 1 ≥ 0.8000`.
      return `${metric} ${value.toFixed(4)} ${passed ? '≥' : '<'} ${floor.toFixed(4)} (${name})`;
    }
  }
  const primary = evaluation && evaluation.metrics[evaluation.primaryMetric];
  return primary === undefined || !evaluation
    ? ''
    : `${evaluation.primaryMetric} ${formatMetric(primary)}`;
}

function verdictOf(
  record: RunRecord,
  evaluation: ReportEvaluation | undefined,
  metricsTask: string | undefined,
  driftedFeatures: number | undefined,
): ReportData['verdict'] {
  if (record.state === 'FAILED') {
    const failed = firstFailure(record);
    return {
      passed: false,
      headline: failed ? `Failed: task ${failed.path} failed` : 'Failed: the run failed',
    };
  }
  if (record.state === 'CANCELLED') return { passed: false, headline: 'Cancelled before it ended' };
  if (record.state === 'RUNNING') return { passed: false, headline: 'Still running (or killed)' };
  const bar = qualityBar(record);
  const model = evaluation?.model ?? record.outputs.best_model_name;
  const words = (passed: boolean): string =>
    [typeof model === 'string' ? model : '', barInWords(record, evaluation, metricsTask, passed)]
      .filter((part) => part !== '')
      .join(', ');
  if (bar && !bar.passed) {
    const detail = words(false);
    return {
      passed: false,
      headline: `Did not pass the quality bar${detail ? `: ${detail}` : ''}`,
    };
  }
  if (bar) {
    const detail = words(true);
    return { passed: true, headline: `Passed${detail ? `: ${detail}` : ''}` };
  }
  // Drift found is what a drift run exists to say: it heads the report as a failed check.
  if (driftedFeatures !== undefined) {
    return driftedFeatures > 0
      ? {
          passed: false,
          headline: `Drift in ${driftedFeatures} feature${driftedFeatures === 1 ? '' : 's'}`,
        }
      : { passed: true, headline: 'No drift' };
  }
  return { passed: true, headline: 'Succeeded' };
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** What a reviewer checks before trusting the model, in a fixed order. */
function facts(record: RunRecord, fileMetadata: Record<string, unknown> | undefined): ReportFact[] {
  const recorded = (() => {
    try {
      return modelArtifact(record, undefined).artifact.metadata;
    } catch {
      return {};
    }
  })();
  const metadata: Record<string, unknown> = { ...recorded, ...fileMetadata };
  const list: ReportFact[] = [];
  const add = (label: string, value: string | undefined): void => {
    if (value) list.push({ label, value });
  };
  add('Written by', record.producer && `${record.producer.name} ${record.producer.version}`);
  add('Git commit', record.gitCommit);
  add('Model', text(metadata.model_type));
  const framework = text(metadata.framework);
  add(
    'Framework',
    framework && [framework, text(metadata.framework_version)].filter(Boolean).join(' '),
  );
  add('Python', text(metadata.python_version));
  const libraries = metadata.library_versions;
  if (libraries && typeof libraries === 'object') {
    add(
      'Libraries',
      Object.entries(libraries as Record<string, unknown>)
        .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
        .sort(([a], [b]) => compareText(a, b))
        .map(([name, version]) => `${name} ${version}`)
        .join(', '),
    );
  }
  add('Model sha256', text(metadata.model_sha256));
  // One line per image: the reference pipeline runs every task in the same one.
  const tasksByImage = new Map<string, string[]>();
  for (const task of Object.values(record.tasks).sort((a, b) => compareText(a.path, b.path))) {
    if (task.image)
      tasksByImage.set(task.image, [...(tasksByImage.get(task.image) ?? []), task.path]);
  }
  for (const [image, paths] of [...tasksByImage].sort(([a], [b]) => compareText(a, b))) {
    add(
      'Image',
      `${image} (${tasksByImage.size === 1 ? 'every container task' : paths.join(', ')})`,
    );
  }
  return list;
}
