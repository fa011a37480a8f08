import { addDays, longDate, remembered } from '#src/modules/powers/rules/dates.ts';

/*
 * The little calendar arithmetic the Improvement rules need beyond the Powers
 * date helpers (which they reuse): days between two dates, whole months, and
 * whether a typed value is a real date. Dates are YYYY-MM-DD calendar dates,
 * worked on as UTC midnights so no time zone or clock change can move them.
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Not a calendar date written YYYY-MM-DD: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/**
 * Whether `value` is a real calendar date written YYYY-MM-DD. `'2015-02-30'` is
 * not (there is no 30 February), nor is `'2015-2-3'`.
 */
export function isCalendarDate(value: string): boolean {
  // addDays rolls an impossible day into the next month, so only a real date survives the round trip.
  return ISO_DATE.test(value) && addDays(value, 0) === value;
}

/**
 * The number of days from `from` to `to`: `daysBetween('2015-10-01', '2015-10-31')`
 * is `30`, and negative when `to` is earlier.
 */
export function daysBetween(from: string, to: string): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / DAY_MS);
}

/**
 * The date `months` whole months after `date`, kept in the month it lands in:
 * `addMonths('2015-01-31', 1)` is `'2015-02-28'`, the last day of February.
 */
export const addMonths: (date: string, months: number) => string = remembered((date, months) => {
  const [y, m, d] = parts(date);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))).toISOString().slice(0, 10);
});

/** How many calendar months `to` is after `from`, by month alone: `'2015-04-30'` to `'2015-07-01'` is `3`. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = parts(from);
  const [ty, tm] = parts(to);
  return (ty - fy) * 12 + (tm - fm);
}

/** The name of a date's month, with its year: `monthYear('2015-10-31')` is `'October 2015'`. */
export function monthYear(date: string): string {
  return longDate(date).replace(/^\d+ /, '');
}

/** The short name of a date's month, as in a table heading: `shortMonth('2015-09-01')` is `'Sep'`. */
export function shortMonth(date: string): string {
  return monthYear(date).slice(0, 3);
}
