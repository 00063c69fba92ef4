/**
 * A small loopback HTTP server for protocol emulators (auth, Vertex AI, GitHub API).
 *
 * Emulators declare routes; this module owns everything they share: binding 127.0.0.1 on an
 * ephemeral port, body parsing, JSON responses, fault injection (latency, N failures with
 * Retry-After), an emulated clock and a request log that never holds a secret in clear text.
 */
import { createHash } from 'node:crypto';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { HTTP_TO_RPC } from '../../src/core/gcp/grpc-codes.js';

// ---------------------------------------------------------------------------------------------
// Clock

/**
 * Emulated time: real time plus an offset, shared by every emulator of a test so that moving it
 * expires tokens everywhere at once ("token expiry mid-wait"). It never sleeps.
 */
export class Clock {
  #offsetMs = 0;

  /** Milliseconds since the epoch, as the emulators see it. */
  now(): number {
    return Date.now() + this.#offsetMs;
  }

  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  get offsetMs(): number {
    return this.#offsetMs;
  }

  advance(ms: number): void {
    this.#offsetMs += ms;
  }

  /** Make `now()` return `epochMs` (and then keep ticking in real time). */
  set(epochMs: number | Date): void {
    this.#offsetMs = Number(epochMs) - Date.now();
  }

  reset(): void {
    this.#offsetMs = 0;
  }
}

// ---------------------------------------------------------------------------------------------
// Redaction

/** Short stable fingerprint: lets tests correlate a token across log entries without its value. */
export function fingerprint(secret: string): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 12);
}

export function redacted(secret: string): string {
  return `<redacted:${fingerprint(secret)}>`;
}

/** Body/query fields whose values are credentials in the protocols we emulate. */
export const DEFAULT_SECRET_FIELDS: readonly string[] = [
  'subject_token',
  'subjectToken',
  'actor_token',
  'actorToken',
  'access_token',
  'accessToken',
  'id_token',
  'idToken',
  'refresh_token',
  'refreshToken',
  'token',
  'assertion',
  'client_secret',
  'clientSecret',
  'password',
  'private_key',
  'signedJwt',
  'encrypted_value',
];

/** Headers whose values are credentials; the scheme ("Bearer") is kept, the value is not. */
const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'x-goog-iam-authorization-token',
]);

function redactHeader(name: string, value: string): string {
  if (!SECRET_HEADERS.has(name)) return value;
  const match = /^(\S+)\s+(.+)$/.exec(value);
  return match?.[1] && match[2] ? `${match[1]} ${redacted(match[2])}` : redacted(value);
}

function redactValue(value: unknown, secretFields: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secretFields));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value))
    out[key] =
      secretFields.has(key) && typeof item === 'string'
        ? redacted(item)
        : redactValue(item, secretFields);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Selectors, request log, faults

/** Picks requests by emulator name, route name, method and/or path; omitted fields match all. */
export interface RouteSelector {
  server?: string;
  route?: string;
  method?: string;
  path?: string | RegExp;
}

interface RequestIdentity {
  server: string;
  route: string | undefined;
  method: string;
  path: string;
}

function selects(selector: RouteSelector | undefined, request: RequestIdentity): boolean {
  if (!selector) return true;
  if (selector.server !== undefined && selector.server !== request.server) return false;
  if (selector.route !== undefined && selector.route !== request.route) return false;
  if (selector.method !== undefined && selector.method.toUpperCase() !== request.method)
    return false;
  if (typeof selector.path === 'string' && selector.path !== request.path) return false;
  if (selector.path instanceof RegExp && !selector.path.test(request.path)) return false;
  return true;
}

export interface RecordedRequest {
  /** Order across every server sharing the log. */
  seq: number;
  server: string;
  /** Route name, or undefined when no route matched (404). */
  route: string | undefined;
  method: string;
  path: string;
  query: Record<string, string>;
  /** Lower-case names; credential values replaced by `<redacted:fingerprint>`. */
  headers: Record<string, string>;
  /** Parsed JSON or form body with credential fields redacted; raw text otherwise. */
  body: unknown;
  status: number;
  /** Set when the response came from fault injection rather than the route. */
  injectedFault?: number;
  /** How the request or the emulator's response broke the API contract (see `contract`). */
  contractProblems?: string[];
  /** Emulated clock (ISO 8601) when the request arrived. */
  at: string;
}

/** Every request every server received, safe to print. */
export class RequestLog {
  readonly #entries: RecordedRequest[] = [];
  #seq = 0;

  record(entry: Omit<RecordedRequest, 'seq'>): RecordedRequest {
    const full = { seq: ++this.#seq, ...entry };
    this.#entries.push(full);
    return full;
  }

  all(): readonly RecordedRequest[] {
    return [...this.#entries];
  }

  filter(selector?: RouteSelector): RecordedRequest[] {
    return this.#entries.filter((entry) => selects(selector, entry));
  }

  count(selector?: RouteSelector): number {
    return this.filter(selector).length;
  }

  clear(): void {
    this.#entries.length = 0;
  }
}

export interface FailureSpec extends RouteSelector {
  status: number;
  /** Sent as `Retry-After: <seconds>` when set. */
  retryAfterSeconds?: number;
  /** Response body; default is the server's error body for the status. */
  body?: unknown;
}

interface PendingFailure {
  remaining: number;
  spec: FailureSpec;
}

interface LatencyRule {
  ms: number;
  selector: RouteSelector | undefined;
}

/** Shared fault control: one object drives every server of a test. */
export class FaultInjector {
  #failures: PendingFailure[] = [];
  #latencies: LatencyRule[] = [];

  /** Fail the next `count` requests that match `spec` with `spec.status`, then behave normally. */
  failNext(count: number, spec: FailureSpec): void {
    if (!Number.isInteger(count) || count < 1) throw new Error('failNext: count must be >= 1');
    this.#failures.push({ remaining: count, spec });
  }

  /** Delay matching requests by `ms` (largest matching rule wins); returns an undo function. */
  setLatency(ms: number, selector?: RouteSelector): () => void {
    const rule = { ms, selector };
    this.#latencies.push(rule);
    return () => {
      this.#latencies = this.#latencies.filter((r) => r !== rule);
    };
  }

  /** Failures still queued, e.g. to assert a test consumed all of them. */
  pendingFailures(): number {
    return this.#failures.reduce((sum, f) => sum + f.remaining, 0);
  }

  clear(): void {
    this.#failures = [];
    this.#latencies = [];
  }

  /** @internal Called by the server for each request. */
  latencyFor(request: RequestIdentity): number {
    let ms = 0;
    for (const rule of this.#latencies)
      if (selects(rule.selector, request)) ms = Math.max(ms, rule.ms);
    return ms;
  }

  /** @internal Consumes one matching failure, if any. */
  takeFailure(request: RequestIdentity): FailureSpec | undefined {
    const index = this.#failures.findIndex((f) => selects(f.spec, request));
    const failure = this.#failures[index];
    if (!failure) return undefined;
    failure.remaining -= 1;
    if (failure.remaining === 0) this.#failures.splice(index, 1);
    return failure.spec;
  }
}

// ---------------------------------------------------------------------------------------------
// Requests, responses, routes

export type BodyKind = 'empty' | 'json' | 'form' | 'text' | 'invalid-json';

export interface EmulatorRequest {
  method: string;
  /** Raw (still percent-encoded) path without the query. */
  path: string;
  url: URL;
  query: URLSearchParams;
  /** Path parameters from the route pattern, percent-decoded. */
  params: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** The token of an `Authorization: Bearer <token>` header, if any. */
  bearer: string | undefined;
  bodyKind: BodyKind;
  /** JSON value, form fields as an object of strings, text, or undefined. */
  body: unknown;
  rawBody: Buffer;
}

export interface EmulatorResponse {
  status: number;
  /** Objects are sent as JSON, strings as text/plain, Uint8Array as octet-stream. */
  body?: unknown;
  headers?: Record<string, string>;
}

export type RouteHandler = (
  request: EmulatorRequest,
) => EmulatorResponse | Promise<EmulatorResponse>;

export interface Route {
  /** Used by selectors and in the request log, e.g. `sts.token`. */
  name: string;
  method: string;
  /**
   * A RegExp with named groups, or a template where `{name}` matches one path segment and
   * `{name*}` several: `/v1/projects/{project}/serviceAccounts/{account}:generateAccessToken`.
   */
  pattern: string | RegExp;
  handler: RouteHandler;
}

/** One exchange under an API contract (contract/google-rest-contract.ts builds them). */
export interface ContractCheck {
  /** How the request breaks the contract; `rejection` is then the API's own answer to it. */
  problems: string[];
  rejection?: EmulatorResponse;
  /** How a response (its JSON body) breaks the contract. */
  checkResponse: (status: number, body: unknown) => string[];
}

/** Checks a request against an API's contract; undefined when the request is outside it. */
export type ExchangeContract = (request: {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}) => ContractCheck | undefined;

export function json(
  status: number,
  body: unknown,
  headers?: Record<string, string>,
): EmulatorResponse {
  return headers ? { status, body, headers } : { status, body };
}

export { HTTP_TO_RPC };

/** The `{"error": {code, message, status, details?}}` body Google REST APIs return. */
export function googleApiError(
  code: number,
  message: string,
  details?: unknown[],
  status: string = HTTP_TO_RPC[code] ?? 'UNKNOWN',
): EmulatorResponse {
  return json(code, { error: { code, message, status, ...(details ? { details } : {}) } });
}

function compilePattern(pattern: string | RegExp): RegExp {
  if (pattern instanceof RegExp) return pattern;
  let source = '';
  let last = 0;
  for (const match of pattern.matchAll(/\{(\w+)(\*?)\}/g)) {
    source += RegExp.escape(pattern.slice(last, match.index));
    source += match[2] ? `(?<${match[1]}>.+?)` : `(?<${match[1]}>[^/]+?)`;
    last = match.index + match[0].length;
  }
  return new RegExp(`^${source}${RegExp.escape(pattern.slice(last))}$`);
}

function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const MAX_BODY_BYTES = 32 * 1024 * 1024;

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error(`request body exceeds ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function parseBody(
  raw: Buffer,
  contentType: string | undefined,
): { kind: BodyKind; body: unknown } {
  if (raw.length === 0) return { kind: 'empty', body: undefined };
  const text = raw.toString('utf8');
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/x-www-form-urlencoded')
    return { kind: 'form', body: Object.fromEntries(new URLSearchParams(text)) };
  if (type === 'application/json' || type.endsWith('+json') || type === '') {
    try {
      return { kind: 'json', body: JSON.parse(text) as unknown };
    } catch {
      return type === '' ? { kind: 'text', body: text } : { kind: 'invalid-json', body: undefined };
    }
  }
  return { kind: 'text', body: text };
}

/** A response body as the client will parse it; not ok for text and bytes. */
function jsonBodyOf(body: unknown): { ok: boolean; body?: unknown } {
  if (body === undefined) return { ok: true };
  if (typeof body === 'string' || body instanceof Uint8Array) return { ok: false };
  return { ok: true, body: JSON.parse(JSON.stringify(body)) as unknown };
}

function bearerOf(headers: IncomingHttpHeaders): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  return match?.[1];
}

// ---------------------------------------------------------------------------------------------
// Server

export interface HttpServerOptions {
  /** Emulator name used in selectors and the log, e.g. `sts`. */
  name: string;
  routes?: Route[];
  faults?: FaultInjector;
  log?: RequestLog;
  clock?: Clock;
  /** Extra body/query field names to redact in the log, beyond DEFAULT_SECRET_FIELDS. */
  secretFields?: string[];
  /** Body for 404s and injected faults; default is Google's REST error shape. */
  errorBody?: (status: number, message: string) => unknown;
  /**
   * Checks every exchange: a request that breaks it gets `rejection` instead of the route's
   * answer; a response that breaks it becomes a 500 naming the problems, so that the test that
   * caused it fails at the call. Both are in the request log (`contractProblems`).
   */
  contract?: ExchangeContract;
}

export interface HttpServer {
  readonly name: string;
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string;
  readonly port: number;
  readonly faults: FaultInjector;
  readonly log: RequestLog;
  readonly clock: Clock;
  /** Add a route after start (first match wins, in registration order). */
  addRoute: (route: Route) => void;
  close: () => Promise<void>;
}

function defaultErrorBody(status: number, message: string): unknown {
  return { error: { code: status, message, status: HTTP_TO_RPC[status] ?? 'UNKNOWN' } };
}

function send(response: ServerResponse, { status, body, headers = {} }: EmulatorResponse): void {
  let payload: Buffer | undefined;
  const outHeaders: Record<string, string> = { ...headers };
  const has = (name: string) => Object.keys(outHeaders).some((h) => h.toLowerCase() === name);
  if (body === undefined) payload = undefined;
  else if (typeof body === 'string') {
    payload = Buffer.from(body);
    if (!has('content-type')) outHeaders['content-type'] = 'text/plain; charset=utf-8';
  } else if (body instanceof Uint8Array) {
    payload = Buffer.from(body);
    if (!has('content-type')) outHeaders['content-type'] = 'application/octet-stream';
  } else {
    payload = Buffer.from(JSON.stringify(body));
    if (!has('content-type')) outHeaders['content-type'] = 'application/json; charset=utf-8';
  }
  response.writeHead(status, outHeaders);
  response.end(payload);
}

/** Start a server on 127.0.0.1 with an ephemeral port. */
export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const { name } = options;
  const faults = options.faults ?? new FaultInjector();
  const log = options.log ?? new RequestLog();
  const clock = options.clock ?? new Clock();
  const errorBody = options.errorBody ?? defaultErrorBody;
  const secretFields = new Set([...DEFAULT_SECRET_FIELDS, ...(options.secretFields ?? [])]);
  const routes: Array<Route & { regex: RegExp }> = [];
  const addRoute = (route: Route) =>
    routes.push({ ...route, regex: compilePattern(route.pattern) });
  for (const route of options.routes ?? []) addRoute(route);

  const server = createServer((req, res) => {
    void (async () => {
      const at = new Date(clock.now()).toISOString();
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const method = (req.method ?? 'GET').toUpperCase();
      let matched: (typeof routes)[number] | undefined;
      let params: Record<string, string> = {};
      for (const route of routes) {
        if (route.method !== '*' && route.method.toUpperCase() !== method) continue;
        const m = route.regex.exec(url.pathname);
        if (!m) continue;
        matched = route;
        params = Object.fromEntries(
          Object.entries(m.groups ?? {}).map(([k, v]) => [k, decodeParam(v)]),
        );
        break;
      }
      const identity: RequestIdentity = {
        server: name,
        route: matched?.name,
        method,
        path: url.pathname,
      };

      let rawBody: Buffer = Buffer.alloc(0);
      let response: EmulatorResponse;
      let injectedFault: number | undefined;
      let parsed: { kind: BodyKind; body: unknown } = { kind: 'empty', body: undefined };
      let contract: ContractCheck | undefined;
      try {
        rawBody = await readBody(req);
        parsed = parseBody(rawBody, req.headers['content-type']);
        contract = options.contract?.({
          method,
          path: url.pathname,
          query: url.searchParams,
          body: parsed.body,
        });
        const delay = faults.latencyFor(identity);
        if (delay > 0) await sleep(delay);
        // A rejected request never reaches the route, so it must not use up a queued failure.
        const failure = contract?.rejection ? undefined : faults.takeFailure(identity);
        if (contract?.rejection) {
          response = contract.rejection;
        } else if (failure) {
          injectedFault = failure.status;
          response = {
            status: failure.status,
            body: failure.body ?? errorBody(failure.status, `Injected fault (${failure.status}).`),
            headers:
              failure.retryAfterSeconds === undefined
                ? {}
                : { 'retry-after': String(failure.retryAfterSeconds) },
          };
        } else if (!matched) {
          response = {
            status: 404,
            body: errorBody(404, `No route for ${method} ${url.pathname} on the ${name} emulator.`),
          };
        } else {
          response = await matched.handler({
            method,
            path: url.pathname,
            url,
            query: url.searchParams,
            params,
            headers: req.headers,
            bearer: bearerOf(req.headers),
            bodyKind: parsed.kind,
            body: parsed.body,
            rawBody,
          });
        }
      } catch (error) {
        // A bug in an emulator must show up as a 500 with the reason, not a hung request.
        response = {
          status: 500,
          body: errorBody(500, `Emulator ${name} failed: ${(error as Error).message}`),
        };
      }
      const contractProblems = [...(contract?.problems ?? [])];
      if (contract && !contract.rejection) {
        const sent = jsonBodyOf(response.body);
        const problems = sent.ok ? contract.checkResponse(response.status, sent.body) : [];
        if (problems.length) {
          contractProblems.push(...problems);
          response = {
            status: 500,
            body: errorBody(
              500,
              `Emulator ${name} broke the API contract in its ${response.status} answer: ${problems.join('; ')}`,
            ),
          };
        }
      }

      const headers: Record<string, string> = {};
      for (const [key, value] of Object.entries(req.headers))
        if (value !== undefined)
          headers[key] = redactHeader(key, Array.isArray(value) ? value.join(', ') : value);
      log.record({
        server: name,
        route: matched?.name,
        method,
        path: url.pathname,
        query: redactValue(Object.fromEntries(url.searchParams), secretFields) as Record<
          string,
          string
        >,
        headers,
        body:
          parsed.kind === 'text'
            ? `<${rawBody.length} bytes of text>`
            : redactValue(parsed.body, secretFields),
        status: response.status,
        ...(injectedFault === undefined ? {} : { injectedFault }),
        ...(contractProblems.length ? { contractProblems } : {}),
        at,
      });
      send(res, response);
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    name,
    url: `http://127.0.0.1:${port}`,
    port,
    faults,
    log,
    clock,
    addRoute,
    close: async () => {
      // Clients keep sockets alive; without this close() would wait for them to time out.
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Google API faults

/** Google's generic messages for these statuses. */
const DEFAULT_FAULT_MESSAGES: Record<string, string> = {
  RESOURCE_EXHAUSTED: 'Resource has been exhausted (e.g. check quota).',
  UNAVAILABLE: 'The service is currently unavailable.',
  INTERNAL: 'Internal error encountered.',
  DEADLINE_EXCEEDED: 'The request timed out.',
};

/**
 * Fault controls of one Google API emulator over the (possibly shared) fault injector: failures
 * with Google's error body and Retry-After, and latency, for one route or all of the server's.
 */
export class GoogleApiFaults<Route extends string> {
  readonly injector: FaultInjector;
  readonly #server: string;
  readonly #routes: Readonly<Record<Route, string>>;

  constructor(injector: FaultInjector, server: string, routes: Readonly<Record<Route, string>>) {
    this.injector = injector;
    this.#server = server;
    this.#routes = routes;
  }

  /**
   * The next `count` calls (of `route`, or any route of this server) fail with `status` before
   * they run, with the API's error body (`reason` where the API has one, e.g. BigQuery's).
   */
  failNext(
    count: number,
    status: number,
    options: { route?: Route; retryAfterSeconds?: number; message?: string; reason?: string } = {},
  ): void {
    this.injector.failNext(count, {
      server: this.#server,
      ...(options.route ? { route: this.#routes[options.route] } : {}),
      status,
      ...(options.retryAfterSeconds !== undefined
        ? { retryAfterSeconds: options.retryAfterSeconds }
        : {}),
      body: this.errorBody(status, options.message, options.reason),
    });
  }

  /** The body of an injected failure: Google's generic error shape unless an API differs. */
  protected errorBody(status: number, message: string | undefined, _reason?: string): unknown {
    const rpc = HTTP_TO_RPC[status] ?? 'UNKNOWN';
    return {
      error: {
        code: status,
        message: message ?? DEFAULT_FAULT_MESSAGES[rpc] ?? `Injected fault (${status}).`,
        status: rpc,
      },
    };
  }

  /** Delays calls of `route` (or every route of this server); returns an undo function. */
  setLatency(ms: number, route?: Route): () => void {
    return this.injector.setLatency(ms, {
      server: this.#server,
      ...(route ? { route: this.#routes[route] } : {}),
    });
  }

  /** Injected failures still queued (on a shared injector: of every server). */
  pending(): number {
    return this.injector.pendingFailures();
  }

  /** Clears the injector (a shared one: for every server). */
  clear(): void {
    this.injector.clear();
  }
}

/**
 * Calls an emulator received, by its short route names (`unmatched` for unknown paths), from
 * the request log it shares with the others.
 */
export function callCounts<Route extends string>(
  requests: RequestLog,
  server: string,
  routes: Readonly<Record<Route, string>>,
): Record<Route | 'unmatched', number> {
  const shortNames = new Map(Object.entries(routes).map(([short, full]) => [full, short]));
  const counts = Object.fromEntries(
    [...Object.keys(routes), 'unmatched'].map((name) => [name, 0]),
  ) as Record<Route | 'unmatched', number>;
  for (const entry of requests.filter({ server })) {
    const name = ((entry.route && shortNames.get(entry.route)) || 'unmatched') as
      Route | 'unmatched';
    counts[name] += 1;
  }
  return counts;
}
