/**
 * Compiles one task of a declarative pipeline (./compile-declarative.ts): its IR task spec
 * (inputs from constants, parameters, task outputs or f-string text, dependencies, retry
 * policy), checking each input against the component's interface, and its container (the
 * component's, with the task's env and resources).
 *
 * Pure: works on values only.
 */
import { durationMs } from '../duration.js';
import { UserError } from '../errors.js';
import type { ParameterType } from '../ir/schema-common.js';
import type {
  PipelineTaskSpec,
  TaskInputArtifactSpec,
  TaskInputParameterSpec,
} from '../ir/schema-components.js';
import type { PipelineContainerSpec } from '../ir/schema-executors.js';
import {
  artifactSource,
  channelName,
  constantMatches,
  describeReference,
  parameterSource,
  parameterTypesCompatible,
  typeLabel,
  type CompileScope,
  type ResolvedReference,
  type TaskModel,
} from './compile-model.js';
import { parseValueTemplate } from './references.js';

/** A duration as proto JSON writes it: seconds with an `s`. */
function durationSeconds(text: string): string {
  return `${(durationMs(text) ?? 0) / 1000}s`;
}

export function taskSpec(
  scope: CompileScope,
  task: TaskModel,
  where: string,
  isOutsideGroup: (reference: ResolvedReference) => boolean,
): PipelineTaskSpec {
  const spec: Record<string, unknown> = {
    taskInfo: { name: task.decl.displayName ?? task.name },
    componentRef: { name: `comp-${task.name}` },
    cachingOptions: task.decl.cache === false ? {} : { enableCache: true },
  };
  const dependencies = new Set<string>();
  const declaredInputs = task.component.spec.inputDefinitions;
  const given = task.decl.inputs ?? {};
  const parameters: Record<string, TaskInputParameterSpec> = {};
  const artifacts: Record<string, TaskInputArtifactSpec> = {};

  const useReference = (reference: ResolvedReference, at: string): { channel?: string } => {
    if (reference.kind !== 'param') {
      scope.checkVisibility(task, reference.task, at);
      if (!isOutsideGroup(reference)) dependencies.add(reference.task);
      else return { channel: channelName(reference) };
      return {};
    }
    return isOutsideGroup(reference) ? { channel: channelName(reference) } : {};
  };

  for (const [inputName, value] of Object.entries(given)) {
    const at = `${where}.inputs.${inputName}`;
    const parameterSpec = declaredInputs?.parameters?.[inputName];
    const artifactSpec = declaredInputs?.artifacts?.[inputName];
    if (!parameterSpec && !artifactSpec) {
      const known = [
        ...Object.keys(declaredInputs?.parameters ?? {}),
        ...Object.keys(declaredInputs?.artifacts ?? {}),
      ];
      scope.problems.push(
        `${at}: component "${task.component.name}" has no input "${inputName}" (inputs: ${known.join(', ') || 'none'})`,
      );
      continue;
    }
    let template;
    try {
      template = parseValueTemplate(value, scope.taskNames);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      scope.problems.push(`${at}: ${error.describe()}`);
      continue;
    }
    if (artifactSpec) {
      const reference =
        template.kind === 'reference' ? scope.resolve(template.reference, at) : undefined;
      if (template.kind !== 'reference') {
        scope.problems.push(
          `${at}: "${inputName}" is an artifact (${artifactSpec.artifactType.schemaTitle}); pass a task output such as \${TASK.OUTPUT}`,
        );
      } else if (reference && reference.kind !== 'task-artifact') {
        scope.problems.push(
          `${at}: "${inputName}" is an artifact but ${describeReference(reference)} is a ${typeLabel(reference)} parameter`,
        );
      } else if (reference) {
        const wanted = artifactSpec.artifactType.schemaTitle ?? 'system.Artifact';
        if (
          wanted !== reference.schemaTitle &&
          wanted !== 'system.Artifact' &&
          reference.schemaTitle !== 'system.Artifact'
        ) {
          scope.problems.push(
            `${at}: "${inputName}" expects ${wanted} but ${describeReference(reference)} is ${reference.schemaTitle}`,
          );
        }
        const { channel } = useReference(reference, at);
        artifacts[inputName] = channel
          ? { componentInputArtifact: channel }
          : artifactSource(reference);
      }
      continue;
    }
    const wanted = parameterSpec?.parameterType as ParameterType;
    if (template.kind === 'constant') {
      if (!constantMatches(template.value, wanted)) {
        scope.problems.push(
          `${at}: ${JSON.stringify(template.value)} is not a valid ${wanted} value`,
        );
      }
      parameters[inputName] = {
        runtimeValue: { constant: template.value },
      } as TaskInputParameterSpec;
    } else if (template.kind === 'reference') {
      const reference = scope.resolve(template.reference, at);
      if (!reference) continue;
      if (reference.kind === 'task-artifact') {
        scope.problems.push(
          `${at}: "${inputName}" is a ${wanted} parameter but ${describeReference(reference)} is an artifact (${reference.schemaTitle})`,
        );
        continue;
      }
      if (!parameterTypesCompatible(reference.type, wanted)) {
        scope.problems.push(
          `${at}: "${inputName}" expects ${wanted} but ${describeReference(reference)} is ${reference.type}`,
        );
      }
      const { channel } = useReference(reference, at);
      parameters[inputName] = channel
        ? { componentInputParameter: channel }
        : parameterSource(reference);
    } else {
      // Text with references: the SDK's f-string form, a constant with placeholders fed by channel inputs.
      if (wanted !== 'STRING')
        scope.problems.push(`${at}: only String inputs can mix text and references`);
      let constant = '';
      for (const part of template.parts) {
        if (typeof part === 'string') {
          constant += part;
          continue;
        }
        const reference = scope.resolve(part, at);
        if (!reference) continue;
        if (reference.kind === 'task-artifact') {
          scope.problems.push(
            `${at}: ${describeReference(reference)} is an artifact and cannot be part of a text value`,
          );
          continue;
        }
        const channel = channelName(reference);
        constant += `{{$.inputs.parameters['${channel}']}}`;
        const { channel: outside } = useReference(reference, at);
        parameters[channel] = outside
          ? { componentInputParameter: outside }
          : parameterSource(reference);
      }
      parameters[inputName] = { runtimeValue: { constant } };
    }
  }

  for (const [name, definition] of Object.entries(declaredInputs?.parameters ?? {})) {
    if (!(name in given) && !definition.isOptional && definition.defaultValue === undefined) {
      scope.problems.push(
        `${where}.inputs: required input "${name}" of component "${task.component.name}" is not set`,
      );
    }
  }
  for (const [name, definition] of Object.entries(declaredInputs?.artifacts ?? {})) {
    if (!(name in given) && !definition.isOptional) {
      scope.problems.push(
        `${where}.inputs: required artifact "${name}" of component "${task.component.name}" is not set`,
      );
    }
  }

  for (const after of task.decl.after ?? []) {
    if (!scope.tasks.has(after)) {
      scope.problems.push(
        `${where}.after: unknown task "${after}" (tasks: ${[...scope.taskNames].join(', ')})`,
      );
    } else if (after === task.name) {
      scope.problems.push(`${where}.after: a task cannot run after itself`);
    } else {
      scope.checkVisibility(task, after, `${where}.after`);
      if (scope.tasks.get(after)?.group === task.group) dependencies.add(after);
    }
  }

  if (dependencies.size > 0) spec.dependentTasks = [...dependencies].sort();
  const inputs: Record<string, unknown> = {};
  if (Object.keys(parameters).length > 0) inputs.parameters = parameters;
  if (Object.keys(artifacts).length > 0) inputs.artifacts = artifacts;
  if (Object.keys(inputs).length > 0) spec.inputs = inputs;
  const retry = task.decl.retry;
  if (retry) {
    spec.retryPolicy = {
      maxRetryCount: retry.attempts,
      backoffDuration: durationSeconds(retry.backoff ?? '0s'),
      backoffFactor: retry.factor ?? 2,
      backoffMaxDuration: durationSeconds(retry.maxBackoff ?? '1h'),
    };
  }
  return spec as PipelineTaskSpec;
}

export function containerSpec(task: TaskModel): PipelineContainerSpec {
  const container: Record<string, unknown> = { ...task.component.container };
  const env = task.decl.env;
  if (env) {
    const merged = new Map(
      (task.component.container.env ?? []).map((entry) => [entry.name, entry.value]),
    );
    for (const [name, value] of Object.entries(env)) merged.set(name, String(value));
    container.env = [...merged].map(([name, value]) => ({ name, value }));
  }
  const resources = task.decl.resources;
  if (resources) {
    const spec: Record<string, unknown> = {};
    if (resources.cpu !== undefined) spec.resourceCpuLimit = String(resources.cpu);
    if (resources.memory !== undefined) spec.resourceMemoryLimit = resources.memory;
    if (resources.cpuRequest !== undefined) spec.resourceCpuRequest = String(resources.cpuRequest);
    if (resources.memoryRequest !== undefined) spec.resourceMemoryRequest = resources.memoryRequest;
    if (resources.accelerator) {
      spec.accelerator = {
        resourceType: resources.accelerator.type,
        resourceCount: String(resources.accelerator.count),
      };
    }
    container.resources = spec;
  }
  return container as PipelineContainerSpec;
}
