import { Environment, type ASTNode } from '@marcbachmann/cel-js';
import { walkCel } from '../cel-ast.js';

/**
 * The CEL side of checking a provider's condition: evaluating with a real engine, splitting the
 * condition into its `&&` parts, and finding which claims a part reads, so a refusal can be
 * pinned on a claim.
 */

const cel = new Environment({ unlistedVariablesAreDyn: true });

/** The operands of the top-level `&&` chain: each is reported on its own when false. */
export function conjuncts(node: ASTNode): ASTNode[] {
  return node.op === '&&' ? [...conjuncts(node.args[0]), ...conjuncts(node.args[1])] : [node];
}

/** Claims an expression reads: `assertion.X`, `assertion['X']`, or `attribute.Y` mapped from one. */
export function claimsIn(expression: string, mapping: Readonly<Record<string, string>>): string[] {
  const found: string[] = [];
  const add = (claim: string | undefined) => {
    if (claim !== undefined && !found.includes(claim)) found.push(claim);
  };
  const root = parsed(expression);
  if (!root) return found;
  walkCel(root, (node) => {
    const field = fieldOf(node);
    if (!field) return;
    if (field.on === 'assertion') add(field.name);
    if (field.on === 'attribute' || field.on === 'google') {
      const mapped = mapping[`${field.on}.${field.name}`];
      const direct =
        mapped === undefined ? undefined : /^assertion\.(\w+)$/.exec(mapped.trim())?.[1];
      add(direct ?? `${field.on}.${field.name}`);
    }
  });
  return found;
}

function fieldOf(node: ASTNode): { on: string; name: string } | undefined {
  if ((node.op === '.' || node.op === '.?') && node.args[0].op === 'id')
    return { on: node.args[0].args, name: node.args[1] };
  if ((node.op === '[]' || node.op === '[?]') && node.args[0].op === 'id') {
    const key = node.args[1];
    if (key.op === 'value' && typeof key.args === 'string')
      return { on: node.args[0].args, name: key.args };
  }
  return undefined;
}

/**
 * cel-js declares `google` itself (protobuf type names), so a context cannot supply
 * `google.subject`: the identifier is renamed, by position from the AST, never inside strings.
 */
export const GOOGLE_ALIAS = 'google_';

function renameGoogle(expression: string): string {
  const root = parsed(expression);
  if (!root) return expression;
  const starts: number[] = [];
  walkCel(root, (node) => {
    if (node.op === 'id' && node.args === 'google') starts.push(node.start);
  });
  let out = expression;
  for (const start of starts.sort((a, b) => b - a))
    out = `${out.slice(0, start)}${GOOGLE_ALIAS}${out.slice(start + 'google'.length)}`;
  return out;
}

export function parsed(expression: string): ASTNode | undefined {
  try {
    return cel.parse(expression).ast;
  } catch {
    return undefined;
  }
}

/** A missing claim makes CEL raise "No such key"; Google then refuses, so does this check. */
export function tryEvaluate(expression: string, context: Record<string, unknown>): unknown {
  try {
    return cel.evaluate(renameGoogle(expression), context);
  } catch {
    return undefined;
  }
}
