import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetApiClient } from '../app/api';
import { sessionFor } from '../clients/testFixtures';
import i18n from '../i18n';
import type { Role } from '../identity/types';
import { json, mockFetch, problem, type RecordedCall } from '../test/fetchMock';
import { renderApp } from '../test/render';
import { catalogAnswers, makeStaff } from './testFixtures';
import type { StaffChannels } from './types';

configure({ asyncUtilTimeout: 5000 });

beforeEach(async () => {
  resetApiClient();
  await i18n.changeLanguage('en');
});
afterEach(() => vi.unstubAllGlobals());

const LINK = 'https://t.me/kvitka_bot?start=tok123';
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29"><path d="M4 4h7v7H4z"/></svg>\n';
const NOT_LINKED: StaffChannels = { telegram: { linked: false, linked_at: null } };

/** The staff pages as `role` (session user 1) with master 3 (of `user_id`) and their chats. */
function serve(role: Role, { userId = null as number | null, linkAnswer = null as Response | null } = {}) {
  let channels = NOT_LINKED;
  const server = {
    linkTheChat: () => {
      channels = { telegram: { linked: true, linked_at: '2026-03-12T09:30:00Z' } };
    },
    ...mockFetch((call: RecordedCall) => {
      if (call.url === '/api/v1/me') return json(sessionFor(role));
      if (call.url === '/api/v1/staff/3' && call.method === 'GET') return json(makeStaff({ user_id: userId }));
      if (call.url === '/api/v1/staff/3/channels') return json(channels);
      if (call.url === '/api/v1/staff/3/telegram-link' && call.method === 'POST')
        return linkAnswer ?? json({ url: LINK, expires_at: '2026-04-11T09:00:00Z', qr_svg: SVG }, 201);
      if (call.url === '/api/v1/staff/3/channels/telegram' && call.method === 'DELETE') {
        channels = NOT_LINKED;
        return json(channels);
      }
      return catalogAnswers(call) ?? json({});
    }),
  };
  return server;
}

const writes = (calls: RecordedCall[]) => calls.filter((c) => c.method !== 'GET').map((c) => `${c.method} ${c.url}`);

describe('master page > Telegram', { timeout: 30_000 }, () => {
  it('makes a link with its QR code, notices when the master opens it, and unlinks', async () => {
    const server = serve('owner');
    renderApp('/staff/3');
    const card = await screen.findByTestId('staff-telegram');
    expect(await within(card).findByTestId('staff-telegram-state')).toHaveTextContent('Not connected');
    expect(within(card).queryByTestId('staff-telegram-unlink')).not.toBeInTheDocument();

    await waitFor(() => expect(within(card).getByTestId('staff-telegram-link')).toBeEnabled());
    fireEvent.click(within(card).getByTestId('staff-telegram-link'));
    expect(await within(card).findByTestId('staff-telegram-url')).toHaveValue(LINK);
    const qr = within(card).getByTestId('staff-telegram-qr');
    expect(qr).toHaveAttribute('src', `data:image/svg+xml;charset=utf-8,${encodeURIComponent(SVG)}`);
    expect(qr).toHaveAttribute('alt', 'QR code of the link to the Telegram bot');
    expect(within(card).getByTestId('staff-telegram-copy')).toHaveTextContent('Copy link');
    expect(within(card).getByTestId('staff-telegram-url-box')).toHaveTextContent('press Start in Telegram');
    expect(writes(server.calls)).toEqual(['POST /api/v1/staff/3/telegram-link']);
    expect(server.calls.find((c) => c.method === 'POST')!.headers['x-csrf-token']).toBe('tok-1');

    // The master opens it: the card sees the chat linked and puts the used link away.
    server.linkTheChat();
    await waitFor(() => expect(within(card).getByTestId('staff-telegram-state')).toHaveTextContent('Connected'), {
      timeout: 8000,
    });
    await waitFor(() => expect(within(card).queryByTestId('staff-telegram-url-box')).not.toBeInTheDocument());
    expect(within(card).getByTestId('staff-telegram-link')).toHaveTextContent('New link');

    fireEvent.click(within(card).getByTestId('staff-telegram-unlink'));
    await waitFor(() => expect(within(card).getByTestId('staff-telegram-state')).toHaveTextContent('Not connected'));
    expect(writes(server.calls)).toEqual(['POST /api/v1/staff/3/telegram-link', 'DELETE /api/v1/staff/3/channels/telegram']);
    expect(within(card).queryByTestId('staff-telegram-unlink')).not.toBeInTheDocument();
  });

  it('says so when the salon has no Telegram bot', async () => {
    serve('manager', {
      linkAnswer: problem({ status: 409, type: 'https://kvitka.app/problems/channel-not-set-up', title: 'Not set up' }),
    });
    renderApp('/staff/3');
    const card = await screen.findByTestId('staff-telegram');
    await waitFor(() => expect(within(card).getByTestId('staff-telegram-link')).toBeEnabled());
    fireEvent.click(within(card).getByTestId('staff-telegram-link'));
    expect(await within(card).findByTestId('staff-telegram-not-set-up')).toHaveTextContent("The salon's Telegram bot is not set up yet");
    expect(within(card).queryByTestId('staff-telegram-url-box')).not.toBeInTheDocument();
  });

  it('is shown to a master on their own card only', async () => {
    const own = serve('master', { userId: 1 });
    const { unmount } = renderApp('/staff/3');
    expect(await screen.findByTestId('staff-telegram')).toBeInTheDocument();
    await waitFor(() => expect(own.calls.some((c) => c.url === '/api/v1/staff/3/channels')).toBe(true));
    unmount();
    vi.unstubAllGlobals();
    resetApiClient();

    const other = serve('master', { userId: 2 });
    renderApp('/staff/3');
    expect(await screen.findByTestId('master-name')).toBeInTheDocument();
    expect(screen.queryByTestId('staff-telegram')).not.toBeInTheDocument();
    expect(other.calls.some((c) => c.url === '/api/v1/staff/3/channels')).toBe(false);
  });
});
