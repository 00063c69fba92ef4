/**
 * The index the pipeline-spec reference checks share (./validate.ts, ./validate-dag.ts,
 * ./validate-executors.ts): each component's interface (inputs, outputs, executor, DAG), read
 * defensively from the raw document, the executors, what tasks pass, and the problem sink.
 *
 * Pure: works on values only.
 */
import { entries, isRecord, keys, record, text, type Path } from './validate-values.js';

/**
 * The SDK adds task inputs with this prefix (for conditions, and for task settings taken from
 * another task's output) without declaring them on the component; executor placeholders may
 * then name them, and resolve against the task's inputs.
 */
export const PIPELINE_CHANNEL_PREFIX = 'pipelinechannel--';

export interface Problems {
  add(path: Path, message: string): void;
}

export interface ComponentInterface {
  /** "root" or the key in `components`. */
  readonly name: string;
  readonly path: Path;
  readonly inputParameters: ReadonlyMap<string, Record<string, unknown>>;
  readonly inputArtifacts: ReadonlyMap<string, Record<string, unknown>>;
  readonly outputParameters: readonly string[];
  readonly outputArtifacts: readonly string[];
  readonly executorLabel: string | undefined;
  readonly dag: Record<string, unknown> | undefined;
}

export interface SpecIndex {
  readonly components: ReadonlyMap<string, ComponentInterface>;
  readonly root: ComponentInterface;
  readonly executors: Record<string, unknown>;
  /** Input names each task passes, by the component it runs: executor placeholders may name them. */
  readonly taskInputs: Map<string, ReadonlySet<string>[]>;
  readonly problems: Problems;
}

export function describeComponent(name: string, path: Path, value: unknown): ComponentInterface {
  const component = record(value);
  const inputs = record(component['inputDefinitions']);
  const outputs = record(component['outputDefinitions']);
  return {
    name,
    path,
    inputParameters: new Map(
      entries(inputs['parameters']).map(([key, spec]) => [key, record(spec)]),
    ),
    inputArtifacts: new Map(entries(inputs['artifacts']).map(([key, spec]) => [key, record(spec)])),
    outputParameters: keys(outputs['parameters']),
    outputArtifacts: keys(outputs['artifacts']),
    executorLabel: text(component['executorLabel']),
    dag: isRecord(component['dag']) ? component['dag'] : undefined,
  };
}

export function describeOwner(component: ComponentInterface): string {
  return component.name === 'root' ? 'the pipeline root' : `component ${component.name}`;
}

export type IoKind = 'parameter' | 'artifact';

export function inputsOf(component: ComponentInterface, kind: IoKind) {
  return kind === 'parameter' ? component.inputParameters : component.inputArtifacts;
}

export function outputsOf(component: ComponentInterface, kind: IoKind): readonly string[] {
  return kind === 'parameter' ? component.outputParameters : component.outputArtifacts;
}

/** Field names of the task input forms, per kind (`TaskInputsSpec`). */
export const TASK_INPUT_FIELDS = {
  parameter: {
    collection: 'parameters',
    fromTask: 'taskOutputParameter',
    outputKey: 'outputParameterKey',
    fromOwner: 'componentInputParameter',
  },
  artifact: {
    collection: 'artifacts',
    fromTask: 'taskOutputArtifact',
    outputKey: 'outputArtifactKey',
    fromOwner: 'componentInputArtifact',
  },
} as const;
