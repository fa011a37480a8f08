import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BundleError, jsonPath } from './problems.ts';

describe('bundle problems', () => {
  it('write a path of keys and indexes as a JSON path', () => {
    assert.equal(jsonPath([]), '$');
    assert.equal(jsonPath(['people', 3, 'fromDate']), '$.people[3].fromDate');
    assert.equal(jsonPath([0, 1]), '$[0][1]');
  });

  it('are listed one a line in the error message, with their count', () => {
    const one = new BundleError([{ path: '$.format', message: 'is wrong' }]);
    assert.equal(one.message, 'The bundle was not imported: 1 problem found.\n  $.format: is wrong');
    const two = new BundleError([
      { path: '$.a', message: 'x' },
      { path: '$.b', message: 'y' },
    ]);
    assert.match(
      two.message,
      /^The bundle was not imported: 2 problems found\.\n {2}\$\.a: x\n {2}\$\.b: y$/,
    );
  });
});
