import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RESTORATION_STEPS, type RestorationStep } from '../schema.ts';
import { longDate } from './dates.ts';
import {
  pause,
  proposalWith,
  representation,
  restorationFunction,
  STEP_DATES,
  step,
  withdrawn,
} from './fixtures.ts';
import { addFunctionProblems, type RestorationState, stepProblems } from './protocol.ts';

const messages = (problems: { field: string; message: string }[]) =>
  problems.map((p) => `${p.field}: ${p.message}`);
const complete = (
  state: RestorationState,
  s: RestorationStep,
  on = STEP_DATES[s],
  outcome: 'passed' | 'failed' = 'passed',
) => messages(stepProblems(state, s, on, outcome));

const licensing = restorationFunction({
  restorationId: 'r1',
  functionId: 'licensing',
  returnsToName: 'Licensing Board',
  serviceMet: false,
});
const names = new Map([
  ['highways', 'Highways'],
  ['licensing', 'Taxi and private hire licensing'],
]);
const unresolved = pause({ id: 'p', restorationId: 'r1', pausedOn: '2016-01-25' });

describe('completing a step of the restoration protocol', () => {
  it('is allowed for each step in turn, on or after the day of the one before', () => {
    for (const [done, next] of RESTORATION_STEPS.entries())
      assert.deepEqual(complete(proposalWith(done), next), [], next);
    assert.deepEqual(complete(proposalWith(2), 'lay_panel', STEP_DATES.expert_panel), [], 'the same day');
  });

  it('is refused until every earlier step is completed, naming the one missing', () => {
    assert.deepEqual(complete(proposalWith(2), 'leader_request'), [
      'step: Complete ‘Lay panel test’ before ‘The Leader’s written request’',
    ]);
  });

  it('is refused a second time, saying when it was completed', () => {
    assert.deepEqual(complete(proposalWith(2), 'expert_panel'), [
      'step: ‘Expert panel test’ was completed on 2 December 2015: each step is completed once',
    ]);
  });

  it('is refused before the proposal was opened or before the step before it', () => {
    assert.deepEqual(complete(proposalWith(0), 'criteria', '2015-11-26'), [
      'completedOn: The date the step was completed must be the same as or after the date the proposal was opened (27 November 2015)',
    ]);
    assert.deepEqual(complete(proposalWith(2), 'lay_panel', '2015-12-01'), [
      'completedOn: The date the step was completed must be the same as or after the date ‘Expert panel test’ was completed (2 December 2015)',
    ]);
  });

  it('is refused while a pause is unresolved, and allowed once it is resolved', () => {
    assert.deepEqual(complete(proposalWith(6, { pauses: [unresolved] }), 'public_notice'), [
      'step: The proposal has been paused since 25 January 2016: resolve the pause before completing a step',
    ]);
    const resolved = { ...unresolved, resolvedOn: '2016-01-10' };
    assert.deepEqual(complete(proposalWith(6, { pauses: [resolved] }), 'public_notice'), []);
  });

  it('is refused for good once a step has failed, naming the failed step', () => {
    const stopped = proposalWith(1);
    stopped.steps.push(
      step({ restorationId: 'r1', step: 'expert_panel', completedOn: '2015-12-02', outcome: 'failed' }),
    );
    assert.deepEqual(complete(stopped, 'lay_panel'), [
      'step: The proposal stopped when ‘Expert panel test’ failed on 2 December 2015: no further step can be completed',
    ]);
  });

  it('is refused once the proposal has taken effect or been withdrawn', () => {
    assert.deepEqual(complete(proposalWith(8), 'effective'), [
      'step: The proposal took effect on 1 February 2016: no further step can be completed',
    ]);
    const state = proposalWith(0);
    assert.deepEqual(
      complete({ ...state, restoration: { ...state.restoration, ...withdrawn } }, 'criteria'),
      ['step: This proposal has been withdrawn: no further step can be completed'],
    );
  });
});

describe('the functions of a proposal when a step is passed', () => {
  it('must include at least one that has not been withdrawn', () => {
    const none = proposalWith(0, { functions: [] });
    const message =
      'step: Add at least one function to the proposal before completing ‘Assessment against the four criteria’';
    assert.deepEqual(complete(none, 'criteria'), [message]);
    const onlyWithdrawn = proposalWith(0, { functions: [{ ...licensing, ...withdrawn }] });
    assert.deepEqual(complete(onlyWithdrawn, 'criteria'), [message]);
  });

  it('must each meet all four criteria to pass the criteria step, naming each function and criterion', () => {
    const both = { ...licensing, functionId: 'both', returnsToName: 'Cabinet', councillorsMet: false };
    const state = proposalWith(0, {
      functions: [...proposalWith(0).functions, licensing, both],
      functionNames: names,
    });
    assert.deepEqual(complete(state, 'criteria'), [
      'step: ‘Taxi and private hire licensing’ does not meet the criteria: ‘Service operating at a good enough level with no significant value-for-money deficit’ is not met. Every function in the proposal must meet all four',
      'step: The function returning to Cabinet does not meet the criteria: ‘Service operating at a good enough level with no significant value-for-money deficit’ and ‘Councillors ready to exercise executive authority’ are not met. Every function in the proposal must meet all four',
    ]);
  });

  it('may fail the criteria step, which stops the proposal', () => {
    assert.deepEqual(
      complete(proposalWith(0, { functions: [licensing] }), 'criteria', STEP_DATES.criteria, 'failed'),
      [],
    );
  });

  it('cannot keep a function that does not meet the criteria in any later step', () => {
    const state = proposalWith(4, { functions: [licensing], functionNames: names });
    assert.deepEqual(complete(state, 'proposal'), [
      'step: ‘Taxi and private hire licensing’ cannot remain in the proposal: ‘Service operating at a good enough level with no significant value-for-money deficit’ is not met. Withdraw it from the proposal before completing ‘Proposal to the Secretary of State’',
    ]);
  });
});

describe('the public notice step', () => {
  it('needs a response to every representation received, naming the one without', () => {
    const reps = [
      representation({ id: 'a', restorationId: 'r1' }),
      representation({ id: 'b', restorationId: 'r1', fromWhom: 'Rotherham Trades Council', response: null }),
      representation({
        id: 'c',
        restorationId: 'r1',
        fromWhom: 'A resident',
        response: '  ',
        receivedOn: '2016-01-12',
      }),
      { ...representation({ id: 'd', restorationId: 'r1', response: null }), ...withdrawn },
    ];
    assert.deepEqual(complete(proposalWith(6, { representations: reps }), 'public_notice'), [
      'step: Record the Commissioners’ response to the representation from Rotherham Trades Council received on 10 January 2016 before completing ‘Public notice and representations’',
      'step: Record the Commissioners’ response to the representation from A resident received on 12 January 2016 before completing ‘Public notice and representations’',
    ]);
  });
});

describe('the effective date step', () => {
  it('can only pass', () => {
    assert.deepEqual(complete(proposalWith(7), 'effective', STEP_DATES.effective, 'failed'), [
      'outcome: ‘Effective date and revised allocation’ can only be recorded as passed: a proposal that is not to take effect is withdrawn, with the reason',
    ]);
  });

  it('cannot come before the proposed effective date', () => {
    assert.deepEqual(complete(proposalWith(7), 'effective', '2016-01-31'), [
      'completedOn: The effective date must be the same as or after the proposed effective date (1 February 2016)',
    ]);
  });

  it('must come after every pause was resolved', () => {
    const late = { ...unresolved, resolvedOn: '2016-02-03' };
    assert.deepEqual(complete(proposalWith(7, { pauses: [late] }), 'effective', '2016-02-03'), [
      'completedOn: The effective date must be after the pause raised on 25 January 2016 was resolved (3 February 2016)',
    ]);
    assert.deepEqual(complete(proposalWith(7, { pauses: [late] }), 'effective', '2016-02-04'), []);
    assert.deepEqual(complete(proposalWith(7, { pauses: [{ ...late, ...withdrawn }] }), 'effective'), []);
  });
});

describe('adding a function to a proposal', () => {
  it('is allowed whatever its criteria before they have been assessed', () => {
    assert.deepEqual(messages(addFunctionProblems(proposalWith(0), licensing)), []);
  });

  it('after the criteria step, needs all four criteria met, each unmet one named at its field', () => {
    const state = proposalWith(1);
    assert.deepEqual(messages(addFunctionProblems(state, { ...licensing, councillorsMet: false })), [
      'serviceMet: ‘Service operating at a good enough level with no significant value-for-money deficit’ is not met: since the criteria were assessed on 30 November 2015, only a function that meets all four criteria can be added',
      'councillorsMet: ‘Councillors ready to exercise executive authority’ is not met: since the criteria were assessed on 30 November 2015, only a function that meets all four criteria can be added',
    ]);
    assert.deepEqual(messages(addFunctionProblems(state, { ...licensing, serviceMet: true })), []);
  });

  it('is refused for a function already in the proposal, but not one withdrawn from it', () => {
    const highways = restorationFunction({ restorationId: 'r1', functionId: 'highways' });
    assert.deepEqual(messages(addFunctionProblems(proposalWith(0, { functionNames: names }), highways)), [
      'functionId: ‘Highways’ is already in this proposal',
    ]);
    assert.deepEqual(messages(addFunctionProblems(proposalWith(0), highways)), [
      'functionId: That function is already in this proposal',
    ]);
    const gone = proposalWith(0, { functions: [{ ...highways, ...withdrawn }] });
    assert.deepEqual(messages(addFunctionProblems(gone, highways)), []);
  });

  it('is refused once the proposal has gone to the Secretary of State, who was asked to agree what it named', () => {
    assert.deepEqual(messages(addFunctionProblems(proposalWith(4), { ...licensing, serviceMet: true })), []);
    assert.deepEqual(messages(addFunctionProblems(proposalWith(5), licensing)), [
      `functionId: The proposal went to the Secretary of State on ${longDate(STEP_DATES.proposal)}: functions can no longer be added to it; open a new proposal`,
    ]);
  });

  it('is refused once the proposal has taken effect', () => {
    assert.deepEqual(messages(addFunctionProblems(proposalWith(8), licensing)), [
      'functionId: The proposal took effect on 1 February 2016: functions can no longer be added',
    ]);
  });
});
