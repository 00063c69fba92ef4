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

At most ``--max-connections`` connections (default 32) are served at once, each on its own
thread; one more is answered 503 with ``Retry-After`` and closed, without a thread.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import json
import math
import os
import platform
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
import traceback
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, NoReturn, Sequence
from urllib.parse import unquote, urlsplit

from cloud import google_api, integrity, storage

NAME = "serving"
MODEL_FILE = "model.joblib"
METADATA_FILE = "metadata.json"
NUMERIC = "numeric"
CATEGORICAL = "categorical"
SKLEARN_NAMES = frozenset({"scikit-learn", "sklearn"})

DEFAULT_PORT = 8080
DEFAULT_HEALTH_ROUTE = "/health"
DEFAULT_PREDICT_ROUTE = "/predict"
MAX_BODY_BYTES = 10 * 1024 * 1024
# Bodies up to this size are read and discarded before a 413, so the client sees the answer
# instead of a reset connection; larger ones are refused without reading them.
MAX_DRAINED_BYTES = 4 * MAX_BODY_BYTES
MAX_ERRORS_REPORTED = 10
# The largest magnitude a numeric feature may have. Past it a model's arithmetic overflows:
# scikit-learn's trees compute in float32 (up to 3.4e38) after a scaler has divided the value
# by the feature's spread. 1e20 holds every 64-bit integer and leaves that room for scaling.
MAX_MAGNITUDE = 1e20
# Exit statuses of a start-up problem (see the module docstring).
EXIT_MODEL = 1
EXIT_USAGE = 2
EXIT_ENVIRONMENT = 3
EXIT_PORT = 4
EXIT_HOST = 5
EXIT_INTEGRITY = 6
DEFAULT_MAX_CONNECTIONS = 32
# A refused connection: what the client already sent is read (so closing does not reset the
# connection before it reads the 503) for at most this long, on the accepting thread.
REFUSAL_READ_SECONDS = 0.1
# Text cells that mean "no value" for a numeric feature (compared stripped, case-insensitively),
# as in the training data's preprocessing.
MISSING_TOKENS = frozenset({"", "na", "n/a", "nan", "null", "<na>", "#n/a"})


class StartupError(Exception):
    """A problem that keeps the server from starting. ``status`` is the exit status."""

    def __init__(self, message: str, status: int = EXIT_MODEL) -> None:
        super().__init__(message)
        self.status = status


class BadRequest(Exception):
    """Input the client must fix: answered with ``status`` and ``{"error": message}``."""

    def __init__(self, message: str, status: int = HTTPStatus.BAD_REQUEST) -> None:
        super().__init__(message)
        self.status = int(status)


def one_line(text: str) -> str:
    return " ".join(str(text).split())


def log(message: str) -> None:
    """One line on stderr (stdout carries only the ``listening on`` line)."""
    print(f"[{NAME}] {one_line(message)}", file=sys.stderr, flush=True)


def fail(message: str, status: int = EXIT_MODEL) -> NoReturn:
    sys.stdout.flush()
    print(f"{NAME}: error: {one_line(message)}", file=sys.stderr, flush=True)
    sys.exit(status)


def jsonable(value: Any) -> Any:
    """Converts numpy scalars and arrays to plain JSON values (non-finite floats to null)."""
    if isinstance(value, dict):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(item) for item in value]
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):  # numpy
        return jsonable(value.tolist())
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def preview(value: Any) -> str:
    """A short rendering of a client value for an error message."""
    text = json.dumps(value) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


# --------------------------------------------------------------------------- the model


class Model:
    """The loaded model with its feature schema and label decoding."""

    def __init__(self, estimator: Any, metadata: dict[str, Any], source: str) -> None:
        self.estimator = estimator
        self.metadata = metadata
        self.source = source
        self.schema = parse_schema(metadata)
        self.names = [feature["name"] for feature in self.schema]
        self.kinds = {feature["name"]: feature["kind"] for feature in self.schema}
        self.name = str(
            metadata.get("packaged_from")
            or metadata.get("model_type")
            or os.path.basename(os.path.normpath(source))
            or "model"
        )
        mapping = metadata.get("label_mapping")
        # preprocess encodes labels as 0..k-1; predictions are decoded back to the names.
        self.decode: dict[Any, Any] = {}
        if isinstance(mapping, dict):
            for label, code in mapping.items():
                if isinstance(code, (int, float)) and not isinstance(code, bool):
                    self.decode[int(code)] = label
        self.has_proba = hasattr(estimator, "predict_proba")
        # One prediction at a time: parsing and answering stay concurrent, but threads running
        # the model side by side only fight over the GIL (slower for everyone on few cores).
        self.scoring = threading.Lock()

    def label(self, value: Any) -> Any:
        """A predicted class as JSON, decoded to its original name when metadata maps it."""
        value = jsonable(value)
        if self.decode and isinstance(value, (int, float)) and not isinstance(value, bool):
            if float(value).is_integer():
                return self.decode.get(int(value), value)
        return value

    def health(self) -> dict[str, Any]:
        return {
            "status": "ok",
            "model": self.name,
            "framework": self.metadata.get("framework"),
            "framework_version": self.metadata.get("framework_version"),
        }

    # ---------------------------------------------------------------- instances

    def frame(self, instances: list[Any]) -> Any:
        """Validates the instances against the feature schema; returns a DataFrame with the
        schema's column names (numeric -> float64, categorical -> object)."""
        import pandas as pd

        columns: dict[str, list[Any]] = {name: [] for name in self.names}
        errors: list[str] = []
        count = len(self.names)
        for index, instance in enumerate(instances):
            if isinstance(instance, dict):
                missing = [name for name in self.names if name not in instance]
                unknown = [str(key) for key in instance if key not in self.kinds]
                if missing:
                    errors.append(
                        f"instance {index}: missing feature(s) {', '.join(map(repr, missing))} "
                        "(send null for a missing value)"
                    )
                if unknown:
                    errors.append(
                        f"instance {index}: unknown feature(s) {', '.join(map(repr, unknown))}; "
                        f"the model's features are {', '.join(map(repr, self.names))}"
                    )
                if missing or unknown:
                    continue
                values = [instance[name] for name in self.names]
            elif isinstance(instance, list):
                if len(instance) != count:
                    errors.append(
                        f"instance {index}: an array instance needs {count} values, in the order "
                        f"{', '.join(map(repr, self.names))}; got {len(instance)}"
                    )
                    continue
                values = instance
            else:
                errors.append(
                    f"instance {index}: must be an object of feature values or an array of {count} "
                    f"values, got {json_type(instance)}"
                )
                continue
            for name, value in zip(self.names, values):
                try:
                    columns[name].append(convert(value, self.kinds[name]))
                except ValueError as error:
                    errors.append(f"instance {index}: feature {name!r} {error}")
                    columns[name].append(math.nan)
        if errors:
            more = len(errors) - MAX_ERRORS_REPORTED
            shown = errors[:MAX_ERRORS_REPORTED] + ([f"and {more} more problem(s)"] if more > 0 else [])
            raise BadRequest("; ".join(shown))
        return pd.DataFrame(
            {
                name: pd.Series(columns[name], dtype="float64" if self.kinds[name] == NUMERIC else object)
                for name in self.names
            },
            columns=self.names,
        )

    def predict(self, instances: list[Any]) -> list[Any]:
        X = self.frame(instances)
        classes = list(getattr(self.estimator, "classes_", []))
        if not self.has_proba or not classes:
            return [self.label(value) for value in self.estimator.predict(X)]
        # One pass through the model: the label is the most probable class, which is what a
        # scikit-learn classifier's predict() returns (first class on ties, as argmax).
        probabilities = self.estimator.predict_proba(X)
        names = [self.label(value) for value in classes]
        return [
            {
                "label": names[int(row.argmax())],
                "probabilities": {str(name): float(p) for name, p in zip(names, row)},
            }
            for row in probabilities
        ]


def convert(value: Any, kind: str) -> Any:
    """One client value as the training frame held it: float (NaN = missing) for numeric
    features, text (NaN = missing) for categorical ones. ValueError says what is wrong."""
    if value is None:
        return math.nan
    if kind == NUMERIC:
        if isinstance(value, bool):
            raise ValueError(f"must be a number (or null), got boolean {preview(value)}")
        if isinstance(value, (int, float)):
            number = value
        elif isinstance(value, str):
            if value.strip().lower() in MISSING_TOKENS:
                return math.nan
            try:
                number = float(value.strip())
            except ValueError:
                raise ValueError(f"must be a number (or null), got string {preview(value)}") from None
        else:
            raise ValueError(f"must be a number (or null), got {json_type(value)}")
        # Compared before float(): Python compares an int of any size exactly, while float() of
        # one past 1.8e308 raises OverflowError. Infinities and NaN fail the comparison too.
        if not abs(number) <= MAX_MAGNITUDE:
            raise ValueError(f"must be a number from {-MAX_MAGNITUDE:g} to {MAX_MAGNITUDE:g}, got {preview(value)}")
        return float(number)
    if isinstance(value, str):
        return value if value != "" else math.nan
    if isinstance(value, (bool, int, float)):
        return str(value)
    raise ValueError(f"must be a string (or null), got {json_type(value)}")


def parse_schema(metadata: dict[str, Any]) -> list[dict[str, str]]:
    schema = metadata.get("feature_schema")
    if not isinstance(schema, list) or not schema:
        raise StartupError(
            f"{METADATA_FILE} has no feature_schema (a list of {{name, kind}}); cannot validate instances"
        )
    parsed = []
    for position, feature in enumerate(schema):
        if not isinstance(feature, dict) or not isinstance(feature.get("name"), str):
            raise StartupError(f"{METADATA_FILE}: feature_schema[{position}] is not an object with a name")
        kind = feature.get("kind")
        if kind not in (NUMERIC, CATEGORICAL):
            raise StartupError(
                f"{METADATA_FILE}: feature {feature['name']!r} has kind {kind!r}; expected {NUMERIC} or {CATEGORICAL}"
            )
        parsed.append({"name": feature["name"], "kind": kind})
    names = [feature["name"] for feature in parsed]
    if len(set(names)) != len(names):
        raise StartupError(f"{METADATA_FILE}: feature_schema names the same feature twice")
    return parsed


# --------------------------------------------------------------------------- loading


def local_model_dir(uri: str) -> str:
    """The local folder for a model location; gs:// URIs are downloaded to a temporary folder."""
    if not uri:
        raise StartupError("no model location: set AIP_STORAGE_URI or pass --model-dir")
    if uri.startswith("gs://"):
        return download_from_gcs(uri)
    if uri.startswith("file://"):
        parts = urlsplit(uri)
        if parts.netloc not in ("", "localhost"):
            raise StartupError(f"file:// URI with a host is not supported: {uri}")
        uri = unquote(parts.path)
    elif "://" in uri:
        raise StartupError(f"unsupported model location {uri}: use a local folder, file:// or gs:// URI")
    return uri


def download_from_gcs(uri: str) -> str:
    """Downloads the model folder to a temporary folder and returns its path."""
    target = tempfile.mkdtemp(prefix="mlops-serving-model-")
    try:
        storage.download_prefix(uri, target, names=[MODEL_FILE, METADATA_FILE])
    except google_api.CloudError as error:
        shutil.rmtree(target, ignore_errors=True)
        raise StartupError(str(error)) from None
    log(f"downloaded {uri} to {target}")
    return target


def check_environment(metadata: dict[str, Any]) -> None:
    """EXIT_ENVIRONMENT unless this Python has the packages the server needs and the
    scikit-learn version that wrote the model."""
    # Without pandas the server would start and answer 500 to every request.
    for package in ("pandas", "joblib"):
        try:
            importlib.import_module(package)
        except ImportError:
            raise StartupError(
                f"{package} is not installed in {sys.executable}; the server needs pandas, joblib and numpy",
                EXIT_ENVIRONMENT,
            ) from None
    framework = str(metadata.get("framework") or "")
    if framework.lower() not in SKLEARN_NAMES:
        return
    recorded = metadata.get("framework_version")
    if not recorded:
        raise StartupError(f"{METADATA_FILE} records framework {framework} but no framework_version")
    try:
        import sklearn
    except ImportError:
        raise StartupError(
            f"the model needs scikit-learn {recorded}, which is not installed in {sys.executable}", EXIT_ENVIRONMENT
        ) from None
    if str(recorded) != sklearn.__version__:
        raise StartupError(
            f"the model was trained with scikit-learn {recorded} but scikit-learn {sklearn.__version__} "
            f"is installed; serve it with scikit-learn {recorded} (a pickled model is only "
            "reliable with the version that wrote it)",
            EXIT_ENVIRONMENT,
        )


def pinned_sha256() -> str | None:
    """MLOPS_MODEL_SHA256: the hash deploy took from the run record, when set."""
    value = os.environ.get(integrity.MODEL_SHA256_ENV, "").strip()
    if not value:
        return None
    try:
        return integrity.parse_sha256(value, integrity.MODEL_SHA256_ENV)
    except integrity.IntegrityError as error:
        raise StartupError(str(error), EXIT_USAGE) from None


def load_model(uri: str, pinned: str | None = None) -> Model:
    path = local_model_dir(uri)
    if not os.path.isdir(path):
        raise StartupError(f"model folder not found: {path}" + (f" (from {uri})" if path != uri else ""))
    metadata_file = os.path.join(path, METADATA_FILE)
    model_file = os.path.join(path, MODEL_FILE)
    for file in (model_file, metadata_file):
        if not os.path.isfile(file):
            raise StartupError(f"{file} not found: a model folder holds {MODEL_FILE} and {METADATA_FILE}")
    try:
        with open(metadata_file, encoding="utf-8") as handle:
            metadata = json.load(handle)
    except (OSError, ValueError) as error:
        raise StartupError(f"could not read {metadata_file}: {error}") from None
    if not isinstance(metadata, dict):
        raise StartupError(f"{metadata_file} does not hold a JSON object")
    check_environment(metadata)  # before unpickling: a mismatched version may fail in odd ways
    parse_schema(metadata)
    try:
        integrity.verify_model_file(model_file, metadata, pinned, f"{integrity.MODEL_SHA256_ENV} is")
    except integrity.IntegrityError as error:
        raise StartupError(str(error), EXIT_INTEGRITY) from None
    recorded_python = str(metadata.get("python_version") or "")
    if recorded_python and recorded_python.split(".")[:2] != platform.python_version().split(".")[:2]:
        log(f"warning: the model was trained with Python {recorded_python}, this is Python {platform.python_version()}")
    import joblib

    try:
        estimator = joblib.load(model_file)
    except Exception as error:  # noqa: BLE001 - unpickling can fail in many ways
        raise StartupError(f"could not load {model_file}: {type(error).__name__}: {error}") from None
    if not hasattr(estimator, "predict"):
        raise StartupError(f"{model_file} holds a {type(estimator).__name__}, which has no predict method")
    return Model(estimator, metadata, path)


def warm_up(model: Model) -> None:
    """One prediction on an all-missing instance before listening, so the first request
    does not pay for lazy imports. A model that cannot take missing values only logs it."""
    try:
        model.predict([[None] * len(model.names)])
    except Exception as error:  # noqa: BLE001 - informative only
        log(f"note: warm-up prediction on an all-missing instance failed ({type(error).__name__}: {error})")


# --------------------------------------------------------------------------- HTTP


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive; every answer carries a Content-Length
    server_version = "mlops-serving"
    timeout = 60  # seconds a connection may sit idle or trickle its body
    model: Model
    health_route: str
    predict_route: str

    def version_string(self) -> str:
        return self.server_version  # no Python version: it only helps an attacker pick exploits

    def setup(self) -> None:
        super().setup()
        # Headers and body are separate writes on a kept-alive connection: with Nagle's
        # algorithm the body would wait for the client's delayed ACK (~40 ms per request).
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_request(self, code: Any = "-", size: Any = "-") -> None:
        pass  # handle_request writes one line per request instead

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - overridden API
        log(format % args)  # http.server's own errors (malformed request line, ...)

    def send_json(self, status: int, payload: Any, close: bool = False, headers: dict[str, str] | None = None) -> None:
        body = json.dumps(jsonable(payload), allow_nan=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        self._status = int(status)

    def route(self) -> str:
        return urlsplit(self.path).path

    def handle_request(self, method: str) -> None:
        started = time.monotonic()
        self._status = 0
        self._instances: int | None = None
        try:
            path = self.route()
            if path == self.health_route and method in ("GET", "HEAD"):
                self.send_json(HTTPStatus.OK, self.model.health())
            elif path == self.predict_route and method == "POST":
                self.predict()
            elif path in (self.health_route, self.predict_route):
                self.discard_body()
                allowed = "GET, HEAD" if path == self.health_route else "POST"
                self.send_json(
                    HTTPStatus.METHOD_NOT_ALLOWED,
                    {"error": f"{method} is not allowed on {path}; use {allowed}"},
                    headers={"Allow": allowed},
                )
            else:
                self.discard_body()
                self.send_json(
                    HTTPStatus.NOT_FOUND,
                    {"error": f"no route {path}; health: GET {self.health_route}, predict: POST {self.predict_route}"},
                )
        except BadRequest as error:
            # The body may be unread (413, chunked, bad length): close rather than misparse it.
            close = self.close_connection or error.status == HTTPStatus.REQUEST_ENTITY_TOO_LARGE
            self.send_json(error.status, {"error": str(error)}, close=close)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
            self._status = self._status or 499
        except TimeoutError:
            self.close_connection = True
            try:
                self.send_json(HTTPStatus.REQUEST_TIMEOUT, {"error": "timed out reading the request body"}, close=True)
            except OSError:
                pass
        except Exception as error:  # noqa: BLE001 - never a stack trace to the client
            log(f"unexpected {type(error).__name__} on {method} {self.route()}: {error}")
            if os.environ.get("MLOPS_DEBUG"):
                traceback.print_exc(file=sys.stderr)
            try:
                self.send_json(
                    HTTPStatus.INTERNAL_SERVER_ERROR,
                    {"error": f"internal error ({type(error).__name__}); see the server log"},
                    close=True,
                )
            except OSError:
                self.close_connection = True
        finally:
            instances = "" if self._instances is None else f" instances={self._instances}"
            log(
                f"{method} {self.route()} {self._status or '-'}{instances} "
                f"{(time.monotonic() - started) * 1000:.1f}ms"
            )

    def content_length(self) -> int:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self.close_connection = True
            raise BadRequest(
                "chunked request bodies are not supported; send a Content-Length", HTTPStatus.LENGTH_REQUIRED
            )
        text = self.headers.get("Content-Length")
        if text is None:
            return 0
        try:
            length = int(text)
        except ValueError:
            length = -1
        if length < 0:
            self.close_connection = True
            raise BadRequest(f"invalid Content-Length {text!r}")
        return length

    def discard_body(self) -> None:
        try:
            length = self.content_length()
        except BadRequest:
            return
        if length > MAX_DRAINED_BYTES:
            self.close_connection = True
            return
        while length > 0:
            chunk = self.rfile.read(min(length, 1 << 16))
            if not chunk:
                break
            length -= len(chunk)

    def read_body(self) -> bytes:
        length = self.content_length()
        if length > MAX_BODY_BYTES:
            self.discard_body()
            raise BadRequest(
                f"request body of {length} bytes exceeds the limit of {MAX_BODY_BYTES} bytes; "
                "send fewer instances per request",
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
            )
        body = self.rfile.read(length) if length else b""
        if len(body) != length:
            self.close_connection = True
            raise BadRequest(f"request body ended after {len(body)} of {length} bytes")
        return body

    def predict(self) -> None:
        body = self.read_body()
        try:
            request = json.loads(body.decode("utf-8"), parse_constant=reject_constant)
        except RecursionError:
            raise BadRequest("request body is nested too deeply") from None
        except (UnicodeDecodeError, ValueError) as error:
            reason = "is empty" if not body.strip() else f"is not valid JSON ({error})"
            raise BadRequest(f'request body {reason}; send {{"instances": [...]}}') from None
        if not isinstance(request, dict) or "instances" not in request:
            raise BadRequest('request body must be a JSON object with an "instances" list')
        instances = request["instances"]
        if not isinstance(instances, list):
            raise BadRequest(f'"instances" must be a list, got {json_type(instances)}')
        if not instances:
            raise BadRequest('"instances" is empty; send at least one instance')
        parameters = request.get("parameters")
        if parameters is not None and not isinstance(parameters, dict):
            raise BadRequest(f'"parameters" must be an object, got {json_type(parameters)}')
        self._instances = len(instances)
        with self.model.scoring:
            predictions = self.model.predict(instances)
        self.send_json(HTTPStatus.OK, {"predictions": predictions})

    def do_GET(self) -> None:
        self.handle_request("GET")

    def do_HEAD(self) -> None:
        self.handle_request("HEAD")

    def do_POST(self) -> None:
        self.handle_request("POST")

    def do_PUT(self) -> None:
        self.handle_request("PUT")

    def do_DELETE(self) -> None:
        self.handle_request("DELETE")

    def do_PATCH(self) -> None:
        self.handle_request("PATCH")

    def do_OPTIONS(self) -> None:
        self.handle_request("OPTIONS")

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """http.server's own errors (malformed request line, headers too long, ...) as JSON."""
        log(f"{code} {message or ''}")
        try:
            self.send_json(code, {"error": message or HTTPStatus(code).phrase}, close=True)
        except (OSError, ValueError):
            self.close_connection = True


def reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value; send null for a missing value")


class Server(ThreadingHTTPServer):
    """A thread per connection, up to ``max_connections``; past that, a 503 and no thread."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], handler: type[Handler], max_connections: int) -> None:
        super().__init__(address, handler)
        self.max_connections = max_connections
        self.slots = threading.BoundedSemaphore(max_connections)

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self.slots.acquire(blocking=False):
            self.refuse(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self.slots.release()  # no thread started to release it
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()

    def refuse(self, connection: socket.socket) -> None:
        body = json.dumps(
            {"error": f"the server is busy ({self.max_connections} connections open); retry shortly"}
        ).encode("utf-8")
        head = (
            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nRetry-After: 1\r\nConnection: close\r\n"
            f"Server: {Handler.server_version}\r\n\r\n"
        ).encode("ascii")
        try:
            connection.settimeout(REFUSAL_READ_SECONDS)
            try:
                connection.recv(1 << 16)
            except OSError:
                pass  # nothing sent yet
            connection.sendall(head + body)
        except OSError:
            pass  # the client is gone
        finally:
            self.shutdown_request(connection)
        log(f"503 busy: {self.max_connections} connections open")


# --------------------------------------------------------------------------- main


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
        started = time.monotonic()
        model = load_model(args.model_dir or os.environ.get("AIP_STORAGE_URI", ""), pinned_sha256())
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
        f"health GET {health_route}, predict POST {predict_route}"
    )
    print(f"listening on http://{host}:{bound_port}", flush=True)

    def stop(signum: int, _frame: Any) -> None:
        log(f"received signal {signum}; shutting down")
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        server.serve_forever()
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
