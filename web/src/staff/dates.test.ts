import { describe, expect, it } from 'vitest';
import { addDays, addMonths, datesBetween, gridRange, monthGrid, monthTitle, weekdayNames, weekdayOf } from './dates';

describe('civil dates', () => {
  it('adds days and months across month, year and DST boundaries', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(weekdayOf('2026-11-23')).toBe(0); // Monday
    expect(weekdayOf('2026-11-22')).toBe(6); // Sunday
    expect(datesBetween('2026-11-30', '2026-11-28')).toEqual(['2026-11-28', '2026-11-29', '2026-11-30']);
  });

  it('builds a Monday-first month with leading and trailing days', () => {
    // November 2026 starts on a Sunday and ends on a Monday.
    const weeks = monthGrid('2026-11');
    expect(weeks).toHaveLength(6);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks[0][0]).toEqual({ date: '2026-10-26', day: 26, inMonth: false });
    expect(weeks[0][6]).toEqual({ date: '2026-11-01', day: 1, inMonth: true });
    expect(weeks[5][0]).toEqual({ date: '2026-11-30', day: 30, inMonth: true });
    expect(weeks[5][6]).toEqual({ date: '2026-12-06', day: 6, inMonth: false });
    expect(weeks.flat().filter((c) => c.inMonth)).toHaveLength(30);
    expect(gridRange(weeks)).toEqual({ from: '2026-10-26', to: '2026-12-06' });
  });

  it('needs no leading days when the month starts on a Monday', () => {
    // February 2027: Monday 1st to Sunday 28th, exactly four weeks.
    const weeks = monthGrid('2027-02');
    expect(weeks).toHaveLength(4);
    expect(weeks[0][0].date).toBe('2027-02-01');
    expect(weeks[3][6].date).toBe('2027-02-28');
    expect(weeks.flat().every((c) => c.inMonth)).toBe(true);
  });

  it('names weekdays Monday first and months in the language', () => {
    expect(weekdayNames('en')).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(weekdayNames('uk')[0].toLowerCase()).toMatch(/^пн/);
    expect(monthTitle('2026-11', 'en')).toBe('November 2026');
    expect(monthTitle('2026-11', 'uk')).toMatch(/^Листопад 2026/);
  });
});
