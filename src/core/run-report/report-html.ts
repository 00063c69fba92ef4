import { formatDuration } from '../duration.js';
import { renderParameter } from '../ir/placeholders.js';
import { formatDelta, formatMetric } from '../report/pipeline-report.js';
import { escapeHtml, htmlPage } from './html-page.js';
import type { ReportData } from './report-model.js';
import { evaluationCharts, figure } from './report-charts.js';
import { barChartSvg } from './svg/charts.js';
import { SLIDER_SCRIPT, thresholdData, thresholdSlider } from './report-threshold.js';
import { dagSvg } from './svg/dag-svg.js';

/**
 * A run's report as one self-contained HTML file: every chart a static SVG drawn now, tables
 * for what the charts show, and a few lines of script for the threshold slider only. Pure and
 * deterministic: the same data gives the same bytes (no clock, no random ids).
 */

interface Section {
  readonly id: string;
  readonly title: string;
  readonly body: string;
}

type Cell = string | { readonly html: string; readonly numeric?: boolean };

/** A table; cells are HTML (escape text first), numbers right-aligned. */
function table(
  header: readonly string[],
  rows: ReadonlyArray<readonly Cell[]>,
  attributes = '',
): string {
  const cell = (value: Cell, tag: 'td' | 'th'): string =>
    typeof value === 'string'
      ? `<${tag}>${value}</${tag}>`
      : `<${tag}${value.numeric ? ' class="num"' : ''}>${value.html}</${tag}>`;
  return [
    `<table${attributes}>`,
    `<thead><tr>${header.map((name) => `<th scope="col">${escapeHtml(name)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...rows.map((row) => `<tr>${row.map((value) => cell(value, 'td')).join('')}</tr>`),
    '</tbody>',
    '</table>',
  ].join('\n');
}

const number = (value: number | undefined): Cell => ({
  html: escapeHtml(formatMetric(value)),
  numeric: true,
});

const STATE_MARK: Readonly<Record<string, string>> = {
  SUCCEEDED: '✓',
  FAILED: '✗',
  SKIPPED: '↷',
  NOT_TRIGGERED: '–',
  CANCELLED: '⊘',
  RUNNING: '…',
  PENDING: '…',
};

function summarySection(data: ReportData): Section {
  const { run } = data;
  const location = /^https?:\/\//.test(run.location)
    ? `<a href="${escapeHtml(run.location)}">${escapeHtml(run.location)}</a>`
    : `<code>${escapeHtml(run.location)}</code>`;
  const rows: Array<[string, string]> = [
    ['Run', `<code>${escapeHtml(run.id)}</code>`],
    ['Pipeline', escapeHtml(run.pipeline)],
    ['Where it ran', run.backend === 'vertex' ? 'Vertex AI Pipelines' : 'locally'],
    ['State', `${STATE_MARK[run.state] ?? ''} ${escapeHtml(run.state)}`],
    ['Started', escapeHtml(run.startTime)],
    ['Ended', escapeHtml(run.endTime ?? '—')],
    ['Duration', escapeHtml(formatDuration(run.durationMs) || '—')],
    ['Location', location],
  ];
  return {
    id: 'summary',
    title: 'Summary',
    body: `<table class="facts">${rows.map(([label, value]) => `<tr><th scope="row">${label}</th><td>${value}</td></tr>`).join('')}</table>`,
  };
}

function pipelineSection(data: ReportData): Section {
  const rows = data.dag.nodes.map((node) => [
    node.link
      ? `<a href="${escapeHtml(node.link)}">${escapeHtml(node.id)}</a>`
      : `<code>${escapeHtml(node.id)}</code>`,
    `${STATE_MARK[node.state] ?? ''} ${escapeHtml(node.state)}`,
    { html: escapeHtml(formatDuration(node.durationMs) || '—'), numeric: true },
    node.group ? 'sub-DAG' : node.cached ? 'yes' : 'no',
    node.link ? `<a href="${escapeHtml(node.link)}">${linkWords(node.link)}</a>` : '—',
  ]);
  const edges = data.dag.edges
    .map((edge) => `${escapeHtml(edge.from)} → ${escapeHtml(edge.to)}`)
    .join(', ');
  return {
    id: 'pipeline',
    title: 'Pipeline',
    body: [
      `<figure class="chart dag">${dagSvg(data.dag, { title: `Pipeline ${data.run.pipeline}` })}</figure>`,
      table(['Task', 'State', 'Duration', 'Cached', 'Log'], rows, ' id="tasks"'),
      `<p class="muted">Dependencies: ${edges || 'none'}.</p>`,
    ].join('\n'),
  };
}

function linkWords(link: string): string {
  return /^https?:\/\//.test(link) ? 'console' : 'log';
}

/** The chosen model's metrics with their 95% interval, and the champion's with the change. */
function metricsSection(data: ReportData): Section | undefined {
  const { evaluation, champion } = data;
  // The record's numbers (full precision, what gate compares) over the evaluation file's.
  const recorded = data.metrics.find((entry) => entry.task === data.metricsTask)?.metrics;
  const candidate: Readonly<Record<string, number>> | undefined = evaluation?.metrics ?? recorded;
  const parts: string[] = [];
  if (candidate) {
    const header = ['Metric', 'Value', '95% interval'];
    if (champion) header.push('Champion', 'Δ vs champion');
    const rows = Object.keys(candidate).map((name): Cell[] => {
      const value = recorded?.[name] ?? candidate[name];
      const interval = evaluation?.intervals[name];
      const row: Cell[] = [
        escapeHtml(name),
        number(value),
        interval ? `${formatMetric(interval[0])} – ${formatMetric(interval[1])}` : '—',
      ];
      if (champion) {
        row.push(number(champion.metrics[name]), {
          html: escapeHtml(formatDelta(value, champion.metrics[name])),
          numeric: true,
        });
      }
      return row;
    });
    if (evaluation) {
      parts.push(
        `<p>${escapeHtml(evaluation.model)} on ${evaluation.rows} test rows (${escapeHtml(evaluation.task)}); chosen by ${escapeHtml(evaluation.primaryMetric)}.</p>`,
      );
    }
    if (champion) parts.push(`<p>Champion: <code>${escapeHtml(champion.source)}</code>.</p>`);
    parts.push(table(header, rows, ' id="metric-table"'));
  }
  if (evaluation && evaluation.candidates.length > 0) {
    const names = [...new Set(evaluation.candidates.flatMap((c) => Object.keys(c.metrics)))];
    parts.push(
      '<h3>Candidates</h3>',
      table(
        ['Model', `CV ${evaluation.primaryMetric}`, ...names, 'Chosen'],
        evaluation.candidates.map((c) => [
          escapeHtml(c.name),
          number(c.cvScore),
          ...names.map((name) => number(c.metrics[name])),
          c.chosen ? '✓ chosen' : '',
        ]),
        ' id="candidates"',
      ),
    );
  }
  if (data.metrics.length > 0) {
    const rows = data.metrics.flatMap(({ task, metrics }) =>
      Object.entries(metrics).map(([name, value]) => [
        escapeHtml(task),
        escapeHtml(name),
        number(value),
      ]),
    );
    parts.push(
      `<details${candidate ? '' : ' open'}><summary>Every metric, by task (${rows.length})</summary>`,
      table(['Task', 'Metric', 'Value'], rows),
      '</details>',
    );
  }
  return parts.length > 0 ? { id: 'metrics', title: 'Metrics', body: parts.join('\n') } : undefined;
}

function chartsSection(data: ReportData): Section | undefined {
  const evaluation = data.evaluation;
  if (!evaluation) return undefined;
  const charts = evaluationCharts(evaluation, data.champion?.evaluation);
  const slider = thresholdSlider(evaluation);
  if (charts.length === 0 && !slider) return undefined;
  return {
    id: 'charts',
    title: 'Charts',
    body: [
      data.champion?.evaluation
        ? '<p class="muted">Solid lines: this run. Dashed lines: the champion.</p>'
        : '',
      `<div class="charts">${charts.join('\n')}</div>`,
      slider ?? '',
    ]
      .filter(Boolean)
      .join('\n'),
  };
}

function importancesSection(data: ReportData): Section | undefined {
  const importances = data.evaluation?.featureImportances;
  if (!importances || importances.length === 0) return undefined;
  const top = importances.slice(0, 20);
  return {
    id: 'importances',
    title: 'Feature importances',
    body: [
      figure(
        barChartSvg({
          title: `Permutation importance${importances.length > top.length ? ` (top ${top.length} of ${importances.length})` : ''}`,
          xLabel: `Drop in ${data.evaluation?.primaryMetric ?? 'score'}`,
          bars: top.map((entry) => ({
            label: entry.feature,
            value: entry.importance,
            error: entry.std,
          })),
        }),
      ),
      `<details><summary>Every feature (${importances.length})</summary>`,
      table(
        ['Feature', 'Importance', 'Std'],
        importances.map((entry) => [
          escapeHtml(entry.feature),
          number(entry.importance),
          number(entry.std),
        ]),
      ),
      '</details>',
    ].join('\n'),
  };
}

function dataSection(data: ReportData): Section | undefined {
  const profile = data.data;
  if (!profile) return undefined;
  const split =
    profile.trainRows !== undefined && profile.testRows !== undefined
      ? ` (${profile.trainRows} to train, ${profile.testRows} to test)`
      : '';
  const parts = [
    `<p>${profile.rows} rows${split}, ${profile.columns.length} feature columns${profile.target ? `; target <code>${escapeHtml(profile.target)}</code>` : ''}${profile.task ? ` (${escapeHtml(profile.task)})` : ''}.</p>`,
  ];
  if (profile.classBalance) {
    const total = Object.values(profile.classBalance).reduce((sum, count) => sum + count, 0);
    parts.push(
      table(
        ['Class', 'Rows', 'Share'],
        Object.entries(profile.classBalance).map(([name, count]) => [
          escapeHtml(name),
          number(count),
          { html: total ? `${((100 * count) / total).toFixed(1)}%` : '—', numeric: true },
        ]),
        ' id="class-balance"',
      ),
    );
  }
  parts.push(
    table(
      ['Column', 'Type', 'Missing', 'Distinct'],
      profile.columns.map((column) => [
        escapeHtml(column.name),
        escapeHtml(column.kind),
        number(column.missing),
        number(column.distinct),
      ]),
      ' id="columns"',
    ),
  );
  if (profile.droppedColumns.length > 0) {
    parts.push(
      `<p>Dropped: ${profile.droppedColumns.map((column) => escapeHtml(column)).join('; ')}.</p>`,
    );
  }
  return { id: 'data', title: 'Data', body: parts.join('\n') };
}

function driftSection(data: ReportData): Section | undefined {
  const drift = data.drift;
  if (!drift) return undefined;
  const drifted = drift.filter((feature) => feature.drifted).length;
  return {
    id: 'drift',
    title: 'Drift',
    body: [
      `<p>${drifted} of ${drift.length} features drifted.</p>`,
      table(
        ['Feature', 'Type', 'Method', 'Statistic', 'Threshold', 'p-value', 'Drifted', 'Reason'],
        drift.map((feature) => [
          escapeHtml(feature.feature),
          escapeHtml(feature.kind),
          escapeHtml(feature.method),
          number(feature.statistic),
          number(feature.threshold),
          number(feature.pValue),
          feature.drifted ? '<strong>⚠ yes</strong>' : 'no',
          escapeHtml(feature.reason),
        ]),
        ' id="drift-table"',
      ),
    ].join('\n'),
  };
}

function parametersSection(data: ReportData): Section {
  const rows = (values: Readonly<Record<string, unknown>>) =>
    Object.entries(values).map(([name, value]) => [
      `<code>${escapeHtml(name)}</code>`,
      `<code>${escapeHtml(renderParameter(value as never))}</code>`,
    ]);
  const outputs = Object.keys(data.run.outputs).length;
  return {
    id: 'parameters',
    title: 'Parameters',
    body: [
      table(['Parameter', 'Value'], rows(data.run.parameters), ' id="parameter-table"'),
      outputs > 0 ? `<h3>Outputs</h3>\n${table(['Output', 'Value'], rows(data.run.outputs))}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
  };
}

function factsSection(data: ReportData): Section | undefined {
  if (data.facts.length === 0) return undefined;
  return {
    id: 'facts',
    title: 'Facts',
    body: `<table class="facts" id="fact-table">${data.facts.map((fact) => `<tr><th scope="row">${escapeHtml(fact.label)}</th><td><code>${escapeHtml(fact.value)}</code></td></tr>`).join('')}</table>`,
  };
}

function warningsSection(data: ReportData): Section | undefined {
  if (data.warnings.length === 0) return undefined;
  return {
    id: 'warnings',
    title: 'Warnings',
    body: `<ul id="warning-list">${data.warnings.map((warning) => `<li class="warning">⚠ ${escapeHtml(warning)}</li>`).join('')}</ul>`,
  };
}

const STYLE = `
nav.toc ul{display:flex;flex-wrap:wrap;gap:4px 16px;list-style:none;padding:0;margin:0 0 8px}
table.facts th{width:14em}
figure.chart{margin:0}
figure.dag{overflow-x:auto;max-width:100%}
#threshold{margin:8px 0}
#threshold input{width:320px;vertical-align:middle}
details{margin:8px 0}
`;

/** What the run browser puts around a report it serves; a report file has none of it. */
export interface ReportFrame {
  /** Before the report (a navigation bar). */
  readonly before?: string;
  /** After the report's sections, inside its main. */
  readonly after?: string;
  /** More elements for the head (a refresh while the run is going). */
  readonly head?: string;
}

/** The whole report: a self-contained page, sections in a fixed order with a table of contents. */
export function renderReportHtml(data: ReportData, frame: ReportFrame = {}): string {
  const sections = [
    summarySection(data),
    pipelineSection(data),
    metricsSection(data),
    chartsSection(data),
    importancesSection(data),
    dataSection(data),
    driftSection(data),
    parametersSection(data),
    factsSection(data),
    warningsSection(data),
  ].filter((section): section is Section => section !== undefined);
  const { verdict } = data;
  const body = [
    frame.before ?? '',
    '<main>',
    `<h1>${escapeHtml(data.run.pipeline)} · <span class="muted">${escapeHtml(data.run.id)}</span></h1>`,
    `<p class="headline ${verdict.passed ? 'pass' : 'fail'}" id="headline">${verdict.passed ? '✓' : '✗'} ${escapeHtml(verdict.headline)}</p>`,
    `<nav class="toc" aria-label="Contents"><ul>${sections.map((section) => `<li><a href="#${section.id}">${section.title}</a></li>`).join('')}</ul></nav>`,
    ...sections.map(
      (section) =>
        `<section id="${section.id}" aria-labelledby="${section.id}-title">\n<h2 id="${section.id}-title">${section.title}</h2>\n${section.body}\n</section>`,
    ),
    frame.after ?? '',
    '</main>',
  ]
    .filter((part) => part !== '')
    .join('\n');
  return htmlPage({
    title: `${data.run.pipeline} ${data.run.id}: ${verdict.headline}`,
    body,
    style: STYLE,
    ...(frame.head ? { head: frame.head } : {}),
    ...(data.evaluation && thresholdData(data.evaluation) ? { script: SLIDER_SCRIPT } : {}),
  });
}
