import { configure, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetApiClient } from '../app/api';
import { sessionFor } from '../clients/testFixtures';
import i18n from '../i18n';
import { json, mockFetch } from '../test/fetchMock';
import { renderApp } from '../test/render';
import { journalAnswers, makeAppointment, makeJournal, SECOND } from './testFixtures';

class QuietEventSource {
  static CLOSED = 2;
  readyState = 1;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  addEventListener() {}
  close() {
    this.readyState = 2;
  }
}

configure({ asyncUtilTimeout: 5000 });

beforeEach(async () => {
  resetApiClient();
  vi.stubGlobal('EventSource', QuietEventSource);
  await i18n.changeLanguage('en');
});
afterEach(() => vi.unstubAllGlobals());

const COMMENT = '<b>Please</b> a quiet room & <script>alert(1)</script>';

function serve(notes = COMMENT) {
  const online = makeAppointment({ source: 'online', status: 'booked', notes });
  const journal = makeJournal({ appointments: [online, SECOND] });
  return mockFetch((call) => (call.url === '/api/v1/me' ? json(sessionFor('owner')) : (journalAnswers(call, journal) ?? json({}))));
}

describe('online bookings in the journal', { timeout: 30_000 }, () => {
  it('marks the block of an online booking, and only that one', async () => {
    serve();
    renderApp('/journal?date=2026-11-23');
    const anna = await screen.findByTestId('journal-column-2');
    const block = within(anna).getByTestId('appointment-12');
    const badge = within(block).getByTestId('appt-online-badge');
    expect(badge).toHaveAttribute('aria-label', 'Online booking');
    expect(badge).toHaveAttribute('title', 'Online booking');
    // Both blocks of the two-master visit are marked; the front desk's booking is not.
    expect(within(screen.getByTestId('journal-column-3')).getByTestId('appt-online-badge')).toBeInTheDocument();
    expect(within(within(anna).getByTestId('appointment-13')).queryByTestId('appt-online-badge')).not.toBeInTheDocument();
  });

  it('says so in the panel, with the client comment as plain text', async () => {
    serve();
    renderApp('/journal?date=2026-11-23');
    fireEvent.click(within(await screen.findByTestId('journal-column-2')).getByTestId('appointment-12'));
    const panel = await screen.findByTestId('appointment-panel');
    const online = within(panel).getByTestId('panel-online');
    expect(online).toHaveTextContent('Online booking');
    expect(online).toHaveTextContent("Client's comment");
    const notes = within(online).getByTestId('panel-notes');
    expect(notes.textContent).toBe(COMMENT);
    expect(notes.querySelector('b, script')).toBeNull();
  });

  it('says there is no comment when the client left none', async () => {
    serve('');
    renderApp('/journal?date=2026-11-23');
    fireEvent.click(within(await screen.findByTestId('journal-column-2')).getByTestId('appointment-12'));
    const online = await screen.findByTestId('panel-online');
    expect(online).toHaveTextContent('without a comment');
    expect(screen.queryByTestId('panel-notes')).not.toBeInTheDocument();
  });

  it('shows no online mark in the panel of a front-desk booking', async () => {
    mockFetch((call) => (call.url === '/api/v1/me' ? json(sessionFor('owner')) : (journalAnswers(call) ?? json({}))));
    renderApp('/journal?date=2026-11-23');
    fireEvent.click(within(await screen.findByTestId('journal-column-2')).getByTestId('appointment-13'));
    await screen.findByTestId('appointment-panel');
    expect(screen.queryByTestId('panel-online')).not.toBeInTheDocument();
  });
});
