import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { textSimilarity } from './item-text.ts';
import { findRecycledItems, RECYCLED_METHOD } from './recycled.ts';

const item2006 = (id: string, text: string, completed = false) => ({
  id,
  planId: 'cse-2006',
  text,
  completed,
});
const item2008 = (id: string, text: string) => ({ id, planId: 'cse-2008', text });

const drivers = 'Ensure all taxi drivers receive child sexual exploitation awareness training by March 2007';
const referrals = 'Audit every CSE referral received by the police and children’s social care by June 2007';
const budget = 'Publish the council budget for public consultation before the February 2009 Cabinet';

describe('the recycled-plan check', () => {
  it('flags an item that is an earlier uncompleted one with the dates changed, as the same text', () => {
    const flags = findRecycledItems(
      [
        item2008(
          'n1',
          'Ensure all taxi drivers receive child sexual exploitation awareness training by March 2009',
        ),
      ],
      [item2006('e1', drivers)],
    );
    assert.deepEqual(flags, [
      { itemId: 'n1', earlierId: 'e1', earlierPlanId: 'cse-2006', similarity: 1, method: RECYCLED_METHOD },
    ]);
    assert.equal(RECYCLED_METHOD, 'sorensen-dice-bigrams/v1');
  });

  it('flags a reworded near-copy, with how similar it is', () => {
    const reworded =
      'Make sure every taxi driver receives child sexual exploitation awareness training by June 2009';
    const [flag] = findRecycledItems([item2008('n1', reworded)], [item2006('e1', drivers)]);
    assert.equal(flag?.earlierId, 'e1');
    assert.equal(flag?.similarity, textSimilarity(reworded, drivers));
    assert.ok((flag?.similarity ?? 0) >= 0.8 && (flag?.similarity ?? 1) < 1);
  });

  it('does not flag unrelated text', () => {
    assert.deepEqual(
      findRecycledItems([item2008('n1', budget)], [item2006('e1', drivers), item2006('e2', referrals)]),
      [],
    );
  });

  it('does not flag an item whose earlier version was completed', () => {
    assert.deepEqual(findRecycledItems([item2008('n1', drivers)], [item2006('e1', drivers, true)]), []);
  });

  it('judges by the most similar earlier item: none when that was completed, even if a lesser one was not', () => {
    const nearly = drivers.replace('all taxi drivers', 'every taxi driver');
    const done = { id: 'done', planId: 'cse-2004', text: drivers, completed: true };
    assert.deepEqual(findRecycledItems([item2008('n1', drivers)], [item2006('e1', nearly), done]), []);
    const [flag] = findRecycledItems(
      [item2008('n1', drivers)],
      [item2006('e1', nearly), { ...done, completed: false }],
    );
    assert.deepEqual([flag?.earlierId, flag?.earlierPlanId, flag?.similarity], ['done', 'cse-2004', 1]);
  });

  it('names the first in the list of earlier items when two are equally similar', () => {
    const twice = [
      item2006('first', drivers),
      { id: 'second', planId: 'cse-2004', text: drivers, completed: false },
    ];
    assert.equal(findRecycledItems([item2008('n1', drivers)], twice)[0]?.earlierId, 'first');
    assert.equal(findRecycledItems([item2008('n1', drivers)], [...twice].reverse())[0]?.earlierId, 'second');
  });

  it('ignores earlier items of the new item’s own plan', () => {
    const own = { id: 'own', planId: 'cse-2008', text: drivers, completed: false };
    assert.deepEqual(findRecycledItems([item2008('n1', drivers)], [own]), []);
  });

  it('gives its flags in the order of the new items, whatever the order of the earlier ones', () => {
    const earlier = [item2006('e1', drivers), item2006('e2', referrals), item2006('e3', budget)];
    const newItems = [
      item2008('n1', referrals.replace('2007', '2009')),
      item2008('n2', 'Appoint a new Director of Children’s Services'),
      item2008('n3', budget),
      item2008('n4', drivers),
    ];
    const ids = (list: typeof earlier) =>
      findRecycledItems(newItems, list).map((f) => `${f.itemId}:${f.earlierId}`);
    assert.deepEqual(ids(earlier), ['n1:e2', 'n3:e3', 'n4:e1']);
    assert.deepEqual(ids([...earlier].reverse()), ['n1:e2', 'n3:e3', 'n4:e1']);
  });

  it('flags less similar items when given a lower threshold, and refuses a threshold out of range', () => {
    const loose = 'Ensure taxi drivers are trained in safeguarding by March 2009';
    assert.deepEqual(findRecycledItems([item2008('n1', loose)], [item2006('e1', drivers)]), []);
    const similarity = textSimilarity(loose, drivers);
    const flags = findRecycledItems([item2008('n1', loose)], [item2006('e1', drivers)], {
      threshold: similarity,
    });
    assert.deepEqual(
      flags.map((f) => f.similarity),
      [similarity],
    );
    assert.throws(() => findRecycledItems([], [], { threshold: 0 }), RangeError);
    assert.throws(() => findRecycledItems([], [], { threshold: 1.5 }), RangeError);
  });

  it('never flags an item with no words left once dates are taken out', () => {
    assert.deepEqual(findRecycledItems([item2008('n1', 'March 2009')], [item2006('e1', 'March 2007')]), []);
  });
});
