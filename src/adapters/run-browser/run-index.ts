import { statSync } from 'node:fs';
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
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
 * and stats every run.json, at most once per FRESH_MS however many requests come, so a new run
 * and a running run's progress show up on the next request.
 */

/** Listings within this long of a scan reuse it: a page of the list asks several times at once. */
const FRESH_MS = 500;
/** Files read at once in a scan: enough to keep the disk busy, few enough for file handles. */
const READ_CONCURRENCY = 64;

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
  private scanning: Promise<RunListing> | undefined;

  constructor(readonly root: string) {}

  /** Every run under the root, as of at most FRESH_MS ago. */
  async list(): Promise<RunListing> {
    if (performance.now() - this.scannedAt < FRESH_MS) return this.listing;
    this.scanning ??= this.scan().finally(() => (this.scanning = undefined));
    return this.scanning;
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

  private async scan(): Promise<RunListing> {
    const started = performance.now();
    const folders = await readdir(this.root, { withFileTypes: true }).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
        throw error;
      },
    );
    if (!folders) {
      this.entries.clear();
      this.listing = { runs: [], version: this.listing.version + 1, rootExists: false };
      this.scannedAt = started;
      return this.listing;
    }
    // Symbolic links are not followed: every file served lives under the root.
    const names = folders
      .filter((entry) => entry.isDirectory() && isRunFolderName(entry.name))
      .map((entry) => entry.name);
    // Stats are synchronous: for ten thousand small files that is several times faster than
    // going through the thread pool, and a rescan blocks for tens of milliseconds at most.
    const next = new Map<string, Entry>();
    const toRead: Array<{ name: string; file: string; mtimeMs: number; size: number }> = [];
    let changed = false;
    for (const name of names) {
      const file = path.join(this.root, name, 'run.json');
      const info = statSync(file, { throwIfNoEntry: false });
      if (!info?.isFile()) continue;
      const known = this.entries.get(name);
      if (known && known.mtimeMs === info.mtimeMs && known.size === info.size)
        next.set(name, known);
      else toRead.push({ name, file, mtimeMs: info.mtimeMs, size: info.size });
    }
    for (let start = 0; start < toRead.length; start += READ_CONCURRENCY) {
      changed = true;
      await Promise.all(
        toRead.slice(start, start + READ_CONCURRENCY).map(async ({ name, file, mtimeMs, size }) => {
          const summary = await readFile(file, 'utf8').then(
            (text) => summarizeRunJson(name, text, file),
            (error: unknown) => unreadableRun(name, errorMessage(error)),
          );
          next.set(name, { mtimeMs, size, summary });
        }),
      );
    }
    if (changed || next.size !== this.entries.size) {
      this.entries = next;
      this.listing = {
        runs: [...next.values()].map((entry) => entry.summary),
        version: this.listing.version + 1,
        rootExists: true,
      };
    } else if (!this.listing.rootExists) this.listing = { ...this.listing, rootExists: true };
    this.scannedAt = started;
    return this.listing;
  }
}
