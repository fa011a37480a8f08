import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type DecisionCandidate, decisionProblems } from './decisions.ts';
import { person, taxis } from './fixtures.ts';
import type { Holder, Holding } from './holders.ts';

const ney = person({ id: 'ney', name: 'Mary Ney', kind: 'commissioner' });
const myers = person({ id: 'myers', name: 'Sir Derek Myers', kind: 'commissioner' });
const read = person({ id: 'read', name: 'Cllr Chris Read', kind: 'councillor' });
const officer = person({ id: 'kemp', name: 'Sharon Kemp', kind: 'officer' });

const holding = (holder: Holder, mode: Holding['mode'] = 'commissioners'): Holding => ({
  function: taxis,
  mode,
  holder,
  since: '2015-02-26',
  direction: null,
  provision: null,
  restoration: null,
  allocation: null,
});
const heldByNey = holding({ kind: 'commissioner', personId: 'ney', name: 'Mary Ney' });
const team = holding({ kind: 'commissioners', personId: null, name: 'the Commissioners' });
const cabinet = holding({ kind: 'constitution', personId: null, name: 'Cabinet' }, 'council');

const decision = (o: Partial<DecisionCandidate> = {}): DecisionCandidate => ({
  functionId: 'taxis',
  decidedOn: '2016-03-01',
  decidedById: 'ney',
  proposedById: 'read',
  proposal: 'Adopt the revised taxi licensing policy',
  outcome: 'as_proposed',
  reasons: 'The policy puts safeguarding first',
  ...o,
});

function problemsOf(d: DecisionCandidate, h: Holding, decider = ney, inOffice = ['ney', 'myers']) {
  return decisionProblems(d, h, decider, inOffice).map((p) => `${p.field}: ${p.message}`);
}

describe('a decision on a function a named person holds', () => {
  it('can be taken by that person', () => {
    assert.deepEqual(problemsOf(decision(), heldByNey), []);
  });

  it('cannot be taken by anyone else, naming who held it that day', () => {
    assert.deepEqual(problemsOf(decision({ decidedById: 'myers' }), heldByNey, myers), [
      'functionId: On 1 March 2016 ‘Taxi and private hire licensing’ was held by Mary Ney (Commissioner); Sir Derek Myers does not hold it',
    ]);
  });
});

describe('a decision on a function the Commissioners hold as a team', () => {
  it('can be taken by any Commissioner in office that day', () => {
    assert.deepEqual(problemsOf(decision({ decidedById: 'myers' }), team, myers), []);
  });

  it('cannot be taken by a Commissioner no longer in office, nor by a councillor', () => {
    const message =
      'On 1 March 2016 ‘Taxi and private hire licensing’ was with the Commissioners; Sir Derek Myers was not a Commissioner in office that day';
    assert.deepEqual(problemsOf(decision({ decidedById: 'myers' }), team, myers, ['ney']), [
      `functionId: ${message}`,
    ]);
    assert.match(
      problemsOf(decision({ decidedById: 'read' }), team, read).join(),
      /Cllr Chris Read was not a Commissioner/,
    );
  });

  it('treats a Commissioner’s post with no one named in it like the team', () => {
    const unnamed = holding({ kind: 'commissioner', personId: null, name: 'Commissioner for licensing' });
    assert.deepEqual(problemsOf(decision(), unnamed), []);
    assert.equal(problemsOf(decision({ decidedById: 'read' }), unnamed, read).length, 1);
  });
});

describe('a decision on a function a council body holds', () => {
  it('can be taken by a councillor', () => {
    assert.deepEqual(problemsOf(decision({ decidedById: 'read' }), cabinet, read), []);
  });

  it('cannot be taken by a Commissioner or an officer', () => {
    assert.deepEqual(problemsOf(decision(), cabinet), [
      'functionId: On 1 March 2016 ‘Taxi and private hire licensing’ was held by Cabinet (under the council’s constitution); only a councillor can take it for them, and Mary Ney is not one',
    ]);
    assert.equal(problemsOf(decision({ decidedById: 'kemp' }), cabinet, officer).length, 1);
  });

  it('needs an officer when an officer’s post holds it', () => {
    const post = holding({ kind: 'officer', personId: null, name: 'Head of Licensing' }, 'council');
    assert.deepEqual(problemsOf(decision({ decidedById: 'kemp' }), post, officer), []);
    assert.deepEqual(problemsOf(decision({ decidedById: 'read' }), post, read), [
      'functionId: On 1 March 2016 ‘Taxi and private hire licensing’ was held by Head of Licensing (Officer); only an officer can take it for them, and Cllr Chris Read is not one',
    ]);
  });

  it('cannot be taken by a councillor while the function is with the Commissioners', () => {
    const committee = holding(
      { kind: 'committee', personId: null, name: 'Licensing Board' },
      'commissioners',
    );
    assert.deepEqual(problemsOf(decision({ decidedById: 'read' }), committee, read), [
      'functionId: On 1 March 2016 ‘Taxi and private hire licensing’ was with the Commissioners, not with Licensing Board; only a Commissioner in office that day can take it',
    ]);
  });
});

describe('the person taking a decision', () => {
  it('must be one of the council’s people', () => {
    assert.deepEqual(
      decisionProblems(decision(), heldByNey, undefined, ['ney']).map((p) => `${p.field}: ${p.message}`),
      ['decidedById: The person taking the decision must be one of this council’s people in a public role'],
    );
  });
});

describe('a decision’s proposal and reasons', () => {
  it('need what was proposed when it was agreed as proposed or with changes', () => {
    for (const [outcome, words] of [
      ['as_proposed', 'agreed as proposed'],
      ['with_changes', 'agreed with changes'],
    ] as const)
      assert.deepEqual(problemsOf(decision({ outcome, proposedById: null, proposal: '  ' }), heldByNey), [
        `proposal: Enter what was proposed: a decision ${words} needs the proposal it agreed`,
      ]);
    assert.equal(problemsOf(decision({ proposal: null }), heldByNey).length, 1);
  });

  it('may be agreed as proposed without a proposing councillor: on a report’s recommendation', () => {
    assert.deepEqual(
      problemsOf(
        decision({ outcome: 'as_proposed', proposedById: null, proposal: 'The report’s recommendations' }),
        heldByNey,
      ),
      [],
    );
  });

  it('need neither for a different decision', () => {
    assert.deepEqual(
      problemsOf(decision({ outcome: 'different', proposedById: null, proposal: null }), heldByNey),
      [],
    );
  });

  it('must give its reasons', () => {
    assert.deepEqual(problemsOf(decision({ reasons: ' \n' }), heldByNey), [
      'reasons: Enter the reasons for the decision',
    ]);
  });
});
