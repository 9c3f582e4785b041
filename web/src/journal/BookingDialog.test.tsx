import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetApiClient } from '../app/api';
import { makeClient, sessionFor } from '../clients/testFixtures';
import i18n from '../i18n';
import { json, mockFetch, problem, type RecordedCall } from '../test/fetchMock';
import { renderApp } from '../test/render';
import { journalAnswers, makeAppointment } from './testFixtures';

// The whole app renders here: give a busy test machine time.
configure({ asyncUtilTimeout: 5000 });

beforeEach(async () => {
  resetApiClient();
  vi.stubGlobal('EventSource', undefined);
  await i18n.changeLanguage('en');
});
afterEach(() => vi.unstubAllGlobals());

const OLENA = makeClient({ id: 5, display_name: 'Olena Koval', first_name: 'Olena' });

function serve(post: (call: RecordedCall, n: number) => Response, extra: (call: RecordedCall) => Response | null = () => null) {
  let posts = 0;
  return mockFetch((call) => {
    if (call.url === '/api/v1/me') return json(sessionFor('admin'));
    const answer = extra(call);
    if (answer) return answer;
    if (call.method === 'POST' && call.url === '/api/v1/appointments') return post(call, ++posts);
    if (call.url.startsWith('/api/v1/clients?')) return json({ items: [OLENA], next_cursor: null });
    if (call.url === '/api/v1/clients/5') return json(OLENA);
    return journalAnswers(call) ?? json({});
  });
}

function pick(testId: string, label: string) {
  fireEvent.click(screen.getByTestId(testId));
  fireEvent.click(within(screen.getByRole('listbox')).getByRole('option', { name: label }));
}

/** Opens the dialog from Anna's 10:00 cell and fills in client and service. */
async function fillBooking() {
  renderApp('/journal?date=2026-11-23');
  const anna = await screen.findByTestId('journal-column-2');
  fireEvent.click(anna.querySelector('[data-testid="journal-cell"][data-time="10:00"]')!);
  await waitFor(() => expect(screen.getByTestId('booking-dialog')).not.toHaveAttribute('data-loading'));
  const form = screen.getByTestId('booking-dialog');
  expect(within(form).getByTestId('booking-date')).toHaveValue('2026-11-23');
  expect(within(form).getByTestId('booking-time')).toHaveValue('10:00');
  expect(within(form).getByTestId('booking-master-0')).toHaveValue('2');

  fireEvent.change(within(form).getByTestId('booking-client-search'), { target: { value: '067' } });
  fireEvent.click(await screen.findByRole('option', { name: /Olena Koval/ }));
  pick('booking-service-0', "Women's haircut");
  // The master's own duration and price.
  expect(within(form).getByTestId('booking-duration-0')).toHaveValue('75 min');
  expect(within(form).getByTestId('booking-price-0')).toHaveValue('700.00');
  fireEvent.change(within(form).getByTestId('booking-notes'), { target: { value: 'First visit' } });
  return form;
}

const expectedBody = {
  branch_id: 1,
  client_id: 5,
  items: [{ service_id: 1, staff_id: 2, start: '2026-11-23T08:00:00Z', duration: 75, price: 70000 }],
  notes: 'First visit',
};

describe('booking dialog', { timeout: 30_000 }, () => {
  it('books the clicked master and time with an idempotency key', async () => {
    const { calls } = serve(() => json(makeAppointment({ id: 20 }), 201));
    await fillBooking();
    // Only the services Anna performs are offered.
    fireEvent.click(screen.getByTestId('booking-service-0'));
    const offered = within(screen.getByRole('listbox')).getAllByRole('option').map((o) => o.textContent);
    expect(offered).toEqual(["Women's haircut", "Men's haircut"]);

    fireEvent.click(screen.getByTestId('booking-submit'));
    await waitFor(() => expect(screen.queryByTestId('booking-dialog')).not.toBeInTheDocument());
    const post = calls.find((c) => c.method === 'POST' && c.url === '/api/v1/appointments')!;
    expect(post.body).toEqual(expectedBody);
    expect(post.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(post.headers['x-csrf-token']).toBe('tok-1');
  });

  it('asks before booking outside working hours and sends again when confirmed', async () => {
    const { calls } = serve((_, n) =>
      n === 1
        ? problem({ type: 'https://kvitka.app/problems/outside-working-hours', title: 'Outside working hours', status: 409 })
        : json(makeAppointment({ id: 21 }), 201),
    );
    await fillBooking();
    fireEvent.click(screen.getByTestId('booking-submit'));
    expect(await screen.findByTestId('booking-outside-hours')).toHaveTextContent('Book outside working hours?');
    fireEvent.click(screen.getByTestId('booking-force'));
    await waitFor(() => expect(screen.queryByTestId('booking-dialog')).not.toBeInTheDocument());
    const posts = calls.filter((c) => c.method === 'POST' && c.url === '/api/v1/appointments');
    expect(posts).toHaveLength(2);
    expect(posts[1].body).toEqual({ ...expectedBody, allow_outside_hours: true });
    // Another body, another key (the server refuses a key reused with other data).
    expect(posts[1].headers['idempotency-key']).not.toBe(posts[0].headers['idempotency-key']);
  });

  it('refuses a taken slot clearly and keeps the dialog open', async () => {
    serve(() =>
      problem({
        type: 'https://kvitka.app/problems/slot-taken',
        title: 'Slot taken',
        status: 409,
        conflicts: [{ staff_id: 2, start: '2026-11-23T08:00:00Z', end: '2026-11-23T09:00:00Z' }],
      }),
    );
    await fillBooking();
    fireEvent.click(screen.getByTestId('booking-submit'));
    expect(await screen.findByTestId('booking-error')).toHaveTextContent('This time is already taken');
    expect(screen.getByTestId('booking-dialog')).toBeInTheDocument();
  });

  it('asks for a client and a service first', async () => {
    const { calls } = serve(() => json({}, 201));
    renderApp('/journal?date=2026-11-23');
    const anna = await screen.findByTestId('journal-column-2');
    fireEvent.click(anna.querySelector('[data-testid="journal-cell"][data-time="10:00"]')!);
    await waitFor(() => expect(screen.getByTestId('booking-dialog')).not.toHaveAttribute('data-loading'));
    fireEvent.click(screen.getByTestId('booking-submit'));
    expect(await screen.findAllByText('This field is required')).toHaveLength(2);
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('creates a client on the spot and books them', async () => {
    const created = makeClient({ id: 40, display_name: 'Nina Savchuk', first_name: 'Nina', last_name: 'Savchuk' });
    const { calls } = serve(
      () => json(makeAppointment({ id: 22 }), 201),
      (call) =>
        call.url === '/api/v1/clients' && call.method === 'POST' ? json(created, 201) : call.url === '/api/v1/clients/40' ? json(created) : null,
    );
    renderApp('/journal?date=2026-11-23');
    const maksym = await screen.findByTestId('journal-column-3');
    fireEvent.click(maksym.querySelector('[data-testid="journal-cell"][data-time="15:00"]')!);
    await waitFor(() => expect(screen.getByTestId('booking-dialog')).not.toHaveAttribute('data-loading'));
    fireEvent.click(screen.getByTestId('booking-new-client'));
    fireEvent.change(screen.getByTestId('booking-client-first-name'), { target: { value: 'Nina' } });
    fireEvent.change(screen.getByTestId('booking-client-last-name'), { target: { value: 'Savchuk' } });
    fireEvent.change(screen.getByTestId('booking-client-phone'), { target: { value: '050 111 22 33' } });
    fireEvent.click(screen.getByTestId('booking-client-create'));
    await waitFor(() => expect(screen.getByTestId('booking-client-search')).toHaveValue('Nina Savchuk'));
    expect(calls.find((c) => c.url === '/api/v1/clients' && c.method === 'POST')!.body).toEqual({ first_name: 'Nina', last_name: 'Savchuk', phones: ['050 111 22 33'] });
    pick('booking-service-0', 'Colouring');
    fireEvent.click(screen.getByTestId('booking-submit'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url === '/api/v1/appointments')).toBe(true));
    expect(calls.find((c) => c.url === '/api/v1/appointments')!.body).toEqual({
      branch_id: 1,
      client_id: 40,
      items: [{ service_id: 4, staff_id: 3, start: '2026-11-23T13:00:00Z', duration: 90, price: 120000 }],
    });
  });
});
