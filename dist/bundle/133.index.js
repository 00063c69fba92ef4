export const id = 133;
export const ids = [133];
export const modules = {

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

/***/ 9133:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCommand: () => (/* binding */ runCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/git.js
var git = __webpack_require__(7443);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/errors.js
var errors = __webpack_require__(9033);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/adapters/writable.js




async function nearestExisting(target) {
  const info = await (0,promises_.stat)(target).catch(() => void 0);
  const parent = external_node_path_.dirname(target);
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
  const code = error.code === "ENOENT" ? await (0,promises_.access)(existing.path, promises_.constants.W_OK).then(
    () => error.code,
    (denied) => denied.code
  ) : error.code;
  return refusal(code, existing.path) ?? error.message;
}
async function folderProblem(folder) {
  try {
    await (0,promises_.mkdir)(folder, { recursive: true });
    const probe = external_node_path_.join(folder, `.mlops-write-check-${(0,external_node_crypto_.randomUUID)()}`);
    await (0,promises_.writeFile)(probe, "");
    await (0,promises_.rm)(probe);
    return void 0;
  } catch (error) {
    return explain(folder, error);
  }
}
async function assertWritableFolder(folder, what, fix) {
  const problem = await folderProblem(folder);
  if (problem) throw new errors/* UserError */.yo(`${what} ${folder} is not writable: ${problem}`, { fix });
}
async function assertWritableFile(file, what, fix) {
  const info = await (0,promises_.stat)(file).catch(() => void 0);
  const problem = info?.isDirectory() ? "it is a folder" : info ? await (0,promises_.access)(file, promises_.constants.W_OK).then(
    () => void 0,
    (error) => refusal(error.code, file) ?? error.message
  ) : await folderProblem(external_node_path_.dirname(file));
  if (problem) throw new errors/* UserError */.yo(`${what} ${file} is not writable: ${problem}`, { fix });
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/ir/parameters.js
var ir_parameters = __webpack_require__(8612);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/commands/google-inputs.js
var google_inputs = __webpack_require__(8826);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/commands/vertex-job-inputs.js
var vertex_job_inputs = __webpack_require__(4931);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/ir/placeholders.js
var placeholders = __webpack_require__(5254);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/report/pipeline-report.js
var pipeline_report = __webpack_require__(2360);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/commands/run-report.js



function recordOutputs(record, recordPath) {
  return {
    "run-id": record.runId,
    state: record.state,
    "run-record": recordPath,
    metrics: JSON.stringify(record.metrics),
    outputs: JSON.stringify(record.outputs)
  };
}
function formatDuration(ms) {
  if (ms === void 0) return "";
  return ms < 1e3 ? `${ms}ms` : `${(ms / 1e3).toFixed(1)}s`;
}
function reportRun(record, ui, cwd) {
  const tasks = Object.values(record.tasks).filter((task) => task.state !== "PENDING");
  ui.table(
    `Tasks of ${record.runId}`,
    ["Task", "State", "Duration", "Cached", "Attempts"],
    tasks.map((task) => [
      task.path,
      task.state,
      formatDuration(task.durationMs),
      task.cached ? "yes" : "",
      task.attempts > 1 ? String(task.attempts) : ""
    ])
  );
  const metricRows = Object.entries(record.metrics).flatMap(
    ([task, values]) => Object.entries(values).map(([name, value]) => [task, name, (0,pipeline_report/* formatMetric */.gI)(value)])
  );
  if (metricRows.length > 0) ui.table("Metrics", ["Task", "Metric", "Value"], metricRows);
  for (const task of tasks) {
    if (task.state !== "FAILED" || !task.failure || isSubDag(task, record)) continue;
    const { failure } = task;
    ui.warning(
      [
        `Task ${task.path} failed: ${failure.message}`,
        ...failure.commandLine ? [`  command: ${failure.commandLine}`] : [],
        ...failure.logFile ? [`  log: ${external_node_path_.relative(cwd, failure.logFile)}`] : [],
        ...failure.logTail && failure.logTail.length > 0 ? ["  last lines:", ...failure.logTail.map((line) => `    ${line}`)] : [],
        ...failure.hint ? [`  hint: ${failure.hint}`] : []
      ].join("\n")
    );
  }
  const outputs = Object.entries(record.outputs);
  const tail = outputs.length > 0 ? `; outputs: ${outputs.map(([k, v]) => `${k}=${(0,placeholders/* renderParameter */.KE)(v)}`).join(", ")}` : "";
  const verdict = record.state === "SUCCEEDED" ? ui.colors.ok(record.state) : ui.colors.fail(record.state);
  ui.info(
    `Run ${record.runId} ${verdict} in ${formatDuration(record.durationMs)} \u2192 ${record.location.includes("://") ? record.location : external_node_path_.relative(cwd, record.location) || record.location}${tail}`
  );
}
function isSubDag(task, record) {
  return Object.keys(record.tasks).some((other) => other.startsWith(`${task.path}/`));
}
function failureSummary(record) {
  const first = Object.values(record.tasks).find(
    (task) => task.state === "FAILED" && task.failure && !isSubDag(task, record)
  );
  if (!first) return `Pipeline run ${record.runId} ${record.state}`;
  return `Pipeline run ${record.runId} ${record.state}: task ${first.path} ${first.failure?.message ?? "failed"}`;
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/commands/command.js
var command = __webpack_require__(5435);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/commands/pipeline-inputs.js + 12 modules
var pipeline_inputs = __webpack_require__(8407);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/commands/run.js












function parseVertexTarget(raw, context, useCache) {
  const { location, job, ...fields } = (0,command/* parseFields */.L5)("run", {
    location: () => (0,google_inputs/* parseGoogleLocation */.W_)(raw, context, "Vertex runs"),
    job: () => (0,vertex_job_inputs/* parseVertexJobInputs */.MF)(raw),
    wait: () => (0,command/* booleanInput */.tE)(raw, "wait"),
    timeoutMs: () => (0,google_inputs/* parseTimeout */.ZZ)(raw, "timeout"),
    jobId: () => {
      const jobId = raw.string("job-id")?.trim();
      if (jobId !== void 0 && jobId !== "" && !/^[a-z][-a-z0-9]{0,127}$/.test(jobId)) {
        throw new errors/* UserError */.yo(`job-id "${jobId}" is not a valid pipeline job id`, {
          fix: "Use lowercase letters, digits and hyphens, starting with a letter (at most 128)."
        });
      }
      return jobId || void 0;
    }
  });
  return { ...location, ...job, ...fields, disableCache: !useCache };
}
function parseLocalTarget(raw, context) {
  return (0,command/* parseFields */.L5)("run", {
    kind: () => "local",
    pipelineRoot: () => external_node_path_.resolve(context.cwd, raw.string("pipeline-root")?.trim() || LOCAL_PIPELINE_ROOT),
    executor: () => (0,command/* choiceInput */.ij)(raw, "executor", ["subprocess", "docker"]),
    parallelism: () => (0,command/* integerInput */.$A)(raw, "parallelism", 1, (0,external_node_os_.availableParallelism)()),
    verbose: () => (0,command/* booleanInput */.tE)(raw, "verbose"),
    taskEnv: () => variableNames(raw.list("task-env"))
  });
}
function variableNames(names) {
  const bad = names.filter((name) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name));
  if (bad.length > 0)
    throw new errors/* UserError */.yo(
      `task-env takes variable names, not ${bad.map((name) => `"${name}"`).join(", ")}`,
      {
        fix: "Give variable names only (letters, digits and _), one per line or --task-env NAME each; their values come from the environment."
      }
    );
  return [...names];
}
const LOCAL_PIPELINE_ROOT = ".mlops/runs";
const runCommand = (0,command/* defineCommand */.NB)({
  name: "run",
  cli: {
    shorthands: [
      {
        name: "local",
        description: "Run on this machine (same as --target local).",
        sets: { input: "target", value: "local" }
      },
      {
        name: "vertex",
        description: "Run on Vertex AI Pipelines (same as --target vertex).",
        sets: { input: "target", value: "vertex" }
      }
    ]
  },
  postStep: true,
  summary: "Run a pipeline locally (the default: no cloud needed) or on Vertex AI Pipelines, and follow it to the end.",
  inputs: [
    ...pipeline_inputs/* PIPELINE_INPUTS */.Tj,
    pipeline_inputs/* PARAM_INPUT */.DZ,
    {
      name: "target",
      description: "Where to run: local (this machine) or vertex (Vertex AI Pipelines). The CLI also takes --local and --vertex.",
      kind: "string",
      default: "local",
      choices: ["local", "vertex"]
    },
    {
      name: "pipeline-root",
      description: `Where outputs go. Local: a folder (default ${LOCAL_PIPELINE_ROOT}), each run in <pipeline-root>/<pipeline>-<timestamp>/<task>/<output>. Vertex: a gs:// folder (default: the spec's defaultPipelineRoot).`,
      kind: "string",
      valueName: "DIR"
    },
    {
      name: "no-cache",
      description: "Run every task even when an identical earlier execution is cached (on Vertex: caching off for every task, as the KFP SDK's enable_caching=False).",
      kind: "boolean",
      default: "false"
    },
    {
      name: "run-record",
      description: "Also write the run record (run.json: each task's state, timing, outputs and metrics) to this path.",
      kind: "string",
      valueName: "FILE"
    },
    {
      name: "executor",
      description: "Local: subprocess runs each container command on this machine; docker runs it in the task image with the pipeline root mounted.",
      kind: "string",
      default: "subprocess",
      choices: ["subprocess", "docker"]
    },
    {
      name: "parallelism",
      description: "Local: most tasks running at once. Defaults to the number of CPUs.",
      kind: "integer",
      valueName: "N"
    },
    {
      name: "verbose",
      description: "Local: stream every task's log lines as they are written.",
      kind: "boolean",
      default: "false"
    },
    {
      name: "task-env",
      description: "Local: more environment variables the tasks may read, by name. Tasks get only what they need by default (PATH, HOME, locale, proxies, certificates, PYTHON*, MLOPS_* settings, Google Cloud credentials), never the runner's tokens or the step's inputs.",
      kind: "list",
      valueName: "NAME"
    },
    google_inputs/* PROJECT_INPUT */.Hl,
    google_inputs/* REGION_INPUT */.aD,
    ...vertex_job_inputs/* VERTEX_JOB_INPUTS */.d8,
    {
      name: "wait",
      description: "Vertex: follow the job to the end (true) or return once it is created (false).",
      kind: "boolean",
      default: "true"
    },
    {
      name: "timeout",
      description: "Vertex: how long to wait before failing the step (the job keeps running).",
      kind: "string",
      default: "24h",
      valueName: "DURATION"
    },
    {
      name: "job-id",
      description: "Vertex: the pipeline job id. Defaults to one derived from the pipeline, commit, workflow run and parameters, so a re-run attaches to the job instead of duplicating it.",
      kind: "string",
      valueName: "ID"
    }
  ],
  outputs: [
    {
      name: "run-id",
      description: "Identifier of the run: <pipeline>-<timestamp> locally, the pipeline job id on Vertex."
    },
    {
      name: "state",
      description: "SUCCEEDED, FAILED or CANCELLED (a Vertex state such as PIPELINE_STATE_RUNNING with wait: false)."
    },
    {
      name: "run-record",
      description: "Path of the run record JSON: each task's state, timing, outputs and metrics."
    },
    { name: "run-dir", description: "Local: folder holding the run's artifacts." },
    {
      name: "job-name",
      description: "Vertex: the job's resource name (projects/P/locations/L/pipelineJobs/ID)."
    },
    { name: "console-url", description: "Vertex: link to the job in the Google Cloud console." },
    {
      name: "metrics",
      description: "JSON object: task path \u2192 metric name \u2192 number, from Metrics artifacts and numeric output parameters."
    },
    { name: "outputs", description: "JSON object of the pipeline's output parameters." }
  ],
  parseInputs(raw, context) {
    const useCache = (0,command/* once */.Oo)(() => !(0,command/* booleanInput */.tE)(raw, "no-cache"));
    const kind = (0,command/* once */.Oo)(() => (0,command/* choiceInput */.ij)(raw, "target", ["local", "vertex"]));
    return (0,command/* parseFields */.L5)("run", {
      ...(0,pipeline_inputs/* pipelineRunFields */.rJ)(raw, context),
      useCache,
      runRecord: () => {
        const runRecord = raw.string("run-record")?.trim();
        return runRecord ? external_node_path_.resolve(context.cwd, runRecord) : void 0;
      },
      target: () => kind() === "vertex" ? { kind: "vertex", ...parseVertexTarget(raw, context, useCache()) } : parseLocalTarget(raw, context)
    });
  },
  async run(inputs, context) {
    const { ui, cwd, signal } = context;
    const { loaded, parameters } = await ui.group("Validate", async () => {
      const pipeline = await (0,pipeline_inputs/* loadPipelineFrom */.bW)(inputs, context);
      const display = external_node_path_.relative(cwd, inputs.pipeline) || inputs.pipeline;
      return {
        loaded: pipeline,
        parameters: (0,ir_parameters/* resolveRunParameters */.SA)(pipeline.spec, inputs.params, display)
      };
    });
    const target = inputs.target;
    if (inputs.runRecord) {
      await assertWritableFile(
        inputs.runRecord,
        "The run record",
        "Point run-record (--run-record) at a file in a folder you can write, e.g. .mlops/run.json."
      );
    }
    if (target.kind === "vertex") {
      const { runOnVertex } = await Promise.all(/* import() */[__webpack_require__.e(128), __webpack_require__.e(151)]).then(__webpack_require__.bind(__webpack_require__, 1151));
      const result = await runOnVertex(loaded, parameters, target, context);
      if (!result.finished) {
        return {
          outputs: {
            "run-id": result.jobName.split("/").at(-1) ?? "",
            state: result.state,
            "job-name": result.jobName,
            "console-url": result.url
          }
        };
      }
      const recordPath2 = inputs.runRecord ?? external_node_path_.resolve(cwd, ".mlops/vertex", `${result.record.runId}.json`);
      await (0,promises_.mkdir)(external_node_path_.dirname(recordPath2), { recursive: true });
      await (0,promises_.writeFile)(recordPath2, `${JSON.stringify(result.record, null, 2)}
`);
      reportRun(result.record, ui, cwd);
      return {
        outputs: {
          ...recordOutputs(result.record, recordPath2),
          "job-name": result.jobName,
          "console-url": result.url
        },
        ...result.record.state === "SUCCEEDED" ? {} : { failure: failureSummary(result.record) }
      };
    }
    await assertWritableFolder(
      target.pipelineRoot,
      "The pipeline root",
      `Point pipeline-root (--pipeline-root) at a folder you can write (the default is ${LOCAL_PIPELINE_ROOT}).`
    );
    const [{ DockerExecutor, SubprocessExecutor }, { runPipelineLocally }] = await Promise.all([
      Promise.all(/* import() */[__webpack_require__.e(260), __webpack_require__.e(327)]).then(__webpack_require__.bind(__webpack_require__, 9327)),
      Promise.all(/* import() */[__webpack_require__.e(337), __webpack_require__.e(41)]).then(__webpack_require__.bind(__webpack_require__, 41))
    ]);
    const workdir = loaded.templateUri ? cwd : external_node_path_.dirname(loaded.file);
    const executor = target.executor === "docker" ? new DockerExecutor() : new SubprocessExecutor({
      python: inputs.python,
      pythonPath: componentRoots(workdir),
      passEnv: target.taskEnv
    });
    const record = await ui.group(
      `Run ${loaded.spec.pipelineInfo.name} locally (${executor.name}, ${inputs.useCache ? "cache on" : "cache off"})`,
      () => cancelledOnHangup(
        signal,
        (runSignal) => runPipelineLocally(loaded.spec, parameters, {
          pipelineRoot: target.pipelineRoot,
          workdir,
          executor,
          parallelism: target.parallelism,
          useCache: inputs.useCache,
          observer: {
            onTaskEvent: (event) => ui.task(event),
            onWarning: (message) => ui.warning(message),
            ...target.verbose ? { onTaskOutput: (task, line) => ui.taskOutput(task, line) } : {}
          },
          signal: runSignal
        })
      )
    );
    const recordPath = external_node_path_.join(record.location, "run.json");
    if (inputs.runRecord) {
      await (0,promises_.mkdir)(external_node_path_.dirname(inputs.runRecord), { recursive: true });
      await (0,promises_.copyFile)(recordPath, inputs.runRecord);
    }
    reportRun(record, ui, cwd);
    return {
      outputs: {
        ...recordOutputs(record, inputs.runRecord ?? recordPath),
        "run-dir": record.location
      },
      ...record.state === "SUCCEEDED" ? {} : { failure: failureSummary(record) }
    };
  }
});
async function cancelledOnHangup(signal, work) {
  const hangup = new AbortController();
  const onHangup = () => hangup.abort();
  process.on("SIGHUP", onHangup);
  try {
    return await work(signal ? AbortSignal.any([signal, hangup.signal]) : hangup.signal);
  } finally {
    process.off("SIGHUP", onHangup);
  }
}
function componentRoots(workdir) {
  const root = (0,git/* gitOutput */.o)(workdir, ["rev-parse", "--show-toplevel"]);
  return root && external_node_path_.resolve(root) !== external_node_path_.resolve(workdir) ? [workdir, root] : [workdir];
}



/***/ }),

/***/ 4931:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MF: () => (/* binding */ parseVertexJobInputs),
/* harmony export */   XM: () => (/* binding */ pipelineJobRequest),
/* harmony export */   d8: () => (/* binding */ VERTEX_JOB_INPUTS)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9033);
/* harmony import */ var _core_gcp_vertex_job_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1021);


const VERTEX_JOB_INPUTS = [
  {
    name: "pipeline-service-account",
    description: "Vertex: the service account the pipeline runs as (recommended; otherwise the Compute Engine default).",
    kind: "string",
    valueName: "EMAIL"
  },
  {
    name: "display-name",
    description: "Vertex: the job's display name. Defaults to the pipeline name.",
    kind: "string",
    valueName: "NAME"
  },
  {
    name: "labels",
    description: "Vertex: extra job labels as KEY=VALUE (repository, commit and workflow run are added).",
    kind: "list",
    valueName: "KEY=VALUE"
  },
  {
    name: "network",
    description: "Vertex: VPC network to peer with (projects/NUMBER/global/networks/NAME).",
    kind: "string",
    valueName: "NETWORK"
  },
  {
    name: "encryption-key",
    description: "Vertex: Cloud KMS key for CMEK (projects/P/locations/L/keyRings/R/cryptoKeys/K).",
    kind: "string",
    valueName: "KEY"
  }
];
function parseLabels(lines) {
  const labels = {};
  for (const line of lines) {
    const [key, ...rest] = line.split("=");
    if (!key?.trim() || rest.length === 0)
      throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`label "${line}" is not KEY=VALUE`, {
        fix: "Write labels as KEY=VALUE, one per line."
      });
    labels[key.trim()] = rest.join("=").trim();
  }
  return labels;
}
function parseVertexJobInputs(raw) {
  return {
    pipelineRoot: raw.string("pipeline-root")?.trim() || void 0,
    serviceAccount: raw.string("pipeline-service-account")?.trim() || void 0,
    displayName: raw.string("display-name")?.trim() || void 0,
    labels: parseLabels(raw.list("labels")),
    network: raw.string("network")?.trim() || void 0,
    encryptionKey: raw.string("encryption-key")?.trim() || void 0
  };
}
function pipelineJobRequest(loaded, parameters, options, labels, disableCache) {
  const pipelineRoot = options.pipelineRoot ?? loaded.spec.defaultPipelineRoot;
  if (!pipelineRoot || !pipelineRoot.startsWith("gs://")) {
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(
      `Vertex runs need a gs:// pipeline root${pipelineRoot ? `, not "${pipelineRoot}"` : ""}`,
      { fix: "Set pipeline-root to a Cloud Storage folder, e.g. gs://my-bucket/pipeline-root." }
    );
  }
  return {
    displayName: options.displayName ?? loaded.spec.pipelineInfo.name,
    labels,
    pipelineSpec: disableCache ? (0,_core_gcp_vertex_job_js__WEBPACK_IMPORTED_MODULE_1__/* .withCaching */ ._3)(loaded.spec, false) : loaded.spec,
    ...loaded.templateUri ? { templateUri: loaded.templateUri } : {},
    runtimeConfig: { gcsOutputDirectory: pipelineRoot, parameterValues: parameters },
    ...options.serviceAccount ? { serviceAccount: options.serviceAccount } : {},
    ...options.network ? { network: options.network } : {},
    ...options.encryptionKey ? { encryptionSpec: { kmsKeyName: options.encryptionKey } } : {}
  };
}



/***/ }),

/***/ 3422:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ durationMs)
/* harmony export */ });
const UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5 };
function durationMs(text, bareUnit) {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  const unit = match?.[2] ?? bareUnit;
  if (!match || unit === void 0) return void 0;
  return Number(match[1]) * UNIT_MS[unit];
}



/***/ }),

/***/ 1021:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B9: () => (/* binding */ consoleUrl),
/* harmony export */   H5: () => (/* binding */ taskRecordsFromJob),
/* harmony export */   HO: () => (/* binding */ jobLabels),
/* harmony export */   _3: () => (/* binding */ withCaching),
/* harmony export */   kT: () => (/* binding */ sanitizeLabel),
/* harmony export */   kl: () => (/* binding */ TERMINAL_STATES),
/* harmony export */   u$: () => (/* binding */ runRecordFromJob),
/* harmony export */   z6: () => (/* binding */ pipelineJobId)
/* harmony export */ });
/* unused harmony export runStateOf */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9033);
/* harmony import */ var _ir_dependencies_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8909);
/* harmony import */ var _run_record_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9195);




function sanitizeLabel(text) {
  return text.toLowerCase().replace(/[^a-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 63);
}
function jobLabels(user, env) {
  const labels = { "managed-by": "mlops-platform" };
  if (env.GITHUB_REPOSITORY) labels.repository = sanitizeLabel(env.GITHUB_REPOSITORY);
  if (env.GITHUB_SHA) labels.commit = sanitizeLabel(env.GITHUB_SHA);
  if (env.GITHUB_RUN_ID) labels["workflow-run"] = sanitizeLabel(env.GITHUB_RUN_ID);
  if (env.GITHUB_WORKFLOW) labels.workflow = sanitizeLabel(env.GITHUB_WORKFLOW);
  for (const [key, value] of Object.entries(user)) {
    const cleanKey = sanitizeLabel(key);
    if (!/^[a-z]/.test(cleanKey))
      throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`label "${key}" must start with a letter`, {
        fix: "Rename the label key."
      });
    if (cleanKey === "vertex-ai-pipelines-run-billing-id")
      throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(
        `label "${key}" is reserved: Vertex AI replaces its value with the run's billing id`,
        { fix: "Use another key." }
      );
    labels[cleanKey] = sanitizeLabel(value);
  }
  return labels;
}
function pipelineJobId(pipelineName, parameters, env, now) {
  const base = sanitizeLabel(pipelineName).replace(/_/g, "-").replace(/^[^a-z]+/, "") || "pipeline";
  let suffix = now.toISOString().replace(/[-:TZ.]/g, "").slice(0, 14);
  if (env.GITHUB_RUN_ID && env.GITHUB_SHA) {
    const fingerprint = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256").update(
      JSON.stringify([
        env.GITHUB_REPOSITORY,
        env.GITHUB_SHA,
        env.GITHUB_RUN_ID,
        env.GITHUB_JOB,
        parameters
      ])
    ).digest("hex").slice(0, 8);
    const runId = env.GITHUB_RUN_ID.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    suffix = `${env.GITHUB_SHA.slice(0, 7).toLowerCase()}-${runId}-${fingerprint}`;
  }
  return `${base.slice(0, Math.max(1, 127 - suffix.length))}-${suffix}`.slice(0, 128);
}
function withCaching(spec, enable) {
  const copy = structuredClone(spec);
  for (const component of [copy.root, ...Object.values(copy.components ?? {})]) {
    for (const task of Object.values(component.dag?.tasks ?? {})) {
      if (copy.components?.[task.componentRef.name]?.executorLabel)
        task.cachingOptions = enable ? { enableCache: true } : {};
    }
  }
  return copy;
}
function consoleUrl(project, region, jobId) {
  return `https://console.cloud.google.com/vertex-ai/locations/${region}/pipelines/runs/${jobId}?project=${project}`;
}
const TERMINAL_STATES = /* @__PURE__ */ new Set([
  "PIPELINE_STATE_SUCCEEDED",
  "PIPELINE_STATE_FAILED",
  "PIPELINE_STATE_CANCELLED",
  "PIPELINE_STATE_PAUSED"
]);
const TASK_STATES = {
  PENDING: "PENDING",
  RUNNING: "RUNNING",
  CANCEL_PENDING: "RUNNING",
  CANCELLING: "RUNNING",
  SUCCEEDED: "SUCCEEDED",
  FAILED: "FAILED",
  SKIPPED: "SKIPPED",
  NOT_TRIGGERED: "NOT_TRIGGERED",
  CANCELLED: "CANCELLED"
};
function time(value) {
  const parsed = value ? Date.parse(value) : Number.NaN;
  return Number.isFinite(parsed) ? parsed : void 0;
}
function rootTask(details, jobId) {
  const named = details.find((detail) => !detail.parentTaskId && detail.taskName === jobId);
  if (named) return named;
  const parentless = details.filter((detail) => !detail.parentTaskId);
  const parents = new Set(details.map((detail) => detail.parentTaskId));
  return parentless.length === 1 && parents.has(parentless[0]?.taskId) ? parentless[0] : void 0;
}
function taskPaths(details, jobId) {
  const byId = new Map(details.map((detail) => [detail.taskId, detail]));
  const root = rootTask(details, jobId);
  const paths = /* @__PURE__ */ new Map();
  for (const detail of details) {
    if (detail === root) continue;
    const segments = [];
    const seen = /* @__PURE__ */ new Set();
    for (let current = detail; current && current !== root && !seen.has(current); current = current.parentTaskId ? byId.get(current.parentTaskId) : void 0) {
      seen.add(current);
      segments.unshift(current.taskName ?? current.taskId ?? "?");
    }
    paths.set(detail, segments.join("/"));
  }
  const taken = /* @__PURE__ */ new Set();
  for (const [detail, path] of paths) {
    const unique = taken.has(path) ? `${path}#${detail.taskId ?? taken.size}` : path;
    taken.add(unique);
    paths.set(detail, unique);
  }
  return paths;
}
function taskRecordsFromJob(job) {
  const details = job.jobDetail?.taskDetails ?? [];
  const records = {};
  for (const [detail, path] of taskPaths(details, job.name?.split("/").at(-1))) {
    const started = time(detail.startTime);
    const ended = time(detail.endTime);
    const cached = detail.execution?.state === "CACHED";
    const parameters = {};
    for (const [key, value] of Object.entries(detail.execution?.metadata ?? {})) {
      if (key.startsWith("output:"))
        parameters[key.slice("output:".length)] = value;
    }
    const artifacts = {};
    for (const [key, output] of Object.entries(detail.outputs ?? {})) {
      artifacts[key] = (output.artifacts ?? []).map((artifact) => ({
        name: artifact.displayName ?? artifact.name ?? key,
        uri: artifact.uri ?? "",
        schemaTitle: artifact.schemaTitle ?? "system.Artifact",
        metadata: artifact.metadata ?? {}
      }));
    }
    records[path] = {
      path,
      name: detail.taskName ?? path,
      // A cache hit is reported as SKIPPED with a CACHED execution: it did produce its outputs.
      state: cached ? "SUCCEEDED" : TASK_STATES[detail.state ?? ""] ?? "PENDING",
      cached,
      attempts: started === void 0 ? 0 : 1,
      ...detail.startTime ? { startTime: detail.startTime } : {},
      ...detail.endTime ? { endTime: detail.endTime } : {},
      ...started !== void 0 && ended !== void 0 ? { durationMs: ended - started } : {},
      parameters,
      artifacts,
      ...detail.error?.message ? { failure: { message: detail.error.message } } : {}
    };
  }
  return records;
}
function runStateOf(job) {
  return job.state === "PIPELINE_STATE_SUCCEEDED" ? "SUCCEEDED" : job.state === "PIPELINE_STATE_CANCELLED" ? "CANCELLED" : "FAILED";
}
function runRecordFromJob(job, spec, context) {
  const upstream = (0,_ir_dependencies_js__WEBPACK_IMPORTED_MODULE_3__/* .dependencyPaths */ .Q)(spec);
  const tasks = Object.fromEntries(
    Object.entries(taskRecordsFromJob(job)).map(([path, task]) => {
      const before = upstream.get(path) ?? [];
      return [path, before.length > 0 ? { ...task, upstream: before } : task];
    })
  );
  const outputs = {};
  for (const [key, source] of Object.entries(spec.root.dag?.outputs?.parameters ?? {})) {
    const producer = source.valueFromParameter?.producerSubtask;
    const value = producer ? tasks[producer]?.parameters[source.valueFromParameter?.outputParameterKey ?? ""] : void 0;
    if (value !== void 0) outputs[key] = value;
  }
  const started = time(job.startTime ?? job.createTime);
  const ended = time(job.endTime);
  return {
    recordVersion: _run_record_js__WEBPACK_IMPORTED_MODULE_2__/* .RUN_RECORD_VERSION */ .X1,
    ...context.producer ? { producer: context.producer } : {},
    backend: "vertex",
    runId: context.jobId,
    pipelineName: spec.pipelineInfo.name,
    pipelineRoot: job.runtimeConfig?.gcsOutputDirectory ?? "",
    parameters: context.parameters,
    state: runStateOf(job),
    startTime: job.startTime ?? job.createTime ?? (/* @__PURE__ */ new Date()).toISOString(),
    ...job.endTime ? { endTime: job.endTime } : {},
    ...started !== void 0 && ended !== void 0 ? { durationMs: ended - started } : {},
    location: consoleUrl(context.project, context.region, context.jobId),
    tasks,
    outputs,
    metrics: (0,_run_record_js__WEBPACK_IMPORTED_MODULE_2__/* .collectMetrics */ .IE)(tasks)
  };
}



/***/ }),

/***/ 8909:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ taskDependencies),
/* harmony export */   Q: () => (/* binding */ dependencyPaths)
/* harmony export */ });
function taskDependencies(task) {
  const names = new Set(task.dependentTasks ?? []);
  for (const input of Object.values(task.inputs?.parameters ?? {})) {
    if (input.taskOutputParameter?.producerTask) names.add(input.taskOutputParameter.producerTask);
    if (input.taskFinalStatus?.producerTask) names.add(input.taskFinalStatus.producerTask);
  }
  for (const input of Object.values(task.inputs?.artifacts ?? {})) {
    if (input.taskOutputArtifact?.producerTask) names.add(input.taskOutputArtifact.producerTask);
  }
  return [...names];
}
function dependencyPaths(spec) {
  const paths = /* @__PURE__ */ new Map();
  const walk = (tasks, prefix) => {
    for (const [name, task] of Object.entries(tasks)) {
      paths.set(
        `${prefix}${name}`,
        taskDependencies(task).map((dependency) => `${prefix}${dependency}`)
      );
      const component = spec.components?.[task.componentRef.name];
      if (component?.dag?.tasks) walk(component.dag.tasks, `${prefix}${name}/`);
    }
  };
  walk(spec.root.dag?.tasks ?? {}, "");
  return paths;
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
/* harmony export */   We: () => (/* binding */ gateReport),
/* harmony export */   _n: () => (/* binding */ clipMarkdown),
/* harmony export */   gI: () => (/* binding */ formatMetric)
/* harmony export */ });
/* harmony import */ var _graph_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9228);

function clipMarkdown(markdown, limit, whatLimit) {
  if (markdown.length <= limit) return markdown;
  const note = `

\u2026 (cut at GitHub's ${limit.toLocaleString("en-US")}-character limit for ${whatLimit}; the job summary has it all)`;
  return markdown.slice(0, limit - note.length) + note;
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
  return (0,_graph_js__WEBPACK_IMPORTED_MODULE_0__/* .topologicalOrder */ ._)(graph, (a, b) => a.localeCompare(b)).flatMap((path) => {
    const task = byPath.get(path);
    return task ? [task] : [];
  });
}
function mermaidDiagram(record) {
  const tasks = upstreamFirst(Object.values(record.tasks));
  const ids = new Map(tasks.map((task, index) => [task.path, `t${index}`]));
  const lines = ["flowchart LR"];
  for (const task of tasks) {
    const seconds = task.durationMs === void 0 ? "" : ` ${(task.durationMs / 1e3).toFixed(1)}s`;
    const cached = task.cached ? " cached" : "";
    lines.push(
      `  ${ids.get(task.path) ?? ""}["${label(task.path)} ${STATE_MARK[task.state] ?? ""}${seconds}${cached}"]:::${task.state.toLowerCase()}`
    );
  }
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
function gateReport(verdict, record, championSource) {
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
    `### ${title}`,
    "",
    `Run \`${record.runId}\` of \`${record.pipelineName}\` (${record.backend}), ${championSource ? `champion ${championSource}` : "no champion yet"}.`,
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
