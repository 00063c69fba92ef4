export const id = 5734;
export const ids = [5734,6323];
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

/***/ 826:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vg: () => (/* binding */ generateAccessToken),
/* harmony export */   Wk: () => (/* binding */ generateIdToken),
/* harmony export */   qA: () => (/* binding */ gitHubOidcRequest),
/* harmony export */   qQ: () => (/* binding */ exchangeGitHubToken),
/* harmony export */   ub: () => (/* binding */ fetchGitHubOidcToken),
/* harmony export */   vE: () => (/* binding */ jwtClaims)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9033);
/* harmony import */ var _core_gcp_workload_identity_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5487);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6323);



function gitHubOidcRequest(env) {
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const token = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (url && token) return { url, token };
  const fork = env.GITHUB_EVENT_NAME === "pull_request" && env.GITHUB_HEAD_REPOSITORY !== void 0 && env.GITHUB_HEAD_REPOSITORY !== env.GITHUB_REPOSITORY;
  throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(
    fork ? "GitHub gives no OIDC token to workflows run from a fork pull request" : "GitHub did not provide an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN are not set)",
    {
      fix: fork ? "Run Google Cloud steps only for pushes and same-repository pull requests (if: github.event.pull_request.head.repo.full_name == github.repository)." : "Add `permissions: id-token: write` (and contents: read) to the job or workflow."
    }
  );
}
function jwtClaims(jwt) {
  try {
    return JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString("utf8"));
  } catch {
    return {};
  }
}
async function fetchGitHubOidcToken(request, audience) {
  const url = new URL(request.url);
  url.searchParams.set("audience", audience);
  const body = await (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .requestJson */ .SS)("get the GitHub OIDC token", url.toString(), {
    headers: { Authorization: `Bearer ${request.token}`, Accept: "application/json" }
  }).catch((error) => {
    if (error instanceof _http_js__WEBPACK_IMPORTED_MODULE_2__/* .HttpError */ .j$ && (error.status === 401 || error.status === 403)) {
      throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`GitHub refused the OIDC token request (HTTP ${error.status})`, {
        fix: "Add `permissions: id-token: write` to the job."
      });
    }
    throw error;
  });
  if (typeof body.value !== "string" || body.value === "")
    throw new Error('The GitHub OIDC token response has no "value"');
  return body.value;
}
async function exchangeGitHubToken(endpoints, provider, oidcToken, oidcAudience, audience) {
  try {
    const body = await (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .requestJson */ .SS)(
      `exchange the GitHub token at STS for ${provider.name}`,
      `${endpoints.sts}/v1/token`,
      {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          audience,
          grantType: "urn:ietf:params:oauth:grant-type:token-exchange",
          requestedTokenType: "urn:ietf:params:oauth:token-type:access_token",
          scope: "https://www.googleapis.com/auth/cloud-platform",
          subjectTokenType: "urn:ietf:params:oauth:token-type:jwt",
          subjectToken: oidcToken
        })
      }
    );
    if (!body.access_token) throw new Error("STS replied without an access_token");
    return { accessToken: body.access_token, expiresInSeconds: body.expires_in ?? 3600 };
  } catch (error) {
    if (error instanceof _http_js__WEBPACK_IMPORTED_MODULE_2__/* .HttpError */ .j$ && error.status === 400) {
      const reply = error.body ?? {};
      throw (0,_core_gcp_workload_identity_js__WEBPACK_IMPORTED_MODULE_1__/* .explainStsError */ .ce)(
        provider,
        oidcAudience,
        reply.error ?? "invalid_request",
        reply.error_description ?? ""
      );
    }
    throw error;
  }
}
function iamFailure(error, serviceAccount, provider, identity) {
  if (error instanceof _http_js__WEBPACK_IMPORTED_MODULE_2__/* .HttpError */ .j$ && error.status >= 400 && error.status < 500) {
    const message = error.body?.error?.message ?? error.message;
    return (0,_core_gcp_workload_identity_js__WEBPACK_IMPORTED_MODULE_1__/* .explainIamError */ .tG)(serviceAccount, provider, error.status, message, identity);
  }
  return error;
}
async function generateAccessToken(endpoints, bearer, serviceAccount, lifetimeSeconds, context = {}) {
  try {
    return await (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .requestJson */ .SS)(
      `mint an access token for ${serviceAccount}`,
      `${endpoints.iamCredentials}/v1/projects/-/serviceAccounts/${serviceAccount}:generateAccessToken`,
      {
        method: "POST",
        headers: { Authorization: `Bearer ${bearer}`, "Content-Type": "application/json" },
        body: JSON.stringify({
          scope: ["https://www.googleapis.com/auth/cloud-platform"],
          lifetime: `${lifetimeSeconds}s`
        })
      }
    );
  } catch (error) {
    throw iamFailure(error, serviceAccount, context.provider, context);
  }
}
async function generateIdToken(endpoints, bearer, serviceAccount, audience, context = {}) {
  try {
    const body = await (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .requestJson */ .SS)(
      `mint an ID token for ${serviceAccount}`,
      `${endpoints.iamCredentials}/v1/projects/-/serviceAccounts/${serviceAccount}:generateIdToken`,
      {
        method: "POST",
        headers: { Authorization: `Bearer ${bearer}`, "Content-Type": "application/json" },
        body: JSON.stringify({ audience, includeEmail: true })
      }
    );
    return body.token;
  } catch (error) {
    throw iamFailure(error, serviceAccount, context.provider, context);
  }
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

/***/ 5734:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  authCommand: () => (/* binding */ authCommand)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/duration.js
var duration = __webpack_require__(3422);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/errors.js
var errors = __webpack_require__(9033);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/gcp/workload-identity.js
var workload_identity = __webpack_require__(5487);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/gcp/endpoints.js
var gcp_endpoints = __webpack_require__(824);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/gcp/workload-identity-client.js
var workload_identity_client = __webpack_require__(826);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/commands/auth-credentials.js



async function workloadIdentity(inputs, credentials, { ui, host, env }) {
  const { provider, audience } = credentials;
  const endpoints = (0,gcp_endpoints/* googleEndpoints */.g)(env);
  const request = (0,workload_identity_client/* gitHubOidcRequest */.qA)(env);
  host.maskSecret(request.token, "ACTIONS_ID_TOKEN_REQUEST_TOKEN");
  const oidcToken = await (0,workload_identity_client/* fetchGitHubOidcToken */.ub)(request, audience);
  host.maskSecret(oidcToken, "the GitHub OIDC token");
  const claims = (0,workload_identity_client/* jwtClaims */.vE)(oidcToken);
  const identity = {
    ...typeof claims.repository === "string" ? { repository: claims.repository } : {},
    ...typeof claims.sub === "string" ? { subject: claims.sub } : {}
  };
  ui.info(
    `GitHub identity: ${typeof claims.sub === "string" ? claims.sub : "unknown"} \u2192 ${provider.name}`
  );
  const federated = await (0,workload_identity_client/* exchangeGitHubToken */.qQ)(
    endpoints,
    provider,
    oidcToken,
    audience,
    (0,workload_identity/* stsAudience */.DX)(provider)
  );
  host.maskSecret(federated.accessToken, "the federated access token");
  let accessToken = federated.accessToken;
  let idToken;
  if (inputs.serviceAccount) {
    const minted = await (0,workload_identity_client/* generateAccessToken */.Vg)(
      endpoints,
      federated.accessToken,
      inputs.serviceAccount,
      inputs.lifetimeSeconds,
      { provider, ...identity }
    );
    host.maskSecret(minted.accessToken, "the access token");
    accessToken = minted.accessToken;
    if (inputs.tokenFormat === "id_token" && inputs.idTokenAudience) {
      idToken = await (0,workload_identity_client/* generateIdToken */.Wk)(
        endpoints,
        federated.accessToken,
        inputs.serviceAccount,
        inputs.idTokenAudience,
        { provider, ...identity }
      );
      host.maskSecret(idToken, "the ID token");
    }
  }
  return {
    file: (0,workload_identity/* externalAccountCredentials */.ff)({
      provider,
      oidcRequestUrl: request.url,
      oidcRequestToken: request.token,
      oidcAudience: audience,
      stsEndpoint: endpoints.sts,
      iamCredentialsEndpoint: endpoints.iamCredentials,
      ...inputs.serviceAccount ? { serviceAccount: inputs.serviceAccount } : {}
    }),
    identity: inputs.serviceAccount ?? `the federated identity of ${identity.repository ?? "this workflow"} (direct Workload Identity Federation)`,
    accessToken,
    ...idToken ? { idToken } : {}
  };
}
async function serviceAccountKey(inputs, credentials, { ui, host }) {
  ui.warning(
    "credentials-json uses a long-lived service account key. Prefer workload-identity-provider: nothing to leak or rotate."
  );
  let accessToken;
  if (inputs.tokenFormat !== "") {
    const { JWT } = await import(
      /* webpackIgnore: true */
      "#google-cloud"
    );
    const client = new JWT({
      email: credentials.key.client_email,
      key: credentials.key.private_key,
      scopes: ["https://www.googleapis.com/auth/cloud-platform"]
    });
    if (inputs.tokenFormat === "id_token" && inputs.idTokenAudience) {
      const idToken = await client.fetchIdToken(inputs.idTokenAudience);
      host.maskSecret(idToken, "the ID token");
      return {
        file: JSON.parse(credentials.json),
        identity: credentials.key.client_email,
        idToken
      };
    }
    accessToken = (await client.getAccessToken()).token ?? void 0;
    if (accessToken) host.maskSecret(accessToken, "the access token");
  }
  return {
    file: JSON.parse(credentials.json),
    identity: credentials.key.client_email,
    ...accessToken ? { accessToken } : {}
  };
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/commands/command.js
var command = __webpack_require__(5435);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/commands/auth.js








function parseLifetime(text) {
  const ms = (0,duration/* durationMs */.p)(text, "s");
  if (ms === void 0 || !Number.isInteger(ms / 1e3))
    throw new errors/* UserError */.yo(`access-token-lifetime "${text}" is not a duration`, {
      fix: "Use seconds or a unit, e.g. 3600s, 30m or 1h."
    });
  const seconds = ms / 1e3;
  if (seconds < 60 || seconds > 43200)
    throw new errors/* UserError */.yo(`access-token-lifetime ${seconds}s is out of range`, {
      fix: "Use 60s to 3600s (up to 12h where the organisation policy allows longer tokens)."
    });
  return seconds;
}
function parseKey(text) {
  const trimmed = text.trim();
  const json = trimmed.startsWith("{") ? trimmed : Buffer.from(trimmed, "base64").toString("utf8");
  let key;
  try {
    key = JSON.parse(json);
  } catch {
    throw new errors/* UserError */.yo("credentials-json is neither JSON nor base64 JSON", {
      fix: "Pass the service account key file content, e.g. ${{ secrets.GCP_SA_KEY }}."
    });
  }
  if (key.type !== "service_account" || !key.client_email || !key.private_key) {
    throw new errors/* UserError */.yo(
      "credentials-json is not a service account key (type service_account, client_email, private_key)",
      {
        fix: "Create a key with gcloud iam service-accounts keys create, or better, use workload-identity-provider."
      }
    );
  }
  return { key, json };
}
function isInside(file, folder) {
  if (!folder) return false;
  const relative = external_node_path_.relative(external_node_path_.resolve(folder), external_node_path_.resolve(file));
  return relative === "" || !relative.startsWith("..") && !external_node_path_.isAbsolute(relative);
}
const authCommand = (0,command/* defineCommand */.NB)({
  name: "auth",
  postStep: true,
  summary: "Authenticate to Google Cloud from GitHub Actions by Workload Identity Federation (no keys), for the steps that follow.",
  inputs: [
    {
      name: "workload-identity-provider",
      description: "Full provider name: projects/PROJECT_NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER. Needs `permissions: id-token: write`.",
      kind: "string",
      valueName: "NAME"
    },
    {
      name: "service-account",
      description: "Service account to impersonate. Without it, the federated identity is used directly (direct Workload Identity Federation).",
      kind: "string",
      valueName: "EMAIL"
    },
    {
      name: "audience",
      description: "Audience of the GitHub OIDC token. Defaults to https://iam.googleapis.com/<workload-identity-provider>, what providers accept by default.",
      kind: "string",
      valueName: "AUD"
    },
    {
      name: "project-id",
      description: "Project for later steps (gcloud, client libraries). Defaults to the service account's or the key's project.",
      kind: "string",
      valueName: "ID"
    },
    {
      name: "credentials-json",
      description: "A service account key (JSON or base64), instead of Workload Identity Federation. Discouraged: keys are long-lived secrets.",
      kind: "string",
      valueName: "JSON",
      secret: true
    },
    {
      name: "token-format",
      description: "Also output a token: access_token (OAuth 2.0, for the service account, or the federated token without one) or id_token (needs service-account and id-token-audience).",
      kind: "string",
      choices: ["access_token", "id_token"]
    },
    {
      name: "id-token-audience",
      description: "Audience of the ID token when token-format is id_token.",
      kind: "string",
      valueName: "AUD"
    },
    {
      name: "access-token-lifetime",
      description: "Lifetime of the service account access token.",
      kind: "string",
      default: "3600s",
      valueName: "DURATION"
    },
    {
      name: "credentials-file-path",
      description: "Where to write the credentials file (mode 0600). Defaults to RUNNER_TEMP, outside the checkout, so it cannot leak into commits or image build contexts. The post step deletes it.",
      kind: "string",
      valueName: "FILE"
    }
  ],
  outputs: [
    { name: "project-id", description: "The project later steps use." },
    {
      name: "credentials-file-path",
      description: "Path of the credentials file (also in GOOGLE_APPLICATION_CREDENTIALS)."
    },
    {
      name: "access-token",
      description: "OAuth 2.0 access token, when token-format is access_token (masked)."
    },
    { name: "id-token", description: "ID token, when token-format is id_token (masked)." }
  ],
  parseInputs(raw, context) {
    const credentials = (0,command/* once */.Oo)(() => {
      const providerText = raw.string("workload-identity-provider")?.trim();
      const keyText = raw.string("credentials-json")?.trim();
      if (Boolean(providerText) === Boolean(keyText)) {
        throw new errors/* UserError */.yo("Give exactly one of workload-identity-provider or credentials-json", {
          fix: providerText ? "Remove credentials-json: keys are not needed with Workload Identity Federation." : "Set workload-identity-provider (recommended). Secrets are empty in workflows run from forks."
        });
      }
      if (providerText) {
        const provider = (0,workload_identity/* parseWorkloadIdentityProvider */.Wf)(providerText);
        return {
          kind: "workload-identity",
          provider,
          audience: raw.string("audience")?.trim() || (0,workload_identity/* defaultOidcAudience */.n3)(provider)
        };
      }
      const parsed = parseKey(keyText ?? "");
      context.host.maskSecret(parsed.json, "credentials-json");
      context.host.maskSecret(parsed.key.private_key, "the private key of credentials-json");
      return { kind: "key", ...parsed };
    });
    const serviceAccount = (0,command/* once */.Oo)(() => {
      const text = raw.string("service-account")?.trim();
      if (text) return (0,workload_identity/* checkServiceAccount */.fp)(text);
      const given = credentials();
      return given.kind === "key" ? given.key.client_email : void 0;
    });
    const tokenFormat = (0,command/* once */.Oo)(
      () => raw.string("token-format")?.trim() ? (0,command/* choiceInput */.ij)(raw, "token-format", ["access_token", "id_token"]) : ""
    );
    return (0,command/* parseFields */.L5)("auth", {
      credentials,
      serviceAccount,
      projectId: () => {
        const given = raw.string("project-id")?.trim();
        if (given) return given;
        const account = serviceAccount();
        const key = credentials();
        return (account ? (0,workload_identity/* projectFromServiceAccount */._A)(account) : void 0) || (key.kind === "key" ? key.key.project_id : void 0);
      },
      tokenFormat,
      idTokenAudience: () => {
        const audience = raw.string("id-token-audience")?.trim() || void 0;
        if (tokenFormat() === "id_token" && (!serviceAccount() || !audience)) {
          throw new errors/* UserError */.yo("token-format id_token needs service-account and id-token-audience", {
            fix: "Set both, e.g. id-token-audience: https://my-service.run.app."
          });
        }
        return audience;
      },
      lifetimeSeconds: () => parseLifetime((0,command/* stringInput */.Uj)(raw, "access-token-lifetime")),
      credentialsFile: () => {
        const fileText = raw.string("credentials-file-path")?.trim();
        const credentialsFile = fileText ? external_node_path_.resolve(context.cwd, fileText) : external_node_path_.join(
          context.host.tempDir,
          `mlops-credentials-${(0,external_node_crypto_.randomBytes)(8).toString("hex")}.json`
        );
        if (isInside(credentialsFile, context.env.GITHUB_WORKSPACE)) {
          context.ui.warning(
            `credentials-file-path ${credentialsFile} is inside the checkout: keep it out of commits, artifacts and docker build contexts (.gitignore, .dockerignore).`
          );
        }
        return credentialsFile;
      }
    });
  },
  async run(inputs, context) {
    const { ui, host } = context;
    const result = await ui.group(
      "Authenticate to Google Cloud",
      () => inputs.credentials.kind === "workload-identity" ? workloadIdentity(inputs, inputs.credentials, context) : serviceAccountKey(inputs, inputs.credentials, context)
    );
    await (0,promises_.mkdir)(external_node_path_.dirname(inputs.credentialsFile), { recursive: true });
    await (0,promises_.writeFile)(inputs.credentialsFile, `${JSON.stringify(result.file, null, 2)}
`, {
      mode: 384,
      flag: "wx"
    }).catch((error) => {
      if (error.code === "EEXIST")
        throw new errors/* UserError */.yo(`${inputs.credentialsFile} already exists`, {
          fix: "Choose another credentials-file-path, or remove the old file."
        });
      throw error;
    });
    host.deleteAfterJob(inputs.credentialsFile);
    for (const name of [
      "GOOGLE_APPLICATION_CREDENTIALS",
      "CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE",
      "GOOGLE_GHA_CREDS_PATH"
    ])
      host.exportVariable(name, inputs.credentialsFile);
    if (inputs.projectId) {
      for (const name of [
        "CLOUDSDK_CORE_PROJECT",
        "CLOUDSDK_PROJECT",
        "GCLOUD_PROJECT",
        "GCP_PROJECT",
        "GOOGLE_CLOUD_PROJECT"
      ])
        host.exportVariable(name, inputs.projectId);
    } else {
      ui.info("No project: set project-id if later steps need one.");
    }
    ui.info(
      `${ui.colors.ok("\u2713")} Authenticated as ${result.identity}; credentials in ${inputs.credentialsFile}${inputs.projectId ? `, project ${inputs.projectId}` : ""}`
    );
    return {
      outputs: {
        "project-id": inputs.projectId ?? "",
        "credentials-file-path": inputs.credentialsFile,
        ...inputs.tokenFormat === "access_token" ? { "access-token": result.accessToken ?? "" } : {},
        ...result.idToken ? { "id-token": result.idToken } : {}
      }
    };
  }
});



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

/***/ 5487:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DX: () => (/* binding */ stsAudience),
/* harmony export */   Wf: () => (/* binding */ parseWorkloadIdentityProvider),
/* harmony export */   _A: () => (/* binding */ projectFromServiceAccount),
/* harmony export */   ce: () => (/* binding */ explainStsError),
/* harmony export */   ff: () => (/* binding */ externalAccountCredentials),
/* harmony export */   fp: () => (/* binding */ checkServiceAccount),
/* harmony export */   n3: () => (/* binding */ defaultOidcAudience),
/* harmony export */   tG: () => (/* binding */ explainIamError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9033);

const PROVIDER = /^projects\/(\d+)\/locations\/global\/workloadIdentityPools\/([^/]+)\/providers\/([^/]+)$/;
const FORMAT = "projects/PROJECT_NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER";
function parseWorkloadIdentityProvider(input) {
  const value = input.trim().replace(/^(?:https:)?\/\/iam\.googleapis\.com\//, "");
  const match = PROVIDER.exec(value);
  if (match) {
    const [, projectNumber = "", pool = "", provider = ""] = match;
    return { name: value, projectNumber, pool, provider };
  }
  const fail = (problem, fix) => {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`workload-identity-provider "${input}" ${problem}`, { fix });
  };
  if (/^projects\/[^/]+\/locations\/global\/workloadIdentityPools\/[^/]+\/?$/.test(value)) {
    fail(
      "names a pool, not a provider",
      `Add /providers/PROVIDER: the full name is ${FORMAT} (gcloud iam workload-identity-pools providers list --workload-identity-pool=POOL --location=global).`
    );
  }
  const project = /^projects\/([^/]+)\//.exec(value)?.[1];
  if (project !== void 0 && !/^\d+$/.test(project)) {
    fail(
      `uses the project ID "${project}" where Google expects the project NUMBER`,
      `Use the number: gcloud projects describe ${project} --format='value(projectNumber)'.`
    );
  }
  if (/\/locations\/(?!global\/)/.test(value))
    fail(
      'is not in location "global"',
      `Workload identity pools live in locations/global: ${FORMAT}.`
    );
  return fail(
    "is not a workload identity provider name",
    `Give the full resource name: ${FORMAT}.`
  );
}
function defaultOidcAudience(provider) {
  return `https://iam.googleapis.com/${provider.name}`;
}
function stsAudience(provider) {
  return `//iam.googleapis.com/${provider.name}`;
}
const SERVICE_ACCOUNT = /^[a-z][a-z0-9-]{4,28}[a-z0-9]@([a-z][a-z0-9-]{4,28}[a-z0-9])\.iam\.gserviceaccount\.com$/;
function checkServiceAccount(email) {
  const trimmed = email.trim();
  if (!/^[^@\s]+@[^@\s]+\.[a-z]+$/.test(trimmed)) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`service-account "${email}" is not an email address`, {
      fix: "Give the service account email, e.g. pipelines@my-project.iam.gserviceaccount.com."
    });
  }
  return trimmed;
}
function projectFromServiceAccount(email) {
  return SERVICE_ACCOUNT.exec(email)?.[1];
}
function externalAccountCredentials(options) {
  const url = new URL(options.oidcRequestUrl);
  url.searchParams.set("audience", options.oidcAudience);
  return {
    type: "external_account",
    audience: stsAudience(options.provider),
    subject_token_type: "urn:ietf:params:oauth:token-type:jwt",
    token_url: `${options.stsEndpoint}/v1/token`,
    credential_source: {
      url: url.toString(),
      headers: { Authorization: `Bearer ${options.oidcRequestToken}` },
      format: { type: "json", subject_token_field_name: "value" }
    },
    ...options.serviceAccount ? {
      service_account_impersonation_url: `${options.iamCredentialsEndpoint}/v1/projects/-/serviceAccounts/${options.serviceAccount}:generateAccessToken`
    } : {}
  };
}
function explainStsError(provider, oidcAudience, error, description) {
  const said = `Google STS refused the GitHub token for ${provider.name}: ${error}${description ? ` (${description})` : ""}`;
  switch (error) {
    case "invalid_target":
      return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(said, {
        fix: `Check that pool "${provider.pool}" and provider "${provider.provider}" exist and are enabled in project number ${provider.projectNumber}: gcloud iam workload-identity-pools providers describe ${provider.provider} --workload-identity-pool=${provider.pool} --location=global --project=${provider.projectNumber}.`
      });
    case "unauthorized_client":
      return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(said, {
        fix: "The provider's attribute condition rejected this repository, branch or workflow: compare the condition with the token's claims (repository, ref, workflow), and map every attribute the condition uses (--attribute-mapping)."
      });
    case "invalid_grant":
      return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(said, {
        fix: `The token's audience is "${oidcAudience}": set the audience input to one the provider allows (its allowed audiences), or leave it empty to use the default; check the provider's issuer is https://token.actions.githubusercontent.com.`
      });
    default:
      return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(said, {
        fix: `Check workload-identity-provider; it must be ${FORMAT}.`
      });
  }
}
function explainIamError(serviceAccount, provider, status, message, identity) {
  const said = `IAM refused to mint a token for ${serviceAccount} (HTTP ${status}): ${message}`;
  if (status === 404)
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(said, {
      fix: `Check that the service account ${serviceAccount} exists (gcloud iam service-accounts describe ${serviceAccount}).`
    });
  if (status === 403 && provider) {
    const pool = `iam.googleapis.com/projects/${provider.projectNumber}/locations/global/workloadIdentityPools/${provider.pool}`;
    const bind = (member) => `gcloud iam service-accounts add-iam-policy-binding ${serviceAccount} --role=roles/iam.workloadIdentityUser --member="${member}"`;
    const delay = "IAM changes can take a few minutes to apply.";
    const environment = /:environment:([^:]+)$/.exec(identity.subject ?? "")?.[1];
    if (environment && identity.subject)
      return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(said, {
        fix: `This job runs in the ${environment} environment: if it should act as ${serviceAccount}, bind that environment's subject: ${bind(`principal://${pool}/subject/${identity.subject}`)}. ${delay}`
      });
    const repository = identity.repository ?? "OWNER/REPO";
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(said, {
      fix: `If ${serviceAccount} is the deploy account, only a job that names its environment may act as it (environment: production in the job; GitHub then issues the subject repo:${repository}:environment:production). For a training account, grant the repository Workload Identity User and map attribute.repository=assertion.repository on the provider: ${bind(`principalSet://${pool}/attribute.repository/${repository}`)}. ${delay}`
    });
  }
  return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(said, { fix: "Check the service account and its IAM policy." });
}



/***/ })

};
