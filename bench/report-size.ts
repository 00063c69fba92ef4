// The size of a run's HTML report (goal: under 1 MB) beside what it summarises: the run record,
// the task logs and the artifact files it reads, which a reviewer would download otherwise.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ArtifactReader, loadReportArtifacts } from '../src/adapters/run-artifacts.js';
import { reportArtifactUris } from '../src/core/run-report/report-artifacts.js';
import { buildReportData } from '../src/core/run-report/report-data.js';
import { renderReportHtml } from '../src/core/run-report/report-html.js';
import { median, runLocal, timed } from './measure.js';

export interface ReportSize {
  readonly reportBytes: number;
  /** run.json, every task.log and the files the report reads. */
  readonly summarisedBytes: number;
  readonly summarisedFiles: number;
  /** Median time to read the artifacts, build the data and render the page. */
  readonly makeMs: number;
  readonly charts: number;
}

async function logFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /^task(\.attempt-\d+)?\.log$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Runs the reference pipeline under `root` (no cache) and reports on it. */
export async function measureReportSize(root: string): Promise<ReportSize> {
  const record = await runLocal(root, false);
  const make = async (): Promise<string> => {
    const reader = new ArtifactReader({ env: process.env });
    const artifacts = await loadReportArtifacts(record, reader, record.location);
    return renderReportHtml(buildReportData(record, artifacts));
  };
  const html = await make();
  const times: number[] = [];
  for (let i = 0; i < 10; i++) times.push(await timed(make));
  const files = [
    path.join(record.location, 'run.json'),
    ...(await logFiles(record.location)),
    ...(Object.values(reportArtifactUris(record)) as string[]),
  ];
  const sizes = await Promise.all(files.map(async (file) => (await stat(file)).size));
  return {
    reportBytes: Buffer.byteLength(html),
    summarisedBytes: sizes.reduce((sum, size) => sum + size, 0),
    summarisedFiles: files.length,
    makeMs: median(times),
    charts: (html.match(/<svg[^>]*class="chart/g) ?? []).length,
  };
}
