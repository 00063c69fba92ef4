"""evaluate: score both trained models on the test split and keep the better one.

    python3 -m components.evaluate --test-data out/test.csv \
        --random-forest-model out/rf --decision-tree-model out/dt --primary-metric roc_auc \
        --metrics out/metrics.json --classification-metrics out/cm.json --best-model out/best \
        --best-model-name out/name --accuracy out/acc --f1 out/f1 --roc-auc out/auc \
        [--executor-input '<KFP ExecutorInput JSON>']

Metrics per model: accuracy, precision, recall, f1, roc_auc and log_loss (binary: of the
positive class; multiclass: weighted precision/recall/f1 and one-vs-rest weighted ROC AUC).
The best model maximises the primary metric (minimises it for log_loss); on a tie the
random forest wins (it is listed first, and its averaged trees are the steadier choice).

Outputs: JSON files at the metrics / classification_metrics paths, a copy of the winning
model directory (metadata.json extended with the test metrics) at best_model, and the
output parameters best_model_name, accuracy, f1 and roc_auc as plain-text files. With
--executor-input, the same values also go to the executor output file named by the
ExecutorInput (outputs.outputFile), the way KFP v2 components report parameters and
artifact metadata.
"""

from __future__ import annotations

import json
import os
import shutil
from typing import Any, Sequence

import pandas as pd

from .common import (
    METADATA_FILE,
    ArgumentParser,
    ComponentError,
    elapsed,
    load_model_dir,
    log,
    parse_executor_input,
    read_features,
    require_columns,
    run,
    write_executor_output,
    write_json,
    write_text,
)

METRICS = ("accuracy", "precision", "recall", "f1", "roc_auc", "log_loss")
LOWER_IS_BETTER = {"log_loss"}
CANDIDATES = ("random_forest", "decision_tree")  # order = tie-break preference
MAX_ROC_POINTS = 50
OUTPUT_PARAMETERS = ("best_model_name", "accuracy", "f1", "roc_auc")


def score(model: Any, X: pd.DataFrame, y: pd.Series, classes: list[int]) -> tuple[dict[str, float], Any, Any]:
    """Returns the metrics, the predictions and the class probabilities of one model."""
    from sklearn import metrics as m

    predicted = model.predict(X)
    proba = model.predict_proba(X)
    model_classes = [int(c) for c in model.classes_]
    if model_classes != classes:
        raise ComponentError(f"model classes {model_classes} differ from the expected classes {classes}")
    if len(classes) == 2:
        positive = proba[:, 1]
        values = {
            "accuracy": m.accuracy_score(y, predicted),
            "precision": m.precision_score(y, predicted, pos_label=classes[1], zero_division=0),
            "recall": m.recall_score(y, predicted, pos_label=classes[1], zero_division=0),
            "f1": m.f1_score(y, predicted, pos_label=classes[1], zero_division=0),
            "roc_auc": m.roc_auc_score(y, positive),
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
    return {key: float(value) for key, value in values.items()}, predicted, proba


def pick_best(results: dict[str, dict[str, float]], primary: str) -> str:
    """The candidate with the best primary metric; ties go to the earlier one in CANDIDATES."""
    sign = -1.0 if primary in LOWER_IS_BETTER else 1.0
    best = CANDIDATES[0]
    for name in CANDIDATES[1:]:
        if sign * results[name][primary] > sign * results[best][primary] + 1e-12:
            best = name
    return best


def roc_points(y: pd.Series, positive_proba: Any) -> list[dict[str, float]]:
    """ROC curve as KFP confidenceMetrics, subsampled to at most MAX_ROC_POINTS points."""
    import numpy as np
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


def classification_metadata(y: pd.Series, predicted: Any, proba: Any, classes: list[int]) -> dict[str, Any]:
    from sklearn.metrics import confusion_matrix

    matrix = confusion_matrix(y, predicted, labels=classes)
    payload: dict[str, Any] = {
        "confusionMatrix": {
            "annotationSpecs": [{"displayName": str(c)} for c in classes],
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


def main(argv: Sequence[str] | None = None) -> None:
    parser = ArgumentParser(prog="python3 -m components.evaluate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--test-data", required=True, help="input path: test CSV written by preprocess")
    parser.add_argument("--random-forest-model", required=True, help="input path: random forest model directory")
    parser.add_argument("--decision-tree-model", required=True, help="input path: decision tree model directory")
    parser.add_argument("--primary-metric", default="roc_auc", help=f"one of {', '.join(METRICS)} (default roc_auc)")
    parser.add_argument("--executor-input", default="", help="KFP ExecutorInput JSON (optional)")
    parser.add_argument("--metrics", required=True, help="output path: metrics JSON")
    parser.add_argument("--classification-metrics", required=True, help="output path: confusion matrix + ROC JSON")
    parser.add_argument("--best-model", required=True, help="output path: directory of the best model")
    parser.add_argument("--best-model-name", required=True, help="output path: name of the best model")
    parser.add_argument("--accuracy", required=True, help="output path: test accuracy of the best model")
    parser.add_argument("--f1", required=True, help="output path: test F1 of the best model")
    parser.add_argument("--roc-auc", required=True, help="output path: test ROC AUC of the best model")
    args = parser.parse_args(argv)

    primary = args.primary_metric.strip().lower()
    if primary not in METRICS:
        raise ComponentError(f"primary_metric {args.primary_metric!r} is not one of {', '.join(METRICS)}")
    executor_input = parse_executor_input(args.executor_input)

    model_dirs = {"random_forest": args.random_forest_model, "decision_tree": args.decision_tree_model}
    models = {name: load_model_dir(path, f"{name} model") for name, path in model_dirs.items()}
    reference = models[CANDIDATES[0]][1]
    schema = reference.get("feature_schema") or []
    target = reference.get("target")
    classes = [int(c) for c in reference.get("classes") or []]
    if not schema or not target or len(classes) < 2:
        raise ComponentError(
            "random_forest model metadata lacks feature_schema, target or classes; was it written by train?"
        )
    for name, (_, metadata) in models.items():
        if [f["name"] for f in metadata.get("feature_schema", [])] != [f["name"] for f in schema]:
            raise ComponentError(f"{name} model was trained on different feature columns than the random_forest model")

    frame = read_features(args.test_data, {f["name"]: f["kind"] for f in schema}, "test_data")
    require_columns(frame, [target, *(f["name"] for f in schema)], "test_data")
    X = frame[[f["name"] for f in schema]]
    y = pd.to_numeric(frame[target], errors="coerce")
    if y.isna().any():
        raise ComponentError(f"test_data target column {target!r} has missing or non-numeric class codes")
    y = y.astype("int64")
    absent = sorted(set(classes) - set(y.unique().tolist()))
    if absent:
        raise ComponentError(
            f"test_data lacks class(es) {absent}; metrics such as ROC AUC are undefined - use a larger test_size"
        )
    unknown = sorted(set(y.unique().tolist()) - set(classes))
    if unknown:
        raise ComponentError(f"test_data has class code(s) {unknown} the models never saw")

    results: dict[str, dict[str, float]] = {}
    outputs: dict[str, tuple[Any, Any]] = {}
    for name in CANDIDATES:
        results[name], predicted, proba = score(models[name][0], X, y, classes)
        outputs[name] = (predicted, proba)
        log(f"{name}: " + ", ".join(f"{k} {v:.4f}" for k, v in results[name].items()))
    best = pick_best(results, primary)
    best_metrics = results[best]
    log(f"best model: {best} by {primary} ({best_metrics[primary]:.4f})")

    metrics_metadata: dict[str, float] = dict(best_metrics)
    for name in CANDIDATES:
        for key, value in results[name].items():
            metrics_metadata[f"{name}_{key}"] = value
    classification = classification_metadata(y, *outputs[best], classes)

    write_json(args.metrics, metrics_metadata)
    write_json(args.classification_metrics, classification)
    copy_model(
        model_dirs[best],
        args.best_model,
        {
            "test_metrics": best_metrics,
            "test_rows": int(len(y)),
            "selection": {
                "primary_metric": primary,
                "higher_is_better": primary not in LOWER_IS_BETTER,
                "tie_break": "random_forest",
                "candidates": results,
            },
        },
    )
    parameters: dict[str, Any] = {
        "best_model_name": best,
        "accuracy": best_metrics["accuracy"],
        "f1": best_metrics["f1"],
        "roc_auc": best_metrics["roc_auc"],
    }
    write_text(args.best_model_name, best)
    for key, path in (("accuracy", args.accuracy), ("f1", args.f1), ("roc_auc", args.roc_auc)):
        write_text(path, repr(float(parameters[key])))

    if executor_input is not None:
        best_metadata = reference if best == CANDIDATES[0] else models[best][1]
        output_file = write_executor_output(
            executor_input,
            parameters,
            {
                "metrics": metrics_metadata,
                "classification_metrics": classification,
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
