import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch, problem } from '../test/fetchMock';
import {
  api,
  ApiError,
  fetchAllPages,
  getCsrfToken,
  NETWORK_ERROR,
  resetApiClient,
  setLanguageSource,
} from './api';

const session = {
  user: { id: 1, name: 'Olha', email: 'owner@kvitka.demo', role: 'owner', active: true, locale: 'uk' },
  org: { id: 1, name: 'Kvitka Demo' },
  role: 'owner',
  branches: [],
  csrf_token: 'csrf-abc',
};

beforeEach(() => resetApiClient());
afterEach(() => vi.unstubAllGlobals());

describe('CSRF token', () => {
  it('is taken from the session payload and sent on every write, never on reads', async () => {
    const { calls } = mockFetch((call) =>
      call.url === '/api/v1/auth/login' ? json(session) : call.method === 'DELETE' ? json({}) : json({ ok: true }),
    );

    // Before any session: no token to send.
    await api.post('/api/v1/auth/login', { email: 'a@b.c', password: 'x' });
    expect(calls[0].headers['x-csrf-token']).toBeUndefined();
    expect(getCsrfToken()).toBe('csrf-abc');

    await api.get('/api/v1/users');
    await api.post('/api/v1/users', { name: 'N' });
    await api.patch('/api/v1/users/2', { role: 'admin' });
    await api.put('/api/v1/something/1', {});
    await api.delete('/api/v1/users/2');

    const [, get, post, patch, put, del] = calls;
    expect(get.method).toBe('GET');
    expect(get.headers['x-csrf-token']).toBeUndefined();
    for (const write of [post, patch, put, del]) {
      expect(write.headers['x-csrf-token']).toBe('csrf-abc');
    }
  });

  it('follows the latest session payload (e.g. after GET /me)', async () => {
    const { calls } = mockFetch((call) =>
      call.url === '/api/v1/me' ? json({ ...session, csrf_token: 'csrf-new' }) : json({}),
    );
    await api.get('/api/v1/me');
    await api.post('/api/v1/auth/logout');
    expect(calls[1].headers['x-csrf-token']).toBe('csrf-new');
  });
});

describe('request basics', () => {
  it('sends cookies same-origin, JSON bodies and the interface language', async () => {
    setLanguageSource(() => 'uk');
    const { calls } = mockFetch(() => json({ id: 5 }, 201));
    const result = await api.post<{ id: number }>('/api/v1/branches', { name: 'Podil' });

    expect(result).toEqual({ id: 5 });
    expect(calls[0].credentials).toBe('same-origin');
    expect(calls[0].headers['content-type']).toBe('application/json');
    expect(calls[0].headers['accept-language']).toBe('uk');
    expect(calls[0].body).toEqual({ name: 'Podil' });
  });

  it('sends no Content-Type without a body and returns undefined for 204', async () => {
    const { calls } = mockFetch(() => new Response(null, { status: 204 }));
    await expect(api.post('/api/v1/auth/logout')).resolves.toBeUndefined();
    expect(calls[0].headers['content-type']).toBeUndefined();
  });
});

describe('raw bodies', () => {
  it('sends a Blob as it is, typed by itself, with the CSRF token', async () => {
    const { calls } = mockFetch((call) => (call.url === '/api/v1/me' ? json(session) : json({ id: 3 })));
    await api.get('/api/v1/me');
    const file = new File([new Uint8Array([1, 2, 3])], 'me.png', { type: 'image/png' });
    await api.put('/api/v1/staff/3/photo', file);
    expect(calls[1].headers['content-type']).toBe('image/png');
    expect(calls[1].headers['x-csrf-token']).toBe('csrf-abc');
    expect(calls[1].body).toBe(file);
  });
});

describe('problem+json errors', () => {
  it('become ApiError with status, code and field errors', async () => {
    mockFetch(() =>
      problem({
        type: 'https://kvitka.app/problems/validation-failed',
        title: 'Validation failed',
        status: 422,
        detail: 'Some fields are invalid',
        code: 'validation-failed',
        errors: [
          { field: 'email', code: 'invalid_email', message: 'not an email' },
          { field: 'password', code: 'too_short', message: 'at least 8' },
          { field: 'password', code: 'required', message: 'second error for the same field' },
        ],
      }),
    );

    const error = await api.post('/api/v1/signup', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect(e.status).toBe(422);
    expect(e.code).toBe('validation-failed');
    expect(e.title).toBe('Validation failed');
    expect(e.detail).toBe('Some fields are invalid');
    expect(e.requestId).toBe('req-1');
    expect(e.fieldErrors).toHaveLength(3);
    expect(e.fieldErrorMap()).toEqual({
      email: { field: 'email', code: 'invalid_email', message: 'not an email' },
      password: { field: 'password', code: 'too_short', message: 'at least 8' },
    });
  });

  it('derives the code from the problem type when code is missing', async () => {
    mockFetch(() =>
      problem({ type: 'https://kvitka.app/problems/invalid-credentials', title: 'Nope', status: 401 }),
    );
    const e = (await api.post('/api/v1/auth/login', {}).catch((x: unknown) => x)) as ApiError;
    expect(e.code).toBe('invalid-credentials');
    expect(e.fieldErrors).toEqual([]);
  });

  it('reads Retry-After on 429', async () => {
    mockFetch(() =>
      problem({ title: 'Too many requests', status: 429, code: 'too-many-requests' }, { 'Retry-After': '120' }),
    );
    const e = (await api.post('/api/v1/auth/login', {}).catch((x: unknown) => x)) as ApiError;
    expect(e.status).toBe(429);
    expect(e.retryAfter).toBe(120);
  });

  it('handles a bare 500 without a problem body', async () => {
    mockFetch(() => new Response('', { status: 500, statusText: 'Internal Server Error' }));
    const e = (await api.get('/api/v1/me').catch((x: unknown) => x)) as ApiError;
    expect(e.status).toBe(500);
    expect(e.code).toBe('internal');
    expect(e.title).toBe('Internal Server Error');
  });

  it('ignores malformed field error entries', async () => {
    mockFetch(() =>
      problem({ status: 422, code: 'validation-failed', errors: [{ field: 'name' }, null, { field: 'x', code: 'required' }] }),
    );
    const e = (await api.post('/api/v1/users', {}).catch((x: unknown) => x)) as ApiError;
    expect(e.fieldErrors).toEqual([{ field: 'x', code: 'required' }]);
  });

  it('reports an unreachable server as a network error', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    const e = (await api.get('/api/v1/me').catch((x: unknown) => x)) as ApiError;
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status).toBe(0);
    expect(e.code).toBe(NETWORK_ERROR);
  });
});

describe('fetchAllPages', () => {
  it('follows next_cursor until the end', async () => {
    const { calls } = mockFetch((call) => {
      const cursor = new URL(call.url, 'http://x').searchParams.get('cursor');
      return cursor === 'p2'
        ? json({ items: [{ id: 3 }], next_cursor: null })
        : json({ items: [{ id: 1 }, { id: 2 }], next_cursor: 'p2' });
    });
    const items = await fetchAllPages<{ id: number }>('/api/v1/users');
    expect(items.map((i) => i.id)).toEqual([1, 2, 3]);
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/users?limit=200', '/api/v1/users?limit=200&cursor=p2']);
  });
});
