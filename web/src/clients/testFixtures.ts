// Shared data of the clients module's tests (never imported by the app).
import type { Role } from '../identity/types';
import type { Client, Tag } from './types';

export function sessionFor(role: Role) {
  return {
    user: { id: 1, name: 'Olha Kvitka', email: 'owner@kvitka.demo', role, active: true, locale: 'en', created_at: '2026-01-01T00:00:00Z' },
    org: { id: 1, name: 'Kvitka Demo', country: 'UA', currency: 'UAH', created_at: '2026-01-01T00:00:00Z' },
    role,
    branches: [{ id: 1, name: 'Kvitka Demo', slug: 'kvitka-demo', address: '', timezone: 'Europe/Kyiv', currency: 'UAH', created_at: '2026-01-01T00:00:00Z' }],
    csrf_token: 'tok-1',
  };
}

export const TAGS: Tag[] = [
  { id: 1, name: 'VIP', color: '#e64980', clients: 2 },
  { id: 2, name: 'Allergy', color: '#fab005', clients: 1 },
];

export function makeClient(over: Partial<Client> = {}, role: Role = 'owner'): Client {
  const c: Client = {
    id: 17,
    first_name: 'Olena',
    last_name: 'Kovalenko',
    middle_name: null,
    display_name: 'Olena Kovalenko',
    phones: ['+380671234567'],
    email: 'olena@example.com',
    birthday: '1990-05-17',
    gender: 'female',
    notes: 'Likes green tea',
    source: 'instagram',
    referred_by_id: null,
    preferred_staff_ids: [],
    preferred_service_ids: [],
    preferences: '',
    consent: { sms: true, telegram: false, viber: false, email: true },
    language: 'uk',
    discount_percent: 0,
    tags: [TAGS[0]],
    stats: {
      first_visit_at: null,
      last_visit_at: null,
      visits: 3,
      no_shows: 0,
      cancellations: 1,
      total_spent: 123450,
      average_check: 41150,
    },
    photo_file_id: null,
    archived: false,
    created_at: '2026-01-02T10:00:00Z',
    updated_at: '2026-01-02T10:00:00Z',
    ...over,
  };
  if (role === 'master') {
    delete c.phones;
    delete c.email;
    delete c.last_name;
    delete c.middle_name;
    c.display_name = c.first_name;
  }
  return c;
}
