import { and, eq, isNull, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { queryRows, type Tx } from '#src/db/client.ts';
import type { PowersRecord } from './rules/holders.ts';
import {
  allocations,
  commissionerAppointments,
  councilFunctions,
  directionProvisions,
  directions,
  representations,
  restorationFunctions,
  restorationPauses,
  restorationSteps,
  restorations,
} from './schema.ts';

/** A council's Powers records (not withdrawn), beside the ones the holder rules read. */
export interface CouncilPowers extends PowersRecord {
  appointments: (typeof commissionerAppointments.$inferSelect)[];
  restorationPauses: (typeof restorationPauses.$inferSelect)[];
  representations: (typeof representations.$inferSelect)[];
}

type CouncilTable = PgTable & { councilId: PgColumn; withdrawnAt: PgColumn };

/** The rows of one council's table that have not been withdrawn. */
function current<T extends CouncilTable>(tx: Tx, table: T, councilId: string) {
  return tx
    .select()
    .from(table as PgTable)
    .where(and(eq(table.councilId, councilId), isNull(table.withdrawnAt))) as unknown as Promise<
    T['$inferSelect'][]
  >;
}

/**
 * Reads every Powers record of a council that has not been withdrawn. Decisions
 * are not part of it: who holds a function does not depend on them.
 */
export async function readCouncilPowers(tx: Tx, councilId: string): Promise<CouncilPowers> {
  // One statement after another: a transaction's connection runs one at a time.
  const functions = await current(tx, councilFunctions, councilId);
  const directionRows = await current(tx, directions, councilId);
  const provisions = await current(tx, directionProvisions, councilId);
  const allocationRows = await current(tx, allocations, councilId);
  const restorationRows = await current(tx, restorations, councilId);
  const restorationFunctionRows = await current(tx, restorationFunctions, councilId);
  const steps = await current(tx, restorationSteps, councilId);
  const appointments = await current(tx, commissionerAppointments, councilId);
  const pauses = await current(tx, restorationPauses, councilId);
  const representationRows = await current(tx, representations, councilId);
  return {
    functions,
    directions: directionRows,
    provisions,
    allocations: allocationRows,
    restorations: restorationRows,
    restorationFunctions: restorationFunctionRows,
    restorationSteps: steps,
    appointments,
    restorationPauses: pauses,
    representations: representationRows,
  };
}

/** The sequence number of a council's newest ledger entry: any change to its records moves it. */
async function councilLedgerHead(tx: Tx, councilId: string): Promise<number> {
  const [row] = await queryRows<{ seq: string | number | null }>(
    tx,
    sql`select max(seq) as seq from ledger_entries where council_id = ${councilId}`,
  );
  return Number(row?.seq ?? 0);
}

interface Cached {
  head: number;
  powers: Promise<CouncilPowers>;
}
const cache = new WeakMap<Tx, Map<string, Cached>>();

/**
 * A council's Powers records for reading pages and the API. Every change to a
 * council's records writes a ledger entry in the same transaction, so the records
 * read when the council's newest entry was N are still true while it is N: the
 * copy is reused until the ledger moves, and never shows a stale holder.
 */
export async function councilPowers(db: Tx, councilId: string): Promise<CouncilPowers> {
  const head = await councilLedgerHead(db, councilId);
  let byCouncil = cache.get(db);
  if (!byCouncil) {
    byCouncil = new Map();
    cache.set(db, byCouncil);
  }
  const hit = byCouncil.get(councilId);
  if (hit && hit.head === head) return hit.powers;
  // One snapshot: the head it is cached under and the records read belong together.
  const read = db.transaction(
    async (tx) => ({
      head: await councilLedgerHead(tx, councilId),
      powers: await readCouncilPowers(tx, councilId),
    }),
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  const powers = read.then((r) => r.powers);
  byCouncil.set(councilId, { head, powers });
  read.then(
    (r) => byCouncil.set(councilId, { head: r.head, powers }),
    () => byCouncil.delete(councilId),
  );
  return powers;
}
