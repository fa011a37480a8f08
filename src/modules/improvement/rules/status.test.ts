import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { doneMilestone, managementAction, milestone, project, rebaseline } from './fixtures.ts';
import { deriveProjectStatus, dueDateOn, milestoneDone, PROJECT_STATUS_LABELS } from './status.ts';
import { PROJECT_STATUSES } from './types.ts';

describe('the due date in force', () => {
  it('is the baseline when nothing has been re-baselined', () => {
    assert.equal(dueDateOn('2015-09-30', [], '2015-10-31'), '2015-09-30');
  });

  it('is the new date of a re-baseline approved on or before the day', () => {
    const r = rebaseline({ id: 'r1', milestoneId: 'm1', fromDate: '2015-09-30', toDate: '2015-12-31' });
    assert.equal(dueDateOn('2015-09-30', [{ ...r, approvedOn: '2015-10-31' }], '2015-10-31'), '2015-12-31');
    assert.equal(dueDateOn('2015-09-30', [{ ...r, approvedOn: '2015-11-01' }], '2015-10-31'), '2015-09-30');
  });

  it('is that of the latest approval, whatever the order of the list', () => {
    const later = rebaseline({
      id: 'r2',
      milestoneId: 'm1',
      fromDate: '2015-12-31',
      toDate: '2016-03-31',
      approvedOn: '2015-12-01',
    });
    const earlier = rebaseline({
      id: 'r1',
      milestoneId: 'm1',
      fromDate: '2015-09-30',
      toDate: '2015-12-31',
      approvedOn: '2015-09-15',
    });
    assert.equal(dueDateOn('2015-09-30', [later, earlier], '2016-01-01'), '2016-03-31');
    assert.equal(dueDateOn('2015-09-30', [later, earlier], '2015-11-01'), '2015-12-31');
  });

  it('is that of the later in the list of two approved on the same day', () => {
    const a = rebaseline({ id: 'a', milestoneId: 'm1', fromDate: '2015-09-30', toDate: '2015-11-30' });
    const b = rebaseline({ id: 'b', milestoneId: 'm1', fromDate: '2015-11-30', toDate: '2016-01-31' });
    const sameDay = { approvedOn: '2015-09-20' };
    assert.equal(
      dueDateOn(
        '2015-09-30',
        [
          { ...a, ...sameDay },
          { ...b, ...sameDay },
        ],
        '2015-10-01',
      ),
      '2016-01-31',
    );
    assert.equal(
      dueDateOn(
        '2015-09-30',
        [
          { ...b, ...sameDay },
          { ...a, ...sameDay },
        ],
        '2015-10-01',
      ),
      '2015-11-30',
    );
  });
});

describe('whether a milestone is done', () => {
  const done = doneMilestone({ id: 'm1', completedOn: '2015-09-20' });

  it('is done from the day it was completed, with evidence', () => {
    assert.equal(milestoneDone(done, '2015-09-20'), true);
    assert.equal(milestoneDone(done, '2015-09-19'), false);
  });

  it('is not done without a completion, a kind of evidence or the evidence itself', () => {
    assert.equal(milestoneDone({ ...done, completedOn: null }, '2015-10-31'), false);
    assert.equal(milestoneDone({ ...done, evidenceKind: null }, '2015-10-31'), false);
    assert.equal(milestoneDone({ ...done, evidence: null }, '2015-10-31'), false);
    assert.equal(milestoneDone({ ...done, evidence: '   ' }, '2015-10-31'), false);
  });
});

describe('a project’s derived status', () => {
  const on = '2015-10-31';

  it('is complete when every milestone is done with evidence', () => {
    const p = project({
      id: 'p',
      milestones: [
        doneMilestone({ id: 'm1', completedOn: '2015-06-01' }),
        doneMilestone({ id: 'm2', completedOn: '2015-10-31' }),
      ],
    });
    assert.deepEqual(deriveProjectStatus(p, on), {
      status: 'complete',
      overdue: [],
      reason: 'All 2 milestones are done, with evidence',
    });
    const one = project({ id: 'q', milestones: [doneMilestone({ id: 'm1', completedOn: '2015-06-01' })] });
    assert.equal(deriveProjectStatus(one, on).reason, 'Its one milestone is done, with evidence');
  });

  it('is not complete when a milestone was marked completed without evidence', () => {
    const p = project({
      id: 'p',
      milestones: [
        doneMilestone({ id: 'm1', completedOn: '2015-06-01' }),
        milestone({ id: 'm2', dueOn: '2015-09-30', completedOn: '2015-09-01' }),
      ],
    });
    const result = deriveProjectStatus(p, on);
    assert.equal(result.status, 'off_track');
    assert.deepEqual(
      result.overdue.map((o) => o.milestoneId),
      ['m2'],
    );
  });

  it('is complete even before its planned start when the work is done and evidenced', () => {
    const p = project({
      id: 'p',
      startOn: '2016-01-01',
      milestones: [doneMilestone({ id: 'm1', completedOn: '2015-10-01' })],
    });
    assert.equal(deriveProjectStatus(p, on).status, 'complete');
  });

  it('is not yet due before its start, even with a milestone past its date', () => {
    const p = project({
      id: 'p',
      startOn: '2015-11-01',
      milestones: [milestone({ id: 'm1', dueOn: '2015-10-01' })],
    });
    assert.deepEqual(deriveProjectStatus(p, on), {
      status: 'not_yet_due',
      overdue: [],
      reason: 'Not started by plan: it starts on 1 November 2015',
    });
    assert.notEqual(deriveProjectStatus(p, '2015-11-01').status, 'not_yet_due');
  });

  it('is on track when no milestone is overdue, a milestone due that very day included', () => {
    const p = project({
      id: 'p',
      milestones: [
        doneMilestone({ id: 'm1', dueOn: '2015-06-30', completedOn: '2015-07-15' }),
        milestone({ id: 'm2', dueOn: on }),
      ],
    });
    assert.deepEqual(deriveProjectStatus(p, on), {
      status: 'on_track',
      overdue: [],
      reason: 'No milestone is overdue (1 of 2 done)',
    });
  });

  it('is off track with a milestone overdue and no management action, counting the days', () => {
    const p = project({
      id: 'p',
      milestones: [
        milestone({ id: 'm1', dueOn: '2015-09-30' }),
        milestone({ id: 'm2', dueOn: '2015-10-30' }),
      ],
    });
    assert.deepEqual(deriveProjectStatus(p, on), {
      status: 'off_track',
      overdue: [
        { milestoneId: 'm1', dueOn: '2015-09-30', daysOverdue: 31, actionId: null },
        { milestoneId: 'm2', dueOn: '2015-10-30', daysOverdue: 1, actionId: null },
      ],
      reason: '2 milestones overdue with no management action',
    });
    const one = project({ id: 'q', milestones: [milestone({ id: 'm1', dueOn: '2015-09-30' })] });
    assert.equal(deriveProjectStatus(one, on).reason, '1 milestone overdue with no management action');
  });

  it('is behind with management action when an action for the milestone is agreed and not past its date', () => {
    const p = project({
      id: 'p',
      milestones: [milestone({ id: 'm1', dueOn: '2015-09-30' })],
      actions: [managementAction({ id: 'a1', milestoneId: 'm1', agreedOn: '2015-10-05', dueOn: on })],
    });
    assert.deepEqual(deriveProjectStatus(p, on), {
      status: 'behind_with_action',
      overdue: [{ milestoneId: 'm1', dueOn: '2015-09-30', daysOverdue: 31, actionId: 'a1' }],
      reason: '1 milestone overdue, with a management action',
    });
  });

  it('counts a project-wide action for every overdue milestone, preferring the milestone’s own', () => {
    const p = project({
      id: 'p',
      milestones: [
        milestone({ id: 'm1', dueOn: '2015-09-30' }),
        milestone({ id: 'm2', dueOn: '2015-10-15' }),
      ],
      actions: [
        managementAction({ id: 'whole', milestoneId: null }),
        managementAction({ id: 'own', milestoneId: 'm2' }),
      ],
    });
    const result = deriveProjectStatus(p, on);
    assert.equal(result.status, 'behind_with_action');
    assert.deepEqual(
      result.overdue.map((o) => [o.milestoneId, o.actionId]),
      [
        ['m1', 'whole'],
        ['m2', 'own'],
      ],
    );
    assert.equal(result.reason, '2 milestones overdue, each with a management action');
  });

  it('does not count an action agreed after the day, past its own date, or for another milestone', () => {
    const overdue = [milestone({ id: 'm1', dueOn: '2015-09-30' })];
    const withAction = (a: ReturnType<typeof managementAction>) =>
      deriveProjectStatus(project({ id: 'p', milestones: overdue, actions: [a] }), on).status;
    assert.equal(
      withAction(managementAction({ id: 'a', milestoneId: 'm1', agreedOn: '2015-11-01' })),
      'off_track',
    );
    assert.equal(
      withAction(managementAction({ id: 'a', milestoneId: 'm1', dueOn: '2015-10-30' })),
      'off_track',
    );
    assert.equal(withAction(managementAction({ id: 'a', milestoneId: 'm9' })), 'off_track');
    assert.equal(
      withAction(managementAction({ id: 'a', milestoneId: 'm1', agreedOn: on })),
      'behind_with_action',
    );
  });

  it('is off track when only some overdue milestones have an action, and says how many have none', () => {
    const p = project({
      id: 'p',
      milestones: [
        milestone({ id: 'm1', dueOn: '2015-09-30' }),
        milestone({ id: 'm2', dueOn: '2015-10-01' }),
        milestone({ id: 'm3', dueOn: '2015-10-02' }),
      ],
      actions: [managementAction({ id: 'a1', milestoneId: 'm2' })],
    });
    const result = deriveProjectStatus(p, on);
    assert.equal(result.status, 'off_track');
    assert.deepEqual(
      result.overdue.map((o) => o.actionId),
      [null, 'a1', null],
    );
    assert.equal(result.reason, '3 milestones overdue, 2 of them with no management action');
  });

  it('judges a milestone by its due date in force, not a re-baseline approved later', () => {
    const moved = rebaseline({
      id: 'r1',
      milestoneId: 'm1',
      fromDate: '2015-09-30',
      toDate: '2015-12-31',
      approvedOn: '2015-09-25',
    });
    const p = project({
      id: 'p',
      milestones: [milestone({ id: 'm1', dueOn: '2015-09-30' })],
      rebaselines: [moved],
    });
    assert.equal(deriveProjectStatus(p, on).status, 'on_track');
    const approvedLater = { ...p, rebaselines: [{ ...moved, approvedOn: '2015-11-02' }] };
    assert.equal(deriveProjectStatus(approvedLater, on).status, 'off_track');
    const backAgain = rebaseline({
      id: 'r2',
      milestoneId: 'm1',
      fromDate: '2015-12-31',
      toDate: '2015-10-15',
      approvedOn: '2015-10-10',
    });
    const pulledIn = deriveProjectStatus({ ...p, rebaselines: [moved, backAgain] }, on);
    assert.deepEqual(pulledIn.overdue, [
      { milestoneId: 'm1', dueOn: '2015-10-15', daysOverdue: 16, actionId: null },
    ]);
  });

  it('does not move a milestone when the project’s own date or another milestone’s is re-baselined', () => {
    const p = project({
      id: 'p',
      milestones: [milestone({ id: 'm1', dueOn: '2015-09-30' })],
      rebaselines: [
        rebaseline({ id: 'r1', milestoneId: null, fromDate: '2015-09-30', toDate: '2016-06-30' }),
        rebaseline({ id: 'r2', milestoneId: 'm2', fromDate: '2015-09-30', toDate: '2016-06-30' }),
      ],
    });
    assert.equal(deriveProjectStatus(p, on).status, 'off_track');
  });
});

describe('the derived status of a project with no milestones', () => {
  const on = '2015-10-31';

  it('is on track before its own due date in force, and never complete', () => {
    const p = project({ id: 'p', dueOn: '2016-03-31' });
    assert.deepEqual(deriveProjectStatus(p, on), {
      status: 'on_track',
      overdue: [],
      reason: 'It has no milestones and its due date, 31 March 2016, has not passed',
    });
  });

  it('is off track past its due date with no project-wide action, the project standing in for a milestone', () => {
    const p = project({
      id: 'p',
      dueOn: '2015-10-30',
      actions: [managementAction({ id: 'stray', milestoneId: 'm-gone' })],
    });
    assert.deepEqual(deriveProjectStatus(p, on), {
      status: 'off_track',
      overdue: [{ milestoneId: 'p', dueOn: '2015-10-30', daysOverdue: 1, actionId: null }],
      reason: 'Past its due date of 30 October 2015 with no management action',
    });
  });

  it('is behind with a project-wide action', () => {
    const p = project({
      id: 'p',
      dueOn: '2015-10-30',
      actions: [managementAction({ id: 'a', milestoneId: null })],
    });
    const result = deriveProjectStatus(p, on);
    assert.equal(result.status, 'behind_with_action');
    assert.equal(result.overdue[0]?.actionId, 'a');
    assert.equal(result.reason, 'Past its due date of 30 October 2015, with a management action');
  });

  it('follows a re-baseline of the project’s own date', () => {
    const p = project({
      id: 'p',
      dueOn: '2015-09-30',
      rebaselines: [rebaseline({ id: 'r', milestoneId: null, fromDate: '2015-09-30', toDate: '2015-12-31' })],
    });
    const result = deriveProjectStatus(p, on);
    assert.equal(result.status, 'on_track');
    assert.match(result.reason, /31 December 2015/);
  });
});

describe('the labels of statuses', () => {
  it('name every status as people say it', () => {
    assert.deepEqual(
      PROJECT_STATUSES.map((s) => PROJECT_STATUS_LABELS[s]),
      ['Complete', 'On track', 'Behind, with management action', 'Off track', 'Not yet due'],
    );
  });
});
