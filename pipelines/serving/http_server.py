"""serving.http_server: the prediction server's HTTP side, on the standard library's
``http.server``: the health and predict routes, reading and checking request bodies (size
limits, JSON, the ``instances`` list), JSON answers (errors included, never a stack trace),
one log line per request, and a server that caps the connections it serves at once.

The routes and the model are class attributes of a ``Handler`` subclass (``serving.server``
binds them at start-up).
"""

from __future__ import annotations

import json
import mmap
import os
import socket
import sys
import threading
import time
import traceback
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from contextlib import contextmanager
from typing import Any, Iterator, cast
from urllib.parse import urlsplit

from cloud.json_values import jsonable
from serving.common import BadRequest, json_type, log
from serving.model import Model

MAX_BODY_BYTES = 10 * 1024 * 1024
# Bodies up to this size are read and discarded before a 413, so the client sees the answer
# instead of a reset connection; larger ones are refused without reading them.
MAX_DRAINED_BYTES = 4 * MAX_BODY_BYTES
# A refused connection: what the client already sent is read (so closing does not reset the
# connection before it reads the 503) for at most this long, on the accepting thread.
REFUSAL_READ_SECONDS = 0.1


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
        with cast(Server, self.server).in_flight():
            self.answer(method)

    def answer(self, method: str) -> None:
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


class Balance:
    """Each worker's open connections, in memory the workers share (mapped before forking).

    A kept-alive connection stays with the worker that accepted it, and the workers race to
    accept from one socket, so first come first served can pile the clients on one worker
    while another idles (3 of 4 connections on one of 2 workers, in most runs). A worker
    leaves a new connection to a less loaded one, for at most ``DEFER_SECONDS``, so a busy
    or stuck peer does not keep the connection waiting."""

    DEFER_SECONDS = 0.02

    def __init__(self, workers: int) -> None:
        self.counts = memoryview(mmap.mmap(-1, 4 * workers)).cast("i")
        self.index = 0
        self.declined_since: float | None = None
        self.lock = threading.Lock()

    def become(self, index: int) -> None:
        """This process is worker ``index`` (0-based); a replaced worker's connections are gone."""
        self.index = index
        self.counts[index] = 0

    def may_accept(self) -> bool:
        if self.counts[self.index] <= min(self.counts):
            self.declined_since = None
            return True
        now = time.monotonic()
        if self.declined_since is None:
            self.declined_since = now
        if now - self.declined_since >= self.DEFER_SECONDS:
            self.declined_since = None
            return True
        return False

    def add(self, change: int) -> None:
        with self.lock:
            self.counts[self.index] += change


class Server(ThreadingHTTPServer):
    """A thread per connection, up to ``max_connections``; past that, a 503 and no thread."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], handler: type[Handler], max_connections: int) -> None:
        super().__init__(address, handler)
        self.max_connections = max_connections
        self.slots = threading.BoundedSemaphore(max_connections)
        self.requests = 0  # requests being answered, which a shutdown lets finish
        self.idle = threading.Condition()
        self.balance: Balance | None = None  # set when several workers share the socket

    def get_request(self) -> tuple[socket.socket, Any]:
        if self.balance is not None and not self.balance.may_accept():
            time.sleep(0.001)  # the socket stays readable: do not spin while a peer accepts
            raise BlockingIOError("left to a less loaded worker")  # socketserver skips it
        return super().get_request()

    @contextmanager
    def in_flight(self) -> Iterator[None]:
        with self.idle:
            self.requests += 1
        try:
            yield
        finally:
            with self.idle:
                self.requests -= 1
                self.idle.notify_all()

    def drain(self, seconds: float) -> int:
        """Waits (after ``shutdown``) for the requests being answered, at most ``seconds``;
        returns how many are still unanswered. Idle kept-alive connections are not waited for."""
        with self.idle:
            self.idle.wait_for(lambda: self.requests == 0, timeout=seconds)
            return self.requests

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self.slots.acquire(blocking=False):
            self.refuse(request)
            return
        if self.balance is not None:
            self.balance.add(1)
        try:
            super().process_request(request, client_address)
        except BaseException:
            self.release()  # no thread started to release it
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.release()

    def release(self) -> None:
        self.slots.release()
        if self.balance is not None:
            self.balance.add(-1)

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
