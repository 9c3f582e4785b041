import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetApiClient } from '../app/api';
import { sessionFor } from '../clients/testFixtures';
import i18n from '../i18n';
import type { Role } from '../identity/types';
import { json, mockFetch, problem, type RecordedCall } from '../test/fetchMock';
import { renderApp } from '../test/render';
import { channelViews } from './testFixtures';
import type { ChannelView } from './types';

configure({ asyncUtilTimeout: 5000 });

beforeEach(async () => {
  resetApiClient();
  await i18n.changeLanguage('en');
});
afterEach(() => vi.unstubAllGlobals());

function serve(role: Role = 'owner', extra: (call: RecordedCall) => Response | null = () => null) {
  const state = new Map(channelViews().map((c) => [c.channel, c]));
  return mockFetch((call) => {
    if (call.url === '/api/v1/me') return json(sessionFor(role));
    const answer = extra(call);
    if (answer) return answer;
    if (call.url === '/api/v1/settings/channels') return json({ items: [...state.values()] });
    const m = /^\/api\/v1\/settings\/channels\/(\w+)$/.exec(call.url);
    if (m && call.method === 'PUT') {
      const before = state.get(m[1] as ChannelView['channel'])!;
      const body = call.body as Record<string, unknown>;
      const after: ChannelView = { ...before, updated_at: '2026-02-01T00:00:00Z' };
      for (const [k, v] of Object.entries(body)) {
        if (`${k}_set` in before) after[`${k}_set`] = v !== null;
        else after[k] = v;
      }
      state.set(after.channel, after);
      return json(after);
    }
    return json({ items: [], next_cursor: null });
  });
}

const puts = (calls: RecordedCall[]) => calls.filter((c) => c.method === 'PUT');

async function openChannels() {
  renderApp('/settings?tab=messages');
  return screen.findByTestId('channels-panel');
}

describe('Settings > Messages > Channels', () => {
  it('shows a card per channel with its state and the fields of its provider', async () => {
    serve();
    await openChannels();
    for (const c of ['telegram', 'sms', 'viber', 'email']) expect(screen.getByTestId(`channel-${c}`)).toBeInTheDocument();
    expect(screen.getByTestId('channel-telegram-status')).toHaveTextContent('Configured');
    expect(screen.getByTestId('channel-viber-status')).toHaveTextContent('Not configured');
    expect(screen.getByTestId('channel-telegram-enabled')).toBeChecked();
    expect(screen.getByTestId('channel-viber-enabled')).not.toBeChecked();

    // A saved secret is never shown: an empty input that says it is saved.
    const token = screen.getByTestId('channel-telegram-bot_token');
    expect(token).toHaveValue('');
    expect(token).toHaveAttribute('placeholder', '•••• saved — type to replace');
    expect(screen.getByTestId('channel-telegram-bot_token-clear')).toBeInTheDocument();
    expect(screen.getByTestId('channel-telegram-bot_username')).toHaveValue('kvitka_bot');
    // A secret that is not saved offers nothing to clear.
    expect(screen.getByTestId('channel-viber-auth_token')).not.toHaveAttribute('placeholder', '•••• saved — type to replace');
    expect(screen.queryByTestId('channel-viber-auth_token-clear')).not.toBeInTheDocument();
    // The webhook secret only matters for a webhook.
    expect(screen.queryByTestId('channel-telegram-webhook_secret')).not.toBeInTheDocument();

    // TurboSMS: token and sender; no gateway fields.
    const sms = screen.getByTestId('channel-sms');
    expect(within(sms).getByTestId('channel-sms-provider')).toHaveValue('turbosms');
    expect(within(sms).getByTestId('channel-sms-token')).toHaveAttribute('placeholder', '•••• saved — type to replace');
    expect(within(sms).getByTestId('channel-sms-sender')).toHaveValue('Kvitka');
    expect(within(sms).queryByTestId('channel-sms-url')).not.toBeInTheDocument();
    expect(within(sms).queryByTestId('channel-sms-api_key')).not.toBeInTheDocument();
    expect(screen.getByTestId('channel-sms-save')).toBeDisabled();
  });

  it('never sends an untouched secret', async () => {
    const { calls } = serve();
    await openChannels();
    fireEvent.change(screen.getByTestId('channel-sms-sender'), { target: { value: ' Salon ' } });
    fireEvent.click(screen.getByTestId('channel-sms-save'));
    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    expect(puts(calls)[0].url).toBe('/api/v1/settings/channels/sms');
    expect(puts(calls)[0].headers['x-csrf-token']).toBe('tok-1');
    expect(puts(calls)[0].body).toEqual({ sender: 'Salon' });
    expect(await screen.findByText('SMS settings saved')).toBeInTheDocument();
    // Still saved, still hidden.
    await waitFor(() => expect(screen.getByTestId('channel-sms-save')).toBeDisabled());
    expect(screen.getByTestId('channel-sms-token')).toHaveValue('');
    expect(screen.getByTestId('channel-sms-token')).toHaveAttribute('placeholder', '•••• saved — type to replace');
  });

  it('sends a typed secret, and null for a cleared one', async () => {
    const { calls } = serve();
    await openChannels();
    fireEvent.change(screen.getByTestId('channel-sms-token'), { target: { value: 'new-token' } });
    fireEvent.click(screen.getByTestId('channel-sms-save'));
    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    expect(puts(calls)[0].body).toEqual({ token: 'new-token' });

    fireEvent.click(screen.getByTestId('channel-telegram-bot_token-clear'));
    expect(screen.getByTestId('channel-telegram-bot_token')).toBeDisabled();
    fireEvent.click(screen.getByTestId('channel-telegram-enabled'));
    fireEvent.click(screen.getByTestId('channel-telegram-save'));
    await waitFor(() => expect(puts(calls)).toHaveLength(2));
    expect(puts(calls)[1].url).toBe('/api/v1/settings/channels/telegram');
    expect(puts(calls)[1].body).toEqual({ enabled: false, bot_token: null });
    // Cleared on the server: nothing saved any more.
    await waitFor(() => expect(screen.queryByTestId('channel-telegram-bot_token-clear')).not.toBeInTheDocument());
  });

  it('takes back a clear before saving', async () => {
    const { calls } = serve();
    await openChannels();
    fireEvent.click(screen.getByTestId('channel-telegram-bot_token-clear'));
    fireEvent.click(screen.getByTestId('channel-telegram-bot_token-undo'));
    expect(screen.getByTestId('channel-telegram-save')).toBeDisabled();
    fireEvent.change(screen.getByTestId('channel-telegram-bot_username'), { target: { value: 'salon_bot' } });
    fireEvent.click(screen.getByTestId('channel-telegram-save'));
    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    expect(puts(calls)[0].body).toEqual({ bot_username: 'salon_bot' });
  });

  it('shows the fields of the chosen SMS provider and sends a generic gateway', async () => {
    const { calls } = serve();
    await openChannels();
    fireEvent.change(screen.getByTestId('channel-sms-provider'), { target: { value: 'alphasms' } });
    expect(screen.getByTestId('channel-sms-api_key')).toBeInTheDocument();
    expect(screen.queryByTestId('channel-sms-token')).not.toBeInTheDocument();

    fireEvent.change(screen.getByTestId('channel-sms-provider'), { target: { value: 'generic' } });
    for (const f of ['url', 'method', 'headers', 'body_template', 'sender']) {
      expect(screen.getByTestId(`channel-sms-${f}`), f).toBeInTheDocument();
    }
    expect(screen.queryByTestId('channel-sms-api_key')).not.toBeInTheDocument();
    fireEvent.change(screen.getByTestId('channel-sms-url'), { target: { value: 'https://gw.example/send' } });
    fireEvent.change(screen.getByTestId('channel-sms-method'), { target: { value: 'PUT' } });
    fireEvent.change(screen.getByTestId('channel-sms-headers'), {
      target: { value: 'Authorization: Bearer abc\nX-Account: 42' },
    });
    fireEvent.change(screen.getByTestId('channel-sms-body_template'), {
      target: { value: '{"to":"{{phone}}","text":"{{text}}"}' },
    });
    fireEvent.click(screen.getByTestId('channel-sms-save'));
    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    expect(puts(calls)[0].body).toEqual({
      provider: 'generic',
      url: 'https://gw.example/send',
      method: 'PUT',
      headers: { Authorization: 'Bearer abc', 'X-Account': '42' },
      body_template: '{"to":"{{phone}}","text":"{{text}}"}',
    });
  });

  it('refuses headers that are not "Name: value" lines without sending', async () => {
    const { calls } = serve();
    await openChannels();
    fireEvent.change(screen.getByTestId('channel-sms-provider'), { target: { value: 'generic' } });
    fireEvent.change(screen.getByTestId('channel-sms-headers'), { target: { value: 'no colon here' } });
    fireEvent.click(screen.getByTestId('channel-sms-save'));
    expect(await screen.findByText('One header per line: Name: value')).toBeInTheDocument();
    expect(puts(calls)).toHaveLength(0);
  });

  it('shows the server field errors (422) under their inputs', async () => {
    serve('owner', (call) =>
      call.method === 'PUT'
        ? problem({
            status: 422,
            code: 'validation-failed',
            title: 'Validation failed',
            errors: [
              { field: 'sms.sender', code: 'too_long' },
              { field: 'sms.token', code: 'invalid_value' },
              { field: 'sms.whatever', code: 'unknown_field' },
            ],
          })
        : null,
    );
    await openChannels();
    fireEvent.change(screen.getByTestId('channel-sms-sender'), { target: { value: 'AVeryLongSender' } });
    fireEvent.change(screen.getByTestId('channel-sms-token'), { target: { value: 'x' } });
    fireEvent.click(screen.getByTestId('channel-sms-save'));
    const sms = screen.getByTestId('channel-sms');
    await waitFor(() => expect(within(sms).getByTestId('channel-sms-sender')).toHaveAttribute('aria-invalid', 'true'));
    expect(within(sms).getByText('Too long')).toBeInTheDocument();
    // A password input marks itself with data-invalid; the message is the input's description.
    const token = within(sms).getByTestId('channel-sms-token');
    expect(token).toHaveAttribute('data-invalid', 'true');
    expect(document.getElementById(token.getAttribute('aria-describedby')!.trim().split(' ')[0])).toHaveTextContent(
      'Invalid value',
    );
    const alert = screen.getByTestId('channel-sms-error');
    expect(alert).toHaveTextContent('Please correct the highlighted fields.');
    expect(alert).toHaveTextContent('sms.whatever: Unknown field');
    // Other cards are untouched.
    expect(screen.getByTestId('channel-telegram-bot_username')).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('is a tab for owners and managers only', async () => {
    serve('manager');
    const { router, unmount } = renderApp('/settings');
    fireEvent.click(await screen.findByTestId('settings-tab-messages'));
    await waitFor(() => expect(router.state.location.search).toBe('?tab=messages'));
    expect(await screen.findByTestId('channels-panel')).toBeInTheDocument();
    unmount();

    for (const role of ['admin', 'master'] as const) {
      vi.unstubAllGlobals();
      const { calls } = serve(role);
      const view = renderApp('/settings?tab=messages');
      expect(await screen.findByTestId('settings-tab-branches')).toBeInTheDocument();
      expect(screen.queryByTestId('settings-tab-messages')).not.toBeInTheDocument();
      expect(screen.queryByTestId('messages-settings')).not.toBeInTheDocument();
      expect(calls.some((c) => c.url.startsWith('/api/v1/settings/channels'))).toBe(false);
      view.unmount();
    }
  });
});
