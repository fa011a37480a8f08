import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '#src/db/client.ts';
import { chainHash, contentDigest, type LedgerContent } from './canonical.ts';

/** A change to write to the ledger; the time is taken when it is written. */
export type Change = Omit<LedgerContent, 'at' | 'reason'> & { reason?: string | null; at?: string };

function contentOf(change: Change): LedgerContent {
  return {
    councilId: change.councilId,
    actor: change.actor,
    at: change.at ?? new Date().toISOString(),
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    reason: change.reason ?? null,
    before: change.before ?? null,
    after: change.after ?? null,
  };
}

function jsonParam(value: unknown) {
  return value === null || value === undefined ? sql`NULL` : sql`${JSON.stringify(value)}::jsonb`;
}

/**
 * Appends one entry in the caller's transaction, in a single statement: the head
 * row's update both locks the chain against concurrent writers and computes the
 * new hash, so a write costs one extra round trip.
 */
export async function appendToLedger(tx: Tx, change: Change): Promise<{ seq: number; hash: string }> {
  const c = contentOf(change);
  const digest = contentDigest(c);
  const rows = await queryRows<{ seq: number | string; hash: string }>(
    tx,
    sql`
    WITH head AS (
      UPDATE ledger_head
         SET seq = seq + 1,
             prev_hash = hash,
             hash = encode(sha256(decode(hash, 'hex') || decode(${digest}, 'hex')), 'hex')
       WHERE id = 1
      RETURNING seq, prev_hash, hash)
    INSERT INTO ledger_entries
      (seq, council_id, actor, at, action, entity_type, entity_id, reason, before, after, prev_hash, hash)
    SELECT head.seq, ${c.councilId}, ${c.actor}, ${c.at}, ${c.action}, ${c.entityType}, ${c.entityId},
           ${c.reason}, ${jsonParam(c.before)}, ${jsonParam(c.after)}, head.prev_hash, head.hash
      FROM head
    RETURNING seq, hash`,
  );
  const row = rows[0];
  if (!row) throw new Error('the ledger head is missing: run the migrations');
  return { seq: Number(row.seq), hash: row.hash };
}

const BATCH = 5000;

/**
 * Appends many entries in the caller's transaction (used by imports): the head is
 * locked once, the chain computed here, and the entries inserted in batches. Each
 * batch travels as one JSON parameter that the database unpacks into rows
 * (a JSON null becomes SQL NULL, as a missing state is written one at a time), which is
 * far cheaper than thousands of bound parameters.
 */
export async function appendBatchToLedger(tx: Tx, changes: readonly Change[]): Promise<void> {
  if (changes.length === 0) return;
  const [start] = await queryRows<{ seq: number | string; hash: string }>(
    tx,
    sql`SELECT seq, hash FROM ledger_head WHERE id = 1 FOR UPDATE`,
  );
  if (!start) throw new Error('the ledger head is missing: run the migrations');
  let seq = Number(start.seq);
  let prev = start.hash;
  let beforeLast = prev;
  const rows = changes.map((change) => {
    const c = contentOf(change);
    const hash = chainHash(prev, contentDigest(c));
    seq += 1;
    const row = {
      seq,
      council_id: c.councilId,
      actor: c.actor,
      at: c.at,
      action: c.action,
      entity_type: c.entityType,
      entity_id: c.entityId,
      reason: c.reason,
      before: c.before,
      after: c.after,
      prev_hash: prev,
      hash,
    };
    beforeLast = prev;
    prev = hash;
    return row;
  });
  for (let i = 0; i < rows.length; i += BATCH) {
    await tx.execute(sql`INSERT INTO ledger_entries
      (seq, council_id, actor, at, action, entity_type, entity_id, reason, before, after, prev_hash, hash)
      SELECT seq, council_id, actor, at, action, entity_type, entity_id, reason, before, after, prev_hash, hash
        FROM json_populate_recordset(NULL::ledger_entries, ${JSON.stringify(rows.slice(i, i + BATCH))})`);
  }
  await tx.execute(
    sql`UPDATE ledger_head SET seq = ${seq}, prev_hash = ${beforeLast}, hash = ${prev} WHERE id = 1`,
  );
}
