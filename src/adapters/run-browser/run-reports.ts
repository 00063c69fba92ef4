import { reportArtifactUris } from '../../core/run-report/report-artifacts.js';
import {
  buildReportData,
  reportEvaluation,
  type ReportArtifacts,
} from '../../core/run-report/report-data.js';
import type { ReportData, ReportEvaluation } from '../../core/run-report/report-model.js';
import { artifactHref } from '../../core/run-browser/page-parts.js';
import type { RunRecord } from '../../core/run-record.js';
import { ArtifactReader, loadReportArtifacts } from '../run-artifacts.js';

/**
 * A run's report as the run browser shows it: the same data `mlops report` builds, from the
 * files in the run's folder (a local run's), with each task's log linked to its preview here. A
 * Vertex run's artifacts are in Cloud Storage, which the browser does not reach: its report is
 * built from the record alone.
 */

/** Reads local files only: nothing here has, or asks for, Google credentials. */
const reader = new ArtifactReader({ env: {} });

export async function runReportData(
  id: string,
  record: RunRecord,
  folder: string,
): Promise<ReportData> {
  if (record.backend !== 'local') return buildReportData(record, {});
  // Task logs are looked for where the run is now, which is not where it was written when the
  // root has moved; each is linked to its preview here.
  const artifacts = await loadReportArtifacts({ ...record, location: folder }, reader, folder);
  const browsable: ReportArtifacts = {
    ...artifacts,
    links: Object.fromEntries(
      Object.entries(artifacts.links ?? {}).map(([task, relative]) => [
        task,
        artifactHref(id, relative),
      ]),
    ),
  };
  return buildReportData(record, browsable);
}

/** A run's evaluation (curves, confusion matrix) for the comparison, when it wrote one. */
export async function runEvaluation(record: RunRecord): Promise<ReportEvaluation | undefined> {
  const uri = record.backend === 'local' ? reportArtifactUris(record).evaluation : undefined;
  return uri === undefined ? undefined : reportEvaluation(await reader.read(uri));
}
