import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { doneMilestone, managementAction, milestone, project, rebaseline } from './fixtures.ts';
import { boardSummary, wholePercent } from './summary.ts';
import { PROJECT_STATUSES, type ProjectFacts } from './types.ts';

const on = '2015-10-31';
const period = { from: '2015-10-01', to: '2015-10-31' };

/** A project that derives to each status on 31 October 2015. */
const make = {
  complete: (id: string) =>
    project({ id, milestones: [doneMilestone({ id: `${id}-m`, completedOn: '2015-09-01' })] }),
  onTrack: (id: string) => project({ id, milestones: [milestone({ id: `${id}-m`, dueOn: '2015-12-31' })] }),
  behind: (id: string) =>
    project({
      id,
      milestones: [milestone({ id: `${id}-m`, dueOn: '2015-09-30' })],
      actions: [managementAction({ id: `${id}-a`, milestoneId: `${id}-m` })],
    }),
  offTrack: (id: string) => project({ id, milestones: [milestone({ id: `${id}-m`, dueOn: '2015-09-30' })] }),
  notYetDue: (id: string) => project({ id, startOn: '2016-01-01' }),
};

const many = (n: number, prefix: string, build: (id: string) => ProjectFacts) =>
  Array.from({ length: n }, (_, i) => build(`${prefix}${i + 1}`));

describe('whole percentages', () => {
  it('round to the nearest whole number, and are 0 of nothing', () => {
    assert.deepEqual(
      [33, 87, 9, 3].map((n) => wholePercent(n, 132)),
      [25, 66, 7, 2],
    );
    assert.equal(wholePercent(1, 8), 13);
    assert.equal(wholePercent(1, 3), 33);
    assert.equal(wholePercent(0, 0), 0);
  });
});

describe('the board summary', () => {
  it('derives the seed’s figures for 132 projects: 25% complete, 66% on track, 7% behind, 2% not yet due', () => {
    const projects = [
      ...many(33, 'c', make.complete),
      ...many(87, 'o', make.onTrack),
      ...many(9, 'b', make.behind),
      ...many(3, 'n', make.notYetDue),
    ];
    const summary = boardSummary(projects, on, period);
    assert.equal(summary.on, on);
    assert.equal(summary.total, 132);
    assert.deepEqual(
      summary.counts.map((c) => [c.status, c.count, c.percent]),
      [
        ['complete', 33, 25],
        ['on_track', 87, 66],
        ['behind_with_action', 9, 7],
        ['off_track', 0, 0],
        ['not_yet_due', 3, 2],
      ],
    );
    assert.deepEqual(summary.counts[4]?.projectIds, ['n1', 'n2', 'n3']);
    assert.equal(summary.counts[2]?.projectIds.length, 9);
    assert.deepEqual(summary.offTrack, []);
  });

  it('lists the projects each count is made of, and the off-track ones with what is overdue', () => {
    const projects = [make.offTrack('x'), make.complete('c'), make.offTrack('y')];
    const summary = boardSummary(projects, on, period);
    assert.deepEqual(summary.counts.find((c) => c.status === 'off_track')?.projectIds, ['x', 'y']);
    assert.deepEqual(summary.counts.find((c) => c.status === 'complete')?.projectIds, ['c']);
    assert.deepEqual(summary.offTrack[0], {
      projectId: 'x',
      ref: 'P-x',
      title: 'Project x',
      overdue: [{ milestoneId: 'x-m', dueOn: '2015-09-30', daysOverdue: 31, actionId: null }],
    });
    assert.equal(summary.offTrack.length, 2);
  });

  it('lists the slipped projects, most days first, counting only re-baselines approved by the day', () => {
    const move = (id: string, days: 'short' | 'long', approvedOn = '2015-06-01') =>
      rebaseline({
        id,
        milestoneId: null,
        fromDate: '2016-03-31',
        toDate: days === 'short' ? '2016-04-30' : '2016-09-30',
        approvedOn,
      });
    const projects = [
      project({ id: 'a', rebaselines: [move('a1', 'short')] }),
      project({ id: 'b', rebaselines: [move('b1', 'long')] }),
      project({ id: 'c', rebaselines: [move('c1', 'short'), move('c2', 'short', '2015-11-01')] }),
      project({ id: 'd', rebaselines: [move('d1', 'long', '2015-10-10')] }),
      project({ id: 'e' }),
      project({
        id: 'f',
        rebaselines: [{ ...move('f1', 'short'), toDate: '2016-04-10' }, move('f2', 'short')],
      }),
    ];
    const summary = boardSummary(projects, on, period);
    assert.deepEqual(
      summary.slipped.map((s) => [s.projectId, s.rebaselines, s.daysSlipped]),
      [
        ['b', 1, 183],
        ['d', 1, 183],
        ['f', 2, 40],
        ['a', 1, 30],
        ['c', 1, 30],
      ],
    );
    assert.deepEqual(summary.slipped[0], {
      projectId: 'b',
      ref: 'P-b',
      title: 'Project b',
      rebaselines: 1,
      daysSlipped: 183,
    });
    assert.deepEqual(
      summary.rebaselinesInPeriod.map((r) => [r.projectId, r.rebaselineId]),
      [['d', 'd1']],
    );
  });

  it('puts a project with more re-baselines first among those slipped by the same days', () => {
    const move = (id: string, toDate: string) =>
      rebaseline({ id, milestoneId: null, fromDate: '2016-03-31', toDate, approvedOn: '2015-06-01' });
    const once = project({ id: 'once', rebaselines: [move('o1', '2016-04-30')] });
    const twice = project({ id: 'twice', rebaselines: [move('t1', '2016-04-15'), move('t2', '2016-04-15')] });
    assert.deepEqual(
      boardSummary([once, twice], on, period).slipped.map((s) => s.projectId),
      ['twice', 'once'],
    );
  });

  it('has every status with a count of 0 when there are no projects', () => {
    const summary = boardSummary([], on, period);
    assert.equal(summary.total, 0);
    assert.deepEqual(
      summary.counts.map((c) => [c.status, c.count, c.percent, c.projectIds]),
      PROJECT_STATUSES.map((s) => [s, 0, 0, []]),
    );
    assert.deepEqual([summary.offTrack, summary.slipped, summary.rebaselinesInPeriod], [[], [], []]);
  });
});
