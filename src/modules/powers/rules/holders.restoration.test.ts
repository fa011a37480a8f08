import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  allocation,
  direction,
  feb2015,
  highways,
  holdingOf,
  provision,
  record,
  restoration,
  restorationFunction,
  step,
  who,
  withdrawn,
} from './fixtures.ts';
import { type PowersRecord } from './holders.ts';

describe('a function returned by a restoration', () => {
  const ratified = restoration({ id: 'r1', title: 'Restoration of February 2016' });
  const returned = restorationFunction({
    restorationId: 'r1',
    functionId: 'highways',
    returnsToName: 'Cllr Lelliott',
  });
  const effective = step({ restorationId: 'r1', step: 'effective', completedOn: '2016-02-01' });
  const r = record({
    functions: [highways],
    directions: [feb2015],
    provisions: [provision({ directionId: 'feb2015', functionId: 'highways' })],
    allocations: [allocation({ id: 'stella', functionId: 'highways', holderName: 'Stella Manzie' })],
    restorations: [ratified],
    restorationFunctions: [returned],
    restorationSteps: [effective],
  });

  it('returns to the council on the effective date, to the holder the proposal names', () => {
    assert.equal(holdingOf(r, 'highways', '2016-01-31').holder.name, 'Stella Manzie');
    const h = holdingOf(r, 'highways', '2016-02-01');
    assert.equal(who(h), 'council: cabinet_member Cllr Lelliott (member-highways)');
    assert.equal(h.since, '2016-02-01');
    assert.equal(h.restoration, ratified);
    assert.deepEqual([h.direction, h.provision, h.allocation], [null, null, null]);
  });

  it('wins over a Direction that comes into force the same day', () => {
    const same = direction({ id: 'same', inForceFrom: '2016-02-01', supersedesId: 'feb2015' });
    const withSame = {
      ...r,
      directions: [feb2015, same],
      provisions: [...r.provisions, provision({ directionId: 'same', functionId: 'highways' })],
    };
    assert.equal(holdingOf(withSame, 'highways', '2016-02-01').mode, 'council');
  });

  it('gives way to a Direction that comes into force after it', () => {
    const later = direction({ id: 'later', inForceFrom: '2017-01-01', supersedesId: 'feb2015' });
    const withLater = {
      ...r,
      directions: [feb2015, later],
      provisions: [...r.provisions, provision({ directionId: 'later', functionId: 'highways' })],
    };
    const h = holdingOf(withLater, 'highways', '2017-01-01');
    assert.equal(h.mode, 'commissioners');
    assert.equal(h.direction, later);
    assert.equal(h.restoration, null);
  });

  it('is held by a council body allocated it after the effective date, but not one allocated it before', () => {
    const before = allocation({
      id: 'b',
      functionId: 'highways',
      holderKind: 'cabinet',
      fromDate: '2016-02-01',
    });
    const after = allocation({
      id: 'c',
      functionId: 'highways',
      holderKind: 'cabinet_member',
      holderName: 'Cllr Hoddinott',
      fromDate: '2016-05-20',
    });
    const withBefore = { ...r, allocations: [...r.allocations, before] };
    assert.equal(holdingOf(withBefore, 'highways', '2016-06-01').holder.name, 'Cllr Lelliott');
    const withAfter = { ...r, allocations: [...r.allocations, before, after] };
    const h = holdingOf(withAfter, 'highways', '2016-06-01');
    assert.equal(h.holder.name, 'Cllr Hoddinott');
    assert.equal(h.allocation, after);
    assert.equal(h.restoration, ratified);
  });

  it('follows the later of two restorations of the same function', () => {
    const again = restoration({ id: 'r2' });
    const h = holdingOf(
      {
        ...r,
        restorations: [ratified, again],
        restorationFunctions: [
          returned,
          restorationFunction({ restorationId: 'r2', functionId: 'highways', returnsToName: 'Cabinet' }),
        ],
        restorationSteps: [
          effective,
          step({ restorationId: 'r2', step: 'effective', completedOn: '2017-02-01' }),
        ],
      },
      'highways',
      '2017-03-01',
    );
    assert.equal(h.restoration, again);
    assert.equal(h.holder.name, 'Cabinet');
  });

  const unchanged: [string, Partial<PowersRecord>][] = [
    ['has no effective step', { restorationSteps: [] }],
    ['failed at its effective step', { restorationSteps: [{ ...effective, outcome: 'failed' }] }],
    ['had its effective step withdrawn', { restorationSteps: [{ ...effective, ...withdrawn }] }],
    ['was withdrawn', { restorations: [{ ...ratified, ...withdrawn }] }],
    ['had the function withdrawn from it', { restorationFunctions: [{ ...returned, ...withdrawn }] }],
  ];
  for (const [what, change] of unchanged) {
    it(`changes nothing when the restoration ${what}`, () => {
      assert.equal(holdingOf({ ...r, ...change }, 'highways', '2016-06-01').holder.name, 'Stella Manzie');
    });
  }
});
