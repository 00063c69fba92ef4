import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { cp, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ParameterValue } from '../../core/ir/parameters.js';

/**
 * Content-addressed task cache: the key hashes the component and executor specs with the
 * resolved inputs (input artifacts by content), so an unchanged re-run reuses outputs and any
 * change in code, parameters or upstream data runs the task again.
 */

export interface CachedOutputs {
  readonly parameters: Record<string, ParameterValue>;
  readonly artifacts: Record<string, { readonly metadata: Record<string, unknown> }>;
}

async function hashPath(target: string, hash: ReturnType<typeof createHash>): Promise<void> {
  const info = await stat(target).catch(() => undefined);
  if (!info) {
    hash.update(`missing:${target}`);
    return;
  }
  if (info.isDirectory()) {
    for (const entry of (await readdir(target)).sort()) {
      hash.update(`dir-entry:${entry}\0`);
      await hashPath(path.join(target, entry), hash);
    }
    return;
  }
  hash.update(`file:${info.size}\0`);
  for await (const chunk of createReadStream(target)) hash.update(chunk as Buffer);
}

/** Hash of an artifact's content (local files) or of its URI (remote). */
export async function artifactFingerprint(uri: string): Promise<string> {
  const hash = createHash('sha256');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(uri)) hash.update(`uri:${uri}`);
  else await hashPath(uri, hash);
  return hash.digest('hex');
}

export function cacheKey(material: unknown): string {
  return createHash('sha256').update(JSON.stringify(material)).digest('hex');
}

export class TaskCache {
  readonly #root: string;

  constructor(root: string) {
    this.#root = root;
  }

  #entry(key: string): string {
    return path.join(this.#root, key.slice(0, 2), key);
  }

  /** Copies cached artifacts to their new locations; undefined on a miss. */
  async restore(
    key: string,
    artifactPaths: Readonly<Record<string, string>>,
  ): Promise<CachedOutputs | undefined> {
    const entry = this.#entry(key);
    const manifest = await readFile(path.join(entry, 'outputs.json'), 'utf8').catch(
      () => undefined,
    );
    if (manifest === undefined) return undefined;
    const outputs = JSON.parse(manifest) as CachedOutputs;
    for (const [name, destination] of Object.entries(artifactPaths)) {
      const stored = path.join(entry, 'artifacts', name);
      if (await stat(stored).catch(() => undefined))
        await cp(stored, destination, { recursive: true, force: true });
    }
    return outputs;
  }

  /** Stores a task's outputs; written to a temporary folder and renamed, so readers never see half an entry. */
  async store(
    key: string,
    outputs: CachedOutputs,
    artifactPaths: Readonly<Record<string, string>>,
  ): Promise<void> {
    const entry = this.#entry(key);
    const staging = `${entry}.tmp-${process.pid}-${Date.now()}`;
    await mkdir(path.join(staging, 'artifacts'), { recursive: true });
    for (const [name, source] of Object.entries(artifactPaths)) {
      if (await stat(source).catch(() => undefined))
        await cp(source, path.join(staging, 'artifacts', name), { recursive: true });
    }
    await writeFile(path.join(staging, 'outputs.json'), JSON.stringify(outputs));
    await rm(entry, { recursive: true, force: true });
    await rename(staging, entry).catch(async () => rm(staging, { recursive: true, force: true }));
  }
}
