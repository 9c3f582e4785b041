/** @jsxImportSource preact */
// Test helpers for the booking page: Preact rendering into jsdom, a fake public
// API (fetch), and a demo branch. Only tests import this file.
import { configure } from '@testing-library/dom';
import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, vi } from 'vitest';
import type { Availability, Booking, PublicBranch } from './api';
import { dropAvailability } from './availability';

// Events flush Preact's renders at once.
configure({
  eventWrapper: (cb) => {
    let result: unknown;
    act(() => {
      result = cb();
    });
    return result;
  },
});

const mounted: HTMLElement[] = [];

export function mount(vnode: ComponentChild): HTMLElement {
  const el = document.createElement('div');
  document.body.appendChild(el);
  mounted.push(el);
  act(() => render(vnode, el));
  return el;
}

afterEach(() => {
  for (const el of mounted.splice(0)) {
    render(null, el);
    el.remove();
  }
  dropAvailability();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Monday 24 November 2025, 10:00 in Kyiv (08:00 UTC). Only Date is faked: promises and timers run. */
export const NOW = new Date('2025-11-24T08:00:00Z');
export function freezeNow(now = NOW) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(now);
}

export const BRANCH: PublicBranch = {
  branch: {
    slug: 'podil',
    name: 'Kvitka Podil',
    address: 'Kyiv, Sahaidachnoho 1',
    timezone: 'Europe/Kyiv',
    currency: 'UAH',
    phone: '+380 44 123 45 67',
    message: '',
  },
  rules: {
    enabled: true,
    lead_minutes: 60,
    horizon_days: 60,
    step_minutes: 15,
    master_required: false,
    cancel_deadline_minutes: 180,
    auto_confirm: true,
  },
  categories: [{ id: 1, name: 'Nails' }],
  services: [
    { id: 10, category_id: 1, name: 'Manicure', description: 'Classic manicure', duration: 60, price_min: 80000, price_max: 120000, staff_ids: [3, 4] },
    { id: 11, category_id: 1, name: 'Pedicure', description: '', duration: 90, price_min: 100000, price_max: null, staff_ids: [3] },
    { id: 12, category_id: null, name: 'Brows', description: '', duration: 30, price_min: 45050, price_max: null, staff_ids: [4] },
  ],
  masters: [
    { id: 3, name: 'Olena Koval', position: 'Nail master', bio: 'Ten years of nails.', color: '#e64980', photo_url: null, service_ids: [10, 11] },
    { id: 4, name: 'Iryna Bondar', position: 'Brow master', bio: '', color: '#228be6', photo_url: '/api/v1/public/staff/4/photo?v=1', service_ids: [10, 12] },
  ],
};

/** The week from Monday 24 November: times on the 24th and 26th only. */
export function week(from = '2025-11-24'): Availability {
  const days = [];
  for (let i = 0; i < 7; i++) {
    const d = new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);
    const slots =
      d === '2025-11-24'
        ? [
            { start: '2025-11-24T12:00:00Z', staff_id: 3, staff_ids: [3] },
            { start: '2025-11-24T12:30:00Z', staff_id: 3, staff_ids: [3, 4] },
          ]
        : d === '2025-11-26'
          ? [{ start: '2025-11-26T07:00:00Z', staff_id: 4, staff_ids: [4] }]
          : [];
    days.push({ date: d, slots });
  }
  return { timezone: 'Europe/Kyiv', days };
}

export function booking(over: Partial<Booking> = {}): Booking {
  return {
    status: 'confirmed',
    start: '2025-11-24T12:30:00Z',
    end: '2025-11-24T13:30:00Z',
    timezone: 'Europe/Kyiv',
    branch: { slug: 'podil', name: 'Kvitka Podil', address: 'Kyiv, Sahaidachnoho 1', phone: '+380 44 123 45 67', timezone: 'Europe/Kyiv', currency: 'UAH' },
    items: [
      {
        service_id: 10,
        service_name: 'Manicure',
        staff_id: 3,
        staff_name: 'Olena Koval',
        start: '2025-11-24T12:30:00Z',
        end: '2025-11-24T13:30:00Z',
        price: 80000,
      },
    ],
    total: 80000,
    currency: 'UAH',
    client_name: 'Oksana',
    can_cancel: true,
    can_reschedule: true,
    deadline: '2025-11-24T09:30:00Z',
    ...over,
  };
}

export interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string>;
}

type Reply = { status?: number; body?: unknown; headers?: Record<string, string> };
type Handler = (call: Call) => Reply | Promise<Reply>;

/** Fakes fetch: "GET /branches/podil" -> handler; the calls are recorded. */
export function fakeApi(routes: Record<string, Handler>) {
  const calls: Call[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const path = url.pathname.replace('/api/v1/public', '');
    const call: Call = {
      method,
      path,
      query: url.searchParams,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: (init.headers ?? {}) as Record<string, string>,
    };
    calls.push(call);
    const handler = routes[`${method} ${path}`];
    const reply: Reply = handler ? await handler(call) : { status: 404, body: { title: 'Not found', type: '/problems/not-found' } };
    const status = reply.status ?? 200;
    const problem = status >= 400;
    return new Response(JSON.stringify(reply.body ?? {}), {
      status,
      headers: { 'Content-Type': problem ? 'application/problem+json' : 'application/json', ...(reply.headers ?? {}) },
    });
  });
  vi.stubGlobal('fetch', fn);
  return { calls, fn, find: (method: string, path: string) => calls.filter((c) => c.method === method && c.path.startsWith(path)) };
}

export const problem = (status: number, code: string, title: string, detail = '', errors?: { field: string; code: string }[]): Reply => ({
  status,
  body: { type: `https://kvitka.app/problems/${code}`, title, status, detail, ...(errors ? { errors } : {}) },
});
