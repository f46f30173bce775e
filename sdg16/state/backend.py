"""One connection API over SQLite and PostgreSQL for the app's state.

Callers write SQL once, with ``?`` placeholders and portable SQL (``RETURNING``, ``ON CONFLICT``);
the PostgreSQL side rewrites the placeholders for psycopg. Connections are autocommit; use
``con.transaction()`` for several statements that must land together. The schema comes from the
versioned migrations in ``migrations/`` (``sdg16.state.migrate``), applied once per process.
"""

from __future__ import annotations

import os
import socket
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sdg16.core import settings

Target = Path | str  # a SQLite file path, or a postgresql:// URL


class IntegrityError(Exception):
    """A constraint refused the write (duplicate key, append-only audit log), on either backend."""


def resolve(target: Target | None = None) -> Target:
    """What to connect to: ``target``, else ``SDG16_STATE_URL``, else the SQLite file."""
    if target is not None:
        return target
    return settings.state_url() or settings.state_db_path()


def is_postgres(target: Target) -> bool:
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


def origin() -> str:
    """Which process writes (``SDG16_REPLICA``, default the host name): kept in the audit log."""
    return os.environ.get("SDG16_REPLICA") or socket.gethostname()


class Connection:
    """A thin wrapper: ``execute`` with ``?`` placeholders, errors mapped to ``IntegrityError``."""

    def __init__(self, raw: Any, dialect: str) -> None:
        self.raw = raw
        self.dialect = dialect

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        if self.dialect == "postgresql":
            sql = sql.replace("%", "%%").replace("?", "%s")
        try:
            return self.raw.execute(sql, tuple(params))
        except sqlite3.IntegrityError as exc:
            raise IntegrityError(str(exc)) from exc
        except Exception as exc:
            if _is_pg_integrity(exc):
                raise IntegrityError(str(exc).splitlines()[0]) from exc
            raise

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """All or nothing; on SQLite the write lock is taken at once (BEGIN IMMEDIATE)."""
        if self.dialect == "postgresql":
            with self.raw.transaction():
                yield self
            return
        self.raw.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.raw.execute("ROLLBACK")
            raise
        self.raw.execute("COMMIT")


def _is_pg_integrity(exc: Exception) -> bool:
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a runtime requirement
        return False
    return isinstance(exc, psycopg.errors.IntegrityError)


def _open(target: Target) -> Connection:
    if is_postgres(target):
        import psycopg

        return Connection(
            psycopg.connect(str(target), autocommit=True, connect_timeout=10), "postgresql"
        )
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = sqlite3.connect(path, timeout=10, isolation_level=None)
    # WAL: readers never wait for the one writer; foreign keys for ON DELETE CASCADE.
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA busy_timeout=10000")
    raw.execute("PRAGMA foreign_keys=ON")
    return Connection(raw, "sqlite")


@contextmanager
def connect(target: Target | None = None) -> Iterator[Connection]:
    """A new connection (never shared across threads), schema migrated, closed on exit."""
    from sdg16.state import migrate

    target = resolve(target)
    con = _open(target)
    try:
        migrate.ensure(con, target)
        yield con
    finally:
        con.raw.close()
