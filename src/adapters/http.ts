import { setTimeout as sleep } from 'node:timers/promises';
import { RemoteFailure } from '../core/errors.js';

/** A non-2xx reply, kept whole so callers can explain it (Google error JSON, OAuth errors). */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    message: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(message);
  }
}

export interface RetryPolicy {
  /** Attempts in all, including the first. */
  readonly attempts: number;
  /** First back-off; doubles each time, capped by maxDelayMs. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 500, maxDelayMs: 10_000 };

/** Honours Retry-After (seconds or an HTTP date), else exponential back-off. */
function retryDelay(response: Response | undefined, attempt: number, policy: RetryPolicy): number {
  const header = response?.headers.get('retry-after');
  if (header) {
    const seconds = Number(header);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
    if (Number.isFinite(ms)) return Math.min(Math.max(ms, 0), 60_000);
  }
  return Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
}

function describeBody(body: unknown): string {
  if (typeof body === 'string') return body.slice(0, 300);
  const error = (body as { error?: unknown; error_description?: unknown } | null)?.error;
  if (typeof error === 'string') {
    const description = (body as { error_description?: unknown }).error_description;
    return typeof description === 'string' ? `${error}: ${description}` : error;
  }
  if (error && typeof error === 'object' && 'message' in error) return String(error.message);
  return JSON.stringify(body).slice(0, 300);
}

/** Network failures by error code: what happened, and whether trying again soon may help. */
const NETWORK_FAILURES = new Map<string, { readonly what: string; readonly heals: boolean }>([
  ['ENOTFOUND', { what: 'DNS lookup failed', heals: false }],
  ['EAI_AGAIN', { what: 'DNS lookup failed', heals: true }],
  ['ENETUNREACH', { what: 'network unreachable', heals: false }],
  ['EHOSTUNREACH', { what: 'host unreachable', heals: false }],
  ['ECONNREFUSED', { what: 'connection refused', heals: true }],
  ['ECONNRESET', { what: 'connection reset', heals: true }],
  ['ETIMEDOUT', { what: 'connection timed out', heals: true }],
  ['UND_ERR_CONNECT_TIMEOUT', { what: 'connection timed out', heals: true }],
  ['UND_ERR_SOCKET', { what: 'connection closed', heals: true }],
  // fetch's own check of a body against its Content-Length: the connection closed mid-reply.
  ['UND_ERR_RES_CONTENT_LENGTH_MISMATCH', { what: 'reply cut short', heals: true }],
]);

/** Failures that mean this machine has no working network at all. */
const OFFLINE = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH']);

/** Tries in all for a failure that heals; a network that is down rarely returns within seconds. */
export const NETWORK_ATTEMPTS = 3;

export interface NetworkFailure {
  /** What happened: "DNS lookup failed (EAI_AGAIN)". */
  readonly reason: string;
  /** "Cannot reach HOST[ to PURPOSE]: REASON", with what to check. */
  readonly error: RemoteFailure;
  /** Worth a brief retry (a DNS timeout, a reset connection); false when it will not heal. */
  readonly heals: boolean;
}

/**
 * The network failure behind an error, or undefined when a server answered. fetch, Octokit and
 * the Google clients each wrap the system error (`getaddrinfo EAI_AGAIN host`) in their own
 * errors, so the causes are searched for its code.
 */
export function networkFailure(
  error: unknown,
  where: { readonly host?: string | undefined; readonly purpose?: string | undefined } = {},
): NetworkFailure | undefined {
  type Cause = {
    cause?: unknown;
    code?: unknown;
    hostname?: unknown;
    address?: unknown;
    config?: { url?: unknown };
  };
  const chain: Cause[] = [];
  for (let cause = error; typeof cause === 'object' && cause && chain.length < 8;) {
    chain.push(cause);
    cause = (cause as Cause).cause;
  }
  const code = chain
    .map((cause) => cause.code)
    .find((c): c is string => typeof c === 'string' && NETWORK_FAILURES.has(c));
  const known = code && NETWORK_FAILURES.get(code);
  if (!code || !known) return undefined;
  // Who was tried: the system error's host (DNS) or address (connect), else the URL of the
  // request (Google's clients keep it in `config`, not the system error).
  const tried = chain.flatMap((cause) => {
    const name = cause.hostname ?? cause.address;
    if (typeof name === 'string') return [name];
    const url = String(cause.config?.url);
    return URL.canParse(url) ? [new URL(url).host] : [];
  });
  const host = where.host ?? tried.at(-1) ?? 'the server';
  const reason = `${known.what} (${code})`;
  const offline = OFFLINE.has(code) ? ' — are you offline?' : '';
  return {
    reason,
    heals: known.heals,
    error: new RemoteFailure(
      `Cannot reach ${host}${where.purpose ? ` to ${where.purpose}` : ''}: ${reason}${offline}`,
      {
        fix: 'Check the network connection and any endpoint override (MLOPS_*_ENDPOINT, GITHUB_API_URL), then run again.',
        cause: error,
      },
    ),
  };
}

/** A reply read whole: status, headers and body text. */
export interface HttpReply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

export interface FetchRetryOptions {
  readonly policy?: RetryPolicy | undefined;
  readonly onRetry?: ((message: string) => void) | undefined;
  /**
   * How long one attempt may take, its read included (default 60 s; unless the request has a
   * signal of its own). Infinity for a streamed read whose length has no bound.
   */
  readonly timeoutMs?: number | undefined;
}

/** An attempt that failed in a way the next may not: why, and what it left. */
interface Failed {
  readonly reason: string;
  readonly response?: Response;
  readonly error?: unknown;
}

/**
 * Sends a request, retrying rate limits (429), server errors (5xx) and network failures with
 * back-off, and hands the reply to `read` inside the same attempt, so a body that breaks off
 * while it is read (a reset connection, a reply cut short) is retried like a request that failed.
 * `read` gets every reply the policy does not retry, and the last one whatever its status; any
 * other error it throws ends the call. `init` may be a function, called for each attempt (a
 * fresh access token); what it throws ends the call too. `purpose` names the call in errors.
 */
export async function fetchWithRetry<T>(
  purpose: string,
  url: string,
  init: RequestInit | (() => Promise<RequestInit>),
  read: (response: Response) => Promise<T>,
  { policy = DEFAULT_RETRY, onRetry, timeoutMs = 60_000 }: FetchRetryOptions = {},
): Promise<T> {
  const where = { host: new URL(url).host, purpose };
  let failed: Failed | undefined;
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    if (failed) {
      const delay = retryDelay(failed.response, attempt - 1, policy);
      onRetry?.(`${purpose}: ${failed.reason}; retrying in ${Math.round(delay / 1000)}s`);
      await sleep(delay);
    }
    const request = typeof init === 'function' ? await init() : init;
    const signal =
      request.signal ?? (Number.isFinite(timeoutMs) ? AbortSignal.timeout(timeoutMs) : undefined);
    let response: Response;
    try {
      response = await fetch(url, { ...request, signal });
    } catch (error) {
      failed = { reason: retryReason(error, attempt, where) ?? 'network error', error };
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
      if (reason === undefined) throw error;
      failed = { reason, error };
    }
  }
  throw exhausted(where, failed?.error);
}

/**
 * Why another attempt may succeed: a network failure that heals (NETWORK_ATTEMPTS in all);
 * undefined for any other error. Throws the "Cannot reach" RemoteFailure of a network failure
 * that does not heal, or no longer.
 */
function retryReason(
  error: unknown,
  attempt: number,
  where: { readonly host: string; readonly purpose: string },
): string | undefined {
  const network = networkFailure(error, where);
  if (network && (!network.heals || attempt >= NETWORK_ATTEMPTS)) throw network.error;
  return network?.reason;
}

/** The failure once every attempt has failed: the last one's error, likely the network's. */
function exhausted(where: { readonly host: string; readonly purpose: string }, error: unknown) {
  const cause =
    error instanceof Error
      ? ((error.cause as Error | undefined)?.message ?? error.message)
      : String(error);
  return new RemoteFailure(`Cannot reach ${where.host} to ${where.purpose}: ${cause}`, {
    fix: 'Check the network and any MLOPS_*_ENDPOINT override.',
  });
}

/** fetchWithRetry reading the reply whole: the last reply, whatever its status. */
export async function sendWithRetry(
  purpose: string,
  url: string,
  init: RequestInit,
  policy: RetryPolicy = DEFAULT_RETRY,
  onRetry?: (message: string) => void,
): Promise<HttpReply> {
  return fetchWithRetry(purpose, url, init, readReply, { policy, onRetry });
}

/** A reply read whole. */
export async function readReply(response: Response): Promise<HttpReply> {
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** The HttpError for a non-2xx reply, its body parsed when it is JSON. */
export function httpError(purpose: string, reply: HttpReply): HttpError {
  let body: unknown = reply.text;
  try {
    body = reply.text === '' ? {} : (JSON.parse(reply.text) as unknown);
  } catch {
    // Not JSON: keep the text for the message.
  }
  return new HttpError(
    `Failed to ${purpose}: HTTP ${reply.status}: ${describeBody(body)}`,
    reply.status,
    body,
  );
}

/**
 * Sends a request (sendWithRetry) and returns the reply's text. Bodies are echoed in errors,
 * headers never, so tokens stay out of messages. A non-2xx reply is an HttpError.
 */
export async function requestText(
  purpose: string,
  url: string,
  init: RequestInit,
  policy: RetryPolicy = DEFAULT_RETRY,
  onRetry?: (message: string) => void,
): Promise<string> {
  const reply = await sendWithRetry(purpose, url, init, policy, onRetry);
  if (reply.status >= 200 && reply.status < 300) return reply.text;
  throw httpError(purpose, reply);
}

/** requestText, with the reply parsed as JSON (an empty reply is `{}`). */
export async function requestJson<T>(
  purpose: string,
  url: string,
  init: RequestInit,
  policy: RetryPolicy = DEFAULT_RETRY,
): Promise<T> {
  const text = await requestText(purpose, url, init, policy);
  return (text === '' ? {} : JSON.parse(text)) as T;
}
