-- Appends one entry: takes the ledger's advisory lock (held to the end of the
-- transaction, so writers in other sessions and processes queue), reads the last
-- entry and inserts the next, chained to it. The hash is
-- SHA-256(previous hash || SHA-256(body)); the caller passes SHA-256(body) in hex.
CREATE FUNCTION ledger_append(entry_body text, entry_digest text)
RETURNS TABLE (new_seq bigint, new_hash text)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(4217401987);
  SELECT e.seq, e.hash INTO last_seq, last_hash FROM ledger_entries e ORDER BY e.seq DESC LIMIT 1;
  IF last_seq IS NULL THEN
    last_seq := 0;
    last_hash := repeat('0', 64);
  END IF;
  new_seq := last_seq + 1;
  new_hash := encode(sha256(decode(last_hash, 'hex') || decode(entry_digest, 'hex')), 'hex');
  INSERT INTO ledger_entries (seq, body, prev_hash, hash) VALUES (new_seq, entry_body, last_hash, new_hash);
  RETURN NEXT;
END;
$$;
--> statement-breakpoint
-- Ledger entries are never updated or deleted through the application's connection.
CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger entries are append-only: % refused', TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_append_only
BEFORE UPDATE OR DELETE ON "ledger_entries"
FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_truncate
BEFORE TRUNCATE ON "ledger_entries"
FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
