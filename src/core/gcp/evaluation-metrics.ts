/**
 * A run's metrics as a Vertex AI ModelEvaluation. Vertex validates `metrics` against the
 * schema named by `metricsSchemaUri` and refuses anything else with "400 Invalid Metrics
 * Format" (googleapis/python-aiplatform#5570), so only the schema's own fields go there; every
 * metric, under the pipeline's names, also goes to the evaluation's `metadata`, where the next
 * gate reads the champion's metrics back.
 */

const SCHEMA_FOLDER = 'gs://google-cloud-aiplatform/schema/modelevaluation';
export const CLASSIFICATION_METRICS_SCHEMA = `${SCHEMA_FOLDER}/classification_metrics_1.0.0.yaml`;
export const REGRESSION_METRICS_SCHEMA = `${SCHEMA_FOLDER}/regression_metrics_1.0.0.yaml`;

/** The metadata key holding every metric of the run by its pipeline name. */
export const RUN_METRICS_KEY = 'runMetrics';

type Task = 'classification' | 'regression';

/** Pipeline metric names (sklearn's, as the components log them) → the schema's numeric fields. */
const SCHEMA_FIELDS: Readonly<Record<Task, Readonly<Record<string, string>>>> = {
  classification: {
    roc_auc: 'auRoc',
    auc: 'auRoc',
    pr_auc: 'auPrc',
    average_precision: 'auPrc',
    log_loss: 'logLoss',
  },
  regression: {
    rmse: 'rootMeanSquaredError',
    root_mean_squared_error: 'rootMeanSquaredError',
    mae: 'meanAbsoluteError',
    mean_absolute_error: 'meanAbsoluteError',
    mape: 'meanAbsolutePercentageError',
    mean_absolute_percentage_error: 'meanAbsolutePercentageError',
    r2: 'rSquared',
    rmsle: 'rootMeanSquaredLogError',
  },
};

export interface EvaluationImport {
  readonly metricsSchemaUri: string;
  /** Only fields the schema defines. */
  readonly metrics: Readonly<Record<string, number>>;
  /** Every metric by its pipeline name, plus the provenance the caller adds. */
  readonly runMetrics: Readonly<Record<string, number>>;
}

/**
 * Regression when the run logged regression metrics: a classifier logs no rmse or r2, while a
 * regression run may carry classification names too (the reference `evaluate` of 0.1.0 output
 * `roc_auc`, `accuracy` and `f1` as 0 for regression), which must not make it classification.
 */
function taskOf(metrics: Readonly<Record<string, number>>): Task {
  const names = Object.keys(metrics);
  return names.some((name) => name in SCHEMA_FIELDS.regression) ? 'regression' : 'classification';
}

export function evaluationImport(metrics: Readonly<Record<string, number>>): EvaluationImport {
  const task = taskOf(metrics);
  const fields = SCHEMA_FIELDS[task];
  const schemaMetrics: Record<string, number> = {};
  for (const [name, value] of Object.entries(metrics)) {
    const field = fields[name];
    if (field !== undefined && Number.isFinite(value)) schemaMetrics[field] = value;
  }
  return {
    metricsSchemaUri:
      task === 'regression' ? REGRESSION_METRICS_SCHEMA : CLASSIFICATION_METRICS_SCHEMA,
    metrics: schemaMetrics,
    runMetrics: { ...metrics },
  };
}

/**
 * A stored evaluation's metrics under the pipeline's names: the run's own (from the metadata),
 * else the schema fields translated back (an evaluation imported by another tool).
 */
export function evaluationMetrics(
  metrics: Readonly<Record<string, unknown>>,
  metadata: Readonly<Record<string, unknown>>,
): Record<string, number> {
  const numbers: Record<string, number> = {};
  const stored = metadata[RUN_METRICS_KEY];
  if (stored !== null && typeof stored === 'object') {
    for (const [name, value] of Object.entries(stored as Record<string, unknown>))
      if (typeof value === 'number') numbers[name] = value;
    return numbers;
  }
  for (const fields of Object.values(SCHEMA_FIELDS)) {
    for (const [name, field] of Object.entries(fields)) {
      const value = metrics[field];
      if (typeof value === 'number') numbers[name] = value;
    }
  }
  return numbers;
}
