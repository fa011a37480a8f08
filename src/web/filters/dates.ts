const LONG_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h12',
  timeZone: 'Europe/London',
});

const calendarDates = new Map<string, string>();

/**
 * A calendar date ('2015-11-27') or instant as GOV.UK writes it: '27 November 2015'.
 * Calendar dates are read as dates, not instants, so no time zone can move them.
 */
export function govukDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    let written = calendarDates.get(value);
    if (written === undefined) {
      written = LONG_DATE.format(new Date(`${value}T12:00:00Z`));
      // Calendar dates repeat across every page and answer; formatting one is slow.
      if (calendarDates.size < 100_000) calendarDates.set(value, written);
    }
    return written;
  }
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : LONG_DATE.format(date);
}

/** An instant in Europe/London with its time: '27 November 2015 at 2:05pm'. */
export function govukDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const parts = Object.fromEntries(DATE_TIME.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute}${String(parts.dayPeriod).toLowerCase()}`;
}
