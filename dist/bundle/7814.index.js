export const id = 7814;
export const ids = [7814];
export const modules = {

/***/ 2251:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ assertWritableFile),
/* harmony export */   l: () => (/* binding */ assertWritableFolder)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9033);




async function nearestExisting(target) {
  const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(target).catch(() => void 0);
  const parent = node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(target);
  if (info || parent === target) return { path: target, isFolder: info?.isDirectory() ?? false };
  return nearestExisting(parent);
}
function refusal(code, where) {
  switch (code) {
    case "EROFS":
      return `${where} is on a read-only file system`;
    case "EACCES":
    case "EPERM":
      return `you may not write to ${where} (${code})`;
    case "ENOSPC":
      return `the disk holding ${where} is full`;
    default:
      return void 0;
  }
}
async function explain(folder, error) {
  const existing = await nearestExisting(folder);
  if (!existing.isFolder) return `${existing.path} is a file, not a folder`;
  const code = error.code === "ENOENT" ? await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.access)(existing.path, node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.constants.W_OK).then(
    () => error.code,
    (denied) => denied.code
  ) : error.code;
  return refusal(code, existing.path) ?? error.message;
}
async function folderProblem(folder) {
  try {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(folder, { recursive: true });
    const probe = node_path__WEBPACK_IMPORTED_MODULE_2__.join(folder, `.mlops-write-check-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(probe, "");
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(probe);
    return void 0;
  } catch (error) {
    return explain(folder, error);
  }
}
async function assertWritableFolder(folder, what, fix) {
  const problem = await folderProblem(folder);
  if (problem) throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${what} ${folder} is not writable: ${problem}`, { fix });
}
async function assertWritableFile(file, what, fix) {
  const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(file).catch(() => void 0);
  const problem = info?.isDirectory() ? "it is a folder" : info ? await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.access)(file, node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.constants.W_OK).then(
    () => void 0,
    (error) => refusal(error.code, file) ?? error.message
  ) : await folderProblem(node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(file));
  if (problem) throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${what} ${file} is not writable: ${problem}`, { fix });
}



/***/ }),

/***/ 8826:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hl: () => (/* binding */ PROJECT_INPUT),
/* harmony export */   JE: () => (/* binding */ readJsonFile),
/* harmony export */   W_: () => (/* binding */ parseGoogleLocation),
/* harmony export */   Yg: () => (/* binding */ projectInput),
/* harmony export */   ZZ: () => (/* binding */ parseTimeout),
/* harmony export */   aD: () => (/* binding */ REGION_INPUT),
/* harmony export */   lR: () => (/* binding */ readRunRecord),
/* harmony export */   vj: () => (/* binding */ RUN_RECORD_INPUT)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9033);
/* harmony import */ var _core_gcp_google_names_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4807);
/* harmony import */ var _core_run_record_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9195);
/* harmony import */ var _core_duration_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3422);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5435);







const PROJECT_INPUT = {
  name: "project-id",
  description: "Vertex: the Google Cloud project. Defaults to the project the auth step exported.",
  kind: "string",
  valueName: "ID"
};
const REGION_INPUT = {
  name: "region",
  description: "Vertex: the region, e.g. us-central1.",
  kind: "string",
  valueName: "REGION"
};
function projectInput(raw, context) {
  return raw.string("project-id")?.trim() || context.env.GOOGLE_CLOUD_PROJECT || context.env.CLOUDSDK_CORE_PROJECT || void 0;
}
function parseGoogleLocation(raw, context, what) {
  return (0,_command_js__WEBPACK_IMPORTED_MODULE_6__/* .parseFields */ .L5)(what, {
    project: () => {
      const project = projectInput(raw, context);
      if (!project)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${what} need a project`, {
          fix: "Set project-id, or run the auth step first (it exports GOOGLE_CLOUD_PROJECT)."
        });
      return (0,_core_gcp_google_names_js__WEBPACK_IMPORTED_MODULE_3__/* .checkProjectId */ .v)(project);
    },
    region: () => {
      const region = raw.string("region")?.trim();
      if (!region)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${what} need a region`, {
          fix: "Set region, e.g. us-central1 or europe-west4."
        });
      return (0,_core_gcp_google_names_js__WEBPACK_IMPORTED_MODULE_3__/* .checkRegion */ .O)(region);
    }
  });
}
function parseTimeout(raw, name) {
  const text = (0,_command_js__WEBPACK_IMPORTED_MODULE_6__/* .stringInput */ .Uj)(raw, name);
  const ms = (0,_core_duration_js__WEBPACK_IMPORTED_MODULE_5__/* .durationMs */ .p)(text, "m");
  if (ms === void 0)
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${name} "${text}" is not a duration`, {
      fix: "Use e.g. 90m, 2h or 3600s."
    });
  return ms;
}
const RUN_RECORD_INPUT = {
  name: "run-record",
  description: "The run to read: the run record JSON a run step wrote (its run-record output), local or Vertex.",
  kind: "string",
  valueName: "FILE"
};
async function readJsonFile(file, cwd, label, what) {
  const display = node_path__WEBPACK_IMPORTED_MODULE_1__.relative(cwd, file) || file;
  try {
    return JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, "utf8"));
  } catch (error) {
    const code = error.code;
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(
      code === "ENOENT" ? `${label} ${display} does not exist` : `${label} ${display} is not JSON: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .excerpt */ .Kb)(error.message)}`,
      { fix: `Pass ${what}.` }
    );
  }
}
async function readRunRecord(file, cwd) {
  const parsed = await readJsonFile(file, cwd, "Run record", _core_run_record_js__WEBPACK_IMPORTED_MODULE_4__/* .RUN_RECORD_SOURCE */ .WN);
  return (0,_core_run_record_js__WEBPACK_IMPORTED_MODULE_4__/* .parseRunRecord */ .Yz)(parsed, node_path__WEBPACK_IMPORTED_MODULE_1__.relative(cwd, file) || file);
}



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



/***/ }),

/***/ 2360:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CW: () => (/* binding */ formatDelta),
/* harmony export */   Mm: () => (/* binding */ REPORT_LINK_TEXT),
/* harmony export */   We: () => (/* binding */ gateReport),
/* harmony export */   _n: () => (/* binding */ clipMarkdown),
/* harmony export */   bs: () => (/* binding */ parseReportUrl),
/* harmony export */   gI: () => (/* binding */ formatMetric)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9033);
/* harmony import */ var _graph_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9228);


function clipMarkdown(markdown, limit, whatLimit) {
  if (markdown.length <= limit) return markdown;
  const note = `

\u2026 (cut at GitHub's ${limit.toLocaleString("en-US")}-character limit for ${whatLimit}; the job summary has it all)`;
  return markdown.slice(0, limit - note.length) + note;
}
const REPORT_LINK_TEXT = "Full report (HTML)";
function parseReportUrl(text) {
  const trimmed = text?.trim();
  if (!trimmed) return void 0;
  let url;
  try {
    url = new URL(trimmed);
  } catch {
    url = void 0;
  }
  if (url?.protocol !== "https:" && url?.protocol !== "http:") {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`report-url ${JSON.stringify(trimmed)} is not an http(s) URL`, {
      fix: "Pass upload-artifact's artifact-url output, or leave report-url empty."
    });
  }
  return url.href;
}
function formatMetric(value) {
  if (value === void 0) return "\u2014";
  return Number.isInteger(value) ? String(value) : value.toFixed(4);
}
function formatDelta(candidate, champion) {
  if (candidate === void 0 || champion === void 0) return "\u2014";
  const delta = candidate - champion;
  if (delta === 0) return "\xB10";
  return `${delta > 0 ? "+" : "\u2212"}${formatMetric(Math.abs(delta))}`;
}
function metricRows(verdict) {
  const names = /* @__PURE__ */ new Set([
    ...Object.keys(verdict.candidate),
    ...Object.keys(verdict.champion ?? {})
  ]);
  return [...names].sort().map((name) => [
    name,
    formatMetric(verdict.candidate[name]),
    formatMetric(verdict.champion?.[name]),
    formatDelta(verdict.candidate[name], verdict.champion?.[name])
  ]);
}
const STATE_STYLE = {
  SUCCEEDED: "fill:#dcfce7,stroke:#16a34a",
  FAILED: "fill:#fee2e2,stroke:#dc2626",
  RUNNING: "fill:#dbeafe,stroke:#2563eb",
  CANCELLED: "fill:#f3f4f6,stroke:#6b7280",
  SKIPPED: "fill:#f3f4f6,stroke:#9ca3af,stroke-dasharray:4",
  NOT_TRIGGERED: "fill:#f3f4f6,stroke:#9ca3af,stroke-dasharray:4"
};
const STATE_MARK = {
  SUCCEEDED: "\u2713",
  FAILED: "\u2717",
  SKIPPED: "\u21B7",
  NOT_TRIGGERED: "\u2013",
  CANCELLED: "\u2298"
};
function label(text) {
  return text.replace(/["<>#`]/g, "'");
}
function upstreamFirst(tasks) {
  const byPath = new Map(tasks.map((task) => [task.path, task]));
  const graph = new Map(tasks.map((task) => [task.path, task.upstream ?? []]));
  return (0,_graph_js__WEBPACK_IMPORTED_MODULE_1__/* .topologicalOrder */ ._)(graph, (a, b) => a.localeCompare(b)).flatMap((path) => {
    const task = byPath.get(path);
    return task ? [task] : [];
  });
}
function mermaidDiagram(record) {
  const tasks = upstreamFirst(Object.values(record.tasks));
  const ids = new Map(tasks.map((task, index) => [task.path, `t${index}`]));
  const parentOf = (taskPath) => {
    const parent = taskPath.slice(0, Math.max(0, taskPath.lastIndexOf("/")));
    return ids.has(parent) ? parent : void 0;
  };
  const groups = new Set(tasks.flatMap((task) => parentOf(task.path) ?? []));
  const lines = ["flowchart LR"];
  const draw = (parent, indent) => {
    for (const task of tasks.filter((each) => parentOf(each.path) === parent)) {
      const id = ids.get(task.path) ?? "";
      const seconds = task.durationMs === void 0 ? "" : ` ${(task.durationMs / 1e3).toFixed(1)}s`;
      const name = parent === void 0 ? task.path : task.path.slice(parent.length + 1);
      const text = `${label(name)} ${STATE_MARK[task.state] ?? ""}${seconds}${task.cached ? " cached" : ""}`;
      if (groups.has(task.path)) {
        lines.push(`${indent}subgraph ${id}["${text}"]`);
        draw(task.path, `${indent}  `);
        lines.push(`${indent}end`);
        lines.push(`${indent}class ${id} ${task.state.toLowerCase()}`);
      } else {
        lines.push(`${indent}${id}["${text}"]:::${task.state.toLowerCase()}`);
      }
    }
  };
  draw(void 0, "  ");
  for (const task of tasks) {
    for (const upstream of task.upstream ?? []) {
      const from = ids.get(upstream);
      if (from) lines.push(`  ${from} --> ${ids.get(task.path) ?? ""}`);
    }
  }
  for (const [state, style] of Object.entries(STATE_STYLE))
    lines.push(`  classDef ${state.toLowerCase()} ${style}`);
  return lines.join("\n");
}
function markdownTable(header, rows) {
  const cell = (text) => text.replaceAll("|", "\\|").replaceAll("\n", " ");
  return [
    `| ${header.map(cell).join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`)
  ].join("\n");
}
function gateReport(verdict, record, championSource, reportUrl) {
  const failed = verdict.rules.filter((rule) => rule.outcome === "fail").length;
  const title = verdict.passed ? `Gate passed: ${verdict.rules.length} of ${verdict.rules.length} rules` : `Gate failed: ${failed} of ${verdict.rules.length} rules`;
  const rules = verdict.rules.map((rule) => [
    `\`${rule.rule}\``,
    rule.outcome === "pass" ? "\u2705 pass" : "\u274C fail",
    rule.note ?? ""
  ]);
  const rows = metricRows(verdict);
  const diagram = mermaidDiagram(record);
  const markdown = [
    `### ${verdict.passed ? "\u2705" : "\u274C"} ${title}`,
    "",
    `Run \`${record.runId}\` of \`${record.pipelineName}\` (${record.backend}), ${championSource ? `champion ${championSource}` : "no champion yet"}.${reportUrl ? ` [${REPORT_LINK_TEXT}](${reportUrl})` : ""}`,
    "",
    markdownTable(["Rule", "Result", "Note"], rules),
    "",
    markdownTable(["Metric", "Candidate", "Champion", "\u0394"], rows),
    "",
    "```mermaid",
    diagram,
    "```"
  ].join("\n");
  return { title, markdown, metricRows: rows, diagram };
}



/***/ }),

/***/ 9195:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IE: () => (/* binding */ collectMetrics),
/* harmony export */   Lv: () => (/* binding */ MetricsSchema),
/* harmony export */   TH: () => (/* binding */ taskMetrics),
/* harmony export */   WN: () => (/* binding */ RUN_RECORD_SOURCE),
/* harmony export */   X1: () => (/* binding */ RUN_RECORD_VERSION),
/* harmony export */   Yz: () => (/* binding */ parseRunRecord),
/* harmony export */   k5: () => (/* binding */ modelArtifact)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8816);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9033);
/* harmony import */ var _zod_issues_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4262);



const RUN_RECORD_VERSION = 1;
const MetricsSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig());
const RunRecordSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .looseObject */ ._H3({
  recordVersion: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz(RUN_RECORD_VERSION),
  producer: zod__WEBPACK_IMPORTED_MODULE_2__/* .looseObject */ ._H3({ name: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), version: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP() }).optional(),
  runId: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
  pipelineName: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
  state: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
  tasks: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(
    zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    zod__WEBPACK_IMPORTED_MODULE_2__/* .looseObject */ ._H3({
      path: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
      state: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
      upstream: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()).optional(),
      durationMs: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().optional(),
      artifacts: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(
        zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
        zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .looseObject */ ._H3({ uri: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), schemaTitle: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP() }))
      )
    })
  ),
  metrics: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), MetricsSchema)
});
const RUN_RECORD_SOURCE = "the run step's run-record output (run.json of a local run)";
function parseRunRecord(value, source) {
  const parsed = RunRecordSchema.safeParse(value);
  if (!parsed.success) {
    const problems = (0,_zod_issues_js__WEBPACK_IMPORTED_MODULE_1__/* .formatZodIssues */ .t)(parsed.error);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(
      `${source} is not a valid run record (${problems.length} problem${problems.length === 1 ? "" : "s"})`,
      { details: problems, fix: `Pass ${RUN_RECORD_SOURCE}.` }
    );
  }
  return value;
}
function collectMetrics(tasks) {
  const metrics = {};
  for (const task of Object.values(tasks)) {
    if (task.state !== "SUCCEEDED") continue;
    const numbers = {};
    for (const list of Object.values(task.artifacts)) {
      for (const artifact of list) {
        if (artifact.schemaTitle !== "system.Metrics") continue;
        for (const [key, value] of Object.entries(artifact.metadata))
          if (typeof value === "number") numbers[key] = value;
      }
    }
    for (const [key, value] of Object.entries(task.parameters)) {
      if (typeof value === "number" && !(key in numbers)) numbers[key] = value;
    }
    if (Object.keys(numbers).length > 0) metrics[task.path] = numbers;
  }
  return metrics;
}
function taskMetrics(metrics, taskPath) {
  const tasks = Object.keys(metrics);
  if (taskPath !== void 0) {
    const found = metrics[taskPath];
    if (!found) {
      throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Task "${taskPath}" reported no metrics`, {
        fix: `Name a task that did: ${tasks.length > 0 ? tasks.join(", ") : "(none in this run)"}.`
      });
    }
    return { task: taskPath, metrics: found };
  }
  const evaluators = tasks.filter((task2) => /eval/i.test(task2.split("/").at(-1) ?? ""));
  const chosen = tasks.length === 1 ? tasks : evaluators;
  const [task] = chosen;
  if (chosen.length !== 1 || task === void 0) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(
      tasks.length === 0 ? "The run reported no metrics" : `Several tasks reported metrics: ${tasks.join(", ")}`,
      {
        fix: tasks.length === 0 ? "Have the evaluate step output a Metrics artifact or numeric output parameters." : "Say which one to use with metrics-task."
      }
    );
  }
  return { task, metrics: metrics[task] ?? {} };
}
function modelArtifact(record, selector) {
  const models = [];
  for (const task of Object.values(record.tasks)) {
    if (task.state !== "SUCCEEDED") continue;
    for (const [output, list] of Object.entries(task.artifacts)) {
      const [artifact] = list;
      if (artifact?.schemaTitle === "system.Model")
        models.push({ task: task.path, output, artifact });
    }
  }
  const names = models.map((m) => `${m.task}.${m.output}`);
  if (selector !== void 0) {
    const found = models.find((m) => `${m.task}.${m.output}` === selector);
    if (!found) {
      throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Run ${record.runId} has no model output "${selector}"`, {
        fix: `Set model-output to one of: ${names.join(", ") || "(no model outputs in this run)"}.`
      });
    }
    return found;
  }
  const packaged = models.filter((m) => /packag|export|deploy|serv/i.test(`${m.task} ${m.output}`));
  const chosen = models.length === 1 ? models : packaged;
  const [only] = chosen;
  if (chosen.length !== 1 || only === void 0) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(
      models.length === 0 ? `Run ${record.runId} produced no model (no succeeded task output of type system.Model)` : `Run ${record.runId} produced several models: ${names.join(", ")}`,
      {
        fix: models.length === 0 ? "Deploy a run whose packaging step ran (did the quality condition skip it?)." : "Say which one to deploy with model-output: TASK.OUTPUT."
      }
    );
  }
  return only;
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
