import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { lstat, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { errorMessage } from '../../core/errors.js';
import { parseRunRecord, type RunRecord } from '../../core/run-record.js';
import {
  summarizeRunJson,
  unreadableRun,
  type RunSummary,
} from '../../core/run-browser/run-summary.js';

/**
 * The runs under a pipeline root (`<root>/<run folder>/run.json`), each read once and kept as a
 * summary until its run.json changes (size or modification time). A listing re-reads the folder
 * and stats the run.json of running runs (every one, every SETTLED_RECHECK_MS), at most once per
 * FRESH_MS however many requests come, so a new run and a running run's progress show up on the
 * next request.
 */

/** Listings within this long of a scan reuse it: a page of the list asks several times at once. */
const FRESH_MS = 500;
/**
 * A finished run's run.json rarely changes again: it is stat'ed at most this often, while running
 * and unreadable runs are stat'ed on every scan and new folders show up on every scan.
 */
const SETTLED_RECHECK_MS = 5000;
const SETTLED: ReadonlySet<string> = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

interface Entry {
  readonly mtimeMs: number;
  readonly size: number;
  readonly summary: RunSummary;
}

export interface RunListing {
  readonly runs: readonly RunSummary[];
  /** Changes whenever a run appears, changes or goes: a key for what is computed from the runs. */
  readonly version: number;
  /** False when the root does not exist. */
  readonly rootExists: boolean;
}

/** A run read for its page: its record, or why its run.json cannot be read. */
export type LoadedRun =
  | { readonly folder: string; readonly record: RunRecord }
  | { readonly folder: string; readonly problem: string };

/** A run folder's name as it may appear in a URL: one path segment, nothing hidden. */
export function isRunFolderName(name: string): boolean {
  return name !== '' && !name.startsWith('.') && !/[/\\\0]/.test(name);
}

export async function readRunRecord(file: string): Promise<RunRecord> {
  return parseRunRecord(JSON.parse(await readFile(file, 'utf8')) as unknown, file);
}

export class RunIndex {
  private entries = new Map<string, Entry>();
  private listing: RunListing = { runs: [], version: 0, rootExists: false };
  private scannedAt = -Infinity;
  private sweptAt = -Infinity;

  constructor(readonly root: string) {}

  /** Every run under the root, as of at most FRESH_MS ago. */
  list(): RunListing {
    return performance.now() - this.scannedAt < FRESH_MS ? this.listing : this.scan();
  }

  /** One run's record, read now (a running run's page shows its latest state). */
  async load(id: string): Promise<LoadedRun | undefined> {
    if (!isRunFolderName(id)) return undefined;
    const folder = path.join(this.root, id);
    // lstat: a run folder that is a link elsewhere is not listed, so not served either.
    const info = await lstat(folder).catch(() => undefined);
    if (!info?.isDirectory()) return undefined;
    const file = path.join(folder, 'run.json');
    if (!(await stat(file).catch(() => undefined))?.isFile()) return undefined;
    try {
      return { folder, record: await readRunRecord(file) };
    } catch (error) {
      return { folder, problem: errorMessage(error) };
    }
  }

  /**
   * Synchronous on purpose: for thousands of small files, sync stats and reads are several times
   * faster than the thread pool's, and a rescan that finds nothing new blocks for milliseconds.
   */
  private scan(): RunListing {
    const started = performance.now();
    let folders: Dirent[];
    try {
      folders = readdirSync(this.root, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
      this.entries.clear();
      this.listing = { runs: [], version: this.listing.version + 1, rootExists: false };
      this.scannedAt = started;
      return this.listing;
    }
    const sweep = started - this.sweptAt >= SETTLED_RECHECK_MS;
    const next = new Map<string, Entry>();
    let changed = false;
    // Symbolic links are not followed: every file served lives under the root.
    for (const folder of folders) {
      const name = folder.name;
      if (!folder.isDirectory() || !isRunFolderName(name)) continue;
      const known = this.entries.get(name);
      if (known && !sweep && SETTLED.has(known.summary.state)) {
        next.set(name, known);
        continue;
      }
      const file = path.join(this.root, name, 'run.json');
      const info = statSync(file, { throwIfNoEntry: false });
      if (!info?.isFile()) continue;
      if (known && known.mtimeMs === info.mtimeMs && known.size === info.size) {
        next.set(name, known);
        continue;
      }
      changed = true;
      let summary: RunSummary;
      try {
        summary = summarizeRunJson(name, readFileSync(file, 'utf8'), file);
      } catch (error) {
        summary = unreadableRun(name, errorMessage(error));
      }
      next.set(name, { mtimeMs: info.mtimeMs, size: info.size, summary });
    }
    if (sweep) this.sweptAt = started;
    if (changed || next.size !== this.entries.size || !this.listing.rootExists) {
      this.entries = next;
      this.listing = {
        runs: [...next.values()].map((entry) => entry.summary),
        version: this.listing.version + 1,
        rootExists: true,
      };
    }
    this.scannedAt = started;
    return this.listing;
  }
}
