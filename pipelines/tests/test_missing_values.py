"""Training, batch prediction and serving see a raw row the same way (issue 18, section 3 item 2).

A model is trained with the real components on data with blank cells, missing-value tokens
("NA", "null", "N/A", " ") and padded categories (" Two year"). The SAME raw rows are then
scored three ways and must get the same probabilities (to 1e-9):

(a) training's view: the rows as preprocess wrote them into train.csv/test.csv, read back the
    way train and evaluate read them (``read_features``);
(b) batch prediction: the raw CSV through ``data_sources.read_chunks`` and ``score_chunk``;
(c) serving: the raw cells as a client sends them (JSON strings, or null for a blank) through
    ``serving.model.Model.predict``.
"""

from __future__ import annotations

import json
import math
import os
import random
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
import pytest

from cloud import rows
from components import batch_predict, preprocess, train
from components import common
from components.common import read_features
from components.data_sources import read_chunks
from components.model_source import ResolvedModel
from serving import model as serving_model
from serving.model import load_model

TOLERANCE = 1e-9
HEADER = ["MonthlyCharges", "tenure", "Contract", "PaymentMethod", "Partner", "Churn"]
# Every spelling the three paths must agree on: blanks, whitespace, tokens in any case, padding.
MISSING_SPELLINGS = ["", " ", "  ", "NA", "na", "N/A", "null", "NULL", " null ", "NaN", "nan", "<NA>", "#N/A"]


def make_rows(count: int, seed: int = 7) -> list[list[str]]:
    """Churn-like raw rows as CSV text. MonthlyCharges is unique per row (it identifies a row in
    preprocess's output) and never missing; the other features carry the missing spellings."""
    rng = random.Random(seed)
    contracts = ["Month-to-month", "One year", "Two year"]
    payments = ["Electronic check", "Mailed check", "Bank transfer"]
    out = []
    for index in range(count):
        contract = rng.choice(contracts)
        tenure = rng.randint(1, 72)
        charges = round(20 + rng.random() * 90, 2) + index / 1000
        churn_score = (contract == "Month-to-month") * 1.2 + (tenure < 12) * 0.8 + rng.random()
        row = [
            f"{charges:.3f}",
            str(tenure),
            contract,
            rng.choice(payments),
            rng.choice(["Yes", "No"]),
            "Yes" if churn_score > 1.4 else "No",
        ]
        # Dirty cells: a tenth of the rows lose a value, some categories are padded.
        if index % 10 == 3:
            row[1] = MISSING_SPELLINGS[index % len(MISSING_SPELLINGS)]
        if index % 10 == 5:
            row[2] = MISSING_SPELLINGS[(index // 10) % len(MISSING_SPELLINGS)]
        if index % 10 == 7:
            row[3] = MISSING_SPELLINGS[(index // 10 + 3) % len(MISSING_SPELLINGS)]
        if index % 10 == 8:
            row[2] = f" {row[2]} "
        out.append(row)
    return out


def write_csv(path: Path, data: list[list[str]]) -> None:
    frame = pd.DataFrame(data, columns=HEADER)
    frame.to_csv(path, index=False)


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("skew")
    data = make_rows(300)
    raw = root / "raw.csv"
    write_csv(raw, data)
    out = root / "out"
    preprocess.main(
        [
            "--raw-data",
            str(raw),
            "--target-column",
            "Churn",
            "--train-data",
            str(out / "train.csv"),
            "--test-data",
            str(out / "test.csv"),
            "--preprocess-report",
            str(out / "report.json"),
        ]
    )
    train.main(
        [
            "--train-data",
            str(out / "train.csv"),
            "--preprocess-report",
            str(out / "report.json"),
            "--models",
            '["random_forest"]',
            "--search-iterations",
            "2",
            "--model",
            str(out / "models"),
        ]
    )
    # The probe rows: every row with a dirty cell, plus a few clean ones.
    probes = [row for index, row in enumerate(data) if index % 10 in (0, 3, 5, 7, 8)]
    probe_csv = root / "probe.csv"
    write_csv(probe_csv, probes)
    return {"out": out, "probes": probes, "probe_csv": probe_csv}


def positive_probability(
    probabilities: npt.NDArray[np.float64], classes: list[Any], metadata: dict[str, Any]
) -> npt.NDArray[np.float64]:
    code = metadata["label_mapping"]["Yes"]
    return np.asarray(probabilities[:, classes.index(code)], dtype="float64")


def training_view(trained: dict[str, Any]) -> npt.NDArray[np.float64]:
    out: Path = trained["out"]
    report = json.loads((out / "report.json").read_text())
    kinds = {f["name"]: f["kind"] for f in report["feature_columns"]}
    frame = pd.concat([read_features(str(out / name), kinds) for name in ("train.csv", "test.csv")], ignore_index=True)
    key = frame["MonthlyCharges"].round(3)
    picked = []
    for row in trained["probes"]:
        match = frame[key == round(float(row[0]), 3)]
        assert len(match) == 1, row
        picked.append(match)
    features = pd.concat(picked, ignore_index=True)[list(kinds)]
    import joblib

    model = joblib.load(out / "models" / "random_forest" / "model.joblib")
    metadata = json.loads((out / "models" / "random_forest" / "metadata.json").read_text())
    probabilities: npt.NDArray[np.float64] = model.predict_proba(features)
    return positive_probability(probabilities, list(model.classes_), metadata)


def batch_view(trained: dict[str, Any]) -> npt.NDArray[np.float64]:
    out: Path = trained["out"]
    model = load_model(str(out / "models" / "random_forest"))  # the same files batch_predict's resolve_model loads
    resolved = ResolvedModel(model.estimator, model.metadata, "test", "0" * 16, None)
    kinds = {f["name"]: f["kind"] for f in model.metadata["feature_schema"]}
    columns = batch_predict.PredictionColumns(resolved)
    chunks = list(read_chunks(str(trained["probe_csv"]), kinds, 7, "features"))
    scored = pd.concat(
        [
            batch_predict.score_chunk(resolved, columns, chunk, pd.Series(range(len(chunk)), index=chunk.index), "now")
            for chunk in chunks
        ],
        ignore_index=True,
    )
    probabilities: npt.NDArray[np.float64] = scored["probability_Yes"].to_numpy(dtype="float64")
    return probabilities


def serving_view(trained: dict[str, Any], nulls: bool) -> npt.NDArray[np.float64]:
    model = load_model(str(trained["out"] / "models" / "random_forest"))
    instances = []
    for row in trained["probes"]:
        instance: dict[str, Any] = dict(zip(HEADER[:-1], row[:-1]))
        if nulls:  # what a JSON client sends for an empty cell and for numbers
            instance = {k: (None if v == "" else v) for k, v in instance.items()}
            instance["MonthlyCharges"] = float(instance["MonthlyCharges"])
        instances.append({name: instance[name] for name in model.names})
    answers = model.predict(instances)
    return np.array([answer["probabilities"]["Yes"] for answer in answers], dtype="float64")


def test_the_same_raw_rows_get_the_same_probabilities_in_training_batch_and_serving(trained: dict[str, Any]) -> None:
    expected = training_view(trained)
    assert len(expected) == len(trained["probes"])
    for name, got in (
        ("batch", batch_view(trained)),
        ("serving (strings)", serving_view(trained, nulls=False)),
        ("serving (nulls, numbers)", serving_view(trained, nulls=True)),
    ):
        worst = int(np.abs(got - expected).argmax())
        assert np.abs(got - expected).max() <= TOLERANCE, (
            f"{name}: row {trained['probes'][worst]} got P(Yes) {got[worst]:.6f}, "
            f"training's view {expected[worst]:.6f}"
        )


# --------------------------------------------------------------------------- the rule itself


@pytest.mark.parametrize("value", [None, math.nan, np.nan, pd.NA, *MISSING_SPELLINGS])
def test_missing_cells_become_nan(value: Any) -> None:
    cleaned = rows.normalise_cell(value)
    assert isinstance(cleaned, float) and math.isnan(cleaned)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(" Two year", "Two year"), ("Yes ", "Yes"), ("None", "None"), ("?", "?"), (3, 3), (2.5, 2.5), (True, True)],
)
def test_other_cells_are_stripped_text_or_unchanged_values(value: Any, expected: Any) -> None:
    assert rows.normalise_cell(value) == expected
    assert type(rows.normalise_cell(value)) is type(expected)


def test_a_column_is_normalised_cell_by_cell_with_nan_never_none() -> None:
    values = pd.Series([" a ", "NA", None, "b", " ", "a", np.nan, "null"], dtype=object)
    cleaned = rows.normalise_column(values)
    assert cleaned.tolist()[:1] == ["a"] and cleaned[3] == "b" and cleaned[5] == "a"
    assert all(isinstance(cleaned[i], float) and math.isnan(cleaned[i]) for i in (1, 2, 4, 6, 7))
    assert not any(value is None for value in cleaned)
    numbers = pd.Series([1.5, np.nan, 3.0])
    assert rows.normalise_column(numbers) is numbers  # numbers stay numbers, untouched


def test_categorical_numbers_and_booleans_become_the_text_a_csv_holds() -> None:
    assert rows.normalise_value(1, rows.CATEGORICAL) == "1"
    assert rows.normalise_value(True, rows.CATEGORICAL) == "True"
    assert rows.normalise_value(" 7 ", rows.NUMERIC) == 7.0
    assert math.isnan(rows.normalise_value(" NA ", rows.NUMERIC))


def test_preprocess_reports_the_shared_token_list() -> None:
    assert common.MISSING_TOKENS is rows.MISSING_TOKENS
    assert serving_model.MISSING_TOKENS is rows.MISSING_TOKENS
    assert os.path.basename(rows.__file__) == "rows.py"
