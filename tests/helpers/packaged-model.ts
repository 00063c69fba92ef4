/**
 * A real deployable model folder (model.joblib + metadata.json), made by running the pipeline
 * components by hand on the churn sample with a small search, for the serving tests.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProcessResult } from './cli.js';
import { REPO_ROOT } from './paths.js';
import { PYTHON } from './services.js';

export type { ProcessResult } from './cli.js';

/** The Python sources (components, serving, cloud): the working directory and PYTHONPATH. */
export const PIPELINES = join(REPO_ROOT, 'pipelines');

export function pythonEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('AIP_')) delete env[key];
  return { ...env, PYTHONPATH: PIPELINES, PYTHONDONTWRITEBYTECODE: '1', ...extra };
}

export function runPython(
  args: string[],
  env: Record<string, string> = {},
): Promise<ProcessResult> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      PYTHON,
      args,
      { cwd: PIPELINES, env: pythonEnv(env), maxBuffer: 16 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(
            new Error(`${PYTHON} ${args.join(' ')} failed to run: ${error.message}\n${stderr}`),
          );
          return;
        }
        resolvePromise({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

/** Runs one component (`components.<module>`) with its arguments; throws when it fails. */
export type ComponentRunner = (module: string, args: string[]) => Promise<void>;

async function component(module: string, args: string[]): Promise<void> {
  const result = await runPython(['-m', `components.${module}`, ...args]);
  if (result.code !== 0) throw new Error(`${module} exited with ${result.code}:\n${result.stderr}`);
}

/**
 * A deployable model folder (model.joblib + metadata.json) from the real components, run with
 * this machine's Python unless another runner (e.g. inside the training image) is given.
 */
export async function packageModel(
  dir: string,
  run: ComponentRunner = component,
): Promise<{ model: string; testCsv: string }> {
  const file = (name: string): string => join(dir, name);
  await run('load_data', ['--source-uri', 'data/churn_sample.csv', '--dataset', file('raw.csv')]);
  await run('preprocess', [
    ...['--raw-data', file('raw.csv'), '--target-column', 'Churn'],
    ...['--train-data', file('train.csv'), '--test-data', file('test.csv')],
    ...['--preprocess-report', file('report.json')],
  ]);
  await run('train', [
    ...['--models', '["random_forest"]', '--search-iterations', '2', '--cv-folds', '2'],
    ...['--train-data', file('train.csv'), '--preprocess-report', file('report.json')],
    ...['--model', file('trained')],
  ]);
  await writeFile(file('metrics.json'), JSON.stringify({ accuracy: 0.8, roc_auc: 0.85 }));
  await run('package_model', [
    ...['--model', join(file('trained'), 'random_forest'), '--metrics', file('metrics.json')],
    ...['--model-name', 'random_forest', '--deployable-model', file('deployable')],
    ...['--model-card', file('card.md')],
  ]);
  return { model: file('deployable'), testCsv: file('test.csv') };
}

/** The model's own predict_proba on the first `count` rows of a preprocessed CSV, read as train reads them. */
const REFERENCE_SCRIPT = `
import json, sys
import joblib
from components.common import read_features
model_dir, csv_path, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
schema = json.load(open(model_dir + "/metadata.json"))["feature_schema"]
frame = read_features(csv_path, {f["name"]: f["kind"] for f in schema}).head(count)
model = joblib.load(model_dir + "/model.joblib")
print(json.dumps(model.predict_proba(frame[[f["name"] for f in schema]]).tolist()))
`;

export async function referenceProbabilities(
  model: string,
  csv: string,
  count: number,
): Promise<number[][]> {
  const result = await runPython(['-c', REFERENCE_SCRIPT, model, csv, String(count)]);
  if (result.code !== 0) throw new Error(`reference scoring failed:\n${result.stderr}`);
  return JSON.parse(result.stdout) as number[][];
}

/** One entry of a packaged model's `feature_schema` (metadata.json). */
export interface Feature {
  name: string;
  kind: 'numeric' | 'categorical';
}

export type FeatureValue = string | number | null;

/**
 * The first `count` rows of a preprocessed CSV as array instances in the schema's order: empty
 * cells as null, numeric features as numbers (no quoted commas in those files).
 */
export async function arrayInstances(
  csv: string,
  schema: readonly Feature[],
  count: number,
): Promise<FeatureValue[][]> {
  const [header = '', ...rows] = (await readFile(csv, 'utf8')).split(/\r?\n/).filter(Boolean);
  const columns = header.split(',');
  return rows.slice(0, count).map((line) => {
    const cells = line.split(',');
    return schema.map((feature): FeatureValue => {
      const cell = cells[columns.indexOf(feature.name)] ?? '';
      if (cell === '') return null;
      return feature.kind === 'numeric' ? Number(cell) : cell;
    });
  });
}
