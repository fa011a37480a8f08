import { sql } from 'drizzle-orm';
import type { Tx } from '#src/db/client.ts';

/**
 * Runs raw SQL against the ledger as an attacker with the table owner's rights
 * would: the append-only trigger is disabled for the work and enabled again, in
 * one transaction.
 */
export async function bypassingAppendOnly(db: Tx, work: (tx: Tx) => Promise<unknown>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_append_only`);
    await work(tx);
    await tx.execute(sql`ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_append_only`);
  });
}

/** The messages of an error and of every cause under it (Drizzle wraps driver errors). */
export function errorText(error: unknown): string {
  const parts: string[] = [];
  for (let e = error as { message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    parts.push(String(e.message));
  }
  return parts.join(' | ');
}
