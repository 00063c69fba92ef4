"""Cloud Storage through its JSON API, with the standard library only.

The prediction server downloads its model folder from the ``gs://`` URI Vertex AI gives it
(``AIP_STORAGE_URI``) and load_data reads ``gs://`` CSV files, but neither image carries
google-cloud-storage. Objects are listed with objects.list and read as media downloads
(``alt=media``) with google_api's token, retries and one-line errors. Downloads are streamed
to disk in blocks and checked as the client library checks them: the length announced and
the MD5 hash Cloud Storage records. ``MLOPS_STORAGE_ENDPOINT`` moves the endpoint (the
tests' emulator).
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import io
import os
import re
from email.message import Message
from typing import BinaryIO, Iterable
from urllib.parse import quote, urlencode

from cloud.google_api import CloudError, endpoint, request, request_json

STORAGE_ENDPOINT_ENV = "MLOPS_STORAGE_ENDPOINT"
DEFAULT_ENDPOINT = "https://storage.googleapis.com"
READ_ROLE = "roles/storage.objectViewer"
BLOCK_BYTES = 1 << 20
MAX_NAMES_SHOWN = 5
BUCKET_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$")


def split_uri(uri: str) -> tuple[str, str]:
    """``gs://bucket/name`` as (bucket, name); the name may be empty or a folder, but has no
    ``.`` or ``..`` segment."""
    if uri[: len("gs://")].lower() != "gs://":
        raise CloudError(f"expected a gs:// URI, got {uri!r}")
    bucket, _, name = uri[len("gs://") :].partition("/")
    if not bucket:
        raise CloudError(f"{uri!r} names no bucket; expected gs://<bucket>/<path>")
    if not BUCKET_NAME.match(bucket):
        raise CloudError(f"{uri!r}: {bucket!r} is not a bucket name (lowercase letters, digits, -, _ and .)")
    # Names become local paths (downloads, the /gcs mount): gs://b/../../etc/passwd must not
    # reach /etc/passwd.
    if any(part in (".", "..") for part in name.split("/")):
        raise CloudError(
            f"{uri!r} has a . or .. segment, which could reach files outside its folder; give the object's own name"
        )
    return bucket, name


def read_bytes(uri: str) -> bytes:
    """The content of the object ``gs://bucket/name``, in memory."""
    bucket, name = split_uri(uri)
    if not name or name.endswith("/"):
        raise CloudError(f"expected gs://<bucket>/<object>, got {uri!r}")
    sink = io.BytesIO()
    _download(bucket, name, sink)
    return sink.getvalue()


def download_prefix(uri: str, target_dir: str, *, names: Iterable[str] | None = None) -> list[str]:
    """Downloads the objects under the folder ``uri`` into ``target_dir``, keeping their paths
    below it, and returns the local paths in name order.

    With ``names`` (paths relative to the folder) only those are downloaded, and a missing one
    is an error that says what the folder holds.
    """
    bucket, prefix = split_uri(uri)
    prefix = prefix.strip("/")
    # A folder, so that gs://b/models/churn does not take in gs://b/models/churn2/.
    folder = f"{prefix}/" if prefix else ""
    where = f"gs://{bucket}/{folder}"
    # Names ending in / are the empty "folder" objects the console creates.
    stored = [name[len(folder) :] for name in _list_names(bucket, folder) if not name.endswith("/")]
    if names is None:
        if not stored:
            raise CloudError(f"nothing is stored under {where}")
        wanted = stored
    else:
        wanted = sorted(set(names))
        missing = sorted(set(wanted) - set(stored))
        if missing:
            raise CloudError(
                f"{', '.join(where + name for name in missing)} {'was' if len(missing) == 1 else 'were'} not found "
                f"({_holdings(where, stored)})"
            )
    paths = []
    for name in wanted:
        if any(part in ("", ".", "..") for part in name.split("/")):
            raise CloudError(f"{where}{name}: an object name with an empty, . or .. segment cannot be a local path")
        path = os.path.join(target_dir, *name.split("/"))
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as sink:
                _download(bucket, folder + name, sink)
        except OSError as error:
            raise CloudError(f"could not write {path}: {error.strerror or error}") from None
        paths.append(path)
    return paths


def _holdings(where: str, stored: list[str]) -> str:
    if not stored:
        return f"nothing is stored under {where}"
    shown = ", ".join(stored[:MAX_NAMES_SHOWN])
    more = len(stored) - MAX_NAMES_SHOWN
    return f"{where} holds {shown}" + (f" and {more} more" if more > 0 else "")


def _list_names(bucket: str, prefix: str) -> list[str]:
    """Names of the objects whose names start with ``prefix``, in order, page by page."""
    names: list[str] = []
    page_token = ""
    while True:
        query = {"prefix": prefix} if prefix else {}
        if page_token:
            query["pageToken"] = page_token
        page = request_json(
            "GET",
            _url(f"/storage/v1/b/{quote(bucket, safe='')}/o?{urlencode(query)}"),
            what=f"gs://{bucket}/{prefix}",
            role=READ_ROLE,
        )
        names.extend(str(item.get("name") or "") for item in page.get("items") or [])
        page_token = str(page.get("nextPageToken") or "")
        if not page_token:
            return names


def _download(bucket: str, name: str, sink: BinaryIO) -> None:
    """Streams one object into ``sink``, from its start again when the request is retried."""
    uri = f"gs://{bucket}/{name}"

    def read(response: http.client.HTTPResponse) -> None:
        sink.seek(0)
        sink.truncate()
        digest = hashlib.md5(usedforsecurity=False)
        received = 0
        while block := response.read(BLOCK_BYTES):
            digest.update(block)
            received += len(block)
            try:
                sink.write(block)
            except OSError as error:
                raise CloudError(f"could not write {uri} to disk: {error.strerror or error}") from None
        announced = response.headers.get("Content-Length")
        if announced is not None and received != int(announced):
            # http.client reads in blocks without noticing a short body: a dropped connection, retried.
            raise ConnectionError(f"the connection closed after {received} of {announced} bytes")
        stored = _stored_md5(response.headers)
        if stored is not None and stored != digest.digest():
            raise CloudError(f"{uri}: the bytes downloaded do not match the object's MD5 hash; try again")

    url = _url(f"/download/storage/v1/b/{quote(bucket, safe='')}/o/{quote(name, safe='')}?alt=media")
    request("GET", url, read, what=uri, role=READ_ROLE, accept="*/*")


def _stored_md5(headers: Message) -> bytes | None:
    """The MD5 Cloud Storage records (``x-goog-hash: crc32c=...,md5=...``), when the download
    is the stored bytes: a gzip-encoded object is served decompressed, and composite objects
    have no MD5."""
    if headers.get("x-goog-stored-content-encoding", "identity") != "identity":
        return None
    for header in headers.get_all("x-goog-hash") or []:
        for part in header.split(","):
            key, _, value = part.strip().partition("=")
            if key == "md5":
                return base64.b64decode(value)
    return None


def _url(path: str) -> str:
    return endpoint(STORAGE_ENDPOINT_ENV, DEFAULT_ENDPOINT) + path
