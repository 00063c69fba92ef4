"""Shared set-up: every test runs as the images run the code, from the pipelines folder
(``pyproject.toml`` puts it on ``sys.path``), with no Google endpoint reachable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Callable, Iterator

import pytest

PIPELINES = Path(__file__).resolve().parents[1]

# Starts serving.server on a model folder; answers the process and the host:port it listens on.
ServerLauncher = Callable[..., "tuple[subprocess.Popen[str], str]"]


@pytest.fixture(autouse=True)
def no_google(monkeypatch: pytest.MonkeyPatch) -> None:
    """A test that reached for Google Cloud by mistake fails fast instead of waiting on DNS."""
    for name in ("MLOPS_STORAGE_ENDPOINT", "MLOPS_BIGQUERY_ENDPOINT", "MLOPS_VERTEX_ENDPOINT"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")
    monkeypatch.setenv("GCE_METADATA_HOST", "127.0.0.1:9")


@pytest.fixture
def launch_server() -> Iterator[ServerLauncher]:
    """The prediction server as the image runs it, on an unused port: ``launch(model_dir, env=...,
    stderr=...)`` starts one and waits for its "listening on" line; each is stopped at the end."""
    started: list[subprocess.Popen[str]] = []

    def launch(
        model_dir: Path, env: dict[str, str] | None = None, stderr: int = subprocess.DEVNULL
    ) -> tuple[subprocess.Popen[str], str]:
        command = [sys.executable, "-m", "serving.server", "--model-dir", str(model_dir)]
        process = subprocess.Popen(
            [*command, "--port", "0", "--host", "127.0.0.1"],
            cwd=PIPELINES,
            env={**os.environ, **(env or {})},
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        )
        started.append(process)
        assert process.stdout is not None
        line = process.stdout.readline().strip()
        assert line.startswith("listening on "), line
        return process, line.removeprefix("listening on ")

    yield launch
    for process in started:
        if process.poll() is None:
            process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=30)
