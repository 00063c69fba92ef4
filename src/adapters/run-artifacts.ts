import { access, open } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorMessage } from '../core/errors.js';
import {
  reportArtifactUris,
  type ArtifactText,
  type ReportArtifactUris,
} from '../core/run-report/report-artifacts.js';
import type { ReportArtifacts } from '../core/run-report/report-data.js';
import type { RunRecord } from '../core/run-record.js';
import type { CloudStorage } from './gcp/cloud-storage.js';

/**
 * Reads the artifact files a run report shows, wherever the run wrote them: a local path or
 * file:// URI (local runs), or gs:// through Cloud Storage (Vertex runs), as small text files
 * only. What cannot be read becomes the file's error, which the report shows as a warning.
 */

/** A report reads JSON and CSV summaries; anything larger is not one of them (a model, data). */
export const MAX_ARTIFACT_BYTES = 5 * 1024 * 1024;

export interface ArtifactReaderOptions {
  readonly env: NodeJS.ProcessEnv;
  /** The project whose credentials read gs:// URIs; defaults to the Vertex run's. */
  readonly project?: string;
  readonly onRetry?: (message: string) => void;
  readonly maxBytes?: number;
}

export class ArtifactReader {
  readonly #options: ArtifactReaderOptions;
  #storage: Promise<CloudStorage> | undefined;

  constructor(options: ArtifactReaderOptions) {
    this.#options = options;
  }

  /** The text of the file at `uri`, or why it could not be read. */
  async read(uri: string): Promise<ArtifactText> {
    try {
      const text = uri.startsWith('gs://') ? await this.#readGcs(uri) : await this.#readLocal(uri);
      return text === undefined ? { uri, error: 'it does not exist' } : { uri, text };
    } catch (error) {
      return { uri, error: errorMessage(error).split('\n')[0] ?? '' };
    }
  }

  get #maxBytes(): number {
    return this.#options.maxBytes ?? MAX_ARTIFACT_BYTES;
  }

  async #readLocal(uri: string): Promise<string | undefined> {
    const file = uri.startsWith('file://') ? fileURLToPath(uri) : uri;
    const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (!handle) return undefined;
    try {
      const { size } = await handle.stat();
      if (size > this.#maxBytes) throw new Error(`${file} is larger than ${this.#maxBytes} bytes`);
      return await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  }

  async #readGcs(uri: string): Promise<string | undefined> {
    this.#storage ??= (async () => {
      const { CloudStorage } = await import('./gcp/cloud-storage.js');
      const { env, project, onRetry } = this.#options;
      return CloudStorage.connect({
        project: project ?? env.GOOGLE_CLOUD_PROJECT ?? '',
        env,
        ...(onRetry ? { onRetry } : {}),
      });
    })();
    const storage = await this.#storage;
    return storage.readText(uri, this.#maxBytes);
  }
}

/** The project of a Vertex run, from its console link (`…?project=P`). */
export function projectOfRun(record: RunRecord): string | undefined {
  if (record.backend !== 'vertex') return undefined;
  try {
    return new URL(record.location).searchParams.get('project') ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Each task's link: a local run's task.log relative to the folder the report is written in
 * (so the link works wherever the run folder and report travel together), or a Vertex run's
 * console page. The console has no link to one task, so every task links to the run's page.
 */
export async function taskLinks(
  record: RunRecord,
  reportDir: string,
): Promise<Record<string, string>> {
  const links: Record<string, string> = {};
  for (const task of Object.values(record.tasks)) {
    if (record.backend === 'vertex') {
      if (/^https:\/\//.test(record.location)) links[task.path] = record.location;
      continue;
    }
    const log = task.failure?.logFile ?? path.join(record.location, task.path, 'task.log');
    const found = await access(log).then(
      () => true,
      () => false,
    );
    if (found) links[task.path] = path.relative(reportDir, log).split(path.sep).join('/');
  }
  return links;
}

/** Everything `buildReportData` needs of a run besides its record, read now. */
export async function loadReportArtifacts(
  record: RunRecord,
  reader: ArtifactReader,
  reportDir: string,
): Promise<ReportArtifacts> {
  const uris = reportArtifactUris(record);
  const entries = await Promise.all(
    (Object.entries(uris) as Array<[keyof ReportArtifactUris, string]>).map(
      async ([part, uri]) => [part, await reader.read(uri)] as const,
    ),
  );
  return { ...Object.fromEntries(entries), links: await taskLinks(record, reportDir) };
}
