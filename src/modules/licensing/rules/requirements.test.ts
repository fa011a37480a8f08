import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DRIVER_CHECK_KINDS } from './fixtures.ts';
import {
  ANNUAL_MEDICAL_FROM_AGE,
  CHECK_VALIDITY_MONTHS,
  checkExpiry,
  countsForLicensing,
  REQUIRED_CHECKS,
  requiredChecks,
} from './requirements.ts';
import { CHECK_KINDS, type CheckKind, LICENCE_KINDS } from './types.ts';

describe('the checks each kind of licence requires', () => {
  it('asks every kind of driver for the same seven checks, safeguarding training included', () => {
    for (const kind of ['hackney_carriage_driver', 'private_hire_driver', 'dual_driver'] as const)
      assert.deepEqual(REQUIRED_CHECKS[kind], DRIVER_CHECK_KINDS, kind);
  });

  it('asks a vehicle only for its inspection, and an operator for a basic DBS and a right to work', () => {
    assert.deepEqual(REQUIRED_CHECKS.hackney_carriage_vehicle, ['vehicle_inspection']);
    assert.deepEqual(REQUIRED_CHECKS.private_hire_vehicle, ['vehicle_inspection']);
    assert.deepEqual(REQUIRED_CHECKS.private_hire_operator, ['basic_dbs', 'right_to_work']);
  });

  it('has an entry for every kind of licence', () => {
    assert.deepEqual(Object.keys(REQUIRED_CHECKS).sort(), [...LICENCE_KINDS].sort());
  });

  it('asks a holder of two licences for what either needs, each once, in the order of the check kinds', () => {
    assert.deepEqual(requiredChecks(['private_hire_operator', 'private_hire_driver', 'dual_driver']), [
      'dbs_enhanced',
      'dbs_update_service',
      'dbs_status_check',
      'basic_dbs',
      'driving_licence',
      'right_to_work',
      'medical',
      'safeguarding_training',
    ]);
    assert.deepEqual(requiredChecks(['private_hire_vehicle', 'hackney_carriage_vehicle']), [
      'vehicle_inspection',
    ]);
  });

  it('asks nothing of a holder with no licence', () => {
    assert.deepEqual(requiredChecks([]), []);
  });

  it('gives the same answer, which no caller can change, for the same licences asked about again', () => {
    const first = requiredChecks(['private_hire_vehicle']);
    assert.equal(requiredChecks(['private_hire_vehicle']), first);
    assert.throws(() => (first as string[]).push('medical'), TypeError);
    assert.deepEqual(requiredChecks(['private_hire_vehicle']), ['vehicle_inspection']);
    assert.notDeepEqual(requiredChecks(['private_hire_vehicle', 'private_hire_operator']), first);
  });
});

describe('whether a recorded check counts towards a licence', () => {
  it('counts an enhanced DBS certificate only when checked against both barred lists', () => {
    assert.equal(countsForLicensing({ kind: 'dbs_enhanced', barredLists: ['children', 'adults'] }), true);
    assert.equal(countsForLicensing({ kind: 'dbs_enhanced', barredLists: ['adults', 'children'] }), true);
    assert.equal(countsForLicensing({ kind: 'dbs_enhanced', barredLists: ['children'] }), false);
    assert.equal(countsForLicensing({ kind: 'dbs_enhanced', barredLists: ['adults'] }), false);
    assert.equal(countsForLicensing({ kind: 'dbs_enhanced', barredLists: [] }), false);
  });

  it('counts every other check as recorded, with no barred lists', () => {
    for (const kind of CHECK_KINDS.filter((k) => k !== 'dbs_enhanced'))
      assert.equal(countsForLicensing({ kind, barredLists: [] }), true, kind);
  });
});

describe('the day a check runs out', () => {
  it('gives each kind its documented period', () => {
    assert.deepEqual(CHECK_VALIDITY_MONTHS, {
      dbs_enhanced: 36,
      dbs_update_service: 12,
      dbs_status_check: 6,
      basic_dbs: 12,
      driving_licence: 12,
      right_to_work: null,
      medical: 60,
      safeguarding_training: 36,
      vehicle_inspection: 12,
    });
  });

  it('runs out that many months after the day it was done, on the same day of the month', () => {
    const expected: Record<CheckKind, string | null> = {
      dbs_enhanced: '2018-03-02',
      dbs_update_service: '2016-03-02',
      dbs_status_check: '2015-09-02',
      basic_dbs: '2016-03-02',
      driving_licence: '2016-03-02',
      right_to_work: null,
      medical: '2020-03-02',
      safeguarding_training: '2018-03-02',
      vehicle_inspection: '2016-03-02',
    };
    for (const kind of CHECK_KINDS)
      assert.deepEqual(
        checkExpiry({ kind, doneOn: '2015-03-02', validUntil: null }, null),
        { runsOutOn: expected[kind], limit: expected[kind] === null ? null : 'period' },
        kind,
      );
  });

  it('runs out on the last day of a shorter month', () => {
    assert.equal(
      checkExpiry({ kind: 'dbs_status_check', doneOn: '2015-08-31', validUntil: null }, null).runsOutOn,
      '2016-02-29',
    );
    assert.equal(
      checkExpiry({ kind: 'dbs_update_service', doneOn: '2016-02-29', validUntil: null }, null).runsOutOn,
      '2017-02-28',
    );
  });

  it('runs out on the end date the check carries when that is earlier than its period', () => {
    assert.deepEqual(
      checkExpiry({ kind: 'dbs_update_service', doneOn: '2015-03-02', validUntil: '2015-12-31' }, null),
      {
        runsOutOn: '2015-12-31',
        limit: 'own_end',
      },
    );
    assert.deepEqual(
      checkExpiry({ kind: 'dbs_update_service', doneOn: '2015-03-02', validUntil: '2016-06-30' }, null),
      {
        runsOutOn: '2016-03-02',
        limit: 'period',
      },
    );
  });

  it('never runs out for a right to work without a time limit, and ends with one that has it', () => {
    assert.deepEqual(checkExpiry({ kind: 'right_to_work', doneOn: '2015-03-02', validUntil: null }, null), {
      runsOutOn: null,
      limit: null,
    });
    assert.deepEqual(
      checkExpiry({ kind: 'right_to_work', doneOn: '2015-03-02', validUntil: '2017-01-31' }, null),
      {
        runsOutOn: '2017-01-31',
        limit: 'own_end',
      },
    );
  });
});

describe('a driver’s medical and their 65th birthday', () => {
  const dateOfBirth = '1950-06-15';
  const medical = (doneOn: string, validUntil: string | null = null) =>
    checkExpiry({ kind: 'medical', doneOn, validUntil }, dateOfBirth);

  it('changes from every five years to every year at 65', () => {
    assert.equal(ANNUAL_MEDICAL_FROM_AGE, 65);
  });

  it('runs out on the 65th birthday when done before it and the five years would run past it', () => {
    assert.deepEqual(medical('2012-01-10'), { runsOutOn: '2015-06-15', limit: 'age' });
    assert.deepEqual(medical('2015-06-14'), { runsOutOn: '2015-06-15', limit: 'age' });
  });

  it('runs out after five years when they end before the 65th birthday', () => {
    assert.deepEqual(medical('2008-01-10'), { runsOutOn: '2013-01-10', limit: 'period' });
  });

  it('lasts a year when done on or after the 65th birthday', () => {
    assert.deepEqual(medical('2015-06-15'), { runsOutOn: '2016-06-15', limit: 'period' });
    assert.deepEqual(medical('2017-09-01'), { runsOutOn: '2018-09-01', limit: 'period' });
  });

  it('still runs out on the doctor’s own earlier date', () => {
    assert.deepEqual(medical('2015-07-01', '2016-01-31'), { runsOutOn: '2016-01-31', limit: 'own_end' });
    assert.deepEqual(medical('2012-01-10', '2014-12-31'), { runsOutOn: '2014-12-31', limit: 'own_end' });
  });

  it('takes 28 February as the 65th birthday in a common year of someone born on 29 February', () => {
    assert.deepEqual(checkExpiry({ kind: 'medical', doneOn: '2016-01-01', validUntil: null }, '1952-02-29'), {
      runsOutOn: '2017-02-28',
      limit: 'age',
    });
  });

  it('lasts five years when the date of birth is not known', () => {
    assert.deepEqual(checkExpiry({ kind: 'medical', doneOn: '2012-01-10', validUntil: null }, null), {
      runsOutOn: '2017-01-10',
      limit: 'period',
    });
  });

  it('does not touch any other check of an older holder', () => {
    assert.deepEqual(
      checkExpiry({ kind: 'dbs_enhanced', doneOn: '2014-01-10', validUntil: null }, dateOfBirth),
      {
        runsOutOn: '2017-01-10',
        limit: 'period',
      },
    );
  });
});
