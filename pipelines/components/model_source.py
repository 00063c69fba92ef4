"""Which model a batch or monitoring run uses: always traced to where it came from, never a
hand-copied path (the seed project's batch job read a joblib file copied from an old run).

A model source is one of:

* a **run record** of a training run (``run.json``, or the run folder holding it), as written
  by ``mlops run`` locally or on Vertex AI: the model is the run's ``deployable_model``
  output (what ``package_model`` publishes), else its ``best_model``; ``run.json#task/output``
  picks another Model output. The run's ``train_data`` output, when there is one, is the
  reference data for drift monitoring;
* a **Vertex AI Model Registry** reference, ``projects/P/locations/L/models/M`` with an
  optional ``@<version id or alias>`` (default: the default version): the model folder is the
  version's ``artifactUri``, read through the Cloud Storage FUSE mount (Vertex AI) or, where
  there is none, downloaded with the Cloud Storage API.

Loading a model runs code, so ``model.joblib`` must first hash to the sha256 the run record
holds (for a registry version: the ``MLOPS_MODEL_SHA256`` deploy gave its serving container),
else to the one in its metadata.json (cloud.integrity).
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from cloud.integrity import MODEL_SHA256_ENV, MODEL_SHA256_KEY, IntegrityError, parse_sha256, sha256_file
from components.common import METADATA_FILE, MODEL_FILE, ComponentError, load_model_dir, read_json
from components.data_sources import fuse_mounted, local_path

RUN_RECORD_FILE = "run.json"
MODEL_OUTPUTS = ("deployable_model", "best_model")
MODEL_SCHEMA = "system.Model"
REGISTRY_NAME = re.compile(r"^projects/([^/]+)/locations/([^/]+)/models/([^/@]+)(?:@([^/@]+))?$")
SKLEARN_NAMES = frozenset({"scikit-learn", "sklearn"})


@dataclass(frozen=True)
class ResolvedModel:
    """A loaded model and where it came from."""

    estimator: Any
    metadata: dict[str, Any]
    # What predictions record as their model version: the registry version's resource name
    # (…/models/M@<version id>) or run:<run id>/<task>/<output>.
    version: str
    # sha256 of model.joblib, first 16 hex digits: the same for the same model bytes.
    fingerprint: str
    # The training data of the run that made the model, when the source is a run record.
    training_data: str | None


def resolve_model(source: str) -> ResolvedModel:
    """Finds, checks and loads the model behind a run record or Model Registry reference."""
    source = source.strip()
    if not source:
        raise ComponentError(
            "no model source given: pass the training run's record (run.json) or a Model Registry "
            "model, projects/P/locations/L/models/M[@version]"
        )
    registry = REGISTRY_NAME.match(source)
    if registry:
        directory, version, training_data, pinned = _from_registry(source, registry)
    else:
        directory, version, training_data, pinned = _from_run_record(source)
    # The framework is checked before unpickling, as the prediction server does, and the file
    # against the hash the run recorded (or the deployed version was given).
    estimator, metadata = load_model_dir(
        directory,
        f"model of {source}",
        check=lambda metadata: check_framework(metadata, source),
        pinned=pinned,
    )
    return ResolvedModel(
        estimator=estimator,
        metadata=metadata,
        version=version,
        fingerprint=sha256_file(os.path.join(directory, MODEL_FILE))[:16],
        training_data=training_data,
    )


def check_framework(metadata: dict[str, Any], source: str) -> None:
    """A pickled scikit-learn model is only reliable with the version that wrote it."""
    if str(metadata.get("framework") or "").lower() not in SKLEARN_NAMES:
        return
    import sklearn

    recorded = str(metadata.get("framework_version") or "")
    if recorded and recorded != sklearn.__version__:
        raise ComponentError(
            f"the model of {source} was trained with scikit-learn {recorded} but this image has "
            f"scikit-learn {sklearn.__version__}; run this component in an image built from the "
            "same requirements as the training image"
        )


# --------------------------------------------------------------------------- run records


def _from_run_record(source: str) -> tuple[str, str, str | None, tuple[str, str] | None]:
    path, _, selector = source.partition("#")
    path = local_path(path, "run record")
    if os.path.isdir(path):
        if os.path.exists(os.path.join(path, MODEL_FILE)):
            raise ComponentError(
                f"{source} is a model folder; give the run record of the training run that made it "
                f"({RUN_RECORD_FILE}) or a Model Registry model, so every prediction can be traced to its model"
            )
        path = os.path.join(path, RUN_RECORD_FILE)
    record = read_json(path, "run record")
    if not isinstance(record, dict) or not isinstance(record.get("tasks"), dict) or "runId" not in record:
        raise ComponentError(f"{path} is not a run record (written by mlops run: runId, tasks, ...)")
    run_id = str(record["runId"])
    tasks: dict[str, Any] = record["tasks"]
    task_path, output = _pick_model_output(tasks, selector, run_id)
    artifact = tasks[task_path]["artifacts"][output][0]
    directory = local_path(artifact["uri"], f"model {task_path}/{output} of run {run_id}")
    pinned = _pinned(
        (artifact.get("metadata") or {}).get(MODEL_SHA256_KEY),
        f"{MODEL_SHA256_KEY} of run {run_id}'s {task_path}/{output}",
    )
    return directory, f"run:{run_id}/{task_path}/{output}", _training_data(tasks), pinned


def _pick_model_output(tasks: dict[str, Any], selector: str, run_id: str) -> tuple[str, str]:
    """The (task path, output name) of the model: the selector's, else the preferred names."""
    models = [
        (task_path, name)
        for task_path, task in tasks.items()
        if task.get("state") == "SUCCEEDED"
        for name, artifacts in (task.get("artifacts") or {}).items()
        if artifacts and artifacts[0].get("schemaTitle") == MODEL_SCHEMA
    ]
    listing = ", ".join(f"{task}/{name}" for task, name in models) or "none"
    if selector:
        task_path, _, name = selector.rpartition("/")
        if (task_path, name) not in models:
            raise ComponentError(f"run {run_id} has no Model output {selector!r}; its Model outputs: {listing}")
        return task_path, name
    skipped = [path for path, task in tasks.items() if task.get("state") in ("SKIPPED", "NOT_TRIGGERED")]
    for preferred in MODEL_OUTPUTS:
        found = [entry for entry in models if entry[1] == preferred]
        if len(found) == 1:
            return found[0]
        if skipped:
            # A skipped packaging step means the model failed the quality bar: never fall back
            # to an unpackaged model silently.
            raise ComponentError(
                f"run {run_id} produced no {preferred}: task(s) {', '.join(skipped)} did not run because "
                "their condition was false (did the model miss the quality bar?); to use another model "
                f"anyway, name it with run.json#<task>/<output> (Model outputs: {listing})"
            )
    if len(models) == 1:
        return models[0]
    raise ComponentError(
        f"run {run_id} has {'several' if models else 'no'} Model outputs ({listing})"
        + ("; pick one with run.json#<task>/<output>" if models else "")
    )


def _training_data(tasks: dict[str, Any]) -> str | None:
    for task in tasks.values():
        artifacts = (task.get("artifacts") or {}).get("train_data")
        if task.get("state") == "SUCCEEDED" and artifacts:
            try:
                return local_path(artifacts[0]["uri"], "training data")
            except ComponentError:
                return None  # not readable here; drift monitoring then needs it passed explicitly
    return None


# --------------------------------------------------------------------------- registry


def _from_registry(source: str, match: re.Match[str]) -> tuple[str, str, None, tuple[str, str] | None]:
    from cloud import storage
    from cloud.google_api import request_json, vertex_url

    project, location, model_id, version = match.groups()
    name = f"projects/{project}/locations/{location}/models/{model_id}" + (f"@{version}" if version else "")
    model = request_json("GET", vertex_url(location, f"/v1/{quote(name, safe='/')}"), what=f"Vertex AI model {name}")
    artifact_uri = str(model.get("artifactUri") or "")
    if not artifact_uri:
        raise ComponentError(
            f"Vertex AI model {name} has no artifactUri (its files are not in Cloud Storage), so it cannot be "
            "loaded for batch scoring"
        )
    # Deploy gives the serving container the run record's hash; it binds batch scoring too.
    env = (model.get("containerSpec") or {}).get("env") or []
    recorded = next((item.get("value") for item in env if item.get("name") == MODEL_SHA256_ENV), None)
    pinned = _pinned(recorded, f"{MODEL_SHA256_ENV} of {name}")
    resource = str(model.get("name") or name).split("@")[0]
    version_id = str(model.get("versionId") or version or "")
    if artifact_uri.lower().startswith("gs://") and not fuse_mounted(artifact_uri):
        # Outside Vertex AI (no /gcs mount): the two files are downloaded instead.
        directory = tempfile.mkdtemp(prefix="mlops-model-")
        atexit.register(shutil.rmtree, directory, ignore_errors=True)
        storage.download_prefix(artifact_uri, directory, names=[MODEL_FILE, METADATA_FILE])
    else:
        directory = local_path(artifact_uri, f"model files of {name}")
    return directory, f"{resource}@{version_id}" if version_id else resource, None, pinned


def _pinned(recorded: Any, where: str) -> tuple[str, str] | None:
    """The hash the model file must have (None: nothing recorded), and how a mismatch names it."""
    if recorded is None:
        return None
    try:
        return parse_sha256(recorded, where), f"{where} is"
    except IntegrityError as error:
        raise ComponentError(str(error)) from None
