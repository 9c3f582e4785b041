// The booking dialog's values and how they become POST /appointments (pure).
import type { Service } from '../services/types';
import type { Staff } from '../staff/types';
import { instantToZoned, zonedToInstant } from '../staff/zoned';
import type { AppointmentInput, ItemInput } from './types';

export interface BookingItemValues {
  key: string;
  service_id: number | null;
  staff_id: number;
  /** Minutes. */
  duration: number;
  /** Minor units; undefined until a service is chosen. */
  price: number | undefined;
}

export interface BookingValues {
  client_id: number | null;
  /** YYYY-MM-DD and HH:MM in the branch's zone. */
  date: string;
  time: string;
  items: BookingItemValues[];
  notes: string;
  repeat: boolean;
  every: number;
  unit: 'day' | 'week';
  ends: 'count' | 'until';
  count: number;
  until: string;
}

export interface Prefill {
  staffId: number;
  /** RFC 3339 instant. */
  start: string;
  clientId?: number | null;
  serviceIds?: number[];
}

let itemSeq = 0;
export const itemKey = () => `item-${++itemSeq}`;

/** Whether a master performs a service (the master's list, else the service's). */
export function performs(service: Service, staffId: number, staff: readonly Staff[]): boolean {
  const master = staff.find((s) => s.id === staffId);
  if (master && master.service_ids.includes(service.id)) return true;
  return service.staff.some((s) => s.staff_id === staffId);
}

/** Live services of the master: individual ones, or group ones for a group class. */
export function servicesFor(services: readonly Service[], staffId: number, staff: readonly Staff[], group = false): Service[] {
  return services.filter((s) => !s.archived && s.group === group && performs(s, staffId, staff));
}

/** Duration and price of a service done by a master (the master's own when set). */
export function defaultsFor(service: Service, staffId: number): { duration: number; price: number } {
  const own = service.staff.find((s) => s.staff_id === staffId);
  return { duration: own?.duration ?? service.duration, price: own?.price_min ?? service.price_min };
}

export function itemFor(staffId: number, service: Service | undefined): BookingItemValues {
  const d = service ? defaultsFor(service, staffId) : undefined;
  return { key: itemKey(), service_id: service?.id ?? null, staff_id: staffId, duration: d?.duration ?? 60, price: d?.price };
}

export function initialBooking(prefill: Prefill, timeZone: string, services: readonly Service[]): BookingValues {
  const [date, time] = instantToZoned(prefill.start, timeZone).split('T');
  const chosen = (prefill.serviceIds ?? []).map((id) => services.find((s) => s.id === id)).filter((s): s is Service => !!s);
  return {
    client_id: prefill.clientId ?? null,
    date,
    time,
    items: chosen.length > 0 ? chosen.map((s) => itemFor(prefill.staffId, s)) : [itemFor(prefill.staffId, undefined)],
    notes: '',
    repeat: false,
    every: 1,
    unit: 'week',
    ends: 'count',
    count: 4,
    until: '',
  };
}

/** Errors by form path ("client_id", "items.0.service_id"); empty when it can be sent. */
export function validateBooking(v: BookingValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (v.client_id === null) errors.client_id = 'required';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.date)) errors.date = 'invalid_date';
  if (!/^\d{2}:\d{2}$/.test(v.time)) errors.time = 'invalid_time';
  v.items.forEach((item, i) => {
    if (item.service_id === null) errors[`items.${i}.service_id`] = 'required';
    if (!(item.duration >= 5 && item.duration <= 1440)) errors[`items.${i}.duration`] = 'invalid_duration';
  });
  if (v.repeat) {
    if (!(v.every >= 1 && v.every <= 52)) errors.every = 'out_of_range';
    if (v.ends === 'count' && !(v.count >= 2 && v.count <= 52)) errors.count = 'out_of_range';
    if (v.ends === 'until' && !(/^\d{4}-\d{2}-\d{2}$/.test(v.until) && v.until > v.date)) errors.until = 'invalid_date';
  }
  return errors;
}

/** The body of POST /appointments: the first item starts at the chosen time, the others follow. */
export function bookingBody(v: BookingValues, branchId: number, timeZone: string): AppointmentInput {
  const start = zonedToInstant(`${v.date}T${v.time}`, timeZone) ?? undefined;
  const items: ItemInput[] = v.items.map((item, i) => {
    const input: ItemInput = { service_id: item.service_id!, staff_id: item.staff_id, duration: item.duration };
    if (i === 0 && start) input.start = start;
    if (item.price !== undefined) input.price = item.price;
    return input;
  });
  const body: AppointmentInput = { branch_id: branchId, client_id: v.client_id!, items };
  if (v.notes.trim()) body.notes = v.notes.trim();
  if (v.repeat) {
    body.recurrence =
      v.ends === 'count' ? { every: v.every, unit: v.unit, count: v.count } : { every: v.every, unit: v.unit, until: v.until };
  }
  return body;
}

/** "items[0].service_id" (API) -> "items.0.service_id" (form path). */
export function formPath(field: string): string {
  return field.replace(/\[(\d+)\]/g, '.$1');
}

/** A random UUID, also where crypto.randomUUID is missing (plain http on a LAN address). */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Idempotency keys of one dialog: a retry of the same body reuses its key (so
 * a lost answer never books twice); a changed body gets a fresh one (the
 * server refuses a key reused with another body).
 */
export function idempotencyKeys(): (body: unknown) => string {
  const keys = new Map<string, string>();
  return (body) => {
    const text = JSON.stringify(body);
    let key = keys.get(text);
    if (!key) {
      key = newIdempotencyKey();
      keys.set(text, key);
    }
    return key;
  };
}

/** The form input an API field error belongs to, or null when the form has none. */
export function bookingErrorPath(field: string): string | null {
  const path = formPath(field);
  if (path === 'client_id' || path === 'notes') return path;
  if (/^items\.\d+\.(service_id|staff_id|duration|price)$/.test(path)) return path;
  if (path === 'items.0.start' || path === 'start') return 'time';
  const recurrence = /^recurrence\.(every|count|until)$/.exec(path);
  return recurrence ? recurrence[1] : null;
}
