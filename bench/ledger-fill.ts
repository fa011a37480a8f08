import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '#src/db/client.ts';
import { appendBatchToLedger, type Change, lastEntry } from '#src/ledger/append.ts';

/** Entries appended per transaction while filling the ledger. */
const PER_TRANSACTION = 50_000;

/** How many entries the ledger holds now. */
export async function ledgerLength(tx: Tx): Promise<number> {
  return (await lastEntry(tx)).count;
}

/**
 * A change shaped like a real one (a person's state, as an import writes it), but
 * of an entity type no table holds, so record verification passes over it.
 */
function syntheticChange(councilId: string, n: number): Change {
  const id = randomUUID();
  return {
    councilId,
    actor: 'freshstart:bench',
    action: 'import',
    entityType: 'bench-person',
    entityId: id,
    before: null,
    after: {
      id,
      councilId,
      name: `Bench Person ${n}`,
      kind: n % 3 === 0 ? 'councillor' : 'officer',
      publicRole: `Member for Ward ${n % 97}`,
      party: n % 2 === 0 ? 'Independent' : null,
      fromDate: '2015-02-26',
      toDate: null,
      source: 'Synthetic entry written by npm run bench',
      withdrawnAt: null,
      withdrawnReason: null,
    },
  };
}

/** Appends synthetic entries, in large transactions, until the ledger holds `target` entries. */
export async function fillLedger(db: Tx, target: number, councilId: string): Promise<number> {
  let length = await ledgerLength(db);
  const started = performance.now();
  while (length < target) {
    const count = Math.min(PER_TRANSACTION, target - length);
    const base = length;
    const changes = Array.from({ length: count }, (_, i) => syntheticChange(councilId, base + i));
    await db.transaction((tx) => appendBatchToLedger(tx, changes));
    length += count;
  }
  return performance.now() - started;
}
