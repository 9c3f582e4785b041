import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetApiClient } from '../app/api';
import { sessionFor } from '../clients/testFixtures';
import i18n from '../i18n';
import type { Role } from '../identity/types';
import { json, mockFetch, problem, type RecordedCall } from '../test/fetchMock';
import { renderApp } from '../test/render';
import type { OnlineBookingRules } from './onlineBooking';

configure({ asyncUtilTimeout: 5000 });

beforeEach(async () => {
  resetApiClient();
  await i18n.changeLanguage('en');
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.classList.remove('kvitka-print-qr');
});

function rules(over: Partial<OnlineBookingRules> = {}): OnlineBookingRules {
  return {
    branch_id: 1,
    enabled: true,
    lead_minutes: 120,
    horizon_days: 60,
    step_minutes: 15,
    auto_confirm: true,
    cancel_deadline_minutes: 180,
    master_required: false,
    max_future_bookings: 3,
    phone: '+380441234567',
    message: 'Parking in the yard',
    booking_url: 'https://salon.example/b/kvitka-demo',
    ...over,
  };
}

const PODIL = { id: 2, name: 'Podil', slug: 'podil', address: '', timezone: 'Europe/Kyiv', currency: 'UAH', created_at: '2026-01-01T00:00:00Z' };

function serve(role: Role = 'owner', extra: (call: RecordedCall) => Response | null = () => null, twoBranches = false) {
  const state: Record<number, OnlineBookingRules> = {
    1: rules(),
    2: rules({ branch_id: 2, enabled: false, booking_url: 'https://salon.example/b/podil', step_minutes: 30 }),
  };
  return mockFetch((call) => {
    if (call.url === '/api/v1/me') {
      const s = sessionFor(role);
      return json(twoBranches ? { ...s, branches: [...s.branches, PODIL] } : s);
    }
    const answer = extra(call);
    if (answer) return answer;
    const m = /^\/api\/v1\/branches\/(\d+)\/online-booking$/.exec(call.url);
    if (m) {
      const id = Number(m[1]);
      if (call.method === 'PUT') state[id] = { ...state[id], ...(call.body as object) };
      return json(state[id]);
    }
    return json({ items: [], next_cursor: null });
  });
}

const puts = (calls: RecordedCall[]) => calls.filter((c) => c.method === 'PUT');

describe('Settings > Online booking', () => {
  it('loads the branch rules and the ways to share the page', async () => {
    const { calls } = serve();
    renderApp('/settings?tab=online-booking');
    const form = await screen.findByTestId('ob-settings');
    expect(calls.some((c) => c.url === '/api/v1/branches/1/online-booking')).toBe(true);
    expect(within(form).getByTestId('ob-enabled')).toBeChecked();
    // 120 minutes are shown as 2 hours.
    expect(screen.getByTestId('ob-lead')).toHaveValue('2');
    expect(screen.getByTestId('ob-lead-unit')).toHaveValue('hours');
    expect(screen.getByTestId('ob-horizon')).toHaveValue('60');
    expect(screen.getByTestId('ob-step')).toHaveValue('15');
    expect(screen.getByTestId('ob-auto-confirm')).toBeChecked();
    expect(screen.getByTestId('ob-deadline')).toHaveValue('3');
    expect(screen.getByTestId('ob-master-required')).not.toBeChecked();
    expect(screen.getByTestId('ob-max-bookings')).toHaveValue('3');
    expect(screen.getByTestId('ob-phone')).toHaveValue('+380441234567');
    expect(screen.getByTestId('ob-message')).toHaveValue('Parking in the yard');
    expect(screen.getByTestId('ob-save')).toBeDisabled();

    const link = screen.getByTestId('ob-link');
    expect(link).toHaveAttribute('href', 'https://salon.example/b/kvitka-demo');
    expect(link).toHaveTextContent('https://salon.example/b/kvitka-demo');
    expect(link).toHaveAttribute('target', '_blank');
    expect(screen.getByTestId('ob-embed')).toHaveTextContent(
      '<script src="https://salon.example/b/embed.js" data-kvitka-branch="kvitka-demo" async></script>',
    );
    expect(screen.getByTestId('ob-qr')).toHaveAttribute('src', '/api/v1/public/branches/kvitka-demo/qr.svg');
    expect(screen.getByTestId('ob-share')).toHaveTextContent('Instagram');
    expect(screen.getByTestId('ob-share')).toHaveTextContent('Google Maps');
    expect(screen.queryByTestId('ob-closed-note')).not.toBeInTheDocument();
  });

  it('saves only the changed fields, in minutes, with the CSRF token', async () => {
    const { calls } = serve();
    renderApp('/settings?tab=online-booking');
    await screen.findByTestId('ob-settings');
    fireEvent.click(screen.getByTestId('ob-master-required'));
    fireEvent.click(screen.getByTestId('ob-auto-confirm'));
    fireEvent.change(screen.getByTestId('ob-step'), { target: { value: '30' } });
    fireEvent.change(screen.getByTestId('ob-lead'), { target: { value: '90' } });
    fireEvent.change(screen.getByTestId('ob-lead-unit'), { target: { value: 'minutes' } });
    fireEvent.change(screen.getByTestId('ob-deadline'), { target: { value: '24' } });
    fireEvent.change(screen.getByTestId('ob-message'), { target: { value: '  Entrance from the yard ' } });
    fireEvent.click(screen.getByTestId('ob-save'));

    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    const put = puts(calls)[0];
    expect(put.url).toBe('/api/v1/branches/1/online-booking');
    expect(put.headers['x-csrf-token']).toBe('tok-1');
    expect(put.body).toEqual({
      master_required: true,
      auto_confirm: false,
      step_minutes: 30,
      lead_minutes: 90,
      cancel_deadline_minutes: 1440,
      message: 'Entrance from the yard',
    });
    expect(await screen.findByText('Online booking settings saved')).toBeInTheDocument();
    // Saved: nothing left to save, the form shows what the server keeps.
    await waitFor(() => expect(screen.getByTestId('ob-save')).toBeDisabled());
    expect(screen.getByTestId('ob-lead')).toHaveValue('90');
    expect(screen.getByTestId('ob-lead-unit')).toHaveValue('minutes');
  });

  it('turns online booking off', async () => {
    const { calls } = serve();
    renderApp('/settings?tab=online-booking');
    await screen.findByTestId('ob-settings');
    fireEvent.click(screen.getByTestId('ob-enabled'));
    fireEvent.click(screen.getByTestId('ob-save'));
    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    expect(puts(calls)[0].body).toEqual({ enabled: false });
    expect(await screen.findByTestId('ob-closed-note')).toBeInTheDocument();
  });

  it('checks ranges in the browser before sending', async () => {
    const { calls } = serve();
    renderApp('/settings?tab=online-booking');
    await screen.findByTestId('ob-settings');
    fireEvent.change(screen.getByTestId('ob-horizon'), { target: { value: '400' } });
    fireEvent.change(screen.getByTestId('ob-max-bookings'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('ob-save'));
    expect(await screen.findByText('From 1 to 366')).toBeInTheDocument();
    expect(screen.getByText('This field is required')).toBeInTheDocument();
    expect(screen.getByTestId('ob-horizon')).toHaveAttribute('aria-invalid', 'true');
    expect(puts(calls)).toHaveLength(0);
  });

  it('shows the server field errors (422) on their fields', async () => {
    serve('owner', (call) =>
      call.method === 'PUT'
        ? problem({
            status: 422,
            code: 'validation-failed',
            title: 'Validation failed',
            errors: [
              { field: 'phone', code: 'invalid_phone' },
              { field: 'lead_minutes', code: 'too_large' },
            ],
          })
        : null,
    );
    renderApp('/settings?tab=online-booking');
    await screen.findByTestId('ob-settings');
    fireEvent.change(screen.getByTestId('ob-phone'), { target: { value: '12' } });
    fireEvent.click(screen.getByTestId('ob-save'));
    expect(await screen.findByText('Enter a valid phone number')).toBeInTheDocument();
    expect(screen.getByTestId('ob-phone')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('ob-lead')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('The value is too large')).toBeInTheDocument();
    expect(screen.getByTestId('ob-save-error')).toHaveTextContent('Please correct the highlighted fields.');
  });

  it('is read-only for a master', async () => {
    const { calls } = serve('master');
    renderApp('/settings?tab=online-booking');
    await screen.findByTestId('ob-settings');
    expect(screen.getByTestId('ob-readonly')).toBeInTheDocument();
    for (const id of ['ob-enabled', 'ob-lead-unit', 'ob-step', 'ob-auto-confirm', 'ob-master-required']) {
      expect(screen.getByTestId(id), id).toBeDisabled();
    }
    // Text stays readable.
    for (const id of ['ob-lead', 'ob-horizon', 'ob-deadline', 'ob-max-bookings', 'ob-phone', 'ob-message']) {
      expect(screen.getByTestId(id), id).toHaveAttribute('readonly');
    }
    expect(screen.queryByTestId('ob-save')).not.toBeInTheDocument();
    // The link and the QR are for everyone.
    expect(screen.getByTestId('ob-link')).toHaveAttribute('href', 'https://salon.example/b/kvitka-demo');
    expect(screen.getByTestId('ob-qr')).toBeInTheDocument();
    expect(puts(calls)).toHaveLength(0);
  });

  it('switches between branches', async () => {
    const { calls } = serve('owner', () => null, true);
    renderApp('/settings?tab=online-booking');
    await screen.findByTestId('ob-settings');
    expect(screen.getByTestId('ob-step')).toHaveValue('15');
    fireEvent.change(screen.getByTestId('ob-branch'), { target: { value: '2' } });
    await waitFor(() => expect(screen.getByTestId('ob-step')).toHaveValue('30'));
    expect(calls.some((c) => c.url === '/api/v1/branches/2/online-booking')).toBe(true);
    expect(screen.getByTestId('ob-enabled')).not.toBeChecked();
    expect(screen.getByTestId('ob-closed-note')).toBeInTheDocument();
    expect(screen.getByTestId('ob-qr')).toHaveAttribute('src', '/api/v1/public/branches/podil/qr.svg');
    expect(screen.getByTestId('ob-embed')).toHaveTextContent('data-kvitka-branch="podil"');

    fireEvent.change(screen.getByTestId('ob-horizon'), { target: { value: '30' } });
    fireEvent.click(screen.getByTestId('ob-save'));
    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    expect(puts(calls)[0].url).toBe('/api/v1/branches/2/online-booking');
    expect(puts(calls)[0].body).toEqual({ horizon_days: 30 });
  });

  it('prints only the QR card, in the same window', async () => {
    serve();
    const print = vi.fn(() => {
      // While the dialog is open, the page is marked for the QR-only print stylesheet.
      expect(document.body).toHaveClass('kvitka-print-qr');
    });
    vi.stubGlobal('print', print);
    const open = vi.fn();
    vi.stubGlobal('open', open);
    renderApp('/settings?tab=online-booking');
    fireEvent.click(await screen.findByTestId('ob-print'));
    expect(print).toHaveBeenCalledTimes(1);
    expect(open).not.toHaveBeenCalled();
    const sheet = screen.getByTestId('ob-print-sheet');
    expect(sheet.parentElement).toBe(document.body);
    expect(sheet).toHaveTextContent('Kvitka Demo');
    expect(sheet).toHaveTextContent('https://salon.example/b/kvitka-demo');
    expect(sheet.querySelector('img')).toHaveAttribute('src', '/api/v1/public/branches/kvitka-demo/qr.svg');
    window.dispatchEvent(new Event('afterprint'));
    expect(document.body).not.toHaveClass('kvitka-print-qr');
    // Without an afterprint event, the next click ends the print mode.
    fireEvent.click(screen.getByTestId('ob-print'));
    expect(document.body).toHaveClass('kvitka-print-qr');
    fireEvent.pointerDown(screen.getByTestId('ob-link'));
    expect(document.body).not.toHaveClass('kvitka-print-qr');
  });

  it('copies the link', async () => {
    serve();
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    renderApp('/settings?tab=online-booking');
    fireEvent.click(await screen.findByTestId('ob-copy-link'));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('https://salon.example/b/kvitka-demo'));
    expect(await screen.findByText('Copied')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('ob-copy-embed'));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(2));
    expect(writeText).toHaveBeenLastCalledWith(
      '<script src="https://salon.example/b/embed.js" data-kvitka-branch="kvitka-demo" async></script>',
    );
  });

  it('is a tab of the settings page for every role', async () => {
    serve('master');
    const { router } = renderApp('/settings');
    fireEvent.click(await screen.findByTestId('settings-tab-online-booking'));
    await waitFor(() => expect(router.state.location.search).toBe('?tab=online-booking'));
    expect(await screen.findByTestId('ob-settings')).toBeInTheDocument();
  });
});
