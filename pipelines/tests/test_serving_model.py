"""serving.model's instance conversion: a client value becomes what the training frame held,
or a ValueError that the server turns into a 400 naming the feature (never a 500)."""

from __future__ import annotations

import math
from typing import Any

import pytest

from serving.common import StartupError, preview
from serving.model import CATEGORICAL, NUMERIC, convert, parse_schema


@pytest.mark.parametrize(
    ("value", "expected"),
    [(3, 3.0), (2.5, 2.5), (" 7 ", 7.0), ("1e20", 1e20), (-(10**20), -1e20)],
)
def test_numeric_values_become_floats(value: Any, expected: float) -> None:
    assert convert(value, NUMERIC) == expected


@pytest.mark.parametrize("value", [None, "", "NA", " null ", "N/A"])
def test_null_and_missing_tokens_are_missing(value: Any) -> None:
    assert math.isnan(convert(value, NUMERIC))


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (True, "got boolean true"),
        ("twelve", "got string 'twelve'"),
        ([1], "got array"),
        (10**400, r"must be a number from -1e\+20 to 1e\+20"),  # float() of it would overflow
        (math.inf, "must be a number from"),
        ("1e21", "must be a number from"),
    ],
)
def test_numeric_values_the_model_cannot_take_are_refused(value: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        convert(value, NUMERIC)


def test_categorical_values_become_text() -> None:
    assert convert("Month-to-month", CATEGORICAL) == "Month-to-month"
    assert convert(1, CATEGORICAL) == "1" and convert(True, CATEGORICAL) == "True"
    assert math.isnan(convert("", CATEGORICAL))
    with pytest.raises(ValueError, match="must be a string"):
        convert({"a": 1}, CATEGORICAL)


def test_preview_shortens_long_values() -> None:
    assert preview("x" * 100) == "'" + "x" * 36 + "..."
    assert preview([1, 2]) == "[1, 2]"


def test_parse_schema_refuses_what_cannot_validate_instances() -> None:
    schema = [{"name": "tenure", "kind": NUMERIC}, {"name": "plan", "kind": CATEGORICAL, "extra": 1}]
    assert parse_schema({"feature_schema": schema}) == [
        {"name": "tenure", "kind": NUMERIC},
        {"name": "plan", "kind": CATEGORICAL},
    ]
    with pytest.raises(StartupError, match="no feature_schema"):
        parse_schema({})
    with pytest.raises(StartupError, match="names the same feature twice"):
        parse_schema({"feature_schema": schema + [{"name": "tenure", "kind": NUMERIC}]})
    with pytest.raises(StartupError, match="has kind 'text'"):
        parse_schema({"feature_schema": [{"name": "x", "kind": "text"}]})
