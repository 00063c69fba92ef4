import { UserError } from '../errors.js';
import type { GateVerdict } from '../gate.js';
import { topologicalOrder } from '../graph.js';
import type { RunRecord, TaskState } from '../run-record.js';

/**
 * What a pull request shows about a run and its gate: the verdict, candidate against champion
 * with deltas, and the pipeline as a Mermaid diagram. Markdown, for a check run's summary (at
 * most 65,535 characters), a PR comment and the job summary alike.
 */

/**
 * Markdown cut to fit one of GitHub's size limits (a check run's summary, a comment's body),
 * saying where the whole report is instead of being refused with a 422.
 */
export function clipMarkdown(markdown: string, limit: number, whatLimit: string): string {
  if (markdown.length <= limit) return markdown;
  const note = `\n\n… (cut at GitHub's ${limit.toLocaleString('en-US')}-character limit for ${whatLimit}; the job summary has it all)`;
  return markdown.slice(0, limit - note.length) + note;
}

/** What a link to the run's HTML report says, wherever it is shown. */
export const REPORT_LINK_TEXT = 'Full report (HTML)';

/** An http(s) link to the report, or undefined when none was given. */
export function parseReportUrl(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  if (!trimmed) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(trimmed);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'https:' && url?.protocol !== 'http:') {
    throw new UserError(`report-url ${JSON.stringify(trimmed)} is not an http(s) URL`, {
      fix: "Pass upload-artifact's artifact-url output, or leave report-url empty.",
    });
  }
  return url.href;
}

export function formatMetric(value: number | undefined): string {
  if (value === undefined) return '—';
  return Number.isInteger(value) ? String(value) : value.toFixed(4);
}

export function formatDelta(candidate: number | undefined, champion: number | undefined): string {
  if (candidate === undefined || champion === undefined) return '—';
  const delta = candidate - champion;
  if (delta === 0) return '±0';
  return `${delta > 0 ? '+' : '−'}${formatMetric(Math.abs(delta))}`;
}

/** One row per metric: name, candidate, champion, delta. */
function metricRows(verdict: GateVerdict): string[][] {
  const names = new Set([
    ...Object.keys(verdict.candidate),
    ...Object.keys(verdict.champion ?? {}),
  ]);
  return [...names]
    .sort()
    .map((name) => [
      name,
      formatMetric(verdict.candidate[name]),
      formatMetric(verdict.champion?.[name]),
      formatDelta(verdict.candidate[name], verdict.champion?.[name]),
    ]);
}

const STATE_STYLE: Partial<Record<TaskState, string>> = {
  SUCCEEDED: 'fill:#dcfce7,stroke:#16a34a',
  FAILED: 'fill:#fee2e2,stroke:#dc2626',
  RUNNING: 'fill:#dbeafe,stroke:#2563eb',
  CANCELLED: 'fill:#f3f4f6,stroke:#6b7280',
  SKIPPED: 'fill:#f3f4f6,stroke:#9ca3af,stroke-dasharray:4',
  NOT_TRIGGERED: 'fill:#f3f4f6,stroke:#9ca3af,stroke-dasharray:4',
};

const STATE_MARK: Partial<Record<TaskState, string>> = {
  SUCCEEDED: '✓',
  FAILED: '✗',
  SKIPPED: '↷',
  NOT_TRIGGERED: '–',
  CANCELLED: '⊘',
};

/** Mermaid cannot take every character in a label: keep it to a safe set. */
function label(text: string): string {
  return text.replace(/["<>#`]/g, "'");
}

/** Tasks with every upstream task before them, by name otherwise: the order a reader follows. */
function upstreamFirst<T extends { path: string; upstream?: readonly string[] }>(tasks: T[]): T[] {
  const byPath = new Map(tasks.map((task) => [task.path, task]));
  const graph = new Map(tasks.map((task) => [task.path, task.upstream ?? []]));
  return topologicalOrder(graph, (a, b) => a.localeCompare(b)).flatMap((path) => {
    const task = byPath.get(path);
    return task ? [task] : [];
  });
}

/**
 * The run's tasks as a Mermaid flowchart, coloured by state and marked in text too. A sub-DAG
 * (a condition, a loop, an exit handler) is a subgraph around its tasks, and edges may end at
 * it: `evaluate --> condition-1` is the edge that leads to `package-model` inside it.
 */
function mermaidDiagram(record: RunRecord): string {
  const tasks = upstreamFirst(Object.values(record.tasks));
  const ids = new Map(tasks.map((task, index) => [task.path, `t${index}`]));
  const parentOf = (taskPath: string): string | undefined => {
    const parent = taskPath.slice(0, Math.max(0, taskPath.lastIndexOf('/')));
    return ids.has(parent) ? parent : undefined;
  };
  const groups = new Set(tasks.flatMap((task) => parentOf(task.path) ?? []));
  const lines = ['flowchart LR'];
  const draw = (parent: string | undefined, indent: string): void => {
    for (const task of tasks.filter((each) => parentOf(each.path) === parent)) {
      const id = ids.get(task.path) ?? '';
      const seconds =
        task.durationMs === undefined ? '' : ` ${(task.durationMs / 1000).toFixed(1)}s`;
      const name = parent === undefined ? task.path : task.path.slice(parent.length + 1);
      const text = `${label(name)} ${STATE_MARK[task.state] ?? ''}${seconds}${task.cached ? ' cached' : ''}`;
      if (groups.has(task.path)) {
        lines.push(`${indent}subgraph ${id}["${text}"]`);
        draw(task.path, `${indent}  `);
        lines.push(`${indent}end`);
        lines.push(`${indent}class ${id} ${task.state.toLowerCase()}`);
      } else {
        lines.push(`${indent}${id}["${text}"]:::${task.state.toLowerCase()}`);
      }
    }
  };
  draw(undefined, '  ');
  for (const task of tasks) {
    for (const upstream of task.upstream ?? []) {
      const from = ids.get(upstream);
      if (from) lines.push(`  ${from} --> ${ids.get(task.path) ?? ''}`);
    }
  }
  for (const [state, style] of Object.entries(STATE_STYLE))
    lines.push(`  classDef ${state.toLowerCase()} ${style}`);
  return lines.join('\n');
}

function markdownTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const cell = (text: string): string => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
  return [
    `| ${header.map(cell).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

export interface GateReport {
  readonly title: string;
  readonly markdown: string;
  /** The metric rows and the diagram in the markdown, for hosts that show them on their own. */
  readonly metricRows: string[][];
  readonly diagram: string;
}

/** The whole report: verdict, rules, metrics against the champion, and the pipeline diagram. */
export function gateReport(
  verdict: GateVerdict,
  record: RunRecord,
  championSource: string | undefined,
  reportUrl?: string,
): GateReport {
  const failed = verdict.rules.filter((rule) => rule.outcome === 'fail').length;
  const title = verdict.passed
    ? `Gate passed: ${verdict.rules.length} of ${verdict.rules.length} rules`
    : `Gate failed: ${failed} of ${verdict.rules.length} rules`;
  const rules = verdict.rules.map((rule) => [
    `\`${rule.rule}\``,
    rule.outcome === 'pass' ? '✅ pass' : '❌ fail',
    rule.note ?? '',
  ]);
  const rows = metricRows(verdict);
  const diagram = mermaidDiagram(record);
  const markdown = [
    `### ${verdict.passed ? '✅' : '❌'} ${title}`,
    '',
    `Run \`${record.runId}\` of \`${record.pipelineName}\` (${record.backend}), ${championSource ? `champion ${championSource}` : 'no champion yet'}.${reportUrl ? ` [${REPORT_LINK_TEXT}](${reportUrl})` : ''}`,
    '',
    markdownTable(['Rule', 'Result', 'Note'], rules),
    '',
    markdownTable(['Metric', 'Candidate', 'Champion', 'Δ'], rows),
    '',
    '```mermaid',
    diagram,
    '```',
  ].join('\n');
  return { title, markdown, metricRows: rows, diagram };
}
