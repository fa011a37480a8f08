import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '#src/db/client.ts';
import { LEDGERED_TABLES } from '#src/db/ledgered.ts';
import { entryHash } from '#src/ledger/canonical.ts';
import { ledgerHeadOf } from '#src/ledger/checkpoint.ts';
import { type VerificationReport, verifyLedger } from '#src/ledger/verify.ts';
import type { Council, Person } from '#src/modules/councils/schema.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { addCouncil, addPersonAt } from '../support/fixtures.ts';
import { bypassingAppendOnly } from '../support/tamper.ts';

interface EntryRow {
  seq: number | string;
  body: string;
  actor: string;
  prev_hash: string;
  hash: string;
}

async function entryOf(tx: Tx, entityId: string): Promise<EntryRow> {
  const [row] = await queryRows<EntryRow>(
    tx,
    sql`SELECT seq, body, body::json ->> 'actor' AS actor, prev_hash, hash FROM ledger_entries WHERE entity_id = ${entityId} ORDER BY seq DESC LIMIT 1`,
  );
  assert.ok(row, `a ledger entry for ${entityId}`);
  return row;
}

function reinsert(tx: Tx, r: EntryRow) {
  return tx.execute(sql`INSERT INTO ledger_entries (seq, body, prev_hash, hash)
    VALUES (${r.seq}, ${r.body}, ${r.prev_hash}, ${r.hash})`);
}

/** The body of an entry with its actor replaced, as an attacker editing the JSON would write it. */
function withActor(r: EntryRow, actor: string): string {
  return r.body.replace(`"actor":${JSON.stringify(r.actor)}`, `"actor":${JSON.stringify(actor)}`);
}

describe('ledger verification', () => {
  let database: TestDatabase;
  let db: Tx;
  let council: Council;
  let people: Person[];
  const verify = (): Promise<VerificationReport> => verifyLedger(db, { tables: LEDGERED_TABLES });

  before(async () => {
    database = await createTestDatabase();
    db = database.db;
    council = await db.transaction((tx) => addCouncil(tx));
    people = [];
    for (let i = 0; i < 4; i++) people.push(await db.transaction((tx) => addPersonAt(tx, council.id)));
  });
  after(() => database.close());

  /** Each test undoes its tampering; the ledger must verify again afterwards. */
  async function assertVerifies() {
    const report = await verify();
    assert.deepEqual(report.problems, []);
    assert.equal(report.ok, true);
  }

  it('passes a ledger written only through the application, checking every record', async () => {
    const report = await verify();
    assert.deepEqual(report.problems, []);
    assert.equal(report.ok, true);
    assert.equal(report.entries, 5);
    assert.equal(report.recordsChecked, 5);
    assert.equal(report.checkpoint, undefined);
  });

  it('names the ledger entry whose content was altered directly with SQL', async () => {
    const target = await entryOf(db, (people[1] as Person).id);
    await bypassingAppendOnly(db, (tx) =>
      tx.execute(
        sql`UPDATE ledger_entries SET body = ${withActor(target, 'someone else')} WHERE seq = ${target.seq}`,
      ),
    );
    const report = await verify();
    assert.equal(report.ok, false);
    assert.equal(report.problems.length, 1);
    assert.deepEqual(report.problems[0], {
      kind: 'chain',
      seq: Number(target.seq),
      message: `Ledger entry ${target.seq}: its content does not match its hash: the entry was altered`,
    });
    assert.equal(report.entries, Number(target.seq) - 1, 'the entries before it still verify');
    await bypassingAppendOnly(db, (tx) =>
      tx.execute(sql`UPDATE ledger_entries SET body = ${target.body} WHERE seq = ${target.seq}`),
    );
    await assertVerifies();
  });

  it('names the altered entry when the alteration puts a line break or tab into its body', async () => {
    const target = await entryOf(db, (people[3] as Person).id);
    const broken = `${target.body.slice(0, 10)}\n\t${target.body.slice(10)}`;
    await bypassingAppendOnly(db, (tx) =>
      tx.execute(sql`UPDATE ledger_entries SET body = ${broken} WHERE seq = ${target.seq}`),
    );
    const report = await verify();
    assert.deepEqual(report.problems[0], {
      kind: 'chain',
      seq: Number(target.seq),
      message: `Ledger entry ${target.seq}: its content does not match its hash: the entry was altered`,
    });
    await bypassingAppendOnly(db, (tx) =>
      tx.execute(sql`UPDATE ledger_entries SET body = ${target.body} WHERE seq = ${target.seq}`),
    );
    await assertVerifies();
  });

  it('names the next entry when an altered entry is given a matching hash, as its link then breaks', async () => {
    const target = await entryOf(db, (people[0] as Person).id);
    const forged = withActor(target, 'someone else');
    assert.notEqual(forged, target.body);
    const hash = entryHash(target.prev_hash, forged);
    await bypassingAppendOnly(db, (tx) =>
      tx.execute(sql`UPDATE ledger_entries SET body = ${forged}, hash = ${hash} WHERE seq = ${target.seq}`),
    );
    const report = await verify();
    const next = Number(target.seq) + 1;
    assert.deepEqual(report.problems[0], {
      kind: 'chain',
      seq: next,
      message: `Ledger entry ${next}: its link to the previous entry does not match: the chain was altered`,
    });
    await bypassingAppendOnly(db, (tx) =>
      tx.execute(
        sql`UPDATE ledger_entries SET body = ${target.body}, hash = ${target.hash} WHERE seq = ${target.seq}`,
      ),
    );
    await assertVerifies();
  });

  it('names the entry where numbering jumps when an entry is deleted from the middle', async () => {
    const target = await entryOf(db, (people[2] as Person).id);
    await bypassingAppendOnly(db, (tx) =>
      tx.execute(sql`DELETE FROM ledger_entries WHERE seq = ${target.seq}`),
    );
    const report = await verify();
    const next = Number(target.seq) + 1;
    assert.deepEqual(report.problems[0], {
      kind: 'chain',
      seq: next,
      message: `Ledger entry ${next}: expected entry ${target.seq} next, found ${next}: entries are missing`,
    });
    await bypassingAppendOnly(db, (tx) => reinsert(tx, target));
    await assertVerifies();
  });

  it('catches an entry added to the end of the ledger behind the application’s back', async () => {
    const head = await ledgerHeadOf(db);
    const seq = head.count + 1;
    const body = JSON.stringify({
      action: 'note',
      actor: 'mallory',
      at: '2025-01-01T00:00:00.000Z',
      councilId: council.id,
    });
    await db.execute(sql`INSERT INTO ledger_entries (seq, body, prev_hash, hash)
      VALUES (${seq}, ${body}, ${head.rootHash}, ${'e'.repeat(64)})`);
    const report = await verify();
    assert.deepEqual(report.problems[0], {
      kind: 'chain',
      seq,
      message: `Ledger entry ${seq}: its content does not match its hash: the entry was altered`,
    });
    await bypassingAppendOnly(db, (tx) => tx.execute(sql`DELETE FROM ledger_entries WHERE seq = ${seq}`));
    await assertVerifies();
  });

  it('names a council altered directly with SQL and the ledger entry it no longer matches', async () => {
    const entry = await entryOf(db, council.id);
    await db.execute(sql`UPDATE councils SET name = 'Renamed Council' WHERE id = ${council.id}`);
    const report = await verify();
    assert.deepEqual(report.problems, [
      {
        kind: 'record',
        entityType: 'council',
        entityId: council.id,
        seq: Number(entry.seq),
        message: `council ${council.id} differs from the state recorded by ledger entry ${entry.seq}: it was changed behind the application's back`,
      },
    ]);
    await db.execute(sql`UPDATE councils SET name = ${council.name} WHERE id = ${council.id}`);
    await assertVerifies();
  });

  it('catches a person whose date was altered directly with SQL', async () => {
    const person = people[3] as Person;
    await db.execute(sql`UPDATE people SET from_date = '2016-01-01' WHERE id = ${person.id}`);
    const report = await verify();
    assert.equal(report.problems.length, 1);
    assert.equal(report.problems[0]?.entityType, 'person');
    assert.equal(report.problems[0]?.entityId, person.id);
    assert.match(report.problems[0]?.message ?? '', /changed behind the application's back/);
    await db.execute(sql`UPDATE people SET from_date = ${person.fromDate} WHERE id = ${person.id}`);
    await assertVerifies();
  });

  it('catches a person inserted behind the application’s back', async () => {
    const id = randomUUID();
    await db.execute(sql`INSERT INTO people (id, council_id, name, kind, public_role)
      VALUES (${id}, ${council.id}, 'Ghost', 'officer', 'Chief Executive')`);
    const report = await verify();
    assert.deepEqual(report.problems, [
      {
        kind: 'record',
        entityType: 'person',
        entityId: id,
        message: `person ${id} has no ledger entry: it was written behind the application's back`,
      },
    ]);
    await db.execute(sql`DELETE FROM people WHERE id = ${id}`);
    await assertVerifies();
  });

  it('catches a person deleted behind the application’s back', async () => {
    const person = people[3] as Person;
    const entry = await entryOf(db, person.id);
    await db.execute(sql`DELETE FROM people WHERE id = ${person.id}`);
    const report = await verify();
    assert.deepEqual(report.problems, [
      {
        kind: 'record',
        entityType: 'person',
        entityId: person.id,
        seq: Number(entry.seq),
        message: `person ${person.id} is recorded by ledger entry ${entry.seq} but no longer exists: it was deleted`,
      },
    ]);
    await db.execute(sql`INSERT INTO people (id, council_id, name, kind, public_role, from_date)
      VALUES (${person.id}, ${council.id}, ${person.name}, ${person.kind}, ${person.publicRole}, ${person.fromDate})`);
    await assertVerifies();
  });
});

describe('the ledger’s query columns', () => {
  let database: TestDatabase;
  let db: Tx;

  before(async () => {
    database = await createTestDatabase();
    db = database.db;
    const council = await db.transaction((tx) => addCouncil(tx));
    await db.transaction((tx) => addPersonAt(tx, council.id));
  });
  after(() => database.close());

  it('are generated from each entry’s body, so they cannot be set apart from it', async () => {
    await assert.rejects(
      bypassingAppendOnly(db, (tx) =>
        tx.execute(sql`UPDATE ledger_entries SET entity_type = 'nothing' WHERE seq = 1`),
      ),
    );
    const [entry] = await queryRows<{ entity_type: string; body: string }>(
      db,
      sql`SELECT entity_type, body FROM ledger_entries WHERE seq = 1`,
    );
    assert.equal(entry?.entity_type, (JSON.parse(entry?.body ?? '{}') as { entityType: string }).entityType);
  });

  it('are reported when one is turned into a plain column that could say what its entry does not', async () => {
    await db.execute(sql`ALTER TABLE ledger_entries ALTER COLUMN entity_type DROP EXPRESSION`);
    const report = await verifyLedger(db, { tables: LEDGERED_TABLES });
    assert.equal(report.ok, false);
    assert.deepEqual(
      report.problems.map((p) => p.message),
      [
        "The ledger column entity_type is no longer generated from each entry's body: the ledger's table was altered",
      ],
    );
  });
});
