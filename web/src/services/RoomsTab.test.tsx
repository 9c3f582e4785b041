import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetApiClient } from '../app/api';
import { sessionFor } from '../clients/testFixtures';
import i18n from '../i18n';
import { cleanClosedDays } from '../staff/ClosedDaysTab';
import { catalogAnswers } from '../staff/testFixtures';
import { json, mockFetch, type RecordedCall } from '../test/fetchMock';
import { renderApp } from '../test/render';
import { closuresFromDrafts } from './RoomsTab';

beforeEach(async () => {
  resetApiClient();
  await i18n.changeLanguage('en');
});
afterEach(() => vi.unstubAllGlobals());

function serve(extra: (call: RecordedCall) => Response | null = () => null) {
  return mockFetch((call) => {
    if (call.url === '/api/v1/me') return json(sessionFor('owner'));
    return extra(call) ?? catalogAnswers(call) ?? json({ items: [], next_cursor: null });
  });
}

describe('Settings > Rooms and Closed days', () => {
  it('turns closures typed in the branch zone into instants', () => {
    expect(
      closuresFromDrafts(
        [
          { start: '2026-12-01T10:00', end: '2026-12-01T14:00', reason: ' Repairs ' },
          { start: '2026-07-01T10:00', end: '2026-07-01T09:00', reason: '' },
          { start: '', end: '2026-07-01T09:00', reason: '' },
        ],
        'Europe/Kyiv',
      ),
    ).toEqual({
      closures: [{ start: '2026-12-01T08:00:00Z', end: '2026-12-01T12:00:00Z', reason: 'Repairs' }],
      errors: { 1: 'end_before_start', 2: 'required' },
    });
  });

  it('creates a room with a capacity and a closure', async () => {
    const { calls } = serve((call) =>
      call.method === 'POST' ? json({ id: 2, branch_id: 1, name: 'Pedicure chair', capacity: 2, service_ids: [], closures: [], archived: false }, 201) : null,
    );
    renderApp('/settings?tab=rooms');
    expect(await screen.findByTestId('room-row-1')).toHaveTextContent('Cosmetology room');
    fireEvent.click(screen.getByTestId('room-new'));
    fireEvent.change(await screen.findByTestId('room-form-name'), { target: { value: 'Pedicure chair' } });
    fireEvent.change(screen.getByTestId('room-form-capacity'), { target: { value: '2' } });
    fireEvent.click(screen.getByTestId('room-closure-add'));
    fireEvent.change(screen.getByTestId('room-closure-0-start'), { target: { value: '2026-12-01T10:00' } });
    fireEvent.change(screen.getByTestId('room-closure-0-end'), { target: { value: '2026-12-01T14:00' } });
    fireEvent.click(screen.getByTestId('room-form-submit'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      branch_id: 1,
      name: 'Pedicure chair',
      capacity: 2,
      closures: [{ start: '2026-12-01T08:00:00Z', end: '2026-12-01T12:00:00Z', reason: '' }],
    });
  });

  it('saves the branch closed days in date order', async () => {
    const { calls } = serve((call) => {
      if (call.url === '/api/v1/branches/1/closed-days' && call.method === 'GET') {
        return json({ items: [{ date: '2026-12-31', reason: 'New Year' }] });
      }
      if (call.method === 'PUT') return json(call.body);
      return null;
    });
    renderApp('/settings?tab=closed-days');
    expect(await screen.findByTestId('closed-day-0-date')).toHaveValue('2026-12-31');
    fireEvent.click(screen.getByTestId('closed-day-add'));
    fireEvent.change(screen.getByTestId('closed-day-1-date'), { target: { value: '2026-08-24' } });
    fireEvent.change(screen.getByTestId('closed-day-1-reason'), { target: { value: 'Independence Day' } });
    fireEvent.click(screen.getByTestId('closed-days-save'));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.url).toBe('/api/v1/branches/1/closed-days');
    expect(put.body).toEqual({
      items: [
        { date: '2026-08-24', reason: 'Independence Day' },
        { date: '2026-12-31', reason: 'New Year' },
      ],
    });
    expect(cleanClosedDays([{ date: 'x', reason: '' }, { date: '2026-01-01', reason: ' a ' }, { date: '2026-01-01', reason: 'b' }])).toEqual([
      { date: '2026-01-01', reason: 'b' },
    ]);
  });
});
