// The client list filter: one typed object that round-trips through the page
// URL (so back/forward and reload keep it), the list and export query, and a
// saved segment's `filter` JSON.
import { CHANNELS, GENDERS, SOURCES, type Channel, type Gender, type Source } from './types';

export interface ClientFilter {
  q?: string;
  tag_ids?: number[];
  gender?: Gender;
  age_min?: number;
  age_max?: number;
  /** MM-DD */
  birthday_from?: string;
  /** MM-DD */
  birthday_to?: string;
  source?: Source;
  consent?: Channel;
  /** YYYY-MM-DD */
  created_from?: string;
  created_to?: string;
  last_visit_before?: string;
  last_visit_after?: string;
  visits_min?: number;
  visits_max?: number;
  /** Minor units. */
  spent_min?: number;
  spent_max?: number;
  no_shows_min?: number;
  sleeping_days?: number;
  /** Archived clients instead of the active ones. */
  archived?: boolean;
}

type Kind = 'text' | 'ids' | 'int' | 'monthDay' | 'date' | 'gender' | 'source' | 'channel' | 'flag';

/** Every filter key in the order it is written to a query string. */
export const FILTER_KEYS = {
  q: 'text',
  tag_ids: 'ids',
  gender: 'gender',
  age_min: 'int',
  age_max: 'int',
  birthday_from: 'monthDay',
  birthday_to: 'monthDay',
  source: 'source',
  consent: 'channel',
  created_from: 'date',
  created_to: 'date',
  last_visit_before: 'date',
  last_visit_after: 'date',
  visits_min: 'int',
  visits_max: 'int',
  spent_min: 'int',
  spent_max: 'int',
  no_shows_min: 'int',
  sleeping_days: 'int',
  archived: 'flag',
} as const satisfies Record<keyof ClientFilter, Kind>;

export type FilterKey = keyof typeof FILTER_KEYS;
const KEYS = Object.keys(FILTER_KEYS) as FilterKey[];

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** "MM-DD" of a day that exists in some year (02-29 does, 02-30 does not). */
export function isMonthDay(s: string): boolean {
  if (!MONTH_DAY.test(s)) return false;
  const [m, d] = s.split('-').map(Number);
  return d <= DAYS_IN_MONTH[m - 1];
}

export function isIsoDate(s: string): boolean {
  return DATE.test(s);
}

/** A parsed value for a key, or undefined when the raw value is not valid. */
function parseValue(kind: Kind, raw: unknown): unknown {
  switch (kind) {
    case 'text': {
      if (typeof raw !== 'string') return undefined;
      const s = raw.trim();
      return s ? s : undefined;
    }
    case 'ids': {
      const parts = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [];
      const ids = [...new Set(parts.map((p) => toInt(p)).filter((n): n is number => n !== undefined && n > 0))];
      return ids.length ? ids : undefined;
    }
    case 'int':
      return toInt(raw);
    case 'monthDay':
      return typeof raw === 'string' && isMonthDay(raw) ? raw : undefined;
    case 'date':
      return typeof raw === 'string' && DATE.test(raw) ? raw : undefined;
    case 'gender':
      return (GENDERS as readonly unknown[]).includes(raw) ? raw : undefined;
    case 'source':
      return (SOURCES as readonly unknown[]).includes(raw) ? raw : undefined;
    case 'channel':
      return (CHANNELS as readonly unknown[]).includes(raw) ? raw : undefined;
    case 'flag':
      // Only "true" is worth keeping: false is the server's default.
      return raw === true || raw === 'true' ? true : undefined;
  }
}

function toInt(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isSafeInteger(raw) && raw >= 0 ? raw : undefined;
  if (typeof raw !== 'string' || !/^\s*\d{1,15}\s*$/.test(raw)) return undefined;
  return Number(raw.trim());
}

/** Drops unknown keys and invalid or empty values. */
export function normalizeFilter(input: Record<string, unknown>): ClientFilter {
  const out: Record<string, unknown> = {};
  for (const key of KEYS) {
    const value = parseValue(FILTER_KEYS[key], input[key]);
    if (value !== undefined) out[key] = value;
  }
  return out as ClientFilter;
}

/** Query parameters of a filter, in a fixed order (stable query keys and URLs). */
export function filterToParams(filter: ClientFilter): URLSearchParams {
  const params = new URLSearchParams();
  const clean = normalizeFilter(filter as Record<string, unknown>);
  for (const key of KEYS) {
    const value = clean[key];
    if (value === undefined) continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return params;
}

/** The filter in a query string; anything unknown or invalid is ignored. */
export function filterFromParams(params: URLSearchParams): ClientFilter {
  const raw: Record<string, unknown> = {};
  for (const key of KEYS) {
    const value = params.get(key);
    if (value !== null) raw[key] = value;
  }
  return normalizeFilter(raw);
}

/** The `filter` object of a saved segment (ids as an array, numbers as numbers). */
export function filterToSegment(filter: ClientFilter): Record<string, unknown> {
  return { ...normalizeFilter(filter as Record<string, unknown>) };
}

export function filterFromSegment(segmentFilter: unknown): ClientFilter {
  return segmentFilter && typeof segmentFilter === 'object'
    ? normalizeFilter(segmentFilter as Record<string, unknown>)
    : {};
}

export function sameFilter(a: ClientFilter, b: ClientFilter): boolean {
  return filterToParams(a).toString() === filterToParams(b).toString();
}

/** How many filters besides the search text are set. */
export function activeFilterCount(filter: ClientFilter): number {
  return KEYS.filter((k) => k !== 'q' && normalizeFilter(filter as Record<string, unknown>)[k] !== undefined)
    .length;
}

/** The filter without one key (chip "x" buttons). */
export function withoutKey(filter: ClientFilter, key: FilterKey): ClientFilter {
  const next = { ...filter };
  delete next[key];
  return next;
}

/**
 * Problems a user can fix before asking the server: reversed ranges.
 * Returns the keys of the upper bounds that are below their lower bounds.
 */
export function rangeErrors(filter: ClientFilter): FilterKey[] {
  const pairs: [FilterKey, FilterKey][] = [
    ['age_min', 'age_max'],
    ['visits_min', 'visits_max'],
    ['spent_min', 'spent_max'],
    ['created_from', 'created_to'],
  ];
  const out: FilterKey[] = [];
  for (const [lo, hi] of pairs) {
    const a = filter[lo];
    const b = filter[hi];
    if (a !== undefined && b !== undefined && a > b) out.push(hi);
  }
  return out;
}
