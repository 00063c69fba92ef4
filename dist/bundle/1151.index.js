export const id = 1151;
export const ids = [1151];
export const modules = {

/***/ 1151:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runOnVertex: () => (/* binding */ runOnVertex)
/* harmony export */ });
/* unused harmony export pollDelay */
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8500);
/* harmony import */ var _adapters_gcp_vertex_pipelines_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1128);
/* harmony import */ var _adapters_package_version_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8326);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9033);
/* harmony import */ var _core_gcp_vertex_job_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1021);
/* harmony import */ var _vertex_job_inputs_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4931);






function formatWait(ms) {
  if (ms < 12e4) return `${Math.round(ms / 1e3)}s`;
  return ms < 72e5 ? `${Math.round(ms / 6e4)}m` : `${Math.round(ms / 36e5)}h`;
}
function pollDelay(attempt) {
  return Math.min(1e3 * 1.5 ** attempt, 15e3);
}
function taskEvents(previous, current) {
  const events = [];
  for (const [path, task] of Object.entries(current)) {
    if (previous[path]?.state === task.state || task.state === "PENDING") continue;
    events.push({
      path,
      state: task.state,
      cached: task.cached,
      attempt: 1,
      ...task.durationMs !== void 0 && task.state !== "RUNNING" ? { durationMs: task.durationMs } : {},
      ...task.failure ? { failure: task.failure } : {}
    });
  }
  return events;
}
async function runOnVertex(loaded, parameters, options, context) {
  const { ui, host, env, signal } = context;
  const request = (0,_vertex_job_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .pipelineJobRequest */ .XM)(
    loaded,
    parameters,
    options,
    (0,_core_gcp_vertex_job_js__WEBPACK_IMPORTED_MODULE_4__/* .jobLabels */ .HO)(options.labels, env),
    options.disableCache
  );
  const client = await _adapters_gcp_vertex_pipelines_js__WEBPACK_IMPORTED_MODULE_1__.VertexPipelines.connect({
    project: options.project,
    region: options.region,
    env,
    onRetry: (message) => ui.warning(message)
  });
  try {
    let jobId = options.jobId ?? (0,_core_gcp_vertex_job_js__WEBPACK_IMPORTED_MODULE_4__/* .pipelineJobId */ .z6)(loaded.spec.pipelineInfo.name, parameters, env, /* @__PURE__ */ new Date());
    let { job, existed } = await ui.group(
      "Submit to Vertex AI Pipelines",
      () => client.create(jobId, request)
    );
    const attempt = Number(env.GITHUB_RUN_ATTEMPT ?? "1");
    if (existed && (job.state === "PIPELINE_STATE_FAILED" || job.state === "PIPELINE_STATE_CANCELLED") && attempt > 1) {
      jobId = `${jobId}-a${attempt}`;
      ({ job, existed } = await client.create(jobId, request));
    }
    const url = (0,_core_gcp_vertex_job_js__WEBPACK_IMPORTED_MODULE_4__/* .consoleUrl */ .B9)(options.project, options.region, jobId);
    const jobName = client.jobName(jobId);
    ui.info(`${existed ? "Attached to existing" : "Created"} pipeline job ${jobName}`);
    ui.info(`Vertex console: ${url}`);
    if (!options.wait)
      return { finished: false, state: job.state ?? "PIPELINE_STATE_PENDING", jobName, url };
    host.trackCloudJob({
      kind: "vertex-pipeline-job",
      project: options.project,
      region: options.region,
      jobId
    });
    const finished = await ui.group(
      `Wait for ${jobId}`,
      () => follow(client, jobId, job, options.timeoutMs, context)
    );
    host.trackCloudJob(void 0);
    if (!finished) {
      if (signal?.aborted)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`Stopped waiting for ${jobId}; the job keeps running: ${url}`, {
          fix: "Stop it with the Stop button in the Vertex console if it is no longer wanted."
        });
      throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .RemoteFailure */ .p3(
        `${jobId} did not finish within ${formatWait(options.timeoutMs)}; it keeps running: ${url}`,
        { fix: "Raise timeout, or run with wait: false and check later." }
      );
    }
    const record = (0,_core_gcp_vertex_job_js__WEBPACK_IMPORTED_MODULE_4__/* .runRecordFromJob */ .u$)(finished, loaded.spec, {
      jobId,
      project: options.project,
      region: options.region,
      parameters,
      producer: (0,_adapters_package_version_js__WEBPACK_IMPORTED_MODULE_2__/* .runProducer */ .g)()
    });
    const failure = finished.error?.message;
    if (failure) ui.warning(`Pipeline job error: ${failure}`);
    return { finished: true, record, jobName, url };
  } finally {
    await client.close();
  }
}
async function follow(client, jobId, first, timeoutMs, { ui, signal }) {
  const deadline = Date.now() + timeoutMs;
  let job = first;
  let previous = {};
  let lastState = "";
  for (let attempt = 0; ; attempt++) {
    if (job.state !== lastState) {
      ui.info(`Job ${job.state ?? "PIPELINE_STATE_UNSPECIFIED"}`);
      lastState = job.state ?? "";
    }
    const tasks = (0,_core_gcp_vertex_job_js__WEBPACK_IMPORTED_MODULE_4__/* .taskRecordsFromJob */ .H5)(job);
    for (const event of taskEvents(previous, tasks)) ui.task(event);
    previous = tasks;
    if (_core_gcp_vertex_job_js__WEBPACK_IMPORTED_MODULE_4__/* .TERMINAL_STATES */ .kl.has(job.state ?? "")) return job;
    if (Date.now() >= deadline || signal?.aborted) return void 0;
    try {
      await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(
        Math.min(pollDelay(attempt), Math.max(deadline - Date.now(), 0)),
        void 0,
        signal ? { signal } : {}
      );
    } catch {
      return void 0;
    }
    job = await client.get(jobId);
  }
}



/***/ })

};
