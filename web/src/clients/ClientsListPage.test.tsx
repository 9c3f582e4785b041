import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetApiClient } from '../app/api';
import i18n from '../i18n';
import type { Role } from '../identity/types';
import { json, mockFetch, type RecordedCall } from '../test/fetchMock';
import { renderApp } from '../test/render';
import { makeClient, sessionFor, TAGS } from './testFixtures';

beforeEach(async () => {
  resetApiClient();
  await i18n.changeLanguage('en');
});
afterEach(() => vi.unstubAllGlobals());

function serve(role: Role, list: (call: RecordedCall) => Response) {
  return mockFetch((call) => {
    const path = call.url.split('?')[0];
    if (path === '/api/v1/me') return json(sessionFor(role));
    if (path === '/api/v1/client-tags') return json({ items: TAGS });
    if (path === '/api/v1/client-segments') return json({ items: [] });
    if (path === '/api/v1/clients') return list(call);
    if (path === '/api/v1/clients/export')
      return new Response('id;name', {
        headers: { 'Content-Type': 'text/csv', 'Content-Disposition': `attachment; filename="clients.csv"; filename*=UTF-8''%D0%BA%D0%BB%D1%96%D1%94%D0%BD%D1%82%D0%B8.xlsx` },
      });
    return json({});
  });
}

const olena = (role: Role) => makeClient({}, role);
const iryna = (role: Role) =>
  makeClient({ id: 18, first_name: 'Iryna', last_name: 'Bondar', display_name: 'Iryna Bondar', phones: ['+380501112233'], tags: [] }, role);

describe('clients list', () => {
  it('shows phones, tags and money to an owner, with create, import and export', async () => {
    serve('owner', () => json({ items: [olena('owner'), iryna('owner')], next_cursor: null, total: 2 }));
    renderApp('/clients');
    const row = await screen.findByTestId('clients-row-17');
    expect(within(row).getByText('Olena Kovalenko')).toBeInTheDocument();
    expect(within(row).getByText('+380 67 123 45 67')).toBeInTheDocument();
    expect(within(row).getByText('VIP')).toBeInTheDocument();
    expect(within(row).getByText('₴1,234.50')).toBeInTheDocument();
    expect(screen.getByTestId('clients-col-phone')).toBeInTheDocument();
    expect(screen.getByTestId('clients-count')).toHaveTextContent('Shown 2 of 2');
    for (const id of ['clients-new', 'clients-import', 'clients-export-csv', 'clients-export-xlsx']) {
      expect(screen.getByTestId(id)).toBeInTheDocument();
    }
  });

  it('gives masters no phone or email column and no create, import or export', async () => {
    serve('master', () => json({ items: [olena('master'), iryna('master')], next_cursor: null, total: null }));
    // Even a remembered choice with contact columns does not show them.
    localStorage.setItem('kvitka.clients.columns', JSON.stringify(['phone', 'email', 'tags', 'visits']));
    renderApp('/clients');
    const row = await screen.findByTestId('clients-row-17');
    expect(within(row).getByText('Olena')).toBeInTheDocument();
    expect(screen.queryByTestId('clients-col-phone')).not.toBeInTheDocument();
    expect(screen.queryByTestId('clients-col-email')).not.toBeInTheDocument();
    expect(screen.getByTestId('clients-col-tags')).toBeInTheDocument();
    expect(screen.queryByText(/\+380/)).not.toBeInTheDocument();
    for (const id of ['clients-new', 'clients-import', 'clients-export-csv', 'clients-export-xlsx']) {
      expect(screen.queryByTestId(id)).not.toBeInTheDocument();
    }
    expect(screen.getByTestId('clients-search')).toHaveAttribute('placeholder', 'Name');
  });

  it('searches as one types (debounced) and pages with next_cursor', async () => {
    const { calls } = serve('owner', (call) => {
      const params = new URL(call.url, 'http://x').searchParams;
      if (params.get('cursor') === 'c2') return json({ items: [iryna('owner')], next_cursor: null, total: null });
      return json({ items: [olena('owner')], next_cursor: 'c2', total: 2 });
    });
    const { router } = renderApp('/clients');
    await screen.findByTestId('clients-row-17');
    const listCalls = () => calls.filter((c) => c.url.startsWith('/api/v1/clients?'));
    expect(listCalls()[0].url).toContain('with_total=true');

    fireEvent.click(screen.getByTestId('clients-load-more'));
    await screen.findByTestId('clients-row-18');
    expect(listCalls().at(-1)!.url).toContain('cursor=c2');
    expect(listCalls().at(-1)!.url).not.toContain('with_total');
    expect(screen.getByTestId('clients-count')).toHaveTextContent('Shown 2 of 2');
    expect(screen.queryByTestId('clients-load-more')).not.toBeInTheDocument();

    const before = listCalls().length;
    fireEvent.change(screen.getByTestId('clients-search'), { target: { value: 'o' } });
    fireEvent.change(screen.getByTestId('clients-search'), { target: { value: 'ol' } });
    fireEvent.change(screen.getByTestId('clients-search'), { target: { value: 'ole' } });
    await waitFor(() => expect(listCalls().some((c) => c.url.includes('q=ole'))).toBe(true));
    // One request for the final text, none for the keystrokes in between.
    expect(listCalls().slice(before).filter((c) => /q=o(&|$)|q=ol(&|$)/.test(c.url))).toHaveLength(0);
    expect(router.state.location.search).toBe('?q=ole');
  });

  it('reads filters from the URL, shows them as chips and exports with them', async () => {
    const { calls } = serve('owner', () => json({ items: [olena('owner')], next_cursor: null, total: 1 }));
    const saved: string[] = [];
    Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL: () => {} });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    renderApp('/clients?tag_ids=1&spent_min=100050&sleeping_days=30');
    await screen.findByTestId('clients-row-17');
    const first = calls.find((c) => c.url.startsWith('/api/v1/clients?'))!;
    expect(first.url).toContain('tag_ids=1&spent_min=100050&sleeping_days=30');
    expect(screen.getByTestId('active-filter-tag_ids')).toHaveTextContent('Tags: VIP');
    expect(screen.getByTestId('active-filter-spent_min')).toHaveTextContent('Spent from ₴1,000.50');

    fireEvent.click(screen.getByTestId('clients-export-xlsx'));
    await waitFor(() => expect(calls.some((c) => c.url.startsWith('/api/v1/clients/export?'))).toBe(true));
    const exp = calls.find((c) => c.url.startsWith('/api/v1/clients/export?'))!;
    expect(exp.url).toBe('/api/v1/clients/export?format=xlsx&tag_ids=1&spent_min=100050&sleeping_days=30');
    await waitFor(() => expect(saved).toEqual(['клієнти.xlsx']));

    fireEvent.click(screen.getByTestId('active-filter-remove-spent_min'));
    await waitFor(() =>
      expect(calls.filter((c) => c.url.startsWith('/api/v1/clients?')).at(-1)!.url).not.toContain('spent_min'),
    );
  });
});
