export const id = 5711;
export const ids = [5711];
export const modules = {

/***/ 5972:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  v: () => (/* binding */ VertexServing)
});

// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/errors.js
var errors = __webpack_require__(9033);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/gcp/grpc-codes.js
var grpc_codes = __webpack_require__(578);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/gcp/google-client.js
var google_client = __webpack_require__(9167);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/adapters/gcp/vertex-fields.js

function field(value) {
  return (0,google_client/* text */.Qq)(value) ?? "";
}
function labelFilter(key, value) {
  return `labels.${key}="${value}"`;
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/adapters/gcp/vertex-operations.js



const POLLING = {
  longrunning: {
    initialRetryDelayMillis: 250,
    retryDelayMultiplier: 1.5,
    maxRetryDelayMillis: 15e3,
    initialRpcTimeoutMillis: null,
    rpcTimeoutMultiplier: null,
    maxRpcTimeoutMillis: null,
    totalTimeoutMillis: null
  }
};
async function waitForOperation(options, session, purpose, start, resume) {
  const { operationTimeoutMs, onProgress } = options;
  const began = Date.now();
  const every = options.progressEveryMs ?? 3e4;
  const ticker = setInterval(() => {
    onProgress?.(`${purpose}: still running after ${Math.round((Date.now() - began) / 1e3)}s`);
  }, every);
  ticker.unref();
  try {
    let [operation] = await session.call(purpose, start);
    for (let resumes = 0; ; resumes++) {
      const remaining = operationTimeoutMs - (Date.now() - began);
      try {
        const [result] = await withDeadline(operation.promise(), remaining, purpose);
        return result;
      } catch (error) {
        const code = (0,google_client/* grpcCode */._K)(error);
        const transient = code !== void 0 && grpc_codes/* TRANSIENT_RPC_CODES */.iS.has(code);
        const name = operation.name;
        if (error instanceof DeadlineError) throw error.toFailure(operationTimeoutMs);
        if (!transient || !name || resumes >= 5 || Date.now() - began >= operationTimeoutMs)
          throw (0,google_client/* explainGoogleError */.rC)(purpose, error);
        options.onRetry?.(`${purpose}: polling failed (${code}); resuming ${name}`);
        operation = await session.call(`${purpose} (resume)`, (c) => resume(c, name));
      }
    }
  } finally {
    clearInterval(ticker);
  }
}
class DeadlineError extends Error {
  constructor(purpose) {
    super(`${purpose} did not finish in time`);
    this.purpose = purpose;
  }
  purpose;
  toFailure(timeoutMs) {
    return new errors/* RemoteFailure */.p3(
      `Failed to ${this.purpose}: the operation did not finish within ${Math.round(timeoutMs / 6e4)} minutes; it may still complete`,
      {
        fix: "Check the operation in the Vertex console, and raise deploy-timeout if deploys take this long."
      }
    );
  }
}
async function withDeadline(work, ms, purpose) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(purpose)), Math.max(ms, 0));
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/adapters/gcp/vertex-endpoints.js




function toEndpoint(raw) {
  const deployed = raw.deployedModels ?? [];
  const split = raw.trafficSplit ?? {};
  return {
    name: field(raw.name),
    displayName: field(raw.displayName),
    labels: (0,google_client/* stringMap */.Qi)(raw.labels),
    deployedModels: deployed.map((model) => ({
      id: field(model.id),
      model: field(model.model),
      modelVersionId: field(model.modelVersionId),
      displayName: field(model.displayName),
      createTime: (0,google_client/* timestamp */.vE)(model.createTime)
    })),
    trafficSplit: Object.fromEntries(
      Object.entries(split).map(([id, percent]) => [id, Number(percent)]).filter(([, percent]) => percent > 0)
    )
  };
}
async function findEndpoints(api, labelKey, labelValue) {
  const [endpoints] = await api.session.call(
    `list endpoints labelled ${labelKey}=${labelValue}`,
    (c) => c.listEndpoints({ parent: api.parent, filter: labelFilter(labelKey, labelValue) })
  );
  return endpoints.map(toEndpoint);
}
async function getEndpoint(api, name) {
  const [endpoint] = await api.session.call(`get endpoint ${name}`, (c) => c.getEndpoint({ name }));
  return toEndpoint(endpoint);
}
async function createEndpoint(api, endpointId, displayName, labels) {
  try {
    const result = await waitForOperation(
      api.operations,
      api.session,
      `create endpoint ${displayName}`,
      (c) => c.createEndpoint(
        {
          parent: api.parent,
          endpointId,
          endpoint: { displayName, labels }
        },
        POLLING
      ),
      (c, name) => c.checkCreateEndpointProgress(name)
    );
    return { endpoint: toEndpoint(result), created: true };
  } catch (error) {
    if ((0,google_client/* grpcCode */._K)(error.cause) !== grpc_codes/* RPC_CODES */.ff.ALREADY_EXISTS) throw error;
    return {
      endpoint: await getEndpoint(api, `${api.parent}/endpoints/${endpointId}`),
      created: false
    };
  }
}
async function deleteEndpoint(api, name) {
  await waitForOperation(
    api.operations,
    api.session,
    `delete endpoint ${name}`,
    (c) => c.deleteEndpoint({ name }, POLLING),
    (c, operation) => c.checkDeleteEndpointProgress(operation)
  );
}
async function deploy(api, endpoint, spec, trafficSplit) {
  const response = await waitForOperation(
    api.operations,
    api.session,
    `deploy ${spec.model} to ${endpoint}`,
    (c) => c.deployModel(
      {
        endpoint,
        trafficSplit: { ...trafficSplit },
        deployedModel: {
          model: spec.model,
          displayName: spec.displayName,
          ...spec.serviceAccount ? { serviceAccount: spec.serviceAccount } : {},
          dedicatedResources: {
            machineSpec: { machineType: spec.machineType },
            minReplicaCount: spec.minReplicas,
            maxReplicaCount: spec.maxReplicas
          }
        }
      },
      POLLING
    ),
    (c, name) => c.checkDeployModelProgress(name)
  );
  const id = field(response.deployedModel?.id);
  if (!id) throw new Error(`Vertex deployed ${spec.model} but returned no deployed model id`);
  return id;
}
async function undeploy(api, endpoint, deployedModelId, trafficSplit) {
  await waitForOperation(
    api.operations,
    api.session,
    `undeploy ${deployedModelId} from ${endpoint}`,
    (c) => c.undeployModel(
      {
        endpoint,
        deployedModelId,
        trafficSplit: { ...trafficSplit }
      },
      POLLING
    ),
    (c, name) => c.checkUndeployModelProgress(name)
  );
}
async function setTraffic(api, endpoint, trafficSplit) {
  const [updated] = await api.session.call(
    `set traffic on ${endpoint}`,
    (c) => c.updateEndpoint({
      endpoint: { name: endpoint, trafficSplit: { ...trafficSplit } },
      updateMask: { paths: ["traffic_split"] }
    })
  );
  return toEndpoint(updated);
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/gcp/evaluation-metrics.js
var evaluation_metrics = __webpack_require__(3707);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/adapters/gcp/vertex-models.js





function toModelVersion(raw) {
  const name = field(raw.name).split("@")[0] ?? "";
  const versionId = field(raw.versionId);
  const container = raw.containerSpec ?? {};
  const deployed = raw.deployedModels ?? [];
  return {
    model: name,
    versionId,
    versionName: `${name}@${versionId}`,
    displayName: field(raw.displayName),
    labels: (0,google_client/* stringMap */.Qi)(raw.labels),
    aliases: (raw.versionAliases ?? []).filter((alias) => alias !== ""),
    artifactUri: field(raw.artifactUri),
    imageUri: field(container.imageUri),
    createTime: (0,google_client/* timestamp */.vE)(raw.versionCreateTime) ?? (0,google_client/* timestamp */.vE)(raw.createTime),
    deployedModels: deployed.map((ref) => ({
      endpoint: field(ref.endpoint),
      deployedModelId: field(ref.deployedModelId)
    }))
  };
}
async function findModels(api, labelKey, labelValue) {
  const [models] = await api.session.call(
    `list models labelled ${labelKey}=${labelValue}`,
    (c) => c.listModels({ parent: api.parent, filter: labelFilter(labelKey, labelValue) })
  );
  return models.map(toModelVersion);
}
async function listVersions(api, model) {
  const [versions] = await api.session.call(
    `list versions of ${model}`,
    (c) => c.listModelVersions({ name: model })
  );
  return versions.map(toModelVersion);
}
async function getVersion(api, name) {
  try {
    const [model] = await api.session.call(`get model ${name}`, (c) => c.getModel({ name }));
    return toModelVersion(model);
  } catch (error) {
    if ((0,google_client/* grpcCode */._K)(error.cause) === grpc_codes/* RPC_CODES */.ff.NOT_FOUND) return void 0;
    throw error;
  }
}
async function vertex_models_upload(api, upload2) {
  const { container } = upload2;
  const request = {
    parent: api.parent,
    ...upload2.parentModel ? { parentModel: upload2.parentModel } : {},
    ...upload2.modelId ? { modelId: upload2.modelId } : {},
    model: {
      displayName: upload2.displayName,
      labels: upload2.labels,
      artifactUri: upload2.artifactUri,
      versionDescription: upload2.description,
      ...upload2.parentModel ? {} : { description: upload2.description },
      versionAliases: [...upload2.aliases],
      containerSpec: {
        imageUri: container.imageUri,
        ...container.predictRoute ? { predictRoute: container.predictRoute } : {},
        ...container.healthRoute ? { healthRoute: container.healthRoute } : {},
        ...container.port ? { ports: [{ containerPort: container.port }] } : {},
        ...container.env ? { env: Object.entries(container.env).map(([name, value]) => ({ name, value })) } : {}
      }
    }
  };
  const purpose = `upload model ${upload2.displayName}`;
  const response = await waitForOperation(
    api.operations,
    api.session,
    purpose,
    (c) => c.uploadModel(request, POLLING),
    (c, name) => c.checkUploadModelProgress(name)
  );
  const version = await getVersion(
    api,
    `${field(response.model)}@${field(response.modelVersionId)}`
  );
  if (!version) throw new Error(`Vertex uploaded ${field(response.model)} but cannot find it`);
  return version;
}
async function mergeAliases(api, versionName, aliases) {
  const [model] = await api.session.call(
    `set aliases ${aliases.join(", ")} on ${versionName}`,
    (c) => c.mergeVersionAliases({ name: versionName, versionAliases: [...aliases] })
  );
  return toModelVersion(model);
}
async function deleteVersion(api, versionName) {
  await waitForOperation(
    api.operations,
    api.session,
    `delete model version ${versionName}`,
    (c) => c.deleteModelVersion({ name: versionName }, POLLING),
    (c, name) => c.checkDeleteModelVersionProgress(name)
  );
}
async function deleteModel(api, model) {
  await waitForOperation(
    api.operations,
    api.session,
    `delete model ${model}`,
    (c) => c.deleteModel({ name: model }, POLLING),
    (c, name) => c.checkDeleteModelProgress(name)
  );
}
async function importEvaluation(api, versionName, displayName, evaluation, provenance) {
  await api.session.call(
    `attach evaluation metrics to ${versionName}`,
    (c) => c.importModelEvaluation({
      parent: versionName,
      modelEvaluation: {
        displayName,
        metricsSchemaUri: evaluation.metricsSchemaUri,
        metrics: api.helpers.toValue({ ...evaluation.metrics }),
        metadata: api.helpers.toValue({
          ...provenance,
          [evaluation_metrics/* RUN_METRICS_KEY */.ak]: { ...evaluation.runMetrics }
        })
      }
    })
  );
}
async function latestEvaluation(api, versionName) {
  const [evaluations] = await api.session.call(
    `read evaluations of ${versionName}`,
    (c) => c.listModelEvaluations({ parent: versionName })
  );
  const decoded = evaluations.map((raw) => {
    const metrics = (0,google_client/* decodeValue */.wz)(raw.metrics);
    const decodedMetadata = (0,google_client/* decodeValue */.wz)(raw.metadata);
    const metadata = decodedMetadata !== null && typeof decodedMetadata === "object" ? decodedMetadata : (0,google_client/* decodeStruct */.yZ)(void 0);
    return {
      name: field(raw.name),
      metrics: (0,evaluation_metrics/* evaluationMetrics */.sf)(
        metrics !== null && typeof metrics === "object" ? metrics : {},
        metadata
      ),
      metadata,
      createTime: (0,google_client/* timestamp */.vE)(raw.createTime)
    };
  });
  return decoded.sort((a, b) => (b.createTime ?? "").localeCompare(a.createTime ?? ""))[0];
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/adapters/gcp/vertex-serving.js







class VertexServing {
  #models;
  #endpoints;
  #modelApi;
  #endpointApi;
  /** Made on the first prediction: most commands never send one. */
  #predictions;
  #newPredictions;
  #helpers;
  #options;
  constructor(google, options) {
    this.#options = options;
    this.#helpers = google.aiplatformHelpers;
    const clientOptions = (0,google_client/* vertexClientOptions */.IO)(options.env, options.region, options.project);
    const permission = "The identity lacks permission: grant roles/aiplatform.user on the project (and roles/iam.serviceAccountUser on a serving service account).";
    const session = {
      onRetry: options.onRetry,
      fixes: {
        [grpc_codes/* RPC_CODES */.ff.PERMISSION_DENIED]: permission,
        [grpc_codes/* RPC_CODES */.ff.FAILED_PRECONDITION]: "Vertex refused the change in the current state of the resource; see the message."
      }
    };
    this.#models = new google_client/* ClientSession */.ed(() => new google.ModelServiceClient(clientOptions), session);
    this.#endpoints = new google_client/* ClientSession */.ed(
      () => new google.EndpointServiceClient(clientOptions),
      session
    );
    this.#newPredictions = () => new google_client/* ClientSession */.ed(() => new google.PredictionServiceClient(clientOptions), {
      onRetry: options.onRetry,
      // Vertex answers a serving container's 4xx as FAILED_PRECONDITION with its body.
      fixes: {
        [grpc_codes/* RPC_CODES */.ff.PERMISSION_DENIED]: permission,
        [grpc_codes/* RPC_CODES */.ff.FAILED_PRECONDITION]: "The serving container refused the request: see its answer."
      }
    });
    this.#modelApi = {
      session: this.#models,
      parent: this.parent,
      helpers: this.#helpers,
      operations: options
    };
    this.#endpointApi = { session: this.#endpoints, parent: this.parent, operations: options };
  }
  static async connect(options) {
    return new VertexServing(await (0,google_client/* loadGoogleClients */.SD)(options.project, options.env), options);
  }
  get parent() {
    return `projects/${this.#options.project}/locations/${this.#options.region}`;
  }
  async close() {
    await Promise.all([this.#models.close(), this.#endpoints.close(), this.#predictions?.close()]);
  }
  // -------------------------------------------------------------------------------------------
  // Models (./vertex-models.ts)
  /** Models (their default versions) carrying this label. */
  findModels(labelKey, labelValue) {
    return findModels(this.#modelApi, labelKey, labelValue);
  }
  listVersions(model) {
    return listVersions(this.#modelApi, model);
  }
  /** A model version by `models/ID@VERSION` or `@ALIAS`; undefined when there is none. */
  getVersion(name) {
    return getVersion(this.#modelApi, name);
  }
  upload(upload) {
    return vertex_models_upload(this.#modelApi, upload);
  }
  /** Adds aliases to a version (moving them from others); `-alias` removes one. */
  mergeAliases(versionName, aliases) {
    return mergeAliases(this.#modelApi, versionName, aliases);
  }
  deleteVersion(versionName) {
    return deleteVersion(this.#modelApi, versionName);
  }
  deleteModel(model) {
    return deleteModel(this.#modelApi, model);
  }
  importEvaluation(versionName, displayName, evaluation, provenance) {
    return importEvaluation(
      this.#modelApi,
      versionName,
      displayName,
      evaluation,
      provenance
    );
  }
  /** The newest evaluation of a version (by create time), or undefined. */
  latestEvaluation(versionName) {
    return latestEvaluation(this.#modelApi, versionName);
  }
  // -------------------------------------------------------------------------------------------
  // Endpoints (./vertex-endpoints.ts)
  findEndpoints(labelKey, labelValue) {
    return findEndpoints(this.#endpointApi, labelKey, labelValue);
  }
  getEndpoint(name) {
    return getEndpoint(this.#endpointApi, name);
  }
  /** Creates the endpoint; one that already exists under this id (a race, a re-run) is returned. */
  createEndpoint(endpointId, displayName, labels) {
    return createEndpoint(this.#endpointApi, endpointId, displayName, labels);
  }
  deleteEndpoint(name) {
    return deleteEndpoint(this.#endpointApi, name);
  }
  /** Deploys and returns the new deployed model id; `"0"` in the split is the new model. */
  deploy(endpoint, spec, trafficSplit) {
    return deploy(this.#endpointApi, endpoint, spec, trafficSplit);
  }
  undeploy(endpoint, deployedModelId, trafficSplit) {
    return undeploy(this.#endpointApi, endpoint, deployedModelId, trafficSplit);
  }
  setTraffic(endpoint, trafficSplit) {
    return setTraffic(this.#endpointApi, endpoint, trafficSplit);
  }
  /**
   * An online prediction, answered by the deployed model the traffic split picks. Instances go
   * as protobuf Values (a plain object would be sent as null), within `timeoutMs`: gax's REST
   * transport has no per-call deadline of its own.
   */
  async predict(endpoint, instances, parameters, timeoutMs) {
    const purpose = `send a prediction to ${endpoint}`;
    this.#predictions ??= this.#newPredictions();
    const session = this.#predictions;
    const value = (json) => this.#helpers.toValue(json);
    const request = {
      endpoint,
      instances: instances.map(value),
      ...parameters === void 0 ? {} : { parameters: value(parameters) }
    };
    let response;
    try {
      [response] = await withDeadline(
        session.call(purpose, (c) => c.predict(request)),
        timeoutMs,
        purpose
      );
    } catch (error) {
      if (!(error instanceof DeadlineError)) throw error;
      throw new errors/* RemoteFailure */.p3(
        `Failed to ${purpose}: no answer within ${Math.round(timeoutMs / 1e3)}s`,
        {
          fix: "Check the serving container in the Vertex console (its logs), or allow it more time."
        }
      );
    }
    return {
      predictions: (response.predictions ?? []).map(google_client/* decodeValue */.wz),
      deployedModelId: field(response.deployedModelId),
      modelVersionId: field(response.modelVersionId)
    };
  }
}



/***/ }),

/***/ 8840:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jg: () => (/* binding */ MODEL_INPUT),
/* harmony export */   Lp: () => (/* binding */ CHAMPION_ALIAS),
/* harmony export */   SD: () => (/* binding */ CANARY_ALIAS),
/* harmony export */   id: () => (/* binding */ parseEndpointName),
/* harmony export */   mM: () => (/* binding */ modelLabel),
/* harmony export */   md: () => (/* binding */ endpointLabel),
/* harmony export */   s_: () => (/* binding */ parseModelName)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9033);

const CHAMPION_ALIAS = "champion";
const CANARY_ALIAS = "canary";
const MODEL_INPUT = {
  name: "model",
  description: "Name of the model in the Vertex Model Registry (lowercase letters, digits, hyphens): its display name, id and mlops_model label.",
  kind: "string",
  valueName: "NAME"
};
const NAME = /^[a-z][a-z0-9-]{0,61}[a-z0-9]$/;
function checkName(kind, input, name) {
  if (!NAME.test(name)) {
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${kind} name "${name}" is not valid`, {
      fix: `Set ${input} to 2-63 lowercase letters, digits and hyphens, starting with a letter (it becomes a resource id and a label).`
    });
  }
  return name;
}
function parseModelName(name) {
  return checkName("Model", "model", name);
}
function parseEndpointName(name) {
  return checkName("Endpoint", "endpoint", name);
}
function modelLabel(name) {
  return ["mlops_model", name];
}
function endpointLabel(name) {
  return ["mlops_endpoint", name];
}



/***/ }),

/***/ 3707:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ak: () => (/* binding */ RUN_METRICS_KEY),
/* harmony export */   sf: () => (/* binding */ evaluationMetrics),
/* harmony export */   yd: () => (/* binding */ evaluationImport)
/* harmony export */ });
/* unused harmony exports CLASSIFICATION_METRICS_SCHEMA, REGRESSION_METRICS_SCHEMA */
const SCHEMA_FOLDER = "gs://google-cloud-aiplatform/schema/modelevaluation";
const CLASSIFICATION_METRICS_SCHEMA = `${SCHEMA_FOLDER}/classification_metrics_1.0.0.yaml`;
const REGRESSION_METRICS_SCHEMA = `${SCHEMA_FOLDER}/regression_metrics_1.0.0.yaml`;
const RUN_METRICS_KEY = "runMetrics";
const SCHEMA_FIELDS = {
  classification: {
    roc_auc: "auRoc",
    auc: "auRoc",
    pr_auc: "auPrc",
    average_precision: "auPrc",
    log_loss: "logLoss"
  },
  regression: {
    rmse: "rootMeanSquaredError",
    root_mean_squared_error: "rootMeanSquaredError",
    mae: "meanAbsoluteError",
    mean_absolute_error: "meanAbsoluteError",
    mape: "meanAbsolutePercentageError",
    mean_absolute_percentage_error: "meanAbsolutePercentageError",
    r2: "rSquared",
    rmsle: "rootMeanSquaredLogError"
  }
};
function taskOf(metrics) {
  const names = Object.keys(metrics);
  return names.some((name) => name in SCHEMA_FIELDS.regression) ? "regression" : "classification";
}
function evaluationImport(metrics) {
  const task = taskOf(metrics);
  const fields = SCHEMA_FIELDS[task];
  const schemaMetrics = {};
  for (const [name, value] of Object.entries(metrics)) {
    const field = fields[name];
    if (field !== void 0 && Number.isFinite(value)) schemaMetrics[field] = value;
  }
  return {
    metricsSchemaUri: task === "regression" ? REGRESSION_METRICS_SCHEMA : CLASSIFICATION_METRICS_SCHEMA,
    metrics: schemaMetrics,
    runMetrics: { ...metrics }
  };
}
function evaluationMetrics(metrics, metadata) {
  const numbers = {};
  const stored = metadata[RUN_METRICS_KEY];
  if (stored !== null && typeof stored === "object") {
    for (const [name, value] of Object.entries(stored))
      if (typeof value === "number") numbers[name] = value;
    return numbers;
  }
  for (const fields of Object.values(SCHEMA_FIELDS)) {
    for (const [name, field] of Object.entries(fields)) {
      const value = metrics[field];
      if (typeof value === "number") numbers[name] = value;
    }
  }
  return numbers;
}



/***/ })

};
