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
"""

from __future__ import annotations

import base64
import json
import math
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence
from urllib.parse import quote, urlencode

import numpy as np
import pandas as pd

from cloud.google_api import GoogleApiError, bigquery_url, request_json
from components.common import ComponentError, log

READ_ROLE = "roles/bigquery.dataViewer"
WRITE_ROLE = "roles/bigquery.dataEditor"

# tabledata.insertAll limits: Google recommends at most 500 rows per request and refuses
# requests over 10 MB; 9 MB leaves room for the envelope.
MAX_ROWS_PER_REQUEST = 500
MAX_REQUEST_BYTES = 9_000_000

# Standard SQL names and the legacy names the REST API reports (tables.get says INTEGER for
# a column created as INT64).
TYPE_ALIASES = {
    "INT64": "INTEGER",
    "FLOAT64": "FLOAT",
    "BOOL": "BOOLEAN",
    "STRUCT": "RECORD",
    "DECIMAL": "NUMERIC",
    "BIGDECIMAL": "BIGNUMERIC",
}
# Scalar types whose values arrive as BigQuery's text form (BYTES as base64).
TEXT_TYPES = frozenset({"STRING", "BYTES", "DATE", "DATETIME", "TIME", "GEOGRAPHY", "JSON", "INTERVAL"})
SCALAR_TYPES = TEXT_TYPES | {"INTEGER", "FLOAT", "NUMERIC", "BIGNUMERIC", "BOOLEAN", "TIMESTAMP"}
MODES = frozenset({"NULLABLE", "REQUIRED"})
NOT_LISTABLE = frozenset({"VIEW", "MATERIALIZED_VIEW", "EXTERNAL"})

PROJECT_ID = re.compile(r"^[a-z][a-z0-9-]{4,28}[a-z0-9]$")
DATASET_ID = re.compile(r"^[A-Za-z0-9_]{1,1024}$")
TABLE_ID = re.compile(r"^[\w\- ]{1,1024}$")
COLUMN_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,299}$")
TABLE_URI = "bq://PROJECT.DATASET.TABLE"
TABLE_PARTS = re.compile(r"^([^.:/]+)[.:]([^./]+)\.([^/]+)$")


@dataclass(frozen=True)
class TableRef:
    project: str
    dataset: str
    table: str

    def __str__(self) -> str:
        return f"{self.project}.{self.dataset}.{self.table}"

    @property
    def dataset_path(self) -> str:
        return f"/bigquery/v2/projects/{quote(self.project, safe='')}/datasets/{quote(self.dataset, safe='')}"

    @property
    def path(self) -> str:
        return f"{self.dataset_path}/tables/{quote(self.table, safe='')}"


def parse_table_ref(text: str) -> TableRef:
    """``bq://project.dataset.table`` (or the legacy ``bq://project:dataset.table``) as a TableRef."""
    value = text.strip()
    if not value.lower().startswith("bq://"):
        raise ComponentError(f"{text!r} is not a BigQuery table URI: expected {TABLE_URI}")
    parts = TABLE_PARTS.match(value[len("bq://") :])
    if not parts:
        raise ComponentError(f"{text!r} is not a BigQuery table URI: expected {TABLE_URI}")
    project, dataset, table = parts.groups()
    if not PROJECT_ID.match(project):
        raise ComponentError(
            f"{text!r}: {project!r} is not a project ID (6-30 lowercase letters, digits and hyphens, "
            "starting with a letter)"
        )
    if not DATASET_ID.match(dataset):
        raise ComponentError(f"{text!r}: {dataset!r} is not a dataset ID (letters, digits and underscores)")
    if not TABLE_ID.match(table):
        raise ComponentError(
            f"{text!r}: {table!r} is not a table ID (letters, digits, underscores, hyphens and spaces)"
        )
    return TableRef(project, dataset, table)


def _as_ref(ref: TableRef | str) -> TableRef:
    return ref if isinstance(ref, TableRef) else parse_table_ref(ref)


def _what(ref: TableRef) -> str:
    return f"BigQuery table {ref}"


def _type_of(field: Mapping[str, Any]) -> str:
    kind = str(field.get("type") or "").upper()
    return TYPE_ALIASES.get(kind, kind)


def _is_flat(field: Mapping[str, Any]) -> bool:
    return _type_of(field) != "RECORD" and str(field.get("mode") or "NULLABLE").upper() != "REPEATED"


# --------------------------------------------------------------------------- reading


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
    ref = _as_ref(ref)
    if chunk_rows < 1:
        raise ComponentError(f"chunk_rows must be at least 1, got {chunk_rows}")
    table = request_json("GET", bigquery_url(ref.path), what=_what(ref), role=READ_ROLE)
    kind = str(table.get("type") or "TABLE")
    if kind in NOT_LISTABLE:
        raise ComponentError(
            f"{_what(ref)} is a {kind}, whose rows cannot be listed: materialize it into a table first "
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
        page = request_json("GET", url, what=_what(ref), role=READ_ROLE)
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
            raise ComponentError(f"no columns to read from {_what(ref)}")
        by_name = {str(field["name"]).lower(): field for field in fields}
        missing = [name for name in columns if name.lower() not in by_name]
        if missing:
            raise ComponentError(
                f"{_what(ref)} lacks column(s) {', '.join(map(repr, missing))}; "
                f"it has {', '.join(repr(str(field['name'])) for field in fields)}"
            )
        asked = {name.lower(): name for name in reversed(columns)}  # the first spelling wins
        selected = [field for field in fields if str(field["name"]).lower() in asked]
        names = [asked[str(field["name"]).lower()] for field in selected]
        order = [asked[key] for key in dict.fromkeys(name.lower() for name in columns)]
    nested = [
        f"{field['name']!r} ({field.get('mode') or 'NULLABLE'} {field.get('type')})"
        for field in selected
        if not _is_flat(field)
    ]
    if nested:
        raise ComponentError(
            f"{_what(ref)} has nested or repeated column(s) {', '.join(nested)}, which are not read: "
            "select other columns, or flatten them into a table first"
        )
    return selected, names, order


def _frame(
    ref: TableRef, rows: list[dict[str, Any]], fields: list[Mapping[str, Any]], names: list[str], order: list[str]
) -> pd.DataFrame:
    """One page of tabledata.list (``{"f": [{"v": "text"}, ...]}`` rows) as typed columns in ``order``."""
    cells = [row.get("f") or [] for row in rows]
    if any(len(row) != len(fields) for row in cells):
        raise ComponentError(f"{_what(ref)}: BigQuery answered rows that do not have {len(fields)} cells")
    columns: dict[str, Any] = {}
    for position, (field, name) in enumerate(zip(fields, names)):
        values = [row[position].get("v") for row in cells]
        columns[name] = _convert(ref, name, _type_of(field), values)
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
                f"column {name!r} of {_what(ref)} holds a TIMESTAMP outside the years 1677-2262 that pandas "
                "can represent (a 9999-12-31 placeholder?); leave the column out or clamp it in a table"
            ) from None
    return np.array(values, dtype=object)


# --------------------------------------------------------------------------- writing


def prepare_table(ref: TableRef | str, schema: Sequence[Mapping[str, str]], *, create: bool = True) -> None:
    """Makes sure rows of ``schema`` can be streamed into the table, before any row is sent.

    ``schema`` is BigQuery's JSON form, ``[{"name", "type", "mode"?}]`` with scalar types and
    mode NULLABLE (default) or REQUIRED. A missing table is created with it (unless
    ``create`` is false: then a missing table is an error); an existing table must have each
    column with the same type, and no REQUIRED column outside ``schema``. The dataset must exist.
    """
    ref = _as_ref(ref)
    fields = _check_schema(schema)
    try:
        table = request_json("GET", bigquery_url(ref.path), what=_what(ref), role=WRITE_ROLE)
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
        kind = _type_of(field)
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
        table = request_json("POST", url, body, what=_what(ref), role=WRITE_ROLE)
    except GoogleApiError as error:
        if error.status == 409:
            # Created meanwhile: by a parallel task, or by our own request whose answer was lost.
            return request_json("GET", bigquery_url(ref.path), what=_what(ref), role=WRITE_ROLE)
        if error.status == 404:
            raise ComponentError(
                f"BigQuery dataset {ref.project}.{ref.dataset} was not found ({error.detail}): create it first, "
                f"e.g. bq mk --dataset --location=<region of your jobs> {ref.project}:{ref.dataset}"
            ) from None
        raise
    log(f"created {_what(ref)} with columns {', '.join(field['name'] for field in fields)}")
    return table


def _check_fits(ref: TableRef, table: Mapping[str, Any], fields: list[dict[str, str]]) -> None:
    existing = {str(field["name"]).lower(): field for field in (table.get("schema") or {}).get("fields") or []}
    problems = []
    for field in fields:
        found = existing.get(field["name"].lower())
        if found is None:
            problems.append(f"column {field['name']!r} is missing")
        elif not _is_flat(found) or _type_of(found) != field["type"]:
            actual = f"{found.get('mode') or 'NULLABLE'} {found.get('type')}"
            problems.append(f"column {field['name']!r} is {actual}, not {field['type']}")
    wanted = {field["name"].lower() for field in fields}
    for name, found in existing.items():
        if str(found.get("mode") or "").upper() == "REQUIRED" and name not in wanted:
            problems.append(f"its REQUIRED column {found['name']!r} would get no value")
    if problems:
        raise ComponentError(
            f"{_what(ref)} does not fit the rows to write: {'; '.join(problems)}; write to another table, "
            "or change this one (ALTER TABLE ... ADD COLUMN ...)"
        )


def insert_rows(ref: TableRef | str, rows: Sequence[Mapping[str, Any]], insert_ids: Sequence[str]) -> int:
    """Streams rows into an existing table and returns how many were sent; see ``write_rows``.

    ``insert_ids[i]`` is row i's insert ID. Rows are dicts of column -> value (None, NaN, NaT
    and pd.NA are NULL; a missing key too).
    """
    return _insert(_as_ref(ref), rows, insert_ids, first_row=0)


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
    ref = _as_ref(ref)
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
        answer = request_json("POST", url, {"rows": batch}, what=_what(ref), role=WRITE_ROLE)
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
        f"{_what(ref)} refused {len(refused)} of {count} rows sent in one request, so none of those {count} were "
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
