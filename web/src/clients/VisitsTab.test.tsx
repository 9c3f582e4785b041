import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetApiClient } from '../app/api';
import i18n from '../i18n';
import { makeAppointment, makeItem } from '../journal/testFixtures';
import type { Appointment } from '../journal/types';
import { makeStaff } from '../staff/testFixtures';
import { json, mockFetch } from '../test/fetchMock';
import { renderApp } from '../test/render';
import { makeClient, sessionFor, TAGS } from './testFixtures';
import { isUpcoming } from './visits';

beforeEach(async () => {
  resetApiClient();
  await i18n.changeLanguage('en');
});
afterEach(() => vi.unstubAllGlobals());

// Europe/Kyiv is UTC+2 in March 2024 and UTC+3 in June 2024.
const UPCOMING = makeAppointment({
  id: 30,
  client_id: 17,
  status: 'confirmed',
  start: '2099-06-01T07:00:00Z',
  end: '2099-06-01T08:00:00Z',
  items: [makeItem({ id: 31, staff_id: 3, start: '2099-06-01T07:00:00Z', end: '2099-06-01T08:00:00Z' })],
  total: 54000,
});
const COMPLETED = makeAppointment({
  id: 20,
  client_id: 17,
  status: 'completed',
  start: '2024-03-15T08:00:00Z',
  end: '2024-03-15T10:30:00Z',
  visit: { notes: 'Sensitive scalp', formula: 'Igora 7-1 + 6% 1:1, 35 min', photo_file_ids: [] },
});
const CANCELLED: Appointment = makeAppointment({
  id: 10,
  client_id: 17,
  status: 'cancelled',
  cancelled_by: 'client',
  cancel_reason: 'Fell ill',
  start: '2024-02-01T12:00:00Z',
  end: '2024-02-01T13:00:00Z',
  items: [makeItem({ id: 11, service_name: 'Manicure', staff_id: 4 })],
  total: 40000,
});

function serve() {
  return mockFetch((call) => {
    const [path, query = ''] = call.url.split('?');
    const params = new URLSearchParams(query);
    if (path === '/api/v1/me') return json(sessionFor('owner'));
    if (path === '/api/v1/client-tags') return json({ items: TAGS });
    if (path === '/api/v1/clients/17') return json(makeClient());
    if (path === '/api/v1/staff')
      return json({
        items: params.get('archived')
          ? [makeStaff({ id: 4, name: 'Anna Melnyk', archived: true })]
          : [makeStaff({ id: 2, name: 'Iryna Shevchenko' }), makeStaff()],
      });
    if (path === '/api/v1/clients/17/appointments')
      return params.get('cursor') === 'p2'
        ? json({ items: [CANCELLED], next_cursor: null })
        : json({ items: [UPCOMING, COMPLETED], next_cursor: 'p2' });
    return json({});
  });
}

describe('client visits tab', () => {
  it('lists visits newest first with masters, status, formula and cancel reason', async () => {
    const { calls } = serve();
    renderApp('/clients/17?tab=visits');

    const list = await screen.findByTestId('client-visits');
    expect(screen.getByTestId('client-stat-visits')).toHaveTextContent('3');
    const cards = within(list).getAllByTestId(/^client-visit-\d+$/);
    expect(cards.map((c) => c.dataset.testid)).toEqual(['client-visit-30', 'client-visit-20']);

    const upcoming = screen.getByTestId('client-visit-30');
    expect(within(upcoming).getByTestId('client-visit-upcoming')).toHaveTextContent('Upcoming');
    expect(within(upcoming).getByTestId('client-visit-time')).toHaveTextContent('10:00–11:00');

    const done = screen.getByTestId('client-visit-20');
    expect(within(done).queryByTestId('client-visit-upcoming')).not.toBeInTheDocument();
    expect(within(done).getByTestId('client-visit-status')).toHaveTextContent('Completed');
    expect(within(done).getByTestId('client-visit-time')).toHaveTextContent('10:00–12:30');
    await waitFor(() => expect(done).toHaveTextContent("Women's haircut · Iryna Shevchenko"));
    expect(done).toHaveTextContent('Colouring · Maksym Kravchenko');
    expect(within(done).getByTestId('client-visit-total')).toHaveTextContent('Total: ₴1,620.00');
    expect(within(done).getByTestId('client-visit-notes')).toHaveTextContent('Sensitive scalp');
    const formula = within(done).getByTestId('client-visit-formula');
    expect(formula).toHaveTextContent('Formula');
    expect(formula).toHaveTextContent('Igora 7-1 + 6% 1:1, 35 min');
    expect(within(done).getByTestId('client-visit-journal')).toHaveAttribute('href', '/journal?date=2024-03-15&branch=1');
    expect(within(upcoming).queryByTestId('client-visit-formula')).not.toBeInTheDocument();

    expect(screen.queryByTestId('client-visit-10')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('client-visits-more'));
    const cancelled = await screen.findByTestId('client-visit-10');
    expect(within(cancelled).getByTestId('client-visit-status')).toHaveTextContent('Cancelled');
    expect(within(cancelled).getByTestId('client-visit-cancel-reason')).toHaveTextContent('Cancelled by the client: Fell ill');
    expect(cancelled).toHaveTextContent('Manicure · Anna Melnyk');
    expect(within(cancelled).queryByTestId('client-visit-formula')).not.toBeInTheDocument();
    expect(screen.queryByTestId('client-visits-more')).not.toBeInTheDocument();

    const pages = calls.filter((c) => c.url.startsWith('/api/v1/clients/17/appointments')).map((c) => c.url);
    expect(pages).toEqual([
      '/api/v1/clients/17/appointments?limit=20',
      '/api/v1/clients/17/appointments?limit=20&cursor=p2',
    ]);
  });

  it('counts only open appointments that start later as upcoming', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(isUpcoming({ start: '2026-01-02T00:00:00Z', status: 'booked' }, now)).toBe(true);
    expect(isUpcoming({ start: '2026-01-02T00:00:00Z', status: 'cancelled' }, now)).toBe(false);
    expect(isUpcoming({ start: '2025-12-31T00:00:00Z', status: 'confirmed' }, now)).toBe(false);
  });
});
