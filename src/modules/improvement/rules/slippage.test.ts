import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { project, rebaseline } from './fixtures.ts';
import { projectSlippage, rebaselinesInPeriod } from './slippage.ts';

const first = rebaseline({
  id: 'r1',
  milestoneId: 'm1',
  fromDate: '2015-09-30',
  toDate: '2015-12-31',
  reason: 'Waiting for the new case management system',
  approvedBy: 'Lead Commissioner',
  approvedOn: '2015-09-20',
});
const second = rebaseline({
  id: 'r2',
  milestoneId: null,
  fromDate: '2016-03-31',
  toDate: '2016-06-30',
  reason: 'Recruitment of the new director delayed',
  approvedBy: 'Improvement Board',
  approvedOn: '2015-10-15',
});
const broughtForward = rebaseline({
  id: 'r3',
  milestoneId: 'm2',
  fromDate: '2016-01-31',
  toDate: '2016-01-21',
  approvedOn: '2015-11-05',
});

describe('a project’s slippage', () => {
  it('is nothing when no date has moved', () => {
    assert.deepEqual(projectSlippage(project({ id: 'p' }), '2015-10-31'), {
      rebaselines: 0,
      daysSlipped: 0,
      moves: [],
    });
  });

  it('lists each move approved by the day, in order of approval, with its reason, approver and days', () => {
    const p = project({ id: 'p', rebaselines: [second, first, broughtForward] });
    assert.deepEqual(projectSlippage(p, '2015-10-31'), {
      rebaselines: 2,
      daysSlipped: 92 + 91,
      moves: [
        {
          rebaselineId: 'r1',
          milestoneId: 'm1',
          fromDate: '2015-09-30',
          toDate: '2015-12-31',
          days: 92,
          reason: 'Waiting for the new case management system',
          approvedBy: 'Lead Commissioner',
          approvedOn: '2015-09-20',
        },
        {
          rebaselineId: 'r2',
          milestoneId: null,
          fromDate: '2016-03-31',
          toDate: '2016-06-30',
          days: 91,
          reason: 'Recruitment of the new director delayed',
          approvedBy: 'Improvement Board',
          approvedOn: '2015-10-15',
        },
      ],
    });
  });

  it('counts a date brought forward as negative days, and a move approved on the day itself', () => {
    const p = project({ id: 'p', rebaselines: [first, broughtForward] });
    const slip = projectSlippage(p, '2015-11-05');
    assert.equal(slip.rebaselines, 2);
    assert.equal(slip.moves[1]?.days, -10);
    assert.equal(slip.daysSlipped, 82);
  });

  it('keeps moves approved the same day in the order given', () => {
    const a = { ...first, id: 'a', approvedOn: '2015-10-01' };
    const b = { ...second, id: 'b', approvedOn: '2015-10-01' };
    const ids = (rs: (typeof a)[]) =>
      projectSlippage(project({ id: 'p', rebaselines: rs }), '2015-10-31').moves.map((m) => m.rebaselineId);
    assert.deepEqual(ids([a, b]), ['a', 'b']);
    assert.deepEqual(ids([b, a]), ['b', 'a']);
  });
});

describe('re-baselines in a period', () => {
  const p1 = project({
    id: 'p1',
    ref: 'CS01',
    title: 'Children’s social care',
    rebaselines: [second, first],
  });
  const p2 = project({ id: 'p2', ref: 'TX02', title: 'Taxi licensing', rebaselines: [broughtForward] });

  it('lists those approved from the first day to the last, both included, in order of approval', () => {
    const found = rebaselinesInPeriod([p1, p2], '2015-09-20', '2015-11-05');
    assert.deepEqual(
      found.map((r) => [r.projectId, r.ref, r.title, r.rebaselineId, r.days]),
      [
        ['p1', 'CS01', 'Children’s social care', 'r1', 92],
        ['p1', 'CS01', 'Children’s social care', 'r2', 91],
        ['p2', 'TX02', 'Taxi licensing', 'r3', -10],
      ],
    );
    assert.equal(found[0]?.reason, 'Waiting for the new case management system');
    assert.equal(found[0]?.approvedBy, 'Lead Commissioner');
  });

  it('leaves out those approved before or after the period', () => {
    assert.deepEqual(
      rebaselinesInPeriod([p1, p2], '2015-09-21', '2015-11-04').map((r) => r.rebaselineId),
      ['r2'],
    );
    assert.deepEqual(rebaselinesInPeriod([p1, p2], '2016-01-01', '2016-03-31'), []);
  });

  it('orders same-day re-baselines by project, then as listed', () => {
    const day = { approvedOn: '2015-10-01' };
    const q1 = project({
      id: 'q1',
      rebaselines: [
        { ...second, ...day },
        { ...first, ...day },
      ],
    });
    const q2 = project({ id: 'q2', rebaselines: [{ ...broughtForward, ...day }] });
    assert.deepEqual(
      rebaselinesInPeriod([q2, q1], '2015-10-01', '2015-10-01').map(
        (r) => `${r.projectId}/${r.rebaselineId}`,
      ),
      ['q2/r3', 'q1/r2', 'q1/r1'],
    );
  });
});
