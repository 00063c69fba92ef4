import { readFileSync } from 'node:fs';
import type { GitHub } from './github-client.js';
import { clipMarkdown } from '../../core/report/pipeline-report.js';

/**
 * Where a gate's verdict goes on GitHub: a check run on the commit the pull request shows (its
 * head, not the merge commit GITHUB_SHA names on pull_request events), and one comment that is
 * edited in place on every push, found again by a hidden marker.
 */

export interface CommitContext {
  readonly owner: string;
  readonly repo: string;
  readonly headSha: string;
  /** The pull request, when the workflow runs for one. */
  readonly pullRequest?: number;
  /** A pull request from a fork: its token is read-only, so nothing can be posted. */
  readonly fork: boolean;
}

interface PullRequestEvent {
  pull_request?: {
    number: number;
    head: { sha: string; repo?: { full_name?: string } | null };
    base: { repo: { full_name: string } };
  };
}

/** The commit (and pull request) of this workflow run, or undefined outside GitHub Actions. */
export function commitContext(env: NodeJS.ProcessEnv): CommitContext | undefined {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo || !env.GITHUB_SHA) return undefined;
  let event: PullRequestEvent = {};
  try {
    if (env.GITHUB_EVENT_PATH)
      event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as PullRequestEvent;
  } catch {
    // No readable event payload: report on GITHUB_SHA.
  }
  const pr = event.pull_request;
  if (!pr) return { owner, repo, headSha: env.GITHUB_SHA, fork: false };
  return {
    owner,
    repo,
    headSha: pr.head.sha,
    pullRequest: pr.number,
    fork: (pr.head.repo?.full_name ?? '') !== pr.base.repo.full_name,
  };
}

/** GitHub's limits for a check run's summary and a comment's body. */
const MAX_SUMMARY = 65_535;
const MAX_COMMENT = 65_536;

export async function publishCheckRun(
  github: GitHub,
  commit: CommitContext,
  check: { name: string; passed: boolean; title: string; summary: string; detailsUrl?: string },
): Promise<string> {
  const response = await github.rest.checks.create({
    owner: commit.owner,
    repo: commit.repo,
    name: check.name,
    head_sha: commit.headSha,
    status: 'completed',
    conclusion: check.passed ? 'success' : 'failure',
    completed_at: new Date().toISOString(),
    ...(check.detailsUrl ? { details_url: check.detailsUrl } : {}),
    output: {
      title: check.title,
      summary: clipMarkdown(check.summary, MAX_SUMMARY, 'a check run summary'),
    },
  });
  return response.data.html_url ?? '';
}

/** Creates the pull request's report comment, or edits the one that carries `marker`. */
export async function upsertStickyComment(
  github: GitHub,
  commit: CommitContext & { pullRequest: number },
  marker: string,
  body: string,
): Promise<'created' | 'updated'> {
  const text = clipMarkdown(`${marker}\n${body}`, MAX_COMMENT, 'a comment');
  const issue = { owner: commit.owner, repo: commit.repo, issue_number: commit.pullRequest };
  const comments = await github.paginate(github.rest.issues.listComments, {
    ...issue,
    per_page: 100,
  });
  const existing = comments.find((comment) => comment.body?.includes(marker));
  if (existing) {
    await github.rest.issues.updateComment({
      owner: commit.owner,
      repo: commit.repo,
      comment_id: existing.id,
      body: text,
    });
    return 'updated';
  }
  await github.rest.issues.createComment({ ...issue, body: text });
  return 'created';
}
