"""serving.model: the packaged model, from its folder to its predictions.

A model folder (written by ``components.package_model``) holds ``model.joblib`` and
``metadata.json`` with the ``feature_schema``. ``load_model`` finds the folder (downloading a
``gs://`` one), checks this Python can serve it and that ``model.joblib`` is the file that was
packaged (sha256), and only then unpickles it. ``Model.predict`` validates instances against
the schema (a ``BadRequest`` names the instance and the feature) and decodes the labels.
"""

from __future__ import annotations

import importlib
import json
import math
import os
import platform
import shutil
import sys
import tempfile
import threading
from typing import Any

from cloud import google_api, integrity, rows, storage
from cloud.file_uris import file_uri_path
from cloud.json_values import jsonable

from serving.fast import compile_fast_path
from serving.common import (
    EXIT_ENVIRONMENT,
    EXIT_INTEGRITY,
    EXIT_USAGE,
    BadRequest,
    StartupError,
    json_type,
    log,
    preview,
)

MODEL_FILE = "model.joblib"
METADATA_FILE = "metadata.json"
NUMERIC = rows.NUMERIC
CATEGORICAL = rows.CATEGORICAL
SKLEARN_NAMES = frozenset({"scikit-learn", "sklearn"})
MAX_ERRORS_REPORTED = 10
# metadata.json's ``task`` for a model that predicts a number rather than a class.
REGRESSION = "regression"
# The largest magnitude a numeric feature may have. Past it a model's arithmetic overflows:
# scikit-learn's trees compute in float32 (up to 3.4e38) after a scaler has divided the value
# by the feature's spread. 1e20 holds every 64-bit integer and leaves that room for scaling.
MAX_MAGNITUDE = 1e20
# Text cells that mean "no value" (compared stripped, case-insensitively): the list training's
# preprocessing and batch prediction use (cloud.rows).
MISSING_TOKENS = rows.MISSING_TOKENS


# --------------------------------------------------------------------------- the model


class Model:
    """The loaded model with its feature schema and label decoding."""

    def __init__(self, estimator: Any, metadata: dict[str, Any], source: str) -> None:
        self.estimator = estimator
        self.metadata = metadata
        self.source = source
        self.schema = parse_schema(metadata)
        self.names = [feature["name"] for feature in self.schema]
        self.kinds = {feature["name"]: feature["kind"] for feature in self.schema}
        self.name = str(
            metadata.get("packaged_from")
            or metadata.get("model_type")
            or os.path.basename(os.path.normpath(source))
            or "model"
        )
        mapping = metadata.get("label_mapping")
        # preprocess encodes labels as 0..k-1; predictions are decoded back to the names.
        self.decode: dict[Any, Any] = {}
        if isinstance(mapping, dict):
            for label, code in mapping.items():
                if isinstance(code, (int, float)) and not isinstance(code, bool):
                    self.decode[int(code)] = label
        self.regression = is_regression(metadata)
        self.has_proba = hasattr(estimator, "predict_proba") and not self.regression
        # One prediction at a time: parsing and answering stay concurrent, but threads running
        # the model side by side only fight over the GIL (slower for everyone on few cores).
        self.scoring = threading.Lock()
        self.fast = compile_fast_path(estimator, self.names, self.kinds)

    def label(self, value: Any) -> Any:
        """A predicted class as JSON, decoded to its original name when metadata maps it."""
        value = jsonable(value)
        if self.decode and isinstance(value, (int, float)) and not isinstance(value, bool):
            if float(value).is_integer():
                return self.decode.get(int(value), value)
        return value

    def health(self) -> dict[str, Any]:
        return {
            "status": "ok",
            "model": self.name,
            "framework": self.metadata.get("framework"),
            "framework_version": self.metadata.get("framework_version"),
        }

    # ---------------------------------------------------------------- instances

    def values(self, instances: list[Any]) -> list[list[Any]]:
        """Validates the instances against the feature schema; returns each instance's values
        in the schema's order (numeric -> float, categorical -> text, missing -> NaN)."""
        converted: list[list[Any]] = []
        errors: list[str] = []
        count = len(self.names)
        for index, instance in enumerate(instances):
            if isinstance(instance, dict):
                missing = [name for name in self.names if name not in instance]
                unknown = [str(key) for key in instance if key not in self.kinds]
                if missing:
                    errors.append(
                        f"instance {index}: missing feature(s) {', '.join(map(repr, missing))} "
                        "(send null for a missing value)"
                    )
                if unknown:
                    errors.append(
                        f"instance {index}: unknown feature(s) {', '.join(map(repr, unknown))}; "
                        f"the model's features are {', '.join(map(repr, self.names))}"
                    )
                if missing or unknown:
                    continue
                values = [instance[name] for name in self.names]
            elif isinstance(instance, list):
                if len(instance) != count:
                    errors.append(
                        f"instance {index}: an array instance needs {count} values, in the order "
                        f"{', '.join(map(repr, self.names))}; got {len(instance)}"
                    )
                    continue
                values = instance
            else:
                errors.append(
                    f"instance {index}: must be an object of feature values or an array of {count} "
                    f"values, got {json_type(instance)}"
                )
                continue
            row = []
            for name, value in zip(self.names, values):
                try:
                    row.append(convert(value, self.kinds[name]))
                except ValueError as error:
                    errors.append(f"instance {index}: feature {name!r} {error}")
            converted.append(row)
        if errors:
            more = len(errors) - MAX_ERRORS_REPORTED
            shown = errors[:MAX_ERRORS_REPORTED] + ([f"and {more} more problem(s)"] if more > 0 else [])
            raise BadRequest("; ".join(shown))
        return converted

    def frame(self, values: list[list[Any]]) -> Any:
        """The validated values as a DataFrame with the schema's column names (numeric ->
        float64, categorical -> object), as training gave them to the model."""
        import pandas as pd

        return pd.DataFrame(
            {
                name: pd.Series(
                    [row[index] for row in values], dtype="float64" if self.kinds[name] == NUMERIC else object
                )
                for index, name in enumerate(self.names)
            },
            columns=self.names,
        )

    def predict(self, instances: list[Any]) -> list[Any]:
        values = self.values(instances)
        # One instance: the compiled path (no DataFrame), which gives the same numbers.
        fast = self.fast if len(values) == 1 else None
        X = values[0] if fast else self.frame(values)
        model = fast or self.estimator
        if self.regression:
            # Vertex AI's regression shape: one number per instance.
            return [float(value) for value in model.predict(X)]
        classes = list(getattr(self.estimator, "classes_", []))
        if not self.has_proba or not classes:
            return [self.label(value) for value in model.predict(X)]
        # One pass through the model: the label is the most probable class, which is what a
        # scikit-learn classifier's predict() returns (first class on ties, as argmax).
        probabilities = model.predict_proba(X)
        names = [self.label(value) for value in classes]
        return [
            {
                "label": names[int(row.argmax())],
                "probabilities": {str(name): float(p) for name, p in zip(names, row)},
            }
            for row in probabilities
        ]


def is_regression(metadata: dict[str, Any]) -> bool:
    """True when metadata.json says the model predicts a number (``task: regression``); the
    classification tasks are ``binary`` and ``multiclass``."""
    return metadata.get("task") == REGRESSION


def convert(value: Any, kind: str) -> Any:
    """One client value as the training frame held it: float (NaN = missing) for numeric
    features, text (NaN = missing) for categorical ones. ValueError says what is wrong.

    Text and null go through the rule training and batch prediction apply (cloud.rows): text is
    stripped, and null, blank and the missing-value tokens ("NA", "null", ...) are missing."""
    if value is None or isinstance(value, str):
        if isinstance(rows.normalise_cell(value), float):  # NaN: a missing value
            return math.nan
    if kind == NUMERIC:
        if isinstance(value, bool):
            raise ValueError(f"must be a number (or null), got boolean {preview(value)}")
        if isinstance(value, (int, float)):
            number = value
        elif isinstance(value, str):
            try:
                number = rows.normalise_value(value, NUMERIC)
            except ValueError:
                raise ValueError(f"must be a number (or null), got string {preview(value)}") from None
        else:
            raise ValueError(f"must be a number (or null), got {json_type(value)}")
        # Compared before float(): Python compares an int of any size exactly, while float() of
        # one past 1.8e308 raises OverflowError. Infinities and NaN fail the comparison too.
        if not abs(number) <= MAX_MAGNITUDE:
            raise ValueError(f"must be a number from {-MAX_MAGNITUDE:g} to {MAX_MAGNITUDE:g}, got {preview(value)}")
        return float(number)
    if isinstance(value, (str, bool, int, float)):
        return rows.normalise_value(value, CATEGORICAL)
    raise ValueError(f"must be a string (or null), got {json_type(value)}")


def parse_schema(metadata: dict[str, Any]) -> list[dict[str, str]]:
    schema = metadata.get("feature_schema")
    if not isinstance(schema, list) or not schema:
        raise StartupError(
            f"{METADATA_FILE} has no feature_schema (a list of {{name, kind}}); cannot validate instances"
        )
    parsed = []
    for position, feature in enumerate(schema):
        if not isinstance(feature, dict) or not isinstance(feature.get("name"), str):
            raise StartupError(f"{METADATA_FILE}: feature_schema[{position}] is not an object with a name")
        kind = feature.get("kind")
        if kind not in (NUMERIC, CATEGORICAL):
            raise StartupError(
                f"{METADATA_FILE}: feature {feature['name']!r} has kind {kind!r}; expected {NUMERIC} or {CATEGORICAL}"
            )
        parsed.append({"name": feature["name"], "kind": kind})
    names = [feature["name"] for feature in parsed]
    if len(set(names)) != len(names):
        raise StartupError(f"{METADATA_FILE}: feature_schema names the same feature twice")
    return parsed


# --------------------------------------------------------------------------- loading


def local_model_dir(uri: str) -> str:
    """The local folder for a model location; gs:// URIs are downloaded to a temporary folder."""
    if not uri:
        raise StartupError("no model location: set AIP_STORAGE_URI or pass --model-dir")
    if uri.startswith("gs://"):
        return download_from_gcs(uri)
    if uri.startswith("file://"):
        try:
            uri = file_uri_path(uri)
        except ValueError:
            raise StartupError(f"file:// URI with a host is not supported: {uri}") from None
    elif "://" in uri:
        raise StartupError(f"unsupported model location {uri}: use a local folder, file:// or gs:// URI")
    return uri


def download_from_gcs(uri: str) -> str:
    """Downloads the model folder to a temporary folder and returns its path."""
    target = tempfile.mkdtemp(prefix="mlops-serving-model-")
    try:
        storage.download_prefix(uri, target, names=[MODEL_FILE, METADATA_FILE])
    except google_api.CloudError as error:
        shutil.rmtree(target, ignore_errors=True)
        raise StartupError(str(error)) from None
    log(f"downloaded {uri} to {target}")
    return target


def check_environment(metadata: dict[str, Any]) -> None:
    """EXIT_ENVIRONMENT unless this Python has the packages the server needs and the
    scikit-learn version that wrote the model."""
    # Without pandas the server would start and answer 500 to every request.
    for package in ("pandas", "joblib"):
        try:
            importlib.import_module(package)
        except ImportError:
            raise StartupError(
                f"{package} is not installed in {sys.executable}; the server needs pandas, joblib and numpy",
                EXIT_ENVIRONMENT,
            ) from None
    framework = str(metadata.get("framework") or "")
    if framework.lower() not in SKLEARN_NAMES:
        return
    recorded = metadata.get("framework_version")
    if not recorded:
        raise StartupError(f"{METADATA_FILE} records framework {framework} but no framework_version")
    try:
        import sklearn
    except ImportError:
        raise StartupError(
            f"the model needs scikit-learn {recorded}, which is not installed in {sys.executable}", EXIT_ENVIRONMENT
        ) from None
    if str(recorded) != sklearn.__version__:
        raise StartupError(
            f"the model was trained with scikit-learn {recorded} but scikit-learn {sklearn.__version__} "
            f"is installed; serve it with scikit-learn {recorded} (a pickled model is only "
            "reliable with the version that wrote it)",
            EXIT_ENVIRONMENT,
        )


def pinned_sha256() -> str | None:
    """MLOPS_MODEL_SHA256: the hash deploy took from the run record, when set."""
    value = os.environ.get(integrity.MODEL_SHA256_ENV, "").strip()
    if not value:
        return None
    try:
        return integrity.parse_sha256(value, integrity.MODEL_SHA256_ENV)
    except integrity.IntegrityError as error:
        raise StartupError(str(error), EXIT_USAGE) from None


def load_model(uri: str, pinned: str | None = None) -> Model:
    path = local_model_dir(uri)
    if not os.path.isdir(path):
        raise StartupError(f"model folder not found: {path}" + (f" (from {uri})" if path != uri else ""))
    metadata_file = os.path.join(path, METADATA_FILE)
    model_file = os.path.join(path, MODEL_FILE)
    for file in (model_file, metadata_file):
        if not os.path.isfile(file):
            raise StartupError(f"{file} not found: a model folder holds {MODEL_FILE} and {METADATA_FILE}")
    try:
        with open(metadata_file, encoding="utf-8") as handle:
            metadata = json.load(handle)
    except (OSError, ValueError) as error:
        raise StartupError(f"could not read {metadata_file}: {error}") from None
    if not isinstance(metadata, dict):
        raise StartupError(f"{metadata_file} does not hold a JSON object")
    check_environment(metadata)  # before unpickling: a mismatched version may fail in odd ways
    parse_schema(metadata)
    try:
        integrity.verify_model_file(model_file, metadata, pinned, f"{integrity.MODEL_SHA256_ENV} is")
    except integrity.IntegrityError as error:
        raise StartupError(str(error), EXIT_INTEGRITY) from None
    recorded_python = str(metadata.get("python_version") or "")
    if recorded_python and recorded_python.split(".")[:2] != platform.python_version().split(".")[:2]:
        log(f"warning: the model was trained with Python {recorded_python}, this is Python {platform.python_version()}")
    import joblib

    try:
        estimator = joblib.load(model_file)
    except Exception as error:  # noqa: BLE001 - unpickling can fail in many ways
        raise StartupError(f"could not load {model_file}: {type(error).__name__}: {error}") from None
    if not hasattr(estimator, "predict"):
        raise StartupError(f"{model_file} holds a {type(estimator).__name__}, which has no predict method")
    return Model(estimator, metadata, path)


def warm_up(model: Model) -> None:
    """One prediction on an all-missing instance before listening, so the first request
    does not pay for lazy imports. A model that cannot take missing values only logs it."""
    try:
        model.predict([[None] * len(model.names)])
    except Exception as error:  # noqa: BLE001 - informative only
        log(f"note: warm-up prediction on an all-missing instance failed ({type(error).__name__}: {error})")
