import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gitOutput, remoteRepository } from '../adapters/git.js';
import { UserError } from '../core/errors.js';
import { parseEnvFile, type EnvEntry } from '../core/secrets/env-file.js';
import type { SecretsTarget } from '../core/secrets/secrets-target.js';
import { checkPrunePrefixes, nameMatcher, type SyncSelection } from '../core/secrets/sync-plan.js';
import {
  booleanInput,
  choiceInput,
  integerInput,
  listInput,
  once,
  parseFields,
  stringInput,
  type CommandContext,
  type RawInputs,
} from './command.js';

/**
 * The inputs of `sync-secrets`: parsed (pure), then planned (the .env file read, the git remote
 * and the file's tracking looked up) before anything reaches GitHub.
 */

/** Where to write; `git-remote`: the repository is the one the git remote `origin` names. */
type TargetRequest =
  SecretsTarget | { readonly level: 'git-remote'; readonly environment: string | undefined };

/** What parseInputs gives: the sync before its planning phase has read the file and the checkout. */
export interface SyncRequest {
  readonly envFile: string;
  /** Check the file only: no token, no GitHub. */
  readonly checkOnly: boolean;
  /** Skip when the file, target and selection are what the last sync from here wrote. */
  readonly ifChanged: boolean;
  readonly token: string;
  /** Undefined with check-only, which never contacts GitHub. */
  readonly target: TargetRequest | undefined;
  readonly selection: SyncSelection;
  readonly dryRun: boolean;
  readonly prunePrefixes: readonly string[] | undefined;
  readonly concurrency: number;
}

/** The sync, planned: the file's entries read and the target known. */
export interface SyncInputs extends Omit<SyncRequest, 'target'> {
  readonly entries: readonly EnvEntry[];
  readonly target: SecretsTarget | undefined;
}

const OWNER_NAME = /^([\w.-]+)\/([\w.-]+)$/;

function repositoryTarget(repository: string, environment: string | undefined): SecretsTarget {
  const match = OWNER_NAME.exec(repository);
  if (!match) {
    throw new UserError(`repository "${repository}" is not OWNER/NAME`, {
      fix: 'Set repository to OWNER/NAME (a workflow defaults to its own), or org.',
    });
  }
  const [, owner = '', repo = ''] = match;
  return environment
    ? { level: 'environment', owner, repo, environment }
    : { level: 'repository', owner, repo };
}

/** The target from org, or repository (input, else the workflow's, else the git remote). */
function parseTarget(raw: RawInputs, context: CommandContext): TargetRequest {
  const org = raw.string('org')?.trim();
  const environment = raw.string('environment')?.trim() || undefined;
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
  const repository = raw.string('repository')?.trim() || context.env.GITHUB_REPOSITORY;
  return repository
    ? repositoryTarget(repository, environment)
    : { level: 'git-remote', environment };
}

export function parseSyncInputs(raw: RawInputs, context: CommandContext): SyncRequest {
  const checkOnly = once(() => booleanInput(raw, 'check-only'));
  return parseFields('sync-secrets', {
    envFile: () => path.resolve(context.cwd, stringInput(raw, 'env-file')),
    checkOnly,
    ifChanged: () => booleanInput(raw, 'if-changed'),
    token: () => {
      const token =
        raw.string('github-token')?.trim() || context.env.GH_TOKEN || context.env.GITHUB_TOKEN;
      if (token) context.host.maskSecret(token, 'github-token');
      else if (!checkOnly())
        throw new UserError('sync-secrets needs a GitHub token that may write secrets', {
          fix: 'Set github-token to a fine-grained PAT or GitHub App token with "Secrets: write" (stored as a secret); GITHUB_TOKEN cannot write secrets.',
        });
      return token ?? '';
    },
    target: () => (checkOnly() ? undefined : parseTarget(raw, context)),
    selection: (): SyncSelection => ({
      include: listInput(raw, 'include'),
      exclude: listInput(raw, 'exclude'),
      variables: listInput(raw, 'variables'),
    }),
    dryRun: () => booleanInput(raw, 'dry-run'),
    prunePrefixes: () =>
      booleanInput(raw, 'prune') ? checkPrunePrefixes(listInput(raw, 'prune-prefix')) : undefined,
    concurrency: () => integerInput(raw, 'concurrency', 1),
  });
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

/** The repository the git remote `origin` names, for a sync from a checkout. */
function remoteTarget(cwd: string, environment: string | undefined): SecretsTarget {
  const repository = remoteRepository(cwd);
  if (!repository) {
    throw new UserError('No repository to sync to', {
      fix: 'Set repository to OWNER/NAME (a workflow defaults to its own), or org.',
    });
  }
  return repositoryTarget(repository, environment);
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

/**
 * The planning phase, before GitHub is contacted: reads the .env file (its secret values
 * masked at once), finds the repository from the git remote when none was given, and refuses a
 * file git tracks.
 */
export function planSyncInputs(request: SyncRequest, context: CommandContext): SyncInputs {
  const { envFile, selection, target } = request;
  const planned = parseFields('sync-secrets', {
    entries: () => {
      const entries = readEnvFile(envFile, context.cwd);
      // Hidden from every log line before anything can print them (variables are plain config).
      const isVariable = nameMatcher(selection.variables);
      for (const entry of entries)
        if (!isVariable(entry.name)) context.host.maskSecret(entry.value, entry.name);
      return entries;
    },
    target: () =>
      target?.level === 'git-remote' ? remoteTarget(context.cwd, target.environment) : target,
  });
  if (!request.checkOnly) refuseTrackedSecrets(envFile, planned.entries, selection, context.cwd);
  return { ...request, ...planned };
}
