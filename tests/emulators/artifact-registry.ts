/**
 * An Artifact Registry emulator: ONE loopback server that plays two Google hosts.
 *
 * (a) The Artifact Registry REST API v1 (`artifactregistry.googleapis.com`) as the real
 *     `@google-cloud/artifact-registry` 4.7.1 client (google-gax 5.0.8) sends it:
 *
 *       new ArtifactRegistryClient({ apiEndpoint: '127.0.0.1', port, protocol: 'http',
 *                                    fallback: true, authClient })
 *
 *     (the same loopback options as the Vertex emulator, see vertex.ts). Repositories
 *     get/list/create/delete, getIamPolicy/setIamPolicy (etags, 409 ABORTED when stale,
 *     rules of gcp-setup-policies.ts) and testIamPermissions (answered by `authorize`), packages list/get/delete, versions list/get/delete, tags
 *     list/get/create/update/delete, and the operations the LROs return.
 * (b) The KFP template registry host `https://{region}-kfp.pkg.dev/{project}/{repo}` that kfp's
 *     `RegistryClient` (sdk/python/kfp/registry, context/kfp_pkg_dev.json) and Vertex
 *     (`PipelineJob.templateUri`) use. The emulator serves one region: `kfpBaseUrl`
 *     (`http://127.0.0.1:PORT`) stands for `publicKfpHost` (`https://us-central1-kfp.pkg.dev`).
 *     - Upload: `POST /{project}/{repo}`, multipart/form-data with a file field `content` (the
 *       compiled pipeline) and an optional field `tags` (comma-separated). The package is the
 *       pipeline's `pipelineInfo.name`, the version `sha256:<hex of the uploaded bytes>`; the
 *       answer is the text `<package>/sha256:<hex>`. The same bytes again give the same version
 *       (its tags are added/moved); a tag moves to the newest upload that names it.
 *     - Download: `GET /{project}/{repo}/{package}/{sha256:<hex> | tag}`, the bytes as uploaded.
 *     Everything else RegistryClient does (get/list/delete packages, versions, tags) goes to
 *     artifactregistry.googleapis.com, i.e. to (a).
 *
 * Wire facts (client 4.7.1 / gax 5.0.8, by experiment against a logging server, and the client's
 * protos.json):
 * - Every API call carries `?$alt=json%3Benum-encoding=int` EXCEPT the LRO poll
 *   `GET /v1/projects/P/locations/L/operations/ID` (operations client: empty query). Enums
 *   (Repository.format, .mode) are answered as ints only when asked, as Google does.
 * - Path ids are percent-encoded by the client: `versions/sha256%3Aabc`, `tags/we%20ird`, and an
 *   already escaped package id `a%2Fb` goes out as `a%252Fb`. The server decodes a path segment
 *   once, so handlers see `sha256:abc` either way (plain `:` works too).
 * - createRepository: `POST .../repositories?repositoryId=ID` with the Repository as body (the
 *   client adds `cleanupPolicies: {}`; format as int). It is an LRO: the emulator answers
 *   `{name: 'projects/P/locations/L/operations/<uuid>', metadata: {@type OperationMetadata}}`
 *   (not done), and the poll (the client's first comes ~100 ms later) answers `done: true` with
 *   `response: {'@type': 'type.googleapis.com/google.devtools.artifactregistry.v1.Repository',
 *   ...}`. Deletes (repository, package, version) are LROs whose first answer is already done
 *   with `response: {'@type': 'type.googleapis.com/google.protobuf.Empty'}` (kfp's
 *   RegistryClient.delete_* read `response.json()['done']` straight away).
 * - listVersions/getVersion send `view` as an int (`view=2` for FULL); BASIC (the default) has
 *   no `relatedTags`, FULL has them. createTag: `POST .../tags?tagId=T` body `{name, version}`;
 *   updateTag: `PATCH .../tags/T?updateMask=version` body `{version}` (gax moves `name` into the
 *   path); deleteTag answers Empty `{}`; deleteVersion sends `force=true` only when set.
 * - In responses the client turns Timestamps into `{seconds, nanos}`, int64 (sizeBytes) into
 *   strings, enums into names, and fills absent fields with defaults (`updateTime: null`).
 * - Errors: Google's `{"error": {code, message, status}}`; gax 5.0.8 rejects with the HTTP status
 *   as `code` and the raw body as message (see vertex.ts `rpcCodeOf`). No ArtifactRegistry method
 *   has client-side retries (all "non_idempotent" in the client config).
 *
 * Not verified against the real service (no account to try): what `Version.metadata` holds for
 * KFP versions (the emulator sends none unless `versionMetadata` is given), whether KFP packages
 * carry a `displayName` (none sent), the Content-Type of downloads (`application/octet-stream`
 * here), the exact error texts, and whether a repository is visible before its create LRO ends
 * (here it is, at once).
 */
import {
  Clock,
  FaultInjector,
  GoogleApiFaults,
  RequestLog,
  startHttpServer,
  type EmulatorRequest,
  type EmulatorResponse,
  type HttpServer,
  type Route,
  callCounts,
} from './http-server.js';
import { contractFor } from './contract/google-rest-contract.js';
import type { IamPolicy } from '../../src/core/gcp-setup/iam-policy.js';
import type { PolicyRecord } from './gcp-setup-policies.js';
import {
  ArtifactRegistryService,
  type Caller,
  type EmulatedRepository,
  type EmulatedVersion,
  type RepositorySpec,
  type ServiceOptions,
} from './artifact-registry-service.js';

export {
  LRO_TYPES,
  REPOSITORY_FORMATS,
  REPOSITORY_MODES,
  VERSION_VIEWS,
  type EmulatedPackage,
  type EmulatedRepository,
  type EmulatedVersion,
  type RepositoryFormat,
  type RepositoryMode,
  type RepositorySpec,
  type ServiceOptions,
  type TemplateRef,
} from './artifact-registry-service.js';
export type { AuthorizationCheck, TokenValidation } from './vertex.js';

// ---------------------------------------------------------------------------------------------
// Routes

export type ArtifactRegistryRoute =
  | 'getRepository'
  | 'listRepositories'
  | 'createRepository'
  | 'deleteRepository'
  | 'getRepositoryIamPolicy'
  | 'setRepositoryIamPolicy'
  | 'testRepositoryIamPermissions'
  | 'getOperation'
  | 'listPackages'
  | 'getPackage'
  | 'deletePackage'
  | 'listVersions'
  | 'getVersion'
  | 'deleteVersion'
  | 'listTags'
  | 'getTag'
  | 'createTag'
  | 'updateTag'
  | 'deleteTag'
  | 'kfpUpload'
  | 'kfpDownload';

/** Route names in the request log and fault selectors (`server: 'artifactregistry'`). */
export const ARTIFACT_REGISTRY_ROUTES: Readonly<Record<ArtifactRegistryRoute, string>> = {
  getRepository: 'artifactregistry.getRepository',
  listRepositories: 'artifactregistry.listRepositories',
  createRepository: 'artifactregistry.createRepository',
  deleteRepository: 'artifactregistry.deleteRepository',
  getRepositoryIamPolicy: 'artifactregistry.getIamPolicy',
  setRepositoryIamPolicy: 'artifactregistry.setIamPolicy',
  testRepositoryIamPermissions: 'artifactregistry.testIamPermissions',
  getOperation: 'artifactregistry.getOperation',
  listPackages: 'artifactregistry.listPackages',
  getPackage: 'artifactregistry.getPackage',
  deletePackage: 'artifactregistry.deletePackage',
  listVersions: 'artifactregistry.listVersions',
  getVersion: 'artifactregistry.getVersion',
  deleteVersion: 'artifactregistry.deleteVersion',
  listTags: 'artifactregistry.listTags',
  getTag: 'artifactregistry.getTag',
  createTag: 'artifactregistry.createTag',
  updateTag: 'artifactregistry.updateTag',
  deleteTag: 'artifactregistry.deleteTag',
  kfpUpload: 'kfp.upload',
  kfpDownload: 'kfp.download',
};

export const ARTIFACT_REGISTRY_SERVER = 'artifactregistry';

// ---------------------------------------------------------------------------------------------
// Public types

export interface ArtifactRegistryEmulatorOptions extends ServiceOptions {
  /** Project ID; resource names use it. Default `acme-ml`. */
  project?: string;
  /** Accepted in request paths in place of the ID. Default `123456789012`. */
  projectNumber?: string;
  /** The one region whose `{region}-kfp.pkg.dev` host this server plays. Default `us-central1`. */
  region?: string;
  /** Repositories that exist from the start. */
  repositories?: RepositorySpec[];
  /** Share with the other emulators so one clock, fault plan and request log drive all. */
  clock?: Clock;
  faults?: FaultInjector;
  requests?: RequestLog;
}

export interface ResolvedTemplate {
  version: EmulatedVersion;
  /** `sha256:<hex>`: what Vertex reports as `templateMetadata.version`. */
  versionId: string;
  /** The public form pinned to the digest. */
  pinnedUri: string;
}

export interface ArtifactRegistryEmulator {
  /** The Artifact Registry API endpoint (for the client). */
  readonly endpoint: { host: string; port: number; url: string };
  readonly project: string;
  readonly projectNumber: string;
  readonly region: string;
  /** `projects/<project>/locations/<region>`. */
  readonly parent: string;
  /** `http://127.0.0.1:PORT`: the kfp host, standing for `publicKfpHost`. */
  readonly kfpBaseUrl: string;
  /** `https://<region>-kfp.pkg.dev`. */
  readonly publicKfpHost: string;
  /** `<kfpBaseUrl>/<project>/<repository>`: the RegistryClient host for uploads here. */
  kfpRepositoryUrl(repository: string): string;
  /** `<publicKfpHost>/<project>/<repository>`. */
  publicKfpRepositoryUrl(repository: string): string;
  /** A public `https://<region>-kfp.pkg.dev/...` URL rewritten to this server (others unchanged). */
  toLoopbackUrl(publicUrl: string): string;
  /** Repositories by full name. */
  readonly repositories: ReadonlyMap<string, EmulatedRepository>;
  /** A repository by id (in the emulator's region unless `location` is given). */
  repository(id: string, location?: string): EmulatedRepository | undefined;
  addRepository(spec: RepositorySpec): EmulatedRepository;
  /** A repository's IAM policy as getIamPolicy (version 3) answers it (empty when never set). */
  repositoryPolicy(name: string): IamPolicy & { version: number; etag: string };
  /**
   * Before the next setIamPolicy (on repository `name`, or any), someone else edits the policy
   * (by `edit`, default adding roles/viewer for user:someone-else@example.com): the write's etag
   * is then stale and refused with 409 ABORTED.
   */
  concurrentPolicyEditNext(name?: string, edit?: (policy: PolicyRecord) => void): void;
  /** Stores a pipeline as the kfp host's upload does (no HTTP, no auth); returns the version. */
  uploadTemplate(
    repository: string,
    content: string | Uint8Array,
    tags?: string[],
  ): EmulatedVersion;
  /** The YAML of a public (or loopback) `.../{project}/{repo}/{package}/{sha256:..|tag}` URI. */
  resolveTemplate(uri: string): Promise<string | undefined>;
  /** The version behind such a URI, with its digest, for `templateMetadata.version`. */
  lookupTemplate(uri: string): ResolvedTemplate | undefined;
  readonly faults: ArtifactRegistryFaults;
  readonly requests: RequestLog;
  readonly clock: Clock;
  /** Options for `new ArtifactRegistryClient(...)` that reach this emulator. */
  clientOptions<A>(authClient: A): {
    apiEndpoint: string;
    port: number;
    protocol: 'http';
    fallback: true;
    authClient: A;
  };
  /** Calls received, by route (`unmatched` for unknown paths), faulted ones included. */
  calls(): Record<ArtifactRegistryRoute | 'unmatched', number>;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Faults

/** Artifact Registry fault controls over the (possibly shared) HTTP fault injector. */
export class ArtifactRegistryFaults extends GoogleApiFaults<ArtifactRegistryRoute> {}

// ---------------------------------------------------------------------------------------------
// Start

export async function startArtifactRegistryEmulator(
  options: ArtifactRegistryEmulatorOptions = {},
): Promise<ArtifactRegistryEmulator> {
  const project = options.project ?? 'acme-ml';
  const projectNumber = options.projectNumber ?? '123456789012';
  const region = options.region ?? 'us-central1';
  const clock = options.clock ?? new Clock();
  const injector = options.faults ?? new FaultInjector();
  const requests = options.requests ?? new RequestLog();
  const serverName = ARTIFACT_REGISTRY_SERVER;
  const faults = new ArtifactRegistryFaults(injector, serverName, ARTIFACT_REGISTRY_ROUTES);
  const service = new ArtifactRegistryService(options, { project, projectNumber, region, clock });
  for (const spec of options.repositories ?? []) service.addRepository(spec);

  const R = ARTIFACT_REGISTRY_ROUTES;
  const base = '/v1/projects/{project}/locations/{location}';
  const repo = `${base}/repositories/{repository}`;
  const pkg = `${repo}/packages/{package}`;
  type Handler = (
    request: EmulatorRequest,
    caller: Caller,
  ) => EmulatorResponse | Promise<EmulatorResponse>;
  const route = (
    name: string,
    method: string,
    pattern: string | RegExp,
    handler: Handler,
  ): Route => ({
    name,
    method,
    pattern,
    handler: (request) => service.guard(request, (caller) => handler(request, caller)),
  });
  const routes: Route[] = [
    route(R.getOperation, 'GET', `${base}/operations/{operation}`, (request) =>
      service.getOperation(request),
    ),
    route(R.listRepositories, 'GET', `${base}/repositories`, (q, c) =>
      service.listRepositories(q, c),
    ),
    route(R.createRepository, 'POST', `${base}/repositories`, (q, c) =>
      service.createRepository(q, c),
    ),
    // Before getRepository, whose `{repository}` would match `R:getIamPolicy` too.
    route(R.getRepositoryIamPolicy, 'GET', `${repo}:getIamPolicy`, (q, c) =>
      service.getIamPolicy(q, c),
    ),
    route(R.setRepositoryIamPolicy, 'POST', `${repo}:setIamPolicy`, (q, c) =>
      service.setIamPolicy(q, c),
    ),
    route(R.testRepositoryIamPermissions, 'POST', `${repo}:testIamPermissions`, (q, c) =>
      service.testIamPermissions(q, c),
    ),
    route(R.getRepository, 'GET', repo, (q, c) => service.getRepository(q, c)),
    route(R.deleteRepository, 'DELETE', repo, (q, c) => service.deleteRepository(q, c)),
    route(R.listPackages, 'GET', `${repo}/packages`, (q, c) => service.listPackages(q, c)),
    route(R.getPackage, 'GET', pkg, (q, c) => service.getPackage(q, c)),
    route(R.deletePackage, 'DELETE', pkg, (q, c) => service.deletePackage(q, c)),
    route(R.listVersions, 'GET', `${pkg}/versions`, (q, c) => service.listVersions(q, c)),
    route(R.getVersion, 'GET', `${pkg}/versions/{version}`, (q, c) => service.getVersion(q, c)),
    route(R.deleteVersion, 'DELETE', `${pkg}/versions/{version}`, (q, c) =>
      service.deleteVersion(q, c),
    ),
    route(R.listTags, 'GET', `${pkg}/tags`, (q, c) => service.listTags(q, c)),
    route(R.createTag, 'POST', `${pkg}/tags`, (q, c) => service.createTag(q, c)),
    route(R.getTag, 'GET', `${pkg}/tags/{tag}`, (q, c) => service.getTag(q, c)),
    route(R.updateTag, 'PATCH', `${pkg}/tags/{tag}`, (q, c) => service.updateTag(q, c)),
    route(R.deleteTag, 'DELETE', `${pkg}/tags/{tag}`, (q, c) => service.deleteTag(q, c)),
    // The kfp host (RegistryClient strips a trailing slash from its host; accept one anyway).
    route(R.kfpUpload, 'POST', /^\/(?<project>[^/]+)\/(?<repo>[^/]+)\/?$/, (q, c) =>
      service.upload(q, c),
    ),
    route(R.kfpDownload, 'GET', '/{project}/{repo}/{package}/{ref}', (q, c) =>
      service.download(q, c),
    ),
  ];
  const server: HttpServer = await startHttpServer({
    name: serverName,
    clock,
    faults: injector,
    log: requests,
    contract: contractFor('artifactregistry'),
    routes,
  });

  const publicKfpHost = `https://${region}-kfp.pkg.dev`;
  const lookupTemplate = (uri: string): ResolvedTemplate | undefined => {
    const ref = service.parseTemplateUri(uri, server.url);
    const version = ref && service.lookup(ref);
    if (!ref || !version) return undefined;
    return {
      version,
      versionId: version.id,
      pinnedUri: `${publicKfpHost}/${project}/${ref.repository}/${ref.package}/${version.id}`,
    };
  };

  return {
    endpoint: { host: '127.0.0.1', port: server.port, url: server.url },
    project,
    projectNumber,
    region,
    parent: `projects/${project}/locations/${region}`,
    kfpBaseUrl: server.url,
    publicKfpHost,
    kfpRepositoryUrl: (repository) => `${server.url}/${project}/${repository}`,
    publicKfpRepositoryUrl: (repository) => `${publicKfpHost}/${project}/${repository}`,
    toLoopbackUrl: (publicUrl) =>
      publicUrl === publicKfpHost || publicUrl.startsWith(`${publicKfpHost}/`)
        ? server.url + publicUrl.slice(publicKfpHost.length)
        : publicUrl,
    repositories: service.repositories,
    repository: (id, location) => service.find(id, location),
    addRepository: (spec) => service.addRepository(spec),
    repositoryPolicy: (name) => service.policyRules.readPolicy(service.repositoryPolicy(name), 3),
    concurrentPolicyEditNext: (name, edit) => service.policyRules.concurrentEditNext(name, edit),
    uploadTemplate: (repositoryId, content, tags = []) => service.seed(repositoryId, content, tags),
    resolveTemplate: (uri) => Promise.resolve(lookupTemplate(uri)?.version.text),
    lookupTemplate,
    faults,
    requests,
    clock,
    clientOptions: (authClient) => ({
      apiEndpoint: '127.0.0.1',
      port: server.port,
      protocol: 'http',
      fallback: true,
      authClient,
    }),
    calls: () => callCounts(requests, serverName, ARTIFACT_REGISTRY_ROUTES),
    close: () => server.close(),
  };
}
