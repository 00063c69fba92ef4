/**
 * A Cloud Storage JSON API emulator on 127.0.0.1: the listing and reading of objects that the
 * components and the prediction server do without a client library (pipelines/cloud/storage.py).
 * Point code at it with `MLOPS_STORAGE_ENDPOINT=<url>` (it stands for
 * `https://storage.googleapis.com`). Given a GcpWorld (`world`), it serves the bucket API of
 * gcp-storage-buckets.ts too, over the world's buckets.
 *
 * Served:
 * - objects.list  `GET /storage/v1/b/B/o?prefix&delimiter&pageToken&maxResults`
 * - objects.get   `GET /storage/v1/b/B/o/O` (the object resource; with `alt=media`, its bytes)
 * - media download `GET /download/storage/v1/b/B/o/O?alt=media` (the form of `mediaLink`)
 *
 * Wire facts followed (Cloud Storage JSON API reference and answers of the service):
 * - An object name is one percent-encoded path segment (`/` as `%2F`); an unencoded `/` finds
 *   no route.
 * - objects.list answers `{kind: "storage#objects", items?, prefixes?, nextPageToken?}`: names
 *   in UTF-8 byte order, at most `maxResults` (and 1000) entries a page, `items` absent when
 *   there are none. With a `delimiter`, names that continue past it after the prefix collapse
 *   into `prefixes`.
 * - Object resources: `kind: "storage#object"`, `id` `B/O/generation`, `selfLink`, `mediaLink`,
 *   `name`, `bucket`, `generation` and `metageneration` and `size` as strings, `contentType`,
 *   `storageClass`, `md5Hash` and `crc32c` (base64 of the big-endian digests), `etag`,
 *   `timeCreated` and `updated` (RFC 3339).
 * - Media answers carry Content-Length, `x-goog-generation`, `x-goog-metageneration`,
 *   `x-goog-stored-content-length`, `x-goog-stored-content-encoding: identity` and
 *   `x-goog-hash: crc32c=...,md5=...`. A `generation` other than the live one is 404.
 * - Errors: `{"error": {code, message, errors: [{message, domain: "global", reason}]}}`, with
 *   no gRPC `status`: `No such object: B/O` and `The specified bucket does not exist.`
 *   (notFound); no bearer is 401 `Anonymous caller does not have storage.objects.list access
 *   to the Google Cloud Storage bucket. ...` (required), a token `validateToken` refuses is 401
 *   `Invalid Credentials` (authError); a token without a storage scope is 403 insufficientPermissions;
 *   a bucket `denyAccess()` was called for is 403 `<account> does not have
 *   storage.objects.get access to the Google Cloud Storage object. Permission
 *   'storage.objects.get' denied on resource (or it may not exist).` (forbidden).
 *
 * The wording of rarer refusals (a bad page token or maxResults) is the emulator's own.
 *
 * With `folder`, the files under `<folder>/<bucket>/` are objects too (their path below it is
 * the name): the Vertex emulator's Cloud Storage, so what its pipelines write can be read
 * through the API. Objects put in the emulator win over files of the same name.
 *
 * Faults: `faults.failNext()` answers the next calls with an error in Cloud Storage's shape
 * before they run; `faults.damageNextDownloads()` cuts a media answer short (and the
 * connection) or flips a byte, keeping the length and hashes of its headers.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  Clock,
  FaultInjector,
  GoogleApiFaults,
  RequestLog,
  startHttpServer,
  type EmulatorRequest,
  type EmulatorResponse,
  callCounts,
} from './http-server.js';
import type { GcpWorld } from './gcp-setup-state.js';
import { gcpStorageBucketRoutes } from './gcp-storage-buckets.js';
import type { TokenValidation } from './vertex.js';

export type { TokenValidation } from './vertex.js';

// ---------------------------------------------------------------------------------------------
// Routes

export type CloudStorageRoute = 'listObjects' | 'getObject' | 'download';

export const CLOUD_STORAGE_SERVER = 'storage';

/** Route names in the request log and fault selectors (`server: 'storage'`). */
export const CLOUD_STORAGE_ROUTES: Readonly<Record<CloudStorageRoute, string>> = {
  listObjects: 'storage.objects.list',
  getObject: 'storage.objects.get',
  download: 'storage.objects.download',
};

const SCOPE = 'https://www.googleapis.com/auth/';
const READ_SCOPES = [
  `${SCOPE}cloud-platform`,
  `${SCOPE}cloud-platform.read-only`,
  `${SCOPE}devstorage.read_only`,
  `${SCOPE}devstorage.read_write`,
  `${SCOPE}devstorage.full_control`,
];
const MAX_PAGE = 1000;

// ---------------------------------------------------------------------------------------------
// Errors and faults

/** Cloud Storage's error body: Google's shape with the `errors` list and no gRPC status. */
export function storageError(
  code: number,
  message: string,
  reason: string,
  extra: Record<string, string> = {},
  headers?: Record<string, string>,
): EmulatorResponse {
  return {
    status: code,
    body: { error: { code, message, errors: [{ message, domain: 'global', reason, ...extra }] } },
    ...(headers ? { headers } : {}),
  };
}

const DEFAULT_FAULTS: Readonly<Record<number, { reason: string; message: string }>> = {
  429: {
    reason: 'rateLimitExceeded',
    message: 'The project exceeded the rate limit for CloudStorage and this operation.',
  },
  500: { reason: 'backendError', message: 'Backend Error' },
  502: { reason: 'backendError', message: 'Bad Gateway' },
  503: { reason: 'backendError', message: 'Service Unavailable' },
  504: { reason: 'backendError', message: 'Gateway Timeout' },
};

/** How `damageNextDownloads` spoils a media answer. */
export type DownloadDamage = 'truncate' | 'corrupt';

/** Cloud Storage fault controls over the (possibly shared) HTTP fault injector. */
export class CloudStorageFaults extends GoogleApiFaults<CloudStorageRoute> {
  #damage: Array<{ remaining: number; kind: DownloadDamage }> = [];

  constructor(injector: FaultInjector) {
    super(injector, CLOUD_STORAGE_SERVER, CLOUD_STORAGE_ROUTES);
  }

  /** Cloud Storage's error body (with its reason, e.g. backendError). */
  protected override errorBody(status: number, message?: string, reason?: string): unknown {
    const known = DEFAULT_FAULTS[status];
    return storageError(
      status,
      message ?? known?.message ?? `Injected fault (${status}).`,
      reason ?? known?.reason ?? 'backendError',
    ).body;
  }

  /**
   * The next `count` media answers keep their headers (length, hashes) but lose the second
   * half of the bytes and the connection (`truncate`, a connection dropped mid-body) or have
   * their first byte flipped (`corrupt`).
   */
  damageNextDownloads(count: number, kind: DownloadDamage): void {
    if (!Number.isInteger(count) || count < 1)
      throw new Error('damageNextDownloads: count must be >= 1');
    this.#damage.push({ remaining: count, kind });
  }

  /** Failures (on the shared injector: of every server) and damaged downloads still queued. */
  override pending(): number {
    return super.pending() + this.#damage.reduce((sum, d) => sum + d.remaining, 0);
  }

  override clear(): void {
    super.clear();
    this.#damage = [];
  }

  /** @internal The bytes and headers to send for a media answer. */
  media(data: Buffer, headers: Record<string, string>): EmulatorResponse {
    const damage = this.#damage[0];
    if (!damage) return { status: 200, body: data, headers };
    damage.remaining -= 1;
    if (damage.remaining === 0) this.#damage.shift();
    if (damage.kind === 'truncate')
      return {
        status: 200,
        body: data.subarray(0, Math.floor(data.length / 2)),
        headers: { ...headers, connection: 'close' },
      };
    const corrupt = Buffer.from(data);
    corrupt[0] = (corrupt[0] ?? 0) ^ 0xff;
    return { status: 200, body: corrupt, headers };
  }
}

// ---------------------------------------------------------------------------------------------
// Checksums

const CRC32C_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC32C (Castagnoli), as Cloud Storage computes it, base64 of the big-endian value. */
export function crc32cBase64(data: Uint8Array): string {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC32C_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  const out = Buffer.alloc(4);
  out.writeUInt32BE((crc ^ 0xffffffff) >>> 0);
  return out.toString('base64');
}

// ---------------------------------------------------------------------------------------------
// Public types

export interface CloudStorageEmulatorOptions {
  /** Buckets that exist from the start (putObject creates its bucket too). */
  buckets?: string[];
  /** Checks bearer tokens (e.g. the metadata server's validateAccessToken); default: any token. */
  validateToken?: (token: string) => TokenValidation;
  /** A folder whose `<bucket>/<path>` files are objects too (e.g. the Vertex emulator's storage). */
  folder?: string;
  /**
   * The set-up emulators' state: its buckets exist here too, and its bucket API (insert, get,
   * IAM policy: gcp-storage-buckets.ts) is served on this host, as storage.googleapis.com
   * serves both, so `setup gcp` and the pipelines reach the same buckets at one endpoint.
   */
  world?: GcpWorld;
  /** Most entries in one objects.list page, whatever maxResults asks. Default 1000. */
  maxResultsPerPage?: number;
  /** Share with the other emulators so one clock, fault plan and request log drive all. */
  clock?: Clock;
  faults?: FaultInjector;
  requests?: RequestLog;
}

export interface EmulatedObject {
  readonly bucket: string;
  readonly name: string;
  readonly data: Buffer;
  readonly contentType: string;
  readonly generation: string;
  /** base64 MD5, as in the object resource. */
  readonly md5Hash: string;
}

export interface CloudStorageEmulator {
  /** `http://127.0.0.1:<port>`: the value for MLOPS_STORAGE_ENDPOINT. */
  readonly url: string;
  /** Creates a bucket; an existing one is kept. */
  createBucket(bucket: string): void;
  /** Every call on the bucket answers 403, as for an identity without storage.objects.*. */
  denyAccess(bucket: string, denied?: boolean): void;
  /** Stores `gs://B/O` (creating bucket B if needed) as a new generation. */
  putObject(uri: string, data: string | Uint8Array, contentType?: string): EmulatedObject;
  /** Stores every file under `dir` as `<uri>/<relative path>`; returns them in name order. */
  putFolder(uri: string, dir: string): Promise<EmulatedObject[]>;
  /** Deletes `gs://B/O`; false when there was none. */
  deleteObject(uri: string): boolean;
  object(uri: string): EmulatedObject | undefined;
  readonly faults: CloudStorageFaults;
  readonly requests: RequestLog;
  readonly clock: Clock;
  /** Calls received, by route (`unmatched` for unknown paths), faulted ones included. */
  calls(): Record<CloudStorageRoute | 'unmatched', number>;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Store

interface StoredObject extends EmulatedObject {
  readonly crc32c: string;
  readonly created: number;
}

/** `gs://B/O` as [B, O]; O may be empty (a folder or the bucket). */
function splitUri(uri: string): [string, string] {
  const match = /^gs:\/\/([^/]+)\/?(.*)$/.exec(uri);
  if (!match?.[1]) throw new Error(`not a gs:// URI: ${uri}`);
  return [match[1], match[2] ?? ''];
}

const byteOrder = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

const accountOf = (principal: string): string => principal.replace(/^[a-zA-Z]+:/, '');

class StorageService {
  readonly buckets = new Map<string, Map<string, StoredObject>>();
  readonly denied = new Set<string>();
  readonly #options: CloudStorageEmulatorOptions;
  readonly #clock: Clock;
  readonly #faults: CloudStorageFaults;
  #generation = 0;
  url = '';

  constructor(options: CloudStorageEmulatorOptions, clock: Clock, faults: CloudStorageFaults) {
    this.#options = options;
    this.#clock = clock;
    this.#faults = faults;
  }

  put(bucket: string, name: string, data: Buffer, contentType: string): StoredObject {
    if (!name) throw new Error(`an object needs a name (bucket ${bucket})`);
    let objects = this.buckets.get(bucket);
    if (!objects) this.buckets.set(bucket, (objects = new Map<string, StoredObject>()));
    // Generations are microsecond timestamps, unique and increasing, as on Cloud Storage.
    this.#generation = Math.max(this.#generation + 1, this.#clock.now() * 1000);
    const stored: StoredObject = {
      bucket,
      name,
      data,
      contentType,
      generation: String(this.#generation),
      md5Hash: createHash('md5').update(data).digest('base64'),
      crc32c: crc32cBase64(data),
      created: this.#clock.now(),
    };
    objects.set(name, stored);
    return stored;
  }

  /** The bucket's folder under `folder`, when it has one. */
  #bucketFolder(bucket: string): string | undefined {
    if (!this.#options.folder || bucket.startsWith('.') || bucket.includes('/')) return undefined;
    const root = path.join(this.#options.folder, bucket);
    return statSync(root, { throwIfNoEntry: false })?.isDirectory() ? root : undefined;
  }

  hasBucket(bucket: string): boolean {
    return (
      this.buckets.has(bucket) ||
      this.#options.world?.buckets.has(bucket) === true ||
      this.#bucketFolder(bucket) !== undefined
    );
  }

  /** Names of the bucket's objects: those put in the emulator and the files under its folder. */
  names(bucket: string): string[] {
    const root = this.#bucketFolder(bucket);
    const files = root
      ? readdirSync(root, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) =>
            path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
          )
      : [];
    return [...new Set([...files, ...(this.buckets.get(bucket)?.keys() ?? [])])];
  }

  /** An object put in the emulator, else the file of that name under the bucket's folder. */
  lookup(bucket: string, name: string): StoredObject | undefined {
    const stored = this.buckets.get(bucket)?.get(name);
    const root = this.#bucketFolder(bucket);
    if (stored || !root || name.split('/').some((part) => ['', '.', '..'].includes(part)))
      return stored;
    const file = path.join(root, ...name.split('/'));
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) return undefined;
    const data = readFileSync(file);
    const created = Math.floor(stat.mtimeMs);
    return {
      bucket,
      name,
      data,
      contentType: 'application/octet-stream',
      generation: String(created * 1000),
      md5Hash: createHash('md5').update(data).digest('base64'),
      crc32c: crc32cBase64(data),
      created,
    };
  }

  resource(object: StoredObject): Record<string, unknown> {
    const bucket = encodeURIComponent(object.bucket);
    const name = encodeURIComponent(object.name);
    const at = new Date(object.created).toISOString();
    return {
      kind: 'storage#object',
      id: `${object.bucket}/${object.name}/${object.generation}`,
      selfLink: `${this.url}/storage/v1/b/${bucket}/o/${name}`,
      mediaLink: `${this.url}/download/storage/v1/b/${bucket}/o/${name}?generation=${object.generation}&alt=media`,
      name: object.name,
      bucket: object.bucket,
      generation: object.generation,
      metageneration: '1',
      contentType: object.contentType,
      storageClass: 'STANDARD',
      size: String(object.data.length),
      md5Hash: object.md5Hash,
      crc32c: object.crc32c,
      etag: createHash('sha1').update(object.generation).digest('base64').slice(0, 12),
      timeCreated: at,
      updated: at,
      timeStorageClassUpdated: at,
    };
  }

  /** The refusal of a call without access, or undefined when it may go on. */
  guard(request: EmulatorRequest, permission: string, kind: string): EmulatorResponse | undefined {
    const denial = `access to the Google Cloud Storage ${kind}. Permission '${permission}' denied on resource (or it may not exist).`;
    const auth = { locationType: 'header', location: 'Authorization' };
    if (!request.bearer)
      return storageError(
        401,
        `Anonymous caller does not have ${permission} ${denial}`,
        'required',
        auth,
        {
          'www-authenticate': 'Bearer realm="https://accounts.google.com/"',
        },
      );
    const validation = this.#options.validateToken?.(request.bearer) ?? {
      ok: true,
      principal: 'The caller',
    };
    if (!validation.ok) return storageError(401, 'Invalid Credentials', 'authError', auth);
    if (validation.scopes && !validation.scopes.some((scope) => READ_SCOPES.includes(scope)))
      return storageError(403, 'Insufficient Permission', 'insufficientPermissions');
    const bucket = request.params.bucket ?? '';
    if (!this.hasBucket(bucket))
      return storageError(404, 'The specified bucket does not exist.', 'notFound');
    if (this.denied.has(bucket))
      return storageError(
        403,
        `${accountOf(validation.serviceAccount ?? validation.principal)} does not have ${permission} ${denial}`,
        'forbidden',
      );
    return undefined;
  }

  list(request: EmulatorRequest): EmulatorResponse {
    const refused = this.guard(request, 'storage.objects.list', 'bucket');
    if (refused) return refused;
    const bucket = request.params.bucket ?? '';
    const prefix = request.query.get('prefix') ?? '';
    const delimiter = request.query.get('delimiter') ?? '';
    const maxText = request.query.get('maxResults');
    const asked = maxText === null ? MAX_PAGE : Number(maxText);
    if (!Number.isInteger(asked) || asked < 0)
      return storageError(400, `Invalid value for maxResults: ${maxText}`, 'invalid');
    const limit = Math.min(asked || MAX_PAGE, this.#options.maxResultsPerPage ?? MAX_PAGE);
    const token = request.query.get('pageToken');
    const after = token === null ? undefined : Buffer.from(token, 'base64url').toString('utf8');
    if (token !== null && !after) return storageError(400, 'Invalid page token.', 'invalid');

    // Entries in name order: objects, or with a delimiter the prefixes they collapse into.
    const entries = new Map<string, StoredObject | undefined>();
    for (const name of this.names(bucket)) {
      if (!name.startsWith(prefix)) continue;
      const cut = delimiter ? name.indexOf(delimiter, prefix.length) : -1;
      if (cut < 0) entries.set(name, this.lookup(bucket, name));
      else entries.set(name.slice(0, cut + delimiter.length), undefined);
    }
    const keys = [...entries.keys()]
      .filter((key) => after === undefined || byteOrder(key, after) > 0)
      .sort(byteOrder);
    const page = keys.slice(0, limit);
    const items = page.flatMap((key) => {
      const object = entries.get(key);
      return object ? [this.resource(object)] : [];
    });
    const prefixes = page.filter((key) => !entries.get(key));
    const last = page.at(-1);
    return {
      status: 200,
      body: {
        kind: 'storage#objects',
        ...(keys.length > limit && last
          ? { nextPageToken: Buffer.from(last).toString('base64url') }
          : {}),
        ...(prefixes.length > 0 ? { prefixes } : {}),
        ...(items.length > 0 ? { items } : {}),
      },
    };
  }

  get(request: EmulatorRequest): EmulatorResponse {
    const refused = this.guard(request, 'storage.objects.get', 'object');
    if (refused) return refused;
    const { bucket = '', object: name = '' } = request.params;
    const object = this.lookup(bucket, name);
    const generation = request.query.get('generation');
    if (!object || (generation !== null && generation !== object.generation))
      return storageError(404, `No such object: ${bucket}/${name}`, 'notFound');
    if (request.query.get('alt') !== 'media') return { status: 200, body: this.resource(object) };
    return this.#faults.media(object.data, {
      'content-type': object.contentType,
      'content-length': String(object.data.length),
      'x-goog-generation': object.generation,
      'x-goog-metageneration': '1',
      'x-goog-stored-content-length': String(object.data.length),
      'x-goog-stored-content-encoding': 'identity',
      'x-goog-hash': `crc32c=${object.crc32c},md5=${object.md5Hash}`,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Start

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

export async function startCloudStorageEmulator(
  options: CloudStorageEmulatorOptions = {},
): Promise<CloudStorageEmulator> {
  const clock = options.clock ?? new Clock();
  const injector = options.faults ?? new FaultInjector();
  const requests = options.requests ?? new RequestLog();
  const faults = new CloudStorageFaults(injector);
  const service = new StorageService(options, clock, faults);
  const createBucket = (bucket: string) => {
    if (!service.buckets.has(bucket)) service.buckets.set(bucket, new Map());
  };
  for (const bucket of options.buckets ?? []) createBucket(bucket);

  const object = '/storage/v1/b/{bucket}/o/{object}';
  const server = await startHttpServer({
    name: CLOUD_STORAGE_SERVER,
    clock,
    faults: injector,
    log: requests,
    errorBody: (status, message) =>
      storageError(status, message, status === 404 ? 'notFound' : 'backendError').body,
    routes: [
      {
        name: CLOUD_STORAGE_ROUTES.listObjects,
        method: 'GET',
        pattern: '/storage/v1/b/{bucket}/o',
        handler: (request) => service.list(request),
      },
      {
        name: CLOUD_STORAGE_ROUTES.getObject,
        method: 'GET',
        pattern: object,
        handler: (request) => service.get(request),
      },
      {
        name: CLOUD_STORAGE_ROUTES.download,
        method: 'GET',
        pattern: `/download${object}`,
        handler: (request) => service.get(request),
      },
      ...(options.world ? gcpStorageBucketRoutes(options.world, () => service.url) : []),
    ],
  });
  service.url = server.url;

  const putObject = (uri: string, data: string | Uint8Array, contentType?: string) => {
    const [bucket, name] = splitUri(uri);
    createBucket(bucket);
    const bytes = Buffer.from(data);
    const type =
      contentType ?? (typeof data === 'string' ? 'text/plain' : 'application/octet-stream');
    return service.put(bucket, name, bytes, type);
  };
  return {
    url: server.url,
    createBucket,
    denyAccess: (bucket, denied = true) => {
      if (denied) service.denied.add(bucket);
      else service.denied.delete(bucket);
    },
    putObject,
    putFolder: async (uri, dir) => {
      const base = uri.replace(/\/+$/, '');
      const files = (await filesUnder(dir)).sort(byteOrder);
      const stored: EmulatedObject[] = [];
      for (const file of files)
        stored.push(
          putObject(
            `${base}/${file.split(path.sep).join('/')}`,
            await readFile(path.join(dir, file)),
          ),
        );
      return stored;
    },
    deleteObject: (uri) => {
      const [bucket, name] = splitUri(uri);
      return service.buckets.get(bucket)?.delete(name) ?? false;
    },
    object: (uri) => {
      const [bucket, name] = splitUri(uri);
      return service.lookup(bucket, name);
    },
    faults,
    requests,
    clock,
    calls: () => callCounts(requests, CLOUD_STORAGE_SERVER, CLOUD_STORAGE_ROUTES),
    close: () => server.close(),
  };
}
