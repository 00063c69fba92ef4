export const id = 1243;
export const ids = [1243];
export const modules = {

/***/ 1243:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  compileDeclarativePipeline: () => (/* binding */ compileDeclarativePipeline),
  compilerVersion: () => (/* binding */ compilerVersion)
});

// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/errors.js
var errors = __webpack_require__(9033);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/graph.js
var graph = __webpack_require__(9228);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/product.js
var product = __webpack_require__(7587);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/zod-issues.js
var zod_issues = __webpack_require__(4262);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/pipeline/compile-model.js
const PARAMETER_TYPE = {
  String: "STRING",
  Integer: "NUMBER_INTEGER",
  Float: "NUMBER_DOUBLE",
  Boolean: "BOOLEAN",
  List: "LIST",
  Struct: "STRUCT"
};
const CHANNEL = "pipelinechannel--";
function channelName(reference) {
  return reference.kind === "param" ? `${CHANNEL}${reference.name}` : `${CHANNEL}${reference.task}-${reference.output}`;
}
function typeLabel(reference) {
  return reference.kind === "task-artifact" ? reference.schemaTitle : reference.type;
}
function parameterTypesCompatible(from, to) {
  return from === to || from === "NUMBER_INTEGER" && to === "NUMBER_DOUBLE" || to === "STRING";
}
function constantMatches(value, type) {
  switch (type) {
    case "STRING":
      return typeof value === "string";
    case "NUMBER_INTEGER":
      return typeof value === "number" && Number.isSafeInteger(value);
    case "NUMBER_DOUBLE":
      return typeof value === "number" && Number.isFinite(value);
    case "BOOLEAN":
      return typeof value === "boolean";
    case "LIST":
      return Array.isArray(value);
    case "STRUCT":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    default:
      return false;
  }
}
function describeReference(reference) {
  return reference.kind === "param" ? `params.${reference.name}` : `${reference.task}.${reference.output}`;
}
function parameterSource(reference) {
  if (reference.kind === "param") return { componentInputParameter: reference.name };
  return {
    taskOutputParameter: { producerTask: reference.task, outputParameterKey: reference.output }
  };
}
function artifactSource(reference) {
  return {
    taskOutputArtifact: { producerTask: reference.task, outputArtifactKey: reference.output }
  };
}


// EXTERNAL MODULE: ./node_modules/@marcbachmann/cel-js/lib/index.js + 13 modules
var lib = __webpack_require__(7337);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/pipeline/references.js


const INTERPOLATION = /\$\{([^}]*)\}/g;
function parseReference(text, taskNames) {
  const parts = text.trim().split(".");
  const [head, second, third] = parts;
  if (head === "params" && parts.length === 2 && second) return { kind: "param", name: second };
  const task = head === void 0 ? void 0 : resolveTaskName(head, taskNames);
  if (task && parts.length === 2 && second) return { kind: "task", task, output: second };
  if (task && parts.length === 3 && second === "outputs" && third)
    return { kind: "task", task, output: third };
  throw new errors/* UserError */.yo(`"\${${text}}" is not a reference`, {
    fix: `Write \${params.NAME} for a pipeline parameter or \${TASK.OUTPUT} for a task output (tasks: ${[...taskNames].join(", ")}).`
  });
}
function resolveTaskName(name, taskNames) {
  if (taskNames.has(name)) return name;
  const hyphenated = name.replaceAll("_", "-");
  return taskNames.has(hyphenated) ? hyphenated : void 0;
}
function parseValueTemplate(value, taskNames) {
  if (typeof value !== "string" || !value.includes("${")) return { kind: "constant", value };
  const parts = [];
  let last = 0;
  for (const match of value.matchAll(INTERPOLATION)) {
    if (match.index > last) parts.push(value.slice(last, match.index));
    parts.push(parseReference(match[1] ?? "", taskNames));
    last = match.index + match[0].length;
  }
  if (last < value.length) parts.push(value.slice(last));
  if (parts.some((part) => typeof part === "string" && part.includes("${"))) {
    throw new errors/* UserError */.yo(`"${value}" has an unclosed \${`, { fix: "Close every ${ with }." });
  }
  const [only] = parts;
  if (parts.length === 1 && only !== void 0 && typeof only !== "string")
    return { kind: "reference", reference: only };
  return { kind: "interpolation", parts };
}
function isNode(value) {
  return typeof value === "object" && value !== null && "op" in value && "start" in value;
}
function findConditionReferences(expression, taskNames) {
  let ast;
  try {
    ast = (0,lib/* parse */.qg)(expression).ast;
  } catch (error) {
    throw new errors/* UserError */.yo(
      `when: "${(0,errors/* excerpt */.Kb)(expression)}" is not a valid expression: ${(0,errors/* excerpt */.Kb)(error.message.split("\n")[0] ?? "")}`,
      {
        fix: "Write a CEL expression such as `evaluate.accuracy >= 0.8 && params.deploy == true`."
      }
    );
  }
  const found = [];
  const visit = (node) => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!isNode(node)) return;
    if (node.op === "id") {
      throw new errors/* UserError */.yo(
        `when: "${expression}" uses "${String(node.args)}", which is neither params.NAME nor TASK.OUTPUT`,
        {
          fix: `Name a pipeline parameter as params.NAME or a task output as TASK.OUTPUT (tasks: ${[...taskNames].join(", ")}; write hyphens in task names as underscores).`
        }
      );
    }
    if (node.op === ".") {
      const path = memberPath(node);
      if (path) {
        found.push({
          reference: parseReference(path, taskNames),
          start: node.start,
          end: node.end
        });
        return;
      }
    }
    visit(node.args);
  };
  visit(ast);
  return found;
}
function memberPath(node) {
  if (node.op === "id") return String(node.args);
  if (node.op !== "." || !Array.isArray(node.args)) return void 0;
  const [target, field] = node.args;
  if (!isNode(target) || typeof field !== "string") return void 0;
  const head = memberPath(target);
  return head === void 0 ? void 0 : `${head}.${field}`;
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/pipeline/compile-conditions.js



function assignConditionGroups(pipeline) {
  const list = [];
  const byTask = /* @__PURE__ */ new Map();
  for (const [name, task] of Object.entries(pipeline.tasks)) {
    if (task.when === void 0) continue;
    const expression = task.when.trim();
    let group = list.find((candidate) => candidate.expression === expression);
    if (!group) {
      group = { index: list.length + 1, expression, tasks: [] };
      list.push(group);
    }
    group.tasks.push(name);
    byTask.set(name, group.index);
  }
  return { list, byTask };
}
function conditionExpression(scope, group, inputs, dependencies) {
  const where = `tasks.${group.tasks[0] ?? ""}.when`;
  let found;
  try {
    found = findConditionReferences(group.expression, scope.taskNames);
  } catch (error) {
    if (!(error instanceof errors/* UserError */.yo)) throw error;
    scope.problems.push(`${where}: ${error.describe()}`);
    return group.expression;
  }
  if (found.length === 0)
    scope.problems.push(
      `${where}: "${group.expression}" does not depend on any parameter or task output`
    );
  let condition = group.expression;
  for (const { reference, start, end } of [...found].sort((a, b) => b.start - a.start)) {
    const resolved = scope.resolve(reference, where);
    if (!resolved) continue;
    if (resolved.kind === "task-artifact") {
      scope.problems.push(
        `${where}: ${describeReference(resolved)} is an artifact; conditions can only test parameters (output the metric as a Float too)`
      );
      continue;
    }
    if (resolved.kind === "task-parameter") {
      const producer = scope.tasks.get(resolved.task);
      if (producer?.group !== void 0) {
        scope.problems.push(
          `${where}: "${resolved.task}" is itself conditional; a when-expression can only use unconditional tasks`
        );
      }
      dependencies.add(resolved.task);
    }
    const channel = channelName(resolved);
    inputs.set(channel, resolved);
    const access = `inputs.parameter_values['${channel}']`;
    condition = condition.slice(0, start) + (resolved.type === "NUMBER_INTEGER" ? `int(${access})` : access) + condition.slice(end);
  }
  return condition;
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/pipeline/compile-root.js



function rootInputDefinitions(scope) {
  const entries = Object.entries(scope.parameters);
  if (entries.length === 0) return void 0;
  const parameters = {};
  for (const [name, parameter] of entries) {
    const type = PARAMETER_TYPE[parameter.type];
    const definition = { parameterType: type };
    if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name)) {
      scope.problems.push(
        `parameters.${name}: parameter names are identifiers (letters, digits, underscores)`
      );
    }
    if (parameter.default !== void 0) {
      if (!constantMatches(parameter.default, type)) {
        scope.problems.push(
          `parameters.${name}.default: ${JSON.stringify(parameter.default)} is not a valid ${parameter.type}`
        );
      }
      definition.defaultValue = parameter.default;
    }
    if (parameter.optional || parameter.default !== void 0) definition.isOptional = true;
    if (parameter.description) definition.description = parameter.description.trim();
    parameters[name] = definition;
  }
  return { parameters };
}
function addPipelineOutputs(scope, root) {
  const outputs = Object.entries(scope.pipeline.outputs ?? {});
  if (outputs.length === 0 || !root.dag) return;
  const dagOutputs = {};
  const definitions = {};
  for (const [name, text] of outputs) {
    const where = `outputs.${name}`;
    let reference;
    try {
      reference = parseReference(text.replace(/^\$\{|\}$/g, ""), scope.taskNames);
    } catch (error) {
      if (!(error instanceof errors/* UserError */.yo)) throw error;
      scope.problems.push(`${where}: ${error.describe()}`);
      continue;
    }
    const resolved = scope.resolve(reference, where);
    if (!resolved) continue;
    if (resolved.kind === "param") {
      scope.problems.push(`${where}: pipeline outputs come from tasks, not parameters`);
      continue;
    }
    if (scope.tasks.get(resolved.task)?.group !== void 0) {
      scope.problems.push(
        `${where}: "${resolved.task}" is conditional, so it cannot provide a pipeline output`
      );
      continue;
    }
    if (resolved.kind === "task-parameter") {
      (dagOutputs.parameters ??= {})[name] = {
        valueFromParameter: {
          producerSubtask: resolved.task,
          outputParameterKey: resolved.output
        }
      };
      (definitions.parameters ??= {})[name] = { parameterType: resolved.type };
    } else {
      (dagOutputs.artifacts ??= {})[name] = {
        artifactSelectors: [{ producerSubtask: resolved.task, outputArtifactKey: resolved.output }]
      };
      (definitions.artifacts ??= {})[name] = {
        artifactType: { schemaTitle: resolved.schemaTitle, schemaVersion: "0.0.1" }
      };
    }
  }
  root.dag.outputs = dagOutputs;
  root.outputDefinitions = definitions;
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/duration.js
var duration = __webpack_require__(3422);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/pipeline/compile-task.js




function durationSeconds(text) {
  return `${((0,duration/* durationMs */.p)(text) ?? 0) / 1e3}s`;
}
function taskSpec(scope, task, where, isOutsideGroup) {
  const spec = {
    taskInfo: { name: task.decl.displayName ?? task.name },
    componentRef: { name: `comp-${task.name}` },
    cachingOptions: task.decl.cache === false ? {} : { enableCache: true }
  };
  const dependencies = /* @__PURE__ */ new Set();
  const declaredInputs = task.component.spec.inputDefinitions;
  const given = task.decl.inputs ?? {};
  const parameters = {};
  const artifacts = {};
  const useReference = (reference, at) => {
    if (reference.kind !== "param") {
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
        ...Object.keys(declaredInputs?.artifacts ?? {})
      ];
      scope.problems.push(
        `${at}: component "${task.component.name}" has no input "${inputName}" (inputs: ${known.join(", ") || "none"})`
      );
      continue;
    }
    let template;
    try {
      template = parseValueTemplate(value, scope.taskNames);
    } catch (error) {
      if (!(error instanceof errors/* UserError */.yo)) throw error;
      scope.problems.push(`${at}: ${error.describe()}`);
      continue;
    }
    if (artifactSpec) {
      const reference = template.kind === "reference" ? scope.resolve(template.reference, at) : void 0;
      if (template.kind !== "reference") {
        scope.problems.push(
          `${at}: "${inputName}" is an artifact (${artifactSpec.artifactType.schemaTitle}); pass a task output such as \${TASK.OUTPUT}`
        );
      } else if (reference && reference.kind !== "task-artifact") {
        scope.problems.push(
          `${at}: "${inputName}" is an artifact but ${describeReference(reference)} is a ${typeLabel(reference)} parameter`
        );
      } else if (reference) {
        const wanted2 = artifactSpec.artifactType.schemaTitle ?? "system.Artifact";
        if (wanted2 !== reference.schemaTitle && wanted2 !== "system.Artifact" && reference.schemaTitle !== "system.Artifact") {
          scope.problems.push(
            `${at}: "${inputName}" expects ${wanted2} but ${describeReference(reference)} is ${reference.schemaTitle}`
          );
        }
        const { channel } = useReference(reference, at);
        artifacts[inputName] = channel ? { componentInputArtifact: channel } : artifactSource(reference);
      }
      continue;
    }
    const wanted = parameterSpec?.parameterType;
    if (template.kind === "constant") {
      if (!constantMatches(template.value, wanted)) {
        scope.problems.push(
          `${at}: ${JSON.stringify(template.value)} is not a valid ${wanted} value`
        );
      }
      parameters[inputName] = {
        runtimeValue: { constant: template.value }
      };
    } else if (template.kind === "reference") {
      const reference = scope.resolve(template.reference, at);
      if (!reference) continue;
      if (reference.kind === "task-artifact") {
        scope.problems.push(
          `${at}: "${inputName}" is a ${wanted} parameter but ${describeReference(reference)} is an artifact (${reference.schemaTitle})`
        );
        continue;
      }
      if (!parameterTypesCompatible(reference.type, wanted)) {
        scope.problems.push(
          `${at}: "${inputName}" expects ${wanted} but ${describeReference(reference)} is ${reference.type}`
        );
      }
      const { channel } = useReference(reference, at);
      parameters[inputName] = channel ? { componentInputParameter: channel } : parameterSource(reference);
    } else {
      if (wanted !== "STRING")
        scope.problems.push(`${at}: only String inputs can mix text and references`);
      let constant = "";
      for (const part of template.parts) {
        if (typeof part === "string") {
          constant += part;
          continue;
        }
        const reference = scope.resolve(part, at);
        if (!reference) continue;
        if (reference.kind === "task-artifact") {
          scope.problems.push(
            `${at}: ${describeReference(reference)} is an artifact and cannot be part of a text value`
          );
          continue;
        }
        const channel = channelName(reference);
        constant += `{{$.inputs.parameters['${channel}']}}`;
        const { channel: outside } = useReference(reference, at);
        parameters[channel] = outside ? { componentInputParameter: outside } : parameterSource(reference);
      }
      parameters[inputName] = { runtimeValue: { constant } };
    }
  }
  for (const [name, definition] of Object.entries(declaredInputs?.parameters ?? {})) {
    if (!(name in given) && !definition.isOptional && definition.defaultValue === void 0) {
      scope.problems.push(
        `${where}.inputs: required input "${name}" of component "${task.component.name}" is not set`
      );
    }
  }
  for (const [name, definition] of Object.entries(declaredInputs?.artifacts ?? {})) {
    if (!(name in given) && !definition.isOptional) {
      scope.problems.push(
        `${where}.inputs: required artifact "${name}" of component "${task.component.name}" is not set`
      );
    }
  }
  for (const after of task.decl.after ?? []) {
    if (!scope.tasks.has(after)) {
      scope.problems.push(
        `${where}.after: unknown task "${after}" (tasks: ${[...scope.taskNames].join(", ")})`
      );
    } else if (after === task.name) {
      scope.problems.push(`${where}.after: a task cannot run after itself`);
    } else {
      scope.checkVisibility(task, after, `${where}.after`);
      if (scope.tasks.get(after)?.group === task.group) dependencies.add(after);
    }
  }
  if (dependencies.size > 0) spec.dependentTasks = [...dependencies].sort();
  const inputs = {};
  if (Object.keys(parameters).length > 0) inputs.parameters = parameters;
  if (Object.keys(artifacts).length > 0) inputs.artifacts = artifacts;
  if (Object.keys(inputs).length > 0) spec.inputs = inputs;
  const retry = task.decl.retry;
  if (retry) {
    spec.retryPolicy = {
      maxRetryCount: retry.attempts,
      backoffDuration: durationSeconds(retry.backoff ?? "0s"),
      backoffFactor: retry.factor ?? 2,
      backoffMaxDuration: durationSeconds(retry.maxBackoff ?? "1h")
    };
  }
  return spec;
}
function containerSpec(task) {
  const container = { ...task.component.container };
  const env = task.decl.env;
  if (env) {
    const merged = new Map(
      (task.component.container.env ?? []).map((entry) => [entry.name, entry.value])
    );
    for (const [name, value] of Object.entries(env)) merged.set(name, String(value));
    container.env = [...merged].map(([name, value]) => ({ name, value }));
  }
  const resources = task.decl.resources;
  if (resources) {
    const spec = {};
    if (resources.cpu !== void 0) spec.resourceCpuLimit = String(resources.cpu);
    if (resources.memory !== void 0) spec.resourceMemoryLimit = resources.memory;
    if (resources.cpuRequest !== void 0) spec.resourceCpuRequest = String(resources.cpuRequest);
    if (resources.memoryRequest !== void 0) spec.resourceMemoryRequest = resources.memoryRequest;
    if (resources.accelerator) {
      spec.accelerator = {
        resourceType: resources.accelerator.type,
        resourceCount: String(resources.accelerator.count)
      };
    }
    container.resources = spec;
  }
  return container;
}


// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/pipeline/source-kind.js
var source_kind = __webpack_require__(7729);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/pipeline/declarative-schema.js


const durationSchema = schemas/* string */.YjP().regex(/^\d+(\.\d+)?(ms|s|m|h)$/, "expected a duration such as 30s, 5m or 1h");
const parameterTypeNames = [
  "String",
  "Integer",
  "Float",
  "Boolean",
  "List",
  "Struct"
];
const parameterSchema = schemas/* strictObject */.rej({
  type: schemas/* enum */.k5n(parameterTypeNames),
  default: schemas/* unknown */.L5J().optional(),
  optional: schemas/* boolean */.zMY().optional(),
  description: schemas/* string */.YjP().optional()
});
const taskSchema = schemas/* strictObject */.rej({
  component: schemas/* string */.YjP().min(1, "name a component.yaml file"),
  displayName: schemas/* string */.YjP().optional(),
  inputs: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).optional(),
  after: schemas/* array */.YOg(schemas/* string */.YjP()).optional(),
  when: schemas/* string */.YjP().min(1).optional(),
  cache: schemas/* boolean */.zMY().optional(),
  retry: schemas/* strictObject */.rej({
    attempts: schemas/* number */.aig().int().min(0).max(10),
    backoff: durationSchema.optional(),
    factor: schemas/* number */.aig().min(1).optional(),
    maxBackoff: durationSchema.optional()
  }).optional(),
  resources: schemas/* strictObject */.rej({
    cpu: schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig()]).optional(),
    memory: schemas/* string */.YjP().optional(),
    cpuRequest: schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig()]).optional(),
    memoryRequest: schemas/* string */.YjP().optional(),
    accelerator: schemas/* strictObject */.rej({ type: schemas/* string */.YjP(), count: schemas/* number */.aig().int().min(1) }).optional()
  }).optional(),
  env: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig(), schemas/* boolean */.zMY()])).optional()
});
const declarativePipelineSchema = schemas/* strictObject */.rej({
  apiVersion: schemas/* literal */.euz(source_kind/* DECLARATIVE_API_VERSION */.vU),
  kind: schemas/* literal */.euz("Pipeline"),
  name: schemas/* string */.YjP().regex(
    /^[a-z][a-z0-9-]{0,127}$/,
    "use lowercase letters, digits and hyphens, starting with a letter"
  ),
  description: schemas/* string */.YjP().optional(),
  pipelineRoot: schemas/* string */.YjP().optional(),
  parameters: schemas/* record */.g1P(schemas/* string */.YjP(), parameterSchema).optional(),
  tasks: schemas/* record */.g1P(schemas/* string */.YjP(), taskSchema).refine((tasks) => Object.keys(tasks).length > 0, "a pipeline needs at least one task"),
  outputs: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()).optional()
});


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/pipeline/compile-declarative.js










function compilerVersion(productVersion) {
  return `${product/* PRODUCT_NAME */.KR}-${productVersion}`;
}
const TASK_NAME = /^[a-z][a-z0-9-]{0,62}$/;
async function compileDeclarativePipeline(doc, source, loadComponent, productVersion) {
  const parsed = declarativePipelineSchema.safeParse(doc);
  if (!parsed.success) {
    throw new errors/* UserError */.yo(`${source} is not a valid pipeline file`, {
      details: (0,zod_issues/* formatZodIssues */.t)(parsed.error),
      fix: "See docs/pipeline-yaml.md for the format."
    });
  }
  const pipeline = parsed.data;
  const problems = [];
  const taskNames = new Set(Object.keys(pipeline.tasks));
  for (const name of taskNames) {
    if (!TASK_NAME.test(name)) {
      problems.push(
        `tasks.${name}: task names use lowercase letters, digits and hyphens (try "${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}")`
      );
    }
  }
  const components = /* @__PURE__ */ new Map();
  const fixes = /* @__PURE__ */ new Set();
  for (const [name, task] of Object.entries(pipeline.tasks)) {
    try {
      components.set(name, await loadComponent(task.component));
    } catch (error) {
      if (!(error instanceof errors/* UserError */.yo)) throw error;
      const details = error.details.length ? ` (${error.details.join("; ")})` : "";
      problems.push(`tasks.${name}.component: ${error.message}${details}`);
      if (error.fix) fixes.add(error.fix);
    }
  }
  const groups = assignConditionGroups(pipeline);
  const tasks = /* @__PURE__ */ new Map();
  for (const [name, decl] of Object.entries(pipeline.tasks)) {
    const component = components.get(name);
    if (component) tasks.set(name, { name, decl, component, group: groups.byTask.get(name) });
  }
  if (problems.length > 0 || tasks.size !== taskNames.size)
    throw compileError(source, problems, fixes);
  const context = new CompileContext(pipeline, tasks, taskNames, problems);
  const spec = context.build(groups.list, compilerVersion(productVersion));
  if (problems.length > 0) throw compileError(source, problems, fixes);
  return spec;
}
function compileError(source, problems, fixes) {
  return new errors/* UserError */.yo(
    `${source}: the pipeline has ${problems.length} problem${problems.length === 1 ? "" : "s"}`,
    {
      details: problems,
      fix: [...fixes, "See docs/pipeline-yaml.md for the format."].join(" ")
    }
  );
}
class CompileContext {
  #pipeline;
  #tasks;
  #taskNames;
  #problems;
  #parameters;
  /** The compiler parts' view of this build (./compile-model.ts). */
  #scope;
  constructor(pipeline, tasks, taskNames, problems) {
    this.#pipeline = pipeline;
    this.#tasks = tasks;
    this.#taskNames = taskNames;
    this.#problems = problems;
    this.#parameters = pipeline.parameters ?? {};
    this.#scope = {
      pipeline,
      tasks,
      taskNames,
      problems,
      parameters: this.#parameters,
      resolve: (reference, where) => this.#resolve(reference, where),
      checkVisibility: (consumer, producerName, where) => this.#checkVisibility(consumer, producerName, where)
    };
  }
  build(groups, sdkVersion) {
    const components = {};
    const executors = {};
    const rootTasks = {};
    const groupTasks = /* @__PURE__ */ new Map();
    const groupInputs = /* @__PURE__ */ new Map();
    const groupDependencies = /* @__PURE__ */ new Map();
    for (const group of groups) {
      groupTasks.set(group.index, {});
      groupInputs.set(group.index, /* @__PURE__ */ new Map());
      groupDependencies.set(group.index, /* @__PURE__ */ new Set());
    }
    for (const task of this.#tasks.values()) {
      const where = `tasks.${task.name}`;
      components[`comp-${task.name}`] = {
        ...task.component.spec,
        executorLabel: `exec-${task.name}`
      };
      executors[`exec-${task.name}`] = { container: containerSpec(task) };
      const spec2 = taskSpec(this.#scope, task, where, (reference) => {
        if (task.group === void 0) return false;
        const outside = reference.kind === "param" || this.#tasks.get(reference.task)?.group !== task.group;
        if (outside) {
          groupInputs.get(task.group)?.set(channelName(reference), reference);
          if (reference.kind !== "param") groupDependencies.get(task.group)?.add(reference.task);
        }
        return outside;
      });
      if (task.group === void 0) rootTasks[task.name] = spec2;
      else (groupTasks.get(task.group) ?? {})[task.name] = spec2;
    }
    for (const group of groups) {
      const inputs = groupInputs.get(group.index) ?? /* @__PURE__ */ new Map();
      const dependencies = groupDependencies.get(group.index) ?? /* @__PURE__ */ new Set();
      const condition = conditionExpression(this.#scope, group, inputs, dependencies);
      const name = `condition-${group.index}`;
      if (this.#taskNames.has(name))
        this.#problems.push(
          `tasks.${name}: the name is reserved for a when-group; rename the task`
        );
      const inputDefinitions = {};
      const taskInputs = {};
      for (const [channel, reference] of [...inputs].sort(([a], [b]) => a.localeCompare(b))) {
        if (reference.kind === "task-artifact") {
          (inputDefinitions.artifacts ??= {})[channel] = {
            artifactType: { schemaTitle: reference.schemaTitle, schemaVersion: "0.0.1" }
          };
          (taskInputs.artifacts ??= {})[channel] = artifactSource(reference);
        } else {
          (inputDefinitions.parameters ??= {})[channel] = { parameterType: reference.type };
          (taskInputs.parameters ??= {})[channel] = parameterSource(reference);
        }
      }
      const dag = { tasks: groupTasks.get(group.index) ?? {} };
      components[`comp-${name}`] = {
        dag,
        ...Object.keys(inputDefinitions).length > 0 ? { inputDefinitions } : {}
      };
      const groupTask = {
        taskInfo: { name },
        componentRef: { name: `comp-${name}` },
        triggerPolicy: { condition }
      };
      if (dependencies.size > 0) groupTask.dependentTasks = [...dependencies].sort();
      if (Object.keys(taskInputs).length > 0) groupTask.inputs = taskInputs;
      rootTasks[name] = groupTask;
    }
    this.#checkCycles();
    const root = { dag: { tasks: rootTasks } };
    const rootInputs = rootInputDefinitions(this.#scope);
    if (rootInputs) root.inputDefinitions = rootInputs;
    addPipelineOutputs(this.#scope, root);
    const spec = {
      components,
      deploymentSpec: { executors },
      pipelineInfo: {
        name: this.#pipeline.name,
        ...this.#pipeline.description ? { description: this.#pipeline.description.trim() } : {}
      },
      root,
      schemaVersion: "2.1.0",
      sdkVersion
    };
    if (this.#pipeline.pipelineRoot) spec.defaultPipelineRoot = this.#pipeline.pipelineRoot;
    return spec;
  }
  #resolve(reference, where) {
    if (reference.kind === "param") {
      const parameter2 = this.#parameters[reference.name];
      if (!parameter2) {
        const known2 = Object.keys(this.#parameters);
        this.#problems.push(
          `${where}: unknown parameter "${reference.name}" (declared: ${known2.join(", ") || "none"})`
        );
        return void 0;
      }
      return { kind: "param", name: reference.name, type: PARAMETER_TYPE[parameter2.type] };
    }
    const producer = this.#tasks.get(reference.task);
    if (!producer) return void 0;
    const outputs = producer.component.spec.outputDefinitions;
    const parameter = outputs?.parameters?.[reference.output];
    if (parameter)
      return {
        kind: "task-parameter",
        task: reference.task,
        output: reference.output,
        type: parameter.parameterType
      };
    const artifact = outputs?.artifacts?.[reference.output];
    if (artifact) {
      return {
        kind: "task-artifact",
        task: reference.task,
        output: reference.output,
        schemaTitle: artifact.artifactType.schemaTitle ?? "system.Artifact"
      };
    }
    const known = [
      ...Object.keys(outputs?.parameters ?? {}),
      ...Object.keys(outputs?.artifacts ?? {})
    ];
    this.#problems.push(
      `${where}: task "${reference.task}" has no output "${reference.output}" (outputs: ${known.join(", ") || "none"})`
    );
    return void 0;
  }
  /** A producer inside a when-group is only visible to tasks of the same group. */
  #checkVisibility(consumer, producerName, where) {
    const producer = this.#tasks.get(producerName);
    if (producer?.group !== void 0 && producer.group !== consumer.group) {
      this.#problems.push(
        `${where}: "${producerName}" only runs when "${producer.decl.when ?? ""}", so tasks outside that condition cannot use it`
      );
    }
  }
  /** Reports a cycle among tasks (through inputs and `after`) with its path. */
  #checkCycles() {
    const edges = /* @__PURE__ */ new Map();
    for (const task of this.#tasks.values()) {
      const upstream = new Set(task.decl.after ?? []);
      for (const value of Object.values(task.decl.inputs ?? {})) {
        try {
          const template = parseValueTemplate(value, this.#taskNames);
          const references = template.kind === "reference" ? [template.reference] : template.kind === "interpolation" ? template.parts : [];
          for (const part of references)
            if (typeof part !== "string" && part.kind === "task") upstream.add(part.task);
        } catch {
        }
      }
      edges.set(
        task.name,
        [...upstream].filter((name) => this.#tasks.has(name))
      );
    }
    const [cycle] = (0,graph/* findCycles */.p)(edges);
    if (cycle) this.#problems.push(`tasks: dependency cycle ${cycle.join(" -> ")}`);
  }
}



/***/ }),

/***/ 4262:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ formatZodIssues)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9033);

function formatZodIssues(error) {
  return error.issues.map((issue) => {
    const path = issue.path.map((key) => (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .excerpt */ .Kb)(String(key), 80)).join(".") || "(top level)";
    if (issue.code === "unrecognized_keys")
      return `${path}: unknown key ${issue.keys.map((k) => `"${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .excerpt */ .Kb)(k, 80)}"`).join(", ")}`;
    return `${path}: ${issue.message}`;
  });
}



/***/ })

};
