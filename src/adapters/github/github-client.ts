import { setTimeout as sleep } from 'node:timers/promises';
import { getOctokit } from '@actions/github';
import { ReportedError, reportLike, UserError } from '../../core/errors.js';
import { NETWORK_ATTEMPTS, networkFailure } from '../http.js';

/**
 * An Octokit for the GitHub REST API (GITHUB_API_URL, so GitHub Enterprise Server works too),
 * retrying what GitHub asks to retry: secondary rate limits (403/429 with Retry-After or the
 * "secondary rate limit" message) and server errors, with back-off.
 */

export type GitHub = ReturnType<typeof getOctokit>;

const ATTEMPTS = 5;

interface RequestErrorLike {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

export function githubClient(options: {
  token: string;
  /** GITHUB_API_URL; github.com's API when unset or empty. */
  apiUrl: string | undefined;
  onRetry?: (message: string) => void;
}): GitHub {
  const apiUrl = options.apiUrl || 'https://api.github.com';
  const octokit = getOctokit(options.token, { baseUrl: apiUrl.replace(/\/+$/, '') });
  octokit.hook.wrap('request', async (request, requestOptions) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await request(requestOptions);
      } catch (error) {
        // Octokit reports a request that never got an answer as HTTP 500: name what happened.
        const network = networkFailure(error, { host: new URL(apiUrl).host });
        const { status, message = '', response } = error as RequestErrorLike;
        const retryAfter = response?.headers?.['retry-after'];
        const limited =
          (status === 403 || status === 429) &&
          (retryAfter !== undefined || /secondary rate limit/i.test(message));
        const retriable = network
          ? network.heals && attempt < NETWORK_ATTEMPTS
          : (limited || (status !== undefined && status >= 500)) && attempt < ATTEMPTS;
        if (!retriable) throw network?.error ?? error;
        const delay =
          retryAfter !== undefined
            ? Math.min(Number(retryAfter) * 1000, 120_000)
            : Math.min(1000 * 2 ** (attempt - 1), 30_000);
        const reason = network?.reason ?? (limited ? 'secondary rate limit' : `HTTP ${status}`);
        options.onRetry?.(
          `GitHub ${reason} on ${requestOptions.method} ${requestOptions.url}; retrying in ${Math.round(delay / 1000)}s`,
        );
        await sleep(delay);
      }
    }
  });
  return octokit;
}

/** A GitHub API failure as the user should read it: what was refused and what to do. */
export function explainGitHubError(purpose: string, error: unknown, notFound: string): Error {
  const { status, message = String(error) } = error as RequestErrorLike;
  const text = `Failed to ${purpose}: ${message}`;
  if (error instanceof ReportedError)
    return reportLike(error, text, { fix: error.fix, cause: error });
  if (status === 401)
    return new UserError(`${text} (the token was rejected)`, {
      fix: 'Check github-token: it may be expired, revoked or mistyped.',
    });
  if (status === 403)
    return new UserError(text, {
      fix: 'GITHUB_TOKEN can never write secrets or variables. Pass github-token: a fine-grained personal access token or GitHub App token with "Secrets: write" (plus "Variables: write" for variables, "Environments: write" for an environment; organization "Secrets" for org secrets), stored as a secret itself.',
    });
  if (status === 404) return new UserError(text, { fix: notFound });
  if (status === 422)
    return new UserError(text, { fix: 'GitHub refused the value; see the message.' });
  return new Error(text, { cause: error });
}
