import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetApiClient } from '../app/api';
import { makeClient, sessionFor, TAGS } from '../clients/testFixtures';
import i18n from '../i18n';
import type { Role } from '../identity/types';
import { json, mockFetch, problem, type RecordedCall } from '../test/fetchMock';
import { renderApp } from '../test/render';
import { message } from './testFixtures';
import type { ClientChannels } from './types';

configure({ asyncUtilTimeout: 5000 });

beforeEach(async () => {
  resetApiClient();
  await i18n.changeLanguage('en');
});
afterEach(() => vi.unstubAllGlobals());

const NEWEST = message({ id: 40, text: 'Hi <b>Olena</b> & <script>alert(1)</script>', sent_at: '2026-03-12T09:30:00Z' });
const FAILED = message({
  id: 39,
  channel: 'telegram',
  kind: 'booking_confirmation',
  status: 'failed',
  error: 'Forbidden: bot was blocked by the user',
  sent_at: null,
  created_at: '2026-03-11T09:00:00Z',
});
const PENDING = message({ id: 38, kind: 'reminder', status: 'pending', text: '', sent_at: null, due_at: '2026-03-13T07:00:00Z' });
const VOIDED = message({ id: 37, channel: 'email', kind: 'rescheduled', status: 'voided', sent_at: null });
const REPLY = message({ id: 36, channel: 'telegram', direction: 'in', kind: null, status: 'received', text: 'Thanks!' });
const OLDER = message({ id: 20, kind: 'feedback_request', text: 'How was your visit?', sent_at: '2026-01-02T12:00:00Z' });

function serve(role: Role = 'owner', extra: (call: RecordedCall) => Response | null = () => null) {
  let channels: ClientChannels = {
    channel_order: [],
    telegram: { linked: true, linked_at: '2026-01-10T10:00:00Z' },
    viber: { linked: false, linked_at: null },
  };
  return mockFetch((call) => {
    const [path, query = ''] = call.url.split('?');
    const params = new URLSearchParams(query);
    const answer = extra(call);
    if (answer) return answer;
    if (path === '/api/v1/me') return json(sessionFor(role));
    if (path === '/api/v1/client-tags') return json({ items: TAGS });
    if (path === '/api/v1/clients/17') return json(makeClient({}, role));
    if (path === '/api/v1/clients/17/messages')
      return params.get('cursor') === 'c2'
        ? json({ items: [OLDER], next_cursor: null })
        : json({ items: [NEWEST, FAILED, PENDING, VOIDED, REPLY], next_cursor: 'c2' });
    if (path === '/api/v1/clients/17/channels') {
      if (call.method === 'PUT') channels = { ...channels, ...(call.body as Partial<ClientChannels>) };
      return json(channels);
    }
    if (path === '/api/v1/clients/17/telegram-link' && call.method === 'POST')
      return json({ url: 'https://t.me/kvitka_bot?start=tok123', expires_at: '2026-03-20T10:00:00Z' });
    return json({ items: [], next_cursor: null });
  });
}

const when = (iso: string) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

describe('client card > messages', () => {
  it('lists the messages newest first, their text as plain text, and loads earlier ones', async () => {
    const { calls } = serve();
    renderApp('/clients/17?tab=messages');
    const list = await screen.findByTestId('client-messages');
    const items = within(list).getAllByTestId(/^client-message-\d+$/);
    expect(items.map((i) => i.dataset.testid)).toEqual([
      'client-message-40',
      'client-message-39',
      'client-message-38',
      'client-message-37',
      'client-message-36',
    ]);

    const newest = screen.getByTestId('client-message-40');
    const text = within(newest).getByTestId('client-message-text');
    // Never HTML: the tags stay as they were written.
    expect(text.textContent).toBe('Hi <b>Olena</b> & <script>alert(1)</script>');
    expect(text.querySelector('b')).toBeNull();
    expect(newest.querySelector('script')).toBeNull();
    expect(within(newest).getByTestId('client-message-channel')).toHaveTextContent('SMS');
    expect(within(newest).getByTestId('client-message-kind')).toHaveTextContent('Visit reminder');
    expect(within(newest).getByTestId('client-message-direction')).toHaveTextContent('Outgoing');
    expect(within(newest).getByTestId('client-message-status')).toHaveTextContent('Sent');
    expect(within(newest).getByTestId('client-message-time')).toHaveTextContent(when('2026-03-12T09:30:00Z'));
    expect(within(newest).queryByTestId('client-message-error')).not.toBeInTheDocument();

    const failed = screen.getByTestId('client-message-39');
    expect(within(failed).getByTestId('client-message-channel')).toHaveTextContent('Telegram');
    expect(within(failed).getByTestId('client-message-kind')).toHaveTextContent('Booking confirmation');
    expect(within(failed).getByTestId('client-message-status')).toHaveTextContent('Failed');
    expect(within(failed).getByTestId('client-message-error')).toHaveTextContent('Forbidden: bot was blocked by the user');

    const pending = screen.getByTestId('client-message-38');
    expect(within(pending).getByTestId('client-message-status')).toHaveTextContent('Scheduled');
    expect(within(pending).getByTestId('client-message-text')).toHaveTextContent('The text is written when the message is sent.');
    expect(within(pending).getByTestId('client-message-time')).toHaveTextContent(`Scheduled for ${when('2026-03-13T07:00:00Z')}`);

    const voided = screen.getByTestId('client-message-37');
    expect(within(voided).getByTestId('client-message-status')).toHaveTextContent('Cancelled');
    expect(voided).toHaveStyle({ opacity: '0.6' });
    expect(newest).not.toHaveStyle({ opacity: '0.6' });

    const reply = screen.getByTestId('client-message-36');
    expect(within(reply).getByTestId('client-message-direction')).toHaveTextContent('Incoming');
    expect(within(reply).getByTestId('client-message-kind')).toHaveTextContent('Reply');
    expect(within(reply).getByTestId('client-message-status')).toHaveTextContent('Received');

    fireEvent.click(screen.getByTestId('client-messages-more'));
    const older = await screen.findByTestId('client-message-20');
    expect(within(older).getByTestId('client-message-text')).toHaveTextContent('How was your visit?');
    expect(screen.queryByTestId('client-messages-more')).not.toBeInTheDocument();
    const pages = calls.filter((c) => c.url.startsWith('/api/v1/clients/17/messages')).map((c) => c.url);
    expect(pages).toEqual(['/api/v1/clients/17/messages?limit=50', '/api/v1/clients/17/messages?limit=50&cursor=c2']);
  });

  it('speaks the interface language', async () => {
    const ukrainian = sessionFor('owner');
    serve('owner', (call) => (call.url === '/api/v1/me' ? json({ ...ukrainian, user: { ...ukrainian.user, locale: 'uk' } }) : null));
    await i18n.changeLanguage('uk');
    renderApp('/clients/17?tab=messages');
    const failed = await screen.findByTestId('client-message-39');
    expect(within(failed).getByTestId('client-message-status')).toHaveTextContent('Помилка');
    expect(within(failed).getByTestId('client-message-kind')).toHaveTextContent('Підтвердження запису');
    expect(screen.getByTestId('client-tab-messages')).toHaveTextContent('Повідомлення');
  });

  it('shows linked messengers and saves the client\'s own channel order', async () => {
    const { calls } = serve();
    renderApp('/clients/17?tab=messages');
    await screen.findByTestId('client-channels-own');
    expect(screen.getByTestId('client-channels-telegram-state')).toHaveTextContent('Linked');
    expect(screen.getByTestId('client-channels-viber-state')).toHaveTextContent('Not linked');
    expect(screen.getByTestId('client-channels-own')).not.toBeChecked();
    expect(screen.queryByTestId('client-channels-order')).not.toBeInTheDocument();

    fireEvent.click(screen.getByTestId('client-channels-own'));
    fireEvent.click(screen.getByTestId('client-channels-order-viber-up'));
    fireEvent.click(screen.getByTestId('client-channels-save'));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.url).toBe('/api/v1/clients/17/channels');
    expect(put.body).toEqual({ channel_order: ['viber', 'telegram', 'sms', 'email'] });
    await waitFor(() => expect(screen.queryByTestId('client-channels-save')).not.toBeInTheDocument());
    expect(screen.getByTestId('client-channels-own')).toBeChecked();

    // Back to the salon's order: an empty list.
    fireEvent.click(screen.getByTestId('client-channels-own'));
    fireEvent.click(screen.getByTestId('client-channels-save'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(2));
    expect(calls.filter((c) => c.method === 'PUT')[1].body).toEqual({ channel_order: [] });
  });

  it('makes a Telegram link to copy', async () => {
    const { calls } = serve();
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    renderApp('/clients/17?tab=messages');
    fireEvent.click(await screen.findByTestId('client-telegram-link'));
    expect(await screen.findByTestId('client-telegram-url')).toHaveValue('https://t.me/kvitka_bot?start=tok123');
    expect(calls.find((c) => c.url === '/api/v1/clients/17/telegram-link')!.method).toBe('POST');
    fireEvent.click(screen.getByTestId('client-telegram-copy'));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('https://t.me/kvitka_bot?start=tok123'));
  });

  it('explains that the Telegram bot is not set up (409)', async () => {
    serve('admin', (call) =>
      call.url === '/api/v1/clients/17/telegram-link'
        ? problem({ status: 409, code: 'channel-not-configured', title: 'Telegram is not configured' })
        : null,
    );
    renderApp('/clients/17?tab=messages');
    fireEvent.click(await screen.findByTestId('client-telegram-link'));
    expect(await screen.findByTestId('client-telegram-not-set-up')).toHaveTextContent(
      "The salon's Telegram bot is not set up yet.",
    );
    expect(screen.queryByTestId('client-telegram-url')).not.toBeInTheDocument();
    expect(screen.queryByTestId('client-telegram-error')).not.toBeInTheDocument();
  });

  it('is not offered to masters', async () => {
    const { calls } = serve('master');
    renderApp('/clients/17?tab=messages');
    expect(await screen.findByTestId('client-tab-profile')).toBeInTheDocument();
    expect(screen.queryByTestId('client-tab-messages')).not.toBeInTheDocument();
    expect(screen.queryByTestId('client-messages')).not.toBeInTheDocument();
    expect(calls.some((c) => c.url.includes('/messages'))).toBe(false);
  });
});
