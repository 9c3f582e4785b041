// Instants shown and typed in a branch's time zone (IANA), with Intl only.
import { DAY } from './time';
import type { Interval } from './types';

const formats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, f);
  }
  return f;
}

interface Wall {
  date: string;
  time: string;
  /** Epoch ms as if the wall time were UTC. */
  asUtc: number;
}

/** The wall clock of an instant in a zone. */
export function wallClock(instant: Date | number | string, timeZone: string): Wall {
  const d = instant instanceof Date ? instant : new Date(instant);
  const p: Record<string, string> = {};
  for (const part of partsFormat(timeZone).formatToParts(d)) p[part.type] = part.value;
  const hour = p.hour === '24' ? '00' : p.hour;
  const date = `${p.year}-${p.month}-${p.day}`;
  return {
    date,
    time: `${hour}:${p.minute}`,
    asUtc: Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(hour), Number(p.minute), Number(p.second)),
  };
}

/** "09:00" of an instant in the zone. */
export function timeInZone(instant: string | Date, timeZone: string): string {
  return wallClock(instant, timeZone).time;
}

/** "2026-11-23" of an instant in the zone. */
export function dateInZone(instant: string | Date | number, timeZone: string): string {
  return wallClock(instant, timeZone).date;
}

/**
 * A wall time in the zone ("2026-11-23T09:00") -> RFC 3339 UTC instant. A time
 * in the spring-forward gap moves forward by the gap; a repeated autumn time takes the
 * earlier instant.
 */
export function zonedToInstant(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!m) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  const offsetAt = (t: number) => wallClock(t, timeZone).asUtc - t;
  // Try both offsets around the wall time; keep the earliest that shows it.
  const candidates = [wall - offsetAt(wall - 86_400_000), wall - offsetAt(wall + 86_400_000)].sort((a, b) => a - b);
  for (const t of candidates) if (wallClock(t, timeZone).asUtc === wall) return new Date(t).toISOString().replace('.000Z', 'Z');
  // In a gap: the instant after it.
  return new Date(candidates[1]).toISOString().replace('.000Z', 'Z');
}

/** An instant -> "2026-11-23T09:00" in the zone (for datetime-local inputs). */
export function instantToZoned(instant: string, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${w.date}T${w.time}`;
}

/**
 * Working intervals (instants) -> local "HH:MM" intervals by the date they
 * start on in the zone. A night shift stays whole ("22:00–02:00" on its first
 * day); anything longer than a day is cut at local midnights.
 */
export function intervalsByDate(intervals: readonly { start: string; end: string }[], timeZone: string): Map<string, Interval[]> {
  const out = new Map<string, Interval[]>();
  const add = (date: string, iv: Interval) => {
    const list = out.get(date);
    if (list) list.push(iv);
    else out.set(date, [iv]);
  };
  for (const iv of intervals) {
    const start = new Date(iv.start).getTime();
    const end = new Date(iv.end).getTime();
    if (!(end > start)) continue;
    if (end - start <= DAY * 60_000) {
      const s = wallClock(start, timeZone);
      add(s.date, { start: s.time, end: wallClock(end, timeZone).time });
      continue;
    }
    // Long runs (every day around the clock): one piece per local day.
    let from = start;
    while (from < end) {
      const w = wallClock(from, timeZone);
      const nextMidnight = zonedToInstant(`${nextDate(w.date)}T00:00`, timeZone);
      const cut = Math.min(end, nextMidnight ? new Date(nextMidnight).getTime() : end);
      const endTime = cut === end ? wallClock(end, timeZone).time : '24:00';
      add(w.date, { start: w.time, end: endTime === '00:00' ? '24:00' : endTime });
      if (cut <= from) break;
      from = cut;
    }
  }
  return out;
}

function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** Today's date in the zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  try {
    return dateInZone(now, timeZone);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}
