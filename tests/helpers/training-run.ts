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

export interface TrainingOptions {
  /** The pipeline root (default: `runs` under the root). */
  readonly runsRoot?: string;
  /** Where to copy the run record (default: `training-run.json` under the root). */
  readonly runRecord?: string;
  /** More `NAME=VALUE` parameters; one the defaults set too replaces it. */
  readonly params?: readonly string[];
}

export async function trainOnChurnSample(
  root: string,
  options: TrainingOptions = {},
): Promise<TrainingRun> {
  const runRecord = options.runRecord ?? join(root, 'training-run.json');
  // The CLI refuses a parameter given twice: the options' values replace the defaults by name.
  const params = new Map(
    [
      'data_uri=data/churn_sample.csv',
      'target_column=Churn',
      'search_iterations=2',
      'min_accuracy=0.5',
      ...(options.params ?? []),
    ].map((param) => [param.slice(0, param.indexOf('=')), param]),
  );
  const result = await mlops([
    'run',
    '--local',
    'pipelines/training-pipeline.yaml',
    '--python',
    PYTHON,
    '--pipeline-root',
    options.runsRoot ?? join(root, 'runs'),
    '--run-record',
    runRecord,
    ...[...params.values()].flatMap((param) => ['--param', param]),
  ]);
  if (result.code !== 0) {
    throw new Error(
      `training run failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  const record = JSON.parse(await readFile(runRecord, 'utf8')) as { location: string };
  return { runRecord, runDir: record.location };
}
