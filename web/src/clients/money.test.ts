import { describe, expect, it } from 'vitest';
import { currencyDigits, formatMoney, minorToDecimal, parseMoney } from './money';

describe('money in minor units', () => {
  it('prints minor units as a decimal string', () => {
    expect(minorToDecimal(0)).toBe('0.00');
    expect(minorToDecimal(5)).toBe('0.05');
    expect(minorToDecimal(123450)).toBe('1234.50');
    expect(minorToDecimal(-199)).toBe('-1.99');
    expect(minorToDecimal(9007199254740991)).toBe('90071992547409.91');
    expect(minorToDecimal(500, 0)).toBe('500');
  });

  it('parses what people type into minor units', () => {
    expect(parseMoney('1234')).toBe(123400);
    expect(parseMoney('1234.5')).toBe(123450);
    expect(parseMoney('1234,50')).toBe(123450);
    expect(parseMoney('1 234,50')).toBe(123450);
    expect(parseMoney('1\u00a0234,50 ₴')).toBe(123450);
    expect(parseMoney('1,234.50')).toBe(123450);
    expect(parseMoney('1.234,50')).toBe(123450);
    expect(parseMoney('1.234.567')).toBe(123456700);
    expect(parseMoney('0,1')).toBe(10);
    expect(parseMoney(',5')).toBe(50);
    expect(parseMoney('12,')).toBe(1200);
    expect(parseMoney('0.01')).toBe(1);
    expect(parseMoney('-5')).toBe(-500);
  });

  it('is exact where floating point is not', () => {
    // 0.1 + 0.2 style traps and 1.005 * 100 = 100.49999…
    expect(parseMoney('1.005')).toBeNull();
    expect(parseMoney('0.29')).toBe(29);
    expect(parseMoney('1.15')).toBe(115);
    expect(parseMoney('4.35')).toBe(435);
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', ' ', '-', 'abc', '1.2.3,4.5', '1,2,3', '1.999', '5-3', '1.2,3', '1,234', '1.999']) {
      expect(parseMoney(bad), bad).toBeNull();
    }
  });

  it('round-trips through the input text', () => {
    for (const minor of [0, 1, 99, 100, 123450, 100000000]) {
      expect(parseMoney(minorToDecimal(minor))).toBe(minor);
    }
  });

  it('formats with the currency in the locale', () => {
    expect(currencyDigits('UAH')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    const en = formatMoney(123450, 'UAH', 'en');
    expect(en).toContain('1,234.50');
    expect(en).toContain('₴');
    expect(formatMoney(123450, 'UAH', 'uk').replace(/\s/g, ' ')).toContain('1 234,50');
    expect(formatMoney(1, 'EUR', 'en')).toBe('€0.01');
    expect(formatMoney(500, 'JPY', 'en')).toBe('¥500');
  });
});
