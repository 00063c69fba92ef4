import path from 'node:path';
import { describeTarget, type SecretsTarget } from '../core/secrets/secrets-target.js';
import { UserError } from '../core/errors.js';
import { planSync, type SyncAction, type SyncPlan } from '../core/secrets/sync-plan.js';
import { defineCommand } from './command.js';
import { ACTION_TEXT, openSecretsStore, writeChanges, writeFailure } from './github-writes.js';
import { parseSyncInputs, planSyncInputs, type SyncRequest } from './sync-secrets-inputs.js';
import { readStamp, syncStamp, writeStamp } from './sync-secrets-stamp.js';

export const syncSecretsCommand = defineCommand<SyncRequest>({
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
  parseInputs: parseSyncInputs,
  async run(request, context) {
    const { ui } = context;
    const inputs = planSyncInputs(request, context);
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
    const store = await openSecretsStore(target, inputs.token, context);
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

    const outcome = inputs.dryRun
      ? undefined
      : await ui.group(`Write to ${where}`, () =>
          writeChanges(store, plan.changes, inputs.concurrency),
        );

    const rows = plan.changes.map((change) => [
      change.name,
      change.kind,
      inputs.dryRun
        ? `would be ${ACTION_TEXT[change.action]}`
        : (outcome?.done.get(change) ?? ACTION_TEXT[change.action]),
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
    const failure =
      outcome &&
      writeFailure(
        outcome,
        plan.changes.length,
        where,
        'Fix the cause named above and run the sync again; it is safe to repeat.',
      );
    if (failure) throw failure;
    if (!inputs.dryRun) await writeStamp(stamp.file, stamp.fingerprint);
    return { outputs };
  },
});

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
