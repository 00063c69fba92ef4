export const id = 1690;
export const ids = [1690,6457,6323];
export const modules = {

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

/***/ 6457:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KfpRegistry: () => (/* binding */ KfpRegistry)
/* harmony export */ });
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6323);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9033);
/* harmony import */ var _core_gcp_kfp_template_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8505);
/* harmony import */ var _endpoints_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(824);
/* harmony import */ var _google_client_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9167);





class KfpRegistry {
  #google;
  #auth;
  #options;
  #session;
  constructor(google, options) {
    this.#google = google;
    this.#options = options;
    this.#auth = (0,_google_client_js__WEBPACK_IMPORTED_MODULE_3__/* .googleAuth */ .Ky)(google, options.env, options.project);
  }
  static async connect(options) {
    return new KfpRegistry(await (0,_google_client_js__WEBPACK_IMPORTED_MODULE_3__/* .loadGoogleClients */ .SD)(options.project, options.env), options);
  }
  #hostUrl(repository) {
    const base = (0,_endpoints_js__WEBPACK_IMPORTED_MODULE_4__/* .googleEndpoints */ .g)(this.#options.env).kfpRegistry.replaceAll(
      "{region}",
      repository.region
    );
    return `${base}/${repository.project}/${repository.repository}`;
  }
  /** Sends a request to the kfp host with a token, retried as every HTTP call here is. */
  async #send(purpose, url, init) {
    const token = await this.#auth.getAccessToken();
    try {
      return await (0,_http_js__WEBPACK_IMPORTED_MODULE_0__/* .requestText */ .T9)(
        purpose,
        url,
        { ...init, headers: { authorization: `Bearer ${token ?? ""}` } },
        _http_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_RETRY */ .vI,
        this.#options.onRetry
      );
    } catch (error) {
      throw error instanceof _http_js__WEBPACK_IMPORTED_MODULE_0__/* .HttpError */ .j$ ? explainRegistryError(error) : error;
    }
  }
  /** Uploads a compiled pipeline; the same content always gets the same version. */
  async upload(repository, fileName, content, tags) {
    const response = await this.#send(
      `upload ${fileName} to ${repository.repository}`,
      this.#hostUrl(repository),
      { method: "POST", body: uploadForm(fileName, content, tags) }
    );
    const text = response.trim();
    const [packageName, version] = text.split("/");
    if (!packageName || !version?.startsWith(_core_gcp_kfp_template_js__WEBPACK_IMPORTED_MODULE_2__/* .VERSION_PREFIX */ .qA))
      throw new Error(`Artifact Registry answered the upload with "${text.slice(0, 200)}"`);
    return { packageName, version };
  }
  async download(template) {
    const url = `${this.#hostUrl(template)}/${encodeURIComponent(template.packageName)}/${encodeURIComponent(template.ref)}`;
    return this.#send(`download template ${template.packageName}/${template.ref}`, url, {
      method: "GET"
    });
  }
  /** The version (`sha256:…`) a tag points at. */
  async resolveTag(template) {
    if (template.ref.startsWith(_core_gcp_kfp_template_js__WEBPACK_IMPORTED_MODULE_2__/* .VERSION_PREFIX */ .qA)) return template.ref;
    this.#session ??= new _google_client_js__WEBPACK_IMPORTED_MODULE_3__/* .ClientSession */ .ed(
      () => new this.#google.ArtifactRegistryClient(
        (0,_google_client_js__WEBPACK_IMPORTED_MODULE_3__/* .restClientOptions */ .i3)(
          (0,_endpoints_js__WEBPACK_IMPORTED_MODULE_4__/* .googleEndpoints */ .g)(this.#options.env).artifactRegistry,
          this.#options.project,
          this.#options.env
        )
      ),
      {
        onRetry: this.#options.onRetry,
        fixes: {
          5: `Check the template: tag "${template.ref}" of ${template.packageName} was not found.`
        }
      }
    );
    const name = `projects/${template.project}/locations/${template.region}/repositories/${template.repository}/packages/${template.packageName}/tags/${template.ref}`;
    const [tag] = await this.#session.call(
      `resolve tag ${template.ref} of ${template.packageName}`,
      (c) => c.getTag({ name })
    );
    const version = (tag.version ?? "").split("/versions/")[1];
    if (!version) throw new Error(`Tag ${name} points at no version`);
    return decodeURIComponent(version);
  }
  async close() {
    await this.#session?.close();
  }
}
function explainRegistryError(error) {
  const fixes = {
    400: "Check that the repository has the Kubeflow Pipelines format and the tags are valid.",
    401: "The credentials were rejected: re-run the auth step.",
    403: "Grant the identity roles/artifactregistry.writer (publish) or .reader (run) on the repository.",
    404: "Check the repository URL (create it with format KFP), the package and the tag."
  };
  const fix = fixes[error.status];
  return fix ? new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(error.message, { fix, cause: error }) : error;
}
function uploadForm(fileName, content, tags) {
  const form = new FormData();
  form.append("content", new Blob([content], { type: "application/x-yaml" }), fileName);
  if (tags.length > 0) form.append("tags", tags.join(","));
  return form;
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

/***/ 1690:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   publishCommand: () => (/* binding */ publishCommand)
/* harmony export */ });
/* harmony import */ var _adapters_gcp_kfp_registry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6457);
/* harmony import */ var _core_gcp_kfp_template_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8505);
/* harmony import */ var _core_ir_serialize_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7952);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5435);
/* harmony import */ var _google_inputs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8826);
/* harmony import */ var _pipeline_inputs_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8407);






const publishCommand = (0,_command_js__WEBPACK_IMPORTED_MODULE_3__/* .defineCommand */ .NB)({
  name: "publish",
  summary: "Compile a pipeline and upload it to an Artifact Registry Kubeflow Pipelines repository as a versioned template with tags.",
  inputs: [
    ..._pipeline_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .PIPELINE_INPUTS */ .Tj,
    {
      name: "repository",
      description: "The Kubeflow Pipelines repository: https://REGION-kfp.pkg.dev/PROJECT/REPOSITORY, or its id with project-id and region.",
      kind: "string",
      required: true,
      valueName: "REPOSITORY"
    },
    {
      name: "tags",
      description: "Tags for the version; each moves to it from any older version. Defaults to latest and, in a workflow, the short commit SHA.",
      kind: "list",
      valueName: "TAG"
    },
    _google_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .PROJECT_INPUT */ .Hl,
    _google_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .REGION_INPUT */ .aD
  ],
  outputs: [
    { name: "package", description: "The template package (the pipeline name)." },
    { name: "version", description: "The template's version, sha256:<hex> of its content." },
    {
      name: "template-uri",
      description: "The template pinned by version, for run and schedule (pipeline: <template-uri>)."
    },
    { name: "tags", description: "The tags given to the version, comma-separated." }
  ],
  parseInputs(raw, context) {
    return (0,_command_js__WEBPACK_IMPORTED_MODULE_3__/* .parseFields */ .L5)("publish", {
      ...(0,_pipeline_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .pipelineSourceFields */ .Nl)(raw, context),
      repository: () => (0,_core_gcp_kfp_template_js__WEBPACK_IMPORTED_MODULE_1__/* .parseKfpRepository */ .Z3)(
        (0,_command_js__WEBPACK_IMPORTED_MODULE_3__/* .requireInput */ .oN)(
          raw,
          "repository",
          "Give the repository, https://REGION-kfp.pkg.dev/PROJECT/REPOSITORY."
        ),
        {
          project: (0,_google_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .projectInput */ .Yg)(raw, context),
          region: raw.string("region")?.trim()
        }
      ),
      tags: () => {
        const given = raw.list("tags").map((tag) => tag.trim()).filter((tag) => tag !== "");
        const sha = context.env.GITHUB_SHA?.slice(0, 7).toLowerCase();
        const tags = given.length > 0 ? given : ["latest", ...sha ? [sha] : []];
        return [...new Set(tags.map(_core_gcp_kfp_template_js__WEBPACK_IMPORTED_MODULE_1__/* .checkTag */ .Bs))];
      }
    });
  },
  async run(inputs, context) {
    const { ui } = context;
    const loaded = await ui.group("Compile and validate", () => (0,_pipeline_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .loadPipelineFrom */ .bW)(inputs, context));
    const content = (0,_core_ir_serialize_js__WEBPACK_IMPORTED_MODULE_2__/* .serializePipelineSpec */ .c)(loaded.spec);
    const registry = await _adapters_gcp_kfp_registry_js__WEBPACK_IMPORTED_MODULE_0__.KfpRegistry.connect({
      project: inputs.repository.project,
      env: context.env,
      onRetry: (message) => ui.warning(message)
    });
    try {
      const { packageName, version } = await ui.group(
        "Upload",
        () => registry.upload(
          inputs.repository,
          `${loaded.spec.pipelineInfo.name}.yaml`,
          content,
          inputs.tags
        )
      );
      const uri = (0,_core_gcp_kfp_template_js__WEBPACK_IMPORTED_MODULE_1__/* .templateUri */ .zy)({ ...inputs.repository, packageName, ref: version });
      ui.table(
        `Published ${packageName}`,
        ["Package", "Version", "Tags", "Template"],
        [[packageName, version, inputs.tags.join(", "), uri]]
      );
      return {
        outputs: {
          package: packageName,
          version,
          "template-uri": uri,
          tags: inputs.tags.join(",")
        }
      };
    } finally {
      await registry.close();
    }
  }
});



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



/***/ }),

/***/ 7952:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ serializePipelineSpec)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);

function serializePipelineSpec(spec, format = "yaml") {
  if (format === "json") return `${JSON.stringify(sortKeys(spec), null, 2)}
`;
  return `${header(spec)}${(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .stringify */ .As)(sortKeys(spec), { lineWidth: 0, aliasDuplicateObjects: false })}`;
}
function header(spec) {
  const lines = ["# PIPELINE DEFINITION", `# Name: ${spec.pipelineInfo.name}`];
  if (spec.pipelineInfo.description)
    lines.push(`# Description: ${spec.pipelineInfo.description.split("\n")[0] ?? ""}`);
  const pythonType = {
    STRING: "str",
    NUMBER_INTEGER: "int",
    NUMBER_DOUBLE: "float",
    BOOLEAN: "bool",
    LIST: "list",
    STRUCT: "dict"
  };
  const pythonLiteral = (value) => typeof value === "string" ? `'${value}'` : typeof value === "boolean" ? value ? "True" : "False" : JSON.stringify(value);
  const describe = (section) => {
    const definitions = spec.root[section];
    const entries = [];
    for (const [name, parameter] of Object.entries(definitions?.parameters ?? {})) {
      const fallback = "defaultValue" in parameter && parameter.defaultValue !== void 0 ? ` [Default: ${pythonLiteral(parameter.defaultValue)}]` : "";
      const type = String(parameter.parameterType);
      entries.push(`#    ${name}: ${pythonType[type] ?? type}${fallback}`);
    }
    const artifacts = definitions?.artifacts ?? {};
    for (const [name, artifact] of Object.entries(artifacts)) {
      entries.push(`#    ${name}: ${artifact.artifactType.schemaTitle ?? "artifact"}`);
    }
    return entries;
  };
  const inputs = describe("inputDefinitions");
  const outputs = describe("outputDefinitions");
  if (inputs.length > 0) lines.push("# Inputs:", ...inputs);
  if (outputs.length > 0) lines.push("# Outputs:", ...outputs);
  return `${lines.join("\n")}
`;
}
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.keys(value).sort().map((key) => [key, sortKeys(value[key])])
  );
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
