import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { holderEntity, licensingCheckEntity } from '#src/db/ledgered.ts';
import { withdrawRecord } from '#src/ledger/records.ts';
import { complianceFacts, forgetComplianceFacts } from '#src/modules/licensing/facts.ts';
import { complianceHolders } from '#src/modules/licensing/record.ts';
import type { ComplianceHolder } from '#src/modules/licensing/rules/compliance.ts';
import { addHolder, attemptLicence, recordCheck, refuseApplication } from '#src/modules/licensing/service.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { addApplicant, addLicensingCouncil, BY, checkInput, DRIVER } from '../support/licensing.ts';
import type { PowersCouncil } from '../support/powers.ts';

/*
 * The compliance facts kept between requests: after every kind of change a
 * later read gives exactly what reading the tables afresh gives.
 */

let database: TestDatabase;
let c: PowersCouncil;
let other: PowersCouncil;
const db = () => database.db;

before(async () => {
  database = await createTestDatabase();
  c = await db().transaction((tx) => addLicensingCouncil(tx));
  other = await db().transaction((tx) => addLicensingCouncil(tx));
});
after(() => database.close());

/** The facts as the tables hold them now, in id order, each holder's records in id order. */
const normalised = (holders: readonly ComplianceHolder[]) =>
  [...holders]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((h) => ({
      ...h,
      licences: [...h.licences].sort((a, b) => a.id.localeCompare(b.id)),
      checks: [...h.checks].sort((a, b) => a.id.localeCompare(b.id)),
    }));

async function assertSameAsTables(councilId: string) {
  const kept = await complianceFacts(db(), councilId);
  const fresh = await db().transaction((tx) => complianceHolders(tx, councilId));
  assert.deepEqual(normalised(kept), normalised(fresh));
  return kept;
}

describe('the compliance facts kept between requests', () => {
  test('are the tables’ facts on the first read, and the same list when nothing has changed since', async () => {
    await db().transaction((tx) => addApplicant(tx, c.council.id, 'PHD-20001'));
    const first = await assertSameAsTables(c.council.id);
    assert.equal(first.length, 1);
    assert.equal(
      await complianceFacts(db(), c.council.id),
      first,
      'nothing changed, so nothing was read again',
    );
  });

  test('take in a holder added, a check recorded, a gate attempt and a licence refused since the last read', async () => {
    const before = await complianceFacts(db(), c.council.id);
    const { holder, licence } = await db().transaction((tx) => addApplicant(tx, c.council.id, 'PHD-20002'));
    await db().transaction((tx) =>
      recordCheck(tx, c.council.id, holder.id, checkInput('dbs_enhanced', '2015-09-01'), '2015-11-27', BY),
    );
    await db().transaction((tx) =>
      attemptLicence(tx, c.council.id, licence.id, 'grant', '2015-11-27', '2018-11-26', BY),
    );
    await db().transaction((tx) =>
      refuseApplication(
        tx,
        c.council.id,
        licence.id,
        { refusedOn: '2015-11-27', reasons: 'The checks the Standards need were not provided' },
        BY,
      ),
    );
    const kept = await assertSameAsTables(c.council.id);
    assert.notEqual(kept, before, 'a new list, so a reader of the earlier one is not changed under it');
    assert.equal(kept.length, before.length + 1);
    const added = kept.find((h) => h.id === holder.id);
    assert.equal(added?.checks.length, 1);
    assert.equal(added?.licences[0]?.status, 'refused');
    assert.equal(
      before.find((h) => h.id === holder.id),
      undefined,
      'the earlier list is as it was',
    );
  });

  test('leave out a check withdrawn, and a holder withdrawn with all their records', async () => {
    const holder = await db().transaction((tx) => addHolder(tx, c.council.id, DRIVER, BY));
    const recorded = await db().transaction((tx) =>
      recordCheck(tx, c.council.id, holder.id, checkInput('medical', '2015-08-01'), '2015-11-27', BY),
    );
    assert.equal((await assertSameAsTables(c.council.id)).find((h) => h.id === holder.id)?.checks.length, 1);
    await db().transaction((tx) =>
      withdrawRecord(tx, licensingCheckEntity, recorded.id, {
        ...BY,
        reason: 'Recorded against the wrong driver',
      }),
    );
    assert.deepEqual((await assertSameAsTables(c.council.id)).find((h) => h.id === holder.id)?.checks, []);
    await db().transaction((tx) =>
      withdrawRecord(tx, holderEntity, holder.id, { ...BY, reason: 'Entered twice' }),
    );
    assert.equal(
      (await assertSameAsTables(c.council.id)).find((h) => h.id === holder.id),
      undefined,
    );
  });

  test('of one council are not changed by another council’s records', async () => {
    const before = await assertSameAsTables(c.council.id);
    await db().transaction((tx) => addApplicant(tx, other.council.id, 'PHD-20003'));
    const kept = await assertSameAsTables(c.council.id);
    assert.deepEqual(normalised(kept), normalised(before));
    assert.equal((await assertSameAsTables(other.council.id)).length, 1);
  });

  test('are read afresh once forgotten, and come to the same', async () => {
    const before = await complianceFacts(db(), c.council.id);
    forgetComplianceFacts(db());
    const again = await assertSameAsTables(c.council.id);
    assert.notEqual(again, before);
    assert.deepEqual(normalised(again), normalised(before));
  });
});
