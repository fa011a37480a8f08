import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { indicatorPeriods, nthPeriod, periodLabel, periodStartingOn } from './periods.ts';

describe('the periods of an indicator', () => {
  it('are calendar months for a monthly indicator, each ended by the day asked about', () => {
    assert.deepEqual(indicatorPeriods('monthly', '2015-09-01', null, '2015-11-29'), [
      { start: '2015-09-01', end: '2015-09-30', label: 'September 2015' },
      { start: '2015-10-01', end: '2015-10-31', label: 'October 2015' },
    ]);
    assert.equal(indicatorPeriods('monthly', '2015-09-01', null, '2015-11-30').length, 3);
  });

  it('are three months at a time from the first for a quarterly indicator', () => {
    assert.deepEqual(indicatorPeriods('quarterly', '2015-04-01', null, '2015-12-31'), [
      { start: '2015-04-01', end: '2015-06-30', label: 'Apr–Jun 2015' },
      { start: '2015-07-01', end: '2015-09-30', label: 'Jul–Sep 2015' },
      { start: '2015-10-01', end: '2015-12-31', label: 'Oct–Dec 2015' },
    ]);
  });

  it('name a quarter across a new year with both years', () => {
    assert.deepEqual(indicatorPeriods('quarterly', '2015-11-01', null, '2016-01-31'), [
      { start: '2015-11-01', end: '2016-01-31', label: 'Nov 2015–Jan 2016' },
    ]);
  });

  it('are twelve months for an annual indicator, a financial year written 2015/16', () => {
    assert.deepEqual(indicatorPeriods('annual', '2015-04-01', null, '2017-03-31'), [
      { start: '2015-04-01', end: '2016-03-31', label: '2015/16' },
      { start: '2016-04-01', end: '2017-03-31', label: '2016/17' },
    ]);
  });

  it('write a calendar year as the year alone, and a school year as 2015/16', () => {
    assert.deepEqual(indicatorPeriods('annual', '2015-01-01', null, '2015-12-31'), [
      { start: '2015-01-01', end: '2015-12-31', label: '2015' },
    ]);
    assert.equal(indicatorPeriods('annual', '2015-09-01', null, '2016-08-31')[0]?.label, '2015/16');
    assert.equal(indicatorPeriods('annual', '1999-09-01', null, '2000-08-31')[0]?.label, '1999/00');
  });

  it('are none before the first period has ended', () => {
    assert.deepEqual(indicatorPeriods('quarterly', '2015-04-01', null, '2015-06-29'), []);
    assert.deepEqual(indicatorPeriods('monthly', '2015-04-01', null, '2015-01-01'), []);
  });

  it('stop at the last period reported, a period cut short by it included only if it ended', () => {
    const periods = indicatorPeriods('quarterly', '2015-04-01', '2015-12-31', '2016-12-31');
    assert.deepEqual(
      periods.map((p) => p.start),
      ['2015-04-01', '2015-07-01', '2015-10-01'],
    );
    assert.equal(indicatorPeriods('quarterly', '2015-04-01', '2015-11-15', '2016-12-31').length, 2);
    assert.equal(indicatorPeriods('quarterly', '2015-04-01', '2016-12-31', '2015-10-31').length, 2);
  });

  it('run from a day other than the first by whole months, labelled by their dates', () => {
    assert.deepEqual(indicatorPeriods('quarterly', '2015-04-15', null, '2015-10-14'), [
      { start: '2015-04-15', end: '2015-07-14', label: '15 April 2015 to 14 July 2015' },
      { start: '2015-07-15', end: '2015-10-14', label: '15 July 2015 to 14 October 2015' },
    ]);
    assert.deepEqual(nthPeriod('monthly', '2015-01-31', 1), {
      start: '2015-02-28',
      end: '2015-03-30',
      label: '28 February 2015 to 30 March 2015',
    });
  });

  it('label a period as its frequency says', () => {
    assert.equal(periodLabel('monthly', '2016-02-01', '2016-02-29'), 'February 2016');
    assert.equal(periodLabel('quarterly', '2016-01-01', '2016-03-31'), 'Jan–Mar 2016');
  });
});

describe('where a date stands against the periods', () => {
  const quarterly = { frequency: 'quarterly' as const, firstPeriodStart: '2015-04-01', lastPeriodEnd: null };

  it('is the start of a period on a period’s first day', () => {
    assert.deepEqual(periodStartingOn(quarterly, '2015-10-01'), {
      fit: 'start',
      period: { start: '2015-10-01', end: '2015-12-31', label: 'Oct–Dec 2015' },
    });
    assert.equal(periodStartingOn(quarterly, '2015-04-01').fit, 'start');
  });

  it('is between starts on another day, naming the period that holds it', () => {
    const found = periodStartingOn(quarterly, '2015-08-15');
    assert.equal(found.fit, 'between');
    assert.equal(found.period.start, '2015-07-01');
    assert.equal(
      periodStartingOn({ ...quarterly, frequency: 'monthly' }, '2015-08-15').period.start,
      '2015-08-01',
    );
  });

  it('finds the period holding an early day of a month, for periods starting mid-month', () => {
    const found = periodStartingOn({ ...quarterly, firstPeriodStart: '2015-04-15' }, '2015-07-03');
    assert.deepEqual([found.fit, found.period.start], ['between', '2015-04-15']);
  });

  it('is before the first period, or after the last one reported', () => {
    assert.equal(periodStartingOn(quarterly, '2015-01-01').fit, 'before');
    const stopped = { ...quarterly, lastPeriodEnd: '2015-12-31' };
    assert.equal(periodStartingOn(stopped, '2015-10-01').fit, 'start');
    assert.equal(periodStartingOn(stopped, '2016-01-01').fit, 'after');
    assert.equal(periodStartingOn({ ...quarterly, lastPeriodEnd: '2015-11-30' }, '2015-10-01').fit, 'after');
  });
});
