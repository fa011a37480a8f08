import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import {
  licenceHolders,
  licences,
  licensingChecks,
  registerEntries,
  vehicleChecks,
} from '#src/modules/licensing/schema.ts';
import {
  addHolder,
  applyForLicence,
  recordCheck,
  recordVehicleCheck,
  refuseApplication,
} from '#src/modules/licensing/service.ts';
import type { CheckInput } from '#src/modules/licensing/validation.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import {
  addApplicant,
  addLicensingCouncil,
  application,
  assertRefused,
  BY,
  countOf,
  DRIVER,
  entriesOf,
  OPERATOR,
  VEHICLE,
} from '../support/licensing.ts';
import type { PowersCouncil } from '../support/powers.ts';

/*
 * The Licensing service's changes on a real database, each on a small council of
 * its own: every change writes its record with one ledger entry, and every
 * refusal says what is wrong and leaves the tables and the ledger as they were.
 */

const TODAY = '2015-11-27';
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

const holderOf = (kind: 'driver' | 'vehicle' | 'operator') =>
  db().transaction((tx) =>
    addHolder(tx, councilId(), { driver: DRIVER, vehicle: VEHICLE, operator: OPERATOR }[kind], BY),
  );

describe('adding a holder', () => {
  test('records the holder in the council with one ledger entry saying who added it', async () => {
    const count = await countOf(db(), 'licence_holder');
    const holder = await holderOf('driver');
    const [row] = await db().select().from(licenceHolders).where(eq(licenceHolders.id, holder.id));
    assert.deepEqual(
      { councilId: row?.councilId, kind: row?.kind, name: row?.name, dateOfBirth: row?.dateOfBirth },
      { councilId: councilId(), kind: 'driver', name: 'Dana Driverton', dateOfBirth: '1980-06-15' },
    );
    assert.equal(await countOf(db(), 'licence_holder'), count + 1);
    const [entry, ...rest] = await entriesOf(db(), 'licence_holder', holder.id);
    assert.equal(rest.length, 0);
    assert.equal(entry?.action, 'create');
    assert.equal(entry?.actor, BY.actor);
    assert.equal(entry?.councilId, councilId());
    assert.equal(entry?.after?.name, 'Dana Driverton');
  });
});

describe('applying for a licence', () => {
  test('records an application, not a licence: no end date until the gate grants it', async () => {
    const holder = await holderOf('driver');
    const count = await countOf(db(), 'licence');
    const licence = await db().transaction((tx) =>
      applyForLicence(
        tx,
        councilId(),
        holder.id,
        application({ number: 'PHD-20001', conditions: 'No animals' }),
        BY,
      ),
    );
    const [row] = await db().select().from(licences).where(eq(licences.id, licence.id));
    assert.equal(row?.status, 'application');
    assert.equal(row?.startOn, '2015-10-01');
    assert.equal(row?.endOn, null);
    assert.equal(row?.conditions, 'No animals');
    assert.equal(row?.holderId, holder.id);
    assert.equal(await countOf(db(), 'licence'), count + 1);
    assert.deepEqual(
      (await entriesOf(db(), 'licence', licence.id)).map((e) => e.action),
      ['create'],
    );
  });

  const fits = {
    driver: ['hackney_carriage_driver', 'private_hire_driver', 'dual_driver'],
    vehicle: ['hackney_carriage_vehicle', 'private_hire_vehicle'],
    operator: ['private_hire_operator'],
  } as const;
  const kinds = Object.values(fits).flat();

  for (const [holderKind, allowed] of Object.entries(fits) as [keyof typeof fits, readonly string[]][])
    test(`lets a ${holderKind} apply for ${allowed.join(', ')} only`, async () => {
      const holder = await holderOf(holderKind);
      for (const kind of kinds) {
        const input = application({ kind, number: `${holderKind}-${kind}-${randomUUID()}` });
        const apply = () => db().transaction((tx) => applyForLicence(tx, councilId(), holder.id, input, BY));
        if (allowed.includes(kind)) assert.equal((await apply()).kind, kind);
        else
          await assertRefused(
            db(),
            apply,
            'kind',
            new RegExp(`^An? ${holderKind} cannot hold a [a-z ]+ licence$`),
          );
      }
    });

  test('says which kind of holder cannot hold which licence, with the right article', async () => {
    const vehicle = await holderOf('vehicle');
    const operator = await holderOf('operator');
    const apply = (holderId: string, kind: (typeof kinds)[number]) => () =>
      db().transaction((tx) =>
        applyForLicence(tx, councilId(), holderId, application({ kind, number: randomUUID() }), BY),
      );
    await assertRefused(
      db(),
      apply(vehicle.id, 'private_hire_driver'),
      'kind',
      'A vehicle cannot hold a private hire driver licence',
    );
    await assertRefused(
      db(),
      apply(operator.id, 'hackney_carriage_vehicle'),
      'kind',
      'An operator cannot hold a hackney carriage vehicle licence',
    );
  });

  test('refuses a licence number already in use in the council, however that licence stands', async () => {
    const { licence } = await db().transaction((tx) => addApplicant(tx, councilId(), 'PHD-30001'));
    await db().transaction((tx) =>
      refuseApplication(tx, councilId(), licence.id, { refusedOn: '2015-10-02', reasons: 'Incomplete' }, BY),
    );
    const holder = await holderOf('driver');
    await assertRefused(
      db(),
      () =>
        db().transaction((tx) =>
          applyForLicence(tx, councilId(), holder.id, application({ number: 'PHD-30001' }), BY),
        ),
      'number',
      'Licence number PHD-30001 is already in use',
    );
  });

  test('allows the same licence number at another council', async () => {
    await db().transaction((tx) => addApplicant(tx, councilId(), 'PHD-40001'));
    const { licence } = await db().transaction((tx) => addApplicant(tx, other.council.id, 'PHD-40001'));
    assert.equal(licence.councilId, other.council.id);
  });

  test("refuses an application for a holder the council does not have, or another council's", async () => {
    const elsewhere = await db().transaction((tx) => addHolder(tx, other.council.id, DRIVER, BY));
    for (const holderId of [randomUUID(), elsewhere.id])
      await assertRefused(
        db(),
        () => db().transaction((tx) => applyForLicence(tx, councilId(), holderId, application(), BY)),
        'form',
        'There is no such licence holder.',
      );
  });
});

describe('recording a check', () => {
  const enhanced = (changes: Partial<CheckInput> = {}): CheckInput => ({
    kind: 'dbs_enhanced',
    doneOn: '2015-10-01',
    outcome: 'clear',
    certificateNumber: '001234567890',
    barredLists: ['children', 'adults'],
    course: null,
    validUntil: null,
    ...changes,
  });
  const record =
    (holderId: string, input: CheckInput, today = TODAY) =>
    () =>
      db().transaction((tx) => recordCheck(tx, councilId(), holderId, input, today, BY));

  test('records an enhanced DBS certificate with its number and barred lists, and its ledger entry', async () => {
    const holder = await holderOf('driver');
    const count = await countOf(db(), 'licensing_check');
    const check = await record(holder.id, enhanced())();
    const [row] = await db().select().from(licensingChecks).where(eq(licensingChecks.id, check.id));
    assert.equal(row?.holderId, holder.id);
    assert.equal(row?.certificateNumber, '001234567890');
    assert.deepEqual(row?.barredLists, ['children', 'adults']);
    assert.equal(await countOf(db(), 'licensing_check'), count + 1);
    const entries = await entriesOf(db(), 'licensing_check', check.id);
    assert.deepEqual(
      entries.map((e) => [e.action, e.after?.certificateNumber]),
      [['create', '001234567890']],
    );
  });

  test('records a check done today, and safeguarding training with its course', async () => {
    const holder = await holderOf('driver');
    const training = enhanced({
      kind: 'safeguarding_training',
      doneOn: TODAY,
      certificateNumber: null,
      barredLists: [],
      course: 'Safeguarding children and vulnerable adults',
    });
    assert.equal((await record(holder.id, training)()).course, training.course);
  });

  test('refuses a check that is not one of the holder’s, and records nothing', async () => {
    const driver = await holderOf('driver');
    const vehicle = await holderOf('vehicle');
    const plain = { certificateNumber: null, barredLists: [], course: null };
    await assertRefused(
      db(),
      record(driver.id, enhanced({ kind: 'vehicle_inspection', ...plain })),
      'kind',
      /^A vehicle inspection is not a check of a driver\. Choose one of: enhanced DBS certificate, /,
    );
    await assertRefused(
      db(),
      record(vehicle.id, enhanced({ kind: 'medical', ...plain })),
      'kind',
      'A medical (Group 2 standard) is not a check of a vehicle. Choose one of: vehicle inspection',
    );
    assert.equal(
      (await record(vehicle.id, enhanced({ kind: 'vehicle_inspection', ...plain }))()).holderId,
      vehicle.id,
    );
  });

  test('refuses a DBS certificate number that is not 12 digits, or missing', async () => {
    const holder = await holderOf('driver');
    for (const certificateNumber of ['12345', '0012345678901', '00123456789O', '0012 3456 7890'])
      await assertRefused(
        db(),
        record(holder.id, enhanced({ certificateNumber })),
        'certificateNumber',
        'The DBS certificate number must be 12 digits, like 001234567890',
      );
    await assertRefused(
      db(),
      record(holder.id, enhanced({ kind: 'basic_dbs', barredLists: [], certificateNumber: null })),
      'certificateNumber',
      'Enter the DBS certificate number',
    );
  });

  test('refuses a check dated after today, or ending before it was done', async () => {
    const holder = await holderOf('driver');
    await assertRefused(
      db(),
      record(holder.id, enhanced({ doneOn: '2015-11-28' })),
      'doneOn',
      'The date of the check must be today or in the past (today is 27 November 2015)',
    );
    await assertRefused(
      db(),
      record(
        holder.id,
        enhanced({
          kind: 'right_to_work',
          certificateNumber: null,
          barredLists: [],
          validUntil: '2015-09-30',
        }),
      ),
      'validUntil',
      'The end date must be the same as or after the date of the check',
    );
  });

  test('refuses an enhanced certificate without both barred lists, and details the kind does not have', async () => {
    const holder = await holderOf('driver');
    await assertRefused(
      db(),
      record(holder.id, enhanced({ barredLists: ['children'] })),
      'barredLists',
      'An enhanced DBS certificate for a licence must include the adults’ barred list check',
    );
    await assertRefused(
      db(),
      record(holder.id, enhanced({ kind: 'medical', barredLists: [] })),
      'certificateNumber',
      'Only a DBS certificate has a certificate number',
    );
  });

  test("refuses a check of a holder the council does not have, or another council's", async () => {
    const elsewhere = await db().transaction((tx) => addHolder(tx, other.council.id, DRIVER, BY));
    for (const holderId of [randomUUID(), elsewhere.id])
      await assertRefused(db(), record(holderId, enhanced()), 'form', 'There is no such licence holder.');
  });
});

describe('refusing an application', () => {
  const refuse =
    (licenceId: string, refusedOn = '2015-10-20') =>
    () =>
      db().transaction((tx) =>
        refuseApplication(tx, councilId(), licenceId, { refusedOn, reasons: 'Undisclosed convictions' }, BY),
      );

  test('refuses the licence from that day and enters the refusal in the register, each with a ledger entry', async () => {
    const { holder, licence } = await db().transaction((tx) => addApplicant(tx, councilId(), 'PHD 50001'));
    const entries = await countOf(db(), 'licensing_register_entry');
    const entry = await refuse(licence.id)();
    const [row] = await db().select().from(licences).where(eq(licences.id, licence.id));
    assert.equal(row?.status, 'refused');
    assert.equal(row?.statusFrom, '2015-10-20');
    const [registered] = await db().select().from(registerEntries).where(eq(registerEntries.id, entry.id));
    assert.deepEqual(
      {
        action: registered?.action,
        holderId: registered?.holderId,
        licenceId: registered?.licenceId,
        decidedOn: registered?.decidedOn,
        effectiveOn: registered?.effectiveOn,
        reasons: registered?.reasons,
        name: registered?.name,
        dateOfBirth: registered?.dateOfBirth,
        licenceNumber: registered?.licenceNumber,
        licenceNumberKey: registered?.licenceNumberKey,
        nameWords: registered?.nameWords,
        reviewDecisionId: registered?.reviewDecisionId,
      },
      {
        action: 'refused',
        holderId: holder.id,
        licenceId: licence.id,
        decidedOn: '2015-10-20',
        effectiveOn: '2015-10-20',
        reasons: 'Undisclosed convictions',
        name: 'Dana Driverton',
        dateOfBirth: '1980-06-15',
        licenceNumber: 'PHD 50001',
        licenceNumberKey: 'PHD50001',
        nameWords: ['dana', 'driverton'],
        reviewDecisionId: null,
      },
    );
    assert.equal(await countOf(db(), 'licensing_register_entry'), entries + 1);
    const changes = await entriesOf(db(), 'licence', licence.id);
    assert.deepEqual(
      changes.map((e) => [e.action, e.before?.status, e.after?.status]),
      [
        ['create', undefined, 'application'],
        ['refuse', 'application', 'refused'],
      ],
    );
  });

  test('refuses to refuse a licence that is no longer an application, and changes nothing', async () => {
    const { licence } = await db().transaction((tx) => addApplicant(tx, councilId(), 'PHD-50002'));
    await refuse(licence.id)();
    await assertRefused(db(), refuse(licence.id), 'form', 'Licence PHD-50002 is refused, not an application');
  });

  test('refuses a refusal dated before the application', async () => {
    const { licence } = await db().transaction((tx) => addApplicant(tx, councilId(), 'PHD-50003'));
    await assertRefused(
      db(),
      refuse(licence.id, '2015-09-30'),
      'refusedOn',
      'The refusal cannot be before the application on 1 October 2015',
    );
    const [row] = await db().select().from(licences).where(eq(licences.id, licence.id));
    assert.equal(row?.status, 'application');
    assert.equal(await refuse(licence.id, '2015-10-01')().then((e) => e.decidedOn), '2015-10-01');
  });

  test("refuses to refuse a licence the council does not have, or another council's", async () => {
    const { licence } = await db().transaction((tx) => addApplicant(tx, other.council.id, 'PHD-50004'));
    for (const licenceId of [randomUUID(), licence.id])
      await assertRefused(db(), refuse(licenceId), 'form', 'There is no such licence.');
  });
});

describe('recording a vehicle check', () => {
  const check = (holderId: string, checkedOn = '2015-11-20') => ({
    holderId,
    checkedOn,
    announced: false,
    result: 'advisory' as const,
    notes: 'Tyre tread near the limit',
  });
  const record = (input: ReturnType<typeof check>) => () =>
    db().transaction((tx) => recordVehicleCheck(tx, councilId(), input, TODAY, BY));

  test('records the check of a vehicle, on today at the latest, with its ledger entry', async () => {
    const vehicle = await holderOf('vehicle');
    const count = await countOf(db(), 'licensing_vehicle_check');
    const recorded = await record(check(vehicle.id, TODAY))();
    const [row] = await db().select().from(vehicleChecks).where(eq(vehicleChecks.id, recorded.id));
    assert.deepEqual(
      [row?.holderId, row?.checkedOn, row?.announced, row?.result, row?.notes],
      [vehicle.id, TODAY, false, 'advisory', 'Tyre tread near the limit'],
    );
    assert.equal(await countOf(db(), 'licensing_vehicle_check'), count + 1);
    assert.deepEqual(
      (await entriesOf(db(), 'licensing_vehicle_check', recorded.id)).map((e) => e.action),
      ['create'],
    );
  });

  test("refuses a check of a driver, an operator, an unknown holder or another council's vehicle", async () => {
    const elsewhere = await db().transaction((tx) => addHolder(tx, other.council.id, VEHICLE, BY));
    const driver = await holderOf('driver');
    const operator = await holderOf('operator');
    for (const holderId of [driver.id, operator.id, randomUUID(), elsewhere.id])
      await assertRefused(
        db(),
        record(check(holderId)),
        'holderId',
        'Select a licensed vehicle of this council',
      );
  });

  test('refuses a check dated after today', async () => {
    const vehicle = await holderOf('vehicle');
    await assertRefused(
      db(),
      record(check(vehicle.id, '2015-11-28')),
      'checkedOn',
      'The date of the check must be today or in the past (today is 27 November 2015)',
    );
  });
});
