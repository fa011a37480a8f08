import { dayBefore, longDate } from '#src/modules/powers/rules/dates.ts';
import { addMonths, monthsBetween, monthYear, shortMonth } from './calendar.ts';
import type { IndicatorFacts } from './types.ts';

/*
 * The reporting periods of an indicator. Period n starts n whole periods
 * (1, 3 or 12 months) after the first period's start, and ends the day before
 * the next starts. Indicators start on the first of a month in practice; one
 * starting on another day still gets consistent periods, labelled by their
 * dates (a start on the 29th to 31st stays in the month it lands in).
 */

export type Frequency = IndicatorFacts['frequency'];

/** One reporting period: its first and last days and its name. */
export interface IndicatorPeriod {
  start: string;
  end: string;
  label: string;
}

/** How many months a period of each frequency lasts. */
export const PERIOD_MONTHS: Record<Frequency, number> = { monthly: 1, quarterly: 3, annual: 12 };

/**
 * A period's name as people write it. On the first of a month: a month is
 * "October 2015"; a quarter "Jul–Sep 2015" (or "Nov 2015–Jan 2016" across a new
 * year); a year from January "2015", and a year from any other month, such as a
 * financial year from April or a school year from September, "2015/16".
 * Otherwise the dates themselves: "15 April 2015 to 14 July 2015".
 */
export function periodLabel(frequency: Frequency, start: string, end: string): string {
  if (!start.endsWith('-01')) return `${longDate(start)} to ${longDate(end)}`;
  if (frequency === 'monthly') return monthYear(start);
  const startYear = start.slice(0, 4);
  const endYear = end.slice(0, 4);
  if (frequency === 'annual') return startYear === endYear ? startYear : `${startYear}/${endYear.slice(2)}`;
  return startYear === endYear
    ? `${shortMonth(start)}–${shortMonth(end)} ${endYear}`
    : `${shortMonth(start)} ${startYear}–${shortMonth(end)} ${endYear}`;
}

/** The `n`th period (from 0) of an indicator. */
export function nthPeriod(frequency: Frequency, firstPeriodStart: string, n: number): IndicatorPeriod {
  const months = PERIOD_MONTHS[frequency];
  const start = addMonths(firstPeriodStart, n * months);
  const end = dayBefore(addMonths(firstPeriodStart, (n + 1) * months));
  return { start, end, label: periodLabel(frequency, start, end) };
}

/**
 * The consecutive periods of an indicator from `firstPeriodStart` that have
 * ended by `upTo` (their last day on or before it) and, when the indicator has
 * stopped, by `lastPeriodEnd`. A period still running is left out: it has no
 * figure to report yet.
 */
export function indicatorPeriods(
  frequency: Frequency,
  firstPeriodStart: string,
  lastPeriodEnd: string | null,
  upTo: string,
): IndicatorPeriod[] {
  const limit = lastPeriodEnd !== null && lastPeriodEnd < upTo ? lastPeriodEnd : upTo;
  const periods: IndicatorPeriod[] = [];
  for (let n = 0; ; n++) {
    const period = nthPeriod(frequency, firstPeriodStart, n);
    if (period.end > limit) return periods;
    periods.push(period);
  }
}

/**
 * Where a date stands against an indicator's periods: the index of the period
 * that starts on it, or why none does (`before` the first period, `between`
 * period starts, or `after` the last period reported), with the period that
 * holds the date (the first, when before it).
 */
export function periodStartingOn(
  ind: Pick<IndicatorFacts, 'frequency' | 'firstPeriodStart' | 'lastPeriodEnd'>,
  date: string,
): { fit: 'start' | 'before' | 'between' | 'after'; period: IndicatorPeriod } {
  const first = nthPeriod(ind.frequency, ind.firstPeriodStart, 0);
  if (date < ind.firstPeriodStart) return { fit: 'before', period: first };
  // The month count can be one too many for a date early in its month; step back until the period holds it.
  let n = Math.floor(monthsBetween(ind.firstPeriodStart, date) / PERIOD_MONTHS[ind.frequency]);
  let period = nthPeriod(ind.frequency, ind.firstPeriodStart, n);
  while (period.start > date) period = nthPeriod(ind.frequency, ind.firstPeriodStart, --n);
  if (ind.lastPeriodEnd !== null && period.end > ind.lastPeriodEnd) return { fit: 'after', period };
  return { fit: period.start === date ? 'start' : 'between', period };
}
