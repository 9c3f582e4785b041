import { describe, expect, it } from 'vitest';
import {
  dayOff,
  draftFromIntervals,
  formatTime,
  fromMinutes,
  intervalsFromDraft,
  intervalsText,
  parseTime,
  toMinutes,
  workDay,
  workedMinutes,
} from './time';

describe('local times', () => {
  it('parses and prints HH:MM', () => {
    expect(parseTime('09:00')).toBe(540);
    expect(parseTime('9:05')).toBe(545);
    expect(parseTime('23:59')).toBe(1439);
    expect(parseTime('00:00')).toBe(0);
    expect(parseTime('24:00')).toBe(1440);
    for (const bad of ['', '9', '25:00', '24:01', '12:60', 'ab:cd', '12:5']) expect(parseTime(bad), bad).toBeNull();
    expect(formatTime(540)).toBe('09:00');
    expect(formatTime(0)).toBe('00:00');
    expect(formatTime(1560)).toBe('02:00');
    expect(formatTime(1440)).toBe('00:00');
  });

  it('reads an end before the start as the next day', () => {
    expect(toMinutes({ start: '09:00', end: '18:00' })).toEqual({ start: 540, end: 1080 });
    expect(toMinutes({ start: '22:00', end: '02:00' })).toEqual({ start: 1320, end: 1560 });
    expect(toMinutes({ start: '20:00', end: '00:00' })).toEqual({ start: 1200, end: 1440 });
    expect(toMinutes({ start: '09:00', end: '24:00' })).toEqual({ start: 540, end: 1440 });
    // Equal times are a whole day, as the server reads them.
    expect(toMinutes({ start: '09:00', end: '09:00' })).toEqual({ start: 540, end: 1980 });
    expect(toMinutes({ start: '00:00', end: '00:00' })).toEqual({ start: 0, end: 1440 });
    expect(toMinutes({ start: 'x', end: '09:00' })).toBeNull();
  });

  it('prints minute intervals back as local times', () => {
    expect(fromMinutes({ start: 1320, end: 1560 })).toEqual({ start: '22:00', end: '02:00' });
    expect(fromMinutes({ start: 540, end: 1440 })).toEqual({ start: '09:00', end: '00:00' });
    expect(fromMinutes({ start: 0, end: 1440 })).toEqual({ start: '00:00', end: '24:00' });
    for (const iv of [{ start: '22:00', end: '02:00' }, { start: '09:00', end: '13:00' }, { start: '00:00', end: '24:00' }, { start: '09:00', end: '09:00' }]) {
      expect(fromMinutes(toMinutes(iv)!)).toEqual(iv);
    }
  });

  it('describes and sums intervals', () => {
    expect(intervalsText([{ start: '09:00', end: '13:00' }, { start: '14:00', end: '18:00' }])).toBe('09:00–13:00, 14:00–18:00');
    expect(workedMinutes([{ start: '22:00', end: '02:00' }, { start: '09:00', end: '10:30' }])).toBe(330);
  });
});

describe('a day as hours and breaks', () => {
  it('turns intervals into hours with breaks and back', () => {
    const intervals = [
      { start: '14:00', end: '18:00' },
      { start: '09:00', end: '13:00' },
    ];
    const draft = draftFromIntervals(intervals);
    expect(draft).toEqual({ off: false, start: '09:00', end: '18:00', breaks: [{ start: '13:00', end: '14:00' }] });
    expect(intervalsFromDraft(draft)).toEqual({
      intervals: [
        { start: '09:00', end: '13:00' },
        { start: '14:00', end: '18:00' },
      ],
      errors: {},
    });
    expect(draftFromIntervals([])).toEqual(dayOff());
    expect(intervalsFromDraft(dayOff()).intervals).toEqual([]);
  });

  it('keeps a night shift whole and splits it at a break before midnight', () => {
    expect(intervalsFromDraft(workDay('22:00', '06:00')).intervals).toEqual([{ start: '22:00', end: '06:00' }]);
    expect(intervalsFromDraft(workDay('18:00', '02:00', [{ start: '22:00', end: '22:30' }])).intervals).toEqual([
      { start: '18:00', end: '22:00' },
      { start: '22:30', end: '02:00' },
    ]);
    expect(draftFromIntervals([{ start: '18:00', end: '22:00' }, { start: '22:30', end: '02:00' }])).toEqual(
      workDay('18:00', '02:00', [{ start: '22:00', end: '22:30' }]),
    );
  });

  it('sorts several breaks', () => {
    const day = workDay('08:00', '20:00', [
      { start: '16:00', end: '16:15' },
      { start: '12:00', end: '13:00' },
    ]);
    expect(intervalsFromDraft(day).intervals).toEqual([
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '16:00' },
      { start: '16:15', end: '20:00' },
    ]);
  });

  it('names what is wrong', () => {
    expect(intervalsFromDraft(workDay('', '18:00')).errors).toEqual({ start: 'required' });
    expect(intervalsFromDraft(workDay('9', '18:00')).errors).toEqual({ start: 'invalid_time' });
    expect(intervalsFromDraft(workDay('09:00', '24:00')).intervals).toEqual([{ start: '09:00', end: '00:00' }]);
    expect(intervalsFromDraft(workDay('00:00', '00:00')).intervals).toEqual([{ start: '00:00', end: '24:00' }]);
    expect(intervalsFromDraft(workDay('10:00', '24:00')).errors).toEqual({});
    expect(intervalsFromDraft(workDay('09:00', '18:00', [{ start: '08:00', end: '08:30' }])).errors).toEqual({
      breaks: { 0: 'break_outside' },
    });
    expect(intervalsFromDraft(workDay('09:00', '18:00', [{ start: '17:30', end: '18:00' }])).errors).toEqual({
      breaks: { 0: 'break_outside' },
    });
    expect(
      intervalsFromDraft(
        workDay('09:00', '18:00', [
          { start: '12:00', end: '13:00' },
          { start: '12:30', end: '13:30' },
        ]),
      ).errors,
    ).toEqual({ breaks: { 1: 'overlapping_intervals' } });
    expect(intervalsFromDraft(workDay('22:00', '06:00', [{ start: '02:00', end: '02:30' }])).errors).toEqual({
      breaks: { 0: 'after_midnight' },
    });
    expect(intervalsFromDraft(workDay('09:00', '18:00', [{ start: '', end: '13:00' }])).errors).toEqual({
      breaks: { 0: 'required' },
    });
  });
});
