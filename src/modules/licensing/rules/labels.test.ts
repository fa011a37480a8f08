import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CHECK_NAMES, LICENCE_KIND_NAMES, OUTCOME_NAMES, sentenceCase } from './labels.ts';
import { CHECK_KINDS, LICENCE_KINDS, REVIEW_OUTCOMES } from './types.ts';

describe('the names of the Licensing module’s things', () => {
  it('names every check, each differently, to read mid-sentence', () => {
    assert.deepEqual(Object.keys(CHECK_NAMES).sort(), [...CHECK_KINDS].sort());
    assert.equal(new Set(Object.values(CHECK_NAMES)).size, CHECK_KINDS.length);
    assert.equal(CHECK_NAMES.dbs_enhanced, 'enhanced DBS certificate');
    assert.equal(CHECK_NAMES.dbs_status_check, 'DBS update service status check');
    assert.equal(CHECK_NAMES.medical, 'medical (Group 2 standard)');
    for (const name of Object.values(CHECK_NAMES))
      assert.ok(/^([a-z]|DBS |DVLA )/.test(name), `“${name}” is lower case but for its acronym`);
  });

  it('names every kind of licence as a licence', () => {
    assert.deepEqual(Object.keys(LICENCE_KIND_NAMES).sort(), [...LICENCE_KINDS].sort());
    for (const name of Object.values(LICENCE_KIND_NAMES)) assert.match(name, /^[a-z][a-z ]+ licence$/);
    assert.equal(LICENCE_KIND_NAMES.dual_driver, 'dual hackney carriage and private hire driver licence');
  });

  it('names every outcome of a review', () => {
    assert.deepEqual(Object.keys(OUTCOME_NAMES).sort(), [...REVIEW_OUTCOMES].sort());
    assert.deepEqual(OUTCOME_NAMES, {
      revoke: 'licence revoked',
      suspend: 'licence suspended',
      formal_warning: 'formal warning',
      no_further_action: 'no further action',
    });
  });
});

describe('a name to start a sentence', () => {
  it('capitalises the first letter only', () => {
    assert.equal(sentenceCase('enhanced DBS certificate'), 'Enhanced DBS certificate');
    assert.equal(sentenceCase('medical (Group 2 standard)'), 'Medical (Group 2 standard)');
    assert.equal(sentenceCase('a'), 'A');
  });

  it('leaves a name that starts with a capital, and an empty one, as they are', () => {
    assert.equal(sentenceCase('DVLA driving licence check'), 'DVLA driving licence check');
    assert.equal(sentenceCase(''), '');
  });
});
