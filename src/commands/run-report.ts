/**
 * What a finished run tells the user and the next step: the task and metrics tables, each failed
 * task with its command, log and hint, the one-line verdict, and the step's outputs.
 */
import path from 'node:path';
import { formatDuration } from '../core/duration.js';
import { renderParameter } from '../core/ir/placeholders.js';
import { formatMetric } from '../core/report/pipeline-report.js';
import type { RunRecord } from '../core/run-record.js';
import type { ReportData } from '../core/run-report/report-model.js';
import type { Ui } from './command.js';

export function recordOutputs(record: RunRecord, recordPath: string): Record<string, string> {
  return {
    'run-id': record.runId,
    state: record.state,
    'run-record': recordPath,
    metrics: JSON.stringify(record.metrics),
    outputs: JSON.stringify(record.outputs),
  };
}

/**
 * The run's tables, each failed task with its command, log and hint, and the headline: the
 * report's verdict (the quality bar, drift) when there is one, else the run's state.
 */
export function reportRun(
  record: RunRecord,
  ui: Ui,
  cwd: string,
  verdict?: ReportData['verdict'],
): void {
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
    Object.entries(values).map(([name, value]) => [task, name, formatMetric(value)]),
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
        ...(failure.hint ? [`  hint: ${failure.hint}`] : []),
      ].join('\n'),
    );
  }
  const outputs = Object.entries(record.outputs);
  const tail =
    outputs.length > 0
      ? `; outputs: ${outputs.map(([k, v]) => `${k}=${renderParameter(v)}`).join(', ')}`
      : '';
  const where = record.location.includes('://')
    ? record.location
    : path.relative(cwd, record.location) || record.location;
  ui.headline(
    verdict?.passed ?? record.state === 'SUCCEEDED',
    `${verdict ? `${verdict.headline} · ` : ''}Run ${record.runId} ${record.state} in ${formatDuration(record.durationMs)} → ${where}${tail}`,
  );
}

/** A sub-DAG fails because a task inside it did; report the task, not the group. */
function isSubDag(task: RunRecord['tasks'][string], record: RunRecord): boolean {
  return Object.keys(record.tasks).some((other) => other.startsWith(`${task.path}/`));
}

export function failureSummary(record: RunRecord): string {
  const first = Object.values(record.tasks).find(
    (task) => task.state === 'FAILED' && task.failure && !isSubDag(task, record),
  );
  if (!first) return `Pipeline run ${record.runId} ${record.state}`;
  return `Pipeline run ${record.runId} ${record.state}: task ${first.path} ${first.failure?.message ?? 'failed'}`;
}
