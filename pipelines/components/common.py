"""Helpers shared by every component: errors, progress lines, CSV and JSON I/O, the
feature schema and the model directory layout.

Conventions every component follows:

* progress goes to stdout, one line per step, prefixed with the component name;
* a problem the user can fix raises ``ComponentError`` (or ``cloud``'s ``CloudError``); ``run``
  prints it as ONE line on stderr (``<component>: error: <message>``) and exits with status 1;
* an unexpected exception is reported the same way (set ``MLOPS_DEBUG=1`` to also get the
  traceback);
* usage errors (unknown or missing flags) are one line too, with exit status 2.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from typing import Any, Callable, Iterable, NoReturn, Sequence

import pandas as pd

from cloud import google_api, integrity, rows
from cloud.json_values import jsonable

# Cells that mean "no value" (compared after stripping whitespace, case-insensitively): the
# one list training, batch prediction and serving share (cloud.rows, where it is explained).
MISSING_TOKENS = rows.MISSING_TOKENS

NUMERIC = rows.NUMERIC
CATEGORICAL = rows.CATEGORICAL

MODEL_FILE = "model.joblib"
METADATA_FILE = "metadata.json"

_component_name = "component"
_started = time.monotonic()


class ComponentError(Exception):
    """A problem the user can fix (bad input, bad argument). Reported as one line."""


def one_line(text: str) -> str:
    """Collapses whitespace so a message never spans several lines."""
    return " ".join(str(text).split())


def log(message: str) -> None:
    """Prints a one-line progress message to stdout."""
    print(f"[{_component_name}] {one_line(message)}", flush=True)


def fail(message: str, status: int = 1) -> NoReturn:
    """Prints a one-line error to stderr and exits."""
    sys.stdout.flush()
    print(f"{_component_name}: error: {one_line(message)}", file=sys.stderr, flush=True)
    sys.exit(status)


def elapsed() -> str:
    return f"{time.monotonic() - _started:.1f}s"


class ArgumentParser(argparse.ArgumentParser):
    """argparse with one-line usage errors (exit status 2, like argparse)."""

    def error(self, message: str) -> NoReturn:
        fail(f"{message} (run with --help for usage)", status=2)


def run(name: str, main: Callable[[Sequence[str] | None], None], argv: Sequence[str] | None = None) -> None:
    """Runs a component's main function with the shared error handling."""
    global _component_name, _started
    _component_name = name
    _started = time.monotonic()
    google_api.configure(
        log=log,
        runner="the component",
        identity="the identity running the component (on Vertex AI, the pipeline job's service account)",
    )
    try:
        main(argv)
    except (ComponentError, google_api.CloudError) as error:
        fail(str(error))
    except KeyboardInterrupt:
        raise
    except SystemExit:
        raise
    except Exception as error:  # noqa: BLE001 - report anything else as one line too
        if os.environ.get("MLOPS_DEBUG"):
            traceback.print_exc()
        fail(f"unexpected {type(error).__name__}: {error}")


# --------------------------------------------------------------------------- arguments


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected an integer, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected an integer >= 1, got {value}")
    return value


def integer(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected an integer, got {text!r}") from None


def fraction(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not 0.0 < value < 1.0:
        raise argparse.ArgumentTypeError(f"expected a number strictly between 0 and 1, got {value}")
    return value


# --------------------------------------------------------------------------- files


def ensure_parent_dir(path: str) -> None:
    """KFP output paths are files whose parent directory may not exist yet."""
    parent = os.path.dirname(os.path.abspath(path))
    os.makedirs(parent, exist_ok=True)


def require_file(path: str, what: str) -> None:
    if not os.path.exists(path):
        raise ComponentError(f"{what} not found: {path}")
    if os.path.isdir(path):
        raise ComponentError(f"{what} must be a file but {path} is a directory")


def read_csv(path: str, what: str = "dataset", **kwargs: Any) -> pd.DataFrame:
    """Reads a CSV file, turning every parse problem into a one-line ComponentError."""
    require_file(path, what)
    try:
        return pd.read_csv(path, **kwargs)
    except pd.errors.EmptyDataError:
        raise ComponentError(f"{what} {path} is empty") from None
    except pd.errors.ParserError as error:
        raise ComponentError(f"{what} {path} does not parse as CSV: {error}") from None
    except UnicodeDecodeError as error:
        raise ComponentError(f"{what} {path} is not UTF-8 text: {error}") from None


def read_json(path: str, what: str) -> Any:
    require_file(path, what)
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except json.JSONDecodeError as error:
        raise ComponentError(f"{what} {path} is not valid JSON: {error}") from None


def write_json(path: str, payload: Any) -> None:
    ensure_parent_dir(path)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(jsonable(payload), handle, indent=2, allow_nan=False)
        handle.write("\n")


def write_text(path: str, text: str) -> None:
    """Writes an output parameter the way KFP reads it back: the bare value, no newline."""
    ensure_parent_dir(path)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


# --------------------------------------------------------------------------- schema


def normalise_column(values: pd.Series) -> pd.Series:
    """Every cell by the shared rule (cloud.rows.normalise_cell): stripped text, NaN if missing."""
    cleaned: pd.Series = rows.normalise_column(values)
    return cleaned


def is_missing(values: pd.Series) -> pd.Series:
    """True where a cell is missing, blank, whitespace or a missing-value token (cloud.rows)."""
    missing: pd.Series = rows.is_missing(values)
    return missing


def kind_of_dtype(dtype: Any) -> str:
    """How a column of a training frame is treated: numbers are numeric, the rest categorical."""
    if pd.api.types.is_bool_dtype(dtype):
        return CATEGORICAL
    return NUMERIC if pd.api.types.is_numeric_dtype(dtype) else CATEGORICAL


def read_features(path: str, kinds: dict[str, str] | None, what: str = "dataset") -> pd.DataFrame:
    """Reads a preprocessed CSV with the column kinds recorded by preprocess.

    Categorical columns are read as text (so "True"/"1" stay categories), numeric columns
    as float64; only blank cells are missing (preprocess already wrote missing values as
    blanks). Without ``kinds`` the pandas-inferred dtypes decide the kinds.
    """
    if not kinds:
        frame = read_csv(path, what)
        return apply_kinds(frame, {str(name): kind_of_dtype(frame[name].dtype) for name in frame.columns})
    text_columns = {name: str for name, kind in kinds.items() if kind == CATEGORICAL}
    frame = read_csv(path, what, dtype=text_columns, keep_default_na=False, na_values=[""])
    return apply_kinds(frame, kinds)


def apply_kinds(frame: pd.DataFrame, kinds: dict[str, str]) -> pd.DataFrame:
    """Casts the columns named in ``kinds``: numeric -> float64, categorical -> text."""
    frame = frame.copy()
    for name, kind in kinds.items():
        if name not in frame.columns:
            continue
        if kind == NUMERIC:
            frame[name] = pd.to_numeric(frame[name], errors="coerce").astype("float64")
        else:
            column = frame[name]
            frame[name] = column.where(column.isna(), column.astype(str)).astype(object)
    return frame


def require_columns(frame: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    missing = [name for name in columns if name not in frame.columns]
    if missing:
        raise ComponentError(
            f"{what} lacks column(s) {', '.join(map(repr, missing))}; it has {', '.join(map(repr, frame.columns))}"
        )


# --------------------------------------------------------------------------- models


def load_model_dir(
    path: str,
    what: str,
    check: Callable[[dict[str, Any]], None] | None = None,
    pinned: tuple[str, str] | None = None,
) -> tuple[Any, dict[str, Any]]:
    """Loads ``model.joblib`` and ``metadata.json`` from a model directory written by train.

    ``check`` sees the metadata before the model is unpickled (e.g. the framework version:
    a pickle from another scikit-learn may fail in odd ways). Unpickling runs code, so the
    file must first hash to ``pinned`` (the sha256 and where it was recorded, e.g. the run
    record) or else to the ``model_sha256`` in metadata.json, when either is known.
    """
    import joblib

    if not os.path.isdir(path):
        raise ComponentError(f"{what} must be a model directory (with {MODEL_FILE} and {METADATA_FILE}): {path}")
    model_file = os.path.join(path, MODEL_FILE)
    require_file(model_file, f"{what} file")
    metadata = read_json(os.path.join(path, METADATA_FILE), f"{what} metadata")
    if not isinstance(metadata, dict):
        raise ComponentError(f"{what} metadata {os.path.join(path, METADATA_FILE)} does not hold a JSON object")
    if check is not None:
        check(metadata)
    expected, source = pinned or (None, "")
    try:
        integrity.verify_model_file(model_file, metadata, expected, source)
    except integrity.IntegrityError as error:
        raise ComponentError(str(error)) from None
    try:
        model = joblib.load(model_file)
    except Exception as error:  # noqa: BLE001 - unpickling can fail in many ways
        raise ComponentError(f"could not load {model_file}: {type(error).__name__}: {error}") from None
    return model, metadata


def parse_executor_input(text: str) -> dict[str, Any] | None:
    if not text.strip():
        return None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise ComponentError(f"--executor-input is not valid JSON: {error}") from None
    if not isinstance(value, dict):
        raise ComponentError("--executor-input must be a JSON object (the KFP ExecutorInput)")
    return value


def executor_output(
    executor_input: dict[str, Any],
    parameters: dict[str, Any],
    artifact_metadata: dict[str, dict[str, Any]],
) -> tuple[str, dict[str, Any]]:
    """Builds executor_output.json: parameter values plus artifacts with metadata.

    Artifacts are taken from the ExecutorInput (name and uri copied) so that the backend
    matches them; parameters are limited to the declared ones when any are declared.
    """
    outputs = executor_input.get("outputs") or {}
    output_file = outputs.get("outputFile")
    if not output_file:
        raise ComponentError("--executor-input has no outputs.outputFile; cannot write the executor output")
    declared = outputs.get("parameters") or {}
    parameter_values = {k: v for k, v in parameters.items() if not declared or k in declared}
    artifacts: dict[str, Any] = {}
    for name, metadata in artifact_metadata.items():
        entries = ((outputs.get("artifacts") or {}).get(name) or {}).get("artifacts") or []
        if entries:
            artifacts[name] = {
                "artifacts": [
                    {"name": entry.get("name", ""), "uri": entry.get("uri", ""), "metadata": metadata}
                    for entry in entries
                ]
            }
    return output_file, {"parameterValues": parameter_values, "artifacts": artifacts}


def write_executor_output(
    executor_input: dict[str, Any],
    parameters: dict[str, Any],
    artifact_metadata: dict[str, dict[str, Any]],
) -> str:
    """Writes executor_output.json (see ``executor_output``) and returns its path."""
    output_file, payload = executor_output(executor_input, parameters, artifact_metadata)
    write_json(output_file, payload)  # creates the parent directory
    return output_file
