"""The ``evaluation`` artifact of evaluate: what a run report draws, as one strict JSON file.

The chosen model's test metrics and intervals, its confusion matrix, ROC / precision-recall /
calibration curves (classification) or predicted-vs-actual and residuals (regression),
permutation feature importances, and every candidate's scores. The keys are listed in
pipelines/README.md, section "The evaluation artifact"; the run report parses exactly them.

Only aggregates leave the test split, except the seeded sample of at most MAX_SCATTER_ROWS
(actual, predicted) pairs of a regression, which carries no feature value or row identifier.
Same inputs and seed give the same bytes: seeded sampling, fixed key order, rounded floats.
"""

from __future__ import annotations

import json
import math
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from .common import ensure_parent_dir

Array = npt.NDArray[Any]

SCHEMA_VERSION = 1
MAX_CURVE_POINTS = 500
MAX_SCATTER_ROWS = 500
RESIDUAL_BINS = 20
CALIBRATION_BINS = 10
# Quantile bins need a few rows each to say anything; below this the bins are equal-width.
QUANTILE_BINS_MIN_ROWS = 10 * CALIBRATION_BINS
MAX_IMPORTANCE_ROWS = 2000
IMPORTANCE_REPEATS = 5
MAX_FEATURES = 30
SIGNIFICANT_DIGITS = 6
# evaluate scores model.predict(), the most probable class: for two classes, P(positive) > 0.5.
PREDICT_THRESHOLD = 0.5


def rounded(value: Any) -> Any:
    """Plain JSON values with floats to SIGNIFICANT_DIGITS; non-finite floats are a bug here, not null."""
    if isinstance(value, dict):
        return {str(key): rounded(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [rounded(item) for item in value]
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):  # numpy scalars and arrays
        return rounded(value.tolist())
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"non-finite number {value} in the evaluation artifact")
        return float(f"{value:.{SIGNIFICANT_DIGITS}g}") + 0.0  # + 0.0 turns -0.0 into 0.0
    return value


def downsample(*series: Array, limit: int = MAX_CURVE_POINTS) -> list[Array]:
    """At most ``limit`` evenly spaced points of aligned arrays, always keeping the first and the last."""
    length = len(series[0])
    if length <= limit:
        return list(series)
    keep = np.unique(np.linspace(0, length - 1, limit).round().astype(int))
    return [values[keep] for values in series]


def roc(label: str, truth: Array, score: Array) -> dict[str, Any]:
    from sklearn.metrics import roc_curve

    fpr, tpr, thresholds = roc_curve(truth, score, drop_intermediate=True)
    # The first point (nothing predicted positive) has a threshold above every score: inf from
    # scikit-learn 1.3 on, max(score) + 1 before. JSON needs finite numbers and the scores are
    # probabilities, so it becomes 1.0.
    thresholds = thresholds.astype("float64")
    thresholds[0] = 1.0
    fpr, tpr, thresholds = downsample(fpr, tpr, thresholds)
    return {"label": label, "x": fpr, "y": tpr, "thresholds": thresholds}


def precision_recall(label: str, truth: Array, score: Array) -> dict[str, Any]:
    from sklearn.metrics import precision_recall_curve

    precision, recall, thresholds = precision_recall_curve(truth, score)
    # scikit-learn ends on (recall 0, precision 1) with no threshold: like ROC's first point it is
    # "nothing predicted positive", given 1.0. Reversed so that, as for ROC, thresholds fall.
    thresholds = np.append(thresholds.astype("float64"), 1.0)[::-1]
    recall, precision, thresholds = downsample(recall[::-1], precision[::-1], thresholds)
    return {"label": label, "x": recall, "y": precision, "thresholds": thresholds}


def calibration(label: str, truth: Array, score: Array) -> dict[str, Any]:
    from sklearn.calibration import calibration_curve

    strategy = "quantile" if len(truth) >= QUANTILE_BINS_MIN_ROWS else "uniform"
    observed, predicted = calibration_curve(truth, score, n_bins=CALIBRATION_BINS, strategy=strategy)
    # calibration_curve drops empty bins and does not count rows: the same edges count them.
    if strategy == "quantile":
        edges = np.percentile(score, np.linspace(0, 100, CALIBRATION_BINS + 1))
    else:
        edges = np.linspace(0.0, 1.0, CALIBRATION_BINS + 1)
    counts = np.bincount(np.searchsorted(edges[1:-1], score), minlength=len(edges))
    counts = counts[counts != 0]
    if len(counts) != len(observed):
        raise ValueError("calibration bin counts do not line up with scikit-learn's calibration_curve")
    return {"label": label, "x": predicted, "y": observed, "count": counts}


def classification_curves(
    y: Array, proba: Array, classes: list[int], class_names: list[str]
) -> dict[str, list[dict[str, Any]]]:
    """Binary: the positive class's curves; multiclass: one-vs-rest curves, one per class."""
    columns = [1] if len(classes) == 2 else list(range(len(classes)))
    curves: dict[str, list[dict[str, Any]]] = {"roc": [], "precision_recall": [], "calibration": []}
    for column in columns:
        label, truth, score = class_names[column], (y == classes[column]).astype(int), proba[:, column]
        curves["roc"].append(roc(label, truth, score))
        curves["precision_recall"].append(precision_recall(label, truth, score))
        curves["calibration"].append(calibration(label, truth, score))
    return curves


def regression_plots(y: Array, predicted: Array, seed: int) -> dict[str, Any]:
    rng = np.random.default_rng(seed)
    sample = np.arange(len(y))
    if len(y) > MAX_SCATTER_ROWS:
        sample = np.sort(rng.choice(len(y), MAX_SCATTER_ROWS, replace=False))
    counts, edges = np.histogram(y - predicted, bins=RESIDUAL_BINS)
    return {
        "predicted_vs_actual": {"actual": y[sample], "predicted": predicted[sample]},
        "residuals": {"edges": edges, "counts": counts},
    }


def feature_importances(
    model: Any, X: pd.DataFrame, y: Array, scoring: str, stratify: bool, seed: int
) -> list[dict[str, Any]]:
    """Permutation importance of each raw column on (a seeded sample of) the test rows, by the
    primary metric's scorer: how much the score drops when the column's values are shuffled."""
    from sklearn.inspection import permutation_importance
    from sklearn.utils import resample
    from threadpoolctl import threadpool_limits

    if len(y) > MAX_IMPORTANCE_ROWS:
        # Stratified for classifiers, so a rare class (and ROC AUC with it) survives the sample.
        X, y = resample(
            X,
            y,
            replace=False,
            n_samples=MAX_IMPORTANCE_ROWS,
            stratify=y if stratify else None,
            random_state=seed,
        )
    # One thread as well as one job: the model is scored 5 x columns times on a few rows, where
    # OpenMP threads (HistGradientBoosting's) cost more than they save, many times more on busy CPUs.
    with threadpool_limits(limits=1):
        result = permutation_importance(
            model, X, y, scoring=scoring, n_repeats=IMPORTANCE_REPEATS, random_state=seed, n_jobs=1
        )
    order = sorted(range(X.shape[1]), key=lambda i: (-result.importances_mean[i], i))[:MAX_FEATURES]
    return [
        {
            "feature": str(X.columns[i]),
            "importance": float(result.importances_mean[i]),
            "std": float(result.importances_std[i]),
        }
        for i in order
    ]


def confidence_intervals(interval: dict[str, float]) -> dict[str, list[float]]:
    """evaluate's flat ``<metric>_ci_low`` / ``<metric>_ci_high`` as ``{metric: [low, high]}``."""
    return {
        key.removesuffix("_ci_low"): [value, interval[key.removesuffix("_ci_low") + "_ci_high"]]
        for key, value in interval.items()
        if key.endswith("_ci_low")
    }


def build_evaluation(
    *,
    task: str,
    model_name: str,
    model: Any,
    primary_metric: str,
    scoring: str,
    X: pd.DataFrame,
    y: Array,
    predicted: Array,
    proba: Array | None,
    classes: list[int] | None,
    class_names: list[str],
    metrics: dict[str, float],
    interval: dict[str, float],
    candidates: list[dict[str, Any]],
    seed: int,
) -> dict[str, Any]:
    """The artifact's content, rounded and JSON-ready.

    ``candidates`` are ``{name, cv_score, metrics}`` in the order trained; ``scoring`` is the
    scikit-learn scorer of ``primary_metric`` (train's ``cv_metric``)."""
    from sklearn.metrics import confusion_matrix

    payload: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "task": task,
        "model": model_name,
        "primary_metric": primary_metric,
        "rows": int(len(y)),
        "metrics": metrics,
        "intervals": confidence_intervals(interval),
    }
    if classes is not None and proba is not None:
        payload["classes"] = class_names
        if task == "binary":
            payload["positive_class"] = class_names[1]
        payload["confusion_matrix"] = confusion_matrix(y, predicted, labels=classes)
        if task == "binary":
            payload["threshold"] = PREDICT_THRESHOLD
        payload |= classification_curves(y, proba, classes, class_names)
    else:
        payload |= regression_plots(y, predicted, seed)
    payload["feature_importances"] = feature_importances(model, X, y, scoring, classes is not None, seed)
    payload["candidates"] = [
        {
            "name": c["name"],
            "cv_score": float(c["cv_score"]),
            "metrics": c["metrics"],
            "chosen": c["name"] == model_name,
        }
        for c in candidates
    ]
    result: dict[str, Any] = rounded(payload)
    return result


def write_evaluation(path: str, payload: dict[str, Any]) -> None:
    """Strict JSON (no NaN or Infinity), compact: the curves hold up to a few thousand numbers."""
    ensure_parent_dir(path)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(payload, handle, allow_nan=False, separators=(",", ":"))
        handle.write("\n")
