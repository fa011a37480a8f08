import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { vehicleCheck } from './fixtures.ts';
import { unannouncedShares } from './vehicle-checks.ts';

describe('the unannounced share of vehicle checks by quarter', () => {
  it('is nothing without checks', () => {
    assert.deepEqual(unannouncedShares([]), []);
  });

  it('counts the checks, the unannounced ones and the failures of a quarter, with their ids', () => {
    const checks = [
      vehicleCheck({ id: 'v1', checkedOn: '2015-10-01' }),
      vehicleCheck({ id: 'v2', checkedOn: '2015-11-10', announced: false, result: 'fail' }),
      vehicleCheck({ id: 'v3', checkedOn: '2015-12-31', announced: false, result: 'advisory' }),
      vehicleCheck({ id: 'v4', checkedOn: '2015-12-01', result: 'fail' }),
    ];
    assert.deepEqual(unannouncedShares(checks), [
      {
        quarter: '2015 Q4',
        checks: 4,
        unannounced: 2,
        share: 0.5,
        failed: 2,
        checkIds: ['v1', 'v2', 'v4', 'v3'],
        unannouncedIds: ['v2', 'v3'],
      },
    ]);
  });

  it('shows every quarter from the first check to the last, the empty ones with no share', () => {
    const checks = [
      vehicleCheck({ id: 'b', checkedOn: '2016-05-03', announced: false }),
      vehicleCheck({ id: 'a', checkedOn: '2015-09-30', announced: false }),
      vehicleCheck({ id: 'c', checkedOn: '2016-04-01' }),
    ];
    const empty = (quarter: string) => ({
      quarter,
      checks: 0,
      unannounced: 0,
      share: null,
      failed: 0,
      checkIds: [],
      unannouncedIds: [],
    });
    assert.deepEqual(unannouncedShares(checks), [
      {
        quarter: '2015 Q3',
        checks: 1,
        unannounced: 1,
        share: 1,
        failed: 0,
        checkIds: ['a'],
        unannouncedIds: ['a'],
      },
      empty('2015 Q4'),
      empty('2016 Q1'),
      {
        quarter: '2016 Q2',
        checks: 2,
        unannounced: 1,
        share: 0.5,
        failed: 0,
        checkIds: ['c', 'b'],
        unannouncedIds: ['b'],
      },
    ]);
  });

  it('has a share of nought in a quarter of announced checks only', () => {
    const rows = unannouncedShares([vehicleCheck({ id: 'a', checkedOn: '2016-01-04' })]);
    assert.equal(rows[0]?.share, 0);
  });

  it('orders checks of the same day by id', () => {
    const checks = [
      vehicleCheck({ id: 'z', checkedOn: '2016-01-04' }),
      vehicleCheck({ id: 'm', checkedOn: '2016-01-04' }),
    ];
    assert.deepEqual(unannouncedShares(checks)[0]?.checkIds, ['m', 'z']);
  });
});
