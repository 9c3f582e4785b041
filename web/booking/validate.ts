// The visitor's contact details: checked here for the obvious (the server checks
// everything again), and the server's field errors mapped onto our fields.
import type { Problem } from './api';

export interface Contact {
  name: string;
  phone: string;
  email: string;
}

/** field -> error code ("name": "required"). */
export type FieldErrors = Record<string, string>;

export function checkContact(c: Contact): FieldErrors {
  const e: FieldErrors = {};
  const name = c.name.trim();
  if (!name) e.name = 'required';
  else if (name.length > 100) e.name = 'too_long';
  const phone = c.phone.trim();
  const digits = phone.replace(/\D/g, '').length;
  if (!phone) e.phone = 'required';
  else if (digits < 7 || digits > 15 || /[^\d\s()+\-.]/.test(phone)) e.phone = 'invalid_phone';
  const email = c.email.trim();
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) e.email = 'invalid_email';
  else if (email.length > 254) e.email = 'too_long';
  return e;
}

const FIELD: Record<string, string> = { 'client.name': 'name', 'client.phone': 'phone', 'client.email': 'email' };

/** The server's 422 field errors keyed by our field names (first per field). */
export function contactFieldErrors(p: Problem | null | undefined): FieldErrors {
  const out: FieldErrors = {};
  for (const e of p?.errors ?? []) {
    const f = FIELD[e.field] ?? e.field;
    if (!(f in out)) out[f] = e.code;
  }
  return out;
}
