"""The pure parts of components.bigquery and bigquery_write: table URIs, and cells encoded
for insertAll the way google-cloud-bigquery encodes them (so rows written here read back the
same)."""

from __future__ import annotations

import math
from datetime import date, datetime, timezone
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

from components.bigquery import TableRef, parse_table_ref
from components.bigquery_write import _UNSUPPORTED, _json_value
from components.common import ComponentError


def test_parse_table_ref_accepts_standard_and_legacy_forms() -> None:
    assert parse_table_ref(" bq://my-project.sales.daily_2024 ") == TableRef("my-project", "sales", "daily_2024")
    assert parse_table_ref("BQ://my-project:sales.daily") == TableRef("my-project", "sales", "daily")
    ref = TableRef("my-project", "sales", "daily scores")
    assert ref.path == "/bigquery/v2/projects/my-project/datasets/sales/tables/daily%20scores"


@pytest.mark.parametrize(
    ("uri", "message"),
    [
        ("my-project.sales.daily", "is not a BigQuery table URI"),
        ("bq://my-project.sales", "is not a BigQuery table URI"),
        ("bq://1project.sales.daily", "is not a project ID"),
        ("bq://my-project.sales-eu.daily", "is not a dataset ID"),
        ("bq://my-project.sales.daily$1", "is not a table ID"),
    ],
)
def test_parse_table_ref_refuses_malformed_uris(uri: str, message: str) -> None:
    with pytest.raises(ComponentError, match=message):
        parse_table_ref(uri)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        (pd.NA, None),
        (math.nan, None),
        (np.datetime64("NaT"), None),
        (np.bool_(True), True),
        (2**60 + 1, str(2**60 + 1)),  # beyond 2**53: exact only as a string
        (np.int64(-3), "-3"),
        (np.float32(0.5), 0.5),
        (math.inf, "Infinity"),
        (-math.inf, "-Infinity"),
        ("text", "text"),
        (datetime(2024, 5, 1, 12, 30), "2024-05-01T12:30:00.000000Z"),
        (datetime(2024, 5, 1, 14, 30, tzinfo=timezone.utc), "2024-05-01T14:30:00.000000Z"),
        (date(2024, 5, 1), "2024-05-01"),
        (Decimal("1.10"), "1.10"),
        (b"\x00\xff", "AP8="),
    ],
)
def test_json_value_encodes_cells_as_the_client_library_does(value: object, expected: object) -> None:
    assert _json_value(value) == expected


def test_json_value_marks_what_has_no_json_form() -> None:
    assert _json_value({"nested": 1}) is _UNSUPPORTED
