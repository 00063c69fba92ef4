import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RunRecord, TaskRecord, TaskState } from '../../../src/core/run-record.js';

/**
 * A run record shaped like the reference training pipeline's (load-data → preprocess → train →
 * evaluate → condition-1 ⊃ package-model), and an evaluation file in evaluate's shape made with
 * scikit-learn on the breast-cancer data (a logistic regression; see the numbers inside).
 */

export const EVALUATION_TEXT = readFileSync(
  path.join(import.meta.dirname, 'evaluation-binary.json'),
  'utf8',
);

function task(
  taskPath: string,
  upstream: string[],
  extra: Partial<TaskRecord> = {},
  state: TaskState = 'SUCCEEDED',
): TaskRecord {
  return {
    path: taskPath,
    name: taskPath.split('/').at(-1) ?? taskPath,
    ...(upstream.length > 0 ? { upstream } : {}),
    state,
    cached: false,
    attempts: 1,
    durationMs: 1200,
    parameters: {},
    artifacts: {},
    ...extra,
  };
}

export function trainingRecord(
  options: { passed?: boolean; failTrain?: boolean; metrics?: Record<string, number> } = {},
): RunRecord {
  const passed = options.passed ?? true;
  const metrics = options.metrics ?? { accuracy: 0.9649, roc_auc: 0.996, f1: 0.9512 };
  const root = '/runs/training-pipeline-1';
  const tasks: Record<string, TaskRecord> = {
    'load-data': task('load-data', []),
    preprocess: task('preprocess', ['load-data'], {
      artifacts: {
        preprocess_report: [
          {
            name: 'preprocess_report',
            uri: `${root}/preprocess/preprocess_report`,
            schemaTitle: 'system.Artifact',
            metadata: {},
          },
        ],
      },
    }),
    train: task('train', ['preprocess'], {}, options.failTrain ? 'FAILED' : 'SUCCEEDED'),
    evaluate: task(
      'evaluate',
      ['preprocess', 'train'],
      {
        parameters: { passed, best_model_name: 'logistic_regression' },
        artifacts: {
          metrics: [
            {
              name: 'metrics',
              uri: `${root}/evaluate/metrics`,
              schemaTitle: 'system.Metrics',
              metadata: metrics,
            },
          ],
          evaluation: [
            {
              name: 'evaluation',
              uri: `${root}/evaluate/evaluation`,
              schemaTitle: 'system.Artifact',
              metadata: {},
            },
          ],
        },
      },
      options.failTrain ? 'NOT_TRIGGERED' : 'SUCCEEDED',
    ),
    'condition-1': task('condition-1', ['evaluate'], {}, passed ? 'SUCCEEDED' : 'SKIPPED'),
    'condition-1/package-model': task(
      'condition-1/package-model',
      [],
      {
        artifacts: {
          deployable_model: [
            {
              name: 'deployable_model',
              uri: `${root}/condition-1/package-model/deployable_model`,
              schemaTitle: 'system.Model',
              metadata: {
                framework: 'scikit-learn',
                framework_version: '1.2.1',
                model_type: 'logistic_regression',
              },
            },
          ],
        },
      },
      passed ? 'SUCCEEDED' : 'SKIPPED',
    ),
  };
  return {
    recordVersion: 1,
    producer: { name: 'mlops-platform', version: '0.1.0' },
    backend: 'local',
    runId: 'training-pipeline-1',
    pipelineName: 'training-pipeline',
    pipelineRoot: '/runs',
    parameters: { min_accuracy: 0.8, data_uri: 'data/breast_cancer.csv' },
    state: options.failTrain ? 'FAILED' : 'SUCCEEDED',
    startTime: '2026-12-05T08:00:00.000Z',
    endTime: '2026-12-05T08:00:09.000Z',
    durationMs: 9000,
    location: root,
    tasks,
    outputs: { best_model_name: 'logistic_regression' },
    metrics: options.failTrain ? {} : { evaluate: metrics },
  };
}
