import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { govukDate, govukDateTime } from './dates.ts';

describe('the govukDate filter', () => {
  it('writes a calendar date as GOV.UK does', () => {
    assert.equal(govukDate('2015-11-27'), '27 November 2015');
    assert.equal(govukDate('2016-02-29'), '29 February 2016');
  });

  it('writes an instant as its date in London, not in UTC', () => {
    assert.equal(govukDate('2015-06-30T23:30:00Z'), '1 July 2015', 'British Summer Time is an hour ahead');
    assert.equal(govukDate(new Date('2015-12-31T23:30:00Z')), '31 December 2015');
  });

  it('writes nothing for no date, and a value it cannot read as it is', () => {
    assert.equal(govukDate(null), '');
    assert.equal(govukDate(undefined), '');
    assert.equal(govukDate(''), '');
    assert.equal(govukDate('not a date'), 'not a date');
  });
});

describe('the govukDateTime filter', () => {
  it('writes an instant with its London time on the 12-hour clock', () => {
    assert.equal(govukDateTime('2015-11-27T14:05:00Z'), '27 November 2015 at 2:05pm');
    assert.equal(govukDateTime(new Date('2015-07-01T08:00:00Z')), '1 July 2015 at 9:00am');
  });

  it('writes noon as 12pm and the first hour after midnight as 12am', () => {
    assert.equal(govukDateTime('2015-11-27T12:00:00Z'), '27 November 2015 at 12:00pm');
    assert.equal(govukDateTime('2015-11-27T00:10:00Z'), '27 November 2015 at 12:10am');
  });

  it('writes nothing for no instant, and a value it cannot read as it is', () => {
    assert.equal(govukDateTime(null), '');
    assert.equal(govukDateTime(''), '');
    assert.equal(govukDateTime('soon'), 'soon');
  });
});
