"""Server-side sign-in sessions, shared by every tab, replica and process (no Streamlit here).

A session is a row in the state database (``sessions``: id, user, provider, created, last seen,
revoked). The browser holds only a random token in an HttpOnly cookie; the row's id is the
token's SHA-256, so the table alone cannot be turned back into cookies. The cookie value is
signed (HMAC-SHA256 with a secret kept in the state database, so every replica can check it)
and carries its own expiry. A session ends when it is revoked (sign-out, an admin, the CLI, a
removed account) or when it is idle for ``IDLE_S`` or older than ``LIFETIME_S``.

A Streamlit script cannot set a cookie, so sign-in hands the browser a one-time ``grant`` (60 s)
which the app's own route (``sdg16.web.routes``) exchanges for the cookie.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

from sdg16.state import statedb

IDLE_S = 30 * 60
LIFETIME_S = 8 * 60 * 60
GRANT_S = 60
TOUCH_EVERY_S = 15  # last_seen is written at most this often: idle time is counted in minutes
COOKIE = "sdg16_session"


@dataclass(frozen=True)
class Session:
    id: str
    user: str
    provider: str  # "local" (role from the accounts table) or "oidc" (role from secrets.toml)
    created_at: float
    last_seen: float
    revoked_at: float | None
    revoked_why: str

    def ended(self, now: float) -> str | None:
        """Why this session no longer signs anyone in, or None while it does."""
        if self.revoked_at is not None:
            return self.revoked_why or "revoked"
        if now - self.last_seen > IDLE_S:
            return "idle"
        if now - self.created_at > LIFETIME_S:
            return "lifetime"
        return None


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def create(
    user: str, provider: str = "local", now: float | None = None, path: statedb.Target | None = None
):
    """Start a session; returns (session, one-time grant for the cookie route)."""
    now = time.time() if now is None else now
    token = secrets.token_urlsafe(32)
    row = Session(_hash(token), user, provider, now, now, None, "")
    grant = secrets.token_urlsafe(32)
    with statedb.connect(path) as con:
        con.execute(
            "INSERT INTO sessions (id, user_name, provider, created_at, last_seen)"
            " VALUES (?, ?, ?, ?, ?)",
            (row.id, user, provider, now, now),
        )
        # The grant row keeps the token until the route sets it as the cookie, then forgets it.
        con.execute(
            "INSERT INTO session_grants VALUES (?, ?, ?)", (_hash(grant), token, now + GRANT_S)
        )
    return row, grant


def claim(grant: str, now: float | None = None, path: statedb.Target | None = None) -> str | None:
    """The token for a grant, once (then the grant is gone); None if unknown or too old."""
    now = time.time() if now is None else now
    with statedb.connect(path) as con:
        con.execute("DELETE FROM session_grants WHERE expires_at < ?", (now,))
        found = con.execute(
            "DELETE FROM session_grants WHERE grant_hash = ? RETURNING token", (_hash(grant),)
        ).fetchone()
    return found[0] if found else None


def grant_open(grant: str, now: float | None = None, path: statedb.Target | None = None) -> bool:
    """True while the browser has yet to exchange ``grant`` (and still may)."""
    now = time.time() if now is None else now
    with statedb.connect(path) as con:
        row = con.execute(
            "SELECT 1 FROM session_grants WHERE grant_hash = ? AND expires_at >= ?",
            (_hash(grant), now),
        ).fetchone()
    return row is not None


def get(session_id: str, path: statedb.Target | None = None) -> Session | None:
    with statedb.connect(path) as con:
        row = con.execute(
            "SELECT id, user_name, provider, created_at, last_seen, revoked_at, revoked_why"
            " FROM sessions WHERE id = ?",
            (session_id,),
        ).fetchone()
    return Session(*row[:6], row[6] or "") if row else None


def from_token(token: str, path: statedb.Target | None = None) -> Session | None:
    return get(_hash(token), path)


def touch(s: Session, now: float | None = None, path: statedb.Target | None = None) -> None:
    now = time.time() if now is None else now
    if now - s.last_seen >= TOUCH_EVERY_S:
        with statedb.connect(path) as con:
            con.execute("UPDATE sessions SET last_seen = ? WHERE id = ?", (now, s.id))


def revoke(
    session_id: str, why: str, now: float | None = None, path: statedb.Target | None = None
) -> bool:
    """End one session everywhere; False if there was no such live session."""
    return _revoke_where("id", session_id, why, now, path) > 0


def revoke_user(
    user: str, why: str, now: float | None = None, path: statedb.Target | None = None
) -> int:
    """End every live session of ``user``; returns how many."""
    return _revoke_where("user_name", user, why, now, path)


def _revoke_where(
    column: str, value: str, why: str, now: float | None, path: statedb.Target | None
) -> int:
    # column is one of two literals above, never user input.
    now = time.time() if now is None else now
    with statedb.connect(path) as con:
        cur = con.execute(
            f"UPDATE sessions SET revoked_at = ?, revoked_why = ?"
            f" WHERE {column} = ? AND revoked_at IS NULL",
            (now, why, value),
        )
    return cur.rowcount


def live(now: float | None = None, path: statedb.Target | None = None) -> list[Session]:
    """Sessions that still sign someone in, newest first."""
    now = time.time() if now is None else now
    with statedb.connect(path) as con:
        rows = con.execute(
            "SELECT id, user_name, provider, created_at, last_seen, revoked_at, revoked_why"
            " FROM sessions WHERE revoked_at IS NULL AND last_seen >= ? AND created_at >= ?"
            " ORDER BY created_at DESC",
            (now - IDLE_S, now - LIFETIME_S),
        ).fetchall()
    return [Session(*r[:6], r[6] or "") for r in rows]


def find(prefix: str, path: statedb.Target | None = None) -> list[Session]:
    """Sessions whose id starts with ``prefix`` (the CLI shows the first 12 characters)."""
    if len(prefix) < 6 or any(c not in "0123456789abcdef" for c in prefix):
        return []
    with statedb.connect(path) as con:
        ids = con.execute(
            "SELECT id FROM sessions WHERE id LIKE ?", (prefix.lower() + "%",)
        ).fetchall()
    return [s for (i,) in ids if (s := get(i, path))]


# --- the cookie value: token.expiry.signature ------------------------------------------------


def _secret(path: statedb.Target | None = None) -> bytes:
    """One signing key per state database, made on first use (every replica reads the same)."""
    with statedb.connect(path) as con:
        con.execute(
            "INSERT INTO app_secrets VALUES ('session_cookie', ?) ON CONFLICT (name) DO NOTHING",
            (secrets.token_hex(32),),
        )
        (value,) = con.execute(
            "SELECT value FROM app_secrets WHERE name = 'session_cookie'"
        ).fetchone()
    return value.encode("ascii")


def _mac(payload: str, path: statedb.Target | None) -> str:
    digest = hmac.new(_secret(path), payload.encode("ascii"), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


def cookie_value(token: str, now: float | None = None, path: statedb.Target | None = None) -> str:
    expires = int((time.time() if now is None else now) + LIFETIME_S)
    payload = f"{token}.{expires}"
    return f"{payload}.{_mac(payload, path)}"


def token_of(
    value: str | None, now: float | None = None, path: statedb.Target | None = None
) -> str | None:
    """The token in a cookie value, if the signature holds and it has not expired."""
    if not value or not value.isascii() or value.count(".") != 2:
        return None
    token, expires, mac = value.split(".")
    if not (expires.isascii() and expires.isdigit()) or not hmac.compare_digest(
        mac, _mac(f"{token}.{expires}", path)
    ):
        return None
    return token if int(expires) > (time.time() if now is None else now) else None
