import { describe, expect, it } from 'vitest';
import { clearExceptions, isSelected, paintExceptions, selectDay, selectedDates } from './paint';
import type { Schedule } from './types';

const schedule: Schedule = {
  patterns: [{ kind: 'every_day', valid_from: '2026-01-01', valid_until: null, day: [{ start: '09:00', end: '18:00' }] }],
  exceptions: [
    { date: '2026-11-10', intervals: [] },
    { date: '2026-11-20', intervals: [{ start: '10:00', end: '14:00' }] },
  ],
};

describe('painting onto days', () => {
  it('selects a day, then extends to a range from the anchor either way', () => {
    let sel = selectDay(null, '2026-11-12', false);
    expect(sel).toEqual({ anchor: '2026-11-12', start: '2026-11-12', end: '2026-11-12' });
    sel = selectDay(sel, '2026-11-09', true);
    expect(sel).toEqual({ anchor: '2026-11-12', start: '2026-11-09', end: '2026-11-12' });
    sel = selectDay(sel, '2026-11-14', true);
    expect(sel).toEqual({ anchor: '2026-11-12', start: '2026-11-12', end: '2026-11-14' });
    expect(selectedDates(sel)).toEqual(['2026-11-12', '2026-11-13', '2026-11-14']);
    expect(isSelected(sel, '2026-11-13')).toBe(true);
    expect(isSelected(sel, '2026-11-15')).toBe(false);
    expect(selectDay(sel, '2026-11-01', false)).toEqual({ anchor: '2026-11-01', start: '2026-11-01', end: '2026-11-01' });
  });

  it('paints a range as exceptions, replacing those already there', () => {
    const out = paintExceptions(schedule, ['2026-11-09', '2026-11-10', '2026-11-11'], [{ start: '12:00', end: '20:00' }]);
    expect(out.patterns).toBe(schedule.patterns);
    expect(out.exceptions).toEqual([
      { date: '2026-11-09', intervals: [{ start: '12:00', end: '20:00' }] },
      { date: '2026-11-10', intervals: [{ start: '12:00', end: '20:00' }] },
      { date: '2026-11-11', intervals: [{ start: '12:00', end: '20:00' }] },
      { date: '2026-11-20', intervals: [{ start: '10:00', end: '14:00' }] },
    ]);
  });

  it('paints days off and clears exceptions back to the pattern', () => {
    const off = paintExceptions(schedule, selectedDates(selectDay(selectDay(null, '2026-11-21', false), '2026-11-19', true)), []);
    expect(off.exceptions).toEqual([
      { date: '2026-11-10', intervals: [] },
      { date: '2026-11-19', intervals: [] },
      { date: '2026-11-20', intervals: [] },
      { date: '2026-11-21', intervals: [] },
    ]);
    expect(clearExceptions(off, ['2026-11-20', '2026-11-21']).exceptions).toEqual([
      { date: '2026-11-10', intervals: [] },
      { date: '2026-11-19', intervals: [] },
    ]);
  });
});
