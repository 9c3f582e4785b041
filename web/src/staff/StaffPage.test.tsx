import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetApiClient } from '../app/api';
import { sessionFor } from '../clients/testFixtures';
import i18n from '../i18n';
import { json, mockFetch, type RecordedCall } from '../test/fetchMock';
import { renderApp } from '../test/render';
import { catalogAnswers, makeStaff } from './testFixtures';

beforeEach(async () => {
  resetApiClient();
  await i18n.changeLanguage('en');
});
afterEach(() => vi.unstubAllGlobals());

function serve(extra: (call: RecordedCall) => Response | null = () => null) {
  return mockFetch((call) => {
    if (call.url === '/api/v1/me') return json(sessionFor('owner'));
    if (call.url === '/api/v1/users') {
      return json({
        items: [{ id: 6, name: 'Maksym', email: 'maksym@kvitka.demo', role: 'master', active: true, locale: 'uk', created_at: '' }],
        next_cursor: null,
      });
    }
    return extra(call) ?? catalogAnswers(call) ?? json({});
  });
}

describe('staff page', () => {
  it('shows masters as cards in name order with their badges', async () => {
    serve((call) =>
      call.url === '/api/v1/staff'
        ? json({
            items: [
              makeStaff({ work_permit_warning: true, work_permit_expires: '2026-12-01' }),
              makeStaff({ id: 4, name: 'Anna Melnyk', booking_step: 15, online_booking: false, service_ids: [] }),
            ],
          })
        : null,
    );
    renderApp('/staff');
    const card = await screen.findByTestId('staff-card-3');
    const cards = screen.getAllByTestId(/^staff-card-\d+$/);
    expect(cards.map((c) => c.getAttribute('data-testid'))).toEqual(['staff-card-4', 'staff-card-3']);
    expect(card).toHaveTextContent('Maksym Kravchenko');
    expect(card).toHaveTextContent('Barber');
    expect(card).toHaveTextContent('Services: 2');
    expect(screen.getByTestId('staff-card-3-step')).toHaveTextContent('Step 60 min');
    expect(screen.getByTestId('staff-card-3-permit')).toHaveTextContent('Work permit');
    expect(screen.getByTestId('staff-card-3-name')).toHaveAttribute('href', '/staff/3');
  });

  it('opens the master page from a card', async () => {
    serve();
    const { router } = renderApp('/staff');
    fireEvent.click(await screen.findByTestId('staff-card-4'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/staff/4'));
  });

  it('creates a master with every field and opens the master page', async () => {
    const { calls } = serve((call) =>
      call.method === 'POST' && call.url === '/api/v1/staff' ? json(makeStaff({ id: 3 }), 201) : null,
    );
    const { router } = renderApp('/staff');
    fireEvent.click(await screen.findByTestId('staff-new'));
    fireEvent.change(await screen.findByTestId('staff-form-name'), { target: { value: ' Sofiia Lysenko ' } });
    fireEvent.change(screen.getByTestId('staff-form-position'), { target: { value: 'Pedicure' } });
    fireEvent.change(screen.getByTestId('staff-form-phone'), { target: { value: '067 555 12 34' } });
    fireEvent.change(screen.getByTestId('staff-form-email'), { target: { value: 'sofiia@example.com' } });
    fireEvent.change(screen.getByTestId('staff-form-color'), { target: { value: '#228BE6' } });
    fireEvent.change(screen.getByTestId('staff-form-booking-step'), { target: { value: '30' } });
    fireEvent.change(screen.getByTestId('staff-form-hire-date'), { target: { value: '2026-11-01' } });
    fireEvent.change(screen.getByTestId('staff-form-work-permit'), { target: { value: '2027-05-01' } });
    fireEvent.click(screen.getByTestId('staff-form-submit'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/staff/3'));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      name: 'Sofiia Lysenko',
      position: 'Pedicure',
      bio: '',
      color: '#228be6',
      service_ids: [],
      online_booking: true,
      booking_step: 30,
      hire_date: '2026-11-01',
      work_permit_expires: '2027-05-01',
      user_id: null,
      branch_id: 1,
      phone: '067 555 12 34',
      email: 'sofiia@example.com',
    });
  });

  it('edits the profile on the master page and sends only what changed', async () => {
    const { calls } = serve((call) =>
      call.method === 'PATCH' ? json(makeStaff({ position: 'Senior barber' })) : null,
    );
    renderApp('/staff/3');
    expect(await screen.findByTestId('master-name')).toHaveTextContent('Maksym Kravchenko');
    expect(screen.getByTestId('staff-form-phone')).toHaveValue('+380 67 111 22 33');
    expect(screen.getByTestId('staff-form-submit')).toBeDisabled();
    fireEvent.change(screen.getByTestId('staff-form-position'), { target: { value: 'Senior barber' } });
    fireEvent.click(screen.getByTestId('staff-form-submit'));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.url).toBe('/api/v1/staff/3');
    expect(patch.body).toEqual({ position: 'Senior barber' });
  });

  it('adds an absence and shows the calendar feed', async () => {
    const { calls } = serve((call) => {
      if (call.method === 'POST' && call.url === '/api/v1/staff/3/absences') {
        return json({ id: 1, from: '2026-12-01', to: '2026-12-05', reason: 'training', note: 'Course' }, 201);
      }
      if (call.url === '/api/v1/staff/3/calendar') return json({ url: 'http://host/ical/abc.ics' });
      return null;
    });
    renderApp('/staff/3?tab=absences');
    fireEvent.click(await screen.findByTestId('absence-new'));
    fireEvent.change(await screen.findByTestId('absence-from'), { target: { value: '2026-12-01' } });
    fireEvent.change(screen.getByTestId('absence-to'), { target: { value: '2026-12-05' } });
    fireEvent.change(screen.getByTestId('absence-reason'), { target: { value: 'training' } });
    fireEvent.change(screen.getByTestId('absence-note'), { target: { value: 'Course' } });
    fireEvent.click(screen.getByTestId('absence-submit'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      from: '2026-12-01',
      to: '2026-12-05',
      reason: 'training',
      note: 'Course',
    });
    fireEvent.click(screen.getByTestId('staff-tab-calendar'));
    expect(await screen.findByTestId('calendar-url')).toHaveTextContent('http://host/ical/abc.ics');
  });
});
