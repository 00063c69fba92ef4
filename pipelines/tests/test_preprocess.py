"""components.preprocess's column rules: which names look like identifiers (dropped: they
would let a model memorise rows) and which cells count as numbers."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from components.common import CATEGORICAL, NUMERIC
from components.preprocess import analyse_column, looks_like_id_name, name_tokens, parse_number


def test_name_tokens_split_camel_snake_kebab_and_spaces() -> None:
    assert name_tokens("customerID") == ["customer", "id"]
    assert name_tokens("Monthly_Charges-total 2") == ["monthly", "charges", "total", "2"]


@pytest.mark.parametrize(
    "name", ["id", "ID", "customerID", "customer_id", "user-id", "id_number", "customerid", "UUID"]
)
def test_identifier_names_are_recognised(name: str) -> None:
    assert looks_like_id_name(name)


@pytest.mark.parametrize("name", ["tenure", "paid", "idle_minutes", "valid", "Contract"])
def test_ordinary_names_are_not_identifiers(name: str) -> None:
    assert not looks_like_id_name(name)


def test_parse_number_accepts_finite_numbers_only() -> None:
    assert parse_number(" 1e3 ") == 1000.0
    assert parse_number("inf") is None and parse_number("nan") is None and parse_number("12 months") is None


def test_analyse_column_decides_kind_or_drop() -> None:
    numeric = analyse_column("TotalCharges", pd.Series(["10.5", " ", "20", "20"]))
    assert numeric["kind"] == NUMERIC
    assert numeric["coerced"]["blank_to_missing"] == 1
    assert math.isnan(numeric["values"][1])
    assert analyse_column("Contract", pd.Series(["a", "b", "a"]))["kind"] == CATEGORICAL
    assert analyse_column("row_id", pd.Series(["1", "2", "3"])) == {
        "drop": "identifier: the name looks like one and the integer values are all different"
    }
    assert analyse_column("plan", pd.Series(["x", "x", "NA"])) == {"drop": "constant (every value is 'x')"}
