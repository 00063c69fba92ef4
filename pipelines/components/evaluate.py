"""evaluate: compare any number of trained candidates, pick one by cross-validation, report its test score.

    python3 -m components.evaluate --test-data out/test.csv --models out/models \
        --metrics out/metrics.json --classification-metrics out/cm.json --best-model out/best \
        --best-model-name out/name --primary-metric out/primary --passed out/passed \
        --evaluation out/evaluation.json \
        [--min-accuracy 0.8] [--min-r2 0] [--executor-input '<KFP ExecutorInput JSON>']

The candidate with the best cross-validation score (train's index.json; ties go to the one listed
first) is chosen, so the test split never picks the model: it only reports the chosen model's
score, with a bootstrap 95% confidence interval (``<metric>_ci_low`` / ``_ci_high``). Every
candidate's test metrics are recorded too (``<name>_<metric>``), for comparison only.

Metrics - classification: accuracy, precision, recall, f1, roc_auc, log_loss (binary: of the
positive class; multiclass: weighted, ROC AUC one-vs-rest) and baseline_accuracy (always
predicting the most frequent training class); regression: rmse, mae, r2.

``passed`` is the quality bar package-model waits on: classification - test accuracy at least
min_accuracy and above baseline_accuracy; regression - r2 at least min_r2. The output parameter
``primary_metric`` names the metric the candidates were compared on (roc_auc, rmse, ...); the
values are in ``metrics``, so a regression run reports no classification metric as 0.

Outputs: the metrics (KFP system.Metrics: flat name -> number) and classification_metrics (KFP
system.ClassificationMetrics: confusion matrix with the class names, ROC curve points for
binary labels; empty for regression) as JSON files, the evaluation JSON a run report draws
(curves, confusion matrix, permutation importances; components.evaluation_artifact), a copy of
the chosen model directory (metadata.json extended with the test metrics and the selection) at
best_model, and the output parameters as plain-text files. With --executor-input the same values also go to the executor
output file, the way KFP v2 components report parameters and artifact metadata, so the Vertex
console draws them.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from typing import Any, Sequence

import numpy as np
import pandas as pd

from .common import (
    METADATA_FILE,
    ArgumentParser,
    ComponentError,
    elapsed,
    integer,
    load_model_dir,
    log,
    parse_executor_input,
    positive_int,
    read_features,
    read_json,
    require_columns,
    run,
    write_executor_output,
    write_json,
    write_text,
)
from .evaluation_artifact import build_evaluation, write_evaluation
from .train import INDEX_FILE

CLASSIFICATION_METRICS = ("accuracy", "precision", "recall", "f1", "roc_auc", "log_loss")
REGRESSION_METRICS = ("rmse", "mae", "r2")
# Bootstrapped for the confidence intervals (the others are cheap to add but rarely gated on).
CI_METRICS = {"classification": ("accuracy", "f1", "roc_auc"), "regression": REGRESSION_METRICS}
MAX_ROC_POINTS = 50


def classification_scores(y: Any, predicted: Any, proba: Any, classes: list[int]) -> dict[str, float]:
    from sklearn import metrics as m

    if len(classes) == 2:
        values = {
            "accuracy": m.accuracy_score(y, predicted),
            "precision": m.precision_score(y, predicted, pos_label=classes[1], zero_division=0),
            "recall": m.recall_score(y, predicted, pos_label=classes[1], zero_division=0),
            "f1": m.f1_score(y, predicted, pos_label=classes[1], zero_division=0),
            "roc_auc": m.roc_auc_score(y, proba[:, 1]),
            "log_loss": m.log_loss(y, proba, labels=classes),
        }
    else:
        values = {
            "accuracy": m.accuracy_score(y, predicted),
            "precision": m.precision_score(y, predicted, average="weighted", zero_division=0),
            "recall": m.recall_score(y, predicted, average="weighted", zero_division=0),
            "f1": m.f1_score(y, predicted, average="weighted", zero_division=0),
            "roc_auc": m.roc_auc_score(y, proba, multi_class="ovr", average="weighted", labels=classes),
            "log_loss": m.log_loss(y, proba, labels=classes),
        }
    return {key: float(value) for key, value in values.items()}


def headline_scores(y: Any, predicted: Any, proba: Any, classes: list[int]) -> dict[str, float]:
    """classification_scores' CI_METRICS only: the bootstrap computes them hundreds of times."""
    from sklearn import metrics as m

    binary = len(classes) == 2
    f1 = m.f1_score(y, predicted, pos_label=classes[1]) if binary else m.f1_score(y, predicted, average="weighted")
    return {
        "accuracy": float(np.mean(y == predicted)),
        "f1": float(f1),
        "roc_auc": float(
            m.roc_auc_score(y, proba[:, 1])
            if binary
            else m.roc_auc_score(y, proba, multi_class="ovr", average="weighted", labels=classes)
        ),
    }


def regression_scores(y: Any, predicted: Any) -> dict[str, float]:
    from sklearn import metrics as m

    return {
        "rmse": float(np.sqrt(m.mean_squared_error(y, predicted))),
        "mae": float(m.mean_absolute_error(y, predicted)),
        "r2": float(m.r2_score(y, predicted)),
    }


def predict(model: Any, X: pd.DataFrame, classes: list[int] | None, name: str) -> tuple[Any, Any]:
    """Predictions and (classifiers) class probabilities of one candidate."""
    predicted = model.predict(X)
    if classes is None:
        return predicted, None
    if not hasattr(model, "predict_proba"):
        raise ComponentError(f"model {name!r} has no predict_proba; choose a classifier that gives probabilities")
    model_classes = [int(c) for c in model.classes_]
    if model_classes != classes:
        raise ComponentError(f"model {name!r} classes {model_classes} differ from the expected classes {classes}")
    return predicted, model.predict_proba(X)


def bootstrap_ci(
    y: Any, predicted: Any, proba: Any, classes: list[int] | None, rounds: int, seed: int
) -> dict[str, float]:
    """Percentile 95% intervals of the headline test metrics over ``rounds`` resamples of the test rows."""
    family = "regression" if classes is None else "classification"
    rng = np.random.default_rng(seed)
    samples: dict[str, list[float]] = {key: [] for key in CI_METRICS[family]}
    for _ in range(rounds):
        rows = rng.integers(0, len(y), len(y))
        if classes is None:
            scores = regression_scores(y[rows], predicted[rows])
        elif len(np.unique(y[rows])) < len(classes):
            continue  # ROC AUC is undefined on a resample that lacks a class
        else:
            scores = headline_scores(y[rows], predicted[rows], proba[rows], classes)
        for key in samples:
            samples[key].append(scores[key])
    interval: dict[str, float] = {}
    for key, values in samples.items():
        if values:
            interval[f"{key}_ci_low"] = float(np.percentile(values, 2.5))
            interval[f"{key}_ci_high"] = float(np.percentile(values, 97.5))
    return interval


def roc_points(y: Any, positive_proba: Any) -> list[dict[str, float]]:
    """ROC curve as KFP confidenceMetrics, subsampled to at most MAX_ROC_POINTS points."""
    from sklearn.metrics import roc_curve

    fpr, tpr, thresholds = roc_curve(y, positive_proba)
    if len(thresholds) > MAX_ROC_POINTS:
        keep = np.unique(np.linspace(0, len(thresholds) - 1, MAX_ROC_POINTS).round().astype(int))
        fpr, tpr, thresholds = fpr[keep], tpr[keep], thresholds[keep]
    return [
        {
            # scikit-learn 1.2 puts max(score) + 1 first (inf from 1.3 on); JSON needs finite.
            "confidenceThreshold": float(t) if np.isfinite(t) else 1.0,
            "recall": float(r),
            "falsePositiveRate": float(f),
        }
        for t, r, f in zip(thresholds, tpr, fpr)
    ]


def classification_metadata(y: Any, predicted: Any, proba: Any, classes: list[int], names: list[str]) -> dict[str, Any]:
    """KFP system.ClassificationMetrics metadata: the confusion matrix by class name, and the ROC curve."""
    from sklearn.metrics import confusion_matrix

    matrix = confusion_matrix(y, predicted, labels=classes)
    payload: dict[str, Any] = {
        "confusionMatrix": {
            "annotationSpecs": [{"displayName": name} for name in names],
            "rows": [{"row": [int(v) for v in row]} for row in matrix],
        }
    }
    if len(classes) == 2:
        payload["confidenceMetrics"] = roc_points(y, proba[:, 1])
    return payload


def copy_model(source: str, destination: str, extra: dict[str, Any]) -> None:
    if os.path.isfile(destination):
        raise ComponentError(f"best_model output path {destination} is a file; it must be a directory")
    shutil.copytree(source, destination, dirs_exist_ok=True)
    metadata_path = os.path.join(destination, METADATA_FILE)
    with open(metadata_path, encoding="utf-8") as handle:
        metadata = json.load(handle)
    metadata.update(extra)
    write_json(metadata_path, metadata)


def choose(index: dict[str, Any]) -> str:
    """The candidate with the best cross-validation score; ties go to the one listed first."""
    sign = 1.0 if index.get("cv_higher_is_better", True) else -1.0
    best = index["candidates"][0]
    for candidate in index["candidates"][1:]:
        if sign * candidate["cv_score"] > sign * best["cv_score"] + 1e-12:
            best = candidate
    return str(best["name"])


def read_index(models_dir: str) -> dict[str, Any]:
    index = read_json(os.path.join(models_dir, INDEX_FILE), "models index")
    if not isinstance(index, dict) or not index.get("candidates"):
        raise ComponentError(
            f"{models_dir}/{INDEX_FILE} lists no candidates; was the models directory written by train?"
        )
    return index


def main(argv: Sequence[str] | None = None) -> None:
    parser = ArgumentParser(prog="python3 -m components.evaluate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--test-data", required=True, help="input path: test CSV written by preprocess")
    parser.add_argument("--models", required=True, help="input path: the models directory written by train")
    parser.add_argument("--min-accuracy", type=float, default=0.8, help="quality bar for classification")
    parser.add_argument("--min-r2", type=float, default=0.0, help="quality bar for regression")
    parser.add_argument("--bootstrap", type=positive_int, default=500, help="resamples for the confidence intervals")
    parser.add_argument("--seed", type=integer, default=42)
    parser.add_argument("--executor-input", default="", help="KFP ExecutorInput JSON (optional)")
    parser.add_argument("--metrics", required=True, help="output path: metrics JSON")
    parser.add_argument("--classification-metrics", required=True, help="output path: confusion matrix + ROC JSON")
    parser.add_argument("--best-model", required=True, help="output path: directory of the chosen model")
    parser.add_argument("--best-model-name", required=True, help="output path: name of the chosen model")
    parser.add_argument(
        "--primary-metric", required=True, help="output path: the metric the candidates were compared on"
    )
    parser.add_argument("--passed", required=True, help="output path: true when the chosen model meets the bar")
    parser.add_argument("--evaluation", required=True, help="output path: evaluation JSON (curves, importances)")
    args = parser.parse_args(argv)
    executor_input = parse_executor_input(args.executor_input)

    index = read_index(args.models)
    names = [str(c["name"]) for c in index["candidates"]]
    models = {name: load_model_dir(os.path.join(args.models, name), f"{name} model") for name in names}
    reference = models[names[0]][1]
    schema, target, task = reference.get("feature_schema") or [], reference.get("target"), reference.get("task")
    if not schema or not target or task not in ("binary", "multiclass", "regression"):
        raise ComponentError(
            f"{names[0]} model metadata lacks feature_schema, target or task; was it written by train?"
        )
    columns = [f["name"] for f in schema]
    for name, (_, metadata) in models.items():
        if [f["name"] for f in metadata.get("feature_schema", [])] != columns or metadata.get("task") != task:
            raise ComponentError(f"{name} model was trained on other columns or another task than {names[0]}")

    frame = read_features(args.test_data, {f["name"]: f["kind"] for f in schema}, "test_data")
    require_columns(frame, [target, *columns], "test_data")
    X = frame[columns]
    y_values = pd.to_numeric(frame[target], errors="coerce")
    if y_values.isna().any():
        raise ComponentError(f"test_data target column {target!r} has missing or non-numeric values")
    classes: list[int] | None = None
    class_names: list[str] = []
    if task == "regression":
        y = y_values.to_numpy(dtype="float64")
    else:
        y = y_values.to_numpy(dtype="int64")
        classes = [int(c) for c in reference.get("classes") or []]
        by_code = {int(code): str(label) for label, code in (reference.get("label_mapping") or {}).items()}
        class_names = [by_code.get(code, str(code)) for code in classes]
        absent = sorted(set(classes) - set(y.tolist()))
        if absent:
            raise ComponentError(
                f"test_data lacks class(es) {absent}; metrics such as ROC AUC are undefined - use a larger test_size"
            )
        unknown = sorted(set(y.tolist()) - set(classes))
        if unknown:
            raise ComponentError(f"test_data has class code(s) {unknown} the models never saw")

    results: dict[str, dict[str, float]] = {}
    outputs: dict[str, tuple[Any, Any]] = {}
    for name in names:
        predicted, proba = predict(models[name][0], X, classes, name)
        outputs[name] = (predicted, proba)
        results[name] = (
            regression_scores(y, predicted) if classes is None else classification_scores(y, predicted, proba, classes)
        )
        cv = next(c for c in index["candidates"] if c["name"] == name)
        log(
            f"{name}: cv {index['primary_metric']} {cv['cv_score']:.4f}; test "
            + ", ".join(f"{k} {v:.4f}" for k, v in results[name].items())
        )
    best = choose(index)
    best_metrics = dict(results[best])
    if classes is not None:
        majority = reference.get("majority_class")
        baseline = float(np.mean(y == majority)) if majority is not None else float(np.bincount(y).max() / len(y))
        best_metrics["baseline_accuracy"] = baseline
        passed = best_metrics["accuracy"] >= args.min_accuracy and best_metrics["accuracy"] > baseline
        bar = f"accuracy {best_metrics['accuracy']:.4f} >= {args.min_accuracy} and > baseline {baseline:.4f}"
    else:
        passed = best_metrics["r2"] >= args.min_r2
        bar = f"r2 {best_metrics['r2']:.4f} >= {args.min_r2}"
    interval = bootstrap_ci(y, *outputs[best], classes, args.bootstrap, args.seed)
    log(f"chosen: {best} by cv {index['primary_metric']}; quality bar {'met' if passed else 'NOT met'}: {bar}")

    metrics_metadata: dict[str, float] = {**best_metrics, **interval}
    for candidate in index["candidates"]:
        metrics_metadata[f"{candidate['name']}_cv_{index['primary_metric']}"] = float(candidate["cv_score"])
        for key, value in results[candidate["name"]].items():
            metrics_metadata[f"{candidate['name']}_{key}"] = value
    classification = {} if classes is None else classification_metadata(y, *outputs[best], classes, class_names)
    started = time.monotonic()
    evaluation = build_evaluation(
        task=task,
        model_name=best,
        model=models[best][0],
        primary_metric=index["primary_metric"],
        scoring=index["cv_metric"],
        X=X,
        y=y,
        predicted=outputs[best][0],
        proba=outputs[best][1],
        classes=classes,
        class_names=class_names,
        metrics=best_metrics,
        interval=interval,
        candidates=[{**c, "metrics": results[c["name"]]} for c in index["candidates"]],
        seed=args.seed,
    )
    log(f"evaluation artifact (curves, permutation importances) in {time.monotonic() - started:.1f}s")

    write_json(args.metrics, metrics_metadata)
    write_json(args.classification_metrics, classification)
    write_evaluation(args.evaluation, evaluation)
    copy_model(
        os.path.join(args.models, best),
        args.best_model,
        {
            "test_metrics": best_metrics,
            "test_confidence_intervals": interval,
            "test_rows": int(len(y)),
            "selection": {
                "selected_on": "cross-validation",
                "primary_metric": index["primary_metric"],
                "higher_is_better": bool(index.get("cv_higher_is_better", True)),
                "tie_break": "the candidate listed first",
                "candidates": {
                    c["name"]: {"cv_score": c["cv_score"], "test_metrics": results[c["name"]]}
                    for c in index["candidates"]
                },
            },
        },
    )
    parameters: dict[str, Any] = {
        "best_model_name": best,
        "primary_metric": index["primary_metric"],
        "passed": passed,
    }
    write_text(args.best_model_name, best)
    write_text(args.primary_metric, index["primary_metric"])
    write_text(args.passed, "true" if passed else "false")

    if executor_input is not None:
        best_metadata = models[best][1]
        output_file = write_executor_output(
            executor_input,
            parameters,
            {
                "metrics": metrics_metadata,
                "classification_metrics": classification,
                "evaluation": {"schema_version": evaluation["schema_version"], "task": task, "model": best},
                "best_model": {
                    "framework": best_metadata.get("framework"),
                    "framework_version": best_metadata.get("framework_version"),
                    "model_type": best,
                    **best_metrics,
                },
            },
        )
        log(f"wrote executor output {output_file}")
    log(f"done in {elapsed()}")


if __name__ == "__main__":
    run("evaluate", main)
