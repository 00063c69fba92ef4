import { readFileSync } from 'node:fs';
import path from 'node:path';
import pLimit from 'p-limit';
import { gitOutput } from '../adapters/git.js';
import type { GitHubSecrets } from '../adapters/github/github-secrets.js';
import { describeTarget, type SecretsTarget } from '../core/secrets/secrets-target.js';
import { RemoteFailure, UserError } from '../core/errors.js';
import { parseEnvFile, type EnvEntry } from '../core/secrets/env-file.js';
import {
  checkPrunePrefixes,
  nameMatcher,
  planSync,
  type PlannedChange,
  type SyncAction,
  type SyncPlan,
  type SyncSelection,
} from '../core/secrets/sync-plan.js';
import {
  booleanInput,
  choiceInput,
  defineCommand,
  integerInput,
  listInput,
  stringInput,
  type CommandContext,
  type RawInputs,
} from './command.js';
import { readStamp, syncStamp, writeStamp } from './sync-secrets-stamp.js';

interface SyncInputs {
  readonly envFile: string;
  readonly entries: readonly EnvEntry[];
  /** Check the file only: no token, no GitHub. */
  readonly checkOnly: boolean;
  /** Skip when the file, target and selection are what the last sync from here wrote. */
  readonly ifChanged: boolean;
  readonly token: string;
  /** Undefined with check-only, which never contacts GitHub. */
  readonly target: SecretsTarget | undefined;
  readonly selection: SyncSelection;
  readonly dryRun: boolean;
  readonly prunePrefixes: readonly string[] | undefined;
  readonly concurrency: number;
}

/** owner/name from the input, the workflow's repository, or the git remote `origin`. */
function repositoryInput(raw: RawInputs, context: CommandContext): string | undefined {
  const given = raw.string('repository')?.trim() || context.env.GITHUB_REPOSITORY;
  if (given) return given;
  const url = gitOutput(context.cwd, ['remote', 'get-url', 'origin']);
  return url ? /github\.com[:/]([^/]+\/[^/]+?)(\.git)?$/.exec(url)?.[1] : undefined;
}

function parseTarget(raw: RawInputs, context: CommandContext): SecretsTarget {
  const org = raw.string('org')?.trim();
  const environment = raw.string('environment')?.trim();
  const visibility = choiceInput(raw, 'visibility', ['all', 'private', 'selected']);
  if (org) {
    if (environment)
      throw new UserError('org and environment are both set', {
        fix: 'Environments belong to a repository: give environment with repository, or org alone.',
      });
    if (visibility === 'selected')
      throw new UserError('visibility "selected" is not supported yet', {
        fix: 'Use all or private, and limit access to repositories in the organization settings.',
      });
    return { level: 'organization', org, visibility };
  }
  const repository = repositoryInput(raw, context);
  const match = repository ? /^([\w.-]+)\/([\w.-]+)$/.exec(repository) : null;
  if (!match) {
    throw new UserError(
      repository ? `repository "${repository}" is not OWNER/NAME` : 'No repository to sync to',
      { fix: 'Set repository to OWNER/NAME (a workflow defaults to its own), or org.' },
    );
  }
  const [, owner = '', repo = ''] = match;
  return environment
    ? { level: 'environment', owner, repo, environment }
    : { level: 'repository', owner, repo };
}

function readEnvFile(file: string, cwd: string): EnvEntry[] {
  const display = path.relative(cwd, file) || file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(`Cannot read ${display}: ${(error as NodeJS.ErrnoException).code ?? ''}`, {
      fix: 'Set env-file to the .env file to sync (relative to the working directory).',
    });
  }
  return parseEnvFile(text, display);
}

/**
 * A secret in a file git tracks is already exposed to everyone who can read the repository and
 * its history: refuse to spread it further. Plain variables from a committed file are fine.
 */
function refuseTrackedSecrets(
  file: string,
  entries: readonly EnvEntry[],
  selection: SyncSelection,
  cwd: string,
): void {
  const included = selection.include.length > 0 ? nameMatcher(selection.include) : () => true;
  const excluded = nameMatcher(selection.exclude);
  const isVariable = nameMatcher(selection.variables);
  const secrets = entries
    .map((entry) => entry.name)
    .filter((name) => included(name) && !excluded(name) && !isVariable(name));
  if (secrets.length === 0) return;
  const tracked = gitOutput(path.dirname(file), [
    'ls-files',
    '--error-unmatch',
    '--',
    path.basename(file),
  ]);
  if (tracked === undefined) return;
  const display = path.relative(cwd, file) || file;
  throw new UserError(
    `${display} is tracked by git, so its secrets (${secrets.join(', ')}) are in the repository's history; nothing was written`,
    {
      fix: `Untrack it (git rm --cached ${display}, and add it to .gitignore), rotate every secret it held, then sync from an untracked file (a local .env, or a file written from a secret in the workflow). Only plain settings may come from a committed file: list them in variables.`,
    },
  );
}

const ACTION_TEXT: Record<SyncAction, string> = {
  add: 'added',
  update: 'updated',
  unchanged: 'unchanged',
  remove: 'removed',
};

export const syncSecretsCommand = defineCommand<SyncInputs>({
  name: 'sync-secrets',
  summary:
    'Write the values of a .env file to GitHub Actions secrets (sealed with libsodium) or variables, for a repository, environment or organization.',
  inputs: [
    {
      name: 'env-file',
      description: 'Secrets: the .env file to sync.',
      kind: 'string',
      default: '.env',
      positional: true,
    },
    {
      name: 'github-token',
      description:
        'Secrets: a token that may write secrets: fine-grained PAT or GitHub App token with "Secrets: write" ("Variables", "Environments" as needed). GITHUB_TOKEN cannot. The CLI also reads GH_TOKEN or GITHUB_TOKEN.',
      kind: 'string',
      valueName: 'TOKEN',
      secret: true,
    },
    {
      name: 'repository',
      description:
        'Secrets: the repository, OWNER/NAME. Defaults to the workflow\'s repository (the CLI: the git remote "origin").',
      kind: 'string',
      valueName: 'OWNER/NAME',
    },
    {
      name: 'environment',
      description:
        'Secrets: write to this deployment environment of the repository (it must exist).',
      kind: 'string',
      valueName: 'NAME',
    },
    {
      name: 'org',
      description: 'Secrets: write organization secrets and variables instead.',
      kind: 'string',
      valueName: 'ORG',
    },
    {
      name: 'visibility',
      description: 'Secrets: which repositories see organization secrets.',
      kind: 'string',
      choices: ['all', 'private', 'selected'],
      default: 'private',
    },
    {
      name: 'variables',
      description:
        'Secrets: names or patterns (e.g. *_REGION) written as plain Actions variables instead of secrets.',
      kind: 'list',
      valueName: 'PATTERN',
    },
    {
      name: 'include',
      description: 'Secrets: only names matching these patterns (default: all).',
      kind: 'list',
      valueName: 'PATTERN',
    },
    {
      name: 'exclude',
      description: 'Secrets: leave out names matching these patterns.',
      kind: 'list',
      valueName: 'PATTERN',
    },
    {
      name: 'dry-run',
      description: 'Show what would change (names only) and write nothing.',
      kind: 'boolean',
      default: 'false',
    },
    {
      name: 'prune',
      description:
        'Secrets: delete secrets and variables that are not in the file, among the names starting with prune-prefix.',
      kind: 'boolean',
      default: 'false',
    },
    {
      name: 'prune-prefix',
      description: 'Secrets: the prefixes of the names the file owns, which prune may delete.',
      kind: 'list',
      valueName: 'PREFIX',
    },
    {
      name: 'check-only',
      description: 'Secrets: check the file (names, duplicates, sizes) without contacting GitHub.',
      kind: 'boolean',
      default: 'false',
    },
    {
      name: 'if-changed',
      description:
        'Secrets: skip the sync when the file, target and options are unchanged since the last sync from this checkout (for git hooks).',
      kind: 'boolean',
      default: 'false',
    },
    {
      name: 'concurrency',
      description: 'Secrets: requests to GitHub at once.',
      kind: 'integer',
      default: '8',
    },
  ],
  outputs: [
    { name: 'added', description: 'Names added, comma-separated.' },
    { name: 'updated', description: 'Names rewritten, comma-separated.' },
    { name: 'unchanged', description: 'Variables already holding the value, comma-separated.' },
    { name: 'removed', description: 'Names pruned, comma-separated.' },
  ],
  parseInputs(raw, context) {
    const envFile = path.resolve(context.cwd, stringInput(raw, 'env-file'));
    const entries = readEnvFile(envFile, context.cwd);
    const selection: SyncSelection = {
      include: listInput(raw, 'include'),
      exclude: listInput(raw, 'exclude'),
      variables: listInput(raw, 'variables'),
    };
    // Hidden from every log line before anything can print them (variables are plain config).
    const isVariable = nameMatcher(selection.variables);
    for (const entry of entries)
      if (!isVariable(entry.name)) context.host.maskSecret(entry.value, entry.name);
    const checkOnly = booleanInput(raw, 'check-only');
    const token =
      raw.string('github-token')?.trim() || context.env.GH_TOKEN || context.env.GITHUB_TOKEN || '';
    if (!token && !checkOnly) {
      throw new UserError('sync-secrets needs a GitHub token that may write secrets', {
        fix: 'Set github-token to a fine-grained PAT or GitHub App token with "Secrets: write" (stored as a secret); GITHUB_TOKEN cannot write secrets.',
      });
    }
    if (token) context.host.maskSecret(token, 'github-token');
    if (!checkOnly) refuseTrackedSecrets(envFile, entries, selection, context.cwd);
    const prune = booleanInput(raw, 'prune');
    return {
      envFile,
      entries,
      checkOnly,
      ifChanged: booleanInput(raw, 'if-changed'),
      token,
      target: checkOnly ? undefined : parseTarget(raw, context),
      selection,
      dryRun: booleanInput(raw, 'dry-run'),
      prunePrefixes: prune ? checkPrunePrefixes(listInput(raw, 'prune-prefix')) : undefined,
      concurrency: integerInput(raw, 'concurrency', 1),
    };
  },
  async run(inputs, context) {
    const { ui } = context;
    const display = path.relative(context.cwd, inputs.envFile) || inputs.envFile;
    const target = inputs.target;
    if (!target) {
      ui.info(`${display}: ${inputs.entries.length} values, all valid for GitHub`);
      return { outputs: {} };
    }
    const where = describeTarget(target);
    const stamp = syncStamp(inputs, target, context);
    if (inputs.ifChanged && (await readStamp(stamp.file)) === stamp.fingerprint) {
      ui.info(`${display} is unchanged since its last sync to ${where}: nothing to do`);
      return { outputs: {} };
    }
    // Loaded here, not at start-up: Octokit and libsodium cost every other command ~0.2 s.
    const [{ githubClient }, { GitHubSecrets }] = await Promise.all([
      import('../adapters/github/github-client.js'),
      import('../adapters/github/github-secrets.js'),
    ]);
    const github = githubClient({
      token: inputs.token,
      apiUrl: context.env.GITHUB_API_URL,
      onRetry: (message) => ui.warning(message),
    });
    const store = new GitHubSecrets(github, target);
    const plan = await ui.group(`Read ${where}`, async () => {
      const [secrets, variables] = await Promise.all([store.secretNames(), store.variables()]);
      ui.info(`${secrets.length} secrets and ${variables.size} variables there now`);
      const plan = planSync(
        inputs.entries,
        inputs.selection,
        { secrets, variables },
        inputs.prunePrefixes,
      );
      checkSecretCount(target, secrets.length, plan);
      return plan;
    });
    if (plan.skipped.length > 0) ui.info(`Left out by include/exclude: ${plan.skipped.join(', ')}`);

    const failures: string[] = [];
    let userFixable = false;
    const done = new Map<PlannedChange, string>();
    if (!inputs.dryRun) {
      await ui.group(`Write to ${where}`, async () => {
        const limit = pLimit(inputs.concurrency);
        await Promise.all(
          plan.changes
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
      });
    }

    const rows = plan.changes.map((change) => [
      change.name,
      change.kind,
      inputs.dryRun
        ? `would be ${ACTION_TEXT[change.action]}`
        : (done.get(change) ?? ACTION_TEXT[change.action]),
    ]);
    ui.table(
      `${inputs.dryRun ? 'Dry run: ' : ''}${path.basename(inputs.envFile)} → ${where}`,
      ['Name', 'Kind', 'Change'],
      rows,
    );
    const names = (action: SyncAction): string =>
      plan.changes
        .filter((change) => change.action === action)
        .map((change) => change.name)
        .join(',');
    const outputs = {
      added: names('add'),
      updated: names('update'),
      unchanged: names('unchanged'),
      removed: names('remove'),
    };
    if (failures.length > 0) {
      const failed = failures.length;
      // A refusal the user can fix (token, permission, value) makes it a UserError; only
      // remote failures (network, GitHub's 5xx) make it a failure.
      const Report = userFixable ? UserError : RemoteFailure;
      throw new Report(
        `${failed} of ${plan.changes.length} writes to ${where} failed (the others were made)`,
        {
          details: failures,
          fix: 'Fix the cause named above and run the sync again; it is safe to repeat.',
        },
      );
    }
    if (!inputs.dryRun) await writeStamp(stamp.file, stamp.fingerprint);
    return { outputs };
  },
});

/** Makes one planned change (add, update or remove) at the target. */
async function applyChange(store: GitHubSecrets, change: PlannedChange): Promise<void> {
  if (change.action === 'remove') await store.delete(change.kind, change.name);
  else if (change.kind === 'secret') await store.putSecret(change.name, change.value ?? '');
  else await store.putVariable(change.name, change.value ?? '', change.action === 'update');
}

/** GitHub's count limits, checked before the first write so a sync never stops half-way. */
function checkSecretCount(target: SecretsTarget, existing: number, plan: SyncPlan): void {
  const limit = target.level === 'organization' ? 1000 : 100;
  const count = (action: SyncAction): number =>
    plan.changes.filter((change) => change.kind === 'secret' && change.action === action).length;
  const after = existing + count('add') - count('remove');
  if (after > limit) {
    throw new UserError(
      `${describeTarget(target)} would have ${after} secrets; GitHub allows ${limit} at this level. Nothing was written`,
      {
        fix: 'Sync fewer names (include/exclude), move plain settings to variables, prune old ones, or use environment or organization secrets.',
      },
    );
  }
}
