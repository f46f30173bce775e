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
    detail  TEXT NOT NULL,
    free_text INTEGER,         -- 1: the file held free text of reports
    public    INTEGER,         -- 1: a public file (small counts withheld), 0: restricted
    prev_hash TEXT,            -- hash of the entry before (sdg16/audit_chain.py)
    hash      TEXT
);
"""
# Append-only: the log is evidence, so the database itself refuses edits and deletions, and
# an insert must extend the chain: a new id above every id and the last entry's hash as its
# prev_hash. That also stops INSERT OR REPLACE, whose implicit delete fires no DELETE trigger
# (SQLite runs delete triggers for REPLACE only with recursive_triggers on, set below too).
TRIGGERS = """
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_extends_chain BEFORE INSERT ON audit
WHEN NEW.id IS NULL OR NEW.hash IS NULL
  OR NEW.id <= coalesce((SELECT max(id) FROM audit), 0)
  OR NEW.prev_hash IS NOT coalesce((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), '"""
TRIGGERS += (
    "0" * 64
    + """')
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: an entry must extend the chain'); END;
"""
)
AUDIT_ADDED = ("free_text INTEGER", "public INTEGER", "prev_hash TEXT", "hash TEXT")


def _migrate(con: sqlite3.Connection) -> None:
    """Older state files: add the audit columns, then seal the entries already there into
    the chain (once, as they are now), before the triggers that forbid edits are made."""
    have = {r[1] for r in con.execute("PRAGMA table_info(audit)")}
    missing = [c for c in AUDIT_ADDED if c.split()[0] not in have]
    if not missing:
        return
    from sdg16 import audit_chain

    con.execute("BEGIN IMMEDIATE")
    con.execute("DROP TRIGGER IF EXISTS audit_no_update")
    for column in missing:
        con.execute(f"ALTER TABLE audit ADD COLUMN {column}")
    cur = con.execute("SELECT * FROM audit ORDER BY id")
    names = [d[0] for d in cur.description]
    prev = audit_chain.GENESIS
    for values in cur.fetchall():
        entry = dict(zip(names, values, strict=True))
        digest = audit_chain.entry_hash(prev, entry)
        con.execute(
            "UPDATE audit SET prev_hash = ?, hash = ? WHERE id = ?", (prev, digest, entry["id"])
        )
        prev = digest
    con.execute("COMMIT")


@contextmanager
def connect(path: Path | None = None) -> Iterator[sqlite3.Connection]:
    """A new autocommit connection, closed on exit (connections are not shared across threads)."""
    path = Path(path or settings.state_db_path())
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path, timeout=10, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA busy_timeout=10000")
    con.execute("PRAGMA recursive_triggers=ON")
    try:
        con.executescript(SCHEMA)
        _migrate(con)
        con.executescript(TRIGGERS)
        yield con
    finally:
        con.close()
