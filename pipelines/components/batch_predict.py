"""batch_predict: score every row of a table with a traced model, in bounded memory.

    python3 -m components.batch_predict --model-source RUN_JSON_OR_REGISTRY_MODEL \\
        --features-uri CSV_OR_GS_OR_BQ [--destination DEST] [--key-column NAME] \\
        [--chunk-rows N] --predictions PATH --summary PATH --rows-scored PATH \\
        [--executor-input '<KFP ExecutorInput JSON>']

The model comes from a training run's record or the Model Registry (components.model_source),
never from a copied path, and every prediction row carries that model version, so results
can be joined back to the input (row key) and to the model that made them.

Destinations:

* ``""`` (default): the ``predictions`` output itself, a CSV file;
* ``<path>.csv``: a CSV file, replaced when the run succeeds (written beside it first);
* ``<path>.db`` / ``.sqlite`` / ``.sqlite3`` with an optional ``#table`` (default
  ``predictions``): appended to a SQLite table in one transaction, so a failed run adds nothing;
* ``bq://project.dataset.table``: appended to a BigQuery table (created when missing) with
  streaming inserts whose insert IDs make a retried batch count once.

Rows are read, scored and written ``--chunk-rows`` at a time (default 50,000), so memory does
not grow with the input. Every argument, the model, the input's columns and the destination are
checked before the first row is written.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
import os
import re
import sqlite3
import time
from datetime import datetime, timezone
from typing import Any, Iterator, Protocol, Sequence

import numpy as np
import pandas as pd

from components.common import (
    ArgumentParser,
    ComponentError,
    ensure_parent_dir,
    elapsed,
    log,
    parse_executor_input,
    positive_int,
    run,
    write_executor_output,
    write_json,
    write_text,
)
from components.data_sources import is_bigquery, local_path, read_chunks
from components.model_source import ResolvedModel, resolve_model

DEFAULT_CHUNK_ROWS = 50_000
DEFAULT_SQLITE_TABLE = "predictions"
SQLITE_SUFFIXES = (".db", ".sqlite", ".sqlite3")
# metadata.json's ``task`` for a model that predicts a number (train.py writes binary,
# multiclass or regression).
REGRESSION = "regression"
# The last columns of every prediction row: the same on every row of a run.
RUN_COLUMNS = ("model_version", "predicted_at")
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


# --------------------------------------------------------------------------- output columns


class PredictionColumns:
    """The prediction table's columns, fixed by the model before anything is scored."""

    def __init__(self, model: ResolvedModel) -> None:
        estimator = model.estimator
        self.regression = model.metadata.get("task") == REGRESSION
        if self.regression:
            # A number per row: no label, no class probabilities.
            self.has_proba = False
            self.labels: list[str] = []
            self.probability_columns: list[str] = []
            self.names = ["row_key", "predicted_value", *RUN_COLUMNS]
            return
        self.has_proba = hasattr(estimator, "predict_proba")
        mapping = model.metadata.get("label_mapping")
        decode: dict[int, str] = {}
        if isinstance(mapping, dict):
            decode = {int(code): str(label) for label, code in mapping.items() if isinstance(code, (int, float))}
        classes = list(getattr(estimator, "classes_", []))
        # preprocess encodes labels as 0..k-1; predictions are written with the original names.
        self.labels = [decode.get(int(value), str(value)) if _is_integral(value) else str(value) for value in classes]
        self.probability_columns = [f"probability_{_column_suffix(label)}" for label in self.labels]
        if len(set(self.probability_columns)) != len(self.probability_columns):
            raise ComponentError(
                f"class labels {self.labels} give clashing column names {self.probability_columns}; rename the labels"
            )
        self.names = ["row_key", "predicted_label"]
        if self.has_proba:
            self.names += ["predicted_probability", *self.probability_columns]
        self.names += RUN_COLUMNS

    def numeric(self) -> set[str]:
        return {"predicted_value", "predicted_probability", *self.probability_columns}

    def sql_types(self) -> dict[str, str]:
        numeric = self.numeric()
        return {name: ("REAL" if name in numeric else "TEXT") for name in self.names}

    def bigquery_schema(self) -> list[dict[str, str]]:
        numeric = self.numeric()
        types = {"predicted_at": "TIMESTAMP"}
        return [
            {
                "name": name,
                "type": "FLOAT" if name in numeric else types.get(name, "STRING"),
                "mode": "NULLABLE" if name in numeric else "REQUIRED",
            }
            for name in self.names
        ]


def _is_integral(value: Any) -> bool:
    return isinstance(value, (int, np.integer)) or (
        isinstance(value, (float, np.floating)) and float(value).is_integer()
    )


def _column_suffix(label: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", label.strip()) or "blank"


# --------------------------------------------------------------------------- destinations


class Writer(Protocol):
    """Where predictions go, chunk by chunk: nothing is visible until ``commit`` (where the
    destination allows it), so a failed run leaves no half-written output."""

    description: str

    def write(self, frame: pd.DataFrame) -> None:
        """Adds one chunk of prediction rows."""

    def commit(self) -> None:
        """Makes every written chunk the destination's content."""

    def abort(self) -> None:
        """Drops what was written (as far as the destination can), after a failure."""


class CsvWriter:
    """Writes next to the target and renames at the end: the file is whole or untouched."""

    def __init__(self, path: str, columns: PredictionColumns) -> None:
        self.description = f"CSV file {path}"
        self.path = path
        self.partial = f"{path}.partial"
        ensure_parent_dir(path)
        if os.path.isdir(path):
            raise ComponentError(f"destination {path} is a directory; give a file name ending in .csv")
        self.handle = open(self.partial, "w", encoding="utf-8", newline="")
        csv.writer(self.handle, lineterminator="\n").writerow(columns.names)

    def write(self, frame: pd.DataFrame) -> None:
        if frame.empty:
            return
        # The run's columns hold one value per run: formatted once and appended to every line
        # rather than by pandas row by row (~0.6 s of a 1M-row run).
        suffix = io.StringIO()
        csv.writer(suffix, lineterminator="\n").writerow(["", *frame.iloc[0][list(RUN_COLUMNS)]])
        ending = suffix.getvalue()
        cells = csv_cells(frame.drop(columns=list(RUN_COLUMNS)))
        if cells is not None:
            self.handle.write(ending.join(map(",".join, zip(*cells))) + ending)
            return
        text = frame.drop(columns=list(RUN_COLUMNS)).to_csv(header=False, index=False, lineterminator="\n")
        if text.count("\n") != len(frame):  # a quoted value spans lines: no suffix per line
            frame.to_csv(self.handle, header=False, index=False, lineterminator="\n")
            return
        self.handle.write(text.replace("\n", ending))

    def commit(self) -> None:
        self.handle.close()
        os.replace(self.partial, self.path)

    def abort(self) -> None:
        self.handle.close()
        os.remove(self.partial)


def csv_cells(frame: pd.DataFrame) -> list[list[str]] | None:
    """Each column of ``frame`` as the text pandas' ``to_csv`` writes for it, or None when a
    cell would need quoting or is not text or a float (then pandas writes the chunk).

    Floats are formatted as pandas formats them (numpy's shortest round-trip text, NaN as an
    empty cell), and text is written as it is: the same bytes, without pandas' writer going
    cell by cell through the csv module (half the time of writing a chunk)."""
    cells: dict[str, Any] = {}
    # Floats from the last column back: a column whose every value is, bit for bit, the value
    # of one of the columns after it on the same row (predicted_probability is the highest
    # class probability) takes that column's text instead of formatting every value again.
    formatted: list[tuple[Any, Any]] = []  # (values as int64 bits, text) of the floats done
    for name, column in reversed(list(frame.items())):
        values = column.to_numpy()
        if values.dtype == np.float64:
            bits = values.view(np.int64)
            picked = _picked_text(bits, formatted)
            if picked is None:
                picked = values.astype(str).astype(object)
                missing = np.isnan(values)
                if missing.any():
                    picked[missing] = ""
                formatted.append((bits, picked))
            cells[name] = picked.tolist()
        elif values.dtype == object:
            strings = values.tolist()
            try:
                joined = "".join(strings)  # a TypeError when a cell is not text
            except TypeError:
                return None
            if any(special in joined for special in _CSV_SPECIAL):
                return None
            cells[name] = strings
        else:
            return None
    return [cells[name] for name in frame.columns]


def _picked_text(bits: Any, formatted: list[tuple[Any, Any]]) -> Any:
    """The text of ``bits`` taken row by row from the formatted columns holding the same bits,
    or None when some row matches none of them."""
    if not formatted:
        return None
    same = np.stack([bits == done for done, _ in formatted])
    if not same.any(axis=0).all():
        return None
    texts = np.stack([text for _, text in formatted])
    return texts[same.argmax(axis=0), np.arange(len(bits))]


# What makes the csv module quote a cell: the delimiter, the quote character, a line break.
_CSV_SPECIAL = (",", '"', "\r", "\n")


class SqliteWriter:
    """Appends to a table in one transaction: a failed run leaves the table as it was."""

    def __init__(self, path: str, table: str, columns: PredictionColumns) -> None:
        self.description = f"SQLite table {table} in {path}"
        ensure_parent_dir(path)
        try:
            self.connection = sqlite3.connect(path, isolation_level=None)
            self.connection.execute("BEGIN IMMEDIATE")
            existing = [row[1] for row in self.connection.execute(f'PRAGMA table_info("{table}")')]
        except sqlite3.DatabaseError as error:
            raise ComponentError(f"cannot open SQLite database {path}: {error}") from None
        types = columns.sql_types()
        if not existing:
            definition = ", ".join(f'"{name}" {kind}' for name, kind in types.items())
            self.connection.execute(f'CREATE TABLE "{table}" ({definition})')
        elif set(existing) != set(columns.names):
            self.connection.execute("ROLLBACK")
            raise ComponentError(
                f"SQLite table {table} in {path} has columns {existing} but this model writes {columns.names}; "
                "write to another table (path.db#other_table)"
            )
        names = ", ".join(f'"{name}"' for name in columns.names)
        self.insert = f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" for _ in columns.names)})'
        self.columns = columns.names

    def write(self, frame: pd.DataFrame) -> None:
        self.connection.executemany(self.insert, frame[self.columns].itertuples(index=False, name=None))

    def commit(self) -> None:
        self.connection.execute("COMMIT")
        self.connection.close()

    def abort(self) -> None:
        self.connection.execute("ROLLBACK")
        self.connection.close()


class BigQueryWriter:
    """Streams rows into a BigQuery table (created when missing, its schema checked first)."""

    def __init__(self, uri: str, columns: PredictionColumns) -> None:
        from components import bigquery

        self.bigquery = bigquery
        self.table = bigquery.parse_table_ref(uri)
        self.description = f"BigQuery table {uri[len('bq://'):]}"
        self.schema = columns.bigquery_schema()
        bigquery.prepare_table(self.table, self.schema)

    def write(self, frame: pd.DataFrame) -> None:
        rows = frame.to_dict("records")
        # The same run, model and row always get the same insert ID, so a retried request
        # (or a retried chunk) is stored once.
        ids = [
            hashlib.sha256(f"{row['model_version']}|{row['predicted_at']}|{row['row_key']}".encode()).hexdigest()[:32]
            for row in rows
        ]
        self.bigquery.insert_rows(self.table, rows, ids)

    def commit(self) -> None:
        """Streaming inserts are already stored."""

    def abort(self) -> None:
        """Rows already streamed stay; their insert IDs make a re-run of the same run idempotent."""


def open_writer(destination: str, default_path: str, columns: PredictionColumns) -> Writer:
    destination = destination.strip()
    if not destination:
        return CsvWriter(default_path, columns)
    if is_bigquery(destination):
        return BigQueryWriter(destination, columns)
    path, _, table = destination.partition("#")
    path = local_path(path, "destination")
    if path.lower().endswith(SQLITE_SUFFIXES):
        table = table or DEFAULT_SQLITE_TABLE
        if not IDENTIFIER.match(table):
            raise ComponentError(
                f"SQLite table name {table!r} must be letters, digits and _ (not starting with a digit)"
            )
        return SqliteWriter(path, table, columns)
    if table:
        raise ComponentError(f"destination {destination!r}: #table only applies to SQLite files (.db, .sqlite)")
    if path.lower().endswith(".csv"):
        return CsvWriter(path, columns)
    raise ComponentError(
        f"destination {destination!r} is not one this component writes: use a .csv file, a SQLite file "
        "(.db, .sqlite, optionally #table), bq://project.dataset.table, or nothing for the predictions output"
    )


# --------------------------------------------------------------------------- scoring


def score_chunk(
    model: ResolvedModel, columns: PredictionColumns, chunk: pd.DataFrame, keys: pd.Series, predicted_at: str
) -> pd.DataFrame:
    features = chunk[[feature["name"] for feature in model.metadata["feature_schema"]]]
    out: dict[str, Any] = {"row_key": keys.to_numpy()}
    if columns.regression:
        out["predicted_value"] = np.asarray(model.estimator.predict(features), dtype="float64")
    elif columns.has_proba:
        probabilities = model.estimator.predict_proba(features)
        best = probabilities.argmax(axis=1)
        out["predicted_label"] = np.asarray(columns.labels, dtype=object)[best]
        out["predicted_probability"] = probabilities[np.arange(len(best)), best]
        for index, name in enumerate(columns.probability_columns):
            out[name] = probabilities[:, index]
    else:
        predicted = model.estimator.predict(features)
        out["predicted_label"] = [str(value) for value in predicted]
    out["model_version"] = model.version
    out["predicted_at"] = predicted_at
    return pd.DataFrame(out, columns=columns.names)


class ValueSummary:
    """Count, mean, standard deviation, minimum and maximum of the predicted values, chunk by
    chunk (Chan et al.'s pairwise update: no sum of squares that loses precision over 1M rows)."""

    def __init__(self) -> None:
        self.count = 0
        self.mean = 0.0
        self.m2 = 0.0  # sum of squared deviations from the mean
        self.low = math.inf
        self.high = -math.inf

    def add(self, values: np.ndarray[Any, np.dtype[np.float64]]) -> None:
        if not len(values):
            return
        count = len(values)
        mean = float(values.mean())
        m2 = float(((values - mean) ** 2).sum())
        total = self.count + count
        delta = mean - self.mean
        self.m2 += m2 + delta * delta * self.count * count / total
        self.mean += delta * count / total
        self.count = total
        self.low = min(self.low, float(values.min()))
        self.high = max(self.high, float(values.max()))

    def metrics(self) -> dict[str, float]:
        return {
            "predicted_value_count": self.count,
            "predicted_value_mean": self.mean,
            "predicted_value_std": math.sqrt(self.m2 / self.count) if self.count else math.nan,
            "predicted_value_min": self.low,
            "predicted_value_max": self.high,
        }


def row_keys(chunk: pd.DataFrame, key_column: str, first_row: int) -> pd.Series:
    if not key_column:
        return pd.Series(np.arange(first_row, first_row + len(chunk)).astype(str), index=chunk.index)
    keys = chunk[key_column]
    # Keys read from CSV are text (read_chunks): when none is blank they are used as they are.
    if pd.api.types.infer_dtype(keys, skipna=False) == "string" and all(map(str.strip, keys.tolist())):
        return keys.astype(object, copy=False)
    blank = keys.isna() | (keys.astype(str).str.strip() == "")
    if blank.any():
        row = first_row + int(np.flatnonzero(blank.to_numpy())[0])
        raise ComponentError(f"key column {key_column!r} is empty in data row {row + 1}; every row needs a key")
    return keys.astype(str)


def score_all(
    model: ResolvedModel,
    columns: PredictionColumns,
    chunks: Iterator[pd.DataFrame],
    writer: Writer,
    key_column: str,
    predicted_at: str,
) -> dict[str, float]:
    rows = 0
    label_counts = dict.fromkeys(columns.labels, 0)
    probability_sum = 0.0
    values = ValueSummary()
    started = time.perf_counter()
    for number, chunk in enumerate(chunks, start=1):
        predictions = score_chunk(model, columns, chunk, row_keys(chunk, key_column, rows), predicted_at)
        writer.write(predictions)
        rows += len(predictions)
        if columns.regression:
            values.add(predictions["predicted_value"].to_numpy(dtype="float64"))
        else:
            for label, count in predictions["predicted_label"].value_counts().items():
                label_counts[str(label)] = label_counts.get(str(label), 0) + int(count)
        if columns.has_proba:
            probability_sum += float(predictions["predicted_probability"].sum())
        seconds = time.perf_counter() - started
        log(f"chunk {number}: {rows:,} rows scored ({rows / max(seconds, 1e-9):,.0f} rows/s)")
    if rows == 0:
        raise ComponentError("the input has no rows to score")
    seconds = time.perf_counter() - started
    summary: dict[str, float] = {
        "rows_scored": rows,
        "seconds": round(seconds, 3),
        "rows_per_second": round(rows / max(seconds, 1e-9), 1),
    }
    if columns.regression:
        # Summary statistics of the predicted values: a share per distinct value would be a
        # metric per row.
        summary.update(values.metrics())
    if columns.has_proba:
        summary["mean_predicted_probability"] = probability_sum / rows
    for label, count in label_counts.items():
        summary[f"share_{_column_suffix(label)}"] = count / rows
    return summary


# --------------------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> None:
    parser = ArgumentParser(prog="batch_predict", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--model-source", required=True, help="run record (run.json) or projects/P/locations/L/models/M[@version]"
    )
    parser.add_argument("--features-uri", required=True, help="CSV path, gs:// URI or bq://project.dataset.table")
    parser.add_argument(
        "--destination", default="", help="'' (the predictions output), a .csv, a SQLite .db[#table] or bq://..."
    )
    parser.add_argument("--key-column", default="", help="input column that identifies a row (default: the row number)")
    parser.add_argument("--chunk-rows", type=positive_int, default=DEFAULT_CHUNK_ROWS, help="rows scored at a time")
    parser.add_argument(
        "--predictions", required=True, help="output: the predictions CSV, or a receipt naming the destination"
    )
    parser.add_argument("--summary", required=True, help="output Metrics: rows scored, throughput, label shares")
    parser.add_argument("--rows-scored", required=True, help="output parameter: number of rows scored")
    parser.add_argument("--executor-input", default="", help="KFP ExecutorInput JSON (written by the backend)")
    args = parser.parse_args(argv)
    executor_input = parse_executor_input(args.executor_input)

    model = resolve_model(args.model_source)
    log(f"model {model.version} (sha256 {model.fingerprint}, {model.metadata.get('model_type', 'model')})")
    schema = model.metadata.get("feature_schema")
    if not isinstance(schema, list) or not schema:
        raise ComponentError(
            "the model's metadata.json has no feature_schema; re-train it with this version of the components"
        )
    kinds = {str(feature["name"]): str(feature["kind"]) for feature in schema}
    key_column = args.key_column.strip()
    columns = PredictionColumns(model)
    # Opening the reader checks the input's columns before the destination is touched.
    chunks = read_chunks(args.features_uri, kinds, args.chunk_rows, "features", (key_column,) if key_column else ())
    first = next(chunks, None)
    predicted_at = datetime.now(timezone.utc).isoformat(timespec="microseconds").replace("+00:00", "Z")
    writer = open_writer(args.destination, args.predictions, columns)
    log(f"scoring {args.features_uri} in chunks of {args.chunk_rows:,} rows into {writer.description}")
    try:
        summary = score_all(model, columns, _chained(first, chunks), writer, key_column, predicted_at)
        writer.commit()
    except BaseException:
        writer.abort()
        raise
    log(f"{int(summary['rows_scored']):,} rows in {summary['seconds']:.1f}s ({summary['rows_per_second']:,.0f} rows/s)")

    receipt = {
        "destination": args.destination.strip() or "predictions output (CSV)",
        "rows": int(summary["rows_scored"]),
        "model_version": model.version,
        "model_sha256": model.fingerprint,
        "predicted_at": predicted_at,
        "columns": columns.names,
    }
    if args.destination.strip():
        write_json(args.predictions, receipt)
    write_json(args.summary, summary)
    write_text(args.rows_scored, str(int(summary["rows_scored"])))
    if executor_input is not None:
        write_executor_output(
            executor_input,
            {"rows_scored": int(summary["rows_scored"])},
            {"summary": summary, "predictions": receipt},
        )
    log(f"done in {elapsed()}")


def _chained(first: pd.DataFrame | None, rest: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    if first is not None:
        yield first
        yield from rest


if __name__ == "__main__":
    run("batch_predict", main)
