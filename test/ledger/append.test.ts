import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '#src/db/client.ts';
import { LEDGERED_TABLES, personEntity } from '#src/db/ledgered.ts';
import { appendBatchToLedger, appendToLedger, type Change, lastEntry } from '#src/ledger/append.ts';
import { canonicalEncoding, entryHash, type LedgerContent } from '#src/ledger/canonical.ts';
import { ledgerHeadOf } from '#src/ledger/checkpoint.ts';
import { insertRecord, stateOf, updateLockedRecord } from '#src/ledger/records.ts';
import { verifyChain, verifyLedger } from '#src/ledger/verify.ts';
import type { Council } from '#src/modules/councils/schema.ts';
import { people } from '#src/modules/councils/schema.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { addCouncil, addPersonAt, countRows } from '../support/fixtures.ts';
import { errorText } from '../support/tamper.ts';

function change(n: number, councilId: string | null = null): Required<Change> {
  return {
    councilId,
    actor: 'test',
    at: `2025-01-01T00:00:${String(n % 60).padStart(2, '0')}.000Z`,
    action: 'note',
    entityType: 'note',
    entityId: `note-${n}`,
    reason: n % 2 ? `reason ${n}` : null,
    before: n % 3 ? null : { n: n - 1, text: 'é ✓ "quoted"' },
    after: { n, nested: { list: [n, 'x', null, true] } },
  };
}

/** The hashes canonical.ts says a chain starting at `from` must have. */
function expectedHashes(from: string, changes: readonly LedgerContent[]): string[] {
  let prev = from;
  return changes.map((c) => {
    prev = entryHash(prev, canonicalEncoding(c));
    return prev;
  });
}

async function entriesAfter(tx: Tx, seq: number) {
  return queryRows<{ seq: number | string; prev_hash: string; hash: string }>(
    tx,
    sql`SELECT seq, prev_hash, hash FROM ledger_entries WHERE seq > ${seq} ORDER BY seq`,
  );
}

describe('appending to the ledger', () => {
  let database: TestDatabase;
  let db: Tx;
  let council: Council;

  before(async () => {
    database = await createTestDatabase();
    db = database.db;
    council = await db.transaction((tx) => addCouncil(tx));
  });
  after(() => database.close());

  it('gives each single entry the chain hash canonical.ts computes, computed in SQL', async () => {
    const start = await ledgerHeadOf(db);
    const changes = [change(1, council.id), change(2), change(3, council.id)];
    const written = [];
    for (const c of changes) written.push(await db.transaction((tx) => appendToLedger(tx, c)));
    const hashes = expectedHashes(start.rootHash, changes);
    assert.deepEqual(
      written,
      hashes.map((hash, i) => ({ seq: start.count + i + 1, hash })),
    );
    const rows = await entriesAfter(db, start.count);
    assert.deepEqual(
      rows.map((r) => r.prev_hash),
      [start.rootHash, ...hashes.slice(0, -1)],
    );
    assert.deepEqual(await ledgerHeadOf(db), { count: start.count + 3, rootHash: hashes[2] });
  });

  it('gives a batch the same chain hashes, across more entries than one insert statement takes', async () => {
    const start = await ledgerHeadOf(db);
    const changes = Array.from({ length: 1203 }, (_, i) => change(i));
    await db.transaction((tx) => appendBatchToLedger(tx, changes));
    const hashes = expectedHashes(start.rootHash, changes);
    const rows = await entriesAfter(db, start.count);
    assert.equal(rows.length, 1203);
    assert.deepEqual(
      rows.map((r) => [Number(r.seq), r.hash]),
      hashes.map((h, i) => [start.count + i + 1, h]),
    );
    assert.deepEqual(await lastEntry(db), { count: start.count + 1203, rootHash: hashes.at(-1) });
    const single = await db.transaction((tx) => appendToLedger(tx, change(9999)));
    assert.equal(single.hash, entryHash(hashes.at(-1) as string, canonicalEncoding(change(9999))));
    assert.equal((await verifyChain(db, undefined)).problem, undefined);
  });

  it('writes nothing for an empty batch', async () => {
    const start = await ledgerHeadOf(db);
    await db.transaction((tx) => appendBatchToLedger(tx, []));
    assert.deepEqual(await ledgerHeadOf(db), start);
  });

  it('stamps an entry with the time it is written when the change has none', async () => {
    const before = Date.now();
    const { seq } = await db.transaction((tx) => appendToLedger(tx, { ...change(1), at: undefined }));
    const [row] = await queryRows<{ at: string }>(
      db,
      sql`SELECT body::json ->> 'at' AS at FROM ledger_entries WHERE seq = ${seq}`,
    );
    const at = Date.parse(row?.at ?? '');
    assert.ok(at >= before - 1000 && at <= Date.now() + 1000, `${row?.at} is now`);
  });

  it('leaves neither the change nor its ledger entry when the transaction fails half way', async () => {
    const start = await ledgerHeadOf(db);
    const people = await countRows(db, 'people');
    const id = randomUUID();
    await assert.rejects(
      db.transaction(async (tx) => {
        await insertRecord(
          tx,
          personEntity,
          { id, councilId: council.id, name: 'Half Way', kind: 'officer', publicRole: 'Chief Executive' },
          { actor: 'test' },
        );
        assert.equal(
          (await ledgerHeadOf(tx)).count,
          start.count + 1,
          'the entry was written in the transaction',
        );
        throw new Error('failed after the write');
      }),
      /failed after the write/,
    );
    assert.equal(await countRows(db, 'people'), people);
    assert.deepEqual(await ledgerHeadOf(db), start);
    const entries = await queryRows(db, sql`SELECT seq FROM ledger_entries WHERE entity_id = ${id}`);
    assert.equal(entries.length, 0);
  });

  it('updates a record the caller locked, with its before and after in the entry, in one statement', async () => {
    const person = await db.transaction((tx) => addPersonAt(tx, council.id, 'Before Name'));
    const start = await ledgerHeadOf(db);
    const updated = await db.transaction(async (tx) => {
      const [locked] = await tx.select().from(people).where(eq(people.id, person.id)).for('update');
      return updateLockedRecord(
        tx,
        personEntity,
        locked as typeof person,
        { name: 'After Name' },
        {
          actor: 'test',
          reason: 'renamed',
        },
      );
    });
    const [stored] = await db.select().from(people).where(eq(people.id, person.id));
    assert.deepEqual(stored, updated, 'the row stored is the row returned');
    assert.equal(stored?.name, 'After Name');
    const entries = await queryRows<{ body: string }>(
      db,
      sql`SELECT body FROM ledger_entries WHERE seq > ${start.count} ORDER BY seq`,
    );
    assert.equal(entries.length, 1);
    const body = JSON.parse(entries[0]?.body ?? '{}');
    assert.equal(body.action, 'update');
    assert.equal(body.reason, 'renamed');
    assert.deepEqual(body.before, stateOf(personEntity, person));
    assert.deepEqual(body.after, stateOf(personEntity, stored as typeof person));
    assert.deepEqual((await verifyLedger(db, { tables: LEDGERED_TABLES })).problems, []);
  });

  it('keeps one valid contiguous chain when many transactions append at once', async () => {
    const start = await ledgerHeadOf(db);
    const writers = Array.from({ length: 24 }, (_, i) =>
      db.transaction(async (tx) => {
        await addPersonAt(tx, council.id);
        // Hold the transaction open a moment so that writers overlap on a server.
        await tx.execute(sql`SELECT pg_sleep(0.01)`);
        if (i % 3 === 0) await appendBatchToLedger(tx, [change(i), change(i + 1)]);
        else await appendToLedger(tx, change(i, council.id));
      }),
    );
    await Promise.all(writers);
    const rows = await entriesAfter(db, start.count);
    assert.equal(rows.length, 24 + 8 * 2 + 16);
    assert.deepEqual(
      rows.map((r) => Number(r.seq)),
      rows.map((_, i) => start.count + i + 1),
    );
    const report = await verifyLedger(db, { tables: LEDGERED_TABLES });
    assert.deepEqual(report.problems, []);
    assert.equal(report.entries, start.count + rows.length);
  });

  it('refuses to update, delete or truncate a ledger entry', async () => {
    for (const statement of [
      sql`UPDATE ledger_entries SET body = 'mallory' WHERE seq = 1`,
      sql`DELETE FROM ledger_entries WHERE seq = 1`,
      sql`TRUNCATE ledger_entries`,
    ]) {
      await assert.rejects(db.execute(statement), (error) => {
        assert.match(errorText(error), /ledger entries are append-only: (UPDATE|DELETE|TRUNCATE) refused/);
        return true;
      });
    }
    assert.equal((await verifyChain(db, undefined)).problem, undefined);
  });
});
