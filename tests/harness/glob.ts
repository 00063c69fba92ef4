import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';

/**
 * File search as @actions/glob does it for upload-artifact and hashFiles: one pattern per line,
 * `!` excludes, relative patterns resolve against the working directory, a pattern's search path
 * is its leading segments without wildcards, a matched directory brings everything under it
 * (implicit descendants), `~` is `home`, symbolic links are followed, and with `excludeHidden` any walked item
 * whose name starts with '.' is skipped with everything under it, the search path itself included.
 */

const WILDCARD = /[*?[]/;

interface Pattern {
  readonly negate: boolean;
  readonly searchPath: string;
  readonly matches: (file: string) => boolean;
}

function compile(line: string, cwd: string, home: string | undefined): Pattern {
  let negate = false;
  let text = line;
  while (text.startsWith('!')) {
    negate = !negate;
    text = text.slice(1);
  }
  const expanded = home ? text.replace(/^~(?=\/|$)/, home) : text;
  const absolute = path.resolve(cwd, expanded).replace(/\/+$/, '');
  const literal: string[] = [];
  for (const segment of absolute.split('/')) {
    if (WILDCARD.test(segment)) break;
    literal.push(segment);
  }
  const self = picomatch(absolute, { dot: true });
  const below = picomatch(`${absolute}/**`, { dot: true });
  return {
    negate,
    searchPath: literal.join('/') || '/',
    matches: (file) => self(file) || below(file),
  };
}

/** @actions/glob's getSearchPaths: one per include pattern, dropping those under another. */
function searchPaths(includes: readonly Pattern[]): string[] {
  const all = new Set(includes.map((pattern) => pattern.searchPath));
  return [...all].filter((candidate) => {
    for (
      let child = candidate, parent = path.dirname(candidate);
      parent !== child;
      child = parent, parent = path.dirname(parent)
    )
      if (all.has(parent)) return false;
    return true;
  });
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

export interface GlobResult {
  /** Absolute paths of matching files (never directories), sorted. */
  readonly files: string[];
  readonly searchPaths: string[];
}

export function globFiles(
  lines: readonly string[],
  cwd: string,
  options: { excludeHidden: boolean; home?: string },
): GlobResult {
  const patterns = lines
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => compile(line, cwd, options.home));
  const includes = patterns.filter((pattern) => !pattern.negate);
  const excludes = patterns.filter((pattern) => pattern.negate);
  const roots = searchPaths(includes);
  const files = new Set<string>();
  const walk = (item: string): void => {
    if (options.excludeHidden && path.basename(item).startsWith('.')) return;
    const stats = statOrUndefined(item);
    if (!stats) return;
    if (stats.isDirectory()) {
      for (const child of readdirSync(item).sort()) walk(path.join(item, child));
      return;
    }
    if (includes.some((p) => p.matches(item)) && !excludes.some((p) => p.matches(item)))
      files.add(item);
  };
  for (const root of roots) walk(root);
  return { files: [...files].sort(), searchPaths: roots };
}

/** The runner's hashFiles: SHA-256 over each workspace file's SHA-256, '' when none match. */
export function hashFiles(workspace: string, patterns: readonly string[]): string {
  const { files } = globFiles(
    patterns.flatMap((pattern) => pattern.split('\n')),
    workspace,
    { excludeHidden: false },
  );
  const inside = files.filter((file) => file.startsWith(`${workspace}${path.sep}`));
  if (inside.length === 0) return '';
  const result = createHash('sha256');
  for (const file of inside)
    result.update(createHash('sha256').update(readFileSync(file)).digest());
  return result.digest('hex');
}
