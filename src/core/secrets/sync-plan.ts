import picomatch from 'picomatch';
import { UserError } from '../errors.js';
import type { EnvEntry } from './env-file.js';

/**
 * What a sync will do, worked out before any write: which entries become secrets and which
 * plain variables, what is added, updated, unchanged or removed. Secret values cannot be read
 * back from GitHub, so an existing secret is always rewritten ("update"); variables can be
 * compared, so unchanged ones are left alone.
 */

export interface SyncSelection {
  /** Name patterns (globs, case-insensitive) to sync; empty means all. */
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  /** Names or patterns that go to Actions variables instead of secrets. */
  readonly variables: readonly string[];
}

export type SyncAction = 'add' | 'update' | 'unchanged' | 'remove';

export interface PlannedChange {
  readonly name: string;
  readonly kind: 'secret' | 'variable';
  readonly action: SyncAction;
  /** Absent for removals. */
  readonly value?: string;
}

export interface SyncPlan {
  readonly changes: readonly PlannedChange[];
  /** Names in the file left out by include/exclude. */
  readonly skipped: readonly string[];
}

export interface ExistingValues {
  readonly secrets: readonly string[];
  readonly variables: ReadonlyMap<string, string>;
}

/** Matches names against globs, case-insensitively; no patterns match nothing. */
export function nameMatcher(patterns: readonly string[]): (name: string) => boolean {
  if (patterns.length === 0) return () => false;
  return picomatch([...patterns], { nocase: true });
}

/** Prune prefixes must be explicit and non-empty: deleting outside them is never intended. */
export function checkPrunePrefixes(prefixes: readonly string[]): string[] {
  const cleaned = prefixes.map((prefix) => prefix.trim().toUpperCase()).filter(Boolean);
  if (cleaned.length === 0) {
    throw new UserError('prune deletes secrets and variables, so it needs prune-prefix', {
      fix: 'Set prune-prefix to the prefix (or prefixes) of the names this file owns, e.g. APP_.',
    });
  }
  return cleaned;
}

export function planSync(
  entries: readonly EnvEntry[],
  selection: SyncSelection,
  existing: ExistingValues,
  prunePrefixes: readonly string[] | undefined,
): SyncPlan {
  const included = selection.include.length > 0 ? nameMatcher(selection.include) : () => true;
  const excluded = nameMatcher(selection.exclude);
  const isVariable = nameMatcher(selection.variables);
  const secretNames = new Set(existing.secrets.map((name) => name.toUpperCase()));
  const changes: PlannedChange[] = [];
  const skipped: string[] = [];
  const synced = { secret: new Set<string>(), variable: new Set<string>() };
  for (const entry of entries) {
    if (!included(entry.name) || excluded(entry.name)) {
      skipped.push(entry.name);
      continue;
    }
    if (isVariable(entry.name)) {
      const current = existing.variables.get(entry.name);
      const action =
        current === undefined ? 'add' : current === entry.value ? 'unchanged' : 'update';
      changes.push({ name: entry.name, kind: 'variable', action, value: entry.value });
      synced.variable.add(entry.name);
    } else {
      const action = secretNames.has(entry.name) ? 'update' : 'add';
      changes.push({ name: entry.name, kind: 'secret', action, value: entry.value });
      synced.secret.add(entry.name);
    }
  }
  if (prunePrefixes) {
    const owned = (name: string): boolean =>
      prunePrefixes.some((prefix) => name.toUpperCase().startsWith(prefix));
    for (const name of [...secretNames].sort())
      if (owned(name) && !synced.secret.has(name))
        changes.push({ name, kind: 'secret', action: 'remove' });
    for (const name of [...existing.variables.keys()].sort())
      if (owned(name) && !synced.variable.has(name))
        changes.push({ name, kind: 'variable', action: 'remove' });
  }
  return { changes, skipped };
}
