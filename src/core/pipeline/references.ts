import { parse } from '@marcbachmann/cel-js';
import { excerpt, UserError } from '../errors.js';

/**
 * References in declarative pipelines: `${params.NAME}`, `${TASK.OUTPUT}` (or
 * `${TASK.outputs.OUTPUT}`) inside input values, and the same names without `${}` in
 * `when` expressions, which are CEL.
 */

export type Reference =
  | { readonly kind: 'param'; readonly name: string }
  | { readonly kind: 'task'; readonly task: string; readonly output: string };

const INTERPOLATION = /\$\{([^}]*)\}/g;

/** Parses the text inside `${...}`. `taskNames` lets `train_rf` name the task `train-rf`. */
export function parseReference(text: string, taskNames: ReadonlySet<string>): Reference {
  const parts = text.trim().split('.');
  const [head, second, third] = parts;
  if (head === 'params' && parts.length === 2 && second) return { kind: 'param', name: second };
  const task = head === undefined ? undefined : resolveTaskName(head, taskNames);
  if (task && parts.length === 2 && second) return { kind: 'task', task, output: second };
  if (task && parts.length === 3 && second === 'outputs' && third)
    return { kind: 'task', task, output: third };
  throw new UserError(`"\${${text}}" is not a reference`, {
    fix: `Write \${params.NAME} for a pipeline parameter or \${TASK.OUTPUT} for a task output (tasks: ${[...taskNames].join(', ')}).`,
  });
}

function resolveTaskName(name: string, taskNames: ReadonlySet<string>): string | undefined {
  if (taskNames.has(name)) return name;
  const hyphenated = name.replaceAll('_', '-');
  return taskNames.has(hyphenated) ? hyphenated : undefined;
}

export type ValueTemplate =
  | { readonly kind: 'constant'; readonly value: unknown }
  | { readonly kind: 'reference'; readonly reference: Reference }
  | { readonly kind: 'interpolation'; readonly parts: ReadonlyArray<string | Reference> };

/** Classifies an input value: a constant, exactly one reference, or text with references. */
export function parseValueTemplate(value: unknown, taskNames: ReadonlySet<string>): ValueTemplate {
  if (typeof value !== 'string' || !value.includes('${')) return { kind: 'constant', value };
  const parts: Array<string | Reference> = [];
  let last = 0;
  for (const match of value.matchAll(INTERPOLATION)) {
    if (match.index > last) parts.push(value.slice(last, match.index));
    parts.push(parseReference(match[1] ?? '', taskNames));
    last = match.index + match[0].length;
  }
  if (last < value.length) parts.push(value.slice(last));
  if (parts.some((part) => typeof part === 'string' && part.includes('${'))) {
    throw new UserError(`"${value}" has an unclosed \${`, { fix: 'Close every ${ with }.' });
  }
  const [only] = parts;
  if (parts.length === 1 && only !== undefined && typeof only !== 'string')
    return { kind: 'reference', reference: only };
  return { kind: 'interpolation', parts };
}

interface CelNode {
  readonly op: string;
  readonly args: unknown;
  readonly start: number;
  readonly end: number;
}

function isNode(value: unknown): value is CelNode {
  return typeof value === 'object' && value !== null && 'op' in value && 'start' in value;
}

export interface ConditionReference {
  readonly reference: Reference;
  readonly start: number;
  readonly end: number;
}

/**
 * Finds the references in a `when` expression with a real CEL parser, so operators,
 * string literals and parentheses are understood rather than pattern-matched.
 */
export function findConditionReferences(
  expression: string,
  taskNames: ReadonlySet<string>,
): ConditionReference[] {
  let ast: unknown;
  try {
    ast = parse(expression).ast;
  } catch (error) {
    throw new UserError(
      `when: "${excerpt(expression)}" is not a valid expression: ${excerpt((error as Error).message.split('\n')[0] ?? '')}`,
      {
        fix: 'Write a CEL expression such as `evaluate.accuracy >= 0.8 && params.deploy == true`.',
      },
    );
  }
  const found: ConditionReference[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!isNode(node)) return;
    if (node.op === 'id') {
      throw new UserError(
        `when: "${expression}" uses "${String(node.args)}", which is neither params.NAME nor TASK.OUTPUT`,
        {
          fix: `Name a pipeline parameter as params.NAME or a task output as TASK.OUTPUT (tasks: ${[...taskNames].join(', ')}; write hyphens in task names as underscores).`,
        },
      );
    }
    if (node.op === '.') {
      const path = memberPath(node);
      if (path) {
        found.push({
          reference: parseReference(path, taskNames),
          start: node.start,
          end: node.end,
        });
        return;
      }
    }
    visit(node.args);
  };
  visit(ast);
  return found;
}

/** `a.b.c` as text when the node is a plain chain of identifiers, else undefined. */
function memberPath(node: CelNode): string | undefined {
  if (node.op === 'id') return String(node.args);
  if (node.op !== '.' || !Array.isArray(node.args)) return undefined;
  const [target, field] = node.args as [unknown, unknown];
  if (!isNode(target) || typeof field !== 'string') return undefined;
  const head = memberPath(target);
  return head === undefined ? undefined : `${head}.${field}`;
}
