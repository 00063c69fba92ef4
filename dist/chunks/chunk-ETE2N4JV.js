import { createRequire as __mlopsCreateRequire } from 'node:module';
import { fileURLToPath as __mlopsFileURLToPath } from 'node:url';
import { dirname as __mlopsDirname } from 'node:path';
const require = __mlopsCreateRequire(import.meta.url);
const __filename = __mlopsFileURLToPath(import.meta.url);
const __dirname = __mlopsDirname(__filename);
import {
  RemoteFailure
} from "./chunk-BNIO3GDX.js";

// src/adapters/http.ts
import { setTimeout as sleep } from "node:timers/promises";
var HttpError = class extends Error {
  constructor(message, status, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
  status;
  body;
  name = "HttpError";
};
var DEFAULT_RETRY = { attempts: 5, baseDelayMs: 500, maxDelayMs: 1e4 };
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
var NETWORK_FAILURES = /* @__PURE__ */ new Map([
  ["ENOTFOUND", { what: "DNS lookup failed", heals: false }],
  ["EAI_AGAIN", { what: "DNS lookup failed", heals: true }],
  ["ENETUNREACH", { what: "network unreachable", heals: false }],
  ["EHOSTUNREACH", { what: "host unreachable", heals: false }],
  ["ECONNREFUSED", { what: "connection refused", heals: true }],
  ["ECONNRESET", { what: "connection reset", heals: true }],
  ["ETIMEDOUT", { what: "connection timed out", heals: true }],
  ["UND_ERR_CONNECT_TIMEOUT", { what: "connection timed out", heals: true }],
  ["UND_ERR_SOCKET", { what: "connection closed", heals: true }]
]);
var OFFLINE = /* @__PURE__ */ new Set(["ENOTFOUND", "EAI_AGAIN", "ENETUNREACH"]);
var NETWORK_ATTEMPTS = 3;
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
    error: new RemoteFailure(
      `Cannot reach ${host}${where.purpose ? ` to ${where.purpose}` : ""}: ${reason}${offline}`,
      {
        fix: "Check the network connection and any endpoint override (MLOPS_*_ENDPOINT, GITHUB_API_URL), then run again.",
        cause: error
      }
    )
  };
}
async function sendWithRetry(purpose, url, init, policy = DEFAULT_RETRY, onRetry) {
  let lastError;
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    let response;
    try {
      response = await fetch(url, { ...init, signal: init.signal ?? AbortSignal.timeout(6e4) });
    } catch (error) {
      lastError = error;
      const network = networkFailure(error, { host: new URL(url).host, purpose });
      if (network && (!network.heals || attempt >= NETWORK_ATTEMPTS)) throw network.error;
      if (attempt === policy.attempts) break;
      const delay2 = retryDelay(void 0, attempt, policy);
      onRetry?.(
        `${purpose}: ${network?.reason ?? "network error"}; retrying in ${Math.round(delay2 / 1e3)}s`
      );
      await sleep(delay2);
      continue;
    }
    const reply = {
      status: response.status,
      headers: response.headers,
      text: await response.text()
    };
    const retriable = response.status === 429 || response.status >= 500;
    if (!retriable || attempt === policy.attempts) return reply;
    const delay = retryDelay(response, attempt, policy);
    onRetry?.(`${purpose}: HTTP ${response.status}; retrying in ${Math.round(delay / 1e3)}s`);
    await sleep(delay);
  }
  const cause = lastError instanceof Error ? lastError.cause?.message ?? lastError.message : String(lastError);
  throw new RemoteFailure(`Cannot reach ${new URL(url).host} to ${purpose}: ${cause}`, {
    fix: "Check the network and any MLOPS_*_ENDPOINT override."
  });
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

export {
  HttpError,
  DEFAULT_RETRY,
  NETWORK_ATTEMPTS,
  networkFailure,
  sendWithRetry,
  httpError,
  requestText,
  requestJson
};
