import { stringify } from 'yaml';
import type { PipelineSpec } from './schema.js';

/**
 * Writes IR as `kfp.compiler` does: a `# PIPELINE DEFINITION` header summarising inputs and
 * outputs, then the spec with keys sorted, so diffs of compiled files stay small.
 */
export function serializePipelineSpec(
  spec: PipelineSpec,
  format: 'yaml' | 'json' = 'yaml',
): string {
  if (format === 'json') return `${JSON.stringify(sortKeys(spec), null, 2)}\n`;
  return `${header(spec)}${stringify(sortKeys(spec), { lineWidth: 0, aliasDuplicateObjects: false })}`;
}

function header(spec: PipelineSpec): string {
  const lines = ['# PIPELINE DEFINITION', `# Name: ${spec.pipelineInfo.name}`];
  if (spec.pipelineInfo.description)
    lines.push(`# Description: ${spec.pipelineInfo.description.split('\n')[0] ?? ''}`);
  const pythonType: Record<string, string> = {
    STRING: 'str',
    NUMBER_INTEGER: 'int',
    NUMBER_DOUBLE: 'float',
    BOOLEAN: 'bool',
    LIST: 'list',
    STRUCT: 'dict',
  };
  const pythonLiteral = (value: unknown): string =>
    typeof value === 'string'
      ? `'${value}'`
      : typeof value === 'boolean'
        ? value
          ? 'True'
          : 'False'
        : JSON.stringify(value);
  const describe = (section: 'inputDefinitions' | 'outputDefinitions'): string[] => {
    const definitions = spec.root[section];
    const entries: string[] = [];
    for (const [name, parameter] of Object.entries(definitions?.parameters ?? {})) {
      const fallback =
        'defaultValue' in parameter && parameter.defaultValue !== undefined
          ? ` [Default: ${pythonLiteral(parameter.defaultValue)}]`
          : '';
      const type = String(parameter.parameterType);
      entries.push(`#    ${name}: ${pythonType[type] ?? type}${fallback}`);
    }
    const artifacts: Record<string, { artifactType: { schemaTitle?: string } }> =
      definitions?.artifacts ?? {};
    for (const [name, artifact] of Object.entries(artifacts)) {
      entries.push(`#    ${name}: ${artifact.artifactType.schemaTitle ?? 'artifact'}`);
    }
    return entries;
  };
  const inputs = describe('inputDefinitions');
  const outputs = describe('outputDefinitions');
  if (inputs.length > 0) lines.push('# Inputs:', ...inputs);
  if (outputs.length > 0) lines.push('# Outputs:', ...outputs);
  return `${lines.join('\n')}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
