import { setTimeout as sleep } from 'node:timers/promises';
import type * as GoogleCloudModule from '#google-cloud';
import { UserError } from '../../core/errors.js';
import {
  HTTP_TO_RPC,
  RPC_CODES,
  TRANSIENT_RPC_CODES,
  type RpcCodeName,
} from '../../core/gcp/grpc-codes.js';
import { NETWORK_ATTEMPTS, networkFailure } from '../http.js';
import { googleEndpoints } from './endpoints.js';

/**
 * What every Google client adapter shares: loading the lazy client bundle, regional REST
 * options, one retry and credential-renewal policy, error codes and explanations, and decoding
 * the protobuf shapes the REST transport hands back.
 */

export type GoogleCloud = typeof GoogleCloudModule;

const ATTEMPTS = 6;

/** Google's error body (`{"error": {code, message, status}}`), when the client left it in the message. */
function errorBody(error: unknown): { message?: string; status?: string } | undefined {
  const message = (error as { message?: unknown } | null)?.message;
  if (typeof message !== 'string' || !message.trimStart().startsWith('{')) return undefined;
  try {
    return (JSON.parse(message) as { error?: { message?: string; status?: string } }).error;
  } catch {
    return undefined;
  }
}

/**
 * The gRPC code of a client error. gax's REST transport (5.0.x) rejects with the HTTP status as
 * `code` and Google's JSON error body as the message, not a mapped gRPC code; network failures
 * carry a string code (ECONNREFUSED), which counts as UNAVAILABLE.
 */
export function grpcCode(error: unknown): number | undefined {
  const status = errorBody(error)?.status;
  // UNKNOWN says less than the HTTP status beside it (a 502 is worth retrying).
  if (status && status !== 'UNKNOWN' && Object.hasOwn(RPC_CODES, status))
    return RPC_CODES[status as RpcCodeName];
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'number') {
    if (code < 100) return code;
    const name = HTTP_TO_RPC[code] ?? (code >= 500 ? 'UNAVAILABLE' : 'UNKNOWN');
    return RPC_CODES[name];
  }
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return RPC_CODES.UNAVAILABLE;
  return undefined;
}

/** The readable part of a client error: Google's message rather than the raw JSON body. */
export function errorText(error: unknown): string {
  return (
    errorBody(error)?.message ?? ((error as Error).message ?? String(error)).split('\n')[0] ?? ''
  );
}

/** Decodes a protobuf Value or Struct, as the REST client returns them, to plain JSON. */
export function decodeValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const v = value as Record<string, unknown>;
  if ('structValue' in v) return decodeStruct(v.structValue);
  if ('listValue' in v)
    return ((v.listValue as { values?: unknown[] } | null)?.values ?? []).map(decodeValue);
  if ('stringValue' in v) return v.stringValue;
  if ('numberValue' in v) return v.numberValue;
  if ('boolValue' in v) return v.boolValue;
  if ('nullValue' in v) return null;
  return value;
}

export function decodeStruct(struct: unknown): Record<string, unknown> {
  const fields = (struct as { fields?: Record<string, unknown> } | null)?.fields ?? {};
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [key, decodeValue(value)]),
  );
}

/** A protobuf Timestamp as the client returns it (`{seconds: '1704067200', nanos}`) → RFC 3339. */
export function timestamp(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const seconds = Number((value as { seconds?: unknown } | null)?.seconds);
  if (!Number.isFinite(seconds) || seconds === 0) return undefined;
  const nanos = Number((value as { nanos?: unknown }).nanos ?? 0);
  return new Date(seconds * 1000 + Math.floor(nanos / 1e6)).toISOString();
}

/** A string field of a decoded response; the client fills absent ones with '' (→ undefined). */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A `map<string, string>` field (labels) of a decoded response. */
export function stringMap(value: unknown): Record<string, string> {
  if (value === null || typeof value !== 'object') return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
  );
}

/**
 * Where the credentials are, from the command's environment (the file `auth` wrote, or the
 * user's own), for every client and token source: the libraries would otherwise read
 * process.env, which a command run with another environment does not control.
 */
export function credentialOptions(env: NodeJS.ProcessEnv): { keyFilename?: string } {
  const file = env.GOOGLE_APPLICATION_CREDENTIALS || env.CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE;
  return file ? { keyFilename: file } : {};
}

/** Application Default Credentials for the cloud-platform scope, from `env`. */
export function googleAuth(
  google: GoogleCloud,
  env: NodeJS.ProcessEnv,
  project?: string,
): InstanceType<GoogleCloud['GoogleAuth']> {
  return new google.GoogleAuth({
    scopes: ['https://www.googleapis.com/auth/cloud-platform'],
    // Given, so the library does not look the project up through Resource Manager.
    ...(project ? { projectId: project } : {}),
    ...credentialOptions(env),
  });
}

/** Loads the Google clients (the lazy vendor bundle) and checks credentials are present. */
export async function loadGoogleClients(
  project: string,
  env: NodeJS.ProcessEnv,
): Promise<GoogleCloud> {
  const google = await import(/* webpackIgnore: true */ '#google-cloud');
  try {
    await googleAuth(google, env, project).getClient();
  } catch (error) {
    throw new UserError(
      `No Google Cloud credentials: ${(error as Error).message.split('\n')[0] ?? ''}`,
      {
        fix: 'Run the auth command first (command: auth with workload-identity-provider), or set GOOGLE_APPLICATION_CREDENTIALS.',
      },
    );
  }
  return google;
}

/**
 * Access tokens from Application Default Credentials (undefined when there are none), from one
 * client: it keeps its token and refreshes it shortly before it expires, so callers asking
 * again and again (every registry challenge, every docker login) cost no extra exchanges.
 */
export function defaultCredentialsTokens(
  env: NodeJS.ProcessEnv,
): () => Promise<string | undefined> {
  let auth: Promise<InstanceType<GoogleCloud['GoogleAuth']>> | undefined;
  return async () => {
    auth ??= import(/* webpackIgnore: true */ '#google-cloud').then((google) =>
      googleAuth(google, env),
    );
    try {
      return (await (await auth).getAccessToken()) ?? undefined;
    } catch {
      return undefined;
    }
  };
}

/** defaultCredentialsTokens, only from the credentials file `env` names (the auth step's). */
export function googleTokenSource(env: NodeJS.ProcessEnv): () => Promise<string | undefined> {
  const tokens = defaultCredentialsTokens(env);
  return async () => (credentialOptions(env).keyFilename ? tokens() : undefined);
}

/**
 * Options for a Google API client in REST mode (HTTP/1.1, no gRPC) at an endpoint URL, with the
 * credentials file named in `env` (the client reads Application Default Credentials from it).
 */
export function restClientOptions(endpointUrl: string, project: string, env: NodeJS.ProcessEnv) {
  const endpoint = new URL(endpointUrl);
  return {
    ...credentialOptions(env),
    apiEndpoint: endpoint.hostname,
    port: endpoint.port ? Number(endpoint.port) : endpoint.protocol === 'http:' ? 80 : 443,
    protocol: endpoint.protocol.replace(':', ''),
    fallback: true as const,
    projectId: project,
  };
}

/** Client options for a regional Vertex endpoint. */
export function vertexClientOptions(env: NodeJS.ProcessEnv, region: string, project: string) {
  return restClientOptions(
    googleEndpoints(env).vertex.replaceAll('{region}', region),
    project,
    env,
  );
}

export interface SessionOptions {
  /** Called before each retry, to say why the call is waiting. */
  readonly onRetry?: ((message: string) => void) | undefined;
  /** Fixes for codes this client's callers can act on, over the generic ones. */
  readonly fixes?: Partial<Record<number, string>>;
}

/**
 * One client, called with retries on transient errors and renewed once when its token is
 * refused. Its external_account credentials re-fetch a GitHub token on every refresh, so
 * hour-long waits never hit an expired token.
 */
export class ClientSession<Client extends { close(): Promise<void> }> {
  #client: Client;
  readonly #newClient: () => Client;
  readonly #options: SessionOptions;
  /** API calls made, for the benchmark of calls per minute while waiting. */
  calls = 0;

  constructor(newClient: () => Client, options: SessionOptions = {}) {
    this.#newClient = newClient;
    this.#options = options;
    this.#client = newClient();
  }

  get client(): Client {
    return this.#client;
  }

  async call<T>(purpose: string, work: (client: Client) => Promise<T>): Promise<T> {
    let renewed = false;
    for (let attempt = 1; ; attempt++) {
      this.calls++;
      try {
        return await work(this.#client);
      } catch (error) {
        const network = networkFailure(error, { purpose });
        if (network) {
          if (!network.heals || attempt >= NETWORK_ATTEMPTS) throw network.error;
          await this.#backOff(`${purpose}: ${network.reason}`, attempt);
          continue;
        }
        const code = grpcCode(error);
        if (code === RPC_CODES.UNAUTHENTICATED && !renewed) {
          // A token the client still trusted was refused (revoked, or expired early): start
          // over from the credentials file, which fetches a fresh GitHub token, once.
          renewed = true;
          this.#options.onRetry?.(
            `${purpose}: the access token was refused; fetching fresh credentials`,
          );
          const stale = this.#client;
          this.#client = this.#newClient();
          await stale.close().catch(() => undefined);
          continue;
        }
        if (code === undefined || !TRANSIENT_RPC_CODES.has(code) || attempt >= ATTEMPTS)
          throw explainGoogleError(purpose, error, this.#options.fixes);
        await this.#backOff(`${purpose}: ${errorText(error)}`, attempt);
      }
    }
  }

  /** Waits before another attempt, saying why. */
  async #backOff(reason: string, attempt: number): Promise<void> {
    const delay = Math.min(1000 * 2 ** (attempt - 1), 20_000);
    this.#options.onRetry?.(`${reason}; retrying in ${delay / 1000}s`);
    await sleep(delay);
  }

  async close(): Promise<void> {
    await this.#client.close();
  }
}

const GENERIC_FIXES: Partial<Record<number, string>> = {
  [RPC_CODES.INVALID_ARGUMENT]:
    'Google rejected the request as invalid: check the inputs named in the message.',
  [RPC_CODES.NOT_FOUND]: 'Check the project, region and resource names.',
  [RPC_CODES.PERMISSION_DENIED]:
    'The identity lacks permission: grant it the role the message names (roles/aiplatform.user covers Vertex AI).',
  [RPC_CODES.UNAUTHENTICATED]:
    'The credentials were rejected: re-run the auth step, and check its workload-identity-provider and service-account.',
};

/** A Google error as "Failed to <purpose>: <message>"; user-fixable ones as UserError. */
export function explainGoogleError(
  purpose: string,
  error: unknown,
  fixes: Partial<Record<number, string>> = {},
): Error {
  const code = grpcCode(error);
  const message = `Failed to ${purpose}: ${errorText(error)}`;
  const fix = code === undefined ? undefined : (fixes[code] ?? GENERIC_FIXES[code]);
  return fix ? new UserError(message, { fix, cause: error }) : new Error(message, { cause: error });
}
