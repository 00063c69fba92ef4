/**
 * State and request handlers of the Artifact Registry emulator: see artifact-registry.ts for the
 * protocol notes, the routes and the public API.
 */
import { createHash, randomUUID } from 'node:crypto';
import { parseAllDocuments } from 'yaml';
import {
  googleApiError,
  type Clock,
  type EmulatorRequest,
  type EmulatorResponse,
} from './http-server.js';
import type { AuthorizationCheck, TokenValidation } from './vertex.js';
import { PolicyRules, type PolicyRecord } from './gcp-setup-policies.js';
import { testedPermissionsProblem } from './gcp-iam-policy-routes.js';

// ---------------------------------------------------------------------------------------------
// Enums (wire ints checked against the client's protos.json in the tests)

/** google.devtools.artifactregistry.v1.Repository.Format: name → wire int (the enum is sparse). */
export const REPOSITORY_FORMATS = {
  FORMAT_UNSPECIFIED: 0,
  DOCKER: 1,
  MAVEN: 2,
  NPM: 3,
  APT: 5,
  YUM: 6,
  PYTHON: 8,
  KFP: 9,
  GO: 10,
  GENERIC: 11,
  RUBY: 12,
} as const;
export type RepositoryFormat = keyof typeof REPOSITORY_FORMATS;

/** Repository.Mode, index = wire int. */
export const REPOSITORY_MODES = [
  'MODE_UNSPECIFIED',
  'STANDARD_REPOSITORY',
  'VIRTUAL_REPOSITORY',
  'REMOTE_REPOSITORY',
] as const;
export type RepositoryMode = (typeof REPOSITORY_MODES)[number];

/** VersionView, index = wire int. */
export const VERSION_VIEWS = ['VERSION_VIEW_UNSPECIFIED', 'BASIC', 'FULL'] as const;

const TYPE_PREFIX = 'type.googleapis.com/';
/** The `@type` URLs of the Any fields in the operations this emulator returns. */
export const LRO_TYPES = {
  operationMetadata: `${TYPE_PREFIX}google.devtools.artifactregistry.v1.OperationMetadata`,
  repository: `${TYPE_PREFIX}google.devtools.artifactregistry.v1.Repository`,
  empty: `${TYPE_PREFIX}google.protobuf.Empty`,
} as const;

// ---------------------------------------------------------------------------------------------
// Public types

export interface RepositorySpec {
  id: string;
  /** Default `KFP`. */
  format?: RepositoryFormat;
  /** Default: the emulator's region. */
  location?: string;
  description?: string;
  labels?: Record<string, string>;
}

export interface ServiceOptions {
  /** Checks bearer tokens (the auth emulators' validateAccessToken); default: any non-empty token. */
  validateToken?: (token: string) => TokenValidation;
  /**
   * IAM: false answers 403 PERMISSION_DENIED. Permissions are `artifactregistry.<collection>.<verb>`
   * (`repositories.get`, `versions.delete`, `tags.update`...; the kfp host checks
   * `repositories.uploadArtifacts` / `repositories.downloadArtifacts`), the resource is the
   * repository (`projects/P/locations/L/repositories/R`, or `projects/P/locations/L` to list or
   * create). Default: everything allowed.
   */
  authorize?: (check: AuthorizationCheck) => boolean;
  /** Operation polls that still answer `done: false` for createRepository. Default 0. */
  createRepositoryPendingPolls?: number;
  /** `Version.metadata` (a Struct) for KFP versions; the real content is unverified. Default none. */
  versionMetadata?: (version: EmulatedVersion) => Record<string, unknown> | undefined;
}

export interface EmulatedVersion {
  /** `projects/P/locations/L/repositories/R/packages/PKG/versions/sha256:<hex>`. */
  readonly name: string;
  /** `sha256:<hex>`. */
  readonly id: string;
  /** The hex digest of `content`. */
  readonly sha256: string;
  /** The bytes as uploaded. */
  readonly content: Buffer;
  /** `content` as UTF-8. */
  readonly text: string;
  /** `pipelineInfo.name` of the uploaded pipeline (= the package id). */
  readonly pipelineName: string;
  /** `pipelineInfo.description`, if any (sent as Version.description). */
  readonly description: string | undefined;
  /** Tags pointing at this version, sorted. */
  readonly tags: readonly string[];
  readonly createTime: string;
  /** Bumped when the same content is uploaded again. */
  readonly updateTime: string;
  /** How many uploads sent these bytes. */
  readonly uploads: number;
  readonly package: EmulatedPackage;
}

export interface EmulatedPackage {
  readonly name: string;
  readonly id: string;
  readonly createTime: string;
  readonly updateTime: string;
  /** By version id (`sha256:<hex>`), in upload order. */
  readonly versions: ReadonlyMap<string, EmulatedVersion>;
  /** Tag → version id. */
  readonly tags: ReadonlyMap<string, string>;
  readonly repository: EmulatedRepository;
  /** The version a `sha256:<hex>` id or a tag names. */
  resolve(ref: string): EmulatedVersion | undefined;
}

export interface EmulatedRepository {
  /** `projects/<project id>/locations/<location>/repositories/<id>`. */
  readonly name: string;
  readonly id: string;
  readonly location: string;
  readonly format: RepositoryFormat;
  readonly mode: RepositoryMode;
  readonly description: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly createTime: string;
  readonly updateTime: string;
  /** Bytes of all versions. */
  readonly sizeBytes: number;
  readonly packages: ReadonlyMap<string, EmulatedPackage>;
}

export interface TemplateRef {
  repository: string;
  package: string;
  /** `sha256:<hex>` or a tag. */
  ref: string;
}

// ---------------------------------------------------------------------------------------------
// Helpers

const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const READ_ONLY_SCOPE = 'https://www.googleapis.com/auth/cloud-platform.read-only';
const REPOSITORY_ID = /^[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** Tag ids: the characters the Tag.name comment allows unescaped. */
const TAG_ID = /^[A-Za-z0-9][A-Za-z0-9._~:@-]{0,127}$/;
const VERSION_ID = /^sha256:([0-9a-f]{64})$/;
const LOCATION = /^[a-z][a-z0-9-]*$/;
const LABEL_KEY = /^[a-z][a-z0-9_-]{0,62}$/;
const LABEL_VALUE = /^[a-z0-9_-]{0,63}$/;
const NOT_FOUND = 'Requested entity was not found.';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rpcError(http: number, message: string, status?: string): EmulatorResponse {
  return googleApiError(http, message, undefined, status);
}

const invalid = (message: string): EmulatorResponse => rpcError(400, message);
const notFound = (message = NOT_FOUND): EmulatorResponse => rpcError(404, message);
const ok = (body: unknown): EmulatorResponse => ({ status: 200, body });

function isResponse(value: unknown): value is EmulatorResponse {
  return isRecord(value) && typeof value.status === 'number';
}

function intEnums(request: EmulatorRequest): boolean {
  return (request.query.get('$alt') ?? '').includes('enum-encoding=int');
}

/** Percent-decodes once (ids in bodies may come escaped: `sha256%3Aabc`). */
function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function formatIn(value: unknown): RepositoryFormat | undefined {
  if (value === undefined || value === null) return 'FORMAT_UNSPECIFIED';
  for (const [name, number] of Object.entries(REPOSITORY_FORMATS))
    if (value === name || value === number) return name as RepositoryFormat;
  return undefined;
}

function modeIn(value: unknown): RepositoryMode | undefined {
  if (value === undefined || value === null) return 'MODE_UNSPECIFIED';
  if (typeof value === 'number') return REPOSITORY_MODES[value];
  return REPOSITORY_MODES.find((name) => name === value);
}

function labelProblems(labels: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(labels)) {
    if (!LABEL_KEY.test(key)) problems.push(`invalid label key "${key}"`);
    if (typeof value !== 'string' || !LABEL_VALUE.test(value))
      problems.push(`invalid value ${JSON.stringify(value)} for label "${key}"`);
  }
  return problems;
}

/** The host part of registryUri for a format (`us-central1-kfp.pkg.dev`). */
function registryHost(location: string, format: RepositoryFormat): string {
  return `${location}-${format === 'FORMAT_UNSPECIFIED' ? 'docker' : format.toLowerCase()}.pkg.dev`;
}

// ----- list filters, ordering, pages

type FieldReader<T> = (item: T) => string | readonly string[] | undefined;

/**
 * AIP-160 as far as AR list filters go here: `field="value"` terms (value may hold `*`
 * wildcards) joined by AND. Returns a predicate or the reason the filter is invalid.
 */
function compileFilter<T>(
  filter: string,
  fields: Record<string, FieldReader<T>>,
): ((item: T) => boolean) | string {
  if (filter.trim() === '') return () => true;
  const tests: Array<(item: T) => boolean> = [];
  for (const term of filter.trim().split(/\s+AND\s+/i)) {
    const match = /^([A-Za-z_.]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|(\S+))$/.exec(term.trim());
    if (!match?.[1]) return `Invalid filter "${filter}": unsupported term "${term}".`;
    const read = fields[match[1]];
    if (!read) return `Invalid filter "${filter}": unknown field "${match[1]}".`;
    const wanted = (match[2] ?? match[3] ?? '').replace(/\\(.)/g, '$1');
    const pattern = new RegExp(`^${wanted.split('*').map(RegExp.escape).join('.*')}$`);
    tests.push((item) => {
      const value = read(item);
      const values: readonly string[] =
        value === undefined ? [] : typeof value === 'string' ? [value] : value;
      return values.some((v) => pattern.test(v));
    });
  }
  return (item) => tests.every((t) => t(item));
}

type SortKey<T> = (item: T) => string;

function compileOrder<T>(
  orderBy: string,
  fields: Record<string, SortKey<T>>,
): ((a: T, b: T) => number) | string | undefined {
  if (orderBy.trim() === '') return undefined;
  const keys: Array<{ read: SortKey<T>; sign: number }> = [];
  for (const part of orderBy.split(',')) {
    const [field = '', direction = 'asc', ...rest] = part.trim().split(/\s+/);
    const read = fields[field];
    if (!read || rest.length > 0 || !/^(asc|desc)$/i.test(direction))
      return `Invalid order_by "${orderBy}".`;
    keys.push({ read, sign: direction.toLowerCase() === 'desc' ? -1 : 1 });
  }
  return (a, b) => {
    for (const { read, sign } of keys) {
      const x = read(a);
      const y = read(b);
      if (x !== y) return x < y ? -sign : sign;
    }
    return 0;
  };
}

function page<T>(
  request: EmulatorRequest,
  items: T[],
): { items: T[]; nextPageToken?: string } | EmulatorResponse {
  const pageSize = Number(request.query.get('pageSize') ?? '0');
  if (!Number.isInteger(pageSize) || pageSize < 0) return invalid(`Invalid page_size ${pageSize}.`);
  const size = pageSize === 0 ? 1000 : Math.min(pageSize, 1000);
  // A token only fits the query it came from.
  const scope = `${request.path}?${request.query.get('filter') ?? ''}&${request.query.get('orderBy') ?? ''}`;
  let offset = 0;
  const token = request.query.get('pageToken');
  if (token) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    } catch {
      parsed = undefined;
    }
    if (!isRecord(parsed) || parsed.scope !== scope || !Number.isInteger(parsed.offset))
      return invalid(`Invalid page token "${token}".`);
    offset = parsed.offset as number;
  }
  const next = offset + size;
  return {
    items: items.slice(offset, next),
    ...(next < items.length
      ? {
          nextPageToken: Buffer.from(JSON.stringify({ offset: next, scope })).toString('base64url'),
        }
      : {}),
  };
}

// ----- multipart (Node's fetch Response parses multipart/form-data)

async function readForm(request: EmulatorRequest): Promise<FormData | string> {
  const contentType = String(request.headers['content-type'] ?? '');
  if (!/^multipart\/form-data\s*;.*boundary=/i.test(contentType))
    return `Expected a multipart/form-data body with a "content" file, got "${contentType || 'no content type'}".`;
  try {
    return await new Response(new Uint8Array(request.rawBody), {
      headers: { 'content-type': contentType },
    }).formData();
  } catch {
    return 'Malformed multipart/form-data body.';
  }
}

// ----- pipelines

function pipelineInfo(content: Buffer): { name: string; description: string | undefined } | string {
  let doc: unknown;
  try {
    // A compiled pipeline may hold a second document (the platform spec).
    const docs = parseAllDocuments(content.toString('utf8'));
    const first = Array.isArray(docs) ? docs[0] : undefined;
    if (!first || first.errors.length > 0)
      return `The uploaded file is not a valid pipeline YAML: ${first?.errors[0]?.message ?? 'empty file'}.`;
    doc = first.toJS() as unknown;
  } catch (error) {
    return `The uploaded file is not a valid pipeline YAML: ${(error as Error).message}.`;
  }
  const info = isRecord(doc) && isRecord(doc.pipelineInfo) ? doc.pipelineInfo : undefined;
  if (!info || typeof info.name !== 'string' || info.name === '')
    return 'The uploaded file is not a KFP pipeline template: pipelineInfo.name is missing.';
  if (info.name.includes('/') || info.name.startsWith('.'))
    return `Invalid package name "${info.name}" (from pipelineInfo.name).`;
  return {
    name: info.name,
    description: typeof info.description === 'string' ? info.description : undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// State

class VersionEntry implements EmulatedVersion {
  readonly name: string;
  readonly id: string;
  readonly sha256: string;
  readonly content: Buffer;
  readonly pipelineName: string;
  readonly description: string | undefined;
  readonly createTime: string;
  updateTime: string;
  uploads = 1;
  readonly package: PackageEntry;

  constructor(
    pkg: PackageEntry,
    content: Buffer,
    sha256: string,
    description: string | undefined,
    now: string,
  ) {
    this.package = pkg;
    this.content = content;
    this.sha256 = sha256;
    this.id = `sha256:${sha256}`;
    this.name = `${pkg.name}/versions/${this.id}`;
    this.pipelineName = pkg.id;
    this.description = description;
    this.createTime = now;
    this.updateTime = now;
  }

  get text(): string {
    return this.content.toString('utf8');
  }

  get tags(): string[] {
    return [...this.package.tags]
      .filter(([, version]) => version === this.id)
      .map(([tag]) => tag)
      .sort();
  }
}

class PackageEntry implements EmulatedPackage {
  readonly name: string;
  readonly id: string;
  readonly createTime: string;
  updateTime: string;
  readonly versions = new Map<string, VersionEntry>();
  readonly tags = new Map<string, string>();
  readonly repository: RepositoryEntry;

  constructor(repository: RepositoryEntry, id: string, now: string) {
    this.repository = repository;
    this.id = id;
    this.name = `${repository.name}/packages/${id}`;
    this.createTime = now;
    this.updateTime = now;
  }

  resolve(ref: string): VersionEntry | undefined {
    const id = VERSION_ID.test(ref) ? ref : this.tags.get(ref);
    return id === undefined ? undefined : this.versions.get(id);
  }

  tagName(tag: string): string {
    return `${this.name}/tags/${tag}`;
  }
}

class RepositoryEntry implements EmulatedRepository {
  readonly name: string;
  readonly id: string;
  readonly location: string;
  readonly format: RepositoryFormat;
  readonly mode: RepositoryMode;
  readonly description: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly createTime: string;
  readonly updateTime: string;
  readonly packages = new Map<string, PackageEntry>();

  constructor(
    project: string,
    spec: Required<Omit<RepositorySpec, 'labels'>> & {
      labels: Record<string, string>;
      mode: RepositoryMode;
    },
    now: string,
  ) {
    this.id = spec.id;
    this.location = spec.location;
    this.name = `projects/${project}/locations/${spec.location}/repositories/${spec.id}`;
    this.format = spec.format;
    this.mode = spec.mode;
    this.description = spec.description;
    this.labels = { ...spec.labels };
    this.createTime = now;
    this.updateTime = now;
  }

  get sizeBytes(): number {
    let total = 0;
    for (const pkg of this.packages.values())
      for (const version of pkg.versions.values()) total += version.content.length;
    return total;
  }
}

export interface Caller {
  principal: string | undefined;
  serviceAccount: string | undefined;
}

interface Operation {
  name: string;
  pendingPolls: number;
  /** The `response` Any, built at poll time (enum encoding follows the poll request). */
  response: (ints: boolean) => Record<string, unknown>;
}

type Params = Record<string, string>;

/**
 * Repository IAM policies, with the setup emulators' rules (gcp-setup-policies.ts): etags, a
 * stale etag refused with 409 ABORTED, version 3 for conditions. This emulator knows no service
 * accounts, so any well-formed member is accepted.
 */
class RepositoryPolicyRules extends PolicyRules {
  protected serviceAccountExists(): boolean | undefined {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Service

export class ArtifactRegistryService {
  readonly project: string;
  readonly projectNumber: string;
  readonly region: string;
  readonly repositories = new Map<string, RepositoryEntry>();
  readonly #operations = new Map<string, Operation>();
  /** Repository IAM policies by repository name, made (empty) on first use. */
  readonly #policies = new Map<string, PolicyRecord>();
  readonly policyRules = new RepositoryPolicyRules();
  readonly #options: ServiceOptions;
  readonly #clock: Clock;

  constructor(
    options: ServiceOptions,
    settings: { project: string; projectNumber: string; region: string; clock: Clock },
  ) {
    this.#options = options;
    this.project = settings.project;
    this.projectNumber = settings.projectNumber;
    this.region = settings.region;
    this.#clock = settings.clock;
  }

  #now(): string {
    return new Date(this.#clock.now()).toISOString();
  }

  // ----- auth

  guard(
    request: EmulatorRequest,
    handler: (caller: Caller) => EmulatorResponse | Promise<EmulatorResponse>,
  ): EmulatorResponse | Promise<EmulatorResponse> {
    if (!request.bearer)
      return rpcError(
        401,
        'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
      );
    const validation: TokenValidation = this.#options.validateToken?.(request.bearer) ?? {
      ok: true,
      principal: '',
    };
    if (!validation.ok)
      return rpcError(
        401,
        'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
      );
    const read = request.method === 'GET';
    if (
      validation.scopes &&
      !validation.scopes.includes(CLOUD_PLATFORM_SCOPE) &&
      !(read && validation.scopes.includes(READ_ONLY_SCOPE))
    )
      return rpcError(403, 'Request had insufficient authentication scopes.');
    return handler({
      principal: this.#options.validateToken ? validation.principal : undefined,
      serviceAccount: validation.serviceAccount,
    });
  }

  #denied(caller: Caller, permission: string, resource: string): EmulatorResponse | undefined {
    const allowed =
      this.#options.authorize?.({
        principal: caller.principal,
        serviceAccount: caller.serviceAccount,
        permission,
        resource,
      }) ?? true;
    return allowed ? undefined : this.#permissionDenied(permission, resource);
  }

  #permissionDenied(permission: string, resource: string): EmulatorResponse {
    return rpcError(
      403,
      `Permission '${permission}' denied on resource '//artifactregistry.googleapis.com/${resource}' (or it may not exist).`,
    );
  }

  #ours(project: string): boolean {
    return project === this.project || project === this.projectNumber;
  }

  /** Our project (ID or number) and a well-formed location, then IAM on the location. */
  #location(
    params: Params,
    caller: Caller,
    permission: string,
  ): { location: string } | EmulatorResponse {
    const { project = '', location = '' } = params;
    const resource = `projects/${project}/locations/${location}`;
    if (!this.#ours(project)) return this.#permissionDenied(permission, resource);
    if (!LOCATION.test(location)) return invalid(`Invalid location "${location}".`);
    return this.#denied(caller, permission, resource) ?? { location };
  }

  /** The repository of the path, after IAM on it (another project's answers 403, as AR does). */
  #repository(
    params: Params,
    caller: Caller,
    permission: string,
  ): RepositoryEntry | EmulatorResponse {
    const { project = '', location = '', repository = '' } = params;
    if (!this.#ours(project))
      return this.#permissionDenied(
        permission,
        `projects/${project}/locations/${location}/repositories/${repository}`,
      );
    if (!LOCATION.test(location)) return invalid(`Invalid location "${location}".`);
    const name = `projects/${this.project}/locations/${location}/repositories/${repository}`;
    return this.#denied(caller, permission, name) ?? this.repositories.get(name) ?? notFound();
  }

  #package(params: Params, caller: Caller, permission: string): PackageEntry | EmulatorResponse {
    const repository = this.#repository(params, caller, permission);
    if (isResponse(repository)) return repository;
    return repository.packages.get(params.package ?? '') ?? notFound();
  }

  // ----- wire shapes

  repositoryResource(repository: RepositoryEntry, ints: boolean): Record<string, unknown> {
    return {
      name: repository.name,
      format: ints ? REPOSITORY_FORMATS[repository.format] : repository.format,
      ...(repository.description ? { description: repository.description } : {}),
      ...(Object.keys(repository.labels).length > 0 ? { labels: { ...repository.labels } } : {}),
      createTime: repository.createTime,
      updateTime: repository.updateTime,
      mode: ints ? REPOSITORY_MODES.indexOf(repository.mode) : repository.mode,
      sizeBytes: String(repository.sizeBytes),
      registryUri: `${registryHost(repository.location, repository.format)}/${this.project}/${repository.id}`,
    };
  }

  packageResource(pkg: PackageEntry): Record<string, unknown> {
    return { name: pkg.name, createTime: pkg.createTime, updateTime: pkg.updateTime };
  }

  versionResource(version: VersionEntry, full: boolean): Record<string, unknown> {
    const metadata = this.#options.versionMetadata?.(version);
    return {
      name: version.name,
      ...(version.description ? { description: version.description } : {}),
      createTime: version.createTime,
      updateTime: version.updateTime,
      ...(full
        ? {
            relatedTags: version.tags.map((tag) => ({
              name: version.package.tagName(tag),
              version: version.name,
            })),
          }
        : {}),
      ...(metadata ? { metadata } : {}),
    };
  }

  tagResource(pkg: PackageEntry, tag: string): Record<string, unknown> {
    return { name: pkg.tagName(tag), version: `${pkg.name}/versions/${pkg.tags.get(tag) ?? ''}` };
  }

  #operation(
    location: string,
    response: (ints: boolean) => Record<string, unknown>,
    pendingPolls: number,
  ): Operation {
    const operation: Operation = {
      name: `projects/${this.project}/locations/${location}/operations/${randomUUID()}`,
      pendingPolls,
      response,
    };
    this.#operations.set(operation.name, operation);
    return operation;
  }

  #operationResource(operation: Operation, done: boolean, ints: boolean): Record<string, unknown> {
    return {
      name: operation.name,
      metadata: { '@type': LRO_TYPES.operationMetadata },
      ...(done ? { done: true, response: operation.response(ints) } : {}),
    };
  }

  // ----- repositories

  addRepository(spec: RepositorySpec): RepositoryEntry {
    if (!REPOSITORY_ID.test(spec.id)) throw new Error(`invalid repository id "${spec.id}"`);
    const repository = new RepositoryEntry(
      this.project,
      {
        id: spec.id,
        format: spec.format ?? 'KFP',
        location: spec.location ?? this.region,
        description: spec.description ?? '',
        labels: spec.labels ?? {},
        mode: 'STANDARD_REPOSITORY',
      },
      this.#now(),
    );
    if (this.repositories.has(repository.name))
      throw new Error(`repository ${repository.name} already exists`);
    this.repositories.set(repository.name, repository);
    return repository;
  }

  getRepository(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const repository = this.#repository(
      request.params,
      caller,
      'artifactregistry.repositories.get',
    );
    if (isResponse(repository)) return repository;
    return ok(this.repositoryResource(repository, intEnums(request)));
  }

  listRepositories(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const where = this.#location(request.params, caller, 'artifactregistry.repositories.list');
    if (isResponse(where)) return where;
    const matches = compileFilter<RepositoryEntry>(request.query.get('filter') ?? '', {
      name: (r) => r.name,
    });
    if (typeof matches === 'string') return invalid(matches);
    const order = compileOrder<RepositoryEntry>(request.query.get('orderBy') ?? '', {
      name: (r) => r.name,
      create_time: (r) => r.createTime,
      update_time: (r) => r.updateTime,
    });
    if (typeof order === 'string') return invalid(order);
    const all = [...this.repositories.values()]
      .filter((r) => r.location === where.location && matches(r))
      .sort(order ?? ((a, b) => (a.name < b.name ? -1 : 1)));
    const result = page(request, all);
    if (isResponse(result)) return result;
    const ints = intEnums(request);
    return ok({
      repositories: result.items.map((r) => this.repositoryResource(r, ints)),
      ...(result.nextPageToken ? { nextPageToken: result.nextPageToken } : {}),
    });
  }

  createRepository(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const where = this.#location(request.params, caller, 'artifactregistry.repositories.create');
    if (isResponse(where)) return where;
    const id = request.query.get('repositoryId') ?? '';
    if (!REPOSITORY_ID.test(id))
      return invalid(
        `Invalid repository id "${id}": it must start with a lowercase letter, contain only lowercase letters, digits and hyphens, end with a letter or digit, and be at most 63 characters.`,
      );
    if (request.bodyKind === 'invalid-json') return invalid('Invalid JSON payload received.');
    const body = isRecord(request.body) ? request.body : {};
    const format = formatIn(body.format);
    if (!format || format === 'FORMAT_UNSPECIFIED')
      return invalid('Repository format must be specified.');
    const mode = modeIn(body.mode);
    if (!mode) return invalid(`Invalid repository mode ${JSON.stringify(body.mode)}.`);
    if (mode === 'VIRTUAL_REPOSITORY' || mode === 'REMOTE_REPOSITORY')
      return rpcError(501, `The emulator only creates standard repositories, not ${mode}.`);
    const labels = isRecord(body.labels) ? body.labels : {};
    const problems = labelProblems(labels);
    if (problems.length > 0) return invalid(`Invalid labels: ${problems.join('; ')}.`);
    if (body.description !== undefined && typeof body.description !== 'string')
      return invalid('description must be a string.');
    const name = `projects/${this.project}/locations/${where.location}/repositories/${id}`;
    if (this.repositories.has(name)) return rpcError(409, 'the repository already exists');
    const repository = this.addRepository({
      id,
      format,
      location: where.location,
      description: body.description ?? '',
      labels: labels as Record<string, string>,
    });
    const operation = this.#operation(
      where.location,
      (ints) => ({ '@type': LRO_TYPES.repository, ...this.repositoryResource(repository, ints) }),
      this.#options.createRepositoryPendingPolls ?? 0,
    );
    // AR answers a create with the operation still running; the first poll finds it done.
    return ok(this.#operationResource(operation, false, intEnums(request)));
  }

  deleteRepository(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const repository = this.#repository(
      request.params,
      caller,
      'artifactregistry.repositories.delete',
    );
    if (isResponse(repository)) return repository;
    this.repositories.delete(repository.name);
    this.#policies.delete(repository.name);
    return this.#doneOperation(repository.location, request);
  }

  // ----- repository IAM policies

  /** The repository's policy record (an empty one on first use). */
  repositoryPolicy(name: string): PolicyRecord {
    let policy = this.#policies.get(name);
    if (!policy) {
      policy = this.policyRules.newPolicy();
      this.#policies.set(name, policy);
    }
    return policy;
  }

  /** GET `.../repositories/R:getIamPolicy?options.requestedPolicyVersion=N`. */
  getIamPolicy(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const repository = this.#repository(
      request.params,
      caller,
      'artifactregistry.repositories.getIamPolicy',
    );
    if (isResponse(repository)) return repository;
    const raw = request.query.get('options.requestedPolicyVersion') ?? '0';
    if (!/^\d+$/.test(raw) || Number(raw) > 3)
      return invalid(`Invalid requested policy version ${raw}.`);
    return ok(this.policyRules.readPolicy(this.repositoryPolicy(repository.name), Number(raw)));
  }

  /** POST `.../repositories/R:setIamPolicy` with `{policy}`: replaces it (etag checked). */
  setIamPolicy(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const repository = this.#repository(
      request.params,
      caller,
      'artifactregistry.repositories.setIamPolicy',
    );
    if (isResponse(repository)) return repository;
    if (request.bodyKind === 'invalid-json') return invalid('Invalid JSON payload received.');
    const body = isRecord(request.body) ? request.body : {};
    if (!isRecord(body.policy)) return invalid('policy is required.');
    const written = this.policyRules.writePolicy(
      this.repositoryPolicy(repository.name),
      repository.name,
      body.policy,
    );
    if ('refused' in written)
      return written.refused === 'stale'
        ? rpcError(409, written.message, 'ABORTED')
        : invalid(written.message);
    return ok(this.policyRules.readPolicy(written, 3));
  }

  /**
   * POST `.../repositories/R:testIamPermissions` with `{permissions}`: the subset `authorize`
   * allows (absent when none). Like Google's, it "fails open": a repository that does not exist
   * (or another project's) answers an empty subset, not NOT_FOUND.
   */
  testIamPermissions(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const { project = '', location = '', repository = '' } = request.params;
    const asked = isRecord(request.body) ? request.body.permissions : undefined;
    const problem = testedPermissionsProblem(asked);
    if (problem) return invalid(problem);
    const name = `projects/${this.project}/locations/${location}/repositories/${repository}`;
    if (!this.#ours(project) || !this.repositories.has(name)) return ok({});
    const held = (asked as string[]).filter((p) => this.#denied(caller, p, name) === undefined);
    return ok(held.length > 0 ? { permissions: held } : {});
  }

  #doneOperation(location: string, request: EmulatorRequest): EmulatorResponse {
    const operation = this.#operation(location, () => ({ '@type': LRO_TYPES.empty }), 0);
    return ok(this.#operationResource(operation, true, intEnums(request)));
  }

  getOperation(request: EmulatorRequest): EmulatorResponse {
    const { project = '', location = '', operation: id = '' } = request.params;
    if (!this.#ours(project))
      return this.#permissionDenied(
        'artifactregistry.repositories.get',
        `projects/${project}/locations/${location}`,
      );
    const operation = this.#operations.get(
      `projects/${this.project}/locations/${location}/operations/${id}`,
    );
    if (!operation) return notFound();
    const done = operation.pendingPolls <= 0;
    if (!done) operation.pendingPolls -= 1;
    return ok(this.#operationResource(operation, done, intEnums(request)));
  }

  // ----- packages

  listPackages(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const repository = this.#repository(request.params, caller, 'artifactregistry.packages.list');
    if (isResponse(repository)) return repository;
    const matches = compileFilter<PackageEntry>(request.query.get('filter') ?? '', {
      name: (p) => p.name,
    });
    if (typeof matches === 'string') return invalid(matches);
    const order = compileOrder<PackageEntry>(request.query.get('orderBy') ?? '', {
      name: (p) => p.name,
      create_time: (p) => p.createTime,
      update_time: (p) => p.updateTime,
    });
    if (typeof order === 'string') return invalid(order);
    const all = [...repository.packages.values()]
      .filter(matches)
      .sort(order ?? ((a, b) => (a.name < b.name ? -1 : 1)));
    const result = page(request, all);
    if (isResponse(result)) return result;
    return ok({
      packages: result.items.map((p) => this.packageResource(p)),
      ...(result.nextPageToken ? { nextPageToken: result.nextPageToken } : {}),
    });
  }

  getPackage(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const pkg = this.#package(request.params, caller, 'artifactregistry.packages.get');
    return isResponse(pkg) ? pkg : ok(this.packageResource(pkg));
  }

  deletePackage(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const pkg = this.#package(request.params, caller, 'artifactregistry.packages.delete');
    if (isResponse(pkg)) return pkg;
    pkg.repository.packages.delete(pkg.id);
    return this.#doneOperation(pkg.repository.location, request);
  }

  // ----- versions

  #view(request: EmulatorRequest): boolean | EmulatorResponse {
    const raw = request.query.get('view');
    if (raw === null) return false;
    const view = /^\d+$/.test(raw)
      ? VERSION_VIEWS[Number(raw)]
      : VERSION_VIEWS.find((name) => name === raw);
    if (!view) return invalid(`Invalid value for view: "${raw}".`);
    return view === 'FULL';
  }

  listVersions(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const pkg = this.#package(request.params, caller, 'artifactregistry.versions.list');
    if (isResponse(pkg)) return pkg;
    const full = this.#view(request);
    if (typeof full !== 'boolean') return full;
    const matches = compileFilter<VersionEntry>(request.query.get('filter') ?? '', {
      name: (v) => v.name,
    });
    if (typeof matches === 'string') return invalid(matches);
    const order = compileOrder<VersionEntry>(request.query.get('orderBy') ?? '', {
      name: (v) => v.name,
      create_time: (v) => v.createTime,
      update_time: (v) => v.updateTime,
    });
    if (typeof order === 'string') return invalid(order);
    const all = [...pkg.versions.values()].filter(matches);
    if (order) all.sort(order);
    const result = page(request, all);
    if (isResponse(result)) return result;
    return ok({
      versions: result.items.map((v) => this.versionResource(v, full)),
      ...(result.nextPageToken ? { nextPageToken: result.nextPageToken } : {}),
    });
  }

  getVersion(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const pkg = this.#package(request.params, caller, 'artifactregistry.versions.get');
    if (isResponse(pkg)) return pkg;
    const full = this.#view(request);
    if (typeof full !== 'boolean') return full;
    const version = pkg.versions.get(request.params.version ?? '');
    return version ? ok(this.versionResource(version, full)) : notFound();
  }

  deleteVersion(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const pkg = this.#package(request.params, caller, 'artifactregistry.versions.delete');
    if (isResponse(pkg)) return pkg;
    const version = pkg.versions.get(request.params.version ?? '');
    if (!version) return notFound();
    const tags = version.tags;
    if (tags.length > 0 && request.query.get('force') !== 'true')
      return rpcError(
        400,
        `Version ${version.name} is tagged (${tags.join(', ')}): delete its tags first or set force.`,
        'FAILED_PRECONDITION',
      );
    for (const tag of tags) pkg.tags.delete(tag);
    pkg.versions.delete(version.id);
    return this.#doneOperation(pkg.repository.location, request);
  }

  // ----- tags

  listTags(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const pkg = this.#package(request.params, caller, 'artifactregistry.tags.list');
    if (isResponse(pkg)) return pkg;
    const matches = compileFilter<string>(request.query.get('filter') ?? '', {
      name: (tag) => pkg.tagName(tag),
      version: (tag) => `${pkg.name}/versions/${pkg.tags.get(tag) ?? ''}`,
    });
    if (typeof matches === 'string') return invalid(matches);
    const all = [...pkg.tags.keys()].filter(matches).sort();
    const result = page(request, all);
    if (isResponse(result)) return result;
    return ok({
      tags: result.items.map((tag) => this.tagResource(pkg, tag)),
      ...(result.nextPageToken ? { nextPageToken: result.nextPageToken } : {}),
    });
  }

  getTag(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const pkg = this.#package(request.params, caller, 'artifactregistry.tags.get');
    if (isResponse(pkg)) return pkg;
    const tag = request.params.tag ?? '';
    return pkg.tags.has(tag) ? ok(this.tagResource(pkg, tag)) : notFound();
  }

  /** The version id a Tag body's `version` names in this package (full name, any escaping). */
  #taggedVersion(pkg: PackageEntry, body: unknown): string | EmulatorResponse {
    const value = isRecord(body) ? body.version : undefined;
    if (typeof value !== 'string' || value === '') return invalid('tag.version must be set.');
    const match =
      /^projects\/([^/]+)\/locations\/([^/]+)\/repositories\/([^/]+)\/packages\/([^/]+)\/versions\/([^/]+)$/.exec(
        value,
      );
    const [, project = '', location, repository, packageId = '', versionId = ''] = match ?? [];
    if (
      !match ||
      !this.#ours(project) ||
      location !== pkg.repository.location ||
      repository !== pkg.repository.id ||
      decoded(packageId) !== pkg.id
    )
      return invalid(`tag.version "${value}" is not a version of ${pkg.name}.`);
    const id = decoded(versionId);
    return pkg.versions.has(id) ? id : notFound();
  }

  createTag(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const pkg = this.#package(request.params, caller, 'artifactregistry.tags.create');
    if (isResponse(pkg)) return pkg;
    if (request.bodyKind === 'invalid-json') return invalid('Invalid JSON payload received.');
    const tagId = request.query.get('tagId') ?? '';
    if (!TAG_ID.test(tagId) || tagId.startsWith('sha256:'))
      return invalid(`Invalid tag id "${tagId}".`);
    const body = isRecord(request.body) ? request.body : {};
    if (typeof body.name === 'string' && body.name !== '' && body.name !== pkg.tagName(tagId))
      return invalid(`tag.name "${body.name}" does not match tag_id "${tagId}".`);
    const version = this.#taggedVersion(pkg, body);
    if (typeof version !== 'string') return version;
    if (pkg.tags.has(tagId)) return rpcError(409, `Tag ${pkg.tagName(tagId)} already exists.`);
    pkg.tags.set(tagId, version);
    return ok(this.tagResource(pkg, tagId));
  }

  updateTag(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const pkg = this.#package(request.params, caller, 'artifactregistry.tags.update');
    if (isResponse(pkg)) return pkg;
    if (request.bodyKind === 'invalid-json') return invalid('Invalid JSON payload received.');
    const mask = request.query.get('updateMask');
    if (mask !== null && mask.split(',').some((path) => path.trim() !== 'version'))
      return invalid(`Invalid update_mask "${mask}": only "version" can be updated.`);
    const tag = request.params.tag ?? '';
    if (!pkg.tags.has(tag)) return notFound();
    const version = this.#taggedVersion(pkg, request.body);
    if (typeof version !== 'string') return version;
    pkg.tags.set(tag, version);
    return ok(this.tagResource(pkg, tag));
  }

  deleteTag(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const pkg = this.#package(request.params, caller, 'artifactregistry.tags.delete');
    if (isResponse(pkg)) return pkg;
    if (!pkg.tags.delete(request.params.tag ?? '')) return notFound();
    return ok({});
  }

  // ----- the kfp host

  /** The KFP repository the kfp host path names (this region only). */
  #kfpRepository(
    params: Params,
    caller: Caller,
    permission: string,
  ): RepositoryEntry | EmulatorResponse {
    const repository = this.#repository(
      { project: params.project ?? '', location: this.region, repository: params.repo ?? '' },
      caller,
      permission,
    );
    if (isResponse(repository)) return repository;
    if (repository.format !== 'KFP')
      return invalid(
        `Repository ${repository.name} has format ${repository.format}: pipeline templates need a KFP repository.`,
      );
    return repository;
  }

  store(repository: RepositoryEntry, content: Buffer, tags: string[]): VersionEntry | string {
    const info = pipelineInfo(content);
    if (typeof info === 'string') return info;
    for (const tag of tags)
      if (!TAG_ID.test(tag) || tag.startsWith('sha256:')) return `Invalid tag "${tag}".`;
    const now = this.#now();
    let pkg = repository.packages.get(info.name);
    if (!pkg) {
      pkg = new PackageEntry(repository, info.name, now);
      repository.packages.set(pkg.id, pkg);
    }
    const sha256 = createHash('sha256').update(content).digest('hex');
    let version = pkg.versions.get(`sha256:${sha256}`);
    if (version) {
      version.uploads += 1;
      version.updateTime = now;
    } else {
      version = new VersionEntry(pkg, Buffer.from(content), sha256, info.description, now);
      pkg.versions.set(version.id, version);
    }
    for (const tag of tags) pkg.tags.set(tag, version.id);
    pkg.updateTime = now;
    return version;
  }

  /** A repository by id (in this region unless `location` is given). */
  find(id: string, location = this.region): RepositoryEntry | undefined {
    return this.repositories.get(
      `projects/${this.project}/locations/${location}/repositories/${id}`,
    );
  }

  /** What the kfp host's upload does, without HTTP or auth; throws what it would answer 4xx. */
  seed(repositoryId: string, content: string | Uint8Array, tags: string[]): VersionEntry {
    const repository = this.find(repositoryId);
    if (!repository) throw new Error(`No repository "${repositoryId}" in ${this.region}`);
    if (repository.format !== 'KFP') throw new Error(`${repository.name} is not a KFP repository`);
    const version = this.store(repository, Buffer.from(content), tags);
    if (typeof version === 'string') throw new Error(version);
    return version;
  }

  async upload(request: EmulatorRequest, caller: Caller): Promise<EmulatorResponse> {
    const repository = this.#kfpRepository(
      request.params,
      caller,
      'artifactregistry.repositories.uploadArtifacts',
    );
    if (isResponse(repository)) return repository;
    const form = await readForm(request);
    if (typeof form === 'string') return invalid(form);
    const content = form.get('content');
    if (content === null) return invalid('The multipart body has no "content" file.');
    const bytes =
      typeof content === 'string' ? Buffer.from(content) : Buffer.from(await content.arrayBuffer());
    const tagsField = form.get('tags');
    const tags =
      typeof tagsField === 'string'
        ? tagsField
            .split(',')
            .map((tag) => tag.trim())
            .filter(Boolean)
        : [];
    const version = this.store(repository, bytes, tags);
    if (typeof version === 'string') return invalid(version);
    return {
      status: 200,
      body: `${version.package.id}/${version.id}`,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    };
  }

  download(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const repository = this.#kfpRepository(
      request.params,
      caller,
      'artifactregistry.repositories.downloadArtifacts',
    );
    if (isResponse(repository)) return repository;
    const version = repository.packages
      .get(request.params.package ?? '')
      ?.resolve(request.params.ref ?? '');
    if (!version) return notFound();
    return {
      status: 200,
      body: new Uint8Array(version.content),
      headers: { 'content-type': 'application/octet-stream' },
    };
  }

  // ----- templateUri

  parseTemplateUri(uri: string, kfpBaseUrl: string): TemplateRef | undefined {
    let url: URL;
    try {
      url = new URL(uri);
    } catch {
      return undefined;
    }
    const publicHost = `${this.region}-kfp.pkg.dev`;
    const loopback = new URL(kfpBaseUrl);
    const isPublic = url.protocol === 'https:' && url.host === publicHost;
    const isLoopback = url.protocol === loopback.protocol && url.host === loopback.host;
    if (!isPublic && !isLoopback) return undefined;
    const segments = url.pathname.split('/').slice(1).map(decoded);
    if (segments.length !== 4 || segments.some((s) => s === '')) return undefined;
    const [project, repository = '', pkg = '', ref = ''] = segments;
    if (!this.#ours(project ?? '')) return undefined;
    return { repository, package: pkg, ref };
  }

  lookup(ref: TemplateRef): VersionEntry | undefined {
    const repository = this.find(ref.repository);
    if (repository?.format !== 'KFP') return undefined;
    return repository.packages.get(ref.package)?.resolve(ref.ref);
  }
}
