"""cloud.storage's pure parts: which gs:// URIs are accepted (their names become local paths,
so traversal must be refused before any request) and how the stored MD5 is read."""

from __future__ import annotations

import base64
import hashlib
from email.message import Message

import pytest

from cloud.google_api import CloudError
from cloud.storage import _holdings, _stored_md5, split_uri


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        ("gs://models/churn/model.joblib", ("models", "churn/model.joblib")),
        ("GS://models/churn/", ("models", "churn/")),
        ("gs://my-bucket.example_1", ("my-bucket.example_1", "")),
        ("gs://b12/", ("b12", "")),
    ],
)
def test_split_uri_gives_bucket_and_name(uri: str, expected: tuple[str, str]) -> None:
    assert split_uri(uri) == expected


@pytest.mark.parametrize(
    ("uri", "message"),
    [
        ("s3://bucket/key", "expected a gs:// URI"),
        ("gs:///name", "names no bucket"),
        ("gs://Upper/name", "is not a bucket name"),
        ("gs://-bad/name", "is not a bucket name"),
        ("gs://bucket/models/../../etc/passwd", ". or .. segment"),
        ("gs://bucket/./model.joblib", ". or .. segment"),
        ("gs://bucket/..", ". or .. segment"),
    ],
)
def test_split_uri_refuses(uri: str, message: str) -> None:
    with pytest.raises(CloudError, match=message.replace(".", r"\.")):
        split_uri(uri)


def test_holdings_names_a_few_objects_and_counts_the_rest() -> None:
    stored = [f"file{i}" for i in range(7)]
    assert _holdings("gs://b/f/", stored) == "gs://b/f/ holds file0, file1, file2, file3, file4 and 2 more"
    assert _holdings("gs://b/f/", []) == "nothing is stored under gs://b/f/"


def _headers(*pairs: tuple[str, str]) -> Message:
    headers = Message()
    for name, value in pairs:
        headers[name] = value
    return headers


def test_stored_md5_is_read_from_x_goog_hash() -> None:
    digest = hashlib.md5(b"model bytes", usedforsecurity=False).digest()
    encoded = base64.b64encode(digest).decode()
    headers = _headers(("x-goog-hash", "crc32c=AAAAAA=="), ("x-goog-hash", f"md5={encoded}"))
    assert _stored_md5(headers) == digest
    assert _stored_md5(_headers(("x-goog-hash", f"crc32c=AAAAAA==, md5={encoded}"))) == digest


def test_stored_md5_is_not_compared_for_gzip_or_composite_objects() -> None:
    gzip = _headers(("x-goog-stored-content-encoding", "gzip"), ("x-goog-hash", "md5=AAAA"))
    assert _stored_md5(gzip) is None
    assert _stored_md5(_headers(("x-goog-hash", "crc32c=AAAAAA=="))) is None
