-- Users, login attempts, the append-only audit log and presentations. IF NOT EXISTS: state files
-- made before migrations existed already hold these tables and are adopted as they are.
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
CREATE TABLE IF NOT EXISTS presentation (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE IF NOT EXISTS presentation_view (
    id INTEGER PRIMARY KEY,
    presentation_id INTEGER NOT NULL REFERENCES presentation(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    page TEXT NOT NULL,
    query TEXT NOT NULL,
    title TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (presentation_id, position)
);
