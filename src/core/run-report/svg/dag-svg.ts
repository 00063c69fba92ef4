import dagre from '@dagrejs/dagre';
import { curveBasis, line } from 'd3-shape';
import type { TaskState } from '../../run-record.js';
import { escapeHtml } from '../html-page.js';
import type { DagNode, ReportDag } from '../report-model.js';
import { formatDuration } from '../../duration.js';
import { fitText, idPrefix, num, svgText, textWidth } from './svg-text.js';

/**
 * The pipeline's DAG as static SVG, laid out left to right by dagre: tasks as boxes saying their
 * name, a state mark and their duration (state is never told by colour alone), sub-DAGs as
 * labelled boxes around their tasks, edges as arrows. Links open a task's log or console page.
 */

interface StateStyle {
  readonly mark: string;
  readonly word: string;
  /** Border: ≥ 3:1 against white. */
  readonly border: string;
  /** Status text: ≥ 4.5:1 against the fill. */
  readonly text: string;
  readonly fill: string;
  readonly dashed: boolean;
}

const STATE_STYLES: Readonly<Record<TaskState, StateStyle>> = {
  SUCCEEDED: {
    mark: '✓',
    word: 'succeeded',
    border: '#1a7f37',
    text: '#116329',
    fill: '#f0fff4',
    dashed: false,
  },
  FAILED: {
    mark: '✗',
    word: 'failed',
    border: '#cf222e',
    text: '#a40e26',
    fill: '#fff5f5',
    dashed: false,
  },
  RUNNING: {
    mark: '●',
    word: 'running',
    border: '#0969da',
    text: '#0550ae',
    fill: '#f1f8ff',
    dashed: false,
  },
  SKIPPED: {
    mark: '↷',
    word: 'skipped',
    border: '#6e7781',
    text: '#57606a',
    fill: '#ffffff',
    dashed: true,
  },
  NOT_TRIGGERED: {
    mark: '–',
    word: 'not triggered',
    border: '#6e7781',
    text: '#57606a',
    fill: '#ffffff',
    dashed: true,
  },
  PENDING: {
    mark: '–',
    word: 'pending',
    border: '#6e7781',
    text: '#57606a',
    fill: '#ffffff',
    dashed: true,
  },
  CANCELLED: {
    mark: '⊘',
    word: 'cancelled',
    border: '#9a6700',
    text: '#7d4e00',
    fill: '#fffbeb',
    dashed: false,
  },
};

const LABEL_FONT = 13;
const STATUS_FONT = 12;
const LABEL_MAX = 220;
const PADDING_X = 12;
const NODE_HEIGHT = 46;
const GROUP_PADDING = 12;
const GROUP_LABEL_HEIGHT = 18;
const GROUP_BORDER = '#6e7781';

interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

function statusLine(node: DagNode): string {
  const style = STATE_STYLES[node.state];
  const duration = formatDuration(node.durationMs);
  return [style.mark, duration || style.word, node.cached ? '(cached)' : '']
    .filter((part) => part !== '')
    .join(' ');
}

function tooltip(node: DagNode): string {
  const duration = formatDuration(node.durationMs);
  return [node.id, STATE_STYLES[node.state].word, duration, node.cached ? 'cached' : '']
    .filter((part) => part !== '')
    .join(' — ');
}

/** Only links a report may hold: relative paths, file://, http(s); never `javascript:`. */
function safeLink(link: string | undefined): string | undefined {
  if (link === undefined || link === '') return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(link)?.[1]?.toLowerCase();
  return scheme === undefined || ['http', 'https', 'file'].includes(scheme) ? link : undefined;
}

function nodeSize(node: DagNode): { width: number; height: number } {
  const label = fitText(node.label, LABEL_MAX, LABEL_FONT, true);
  const width = Math.max(
    textWidth(label, LABEL_FONT, true),
    textWidth(statusLine(node), STATUS_FONT),
    48,
  );
  return { width: Math.ceil(width + 2 * PADDING_X), height: NODE_HEIGHT };
}

/**
 * Where edges into and out of a group attach for the layout: the group's tasks (however deep)
 * that no edge from inside the group reaches (its entries), or that lead nowhere inside it (its
 * exits). Attaching to every task instead would stretch long edges across the group's ranks,
 * which makes dagre several times slower and the drawing no clearer.
 */
function groupPorts(
  dag: ReportDag,
  parentOf: ReadonlyMap<string, string>,
): (group: string, side: 'entries' | 'exits') => string[] {
  const isUnder = (id: string, group: string): boolean => {
    for (let parent = parentOf.get(id); parent !== undefined; parent = parentOf.get(parent))
      if (parent === group) return true;
    return false;
  };
  // A task and the groups holding it, below `group`: an edge to any of them reaches the task.
  const chainBelow = (id: string, group: string): string[] => {
    const chain = [id];
    for (
      let parent = parentOf.get(id);
      parent !== undefined && parent !== group;
      parent = parentOf.get(parent)
    )
      chain.push(parent);
    return chain;
  };
  return (group, side) => {
    const tasks = dag.nodes
      .filter((node) => !node.group && isUnder(node.id, group))
      .map((node) => node.id);
    const ports = tasks.filter((task) => {
      const chain = chainBelow(task, group);
      return !dag.edges.some((edge) =>
        side === 'entries'
          ? chain.includes(edge.to) && isUnder(edge.from, group)
          : chain.includes(edge.from) && isUnder(edge.to, group),
      );
    });
    // Inside a cycle every task has a neighbour: attach to them all.
    return ports.length > 0 ? ports : tasks;
  };
}

/** A node as dagre places it: its centre and size. */
interface LaidOutBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The part of dagre's graph this module uses. */
interface Layout {
  setGraph(label: object): void;
  setDefaultEdgeLabel(label: () => object): void;
  setNode(id: string, label: object): void;
  setParent(child: string, parent: string): void;
  setEdge(from: string, to: string): void;
  node(id: string): LaidOutBox | undefined;
  edge(from: string, to: string): { readonly points?: { x: number; y: number }[] } | undefined;
}

// dagre's bundled declarations re-export graphlib through extensionless paths, which NodeNext
// resolution cannot follow (its types come out as `any`): typed here for what is used.
const layoutLibrary = dagre as unknown as {
  readonly graphlib: { readonly Graph: new (options: { compound: boolean }) => Layout };
  layout(graph: Layout): void;
};

/**
 * Dagre cannot route an edge that ends on a cluster, so for the layout such an edge is attached
 * to the group's entry or exit tasks (so the group ranks after its source and before its
 * target); it is drawn to the group's box afterwards.
 */
function layoutGraph(
  dag: ReportDag,
  parentOf: ReadonlyMap<string, string>,
  isGroup: (id: string) => boolean,
): Layout {
  const graph: Layout = new layoutLibrary.graphlib.Graph({ compound: true });
  graph.setGraph({ rankdir: 'LR', nodesep: 28, ranksep: 56, marginx: 16, marginy: 16 });
  graph.setDefaultEdgeLabel(() => ({}));
  const hasChildren = new Set(parentOf.values());
  for (const node of dag.nodes) {
    // A group without tasks is laid out as a box of its own.
    if (node.group && hasChildren.has(node.id)) graph.setNode(node.id, {});
    else if (node.group)
      graph.setNode(node.id, {
        width: Math.ceil(textWidth(node.label, STATUS_FONT) + 2 * PADDING_X),
        height: NODE_HEIGHT,
      });
    else graph.setNode(node.id, nodeSize(node));
  }
  for (const [child, parent] of parentOf) graph.setParent(child, parent);
  const ports = groupPorts(dag, parentOf);
  const endpoints = (id: string, side: 'entries' | 'exits'): string[] =>
    isGroup(id) && hasChildren.has(id) ? ports(id, side) : [id];
  for (const edge of dag.edges) {
    for (const from of endpoints(edge.from, 'exits'))
      for (const to of endpoints(edge.to, 'entries')) if (from !== to) graph.setEdge(from, to);
  }
  layoutLibrary.layout(graph);
  return graph;
}

function boxOf(graph: Layout, id: string): Rect {
  const label = graph.node(id) ?? { x: 0, y: 0, width: 0, height: 0 };
  return {
    x: label.x - label.width / 2,
    y: label.y - label.height / 2,
    width: label.width,
    height: label.height,
  };
}

function union(rects: readonly Rect[]): Rect {
  const left = Math.min(...rects.map((rect) => rect.x));
  const top = Math.min(...rects.map((rect) => rect.y));
  const right = Math.max(...rects.map((rect) => rect.x + rect.width));
  const bottom = Math.max(...rects.map((rect) => rect.y + rect.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** The pipeline's DAG: every task, sub-DAG and edge, laid out left to right. */
export function dagSvg(dag: ReportDag, options?: { readonly title?: string }): string {
  const title = options?.title ?? 'Pipeline graph';
  const prefix = idPrefix('dag', title, dag);
  const titleId = `${prefix}-title`;
  const ids = new Set(dag.nodes.map((node) => node.id));
  const groups = new Set(dag.nodes.filter((node) => node.group).map((node) => node.id));
  if (ids.size === 0) {
    return `<svg class="dag" role="img" aria-labelledby="${titleId}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 40" width="240" height="40"><title id="${titleId}">${escapeHtml(title)}</title><text x="8" y="24" font-size="${STATUS_FONT}" fill="#59636e">no tasks</text></svg>`;
  }
  // A parent that is not a sub-DAG of this graph is ignored: the task is drawn at the top level.
  const parentOf = new Map<string, string>();
  for (const node of dag.nodes)
    if (node.parent !== undefined && groups.has(node.parent) && node.parent !== node.id)
      parentOf.set(node.id, node.parent);
  const edges = dag.edges.filter(
    (edge) => ids.has(edge.from) && ids.has(edge.to) && edge.from !== edge.to,
  );
  const graph = layoutGraph({ nodes: dag.nodes, edges }, parentOf, (id) => groups.has(id));

  // Group boxes: dagre's cluster box, grown to hold a label row above the tasks; inner groups
  // first, so an outer group holds its inner groups' grown boxes.
  const depth = (id: string): number => {
    let levels = 0;
    for (let parent = parentOf.get(id); parent !== undefined; parent = parentOf.get(parent))
      levels += 1;
    return levels;
  };
  const boxes = new Map<string, Rect>();
  for (const node of dag.nodes) if (!node.group) boxes.set(node.id, boxOf(graph, node.id));
  const groupOrder = dag.nodes
    .filter((node) => node.group)
    .sort((a, b) => depth(b.id) - depth(a.id));
  for (const group of groupOrder) {
    const children = [...parentOf]
      .filter(([, parent]) => parent === group.id)
      .map(([child]) => boxes.get(child));
    const childBoxes = children.filter((rect): rect is Rect => rect !== undefined);
    if (childBoxes.length === 0) {
      boxes.set(group.id, boxOf(graph, group.id));
      continue;
    }
    const inner = union(childBoxes);
    const labelWidth = textWidth(
      fitText(group.label, LABEL_MAX, STATUS_FONT, true),
      STATUS_FONT,
      true,
    );
    const grown: Rect = {
      x: inner.x - GROUP_PADDING,
      y: inner.y - GROUP_PADDING - GROUP_LABEL_HEIGHT,
      width: Math.max(inner.width + 2 * GROUP_PADDING, labelWidth + 2 * GROUP_PADDING),
      height: inner.height + 2 * GROUP_PADDING + GROUP_LABEL_HEIGHT,
    };
    boxes.set(group.id, grown);
  }

  const all = union([...boxes.values()]);
  const shiftX = 16 - all.x;
  const shiftY = 16 - all.y;
  const width = all.width + 32;
  const height = all.height + 32;
  const at = (rect: Rect): Rect => ({ ...rect, x: rect.x + shiftX, y: rect.y + shiftY });
  const markerId = `${prefix}-arrow`;
  const curve = line<{ x: number; y: number }>()
    .x((point) => Math.round((point.x + shiftX) * 100) / 100)
    .y((point) => Math.round((point.y + shiftY) * 100) / 100)
    .curve(curveBasis)
    .digits(2);

  const parts: string[] = [
    `<svg class="dag" role="group" aria-labelledby="${titleId}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${num(width)} ${num(height)}" width="${num(width)}" height="${num(height)}">`,
    `<title id="${titleId}">${escapeHtml(title)}</title>`,
    `<defs><marker id="${markerId}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#59636e"/></marker></defs>`,
  ];
  // Outer groups first, so inner groups and tasks are drawn over them.
  for (const group of [...groupOrder].reverse()) {
    const rect = at(boxes.get(group.id) ?? { x: 0, y: 0, width: 0, height: 0 });
    parts.push(
      `<g class="dag-group" data-id="${escapeHtml(group.id)}">`,
      `<title>${escapeHtml(group.id)}</title>`,
      `<rect x="${num(rect.x)}" y="${num(rect.y)}" width="${num(rect.width)}" height="${num(rect.height)}" rx="6" fill="#f6f8fa" fill-opacity="0.6" stroke="${GROUP_BORDER}" stroke-dasharray="5 3"/>`,
      svgText(
        group.label,
        `x="${num(rect.x + 8)}" y="${num(rect.y + 15)}" font-size="${STATUS_FONT}" font-weight="600" fill="#57606a"`,
        {
          maxWidth: rect.width - 16,
          fontSize: STATUS_FONT,
          bold: true,
        },
      ),
      '</g>',
    );
  }
  for (const edge of edges) {
    const layoutEdge = graph.edge(edge.from, edge.to);
    let d: string | null;
    if (!groups.has(edge.from) && !groups.has(edge.to) && layoutEdge?.points) {
      d = curve(layoutEdge.points);
    } else {
      // An edge to or from a group box: a smooth curve from the right side to the left side.
      const from = boxes.get(edge.from);
      const to = boxes.get(edge.to);
      if (!from || !to) continue;
      const start = { x: from.x + from.width, y: from.y + from.height / 2 };
      const end = { x: to.x, y: to.y + to.height / 2 };
      const bend = Math.max(20, (end.x - start.x) / 2);
      d = `M${num(start.x + shiftX)},${num(start.y + shiftY)}C${num(start.x + bend + shiftX)},${num(start.y + shiftY)} ${num(end.x - bend + shiftX)},${num(end.y + shiftY)} ${num(end.x + shiftX)},${num(end.y + shiftY)}`;
    }
    parts.push(
      `<path class="dag-edge" data-from="${escapeHtml(edge.from)}" data-to="${escapeHtml(edge.to)}" marker-end="url(#${markerId})" d="${d ?? ''}" fill="none" stroke="#59636e" stroke-width="1.5"/>`,
    );
  }
  for (const node of dag.nodes) {
    if (node.group) continue;
    const rect = at(boxes.get(node.id) ?? { x: 0, y: 0, width: 0, height: 0 });
    const style = STATE_STYLES[node.state];
    const link = safeLink(node.link);
    const center = rect.x + rect.width / 2;
    const task = [
      `<g class="dag-node" data-id="${escapeHtml(node.id)}" data-state="${node.state}" tabindex="0">`,
      `<title>${escapeHtml(tooltip(node))}</title>`,
      `<rect x="${num(rect.x)}" y="${num(rect.y)}" width="${num(rect.width)}" height="${num(rect.height)}" rx="4" fill="${style.fill}" stroke="${style.border}" stroke-width="1.5"${style.dashed ? ' stroke-dasharray="4 2"' : ''}/>`,
      svgText(
        node.label,
        `class="label" x="${num(center)}" y="${num(rect.y + 19)}" text-anchor="middle" font-size="${LABEL_FONT}" font-weight="600" fill="#1f2328"`,
        {
          maxWidth: LABEL_MAX,
          fontSize: LABEL_FONT,
          bold: true,
        },
      ),
      `<text class="status" x="${num(center)}" y="${num(rect.y + 36)}" text-anchor="middle" font-size="${STATUS_FONT}" fill="${style.text}">${escapeHtml(statusLine(node))}</text>`,
      '</g>',
    ].join('');
    parts.push(link ? `<a href="${escapeHtml(link)}">${task}</a>` : task);
  }
  parts.push('</svg>');
  return parts.join('\n');
}
