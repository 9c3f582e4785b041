// Shared data of the journal tests (never imported by the app). Europe/Kyiv is
// UTC+2 on 2026-11-23 (a Monday): 10:00 there is 08:00Z.
import { json, type RecordedCall } from '../test/fetchMock';
import { makeService, makeStaff } from '../staff/testFixtures';
import type { Appointment, AppointmentItem, GroupEvent, Journal } from './types';

export function makeItem(over: Partial<AppointmentItem> = {}): AppointmentItem {
  return {
    id: 1,
    service_id: 1,
    service_name: "Women's haircut",
    staff_id: 2,
    room_id: null,
    start: '2026-11-23T08:00:00Z',
    end: '2026-11-23T09:00:00Z',
    duration: 60,
    buffer_after: 0,
    processing: null,
    price: 60000,
    discount_percent: 10,
    amount: 54000,
    ...over,
  };
}

export function makeAppointment(over: Partial<Appointment> = {}): Appointment {
  return {
    id: 12,
    branch_id: 1,
    client_id: 5,
    client: {
      id: 5,
      name: 'Olena Koval',
      phone: '+380671234567',
      tags: [{ id: 1, name: 'VIP', color: '#fab005' }],
      discount_percent: 10,
      notes: 'Likes green tea',
      visits: 7,
    },
    status: 'booked',
    source: 'front_desk',
    notes: '',
    cancel_reason: '',
    cancelled_by: null,
    start: '2026-11-23T08:00:00Z',
    end: '2026-11-23T10:30:00Z',
    items: [
      makeItem(),
      makeItem({
        id: 2,
        service_id: 4,
        service_name: 'Colouring',
        staff_id: 3,
        start: '2026-11-23T09:00:00Z',
        end: '2026-11-23T10:30:00Z',
        duration: 90,
        processing: { start: '2026-11-23T09:30:00Z', end: '2026-11-23T10:00:00Z' },
        price: 120000,
        amount: 108000,
      }),
    ],
    total: 162000,
    version: 1,
    series_id: null,
    group_event_id: null,
    visit: { notes: '', formula: '', photo_file_ids: [] },
    created_at: '2026-11-20T10:00:00Z',
    updated_at: '2026-11-20T10:00:00Z',
    ...over,
  };
}

export const SECOND = makeAppointment({
  id: 13,
  client_id: 6,
  client: { id: 6, name: 'Iryna Bondar', tags: [], discount_percent: 0, notes: '', visits: 1 },
  status: 'arrived',
  start: '2026-11-23T08:30:00Z',
  end: '2026-11-23T09:30:00Z',
  total: 45000,
  items: [makeItem({ id: 3, service_id: 2, service_name: "Men's haircut", start: '2026-11-23T08:30:00Z', end: '2026-11-23T09:30:00Z', price: 45000, discount_percent: 0, amount: 45000 })],
});

export const GROUP: GroupEvent = {
  id: 4,
  branch_id: 1,
  service_id: 3,
  service_name: 'Yoga',
  staff_id: 3,
  room_id: null,
  start: '2026-11-23T11:00:00Z',
  end: '2026-11-23T12:00:00Z',
  capacity: 8,
  seats_taken: 3,
  status: 'scheduled',
  notes: '',
  price: 30000,
  participants: [
    { appointment_id: 31, client_id: 5, name: 'Olena Koval', status: 'booked' },
    { appointment_id: 32, client_id: 6, name: 'Iryna Bondar', status: 'booked' },
    { appointment_id: 33, client_id: 7, name: 'Oksana Lys', status: 'confirmed' },
  ],
};

export function makeJournal(over: Partial<Journal> = {}): Journal {
  return {
    branch_id: 1,
    timezone: 'Europe/Kyiv',
    date: '2026-11-23',
    days: 1,
    staff: [
      {
        id: 2,
        name: 'Anna Melnyk',
        position: 'Stylist',
        color: '#15aabf',
        booking_step: 15,
        working: [{ start: '2026-11-23T07:00:00Z', end: '2026-11-23T16:00:00Z' }],
      },
      {
        id: 3,
        name: 'Maksym Kravchenko',
        position: 'Colourist',
        color: '#fd7e14',
        booking_step: 15,
        working: [{ start: '2026-11-23T08:00:00Z', end: '2026-11-23T17:00:00Z' }],
      },
    ],
    appointments: [makeAppointment(), SECOND],
    group_events: [GROUP],
    closed_days: [],
    ...over,
  };
}

export const STAFF = [
  makeStaff({ id: 2, name: 'Anna Melnyk', service_ids: [1, 2] }),
  makeStaff({ id: 3, name: 'Maksym Kravchenko', service_ids: [4, 3] }),
];

export const SERVICES = [
  makeService({ id: 1, name: "Women's haircut", duration: 60, price_min: 60000, price_max: 90000, staff: [{ staff_id: 2, price_min: 70000, price_max: null, duration: 75 }] }),
  makeService({ id: 2, name: "Men's haircut", duration: 45, price_min: 45000, price_max: null, staff: [] }),
  makeService({ id: 3, name: 'Yoga', duration: 60, price_min: 30000, price_max: null, group: true, capacity: 8, staff: [{ staff_id: 3, price_min: null, price_max: null, duration: null }] }),
  makeService({ id: 4, name: 'Colouring', duration: 90, price_min: 120000, price_max: null, staff: [] }),
];

/** Answers for what the journal page reads. */
export function journalAnswers(call: RecordedCall, journal: Journal = makeJournal()): Response | null {
  const path = call.url.split('?')[0];
  if (call.method !== 'GET') return null;
  if (path === '/api/v1/journal') return json(journal);
  if (path === '/api/v1/waitlist') return json({ items: [] });
  if (path === '/api/v1/services') return json({ items: SERVICES });
  if (path === '/api/v1/staff') return json({ items: STAFF });
  if (/^\/api\/v1\/appointments\/\d+$/.test(path)) {
    const id = Number(path.split('/').pop());
    const found = journal.appointments.find((a) => a.id === id);
    return found ? json(found) : null;
  }
  if (/^\/api\/v1\/clients\/\d+\/appointments$/.test(path)) return json({ items: [], next_cursor: null });
  if (path === '/api/v1/group-events/4') return json(GROUP);
  return null;
}
