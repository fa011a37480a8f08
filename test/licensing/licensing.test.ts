import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { demoBundle } from '#src/bundles/demo/index.ts';
import { queryRows } from '#src/db/client.ts';
import { licences, registerEntries } from '#src/modules/licensing/schema.ts';
import {
  attemptLicence,
  decideCase,
  LicensingRuleError,
  openCase,
  scheduleHearing,
} from '#src/modules/licensing/service.ts';
import { decisions } from '#src/modules/powers/schema.ts';
import { PowersRuleError } from '#src/modules/powers/service.ts';
import { createTestApp, DEMO_GSS, ledgerHeadOf, type TestApp, type Visitor } from '../support/app.ts';

/*
 * The Licensing module end to end on the demo council: the gate records every
 * attempt and refuses a renewal with what is missing; a panel decision goes
 * through the Powers holder rule; the API serves the review summary, the
 * compliance view and the register, and a search is recorded.
 */

let t: TestApp;
let officer: Visitor;
let councillor: Visitor;
const demo = demoBundle();
const BY = { actor: 'licensing@demo.freshstart.test' };
const db = () => t.app.database.db;

before(async () => {
  t = await createTestApp();
  officer = await t.signIn('licensing_officer');
  councillor = await t.signIn('councillor');
});
after(() => t.close());

const councilId = demo.council.id;
const overdueDriver = () => {
  const holder = demo.licensing.holders.find((h) => h.name.startsWith('Rene Overdue'));
  const licence = demo.licensing.licences.find((l) => l.holderId === holder?.id);
  assert.ok(holder && licence);
  return { holder, licence };
};

const countOf = async (entityType: string) =>
  Number(
    (
      await queryRows<{ n: string }>(
        db(),
        sql`SELECT count(*) AS n FROM ledger_entries WHERE body::json ->> 'entityType' = ${entityType}`,
      )
    )[0]?.n,
  );

describe('the gate', () => {
  test('refuses to renew a licence whose DBS status check is overdue, says why, and records the attempt only', async () => {
    const { licence } = overdueDriver();
    const attempts = await countOf('licence_gate_attempt');
    const outcome = await db().transaction((tx) =>
      attemptLicence(tx, councilId, licence.id, 'renew', '2015-11-27', '2018-11-26', BY),
    );
    assert.equal(outcome.decision.allowed, false);
    assert.deepEqual(
      outcome.decision.problems.map((p) => p.message),
      [
        'The DBS update service status check is overdue: the last was on 15 April 2015 and it ran out on 15 October 2015',
      ],
    );
    assert.equal(outcome.attempt.allowed, false);
    assert.equal(await countOf('licence_gate_attempt'), attempts + 1);
    const [row] = await db().select().from(licences).where(eq(licences.id, licence.id));
    assert.equal(row?.endOn, licence.endOn, 'the licence is unchanged');
    assert.equal(row?.status, 'granted');
  });

  test('grants nothing to an applicant without safeguarding training, however often it is tried', async () => {
    const application = demo.licensing.licences.find((l) => l.status === 'application');
    assert.ok(application);
    for (let i = 0; i < 2; i++) {
      const outcome: Awaited<ReturnType<typeof attemptLicence>> = await db().transaction((tx) =>
        attemptLicence(tx, councilId, application.id, 'grant', '2015-11-27', '2018-11-26', BY),
      );
      assert.deepEqual(
        outcome.decision.problems.map((p) => p.field),
        ['safeguarding_training'],
      );
    }
    const [row] = await db().select().from(licences).where(eq(licences.id, application.id));
    assert.equal(row?.status, 'application');
  });
});

describe('panel decisions', () => {
  let caseId = '';
  let licenceId = '';
  let hearing = { id: '', hearingOn: '2016-04-14' };
  const ney = () =>
    demo.people.find((p) => p.publicRole === 'Commissioner (licensing functions)')?.id as string;

  before(async () => {
    const holder = demo.licensing.holders.find((h) => h.name.startsWith('Sam Examplewood'));
    const licence = demo.licensing.licences.find((l) => l.holderId === holder?.id);
    const taxi = demo.powers.functions.find((f) => f.code === 'lic-taxi');
    const chair = demo.people.find((p) => p.name === 'Chair of the Licensing Advisory Committee');
    assert.ok(holder && licence && taxi && chair);
    licenceId = licence.id;
    await db().transaction(async (tx) => {
      const opened = await openCase(
        tx,
        councilId,
        {
          reference: 'FPR-2016-TEST',
          holderId: holder.id,
          licenceId: licence.id,
          functionId: taxi.id,
          openedOn: '2016-03-01',
          source: 'complaint',
          risk: 'high',
          information: 'A complaint from a passenger',
          investigationStartedOn: '2016-03-02',
        },
        BY,
      );
      caseId = opened.id;
      const fixed = await scheduleHearing(
        tx,
        councilId,
        caseId,
        { scheduledOn: '2016-03-10', hearingOn: hearing.hearingOn, panelPersonIds: [chair.id] },
        BY,
      );
      hearing = { id: fixed.id, hearingOn: fixed.hearingOn };
    });
  });

  const decision = (decidedByPersonId: string, changes = {}) => ({
    hearingId: hearing.id,
    decidedOn: hearing.hearingOn,
    decidedByPersonId,
    proposedOutcome: null,
    proposedByPersonId: null,
    outcome: 'revoke' as const,
    reasons: 'Not a fit and proper person',
    effectiveOn: hearing.hearingOn,
    immediate: true,
    suspensionDays: null,
    ...changes,
  });

  test('refuses a decision by someone who does not hold the licensing function that day, and changes nothing', async () => {
    const leader = demo.people.find((p) => p.name === 'Chris Read');
    assert.ok(leader);
    const before = await ledgerHeadOf(t.app);
    await assert.rejects(
      db().transaction((tx) => decideCase(tx, councilId, caseId, decision(leader.id), BY)),
      (e) =>
        e instanceof PowersRuleError &&
        e.problems.some((p) => p.field === 'functionId' && /Chris Read/.test(p.message)),
    );
    assert.deepEqual(await ledgerHeadOf(t.app), before);
  });

  test('refuses a suspension without a period and a revocation without reasons, and changes nothing', async () => {
    const before = await ledgerHeadOf(t.app);
    await assert.rejects(
      db().transaction((tx) =>
        decideCase(tx, councilId, caseId, decision(ney(), { outcome: 'suspend', immediate: false }), BY),
      ),
      (e) => e instanceof LicensingRuleError && e.problems.some((p) => p.field === 'suspensionDays'),
    );
    await assert.rejects(
      db().transaction((tx) => decideCase(tx, councilId, caseId, decision(ney(), { reasons: ' ' }), BY)),
      (e) => e instanceof LicensingRuleError && e.problems.some((p) => p.field === 'reasons'),
    );
    assert.deepEqual(await ledgerHeadOf(t.app), before);
  });

  test('records a revocation by the holder of the function as a Powers decision, revokes the licence and enters the register', async () => {
    const decided = await db().transaction((tx) => decideCase(tx, councilId, caseId, decision(ney()), BY));
    const [powers] = await db().select().from(decisions).where(eq(decisions.id, decided.powersDecisionId));
    assert.equal(powers?.decidedById, ney());
    assert.match(powers?.title ?? '', /FPR-2016-TEST/);
    const [licence] = await db().select().from(licences).where(eq(licences.id, licenceId));
    assert.equal(licence?.status, 'revoked');
    assert.equal(licence?.statusFrom, hearing.hearingOn);
    const [entry] = await db()
      .select()
      .from(registerEntries)
      .where(eq(registerEntries.reviewDecisionId, decided.id));
    assert.equal(entry?.action, 'revoked');
    assert.deepEqual(entry?.nameWords, ['examplewood', 'sam']);
  });
});

describe('the Licensing API', () => {
  const get = (url: string, visitor?: Visitor) =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/councils/${DEMO_GSS}/licensing/${url}`,
      cookies: visitor?.cookies,
    });

  test('gives the 27 November 2015 review summary without sign-in, each figure with its case ids', async () => {
    const response = await get('reviews/summary?date=2015-11-27');
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.equal(body.identified.count, 67);
    assert.equal(body.heard.count, 24);
    assert.equal(body.byOutcome.revoke.count, 16);
    assert.equal(body.scheduled.caseIds.length, 41);
    assert.equal(body.closedOtherwise.count, 2);
    assert.equal(body.references[body.heard.caseIds[0]]?.startsWith('FPR-2015-'), true);
    assert.equal((await get('reviews/summary?date=2015-02-30')).statusCode, 400);
  });

  test('gives compliance to a licensing officer only: 818 trained on 27 November 2015', async () => {
    assert.equal((await get('compliance?date=2015-11-27')).statusCode, 401);
    assert.equal((await get('compliance?date=2015-11-27', councillor)).statusCode, 403);
    const response = await get('compliance?date=2015-11-27', officer);
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.equal(body.all.trained.count, 818);
    assert.equal(body.all.trained.holderIds.length, 818);
    assert.ok(body.attention.some((a: { name: string }) => a.name.startsWith('Rene Overdue')));
  });

  test('searches the register, records the search, and refuses a search with no criteria', async () => {
    const searches = await countOf('licensing_register_search');
    const revoked = demo.licensing.registerEntries.find((e) => e.action === 'revoked');
    assert.ok(revoked);
    const reordered = revoked.name.split(' ').reverse().join(', ').toUpperCase();
    const response = await get(
      `register?name=${encodeURIComponent(reordered)}&dateOfBirth=${revoked.dateOfBirth}`,
      officer,
    );
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.ok(body.entries.some((e: { id: string }) => e.id === revoked.id));
    assert.equal(await countOf('licensing_register_search'), searches + 1);
    const byNumber = await get(`register?licenceNumber=${revoked.licenceNumber.toLowerCase()}`, officer);
    assert.equal(byNumber.json().total, 1);
    const empty = await get('register', officer);
    assert.equal(empty.statusCode, 400);
    assert.match(empty.json().detail, /Enter a name, a date of birth or a licence number/);
    assert.equal(await countOf('licensing_register_search'), searches + 2);
  });
});
