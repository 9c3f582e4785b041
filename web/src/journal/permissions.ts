import type { Role } from '../identity/types';

// Mirrors the server's rules for the booking module; the server stays the
// authority (403 answers are shown as they come).

/** Book, move, resize, cancel, group classes, waitlist: everyone but masters. */
export function canBook(role: Role): boolean {
  return role !== 'master';
}

/** The visit record (notes, formula): every role, masters included. */
export function canEditVisit(role: Role): boolean {
  return role === 'owner' || role === 'admin' || role === 'manager' || role === 'master';
}
