import pLimit from 'p-limit';
import type { GitHubSecrets } from '../adapters/github/github-secrets.js';
import type { SecretsTarget } from '../core/secrets/secrets-target.js';
import type { CommandContext } from './command.js';
import { RemoteFailure, UserError } from '../core/errors.js';
import type { PlannedChange, SyncAction } from '../core/secrets/sync-plan.js';

/**
 * Opens a GitHub level's secrets and variables and carries out a sync plan's writes there, for
 * sync-secrets and for the workflow values setup gcp writes: each change is tried, so one
 * refusal does not stop the others, and the failures come back together, named.
 */

export const ACTION_TEXT: Record<SyncAction, string> = {
  add: 'added',
  update: 'updated',
  unchanged: 'unchanged',
  remove: 'removed',
};

export interface WriteOutcome {
  /** What became of each change made: its ACTION_TEXT, or FAILED. */
  readonly done: ReadonlyMap<PlannedChange, string>;
  readonly failures: readonly string[];
  /** A refusal the user can fix (token, permission, value) was among the failures. */
  readonly userFixable: boolean;
}

/** The secrets and variables of `target`, through an Octokit on the workflow's GitHub API. */
export async function openSecretsStore(
  target: SecretsTarget,
  token: string,
  { env, ui }: CommandContext,
): Promise<GitHubSecrets> {
  // Loaded here, not at start-up: Octokit and libsodium cost every other command ~0.2 s.
  const [{ githubClient }, { GitHubSecrets }] = await Promise.all([
    import('../adapters/github/github-client.js'),
    import('../adapters/github/github-secrets.js'),
  ]);
  const github = githubClient({
    token,
    apiUrl: env.GITHUB_API_URL,
    onRetry: (message) => ui.warning(message),
  });
  return new GitHubSecrets(github, target);
}

export async function writeChanges(
  store: GitHubSecrets,
  changes: readonly PlannedChange[],
  concurrency: number,
): Promise<WriteOutcome> {
  const limit = pLimit(concurrency);
  const done = new Map<PlannedChange, string>();
  const failures: string[] = [];
  let userFixable = false;
  await Promise.all(
    changes
      .filter((change) => change.action !== 'unchanged')
      .map((change) =>
        limit(async () => {
          try {
            await applyChange(store, change);
            done.set(change, ACTION_TEXT[change.action]);
          } catch (error) {
            failures.push(`${change.name}: ${(error as Error).message.split('\n')[0] ?? ''}`);
            if (error instanceof UserError) userFixable = true;
            done.set(change, 'FAILED');
          }
        }),
      ),
  );
  return { done, failures, userFixable };
}

/** The error for writes that failed, when some did: `where` names the level. */
export function writeFailure(
  outcome: WriteOutcome,
  total: number,
  where: string,
  fix: string,
): UserError | RemoteFailure | undefined {
  if (outcome.failures.length === 0) return undefined;
  // A refusal the user can fix makes it a UserError; only remote failures (network, GitHub's
  // 5xx) make it a RemoteFailure.
  const Report = outcome.userFixable ? UserError : RemoteFailure;
  return new Report(
    `${outcome.failures.length} of ${total} writes to ${where} failed (the others were made)`,
    { details: outcome.failures, fix },
  );
}

/** Makes one planned change (add, update or remove) at the target. */
async function applyChange(store: GitHubSecrets, change: PlannedChange): Promise<void> {
  if (change.action === 'remove') await store.delete(change.kind, change.name);
  else if (change.kind === 'secret') await store.putSecret(change.name, change.value ?? '');
  else await store.putVariable(change.name, change.value ?? '', change.action === 'update');
}
