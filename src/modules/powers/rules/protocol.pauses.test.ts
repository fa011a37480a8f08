import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pause, proposalWith, step, withdrawn } from './fixtures.ts';
import { pauseProblems, type RestorationState } from './protocol.ts';

const problemsOf = (state: RestorationState, pausedOn: string) =>
  pauseProblems(state, pausedOn).map((p) => `${p.field}: ${p.message}`);

describe('pausing a restoration proposal', () => {
  it('is allowed while it is open, up to and on the proposed effective date', () => {
    assert.deepEqual(problemsOf(proposalWith(7), '2016-01-25'), []);
    assert.deepEqual(problemsOf(proposalWith(7), '2016-02-01'), []);
    assert.deepEqual(problemsOf(proposalWith(0), '2015-11-27'), [], 'the day it was opened');
  });

  it('is refused after the proposed effective date', () => {
    assert.deepEqual(problemsOf(proposalWith(7), '2016-02-02'), [
      'pausedOn: The date of the pause must be the same as or before the proposed effective date (1 February 2016)',
    ]);
  });

  it('is refused before the proposal was opened', () => {
    assert.deepEqual(problemsOf(proposalWith(0), '2015-11-26'), [
      'pausedOn: The date of the pause must be the same as or after the date the proposal was opened (27 November 2015)',
    ]);
  });

  it('is refused before the last step completed, which could not have been completed while paused', () => {
    assert.deepEqual(problemsOf(proposalWith(7), '2016-01-19'), [
      'pausedOn: The date of the pause must be the same as or after the date ‘Public notice and representations’ was completed (20 January 2016)',
    ]);
    const withdrawnStep = proposalWith(7);
    withdrawnStep.steps = withdrawnStep.steps.map((s) =>
      s.step === 'public_notice' ? { ...s, ...withdrawn } : s,
    );
    assert.deepEqual(problemsOf(withdrawnStep, '2016-01-19'), [], 'a withdrawn step does not count');
  });

  it('is refused before the last pause was resolved', () => {
    const earlier = pause({ id: 'p', restorationId: 'r1', pausedOn: '2016-01-21', resolvedOn: '2016-01-27' });
    assert.deepEqual(problemsOf(proposalWith(7, { pauses: [earlier] }), '2016-01-26'), [
      'pausedOn: The date of the pause must be the same as or after the date the last pause was resolved (27 January 2016)',
    ]);
    assert.deepEqual(problemsOf(proposalWith(7, { pauses: [earlier] }), '2016-01-27'), []);
  });

  it('is refused while another pause is unresolved', () => {
    const resolved = pause({
      id: 'p',
      restorationId: 'r1',
      pausedOn: '2016-01-21',
      resolvedOn: '2016-01-22',
    });
    const open = pause({ id: 'q', restorationId: 'r1', pausedOn: '2016-01-21' });
    assert.deepEqual(problemsOf(proposalWith(7, { pauses: [resolved, open] }), '2016-01-25'), [
      'pausedOn: The proposal has been paused since 21 January 2016: resolve that pause before raising another',
    ]);
  });

  it('is refused once the proposal has taken effect, stopped or been withdrawn', () => {
    assert.deepEqual(problemsOf(proposalWith(8), '2016-01-25'), [
      'pausedOn: The proposal took effect on 1 February 2016: it can no longer be paused',
    ]);
    const stopped = proposalWith(5);
    stopped.steps.push(
      step({ restorationId: 'r1', step: 'reply', completedOn: '2016-01-05', outcome: 'failed' }),
    );
    assert.deepEqual(problemsOf(stopped, '2016-01-25'), [
      'pausedOn: The proposal stopped when ‘The Secretary of State’s reply’ failed on 5 January 2016: it can no longer be paused',
    ]);
    const state = proposalWith(3);
    assert.deepEqual(
      problemsOf({ ...state, restoration: { ...state.restoration, ...withdrawn } }, '2016-01-25'),
      ['pausedOn: This proposal has been withdrawn: it can no longer be paused'],
    );
  });
});
