import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addMonths, daysBetween, isCalendarDate, monthsBetween, monthYear, shortMonth } from './calendar.ts';

describe('whether a value is a calendar date', () => {
  it('accepts a real date written YYYY-MM-DD, including 29 February of a leap year', () => {
    assert.equal(isCalendarDate('2015-10-31'), true);
    assert.equal(isCalendarDate('2016-02-29'), true);
  });

  it('refuses a day that does not exist and a date written another way', () => {
    assert.equal(isCalendarDate('2015-02-29'), false);
    assert.equal(isCalendarDate('2015-04-31'), false);
    assert.equal(isCalendarDate('2015-13-01'), false);
    assert.equal(isCalendarDate('2015-2-3'), false);
    assert.equal(isCalendarDate('31 October 2015'), false);
    assert.equal(isCalendarDate(''), false);
  });
});

describe('days between two dates', () => {
  it('counts calendar days, across a leap February and the change to summer time', () => {
    assert.equal(daysBetween('2015-10-01', '2015-10-31'), 30);
    assert.equal(daysBetween('2016-02-28', '2016-03-01'), 2);
    assert.equal(daysBetween('2016-03-26', '2016-03-28'), 2);
    assert.equal(daysBetween('2015-01-01', '2016-01-01'), 365);
  });

  it('is negative when the second date is earlier, and zero on the same day', () => {
    assert.equal(daysBetween('2015-10-31', '2015-10-01'), -30);
    assert.equal(daysBetween('2015-10-31', '2015-10-31'), 0);
  });

  it('refuses a value that is not written YYYY-MM-DD', () => {
    assert.throws(() => daysBetween('1 March 2016', '2016-03-01'), /YYYY-MM-DD: 1 March 2016/);
    assert.throws(() => daysBetween('2016-03-01', '2016-3-1'), RangeError);
  });
});

describe('whole months', () => {
  it('are added across the end of a year', () => {
    assert.equal(addMonths('2015-10-01', 3), '2016-01-01');
    assert.equal(addMonths('2015-04-01', 12), '2016-04-01');
    assert.equal(addMonths('2016-01-15', -2), '2015-11-15');
  });

  it('keep a date in the month it lands in when that month is shorter', () => {
    assert.equal(addMonths('2015-01-31', 1), '2015-02-28');
    assert.equal(addMonths('2016-01-31', 1), '2016-02-29');
    assert.equal(addMonths('2015-08-31', 1), '2015-09-30');
  });

  it('are counted between two dates by month alone', () => {
    assert.equal(monthsBetween('2015-04-30', '2015-07-01'), 3);
    assert.equal(monthsBetween('2015-10-01', '2016-01-31'), 3);
    assert.equal(monthsBetween('2016-01-01', '2015-10-01'), -3);
  });
});

describe('months written for people', () => {
  it('name the month with its year, or its short name', () => {
    assert.equal(monthYear('2015-10-31'), 'October 2015');
    assert.equal(monthYear('2016-01-01'), 'January 2016');
    assert.equal(shortMonth('2015-09-01'), 'Sep');
    assert.equal(shortMonth('2015-07-20'), 'Jul');
  });
});
