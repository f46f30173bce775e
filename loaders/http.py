"""Shared HTTP plumbing for the API sources: one session, retries, JSON decoding, paging.

Only transient failures are retried (connection errors, timeouts, HTTP 429 and 5xx); a 4xx is the
caller's mistake and retrying cannot fix it. An unknown host means there is no network, so that
fails at once with ``SourceUnavailable`` instead of waiting through the backoff.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urlsplit

import requests
from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_exponential
from tqdm import tqdm
from urllib3.exceptions import NameResolutionError

from loaders.base import LoadError, Problem
from sdg16.core import settings

USER_AGENT = "sdg16-dashboard/0.1 (+python-requests)"
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
MAX_ATTEMPTS = 3
# Backoff is WAIT_MULTIPLIER * 2**n seconds, capped at WAIT_MAX; tests set it to 0.
WAIT_MULTIPLIER = 1.0
WAIT_MAX = 30.0
# A runaway page count (a server bug) must not loop for hours.
MAX_PAGES = 10_000

T = TypeVar("T")


class SourceUnavailable(LoadError):
    """The host could not be reached (no network, timeouts, or it kept answering 5xx/429)."""

    def __init__(self, url: str, message: str):
        self.url = url
        super().__init__(Problem(url, message))


class _RetryableStatus(Exception):
    def __init__(self, response: requests.Response):
        self.response = response
        super().__init__(f"HTTP {response.status_code}")


@dataclass(frozen=True)
class JsonPage:
    """One decoded response: the URL asked, the HTTP status, the raw body and its JSON."""

    url: str
    status: int
    body: bytes
    data: Any


def make_session() -> requests.Session:
    session = requests.Session()
    session.headers.update({"User-Agent": USER_AGENT, "Accept": "application/json"})
    return session


def host_of(url: str) -> str:
    return urlsplit(url).hostname or url


def _no_dns(exc: BaseException) -> bool:
    """True when the host name did not resolve: offline (or a typo), retrying will not help."""
    inner = exc.args[0] if exc.args else None
    return isinstance(getattr(inner, "reason", inner), NameResolutionError)


def _reason(exc: BaseException) -> str:
    inner = exc.args[0] if exc.args else exc
    text = str(getattr(inner, "reason", inner))
    # urllib3 prefixes "HTTPSConnection(host='…', port=443): "; the rest is what matters.
    return text.split("): ", 1)[-1] if text.startswith("HTTP") else text


def _transient(exc: BaseException) -> bool:
    if isinstance(exc, requests.ConnectionError) and _no_dns(exc):
        return False
    return isinstance(exc, requests.ConnectionError | requests.Timeout | _RetryableStatus)


def get(session: requests.Session, url: str) -> requests.Response:
    """GET with retries. Any status outside RETRY_STATUS is returned for the caller to judge."""
    timeout = settings.http_timeout()

    def attempt() -> requests.Response:
        response = session.get(url, timeout=timeout)
        if response.status_code in RETRY_STATUS:
            raise _RetryableStatus(response)
        return response

    retrying = Retrying(
        stop=stop_after_attempt(MAX_ATTEMPTS),
        wait=wait_exponential(multiplier=WAIT_MULTIPLIER, max=WAIT_MAX),
        retry=retry_if_exception(_transient),
        reraise=True,
    )
    host = host_of(url)
    try:
        return retrying(attempt)
    except requests.Timeout as exc:
        raise SourceUnavailable(url, f"cannot reach {host}: timed out after {timeout:g}s") from exc
    except requests.ConnectionError as exc:
        raise SourceUnavailable(url, f"cannot reach {host}: no network ({_reason(exc)})") from exc
    except _RetryableStatus as exc:
        status = exc.response.status_code
        raise SourceUnavailable(
            url, f"{host} is unavailable: HTTP {status} after {MAX_ATTEMPTS} attempts"
        ) from exc


def _snippet(body: bytes, limit: int = 200) -> str:
    """A readable start of a non-JSON body (HTML error pages lose their tags)."""
    text = body.decode("utf-8-sig", errors="replace")
    text = re.sub(r"<[^>]*>", " ", text)
    text = " ".join(text.split())
    return text[:limit] + ("…" if len(text) > limit else "") or "(empty body)"


def get_json(session: requests.Session, url: str, *, numbers_as_text: bool = False) -> JsonPage:
    """GET and decode JSON; a body that is not JSON is a LoadError naming the URL and status.

    With ``numbers_as_text`` every JSON number is kept as its exact source text (a ``str``), so
    a value can be stored exactly as the API wrote it.
    """
    response = get(session, url)
    body = response.content
    hooks: dict[str, Callable[[str], Any]] = {}
    if numbers_as_text:
        hooks = {"parse_float": str, "parse_int": str}
    try:
        # utf-8-sig: World Bank error pages start with a byte-order mark.
        data = json.loads(body.decode("utf-8-sig"), **hooks)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        kind = response.headers.get("Content-Type", "unknown type")
        raise LoadError(
            Problem(
                url,
                f"HTTP {response.status_code}: expected JSON, got {kind}: {_snippet(body)}",
            )
        ) from exc
    return JsonPage(url=url, status=response.status_code, body=body, data=data)


def show_progress(progress: bool) -> bool:
    return progress and sys.stderr.isatty()


def paged(fetch: Callable[[int], tuple[T, int]], desc: str, progress: bool = True) -> Iterator[T]:
    """Yield ``fetch(1)``, ``fetch(2)``, … while the page count ``fetch`` reports allows."""
    with tqdm(desc=desc, unit="page", leave=False, disable=not show_progress(progress)) as bar:
        page, pages = 1, 1
        while page <= pages and page <= MAX_PAGES:
            item, pages = fetch(page)
            bar.total = max(pages, 1)
            bar.update(1)
            yield item
            page += 1
