/** The marker `sync-secrets --if-changed` compares with: what the last sync from here wrote. */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { gitOutput } from '../adapters/git.js';
import type { EnvEntry } from '../core/secrets/env-file.js';
import { describeTarget, type SecretsTarget } from '../core/secrets/secrets-target.js';
import type { SyncSelection } from '../core/secrets/sync-plan.js';
import type { CommandContext } from './command.js';

/**
 * Where --if-changed remembers the last sync: a digest of the file's names and values, the
 * target and the options, in the checkout's git folder (never committed, never uploaded), or
 * outside a checkout in the user's cache folder (XDG_CACHE_HOME, else ~/.cache).
 */
export function syncStamp(
  inputs: {
    readonly envFile: string;
    readonly entries: readonly EnvEntry[];
    readonly selection: SyncSelection;
    readonly prunePrefixes: readonly string[] | undefined;
  },
  target: SecretsTarget,
  context: Pick<CommandContext, 'cwd' | 'env'>,
): { file: string; fingerprint: string } {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify([describeTarget(target), inputs.selection, inputs.prunePrefixes ?? null]),
  );
  for (const entry of inputs.entries) hash.update(`${entry.name}\0${entry.value}\0`);
  const gitDir = gitOutput(context.cwd, ['rev-parse', '--git-dir']);
  const folder = gitDir
    ? path.resolve(context.cwd, gitDir)
    : path.join(
        context.env.XDG_CACHE_HOME || path.join(context.env.HOME || homedir(), '.cache'),
        'mlops-platform',
      );
  const name = createHash('sha256')
    .update(`${inputs.envFile}\0${describeTarget(target)}`)
    .digest('hex');
  return {
    file: path.join(folder, 'mlops-sync-secrets', name.slice(0, 16)),
    fingerprint: hash.digest('hex'),
  };
}

export async function readStamp(file: string): Promise<string | undefined> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    return undefined;
  }
}

export async function writeStamp(file: string, fingerprint: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${fingerprint}\n`, { mode: 0o600 });
}
