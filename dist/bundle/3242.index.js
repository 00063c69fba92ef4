export const id = 3242;
export const ids = [3242];
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

/***/ 3242:
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
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/writable.js
var writable = __webpack_require__(2251);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/ir/parameters.js
var ir_parameters = __webpack_require__(8612);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/errors.js
var errors = __webpack_require__(9033);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/commands/google-inputs.js
var google_inputs = __webpack_require__(8826);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/commands/vertex-job-inputs.js
var vertex_job_inputs = __webpack_require__(4931);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/duration.js
var duration = __webpack_require__(3422);
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
function reportRun(record, ui, cwd, verdict) {
  const tasks = Object.values(record.tasks).filter((task) => task.state !== "PENDING");
  ui.table(
    `Tasks of ${record.runId}`,
    ["Task", "State", "Duration", "Cached", "Attempts"],
    tasks.map((task) => [
      task.path,
      task.state,
      (0,duration/* formatDuration */.a)(task.durationMs),
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
  const where = record.location.includes("://") ? record.location : external_node_path_.relative(cwd, record.location) || record.location;
  ui.headline(
    verdict?.passed ?? record.state === "SUCCEEDED",
    `${verdict ? `${verdict.headline} \xB7 ` : ""}Run ${record.runId} ${record.state} in ${(0,duration/* formatDuration */.a)(record.durationMs)} \u2192 ${where}${tail}`
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
    { name: "outputs", description: "JSON object of the pipeline's output parameters." },
    {
      name: "report",
      description: "Local: the run's report, report.html in the run folder (for a Vertex run, make one with the report command)."
    }
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
      await (0,writable/* assertWritableFile */.f)(
        inputs.runRecord,
        "The run record",
        "Point run-record (--run-record) at a file in a folder you can write, e.g. .mlops/run.json."
      );
    }
    if (target.kind === "vertex") {
      const { runOnVertex } = await Promise.all(/* import() */[__webpack_require__.e(1128), __webpack_require__.e(1151)]).then(__webpack_require__.bind(__webpack_require__, 1151));
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
    await (0,writable/* assertWritableFolder */.l)(
      target.pipelineRoot,
      "The pipeline root",
      `Point pipeline-root (--pipeline-root) at a folder you can write (the default is ${LOCAL_PIPELINE_ROOT}).`
    );
    const [{ DockerExecutor, SubprocessExecutor }, { runPipelineLocally }] = await Promise.all([
      Promise.all(/* import() */[__webpack_require__.e(1260), __webpack_require__.e(9327)]).then(__webpack_require__.bind(__webpack_require__, 9327)),
      Promise.all(/* import() */[__webpack_require__.e(7337), __webpack_require__.e(41)]).then(__webpack_require__.bind(__webpack_require__, 41))
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
          ...withCommit(runCommit(context.env, workdir)),
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
    const report = await writeRunReport(record, context);
    reportRun(record, ui, cwd, report?.verdict);
    return {
      outputs: {
        ...recordOutputs(record, inputs.runRecord ?? recordPath),
        "run-dir": record.location,
        report: report?.path ?? ""
      },
      ...record.state === "SUCCEEDED" ? {} : { failure: failureSummary(record) }
    };
  }
});
function runCommit(env, workdir) {
  const commit = env.GITHUB_SHA?.trim() || (0,git/* gitOutput */.o)(workdir, ["rev-parse", "HEAD"]);
  return commit && /^[0-9a-f]{40}$/.test(commit) ? commit : void 0;
}
function withCommit(gitCommit) {
  return gitCommit ? { gitCommit } : {};
}
async function writeRunReport(record, context) {
  const output = external_node_path_.join(record.location, "report.html");
  try {
    const { writeReport } = await Promise.all(/* import() */[__webpack_require__.e(5711), __webpack_require__.e(6782), __webpack_require__.e(781)]).then(__webpack_require__.bind(__webpack_require__, 3279));
    const data = await context.ui.group(
      "Write the report",
      () => writeReport(record, { output, format: "html" }, context)
    );
    return { path: output, verdict: data.verdict };
  } catch (error) {
    context.ui.warning(`The run's report was not written: ${(0,errors/* errorMessage */.gJ)(error)}`);
    return void 0;
  }
}
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



/***/ })

};
