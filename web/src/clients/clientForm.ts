// The client form's values and how they map to and from the API.
import type { TFunction } from 'i18next';
import { isApiError } from '../app/api';
import { fieldErrorText } from '../app/problems';
import { cleanPhones, formatPhone, phoneErrorIndex, phonesForEditing } from './phoneList';
import type { Client, ClientInput, ClientLanguage, Consent, Gender, Source } from './types';

export interface ClientFormValues {
  first_name: string;
  last_name: string;
  middle_name: string;
  phones: string[];
  email: string;
  birthday: string;
  gender: Gender | null;
  language: ClientLanguage | null;
  source: Source | null;
  referred_by_id: number | null;
  tag_ids: number[];
  preferences: string;
  consent: Consent;
  discount_percent: number;
  notes: string;
}

export const NO_CONSENT: Consent = { sms: false, telegram: false, viber: false, email: false };

export function emptyClientValues(): ClientFormValues {
  return {
    first_name: '',
    last_name: '',
    middle_name: '',
    phones: [''],
    email: '',
    birthday: '',
    gender: null,
    language: null,
    source: null,
    referred_by_id: null,
    tag_ids: [],
    preferences: '',
    consent: { ...NO_CONSENT },
    discount_percent: 0,
    notes: '',
  };
}

export function valuesFromClient(c: Client): ClientFormValues {
  return {
    first_name: c.first_name ?? '',
    last_name: c.last_name ?? '',
    middle_name: c.middle_name ?? '',
    phones: phonesForEditing(c.phones?.map(formatPhone)),
    email: c.email ?? '',
    birthday: c.birthday ?? '',
    gender: c.gender ?? null,
    language: c.language ?? null,
    source: c.source ?? null,
    referred_by_id: c.referred_by_id ?? null,
    tag_ids: (c.tags ?? []).map((tag) => tag.id),
    preferences: c.preferences ?? '',
    consent: { ...NO_CONSENT, ...(c.consent ?? {}) },
    discount_percent: c.discount_percent ?? 0,
    notes: c.notes ?? '',
  };
}

const digits = (phone: string) => phone.replace(/[^\d+]/g, '');

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** Everything of the form as an API body (nulls for emptied fields). */
export function inputFromValues(v: ClientFormValues, opts: { contacts: boolean }): ClientInput {
  const body: ClientInput = {
    first_name: v.first_name.trim(),
    birthday: orNull(v.birthday),
    gender: v.gender,
    source: v.source,
    referred_by_id: v.referred_by_id,
    tag_ids: v.tag_ids,
    preferences: orNull(v.preferences),
    consent: v.consent,
    discount_percent: v.discount_percent,
    notes: orNull(v.notes),
  };
  // The language cannot be cleared, only changed.
  if (v.language) body.language = v.language;
  // Masters never see (nor send) contacts and last names.
  if (opts.contacts) {
    body.last_name = orNull(v.last_name);
    body.middle_name = orNull(v.middle_name);
    body.phones = cleanPhones(v.phones);
    body.email = orNull(v.email);
  }
  return body;
}

/** The body of a new client: empty fields left out. */
export function createBody(v: ClientFormValues): ClientInput {
  const full = inputFromValues(v, { contacts: true });
  const out: Record<string, unknown> = {};
  for (const [k, value] of Object.entries(full)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (k === 'discount_percent' && value === 0) continue;
    if (k === 'consent' && !Object.values(value as Consent).some(Boolean)) continue;
    out[k] = value;
  }
  return out as ClientInput;
}

/** Only what changed against the client as loaded (PATCH). */
export function patchBody(before: Client, v: ClientFormValues, opts: { contacts: boolean }): ClientInput {
  const now = inputFromValues(v, opts) as Record<string, unknown>;
  const was = inputFromValues(valuesFromClient(before), opts) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  // Phones are shown formatted ("+380 67 123 45 67"): compare their digits.
  const same = (key: string, a: unknown, b: unknown) =>
    key === 'phones'
      ? JSON.stringify((a as string[]).map(digits)) === JSON.stringify((b as string[]).map(digits))
      : JSON.stringify(a) === JSON.stringify(b);
  for (const key of Object.keys(now)) {
    if (!same(key, now[key], was[key])) out[key] = now[key];
  }
  return out as ClientInput;
}

export const FORM_FIELDS = [
  'first_name',
  'last_name',
  'middle_name',
  'email',
  'birthday',
  'gender',
  'language',
  'source',
  'referred_by_id',
  'tag_ids',
  'preferences',
  'consent',
  'discount_percent',
  'notes',
] as const;

/**
 * Field errors of a failed save keyed by form path ("phones.1", "email"),
 * and the lines for fields the form has no input for.
 */
export function formErrors(
  t: TFunction,
  error: unknown,
  phones: readonly string[],
): { fields: Record<string, string>; other: string[] } {
  const fields: Record<string, string> = {};
  const other: string[] = [];
  if (!isApiError(error)) return { fields, other };
  for (const fe of error.fieldErrors) {
    const text = fieldErrorText(t, fe);
    const phone = /^phones(?:\[(\d+)\]|\.(\d+))?$/.exec(fe.field);
    let key: string | null = null;
    if (phone) key = `phones.${phoneErrorIndex(phones, Number(phone[1] ?? phone[2] ?? 0))}`;
    else if ((FORM_FIELDS as readonly string[]).includes(fe.field)) key = fe.field;
    else if (fe.field.startsWith('consent')) key = 'consent';
    if (key) {
      if (!(key in fields)) fields[key] = text;
    } else other.push(`${fe.field}: ${text}`);
  }
  return { fields, other };
}
