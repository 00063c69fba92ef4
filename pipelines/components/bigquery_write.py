"""Writing BigQuery tables over the REST API v2 (see ``bigquery.py``): rows streamed with
tabledata.insertAll, each with an insert ID, after the table is created when missing or
checked to fit the rows. Values are encoded the way google-cloud-bigquery encodes them.
"""

from __future__ import annotations

import base64
import json
import math
import re
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

import numpy as np
import pandas as pd

from cloud.google_api import GoogleApiError, bigquery_url, request_json
from components.bigquery_tables import TableRef, as_table_ref, column_type, is_flat, what
from components.common import ComponentError, log

WRITE_ROLE = "roles/bigquery.dataEditor"

# tabledata.insertAll limits: Google recommends at most 500 rows per request and refuses
# requests over 10 MB; 9 MB leaves room for the envelope.
MAX_ROWS_PER_REQUEST = 500
MAX_REQUEST_BYTES = 9_000_000

# Scalar types whose values arrive as BigQuery's text form (BYTES as base64).
TEXT_TYPES = frozenset({"STRING", "BYTES", "DATE", "DATETIME", "TIME", "GEOGRAPHY", "JSON", "INTERVAL"})
SCALAR_TYPES = TEXT_TYPES | {"INTEGER", "FLOAT", "NUMERIC", "BIGNUMERIC", "BOOLEAN", "TIMESTAMP"}
MODES = frozenset({"NULLABLE", "REQUIRED"})
COLUMN_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,299}$")


def prepare_table(ref: TableRef | str, schema: Sequence[Mapping[str, str]], *, create: bool = True) -> None:
    """Makes sure rows of ``schema`` can be streamed into the table, before any row is sent.

    ``schema`` is BigQuery's JSON form, ``[{"name", "type", "mode"?}]`` with scalar types and
    mode NULLABLE (default) or REQUIRED. A missing table is created with it (unless
    ``create`` is false: then a missing table is an error); an existing table must have each
    column with the same type, and no REQUIRED column outside ``schema``. The dataset must exist.
    """
    ref = as_table_ref(ref)
    fields = _check_schema(schema)
    try:
        table = request_json("GET", bigquery_url(ref.path), what=what(ref), role=WRITE_ROLE)
    except GoogleApiError as error:
        if error.status != 404 or not create:
            raise
        table = _create_table(ref, fields)
    _check_fits(ref, table, fields)


def _check_schema(schema: Sequence[Mapping[str, str]]) -> list[dict[str, str]]:
    if not schema:
        raise ComponentError("the BigQuery schema has no columns")
    fields: list[dict[str, str]] = []
    seen: set[str] = set()
    for field in schema:
        name = str(field.get("name") or "")
        kind = column_type(field)
        mode = str(field.get("mode") or "NULLABLE").upper()
        if not COLUMN_NAME.match(name):
            raise ComponentError(
                f"{name!r} is not a BigQuery column name (letters, digits and _, not starting with a digit)"
            )
        if name.lower() in seen:
            raise ComponentError(f"the BigQuery schema names column {name!r} twice (names are case-insensitive)")
        if kind not in SCALAR_TYPES:
            raise ComponentError(
                f"column {name!r} has type {field.get('type')!r}; supported: {', '.join(sorted(SCALAR_TYPES))}"
            )
        if mode not in MODES:
            raise ComponentError(f"column {name!r} has mode {mode!r}; supported: NULLABLE, REQUIRED")
        seen.add(name.lower())
        fields.append({"name": name, "type": kind, "mode": mode})
    return fields


def _create_table(ref: TableRef, fields: list[dict[str, str]]) -> dict[str, Any]:
    body = {
        "tableReference": {"projectId": ref.project, "datasetId": ref.dataset, "tableId": ref.table},
        "schema": {"fields": fields},
    }
    url = bigquery_url(f"{ref.dataset_path}/tables")
    try:
        table = request_json("POST", url, body, what=what(ref), role=WRITE_ROLE)
    except GoogleApiError as error:
        if error.status == 409:
            # Created meanwhile: by a parallel task, or by our own request whose answer was lost.
            return request_json("GET", bigquery_url(ref.path), what=what(ref), role=WRITE_ROLE)
        if error.status == 404:
            raise ComponentError(
                f"BigQuery dataset {ref.project}.{ref.dataset} was not found ({error.detail}): create it first, "
                f"e.g. bq mk --dataset --location=<region of your jobs> {ref.project}:{ref.dataset}"
            ) from None
        raise
    log(f"created {what(ref)} with columns {', '.join(field['name'] for field in fields)}")
    return table


def _check_fits(ref: TableRef, table: Mapping[str, Any], fields: list[dict[str, str]]) -> None:
    existing = {str(field["name"]).lower(): field for field in (table.get("schema") or {}).get("fields") or []}
    problems = []
    for field in fields:
        found = existing.get(field["name"].lower())
        if found is None:
            problems.append(f"column {field['name']!r} is missing")
        elif not is_flat(found) or column_type(found) != field["type"]:
            actual = f"{found.get('mode') or 'NULLABLE'} {found.get('type')}"
            problems.append(f"column {field['name']!r} is {actual}, not {field['type']}")
    wanted = {field["name"].lower() for field in fields}
    for name, found in existing.items():
        if str(found.get("mode") or "").upper() == "REQUIRED" and name not in wanted:
            problems.append(f"its REQUIRED column {found['name']!r} would get no value")
    if problems:
        raise ComponentError(
            f"{what(ref)} does not fit the rows to write: {'; '.join(problems)}; write to another table, "
            "or change this one (ALTER TABLE ... ADD COLUMN ...)"
        )


def insert_rows(ref: TableRef | str, rows: Sequence[Mapping[str, Any]], insert_ids: Sequence[str]) -> int:
    """Streams rows into an existing table and returns how many were sent; see ``write_rows``.

    ``insert_ids[i]`` is row i's insert ID. Rows are dicts of column -> value (None, NaN, NaT
    and pd.NA are NULL; a missing key too).
    """
    return _insert(as_table_ref(ref), rows, insert_ids, first_row=0)


def write_rows(
    ref: TableRef | str,
    schema: Sequence[Mapping[str, str]],
    chunks: Iterable[pd.DataFrame | Sequence[Mapping[str, Any]]],
    *,
    insert_id: Callable[[Mapping[str, Any]], str],
    create: bool = True,
) -> int:
    """Streams chunks of rows (DataFrames or lists of dicts) into a table; returns the row count.

    The table is prepared first (``prepare_table``). Rows go in requests of at most 500 rows
    and about 9 MB, each row with ``insert_id(row)`` as its insert ID: make it unique per row
    and the same when the write is retried (e.g. ``f"{run_id}:{row_key}"``), so that BigQuery
    stores a retried row once (it drops a repeated insert ID seen within about a minute).
    When BigQuery refuses rows (wrong type, unknown column, NULL in a REQUIRED column), the
    error names the first few by their position among all rows written; the rows of that
    request are not stored, those of earlier requests are.
    """
    ref = as_table_ref(ref)
    prepare_table(ref, schema, create=create)
    written = 0
    for chunk in chunks:
        rows = chunk.to_dict("records") if isinstance(chunk, pd.DataFrame) else list(chunk)
        written += _insert(ref, rows, [insert_id(row) for row in rows], first_row=written)
    return written


def _insert(ref: TableRef, rows: Sequence[Mapping[str, Any]], insert_ids: Sequence[str], first_row: int) -> int:
    if len(rows) != len(insert_ids):
        raise ValueError(f"{len(rows)} rows but {len(insert_ids)} insert IDs")
    url = bigquery_url(f"{ref.path}/insertAll")
    sent = 0
    for start, batch in _batches(rows, insert_ids, first_row):
        answer = request_json("POST", url, {"rows": batch}, what=what(ref), role=WRITE_ROLE)
        if answer.get("insertErrors"):
            raise ComponentError(_refusal(ref, answer["insertErrors"], start, len(batch), first_row + sent))
        sent += len(batch)
    return sent


def _batches(
    rows: Sequence[Mapping[str, Any]], insert_ids: Sequence[str], first_row: int
) -> Iterator[tuple[int, list[dict[str, Any]]]]:
    """insertAll request bodies' rows, with the position of each request's first row."""
    batch: list[dict[str, Any]] = []
    size = 0
    start = first_row
    for offset, (row, insert_id) in enumerate(zip(rows, insert_ids)):
        position = first_row + offset
        if not insert_id:
            raise ComponentError(f"row {position} has an empty insert ID")
        entry = {"insertId": str(insert_id), "json": _json_row(row, position)}
        entry_size = len(json.dumps(entry, allow_nan=False)) + 1
        if entry_size > MAX_REQUEST_BYTES:
            raise ComponentError(f"row {position} is {entry_size} bytes as JSON; BigQuery streams rows of up to 9 MB")
        if batch and (len(batch) == MAX_ROWS_PER_REQUEST or size + entry_size > MAX_REQUEST_BYTES):
            yield start, batch
            batch, size, start = [], 0, position
        batch.append(entry)
        size += entry_size
    if batch:
        yield start, batch


def _json_row(row: Mapping[str, Any], position: int) -> dict[str, Any]:
    values = {}
    for name, value in row.items():
        converted = _json_value(value)
        if converted is _UNSUPPORTED:
            raise ComponentError(
                f"row {position}: column {name!r} holds a {type(value).__name__}, which has no BigQuery JSON form"
            )
        if converted is not None:
            values[str(name)] = converted
    return values


_UNSUPPORTED = object()


def _json_value(value: Any) -> Any:
    """A cell as insertAll JSON, the way google-cloud-bigquery encodes it: integers as strings
    (exact beyond 2**53), timestamps as UTC ISO 8601, non-finite floats as strings."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.datetime64) and np.isnat(value):
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        number = float(value)
        if math.isnan(number):
            return None
        return number if math.isfinite(number) else ("Infinity" if number > 0 else "-Infinity")
    if isinstance(value, str):
        return value
    if isinstance(value, (datetime, np.datetime64)):
        stamp = pd.Timestamp(value)
        stamp = stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")
        return stamp.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return _UNSUPPORTED


def _refusal(ref: TableRef, errors: list[dict[str, Any]], start: int, count: int, stored: int) -> str:
    """One line for an insertAll answer with insertErrors: the refused rows, not the 'stopped' ones."""
    refused = sorted(
        ((int(entry.get("index") or 0), _problems(entry)) for entry in errors if _problems(entry)),
        key=lambda item: item[0],
    )
    shown = [f"row {start + index}: {'; '.join(problems)}" for index, problems in refused[:3]]
    more = f"; and {len(refused) - 3} more row(s)" if len(refused) > 3 else ""
    return (
        f"{what(ref)} refused {len(refused)} of {count} rows sent in one request, so none of those {count} were "
        f"stored ({stored} rows of this write were stored before them): {'; '.join(shown)}{more}"
    )


def _problems(entry: Mapping[str, Any]) -> list[str]:
    """``location: message`` of each error of a refused row; ``stopped`` means another row failed."""
    described = []
    for problem in entry.get("errors") or []:
        if problem.get("reason") == "stopped":
            continue
        message = str(problem.get("message") or problem.get("reason"))
        described.append(f"{problem['location']}: {message}" if problem.get("location") else message)
    return described
