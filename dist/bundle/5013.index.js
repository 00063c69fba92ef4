export const id = 5013;
export const ids = [5013];
export const modules = {

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

/***/ 5013:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  scheduleCommand: () => (/* binding */ scheduleCommand)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/gcp/grpc-codes.js
var grpc_codes = __webpack_require__(578);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/gcp/google-client.js
var google_client = __webpack_require__(9167);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/gcp/vertex-pipelines.js
var vertex_pipelines = __webpack_require__(1128);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/adapters/gcp/vertex-schedules.js



function toExisting(raw) {
  const request = raw.createPipelineJobRequest ?? {};
  const job = request.pipelineJob ?? {};
  const runtime = job.runtimeConfig ?? {};
  const encryption = job.encryptionSpec ?? {};
  const serviceAccount = (0,google_client/* text */.Qq)(job.serviceAccount);
  const network = (0,google_client/* text */.Qq)(job.network);
  const kmsKeyName = (0,google_client/* text */.Qq)(encryption.kmsKeyName);
  return {
    name: (0,google_client/* text */.Qq)(raw.name) ?? "",
    nextRunTime: (0,google_client/* timestamp */.vE)(raw.nextRunTime),
    spec: {
      displayName: (0,google_client/* text */.Qq)(raw.displayName) ?? "",
      cron: (0,google_client/* text */.Qq)(raw.cron) ?? "",
      maxConcurrentRunCount: Number(raw.maxConcurrentRunCount ?? 0),
      allowQueueing: raw.allowQueueing === true,
      state: (0,google_client/* text */.Qq)(raw.state) ?? "ACTIVE",
      pipelineJob: {
        displayName: (0,google_client/* text */.Qq)(job.displayName) ?? "",
        labels: (0,google_client/* stringMap */.Qi)(job.labels),
        pipelineSpec: (0,google_client/* decodeStruct */.yZ)(job.pipelineSpec),
        runtimeConfig: {
          gcsOutputDirectory: runtime.gcsOutputDirectory ?? "",
          parameterValues: Object.fromEntries(
            Object.entries(runtime.parameterValues ?? {}).map(([key, value]) => [
              key,
              (0,google_client/* decodeValue */.wz)(value)
            ])
          )
        },
        ...serviceAccount ? { serviceAccount } : {},
        ...network ? { network } : {},
        ...kmsKeyName ? { encryptionSpec: { kmsKeyName } } : {}
      }
    }
  };
}
class VertexSchedules {
  #session;
  #helpers;
  #options;
  constructor(google, options) {
    this.#options = options;
    this.#helpers = google.aiplatformHelpers;
    const clientOptions = (0,google_client/* vertexClientOptions */.IO)(options.env, options.region, options.project);
    this.#session = new google_client/* ClientSession */.ed(() => new google.ScheduleServiceClient(clientOptions), {
      onRetry: options.onRetry,
      fixes: {
        [grpc_codes/* RPC_CODES */.ff.INVALID_ARGUMENT]: "Vertex rejected the schedule: check cron, time-zone, the parameters and the pipeline root."
      }
    });
  }
  static async connect(options) {
    return new VertexSchedules(await (0,google_client/* loadGoogleClients */.SD)(options.project, options.env), options);
  }
  get parent() {
    return `projects/${this.#options.project}/locations/${this.#options.region}`;
  }
  async findByDisplayName(displayName) {
    const [schedules] = await this.#session.call(
      `list schedules named ${displayName}`,
      (c) => c.listSchedules({
        parent: this.parent,
        filter: `display_name="${displayName.replaceAll('"', '\\"')}"`
      })
    );
    return schedules.map(toExisting).filter((schedule) => schedule.spec.displayName === displayName);
  }
  #encode(spec) {
    return {
      displayName: spec.displayName,
      cron: spec.cron,
      maxConcurrentRunCount: spec.maxConcurrentRunCount,
      allowQueueing: spec.allowQueueing,
      createPipelineJobRequest: {
        parent: this.parent,
        pipelineJob: (0,vertex_pipelines/* encodePipelineJob */.g)(this.#helpers, spec.pipelineJob)
      }
    };
  }
  async create(spec) {
    const [schedule] = await this.#session.call(
      `create schedule ${spec.displayName}`,
      (c) => c.createSchedule({ parent: this.parent, schedule: this.#encode(spec) })
    );
    return toExisting(schedule);
  }
  async update(name, spec, paths) {
    const [schedule] = await this.#session.call(
      `update schedule ${name}`,
      (c) => c.updateSchedule({
        schedule: { name, ...this.#encode(spec) },
        updateMask: { paths: [...paths] }
      })
    );
    return toExisting(schedule);
  }
  async setState(name, state) {
    await this.#session.call(
      `${state === "PAUSED" ? "pause" : "resume"} schedule ${name}`,
      (c) => state === "PAUSED" ? c.pauseSchedule({ name }) : c.resumeSchedule({ name })
    );
  }
  async get(name) {
    const [schedule] = await this.#session.call(
      `get schedule ${name}`,
      (c) => c.getSchedule({ name })
    );
    return toExisting(schedule);
  }
  async close() {
    await this.#session.close();
  }
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/errors.js
var errors = __webpack_require__(9033);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/gcp/schedule.js


const FIELDS = [
  { label: "minute", min: 0, max: 59 },
  { label: "hour", min: 0, max: 23 },
  { label: "day of month", min: 1, max: 31 },
  {
    label: "month",
    min: 1,
    max: 12,
    names: ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
  },
  // 0 and 7 are both Sunday.
  {
    label: "day of week",
    min: 0,
    max: 7,
    names: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
  }
];
function parseCronField(field, { label, min, max, names }) {
  const values = /* @__PURE__ */ new Set();
  const problems = [];
  const bound = (text) => {
    const named = names?.indexOf(text.toLowerCase()) ?? -1;
    const value = named >= 0 ? named + min : /^\d+$/.test(text) ? Number(text) : NaN;
    if (value >= min && value <= max) return value;
    problems.push(`${label} "${text}" is not in ${min}-${max}`);
    return void 0;
  };
  for (const part of field.split(",")) {
    const [range = "", step = "1"] = part.split("/");
    if (!/^[1-9]\d*$/.test(step)) problems.push(`${label} step "${step}" is not a positive number`);
    const [first = "", last] = range.split("-");
    const whole = range === "*";
    const start = whole ? min : bound(first);
    const openEnded = whole || last === void 0 && part.includes("/");
    const end = openEnded ? max : last === void 0 ? start : bound(last);
    if (start === void 0 || end === void 0) continue;
    if (start > end) problems.push(`${label} range "${range}" starts after it ends`);
    for (let value = start; value <= end; value += Number(step) || 1) values.add(value);
  }
  return { values, problems };
}
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function cronProblems(expression) {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== FIELDS.length)
    return [
      `has ${fields.length} fields; a cron has 5 (minute hour day-of-month month day-of-week)`
    ];
  const parsed = FIELDS.map((spec, index) => parseCronField(fields[index] ?? "", spec));
  const problems = parsed.flatMap((field) => field.problems);
  const [, , days, months] = parsed;
  const [, , dayField, monthField, weekdayField] = fields;
  const fires = [...months?.values ?? []].some(
    (month) => [...days?.values ?? []].some((day) => day <= (MONTH_DAYS[month - 1] ?? 0))
  );
  if (weekdayField === "*" && days?.problems.length === 0 && months?.problems.length === 0 && !fires)
    problems.push(
      `it never fires: day of month "${dayField}" does not occur in month "${monthField}"`
    );
  return problems;
}
function timeZoneProblem(zone) {
  let resolved;
  try {
    resolved = new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return `time-zone "${zone}" is not an IANA time zone`;
  }
  if (/^[+-]/.test(resolved))
    return `time-zone "${zone}" is a UTC offset; Vertex AI takes IANA zone names only`;
  if (resolved !== zone && resolved.toLowerCase() === zone.toLowerCase())
    return `time-zone "${zone}" is spelled ${resolved}`;
  return void 0;
}
function scheduleCron(cron, zone) {
  const problems = /^(CRON_)?TZ=/.test(cron.trim()) ? ["it carries its own time zone (TZ=)"] : cronProblems(cron);
  const zoneProblem = timeZoneProblem(zone);
  if (zoneProblem) problems.push(zoneProblem);
  if (problems.length > 0) {
    throw new errors/* UserError */.yo(
      `cron "${cron}" in time-zone "${zone}" is not a schedule Vertex AI can run (${problems.length} problem${problems.length === 1 ? "" : "s"})`,
      {
        details: problems,
        fix: 'Give 5 cron fields in cron, e.g. "0 3 * * *" for 03:00 every day, ranges as low-high, and an IANA zone name in time-zone, e.g. Europe/Berlin or UTC (for a fixed offset, Etc/GMT-2 is UTC+2).'
      }
    );
  }
  return `TZ=${zone} ${cron.trim().split(/\s+/).join(" ")}`;
}
function show(value) {
  if (value === void 0 || value === "") return "(none)";
  return typeof value === "string" ? value : JSON.stringify(value);
}
function parameterChanges(before, after) {
  const keys = [.../* @__PURE__ */ new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.filter((key) => !(0,external_node_util_.isDeepStrictEqual)(before[key], after[key])).map((key) => ({
    field: `parameter ${key}`,
    path: "create_pipeline_job_request",
    before: show(before[key]),
    after: show(after[key])
  }));
}
function diffSchedule(existing, desired) {
  const changes = [];
  const compare = (field, path, before2, after2) => {
    if (!(0,external_node_util_.isDeepStrictEqual)(before2, after2))
      changes.push({ field, path, before: show(before2), after: show(after2) });
  };
  compare("cron", "cron", existing.cron, desired.cron);
  compare(
    "max concurrent runs",
    "max_concurrent_run_count",
    existing.maxConcurrentRunCount,
    desired.maxConcurrentRunCount
  );
  compare("allow queueing", "allow_queueing", existing.allowQueueing, desired.allowQueueing);
  const before = existing.pipelineJob;
  const after = desired.pipelineJob;
  const job = "create_pipeline_job_request";
  if (!(0,external_node_util_.isDeepStrictEqual)(before.pipelineSpec, after.pipelineSpec)) {
    const version = (spec) => `${spec.pipelineInfo.name} (${Object.keys(spec.components ?? {}).length} components, sdk ${spec.sdkVersion ?? "?"})`;
    changes.push({
      field: "pipeline spec",
      path: job,
      before: version(before.pipelineSpec),
      after: `${version(after.pipelineSpec)}, changed`
    });
  }
  changes.push(
    ...parameterChanges(before.runtimeConfig.parameterValues, after.runtimeConfig.parameterValues)
  );
  compare(
    "pipeline root",
    job,
    before.runtimeConfig.gcsOutputDirectory,
    after.runtimeConfig.gcsOutputDirectory
  );
  compare("service account", job, before.serviceAccount, after.serviceAccount);
  compare("job labels", job, before.labels, after.labels);
  compare("network", job, before.network, after.network);
  compare(
    "encryption key",
    job,
    before.encryptionSpec?.kmsKeyName,
    after.encryptionSpec?.kmsKeyName
  );
  compare("state", "state", existing.state, desired.state);
  return changes;
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/gcp/vertex-job.js
var vertex_job = __webpack_require__(1021);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/ir/parameters.js
var ir_parameters = __webpack_require__(8612);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/commands/command.js
var command = __webpack_require__(5435);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/commands/google-inputs.js
var google_inputs = __webpack_require__(8826);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/commands/pipeline-inputs.js + 12 modules
var pipeline_inputs = __webpack_require__(8407);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/commands/vertex-job-inputs.js
var vertex_job_inputs = __webpack_require__(4931);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/commands/schedule.js










const scheduleCommand = (0,command/* defineCommand */.NB)({
  name: "schedule",
  summary: "Create or update a Vertex AI schedule for a pipeline, found by display name, showing what changes (dry-run to only show it).",
  inputs: [
    ...pipeline_inputs/* PIPELINE_INPUTS */.Tj,
    pipeline_inputs/* PARAM_INPUT */.DZ,
    {
      name: "cron",
      description: "When to run, as 5 cron fields (minute hour day-of-month month day-of-week).",
      kind: "string",
      valueName: "CRON"
    },
    {
      name: "time-zone",
      description: "IANA time zone the cron is read in, e.g. Europe/Berlin or UTC. Required.",
      kind: "string",
      valueName: "ZONE"
    },
    {
      name: "max-concurrent-runs",
      description: "Most runs of the schedule at once.",
      kind: "integer",
      default: "1",
      valueName: "N"
    },
    {
      name: "allow-queueing",
      description: "Queue a run that would exceed max-concurrent-runs instead of skipping it.",
      kind: "boolean",
      default: "false"
    },
    {
      name: "paused",
      description: "Leave the schedule paused (true) or active (false: resumes a paused one).",
      kind: "boolean",
      default: "false"
    },
    {
      name: "schedule-name",
      description: "The schedule's display name, how it is found. Defaults to the pipeline name.",
      kind: "string",
      valueName: "NAME"
    },
    {
      name: "pipeline-root",
      description: "Vertex: the gs:// folder the scheduled runs write to (default: the spec's defaultPipelineRoot).",
      kind: "string",
      valueName: "DIR"
    },
    ...vertex_job_inputs/* VERTEX_JOB_INPUTS */.d8,
    google_inputs/* PROJECT_INPUT */.Hl,
    google_inputs/* REGION_INPUT */.aD,
    {
      name: "dry-run",
      description: "Show what would change without changing anything.",
      kind: "boolean",
      default: "false"
    }
  ],
  outputs: [
    {
      name: "schedule-name",
      description: "Resource name of the schedule (empty in a dry run that would create it)."
    },
    {
      name: "changed",
      description: "true when the schedule was (or, in a dry run, would be) created or changed."
    },
    { name: "changes", description: "JSON list of changes: field, before, after." },
    { name: "next-run-time", description: "When the schedule next starts a run." }
  ],
  parseInputs(raw, context) {
    return (0,command/* parseFields */.L5)("schedule", {
      ...(0,pipeline_inputs/* pipelineRunFields */.rJ)(raw, context),
      cron: () => {
        const given = (0,command/* parseFields */.L5)("schedule", {
          cron: () => (0,command/* requireInput */.oN)(raw, "cron", 'Give 5 cron fields, e.g. cron: "0 3 * * *".'),
          zone: () => (0,command/* requireInput */.oN)(
            raw,
            "time-zone",
            "Give the time zone the cron is meant in, e.g. time-zone: Europe/Berlin (or UTC)."
          )
        });
        return scheduleCron(given.cron, given.zone);
      },
      maxConcurrentRuns: () => (0,command/* integerInput */.$A)(raw, "max-concurrent-runs", 1),
      allowQueueing: () => (0,command/* booleanInput */.tE)(raw, "allow-queueing"),
      paused: () => (0,command/* booleanInput */.tE)(raw, "paused"),
      scheduleName: () => raw.string("schedule-name")?.trim() || void 0,
      job: () => (0,vertex_job_inputs/* parseVertexJobInputs */.MF)(raw),
      location: () => (0,google_inputs/* parseGoogleLocation */.W_)(raw, context, "Schedules"),
      dryRun: () => (0,command/* booleanInput */.tE)(raw, "dry-run")
    });
  },
  async run(inputs, context) {
    const { ui, env } = context;
    const { desired } = await ui.group("Validate", async () => {
      const loaded = await (0,pipeline_inputs/* loadPipelineFrom */.bW)(inputs, context);
      const display = external_node_path_.relative(context.cwd, inputs.pipeline) || inputs.pipeline;
      const parameters = (0,ir_parameters/* resolveRunParameters */.SA)(loaded.spec, inputs.params, display);
      const labels = { "managed-by": "mlops-platform" };
      if (env.GITHUB_REPOSITORY) labels.repository = (0,vertex_job/* sanitizeLabel */.kT)(env.GITHUB_REPOSITORY);
      for (const [key, value] of Object.entries(inputs.job.labels))
        labels[(0,vertex_job/* sanitizeLabel */.kT)(key)] = (0,vertex_job/* sanitizeLabel */.kT)(value);
      const spec = {
        displayName: inputs.scheduleName ?? loaded.spec.pipelineInfo.name,
        cron: inputs.cron,
        maxConcurrentRunCount: inputs.maxConcurrentRuns,
        allowQueueing: inputs.allowQueueing,
        state: inputs.paused ? "PAUSED" : "ACTIVE",
        pipelineJob: (0,vertex_job_inputs/* pipelineJobRequest */.XM)(loaded, parameters, inputs.job, labels, false)
      };
      return { desired: spec };
    });
    const schedules = await VertexSchedules.connect({
      ...inputs.location,
      env,
      onRetry: (message) => ui.warning(message)
    });
    try {
      const [existing, ...others] = await schedules.findByDisplayName(desired.displayName);
      if (others.length > 0) {
        throw new errors/* UserError */.yo(
          `Several schedules are named "${desired.displayName}": ${[existing, ...others].map((s) => s?.name).join(", ")}`,
          { fix: "Delete the extra ones, or give schedule-name a name of its own." }
        );
      }
      const changes = existing ? diffSchedule(existing.spec, desired) : [
        {
          field: "schedule",
          path: "",
          before: "(none)",
          after: `create ${desired.displayName}`
        }
      ];
      ui.table(
        `${inputs.dryRun ? "Would change" : "Changes to"} schedule ${desired.displayName}`,
        ["Field", "Before", "After"],
        changes.length > 0 ? changes.map((change) => [change.field, change.before, change.after]) : [["(nothing)", "up to date", ""]]
      );
      const outputs = (name, next) => ({
        "schedule-name": name,
        changed: String(changes.length > 0),
        changes: JSON.stringify(
          changes.map(({ field, before, after }) => ({ field, before, after }))
        ),
        "next-run-time": next ?? ""
      });
      if (inputs.dryRun) {
        ui.info("Dry run: nothing changed.");
        return { outputs: outputs(existing?.name ?? "", existing?.nextRunTime) };
      }
      let current = existing;
      if (!current) {
        current = await schedules.create(desired);
        ui.info(`Created schedule ${current.name} (${desired.cron})`);
      } else {
        const paths = [...new Set(changes.map((change) => change.path))].filter(
          (field) => field !== "state"
        );
        if (paths.length > 0) {
          current = await schedules.update(current.name, desired, paths);
          ui.info(`Updated ${current.name}: ${paths.join(", ")}`);
        }
      }
      if (current.spec.state !== desired.state) {
        await schedules.setState(current.name, desired.state);
        ui.info(`${desired.state === "PAUSED" ? "Paused" : "Resumed"} ${current.name}`);
        current = await schedules.get(current.name);
      }
      if (changes.length === 0) ui.info(`Schedule ${current.name} is up to date.`);
      if (current.nextRunTime) ui.info(`Next run: ${current.nextRunTime}`);
      return { outputs: outputs(current.name, current.nextRunTime) };
    } finally {
      await schedules.close();
    }
  }
});



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
