"""The default candidates on real data with categoricals, blank numbers and a Yes/No label: IBM's
Telco customer-churn sample (bench/data, Apache-2.0). Preprocess keeps a deterministic, stratified
2,000-row training sample (seed 42) and holds out the other 5,043 rows, so the held-out scores
move by about ±0.01 rather than the ±0.02 of a 400-row test split."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from components import evaluate, preprocess, train

TELCO = Path(__file__).resolve().parents[2] / "bench" / "data" / "telco-customer-churn.csv"
ROWS, TRAIN_ROWS = 7043, 2000
# The same logistic regression and grid as the "linear" default, on plainly scaled numbers.
PLAIN_LINEAR = {
    "name": "plain_linear",
    "estimator": "sklearn.linear_model.LogisticRegression",
    "params": train.DEFAULT_MODELS["linear"]["classification_params"],
    "search": train.DEFAULT_MODELS["linear"]["classification_search"],
}


def held_out_metrics(out: Path) -> dict[str, Any]:
    names = ("metrics", "classification_metrics", "best_model_name", "primary_metric", "passed")
    evaluate.main(
        [
            *("--test-data", str(out / "test.csv"), "--models", str(out / "models"), "--bootstrap", "20"),
            *("--best-model", str(out / "best"), "--evaluation", str(out / "evaluation.json")),
            *(arg for name in names for arg in (f"--{name.replace('_', '-')}", str(out / name))),
        ]
    )
    return {**json.loads((out / "metrics").read_text()), "best": (out / "best_model_name").read_text()}


def test_the_default_candidates_on_telco_churn(tmp_path: Path) -> None:
    preprocess.main(
        [
            *("--raw-data", str(TELCO), "--target-column", "Churn", "--test-size", str((ROWS - TRAIN_ROWS) / ROWS)),
            *("--train-data", str(tmp_path / "train.csv"), "--test-data", str(tmp_path / "test.csv")),
            *("--preprocess-report", str(tmp_path / "report.json")),
        ]
    )
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["train_rows"] == TRAIN_ROWS and report["test_rows"] == ROWS - TRAIN_ROWS
    # The pipeline's search defaults (training-pipeline.yaml), the default candidates plus the
    # linear model without arcsinh, so the gain of the transform is measured on the same rows.
    models = json.dumps([*train.DEFAULT_MODELS, PLAIN_LINEAR])
    train.main(
        [
            *("--train-data", str(tmp_path / "train.csv"), "--preprocess-report", str(tmp_path / "report.json")),
            *("--models", models, "--search-iterations", "8", "--cv-folds", "3"),
            *("--model", str(tmp_path / "models")),
        ]
    )
    metrics = held_out_metrics(tmp_path)
    # arcsinh lets the linear model follow tenure and the charges on a log-like scale: a better
    # ranking than the same model on plainly scaled numbers (+0.004 to +0.006 over four seeds).
    assert metrics["linear_roc_auc"] > metrics["plain_linear_roc_auc"] + 0.002
    # The chosen model beats the majority class clearly and ranks customers well on 5,043 unseen
    # rows (0.840 to 0.856 over four seeds of this sample; the bar, 0.85, on 7,043 rows
    # is measured by `npm run bench -- --only training-quality`).
    assert metrics["accuracy"] > metrics["baseline_accuracy"] + 0.05
    assert metrics["roc_auc"] > 0.83
