// Optional columns of the client list; the choice is remembered per browser.
import type { Role } from '../identity/types';
import { canSeeContacts } from './permissions';

export const COLUMNS = [
  'phone',
  'email',
  'tags',
  'birthday',
  'last_visit',
  'visits',
  'total_spent',
  'source',
  'created',
] as const;
export type Column = (typeof COLUMNS)[number];

export const CONTACT_COLUMNS: readonly Column[] = ['phone', 'email'];
export const DEFAULT_COLUMNS: readonly Column[] = ['phone', 'tags', 'last_visit', 'visits', 'total_spent'];

export const COLUMNS_STORAGE_KEY = 'kvitka.clients.columns';

function isColumn(v: unknown): v is Column {
  return (COLUMNS as readonly unknown[]).includes(v);
}

/** The remembered choice (in the canonical order), or the defaults. */
export function loadColumns(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): Column[] {
  try {
    const raw = storage?.getItem(COLUMNS_STORAGE_KEY);
    if (raw) {
      const parsed: unknown = JSON.parse(raw);
      if (Array.isArray(parsed)) return COLUMNS.filter((c) => parsed.filter(isColumn).includes(c));
    }
  } catch {
    // unreadable storage: defaults
  }
  return [...DEFAULT_COLUMNS];
}

export function saveColumns(
  columns: readonly Column[],
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage,
): void {
  try {
    storage?.setItem(COLUMNS_STORAGE_KEY, JSON.stringify(COLUMNS.filter((c) => columns.includes(c))));
  } catch {
    // private mode or full storage: the choice lasts for this page only
  }
}

/** The columns a role may see out of a choice (masters get no contacts). */
export function columnsFor(role: Role, chosen: readonly Column[]): Column[] {
  return COLUMNS.filter((c) => chosen.includes(c) && (canSeeContacts(role) || !CONTACT_COLUMNS.includes(c)));
}

/** Columns offered in the column picker to a role. */
export function columnsOffered(role: Role): Column[] {
  return COLUMNS.filter((c) => canSeeContacts(role) || !CONTACT_COLUMNS.includes(c));
}
