import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  allocation,
  direction,
  feb2015,
  highways,
  holdingOf,
  ney,
  provision,
  record,
  restoration,
  taxis,
  who,
  withdrawn,
} from './fixtures.ts';
import { directionsInForce, holdingsOn } from './holders.ts';

describe('who holds a function when no Direction or restoration applies', () => {
  it('is the holder the constitution names, left with the council, with no date or records', () => {
    const h = holdingOf(record({ functions: [taxis] }), 'taxis', '2016-03-01');
    assert.equal(h.mode, 'council');
    assert.deepEqual(h.holder, { kind: 'constitution', personId: null, name: 'Cabinet' });
    assert.equal(h.since, null);
    assert.deepEqual([h.direction, h.provision, h.restoration, h.allocation], [null, null, null, null]);
  });

  it('is a council body or member allocated the function, where one is in force', () => {
    const member = allocation({
      id: 'm',
      functionId: 'taxis',
      holderKind: 'cabinet_member',
      holderName: 'Cllr Read',
    });
    const h = holdingOf(record({ functions: [taxis], allocations: [member] }), 'taxis', '2016-03-01');
    assert.equal(who(h), 'council: cabinet_member Cllr Read (person-m)');
    assert.equal(h.allocation, member);
  });
});

describe('a function a Direction gives to the Commissioners', () => {
  const r = record({
    functions: [taxis],
    directions: [feb2015],
    provisions: [provision({ directionId: 'feb2015', functionId: 'taxis' })],
  });

  it('is with the Commissioners from the day the Direction is in force, and not the day before', () => {
    assert.equal(holdingOf(r, 'taxis', '2015-02-25').mode, 'council');
    const h = holdingOf(r, 'taxis', '2015-02-26');
    assert.equal(h.mode, 'commissioners');
    assert.equal(h.since, '2015-02-26');
    assert.equal(h.direction, feb2015);
    assert.equal(h.provision, r.provisions[0]);
  });

  it('is held by the Commissioners as a team when none is allocated it', () => {
    const h = holdingOf(r, 'taxis', '2016-03-01');
    assert.deepEqual(h.holder, { kind: 'commissioners', personId: null, name: 'the Commissioners' });
    assert.equal(h.allocation, null);
  });

  it('is held by the Commissioner allocated it that day, the latest allocation to start winning', () => {
    const myers = allocation({
      id: 'myers',
      functionId: 'taxis',
      holderName: 'Sir Derek Myers',
      fromDate: '2015-06-01',
    });
    const ended = allocation({
      id: 'old',
      functionId: 'taxis',
      fromDate: '2015-07-01',
      toDate: '2015-12-31',
    });
    const later = allocation({ id: 'later', functionId: 'taxis', fromDate: '2016-06-01' });
    const h = holdingOf({ ...r, allocations: [ney, myers, ended, later] }, 'taxis', '2016-03-01');
    assert.equal(h.holder.name, 'Sir Derek Myers');
    assert.equal(h.allocation, myers);
  });

  it('is held by an allocation that ends that very day', () => {
    const until = allocation({
      id: 'u',
      functionId: 'taxis',
      holderName: 'Julie Kenny',
      toDate: '2016-03-01',
    });
    assert.equal(holdingOf({ ...r, allocations: [until] }, 'taxis', '2016-03-01').holder.name, 'Julie Kenny');
    assert.equal(
      holdingOf({ ...r, allocations: [until] }, 'taxis', '2016-03-02').holder.name,
      'the Commissioners',
    );
  });

  it('breaks a tie between allocations starting the same day by their ids, whatever their order', () => {
    const a = allocation({ id: 'a', functionId: 'taxis', holderName: 'A' });
    const b = allocation({ id: 'b', functionId: 'taxis', holderName: 'B' });
    assert.equal(holdingOf({ ...r, allocations: [a, b] }, 'taxis', '2016-03-01').holder.name, 'B');
    assert.equal(holdingOf({ ...r, allocations: [b, a] }, 'taxis', '2016-03-01').holder.name, 'B');
  });

  it('ignores a council body’s allocation while the Commissioners hold it', () => {
    const committee = allocation({
      id: 'c',
      functionId: 'taxis',
      holderKind: 'committee',
      holderName: 'Licensing Board',
    });
    assert.equal(
      holdingOf({ ...r, allocations: [committee] }, 'taxis', '2016-03-01').holder.kind,
      'commissioners',
    );
  });

  it('returns to the council the day after the Direction’s last day in force', () => {
    const ended = { ...r, directions: [{ ...feb2015, inForceUntil: '2018-03-20' }] };
    assert.equal(holdingOf(ended, 'taxis', '2018-03-20').mode, 'commissioners');
    assert.equal(who(holdingOf(ended, 'taxis', '2018-03-21')), 'council: constitution Cabinet (null)');
  });
});

describe('a function a Direction leaves with the council with a Commissioner’s agreement', () => {
  const r = record({
    functions: [highways],
    directions: [feb2015],
    provisions: [provision({ directionId: 'feb2015', functionId: 'highways', mode: 'with_agreement' })],
  });

  it('is held by the constitution’s holder when no council body is allocated it', () => {
    assert.equal(who(holdingOf(r, 'highways', '2016-03-01')), 'with_agreement: constitution Cabinet (null)');
  });

  it('is held by the latest council body allocated it, never by a Commissioner', () => {
    const first = allocation({
      id: 'a1',
      functionId: 'highways',
      holderKind: 'cabinet',
      holderName: 'Advisory Cabinet',
    });
    const member = allocation({
      id: 'a2',
      functionId: 'highways',
      holderKind: 'cabinet_member',
      holderName: 'Cllr Lelliott',
      fromDate: '2015-12-01',
    });
    const commissioner = allocation({ id: 'a3', functionId: 'highways', fromDate: '2016-01-01' });
    const h = holdingOf({ ...r, allocations: [first, member, commissioner] }, 'highways', '2016-03-01');
    assert.equal(who(h), 'with_agreement: cabinet_member Cllr Lelliott (person-a2)');
    assert.equal(h.since, '2015-02-26', 'since is when the Direction began');
  });
});

describe('a superseded Direction', () => {
  const feb2016 = direction({ id: 'feb2016', inForceFrom: '2016-02-01', supersedesId: 'feb2015' });
  const r = record({
    functions: [taxis, highways],
    directions: [feb2015, feb2016],
    provisions: [
      provision({ directionId: 'feb2015', functionId: 'taxis' }),
      provision({ directionId: 'feb2015', functionId: 'highways' }),
      provision({ directionId: 'feb2016', functionId: 'taxis' }),
    ],
  });

  it('stops applying the day its successor comes into force', () => {
    assert.equal(holdingOf(r, 'highways', '2016-01-31').mode, 'commissioners');
    assert.equal(holdingOf(r, 'highways', '2016-02-01').mode, 'council');
    const h = holdingOf(r, 'taxis', '2016-02-01');
    assert.equal(h.direction, feb2016);
    assert.equal(h.since, '2016-02-01');
  });

  it('keeps applying when its successor is withdrawn', () => {
    const withdrawnSuccessor = { ...r, directions: [feb2015, { ...feb2016, ...withdrawn }] };
    assert.equal(holdingOf(withdrawnSuccessor, 'highways', '2016-03-01').mode, 'commissioners');
    assert.equal(holdingOf(withdrawnSuccessor, 'taxis', '2016-03-01').direction, feb2015);
  });

  it('gives way to the later of two overlapping Directions should the record hold both', () => {
    const overlapping = direction({ id: 'overlap', inForceFrom: '2015-06-01' });
    const h = holdingOf(
      {
        ...r,
        directions: [overlapping, feb2015],
        provisions: [
          provision({ directionId: 'feb2015', functionId: 'taxis' }),
          provision({ directionId: 'overlap', functionId: 'taxis', mode: 'with_agreement' }),
        ],
      },
      'taxis',
      '2015-07-01',
    );
    assert.equal(h.direction, overlapping);
    assert.equal(h.mode, 'with_agreement');
  });

  it('settles two overlapping Directions of the same date by their ids, whatever their order', () => {
    const twin = direction({ id: 'twin', inForceFrom: '2015-02-26' });
    const provisions = [
      provision({ directionId: 'feb2015', functionId: 'taxis' }),
      provision({ directionId: 'twin', functionId: 'taxis', mode: 'with_agreement' }),
    ];
    for (const directions of [
      [feb2015, twin],
      [twin, feb2015],
    ])
      assert.equal(holdingOf({ ...r, directions, provisions }, 'taxis', '2015-07-01').direction, twin);
    assert.equal(
      holdingOf(
        { ...r, directions: [twin, feb2015], provisions: [...provisions].reverse() },
        'taxis',
        '2015-07-01',
      ).direction,
      twin,
    );
  });
});

describe('withdrawn records', () => {
  it('count for nothing: a withdrawn function, Direction, provision or allocation', () => {
    const base = record({
      functions: [taxis],
      directions: [feb2015],
      provisions: [provision({ directionId: 'feb2015', functionId: 'taxis' })],
      allocations: [ney],
    });
    assert.equal(holdingOf(base, 'taxis', '2016-03-01').holder.name, 'Mary Ney');
    assert.equal(holdingsOn({ ...base, functions: [{ ...taxis, ...withdrawn }] }, '2016-03-01').length, 0);
    assert.equal(
      holdingOf({ ...base, directions: [{ ...feb2015, ...withdrawn }] }, 'taxis', '2016-03-01').mode,
      'council',
    );
    const noProvision = {
      ...base,
      provisions: [{ ...provision({ directionId: 'feb2015', functionId: 'taxis' }), ...withdrawn }],
    };
    assert.equal(holdingOf(noProvision, 'taxis', '2016-03-01').mode, 'council');
    const noAllocation = { ...base, allocations: [{ ...ney, ...withdrawn }] };
    assert.equal(holdingOf(noAllocation, 'taxis', '2016-03-01').holder.name, 'the Commissioners');
  });
});

describe('the Directions in force on a date', () => {
  const feb2016 = direction({ id: 'feb2016', inForceFrom: '2016-02-01', supersedesId: 'feb2015' });
  const expired = direction({ id: 'exp', inForceFrom: '2015-03-01', inForceUntil: '2015-12-31' });
  const r = record({
    directions: [feb2016, expired, feb2015, { ...direction({ id: 'gone' }), ...withdrawn }],
  });

  it('are those started and not ended or superseded, earliest first', () => {
    assert.deepEqual(directionsInForce(r, '2015-02-25'), []);
    assert.deepEqual(directionsInForce(r, '2015-12-31'), [feb2015, expired]);
    assert.deepEqual(directionsInForce(r, '2016-01-31'), [feb2015]);
    assert.deepEqual(directionsInForce(r, '2016-02-01'), [feb2016]);
  });

  it('puts two that came into force the same day in order of their ids', () => {
    const twin = direction({ id: 'a-twin', inForceFrom: '2015-02-26' });
    assert.deepEqual(directionsInForce(record({ directions: [feb2015, twin] }), '2015-03-01'), [
      twin,
      feb2015,
    ]);
    assert.deepEqual(directionsInForce(record({ directions: [twin, feb2015] }), '2015-03-01'), [
      twin,
      feb2015,
    ]);
  });
});
