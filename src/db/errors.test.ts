import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isUniqueViolation } from './errors.ts';

describe('unique violations', () => {
  it('are recognised by their SQLSTATE, however deep Drizzle wrapped them', () => {
    assert.ok(isUniqueViolation({ code: '23505' }));
    assert.ok(
      isUniqueViolation(new Error('Failed query', { cause: new Error('x', { cause: { code: '23505' } }) })),
    );
  });

  it('are not confused with other errors', () => {
    assert.ok(!isUniqueViolation({ code: '23503' }));
    assert.ok(!isUniqueViolation(new Error('boom')));
    assert.ok(!isUniqueViolation(undefined));
  });
});
