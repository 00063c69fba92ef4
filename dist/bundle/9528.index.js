export const id = 9528;
export const ids = [9528];
export const modules = {

/***/ 1191:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CloudStorage: () => (/* binding */ CloudStorage)
/* harmony export */ });
/* unused harmony exports ObjectTooLargeError, splitGcsUri */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9033);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6323);
/* harmony import */ var _endpoints_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(824);
/* harmony import */ var _google_client_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9167);





function splitGcsUri(uri) {
  const match = /^gs:\/\/([a-z0-9][a-z0-9._-]*[a-z0-9])\/(.+)$/.exec(uri);
  const object = match?.[2] ?? "";
  if (!match?.[1] || object.split("/").some((part) => part === "." || part === "..")) {
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${uri} is not the gs:// URI of an object`, {
      fix: "Give gs://BUCKET/OBJECT, with no . or .. segments in the object name."
    });
  }
  return { bucket: match[1], object };
}
class ObjectTooLargeError extends Error {
}
class CloudStorage {
  #auth;
  #endpoint;
  #onRetry;
  constructor(google, options) {
    this.#auth = (0,_google_client_js__WEBPACK_IMPORTED_MODULE_3__/* .googleAuth */ .Ky)(google, options.env, options.project);
    this.#endpoint = (0,_endpoints_js__WEBPACK_IMPORTED_MODULE_4__/* .googleEndpoints */ .g)(options.env).storage;
    this.#onRetry = options.onRetry;
  }
  static async connect(options) {
    return new CloudStorage(await (0,_google_client_js__WEBPACK_IMPORTED_MODULE_3__/* .loadGoogleClients */ .SD)(options.project, options.env), options);
  }
  /**
   * The sha256 (lowercase hex) of the object `uri`, or undefined when it does not exist.
   * Rate limits, server errors and dropped connections are retried from the start, under the
   * shared policy (fetchWithRetry): the bytes are hashed inside the attempt that reads them.
   */
  async sha256(uri) {
    return this.#readObject(uri, digest, Infinity);
  }
  /**
   * The object `uri` as UTF-8 text, or undefined when it does not exist. An object larger than
   * `maxBytes` is refused (by its Content-Length, and while it streams in) before it is read
   * whole: a report reads small JSON and CSV files, never a model.
   */
  async readText(uri, maxBytes) {
    return this.#readObject(uri, (response) => boundedText(uri, response, maxBytes), 6e4);
  }
  async #readObject(uri, read, timeoutMs) {
    const { bucket, object } = splitGcsUri(uri);
    const url = `${this.#endpoint}/storage/v1/b/${encodeURIComponent(bucket)}/o/${encodeURIComponent(object)}?alt=media`;
    const purpose = `read ${uri}`;
    const authorized = async () => ({
      headers: { authorization: `Bearer ${await this.#auth.getAccessToken() ?? ""}` }
    });
    try {
      return await (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .fetchWithRetry */ .J5)(
        purpose,
        url,
        authorized,
        (response) => objectReply(purpose, response, read),
        { onRetry: this.#onRetry, timeoutMs }
      );
    } catch (error) {
      if (error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ReportedError */ .SS || error instanceof _http_js__WEBPACK_IMPORTED_MODULE_2__/* .HttpError */ .j$ || error instanceof ObjectTooLargeError)
        throw error;
      throw (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .networkFailure */ .rd)(error, { host: new URL(url).host, purpose })?.error ?? new Error(`Failed to ${purpose}: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`, { cause: error });
    }
  }
}
async function objectReply(purpose, response, read) {
  if (response.status === 404) {
    await response.body?.cancel();
    return void 0;
  }
  if (response.ok && response.body) return read(response);
  const error = (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .httpError */ .p2)(purpose, await (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .readReply */ .Xw)(response));
  if (response.status === 429 || response.status >= 500) {
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteFailure */ .p3(error.message, {
      fix: "Cloud Storage kept failing: try again later.",
      cause: error
    });
  }
  throw explain(error);
}
async function digest(response) {
  const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256");
  for await (const chunk of response.body) hash.update(chunk);
  return hash.digest("hex");
}
async function boundedText(uri, response, maxBytes) {
  const tooLarge = () => new ObjectTooLargeError(`${uri} is larger than ${maxBytes} bytes`);
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const chunks = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}
function explain(error) {
  const fixes = {
    401: "The credentials were rejected: re-run the auth step, and check its workload-identity-provider and service-account.",
    403: "Grant the identity roles/storage.objectViewer on the bucket: deploy hashes the model before uploading it, and the run report reads the run's artifacts."
  };
  const fix = fixes[error.status];
  return fix ? new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(error.message, { fix, cause: error }) : error;
}



/***/ }),

/***/ 9528:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deployCommand: () => (/* binding */ deployCommand)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/gcp/vertex-serving.js + 4 modules
var vertex_serving = __webpack_require__(5972);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/errors.js
var errors = __webpack_require__(9033);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/gcp/smoke-test.js

const SMOKE_ATTEMPTS = 20;
const SMOKE_FILE_FIX = 'Write {"instances": [...]} (optionally with "parameters": {...}) or a bare array of instances, each an object keyed by feature name, e.g. {"instances": [{"tenure": 12, "Contract": "One year"}]}; or set smoke-instances to auto or none.';
function smokeSource(value) {
  const text = value?.trim() ?? "";
  if (text === "" || text === "auto") return { kind: "auto" };
  if (text === "none") return { kind: "none" };
  return { kind: "file", path: text };
}
function nestedArrays(value, at, inArray) {
  if (Array.isArray(value)) {
    const inner = value.flatMap((item, index) => nestedArrays(item, `${at}[${index}]`, true));
    return inArray ? [at, ...inner] : inner;
  }
  if (value !== null && typeof value === "object")
    return Object.entries(value).flatMap(
      ([key, item]) => nestedArrays(item, `${at}.${key}`, false)
    );
  return [];
}
function smokeFileRequest(parsed, display) {
  let instances = parsed;
  let parameters;
  const problems = [];
  if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) {
    ({ instances = null, parameters } = parsed);
    const unknown = Object.keys(parsed).filter((key) => !["instances", "parameters"].includes(key));
    if (unknown.length > 0) problems.push(`unknown key(s) ${unknown.join(", ")}`);
    if (parameters !== void 0 && (parameters === null || typeof parameters !== "object" || Array.isArray(parameters)))
      problems.push('"parameters" must be an object');
  }
  if (!Array.isArray(instances)) problems.push('no "instances" list');
  else if (instances.length === 0) problems.push('"instances" is empty');
  else
    for (const at of nestedArrays(instances, "instances", false))
      problems.push(
        `${at} is an array inside an array, which the Vertex client library (REST) sends as an object keyed "0", "1", \u2026; write the instance as an object keyed by feature name`
      );
  if (problems.length > 0 || !Array.isArray(instances))
    throw new errors/* UserError */.yo(`The smoke-instances file ${display} is not a prediction request`, {
      details: problems,
      fix: SMOKE_FILE_FIX
    });
  return {
    instances,
    parameters,
    source: display
  };
}
function smokeSchema(metadata) {
  const schema = metadata.feature_schema;
  if (schema === void 0) return "its metadata has no feature_schema";
  if (!Array.isArray(schema) || schema.length === 0)
    return "its feature_schema is not a list of features";
  const features = [];
  for (const [index, raw] of schema.entries()) {
    const entry = raw ?? {};
    if (typeof entry.name !== "string" || entry.kind !== "numeric" && entry.kind !== "categorical")
      return `feature_schema[${index}] is not {name, kind: numeric | categorical}`;
    features.push({
      name: entry.name,
      kind: entry.kind,
      example: typeof entry.example === "string" ? entry.example : void 0
    });
  }
  return features;
}
function probeInstance(features) {
  return Object.fromEntries(
    features.map((feature) => [
      feature.name,
      feature.kind === "numeric" ? 0 : feature.example ?? null
    ])
  );
}
function autoSmokePlan(metadata, artifactName) {
  const features = smokeSchema(metadata);
  if (typeof features === "string")
    return {
      skip: `the model ${artifactName} records no usable feature schema (${features}) to build a probe instance from; package it with the current package_model component, or give smoke-instances a file`,
      warn: true
    };
  return {
    send: {
      instances: [probeInstance(features)],
      parameters: void 0,
      source: `the feature schema of ${artifactName}`
    }
  };
}
async function runSmokeTest(send, request, newDeployment, promoted) {
  const others = /* @__PURE__ */ new Set();
  for (let requests = 1; ; requests++) {
    const { answer, ms } = await send();
    if (answer.predictions.length !== request.instances.length)
      throw new errors/* UserError */.yo(
        `The smoke prediction came back with ${answer.predictions.length} prediction(s) for ${request.instances.length} instance(s) (answered by deployed model ${answer.deployedModelId || "?"})`,
        {
          fix: "The serving container must return one prediction per instance: check its predict route's answer."
        }
      );
    if (answer.deployedModelId === newDeployment) return { verified: true, answer, ms, requests };
    others.add(answer.deployedModelId || "?");
    if (requests < SMOKE_ATTEMPTS) continue;
    if (promoted)
      throw new errors/* UserError */.yo(
        `The new deployment ${newDeployment} has all the traffic, but ${requests} smoke predictions were answered by deployed model(s) ${[...others].join(", ")}`,
        {
          fix: "Check the endpoint's traffic split in the Vertex console, then re-run the deploy."
        }
      );
    return { verified: false, answer, ms, requests };
  }
}
function shortJson(value, max = 120) {
  const text = JSON.stringify(value) ?? String(value);
  return text.length <= max ? text : `${text.slice(0, max - 1)}\u2026`;
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/commands/command.js
var command = __webpack_require__(5435);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/commands/deploy-journal.js

async function rollBack(journal, ui) {
  const problems = [];
  for (const entry of [...journal].reverse()) {
    try {
      await entry.undo();
      ui.info(`Undone: ${entry.change}`);
    } catch (error) {
      ui.warning(`Could not undo ${entry.change}: ${(0,errors/* errorMessage */.gJ)(error)}`);
      problems.push(`${entry.change} (${(0,errors/* errorMessage */.gJ)(error)})`);
    }
  }
  return problems;
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/gcp/cloud-storage.js
var cloud_storage = __webpack_require__(1191);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/registry/registry-client.js
var registry_client = __webpack_require__(6714);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/registry/registry-credentials.js
var registry_credentials = __webpack_require__(4195);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/gcp/deploy-plan.js

const NEW_DEPLOYMENT = "0";
function canarySplit(current, percent) {
  const live = Object.entries(current).filter(([, share]) => share > 0);
  const total = live.reduce((sum, [, share]) => sum + share, 0);
  if (percent >= 100 || total === 0) return { [NEW_DEPLOYMENT]: 100 };
  const rest = 100 - percent;
  const exact = live.map(([id, share]) => ({ id, value: share / total * rest }));
  const result = { [NEW_DEPLOYMENT]: percent };
  for (const { id, value } of exact) result[id] = Math.floor(value);
  let missing = rest - exact.reduce((sum, { id }) => sum + (result[id] ?? 0), 0);
  for (const { id } of [...exact].sort(
    (a, b) => b.value % 1 - a.value % 1 || a.id.localeCompare(b.id)
  )) {
    if (missing <= 0) break;
    result[id] = (result[id] ?? 0) + 1;
    missing--;
  }
  return result;
}
function promotedSplit(deployedModelId) {
  return { [deployedModelId]: 100 };
}
function splitWithout(current, removed) {
  const rest = Object.fromEntries(
    Object.entries(current).filter(([id, share]) => id !== removed && share > 0)
  );
  if (Object.keys(rest).length === 0) return {};
  const scaled = canarySplit(rest, 0);
  delete scaled[NEW_DEPLOYMENT];
  return scaled;
}
function deploymentsToRetire(deployments, split, promotedId, keep) {
  const others = deployments.filter((deployment) => deployment.id !== promotedId).sort((a, b) => (b.createTime ?? "").localeCompare(a.createTime ?? ""));
  return others.slice(Math.max(keep - 1, 0)).filter((deployment) => (split[deployment.id] ?? 0) === 0).map((deployment) => deployment.id);
}
function minorVersion(version) {
  const match = /(\d+)[.-](\d+)/.exec(version);
  return match ? `${match[1]}.${match[2]}` : void 0;
}
const PREBUILT_SKLEARN = /\/vertex-ai\/prediction\/sklearn-(?:cpu|gpu)\.(\d+)-(\d+)(?::|@|$)/;
function prebuiltSklearnVersion(imageUri) {
  const match = PREBUILT_SKLEARN.exec(imageUri);
  return match ? `${match[1]}.${match[2]}` : void 0;
}
function prebuiltImageHost(region) {
  if (region.startsWith("europe-")) return "europe-docker.pkg.dev";
  if (/^(asia|australia|me)-/.test(region)) return "asia-docker.pkg.dev";
  return "us-docker.pkg.dev";
}
function prebuiltSklearnImage(region, sklearnVersion) {
  const minor = minorVersion(sklearnVersion);
  if (!minor) {
    throw new errors/* UserError */.yo(`Cannot tell the scikit-learn version from "${sklearnVersion}"`, {
      fix: "Record framework_version in the model artifact metadata, or give serving-image."
    });
  }
  return `${prebuiltImageHost(region)}/vertex-ai/prediction/sklearn-cpu.${minor.replace(".", "-")}:latest`;
}
function checkFrameworkVersions(model, image) {
  if (!model.version || !image.version) return;
  if (model.framework && !/sklearn|scikit/i.test(model.framework)) return;
  const trained = minorVersion(model.version);
  const served = minorVersion(image.version);
  if (trained && served && trained !== served) {
    throw new errors/* UserError */.yo(
      `The model was trained with scikit-learn ${model.version}, but the serving image ${image.uri} has scikit-learn ${image.version} (${image.source})`,
      {
        fix: `Serve it with an image that has scikit-learn ${trained} (e.g. serving-image: prebuilt picks sklearn-cpu.${trained.replace(".", "-")}), or retrain with ${served}.`
      }
    );
  }
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/gcp/model-integrity.js

const MODEL_FILE = "model.joblib";
const MODEL_SHA256_KEY = "model_sha256";
const MODEL_SHA256_ENV = "MLOPS_MODEL_SHA256";
const SHA256 = /^[0-9a-f]{64}$/;
function recordedModelHash(metadata, artifactName) {
  const value = metadata[MODEL_SHA256_KEY];
  if (value === void 0 || value === null) return void 0;
  if (typeof value !== "string" || !SHA256.test(value)) {
    throw new errors/* UserError */.yo(
      `The model ${artifactName} records ${MODEL_SHA256_KEY} ${(0,errors/* excerpt */.Kb)(JSON.stringify(value), 80)}, which is not a sha256`,
      {
        fix: "Deploy the run record as the run wrote it (64 lowercase hexadecimal digits), or train again."
      }
    );
  }
  return value;
}
function checkModelHash(expected, actual, fileUri, artifactName) {
  if (actual === void 0) {
    throw new errors/* UserError */.yo(
      `The model file ${fileUri} does not exist, so it cannot be the model ${artifactName} the gate scored (sha256 ${expected}); nothing was deployed`,
      {
        fix: "Check the run record names the run whose model you mean to deploy, and whether the model folder was moved or deleted (a bucket lifecycle rule?); train again if it is gone."
      }
    );
  }
  if (actual !== expected) {
    throw new errors/* UserError */.yo(
      `The model file ${fileUri} has sha256 ${actual}, but the run record says ${artifactName} had sha256 ${expected}: it is not the model the gate scored, so nothing was deployed`,
      {
        fix: "Find out what changed the model folder since the run (loading a model runs code: treat the bucket as compromised until you know), then deploy a fresh training run."
      }
    );
  }
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/gcp/vertex-job.js
var vertex_job = __webpack_require__(1021);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/images/framework-versions.js
var framework_versions = __webpack_require__(7589);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/run-record.js
var run_record = __webpack_require__(9195);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/gcp/google-client.js
var google_client = __webpack_require__(9167);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/gcp/grpc-codes.js
var grpc_codes = __webpack_require__(578);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/commands/google-inputs.js
var google_inputs = __webpack_require__(8826);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/commands/deploy-smoke.js







const SMOKE_INPUTS = [
  {
    name: "smoke-instances",
    description: 'The smoke prediction sent to the new deployment before the aliases move: auto (one instance built from the feature schema the model recorded; skipped with a warning when it recorded none), none, or a JSON file of {"instances": [...]} or a bare array, each instance an object keyed by feature name.',
    kind: "string",
    default: "auto",
    valueName: "FILE"
  },
  {
    name: "smoke-timeout",
    description: "How long each smoke prediction may take.",
    kind: "string",
    default: "60s",
    valueName: "DURATION"
  }
];
const SMOKE_OUTPUT = {
  name: "smoke-prediction",
  description: "JSON: the new deployment's first prediction for the smoke request ('' when skipped, or when a canary was never picked)."
};
async function planSmoke(source, metadata, artifactName, cwd) {
  if (source.kind === "none") return { skip: "smoke-instances is none", warn: false };
  if (source.kind === "auto") return autoSmokePlan(metadata, artifactName);
  const parsed = await (0,google_inputs/* readJsonFile */.JE)(
    source.path,
    cwd,
    "The smoke-instances file",
    'a JSON file of {"instances": [...]}, or set smoke-instances to auto or none'
  );
  return {
    send: smokeFileRequest(parsed, external_node_path_.relative(cwd, source.path) || source.path)
  };
}
async function smokePrediction(serving, target, plan, timeoutMs, ui) {
  if ("skip" in plan) {
    const note = `No smoke prediction: ${plan.skip}.`;
    if (plan.warn) ui.warning(note);
    else ui.info(note);
    return {
      summary: plan.warn ? "skipped (no feature schema: see the warning)" : "skipped",
      prediction: ""
    };
  }
  const request = plan.send;
  const { endpoint, deployedModelId } = target;
  ui.info(`Sending ${request.instances.length} instance(s) from ${request.source}`);
  let outcome;
  try {
    outcome = await runSmokeTest(
      async () => {
        const started = performance.now();
        const answer2 = await serving.predict(
          endpoint,
          request.instances,
          request.parameters,
          timeoutMs
        );
        return { answer: answer2, ms: Math.round(performance.now() - started) };
      },
      request,
      deployedModelId,
      target.promoted
    );
  } catch (error) {
    throw smokeFailure(error, target.imageUri);
  }
  const { answer, ms, requests } = outcome;
  const first = shortJson(answer.predictions[0]);
  if (!outcome.verified) {
    ui.warning(
      `The canary ${deployedModelId} could not be verified: the traffic split sent all ${requests} smoke predictions to deployed model(s) other than it (last: ${answer.deployedModelId}, which answered ${first}).`
    );
    return {
      summary: `not verified (canary not picked in ${SMOKE_ATTEMPTS} requests)`,
      prediction: ""
    };
  }
  ui.info(
    `Answered by the new deployment ${deployedModelId} (version ${answer.modelVersionId}) in ${ms} ms${requests > 1 ? `, on request ${requests}` : ""}: ${first}`
  );
  return {
    summary: `${first} (${ms} ms)`,
    prediction: JSON.stringify(answer.predictions[0]) ?? ""
  };
}
function smokeFailure(error, imageUri) {
  const code = (0,google_client/* grpcCode */._K)(error.cause);
  let fix = error.fix;
  const refused = code === grpc_codes/* RPC_CODES */.ff.INVALID_ARGUMENT || code === grpc_codes/* RPC_CODES */.ff.FAILED_PRECONDITION || fix === void 0;
  if (refused) {
    fix = "The new deployment's serving container refused the smoke request (its answer is above): fix the model, the serving image or the smoke-instances file, then re-run the deploy.";
    if (prebuiltSklearnVersion(imageUri))
      fix += " Vertex's prebuilt scikit-learn images take only array instances, which the client library cannot send intact (see smoke-instances): serve with a custom image such as pipelines/Dockerfile.serving, or set smoke-instances to none.";
  }
  return (0,errors/* reportLike */.mA)(
    refused ? void 0 : error,
    `The smoke prediction failed: ${error.message}`,
    {
      fix,
      cause: error
    }
  );
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/commands/deploy-preflight.js











async function planDeploy(inputs, context) {
  const record = await (0,google_inputs/* readRunRecord */.lR)(inputs.runRecord, context.cwd);
  if (record.state !== "SUCCEEDED") {
    throw new errors/* UserError */.yo(`Run ${record.runId} ${record.state}; only a succeeded run is deployed`, {
      fix: "Deploy the record of a run that succeeded (and passed the gate)."
    });
  }
  const located = (0,run_record/* modelArtifact */.k5)(record, inputs.modelOutput);
  const artifactName = `${located.task}.${located.output}`;
  const smoke = await planSmoke(inputs.smoke, located.artifact.metadata, artifactName, context.cwd);
  const artifactUri = located.artifact.uri.replace(/\/+$/, "");
  if (!artifactUri.startsWith("gs://")) {
    throw new errors/* UserError */.yo(
      `The model ${artifactName} is at ${artifactUri}, not in Cloud Storage; Vertex serves models from gs://`,
      { fix: "Deploy a run made on Vertex AI (run with target: vertex)." }
    );
  }
  const framework = located.artifact.metadata.framework;
  const trainedWith = located.artifact.metadata.framework_version;
  const modelFramework = {
    framework: typeof framework === "string" ? framework : void 0,
    version: typeof trainedWith === "string" ? trainedWith : void 0
  };
  let imageUri = inputs.servingImage;
  if (imageUri === "prebuilt") {
    if (!modelFramework.version) {
      throw new errors/* UserError */.yo(
        `The model ${artifactName} does not record its framework_version, so no prebuilt image can be matched to it`,
        {
          fix: "Write framework and framework_version into the model artifact metadata, or set serving-image to an image URI."
        }
      );
    }
    imageUri = prebuiltSklearnImage(inputs.location.region, modelFramework.version);
  }
  const image = await servingImageVersion(imageUri, context);
  checkFrameworkVersions(modelFramework, { uri: imageUri, ...image });
  if (!image.version && modelFramework.version) {
    context.ui.warning(
      `Cannot tell which scikit-learn ${imageUri} has (${image.source}); make sure it is ${modelFramework.version}, the version the model was trained with.`
    );
  }
  let metrics = {};
  try {
    metrics = (0,run_record/* taskMetrics */.TH)(record.metrics, inputs.metricsTask).metrics;
  } catch (error) {
    if (inputs.metricsTask !== void 0) throw error;
    context.ui.warning(`No evaluation metrics attached to the version: ${(0,errors/* errorMessage */.gJ)(error)}`);
  }
  return {
    record,
    artifactUri,
    artifactName,
    imageUri,
    metrics,
    runLabel: (0,vertex_job/* sanitizeLabel */.kT)(record.runId).slice(0, 63),
    smoke,
    modelSha256: await verifyStoredModel(
      inputs,
      artifactUri,
      artifactName,
      located.artifact.metadata,
      context
    )
  };
}
async function verifyStoredModel(inputs, artifactUri, artifactName, metadata, { env, ui }) {
  const expected = recordedModelHash(metadata, artifactName);
  const fileUri = `${artifactUri}/${MODEL_FILE}`;
  if (expected === void 0) {
    ui.warning(
      `The run record holds no sha256 of ${artifactName} (it was packaged before model hashes were recorded): deploying ${fileUri} without checking it is the model the gate scored. Train again to get a record that ties the two.`
    );
    return void 0;
  }
  const storage = await cloud_storage.CloudStorage.connect({
    project: inputs.location.project,
    env,
    onRetry: (message) => ui.warning(message)
  });
  checkModelHash(expected, await storage.sha256(fileUri), fileUri, artifactName);
  ui.info(`${fileUri} has the sha256 the run recorded (${expected}).`);
  return expected;
}
async function servingImageVersion(imageUri, context) {
  const prebuilt = prebuiltSklearnVersion(imageUri);
  if (prebuilt) return { version: prebuilt, source: "from the prebuilt image name" };
  const read = await (0,registry_client/* readImageLabels */.lO)(imageUri, (0,registry_credentials/* registryCredentials */.Qn)(context.env));
  if ("error" in read)
    return { version: void 0, source: `its labels could not be read: ${read.error}` };
  const label = framework_versions/* SKLEARN_VERSION_LABELS */.q3.find((key) => read.labels[key]);
  return label ? { version: read.labels[label], source: `label ${label}` } : { version: void 0, source: `no ${framework_versions/* SKLEARN_VERSION_LABELS */.q3[0]} label` };
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/gcp/evaluation-metrics.js
var evaluation_metrics = __webpack_require__(3707);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/commands/model-inputs.js
var model_inputs = __webpack_require__(8840);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/commands/deploy-steps.js







async function deploy(serving, inputs, plan, journal, context) {
  const { ui } = context;
  const version = await ui.group(
    "Model Registry",
    () => registerVersion(serving, inputs, plan, journal, context)
  );
  const { endpoint, deployedModelId } = await ui.group(
    `Deploy ${version.versionName} (${inputs.traffic}% of traffic)`,
    () => deployVersion(serving, inputs, version, journal, context)
  );
  const promoted = endpoint.trafficSplit[deployedModelId] === 100;
  const smoke = await ui.group(
    "Smoke prediction",
    () => smokePrediction(
      serving,
      { endpoint: endpoint.name, deployedModelId, promoted, imageUri: plan.imageUri },
      plan.smoke,
      inputs.smokeTimeoutMs,
      ui
    )
  );
  await ui.group("Aliases", () => moveAliases(serving, promoted, version, journal, ui));
  journal.length = 0;
  const final = promoted ? await ui.group(
    "Retire old deployments",
    () => retire(serving, endpoint.name, deployedModelId, inputs.keepDeployed, ui)
  ) : endpoint;
  const endpointId = final.name.split("/").at(-1) ?? "";
  const url = `https://console.cloud.google.com/vertex-ai/online-prediction/locations/${inputs.location.region}/endpoints/${endpointId}?project=${inputs.location.project}`;
  ui.table(
    `Deployed ${inputs.model}`,
    ["Model version", "Endpoint", "Deployed model", "Traffic split", "Smoke prediction"],
    [
      [
        version.versionName,
        final.name,
        deployedModelId,
        Object.entries(final.trafficSplit).map(([id, share]) => `${id}${id === deployedModelId ? " (new)" : ""}: ${share}%`).join(", "),
        smoke.summary
      ]
    ]
  );
  ui.info(`Endpoint: ${url}`);
  return {
    outputs: {
      model: version.model,
      "model-version": version.versionId,
      "model-version-name": version.versionName,
      endpoint: final.name,
      "deployed-model-id": deployedModelId,
      "traffic-split": JSON.stringify(final.trafficSplit),
      "endpoint-url": url,
      "smoke-prediction": smoke.prediction
    }
  };
}
async function registerVersion(serving, inputs, plan, journal, { ui, env }) {
  const [parent, ...others] = await serving.findModels(...(0,model_inputs/* modelLabel */.mM)(inputs.model));
  if (others.length > 0) {
    throw new errors/* UserError */.yo(
      `Several registry models are labelled ${(0,model_inputs/* modelLabel */.mM)(inputs.model).join("=")}: ${[parent, ...others].map((m) => m?.model).join(", ")}`,
      { fix: "Remove the label from all but one of them." }
    );
  }
  if (parent) {
    const versions = await serving.listVersions(parent.model);
    const existing = versions.find(
      (version2) => version2.labels.mlops_run === plan.runLabel && version2.artifactUri === plan.artifactUri
    );
    if (existing) {
      ui.info(`Version ${existing.versionName} already holds this run's model: reusing it.`);
      return existing;
    }
  }
  const labels = {
    [(0,model_inputs/* modelLabel */.mM)(inputs.model)[0]]: inputs.model,
    mlops_run: plan.runLabel,
    "managed-by": "mlops-platform"
  };
  if (env.GITHUB_SHA) labels.commit = (0,vertex_job/* sanitizeLabel */.kT)(env.GITHUB_SHA);
  if (env.GITHUB_RUN_ID) labels["workflow-run"] = (0,vertex_job/* sanitizeLabel */.kT)(env.GITHUB_RUN_ID);
  const version = await serving.upload({
    displayName: inputs.model,
    parentModel: parent?.model,
    modelId: parent ? void 0 : inputs.model,
    labels,
    artifactUri: plan.artifactUri,
    description: `${plan.artifactName} of run ${plan.record.runId}${env.GITHUB_SHA ? ` (commit ${env.GITHUB_SHA.slice(0, 7)})` : ""}`,
    container: {
      imageUri: plan.imageUri,
      predictRoute: inputs.predictRoute,
      healthRoute: inputs.healthRoute,
      port: inputs.servingPort,
      // The server checks the file it loads against the hash checked here.
      env: plan.modelSha256 ? { [MODEL_SHA256_ENV]: plan.modelSha256 } : void 0
    },
    aliases: []
  });
  journal.push(
    parent ? {
      change: `uploaded version ${version.versionName}`,
      undo: () => serving.deleteVersion(version.versionName)
    } : {
      change: `created model ${version.model}`,
      undo: () => serving.deleteModel(version.model)
    }
  );
  ui.info(
    `${parent ? "Uploaded version" : "Created model"} ${version.versionName} from ${plan.artifactUri} (serving image ${plan.imageUri})`
  );
  if (Object.keys(plan.metrics).length > 0) {
    await serving.importEvaluation(
      version.versionName,
      `${plan.record.runId} evaluation`,
      (0,evaluation_metrics/* evaluationImport */.yd)(plan.metrics),
      {
        run: plan.record.runId,
        location: plan.record.location,
        ...env.GITHUB_SHA ? { commit: env.GITHUB_SHA } : {}
      }
    );
    ui.info(`Attached ${Object.keys(plan.metrics).length} evaluation metrics to it.`);
  }
  return version;
}
async function deployVersion(serving, inputs, version, journal, { ui }) {
  const [found, ...others] = await serving.findEndpoints(...(0,model_inputs/* endpointLabel */.md)(inputs.endpoint));
  if (others.length > 0) {
    throw new errors/* UserError */.yo(
      `Several endpoints are labelled ${(0,model_inputs/* endpointLabel */.md)(inputs.endpoint).join("=")}: ${[found, ...others].map((e) => e?.name).join(", ")}`,
      { fix: "Remove the label from all but one of them." }
    );
  }
  let endpoint = found;
  if (!endpoint) {
    const created = await serving.createEndpoint(inputs.endpoint, inputs.endpoint, {
      [(0,model_inputs/* endpointLabel */.md)(inputs.endpoint)[0]]: inputs.endpoint,
      "managed-by": "mlops-platform"
    });
    endpoint = created.endpoint;
    if (created.created) {
      const name = endpoint.name;
      journal.push({
        change: `created endpoint ${name}`,
        undo: () => serving.deleteEndpoint(name)
      });
      ui.info(`Created endpoint ${name}`);
    }
  }
  const endpointName = endpoint.name;
  const before = endpoint.trafficSplit;
  const existing = endpoint.deployedModels.find(
    (deployed) => deployed.model.split("@")[0] === version.model && deployed.modelVersionId === version.versionId
  );
  if (existing) {
    const wanted = inputs.traffic === 100 ? promotedSplit(existing.id) : renameNew(canarySplit(splitWithout(before, existing.id), inputs.traffic), existing.id);
    if (sameSplit(wanted, before)) {
      ui.info(`${version.versionName} is already deployed as ${existing.id} with this traffic.`);
      return { endpoint, deployedModelId: existing.id };
    }
    const updated = await serving.setTraffic(endpointName, wanted);
    journal.push({
      change: `traffic split ${formatSplit(before)} \u2192 ${formatSplit(wanted)}`,
      undo: async () => {
        await serving.setTraffic(endpointName, before);
      }
    });
    ui.info(`Traffic: ${formatSplit(before)} \u2192 ${formatSplit(updated.trafficSplit)}`);
    return { endpoint: updated, deployedModelId: existing.id };
  }
  const split = canarySplit(before, inputs.traffic);
  const deployedModelId = await serving.deploy(
    endpointName,
    {
      model: version.versionName,
      displayName: `${inputs.model}-v${version.versionId}`,
      machineType: inputs.machineType,
      minReplicas: inputs.minReplicas,
      maxReplicas: inputs.maxReplicas,
      serviceAccount: inputs.servingServiceAccount
    },
    split
  );
  journal.push({
    change: `deployed ${version.versionName} as ${deployedModelId} (traffic was ${formatSplit(before)})`,
    undo: async () => {
      if (Object.keys(before).length > 0) await serving.setTraffic(endpointName, before);
      await serving.undeploy(endpointName, deployedModelId, {});
    }
  });
  const after = await serving.getEndpoint(endpointName);
  ui.info(
    `Deployed as ${deployedModelId}; traffic ${formatSplit(before)} \u2192 ${formatSplit(after.trafficSplit)}`
  );
  return { endpoint: after, deployedModelId };
}
async function moveAliases(serving, promoted, version, journal, ui) {
  const alias = promoted ? model_inputs/* CHAMPION_ALIAS */.Lp : model_inputs/* CANARY_ALIAS */.SD;
  if (version.aliases.includes(alias) && (alias === model_inputs/* CANARY_ALIAS */.SD || !version.aliases.includes(model_inputs/* CANARY_ALIAS */.SD))) {
    ui.info(`${version.versionName} already has the ${alias} alias.`);
    return;
  }
  const holder = await serving.getVersion(`${version.model}@${alias}`);
  const changes = [
    alias,
    ...alias === model_inputs/* CHAMPION_ALIAS */.Lp && version.aliases.includes(model_inputs/* CANARY_ALIAS */.SD) ? [`-${model_inputs/* CANARY_ALIAS */.SD}`] : []
  ];
  await serving.mergeAliases(version.versionName, changes);
  journal.push({
    change: `alias ${alias} moved to ${version.versionName}${holder ? ` from ${holder.versionName}` : ""}`,
    undo: async () => {
      if (holder) await serving.mergeAliases(holder.versionName, [alias]);
      else await serving.mergeAliases(version.versionName, [`-${alias}`]);
      if (changes.includes(`-${model_inputs/* CANARY_ALIAS */.SD}`))
        await serving.mergeAliases(version.versionName, [model_inputs/* CANARY_ALIAS */.SD]);
    }
  });
  ui.info(
    `Alias ${alias} \u2192 ${version.versionName}${holder && holder.versionId !== version.versionId ? ` (was ${holder.versionName})` : ""}`
  );
}
async function retire(serving, endpointName, promotedId, keep, ui) {
  const endpoint = await serving.getEndpoint(endpointName);
  const retiring = deploymentsToRetire(
    endpoint.deployedModels,
    endpoint.trafficSplit,
    promotedId,
    keep
  );
  if (retiring.length === 0) {
    ui.info(`Nothing to retire: ${endpoint.deployedModels.length} deployment(s), keeping ${keep}.`);
    return endpoint;
  }
  for (const id of retiring) {
    try {
      await serving.undeploy(endpointName, id, {});
      ui.info(`Undeployed ${id}`);
    } catch (error) {
      ui.warning(`Could not undeploy ${id} (it stays deployed at 0%): ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
  }
  return serving.getEndpoint(endpointName);
}
function renameNew(split, id) {
  const { [NEW_DEPLOYMENT]: share = 0, ...rest } = split;
  return { ...rest, [id]: share };
}
function sameSplit(a, b) {
  const keys = /* @__PURE__ */ new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => (a[key] ?? 0) === (b[key] ?? 0));
}
function formatSplit(split) {
  const entries = Object.entries(split).filter(([, share]) => share > 0);
  return entries.length > 0 ? `{${entries.map(([id, share]) => `${id}: ${share}%`).join(", ")}}` : "{}";
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/commands/deploy.js











const deployCommand = (0,command/* defineCommand */.NB)({
  name: "deploy",
  summary: "Upload a run's model to the Vertex Model Registry as a new version and deploy it to an endpoint (canary or full), check it with a smoke prediction, rolling back on failure.",
  inputs: [
    { ...google_inputs/* RUN_RECORD_INPUT */.vj, required: true, positional: true },
    { ...model_inputs/* MODEL_INPUT */.Jg, required: true },
    {
      name: "model-output",
      description: "The model to deploy as TASK.OUTPUT (e.g. package-model.deployable_model). Defaults to the run's only Model output, else the one from a packaging task.",
      kind: "string",
      valueName: "TASK.OUTPUT"
    },
    {
      name: "metrics-task",
      description: "The task whose metrics are attached to the model version (the next gate reads them as the champion's). Defaults as in gate.",
      kind: "string",
      valueName: "TASK"
    },
    {
      name: "endpoint",
      description: "Name of the endpoint (found by its mlops_endpoint label, created when missing). Defaults to the model name.",
      kind: "string",
      valueName: "NAME"
    },
    {
      name: "serving-image",
      description: "prebuilt: Vertex's scikit-learn image matching the version the model was trained with; or an image URI (checked against the model's framework version when its name tells).",
      kind: "string",
      default: "prebuilt",
      valueName: "IMAGE"
    },
    {
      name: "predict-route",
      description: "Custom images: the HTTP path of predictions.",
      kind: "string",
      valueName: "PATH"
    },
    {
      name: "health-route",
      description: "Custom images: the HTTP path of health checks.",
      kind: "string",
      valueName: "PATH"
    },
    {
      name: "serving-port",
      description: "Custom images: the port the server listens on (Vertex default 8080).",
      kind: "integer",
      valueName: "PORT"
    },
    {
      name: "machine-type",
      description: "Machine type of each replica.",
      kind: "string",
      default: "n1-standard-2",
      valueName: "TYPE"
    },
    {
      name: "min-replicas",
      description: "Replicas always running.",
      kind: "integer",
      default: "1",
      valueName: "N"
    },
    {
      name: "max-replicas",
      description: "Most replicas under load (autoscaling). Defaults to min-replicas.",
      kind: "integer",
      valueName: "N"
    },
    {
      name: "traffic",
      description: "Percent of the endpoint's traffic for the new version: below 100 is a canary (the others keep the rest); 100 promotes it, moves the champion alias and retires old deployments. Re-running with 100 promotes a canary.",
      kind: "integer",
      default: "100",
      valueName: "PERCENT"
    },
    {
      name: "keep-deployed",
      description: "Deployments to keep on the endpoint after a promotion, the new one included (the others stay at 0% for a quick rollback).",
      kind: "integer",
      default: "2",
      valueName: "N"
    },
    {
      name: "serving-service-account",
      description: "Service account the serving containers run as.",
      kind: "string",
      valueName: "EMAIL"
    },
    google_inputs/* PROJECT_INPUT */.Hl,
    google_inputs/* REGION_INPUT */.aD,
    {
      name: "deploy-timeout",
      description: "How long to wait for each long operation (upload, deploy, undeploy).",
      kind: "string",
      default: "45m",
      valueName: "DURATION"
    },
    ...SMOKE_INPUTS
  ],
  outputs: [
    { name: "model", description: "The registry model (projects/P/locations/L/models/ID)." },
    { name: "model-version", description: "The version deployed (its version id)." },
    { name: "model-version-name", description: "The version as models/ID@VERSION." },
    { name: "endpoint", description: "The endpoint (projects/P/locations/L/endpoints/ID)." },
    { name: "deployed-model-id", description: "Id of the new deployment on the endpoint." },
    { name: "traffic-split", description: "JSON: the endpoint's traffic split afterwards." },
    { name: "endpoint-url", description: "Link to the endpoint in the Google Cloud console." },
    SMOKE_OUTPUT
  ],
  parseInputs(raw, context) {
    const model = (0,command/* once */.Oo)(
      () => (0,model_inputs/* parseModelName */.s_)(
        (0,command/* requireInput */.oN)(raw, "model", "Name the registry model, e.g. model: churn-classifier.")
      )
    );
    const minReplicas = (0,command/* once */.Oo)(() => (0,command/* integerInput */.$A)(raw, "min-replicas", 1));
    return (0,command/* parseFields */.L5)("deploy", {
      runRecord: () => external_node_path_.resolve(
        context.cwd,
        (0,command/* requireInput */.oN)(raw, "run-record", "Pass the run step's run-record output.")
      ),
      model,
      modelOutput: () => raw.string("model-output")?.trim() || void 0,
      metricsTask: () => raw.string("metrics-task")?.trim() || void 0,
      endpoint: () => (0,model_inputs/* parseEndpointName */.id)(raw.string("endpoint")?.trim() || model()),
      servingImage: () => (0,command/* stringInput */.Uj)(raw, "serving-image"),
      predictRoute: () => raw.string("predict-route")?.trim() || void 0,
      healthRoute: () => raw.string("health-route")?.trim() || void 0,
      servingPort: () => raw.string("serving-port")?.trim() ? (0,command/* integerInput */.$A)(raw, "serving-port", 1) : void 0,
      machineType: () => (0,command/* stringInput */.Uj)(raw, "machine-type"),
      minReplicas,
      maxReplicas: () => {
        const maxReplicas = (0,command/* integerInput */.$A)(raw, "max-replicas", 1, minReplicas());
        if (maxReplicas < minReplicas()) {
          throw new errors/* UserError */.yo(
            `max-replicas (${maxReplicas}) is below min-replicas (${minReplicas()})`,
            { fix: "Raise max-replicas or lower min-replicas." }
          );
        }
        return maxReplicas;
      },
      traffic: () => {
        const traffic = (0,command/* integerInput */.$A)(raw, "traffic", 1);
        if (traffic > 100)
          throw new errors/* UserError */.yo(`traffic is ${traffic}`, { fix: "Give a percent from 1 to 100." });
        return traffic;
      },
      keepDeployed: () => (0,command/* integerInput */.$A)(raw, "keep-deployed", 1),
      servingServiceAccount: () => raw.string("serving-service-account")?.trim() || void 0,
      location: () => (0,google_inputs/* parseGoogleLocation */.W_)(raw, context, "Deploys"),
      timeoutMs: () => (0,google_inputs/* parseTimeout */.ZZ)(raw, "deploy-timeout"),
      smoke: () => {
        const smoke = smokeSource(raw.string("smoke-instances"));
        return smoke.kind === "file" ? { kind: "file", path: external_node_path_.resolve(context.cwd, smoke.path) } : smoke;
      },
      smokeTimeoutMs: () => (0,google_inputs/* parseTimeout */.ZZ)(raw, "smoke-timeout")
    });
  },
  async run(inputs, context) {
    const plan = await planDeploy(inputs, context);
    const { ui } = context;
    const serving = await vertex_serving/* VertexServing */.v.connect({
      ...inputs.location,
      env: context.env,
      onRetry: (message) => ui.warning(message),
      onProgress: (message) => ui.info(message),
      operationTimeoutMs: inputs.timeoutMs
    });
    const journal = [];
    try {
      return await deploy(serving, inputs, plan, journal, context);
    } catch (error) {
      if (journal.length === 0) throw error;
      const problems = await ui.group("Roll back", () => rollBack(journal, ui));
      const restored = journal.map((entry) => entry.change).reverse();
      const Report = error instanceof errors/* UserError */.yo ? errors/* UserError */.yo : errors/* RemoteFailure */.p3;
      throw new Report(`Deploy failed and was rolled back: ${(0,errors/* errorMessage */.gJ)(error)}`, {
        details: [
          ...restored.map((change) => `undone: ${change}`),
          ...problems.map((problem) => `NOT undone: ${problem}`)
        ],
        fix: problems.length > 0 ? "Fix what was not undone by hand (see above), then re-run the deploy." : error.fix ?? "Fix the cause above and re-run the deploy.",
        cause: error
      });
    } finally {
      await serving.close();
    }
  }
});



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
