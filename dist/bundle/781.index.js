export const id = 781;
export const ids = [781,6323];
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

/***/ 824:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ googleEndpoints)
/* harmony export */ });
function fromEnv(env, name, fallback) {
  return (env[name]?.trim() || fallback).replace(/\/+$/, "");
}
function googleEndpoints(env = process.env) {
  return {
    sts: fromEnv(env, "MLOPS_STS_ENDPOINT", "https://sts.googleapis.com"),
    iamCredentials: fromEnv(
      env,
      "MLOPS_IAMCREDENTIALS_ENDPOINT",
      "https://iamcredentials.googleapis.com"
    ),
    vertex: fromEnv(env, "MLOPS_VERTEX_ENDPOINT", "https://{region}-aiplatform.googleapis.com"),
    artifactRegistry: fromEnv(
      env,
      "MLOPS_ARTIFACTREGISTRY_ENDPOINT",
      "https://artifactregistry.googleapis.com"
    ),
    kfpRegistry: fromEnv(env, "MLOPS_KFP_ENDPOINT", "https://{region}-kfp.pkg.dev"),
    dockerRegistry: fromEnv(env, "MLOPS_DOCKER_REGISTRY_HOST", "{region}-docker.pkg.dev"),
    storage: fromEnv(env, "MLOPS_STORAGE_ENDPOINT", "https://storage.googleapis.com"),
    iam: fromEnv(env, "MLOPS_IAM_ENDPOINT", "https://iam.googleapis.com"),
    resourceManager: fromEnv(
      env,
      "MLOPS_RESOURCEMANAGER_ENDPOINT",
      "https://cloudresourcemanager.googleapis.com"
    ),
    serviceUsage: fromEnv(
      env,
      "MLOPS_SERVICEUSAGE_ENDPOINT",
      "https://serviceusage.googleapis.com"
    )
  };
}



/***/ }),

/***/ 9167:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IG: () => (/* binding */ googleTokenSource),
/* harmony export */   IO: () => (/* binding */ vertexClientOptions),
/* harmony export */   Kn: () => (/* binding */ credentialOptions),
/* harmony export */   Ky: () => (/* binding */ googleAuth),
/* harmony export */   Qi: () => (/* binding */ stringMap),
/* harmony export */   Qq: () => (/* binding */ text),
/* harmony export */   SD: () => (/* binding */ loadGoogleClients),
/* harmony export */   _K: () => (/* binding */ grpcCode),
/* harmony export */   ed: () => (/* binding */ ClientSession),
/* harmony export */   i3: () => (/* binding */ restClientOptions),
/* harmony export */   rC: () => (/* binding */ explainGoogleError),
/* harmony export */   vE: () => (/* binding */ timestamp),
/* harmony export */   wS: () => (/* binding */ defaultCredentialsTokens),
/* harmony export */   wz: () => (/* binding */ decodeValue),
/* harmony export */   yZ: () => (/* binding */ decodeStruct)
/* harmony export */ });
/* unused harmony export errorText */
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8500);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9033);
/* harmony import */ var _core_gcp_grpc_codes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(578);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6323);
/* harmony import */ var _endpoints_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(824);





const ATTEMPTS = 6;
function errorBody(error) {
  const message = error?.message;
  if (typeof message !== "string" || !message.trimStart().startsWith("{")) return void 0;
  try {
    return JSON.parse(message).error;
  } catch {
    return void 0;
  }
}
function grpcCode(error) {
  const status = errorBody(error)?.status;
  if (status && status !== "UNKNOWN" && Object.hasOwn(_core_gcp_grpc_codes_js__WEBPACK_IMPORTED_MODULE_2__/* .RPC_CODES */ .ff, status))
    return _core_gcp_grpc_codes_js__WEBPACK_IMPORTED_MODULE_2__/* .RPC_CODES */ .ff[status];
  const code = error?.code;
  if (typeof code === "number") {
    if (code < 100) return code;
    const name = _core_gcp_grpc_codes_js__WEBPACK_IMPORTED_MODULE_2__/* .HTTP_TO_RPC */ .hz[code] ?? (code >= 500 ? "UNAVAILABLE" : "UNKNOWN");
    return _core_gcp_grpc_codes_js__WEBPACK_IMPORTED_MODULE_2__/* .RPC_CODES */ .ff[name];
  }
  if (typeof code === "string" && /^E[A-Z]+$/.test(code)) return _core_gcp_grpc_codes_js__WEBPACK_IMPORTED_MODULE_2__/* .RPC_CODES */ .ff.UNAVAILABLE;
  return void 0;
}
function errorText(error) {
  return errorBody(error)?.message ?? (error.message ?? String(error)).split("\n")[0] ?? "";
}
function decodeValue(value) {
  if (value === null || typeof value !== "object") return value;
  const v = value;
  if ("structValue" in v) return decodeStruct(v.structValue);
  if ("listValue" in v)
    return (v.listValue?.values ?? []).map(decodeValue);
  if ("stringValue" in v) return v.stringValue;
  if ("numberValue" in v) return v.numberValue;
  if ("boolValue" in v) return v.boolValue;
  if ("nullValue" in v) return null;
  return value;
}
function decodeStruct(struct) {
  const fields = struct?.fields ?? {};
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [key, decodeValue(value)])
  );
}
function timestamp(value) {
  if (typeof value === "string") return value;
  const seconds = Number(value?.seconds);
  if (!Number.isFinite(seconds) || seconds === 0) return void 0;
  const nanos = Number(value.nanos ?? 0);
  return new Date(seconds * 1e3 + Math.floor(nanos / 1e6)).toISOString();
}
function text(value) {
  return typeof value === "string" && value !== "" ? value : void 0;
}
function stringMap(value) {
  if (value === null || typeof value !== "object") return {};
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, String(v)])
  );
}
function credentialOptions(env) {
  const file = env.GOOGLE_APPLICATION_CREDENTIALS || env.CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE;
  return file ? { keyFilename: file } : {};
}
function googleAuth(google, env, project) {
  return new google.GoogleAuth({
    scopes: ["https://www.googleapis.com/auth/cloud-platform"],
    // Given, so the library does not look the project up through Resource Manager.
    ...project ? { projectId: project } : {},
    ...credentialOptions(env)
  });
}
async function loadGoogleClients(project, env) {
  const google = await import(
    /* webpackIgnore: true */
    "#google-cloud"
  );
  try {
    await googleAuth(google, env, project).getClient();
  } catch (error) {
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(
      `No Google Cloud credentials: ${error.message.split("\n")[0] ?? ""}`,
      {
        fix: "Run the auth command first (command: auth with workload-identity-provider), or set GOOGLE_APPLICATION_CREDENTIALS."
      }
    );
  }
  return google;
}
function defaultCredentialsTokens(env) {
  let auth;
  return async () => {
    auth ??= import(
      /* webpackIgnore: true */
      "#google-cloud"
    ).then(
      (google) => googleAuth(google, env)
    );
    try {
      return await (await auth).getAccessToken() ?? void 0;
    } catch {
      return void 0;
    }
  };
}
function googleTokenSource(env) {
  const tokens = defaultCredentialsTokens(env);
  return async () => credentialOptions(env).keyFilename ? tokens() : void 0;
}
function restClientOptions(endpointUrl, project, env) {
  const endpoint = new URL(endpointUrl);
  return {
    ...credentialOptions(env),
    apiEndpoint: endpoint.hostname,
    port: endpoint.port ? Number(endpoint.port) : endpoint.protocol === "http:" ? 80 : 443,
    protocol: endpoint.protocol.replace(":", ""),
    fallback: true,
    projectId: project
  };
}
function vertexClientOptions(env, region, project) {
  return restClientOptions(
    (0,_endpoints_js__WEBPACK_IMPORTED_MODULE_4__/* .googleEndpoints */ .g)(env).vertex.replaceAll("{region}", region),
    project,
    env
  );
}
class ClientSession {
  #client;
  #newClient;
  #options;
  /** API calls made, for the benchmark of calls per minute while waiting. */
  calls = 0;
  constructor(newClient, options = {}) {
    this.#newClient = newClient;
    this.#options = options;
    this.#client = newClient();
  }
  get client() {
    return this.#client;
  }
  async call(purpose, work) {
    let renewed = false;
    for (let attempt = 1; ; attempt++) {
      this.calls++;
      try {
        return await work(this.#client);
      } catch (error) {
        const network = (0,_http_js__WEBPACK_IMPORTED_MODULE_3__/* .networkFailure */ .rd)(error, { purpose });
        if (network) {
          if (!network.heals || attempt >= _http_js__WEBPACK_IMPORTED_MODULE_3__/* .NETWORK_ATTEMPTS */ .UV) throw network.error;
          await this.#backOff(`${purpose}: ${network.reason}`, attempt);
          continue;
        }
        const code = grpcCode(error);
        if (code === _core_gcp_grpc_codes_js__WEBPACK_IMPORTED_MODULE_2__/* .RPC_CODES */ .ff.UNAUTHENTICATED && !renewed) {
          renewed = true;
          this.#options.onRetry?.(
            `${purpose}: the access token was refused; fetching fresh credentials`
          );
          const stale = this.#client;
          this.#client = this.#newClient();
          await stale.close().catch(() => void 0);
          continue;
        }
        if (code === void 0 || !_core_gcp_grpc_codes_js__WEBPACK_IMPORTED_MODULE_2__/* .TRANSIENT_RPC_CODES */ .iS.has(code) || attempt >= ATTEMPTS)
          throw explainGoogleError(purpose, error, this.#options.fixes);
        await this.#backOff(`${purpose}: ${errorText(error)}`, attempt);
      }
    }
  }
  /** Waits before another attempt, saying why. */
  async #backOff(reason, attempt) {
    const delay = Math.min(1e3 * 2 ** (attempt - 1), 2e4);
    this.#options.onRetry?.(`${reason}; retrying in ${delay / 1e3}s`);
    await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(delay);
  }
  async close() {
    await this.#client.close();
  }
}
const GENERIC_FIXES = {
  [_core_gcp_grpc_codes_js__WEBPACK_IMPORTED_MODULE_2__/* .RPC_CODES */ .ff.INVALID_ARGUMENT]: "Google rejected the request as invalid: check the inputs named in the message.",
  [_core_gcp_grpc_codes_js__WEBPACK_IMPORTED_MODULE_2__/* .RPC_CODES */ .ff.NOT_FOUND]: "Check the project, region and resource names.",
  [_core_gcp_grpc_codes_js__WEBPACK_IMPORTED_MODULE_2__/* .RPC_CODES */ .ff.PERMISSION_DENIED]: "The identity lacks permission: grant it the role the message names (roles/aiplatform.user covers Vertex AI).",
  [_core_gcp_grpc_codes_js__WEBPACK_IMPORTED_MODULE_2__/* .RPC_CODES */ .ff.UNAUTHENTICATED]: "The credentials were rejected: re-run the auth step, and check its workload-identity-provider and service-account."
};
function explainGoogleError(purpose, error, fixes = {}) {
  const code = grpcCode(error);
  const message = `Failed to ${purpose}: ${errorText(error)}`;
  const fix = code === void 0 ? void 0 : fixes[code] ?? GENERIC_FIXES[code];
  return fix ? new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(message, { fix, cause: error }) : new Error(message, { cause: error });
}



/***/ }),

/***/ 6323:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J5: () => (/* binding */ fetchWithRetry),
/* harmony export */   SS: () => (/* binding */ requestJson),
/* harmony export */   T9: () => (/* binding */ requestText),
/* harmony export */   UV: () => (/* binding */ NETWORK_ATTEMPTS),
/* harmony export */   Xw: () => (/* binding */ readReply),
/* harmony export */   j$: () => (/* binding */ HttpError),
/* harmony export */   lx: () => (/* binding */ sendWithRetry),
/* harmony export */   p2: () => (/* binding */ httpError),
/* harmony export */   rd: () => (/* binding */ networkFailure),
/* harmony export */   vI: () => (/* binding */ DEFAULT_RETRY)
/* harmony export */ });
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8500);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9033);


class HttpError extends Error {
  constructor(message, status, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
  status;
  body;
  name = "HttpError";
}
const DEFAULT_RETRY = { attempts: 5, baseDelayMs: 500, maxDelayMs: 1e4 };
function retryDelay(response, attempt, policy) {
  const header = response?.headers.get("retry-after");
  if (header) {
    const seconds = Number(header);
    const ms = Number.isFinite(seconds) ? seconds * 1e3 : Date.parse(header) - Date.now();
    if (Number.isFinite(ms)) return Math.min(Math.max(ms, 0), 6e4);
  }
  return Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
}
function describeBody(body) {
  if (typeof body === "string") return body.slice(0, 300);
  const error = body?.error;
  if (typeof error === "string") {
    const description = body.error_description;
    return typeof description === "string" ? `${error}: ${description}` : error;
  }
  if (error && typeof error === "object" && "message" in error) return String(error.message);
  return JSON.stringify(body).slice(0, 300);
}
const NETWORK_FAILURES = /* @__PURE__ */ new Map([
  ["ENOTFOUND", { what: "DNS lookup failed", heals: false }],
  ["EAI_AGAIN", { what: "DNS lookup failed", heals: true }],
  ["ENETUNREACH", { what: "network unreachable", heals: false }],
  ["EHOSTUNREACH", { what: "host unreachable", heals: false }],
  ["ECONNREFUSED", { what: "connection refused", heals: true }],
  ["ECONNRESET", { what: "connection reset", heals: true }],
  ["ETIMEDOUT", { what: "connection timed out", heals: true }],
  ["UND_ERR_CONNECT_TIMEOUT", { what: "connection timed out", heals: true }],
  ["UND_ERR_SOCKET", { what: "connection closed", heals: true }],
  // fetch's own check of a body against its Content-Length: the connection closed mid-reply.
  ["UND_ERR_RES_CONTENT_LENGTH_MISMATCH", { what: "reply cut short", heals: true }]
]);
const OFFLINE = /* @__PURE__ */ new Set(["ENOTFOUND", "EAI_AGAIN", "ENETUNREACH"]);
const NETWORK_ATTEMPTS = 3;
function networkFailure(error, where = {}) {
  const chain = [];
  for (let cause = error; typeof cause === "object" && cause && chain.length < 8; ) {
    chain.push(cause);
    cause = cause.cause;
  }
  const code = chain.map((cause) => cause.code).find((c) => typeof c === "string" && NETWORK_FAILURES.has(c));
  const known = code && NETWORK_FAILURES.get(code);
  if (!code || !known) return void 0;
  const tried = chain.flatMap((cause) => {
    const name = cause.hostname ?? cause.address;
    if (typeof name === "string") return [name];
    const url = String(cause.config?.url);
    return URL.canParse(url) ? [new URL(url).host] : [];
  });
  const host = where.host ?? tried.at(-1) ?? "the server";
  const reason = `${known.what} (${code})`;
  const offline = OFFLINE.has(code) ? " \u2014 are you offline?" : "";
  return {
    reason,
    heals: known.heals,
    error: new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteFailure */ .p3(
      `Cannot reach ${host}${where.purpose ? ` to ${where.purpose}` : ""}: ${reason}${offline}`,
      {
        fix: "Check the network connection and any endpoint override (MLOPS_*_ENDPOINT, GITHUB_API_URL), then run again.",
        cause: error
      }
    )
  };
}
async function fetchWithRetry(purpose, url, init, read, { policy = DEFAULT_RETRY, onRetry, timeoutMs = 6e4 } = {}) {
  const where = { host: new URL(url).host, purpose };
  let failed;
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    if (failed) {
      const delay = retryDelay(failed.response, attempt - 1, policy);
      onRetry?.(`${purpose}: ${failed.reason}; retrying in ${Math.round(delay / 1e3)}s`);
      await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(delay);
    }
    const request = typeof init === "function" ? await init() : init;
    const signal = request.signal ?? (Number.isFinite(timeoutMs) ? AbortSignal.timeout(timeoutMs) : void 0);
    let response;
    try {
      response = await fetch(url, { ...request, signal });
    } catch (error) {
      failed = { reason: retryReason(error, attempt, where) ?? "network error", error };
      continue;
    }
    if ((response.status === 429 || response.status >= 500) && attempt < policy.attempts) {
      await response.body?.cancel();
      failed = { reason: `HTTP ${response.status}`, response };
      continue;
    }
    try {
      return await read(response);
    } catch (error) {
      const reason = retryReason(error, attempt, where);
      if (reason === void 0) throw error;
      failed = { reason, error };
    }
  }
  throw exhausted(where, failed?.error);
}
function retryReason(error, attempt, where) {
  const network = networkFailure(error, where);
  if (network && (!network.heals || attempt >= NETWORK_ATTEMPTS)) throw network.error;
  return network?.reason;
}
function exhausted(where, error) {
  const cause = error instanceof Error ? error.cause?.message ?? error.message : String(error);
  return new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteFailure */ .p3(`Cannot reach ${where.host} to ${where.purpose}: ${cause}`, {
    fix: "Check the network and any MLOPS_*_ENDPOINT override."
  });
}
async function sendWithRetry(purpose, url, init, policy = DEFAULT_RETRY, onRetry) {
  return fetchWithRetry(purpose, url, init, readReply, { policy, onRetry });
}
async function readReply(response) {
  return { status: response.status, headers: response.headers, text: await response.text() };
}
function httpError(purpose, reply) {
  let body = reply.text;
  try {
    body = reply.text === "" ? {} : JSON.parse(reply.text);
  } catch {
  }
  return new HttpError(
    `Failed to ${purpose}: HTTP ${reply.status}: ${describeBody(body)}`,
    reply.status,
    body
  );
}
async function requestText(purpose, url, init, policy = DEFAULT_RETRY, onRetry) {
  const reply = await sendWithRetry(purpose, url, init, policy, onRetry);
  if (reply.status >= 200 && reply.status < 300) return reply.text;
  throw httpError(purpose, reply);
}
async function requestJson(purpose, url, init, policy = DEFAULT_RETRY) {
  const text = await requestText(purpose, url, init, policy);
  return text === "" ? {} : JSON.parse(text);
}



/***/ }),

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

/***/ 3279:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   reportCommand: () => (/* binding */ reportCommand),
/* harmony export */   writeReport: () => (/* binding */ writeReport)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var _adapters_atomic_file_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(577);
/* harmony import */ var _adapters_run_artifacts_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1604);
/* harmony import */ var _adapters_writable_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2251);
/* harmony import */ var _core_run_report_report_artifacts_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5195);
/* harmony import */ var _core_run_report_report_data_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2912);
/* harmony import */ var _core_run_report_report_html_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(842);
/* harmony import */ var _champion_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5366);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5435);
/* harmony import */ var _google_inputs_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(8826);
/* harmony import */ var _model_inputs_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(8840);











const reportCommand = (0,_command_js__WEBPACK_IMPORTED_MODULE_8__/* .defineCommand */ .NB)({
  name: "report",
  summary: "Write a run's report: one self-contained HTML file (pipeline, metrics, curves, data, drift, champion comparison) to read offline or keep as a workflow artifact.",
  inputs: [
    { ..._google_inputs_js__WEBPACK_IMPORTED_MODULE_9__/* .RUN_RECORD_INPUT */ .vj, required: true, positional: true },
    {
      name: "output",
      description: "Where to write the report. Defaults to report.html (report.json with json) beside the run record.",
      kind: "string",
      valueName: "FILE"
    },
    {
      name: "json",
      description: "Write the data the report shows as JSON instead of HTML (also when output ends in .json).",
      kind: "boolean",
      default: "false"
    },
    {
      name: "champion-run-record",
      description: "A run record to compare with: its metrics' deltas, and its curves overlaid (dashed).",
      kind: "string",
      valueName: "FILE"
    },
    {
      name: "metrics-task",
      description: `The task whose metrics are compared with the champion's. Defaults to the task with the evaluation, else the only task with metrics, else the one whose name contains "eval".`,
      kind: "string",
      valueName: "TASK"
    },
    {
      ..._model_inputs_js__WEBPACK_IMPORTED_MODULE_10__/* .MODEL_INPUT */ .Jg,
      description: `${_model_inputs_js__WEBPACK_IMPORTED_MODULE_10__/* .MODEL_INPUT */ .Jg.description} The report compares with its version aliased "${_model_inputs_js__WEBPACK_IMPORTED_MODULE_10__/* .CHAMPION_ALIAS */ .Lp}" (metrics only).`
    },
    _google_inputs_js__WEBPACK_IMPORTED_MODULE_9__/* .PROJECT_INPUT */ .Hl,
    _google_inputs_js__WEBPACK_IMPORTED_MODULE_9__/* .REGION_INPUT */ .aD
  ],
  outputs: [
    { name: "report", description: "Path of the report written." },
    {
      name: "passed",
      description: "true when the run succeeded and met its quality bar (evaluate's passed output), else false."
    }
  ],
  parseInputs(raw, context) {
    return (0,_command_js__WEBPACK_IMPORTED_MODULE_8__/* .parseFields */ .L5)("report", {
      runRecord: () => node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(
        context.cwd,
        (0,_command_js__WEBPACK_IMPORTED_MODULE_8__/* .requireInput */ .oN)(raw, "run-record", "Pass the run step's run-record output.")
      ),
      output: () => {
        const output = raw.string("output")?.trim();
        return output ? node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(context.cwd, output) : void 0;
      },
      format: () => (0,_command_js__WEBPACK_IMPORTED_MODULE_8__/* .booleanInput */ .tE)(raw, "json") || raw.string("output")?.trim().endsWith(".json") ? "json" : "html",
      champion: () => (0,_champion_js__WEBPACK_IMPORTED_MODULE_7__/* .parseChampionSource */ .o)(raw, context, "report", "champion-run-record"),
      metricsTask: () => raw.string("metrics-task")?.trim() || void 0
    });
  },
  async run(inputs, context) {
    const { ui, cwd } = context;
    const { record, output, champion } = await ui.group("Read the run", async () => {
      const read = await (0,_google_inputs_js__WEBPACK_IMPORTED_MODULE_9__/* .readRunRecord */ .lR)(inputs.runRecord, cwd);
      const file = inputs.output ?? node_path__WEBPACK_IMPORTED_MODULE_0__.join(
        node_path__WEBPACK_IMPORTED_MODULE_0__.dirname(inputs.runRecord),
        inputs.format === "json" ? "report.json" : "report.html"
      );
      await (0,_adapters_writable_js__WEBPACK_IMPORTED_MODULE_3__/* .assertWritableFile */ .f)(
        file,
        "The report",
        "Point output at a file in a folder you can write."
      );
      if (inputs.champion.kind === "file") await assertRunRecord(inputs.champion.file, cwd);
      const found = inputs.champion.kind === "none" ? void 0 : await (0,_champion_js__WEBPACK_IMPORTED_MODULE_7__/* .findChampion */ .f)(inputs.champion, inputs.metricsTask, context);
      return { record: read, output: file, champion: found };
    });
    const data = await ui.group(
      "Write the report",
      () => writeReport(
        record,
        {
          output,
          format: inputs.format,
          ...champion ? { champion } : {},
          ...inputs.metricsTask ? { metricsTask: inputs.metricsTask } : {}
        },
        context
      )
    );
    ui.headline(
      data.verdict.passed,
      `${data.verdict.headline} (report: ${node_path__WEBPACK_IMPORTED_MODULE_0__.relative(cwd, output) || output})`
    );
    return { outputs: { report: output, passed: String(data.verdict.passed) } };
  }
});
async function assertRunRecord(file, cwd) {
  await (0,_google_inputs_js__WEBPACK_IMPORTED_MODULE_9__/* .readRunRecord */ .lR)(file, cwd);
}
async function writeReport(record, options, context) {
  const { ui, cwd } = context;
  const reader = new _adapters_run_artifacts_js__WEBPACK_IMPORTED_MODULE_2__/* .ArtifactReader */ .ao({
    env: context.env,
    ...withProject((0,_adapters_run_artifacts_js__WEBPACK_IMPORTED_MODULE_2__/* .projectOfRun */ .GK)(record)),
    onRetry: (message) => ui.warning(message)
  });
  const artifacts = await (0,_adapters_run_artifacts_js__WEBPACK_IMPORTED_MODULE_2__/* .loadReportArtifacts */ .Ie)(record, reader, node_path__WEBPACK_IMPORTED_MODULE_0__.dirname(options.output));
  const { champion } = options;
  const championEvaluation = champion?.record && (0,_core_run_report_report_artifacts_js__WEBPACK_IMPORTED_MODULE_4__/* .reportArtifactUris */ .Gn)(champion.record).evaluation;
  const data = (0,_core_run_report_report_data_js__WEBPACK_IMPORTED_MODULE_5__/* .buildReportData */ .Pv)(record, artifacts, {
    ...options.metricsTask ? { metricsTask: options.metricsTask } : {},
    ...champion ? {
      champion: {
        source: champion.source,
        metrics: champion.metrics,
        ...championEvaluation ? { evaluation: await reader.read(championEvaluation) } : {}
      }
    } : {}
  });
  for (const warning of data.warnings) ui.warning(warning);
  const content = options.format === "json" ? `${JSON.stringify(data, null, 2)}
` : (0,_core_run_report_report_html_js__WEBPACK_IMPORTED_MODULE_6__/* .renderReportHtml */ .Y)(data);
  await (0,_adapters_atomic_file_js__WEBPACK_IMPORTED_MODULE_1__/* .writeFileAtomically */ .l)(options.output, content);
  const shown = node_path__WEBPACK_IMPORTED_MODULE_0__.relative(cwd, options.output) || options.output;
  ui.info(`The report is in ${shown} (${Math.ceil(Buffer.byteLength(content) / 1024)} KB).`);
  return data;
}
function withProject(project) {
  return project ? { project } : {};
}



/***/ }),

/***/ 578:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ff: () => (/* binding */ RPC_CODES),
/* harmony export */   hz: () => (/* binding */ HTTP_TO_RPC),
/* harmony export */   iS: () => (/* binding */ TRANSIENT_RPC_CODES)
/* harmony export */ });
const RPC_CODES = {
  OK: 0,
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16
};
const HTTP_TO_RPC = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  409: "ALREADY_EXISTS",
  412: "FAILED_PRECONDITION",
  429: "RESOURCE_EXHAUSTED",
  499: "CANCELLED",
  500: "INTERNAL",
  501: "UNIMPLEMENTED",
  503: "UNAVAILABLE",
  504: "DEADLINE_EXCEEDED"
};
const TRANSIENT_RPC_CODES = /* @__PURE__ */ new Set([
  RPC_CODES.DEADLINE_EXCEEDED,
  RPC_CODES.RESOURCE_EXHAUSTED,
  RPC_CODES.INTERNAL,
  RPC_CODES.UNAVAILABLE
]);



/***/ })

};
