"""The prediction server's worker processes: how many, that each answers, that SIGTERM lets
a request being answered finish, that a dead worker is replaced, and that workers do not
outlive a supervisor killed with SIGKILL."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

import joblib
import numpy as np
import pandas as pd
import pytest
import sklearn
from sklearn.linear_model import Ridge
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from serving import server as serving_server
from serving.common import StartupError


PIPELINES = Path(__file__).resolve().parents[1]
BODY = json.dumps({"instances": [[1.0, 2.0]]}).encode()


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rng = np.random.default_rng(0)
    X = pd.DataFrame(rng.normal(size=(50, 2)), columns=["a", "b"])
    directory = tmp_path_factory.mktemp("workers")
    joblib.dump(make_pipeline(StandardScaler(), Ridge()).fit(X, X["a"] * 2 + X["b"]), directory / "model.joblib")
    metadata = {
        "framework": "scikit-learn",
        "framework_version": sklearn.__version__,
        "task": "regression",
        "feature_schema": [{"name": "a", "kind": "numeric"}, {"name": "b", "kind": "numeric"}],
    }
    (directory / "metadata.json").write_text(json.dumps(metadata))
    return directory


class Running:
    def __init__(self, process: subprocess.Popen[str], port: int) -> None:
        self.process = process
        self.port = port

    def workers(self) -> list[int]:
        listing = subprocess.run(
            ["ps", "--ppid", str(self.process.pid), "-o", "pid="], capture_output=True, text=True, check=False
        )
        return [int(pid) for pid in listing.stdout.split()]

    def stop_and_log(self) -> str:
        self.process.terminate()
        return self.process.communicate(timeout=30)[1]

    def predict(self) -> Any:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        connection.request("POST", "/predict", BODY, {"Content-Type": "application/json"})
        response = connection.getresponse()
        return response.status, json.loads(response.read())


@pytest.fixture
def running(model_dir: Path, launch_server: Callable[..., tuple[subprocess.Popen[str], str]]) -> Running:
    process, address = launch_server(model_dir, {"MLOPS_SERVER_WORKERS": "2"}, subprocess.PIPE)
    server = Running(process, int(address.rsplit(":", 1)[1]))
    deadline = time.monotonic() + 20
    while len(server.workers()) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    return server


def wait_gone(pids: list[int], seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        alive = [pid for pid in pids if os.path.exists(f"/proc/{pid}") and "Z" not in status_of(pid)]
        if not alive:
            return True
        time.sleep(0.05)
    return False


def status_of(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[1].split()[0]
    except (OSError, IndexError):
        return "Z"


def test_every_worker_answers_and_sigterm_finishes_the_request_being_answered(running: Running) -> None:
    assert len(running.workers()) == 2
    for _ in range(6):
        assert running.predict()[0] == 200
    # A request whose body is half sent when SIGTERM arrives is still answered.
    connection = socket.create_connection(("127.0.0.1", running.port))
    head = f"POST /predict HTTP/1.1\r\nHost: x\r\nContent-Length: {len(BODY)}\r\n\r\n".encode()
    connection.sendall(head + BODY[:5])
    time.sleep(0.3)
    running.process.send_signal(signal.SIGTERM)
    time.sleep(0.3)
    connection.sendall(BODY[5:])
    answer = connection.makefile("rb").read()
    assert answer.startswith(b"HTTP/1.1 200"), answer[:200]
    assert running.process.wait(timeout=30) == 0
    assert running.process.stderr is not None
    log = running.process.stderr.read()
    assert "2 worker(s)" in log and "[serving 1] received signal 15" in log and "[serving 2]" in log


def test_kept_alive_connections_are_spread_over_the_workers(running: Running) -> None:
    # Accepted first come first served, 3 of 4 connections often landed on one worker.
    connections = [http.client.HTTPConnection("127.0.0.1", running.port, timeout=30) for _ in range(4)]
    for connection in connections:
        connection.connect()
    time.sleep(0.2)
    for connection in connections:
        connection.request("POST", "/predict", BODY, {"Content-Type": "application/json"})
        assert connection.getresponse().read()
    log = running.stop_and_log()
    answered = [line.split("]")[0] for line in log.splitlines() if "POST /predict 200" in line]
    assert sorted(answered) == ["[serving 1"] * 2 + ["[serving 2"] * 2, log


def test_sigterm_while_the_workers_start_stops_them_all(model_dir: Path) -> None:
    # A worker forked with the supervisor's handler once passed the signal on and served on.
    for _ in range(3):
        process = subprocess.Popen(
            [sys.executable, "-m", "serving.server", "--model-dir", str(model_dir), "--port", "0", "--workers", "2"],
            cwd=PIPELINES,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert process.stdout is not None and process.stdout.readline().startswith("listening on ")
        process.send_signal(signal.SIGTERM)
        try:
            assert process.wait(timeout=20) == 0
        finally:
            process.kill()


def test_a_worker_that_dies_is_replaced(running: Running) -> None:
    first = running.workers()
    os.kill(first[0], signal.SIGKILL)
    deadline = time.monotonic() + 20
    workers = first
    while time.monotonic() < deadline and (len(workers) < 2 or first[0] in workers):
        time.sleep(0.05)
        workers = running.workers()
    assert len(workers) == 2 and first[0] not in workers, running.stop_and_log()
    assert running.predict()[0] == 200


def test_workers_stop_when_the_supervisor_is_killed(running: Running) -> None:
    workers = running.workers()
    running.process.kill()
    running.process.wait(timeout=10)
    assert wait_gone(workers), f"workers {workers} outlived their supervisor"


def test_worker_count_comes_from_the_flag_the_variable_or_the_cpus(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLOPS_SERVER_WORKERS", "3")
    assert serving_server.worker_count(5) == 5
    assert serving_server.worker_count(None) == 3
    monkeypatch.setenv("MLOPS_SERVER_WORKERS", "0")
    with pytest.raises(StartupError, match="MLOPS_SERVER_WORKERS: expected a number of at least 1, got 0"):
        serving_server.worker_count(None)
    monkeypatch.delenv("MLOPS_SERVER_WORKERS")
    monkeypatch.setattr(serving_server, "cgroup_cpu_limit", lambda: 1.5)
    assert serving_server.worker_count(None) == min(2, len(os.sched_getaffinity(0)))
    monkeypatch.setattr(serving_server, "cgroup_cpu_limit", lambda: None)
    assert serving_server.worker_count(None) == len(os.sched_getaffinity(0))
