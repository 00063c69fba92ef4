/**
 * A GitHub REST API emulator on loopback for the secrets/variables sync and the PR reporting:
 * Actions secrets (repository, environment, organization: sealed with real libsodium keypairs,
 * decrypted and kept as plaintext), Actions variables, check runs and issue comments, with
 * api.github.com's status codes, error bodies, limits, token kinds and Link pagination.
 *
 * Wire facts it follows (GitHub's REST docs for Actions secrets, variables, check runs and issue
 * comments, and the OpenAPI description in @octokit/openapi):
 * - Secret PUT is `{encrypted_value, key_id}`: a `crypto_box_seal` of the UTF-8 value with the
 *   scope's public key, in STANDARD padded base64; the answer is 201 on create, 204 on update.
 *   A missing or stale key_id, URL-safe base64 or a box sealed for another key is a 422.
 * - Names: `[A-Za-z0-9_]`, no leading digit, no `GITHUB_` prefix; stored upper-cased.
 * - GITHUB_TOKEN (kind 'github-token') has no secrets or variables scope at all, and a personal
 *   access token cannot create check runs ("You must authenticate via a GitHub App.").
 * - Errors are `{message, documentation_url, status}` with `status` a string, as GitHub sends.
 *
 * Every route goes through one wrapper: latency (real timers), the emulator's own fault queue
 * (consumed before auth and before any state change), authentication, then the handler; it also
 * counts requests in flight for `maxConcurrency()`. The catch-all 404 goes through it too, so
 * latency and faults apply to every request. The request log redacts Authorization headers and
 * `encrypted_value` (http-server.ts).
 */
import { randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import sodium from 'libsodium-wrappers';
import { githubContract } from './contract/github-openapi-contract.js';
import {
  environmentJson,
  fullRepository,
  githubApp,
  simpleUser,
  type RepositoryFacts,
} from './github-api-json.js';
import {
  Clock,
  json,
  RequestLog,
  startHttpServer,
  type EmulatorRequest,
  type EmulatorResponse,
  type FaultInjector,
  type Route,
} from './http-server.js';

// ---------------------------------------------------------------------------------------------
// Public types

export type Permission = 'read' | 'write';

export type PermissionName =
  | 'secrets'
  | 'variables'
  | 'environments'
  | 'checks'
  | 'pull_requests'
  | 'issues'
  | 'contents'
  | 'organization_secrets'
  | 'organization_variables';

export interface TokenGrant {
  /** 'github-token' behaves like GITHUB_TOKEN: it can never write secrets or variables, whatever its permissions say. */
  kind: 'github-token' | 'pat' | 'app';
  permissions: Partial<Record<PermissionName, Permission>>;
}

export interface GitHubApiEmulatorOptions {
  /** Default [{ owner: 'acme', name: 'ml', id: 4242, environments: ['production'] }]. */
  repositories?: Array<{
    owner: string;
    name: string;
    id?: number;
    /** The owner's id (`owner.id`, the tokens' repository_owner_id). Default `id + 1`. */
    ownerId?: number;
    environments?: string[];
    private?: boolean;
  }>;
  /** Default ['acme']. */
  orgs?: string[];
  /** token → grant. Default: { 'ghp_test_admin': { kind: 'pat', permissions: all 'write' } }. Unknown token → 401 {"message":"Bad credentials"}. */
  tokens?: Record<string, TokenGrant>;
  /** Delay added to every response, for benchmarks. Default 0. */
  latencyMs?: number;
  clock?: Clock;
  faults?: FaultInjector;
  requests?: RequestLog;
  /**
   * Check every exchange against GitHub's OpenAPI description (contract/github-openapi-contract.ts).
   * Default true.
   */
  contract?: boolean;
}

export interface StoredSecret {
  value: string;
  createdAt: string;
  updatedAt: string;
  visibility?: 'all' | 'private' | 'selected';
  selectedRepositoryIds?: number[];
}

export interface StoredVariable {
  value: string;
  createdAt: string;
  updatedAt: string;
  visibility?: 'all' | 'private' | 'selected';
  selectedRepositoryIds?: number[];
}

/** Organization-level extras for `setSecret`/`setVariable` on an `org:` scope. */
export interface OrgVisibilityOptions {
  /** Default 'all'. */
  visibility?: 'all' | 'private' | 'selected';
  selectedRepositoryIds?: number[];
}

export type GitHubFault = 'secondary-rate-limit' | 'server-error';

export interface GitHubApiEmulator {
  /** Base URL to use as GITHUB_API_URL, e.g. http://127.0.0.1:PORT (no trailing slash). */
  readonly url: string;
  /** Scope keys: 'repo:acme/ml', 'env:acme/ml/production', 'org:acme'. Values are the DECRYPTED plaintexts. */
  secrets(scope: string): ReadonlyMap<string, StoredSecret>;
  variables(scope: string): ReadonlyMap<string, StoredVariable>;
  /** Pre-seed state (names are upper-cased as GitHub stores them). */
  setSecret(scope: string, name: string, value: string, options?: OrgVisibilityOptions): void;
  setVariable(scope: string, name: string, value: string, options?: OrgVisibilityOptions): void;
  /** The scope's current public key, as `GET …/public-key` answers it. */
  publicKey(scope: string): { key_id: string; key: string };
  /** Replace the scope's keypair: a PUT with the old key_id then gets 422. */
  rotateKey(scope: string): void;
  /** The next `count` requests (optionally only those whose method+path match `selector`) answer with this fault. */
  failNext(
    fault: GitHubFault,
    count: number,
    options?: { retryAfterSeconds?: number; method?: string; pathPattern?: RegExp },
  ): void;
  /** Faults queued by failNext and not yet consumed. */
  pendingFaults(): number;
  /** API representations, plus `annotations` (every annotation sent, in order). */
  checkRuns(repo: string /* 'acme/ml' */): ReadonlyArray<Record<string, unknown>>;
  comments(
    repo: string,
    issueNumber: number,
  ): ReadonlyArray<{ id: number; body: string; user: { login: string } }>;
  /** Highest number of requests in flight at once since the last reset. */
  maxConcurrency(): number;
  resetConcurrency(): void;
  /** Accept a token issued after start, such as a workflow job's fresh GITHUB_TOKEN. */
  addToken(token: string, grant: TokenGrant): void;
  readonly requests: RequestLog;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Constants

const SERVER_NAME = 'github-api';
const DOCS_URL = 'https://docs.github.com/rest';
const SECONDARY_RATE_LIMIT_DOCS =
  'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits';
const SECONDARY_RATE_LIMIT_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';
const PAT_REFUSED = 'Resource not accessible by personal access token';
const INTEGRATION_REFUSED = 'Resource not accessible by integration';

/** 48 KB of plaintext per secret or variable. */
export const MAX_VALUE_BYTES = 48 * 1024;
/** Check run output.summary / output.text. */
export const MAX_CHECK_OUTPUT_CHARS = 65_535;
export const MAX_ANNOTATIONS_PER_REQUEST = 50;
/** Issue comment body. */
export const MAX_COMMENT_CHARS = 65_536;

type ScopeKind = 'repo' | 'env' | 'org';

/** GitHub's per-level counts (reference A1, "Limits"). */
const LIMITS: Record<ScopeKind, { secrets: number; variables: number }> = {
  repo: { secrets: 100, variables: 500 },
  env: { secrets: 100, variables: 100 },
  org: { secrets: 1000, variables: 1000 },
};

/** Fine-grained permission guarding each level; environment values need "Environments". */
const SECRET_PERMISSION: Record<ScopeKind, PermissionName> = {
  repo: 'secrets',
  env: 'environments',
  org: 'organization_secrets',
};
const VARIABLE_PERMISSION: Record<ScopeKind, PermissionName> = {
  repo: 'variables',
  env: 'environments',
  org: 'organization_variables',
};

const ALL_PERMISSIONS: readonly PermissionName[] = [
  'secrets',
  'variables',
  'environments',
  'checks',
  'pull_requests',
  'issues',
  'contents',
  'organization_secrets',
  'organization_variables',
];

const VISIBILITIES = ['all', 'private', 'selected'] as const;
type Visibility = (typeof VISIBILITIES)[number];
const CHECK_STATUSES = ['queued', 'in_progress', 'completed'] as const;
const CHECK_CONCLUSIONS = [
  'success',
  'failure',
  'neutral',
  'cancelled',
  'skipped',
  'timed_out',
  'action_required',
] as const;
const ANNOTATION_LEVELS = ['notice', 'warning', 'failure'] as const;

// ---------------------------------------------------------------------------------------------
// Errors: handlers throw, the route wrapper answers

class ApiError extends Error {
  readonly response: EmulatorResponse;
  constructor(response: EmulatorResponse) {
    super(`GitHub API error ${response.status}`);
    this.response = response;
  }
}

function errorBody(status: number, message: string, extra: Record<string, unknown> = {}): unknown {
  return { message, ...extra, documentation_url: DOCS_URL, status: String(status) };
}

function fail(status: number, message: string, extra?: Record<string, unknown>): never {
  throw new ApiError(json(status, errorBody(status, message, extra)));
}

const notFound = (): never => fail(404, 'Not Found');

/** JSON-schema failures read "Invalid request.\n\n<detail>" on GitHub. */
const invalid = (detail: string): never => fail(422, `Invalid request.\n\n${detail}`);

// ---------------------------------------------------------------------------------------------
// Helpers

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectBody(request: EmulatorRequest): Record<string, unknown> {
  if (request.bodyKind === 'empty') return {};
  if (request.bodyKind === 'invalid-json' || request.bodyKind === 'text')
    fail(400, 'Problems parsing JSON');
  if (!isRecord(request.body)) return invalid('Body must be a JSON object.');
  return request.body;
}

function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string')
    return invalid(`For '${field}', ${JSON.stringify(value)} is not a string.`);
  return value;
}

function requiredString(body: Record<string, unknown>, field: string): string {
  return optionalString(body, field) ?? invalid(`"${field}" wasn't supplied.`);
}

function pick<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  field: string,
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    return invalid(`For '${field}', "${value}" is not one of ${allowed.join(', ')}.`);
  return value as T;
}

/** GitHub's timestamps: ISO 8601 in UTC, whole seconds. */
function timestamp(clock: Clock): string {
  return new Date(clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function utf8Bytes(value: string): number {
  return Buffer.byteLength(value, 'utf8');
}

const NAME_CHARS = /^[A-Za-z0-9_]+$/;

/** Secret and variable naming rules (reference A1); returns the stored, upper-cased name. */
function checkName(name: string, what: 'Secret' | 'Variable'): string {
  if (!NAME_CHARS.test(name))
    fail(
      422,
      `${what} names can only contain alphanumeric characters ([a-z], [A-Z], [0-9]) or underscores (_). Spaces are not allowed.`,
    );
  if (/^[0-9]/.test(name)) fail(422, `${what} names must not start with a number.`);
  if (/^GITHUB_/i.test(name)) fail(422, `${what} names must not start with GITHUB_.`);
  return name.toUpperCase();
}

/** Strict standard base64 with padding: URL-safe or unpadded input is refused, as GitHub does. */
const STANDARD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function numericKeyId(): string {
  // GitHub key ids look like "568250167242549743".
  let id = String(randomInt(1, 10));
  while (id.length < 18) id += String(randomInt(0, 10));
  return id;
}

function positiveInt(value: string): number | undefined {
  return /^[1-9][0-9]{0,15}$/.test(value) ? Number(value) : undefined;
}

// ---------------------------------------------------------------------------------------------
// State

interface Scope {
  /** Canonical key, e.g. 'env:acme/ml/production'. */
  key: string;
  kind: ScopeKind;
  keyId: string;
  publicKey: Uint8Array;
  privateKey: Uint8Array;
  secrets: Map<string, StoredSecret>;
  variables: Map<string, StoredVariable>;
}

interface Repository extends RepositoryFacts {
  /** lower-cased name → name as configured (GitHub matches environment names case-insensitively). */
  environments: Map<string, string>;
}

interface Caller {
  grant: TokenGrant;
}

interface CheckRun {
  id: number;
  name: string;
  headSha: string;
  status: (typeof CHECK_STATUSES)[number];
  conclusion: (typeof CHECK_CONCLUSIONS)[number] | null;
  externalId: string | null;
  detailsUrl: string | null;
  startedAt: string;
  completedAt: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: Array<Record<string, unknown>>;
  app: { slug: string; name: string };
}

interface IssueComment {
  id: number;
  issueNumber: number;
  body: string;
  user: { login: string; id: number; type: string };
  createdAt: string;
  updatedAt: string;
}

interface QueuedFault {
  fault: GitHubFault;
  remaining: number;
  retryAfterSeconds: number | undefined;
  method: string | undefined;
  pathPattern: RegExp | undefined;
}

function newKeypair(): Pick<Scope, 'keyId' | 'publicKey' | 'privateKey'> {
  const { publicKey, privateKey } = sodium.crypto_box_keypair();
  return { keyId: numericKeyId(), publicKey, privateKey };
}

function encodeKey(publicKey: Uint8Array): string {
  return sodium.to_base64(publicKey, sodium.base64_variants.ORIGINAL);
}

// ---------------------------------------------------------------------------------------------
// Emulator

export async function startGitHubApiEmulator(
  options: GitHubApiEmulatorOptions = {},
): Promise<GitHubApiEmulator> {
  await sodium.ready;
  const clock = options.clock ?? new Clock();
  const requests = options.requests ?? new RequestLog();
  const latencyMs = options.latencyMs ?? 0;
  const defaultTokens: Record<string, TokenGrant> = {
    ghp_test_admin: {
      kind: 'pat',
      permissions: Object.fromEntries(ALL_PERMISSIONS.map((p) => [p, 'write' as const])),
    },
  };
  const tokens = new Map(Object.entries(options.tokens ?? defaultTokens));

  const repositories = new Map<string, Repository>();
  const orgs = new Map<string, string>();
  const scopes = new Map<string, Scope>();
  const addScope = (key: string, kind: ScopeKind) =>
    scopes.set(key.toLowerCase(), {
      key,
      kind,
      ...newKeypair(),
      secrets: new Map(),
      variables: new Map(),
    });

  let nextRepoId = 100_001;
  for (const repo of options.repositories ?? [
    { owner: 'acme', name: 'ml', id: 4242, environments: ['production'] },
  ]) {
    const fullName = `${repo.owner}/${repo.name}`;
    if (repositories.has(fullName.toLowerCase()))
      throw new Error(`startGitHubApiEmulator: repository ${fullName} listed twice`);
    const environments = new Map((repo.environments ?? []).map((e) => [e.toLowerCase(), e]));
    const id = repo.id ?? nextRepoId++;
    repositories.set(fullName.toLowerCase(), {
      owner: repo.owner,
      ownerId: repo.ownerId ?? id + 1,
      name: repo.name,
      fullName,
      id,
      private: repo.private ?? false,
      environments,
    });
    addScope(`repo:${fullName}`, 'repo');
    for (const environment of environments.values())
      addScope(`env:${fullName}/${environment}`, 'env');
  }
  for (const org of options.orgs ?? ['acme']) {
    orgs.set(org.toLowerCase(), org);
    addScope(`org:${org}`, 'org');
  }

  const checkRuns = new Map<string, CheckRun[]>();
  const comments = new Map<string, IssueComment[]>();
  let nextCheckRunId = 7_000_001;
  let nextCommentId = 2_000_000_001;

  const faultQueue: QueuedFault[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let baseUrl = 'http://127.0.0.1';
  /** Creation time of the repositories, apps and environments the emulator starts with. */
  const bornAt = timestamp(clock);

  // ---- lookups -------------------------------------------------------------------------------

  const scopeByKey = (key: string): Scope => {
    const scope = scopes.get(key.toLowerCase());
    if (!scope)
      throw new Error(
        `GitHub API emulator: unknown scope "${key}" (known: ${[...scopes.values()].map((s) => s.key).join(', ')})`,
      );
    return scope;
  };

  const repository = (params: Record<string, string>): Repository =>
    repositories.get(`${params.owner ?? ''}/${params.repo ?? ''}`.toLowerCase()) ?? notFound();

  const repoScope = (params: Record<string, string>): Scope =>
    scopeByKey(`repo:${repository(params).fullName}`);

  const envScope = (params: Record<string, string>): Scope => {
    const repo = repository(params);
    const environment = repo.environments.get((params.environment ?? '').toLowerCase());
    // GitHub: the environment must already exist.
    if (environment === undefined) return notFound();
    return scopeByKey(`env:${repo.fullName}/${environment}`);
  };

  const orgScope = (params: Record<string, string>): Scope => {
    const org = orgs.get((params.org ?? '').toLowerCase()) ?? notFound();
    return scopeByKey(`org:${org}`);
  };

  // ---- auth ----------------------------------------------------------------------------------

  const authenticate = (request: EmulatorRequest): Caller => {
    const header = request.headers.authorization ?? '';
    const match = /^(?:bearer|token)\s+(\S+)\s*$/i.exec(header);
    const grant = match?.[1] ? tokens.get(match[1]) : undefined;
    if (!grant) fail(401, 'Bad credentials');
    return { grant };
  };

  const refuse = (caller: Caller): never =>
    fail(403, caller.grant.kind === 'pat' ? PAT_REFUSED : INTEGRATION_REFUSED);

  const granted = (caller: Caller, permission: PermissionName, level: Permission): boolean => {
    const has = caller.grant.permissions[permission];
    return has === 'write' || (has === 'read' && level === 'read');
  };

  /** `store` marks secrets/variables endpoints, which GITHUB_TOKEN can never reach. */
  const authorize = (
    caller: Caller,
    permission: PermissionName,
    level: Permission,
    store = false,
  ): void => {
    if (store && caller.grant.kind === 'github-token') refuse(caller);
    if (!granted(caller, permission, level)) refuse(caller);
  };

  // ---- routes --------------------------------------------------------------------------------

  const takeFault = (request: EmulatorRequest): EmulatorResponse | undefined => {
    const index = faultQueue.findIndex((f) => {
      if (f.method !== undefined && f.method.toUpperCase() !== request.method) return false;
      if (f.pathPattern) {
        f.pathPattern.lastIndex = 0; // a /g pattern would otherwise alternate matches
        if (!f.pathPattern.test(request.path)) return false;
      }
      return true;
    });
    const queued = faultQueue[index];
    if (!queued) return undefined;
    if (--queued.remaining === 0) faultQueue.splice(index, 1);
    const headers: Record<string, string> = {};
    if (queued.fault === 'secondary-rate-limit') {
      headers['retry-after'] = String(queued.retryAfterSeconds ?? 60);
      return json(
        403,
        { message: SECONDARY_RATE_LIMIT_MESSAGE, documentation_url: SECONDARY_RATE_LIMIT_DOCS },
        headers,
      );
    }
    if (queued.retryAfterSeconds !== undefined)
      headers['retry-after'] = String(queued.retryAfterSeconds);
    return json(502, { message: 'Server Error' }, headers);
  };

  type Handler = (
    request: EmulatorRequest,
    caller: Caller,
  ) => EmulatorResponse | Promise<EmulatorResponse>;

  const route = (
    name: string,
    method: string,
    pattern: string | RegExp,
    handler: Handler,
    authenticated = true,
  ): Route => ({
    name,
    method,
    pattern,
    handler: async (request) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        if (latencyMs > 0) await sleep(latencyMs);
        const fault = takeFault(request);
        if (fault) return fault;
        const caller: Caller = authenticated
          ? authenticate(request)
          : { grant: { kind: 'pat', permissions: {} } };
        return await handler(request, caller);
      } catch (error) {
        if (error instanceof ApiError) return error.response;
        throw error;
      } finally {
        inFlight -= 1;
      }
    },
  });

  /** Link header pagination (rel prev/next/last/first), GitHub's per_page/page semantics. */
  const paginate = <T>(
    request: EmulatorRequest,
    items: readonly T[],
    defaultPerPage: number,
    maxPerPage: number,
  ): { items: T[]; headers: Record<string, string> } => {
    const perPageParam = Number.parseInt(request.query.get('per_page') ?? '', 10);
    const perPage =
      Number.isFinite(perPageParam) && perPageParam > 0
        ? Math.min(perPageParam, maxPerPage)
        : defaultPerPage;
    const pageParam = Number.parseInt(request.query.get('page') ?? '', 10);
    const page = Number.isFinite(pageParam) && pageParam > 0 ? pageParam : 1;
    const lastPage = Math.max(1, Math.ceil(items.length / perPage));
    const link = (target: number, rel: string) => {
      const url = new URL(`${request.path}${request.url.search}`, baseUrl);
      url.searchParams.set('page', String(target));
      return `<${url.toString()}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page > 1) links.push(link(Math.min(page - 1, lastPage), 'prev'));
    if (page < lastPage) links.push(link(page + 1, 'next'), link(lastPage, 'last'));
    if (page > 1) links.push(link(1, 'first'));
    return {
      items: items.slice((page - 1) * perPage, page * perPage),
      headers: links.length > 0 ? { link: links.join(', ') } : {},
    };
  };

  const sortedByName = <T>(map: Map<string, T>): Array<[string, T]> =>
    [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

  const orgSelectedReposUrl = (scope: Scope, what: 'secrets' | 'variables', name: string) =>
    `${baseUrl}/orgs/${scope.key.slice('org:'.length)}/actions/${what}/${name}/repositories`;

  const secretJson = (scope: Scope, name: string, secret: StoredSecret) => ({
    name,
    created_at: secret.createdAt,
    updated_at: secret.updatedAt,
    ...(scope.kind === 'org'
      ? {
          visibility: secret.visibility ?? 'all',
          ...(secret.visibility === 'selected'
            ? { selected_repositories_url: orgSelectedReposUrl(scope, 'secrets', name) }
            : {}),
        }
      : {}),
  });

  const variableJson = (scope: Scope, name: string, variable: StoredVariable) => ({
    name,
    value: variable.value,
    created_at: variable.createdAt,
    updated_at: variable.updatedAt,
    ...(scope.kind === 'org'
      ? {
          visibility: variable.visibility ?? 'all',
          ...(variable.visibility === 'selected'
            ? { selected_repositories_url: orgSelectedReposUrl(scope, 'variables', name) }
            : {}),
        }
      : {}),
  });

  /** Org `visibility` (required) and `selected_repository_ids` (kept only for 'selected'). */
  const orgVisibility = (
    body: Record<string, unknown>,
  ): { visibility: Visibility; selectedRepositoryIds?: number[] } => {
    const visibility =
      pick(optionalString(body, 'visibility'), VISIBILITIES, 'visibility') ??
      invalid('"visibility" wasn\'t supplied.');
    const ids = body.selected_repository_ids;
    if (ids !== undefined && ids !== null) {
      if (!Array.isArray(ids) || !ids.every((id) => Number.isInteger(id) && (id as number) > 0))
        invalid(
          `For 'selected_repository_ids', ${JSON.stringify(ids)} is not an array of integers.`,
        );
    }
    return visibility === 'selected'
      ? { visibility, selectedRepositoryIds: [...((ids as number[] | undefined) ?? [])] }
      : { visibility };
  };

  const openSealedValue = (scope: Scope, body: Record<string, unknown>): string => {
    const encrypted = requiredString(body, 'encrypted_value');
    const keyId = optionalString(body, 'key_id');
    // Octokit types key_id as optional, but GitHub refuses a PUT without it (octokit/request.js#403).
    if (keyId === undefined) return invalid('"key_id" wasn\'t supplied.');
    if (keyId !== scope.keyId)
      fail(422, `Bad request - key_id ${keyId} does not match the current public key.`);
    if (encrypted.length === 0 || !STANDARD_BASE64.test(encrypted))
      fail(422, 'Bad request - encrypted_value is not valid base64.');
    let plaintext: Uint8Array;
    try {
      plaintext = sodium.crypto_box_seal_open(
        new Uint8Array(Buffer.from(encrypted, 'base64')),
        scope.publicKey,
        scope.privateKey,
      );
    } catch {
      return fail(422, 'Bad request - encrypted_value could not be decrypted with key_id.');
    }
    if (plaintext.length > MAX_VALUE_BYTES)
      fail(422, `Secret value is too large (maximum is ${MAX_VALUE_BYTES} bytes).`);
    return Buffer.from(plaintext).toString('utf8');
  };

  const routes: Route[] = [];

  // Secrets and variables: one set of routes per level.
  const levels: Array<{
    kind: ScopeKind;
    prefix: string;
    resolve: (p: Record<string, string>) => Scope;
  }> = [
    { kind: 'repo', prefix: '/repos/{owner}/{repo}/actions', resolve: repoScope },
    {
      kind: 'env',
      prefix: '/repos/{owner}/{repo}/environments/{environment}',
      resolve: envScope,
    },
    { kind: 'org', prefix: '/orgs/{org}/actions', resolve: orgScope },
  ];

  for (const { kind, prefix, resolve } of levels) {
    const secretPermission = SECRET_PERMISSION[kind];
    const variablePermission = VARIABLE_PERMISSION[kind];

    routes.push(
      route(`secrets.${kind}.public-key`, 'GET', `${prefix}/secrets/public-key`, (req, caller) => {
        const scope = resolve(req.params);
        authorize(caller, secretPermission, 'read', true);
        return json(200, { key_id: scope.keyId, key: encodeKey(scope.publicKey) });
      }),
      route(`secrets.${kind}.list`, 'GET', `${prefix}/secrets`, (req, caller) => {
        const scope = resolve(req.params);
        authorize(caller, secretPermission, 'read', true);
        const all = sortedByName(scope.secrets);
        const page = paginate(req, all, 30, 100);
        return json(
          200,
          {
            total_count: all.length,
            secrets: page.items.map(([name, secret]) => secretJson(scope, name, secret)),
          },
          page.headers,
        );
      }),
      route(`secrets.${kind}.get`, 'GET', `${prefix}/secrets/{name}`, (req, caller) => {
        const scope = resolve(req.params);
        authorize(caller, secretPermission, 'read', true);
        const name = (req.params.name ?? '').toUpperCase();
        const secret = scope.secrets.get(name) ?? notFound();
        return json(200, secretJson(scope, name, secret));
      }),
      route(`secrets.${kind}.put`, 'PUT', `${prefix}/secrets/{name}`, (req, caller) => {
        const scope = resolve(req.params);
        authorize(caller, secretPermission, 'write', true);
        const body = objectBody(req);
        const name = checkName(req.params.name ?? '', 'Secret');
        const visibility = kind === 'org' ? orgVisibility(body) : undefined;
        const value = openSealedValue(scope, body);
        const existing = scope.secrets.get(name);
        if (!existing && scope.secrets.size >= LIMITS[kind].secrets)
          fail(422, `You have reached the limit of ${LIMITS[kind].secrets} secrets.`);
        const now = timestamp(clock);
        scope.secrets.set(name, {
          value,
          createdAt: existing?.createdAt ?? now,
          updatedAt: now,
          ...visibility,
        });
        // 201 with an empty object on create, 204 without a body on update.
        return existing ? { status: 204 } : json(201, {});
      }),
      route(`secrets.${kind}.delete`, 'DELETE', `${prefix}/secrets/{name}`, (req, caller) => {
        const scope = resolve(req.params);
        authorize(caller, secretPermission, 'write', true);
        if (!scope.secrets.delete((req.params.name ?? '').toUpperCase())) notFound();
        return { status: 204 };
      }),

      route(`variables.${kind}.list`, 'GET', `${prefix}/variables`, (req, caller) => {
        const scope = resolve(req.params);
        authorize(caller, variablePermission, 'read', true);
        const all = sortedByName(scope.variables);
        const page = paginate(req, all, 10, 30);
        return json(
          200,
          {
            total_count: all.length,
            variables: page.items.map(([name, variable]) => variableJson(scope, name, variable)),
          },
          page.headers,
        );
      }),
      route(`variables.${kind}.get`, 'GET', `${prefix}/variables/{name}`, (req, caller) => {
        const scope = resolve(req.params);
        authorize(caller, variablePermission, 'read', true);
        const name = (req.params.name ?? '').toUpperCase();
        const variable = scope.variables.get(name) ?? notFound();
        return json(200, variableJson(scope, name, variable));
      }),
      route(`variables.${kind}.create`, 'POST', `${prefix}/variables`, (req, caller) => {
        const scope = resolve(req.params);
        authorize(caller, variablePermission, 'write', true);
        const body = objectBody(req);
        const name = checkName(requiredString(body, 'name'), 'Variable');
        const value = requiredString(body, 'value');
        const visibility = kind === 'org' ? orgVisibility(body) : undefined;
        if (utf8Bytes(value) > MAX_VALUE_BYTES)
          fail(422, `Variable value is too large (maximum is ${MAX_VALUE_BYTES} bytes).`);
        if (scope.variables.has(name)) fail(409, 'Already exists');
        if (scope.variables.size >= LIMITS[kind].variables)
          fail(422, `You have reached the limit of ${LIMITS[kind].variables} variables.`);
        const now = timestamp(clock);
        scope.variables.set(name, { value, createdAt: now, updatedAt: now, ...visibility });
        return json(201, {});
      }),
      route(`variables.${kind}.update`, 'PATCH', `${prefix}/variables/{name}`, (req, caller) => {
        const scope = resolve(req.params);
        authorize(caller, variablePermission, 'write', true);
        const body = objectBody(req);
        const name = (req.params.name ?? '').toUpperCase();
        const existing = scope.variables.get(name) ?? notFound();
        const renameTo = optionalString(body, 'name');
        const newName = renameTo === undefined ? name : checkName(renameTo, 'Variable');
        const value = optionalString(body, 'value') ?? existing.value;
        if (utf8Bytes(value) > MAX_VALUE_BYTES)
          fail(422, `Variable value is too large (maximum is ${MAX_VALUE_BYTES} bytes).`);
        if (newName !== name && scope.variables.has(newName)) fail(409, 'Already exists');
        const visibility =
          kind === 'org' && body.visibility !== undefined ? orgVisibility(body) : undefined;
        scope.variables.delete(name);
        scope.variables.set(newName, {
          ...existing,
          ...visibility,
          value,
          updatedAt: timestamp(clock),
        });
        return { status: 204 };
      }),
      route(`variables.${kind}.delete`, 'DELETE', `${prefix}/variables/{name}`, (req, caller) => {
        const scope = resolve(req.params);
        authorize(caller, variablePermission, 'write', true);
        if (!scope.variables.delete((req.params.name ?? '').toUpperCase())) notFound();
        return { status: 204 };
      }),
    );
  }

  // Repository metadata and environments: what a sync tool looks up (ids, existing environments).
  routes.push(
    // Anyone may read a public repository; a private one is "Not Found" to anonymous callers.
    route(
      'repos.get',
      'GET',
      '/repos/{owner}/{repo}',
      (req) => {
        if (req.headers.authorization) authenticate(req);
        const repo = repository(req.params);
        if (repo.private && !req.headers.authorization) fail(404, 'Not Found');
        return json(200, fullRepository(baseUrl, repo, bornAt));
      },
      false,
    ),
    route('environments.list', 'GET', '/repos/{owner}/{repo}/environments', (req) => {
      const repo = repository(req.params);
      const all = [...repo.environments.values()];
      const page = paginate(req, all, 30, 100);
      return json(
        200,
        {
          total_count: all.length,
          environments: page.items.map((name, index) =>
            environmentJson(baseUrl, repo.fullName, repo.id * 1000 + index, name, bornAt),
          ),
        },
        page.headers,
      );
    }),
  );

  // ---- check runs ----------------------------------------------------------------------------

  const checkRunJson = (repo: Repository, run: CheckRun) => ({
    id: run.id,
    node_id: `CR_${Buffer.from(String(run.id)).toString('base64url')}`,
    head_sha: run.headSha,
    external_id: run.externalId,
    url: `${baseUrl}/repos/${repo.fullName}/check-runs/${run.id}`,
    html_url: `https://github.com/${repo.fullName}/runs/${run.id}`,
    details_url: run.detailsUrl,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      ...run.output,
      annotations_count: run.annotations.length,
      annotations_url: `${baseUrl}/repos/${repo.fullName}/check-runs/${run.id}/annotations`,
    },
    name: run.name,
    check_suite: { id: 1 },
    app: githubApp(baseUrl, run.app, bornAt),
    pull_requests: [],
  });

  /** Validates `output` (title and summary required; size limits; ≤50 annotations per request). */
  const checkOutput = (
    value: unknown,
  ): { output: CheckRun['output']; annotations: Array<Record<string, unknown>> } | undefined => {
    if (value === undefined || value === null) return undefined;
    if (!isRecord(value))
      return invalid(`For 'output', ${JSON.stringify(value)} is not an object.`);
    const title = requiredString(value, 'title');
    const summary = requiredString(value, 'summary');
    const text = optionalString(value, 'text') ?? null;
    if (summary.length > MAX_CHECK_OUTPUT_CHARS)
      invalid(
        `Only ${MAX_CHECK_OUTPUT_CHARS} characters are allowed; ${summary.length} were supplied.`,
      );
    if (text !== null && text.length > MAX_CHECK_OUTPUT_CHARS)
      invalid(
        `Only ${MAX_CHECK_OUTPUT_CHARS} characters are allowed; ${text.length} were supplied.`,
      );
    const annotations = value.annotations ?? [];
    if (!Array.isArray(annotations)) return invalid(`For 'annotations', an array is expected.`);
    if (annotations.length > MAX_ANNOTATIONS_PER_REQUEST)
      invalid(`Only ${MAX_ANNOTATIONS_PER_REQUEST} annotations are allowed per request.`);
    for (const annotation of annotations) {
      if (!isRecord(annotation)) return invalid('Each annotation must be an object.');
      requiredString(annotation, 'path');
      requiredString(annotation, 'message');
      pick(requiredString(annotation, 'annotation_level'), ANNOTATION_LEVELS, 'annotation_level');
      if (!Number.isInteger(annotation.start_line) || !Number.isInteger(annotation.end_line))
        invalid('"start_line" and "end_line" must be integers.');
    }
    return {
      output: { title, summary, text },
      annotations: annotations as Array<Record<string, unknown>>,
    };
  };

  /** Applies status/conclusion rules: a conclusion completes the run; completed needs one. */
  const settleStatus = (run: CheckRun, body: Record<string, unknown>): void => {
    const status = pick(optionalString(body, 'status'), CHECK_STATUSES, 'status');
    const conclusion = pick(optionalString(body, 'conclusion'), CHECK_CONCLUSIONS, 'conclusion');
    if (status !== undefined) run.status = status;
    if (conclusion !== undefined) {
      run.conclusion = conclusion;
      run.status = 'completed';
    }
    if (run.status === 'completed' && run.conclusion === null)
      invalid('"conclusion" wasn\'t supplied (it is required when status is "completed").');
    if (run.status === 'completed')
      run.completedAt = optionalString(body, 'completed_at') ?? run.completedAt ?? timestamp(clock);
  };

  const authorizeChecks = (caller: Caller, level: Permission) => {
    // Only GitHub Apps (GITHUB_TOKEN included) may write check runs; PATs get this 403.
    if (level === 'write' && caller.grant.kind === 'pat')
      fail(403, 'You must authenticate via a GitHub App.');
    authorize(caller, 'checks', level);
  };

  const appOf = (caller: Caller) =>
    caller.grant.kind === 'github-token'
      ? { slug: 'github-actions', name: 'GitHub Actions' }
      : { slug: 'mlops-bot', name: 'mlops-bot' };

  const findRun = (repo: Repository, idParam: string | undefined): CheckRun => {
    const id = positiveInt(idParam ?? '');
    return checkRuns.get(repo.fullName)?.find((r) => r.id === id) ?? notFound();
  };

  routes.push(
    route('checks.create', 'POST', '/repos/{owner}/{repo}/check-runs', (req, caller) => {
      const repo = repository(req.params);
      authorizeChecks(caller, 'write');
      const body = objectBody(req);
      const name = requiredString(body, 'name');
      if (name.trim() === '') invalid('"name" wasn\'t supplied.');
      const headSha = requiredString(body, 'head_sha');
      if (!/^[0-9a-f]{40}$/i.test(headSha)) fail(422, `No commit found for SHA: ${headSha}`);
      const output = checkOutput(body.output);
      const actions = body.actions;
      if (Array.isArray(actions) && actions.length > 3)
        invalid('Only 3 actions are allowed per check run.');
      const run: CheckRun = {
        id: nextCheckRunId,
        name,
        headSha: headSha.toLowerCase(),
        status: 'queued',
        conclusion: null,
        externalId: optionalString(body, 'external_id') ?? null,
        detailsUrl: optionalString(body, 'details_url') ?? null,
        startedAt: optionalString(body, 'started_at') ?? timestamp(clock),
        completedAt: null,
        output: output?.output ?? { title: null, summary: null, text: null },
        annotations: [...(output?.annotations ?? [])],
        app: appOf(caller),
      };
      settleStatus(run, body);
      nextCheckRunId += 1;
      const runs = checkRuns.get(repo.fullName) ?? [];
      runs.push(run);
      checkRuns.set(repo.fullName, runs);
      return json(201, checkRunJson(repo, run));
    }),
    route('checks.get', 'GET', '/repos/{owner}/{repo}/check-runs/{id}', (req, caller) => {
      const repo = repository(req.params);
      authorizeChecks(caller, 'read');
      return json(200, checkRunJson(repo, findRun(repo, req.params.id)));
    }),
    route('checks.update', 'PATCH', '/repos/{owner}/{repo}/check-runs/{id}', (req, caller) => {
      const repo = repository(req.params);
      authorizeChecks(caller, 'write');
      const run = findRun(repo, req.params.id);
      const body = objectBody(req);
      // Validate everything on a copy: a 422 must leave the stored run untouched.
      const next: CheckRun = {
        ...run,
        output: { ...run.output },
        annotations: [...run.annotations],
      };
      const name = optionalString(body, 'name');
      if (name !== undefined) next.name = name;
      const detailsUrl = optionalString(body, 'details_url');
      if (detailsUrl !== undefined) next.detailsUrl = detailsUrl;
      const externalId = optionalString(body, 'external_id');
      if (externalId !== undefined) next.externalId = externalId;
      const output = checkOutput(body.output);
      if (output) {
        next.output = output.output;
        next.annotations.push(...output.annotations); // PATCH appends annotations
      }
      settleStatus(next, body);
      Object.assign(run, next);
      return json(200, checkRunJson(repo, run));
    }),
    route(
      'checks.list-for-ref',
      'GET',
      '/repos/{owner}/{repo}/commits/{ref}/check-runs',
      (req, caller) => {
        const repo = repository(req.params);
        authorizeChecks(caller, 'read');
        const ref = (req.params.ref ?? '').toLowerCase();
        const checkName = req.query.get('check_name');
        const status = req.query.get('status');
        let runs = (checkRuns.get(repo.fullName) ?? []).filter(
          (r) =>
            r.headSha === ref &&
            (checkName === null || r.name === checkName) &&
            (status === null || r.status === status),
        );
        // filter=latest (the default) keeps the most recent run of each name.
        if ((req.query.get('filter') ?? 'latest') === 'latest') {
          const latest = new Map<string, CheckRun>();
          for (const r of runs) latest.set(r.name, r);
          runs = [...latest.values()];
        }
        runs = [...runs].sort((a, b) => b.id - a.id);
        const page = paginate(req, runs, 30, 100);
        return json(
          200,
          { total_count: runs.length, check_runs: page.items.map((r) => checkRunJson(repo, r)) },
          page.headers,
        );
      },
    ),
  );

  // ---- issue comments ------------------------------------------------------------------------

  const authorizeComments = (caller: Caller, level: Permission) => {
    if (!granted(caller, 'pull_requests', level) && !granted(caller, 'issues', level))
      refuse(caller);
  };

  const commentJson = (repo: Repository, comment: IssueComment) => ({
    id: comment.id,
    node_id: `IC_${Buffer.from(String(comment.id)).toString('base64url')}`,
    url: `${baseUrl}/repos/${repo.fullName}/issues/comments/${comment.id}`,
    html_url: `https://github.com/${repo.fullName}/issues/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${baseUrl}/repos/${repo.fullName}/issues/${comment.issueNumber}`,
    body: comment.body,
    user: simpleUser(baseUrl, comment.user.login, comment.user.id, comment.user.type),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: 'NONE',
  });

  const commentBody = (body: Record<string, unknown>): string => {
    const text = requiredString(body, 'body');
    if (text.length > MAX_COMMENT_CHARS)
      fail(422, 'Validation Failed', {
        errors: [
          {
            resource: 'IssueComment',
            code: 'custom',
            field: 'body',
            message: `body is too long (maximum is ${MAX_COMMENT_CHARS} characters)`,
          },
        ],
      });
    return text;
  };

  const findComment = (repo: Repository, idParam: string | undefined): IssueComment => {
    const id = positiveInt(idParam ?? '');
    return comments.get(repo.fullName)?.find((c) => c.id === id) ?? notFound();
  };

  routes.push(
    route(
      'comments.list',
      'GET',
      '/repos/{owner}/{repo}/issues/{number}/comments',
      (req, caller) => {
        const repo = repository(req.params);
        authorizeComments(caller, 'read');
        const issue = positiveInt(req.params.number ?? '') ?? notFound();
        const all = (comments.get(repo.fullName) ?? []).filter((c) => c.issueNumber === issue);
        const page = paginate(req, all, 30, 100);
        return json(
          200,
          page.items.map((c) => commentJson(repo, c)),
          page.headers,
        );
      },
    ),
    route(
      'comments.create',
      'POST',
      '/repos/{owner}/{repo}/issues/{number}/comments',
      (req, caller) => {
        const repo = repository(req.params);
        authorizeComments(caller, 'write');
        const issue = positiveInt(req.params.number ?? '') ?? notFound();
        const body = commentBody(objectBody(req));
        const now = timestamp(clock);
        const comment: IssueComment = {
          id: nextCommentId++,
          issueNumber: issue,
          body,
          user:
            caller.grant.kind === 'github-token'
              ? { login: 'github-actions[bot]', id: 41898282, type: 'Bot' }
              : {
                  login: 'mlops-bot',
                  id: 1_000_001,
                  type: caller.grant.kind === 'app' ? 'Bot' : 'User',
                },
          createdAt: now,
          updatedAt: now,
        };
        const list = comments.get(repo.fullName) ?? [];
        list.push(comment);
        comments.set(repo.fullName, list);
        return json(201, commentJson(repo, comment));
      },
    ),
    route('comments.get', 'GET', '/repos/{owner}/{repo}/issues/comments/{id}', (req, caller) => {
      const repo = repository(req.params);
      authorizeComments(caller, 'read');
      return json(200, commentJson(repo, findComment(repo, req.params.id)));
    }),
    route(
      'comments.update',
      'PATCH',
      '/repos/{owner}/{repo}/issues/comments/{id}',
      (req, caller) => {
        const repo = repository(req.params);
        authorizeComments(caller, 'write');
        const comment = findComment(repo, req.params.id);
        comment.body = commentBody(objectBody(req));
        comment.updatedAt = timestamp(clock);
        return json(200, commentJson(repo, comment));
      },
    ),
    route(
      'comments.delete',
      'DELETE',
      '/repos/{owner}/{repo}/issues/comments/{id}',
      (req, caller) => {
        const repo = repository(req.params);
        authorizeComments(caller, 'write');
        const comment = findComment(repo, req.params.id);
        const list = comments.get(repo.fullName) ?? [];
        list.splice(list.indexOf(comment), 1);
        return { status: 204 };
      },
    ),
  );

  // Last: everything else is GitHub's 404, still subject to latency and faults.
  routes.push(route('not-found', '*', /^\/.*$/, () => notFound(), false));

  const server = await startHttpServer({
    name: SERVER_NAME,
    clock,
    log: requests,
    ...(options.faults ? { faults: options.faults } : {}),
    // Injected faults of a shared FaultInjector and emulator crashes answer in GitHub's shape.
    errorBody: (status, message) => errorBody(status, message),
    ...(options.contract === false ? {} : { contract: githubContract() }),
    routes,
  });
  baseUrl = server.url;

  const seedName = (name: string, what: 'Secret' | 'Variable'): string => {
    try {
      return checkName(name, what);
    } catch (error) {
      if (error instanceof ApiError)
        throw new Error(`GitHub API emulator: invalid ${what.toLowerCase()} name "${name}"`, {
          cause: error,
        });
      throw error;
    }
  };

  const seedVisibility = (scope: Scope, options: OrgVisibilityOptions | undefined) =>
    scope.kind === 'org'
      ? {
          visibility: options?.visibility ?? 'all',
          ...(options?.visibility === 'selected'
            ? { selectedRepositoryIds: [...(options.selectedRepositoryIds ?? [])] }
            : {}),
        }
      : {};

  return {
    url: server.url,
    requests,
    secrets: (key) =>
      new Map([...scopeByKey(key).secrets].map(([name, secret]) => [name, { ...secret }])),
    variables: (key) =>
      new Map([...scopeByKey(key).variables].map(([name, variable]) => [name, { ...variable }])),
    setSecret: (key, name, value, seedOptions) => {
      const scope = scopeByKey(key);
      const stored = seedName(name, 'Secret');
      const now = timestamp(clock);
      const existing = scope.secrets.get(stored);
      scope.secrets.set(stored, {
        value,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
        ...seedVisibility(scope, seedOptions),
      });
    },
    setVariable: (key, name, value, seedOptions) => {
      const scope = scopeByKey(key);
      const stored = seedName(name, 'Variable');
      const now = timestamp(clock);
      const existing = scope.variables.get(stored);
      scope.variables.set(stored, {
        value,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
        ...seedVisibility(scope, seedOptions),
      });
    },
    publicKey: (key) => {
      const scope = scopeByKey(key);
      return { key_id: scope.keyId, key: encodeKey(scope.publicKey) };
    },
    rotateKey: (key) => {
      Object.assign(scopeByKey(key), newKeypair());
    },
    failNext: (fault, count, faultOptions = {}) => {
      if (!Number.isInteger(count) || count < 1) throw new Error('failNext: count must be >= 1');
      faultQueue.push({
        fault,
        remaining: count,
        retryAfterSeconds: faultOptions.retryAfterSeconds,
        method: faultOptions.method,
        pathPattern: faultOptions.pathPattern,
      });
    },
    pendingFaults: () => faultQueue.reduce((sum, f) => sum + f.remaining, 0),
    checkRuns: (repo) => {
      const info = repositories.get(repo.toLowerCase());
      if (!info) throw new Error(`GitHub API emulator: unknown repository "${repo}"`);
      return (checkRuns.get(info.fullName) ?? []).map((run) => ({
        ...checkRunJson(info, run),
        annotations: run.annotations.map((a) => ({ ...a })),
      }));
    },
    comments: (repo, issueNumber) => {
      const info = repositories.get(repo.toLowerCase());
      if (!info) throw new Error(`GitHub API emulator: unknown repository "${repo}"`);
      return (comments.get(info.fullName) ?? [])
        .filter((c) => c.issueNumber === issueNumber)
        .map((c) => commentJson(info, c));
    },
    maxConcurrency: () => maxInFlight,
    resetConcurrency: () => {
      maxInFlight = inFlight;
    },
    addToken: (token, grant) => {
      if (tokens.has(token)) throw new Error('GitHub API emulator: token added twice');
      tokens.set(token, grant);
    },
    close: () => server.close(),
  };
}
