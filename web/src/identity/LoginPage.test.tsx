import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getCsrfToken, resetApiClient } from '../app/api';
import i18n from '../i18n';
import { json, mockFetch, problem } from '../test/fetchMock';
import { renderApp } from '../test/render';

const session = {
  user: { id: 1, name: 'Olha Kvitka', email: 'owner@kvitka.demo', role: 'owner', active: true, locale: 'en', created_at: '2026-01-01T00:00:00Z' },
  org: { id: 1, name: 'Kvitka Demo', country: 'UA', currency: 'UAH', created_at: '2026-01-01T00:00:00Z' },
  role: 'owner',
  branches: [{ id: 1, name: 'Kvitka Demo', slug: 'kvitka-demo', address: '', timezone: 'Europe/Kyiv', currency: 'UAH', created_at: '2026-01-01T00:00:00Z' }],
  csrf_token: 'tok-1',
};

const unauthorized = () => problem({ status: 401, code: 'unauthorized', title: 'Unauthorized' });

beforeEach(async () => {
  resetApiClient();
  await i18n.changeLanguage('en');
});
afterEach(() => vi.unstubAllGlobals());

describe('authentication flow', () => {
  it('sends an anonymous visitor of /journal to the login page', async () => {
    mockFetch(unauthorized);
    const { router } = renderApp('/journal');
    expect(await screen.findByTestId('login-submit')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(screen.getByTestId('page-title')).toHaveTextContent('Sign in');
    expect(screen.getByTestId('demo-hint')).toHaveTextContent('owner@kvitka.demo');
  });

  it('shows translated field errors next to the inputs', async () => {
    mockFetch((call) =>
      call.url === '/api/v1/me'
        ? unauthorized()
        : problem({
            status: 422,
            code: 'validation-failed',
            title: 'Validation failed',
            errors: [{ field: 'email', code: 'invalid_email', message: 'email is not valid' }],
          }),
    );
    renderApp('/login');
    fireEvent.click(await screen.findByTestId('login-submit'));

    expect(await screen.findByText('Enter a valid email address')).toBeInTheDocument();
    expect(screen.getByTestId('login-email')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('login-error')).toHaveTextContent('Please correct the highlighted fields.');
  });

  it('reports wrong credentials, then signs in and opens the journal', async () => {
    let attempts = 0;
    const { calls } = mockFetch((call) => {
      if (call.url === '/api/v1/me') return unauthorized();
      if (call.url === '/api/v1/auth/login') {
        attempts += 1;
        return attempts === 1
          ? problem({ status: 401, code: 'invalid-credentials', title: 'Invalid credentials' })
          : json(session);
      }
      return json({});
    });
    const { router } = renderApp('/login');

    fireEvent.change(await screen.findByTestId('login-email'), { target: { value: 'owner@kvitka.demo' } });
    fireEvent.change(screen.getByTestId('login-password'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByTestId('login-submit'));
    expect(await screen.findByTestId('login-error')).toHaveTextContent('Wrong email or password.');

    fireEvent.change(screen.getByTestId('login-password'), { target: { value: 'kvitka-demo' } });
    fireEvent.click(screen.getByTestId('login-submit'));

    expect(await screen.findByTestId('app-shell')).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.pathname).toBe('/journal'));
    expect(screen.getByTestId('page-title')).toHaveTextContent('Journal');
    expect(screen.getByTestId('org-name')).toHaveTextContent('Kvitka Demo');
    expect(getCsrfToken()).toBe('tok-1');

    const login = calls.find((c) => c.url === '/api/v1/auth/login')!;
    expect(login.body).toEqual({ email: 'owner@kvitka.demo', password: 'wrong' });
  });

  it('switching the language while logged in saves it with PATCH /me', async () => {
    const { calls } = mockFetch((call) => {
      if (call.method === 'PATCH') return json({ ...session, user: { ...session.user, locale: 'uk' } });
      if (call.url.startsWith('/api/v1/branches')) return json({ items: session.branches, next_cursor: null });
      return json(session);
    });
    renderApp('/settings?tab=branches');
    expect(await screen.findByTestId('page-title')).toHaveTextContent('Settings');

    fireEvent.click(screen.getByTestId('lang-uk'));

    await waitFor(() => expect(screen.getByTestId('page-title')).toHaveTextContent('Налаштування'));
    expect(window.localStorage.getItem('kvitka.lang')).toBe('uk');
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.url).toBe('/api/v1/me');
    expect(patch.body).toEqual({ locale: 'uk' });
    expect(patch.headers['x-csrf-token']).toBe('tok-1');
    expect(await screen.findByTestId('branch-row-1')).toBeInTheDocument();
  });
});
