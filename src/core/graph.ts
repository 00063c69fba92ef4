/**
 * Dependency graphs as the validator, the compiler, the local runner and the report see them:
 * each node mapped to the nodes it depends on. Edges to nodes that are not keys are ignored
 * (a reference to an undefined task is reported elsewhere, not as a cycle).
 */
export type DependencyGraph = ReadonlyMap<string, Iterable<string>>;

/**
 * Each cycle a depth-first search (in key order) meets, as `[a, b, a]`, once per set of
 * nodes; the first is the one a search that stops early would name.
 */
export function findCycles(graph: DependencyGraph): string[][] {
  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const visit = (node: string): void => {
    state.set(node, 'active');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'active') {
        const cycle = [...stack.slice(stack.indexOf(next)), next];
        const identity = [...new Set(cycle)].sort().join('\u0000');
        if (!seen.has(identity)) {
          seen.add(identity);
          cycles.push(cycle);
        }
      } else if (!state.has(next) && graph.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

/**
 * Every node after the nodes it depends on, the smallest by `compare` first among those
 * ready. A cycle places its smallest remaining node next instead of stopping: a reader's
 * order for a graph already checked (or past checking).
 */
export function topologicalOrder(
  graph: DependencyGraph,
  compare: (a: string, b: string) => number,
): string[] {
  const remaining = [...graph.keys()].sort(compare);
  const placed = new Set<string>();
  const ordered: string[] = [];
  while (remaining.length > 0) {
    const index = remaining.findIndex((node) =>
      [...(graph.get(node) ?? [])].every(
        (upstream) => placed.has(upstream) || !graph.has(upstream),
      ),
    );
    const [next = ''] = remaining.splice(Math.max(index, 0), 1);
    placed.add(next);
    ordered.push(next);
  }
  return ordered;
}
