import { UserError } from '../errors.js';
import { closest } from '../suggest.js';
import type { PipelineSpec } from './schema.js';
import type { ParameterType } from './schema-common.js';

export type ParameterValue =
  string | number | boolean | null | ParameterValue[] | { [key: string]: ParameterValue };

/**
 * Checks run parameters against root.inputDefinitions before anything runs: unknown names,
 * wrong types and missing required values are all reported together. Values given as text
 * (CLI `--param a=1`, action inputs) are parsed by the declared type; defaults fill the rest.
 */
export function resolveRunParameters(
  spec: PipelineSpec,
  given: Readonly<Record<string, unknown>>,
  source: string,
): Record<string, ParameterValue> {
  const definitions = spec.root.inputDefinitions?.parameters ?? {};
  const problems: string[] = [];
  const resolved: Record<string, ParameterValue> = {};
  const known = Object.keys(definitions);

  for (const [name, value] of Object.entries(given)) {
    const definition = definitions[name];
    if (!definition) {
      const hint = closest(name, known);
      problems.push(
        `"${name}" is not a parameter of this pipeline${hint ? ` (did you mean "${hint}"?)` : ''}; parameters: ${known.join(', ') || 'none'}`,
      );
      continue;
    }
    const type = definition.parameterType as ParameterType;
    const parsed = coerceParameter(value, type);
    if (parsed.ok) resolved[name] = parsed.value;
    else problems.push(`"${name}" must be ${describeType(type)}, got ${JSON.stringify(value)}`);
  }
  for (const [name, definition] of Object.entries(definitions)) {
    if (name in resolved || name in given) continue;
    if (definition.defaultValue !== undefined) resolved[name] = definition.defaultValue;
    else if (!definition.isOptional)
      problems.push(
        `"${name}" is required (${describeType(definition.parameterType as ParameterType)}) and has no default`,
      );
  }
  if (problems.length > 0) {
    throw new UserError(`Invalid parameters for ${source}`, {
      details: problems,
      fix: 'Pass parameters as NAME=VALUE with the declared names and types.',
    });
  }
  return resolved;
}

function describeType(type: ParameterType): string {
  switch (type) {
    case 'NUMBER_INTEGER':
      return 'an integer';
    case 'NUMBER_DOUBLE':
      return 'a number';
    case 'BOOLEAN':
      return 'true or false';
    case 'LIST':
      return 'a JSON list';
    case 'STRUCT':
      return 'a JSON object';
    default:
      return 'a string';
  }
}

type Coerced = { ok: true; value: ParameterValue } | { ok: false };

/** Accepts typed values as they are and text as the CLI and action inputs give it. */
export function coerceParameter(value: unknown, type: ParameterType): Coerced {
  const text = typeof value === 'string' ? value.trim() : undefined;
  switch (type) {
    case 'STRING':
      return typeof value === 'string' ? { ok: true, value } : { ok: false };
    case 'NUMBER_INTEGER': {
      const number = text !== undefined && text !== '' ? Number(text) : value;
      return typeof number === 'number' && Number.isSafeInteger(number)
        ? { ok: true, value: number }
        : { ok: false };
    }
    case 'NUMBER_DOUBLE': {
      const number = text !== undefined && text !== '' ? Number(text) : value;
      return typeof number === 'number' && Number.isFinite(number)
        ? { ok: true, value: number }
        : { ok: false };
    }
    case 'BOOLEAN':
      if (typeof value === 'boolean') return { ok: true, value };
      return text !== undefined && /^(true|false)$/i.test(text)
        ? { ok: true, value: text.toLowerCase() === 'true' }
        : { ok: false };
    case 'LIST':
    case 'STRUCT': {
      let parsed: unknown = value;
      if (text !== undefined) {
        try {
          parsed = JSON.parse(text);
        } catch {
          return { ok: false };
        }
      }
      const isList = Array.isArray(parsed);
      const isStruct = typeof parsed === 'object' && parsed !== null && !isList;
      return (type === 'LIST' ? isList : isStruct)
        ? { ok: true, value: parsed as ParameterValue }
        : { ok: false };
    }
    default:
      return typeof value === 'string' ? { ok: true, value } : { ok: false };
  }
}

/**
 * Parses `NAME=VALUE` pairs (the CLI's repeated --param and the action's multi-line input);
 * `noun` and `example` name them in errors.
 */
export function parseParameterAssignments(
  lines: readonly string[],
  noun = 'Parameter',
  example = '--param test_size=0.25',
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const equals = trimmed.indexOf('=');
    if (equals <= 0)
      throw new UserError(`"${trimmed}" is not NAME=VALUE`, {
        fix: `Write each ${noun.toLowerCase()} as NAME=VALUE, e.g. ${example}.`,
      });
    const name = trimmed.slice(0, equals).trim();
    if (name in result)
      throw new UserError(`${noun} "${name}" is given twice`, {
        fix: `Give each ${noun.toLowerCase()} once.`,
      });
    result[name] = trimmed.slice(equals + 1);
  }
  return result;
}
