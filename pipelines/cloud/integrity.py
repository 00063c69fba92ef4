"""The sha256 that ties a model file to the one package_model wrote (and the gate scored).

Loading a joblib/pickle file runs code, so whoever can write the model bucket can run code
wherever the model is loaded. package_model records the hash of ``model.joblib`` as
``model_sha256`` in ``metadata.json`` and in the model artifact's metadata (the run record);
deploy passes the run record's hash to the serving container as ``MLOPS_MODEL_SHA256``. The
prediction server and batch prediction check the file against it before unpickling.

The hash in ``metadata.json`` sits beside the model, so it only catches a model file replaced
or damaged on its own; the run record's hash (and ``MLOPS_MODEL_SHA256``) is the one that
ties the model to the gated run.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

MODEL_SHA256_KEY = "model_sha256"
MODEL_SHA256_ENV = "MLOPS_MODEL_SHA256"
SHA256 = re.compile(r"^[0-9a-f]{64}$")
METADATA_FILE = "metadata.json"
BLOCK_BYTES = 1 << 20


class IntegrityError(Exception):
    """The model file is not the one recorded (or the record is unusable): do not load it."""


def sha256_file(path: str) -> str:
    """The file's sha256 (lowercase hex), read in blocks: models can be large."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(BLOCK_BYTES), b""):
            digest.update(block)
    return digest.hexdigest()


def parse_sha256(value: object, where: str) -> str:
    """A recorded hash, checked to be one; ``where`` names its source in the error."""
    text = str(value).strip().lower()
    if not SHA256.match(text):
        raise IntegrityError(f"{where} must be 64 hexadecimal digits (a sha256), got {str(value)[:80]!r}")
    return text


def verify_model_file(path: str, metadata: dict[str, Any], pinned: str | None = None, pinned_source: str = "") -> str:
    """Hashes the model file ``path`` and returns the hash, or raises IntegrityError when it is
    not the expected one: ``pinned`` (described by ``pinned_source``, e.g. "the run record
    records") when given, else the ``model_sha256`` of its ``metadata.json``. A model with
    neither (packaged before hashes were recorded) is not compared."""
    if pinned is not None:
        expected, source = pinned, pinned_source
    elif metadata.get(MODEL_SHA256_KEY) is not None:
        expected = parse_sha256(metadata[MODEL_SHA256_KEY], f"{MODEL_SHA256_KEY} in {METADATA_FILE}")
        source = f"{METADATA_FILE} records"
    else:
        expected, source = None, ""
    actual = sha256_file(path)
    if expected is not None and actual != expected:
        raise IntegrityError(
            f"{path} has sha256 {actual}, but {source} {expected}: it is not the model that was "
            "packaged (and gated), and loading a model runs code, so it is not loaded; find out what "
            "replaced it (treat the model bucket as compromised until you know), then use a model "
            "folder as package_model wrote it, or train again"
        )
    return actual
