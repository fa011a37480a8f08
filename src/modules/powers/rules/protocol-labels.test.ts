import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CRITERIA, RESTORATION_STEPS } from '../schema.ts';
import { CRITERION_LABELS, criterionLabel, STEP_LABELS, stepLabel } from './protocol-labels.ts';

describe('the labels of the restoration protocol', () => {
  it('name every step and every criterion', () => {
    assert.deepEqual(Object.keys(STEP_LABELS), [...RESTORATION_STEPS]);
    assert.deepEqual(Object.keys(CRITERION_LABELS), [...CRITERIA]);
  });

  it('give a step in full for a heading, and without its explanation in a sentence', () => {
    assert.equal(
      stepLabel('lay_panel'),
      'Lay panel test (independent members of the Standards Committee and the Independent Persons)',
    );
    assert.equal(stepLabel('lay_panel', 'short'), 'Lay panel test');
    assert.equal(stepLabel('leader_request', 'short'), 'The Leader’s written request');
    assert.equal(stepLabel('effective'), 'Effective date and revised allocation');
  });

  it('give each criterion in the words of the protocol', () => {
    assert.equal(criterionLabel('councillors'), 'Councillors ready to exercise executive authority');
    assert.equal(
      criterionLabel('assurance'),
      'Service quality assured by a peer review or an interim chief officer’s review',
    );
  });
});
