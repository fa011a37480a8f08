import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { Tx } from '#src/db/client.ts';
import { personEntity } from '#src/db/ledgered.ts';
import { insertRecord } from '#src/ledger/records.ts';
import { people } from '#src/modules/councils/schema.ts';
import { median } from './stats.ts';

export interface LedgerOverheadFigures {
  iterations: number;
  /** Median milliseconds of one transaction inserting a person with its ledger entry. */
  ledgered: number;
  /** Median milliseconds of the same insert in a transaction, without the ledger. */
  plain: number;
  ratio: number;
}

function personValues(councilId: string, n: number) {
  return {
    id: randomUUID(),
    councilId,
    name: `Bench Person ${n} ${randomUUID()}`,
    kind: 'officer' as const,
    publicRole: 'Member of the bench panel',
    party: null,
    source: 'npm run bench',
  };
}

/**
 * A ledgered write (insertRecord of a person, in its own transaction) against the
 * same insert without the ledger, interleaved (alternating which goes first) so
 * that both meet the same noise; medians of each.
 */
export async function measureLedgerOverhead(
  db: Tx,
  councilId: string,
  iterations: number,
): Promise<LedgerOverheadFigures> {
  const ledgered: number[] = [];
  const plain: number[] = [];
  const unledgered: string[] = [];
  let n = 0;
  const writeLedgered = async () => {
    const values = personValues(councilId, n++);
    const started = performance.now();
    await db.transaction((tx) => insertRecord(tx, personEntity, values, { actor: 'freshstart:bench' }));
    return performance.now() - started;
  };
  const writePlain = async () => {
    const values = personValues(councilId, n++);
    unledgered.push(values.id);
    const started = performance.now();
    await db.transaction((tx) => tx.insert(people).values(values).returning());
    return performance.now() - started;
  };
  const warmUp = Math.min(50, iterations);
  for (let i = 0; i < warmUp; i++) {
    await writeLedgered();
    await writePlain();
  }
  for (let i = 0; i < iterations; i++) {
    if (i % 2 === 0) {
      ledgered.push(await writeLedgered());
      plain.push(await writePlain());
    } else {
      plain.push(await writePlain());
      ledgered.push(await writeLedgered());
    }
  }
  // The plain writes bypassed the ledger, which verification would rightly report: remove them.
  for (let i = 0; i < unledgered.length; i += 1000)
    await db.delete(people).where(inArray(people.id, unledgered.slice(i, i + 1000)));
  const figures = { iterations, ledgered: median(ledgered), plain: median(plain) };
  return { ...figures, ratio: figures.ledgered / figures.plain };
}
