import { describe, expect, it } from 'vitest';
import { reportArtifactUris } from '../../../src/core/run-report/report-artifacts.js';
import { buildReportData } from '../../../src/core/run-report/report-data.js';
import type { RunRecord } from '../../../src/core/run-record.js';
import { EVALUATION_TEXT, trainingRecord } from './report-fixtures.js';

const evaluationFile = {
  uri: '/runs/training-pipeline-1/evaluate/evaluation',
  text: EVALUATION_TEXT,
};

describe('buildReportData: the pipeline', () => {
  it('makes every task a node and every dependency an edge, sub-DAGs as groups', () => {
    const { dag } = buildReportData(trainingRecord(), {});
    expect(dag.nodes.map((node) => node.id)).toEqual([
      'load-data',
      'preprocess',
      'train',
      'evaluate',
      'condition-1',
      'condition-1/package-model',
    ]);
    expect(dag.edges).toEqual([
      { from: 'load-data', to: 'preprocess' },
      { from: 'preprocess', to: 'train' },
      { from: 'preprocess', to: 'evaluate' },
      { from: 'train', to: 'evaluate' },
      { from: 'evaluate', to: 'condition-1' },
    ]);
    const group = dag.nodes.find((node) => node.id === 'condition-1');
    const inside = dag.nodes.find((node) => node.id === 'condition-1/package-model');
    expect(group).toMatchObject({ group: true });
    expect(group?.parent).toBeUndefined();
    expect(inside).toMatchObject({ group: false, parent: 'condition-1', label: 'package-model' });
  });

  it('resolves upstream names given within a sub-DAG, and drops names of no task', () => {
    const record = trainingRecord();
    const tasks = {
      ...record.tasks,
      'condition-1/push': {
        ...record.tasks['condition-1/package-model']!,
        path: 'condition-1/push',
        name: 'push',
        upstream: ['package-model', 'nowhere'],
      },
    };
    const { dag } = buildReportData({ ...record, tasks }, {});
    expect(dag.edges).toContainEqual({ from: 'condition-1/package-model', to: 'condition-1/push' });
    expect(dag.edges.some((edge) => edge.from.includes('nowhere'))).toBe(false);
  });

  it('links each task to what the adapter found', () => {
    const { dag } = buildReportData(trainingRecord(), {
      links: { train: 'train/task.log' },
    });
    expect(dag.nodes.find((node) => node.id === 'train')?.link).toBe('train/task.log');
    expect(dag.nodes.find((node) => node.id === 'evaluate')?.link).toBeUndefined();
  });
});

describe('buildReportData: the verdict', () => {
  it('passes a succeeded run whose evaluate passed, saying the bar in words', () => {
    const data = buildReportData(trainingRecord(), { evaluation: evaluationFile });
    expect(data.verdict).toEqual({
      passed: true,
      headline: 'Passed: logistic_regression, accuracy 0.9649 ≥ 0.8000 (min_accuracy)',
    });
  });

  it('does not pass a run below the bar', () => {
    const data = buildReportData(
      trainingRecord({ passed: false, metrics: { accuracy: 0.61 } }),
      {},
    );
    expect(data.verdict).toEqual({
      passed: false,
      headline:
        'Did not pass the quality bar: logistic_regression, accuracy 0.6100 < 0.8000 (min_accuracy)',
    });
  });

  it('writes both sides of the bar to the same places, whole numbers too', () => {
    const record = trainingRecord({ metrics: { accuracy: 1 } });
    const data = buildReportData({ ...record, parameters: { min_accuracy: 1 } }, {});
    expect(data.verdict.headline).toBe(
      'Passed: logistic_regression, accuracy 1.0000 ≥ 1.0000 (min_accuracy)',
    );
  });

  it('heads a drift run with what it found: drift fails the check, none passes it', () => {
    const base = trainingRecord();
    // A drift check's run: no quality bar, only the drift table.
    const tasks = Object.fromEntries(
      Object.entries(base.tasks).map(([path, task]) => {
        const parameters = Object.fromEntries(
          Object.entries(task.parameters).filter(([name]) => name !== 'passed'),
        );
        return [path, { ...task, parameters }];
      }),
    );
    const record: RunRecord = { ...base, tasks, parameters: {} };
    const header = 'feature,kind,method,statistic,threshold,p_value,alpha,drifted,reason';
    const table = (drifted: boolean[]): string =>
      [header, ...drifted.map((each, i) => `f${i},numeric,psi,0.3,0.2,0.001,0.0025,${each},`)].join(
        '\n',
      );
    const verdict = (drifted: boolean[]): unknown =>
      buildReportData(record, { featureDrift: { uri: 'd', text: `${table(drifted)}\n` } }).verdict;
    expect(verdict([true, false, true])).toEqual({
      passed: false,
      headline: 'Drift in 2 features',
    });
    expect(verdict([true])).toEqual({ passed: false, headline: 'Drift in 1 feature' });
    expect(verdict([false, false])).toEqual({ passed: true, headline: 'No drift' });
  });

  it('names the task a failed run failed in', () => {
    const data = buildReportData(trainingRecord({ failTrain: true }), {});
    expect(data.verdict).toEqual({ passed: false, headline: 'Failed: task train failed' });
  });
});

describe('buildReportData: artifacts', () => {
  it('reads the evaluation into camelCase, curves and all', () => {
    const data = buildReportData(trainingRecord(), { evaluation: evaluationFile });
    const parsed = JSON.parse(EVALUATION_TEXT) as {
      metrics: Record<string, number>;
      roc: Array<{ x: number[] }>;
    };
    expect(data.warnings).toEqual([]);
    expect(data.evaluation).toMatchObject({
      task: 'binary',
      model: 'logistic_regression',
      primaryMetric: 'roc_auc',
      positiveClass: 'malignant',
      metrics: parsed.metrics,
    });
    expect(data.evaluation?.roc?.[0]?.x).toEqual(parsed.roc[0]?.x);
    expect(data.evaluation?.featureImportances?.map((entry) => entry.feature)).toEqual([
      'worst area',
      'worst radius',
      'mean texture',
    ]);
    expect(data.evaluation?.candidates.find((candidate) => candidate.chosen)?.cvScore).toBe(0.99);
  });

  it('cuts a long curve to about 500 points', () => {
    const steps = 5000;
    const x = Array.from({ length: steps }, (_, index) => index / (steps - 1));
    const long = JSON.parse(EVALUATION_TEXT) as Record<string, unknown>;
    long.roc = [{ label: 'malignant', x, y: x.map(Math.sqrt), thresholds: x.map((v) => 1 - v) }];
    const data = buildReportData(trainingRecord(), {
      evaluation: { uri: 'e', text: JSON.stringify(long) },
    });
    const curve = data.evaluation?.roc?.[0];
    expect(curve?.x.length).toBeLessThanOrEqual(520);
    expect(curve?.x.length).toBeGreaterThan(100);
    expect(curve?.thresholds?.length).toBe(curve?.x.length);
  });

  it('turns a broken or missing evaluation into a warning, and still reports the run', () => {
    const cases = [
      { uri: 'a', text: '{"schema_version": 1, "task": "binary"' },
      { uri: 'b', text: JSON.stringify({ schema_version: 1, task: 'clustering' }) },
      { uri: 'c', error: 'it does not exist' },
    ];
    const warnings = cases.map(
      (evaluation) => buildReportData(trainingRecord(), { evaluation }).warnings,
    );
    expect(warnings[0]?.[0]).toMatch(/^The evaluation \(a\) is not JSON: /);
    expect(warnings[1]?.[0]).toMatch(/^The evaluation \(b\) is not in the expected shape: /);
    expect(warnings[2]).toEqual(['The evaluation (c) could not be read: it does not exist']);
    const data = buildReportData(trainingRecord(), { evaluation: cases[0]! });
    expect(data.evaluation).toBeUndefined();
    expect(data.dag.nodes).toHaveLength(6);
  });

  it('profiles the data from the preprocess report', () => {
    const report = {
      rows_in: 569,
      train_rows: 455,
      test_rows: 114,
      target_column: 'diagnosis',
      task: 'binary',
      class_balance: {
        all: { benign: { code: 0, count: 357, share: 0.63 }, malignant: { code: 1, count: 212 } },
      },
      feature_columns: [{ name: 'mean radius', kind: 'numeric', missing: 2, distinct: 456 }],
      dropped_columns: [{ name: 'id', reason: 'identifier-like name' }],
    };
    const data = buildReportData(trainingRecord(), {
      preprocessReport: { uri: 'p', text: JSON.stringify(report) },
    });
    expect(data.data).toEqual({
      rows: 569,
      trainRows: 455,
      testRows: 114,
      target: 'diagnosis',
      task: 'binary',
      columns: [{ name: 'mean radius', kind: 'numeric', missing: 2, distinct: 456 }],
      classBalance: { benign: 357, malignant: 212 },
      droppedColumns: ['id (identifier-like name)'],
    });
  });

  it("reads detect-drift's table, drifted features first", () => {
    const csv = [
      'feature,kind,method,statistic,threshold,p_value,alpha,drifted,reason,psi',
      'tenure,numeric,psi,0.01,0.2,0.9,0.0025,false,,0.01',
      '"Contract, type",categorical,psi,0.8,0.2,1e-9,0.0025,true,"PSI 0.8 > 0.2, p < 0.0025",0.8',
    ].join('\n');
    const record: RunRecord = { ...trainingRecord(), parameters: {} };
    const data = buildReportData(record, { featureDrift: { uri: 'd', text: `${csv}\n` } });
    expect(data.drift).toEqual([
      {
        feature: 'Contract, type',
        kind: 'categorical',
        method: 'psi',
        statistic: 0.8,
        threshold: 0.2,
        pValue: 1e-9,
        drifted: true,
        reason: 'PSI 0.8 > 0.2, p < 0.0025',
      },
      {
        feature: 'tenure',
        kind: 'numeric',
        method: 'psi',
        statistic: 0.01,
        threshold: 0.2,
        pValue: 0.9,
        drifted: false,
        reason: '',
      },
    ]);
    const header = buildReportData(record, { featureDrift: { uri: 'd', text: 'feature,psi\n' } });
    expect(header.warnings).toEqual([
      'The drift table (d) lacks the columns kind, method, statistic, threshold, drifted, reason',
    ]);
  });

  it('lists the facts a reviewer checks, the metadata file over the record', () => {
    const record = { ...trainingRecord(), gitCommit: 'a'.repeat(40) };
    record.tasks.train!.image = 'mlops-training:latest';
    const metadata = {
      python_version: '3.11.2',
      model_sha256: 'b'.repeat(64),
      library_versions: { pandas: '1.5.3', 'scikit-learn': '1.2.1' },
    };
    const data = buildReportData(record, {
      modelMetadata: { uri: 'm', text: JSON.stringify(metadata) },
    });
    expect(data.facts).toEqual([
      { label: 'Written by', value: 'mlops-platform 0.1.0' },
      { label: 'Git commit', value: 'a'.repeat(40) },
      { label: 'Model', value: 'logistic_regression' },
      { label: 'Framework', value: 'scikit-learn 1.2.1' },
      { label: 'Python', value: '3.11.2' },
      { label: 'Libraries', value: 'pandas 1.5.3, scikit-learn 1.2.1' },
      { label: 'Model sha256', value: 'b'.repeat(64) },
      { label: 'Image', value: 'mlops-training:latest (every container task)' },
    ]);
  });

  it('finds the files to read in the record', () => {
    expect(reportArtifactUris(trainingRecord())).toEqual({
      evaluation: '/runs/training-pipeline-1/evaluate/evaluation',
      preprocessReport: '/runs/training-pipeline-1/preprocess/preprocess_report',
      modelMetadata:
        '/runs/training-pipeline-1/condition-1/package-model/deployable_model/metadata.json',
    });
  });
});

describe('buildReportData: the champion', () => {
  it('keeps its metrics and its parsed evaluation', () => {
    const data = buildReportData(
      trainingRecord(),
      { evaluation: evaluationFile },
      {
        champion: {
          source: 'champion/run.json',
          metrics: { accuracy: 0.95 },
          evaluation: { uri: 'x', text: EVALUATION_TEXT },
        },
      },
    );
    expect(data.champion?.source).toBe('champion/run.json');
    expect(data.champion?.metrics).toEqual({ accuracy: 0.95 });
    expect(data.champion?.evaluation?.model).toBe('logistic_regression');
  });
});
