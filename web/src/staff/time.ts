// Local times of day ("HH:MM") and working intervals inside a day. An interval
// whose end is not after its start runs past midnight: 22:00–02:00 is
// 22:00 today to 02:00 tomorrow (minutes 1320..1560 from today's midnight).
import type { Interval } from './types';

export const DAY = 1440;

/** "09:30" -> 570; "24:00" -> 1440; anything else -> null. */
export function parseTime(text: string): number | null {
  const m = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(text ?? '');
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59) return null;
  if (h === 24 && min === 0) return DAY;
  if (h > 23) return null;
  return h * 60 + min;
}

/** 570 -> "09:30"; minutes past midnight wrap to the next day (1560 -> "02:00"). */
export function formatTime(minutes: number): string {
  const m = ((minutes % DAY) + DAY) % DAY;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export interface MinuteInterval {
  start: number;
  end: number;
}

/**
 * {start: "22:00", end: "02:00"} -> {start: 1320, end: 1560}. As on the
 * server, an end at or before the start means the next day, so equal times
 * are a whole day ("00:00"–"00:00" is how the server writes 00:00–24:00).
 */
export function toMinutes(interval: Interval): MinuteInterval | null {
  const start = parseTime(interval.start);
  let end = parseTime(interval.end);
  if (start === null || end === null || start >= DAY) return null;
  if (end <= start) end += DAY;
  return { start, end };
}

/** {start: 1320, end: 1560} -> {start: "22:00", end: "02:00"}. */
export function fromMinutes(interval: MinuteInterval): Interval {
  // A whole day from midnight keeps "24:00" so it is not read as an empty interval.
  if (interval.start === 0 && interval.end === DAY) return { start: '00:00', end: '24:00' };
  return { start: formatTime(interval.start), end: formatTime(interval.end) };
}

/** "09:00–18:00" (en dash) for display. */
export function intervalText(interval: Interval): string {
  return `${interval.start}–${interval.end}`;
}

/** Several intervals: "09:00–13:00, 14:00–18:00". */
export function intervalsText(intervals: readonly Interval[]): string {
  return intervals.map(intervalText).join(', ');
}

/** Working minutes of a day's intervals. */
export function workedMinutes(intervals: readonly Interval[]): number {
  return intervals.reduce((sum, i) => {
    const m = toMinutes(i);
    return m ? sum + m.end - m.start : sum;
  }, 0);
}

// ---------------------------------------------------------------------------
// A day as a person edits it: hours from-to, and breaks inside them.

export interface DayDraft {
  off: boolean;
  start: string;
  end: string;
  breaks: Interval[];
}

export const DEFAULT_START = '09:00';
export const DEFAULT_END = '18:00';

export function workDay(start = DEFAULT_START, end = DEFAULT_END, breaks: Interval[] = []): DayDraft {
  return { off: false, start, end, breaks };
}

export function dayOff(): DayDraft {
  return { off: true, start: DEFAULT_START, end: DEFAULT_END, breaks: [] };
}

/** API intervals -> the day's hours and its breaks (the gaps between intervals). */
export function draftFromIntervals(intervals: readonly Interval[] | undefined): DayDraft {
  if (!intervals || intervals.length === 0) return dayOff();
  const sorted = sortIntervals(intervals);
  const breaks: Interval[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) breaks.push({ start: sorted[i].end, end: sorted[i + 1].start });
  return { off: false, start: sorted[0].start, end: sorted[sorted.length - 1].end, breaks };
}

function sortIntervals(intervals: readonly Interval[]): Interval[] {
  const key = (i: Interval) => parseTime(i.start) ?? 0;
  return [...intervals].sort((a, b) => key(a) - key(b));
}

/** Why a day cannot be saved: the error code for each problem field. */
export interface DayErrors {
  start?: string;
  end?: string;
  breaks?: Record<number, string>;
}

export function hasDayErrors(e: DayErrors): boolean {
  return !!(e.start || e.end || (e.breaks && Object.keys(e.breaks).length > 0));
}

/**
 * The day's hours and breaks -> API intervals ([] for a day off). Breaks must
 * lie strictly inside the hours and not overlap; past-midnight days work
 * (22:00–06:00 with a break 02:00–02:30).
 */
export function intervalsFromDraft(day: DayDraft): { intervals: Interval[]; errors: DayErrors } {
  const errors: DayErrors = {};
  if (day.off) return { intervals: [], errors };
  const start = parseTime(day.start);
  const endRaw = parseTime(day.end);
  if (start === null || start >= DAY) errors.start = day.start.trim() ? 'invalid_time' : 'required';
  if (endRaw === null) errors.end = day.end.trim() ? 'invalid_time' : 'required';
  if (start === null || endRaw === null || errors.start) return { intervals: [], errors };
  const hours = toMinutes({ start: day.start, end: day.end });
  if (!hours || hours.end - hours.start > DAY) {
    errors.end = 'invalid_interval';
    return { intervals: [], errors };
  }
  const breakErrors: Record<number, string> = {};
  const breaks: (MinuteInterval & { index: number })[] = [];
  day.breaks.forEach((b, index) => {
    let bs = parseTime(b.start);
    let be = parseTime(b.end);
    if (bs === null || be === null) {
      breakErrors[index] = b.start.trim() && b.end.trim() ? 'invalid_time' : 'required';
      return;
    }
    // Times before the day's start belong to the next day (after midnight).
    if (bs < hours.start) bs += DAY;
    if (be <= bs) be += DAY;
    if (be - bs >= DAY) {
      breakErrors[index] = 'invalid_interval';
      return;
    }
    if (bs <= hours.start || be >= hours.end) {
      breakErrors[index] = 'break_outside';
      return;
    }
    breaks.push({ start: bs, end: be, index });
  });
  breaks.sort((a, b) => a.start - b.start);
  for (let i = 1; i < breaks.length; i++) {
    if (breaks[i].start <= breaks[i - 1].end) breakErrors[breaks[i].index] = 'overlapping_intervals';
  }
  if (Object.keys(breakErrors).length > 0) return { intervals: [], errors: { breaks: breakErrors } };
  const out: Interval[] = [];
  let from = hours.start;
  for (const b of breaks) {
    out.push(fromMinutes({ start: from, end: b.start }));
    // An interval is one day's local times: it may end after midnight but not
    // start after it, so a break may not end after midnight.
    if (b.end >= DAY) breakErrors[b.index] = 'after_midnight';
    from = b.end;
  }
  if (Object.keys(breakErrors).length > 0) return { intervals: [], errors: { breaks: breakErrors } };
  out.push(fromMinutes({ start: from, end: hours.end }));
  return { intervals: out, errors };
}
