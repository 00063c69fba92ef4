import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { cp, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { errorMessage } from '../../core/errors.js';
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

/** The manifest of a cache entry: the outputs, and hashes taken when they were stored. */
interface Manifest {
  readonly outputs: CachedOutputs;
  /** Per stored artifact, its `artifactFingerprint`. */
  readonly artifacts: Record<string, string>;
  /** Hash of `outputs` and `artifacts`, so an edited or cut-short manifest is caught too. */
  readonly digest: string;
}

/** A lookup: the outputs on a hit; on a miss, why an existing entry could not be used. */
export type CacheLookup =
  | { readonly hit: true; readonly outputs: CachedOutputs }
  | { readonly hit: false; readonly damage?: string };

const MANIFEST = 'outputs.json';

function readManifest(text: string): Manifest | undefined {
  try {
    const manifest = JSON.parse(text) as Manifest;
    const { outputs, artifacts } = manifest;
    return manifest.digest === cacheKey({ outputs, artifacts }) ? manifest : undefined;
  } catch {
    return undefined;
  }
}

export class TaskCache {
  readonly #root: string;
  readonly #copy: typeof cp;

  /** `copy` does the bulk writes; tests replace it to fill the disk. */
  constructor(root: string, options: { copy?: typeof cp } = {}) {
    this.#root = root;
    this.#copy = options.copy ?? cp;
  }

  #entry(key: string): string {
    return path.join(this.#root, key.slice(0, 2), key);
  }

  /**
   * Copies cached artifacts to their new locations and checks them against the hashes taken
   * when they were stored: an entry changed since (cut short by a full disk, edited) is a miss,
   * and what was copied from it is removed.
   */
  async restore(
    key: string,
    artifactPaths: Readonly<Record<string, string>>,
  ): Promise<CacheLookup> {
    const entry = this.#entry(key);
    const text = await readFile(path.join(entry, MANIFEST), 'utf8').catch(() => undefined);
    if (text === undefined) return { hit: false };
    const manifest = readManifest(text);
    if (!manifest) return { hit: false, damage: `${MANIFEST} changed after it was cached` };
    for (const [name, destination] of Object.entries(artifactPaths)) {
      const hash = manifest.artifacts[name];
      if (hash === undefined) continue; // The task did not write this output.
      const problem = await this.#copy(path.join(entry, 'artifacts', name), destination, {
        recursive: true,
        force: true,
      }).then(
        async () =>
          (await artifactFingerprint(destination)) === hash
            ? undefined
            : 'changed after it was cached',
        (error: unknown) => `could not be restored: ${errorMessage(error)}`,
      );
      if (problem) {
        await Promise.all(
          Object.values(artifactPaths).map((file) => rm(file, { recursive: true, force: true })),
        );
        return { hit: false, damage: `artifact "${name}" ${problem}` };
      }
    }
    return { hit: true, outputs: manifest.outputs };
  }

  /**
   * Stores a task's outputs with their hashes; written to a temporary folder and renamed, so
   * readers never see half an entry. On failure (a full disk) the temporary folder is removed.
   */
  async store(
    key: string,
    outputs: CachedOutputs,
    artifactPaths: Readonly<Record<string, string>>,
  ): Promise<void> {
    const entry = this.#entry(key);
    const staging = `${entry}.tmp-${process.pid}-${Date.now()}`;
    try {
      await mkdir(path.join(staging, 'artifacts'), { recursive: true });
      const artifacts: Record<string, string> = {};
      for (const [name, source] of Object.entries(artifactPaths)) {
        if (!(await stat(source).catch(() => undefined))) continue;
        const stored = path.join(staging, 'artifacts', name);
        await this.#copy(source, stored, { recursive: true });
        artifacts[name] = await artifactFingerprint(stored);
      }
      const manifest: Manifest = { outputs, artifacts, digest: cacheKey({ outputs, artifacts }) };
      await writeFile(path.join(staging, MANIFEST), JSON.stringify(manifest));
      await rm(entry, { recursive: true, force: true });
      await rename(staging, entry).catch((error: NodeJS.ErrnoException) => {
        // Another run stored this entry meanwhile: the same outputs, so theirs stands.
        if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
      });
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }
}
