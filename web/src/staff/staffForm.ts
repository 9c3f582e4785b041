// The master form's values and how they map to and from the API.
import type { TFunction } from 'i18next';
import { isApiError } from '../app/api';
import { fieldErrorText } from '../app/problems';
import { formatPhone } from '../clients/phoneList';
import type { Staff, StaffInput } from './types';

export interface StaffFormValues {
  branch_id: string;
  name: string;
  position: string;
  bio: string;
  phone: string;
  email: string;
  color: string;
  service_ids: string[];
  online_booking: boolean;
  booking_step: string;
  hire_date: string;
  work_permit_expires: string;
  user_id: string | null;
}

export const STAFF_COLORS = [
  '#e64980',
  '#be4bdb',
  '#7950f2',
  '#4c6ef5',
  '#228be6',
  '#15aabf',
  '#12b886',
  '#40c057',
  '#82c91e',
  '#fab005',
  '#fd7e14',
  '#fa5252',
  '#868e96',
  '#a52a68',
];

export function emptyStaffValues(branchId: number | null, index = 0): StaffFormValues {
  return {
    branch_id: branchId === null ? '' : String(branchId),
    name: '',
    position: '',
    bio: '',
    phone: '',
    email: '',
    color: STAFF_COLORS[index % STAFF_COLORS.length],
    service_ids: [],
    online_booking: true,
    booking_step: '15',
    hire_date: '',
    work_permit_expires: '',
    user_id: null,
  };
}

export function valuesFromStaff(s: Staff): StaffFormValues {
  return {
    branch_id: String(s.branch_id),
    name: s.name ?? '',
    position: s.position ?? '',
    bio: s.bio ?? '',
    phone: s.phone ? formatPhone(s.phone) : '',
    email: s.email ?? '',
    color: s.color || STAFF_COLORS[0],
    service_ids: (s.service_ids ?? []).map(String),
    online_booking: s.online_booking,
    booking_step: String(s.booking_step ?? 15),
    hire_date: s.hire_date ?? '',
    work_permit_expires: s.work_permit_expires ?? '',
    user_id: s.user_id === null || s.user_id === undefined ? null : String(s.user_id),
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The form as an API body; contacts only when the form shows them. */
export function staffBody(v: StaffFormValues, opts: { contacts: boolean } = { contacts: true }): StaffInput {
  const body: StaffInput = {
    name: v.name.trim(),
    position: v.position.trim(),
    bio: v.bio.trim(),
    color: v.color.toLowerCase(),
    service_ids: v.service_ids.map(Number),
    online_booking: v.online_booking,
    booking_step: Number(v.booking_step),
    hire_date: orNull(v.hire_date),
    work_permit_expires: orNull(v.work_permit_expires),
    user_id: v.user_id ? Number(v.user_id) : null,
  };
  if (v.branch_id) body.branch_id = Number(v.branch_id);
  if (opts.contacts) {
    body.phone = orNull(v.phone);
    body.email = orNull(v.email);
  }
  return body;
}

/** Only what changed against the master as loaded (PATCH). */
export function staffPatch(before: Staff, v: StaffFormValues, opts: { contacts: boolean }): StaffInput {
  const now = staffBody(v, opts) as Record<string, unknown>;
  const was = staffBody(valuesFromStaff(before), opts) as Record<string, unknown>;
  const digits = (p: unknown) => (typeof p === 'string' ? p.replace(/[^\d+]/g, '') : p);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(now)) {
    const same = key === 'phone' ? digits(now[key]) === digits(was[key]) : JSON.stringify(now[key]) === JSON.stringify(was[key]);
    if (!same) out[key] = now[key];
  }
  return out as StaffInput;
}

export const STAFF_FIELDS = [
  'branch_id',
  'name',
  'position',
  'bio',
  'phone',
  'email',
  'color',
  'service_ids',
  'online_booking',
  'booking_step',
  'hire_date',
  'work_permit_expires',
  'user_id',
] as const;

export function validateStaff(t: TFunction, v: StaffFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!v.name.trim()) errors.name = t('errors.field.required');
  if (!/^#[0-9a-f]{6}$/i.test(v.color)) errors.color = t('errors.field.invalid_color');
  if (v.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim())) errors.email = t('errors.field.invalid_email');
  return errors;
}

/** Field errors of a failed save keyed by form field ("service_ids[2]" -> "service_ids"). */
export function staffFormErrors(t: TFunction, error: unknown): { fields: Record<string, string>; other: string[] } {
  const fields: Record<string, string> = {};
  const other: string[] = [];
  if (!isApiError(error)) return { fields, other };
  for (const fe of error.fieldErrors) {
    const text = fieldErrorText(t, fe);
    const key = fe.field.replace(/\[\d+\].*$/, '');
    if ((STAFF_FIELDS as readonly string[]).includes(key)) {
      if (!(key in fields)) fields[key] = text;
    } else other.push(`${fe.field}: ${text}`);
  }
  return { fields, other };
}
