import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decision, decisionCandidate, hearing, reviewCase } from './fixtures.ts';
import {
  APPEAL_DAYS,
  closeProblems,
  hearingProblems,
  MAX_SUSPENSION_DAYS,
  reviewDecisionProblems,
  reviewStage,
  reviewSummary,
  standingHearing,
} from './reviews.ts';
import type { ReviewDecisionFacts } from './types.ts';

describe('the hearing standing on a day', () => {
  const first = hearing({ id: 'hr1', scheduledOn: '2015-10-01', adjournedOn: '2015-10-10' });
  const second = hearing({ id: 'hr2', scheduledOn: '2015-10-12', hearingOn: '2015-10-29' });

  it('is none before any is fixed', () => {
    assert.equal(standingHearing([first, second], '2015-09-30'), null);
  });

  it('is the one fixed, until the day it is adjourned', () => {
    assert.equal(standingHearing([first, second], '2015-10-09')?.id, 'hr1');
    assert.equal(standingHearing([first, second], '2015-10-10'), null);
  });

  it('is the later one once it is fixed in place of the adjourned one', () => {
    assert.equal(standingHearing([first, second], '2015-10-12')?.id, 'hr2');
    assert.equal(standingHearing([second, first], '2015-10-12')?.id, 'hr2');
  });

  it('is the latest fixed of two standing, and of two fixed the same day the greater id', () => {
    const a = hearing({ id: 'a', scheduledOn: '2015-10-01' });
    const b = hearing({ id: 'b', scheduledOn: '2015-10-05' });
    const c = hearing({ id: 'c', scheduledOn: '2015-10-05' });
    assert.equal(standingHearing([b, a], '2015-10-06')?.id, 'b');
    assert.equal(standingHearing([c, b, a], '2015-10-06')?.id, 'c');
    assert.equal(standingHearing([b, c, a], '2015-10-06')?.id, 'c');
  });
});

describe('the stage of a review case', () => {
  const decided = reviewCase({
    id: 'c1',
    investigationStartedOn: '2015-09-10',
    hearings: [hearing({ id: 'hr1' })],
    decision: decision({ decidedOn: '2015-10-15' }),
  });

  it('is nothing before the case was opened', () => {
    assert.equal(reviewStage(decided, '2015-08-31'), null);
  });

  it('goes through identified, investigation, hearing scheduled, decided, the appeal window and closed', () => {
    const stages = [
      ['2015-09-01', 'identified'],
      ['2015-09-09', 'identified'],
      ['2015-09-10', 'investigation'],
      ['2015-09-30', 'investigation'],
      ['2015-10-01', 'hearing_scheduled'],
      ['2015-10-14', 'hearing_scheduled'],
      ['2015-10-15', 'decided'],
      ['2015-10-16', 'appeal_window'],
      ['2015-11-05', 'appeal_window'],
      ['2015-11-06', 'closed'],
    ] as const;
    for (const [on, stage] of stages) assert.equal(reviewStage(decided, on), stage, on);
  });

  it('keeps the appeal window open for the 21 days after the decision', () => {
    assert.equal(APPEAL_DAYS, 21);
  });

  it('goes from identified straight to a hearing when no investigation is recorded', () => {
    const c = reviewCase({ id: 'c', hearings: [hearing({ id: 'hr1' })] });
    assert.equal(reviewStage(c, '2015-09-30'), 'identified');
    assert.equal(reviewStage(c, '2015-10-01'), 'hearing_scheduled');
  });

  it('falls back from a hearing adjourned to the investigation until the next is fixed', () => {
    const c = reviewCase({
      id: 'c',
      investigationStartedOn: '2015-09-10',
      hearings: [
        hearing({ id: 'hr1', scheduledOn: '2015-10-01', adjournedOn: '2015-10-10' }),
        hearing({ id: 'hr2', scheduledOn: '2015-10-12', hearingOn: '2015-10-29' }),
      ],
    });
    assert.equal(reviewStage(c, '2015-10-09'), 'hearing_scheduled');
    assert.equal(reviewStage(c, '2015-10-10'), 'investigation');
    assert.equal(reviewStage(c, '2015-10-12'), 'hearing_scheduled');
  });

  it('is closed from the day it is closed without a hearing', () => {
    const c = reviewCase({
      id: 'c',
      investigationStartedOn: '2015-09-10',
      closedOtherwise: { on: '2015-09-20', reason: 'Licence surrendered' },
    });
    assert.equal(reviewStage(c, '2015-09-19'), 'investigation');
    assert.equal(reviewStage(c, '2015-09-20'), 'closed');
  });
});

describe('the summary of review cases', () => {
  const on = '2015-10-31';
  const heard = (id: string, decidedOn: string, o: Partial<ReviewDecisionFacts> = {}) =>
    reviewCase({
      id,
      hearings: [hearing({ id: `${id}-h`, scheduledOn: '2015-09-05', hearingOn: decidedOn })],
      decision: decision({ id: `${id}-d`, hearingId: `${id}-h`, decidedOn, effectiveOn: decidedOn, ...o }),
    });
  const cases = [
    heard('c01', '2015-09-20', { outcome: 'revoke', immediate: true }),
    heard('c02', '2015-10-20', { outcome: 'suspend', suspensionDays: 28 }),
    heard('c03', '2015-10-31', { outcome: 'formal_warning' }),
    reviewCase({ id: 'c04', hearings: [hearing({ id: 'c04-h', hearingOn: '2015-11-20' })] }),
    reviewCase({ id: 'c05', hearings: [hearing({ id: 'c05-h', hearingOn: '2015-12-03' })] }),
    reviewCase({ id: 'c06', closedOtherwise: { on: '2015-10-05', reason: 'The driver died' } }),
    reviewCase({ id: 'c07', investigationStartedOn: '2015-09-15' }),
    reviewCase({ id: 'c08' }),
    reviewCase({ id: 'c09', openedOn: '2015-11-01' }),
    {
      ...heard('c10', '2015-11-02', { outcome: 'revoke', immediate: true }),
      hearings: [hearing({ id: 'c10-h', hearingOn: '2015-10-29' })],
    },
    reviewCase({
      id: 'c11',
      hearings: [hearing({ id: 'c11-h', adjournedOn: '2015-10-10' })],
    }),
    reviewCase({ id: 'c12', closedOtherwise: { on: '2015-11-15', reason: 'No case to answer' } }),
  ];

  it('accounts for every identified case, each figure with its case ids in id order', () => {
    const fig = (...caseIds: string[]) => ({ count: caseIds.length, caseIds });
    assert.deepEqual(reviewSummary([...cases].reverse(), on), {
      on,
      identified: fig('c01', 'c02', 'c03', 'c04', 'c05', 'c06', 'c07', 'c08', 'c10', 'c11', 'c12'),
      heard: fig('c01', 'c02', 'c03'),
      byOutcome: {
        revoke: fig('c01'),
        suspend: fig('c02'),
        formal_warning: fig('c03'),
        no_further_action: fig(),
      },
      immediate: fig('c01'),
      scheduled: fig('c04', 'c05', 'c10'),
      lastHearingOn: '2015-12-03',
      closedOtherwise: fig('c06'),
      notYetAccounted: fig('c07', 'c08', 'c11', 'c12'),
    });
  });

  it('adds up: identified is heard, scheduled, closed otherwise and not yet accounted for', () => {
    for (const day of ['2015-09-01', '2015-10-15', '2015-10-31', '2015-11-30']) {
      const s = reviewSummary(cases, day);
      assert.equal(
        s.identified.count,
        s.heard.count + s.scheduled.count + s.closedOtherwise.count + s.notYetAccounted.count,
        day,
      );
    }
  });

  it('has nothing to count, and no last hearing, without cases', () => {
    const s = reviewSummary([], on);
    assert.equal(s.identified.count, 0);
    assert.equal(s.lastHearingOn, null);
  });
});

describe('what a panel decision must say', () => {
  const open = reviewCase({ id: 'c1', hearings: [hearing({ id: 'hr1' })] });
  const problems = (o: Parameters<typeof decisionCandidate>[0], c = open) =>
    reviewDecisionProblems(decisionCandidate(o), c);

  it('accepts a formal warning, an immediate revocation and a suspension after the appeal period', () => {
    assert.deepEqual(problems({}), []);
    assert.deepEqual(problems({ outcome: 'revoke', immediate: true }), []);
    assert.deepEqual(problems({ outcome: 'suspend', suspensionDays: 28, effectiveOn: '2015-11-10' }), []);
    assert.deepEqual(problems({ outcome: 'no_further_action', effectiveOn: '2015-10-20' }), []);
  });

  it('refuses a decision on a case already decided or closed', () => {
    const decided = { ...open, decision: decision({ decidedOn: '2015-10-15' }) };
    assert.deepEqual(problems({}, decided), [
      { field: 'case', message: 'This case was decided on 15 October 2015' },
    ]);
    const closed = { ...open, closedOtherwise: { on: '2015-10-02', reason: 'Licence surrendered' } };
    assert.deepEqual(problems({}, closed), [
      { field: 'case', message: 'This case was closed on 2 October 2015' },
    ]);
  });

  it('asks for a hearing of this case that stands, and a decision on or after its day', () => {
    assert.deepEqual(problems({ hearingId: 'other' }), [
      { field: 'hearingId', message: 'Select a hearing of this case' },
    ]);
    const adjourned = reviewCase({ id: 'c1', hearings: [hearing({ id: 'hr1', adjournedOn: '2015-10-15' })] });
    assert.deepEqual(problems({}, adjourned), [
      { field: 'hearingId', message: 'That hearing was adjourned on 15 October 2015' },
    ]);
    assert.deepEqual(problems({ decidedOn: '2015-10-14', effectiveOn: '2015-10-14' }), [
      { field: 'decidedOn', message: 'The decision cannot be before the hearing on 15 October 2015' },
    ]);
  });

  it('asks a suspension for its period, a whole number of days from 1 to 365', () => {
    const suspend = { outcome: 'suspend', effectiveOn: '2015-11-06' } as const;
    assert.equal(MAX_SUSPENSION_DAYS, 365);
    assert.deepEqual(problems({ ...suspend, suspensionDays: null }), [
      { field: 'suspensionDays', message: 'Enter the period of the suspension in days' },
    ]);
    for (const days of [0, -3, 366, 1.5])
      assert.deepEqual(
        problems({ ...suspend, suspensionDays: days }),
        [
          {
            field: 'suspensionDays',
            message: 'The period of the suspension must be a whole number of days from 1 to 365',
          },
        ],
        String(days),
      );
    assert.deepEqual(problems({ ...suspend, suspensionDays: 1 }), []);
    assert.deepEqual(problems({ ...suspend, suspensionDays: 365 }), []);
  });

  it('refuses a period on any decision but a suspension', () => {
    assert.deepEqual(problems({ suspensionDays: 28 }), [
      { field: 'suspensionDays', message: 'Only a suspension has a period' },
    ]);
  });

  it('asks every decision for its reasons, naming what was decided', () => {
    const verbs = {
      revoke: 'revoking the licence',
      suspend: 'suspending the licence',
      formal_warning: 'giving a formal warning',
      no_further_action: 'taking no further action',
    } as const;
    for (const [outcome, verb] of Object.entries(verbs) as [keyof typeof verbs, string][]) {
      const d = { outcome, reasons: '  ', immediate: outcome === 'revoke' || outcome === 'suspend' };
      assert.deepEqual(
        problems({ ...d, suspensionDays: outcome === 'suspend' ? 28 : null }),
        [{ field: 'reasons', message: `Enter the reasons for ${verb}` }],
        outcome,
      );
    }
  });

  it('lets only a revocation or a suspension take immediate effect', () => {
    for (const outcome of ['formal_warning', 'no_further_action'] as const)
      assert.deepEqual(problems({ outcome, immediate: true }), [
        {
          field: 'immediate',
          message:
            'Only a revocation or a suspension can take immediate effect in the interests of public safety',
        },
      ]);
  });

  it('refuses an effective date before the decision', () => {
    for (const immediate of [true, false])
      assert.deepEqual(problems({ outcome: 'revoke', immediate, effectiveOn: '2015-10-14' }), [
        { field: 'effectiveOn', message: 'The effective date must be the same as or after the decision' },
      ]);
  });

  it('makes a decision with immediate effect take effect on its day', () => {
    assert.deepEqual(
      problems({ outcome: 'suspend', suspensionDays: 28, immediate: true, effectiveOn: '2015-10-16' }),
      [
        {
          field: 'effectiveOn',
          message: 'A decision with immediate effect takes effect on the day it is made, 15 October 2015',
        },
      ],
    );
  });

  it('makes a revocation or suspension without immediate effect wait for the appeal period', () => {
    assert.deepEqual(problems({ outcome: 'revoke', effectiveOn: '2015-11-05' }), [
      {
        field: 'effectiveOn',
        message:
          'Without immediate effect a revocation takes effect after the 21 days allowed for an appeal: on or after 6 November 2015',
      },
    ]);
    assert.deepEqual(problems({ outcome: 'suspend', suspensionDays: 7, effectiveOn: '2015-10-15' }), [
      {
        field: 'effectiveOn',
        message:
          'Without immediate effect a suspension takes effect after the 21 days allowed for an appeal: on or after 6 November 2015',
      },
    ]);
    assert.deepEqual(problems({ outcome: 'revoke', effectiveOn: '2015-11-06' }), []);
  });

  it('lets a revocation without immediate effect take effect only once the appeal window has closed', () => {
    // reviewStage keeps the appeal window open to 5 November 2015 (decision day + 21),
    // while the effective-date rule already lets the revocation take effect that day.
    const d = decisionCandidate({ outcome: 'revoke', effectiveOn: '2015-11-05' });
    const decided = { ...open, decision: { id: 'd1', ...d } };
    const allowed = reviewDecisionProblems(d, open).length === 0;
    const stage = reviewStage(decided, d.effectiveOn);
    assert.ok(
      !allowed || stage === 'closed',
      `effective on 5 November 2015 is allowed while the case is ${stage}`,
    );
  });

  it('asks for both the councillors’ proposal and its proposer, or neither', () => {
    const both =
      'Give both the councillors’ proposed decision and the councillor who proposed it, or neither';
    assert.deepEqual(problems({ proposedOutcome: 'revoke' }), [
      { field: 'proposedByPersonId', message: both },
    ]);
    assert.deepEqual(problems({ proposedByPersonId: 'cllr-a' }), [
      { field: 'proposedByPersonId', message: both },
    ]);
    assert.deepEqual(problems({ proposedOutcome: 'revoke', proposedByPersonId: 'cllr-b' }), []);
  });

  it('asks that the proposer sat on the panel', () => {
    assert.deepEqual(problems({ proposedOutcome: 'revoke', proposedByPersonId: 'cllr-z' }), [
      {
        field: 'proposedByPersonId',
        message: 'The proposer must be one of the councillors sitting on the panel',
      },
    ]);
  });
});

describe('closing a case without a hearing', () => {
  const open = reviewCase({ id: 'c1' });

  it('is allowed on an open case from the day it was opened, with a reason', () => {
    assert.deepEqual(closeProblems(open, '2015-09-01', 'Licence surrendered'), []);
  });

  it('is refused on a case decided or already closed', () => {
    assert.deepEqual(closeProblems({ ...open, decision: decision() }, '2015-10-20', 'Surrendered'), [
      { field: 'case', message: 'A decided case closes when its appeal window ends' },
    ]);
    const closed = { ...open, closedOtherwise: { on: '2015-09-10', reason: 'Surrendered' } };
    assert.deepEqual(closeProblems(closed, '2015-10-20', 'Surrendered'), [
      { field: 'case', message: 'This case is already closed' },
    ]);
  });

  it('is refused while a hearing is fixed, and allowed once it is adjourned', () => {
    const fixed = { ...open, hearings: [hearing({ id: 'hr1' })] };
    assert.deepEqual(closeProblems(fixed, '2015-10-05', 'Licence surrendered'), [
      {
        field: 'case',
        message:
          'This case has a hearing fixed for 15 October 2015: adjourn it, with the reason, before closing the case without a hearing',
      },
    ]);
    const adjourned = { ...open, hearings: [hearing({ id: 'hr1', adjournedOn: '2015-10-04' })] };
    assert.deepEqual(closeProblems(adjourned, '2015-10-05', 'Licence surrendered'), []);
  });

  it('is refused before the case was opened, and without a reason', () => {
    assert.deepEqual(closeProblems(open, '2015-08-31', ' '), [
      { field: 'closedOn', message: 'The case cannot close before it was opened on 1 September 2015' },
      { field: 'reason', message: 'Enter why the case is closed without a hearing' },
    ]);
  });
});

describe('fixing a hearing', () => {
  const open = reviewCase({ id: 'c1' });
  const fixed = { scheduledOn: '2015-10-01', hearingOn: '2015-10-15', panelPersonIds: ['cllr-a'] };

  it('is allowed on an open case, for the day it is fixed or later, with a panel', () => {
    assert.deepEqual(hearingProblems(open, fixed), []);
    assert.deepEqual(
      hearingProblems(open, { ...fixed, scheduledOn: '2015-09-01', hearingOn: '2015-09-01' }),
      [],
    );
  });

  it('is refused on a case decided or closed', () => {
    const message = { field: 'case', message: 'This case is no longer open' };
    assert.deepEqual(hearingProblems({ ...open, decision: decision() }, fixed), [message]);
    assert.deepEqual(
      hearingProblems({ ...open, closedOtherwise: { on: '2015-09-10', reason: 'Died' } }, fixed),
      [message],
    );
  });

  it('is refused before the case was opened, for a day before it is fixed, and without a panel', () => {
    assert.deepEqual(
      hearingProblems(open, { scheduledOn: '2015-08-31', hearingOn: '2015-08-30', panelPersonIds: [] }),
      [
        {
          field: 'scheduledOn',
          message: 'A hearing cannot be fixed before the case was opened on 1 September 2015',
        },
        { field: 'hearingOn', message: 'The hearing must be on or after the day it is fixed' },
        { field: 'panelPersonIds', message: 'Select at least one advisory councillor for the panel' },
      ],
    );
  });
});
