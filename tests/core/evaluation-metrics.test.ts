import { describe, expect, it } from 'vitest';
import {
  CLASSIFICATION_METRICS_SCHEMA,
  evaluationImport,
  evaluationMetrics,
  REGRESSION_METRICS_SCHEMA,
  RUN_METRICS_KEY,
} from '../../src/core/gcp/evaluation-metrics.js';

describe('a run’s metrics as a Vertex AI model evaluation', () => {
  it('puts only the classification schema’s fields in metrics, and every metric in metadata', () => {
    const run = { accuracy: 0.95, f1: 0.96, roc_auc: 0.99, log_loss: 0.12 };
    const evaluation = evaluationImport(run);
    expect(evaluation.metricsSchemaUri).toBe(CLASSIFICATION_METRICS_SCHEMA);
    expect(evaluation.metrics).toEqual({ auRoc: 0.99, logLoss: 0.12 });
    expect(evaluation.runMetrics).toEqual(run);
  });

  it('uses the regression schema for a regression run', () => {
    const evaluation = evaluationImport({ rmse: 2.5, mae: 1.9, r2: 0.81, max_error: 9 });
    expect(evaluation.metricsSchemaUri).toBe(REGRESSION_METRICS_SCHEMA);
    expect(evaluation.metrics).toEqual({
      rootMeanSquaredError: 2.5,
      meanAbsoluteError: 1.9,
      rSquared: 0.81,
    });
  });

  it('uses the regression schema for the reference evaluate’s regression run (roc_auc output 0)', () => {
    const evaluation = evaluationImport({
      rmse: 53.1,
      mae: 43.2,
      r2: 0.47,
      accuracy: 0,
      roc_auc: 0,
    });
    expect(evaluation.metricsSchemaUri).toBe(REGRESSION_METRICS_SCHEMA);
    expect(evaluation.metrics).toEqual({
      rootMeanSquaredError: 53.1,
      meanAbsoluteError: 43.2,
      rSquared: 0.47,
    });
  });

  it('leaves out values the schema cannot hold (NaN, infinities)', () => {
    expect(evaluationImport({ roc_auc: Number.NaN, log_loss: Infinity }).metrics).toEqual({});
  });

  it('reads the metrics back under the pipeline’s names, for the next gate', () => {
    const stored = evaluationImport({ accuracy: 0.95, roc_auc: 0.99 });
    expect(
      evaluationMetrics(stored.metrics, { run: 'r1', [RUN_METRICS_KEY]: stored.runMetrics }),
    ).toEqual({ accuracy: 0.95, roc_auc: 0.99 });
    // An evaluation another tool imported: its schema fields, translated.
    expect(evaluationMetrics({ auRoc: 0.9, auPrc: 0.8 }, {})).toEqual({
      roc_auc: 0.9,
      auc: 0.9,
      pr_auc: 0.8,
      average_precision: 0.8,
    });
    expect(evaluationMetrics({}, { [RUN_METRICS_KEY]: { note: 'x', f1: 0.5 } })).toEqual({
      f1: 0.5,
    });
  });
});
