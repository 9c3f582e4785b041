// The journal response -> columns (a master on a date) with their working
// hours and blocks, and the minutes all of them show (pure).
import { addDays } from '../staff/dates';
import {
  appointmentPieces,
  clipToDay,
  dayLength,
  gridRange,
  groupPiece,
  midnightOf,
  type MinuteSpan,
  type Piece,
} from './layout';
import type { Journal, JournalStaff } from './types';

export interface Column {
  key: string;
  date: string;
  staff: JournalStaff;
  closed: boolean;
  /** Local midnight of the date, epoch ms. */
  midnight: number;
  /** Minutes of the local day (1440, or 1380/1500 on a DST day). */
  length: number;
  /** Working time, minutes since midnight. */
  working: MinuteSpan[];
  pieces: Piece[];
}

export const columnKey = (date: string, staffId: number) => `${date}:${staffId}`;

export function journalDates(journal: Pick<Journal, 'date' | 'days'>): string[] {
  return Array.from({ length: Math.max(1, journal.days) }, (_, i) => addDays(journal.date, i));
}

/**
 * Columns date by date, masters in the journal's order inside each date;
 * `staffIds` keeps only those masters (null: all).
 */
export function buildColumns(journal: Journal, staffIds: readonly number[] | null = null): Column[] {
  const tz = journal.timezone;
  const staff = (journal.staff ?? []).filter((s) => staffIds === null || staffIds.includes(s.id));
  const closed = new Set(journal.closed_days ?? []);
  const pieces = new Map<string, Piece[]>();
  const add = (p: Piece) => {
    const key = columnKey(p.date, p.staffId);
    const list = pieces.get(key);
    if (list) list.push(p);
    else pieces.set(key, [p]);
  };
  for (const a of journal.appointments ?? []) appointmentPieces(a, tz).forEach(add);
  for (const g of journal.group_events ?? []) add(groupPiece(g, tz));

  const columns: Column[] = [];
  for (const date of journalDates(journal)) {
    const midnight = midnightOf(date, tz);
    const length = dayLength(date, tz);
    for (const s of staff) {
      const key = columnKey(date, s.id);
      columns.push({
        key,
        date,
        staff: s,
        closed: closed.has(date),
        midnight,
        length,
        working: clipToDay(s.working ?? [], midnight, length),
        pieces: pieces.get(key) ?? [],
      });
    }
  }
  return columns;
}

/** The minutes every column shows: working hours and blocks of all of them. */
export function columnsRange(columns: readonly Column[]): MinuteSpan {
  const spans: MinuteSpan[] = [];
  let length = 1440;
  for (const c of columns) {
    length = Math.max(length, c.length);
    spans.push(...c.working);
    for (const p of c.pieces) {
      spans.push({ start: (p.start - c.midnight) / 60_000, end: (p.end - c.midnight) / 60_000 });
    }
  }
  return gridRange(spans, length);
}

/** Whether a span of minutes lies inside the column's working time. */
export function isWorking(column: Pick<Column, 'working' | 'closed'>, start: number, end: number): boolean {
  if (column.closed) return false;
  return column.working.some((w) => w.start <= start && w.end >= end);
}
