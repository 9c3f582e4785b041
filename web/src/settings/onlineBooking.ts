// Online booking rules of a branch (GET/PUT /api/v1/branches/{id}/online-booking)
// and how the settings form maps to and from them.
import type { TFunction } from 'i18next';
import { api, isApiError } from '../app/api';
import { fieldErrorText } from '../app/problems';
import type { Role } from '../identity/types';

export interface OnlineBookingRules {
  branch_id: number;
  enabled: boolean;
  lead_minutes: number;
  horizon_days: number;
  step_minutes: number;
  auto_confirm: boolean;
  cancel_deadline_minutes: number;
  master_required: boolean;
  max_future_bookings: number;
  phone: string;
  message: string;
  /** Absolute link to the public page; read-only. */
  booking_url: string;
}

export type OnlineBookingInput = Partial<Omit<OnlineBookingRules, 'branch_id' | 'booking_url'>>;

export const onlineBookingKey = (branchId: number) => ['online-booking', branchId] as const;

const path = (branchId: number) => `/api/v1/branches/${branchId}/online-booking`;

export const getOnlineBooking = (branchId: number, signal?: AbortSignal) =>
  api.get<OnlineBookingRules>(path(branchId), { signal });

export const putOnlineBooking = (branchId: number, body: OnlineBookingInput) =>
  api.put<OnlineBookingRules>(path(branchId), body);

/** The server's limits (the contract); the server stays the authority. */
export const LIMITS = {
  lead_minutes: { min: 0, max: 43200 },
  horizon_days: { min: 1, max: 366 },
  cancel_deadline_minutes: { min: 0, max: 43200 },
  max_future_bookings: { min: 1, max: 50 },
  message: { max: 500 },
} as const;

export const STEPS = [5, 10, 15, 20, 30, 60] as const;

/** Owners, admins and managers change the rules; everyone else reads them. */
export function canEditOnlineBooking(role: Role): boolean {
  return role === 'owner' || role === 'admin' || role === 'manager';
}

export const LEAD_UNITS = ['minutes', 'hours', 'days'] as const;
export type LeadUnit = (typeof LEAD_UNITS)[number];
const UNIT_MINUTES: Record<LeadUnit, number> = { minutes: 1, hours: 60, days: 1440 };

export interface OnlineBookingValues {
  enabled: boolean;
  /** In lead_unit; '' while the input is empty. */
  lead: number | string;
  lead_unit: LeadUnit;
  horizon_days: number | string;
  step_minutes: string;
  auto_confirm: boolean;
  cancel_deadline_hours: number | string;
  master_required: boolean;
  max_future_bookings: number | string;
  phone: string;
  message: string;
}

/** The largest unit that shows the lead time as a whole number. */
export function leadUnitFor(minutes: number): LeadUnit {
  if (minutes > 0 && minutes % 1440 === 0) return 'days';
  if (minutes > 0 && minutes % 60 === 0) return 'hours';
  return 'minutes';
}

export function valuesFromRules(r: OnlineBookingRules): OnlineBookingValues {
  const unit = leadUnitFor(r.lead_minutes);
  return {
    enabled: r.enabled,
    lead: r.lead_minutes / UNIT_MINUTES[unit],
    lead_unit: unit,
    horizon_days: r.horizon_days,
    step_minutes: String(r.step_minutes),
    auto_confirm: r.auto_confirm,
    // Two decimals at most: 90 minutes is 1.5 hours.
    cancel_deadline_hours: Math.round((r.cancel_deadline_minutes / 60) * 100) / 100,
    master_required: r.master_required,
    max_future_bookings: r.max_future_bookings,
    phone: r.phone ?? '',
    message: r.message ?? '',
  };
}

const num = (v: number | string): number => (typeof v === 'number' ? v : v.trim() === '' ? NaN : Number(v));

export function leadMinutes(v: Pick<OnlineBookingValues, 'lead' | 'lead_unit'>): number {
  return Math.round(num(v.lead) * UNIT_MINUTES[v.lead_unit]);
}

/** The whole form as an API body. */
export function rulesBody(v: OnlineBookingValues): Required<OnlineBookingInput> {
  return {
    enabled: v.enabled,
    lead_minutes: leadMinutes(v),
    horizon_days: num(v.horizon_days),
    step_minutes: Number(v.step_minutes),
    auto_confirm: v.auto_confirm,
    cancel_deadline_minutes: Math.round(num(v.cancel_deadline_hours) * 60),
    master_required: v.master_required,
    max_future_bookings: num(v.max_future_bookings),
    phone: v.phone.trim(),
    message: v.message.trim(),
  };
}

/** Only what differs from the rules as loaded (the server keeps the rest). */
export function rulesPatch(before: OnlineBookingRules, v: OnlineBookingValues): OnlineBookingInput {
  const now = rulesBody(v);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(now)) {
    if (before[key as keyof OnlineBookingRules] !== value) out[key] = value;
  }
  return out as OnlineBookingInput;
}

function range(t: TFunction, value: number, min: number, max: number): string | null {
  if (!Number.isFinite(value)) return t('errors.field.required');
  if (!Number.isInteger(value)) return t('errors.field.invalid_value');
  if (value < min || value > max) return t('settings.onlineBooking.range', { min, max });
  return null;
}

/** Checks in the browser what the server would refuse, keyed by form field. */
export function validateRules(t: TFunction, v: OnlineBookingValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const set = (field: string, error: string | null) => {
    if (error) errors[field] = error;
  };
  // Lead time and deadline may have fractions (1.5 hours); the server gets whole minutes.
  const unit = UNIT_MINUTES[v.lead_unit];
  const lead = num(v.lead);
  const leadMax = LIMITS.lead_minutes.max;
  if (!Number.isFinite(lead)) errors.lead = t('errors.field.required');
  else if (lead < 0 || Math.round(lead * unit) > leadMax) {
    errors.lead = t('settings.onlineBooking.range', { min: 0, max: Math.floor(leadMax / unit) });
  }
  set('horizon_days', range(t, num(v.horizon_days), LIMITS.horizon_days.min, LIMITS.horizon_days.max));
  const hours = num(v.cancel_deadline_hours);
  const deadlineMax = LIMITS.cancel_deadline_minutes.max;
  if (!Number.isFinite(hours)) errors.cancel_deadline_hours = t('errors.field.required');
  else if (hours < 0 || Math.round(hours * 60) > deadlineMax) {
    errors.cancel_deadline_hours = t('settings.onlineBooking.range', { min: 0, max: deadlineMax / 60 });
  }
  set('max_future_bookings', range(t, num(v.max_future_bookings), LIMITS.max_future_bookings.min, LIMITS.max_future_bookings.max));
  if (v.message.trim().length > LIMITS.message.max) errors.message = t('errors.field.too_long');
  return errors;
}

/** API field -> form field. */
const FORM_FIELD: Record<string, keyof OnlineBookingValues> = {
  enabled: 'enabled',
  lead_minutes: 'lead',
  horizon_days: 'horizon_days',
  step_minutes: 'step_minutes',
  auto_confirm: 'auto_confirm',
  cancel_deadline_minutes: 'cancel_deadline_hours',
  master_required: 'master_required',
  max_future_bookings: 'max_future_bookings',
  phone: 'phone',
  message: 'message',
};

/** Field errors of a failed save, keyed by form field; the rest as text lines. */
export function rulesFormErrors(t: TFunction, error: unknown): { fields: Record<string, string>; other: string[] } {
  const fields: Record<string, string> = {};
  const other: string[] = [];
  if (!isApiError(error)) return { fields, other };
  for (const fe of error.fieldErrors) {
    const text = fieldErrorText(t, fe);
    const key = FORM_FIELD[fe.field];
    if (key) {
      if (!(key in fields)) fields[key] = text;
    } else other.push(`${fe.field}: ${text}`);
  }
  return { fields, other };
}

/** The snippet a website pastes to get the "Book" button. */
export function embedSnippet(bookingUrl: string, slug: string): string {
  let origin = typeof window !== 'undefined' ? window.location.origin : '';
  try {
    origin = new URL(bookingUrl).origin;
  } catch {
    // A relative or empty link: the admin app's own origin.
  }
  return `<script src="${origin}/b/embed.js" data-kvitka-branch="${slug}" async></script>`;
}

/** The branch's slug as the booking link names it (/b/{slug}), else the given one. */
export function slugOf(bookingUrl: string, fallback: string): string {
  const m = /\/b\/([^/?#]+)/.exec(bookingUrl);
  return m ? decodeURIComponent(m[1]) : fallback;
}

export const qrPath = (slug: string) => `/api/v1/public/branches/${encodeURIComponent(slug)}/qr.svg`;
