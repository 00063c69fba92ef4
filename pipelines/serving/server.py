"""serving.server: an HTTP prediction server for a packaged model, following Vertex AI's
custom-container contract.

    cd pipelines && python3 -m serving.server --model-dir out/deployable --port 8080

It serves the folder written by ``components.package_model`` (``model.joblib`` at its root
plus ``metadata.json`` with the ``feature_schema``), using only the standard library's
``http.server`` with joblib, pandas and numpy. It imports nothing from ``components``, only
the standard-library Google Cloud access of ``cloud``, so the serving image holds
``serving/`` and ``cloud/`` alone.

Vertex AI contract (environment variables set by Vertex, each overridable by a flag for
local use):

* ``AIP_HTTP_PORT`` (default 8080, ``--port``; ``--port 0`` picks a free port): the server
  listens on ``0.0.0.0`` (``--host``) and prints ``listening on http://HOST:PORT`` as the
  first line on stdout;
* ``AIP_HEALTH_ROUTE`` (default ``/health``): ``GET`` answers 200
  ``{"status": "ok", "model": ..., "framework": ..., "framework_version": ...}``;
* ``AIP_PREDICT_ROUTE`` (default ``/predict``): ``POST {"instances": [...], "parameters":
  {...}}`` answers 200 ``{"predictions": [...]}``;
* ``AIP_STORAGE_URI`` (``--model-dir``): the model folder, as a local path, ``file://`` URI,
  ``/gcs/<bucket>/...`` FUSE path or ``gs://`` URI. Vertex AI gives a ``gs://`` URI (a copy of
  the model's artifactUri), which is downloaded with the Cloud Storage JSON API and the
  metadata server's token (``GOOGLE_OAUTH_ACCESS_TOKEN`` elsewhere); retries are logged on
  stderr.

Instances are objects with the feature names of the schema, or arrays of values in the
schema's order. Bad input gets a 400 ``{"error": "..."}`` naming the instance and the
feature; the server never answers a stack trace.

A start-up problem is one line on stderr, and its exit status says which kind it is, so a
launcher (``mlops serve``) can say what to do about it:

* 1: the model cannot be loaded (no model location, missing or unreadable files);
* 2: a bad argument or ``AIP_*`` variable;
* 3: this Python cannot serve the model: pandas or joblib is missing, or the installed
  scikit-learn is not the version recorded in metadata.json (a pickled scikit-learn model is
  only reliable with the version that wrote it);
* 4: the port cannot be used (taken by another process, or privileged);
* 5: the host is not an address of this machine;
* 6: ``model.joblib`` is not the model that was packaged: its sha256 differs from
  ``MLOPS_MODEL_SHA256`` (which deploy sets from the run record) or, without it, from the
  ``model_sha256`` in metadata.json. Loading a model runs code, so it is checked first.

Requests are answered by ``--workers`` processes (``MLOPS_SERVER_WORKERS``; default: the CPUs
the container may use, from its CPU affinity and cgroup quota): Python scores one request at a
time per process, so throughput grows with processes, not threads. The model is loaded and
checked once, the port bound once, then the workers are forked and all accept connections
from the one listening socket (the pre-fork model); a worker that dies is replaced. With one
worker the server runs in its own process, as a single process.

SIGTERM (what Vertex AI sends before stopping a container) or SIGINT stops accepting
connections, lets the requests being answered finish (at most 20 s) and exits 0; the
supervisor passes it to its workers and waits for them.

At most ``--max-connections`` connections (default 32) are served at once by each worker, each
on its own thread; one more is answered 503 with ``Retry-After`` and closed, without a thread.

The parts: ``serving.model`` loads the model folder (location, environment and sha256
checks) and predicts; ``serving.http_server`` answers HTTP; ``serving.common`` holds the
errors, exit statuses and log they share. This module reads the settings and starts them.
"""

from __future__ import annotations

import argparse
import errno
import math
import mmap
import os
import signal
import socket
import sys
import threading
import time
import traceback
from typing import Any, Callable, NoReturn, Sequence

from cloud import google_api
from serving.common import EXIT_HOST, EXIT_PORT, EXIT_USAGE, StartupError, fail, log, name_worker
from serving.http_server import Balance, Handler, Server
from serving.model import Model, load_model, pinned_sha256, warm_up

DEFAULT_PORT = 8080
DEFAULT_HEALTH_ROUTE = "/health"
DEFAULT_PREDICT_ROUTE = "/predict"
DEFAULT_MAX_CONNECTIONS = 32
WORKERS_ENV = "MLOPS_SERVER_WORKERS"
# How long a stopping worker waits for the requests it is answering; Vertex AI (Kubernetes)
# kills the container 30 s after SIGTERM by default.
DRAIN_SECONDS = 20.0
# How often a worker checks that its supervisor is alive and not stopping.
CHECK_SECONDS = 1.0
# A worker that dies within this many seconds of starting is replaced only after as long, so a
# worker that cannot run does not turn into a busy loop of forks.
RESTART_DELAY_SECONDS = 1.0


def route_from_env(name: str, default: str) -> str:
    value = os.environ.get(name) or default
    if not value.startswith("/"):
        raise StartupError(f"{name} must be a path starting with /, got {value!r}", EXIT_USAGE)
    return value


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of at least 1, got {value}")
    return value


def port_number(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a port number, got {text!r}") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port number from 0 to 65535, got {port}")
    return port


def cgroup_cpu_limit() -> float | None:
    """The CPUs the container's cgroup quota allows (cgroup v2 ``cpu.max``, else v1's CFS
    quota), or None without a quota."""
    try:
        with open("/sys/fs/cgroup/cpu.max", encoding="ascii") as handle:
            quota, period = handle.read().split()[:2]
        return None if quota == "max" else int(quota) / int(period)
    except (OSError, ValueError):
        pass
    try:
        with open("/sys/fs/cgroup/cpu/cpu.cfs_quota_us", encoding="ascii") as handle:
            quota_us = int(handle.read())
        with open("/sys/fs/cgroup/cpu/cpu.cfs_period_us", encoding="ascii") as handle:
            period_us = int(handle.read())
        return None if quota_us <= 0 else quota_us / period_us
    except (OSError, ValueError):
        return None


def available_cpus() -> int:
    """CPUs this process may use: its affinity mask, capped by the cgroup quota (rounded up)."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # macOS: no affinity masks
        cpus = os.cpu_count() or 1
    limit = cgroup_cpu_limit()
    if limit is not None:
        cpus = min(cpus, math.ceil(limit))
    return max(1, cpus)


def worker_count(flag: int | None) -> int:
    if flag is not None:
        return flag
    text = os.environ.get(WORKERS_ENV, "").strip()
    if not text:
        return available_cpus()
    try:
        return positive_int(text)
    except argparse.ArgumentTypeError as error:
        raise StartupError(f"{WORKERS_ENV}: {error}", EXIT_USAGE) from None


class StopSignals:
    """The handler of SIGTERM and SIGINT for the server's whole life: it calls the stop action
    of this process once there is one, and keeps a signal that comes earlier for it (during
    start-up, or in a worker between its fork and serve(), where the action is still the
    supervisor's). Blocking the signals instead does not work: numpy's BLAS threads leave them
    unblocked, and the kernel hands the signal to one of them."""

    def __init__(self) -> None:
        self.action: Callable[[str], None] | None = None
        self.owner = 0
        self.pending: str | None = None

    def install(self) -> None:
        signal.signal(signal.SIGTERM, self.handle)
        signal.signal(signal.SIGINT, self.handle)

    def handle(self, signum: int, _frame: Any) -> None:
        reason = f"received signal {signum}"
        if self.action is not None and self.owner == os.getpid():
            self.action(reason)
        else:
            self.pending = reason

    def route_to(self, action: Callable[[str], None]) -> None:
        self.action, self.owner = action, os.getpid()
        if self.pending is not None:
            reason, self.pending = self.pending, None
            action(reason)


STOP = StopSignals()


def serve(server: Server, check: Callable[[], str | None] | None = None) -> None:
    """Serves until SIGTERM or SIGINT, or until ``check`` (called every second) gives a
    reason to stop, then lets the requests being answered finish."""
    stopping = threading.Event()

    def stop(reason: str) -> None:
        if not stopping.is_set():
            stopping.set()
            log(f"{reason}; shutting down")
            threading.Thread(target=server.shutdown, daemon=True).start()

    def watch() -> None:
        while check is not None and not stopping.wait(CHECK_SECONDS):
            reason = check()
            if reason:
                stop(reason)

    STOP.route_to(stop)
    if check is not None:
        threading.Thread(target=watch, daemon=True).start()
    try:
        server.serve_forever()
        unanswered = server.drain(DRAIN_SECONDS)
        if unanswered:
            log(f"stopped with {unanswered} request(s) unanswered after {DRAIN_SECONDS:.0f}s")
    finally:
        server.server_close()


def run_worker(server: Server, model: Model, number: int, supervisor: int, stopped: mmap.mmap) -> NoReturn:
    """A forked worker's life: serve until told to stop, then exit (never return into the
    supervisor's code). Besides its signals, it stops when the supervisor is gone (killed with
    SIGKILL, it could not pass SIGTERM on) or has set ``stopped`` (a SIGTERM sent in the
    instant after the fork is lost: Python clears the signals of a new process)."""

    def check() -> str | None:
        if os.getppid() != supervisor:
            return "the supervisor exited"
        return "the supervisor is stopping" if stopped[0] else None

    status = 0
    try:
        name_worker(number)
        # Accepting without blocking: the workers wait on the same socket, and one that loses
        # the race to a connection must go back to its loop (and see a shutdown).
        server.socket.setblocking(False)
        if server.balance is not None:
            server.balance.become(number - 1)
        warm_up(model)  # here, not before forking: OpenMP's threads do not survive a fork
        serve(server, check)
    except BaseException as error:  # noqa: BLE001 - a worker reports and exits, never returns
        log(f"worker failed: {type(error).__name__}: {error}")
        status = 1
    finally:
        sys.stderr.flush()
        os._exit(status)


def supervise(server: Server, model: Model, workers: int) -> None:
    """Forks ``workers`` processes serving the listening socket, replaces one that dies, and
    passes SIGTERM and SIGINT on to them, returning once they have all exited."""
    supervisor = os.getpid()
    children: dict[int, tuple[int, float]] = {}  # pid: (worker number, start time)
    stopping = False
    stopped = mmap.mmap(-1, 1)  # what the workers read: 1 once the supervisor is stopping

    def start(number: int) -> None:
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if not pid:
            run_worker(server, model, number, supervisor, stopped)
        children[pid] = (number, time.monotonic())

    def stop(reason: str) -> None:
        nonlocal stopping
        if not stopping:
            stopping = True
            stopped[0] = 1
            log(f"{reason}; stopping {len(children)} worker(s)")
        for pid in list(children):
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass

    STOP.route_to(stop)
    server.balance = Balance(workers)
    for number in range(1, workers + 1):
        if not stopping:  # a signal during start-up: the workers not yet started never start
            start(number)
    try:
        while children:
            pid, status = os.wait()
            number, started = children.pop(pid, (0, 0.0))
            if not number or stopping:
                continue
            log(f"worker {number} (pid {pid}) exited with status {os.waitstatus_to_exitcode(status)}; replacing it")
            if time.monotonic() - started < RESTART_DELAY_SECONDS:
                time.sleep(RESTART_DELAY_SECONDS)
            if not stopping:
                start(number)
    finally:
        server.server_close()


class ArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        fail(f"{message} (run with --help for usage)", EXIT_USAGE)


def main(argv: Sequence[str] | None = None) -> None:
    parser = ArgumentParser(
        prog="python3 -m serving.server",
        description="Prediction server for a packaged model (Vertex AI custom-container contract).",
    )
    parser.add_argument("--model-dir", help="model folder, file:// or gs:// URI (default: $AIP_STORAGE_URI)")
    parser.add_argument(
        "--port", type=port_number, help=f"port; 0 picks a free one (default: $AIP_HTTP_PORT or {DEFAULT_PORT})"
    )
    parser.add_argument("--host", default="0.0.0.0", help="address to listen on (default: 0.0.0.0)")
    parser.add_argument(
        "--max-connections",
        type=positive_int,
        default=DEFAULT_MAX_CONNECTIONS,
        help=f"connections served at once; more are answered 503 (default: {DEFAULT_MAX_CONNECTIONS})",
    )
    parser.add_argument(
        "--workers",
        type=positive_int,
        help=f"worker processes (default: ${WORKERS_ENV}, else the CPUs the container may use)",
    )
    args = parser.parse_args(argv)
    # Retries go to stderr like every line but `listening on`; a 403 names the server's identity.
    google_api.configure(
        log=log,
        runner="the server",
        identity="the identity the server runs as (on Vertex AI, the service account of the deployed model)",
    )
    try:
        port = args.port
        if port is None:
            env_port = os.environ.get("AIP_HTTP_PORT") or str(DEFAULT_PORT)
            try:
                port = port_number(env_port)
            except argparse.ArgumentTypeError as error:
                raise StartupError(f"AIP_HTTP_PORT: {error}", EXIT_USAGE) from None
        health_route = route_from_env("AIP_HEALTH_ROUTE", DEFAULT_HEALTH_ROUTE)
        predict_route = route_from_env("AIP_PREDICT_ROUTE", DEFAULT_PREDICT_ROUTE)
        if health_route == predict_route:
            raise StartupError(f"the health and predict routes are both {health_route}", EXIT_USAGE)
        workers = worker_count(args.workers)
        started = time.monotonic()
        model = load_model(args.model_dir or os.environ.get("AIP_STORAGE_URI", ""), pinned_sha256())
        if workers == 1:
            warm_up(model)
    except StartupError as error:
        fail(str(error), error.status)
    except Exception as error:  # noqa: BLE001 - one line, like every start-up problem
        if os.environ.get("MLOPS_DEBUG"):
            traceback.print_exc(file=sys.stderr)
        fail(f"unexpected {type(error).__name__} while loading the model: {error}")

    handler = type(
        "BoundHandler", (Handler,), {"model": model, "health_route": health_route, "predict_route": predict_route}
    )
    try:
        server = Server((args.host, port), handler, args.max_connections)
    except OSError as error:
        # The host is at fault when it does not resolve or is not this machine's; else the port.
        bad_host = isinstance(error, socket.gaierror) or error.errno == errno.EADDRNOTAVAIL
        fail(f"cannot listen on {args.host}:{port}: {error}", EXIT_HOST if bad_host else EXIT_PORT)
    # An AF_INET server: its address is (host, port), the port the one bound when 0 was asked.
    host, bound_port = server.socket.getsockname()[:2]
    log(
        f"loaded {model.name} ({model.metadata.get('framework')} {model.metadata.get('framework_version')}, "
        f"{len(model.names)} features) from {model.source} in {time.monotonic() - started:.1f}s; "
        f"health GET {health_route}, predict POST {predict_route}; {workers} worker(s); "
        f"one instance {'without' if model.fast else 'through'} a DataFrame"
    )
    STOP.install()  # before `listening on`: a client may stop the server as soon as it reads it
    print(f"listening on http://{host}:{bound_port}", flush=True)
    if workers == 1:
        serve(server)
    else:
        supervise(server, model, workers)


if __name__ == "__main__":
    main()
