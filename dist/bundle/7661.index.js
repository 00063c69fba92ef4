export const id = 7661;
export const ids = [7661,8937];
export const modules = {

/***/ 5366:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ findChampion),
/* harmony export */   o: () => (/* binding */ parseChampionSource)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var _adapters_gcp_vertex_serving_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5972);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9033);
/* harmony import */ var _core_run_record_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9195);
/* harmony import */ var _core_zod_issues_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4262);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5435);
/* harmony import */ var _google_inputs_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8826);
/* harmony import */ var _model_inputs_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8840);








function parseChampionSource(raw, context, command, fileInput) {
  const modelName = raw.string("model")?.trim();
  const championFile = raw.string(fileInput)?.trim();
  if (modelName && championFile) {
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`Give either model or ${fileInput}, not both`, {
      fix: `Use model to compare with the registry champion, or ${fileInput} for a file.`
    });
  }
  if (championFile) return { kind: "file", file: node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(context.cwd, championFile) };
  if (!modelName) return { kind: "none" };
  return {
    kind: "vertex",
    ...(0,_command_js__WEBPACK_IMPORTED_MODULE_5__/* .parseFields */ .L5)(command, {
      model: () => (0,_model_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .parseModelName */ .s_)(modelName),
      location: () => (0,_google_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .parseGoogleLocation */ .W_)(raw, context, "Champion lookups in the Model Registry")
    })
  };
}
async function findChampion(source, metricsTask, context) {
  const { ui } = context;
  if (source.kind === "none") {
    ui.info("No champion given (model or champion-metrics): rules naming the champion pass.");
    return void 0;
  }
  if (source.kind === "file") return championFromFile(source.file, metricsTask, context.cwd);
  const serving = await _adapters_gcp_vertex_serving_js__WEBPACK_IMPORTED_MODULE_1__/* .VertexServing */ .v.connect({
    ...source.location,
    env: context.env,
    onRetry: (message) => ui.warning(message),
    operationTimeoutMs: 6e4
  });
  try {
    const [model, ...others] = await serving.findModels(...(0,_model_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .modelLabel */ .mM)(source.model));
    if (!model) {
      ui.info(`No model "${source.model}" in the Model Registry yet: this is the first champion.`);
      return void 0;
    }
    if (others.length > 0) {
      throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(
        `Several models are labelled ${(0,_model_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .modelLabel */ .mM)(source.model).join("=")}: ${[model, ...others].map((m) => m.model).join(", ")}`,
        { fix: "Remove the label from all but one of them." }
      );
    }
    const version = await serving.getVersion(`${model.model}@${_model_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .CHAMPION_ALIAS */ .Lp}`);
    if (!version) {
      ui.info(`${model.model} has no version aliased "${_model_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .CHAMPION_ALIAS */ .Lp}" yet: no champion.`);
      return void 0;
    }
    const evaluation = await serving.latestEvaluation(version.versionName);
    if (!evaluation) {
      ui.warning(
        `Champion ${version.versionName} has no evaluation metrics: rules naming the champion fail.`
      );
    }
    ui.info(`Champion: ${version.versionName} (${version.displayName})`);
    return { metrics: evaluation?.metrics ?? {}, source: version.versionName };
  } finally {
    await serving.close();
  }
}
async function championFromFile(file, metricsTask, cwd) {
  const display = node_path__WEBPACK_IMPORTED_MODULE_0__.relative(cwd, file) || file;
  const parsed = await (0,_google_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .readJsonFile */ .JE)(
    file,
    cwd,
    "Champion metrics",
    "a run record or a JSON object of metric name to number"
  );
  if (parsed !== null && typeof parsed === "object" && "recordVersion" in parsed) {
    const record = (0,_core_run_record_js__WEBPACK_IMPORTED_MODULE_3__/* .parseRunRecord */ .Yz)(parsed, display);
    return { metrics: (0,_core_run_record_js__WEBPACK_IMPORTED_MODULE_3__/* .taskMetrics */ .TH)(record.metrics, metricsTask).metrics, source: display, record };
  }
  const metrics = _core_run_record_js__WEBPACK_IMPORTED_MODULE_3__/* .MetricsSchema */ .Lv.safeParse(parsed);
  if (!metrics.success || Object.keys(metrics.data).length === 0) {
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`Champion metrics ${display} must map metric names to numbers`, {
      details: metrics.success ? [] : (0,_core_zod_issues_js__WEBPACK_IMPORTED_MODULE_4__/* .formatZodIssues */ .t)(metrics.error),
      fix: 'Write e.g. {"accuracy": 0.91, "f1": 0.9}, or pass a run record.'
    });
  }
  return { metrics: metrics.data, source: display };
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

/***/ 4075:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gateCommand: () => (/* binding */ gateCommand)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/report/pipeline-report.js
var pipeline_report = __webpack_require__(2360);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/adapters/github/pull-request-report.js


function commitContext(env) {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  if (!owner || !repo || !env.GITHUB_SHA) return void 0;
  let event = {};
  try {
    if (env.GITHUB_EVENT_PATH)
      event = JSON.parse((0,external_node_fs_.readFileSync)(env.GITHUB_EVENT_PATH, "utf8"));
  } catch {
  }
  const pr = event.pull_request;
  if (!pr) return { owner, repo, headSha: env.GITHUB_SHA, fork: false };
  return {
    owner,
    repo,
    headSha: pr.head.sha,
    pullRequest: pr.number,
    fork: (pr.head.repo?.full_name ?? "") !== pr.base.repo.full_name
  };
}
const MAX_SUMMARY = 65535;
const MAX_COMMENT = 65536;
async function publishCheckRun(github, commit, check) {
  const response = await github.rest.checks.create({
    owner: commit.owner,
    repo: commit.repo,
    name: check.name,
    head_sha: commit.headSha,
    status: "completed",
    conclusion: check.passed ? "success" : "failure",
    completed_at: (/* @__PURE__ */ new Date()).toISOString(),
    ...check.detailsUrl ? { details_url: check.detailsUrl } : {},
    output: {
      title: check.title,
      summary: (0,pipeline_report/* clipMarkdown */._n)(check.summary, MAX_SUMMARY, "a check run summary")
    }
  });
  return response.data.html_url ?? "";
}
async function upsertStickyComment(github, commit, marker, body) {
  const text = (0,pipeline_report/* clipMarkdown */._n)(`${marker}
${body}`, MAX_COMMENT, "a comment");
  const issue = { owner: commit.owner, repo: commit.repo, issue_number: commit.pullRequest };
  const comments = await github.paginate(github.rest.issues.listComments, {
    ...issue,
    per_page: 100
  });
  const existing = comments.find((comment) => comment.body?.includes(marker));
  if (existing) {
    await github.rest.issues.updateComment({
      owner: commit.owner,
      repo: commit.repo,
      comment_id: existing.id,
      body: text
    });
    return "updated";
  }
  await github.rest.issues.createComment({ ...issue, body: text });
  return "created";
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/errors.js
var errors = __webpack_require__(9033);
// EXTERNAL MODULE: ./node_modules/@marcbachmann/cel-js/lib/index.js + 13 modules
var lib = __webpack_require__(7337);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/cel-ast.js
var cel_ast = __webpack_require__(7129);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/gate.js



const CHAMPION = "champion";
const CANDIDATE = "candidate";
const environment = new lib/* Environment */.OH({ unlistedVariablesAreDyn: true });
function parseGateRules(lines) {
  const rules = [];
  const problems = [];
  lines.forEach((raw, index) => {
    const text = raw.trim();
    if (text === "" || text.startsWith("#")) return;
    try {
      rules.push(compileRule(text, index + 1));
    } catch (error) {
      problems.push(`line ${index + 1}: ${text} (${firstLine(error.message)})`);
    }
  });
  if (problems.length > 0) {
    throw new errors/* UserError */.yo(
      problems.length === 1 ? `A gate rule is not valid CEL: ${problems[0]}` : `${problems.length} gate rules are not valid CEL`,
      {
        details: problems.length === 1 ? [] : problems,
        fix: "Write each rule as a comparison over metric names, e.g. `accuracy >= 0.85` or `f1 >= champion.f1 - 0.01`."
      }
    );
  }
  if (rules.length === 0) {
    throw new errors/* UserError */.yo("No gate rules given", {
      fix: "Give at least one rule, one per line, e.g. `accuracy >= 0.85`."
    });
  }
  return rules;
}
function compileRule(text, line) {
  const source = withDoubleLiterals(text);
  const program = environment.parse(source);
  const check = program.check();
  if (!check.valid) throw new Error(firstLine(check.error?.message ?? "does not type-check"));
  if (check.type !== "bool" && check.type !== "dyn")
    throw new Error(`gives a ${check.type ?? "value"}, not true or false`);
  const references = collectReferences(program.ast);
  if (references.metrics.has(CANDIDATE) && references.metrics.size === 1 && !references.indexed)
    throw new Error('reads `candidate` as a whole; compare a metric, e.g. candidate["roc-auc"]');
  references.metrics.delete(CANDIDATE);
  return {
    text,
    line,
    metrics: [...references.metrics, ...references.candidateIndexed],
    championMetrics: [...references.championMetrics],
    usesChampion: references.usesChampion,
    evaluate: (context) => program(context)
  };
}
function withDoubleLiterals(text) {
  const ranges = [];
  (0,cel_ast/* walkCel */.c)(environment.parse(text).ast, (node) => {
    if (node.op === "value" && typeof node.args === "bigint") ranges.push(node.range);
  });
  let result = text;
  for (const { start, end } of ranges.sort((a, b) => b.start - a.start)) {
    const literal = result.slice(start, end);
    if (/^\d+$/.test(literal)) result = `${result.slice(0, start)}${literal}.0${result.slice(end)}`;
  }
  return result;
}
function collectReferences(root) {
  const found = {
    metrics: /* @__PURE__ */ new Set(),
    championMetrics: /* @__PURE__ */ new Set(),
    candidateIndexed: /* @__PURE__ */ new Set(),
    usesChampion: false,
    indexed: false
  };
  const fieldOf = (node, name) => {
    if ((node.op === "." || node.op === ".?") && isId(node.args[0], name)) return node.args[1];
    if ((node.op === "[]" || node.op === "[?]") && isId(node.args[0], name)) {
      const key = node.args[1];
      return key.op === "value" && typeof key.args === "string" ? key.args : void 0;
    }
    return void 0;
  };
  (0,cel_ast/* walkCel */.c)(root, (node) => {
    const championField = fieldOf(node, CHAMPION);
    if (championField !== void 0) {
      found.championMetrics.add(championField);
      return "skip";
    }
    const candidateField = fieldOf(node, CANDIDATE);
    if (candidateField !== void 0) {
      found.candidateIndexed.add(candidateField);
      found.indexed = true;
      return "skip";
    }
    if (node.op === "id") {
      if (node.args === CHAMPION) found.usesChampion = true;
      else found.metrics.add(node.args);
    }
    return void 0;
  });
  return found;
}
function isId(node, name) {
  return node.op === "id" && node.args === name;
}
function firstLine(message) {
  return message.split("\n")[0] ?? message;
}
function list(names) {
  const sorted = [...names].sort();
  return sorted.length > 0 ? sorted.join(", ") : "none";
}
function evaluateGate(rules, candidate, champion) {
  const results = rules.map((rule) => evaluateRule(rule, candidate, champion));
  return {
    passed: results.every((result) => result.outcome === "pass"),
    rules: results,
    candidate,
    champion
  };
}
function evaluateRule(rule, candidate, champion) {
  const values = {};
  for (const name of rule.metrics) values[name] = candidate[name];
  for (const name of rule.championMetrics) values[`${CHAMPION}.${name}`] = champion?.[name];
  const missing = rule.metrics.filter((name) => candidate[name] === void 0);
  if (missing.length > 0) {
    return {
      rule: rule.text,
      outcome: "fail",
      values,
      note: `the candidate has no ${plural("metric", missing)} ${missing.join(", ")} (it has: ${list(Object.keys(candidate))})`
    };
  }
  const readsChampion = rule.usesChampion || rule.championMetrics.length > 0;
  if (readsChampion && champion === void 0) {
    return { rule: rule.text, outcome: "pass", values, note: "no champion yet: passes" };
  }
  const championMissing = rule.championMetrics.filter((name) => champion?.[name] === void 0);
  if (championMissing.length > 0) {
    return {
      rule: rule.text,
      outcome: "fail",
      values,
      note: `the champion has no ${plural("metric", championMissing)} ${championMissing.join(", ")} (it has: ${list(Object.keys(champion ?? {}))})`
    };
  }
  let result;
  try {
    result = rule.evaluate({ ...candidate, [CANDIDATE]: candidate, [CHAMPION]: champion ?? {} });
  } catch (error) {
    return {
      rule: rule.text,
      outcome: "fail",
      values,
      note: `cannot be evaluated: ${firstLine(error.message)}`
    };
  }
  if (typeof result !== "boolean") {
    return {
      rule: rule.text,
      outcome: "fail",
      values,
      note: `gives ${String(result)}, not true or false`
    };
  }
  return { rule: rule.text, outcome: result ? "pass" : "fail", values };
}
function plural(word, items) {
  return items.length === 1 ? word : `${word}s`;
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/run-record.js
var run_record = __webpack_require__(9195);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/commands/command.js
var command = __webpack_require__(5435);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/commands/champion.js
var commands_champion = __webpack_require__(5366);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/commands/google-inputs.js
var google_inputs = __webpack_require__(8826);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/commands/model-inputs.js
var model_inputs = __webpack_require__(8840);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/commands/gate.js










const gateCommand = (0,command/* defineCommand */.NB)({
  name: "gate",
  summary: "Check a run's metrics against your rules (CEL, one per line), including against the live champion model, before deploying.",
  inputs: [
    { ...google_inputs/* RUN_RECORD_INPUT */.vj, required: true, positional: true },
    {
      name: "rules",
      description: `Gate rules, one CEL expression per line, over the candidate's metrics and the champion's: accuracy >= 0.85, f1 >= champion.f1 - 0.01. Names that are not identifiers: candidate["roc-auc"]. Lines starting with # are comments.`,
      kind: "list",
      required: true,
      valueName: "RULE"
    },
    {
      name: "metrics-task",
      description: `The task whose metrics are the candidate's. Defaults to the only task with metrics, else the one whose name contains "eval".`,
      kind: "string",
      valueName: "TASK"
    },
    {
      ...model_inputs/* MODEL_INPUT */.Jg,
      description: `${model_inputs/* MODEL_INPUT */.Jg.description} The gate compares with its version aliased "${model_inputs/* CHAMPION_ALIAS */.Lp}" (deploy attaches each version's metrics).`
    },
    {
      name: "champion-metrics",
      description: `Instead of a registry model: a JSON file with the champion's metrics (a run record, or {"accuracy": 0.9, ...}).`,
      kind: "string",
      valueName: "FILE"
    },
    google_inputs/* PROJECT_INPUT */.Hl,
    google_inputs/* REGION_INPUT */.aD,
    {
      name: "check-name",
      description: "Gate: the check run that shows the verdict on the commit (on pull requests, on the head commit). Needs github-token with checks: write.",
      kind: "string",
      default: "mlops gate",
      valueName: "NAME"
    },
    {
      name: "pr-comment",
      description: "Gate: also keep one comment on the pull request with the report, edited in place on every push (pull-requests: write).",
      kind: "boolean",
      default: "false"
    },
    {
      name: "github-token",
      description: "Gate: the token for the check run and the comment, usually the workflow token, github.token (the CLI also reads GITHUB_TOKEN). Without one, the report goes to the job summary only.",
      kind: "string",
      valueName: "TOKEN",
      secret: true
    },
    {
      name: "report-url",
      description: "Gate: a link to the run's HTML report (upload-artifact's artifact-url), put next to the verdict in the check, the comment and the job summary.",
      kind: "string",
      valueName: "URL"
    },
    {
      name: "fail-on-gate",
      description: "Fail the step when a rule fails (true), or only report it through the passed output (false).",
      kind: "boolean",
      default: "true"
    }
  ],
  outputs: [
    { name: "passed", description: "true when every gate rule passed, else false." },
    { name: "metrics", description: "JSON object of the candidate's metrics." },
    {
      name: "champion-metrics",
      description: "JSON object of the champion's metrics; empty when there is no champion yet."
    },
    {
      name: "champion-version",
      description: "The champion model version the gate compared with (models/ID@VERSION)."
    },
    {
      name: "verdict",
      description: "JSON list of the rules: rule, outcome (pass/fail), values read, note."
    }
  ],
  parseInputs(raw, context) {
    const token = raw.string("github-token")?.trim() || context.env.GITHUB_TOKEN || void 0;
    if (token) context.host.maskSecret(token, "github-token");
    return (0,command/* parseFields */.L5)("gate", {
      runRecord: () => external_node_path_.resolve(
        context.cwd,
        (0,command/* requireInput */.oN)(raw, "run-record", "Pass the run step's run-record output.")
      ),
      rules: () => parseGateRules(raw.list("rules")),
      checkName: () => (0,command/* stringInput */.Uj)(raw, "check-name"),
      prComment: () => (0,command/* booleanInput */.tE)(raw, "pr-comment"),
      githubToken: () => token,
      metricsTask: () => raw.string("metrics-task")?.trim() || void 0,
      champion: () => (0,commands_champion/* parseChampionSource */.o)(raw, context, "gate", "champion-metrics"),
      failOnGate: () => (0,command/* booleanInput */.tE)(raw, "fail-on-gate"),
      reportUrl: () => (0,pipeline_report/* parseReportUrl */.bs)(raw.string("report-url"))
    });
  },
  async run(inputs, context) {
    const { ui } = context;
    const record = await (0,google_inputs/* readRunRecord */.lR)(inputs.runRecord, context.cwd);
    if (record.state !== "SUCCEEDED") {
      throw new errors/* UserError */.yo(
        `Run ${record.runId} ${record.state}; only a succeeded run can pass a gate`,
        {
          fix: "Gate the record of a run that succeeded."
        }
      );
    }
    const candidate = (0,run_record/* taskMetrics */.TH)(record.metrics, inputs.metricsTask);
    const champion = await ui.group(
      "Find the champion",
      () => (0,commands_champion/* findChampion */.f)(inputs.champion, inputs.metricsTask, context)
    );
    const verdict = evaluateGate(inputs.rules, candidate.metrics, champion?.metrics);
    report(verdict, candidate.task, record.runId, champion, ui);
    const full = (0,pipeline_report/* gateReport */.We)(verdict, record, champion?.source, inputs.reportUrl);
    ui.headline(
      verdict.passed,
      full.title,
      inputs.reportUrl ? { text: pipeline_report/* REPORT_LINK_TEXT */.Mm, url: inputs.reportUrl } : void 0
    );
    ui.table(
      "Metrics: candidate vs champion",
      ["Metric", "Candidate", "Champion", "\u0394"],
      full.metricRows
    );
    ui.diagram(`Pipeline ${record.pipelineName}`, full.diagram);
    await ui.group("Report on GitHub", () => reportOnGitHub(inputs, full, verdict.passed, context));
    const outputs = {
      passed: String(verdict.passed),
      metrics: JSON.stringify(verdict.candidate),
      "champion-metrics": champion ? JSON.stringify(champion.metrics) : "",
      "champion-version": champion?.source.startsWith("projects/") ? champion.source : "",
      verdict: JSON.stringify(verdict.rules)
    };
    const failed = verdict.rules.filter((rule) => rule.outcome === "fail");
    if (verdict.passed || !inputs.failOnGate) return { outputs };
    return {
      outputs,
      failure: `Gate failed: ${failed.map((rule) => rule.rule).join("; ")}`
    };
  }
});
function report(verdict, task, runId, champion, ui) {
  const { colors } = ui;
  ui.table(
    `Gate for ${runId} (metrics of ${task}${champion ? `, champion ${champion.source}` : ", no champion"})`,
    ["Rule", "Values", "Result", "Note"],
    verdict.rules.map((rule) => [
      rule.rule,
      Object.entries(rule.values).map(([name, value]) => `${name}=${(0,pipeline_report/* formatMetric */.gI)(value)}`).join(", "),
      rule.outcome === "pass" ? colors.ok("pass") : colors.fail("FAIL"),
      rule.note ?? ""
    ])
  );
  const failed = verdict.rules.filter((rule) => rule.outcome === "fail").length;
  ui.info(
    verdict.passed ? colors.ok(`Gate passed: ${verdict.rules.length} of ${verdict.rules.length} rules`) : colors.fail(`Gate failed: ${failed} of ${verdict.rules.length} rules failed`)
  );
}
async function reportOnGitHub(inputs, full, passed, context) {
  const { ui } = context;
  const commit = commitContext(context.env);
  const rows = [];
  if (!commit) {
    ui.info("Not in a GitHub workflow: the report stays here.");
    return;
  }
  if (!inputs.githubToken) {
    rows.push([
      "check run",
      "skipped: no github-token (give it ${{ github.token }} with checks: write)"
    ]);
  } else if (commit.fork) {
    ui.warning(
      "Pull request from a fork: its token is read-only, so the verdict is in the job summary only."
    );
    rows.push(["check run", "skipped: fork pull request (read-only token)"]);
    if (inputs.prComment) rows.push(["pull request comment", "skipped: fork pull request"]);
  } else {
    const { githubClient } = await Promise.all(/* import() */[__webpack_require__.e(4119), __webpack_require__.e(148)]).then(__webpack_require__.bind(__webpack_require__, 148));
    const client = githubClient({
      token: inputs.githubToken,
      apiUrl: context.env.GITHUB_API_URL,
      onRetry: (message) => ui.warning(message)
    });
    const runUrl = context.env.GITHUB_SERVER_URL && context.env.GITHUB_RUN_ID ? `${context.env.GITHUB_SERVER_URL}/${commit.owner}/${commit.repo}/actions/runs/${context.env.GITHUB_RUN_ID}` : void 0;
    const attempt = async (where, work) => {
      try {
        rows.push([where, await work()]);
      } catch (error) {
        const status = error.status;
        const reason = error.message.split("\n")[0] ?? "";
        ui.warning(`Could not post the ${where}: ${reason}`);
        rows.push([
          where,
          `skipped: ${status === 403 ? "the token may not (checks: write / pull-requests: write)" : reason}`
        ]);
      }
    };
    await attempt(
      "check run",
      () => publishCheckRun(client, commit, {
        name: inputs.checkName,
        passed,
        title: full.title,
        summary: full.markdown,
        ...runUrl ? { detailsUrl: runUrl } : {}
      })
    );
    const pullRequest = commit.pullRequest;
    if (inputs.prComment && pullRequest !== void 0) {
      await attempt(
        "pull request comment",
        () => upsertStickyComment(
          client,
          { ...commit, pullRequest },
          `<!-- mlops-platform: ${inputs.checkName} -->`,
          full.markdown
        )
      );
    }
  }
  ui.table("Reported on GitHub", ["Where", "Result"], rows);
}



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



/***/ })

};
