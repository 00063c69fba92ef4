/**
 * Strict zod schemas for the proto3-JSON form of the KFP v2 `ml_pipelines.PipelineSpec` ("IR"),
 * its `deploymentSpec` (`PipelineDeploymentConfig`) and the optional second YAML document
 * (`PlatformSpec`), after kubeflow/pipelines `api/v2alpha1/pipeline_spec.proto`.
 *
 * Conventions:
 * - Every message is a `z.strictObject`: unknown keys are faults, so typos surface instead of
 *   being silently dropped the way proto3-JSON parsers with `ignore_unknown_fields` would.
 * - Field names are the lowerCamel JSON names the SDK emits (the corpus has no snake_case).
 * - A proto `oneof` is a set of optional fields on one object; `oneOf()` makes setting two of
 *   them a fault that names both, and (where the message is meaningless without one) setting
 *   none a fault too.
 * - Enums are their string names. `*_UNSPECIFIED`/`NONE` names are rejected where they mean
 *   "not set" (a parameter without a type cannot be passed); the trigger strategy keeps its
 *   UNSPECIFIED name because the proto documents its behaviour.
 * - `google.protobuf.Value`/`Struct` fields accept any JSON. Numeric proto fields also accept
 *   the decimal strings proto3-JSON allows (int64 is a string in canonical form: the SDK writes
 *   `accelerator.count: "1"`) and are returned as numbers, so consumers get `number`; nothing
 *   else in the document is rewritten. `google.protobuf.Duration` is the "<seconds>s" string.
 *
 * Each schema constant shares its name with the TS type inferred from it.
 */
import { z } from 'zod';

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

function show(value: unknown): string {
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

/** int32/int64: a JSON number, or the decimal string proto3-JSON also accepts; read as a number. */
function integer(minimum?: number) {
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
function decimal() {
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
const reference = z.string().min(1);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Enforces a proto `oneof` over optional members of a strict object. Runs even when other
 * fields of the object are faulty, so all faults are reported together.
 */
function oneOf<Shape extends z.core.$ZodLooseShape>(
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
function requireParameterType<Shape extends { type: z.ZodOptional; parameterType: z.ZodOptional }>(
  schema: z.ZodObject<Shape, z.core.$strict>,
) {
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
export const ProtoValue = oneOf(
  z.strictObject({
    intValue: integer().optional(),
    doubleValue: decimal().optional(),
    stringValue: z.string().optional(),
  }),
  ['intValue', 'doubleValue', 'stringValue'],
  { required: true },
);
export type ProtoValue = z.output<typeof ProtoValue>;

export const ValueOrRuntimeParameter = oneOf(
  z.strictObject({
    /** Deprecated: use `constant`. */
    constantValue: ProtoValue.optional(),
    /** Names an input parameter of the component the value is used in. */
    runtimeParameter: reference.optional(),
    constant: JsonValue.optional(),
  }),
  ['constantValue', 'runtimeParameter', 'constant'],
  { required: true },
);
export type ValueOrRuntimeParameter = z.output<typeof ValueOrRuntimeParameter>;

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
export const TaskInputArtifactSpec = oneOf(
  z.strictObject({
    taskOutputArtifact: z
      .strictObject({ producerTask: reference, outputArtifactKey: reference })
      .optional(),
    componentInputArtifact: reference.optional(),
  }),
  ['taskOutputArtifact', 'componentInputArtifact'],
  { required: true },
);
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
  items: oneOf(
    z.strictObject({
      /** A JSON array literal. */
      raw: z.string().optional(),
      /** Names one of the task's input parameters holding a JSON array. */
      inputParameter: reference.optional(),
    }),
    ['raw', 'inputParameter'],
    { required: true },
  ),
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

export const DagOutputParameterSpec = oneOf(
  z.strictObject({
    valueFromParameter: ParameterSelectorSpec.optional(),
    /** Exactly one of the selected outputs is expected to exist at run time (dsl.OneOf). */
    valueFromOneof: z
      .strictObject({ parameterSelectors: z.array(ParameterSelectorSpec).optional() })
      .optional(),
  }),
  ['valueFromParameter', 'valueFromOneof'],
  { required: true },
);
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

/** The second YAML document of a compiled pipeline: `platforms: {kubernetes: ...}`. */
export const PlatformSpec = z.strictObject({
  platforms: z.record(z.string(), SinglePlatformSpec).optional(),
});
export type PlatformSpec = z.output<typeof PlatformSpec>;

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

// ---------------------------------------------------------------------------------------------
// Executors (`PipelineDeploymentConfig`)

const StringList = z.array(z.string());

export const ResourceSpec = z.strictObject({
  /** Deprecated numeric forms; the `resource*` strings also accept placeholders. */
  cpuLimit: decimal().optional(),
  memoryLimit: decimal().optional(),
  cpuRequest: decimal().optional(),
  memoryRequest: decimal().optional(),
  resourceCpuLimit: z.string().optional(),
  resourceMemoryLimit: z.string().optional(),
  resourceCpuRequest: z.string().optional(),
  resourceMemoryRequest: z.string().optional(),
  accelerator: z
    .strictObject({
      /** Deprecated: use `resourceType`. */
      type: z.string().optional(),
      /** Deprecated: use `resourceCount`. */
      count: integer(0).optional(),
      resourceType: z.string().optional(),
      resourceCount: z.string().optional(),
    })
    .optional(),
});
export type ResourceSpec = z.output<typeof ResourceSpec>;

export const PipelineContainerSpec = z.strictObject({
  image: z.string().min(1),
  /** Strings may hold placeholders such as `{{$.inputs.parameters['x']}}` or JSON `{"Concat": [...]}`. */
  command: StringList.optional(),
  args: StringList.optional(),
  lifecycle: z
    .strictObject({
      preCacheCheck: z
        .strictObject({ command: StringList.optional(), args: StringList.optional() })
        .optional(),
    })
    .optional(),
  resources: ResourceSpec.optional(),
  env: z
    .array(z.strictObject({ name: z.string().min(1), value: z.string().optional() }))
    .optional(),
});
export type PipelineContainerSpec = z.output<typeof PipelineContainerSpec>;

export const ImporterSpec = z.strictObject({
  artifactUri: ValueOrRuntimeParameter,
  typeSchema: ArtifactTypeSchema,
  /** Deprecated: use `metadata`. */
  properties: z.record(z.string(), ValueOrRuntimeParameter).optional(),
  /** Deprecated: use `metadata`. */
  customProperties: z.record(z.string(), ValueOrRuntimeParameter).optional(),
  reimport: z.boolean().optional(),
  metadata: JsonObject.optional(),
  downloadToWorkspace: z.boolean().optional(),
});
export type ImporterSpec = z.output<typeof ImporterSpec>;

export const ResolverSpec = z.strictObject({
  outputArtifactQueries: z
    .record(
      z.string(),
      z.strictObject({ filter: z.string().optional(), limit: integer(0).optional() }),
    )
    .optional(),
});
export type ResolverSpec = z.output<typeof ResolverSpec>;

/** Deprecated Vertex AI CustomJob executor: `{customJob: {customJob: <CustomJob JSON>}}`. */
export const CustomJobSpec = z.strictObject({ customJob: JsonObject.optional() });
export type CustomJobSpec = z.output<typeof CustomJobSpec>;

export const ExecutorSpec = oneOf(
  z.strictObject({
    container: PipelineContainerSpec.optional(),
    importer: ImporterSpec.optional(),
    resolver: ResolverSpec.optional(),
    customJob: CustomJobSpec.optional(),
  }),
  ['container', 'importer', 'resolver', 'customJob'],
  { required: true },
);
export type ExecutorSpec = z.output<typeof ExecutorSpec>;

/** `PipelineSpec.deploymentSpec`: a Struct in the proto, a `PipelineDeploymentConfig` in practice. */
export const DeploymentConfig = z.strictObject({
  executors: z.record(z.string(), ExecutorSpec).optional(),
});
export type DeploymentConfig = z.output<typeof DeploymentConfig>;

// ---------------------------------------------------------------------------------------------
// The pipeline

export const PipelineInfo = z.strictObject({
  /** Identifies the pipeline (MLMD context), so it must be set. */
  name: z.string().min(1),
  displayName: z.string().optional(),
  description: z.string().optional(),
});
export type PipelineInfo = z.output<typeof PipelineInfo>;

export const PipelineSpec = z.strictObject({
  pipelineInfo: PipelineInfo,
  deploymentSpec: DeploymentConfig.optional(),
  sdkVersion: z.string().optional(),
  /** "2.1.0" for current SDKs; backends refuse a spec without it. */
  schemaVersion: z.string().min(1),
  components: z.record(z.string(), ComponentSpec).optional(),
  root: ComponentSpec,
  defaultPipelineRoot: z.string().optional(),
});
export type PipelineSpec = z.output<typeof PipelineSpec>;
