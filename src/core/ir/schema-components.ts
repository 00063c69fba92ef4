/**
 * The IR schemas of components (./schema.ts states the conventions): a component's interface
 * (`inputDefinitions`/`outputDefinitions`), the tasks of a DAG and their inputs, iterators and
 * policies, DAG outputs, platform-specific settings, and `ComponentSpec` itself.
 */
import { z } from 'zod';
import {
  alternatives,
  ArtifactTypeSchema,
  decimal,
  Duration,
  integer,
  JsonObject,
  JsonValue,
  oneOf,
  ParameterType,
  PrimitiveType,
  reference,
  requireParameterType,
  ValueOrRuntimeParameter,
} from './schema-common.js';

// ---------------------------------------------------------------------------------------------
// Component interface

/** An input parameter of a component (`ComponentInputsSpec.ParameterSpec`). */
export const ParameterSpec = requireParameterType(
  z.strictObject({
    /** Deprecated: use `parameterType`. */
    type: PrimitiveType.optional(),
    parameterType: ParameterType.optional(),
    defaultValue: JsonValue.optional(),
    isOptional: z.boolean().optional(),
    description: z.string().optional(),
    /** If set, the only values the parameter accepts. */
    literals: z.array(JsonValue).optional(),
  }),
);
export type ParameterSpec = z.output<typeof ParameterSpec>;

/** An input artifact of a component (`ComponentInputsSpec.ArtifactSpec`). */
export const ArtifactSpec = z.strictObject({
  artifactType: ArtifactTypeSchema,
  isArtifactList: z.boolean().optional(),
  isOptional: z.boolean().optional(),
  description: z.string().optional(),
});
export type ArtifactSpec = z.output<typeof ArtifactSpec>;

/** An output parameter of a component (`ComponentOutputsSpec.ParameterSpec`). */
export const OutputParameterSpec = requireParameterType(
  z.strictObject({
    /** Deprecated: use `parameterType`. */
    type: PrimitiveType.optional(),
    parameterType: ParameterType.optional(),
    description: z.string().optional(),
  }),
);
export type OutputParameterSpec = z.output<typeof OutputParameterSpec>;

/** An output artifact of a component (`ComponentOutputsSpec.ArtifactSpec`). */
export const OutputArtifactSpec = z.strictObject({
  artifactType: ArtifactTypeSchema,
  /** Deprecated: use `metadata`. */
  properties: z.record(z.string(), ValueOrRuntimeParameter).optional(),
  /** Deprecated: use `metadata`. */
  customProperties: z.record(z.string(), ValueOrRuntimeParameter).optional(),
  metadata: JsonObject.optional(),
  isArtifactList: z.boolean().optional(),
  description: z.string().optional(),
});
export type OutputArtifactSpec = z.output<typeof OutputArtifactSpec>;

export const ComponentInputsSpec = z.strictObject({
  artifacts: z.record(z.string(), ArtifactSpec).optional(),
  parameters: z.record(z.string(), ParameterSpec).optional(),
});
export type ComponentInputsSpec = z.output<typeof ComponentInputsSpec>;

export const ComponentOutputsSpec = z.strictObject({
  artifacts: z.record(z.string(), OutputArtifactSpec).optional(),
  parameters: z.record(z.string(), OutputParameterSpec).optional(),
});
export type ComponentOutputsSpec = z.output<typeof ComponentOutputsSpec>;

// ---------------------------------------------------------------------------------------------
// Tasks

export const TaskInputParameterSpec = oneOf(
  z.strictObject({
    taskOutputParameter: z
      .strictObject({ producerTask: reference, outputParameterKey: reference })
      .optional(),
    runtimeValue: ValueOrRuntimeParameter.optional(),
    componentInputParameter: reference.optional(),
    taskFinalStatus: z.strictObject({ producerTask: reference }).optional(),
    /** CEL expression applied to the value found by the oneof above. */
    parameterExpressionSelector: z.string().optional(),
  }),
  ['taskOutputParameter', 'runtimeValue', 'componentInputParameter', 'taskFinalStatus'],
  { required: true },
);
export type TaskInputParameterSpec = z.output<typeof TaskInputParameterSpec>;

/** Artifacts have no constant form: field 5 of this message is reserved in the proto. */
export const TaskInputArtifactSpec = alternatives({
  taskOutputArtifact: z.strictObject({ producerTask: reference, outputArtifactKey: reference }),
  componentInputArtifact: reference,
});
export type TaskInputArtifactSpec = z.output<typeof TaskInputArtifactSpec>;

export const TaskInputsSpec = z.strictObject({
  parameters: z.record(z.string(), TaskInputParameterSpec).optional(),
  artifacts: z.record(z.string(), TaskInputArtifactSpec).optional(),
});
export type TaskInputsSpec = z.output<typeof TaskInputsSpec>;

export const CachingOptions = z.strictObject({
  enableCache: z.boolean().optional(),
  /** Replaces the computed cache key when set. */
  cacheKey: z.string().optional(),
});
export type CachingOptions = z.output<typeof CachingOptions>;

export const TRIGGER_STRATEGIES = [
  'ALL_UPSTREAM_TASKS_SUCCEEDED',
  'ALL_UPSTREAM_TASKS_COMPLETED',
  'TRIGGER_STRATEGY_UNSPECIFIED',
] as const;
export const TriggerPolicy = z.strictObject({
  /** CEL over the task's inputs, e.g. `inputs.parameter_values['pipelinechannel--x'] == 'heads'`. */
  condition: z.string().optional(),
  strategy: z.enum(TRIGGER_STRATEGIES).optional(),
});
export type TriggerPolicy = z.output<typeof TriggerPolicy>;

export const RetryPolicy = z.strictObject({
  maxRetryCount: integer(0).optional(),
  backoffDuration: Duration.optional(),
  backoffFactor: decimal().optional(),
  /** Backends cap this at one hour. */
  backoffMaxDuration: Duration.optional(),
});
export type RetryPolicy = z.output<typeof RetryPolicy>;

export const IteratorPolicy = z.strictObject({
  /** 0 means unbounded parallelism. */
  parallelismLimit: integer(0).optional(),
});
export type IteratorPolicy = z.output<typeof IteratorPolicy>;

export const ArtifactIteratorSpec = z.strictObject({
  /** `inputArtifact` names one of the task's input artifacts. */
  items: z.strictObject({ inputArtifact: reference }),
  /** Names the input artifact of the task's component that receives each item. */
  itemInput: reference,
});
export type ArtifactIteratorSpec = z.output<typeof ArtifactIteratorSpec>;

export const ParameterIteratorSpec = z.strictObject({
  items: alternatives({
    /** A JSON array literal. */
    raw: z.string(),
    /** Names one of the task's input parameters holding a JSON array. */
    inputParameter: reference,
  }),
  /** Names the input parameter of the task's component that receives each item. */
  itemInput: reference,
});
export type ParameterIteratorSpec = z.output<typeof ParameterIteratorSpec>;

export const PipelineTaskSpec = oneOf(
  z.strictObject({
    taskInfo: z.strictObject({ name: z.string().optional() }).optional(),
    inputs: TaskInputsSpec.optional(),
    /** Upstream tasks of the same DAG that must finish first without passing data. */
    dependentTasks: z.array(reference).optional(),
    cachingOptions: CachingOptions.optional(),
    /** Required in practice: a task without a component has nothing to run. */
    componentRef: z.strictObject({ name: reference }),
    triggerPolicy: TriggerPolicy.optional(),
    artifactIterator: ArtifactIteratorSpec.optional(),
    parameterIterator: ParameterIteratorSpec.optional(),
    retryPolicy: RetryPolicy.optional(),
    iteratorPolicy: IteratorPolicy.optional(),
  }),
  ['artifactIterator', 'parameterIterator'],
  { required: false },
);
export type PipelineTaskSpec = z.output<typeof PipelineTaskSpec>;

// ---------------------------------------------------------------------------------------------
// DAGs and components

const ParameterSelectorSpec = z.strictObject({
  producerSubtask: reference,
  outputParameterKey: reference,
});
const ArtifactSelectorSpec = z.strictObject({
  producerSubtask: reference,
  outputArtifactKey: reference,
});

export const DagOutputParameterSpec = alternatives({
  valueFromParameter: ParameterSelectorSpec,
  /** Exactly one of the selected outputs is expected to exist at run time (dsl.OneOf). */
  valueFromOneof: z.strictObject({
    parameterSelectors: z.array(ParameterSelectorSpec).optional(),
  }),
});
export type DagOutputParameterSpec = z.output<typeof DagOutputParameterSpec>;

export const DagOutputsSpec = z.strictObject({
  artifacts: z
    .record(
      z.string(),
      z.strictObject({ artifactSelectors: z.array(ArtifactSelectorSpec).optional() }),
    )
    .optional(),
  parameters: z.record(z.string(), DagOutputParameterSpec).optional(),
});
export type DagOutputsSpec = z.output<typeof DagOutputsSpec>;

export const DagSpec = z.strictObject({
  tasks: z.record(z.string(), PipelineTaskSpec).optional(),
  outputs: DagOutputsSpec.optional(),
});
export type DagSpec = z.output<typeof DagSpec>;

/** Exec-level platform configuration (Kubernetes secrets, volumes...) and pipeline settings. */
export const PipelineConfig = z.strictObject({
  resourceTtlOnCompletion: integer().optional(),
  workspace: z
    .strictObject({
      /** A Kubernetes quantity such as "250Gi". */
      size: z.string().optional(),
      kubernetes: z.strictObject({ pvcSpecPatch: JsonObject.optional() }).optional(),
    })
    .optional(),
  resourceTtlOnSuccess: integer().optional(),
  resourceTtlOnFailure: integer().optional(),
  activeDeadlineSeconds: integer().optional(),
});
export type PipelineConfig = z.output<typeof PipelineConfig>;

export const SinglePlatformSpec = z.strictObject({
  /** Executor label to platform-defined config; the shape belongs to the platform, not this proto. */
  deploymentSpec: z
    .strictObject({ executors: z.record(z.string(), JsonObject).optional() })
    .optional(),
  platform: z.string().optional(),
  config: JsonObject.optional(),
  /** The proto names this field in camelCase already, so its JSON name is the same. */
  pipelineConfig: PipelineConfig.optional(),
});
export type SinglePlatformSpec = z.output<typeof SinglePlatformSpec>;

export const TASK_CONFIG_PASSTHROUGH_FIELDS = [
  'RESOURCES',
  'ENV',
  'KUBERNETES_AFFINITY',
  'KUBERNETES_TOLERATIONS',
  'KUBERNETES_NODE_SELECTOR',
  'KUBERNETES_VOLUMES',
  'KUBERNETES_RESOURCE_CLAIMS',
] as const;
export const TaskConfigPassthrough = z.strictObject({
  field: z.enum(TASK_CONFIG_PASSTHROUGH_FIELDS),
  applyToTask: z.boolean().optional(),
});
export type TaskConfigPassthrough = z.output<typeof TaskConfigPassthrough>;

export const ComponentSpec = oneOf(
  z.strictObject({
    inputDefinitions: ComponentInputsSpec.optional(),
    outputDefinitions: ComponentOutputsSpec.optional(),
    dag: DagSpec.optional(),
    /** A key of `deploymentSpec.executors`. */
    executorLabel: reference.optional(),
    singlePlatformSpecs: z.array(SinglePlatformSpec).optional(),
    /** Task settings forwarded to a workload the component launches (input of type TASK_CONFIG). */
    taskConfigPassthroughs: z.array(TaskConfigPassthrough).optional(),
  }),
  ['dag', 'executorLabel'],
  { required: true },
);
export type ComponentSpec = z.output<typeof ComponentSpec>;
