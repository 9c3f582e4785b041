import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetApiClient } from '../app/api';
import { sessionFor } from '../clients/testFixtures';
import i18n from '../i18n';
import type { Role } from '../identity/types';
import { json, mockFetch, type RecordedCall } from '../test/fetchMock';
import { renderApp } from '../test/render';
import { journalAnswers, makeAppointment, makeJournal } from './testFixtures';

/** A stand-in for the browser's EventSource that tests can push events into. */
class FakeEventSource {
  static instances: FakeEventSource[] = [];
  static CLOSED = 2;
  readyState = 1;
  listeners = new Map<string, ((e: MessageEvent) => void)[]>();
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string, fn: (e: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  emit(type: string, data: unknown) {
    for (const fn of this.listeners.get(type) ?? []) fn(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
  close() {
    this.readyState = 2;
  }
}

// The whole app renders here: give a busy test machine time.
configure({ asyncUtilTimeout: 5000 });

beforeEach(async () => {
  resetApiClient();
  FakeEventSource.instances = [];
  vi.stubGlobal('EventSource', FakeEventSource);
  await i18n.changeLanguage('en');
});
afterEach(() => vi.unstubAllGlobals());

function serve(role: Role = 'owner', extra: (call: RecordedCall) => Response | null = () => null) {
  return mockFetch((call) => {
    if (call.url === '/api/v1/me') return json(sessionFor(role));
    return extra(call) ?? journalAnswers(call) ?? json({});
  });
}

const journalCalls = (calls: RecordedCall[]) => calls.filter((c) => c.url.startsWith('/api/v1/journal?'));

describe('journal', { timeout: 30_000 }, () => {
  it('shows masters in columns and appointments as blocks, in the branch time zone', async () => {
    const { calls } = serve();
    renderApp('/journal?date=2026-11-23');
    const anna = await screen.findByTestId('journal-column-2');
    const maksym = screen.getByTestId('journal-column-3');
    expect(journalCalls(calls)[0].url).toBe('/api/v1/journal?branch_id=1&date=2026-11-23&days=1');

    // The visit by two masters has a block in each column.
    const first = within(anna).getByTestId('appointment-12');
    expect(first).toHaveAttribute('data-status', 'booked');
    expect(first).toHaveTextContent('10:00–11:00');
    expect(first).toHaveTextContent('Olena Koval');
    expect(first).toHaveTextContent("Women's haircut");
    expect(first).toHaveTextContent('VIP');
    const second = within(maksym).getByTestId('appointment-12');
    expect(second).toHaveTextContent('11:00–12:30');
    expect(within(second).getByTestId('journal-processing')).toBeInTheDocument();

    // Overlapping visits share Anna's column side by side.
    const other = within(anna).getByTestId('appointment-13');
    expect(other).toHaveAttribute('data-status', 'arrived');
    expect(first.style.width).toBe('calc(50% - 4px)');
    expect(other.style.left).toBe('calc(50% + 2px)');

    // The group class shows its seats.
    expect(within(maksym).getByTestId('group-event-4-seats')).toHaveTextContent('3/8');
    expect(screen.getByTestId('journal-legend')).toHaveTextContent('No-show');
  });

  it('has a cell per step a test can click for a master at a time', async () => {
    serve();
    renderApp('/journal?date=2026-11-23');
    const anna = await screen.findByTestId('journal-column-2');
    const at10 = anna.querySelector('[data-testid="journal-cell"][data-time="10:00"]')!;
    expect(at10).toHaveAttribute('data-start', '2026-11-23T08:00:00Z');
    expect(at10).toHaveAttribute('data-staff-id', '2');
    expect(at10).toHaveAttribute('data-working', 'true');
    const maksymAt9 = screen
      .getByTestId('journal-column-3')
      .querySelector('[data-testid="journal-cell"][data-start="2026-11-23T07:00:00Z"]')!;
    expect(maksymAt9).toHaveAttribute('data-time', '09:00');
    expect(maksymAt9).toHaveAttribute('data-working', 'false');
    // 09:00–19:00 at the default 15-minute step.
    expect(within(anna).getAllByTestId('journal-cell')).toHaveLength(40);
  });

  it('switches the step (remembered) and the week view, and walks through dates', async () => {
    const { calls } = serve();
    const { router } = renderApp('/journal?date=2026-11-25');
    const anna = await screen.findByTestId('journal-column-2');
    fireEvent.change(screen.getByTestId('journal-step'), { target: { value: '30' } });
    await waitFor(() => expect(within(anna).getAllByTestId('journal-cell')).toHaveLength(20));
    expect(window.localStorage.getItem('kvitka.journal.step')).toBe('30');

    fireEvent.click(screen.getByTestId('journal-view-week'));
    await waitFor(() =>
      expect(journalCalls(calls).map((c) => c.url)).toContain('/api/v1/journal?branch_id=1&date=2026-11-23&days=7'),
    );
    fireEvent.click(screen.getByTestId('journal-date-next'));
    await waitFor(() => expect(router.state.location.search).toContain('date=2026-12-02'));
    fireEvent.click(screen.getByTestId('journal-view-day'));
    fireEvent.click(screen.getByTestId('journal-date-prev'));
    await waitFor(() => expect(router.state.location.search).toBe('?date=2026-12-01'));
  });

  it('opens the side panel of an appointment and changes its status', async () => {
    const { calls } = serve('owner', (call) =>
      call.method === 'POST' && call.url === '/api/v1/appointments/12/status'
        ? json(makeAppointment({ status: 'cancelled', cancelled_by: 'client', cancel_reason: 'Ill' }))
        : null,
    );
    renderApp('/journal?date=2026-11-23');
    fireEvent.click(within(await screen.findByTestId('journal-column-2')).getByTestId('appointment-12'));
    const panel = await screen.findByTestId('appointment-panel');
    expect(within(panel).getByTestId('panel-client-link')).toHaveAttribute('href', '/clients/5');
    expect(within(panel).getByTestId('panel-client-discount')).toHaveTextContent('10%');
    expect(within(panel).getByTestId('panel-total')).toHaveTextContent('1,620.00');
    expect(within(panel).queryByTestId('status-button-booked')).not.toBeInTheDocument();

    fireEvent.click(within(panel).getByTestId('status-button-cancelled'));
    fireEvent.change(await screen.findByTestId('cancel-reason'), { target: { value: 'Ill' } });
    fireEvent.click(screen.getByTestId('cancel-confirm'));
    await waitFor(() => expect(calls.some((c) => c.url === '/api/v1/appointments/12/status')).toBe(true));
    const post = calls.find((c) => c.url === '/api/v1/appointments/12/status')!;
    expect(post.body).toEqual({ status: 'cancelled', cancelled_by: 'client', reason: 'Ill' });
    expect(post.headers['x-csrf-token']).toBe('tok-1');
  });

  it('is read-only for a master, except arrived/completed and the visit record', async () => {
    const { calls } = serve('master', (call) =>
      call.method === 'PUT' ? json(makeAppointment({ visit: { notes: 'Done', formula: '7/1 + 3%', photo_file_ids: [] } })) : null,
    );
    renderApp('/journal?date=2026-11-23');
    const anna = await screen.findByTestId('journal-column-2');
    expect(anna.querySelector('[data-testid="journal-cell"]')).not.toHaveAttribute('data-clickable');
    fireEvent.click(anna.querySelector('[data-testid="journal-cell"]')!);
    expect(screen.queryByTestId('booking-dialog')).not.toBeInTheDocument();
    expect(within(anna).queryByTestId('appointment-12-resize')).not.toBeInTheDocument();

    fireEvent.click(within(anna).getByTestId('appointment-12'));
    const panel = await screen.findByTestId('appointment-panel');
    const buttons = within(panel).getAllByTestId(/^status-button-/).map((b) => b.getAttribute('data-testid'));
    expect(buttons).toEqual(['status-button-arrived', 'status-button-completed']);
    fireEvent.change(within(panel).getByTestId('visit-formula'), { target: { value: '7/1 + 3%' } });
    fireEvent.click(within(panel).getByTestId('visit-save'));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.url).toBe('/api/v1/appointments/12/visit');
    expect(put.body).toEqual({ notes: '', formula: '7/1 + 3%', photo_file_ids: [] });
  });

  it('refreshes on live events of the branch (debounced)', async () => {
    const { calls } = serve();
    renderApp('/journal?date=2026-11-23');
    await screen.findByTestId('journal-column-2');
    await waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
    const source = FakeEventSource.instances[0];
    expect(source.url).toBe('/api/v1/events?branch_id=1');
    const before = journalCalls(calls).length;
    act(() => {
      source.emit('appointment', { kind: 'created', appointment_id: 14, branch_id: 1, source: 'online' });
      source.emit('appointment', { kind: 'status', appointment_id: 12, branch_id: 1 });
    });
    await waitFor(() => expect(journalCalls(calls).length).toBe(before + 1));
  });

  it('marks a closed day and shows a group class with its participants', async () => {
    serve('owner', (call) => (call.url.startsWith('/api/v1/journal?') ? json(makeJournal({ closed_days: ['2026-11-23'] })) : null));
    renderApp('/journal?date=2026-11-23');
    expect(await screen.findAllByTestId('journal-closed-2026-11-23')).not.toHaveLength(0);
    expect(screen.getByTestId('journal-column-2')).toHaveAttribute('data-closed', 'true');
    fireEvent.click(screen.getByTestId('group-event-4'));
    const participants = await screen.findByTestId('group-participants');
    expect(participants).toHaveTextContent('Oksana Lys');
    expect(screen.getByTestId('group-seats')).toHaveTextContent('3/8');
  });
});

describe('waitlist', { timeout: 30_000 }, () => {
  it('highlights offered entries and books the offered time', async () => {
    const entry = {
      id: 3,
      branch_id: 1,
      client_id: 5,
      client: { id: 5, name: 'Olena Koval' },
      service_ids: [2],
      staff_id: null,
      date_from: '2026-11-23',
      date_to: '2026-11-27',
      time_from: '10:00',
      time_to: '14:00',
      notes: '',
      status: 'offered',
      offered_start: '2026-11-24T09:00:00Z',
      offered_staff_id: 2,
      created_at: '2026-11-20T10:00:00Z',
    };
    const waiting = { ...entry, id: 4, client: { id: 6, name: 'Iryna Bondar' }, status: 'waiting', offered_start: null, offered_staff_id: null };
    const closed = { ...waiting, id: 5, status: 'closed' };
    const { calls } = serve('owner', (call) => {
      if (call.url === '/api/v1/waitlist?branch_id=1') return json({ items: [waiting, closed, entry] });
      if (call.url === '/api/v1/clients/5') return json({ id: 5, display_name: 'Olena Koval', tags: [], discount_percent: 0 });
      return null;
    });
    renderApp('/journal?date=2026-11-23');
    await screen.findByTestId('journal-column-2');
    await waitFor(() => expect(screen.getByTestId('journal-waitlist')).toHaveTextContent('1'));
    fireEvent.click(screen.getByTestId('journal-waitlist'));
    const panel = await screen.findByTestId('waitlist-panel');
    await waitFor(() => expect(within(panel).getAllByTestId(/^waitlist-entry-/)).toHaveLength(2));
    const entries = within(panel).getAllByTestId(/^waitlist-entry-/);
    expect(entries.map((e) => e.getAttribute('data-status'))).toEqual(['offered', 'waiting']);
    expect(within(panel).getByTestId('waitlist-offer-3')).toHaveTextContent('Free: Nov 24 11:00, Anna Melnyk');

    fireEvent.click(within(panel).getByTestId('waitlist-book-3'));
    await waitFor(() => expect(screen.getByTestId('booking-dialog')).not.toHaveAttribute('data-loading'));
    expect(screen.getByTestId('booking-date')).toHaveValue('2026-11-24');
    expect(screen.getByTestId('booking-time')).toHaveValue('11:00');
    expect(screen.getByTestId('booking-master-0')).toHaveValue('2');
    await waitFor(() => expect(screen.getByTestId('booking-client-search')).toHaveValue('Olena Koval'));
    expect(screen.getByTestId('booking-duration-0')).toHaveValue('45 min');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });
});
