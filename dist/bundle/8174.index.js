export const id = 8174;
export const ids = [8174,6323];
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

/***/ 6714:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bq: () => (/* binding */ formatPlatform),
/* harmony export */   D: () => (/* binding */ dockerConfigCredentials),
/* harmony export */   bP: () => (/* binding */ RegistryClient),
/* harmony export */   lO: () => (/* binding */ readImageLabels),
/* harmony export */   mm: () => (/* binding */ inspectImage)
/* harmony export */ });
/* unused harmony exports fixedCredentials, realmTakesCredentials */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9033);
/* harmony import */ var _core_images_image_reference_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3698);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6323);







function fixedCredentials(credentials) {
  return { basic: () => Promise.resolve(credentials) };
}
function dockerConfigCredentials(env) {
  return {
    async basic(host) {
      const file = node_path__WEBPACK_IMPORTED_MODULE_3__.join(env.DOCKER_CONFIG ?? node_path__WEBPACK_IMPORTED_MODULE_3__.join((0,node_os__WEBPACK_IMPORTED_MODULE_2__.homedir)(), ".docker"), "config.json");
      let config;
      try {
        config = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(file, "utf8"));
      } catch {
        return void 0;
      }
      const wanted = (0,_core_images_image_reference_js__WEBPACK_IMPORTED_MODULE_5__/* .registryHostKey */ .zQ)(host);
      const entry = Object.entries(config.auths ?? {}).find(
        ([key]) => (0,_core_images_image_reference_js__WEBPACK_IMPORTED_MODULE_5__/* .registryHostKey */ .zQ)(key) === wanted
      )?.[1];
      if (!entry?.auth) return void 0;
      const decoded = Buffer.from(entry.auth, "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      return colon < 0 ? void 0 : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
  };
}
const MANIFEST_LIST_TYPES = [
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.docker.distribution.manifest.list.v2+json"
];
const MANIFEST_TYPES = [
  ...MANIFEST_LIST_TYPES,
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.docker.distribution.manifest.v2+json"
].join(", ");
function challenge(header) {
  const [scheme = "", ...rest] = (header ?? "").split(" ");
  const params = {};
  for (const match of rest.join(" ").matchAll(/(\w+)="([^"]*)"/g))
    params[match[1] ?? ""] = match[2] ?? "";
  return { scheme: scheme.toLowerCase(), params };
}
function realmTakesCredentials(realm) {
  return realm.protocol === "https:" || (0,_core_images_image_reference_js__WEBPACK_IMPORTED_MODULE_5__/* .isLoopbackRegistry */ .jW)(realm.host);
}
function basicAuthorization(credentials) {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}`;
}
const TOKEN_EXPIRY_MARGIN_SECONDS = 10;
class RegistryClient {
  constructor(image, credentials, onRetry) {
    this.image = image;
    this.credentials = credentials;
    this.onRetry = onRetry;
    const scheme = (0,_core_images_image_reference_js__WEBPACK_IMPORTED_MODULE_5__/* .isLoopbackRegistry */ .jW)(image.registry) ? "http" : "https";
    this.#base = `${scheme}://${image.registry}/v2/${image.repository}`;
  }
  image;
  credentials;
  onRetry;
  #base;
  /** Set once the registry asks for Basic auth: then sent with every request. */
  #basicAuthorization;
  /** Bearer tokens per scope (pull, or pull,push for PUTs), each until it expires. */
  #tokens = /* @__PURE__ */ new Map();
  /** Who the requests are made as, for errors (never the password). */
  #username;
  /** A plain-http token realm the credentials were withheld from, for errors. */
  #insecureRealm;
  /** The manifest a tag or digest names, or undefined when the registry has none. */
  async manifest(reference) {
    const reply = await this.#send("GET", `manifests/${reference}`, {
      accept: MANIFEST_TYPES
    });
    if (reply.status === 404) return void 0;
    this.#check(reply, `read the manifest ${reference}`);
    const bytes = Buffer.from(reply.text, "utf8");
    const body = JSON.parse(reply.text);
    const mediaType = reply.headers.get("content-type")?.split(";")[0] ?? (typeof body.mediaType === "string" ? body.mediaType : "");
    const digest = `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256").update(bytes).digest("hex")}`;
    return { digest, mediaType, bytes, body };
  }
  /** The digest a tag points at (HEAD, no body), or undefined when the tag does not exist. */
  async digest(reference) {
    const reply = await this.#send("HEAD", `manifests/${reference}`, { accept: MANIFEST_TYPES });
    if (reply.status === 404) return void 0;
    this.#check(reply, `look up ${reference}`);
    return reply.headers.get("docker-content-digest") ?? (await this.manifest(reference))?.digest;
  }
  /** Points a tag at a manifest already in the repository (what `crane tag` does). */
  async tag(tag, manifest) {
    const reply = await this.#send("PUT", `manifests/${tag}`, {
      contentType: manifest.mediaType,
      body: manifest.bytes
    });
    this.#check(reply, `tag ${manifest.digest} as ${tag}`);
  }
  async blobJson(digest) {
    const reply = await this.#send("GET", `blobs/${digest}`, { accept: "*/*" });
    this.#check(reply, `read the blob ${digest}`);
    return JSON.parse(reply.text);
  }
  #check(reply, purpose) {
    if (reply.status >= 200 && reply.status < 300) return;
    const where = `${this.image.registry}/${this.image.repository}`;
    if ((reply.status === 401 || reply.status === 403) && this.#insecureRealm) {
      throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(
        `The registry ${this.image.registry} sends clients for tokens to ${this.#insecureRealm}, which is not https, so its credentials were not sent there; anonymous access was refused (HTTP ${reply.status}, trying to ${purpose} in ${where})`,
        {
          fix: "Credentials go over plain http only to loopback: the registry must serve its token realm over https."
        }
      );
    }
    if (reply.status === 401 || reply.status === 403) {
      const who = this.#username ? `the credentials of ${this.#username}` : "anonymous access";
      const insufficientScope = challenge(reply.headers.get("www-authenticate")).params.error === "insufficient_scope";
      throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(
        reply.status === 401 && !insufficientScope ? `The registry ${this.image.registry} rejected ${who} (HTTP 401, trying to ${purpose} in ${where})` : `The registry ${this.image.registry} denied ${who} permission to ${purpose} in ${where} (HTTP ${reply.status}${insufficientScope ? " insufficient_scope" : ""})`,
        {
          fix: "Check the registry credentials: for Artifact Registry, that the auth step ran and its service account has roles/artifactregistry.writer (reader to inspect); else registry-username and registry-password, which go to the registry of the image built or checked (images diff: image-a) only; log in to any other with docker login."
        }
      );
    }
    throw (0,_http_js__WEBPACK_IMPORTED_MODULE_6__/* .httpError */ .p2)(`${purpose} in ${where}`, reply);
  }
  async #send(method, suffix, options) {
    const url = `${this.#base}/${suffix}`;
    const purpose = `${method} ${suffix} in ${this.image.registry}`;
    const scope = `repository:${this.image.repository}:${method === "PUT" ? "pull,push" : "pull"}`;
    for (let attempt = 0; ; attempt++) {
      const headers = {};
      if (options.accept) headers.accept = options.accept;
      if (options.contentType) headers["content-type"] = options.contentType;
      const authorization = this.#authorization(scope);
      if (authorization) headers.authorization = authorization;
      const reply = await (0,_http_js__WEBPACK_IMPORTED_MODULE_6__/* .sendWithRetry */ .lx)(
        purpose,
        url,
        { method, headers, ...options.body ? { body: options.body } : {} },
        void 0,
        this.onRetry
      );
      if (reply.status !== 401 || attempt > 0) return reply;
      this.#tokens.delete(scope);
      if (!await this.#authorize(reply.headers.get("www-authenticate"), scope)) return reply;
    }
  }
  #authorization(scope) {
    const token = this.#tokens.get(scope);
    if (token && token.expiresAt > Date.now()) return token.authorization;
    return this.#basicAuthorization;
  }
  /** Answers a challenge: Basic credentials, or a token for `scope` and the scopes it names. */
  async #authorize(header, scope) {
    const { scheme, params } = challenge(header);
    const basic = await this.credentials.basic(this.image.registry);
    if (scheme === "basic") {
      this.#username = basic?.username;
      this.#basicAuthorization = basic && basicAuthorization(basic);
      return basic !== void 0;
    }
    if (scheme !== "bearer" || !params.realm) return false;
    const tokenUrl = new URL(params.realm);
    const sent = basic && realmTakesCredentials(tokenUrl) ? basic : void 0;
    this.#username = sent?.username;
    this.#insecureRealm = basic && !sent ? `${tokenUrl.origin}${tokenUrl.pathname}` : void 0;
    if (params.service) tokenUrl.searchParams.set("service", params.service);
    const scopes = /* @__PURE__ */ new Map();
    for (const each of [scope, ...(params.scope ?? "").split(" ").filter(Boolean)]) {
      const colon = each.lastIndexOf(":");
      const key = `${each.slice(0, colon)}:${each.slice(colon + 1).split(",").sort().join(",")}`;
      if (!scopes.has(key)) scopes.set(key, each);
    }
    for (const each of scopes.values()) tokenUrl.searchParams.append("scope", each);
    const reply = await (0,_http_js__WEBPACK_IMPORTED_MODULE_6__/* .sendWithRetry */ .lx)(
      `get a token from ${tokenUrl.host}`,
      tokenUrl.href,
      { headers: sent ? { authorization: basicAuthorization(sent) } : {} },
      void 0,
      this.onRetry
    );
    if (reply.status !== 200) return false;
    const body = JSON.parse(reply.text);
    const token = body.token ?? body.access_token;
    if (!token) return false;
    const lifetime = Math.max(0, (body.expires_in ?? 60) - TOKEN_EXPIRY_MARGIN_SECONDS);
    this.#tokens.set(scope, {
      authorization: `Bearer ${token}`,
      expiresAt: Date.now() + lifetime * 1e3
    });
    return true;
  }
}
function formatPlatform(platform) {
  return [platform.os, platform.architecture, platform.variant].filter(Boolean).join("/");
}
function isAttestation(entry) {
  return entry.annotations?.["vnd.docker.reference.type"] === "attestation-manifest" || entry.platform?.os === "unknown" && entry.platform.architecture === "unknown";
}
async function imageConfig(client, manifest) {
  const configDigest = manifest.body.config?.digest;
  if (!configDigest) throw new Error(`the manifest ${manifest.digest} names no config`);
  const config = await client.blobJson(configDigest);
  const labels = config.config?.Labels ?? {};
  return {
    platform: {
      os: typeof config.os === "string" ? config.os : "unknown",
      architecture: typeof config.architecture === "string" ? config.architecture : "unknown",
      ...typeof config.variant === "string" ? { variant: config.variant } : {}
    },
    labels
  };
}
async function inspectImage(client, reference) {
  const top = await client.manifest(reference);
  const display = (0,_core_images_image_reference_js__WEBPACK_IMPORTED_MODULE_5__/* .formatImage */ .vy)({ ...client.image, reference });
  if (!top) {
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`The image ${display} does not exist`, {
      fix: "Check the image name and tag (the build step outputs the exact reference)."
    });
  }
  if (!MANIFEST_LIST_TYPES.includes(top.mediaType) && !Array.isArray(top.body.manifests)) {
    const { platform: platform2, labels: labels2 } = await imageConfig(client, top);
    const amd64 = platform2.os === "linux" && platform2.architecture === "amd64";
    return {
      digest: top.digest,
      platforms: [platform2],
      ...amd64 ? { amd64: { digest: top.digest, labels: labels2 } } : {}
    };
  }
  const entries = top.body.manifests.filter((entry) => !isAttestation(entry));
  const platforms = entries.map((entry) => ({
    os: entry.platform?.os ?? "unknown",
    architecture: entry.platform?.architecture ?? "unknown",
    ...entry.platform?.variant ? { variant: entry.platform.variant } : {}
  }));
  const amd64Entry = entries.find(
    (entry) => entry.platform?.os === "linux" && entry.platform.architecture === "amd64"
  );
  if (!amd64Entry) return { digest: top.digest, platforms };
  const child = await client.manifest(amd64Entry.digest);
  if (!child)
    throw new Error(`the index ${top.digest} names ${amd64Entry.digest}, which is missing`);
  const { platform, labels } = await imageConfig(client, child);
  if (platform.architecture !== "amd64") {
    return { digest: top.digest, platforms: [platform] };
  }
  return { digest: top.digest, platforms, amd64: { digest: child.digest, labels } };
}
async function readImageLabels(image, credentials) {
  try {
    const ref = (0,_core_images_image_reference_js__WEBPACK_IMPORTED_MODULE_5__/* .parseImageReference */ .o_)(image);
    const inspected = await inspectImage(new RegistryClient(ref, credentials), ref.reference);
    if (!inspected.amd64) {
      return {
        error: `${image} has no linux/amd64 image (it has ${inspected.platforms.map(formatPlatform).join(", ")})`
      };
    }
    return { labels: inspected.amd64.labels };
  } catch (error) {
    return { error: error.message };
  }
}



/***/ }),

/***/ 4195:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qn: () => (/* binding */ registryCredentials),
/* harmony export */   sO: () => (/* binding */ GOOGLE_REGISTRY_USER)
/* harmony export */ });
/* unused harmony export keyedCredentials */
/* harmony import */ var _core_images_image_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3698);
/* harmony import */ var _gcp_google_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9167);
/* harmony import */ var _registry_client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6714);



const GOOGLE_REGISTRY_USER = "oauth2accesstoken";
function keyedCredentials(sources) {
  const loginHost = sources.login && (0,_core_images_image_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .registryHostKey */ .zQ)(sources.login.host);
  const artifactRegistryHost = sources.artifactRegistryHost && (0,_core_images_image_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .registryHostKey */ .zQ)(sources.artifactRegistryHost);
  return {
    async basic(host) {
      const key = (0,_core_images_image_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .registryHostKey */ .zQ)(host);
      if (sources.login && key === loginHost) return sources.login.credentials;
      if ((0,_core_images_image_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .isGoogleRegistry */ .JA)(key) || key === artifactRegistryHost) {
        const token = await sources.googleToken();
        if (token) {
          sources.maskSecret?.(token, "the registry access token");
          return { username: GOOGLE_REGISTRY_USER, password: token };
        }
      }
      return sources.fallback.basic(host);
    }
  };
}
function registryCredentials(env, options = {}) {
  return keyedCredentials({
    ...options,
    googleToken: (0,_gcp_google_client_js__WEBPACK_IMPORTED_MODULE_1__/* .googleTokenSource */ .IG)(env),
    fallback: (0,_registry_client_js__WEBPACK_IMPORTED_MODULE_2__/* .dockerConfigCredentials */ .D)(env)
  });
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

/***/ 7589:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NX: () => (/* binding */ normalizePackageName),
/* harmony export */   Wi: () => (/* binding */ frameworkLabels),
/* harmony export */   ZB: () => (/* binding */ PYTHON),
/* harmony export */   aX: () => (/* binding */ frameworkVersions),
/* harmony export */   be: () => (/* binding */ versionsFromLabels),
/* harmony export */   ds: () => (/* binding */ FRAMEWORK_PACKAGES),
/* harmony export */   eG: () => (/* binding */ diffEnvironments),
/* harmony export */   l6: () => (/* binding */ compareFrameworks),
/* harmony export */   q3: () => (/* binding */ SKLEARN_VERSION_LABELS)
/* harmony export */ });
const PYTHON = "python";
const EXACT_PACKAGES = ["scikit-learn", "xgboost", "lightgbm"];
const MINOR_PACKAGES = ["numpy", "pandas", "joblib"];
const FRAMEWORK_PACKAGES = [...EXACT_PACKAGES, ...MINOR_PACKAGES, PYTHON];
const LABEL_PREFIX = "mlops.framework.";
const SKLEARN_VERSION_LABELS = [
  `${LABEL_PREFIX}scikit-learn`,
  "mlops.framework-version",
  "org.scikit-learn.version",
  "sklearn.version",
  "scikit-learn.version"
];
function normalizePackageName(name) {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}
function frameworkVersions(environment, packages = FRAMEWORK_PACKAGES) {
  const versions = {};
  for (const name of packages) {
    const version = name === PYTHON ? environment.python : environment.packages[name];
    if (version) versions[name] = version;
  }
  return versions;
}
function frameworkLabels(versions) {
  return Object.fromEntries(
    Object.entries(versions).map(([name, version]) => [`${LABEL_PREFIX}${name}`, version])
  );
}
function versionsFromLabels(labels) {
  const entries = Object.entries(labels).filter(([key]) => key.startsWith(LABEL_PREFIX)).map(([key, value]) => [key.slice(LABEL_PREFIX.length), value]);
  if (entries.length === 0) return void 0;
  const rank = (name) => {
    const index = FRAMEWORK_PACKAGES.indexOf(name);
    return index < 0 ? FRAMEWORK_PACKAGES.length : index;
  };
  return Object.fromEntries(entries.sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)));
}
function majorMinor(version) {
  return version.split(/[.+-]/).slice(0, 2).join(".");
}
function compareVersion(name, training, serving) {
  if (training === serving) return "same";
  if (EXACT_PACKAGES.includes(name)) return "mismatch";
  return majorMinor(training) === majorMinor(serving) ? "compatible" : "mismatch";
}
function compareFrameworks(training, serving, packages = FRAMEWORK_PACKAGES) {
  const rows = packages.map((name) => {
    const left = training[name];
    const right = serving[name];
    let match;
    if (left === void 0) match = "absent";
    else if (right === void 0) match = "missing";
    else match = compareVersion(name, left, right);
    return { name, training: left, serving: right, match };
  });
  return { rows, failed: rows.some((row) => row.match === "mismatch" || row.match === "missing") };
}
function diffEnvironments(left, right) {
  const names = /* @__PURE__ */ new Set([...Object.keys(left.packages), ...Object.keys(right.packages)]);
  const rows = [
    {
      name: PYTHON,
      left: left.python,
      right: right.python,
      same: left.python === right.python,
      framework: true
    }
  ];
  for (const name of names) {
    const a = left.packages[name];
    const b = right.packages[name];
    rows.push({
      name,
      left: a,
      right: b,
      same: a === b,
      framework: FRAMEWORK_PACKAGES.includes(name)
    });
  }
  const rank = (row) => row.framework ? FRAMEWORK_PACKAGES.indexOf(row.name) : FRAMEWORK_PACKAGES.length;
  return rows.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}



/***/ }),

/***/ 3698:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JA: () => (/* binding */ isGoogleRegistry),
/* harmony export */   Oq: () => (/* binding */ artifactRegistryRepository),
/* harmony export */   jH: () => (/* binding */ checkDockerTag),
/* harmony export */   jW: () => (/* binding */ isLoopbackRegistry),
/* harmony export */   mB: () => (/* binding */ contentTag),
/* harmony export */   o_: () => (/* binding */ parseImageReference),
/* harmony export */   pY: () => (/* binding */ registryHostOf),
/* harmony export */   tO: () => (/* binding */ imageName),
/* harmony export */   tt: () => (/* binding */ checkRegistryLocation),
/* harmony export */   vy: () => (/* binding */ formatImage),
/* harmony export */   zQ: () => (/* binding */ registryHostKey)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9033);

function registryHostOf(image) {
  const withoutDigest = image.trim().split("@")[0] ?? "";
  const slash = withoutDigest.indexOf("/");
  const first = slash < 0 ? "" : withoutDigest.slice(0, slash);
  return first.includes(".") || first.includes(":") || first === "localhost" ? first : void 0;
}
function parseImageReference(image) {
  const [withoutDigest = "", digest] = image.trim().split("@");
  const host = registryHostOf(image);
  const hasRegistry = host !== void 0;
  const slash = withoutDigest.indexOf("/");
  const registry = host ?? "registry-1.docker.io";
  let rest = hasRegistry ? withoutDigest.slice(slash + 1) : withoutDigest;
  if (!hasRegistry && !rest.includes("/")) rest = `library/${rest}`;
  const colon = rest.lastIndexOf(":");
  const repository = colon > rest.lastIndexOf("/") ? rest.slice(0, colon) : rest;
  const tag = colon > rest.lastIndexOf("/") ? rest.slice(colon + 1) : "latest";
  if (!repository || !/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(
    repository
  )) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`"${image}" is not an image reference`, {
      fix: "Use REGISTRY/REPOSITORY[:TAG][@sha256:DIGEST], with a lower-case repository path."
    });
  }
  if (digest !== void 0 && !/^sha256:[a-f0-9]{64}$/.test(digest)) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`"${image}" has a malformed digest`, {
      fix: "A digest is sha256: followed by 64 hex digits."
    });
  }
  return { registry, repository, reference: digest ?? checkDockerTag(tag) };
}
function imageName(ref) {
  return `${ref.registry}/${ref.repository}`;
}
function formatImage(ref) {
  const separator = ref.reference.startsWith("sha256:") ? "@" : ":";
  return `${imageName(ref)}${separator}${ref.reference}`;
}
function checkDockerTag(tag) {
  if (!/^[\w][\w.-]{0,127}$/.test(tag)) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`"${tag}" is not a valid image tag`, {
      fix: "Tags are up to 128 letters, digits, _, . and -, not starting with . or -."
    });
  }
  return tag;
}
function checkRegistryLocation(location) {
  if (!/^[a-z]+(-[a-z]+\d+)?$/.test(location)) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`"${location}" is not an Artifact Registry location`, {
      fix: "Use a region such as us-central1 or a multi-region: us, europe, asia."
    });
  }
  return location;
}
function artifactRegistryRepository(ref) {
  const location = /^([a-z0-9-]+)-docker\.pkg\.dev$/.exec(ref.registry)?.[1];
  const [project, repository, ...image] = ref.repository.split("/");
  if (!location || !project || !repository || image.length === 0) return void 0;
  return { project, location, repository };
}
function isGoogleRegistry(host) {
  return /(^|\.)(pkg\.dev|gcr\.io)$/.test(registryHostKey(host).replace(/:\d+$/, ""));
}
function isLoopbackRegistry(host) {
  return /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(host);
}
const DOCKER_HUB_HOSTS = /* @__PURE__ */ new Set(["docker.io", "index.docker.io", "registry-1.docker.io"]);
function registryHostKey(host) {
  const bare = host.trim().toLowerCase().replace(/^[a-z]+:\/\//, "").replace(/\/.*$/, "");
  const defaultPort = isLoopbackRegistry(bare) ? ":80" : ":443";
  const name = bare.endsWith(defaultPort) ? bare.slice(0, -defaultPort.length) : bare;
  return DOCKER_HUB_HOSTS.has(name) ? "docker.io" : name;
}
function contentTag(contentHash) {
  return `content-${contentHash.slice(0, 32)}`;
}



/***/ })

};
