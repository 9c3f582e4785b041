import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetApiClient } from '../app/api';
import i18n from '../i18n';
import { json, mockFetch, problem } from '../test/fetchMock';
import { renderApp } from '../test/render';
import { sessionFor, TAGS } from './testFixtures';

beforeEach(async () => {
  resetApiClient();
  await i18n.changeLanguage('en');
});
afterEach(() => vi.unstubAllGlobals());

describe('Settings > Clients', () => {
  it('changes the name order and manages tags', async () => {
    let nameOrder = 'first_last';
    const { calls } = mockFetch((call) => {
      const path = call.url.split('?')[0];
      if (path === '/api/v1/me') return json(sessionFor('owner'));
      if (path === '/api/v1/settings/clients') {
        if (call.method === 'PATCH') nameOrder = (call.body as { name_order: string }).name_order;
        return json({ name_order: nameOrder });
      }
      if (path === '/api/v1/client-tags' && call.method === 'POST') {
        const body = call.body as { name: string };
        return body.name === 'VIP'
          ? problem({ status: 409, code: 'tag-taken', title: 'Tag taken' })
          : json({ id: 3, ...body, clients: 0 }, 201);
      }
      if (path === '/api/v1/client-tags') return json({ items: TAGS });
      return json({ items: [], next_cursor: null });
    });
    renderApp('/settings?tab=clients');

    const order = await screen.findByTestId('settings-name-order');
    await waitFor(() => expect(order).toHaveValue('First name Last name'));
    fireEvent.click(order);
    fireEvent.click(within(screen.getByRole('listbox')).getByRole('option', { name: 'Last name First name' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')!.body).toEqual({ name_order: 'last_first' });

    expect(await screen.findByTestId('tag-row-1')).toHaveTextContent('VIP');
    fireEvent.click(screen.getByTestId('tags-add'));
    fireEvent.change(await screen.findByTestId('tag-form-name'), { target: { value: 'VIP' } });
    fireEvent.click(screen.getByTestId('tag-form-submit'));
    expect(await screen.findByText('A tag with this name already exists.')).toBeInTheDocument();
    fireEvent.change(screen.getByTestId('tag-form-name'), { target: { value: 'Bride' } });
    fireEvent.change(screen.getByTestId('tag-form-color'), { target: { value: '#12B886' } });
    fireEvent.click(screen.getByTestId('tag-form-submit'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2));
    expect(calls.filter((c) => c.method === 'POST')[1].body).toEqual({ name: 'Bride', color: '#12b886' });
  });

  it('is not offered to masters', async () => {
    mockFetch((call) => (call.url === '/api/v1/me' ? json(sessionFor('master')) : json({ items: [], next_cursor: null })));
    renderApp('/settings?tab=clients');
    expect(await screen.findByTestId('settings-tab-branches')).toBeInTheDocument();
    expect(screen.queryByTestId('settings-tab-clients')).not.toBeInTheDocument();
  });
});
