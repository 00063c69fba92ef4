import { data } from '@actions/expressions';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token';
import { toPlain } from './expressions.js';
import type { InputDefinition } from './workflow-file.js';

/**
 * The `inputs` context, typed as GitHub types it: booleans are booleans, numbers numbers, defaults
 * applied, `required` enforced. workflow_dispatch values arrive from the API (GitHub's 422
 * messages); workflow_call values from the caller's evaluated `with:`. Undeclared and missing
 * required `with:` inputs are already errors from GitHub's parser when the workflow loads.
 */

type Evaluate = (token: TemplateToken) => data.ExpressionData;

function fallback(definition: InputDefinition, evaluate: Evaluate): data.ExpressionData {
  if (definition.default) return evaluate(definition.default);
  if (definition.type === 'boolean') return new data.BooleanData(false);
  if (definition.type === 'number') return new data.NumberData(0);
  return new data.StringData('');
}

/** A value of a declared type, or GitHub's "Unexpected type of value" error. */
function typed(definition: InputDefinition, value: data.ExpressionData): unknown {
  const expected: Record<string, data.Kind> = {
    boolean: data.Kind.Boolean,
    number: data.Kind.Number,
  };
  const kind = expected[definition.type];
  if (kind !== undefined && value.kind !== kind)
    throw new Error(
      `Unexpected type of value '${value.coerceString()}', expected type: ${definition.type === 'boolean' ? 'Boolean' : 'Number'}.`,
    );
  if (!value.primitive) throw new Error('a mapping or sequence is not an input value');
  return kind === undefined ? value.coerceString() : toPlain(value);
}

export function dispatchInputs(
  definitions: readonly InputDefinition[],
  given: Readonly<Record<string, string | boolean | number>>,
  evaluate: Evaluate,
): Record<string, unknown> {
  const declared = new Set(definitions.map((definition) => definition.name));
  const unexpected = Object.keys(given).filter((name) => !declared.has(name));
  if (unexpected.length > 0)
    throw new Error(`Unexpected inputs provided: ${JSON.stringify(unexpected)}`);
  const result: Record<string, unknown> = {};
  for (const definition of definitions) {
    const value = given[definition.name];
    if (value === undefined && definition.required && !definition.default)
      throw new Error(`Required input '${definition.name}' not provided`);
    if (value === undefined) {
      result[definition.name] = typed(definition, fallback(definition, evaluate));
      continue;
    }
    // The API takes every input as a string; the `inputs` context types it.
    const text = String(value);
    if (definition.options && !definition.options.includes(text))
      throw new Error(
        `Provided value '${text}' for input '${definition.name}' not in the list of allowed values`,
      );
    if (definition.type === 'boolean' && text !== 'true' && text !== 'false')
      throw new Error(`Provided value '${text}' for input '${definition.name}' is not a boolean`);
    if (definition.type === 'number' && Number.isNaN(Number(text)))
      throw new Error(`Provided value '${text}' for input '${definition.name}' is not a number`);
    result[definition.name] =
      definition.type === 'boolean'
        ? text === 'true'
        : definition.type === 'number'
          ? Number(text)
          : text;
  }
  return result;
}

export function callInputs(
  definitions: readonly InputDefinition[],
  given: ReadonlyMap<string, data.ExpressionData>,
  evaluate: Evaluate,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const definition of definitions) {
    const value = given.get(definition.name.toLowerCase()) ?? fallback(definition, evaluate);
    try {
      result[definition.name] = typed(definition, value);
    } catch (error) {
      throw new Error(
        `Input ${definition.name}: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  }
  return result;
}
