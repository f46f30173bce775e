"""Local accounts: bcrypt-hashed passwords, roles, and rate-limited login checks.

Pure (no Streamlit): the login page, the CLI and the tests share it. No account ships with the
app; the first admin is created with ``python -m sdg16 users add NAME --role admin``.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime

import bcrypt

from sdg16 import audit, statedb
from sdg16.roles import Role
from sdg16.state import sessions

NAME_RE = re.compile(r"^[a-z0-9][a-z0-9._@-]{1,63}$")
MIN_PASSWORD = 10
MAX_FAILURES = 5  # failed logins per user name ...
FAILURE_WINDOW_S = 15 * 60  # ... within this window lock that name until the window passes


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


def add_user(name: str, role: Role, password: str, path: statedb.Target | None = None) -> User:
    name = _check_name(name)
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"password: at least {MIN_PASSWORD} characters")
    hashed = bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt())
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


def recent_failures(name: str, now: float | None = None, path: statedb.Target | None = None) -> int:
    now = time.time() if now is None else now
    with statedb.connect(path) as con:
        (count,) = con.execute(
            "SELECT count(*) FROM login_attempts WHERE name = ? AND ok = 0 AND at > ?",
            (name, now - FAILURE_WINDOW_S),
        ).fetchone()
    return count


def authenticate(
    name: str, password: str, now: float | None = None, path: statedb.Target | None = None
) -> LoginResult:
    """Check a password; every attempt is recorded, failures in the audit log too."""
    now = time.time() if now is None else now
    key = name.strip().lower()[:64]
    if recent_failures(key, now, path) >= MAX_FAILURES:
        audit.record(key or "?", Role.ANONYMOUS, "login_blocked", "login", path=path)
        minutes = FAILURE_WINDOW_S // 60
        return LoginResult(None, f"Too many failed attempts. Try again in {minutes} minutes.")
    with statedb.connect(path) as con:
        row = con.execute(
            "SELECT name, role, created_at, password_hash FROM users WHERE name = ?", (key,)
        ).fetchone()
    # Hash even for unknown names so timing does not reveal which names exist.
    stored = row[3] if row else bcrypt.hashpw(b"x", bcrypt.gensalt())
    ok = bcrypt.checkpw(password.encode("utf-8"), stored) and row is not None
    with statedb.connect(path) as con:
        con.execute("INSERT INTO login_attempts VALUES (?, ?, ?)", (key, now, int(ok)))
    if not ok:
        audit.record(key or "?", Role.ANONYMOUS, "login_failed", "login", path=path)
        return LoginResult(None, "Wrong user name or password.")
    user = User(row[0], Role.parse(row[1]), row[2])
    audit.record(user.name, user.role, "login", "login", path=path)
    return LoginResult(user, f"Signed in as {user.name} ({user.role.label}).")
