import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { formatDuration } from './duration';
import { formatAmount, formatPrice, parsePriceRange, priceEditText } from './price';

const tr = (lang: string) => i18n.getFixedT(lang);

describe('service prices', () => {
  it('formats a fixed price and a range in each language', () => {
    expect(formatPrice(tr('uk'), 80000, null, 'UAH', 'uk')).toBe('800 ₴');
    expect(formatPrice(tr('uk'), 80000, 120000, 'UAH', 'uk')).toBe('від 800 до 1 200 ₴');
    expect(formatPrice(tr('ru'), 80000, 120000, 'UAH', 'ru')).toBe('от 800 до 1 200 ₴');
    expect(formatPrice(tr('en'), 80000, 120000, 'UAH', 'en')).toBe('800–1,200 ₴');
    expect(formatPrice(tr('en'), 80000, null, 'UAH', 'en')).toBe('800 ₴');
    // An upper bound equal to the lower one is a fixed price.
    expect(formatPrice(tr('uk'), 80000, 80000, 'UAH', 'uk')).toBe('800 ₴');
  });

  it('shows kopiyky only when there are any', () => {
    expect(formatAmount(123450, 'UAH', 'uk')).toBe('1 234,50');
    expect(formatAmount(123400, 'UAH', 'en')).toBe('1,234');
    expect(formatAmount(5, 'UAH', 'en')).toBe('0.05');
    expect(formatAmount(0, 'UAH', 'uk')).toBe('0');
    expect(formatAmount(1500, 'JPY', 'en')).toBe('1,500');
  });

  it('parses what is typed into the inline editor', () => {
    expect(parsePriceRange('800')).toEqual({ min: 80000, max: null });
    expect(parsePriceRange('800-1200')).toEqual({ min: 80000, max: 120000 });
    expect(parsePriceRange('800 – 1 200')).toEqual({ min: 80000, max: 120000 });
    expect(parsePriceRange('800—1200 ₴')).toEqual({ min: 80000, max: 120000 });
    expect(parsePriceRange('від 800 до 1 200 ₴')).toEqual({ min: 80000, max: 120000 });
    expect(parsePriceRange('от 800 до 1200')).toEqual({ min: 80000, max: 120000 });
    expect(parsePriceRange('800 to 1200')).toEqual({ min: 80000, max: 120000 });
    expect(parsePriceRange('99,50')).toEqual({ min: 9950, max: null });
    expect(parsePriceRange('500-500')).toEqual({ min: 50000, max: null });
    for (const bad of ['', 'abc', '1200-800', '1-2-3', '-5', '1.999']) expect(parsePriceRange(bad), bad).toBeNull();
  });

  it('starts the editor with plain numbers that parse back', () => {
    expect(priceEditText(80000, null)).toBe('800');
    expect(priceEditText(80000, 120000)).toBe('800-1200');
    expect(priceEditText(9950, null)).toBe('99.50');
    for (const [min, max] of [[80000, null], [80000, 120000], [9950, 15075]] as const) {
      expect(parsePriceRange(priceEditText(min, max))).toEqual({ min, max });
    }
  });

  it('formats durations', () => {
    expect(formatDuration(tr('en'), 45)).toBe('45 min');
    expect(formatDuration(tr('en'), 60)).toBe('1 h');
    expect(formatDuration(tr('uk'), 90)).toBe('1 год 30 хв');
    expect(formatDuration(tr('ru'), 1440)).toBe('24 ч');
  });
});
