import { type RankedTexts, rankTexts, similarSets } from './bigram-join.ts';
import { bigramSimilarity, itemBigrams, normaliseItemText } from './item-text.ts';
import type { PlanItemText } from './types.ts';

/*
 * The recycled-plan check: when a plan is added, each of its items is compared
 * with every item of the council's earlier plans, and flagged when it is the
 * same or nearly the same text (item-text.ts says how texts are compared) as
 * an earlier item that was never completed. Repeating an item that was done is
 * no sign of a recycled plan; repeating one that was not is.
 *
 * For each new item the best match is the earlier item of another plan with
 * the highest similarity at or above the threshold (of equals, the first in the
 * list of earlier items). When that best match was completed, nothing is
 * flagged, even if a lesser match was not.
 *
 * Earlier items are found through an index of their bigrams
 * (bigram-join.ts) that never misses one scoring at or above the threshold;
 * each found is scored by the dice-coefficient library.
 */

/** The measure stored with each flag, so that a flag can be read against the method that raised it. */
export const RECYCLED_METHOD = 'sorensen-dice-bigrams/v1';

/** An item of a new plan that repeats an uncompleted item of an earlier plan. */
export interface RecycledMatch {
  itemId: string;
  earlierId: string;
  earlierPlanId: string;
  /** 0–1, by RECYCLED_METHOD. */
  similarity: number;
  method: string;
}

/** Plan items read once for recycled-plan checks: their texts normalised, and as ranked sets of bigrams. */
export interface PreparedItems {
  items: readonly PlanItemText[];
  /** Each item's text as compared (normaliseItemText). */
  texts: readonly string[];
  ranked: RankedTexts;
}

/**
 * Items read once, to be checked in any pairing of them (`bestEarlierMatches`):
 * a council's items are prepared once however many of its plans are checked.
 */
export function prepareItems(items: readonly PlanItemText[]): PreparedItems {
  const texts = items.map((item) => normaliseItemText(item.text));
  return {
    items,
    texts,
    ranked: rankTexts(texts.map((text, k) => ({ text, group: (items[k] as PlanItemText).planId }))),
  };
}

/** A new item's best match among the earlier ones: places in the prepared items, and how similar they are. */
export interface BestMatch {
  item: number;
  earlier: number;
  similarity: number;
}

/**
 * For each of the items `newAt` (places in `prepared`, in order), its best
 * match among the items `earlierAt` (in order of preference): the earlier item
 * of another plan with the highest similarity at or above `threshold`, of
 * equals the first in `earlierAt`. Items with no match are left out.
 */
export function bestEarlierMatches(
  prepared: PreparedItems,
  newAt: readonly number[],
  earlierAt: readonly number[],
  threshold = 0.8,
): BestMatch[] {
  const similar = similarSets(prepared.ranked, newAt, earlierAt, threshold);
  const bigramsOf = new Map<number, string[]>();
  const bigrams = (at: number) => {
    let grams = bigramsOf.get(at);
    if (!grams) {
      grams = itemBigrams(prepared.texts[at] as string);
      bigramsOf.set(at, grams);
    }
    return grams;
  };
  const matches: BestMatch[] = [];
  newAt.forEach((item, n) => {
    const found = similar[n] as number[];
    if (found.length === 0) return;
    const grams = bigrams(item);
    let best = -1;
    let bestSimilarity = 0;
    // In the order of `earlierAt`, so that of equals the first stays best.
    for (const place of found) {
      const similarity = bigramSimilarity(grams, bigrams(earlierAt[place] as number));
      if (similarity >= threshold && similarity > bestSimilarity) {
        best = place;
        bestSimilarity = similarity;
      }
    }
    if (best >= 0) matches.push({ item, earlier: earlierAt[best] as number, similarity: bestSimilarity });
  });
  return matches;
}

/**
 * The items of a new plan that repeat an uncompleted item of an earlier plan,
 * in the order of `newItems`, each with the earlier item and how similar they
 * are. Earlier items of the new item's own plan are ignored, as are texts with
 * fewer than two letters once dates are taken out. `threshold` (default 0.8)
 * is the least similarity flagged, above 0 and at most 1.
 */
export function findRecycledItems(
  newItems: readonly PlanItemText[],
  earlier: readonly (PlanItemText & { completed: boolean })[],
  options: { threshold?: number } = {},
): RecycledMatch[] {
  const prepared = prepareItems([...earlier, ...newItems]);
  const matches = bestEarlierMatches(
    prepared,
    newItems.map((_, n) => earlier.length + n),
    earlier.map((_, e) => e),
    options.threshold ?? 0.8,
  );
  return matches.flatMap((m) => {
    const match = earlier[m.earlier] as PlanItemText & { completed: boolean };
    if (match.completed) return [];
    return [
      {
        itemId: (prepared.items[m.item] as PlanItemText).id,
        earlierId: match.id,
        earlierPlanId: match.planId,
        similarity: m.similarity,
        method: RECYCLED_METHOD,
      },
    ];
  });
}
