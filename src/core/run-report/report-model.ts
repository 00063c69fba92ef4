import type { ParameterValue } from '../ir/parameters.js';
import type { RunState, TaskState } from '../run-record.js';

/**
 * What a run report shows, as plain data: built from a run record and the artifacts it names
 * (`buildReportData`), drawn as one self-contained HTML file (`mlops report`), served by the run
 * browser (`mlops ui`), and printed as JSON by `mlops report --json`. Every list is in a fixed
 * order, so the same run gives the same bytes.
 */

export const REPORT_DATA_VERSION = 1;

/** The pipeline as a graph: tasks, the sub-DAGs that hold them, and the edges between them. */
export interface ReportDag {
  readonly nodes: readonly DagNode[];
  readonly edges: readonly DagEdge[];
}

export interface DagNode {
  /** The task's path in the run record (`train`, `condition-1/package-model`). */
  readonly id: string;
  /** What the box says: the task's name. */
  readonly label: string;
  readonly state: TaskState;
  readonly durationMs?: number;
  readonly cached: boolean;
  /** The sub-DAG (condition, loop, exit handler) holding this task, by id. */
  readonly parent?: string;
  /** A sub-DAG: drawn as a box around its tasks. */
  readonly group: boolean;
  /** Its log (a path relative to the report, or file://) or its Vertex console page. */
  readonly link?: string;
}

export interface DagEdge {
  readonly from: string;
  readonly to: string;
}

/** A curve of an evaluation chart; `thresholds[i]` is the decision threshold of point i. */
export interface Curve {
  readonly label: string;
  readonly x: readonly number[];
  readonly y: readonly number[];
  readonly thresholds?: readonly number[];
}

export interface FeatureImportance {
  readonly feature: string;
  readonly importance: number;
  /** Spread over the permutation repeats. */
  readonly std: number;
}

export interface CandidateModel {
  readonly name: string;
  /** Cross-validation score on the primary metric: what chose the model. */
  readonly cvScore: number;
  readonly metrics: Readonly<Record<string, number>>;
  readonly chosen: boolean;
}

/** The evaluate step's `evaluation` artifact (evaluation.json), in camelCase. */
export interface ReportEvaluation {
  readonly task: 'binary' | 'multiclass' | 'regression';
  readonly model: string;
  readonly primaryMetric: string;
  /** Test rows the metrics come from. */
  readonly rows: number;
  readonly metrics: Readonly<Record<string, number>>;
  /** Bootstrap 95% interval per metric: [low, high]. */
  readonly intervals: Readonly<Record<string, readonly [number, number]>>;
  readonly classes?: readonly string[];
  readonly positiveClass?: string;
  /** Rows: actual class; columns: predicted class; in the order of `classes`. */
  readonly confusionMatrix?: readonly (readonly number[])[];
  /** Decision threshold recorded with the model (binary). */
  readonly threshold?: number;
  /** x: false positive rate, y: true positive rate; one curve per class (one for binary). */
  readonly roc?: readonly Curve[];
  /** x: recall, y: precision. */
  readonly precisionRecall?: readonly Curve[];
  /** x: mean predicted probability of a bin, y: observed share of positives. */
  readonly calibration?: readonly Curve[];
  /** Regression: a sample of test rows (at most 500). */
  readonly predictedVsActual?: {
    readonly actual: readonly number[];
    readonly predicted: readonly number[];
  };
  /** Regression: residual (actual − predicted) histogram. */
  readonly residuals?: { readonly edges: readonly number[]; readonly counts: readonly number[] };
  /** Sorted by importance, highest first. */
  readonly featureImportances?: readonly FeatureImportance[];
  readonly candidates: readonly CandidateModel[];
}

/** The training data as preprocess saw it (its preprocess_report). */
export interface ReportDataProfile {
  readonly rows: number;
  readonly trainRows?: number;
  readonly testRows?: number;
  readonly target?: string;
  readonly task?: string;
  readonly columns: readonly {
    readonly name: string;
    readonly kind: string;
    readonly missing: number;
    readonly distinct?: number;
  }[];
  /** Class → count over all rows. */
  readonly classBalance?: Readonly<Record<string, number>>;
  readonly droppedColumns: readonly string[];
}

/** One feature of a drift run. */
export interface ReportDriftFeature {
  readonly feature: string;
  readonly kind: string;
  readonly method: string;
  readonly statistic: number;
  readonly threshold: number;
  readonly pValue?: number;
  readonly drifted: boolean;
  readonly reason: string;
}

export interface ReportChampion {
  /** Where it came from: `models/123@4` or a run record's path. */
  readonly source: string;
  readonly metrics: Readonly<Record<string, number>>;
  /** When the champion is a run record with an evaluation: its curves, to overlay. */
  readonly evaluation?: ReportEvaluation;
}

export interface ReportMetricsOfTask {
  readonly task: string;
  readonly metrics: Readonly<Record<string, number>>;
}

/** A labelled fact a reviewer needs: framework versions, images, git commit, model hash. */
export interface ReportFact {
  readonly label: string;
  readonly value: string;
}

export interface ReportData {
  readonly version: typeof REPORT_DATA_VERSION;
  readonly run: {
    readonly id: string;
    readonly pipeline: string;
    readonly backend: 'local' | 'vertex';
    readonly state: RunState;
    readonly startTime: string;
    readonly endTime?: string;
    readonly durationMs?: number;
    /** Vertex console link or the local run folder. */
    readonly location: string;
    readonly parameters: Readonly<Record<string, ParameterValue>>;
    readonly outputs: Readonly<Record<string, ParameterValue>>;
  };
  /** The headline: passed when the run succeeded and its quality bar (evaluate's `passed`) held. */
  readonly verdict: { readonly passed: boolean; readonly headline: string };
  readonly dag: ReportDag;
  readonly metrics: readonly ReportMetricsOfTask[];
  /** The task whose metrics are the run's (compared with the champion's), when one is. */
  readonly metricsTask?: string;
  readonly evaluation?: ReportEvaluation;
  readonly data?: ReportDataProfile;
  readonly drift?: readonly ReportDriftFeature[];
  readonly champion?: ReportChampion;
  readonly facts: readonly ReportFact[];
  /** Artifacts that could not be read, each with why: the report says so instead of failing. */
  readonly warnings: readonly string[];
}
