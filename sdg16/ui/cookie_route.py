"""The app's own HTTP routes for the sign-in cookie, mounted by ``serve.py`` (``st.App``).

Why a route: a Streamlit script cannot set a cookie, and a cookie set by JavaScript cannot be
HttpOnly. After sign-in the page hands the browser a one-time grant; the browser POSTs it here
and gets the session cookie (HttpOnly, SameSite=Strict, Secure over HTTPS, signed, expiring).
Sign-out POSTs here too: the session is revoked (every tab) and the cookie deleted.
"""

from __future__ import annotations

import re

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from sdg16.state import sessions

SESSION_PATH = "/_sdg16/session"
SIGNOUT_PATH = "/_sdg16/signout"
MAX_BODY = 200  # a grant is 43 characters
# A grant is ``secrets.token_urlsafe(32)``; a cookie is token.expiry.signature (sessions.py).
# Anything else is refused with 400 before it reaches the session table (a non-ASCII grant made
# the SHA-256 step raise: a 500).
GRANT_RE = re.compile(r"[A-Za-z0-9_-]{20,100}", re.ASCII)
COOKIE_RE = re.compile(r"[A-Za-z0-9_-]{20,100}\.[0-9]{1,12}\.[A-Za-z0-9_-]{20,100}", re.ASCII)


def _same_origin(request: Request) -> bool:
    """Refuse cross-site posts (SameSite=Strict covers the cookie; this covers the grant)."""
    origin = request.headers.get("origin")
    return origin is None or origin.split("://", 1)[-1] == request.headers.get("host")


def _grant(raw: bytes) -> str | None:
    """The grant a body holds, or None when it cannot be one."""
    if len(raw) > MAX_BODY:
        return None
    text = raw.decode("ascii", "replace").strip()
    return text if GRANT_RE.fullmatch(text) else None


async def claim(request: Request) -> Response:
    # A cookie already there (even a broken one) is not looked at: it is replaced, or a
    # browser holding a damaged HttpOnly cookie could never sign in again.
    if not _same_origin(request):
        return Response(status_code=403)
    grant = _grant(await request.body())
    if grant is None:
        return Response(status_code=400)
    token = await run_in_threadpool(sessions.claim, grant)
    if token is None:
        return Response(status_code=403)
    response = Response(status_code=204)
    value = await run_in_threadpool(sessions.cookie_value, token)
    response.set_cookie(
        sessions.COOKIE,
        value,
        max_age=sessions.LIFETIME_S,
        path="/",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response


def _revoke_cookie_session(value: str | None) -> None:
    token = sessions.token_of(value)
    found = sessions.from_token(token) if token else None
    if found:
        sessions.revoke(found.id, "signed out")


async def signout(request: Request) -> Response:
    if not _same_origin(request):
        return Response(status_code=403)
    value = request.cookies.get(sessions.COOKIE)
    ok = value is None or COOKIE_RE.fullmatch(value) is not None
    if ok:
        await run_in_threadpool(_revoke_cookie_session, value)
    # A cookie that is not ours is dropped too: it signs nobody in.
    response = Response(status_code=204 if ok else 400)
    response.delete_cookie(sessions.COOKIE, path="/", httponly=True, samesite="strict")
    return response


ROUTES = [
    Route(SESSION_PATH, claim, methods=["POST"]),
    Route(SIGNOUT_PATH, signout, methods=["POST"]),
]
