import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  allocation,
  direction,
  feb2015,
  highways,
  provision,
  record,
  restoration,
  restorationFunction,
  step,
  taxis,
} from './fixtures.ts';
import { functionHistory, type PowersRecord } from './holders.ts';

describe('the history of a function', () => {
  const feb2016 = direction({ id: 'feb2016', inForceFrom: '2016-02-01', supersedesId: 'feb2015' });
  const r = record({
    functions: [taxis],
    directions: [feb2015, feb2016],
    provisions: [
      provision({ directionId: 'feb2015', functionId: 'taxis' }),
      provision({ directionId: 'feb2016', functionId: 'taxis' }),
    ],
    allocations: [
      allocation({
        id: 'manzie',
        functionId: 'taxis',
        holderName: 'Stella Manzie',
        fromDate: '2015-05-01',
        toDate: '2015-09-30',
      }),
    ],
  });

  it('lists each change of holder from the constitution onwards, each with the day it began', () => {
    const history = functionHistory(r, 'taxis').map((h) => [h.since, h.holder.name]);
    assert.deepEqual(history, [
      [null, 'Cabinet'],
      ['2015-02-26', 'the Commissioners'],
      ['2015-05-01', 'Stella Manzie'],
      ['2015-10-01', 'the Commissioners'],
    ]);
  });

  it('leaves out a new Direction that changes neither the mode nor the holder', () => {
    assert.ok(!functionHistory(r, 'taxis').some((h) => h.since === '2016-02-01'));
  });

  it('shows a change of mode under the same holder', () => {
    const modes = {
      ...r,
      provisions: [
        r.provisions[0],
        provision({ directionId: 'feb2016', functionId: 'taxis', mode: 'with_agreement' }),
      ],
      allocations: [],
    } as PowersRecord;
    assert.deepEqual(
      functionHistory(modes, 'taxis').map((h) => [h.since, h.mode]),
      [
        [null, 'council'],
        ['2015-02-26', 'commissioners'],
        ['2016-02-01', 'with_agreement'],
      ],
    );
  });

  it('shows the return to the constitution when the last Direction ends, and a restoration', () => {
    const ended = { ...r, directions: [{ ...feb2015, inForceUntil: '2015-12-31' }], allocations: [] };
    assert.deepEqual(
      functionHistory(ended, 'taxis').map((h) => [h.since, h.mode]),
      [
        [null, 'council'],
        ['2015-02-26', 'commissioners'],
        ['2016-01-01', 'council'],
      ],
    );
    const restored = {
      ...r,
      allocations: [],
      restorations: [restoration({ id: 'r1' })],
      restorationFunctions: [restorationFunction({ restorationId: 'r1', functionId: 'taxis' })],
      restorationSteps: [step({ restorationId: 'r1', step: 'effective', completedOn: '2016-06-01' })],
    };
    const last = functionHistory(restored, 'taxis').at(-1);
    assert.equal(last?.since, '2016-06-01');
    assert.equal(last?.holder.name, 'Cabinet Member for taxis');
  });

  it('is only the constitution’s holder for a function nothing has touched, and empty for an unknown one', () => {
    const untouched = record({ functions: [highways] });
    assert.deepEqual(
      functionHistory(untouched, 'highways').map((h) => [h.since, h.holder.kind]),
      [[null, 'constitution']],
    );
    assert.deepEqual(functionHistory(untouched, 'nowhere'), []);
  });
});
