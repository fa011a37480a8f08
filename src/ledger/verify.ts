import type { KeyObject } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '#src/db/client.ts';
import { chainHash, contentDigest, GENESIS_HASH, sameState } from './canonical.ts';
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

const PAGE = 10_000;

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
  for (;;) {
    const page = await queryRows<EntryRow>(
      tx,
      sql`
      SELECT seq, council_id, actor, at, action, entity_type, entity_id, reason, before, after, prev_hash, hash
        FROM ledger_entries WHERE seq >= ${expectedSeq} ORDER BY seq LIMIT ${PAGE}`,
    );
    for (const row of page) {
      const seq = Number(row.seq);
      const fail = (message: string) => ({
        entries: expectedSeq - 1,
        lastHash: prev,
        hashAtWanted,
        problem: { kind: 'chain' as const, seq, message: `Ledger entry ${seq}: ${message}` },
      });
      if (seq !== expectedSeq)
        return fail(`expected entry ${expectedSeq} next, found ${seq}: entries are missing`);
      if (row.prev_hash !== prev)
        return fail('its link to the previous entry does not match: the chain was altered');
      const digest = contentDigest({
        councilId: row.council_id,
        actor: row.actor,
        at: row.at,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        reason: row.reason,
        before: row.before,
        after: row.after,
      });
      if (chainHash(prev, digest) !== row.hash)
        return fail('its content does not match its hash: the entry was altered');
      prev = row.hash;
      if (seq === wantHashAt) hashAtWanted = row.hash;
      expectedSeq += 1;
    }
    if (page.length < PAGE) break;
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
