// The pattern editor's state and the PUT /staff/{id}/schedule body built from it.
import {
  dayOff,
  draftFromIntervals,
  hasDayErrors,
  intervalsFromDraft,
  workDay,
  type DayDraft,
  type DayErrors,
} from './time';
import type { Interval, Pattern, PatternKind, Schedule } from './types';

export interface PatternDraft {
  kind: PatternKind;
  valid_from: string;
  /** '' = until the next pattern starts. */
  valid_until: string;
  /** weekly: Monday first. */
  weekdays: DayDraft[];
  /** cycle: one entry per day of the cycle. */
  cycle: DayDraft[];
  /** even_dates, odd_dates, every_day. */
  day: DayDraft;
}

/** N working days with the same hours followed by M days off (2/2, 3/1, 5/2...). */
export function onOffCycle(on: number, off: number, hours: DayDraft = workDay('09:00', '21:00')): DayDraft[] {
  const work = { ...hours, off: false, breaks: hours.breaks.map((b) => ({ ...b })) };
  return [
    ...Array.from({ length: Math.max(0, on) }, () => ({ ...work, breaks: work.breaks.map((b) => ({ ...b })) })),
    ...Array.from({ length: Math.max(0, off) }, dayOff),
  ];
}

/** Working/off days of a cycle when it has the N-on-M-off shape, else null. */
export function cycleShape(cycle: readonly DayDraft[]): { on: number; off: number } | null {
  const on = cycle.findIndex((d) => d.off);
  const n = on === -1 ? cycle.length : on;
  if (cycle.slice(n).some((d) => !d.off)) return null;
  return { on: n, off: cycle.length - n };
}

/** Monday to Friday 09:00–18:00, a 2/2 cycle of 09:00–21:00, from `validFrom`. */
export function defaultPatternDraft(validFrom: string, kind: PatternKind = 'weekly'): PatternDraft {
  return {
    kind,
    valid_from: validFrom,
    valid_until: '',
    weekdays: Array.from({ length: 7 }, (_, i) => (i < 5 ? workDay() : dayOff())),
    cycle: onOffCycle(2, 2),
    day: workDay(),
  };
}

/** An existing pattern in the editor (the lists of other kinds keep their defaults). */
export function draftFromPattern(p: Pattern): PatternDraft {
  const draft = defaultPatternDraft(p.valid_from, p.kind);
  draft.valid_until = p.valid_until ?? '';
  if (p.kind === 'weekly' && p.weekdays) {
    draft.weekdays = Array.from({ length: 7 }, (_, i) => draftFromIntervals(p.weekdays?.[i]));
  } else if (p.kind === 'cycle' && p.cycle && p.cycle.length > 0) {
    draft.cycle = p.cycle.map((d) => draftFromIntervals(d));
  } else if (p.day) {
    draft.day = draftFromIntervals(p.day);
  }
  return draft;
}

/** Problems of the draft, keyed like "weekdays.2", "cycle.0", "day", "valid_from". */
export interface PatternErrors {
  valid_from?: string;
  valid_until?: string;
  cycle?: string;
  days: Record<string, DayErrors>;
}

export function hasPatternErrors(e: PatternErrors): boolean {
  return !!(e.valid_from || e.valid_until || e.cycle || Object.keys(e.days).length > 0);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The draft as an API pattern (only the list its kind uses), or its errors. */
export function patternFromDraft(draft: PatternDraft): { pattern: Pattern | null; errors: PatternErrors } {
  const errors: PatternErrors = { days: {} };
  if (!isIsoDate(draft.valid_from)) errors.valid_from = draft.valid_from ? 'invalid_date' : 'required';
  if (draft.valid_until) {
    if (!isIsoDate(draft.valid_until)) errors.valid_until = 'invalid_date';
    else if (!errors.valid_from && draft.valid_until < draft.valid_from) errors.valid_until = 'before_start';
  }
  const convert = (day: DayDraft, key: string): Interval[] => {
    const r = intervalsFromDraft(day);
    if (hasDayErrors(r.errors)) errors.days[key] = r.errors;
    return r.intervals;
  };
  const pattern: Pattern = {
    kind: draft.kind,
    valid_from: draft.valid_from,
    valid_until: draft.valid_until || null,
  };
  if (draft.kind === 'weekly') {
    pattern.weekdays = draft.weekdays.slice(0, 7).map((d, i) => convert(d, `weekdays.${i}`));
  } else if (draft.kind === 'cycle') {
    if (draft.cycle.length === 0) errors.cycle = 'required';
    else if (draft.cycle.every((d) => d.off)) errors.cycle = 'no_work_days';
    pattern.cycle = draft.cycle.map((d, i) => convert(d, `cycle.${i}`));
  } else {
    pattern.day = convert(draft.day, 'day');
    if (draft.day.off) errors.days.day = { start: 'required' };
  }
  return { pattern: hasPatternErrors(errors) ? null : pattern, errors };
}

/**
 * The schedule with `pattern` put in: in place of the pattern at `replace`
 * (the one being edited), else in place of a pattern starting the same day
 * (the server refuses two), else added. Patterns are kept in date order;
 * exceptions stay as they are. Returns the body and the pattern's index in it.
 */
export function buildScheduleBody(
  schedule: Schedule,
  pattern: Pattern,
  replace: number | null = null,
): { body: Schedule; index: number } {
  const patterns = schedule.patterns.filter((p, i) => i !== replace && p.valid_from !== pattern.valid_from);
  patterns.push(pattern);
  patterns.sort((a, b) => (a.valid_from < b.valid_from ? -1 : a.valid_from > b.valid_from ? 1 : 0));
  return {
    body: { patterns, exceptions: schedule.exceptions.map((e) => ({ ...e })) },
    index: patterns.indexOf(pattern),
  };
}

/** The schedule without the pattern at `index`. */
export function withoutPattern(schedule: Schedule, index: number): Schedule {
  return { patterns: schedule.patterns.filter((_, i) => i !== index), exceptions: schedule.exceptions };
}

/**
 * Server field errors of the PUT that concern the pattern at `index`:
 * "patterns[1].weekdays[2][0]" -> "weekdays.2", "patterns[1].valid_from" -> "valid_from".
 */
export function patternFieldOf(field: string, index: number): string | null {
  const m = /^patterns\[(\d+)\](?:\.(\w+)(?:\[(\d+)\])?)?/.exec(field);
  if (!m || Number(m[1]) !== index) return null;
  const [, , name, day] = m;
  if (!name) return 'pattern';
  if ((name === 'weekdays' || name === 'cycle') && day !== undefined) return `${name}.${day}`;
  return name;
}
