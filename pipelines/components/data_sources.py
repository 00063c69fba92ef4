"""Where tabular data and model folders live, for the components that read features after
training (batch_predict, detect_drift): local files, Cloud Storage and BigQuery tables.

* A local path, ``file://`` URI or ``/gcs/<bucket>/...`` path is read as it is.
* ``gs://<bucket>/<object>`` is read through the Cloud Storage FUSE mount that Vertex AI
  provides at ``/gcs`` (``MLOPS_GCS_FUSE_ROOT`` moves it, e.g. to a local gcsfuse mount), so
  no Google client library is needed in the image.
* ``bq://<project>.<dataset>.<table>`` is read page by page with the BigQuery REST API.

Tables are read in chunks of at most ``chunk_rows`` rows so memory stays bounded whatever the
size of the input.
"""

from __future__ import annotations

import os
from typing import Iterator

import numpy as np
import pandas as pd

from cloud import storage
from cloud.file_uris import file_uri_path
from cloud.google_api import CloudError
from components.common import (
    CATEGORICAL,
    MISSING_TOKENS,
    NUMERIC,
    ComponentError,
    apply_kinds,
    normalise_column,
    require_file,
)

GCS_FUSE_ROOT_ENV = "MLOPS_GCS_FUSE_ROOT"
BIGQUERY_PREFIX = "bq://"
FRAME_CHUNK_ROWS = 100_000  # read_frame's reading block


def is_bigquery(uri: str) -> bool:
    return uri.lower().startswith(BIGQUERY_PREFIX)


def _fuse_root() -> str:
    return os.environ.get(GCS_FUSE_ROOT_ENV) or "/gcs"


def fuse_mounted(uri: str) -> bool:
    """True when the bucket of a ``gs://`` URI is under the Cloud Storage FUSE mount here."""
    bucket = uri.strip()[len("gs://") :].split("/", 1)[0]
    return bool(bucket) and os.path.isdir(os.path.join(_fuse_root(), bucket))


def local_path(uri: str, what: str) -> str:
    """The local path behind a local path, ``file://`` URI or ``gs://`` URI (via the FUSE mount)."""
    uri = uri.strip()
    if not uri:
        raise ComponentError(f"no {what} given")
    lowered = uri.lower()
    if lowered.startswith("gs://"):
        try:
            bucket, name = storage.split_uri(uri)
        except CloudError as error:
            raise ComponentError(f"{what}: {error}") from None
        root = _fuse_root()
        folder = os.path.normpath(os.path.join(root, bucket))
        if not os.path.isdir(folder):
            raise ComponentError(
                f"{what} {uri} is read through the Cloud Storage FUSE mount {root}/{bucket}, which is "
                f"not available here (it is on Vertex AI); mount the bucket and set {GCS_FUSE_ROOT_ENV}, "
                "or copy the data and pass a local path"
            )
        path = os.path.normpath(os.path.join(folder, name))
        # A name starting with / would make os.path.join drop the mount (gs://b//etc/passwd).
        if path != folder and not path.startswith(folder + os.sep):
            raise ComponentError(f"{what} {uri!r} resolves to {path}, outside the bucket's mount {folder}")
        return path
    if lowered.startswith("file://"):
        try:
            return file_uri_path(uri)
        except ValueError as error:
            raise ComponentError(f"{what} {uri}: {error}") from None
    if "://" in uri:
        scheme = uri.split("://", 1)[0]
        raise ComponentError(
            f"{what} {uri!r} has an unsupported scheme {scheme}://; use a local path, gs://<bucket>/<path> "
            "or bq://<project>.<dataset>.<table>"
        )
    return uri


def read_chunks(
    uri: str, kinds: dict[str, str], chunk_rows: int, what: str, extra_columns: tuple[str, ...] = ()
) -> Iterator[pd.DataFrame]:
    """Yields the table behind ``uri`` in chunks of at most ``chunk_rows`` rows.

    Columns named in ``kinds`` are cast the way the model was trained (numeric -> float64,
    categorical -> text, missing-value tokens -> missing); columns in ``extra_columns`` are
    kept as text; every other column is dropped as early as possible. A missing column is
    one error naming all of them, raised before the first chunk is returned.
    """
    wanted = list(dict.fromkeys([*kinds, *extra_columns]))
    if is_bigquery(uri):
        from components import bigquery

        chunks = bigquery.read_table(bigquery.parse_table_ref(uri), chunk_rows, columns=wanted)
    else:
        chunks = _read_csv_chunks(local_path(uri, what), kinds, wanted, chunk_rows, what)
    for chunk in chunks:
        yield _cast(chunk, kinds, extra_columns)


def read_frame(uri: str, kinds: dict[str, str], what: str) -> pd.DataFrame:
    """The whole table behind ``uri`` (see ``read_chunks``) as one frame."""
    chunks = list(read_chunks(uri, kinds, FRAME_CHUNK_ROWS, what))
    if not chunks:
        return _cast(pd.DataFrame({name: pd.Series(dtype=object) for name in kinds}), kinds, ())
    return pd.concat(chunks, ignore_index=True)


def _read_csv_chunks(
    path: str, kinds: dict[str, str], wanted: list[str], chunk_rows: int, what: str
) -> Iterator[pd.DataFrame]:
    require_file(path, what)
    try:
        header = pd.read_csv(path, nrows=0, encoding="utf-8-sig")
    except pd.errors.EmptyDataError:
        raise ComponentError(f"{what} {path} is empty") from None
    except (pd.errors.ParserError, UnicodeDecodeError) as error:
        raise ComponentError(f"{what} {path} does not parse as UTF-8 CSV: {error}") from None
    missing = [name for name in wanted if name not in header.columns]
    if missing:
        raise ComponentError(
            f"{what} {path} lacks column(s) {', '.join(map(repr, missing))}; "
            f"it has {', '.join(map(repr, header.columns))}"
        )
    # Categories are read as pandas categoricals: the C parser keeps each distinct text once
    # (so "1" stays the category "1", and no Python string is made per cell), and _cast applies
    # the cell rule to the few categories. Keys are read as text; numbers are parsed by the C
    # parser, and a column with stray text is coerced in _cast.
    types = {
        name: "category" if kinds.get(name) == CATEGORICAL else str for name in wanted if kinds.get(name) != NUMERIC
    }
    try:
        yield from pd.read_csv(
            path,
            usecols=wanted,
            dtype=types,
            keep_default_na=False,
            na_values={name: sorted(_MISSING_SPELLINGS) for name in wanted},
            chunksize=chunk_rows,
            encoding="utf-8-sig",
        )
    except (pd.errors.ParserError, UnicodeDecodeError) as error:
        raise ComponentError(f"{what} {path} does not parse as UTF-8 CSV: {error}") from None


def _cast(chunk: pd.DataFrame, kinds: dict[str, str], extra_columns: tuple[str, ...]) -> pd.DataFrame:
    frame = chunk[list(dict.fromkeys([*kinds, *extra_columns]))].copy()
    for name, kind in kinds.items():
        column = frame[name]
        if isinstance(column.dtype, pd.CategoricalDtype):
            # Read from CSV: the rule on each distinct text, then one lookup per cell.
            frame[name] = _categories_as_text(column)
            continue
        if kind == CATEGORICAL and pd.api.types.infer_dtype(column, skipna=True) != "string":
            # BigQuery gives numbers and booleans: as text they match CSV cells ("1", "True").
            column = column.where(column.isna(), column.astype(str))
        # The rule training applied (cloud.rows): padded cells (" Yes", "  ") are the same
        # category (or missing) once stripped, and a missing cell is NaN - never None, which
        # the model's imputer would leave as a category of its own.
        frame[name] = normalise_column(column)
    # The categorical columns are text or NaN already: only the numeric ones need casting.
    frame = apply_kinds(frame, {name: kind for name, kind in kinds.items() if kind == NUMERIC})
    for name in extra_columns:
        if name not in kinds:
            column = frame[name]
            if column.dtype != object or pd.api.types.infer_dtype(column, skipna=True) != "string":
                frame[name] = column.where(column.isna(), column.astype(str)).astype(object)
    return frame


def _categories_as_text(column: pd.Series) -> pd.Series:
    """A categorical column as text cells (object dtype) by the cell rule, NaN where missing."""
    categories = column.cat.categories
    cleaned = np.empty(len(categories) + 1, dtype=object)
    cleaned[:-1] = normalise_column(pd.Series(categories.astype(str), dtype=object)).to_numpy()
    cleaned[-1] = np.nan  # code -1: a missing cell
    return pd.Series(cleaned[column.cat.codes.to_numpy()], index=column.index, name=column.name, dtype=object)


# MISSING_TOKENS as they are usually written (lower, upper and title case): the CSV parser reads
# these as NaN so that a numeric column with missing cells parses as numbers; any other
# spelling (padded, mixed case) is caught by normalise_column in _cast.
_MISSING_SPELLINGS = frozenset(
    spelling for token in MISSING_TOKENS for spelling in (token, token.upper(), token.title(), token.capitalize())
) | {"NaN", "<NA>"}
