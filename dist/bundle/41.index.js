export const id = 41;
export const ids = [41];
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

/***/ 41:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPipelineLocally: () => (/* binding */ runPipelineLocally)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/atomic-file.js
var atomic_file = __webpack_require__(577);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/package-version.js
var package_version = __webpack_require__(8326);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/errors.js
var errors = __webpack_require__(9033);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/graph.js
var graph = __webpack_require__(9228);
// EXTERNAL MODULE: ./node_modules/@marcbachmann/cel-js/lib/index.js + 13 modules
var lib = __webpack_require__(7337);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/ir/cel.js


const environment = new lib/* Environment */.OH({ unlistedVariablesAreDyn: true }).registerFunction(
  "parseJson(string): dyn",
  (text) => JSON.parse(text)
);
function toCel(value) {
  if (Array.isArray(value)) return value.map(toCel);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toCel(v)]));
  return value;
}
function fromCel(value) {
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) return value.map(fromCel);
  if (value instanceof Map)
    return Object.fromEntries([...value].map(([k, v]) => [String(k), fromCel(v)]));
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromCel(v)]));
  return value;
}
function evaluateTriggerCondition(condition, parameterValues) {
  let result;
  try {
    result = environment.evaluate(condition, {
      inputs: { parameter_values: toCel({ ...parameterValues }) }
    });
  } catch (error) {
    throw new errors/* UserError */.yo(
      `Cannot evaluate the condition "${(0,errors/* excerpt */.Kb)(condition)}": ${(0,errors/* excerpt */.Kb)(error.message.split("\n")[0] ?? "")}`,
      {
        fix: "Check the types of the values the condition compares (integers need int(...))."
      }
    );
  }
  if (typeof result !== "boolean")
    throw new errors/* UserError */.yo(
      `The condition "${(0,errors/* excerpt */.Kb)(condition)}" gave ${(0,errors/* excerpt */.Kb)(String(result))}, not true or false`
    );
  return result;
}
function applyExpressionSelector(selector, value) {
  const context = {
    string_value: typeof value === "string" ? value : JSON.stringify(value),
    number_value: typeof value === "number" ? value : null,
    bool_value: typeof value === "boolean" ? value : null,
    struct_value: toCel(value),
    list_value: toCel(value)
  };
  try {
    return fromCel(environment.evaluate(selector, context));
  } catch (error) {
    throw new errors/* UserError */.yo(
      `Cannot evaluate the parameter selector "${(0,errors/* excerpt */.Kb)(selector)}": ${(0,errors/* excerpt */.Kb)(error.message.split("\n")[0] ?? "")}`
    );
  }
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/ir/dependencies.js
var dependencies = __webpack_require__(8909);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/run-record.js
var run_record = __webpack_require__(9195);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/duration.js
var duration = __webpack_require__(3422);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/ir/placeholders.js
var placeholders = __webpack_require__(5254);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/adapters/local-runner/local-run-types.js
const EMPTY_OUTCOME = { parameters: {}, artifacts: {} };
function groupState(outcomes) {
  if (outcomes.some((outcome) => outcome.state === "FAILED")) return "FAILED";
  if (outcomes.some((outcome) => outcome.state === "CANCELLED")) return "CANCELLED";
  return "SUCCEEDED";
}
function toArtifactRecord(artifact) {
  return {
    name: artifact.name,
    uri: artifact.uri,
    schemaTitle: artifact.schemaTitle,
    metadata: artifact.metadata
  };
}


// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/adapters/local-runner/task-cache.js





async function hashPath(target, hash) {
  const info = await (0,promises_.stat)(target).catch(() => void 0);
  if (!info) {
    hash.update(`missing:${target}`);
    return;
  }
  if (info.isDirectory()) {
    for (const entry of (await (0,promises_.readdir)(target)).sort()) {
      hash.update(`dir-entry:${entry}\0`);
      await hashPath(external_node_path_.join(target, entry), hash);
    }
    return;
  }
  hash.update(`file:${info.size}\0`);
  for await (const chunk of (0,external_node_fs_.createReadStream)(target)) hash.update(chunk);
}
async function artifactFingerprint(uri) {
  const hash = (0,external_node_crypto_.createHash)("sha256");
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(uri)) hash.update(`uri:${uri}`);
  else await hashPath(uri, hash);
  return hash.digest("hex");
}
function cacheKey(material) {
  return (0,external_node_crypto_.createHash)("sha256").update(JSON.stringify(material)).digest("hex");
}
const MANIFEST = "outputs.json";
function readManifest(text) {
  try {
    const manifest = JSON.parse(text);
    const { outputs, artifacts } = manifest;
    return manifest.digest === cacheKey({ outputs, artifacts }) ? manifest : void 0;
  } catch {
    return void 0;
  }
}
class TaskCache {
  #root;
  #copy;
  /** `copy` does the bulk writes; tests replace it to fill the disk. */
  constructor(root, options = {}) {
    this.#root = root;
    this.#copy = options.copy ?? promises_.cp;
  }
  #entry(key) {
    return external_node_path_.join(this.#root, key.slice(0, 2), key);
  }
  /**
   * Copies cached artifacts to their new locations and checks them against the hashes taken
   * when they were stored: an entry changed since (cut short by a full disk, edited) is a miss,
   * and what was copied from it is removed.
   */
  async restore(key, artifactPaths) {
    const entry = this.#entry(key);
    const text = await (0,promises_.readFile)(external_node_path_.join(entry, MANIFEST), "utf8").catch(() => void 0);
    if (text === void 0) return { hit: false };
    const manifest = readManifest(text);
    if (!manifest) return { hit: false, damage: `${MANIFEST} changed after it was cached` };
    for (const [name, destination] of Object.entries(artifactPaths)) {
      const hash = manifest.artifacts[name];
      if (hash === void 0) continue;
      const problem = await this.#copy(external_node_path_.join(entry, "artifacts", name), destination, {
        recursive: true,
        force: true
      }).then(
        async () => await artifactFingerprint(destination) === hash ? void 0 : "changed after it was cached",
        (error) => `could not be restored: ${(0,errors/* errorMessage */.gJ)(error)}`
      );
      if (problem) {
        await Promise.all(
          Object.values(artifactPaths).map((file) => (0,promises_.rm)(file, { recursive: true, force: true }))
        );
        return { hit: false, damage: `artifact "${name}" ${problem}` };
      }
    }
    return { hit: true, outputs: manifest.outputs };
  }
  /**
   * Stores a task's outputs with their hashes; written to a temporary folder and renamed, so
   * readers never see half an entry. On failure (a full disk) the temporary folder is removed.
   */
  async store(key, outputs, artifactPaths) {
    const entry = this.#entry(key);
    const staging = `${entry}.tmp-${process.pid}-${Date.now()}`;
    try {
      await (0,promises_.mkdir)(external_node_path_.join(staging, "artifacts"), { recursive: true });
      const artifacts = {};
      for (const [name, source] of Object.entries(artifactPaths)) {
        if (!await (0,promises_.stat)(source).catch(() => void 0)) continue;
        const stored = external_node_path_.join(staging, "artifacts", name);
        await this.#copy(source, stored, { recursive: true });
        artifacts[name] = await artifactFingerprint(stored);
      }
      const manifest = { outputs, artifacts, digest: cacheKey({ outputs, artifacts }) };
      await (0,promises_.writeFile)(external_node_path_.join(staging, MANIFEST), JSON.stringify(manifest));
      await (0,promises_.rm)(entry, { recursive: true, force: true });
      await (0,promises_.rename)(staging, entry).catch((error) => {
        if (error.code !== "ENOTEMPTY" && error.code !== "EEXIST") throw error;
      });
    } finally {
      await (0,promises_.rm)(staging, { recursive: true, force: true });
    }
  }
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/ir/parameters.js
var ir_parameters = __webpack_require__(8612);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/adapters/local-runner/task-outputs.js


function parseOutputText(text, type, name) {
  if (type === "STRING") return text;
  const trimmed = text.trim();
  if (type === "BOOLEAN" && /^(true|false)$/i.test(trimmed))
    return trimmed.toLowerCase() === "true";
  let parsed;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    throw new Error(
      `output parameter "${name}" is not valid ${type}: ${JSON.stringify(trimmed.slice(0, 80))}`
    );
  }
  const coerced = (0,ir_parameters/* coerceParameter */.v)(parsed, type);
  if (!coerced.ok)
    throw new Error(
      `output parameter "${name}" is not valid ${type}: ${JSON.stringify(trimmed.slice(0, 80))}`
    );
  return coerced.value;
}
async function collectOutputs(component, outputArtifacts, outputParameterFiles, executorOutputFile) {
  const text = await (0,promises_.readFile)(executorOutputFile, "utf8").catch(() => void 0);
  let executorOutput = {};
  if (text !== void 0 && text.trim() !== "") {
    try {
      executorOutput = JSON.parse(text);
    } catch {
      throw new Error(`executor_output.json is not valid JSON (${executorOutputFile})`);
    }
  }
  const parameters = {};
  for (const [key, definition] of Object.entries(component.outputDefinitions?.parameters ?? {})) {
    const type = definition.parameterType;
    const fromExecutor = executorOutput.parameterValues?.[key];
    if (fromExecutor !== void 0) {
      const coerced = (0,ir_parameters/* coerceParameter */.v)(fromExecutor, type);
      if (!coerced.ok)
        throw new Error(
          `executor_output.json gives output parameter "${key}" a value that is not ${type}`
        );
      parameters[key] = coerced.value;
      continue;
    }
    const file = outputParameterFiles[key] ?? "";
    const content = await (0,promises_.readFile)(file, "utf8").catch(() => void 0);
    if (content === void 0)
      throw new Error(
        `the task did not write output parameter "${key}" (expected ${file} or executor_output.json)`
      );
    parameters[key] = parseOutputText(content, type, key);
  }
  const artifacts = {};
  for (const [key, artifact] of Object.entries(outputArtifacts)) {
    const reported = executorOutput.artifacts?.[key]?.artifacts?.[0];
    artifacts[key] = [
      { ...artifact, metadata: { ...artifact.metadata, ...reported?.metadata ?? {} } }
    ];
  }
  return { parameters, artifacts };
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/adapters/local-runner/container-task.js










async function runContainerTask(run, record, task, component, container, scope) {
  const outputArtifacts = {};
  for (const [key2, definition] of Object.entries(component.outputDefinitions?.artifacts ?? {})) {
    const uri = external_node_path_.join(scope.dir, key2);
    outputArtifacts[key2] = {
      name: key2,
      uri,
      path: uri,
      schemaTitle: definition.artifactType.schemaTitle ?? "system.Artifact",
      metadata: {}
    };
  }
  const outputParameterFiles = {};
  for (const key2 of Object.keys(component.outputDefinitions?.parameters ?? {}))
    outputParameterFiles[key2] = external_node_path_.join(scope.dir, key2);
  const executorOutputFile = external_node_path_.join(scope.dir, "executor_output.json");
  const context = {
    parameters: scope.parameters,
    inputArtifacts: scope.artifacts,
    outputArtifacts,
    outputParameterFiles,
    executorOutputFile,
    runtime: {
      pipeline_job_name: run.runId,
      pipeline_job_resource_name: run.runId,
      pipeline_job_uuid: (0,external_node_crypto_.randomUUID)(),
      pipeline_task_name: record.name,
      pipeline_task_uuid: (0,external_node_crypto_.randomUUID)(),
      pipeline_root: run.options.pipelineRoot,
      pipeline_job_create_time_utc: (/* @__PURE__ */ new Date()).toISOString(),
      pipeline_job_schedule_time_utc: (/* @__PURE__ */ new Date()).toISOString()
    }
  };
  const command = (0,placeholders/* resolveCommandLine */.Sd)(container.command ?? [], context);
  const argv = [...command, ...(0,placeholders/* resolveCommandLine */.Sd)(container.args ?? [], context)];
  const artifactPaths = Object.fromEntries(
    Object.entries(outputArtifacts).map(([key2, artifact]) => [key2, artifact.path])
  );
  if (container.image) record.image = container.image;
  const caching = run.options.useCache && task.cachingOptions?.enableCache === true;
  const key = caching ? cacheKey({
    container: {
      image: container.image,
      command: container.command,
      args: container.args,
      env: container.env
    },
    inputs: component.inputDefinitions,
    outputs: component.outputDefinitions,
    parameters: scope.parameters,
    artifacts: await Promise.all(
      Object.entries(scope.artifacts).map(async ([name, list]) => [
        name,
        await Promise.all(
          list.map(async (a) => [a.schemaTitle, a.metadata, await artifactFingerprint(a.uri)])
        )
      ])
    )
  }) : void 0;
  return run.slots.use(async () => {
    record.state = "RUNNING";
    record.startTime = (/* @__PURE__ */ new Date()).toISOString();
    if (key) {
      const lookup = await run.cache.restore(key, artifactPaths);
      if (lookup.hit) {
        record.cached = true;
        const artifacts = Object.fromEntries(
          Object.entries(outputArtifacts).map(([name, artifact]) => [
            name,
            [{ ...artifact, metadata: lookup.outputs.artifacts[name]?.metadata ?? {} }]
          ])
        );
        return { state: "SUCCEEDED", parameters: lookup.outputs.parameters, artifacts };
      }
      if (lookup.damage)
        run.warn(
          `Task ${record.path}: its cached outputs cannot be trusted (${lookup.damage}); running it again`
        );
    }
    const retry = task.retryPolicy;
    const maxAttempts = 1 + (retry?.maxRetryCount ?? 0);
    let lastFailure;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      record.attempts = attempt;
      if (attempt > 1) {
        const backoff = Math.min(
          ((0,duration/* durationMs */.p)(retry?.backoffDuration ?? "") ?? 0) * (retry?.backoffFactor ?? 2) ** (attempt - 2),
          (0,duration/* durationMs */.p)(retry?.backoffMaxDuration ?? "3600s") ?? 0
        );
        await (0,external_node_timers_promises_.setTimeout)(backoff * (run.options.backoffScale ?? 1));
        await Promise.all(
          [executorOutputFile, ...Object.values(outputParameterFiles)].map(
            (file) => (0,promises_.rm)(file, { force: true })
          )
        );
      }
      run.emit(record);
      const logFile = external_node_path_.join(
        scope.dir,
        attempt === 1 ? "task.log" : `task.attempt-${attempt}.log`
      );
      const env = Object.fromEntries(
        (container.env ?? []).map((entry) => [entry.name ?? "", entry.value ?? ""])
      );
      const result = await run.options.executor.run({
        taskPath: record.path,
        image: container.image ?? "",
        argv,
        commandLength: command.length,
        env,
        resources: container.resources,
        workdir: run.options.workdir,
        mounts: [run.options.pipelineRoot, run.options.workdir],
        logFile,
        ...run.options.observer?.onTaskOutput ? {
          onOutput: (line) => run.options.observer?.onTaskOutput?.(record.path, line)
        } : {},
        ...run.options.signal ? { signal: run.options.signal } : {}
      });
      record.commandLine = result.commandLine;
      if (result.exitCode === 0) {
        try {
          const outputs = await collectOutputs(
            component,
            outputArtifacts,
            outputParameterFiles,
            executorOutputFile
          );
          if (key) {
            await run.cache.store(
              key,
              {
                parameters: outputs.parameters,
                artifacts: Object.fromEntries(
                  Object.entries(outputs.artifacts).map(([name, [a]]) => [
                    name,
                    { metadata: a?.metadata ?? {} }
                  ])
                )
              },
              artifactPaths
            ).catch(
              (error) => run.warn(
                `Task ${record.path}: its outputs could not be cached: ${(0,errors/* errorMessage */.gJ)(error)}`
              )
            );
          }
          return { state: "SUCCEEDED", ...outputs };
        } catch (error) {
          lastFailure = {
            message: error.message,
            exitCode: 0,
            commandLine: result.commandLine,
            logTail: result.logTail,
            logFile
          };
        }
      } else {
        lastFailure = {
          message: `exited with code ${result.exitCode}`,
          exitCode: result.exitCode,
          commandLine: result.commandLine,
          logTail: result.logTail,
          logFile,
          ...result.hint ? { hint: result.hint } : {}
        };
      }
      if (run.options.signal?.aborted) break;
    }
    record.failure = lastFailure;
    return {
      // Stopped by the run's cancellation, not by a fault of its own.
      state: run.options.signal?.aborted ? "CANCELLED" : "FAILED",
      ...EMPTY_OUTCOME,
      ...lastFailure ? { error: lastFailure.message } : {}
    };
  });
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/adapters/local-runner/importer.js


function runImporter(record, component, importer, scope) {
  const uriSource = importer.artifactUri;
  const uri = uriSource?.runtimeParameter !== void 0 ? scope.parameters[uriSource.runtimeParameter] : uriSource?.constant;
  if (typeof uri !== "string") throw new errors/* UserError */.yo(`the importer has no artifact URI`);
  const [outputKey = "artifact", output] = Object.entries(component.outputDefinitions?.artifacts ?? {})[0] ?? [];
  const context = {
    parameters: scope.parameters,
    inputArtifacts: {},
    outputArtifacts: {},
    outputParameterFiles: {},
    executorOutputFile: "",
    runtime: {}
  };
  const metadata = JSON.parse(
    (0,placeholders/* substitutePlaceholders */.pr)(JSON.stringify(importer.metadata ?? {}), context, () => "{}")
  );
  record.state = "RUNNING";
  record.attempts = 1;
  const artifact = {
    name: outputKey,
    uri,
    path: uri,
    schemaTitle: output?.artifactType.schemaTitle ?? "system.Artifact",
    metadata
  };
  return { state: "SUCCEEDED", parameters: {}, artifacts: { [outputKey]: [artifact] } };
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/adapters/local-runner/slots.js
class Slots {
  #free;
  #waiting = [];
  constructor(count) {
    this.#free = Math.max(1, count);
  }
  async use(work) {
    if (this.#free > 0) this.#free--;
    else await new Promise((resolve) => this.#waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#free++;
    }
  }
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/adapters/local-runner/parallel-for.js




async function runLoop(task, component, scope, runDag) {
  const iterator = task.parameterIterator;
  let items = void 0;
  if (iterator?.items?.raw !== void 0) items = JSON.parse(iterator.items.raw);
  else if (iterator?.items?.inputParameter !== void 0)
    items = scope.parameters[iterator.items.inputParameter];
  if (typeof items === "string") items = JSON.parse(items);
  if (!Array.isArray(items)) throw new errors/* UserError */.yo(`loop items are not a list`);
  const limit = task.iteratorPolicy?.parallelismLimit ?? 0;
  const slots = new Slots(limit > 0 ? limit : items.length);
  const itemInput = iterator?.itemInput ?? "";
  const results = await Promise.all(
    items.map(
      (item, index) => slots.use(
        () => runDag(component, {
          path: `${scope.path}/${index}`,
          dir: external_node_path_.join(scope.dir, String(index)),
          parameters: { ...scope.parameters, [itemInput]: item },
          artifacts: scope.artifacts
        })
      )
    )
  );
  const parameters = {};
  const artifacts = {};
  for (const key of Object.keys(component.dag?.outputs?.parameters ?? {})) {
    parameters[key] = results.map((result) => result.parameters[key] ?? null);
  }
  for (const key of Object.keys(component.dag?.outputs?.artifacts ?? {})) {
    artifacts[key] = results.flatMap((result) => result.artifacts[key] ?? []);
  }
  return {
    state: groupState(results),
    parameters,
    artifacts
  };
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/adapters/local-runner/task-inputs.js



async function resolveTaskInputs(runId, task, component, scope, outcomeOf) {
  const parameters = {};
  const artifacts = {};
  const templated = [];
  for (const [key, source] of Object.entries(task.inputs?.parameters ?? {})) {
    let value;
    if (source.componentInputParameter !== void 0)
      value = scope.parameters[source.componentInputParameter];
    else if (source.taskOutputParameter) {
      const producer = await outcomeOf(source.taskOutputParameter.producerTask ?? "");
      value = producer.parameters[source.taskOutputParameter.outputParameterKey ?? ""];
    } else if (source.runtimeValue) {
      value = source.runtimeValue.constant;
      if (typeof value === "string" && value.includes("{{$.inputs.parameters")) templated.push(key);
    } else if (source.taskFinalStatus) {
      const producerName = source.taskFinalStatus.producerTask ?? "";
      const producer = await outcomeOf(producerName);
      value = {
        state: producer.state === "SUCCEEDED" ? "SUCCEEDED" : producer.state === "CANCELLED" ? "CANCELLED" : "FAILED",
        error: producer.error ? { code: 2, message: producer.error } : {},
        pipelineJobResourceName: runId,
        pipelineTaskName: producerName
      };
    }
    if (value !== void 0 && source.parameterExpressionSelector)
      value = applyExpressionSelector(source.parameterExpressionSelector, value);
    parameters[key] = value;
  }
  const context = {
    parameters,
    inputArtifacts: {},
    outputArtifacts: {},
    outputParameterFiles: {},
    executorOutputFile: "",
    runtime: {}
  };
  for (const key of templated) {
    const template = parameters[key];
    if (typeof template === "string")
      parameters[key] = (0,placeholders/* substitutePlaceholders */.pr)(template, context, () => "{}");
  }
  for (const [key, definition] of Object.entries(component.inputDefinitions?.parameters ?? {})) {
    if (parameters[key] === void 0 && definition.defaultValue !== void 0)
      parameters[key] = definition.defaultValue;
    if (parameters[key] === void 0 && !definition.isOptional && key !== task.parameterIterator?.itemInput) {
      throw new errors/* UserError */.yo(`input parameter "${key}" has no value`);
    }
  }
  for (const [key, source] of Object.entries(task.inputs?.artifacts ?? {})) {
    if (source.taskOutputArtifact) {
      const producer = await outcomeOf(source.taskOutputArtifact.producerTask ?? "");
      artifacts[key] = producer.artifacts[source.taskOutputArtifact.outputArtifactKey ?? ""] ?? [];
    } else if (source.componentInputArtifact !== void 0) {
      artifacts[key] = [...scope.artifacts[source.componentInputArtifact] ?? []];
    }
  }
  for (const [key, definition] of Object.entries(component.inputDefinitions?.artifacts ?? {})) {
    if ((artifacts[key]?.length ?? 0) === 0 && !definition.isOptional) {
      throw new errors/* UserError */.yo(`input artifact "${key}" was not produced`);
    }
  }
  return { parameters, artifacts };
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/adapters/local-runner/local-runner.js
















function timestamp(date) {
  return date.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
}
async function runPipelineLocally(spec, parameters, options) {
  const started = (options.now ?? (() => /* @__PURE__ */ new Date()))();
  const location = await createRunFolder(
    options.pipelineRoot,
    `${spec.pipelineInfo.name}-${timestamp(started)}`
  );
  const record = {
    recordVersion: run_record/* RUN_RECORD_VERSION */.X1,
    producer: (0,package_version/* runProducer */.g)(),
    ...options.gitCommit ? { gitCommit: options.gitCommit } : {},
    backend: "local",
    runId: external_node_path_.basename(location),
    pipelineName: spec.pipelineInfo.name,
    pipelineRoot: options.pipelineRoot,
    parameters,
    state: "RUNNING",
    startTime: started.toISOString(),
    location,
    tasks: {},
    outputs: {},
    metrics: {}
  };
  return new LocalRun(spec, options, record).run();
}
async function createRunFolder(root, base) {
  await (0,promises_.mkdir)(root, { recursive: true });
  for (let suffix = 1; ; suffix++) {
    const folder = external_node_path_.join(root, suffix === 1 ? base : `${base}-${suffix}`);
    try {
      await (0,promises_.mkdir)(folder);
      return folder;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
  }
}
class LocalRun {
  #spec;
  #options;
  #slots;
  #cache;
  #record;
  #now;
  /** The run.json writes, one at a time; `#snapshotQueued` folds a burst of changes into one. */
  #saving = Promise.resolve();
  #snapshotQueued = false;
  constructor(spec, options, record) {
    this.#spec = spec;
    this.#options = options;
    this.#slots = new Slots(options.parallelism);
    this.#cache = options.cache ?? new TaskCache(external_node_path_.join(options.pipelineRoot, ".cache"));
    this.#record = record;
    this.#now = options.now ?? (() => /* @__PURE__ */ new Date());
  }
  async run() {
    const record = this.#record;
    this.#saveProgress();
    let outcome;
    try {
      outcome = await this.#runDag(this.#spec.root, {
        path: "",
        dir: record.location,
        parameters: record.parameters,
        artifacts: {}
      });
    } finally {
      const ended = this.#now();
      record.state = this.#options.signal?.aborted ? "CANCELLED" : outcome?.state === "SUCCEEDED" ? "SUCCEEDED" : "FAILED";
      record.endTime = ended.toISOString();
      record.durationMs = ended.getTime() - Date.parse(record.startTime);
      record.outputs = outcome?.parameters ?? {};
      record.metrics = (0,run_record/* collectMetrics */.IE)(record.tasks);
      await this.#saving;
      await this.#writeRecord();
    }
    return record;
  }
  /** run.json via a temporary file and a rename, so no reader ever sees half a record. */
  async #writeRecord() {
    await (0,atomic_file/* writeFileAtomically */.l)(
      external_node_path_.join(this.#record.location, "run.json"),
      `${JSON.stringify(this.#record, null, 2)}
`
    );
  }
  /** Saves the record as it is now, so a runner killed mid-run leaves a true record. */
  #saveProgress() {
    if (this.#snapshotQueued) return;
    this.#snapshotQueued = true;
    this.#saving = this.#saving.then(() => {
      this.#snapshotQueued = false;
      return this.#writeRecord();
    }).catch(() => void 0);
  }
  #warn(message) {
    this.#options.observer?.onWarning?.(message);
  }
  /** Reports a task's state change to the observer and to run.json. */
  #emit(task, extra = {}) {
    this.#saveProgress();
    this.#options.observer?.onTaskEvent?.({
      path: task.path,
      state: task.state,
      cached: task.cached,
      attempt: task.attempts,
      ...task.durationMs !== void 0 ? { durationMs: task.durationMs } : {},
      ...task.failure ? { failure: task.failure } : {},
      ...extra
    });
  }
  #component(name) {
    const component = this.#spec.components?.[name];
    if (!component) throw new errors/* UserError */.yo(`The spec has no component "${name}"`);
    return component;
  }
  /** Runs every task of a DAG as soon as its upstream tasks are done; returns the DAG's outputs. */
  async #runDag(component, scope) {
    const tasks = component.dag?.tasks ?? {};
    const outcomes = /* @__PURE__ */ new Map();
    const [cycle] = (0,graph/* findCycles */.p)(
      new Map(Object.entries(tasks).map(([name, task]) => [name, (0,dependencies/* taskDependencies */.N)(task)]))
    );
    if (cycle) throw new errors/* UserError */.yo(`Tasks depend on each other in a cycle: ${cycle.join(" -> ")}`);
    const outcomeOf = (name) => {
      let promise = outcomes.get(name);
      if (!promise) {
        const task = tasks[name];
        if (!task)
          throw new errors/* UserError */.yo(
            `Task "${name}" is referenced but not defined in ${scope.path || "the root DAG"}`
          );
        promise = this.#startTask(name, task, scope, (0,dependencies/* taskDependencies */.N)(task), outcomeOf);
        outcomes.set(name, promise);
      }
      return promise;
    };
    const results = await Promise.all(
      Object.keys(tasks).map(async (name) => [name, await outcomeOf(name)])
    );
    const byName = new Map(results);
    const parameters = {};
    const artifacts = {};
    for (const [key, source] of Object.entries(component.dag?.outputs?.parameters ?? {})) {
      const selectors = source.valueFromParameter ? [source.valueFromParameter] : source.valueFromOneof?.parameterSelectors ?? [];
      for (const selector of selectors) {
        const value = byName.get(selector.producerSubtask ?? "")?.parameters[selector.outputParameterKey ?? ""];
        if (value !== void 0) {
          parameters[key] = value;
          break;
        }
      }
    }
    for (const [key, source] of Object.entries(component.dag?.outputs?.artifacts ?? {})) {
      for (const selector of source.artifactSelectors ?? []) {
        const list = byName.get(selector.producerSubtask ?? "")?.artifacts[selector.outputArtifactKey ?? ""];
        if (list && list.length > 0) {
          artifacts[key] = list;
          break;
        }
      }
    }
    const error = results.find(([, outcome]) => outcome.state === "FAILED" && outcome.error)?.[1].error;
    return {
      state: groupState([...byName.values()]),
      parameters,
      artifacts,
      ...error ? { error } : {}
    };
  }
  async #startTask(name, task, scope, dependencies, outcomeOf) {
    const taskPath = scope.path ? `${scope.path}/${name}` : name;
    const record = {
      path: taskPath,
      name: task.taskInfo?.name ?? name,
      ...dependencies.length > 0 ? {
        upstream: dependencies.map(
          (dependency) => scope.path ? `${scope.path}/${dependency}` : dependency
        )
      } : {},
      state: "PENDING",
      cached: false,
      attempts: 0,
      parameters: {},
      artifacts: {}
    };
    this.#record.tasks[taskPath] = record;
    const upstream = await Promise.all(
      dependencies.map(async (dependency) => [dependency, await outcomeOf(dependency)])
    );
    const runsRegardless = task.triggerPolicy?.strategy === "ALL_UPSTREAM_TASKS_COMPLETED";
    const blocking = upstream.find(([, outcome]) => outcome.state !== "SUCCEEDED");
    if (blocking && !runsRegardless) {
      const [blocker, outcome] = blocking;
      record.state = outcome.state === "SKIPPED" ? "SKIPPED" : "NOT_TRIGGERED";
      this.#emit(record, {
        reason: outcome.state === "SKIPPED" ? `${blocker} was skipped` : `${blocker} did not succeed`
      });
      return { state: record.state, ...EMPTY_OUTCOME };
    }
    if (this.#options.signal?.aborted) {
      record.state = "CANCELLED";
      this.#emit(record);
      return { state: "CANCELLED", ...EMPTY_OUTCOME };
    }
    const started = Date.now();
    try {
      const component = this.#component(task.componentRef.name);
      const inputs = await resolveTaskInputs(this.#record.runId, task, component, scope, outcomeOf);
      const condition = task.triggerPolicy?.condition;
      if (condition && !evaluateTriggerCondition(condition, inputs.parameters)) {
        record.state = "SKIPPED";
        this.#emit(record, { reason: `condition is false: ${condition}` });
        return { state: "SKIPPED", ...EMPTY_OUTCOME };
      }
      const dir = external_node_path_.join(scope.dir, name);
      let outcome;
      if (component.dag) {
        record.state = "RUNNING";
        record.startTime = (/* @__PURE__ */ new Date()).toISOString();
        this.#emit(record);
        outcome = task.parameterIterator ? await runLoop(
          task,
          component,
          { ...inputs, path: taskPath, dir },
          (dag, dagScope) => this.#runDag(dag, dagScope)
        ) : await this.#runDag(component, { ...inputs, path: taskPath, dir });
      } else {
        outcome = await this.#runExecutor(record, task, component, {
          ...inputs,
          path: taskPath,
          dir
        });
      }
      record.state = outcome.state;
      record.parameters = outcome.parameters;
      record.artifacts = Object.fromEntries(
        Object.entries(outcome.artifacts).map(([key, list]) => [key, list.map(toArtifactRecord)])
      );
      if (outcome.error && !record.failure) record.failure = { message: outcome.error };
      return outcome;
    } catch (error) {
      record.state = "FAILED";
      record.failure ??= {
        message: error instanceof errors/* ReportedError */.SS ? error.describe() : error.message
      };
      return { state: "FAILED", ...EMPTY_OUTCOME, error: record.failure.message };
    } finally {
      if (record.state !== "SKIPPED" && record.state !== "NOT_TRIGGERED") {
        record.endTime = (/* @__PURE__ */ new Date()).toISOString();
        record.durationMs = Date.now() - started;
        if (record.startTime === void 0) record.startTime = new Date(started).toISOString();
        this.#emit(record);
      }
    }
  }
  async #runExecutor(record, task, component, scope) {
    const label = component.executorLabel ?? "";
    const executor = this.#spec.deploymentSpec.executors?.[label];
    if (!executor) throw new errors/* UserError */.yo(`No executor "${label}" in deploymentSpec`);
    await (0,promises_.mkdir)(scope.dir, { recursive: true });
    if (executor.importer) return runImporter(record, component, executor.importer, scope);
    if (!executor.container)
      throw new errors/* UserError */.yo(
        `Executor "${label}" is not a container or importer; it cannot run locally`
      );
    const run = {
      options: this.#options,
      runId: this.#record.runId,
      slots: this.#slots,
      cache: this.#cache,
      warn: (message) => this.#warn(message),
      emit: (task2) => this.#emit(task2)
    };
    return runContainerTask(run, record, task, component, executor.container, scope);
  }
}



/***/ })

};
