"""model_files: save and load a model directory - the one API for users who write their own trainer.

A model directory holds ``model.joblib`` (a fitted scikit-learn-compatible estimator or Pipeline
that takes a pandas DataFrame of the raw feature columns) and ``metadata.json``, whose keys
package-model, the prediction server, batch prediction and drift monitoring read. The contract,
key by key, is in pipelines/README.md, section "Model directory contract".

    from components.model_files import save_model, load_model

    save_model("out/model", fitted_pipeline, task="binary", target="Churn", features_frame=X_train,
               classes=[0, 1], label_mapping={"No": 0, "Yes": 1})
    model, metadata = load_model("out/model")
"""

from __future__ import annotations

import os
import platform
from typing import Any

import pandas as pd

from .common import (
    CATEGORICAL,
    METADATA_FILE,
    MODEL_FILE,
    ComponentError,
    kind_of_dtype,
    load_model_dir,
    write_json,
)

TASKS = ("binary", "multiclass", "regression")


def feature_schema(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Name, kind (numeric/categorical), dtype and, for categorical columns, the categories seen."""
    schema = []
    for name in frame.columns:
        kind = kind_of_dtype(frame[name].dtype)
        entry: dict[str, Any] = {"name": str(name), "kind": kind, "dtype": str(frame[name].dtype)}
        if kind == CATEGORICAL:
            entry["categories"] = sorted(frame[name].dropna().astype(str).unique().tolist())
        schema.append(entry)
    return schema


def versions() -> dict[str, str]:
    import joblib
    import numpy
    import sklearn

    return {
        "scikit-learn": sklearn.__version__,
        "pandas": pd.__version__,
        "numpy": numpy.__version__,
        "joblib": joblib.__version__,
    }


def save_model(
    directory: str,
    pipeline: Any,
    *,
    task: str,
    target: str,
    features_frame: pd.DataFrame,
    classes: list[int] | None = None,
    label_mapping: dict[str, int] | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Writes ``directory``/model.joblib and metadata.json; returns the metadata.

    ``features_frame`` is the frame the model was fitted on (raw columns, in order): it gives the
    feature schema. Classifiers need ``classes`` (the integer codes the model predicts) and
    ``label_mapping`` (label text -> code); regressors take neither. ``extra`` keys are added to
    the metadata (search results, notes, ...) and may not replace the contract's keys.
    """
    import joblib

    if task not in TASKS:
        raise ComponentError(f"task {task!r} is not one of {', '.join(TASKS)}")
    if task == "regression" and (classes or label_mapping):
        raise ComponentError("a regression model takes no classes or label_mapping; leave them out")
    if task != "regression" and (not classes or len(classes) < 2 or not label_mapping):
        raise ComponentError(f"a {task} model needs classes (2 or more codes) and label_mapping")
    if os.path.isfile(directory):
        raise ComponentError(f"model output path {directory} is a file; it must be a directory (or not exist)")
    os.makedirs(directory, exist_ok=True)
    joblib.dump(pipeline, os.path.join(directory, MODEL_FILE))
    library_versions = versions()
    metadata: dict[str, Any] = {
        "framework": "scikit-learn",
        "framework_version": library_versions["scikit-learn"],
        "python_version": platform.python_version(),
        "library_versions": library_versions,
        "model_file": MODEL_FILE,
        "task": task,
        "target": target,
        "feature_schema": feature_schema(features_frame),
        "training_rows": int(len(features_frame)),
    }
    if task != "regression":
        positive = [label for label, code in (label_mapping or {}).items() if code == 1] if task == "binary" else []
        metadata |= {
            "classes": [int(c) for c in classes or []],
            "label_mapping": label_mapping,
            "positive_class": positive[0] if positive else None,
        }
    clash = sorted(set(extra or {}) & set(metadata))
    if clash:
        raise ComponentError(f"extra metadata may not replace the contract's key(s) {', '.join(clash)}")
    metadata |= extra or {}
    write_json(os.path.join(directory, METADATA_FILE), metadata)
    return metadata


def load_model(directory: str) -> tuple[Any, dict[str, Any]]:
    """The fitted model and its metadata (checks model_sha256 when the metadata records one)."""
    return load_model_dir(directory, "model")
