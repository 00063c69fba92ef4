export const id = 6779;
export const ids = [6779];
export const modules = {

/***/ 6779:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   validateCommand: () => (/* binding */ validateCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var _core_ir_parameters_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8612);
/* harmony import */ var _core_ir_placeholders_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5254);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5435);
/* harmony import */ var _pipeline_inputs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8407);





const validateCommand = (0,_command_js__WEBPACK_IMPORTED_MODULE_3__/* .defineCommand */ .NB)({
  name: "validate",
  summary: "Validate a pipeline (and optionally run parameters) without running anything.",
  inputs: [..._pipeline_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .PIPELINE_INPUTS */ .Tj, _pipeline_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .PARAM_INPUT */ .DZ],
  outputs: [
    {
      name: "valid",
      description: '"true" when the pipeline (and parameters, if given) are valid; the step fails otherwise.'
    },
    { name: "pipeline-name", description: "pipelineInfo.name of the pipeline." },
    { name: "source-kind", description: "What the source was: ir, declarative or kfp-python." },
    { name: "task-count", description: "Number of container tasks in the pipeline." }
  ],
  parseInputs(raw, context) {
    return (0,_command_js__WEBPACK_IMPORTED_MODULE_3__/* .parseFields */ .L5)("validate", {
      ...(0,_pipeline_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .pipelineRunFields */ .rJ)(raw, context)
    });
  },
  async run(inputs, context) {
    const { ui, cwd } = context;
    const loaded = await ui.group("Validate", () => (0,_pipeline_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .loadPipelineFrom */ .bW)(inputs, context));
    const display = node_path__WEBPACK_IMPORTED_MODULE_0__.relative(cwd, inputs.pipeline) || inputs.pipeline;
    const checkParameters = Object.keys(inputs.params).length > 0;
    const resolved = checkParameters ? (0,_core_ir_parameters_js__WEBPACK_IMPORTED_MODULE_1__/* .resolveRunParameters */ .SA)(loaded.spec, inputs.params, display) : {};
    const definitions = loaded.spec.root.inputDefinitions?.parameters ?? {};
    const rows = Object.entries(definitions).map(([name, definition]) => [
      name,
      String(definition.parameterType),
      definition.defaultValue === void 0 ? definition.isOptional ? "(optional)" : "(required)" : (0,_core_ir_placeholders_js__WEBPACK_IMPORTED_MODULE_2__/* .renderParameter */ .KE)(definition.defaultValue),
      name in inputs.params ? (0,_core_ir_placeholders_js__WEBPACK_IMPORTED_MODULE_2__/* .renderParameter */ .KE)(resolved[name]) : ""
    ]);
    if (rows.length > 0)
      ui.table(
        `Parameters of ${loaded.spec.pipelineInfo.name}`,
        ["Name", "Type", "Default", "Given"],
        rows,
        // The job summary starts with the run's verdict; the parameters are in its report.
        { summary: false }
      );
    const tasks = (0,_pipeline_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .countTasks */ .g6)(loaded.spec);
    ui.info(`${ui.colors.ok("\u2713")} ${display} is a valid pipeline (${loaded.kind}, ${tasks} tasks)`);
    return {
      outputs: {
        valid: "true",
        "pipeline-name": loaded.spec.pipelineInfo.name,
        "source-kind": loaded.kind,
        "task-count": String(tasks)
      }
    };
  }
});



/***/ }),

/***/ 5254:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KE: () => (/* binding */ renderParameter),
/* harmony export */   Sd: () => (/* binding */ resolveCommandLine),
/* harmony export */   pr: () => (/* binding */ substitutePlaceholders)
/* harmony export */ });
/* unused harmony export buildExecutorInput */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9033);

function buildExecutorInput(context) {
  const toMessage = (artifact) => ({
    name: artifact.name,
    uri: artifact.uri,
    metadata: artifact.metadata,
    type: { schemaTitle: artifact.schemaTitle }
  });
  const parameterValues = Object.fromEntries(
    Object.entries(context.parameters).filter(
      (entry) => entry[1] !== void 0
    )
  );
  return {
    inputs: {
      parameterValues,
      artifacts: Object.fromEntries(
        Object.entries(context.inputArtifacts).map(([key, list]) => [
          key,
          { artifacts: list.map(toMessage) }
        ])
      )
    },
    outputs: {
      parameters: Object.fromEntries(
        Object.entries(context.outputParameterFiles).map(([key, file]) => [
          key,
          { outputFile: file }
        ])
      ),
      artifacts: Object.fromEntries(
        Object.entries(context.outputArtifacts).map(([key, artifact]) => [
          key,
          { artifacts: [toMessage(artifact)] }
        ])
      ),
      outputFile: context.executorOutputFile
    }
  };
}
const PLACEHOLDER = /\{\{\$(?:\.[^{}]*?)?\}\}/g;
function renderParameter(value) {
  return typeof value === "string" ? value : JSON.stringify(value);
}
function expectArtifact(list, name, placeholder) {
  const [first] = list ?? [];
  if (!first)
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(
      `${placeholder} refers to artifact "${name}", which this task was not given`
    );
  return first;
}
function resolveArtifactField(artifact, field, placeholder) {
  if (field === "path") return artifact.path;
  if (field === "uri") return artifact.uri;
  if (field === "metadata") return JSON.stringify(artifact.metadata);
  const key = /^metadata\['([^']*)'\]$/.exec(field)?.[1];
  if (key !== void 0) {
    const value = artifact.metadata[key];
    return typeof value === "string" ? value : JSON.stringify(value ?? null);
  }
  throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Unsupported placeholder ${placeholder}`);
}
function substitutePlaceholders(text, context, executorInputJson) {
  return text.replace(PLACEHOLDER, (placeholder) => {
    const inner = placeholder.slice(2, -2);
    if (inner === "$") return executorInputJson();
    let match = /^\$\.inputs\.parameters\['([^']+)'\]$/.exec(inner);
    if (match?.[1] !== void 0) {
      const value = context.parameters[match[1]];
      if (value === void 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${placeholder}: input parameter "${match[1]}" has no value`, {
          fix: "Give the input a value or a default, or wrap it in IfPresent."
        });
      return renderParameter(value);
    }
    match = /^\$\.inputs\.artifacts\['([^']+)'\]\.(.+)$/.exec(inner);
    if (match?.[1] !== void 0 && match[2] !== void 0) {
      return resolveArtifactField(
        expectArtifact(context.inputArtifacts[match[1]], match[1], placeholder),
        match[2],
        placeholder
      );
    }
    match = /^\$\.outputs\.artifacts\['([^']+)'\]\.(.+)$/.exec(inner);
    if (match?.[1] !== void 0 && match[2] !== void 0) {
      const artifact = context.outputArtifacts[match[1]];
      if (!artifact)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${placeholder} refers to undeclared output artifact "${match[1]}"`);
      return resolveArtifactField(artifact, match[2], placeholder);
    }
    match = /^\$\.outputs\.parameters\['([^']+)'\]\.output_file$/.exec(inner);
    if (match?.[1] !== void 0) {
      const file = context.outputParameterFiles[match[1]];
      if (!file)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${placeholder} refers to undeclared output parameter "${match[1]}"`);
      return file;
    }
    if (inner === "$.outputs.output_file") return context.executorOutputFile;
    const runtimeKey = /^\$\.([a-z_]+)$/.exec(inner)?.[1];
    if (runtimeKey !== void 0 && runtimeKey in context.runtime)
      return context.runtime[runtimeKey] ?? "";
    if (runtimeKey?.startsWith("pipeline_google_cloud") || runtimeKey === "pipeline_service_account") {
      throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${placeholder} is only available on Vertex AI`, {
        fix: "Run this pipeline on Vertex (mlops run --vertex), or remove the Vertex-only placeholder."
      });
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Unsupported placeholder ${placeholder}`);
  });
}
function isPresent(name, context) {
  return context.parameters[name] !== void 0 || (context.inputArtifacts[name]?.length ?? 0) > 0;
}
function asStructured(value) {
  let candidate = value;
  if (typeof value === "string") {
    const trimmed = value.trim();
    if (!trimmed.startsWith('{"Concat"') && !trimmed.startsWith('{"IfPresent"')) return void 0;
    try {
      candidate = JSON.parse(trimmed);
    } catch {
      return void 0;
    }
  }
  if (typeof candidate !== "object" || candidate === null) return void 0;
  if ("Concat" in candidate && Array.isArray(candidate.Concat)) return candidate;
  if ("IfPresent" in candidate) return candidate;
  return void 0;
}
function resolveCommandLine(args, context) {
  let executorInput;
  const executorInputJson = () => executorInput ??= JSON.stringify(buildExecutorInput(context));
  const expand = (arg) => {
    const structured = asStructured(arg);
    if (!structured) return [substitutePlaceholders(String(arg), context, executorInputJson)];
    if ("Concat" in structured) return [structured.Concat.flatMap(expand).join("")];
    const { InputName, Then, Else } = structured.IfPresent;
    const branch = isPresent(InputName, context) ? Then : Else;
    if (branch === void 0) return [];
    return (Array.isArray(branch) ? branch : [branch]).flatMap(expand);
  };
  return args.flatMap(expand);
}



/***/ })

};
