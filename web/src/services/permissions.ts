import type { Role } from '../identity/types';

// Mirrors the server's rules for the catalog and staff modules; the server
// stays the authority (403 answers are shown as they come).

/** Services, categories, rooms, masters, schedules: everyone but masters. */
export function canEditCatalog(role: Role): boolean {
  return role !== 'master';
}
