export const id = 8407;
export const ids = [8407,8937];
export const modules = {

/***/ 5435:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $A: () => (/* binding */ integerInput),
/* harmony export */   L5: () => (/* binding */ parseFields),
/* harmony export */   NB: () => (/* binding */ defineCommand),
/* harmony export */   Oo: () => (/* binding */ once),
/* harmony export */   Uj: () => (/* binding */ stringInput),
/* harmony export */   dt: () => (/* binding */ listInput),
/* harmony export */   ij: () => (/* binding */ choiceInput),
/* harmony export */   oN: () => (/* binding */ requireInput),
/* harmony export */   tE: () => (/* binding */ booleanInput)
/* harmony export */ });
/* unused harmony exports InputProblems, inputProblems */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9033);

function defineCommand(command) {
  return {
    ...command,
    parseInputs: (raw, context) => command.parseInputs(withDefaults(raw, command.inputs), context)
  };
}
function withDefaults(raw, inputs) {
  const fallback = (name) => inputs.find((input) => input.name === name)?.default;
  return {
    string(name) {
      const value = raw.string(name);
      return value === void 0 || value.trim() === "" ? fallback(name) ?? value : value;
    },
    list(name) {
      const items = raw.list(name);
      const value = fallback(name);
      return items.length === 0 && value !== void 0 ? [value] : items;
    },
    boolean(name) {
      const value = fallback(name);
      return raw.boolean(name) ?? (value === void 0 ? void 0 : value === "true");
    }
  };
}
function parseFields(command, fields) {
  const values = {};
  const problems = [];
  for (const [name, parse] of Object.entries(fields)) {
    try {
      values[name] = parse();
    } catch (error) {
      if (!(error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo)) throw error;
      const found = error instanceof InputProblems ? error.problems : [error];
      problems.push(...found.filter((problem) => !problems.includes(problem)));
    }
  }
  if (problems.length > 0) throw inputProblems(command, problems);
  return values;
}
function once(parse) {
  let result;
  return () => {
    if (!result) {
      try {
        result = { value: parse() };
      } catch (error) {
        result = { error };
      }
    }
    if ("error" in result) throw result.error;
    return result.value;
  };
}
class InputProblems extends _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
  constructor(command, problems) {
    super(`${problems.length} inputs of ${command} are invalid`, {
      details: problems.map((problem) => {
        const details = problem.details.length > 0 ? ` (${problem.details.join("; ")})` : "";
        return `${problem.message}${details}${problem.fix ? `. Fix: ${problem.fix}` : ""}`;
      }),
      fix: "Correct each input as its line says, then run again; nothing was done."
    });
    this.problems = problems;
  }
  problems;
}
function inputProblems(command, problems) {
  const [first] = problems;
  return first && problems.length === 1 ? first : new InputProblems(command, problems);
}
function stringInput(raw, name) {
  const value = raw.string(name)?.trim();
  if (value === void 0) throw new Error(`Input "${name}" has no default`);
  return value;
}
function booleanInput(raw, name) {
  const value = raw.boolean(name);
  if (value === void 0) throw new Error(`Input "${name}" has no default`);
  return value;
}
function requireInput(raw, name, hint) {
  const value = raw.string(name);
  if (value === void 0 || value.trim() === "")
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Missing required input "${name}"`, { fix: hint });
  return value.trim();
}
function listInput(raw, name) {
  return raw.list(name).flatMap((item) => item.split(",")).map((item) => item.trim()).filter(Boolean);
}
function choiceInput(raw, name, choices, fallback) {
  const value = fallback === void 0 ? stringInput(raw, name) : raw.string(name)?.trim() || fallback;
  if (!choices.includes(value)) {
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input "${name}" is "${value}"`, {
      fix: `Use one of: ${choices.join(", ")}.`
    });
  }
  return value;
}
function integerInput(raw, name, min, fallback) {
  const value = raw.string(name)?.trim();
  if (value === void 0 || value === "") {
    if (fallback === void 0) throw new Error(`Input "${name}" has no default`);
    return fallback;
  }
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < min)
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input "${name}" is "${value}"`, {
      fix: `Give a whole number of at least ${min}.`
    });
  return number;
}



/***/ }),

/***/ 8407:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DZ: () => (/* binding */ PARAM_INPUT),
  Tj: () => (/* binding */ PIPELINE_INPUTS),
  oj: () => (/* binding */ PYTHON_INPUT),
  g6: () => (/* binding */ countTasks),
  bW: () => (/* binding */ loadPipelineFrom),
  rJ: () => (/* binding */ pipelineRunFields),
  Nl: () => (/* binding */ pipelineSourceFields),
  ZY: () => (/* binding */ pythonInput)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/errors.js
var errors = __webpack_require__(9033);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/suggest.js
var suggest = __webpack_require__(2926);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/ir/validate-values.js


function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function record(value) {
  return isRecord(value) ? value : {};
}
function entries(value) {
  return Object.entries(record(value));
}
function keys(value) {
  return Object.keys(record(value));
}
function list(value) {
  return Array.isArray(value) ? value : [];
}
function validate_values_text(value) {
  return typeof value === "string" && value !== "" ? value : void 0;
}
function show(value) {
  return value === void 0 ? "undefined" : (0,errors/* excerpt */.Kb)(JSON.stringify(value), 80);
}
function kindOf(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (isRecord(value)) return "a mapping";
  return `${typeof value === "string" ? "a string" : typeof value === "boolean" ? "a boolean" : `a ${typeof value}`} (${show(value)})`;
}
const MAX_KNOWN = 12;
function known(names) {
  if (names.length === 0) return "(none declared)";
  const shown = names.slice(0, MAX_KNOWN).join(", ");
  return `(known: ${shown}${names.length > MAX_KNOWN ? `, \u2026 ${names.length - MAX_KNOWN} more` : ""})`;
}
function didYouMean(name, candidates) {
  const suggestion = (0,suggest/* closest */.k)(name, candidates);
  return suggestion ? `; did you mean "${suggestion}"?` : "";
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/ir/schema-common.js


const JsonValue = schemas/* json */.Pq9();
const JsonObject = schemas/* record */.g1P(schemas/* string */.YjP(), JsonValue);
const INTEGER_TEXT = /^-?\d+$/;
const DECIMAL_TEXT = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
function integer(minimum) {
  const bound = minimum === void 0 ? "" : ` >= ${minimum}`;
  return schemas/* custom */.IeY(
    (value) => {
      const number = typeof value === "string" && INTEGER_TEXT.test(value) ? Number(value) : value;
      return typeof number === "number" && Number.isSafeInteger(number) && (minimum === void 0 || number >= minimum);
    },
    { error: (issue) => `${show(issue.input)} is not an integer${bound}` }
  ).transform(Number);
}
function decimal() {
  return schemas/* custom */.IeY(
    (value) => typeof value === "number" && Number.isFinite(value) || typeof value === "string" && DECIMAL_TEXT.test(value),
    { error: (issue) => `${show(issue.input)} is not a number` }
  ).transform(Number);
}
const Duration = schemas/* string */.YjP().regex(/^-?\d+(\.\d{1,9})?s$/, {
  error: (issue) => `${show(issue.input)} is not a protobuf Duration (use seconds with an "s" suffix, e.g. "30s" or "0.5s")`
});
const reference = schemas/* string */.YjP().min(1);
function oneOf(schema, members, { required }) {
  return schema.superRefine(
    (value, ctx) => {
      const present = members.filter(
        (member) => value[member] !== void 0
      );
      if (present.length > 1) {
        ctx.addIssue({
          code: "custom",
          message: `${present.join(" and ")} are alternatives (proto oneof): set only one of ${members.join(", ")}`
        });
      } else if (required && present.length === 0) {
        ctx.addIssue({ code: "custom", message: `one of ${members.join(", ")} is required` });
      }
    },
    { when: (payload) => isRecord(payload.value) }
  );
}
function alternatives(shape) {
  const members = Object.keys(shape);
  const optional = Object.fromEntries(
    members.map((member) => [member, shape[member]?.optional()])
  );
  return oneOf(schemas/* strictObject */.rej(optional), members, { required: true });
}
const PrimitiveType = schemas/* enum */.k5n(["INT", "DOUBLE", "STRING"]);
const PARAMETER_TYPES = [
  "STRING",
  "NUMBER_DOUBLE",
  "NUMBER_INTEGER",
  "BOOLEAN",
  "LIST",
  "STRUCT",
  "TASK_FINAL_STATUS",
  "TASK_CONFIG"
];
const ParameterType = schemas/* enum */.k5n(PARAMETER_TYPES);
function requireParameterType(schema) {
  return schema.superRefine(
    (value, ctx) => {
      const { type, parameterType } = value;
      if (type === void 0 && parameterType === void 0)
        ctx.addIssue({ code: "custom", message: "parameterType is required" });
    },
    { when: (payload) => isRecord(payload.value) }
  );
}
const ArtifactTypeSchema = oneOf(
  schemas/* strictObject */.rej({
    schemaTitle: schemas/* string */.YjP().min(1).optional(),
    /** Deprecated in the proto, still a legal member of the oneof. */
    schemaUri: schemas/* string */.YjP().min(1).optional(),
    instanceSchema: schemas/* string */.YjP().min(1).optional(),
    schemaVersion: schemas/* string */.YjP().optional()
  }),
  ["schemaTitle", "schemaUri", "instanceSchema"],
  { required: true }
);
const ProtoValue = alternatives({
  intValue: integer(),
  doubleValue: decimal(),
  stringValue: schemas/* string */.YjP()
});
const ValueOrRuntimeParameter = alternatives({
  /** Deprecated: use `constant`. */
  constantValue: ProtoValue,
  /** Names an input parameter of the component the value is used in. */
  runtimeParameter: reference,
  constant: JsonValue
});


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/ir/schema-components.js


const ParameterSpec = requireParameterType(
  schemas/* strictObject */.rej({
    /** Deprecated: use `parameterType`. */
    type: PrimitiveType.optional(),
    parameterType: ParameterType.optional(),
    defaultValue: JsonValue.optional(),
    isOptional: schemas/* boolean */.zMY().optional(),
    description: schemas/* string */.YjP().optional(),
    /** If set, the only values the parameter accepts. */
    literals: schemas/* array */.YOg(JsonValue).optional()
  })
);
const ArtifactSpec = schemas/* strictObject */.rej({
  artifactType: ArtifactTypeSchema,
  isArtifactList: schemas/* boolean */.zMY().optional(),
  isOptional: schemas/* boolean */.zMY().optional(),
  description: schemas/* string */.YjP().optional()
});
const OutputParameterSpec = requireParameterType(
  schemas/* strictObject */.rej({
    /** Deprecated: use `parameterType`. */
    type: PrimitiveType.optional(),
    parameterType: ParameterType.optional(),
    description: schemas/* string */.YjP().optional()
  })
);
const OutputArtifactSpec = schemas/* strictObject */.rej({
  artifactType: ArtifactTypeSchema,
  /** Deprecated: use `metadata`. */
  properties: schemas/* record */.g1P(schemas/* string */.YjP(), ValueOrRuntimeParameter).optional(),
  /** Deprecated: use `metadata`. */
  customProperties: schemas/* record */.g1P(schemas/* string */.YjP(), ValueOrRuntimeParameter).optional(),
  metadata: JsonObject.optional(),
  isArtifactList: schemas/* boolean */.zMY().optional(),
  description: schemas/* string */.YjP().optional()
});
const ComponentInputsSpec = schemas/* strictObject */.rej({
  artifacts: schemas/* record */.g1P(schemas/* string */.YjP(), ArtifactSpec).optional(),
  parameters: schemas/* record */.g1P(schemas/* string */.YjP(), ParameterSpec).optional()
});
const ComponentOutputsSpec = schemas/* strictObject */.rej({
  artifacts: schemas/* record */.g1P(schemas/* string */.YjP(), OutputArtifactSpec).optional(),
  parameters: schemas/* record */.g1P(schemas/* string */.YjP(), OutputParameterSpec).optional()
});
const TaskInputParameterSpec = oneOf(
  schemas/* strictObject */.rej({
    taskOutputParameter: schemas/* strictObject */.rej({ producerTask: reference, outputParameterKey: reference }).optional(),
    runtimeValue: ValueOrRuntimeParameter.optional(),
    componentInputParameter: reference.optional(),
    taskFinalStatus: schemas/* strictObject */.rej({ producerTask: reference }).optional(),
    /** CEL expression applied to the value found by the oneof above. */
    parameterExpressionSelector: schemas/* string */.YjP().optional()
  }),
  ["taskOutputParameter", "runtimeValue", "componentInputParameter", "taskFinalStatus"],
  { required: true }
);
const TaskInputArtifactSpec = alternatives({
  taskOutputArtifact: schemas/* strictObject */.rej({ producerTask: reference, outputArtifactKey: reference }),
  componentInputArtifact: reference
});
const TaskInputsSpec = schemas/* strictObject */.rej({
  parameters: schemas/* record */.g1P(schemas/* string */.YjP(), TaskInputParameterSpec).optional(),
  artifacts: schemas/* record */.g1P(schemas/* string */.YjP(), TaskInputArtifactSpec).optional()
});
const CachingOptions = schemas/* strictObject */.rej({
  enableCache: schemas/* boolean */.zMY().optional(),
  /** Replaces the computed cache key when set. */
  cacheKey: schemas/* string */.YjP().optional()
});
const TRIGGER_STRATEGIES = [
  "ALL_UPSTREAM_TASKS_SUCCEEDED",
  "ALL_UPSTREAM_TASKS_COMPLETED",
  "TRIGGER_STRATEGY_UNSPECIFIED"
];
const TriggerPolicy = schemas/* strictObject */.rej({
  /** CEL over the task's inputs, e.g. `inputs.parameter_values['pipelinechannel--x'] == 'heads'`. */
  condition: schemas/* string */.YjP().optional(),
  strategy: schemas/* enum */.k5n(TRIGGER_STRATEGIES).optional()
});
const RetryPolicy = schemas/* strictObject */.rej({
  maxRetryCount: integer(0).optional(),
  backoffDuration: Duration.optional(),
  backoffFactor: decimal().optional(),
  /** Backends cap this at one hour. */
  backoffMaxDuration: Duration.optional()
});
const IteratorPolicy = schemas/* strictObject */.rej({
  /** 0 means unbounded parallelism. */
  parallelismLimit: integer(0).optional()
});
const ArtifactIteratorSpec = schemas/* strictObject */.rej({
  /** `inputArtifact` names one of the task's input artifacts. */
  items: schemas/* strictObject */.rej({ inputArtifact: reference }),
  /** Names the input artifact of the task's component that receives each item. */
  itemInput: reference
});
const ParameterIteratorSpec = schemas/* strictObject */.rej({
  items: alternatives({
    /** A JSON array literal. */
    raw: schemas/* string */.YjP(),
    /** Names one of the task's input parameters holding a JSON array. */
    inputParameter: reference
  }),
  /** Names the input parameter of the task's component that receives each item. */
  itemInput: reference
});
const PipelineTaskSpec = oneOf(
  schemas/* strictObject */.rej({
    taskInfo: schemas/* strictObject */.rej({ name: schemas/* string */.YjP().optional() }).optional(),
    inputs: TaskInputsSpec.optional(),
    /** Upstream tasks of the same DAG that must finish first without passing data. */
    dependentTasks: schemas/* array */.YOg(reference).optional(),
    cachingOptions: CachingOptions.optional(),
    /** Required in practice: a task without a component has nothing to run. */
    componentRef: schemas/* strictObject */.rej({ name: reference }),
    triggerPolicy: TriggerPolicy.optional(),
    artifactIterator: ArtifactIteratorSpec.optional(),
    parameterIterator: ParameterIteratorSpec.optional(),
    retryPolicy: RetryPolicy.optional(),
    iteratorPolicy: IteratorPolicy.optional()
  }),
  ["artifactIterator", "parameterIterator"],
  { required: false }
);
const ParameterSelectorSpec = schemas/* strictObject */.rej({
  producerSubtask: reference,
  outputParameterKey: reference
});
const ArtifactSelectorSpec = schemas/* strictObject */.rej({
  producerSubtask: reference,
  outputArtifactKey: reference
});
const DagOutputParameterSpec = alternatives({
  valueFromParameter: ParameterSelectorSpec,
  /** Exactly one of the selected outputs is expected to exist at run time (dsl.OneOf). */
  valueFromOneof: schemas/* strictObject */.rej({
    parameterSelectors: schemas/* array */.YOg(ParameterSelectorSpec).optional()
  })
});
const DagOutputsSpec = schemas/* strictObject */.rej({
  artifacts: schemas/* record */.g1P(
    schemas/* string */.YjP(),
    schemas/* strictObject */.rej({ artifactSelectors: schemas/* array */.YOg(ArtifactSelectorSpec).optional() })
  ).optional(),
  parameters: schemas/* record */.g1P(schemas/* string */.YjP(), DagOutputParameterSpec).optional()
});
const DagSpec = schemas/* strictObject */.rej({
  tasks: schemas/* record */.g1P(schemas/* string */.YjP(), PipelineTaskSpec).optional(),
  outputs: DagOutputsSpec.optional()
});
const PipelineConfig = schemas/* strictObject */.rej({
  resourceTtlOnCompletion: integer().optional(),
  workspace: schemas/* strictObject */.rej({
    /** A Kubernetes quantity such as "250Gi". */
    size: schemas/* string */.YjP().optional(),
    kubernetes: schemas/* strictObject */.rej({ pvcSpecPatch: JsonObject.optional() }).optional()
  }).optional(),
  resourceTtlOnSuccess: integer().optional(),
  resourceTtlOnFailure: integer().optional(),
  activeDeadlineSeconds: integer().optional()
});
const SinglePlatformSpec = schemas/* strictObject */.rej({
  /** Executor label to platform-defined config; the shape belongs to the platform, not this proto. */
  deploymentSpec: schemas/* strictObject */.rej({ executors: schemas/* record */.g1P(schemas/* string */.YjP(), JsonObject).optional() }).optional(),
  platform: schemas/* string */.YjP().optional(),
  config: JsonObject.optional(),
  /** The proto names this field in camelCase already, so its JSON name is the same. */
  pipelineConfig: PipelineConfig.optional()
});
const TASK_CONFIG_PASSTHROUGH_FIELDS = [
  "RESOURCES",
  "ENV",
  "KUBERNETES_AFFINITY",
  "KUBERNETES_TOLERATIONS",
  "KUBERNETES_NODE_SELECTOR",
  "KUBERNETES_VOLUMES",
  "KUBERNETES_RESOURCE_CLAIMS"
];
const TaskConfigPassthrough = schemas/* strictObject */.rej({
  field: schemas/* enum */.k5n(TASK_CONFIG_PASSTHROUGH_FIELDS),
  applyToTask: schemas/* boolean */.zMY().optional()
});
const ComponentSpec = oneOf(
  schemas/* strictObject */.rej({
    inputDefinitions: ComponentInputsSpec.optional(),
    outputDefinitions: ComponentOutputsSpec.optional(),
    dag: DagSpec.optional(),
    /** A key of `deploymentSpec.executors`. */
    executorLabel: reference.optional(),
    singlePlatformSpecs: schemas/* array */.YOg(SinglePlatformSpec).optional(),
    /** Task settings forwarded to a workload the component launches (input of type TASK_CONFIG). */
    taskConfigPassthroughs: schemas/* array */.YOg(TaskConfigPassthrough).optional()
  }),
  ["dag", "executorLabel"],
  { required: true }
);


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/ir/schema-executors.js


const StringList = schemas/* array */.YOg(schemas/* string */.YjP());
const ResourceSpec = schemas/* strictObject */.rej({
  /** Deprecated numeric forms; the `resource*` strings also accept placeholders. */
  cpuLimit: decimal().optional(),
  memoryLimit: decimal().optional(),
  cpuRequest: decimal().optional(),
  memoryRequest: decimal().optional(),
  resourceCpuLimit: schemas/* string */.YjP().optional(),
  resourceMemoryLimit: schemas/* string */.YjP().optional(),
  resourceCpuRequest: schemas/* string */.YjP().optional(),
  resourceMemoryRequest: schemas/* string */.YjP().optional(),
  accelerator: schemas/* strictObject */.rej({
    /** Deprecated: use `resourceType`. */
    type: schemas/* string */.YjP().optional(),
    /** Deprecated: use `resourceCount`. */
    count: integer(0).optional(),
    resourceType: schemas/* string */.YjP().optional(),
    resourceCount: schemas/* string */.YjP().optional()
  }).optional()
});
const PipelineContainerSpec = schemas/* strictObject */.rej({
  image: schemas/* string */.YjP().min(1),
  /** Strings may hold placeholders such as `{{$.inputs.parameters['x']}}` or JSON `{"Concat": [...]}`. */
  command: StringList.optional(),
  args: StringList.optional(),
  lifecycle: schemas/* strictObject */.rej({
    preCacheCheck: schemas/* strictObject */.rej({ command: StringList.optional(), args: StringList.optional() }).optional()
  }).optional(),
  resources: ResourceSpec.optional(),
  env: schemas/* array */.YOg(schemas/* strictObject */.rej({ name: schemas/* string */.YjP().min(1), value: schemas/* string */.YjP().optional() })).optional()
});
const ImporterSpec = schemas/* strictObject */.rej({
  artifactUri: ValueOrRuntimeParameter,
  typeSchema: ArtifactTypeSchema,
  /** Deprecated: use `metadata`. */
  properties: schemas/* record */.g1P(schemas/* string */.YjP(), ValueOrRuntimeParameter).optional(),
  /** Deprecated: use `metadata`. */
  customProperties: schemas/* record */.g1P(schemas/* string */.YjP(), ValueOrRuntimeParameter).optional(),
  reimport: schemas/* boolean */.zMY().optional(),
  metadata: JsonObject.optional(),
  downloadToWorkspace: schemas/* boolean */.zMY().optional()
});
const ResolverSpec = schemas/* strictObject */.rej({
  outputArtifactQueries: schemas/* record */.g1P(
    schemas/* string */.YjP(),
    schemas/* strictObject */.rej({ filter: schemas/* string */.YjP().optional(), limit: integer(0).optional() })
  ).optional()
});
const CustomJobSpec = schemas/* strictObject */.rej({ customJob: JsonObject.optional() });
const ExecutorSpec = alternatives({
  container: PipelineContainerSpec,
  importer: ImporterSpec,
  resolver: ResolverSpec,
  customJob: CustomJobSpec
});
const DeploymentConfig = schemas/* strictObject */.rej({
  executors: schemas/* record */.g1P(schemas/* string */.YjP(), ExecutorSpec).optional()
});


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/ir/schema.js



const PipelineInfo = schemas/* strictObject */.rej({
  /** Identifies the pipeline (MLMD context), so it must be set. */
  name: schemas/* string */.YjP().min(1),
  displayName: schemas/* string */.YjP().optional(),
  description: schemas/* string */.YjP().optional()
});
const PipelineSpec = schemas/* strictObject */.rej({
  pipelineInfo: PipelineInfo,
  deploymentSpec: DeploymentConfig.optional(),
  sdkVersion: schemas/* string */.YjP().optional(),
  /** "2.1.0" for current SDKs; backends refuse a spec without it. */
  schemaVersion: schemas/* string */.YjP().min(1),
  components: schemas/* record */.g1P(schemas/* string */.YjP(), ComponentSpec).optional(),
  root: ComponentSpec,
  defaultPipelineRoot: schemas/* string */.YjP().optional()
});
const PlatformSpec = schemas/* strictObject */.rej({
  platforms: schemas/* record */.g1P(schemas/* string */.YjP(), SinglePlatformSpec).optional()
});


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/graph.js
var graph = __webpack_require__(9228);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/ir/validate-index.js

const PIPELINE_CHANNEL_PREFIX = "pipelinechannel--";
function describeComponent(name, path, value) {
  const component = record(value);
  const inputs = record(component["inputDefinitions"]);
  const outputs = record(component["outputDefinitions"]);
  return {
    name,
    path,
    inputParameters: new Map(
      entries(inputs["parameters"]).map(([key, spec]) => [key, record(spec)])
    ),
    inputArtifacts: new Map(entries(inputs["artifacts"]).map(([key, spec]) => [key, record(spec)])),
    outputParameters: keys(outputs["parameters"]),
    outputArtifacts: keys(outputs["artifacts"]),
    executorLabel: validate_values_text(component["executorLabel"]),
    dag: isRecord(component["dag"]) ? component["dag"] : void 0
  };
}
function describeOwner(component) {
  return component.name === "root" ? "the pipeline root" : `component ${component.name}`;
}
function inputsOf(component, kind) {
  return kind === "parameter" ? component.inputParameters : component.inputArtifacts;
}
function outputsOf(component, kind) {
  return kind === "parameter" ? component.outputParameters : component.outputArtifacts;
}
const TASK_INPUT_FIELDS = {
  parameter: {
    collection: "parameters",
    fromTask: "taskOutputParameter",
    outputKey: "outputParameterKey",
    fromOwner: "componentInputParameter"
  },
  artifact: {
    collection: "artifacts",
    fromTask: "taskOutputArtifact",
    outputKey: "outputArtifactKey",
    fromOwner: "componentInputArtifact"
  }
};


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/ir/validate-dag.js



const SDK_RESOURCE_INPUTS = /* @__PURE__ */ new Set([
  "cpu_request",
  "cpu_limit",
  "memory_request",
  "memory_limit",
  "accelerator_type",
  "accelerator_count"
]);
class DagCheck {
  constructor(index, owner, dag) {
    this.index = index;
    this.owner = owner;
    this.dag = dag;
    this.problems = index.problems;
    this.path = [...owner.path, "dag"];
    this.tasks = record(dag["tasks"]);
    this.taskNames = Object.keys(this.tasks);
  }
  index;
  owner;
  dag;
  problems;
  path;
  tasks;
  taskNames;
  /** Task name to the tasks it waits for (dependentTasks and producers of its inputs). */
  upstream = /* @__PURE__ */ new Map();
  run() {
    for (const [name, task] of Object.entries(this.tasks)) this.checkTask(name, record(task));
    this.checkOutputs();
    for (const cycle of (0,graph/* findCycles */.p)(this.upstream)) {
      this.problems.add(
        [...this.path, "tasks"],
        `dependency cycle ${cycle.join(" -> ")} (via dependentTasks or task outputs)`
      );
    }
  }
  checkTask(name, task) {
    const taskPath = [...this.path, "tasks", name];
    const dependsOn = /* @__PURE__ */ new Set();
    this.upstream.set(name, dependsOn);
    const refName = validate_values_text(record(task["componentRef"])["name"]);
    const component = refName === void 0 ? void 0 : this.index.components.get(refName);
    if (refName !== void 0 && component === void 0) {
      const names = [...this.index.components.keys()];
      this.problems.add(
        [...taskPath, "componentRef", "name"],
        `"${refName}" is not a component ${known(names)}${didYouMean(refName, names)}`
      );
    }
    list(task["dependentTasks"]).forEach((dependency, position) => {
      const upstreamTask = this.taskRef([...taskPath, "dependentTasks", position], dependency);
      if (upstreamTask !== void 0) dependsOn.add(upstreamTask);
    });
    const inputs = record(task["inputs"]);
    const passed = {
      parameter: record(inputs["parameters"]),
      artifact: record(inputs["artifacts"])
    };
    if (component) {
      const names = /* @__PURE__ */ new Set([...Object.keys(passed.parameter), ...Object.keys(passed.artifact)]);
      this.index.taskInputs.set(component.name, [
        ...this.index.taskInputs.get(component.name) ?? [],
        names
      ]);
    }
    for (const kind of ["parameter", "artifact"]) {
      for (const [inputName, input] of Object.entries(passed[kind])) {
        const inputPath = [...taskPath, "inputs", TASK_INPUT_FIELDS[kind].collection, inputName];
        this.checkTaskInput(kind, inputPath, inputName, record(input), component, dependsOn);
      }
    }
    if (component) checkRequiredInputs(this.problems, taskPath, component, passed, task);
    checkIterators(this.problems, taskPath, task, component, passed);
    checkCondition(this.problems, taskPath, record(task["triggerPolicy"])["condition"], passed);
  }
  checkTaskInput(kind, path, name, input, component, dependsOn) {
    const fields = TASK_INPUT_FIELDS[kind];
    const sdkInjected = name.startsWith(PIPELINE_CHANNEL_PREFIX) || kind === "parameter" && SDK_RESOURCE_INPUTS.has(name) && component !== void 0 && hasContainerResources(this.index, component);
    if (component && !inputsOf(component, kind).has(name) && !sdkInjected) {
      const declared = [...inputsOf(component, kind).keys()];
      this.problems.add(
        path,
        `${component.name} has no input ${kind} "${name}" ${known(declared)}${didYouMean(name, declared)}`
      );
    }
    this.checkOwnerInput(kind, [...path, fields.fromOwner], input[fields.fromOwner]);
    const fromTask = record(input[fields.fromTask]);
    const producerTask = this.taskRef(
      [...path, fields.fromTask, "producerTask"],
      fromTask["producerTask"]
    );
    if (producerTask !== void 0) {
      dependsOn.add(producerTask);
      this.checkOutputKey(
        kind,
        [...path, fields.fromTask, fields.outputKey],
        fromTask[fields.outputKey],
        producerTask
      );
    }
    if (kind === "parameter") {
      const runtimeParameter = record(input["runtimeValue"])["runtimeParameter"];
      this.checkOwnerInput(kind, [...path, "runtimeValue", "runtimeParameter"], runtimeParameter);
      const statusOf = record(input["taskFinalStatus"])["producerTask"];
      const finalStatusTask = this.taskRef([...path, "taskFinalStatus", "producerTask"], statusOf);
      if (finalStatusTask !== void 0) dependsOn.add(finalStatusTask);
    }
  }
  /** Outputs of a DAG are selected from its tasks and must be declared by its component. */
  checkOutputs() {
    const outputs = record(this.dag["outputs"]);
    for (const kind of ["parameter", "artifact"]) {
      for (const [name, value] of entries(outputs[TASK_INPUT_FIELDS[kind].collection])) {
        const path = [...this.path, "outputs", TASK_INPUT_FIELDS[kind].collection, name];
        const declared = outputsOf(this.owner, kind);
        if (!declared.includes(name)) {
          this.problems.add(
            path,
            `${describeOwner(this.owner)} declares no output ${kind} "${name}" in outputDefinitions ${known(declared)}`
          );
        }
        for (const [selectorPath, selector] of dagOutputSelectors(kind, path, record(value))) {
          const subtask = this.taskRef(
            [...selectorPath, "producerSubtask"],
            selector["producerSubtask"]
          );
          const keyField = TASK_INPUT_FIELDS[kind].outputKey;
          if (subtask !== void 0) {
            this.checkOutputKey(kind, [...selectorPath, keyField], selector[keyField], subtask);
          }
        }
      }
    }
  }
  /** Returns `name` when it is a task of this DAG; reports it otherwise. */
  taskRef(path, name) {
    const taskName = validate_values_text(name);
    if (taskName === void 0) return void 0;
    if (taskName in this.tasks) return taskName;
    this.problems.add(
      path,
      `"${taskName}" is not a task of this DAG ${known(this.taskNames)}${didYouMean(taskName, this.taskNames)}`
    );
    return void 0;
  }
  checkOutputKey(kind, path, key, producerTask) {
    const name = validate_values_text(key);
    const refName = validate_values_text(record(record(this.tasks[producerTask])["componentRef"])["name"]);
    const component = refName === void 0 ? void 0 : this.index.components.get(refName);
    if (component === void 0 || name === void 0) return;
    const declared = outputsOf(component, kind);
    if (!declared.includes(name)) {
      this.problems.add(
        path,
        `"${name}" is not an output ${kind} of ${component.name} (the component of task "${producerTask}") ${known(declared)}${didYouMean(name, declared)}`
      );
    }
  }
  /** `componentInputParameter`/`componentInputArtifact` name an input of the enclosing component. */
  checkOwnerInput(kind, path, value) {
    const name = validate_values_text(value);
    const declared = [...inputsOf(this.owner, kind).keys()];
    if (name !== void 0 && !declared.includes(name)) {
      this.problems.add(
        path,
        `"${name}" is not an input ${kind} of ${describeOwner(this.owner)} ${known(declared)}${didYouMean(name, declared)}`
      );
    }
  }
}
function dagOutputSelectors(kind, path, output) {
  if (kind === "artifact") {
    return list(output["artifactSelectors"]).map((selector, position) => [
      [...path, "artifactSelectors", position],
      record(selector)
    ]);
  }
  const selectors = [];
  if (isRecord(output["valueFromParameter"])) {
    selectors.push([[...path, "valueFromParameter"], output["valueFromParameter"]]);
  }
  list(record(output["valueFromOneof"])["parameterSelectors"]).forEach((selector, position) => {
    selectors.push([[...path, "valueFromOneof", "parameterSelectors", position], record(selector)]);
  });
  return selectors;
}
function hasContainerResources(index, component) {
  const executor = component.executorLabel === void 0 ? void 0 : index.executors[component.executorLabel];
  return isRecord(record(record(executor)["container"])["resources"]);
}
function checkRequiredInputs(problems, taskPath, component, passed, task) {
  const iterated = validate_values_text(record(task["parameterIterator"])["itemInput"]) ?? validate_values_text(record(task["artifactIterator"])["itemInput"]);
  for (const kind of ["parameter", "artifact"]) {
    for (const [name, spec] of inputsOf(component, kind)) {
      const optional = spec["isOptional"] === true || spec["defaultValue"] !== void 0 || spec["parameterType"] === "TASK_CONFIG";
      if (!optional && !(name in passed[kind]) && name !== iterated) {
        problems.add(
          [...taskPath, "inputs", TASK_INPUT_FIELDS[kind].collection],
          `required input ${kind} "${name}" of ${component.name} is not set`
        );
      }
    }
  }
}
function checkIterators(problems, taskPath, task, component, passed) {
  const iterators = [
    { field: "parameterIterator", itemsKey: "inputParameter", kind: "parameter" },
    { field: "artifactIterator", itemsKey: "inputArtifact", kind: "artifact" }
  ];
  for (const { field, itemsKey, kind } of iterators) {
    const iterator = record(task[field]);
    const items = validate_values_text(record(iterator["items"])[itemsKey]);
    if (items !== void 0 && !(items in passed[kind])) {
      problems.add(
        [...taskPath, field, "items", itemsKey],
        `"${items}" is not an input ${kind} of this task ${known(Object.keys(passed[kind]))}`
      );
    }
    const itemInput = validate_values_text(iterator["itemInput"]);
    if (itemInput === void 0 || component === void 0) continue;
    const declared = [...inputsOf(component, kind).keys()];
    if (!declared.includes(itemInput)) {
      problems.add(
        [...taskPath, field, "itemInput"],
        `"${itemInput}" is not an input ${kind} of ${component.name} ${known(declared)}`
      );
    }
  }
}
function checkCondition(problems, taskPath, condition, passed) {
  const expression = validate_values_text(condition);
  if (expression === void 0) return;
  for (const match of expression.matchAll(
    /inputs\.(parameter_values|artifacts)\[\s*(['"])(.*?)\2\s*\]/g
  )) {
    const [, collection, , name = ""] = match;
    const kind = collection === "artifacts" ? "artifact" : "parameter";
    if (!(name in passed[kind])) {
      problems.add(
        [...taskPath, "triggerPolicy", "condition"],
        `refers to input ${kind} "${name}", which this task does not have ${known(Object.keys(passed[kind]))}`
      );
    }
  }
}
function checkComponentCycles(index) {
  const edges = /* @__PURE__ */ new Map();
  for (const component of index.components.values()) {
    const refs = /* @__PURE__ */ new Set();
    for (const task of Object.values(record(component.dag?.["tasks"]))) {
      const name = validate_values_text(record(record(task)["componentRef"])["name"]);
      if (name !== void 0 && index.components.has(name)) refs.add(name);
    }
    edges.set(component.name, refs);
  }
  for (const cycle of (0,graph/* findCycles */.p)(edges)) {
    const [first = ""] = cycle;
    index.problems.add(["components", first, "dag"], `component cycle ${cycle.join(" -> ")}`);
  }
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/ir/validate-executors.js



const PLACEHOLDER = /\{\{\$\.(inputs|outputs)\.(parameters|artifacts)\[\s*(['"])(.*?)\3\s*\][^}]*\}\}/g;
const STRUCTURED_PLACEHOLDER = /^\s*\{\s*"(Concat|IfPresent|IsPresent)"/;
function checkExecutors(index) {
  const users = /* @__PURE__ */ new Map();
  for (const component of index.components.values()) {
    if (component.executorLabel !== void 0)
      users.set(component.executorLabel, [
        ...users.get(component.executorLabel) ?? [],
        component
      ]);
  }
  for (const [label, executor] of Object.entries(index.executors)) {
    const components = users.get(label) ?? [];
    const executorPath = ["deploymentSpec", "executors", label];
    walkStrings(executor, executorPath, (value, path) => {
      for (const match of value.matchAll(PLACEHOLDER)) {
        const [placeholder, direction = "", collection = "", , name = ""] = match;
        const kind = collection === "parameters" ? "parameter" : "artifact";
        for (const component of components) {
          const declared = direction === "inputs" ? [...inputsOf(component, kind).keys()] : outputsOf(component, kind);
          if (!declared.includes(name) && !passedByEveryTask(index, component, direction, name)) {
            const what = `${direction === "inputs" ? "input" : "output"} ${kind}`;
            index.problems.add(
              path,
              `${placeholder} refers to ${what} "${name}", which ${component.name} does not declare ${known(declared)}${didYouMean(name, declared)}`
            );
          }
        }
      }
      if (STRUCTURED_PLACEHOLDER.test(value))
        checkStructuredPlaceholder(index.problems, value, path, components);
    });
    const importer = record(record(executor)["importer"]);
    const runtimeParameter = validate_values_text(record(importer["artifactUri"])["runtimeParameter"]);
    for (const component of components) {
      if (runtimeParameter !== void 0 && !component.inputParameters.has(runtimeParameter)) {
        index.problems.add(
          [...executorPath, "importer", "artifactUri", "runtimeParameter"],
          `"${runtimeParameter}" is not an input parameter of ${component.name} ${known([...component.inputParameters.keys()])}`
        );
      }
    }
  }
}
function passedByEveryTask(index, component, direction, name) {
  const tasks = index.taskInputs.get(component.name) ?? [];
  return direction === "inputs" && name.startsWith(PIPELINE_CHANNEL_PREFIX) && tasks.length > 0 && tasks.every((passed) => passed.has(name));
}
function checkStructuredPlaceholder(problems, value, path, components) {
  let parsed;
  try {
    parsed = JSON.parse(value);
  } catch {
    problems.add(path, `malformed structured placeholder (not valid JSON): ${(0,errors/* excerpt */.Kb)(value, 80)}`);
    return;
  }
  const inputNames = [];
  const collect = (node) => {
    if (Array.isArray(node)) node.forEach(collect);
    else if (isRecord(node)) {
      for (const [key, child] of Object.entries(node)) {
        if ((key === "InputName" || key === "IsPresent") && typeof child === "string")
          inputNames.push(child);
        else collect(child);
      }
    }
  };
  collect(parsed);
  for (const name of inputNames) {
    for (const component of components) {
      if (!component.inputParameters.has(name) && !component.inputArtifacts.has(name)) {
        const declared = [...component.inputParameters.keys(), ...component.inputArtifacts.keys()];
        problems.add(
          path,
          `placeholder input "${name}" is not an input of ${component.name} ${known(declared)}${didYouMean(name, declared)}`
        );
      }
    }
  }
}
function walkStrings(value, path, visit) {
  if (typeof value === "string") visit(value, path);
  else if (Array.isArray(value))
    value.forEach((item, position) => walkStrings(item, [...path, position], visit));
  else if (isRecord(value))
    for (const [key, child] of Object.entries(value)) walkStrings(child, [...path, key], visit);
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/ir/validate-schema.js




const SIMPLE_KEY = /^[A-Za-z0-9_][\w-]*$/;
function formatPath(path) {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else {
      const key = String(segment);
      if (!SIMPLE_KEY.test(key)) text += `[${(0,errors/* excerpt */.Kb)(JSON.stringify(key), 80)}]`;
      else text += text ? `.${key}` : key;
    }
  }
  return text || "(top level)";
}
function schemaProblems(schema, doc, label = "") {
  const result = schema.safeParse(doc, { reportInput: true });
  if (result.success) return { data: result.data, problems: [] };
  const prefix = label ? `${label} ` : "";
  return {
    data: void 0,
    problems: result.error.issues.flatMap(
      (issue) => describeIssue(issue, schema).map((text) => prefix + text)
    )
  };
}
function describeIssue(issue, root) {
  const at = formatPath(issue.path);
  switch (issue.code) {
    case "unrecognized_keys": {
      const known = objectKeysAt(root, issue.path);
      return issue.keys.map((key) => {
        const suggestion = (0,suggest/* closest */.k)(key, known);
        return `${formatPath([...issue.path, key])}: unknown key${suggestion ? ` (did you mean ${suggestion}?)` : ""}`;
      });
    }
    case "invalid_type":
      if (issue.input === void 0) return [`${at}: is required`];
      return [`${at}: expected ${describeExpected(issue.expected)}, found ${kindOf(issue.input)}`];
    case "invalid_value": {
      const values = issue.values.map(String);
      const suggestion = typeof issue.input === "string" ? (0,suggest/* closest */.k)(issue.input, values) : void 0;
      return [
        `${at}: ${show(issue.input)} is not one of ${values.join(", ")}${suggestion ? ` (did you mean ${suggestion}?)` : ""}`
      ];
    }
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) === 1)
        return [`${at}: must not be empty`];
      return [`${at}: ${issue.message}`];
    default:
      return [`${at}: ${issue.message}`];
  }
}
function describeExpected(expected) {
  const names = {
    object: "a mapping",
    record: "a mapping",
    array: "a list",
    string: "a string",
    boolean: "true or false",
    number: "a number"
  };
  return names[expected] ?? expected;
}
function objectKeysAt(schema, path) {
  let current = schema;
  for (const segment of [...path, void 0]) {
    while (current instanceof schemas/* ZodOptional */.IiU) current = current.unwrap();
    if (segment === void 0) break;
    if (current instanceof schemas/* ZodObject */.bvH)
      current = current.shape[segment];
    else if (current instanceof schemas/* ZodRecord */.b8S) current = current.valueType;
    else if (current instanceof schemas/* ZodArray */.naA) current = current.element;
    else return [];
  }
  return current instanceof schemas/* ZodObject */.bvH ? Object.keys(current.shape) : [];
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/ir/validate-yaml.js
var validate_yaml = __webpack_require__(5968);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/ir/validate.js








const FIX_SPEC = "Correct the fields listed above, or recompile the pipeline with the KFP SDK (kfp.compiler.Compiler().compile) rather than editing the YAML by hand.";
function parsePipelineSpecText(text2, source) {
  return parsePipelineDocuments(text2, source).spec;
}
function parsePipelineDocuments(text2, source) {
  return validatePipelineDocuments((0,validate_yaml/* readYamlDocuments */.C)(text2, source), source);
}
function validatePipelineDocuments(documents, source) {
  const [first, ...extras] = documents;
  if (first === void 0 || first === null) {
    throw new errors/* UserError */.yo(
      `${source} is empty: expected a compiled KFP pipeline spec (YAML or JSON)`,
      {
        fix: "Compile the pipeline with the KFP SDK and point at the generated file."
      }
    );
  }
  if (!isRecord(first)) {
    throw new errors/* UserError */.yo(
      `${source} is not a KFP pipeline spec: the document is ${kindOf(first)}, not a mapping`,
      {
        fix: "Point at the YAML file the KFP compiler wrote (it starts with pipelineInfo, components, deploymentSpec, root...)."
      }
    );
  }
  const checked = checkPipelineSpec(first);
  const problems = [...checked.problems];
  let platformSpec;
  extras.forEach((extra, index) => {
    const label = `[document ${index + 2}]`;
    if (extra === null || extra === void 0) return;
    if (!isRecord(extra)) {
      problems.push(
        `${label}: expected a mapping (the platform document, "platforms: ..."), found ${kindOf(extra)}`
      );
      return;
    }
    const platform = checkPlatformSpec(extra, first, label);
    problems.push(...platform.problems);
    platformSpec ??= platform.spec;
  });
  if (problems.length > 0 || checked.spec === void 0) throw invalidSpecError(source, problems);
  return { spec: checked.spec, platformSpec };
}
function validatePipelineSpec(doc, source) {
  const checked = checkPipelineSpec(doc);
  if (checked.spec === void 0) throw invalidSpecError(source, checked.problems);
  return checked.spec;
}
function invalidSpecError(source, problems) {
  const details = [...new Set(problems)];
  const count = `${details.length} problem${details.length === 1 ? "" : "s"}`;
  return new errors/* UserError */.yo(`${source} is not a valid KFP pipeline spec (${count})`, {
    fix: FIX_SPEC,
    details
  });
}
function checkPipelineSpec(doc) {
  const schema = schemaProblems(PipelineSpec, doc);
  const problems = [...schema.problems, ...referenceProblems(doc)];
  return { spec: problems.length === 0 ? schema.data : void 0, problems };
}
function checkPlatformSpec(doc, specDoc, label) {
  const schema = schemaProblems(PlatformSpec, doc, label);
  const problems = [...schema.problems];
  const executors = record(record(record(specDoc)["deploymentSpec"])["executors"]);
  for (const [platform, config] of entries(doc["platforms"])) {
    for (const executorLabel of keys(record(record(config)["deploymentSpec"])["executors"])) {
      if (!(executorLabel in executors)) {
        const path = formatPath([
          "platforms",
          platform,
          "deploymentSpec",
          "executors",
          executorLabel
        ]);
        problems.push(
          `${label} ${path}: "${executorLabel}" is not an executor in deploymentSpec.executors ${known(keys(executors))}`
        );
      }
    }
  }
  return { spec: problems.length === 0 ? schema.data : void 0, problems };
}
function referenceProblems(doc) {
  const found = [];
  const problems = {
    add: (path, message) => found.push(`${formatPath(path)}: ${message}`)
  };
  const spec = record(doc);
  const components = new Map(
    entries(spec["components"]).map(([name, component]) => [
      name,
      describeComponent(name, ["components", name], component)
    ])
  );
  const index = {
    components,
    root: describeComponent("root", ["root"], spec["root"]),
    executors: record(record(spec["deploymentSpec"])["executors"]),
    taskInputs: /* @__PURE__ */ new Map(),
    problems
  };
  if (isRecord(spec["root"]) && index.root.dag === void 0 && index.root.executorLabel !== void 0) {
    problems.add(["root"], "the pipeline root must be a dag, not an executorLabel");
  }
  for (const component of [index.root, ...components.values()]) {
    checkParameterDefaults(component, problems);
    if (component.dag) new DagCheck(index, component, component.dag).run();
    if (component.executorLabel !== void 0 && !(component.executorLabel in index.executors)) {
      problems.add(
        [...component.path, "executorLabel"],
        `"${component.executorLabel}" is not an executor in deploymentSpec.executors ${known(keys(index.executors))}${didYouMean(component.executorLabel, keys(index.executors))}`
      );
    }
  }
  checkExecutors(index);
  checkComponentCycles(index);
  return found;
}
const DEFAULT_VALUE_TYPES = {
  STRING: { test: (value) => typeof value === "string", expected: "a string" },
  NUMBER_INTEGER: { test: (value) => Number.isInteger(value), expected: "an integer" },
  NUMBER_DOUBLE: { test: (value) => typeof value === "number", expected: "a number" },
  BOOLEAN: { test: (value) => typeof value === "boolean", expected: "true or false" },
  LIST: { test: (value) => Array.isArray(value), expected: "a list" },
  STRUCT: { test: isRecord, expected: "a mapping" }
};
function checkParameterDefaults(component, problems) {
  for (const [name, parameter] of component.inputParameters) {
    const type = DEFAULT_VALUE_TYPES[validate_values_text(parameter["parameterType"]) ?? ""];
    const value = parameter["defaultValue"];
    if (type && value !== void 0 && value !== null && !type.test(value)) {
      problems.add(
        [...component.path, "inputDefinitions", "parameters", name, "defaultValue"],
        `${show(value)} does not match parameterType ${String(parameter["parameterType"])} (expected ${type.expected})`
      );
    }
  }
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/pipeline/source-kind.js
var source_kind = __webpack_require__(7729);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/package-version.js
var package_version = __webpack_require__(8326);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/adapters/pipeline-loader.js







async function readSource(file, missingFix) {
  try {
    return await (0,promises_.readFile)(file, "utf8");
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT") throw new errors/* UserError */.yo(`${file} does not exist`, { fix: missingFix });
    if (code === "EISDIR")
      throw new errors/* UserError */.yo(`${file} is a folder`, { fix: "Point at the pipeline file inside it." });
    throw new errors/* UserError */.yo(`Cannot read ${file}: ${error.message}`);
  }
}
async function loadPipeline(file, options = {}) {
  const absolute = external_node_path_.resolve(file);
  const text = await readSource(
    absolute,
    "Check the pipeline path (it is relative to the working directory)."
  );
  const detected = (0,source_kind/* detectPipelineSource */.tC)(text, file);
  if (detected.kind === "kfp-python") {
    const { compileKfpPython } = await Promise.all(/* import() */[__webpack_require__.e(1260), __webpack_require__.e(8291)]).then(__webpack_require__.bind(__webpack_require__, 8291));
    const compiled = await compileKfpPython(absolute, {
      python: options.python ?? "python3",
      ...options.functionName ? { functionName: options.functionName } : {}
    });
    return {
      spec: parsePipelineSpecText(compiled, `${file} (compiled by kfp)`),
      kind: "kfp-python",
      file: absolute
    };
  }
  if (detected.kind === "ir")
    return {
      spec: validatePipelineDocuments(detected.documents, file).spec,
      kind: "ir",
      file: absolute
    };
  const [{ compileDeclarativePipeline }, { loadV1Component }] = await Promise.all([
    Promise.all(/* import() */[__webpack_require__.e(7337), __webpack_require__.e(1243)]).then(__webpack_require__.bind(__webpack_require__, 1243)),
    __webpack_require__.e(/* import() */ 6740).then(__webpack_require__.bind(__webpack_require__, 6740))
  ]);
  const folder = external_node_path_.dirname(absolute);
  const loadComponent = async (ref) => {
    const componentFile = external_node_path_.resolve(folder, ref);
    const [doc] = (0,validate_yaml/* readYamlDocuments */.C)(
      await readSource(
        componentFile,
        `Check the component paths: they are relative to the pipeline's folder, ${folder}.`
      ),
      ref
    );
    return loadV1Component(doc, ref);
  };
  const spec = await compileDeclarativePipeline(
    detected.doc,
    file,
    loadComponent,
    (0,package_version/* packageVersion */.T)()
  );
  return {
    spec: validatePipelineSpec(spec, `${file} (compiled)`),
    kind: "declarative",
    file: absolute
  };
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/gcp/kfp-template.js
var kfp_template = __webpack_require__(8505);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/ir/images.js

function replaceImages(spec, replacements, source) {
  const entries = Object.entries(replacements);
  if (entries.length === 0) return spec;
  const executors = spec.deploymentSpec?.executors ?? {};
  const used = new Set(
    Object.values(executors).flatMap(
      (executor) => executor.container ? [executor.container.image] : []
    )
  );
  const unknown = entries.filter(([from]) => !used.has(from)).map(([from]) => from);
  if (unknown.length > 0)
    throw new errors/* UserError */.yo(`${source} uses no image ${unknown.map((i) => `"${i}"`).join(", ")}`, {
      details: [`Its images: ${[...used].sort().join(", ") || "none"}`],
      fix: "Name an image the pipeline uses on the left of IMAGE=REPLACEMENT."
    });
  const blank = entries.filter(([, to]) => to.trim() === "").map(([from]) => from);
  if (blank.length > 0)
    throw new errors/* UserError */.yo(`No replacement given for image ${blank.join(", ")}`, {
      fix: "Write each replacement as IMAGE=REPLACEMENT, e.g. mlops-training:latest=REGION-docker.pkg.dev/P/R/trainer@sha256:\u2026."
    });
  const replaced = Object.fromEntries(
    Object.entries(executors).map(([label, executor]) => [
      label,
      executor.container ? {
        ...executor,
        container: {
          ...executor.container,
          image: replacements[executor.container.image]?.trim() ?? executor.container.image
        }
      } : executor
    ])
  );
  return { ...spec, deploymentSpec: { ...spec.deploymentSpec, executors: replaced } };
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/ir/parameters.js
var parameters = __webpack_require__(8612);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/commands/command.js
var command = __webpack_require__(5435);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/commands/pipeline-inputs.js







const PYTHON_INPUT = {
  name: "python",
  description: "Python interpreter for KFP Python files, python commands of local subprocess runs and serve. Defaults to $MLOPS_PYTHON, else python3.",
  kind: "string",
  valueName: "PATH"
};
function pythonInput(raw, context) {
  return raw.string("python")?.trim() || context.env.MLOPS_PYTHON || "python3";
}
const PIPELINE_INPUTS = [
  {
    name: "pipeline",
    description: "Pipeline file: compiled KFP IR (YAML/JSON), a pipeline YAML (apiVersion: mlops/v1), or a KFP Python file with @dsl.pipeline (recognised by content); or a published template, https://REGION-kfp.pkg.dev/PROJECT/REPO/PACKAGE/TAG, which is pinned to its version.",
    kind: "string",
    required: true,
    positional: true,
    valueName: "PIPELINE"
  },
  PYTHON_INPUT,
  {
    name: "function",
    description: "The @dsl.pipeline function to compile when a KFP Python file defines several.",
    kind: "string",
    valueName: "NAME"
  },
  {
    name: "images",
    description: "Replace container images of the pipeline, IMAGE=REPLACEMENT, one per line in the action (repeat --images in the CLI): e.g. mlops-training:latest=the image output of build, so the pipeline's components run in the image you pushed.",
    kind: "list",
    valueName: "IMAGE=REF"
  }
];
function pipelineSourceFields(raw, context) {
  return {
    pipeline: () => {
      const given = (0,command/* requireInput */.oN)(
        raw,
        "pipeline",
        "Name the pipeline file, e.g. pipelines/training-pipeline.yaml."
      );
      return (0,kfp_template/* isTemplateUri */.DA)(given) ? given : external_node_path_.resolve(context.cwd, given);
    },
    python: () => pythonInput(raw, context),
    functionName: () => raw.string("function")?.trim() || void 0,
    images: () => (0,parameters/* parseParameterAssignments */.Tw)(
      raw.list("images"),
      "Image replacement",
      "--images mlops-training:latest=REGION-docker.pkg.dev/P/R/trainer@sha256:\u2026"
    )
  };
}
function pipelineRunFields(raw, context) {
  return {
    ...pipelineSourceFields(raw, context),
    params: () => (0,parameters/* parseParameterAssignments */.Tw)(raw.list("param"))
  };
}
async function loadPipelineFrom(inputs, context) {
  const loaded = await loadPipelineSource(inputs, context);
  const spec = replaceImages(loaded.spec, inputs.images, loaded.file);
  for (const [from, to] of Object.entries(inputs.images)) context.ui.info(`Image ${from} \u2192 ${to}`);
  return { ...loaded, spec };
}
async function loadPipelineSource(inputs, context) {
  if ((0,kfp_template/* isTemplateUri */.DA)(inputs.pipeline)) {
    const template = (0,kfp_template/* parseTemplateUri */._E)(inputs.pipeline);
    const { KfpRegistry } = await __webpack_require__.e(/* import() */ 6457).then(__webpack_require__.bind(__webpack_require__, 6457));
    const registry = await KfpRegistry.connect({
      project: template.project,
      env: context.env,
      onRetry: (message) => context.ui.warning(message)
    });
    try {
      const pinned = { ...template, ref: await registry.resolveTag(template) };
      const uri = (0,kfp_template/* templateUri */.zy)(pinned);
      if (pinned.ref !== template.ref) context.ui.info(`Template ${template.ref} is ${uri}`);
      const spec = parsePipelineSpecText(await registry.download(pinned), uri);
      return { spec, kind: "ir", file: uri, templateUri: uri };
    } finally {
      await registry.close();
    }
  }
  return loadPipeline(inputs.pipeline, {
    python: inputs.python,
    ...inputs.functionName ? { functionName: inputs.functionName } : {}
  });
}
function countTasks(spec) {
  let count = 0;
  for (const component of [spec.root, ...Object.values(spec.components ?? {})]) {
    for (const task of Object.values(component.dag?.tasks ?? {})) {
      if (spec.components?.[task.componentRef.name]?.executorLabel) count++;
    }
  }
  return count;
}
const PARAM_INPUT = {
  name: "param",
  description: "Run parameters as NAME=VALUE, one per line in the action (repeat --param in the CLI). Checked against the pipeline's declared parameters before anything runs.",
  kind: "list",
  valueName: "NAME=VALUE"
};



/***/ }),

/***/ 4807:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ checkRegion),
/* harmony export */   v: () => (/* binding */ checkProjectId)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9033);

const REGION = /^(us|europe|asia|australia|northamerica|southamerica|me|africa)-[a-z]+\d+$/;
function checkRegion(region) {
  const trimmed = region.trim();
  if (!REGION.test(trimmed)) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`region "${region}" is not a Google Cloud region`, {
      fix: "Use a Vertex AI region such as us-central1, europe-west4 or asia-southeast1 (not a zone like us-central1-a, nor a multi-region like us)."
    });
  }
  return trimmed;
}
function checkProjectId(project) {
  const trimmed = project.trim();
  if (!/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(trimmed) && !/^\d+$/.test(trimmed)) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`project "${project}" is not a project ID or number`, {
      fix: "Give the project ID (6-30 lowercase letters, digits and hyphens) or its number."
    });
  }
  return trimmed;
}



/***/ }),

/***/ 8505:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bs: () => (/* binding */ checkTag),
/* harmony export */   DA: () => (/* binding */ isTemplateUri),
/* harmony export */   Z3: () => (/* binding */ parseKfpRepository),
/* harmony export */   _E: () => (/* binding */ parseTemplateUri),
/* harmony export */   qA: () => (/* binding */ VERSION_PREFIX),
/* harmony export */   zy: () => (/* binding */ templateUri)
/* harmony export */ });
/* unused harmony export repositoryUrl */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9033);
/* harmony import */ var _google_names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4807);


const HOST = /^https:\/\/([a-z0-9-]+)-kfp\.pkg\.dev\/([^/]+)\/([^/]+)(?:\/([^/]+)\/([^/]+))?\/?$/;
const REPOSITORY_ID = /^[a-z][a-z0-9-]{0,62}$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const VERSION_PREFIX = "sha256:";
function isTemplateUri(text) {
  return /^https:\/\/[a-z0-9-]+-kfp\.pkg\.dev\//.test(text.trim());
}
function parseKfpRepository(input, fallback) {
  const text = input.trim().replace(/\/+$/, "");
  const match = HOST.exec(text);
  if (match) {
    if (match[4] !== void 0)
      throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`repository "${input}" names a template, not a repository`, {
        fix: "Give the repository URL, https://REGION-kfp.pkg.dev/PROJECT/REPOSITORY."
      });
    return {
      region: (0,_google_names_js__WEBPACK_IMPORTED_MODULE_1__/* .checkRegion */ .O)(match[1] ?? ""),
      project: (0,_google_names_js__WEBPACK_IMPORTED_MODULE_1__/* .checkProjectId */ .v)(match[2] ?? ""),
      repository: match[3] ?? ""
    };
  }
  if (!REPOSITORY_ID.test(text)) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`repository "${input}" is neither a kfp.pkg.dev URL nor a repository id`, {
      fix: "Give https://REGION-kfp.pkg.dev/PROJECT/REPOSITORY, or the repository id with project-id and region."
    });
  }
  if (!fallback.project || !fallback.region) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`repository "${input}" needs a project and region`, {
      fix: "Set project-id and region, or give the full https://REGION-kfp.pkg.dev/PROJECT/REPOSITORY URL."
    });
  }
  return {
    region: (0,_google_names_js__WEBPACK_IMPORTED_MODULE_1__/* .checkRegion */ .O)(fallback.region),
    project: (0,_google_names_js__WEBPACK_IMPORTED_MODULE_1__/* .checkProjectId */ .v)(fallback.project),
    repository: text
  };
}
function parseTemplateUri(uri) {
  const match = HOST.exec(uri.trim());
  if (!match || match[4] === void 0 || match[5] === void 0) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`"${uri}" is not a pipeline template URI`, {
      fix: "Use https://REGION-kfp.pkg.dev/PROJECT/REPOSITORY/PACKAGE/TAG (or /sha256:DIGEST)."
    });
  }
  return {
    region: (0,_google_names_js__WEBPACK_IMPORTED_MODULE_1__/* .checkRegion */ .O)(match[1] ?? ""),
    project: (0,_google_names_js__WEBPACK_IMPORTED_MODULE_1__/* .checkProjectId */ .v)(match[2] ?? ""),
    repository: match[3] ?? "",
    packageName: decodeURIComponent(match[4]),
    ref: decodeURIComponent(match[5])
  };
}
function repositoryUrl(repository) {
  return `https://${repository.region}-kfp.pkg.dev/${repository.project}/${repository.repository}`;
}
function templateUri(template) {
  return `${repositoryUrl(template)}/${template.packageName}/${template.ref}`;
}
function checkTag(tag) {
  if (tag.startsWith(VERSION_PREFIX) || !TAG.test(tag)) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`tag "${tag}" is not valid`, {
      fix: "Use letters, digits, dots, hyphens and underscores (at most 128), not starting with sha256:."
    });
  }
  return tag;
}



/***/ }),

/***/ 9228:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ topologicalOrder),
/* harmony export */   p: () => (/* binding */ findCycles)
/* harmony export */ });
function findCycles(graph) {
  const state = /* @__PURE__ */ new Map();
  const stack = [];
  const cycles = [];
  const seen = /* @__PURE__ */ new Set();
  const visit = (node) => {
    state.set(node, "active");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "active") {
        const cycle = [...stack.slice(stack.indexOf(next)), next];
        const identity = [...new Set(cycle)].sort().join("\0");
        if (!seen.has(identity)) {
          seen.add(identity);
          cycles.push(cycle);
        }
      } else if (!state.has(next) && graph.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}
function topologicalOrder(graph, compare) {
  const remaining = [...graph.keys()].sort(compare);
  const placed = /* @__PURE__ */ new Set();
  const ordered = [];
  while (remaining.length > 0) {
    const index = remaining.findIndex(
      (node) => [...graph.get(node) ?? []].every(
        (upstream) => placed.has(upstream) || !graph.has(upstream)
      )
    );
    const [next = ""] = remaining.splice(Math.max(index, 0), 1);
    placed.add(next);
    ordered.push(next);
  }
  return ordered;
}



/***/ }),

/***/ 8612:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SA: () => (/* binding */ resolveRunParameters),
/* harmony export */   Tw: () => (/* binding */ parseParameterAssignments),
/* harmony export */   v: () => (/* binding */ coerceParameter)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9033);
/* harmony import */ var _suggest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2926);


function resolveRunParameters(spec, given, source) {
  const definitions = spec.root.inputDefinitions?.parameters ?? {};
  const problems = [];
  const resolved = {};
  const known = Object.keys(definitions);
  for (const [name, value] of Object.entries(given)) {
    const definition = definitions[name];
    if (!definition) {
      const hint = (0,_suggest_js__WEBPACK_IMPORTED_MODULE_1__/* .closest */ .k)(name, known);
      problems.push(
        `"${name}" is not a parameter of this pipeline${hint ? ` (did you mean "${hint}"?)` : ""}; parameters: ${known.join(", ") || "none"}`
      );
      continue;
    }
    const type = definition.parameterType;
    const parsed = coerceParameter(value, type);
    if (parsed.ok) resolved[name] = parsed.value;
    else problems.push(`"${name}" must be ${describeType(type)}, got ${JSON.stringify(value)}`);
  }
  for (const [name, definition] of Object.entries(definitions)) {
    if (name in resolved || name in given) continue;
    if (definition.defaultValue !== void 0) resolved[name] = definition.defaultValue;
    else if (!definition.isOptional)
      problems.push(
        `"${name}" is required (${describeType(definition.parameterType)}) and has no default`
      );
  }
  if (problems.length > 0) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Invalid parameters for ${source}`, {
      details: problems,
      fix: "Pass parameters as NAME=VALUE with the declared names and types."
    });
  }
  return resolved;
}
function describeType(type) {
  switch (type) {
    case "NUMBER_INTEGER":
      return "an integer";
    case "NUMBER_DOUBLE":
      return "a number";
    case "BOOLEAN":
      return "true or false";
    case "LIST":
      return "a JSON list";
    case "STRUCT":
      return "a JSON object";
    default:
      return "a string";
  }
}
function coerceParameter(value, type) {
  const text = typeof value === "string" ? value.trim() : void 0;
  switch (type) {
    case "STRING":
      return typeof value === "string" ? { ok: true, value } : { ok: false };
    case "NUMBER_INTEGER": {
      const number = text !== void 0 && text !== "" ? Number(text) : value;
      return typeof number === "number" && Number.isSafeInteger(number) ? { ok: true, value: number } : { ok: false };
    }
    case "NUMBER_DOUBLE": {
      const number = text !== void 0 && text !== "" ? Number(text) : value;
      return typeof number === "number" && Number.isFinite(number) ? { ok: true, value: number } : { ok: false };
    }
    case "BOOLEAN":
      if (typeof value === "boolean") return { ok: true, value };
      return text !== void 0 && /^(true|false)$/i.test(text) ? { ok: true, value: text.toLowerCase() === "true" } : { ok: false };
    case "LIST":
    case "STRUCT": {
      let parsed = value;
      if (text !== void 0) {
        try {
          parsed = JSON.parse(text);
        } catch {
          return { ok: false };
        }
      }
      const isList = Array.isArray(parsed);
      const isStruct = typeof parsed === "object" && parsed !== null && !isList;
      return (type === "LIST" ? isList : isStruct) ? { ok: true, value: parsed } : { ok: false };
    }
    default:
      return typeof value === "string" ? { ok: true, value } : { ok: false };
  }
}
function parseParameterAssignments(lines, noun = "Parameter", example = "--param test_size=0.25") {
  const result = {};
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const equals = trimmed.indexOf("=");
    if (equals <= 0)
      throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`"${trimmed}" is not NAME=VALUE`, {
        fix: `Write each ${noun.toLowerCase()} as NAME=VALUE, e.g. ${example}.`
      });
    const name = trimmed.slice(0, equals).trim();
    if (name in result)
      throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${noun} "${name}" is given twice`, {
        fix: `Give each ${noun.toLowerCase()} once.`
      });
    result[name] = trimmed.slice(equals + 1);
  }
  return result;
}



/***/ }),

/***/ 5968:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ readYamlDocuments)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9033);


const FIX_YAML = "Fix the YAML syntax at the reported line, or recompile the pipeline with the KFP SDK.";
function readYamlDocuments(text, source) {
  const strict = parseYaml(text, source);
  if (strict.faults.length === 0) return strict.values;
  const relaxed = indentQuotedContinuations(text);
  if (relaxed !== void 0) {
    const retry = parseYaml(relaxed, source);
    if (retry.faults.length === 0) return retry.values;
  }
  const [first] = strict.faults;
  const where = first ? `line ${first.line}, column ${first.col}: ${first.message}` : "unreadable";
  throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${source} is not valid YAML (${where})`, {
    fix: FIX_YAML,
    details: strict.faults.map(
      (fault) => `line ${fault.line}, column ${fault.col}: ${fault.message}`
    )
  });
}
const MAX_ALIASES = 100;
function parseYaml(text, source) {
  const documents = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseAllDocuments */ .hR)(text);
  const faults = documents.flatMap(
    (document) => document.errors.map((error) => ({
      line: error.linePos?.[0].line ?? 0,
      col: error.linePos?.[0].col ?? 0,
      // The message repeats the position and an excerpt after its first line; keep the reason,
      // which may quote a token of any length (a binary file is one long "scalar").
      message: (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .excerpt */ .Kb)(
        (error.message.split("\n")[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, "")
      )
    }))
  );
  if (faults.length > 0) return { values: [], faults };
  try {
    return {
      values: documents.map((document) => document.toJS({ maxAliasCount: MAX_ALIASES })),
      faults
    };
  } catch (error) {
    const reason = error.message;
    if (/excessive alias count/i.test(reason)) {
      throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(
        `${source} has too many YAML aliases (more than ${MAX_ALIASES} expansions)`,
        {
          fix: "Write the repeated values out instead of aliases (*name) of aliases.",
          cause: error
        }
      );
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${source} is not valid YAML (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .excerpt */ .Kb)(reason)})`, {
      fix: FIX_YAML,
      cause: error
    });
  }
}
function indentQuotedContinuations(text) {
  const lines = text.split("\n");
  let changed = false;
  let blockScalarOwner = -1;
  for (let row = 0; row < lines.length; row++) {
    const line = lines[row] ?? "";
    const indent = leadingSpaces(line);
    if (blockScalarOwner >= 0) {
      if (line.trim() === "" || indent > blockScalarOwner) continue;
      blockScalarOwner = -1;
    }
    const node = /^( *)((?:- +)*)([^\s#'"{}[\],][^#]*?:[ \t]+)?(.*)$/.exec(line);
    if (!node) continue;
    const dashes = node[2] ?? "";
    const key = node[3];
    const value = node[4] ?? "";
    const ownerColumn = key !== void 0 ? indent + dashes.length : dashes ? indent + dashes.trimEnd().lastIndexOf("-") : -1;
    if (ownerColumn < 0) continue;
    if (/^[|>][-+0-9]*[ \t]*(#.*)?$/.test(value)) {
      blockScalarOwner = ownerColumn;
      continue;
    }
    const quote = value[0];
    if (quote !== "'" && quote !== '"') continue;
    const end = closingQuoteRow(lines, row, line.length - value.length + 1, quote);
    if (end === void 0) return changed ? lines.join("\n") : void 0;
    const required = ownerColumn + 1;
    for (let next = row + 1; next <= end; next++) {
      const continuation = lines[next] ?? "";
      const missing = required - leadingSpaces(continuation);
      if (continuation.trim() !== "" && missing > 0) {
        lines[next] = " ".repeat(missing) + continuation;
        changed = true;
      }
    }
    row = end;
  }
  return changed ? lines.join("\n") : void 0;
}
function closingQuoteRow(lines, row, col, quote) {
  for (let r = row, c = col; r < lines.length; r++, c = 0) {
    const line = lines[r] ?? "";
    while (c < line.length) {
      const char = line[c];
      if (quote === '"' && char === "\\") c += 2;
      else if (char === quote && quote === "'" && line[c + 1] === "'") c += 2;
      else if (char === quote) return r;
      else c += 1;
    }
  }
  return void 0;
}
function leadingSpaces(line) {
  return line.length - line.trimStart().length;
}



/***/ }),

/***/ 7729:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   tC: () => (/* binding */ detectPipelineSource),
/* harmony export */   vU: () => (/* binding */ DECLARATIVE_API_VERSION)
/* harmony export */ });
/* unused harmony export isDeclarativePipeline */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9033);
/* harmony import */ var _ir_validate_yaml_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5968);


const DECLARATIVE_API_VERSION = "mlops/v1";
function isDeclarativePipeline(doc) {
  return typeof doc === "object" && doc !== null && doc.apiVersion === DECLARATIVE_API_VERSION && doc.kind === "Pipeline";
}
const KFP_PIPELINE_DECORATOR = /^\s*@(?:kfp\.)?dsl\.pipeline\b/m;
function detectPipelineSource(text, source) {
  if (KFP_PIPELINE_DECORATOR.test(text)) return { kind: "kfp-python" };
  if (source.endsWith(".py")) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${source} has no @dsl.pipeline function`, {
      fix: "Decorate the pipeline function with @dsl.pipeline (from kfp import dsl)."
    });
  }
  if (text.trim() === "")
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${source} is empty`, {
      fix: "Point at a compiled pipeline, a pipeline YAML or a KFP Python file."
    });
  const documents = (0,_ir_validate_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .readYamlDocuments */ .C)(text, source);
  const [doc] = documents;
  if (isDeclarativePipeline(doc)) return { kind: "declarative", doc };
  if (typeof doc === "object" && doc !== null && ("pipelineInfo" in doc || "deploymentSpec" in doc || "root" in doc))
    return { kind: "ir", documents };
  if (typeof doc === "object" && doc !== null && "implementation" in doc) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${source} is a component, not a pipeline`, {
      fix: "Use it from a pipeline file: tasks.NAME.component: path/to/component.yaml."
    });
  }
  throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${source} is not a pipeline this tool recognises`, {
    fix: 'Give a compiled KFP pipeline (pipelineInfo/root/deploymentSpec), a pipeline YAML with "apiVersion: mlops/v1" and "kind: Pipeline", or a KFP Python file with @dsl.pipeline.'
  });
}



/***/ }),

/***/ 2926:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ closest)
/* harmony export */ });
function closest(word, candidates) {
  const normalize = (value) => value.toLowerCase().replace(/[-_]/g, "");
  const exact = candidates.find((candidate) => normalize(candidate) === normalize(word));
  if (exact !== void 0) return exact;
  let best;
  let bestDistance = Math.floor(word.length / 3) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
function editDistance(a, b) {
  const table = Array.from(
    { length: a.length + 1 },
    (_, i) => Array.from({ length: b.length + 1 }, (_2, j) => Math.max(i, j) * Number(i === 0 || j === 0))
  );
  const at = (i, j) => table[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      let distance = Math.min(
        at(i - 1, j) + 1,
        at(i, j - 1) + 1,
        at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1)
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        distance = Math.min(distance, at(i - 2, j - 2) + 1);
      table[i]?.splice(j, 1, distance);
    }
  }
  return at(a.length, b.length);
}



/***/ })

};
