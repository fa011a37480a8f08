import type { KeyObject } from 'node:crypto';
import { is, sql } from 'drizzle-orm';
import { PgliteSession } from 'drizzle-orm/pglite';
import { queryRows, type Tx } from '#src/db/client.ts';
import { entryHash, GENESIS_HASH, sameState } from './canonical.ts';
import { type Checkpoint, checkpointSignatureIsValid } from './checkpoint.ts';
import { type LedgeredTable, stateOf } from './records.ts';
import { GENERATED_LEDGER_COLUMNS } from './schema.ts';

/** One thing verification found wrong, said so a person can act on it. */
export interface VerificationProblem {
  kind: 'chain' | 'checkpoint' | 'record';
  seq?: number;
  entityType?: string;
  entityId?: string;
  message: string;
}

export interface VerificationReport {
  ok: boolean;
  entries: number;
  recordsChecked: number;
  checkpoint: { count: number; at: string } | undefined;
  problems: VerificationProblem[];
}

/** One entry as a page carries it. */
type EntryTuple = [seq: number | string, body: string | Buffer, prevHash: string, hash: string];

const PAGE = 5_000;

/**
 * The entries after `afterSeq`, in order, at most PAGE of them. A server's rows come
 * as they are: its driver decodes them while the server reads the next page. PGlite
 * runs in this thread and decodes rows column by column, which costs more than the
 * hashing, so from PGlite a page travels as one text: a line per entry, `seq TAB prev_hash hash body`. A body is
 * canonical JSON, which escapes every control character, so it holds no tab or line
 * break; should a tampered body hold one, the page does not split into as many
 * entries as it counts and is read again row by row.
 */
async function entriesAfter(tx: Tx, afterSeq: number): Promise<EntryTuple[]> {
  if (!is(tx._.session, PgliteSession)) return entryRowsAfter(tx, afterSeq);
  const [packed] = await queryRows<{ page: string | null; entries: number | string }>(
    tx,
    sql`
    SELECT string_agg(seq || E'\t' || prev_hash || hash || body, E'\n' ORDER BY seq) AS page, count(*) AS entries
      FROM (SELECT seq, body, prev_hash, hash FROM ledger_entries WHERE seq > ${afterSeq} ORDER BY seq LIMIT ${PAGE}) AS page`,
  );
  if (!packed?.page) return [];
  // Encoded once to UTF-8: the bytes each body is hashed as.
  return splitPage(Buffer.from(packed.page, 'utf8'), Number(packed.entries)) ?? entryRowsAfter(tx, afterSeq);
}

/**
 * Splits a packed page into entries, each body left as bytes (hashed as they are,
 * never decoded); undefined when the page does not split into `count` well-formed lines.
 */
function splitPage(page: Buffer, count: number): EntryTuple[] | undefined {
  const entries: EntryTuple[] = [];
  let start = 0;
  while (start < page.length) {
    const next = page.indexOf(10, start);
    const end = next === -1 ? page.length : next;
    const tab = page.indexOf(9, start);
    if (tab === -1 || tab + 129 > end) return undefined;
    entries.push([
      page.toString('latin1', start, tab),
      page.subarray(tab + 129, end),
      page.toString('latin1', tab + 1, tab + 65),
      page.toString('latin1', tab + 65, tab + 129),
    ]);
    start = end + 1;
  }
  return entries.length === count ? entries : undefined;
}

/** The same page, read row by row. */
async function entryRowsAfter(tx: Tx, afterSeq: number): Promise<EntryTuple[]> {
  const rows = await queryRows<{ seq: number | string; body: string; prev_hash: string; hash: string }>(
    tx,
    sql`SELECT seq, body, prev_hash, hash FROM ledger_entries WHERE seq > ${afterSeq} ORDER BY seq LIMIT ${PAGE}`,
  );
  return rows.map((r) => [r.seq, r.body, r.prev_hash, r.hash]);
}

/**
 * Walks the whole chain in order and returns the first entry that does not
 * verify (a broken link, a changed entry or a gap in the numbering), with the
 * count of entries and the hash of each checkpointed position asked for.
 */
export async function verifyChain(
  tx: Tx,
  wantHashAt: number | undefined,
): Promise<{
  entries: number;
  hashAtWanted: string | undefined;
  problem?: VerificationProblem;
}> {
  let expectedSeq = 1;
  let prev = GENESIS_HASH;
  let hashAtWanted: string | undefined;
  let next: Promise<EntryTuple[]> | undefined = entriesAfter(tx, 0);
  while (next) {
    const page: EntryTuple[] = await next;
    const last = page[page.length - 1];
    // While this page is hashed here, the database reads the next one.
    next = page.length === PAGE && last ? entriesAfter(tx, Number(last[0])) : undefined;
    for (const [rawSeq, body, prevHash, hash] of page) {
      const seq = Number(rawSeq);
      let problem: string | undefined;
      if (seq !== expectedSeq)
        problem = `expected entry ${expectedSeq} next, found ${seq}: entries are missing`;
      else if (prevHash !== prev)
        problem = 'its link to the previous entry does not match: the chain was altered';
      else if (entryHash(prev, body) !== hash)
        problem = 'its content does not match its hash: the entry was altered';
      if (problem !== undefined) {
        // Let the read ahead finish, so that nothing is left running in the caller's transaction.
        await next?.catch(() => {});
        return {
          entries: expectedSeq - 1,
          hashAtWanted,
          problem: { kind: 'chain', seq, message: `Ledger entry ${seq}: ${problem}` },
        };
      }
      prev = hash;
      if (seq === wantHashAt) hashAtWanted = hash;
      expectedSeq += 1;
    }
  }
  return { entries: expectedSeq - 1, hashAtWanted };
}

/**
 * Checks that the ledger's query columns are still generated by the database from
 * each entry's body: a column turned into a plain one could be made to say
 * something its entry does not.
 */
export async function verifyGeneratedColumns(tx: Tx): Promise<VerificationProblem[]> {
  const rows = await queryRows<{ column_name: string; is_generated: string }>(
    tx,
    sql`SELECT column_name, is_generated FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = 'ledger_entries'`,
  );
  const generated = new Set(rows.filter((r) => r.is_generated === 'ALWAYS').map((r) => r.column_name));
  return GENERATED_LEDGER_COLUMNS.filter((c) => !generated.has(c)).map((c) => ({
    kind: 'chain' as const,
    message: `The ledger column ${c} is no longer generated from each entry's body: the ledger's table was altered`,
  }));
}

/**
 * Checks that every current record of every ledgered table equals the state its
 * latest ledger entry records, and that no ledgered record has vanished.
 */
export async function verifyRecords(
  tx: Tx,
  tables: readonly LedgeredTable[],
): Promise<{ checked: number; problems: VerificationProblem[] }> {
  const problems: VerificationProblem[] = [];
  let checked = 0;
  for (const entity of tables) {
    const latest = await queryRows<{ entity_id: string; seq: number | string; after: unknown }>(
      tx,
      sql`
      SELECT DISTINCT ON (entity_id) entity_id, seq, (body::jsonb) -> 'after' AS after
        FROM ledger_entries WHERE entity_type = ${entity.entityType}
       ORDER BY entity_id, seq DESC`,
    );
    const recorded = new Map(latest.map((r) => [r.entity_id, r]));
    const rows = (await tx.select().from(entity.table)) as Record<string, unknown>[];
    for (const row of rows) {
      checked += 1;
      const id = String(row.id);
      const entry = recorded.get(id);
      recorded.delete(id);
      if (!entry) {
        problems.push({
          kind: 'record',
          entityType: entity.entityType,
          entityId: id,
          message: `${entity.entityType} ${id} has no ledger entry: it was written behind the application's back`,
        });
      } else if (!sameState(stateOf(entity, row as never), entry.after)) {
        problems.push({
          kind: 'record',
          entityType: entity.entityType,
          entityId: id,
          seq: Number(entry.seq),
          message: `${entity.entityType} ${id} differs from the state recorded by ledger entry ${entry.seq}: it was changed behind the application's back`,
        });
      }
    }
    for (const [id, entry] of recorded) {
      problems.push({
        kind: 'record',
        entityType: entity.entityType,
        entityId: id,
        seq: Number(entry.seq),
        message: `${entity.entityType} ${id} is recorded by ledger entry ${entry.seq} but no longer exists: it was deleted`,
      });
    }
  }
  return { checked, problems };
}

/**
 * Verifies the whole ledger: the chain, the head, the latest signed checkpoint
 * (when one is given) and every ledgered record's current state.
 */
export async function verifyLedger(
  tx: Tx,
  options: { tables: readonly LedgeredTable[]; checkpoint?: Checkpoint; publicKey?: KeyObject },
): Promise<VerificationReport> {
  const problems: VerificationProblem[] = [];
  const { checkpoint, publicKey } = options;
  problems.push(...(await verifyGeneratedColumns(tx)));
  const chain = await verifyChain(tx, checkpoint?.count);
  if (chain.problem) problems.push(chain.problem);

  if (checkpoint) {
    if (!publicKey || !checkpointSignatureIsValid(checkpoint, publicKey)) {
      problems.push({
        kind: 'checkpoint',
        message: `The checkpoint of ${checkpoint.at} does not carry a valid signature for this key`,
      });
    } else if (chain.entries < checkpoint.count && !chain.problem) {
      problems.push({
        kind: 'checkpoint',
        seq: chain.entries + 1,
        message: `The checkpoint of ${checkpoint.at} was signed over ${checkpoint.count} entries but the ledger now has ${chain.entries}: entries ${chain.entries + 1} to ${checkpoint.count} were removed`,
      });
    } else if (chain.hashAtWanted !== undefined && chain.hashAtWanted !== checkpoint.rootHash) {
      problems.push({
        kind: 'checkpoint',
        seq: checkpoint.count,
        message: `Ledger entry ${checkpoint.count} does not have the hash the checkpoint of ${checkpoint.at} signed: the chain was rewritten`,
      });
    }
  }

  const records = await verifyRecords(tx, options.tables);
  problems.push(...records.problems);
  return {
    ok: problems.length === 0,
    entries: chain.entries,
    recordsChecked: records.checked,
    checkpoint: checkpoint ? { count: checkpoint.count, at: checkpoint.at } : undefined,
    problems,
  };
}
