import { describe, expect, it } from 'vitest';
import {
  buildScheduleBody,
  cycleShape,
  defaultPatternDraft,
  draftFromPattern,
  onOffCycle,
  patternFieldOf,
  patternFromDraft,
} from './pattern';
import { dayOff, workDay } from './time';
import type { Pattern, Schedule } from './types';

const nine = { start: '09:00', end: '18:00' };

describe('pattern editor -> schedule body', () => {
  it('builds a weekly pattern with breaks and days off', () => {
    const draft = defaultPatternDraft('2026-11-23');
    draft.weekdays[0] = workDay('09:00', '18:00', [{ start: '13:00', end: '14:00' }]);
    draft.weekdays[4] = workDay('10:00', '16:00');
    draft.valid_until = '2026-12-31';
    const { pattern, errors } = patternFromDraft(draft);
    expect(errors).toEqual({ days: {} });
    expect(pattern).toEqual({
      kind: 'weekly',
      valid_from: '2026-11-23',
      valid_until: '2026-12-31',
      weekdays: [
        [
          { start: '09:00', end: '13:00' },
          { start: '14:00', end: '18:00' },
        ],
        [nine],
        [nine],
        [nine],
        [{ start: '10:00', end: '16:00' }],
        [],
        [],
      ],
    });
  });

  it('builds a 2-on-2-off cycle and other N-on-M-off cycles', () => {
    const draft = defaultPatternDraft('2026-11-23', 'cycle');
    const { pattern } = patternFromDraft(draft);
    expect(pattern).toEqual({
      kind: 'cycle',
      valid_from: '2026-11-23',
      valid_until: null,
      cycle: [[{ start: '09:00', end: '21:00' }], [{ start: '09:00', end: '21:00' }], [], []],
    });
    const three = onOffCycle(3, 1, workDay('20:00', '08:00'));
    expect(three.map((d) => d.off)).toEqual([false, false, false, true]);
    expect(cycleShape(three)).toEqual({ on: 3, off: 1 });
    expect(cycleShape([workDay(), dayOff(), workDay()])).toBeNull();
    expect(patternFromDraft({ ...draft, cycle: three }).pattern?.cycle).toEqual([
      [{ start: '20:00', end: '08:00' }],
      [{ start: '20:00', end: '08:00' }],
      [{ start: '20:00', end: '08:00' }],
      [],
    ]);
  });

  it('builds one-plan kinds with only `day`', () => {
    for (const kind of ['even_dates', 'odd_dates', 'every_day'] as const) {
      const draft = { ...defaultPatternDraft('2026-11-23', kind), day: workDay('10:00', '22:00') };
      expect(patternFromDraft(draft).pattern).toEqual({
        kind,
        valid_from: '2026-11-23',
        valid_until: null,
        day: [{ start: '10:00', end: '22:00' }],
      });
    }
  });

  it('reports what is wrong, per day', () => {
    const draft = defaultPatternDraft('2026-02-30');
    draft.weekdays[2] = workDay('09:00', '18:00', [{ start: '19:00', end: '19:30' }]);
    draft.valid_until = '2026-01-01';
    const { pattern, errors } = patternFromDraft(draft);
    expect(pattern).toBeNull();
    expect(errors.valid_from).toBe('invalid_date');
    expect(errors.days).toEqual({ 'weekdays.2': { breaks: { 0: 'break_outside' } } });
    expect(patternFromDraft({ ...defaultPatternDraft('2026-11-23', 'cycle'), cycle: [dayOff()] }).errors.cycle).toBe('no_work_days');
    expect(patternFromDraft({ ...defaultPatternDraft('2026-11-23'), valid_until: '2026-11-01' }).errors.valid_until).toBe(
      'before_start',
    );
  });

  it('puts the pattern into the schedule: replace the edited one, one per start day, in date order', () => {
    const old: Pattern = { kind: 'every_day', valid_from: '2026-01-01', valid_until: null, day: [nine] };
    const later: Pattern = { kind: 'every_day', valid_from: '2027-01-01', valid_until: null, day: [nine] };
    const schedule: Schedule = { patterns: [old, later], exceptions: [{ date: '2026-11-25', intervals: [] }] };
    const pattern = patternFromDraft(defaultPatternDraft('2026-11-23')).pattern!;

    const added = buildScheduleBody(schedule, pattern);
    expect(added.body.patterns).toEqual([old, pattern, later]);
    expect(added.index).toBe(1);
    expect(added.body.exceptions).toEqual(schedule.exceptions);

    const replaced = buildScheduleBody(schedule, pattern, 0);
    expect(replaced.body.patterns).toEqual([pattern, later]);
    expect(replaced.index).toBe(0);

    const sameDay = buildScheduleBody(schedule, { ...pattern, valid_from: '2027-01-01' });
    expect(sameDay.body.patterns.map((p) => [p.kind, p.valid_from])).toEqual([
      ['every_day', '2026-01-01'],
      ['weekly', '2027-01-01'],
    ]);
  });

  it('loads an existing pattern back into the editor', () => {
    const p: Pattern = {
      kind: 'weekly',
      valid_from: '2026-11-23',
      valid_until: null,
      weekdays: [[{ start: '09:00', end: '13:00' }, { start: '14:00', end: '18:00' }], [], [], [], [], [], []],
    };
    const draft = draftFromPattern(p);
    expect(draft.weekdays[0]).toEqual(workDay('09:00', '18:00', [{ start: '13:00', end: '14:00' }]));
    expect(draft.weekdays[1].off).toBe(true);
    expect(patternFromDraft(draft).pattern).toEqual(p);
  });

  it('maps server field errors to the edited pattern', () => {
    expect(patternFieldOf('patterns[1].weekdays[2][1]', 1)).toBe('weekdays.2');
    expect(patternFieldOf('patterns[1].cycle[0][0]', 1)).toBe('cycle.0');
    expect(patternFieldOf('patterns[1].valid_from', 1)).toBe('valid_from');
    expect(patternFieldOf('patterns[1].day[0]', 1)).toBe('day');
    expect(patternFieldOf('patterns[0].valid_from', 1)).toBeNull();
    expect(patternFieldOf('exceptions[0].date', 1)).toBeNull();
  });
});
