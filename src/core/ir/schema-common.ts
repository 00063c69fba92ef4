/**
 * The building blocks of the IR schemas (./schema.ts, whose header states their conventions):
 * the scalars (any JSON, proto3-JSON numbers read as numbers, Duration, references), the
 * refinements for a proto `oneof` and a typed parameter, the parameter types, and the messages
 * every part of the spec uses (artifact types, constant-or-runtime values).
 */
import { z } from 'zod';
import { isRecord, show } from './validate-values.js';

// ---------------------------------------------------------------------------------------------
// Scalars

/** Any JSON value (`google.protobuf.Value`). */
export const JsonValue = z.json();
export type JsonValue = z.output<typeof JsonValue>;

/** A JSON object of any shape (`google.protobuf.Struct`). */
export const JsonObject = z.record(z.string(), JsonValue);
export type JsonObject = z.output<typeof JsonObject>;

const INTEGER_TEXT = /^-?\d+$/;
const DECIMAL_TEXT = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** int32/int64: a JSON number, or the decimal string proto3-JSON also accepts; read as a number. */
export function integer(minimum?: number) {
  const bound = minimum === undefined ? '' : ` >= ${minimum}`;
  return z
    .custom<number | string>(
      (value) => {
        const number =
          typeof value === 'string' && INTEGER_TEXT.test(value) ? Number(value) : value;
        return (
          typeof number === 'number' &&
          Number.isSafeInteger(number) &&
          (minimum === undefined || number >= minimum)
        );
      },
      { error: (issue) => `${show(issue.input)} is not an integer${bound}` },
    )
    .transform(Number);
}

/** double: a JSON number, or the decimal string proto3-JSON also accepts; read as a number. */
export function decimal() {
  return z
    .custom<number | string>(
      (value) =>
        (typeof value === 'number' && Number.isFinite(value)) ||
        (typeof value === 'string' && DECIMAL_TEXT.test(value)),
      { error: (issue) => `${show(issue.input)} is not a number` },
    )
    .transform(Number);
}

/** `google.protobuf.Duration` in proto3-JSON: seconds with up to 9 fractional digits and an "s" suffix. */
export const Duration = z.string().regex(/^-?\d+(\.\d{1,9})?s$/, {
  error: (issue) =>
    `${show(issue.input)} is not a protobuf Duration (use seconds with an "s" suffix, e.g. "30s" or "0.5s")`,
});

/** A name that refers to something else (a task, component, input...): empty would never resolve. */
export const reference = z.string().min(1);

/**
 * Enforces a proto `oneof` over optional members of a strict object. Runs even when other
 * fields of the object are faulty, so all faults are reported together.
 */
export function oneOf<Shape extends z.core.$ZodLooseShape>(
  schema: z.ZodObject<Shape, z.core.$strict>,
  members: readonly (keyof Shape & string)[],
  { required }: { required: boolean },
) {
  return schema.superRefine(
    (value, ctx) => {
      const present = members.filter(
        (member) => (value as Record<string, unknown>)[member] !== undefined,
      );
      if (present.length > 1) {
        ctx.addIssue({
          code: 'custom',
          message: `${present.join(' and ')} are alternatives (proto oneof): set only one of ${members.join(', ')}`,
        });
      } else if (required && present.length === 0) {
        ctx.addIssue({ code: 'custom', message: `one of ${members.join(', ')} is required` });
      }
    },
    { when: (payload) => isRecord(payload.value) },
  );
}

/**
 * A message that is one required proto `oneof` and nothing else: each field optional, exactly
 * one of them set (oneOf over all of them).
 */
export function alternatives<Shape extends Record<string, z.ZodType>>(shape: Shape) {
  type Optional = { [Member in keyof Shape]: z.ZodOptional<Shape[Member]> };
  const members = Object.keys(shape) as (keyof Shape & string)[];
  const optional = Object.fromEntries(
    members.map((member) => [member, shape[member]?.optional()]),
  ) as Optional;
  return oneOf<Optional>(z.strictObject(optional), members, { required: true });
}

/** Deprecated parameter types still present on old specs (`type` instead of `parameterType`). */
export const PrimitiveType = z.enum(['INT', 'DOUBLE', 'STRING']);
export type PrimitiveType = z.output<typeof PrimitiveType>;

/** `ParameterType.ParameterTypeEnum`; order is the one shown in error messages. */
export const PARAMETER_TYPES = [
  'STRING',
  'NUMBER_DOUBLE',
  'NUMBER_INTEGER',
  'BOOLEAN',
  'LIST',
  'STRUCT',
  'TASK_FINAL_STATUS',
  'TASK_CONFIG',
] as const;
export const ParameterType = z.enum(PARAMETER_TYPES);
export type ParameterType = z.output<typeof ParameterType>;

/** A parameter must be typed by `parameterType` or, on old specs, the deprecated `type`. */
export function requireParameterType<
  Shape extends { type: z.ZodOptional; parameterType: z.ZodOptional },
>(schema: z.ZodObject<Shape, z.core.$strict>) {
  return schema.superRefine(
    (value, ctx) => {
      const { type, parameterType } = value as { type?: unknown; parameterType?: unknown };
      if (type === undefined && parameterType === undefined)
        ctx.addIssue({ code: 'custom', message: 'parameterType is required' });
    },
    { when: (payload) => isRecord(payload.value) },
  );
}

// ---------------------------------------------------------------------------------------------
// Shared messages

export const ArtifactTypeSchema = oneOf(
  z.strictObject({
    schemaTitle: z.string().min(1).optional(),
    /** Deprecated in the proto, still a legal member of the oneof. */
    schemaUri: z.string().min(1).optional(),
    instanceSchema: z.string().min(1).optional(),
    schemaVersion: z.string().optional(),
  }),
  ['schemaTitle', 'schemaUri', 'instanceSchema'],
  { required: true },
);
export type ArtifactTypeSchema = z.output<typeof ArtifactTypeSchema>;

/** The deprecated `ml_pipelines.Value` (int/double/string), kept for `constantValue`. */
export const ProtoValue = alternatives({
  intValue: integer(),
  doubleValue: decimal(),
  stringValue: z.string(),
});
export type ProtoValue = z.output<typeof ProtoValue>;

export const ValueOrRuntimeParameter = alternatives({
  /** Deprecated: use `constant`. */
  constantValue: ProtoValue,
  /** Names an input parameter of the component the value is used in. */
  runtimeParameter: reference,
  constant: JsonValue,
});
export type ValueOrRuntimeParameter = z.output<typeof ValueOrRuntimeParameter>;
