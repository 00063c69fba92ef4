"""The evaluation artifact evaluate writes for the run report, on real scikit-learn: its keys per
task, curve limits and alignment, strict JSON, permutation importances and determinism."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from components import evaluation_artifact
from tests.test_training import DATA, evaluate_models, run_pipeline

COMMON_KEYS = {
    "schema_version",
    "task",
    "model",
    "primary_metric",
    "rows",
    "metrics",
    "intervals",
    "feature_importances",
    "candidates",
}
CLASSIFICATION_KEYS = COMMON_KEYS | {"classes", "confusion_matrix", "roc", "precision_recall", "calibration"}
REGRESSION_KEYS = COMMON_KEYS | {"predicted_vs_actual", "residuals"}


def reject_constant(name: str) -> None:
    raise AssertionError(f"{name} in the evaluation artifact: not strict JSON")


def read_artifact(out: Path) -> dict[str, Any]:
    artifact: dict[str, Any] = json.loads((out / "evaluation.json").read_text(), parse_constant=reject_constant)
    return artifact


def numbers(value: Any) -> list[float]:
    if isinstance(value, dict):
        return [n for item in value.values() for n in numbers(item)]
    if isinstance(value, list):
        return [n for item in value for n in numbers(item)]
    return [float(value)] if isinstance(value, (int, float)) and not isinstance(value, bool) else []


def check_curves(curves: list[dict[str, Any]], labels: list[str], aligned: tuple[str, ...]) -> None:
    assert [curve["label"] for curve in curves] == labels
    for curve in curves:
        lengths = {len(curve[key]) for key in aligned}
        assert len(lengths) == 1 and 2 <= lengths.pop() <= evaluation_artifact.MAX_CURVE_POINTS
        assert all(0.0 <= v <= 1.0 for key in ("x", "y") for v in curve[key])


def check_classification(artifact: dict[str, Any], result: dict[str, Any]) -> None:
    assert artifact["model"] == result["best"] and artifact["primary_metric"] == result["index"]["primary_metric"]
    test_rows = len(pd.read_csv(result["out"] / "test.csv"))
    assert artifact["rows"] == test_rows
    labels = sorted(result["report"]["label_mapping"], key=result["report"]["label_mapping"].get)
    assert artifact["classes"] == labels
    matrix = np.array(artifact["confusion_matrix"])
    assert matrix.shape == (len(labels), len(labels)) and matrix.sum() == test_rows
    # The headline metrics are the Metrics artifact's, rounded to 6 significant digits.
    for key, value in artifact["metrics"].items():
        assert value == pytest.approx(result["metrics"][key], rel=1e-5)
        assert f"{result['best']}_{key}" in result["metrics"] or key == "baseline_accuracy"
    for key, (low, high) in artifact["intervals"].items():
        assert low == pytest.approx(result["metrics"][f"{key}_ci_low"], rel=1e-5) and low <= high
    assert float(np.trace(matrix)) / test_rows == pytest.approx(artifact["metrics"]["accuracy"], rel=1e-5)
    candidates = artifact["candidates"]
    assert [c["name"] for c in candidates] == [c["name"] for c in result["index"]["candidates"]]
    assert [c["name"] for c in candidates if c["chosen"]] == [result["best"]]
    for calibration in artifact["calibration"]:
        assert sum(calibration["count"]) == test_rows


def test_binary_artifact_has_one_curve_of_the_positive_class(tmp_path: Path) -> None:
    result = run_pipeline(tmp_path, DATA / "breast_cancer.csv", models='["random_forest", "decision_tree"]')
    artifact = read_artifact(result["out"])
    assert set(artifact) == CLASSIFICATION_KEYS | {"positive_class", "threshold"}
    assert artifact["schema_version"] == 1 and artifact["task"] == "binary"
    assert artifact["classes"] == ["benign", "malignant"] and artifact["positive_class"] == "malignant"
    assert artifact["threshold"] == 0.5
    check_classification(artifact, result)
    check_curves(artifact["roc"], ["malignant"], ("x", "y", "thresholds"))
    check_curves(artifact["precision_recall"], ["malignant"], ("x", "y", "thresholds"))
    check_curves(artifact["calibration"], ["malignant"], ("x", "y", "count"))
    roc = artifact["roc"][0]
    assert (roc["x"][0], roc["y"][0], roc["x"][-1], roc["y"][-1]) == (0.0, 0.0, 1.0, 1.0)
    assert roc["thresholds"][0] == 1.0 and roc["thresholds"] == sorted(roc["thresholds"], reverse=True)
    precision_recall = artifact["precision_recall"][0]
    assert precision_recall["x"][0] == 0.0 and precision_recall["x"][-1] == 1.0
    assert precision_recall["thresholds"] == sorted(precision_recall["thresholds"], reverse=True)
    features = {f["name"] for f in result["report"]["feature_columns"]}
    importances = artifact["feature_importances"]
    assert 0 < len(importances) <= evaluation_artifact.MAX_FEATURES and {f["feature"] for f in importances} <= features
    assert [f["importance"] for f in importances] == sorted((f["importance"] for f in importances), reverse=True)
    assert all(np.isfinite(numbers(artifact)))


def test_multiclass_artifact_has_one_vs_rest_curves_per_class(tmp_path: Path) -> None:
    result = run_pipeline(tmp_path, DATA / "wine.csv", models='["random_forest"]')
    artifact = read_artifact(result["out"])
    assert set(artifact) == CLASSIFICATION_KEYS and artifact["task"] == "multiclass"
    classes = ["class_0", "class_1", "class_2"]
    assert artifact["classes"] == classes
    check_classification(artifact, result)
    check_curves(artifact["roc"], classes, ("x", "y", "thresholds"))
    check_curves(artifact["precision_recall"], classes, ("x", "y", "thresholds"))
    check_curves(artifact["calibration"], classes, ("x", "y", "count"))


def test_regression_artifact_has_predicted_vs_actual_and_residuals(tmp_path: Path) -> None:
    result = run_pipeline(tmp_path, DATA / "diabetes.csv", target="progression", models='["random_forest"]')
    artifact = read_artifact(result["out"])
    assert set(artifact) == REGRESSION_KEYS and artifact["task"] == "regression"
    test = pd.read_csv(result["out"] / "test.csv")
    assert artifact["rows"] == len(test)
    scatter = artifact["predicted_vs_actual"]
    assert len(scatter["actual"]) == len(scatter["predicted"]) == min(len(test), evaluation_artifact.MAX_SCATTER_ROWS)
    assert set(scatter["actual"]) <= {float(f"{v:.6g}") for v in test["progression"]}
    residuals = artifact["residuals"]
    assert len(residuals["edges"]) == 21 and len(residuals["counts"]) == 20 and sum(residuals["counts"]) == len(test)
    assert set(artifact["metrics"]) == {"rmse", "mae", "r2"} and set(artifact["intervals"]) == {"rmse", "mae", "r2"}
    assert artifact["candidates"] == [
        {
            "name": "random_forest",
            "cv_score": pytest.approx(result["index"]["candidates"][0]["cv_score"], rel=1e-5),
            "metrics": {
                key: pytest.approx(result["metrics"][f"random_forest_{key}"], rel=1e-5) for key in artifact["metrics"]
            },
            "chosen": True,
        }
    ]


def test_a_large_regression_keeps_a_seeded_sample_and_every_row_in_the_histogram() -> None:
    rng = np.random.default_rng(1)
    actual = rng.normal(100, 20, 3000)
    predicted = actual + rng.normal(0, 5, 3000)
    plots = evaluation_artifact.regression_plots(actual, predicted, seed=7)
    sample = plots["predicted_vs_actual"]
    assert len(sample["actual"]) == evaluation_artifact.MAX_SCATTER_ROWS
    assert np.array_equal(
        sample["actual"],
        evaluation_artifact.regression_plots(actual, predicted, seed=7)["predicted_vs_actual"]["actual"],
    )
    assert int(plots["residuals"]["counts"].sum()) == 3000


def test_long_curves_are_downsampled_keeping_their_ends_and_aligned_thresholds() -> None:
    from sklearn.metrics import precision_recall_curve, roc_curve

    rng = np.random.default_rng(0)
    truth = rng.integers(0, 2, 5000)
    score = np.clip(truth * 0.2 + rng.uniform(0, 0.8, 5000), 0, 1)
    fpr, tpr, roc_thresholds = roc_curve(truth, score)
    assert len(fpr) > evaluation_artifact.MAX_CURVE_POINTS  # else nothing is downsampled
    roc = evaluation_artifact.roc("1", truth, score)
    assert len(roc["x"]) <= evaluation_artifact.MAX_CURVE_POINTS
    full = {(f, t, th) for f, t, th in zip(fpr, tpr, roc_thresholds)}
    # Each kept point is a point of the full curve with its own threshold (the first's is 1.0).
    assert all((f, t, th) in full for f, t, th in zip(roc["x"][1:], roc["y"][1:], roc["thresholds"][1:]))
    assert (roc["x"][0], roc["y"][0], roc["thresholds"][0]) == (0.0, 0.0, 1.0)
    assert (roc["x"][-1], roc["y"][-1]) == (1.0, 1.0)

    precision, recall, pr_thresholds = precision_recall_curve(truth, score)
    pr = evaluation_artifact.precision_recall("1", truth, score)
    assert len(pr["x"]) <= evaluation_artifact.MAX_CURVE_POINTS
    full = {(r, p, th) for r, p, th in zip(recall, precision, pr_thresholds)}
    assert all((r, p, th) in full for r, p, th in zip(pr["x"][1:], pr["y"][1:], pr["thresholds"][1:]))
    assert (pr["x"][0], pr["y"][0], pr["thresholds"][0]) == (recall[-1], precision[-1], 1.0)
    assert (pr["x"][-1], pr["y"][-1]) == (recall[0], precision[0])


def signal_and_noise(rows: int, seed: int = 0) -> pd.DataFrame:
    """The label follows ``signal``; the other columns are noise."""
    rng = np.random.default_rng(seed)
    signal = rng.normal(0, 1, rows)
    return pd.DataFrame(
        {
            "noise_a": rng.normal(0, 1, rows),
            "signal": signal,
            "noise_b": rng.uniform(0, 10, rows),
            "noise_colour": rng.choice(["red", "green", "blue"], rows),
            "label": np.where(signal + rng.normal(0, 0.3, rows) > 0, "yes", "no"),
        }
    )


def test_permutation_importances_find_the_column_that_carries_the_label(tmp_path: Path) -> None:
    csv = tmp_path / "signal.csv"
    signal_and_noise(500).to_csv(csv, index=False)
    result = run_pipeline(tmp_path, csv, models='["random_forest"]')
    importances = read_artifact(result["out"])["feature_importances"]
    assert {f["feature"] for f in importances} == {"noise_a", "signal", "noise_b", "noise_colour"}
    assert importances[0]["feature"] == "signal" and importances[0]["importance"] > 0.2
    assert all(abs(f["importance"]) < 0.05 for f in importances[1:])


def test_importances_on_more_rows_than_the_sample_cap_still_find_the_signal() -> None:
    from sklearn.linear_model import LogisticRegression

    frame = signal_and_noise(6000).drop(columns="noise_colour")
    y = (frame.pop("label") == "yes").to_numpy(dtype=int)
    y[:6000:200] = 2  # 30 rows of a rare third class: the stratified sample keeps some for ROC AUC
    model = LogisticRegression(max_iter=1000).fit(frame, y)
    importances = evaluation_artifact.feature_importances(model, frame, y, "roc_auc_ovr_weighted", True, seed=3)
    assert importances[0]["feature"] == "signal"


def test_the_artifact_is_byte_identical_when_evaluate_runs_again(tmp_path: Path) -> None:
    result = run_pipeline(tmp_path, DATA / "breast_cancer.csv", models='["random_forest", "decision_tree"]')
    first = (result["out"] / "evaluation.json").read_bytes()
    evaluate_models(result["out"])
    assert (result["out"] / "evaluation.json").read_bytes() == first


def test_rounding_keeps_six_significant_digits_and_refuses_non_finite_numbers() -> None:
    values = evaluation_artifact.rounded({"a": np.float64(0.123456789), "b": [np.int64(3), -0.0, 1234567.8]})
    assert json.dumps(values) == '{"a": 0.123457, "b": [3, 0.0, 1234570.0]}'
    with pytest.raises(ValueError, match="non-finite"):
        evaluation_artifact.rounded([float("nan")])
