import { type SQL, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '#src/db/client.ts';
import { canonicalEncoding, entryHash, GENESIS_HASH, type LedgerContent } from './canonical.ts';

/** A change to write to the ledger; the time is taken when it is written. */
export type Change = Omit<LedgerContent, 'at' | 'reason'> & { reason?: string | null; at?: string };

/** The entry's body: the canonical encoding of the change, stamped with the time now unless given. */
export function entryBody(change: Change): string {
  return canonicalEncoding({
    councilId: change.councilId,
    actor: change.actor,
    at: change.at ?? new Date().toISOString(),
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    reason: change.reason ?? null,
    before: change.before ?? null,
    after: change.after ?? null,
  });
}

/** The lock that serialises ledger writers (taken by `ledger_append` too). */
const LEDGER_LOCK = 4217401987;

/**
 * The statement that appends one entry through `ledger_append`, which locks the
 * chain, reads its last entry and inserts the next; `alongside` is a data-modifying
 * statement (the record's own write) run in the same statement.
 */
function appendStatement(body: string, alongside?: SQL): SQL {
  return sql`
    ${alongside ? sql`WITH record AS (${alongside})` : sql``}
    SELECT new_seq AS seq, new_hash AS hash FROM ledger_append(${body})`;
}

async function run(tx: Tx, statement: SQL): Promise<{ seq: number; hash: string }> {
  const [row] = await queryRows<{ seq: number | string; hash: string }>(tx, statement);
  if (!row) throw new Error('the ledger did not append the entry');
  return { seq: Number(row.seq), hash: row.hash };
}

/** Appends one entry in the caller's transaction, in a single statement. */
export function appendToLedger(tx: Tx, change: Change): Promise<{ seq: number; hash: string }> {
  return run(tx, appendStatement(entryBody(change)));
}

/**
 * Runs a record's write (an INSERT) and appends its entry in one statement, in the
 * caller's transaction: the ledger then costs no extra round trip.
 */
export function writeWithLedger(tx: Tx, write: SQL, change: Change): Promise<{ seq: number; hash: string }> {
  return run(tx, appendStatement(entryBody(change), write));
}

const BATCH = 5000;

/**
 * Appends many entries in the caller's transaction (used by imports): the head is
 * locked once, the chain computed here, and the entries inserted in batches, each
 * travelling as one JSON parameter that the database unpacks into rows.
 */
export async function appendBatchToLedger(tx: Tx, changes: readonly Change[]): Promise<void> {
  if (changes.length === 0) return;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${LEDGER_LOCK})`);
  const start = await lastEntry(tx);
  let seq = start.count;
  let prev = start.rootHash;
  const rows = changes.map((change) => {
    const body = entryBody(change);
    const hash = entryHash(prev, body);
    seq += 1;
    const row = { seq, body, prev_hash: prev, hash };
    prev = hash;
    return row;
  });
  for (let i = 0; i < rows.length; i += BATCH) {
    await tx.execute(sql`INSERT INTO ledger_entries (seq, body, prev_hash, hash)
      SELECT seq, body, prev_hash, hash
        FROM json_to_recordset(${JSON.stringify(rows.slice(i, i + BATCH))}) AS r(seq bigint, body text, prev_hash text, hash text)`);
  }
}

/**
 * The ledger's size and the hash of its last entry (the genesis hash when empty).
 * Entries are numbered from 1 without gaps, so the last number is the size;
 * verification checks that it is.
 */
export async function lastEntry(tx: Tx): Promise<{ count: number; rootHash: string }> {
  const [row] = await queryRows<{ seq: number | string; hash: string }>(
    tx,
    sql`SELECT seq, hash FROM ledger_entries ORDER BY seq DESC LIMIT 1`,
  );
  return row ? { count: Number(row.seq), rootHash: row.hash } : { count: 0, rootHash: GENESIS_HASH };
}
