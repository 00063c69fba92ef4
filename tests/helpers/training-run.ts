/**
 * A real local run of the reference training pipeline on the churn sample (small search), through
 * the bundled CLI, for the tests of what comes after training: batch prediction and drift
 * monitoring take their model from its run record.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mlops } from './cli.js';
import { PYTHON } from './services.js';

export interface TrainingRun {
  /** The run record (run.json) of the finished run. */
  readonly runRecord: string;
  /** The run's folder (outputs of every task). */
  readonly runDir: string;
}

export async function trainOnChurnSample(root: string): Promise<TrainingRun> {
  const runRecord = join(root, 'training-run.json');
  const result = await mlops([
    'run',
    '--local',
    'pipelines/training-pipeline.yaml',
    '--python',
    PYTHON,
    '--pipeline-root',
    join(root, 'runs'),
    '--run-record',
    runRecord,
    '--param',
    'data_uri=data/churn_sample.csv',
    '--param',
    'target_column=Churn',
    '--param',
    'search_iterations=2',
    '--param',
    'min_accuracy=0.5',
  ]);
  if (result.code !== 0) {
    throw new Error(
      `training run failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  const record = JSON.parse(await readFile(runRecord, 'utf8')) as { location: string };
  return { runRecord, runDir: record.location };
}
