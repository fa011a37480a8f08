import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LEDGERED_TABLES } from '#src/db/ledgered.ts';
import { lastEntry } from '#src/ledger/append.ts';
import { verifyLedger } from '#src/ledger/verify.ts';
import { councilPowers } from '#src/modules/powers/record.ts';
import { holdingsOn } from '#src/modules/powers/rules/holders.ts';
import {
  addRepresentation,
  addRestorationFunction,
  completeStep,
  openRestoration,
  PowersRuleError,
  pauseRestoration,
  recordDecision,
  recordDirection,
  resolvePause,
  respondToRepresentation,
} from '#src/modules/powers/service.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import {
  addPowersCouncil,
  allCriteriaMet,
  direction2015,
  type PowersCouncil,
  step,
} from '../support/powers.ts';

const BY = { actor: 'test' };
let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

const db = () => database.db;

/** Sets up a fresh council with the 2015 Direction recorded. */
async function intervened(): Promise<PowersCouncil> {
  return db().transaction(async (tx) => {
    const c = await addPowersCouncil(tx);
    await recordDirection(tx, c.council.id, direction2015(c), BY);
    return c;
  });
}

/** Expects the change to be refused by the rules with a message matching `pattern`, writing nothing. */
async function assertRefused(change: () => Promise<unknown>, pattern: RegExp): Promise<void> {
  const before = await lastEntry(db());
  await assert.rejects(change, (error: unknown) => {
    assert.ok(error instanceof PowersRuleError, `refused by a rule, not ${String(error)}`);
    assert.match(error.message, pattern);
    return true;
  });
  assert.deepEqual(await lastEntry(db()), before, 'nothing was written to the ledger');
}

const holderOn = async (c: PowersCouncil, date: string, functionId: string) => {
  const h = holdingsOn(await councilPowers(db(), c.council.id), date).find(
    (x) => x.function.id === functionId,
  );
  assert.ok(h);
  return h;
};

/** Runs every step of a restoration of `functions` to an effective date of 2016-02-01. */
async function restore(c: PowersCouncil, functions = [c.highways]) {
  return db().transaction(async (tx) => {
    const r = await openRestoration(
      tx,
      c.council.id,
      { title: 'Restoration of November 2015', openedOn: '2015-11-01', proposedEffectiveDate: '2016-02-01' },
      BY,
    );
    for (const f of functions)
      await addRestorationFunction(tx, c.council.id, r.id, allCriteriaMet(f, c.councillor), BY);
    const dates = [
      '2015-11-02',
      '2015-11-05',
      '2015-11-10',
      '2015-11-20',
      '2015-11-27',
      '2015-12-15',
      '2016-01-15',
    ];
    const names = [
      'criteria',
      'expert_panel',
      'lay_panel',
      'leader_request',
      'proposal',
      'reply',
      'public_notice',
    ];
    for (const [i, name] of names.entries())
      await completeStep(tx, c.council.id, r.id, step(name, dates[i] as string), BY);
    await completeStep(tx, c.council.id, r.id, step('effective', '2016-02-01'), BY);
    return r;
  });
}

describe('Directions', () => {
  test('a Direction transfers its functions to the Commissioners from the day it is in force', async () => {
    const c = await intervened();
    assert.equal((await holderOn(c, '2015-02-25', c.licensing.id)).holder.name, 'Licensing Committee');
    const held = await holderOn(c, '2015-02-26', c.licensing.id);
    assert.equal(held.mode, 'commissioners');
    assert.equal(held.holder.personId, c.commissioner.id);
    assert.equal(held.direction?.title, 'Directions of 26 February 2015');
  });

  test('a second Direction covering the same function without superseding the first is refused and writes nothing', async () => {
    const c = await intervened();
    await assertRefused(
      () =>
        db().transaction((tx) =>
          recordDirection(
            tx,
            c.council.id,
            { ...direction2015(c), title: 'Overlapping', madeOn: '2015-06-01', inForceFrom: '2015-06-01' },
            BY,
          ),
        ),
      /supersede/i,
    );
  });

  test('a Direction that supersedes the earlier one is accepted, and the earlier one stays readable', async () => {
    const c = await intervened();
    const first = (await councilPowers(db(), c.council.id)).directions[0];
    assert.ok(first);
    await db().transaction((tx) =>
      recordDirection(
        tx,
        c.council.id,
        {
          ...direction2015(c),
          title: 'Revised Directions',
          madeOn: '2016-01-20',
          inForceFrom: '2016-02-01',
          supersedesId: first.id,
          provisions: [{ functionId: c.licensing.id, mode: 'commissioners' }],
        },
        BY,
      ),
    );
    const powers = await councilPowers(db(), c.council.id);
    assert.equal(powers.directions.length, 2);
    assert.equal((await holderOn(c, '2016-01-31', c.housing.id)).mode, 'commissioners');
    // The revised Directions say nothing of housing: from their date it is left with the council.
    assert.equal((await holderOn(c, '2016-02-01', c.housing.id)).mode, 'council');
    assert.equal((await holderOn(c, '2016-02-01', c.licensing.id)).direction?.title, 'Revised Directions');
  });
});

describe('the restoration protocol', () => {
  test('a completed restoration changes the holder on its effective date, and not before', async () => {
    const c = await intervened();
    const r = await restore(c);
    const before = await holderOn(c, '2016-01-31', c.highways.id);
    assert.equal(before.holder.personId, c.otherCommissioner.id);
    const after = await holderOn(c, '2016-02-01', c.highways.id);
    assert.equal(after.holder.personId, c.councillor.id);
    assert.equal(after.restoration?.id, r.id);
    assert.equal((await holderOn(c, '2016-02-01', c.licensing.id)).holder.personId, c.commissioner.id);
    const report = await verifyLedger(db(), { tables: LEDGERED_TABLES });
    assert.deepEqual(report.problems, [], 'every Powers record equals its last ledger entry');
  });

  test('a step cannot be completed before the one before it', async () => {
    const c = await intervened();
    const r = await db().transaction((tx) =>
      openRestoration(
        tx,
        c.council.id,
        { title: 'Early', openedOn: '2015-11-01', proposedEffectiveDate: '2016-02-01' },
        BY,
      ),
    );
    await db().transaction((tx) =>
      addRestorationFunction(tx, c.council.id, r.id, allCriteriaMet(c.highways, c.councillor), BY),
    );
    await assertRefused(
      () =>
        db().transaction((tx) => completeStep(tx, c.council.id, r.id, step('lay_panel', '2015-11-10'), BY)),
      /before/i,
    );
  });

  test('the criteria step is refused while a function in the proposal fails a criterion', async () => {
    const c = await intervened();
    const r = await db().transaction((tx) =>
      openRestoration(
        tx,
        c.council.id,
        { title: 'Too soon', openedOn: '2015-11-01', proposedEffectiveDate: '2016-02-01' },
        BY,
      ),
    );
    await db().transaction((tx) =>
      addRestorationFunction(
        tx,
        c.council.id,
        r.id,
        { ...allCriteriaMet(c.housing, c.councillor), assuranceMet: false },
        BY,
      ),
    );
    await assertRefused(
      () =>
        db().transaction((tx) => completeStep(tx, c.council.id, r.id, step('criteria', '2015-11-02'), BY)),
      /Housing/,
    );
  });

  test('a pause stops every step until it is resolved, and both stay on the record', async () => {
    const c = await intervened();
    const r = await db().transaction((tx) =>
      openRestoration(
        tx,
        c.council.id,
        { title: 'Paused', openedOn: '2015-11-01', proposedEffectiveDate: '2016-02-01' },
        BY,
      ),
    );
    await db().transaction((tx) =>
      addRestorationFunction(tx, c.council.id, r.id, allCriteriaMet(c.highways, c.councillor), BY),
    );
    const pause = await db().transaction((tx) =>
      pauseRestoration(
        tx,
        c.council.id,
        r.id,
        { cause: 'conduct', pausedOn: '2015-11-03', detail: 'A complaint about a member' },
        BY,
      ),
    );
    await assertRefused(
      () =>
        db().transaction((tx) => completeStep(tx, c.council.id, r.id, step('criteria', '2015-11-04'), BY)),
      /pause/i,
    );
    await db().transaction((tx) =>
      resolvePause(
        tx,
        c.council.id,
        pause.id,
        { resolvedOn: '2015-11-08', resolution: 'No case to answer' },
        BY,
      ),
    );
    await db().transaction((tx) => completeStep(tx, c.council.id, r.id, step('criteria', '2015-11-09'), BY));
    const powers = await councilPowers(db(), c.council.id);
    assert.equal(powers.restorationPauses.length, 1);
    assert.equal(powers.restorationPauses[0]?.resolution, 'No case to answer');
  });

  test('public notice waits for a response to every representation; the response is then recorded once', async () => {
    const c = await intervened();
    const r = await db().transaction((tx) =>
      openRestoration(
        tx,
        c.council.id,
        { title: 'Noticed', openedOn: '2015-11-01', proposedEffectiveDate: '2016-02-01' },
        BY,
      ),
    );
    await db().transaction((tx) =>
      addRestorationFunction(tx, c.council.id, r.id, allCriteriaMet(c.highways, c.councillor), BY),
    );
    const names = ['criteria', 'expert_panel', 'lay_panel', 'leader_request', 'proposal', 'reply'];
    for (const [i, name] of names.entries())
      await db().transaction((tx) => completeStep(tx, c.council.id, r.id, step(name, `2015-11-1${i}`), BY));
    const representation = await db().transaction((tx) =>
      addRepresentation(
        tx,
        c.council.id,
        r.id,
        { receivedOn: '2015-12-20', fromWhom: 'A resident', summary: 'Too soon', response: null },
        BY,
      ),
    );
    await assertRefused(
      () =>
        db().transaction((tx) =>
          completeStep(tx, c.council.id, r.id, step('public_notice', '2016-01-15'), BY),
        ),
      /response/i,
    );
    await db().transaction((tx) =>
      respondToRepresentation(tx, c.council.id, representation.id, 'The service is ready', BY),
    );
    await assertRefused(
      () =>
        db().transaction((tx) => respondToRepresentation(tx, c.council.id, representation.id, 'Again', BY)),
      /already been answered/,
    );
    await db().transaction((tx) =>
      completeStep(tx, c.council.id, r.id, step('public_notice', '2016-01-15'), BY),
    );
  });

  test('no representation can be added once the public notice step is complete', async () => {
    const c = await intervened();
    const r = await restore(c);
    await assertRefused(
      () =>
        db().transaction((tx) =>
          addRepresentation(
            tx,
            c.council.id,
            r.id,
            { receivedOn: '2016-01-20', fromWhom: 'A resident', summary: 'Late', response: null },
            BY,
          ),
        ),
      /public notice/i,
    );
  });
});

describe('decisions', () => {
  const decision = (c: PowersCouncil, functionId: string, decidedOn: string) => ({
    functionId,
    decidedOn,
    title: 'Local transport plan',
    meeting: 'Advisory Cabinet',
    meetingPublic: true,
    report: 'Report of the Strategic Director',
    proposedById: c.councillor.id,
    proposal: 'Approve the plan',
    outcome: 'as_proposed' as const,
    reasons: 'The plan meets the objectives',
  });

  test('the Commissioner who holds the function may decide it', async () => {
    const c = await intervened();
    const d = await db().transaction((tx) =>
      recordDecision(tx, c.council.id, c.otherCommissioner.id, decision(c, c.highways.id, '2016-01-18'), BY),
    );
    assert.equal(d.decidedById, c.otherCommissioner.id);
  });

  test('anyone who does not hold the function that day is refused, with the holder named', async () => {
    const c = await intervened();
    await assertRefused(
      () =>
        db().transaction((tx) =>
          recordDecision(tx, c.council.id, c.commissioner.id, decision(c, c.highways.id, '2016-01-18'), BY),
        ),
      /Owen Other/,
    );
  });

  test('after a restoration the Commissioner may no longer decide the function, and the Cabinet member may', async () => {
    const c = await intervened();
    await restore(c);
    await assertRefused(
      () =>
        db().transaction((tx) =>
          recordDecision(
            tx,
            c.council.id,
            c.otherCommissioner.id,
            decision(c, c.highways.id, '2016-02-10'),
            BY,
          ),
        ),
      /Colin Councillor|Cabinet Member/,
    );
    await db().transaction((tx) =>
      recordDecision(
        tx,
        c.council.id,
        c.councillor.id,
        {
          ...decision(c, c.highways.id, '2016-02-10'),
          proposedById: null,
          proposal: null,
          outcome: 'different',
        },
        BY,
      ),
    );
  });
});

describe('the cached record', () => {
  test('a change is seen by the next read: the copy is kept only while the council’s ledger has not moved', async () => {
    const c = await intervened();
    const first = await councilPowers(db(), c.council.id);
    assert.equal(await councilPowers(db(), c.council.id), first, 'unchanged records are reused');
    await restore(c);
    const second = await councilPowers(db(), c.council.id);
    assert.notEqual(second, first);
    assert.equal(second.restorations.length, 1);
  });
});
