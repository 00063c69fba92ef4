// `npm run bench -- --only svg`: how long the run report's static SVG takes to draw.
import type { DagEdge, DagNode } from '../src/core/run-report/report-model.js';
import { lineChartSvg } from '../src/core/run-report/svg/charts.js';
import { dagSvg } from '../src/core/run-report/svg/dag-svg.js';
import { downsampleCurve } from '../src/core/run-report/svg/downsample.js';
import { rocCurve } from '../tests/core/run-report/svg/sample-report.js';
import { median, timed } from './measure.js';

const ROUNDS = 30;

/** A wide pipeline: `groups` sub-DAGs of `perGroup` chained tasks, each fed by one shared task. */
function wideDag(groups: number, perGroup: number): { nodes: DagNode[]; edges: DagEdge[] } {
  const nodes: DagNode[] = [
    { id: 'prepare', label: 'prepare', state: 'SUCCEEDED', cached: false, group: false },
  ];
  const edges: DagEdge[] = [];
  for (let group = 0; group < groups; group++) {
    const id = `for-loop-${group}`;
    nodes.push({ id, label: id, state: 'SUCCEEDED', cached: false, group: true });
    edges.push({ from: 'prepare', to: id });
    for (let task = 0; task < perGroup; task++) {
      const taskId = `${id}/train-candidate-${task}`;
      nodes.push({
        id: taskId,
        label: `train-candidate-${task}`,
        state: 'SUCCEEDED',
        durationMs: 61_000 * task,
        cached: task % 2 === 0,
        group: false,
        parent: id,
      });
      if (task > 0) edges.push({ from: `${id}/train-candidate-${task - 1}`, to: taskId });
    }
  }
  return { nodes, edges };
}

async function medianOf(work: () => unknown): Promise<number> {
  await work();
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) times.push(await timed(work));
  return median(times);
}

/** The rows for BENCHMARKS.md: each names what it drew and how big the SVG is. */
export async function reportSvgRows(): Promise<string[][]> {
  const dag = wideDag(6, 10);
  const dagBytes = dagSvg(dag).length;
  const dagMs = await medianOf(() => dagSvg(dag));

  const curves = Array.from({ length: 10 }, (_, run) => rocCurve(`run ${run}`, 100_000, 2 + run));
  const downsampleMs = await medianOf(() => curves.map((curve) => downsampleCurve(curve)));
  const series = curves.map((curve) => {
    const thin = downsampleCurve(curve);
    return {
      label: thin.label,
      points: thin.x.map((x, index) => [x, thin.y[index] ?? NaN] as const),
    };
  });
  const spec = {
    title: 'ROC curve',
    xLabel: 'FPR',
    yLabel: 'TPR',
    series,
    xDomain: [0, 1] as const,
    yDomain: [0, 1] as const,
    diagonal: true,
  };
  const chartBytes = lineChartSvg(spec).length;
  const chartMs = await medianOf(() => lineChartSvg(spec));

  const rows = [
    [
      `Report SVG: DAG of 60 tasks in 6 sub-DAGs, laid out by dagre (median of ${ROUNDS})`,
      `${dagMs.toFixed(1)} ms`,
      '',
      '',
      `${(dagBytes / 1024).toFixed(0)} KB of SVG`,
    ],
    [
      `Report SVG: downsample 10 ROC curves of 100,000 points to 500 each (median of ${ROUNDS})`,
      `${downsampleMs.toFixed(1)} ms`,
      '',
      '',
      'Largest-Triangle-Three-Buckets; thresholds kept with their points',
    ],
    [
      `Report SVG: line chart of 10 runs × 500 points (median of ${ROUNDS})`,
      `${chartMs.toFixed(1)} ms`,
      '',
      '',
      `${(chartBytes / 1024).toFixed(0)} KB of SVG`,
    ],
  ];
  for (const row of rows) console.log(`${row[0]}: ${row[1]} (${row[4]})`);
  return rows;
}
