// The public booking API (no session, no CSRF). Errors are RFC 9457 problems:
// the server localizes title/detail by Accept-Language, which is the page language.
import type { Lang } from './i18n';

export interface Branch {
  slug: string;
  name: string;
  address: string;
  timezone: string;
  currency: string;
  phone: string;
  message: string;
}

export interface Rules {
  enabled: boolean;
  lead_minutes: number;
  horizon_days: number;
  step_minutes: number;
  master_required: boolean;
  cancel_deadline_minutes: number;
  auto_confirm: boolean;
}

export interface Category {
  id: number;
  name: string;
}

export interface Service {
  id: number;
  category_id: number | null;
  name: string;
  description: string;
  duration: number;
  price_min: number;
  price_max: number | null;
  staff_ids: number[];
}

export interface Master {
  id: number;
  name: string;
  position: string;
  bio: string;
  color: string;
  photo_url: string | null;
  service_ids: number[];
}

export interface PublicBranch {
  branch: Branch;
  rules: Rules;
  categories: Category[];
  services: Service[];
  masters: Master[];
}

export interface Slot {
  start: string;
  staff_id: number;
  staff_ids?: number[];
}

export interface Availability {
  timezone: string;
  days: { date: string; slots: Slot[] }[];
}

export type Status = 'booked' | 'confirmed' | 'arrived' | 'completed' | 'no_show' | 'cancelled';

export interface Booking {
  status: Status;
  start: string;
  end: string;
  timezone: string;
  branch: { slug: string; name: string; address: string; phone: string; timezone: string; currency: string };
  items: {
    service_id: number;
    service_name: string;
    staff_id: number;
    staff_name: string;
    start: string;
    end: string;
    price: number;
  }[];
  total: number;
  currency: string;
  client_name: string;
  comment?: string;
  can_cancel: boolean;
  can_reschedule: boolean;
  deadline: string;
}

export interface BookingInput {
  service_ids: number[];
  staff_id?: number;
  start: string;
  client: { name: string; phone: string; email?: string };
  comment?: string;
  language: Lang;
  website: string;
}

export interface WaitlistInput {
  service_ids: number[];
  staff_id?: number;
  dates: { from: string; to: string };
  time_from?: string;
  time_to?: string;
  client: { name: string; phone: string; email?: string };
  comment?: string;
  website: string;
}

export interface FieldError {
  field: string;
  code: string;
}

/** An error answer (or no answer: status 0, code "network-error"). */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail = '',
    readonly errors: FieldError[] = [],
    readonly retryAfter?: number,
  ) {
    super(detail ? `${title}: ${detail}` : title);
  }
}

export const NETWORK = 'network-error';

let language: Lang = 'en';
export function setApiLanguage(lang: Lang): void {
  language = lang;
}

const V1 = '/api/v1/public';

async function problemOf(res: Response): Promise<Problem> {
  let body: { type?: string; title?: string; detail?: string; code?: string; errors?: FieldError[] } = {};
  try {
    body = await res.json();
  } catch {
    // not JSON: keep the status
  }
  const code = body.code ?? /([a-z0-9-]+)$/.exec(body.type ?? '')?.[1] ?? `http-${res.status}`;
  const retry = Number(res.headers.get('Retry-After'));
  return new Problem(
    res.status,
    code,
    body.title ?? `HTTP ${res.status}`,
    body.detail ?? '',
    Array.isArray(body.errors) ? body.errors.filter((e) => e && typeof e.field === 'string') : [],
    Number.isFinite(retry) && retry > 0 ? retry : undefined,
  );
}

async function read<R>(res: Response): Promise<R> {
  if (!res.ok) throw await problemOf(res);
  return (await res.json()) as R;
}

async function call<R>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<R> {
  let res: Response;
  try {
    res = await fetch(V1 + path, {
      method,
      headers: {
        Accept: 'application/json',
        'Accept-Language': language,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
    });
  } catch {
    throw new Problem(0, NETWORK, '');
  }
  return read<R>(res);
}

const seg = encodeURIComponent;

declare global {
  interface Window {
    /** Started by an inline script in booking.html before this bundle loads. */
    __kvBranch?: { slug: string; res: Promise<Response> };
  }
}

export function getBranch(slug: string): Promise<PublicBranch> {
  const early = window.__kvBranch;
  if (early && early.slug === slug) {
    window.__kvBranch = undefined;
    return early.res.then(
      (res) => read<PublicBranch>(res),
      () => call<PublicBranch>('GET', `/branches/${seg(slug)}`),
    );
  }
  return call('GET', `/branches/${seg(slug)}`);
}

export function getAvailability(
  slug: string,
  serviceIds: readonly number[],
  staffId: number | null,
  from: string,
  to: string,
): Promise<Availability> {
  const q = new URLSearchParams({ service_ids: serviceIds.join(','), from, to });
  if (staffId !== null) q.set('staff_id', String(staffId));
  return call('GET', `/branches/${seg(slug)}/availability?${q}`);
}

export const createBooking = (slug: string, body: BookingInput, idempotencyKey: string) =>
  call<{ booking: Booking; manage_token: string; manage_url: string }>('POST', `/branches/${seg(slug)}/bookings`, body, {
    'Idempotency-Key': idempotencyKey,
  });

export const joinWaitlist = (slug: string, body: WaitlistInput) =>
  call<{ status: string }>('POST', `/branches/${seg(slug)}/waitlist`, body);

export const getBooking = (token: string) => call<{ booking: Booking; slug: string }>('GET', `/bookings/${seg(token)}`);

export const cancelBooking = (token: string, reason?: string) =>
  call<{ booking: Booking }>('POST', `/bookings/${seg(token)}/cancel`, reason ? { reason } : {});

export const rescheduleBooking = (token: string, start: string, staffId?: number) =>
  call<{ booking: Booking }>('POST', `/bookings/${seg(token)}/reschedule`, staffId ? { start, staff_id: staffId } : { start });

/** A random key for one booking attempt (Idempotency-Key: printable ASCII). */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (c?.getRandomValues) c.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The visit's feedback form (/b/{slug}/f/{token}): the visit as its client sees it and the answer. */
export interface PublicFeedback {
  salon: { name: string };
  branch: { slug: string; name: string; address: string; phone: string; timezone: string };
  visit: {
    status: Status;
    start: string;
    end: string;
    local_start: string;
    timezone: string;
    client_first_name: string;
    items: { service_name: string; staff_name: string; start: string; end: string }[];
  };
  feedback: {
    rating: number;
    nps: number | null;
    comment: string;
    created_at: string;
    updated_at: string;
    editable_until: string;
    can_edit: boolean;
  } | null;
  open: boolean;
  closed_reason: 'not_completed' | 'expired' | null;
  closes_at: string;
  can_answer: boolean;
}

export interface FeedbackAnswer {
  rating: number;
  nps: number | null;
  comment: string;
}

export const getFeedback = (token: string) => call<PublicFeedback>('GET', `/feedback/${seg(token)}`);

export const giveFeedback = (token: string, answer: FeedbackAnswer) => call<PublicFeedback>('POST', `/feedback/${seg(token)}`, answer);
