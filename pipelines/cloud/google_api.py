"""Google REST APIs with the Python standard library only.

The images carry no google-cloud-* libraries (and cannot pip install at run time), so the
components and the prediction server speak to Google APIs over plain HTTPS:

* ``access_token()``: an OAuth access token from the metadata server that every Vertex AI,
  Compute Engine and GKE workload has (the token of its service account), or from
  ``GOOGLE_OAUTH_ACCESS_TOKEN`` when the code runs elsewhere, e.g. on a laptop with
  ``export GOOGLE_OAUTH_ACCESS_TOKEN=$(gcloud auth print-access-token)``;
* ``request()`` / ``request_json()``: one request with that token, retried when Google says
  the failure is transient, any other failure turned into a one-line ``GoogleApiError``;
* ``vertex_url()`` / ``bigquery_url()`` / ``endpoint()``: endpoints that environment
  variables can move (private service endpoints, the loopback emulators of the tests);
* ``configure()``: how the calling program reports retries and whom errors tell to act.

Every problem raises ``CloudError`` (or its subclass ``GoogleApiError``) with a one-line
message. A token never appears in a log line or an error message.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import re
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any, Callable, TypeVar
from urllib.parse import urlsplit

TOKEN_ENV = "GOOGLE_OAUTH_ACCESS_TOKEN"
# The variable google-auth and gcp-metadata read too: host[:port], no scheme.
METADATA_HOST_ENV = "GCE_METADATA_HOST"
DEFAULT_METADATA_HOST = "metadata.google.internal"
TOKEN_PATH = "/computeMetadata/v1/instance/service-accounts/default/token"
VERTEX_ENDPOINT_ENV = "MLOPS_VERTEX_ENDPOINT"
BIGQUERY_ENDPOINT_ENV = "MLOPS_BIGQUERY_ENDPOINT"

MAX_ATTEMPTS = 5
METADATA_ATTEMPTS = 3
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
# Error reasons google-cloud-bigquery retries whatever the status: BigQuery reports rate
# limiting as 403 rateLimitExceeded rather than 429.
RETRY_REASONS = frozenset({"rateLimitExceeded", "backendError", "internalError", "badGateway"})
MAX_RETRY_DELAY_SECONDS = 60.0
REQUEST_TIMEOUT_SECONDS = 120.0
METADATA_TIMEOUT_SECONDS = 10.0
# A cached token is replaced this long before it expires, so a request never carries a token
# that expires in flight.
REFRESH_MARGIN_SECONDS = 300.0
LOCATION = re.compile(r"^[a-z][a-z0-9-]*$")

Result = TypeVar("Result")


class CloudError(Exception):
    """A problem reaching Google Cloud that the user can fix; the message is one line."""


class GoogleApiError(CloudError):
    """A Google API request that failed for good; the message is one line and names the fix."""

    def __init__(self, message: str, status: int | None, reason: str = "", detail: str = "") -> None:
        super().__init__(message)
        self.status = status
        # Google's machine-readable reason (errors[0].reason, else error.status), e.g. notFound.
        self.reason = reason
        # "HTTP <status>: <Google's message>", for callers that word their own error.
        self.detail = detail


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Google APIs do not redirect; following one would hand the bearer token to another host."""

    def redirect_request(
        self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> None:
        return None


# API requests honour HTTPS_PROXY/NO_PROXY; the metadata server is link-local and never proxied.
_API_OPENER = urllib.request.build_opener(_NoRedirects)
_METADATA_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirects)


@dataclass
class _CachedToken:
    value: str
    refresh_at: float  # time.monotonic()


_cached_token: _CachedToken | None = None


# --------------------------------------------------------------------------- the calling program


def one_line(text: str) -> str:
    """Collapses whitespace so a message never spans several lines."""
    return " ".join(str(text).split())


def _print_line(message: str) -> None:
    print(f"[cloud] {one_line(message)}", file=sys.stderr, flush=True)


@dataclass(frozen=True)
class _Caller:
    log: Callable[[str], None]
    runner: str
    identity: str


_caller = _Caller(_print_line, "this program", "the identity this program runs as")


def configure(*, log: Callable[[str], None], runner: str, identity: str) -> None:
    """Says who calls Google, so that this module's lines and advice fit the program.

    ``log`` prints one progress line (a retry) the program's way, e.g. on stdout for a
    component but on stderr for the server, whose stdout is its ``listening on`` line;
    ``runner`` names the program in the advice to run it elsewhere ("the component");
    ``identity`` is whom a 403 asks to grant a role to. Until then, retries are
    ``[cloud] ...`` lines on stderr.
    """
    global _caller
    _caller = _Caller(log, runner, identity)


# --------------------------------------------------------------------------- tokens


def access_token() -> str:
    """The bearer token for Google APIs: GOOGLE_OAUTH_ACCESS_TOKEN, else the metadata server's.

    The metadata server's token is cached until shortly before it expires.
    """
    global _cached_token
    from_env = os.environ.get(TOKEN_ENV, "").strip()
    if from_env:
        return from_env
    if _cached_token is None or time.monotonic() >= _cached_token.refresh_at:
        value, lifetime = _token_from_metadata_server()
        _cached_token = _CachedToken(value, time.monotonic() + lifetime - REFRESH_MARGIN_SECONDS)
    return _cached_token.value


def _token_from_metadata_server() -> tuple[str, float]:
    host = os.environ.get(METADATA_HOST_ENV, "").strip() or DEFAULT_METADATA_HOST
    request = urllib.request.Request(f"http://{host}{TOKEN_PATH}", headers={"Metadata-Flavor": "Google"})
    for attempt in range(1, METADATA_ATTEMPTS + 1):
        try:
            with _METADATA_OPENER.open(request, timeout=METADATA_TIMEOUT_SECONDS) as response:
                raw = response.read()
            break
        except urllib.error.HTTPError as error:
            if error.code in RETRY_STATUSES and attempt < METADATA_ATTEMPTS:
                _pause(attempt, None, f"metadata server {host}: HTTP {error.code}")
                continue
            raise CloudError(
                f"the metadata server at {host} gave no access token (HTTP {error.code}: {_body_excerpt(error)}); "
                f"check the workload's service account, or set {TOKEN_ENV}"
            ) from None
        except (OSError, http.client.HTTPException) as error:
            reason = getattr(error, "reason", error)
            # A timeout can be a busy metadata server; a refused connection or an unknown host
            # means there is none: this is not a Google Cloud workload.
            if isinstance(reason, TimeoutError) and attempt < METADATA_ATTEMPTS:
                _pause(attempt, None, f"metadata server {host}: timed out")
                continue
            raise CloudError(
                f"no Google access token: the metadata server at {host} is not reachable ({reason}), so this "
                f"is not a Vertex AI, Compute Engine or GKE workload; to run {_caller.runner} elsewhere set "
                f"{TOKEN_ENV}, e.g. export {TOKEN_ENV}=$(gcloud auth print-access-token)"
            ) from None
    try:
        payload = json.loads(raw)
        token, lifetime = payload["access_token"], float(payload["expires_in"])
    except (ValueError, TypeError, KeyError):
        # Never the payload itself: it may hold the token.
        raise CloudError(f"the metadata server at {host} answered without access_token and expires_in") from None
    if not isinstance(token, str) or not token:
        raise CloudError(f"the metadata server at {host} answered an empty access token")
    return token, lifetime


# --------------------------------------------------------------------------- requests


def request(
    method: str,
    url: str,
    read: Callable[[http.client.HTTPResponse], Result],
    *,
    what: str,
    role: str | None = None,
    body: Any = None,
    accept: str = "application/json",
) -> Result:
    """Sends one request with the bearer token and returns what ``read`` makes of the answer.

    ``what`` names the resource for error messages ("BigQuery table p.d.t"); ``role`` is the
    IAM role a 403 asks to grant. 429, 5xx, BigQuery's retryable reasons and dropped
    connections are retried with exponential backoff (honouring Retry-After), at most
    MAX_ATTEMPTS times; anything else raises GoogleApiError at once. A body is sent as
    JSON; callers retrying a POST must make it idempotent (BigQuery insert IDs do).

    ``read`` gets the successful response with its body unread. It runs again on a retry,
    so it must start over; an OSError or HTTPException it raises is taken for a dropped
    connection and retried, so it should raise CloudError for problems of its own.
    """
    data = None if body is None else json.dumps(body, allow_nan=False, separators=(",", ":")).encode("utf-8")
    host = urlsplit(url).netloc
    attempt = 0
    while True:
        attempt += 1
        token = access_token()
        headers = {"Authorization": f"Bearer {token}", "Accept": accept}
        if data is not None:
            headers["Content-Type"] = "application/json; charset=utf-8"
        request = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with _API_OPENER.open(request, timeout=REQUEST_TIMEOUT_SECONDS) as response:
                return read(response)
        except urllib.error.HTTPError as error:
            message, reason = _google_error(error)
            detail = _scrub(f"HTTP {error.code}: {message}" if message else f"HTTP {error.code}", token)
            transient = error.code in RETRY_STATUSES or reason in RETRY_REASONS
            if transient and attempt < MAX_ATTEMPTS:
                _pause(attempt, _retry_after(error), f"{what}: {detail}")
                continue
            message = _failure(error.code, reason, detail, what, role, transient)
            raise GoogleApiError(message, error.code, reason, detail)
        except (OSError, http.client.HTTPException) as error:
            problem = _scrub(f"{type(error).__name__}: {getattr(error, 'reason', error)}", token)
            if attempt < MAX_ATTEMPTS:
                _pause(attempt, None, f"{what}: {problem}")
                continue
            raise GoogleApiError(
                f"{what}: could not reach {host} in {MAX_ATTEMPTS} attempts ({problem})", None, "", problem
            ) from None


def request_json(method: str, url: str, body: Any = None, *, what: str, role: str | None = None) -> dict[str, Any]:
    """Sends one JSON request (see ``request``) and returns the JSON object answered."""
    return request(method, url, lambda response: _json_object(response.read(), what), what=what, role=role, body=body)


def _google_error(error: urllib.error.HTTPError) -> tuple[str, str]:
    """Google's ``error.message`` and reason from an error response (or the start of its text)."""
    try:
        raw = error.read()
    except (OSError, http.client.HTTPException):
        return "", ""
    try:
        details = json.loads(raw)["error"]
        message = str(details.get("message") or "")
        errors = details.get("errors") or [{}]
        reason = str(errors[0].get("reason") or details.get("status") or "")
        return one_line(message), reason
    except (ValueError, TypeError, KeyError, AttributeError, IndexError):
        return one_line(raw.decode("utf-8", "replace"))[:300], ""


def _body_excerpt(error: urllib.error.HTTPError) -> str:
    message, _ = _google_error(error)
    return message or error.reason


def _failure(status: int, reason: str, detail: str, what: str, role: str | None, transient: bool) -> str:
    if status == 401:
        if os.environ.get(TOKEN_ENV, "").strip():
            fix = (
                f"{TOKEN_ENV} is not a valid token or has expired (they last an hour): "
                "set it again from `gcloud auth print-access-token`"
            )
        else:
            fix = "the token of the workload's service account from the metadata server was refused"
        return f"{what}: the access token was refused ({detail}); {fix}"
    if status == 403 and not transient:
        grant = role or "a role with the permission named above"
        return f"permission denied on {what} ({detail}): grant {grant} to {_caller.identity}"
    if status == 404:
        return f"{what} was not found ({detail})"
    if status == 409:
        return f"{what} already exists ({detail})"
    if transient:
        return f"{what}: still failing after {MAX_ATTEMPTS} attempts ({detail})"
    return f"{what}: the request failed ({detail})"


def _retry_after(error: urllib.error.HTTPError) -> float | None:
    value = error.headers.get("Retry-After") if error.headers else None
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None  # an HTTP date: Google does not send those; back off as usual


def _pause(attempt: int, retry_after: float | None, problem: str) -> None:
    """Exponential backoff with jitter (about 1, 2, 4, 8 s), or what Retry-After asks."""
    delay = retry_after if retry_after is not None else 2 ** (attempt - 1) * random.uniform(0.5, 1.0)
    delay = min(delay, MAX_RETRY_DELAY_SECONDS)
    _caller.log(f"{problem}; retrying in {delay:.1f}s (attempt {attempt + 1})")
    time.sleep(delay)


def _json_object(raw: bytes, what: str) -> dict[str, Any]:
    if not raw.strip():
        return {}
    try:
        value = json.loads(raw)
    except ValueError:
        raise GoogleApiError(f"{what}: the answer is not JSON", None) from None
    if not isinstance(value, dict):
        raise GoogleApiError(f"{what}: the answer is not a JSON object", None)
    return value


def _scrub(text: str, token: str) -> str:
    """Removes the token from text that reaches a message (a proxy may echo request headers)."""
    return one_line(text).replace(token, "<access token>") if token else one_line(text)


# --------------------------------------------------------------------------- endpoints


def endpoint(variable: str, default: str) -> str:
    """The service's base URL: the environment variable when set, else ``default``; no trailing /."""
    return (os.environ.get(variable, "").strip() or default).rstrip("/")


def vertex_url(location: str, path: str) -> str:
    """``https://{location}-aiplatform.googleapis.com`` + path, or MLOPS_VERTEX_ENDPOINT + path.

    As on the TypeScript side, a ``{region}`` placeholder in the override is replaced by the
    location.
    """
    if not LOCATION.match(location):
        raise CloudError(f"{location!r} is not a Google Cloud location (e.g. us-central1)")
    base = endpoint(VERTEX_ENDPOINT_ENV, "https://{region}-aiplatform.googleapis.com")
    return base.replace("{region}", location) + "/" + path.lstrip("/")


def bigquery_url(path: str) -> str:
    """``https://bigquery.googleapis.com`` + path (``/bigquery/v2/...``), or MLOPS_BIGQUERY_ENDPOINT + path."""
    return endpoint(BIGQUERY_ENDPOINT_ENV, "https://bigquery.googleapis.com") + "/" + path.lstrip("/")
