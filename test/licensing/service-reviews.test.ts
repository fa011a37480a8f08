import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { reviewCases, reviewHearings } from '#src/modules/licensing/schema.ts';
import { adjournHearing, closeCase, decideCase, startInvestigation } from '#src/modules/licensing/service.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import {
  addCase,
  addHearing,
  addLicensingCouncil,
  assertRefused,
  BY,
  countOf,
  entriesOf,
} from '../support/licensing.ts';
import type { PowersCouncil } from '../support/powers.ts';

/*
 * The Licensing service's changes to fit-and-proper review cases on a real
 * database: starting the investigation, adjourning a hearing and closing a case
 * without one. Each writes the change with a ledger entry holding the case or
 * hearing before and after; each refusal leaves the tables and the ledger as
 * they were. The cases are opened on 2 March 2015 (support/licensing.ts).
 */

let database: TestDatabase;
let c: PowersCouncil;
let other: PowersCouncil;
const db = () => database.db;
const councilId = () => c.council.id;

before(async () => {
  database = await createTestDatabase();
  c = await db().transaction((tx) => addLicensingCouncil(tx));
  other = await db().transaction((tx) => addLicensingCouncil(tx));
});
after(() => database.close());

const newCase = (at = c) => db().transaction((tx) => addCase(tx, at, `FPR-${randomUUID().slice(0, 8)}`));
const caseRow = async (id: string) =>
  (await db().select().from(reviewCases).where(eq(reviewCases.id, id)))[0];
const hearingRow = async (id: string) =>
  (await db().select().from(reviewHearings).where(eq(reviewHearings.id, id)))[0];

/** A case with a hearing fixed on 2 November for 10 December 2015, decided there with a formal warning. */
async function decidedCase() {
  const opened = await newCase();
  return db().transaction(async (tx) => {
    const hearing = await addHearing(tx, c, opened.id);
    await decideCase(
      tx,
      councilId(),
      opened.id,
      {
        hearingId: hearing.id,
        decidedOn: '2015-12-10',
        decidedByPersonId: c.commissioner.id,
        proposedOutcome: null,
        proposedByPersonId: null,
        outcome: 'formal_warning',
        reasons: 'A first complaint, admitted',
        effectiveOn: '2015-12-10',
        immediate: false,
        suspensionDays: null,
      },
      BY,
    );
    return { opened, hearing };
  });
}

describe('starting an investigation', () => {
  const start = (caseId: string, on: string) => () =>
    db().transaction((tx) => startInvestigation(tx, councilId(), caseId, on, BY));

  test('records the day on the case, with a ledger entry of the case before and after', async () => {
    const opened = await newCase();
    const count = await countOf(db(), 'licensing_review_case');
    await start(opened.id, '2015-03-02')();
    assert.equal((await caseRow(opened.id))?.investigationStartedOn, '2015-03-02');
    assert.equal(await countOf(db(), 'licensing_review_case'), count + 1);
    const entries = await entriesOf(db(), 'licensing_review_case', opened.id);
    assert.deepEqual(
      entries.map((e) => [e.action, e.before?.investigationStartedOn, e.after?.investigationStartedOn]),
      [
        ['create', undefined, null],
        ['investigate', null, '2015-03-02'],
      ],
    );
  });

  test('refuses to start it twice, and changes nothing', async () => {
    const opened = await newCase();
    await start(opened.id, '2015-03-09')();
    await assertRefused(
      db(),
      start(opened.id, '2015-03-10'),
      'startedOn',
      'The investigation of this case has already started',
    );
    assert.equal((await caseRow(opened.id))?.investigationStartedOn, '2015-03-09');
  });

  test('refuses a start before the case was opened', async () => {
    const opened = await newCase();
    await assertRefused(
      db(),
      start(opened.id, '2015-03-01'),
      'startedOn',
      'The investigation cannot start before 2 March 2015',
    );
  });

  test('refuses to start the investigation of a case closed or decided', async () => {
    const closed = await newCase();
    await db().transaction((tx) =>
      closeCase(tx, councilId(), closed.id, { closedOn: '2015-04-01', reason: 'Withdrawn' }, BY),
    );
    const { opened: decided } = await decidedCase();
    for (const id of [closed.id, decided.id])
      await assertRefused(db(), start(id, '2015-12-11'), 'case', 'This case is no longer open');
  });

  test("refuses a case the council does not have, or another council's", async () => {
    const elsewhere = await newCase(other);
    for (const id of [randomUUID(), elsewhere.id])
      await assertRefused(db(), start(id, '2015-03-09'), 'form', 'There is no such review case.');
  });
});

describe('adjourning a hearing', () => {
  const adjourn =
    (caseId: string, adjournedOn = '2015-12-10', reason = 'The holder is in hospital') =>
    () =>
      db().transaction((tx) => adjournHearing(tx, councilId(), caseId, { adjournedOn, reason }, BY));

  test('adjourns the standing hearing with its reason in the record and the ledger; another can then be fixed', async () => {
    const opened = await newCase();
    const hearing = await db().transaction((tx) => addHearing(tx, c, opened.id));
    await adjourn(opened.id)();
    const row = await hearingRow(hearing.id);
    assert.equal(row?.adjournedOn, '2015-12-10');
    assert.equal(row?.adjournedReason, 'The holder is in hospital');
    const entries = await entriesOf(db(), 'licensing_review_hearing', hearing.id);
    assert.deepEqual(
      entries.map((e) => [e.action, e.reason, e.after?.adjournedOn]),
      [
        ['create', null, null],
        ['adjourn', 'The holder is in hospital', '2015-12-10'],
      ],
    );
    const next = await db().transaction((tx) => addHearing(tx, c, opened.id, '2015-12-10'));
    assert.equal(next.adjournedOn, null);
  });

  test('refuses when no hearing stands: none fixed, or the one fixed already adjourned', async () => {
    const unheard = await newCase();
    await assertRefused(db(), adjourn(unheard.id), 'form', 'This case has no hearing standing to adjourn');
    const adjourned = await newCase();
    const hearing = await db().transaction((tx) => addHearing(tx, c, adjourned.id));
    await adjourn(adjourned.id)();
    await assertRefused(
      db(),
      adjourn(adjourned.id, '2015-12-11'),
      'form',
      'This case has no hearing standing to adjourn',
    );
    assert.equal((await hearingRow(hearing.id))?.adjournedOn, '2015-12-10');
  });

  test('refuses once the case is decided at the hearing', async () => {
    const { opened, hearing } = await decidedCase();
    await assertRefused(
      db(),
      adjourn(opened.id, '2015-12-11'),
      'form',
      'This case has no hearing standing to adjourn',
    );
    assert.equal((await hearingRow(hearing.id))?.adjournedOn, null);
  });

  test('refuses an adjournment dated before the hearing was fixed', async () => {
    const opened = await newCase();
    await db().transaction((tx) => addHearing(tx, c, opened.id));
    await assertRefused(
      db(),
      adjourn(opened.id, '2015-11-01'),
      'adjournedOn',
      'The hearing was fixed on 2 November 2015; it cannot be adjourned before',
    );
  });

  test("refuses a case the council does not have, or another council's", async () => {
    const elsewhere = await newCase(other);
    for (const id of [randomUUID(), elsewhere.id])
      await assertRefused(db(), adjourn(id), 'form', 'There is no such review case.');
  });
});

describe('closing a case without a hearing', () => {
  const close =
    (caseId: string, closedOn = '2015-04-01', reason = 'The complaint was withdrawn') =>
    () =>
      db().transaction((tx) => closeCase(tx, councilId(), caseId, { closedOn, reason }, BY));

  test('closes the case on the day with its reason, in the record and the ledger', async () => {
    const opened = await newCase();
    const count = await countOf(db(), 'licensing_review_case');
    await close(opened.id)();
    const row = await caseRow(opened.id);
    assert.equal(row?.closedOn, '2015-04-01');
    assert.equal(row?.closedReason, 'The complaint was withdrawn');
    assert.equal(await countOf(db(), 'licensing_review_case'), count + 1);
    const [, closing, ...rest] = await entriesOf(db(), 'licensing_review_case', opened.id);
    assert.equal(rest.length, 0);
    assert.deepEqual(
      [closing?.action, closing?.reason, closing?.before?.closedOn, closing?.after?.closedOn],
      ['close', 'The complaint was withdrawn', null, '2015-04-01'],
    );
  });

  test('refuses to close a case whose hearing is fixed until the hearing is adjourned', async () => {
    const opened = await newCase();
    await db().transaction((tx) => addHearing(tx, c, opened.id));
    await assertRefused(
      db(),
      close(opened.id, '2015-11-20', 'Licence surrendered'),
      'case',
      'This case has a hearing fixed for 10 December 2015: adjourn it, with the reason, before closing the case without a hearing',
    );
    assert.equal((await caseRow(opened.id))?.closedOn, null);
    await db().transaction((tx) =>
      adjournHearing(
        tx,
        councilId(),
        opened.id,
        { adjournedOn: '2015-11-20', reason: 'Licence surrendered' },
        BY,
      ),
    );
    await close(opened.id, '2015-11-20', 'Licence surrendered')();
    assert.equal((await caseRow(opened.id))?.closedOn, '2015-11-20');
  });

  test('refuses to close a case twice, and changes nothing', async () => {
    const opened = await newCase();
    await close(opened.id)();
    await assertRefused(db(), close(opened.id, '2015-05-01', 'Again'), 'case', 'This case is already closed');
    assert.equal((await caseRow(opened.id))?.closedReason, 'The complaint was withdrawn');
  });

  test('refuses to close a decided case: it closes when its appeal window ends', async () => {
    const { opened } = await decidedCase();
    await assertRefused(
      db(),
      close(opened.id, '2015-12-11'),
      'case',
      'A decided case closes when its appeal window ends',
    );
  });

  test('refuses a closing date before the case was opened, and a blank reason', async () => {
    const opened = await newCase();
    await assertRefused(
      db(),
      close(opened.id, '2015-03-01'),
      'closedOn',
      'The case cannot close before it was opened on 2 March 2015',
    );
    await assertRefused(
      db(),
      close(opened.id, '2015-04-01', '  '),
      'reason',
      'Enter why the case is closed without a hearing',
    );
    assert.equal((await caseRow(opened.id))?.closedOn, null);
  });

  test("refuses a case the council does not have, or another council's", async () => {
    const elsewhere = await newCase(other);
    for (const id of [randomUUID(), elsewhere.id])
      await assertRefused(db(), close(id), 'form', 'There is no such review case.');
  });
});
