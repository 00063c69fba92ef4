/**
 * The model the declarative-pipeline compiler (./compile-declarative.ts) works on: the tasks
 * with their loaded components and when-groups, what a `${...}` reference resolves to, the
 * scope its parts share, and the small rules they apply (channel names, parameter type
 * compatibility, constants, task input sources).
 *
 * Pure: works on values only.
 */
import type { ParameterType } from '../ir/schema-common.js';
import type { TaskInputArtifactSpec, TaskInputParameterSpec } from '../ir/schema-components.js';
import type {
  DeclarativeParameter,
  DeclarativePipeline,
  DeclarativeTask,
} from './declarative-schema.js';
import type { Reference } from './references.js';
import type { LoadedComponent } from './v1-component.js';

export const PARAMETER_TYPE: Record<DeclarativeParameter['type'], ParameterType> = {
  String: 'STRING',
  Integer: 'NUMBER_INTEGER',
  Float: 'NUMBER_DOUBLE',
  Boolean: 'BOOLEAN',
  List: 'LIST',
  Struct: 'STRUCT',
};

export const CHANNEL = 'pipelinechannel--';

/** What a reference resolves to: its IR type, and where it comes from. */
export type ResolvedReference =
  | { readonly kind: 'param'; readonly name: string; readonly type: ParameterType }
  | {
      readonly kind: 'task-parameter';
      readonly task: string;
      readonly output: string;
      readonly type: ParameterType;
    }
  | {
      readonly kind: 'task-artifact';
      readonly task: string;
      readonly output: string;
      readonly schemaTitle: string;
    };

export interface TaskModel {
  readonly name: string;
  readonly decl: DeclarativeTask;
  readonly component: LoadedComponent;
  /** Index of the condition group, or undefined for root-level tasks. */
  readonly group: number | undefined;
}

/** A distinct `when` expression: its tasks run inside one `condition-N` sub-DAG. */
export interface ConditionGroup {
  readonly index: number;
  readonly expression: string;
  readonly tasks: string[];
}

/** What the compiler's parts read of the pipeline being compiled, and where they report problems. */
export interface CompileScope {
  readonly pipeline: DeclarativePipeline;
  readonly tasks: ReadonlyMap<string, TaskModel>;
  readonly taskNames: ReadonlySet<string>;
  readonly problems: string[];
  readonly parameters: Record<string, DeclarativeParameter>;
  /** What a reference names, reporting it when it names nothing. */
  resolve(reference: Reference, where: string): ResolvedReference | undefined;
  /** Reports a producer inside a when-group used from outside it. */
  checkVisibility(consumer: TaskModel, producerName: string, where: string): void;
}

export function channelName(reference: ResolvedReference): string {
  return reference.kind === 'param'
    ? `${CHANNEL}${reference.name}`
    : `${CHANNEL}${reference.task}-${reference.output}`;
}

export function typeLabel(reference: ResolvedReference): string {
  return reference.kind === 'task-artifact' ? reference.schemaTitle : reference.type;
}

/** SDK-style check: does a value of type `from` fit an input of type `to`? */
export function parameterTypesCompatible(from: ParameterType, to: ParameterType): boolean {
  return from === to || (from === 'NUMBER_INTEGER' && to === 'NUMBER_DOUBLE') || to === 'STRING';
}

export function constantMatches(value: unknown, type: ParameterType): boolean {
  switch (type) {
    case 'STRING':
      return typeof value === 'string';
    case 'NUMBER_INTEGER':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'NUMBER_DOUBLE':
      return typeof value === 'number' && Number.isFinite(value);
    case 'BOOLEAN':
      return typeof value === 'boolean';
    case 'LIST':
      return Array.isArray(value);
    case 'STRUCT':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      return false;
  }
}

export function describeReference(reference: ResolvedReference): string {
  return reference.kind === 'param'
    ? `params.${reference.name}`
    : `${reference.task}.${reference.output}`;
}

export function parameterSource(reference: ResolvedReference): TaskInputParameterSpec {
  if (reference.kind === 'param') return { componentInputParameter: reference.name };
  return {
    taskOutputParameter: { producerTask: reference.task, outputParameterKey: reference.output },
  };
}

export function artifactSource(
  reference: ResolvedReference & { kind: 'task-artifact' },
): TaskInputArtifactSpec {
  return {
    taskOutputArtifact: { producerTask: reference.task, outputArtifactKey: reference.output },
  };
}
