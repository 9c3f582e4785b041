// Money is an integer count of minor units (kopiyky). These helpers convert
// between that and what a person reads and types, with string arithmetic only:
// no floating point anywhere near money.

/** 123450 -> "1234.50" (the plain decimal string, for inputs). */
export function minorToDecimal(minor: number, digits = 2): string {
  if (!Number.isSafeInteger(minor)) return '';
  const negative = minor < 0;
  const abs = String(Math.abs(minor));
  if (digits === 0) return (negative ? '-' : '') + abs;
  const padded = abs.padStart(digits + 1, '0');
  const whole = padded.slice(0, padded.length - digits);
  const frac = padded.slice(padded.length - digits);
  return `${negative ? '-' : ''}${whole}.${frac}`;
}

/**
 * What a person typed -> minor units, or null when it is not an amount.
 * Accepts "1234", "1234.5", "1 234,50", "1,234.50", "1.234.567", "₴ 1234", "-5".
 * More fraction digits than the currency has are refused, not rounded.
 */
export function parseMoney(input: string, digits = 2): number | null {
  let s = input.replace(/[\s\u00a0\u202f']/g, '').replace(/[^\d.,-]/g, '');
  const negative = s.startsWith('-');
  if (negative) s = s.slice(1);
  if (!s || s.includes('-')) return null;
  let whole = s;
  let frac = '';
  const seps = s.match(/[.,]/g) ?? [];
  const lastSep = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
  if (seps.length > 0) {
    const before = s.slice(0, lastSep);
    const after = s.slice(lastSep + 1);
    const mixed = new Set(seps).size > 1;
    // One separator before exactly three digits ("1,234", "1.005") means a
    // thousand in one language and a fraction in another: refused, not guessed.
    if (!mixed && seps.length === 1 && /^\d{3}$/.test(after) && digits < 3) return null;
    // One kind used several times groups thousands ("1.234.567"); otherwise the
    // last separator is the decimal one ("1234,5", "1,234.50").
    const grouping = !mixed && seps.length > 1 && /^\d{1,3}([.,]\d{3})+$/.test(s);
    if (grouping) {
      whole = s.replace(/[.,]/g, '');
    } else {
      if (!mixed && seps.length > 1) return null;
      whole = before;
      frac = after;
      if (mixed && !/^\d{1,3}([.,]\d{3})*$/.test(whole)) return null;
      whole = whole.replace(/[.,]/g, '');
    }
  }
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(frac)) return null;
  if (!whole && !frac) return null;
  if (frac.length > digits) return null;
  const value = Number((whole || '0') + frac.padEnd(digits, '0'));
  if (!Number.isSafeInteger(value)) return null;
  return negative ? -value : value;
}

const formats = new Map<string, Intl.NumberFormat>();

function currencyFormat(locale: string, currency: string): Intl.NumberFormat | null {
  const key = `${locale}|${currency}`;
  let f = formats.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' });
    } catch {
      return null;
    }
    formats.set(key, f);
  }
  return f;
}

/** Number of minor digits of a currency (UAH 2, JPY 0). */
export function currencyDigits(currency: string): number {
  const f = currencyFormat('en', currency);
  return f?.resolvedOptions().maximumFractionDigits ?? 2;
}

/** 123450, "UAH", "uk" -> "1 234,50 ₴". */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = currencyDigits(currency);
  const decimal = minorToDecimal(minor, digits);
  const f = currencyFormat(locale, currency);
  if (!f || !decimal) return `${decimal} ${currency}`.trim();
  // Intl formats decimal strings exactly (no conversion to a float).
  return f.format(decimal as unknown as number);
}

/** The currency's symbol in a locale ("₴" for UAH). */
export function currencySymbol(currency: string, locale: string): string {
  const f = currencyFormat(locale, currency);
  return f?.formatToParts(0).find((p) => p.type === 'currency')?.value ?? currency;
}
