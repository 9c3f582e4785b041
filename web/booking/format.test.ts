import { afterEach, describe, expect, it } from 'vitest';
import { addDays, dateKeyIn, formatDuration, formatPrice, icsHref, longWhen, timeIn, totalPrice, tzCity } from './format';
import { translator } from './i18n';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatPrice', () => {
  it('shows a fixed price without kopiyky when there are none', () => {
    expect(plain(formatPrice(80000, null, 'UAH', 'uk'))).toBe('800 ₴');
    expect(plain(formatPrice(80000, 80000, 'UAH', 'uk'))).toBe('800 ₴');
    expect(plain(formatPrice(123450, null, 'UAH', 'uk'))).toBe('1 234,50 ₴');
    expect(plain(formatPrice(45050, null, 'UAH', 'en'))).toBe('₴450.50');
  });

  it('shows a range over masters in the page language', () => {
    expect(plain(formatPrice(80000, 120000, 'UAH', 'uk'))).toBe('800–1 200 ₴');
    expect(plain(formatPrice(80000, 120000, 'UAH', 'ru'))).toBe('800–1 200 ₴');
    expect(plain(formatPrice(80000, 120000, 'UAH', 'en'))).toBe('₴800 – ₴1,200');
  });

  it('falls back to the code for an unknown currency', () => {
    expect(formatPrice(80000, null, 'XX', 'uk')).toBe('800 XX');
  });

  it('sums several services into a range when any has one', () => {
    expect(totalPrice([{ price_min: 80000, price_max: 120000 }, { price_min: 100000, price_max: null }])).toEqual([180000, 220000]);
    expect(totalPrice([{ price_min: 80000, price_max: null }, { price_min: 100000, price_max: 100000 }])).toEqual([180000, null]);
  });
});

describe('times in the branch zone', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    process.env.TZ = saved;
  });

  it('are the same whatever the visitor zone is', () => {
    process.env.TZ = 'America/New_York';
    // The process really is in New York now: 12:30 UTC is 07:30 there.
    expect(new Date('2025-11-24T12:30:00Z').getHours()).toBe(7);
    expect(timeIn('2025-11-24T12:30:00Z', 'Europe/Kyiv')).toBe('14:30');
    expect(timeIn('2025-07-01T12:30:00Z', 'Europe/Kyiv')).toBe('15:30'); // summer time
    expect(timeIn('2025-11-24T22:00:00Z', 'Europe/Kyiv')).toBe('00:00');
    expect(dateKeyIn('2025-11-24T22:30:00Z', 'Europe/Kyiv')).toBe('2025-11-25');
    expect(dateKeyIn('2025-11-24T22:30:00Z', 'America/New_York')).toBe('2025-11-24');
    process.env.TZ = 'Asia/Tokyo';
    expect(timeIn('2025-11-24T12:30:00Z', 'Europe/Kyiv')).toBe('14:30');
    expect(longWhen('2025-11-24T12:30:00Z', 'Europe/Kyiv', 'en')).toBe('Monday, November 24, 14:30');
    expect(longWhen('2025-11-24T12:30:00Z', 'Europe/Kyiv', 'uk')).toBe('понеділок, 24 листопада, 14:30');
  });

  it('adds calendar days across months and zone changes', () => {
    expect(addDays('2025-10-25', 2)).toBe('2025-10-27');
    expect(addDays('2025-11-28', 7)).toBe('2025-12-05');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });

  it('names the zone by its city', () => {
    expect(tzCity('Europe/Kyiv', 'uk')).toBe('Київ');
    expect(tzCity('Europe/Kyiv', 'en')).toBe('Kyiv');
    expect(tzCity('America/New_York', 'uk')).toBe('New York');
  });
});

describe('formatDuration', () => {
  it('shows hours and minutes', () => {
    const t = translator('uk');
    expect(formatDuration(45, t)).toBe('45 хв');
    expect(formatDuration(60, t)).toBe('1 год');
    expect(formatDuration(90, t)).toBe('1 год 30 хв');
    expect(formatDuration(90, translator('en'))).toBe('1 h 30 min');
  });
});

describe('icsHref', () => {
  it('is an iCalendar event in UTC', () => {
    const href = icsHref({
      uid: 'abc@kvitka',
      start: '2025-11-24T12:30:00Z',
      end: '2025-11-24T13:30:00Z',
      title: 'Manicure, Pedicure — Kvitka',
      location: 'Kyiv; Podil',
      url: 'http://h/b/podil/m/abc',
    });
    const text = decodeURIComponent(href.replace(/^data:text\/calendar;charset=utf-8,/, ''));
    expect(text).toContain('DTSTART:20251124T123000Z');
    expect(text).toContain('DTEND:20251124T133000Z');
    expect(text).toContain('SUMMARY:Manicure\\, Pedicure — Kvitka');
    expect(text).toContain('LOCATION:Kyiv\\; Podil');
  });
});
