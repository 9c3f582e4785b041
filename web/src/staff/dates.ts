// Civil dates ("YYYY-MM-DD") without time zones: arithmetic through UTC
// midnights, so no daylight-saving shift can move a day.

const DAY_MS = 86_400_000;

function toUtc(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Days from a to b (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

/** 0 = Monday ... 6 = Sunday. */
export function weekdayOf(date: string): number {
  return (new Date(toUtc(date)).getUTCDay() + 6) % 7;
}

export function isoDate(year: number, month: number, day: number): string {
  return fromUtc(Date.UTC(year, month - 1, day));
}

/** "2026-11" of a date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** "2026-11" + 1 -> "2026-12". */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  return isoDate(y, m + n, 1).slice(0, 7);
}

export interface MonthCell {
  date: string;
  /** Day of the month, 1..31. */
  day: number;
  /** Whether the date is in the month shown (else a leading/trailing day). */
  inMonth: boolean;
}

/**
 * The weeks of a month calendar, Monday first: from the Monday on or before
 * the 1st to the Sunday on or after the last day (4 to 6 rows of 7 cells).
 */
export function monthGrid(month: string): MonthCell[][] {
  const first = `${month}-01`;
  const last = addDays(`${addMonths(month, 1)}-01`, -1);
  const start = addDays(first, -weekdayOf(first));
  const end = addDays(last, 6 - weekdayOf(last));
  const weeks: MonthCell[][] = [];
  for (let d = start; d <= end; d = addDays(d, 7)) {
    weeks.push(
      Array.from({ length: 7 }, (_, i) => {
        const date = addDays(d, i);
        return { date, day: Number(date.slice(8)), inMonth: monthOf(date) === month };
      }),
    );
  }
  return weeks;
}

/** First and last date of the grid (for loading what it shows). */
export function gridRange(weeks: MonthCell[][]): { from: string; to: string } {
  return { from: weeks[0][0].date, to: weeks[weeks.length - 1][6].date };
}

/** Every date from `from` to `to` inclusive (in either order). */
export function datesBetween(a: string, b: string): string[] {
  const [from, to] = a <= b ? [a, b] : [b, a];
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Local names of the weekdays, Monday first ("Mon" or "Monday"). */
export function weekdayNames(locale: string, width: 'short' | 'long' | 'narrow' = 'short'): string[] {
  const f = new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => f.format(new Date(Date.UTC(2024, 0, 1 + i))));
}

/** "листопад 2026" / "November 2026". */
export function monthTitle(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number);
  const text = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "23 Nov" style short date of a civil date. */
export function shortDate(date: string, locale: string, withYear = false): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}
