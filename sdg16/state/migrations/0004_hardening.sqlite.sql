-- Issue H: the audit log's content flags and hash chain (sdg16/audit_chain.py), and the
-- per-address sign-in limit. Entries written before this carry no hash: the first chained
-- entry's prev_hash covers them (audit_chain.verify recomputes it), so they are checked too.
ALTER TABLE audit ADD COLUMN free_text INTEGER;  -- 1: the file held free text of reports
ALTER TABLE audit ADD COLUMN public INTEGER;     -- 1: a public file, 0: restricted
ALTER TABLE audit ADD COLUMN prev_hash TEXT;     -- the hash of the entry before
ALTER TABLE audit ADD COLUMN hash TEXT;
-- An insert must extend the chain: no id at or below one already used (INSERT OR REPLACE
-- would otherwise delete and rewrite an entry: its implicit delete fires no DELETE trigger
-- unless recursive_triggers is on) and the last entry's hash as its prev_hash.
CREATE TRIGGER audit_extends_chain BEFORE INSERT ON audit
WHEN NEW.hash IS NULL
  OR (NEW.id > 0 AND NEW.id <= coalesce((SELECT max(id) FROM audit), 0))
  OR ((SELECT hash FROM audit ORDER BY id DESC LIMIT 1) IS NOT NULL
      AND NEW.prev_hash IS NOT (SELECT hash FROM audit ORDER BY id DESC LIMIT 1))
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: an entry must extend the chain'); END;
CREATE TABLE login_address_attempts (
    address TEXT NOT NULL,  -- the client's network address
    at      REAL NOT NULL,  -- unix seconds
    ok      INTEGER NOT NULL
);
CREATE INDEX login_address_attempts_at ON login_address_attempts (address, at);
