import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { indicator } from './fixtures.ts';
import {
  directionOfTravel,
  indicatorPeriods,
  indicatorSeries,
  indicatorValueProblems,
  valueStatus,
} from './indicators.ts';
import type { IndicatorFacts } from './types.ts';

describe('the status of a value', () => {
  it('is green at or better than the target, higher being better', () => {
    assert.equal(valueStatus(80, 80, 5, 'higher_is_better'), 'green');
    assert.equal(valueStatus(90, 80, 5, 'higher_is_better'), 'green');
  });

  it('is amber when worse by no more than the tolerance, and red beyond it', () => {
    assert.equal(valueStatus(75, 80, 5, 'higher_is_better'), 'amber');
    assert.equal(valueStatus(74.9, 80, 5, 'higher_is_better'), 'red');
    assert.equal(valueStatus(79.9, 80, 0, 'higher_is_better'), 'red');
  });

  it('reads better as lower when lower is better', () => {
    assert.equal(valueStatus(5.2, 10, 2, 'lower_is_better'), 'green');
    assert.equal(valueStatus(10, 10, 2, 'lower_is_better'), 'green');
    assert.equal(valueStatus(12, 10, 2, 'lower_is_better'), 'amber');
    assert.equal(valueStatus(12.1, 10, 2, 'lower_is_better'), 'red');
    assert.equal(valueStatus(26.5, 10, 2, 'lower_is_better'), 'red');
  });

  it('keeps a shortfall of exactly the tolerance amber despite binary fractions', () => {
    assert.ok(1.1 - 1 > 0.1, 'the arithmetic this guards against');
    assert.equal(valueStatus(1, 1.1, 0.1, 'higher_is_better'), 'amber');
    assert.equal(valueStatus(1.1, 1, 0.1, 'lower_is_better'), 'amber');
    assert.equal(valueStatus(0.99, 1.1, 0.1, 'higher_is_better'), 'red');
  });
});

describe('an indicator’s series', () => {
  const neet = indicator({
    values: [
      { id: 'v1', periodStart: '2015-04-01', value: 26.5 },
      { id: 'v3', periodStart: '2015-10-01', value: 11.5 },
      { id: 'v4', periodStart: '2016-01-01', value: 5.2 },
    ],
  });

  it('gives every ended period its value and status, and no data where nothing was measured', () => {
    assert.deepEqual(
      indicatorSeries(neet, '2015-12-31').map((p) => [p.period.label, p.value, p.valueId, p.status]),
      [
        ['Apr–Jun 2015', 26.5, 'v1', 'red'],
        ['Jul–Sep 2015', null, null, 'no_data'],
        ['Oct–Dec 2015', 11.5, 'v3', 'amber'],
      ],
    );
  });

  it('leaves out a value for a period not yet ended', () => {
    assert.equal(indicatorSeries(neet, '2016-03-30').length, 3);
    assert.equal(indicatorSeries(neet, '2016-03-31').at(-1)?.status, 'green');
  });

  it('takes the later of two values given for one period', () => {
    const twice = indicator({
      values: [
        { id: 'old', periodStart: '2015-04-01', value: 30 },
        { id: 'new', periodStart: '2015-04-01', value: 9 },
      ],
    });
    assert.deepEqual(
      indicatorSeries(twice, '2015-06-30').map((p) => [p.valueId, p.status]),
      [['new', 'green']],
    );
  });

  it('is none before its first period ends, and its periods are those indicatorPeriods gives', () => {
    assert.deepEqual(indicatorSeries(neet, '2015-06-29'), []);
    assert.deepEqual(
      indicatorPeriods('monthly', '2015-10-01', null, '2015-10-31').map((p) => p.label),
      ['October 2015'],
    );
  });
});

describe('the direction of travel', () => {
  const series = (...values: (number | null)[]) => values.map((value) => ({ value }));

  it('compares the latest value with the earliest of the last three that have values', () => {
    assert.equal(directionOfTravel(series(26.5, 18, 11.5, 5.2), 'lower_is_better'), 'improving');
    assert.equal(directionOfTravel(series(1, 18, 11.5, 5.2), 'lower_is_better'), 'improving');
    assert.equal(directionOfTravel(series(5.2, 11.5, 26.5), 'lower_is_better'), 'worsening');
    assert.equal(directionOfTravel(series(60, 70, 80), 'higher_is_better'), 'improving');
    assert.equal(directionOfTravel(series(80, 70, 60), 'higher_is_better'), 'worsening');
  });

  it('is steady when the latest equals the earliest compared, whatever lies between', () => {
    assert.equal(directionOfTravel(series(12, 50, 12), 'lower_is_better'), 'steady');
  });

  it('skips periods with no data in choosing the periods compared', () => {
    assert.equal(directionOfTravel(series(30, 10, null, null, 20, 25), 'lower_is_better'), 'worsening');
    assert.equal(directionOfTravel(series(30, 10, null, 25), 'lower_is_better'), 'improving');
  });

  it('compares over as many periods as asked', () => {
    const values = series(5, 30, 20, 10);
    assert.equal(directionOfTravel(values, 'lower_is_better', 2), 'improving');
    assert.equal(directionOfTravel(values, 'lower_is_better', 4), 'worsening');
  });

  it('has not enough data with fewer than two values, or none for the latest period', () => {
    assert.equal(directionOfTravel(series(), 'lower_is_better'), 'not_enough_data');
    assert.equal(directionOfTravel(series(null, 12), 'lower_is_better'), 'not_enough_data');
    assert.equal(directionOfTravel(series(26.5, 11.5, null), 'lower_is_better'), 'not_enough_data');
  });

  it('refuses to compare over fewer than two periods', () => {
    assert.throws(() => directionOfTravel(series(1, 2), 'lower_is_better', 1), RangeError);
    assert.throws(() => directionOfTravel(series(1, 2), 'lower_is_better', 2.5), RangeError);
  });
});

describe('problems with an indicator value', () => {
  const good = {
    periodStart: '2015-10-01',
    value: 5.2,
    commentary: 'Tracking by the youth service brought the not known figure down',
    measure: 'NCCIS monthly extract, October 2015',
  };
  const problems = (input: Partial<typeof good>, ind = indicator()) =>
    indicatorValueProblems(ind, { ...good, ...input });

  it('are none for a value with its period, commentary and measure', () => {
    assert.deepEqual(problems({}), []);
  });

  it('refuse a value that is not a number', () => {
    const expected = [{ field: 'value', message: 'Enter the value as a number, like 26.5' }];
    assert.deepEqual(problems({ value: Number.NaN }), expected);
    assert.deepEqual(problems({ value: Number.POSITIVE_INFINITY }, indicator({ unit: 'gbp' })), expected);
  });

  it('refuse a value out of range for its unit, naming what is allowed', () => {
    const message = (value: number, unit: IndicatorFacts['unit']) =>
      problems({ value }, indicator({ unit }))[0]?.message;
    assert.equal(message(100.1, 'percent'), 'Enter a percentage from 0 to 100');
    assert.equal(message(-0.1, 'percent'), 'Enter a percentage from 0 to 100');
    assert.equal(message(2.5, 'count'), 'Enter a count as a whole number, 0 or more');
    assert.equal(message(-1, 'count'), 'Enter a count as a whole number, 0 or more');
    assert.equal(message(-1, 'days'), 'Enter a number of days, 0 or more');
    assert.equal(message(-0.5, 'rate_per_10000'), 'Enter a rate per 10,000, 0 or more');
  });

  it('accept the edges of each range, and pounds below zero', () => {
    for (const [value, unit] of [
      [0, 'percent'],
      [100, 'percent'],
      [0, 'count'],
      [132, 'count'],
      [0, 'days'],
      [0, 'rate_per_10000'],
      [-12_000_000, 'gbp'],
    ] as const) {
      assert.deepEqual(problems({ value }, indicator({ unit })), [], `${value} ${unit}`);
    }
  });

  it('refuse a period that is not one of the indicator’s, saying which are', () => {
    const stopped = indicator({ lastPeriodEnd: '2015-12-31' });
    assert.deepEqual(problems({ periodStart: '2015-01-01' }), [
      {
        field: 'periodStart',
        message: 'The indicator’s first period starts on 1 April 2015: enter that period or a later one',
      },
    ]);
    assert.deepEqual(problems({ periodStart: '2015-08-15' }), [
      {
        field: 'periodStart',
        message:
          'Enter the first day of one of the indicator’s quarterly periods: 15 August 2015 falls in Jul–Sep 2015, which starts on 1 July 2015',
      },
    ]);
    assert.deepEqual(problems({ periodStart: '2016-01-01' }, stopped), [
      {
        field: 'periodStart',
        message:
          'The indicator was last reported for the period ending 31 December 2015: enter that period or an earlier one',
      },
    ]);
    assert.deepEqual(problems({ periodStart: '2015-10-01' }, stopped), []);
    assert.deepEqual(problems({ periodStart: '2015-02-30' }), [
      { field: 'periodStart', message: 'Enter the first day of the period as a date, like 2015-10-01' },
    ]);
  });

  it('refuse a value without a commentary or the measure it came from', () => {
    assert.deepEqual(problems({ commentary: '  ', measure: '' }), [
      { field: 'commentary', message: 'Enter a commentary: say what the figure shows and why' },
      { field: 'measure', message: 'Enter the measure the value came from: the report, extract or record' },
    ]);
  });

  it('report every problem at once, in the order of the form', () => {
    assert.deepEqual(
      problems({ value: 101, periodStart: '2015-05-01', commentary: '', measure: '' }).map((p) => p.field),
      ['value', 'periodStart', 'commentary', 'measure'],
    );
  });
});
