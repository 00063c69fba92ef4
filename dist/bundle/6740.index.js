export const id = 6740;
export const ids = [6740];
export const modules = {

/***/ 6740:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loadV1Component: () => (/* binding */ loadV1Component),
/* harmony export */   sanitizeComponentName: () => (/* binding */ sanitizeComponentName),
/* harmony export */   sanitizeInputName: () => (/* binding */ sanitizeInputName)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8816);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9033);
/* harmony import */ var _zod_issues_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4262);



const PARAMETER_TYPES = {
  string: "STRING",
  str: "STRING",
  text: "STRING",
  integer: "NUMBER_INTEGER",
  int: "NUMBER_INTEGER",
  float: "NUMBER_DOUBLE",
  double: "NUMBER_DOUBLE",
  boolean: "BOOLEAN",
  bool: "BOOLEAN",
  jsonobject: "STRUCT",
  dict: "STRUCT",
  jsonarray: "LIST",
  list: "LIST"
};
const ARTIFACT_TYPES = {
  artifact: "system.Artifact",
  dataset: "system.Dataset",
  model: "system.Model",
  metrics: "system.Metrics",
  classificationmetrics: "system.ClassificationMetrics",
  slicedclassificationmetrics: "system.SlicedClassificationMetrics",
  html: "system.HTML",
  markdown: "system.Markdown"
};
const ioSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
  name: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1),
  type: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
  description: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
  default: zod__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5J().optional(),
  optional: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY().optional(),
  annotations: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5J()).optional()
});
const argumentSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .lazy */ .RZV(
  () => zod__WEBPACK_IMPORTED_MODULE_2__/* .union */ .KCZ([
    zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig(),
    zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY(),
    zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({ inputValue: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP() }),
    zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({ inputPath: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP() }),
    zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({ inputUri: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP() }),
    zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({ outputPath: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP() }),
    zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({ outputUri: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP() }),
    zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({ executorInput: zod__WEBPACK_IMPORTED_MODULE_2__/* ["null"] */ .chJ() }),
    zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({ concat: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(argumentSchema) }),
    zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
      if: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
        cond: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({ isPresent: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP() }),
        then: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(argumentSchema),
        else: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(argumentSchema).optional()
      })
    })
  ])
);
const componentSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
  name: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1),
  description: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
  metadata: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5J()).optional(),
  inputs: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(ioSchema).optional(),
  outputs: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(ioSchema).optional(),
  implementation: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    container: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
      image: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1),
      command: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(argumentSchema).optional(),
      args: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(argumentSchema).optional(),
      env: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()).optional(),
      fileOutputs: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()).optional()
    })
  })
});
function sanitizeComponentName(name) {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}
function sanitizeInputName(name) {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
}
function classify(type, usedAsValue) {
  if (type === void 0)
    return usedAsValue ? { parameterType: "STRING" } : { schemaTitle: "system.Artifact" };
  const normalised = type.toLowerCase();
  const parameterType = PARAMETER_TYPES[normalised];
  if (parameterType) return { parameterType };
  return { schemaTitle: ARTIFACT_TYPES[normalised] ?? "system.Artifact" };
}
function coerceDefault(value, type, where) {
  if (typeof value !== "string") return value;
  switch (type) {
    case "NUMBER_INTEGER":
    case "NUMBER_DOUBLE": {
      const number = Number(value);
      if (value.trim() === "" || Number.isNaN(number))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${where}: default "${value}" is not a number`);
      return number;
    }
    case "BOOLEAN":
      if (/^(true|false)$/i.test(value)) return value.toLowerCase() === "true";
      throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${where}: default "${value}" is not true or false`);
    case "LIST":
    case "STRUCT":
      try {
        return JSON.parse(value);
      } catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${where}: default is not valid JSON`);
      }
    default:
      return value;
  }
}
function collectValueInputs(args, into) {
  for (const arg of args) {
    if (typeof arg !== "object") continue;
    if ("inputValue" in arg) into.add(arg.inputValue);
    else if ("concat" in arg) collectValueInputs(arg.concat, into);
    else if ("if" in arg) {
      collectValueInputs(arg.if.then, into);
      collectValueInputs(arg.if.else ?? [], into);
    }
  }
}
function loadV1Component(doc, source) {
  const parsed = componentSchema.safeParse(doc);
  if (!parsed.success) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${source} is not a valid component.yaml`, {
      details: (0,_zod_issues_js__WEBPACK_IMPORTED_MODULE_1__/* .formatZodIssues */ .t)(parsed.error),
      fix: "Components use the KFP v1 component.yaml format: name, inputs, outputs, implementation.container {image, command, args}."
    });
  }
  const component = parsed.data;
  const container = component.implementation.container;
  const valueInputs = /* @__PURE__ */ new Set();
  collectValueInputs([...container.command ?? [], ...container.args ?? []], valueInputs);
  const inputs = /* @__PURE__ */ new Map();
  const outputs = /* @__PURE__ */ new Map();
  const spec = {};
  for (const input of component.inputs ?? []) {
    const name = sanitizeInputName(input.name);
    const kind = classify(input.type, valueInputs.has(input.name));
    inputs.set(input.name, kind);
    spec.inputDefinitions ??= {};
    if (kind.parameterType) {
      const definition = { parameterType: kind.parameterType };
      if (input.default !== void 0) {
        definition.defaultValue = coerceDefault(
          input.default,
          kind.parameterType,
          `${source}: input ${input.name}`
        );
      }
      if (input.optional || input.default !== void 0) definition.isOptional = true;
      if (input.description) definition.description = input.description.trim();
      (spec.inputDefinitions.parameters ??= {})[name] = definition;
    } else {
      const definition = {
        artifactType: { schemaTitle: kind.schemaTitle, schemaVersion: "0.0.1" }
      };
      if (input.optional) definition.isOptional = true;
      if (input.description) definition.description = input.description.trim();
      (spec.inputDefinitions.artifacts ??= {})[name] = definition;
    }
  }
  for (const output of component.outputs ?? []) {
    const name = sanitizeInputName(output.name);
    const kind = classify(output.type, false);
    outputs.set(output.name, kind);
    spec.outputDefinitions ??= {};
    if (kind.parameterType) {
      const definition = { parameterType: kind.parameterType };
      if (output.description) definition.description = output.description.trim();
      (spec.outputDefinitions.parameters ??= {})[name] = definition;
    } else {
      const definition = {
        artifactType: { schemaTitle: kind.schemaTitle, schemaVersion: "0.0.1" }
      };
      if (output.description) definition.description = output.description.trim();
      (spec.outputDefinitions.artifacts ??= {})[name] = definition;
    }
  }
  const convert = (arg, where) => {
    if (typeof arg !== "object") return String(arg);
    const needInput = (name) => {
      const kind = inputs.get(name);
      if (!kind)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(
          `${source}: ${where} refers to input "${name}", which is not declared`,
          { fix: `Declare "${name}" under inputs:, or fix the name.` }
        );
      return kind;
    };
    const needOutput = (name) => {
      const kind = outputs.get(name);
      if (!kind)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(
          `${source}: ${where} refers to output "${name}", which is not declared`,
          { fix: `Declare "${name}" under outputs:, or fix the name.` }
        );
      return kind;
    };
    if ("inputValue" in arg) {
      const kind = needInput(arg.inputValue);
      if (!kind.parameterType)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(
          `${source}: ${where} uses inputValue on artifact input "${arg.inputValue}"`,
          { fix: "Use inputPath or inputUri for artifacts." }
        );
      return `{{$.inputs.parameters['${sanitizeInputName(arg.inputValue)}']}}`;
    }
    if ("inputPath" in arg || "inputUri" in arg) {
      const name = "inputPath" in arg ? arg.inputPath : arg.inputUri;
      if (needInput(name).parameterType)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(
          `${source}: ${where} uses ${"inputPath" in arg ? "inputPath" : "inputUri"} on parameter input "${name}"`,
          {
            fix: "Use inputValue for parameters, or give the input an artifact type such as Dataset."
          }
        );
      return `{{$.inputs.artifacts['${sanitizeInputName(name)}'].${"inputPath" in arg ? "path" : "uri"}}}`;
    }
    if ("outputPath" in arg) {
      const kind = needOutput(arg.outputPath);
      const name = sanitizeInputName(arg.outputPath);
      return kind.parameterType ? `{{$.outputs.parameters['${name}'].output_file}}` : `{{$.outputs.artifacts['${name}'].path}}`;
    }
    if ("outputUri" in arg) {
      if (needOutput(arg.outputUri).parameterType)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(
          `${source}: ${where} uses outputUri on parameter output "${arg.outputUri}"`,
          { fix: "Use outputPath for output parameters." }
        );
      return `{{$.outputs.artifacts['${sanitizeInputName(arg.outputUri)}'].uri}}`;
    }
    if ("executorInput" in arg) return "{{$}}";
    if ("concat" in arg)
      return JSON.stringify({ Concat: arg.concat.map((part) => convert(part, where)) });
    const { cond, then, else: otherwise } = arg.if;
    needInput(cond.isPresent);
    const ifPresent = {
      InputName: sanitizeInputName(cond.isPresent),
      Then: then.map((part) => convert(part, where))
    };
    if (otherwise) ifPresent.Else = otherwise.map((part) => convert(part, where));
    return JSON.stringify({ IfPresent: ifPresent });
  };
  const executor = { image: container.image };
  if (container.command)
    executor.command = container.command.map((arg, i) => convert(arg, `command[${i}]`));
  if (container.args) executor.args = container.args.map((arg, i) => convert(arg, `args[${i}]`));
  if (container.env)
    executor.env = Object.entries(container.env).map(([name, value]) => ({ name, value }));
  return {
    name: component.name,
    key: sanitizeComponentName(component.name),
    spec,
    container: executor
  };
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
