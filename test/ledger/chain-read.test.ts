import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '#src/db/client.ts';
import { appendBatchToLedger, type Change } from '#src/ledger/append.ts';
import { verifyChain } from '#src/ledger/verify.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { addCouncil } from '../support/fixtures.ts';
import { bypassingAppendOnly } from '../support/tamper.ts';

/** More than two of PGlite's pages of 5,000, so that reading on from page to page is tested. */
const ENTRIES = 12_345;

function change(councilId: string, n: number): Change {
  return {
    councilId,
    actor: 'test',
    action: 'note',
    entityType: 'test-note',
    entityId: `note-${n}`,
    before: null,
    after: { n, text: `Note ${n}: Dóra’s “licence” 🚕 ${'·'.repeat(n % 13)}` },
  };
}

describe('reading the chain to verify it', () => {
  let database: TestDatabase;
  let db: Tx;
  // On PGlite both ways of hashing are tested; on a server there is one way (binary COPY).
  const ways: { name: string; useWorker?: boolean }[] = [];

  before(async () => {
    database = await createTestDatabase();
    db = database.db;
    if (database.driver === 'pglite')
      ways.push({ name: 'on this thread', useWorker: false }, { name: 'on a worker', useWorker: true });
    else ways.push({ name: 'from a binary COPY stream' });
    const council = await db.transaction((tx) => addCouncil(tx));
    const changes = Array.from({ length: ENTRIES - 1 }, (_, i) => change(council.id, i));
    await db.transaction((tx) => appendBatchToLedger(tx, changes));
  });
  after(() => database.close());

  it('verifies every entry, across pages, and gives the hash at a checkpointed position', async () => {
    const [at] = await queryRows<{ hash: string }>(db, sql`SELECT hash FROM ledger_entries WHERE seq = 6000`);
    for (const way of ways) {
      const chain = await db.transaction((tx) => verifyChain(tx, 6000, way));
      assert.equal(chain.problem, undefined, way.name);
      assert.equal(chain.entries, ENTRIES, way.name);
      assert.equal(chain.hashAtWanted, at?.hash, way.name);
    }
  });

  it('names an entry altered in a later page, with the entries before it counted', async () => {
    const [row] = await queryRows<{ body: string }>(
      db,
      sql`SELECT body FROM ledger_entries WHERE seq = 7777`,
    );
    const original = row?.body as string;
    await bypassingAppendOnly(db, (tx) =>
      tx.execute(sql`UPDATE ledger_entries SET body = ${original.replace('Dóra', 'Dora')} WHERE seq = 7777`),
    );
    try {
      for (const way of ways) {
        const chain = await verifyChain(db, undefined, way);
        assert.deepEqual(
          chain.problem,
          {
            kind: 'chain',
            seq: 7777,
            message: 'Ledger entry 7777: its content does not match its hash: the entry was altered',
          },
          way.name,
        );
        assert.equal(chain.entries, 7776, way.name);
      }
    } finally {
      await bypassingAppendOnly(db, (tx) =>
        tx.execute(sql`UPDATE ledger_entries SET body = ${original} WHERE seq = 7777`),
      );
    }
    for (const way of ways) assert.equal((await verifyChain(db, undefined, way)).problem, undefined);
  });

  it('names the first of the newest entries when they were cut off and the rest renumbered', async () => {
    const [row] = await queryRows<{ prev_hash: string }>(
      db,
      sql`SELECT prev_hash FROM ledger_entries WHERE seq = 12000`,
    );
    await bypassingAppendOnly(db, (tx) =>
      tx.execute(sql`UPDATE ledger_entries SET prev_hash = ${`${row?.prev_hash}ff`} WHERE seq = 12000`),
    );
    try {
      for (const way of ways) {
        const chain = await verifyChain(db, undefined, way);
        assert.equal(chain.problem?.seq, 12000, way.name);
        assert.match(chain.problem?.message ?? '', /its link to the previous entry does not match/, way.name);
      }
    } finally {
      await bypassingAppendOnly(db, (tx) =>
        tx.execute(sql`UPDATE ledger_entries SET prev_hash = ${row?.prev_hash} WHERE seq = 12000`),
      );
    }
  });
});
