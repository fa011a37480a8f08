/*
 * Calendar dates written YYYY-MM-DD. They compare correctly as strings; these
 * helpers do the little arithmetic the rules need, on UTC midnights so that no
 * time zone or clock change can move a date.
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function parts(date: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Not a calendar date written YYYY-MM-DD: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** Answers kept for each of this many dates at most, per step, before they are forgotten. */
const REMEMBERED = 20_000;

/**
 * `step(date, n)` with its answers kept: the rules ask the same few thousand
 * dates the same questions many times over (each check of twenty thousand
 * holders), and working a date out afresh costs a regular expression and two
 * Date objects. A date that is not one throws, and nothing is kept for it.
 */
export function remembered(step: (date: string, n: number) => string): (date: string, n: number) => string {
  const byStep = new Map<number, Map<string, string>>();
  return (date, n) => {
    let answers = byStep.get(n);
    if (!answers) {
      answers = new Map();
      byStep.set(n, answers);
    }
    let answer = answers.get(date);
    if (answer === undefined) {
      answer = step(date, n);
      if (answers.size >= REMEMBERED) answers.clear();
      answers.set(date, answer);
    }
    return answer;
  };
}

/** The date `days` after `date` (before it when negative): `addDays('2016-02-28', 2)` is `'2016-03-01'`. */
export const addDays: (date: string, days: number) => string = remembered((date, days) => {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
});

/**
 * A date as a number that sorts as the date does: `dayNumber('2016-02-01')` is
 * `20160201`. Numbers compare many times faster than strings, which counts in the
 * rules that compare dates tens of thousands of times.
 */
export function dayNumber(date: string): number {
  return Number(date.slice(0, 4) + date.slice(5, 7) + date.slice(8, 10));
}

/** The day after `date`. */
export function nextDay(date: string): string {
  return addDays(date, 1);
}

/** The day before `date`. */
export function dayBefore(date: string): string {
  return addDays(date, -1);
}

const longDates = remembered((date) => {
  const [y, m, d] = parts(date);
  return `${d} ${MONTHS[m - 1]} ${y}`;
});

/** A date as GOV.UK writes it in a sentence: `longDate('2015-02-26')` is `'26 February 2015'`. */
export function longDate(date: string): string {
  return longDates(date, 0);
}

/** The calendar quarter a date falls in, written as people say it: `quarterOf('2016-05-01')` is `'2016 Q2'`. */
export function quarterOf(date: string): string {
  const [y, m] = parts(date);
  return `${y} Q${Math.ceil(m / 3)}`;
}

/** The quarter after one written as `quarterOf` writes it: `nextQuarter('2015 Q4')` is `'2016 Q1'`. */
export function nextQuarter(quarter: string): string {
  const match = /^(\d{4}) Q([1-4])$/.exec(quarter);
  if (!match) throw new RangeError(`Not a quarter written like 2016 Q1: ${quarter}`);
  const year = Number(match[1]);
  const q = Number(match[2]);
  return q === 4 ? `${year + 1} Q1` : `${year} Q${q + 1}`;
}
