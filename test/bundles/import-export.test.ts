import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { demoBundle } from '#src/bundles/demo/index.ts';
import { bundleText, exportBundle } from '#src/bundles/export.ts';
import { importBundle, parseBundle, parseBundleText } from '#src/bundles/import.ts';
import { BundleError } from '#src/bundles/problems.ts';
import type { Bundle } from '#src/bundles/schema.ts';
import { queryRows, type Tx } from '#src/db/client.ts';
import { LEDGERED_TABLES } from '#src/db/ledgered.ts';
import { verifyLedger } from '#src/ledger/verify.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { recordsInBundle, snapshotCounts, uniqueGssCode } from '../support/fixtures.ts';
import { improvementSection } from '../support/improvement.ts';
import { licensingSection } from '../support/licensing-bundle.ts';
import { powersSection } from '../support/powers-bundle.ts';

const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$aGFzaGhhc2hoYXNoaGFzaA';

/** A small valid bundle of a new council, with ids and emails no other bundle uses, and a record of every kind. */
function smallBundle(): Bundle {
  const personId = randomUUID();
  const commissioner = randomUUID();
  const powers = powersSection({ commissioner, leader: personId });
  return {
    format: 'freshstart-bundle',
    version: 1,
    council: {
      id: randomUUID(),
      gssCode: uniqueGssCode(),
      name: 'Smallton Council',
      shortName: 'Smallton',
      withdrawnAt: null,
      withdrawnReason: null,
    },
    people: [
      {
        id: personId,
        name: 'A Person',
        kind: 'councillor',
        publicRole: 'Leader',
        party: 'Independent',
        fromDate: '2014-05-22',
        toDate: null,
        source: null,
        withdrawnAt: null,
        withdrawnReason: null,
      },
      {
        id: randomUUID(),
        name: 'B Person',
        kind: 'officer',
        publicRole: 'Chief Executive',
        party: null,
        fromDate: null,
        toDate: null,
        source: 'Annual report',
        withdrawnAt: '2021-03-01T10:15:30.000Z',
        withdrawnReason: 'Left the council',
      },
      {
        id: commissioner,
        name: 'C Person',
        kind: 'commissioner',
        publicRole: 'Lead Commissioner',
        party: null,
        fromDate: '2015-02-26',
        toDate: '2016-03-31',
        source: null,
        withdrawnAt: null,
        withdrawnReason: null,
      },
    ],
    users: [
      {
        id: randomUUID(),
        email: `${randomUUID()}@example.org`,
        name: 'A Person',
        role: 'councillor',
        personId,
        passwordHash: HASH,
        withdrawnAt: null,
        withdrawnReason: null,
      },
    ],
    powers,
    improvement: improvementSection({ chair: commissioner, leadMember: personId }).section,
    licensing: licensingSection(powers, personId),
  };
}

const recordsIn = recordsInBundle;

const byId = <T extends { id: string }>(items: readonly T[]) =>
  [...items].sort((a, b) => (a.id < b.id ? -1 : 1));

async function importAll(tx: Tx, bundle: Bundle) {
  return tx.transaction((t) => importBundle(t, bundle, 'test import'));
}

describe('importing and exporting council bundles', () => {
  let database: TestDatabase;
  let db: Tx;

  before(async () => {
    database = await createTestDatabase();
    db = database.db;
  });
  after(() => database.close());

  it('imports the demo bundle with a ledger entry for every record, and the ledger verifies', async () => {
    const bundle = demoBundle();
    const result = await importAll(db, bundle);
    const records = recordsIn(bundle);
    assert.deepEqual(result, { council: 'E08000018', records });
    const entries = await queryRows<{ action: string; actor: string; n: number | string }>(
      db,
      sql`SELECT body::json ->> 'action' AS action, body::json ->> 'actor' AS actor, count(*) AS n FROM ledger_entries GROUP BY 1, 2`,
    );
    assert.deepEqual(
      entries.map((e) => ({ ...e, n: Number(e.n) })),
      [{ action: 'import', actor: 'test import', n: records }],
    );
    const report = await verifyLedger(db, { tables: LEDGERED_TABLES });
    assert.deepEqual(report.problems, []);
    assert.equal(report.recordsChecked, records);
  });

  it('keeps department accounts out of a council’s export, as they belong to the deployment', async () => {
    const exported = (await exportBundle(db, 'E08000018')) as Bundle;
    const demo = demoBundle();
    assert.deepEqual(
      exported.users.map((u) => u.role).sort(),
      demo.users
        .filter((u) => u.role !== 'department')
        .map((u) => u.role)
        .sort(),
    );
    assert.equal(exported.people.length, demo.people.length);
  });

  it('exports nothing for a council that is not in the database', async () => {
    assert.equal(await exportBundle(db, 'E99999999'), undefined);
  });

  it('gives byte-identical text after import, export, import into an empty database and export', async () => {
    const withdrawn = smallBundle();
    await importAll(db, withdrawn);
    for (const code of ['E08000018', withdrawn.council.gssCode]) {
      const first = bundleText((await exportBundle(db, code)) as Bundle);
      const empty = await createTestDatabase();
      try {
        await importAll(empty.db, parseBundleText(first));
        const second = bundleText((await exportBundle(empty.db, code)) as Bundle);
        assert.equal(second, first);
        assert.deepEqual((await verifyLedger(empty.db, { tables: LEDGERED_TABLES })).problems, []);
      } finally {
        await empty.close();
      }
    }
  });

  it('exports the same bundle it imported, dates, withdrawals and every Powers record included', async () => {
    const bundle = smallBundle();
    const result = await importAll(db, bundle);
    assert.equal(result.records, recordsIn(bundle));
    // An export lists records in id order.
    const powers = Object.fromEntries(
      Object.entries(bundle.powers).map(([list, items]: [string, readonly { id: string }[]]) => [
        list,
        byId(items),
      ]),
    );
    const improvement = Object.fromEntries(
      Object.entries(bundle.improvement).map(([list, items]: [string, readonly { id: string }[]]) => [
        list,
        byId(items),
      ]),
    );
    const licensing = Object.fromEntries(
      Object.entries(bundle.licensing).map(([list, items]: [string, readonly { id: string }[]]) => [
        list,
        byId(items),
      ]),
    );
    const inIdOrder = { ...bundle, people: byId(bundle.people), powers, improvement, licensing };
    assert.deepEqual(await exportBundle(db, bundle.council.gssCode), inIdOrder);
  });

  it('writes each Powers record with its ledger entry, and the ledger verifies', async () => {
    const bundle = smallBundle();
    await importAll(db, bundle);
    const entries = await queryRows<{ type: string; n: number | string }>(
      db,
      sql`SELECT body::json ->> 'entityType' AS type, count(*) AS n FROM ledger_entries
          WHERE council_id = ${bundle.council.id} GROUP BY 1 ORDER BY 1`,
    );
    const counts = Object.fromEntries(entries.map((e) => [e.type, Number(e.n)]));
    assert.equal(counts.decision, bundle.powers.decisions.length);
    assert.equal(counts.restoration_step, bundle.powers.restorationSteps.length);
    assert.equal(
      Object.values(counts).reduce((a, b) => a + b, 0),
      recordsIn(bundle) - bundle.users.filter((u) => u.role === 'department').length,
    );
    assert.deepEqual((await verifyLedger(db, { tables: LEDGERED_TABLES })).problems, []);
  });

  it('refuses a council that is already in the database and changes nothing', async () => {
    const before = await snapshotCounts(db);
    await assert.rejects(importAll(db, demoBundle()), (error) => {
      assert.ok(error instanceof BundleError);
      const paths = error.problems.map((p) => p.path);
      assert.ok(paths.includes('$.council.gssCode'), paths.join());
      assert.ok(paths.includes('$.people[0].id'));
      assert.ok(paths.includes('$.users[0].id'));
      assert.ok(paths.includes('$.users[0].email'));
      return true;
    });
    assert.deepEqual(await snapshotCounts(db), before);
  });

  it('refuses a new council whose GSS code, person id or email is taken, and changes nothing', async () => {
    const taken = demoBundle();
    const cases: [string, (b: Bundle) => void][] = [
      ['$.council.gssCode', (b) => void (b.council.gssCode = 'E08000018')],
      [
        '$.people[1].id',
        (b) => void ((b.people[1] as Bundle['people'][number]).id = taken.people[0]?.id as string),
      ],
      [
        '$.users[0].email',
        (b) => void ((b.users[0] as Bundle['users'][number]).email = taken.users[3]?.email as string),
      ],
    ];
    for (const [path, mutate] of cases) {
      const before = await snapshotCounts(db);
      const bundle = smallBundle();
      mutate(bundle);
      await assert.rejects(importAll(db, bundle), (error) => {
        assert.ok(error instanceof BundleError);
        assert.deepEqual(
          error.problems.map((p) => p.path),
          [path],
        );
        return true;
      });
      assert.deepEqual(await snapshotCounts(db), before, path);
    }
  });

  it('refuses Powers records whose ids are already in the database, naming each, and changes nothing', async () => {
    const taken = smallBundle();
    await importAll(db, taken);
    // A new council and people with a copy of the Powers records already imported, which is otherwise valid.
    const bundle = smallBundle();
    let copied = JSON.stringify(taken.powers);
    taken.people.forEach((p, i) => {
      copied = copied.replaceAll(p.id, bundle.people[i]?.id as string);
    });
    bundle.powers = parseBundle({ ...bundle, powers: JSON.parse(copied), licensing: {} }).powers;
    bundle.licensing = licensingSection(bundle.powers, bundle.people[0]?.id as string);
    const before = await snapshotCounts(db);
    await assert.rejects(importAll(db, bundle), (error) => {
      assert.ok(error instanceof BundleError);
      const expected = Object.entries(bundle.powers).flatMap(([list, items]) =>
        items.map((_, i) => `$.powers.${list}[${i}].id`),
      );
      assert.deepEqual(error.problems.map((p) => p.path).sort(), expected.sort());
      assert.match(error.problems[0]?.message ?? '', /already in this database/);
      return true;
    });
    assert.deepEqual(await snapshotCounts(db), before);
  });

  it('imports a bundle with more people than one statement can bind as parameters (65,535)', async () => {
    const bundle = smallBundle();
    const template = bundle.people[0];
    assert.ok(template);
    bundle.users = [];
    const empty = parseBundle({
      ...bundle,
      people: [],
      users: [],
      powers: {},
      improvement: {},
      licensing: {},
    });
    bundle.powers = empty.powers;
    bundle.improvement = empty.improvement;
    bundle.licensing = empty.licensing;
    bundle.people = Array.from({ length: 70_000 }, (_, i) => ({
      ...template,
      id: randomUUID(),
      name: `Person ${i}`,
    }));
    const result = await importAll(db, bundle);
    assert.equal(result.records, 70_001);
    const [count] = await queryRows<{ n: number | string }>(
      db,
      sql`SELECT count(*) AS n FROM people WHERE council_id = ${bundle.council.id}`,
    );
    assert.equal(Number(count?.n), 70_000);
  });

  it('writes nothing at all when the database refuses a record part way through', async () => {
    const before = await snapshotCounts(db);
    const bundle = smallBundle();
    // Valid to the schema, but PostgreSQL text cannot hold a NUL: the account fails after the council and people are in.
    (bundle.users[0] as Bundle['users'][number]).name = 'A\u0000Person';
    await assert.rejects(importAll(db, bundle));
    assert.deepEqual(await snapshotCounts(db), before);
  });

  it('writes nothing at all when the database refuses the last Powers record', async () => {
    const before = await snapshotCounts(db);
    const bundle = smallBundle();
    // Decisions are the last Powers table written.
    const decision = bundle.powers.decisions.at(-1) as Bundle['powers']['decisions'][number];
    decision.reasons = 'Safeguarding\u0000';
    await assert.rejects(importAll(db, bundle));
    assert.deepEqual(await snapshotCounts(db), before);
  });
});
