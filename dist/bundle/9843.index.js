export const id = 9843;
export const ids = [9843];
export const modules = {

/***/ 9843:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  startMainStep: () => (/* binding */ startMainStep)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 10 modules
var core = __webpack_require__(7264);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/node-version.js
var node_version = __webpack_require__(1507);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/errors.js
var errors = __webpack_require__(9033);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/commands/registry.js
var registry = __webpack_require__(2426);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/secrets/masking.js
var masking = __webpack_require__(6794);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/action/state.js
var state = __webpack_require__(3484);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/action/action-host.js




function createActionHost() {
  return {
    exportVariable: (name, value) => core/* exportVariable */.dN(name, value),
    maskSecret: (0,masking/* secretMasker */.c)(core/* setSecret */.Pq, core/* warning */.$e),
    deleteAfterJob: (file) => state/* actionState */.M.addFileToDelete(file),
    trackCloudJob: (job) => state/* actionState */.M.setRunningJob(job),
    tempDir: process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)()
  };
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/ui/format.js
var format = __webpack_require__(3795);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/package-version.js
var package_version = __webpack_require__(8326);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/product.js
var product = __webpack_require__(7587);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/action/action-ui.js




function createActionUi() {
  return {
    colors: format/* PLAIN_COLORS */.gX,
    info: (message) => core/* info */.pq(message),
    warning: (message) => core/* warning */.$e(message),
    debug: (message) => core/* debug */.Yz(message),
    group: (title, work) => core/* group */.Os(title, work),
    task: (event) => {
      const line = (0,format/* formatTaskEvent */.F0)(event, format/* PLAIN_COLORS */.gX);
      if (event.state === "FAILED") core/* error */.z3(line, { title: `Task ${event.path} failed` });
      else core/* info */.pq(line);
    },
    taskOutput: (task, line) => core/* info */.pq(`[${task}] ${line}`),
    diagram(title, mermaid) {
      core/* summary */.z.addHeading(escapeHtml(title), 3).addRaw(`

\`\`\`mermaid
${mermaid}
\`\`\`

`);
    },
    headline(passed, text, link) {
      core/* info */.pq(`${passed ? "\u2705" : "\u274C"} ${text}${link ? ` (${link.text}: ${link.url})` : ""}`);
      const after = core/* summary */.z.stringify();
      const linked = link ? ` \xB7 [${escapeMarkdown(link.text)}](${link.url})` : "";
      core/* summary */.z.emptyBuffer().addRaw(`### ${passed ? "\u2705" : "\u274C"} ${escapeHtml(text)}${linked}

`).addRaw(after);
    },
    table(title, header, rows, options) {
      core/* info */.pq(`
${title}
${(0,format/* formatTable */.ku)(header, rows)}`);
      if (options?.summary === false) return;
      core/* summary */.z.addHeading(escapeHtml(title), 3).addTable([
        header.map((data) => ({ data: escapeHtml(data), header: true })),
        ...rows.map((row) => row.map(escapeHtml))
      ]);
    }
  };
}
function addSummaryFooter(command) {
  if (core/* summary */.z.isEmptyBuffer()) return;
  core/* summary */.z.addRaw(
    `

<sub>${escapeHtml(`${(0,product/* productLabel */.uV)((0,package_version/* packageVersion */.T)())} \xB7 ${command}`)}</sub>
`
  );
}
function escapeMarkdown(text) {
  return text.replace(/[\\[\]]/g, (character) => `\\${character}`);
}
function escapeHtml(text) {
  if (text === "") return " ";
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/action/main.js






const ACTION_NAME = "mlops-platform";
const actionInputs = {
  string: (name) => core/* getInput */.V4(name) || void 0,
  list: (name) => core/* getMultilineInput */.q3(name).filter((line) => line.trim() !== ""),
  boolean: (name) => {
    const value = core/* getInput */.V4(name).trim().toLowerCase();
    if (value === "") return void 0;
    if (value === "true") return true;
    if (value === "false") return false;
    throw new errors/* UserError */.yo(`Input "${name}" is "${value}"`, { fix: "Use true or false." });
  }
};
async function inputsNotTaken(command, env) {
  const taken = new Set(command.inputs.map((input) => input.name));
  const { sharedInputs } = await Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(3861)]).then(__webpack_require__.bind(__webpack_require__, 3861));
  return sharedInputs(await (0,registry/* loadCommands */.HI)()).filter((input) => !taken.has(input.name)).filter((input) => {
    const value = env[`INPUT_${input.name.replaceAll(" ", "_").toUpperCase()}`] ?? "";
    return value.trim() !== "" && value !== (input.default ?? "");
  }).map((input) => input.name);
}
async function run(fixedCommand) {
  const commandName = fixedCommand ?? (core/* getInput */.V4("command") || "run");
  try {
    const command = await (0,registry/* loadCommand */.yV)(commandName);
    state/* actionState */.M.setCommand(command.name);
    const ignored = fixedCommand ? [] : await inputsNotTaken(command, process.env);
    if (ignored.length > 0) {
      const them = ignored.length === 1 ? "it" : "them";
      core/* warning */.$e(
        `${command.name} does not take ${ignored.map((name) => `"${name}"`).join(", ")}: ignored. Remove ${them} from the step's with:.`
      );
    }
    const context = {
      ui: createActionUi(),
      host: createActionHost(),
      cwd: process.env.GITHUB_WORKSPACE || process.cwd(),
      env: process.env
    };
    const inputs = command.parseInputs(actionInputs, context);
    const result = await command.run(inputs, context);
    for (const [name, value] of Object.entries(result.outputs)) core/* setOutput */.uH(name, value);
    if (result.failure) core/* setFailed */.C1(`${ACTION_NAME} ${command.name} failed: ${result.failure}`);
  } catch (error) {
    const kind = error instanceof errors/* UserError */.yo ? "configuration error" : "failed";
    core/* setFailed */.C1(`${ACTION_NAME} ${commandName} ${kind}: ${(0,errors/* errorMessage */.gJ)(error)}`);
    if (error instanceof Error && !(error instanceof errors/* ReportedError */.SS) && error.stack)
      core/* debug */.Yz(error.stack);
  } finally {
    addSummaryFooter(commandName);
    await core/* summary */.z.write();
  }
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/action/main-entry.js



async function startMainStep(command) {
  const problem = (0,node_version/* nodeVersionProblem */.e)(process.versions.node);
  if (problem) core/* warning */.$e(`${problem}: some commands may fail. Use runs.using: node24.`);
  await run(command);
}



/***/ }),

/***/ 2375:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ packageRoot)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3136);



function packageRoot(marker) {
  let folder = node_path__WEBPACK_IMPORTED_MODULE_1__.dirname((0,node_url__WEBPACK_IMPORTED_MODULE_2__.fileURLToPath)(import.meta.url));
  for (; ; ) {
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(folder, "package.json")) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(folder, marker)))
      return folder;
    const parent = node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(folder);
    if (parent === folder) throw new Error(`${marker} is missing from this installation of mlops`);
    folder = parent;
  }
}



/***/ }),

/***/ 8326:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ packageVersion),
/* harmony export */   g: () => (/* binding */ runProducer)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _core_product_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7587);
/* harmony import */ var _package_root_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2375);




let cached;
function packageVersion() {
  if (cached !== void 0) return cached;
  const file = node_path__WEBPACK_IMPORTED_MODULE_1__.join((0,_package_root_js__WEBPACK_IMPORTED_MODULE_2__/* .packageRoot */ .Z)("package.json"), "package.json");
  const manifest = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, "utf8"));
  cached = typeof manifest.version === "string" ? manifest.version : "0.0.0";
  return cached;
}
function runProducer() {
  return { name: _core_product_js__WEBPACK_IMPORTED_MODULE_3__/* .PRODUCT_NAME */ .KR, version: packageVersion() };
}



/***/ }),

/***/ 3795:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F0: () => (/* binding */ formatTaskEvent),
/* harmony export */   gX: () => (/* binding */ PLAIN_COLORS),
/* harmony export */   ku: () => (/* binding */ formatTable)
/* harmony export */ });
/* harmony import */ var _core_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3422);

const PLAIN_COLORS = {
  ok: (text) => text,
  fail: (text) => text,
  warn: (text) => text,
  dim: (text) => text,
  bold: (text) => text
};
function seconds(ms) {
  const text = (0,_core_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(ms);
  return text ? ` ${text}` : "";
}
function formatTaskEvent(event, colors) {
  const name = colors.bold(event.path.padEnd(28));
  switch (event.state) {
    case "RUNNING":
      return `${colors.dim("\u25B6")} ${name} ${colors.dim(event.attempt > 1 ? `RUNNING (attempt ${event.attempt})` : "RUNNING")}`;
    case "SUCCEEDED":
      return `${colors.ok("\u2713")} ${name} ${colors.ok("SUCCEEDED")}${seconds(event.durationMs)}${event.cached ? colors.dim(" (cached)") : ""}`;
    case "FAILED":
      return `${colors.fail("\u2717")} ${name} ${colors.fail("FAILED")}${seconds(event.durationMs)}${event.failure ? ` ${event.failure.message.split("\n")[0] ?? ""}` : ""}`;
    case "SKIPPED":
    case "NOT_TRIGGERED":
      return `${colors.dim("-")} ${name} ${colors.dim(event.state)}${event.reason ? colors.dim(` (${event.reason})`) : ""}`;
    default:
      return `${colors.dim("\xB7")} ${name} ${event.state}${seconds(event.durationMs)}`;
  }
}
function formatTable(header, rows) {
  const widths = header.map(
    (title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length))
  );
  const line = (cells) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ").trimEnd();
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join(
    "\n"
  );
}



/***/ }),

/***/ 2426:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HI: () => (/* binding */ loadCommands),
/* harmony export */   In: () => (/* binding */ CLI_COMMANDS),
/* harmony export */   yV: () => (/* binding */ loadCommand)
/* harmony export */ });
/* unused harmony export COMMANDS */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9033);

function entry(name, load, cliWords = [name]) {
  return { name, cliWords, load: async () => await load() };
}
const COMMANDS = [
  entry("compile", async () => (await Promise.all(/* import() */[__webpack_require__.e(8816), __webpack_require__.e(8815), __webpack_require__.e(8407), __webpack_require__.e(7688)]).then(__webpack_require__.bind(__webpack_require__, 7688))).compileCommand),
  entry("validate", async () => (await Promise.all(/* import() */[__webpack_require__.e(8816), __webpack_require__.e(8815), __webpack_require__.e(8407), __webpack_require__.e(6779)]).then(__webpack_require__.bind(__webpack_require__, 6779))).validateCommand),
  entry("run", async () => (await Promise.all(/* import() */[__webpack_require__.e(8816), __webpack_require__.e(8815), __webpack_require__.e(8407), __webpack_require__.e(7814), __webpack_require__.e(3242)]).then(__webpack_require__.bind(__webpack_require__, 3242))).runCommand),
  entry("serve", async () => (await Promise.all(/* import() */[__webpack_require__.e(8816), __webpack_require__.e(8815), __webpack_require__.e(8407), __webpack_require__.e(1366)]).then(__webpack_require__.bind(__webpack_require__, 1366))).serveCommand),
  entry("build", async () => (await Promise.all(/* import() */[__webpack_require__.e(8816), __webpack_require__.e(8174), __webpack_require__.e(3772)]).then(__webpack_require__.bind(__webpack_require__, 3772))).buildCommand),
  entry("images-verify", async () => (await Promise.all(/* import() */[__webpack_require__.e(8174), __webpack_require__.e(7433)]).then(__webpack_require__.bind(__webpack_require__, 7433))).imagesVerifyCommand, [
    "images",
    "verify"
  ]),
  entry("images-diff", async () => (await Promise.all(/* import() */[__webpack_require__.e(8174), __webpack_require__.e(79)]).then(__webpack_require__.bind(__webpack_require__, 79))).imagesDiffCommand, [
    "images",
    "diff"
  ]),
  entry("gate", async () => (await Promise.all(/* import() */[__webpack_require__.e(8816), __webpack_require__.e(7337), __webpack_require__.e(5711), __webpack_require__.e(1264), __webpack_require__.e(7661)]).then(__webpack_require__.bind(__webpack_require__, 4075))).gateCommand),
  entry("report", async () => (await Promise.all(/* import() */[__webpack_require__.e(8816), __webpack_require__.e(5711), __webpack_require__.e(6782), __webpack_require__.e(781), __webpack_require__.e(7814), __webpack_require__.e(8937)]).then(__webpack_require__.bind(__webpack_require__, 3279))).reportCommand),
  entry("deploy", async () => (await Promise.all(/* import() */[__webpack_require__.e(8816), __webpack_require__.e(8174), __webpack_require__.e(5711), __webpack_require__.e(9528)]).then(__webpack_require__.bind(__webpack_require__, 9528))).deployCommand),
  entry("schedule", async () => (await Promise.all(/* import() */[__webpack_require__.e(8816), __webpack_require__.e(8815), __webpack_require__.e(8407), __webpack_require__.e(1128), __webpack_require__.e(5013)]).then(__webpack_require__.bind(__webpack_require__, 5013))).scheduleCommand),
  entry("publish", async () => (await Promise.all(/* import() */[__webpack_require__.e(8816), __webpack_require__.e(8815), __webpack_require__.e(8407), __webpack_require__.e(1690)]).then(__webpack_require__.bind(__webpack_require__, 1690))).publishCommand),
  entry("sync-secrets", async () => (await Promise.all(/* import() */[__webpack_require__.e(3939), __webpack_require__.e(9605)]).then(__webpack_require__.bind(__webpack_require__, 9605))).syncSecretsCommand),
  entry("auth", async () => (await __webpack_require__.e(/* import() */ 5734).then(__webpack_require__.bind(__webpack_require__, 5734))).authCommand),
  entry("doctor", async () => (await Promise.all(/* import() */[__webpack_require__.e(8816), __webpack_require__.e(8815), __webpack_require__.e(8407), __webpack_require__.e(7337), __webpack_require__.e(1264), __webpack_require__.e(192), __webpack_require__.e(4219)]).then(__webpack_require__.bind(__webpack_require__, 5073))).doctorCommand),
  entry("setup-gcp", async () => (await Promise.all(/* import() */[__webpack_require__.e(8816), __webpack_require__.e(7337), __webpack_require__.e(1264), __webpack_require__.e(3939), __webpack_require__.e(192), __webpack_require__.e(1694)]).then(__webpack_require__.bind(__webpack_require__, 2254))).setupGcpCommand, [
    "setup",
    "gcp"
  ])
];
const CLI_COMMANDS = [
  entry("init", async () => (await Promise.all(/* import() */[__webpack_require__.e(8816), __webpack_require__.e(8815), __webpack_require__.e(5130)]).then(__webpack_require__.bind(__webpack_require__, 5130))).initCommand),
  ...COMMANDS,
  entry("ui", async () => (await __webpack_require__.e(/* import() */ 7075).then(__webpack_require__.bind(__webpack_require__, 9456))).uiCommand)
];
async function loadCommands(entries = COMMANDS) {
  return Promise.all(entries.map((command) => command.load()));
}
async function loadCommand(name) {
  const found = COMMANDS.find((candidate) => candidate.name === name.trim());
  if (!found) {
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Unknown command "${name}"`, {
      fix: `Use one of: ${COMMANDS.map((c) => c.name).join(", ")}.`
    });
  }
  const command = await found.load();
  if (command.name !== found.name)
    throw new Error(`registry entry ${found.name} loads command ${command.name}`);
  return command;
}



/***/ }),

/***/ 3422:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ formatDuration),
/* harmony export */   p: () => (/* binding */ durationMs)
/* harmony export */ });
const UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5 };
function durationMs(text, bareUnit) {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  const unit = match?.[2] ?? bareUnit;
  if (!match || unit === void 0) return void 0;
  return Number(match[1]) * UNIT_MS[unit];
}
function formatDuration(ms) {
  if (ms === void 0 || !Number.isFinite(ms) || ms < 0) return "";
  if (ms < 1e3) return `${Math.round(ms)} ms`;
  const seconds = ms / 1e3;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const wholeSeconds = Math.round(seconds);
  const minutes = Math.floor(wholeSeconds / 60);
  if (minutes < 60) return `${minutes} m ${String(wholeSeconds % 60).padStart(2, "0")} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} m`;
}



/***/ }),

/***/ 1507:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ nodeVersionProblem)
/* harmony export */ });
/* unused harmony export REQUIRED_NODE_MAJOR */
const REQUIRED_NODE_MAJOR = 24;
function nodeVersionProblem(version) {
  const major = Number.parseInt(version, 10);
  return Number.isFinite(major) && major >= REQUIRED_NODE_MAJOR ? void 0 : `mlops-platform needs Node.js ${REQUIRED_NODE_MAJOR} or newer; this is Node.js ${version}`;
}



/***/ }),

/***/ 7587:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E6: () => (/* binding */ majorVersionTag),
/* harmony export */   KR: () => (/* binding */ PRODUCT_NAME),
/* harmony export */   uV: () => (/* binding */ productLabel),
/* harmony export */   um: () => (/* binding */ repositoryFromManifest)
/* harmony export */ });
/* unused harmony export PRODUCT_REPOSITORY */
const PRODUCT_NAME = "mlops-platform";
const PRODUCT_REPOSITORY = "mlops-platform/mlops-platform";
function majorVersionTag(version) {
  return `v${/^\d+/.exec(version)?.[0] ?? "0"}`;
}
function repositoryFromManifest(manifest) {
  const fields = manifest ?? {};
  if (typeof fields.mlops?.action === "string") return fields.mlops.action;
  const repository = fields.repository;
  const url = typeof repository === "string" ? repository : repository?.url;
  if (typeof url !== "string") return PRODUCT_REPOSITORY;
  const match = /github\.com[/:]([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(url) ?? /^(?:github:)?([\w.-]+)\/([\w.-]+)$/.exec(url);
  return match ? `${match[1]}/${match[2]}` : PRODUCT_REPOSITORY;
}
function productLabel(version) {
  return `${PRODUCT_NAME} ${version}`;
}



/***/ }),

/***/ 6794:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ secretMasker)
/* harmony export */ });
/* unused harmony export MIN_MASKED_LENGTH */
const MIN_MASKED_LENGTH = 4;
function secretMasker(register, warn) {
  return (value, name) => {
    if (value.trim() === "") return;
    if (value.trim().length < MIN_MASKED_LENGTH) {
      warn(
        `${name} is not masked in the log: values under ${MIN_MASKED_LENGTH} characters cannot be hidden without hiding every other occurrence of the same characters`
      );
      return;
    }
    register(value);
    if (!value.includes("\n")) return;
    register(JSON.stringify(value).slice(1, -1));
    for (const line of value.split(/\r?\n/)) {
      if (line.trim().length >= MIN_MASKED_LENGTH) register(line.trim());
    }
  };
}



/***/ })

};
