// Geometry of the journal grid, pure: which minutes a column shows, where a
// block sits in pixels, how overlapping blocks share a column.
//
// A column is one master on one date. Its vertical axis counts minutes elapsed
// since the date's local midnight in the branch's zone, so a daylight-saving day
// simply has 23 or 25 hours and every instant has exactly one position.
import { addDays } from '../staff/dates';
import { dateInZone, zonedToInstant } from '../staff/zoned';
import type { Appointment, GroupEvent, Span } from './types';

export const STEPS = [5, 10, 15, 20, 30, 60] as const;
export type Step = (typeof STEPS)[number];

const MINUTE = 60_000;
/** Rows are never lower than this, whatever the step. */
const ROW_MIN_PX = 24;
/** An hour is never lower than 96 px (so a 15-minute visit stays readable). */
const MIN_PX_PER_MINUTE = 1.6;

export function minutePx(step: number): number {
  return Math.max(ROW_MIN_PX / step, MIN_PX_PER_MINUTE);
}

export function rowHeight(step: number): number {
  return step * minutePx(step);
}

/** An instant as RFC 3339 UTC without milliseconds. */
export function toIso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

const ms = (iso: string) => new Date(iso).getTime();

/** Local midnight of a date in the zone, epoch ms. */
export function midnightOf(date: string, timeZone: string): number {
  const iso = zonedToInstant(`${date}T00:00`, timeZone);
  return iso ? ms(iso) : Date.parse(`${date}T00:00:00Z`);
}

/** Minutes from the date's local midnight to the next one (1380, 1440 or 1500). */
export function dayLength(date: string, timeZone: string): number {
  return Math.round((midnightOf(addDays(date, 1), timeZone) - midnightOf(date, timeZone)) / MINUTE);
}

export interface MinuteSpan {
  start: number;
  end: number;
}

/** Instants -> minutes since `midnight`, clipped to [0, length]; spans outside are dropped. */
export function clipToDay(spans: readonly Span[], midnight: number, length: number): MinuteSpan[] {
  const out: MinuteSpan[] = [];
  for (const s of spans) {
    const start = Math.max(0, (ms(s.start) - midnight) / MINUTE);
    const end = Math.min(length, (ms(s.end) - midnight) / MINUTE);
    if (end > start) out.push({ start, end });
  }
  return out;
}

/**
 * The minutes every column shows: from the earliest thing to the latest,
 * widened to whole hours; 09:00–20:00 when the day is empty.
 */
export function gridRange(spans: readonly MinuteSpan[], length = 1440): MinuteSpan {
  if (spans.length === 0) return { start: 9 * 60, end: Math.min(length, 20 * 60) };
  let start = Infinity;
  let end = -Infinity;
  for (const s of spans) {
    start = Math.min(start, s.start);
    end = Math.max(end, s.end);
  }
  start = Math.max(0, Math.floor(start / 60) * 60);
  end = Math.min(length, Math.ceil(end / 60) * 60);
  if (end - start < 60) end = Math.min(length, start + 60);
  return { start, end };
}

/** Row starts: every `step` minutes from the range's start (aligned to the step). */
export function rowsOf(range: MinuteSpan, step: number): number[] {
  const out: number[] = [];
  for (let m = Math.floor(range.start / step) * step; m < range.end; m += step) out.push(m);
  return out;
}

export function topPx(minute: number, range: MinuteSpan, step: number): number {
  return (minute - range.start) * minutePx(step);
}

/** Height of a span; short blocks keep a clickable minimum. */
export function heightPx(span: MinuteSpan, step: number, min = 18): number {
  return Math.max(min, (span.end - span.start) * minutePx(step));
}

/** A vertical drag of `dy` pixels -> whole steps of minutes. */
export function snapDelta(dy: number, step: number): number {
  const steps = Math.round(dy / minutePx(step) / step);
  return steps * step || 0;
}

/** The row a y offset (from the range's top) falls in. */
export function minuteAt(y: number, range: MinuteSpan, step: number): number {
  const m = range.start + y / minutePx(step);
  return Math.max(range.start, Math.floor(m / step) * step);
}

// ---------------------------------------------------------------------------
// Blocks

/** The part of an appointment one master does on one date. */
export interface AppointmentPiece {
  kind: 'appointment';
  key: string;
  appointment: Appointment;
  staffId: number;
  date: string;
  itemIds: number[];
  start: number;
  end: number;
  /** Processing gaps inside the piece (the master is free), epoch ms. */
  processing: { start: number; end: number }[];
}

export interface GroupPiece {
  kind: 'group';
  key: string;
  event: GroupEvent;
  staffId: number;
  date: string;
  start: number;
  end: number;
}

export type Piece = AppointmentPiece | GroupPiece;

/** An appointment cut into one piece per master and date (items by two masters -> two blocks). */
export function appointmentPieces(appointment: Appointment, timeZone: string): AppointmentPiece[] {
  const byKey = new Map<string, AppointmentPiece>();
  for (const item of appointment.items) {
    const date = dateInZone(item.start, timeZone);
    const key = `a${appointment.id}-${item.staff_id}-${date}`;
    let piece = byKey.get(key);
    if (!piece) {
      piece = {
        kind: 'appointment',
        key,
        appointment,
        staffId: item.staff_id,
        date,
        itemIds: [],
        start: ms(item.start),
        end: ms(item.end),
        processing: [],
      };
      byKey.set(key, piece);
    }
    piece.itemIds.push(item.id);
    piece.start = Math.min(piece.start, ms(item.start));
    piece.end = Math.max(piece.end, ms(item.end));
    if (item.processing) piece.processing.push({ start: ms(item.processing.start), end: ms(item.processing.end) });
  }
  return [...byKey.values()];
}

export function groupPiece(event: GroupEvent, timeZone: string): GroupPiece {
  return {
    kind: 'group',
    key: `g${event.id}`,
    event,
    staffId: event.staff_id,
    date: dateInZone(event.start, timeZone),
    start: ms(event.start),
    end: ms(event.end),
  };
}

export interface Placed<T> {
  piece: T;
  /** 0-based lane inside its cluster of overlapping blocks. */
  lane: number;
  /** Lanes of the cluster: the block is 1/lanes of the column wide. */
  lanes: number;
}

/**
 * Overlapping blocks side by side: blocks that overlap (directly or through
 * others) form a cluster; each takes the first lane free at its start.
 */
export function layoutLanes<T extends { start: number; end: number }>(pieces: readonly T[]): Placed<T>[] {
  const sorted = [...pieces].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Placed<T>[] = [];
  let cluster: Placed<T>[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = -Infinity;
  const flush = () => {
    for (const p of cluster) p.lanes = laneEnds.length;
    out.push(...cluster);
    cluster = [];
    laneEnds = [];
  };
  for (const piece of sorted) {
    if (piece.start >= clusterEnd) flush();
    let lane = laneEnds.findIndex((end) => end <= piece.start);
    if (lane < 0) {
      lane = laneEnds.length;
      laneEnds.push(piece.end);
    } else {
      laneEnds[lane] = piece.end;
    }
    cluster.push({ piece, lane, lanes: 0 });
    clusterEnd = Math.max(clusterEnd, piece.end);
  }
  flush();
  return out;
}
