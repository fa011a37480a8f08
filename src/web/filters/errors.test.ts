import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorSummaryItems, fieldError } from './errors.ts';

describe('the error filters', () => {
  it('list each field error in the summary, linked to its field', () => {
    assert.deepEqual(errorSummaryItems({ name: 'Enter a name', toDate: 'Too early' }), [
      { text: 'Enter a name', href: '#name' },
      { text: 'Too early', href: '#toDate' },
    ]);
    assert.deepEqual(errorSummaryItems(undefined), []);
  });

  it('give a field its error message, or false when it has none', () => {
    assert.deepEqual(fieldError({ name: 'Enter a name' }, 'name'), { text: 'Enter a name' });
    assert.equal(fieldError({ name: 'Enter a name' }, 'party'), false);
    assert.equal(fieldError(undefined, 'name'), false);
    assert.equal(fieldError({ name: '' }, 'name'), false);
  });
});
