/**
 * Resolves what a task of the local run receives: its input parameters (from the enclosing
 * DAG, upstream outputs, constants, SDK f-strings, final-status of an exit handler's task, and
 * defaults) and its input artifacts, failing when a required one has no value.
 */
import { UserError } from '../../core/errors.js';
import { applyExpressionSelector } from '../../core/ir/cel.js';
import type { ParameterValue } from '../../core/ir/parameters.js';
import { substitutePlaceholders, type RuntimeArtifact } from '../../core/ir/placeholders.js';
import type { ComponentSpec, PipelineTaskSpec } from '../../core/ir/schema-components.js';
import type { Outcome, Scope } from './local-run-types.js';

export async function resolveTaskInputs(
  runId: string,
  task: PipelineTaskSpec,
  component: ComponentSpec,
  scope: Scope,
  outcomeOf: (name: string) => Promise<Outcome>,
): Promise<Pick<Scope, 'parameters' | 'artifacts'>> {
  const parameters: Record<string, ParameterValue | undefined> = {};
  const artifacts: Record<string, RuntimeArtifact[]> = {};
  const templated: string[] = [];
  for (const [key, source] of Object.entries(task.inputs?.parameters ?? {})) {
    let value: ParameterValue | undefined;
    if (source.componentInputParameter !== undefined)
      value = scope.parameters[source.componentInputParameter];
    else if (source.taskOutputParameter) {
      const producer = await outcomeOf(source.taskOutputParameter.producerTask ?? '');
      value = producer.parameters[source.taskOutputParameter.outputParameterKey ?? ''];
    } else if (source.runtimeValue) {
      value = source.runtimeValue.constant;
      if (typeof value === 'string' && value.includes('{{$.inputs.parameters')) templated.push(key);
    } else if (source.taskFinalStatus) {
      const producerName = source.taskFinalStatus.producerTask ?? '';
      const producer = await outcomeOf(producerName);
      value = {
        state:
          producer.state === 'SUCCEEDED'
            ? 'SUCCEEDED'
            : producer.state === 'CANCELLED'
              ? 'CANCELLED'
              : 'FAILED',
        error: producer.error ? { code: 2, message: producer.error } : {},
        pipelineJobResourceName: runId,
        pipelineTaskName: producerName,
      };
    }
    if (value !== undefined && source.parameterExpressionSelector)
      value = applyExpressionSelector(source.parameterExpressionSelector, value);
    parameters[key] = value;
  }
  // SDK f-strings: constants that embed other inputs of the same task.
  const context = {
    parameters,
    inputArtifacts: {},
    outputArtifacts: {},
    outputParameterFiles: {},
    executorOutputFile: '',
    runtime: {},
  };
  for (const key of templated) {
    const template = parameters[key];
    if (typeof template === 'string')
      parameters[key] = substitutePlaceholders(template, context, () => '{}');
  }
  for (const [key, definition] of Object.entries(component.inputDefinitions?.parameters ?? {})) {
    if (parameters[key] === undefined && definition.defaultValue !== undefined)
      parameters[key] = definition.defaultValue;
    // A loop's item input is bound per iteration, not here.
    if (
      parameters[key] === undefined &&
      !definition.isOptional &&
      key !== task.parameterIterator?.itemInput
    ) {
      throw new UserError(`input parameter "${key}" has no value`);
    }
  }
  for (const [key, source] of Object.entries(task.inputs?.artifacts ?? {})) {
    if (source.taskOutputArtifact) {
      const producer = await outcomeOf(source.taskOutputArtifact.producerTask ?? '');
      artifacts[key] = producer.artifacts[source.taskOutputArtifact.outputArtifactKey ?? ''] ?? [];
    } else if (source.componentInputArtifact !== undefined) {
      artifacts[key] = [...(scope.artifacts[source.componentInputArtifact] ?? [])];
    }
  }
  for (const [key, definition] of Object.entries(component.inputDefinitions?.artifacts ?? {})) {
    if ((artifacts[key]?.length ?? 0) === 0 && !definition.isOptional) {
      throw new UserError(`input artifact "${key}" was not produced`);
    }
  }
  return { parameters, artifacts };
}
