import { UserError } from '../../core/errors.js';
import {
  explainIamError,
  explainStsError,
  type GitHubIdentity,
  type WorkloadIdentityProvider,
} from '../../core/gcp/workload-identity.js';
import { HttpError, requestJson } from '../http.js';
import type { GoogleEndpoints } from './endpoints.js';

/** The token exchange google-github-actions/auth performs, as small calls with explained errors. */

export interface GitHubOidcRequest {
  readonly url: string;
  readonly token: string;
}

/** The runner's OIDC request URL and token, or a UserError saying why they are missing. */
export function gitHubOidcRequest(env: NodeJS.ProcessEnv): GitHubOidcRequest {
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const token = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (url && token) return { url, token };
  const fork =
    env.GITHUB_EVENT_NAME === 'pull_request' &&
    env.GITHUB_HEAD_REPOSITORY !== undefined &&
    env.GITHUB_HEAD_REPOSITORY !== env.GITHUB_REPOSITORY;
  throw new UserError(
    fork
      ? 'GitHub gives no OIDC token to workflows run from a fork pull request'
      : 'GitHub did not provide an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN are not set)',
    {
      fix: fork
        ? 'Run Google Cloud steps only for pushes and same-repository pull requests (if: github.event.pull_request.head.repo.full_name == github.repository).'
        : 'Add `permissions: id-token: write` (and contents: read) to the job or workflow.',
    },
  );
}

/** Claims of a JWT, without verifying it: only to explain errors (e.g. which repository asked). */
export function jwtClaims(jwt: string): Record<string, unknown> {
  try {
    return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
  } catch {
    return {};
  }
}

export async function fetchGitHubOidcToken(
  request: GitHubOidcRequest,
  audience: string,
): Promise<string> {
  const url = new URL(request.url);
  url.searchParams.set('audience', audience);
  const body = await requestJson<{ value?: unknown }>('get the GitHub OIDC token', url.toString(), {
    headers: { Authorization: `Bearer ${request.token}`, Accept: 'application/json' },
  }).catch((error: unknown) => {
    if (error instanceof HttpError && (error.status === 401 || error.status === 403)) {
      throw new UserError(`GitHub refused the OIDC token request (HTTP ${error.status})`, {
        fix: 'Add `permissions: id-token: write` to the job.',
      });
    }
    throw error;
  });
  if (typeof body.value !== 'string' || body.value === '')
    throw new Error('The GitHub OIDC token response has no "value"');
  return body.value;
}

export interface FederatedToken {
  readonly accessToken: string;
  readonly expiresInSeconds: number;
}

export async function exchangeGitHubToken(
  endpoints: GoogleEndpoints,
  provider: WorkloadIdentityProvider,
  oidcToken: string,
  oidcAudience: string,
  audience: string,
): Promise<FederatedToken> {
  try {
    const body = await requestJson<{ access_token?: string; expires_in?: number }>(
      `exchange the GitHub token at STS for ${provider.name}`,
      `${endpoints.sts}/v1/token`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          audience,
          grantType: 'urn:ietf:params:oauth:grant-type:token-exchange',
          requestedTokenType: 'urn:ietf:params:oauth:token-type:access_token',
          scope: 'https://www.googleapis.com/auth/cloud-platform',
          subjectTokenType: 'urn:ietf:params:oauth:token-type:jwt',
          subjectToken: oidcToken,
        }),
      },
    );
    if (!body.access_token) throw new Error('STS replied without an access_token');
    return { accessToken: body.access_token, expiresInSeconds: body.expires_in ?? 3600 };
  } catch (error) {
    if (error instanceof HttpError && error.status === 400) {
      const reply = (error.body ?? {}) as { error?: string; error_description?: string };
      throw explainStsError(
        provider,
        oidcAudience,
        reply.error ?? 'invalid_request',
        reply.error_description ?? '',
      );
    }
    throw error;
  }
}

function iamFailure(
  error: unknown,
  serviceAccount: string,
  provider: WorkloadIdentityProvider | undefined,
  identity: GitHubIdentity,
): unknown {
  if (error instanceof HttpError && error.status >= 400 && error.status < 500) {
    const message =
      (error.body as { error?: { message?: string } } | undefined)?.error?.message ?? error.message;
    return explainIamError(serviceAccount, provider, error.status, message, identity);
  }
  return error;
}

export interface ImpersonationContext extends GitHubIdentity {
  readonly provider?: WorkloadIdentityProvider;
}

export async function generateAccessToken(
  endpoints: GoogleEndpoints,
  bearer: string,
  serviceAccount: string,
  lifetimeSeconds: number,
  context: ImpersonationContext = {},
): Promise<{ accessToken: string; expireTime: string }> {
  try {
    return await requestJson(
      `mint an access token for ${serviceAccount}`,
      `${endpoints.iamCredentials}/v1/projects/-/serviceAccounts/${serviceAccount}:generateAccessToken`,
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          scope: ['https://www.googleapis.com/auth/cloud-platform'],
          lifetime: `${lifetimeSeconds}s`,
        }),
      },
    );
  } catch (error) {
    throw iamFailure(error, serviceAccount, context.provider, context);
  }
}

export async function generateIdToken(
  endpoints: GoogleEndpoints,
  bearer: string,
  serviceAccount: string,
  audience: string,
  context: ImpersonationContext = {},
): Promise<string> {
  try {
    const body = await requestJson<{ token: string }>(
      `mint an ID token for ${serviceAccount}`,
      `${endpoints.iamCredentials}/v1/projects/-/serviceAccounts/${serviceAccount}:generateIdToken`,
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ audience, includeEmail: true }),
      },
    );
    return body.token;
  } catch (error) {
    throw iamFailure(error, serviceAccount, context.provider, context);
  }
}
