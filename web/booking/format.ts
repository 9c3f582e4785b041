// Dates, times, money and durations for the booking page. Times are always shown
// in the branch's time zone (never the visitor's); calendar dates are plain
// "YYYY-MM-DD" keys, formatted at UTC noon so no zone can shift them.
import type { Lang, T } from './i18n';

const cache = new Map<string, Intl.DateTimeFormat>();
function dtf(locale: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(opts);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, opts);
    cache.set(key, f);
  }
  return f;
}

const pad = (n: number) => String(n).padStart(2, '0');

function parts(d: Date, tz: string): Record<string, string> {
  const out: Record<string, string> = {};
  const f = dtf('en-GB', {
    timeZone: tz,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  for (const p of f.formatToParts(d)) out[p.type] = p.value;
  return out;
}

/** The calendar date ("2025-11-24") of an instant in a time zone. */
export function dateKeyIn(d: Date | string, tz: string): string {
  const p = parts(typeof d === 'string' ? new Date(d) : d, tz);
  return `${p.year}-${p.month}-${p.day}`;
}

/** "14:30": the wall-clock time of an instant in a time zone (24 h). */
export function timeIn(d: Date | string, tz: string): string {
  const p = parts(typeof d === 'string' ? new Date(d) : d, tz);
  return `${pad(Number(p.hour) % 24)}:${p.minute}`;
}

function keyToDate(key: string): Date {
  const [y, m, d] = key.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d, 12));
}

export function addDays(key: string, n: number): string {
  const d = keyToDate(key);
  d.setUTCDate(d.getUTCDate() + n);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Weekday of a date key: "пн" / "Mon". */
export function weekdayShort(key: string, lang: Lang): string {
  return dtf(lang, { timeZone: 'UTC', weekday: 'short' }).format(keyToDate(key));
}

/** "Monday, 24 November" */
export function longDay(key: string, lang: Lang): string {
  return dtf(lang, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(keyToDate(key));
}

/** "Monday, 24 November, 14:30": an instant in the branch's zone. */
export function longWhen(iso: string, tz: string, lang: Lang): string {
  return `${longDay(dateKeyIn(iso, tz), lang)}, ${timeIn(iso, tz)}`;
}

const CITIES: Record<string, Record<Lang, string>> = {
  'Europe/Kyiv': { uk: 'Київ', ru: 'Киев', en: 'Kyiv' },
  'Europe/Kiev': { uk: 'Київ', ru: 'Киев', en: 'Kyiv' },
  'Europe/Warsaw': { uk: 'Варшава', ru: 'Варшава', en: 'Warsaw' },
  'Europe/Berlin': { uk: 'Берлін', ru: 'Берлин', en: 'Berlin' },
  'Europe/London': { uk: 'Лондон', ru: 'Лондон', en: 'London' },
  'Europe/Chisinau': { uk: 'Кишинів', ru: 'Кишинёв', en: 'Chișinău' },
  'Europe/Vilnius': { uk: 'Вільнюс', ru: 'Вильнюс', en: 'Vilnius' },
  'Europe/Prague': { uk: 'Прага', ru: 'Прага', en: 'Prague' },
};

/** The city of a zone id, for "times are in Kyiv time": "Europe/Kyiv" -> "Київ". */
export function tzCity(tz: string, lang: Lang): string {
  return CITIES[tz]?.[lang] ?? tz.split('/').pop()!.replace(/_/g, ' ');
}

/** Whether the visitor's device clock is in another zone right now. */
export function tzDiffers(tz: string, now = new Date()): boolean {
  try {
    const mine = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (mine === tz) return false;
    return `${dateKeyIn(now, tz)} ${timeIn(now, tz)}` !== `${dateKeyIn(now, mine)} ${timeIn(now, mine)}`;
  } catch {
    return false;
  }
}

export function formatDuration(minutes: number, t: T): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return t('durM', { m });
  return m === 0 ? t('durH', { h }) : t('durHM', { h, m });
}

const money = new Map<string, Intl.NumberFormat | null>();
function moneyFormat(lang: Lang, currency: string, digits: number): Intl.NumberFormat | null {
  const key = `${lang}|${currency}|${digits}`;
  if (!money.has(key)) {
    try {
      money.set(
        key,
        new Intl.NumberFormat(lang, {
          style: 'currency',
          currency,
          currencyDisplay: 'narrowSymbol',
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
        }),
      );
    } catch {
      money.set(key, null);
    }
  }
  return money.get(key)!;
}

/** Minor digits of a currency (UAH 2, JPY 0). */
function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * A price in minor units, or a range: "800 ₴", "800–1 200 ₴" (uk), "₴800 – ₴1,200" (en).
 * Kopiyky only when there are any.
 */
export function formatPrice(min: number, max: number | null | undefined, currency: string, lang: Lang): string {
  const digits = currencyDigits(currency);
  const scale = 10 ** digits;
  const whole = min % scale === 0 && (max == null || max % scale === 0);
  const f = moneyFormat(lang, currency, whole ? 0 : digits);
  const a = min / scale;
  if (!f) {
    const plain = (v: number) => v.toFixed(whole ? 0 : digits);
    return max == null || max === min ? `${plain(a)} ${currency}` : `${plain(a)}–${plain(max / scale)} ${currency}`;
  }
  if (max == null || max === min) return f.format(a);
  const b = max / scale;
  // formatRange: Chrome 106+, Safari 15.4+; older in-app browsers get "a – b".
  const range = (f as Intl.NumberFormat & { formatRange?: (x: number, y: number) => string }).formatRange;
  return range ? range.call(f, a, b) : `${f.format(a)} – ${f.format(b)}`;
}

/** The summed price of several services (a range when any of them has one). */
export function totalPrice(items: readonly { price_min: number; price_max: number | null }[]): [number, number | null] {
  let lo = 0;
  let hi = 0;
  let ranged = false;
  for (const s of items) {
    lo += s.price_min;
    hi += s.price_max ?? s.price_min;
    if (s.price_max != null && s.price_max !== s.price_min) ranged = true;
  }
  return [lo, ranged ? hi : null];
}

const icsDate = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
const icsText = (s: string) => s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/([,;])/g, '\\$1');

/** An iCalendar event for the visitor's calendar app, as a data: URL for a plain download link. */
export function icsHref(ev: { uid: string; start: string; end: string; title: string; location: string; url: string }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Kvitka//Online booking//EN',
    'BEGIN:VEVENT',
    `UID:${ev.uid}`,
    `DTSTAMP:${icsDate(new Date().toISOString())}`,
    `DTSTART:${icsDate(ev.start)}`,
    `DTEND:${icsDate(ev.end)}`,
    `SUMMARY:${icsText(ev.title)}`,
    `LOCATION:${icsText(ev.location)}`,
    `DESCRIPTION:${icsText(ev.url)}`,
    `URL:${ev.url}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `data:text/calendar;charset=utf-8,${encodeURIComponent(lines.join('\r\n'))}`;
}
