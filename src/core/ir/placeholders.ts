import { UserError } from '../errors.js';
import type { ParameterValue } from './parameters.js';

/** An artifact as the executor sees it (ExecutorInput's RuntimeArtifact). */
export interface RuntimeArtifact {
  readonly name: string;
  readonly uri: string;
  /** Local file path for the URI: the same as `uri` for local runs. */
  readonly path: string;
  readonly schemaTitle: string;
  readonly metadata: Record<string, unknown>;
}

/** Everything placeholders in a container command line can refer to. */
export interface PlaceholderContext {
  readonly parameters: Readonly<Record<string, ParameterValue | undefined>>;
  readonly inputArtifacts: Readonly<Record<string, readonly RuntimeArtifact[]>>;
  readonly outputArtifacts: Readonly<Record<string, RuntimeArtifact>>;
  readonly outputParameterFiles: Readonly<Record<string, string>>;
  readonly executorOutputFile: string;
  readonly runtime: Readonly<Record<string, string>>;
}

/** The `{{$}}` placeholder: KFP's ExecutorInput message as JSON. */
export function buildExecutorInput(context: PlaceholderContext): Record<string, unknown> {
  const toMessage = (artifact: RuntimeArtifact): Record<string, unknown> => ({
    name: artifact.name,
    uri: artifact.uri,
    metadata: artifact.metadata,
    type: { schemaTitle: artifact.schemaTitle },
  });
  const parameterValues = Object.fromEntries(
    Object.entries(context.parameters).filter(
      (entry): entry is [string, ParameterValue] => entry[1] !== undefined,
    ),
  );
  return {
    inputs: {
      parameterValues,
      artifacts: Object.fromEntries(
        Object.entries(context.inputArtifacts).map(([key, list]) => [
          key,
          { artifacts: list.map(toMessage) },
        ]),
      ),
    },
    outputs: {
      parameters: Object.fromEntries(
        Object.entries(context.outputParameterFiles).map(([key, file]) => [
          key,
          { outputFile: file },
        ]),
      ),
      artifacts: Object.fromEntries(
        Object.entries(context.outputArtifacts).map(([key, artifact]) => [
          key,
          { artifacts: [toMessage(artifact)] },
        ]),
      ),
      outputFile: context.executorOutputFile,
    },
  };
}

const PLACEHOLDER = /\{\{\$(?:\.[^{}]*?)?\}\}/g;

/** Renders a parameter value the way the KFP launcher does: strings raw, the rest as JSON. */
export function renderParameter(value: ParameterValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function expectArtifact(
  list: readonly RuntimeArtifact[] | undefined,
  name: string,
  placeholder: string,
): RuntimeArtifact {
  const [first] = list ?? [];
  if (!first)
    throw new UserError(
      `${placeholder} refers to artifact "${name}", which this task was not given`,
    );
  return first;
}

function resolveArtifactField(
  artifact: RuntimeArtifact,
  field: string,
  placeholder: string,
): string {
  if (field === 'path') return artifact.path;
  if (field === 'uri') return artifact.uri;
  if (field === 'metadata') return JSON.stringify(artifact.metadata);
  const key = /^metadata\['([^']*)'\]$/.exec(field)?.[1];
  if (key !== undefined) {
    const value = artifact.metadata[key];
    return typeof value === 'string' ? value : JSON.stringify(value ?? null);
  }
  throw new UserError(`Unsupported placeholder ${placeholder}`);
}

/** Substitutes every `{{$...}}` in one string. */
export function substitutePlaceholders(
  text: string,
  context: PlaceholderContext,
  executorInputJson: () => string,
): string {
  return text.replace(PLACEHOLDER, (placeholder) => {
    const inner = placeholder.slice(2, -2);
    if (inner === '$') return executorInputJson();
    let match = /^\$\.inputs\.parameters\['([^']+)'\]$/.exec(inner);
    if (match?.[1] !== undefined) {
      const value = context.parameters[match[1]];
      if (value === undefined)
        throw new UserError(`${placeholder}: input parameter "${match[1]}" has no value`, {
          fix: 'Give the input a value or a default, or wrap it in IfPresent.',
        });
      return renderParameter(value);
    }
    match = /^\$\.inputs\.artifacts\['([^']+)'\]\.(.+)$/.exec(inner);
    if (match?.[1] !== undefined && match[2] !== undefined) {
      return resolveArtifactField(
        expectArtifact(context.inputArtifacts[match[1]], match[1], placeholder),
        match[2],
        placeholder,
      );
    }
    match = /^\$\.outputs\.artifacts\['([^']+)'\]\.(.+)$/.exec(inner);
    if (match?.[1] !== undefined && match[2] !== undefined) {
      const artifact = context.outputArtifacts[match[1]];
      if (!artifact)
        throw new UserError(`${placeholder} refers to undeclared output artifact "${match[1]}"`);
      return resolveArtifactField(artifact, match[2], placeholder);
    }
    match = /^\$\.outputs\.parameters\['([^']+)'\]\.output_file$/.exec(inner);
    if (match?.[1] !== undefined) {
      const file = context.outputParameterFiles[match[1]];
      if (!file)
        throw new UserError(`${placeholder} refers to undeclared output parameter "${match[1]}"`);
      return file;
    }
    if (inner === '$.outputs.output_file') return context.executorOutputFile;
    const runtimeKey = /^\$\.([a-z_]+)$/.exec(inner)?.[1];
    if (runtimeKey !== undefined && runtimeKey in context.runtime)
      return context.runtime[runtimeKey] ?? '';
    if (
      runtimeKey?.startsWith('pipeline_google_cloud') ||
      runtimeKey === 'pipeline_service_account'
    ) {
      throw new UserError(`${placeholder} is only available on Vertex AI`, {
        fix: 'Run this pipeline on Vertex (mlops run --vertex), or remove the Vertex-only placeholder.',
      });
    }
    throw new UserError(`Unsupported placeholder ${placeholder}`);
  });
}

/** Is an input present, for IfPresent? */
function isPresent(name: string, context: PlaceholderContext): boolean {
  return context.parameters[name] !== undefined || (context.inputArtifacts[name]?.length ?? 0) > 0;
}

type Structured =
  { Concat: unknown[] } | { IfPresent: { InputName: string; Then?: unknown; Else?: unknown } };

function asStructured(value: unknown): Structured | undefined {
  let candidate = value;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (!trimmed.startsWith('{"Concat"') && !trimmed.startsWith('{"IfPresent"')) return undefined;
    try {
      candidate = JSON.parse(trimmed);
    } catch {
      return undefined;
    }
  }
  if (typeof candidate !== 'object' || candidate === null) return undefined;
  if ('Concat' in candidate && Array.isArray(candidate.Concat)) return candidate as Structured;
  if ('IfPresent' in candidate) return candidate as Structured;
  return undefined;
}

/**
 * Resolves a container's command or args. Concat joins its parts into one argument;
 * IfPresent expands to its Then or Else list, which may be several arguments or none.
 */
export function resolveCommandLine(
  args: readonly unknown[],
  context: PlaceholderContext,
): string[] {
  let executorInput: string | undefined;
  const executorInputJson = (): string =>
    (executorInput ??= JSON.stringify(buildExecutorInput(context)));
  const expand = (arg: unknown): string[] => {
    const structured = asStructured(arg);
    if (!structured) return [substitutePlaceholders(String(arg), context, executorInputJson)];
    if ('Concat' in structured) return [structured.Concat.flatMap(expand).join('')];
    const { InputName, Then, Else } = structured.IfPresent;
    const branch = isPresent(InputName, context) ? Then : Else;
    if (branch === undefined) return [];
    return (Array.isArray(branch) ? branch : [branch]).flatMap(expand);
  };
  return args.flatMap(expand);
}
