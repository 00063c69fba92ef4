"""batch_predict's CSV writer formats cells itself (csv_cells) instead of going through pandas'
writer cell by cell: the file must hold the bytes pandas would have written, whatever the cells."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
import pytest

from components import batch_predict

RUN = {
    "model_version": "run:r/condition-1/package-model/deployable_model",
    "predicted_at": "2026-12-05T10:00:00.000001Z",
}


def prediction_frame(keys: list[Any], labels: list[str], probabilities: npt.NDArray[np.float64]) -> pd.DataFrame:
    best = probabilities.argmax(axis=1)
    columns: dict[str, Any] = {
        "row_key": np.asarray(keys, dtype=object),
        "predicted_label": np.asarray(labels, dtype=object)[best],
        "predicted_probability": probabilities[np.arange(len(best)), best],
    }
    for index, label in enumerate(labels):
        columns[f"probability_{label}"] = probabilities[:, index]
    return pd.DataFrame({**columns, **RUN})


def written(frame: pd.DataFrame, path: Path) -> str:
    class Columns:
        names = list(frame.columns)

    writer = batch_predict.CsvWriter(str(path), Columns())  # type: ignore[arg-type]
    writer.write(frame)
    writer.commit()
    return path.read_bytes().decode("utf-8")  # no newline translation: "\r" stays


def by_pandas(frame: pd.DataFrame) -> str:
    body: str = frame.to_csv(header=False, index=False, lineterminator="\n")
    return ",".join(frame.columns) + "\n" + body


@pytest.mark.parametrize("classes", [2, 3, 40])
def test_the_file_holds_what_pandas_writes(classes: int, tmp_path: Path) -> None:
    rng = np.random.default_rng(classes)
    raw = rng.random((500, classes)) ** 8  # tiny values too: 1e-05 and below are written as 1e-05
    raw[:5] = 1.0  # ties: predicted_probability equals several columns on those rows
    probabilities = raw / raw.sum(axis=1, keepdims=True)
    frame = prediction_frame([f"C{i}" for i in range(500)], [f"c{i}" for i in range(classes)], probabilities)
    assert batch_predict.csv_cells(frame.drop(columns=list(RUN))) is not None  # the fast path
    assert written(frame, tmp_path / "out.csv") == by_pandas(frame)


def test_missing_values_and_regression_values(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {"row_key": ["a", "b", "c", "d"], "predicted_value": [np.nan, -0.0, 1e300, -2.5e-7], **RUN},
    )
    assert written(frame, tmp_path / "out.csv") == by_pandas(frame)


@pytest.mark.parametrize("key", ["has,comma", 'has "quote"', "two\nlines", "cr\r"])
def test_cells_that_need_quoting_go_through_pandas(key: str, tmp_path: Path) -> None:
    frame = prediction_frame(["plain", key], ["No", "Yes"], np.array([[0.25, 0.75], [0.5, 0.5]]))
    assert batch_predict.csv_cells(frame.drop(columns=list(RUN))) is None
    assert written(frame, tmp_path / "out.csv") == by_pandas(frame)


def test_cells_that_are_not_text_go_through_pandas(tmp_path: Path) -> None:
    frame = pd.DataFrame({"row_key": ["a", "b"], "predicted_label": [1, 2], **RUN})
    assert batch_predict.csv_cells(frame.drop(columns=list(RUN))) is None
    assert written(frame, tmp_path / "out.csv") == by_pandas(frame)
