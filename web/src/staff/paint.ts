// "Paint onto days": pick a range of days in the month grid and give them a
// day plan or a day off as schedule exceptions.
import { datesBetween } from './dates';
import type { Interval, Schedule } from './types';

export interface DaySelection {
  /** Where the range started (the first click). */
  anchor: string;
  start: string;
  end: string;
}

/**
 * A click on a day: a new one-day selection, or, when extending (shift-click,
 * drag, a second tap), the range from the anchor to the day.
 */
export function selectDay(current: DaySelection | null, date: string, extend: boolean): DaySelection {
  if (!extend || !current) return { anchor: date, start: date, end: date };
  const [start, end] = current.anchor <= date ? [current.anchor, date] : [date, current.anchor];
  return { anchor: current.anchor, start, end };
}

export function selectedDates(sel: DaySelection | null): string[] {
  return sel ? datesBetween(sel.start, sel.end) : [];
}

export function isSelected(sel: DaySelection | null, date: string): boolean {
  return !!sel && date >= sel.start && date <= sel.end;
}

/**
 * The schedule with every date given the same intervals as an exception
 * ([] = day off), replacing earlier exceptions on those dates. Exceptions
 * are kept in date order; patterns stay as they are.
 */
export function paintExceptions(schedule: Schedule, dates: readonly string[], intervals: readonly Interval[]): Schedule {
  const painted = new Set(dates);
  const exceptions = [
    ...schedule.exceptions.filter((e) => !painted.has(e.date)),
    ...[...painted].map((date) => ({ date, intervals: intervals.map((i) => ({ ...i })) })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { patterns: schedule.patterns, exceptions };
}

/** The schedule without exceptions on the dates (they follow their pattern again). */
export function clearExceptions(schedule: Schedule, dates: readonly string[]): Schedule {
  const cleared = new Set(dates);
  return { patterns: schedule.patterns, exceptions: schedule.exceptions.filter((e) => !cleared.has(e.date)) };
}
