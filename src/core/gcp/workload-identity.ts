import { UserError } from '../errors.js';

/**
 * Workload Identity Federation facts that need no network: the provider name's shape (checked
 * locally, since a wrong one only fails later with an opaque STS error), the audiences, the
 * external_account credentials file, and what Google's error replies mean for the user.
 */

export interface WorkloadIdentityProvider {
  /** projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER */
  readonly name: string;
  readonly projectNumber: string;
  readonly pool: string;
  readonly provider: string;
}

const PROVIDER =
  /^projects\/(\d+)\/locations\/global\/workloadIdentityPools\/([^/]+)\/providers\/([^/]+)$/;
const FORMAT =
  'projects/PROJECT_NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER';

export function parseWorkloadIdentityProvider(input: string): WorkloadIdentityProvider {
  const value = input.trim().replace(/^(?:https:)?\/\/iam\.googleapis\.com\//, '');
  const match = PROVIDER.exec(value);
  if (match) {
    const [, projectNumber = '', pool = '', provider = ''] = match;
    return { name: value, projectNumber, pool, provider };
  }
  const fail = (problem: string, fix: string): never => {
    throw new UserError(`workload-identity-provider "${input}" ${problem}`, { fix });
  };
  if (/^projects\/[^/]+\/locations\/global\/workloadIdentityPools\/[^/]+\/?$/.test(value)) {
    fail(
      'names a pool, not a provider',
      `Add /providers/PROVIDER: the full name is ${FORMAT} (gcloud iam workload-identity-pools providers list --workload-identity-pool=POOL --location=global).`,
    );
  }
  const project = /^projects\/([^/]+)\//.exec(value)?.[1];
  if (project !== undefined && !/^\d+$/.test(project)) {
    fail(
      `uses the project ID "${project}" where Google expects the project NUMBER`,
      `Use the number: gcloud projects describe ${project} --format='value(projectNumber)'.`,
    );
  }
  if (/\/locations\/(?!global\/)/.test(value))
    fail(
      'is not in location "global"',
      `Workload identity pools live in locations/global: ${FORMAT}.`,
    );
  return fail(
    'is not a workload identity provider name',
    `Give the full resource name: ${FORMAT}.`,
  );
}

/** The `aud` GitHub puts in its OIDC token: what the provider accepts by default. */
export function defaultOidcAudience(provider: WorkloadIdentityProvider): string {
  return `https://iam.googleapis.com/${provider.name}`;
}

/** The audience STS expects in the token exchange (note the `//`, not `https://`). */
export function stsAudience(provider: WorkloadIdentityProvider): string {
  return `//iam.googleapis.com/${provider.name}`;
}

const SERVICE_ACCOUNT =
  /^[a-z][a-z0-9-]{4,28}[a-z0-9]@([a-z][a-z0-9-]{4,28}[a-z0-9])\.iam\.gserviceaccount\.com$/;

export function checkServiceAccount(email: string): string {
  const trimmed = email.trim();
  if (!/^[^@\s]+@[^@\s]+\.[a-z]+$/.test(trimmed)) {
    throw new UserError(`service-account "${email}" is not an email address`, {
      fix: 'Give the service account email, e.g. pipelines@my-project.iam.gserviceaccount.com.',
    });
  }
  return trimmed;
}

/** `x@my-project.iam.gserviceaccount.com` → `my-project`; undefined for other domains. */
export function projectFromServiceAccount(email: string): string | undefined {
  return SERVICE_ACCOUNT.exec(email)?.[1];
}

export interface ExternalAccountOptions {
  readonly provider: WorkloadIdentityProvider;
  readonly oidcRequestUrl: string;
  readonly oidcRequestToken: string;
  readonly oidcAudience: string;
  readonly stsEndpoint: string;
  readonly iamCredentialsEndpoint: string;
  readonly serviceAccount?: string;
}

/**
 * The `external_account` credentials file gcloud and the Google client libraries read. It holds
 * the runner's token *request* URL, not a token, so every refresh fetches a fresh GitHub token:
 * long jobs outlive the 5-minute GitHub token and the 1-hour access token without failing.
 */
export function externalAccountCredentials(
  options: ExternalAccountOptions,
): Record<string, unknown> {
  const url = new URL(options.oidcRequestUrl);
  url.searchParams.set('audience', options.oidcAudience);
  return {
    type: 'external_account',
    audience: stsAudience(options.provider),
    subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
    token_url: `${options.stsEndpoint}/v1/token`,
    credential_source: {
      url: url.toString(),
      headers: { Authorization: `Bearer ${options.oidcRequestToken}` },
      format: { type: 'json', subject_token_field_name: 'value' },
    },
    ...(options.serviceAccount
      ? {
          service_account_impersonation_url: `${options.iamCredentialsEndpoint}/v1/projects/-/serviceAccounts/${options.serviceAccount}:generateAccessToken`,
        }
      : {}),
  };
}

/** Turns an STS error reply into what the user should do about it. */
export function explainStsError(
  provider: WorkloadIdentityProvider,
  oidcAudience: string,
  error: string,
  description: string,
): UserError {
  const said = `Google STS refused the GitHub token for ${provider.name}: ${error}${description ? ` (${description})` : ''}`;
  switch (error) {
    case 'invalid_target':
      return new UserError(said, {
        fix: `Check that pool "${provider.pool}" and provider "${provider.provider}" exist and are enabled in project number ${provider.projectNumber}: gcloud iam workload-identity-pools providers describe ${provider.provider} --workload-identity-pool=${provider.pool} --location=global --project=${provider.projectNumber}.`,
      });
    case 'unauthorized_client':
      return new UserError(said, {
        fix: "The provider's attribute condition rejected this repository, branch or workflow: compare the condition with the token's claims (repository, ref, workflow), and map every attribute the condition uses (--attribute-mapping).",
      });
    case 'invalid_grant':
      return new UserError(said, {
        fix: `The token's audience is "${oidcAudience}": set the audience input to one the provider allows (its allowed audiences), or leave it empty to use the default; check the provider's issuer is https://token.actions.githubusercontent.com.`,
      });
    default:
      return new UserError(said, {
        fix: `Check workload-identity-provider; it must be ${FORMAT}.`,
      });
  }
}

/** Who asked, from the GitHub token's claims: to name the binding that would admit it. */
export interface GitHubIdentity {
  readonly repository?: string;
  /** The token's `sub`: `repo:OWNER/REPO:environment:NAME` for a job that names an environment. */
  readonly subject?: string;
}

/** Turns an IAM Credentials error into the binding or mapping the user is missing. */
export function explainIamError(
  serviceAccount: string,
  provider: WorkloadIdentityProvider | undefined,
  status: number,
  message: string,
  identity: GitHubIdentity,
): UserError {
  const said = `IAM refused to mint a token for ${serviceAccount} (HTTP ${status}): ${message}`;
  if (status === 404)
    return new UserError(said, {
      fix: `Check that the service account ${serviceAccount} exists (gcloud iam service-accounts describe ${serviceAccount}).`,
    });
  if (status === 403 && provider) {
    const pool = `iam.googleapis.com/projects/${provider.projectNumber}/locations/global/workloadIdentityPools/${provider.pool}`;
    const bind = (member: string) =>
      `gcloud iam service-accounts add-iam-policy-binding ${serviceAccount} --role=roles/iam.workloadIdentityUser --member="${member}"`;
    const delay = 'IAM changes can take a few minutes to apply.';
    const environment = /:environment:([^:]+)$/.exec(identity.subject ?? '')?.[1];
    if (environment && identity.subject)
      return new UserError(said, {
        fix: `This job runs in the ${environment} environment: if it should act as ${serviceAccount}, bind that environment's subject: ${bind(`principal://${pool}/subject/${identity.subject}`)}. ${delay}`,
      });
    const repository = identity.repository ?? 'OWNER/REPO';
    return new UserError(said, {
      fix: `If ${serviceAccount} is the deploy account, only a job that names its environment may act as it (environment: production in the job; GitHub then issues the subject repo:${repository}:environment:production). For a training account, grant the repository Workload Identity User and map attribute.repository=assertion.repository on the provider: ${bind(`principalSet://${pool}/attribute.repository/${repository}`)}. ${delay}`,
    });
  }
  return new UserError(said, { fix: 'Check the service account and its IAM policy.' });
}
