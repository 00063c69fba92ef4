import { createHash } from 'node:crypto';
import { errorMessage, RemoteFailure, ReportedError, UserError } from '../../core/errors.js';
import { fetchWithRetry, HttpError, httpError, networkFailure, readReply } from '../http.js';
import { googleEndpoints } from './endpoints.js';
import { googleAuth, loadGoogleClients, type GoogleCloud } from './google-client.js';

/**
 * Cloud Storage objects read through the JSON API (`GET /storage/v1/b/B/o/O?alt=media`) with
 * the Application Default Credentials the other Google adapters use: an object's sha256 for
 * deploy, hashed as its bytes stream in so a large model never sits in memory, and a small
 * object's text for the run report.
 */

export interface CloudStorageOptions {
  readonly project: string;
  readonly env: NodeJS.ProcessEnv;
  readonly onRetry?: (message: string) => void;
}

/** `gs://bucket/object` as its parts; `.` and `..` segments are refused, as by the components. */
export function splitGcsUri(uri: string): { bucket: string; object: string } {
  const match = /^gs:\/\/([a-z0-9][a-z0-9._-]*[a-z0-9])\/(.+)$/.exec(uri);
  const object = match?.[2] ?? '';
  if (!match?.[1] || object.split('/').some((part) => part === '.' || part === '..')) {
    throw new UserError(`${uri} is not the gs:// URI of an object`, {
      fix: 'Give gs://BUCKET/OBJECT, with no . or .. segments in the object name.',
    });
  }
  return { bucket: match[1], object };
}

/** An object `readText` would not read whole. */
export class ObjectTooLargeError extends Error {}

export class CloudStorage {
  readonly #auth: InstanceType<GoogleCloud['GoogleAuth']>;
  readonly #endpoint: string;
  readonly #onRetry: ((message: string) => void) | undefined;

  private constructor(google: GoogleCloud, options: CloudStorageOptions) {
    this.#auth = googleAuth(google, options.env, options.project);
    this.#endpoint = googleEndpoints(options.env).storage;
    this.#onRetry = options.onRetry;
  }

  static async connect(options: CloudStorageOptions): Promise<CloudStorage> {
    return new CloudStorage(await loadGoogleClients(options.project, options.env), options);
  }

  /**
   * The sha256 (lowercase hex) of the object `uri`, or undefined when it does not exist.
   * Rate limits, server errors and dropped connections are retried from the start, under the
   * shared policy (fetchWithRetry): the bytes are hashed inside the attempt that reads them.
   */
  async sha256(uri: string): Promise<string | undefined> {
    // A model may be large: the attempt takes as long as its bytes take to arrive.
    return this.#readObject(uri, digest, Infinity);
  }

  /**
   * The object `uri` as UTF-8 text, or undefined when it does not exist. An object larger than
   * `maxBytes` is refused (by its Content-Length, and while it streams in) before it is read
   * whole: a report reads small JSON and CSV files, never a model.
   */
  async readText(uri: string, maxBytes: number): Promise<string | undefined> {
    return this.#readObject(uri, (response) => boundedText(uri, response, maxBytes), 60_000);
  }

  async #readObject<T>(
    uri: string,
    read: (response: Response) => Promise<T>,
    timeoutMs: number,
  ): Promise<T | undefined> {
    const { bucket, object } = splitGcsUri(uri);
    const url = `${this.#endpoint}/storage/v1/b/${encodeURIComponent(bucket)}/o/${encodeURIComponent(object)}?alt=media`;
    const purpose = `read ${uri}`;
    const authorized = async (): Promise<RequestInit> => ({
      headers: { authorization: `Bearer ${(await this.#auth.getAccessToken()) ?? ''}` },
    });
    try {
      return await fetchWithRetry(
        purpose,
        url,
        authorized,
        (response) => objectReply(purpose, response, read),
        { onRetry: this.#onRetry, timeoutMs },
      );
    } catch (error) {
      if (
        error instanceof ReportedError ||
        error instanceof HttpError ||
        error instanceof ObjectTooLargeError
      )
        throw error;
      throw (
        networkFailure(error, { host: new URL(url).host, purpose })?.error ??
        new Error(`Failed to ${purpose}: ${errorMessage(error)}`, { cause: error })
      );
    }
  }
}

/** What `read` makes of a reply fetchWithRetry did not retry; undefined for a 404. */
async function objectReply<T>(
  purpose: string,
  response: Response,
  read: (response: Response) => Promise<T>,
): Promise<T | undefined> {
  if (response.status === 404) {
    await response.body?.cancel();
    return undefined;
  }
  if (response.ok && response.body) return read(response);
  const error = httpError(purpose, await readReply(response));
  if (response.status === 429 || response.status >= 500) {
    throw new RemoteFailure(error.message, {
      fix: 'Cloud Storage kept failing: try again later.',
      cause: error,
    });
  }
  throw explain(error);
}

/** The sha256 of the body as it streams in; fetch refuses a body short of its Content-Length. */
async function digest(response: Response): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) hash.update(chunk);
  return hash.digest('hex');
}

/** The body as text, refused once it passes `maxBytes`. */
async function boundedText(uri: string, response: Response, maxBytes: number): Promise<string> {
  const tooLarge = (): Error => new ObjectTooLargeError(`${uri} is larger than ${maxBytes} bytes`);
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Refusals the deploying identity can fix, with what to do. */
function explain(error: Error & { status: number }): Error {
  const fixes: Record<number, string> = {
    401: 'The credentials were rejected: re-run the auth step, and check its workload-identity-provider and service-account.',
    403: "Grant the identity roles/storage.objectViewer on the bucket: deploy hashes the model before uploading it, and the run report reads the run's artifacts.",
  };
  const fix = fixes[error.status];
  return fix ? new UserError(error.message, { fix, cause: error }) : error;
}
