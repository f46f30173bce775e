"""The app's own HTTP routes for the sign-in cookie, mounted by ``serve.py`` (``st.App``).

Why a route: a Streamlit script cannot set a cookie, and a cookie set by JavaScript cannot be
HttpOnly. After sign-in the page hands the browser a one-time grant; the browser POSTs it here
and gets the session cookie (HttpOnly, SameSite=Strict, Secure over HTTPS, signed, expiring).
Sign-out POSTs here too: the session is revoked (every tab) and the cookie deleted.
"""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from sdg16.state import sessions

SESSION_PATH = "/_sdg16/session"
SIGNOUT_PATH = "/_sdg16/signout"
MAX_BODY = 200  # a grant is 43 characters


def _same_origin(request: Request) -> bool:
    """Refuse cross-site posts (SameSite=Strict covers the cookie; this covers the grant)."""
    origin = request.headers.get("origin")
    return origin is None or origin.split("://", 1)[-1] == request.headers.get("host")


async def claim(request: Request) -> Response:
    body = (await request.body())[:MAX_BODY].decode("ascii", "replace").strip()
    token = (
        await run_in_threadpool(sessions.claim, body) if _same_origin(request) and body else None
    )
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
    await run_in_threadpool(_revoke_cookie_session, request.cookies.get(sessions.COOKIE))
    response = Response(status_code=204)
    response.delete_cookie(sessions.COOKIE, path="/", httponly=True, samesite="strict")
    return response


ROUTES = [
    Route(SESSION_PATH, claim, methods=["POST"]),
    Route(SIGNOUT_PATH, signout, methods=["POST"]),
]
