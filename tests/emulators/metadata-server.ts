/**
 * A GCE metadata server emulator: the token endpoint that every Vertex AI, Compute Engine and
 * GKE workload asks for its service account's access token, so code that runs on Google Cloud
 * (pipelines/cloud/google_api.py, google-auth, gcp-metadata) can be tested on loopback
 * through `GCE_METADATA_HOST=<host>` (host:port, no scheme, as those libraries read it).
 *
 * Wire facts followed:
 * - `GET /computeMetadata/v1/instance/service-accounts/{default|<email>}/token` with the header
 *   `Metadata-Flavor: Google` answers `{"access_token", "expires_in", "token_type": "Bearer"}`
 *   and the response header `Metadata-Flavor: Google`.
 * - Without that request header: 403 with a text body saying it is missing.
 * - The server hands out the same token while it has time left (`expires_in` counts down) and
 *   a new one once less than `refreshMarginSeconds` remain.
 *
 * Tokens are checked against the shared Clock: pass `validateAccessToken` to the API emulators
 * (`validateToken`) so that only tokens this server minted, and not expired, are accepted.
 */
import { randomBytes } from 'node:crypto';
import {
  Clock,
  FaultInjector,
  RequestLog,
  startHttpServer,
  type EmulatorRequest,
  type EmulatorResponse,
} from './http-server.js';
import { CLOUD_PLATFORM_SCOPE } from './google-sts.js';
import type { TokenValidation } from './vertex.js';

export const METADATA_SERVER = 'metadata';
export const METADATA_TOKEN_ROUTE = 'metadata.token';

export interface MetadataServerOptions {
  /** The instance's service account. Default `pipelines@acme-ml.iam.gserviceaccount.com`. */
  serviceAccount?: string;
  /** Scopes of its tokens. Default cloud-platform. */
  scopes?: string[];
  /** Lifetime of a minted token. Default 3600 s. */
  lifetimeSeconds?: number;
  /** A token with less than this left is replaced by a new one. Default 300 s. */
  refreshMarginSeconds?: number;
  /** Share with the API emulators so one clock, fault plan and request log drive all. */
  clock?: Clock;
  faults?: FaultInjector;
  requests?: RequestLog;
}

export interface MetadataServer {
  /** `127.0.0.1:<port>`: the value for GCE_METADATA_HOST. */
  readonly host: string;
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly serviceAccount: string;
  /** For the API emulators' `validateToken`: minted here and not expired or revoked. */
  validateAccessToken(token: string): TokenValidation;
  /** Every token minted so far, oldest first (e.g. to check none was printed). */
  issuedTokens(): readonly string[];
  /** Forget every token (revocation); the next request mints a new one. */
  revokeAll(): void;
  /** Token requests received, faulted ones included. */
  tokenRequests(): number;
  readonly faults: FaultInjector;
  readonly requests: RequestLog;
  readonly clock: Clock;
  close(): Promise<void>;
}

interface MintedToken {
  value: string;
  expiresAtMs: number;
}

const text = (status: number, body: string): EmulatorResponse => ({
  status,
  body,
  headers: { 'metadata-flavor': 'Google' },
});

export async function startMetadataServer(
  options: MetadataServerOptions = {},
): Promise<MetadataServer> {
  const serviceAccount = options.serviceAccount ?? 'pipelines@acme-ml.iam.gserviceaccount.com';
  const scopes = options.scopes ?? [CLOUD_PLATFORM_SCOPE];
  const lifetimeMs = (options.lifetimeSeconds ?? 3600) * 1000;
  const marginMs = (options.refreshMarginSeconds ?? 300) * 1000;
  const clock = options.clock ?? new Clock();
  const faults = options.faults ?? new FaultInjector();
  const requests = options.requests ?? new RequestLog();
  const minted = new Map<string, MintedToken>();
  const issued: string[] = [];
  let current: MintedToken | undefined;

  const token = (request: EmulatorRequest): EmulatorResponse => {
    const account = request.params.account ?? '';
    if (request.headers['metadata-flavor'] !== 'Google')
      return text(
        403,
        `Your client does not have permission to get URL ${request.path} from this server. Missing Metadata-Flavor:Google header.`,
      );
    if (account !== 'default' && account !== serviceAccount)
      return text(404, `The service account ${account} is not attached to this instance.`);
    if (!current || !minted.has(current.value) || current.expiresAtMs - clock.now() < marginMs) {
      current = {
        value: `ya29.emulated-${randomBytes(24).toString('base64url')}`,
        expiresAtMs: clock.now() + lifetimeMs,
      };
      minted.set(current.value, current);
      issued.push(current.value);
    }
    return {
      status: 200,
      body: {
        access_token: current.value,
        expires_in: Math.floor((current.expiresAtMs - clock.now()) / 1000),
        token_type: 'Bearer',
      },
      headers: { 'metadata-flavor': 'Google' },
    };
  };

  const server = await startHttpServer({
    name: METADATA_SERVER,
    clock,
    faults,
    log: requests,
    // The metadata server answers errors in plain text, not Google's JSON error shape.
    errorBody: (_status, message) => message,
    routes: [
      {
        name: METADATA_TOKEN_ROUTE,
        method: 'GET',
        pattern: '/computeMetadata/v1/instance/service-accounts/{account}/token',
        handler: token,
      },
    ],
  });

  return {
    host: `127.0.0.1:${server.port}`,
    url: server.url,
    serviceAccount,
    validateAccessToken: (value) => {
      const found = minted.get(value);
      if (!found) return { ok: false, reason: 'unknown' };
      if (clock.now() >= found.expiresAtMs) return { ok: false, reason: 'expired' };
      return { ok: true, principal: `serviceAccount:${serviceAccount}`, serviceAccount, scopes };
    },
    issuedTokens: () => [...issued],
    revokeAll: () => {
      minted.clear();
      current = undefined;
    },
    tokenRequests: () => requests.count({ server: METADATA_SERVER, route: METADATA_TOKEN_ROUTE }),
    faults,
    requests,
    clock,
    close: () => server.close(),
  };
}
