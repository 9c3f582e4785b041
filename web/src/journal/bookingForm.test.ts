import { describe, expect, it } from 'vitest';
import {
  bookingBody,
  bookingErrorPath,
  defaultsFor,
  idempotencyKeys,
  initialBooking,
  newIdempotencyKey,
  servicesFor,
  validateBooking,
  type BookingValues,
} from './bookingForm';
import { SERVICES, STAFF } from './testFixtures';

const KYIV = 'Europe/Kyiv';
const prefill = { staffId: 2, start: '2026-11-23T08:00:00Z' };

function values(over: Partial<BookingValues> = {}): BookingValues {
  return { ...initialBooking(prefill, KYIV, SERVICES), client_id: 5, ...over };
}

describe('booking form', () => {
  it('offers the services the master performs (group ones apart)', () => {
    expect(servicesFor(SERVICES, 2, STAFF).map((s) => s.id)).toEqual([1, 2]);
    expect(servicesFor(SERVICES, 3, STAFF).map((s) => s.id)).toEqual([4]);
    expect(servicesFor(SERVICES, 3, STAFF, true).map((s) => s.id)).toEqual([3]);
    // Without the staff list, the service's own list of masters decides.
    expect(servicesFor(SERVICES, 3, [], true).map((s) => s.id)).toEqual([3]);
  });

  it("fills price and duration from the service, or the master's own", () => {
    expect(defaultsFor(SERVICES[0], 2)).toEqual({ duration: 75, price: 70000 });
    expect(defaultsFor(SERVICES[0], 9)).toEqual({ duration: 60, price: 60000 });
  });

  it('starts at the clicked cell in the branch zone', () => {
    const v = initialBooking(prefill, KYIV, SERVICES);
    expect([v.date, v.time, v.client_id]).toEqual(['2026-11-23', '10:00', null]);
    expect(v.items).toHaveLength(1);
    expect(v.items[0]).toMatchObject({ service_id: null, staff_id: 2 });
  });

  it('prefills client and services from a waitlist offer', () => {
    const v = initialBooking({ ...prefill, clientId: 5, serviceIds: [1, 2] }, KYIV, SERVICES);
    expect(v.client_id).toBe(5);
    expect(v.items.map((i) => [i.service_id, i.duration, i.price])).toEqual([
      [1, 75, 70000],
      [2, 45, 45000],
    ]);
  });

  it('sends the first item with its start and the next ones following it', () => {
    const v = values({
      items: [
        { key: 'a', service_id: 1, staff_id: 2, duration: 75, price: 70000 },
        { key: 'b', service_id: 4, staff_id: 3, duration: 90, price: undefined },
      ],
      notes: ' Bring photos ',
    });
    expect(bookingBody(v, 1, KYIV)).toEqual({
      branch_id: 1,
      client_id: 5,
      items: [
        { service_id: 1, staff_id: 2, start: '2026-11-23T08:00:00Z', duration: 75, price: 70000 },
        { service_id: 4, staff_id: 3, duration: 90 },
      ],
      notes: 'Bring photos',
    });
  });

  it('adds a recurrence: N times or until a date', () => {
    const base = { items: [{ key: 'a', service_id: 2, staff_id: 2, duration: 45, price: 45000 }], repeat: true };
    expect(bookingBody(values({ ...base, every: 2, unit: 'week', ends: 'count', count: 5 }), 1, KYIV).recurrence).toEqual({
      every: 2,
      unit: 'week',
      count: 5,
    });
    expect(bookingBody(values({ ...base, every: 10, unit: 'day', ends: 'until', until: '2027-01-31' }), 1, KYIV).recurrence).toEqual({
      every: 10,
      unit: 'day',
      until: '2027-01-31',
    });
  });

  it('asks for a client and a service before sending', () => {
    expect(validateBooking(values({ client_id: null }))).toEqual({ client_id: 'required', 'items.0.service_id': 'required' });
    const ok = values({ items: [{ key: 'a', service_id: 2, staff_id: 2, duration: 45, price: 45000 }] });
    expect(validateBooking(ok)).toEqual({});
    expect(validateBooking({ ...ok, repeat: true, ends: 'until', until: '2026-11-01' })).toEqual({ until: 'invalid_date' });
    expect(validateBooking({ ...ok, repeat: true, count: 1 })).toEqual({ count: 'out_of_range' });
    expect(validateBooking({ ...ok, time: '' })).toEqual({ time: 'invalid_time' });
  });

  it('puts server field errors next to their inputs', () => {
    expect(bookingErrorPath('items[1].staff_id')).toBe('items.1.staff_id');
    expect(bookingErrorPath('items[0].start')).toBe('time');
    expect(bookingErrorPath('client_id')).toBe('client_id');
    expect(bookingErrorPath('recurrence.until')).toBe('until');
    expect(bookingErrorPath('branch_id')).toBeNull();
  });
});

describe('idempotency keys', () => {
  it('are UUIDs', () => {
    expect(newIdempotencyKey()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('repeat for the same body and change with the body', () => {
    const keyFor = idempotencyKeys();
    const a = keyFor({ client_id: 5, items: [] });
    expect(keyFor({ client_id: 5, items: [] })).toBe(a);
    expect(keyFor({ client_id: 5, items: [], allow_outside_hours: true })).not.toBe(a);
    expect(idempotencyKeys()({ client_id: 5, items: [] })).not.toBe(a);
  });
});
