import path from 'node:path';
import { VertexServing } from '../adapters/gcp/vertex-serving.js';
import { UserError } from '../core/errors.js';
import type { Metrics } from '../core/gate.js';
import { MetricsSchema, parseRunRecord, taskMetrics, type RunRecord } from '../core/run-record.js';
import { formatZodIssues } from '../core/zod-issues.js';
import { parseFields, type CommandContext, type RawInputs } from './command.js';
import { parseGoogleLocation, readJsonFile, type GoogleLocation } from './google-inputs.js';
import { CHAMPION_ALIAS, modelLabel, parseModelName } from './model-inputs.js';

/**
 * The model a candidate is compared with, for gate and report: the registry model's version
 * aliased champion (its evaluation's metrics), or a file (a run record, or metric → number).
 */

export type ChampionSource =
  | { readonly kind: 'none' }
  | { readonly kind: 'file'; readonly file: string }
  | { readonly kind: 'vertex'; readonly model: string; readonly location: GoogleLocation };

export interface Champion {
  readonly metrics: Metrics;
  /** Where they came from: a model version or a file. */
  readonly source: string;
  /** When the file is a run record: the record, whose artifacts hold its curves. */
  readonly record?: RunRecord;
}

/**
 * The champion the inputs name: `model` (with project-id and region) or the file input
 * `fileInput`, not both. Parsed with the command's other inputs (`command` names it in errors).
 */
export function parseChampionSource(
  raw: RawInputs,
  context: CommandContext,
  command: string,
  fileInput: string,
): ChampionSource {
  const modelName = raw.string('model')?.trim();
  const championFile = raw.string(fileInput)?.trim();
  if (modelName && championFile) {
    throw new UserError(`Give either model or ${fileInput}, not both`, {
      fix: `Use model to compare with the registry champion, or ${fileInput} for a file.`,
    });
  }
  if (championFile) return { kind: 'file', file: path.resolve(context.cwd, championFile) };
  if (!modelName) return { kind: 'none' };
  return {
    kind: 'vertex',
    ...parseFields(command, {
      model: () => parseModelName(modelName),
      location: () => parseGoogleLocation(raw, context, 'Champion lookups in the Model Registry'),
    }),
  };
}

export async function findChampion(
  source: ChampionSource,
  metricsTask: string | undefined,
  context: CommandContext,
): Promise<Champion | undefined> {
  const { ui } = context;
  if (source.kind === 'none') {
    ui.info('No champion given (model or champion-metrics): rules naming the champion pass.');
    return undefined;
  }
  if (source.kind === 'file') return championFromFile(source.file, metricsTask, context.cwd);
  const serving = await VertexServing.connect({
    ...source.location,
    env: context.env,
    onRetry: (message) => ui.warning(message),
    operationTimeoutMs: 60_000,
  });
  try {
    const [model, ...others] = await serving.findModels(...modelLabel(source.model));
    if (!model) {
      ui.info(`No model "${source.model}" in the Model Registry yet: this is the first champion.`);
      return undefined;
    }
    if (others.length > 0) {
      throw new UserError(
        `Several models are labelled ${modelLabel(source.model).join('=')}: ${[model, ...others].map((m) => m.model).join(', ')}`,
        { fix: 'Remove the label from all but one of them.' },
      );
    }
    const version = await serving.getVersion(`${model.model}@${CHAMPION_ALIAS}`);
    if (!version) {
      ui.info(`${model.model} has no version aliased "${CHAMPION_ALIAS}" yet: no champion.`);
      return undefined;
    }
    const evaluation = await serving.latestEvaluation(version.versionName);
    if (!evaluation) {
      ui.warning(
        `Champion ${version.versionName} has no evaluation metrics: rules naming the champion fail.`,
      );
    }
    ui.info(`Champion: ${version.versionName} (${version.displayName})`);
    return { metrics: evaluation?.metrics ?? {}, source: version.versionName };
  } finally {
    await serving.close();
  }
}

async function championFromFile(
  file: string,
  metricsTask: string | undefined,
  cwd: string,
): Promise<Champion> {
  const display = path.relative(cwd, file) || file;
  const parsed = await readJsonFile(
    file,
    cwd,
    'Champion metrics',
    'a run record or a JSON object of metric name to number',
  );
  if (parsed !== null && typeof parsed === 'object' && 'recordVersion' in parsed) {
    const record = parseRunRecord(parsed, display);
    return { metrics: taskMetrics(record.metrics, metricsTask).metrics, source: display, record };
  }
  const metrics = MetricsSchema.safeParse(parsed);
  if (!metrics.success || Object.keys(metrics.data).length === 0) {
    throw new UserError(`Champion metrics ${display} must map metric names to numbers`, {
      details: metrics.success ? [] : formatZodIssues(metrics.error),
      fix: 'Write e.g. {"accuracy": 0.91, "f1": 0.9}, or pass a run record.',
    });
  }
  return { metrics: metrics.data, source: display };
}
