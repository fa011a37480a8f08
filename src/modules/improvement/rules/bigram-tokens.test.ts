import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bigramTokens, rankedSets, startsFromCounts, UNSEEN } from './bigram-tokens.ts';

const read = (tokens: ReturnType<typeof bigramTokens>, text: string, add = true) => [
  ...tokens.members(text, add),
];

describe('texts as sets of numbered bigrams', () => {
  it('number each bigram in the order first met, a repeat apart from the first', () => {
    const tokens = bigramTokens(['abab', 'bab']);
    assert.deepEqual(read(tokens, 'abab'), [0, 1, 2]);
    assert.deepEqual(read(tokens, 'bab'), [1, 0]);
    assert.equal(tokens.count(), 3);
  });

  it('give a text of fewer than two characters no members', () => {
    const tokens = bigramTokens(['a']);
    assert.deepEqual(read(tokens, 'a'), []);
    assert.deepEqual(read(tokens, ''), []);
  });

  it('leave out, unnumbered, bigrams not met before and characters outside the alphabet, when not adding', () => {
    const tokens = bigramTokens(['abc']);
    assert.deepEqual(read(tokens, 'abc'), [0, 1]);
    assert.deepEqual(read(tokens, 'abca', false), [0, 1, UNSEEN]);
    assert.deepEqual(read(tokens, 'abz', false), [0, UNSEEN]);
    assert.equal(tokens.count(), 2);
  });

  it('number a bigram repeated many times, each repeat its own member', () => {
    const long = 'ab'.repeat(100);
    const tokens = bigramTokens([long]);
    const members = read(tokens, long);
    assert.equal(new Set(members).size, members.length);
    assert.deepEqual(read(tokens, long), members);
  });

  it('read texts with an alphabet of thousands of characters the same way', () => {
    const letters = Array.from({ length: 1_500 }, (_, k) => String.fromCharCode(0x4e00 + k)).join('');
    const tokens = bigramTokens([letters]);
    const members = read(tokens, letters);
    assert.equal(members.length, 1_499);
    assert.equal(new Set(members).size, 1_499);
    assert.deepEqual(read(tokens, letters.slice(0, 3) + letters.slice(0, 3)), [0, 1, 1_499, 1_500, 1_501]);
  });

  it('reuse the list it gives, so a caller keeps a copy', () => {
    const tokens = bigramTokens(['abc', 'xyz']);
    const first = tokens.members('abc', true);
    const copy = [...first];
    tokens.members('xyz', true);
    assert.notDeepEqual([...first], copy);
  });
});

describe('sets ranked rarest member first', () => {
  it('rank members by how many texts hold them, of equals the first met first, and sort each set so', () => {
    const { sets, start, rankOf, count } = rankedSets(['abc', 'abd', 'abx', 'ab']);
    // "ab" is in all four texts; "bc", "bd" and "bx" in one each, met in that order.
    assert.equal(count, 4);
    assert.deepEqual([...rankOf], [3, 0, 1, 2]);
    assert.deepEqual([...start], [0, 2, 4, 6, 7]);
    assert.deepEqual([...sets], [0, 3, 1, 3, 2, 3, 3]);
  });

  it('keep the numbering, so later texts are read against it', () => {
    const { tokens, rankOf } = rankedSets(['abc']);
    assert.deepEqual(
      [...tokens.members('bcz', false)].map((m) => (m === UNSEEN ? m : rankOf[m])),
      [rankOf[1], UNSEEN],
    );
  });

  it('start each list where the counts before it end', () => {
    assert.deepEqual([...startsFromCounts(Int32Array.from([2, 0, 3, 0]))], [0, 2, 2, 5]);
  });
});
