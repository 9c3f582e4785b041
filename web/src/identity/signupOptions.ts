// Choices offered on the signup form. The server validates both (IANA zone,
// ISO 4217 code); these lists only make picking easy.

const PREFERRED_ZONES = [
  'Europe/Kyiv',
  'Europe/Warsaw',
  'Europe/Berlin',
  'Europe/London',
  'Europe/Chisinau',
  'Europe/Bucharest',
  'Europe/Vilnius',
  'Europe/Riga',
  'Europe/Tallinn',
  'Europe/Prague',
  'Asia/Tbilisi',
  'Asia/Almaty',
];

/** Old spellings browsers still report, mapped to the current IANA names. */
const RENAMED_ZONES: Record<string, string> = {
  'Europe/Kiev': 'Europe/Kyiv',
  'Europe/Uzhgorod': 'Europe/Kyiv',
  'Europe/Zaporozhye': 'Europe/Kyiv',
};

export function canonicalZone(zone: string): string {
  return RENAMED_ZONES[zone] ?? zone;
}

export function timeZoneOptions(): string[] {
  let all: string[] = [];
  try {
    const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
    all = intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    all = [];
  }
  const rest = all
    .map(canonicalZone)
    .filter((z) => !PREFERRED_ZONES.includes(z))
    .sort();
  return Array.from(new Set([...PREFERRED_ZONES, ...rest]));
}

export function defaultTimeZone(): string {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && zone.includes('/')) return canonicalZone(zone);
  } catch {
    // fall through
  }
  return 'Europe/Kyiv';
}

export const CURRENCIES = ['UAH', 'EUR', 'USD', 'PLN', 'GBP', 'CZK', 'MDL', 'RON', 'GEL', 'KZT', 'CHF'];

export function currencyLabel(code: string, language: string): string {
  try {
    const names = new Intl.DisplayNames([language], { type: 'currency' });
    const name = names.of(code);
    return name && name !== code ? `${code} — ${name}` : code;
  } catch {
    return code;
  }
}
