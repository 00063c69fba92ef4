"""cloud.integrity: a model file is unpickled only when it hashes to the recorded sha256."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from cloud.integrity import BLOCK_BYTES, IntegrityError, parse_sha256, sha256_file, verify_model_file


@pytest.fixture
def model_file(tmp_path: Path) -> Path:
    # Larger than one read block, so the blockwise hash is exercised across blocks.
    path = tmp_path / "model.joblib"
    path.write_bytes(b"\x00pickle" * (BLOCK_BYTES // 7 + 3))
    return path


def test_sha256_file_matches_hashlib(model_file: Path) -> None:
    assert sha256_file(str(model_file)) == hashlib.sha256(model_file.read_bytes()).hexdigest()


def test_parse_sha256_normalizes_case_and_whitespace() -> None:
    value = "AB" * 32
    assert parse_sha256(f"  {value}\n", "MLOPS_MODEL_SHA256") == "ab" * 32


@pytest.mark.parametrize("value", ["", "ab" * 31, "zz" * 32, None, 12])
def test_parse_sha256_refuses_what_is_not_a_sha256(value: object) -> None:
    with pytest.raises(IntegrityError, match="MLOPS_MODEL_SHA256 must be 64 hexadecimal digits"):
        parse_sha256(value, "MLOPS_MODEL_SHA256")


def test_verify_accepts_the_recorded_hash_and_returns_it(model_file: Path) -> None:
    actual = sha256_file(str(model_file))
    assert verify_model_file(str(model_file), {"model_sha256": actual}) == actual
    assert verify_model_file(str(model_file), {}) == actual  # packaged before hashes: not compared


def test_verify_refuses_a_file_that_metadata_does_not_record(model_file: Path) -> None:
    with pytest.raises(IntegrityError, match="metadata.json records"):
        verify_model_file(str(model_file), {"model_sha256": "0" * 64})


def test_verify_prefers_the_pinned_hash_over_metadata(model_file: Path) -> None:
    actual = sha256_file(str(model_file))
    # metadata.json sits beside the model, so whoever replaced the model could rewrite it too.
    with pytest.raises(IntegrityError, match="the run record records"):
        verify_model_file(str(model_file), {"model_sha256": actual}, "1" * 64, "the run record records")
    assert verify_model_file(str(model_file), {"model_sha256": "0" * 64}, actual, "the run record records") == actual


def test_verify_refuses_a_malformed_record(model_file: Path) -> None:
    with pytest.raises(IntegrityError, match="model_sha256 in metadata.json must be"):
        verify_model_file(str(model_file), {"model_sha256": "not a hash"})
