import { describe, expect, it } from 'vitest';
import type { ReportDag } from '../../../../src/core/run-report/report-model.js';
import { dagSvg } from '../../../../src/core/run-report/svg/dag-svg.js';
import { elementsWithClass, SAMPLE_DAG, unbalancedTags } from './sample-report.js';

interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The first `<rect>` after each `<g class="…" data-id="…">`: the box drawn for that id. */
function boxes(svg: string, className: string): Map<string, Rect> {
  const found = new Map<string, Rect>();
  const pattern = new RegExp(
    `<g class="${className}" data-id="([^"]*)"[^>]*>.*?<rect x="([\\d.-]+)" y="([\\d.-]+)" width="([\\d.-]+)" height="([\\d.-]+)"`,
    'gs',
  );
  for (const [, id = '', x, y, width, height] of svg.matchAll(pattern))
    found.set(id, { x: Number(x), y: Number(y), width: Number(width), height: Number(height) });
  return found;
}

const contains = (outer: Rect, inner: Rect): boolean =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

describe('dagSvg', () => {
  const svg = dagSvg(SAMPLE_DAG);

  it('draws every task, sub-DAG and edge with its data attributes', () => {
    const tasks = SAMPLE_DAG.nodes.filter((node) => !node.group);
    expect(elementsWithClass(svg, 'g', 'dag-node')).toEqual(
      tasks.map((node) => ({
        class: 'dag-node',
        'data-id': node.id,
        'data-state': node.state,
        tabindex: '0',
      })),
    );
    expect(elementsWithClass(svg, 'g', 'dag-group').map((group) => group['data-id'])).toEqual([
      'condition-1',
      'condition-1/for-loop-2',
    ]);
    const edges = elementsWithClass(svg, 'path', 'dag-edge');
    expect(edges.map((edge) => [edge['data-from'], edge['data-to']])).toEqual(
      SAMPLE_DAG.edges.map((edge) => [edge.from, edge.to]),
    );
    const marker = /<marker id="([^"]+)"/.exec(svg)?.[1];
    for (const edge of edges) {
      expect(edge['marker-end']).toBe(`url(#${marker})`);
      expect(edge.d).toMatch(/^M[\d.]+,[\d.]+[CL]/);
    }
    expect(unbalancedTags(svg)).toEqual([]);
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('says each state with a mark and the duration, not by colour alone', () => {
    const statuses = [...svg.matchAll(/<text class="status"[^>]*>([^<]*)<\/text>/g)].map(
      ([, text]) => text,
    );
    expect(statuses).toEqual([
      '✓ 850 ms (cached)',
      '✓ 12.3 s',
      '✓ 4 m 05 s',
      '✗ 4.1 s',
      '↷ skipped',
      '● running',
      '⊘ 1 h 02 m',
      '– not triggered',
      '– pending',
    ]);
    expect(svg).toContain('<title>load-data — succeeded — 850 ms — cached</title>');
  });

  it('puts each sub-DAG around its tasks and inner sub-DAGs, and no task inside a sub-DAG it is not in', () => {
    const groups = boxes(svg, 'dag-group');
    const tasks = boxes(svg, 'dag-node');
    expect(tasks.size).toBe(9);
    for (const node of SAMPLE_DAG.nodes.filter((candidate) => candidate.parent !== undefined)) {
      const parent = groups.get(node.parent ?? '');
      const box = (node.group ? groups : tasks).get(node.id);
      expect(parent && box && contains(parent, box), `${node.id} in ${node.parent}`).toBe(true);
    }
    const outside = SAMPLE_DAG.nodes.filter((node) => !node.group && node.parent === undefined);
    for (const node of outside) {
      const box = tasks.get(node.id);
      for (const group of groups.values())
        expect(box && contains(group, box), `${node.id} outside`).toBe(false);
    }
  });

  it('ranks a sub-DAG after the task feeding it and before the task it feeds', () => {
    const groups = boxes(svg, 'dag-group');
    const tasks = boxes(svg, 'dag-node');
    const condition = groups.get('condition-1');
    const evaluate = tasks.get('evaluate');
    const notify = tasks.get('notify');
    expect(condition && evaluate && evaluate.x + evaluate.width < condition.x).toBe(true);
    expect(condition && notify && condition.x + condition.width < notify.x).toBe(true);
  });

  it('links a task to its log or console page, never to a script URL', () => {
    expect(svg).toContain('<a href="logs/preprocess.log"><g class="dag-node" data-id="preprocess"');
    expect(svg).toContain(
      '<a href="https://console.cloud.google.com/vertex-ai"><g class="dag-node" data-id="train"',
    );
    const hostile = dagSvg({
      nodes: [
        {
          id: 'a',
          label: 'a',
          state: 'FAILED',
          cached: false,
          group: false,
          link: 'JavaScript:alert(1)',
        },
      ],
      edges: [],
    });
    expect(hostile).not.toContain('<a ');
    expect(hostile).not.toContain('alert');
  });

  it('gives the same bytes for the same graph, and other IDs for another title', () => {
    expect(dagSvg(SAMPLE_DAG)).toBe(svg);
    const markerOf = (text: string): string | undefined => /<marker id="([^"]+)"/.exec(text)?.[1];
    expect(markerOf(dagSvg(SAMPLE_DAG, { title: 'Champion run' }))).not.toBe(markerOf(svg));
  });

  it('escapes ids, labels, links and the title', () => {
    const hostile: ReportDag = {
      nodes: [
        {
          id: '<script>alert("x")</script>',
          label: `Tom's "A&B" <b>`,
          state: 'SUCCEEDED',
          cached: false,
          group: false,
          link: 'logs/a"b&c.log',
        },
        {
          id: 'g&"',
          label: '<img src=x onerror=alert(1)>',
          state: 'SUCCEEDED',
          cached: false,
          group: true,
        },
        {
          id: 'child',
          label: 'child',
          state: 'RUNNING',
          cached: false,
          group: false,
          parent: 'g&"',
        },
      ],
      edges: [{ from: '<script>alert("x")</script>', to: 'g&"' }],
    };
    const escaped = dagSvg(hostile, { title: '<script>' });
    expect(escaped).not.toMatch(/<script|<b>|<img|"A&B"|a"b|g&"/);
    expect(escaped).toContain('data-id="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"');
    expect(escaped).toContain('Tom&#39;s &quot;A&amp;B&quot; &lt;b&gt;');
    expect(escaped).toContain('href="logs/a&quot;b&amp;c.log"');
    expect(unbalancedTags(escaped)).toEqual([]);
  });

  it('draws an empty graph as a note, and skips edges to tasks it does not have', () => {
    expect(dagSvg({ nodes: [], edges: [] })).toContain('>no tasks</text>');
    const partial = dagSvg({
      nodes: [
        { id: 'a', label: 'a', state: 'SUCCEEDED', cached: false, group: false, parent: 'gone' },
      ],
      edges: [
        { from: 'a', to: 'missing' },
        { from: 'a', to: 'a' },
      ],
    });
    expect(elementsWithClass(partial, 'path', 'dag-edge')).toEqual([]);
    expect(elementsWithClass(partial, 'g', 'dag-node')).toHaveLength(1);
  });

  it('cuts a very long label and keeps the whole of it in a tooltip', () => {
    const label = 'x'.repeat(120);
    const long = dagSvg({
      nodes: [{ id: 'long', label, state: 'SUCCEEDED', cached: false, group: false }],
      edges: [],
    });
    expect(long).toContain(`<title>${label}</title>`);
    expect(long).toMatch(/>x+…<\/text>/);
    const width = Number(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)"/.exec(long)?.[1]);
    expect(width).toBeLessThan(300);
  });
});
