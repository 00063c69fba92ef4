import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorMessage, RemoteFailure, ReportedError, UserError } from '../../core/errors.js';
import { DEFAULT_RETRY, httpError, NETWORK_ATTEMPTS, networkFailure } from '../http.js';
import { googleEndpoints } from './endpoints.js';
import { loadGoogleClients, type GoogleCloud } from './google-client.js';

/**
 * Cloud Storage objects read through the JSON API (`GET /storage/v1/b/B/o/O?alt=media`) with
 * the Application Default Credentials the other Google adapters use. Only what deploy needs: an
 * object's sha256, hashed as its bytes stream in, so a large model never sits in memory.
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

export class CloudStorage {
  readonly #auth: InstanceType<GoogleCloud['GoogleAuth']>;
  readonly #endpoint: string;
  readonly #onRetry: ((message: string) => void) | undefined;

  private constructor(google: GoogleCloud, options: CloudStorageOptions) {
    this.#auth = new google.GoogleAuth({
      scopes: ['https://www.googleapis.com/auth/cloud-platform'],
      projectId: options.project,
    });
    this.#endpoint = googleEndpoints(options.env).storage;
    this.#onRetry = options.onRetry;
  }

  static async connect(options: CloudStorageOptions): Promise<CloudStorage> {
    return new CloudStorage(await loadGoogleClients(options.project), options);
  }

  /**
   * The sha256 (lowercase hex) of the object `uri`, or undefined when it does not exist.
   * Rate limits, server errors and dropped connections are retried from the start.
   */
  async sha256(uri: string): Promise<string | undefined> {
    const { bucket, object } = splitGcsUri(uri);
    const url = `${this.#endpoint}/storage/v1/b/${encodeURIComponent(bucket)}/o/${encodeURIComponent(object)}?alt=media`;
    const purpose = `read ${uri}`;
    for (let attempt = 1; ; attempt++) {
      let problem: string;
      try {
        const token = await this.#auth.getAccessToken();
        const response = await fetch(url, { headers: { authorization: `Bearer ${token ?? ''}` } });
        if (response.status === 404) {
          await response.body?.cancel();
          return undefined;
        }
        if (response.ok && response.body) return await digest(response);
        const reply = {
          status: response.status,
          headers: response.headers,
          text: await response.text(),
        };
        if (response.status !== 429 && response.status < 500)
          throw explain(httpError(purpose, reply));
        problem = `HTTP ${response.status}`;
      } catch (error) {
        if (error instanceof ReportedError || !isRetriable(error, attempt))
          throw wrap(purpose, url, error);
        problem = networkFailure(error)?.reason ?? errorMessage(error);
      }
      if (attempt >= DEFAULT_RETRY.attempts) {
        throw new RemoteFailure(`Failed to ${purpose}: ${problem}, ${attempt} times`, {
          fix: 'Cloud Storage kept failing: try again later.',
        });
      }
      const delay = Math.min(
        DEFAULT_RETRY.baseDelayMs * 2 ** (attempt - 1),
        DEFAULT_RETRY.maxDelayMs,
      );
      this.#onRetry?.(`${purpose}: ${problem}; retrying in ${delay / 1000}s`);
      await sleep(delay);
    }
  }
}

/** A connection dropped mid-body is retried; so is one that failed to connect, a few times. */
class ShortBody extends Error {}

function isRetriable(error: unknown, attempt: number): boolean {
  if (error instanceof ShortBody) return true;
  const network = networkFailure(error);
  return network !== undefined && network.heals && attempt < NETWORK_ATTEMPTS;
}

async function digest(response: Response): Promise<string> {
  const hash = createHash('sha256');
  let received = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    hash.update(chunk);
    received += chunk.length;
  }
  const announced = response.headers.get('content-length');
  if (
    announced !== null &&
    !response.headers.has('content-encoding') &&
    Number(announced) !== received
  )
    throw new ShortBody(`the connection closed after ${received} of ${announced} bytes`);
  return hash.digest('hex');
}

function wrap(purpose: string, url: string, error: unknown): Error {
  if (error instanceof ReportedError) return error;
  return (
    networkFailure(error, { host: new URL(url).host, purpose })?.error ??
    new Error(`Failed to ${purpose}: ${errorMessage(error)}`, { cause: error })
  );
}

/** Refusals the deploying identity can fix, with what to do. */
function explain(error: Error & { status: number }): Error {
  const fixes: Record<number, string> = {
    401: 'The credentials were rejected: re-run the auth step, and check its workload-identity-provider and service-account.',
    403: "Grant the deploying identity roles/storage.objectViewer on the model's bucket: deploy hashes the model before uploading it.",
  };
  const fix = fixes[error.status];
  return fix ? new UserError(error.message, { fix, cause: error }) : error;
}
