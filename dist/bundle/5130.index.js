export const id = 5130;
export const ids = [5130];
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

/***/ 7443:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ remoteRepository),
/* harmony export */   o: () => (/* binding */ gitOutput)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);

function gitOutput(cwd, args) {
  try {
    return (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)("git", args, {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"]
    }).trim();
  } catch {
    return void 0;
  }
}
function remoteRepository(cwd) {
  const url = gitOutput(cwd, ["remote", "get-url", "origin"]);
  return url ? /github\.com[:/]([^/]+\/[^/]+?)(\.git)?$/.exec(url)?.[1] : void 0;
}



/***/ }),

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

/***/ 5130:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  initCommand: () => (/* binding */ initCommand),
  initRepository: () => (/* binding */ initRepository)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:readline/promises"
var promises_ = __webpack_require__(6848);
// EXTERNAL MODULE: external "node:fs/promises"
var external_node_fs_promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/atomic-file.js
var atomic_file = __webpack_require__(577);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/errors.js
var errors = __webpack_require__(9033);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/product.js
var product = __webpack_require__(7587);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/zod-issues.js
var zod_issues = __webpack_require__(4262);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/init/answers.js




const INIT_PIECES = ["workflows", "pipelines", "components", "env", "readme"];
const ANSWER_KEYS = ["project", "region", "model", "default-branch", "workflows"];
const QUESTIONS = [
  {
    key: "project",
    prompt: "Google Cloud project ID",
    pieces: ["env"],
    pattern: /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/,
    rule: "6 to 30 lowercase letters, digits or hyphens, starting with a letter"
  },
  {
    key: "region",
    prompt: "Vertex AI region",
    pieces: ["env"],
    pattern: /^[a-z]+-[a-z]+\d+$/,
    rule: "a Google Cloud region such as us-central1 or europe-west4"
  },
  {
    key: "model",
    prompt: "Model name in the Vertex AI Model Registry",
    pieces: ["env"],
    pattern: /^[a-z][a-z0-9_-]{0,62}$/,
    rule: "up to 63 lowercase letters, digits, hyphens or underscores, starting with a letter"
  },
  {
    key: "default-branch",
    prompt: "Default branch (the workflows train and deploy from it)",
    pieces: ["workflows", "readme"],
    pattern: /^[^\s~^:?*[\\]+$/,
    rule: "a git branch name"
  },
  {
    key: "workflows",
    prompt: "Workflows to add (comma-separated names, or all)",
    pieces: ["workflows"],
    pattern: /^(all|[a-z][a-z-]*(,[a-z][a-z-]*)*)$/,
    rule: "all, or names such as pr-check,train-and-deploy"
  }
];
function namesIn(value) {
  return (typeof value === "string" ? value.split(",") : value ?? []).map((name) => name.trim()).filter(Boolean);
}
function workflowsAnswer(value) {
  const names = namesIn(value);
  return names.length > 0 ? names.join(",") : void 0;
}
function questionsFor(pieces) {
  return QUESTIONS.filter((question) => question.pieces.some((piece) => pieces.includes(piece)));
}
function modelNameFromFolder(folder) {
  const name = folder.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^[^a-z]+/, "").slice(0, 63).replace(/-+$/, "");
  return name || "model";
}
function parsePieces(names) {
  const unknown = names.filter((name) => !INIT_PIECES.includes(name));
  if (unknown.length > 0) {
    throw new errors/* UserError */.yo(`Unknown piece ${unknown.map((name) => `"${name}"`).join(", ")} in only`, {
      fix: `Use some of: ${INIT_PIECES.join(", ")}.`
    });
  }
  return names.length > 0 ? INIT_PIECES.filter((piece) => names.includes(piece)) : void 0;
}
const AnswersFileSchema = schemas/* strictObject */.rej({
  project: schemas/* string */.YjP().optional(),
  region: schemas/* string */.YjP().optional(),
  model: schemas/* string */.YjP().optional(),
  "default-branch": schemas/* string */.YjP().optional(),
  workflows: schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* array */.YOg(schemas/* string */.YjP())]).optional(),
  only: schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* array */.YOg(schemas/* string */.YjP())]).optional()
});
function parseAnswersFile(text, file) {
  let document;
  try {
    document = (0,dist/* parse */.qg)(text) ?? {};
  } catch (error) {
    throw new errors/* UserError */.yo(`${file} is not valid YAML`, { cause: error, fix: "Correct the YAML." });
  }
  const parsed = AnswersFileSchema.safeParse(document);
  if (!parsed.success) {
    throw new errors/* UserError */.yo(`${file} has unexpected content`, {
      details: (0,zod_issues/* formatZodIssues */.t)(parsed.error),
      fix: `Use only the keys ${[...ANSWER_KEYS, "only"].join(", ")}, each with a string value.`
    });
  }
  const { only, workflows, ...answers } = parsed.data;
  return {
    answers: withoutBlanks({ ...answers, workflows: workflowsAnswer(workflows) }),
    only: parsePieces(namesIn(only))
  };
}
function withoutBlanks(answers) {
  return Object.fromEntries(
    Object.entries(answers).map(([key, value]) => [key, value?.trim()]).filter(([, value]) => value)
  );
}
function mergeAnswers(...sources) {
  const merged = {};
  for (const key of ANSWER_KEYS) {
    const value = sources.find((source) => source[key] !== void 0)?.[key];
    if (value !== void 0) merged[key] = value;
  }
  return merged;
}
function answerOf(answers, key) {
  const value = answers[key];
  if (value === void 0) throw new Error(`The answer "${key}" is missing`);
  return value;
}
function checkAnswers(given, defaults, pieces) {
  const questions = questionsFor(pieces);
  const needed = Object.fromEntries(
    questions.map((question) => [question.key, defaults[question.key]])
  );
  const answers = mergeAnswers(given, withoutBlanks(needed));
  const problems = [];
  for (const question of questions) {
    const value = answers[question.key];
    const howToGive = `give --${question.key} or "${question.key}:" in the --config file`;
    if (value === void 0) problems.push(`${question.key} (${question.prompt}): ${howToGive}`);
    else if (!question.pattern.test(value))
      problems.push(`${question.key} is "${value}": use ${question.rule}`);
  }
  if (problems.length > 0) {
    throw new errors/* UserError */.yo("mlops init is missing answers or has invalid ones; nothing was written", {
      details: problems,
      fix: "Give every answer listed, as flags or in an answers file (--config answers.yaml), or run in a terminal to be asked."
    });
  }
  return answers;
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/init/configuration.js
var configuration = __webpack_require__(7001);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/init/readme-section.js
const README_PATH = "README.md";
const README_SECTION_START = "<!-- mlops-platform:start -->";
const README_SECTION_END = "<!-- mlops-platform:end -->";
function sectionBounds(readme) {
  const start = readme.indexOf(README_SECTION_START);
  const endMarker = readme.indexOf(README_SECTION_END, start);
  if (start < 0 || endMarker < 0) return void 0;
  const end = endMarker + README_SECTION_END.length;
  return { start, end: readme[end] === "\n" ? end + 1 : end };
}
function readmeSection(readme) {
  if (readme === void 0) return void 0;
  const bounds = sectionBounds(readme);
  return bounds ? readme.slice(bounds.start, bounds.end) : void 0;
}
function withReadmeSection(readme, section, title) {
  if (readme === void 0) return section === void 0 ? void 0 : `# ${title}

${section}`;
  const bounds = sectionBounds(readme);
  if (bounds) {
    const before = readme.slice(0, bounds.start);
    const after = readme.slice(bounds.end);
    if (section !== void 0) return before + section + after;
    return `${before.replace(/\n+$/, "\n")}${after.replace(/^\n+/, "")}`;
  }
  if (section === void 0) return readme;
  const separator = readme === "" ? "" : readme.endsWith("\n") ? "\n" : "\n\n";
  return `${readme}${separator}${section}`;
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/init/templates.js





const DEFAULT_ACTION = (/* unused pure expression or super */ null && (PRODUCT_REPOSITORY));
const ENV_EXAMPLE_PATH = ".env.example";
const VARIABLES_PATH = "config/mlops.env";
const GITIGNORE_PATH = ".gitignore";
const PIPELINE_FILES = [
  "training-pipeline.yaml",
  "batch-prediction-pipeline.yaml",
  "drift-monitoring-pipeline.yaml",
  "requirements.txt",
  "Dockerfile",
  "Dockerfile.serving",
  "Dockerfile.serving.dockerignore",
  // The user's feature steps, which train puts inside the saved model (the images copy it).
  "features.py",
  // The build context's ignore file: without it `mlops build` hashes and sends run outputs.
  ".dockerignore",
  ".python-version",
  "README.md"
];
const COMPONENT_FOLDERS = ["components", "cloud", "serving"];
const GITIGNORE_COMMENT = "# mlops-platform: local settings and run outputs";
const GITIGNORE_ENTRIES = [".env", ".mlops/"];
function templateTarget(templatePath) {
  const parts = templatePath.split("/");
  const [top, second = "", third] = parts;
  if (parts.includes("__pycache__") || templatePath.endsWith(".pyc")) return void 0;
  if (top === "workflows-templates" && parts.length === 2 && second.endsWith(".yml"))
    return { path: `.github/workflows/${second}`, piece: "workflows" };
  if (top !== "pipelines") return void 0;
  if (parts.length === 2 && PIPELINE_FILES.includes(second))
    return { path: templatePath, piece: "pipelines" };
  if (second === "data" && parts.length === 3) return { path: templatePath, piece: "pipelines" };
  if (COMPONENT_FOLDERS.includes(second) && third !== void 0)
    return { path: templatePath, piece: "components" };
  return void 0;
}
const actionFromManifest = product/* repositoryFromManifest */.um;
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function renderWorkflow(template, options) {
  const platform = `[\\w.-]+/${product/* PRODUCT_NAME */.KR}|${escapeRegExp(options.action)}`;
  const uses = new RegExp(`(uses:\\s*['"]?)(?:${platform})((?:/[^@\\s'"]*)?)@[^\\s'"#]+`, "g");
  return template.replaceAll("$default-branch", options.defaultBranch).replace(uses, `$1${options.action}$2@${(0,product/* majorVersionTag */.E6)(options.version)}`);
}
function templates_valueOf(entry, answers) {
  return entry.answer && answers[entry.answer] || entry.default || "";
}
function docsUrl(templates, page) {
  return `https://github.com/${templates.action}/blob/${(0,product/* majorVersionTag */.E6)(templates.version)}/docs/${page}`;
}
function renderEnvExample(answers, templates) {
  const lines = [
    "# Settings the mlops-platform workflows read. Copy this file to .env (gitignored) and fill it",
    "# in for local use. Repository variables are committed in config/mlops.env; secrets go to",
    `# GitHub only. Google Cloud setup: ${docsUrl(templates, "google-cloud.md")}`
  ];
  for (const entry of configuration/* CONFIGURATION */.j) {
    const kind = entry.kind === "secret" ? "secret, never committed" : "repository variable";
    lines.push("", `# ${entry.name} (${kind}): ${entry.description}`);
    if (entry.example) lines.push(`# e.g. ${entry.example}`);
    lines.push(`${entry.name}=${templates_valueOf(entry, answers)}`);
  }
  return `${lines.join("\n")}
`;
}
function renderVariables(answers) {
  const lines = [
    "# Repository variables of the mlops-platform workflows (what each is: .env.example). The sync",
    "# workflow writes them to GitHub when this file changes. No secrets here: this file is committed.",
    "# Uncomment and fill in the rest once Google Cloud is set up."
  ];
  for (const entry of configuration/* CONFIGURATION */.j.filter((e) => e.kind === "variable")) {
    const value = templates_valueOf(entry, answers);
    lines.push(value ? `${entry.name}=${value}` : `# ${entry.name}=${entry.example ?? ""}`);
  }
  return `${lines.join("\n")}
`;
}
function mlopsInvocation(templates) {
  return `npx --yes --package=github:${templates.action}#${(0,product/* majorVersionTag */.E6)(templates.version)} mlops`;
}
function renderReadmeSection(answers, templates) {
  const branch = answerOf(answers, "default-branch");
  const tag = (0,product/* majorVersionTag */.E6)(templates.version);
  const mlops = mlopsInvocation(templates);
  return [
    README_SECTION_START,
    "## Machine learning pipelines",
    "",
    `This repository takes its Kubeflow pipelines to Vertex AI with [mlops-platform](https://github.com/${templates.action}) (${tag}).`,
    "",
    "- `pipelines/`: the training, batch-prediction and drift-monitoring pipelines and their components.",
    `  Train on this machine: \`${mlops} run --local pipelines/training-pipeline.yaml\``,
    "  (with a Python that has `pipelines/requirements.txt`; `--python PATH` picks it).",
    `- \`.github/workflows/\`: model quality on every pull request; training and deployment from \`${branch}\`.`,
    "- `config/mlops.env`: the repository variables (the sync workflow writes them to GitHub);",
    "  `.env.example` explains every setting.",
    "",
    `\`${mlops} init --upgrade\` brings in a newer platform version: files you changed are merged, not overwritten.`,
    README_SECTION_END,
    ""
  ].join("\n");
}
function workflowName(templatePath) {
  return (templatePath.split("/").at(-1) ?? "").replace(/\.yml$/, "").replace(/^mlops-/, "");
}
function selectedWorkflows(templates, answers) {
  const available = templates.files.filter((file) => templateTarget(file.path)?.piece === "workflows").map((file) => workflowName(file.path));
  const answer = answers.workflows ?? "all";
  if (answer === "all") return new Set(available);
  const wanted = answer.split(",");
  const unknown = wanted.filter((name) => !available.includes(name));
  if (unknown.length > 0) {
    throw new errors/* UserError */.yo(`Unknown workflow ${unknown.map((name) => `"${name}"`).join(", ")}`, {
      fix: `Choose from: ${available.join(", ")} (or all).`
    });
  }
  return new Set(wanted);
}
function renderLaidFiles(templates, answers, pieces) {
  const laid = [];
  const workflows = pieces.includes("workflows") ? selectedWorkflows(templates, answers) : /* @__PURE__ */ new Set();
  for (const file of templates.files) {
    const target = templateTarget(file.path);
    if (!target || !pieces.includes(target.piece)) continue;
    if (target.piece === "workflows" && !workflows.has(workflowName(file.path))) continue;
    const content = target.piece === "workflows" ? renderWorkflow(file.content, {
      action: templates.action,
      version: templates.version,
      defaultBranch: answerOf(answers, "default-branch")
    }) : file.content;
    laid.push({ ...target, content });
  }
  if (pieces.includes("env")) {
    laid.push(
      { path: ENV_EXAMPLE_PATH, piece: "env", content: renderEnvExample(answers, templates) },
      { path: VARIABLES_PATH, piece: "env", content: renderVariables(answers) }
    );
  }
  if (pieces.includes("readme"))
    laid.push({
      path: README_PATH,
      piece: "readme",
      content: renderReadmeSection(answers, templates)
    });
  return laid.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}
function gitignoreWithEntries(gitignore) {
  const normalise = (line) => line.trim().replace(/^\//, "").replace(/\/$/, "");
  const present = new Set((gitignore ?? "").split("\n").map(normalise));
  const missing = GITIGNORE_ENTRIES.filter((entry) => !present.has(normalise(entry)));
  if (missing.length === 0) return gitignore ?? "";
  const added = [...present.has(GITIGNORE_COMMENT) ? [] : [GITIGNORE_COMMENT], ...missing];
  const before = !gitignore ? "" : gitignore.endsWith("\n") ? gitignore : `${gitignore}
`;
  return `${before}${added.join("\n")}
`;
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/git.js
var git = __webpack_require__(7443);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/adapters/init-files.js






const MAX_TEMPLATE_BYTES = 1024 * 1024;
const TEMPLATE_FOLDERS = ["workflows-templates", "pipelines"];
async function packageVersion(root) {
  const manifest = JSON.parse(await (0,external_node_fs_promises_.readFile)(external_node_path_.join(root, "package.json"), "utf8"));
  return typeof manifest.version === "string" ? manifest.version : "0.0.0";
}
const utf8 = new TextDecoder("utf-8", { fatal: true });
async function readTemplatePackage(root) {
  const manifest = JSON.parse(await (0,external_node_fs_promises_.readFile)(external_node_path_.join(root, "package.json"), "utf8"));
  const files = [];
  const skipped = [];
  for (const folder of TEMPLATE_FOLDERS) {
    const entries = await (0,external_node_fs_promises_.readdir)(external_node_path_.join(root, folder), {
      recursive: true,
      withFileTypes: true
    });
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const relative = external_node_path_.relative(root, external_node_path_.join(entry.parentPath, entry.name)).split(external_node_path_.sep).join("/");
      if (!templateTarget(relative)) continue;
      const bytes = await (0,external_node_fs_promises_.readFile)(external_node_path_.join(root, relative));
      if (bytes.length > MAX_TEMPLATE_BYTES) {
        skipped.push(`${relative} (over 1 MB)`);
        continue;
      }
      try {
        files.push({ path: relative, content: utf8.decode(bytes) });
      } catch {
        skipped.push(`${relative} (not UTF-8 text)`);
      }
    }
  }
  files.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return {
    templates: {
      version: await packageVersion(root),
      action: actionFromManifest(manifest),
      files
    },
    skipped
  };
}
async function readTextFile(file) {
  try {
    return (await (0,external_node_fs_promises_.readFile)(file, "utf8")).replaceAll("\r\n", "\n");
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT") return void 0;
    if (code === "EISDIR")
      throw new errors/* UserError */.yo(`${file} is a folder where mlops init lays a file`, {
        fix: "Rename or remove the folder, or leave out its piece with --only."
      });
    throw error;
  }
}
async function readRepositoryFiles(dir, paths) {
  const files = /* @__PURE__ */ new Map();
  for (const relative of paths) {
    const content = await readTextFile(external_node_path_.join(dir, relative));
    if (content !== void 0) files.set(relative, content);
  }
  return files;
}
function detectDefaultBranch(dir) {
  const remote = (0,git/* gitOutput */.o)(dir, ["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"]);
  if (remote) return remote.replace(/^origin\//, "");
  return (0,git/* gitOutput */.o)(dir, ["symbolic-ref", "--quiet", "--short", "HEAD"]) || void 0;
}
function uncommittedPaths(dir) {
  if ((0,git/* gitOutput */.o)(dir, ["rev-parse", "--is-inside-work-tree"]) !== "true") return void 0;
  const changed = (0,git/* gitOutput */.o)(dir, ["diff", "--name-only", "--relative", "-z", "HEAD"]) ?? (0,git/* gitOutput */.o)(dir, ["ls-files", "-z"]) ?? "";
  const untracked = (0,git/* gitOutput */.o)(dir, ["ls-files", "--others", "--exclude-standard", "-z"]) ?? "";
  return new Set([...changed.split("\0"), ...untracked.split("\0")].filter(Boolean));
}
async function writeRepositoryFiles(dir, files, lock) {
  await (0,external_node_fs_promises_.mkdir)(dir, { recursive: true });
  for (const file of files) {
    const target = external_node_path_.join(dir, file.path);
    if (file.next === void 0) await (0,external_node_fs_promises_.rm)(target, { force: true });
    else await (0,atomic_file/* writeFileAtomically */.l)(target, file.next);
  }
  if (lock) await (0,atomic_file/* writeFileAtomically */.l)(external_node_path_.join(dir, lock.path), lock.content);
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/package-root.js
var package_root = __webpack_require__(2375);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/init/lock.js






const LOCK_PATH = ".mlops-init.lock";
const LOCK_FORMAT = 1;
function sha256(text) {
  return (0,external_node_crypto_.createHash)("sha256").update(text).digest("hex");
}
function lockedFile(path, piece, content) {
  return {
    path,
    piece,
    sha256: sha256(content),
    laid: (0,external_node_zlib_.deflateRawSync)(Buffer.from(content, "utf8")).toString("base64")
  };
}
function laidContent(file) {
  let content;
  try {
    content = (0,external_node_zlib_.inflateRawSync)(Buffer.from(file.laid, "base64")).toString("utf8");
  } catch {
    content = void 0;
  }
  if (content === void 0 || sha256(content) !== file.sha256) {
    throw new errors/* UserError */.yo(
      `${LOCK_PATH} is damaged: the laid content of ${file.path} does not match its hash`,
      {
        fix: `Restore ${LOCK_PATH} from git (git checkout -- ${LOCK_PATH}).`
      }
    );
  }
  return content;
}
const LockSchema = schemas/* object */.Ikc({
  format: schemas/* literal */.euz(LOCK_FORMAT),
  cliVersion: schemas/* string */.YjP(),
  templateVersion: schemas/* string */.YjP(),
  answers: schemas/* partialRecord */.jgl(schemas/* enum */.k5n(ANSWER_KEYS), schemas/* string */.YjP()),
  only: schemas/* array */.YOg(schemas/* enum */.k5n(INIT_PIECES)),
  files: schemas/* array */.YOg(
    schemas/* object */.Ikc({
      path: schemas/* string */.YjP().min(1),
      piece: schemas/* enum */.k5n(INIT_PIECES),
      sha256: schemas/* string */.YjP().regex(/^[0-9a-f]{64}$/),
      laid: schemas/* string */.YjP()
    })
  )
});
function parseLock(text) {
  let document;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new errors/* UserError */.yo(`${LOCK_PATH} is not valid JSON`, {
      cause: error,
      fix: `Restore it from git (git checkout -- ${LOCK_PATH}); it is written by mlops init, not by hand.`
    });
  }
  const parsed = LockSchema.safeParse(document);
  if (!parsed.success) {
    throw new errors/* UserError */.yo(`${LOCK_PATH} is not a lock this version of mlops init can read`, {
      details: (0,zod_issues/* formatZodIssues */.t)(parsed.error),
      fix: `Restore it from git (git checkout -- ${LOCK_PATH}), or upgrade the mlops CLI.`
    });
  }
  return parsed.data;
}
function serializeLock(lock) {
  const answers = Object.fromEntries(
    ANSWER_KEYS.filter((key) => lock.answers[key] !== void 0).map((key) => [
      key,
      lock.answers[key]
    ])
  );
  const document = {
    about: "Written by mlops init: what it laid, so that mlops init --upgrade can merge. Commit it; do not edit it.",
    format: LOCK_FORMAT,
    cliVersion: lock.cliVersion,
    templateVersion: lock.templateVersion,
    answers,
    only: INIT_PIECES.filter((piece) => lock.only.includes(piece)),
    files: [...lock.files].sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0).map(({ path, piece, sha256: hash, laid }) => ({ path, piece, sha256: hash, laid }))
  };
  return `${JSON.stringify(document, null, 2)}
`;
}


;// CONCATENATED MODULE: ./node_modules/node-diff3/dist/diff3.mjs
// src/diff3.mjs
function LCS(buffer1, buffer2) {
  let equivalenceClasses = Object.create(null);
  for (let j = 0;j < buffer2.length; j++) {
    const item = buffer2[j];
    if (equivalenceClasses[item]) {
      equivalenceClasses[item].push(j);
    } else {
      equivalenceClasses[item] = [j];
    }
  }
  const NULLRESULT = { buffer1index: -1, buffer2index: -1, chain: null };
  let candidates = [NULLRESULT];
  for (let i = 0;i < buffer1.length; i++) {
    const item = buffer1[i];
    const buffer2indices = equivalenceClasses[item] || [];
    let r = 0;
    let c = candidates[0];
    for (const j of buffer2indices) {
      let s;
      for (s = r;s < candidates.length; s++) {
        if (candidates[s].buffer2index < j && (s === candidates.length - 1 || candidates[s + 1].buffer2index > j)) {
          break;
        }
      }
      if (s < candidates.length) {
        const newCandidate = { buffer1index: i, buffer2index: j, chain: candidates[s] };
        if (r === candidates.length) {
          candidates.push(c);
        } else {
          candidates[r] = c;
        }
        r = s + 1;
        c = newCandidate;
        if (r === candidates.length) {
          break;
        }
      }
    }
    candidates[r] = c;
  }
  return candidates[candidates.length - 1];
}
function diffComm(buffer1, buffer2) {
  const lcs = LCS(buffer1, buffer2);
  let result = [];
  let tail1 = buffer1.length;
  let tail2 = buffer2.length;
  let common = { common: [] };
  function processCommon() {
    if (common.common.length) {
      common.common.reverse();
      result.push(common);
      common = { common: [] };
    }
  }
  for (let candidate = lcs;candidate !== null; candidate = candidate.chain) {
    let different = { buffer1: [], buffer2: [] };
    while (--tail1 > candidate.buffer1index) {
      different.buffer1.push(buffer1[tail1]);
    }
    while (--tail2 > candidate.buffer2index) {
      different.buffer2.push(buffer2[tail2]);
    }
    if (different.buffer1.length || different.buffer2.length) {
      processCommon();
      different.buffer1.reverse();
      different.buffer2.reverse();
      result.push(different);
    }
    if (tail1 >= 0) {
      common.common.push(buffer1[tail1]);
    }
  }
  processCommon();
  result.reverse();
  return result;
}
function diffIndices(buffer1, buffer2) {
  const lcs = LCS(buffer1, buffer2);
  let result = [];
  let tail1 = buffer1.length;
  let tail2 = buffer2.length;
  for (let candidate = lcs;candidate !== null; candidate = candidate.chain) {
    const mismatchLength1 = tail1 - candidate.buffer1index - 1;
    const mismatchLength2 = tail2 - candidate.buffer2index - 1;
    tail1 = candidate.buffer1index;
    tail2 = candidate.buffer2index;
    if (mismatchLength1 || mismatchLength2) {
      result.push({
        buffer1: [tail1 + 1, mismatchLength1],
        buffer1Content: buffer1.slice(tail1 + 1, tail1 + 1 + mismatchLength1),
        buffer2: [tail2 + 1, mismatchLength2],
        buffer2Content: buffer2.slice(tail2 + 1, tail2 + 1 + mismatchLength2)
      });
    }
  }
  result.reverse();
  return result;
}
function diffPatch(buffer1, buffer2) {
  const lcs = LCS(buffer1, buffer2);
  let result = [];
  let tail1 = buffer1.length;
  let tail2 = buffer2.length;
  function chunkDescription(buffer, offset, length) {
    let chunk = [];
    for (let i = 0;i < length; i++) {
      chunk.push(buffer[offset + i]);
    }
    return {
      offset,
      length,
      chunk
    };
  }
  for (let candidate = lcs;candidate !== null; candidate = candidate.chain) {
    const mismatchLength1 = tail1 - candidate.buffer1index - 1;
    const mismatchLength2 = tail2 - candidate.buffer2index - 1;
    tail1 = candidate.buffer1index;
    tail2 = candidate.buffer2index;
    if (mismatchLength1 || mismatchLength2) {
      result.push({
        buffer1: chunkDescription(buffer1, candidate.buffer1index + 1, mismatchLength1),
        buffer2: chunkDescription(buffer2, candidate.buffer2index + 1, mismatchLength2)
      });
    }
  }
  result.reverse();
  return result;
}
function diff3MergeRegions(a, o, b) {
  let hunks = [];
  function addHunk(h, ab) {
    hunks.push({
      ab,
      oStart: h.buffer1[0],
      oLength: h.buffer1[1],
      abStart: h.buffer2[0],
      abLength: h.buffer2[1]
    });
  }
  diffIndices(o, a).forEach((item) => addHunk(item, "a"));
  diffIndices(o, b).forEach((item) => addHunk(item, "b"));
  hunks.sort((x, y) => x.oStart - y.oStart);
  let results = [];
  let currOffset = 0;
  function advanceTo(endOffset) {
    if (endOffset > currOffset) {
      results.push({
        stable: true,
        buffer: "o",
        bufferStart: currOffset,
        bufferLength: endOffset - currOffset,
        bufferContent: o.slice(currOffset, endOffset)
      });
      currOffset = endOffset;
    }
  }
  while (hunks.length) {
    let hunk = hunks.shift();
    let regionStart = hunk.oStart;
    let regionEnd = hunk.oStart + hunk.oLength;
    let regionHunks = [hunk];
    advanceTo(regionStart);
    while (hunks.length) {
      const nextHunk = hunks[0];
      const nextHunkStart = nextHunk.oStart;
      if (nextHunkStart > regionEnd)
        break;
      regionEnd = Math.max(regionEnd, nextHunkStart + nextHunk.oLength);
      regionHunks.push(hunks.shift());
    }
    if (regionHunks.length === 1) {
      if (hunk.abLength > 0) {
        const buffer = hunk.ab === "a" ? a : b;
        results.push({
          stable: true,
          buffer: hunk.ab,
          bufferStart: hunk.abStart,
          bufferLength: hunk.abLength,
          bufferContent: buffer.slice(hunk.abStart, hunk.abStart + hunk.abLength)
        });
      }
    } else {
      let bounds = {
        a: [a.length, -1, o.length, -1],
        b: [b.length, -1, o.length, -1]
      };
      while (regionHunks.length) {
        hunk = regionHunks.shift();
        const oStart = hunk.oStart;
        const oEnd = oStart + hunk.oLength;
        const abStart = hunk.abStart;
        const abEnd = abStart + hunk.abLength;
        let b2 = bounds[hunk.ab];
        b2[0] = Math.min(abStart, b2[0]);
        b2[1] = Math.max(abEnd, b2[1]);
        b2[2] = Math.min(oStart, b2[2]);
        b2[3] = Math.max(oEnd, b2[3]);
      }
      const aStart = bounds.a[0] + (regionStart - bounds.a[2]);
      const aEnd = bounds.a[1] + (regionEnd - bounds.a[3]);
      const bStart = bounds.b[0] + (regionStart - bounds.b[2]);
      const bEnd = bounds.b[1] + (regionEnd - bounds.b[3]);
      let result = {
        stable: false,
        aStart,
        aLength: aEnd - aStart,
        aContent: a.slice(aStart, aEnd),
        oStart: regionStart,
        oLength: regionEnd - regionStart,
        oContent: o.slice(regionStart, regionEnd),
        bStart,
        bLength: bEnd - bStart,
        bContent: b.slice(bStart, bEnd)
      };
      results.push(result);
    }
    currOffset = regionEnd;
  }
  advanceTo(o.length);
  return results;
}
function diff3Merge(a, o, b, options) {
  let defaults = {
    excludeFalseConflicts: true,
    stringSeparator: /\s+/
  };
  options = Object.assign(defaults, options);
  if (typeof a === "string")
    a = a.split(options.stringSeparator);
  if (typeof o === "string")
    o = o.split(options.stringSeparator);
  if (typeof b === "string")
    b = b.split(options.stringSeparator);
  let results = [];
  const regions = diff3MergeRegions(a, o, b);
  let okBuffer = [];
  function flushOk() {
    if (okBuffer.length) {
      results.push({ ok: okBuffer });
    }
    okBuffer = [];
  }
  function isFalseConflict(a2, b2) {
    if (a2.length !== b2.length)
      return false;
    for (let i = 0;i < a2.length; i++) {
      if (a2[i] !== b2[i])
        return false;
    }
    return true;
  }
  regions.forEach((region) => {
    if (region.stable) {
      okBuffer.push(...region.bufferContent);
    } else {
      if (options.excludeFalseConflicts && isFalseConflict(region.aContent, region.bContent)) {
        okBuffer.push(...region.aContent);
      } else {
        flushOk();
        results.push({
          conflict: {
            a: region.aContent,
            aIndex: region.aStart,
            o: region.oContent,
            oIndex: region.oStart,
            b: region.bContent,
            bIndex: region.bStart
          }
        });
      }
    }
  });
  flushOk();
  return results;
}
function mergeDiff3(a, o, b, options) {
  const defaults = {
    excludeFalseConflicts: true,
    stringSeparator: /\s+/,
    label: {}
  };
  options = Object.assign(defaults, options);
  const aSection = "<<<<<<<" + (options.label.a ? ` ${options.label.a}` : "");
  const oSection = "|||||||" + (options.label.o ? ` ${options.label.o}` : "");
  const xSection = "=======";
  const bSection = ">>>>>>>" + (options.label.b ? ` ${options.label.b}` : "");
  const regions = diff3Merge(a, o, b, options);
  let conflict = false;
  let result = [];
  regions.forEach((region) => {
    if (region.ok) {
      result = result.concat(region.ok);
    } else if (region.conflict) {
      conflict = true;
      result = result.concat([aSection], region.conflict.a, [oSection], region.conflict.o, [xSection], region.conflict.b, [bSection]);
    }
  });
  return {
    conflict,
    result
  };
}
function merge(a, o, b, options) {
  const defaults = {
    excludeFalseConflicts: true,
    stringSeparator: /\s+/,
    label: {}
  };
  options = Object.assign(defaults, options);
  const aSection = "<<<<<<<" + (options.label.a ? ` ${options.label.a}` : "");
  const xSection = "=======";
  const bSection = ">>>>>>>" + (options.label.b ? ` ${options.label.b}` : "");
  const regions = diff3Merge(a, o, b, options);
  let conflict = false;
  let result = [];
  regions.forEach((region) => {
    if (region.ok) {
      result = result.concat(region.ok);
    } else if (region.conflict) {
      conflict = true;
      result = result.concat([aSection], region.conflict.a, [xSection], region.conflict.b, [bSection]);
    }
  });
  return {
    conflict,
    result
  };
}
function mergeDigIn(a, o, b, options) {
  const defaults = {
    excludeFalseConflicts: true,
    stringSeparator: /\s+/,
    label: {}
  };
  options = Object.assign(defaults, options);
  const aSection = "<<<<<<<" + (options.label.a ? ` ${options.label.a}` : "");
  const xSection = "=======";
  const bSection = ">>>>>>>" + (options.label.b ? ` ${options.label.b}` : "");
  const regions = diff3Merge(a, o, b, options);
  let conflict = false;
  let result = [];
  regions.forEach((region) => {
    if (region.ok) {
      result = result.concat(region.ok);
    } else {
      const c = diffComm(region.conflict.a, region.conflict.b);
      for (const inner of c) {
        if (inner.common) {
          result = result.concat(inner.common);
        } else {
          conflict = true;
          result = result.concat([aSection], inner.buffer1, [xSection], inner.buffer2, [bSection]);
        }
      }
    }
  });
  return {
    conflict,
    result
  };
}
function patch(buffer, patch2) {
  let result = [];
  let currOffset = 0;
  function advanceTo(targetOffset) {
    while (currOffset < targetOffset) {
      result.push(buffer[currOffset]);
      currOffset++;
    }
  }
  for (const chunk of patch2) {
    advanceTo(chunk.buffer1.offset);
    for (const item of chunk.buffer2.chunk) {
      result.push(item);
    }
    currOffset += chunk.buffer1.length;
  }
  advanceTo(buffer.length);
  return result;
}
function stripPatch(patch2) {
  return patch2.map((chunk) => ({
    buffer1: { offset: chunk.buffer1.offset, length: chunk.buffer1.length },
    buffer2: { chunk: chunk.buffer2.chunk }
  }));
}
function invertPatch(patch2) {
  return patch2.map((chunk) => ({
    buffer1: chunk.buffer2,
    buffer2: chunk.buffer1
  }));
}


//# debugId=78A7F40B895BC9BF64756E2164756E21
//# sourceMappingURL=diff3.mjs.map

;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/init/text-merge.js

function lines(text) {
  return text.split("\n");
}
function diffLines(text) {
  return lines(text.endsWith("\n") ? text.slice(0, -1) : text);
}
function mergeThreeWay(yours, base, template, templateLabel) {
  const regions = diff3Merge(lines(yours), lines(base), lines(template), {
    excludeFalseConflicts: true
  });
  const merged = [];
  let conflicted = false;
  for (const region of regions) {
    if (region.ok) merged.push(...region.ok);
    if (region.conflict) {
      conflicted = true;
      merged.push(
        "<<<<<<< yours",
        ...region.conflict.a,
        "=======",
        ...region.conflict.b,
        `>>>>>>> ${templateLabel}`
      );
    }
  }
  return { content: merged.join("\n"), conflicted };
}
function unifiedDiff(before, after, labels, maxLines = 200) {
  const context = 3;
  const a = diffLines(before);
  const b = diffLines(after);
  const changes = diffIndices(a, b);
  const hunks = [];
  for (const change of changes) {
    const hunk = hunks.at(-1);
    const previous = hunk?.at(-1);
    if (hunk && previous && change.buffer1[0] - (previous.buffer1[0] + previous.buffer1[1]) <= 2 * context)
      hunk.push(change);
    else hunks.push([change]);
  }
  const output = [`--- ${labels.before}`, `+++ ${labels.after}`];
  for (const hunk of hunks) {
    const first = hunk[0];
    const last = hunk.at(-1);
    if (!first || !last) continue;
    const aStart = Math.max(0, first.buffer1[0] - context);
    const aEnd = Math.min(a.length, last.buffer1[0] + last.buffer1[1] + context);
    const bStart = first.buffer2[0] - (first.buffer1[0] - aStart);
    const bEnd = last.buffer2[0] + last.buffer2[1] + (aEnd - last.buffer1[0] - last.buffer1[1]);
    output.push(`@@ -${aStart + 1},${aEnd - aStart} +${bStart + 1},${bEnd - bStart} @@`);
    let position = aStart;
    for (const change of hunk) {
      output.push(...a.slice(position, change.buffer1[0]).map((line) => ` ${line}`));
      output.push(...change.buffer1Content.map((line) => `-${line}`));
      output.push(...change.buffer2Content.map((line) => `+${line}`));
      position = change.buffer1[0] + change.buffer1[1];
    }
    output.push(...a.slice(position, aEnd).map((line) => ` ${line}`));
  }
  if (output.length <= maxLines) return output.join("\n");
  return [...output.slice(0, maxLines), `\u2026 ${output.length - maxLines} more lines`].join("\n");
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/init/plan.js




function decideFile(versions, mode) {
  const { template, base, current } = versions;
  if (template === void 0) {
    if (current === void 0)
      return { action: "keep-deleted", content: void 0, base: void 0 };
    if (current === base) return { action: "remove", content: void 0, base: void 0 };
    return { action: "keep-obsolete", content: current, base: void 0 };
  }
  if (current === void 0) {
    return base === void 0 ? { action: "create", content: template, base: template } : { action: "keep-deleted", content: void 0, base: template };
  }
  if (current === template) return { action: "unchanged", content: current, base: template };
  if (current === base) return { action: "update", content: template, base: template };
  if (mode.force) return { action: "replace", content: template, base: template };
  if (!mode.upgrade || base === void 0) return { action: "conflict", content: current, base };
  if (template === base) return { action: "keep-modified", content: current, base };
  const merged = mergeThreeWay(current, base, template, mode.templateLabel);
  const action = merged.conflicted ? "merge-conflict" : "merge";
  return { action, content: merged.content, base: template };
}
function pathsToRead(laid, lock, pieces) {
  const locked = (lock?.files ?? []).filter((file) => pieces.includes(file.piece));
  const paths = [...laid, ...locked].map((file) => file.path);
  if (pieces.includes("env")) paths.push(GITIGNORE_PATH);
  return [...new Set(paths)].sort();
}
function planInit(input) {
  const lockedBefore = new Map((input.lock?.files ?? []).map((file) => [file.path, file]));
  const templates = new Map(input.laid.map((file) => [file.path, file]));
  const pieceOf = /* @__PURE__ */ new Map();
  for (const file of [...lockedBefore.values(), ...input.laid])
    if (input.pieces.includes(file.piece)) pieceOf.set(file.path, file.piece);
  const planned = [];
  const locked = [...lockedBefore.values()].filter((file) => !pieceOf.has(file.path));
  for (const [path, piece] of pieceOf) {
    const laid = templates.get(path);
    const previous = lockedBefore.get(path);
    const isSection = piece === "readme";
    const wholeFile = input.files.get(path);
    const current = isSection ? readmeSection(wholeFile) : wholeFile;
    const decision = decideFile(
      {
        template: laid?.content,
        base: previous ? laidContent(previous) : void 0,
        current
      },
      input
    );
    const next = isSection ? withReadmeSection(wholeFile, decision.content, input.readmeTitle) : decision.content;
    planned.push({
      path,
      piece,
      action: decision.action,
      next,
      changes: next !== wholeFile,
      ...decision.action === "conflict" && laid && current !== void 0 ? {
        diff: unifiedDiff(current, laid.content, {
          before: `${path} (yours)`,
          after: `${path} (template)`
        })
      } : {}
    });
    if (decision.base !== void 0) {
      const kept = previous?.piece === piece && previous.sha256 === sha256(decision.base);
      locked.push(kept && previous ? previous : lockedFile(path, piece, decision.base));
    }
  }
  if (input.pieces.includes("env")) {
    const current = input.files.get(GITIGNORE_PATH);
    const next = gitignoreWithEntries(current);
    const action = current === void 0 ? "create" : next === current ? "unchanged" : "update";
    planned.push({ path: GITIGNORE_PATH, piece: "env", action, next, changes: next !== current });
  }
  planned.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return { files: planned, locked };
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/commands/command.js
var command = __webpack_require__(5435);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/commands/init-report.js


const LABELS = {
  create: "create",
  unchanged: "skip",
  update: "update",
  "keep-modified": "keep (yours)",
  conflict: "conflict",
  replace: "replace",
  merge: "merge",
  "merge-conflict": "merge conflict",
  "keep-deleted": "keep deleted",
  remove: "remove",
  "keep-obsolete": "keep obsolete"
};
const LABEL_WIDTH = Math.max(...Object.values(LABELS).map((label) => label.length));
function paint(ui, file, text) {
  if (file.action === "conflict" || file.action === "merge-conflict") return ui.colors.fail(text);
  if (file.action === "keep-modified" || file.action === "keep-obsolete")
    return ui.colors.warn(text);
  return file.changes ? ui.colors.ok(text) : ui.colors.dim(text);
}
function printPlan(plan, ui, options) {
  let unchanged = 0;
  for (const file of plan.files) {
    if (file.action === "unchanged" && !options.dryRun) {
      unchanged += 1;
      continue;
    }
    const name = file.piece === "readme" ? `${file.path} (the mlops-platform section)` : file.path;
    ui.info(`  ${paint(ui, file, LABELS[file.action].padEnd(LABEL_WIDTH))}  ${name}`);
  }
  if (unchanged > 0) ui.info(ui.colors.dim(`  ${unchanged} files unchanged`));
  for (const file of plan.files) {
    if (file.diff) ui.info(`
${ui.colors.fail(`Conflict: ${file.path}`)}
${file.diff}`);
  }
  const obsolete = plan.files.filter((file) => file.action === "keep-obsolete");
  if (obsolete.length > 0) {
    ui.warning(
      `No longer laid by mlops-platform, kept because you changed them (delete them if unused): ${obsolete.map((f) => f.path).join(", ")}`
    );
  }
}
function planOutputs(plan) {
  const count = (actions) => String(plan.files.filter((file) => file.changes && actions.includes(file.action)).length);
  return {
    "files-created": count(["create"]),
    "files-updated": count(["update", "replace", "merge", "merge-conflict", "remove"]),
    conflicts: String(
      plan.files.filter((file) => file.action === "conflict" || file.action === "merge-conflict").length
    )
  };
}
function printNextSteps(ui, options) {
  const { pieces, templates } = options;
  const inDir = options.dir ? ` (in ${options.dir})` : "";
  const steps = [];
  if (options.upgrade) {
    steps.push(
      `Review the upgrade with git diff${inDir}, and resolve any conflict markers (<<<<<<< yours).`
    );
  } else {
    if (pieces.includes("env")) {
      steps.push(
        options.hasDotEnv ? "Compare your .env with .env.example: it lists every setting the workflows read." : "cp .env.example .env and fill it in for local use (.env is gitignored: never commit it)."
      );
    }
    if (pieces.includes("pipelines") && pieces.includes("components")) {
      const cd = options.dir ? `cd ${options.dir} && ` : "";
      steps.push(
        `Train on this machine, on the sample data: ${cd}python3.11 -m venv .venv && .venv/bin/pip install -r pipelines/requirements.txt && ${mlopsInvocation(templates)} run --local pipelines/training-pipeline.yaml --python .venv/bin/python`
      );
    }
    steps.push(
      `Set up Google Cloud (Workload Identity Federation, a training and a deploy service account, bucket): https://github.com/${templates.action}/blob/${(0,product/* majorVersionTag */.E6)(templates.version)}/docs/google-cloud.md`,
      "Create the production environment (Settings \u2192 Environments) with deployment branches limited to the default branch: only its jobs may act as the deploy service account."
    );
    if (pieces.includes("env")) {
      steps.push(
        `Fill in the rest of ${VARIABLES_PATH} (the repository variables), and store MLOPS_SYNC_TOKEN as a repository secret.`
      );
    }
  }
  steps.push(
    `Commit everything, ${LOCK_PATH} included (upgrades merge from it), and open a pull request.`
  );
  ui.info(`
${ui.colors.bold("Next steps")}`);
  steps.forEach((step, index) => ui.info(`  ${index + 1}. ${step}`));
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/commands/init.js












const DEFAULT_REGION = "us-central1";
function readAnswersFile(file) {
  let text;
  try {
    text = (0,external_node_fs_.readFileSync)(file, "utf8");
  } catch (error) {
    throw new errors/* UserError */.yo(`Cannot read the answers file ${file}`, {
      cause: error,
      fix: "Give the path of a YAML file with the answers (project, region, model, default-branch, workflows, only)."
    });
  }
  return parseAnswersFile(text, file);
}
function planInitInputs(request, context) {
  const { configFile, yes, ...flags } = request;
  const file = configFile ? readAnswersFile(configFile) : void 0;
  return {
    ...flags,
    answers: mergeAnswers(flags.answers, file?.answers ?? {}),
    only: flags.only ?? file?.only,
    interactive: !yes && process.stdin.isTTY && context.env.CI !== "true"
  };
}
const initCommand = (0,command/* defineCommand */.NB)({
  name: "init",
  summary: "Lay the platform into a repository: workflows, reference pipelines and components, settings. Run again to update what you left untouched; --upgrade merges what you changed.",
  inputs: [
    {
      name: "dir",
      description: "The repository folder (created if missing). Defaults to the current folder.",
      kind: "string",
      positional: true
    },
    {
      name: "project",
      description: "The Google Cloud project ID (needed for the env piece).",
      kind: "string",
      valueName: "ID"
    },
    {
      name: "region",
      // Not a `default`: those stand in for the flag, and the config file and lock come first.
      description: `The Vertex AI region. Defaults to ${DEFAULT_REGION}.`,
      kind: "string"
    },
    {
      name: "model",
      description: "The model name in the Vertex AI Model Registry. Defaults to the folder name.",
      kind: "string",
      valueName: "NAME"
    },
    {
      name: "default-branch",
      description: "The branch the workflows train and deploy from. Defaults to origin's default branch, else the current one, else main.",
      kind: "string",
      valueName: "BRANCH"
    },
    {
      name: "workflows",
      description: "The workflows to add: all (the default) or, comma-separated: pr-check, pr-check-vertex, train-and-deploy, scheduled-retrain, drift-check, sync-secrets.",
      kind: "string",
      valueName: "NAMES"
    },
    {
      name: "only",
      description: `Lay only these pieces, comma-separated: ${INIT_PIECES.join(", ")}. Defaults to all (an upgrade: those laid before).`,
      kind: "list",
      valueName: "PIECES"
    },
    {
      name: "config",
      description: "A YAML answers file with the same keys as the flags (project, region, model, default-branch, workflows, only).",
      kind: "string",
      valueName: "FILE"
    },
    { name: "yes", description: "Never ask: take the defaults.", kind: "boolean" },
    { name: "dry-run", description: "Print the plan, write nothing.", kind: "boolean" },
    {
      name: "force",
      description: "Replace files you changed with the templates instead of leaving or merging them.",
      kind: "boolean"
    },
    {
      name: "upgrade",
      description: `Bring the files laid before up to this version, three-way merging your changes (needs ${LOCK_PATH} and committed files).`,
      kind: "boolean"
    }
  ],
  outputs: [
    { name: "files-created", description: "How many files were created." },
    { name: "files-updated", description: "How many files were updated, merged or removed." },
    { name: "conflicts", description: "How many files conflict with the templates." }
  ],
  parseInputs(raw, context) {
    const configFile = raw.string("config")?.trim();
    return (0,command/* parseFields */.L5)("init", {
      dir: () => external_node_path_.resolve(context.cwd, raw.string("dir")?.trim() || "."),
      answers: () => withoutBlanks({
        project: raw.string("project"),
        region: raw.string("region"),
        model: raw.string("model"),
        "default-branch": raw.string("default-branch"),
        workflows: workflowsAnswer(raw.string("workflows"))
      }),
      only: () => parsePieces((0,command/* listInput */.dt)(raw, "only")),
      configFile: () => configFile ? external_node_path_.resolve(context.cwd, configFile) : void 0,
      yes: () => raw.boolean("yes") ?? false,
      dryRun: () => raw.boolean("dry-run") ?? false,
      force: () => raw.boolean("force") ?? false,
      upgrade: () => raw.boolean("upgrade") ?? false
    });
  },
  async run(request, context) {
    const inputs = planInitInputs(request, context);
    const root = (0,package_root/* packageRoot */.Z)("workflows-templates");
    const { templates, skipped } = await readTemplatePackage(root);
    return initRepository(inputs, context, {
      templates,
      skipped,
      cliVersion: await packageVersion(root)
    });
  }
});
async function askMissingAnswers(given, defaults, pieces) {
  const questions = questionsFor(pieces).filter((question) => given[question.key] === void 0);
  if (questions.length === 0) return given;
  const terminal = (0,promises_.createInterface)({ input: process.stdin, output: process.stderr });
  const replies = terminal[Symbol.asyncIterator]();
  const answered = { ...given };
  try {
    for (const question of questions) {
      const fallback = defaults[question.key];
      terminal.setPrompt(`${question.prompt}${fallback ? ` [${fallback}]` : ""}: `);
      terminal.prompt();
      const reply = await replies.next();
      if (reply.done) break;
      const value = String(reply.value).trim();
      if (value) answered[question.key] = value;
    }
  } finally {
    terminal.close();
  }
  return answered;
}
function refuseUncommitted(dir, plan) {
  const uncommitted = uncommittedPaths(dir);
  if (!uncommitted) return;
  const touched = plan.files.filter((file) => file.changes && uncommitted.has(file.path));
  if (touched.length === 0) return;
  throw new errors/* UserError */.yo("The upgrade would change files with uncommitted changes", {
    details: touched.map((file) => file.path),
    fix: "Commit or stash them (git stash), then run the upgrade again."
  });
}
async function initRepository(inputs, context, source) {
  const { ui } = context;
  const { dir, upgrade } = inputs;
  const lockText = await readTextFile(external_node_path_.join(dir, LOCK_PATH));
  const lock = lockText === void 0 ? void 0 : parseLock(lockText);
  if (upgrade && !lock) {
    throw new errors/* UserError */.yo(
      `${external_node_path_.join(dir, LOCK_PATH)} does not exist: there is nothing to upgrade`,
      {
        fix: "Run mlops init first (it writes the lock), and commit what it lays."
      }
    );
  }
  const pieces = inputs.only ?? (upgrade && lock ? [...lock.only] : [...INIT_PIECES]);
  const defaults = {
    region: DEFAULT_REGION,
    model: modelNameFromFolder(external_node_path_.basename(dir)),
    "default-branch": detectDefaultBranch(dir) ?? "main",
    workflows: "all"
  };
  const given = mergeAnswers(inputs.answers, lock?.answers ?? {});
  const answers = checkAnswers(
    inputs.interactive ? await askMissingAnswers(given, defaults, pieces) : given,
    defaults,
    pieces
  );
  for (const file of source.skipped) ui.warning(`Not laid: ${file}`);
  const { templates } = source;
  const laid = renderLaidFiles(templates, answers, pieces);
  const plan = planInit({
    laid,
    pieces,
    lock,
    files: await readRepositoryFiles(dir, pathsToRead(laid, lock, pieces)),
    upgrade,
    force: inputs.force,
    templateLabel: `mlops-platform ${templates.version}`,
    readmeTitle: external_node_path_.basename(dir)
  });
  if (upgrade && !inputs.dryRun) refuseUncommitted(dir, plan);
  printPlan(plan, ui, { dryRun: inputs.dryRun });
  const nextLock = serializeLock({
    cliVersion: source.cliVersion,
    templateVersion: templates.version,
    answers,
    only: INIT_PIECES.filter((piece) => pieces.includes(piece) || lock?.only.includes(piece)),
    files: plan.locked
  });
  const changed = plan.files.filter((file) => file.changes);
  const outputs = planOutputs(plan);
  if (inputs.dryRun) {
    ui.info(`Dry run: nothing written (${changed.length} files would change).`);
    return { outputs };
  }
  if (changed.length > 0 || nextLock !== lockText) {
    await writeRepositoryFiles(
      dir,
      changed,
      nextLock === lockText ? void 0 : { path: LOCK_PATH, content: nextLock }
    );
  }
  const conflicts = plan.files.filter((file) => file.action === "conflict");
  const markers = plan.files.filter((file) => file.action === "merge-conflict");
  const failures = [
    conflicts.length > 0 ? `${conflicts.length} file(s) differ from the templates and were left as they are (the diffs are above): ${conflicts.map((f) => f.path).join(", ")}. Keep or merge your changes with --upgrade (for files init laid before), or replace them with --force` : "",
    markers.length > 0 ? `${markers.length} file(s) have conflict markers to resolve: ${markers.map((f) => f.path).join(", ")}` : ""
  ].filter(Boolean);
  if (changed.length > 0) {
    printNextSteps(ui, {
      dir: external_node_path_.relative(context.cwd, dir),
      pieces,
      upgrade,
      templates,
      hasDotEnv: (0,external_node_fs_.existsSync)(external_node_path_.join(dir, ".env"))
    });
  } else if (failures.length === 0) {
    ui.info(ui.colors.ok("Nothing to change: the repository is up to date with the templates."));
  }
  return failures.length > 0 ? { outputs, failure: failures.join("; ") } : { outputs };
}



/***/ }),

/***/ 7001:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ CONFIGURATION)
/* harmony export */ });
const CONFIGURATION = [
  {
    name: "GCP_PROJECT",
    kind: "variable",
    answer: "project",
    description: "The Google Cloud project ID that runs the pipelines and hosts models and endpoints."
  },
  {
    name: "GCP_REGION",
    kind: "variable",
    answer: "region",
    default: "us-central1",
    description: "The Vertex AI region of pipeline runs, models, endpoints and images."
  },
  {
    name: "GCP_WORKLOAD_IDENTITY_PROVIDER",
    kind: "variable",
    example: "projects/123456789012/locations/global/workloadIdentityPools/github/providers/mlops",
    description: "The Workload Identity Federation provider the workflows sign in through (no JSON keys)."
  },
  {
    name: "GCP_SERVICE_ACCOUNT",
    kind: "variable",
    example: "mlops-training@PROJECT.iam.gserviceaccount.com",
    description: "The training service account: builds images, runs pipelines and schedules, reads the champion. It cannot deploy."
  },
  {
    name: "GCP_DEPLOY_SERVICE_ACCOUNT",
    kind: "variable",
    example: "mlops-deploy@PROJECT.iam.gserviceaccount.com",
    description: "The deploy service account: uploads models and changes endpoints. Only jobs in the production environment may act as it (the binding names the environment), so its protection rules reach Google Cloud."
  },
  {
    name: "GCP_PIPELINE_SERVICE_ACCOUNT",
    kind: "variable",
    example: "mlops-pipelines@PROJECT.iam.gserviceaccount.com",
    description: "The account Vertex AI pipeline runs act as: it reads data and writes artifacts, nothing more. The training account may act as it."
  },
  {
    name: "GCP_PIPELINE_ROOT",
    kind: "variable",
    example: "gs://BUCKET/pipeline-root",
    description: "The Cloud Storage folder where Vertex AI pipeline runs write their artifacts."
  },
  {
    name: "MLOPS_MODEL_NAME",
    kind: "variable",
    answer: "model",
    description: "The Vertex AI Model Registry model that training uploads to and deploys from."
  },
  {
    name: "MLOPS_IMAGE_REPOSITORY",
    kind: "variable",
    default: "ml-images",
    description: "The Artifact Registry Docker repository of the training and serving images."
  },
  {
    name: "MLOPS_TRAINING_DATA_URI",
    kind: "variable",
    example: "gs://BUCKET/data/train.csv",
    description: "The training data of Vertex AI runs, and the drift check's reference data."
  },
  {
    name: "MLOPS_PREDICTION_INPUTS_URI",
    kind: "variable",
    example: "bq://PROJECT.ml.prediction_inputs",
    description: "Recent prediction inputs, which the drift check compares with the training data."
  },
  {
    name: "MLOPS_SYNC_TOKEN",
    kind: "secret",
    description: "A fine-grained token that may write Actions secrets and variables, for the sync workflow (GITHUB_TOKEN cannot)."
  }
];



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
