-- Issue H: the same as 0004_hardening.sqlite.sql. ON CONFLICT DO UPDATE is an UPDATE here,
-- which audit_no_update already refuses.
ALTER TABLE audit ADD COLUMN free_text INTEGER;
ALTER TABLE audit ADD COLUMN public INTEGER;
ALTER TABLE audit ADD COLUMN prev_hash TEXT;
ALTER TABLE audit ADD COLUMN hash TEXT;
CREATE FUNCTION audit_extends_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE last_hash TEXT;
BEGIN
    SELECT hash INTO last_hash FROM audit ORDER BY id DESC LIMIT 1;
    IF NEW.hash IS NULL OR (last_hash IS NOT NULL AND NEW.prev_hash IS DISTINCT FROM last_hash)
    THEN
        RAISE EXCEPTION 'the audit log is append-only: an entry must extend the chain'
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER audit_extends_chain BEFORE INSERT ON audit
    FOR EACH ROW EXECUTE FUNCTION audit_extends_chain();
CREATE TABLE login_address_attempts (
    address TEXT NOT NULL,
    at      DOUBLE PRECISION NOT NULL,
    ok      INTEGER NOT NULL
);
CREATE INDEX login_address_attempts_at ON login_address_attempts (address, at);
