// Shared data of the staff and services tests (never imported by the app).
import type { Category, Room, Service } from '../services/types';
import { json, type RecordedCall } from '../test/fetchMock';
import type { Schedule, Staff } from './types';

export function makeStaff(over: Partial<Staff> = {}): Staff {
  return {
    id: 3,
    branch_id: 1,
    name: 'Maksym Kravchenko',
    position: 'Barber',
    bio: '',
    phone: '+380671112233',
    email: 'maksym@example.com',
    color: '#fd7e14',
    photo_file_id: null,
    service_ids: [1, 2],
    online_booking: true,
    booking_step: 60,
    hire_date: '2024-02-01',
    work_permit_expires: null,
    work_permit_warning: false,
    user_id: null,
    archived: false,
    created_at: '2026-01-01T00:00:00Z',
    ...over,
  };
}

export const CATEGORIES: Category[] = [
  { id: 1, name: 'Hair', color: '#e64980', icon: 'scissors', position: 0, services: 2 },
  { id: 2, name: 'Nails', color: '#be4bdb', icon: 'hand', position: 1, services: 1 },
];

export function makeService(over: Partial<Service> = {}): Service {
  return {
    id: 1,
    category_id: 1,
    name: "Women's haircut",
    description: '',
    duration: 60,
    price_min: 60000,
    price_max: 90000,
    buffer_after: 0,
    processing: null,
    online_booking: true,
    group: false,
    capacity: 1,
    room_ids: [],
    repeat_after_days: null,
    staff: [{ staff_id: 3, price_min: null, price_max: null, duration: null }],
    position: 0,
    archived: false,
    created_at: '2026-01-01T00:00:00Z',
    ...over,
  };
}

export const SERVICES: Service[] = [
  makeService(),
  makeService({ id: 2, name: "Men's haircut", duration: 45, price_min: 45000, price_max: null, position: 1 }),
  makeService({ id: 3, category_id: 2, name: 'Manicure', duration: 90, price_min: 35000, price_max: null, group: true, capacity: 6, staff: [] }),
];

export const ROOMS: Room[] = [
  { id: 1, branch_id: 1, name: 'Cosmetology room', capacity: 1, service_ids: [3], closures: [], archived: false },
];

/** Mon-Fri 09:00–13:00 and 14:00–18:00 from 2026-01-01. */
export const SCHEDULE: Schedule = {
  patterns: [
    {
      kind: 'weekly',
      valid_from: '2026-01-01',
      valid_until: null,
      weekdays: [
        ...Array.from({ length: 5 }, () => [
          { start: '09:00', end: '13:00' },
          { start: '14:00', end: '18:00' },
        ]),
        [],
        [],
      ],
    },
  ],
  exceptions: [{ date: '2026-11-30', intervals: [] }],
};

/** Answers for the catalog and staff endpoints the pages read. */
export function catalogAnswers(call: RecordedCall): Response | null {
  const path = call.url.split('?')[0];
  if (call.method !== 'GET') return null;
  if (path === '/api/v1/service-categories') return json({ items: CATEGORIES });
  if (path === '/api/v1/services') return json({ items: SERVICES });
  if (path === '/api/v1/rooms') return json({ items: ROOMS });
  if (path === '/api/v1/staff') return json({ items: [makeStaff(), makeStaff({ id: 4, name: 'Anna Melnyk', color: '#15aabf' })] });
  if (path === '/api/v1/staff/3') return json(makeStaff());
  if (path === '/api/v1/staff/3/schedule') return json(SCHEDULE);
  if (path === '/api/v1/staff/3/absences') return json({ items: [] });
  if (path === '/api/v1/branches/1/closed-days') return json({ items: [] });
  if (path === '/api/v1/users') return json({ items: [], next_cursor: null });
  if (path === '/api/v1/staff/3/work-intervals') {
    return json({
      staff_id: 3,
      timezone: 'Europe/Kyiv',
      intervals: [
        { start: '2026-11-23T09:00:00+02:00', end: '2026-11-23T13:00:00+02:00' },
        { start: '2026-11-23T14:00:00+02:00', end: '2026-11-23T18:00:00+02:00' },
        // 07:00Z is 09:00 in Kyiv whatever zone the test runs in.
        { start: '2026-11-24T07:00:00Z', end: '2026-11-24T16:00:00Z' },
      ],
    });
  }
  return null;
}
