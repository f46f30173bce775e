"""The app's own SQLite file for run-time state (never the DuckDB store, which is read-only to
the app and replaced atomically by loads). WAL mode so readers do not block the one writer."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sdg16 import settings

SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    name          TEXT PRIMARY KEY,
    role          TEXT NOT NULL,
    password_hash BLOB NOT NULL,
    created_at    TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS login_attempts (
    name TEXT NOT NULL,
    at   REAL NOT NULL,        -- unix seconds
    ok   INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS login_attempts_name ON login_attempts (name, at);
CREATE TABLE IF NOT EXISTS login_address_attempts (
    address TEXT NOT NULL,  -- the client's network address, for the per-address limit
    at      REAL NOT NULL,
    ok      INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS login_address_attempts_at ON login_address_attempts (address, at);
CREATE TABLE IF NOT EXISTS audit (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      TEXT NOT NULL,     -- ISO 8601 UTC
    actor   TEXT NOT NULL,
    role    TEXT NOT NULL,
    action  TEXT NOT NULL,     -- login, login_failed, logout, export, report, user_*, sync
    what    TEXT NOT NULL,     -- page, file name or user concerned
    filters TEXT NOT NULL,     -- the view as a URL query string
    format  TEXT NOT NULL,
    rows    INTEGER,
    detail  TEXT NOT NULL
);
-- Append-only: the log is evidence, so the database itself refuses edits and deletions.
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""


@contextmanager
def connect(path: Path | None = None) -> Iterator[sqlite3.Connection]:
    """A new autocommit connection, closed on exit (connections are not shared across threads)."""
    path = Path(path or settings.state_db_path())
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path, timeout=10, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA busy_timeout=10000")
    try:
        con.executescript(SCHEMA)
        yield con
    finally:
        con.close()
