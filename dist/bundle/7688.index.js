export const id = 7688;
export const ids = [7688];
export const modules = {

/***/ 577:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ writeFileAtomically)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);



async function writeFileAtomically(file, content) {
  await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(file), { recursive: true });
  const mode = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(file).catch(() => void 0))?.mode;
  const temporary = `${file}.tmp-${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)().slice(0, 8)}`;
  try {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(temporary, content);
    if (mode !== void 0) await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.chmod)(temporary, mode & 4095);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(temporary, file);
  } finally {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(temporary, { force: true });
  }
}



/***/ }),

/***/ 7688:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   compileCommand: () => (/* binding */ compileCommand)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var _adapters_atomic_file_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(577);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9033);
/* harmony import */ var _core_ir_serialize_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7952);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5435);
/* harmony import */ var _pipeline_inputs_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8407);







const compileCommand = (0,_command_js__WEBPACK_IMPORTED_MODULE_5__/* .defineCommand */ .NB)({
  name: "compile",
  summary: "Compile a pipeline to KFP v2 IR and validate it.",
  inputs: [
    ..._pipeline_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .PIPELINE_INPUTS */ .Tj,
    {
      name: "output",
      description: "Where to write the compiled IR. Defaults to <pipeline-name>.yaml in the working directory.",
      kind: "string",
      valueName: "FILE"
    },
    {
      name: "format",
      description: "yaml or json. Defaults to the output file extension, else yaml.",
      kind: "string",
      choices: ["yaml", "json"]
    }
  ],
  outputs: [
    { name: "spec-path", description: "Path of the compiled pipeline spec." },
    { name: "pipeline-name", description: "pipelineInfo.name of the pipeline." },
    { name: "source-kind", description: "What the source was: ir, declarative or kfp-python." },
    { name: "task-count", description: "Number of container tasks in the pipeline." }
  ],
  parseInputs(raw, context) {
    return (0,_command_js__WEBPACK_IMPORTED_MODULE_5__/* .parseFields */ .L5)("compile", {
      ...(0,_pipeline_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .pipelineSourceFields */ .Nl)(raw, context),
      output: () => {
        const output = raw.string("output")?.trim();
        if (output && /[\\/]$/.test(output)) throw folderOutput(output);
        return output ? node_path__WEBPACK_IMPORTED_MODULE_2__.resolve(context.cwd, output) : void 0;
      },
      format: () => raw.string("format")?.trim() ? (0,_command_js__WEBPACK_IMPORTED_MODULE_5__/* .choiceInput */ .ij)(raw, "format", ["yaml", "json"]) : void 0
    });
  },
  async run(inputs, context) {
    const { ui, cwd } = context;
    const loaded = await ui.group("Compile", () => (0,_pipeline_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .loadPipelineFrom */ .bW)(inputs, context));
    const output = inputs.output ?? node_path__WEBPACK_IMPORTED_MODULE_2__.resolve(cwd, `${loaded.spec.pipelineInfo.name}.yaml`);
    const format = inputs.format ?? (output.endsWith(".json") ? "json" : "yaml");
    await checkOutput(output, loaded.file, cwd);
    await (0,_adapters_atomic_file_js__WEBPACK_IMPORTED_MODULE_1__/* .writeFileAtomically */ .l)(output, (0,_core_ir_serialize_js__WEBPACK_IMPORTED_MODULE_4__/* .serializePipelineSpec */ .c)(loaded.spec, format));
    const tasks = (0,_pipeline_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .countTasks */ .g6)(loaded.spec);
    ui.info(
      `${ui.colors.ok("\u2713")} Compiled ${node_path__WEBPACK_IMPORTED_MODULE_2__.relative(cwd, inputs.pipeline) || inputs.pipeline} (${loaded.kind}, ${tasks} tasks) \u2192 ${node_path__WEBPACK_IMPORTED_MODULE_2__.relative(cwd, output) || output}`
    );
    return {
      outputs: {
        "spec-path": output,
        "pipeline-name": loaded.spec.pipelineInfo.name,
        "source-kind": loaded.kind,
        "task-count": String(tasks)
      }
    };
  }
});
function folderOutput(display) {
  return new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`output ${display} is a folder`, {
    fix: "Give --output a file path, e.g. build/pipeline.yaml."
  });
}
async function checkOutput(output, source, cwd) {
  const display = node_path__WEBPACK_IMPORTED_MODULE_2__.relative(cwd, output) || output;
  const [target, input] = await Promise.all(
    [output, source].map((file) => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(file).catch(() => void 0))
  );
  if (target?.isDirectory()) throw folderOutput(display);
  if (target && input && target.dev === input.dev && target.ino === input.ino) {
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(
      `${display} is the pipeline being compiled: writing its IR there would replace it`,
      {
        fix: `Give --output another file, e.g. ${display.replace(/(\.ya?ml|\.json)?$/, ".ir.yaml")}.`
      }
    );
  }
}



/***/ }),

/***/ 7952:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ serializePipelineSpec)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);

function serializePipelineSpec(spec, format = "yaml") {
  if (format === "json") return `${JSON.stringify(sortKeys(spec), null, 2)}
`;
  return `${header(spec)}${(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .stringify */ .As)(sortKeys(spec), { lineWidth: 0, aliasDuplicateObjects: false })}`;
}
function header(spec) {
  const lines = ["# PIPELINE DEFINITION", `# Name: ${spec.pipelineInfo.name}`];
  if (spec.pipelineInfo.description)
    lines.push(`# Description: ${spec.pipelineInfo.description.split("\n")[0] ?? ""}`);
  const pythonType = {
    STRING: "str",
    NUMBER_INTEGER: "int",
    NUMBER_DOUBLE: "float",
    BOOLEAN: "bool",
    LIST: "list",
    STRUCT: "dict"
  };
  const pythonLiteral = (value) => typeof value === "string" ? `'${value}'` : typeof value === "boolean" ? value ? "True" : "False" : JSON.stringify(value);
  const describe = (section) => {
    const definitions = spec.root[section];
    const entries = [];
    for (const [name, parameter] of Object.entries(definitions?.parameters ?? {})) {
      const fallback = "defaultValue" in parameter && parameter.defaultValue !== void 0 ? ` [Default: ${pythonLiteral(parameter.defaultValue)}]` : "";
      const type = String(parameter.parameterType);
      entries.push(`#    ${name}: ${pythonType[type] ?? type}${fallback}`);
    }
    const artifacts = definitions?.artifacts ?? {};
    for (const [name, artifact] of Object.entries(artifacts)) {
      entries.push(`#    ${name}: ${artifact.artifactType.schemaTitle ?? "artifact"}`);
    }
    return entries;
  };
  const inputs = describe("inputDefinitions");
  const outputs = describe("outputDefinitions");
  if (inputs.length > 0) lines.push("# Inputs:", ...inputs);
  if (outputs.length > 0) lines.push("# Outputs:", ...outputs);
  return `${lines.join("\n")}
`;
}
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.keys(value).sort().map((key) => [key, sortKeys(value[key])])
  );
}



/***/ })

};
