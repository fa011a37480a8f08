import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '#src/config/index.ts';
import { oneTransactionAtATime } from '#src/db/client.ts';
import { DRIVER_CHECK_KINDS } from '#src/modules/licensing/rules/fixtures.ts';
import { attemptLicence, recordCheck } from '#src/modules/licensing/service.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { addApplicant, addLicensingCouncil, BY, checkInput } from '../support/licensing.ts';
import type { PowersCouncil } from '../support/powers.ts';

/*
 * The holder's lock on a server: a grant asked for while a check of the same
 * holder is being recorded waits for it, and is decided on it. On PGlite one
 * transaction runs at a time, so there is nothing to wait for and the lock is
 * not taken; these tests run in the PostgreSQL pass.
 */

let database: TestDatabase;
let c: PowersCouncil;
const db = () => database.db;
const ON = '2015-11-27';

before(async () => {
  database = await createTestDatabase();
  c = await db().transaction((tx) => addLicensingCouncil(tx));
});
after(() => database.close());

/** An applicant with every check a driver needs but `missing`, all done on 1 November 2015. */
async function applicantWithout(missing: (typeof DRIVER_CHECK_KINDS)[number], number: string) {
  const { holder, licence } = await db().transaction((tx) => addApplicant(tx, c.council.id, number));
  for (const kind of DRIVER_CHECK_KINDS.filter((k) => k !== missing))
    await db().transaction((tx) =>
      recordCheck(tx, c.council.id, holder.id, checkInput(kind, '2015-11-01'), ON, BY),
    );
  return { holder, licence, missingCheck: checkInput(missing, '2015-11-20') };
}

describe('the gate beside a check being recorded for the same holder', () => {
  test('is on PGlite one transaction at a time, and on a server not', () => {
    assert.equal(oneTransactionAtATime(db()), database.url === undefined);
  });

  test('waits for the check to be committed and grants the licence on it', {
    skip: loadConfig().databaseUrl ? false : 'PGlite runs one transaction at a time',
  }, async () => {
    const { holder, licence, missingCheck } = await applicantWithout('safeguarding_training', 'PHD-30001');
    let recorded!: () => void;
    let commit!: () => void;
    const inRecording = new Promise<void>((resolve) => {
      recorded = resolve;
    });
    const mayCommit = new Promise<void>((resolve) => {
      commit = resolve;
    });
    const recording = db().transaction(async (tx) => {
      await recordCheck(tx, c.council.id, holder.id, missingCheck, ON, BY);
      recorded();
      await mayCommit;
    });
    await inRecording;
    const attempt = db().transaction((tx) =>
      attemptLicence(tx, c.council.id, licence.id, 'grant', ON, '2018-11-26', BY),
    );
    const early = await Promise.race([attempt.then(() => 'decided'), sleep(300).then(() => 'waiting')]);
    assert.equal(early, 'waiting', 'the gate waits while the holder’s check is being recorded');
    commit();
    await recording;
    const outcome = await attempt;
    assert.deepEqual(outcome.decision.problems, []);
    assert.equal(outcome.decision.allowed, true, 'decided on the training recorded meanwhile');
  });
});
