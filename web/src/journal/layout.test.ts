import { describe, expect, it } from 'vitest';
import { buildColumns, columnsRange, isWorking } from './grid';
import {
  appointmentPieces,
  dayLength,
  gridRange,
  heightPx,
  layoutLanes,
  midnightOf,
  minuteAt,
  minutePx,
  rowHeight,
  rowsOf,
  snapDelta,
  STEPS,
  topPx,
} from './layout';
import { makeAppointment, makeJournal } from './testFixtures';

const KYIV = 'Europe/Kyiv';

describe('time -> pixels', () => {
  it('keeps rows at least 24 px and an hour at least 96 px', () => {
    expect(STEPS.map(rowHeight)).toEqual([24, 24, 24, 32, 48, 96]);
    expect(minutePx(5)).toBeCloseTo(4.8);
    expect(minutePx(60)).toBeCloseTo(1.6);
  });

  it('places a span by its minutes from the top of the range', () => {
    const range = { start: 9 * 60, end: 20 * 60 };
    expect(topPx(9 * 60, range, 15)).toBe(0);
    expect(topPx(10 * 60, range, 15)).toBeCloseTo(96);
    expect(topPx(10 * 60, range, 5)).toBeCloseTo(288);
    expect(heightPx({ start: 600, end: 690 }, 15)).toBeCloseTo(144);
    // Very short blocks stay clickable.
    expect(heightPx({ start: 600, end: 605 }, 60)).toBe(18);
  });

  it('snaps a drag to whole steps and a click to the row under it', () => {
    expect(snapDelta(37, 15)).toBe(30); // 23 minutes -> 2 steps of 15
    expect(snapDelta(-10, 15)).toBe(0);
    expect(Object.is(snapDelta(-1, 15), -0)).toBe(false);
    expect(snapDelta(-50, 15)).toBe(-30);
    expect(snapDelta(48, 30)).toBe(30);
    const range = { start: 540, end: 1200 };
    expect(minuteAt(0, range, 15)).toBe(540);
    expect(minuteAt(95, range, 15)).toBe(585);
    expect(minuteAt(97, range, 15)).toBe(600);
  });
});

describe('grid range and rows', () => {
  it('covers the working hours and blocks in whole hours, 09:00–20:00 by default', () => {
    expect(gridRange([])).toEqual({ start: 540, end: 1200 });
    expect(gridRange([{ start: 550, end: 1070 }, { start: 600, end: 1075 }])).toEqual({ start: 540, end: 1080 });
    expect(gridRange([{ start: 0, end: 1440 }])).toEqual({ start: 0, end: 1440 });
    expect(gridRange([{ start: 1430, end: 1440 }])).toEqual({ start: 1380, end: 1440 });
  });

  it('lists row starts every step', () => {
    expect(rowsOf({ start: 540, end: 600 }, 15)).toEqual([540, 555, 570, 585]);
    expect(rowsOf({ start: 540, end: 600 }, 20)).toEqual([540, 560, 580]);
    expect(rowsOf({ start: 540, end: 660 }, 60)).toEqual([540, 600]);
  });

  it('measures days in the zone, with 23 and 25 hours at the clock changes', () => {
    expect(new Date(midnightOf('2026-11-23', KYIV)).toISOString()).toBe('2026-11-22T22:00:00.000Z');
    expect(dayLength('2026-11-23', KYIV)).toBe(1440);
    expect(dayLength('2026-03-29', KYIV)).toBe(1380);
    expect(dayLength('2026-10-25', KYIV)).toBe(1500);
  });
});

describe('overlapping blocks', () => {
  it('puts overlapping blocks side by side and reuses freed lanes', () => {
    const placed = layoutLanes([
      { id: 'a', start: 0, end: 60 },
      { id: 'b', start: 30, end: 90 },
      { id: 'c', start: 60, end: 120 },
      { id: 'd', start: 200, end: 260 },
    ]);
    const of = (id: string) => placed.find((p) => p.piece.id === id)!;
    expect([of('a').lane, of('a').lanes]).toEqual([0, 2]);
    expect([of('b').lane, of('b').lanes]).toEqual([1, 2]);
    expect([of('c').lane, of('c').lanes]).toEqual([0, 2]);
    expect([of('d').lane, of('d').lanes]).toEqual([0, 1]);
  });

  it('gives three blocks at once three lanes', () => {
    const placed = layoutLanes([
      { start: 0, end: 100 },
      { start: 10, end: 50 },
      { start: 20, end: 30 },
    ]);
    expect(placed.map((p) => [p.lane, p.lanes])).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
  });
});

describe('journal -> columns', () => {
  it('cuts an appointment by two masters into a block per master', () => {
    const pieces = appointmentPieces(makeAppointment(), KYIV);
    expect(pieces.map((p) => [p.staffId, p.date, p.itemIds])).toEqual([
      [2, '2026-11-23', [1]],
      [3, '2026-11-23', [2]],
    ]);
    expect(pieces[1].processing).toEqual([
      { start: Date.parse('2026-11-23T09:30:00Z'), end: Date.parse('2026-11-23T10:00:00Z') },
    ]);
  });

  it('builds a column per master with working minutes, blocks and group classes', () => {
    const columns = buildColumns(makeJournal());
    expect(columns.map((c) => c.key)).toEqual(['2026-11-23:2', '2026-11-23:3']);
    expect(columns[0].working).toEqual([{ start: 540, end: 1080 }]);
    expect(columns[0].pieces.map((p) => p.key)).toEqual(['a12-2-2026-11-23', 'a13-2-2026-11-23']);
    expect(columns[1].pieces.map((p) => p.key)).toEqual(['a12-3-2026-11-23', 'g4']);
    expect(columnsRange(columns)).toEqual({ start: 540, end: 1140 });
    expect(isWorking(columns[1], 600, 615)).toBe(true);
    expect(isWorking(columns[1], 585, 600)).toBe(false);
  });

  it('shows a week day by day, one master when filtered, closed days marked', () => {
    const columns = buildColumns(makeJournal({ days: 7, closed_days: ['2026-11-29'] }), [3]);
    expect(columns.map((c) => c.date)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
    expect(columns.every((c) => c.staff.id === 3)).toBe(true);
    expect(columns[6].closed).toBe(true);
    expect(isWorking(columns[6], 600, 615)).toBe(false);
    expect(columns[1].working).toEqual([]);
  });

  it('survives an empty answer', () => {
    expect(buildColumns({ ...makeJournal(), staff: [], appointments: [], group_events: [] })).toEqual([]);
  });
});
