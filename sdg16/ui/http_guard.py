"""HTTP rules Streamlit has no setting for, as one ASGI middleware that ``serve.py`` mounts.

- ``/_stcore/metrics`` answers 404: Streamlit serves its session and cache counters to anyone,
  and they say how many people use the app and when.
- ``/home`` (the README's name for the overview) redirects to ``/``: Streamlit serves the
  default page only at the root and answers "Page not found" at its own path.
- A file handed out through ``/media/`` (every download is made and audited by
  ``sdg16.ui.guard``) could be fetched by anyone holding its URL until the session's next
  rerun. A file that needs a role is now served only to a request whose session cookie
  carries that role (else 403, audited as "denied"); every fetch of a file after its first
  (the audited click) is audited as "refetch", with whoever the cookie names and the address.
"""

from __future__ import annotations

import re
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import unquote

from starlette.concurrency import run_in_threadpool

from sdg16.state import audit, sessions
from sdg16.state.roles import Role

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

HIDDEN = ("/_stcore/metrics",)
HOME_ALIASES = ("/home", "/home/")
MEDIA = "/media/"
_FILENAME = re.compile(r"filename\*=utf-8''([^;]+)|filename=\"([^\"]*)\"")
AGENT_CHARS = 120  # of a User-Agent header kept in the audit line
REMEMBERED = 10_000  # file ids and names remembered (oldest forgotten first)
_RESTRICTED: dict[str, Role] = {}  # file name -> the role its fetch needs (``restrict``)


def base_path() -> str:
    """``server.baseUrlPath`` as a prefix ("" or "/app")."""
    import streamlit as st

    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}" if base else ""


def requester(cookie_header: str) -> tuple[str, Role]:
    """Who a request's session cookie names, as the audit log writes it."""
    from sdg16.ui.session import _role_of  # here: it imports streamlit's script machinery

    cookie = SimpleCookie()
    try:
        cookie.load(cookie_header)
    except Exception:  # a mangled header names nobody
        return "anonymous", Role.ANONYMOUS
    morsel = cookie.get(sessions.COOKIE)
    token = sessions.token_of(morsel.value) if morsel else None
    found = sessions.from_token(token) if token else None
    if found is None or found.ended(time.time()):
        return "anonymous", Role.ANONYMOUS
    return found.user, _role_of(found) or Role.ANONYMOUS


def _attachment_name(headers: list[tuple[bytes, bytes]]) -> str | None:
    for name, value in headers:
        if name.lower() == b"content-disposition" and value.startswith(b"attachment"):
            found = _FILENAME.search(value.decode("latin-1"))
            return unquote(found.group(1) or found.group(2)) if found else "download"
    return None


class HttpGuard:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._fetched: OrderedDict[str, int] = OrderedDict()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        base = base_path()
        path = scope["path"][len(base) :] if scope["path"].startswith(base) else scope["path"]
        if path in HIDDEN:
            await _plain(send, 404, b"Not Found")
        elif path in HOME_ALIASES:
            query = scope.get("query_string", b"")
            target = (base + "/").encode() + (b"?" + query if query else b"")
            await _plain(send, 307, b"", [(b"location", target)])
        elif path.startswith(MEDIA) and scope["method"] == "GET":
            await self._media(scope, receive, send)
        else:
            await self.app(scope, receive, send)

    async def _media(self, scope: Scope, receive: Receive, send: Send) -> None:
        refused = False

        async def watch(message: Message) -> None:
            nonlocal refused
            if refused:  # the file's own bytes never leave
                return
            if message["type"] == "http.response.start" and message["status"] == 200:
                name = _attachment_name(message.get("headers", []))
                if name is not None:
                    again = self._seen(scope["path"]) > 1
                    refused = await run_in_threadpool(_check_fetch, scope, name, again)
                    if refused:
                        await _plain(send, 403, b"Sign in again to download this file.")
                        return
            await send(message)

        await self.app(scope, receive, watch)

    def _seen(self, key: str) -> int:
        count = self._fetched.pop(key, 0) + 1
        self._fetched[key] = count
        while len(self._fetched) > REMEMBERED:
            self._fetched.popitem(last=False)
        return count


def restrict(file_name: str, needed: Role) -> None:
    """Called by ``sdg16.ui.guard`` when it makes a file that needs ``needed``: a fetch of it
    from a request whose session cookie does not carry that role is refused."""
    if needed > Role.ANONYMOUS:
        _RESTRICTED[file_name] = max(needed, _RESTRICTED.pop(file_name, Role.ANONYMOUS))
        while len(_RESTRICTED) > REMEMBERED:
            _RESTRICTED.pop(next(iter(_RESTRICTED)))


def _check_fetch(scope: Scope, name: str, again: bool) -> bool:
    """Audit a re-fetch, and refuse a restricted file to a request without its role."""
    needed = _RESTRICTED.get(name)
    if needed is None and not again:
        return False  # a public file's first fetch: its click was audited
    headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope.get("headers", [])}
    user, role = requester(headers.get("cookie", ""))
    client = scope.get("client") or ("?", 0)
    where = f"{scope['path']} from {client[0]}{_agent(headers.get('user-agent', ''))}"
    if needed is not None and not role.allows(needed):
        audit.record(user, role, "denied", name, detail=f"fetch needs {needed.label}: {where}")
        return True
    if again:
        audit.record(user, role, "refetch", name, detail=where)
    return False


def _agent(header: str) -> str:
    """The client's own name for the audit line: it tells a browser from a script holding a
    copied link. The header is the requester's to write, so only printable text, cut short."""
    shown = "".join(c for c in header if c.isprintable()).strip()[:AGENT_CHARS]
    return f" ({shown})" if shown else ""


async def _plain(
    send: Send, status: int, body: bytes, extra: list[tuple[bytes, bytes]] | None = None
) -> None:
    headers = [(b"content-type", b"text/plain; charset=utf-8"), *(extra or [])]
    headers.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
