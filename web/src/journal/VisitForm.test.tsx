import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Providers } from '../app/App';
import { resetApiClient } from '../app/api';
import { createQueryClient } from '../app/queryClient';
import { sessionFor } from '../clients/testFixtures';
import type { ClientFile } from '../clients/types';
import type { Role } from '../identity/types';
import i18n from '../i18n';
import { json, mockFetch, problem, type RecordedCall } from '../test/fetchMock';
import { makeAppointment } from './testFixtures';
import { VisitForm } from './VisitForm';

configure({ asyncUtilTimeout: 5000 });

beforeEach(async () => {
  resetApiClient();
  await i18n.changeLanguage('en');
});
afterEach(() => vi.unstubAllGlobals());

function file(id: number, over: Partial<ClientFile> = {}): ClientFile {
  return {
    id,
    kind: 'photo_before',
    filename: `photo-${id}.jpg`,
    content_type: 'image/jpeg',
    size: 1000,
    created_at: '2026-11-20T10:00:00Z',
    url: `/api/v1/clients/5/files/${id}`,
    ...over,
  };
}

const FILES = [file(31), file(32, { kind: 'photo_after', content_type: 'image/png' }), file(33, { content_type: 'application/pdf', kind: 'document' })];

function serve(role: Role, extra: (call: RecordedCall) => Response | null = () => null) {
  return mockFetch((call) => {
    if (call.url === '/api/v1/me') return json(sessionFor(role));
    const answer = extra(call);
    if (answer) return answer;
    if (call.method === 'GET' && call.url === '/api/v1/clients/5/files') return json({ items: FILES });
    if (call.method === 'PUT') return json(makeAppointment({ version: 2 }));
    return json({});
  });
}

function renderForm(photoIds: number[] = [31]) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const appointment = makeAppointment({ visit: { notes: 'Cut', formula: '', photo_file_ids: photoIds } });
  return render(
    <Providers queryClient={queryClient}>
      <VisitForm appointment={appointment} readOnly={false} />
    </Providers>,
  );
}

const putOf = (calls: RecordedCall[]) => calls.find((c) => c.method === 'PUT');

describe('visit photos', { timeout: 30_000 }, () => {
  it('shows the client image files, toggles one and saves the chosen ids', async () => {
    const { calls } = serve('admin');
    renderForm([31]);
    const photos = await screen.findByTestId('visit-photos');
    expect(within(photos).getByTestId('visit-photo-31')).toBeChecked();
    expect(within(photos).getByTestId('visit-photo-32')).not.toBeChecked();
    expect(within(photos).queryByTestId('visit-photo-33')).not.toBeInTheDocument(); // not an image
    expect(screen.getByTestId('visit-save')).toBeDisabled();

    fireEvent.click(screen.getByTestId('visit-photo-32'));
    expect(screen.getByTestId('visit-save')).toBeEnabled();
    fireEvent.click(screen.getByTestId('visit-save'));
    await waitFor(() => expect(putOf(calls)).toBeDefined());
    const put = putOf(calls)!;
    expect(put.url).toBe('/api/v1/appointments/12/visit');
    expect(put.body).toEqual({ notes: 'Cut', formula: '', photo_file_ids: [31, 32] });
  });

  it('unselects a photo', async () => {
    const { calls } = serve('admin');
    renderForm([31, 32]);
    fireEvent.click(await screen.findByTestId('visit-photo-31'));
    fireEvent.click(screen.getByTestId('visit-save'));
    await waitFor(() => expect(putOf(calls)).toBeDefined());
    expect(putOf(calls)!.body).toEqual({ notes: 'Cut', formula: '', photo_file_ids: [32] });
  });

  it('uploads a photo as photo_after and selects it', async () => {
    const uploaded = file(40, { kind: 'photo_after', filename: 'after.webp', content_type: 'image/webp' });
    let stored = FILES;
    const { calls } = serve('admin', (call) => {
      if (call.method === 'POST') {
        stored = [...FILES, uploaded];
        return json(uploaded, 201);
      }
      return call.url === '/api/v1/clients/5/files' ? json({ items: stored }) : null;
    });
    renderForm([]);
    const button = await screen.findByTestId('visit-photo-upload');
    const input = button.parentElement!.querySelector('input[type="file"]') as HTMLInputElement;
    expect(input.accept).toBe('image/jpeg,image/png,image/webp');
    fireEvent.change(input, { target: { files: [new File(['x'], 'after.webp', { type: 'image/webp' })] } });
    await waitFor(() => expect(screen.getByTestId('visit-photo-40')).toBeChecked());
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.url).toBe('/api/v1/clients/5/files?kind=photo_after&filename=after.webp');

    fireEvent.click(screen.getByTestId('visit-save'));
    await waitFor(() => expect(putOf(calls)).toBeDefined());
    expect(putOf(calls)!.body).toEqual({ notes: 'Cut', formula: '', photo_file_ids: [40] });
  });

  it('lets a master pick photos but not upload them', async () => {
    serve('master');
    renderForm([]);
    expect(await screen.findByTestId('visit-photo-31')).toBeEnabled();
    await waitFor(() => expect(screen.queryByTestId('visit-photo-upload')).not.toBeInTheDocument());
  });

  it('shows nothing when the files cannot be read, and still saves', async () => {
    const { calls } = serve('master', (call) =>
      call.url === '/api/v1/clients/5/files' ? problem({ status: 403, title: 'Forbidden', code: 'forbidden' }) : null,
    );
    renderForm([31]);
    await waitFor(() => expect(calls.some((c) => c.url === '/api/v1/clients/5/files')).toBe(true));
    fireEvent.change(screen.getByTestId('visit-notes'), { target: { value: 'Cut and dry' } });
    expect(screen.queryByTestId('visit-photos')).not.toBeInTheDocument();
    expect(within(screen.getByTestId('visit-form')).queryByRole('alert')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('visit-save'));
    await waitFor(() => expect(putOf(calls)).toBeDefined());
    expect(putOf(calls)!.body).toEqual({ notes: 'Cut and dry', formula: '', photo_file_ids: [31] });
  });
});
