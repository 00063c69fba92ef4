import type { ASTNode } from '@marcbachmann/cel-js';

/**
 * Visits a parsed CEL expression (cel-js's AST) depth first; `visit` returning 'skip' leaves
 * that node's children out. The gate rules and the workload identity condition both read ASTs.
 */
export function walkCel(node: ASTNode, visit: (node: ASTNode) => 'skip' | undefined | void): void {
  if (visit(node) === 'skip') return;
  const children: unknown[] = Array.isArray(node.args) ? node.args : [node.args];
  for (const child of children.flat(2)) {
    if (child !== null && typeof child === 'object' && 'op' in child)
      walkCel(child as ASTNode, visit);
  }
}
