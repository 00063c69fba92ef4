/**
 * A validator for the subset of OpenAPI 3.0 schemas GitHub's REST description uses: type,
 * nullable, properties, required, additionalProperties, items, enum, oneOf/anyOf/allOf, pattern,
 * length and count limits, `#/components/schemas/...` references, and the formats GitHub's answers
 * rely on (date-time, date, uri, email, int32, int64); other formats (uri-template, binary, ...)
 * constrain nothing a client reads.
 *
 * It is stricter than JSON Schema on one point: a property no (sub)schema declares is a problem
 * unless `additionalProperties` allows it. GitHub's schemas leave `additionalProperties` open, but
 * an undeclared field sent by the product or the emulator is exactly the drift we want to catch.
 */

export interface OpenApiSchema {
  $ref?: string;
  type?: string | string[];
  nullable?: boolean;
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  additionalProperties?: boolean | OpenApiSchema;
  items?: OpenApiSchema;
  enum?: unknown[];
  oneOf?: OpenApiSchema[];
  anyOf?: OpenApiSchema[];
  allOf?: OpenApiSchema[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  format?: string;
}

const COMPONENT = '#/components/schemas/';

/** What each checked `format` needs, as a test and the words of the problem. */
const FORMATS: Record<string, { test: (value: unknown) => boolean; need: string }> = {
  'date-time': {
    test: (value) =>
      typeof value === 'string' &&
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i.test(value) &&
      !isNaN(Date.parse(value)),
    need: 'an RFC 3339 date-time',
  },
  date: {
    test: (value) =>
      typeof value === 'string' &&
      /^\d{4}-\d\d-\d\d$/.test(value) &&
      !isNaN(Date.parse(`${value}T00:00:00Z`)),
    need: 'an RFC 3339 full-date',
  },
  uri: {
    test: (value) => typeof value === 'string' && URL.canParse(value),
    need: 'an absolute URI',
  },
  email: {
    test: (value) => typeof value === 'string' && /^[^\s@]+@[^\s@]+$/.test(value),
    need: 'an email address',
  },
  int32: {
    test: (value) => typeof value !== 'number' || (value >= -(2 ** 31) && value < 2 ** 31),
    need: 'within the int32 range',
  },
  int64: {
    test: (value) => typeof value !== 'number' || Number.isSafeInteger(value),
    need: 'an integer JavaScript can hold exactly (int64 beyond 2^53 loses digits)',
  },
};

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `string`, `integer`, `array`, ... as JSON Schema names the type of `value`. */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  const actual = typeName(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

export class SchemaValidator {
  readonly #components: Record<string, OpenApiSchema>;
  readonly #patterns = new Map<string, RegExp>();

  constructor(components: Record<string, OpenApiSchema>) {
    this.#components = components;
  }

  /** The schema a `$ref` names (chains followed); other schemas are returned as they are. */
  resolve(schema: OpenApiSchema): OpenApiSchema {
    let current = schema;
    for (let depth = 0; current.$ref !== undefined; depth += 1) {
      const ref = current.$ref;
      const target = ref.startsWith(COMPONENT)
        ? this.#components[ref.slice(COMPONENT.length)]
        : undefined;
      if (!target || depth > 20) throw new Error(`unresolvable schema reference ${ref}`);
      current = target;
    }
    return current;
  }

  /** How `value` breaks `schema`; `where` names the value in the messages, e.g. `body.output`. */
  validate(schema: OpenApiSchema, value: unknown, where: string): string[] {
    return this.#check(schema, value, where, true);
  }

  /** `declared` is false inside a composition branch: the parent checks undeclared fields. */
  #check(raw: OpenApiSchema, value: unknown, where: string, declared: boolean): string[] {
    const schema = this.resolve(raw);
    if (value === null && schema.nullable) return [];
    const problems: string[] = [];
    const types = [schema.type ?? []].flat();
    if (types.length > 0 && !types.some((type) => hasType(value, type)))
      return [`${where} must be ${types.join(' or ')}, not ${typeName(value)}`];
    if (schema.enum && !schema.enum.includes(value))
      problems.push(
        `${where} must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}, not ${JSON.stringify(value)}`,
      );
    const format = schema.format === undefined ? undefined : FORMATS[schema.format];
    if (format && !format.test(value))
      problems.push(
        `${where} must be ${format.need} (format ${schema.format}), not ${JSON.stringify(value)}`,
      );
    if (typeof value === 'string') problems.push(...this.#string(schema, value, where));
    if (typeof value === 'number') {
      if (schema.minimum !== undefined && value < schema.minimum)
        problems.push(`${where} must be at least ${schema.minimum}`);
      if (schema.maximum !== undefined && value > schema.maximum)
        problems.push(`${where} must be at most ${schema.maximum}`);
    }
    if (Array.isArray(value)) problems.push(...this.#array(schema, value, where));
    if (isObject(value)) problems.push(...this.#object(schema, value, where, declared));
    for (const part of schema.allOf ?? []) problems.push(...this.#check(part, value, where, false));
    for (const [keyword, branches] of [
      ['oneOf', schema.oneOf],
      ['anyOf', schema.anyOf],
    ] as const) {
      if (!branches) continue;
      const results = branches.map((branch) => this.#check(branch, value, where, false));
      const passing = results.filter((r) => r.length === 0).length;
      if (passing === 0)
        problems.push(
          `${where} matches none of the ${keyword} alternatives (${results.map((r) => r.join(', ')).join(' | ')})`,
        );
      else if (keyword === 'oneOf' && passing > 1)
        problems.push(`${where} matches ${passing} oneOf alternatives, not exactly one`);
    }
    return problems;
  }

  #string(schema: OpenApiSchema, value: string, where: string): string[] {
    const problems: string[] = [];
    if (schema.minLength !== undefined && value.length < schema.minLength)
      problems.push(`${where} must have at least ${schema.minLength} characters`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength)
      problems.push(`${where} must have at most ${schema.maxLength} characters`);
    if (schema.pattern !== undefined) {
      let regex = this.#patterns.get(schema.pattern);
      if (!regex) this.#patterns.set(schema.pattern, (regex = new RegExp(schema.pattern, 'u')));
      if (!regex.test(value)) problems.push(`${where} must match ${schema.pattern}`);
    }
    return problems;
  }

  #array(schema: OpenApiSchema, value: unknown[], where: string): string[] {
    const problems: string[] = [];
    if (schema.minItems !== undefined && value.length < schema.minItems)
      problems.push(`${where} must have at least ${schema.minItems} items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems)
      problems.push(`${where} must have at most ${schema.maxItems} items`);
    if (schema.items) {
      const items = schema.items;
      value.forEach((item, i) =>
        problems.push(...this.#check(items, item, `${where}[${i}]`, true)),
      );
    }
    return problems;
  }

  #object(
    schema: OpenApiSchema,
    value: Record<string, unknown>,
    where: string,
    declared: boolean,
  ): string[] {
    const problems: string[] = [];
    for (const name of schema.required ?? [])
      if (!(name in value)) problems.push(`${where} lacks the required field ${name}`);
    const properties = schema.properties ?? {};
    const known = declared ? this.#declared(schema) : undefined;
    for (const [name, item] of Object.entries(value)) {
      const property = properties[name];
      if (property) problems.push(...this.#check(property, item, `${where}.${name}`, true));
      else if (isObject(schema.additionalProperties))
        problems.push(...this.#check(schema.additionalProperties, item, `${where}.${name}`, true));
      else if (known && !known.has(name) && schema.additionalProperties !== true)
        problems.push(`${where} has the unknown field ${name}`);
    }
    return problems;
  }

  /** Property names the schema or any of its composition branches declares. */
  #declared(raw: OpenApiSchema, names = new Set<string>()): Set<string> {
    const schema = this.resolve(raw);
    for (const name of Object.keys(schema.properties ?? {})) names.add(name);
    for (const branch of [
      ...(schema.allOf ?? []),
      ...(schema.anyOf ?? []),
      ...(schema.oneOf ?? []),
    ])
      this.#declared(branch, names);
    return names;
  }
}
