import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decision, withdrawn } from './fixtures.ts';
import { readiness, trend } from './readiness.ts';

const taxis = (
  id: string,
  decidedOn: string,
  outcome: 'as_proposed' | 'with_changes' | 'different',
  by = 'read',
) => decision({ id, functionId: 'taxis', decidedOn, outcome, proposedById: by });

describe('the readiness evidence', () => {
  const decisions = [
    taxis('d3', '2016-05-10', 'with_changes'),
    taxis('d1', '2016-01-18', 'as_proposed'),
    taxis('d2', '2016-03-31', 'as_proposed', 'hoddinott'),
    taxis('d4', '2016-11-02', 'as_proposed'),
    decision({
      id: 'h1',
      functionId: 'highways',
      decidedOn: '2016-02-01',
      outcome: 'different',
      proposedById: 'read',
    }),
  ];

  it('counts per function the decisions on a proposal and the share agreed as proposed', () => {
    const { byFunction } = readiness(decisions);
    assert.deepEqual(
      byFunction.map((f) => [f.key, f.decisions, f.asProposed, f.share]),
      [
        ['taxis', 4, 3, 0.75],
        ['highways', 1, 0, 0],
      ],
    );
  });

  it('lists the decisions behind each figure in date order', () => {
    assert.deepEqual(readiness(decisions).byFunction[0]?.decisionIds, ['d1', 'd2', 'd3', 'd4']);
  });

  it('counts per proposing councillor, the one with most decisions first', () => {
    const { byCouncillor } = readiness(decisions);
    assert.deepEqual(
      byCouncillor.map((f) => [f.key, f.decisions, f.asProposed, f.decisionIds]),
      [
        ['read', 4, 2, ['d1', 'h1', 'd3', 'd4']],
        ['hoddinott', 1, 1, ['d2']],
      ],
    );
  });

  it('splits each figure into calendar quarters in order, with the quarters between that had none', () => {
    const quarters = readiness(decisions).byFunction[0]?.quarters;
    assert.deepEqual(quarters, [
      { quarter: '2016 Q1', decisions: 2, asProposed: 2, share: 1, decisionIds: ['d1', 'd2'] },
      { quarter: '2016 Q2', decisions: 1, asProposed: 0, share: 0, decisionIds: ['d3'] },
      { quarter: '2016 Q3', decisions: 0, asProposed: 0, share: null, decisionIds: [] },
      { quarter: '2016 Q4', decisions: 1, asProposed: 1, share: 1, decisionIds: ['d4'] },
    ]);
  });

  it('carries on across the end of a year', () => {
    const quarters = readiness([
      taxis('a', '2015-12-31', 'as_proposed'),
      taxis('b', '2016-04-01', 'as_proposed'),
    ]).byFunction[0]?.quarters.map((q) => q.quarter);
    assert.deepEqual(quarters, ['2015 Q4', '2016 Q1', '2016 Q2']);
  });

  it('leaves out decisions without a proposer and withdrawn ones', () => {
    const figures = readiness([
      taxis('a', '2016-01-18', 'as_proposed'),
      decision({ id: 'b', functionId: 'taxis', decidedOn: '2016-01-19', proposedById: null }),
      { ...taxis('c', '2016-01-20', 'different'), ...withdrawn },
    ]);
    assert.deepEqual(figures.byFunction[0]?.decisionIds, ['a']);
    assert.equal(figures.byCouncillor.length, 1);
  });

  it('orders figures with as many decisions by key, and decisions of one day by id', () => {
    const figures = readiness([
      decision({ id: 'z', functionId: 'b', decidedOn: '2016-01-18' }),
      decision({ id: 'y', functionId: 'a', decidedOn: '2016-01-18' }),
    ]);
    assert.deepEqual(
      figures.byFunction.map((f) => f.key),
      ['a', 'b'],
    );
    assert.deepEqual(figures.byCouncillor[0]?.decisionIds, ['y', 'z']);
    const sameDay = ['m', 'z', 'a', 'q'].map((id) =>
      decision({ id, functionId: 'a', decidedOn: '2016-01-18' }),
    );
    assert.deepEqual(readiness(sameDay).byFunction[0]?.decisionIds, ['a', 'm', 'q', 'z']);
  });

  it('is empty when there are no decisions on a proposal', () => {
    assert.deepEqual(readiness([]), { byFunction: [], byCouncillor: [] });
  });
});

describe('the trend of the share agreed as proposed', () => {
  const q = (asProposed: number, decisions: number) => ({ asProposed, decisions });

  it('compares the last two quarters that had decisions', () => {
    assert.equal(trend([q(1, 4), q(2, 4)]), 'rising');
    assert.equal(trend([q(3, 4), q(1, 4)]), 'falling');
    assert.equal(trend([q(0, 1), q(1, 2), q(0, 0), q(3, 4)]), 'rising', 'the empty quarter is passed over');
    assert.equal(trend([q(4, 4), q(1, 2), q(1, 4)]), 'falling', 'earlier quarters do not count');
  });

  it('is steady when the share is the same, however many decisions', () => {
    assert.equal(trend([q(2, 3), q(4, 6)]), 'steady');
    assert.equal(trend([q(1, 10), q(1, 10)]), 'steady');
  });

  it('needs at least two quarters with decisions', () => {
    assert.equal(trend([]), 'too few quarters');
    assert.equal(trend([q(1, 1)]), 'too few quarters');
    assert.equal(trend([q(1, 1), q(0, 0)]), 'too few quarters');
  });
});
