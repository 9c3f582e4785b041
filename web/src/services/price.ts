// Prices of services: minor units (kopiyky) <-> what a person reads and types.
// A service has a fixed price (price_max null) or a range "from 800 to 1 200".
import type { TFunction } from 'i18next';
import { currencyDigits, currencySymbol, minorToDecimal, parseMoney } from '../clients/money';

const numberFormats = new Map<string, Intl.NumberFormat>();

/** 80000 -> "800", 123450 -> "1 234.50" style in the locale; kopiyky only when there are any. */
export function formatAmount(minor: number, currency: string, locale: string): string {
  const digits = currencyDigits(currency);
  const decimal = minorToDecimal(minor, digits);
  if (!decimal) return '';
  const whole = digits === 0 || /\.0+$/.test(decimal);
  const key = `${locale}|${whole ? 0 : digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      minimumFractionDigits: whole ? 0 : digits,
      maximumFractionDigits: whole ? 0 : digits,
    });
    numberFormats.set(key, f);
  }
  // Intl formats decimal strings exactly; group separators become plain spaces
  // (the price is shown with white-space: nowrap, and reads the same in tests).
  return f.format(decimal as unknown as number).replace(/[\u00a0\u202f]/g, ' ');
}

/** "800 ₴", "від 800 до 1 200 ₴" (uk), "от 800 до 1 200 ₴" (ru), "800–1,200 ₴" (en). */
export function formatPrice(
  t: TFunction,
  min: number,
  max: number | null | undefined,
  currency: string,
  locale: string,
): string {
  const symbol = currencySymbol(currency, locale);
  const a = formatAmount(min, currency, locale);
  if (max === null || max === undefined || max === min) return t('services.price.fixed', { amount: a, symbol });
  return t('services.price.range', { min: a, max: formatAmount(max, currency, locale), symbol });
}

export interface PriceRange {
  min: number;
  max: number | null;
}

/**
 * What a person typed as a price -> minor units: "800", "800-1200",
 * "800 – 1 200", "від 800 до 1200 ₴", "1 234,50". Null when it is not a price
 * (or the upper bound is below the lower one).
 */
export function parsePriceRange(input: string, currency = 'UAH'): PriceRange | null {
  const digits = currencyDigits(currency);
  const text = input
    .toLowerCase()
    .replace(/^\s*(від|от|from)\s+/u, '')
    .trim();
  if (!text) return null;
  const parts = text.split(/\s*(?:[–—]|\.\.|\s-\s|(?<=\d)-(?=\d)|\sдо\s|\sto\s)\s*/u);
  if (parts.length > 2) return null;
  const min = parseMoney(parts[0], digits);
  if (min === null || min < 0) return null;
  if (parts.length === 1) return { min, max: null };
  const max = parseMoney(parts[1], digits);
  if (max === null || max < min) return null;
  return { min, max: max === min ? null : max };
}

/** The text an inline price editor starts with: "800" or "800-1200" (plain decimals). */
export function priceEditText(min: number, max: number | null, currency = 'UAH'): string {
  const digits = currencyDigits(currency);
  const plain = (minor: number) => minorToDecimal(minor, digits).replace(/\.0+$/, '');
  return max === null || max === min ? plain(min) : `${plain(min)}-${plain(max)}`;
}
