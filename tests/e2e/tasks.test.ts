import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRunRecord, type RunRecord } from '../../src/core/run-record.js';
import { mlops } from '../helpers/cli.js';
import { REPO_ROOT, tempDir } from '../helpers/paths.js';
import { startPredictionServer } from '../helpers/prediction-server.js';
import { PYTHON, pythonWithSklearn } from '../helpers/services.js';

/**
 * Regression and multi-class with the reference components, as a user runs them through dist/:
 * the training pipeline (task and models as parameters), the gate on its metrics, batch
 * prediction from its run record, and the prediction server on the model it packaged.
 */

const TRAINING = path.join(REPO_ROOT, 'pipelines/training-pipeline.yaml');
const BATCH = path.join(REPO_ROOT, 'pipelines/batch-prediction-pipeline.yaml');

interface Case {
  readonly name: string;
  readonly data: string;
  readonly params: readonly string[];
  readonly passing: string;
  readonly failing: string;
  /** What one served prediction looks like. */
  readonly served: (prediction: unknown) => void;
  /** What the batch predictions' header holds. */
  readonly columns: readonly string[];
}

const CASES: readonly Case[] = [
  {
    name: 'regression (diabetes progression)',
    data: 'data/diabetes.csv',
    params: ['task=regression', 'target_column=progression'],
    passing: 'r2 >= 0.2',
    failing: 'rmse <= 10',
    served: (prediction) => expect(typeof prediction).toBe('number'),
    columns: ['row_key', 'predicted_value', 'model_version', 'predicted_at'],
  },
  {
    name: 'multi-class (wine cultivars)',
    data: 'data/wine.csv',
    params: ['task=classification', 'target_column=cultivar'],
    passing: 'accuracy >= 0.8',
    failing: 'accuracy >= 1.01',
    served: (prediction) =>
      expect(Object.keys((prediction as { probabilities: object }).probabilities).sort()).toEqual([
        'class_0',
        'class_1',
        'class_2',
      ]),
    columns: ['row_key', 'predicted_label'],
  },
];

async function run(pipeline: string, params: readonly string[], root: string): Promise<RunRecord> {
  const recordFile = path.join(root, `${path.basename(pipeline, '.yaml')}.json`);
  const result = await mlops([
    'run',
    '--local',
    pipeline,
    '--python',
    PYTHON,
    '--pipeline-root',
    path.join(root, 'runs'),
    '--run-record',
    recordFile,
    ...params.flatMap((param) => ['--param', param]),
  ]);
  expect(result.code, result.stderr.slice(-3000)).toBe(0);
  return parseRunRecord(JSON.parse(await readFile(recordFile, 'utf8')), recordFile);
}

describe.skipIf(!pythonWithSklearn())(
  'the reference components beyond binary classification',
  () => {
    it.each(CASES)(
      '$name: trained, gated, batch-scored and served',
      async ({ data, params, passing, failing, served, columns }) => {
        const root = await tempDir('tasks');
        const models = '["decision_tree", "random_forest"]';
        const training = await run(
          TRAINING,
          [`data_uri=${data}`, `models=${models}`, 'search_iterations=3', ...params],
          root,
        );
        const recordFile = path.join(root, 'training-pipeline.json');

        const gate = await mlops(['gate', recordFile, '--rules', passing]);
        expect(gate.code, gate.stdout + gate.stderr).toBe(0);
        const refused = await mlops(['gate', recordFile, '--rules', failing]);
        expect(refused.code).toBe(1);

        const batch = await run(
          BATCH,
          [`model_source=${recordFile}`, `features_uri=${data}`],
          root,
        );
        const predictions = batch.tasks['batch-predict']?.artifacts.predictions?.[0]?.uri ?? '';
        const [header = '', first = ''] = (await readFile(predictions, 'utf8')).split('\n');
        for (const column of columns) expect(header.split(',')).toContain(column);
        expect(first).not.toBe('');

        const model =
          training.tasks['condition-1/package-model']?.artifacts.deployable_model?.[0]?.uri;
        expect(model, JSON.stringify(Object.keys(training.tasks))).toBeDefined();
        const [names = '', values = ''] = (
          await readFile(path.join(REPO_ROOT, 'pipelines', data), 'utf8')
        ).split('\n');
        const instance = Object.fromEntries(
          names
            .split(',')
            .slice(0, -1)
            .map((name, index) => [name, Number(values.split(',')[index])]),
        );
        const server = await startPredictionServer(model ?? '');
        try {
          const answer = await fetch(`${server.url}/predict`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ instances: [instance] }),
          });
          expect(answer.status, await answer.clone().text()).toBe(200);
          const body = (await answer.json()) as { predictions: unknown[] };
          expect(body.predictions).toHaveLength(1);
          served(body.predictions[0]);
        } finally {
          await server.stop();
        }
      },
      180_000,
    );
  },
);
