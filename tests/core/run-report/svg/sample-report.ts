import type { Curve, ReportDag } from '../../../../src/core/run-report/report-model.js';

/**
 * A pipeline shaped like the reference one: tasks in every state, a condition holding a loop
 * (a sub-DAG inside a sub-DAG), and edges into and out of the condition's box.
 */
export const SAMPLE_DAG: ReportDag = {
  nodes: [
    {
      id: 'load-data',
      label: 'load-data',
      state: 'SUCCEEDED',
      durationMs: 850,
      cached: true,
      group: false,
    },
    {
      id: 'preprocess',
      label: 'preprocess',
      state: 'SUCCEEDED',
      durationMs: 12_300,
      cached: false,
      group: false,
      link: 'logs/preprocess.log',
    },
    {
      id: 'train',
      label: 'train-model-with-hyperparameter-search',
      state: 'SUCCEEDED',
      durationMs: 245_000,
      cached: false,
      group: false,
      link: 'https://console.cloud.google.com/vertex-ai',
    },
    {
      id: 'evaluate',
      label: 'evaluate',
      state: 'FAILED',
      durationMs: 4_100,
      cached: false,
      group: false,
    },
    {
      id: 'condition-1',
      label: 'condition-1: passed == true',
      state: 'SUCCEEDED',
      cached: false,
      group: true,
    },
    {
      id: 'condition-1/package-model',
      label: 'package-model',
      state: 'SKIPPED',
      cached: false,
      group: false,
      parent: 'condition-1',
    },
    {
      id: 'condition-1/for-loop-2',
      label: 'for-loop-2',
      state: 'RUNNING',
      cached: false,
      group: true,
      parent: 'condition-1',
    },
    {
      id: 'condition-1/for-loop-2/score-batch',
      label: 'score-batch',
      state: 'RUNNING',
      cached: false,
      group: false,
      parent: 'condition-1/for-loop-2',
    },
    {
      id: 'condition-1/deploy',
      label: 'deploy',
      state: 'CANCELLED',
      durationMs: 3_723_000,
      cached: false,
      group: false,
      parent: 'condition-1',
    },
    { id: 'notify', label: 'notify', state: 'NOT_TRIGGERED', cached: false, group: false },
    { id: 'cleanup', label: 'cleanup', state: 'PENDING', cached: false, group: false },
  ],
  edges: [
    { from: 'load-data', to: 'preprocess' },
    { from: 'preprocess', to: 'train' },
    { from: 'train', to: 'evaluate' },
    { from: 'evaluate', to: 'condition-1' },
    { from: 'condition-1/package-model', to: 'condition-1/for-loop-2' },
    { from: 'condition-1/package-model', to: 'condition-1/deploy' },
    { from: 'condition-1', to: 'notify' },
    { from: 'preprocess', to: 'cleanup' },
  ],
};

/** A ROC-like curve of `points` points: x rising from 0 to 1, thresholds falling. */
export function rocCurve(label: string, points: number, sharpness = 3): Curve {
  const x = Array.from({ length: points }, (_, index) => index / (points - 1));
  return {
    label,
    x,
    y: x.map((value) => 1 - (1 - value) ** sharpness),
    thresholds: x.map((value) => 1 - value),
  };
}

/** The open tags left unclosed (or closed out of order) in an SVG string; empty when well formed. */
export function unbalancedTags(svg: string): string[] {
  const open: string[] = [];
  const problems: string[] = [];
  for (const match of svg.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g)) {
    const [, closing, name = '', selfClosing] = match;
    if (selfClosing) continue;
    if (!closing) open.push(name);
    else if (open.pop() !== name) problems.push(`</${name}>`);
  }
  return [...problems, ...open];
}

/** The attributes of every `<tag>` having all of `className`'s classes, in order. */
export function elementsWithClass(
  svg: string,
  tag: string,
  className: string,
): Record<string, string>[] {
  const elements: Record<string, string>[] = [];
  for (const match of svg.matchAll(new RegExp(`<${tag} ([^>]*)>`, 'g'))) {
    const attributes = Object.fromEntries(
      [...(match[1] ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)].map(([, name = '', value = '']) => [
        name,
        value,
      ]),
    );
    const classes = (attributes.class ?? '').split(' ');
    if (className.split(' ').every((name) => classes.includes(name))) elements.push(attributes);
  }
  return elements;
}
