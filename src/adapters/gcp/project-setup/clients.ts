import { existsSync } from 'node:fs';
import path from 'node:path';
import type { cloudresourcemanager_v1 } from '@googleapis/cloudresourcemanager';
import type { iam_v1 } from '@googleapis/iam';
import type { serviceusage_v1, serviceusage_v1beta1 } from '@googleapis/serviceusage';
import type { storage_v1 } from '@googleapis/storage';
import { UserError } from '../../../core/errors.js';
import { googleEndpoints } from '../endpoints.js';
import { credentialOptions, defaultCredentialsTokens } from '../google-client.js';

/**
 * The Google API clients `setup gcp` and `doctor` use, one per service, built from a base URL
 * per service and a source of access tokens. The discovery clients (@googleapis/*) are in the
 * vendor bundle's own chunk, loaded here on first use: they are large and no other command
 * needs them.
 */

/** Base URL (`rootUrl`) of each API; the emulators and private endpoints override them. */
export interface SetupEndpoints {
  readonly iam: string;
  readonly cloudresourcemanager: string;
  readonly serviceusage: string;
  readonly storage: string;
}

export const DEFAULT_SETUP_ENDPOINTS: SetupEndpoints = {
  iam: 'https://iam.googleapis.com/',
  cloudresourcemanager: 'https://cloudresourcemanager.googleapis.com/',
  serviceusage: 'https://serviceusage.googleapis.com/',
  storage: 'https://storage.googleapis.com/',
};

/** The endpoints from the command's environment (MLOPS_*_ENDPOINT overrides). */
export function setupEndpoints(env: NodeJS.ProcessEnv): SetupEndpoints {
  const endpoints = googleEndpoints(env);
  return {
    iam: `${endpoints.iam}/`,
    cloudresourcemanager: `${endpoints.resourceManager}/`,
    serviceusage: `${endpoints.serviceUsage}/`,
    storage: `${endpoints.storage}/`,
  };
}

/** An access token for the caller, or undefined when there are no credentials. */
export type AccessTokenSource = () => Promise<string | undefined>;

/**
 * The caller's access token: GOOGLE_OAUTH_ACCESS_TOKEN when set (Terraform's variable; e.g. from
 * `gcloud auth print-access-token`, for an admin whose gcloud is not set up for ADC), else
 * Application Default Credentials when there are any (the auth step's file,
 * GOOGLE_APPLICATION_CREDENTIALS, `gcloud auth application-default login`'s, or a Google host),
 * else undefined: a dry run then plans offline.
 */
export function setupTokenSource(env: NodeJS.ProcessEnv): AccessTokenSource {
  const given = env.GOOGLE_OAUTH_ACCESS_TOKEN?.trim();
  if (given) return () => Promise.resolve(given);
  if (!hasDefaultCredentials(env)) return () => Promise.resolve(undefined);
  return defaultCredentialsTokens(env);
}

/**
 * Whether Application Default Credentials can be found, without asking the metadata server:
 * off Google's hosts that probe takes seconds and only warns.
 */
function hasDefaultCredentials(env: NodeJS.ProcessEnv): boolean {
  if (credentialOptions(env).keyFilename) return true;
  if (env.GCE_METADATA_HOST || env.CLOUD_SHELL === 'true' || env.K_SERVICE) return true;
  const config =
    env.CLOUDSDK_CONFIG ||
    (process.platform === 'win32'
      ? path.join(env.APPDATA ?? '', 'gcloud')
      : path.join(env.HOME ?? '', '.config', 'gcloud'));
  return existsSync(path.join(config, 'application_default_credentials.json'));
}

export interface SetupClients {
  readonly iam: iam_v1.Iam;
  readonly crm: cloudresourcemanager_v1.Cloudresourcemanager;
  readonly usage: serviceusage_v1.Serviceusage;
  /** generateServiceIdentity exists only in v1beta1. */
  readonly usageBeta: serviceusage_v1beta1.Serviceusage;
  readonly storage: storage_v1.Storage;
}

export interface SetupClientOptions {
  readonly token: AccessTokenSource;
  readonly endpoints?: Partial<SetupEndpoints>;
  /** Per-request timeout; a call that exceeds it fails (a RemoteFailure, see errors.ts). */
  readonly timeoutMs?: number;
}

/**
 * How long a token from the source is reused before asking it again. The source (the command
 * passes setupTokenSource) caches and refreshes its own token, so asking often costs nothing
 * and a run that waits minutes for IAM propagation never sends an expired one.
 */
const TOKEN_REUSE_MS = 60_000;
const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * A refresh handler for an OAuth2 client without a refresh token: the client asks it whenever
 * its token is missing or about to expire, which turns any token source into a client the
 * libraries accept.
 */
export function tokenRefresher(
  token: AccessTokenSource,
): () => Promise<{ access_token: string; expiry_date: number }> {
  return async () => {
    const value = await token();
    if (!value)
      throw new UserError('No Google credentials to set up or check the project with', {
        fix: 'Authenticate first: in a workflow, the auth step (or google-github-actions/auth) before this one; on a workstation, gcloud auth application-default login, or GOOGLE_OAUTH_ACCESS_TOKEN=$(gcloud auth print-access-token).',
      });
    return { access_token: value, expiry_date: Date.now() + TOKEN_REUSE_MS };
  };
}

export async function createSetupClients(options: SetupClientOptions): Promise<SetupClients> {
  const google = await import(/* webpackIgnore: true */ '#google-cloud');
  const apis = await google.loadGoogleApis();

  const endpoints = { ...DEFAULT_SETUP_ENDPOINTS, ...options.endpoints };
  // googleapis-common carries its own google-auth-library: the OAuth2 client must come from it
  // (through the package's `auth` export), or its types and instanceof checks disagree.
  const auth = new apis.auth.OAuth2();
  auth.refreshHandler = tokenRefresher(options.token);
  const common = { auth, timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS };
  return {
    iam: apis.iam({ version: 'v1', ...common, rootUrl: endpoints.iam }),
    crm: apis.cloudresourcemanager({
      version: 'v1',
      ...common,
      rootUrl: endpoints.cloudresourcemanager,
    }),
    usage: apis.serviceusage({ version: 'v1', ...common, rootUrl: endpoints.serviceusage }),
    usageBeta: apis.serviceusage({
      version: 'v1beta1',
      ...common,
      rootUrl: endpoints.serviceusage,
    }),
    storage: apis.storage({ version: 'v1', ...common, rootUrl: endpoints.storage }),
  };
}
