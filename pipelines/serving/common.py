"""serving.common: what every part of the prediction server shares: the exit statuses of a
start-up problem and the two errors (one stops the server, one answers the client), the
stderr log, and the rendering of values as JSON and in error messages."""

from __future__ import annotations

import json
import sys
from http import HTTPStatus
from typing import Any, NoReturn

NAME = "serving"
# Exit statuses of a start-up problem (see serving.server's docstring).
EXIT_MODEL = 1
EXIT_USAGE = 2
EXIT_ENVIRONMENT = 3
EXIT_PORT = 4
EXIT_HOST = 5
EXIT_INTEGRITY = 6


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


def name_worker(number: int) -> None:
    """Prefixes this process's log lines with its worker number (``[serving 2]``)."""
    global NAME
    NAME = f"serving {number}"


def one_line(text: str) -> str:
    return " ".join(str(text).split())


def log(message: str) -> None:
    """One line on stderr (stdout carries only the ``listening on`` line)."""
    print(f"[{NAME}] {one_line(message)}", file=sys.stderr, flush=True)


def fail(message: str, status: int = EXIT_MODEL) -> NoReturn:
    sys.stdout.flush()
    print(f"{NAME}: error: {one_line(message)}", file=sys.stderr, flush=True)
    sys.exit(status)


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
