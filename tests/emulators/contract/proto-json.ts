/**
 * Checks JSON values against protobuf messages as Google's proto3 JSON parser reads them
 * (https://protobuf.dev/programming-guides/json/): lowerCamelCase or original field names,
 * 64-bit integers as numbers or decimal strings, enums as names or numbers, `null` for "unset",
 * maps as objects, and the special forms of the well-known types (Timestamp, Duration,
 * FieldMask, Struct, Value, ListValue, Any, Empty, wrappers).
 *
 * protos.json (as google-gax packages it) keeps only the camelCase names, so an original
 * snake_case name is recognised by camel-casing it, as protobufjs does.
 */
import protobuf from 'protobufjs';

const INTEGERS = new Set([
  'int32',
  'sint32',
  'sfixed32',
  'uint32',
  'fixed32',
  'int64',
  'sint64',
  'sfixed64',
  'uint64',
  'fixed64',
]);
const UNSIGNED = new Set(['uint32', 'fixed32', 'uint64', 'fixed64']);
/** The inclusive range of each integer type; JSON numbers beyond it are refused by the parser. */
const INTEGER_RANGE: Record<string, readonly [bigint, bigint]> = {
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  sint32: [-(2n ** 31n), 2n ** 31n - 1n],
  sfixed32: [-(2n ** 31n), 2n ** 31n - 1n],
  uint32: [0n, 2n ** 32n - 1n],
  fixed32: [0n, 2n ** 32n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  sint64: [-(2n ** 63n), 2n ** 63n - 1n],
  sfixed64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
  fixed64: [0n, 2n ** 64n - 1n],
};
const WRAPPED: Record<string, string> = {
  'google.protobuf.DoubleValue': 'double',
  'google.protobuf.FloatValue': 'float',
  'google.protobuf.Int64Value': 'int64',
  'google.protobuf.UInt64Value': 'uint64',
  'google.protobuf.Int32Value': 'int32',
  'google.protobuf.UInt32Value': 'uint32',
  'google.protobuf.BoolValue': 'bool',
  'google.protobuf.StringValue': 'string',
  'google.protobuf.BytesValue': 'bytes',
};
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?(Z|[+-]\d\d:\d\d)$/;
const DURATION = /^-?\d+(\.\d{1,9})?s$/;
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return `${typeof value} ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`;
}

/** What a scalar `type` needs, or undefined when `value` is one; `text` for query strings. */
export function scalarProblem(type: string, value: unknown, text = false): string | undefined {
  if (type === 'string') return typeof value === 'string' ? undefined : 'a string';
  if (type === 'bool') {
    const ok = text ? value === 'true' || value === 'false' : typeof value === 'boolean';
    return ok ? undefined : 'a boolean';
  }
  if (type === 'bytes')
    return typeof value === 'string' && BASE64.test(value) ? undefined : 'a base64 string';
  if (INTEGERS.has(type)) {
    const ok =
      (typeof value === 'number' && Number.isInteger(value)) ||
      (typeof value === 'string' && /^-?\d+$/.test(value));
    const [low, high] = INTEGER_RANGE[type] as readonly [bigint, bigint];
    if (ok && BigInt(value) >= low && BigInt(value) <= high) return undefined;
    return `a${UNSIGNED.has(type) ? 'n unsigned' : 'n'} integer in the ${type} range [${low}, ${high}]`;
  }
  if (type === 'double' || type === 'float') {
    const ok =
      typeof value === 'number' ||
      (typeof value === 'string' &&
        (/^(NaN|-?Infinity)$/.test(value) || (value.trim() !== '' && !isNaN(Number(value)))));
    return ok ? undefined : 'a number';
  }
  return `a known scalar type (not ${type})`;
}

/** What enum `type` needs, or undefined when `value` names or numbers one of its values. */
export function enumProblem(type: protobuf.Enum, value: unknown): string | undefined {
  if (type.fullName === '.google.protobuf.NullValue' && value === null) return undefined;
  const ok =
    typeof value === 'string'
      ? value in type.values || (/^\d+$/.test(value) && Object.values(type.values).includes(+value))
      : typeof value === 'number' && Object.values(type.values).includes(value);
  return ok ? undefined : `one of the ${type.name} names or numbers`;
}

/** The field of `type` that JSON key `key` names (lowerCamelCase or the original name). */
export function fieldOf(type: protobuf.Type, key: string): protobuf.Field | undefined {
  return type.fields[key] ?? type.fields[protobuf.util.camelCase(key)];
}

/** The special JSON form of a well-known type: what it needs, or undefined when `value` fits. */
function wellKnownProblem(name: string, value: unknown): string | undefined {
  switch (name) {
    case 'google.protobuf.Timestamp':
      return typeof value === 'string' && TIMESTAMP.test(value)
        ? undefined
        : 'an RFC 3339 timestamp string';
    case 'google.protobuf.Duration':
      return typeof value === 'string' && DURATION.test(value)
        ? undefined
        : 'a duration string such as "3.5s"';
    case 'google.protobuf.FieldMask':
      return typeof value === 'string' ? undefined : 'a comma-separated field mask string';
    case 'google.protobuf.Struct':
      return isObject(value) ? undefined : 'a JSON object (Struct)';
    case 'google.protobuf.ListValue':
      return Array.isArray(value) ? undefined : 'a JSON array (ListValue)';
    case 'google.protobuf.Value':
      return undefined;
    default: {
      const wrapped = WRAPPED[name];
      return wrapped ? scalarProblem(wrapped, value) : undefined;
    }
  }
}

export function isWellKnownString(name: string): boolean {
  return (
    name in WRAPPED ||
    ['google.protobuf.Timestamp', 'google.protobuf.Duration', 'google.protobuf.FieldMask'].includes(
      name,
    )
  );
}

function hasSpecialForm(name: string): boolean {
  return (
    name in WRAPPED ||
    [
      'google.protobuf.Timestamp',
      'google.protobuf.Duration',
      'google.protobuf.FieldMask',
      'google.protobuf.Struct',
      'google.protobuf.ListValue',
      'google.protobuf.Value',
    ].includes(name)
  );
}

/** Reads JSON as messages of one API's types; `Any` payloads are looked up in `root`. */
export class ProtoJson {
  readonly #root: protobuf.Root;

  constructor(root: protobuf.Root) {
    this.#root = root;
  }

  /** Problems of `value` read as a `type` message found at `at` (e.g. `body.pipelineJob`). */
  message(type: protobuf.Type, value: unknown, at: string): string[] {
    const problems: string[] = [];
    this.#message(type, value, at, type.name, problems);
    return problems;
  }

  /** Problems of `value` read as the type of `field` (repeated and map included). */
  field(owner: protobuf.Type, field: protobuf.Field, value: unknown, at: string): string[] {
    const problems: string[] = [];
    this.#field(owner, field, value, at, problems);
    return problems;
  }

  #message(
    type: protobuf.Type,
    value: unknown,
    at: string,
    label: string,
    problems: string[],
  ): void {
    const name = type.fullName.slice(1);
    if (name === 'google.protobuf.Any') return this.#any(value, at, label, problems);
    if (hasSpecialForm(name)) {
      const need = wellKnownProblem(name, value);
      if (need) problems.push(`${label} must be ${need}, not ${show(value)} (at ${at})`);
      return;
    }
    if (!isObject(value)) {
      problems.push(`${label} must be a ${type.name} object, not ${show(value)} (at ${at})`);
      return;
    }
    this.#fields(type, value, at, problems);
  }

  #fields(
    type: protobuf.Type,
    value: Record<string, unknown>,
    at: string,
    problems: string[],
  ): void {
    const set = new Set<string>();
    for (const [key, item] of Object.entries(value)) {
      const field = fieldOf(type, key);
      if (!field) {
        problems.push(`unknown field ${key} in ${type.name} (at ${at})`);
        continue;
      }
      if (item !== null) set.add(field.name);
      this.#field(type, field, item, `${at}.${key}`, problems);
    }
    for (const oneof of type.oneofsArray) {
      const members = oneof.oneof.filter((member) => set.has(member));
      if (members.length > 1)
        problems.push(
          `fields ${members.join(' and ')} of ${type.name} are in oneof ${oneof.name}: set one (at ${at})`,
        );
    }
  }

  #field(
    owner: protobuf.Type,
    field: protobuf.Field,
    value: unknown,
    at: string,
    problems: string[],
  ): void {
    // null is "unset" for every field (for a Value field it is the null value).
    if (value === null) return;
    const label = `field ${field.name} of ${owner.name}`;
    if (field.map) {
      if (!isObject(value)) {
        problems.push(`${label} must be a map (JSON object), not ${show(value)} (at ${at})`);
        return;
      }
      const { keyType } = field as unknown as protobuf.MapField;
      for (const [key, item] of Object.entries(value)) {
        if (keyType !== 'string' && scalarProblem(keyType, key, true))
          problems.push(`${label} has key ${JSON.stringify(key)}, not a ${keyType} (at ${at})`);
        this.#single(field, item, `${at}.${key}`, `${label}[${key}]`, problems);
      }
    } else if (field.repeated) {
      if (!Array.isArray(value)) {
        problems.push(`${label} must be an array, not ${show(value)} (at ${at})`);
        return;
      }
      value.forEach((item, index) =>
        this.#single(field, item, `${at}[${index}]`, `${label}[${index}]`, problems),
      );
    } else this.#single(field, value, at, label, problems);
  }

  #single(field: protobuf.Field, value: unknown, at: string, label: string, problems: string[]) {
    const type = field.resolve().resolvedType;
    if (type instanceof protobuf.Type) {
      if (value === null && type.fullName !== '.google.protobuf.Value')
        problems.push(`${label} must not hold null (at ${at})`);
      else this.#message(type, value, at, label, problems);
      return;
    }
    const need =
      type instanceof protobuf.Enum ? enumProblem(type, value) : scalarProblem(field.type, value);
    if (need) problems.push(`${label} must be ${need}, not ${show(value)} (at ${at})`);
  }

  #any(value: unknown, at: string, label: string, problems: string[]): void {
    const typeUrl = isObject(value) ? value['@type'] : undefined;
    if (!isObject(value) || typeof typeUrl !== 'string') {
      problems.push(`${label} must be an Any object with an @type, not ${show(value)} (at ${at})`);
      return;
    }
    const name = typeUrl.slice(typeUrl.lastIndexOf('/') + 1);
    let type: protobuf.Type;
    try {
      type = this.#root.lookupType(name);
    } catch {
      problems.push(`${label} names unknown type ${typeUrl} in @type (at ${at})`);
      return;
    }
    const rest = Object.fromEntries(Object.entries(value).filter(([key]) => key !== '@type'));
    if (hasSpecialForm(name)) {
      const need = wellKnownProblem(name, rest.value);
      if (need) problems.push(`${label} (Any of ${name}) must hold value: ${need} (at ${at})`);
      const extra = Object.keys(rest).filter((key) => key !== 'value');
      if (extra.length)
        problems.push(`${label} (Any of ${name}) has unknown keys ${extra.join(', ')} (at ${at})`);
      return;
    }
    this.#fields(type, rest, at, problems);
  }
}
