/**
 * The root component's interface for a declarative pipeline (./compile-declarative.ts): the
 * pipeline's parameters as its input definitions, and its `outputs:` as DAG outputs selected
 * from unconditional tasks.
 *
 * Pure: works on values only.
 */
import { UserError } from '../errors.js';
import type { ComponentSpec } from '../ir/schema-components.js';
import { constantMatches, PARAMETER_TYPE, type CompileScope } from './compile-model.js';
import { parseReference, type Reference } from './references.js';

export function rootInputDefinitions(scope: CompileScope): ComponentSpec['inputDefinitions'] {
  const entries = Object.entries(scope.parameters);
  if (entries.length === 0) return undefined;
  const parameters: Record<string, unknown> = {};
  for (const [name, parameter] of entries) {
    const type = PARAMETER_TYPE[parameter.type];
    const definition: Record<string, unknown> = { parameterType: type };
    if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name)) {
      scope.problems.push(
        `parameters.${name}: parameter names are identifiers (letters, digits, underscores)`,
      );
    }
    if (parameter.default !== undefined) {
      if (!constantMatches(parameter.default, type)) {
        scope.problems.push(
          `parameters.${name}.default: ${JSON.stringify(parameter.default)} is not a valid ${parameter.type}`,
        );
      }
      definition.defaultValue = parameter.default;
    }
    if (parameter.optional || parameter.default !== undefined) definition.isOptional = true;
    if (parameter.description) definition.description = parameter.description.trim();
    parameters[name] = definition;
  }
  return { parameters } as ComponentSpec['inputDefinitions'];
}

export function addPipelineOutputs(scope: CompileScope, root: ComponentSpec): void {
  const outputs = Object.entries(scope.pipeline.outputs ?? {});
  if (outputs.length === 0 || !root.dag) return;
  const dagOutputs: Record<string, Record<string, unknown>> = {};
  const definitions: Record<string, Record<string, unknown>> = {};
  for (const [name, text] of outputs) {
    const where = `outputs.${name}`;
    let reference: Reference;
    try {
      reference = parseReference(text.replace(/^\$\{|\}$/g, ''), scope.taskNames);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      scope.problems.push(`${where}: ${error.describe()}`);
      continue;
    }
    const resolved = scope.resolve(reference, where);
    if (!resolved) continue;
    if (resolved.kind === 'param') {
      scope.problems.push(`${where}: pipeline outputs come from tasks, not parameters`);
      continue;
    }
    if (scope.tasks.get(resolved.task)?.group !== undefined) {
      scope.problems.push(
        `${where}: "${resolved.task}" is conditional, so it cannot provide a pipeline output`,
      );
      continue;
    }
    if (resolved.kind === 'task-parameter') {
      (dagOutputs.parameters ??= {})[name] = {
        valueFromParameter: {
          producerSubtask: resolved.task,
          outputParameterKey: resolved.output,
        },
      };
      (definitions.parameters ??= {})[name] = { parameterType: resolved.type };
    } else {
      (dagOutputs.artifacts ??= {})[name] = {
        artifactSelectors: [{ producerSubtask: resolved.task, outputArtifactKey: resolved.output }],
      };
      (definitions.artifacts ??= {})[name] = {
        artifactType: { schemaTitle: resolved.schemaTitle, schemaVersion: '0.0.1' },
      };
    }
  }
  (root.dag as Record<string, unknown>).outputs = dagOutputs;
  root.outputDefinitions = definitions;
}
