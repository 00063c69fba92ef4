import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { writeFileAtomically } from './atomic-file.js';
import path from 'node:path';
import { UserError } from '../core/errors.js';
import {
  actionFromManifest,
  templateTarget,
  type TemplatePackage,
} from '../core/init/templates.js';
import { gitOutput } from './git.js';

/**
 * The file system and git side of `mlops init`: the installed package's templates, the
 * repository's working files, and atomic writes. Every decision is made in src/core/init.
 */

/** Bigger template files are not laid (their base would also bloat the lock). */
const MAX_TEMPLATE_BYTES = 1024 * 1024;
const TEMPLATE_FOLDERS = ['workflows-templates', 'pipelines'];

export async function packageVersion(root: string): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
    version?: unknown;
  };
  return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The template source of the package at `root`; `skipped` names files too big or not text. */
export async function readTemplatePackage(
  root: string,
): Promise<{ templates: TemplatePackage; skipped: string[] }> {
  const manifest: unknown = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
  const files: Array<{ path: string; content: string }> = [];
  const skipped: string[] = [];
  for (const folder of TEMPLATE_FOLDERS) {
    const entries = await readdir(path.join(root, folder), {
      recursive: true,
      withFileTypes: true,
    });
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const relative = path
        .relative(root, path.join(entry.parentPath, entry.name))
        .split(path.sep)
        .join('/');
      if (!templateTarget(relative)) continue;
      const bytes = await readFile(path.join(root, relative));
      if (bytes.length > MAX_TEMPLATE_BYTES) {
        skipped.push(`${relative} (over 1 MB)`);
        continue;
      }
      try {
        files.push({ path: relative, content: utf8.decode(bytes) });
      } catch {
        skipped.push(`${relative} (not UTF-8 text)`);
      }
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    templates: {
      version: await packageVersion(root),
      action: actionFromManifest(manifest),
      files,
    },
    skipped,
  };
}

/** A text file's content with Windows line endings read as \n; undefined when it does not exist. */
export async function readTextFile(file: string): Promise<string | undefined> {
  try {
    return (await readFile(file, 'utf8')).replaceAll('\r\n', '\n');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'EISDIR')
      throw new UserError(`${file} is a folder where mlops init lays a file`, {
        fix: 'Rename or remove the folder, or leave out its piece with --only.',
      });
    throw error;
  }
}

/** The working copy of each path that exists, relative to `dir`. */
export async function readRepositoryFiles(
  dir: string,
  paths: readonly string[],
): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const relative of paths) {
    const content = await readTextFile(path.join(dir, relative));
    if (content !== undefined) files.set(relative, content);
  }
  return files;
}

/** origin's default branch, else the checked-out branch; undefined outside git. */
export function detectDefaultBranch(dir: string): string | undefined {
  const remote = gitOutput(dir, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']);
  if (remote) return remote.replace(/^origin\//, '');
  return gitOutput(dir, ['symbolic-ref', '--quiet', '--short', 'HEAD']) || undefined;
}

/**
 * Files under `dir` with changes git has not committed (modified, staged, deleted or
 * untracked), relative to `dir`; undefined when `dir` is not in a git work tree.
 */
export function uncommittedPaths(dir: string): Set<string> | undefined {
  if (gitOutput(dir, ['rev-parse', '--is-inside-work-tree']) !== 'true') return undefined;
  // Before the first commit there is no HEAD to compare with: everything staged is uncommitted.
  const changed =
    gitOutput(dir, ['diff', '--name-only', '--relative', '-z', 'HEAD']) ??
    gitOutput(dir, ['ls-files', '-z']) ??
    '';
  const untracked = gitOutput(dir, ['ls-files', '--others', '--exclude-standard', '-z']) ?? '';
  return new Set([...changed.split('\0'), ...untracked.split('\0')].filter(Boolean));
}

/** Writes each file (deletes it when `next` is undefined), then the lock, last. */
export async function writeRepositoryFiles(
  dir: string,
  files: ReadonlyArray<{ readonly path: string; readonly next: string | undefined }>,
  lock: { readonly path: string; readonly content: string } | undefined,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const file of files) {
    const target = path.join(dir, file.path);
    if (file.next === undefined) await rm(target, { force: true });
    else await writeFileAtomically(target, file.next);
  }
  // Last: if a write fails, the next run still plans from the old lock and lays the rest.
  if (lock) await writeFileAtomically(path.join(dir, lock.path), lock.content);
}
