import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diceCoefficient } from 'dice-coefficient';
import { bigram } from 'n-gram';
import { type GroupedText, similarTexts } from './bigram-join.ts';

/** A small random number generator with a seed, so a failing case can be run again. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), s | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const WORDS =
  'audit all cases ensure staff training review plan children safe report board police taxi risk'.split(' ');

/** Texts of a few words, and copies of some with a word or a letter changed, so that some pairs come close. */
function texts(next: () => number, n: number, groups: number): GroupedText[] {
  const out: GroupedText[] = [];
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  for (let k = 0; k < n; k++) {
    const base = out.length > 0 && next() < 0.5 ? pick(out).text : '';
    let text: string;
    if (base) {
      const words = base.split(' ');
      const at = Math.floor(next() * words.length);
      words[at] = next() < 0.5 ? pick(WORDS) : `${words[at]}s`;
      text = words.join(' ');
    } else {
      text = Array.from({ length: 2 + Math.floor(next() * 6) }, () => pick(WORDS)).join(' ');
    }
    out.push({ text, group: `g${Math.floor(next() * groups)}` });
  }
  return out;
}

/** Every pair compared by the dice-coefficient library: what the join must find, no more and no less. */
function everyPair(newTexts: GroupedText[], earlier: GroupedText[], threshold: number): number[][] {
  return newTexts.map((n) =>
    earlier.flatMap((e, at) =>
      e.group !== n.group &&
      n.text.length > 1 &&
      e.text.length > 1 &&
      diceCoefficient(bigram(n.text), bigram(e.text)) >= threshold
        ? [at]
        : [],
    ),
  );
}

describe('the join of similar texts', () => {
  it('finds exactly the pairs that comparing every pair finds, at any threshold', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const next = random(seed);
      const earlier = texts(next, 300, 4);
      const newTexts = texts(next, 60, 5);
      for (const threshold of [0.5, 0.7, 0.8, 0.9, 1]) {
        const expected = everyPair(newTexts, earlier, threshold);
        assert.deepEqual(
          similarTexts(newTexts, earlier, threshold),
          expected,
          `seed ${seed}, threshold ${threshold}`,
        );
        assert.ok(threshold === 1 || expected.some((list) => list.length > 0), 'the case has pairs to find');
      }
    }
  });

  it('finds a text retyped with other spellings throughout, which shares few whole words', () => {
    const earlier = [{ text: 'we will organise and prioritise to recognise and minimise harm', group: 'a' }];
    const newer = [{ text: 'we will organize and prioritize to recognize and minimize harm', group: 'b' }];
    assert.deepEqual(similarTexts(newer, earlier, 0.8), [[0]]);
  });

  it('pairs no texts of the same group, and finds nothing in nothing', () => {
    const same = [{ text: 'audit all cases', group: 'a' }];
    assert.deepEqual(similarTexts(same, same, 0.8), [[]]);
    assert.deepEqual(similarTexts(same, [], 0.8), [[]]);
    assert.deepEqual(similarTexts([], same, 0.8), []);
  });

  it('pairs nothing with a text too short to have a bigram, or with letters no earlier text has', () => {
    assert.deepEqual(similarTexts([{ text: 'a', group: 'b' }], [{ text: 'a', group: 'a' }], 0.5), [[]]);
    assert.deepEqual(similarTexts([{ text: 'zzzz', group: 'b' }], [{ text: 'audit', group: 'a' }], 0.1), [
      [],
    ]);
    assert.deepEqual(similarTexts([{ text: 'audit', group: 'b' }], [{ text: '', group: 'a' }], 0.1), [[]]);
  });

  it('counts a bigram repeated many times, and letters from beyond the usual alphabet, exactly', () => {
    const long = 'ab'.repeat(200);
    const earlier = [
      { text: long, group: 'a' },
      { text: 'ünïcödé ǅǆǄ 漢字の文章 ünïcödé', group: 'a' },
    ];
    const newTexts = [
      { text: `${long}c`, group: 'b' },
      { text: 'ünïcödé ǅǆǄ 漢字の文章 ünïcödé!', group: 'b' },
    ];
    assert.deepEqual(similarTexts(newTexts, earlier, 0.95), everyPair(newTexts, earlier, 0.95));
    assert.deepEqual(similarTexts(newTexts, earlier, 0.95), [[0], [1]]);
  });

  it('refuses a threshold that is not above 0 and at most 1', () => {
    for (const threshold of [0, -0.5, 1.01, Number.NaN]) {
      assert.throws(() => similarTexts([], [], threshold), RangeError);
    }
  });
});
