import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { percent } from './percent.ts';

describe('percent', () => {
  it('writes a share as a whole percentage, rounding half up', () => {
    assert.equal(percent(0.665), '67%');
    assert.equal(percent(0.25), '25%');
    assert.equal(percent(1), '100%');
    assert.equal(percent(0), '0%');
  });
  it('says there is nothing to count instead of showing 0% for a share of no decisions', () => {
    assert.equal(percent(null), 'none to count');
    assert.equal(percent(undefined), 'none to count');
  });
});
