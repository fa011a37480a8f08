import { diceCoefficient } from 'dice-coefficient';
import { bigram } from 'n-gram';

/*
 * How the text of two plan items is compared for the recycled-plan check. The
 * inspection found a 2008 action plan "almost identical to the 2006 plan with
 * the dates changed", so dates are taken out before comparing: "by March 2007"
 * and "by March 2009" read the same. What is left is compared by the
 * Sørensen–Dice coefficient over character bigrams, which scores a reworded
 * near-copy (a word changed, a phrase added) a little below 1 and unrelated
 * text far below, where string equality would see only "different".
 */

/** Month names and their usual short forms, as whole words. "May" and "March" go even as verbs: both texts lose them alike. */
const MONTH =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/gu;
/** Ordinal days ("31st"), which would otherwise leave their "st" behind when the digits go. */
const ORDINAL = /\b\d+(?:st|nd|rd|th)\b/gu;
/** Anything that is not a letter: digits (years, days, numbers, "2006/07"), punctuation and spaces. */
const NOT_LETTERS = /[^\p{L}]+/gu;

/**
 * An item's text as compared: lower case, with month names, ordinal days and
 * every number taken out, and punctuation and runs of spaces made single
 * spaces. `normaliseItemText('Audit all CSE cases by 31st March 2007.')` is
 * `'audit all cse cases by'`.
 */
export function normaliseItemText(text: string): string {
  return text.toLowerCase().replace(ORDINAL, ' ').replace(MONTH, ' ').replace(NOT_LETTERS, ' ').trim();
}

/** The character bigrams of a normalised text, in order, repeats kept (n-gram's `bigram`). */
export function itemBigrams(normalised: string): string[] {
  return bigram(normalised);
}

/**
 * How similar two items' texts are, from 0 (nothing in common) to 1 (the same
 * once dates are taken out): the Sørensen–Dice coefficient of their bigrams.
 * A text with fewer than two letters left has no bigrams and is similar to
 * nothing (0).
 */
export function textSimilarity(a: string, b: string): number {
  return bigramSimilarity(itemBigrams(normaliseItemText(a)), itemBigrams(normaliseItemText(b)));
}

/** The Sørensen–Dice coefficient of two bigram lists (by the dice-coefficient library); 0 when either is empty. */
export function bigramSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  // The library copies the lists it is given (it lower-cases each bigram) and changes neither.
  return diceCoefficient(a as string[], b as string[]);
}
