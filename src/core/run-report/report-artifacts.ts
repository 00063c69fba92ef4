import { z } from 'zod';
import { parseCsv } from '../csv.js';
import { modelArtifact, type RunRecord } from '../run-record.js';
import { formatZodIssues } from '../zod-issues.js';
import type {
  Curve,
  ReportDataProfile,
  ReportDriftFeature,
  ReportEvaluation,
} from './report-model.js';

/**
 * The artifact files a report reads, found in a run record by their output names, and parsed
 * from their text. A file that is absent, unreadable or not what its producer writes becomes a
 * warning of the report, never a failure: the rest of the run is still worth reading.
 */

/** An artifact file as the adapter read it: its text, or why it could not. */
export type ArtifactText =
  | { readonly uri: string; readonly text: string }
  | { readonly uri: string; readonly error: string };

/** Where the files a report reads are: URIs (a local path, file:// or gs://). */
export interface ReportArtifactUris {
  /** evaluate's `evaluation` artifact (evaluation.json). */
  readonly evaluation?: string;
  /** preprocess's `preprocess_report` (JSON). */
  readonly preprocessReport?: string;
  /** detect-drift's `feature_drift` table (CSV). */
  readonly featureDrift?: string;
  /** The run's model's metadata.json (framework and Python versions, sha256). */
  readonly modelMetadata?: string;
}

/** The first URI of output `name` among the succeeded tasks, by task path. */
function outputUri(record: RunRecord, name: string): string | undefined {
  const tasks = Object.values(record.tasks)
    .filter((task) => task.state === 'SUCCEEDED')
    .sort((a, b) => compareText(a.path, b.path));
  for (const task of tasks) {
    const uri = task.artifacts[name]?.[0]?.uri;
    if (uri) return uri;
  }
  return undefined;
}

/** The files of `record` a report reads; none of them has to exist. */
export function reportArtifactUris(record: RunRecord): ReportArtifactUris {
  const model = (() => {
    try {
      return modelArtifact(record, undefined).artifact.uri;
    } catch {
      // No model, or several and none packaged: the facts come from the record alone.
      return undefined;
    }
  })();
  const uris: Record<string, string | undefined> = {
    evaluation: outputUri(record, 'evaluation'),
    preprocessReport: outputUri(record, 'preprocess_report'),
    featureDrift: outputUri(record, 'feature_drift'),
    modelMetadata: model ? `${model.replace(/\/+$/, '')}/metadata.json` : undefined,
  };
  return Object.fromEntries(
    Object.entries(uris).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** Code-point order: the same in every locale, so the same run gives the same bytes. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const CurveSchema = z.object({
  label: z.string(),
  x: z.array(z.number()),
  y: z.array(z.number()),
  thresholds: z.array(z.number()).optional(),
});

const EvaluationSchema = z.object({
  schema_version: z.literal(1),
  task: z.enum(['binary', 'multiclass', 'regression']),
  model: z.string(),
  primary_metric: z.string(),
  rows: z.number().int().nonnegative(),
  metrics: z.record(z.string(), z.number()),
  intervals: z.record(z.string(), z.tuple([z.number(), z.number()])).default({}),
  classes: z.array(z.string()).optional(),
  positive_class: z.string().optional(),
  confusion_matrix: z.array(z.array(z.number())).optional(),
  threshold: z.number().optional(),
  roc: z.array(CurveSchema).optional(),
  precision_recall: z.array(CurveSchema).optional(),
  calibration: z.array(CurveSchema.extend({ count: z.array(z.number()).optional() })).optional(),
  predicted_vs_actual: z
    .object({ actual: z.array(z.number()), predicted: z.array(z.number()) })
    .optional(),
  residuals: z.object({ edges: z.array(z.number()), counts: z.array(z.number()) }).optional(),
  feature_importances: z
    .array(z.object({ feature: z.string(), importance: z.number(), std: z.number() }))
    .optional(),
  candidates: z
    .array(
      z.object({
        name: z.string(),
        cv_score: z.number(),
        metrics: z.record(z.string(), z.number()),
        chosen: z.boolean(),
      }),
    )
    .default([]),
});

const PreprocessReportSchema = z.looseObject({
  rows_in: z.number(),
  train_rows: z.number().optional(),
  test_rows: z.number().optional(),
  target_column: z.string().optional(),
  task: z.string().optional(),
  class_balance: z
    .looseObject({ all: z.record(z.string(), z.looseObject({ count: z.number() })) })
    .optional(),
  feature_columns: z.array(
    z.looseObject({
      name: z.string(),
      kind: z.string(),
      missing: z.number(),
      distinct: z.number().optional(),
    }),
  ),
  dropped_columns: z
    .array(z.union([z.string(), z.looseObject({ name: z.string(), reason: z.string() })]))
    .default([]),
});

/** A parsed artifact, or the warning that says why it is left out. */
export type Parsed<T> = { readonly value: T } | { readonly warning: string };

function parseJsonArtifact<S extends z.ZodType>(
  file: ArtifactText,
  what: string,
  schema: S,
): Parsed<z.output<S>> {
  if ('error' in file) return { warning: `${what} (${file.uri}) could not be read: ${file.error}` };
  let json: unknown;
  try {
    json = JSON.parse(file.text);
  } catch (error) {
    return { warning: `${what} (${file.uri}) is not JSON: ${(error as Error).message}` };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const problems = formatZodIssues(parsed.error);
    return {
      warning: `${what} (${file.uri}) is not in the expected shape: ${problems.slice(0, 3).join('; ')}`,
    };
  }
  return { value: parsed.data };
}

const curves = (list: readonly z.output<typeof CurveSchema>[] | undefined): Curve[] | undefined =>
  list?.map((curve) => ({
    label: curve.label,
    x: curve.x,
    y: curve.y,
    ...(curve.thresholds ? { thresholds: curve.thresholds } : {}),
  }));

/** evaluate's evaluation.json (snake_case) as the report's camelCase `ReportEvaluation`. */
export function parseEvaluation(file: ArtifactText): Parsed<ReportEvaluation> {
  const parsed = parseJsonArtifact(file, 'The evaluation', EvaluationSchema);
  if (!('value' in parsed)) return parsed;
  const e = parsed.value;
  const evaluation: ReportEvaluation = {
    task: e.task,
    model: e.model,
    primaryMetric: e.primary_metric,
    rows: e.rows,
    metrics: e.metrics,
    intervals: e.intervals,
    ...(e.classes ? { classes: e.classes } : {}),
    ...(e.positive_class !== undefined ? { positiveClass: e.positive_class } : {}),
    ...(e.confusion_matrix ? { confusionMatrix: e.confusion_matrix } : {}),
    ...(e.threshold !== undefined ? { threshold: e.threshold } : {}),
    ...(e.roc ? { roc: curves(e.roc) } : {}),
    ...(e.precision_recall ? { precisionRecall: curves(e.precision_recall) } : {}),
    ...(e.calibration ? { calibration: curves(e.calibration) } : {}),
    ...(e.predicted_vs_actual ? { predictedVsActual: e.predicted_vs_actual } : {}),
    ...(e.residuals ? { residuals: e.residuals } : {}),
    ...(e.feature_importances
      ? {
          featureImportances: [...e.feature_importances].sort(
            (a, b) => b.importance - a.importance || compareText(a.feature, b.feature),
          ),
        }
      : {}),
    candidates: e.candidates.map((candidate) => ({
      name: candidate.name,
      cvScore: candidate.cv_score,
      metrics: candidate.metrics,
      chosen: candidate.chosen,
    })),
  };
  return { value: evaluation };
}

/** preprocess's preprocess_report as the data profile. */
export function parseDataProfile(file: ArtifactText): Parsed<ReportDataProfile> {
  const parsed = parseJsonArtifact(file, 'The preprocess report', PreprocessReportSchema);
  if (!('value' in parsed)) return parsed;
  const report = parsed.value;
  const balance = report.class_balance?.all;
  return {
    value: {
      rows: report.rows_in,
      ...(report.train_rows !== undefined ? { trainRows: report.train_rows } : {}),
      ...(report.test_rows !== undefined ? { testRows: report.test_rows } : {}),
      ...(report.target_column ? { target: report.target_column } : {}),
      ...(report.task ? { task: report.task } : {}),
      columns: report.feature_columns.map((column) => ({
        name: column.name,
        kind: column.kind,
        missing: column.missing,
        ...(column.distinct !== undefined ? { distinct: column.distinct } : {}),
      })),
      ...(balance
        ? {
            classBalance: Object.fromEntries(
              Object.entries(balance).map(([name, entry]) => [name, entry.count]),
            ),
          }
        : {}),
      droppedColumns: report.dropped_columns.map((column) =>
        typeof column === 'string' ? column : `${column.name} (${column.reason})`,
      ),
    },
  };
}

/** Model metadata.json: the facts a reviewer checks (framework, Python, sha256). */
export function parseModelMetadata(file: ArtifactText): Parsed<Record<string, unknown>> {
  return parseJsonArtifact(file, 'The model metadata', z.record(z.string(), z.unknown()));
}

/** detect-drift's feature_drift table (CSV), drifted features first, then by name. */
export function parseDriftTable(file: ArtifactText): Parsed<ReportDriftFeature[]> {
  const what = `The drift table (${file.uri})`;
  if ('error' in file) return { warning: `${what} could not be read: ${file.error}` };
  const [header = [], ...rows] = parseCsv(file.text).filter((cells) =>
    cells.some((cell) => cell !== ''),
  );
  const missing = [
    'feature',
    'kind',
    'method',
    'statistic',
    'threshold',
    'drifted',
    'reason',
  ].filter((column) => !header.includes(column));
  if (missing.length > 0) return { warning: `${what} lacks the columns ${missing.join(', ')}` };
  const features: ReportDriftFeature[] = [];
  for (const cells of rows) {
    const cell = (name: string): string => cells[header.indexOf(name)] ?? '';
    const statistic = Number(cell('statistic'));
    const threshold = Number(cell('threshold'));
    const pValue = cell('p_value') === '' ? undefined : Number(cell('p_value'));
    if (!Number.isFinite(statistic) || !Number.isFinite(threshold)) {
      return { warning: `${what} has a row for ${cell('feature')} without numbers` };
    }
    features.push({
      feature: cell('feature'),
      kind: cell('kind'),
      method: cell('method'),
      statistic,
      threshold,
      ...(pValue !== undefined && Number.isFinite(pValue) ? { pValue } : {}),
      drifted: cell('drifted') === 'true',
      reason: cell('reason'),
    });
  }
  return {
    value: features.sort(
      (a, b) => Number(b.drifted) - Number(a.drifted) || compareText(a.feature, b.feature),
    ),
  };
}
