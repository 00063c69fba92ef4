"""Shared set-up: every test runs as the images run the code, from the pipelines folder
(``pyproject.toml`` puts it on ``sys.path``), with no Google endpoint reachable."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def no_google(monkeypatch: pytest.MonkeyPatch) -> None:
    """A test that reached for Google Cloud by mistake fails fast instead of waiting on DNS."""
    for name in ("MLOPS_STORAGE_ENDPOINT", "MLOPS_BIGQUERY_ENDPOINT", "MLOPS_VERTEX_ENDPOINT"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")
    monkeypatch.setenv("GCE_METADATA_HOST", "127.0.0.1:9")
