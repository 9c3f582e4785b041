import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetApiClient } from '../app/api';
import i18n from '../i18n';
import type { Role } from '../identity/types';
import { json, mockFetch, problem, type RecordedCall } from '../test/fetchMock';
import { renderApp } from '../test/render';
import { confirmsName } from './ClientActions';
import { makeClient, sessionFor, TAGS } from './testFixtures';

beforeEach(async () => {
  resetApiClient();
  await i18n.changeLanguage('en');
});
afterEach(() => vi.unstubAllGlobals());

function serve(role: Role, extra: (call: RecordedCall) => Response | null = () => null) {
  return mockFetch((call) => {
    const answer = extra(call);
    if (answer) return answer;
    const path = call.url.split('?')[0];
    if (path === '/api/v1/me') return json(sessionFor(role));
    if (path === '/api/v1/client-tags') return json({ items: TAGS });
    if (path === '/api/v1/client-segments') return json({ items: [] });
    if (path === '/api/v1/clients/17' && call.method === 'GET') return json(makeClient({}, role));
    if (path === '/api/v1/clients/17/files') return json({ items: [] });
    if (path === '/api/v1/clients') return json({ items: [], next_cursor: null, total: 0 });
    return json({});
  });
}

describe('client card', () => {
  it('shows the profile and saves only what changed', async () => {
    const { calls } = serve('admin', (call) =>
      call.method === 'PATCH'
        ? json(makeClient({ first_name: 'Olenka', display_name: 'Olenka Kovalenko', updated_at: '2026-01-03T00:00:00Z' }))
        : null,
    );
    renderApp('/clients/17');
    expect(await screen.findByTestId('client-card-name')).toHaveTextContent('Olena Kovalenko');
    expect(screen.getByTestId('client-form-first-name')).toHaveValue('Olena');
    expect(screen.getByTestId('client-form-phone-0')).toHaveValue('+380 67 123 45 67');
    expect(screen.getByTestId('client-form-submit')).toBeDisabled();

    fireEvent.change(screen.getByTestId('client-form-first-name'), { target: { value: 'Olenka' } });
    fireEvent.click(screen.getByTestId('client-form-submit'));
    await waitFor(() => expect(screen.getByTestId('client-card-name')).toHaveTextContent('Olenka Kovalenko'));
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.url).toBe('/api/v1/clients/17');
    expect(patch.body).toEqual({ first_name: 'Olenka' });
  });

  it('explains a phone taken by another client, links to it and offers a merge', async () => {
    const { calls } = serve('owner', (call) => {
      if (call.method === 'PATCH')
        return problem({
          status: 409,
          code: 'phone-taken',
          title: 'Phone taken',
          existing_client: { id: 42, display_name: 'Olena K. (old card)' },
        });
      if (call.url === '/api/v1/clients/17/merge') return json(makeClient({ phones: ['+380671234567', '+380501112233'] }));
      return null;
    });
    renderApp('/clients/17');
    await screen.findByTestId('client-card');
    fireEvent.click(screen.getByTestId('client-form-add-phone'));
    fireEvent.change(screen.getByTestId('client-form-phone-1'), { target: { value: '050 111 22 33' } });
    fireEvent.click(screen.getByTestId('client-form-submit'));

    const alert = await screen.findByTestId('phone-taken-alert');
    expect(calls.find((c) => c.method === 'PATCH')!.body).toEqual({ phones: ['+380 67 123 45 67', '050 111 22 33'] });
    expect(within(alert).getByTestId('phone-taken-link')).toHaveAttribute('href', '/clients/42');
    expect(within(alert).getByTestId('phone-taken-link')).toHaveTextContent('Olena K. (old card)');

    fireEvent.click(within(alert).getByTestId('phone-taken-merge'));
    expect(await screen.findByTestId('client-merge-confirm-text')).toHaveTextContent(
      'Olena K. (old card) will be merged into Olena Kovalenko',
    );
    fireEvent.click(screen.getByTestId('client-merge-submit'));
    await waitFor(() => expect(calls.some((c) => c.url === '/api/v1/clients/17/merge')).toBe(true));
    expect(calls.find((c) => c.url === '/api/v1/clients/17/merge')!.body).toEqual({ source_id: 42 });
  });

  it('maps an invalid phone error to its input', async () => {
    serve('owner', (call) =>
      call.method === 'PATCH'
        ? problem({
            status: 422,
            code: 'validation-failed',
            title: 'Validation failed',
            errors: [{ field: 'phones[1]', code: 'invalid_phone', message: 'bad' }],
          })
        : null,
    );
    renderApp('/clients/17');
    await screen.findByTestId('client-card');
    fireEvent.click(screen.getByTestId('client-form-add-phone'));
    fireEvent.change(screen.getByTestId('client-form-phone-1'), { target: { value: '12' } });
    fireEvent.click(screen.getByTestId('client-form-submit'));
    await waitFor(() => expect(screen.getByTestId('client-form-phone-1')).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText('Enter a valid phone number')).toBeInTheDocument();
  });

  it('shows masters a read-only card without contacts or actions', async () => {
    serve('master');
    renderApp('/clients/17');
    expect(await screen.findByTestId('client-card-name')).toHaveTextContent('Olena');
    expect(screen.queryByTestId('client-form-phone-0')).not.toBeInTheDocument();
    expect(screen.queryByTestId('client-form-last-name')).not.toBeInTheDocument();
    expect(screen.queryByTestId('client-form-email')).not.toBeInTheDocument();
    expect(screen.queryByTestId('client-form-submit')).not.toBeInTheDocument();
    expect(screen.queryByTestId('client-actions')).not.toBeInTheDocument();
    expect(screen.getByTestId('client-form-first-name')).toHaveAttribute('readonly');
  });

  it('has visits, files and notes tabs', async () => {
    serve('owner');
    renderApp('/clients/17');
    await screen.findByTestId('client-card');
    fireEvent.click(screen.getByTestId('client-tab-visits'));
    expect(await screen.findByTestId('client-stat-spent')).toHaveTextContent('₴1,234.50');
    expect(screen.getByTestId('client-stat-visits')).toHaveTextContent('3');
    expect(await screen.findByTestId('client-visits-empty')).toHaveTextContent('once the client is booked in the journal');
    fireEvent.click(screen.getByTestId('client-tab-files'));
    expect(await screen.findByTestId('files-empty')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('client-tab-notes'));
    expect(await screen.findByTestId('client-notes')).toHaveValue('Likes green tea');
  });

  it('uploads a file as the raw body with its content type', async () => {
    const { calls } = serve('owner', (call) =>
      call.method === 'POST' && call.url.startsWith('/api/v1/clients/17/files')
        ? json({ id: 5, kind: 'photo_after', filename: 'after.png', content_type: 'image/png', size: 3, created_at: '2026-01-02T00:00:00Z', url: '/api/v1/clients/17/files/5' }, 201)
        : null,
    );
    renderApp('/clients/17?tab=files');
    await screen.findByTestId('files-empty');
    fireEvent.click(screen.getByTestId('file-kind'));
    fireEvent.click(within(screen.getByRole('listbox')).getByRole('option', { name: 'Photo after' }));
    const png = new File([new Uint8Array([1, 2, 3])], 'after.png', { type: 'image/png' });
    fireEvent.change(screen.getByTestId('file-input'), { target: { files: [png] } });
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const upload = calls.find((c) => c.method === 'POST')!;
    expect(upload.url).toBe('/api/v1/clients/17/files?kind=photo_after&filename=after.png');
    expect(upload.headers['content-type']).toBe('image/png');
    expect(upload.body).toBe(png);
  });

  it('asks for the exact name before erasing', () => {
    expect(confirmsName(' Olena  Kovalenko ', 'Olena Kovalenko')).toBe(true);
    expect(confirmsName('olena kovalenko', 'Olena Kovalenko')).toBe(false);
    expect(confirmsName('', '')).toBe(false);
  });
});

describe('new client', () => {
  it('creates a client from the list and opens the card', async () => {
    const { calls } = serve('manager', (call) =>
      call.method === 'POST' && call.url === '/api/v1/clients' ? json(makeClient({ id: 17 }), 201) : null,
    );
    const { router } = renderApp('/clients');
    fireEvent.click(await screen.findByTestId('clients-new'));
    fireEvent.click(await screen.findByTestId('client-form-submit'));
    expect(await screen.findByText('This field is required')).toBeInTheDocument();
    fireEvent.change(screen.getByTestId('client-form-first-name'), { target: { value: ' Olena ' } });
    fireEvent.change(screen.getByTestId('client-form-last-name'), { target: { value: 'Kovalenko' } });
    fireEvent.change(screen.getByTestId('client-form-phone-0'), { target: { value: '067 123 45 67' } });
    fireEvent.change(screen.getByTestId('client-form-email'), { target: { value: 'olena@example.com' } });
    fireEvent.click(screen.getByTestId('client-form-submit'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/clients/17'));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      first_name: 'Olena',
      last_name: 'Kovalenko',
      phones: ['067 123 45 67'],
      email: 'olena@example.com',
    });
  });

  it('shows the phone-taken alert with a link when creating a duplicate', async () => {
    serve('owner', (call) =>
      call.method === 'POST'
        ? problem({ status: 409, code: 'phone-taken', title: 'Phone taken', existing_client: { id: 9, display_name: 'Iryna Bondar' } })
        : null,
    );
    renderApp('/clients');
    fireEvent.click(await screen.findByTestId('clients-new'));
    fireEvent.change(await screen.findByTestId('client-form-first-name'), { target: { value: 'Ira' } });
    fireEvent.change(screen.getByTestId('client-form-phone-0'), { target: { value: '0501112233' } });
    fireEvent.click(screen.getByTestId('client-form-submit'));
    const alert = await screen.findByTestId('phone-taken-alert');
    expect(within(alert).getByRole('link', { name: 'Iryna Bondar' })).toHaveAttribute('href', '/clients/9');
    expect(within(alert).queryByTestId('phone-taken-merge')).not.toBeInTheDocument();
  });
});
