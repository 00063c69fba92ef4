"""preprocess's target column (issue 18, section 3 item 5): an empty target_column takes the
last column only when it looks like a class label, and the run says which column it chose."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from components import preprocess
from components.common import ComponentError


def frame(rows: int = 60, seed: int = 3) -> pd.DataFrame:
    rng = random.Random(seed)
    return pd.DataFrame(
        {
            "tenure": [str(rng.randint(1, 72)) for _ in range(rows)],
            "Contract": [rng.choice(["Month-to-month", "One year", "Two year"]) for _ in range(rows)],
            "Churn": [rng.choice(["Yes", "No"]) for _ in range(rows)],
            "TotalCharges": [f"{rng.random() * 5000:.2f}" for _ in range(rows)],
            "customerID": [f"{index:04d}-ABCD" for index in range(rows)],
            "region": [str(index % 30) for index in range(rows)],
            "code": [f"c{index}" for index in range(rows)],
        }
    )


def run(tmp_path: Path, data: pd.DataFrame, target: str = "") -> dict[str, Any]:
    raw = tmp_path / "raw.csv"
    data.to_csv(raw, index=False)
    preprocess.main(
        [
            "--raw-data",
            str(raw),
            "--target-column",
            target,
            "--train-data",
            str(tmp_path / "train.csv"),
            "--test-data",
            str(tmp_path / "test.csv"),
            "--preprocess-report",
            str(tmp_path / "report.json"),
        ]
    )
    report: dict[str, Any] = json.loads((tmp_path / "report.json").read_text())
    return report


def test_a_label_like_last_column_is_the_default_and_the_run_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = run(tmp_path, frame()[["tenure", "Contract", "Churn"]])
    assert report["target_column"] == "Churn"
    assert report["target_column_source"] == "default: the last column"
    assert "target 'Churn' (default: the last column)" in capsys.readouterr().out


def test_a_given_target_column_is_used_wherever_it_is(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = run(tmp_path, frame()[["Churn", "tenure", "Contract", "TotalCharges"]], "Churn")
    assert report["target_column"] == "Churn" and report["target_column_source"] == "given"
    assert "target 'Churn' (given)" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("last", "reason"),
    [
        ("TotalCharges", "numbers with a fractional part"),  # a measurement moved to the end
        ("customerID", "its name looks like an identifier"),
        ("region", "30 distinct values"),
        ("code", "distinct values"),
    ],
)
def test_a_last_column_that_is_not_a_label_stops_the_run(tmp_path: Path, last: str, reason: str) -> None:
    columns = ["tenure", "Contract", "Churn", last]
    with pytest.raises(ComponentError) as error:
        run(tmp_path, frame()[columns])
    message = str(error.value)
    assert f"the last column {last!r} would be the label" in message and reason in message
    assert "set target_column" in message and "'Churn'" in message
    assert not (tmp_path / "report.json").exists()


def test_every_value_different_is_not_a_label_even_with_few_rows(tmp_path: Path) -> None:
    data = frame(rows=12)[["tenure", "Contract", "Churn"]].assign(name=[f"n{index}" for index in range(12)])
    with pytest.raises(ComponentError, match="every one of its 12 values is different"):
        run(tmp_path, data)


def test_label_problem_accepts_class_labels() -> None:
    assert preprocess.label_problem(pd.Series(["Yes", "No", " Yes", "NA"])) is None
    assert preprocess.label_problem(pd.Series(["0", "1", "2", "1.0", "0", "2"])) is None
    assert preprocess.label_problem(pd.Series(["benign", "malignant", "benign"])) is None
