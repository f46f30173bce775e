"""Local accounts: bcrypt-hashed passwords, roles, and rate-limited login checks.

Pure (no Streamlit): the login page, the CLI and the tests share it. No account ships with the
app; the first admin is created with ``python -m sdg16 users add NAME --role admin``.
"""

from __future__ import annotations

import re
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

import bcrypt

from sdg16.core.i18n import N_
from sdg16.state import audit, sessions, statedb
from sdg16.state.roles import Role

NAME_RE = re.compile(r"^[a-z0-9][a-z0-9._@-]{1,63}$")
MIN_PASSWORD = 10
MAX_FAILURES = 5  # failed logins per user name ...
FAILURE_WINDOW_S = 15 * 60  # ... within this window lock that name until the window passes
MAX_ADDRESS_FAILURES = 20  # failed logins from one network address in the same window
MAX_PASSWORD_BYTES = 72  # bcrypt reads no further (bcrypt 5 refuses longer input)


class AccountError(ValueError):
    """A request the user can fix: bad name, short password, unknown user."""


@dataclass(frozen=True)
class User:
    name: str
    role: Role
    created_at: str


@dataclass(frozen=True)
class LoginResult:
    user: User | None
    message: str  # what the login form shows; never says whether the name exists


def _check_name(name: str) -> str:
    name = name.strip().lower()
    if not NAME_RE.match(name):
        raise AccountError(
            f"user name {name!r}: 2-64 characters, lower-case letters, digits, . _ @ -"
        )
    return name


@cache
def _dummy_hash() -> bytes:
    """A hash to check unknown names against, at the same cost as real ones: a login answers
    in the same time whether or not the name exists (made once, not per attempt)."""
    return bcrypt.hashpw(secrets.token_bytes(16), bcrypt.gensalt())


def _check_password(password: str) -> bytes:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"password: at least {MIN_PASSWORD} characters")
    data = password.encode("utf-8")
    if len(data) > MAX_PASSWORD_BYTES:
        raise AccountError(
            f"password: at most {MAX_PASSWORD_BYTES} bytes in UTF-8 (this one has {len(data)}); "
            "bcrypt ignores anything longer"
        )
    return data


def add_user(name: str, role: Role, password: str, path: statedb.Target | None = None) -> User:
    name = _check_name(name)
    data = _check_password(password)
    hashed = bcrypt.hashpw(data, bcrypt.gensalt())
    created = datetime.now(UTC).isoformat(timespec="seconds")
    with statedb.connect(path) as con:
        try:
            con.execute(
                "INSERT INTO users VALUES (?, ?, ?, ?)", (name, role.label, hashed, created)
            )
        except statedb.IntegrityError as exc:
            raise AccountError(f"user {name!r} exists already") from exc
    return User(name, role, created)


def list_users(path: statedb.Target | None = None) -> list[User]:
    with statedb.connect(path) as con:
        rows = con.execute("SELECT name, role, created_at FROM users ORDER BY name").fetchall()
    return [User(n, Role.parse(r), c) for n, r, c in rows]


def get_user(name: str, path: statedb.Target | None = None) -> User | None:
    with statedb.connect(path) as con:
        row = con.execute(
            "SELECT name, role, created_at FROM users WHERE name = ?", (name.strip().lower(),)
        ).fetchone()
    return User(row[0], Role.parse(row[1]), row[2]) if row else None


def remove_user(name: str, path: statedb.Target | None = None) -> None:
    with statedb.connect(path) as con:
        if not con.execute("DELETE FROM users WHERE name = ?", (name.strip().lower(),)).rowcount:
            raise AccountError(f"no user {name!r}")
    # Every rerun finds the account gone anyway; this also ends sessions nobody is using now.
    sessions.revoke_user(name.strip().lower(), "account removed", path=path)


def set_role(name: str, role: Role, path: statedb.Target | None = None) -> None:
    with statedb.connect(path) as con:
        cur = con.execute(
            "UPDATE users SET role = ? WHERE name = ?", (role.label, name.strip().lower())
        )
        if not cur.rowcount:
            raise AccountError(f"no user {name!r}")


# The two refusals, as message ids: the sign-in form shows them in the reader's language.
WRONG_PASSWORD = N_("Wrong user name or password.")
BLOCKED = N_("Too many failed attempts. Try again in {minutes} minutes.")


def recent_failures(name: str, now: float | None = None, path: statedb.Target | None = None) -> int:
    now = time.time() if now is None else now
    with statedb.connect(path) as con:
        (count,) = con.execute(
            "SELECT count(*) FROM login_attempts WHERE name = ? AND ok = 0 AND at > ?",
            (name, now - FAILURE_WINDOW_S),
        ).fetchone()
    return count


def address_failures(address: str, now: float, path: statedb.Target | None = None) -> int:
    with statedb.connect(path) as con:
        (count,) = con.execute(
            "SELECT count(*) FROM login_address_attempts WHERE address = ? AND ok = 0 AND at > ?",
            (address, now - FAILURE_WINDOW_S),
        ).fetchone()
    return count


def authenticate(
    name: str,
    password: str,
    now: float | None = None,
    path: statedb.Target | None = None,
    address: str | None = None,
) -> LoginResult:
    """Check a password; every attempt is recorded, failures in the audit log too.

    The same bcrypt work is done for known and unknown names (one check against a real or a
    dummy hash), so the answer's timing does not say which names exist. ``address`` (the
    client's IP) is rate-limited too: one address cannot try many names."""
    now = time.time() if now is None else now
    key = name.strip().lower()[:64]
    minutes = FAILURE_WINDOW_S // 60
    blocked = BLOCKED.format(minutes=minutes)
    if address and address_failures(address, now, path) >= MAX_ADDRESS_FAILURES:
        audit.record(key or "?", Role.ANONYMOUS, "login_blocked", "login", detail="address")
        return LoginResult(None, blocked)
    if recent_failures(key, now, path) >= MAX_FAILURES:
        audit.record(key or "?", Role.ANONYMOUS, "login_blocked", "login", path=path)
        return LoginResult(None, blocked)
    with statedb.connect(path) as con:
        row = con.execute(
            "SELECT name, role, created_at, password_hash FROM users WHERE name = ?", (key,)
        ).fetchone()
    data = password.encode("utf-8")
    too_long = len(data) > MAX_PASSWORD_BYTES
    # bcrypt 5 raises on more than 72 bytes: check the first 72 (same work), then refuse.
    matched = bcrypt.checkpw(data[:MAX_PASSWORD_BYTES], row[3] if row else _dummy_hash())
    ok = matched and row is not None and not too_long
    with statedb.connect(path) as con:
        con.execute("INSERT INTO login_attempts VALUES (?, ?, ?)", (key, now, int(ok)))
        if address:
            con.execute(
                "INSERT INTO login_address_attempts VALUES (?, ?, ?)", (address, now, int(ok))
            )
    if not ok:
        detail = f"password over {MAX_PASSWORD_BYTES} bytes" if too_long else ""
        audit.record(key or "?", Role.ANONYMOUS, "login_failed", "login", detail=detail, path=path)
        return LoginResult(None, WRONG_PASSWORD)
    user = User(row[0], Role.parse(row[1]), row[2])
    audit.record(user.name, user.role, "login", "login", path=path)
    return LoginResult(user, f"Signed in as {user.name} ({user.role.label}).")
