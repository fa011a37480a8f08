import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type DirectionCandidate, directionProblems } from './directions.ts';
import {
  councilFunction,
  direction,
  feb2015,
  highways,
  provision,
  record,
  taxis,
  withdrawn,
} from './fixtures.ts';
import type { PowersRecord } from './holders.ts';

const taxisHeld = provision({ directionId: 'feb2015', functionId: 'taxis' });
/** Rotherham in 2015: the February Directions give taxi licensing and highways to the Commissioners. */
const rotherham = record({
  functions: [taxis, highways],
  directions: [feb2015],
  provisions: [taxisHeld, provision({ directionId: 'feb2015', functionId: 'highways' })],
});

const candidate = (o: Partial<DirectionCandidate> = {}): DirectionCandidate => ({
  title: 'Directions of 1 February 2016',
  madeOn: '2016-01-20',
  inForceFrom: '2016-02-01',
  inForceUntil: null,
  supersedesId: null,
  ...o,
});

function problemsOf(d: DirectionCandidate, functionIds: string[], r: PowersRecord = rotherham) {
  return directionProblems({ direction: d, functionIds }, r).map((p) => `${p.field}: ${p.message}`);
}

describe('a Direction that breaks no rule', () => {
  it('has no problems when it is the council’s first', () => {
    assert.deepEqual(problemsOf(candidate(), ['taxis'], record({ functions: [taxis] })), []);
  });

  it('has no problems when it supersedes the Direction that provided for its functions', () => {
    assert.deepEqual(problemsOf(candidate({ supersedesId: 'feb2015' }), ['taxis', 'highways']), []);
  });

  it('may come into force the day it is made and end that same day', () => {
    const oneDay = candidate({ madeOn: '2016-02-01', inForceUntil: '2016-02-01', supersedesId: 'feb2015' });
    assert.deepEqual(problemsOf(oneDay, ['taxis']), []);
  });
});

describe('the dates of a Direction', () => {
  it('cannot have it in force before it was made', () => {
    assert.deepEqual(problemsOf(candidate({ madeOn: '2016-02-02', supersedesId: 'feb2015' }), ['taxis']), [
      'inForceFrom: The date it comes into force must be the same as or after the date it was made (2 February 2016)',
    ]);
  });

  it('cannot end before it comes into force, and then no overlap is looked for', () => {
    assert.deepEqual(problemsOf(candidate({ inForceUntil: '2016-01-31' }), ['taxis']), [
      'inForceUntil: The last day in force must be the same as or after the date it comes into force (1 February 2016)',
    ]);
  });
});

describe('the Direction a new one supersedes', () => {
  it('must be a Direction of the council that has not been withdrawn', () => {
    const message =
      'supersedesId: Select a Direction of this council that has not been withdrawn as the one it supersedes';
    assert.deepEqual(
      problemsOf(candidate({ supersedesId: 'unknown' }), ['taxis'], record({ functions: [taxis] })),
      [message],
    );
    const gone = record({ functions: [taxis], directions: [{ ...feb2015, ...withdrawn }] });
    assert.deepEqual(problemsOf(candidate({ supersedesId: 'feb2015' }), ['taxis'], gone), [message]);
  });

  it('must have come into force before it', () => {
    const sameDay = candidate({ inForceFrom: '2015-02-26', madeOn: '2015-02-26', supersedesId: 'feb2015' });
    assert.deepEqual(problemsOf(sameDay, ['taxis']), [
      'supersedesId: A Direction can only supersede one that came into force before it: ‘Directions of 26 February 2015’ came into force on 26 February 2015',
    ]);
  });
});

describe('the functions a Direction provides for', () => {
  const fresh = record({ functions: [taxis, highways, { ...councilFunction({ id: 'old' }), ...withdrawn }] });

  it('must include at least one', () => {
    assert.deepEqual(problemsOf(candidate(), [], fresh), [
      'functionIds: Select at least one function the Direction provides for',
    ]);
  });

  it('must list each function once, naming the one listed twice', () => {
    assert.deepEqual(problemsOf(candidate(), ['taxis', 'highways', 'taxis'], fresh), [
      'functionIds: ‘Taxi and private hire licensing’ is listed more than once; list each function once',
    ]);
  });

  it('must all be in the register, a withdrawn function no longer being in it', () => {
    assert.deepEqual(problemsOf(candidate(), ['taxis', 'old'], fresh), [
      'functionIds: One function given is not in the council’s register; select functions from the register',
    ]);
    assert.deepEqual(problemsOf(candidate(), ['nowhere', 'old', 'nowhere'], fresh), [
      'functionIds: A function is listed more than once; list each function once',
      'functionIds: 2 functions given are not in the council’s register; select functions from the register',
    ]);
  });
});

describe('a Direction for a function another Direction already provides for', () => {
  it('is refused while the other is in force, naming the function and the other Direction', () => {
    assert.deepEqual(problemsOf(candidate(), ['taxis', 'highways']), [
      'functionIds: ‘Taxi and private hire licensing’ is already provided for by ‘Directions of 26 February 2015’ from 26 February 2015; a new Direction covering it must supersede that one or start after it ends',
      'functionIds: ‘Highways’ is already provided for by ‘Directions of 26 February 2015’ from 26 February 2015; a new Direction covering it must supersede that one or start after it ends',
    ]);
  });

  it('is accepted from the day after the other’s last day, and refused on that last day', () => {
    const ended = { ...rotherham, directions: [{ ...feb2015, inForceUntil: '2016-01-31' }] };
    assert.deepEqual(problemsOf(candidate(), ['taxis'], ended), []);
    assert.deepEqual(problemsOf(candidate({ inForceFrom: '2016-01-31' }), ['taxis'], ended), [
      'functionIds: ‘Taxi and private hire licensing’ is already provided for by ‘Directions of 26 February 2015’ from 26 February 2015 to 31 January 2016; a new Direction covering it must supersede that one or start after it ends',
    ]);
  });

  it('is refused when it would come into force earlier and still be in force when the other begins', () => {
    const earlier = candidate({ madeOn: '2014-12-01', inForceFrom: '2015-01-01' });
    assert.deepEqual(problemsOf(earlier, ['taxis']), [
      'functionIds: ‘Taxi and private hire licensing’ is already provided for by ‘Directions of 26 February 2015’ from 26 February 2015; a Direction covering it that comes into force earlier must end before 26 February 2015',
    ]);
    assert.deepEqual(problemsOf({ ...earlier, inForceUntil: '2015-02-25' }, ['taxis']), []);
  });

  it('counts the other as ended the day before a Direction that supersedes it', () => {
    const feb2016 = direction({
      id: 'feb2016',
      title: 'Directions of 1 February 2016',
      inForceFrom: '2016-02-01',
    });
    const superseded = {
      ...rotherham,
      directions: [feb2015, { ...feb2016, supersedesId: 'feb2015' }],
      provisions: [...rotherham.provisions, provision({ directionId: 'feb2016', functionId: 'taxis' })],
    };
    const march = candidate({ title: 'Highways Direction', madeOn: '2016-03-01', inForceFrom: '2016-03-01' });
    assert.deepEqual(problemsOf(march, ['highways'], superseded), []);
    assert.match(
      problemsOf(
        { ...march, inForceFrom: '2016-01-01', madeOn: '2016-01-01' },
        ['highways'],
        superseded,
      ).join(),
      /from 26 February 2015 to 31 January 2016;/,
    );
    assert.match(
      problemsOf(march, ['taxis'], superseded).join(),
      /provided for by ‘Directions of 1 February 2016’/,
    );
  });

  it('ignores a Direction that is withdrawn, never in force, or provides for other functions', () => {
    const notInForce = direction({ id: 'x', inForceFrom: '2015-06-01', inForceUntil: '2015-05-31' });
    const r = record({
      functions: [taxis, highways],
      directions: [{ ...feb2015, ...withdrawn }, notInForce, direction({ id: 'other' })],
      provisions: [
        taxisHeld,
        provision({ directionId: 'x', functionId: 'taxis' }),
        provision({ directionId: 'other', functionId: 'highways' }),
      ],
    });
    assert.deepEqual(problemsOf(candidate(), ['taxis'], r), []);
  });

  it('names every Direction it would clash with, function by function, earliest first', () => {
    const later = direction({
      id: 'later',
      title: 'Directions of 1 January 2016',
      inForceFrom: '2016-01-01',
    });
    const r = {
      ...rotherham,
      directions: [later, { ...feb2015, inForceUntil: '2015-12-31' }],
      provisions: [provision({ directionId: 'later', functionId: 'taxis' }), ...rotherham.provisions],
    };
    const from = candidate({ madeOn: '2015-06-01', inForceFrom: '2015-06-01' });
    const fix = 'a new Direction covering it must supersede that one or start after it ends';
    assert.deepEqual(problemsOf(from, ['highways', 'taxis'], r), [
      `functionIds: ‘Highways’ is already provided for by ‘Directions of 26 February 2015’ from 26 February 2015 to 31 December 2015; ${fix}`,
      `functionIds: ‘Taxi and private hire licensing’ is already provided for by ‘Directions of 26 February 2015’ from 26 February 2015 to 31 December 2015; ${fix}`,
      'functionIds: ‘Taxi and private hire licensing’ is already provided for by ‘Directions of 1 January 2016’ from 1 January 2016; a Direction covering it that comes into force earlier must end before 1 January 2016',
    ]);
  });

  it('ignores a provision that has been withdrawn', () => {
    assert.deepEqual(
      problemsOf(candidate(), ['taxis'], { ...rotherham, provisions: [{ ...taxisHeld, ...withdrawn }] }),
      [],
    );
  });
});

describe('an existing Direction checked again', () => {
  it('is not compared with itself, and ends where a later Direction supersedes it', () => {
    const feb2016 = direction({ id: 'feb2016', inForceFrom: '2016-02-01', supersedesId: 'feb2015' });
    const r = {
      ...rotherham,
      directions: [feb2015, feb2016],
      provisions: [...rotherham.provisions, provision({ directionId: 'feb2016', functionId: 'taxis' })],
    };
    assert.deepEqual(problemsOf(feb2015, ['taxis', 'highways'], r), []);
  });

  it('ends on its own last day when that comes before the Direction superseding it', () => {
    const a = direction({ id: 'a', inForceFrom: '2015-02-26', inForceUntil: '2015-12-31' });
    const r = record({
      functions: [taxis],
      directions: [
        a,
        direction({ id: 'b', inForceFrom: '2016-06-01', supersedesId: 'a' }),
        direction({ id: 'c', inForceFrom: '2016-01-01' }),
      ],
      provisions: [provision({ directionId: 'c', functionId: 'taxis' })],
    });
    assert.deepEqual(problemsOf(a, ['taxis'], r), []);
  });

  it('that a later Direction supersedes from its first day is never in force and clashes with nothing', () => {
    const replaced = direction({ id: 'replaced', inForceFrom: '2016-02-01' });
    const r = {
      ...rotherham,
      directions: [
        feb2015,
        replaced,
        direction({ id: 'next', inForceFrom: '2016-02-01', supersedesId: 'replaced' }),
      ],
    };
    assert.deepEqual(problemsOf(replaced, ['taxis'], r), []);
  });
});
