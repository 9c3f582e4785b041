import { describe, expect, it } from 'vitest';
import { dateInZone, instantToZoned, intervalsByDate, timeInZone, zonedToInstant } from './zoned';

const KYIV = 'Europe/Kyiv';

describe('instants in the branch time zone', () => {
  it('shows instants as the branch wall clock whatever the browser zone', () => {
    expect(timeInZone('2026-11-23T09:00:00+02:00', KYIV)).toBe('09:00');
    expect(timeInZone('2026-11-23T07:00:00Z', KYIV)).toBe('09:00');
    expect(timeInZone('2026-07-01T06:00:00Z', KYIV)).toBe('09:00'); // summer, +03:00
    expect(dateInZone('2026-11-22T23:30:00Z', KYIV)).toBe('2026-11-23');
    expect(timeInZone('2026-11-23T07:00:00Z', 'America/New_York')).toBe('02:00');
  });

  it('turns a wall time into an instant across DST', () => {
    expect(zonedToInstant('2026-11-23T09:00', KYIV)).toBe('2026-11-23T07:00:00Z');
    expect(zonedToInstant('2026-07-01T09:00', KYIV)).toBe('2026-07-01T06:00:00Z');
    // 2026-10-25 03:30 happens twice in Kyiv: the earlier instant.
    expect(zonedToInstant('2026-10-25T03:30', KYIV)).toBe('2026-10-25T00:30:00Z');
    expect(instantToZoned('2026-11-23T07:00:00Z', KYIV)).toBe('2026-11-23T09:00');
    expect(zonedToInstant('nonsense', KYIV)).toBeNull();
  });

  it('groups working intervals by the local day they start on', () => {
    const byDate = intervalsByDate(
      [
        { start: '2026-11-23T09:00:00+02:00', end: '2026-11-23T13:00:00+02:00' },
        { start: '2026-11-23T14:00:00+02:00', end: '2026-11-23T18:00:00+02:00' },
        { start: '2026-11-24T22:00:00+02:00', end: '2026-11-25T02:00:00+02:00' },
        // Across the autumn change: 09:00 local on both sides.
        { start: '2026-10-24T06:00:00Z', end: '2026-10-24T15:00:00Z' },
        { start: '2026-10-26T07:00:00Z', end: '2026-10-26T16:00:00Z' },
      ],
      KYIV,
    );
    expect(byDate.get('2026-11-23')).toEqual([
      { start: '09:00', end: '13:00' },
      { start: '14:00', end: '18:00' },
    ]);
    expect(byDate.get('2026-11-24')).toEqual([{ start: '22:00', end: '02:00' }]);
    expect(byDate.has('2026-11-25')).toBe(false);
    expect(byDate.get('2026-10-24')).toEqual([{ start: '09:00', end: '18:00' }]);
    expect(byDate.get('2026-10-26')).toEqual([{ start: '09:00', end: '18:00' }]);
  });

  it('cuts a run longer than a day at local midnights', () => {
    const byDate = intervalsByDate([{ start: '2026-11-23T00:00:00+02:00', end: '2026-11-25T00:00:00+02:00' }], KYIV);
    expect(byDate.get('2026-11-23')).toEqual([{ start: '00:00', end: '24:00' }]);
    expect(byDate.get('2026-11-24')).toEqual([{ start: '00:00', end: '24:00' }]);
  });
});
