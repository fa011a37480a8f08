import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, checksOf, DRIVER_CHECK_KINDS, licence } from './fixtures.ts';
import { GATE_ACTIONS, gateDecision, refusalHeading, statusOn } from './gate.ts';
import type { CheckFacts, CheckKind, LicenceStatus } from './types.ts';

const on = '2015-10-31';
/** Every driver check, done on 1 June 2015: all current on 31 October 2015. */
const allCurrent = checksOf(DRIVER_CHECK_KINDS, '2015-06-01');
const without = (kind: CheckKind, checks: CheckFacts[] = allCurrent) => checks.filter((c) => c.kind !== kind);
const application = licence({ id: '1', status: 'application', endOn: null, statusFrom: null });
const granted = licence({ id: '1' });

describe('the status of a licence on a day', () => {
  it('reads a granted licence as expired from the day after its end', () => {
    assert.equal(statusOn({ status: 'granted', endOn: '2016-03-31' }, '2016-03-31'), 'granted');
    assert.equal(statusOn({ status: 'granted', endOn: '2016-03-31' }, '2016-04-01'), 'expired');
  });

  it('reads a granted licence without an end as granted', () => {
    assert.equal(statusOn({ status: 'granted', endOn: null }, '2030-01-01'), 'granted');
  });

  it('reads every other status as recorded, even past the end', () => {
    for (const status of [
      'application',
      'suspended',
      'revoked',
      'refused',
      'surrendered',
      'expired',
    ] as const)
      assert.equal(statusOn({ status, endOn: '2016-03-31' }, '2016-04-01'), status);
  });
});

describe('the gate', () => {
  it('has two actions: grant and renew', () => {
    assert.deepEqual(GATE_ACTIONS, ['grant', 'renew']);
  });

  it('grants an application when every required check is current, and shows each in order', () => {
    const d = gateDecision('grant', application, allCurrent, null, on);
    assert.equal(d.allowed, true);
    assert.deepEqual(d.problems, []);
    assert.deepEqual(
      d.positions.map((p) => [p.kind, p.standing]),
      DRIVER_CHECK_KINDS.map((k) => [k, 'current']),
    );
  });

  it('grants when a check is due but not yet run out', () => {
    const d = gateDecision('grant', application, allCurrent, null, '2015-11-27');
    assert.equal(d.positions.find((p) => p.kind === 'dbs_status_check')?.standing, 'due');
    assert.equal(d.allowed, true);
  });

  it('refuses with exactly the checks missing, overdue or failed, in the order of the check kinds', () => {
    const checks = [
      ...without('medical', without('safeguarding_training', without('driving_licence'))),
      check({ id: 'med', kind: 'medical', doneOn: '2010-05-01' }),
      check({ id: 'dvla', kind: 'driving_licence', doneOn: '2015-06-01', outcome: 'failed' }),
    ];
    const d = gateDecision('grant', application, checks, null, on);
    assert.equal(d.allowed, false);
    assert.deepEqual(d.problems, [
      {
        field: 'driving_licence',
        message: 'The DVLA driving licence check failed: the last was on 1 June 2015',
      },
      {
        field: 'medical',
        message:
          'The medical (Group 2 standard) is overdue: the last was on 1 May 2010 and it ran out on 1 May 2015',
      },
      { field: 'safeguarding_training', message: 'The safeguarding training is missing: none is recorded' },
    ]);
  });

  it('refuses a driver without safeguarding training, whatever else is current', () => {
    assert.deepEqual(gateDecision('renew', granted, without('safeguarding_training'), null, on).problems, [
      { field: 'safeguarding_training', message: 'The safeguarding training is missing: none is recorded' },
    ]);
  });

  it('refuses an enhanced DBS certificate not checked against both barred lists', () => {
    const checks = [
      ...without('dbs_enhanced'),
      check({ id: 'e', kind: 'dbs_enhanced', doneOn: '2015-06-01', barredLists: ['children'] }),
    ];
    assert.deepEqual(gateDecision('grant', application, checks, null, on).problems, [
      {
        field: 'dbs_enhanced',
        message:
          'The enhanced DBS certificate is missing: none checked against both the children’s and adults’ barred lists is recorded',
      },
    ]);
  });

  it('refuses on the day after a check runs out, and not on its last day', () => {
    assert.equal(gateDecision('renew', granted, allCurrent, null, '2015-12-01').allowed, true);
    assert.deepEqual(gateDecision('renew', granted, allCurrent, null, '2015-12-02').problems, [
      {
        field: 'dbs_status_check',
        message:
          'The DBS update service status check is overdue: the last was on 1 June 2015 and it ran out on 1 December 2015',
      },
    ]);
  });

  it('refuses a driver whose five-yearly medical ran out at 65', () => {
    const d = gateDecision('renew', granted, allCurrent, '1950-09-01', on);
    assert.deepEqual(
      d.problems.map((p) => p.field),
      ['medical'],
    );
  });

  it('does not count a check done after the day', () => {
    const checks = [...without('medical'), check({ id: 'm', kind: 'medical', doneOn: '2015-11-01' })];
    assert.deepEqual(
      gateDecision('grant', application, checks, null, on).problems.map((p) => p.field),
      ['medical'],
    );
  });

  it('asks of a vehicle only its inspection, and of an operator a basic DBS and a right to work', () => {
    const vehicle = licence({ id: 'V1', kind: 'private_hire_vehicle', status: 'application' });
    assert.deepEqual(gateDecision('grant', vehicle, [], null, on).problems, [
      { field: 'vehicle_inspection', message: 'The vehicle inspection is missing: none is recorded' },
    ]);
    const inspected = [check({ id: 'i', kind: 'vehicle_inspection', doneOn: '2015-10-01' })];
    assert.equal(gateDecision('grant', vehicle, inspected, null, on).allowed, true);
    const operator = licence({ id: 'O1', kind: 'private_hire_operator', status: 'application' });
    assert.deepEqual(
      gateDecision('grant', operator, [], null, on).problems.map((p) => p.field),
      ['basic_dbs', 'right_to_work'],
    );
    assert.equal(
      gateDecision('grant', operator, checksOf(['basic_dbs', 'right_to_work'], '2015-06-01'), null, on)
        .allowed,
      true,
    );
  });
});

describe('which licences the gate will act on', () => {
  const statuses: LicenceStatus[] = [
    'application',
    'granted',
    'suspended',
    'revoked',
    'refused',
    'surrendered',
    'expired',
  ];

  it('grants only an application', () => {
    for (const status of statuses) {
      const d = gateDecision('grant', licence({ id: '1', status }), allCurrent, null, on);
      assert.equal(d.allowed, status === 'application', status);
    }
    assert.deepEqual(gateDecision('grant', granted, allCurrent, null, on).problems, [
      {
        field: 'licence',
        message: 'Licence PH-1 is granted, not an application: only an application can be granted',
      },
    ]);
  });

  it('renews only a licence granted or expired, including one granted whose end has passed', () => {
    for (const status of statuses) {
      const d = gateDecision('renew', licence({ id: '1', status }), allCurrent, null, on);
      assert.equal(d.allowed, status === 'granted' || status === 'expired', status);
    }
    const lapsed = licence({ id: '1', endOn: '2015-09-30' });
    assert.equal(gateDecision('renew', lapsed, allCurrent, null, on).allowed, true);
    assert.deepEqual(gateDecision('grant', lapsed, allCurrent, null, on).problems, [
      {
        field: 'licence',
        message: 'Licence PH-1 is expired, not an application: only an application can be granted',
      },
    ]);
  });

  it('names the licence, its state and the day when it refuses a renewal', () => {
    assert.deepEqual(
      gateDecision('renew', licence({ id: '1', status: 'suspended' }), allCurrent, null, on).problems,
      [
        {
          field: 'licence',
          message:
            'Licence PH-1 is suspended on 31 October 2015: only a licence granted or expired can be renewed',
        },
      ],
    );
  });

  it('lists the licence’s state first, then every check that refuses it', () => {
    const d = gateDecision('renew', licence({ id: '1', status: 'revoked' }), without('medical'), null, on);
    assert.deepEqual(
      d.problems.map((p) => p.field),
      ['licence', 'medical'],
    );
  });
});

describe('the heading of a refusal', () => {
  it('names the kind and number of the licence, the action and the day', () => {
    assert.equal(
      refusalHeading('renew', { kind: 'private_hire_driver', number: 'PH-1' }, '2015-11-27'),
      'The private hire driver licence PH-1 cannot be renewed on 27 November 2015',
    );
    assert.equal(
      refusalHeading('grant', { kind: 'dual_driver', number: 'DD-7' }, '2015-11-27'),
      'The dual hackney carriage and private hire driver licence DD-7 cannot be granted on 27 November 2015',
    );
  });
});

describe('the gate’s messages as documented', () => {
  it('start with “The”, as in “The DBS update service status check is overdue: …”', () => {
    assert.equal(
      gateDecision('renew', granted, allCurrent, null, '2015-12-02').problems[0]?.message,
      'The DBS update service status check is overdue: the last was on 1 June 2015 and it ran out on 1 December 2015',
    );
  });
});
