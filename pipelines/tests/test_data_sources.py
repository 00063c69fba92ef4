"""components.data_sources.local_path: where a data URI is read from. gs:// URIs go through
the Cloud Storage FUSE mount, and must stay inside their bucket's folder there."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from components.common import ComponentError
from components.data_sources import GCS_FUSE_ROOT_ENV, fuse_mounted, is_bigquery, local_path


@pytest.fixture
def fuse_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "data-bucket" / "features").mkdir(parents=True)
    monkeypatch.setenv(GCS_FUSE_ROOT_ENV, str(tmp_path))
    return tmp_path


def test_local_paths_and_file_uris_are_read_as_they_are() -> None:
    assert local_path("  data/churn.csv ", "features") == "data/churn.csv"
    assert local_path("file:///tmp/my%20data.csv", "features") == "/tmp/my data.csv"
    assert local_path("file://localhost/tmp/x.csv", "features") == "/tmp/x.csv"


def test_gs_uris_are_read_through_the_fuse_mount(fuse_root: Path) -> None:
    expected = os.path.join(str(fuse_root), "data-bucket", "features", "day1.csv")
    assert local_path("gs://data-bucket/features/day1.csv", "features") == expected
    assert fuse_mounted("gs://data-bucket/x") and not fuse_mounted("gs://other-bucket/x")


@pytest.mark.parametrize(
    ("uri", "message"),
    [
        ("gs://data-bucket//etc/passwd", "outside the bucket's mount"),
        ("gs://data-bucket/features/../../x.csv", r"\. or \.\. segment"),
        ("gs://other-bucket/x.csv", "not available here"),
    ],
)
def test_gs_uris_outside_a_mounted_bucket_are_refused(fuse_root: Path, uri: str, message: str) -> None:
    with pytest.raises(ComponentError, match=message):
        local_path(uri, "features")


@pytest.mark.parametrize(
    ("uri", "message"),
    [
        ("", "no features given"),
        ("file://server/share/x.csv", "file:// URIs with a host are not supported"),
        ("s3://bucket/x.csv", "unsupported scheme s3://"),
    ],
)
def test_other_locations_are_refused_with_what_to_use(uri: str, message: str) -> None:
    with pytest.raises(ComponentError, match=message):
        local_path(uri, "features")


def test_is_bigquery_is_case_insensitive() -> None:
    assert is_bigquery("BQ://project.dataset.table") and not is_bigquery("gs://bq/table")
