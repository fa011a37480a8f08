import type { Tx } from '#src/db/client.ts';
import { LEDGERED_TABLES } from '#src/db/ledgered.ts';
import { verifyChain, verifyLedger } from '#src/ledger/verify.ts';
import { fillLedger } from './ledger-fill.ts';
import { timed } from './stats.ts';

export interface VerifyFigures {
  entries: number;
  fillMs: number;
  /** Milliseconds of each pass of the chain walk. */
  chainMs: number[];
  /** Entries per second of the fastest pass. */
  entriesPerSecond: number;
  /** Milliseconds of one whole verification: chain, head and every ledgered record. */
  fullMs: number;
}

/** Fills the ledger to `entries`, then times verification of the whole chain. */
export async function measureVerification(
  db: Tx,
  entries: number,
  councilId: string,
  passes = 2,
): Promise<VerifyFigures> {
  const fillMs = await fillLedger(db, entries, councilId);
  const chainMs: number[] = [];
  for (let i = 0; i < passes; i++) {
    const pass = await timed(() => db.transaction((tx) => verifyChain(tx, undefined)));
    if (pass.value.problem || pass.value.entries !== entries)
      throw new Error(`verification failed: ${pass.value.problem?.message ?? pass.value.entries}`);
    chainMs.push(pass.ms);
  }
  const full = await timed(() => db.transaction((tx) => verifyLedger(tx, { tables: LEDGERED_TABLES })));
  if (!full.value.ok) throw new Error(`verification failed: ${full.value.problems[0]?.message}`);
  return {
    entries,
    fillMs,
    chainMs,
    entriesPerSecond: entries / (Math.min(...chainMs) / 1000),
    fullMs: full.ms,
  };
}
