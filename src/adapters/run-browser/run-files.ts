import { createReadStream } from 'node:fs';
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import {
  previewFile,
  PREVIEW_BYTES,
  type ArtifactPreview,
  type FolderEntry,
} from '../../core/run-browser/artifact-preview.js';

/**
 * Files of a run as the browser serves them: only what lies inside the run's folder. A path with
 * `..` or an empty segment, and anything whose real path (symbolic links followed) leaves the
 * folder, is not there.
 */

export interface RunFile {
  /** The real path. */
  readonly file: string;
  readonly folder: boolean;
  readonly size: number;
}

/** The file or folder at URL path segments (already decoded) inside a run folder, or undefined. */
export async function resolveRunFile(
  runFolder: string,
  segments: readonly string[],
): Promise<RunFile | undefined> {
  if (
    segments.length === 0 ||
    segments.some((part) => part === '' || part === '.' || part === '..' || /[/\\\0]/.test(part))
  )
    return undefined;
  try {
    // The run folder itself must not be a link elsewhere.
    if ((await lstat(runFolder)).isSymbolicLink()) return undefined;
    const base = await realpath(runFolder);
    const file = await realpath(path.join(runFolder, ...segments));
    if (!file.startsWith(`${base}${path.sep}`)) return undefined;
    const info = await stat(file);
    if (!info.isFile() && !info.isDirectory()) return undefined;
    return { file, folder: info.isDirectory(), size: info.size };
  } catch {
    return undefined;
  }
}

/** A folder's entries, folders first, for its listing. */
async function folderEntries(folder: string): Promise<FolderEntry[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const described = await Promise.all(
    entries.map(async (entry) => {
      const info = await stat(path.join(folder, entry.name)).catch(() => undefined);
      return { name: entry.name, folder: info?.isDirectory() ?? false, size: info?.size ?? 0 };
    }),
  );
  return described.sort(
    (a, b) => Number(b.folder) - Number(a.folder) || (a.name < b.name ? -1 : 1),
  );
}

/** The preview of a run's file (its first PREVIEW_BYTES) or folder. */
export async function previewRunFile(
  target: RunFile,
): Promise<{ preview: ArtifactPreview; complete: boolean }> {
  if (target.folder)
    return {
      preview: { kind: 'folder', entries: await folderEntries(target.file) },
      complete: true,
    };
  const handle = await open(target.file, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(target.size, PREVIEW_BYTES));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const complete = target.size <= PREVIEW_BYTES;
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    return { preview: previewFile(path.basename(target.file), text, complete), complete };
  } finally {
    await handle.close();
  }
}

export function runFileStream(target: RunFile): Readable {
  return createReadStream(target.file);
}
