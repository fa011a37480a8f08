import { rankedSets, startsFromCounts } from './bigram-tokens.ts';

/*
 * Finds every pair of a new text and an earlier one whose Sørensen–Dice
 * coefficient over bigrams reaches a threshold, without comparing every pair
 * (500 new items against 20,000 earlier ones would be ten million
 * comparisons), and without missing one. It is the "prefix filter" of
 * set-similarity joins (Xiao et al., "Efficient similarity joins for
 * near-duplicate detection", WWW 2008), worked for Dice.
 *
 * A text's bigrams, repeats numbered apart, form a set (bigram-tokens.ts), and
 * Dice is 2|A∩B| / (|A|+|B|). For it to reach t:
 * - B must have between t/(2-t) and (2-t)/t times as many bigrams as A;
 * - they must share k = ⌈t(|A|+|B|)/2⌉ bigrams or more, so at least ⌈t|A|/(2-t)⌉;
 * - with every set sorted in one order, rarest bigram first, two sets sharing
 *   k bigrams share one among the first |A|−k+1 of A and the first |B|−k+1 of
 *   B. Only those first bigrams are looked at, and being the rarest, each
 *   leads to few texts.
 * The first bigrams of the new texts are indexed, and each earlier text, the
 * shortest first, looks up its own first bigrams there: the new texts are few,
 * so what a look-up touches stays in the processor's cache. A pair is dropped once the bigrams
 * left on both sides could not make up the overlap it needs (the "positional
 * filter"); the pairs left are counted exactly from where the look-up stopped,
 * giving up as soon as the overlap can no longer be reached.
 *
 * Indexing whole words instead would be simpler but not safe: a text retyped
 * with "-ize" for "-ise" throughout keeps most of its bigrams while sharing
 * few whole words.
 */

/** A margin for floating point in the bounds, always on the side of keeping more pairs, never fewer. */
const EPS = 1e-9;
/** Far enough below nought that no count of members shared climbs back above it. */
const PRUNED = -(2 ** 30);

/** A text to compare, and its group (a plan): texts of one group are never paired. */
export interface GroupedText {
  text: string;
  group: string;
}

/**
 * Texts read once as sets of ranked bigrams (bigram-tokens.ts), each with its
 * group, to be joined in any pairing of them: text k's set runs from
 * `start[k]` to `start[k + 1]` in `sets`.
 */
export interface RankedTexts {
  sets: Int32Array;
  start: Int32Array;
  /** How many ranks there are. */
  count: number;
  groups: readonly string[];
}

/** Texts read as ranked sets, to be joined by `similarSets`; compare texts as given (normalise them first). */
export function rankTexts(texts: readonly GroupedText[]): RankedTexts {
  const { sets, start, count } = rankedSets(texts.map((t) => t.text));
  return { sets, start, count, groups: texts.map((t) => t.group) };
}

/** Whether sorted sets `a` and `b`, sharing `shared` members before places `i` and `j`, share `needed` in all. */
function reaches(
  a: Int32Array,
  b: Int32Array,
  shared: number,
  i: number,
  j: number,
  needed: number,
): boolean {
  while (shared < needed) {
    if (shared + Math.min(a.length - i, b.length - j) < needed) return false;
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) shared++;
    if (x <= y) i++;
    if (y <= x) j++;
  }
  return true;
}

/** The least overlap of sets of sizes `a` and `b` whose Dice coefficient reaches `t`. */
const overlapFor = (t: number, a: number, b: number) => Math.ceil((t * (a + b)) / 2 - EPS);
/** The size of the shortest set whose Dice coefficient with one of `size` can reach `t`. */
const shortestFor = (t: number, size: number) => Math.max(1, Math.ceil((t * size) / (2 - t) - EPS));
/** The size of the longest set whose Dice coefficient with one of `size` can reach `t`. */
const longestFor = (t: number, size: number) => Math.floor(((2 - t) * size) / t + EPS);

/**
 * For each rank, the sets holding it among their first `prefix[size]`
 * members, shortest set first: the set's place, where the rank is in it and
 * the set's size, side by side in `posted`; rank r's from `start[r]` to
 * `start[r + 1]`.
 */
function postingLists(sets: readonly Int32Array[], ranks: number, prefix: Int32Array) {
  const start = new Int32Array(ranks + 1);
  for (const set of sets) {
    for (let i = 0; i < (prefix[set.length] as number); i++) {
      const rank = set[i] as number;
      start[rank] = (start[rank] as number) + 3;
    }
  }
  startsFromCounts(start);
  const posted = new Int32Array(start[ranks] as number);
  const next = start.slice();
  const bySize = Array.from(sets.keys()).sort(
    (a, b) => (sets[a] as Int32Array).length - (sets[b] as Int32Array).length || a - b,
  );
  for (const n of bySize) {
    const set = sets[n] as Int32Array;
    for (let i = 0; i < (prefix[set.length] as number); i++) {
      const rank = set[i] as number;
      const slot = next[rank] as number;
      next[rank] = slot + 3;
      posted[slot] = n;
      posted[slot + 1] = i;
      posted[slot + 2] = set.length;
    }
  }
  return { start, posted };
}

/**
 * For each of the texts `newAt` (places in `ranked`), the places among
 * `earlierAt` (in `ranked`) of the texts of other groups whose Dice
 * coefficient with it, over bigrams, is at or above `threshold` (above 0, at
 * most 1), in the order of `earlierAt`. A text with no bigram is similar to
 * nothing. Texts read once (`rankTexts`) can be joined in many pairings so.
 */
export function similarSets(
  ranked: RankedTexts,
  newAt: readonly number[],
  earlierAt: readonly number[],
  threshold: number,
): number[][] {
  const t = threshold;
  if (!(t > 0 && t <= 1))
    throw new RangeError(`The similarity threshold must be above 0 and at most 1: ${t}`);
  const found: number[][] = newAt.map(() => []);
  if (newAt.length === 0 || earlierAt.length === 0) return found;
  const { sets, start } = ranked;
  const sizeOf = (k: number) => (start[k + 1] as number) - (start[k] as number);
  const newSets = newAt.map((k) => sets.subarray(start[k], start[k + 1]));
  let largest = 0;
  for (const set of newSets) largest = Math.max(largest, set.length);
  for (const k of earlierAt) largest = Math.max(largest, sizeOf(k));
  // How many of its first members a set of each size shows the other side.
  const prefix = new Int32Array(largest + 1);
  for (let size = 1; size <= largest; size++) prefix[size] = size - shortestFor(t, size) + 1;

  const { start: listStart, posted } = postingLists(newSets, ranked.count, prefix);

  // New texts by group, so that those of an earlier text's own group can be set aside before its look-up.
  const groups = new Map<string, number[]>();
  newAt.forEach((k, n) => {
    const group = ranked.groups[k] as string;
    const list = groups.get(group);
    if (list) list.push(n);
    else groups.set(group, [n]);
  });

  // Per new text, during one earlier text's look-up: members shared so far (or PRUNED), and where the last was.
  const shared = new Int32Array(newAt.length);
  const lastHere = new Int32Array(newAt.length);
  const lastThere = new Int32Array(newAt.length);
  const touched = new Int32Array(newAt.length);
  /** The overlap needed with a new text of each size, for the earlier text being looked up. */
  const need = new Int32Array(longestFor(t, largest) + 2);

  // Earlier texts are looked up shortest first, so that the place in each list where new texts long enough
  // begin only ever moves on: `from[rank]`.
  const from = listStart.slice();
  const byLength = Array.from(earlierAt.keys()).sort(
    (a, b) => sizeOf(earlierAt[a] as number) - sizeOf(earlierAt[b] as number) || a - b,
  );
  let lastSize = -1;
  let shortest = 0;
  let longest = 0;
  for (const place of byLength) {
    const e = earlierAt[place] as number;
    const set = sets.subarray(start[e], start[e + 1]);
    const size = set.length;
    if (size === 0) continue;
    if (size !== lastSize) {
      lastSize = size;
      shortest = shortestFor(t, size);
      longest = Math.min(largest, longestFor(t, size));
      for (let s = shortest; s <= longest; s++) need[s] = overlapFor(t, size, s);
    }
    const ownGroup = groups.get(ranked.groups[e] as string);
    if (ownGroup) for (const n of ownGroup) shared[n] = PRUNED;

    let touches = 0;
    for (let i = 0; i < (prefix[size] as number); i++) {
      const rank = set[i] as number;
      const end = listStart[rank + 1] as number;
      let slot = from[rank] as number;
      while (slot < end && (posted[slot + 2] as number) < shortest) slot += 3;
      from[rank] = slot;
      const here = size - i;
      for (; slot < end; slot += 3) {
        const otherSize = posted[slot + 2] as number;
        if (otherSize > longest) break;
        const other = posted[slot] as number;
        const sofar = shared[other] as number;
        const at = posted[slot + 1] as number;
        const there = otherSize - at;
        // This member and those after it on the shorter side are all there is left to share (the "positional
        // filter"): one met before that cannot now reach the overlap it needs is dropped; one met first here
        // never could; one dropped before stays far below.
        if (sofar + (here < there ? here : there) < (need[otherSize] as number)) {
          if (sofar > 0) shared[other] = PRUNED;
          continue;
        }
        if (sofar === 0) touched[touches++] = other;
        shared[other] = sofar + 1;
        lastHere[other] = i;
        lastThere[other] = at;
      }
    }

    for (let k = 0; k < touches; k++) {
      const other = touched[k] as number;
      const sofar = shared[other] as number;
      shared[other] = 0;
      if (sofar < 0) continue;
      const otherSet = newSets[other] as Int32Array;
      const here = (lastHere[other] as number) + 1;
      const there = (lastThere[other] as number) + 1;
      if (reaches(set, otherSet, sofar, here, there, need[otherSet.length] as number)) {
        (found[other] as number[]).push(place);
      }
    }
    if (ownGroup) for (const n of ownGroup) shared[n] = 0;
  }
  for (const list of found) list.sort((a, b) => a - b);
  return found;
}

/**
 * For each of `newTexts`, the places in `earlier` of the texts of other groups
 * whose Dice coefficient with it, over bigrams, is at or above `threshold`
 * (above 0, at most 1), in the order of `earlier`. Texts are compared as given
 * (normalise them first); a text of fewer than two characters is similar to
 * nothing.
 */
export function similarTexts(
  newTexts: readonly GroupedText[],
  earlier: readonly GroupedText[],
  threshold: number,
): number[][] {
  if (!(threshold > 0 && threshold <= 1))
    throw new RangeError(`The similarity threshold must be above 0 and at most 1: ${threshold}`);
  if (newTexts.length === 0 || earlier.length === 0) return newTexts.map(() => []);
  const ranked = rankTexts([...earlier, ...newTexts]);
  return similarSets(
    ranked,
    newTexts.map((_, n) => earlier.length + n),
    earlier.map((_, e) => e),
    threshold,
  );
}
