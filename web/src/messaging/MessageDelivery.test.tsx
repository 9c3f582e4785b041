import { configure, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetApiClient } from '../app/api';
import { makeClient, sessionFor, TAGS } from '../clients/testFixtures';
import i18n from '../i18n';
import { json, mockFetch } from '../test/fetchMock';
import { renderApp } from '../test/render';
import { message } from './testFixtures';

configure({ asyncUtilTimeout: 5000 });

beforeEach(async () => {
  resetApiClient();
  await i18n.changeLanguage('en');
});
afterEach(() => vi.unstubAllGlobals());

const DELIVERED = message({ id: 50, delivery: 'delivered', delivered_at: '2026-03-12T09:31:00Z' });
const SEEN = message({ id: 49, channel: 'viber', delivery: 'seen', delivered_at: '2026-03-12T09:40:00Z' });
const UNDELIVERED = message({ id: 48, delivery: 'undelivered', delivered_at: '2026-03-12T10:00:00Z' });
const UNKNOWN = message({ id: 47, channel: 'email' });
const REPLY = message({ id: 46, channel: 'telegram', direction: 'in', kind: null, status: 'received', text: 'Thanks!' });

function serve(locale = 'en') {
  const session = sessionFor('owner');
  return mockFetch((call) => {
    const [path] = call.url.split('?');
    if (path === '/api/v1/me') return json({ ...session, user: { ...session.user, locale } });
    if (path === '/api/v1/client-tags') return json({ items: TAGS });
    if (path === '/api/v1/clients/17') return json(makeClient({}, 'owner'));
    if (path === '/api/v1/clients/17/messages')
      return json({ items: [DELIVERED, SEEN, UNDELIVERED, UNKNOWN, REPLY], next_cursor: null });
    if (path === '/api/v1/clients/17/channels')
      return json({
        channel_order: [],
        telegram: { linked: false, linked_at: null },
        viber: { linked: false, linked_at: null },
      });
    return json({ items: [], next_cursor: null });
  });
}

const when = (iso: string) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
const deliveryOf = (id: number) => within(screen.getByTestId(`client-message-${id}`)).queryByTestId('client-message-delivery');

describe('client card > messages > delivery', () => {
  it('shows what the provider reported of each sent message, with its time', async () => {
    serve();
    renderApp('/clients/17?tab=messages');
    await screen.findByTestId('client-message-50');

    const delivered = deliveryOf(50)!;
    expect(delivered).toHaveAttribute('data-delivery', 'delivered');
    expect(delivered).toHaveTextContent(`Delivered ${when('2026-03-12T09:31:00Z')}`);
    // The message keeps its own status beside it.
    expect(within(screen.getByTestId('client-message-50')).getByTestId('client-message-status')).toHaveTextContent('Sent');

    expect(deliveryOf(49)).toHaveTextContent(`Seen ${when('2026-03-12T09:40:00Z')}`);
    expect(deliveryOf(48)).toHaveAttribute('data-delivery', 'undelivered');
    expect(deliveryOf(48)).toHaveTextContent('Not delivered');
    // Nothing reported (email has no reports), and nothing for a message the client wrote.
    expect(deliveryOf(47)).toBeNull();
    expect(deliveryOf(46)).toBeNull();
  });

  it('speaks Ukrainian and Russian', async () => {
    serve('uk');
    await i18n.changeLanguage('uk');
    const { unmount } = renderApp('/clients/17?tab=messages');
    await screen.findByTestId('client-message-50');
    expect(deliveryOf(49)).toHaveTextContent(/^Переглянуто /);
    expect(deliveryOf(48)).toHaveTextContent('Не доставлено');
    unmount();
    vi.unstubAllGlobals();
    resetApiClient();
    serve('ru');
    await i18n.changeLanguage('ru');
    renderApp('/clients/17?tab=messages');
    await screen.findByTestId('client-message-50');
    expect(deliveryOf(50)).toHaveTextContent(/^Доставлено /);
    expect(deliveryOf(49)).toHaveTextContent(/^Просмотрено /);
  });
});
