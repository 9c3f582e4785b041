import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetApiClient } from '../app/api';
import { sessionFor } from '../clients/testFixtures';
import i18n from '../i18n';
import type { Role } from '../identity/types';
import { json, mockFetch, problem, type RecordedCall } from '../test/fetchMock';
import { renderApp } from '../test/render';
import { MAX_STAFF_PHOTO_SIZE, staffPhotoProblem } from './photo';
import { catalogAnswers, makeStaff } from './testFixtures';

configure({ asyncUtilTimeout: 5000 });

beforeEach(async () => {
  resetApiClient();
  await i18n.changeLanguage('en');
});
afterEach(() => vi.unstubAllGlobals());

const PHOTO = '/api/v1/public/staff/3/photo?v=41';

function serve(role: Role = 'owner', extra: (call: RecordedCall) => Response | null = () => null) {
  return mockFetch((call) => {
    if (call.url === '/api/v1/me') return json(sessionFor(role));
    return extra(call) ?? catalogAnswers(call) ?? json({});
  });
}

function file(name: string, type: string, size = 1000): File {
  const f = new File([new Uint8Array(8)], name, { type });
  Object.defineProperty(f, 'size', { value: size });
  return f;
}

const pick = (f: File) => fireEvent.change(screen.getByTestId('staff-photo-upload'), { target: { files: [f] } });
const writes = (calls: RecordedCall[]) => calls.filter((c) => c.method !== 'GET');
const avatarImg = (testId: string) => screen.getByTestId(testId).querySelector('img');

describe('staff photo', { timeout: 30_000 }, () => {
  it('knows what the server takes', () => {
    expect(staffPhotoProblem({ type: 'image/jpeg', size: 1000 })).toBeNull();
    expect(staffPhotoProblem({ type: 'image/webp', size: MAX_STAFF_PHOTO_SIZE })).toBeNull();
    expect(staffPhotoProblem({ type: 'image/png', size: MAX_STAFF_PHOTO_SIZE + 1 })).toBe('size');
    expect(staffPhotoProblem({ type: 'image/gif', size: 1000 })).toBe('type');
    expect(staffPhotoProblem({ type: '', size: 1000 })).toBe('type');
    expect(staffPhotoProblem({ type: 'image/png', size: 0 })).toBe('empty');
  });

  it('refuses a wrong type or a too large file in the browser, then uploads a photo as the raw body', async () => {
    let current = makeStaff();
    const { calls } = serve('owner', (call) => {
      if (call.method === 'PUT' && call.url === '/api/v1/staff/3/photo') {
        current = makeStaff({ photo_url: PHOTO, photo_file_id: 41 });
        return json(current);
      }
      return call.url === '/api/v1/staff/3' ? json(current) : null;
    });
    renderApp('/staff/3');
    await screen.findByTestId('staff-photo');
    expect(screen.getByTestId('staff-photo-upload')).toHaveAttribute('type', 'file');
    expect(screen.getByTestId('staff-photo-upload')).toHaveAttribute('accept', 'image/jpeg,image/png,image/webp');
    expect(screen.queryByTestId('staff-photo-remove')).not.toBeInTheDocument();

    pick(file('anim.gif', 'image/gif'));
    expect(await screen.findByTestId('staff-photo-error')).toHaveTextContent('choose a JPEG, PNG or WebP photo');
    pick(file('big.jpg', 'image/jpeg', MAX_STAFF_PHOTO_SIZE + 1));
    expect(screen.getByTestId('staff-photo-error')).toHaveTextContent('larger than 5 MB');
    expect(writes(calls)).toHaveLength(0);

    const photo = file('me.png', 'image/png', 2000);
    pick(photo);
    await waitFor(() => expect(writes(calls)).toHaveLength(1));
    const put = writes(calls)[0];
    expect(put.method).toBe('PUT');
    expect(put.url).toBe('/api/v1/staff/3/photo');
    expect(put.headers['content-type']).toBe('image/png');
    expect(put.headers['x-csrf-token']).toBe('tok-1');
    expect(put.body).toBe(photo);
    expect(screen.queryByTestId('staff-photo-error')).not.toBeInTheDocument();
    // The editor and the page header show the new photo.
    await waitFor(() => expect(avatarImg('staff-photo-avatar')).toHaveAttribute('src', PHOTO));
    await waitFor(() => expect(avatarImg('master-avatar')).toHaveAttribute('src', PHOTO));
    expect(screen.getByTestId('staff-photo-remove')).toBeInTheDocument();
  });

  it('shows the server refusal and removes a photo', async () => {
    const { calls } = serve('owner', (call) => {
      if (call.url === '/api/v1/staff/3' && call.method === 'GET') return json(makeStaff({ photo_url: PHOTO }));
      if (call.method === 'PUT') return problem({ status: 413, code: 'payload-too-large', title: 'Payload too large' });
      if (call.method === 'DELETE') return json(makeStaff({ photo_url: null }));
      return null;
    });
    renderApp('/staff/3');
    await screen.findByTestId('staff-photo');
    expect(avatarImg('staff-photo-avatar')).toHaveAttribute('src', PHOTO);
    pick(file('me.webp', 'image/webp'));
    expect(await screen.findByTestId('staff-photo-error')).toHaveTextContent('The file is too large.');

    fireEvent.click(screen.getByTestId('staff-photo-remove'));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE')).toBe(true));
    expect(calls.find((c) => c.method === 'DELETE')!.url).toBe('/api/v1/staff/3/photo');
    await waitFor(() => expect(screen.queryByTestId('staff-photo-remove')).not.toBeInTheDocument());
    expect(avatarImg('staff-photo-avatar')).toBeNull();
    expect(screen.getByTestId('staff-photo-avatar')).toHaveTextContent('MK');
  });

  it('shows photos on the cards of the list', async () => {
    serve('owner', (call) =>
      call.url === '/api/v1/staff'
        ? json({ items: [makeStaff({ photo_url: PHOTO }), makeStaff({ id: 4, name: 'Anna Melnyk' })] })
        : null,
    );
    renderApp('/staff');
    const card = await screen.findByTestId('staff-card-3');
    expect(card.querySelector('img')).toHaveAttribute('src', PHOTO);
    expect(within(screen.getByTestId('staff-card-4')).getByText('AM')).toBeInTheDocument();
  });

  it('is offered in the drawer of a master, not for a new one', async () => {
    serve();
    renderApp('/staff');
    fireEvent.click(await screen.findByTestId('staff-edit-3'));
    expect(await screen.findByTestId('staff-photo-upload')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('staff-new'));
    await waitFor(() => expect(screen.queryByTestId('staff-photo-upload')).not.toBeInTheDocument());
    expect(screen.getByTestId('staff-form-name')).toHaveValue('');
  });

  it('is not offered to masters', async () => {
    serve('master');
    renderApp('/staff/3');
    expect(await screen.findByTestId('master-name')).toBeInTheDocument();
    expect(screen.queryByTestId('staff-photo-upload')).not.toBeInTheDocument();
  });
});
