import type { cloudresourcemanager_v1 } from '@googleapis/cloudresourcemanager';
import type { iam_v1 } from '@googleapis/iam';
import type { serviceusage_v1, serviceusage_v1beta1 } from '@googleapis/serviceusage';
import type { storage_v1 } from '@googleapis/storage';
import { UserError } from '../../../core/errors.js';

/**
 * The Google API clients `setup gcp` and `doctor` use, one per service, built from a base URL
 * per service and a source of access tokens. The discovery clients (@googleapis/*) are loaded
 * with import() here, on first use: they are large and no other command needs them.
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

/** An access token for the caller, or undefined when there are no credentials. */
export type AccessTokenSource = () => Promise<string | undefined>;

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
 * passes googleTokenSource) caches and refreshes its own token, so asking often costs nothing
 * and a run that waits minutes for IAM propagation never sends an expired one.
 */
const TOKEN_REUSE_MS = 60_000;
const DEFAULT_TIMEOUT_MS = 60_000;

export async function createSetupClients(options: SetupClientOptions): Promise<SetupClients> {
  const [iamModule, crmModule, usageModule, storageModule] = await Promise.all([
    import('@googleapis/iam'),
    import('@googleapis/cloudresourcemanager'),
    import('@googleapis/serviceusage'),
    import('@googleapis/storage'),
  ]);
  const endpoints = { ...DEFAULT_SETUP_ENDPOINTS, ...options.endpoints };
  // googleapis-common carries its own google-auth-library: the OAuth2 client must come from it
  // (through the package's `auth` export), or its types and instanceof checks disagree.
  const auth = new iamModule.auth.OAuth2();
  // With no refresh token, the client asks the refresh handler whenever its token is missing
  // or about to expire: that turns any token source into a client the libraries accept.
  auth.refreshHandler = async () => {
    const token = await options.token();
    if (!token)
      throw new UserError('No Google credentials to set up the project with', {
        fix: 'Authenticate first: in a workflow, google-github-actions/auth before this step; on a workstation, gcloud auth application-default login.',
      });
    return { access_token: token, expiry_date: Date.now() + TOKEN_REUSE_MS };
  };
  const common = { auth, timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS };
  return {
    iam: iamModule.iam({ version: 'v1', ...common, rootUrl: endpoints.iam }),
    crm: crmModule.cloudresourcemanager({
      version: 'v1',
      ...common,
      rootUrl: endpoints.cloudresourcemanager,
    }),
    usage: usageModule.serviceusage({ version: 'v1', ...common, rootUrl: endpoints.serviceusage }),
    usageBeta: usageModule.serviceusage({
      version: 'v1beta1',
      ...common,
      rootUrl: endpoints.serviceusage,
    }),
    storage: storageModule.storage({ version: 'v1', ...common, rootUrl: endpoints.storage }),
  };
}
