import { Environment } from '@marcbachmann/cel-js';
import { excerpt, UserError } from '../errors.js';
import type { ParameterValue } from './parameters.js';

/**
 * The CEL the KFP compiler emits, evaluated by a real CEL engine: trigger conditions over
 * `inputs.parameter_values[...]`, and parameterExpressionSelector over a loop item
 * (`parseJson(string_value)["key"]`).
 */

const environment = new Environment({ unlistedVariablesAreDyn: true }).registerFunction(
  'parseJson(string): dyn',
  (text: string): unknown => JSON.parse(text) as unknown,
);

/** CEL integers are BigInt in cel-js; JSON numbers that are whole become ints so `int(x) > 5` and `x == 3` work. */
function toCel(value: ParameterValue): unknown {
  if (Array.isArray(value)) return value.map(toCel);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toCel(v)]));
  return value;
}

function fromCel(value: unknown): ParameterValue {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(fromCel);
  if (value instanceof Map)
    return Object.fromEntries([...value].map(([k, v]) => [String(k), fromCel(v)]));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromCel(v)]));
  return value as ParameterValue;
}

export function evaluateTriggerCondition(
  condition: string,
  parameterValues: Readonly<Record<string, ParameterValue>>,
): boolean {
  let result: unknown;
  try {
    result = environment.evaluate(condition, {
      inputs: { parameter_values: toCel({ ...parameterValues }) },
    });
  } catch (error) {
    throw new UserError(
      `Cannot evaluate the condition "${excerpt(condition)}": ${excerpt((error as Error).message.split('\n')[0] ?? '')}`,
      {
        fix: 'Check the types of the values the condition compares (integers need int(...)).',
      },
    );
  }
  if (typeof result !== 'boolean')
    throw new UserError(
      `The condition "${excerpt(condition)}" gave ${excerpt(String(result))}, not true or false`,
    );
  return result;
}

export function applyExpressionSelector(selector: string, value: ParameterValue): ParameterValue {
  const context = {
    string_value: typeof value === 'string' ? value : JSON.stringify(value),
    number_value: typeof value === 'number' ? value : null,
    bool_value: typeof value === 'boolean' ? value : null,
    struct_value: toCel(value),
    list_value: toCel(value),
  };
  try {
    return fromCel(environment.evaluate(selector, context));
  } catch (error) {
    throw new UserError(
      `Cannot evaluate the parameter selector "${excerpt(selector)}": ${excerpt((error as Error).message.split('\n')[0] ?? '')}`,
    );
  }
}
