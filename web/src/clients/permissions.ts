import type { Role } from '../identity/types';

// Mirrors the server's rules for the clients module; the server stays the
// authority (403 answers are shown as they come).

/** Create, edit, archive, merge, import, export: everyone but masters. */
export function canEditClients(role: Role): boolean {
  return role !== 'master';
}

/** Phones, email, last and middle names: the API leaves them out for masters. */
export function canSeeContacts(role: Role): boolean {
  return role !== 'master';
}

/** Erasing a person's data on request: owners only. */
export function canEraseClients(role: Role): boolean {
  return role === 'owner';
}
