/**
 * Turns zod schema issues on a pipeline-spec document (./schema.ts) into readable problems for
 * ./validate.ts: each prefixed by its formatted path, with the expected kind of value, and a
 * "did you mean" for unknown keys and enum values.
 *
 * Pure: works on values only.
 */
import { z } from 'zod';
import { excerpt } from '../errors.js';
import { closest } from '../suggest.js';
import { kindOf, show } from './validate-values.js';

const SIMPLE_KEY = /^[A-Za-z0-9_][\w-]*$/;

/** `root.dag.tasks.train.componentRef.name`, `args[2]`, `["odd.key"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else {
      const key = String(segment);
      if (!SIMPLE_KEY.test(key)) text += `[${excerpt(JSON.stringify(key), 80)}]`;
      else text += text ? `.${key}` : key;
    }
  }
  return text || '(top level)';
}

export function schemaProblems(
  schema: z.ZodType,
  doc: unknown,
  label = '',
): { data: unknown; problems: string[] } {
  const result = schema.safeParse(doc, { reportInput: true });
  if (result.success) return { data: result.data, problems: [] };
  const prefix = label ? `${label} ` : '';
  return {
    data: undefined,
    problems: result.error.issues.flatMap((issue) =>
      describeIssue(issue, schema).map((text) => prefix + text),
    ),
  };
}

function describeIssue(issue: z.core.$ZodIssue, root: z.ZodType): string[] {
  const at = formatPath(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = objectKeysAt(root, issue.path);
      return issue.keys.map((key) => {
        const suggestion = closest(key, known);
        return `${formatPath([...issue.path, key])}: unknown key${suggestion ? ` (did you mean ${suggestion}?)` : ''}`;
      });
    }
    case 'invalid_type':
      if (issue.input === undefined) return [`${at}: is required`];
      return [`${at}: expected ${describeExpected(issue.expected)}, found ${kindOf(issue.input)}`];
    case 'invalid_value': {
      const values = issue.values.map(String);
      const suggestion = typeof issue.input === 'string' ? closest(issue.input, values) : undefined;
      return [
        `${at}: ${show(issue.input)} is not one of ${values.join(', ')}${suggestion ? ` (did you mean ${suggestion}?)` : ''}`,
      ];
    }
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1)
        return [`${at}: must not be empty`];
      return [`${at}: ${issue.message}`];
    default:
      return [`${at}: ${issue.message}`];
  }
}

function describeExpected(expected: string): string {
  const names: Record<string, string> = {
    object: 'a mapping',
    record: 'a mapping',
    array: 'a list',
    string: 'a string',
    boolean: 'true or false',
    number: 'a number',
  };
  return names[expected] ?? expected;
}

/** Keys a strict object at `path` allows, found by walking the schema (zod's issue does not carry them). */
function objectKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: unknown = schema;
  for (const segment of [...path, undefined]) {
    while (current instanceof z.ZodOptional) current = current.unwrap();
    if (segment === undefined) break;
    if (current instanceof z.ZodObject)
      current = (current.shape as Record<PropertyKey, unknown>)[segment];
    else if (current instanceof z.ZodRecord) current = current.valueType;
    else if (current instanceof z.ZodArray) current = current.element;
    else return [];
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}
