import { longDate } from '#src/modules/powers/rules/dates.ts';
import type { Problem } from '#src/modules/powers/rules/problem.ts';
import { isCalendarDate } from './calendar.ts';
import { type IndicatorPeriod, indicatorPeriods, periodStartingOn } from './periods.ts';
import type { DirectionOfTravel, IndicatorFacts, IndicatorStatus } from './types.ts';

export { type IndicatorPeriod, indicatorPeriods } from './periods.ts';

/*
 * An indicator's status in each period, computed from the value measured, the
 * target and the tolerance; never typed in. A period with no value shows no
 * data, never green: a figure nobody measured cannot be on target.
 */

type Polarity = IndicatorFacts['polarity'];

/** One period of an indicator with its value (if any) and the status computed from it. */
export interface IndicatorPoint {
  period: IndicatorPeriod;
  value: number | null;
  valueId: string | null;
  status: IndicatorStatus;
}

/*
 * Figures are entered as decimals but held as binary floating point, so a
 * shortfall exactly equal to the tolerance (1 against a target of 1.1 with a
 * tolerance of 0.1) can come out a hair over it. A margin far below any
 * figure's precision keeps such a value amber, as the person who set the
 * tolerance meant.
 */
const MARGIN = 1e-9;

/**
 * A value's status against its target: green when at or better than the
 * target, amber when worse by no more than the tolerance, red when worse by more.
 * Better means higher or lower, as the indicator's polarity says.
 */
export function valueStatus(
  value: number,
  target: number,
  tolerance: number,
  polarity: Polarity,
): 'green' | 'amber' | 'red' {
  const shortfall = polarity === 'higher_is_better' ? target - value : value - target;
  const margin = MARGIN * Math.max(1, Math.abs(target));
  if (shortfall <= margin) return 'green';
  return shortfall <= tolerance + margin ? 'amber' : 'red';
}

/**
 * Every period of an indicator that has ended by `upTo`, with the value
 * recorded for it and its status; a period with no value is `no_data`. Should
 * two values be given for one period, the later in the list counts.
 */
export function indicatorSeries(ind: IndicatorFacts, upTo: string): IndicatorPoint[] {
  const byStart = new Map<string, IndicatorFacts['values'][number]>();
  for (const v of ind.values) byStart.set(v.periodStart, v);
  return indicatorPeriods(ind.frequency, ind.firstPeriodStart, ind.lastPeriodEnd, upTo).map((period) => {
    const v = byStart.get(period.start);
    if (!v) return { period, value: null, valueId: null, status: 'no_data' };
    return {
      period,
      value: v.value,
      valueId: v.id,
      status: valueStatus(v.value, ind.target, ind.tolerance, ind.polarity),
    };
  });
}

/**
 * Which way an indicator is going: the latest value compared with the earliest
 * of the last `lastN` periods that have a value (periods with no data are
 * skipped, not counted). Better by the polarity is improving, worse is
 * worsening, the same is steady. It is `not_enough_data` when fewer than two
 * periods have values, or when the latest period has none: a trend that stops
 * before the latest period would hide that the figure is no longer measured.
 */
export function directionOfTravel(
  series: readonly { value: number | null }[],
  polarity: Polarity,
  lastN = 3,
): DirectionOfTravel {
  if (!Number.isInteger(lastN) || lastN < 2) {
    throw new RangeError(`Direction of travel needs at least 2 periods to compare: ${lastN}`);
  }
  const latest = series.at(-1)?.value ?? null;
  if (latest === null) return 'not_enough_data';
  const window = series
    .map((p) => p.value)
    .filter((v): v is number => v !== null)
    .slice(-lastN);
  if (window.length < 2) return 'not_enough_data';
  const change = latest - (window[0] as number);
  if (change === 0) return 'steady';
  return change > 0 === (polarity === 'higher_is_better') ? 'improving' : 'worsening';
}

/** What a value of each unit may be, and how to say so. */
const UNIT_RULES: Record<IndicatorFacts['unit'], { ok: (v: number) => boolean; message: string }> = {
  percent: { ok: (v) => v >= 0 && v <= 100, message: 'Enter a percentage from 0 to 100' },
  count: { ok: (v) => Number.isInteger(v) && v >= 0, message: 'Enter a count as a whole number, 0 or more' },
  gbp: { ok: () => true, message: '' },
  days: { ok: (v) => v >= 0, message: 'Enter a number of days, 0 or more' },
  rate_per_10000: { ok: (v) => v >= 0, message: 'Enter a rate per 10,000, 0 or more' },
};

const blank = (s: string) => s.trim() === '';

/**
 * What is wrong with a value about to be recorded for an indicator, each
 * problem named by the input field it is about. A value must be a finite number
 * that fits the unit (a percentage from 0 to 100, a count a whole number, days
 * and rates not negative; pounds may be negative, as an underspend is); its
 * period must be one of the indicator's (its first day, from the first period
 * to the last reported); and it needs a commentary and the measure it came from.
 */
export function indicatorValueProblems(
  ind: IndicatorFacts,
  input: { periodStart: string; value: number; commentary: string; measure: string },
): Problem[] {
  const problems: Problem[] = [];
  const unit = UNIT_RULES[ind.unit];
  if (!Number.isFinite(input.value)) {
    problems.push({ field: 'value', message: 'Enter the value as a number, like 26.5' });
  } else if (!unit.ok(input.value)) {
    problems.push({ field: 'value', message: unit.message });
  }
  const periodProblem = periodStartProblem(ind, input.periodStart);
  if (periodProblem) problems.push({ field: 'periodStart', message: periodProblem });
  if (blank(input.commentary)) {
    problems.push({ field: 'commentary', message: 'Enter a commentary: say what the figure shows and why' });
  }
  if (blank(input.measure)) {
    problems.push({
      field: 'measure',
      message: 'Enter the measure the value came from: the report, extract or record',
    });
  }
  return problems;
}

function periodStartProblem(ind: IndicatorFacts, periodStart: string): string | null {
  if (!isCalendarDate(periodStart)) return 'Enter the first day of the period as a date, like 2015-10-01';
  const { fit, period } = periodStartingOn(ind, periodStart);
  switch (fit) {
    case 'start':
      return null;
    case 'before':
      return `The indicator’s first period starts on ${longDate(period.start)}: enter that period or a later one`;
    case 'after':
      return `The indicator was last reported for the period ending ${longDate(ind.lastPeriodEnd as string)}: enter that period or an earlier one`;
    case 'between':
      return `Enter the first day of one of the indicator’s ${ind.frequency} periods: ${longDate(periodStart)} falls in ${period.label}, which starts on ${longDate(period.start)}`;
  }
}
