import { z } from 'zod';
import { UserError } from '../errors.js';
import type { ParameterType } from '../ir/schema-common.js';
import type { ComponentSpec } from '../ir/schema-components.js';
import type { PipelineContainerSpec } from '../ir/schema-executors.js';
import { formatZodIssues } from '../zod-issues.js';

/**
 * Loads a KFP v1 `component.yaml` (the format the KFP v2 SDK still accepts) into the IR's
 * component spec and container executor, converting v1 placeholders to v2 ones exactly as
 * the SDK does, so the compiled pipeline is what `kfp.compiler` would write.
 */

const PARAMETER_TYPES: Record<string, ParameterType> = {
  string: 'STRING',
  str: 'STRING',
  text: 'STRING',
  integer: 'NUMBER_INTEGER',
  int: 'NUMBER_INTEGER',
  float: 'NUMBER_DOUBLE',
  double: 'NUMBER_DOUBLE',
  boolean: 'BOOLEAN',
  bool: 'BOOLEAN',
  jsonobject: 'STRUCT',
  dict: 'STRUCT',
  jsonarray: 'LIST',
  list: 'LIST',
};

const ARTIFACT_TYPES: Record<string, string> = {
  artifact: 'system.Artifact',
  dataset: 'system.Dataset',
  model: 'system.Model',
  metrics: 'system.Metrics',
  classificationmetrics: 'system.ClassificationMetrics',
  slicedclassificationmetrics: 'system.SlicedClassificationMetrics',
  html: 'system.HTML',
  markdown: 'system.Markdown',
};

const ioSchema = z.strictObject({
  name: z.string().min(1),
  type: z.string().optional(),
  description: z.string().optional(),
  default: z.unknown().optional(),
  optional: z.boolean().optional(),
  annotations: z.record(z.string(), z.unknown()).optional(),
});

// Placeholders are recursive: concat and if nest other arguments.
type V1Argument =
  | string
  | number
  | boolean
  | { inputValue: string }
  | { inputPath: string }
  | { inputUri: string }
  | { outputPath: string }
  | { outputUri: string }
  | { executorInput: null }
  | { concat: V1Argument[] }
  | { if: { cond: { isPresent: string }; then: V1Argument[]; else?: V1Argument[] } };

const argumentSchema: z.ZodType<V1Argument> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.strictObject({ inputValue: z.string() }),
    z.strictObject({ inputPath: z.string() }),
    z.strictObject({ inputUri: z.string() }),
    z.strictObject({ outputPath: z.string() }),
    z.strictObject({ outputUri: z.string() }),
    z.strictObject({ executorInput: z.null() }),
    z.strictObject({ concat: z.array(argumentSchema) }),
    z.strictObject({
      if: z.strictObject({
        cond: z.strictObject({ isPresent: z.string() }),
        then: z.array(argumentSchema),
        else: z.array(argumentSchema).optional(),
      }),
    }),
  ]),
);

const componentSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  inputs: z.array(ioSchema).optional(),
  outputs: z.array(ioSchema).optional(),
  implementation: z.strictObject({
    container: z.strictObject({
      image: z.string().min(1),
      command: z.array(argumentSchema).optional(),
      args: z.array(argumentSchema).optional(),
      env: z.record(z.string(), z.string()).optional(),
      fileOutputs: z.record(z.string(), z.string()).optional(),
    }),
  }),
});

export interface LoadedComponent {
  /** The component's own name, as written in the file. */
  readonly name: string;
  /** Sanitised name used for comp-* / exec-* keys (what the SDK derives). */
  readonly key: string;
  readonly spec: Omit<ComponentSpec, 'executorLabel'>;
  readonly container: PipelineContainerSpec;
}

/** `My Component_v2` → `my-component-v2`, as the SDK names components and tasks. */
export function sanitizeComponentName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `Input 1` → `input_1`, as the SDK names v1 inputs and outputs. */
export function sanitizeInputName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

interface IoKind {
  readonly parameterType?: ParameterType;
  readonly schemaTitle?: string;
}

function classify(type: string | undefined, usedAsValue: boolean): IoKind {
  if (type === undefined)
    return usedAsValue ? { parameterType: 'STRING' } : { schemaTitle: 'system.Artifact' };
  const normalised = type.toLowerCase();
  const parameterType = PARAMETER_TYPES[normalised];
  if (parameterType) return { parameterType };
  return { schemaTitle: ARTIFACT_TYPES[normalised] ?? 'system.Artifact' };
}

function coerceDefault(value: unknown, type: ParameterType, where: string): unknown {
  if (typeof value !== 'string') return value;
  switch (type) {
    case 'NUMBER_INTEGER':
    case 'NUMBER_DOUBLE': {
      const number = Number(value);
      if (value.trim() === '' || Number.isNaN(number))
        throw new UserError(`${where}: default "${value}" is not a number`);
      return number;
    }
    case 'BOOLEAN':
      if (/^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
      throw new UserError(`${where}: default "${value}" is not true or false`);
    case 'LIST':
    case 'STRUCT':
      try {
        return JSON.parse(value) as unknown;
      } catch {
        throw new UserError(`${where}: default is not valid JSON`);
      }
    default:
      return value;
  }
}

/** Names that v1 placeholders use with `inputValue` (those inputs are parameters even if untyped). */
function collectValueInputs(args: readonly V1Argument[], into: Set<string>): void {
  for (const arg of args) {
    if (typeof arg !== 'object') continue;
    if ('inputValue' in arg) into.add(arg.inputValue);
    else if ('concat' in arg) collectValueInputs(arg.concat, into);
    else if ('if' in arg) {
      collectValueInputs(arg.if.then, into);
      collectValueInputs(arg.if.else ?? [], into);
    }
  }
}

export function loadV1Component(doc: unknown, source: string): LoadedComponent {
  const parsed = componentSchema.safeParse(doc);
  if (!parsed.success) {
    throw new UserError(`${source} is not a valid component.yaml`, {
      details: formatZodIssues(parsed.error),
      fix: 'Components use the KFP v1 component.yaml format: name, inputs, outputs, implementation.container {image, command, args}.',
    });
  }
  const component = parsed.data;
  const container = component.implementation.container;
  const valueInputs = new Set<string>();
  collectValueInputs([...(container.command ?? []), ...(container.args ?? [])], valueInputs);

  const inputs = new Map<string, IoKind>();
  const outputs = new Map<string, IoKind>();
  const spec: {
    inputDefinitions?: ComponentSpec['inputDefinitions'];
    outputDefinitions?: ComponentSpec['outputDefinitions'];
  } = {};

  for (const input of component.inputs ?? []) {
    const name = sanitizeInputName(input.name);
    const kind = classify(input.type, valueInputs.has(input.name));
    inputs.set(input.name, kind);
    spec.inputDefinitions ??= {};
    if (kind.parameterType) {
      const definition: Record<string, unknown> = { parameterType: kind.parameterType };
      if (input.default !== undefined) {
        definition.defaultValue = coerceDefault(
          input.default,
          kind.parameterType,
          `${source}: input ${input.name}`,
        );
      }
      if (input.optional || input.default !== undefined) definition.isOptional = true;
      if (input.description) definition.description = input.description.trim();
      (spec.inputDefinitions.parameters ??= {})[name] = definition;
    } else {
      const definition: Record<string, unknown> = {
        artifactType: { schemaTitle: kind.schemaTitle, schemaVersion: '0.0.1' },
      };
      if (input.optional) definition.isOptional = true;
      if (input.description) definition.description = input.description.trim();
      (spec.inputDefinitions.artifacts ??= {})[name] = definition as never;
    }
  }
  for (const output of component.outputs ?? []) {
    const name = sanitizeInputName(output.name);
    const kind = classify(output.type, false);
    outputs.set(output.name, kind);
    spec.outputDefinitions ??= {};
    if (kind.parameterType) {
      const definition: Record<string, unknown> = { parameterType: kind.parameterType };
      if (output.description) definition.description = output.description.trim();
      (spec.outputDefinitions.parameters ??= {})[name] = definition;
    } else {
      const definition: Record<string, unknown> = {
        artifactType: { schemaTitle: kind.schemaTitle, schemaVersion: '0.0.1' },
      };
      if (output.description) definition.description = output.description.trim();
      (spec.outputDefinitions.artifacts ??= {})[name] = definition as never;
    }
  }

  const convert = (arg: V1Argument, where: string): string => {
    if (typeof arg !== 'object') return String(arg);
    const needInput = (name: string): IoKind => {
      const kind = inputs.get(name);
      if (!kind)
        throw new UserError(
          `${source}: ${where} refers to input "${name}", which is not declared`,
          { fix: `Declare "${name}" under inputs:, or fix the name.` },
        );
      return kind;
    };
    const needOutput = (name: string): IoKind => {
      const kind = outputs.get(name);
      if (!kind)
        throw new UserError(
          `${source}: ${where} refers to output "${name}", which is not declared`,
          { fix: `Declare "${name}" under outputs:, or fix the name.` },
        );
      return kind;
    };
    if ('inputValue' in arg) {
      const kind = needInput(arg.inputValue);
      if (!kind.parameterType)
        throw new UserError(
          `${source}: ${where} uses inputValue on artifact input "${arg.inputValue}"`,
          { fix: 'Use inputPath or inputUri for artifacts.' },
        );
      return `{{$.inputs.parameters['${sanitizeInputName(arg.inputValue)}']}}`;
    }
    if ('inputPath' in arg || 'inputUri' in arg) {
      const name = 'inputPath' in arg ? arg.inputPath : arg.inputUri;
      if (needInput(name).parameterType)
        throw new UserError(
          `${source}: ${where} uses ${'inputPath' in arg ? 'inputPath' : 'inputUri'} on parameter input "${name}"`,
          {
            fix: 'Use inputValue for parameters, or give the input an artifact type such as Dataset.',
          },
        );
      return `{{$.inputs.artifacts['${sanitizeInputName(name)}'].${'inputPath' in arg ? 'path' : 'uri'}}}`;
    }
    if ('outputPath' in arg) {
      const kind = needOutput(arg.outputPath);
      const name = sanitizeInputName(arg.outputPath);
      return kind.parameterType
        ? `{{$.outputs.parameters['${name}'].output_file}}`
        : `{{$.outputs.artifacts['${name}'].path}}`;
    }
    if ('outputUri' in arg) {
      if (needOutput(arg.outputUri).parameterType)
        throw new UserError(
          `${source}: ${where} uses outputUri on parameter output "${arg.outputUri}"`,
          { fix: 'Use outputPath for output parameters.' },
        );
      return `{{$.outputs.artifacts['${sanitizeInputName(arg.outputUri)}'].uri}}`;
    }
    if ('executorInput' in arg) return '{{$}}';
    if ('concat' in arg)
      return JSON.stringify({ Concat: arg.concat.map((part) => convert(part, where)) });
    const { cond, then, else: otherwise } = arg.if;
    needInput(cond.isPresent);
    const ifPresent: Record<string, unknown> = {
      InputName: sanitizeInputName(cond.isPresent),
      Then: then.map((part) => convert(part, where)),
    };
    if (otherwise) ifPresent.Else = otherwise.map((part) => convert(part, where));
    return JSON.stringify({ IfPresent: ifPresent });
  };

  const executor: Record<string, unknown> = { image: container.image };
  if (container.command)
    executor.command = container.command.map((arg, i) => convert(arg, `command[${i}]`));
  if (container.args) executor.args = container.args.map((arg, i) => convert(arg, `args[${i}]`));
  if (container.env)
    executor.env = Object.entries(container.env).map(([name, value]) => ({ name, value }));

  return {
    name: component.name,
    key: sanitizeComponentName(component.name),
    spec,
    container: executor as PipelineContainerSpec,
  };
}
