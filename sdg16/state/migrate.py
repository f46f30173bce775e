"""Versioned schema migrations for the state database, one file per step and dialect.

``migrations/NNNN_name.sqlite.sql`` and ``NNNN_name.postgresql.sql``: every id found is applied
once, in id order, and recorded in ``schema_migrations``. Applied ids are compared as a set, not
as a highest version, so migrations written on parallel branches (say 0003 and 0004) both apply
whichever lands first. Never edit a migration that has landed: add the next one.
"""

from __future__ import annotations

import functools
import sqlite3
import threading
import zlib
from pathlib import Path

from sdg16.state.backend import Connection, Target

FOLDER = Path(__file__).with_name("migrations")
_done: set[str] = set()  # targets migrated by this process: the check runs once per process
_lock = threading.Lock()
_PG_LOCK = zlib.crc32(b"sdg16 state migrations")  # advisory lock key: replicas start at once


@functools.cache
def available(dialect: str) -> dict[str, str]:
    """Migration id -> SQL text for ``dialect``."""
    suffix = f".{dialect}.sql"
    return {
        p.name.removesuffix(suffix): p.read_text(encoding="utf-8")
        for p in sorted(FOLDER.glob(f"*{suffix}"))
    }


def applied(con: Connection) -> list[str]:
    rows = con.execute("SELECT id FROM schema_migrations ORDER BY id").fetchall()
    return [r[0] for r in rows]


def ensure(con: Connection, target: Target) -> None:
    """Migrate once per process for PostgreSQL; SQLite files are checked on every connect (a
    cheap local read, and a test or a person may have replaced the file)."""
    key = f"{con.dialect}:{target}"
    if key in _done:
        return
    with _lock:
        run(con)
        if con.dialect == "postgresql":
            _done.add(key)


def run(con: Connection) -> list[str]:
    """Apply what is missing; returns the ids applied. On PostgreSQL all of it runs in one
    transaction under an advisory lock, so replicas starting together take turns (even
    ``CREATE TABLE IF NOT EXISTS`` races between sessions there); on SQLite each migration is
    its own ``BEGIN IMMEDIATE`` transaction, which already serialises writers."""
    if con.dialect != "postgresql":
        return _apply(con)
    with con.transaction():
        con.execute("SELECT pg_advisory_xact_lock(?)", (_PG_LOCK,))
        return _apply(con)


def _apply(con: Connection) -> list[str]:
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations"
        " (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)"
    )
    done = set(applied(con))
    new = []
    for mid, sql in available(con.dialect).items():
        if mid in done:
            continue
        with con.transaction():  # a savepoint inside PostgreSQL's outer transaction
            if con.execute("SELECT 1 FROM schema_migrations WHERE id = ?", (mid,)).fetchone():
                continue
            _script(con, sql)
            con.execute("INSERT INTO schema_migrations (id) VALUES (?)", (mid,))
            new.append(mid)
    return new


def _script(con: Connection, sql: str) -> None:
    if con.dialect == "postgresql":
        con.raw.execute(sql)  # psycopg runs several statements when there are no parameters
        return
    # sqlite3.executescript would COMMIT the open transaction: run statement by statement.
    statement = ""
    for line in sql.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            con.raw.execute(statement)
            statement = ""
    if any(ln.strip() and not ln.strip().startswith("--") for ln in statement.splitlines()):
        raise ValueError(f"incomplete SQL at the end of a migration: {statement[:80]!r}")
