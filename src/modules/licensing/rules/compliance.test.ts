import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { complianceView, heldOn, holderCompliance, trainedBy } from './compliance.ts';
import { check, checksOf, DRIVER_CHECK_KINDS, holder, licence } from './fixtures.ts';
import type { CheckFacts, CheckKind } from './types.ts';

const on = '2015-10-31';

/** Every driver check of `holderId` done on 1 June 2015 except `leaveOut`; the status check is due on 27 November. */
const driverChecks = (holderId: string, ...leaveOut: CheckKind[]): CheckFacts[] =>
  checksOf(
    DRIVER_CHECK_KINDS.filter((k) => !leaveOut.includes(k)),
    '2015-06-01',
    holderId,
  );

describe('whether a licence is held on a day', () => {
  it('is held from its first day to its last', () => {
    const l = licence({ id: '1' });
    assert.equal(heldOn(l, '2015-03-31'), false);
    assert.equal(heldOn(l, '2015-04-01'), true);
    assert.equal(heldOn(l, '2016-03-31'), true);
    assert.equal(heldOn(l, '2016-04-01'), false);
  });

  it('is still held while suspended', () => {
    assert.equal(heldOn(licence({ id: '1', status: 'suspended', statusFrom: '2015-09-01' }), on), true);
  });

  it('was never held as an application or a refusal', () => {
    assert.equal(heldOn(licence({ id: '1', status: 'application', statusFrom: null }), on), false);
    assert.equal(heldOn(licence({ id: '1', status: 'refused', statusFrom: '2015-05-01' }), on), false);
  });

  it('is held until a revocation, surrender or expiry takes effect, and not from that day', () => {
    for (const status of ['revoked', 'surrendered', 'expired'] as const) {
      const l = licence({ id: '1', status, statusFrom: '2015-10-31' });
      assert.equal(heldOn(l, '2015-10-30'), true, status);
      assert.equal(heldOn(l, '2015-10-31'), false, status);
    }
  });
});

describe('whether a holder was trained', () => {
  const training = check({ id: 't', kind: 'safeguarding_training', doneOn: '2015-10-31' });

  it('counts safeguarding training attended on or before the day', () => {
    assert.equal(trainedBy([training], '2015-10-31'), true);
    assert.equal(trainedBy([training], '2015-10-30'), false);
  });

  it('does not count a failed course or any other check', () => {
    assert.equal(trainedBy([{ ...training, outcome: 'failed' }], on), false);
    assert.equal(trainedBy([check({ id: 'm', kind: 'medical', doneOn: '2015-06-01' })], on), false);
  });
});

describe('one holder’s compliance', () => {
  it('is nothing when they hold no licence that day', () => {
    const h = holder({ id: 'h1', licences: [licence({ id: '1', status: 'application', statusFrom: null })] });
    assert.equal(holderCompliance(h, on), null);
  });

  it('covers every licence held, in the order of the kinds, and lists the numbers sorted', () => {
    const h = holder({
      id: 'h1',
      name: 'Ann Able',
      licences: [
        licence({ id: '9', kind: 'private_hire_driver' }),
        licence({ id: '2', kind: 'hackney_carriage_driver', number: 'HC-2' }),
        licence({ id: '3', kind: 'dual_driver', status: 'revoked', statusFrom: '2015-09-01' }),
      ],
      checks: driverChecks('h1', 'medical'),
    });
    const line = holderCompliance(h, '2015-11-27');
    assert.deepEqual(line?.kinds, ['hackney_carriage_driver', 'private_hire_driver']);
    assert.deepEqual(line?.licenceNumbers, ['HC-2', 'PH-9']);
    assert.deepEqual(
      line?.overdue.map((p) => [p.kind, p.standing]),
      [['medical', 'missing']],
    );
    assert.deepEqual(
      line?.due.map((p) => p.kind),
      ['dbs_status_check'],
    );
    assert.equal(line?.trained, true);
  });
});

describe('the compliance view', () => {
  const view = complianceView(
    [
      holder({
        id: 'h-ann',
        name: 'Ann Able',
        licences: [licence({ id: '1' })],
        checks: [
          ...driverChecks('h-ann', 'dbs_status_check'),
          check({ id: 's', kind: 'dbs_status_check', doneOn: '2015-10-01' }),
        ],
      }),
      holder({
        id: 'h-bob',
        name: 'Bob Brown',
        licences: [licence({ id: '2', kind: 'hackney_carriage_driver' })],
        checks: driverChecks('h-bob'),
      }),
      holder({
        id: 'h-cat',
        name: 'Cat Cole',
        licences: [licence({ id: '3', kind: 'dual_driver' })],
        checks: driverChecks('h-cat', 'safeguarding_training'),
      }),
      holder({
        id: 'h-van',
        kind: 'vehicle',
        name: 'AB15 CDE',
        licences: [licence({ id: '4', kind: 'private_hire_vehicle' })],
        checks: [check({ id: 'i', kind: 'vehicle_inspection', doneOn: '2015-10-01' })],
      }),
      holder({ id: 'h-old', licences: [licence({ id: '5', endOn: '2015-10-30' })] }),
      holder({ id: 'h-new', licences: [licence({ id: '6', status: 'application', statusFrom: null })] }),
    ],
    '2015-11-27',
  );

  it('counts the holders who hold a licence that day, each as compliant, due or overdue, with their ids', () => {
    assert.deepEqual(view.all, {
      holders: { count: 4, holderIds: ['h-ann', 'h-bob', 'h-cat', 'h-van'] },
      compliant: { count: 2, holderIds: ['h-ann', 'h-van'] },
      due: { count: 1, holderIds: ['h-bob'] },
      overdue: { count: 1, holderIds: ['h-cat'] },
      trained: { count: 2, holderIds: ['h-ann', 'h-bob'] },
      trainedShare: 0.5,
    });
  });

  it('counts a holder with a check overdue as overdue only, not also as due', () => {
    const cat = view.attention.find((l) => l.holderId === 'h-cat');
    assert.equal(cat?.due.length, 1);
    assert.equal(view.all.due.holderIds.includes('h-cat'), false);
  });

  it('gives the figures of every kind of licence, with no share trained where no one holds one', () => {
    const byKind = Object.fromEntries(view.byKind.map((k) => [k.kind, k.figures]));
    assert.deepEqual(
      view.byKind.map((k) => k.kind),
      [
        'hackney_carriage_driver',
        'private_hire_driver',
        'dual_driver',
        'hackney_carriage_vehicle',
        'private_hire_vehicle',
        'private_hire_operator',
      ],
    );
    assert.deepEqual(byKind.private_hire_driver?.holders.holderIds, ['h-ann']);
    assert.equal(byKind.private_hire_driver?.trainedShare, 1);
    assert.deepEqual(byKind.hackney_carriage_driver?.due.holderIds, ['h-bob']);
    assert.deepEqual(byKind.dual_driver?.overdue.holderIds, ['h-cat']);
    assert.equal(byKind.dual_driver?.trainedShare, 0);
    assert.deepEqual(byKind.private_hire_vehicle?.compliant.holderIds, ['h-van']);
    assert.equal(byKind.private_hire_vehicle?.trainedShare, 0);
    assert.equal(byKind.hackney_carriage_vehicle?.holders.count, 0);
    assert.equal(byKind.hackney_carriage_vehicle?.trainedShare, null);
  });

  it('lists for attention the holders overdue first, then those due', () => {
    assert.equal(view.on, '2015-11-27');
    assert.deepEqual(
      view.attention.map((l) => l.holderId),
      ['h-cat', 'h-bob'],
    );
  });

  it('orders holders needing attention by name within overdue and within due', () => {
    const overdue = (id: string, name: string) =>
      holder({ id, name, licences: [licence({ id })], checks: driverChecks(id, 'medical') });
    const due = (id: string, name: string) =>
      holder({ id, name, licences: [licence({ id })], checks: driverChecks(id) });
    const v = complianceView(
      [due('d1', 'Yusuf Young'), overdue('o1', 'Zena Zhu'), due('d2', 'Adam Ash'), overdue('o2', 'Amy Ames')],
      '2015-11-27',
    );
    assert.deepEqual(
      v.attention.map((l) => l.holderId),
      ['o2', 'o1', 'd2', 'd1'],
    );
  });

  it('counts a holder of two kinds once in all and once under each kind', () => {
    const v = complianceView(
      [
        holder({
          id: 'h1',
          licences: [licence({ id: '1' }), licence({ id: '2', kind: 'hackney_carriage_driver' })],
          checks: driverChecks('h1'),
        }),
      ],
      on,
    );
    assert.equal(v.all.holders.count, 1);
    const counts = Object.fromEntries(v.byKind.map((k) => [k.kind, k.figures.holders.count]));
    assert.equal(counts.private_hire_driver, 1);
    assert.equal(counts.hackney_carriage_driver, 1);
    assert.equal(counts.dual_driver, 0);
  });

  it('has no share trained and nothing for attention with no holders', () => {
    const v = complianceView([], on);
    assert.equal(v.all.holders.count, 0);
    assert.equal(v.all.trainedShare, null);
    assert.deepEqual(v.attention, []);
  });
});
