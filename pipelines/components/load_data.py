"""load_data: fetch a CSV from a local path, an https:// URL or a gs:// URI, check that it
looks like tabular training data, and write it to the `dataset` output path.

    python3 -m components.load_data --source-uri data/churn_sample.csv --dataset /tmp/out/dataset
"""

from __future__ import annotations

import csv
import io
import os
import urllib.error
import urllib.request
from typing import Sequence

from cloud import storage
from cloud.file_uris import file_uri_path

from .common import ArgumentParser, ComponentError, elapsed, ensure_parent_dir, log, run

MIN_COLUMNS = 2
MIN_ROWS = 10
DOWNLOAD_TIMEOUT_SECONDS = 120


def read_source(source_uri: str) -> bytes:
    """Returns the raw bytes behind a local path, file://, http(s):// or gs:// URI."""
    source = source_uri.strip()
    if not source:
        raise ComponentError("source_uri is empty")
    lowered = source.lower()
    if lowered.startswith("gs://"):
        return storage.read_bytes(source)  # the JSON API, with the metadata server's token
    if lowered.startswith(("https://", "http://")):
        return read_url(source)
    if lowered.startswith("file://"):
        try:
            source = file_uri_path(source)
        except ValueError as error:
            raise ComponentError(f"{source_uri!r}: {error}") from None
    elif "://" in source:
        scheme = source.split("://", 1)[0]
        raise ComponentError(
            f"unsupported URI scheme {scheme}:// in {source_uri!r}; use a local path, https:// or gs://"
        )
    return read_local(source)


def read_local(path: str) -> bytes:
    # Relative paths resolve against the working directory; /gcs/<bucket>/... paths are the
    # Cloud Storage FUSE mount that Vertex AI provides, i.e. ordinary files.
    resolved = os.path.abspath(os.path.expanduser(path))
    if not os.path.exists(resolved):
        hint = ""
        if resolved.startswith("/gcs/"):
            hint = " (is the Cloud Storage FUSE mount /gcs available here? outside Vertex AI use gs://)"
        elif resolved != path:
            hint = f" (resolved against the working directory {os.getcwd()})"
        raise ComponentError(f"file not found: {resolved}{hint}")
    if os.path.isdir(resolved):
        raise ComponentError(f"source must be a CSV file but {resolved} is a directory")
    with open(resolved, "rb") as handle:
        return handle.read()


def read_url(url: str) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "mlops-platform-load-data"})
    try:
        with urllib.request.urlopen(request, timeout=DOWNLOAD_TIMEOUT_SECONDS) as response:
            data: bytes = response.read()
            return data
    except urllib.error.HTTPError as error:
        raise ComponentError(f"could not download {url}: HTTP {error.code} {error.reason}") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise ComponentError(f"could not download {url}: {reason}") from None


def decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")  # drops a byte-order mark if there is one
    except UnicodeDecodeError as error:
        raise ComponentError(f"{source} is not UTF-8 text ({error.reason} at byte {error.start})") from None


def validate(text: str, source: str) -> tuple[int, int]:
    """Checks that the text is a CSV table with enough columns and rows; returns its shape."""
    import pandas as pd

    if not text.strip():
        raise ComponentError(f"{source} is empty")
    reader = csv.reader(io.StringIO(text))
    try:
        header: list[str] = next(reader, [])
        duplicates = sorted({name for name in header if header.count(name) > 1})
        if duplicates:
            raise ComponentError(f"{source} has duplicate column names: {', '.join(map(repr, duplicates))}")
        for row in reader:
            if row and len(row) != len(header):
                raise ComponentError(
                    f"{source} line {reader.line_num} has {len(row)} field(s) but the header has {len(header)}"
                )
    except csv.Error as error:
        raise ComponentError(f"{source} does not parse as CSV (line {reader.line_num}): {error}") from None
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except pd.errors.EmptyDataError:
        raise ComponentError(f"{source} is empty") from None
    except pd.errors.ParserError as error:
        raise ComponentError(f"{source} does not parse as CSV: {error}") from None
    rows, columns = frame.shape
    if columns < MIN_COLUMNS:
        raise ComponentError(
            f"{source} has {columns} column(s); need at least {MIN_COLUMNS} (features and a label) "
            "- is it really a comma-separated file?"
        )
    if rows < MIN_ROWS:
        raise ComponentError(f"{source} has {rows} data row(s); need at least {MIN_ROWS}")
    return rows, columns


def main(argv: Sequence[str] | None = None) -> None:
    parser = ArgumentParser(prog="python3 -m components.load_data", description=__doc__.split("\n\n")[0])
    parser.add_argument("--source-uri", required=True, help="local path, https:// URL or gs:// URI of a CSV file")
    parser.add_argument("--dataset", required=True, help="output path: the CSV file to write")
    args = parser.parse_args(argv)

    log(f"reading {args.source_uri}")
    text = decode(read_source(args.source_uri), args.source_uri)
    rows, columns = validate(text, args.source_uri)
    ensure_parent_dir(args.dataset)
    with open(args.dataset, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    log(f"wrote {rows} rows x {columns} columns to {args.dataset} in {elapsed()}")


if __name__ == "__main__":
    run("load_data", main)
