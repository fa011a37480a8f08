import type { KeyObject } from 'node:crypto';
import { is, sql } from 'drizzle-orm';
import { PgliteSession } from 'drizzle-orm/pglite';
import { queryRows, type Tx } from '#src/db/client.ts';
import { chainHashOfBytes, contentDigestBytes, GENESIS_HASH, sameState } from './canonical.ts';
import { type Checkpoint, checkpointSignatureIsValid } from './checkpoint.ts';
import { type LedgeredTable, stateOf } from './records.ts';

/** One thing verification found wrong, said so a person can act on it. */
export interface VerificationProblem {
  kind: 'chain' | 'head' | 'checkpoint' | 'record';
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

interface EntryRow {
  seq: number | string;
  council_id: string | null;
  actor: string;
  at: string;
  action: string;
  entity_type: string;
  entity_id: string;
  reason: string | null;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
}

/** One entry as a page carries it: the columns of `ledger_entries`, in this order. */
type EntryTuple = [
  seq: number | string,
  councilId: string | null,
  actor: string,
  at: string,
  action: string,
  entityType: string,
  entityId: string,
  reason: string | null,
  before: unknown,
  after: unknown,
  prevHash: string,
  hash: string,
];

const PAGE = 2_000;
const COLUMNS = sql.raw(
  'seq, council_id, actor, at, action, entity_type, entity_id, reason, before, after, prev_hash, hash',
);

/**
 * The entries after `afterSeq`, in order, at most PAGE of them. PGlite decodes every
 * column of every row in JavaScript, so from PGlite a page travels as one JSON array
 * of arrays (the jsonb columns as their JSON text, which is what a driver parses them
 * from) and one `JSON.parse` gives the same values several times faster. A server's
 * driver decodes rows faster than the server would build that JSON, so from a server
 * the rows come as they are.
 */
async function entriesAfter(tx: Tx, afterSeq: number): Promise<EntryTuple[]> {
  if (is(tx._.session, PgliteSession)) {
    const [row] = await queryRows<{ page: string | null }>(
      tx,
      sql`
      SELECT json_agg(json_build_array(${COLUMNS}) ORDER BY seq)::text AS page
        FROM (SELECT * FROM ledger_entries WHERE seq > ${afterSeq} ORDER BY seq LIMIT ${PAGE}) AS entries`,
    );
    return row?.page ? (JSON.parse(row.page) as EntryTuple[]) : [];
  }
  const rows = await queryRows<EntryRow>(
    tx,
    sql`SELECT ${COLUMNS} FROM ledger_entries WHERE seq > ${afterSeq} ORDER BY seq LIMIT ${PAGE}`,
  );
  return rows.map((r) => [
    r.seq,
    r.council_id,
    r.actor,
    r.at,
    r.action,
    r.entity_type,
    r.entity_id,
    r.reason,
    r.before,
    r.after,
    r.prev_hash,
    r.hash,
  ]);
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
  lastHash: string;
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
    for (const row of page) {
      const seq = Number(row[0]);
      let problem: string | undefined;
      if (seq !== expectedSeq)
        problem = `expected entry ${expectedSeq} next, found ${seq}: entries are missing`;
      else if (row[10] !== prev)
        problem = 'its link to the previous entry does not match: the chain was altered';
      else {
        const digest = contentDigestBytes({
          councilId: row[1],
          actor: row[2],
          at: row[3],
          action: row[4],
          entityType: row[5],
          entityId: row[6],
          reason: row[7],
          before: row[8],
          after: row[9],
        });
        if (chainHashOfBytes(prev, digest) !== row[11])
          problem = 'its content does not match its hash: the entry was altered';
      }
      if (problem !== undefined) {
        // Let the read ahead finish, so that nothing is left running in the caller's transaction.
        await next?.catch(() => {});
        return {
          entries: expectedSeq - 1,
          lastHash: prev,
          hashAtWanted,
          problem: { kind: 'chain', seq, message: `Ledger entry ${seq}: ${problem}` },
        };
      }
      prev = row[11];
      if (seq === wantHashAt) hashAtWanted = row[11];
      expectedSeq += 1;
    }
  }
  return { entries: expectedSeq - 1, lastHash: prev, hashAtWanted };
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
      SELECT DISTINCT ON (entity_id) entity_id, seq, after
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
  const chain = await verifyChain(tx, checkpoint?.count);
  if (chain.problem) problems.push(chain.problem);

  const [h] = await queryRows<{ seq: number | string; hash: string }>(
    tx,
    sql`SELECT seq, hash FROM ledger_head WHERE id = 1`,
  );
  if (!chain.problem && (!h || Number(h.seq) !== chain.entries || h.hash !== chain.lastHash)) {
    problems.push({
      kind: 'head',
      message: `The ledger head says ${h?.seq ?? 'nothing'} entries but the chain has ${chain.entries}: entries were removed or added outside the application`,
    });
  }

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
