import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bigramSimilarity, itemBigrams, normaliseItemText, textSimilarity } from './item-text.ts';

describe('an item’s text as compared', () => {
  it('is lower case, without dates, numbers or punctuation, and with single spaces', () => {
    assert.equal(normaliseItemText('Audit all CSE cases by 31st March 2007.'), 'audit all cse cases by');
    assert.equal(
      normaliseItemText('Review the  Safeguarding\tBoard’s (LSCB) plan, 2006/07 – Q3'),
      'review the safeguarding board s lscb plan q',
    );
  });

  it('drops dates however written, and month names long or short', () => {
    for (const text of [
      'Train all drivers by March 2007',
      'Train all drivers by Mar 2009',
      'Train all drivers by 31/03/2007',
      'Train all drivers by 2007-03-31',
      'Train all drivers by the 1st of Sept 2010',
    ]) {
      assert.match(normaliseItemText(text), /^train all drivers by( the of)?$/, text);
    }
  });

  it('keeps words that merely begin like a month', () => {
    assert.equal(
      normaliseItemText('Marching orders for the Decent Homes audit'),
      'marching orders for the decent homes audit',
    );
  });

  it('keeps letters beyond English', () => {
    assert.equal(normaliseItemText('Gwasanaethau Cymraeg: ŵyr ôl'), 'gwasanaethau cymraeg ŵyr ôl');
  });
});

describe('the similarity of two items’ texts', () => {
  const plan2006 =
    'Ensure all taxi drivers receive child sexual exploitation awareness training by March 2007';

  it('is 1 for the same text with the dates changed', () => {
    assert.equal(textSimilarity(plan2006, plan2006.replace('March 2007', 'June 2009')), 1);
  });

  it('is high but below 1 for a reworded near-copy', () => {
    const reworded =
      'Make sure every taxi driver receives child sexual exploitation awareness training by June 2009';
    const similarity = textSimilarity(plan2006, reworded);
    assert.ok(similarity > 0.8 && similarity < 1, `${similarity}`);
  });

  it('is low for unrelated text', () => {
    assert.ok(textSimilarity(plan2006, 'Publish the council budget for public consultation') < 0.4);
  });

  it('is the Sørensen–Dice coefficient of the bigrams: twice those shared over all of both', () => {
    // "night" and "nacht" share only "ht" of their four bigrams each: 2 × 1 / 8.
    assert.equal(textSimilarity('night', 'nacht'), 0.25);
    assert.deepEqual(itemBigrams('abab'), ['ab', 'ba', 'ab']);
    // A repeat counts once for each time it is in both: "ab" twice in one, once in the other.
    assert.equal(bigramSimilarity(itemBigrams('abab'), itemBigrams('ab')), (2 * 1) / 4);
  });

  it('is 0 for a text with no bigrams left once dates are taken out', () => {
    assert.equal(textSimilarity('March 2007', 'March 2007'), 0);
    assert.equal(textSimilarity('a', 'a'), 0);
  });
});
