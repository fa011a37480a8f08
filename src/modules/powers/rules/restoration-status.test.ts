import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pause, proposalWith, restorationFunction, step, withdrawn } from './fixtures.ts';
import { criteriaMet, restorationStatus, unmetCriteria } from './restoration-status.ts';

describe('a function’s criteria', () => {
  it('are met when all four are met', () => {
    const rf = restorationFunction({ restorationId: 'r1', functionId: 'highways' });
    assert.equal(criteriaMet(rf), true);
    assert.deepEqual(unmetCriteria(rf), []);
  });

  it('are not met when any one is not, and the unmet ones are listed in the protocol’s order', () => {
    const rf = restorationFunction({
      restorationId: 'r1',
      functionId: 'licensing',
      councillorsMet: false,
      serviceMet: false,
    });
    assert.equal(criteriaMet(rf), false);
    assert.deepEqual(unmetCriteria(rf), ['service', 'councillors']);
    assert.deepEqual(unmetCriteria({ ...rf, serviceMet: true, councillorsMet: true, leadershipMet: false }), [
      'leadership',
    ]);
    assert.deepEqual(unmetCriteria({ ...rf, serviceMet: true, councillorsMet: true, assuranceMet: false }), [
      'assurance',
    ]);
  });
});

describe('the status of a restoration proposal', () => {
  it('is open with the criteria to assess first when nothing is recorded', () => {
    assert.deepEqual(restorationStatus(proposalWith(0)), {
      kind: 'open',
      nextStep: 'criteria',
      completed: [],
      failedStep: null,
      effectiveOn: null,
      pausedSince: null,
    });
  });

  it('is open with the next step due once some are passed', () => {
    const status = restorationStatus(proposalWith(3));
    assert.equal(status.kind, 'open');
    assert.equal(status.nextStep, 'leader_request');
    assert.deepEqual(status.completed, ['criteria', 'expert_panel', 'lay_panel']);
  });

  it('does not count a withdrawn step', () => {
    const state = proposalWith(3);
    state.steps[2] = { ...(state.steps[2] as (typeof state.steps)[number]), ...withdrawn };
    assert.equal(restorationStatus(state).nextStep, 'lay_panel');
  });

  it('is paused while a pause is unresolved, still naming the step due after it', () => {
    const paused = proposalWith(7, {
      pauses: [pause({ id: 'p', restorationId: 'r1', pausedOn: '2016-01-25' })],
    });
    const status = restorationStatus(paused);
    assert.equal(status.kind, 'paused');
    assert.equal(status.pausedSince, '2016-01-25');
    assert.equal(status.nextStep, 'effective');
  });

  it('is open again once the pause is resolved, and ignores a withdrawn pause', () => {
    const resolved = pause({
      id: 'p',
      restorationId: 'r1',
      pausedOn: '2016-01-25',
      resolvedOn: '2016-01-28',
    });
    assert.equal(restorationStatus(proposalWith(7, { pauses: [resolved] })).kind, 'open');
    const gone = { ...pause({ id: 'q', restorationId: 'r1', pausedOn: '2016-01-25' }), ...withdrawn };
    assert.equal(restorationStatus(proposalWith(7, { pauses: [gone] })).kind, 'open');
  });

  it('is stopped by a failed step, with nothing more to complete', () => {
    const state = proposalWith(1);
    state.steps.push(
      step({ restorationId: 'r1', step: 'expert_panel', completedOn: '2015-12-02', outcome: 'failed' }),
    );
    const status = restorationStatus(state);
    assert.equal(status.kind, 'stopped');
    assert.equal(status.failedStep, 'expert_panel');
    assert.equal(status.nextStep, null);
    assert.deepEqual(status.completed, ['criteria']);
  });

  it('is effective from the day its last step records, with nothing more to complete', () => {
    const status = restorationStatus(proposalWith(8));
    assert.equal(status.kind, 'effective');
    assert.equal(status.effectiveOn, '2016-02-01');
    assert.equal(status.nextStep, null);
    assert.equal(status.completed.length, 8);
  });

  it('is withdrawn when the proposal is, whatever its steps say', () => {
    const state = proposalWith(8);
    assert.equal(
      restorationStatus({ ...state, restoration: { ...state.restoration, ...withdrawn } }).kind,
      'withdrawn',
    );
  });
});
