import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addDays,
  dayBefore,
  dayNumber,
  longDate,
  nextDay,
  nextQuarter,
  quarterOf,
  remembered,
} from './dates.ts';

describe('date arithmetic on calendar dates', () => {
  it('adds days across the end of a month, a leap February and a year', () => {
    assert.equal(addDays('2016-02-28', 1), '2016-02-29');
    assert.equal(addDays('2015-02-28', 1), '2015-03-01');
    assert.equal(addDays('2015-12-31', 1), '2016-01-01');
    assert.equal(addDays('2015-01-01', 365), '2016-01-01');
  });

  it('subtracts days when the count is negative', () => {
    assert.equal(addDays('2016-03-01', -1), '2016-02-29');
    assert.equal(addDays('2016-01-01', -1), '2015-12-31');
  });

  it('is not moved by the change to British Summer Time', () => {
    assert.equal(nextDay('2016-03-27'), '2016-03-28');
    assert.equal(dayBefore('2016-10-31'), '2016-10-30');
  });

  it('refuses a value that is not a date written YYYY-MM-DD', () => {
    assert.throws(() => addDays('1 March 2016', 1), /YYYY-MM-DD: 1 March 2016/);
    assert.throws(() => longDate('2016-3-1'), RangeError);
  });
});

describe('day numbers', () => {
  it('sort as the dates they stand for', () => {
    assert.equal(dayNumber('2016-02-01'), 20160201);
    assert.ok(dayNumber('2015-12-31') < dayNumber('2016-01-01'));
  });
});

describe('dates written for people', () => {
  it('are written as GOV.UK writes them, without a leading zero', () => {
    assert.equal(longDate('2015-02-26'), '26 February 2015');
    assert.equal(longDate('2016-01-01'), '1 January 2016');
    assert.equal(longDate('2018-12-09'), '9 December 2018');
  });
});

describe('calendar quarters', () => {
  it('put each month in its quarter', () => {
    assert.equal(quarterOf('2016-01-01'), '2016 Q1');
    assert.equal(quarterOf('2016-03-31'), '2016 Q1');
    assert.equal(quarterOf('2016-04-01'), '2016 Q2');
    assert.equal(quarterOf('2016-09-30'), '2016 Q3');
    assert.equal(quarterOf('2016-12-31'), '2016 Q4');
  });

  it('follow one another into the next year', () => {
    assert.equal(nextQuarter('2016 Q1'), '2016 Q2');
    assert.equal(nextQuarter('2015 Q4'), '2016 Q1');
  });

  it('refuse a quarter not written like 2016 Q1', () => {
    assert.throws(() => nextQuarter('Q1 2016'), /2016 Q1: Q1 2016/);
  });
});

describe('date steps with their answers kept', () => {
  it('give the same answer asked again, and for each step its own', () => {
    let worked = 0;
    const weekLater = remembered((date, weeks) => {
      worked += 1;
      return addDays(date, 7 * weeks);
    });
    assert.equal(weekLater('2015-11-27', 1), '2015-12-04');
    assert.equal(weekLater('2015-11-27', 1), '2015-12-04');
    assert.equal(worked, 1, 'the second answer was the one kept');
    assert.equal(weekLater('2015-11-27', 2), '2015-12-11');
    assert.equal(worked, 2);
  });

  it('keep nothing for a value that is not a date, and refuse it every time', () => {
    assert.throws(() => addDays('2015-13', 1), /YYYY-MM-DD: 2015-13/);
    assert.throws(() => addDays('2015-13', 1), /YYYY-MM-DD: 2015-13/);
    assert.throws(() => longDate('27 November 2015'), /YYYY-MM-DD/);
  });

  it('forget what they kept beyond the bound, and still answer rightly', () => {
    const start = '2000-01-01';
    for (let k = 0; k < 25_000; k++) addDays(start, k);
    assert.equal(addDays(start, 24_999), '2068-06-11');
    assert.equal(addDays(start, 0), '2000-01-01');
    assert.equal(addDays('2016-02-28', 1), '2016-02-29');
  });
});
