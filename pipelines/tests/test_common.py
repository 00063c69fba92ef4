"""components.common: the conventions every component shares (one-line messages, JSON that
KFP can read, column kinds, the executor output the backend matches artifacts by)."""

from __future__ import annotations

import argparse
import json
import math

import numpy as np
import pandas as pd
import pytest

from cloud.json_values import jsonable
from components.common import (
    CATEGORICAL,
    NUMERIC,
    apply_kinds,
    executor_output,
    fraction,
    is_missing,
    kind_of_dtype,
    one_line,
    positive_int,
)


def test_one_line_collapses_every_kind_of_whitespace() -> None:
    assert one_line("bad value\n  in\trow 3\r\n") == "bad value in row 3"


def test_jsonable_turns_numpy_and_non_finite_numbers_into_plain_json() -> None:
    value = {1: np.float64(0.5), "counts": np.array([1, 2]), "bad": [math.nan, math.inf], "name": "x"}
    converted = jsonable(value)
    assert converted == {"1": 0.5, "counts": [1, 2], "bad": [None, None], "name": "x"}
    json.dumps(converted, allow_nan=False)  # what write_json relies on


def test_is_missing_knows_blanks_and_the_tokens_pandas_treats_as_missing() -> None:
    cells = pd.Series(["", "  ", "NA", "n/a", "NULL", "#N/A", "nan", None, "0", "none", "No"], dtype=object)
    assert is_missing(cells).tolist() == [True] * 8 + [False] * 3


@pytest.mark.parametrize(
    ("dtype", "kind"),
    [("float64", NUMERIC), ("int64", NUMERIC), ("bool", CATEGORICAL), ("object", CATEGORICAL)],
)
def test_kind_of_dtype_treats_booleans_and_text_as_categories(dtype: str, kind: str) -> None:
    assert kind_of_dtype(np.dtype(dtype)) == kind


def test_apply_kinds_casts_numbers_to_float_and_categories_to_text_keeping_missing() -> None:
    frame = pd.DataFrame({"age": ["41", "x", None], "plan": [1, None, 3], "other": [1, 2, 3]})
    cast = apply_kinds(frame, {"age": NUMERIC, "plan": CATEGORICAL, "absent": NUMERIC})
    assert cast["age"].dtype == np.float64
    assert cast["age"].tolist()[0] == 41.0 and cast["age"].isna().tolist() == [False, True, True]
    assert cast["plan"].tolist()[0] == "1.0" and cast["plan"].isna().tolist() == [False, True, False]
    assert cast["other"].tolist() == [1, 2, 3]  # not named: untouched
    assert frame["age"].tolist() == ["41", "x", None]  # the input is not modified


def test_argument_types_refuse_with_the_value_in_the_message() -> None:
    assert positive_int("3") == 3
    with pytest.raises(argparse.ArgumentTypeError, match="expected an integer >= 1, got 0"):
        positive_int("0")
    assert fraction("0.2") == 0.2
    with pytest.raises(argparse.ArgumentTypeError, match="strictly between 0 and 1, got 1.0"):
        fraction("1")


def test_executor_output_keeps_declared_parameters_and_copies_artifact_names() -> None:
    executor_input = {
        "outputs": {
            "outputFile": "/tmp/out/executor_output.json",
            "parameters": {"rows": {"outputFile": "/tmp/out/rows"}},
            "artifacts": {"model": {"artifacts": [{"name": "m1", "uri": "gs://b/m1", "metadata": {}}]}},
        }
    }
    path, payload = executor_output(executor_input, {"rows": 5, "undeclared": 1}, {"model": {"a": 1}, "other": {}})
    assert path == "/tmp/out/executor_output.json"
    assert payload == {
        "parameterValues": {"rows": 5},
        "artifacts": {"model": {"artifacts": [{"name": "m1", "uri": "gs://b/m1", "metadata": {"a": 1}}]}},
    }
