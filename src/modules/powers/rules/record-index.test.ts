import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  allocation,
  councilFunction,
  direction,
  feb2015,
  holdingOf,
  ney,
  provision,
  record,
  taxis,
  withdrawn,
} from './fixtures.ts';
import { holdingsOn } from './holders.ts';
import { directionLastDays, indexOf } from './record-index.ts';

describe('the index of a record by function', () => {
  it('list every function once in register order: service, then portfolio (none last), then name', () => {
    const fns = [
      councilFunction({ id: 'nom', name: 'Outside bodies', service: 'nominations' }),
      councilFunction({ id: 'z', name: 'Zoos', portfolio: 'Culture' }),
      councilFunction({ id: 'lic', name: 'Taxis', service: 'licensing' }),
      councilFunction({ id: 'gen', name: 'General' }),
      councilFunction({ id: 'a', name: 'Archives', portfolio: 'Culture' }),
      councilFunction({ id: 'env', name: 'Bins', portfolio: 'Environment' }),
    ];
    const ids = holdingsOn(record({ functions: fns }), '2016-03-01').map((h) => h.function.id);
    assert.deepEqual(ids, ['a', 'z', 'env', 'gen', 'lic', 'nom']);
  });

  it('puts functions with the same name in a stable order by their codes', () => {
    const fns = [councilFunction({ id: 'b', code: 'b' }), councilFunction({ id: 'a', code: 'a' })];
    const copy = record({ functions: fns.map((f) => ({ ...f, name: 'Same' })) });
    assert.deepEqual(
      indexOf(copy).functions.map((f) => f.fn.id),
      ['a', 'b'],
    );
  });

  it('is built once and reused while the record is unchanged', () => {
    const r = record({ functions: [taxis] });
    assert.equal(indexOf(r), indexOf(r));
  });

  it('leaves out withdrawn rows, and rows about a Direction, restoration or function not in the record', () => {
    const r = record({
      functions: [taxis],
      directions: [feb2015, { ...direction({ id: 'gone' }), ...withdrawn }],
      provisions: [
        provision({ directionId: 'feb2015', functionId: 'taxis' }),
        provision({ directionId: 'gone', functionId: 'taxis' }),
        provision({ directionId: 'nowhere', functionId: 'taxis' }),
        provision({ directionId: 'feb2015', functionId: 'unknown' }),
      ],
      allocations: [ney, { ...allocation({ id: 'w', functionId: 'taxis' }), ...withdrawn }],
    });
    const taxisIndex = indexOf(r).byId.get('taxis');
    assert.deepEqual(
      taxisIndex?.provided.map((p) => p.direction.id),
      ['feb2015'],
    );
    assert.deepEqual(
      taxisIndex?.allocations.map((a) => a.allocation.id),
      ['ney'],
    );
    assert.equal(indexOf(r).byId.has('unknown'), false);
  });

  it('sees a record changed since it was last asked', () => {
    const r = record({ functions: [taxis], directions: [feb2015] });
    assert.equal(holdingOf(r, 'taxis', '2016-03-01').mode, 'council');
    r.provisions.push(provision({ directionId: 'feb2015', functionId: 'taxis' }));
    assert.equal(holdingOf(r, 'taxis', '2016-03-01').mode, 'commissioners', 'an added row');
    r.allocations = [ney];
    assert.equal(holdingOf(r, 'taxis', '2016-03-01').holder.name, 'Mary Ney', 'a replaced list');
  });
});

describe('working out the holdings of a large council', () => {
  it('takes well under a few milliseconds a date for 500 functions and ten years of records', () => {
    const functions = Array.from({ length: 500 }, (_, i) =>
      councilFunction({ id: `f${i}`, name: `Function ${i}` }),
    );
    const r = record({ functions });
    for (let y = 0; y < 10; y++) {
      const id = `d${y}`;
      r.directions.push(
        direction({ id, inForceFrom: `${2015 + y}-01-01`, supersedesId: y ? `d${y - 1}` : null }),
      );
      for (const f of functions) {
        r.provisions.push(provision({ directionId: id, functionId: f.id }));
        r.allocations.push(
          allocation({
            id: `${f.id}-${y}`,
            functionId: f.id,
            fromDate: `${2015 + y}-01-01`,
            toDate: `${2015 + y}-12-31`,
          }),
        );
      }
    }
    holdingsOn(r, '2015-01-01');
    const started = performance.now();
    for (let k = 0; k < 50; k++) holdingsOn(r, `${2015 + (k % 10)}-06-01`);
    const each = (performance.now() - started) / 50;
    assert.ok(each < 3, `took ${each.toFixed(2)} ms a date`);
    assert.equal(holdingOf(r, 'f7', '2019-06-01').holder.name, 'Holder f7-4');
  });
});

describe('the last day a Direction is in force', () => {
  it('is its own last day, or none while it stands', () => {
    const ends = directionLastDays([feb2015, direction({ id: 'ended', inForceUntil: '2018-03-20' })]);
    assert.equal(ends.get('feb2015'), null);
    assert.equal(ends.get('ended'), '2018-03-20');
  });

  it('is the day before the earliest Direction that supersedes it', () => {
    const ends = directionLastDays([
      feb2015,
      direction({ id: 'second', inForceFrom: '2016-05-01', supersedesId: 'feb2015' }),
      direction({ id: 'first', inForceFrom: '2016-02-01', supersedesId: 'feb2015' }),
    ]);
    assert.equal(ends.get('feb2015'), '2016-01-31');
  });

  it('is the earlier of its own end and the day before its successor', () => {
    const successor = direction({ id: 'next', inForceFrom: '2016-02-01', supersedesId: 'a' });
    const endsFirst = direction({ id: 'a', inForceUntil: '2015-12-31' });
    assert.equal(directionLastDays([endsFirst, successor]).get('a'), '2015-12-31');
    const endsLater = direction({ id: 'a', inForceUntil: '2016-12-31' });
    assert.equal(directionLastDays([endsLater, successor]).get('a'), '2016-01-31');
  });
});
