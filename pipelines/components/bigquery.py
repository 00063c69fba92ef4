"""BigQuery tables over the REST API v2, with the standard library and pandas only.

Reading lists a table's rows page by page (tables.get for the schema, then tabledata.list):
no query job, so nothing is billed and the identity needs only ``roles/bigquery.dataViewer``
on the table or its dataset (not ``bigquery.jobs.create``). Views and external tables cannot
be listed this way; materialize them into a table first.

Writing streams rows with tabledata.insertAll after creating the table when it is missing
(``roles/bigquery.dataEditor``). Every row carries an insert ID, so BigQuery stores a row
once when a request is retried; a request with an invalid row stores none of its rows.

Only flat tables are supported: RECORD and REPEATED columns are refused with a clear error
rather than flattened in some arbitrary way.

This module reads; ``bigquery_write.py`` writes and ``bigquery_tables.py`` parses table URIs.
Their public functions are importable from here too (``components.bigquery.write_rows``).
"""

from __future__ import annotations

import math
from typing import Any, Iterator, Mapping, Sequence
from urllib.parse import urlencode

import numpy as np
import pandas as pd

from cloud.google_api import bigquery_url, request_json
from components.bigquery_tables import TableRef, as_table_ref, column_type, is_flat, parse_table_ref, what
from components.bigquery_write import insert_rows, prepare_table, write_rows
from components.common import ComponentError

__all__ = ["TableRef", "parse_table_ref", "read_table", "prepare_table", "insert_rows", "write_rows"]

READ_ROLE = "roles/bigquery.dataViewer"
NOT_LISTABLE = frozenset({"VIEW", "MATERIALIZED_VIEW", "EXTERNAL"})


def read_table(ref: TableRef | str, chunk_rows: int, columns: Sequence[str] | None = None) -> Iterator[pd.DataFrame]:
    """Yields the rows of a table as DataFrames of at most ``chunk_rows`` rows, one page at a time.

    ``columns`` picks columns (matched case-insensitively, as BigQuery does, and named as
    given, in the order given); by default every column in table order. A column that is
    missing, RECORD or REPEATED is an error raised before the first chunk. An empty table
    yields nothing. BigQuery may answer pages smaller than ``chunk_rows`` (it caps a page at
    about 10 MB).

    Columns: FLOAT, NUMERIC, BIGNUMERIC -> float64 (NaN for NULL); TIMESTAMP ->
    datetime64[ns, UTC] (NaT for NULL); INTEGER -> Python ints and BOOLEAN -> Python bools,
    STRING and every other type -> BigQuery's text form, all three as object columns with
    None for NULL. Object rather than pandas' nullable Int64/boolean keeps integers exact and
    lets the components' casting (``astype(str)`` for categories, ``pd.to_numeric`` for
    numbers, common.apply_kinds) treat them as it treats CSV cells: a nullable Int64 column
    stays numeric under ``where(..., astype(str))``, so category 1 would not match "1".
    """
    ref = as_table_ref(ref)
    if chunk_rows < 1:
        raise ComponentError(f"chunk_rows must be at least 1, got {chunk_rows}")
    table = request_json("GET", bigquery_url(ref.path), what=what(ref), role=READ_ROLE)
    kind = str(table.get("type") or "TABLE")
    if kind in NOT_LISTABLE:
        raise ComponentError(
            f"{what(ref)} is a {kind}, whose rows cannot be listed: materialize it into a table first "
            f"(CREATE TABLE ... AS SELECT * FROM `{ref}`) and read that"
        )
    fields = list((table.get("schema") or {}).get("fields") or [])
    selected, names, order = _select(ref, fields, columns)
    query = {"maxResults": str(chunk_rows), "formatOptions.useInt64Timestamp": "true"}
    if columns is not None:
        # tabledata.list answers the selected columns in table order whatever the order asked.
        query["selectedFields"] = ",".join(str(field["name"]) for field in selected)
    page_token = ""
    while True:
        paging = {"pageToken": page_token} if page_token else {}
        url = bigquery_url(f"{ref.path}/data?" + urlencode({**query, **paging}))
        page = request_json("GET", url, what=what(ref), role=READ_ROLE)
        rows = page.get("rows") or []
        if rows:
            yield _frame(ref, rows, selected, names, order)
        page_token = str(page.get("pageToken") or "")
        if not page_token:
            return


def _select(
    ref: TableRef, fields: list[Mapping[str, Any]], columns: Sequence[str] | None
) -> tuple[list[Mapping[str, Any]], list[str], list[str]]:
    """The fields to list (in table order), the frame column name of each, and the column order."""
    if columns is None:
        selected, names = fields, [str(field["name"]) for field in fields]
        order = names
    else:
        if not columns:
            raise ComponentError(f"no columns to read from {what(ref)}")
        by_name = {str(field["name"]).lower(): field for field in fields}
        missing = [name for name in columns if name.lower() not in by_name]
        if missing:
            raise ComponentError(
                f"{what(ref)} lacks column(s) {', '.join(map(repr, missing))}; "
                f"it has {', '.join(repr(str(field['name'])) for field in fields)}"
            )
        asked = {name.lower(): name for name in reversed(columns)}  # the first spelling wins
        selected = [field for field in fields if str(field["name"]).lower() in asked]
        names = [asked[str(field["name"]).lower()] for field in selected]
        order = [asked[key] for key in dict.fromkeys(name.lower() for name in columns)]
    nested = [
        f"{field['name']!r} ({field.get('mode') or 'NULLABLE'} {field.get('type')})"
        for field in selected
        if not is_flat(field)
    ]
    if nested:
        raise ComponentError(
            f"{what(ref)} has nested or repeated column(s) {', '.join(nested)}, which are not read: "
            "select other columns, or flatten them into a table first"
        )
    return selected, names, order


def _frame(
    ref: TableRef, rows: list[dict[str, Any]], fields: list[Mapping[str, Any]], names: list[str], order: list[str]
) -> pd.DataFrame:
    """One page of tabledata.list (``{"f": [{"v": "text"}, ...]}`` rows) as typed columns in ``order``."""
    cells = [row.get("f") or [] for row in rows]
    if any(len(row) != len(fields) for row in cells):
        raise ComponentError(f"{what(ref)}: BigQuery answered rows that do not have {len(fields)} cells")
    columns: dict[str, Any] = {}
    for position, (field, name) in enumerate(zip(fields, names)):
        values = [row[position].get("v") for row in cells]
        columns[name] = _convert(ref, name, column_type(field), values)
    return pd.DataFrame({name: columns[name] for name in order}, index=pd.RangeIndex(len(rows)))


def _convert(ref: TableRef, name: str, kind: str, values: list[str | None]) -> Any:
    if kind == "INTEGER":
        return np.array([None if value is None else int(value) for value in values], dtype=object)
    if kind in ("FLOAT", "NUMERIC", "BIGNUMERIC"):
        return np.array([math.nan if value is None else float(value) for value in values], dtype="float64")
    if kind == "BOOLEAN":
        return np.array([None if value is None else value == "true" for value in values], dtype=object)
    if kind == "TIMESTAMP":
        micros = [None if value is None else int(value) for value in values]
        try:
            return pd.to_datetime(micros, unit="us", utc=True)
        except pd.errors.OutOfBoundsDatetime:
            raise ComponentError(
                f"column {name!r} of {what(ref)} holds a TIMESTAMP outside the years 1677-2262 that pandas "
                "can represent (a 9999-12-31 placeholder?); leave the column out or clamp it in a table"
            ) from None
    return np.array(values, dtype=object)
