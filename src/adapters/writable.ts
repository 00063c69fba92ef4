import { randomUUID } from 'node:crypto';
import { access, constants, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../core/errors.js';

/**
 * Checks that a run can write its outputs before the first task starts, so a bad path fails in
 * a second with its real cause, not after an hour of training with a bare errno.
 */

/** The nearest of `target` and its parents that exists (`/` at worst). */
async function nearestExisting(target: string): Promise<{ path: string; isFolder: boolean }> {
  const info = await stat(target).catch(() => undefined);
  const parent = path.dirname(target);
  if (info || parent === target) return { path: target, isFolder: info?.isDirectory() ?? false };
  return nearestExisting(parent);
}

/** Words for a write refused at `where`; undefined for causes without better words. */
function refusal(code: string | undefined, where: string): string | undefined {
  switch (code) {
    case 'EROFS':
      return `${where} is on a read-only file system`;
    case 'EACCES':
    case 'EPERM':
      return `you may not write to ${where} (${code})`;
    case 'ENOSPC':
      return `the disk holding ${where} is full`;
    default:
      return undefined;
  }
}

/** Why `folder` cannot be created or written, in words. */
async function explain(folder: string, error: NodeJS.ErrnoException): Promise<string> {
  const existing = await nearestExisting(folder);
  if (!existing.isFolder) return `${existing.path} is a file, not a folder`;
  // Node's recursive mkdir reports ENOENT under a read-only parent: ask the parent itself.
  const code =
    error.code === 'ENOENT'
      ? await access(existing.path, constants.W_OK).then(
          () => error.code,
          (denied: NodeJS.ErrnoException) => denied.code,
        )
      : error.code;
  return refusal(code, existing.path) ?? error.message;
}

/** Creates `folder` if needed and writes a file in it, naming the real cause when that fails. */
async function folderProblem(folder: string): Promise<string | undefined> {
  try {
    await mkdir(folder, { recursive: true });
    const probe = path.join(folder, `.mlops-write-check-${randomUUID()}`);
    await writeFile(probe, '');
    await rm(probe);
    return undefined;
  } catch (error) {
    return explain(folder, error as NodeJS.ErrnoException);
  }
}

export async function assertWritableFolder(
  folder: string,
  what: string,
  fix: string,
): Promise<void> {
  const problem = await folderProblem(folder);
  if (problem) throw new UserError(`${what} ${folder} is not writable: ${problem}`, { fix });
}

export async function assertWritableFile(file: string, what: string, fix: string): Promise<void> {
  const info = await stat(file).catch(() => undefined);
  const problem = info?.isDirectory()
    ? 'it is a folder'
    : info
      ? await access(file, constants.W_OK).then(
          () => undefined,
          (error: NodeJS.ErrnoException) => refusal(error.code, file) ?? error.message,
        )
      : await folderProblem(path.dirname(file));
  if (problem) throw new UserError(`${what} ${file} is not writable: ${problem}`, { fix });
}
