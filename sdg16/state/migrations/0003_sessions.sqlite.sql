-- Sign-in sessions (sdg16/state/sessions.py): id is the SHA-256 of the cookie's token, so the
-- table cannot be turned back into cookies.
CREATE TABLE sessions (
    id          TEXT PRIMARY KEY,
    user_name   TEXT NOT NULL,
    provider    TEXT NOT NULL,     -- local or oidc
    created_at  REAL NOT NULL,     -- unix seconds
    last_seen   REAL NOT NULL,
    revoked_at  REAL,
    revoked_why TEXT
);
CREATE INDEX sessions_user ON sessions (user_name, revoked_at);
-- One-time hand-over of a new session's token to the cookie route (60 s).
CREATE TABLE session_grants (
    grant_hash TEXT PRIMARY KEY,
    token      TEXT NOT NULL,
    expires_at REAL NOT NULL
);
-- The cookie signing key, one per state database so every replica checks the same signature.
CREATE TABLE app_secrets (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
