import { randomUUID } from 'node:crypto';
import { chmod, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes `file` through a temporary file beside it and a rename, so no reader (nor a crash)
 * ever sees it half written; an existing file keeps its permissions, and the temporary file
 * never outlives a failure.
 */
export async function writeFileAtomically(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const mode = (await stat(file).catch(() => undefined))?.mode;
  const temporary = `${file}.tmp-${process.pid}-${randomUUID().slice(0, 8)}`;
  try {
    await writeFile(temporary, content);
    if (mode !== undefined) await chmod(temporary, mode & 0o7777);
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
}
