export const id = 6323;
export const ids = [6323];
export const modules = {

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



/***/ })

};
