"""Local paths from file:// URIs, read one way by the components and the prediction server."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit


def file_uri_path(uri: str) -> str:
    """The local path of a file:// URI as Path.as_uri() and browsers write it: percent-encoded,
    perhaps with the host localhost. Raises ValueError for any other host."""
    parts = urlsplit(uri)
    if parts.netloc not in ("", "localhost"):
        raise ValueError("file:// URIs with a host are not supported")
    return unquote(parts.path)
