-- An entry's hash is SHA-256 over the previous hash's 32 bytes and the body's UTF-8
-- bytes: one hash per entry instead of two, which halves the verifier's hashing.
DROP FUNCTION ledger_append(text, text);
--> statement-breakpoint
CREATE FUNCTION ledger_append(entry_body text)
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
  new_hash := encode(sha256(decode(last_hash, 'hex') || convert_to(entry_body, 'UTF8')), 'hex');
  INSERT INTO ledger_entries (seq, body, prev_hash, hash) VALUES (new_seq, entry_body, last_hash, new_hash);
  RETURN NEXT;
END;
$$;
