import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetApiClient } from '../app/api';
import { sessionFor } from '../clients/testFixtures';
import i18n from '../i18n';
import { json, mockFetch, problem, type RecordedCall } from '../test/fetchMock';
import { renderApp } from '../test/render';
import { rules } from './testFixtures';
import { KINDS, type MessagingRules } from './types';

configure({ asyncUtilTimeout: 5000 });

beforeEach(async () => {
  resetApiClient();
  await i18n.changeLanguage('en');
});
afterEach(() => vi.unstubAllGlobals());

function serve(extra: (call: RecordedCall) => Response | null = () => null) {
  let state: MessagingRules = rules();
  return mockFetch((call) => {
    if (call.url === '/api/v1/me') return json(sessionFor('owner'));
    const answer = extra(call);
    if (answer) return answer;
    if (call.url === '/api/v1/settings/messaging') {
      if (call.method === 'PUT') state = { ...state, ...(call.body as Partial<MessagingRules>) };
      return json(state);
    }
    return json({ items: [], next_cursor: null });
  });
}

const puts = (calls: RecordedCall[]) => calls.filter((c) => c.method === 'PUT');
const order = () =>
  within(screen.getByTestId('rules-order'))
    .getAllByRole('listitem')
    .map((li) => li.dataset.testid?.replace('rules-order-', ''));

async function openRules() {
  renderApp('/settings?tab=messages&section=rules');
  return screen.findByTestId('rules-form');
}

describe('Settings > Messages > Rules', () => {
  it('shows the rules: reminders as hours and minutes, quiet hours, channel order, kinds', async () => {
    const { calls } = serve();
    await openRules();
    expect(calls.some((c) => c.url === '/api/v1/settings/messaging')).toBe(true);
    expect(screen.getByTestId('rules-offset-0-hours')).toHaveValue('24');
    expect(screen.getByTestId('rules-offset-0-minutes')).toHaveValue('0');
    expect(screen.getByTestId('rules-offset-1-hours')).toHaveValue('2');
    expect(screen.getByTestId('rules-min-lead')).toHaveValue('30');
    expect(screen.getByTestId('rules-min-gap-after-booking')).toHaveValue('60');
    expect(screen.getByTestId('rules-quiet-enabled')).toBeChecked();
    expect(screen.getByTestId('rules-quiet-start')).toHaveValue('21:00');
    expect(screen.getByTestId('rules-quiet-end')).toHaveValue('09:00');
    expect(order()).toEqual(['telegram', 'viber', 'sms', 'email']);
    expect(screen.getByTestId('rules-order-telegram-up')).toBeDisabled();
    expect(screen.getByTestId('rules-order-email-down')).toBeDisabled();
    expect(screen.getByTestId('rules-kind-reminder')).toBeChecked();
    expect(screen.getByTestId('rules-kinds')).toHaveTextContent('Staff: tomorrow\'s shift');
    expect(screen.getByTestId('rules-feedback-delay-minutes')).toHaveValue('120');
    expect(screen.getByTestId('rules-come-back-lead-days')).toHaveValue('3');
    expect(screen.getByTestId('rules-birthday-days-before')).toHaveValue('0');
    expect(screen.getByTestId('rules-save')).toBeDisabled();
  });

  it('saves the changed parts in minutes', async () => {
    const { calls } = serve();
    await openRules();
    // 24 h -> 23 h 30 min; drop the 2 h reminder; add 45 min.
    fireEvent.change(screen.getByTestId('rules-offset-0-hours'), { target: { value: '23' } });
    fireEvent.change(screen.getByTestId('rules-offset-0-minutes'), { target: { value: '30' } });
    fireEvent.click(screen.getByTestId('rules-offset-1-remove'));
    fireEvent.click(screen.getByTestId('rules-offset-add'));
    fireEvent.change(screen.getByTestId('rules-offset-1-hours'), { target: { value: '0' } });
    fireEvent.change(screen.getByTestId('rules-offset-1-minutes'), { target: { value: '45' } });
    fireEvent.click(screen.getByTestId('rules-quiet-enabled'));
    fireEvent.click(screen.getByTestId('rules-order-sms-up'));
    fireEvent.click(screen.getByTestId('rules-order-sms-up'));
    expect(order()).toEqual(['sms', 'telegram', 'viber', 'email']);
    fireEvent.click(screen.getByTestId('rules-kind-campaign'));
    fireEvent.change(screen.getByTestId('rules-feedback-delay-minutes'), { target: { value: '90' } });
    fireEvent.click(screen.getByTestId('rules-save'));

    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    const put = puts(calls)[0];
    expect(put.url).toBe('/api/v1/settings/messaging');
    expect(put.headers['x-csrf-token']).toBe('tok-1');
    expect(put.body).toEqual({
      channel_order: ['sms', 'telegram', 'viber', 'email'],
      reminders: { offsets: [1410, 45], min_lead: 30, min_gap_after_booking: 60 },
      quiet_hours: null,
      kinds: { ...Object.fromEntries(KINDS.map((k) => [k, true])), campaign: false },
      feedback_delay_minutes: 90,
    });
    expect(await screen.findByText('Message rules saved')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('rules-save')).toBeDisabled());
  });

  it('sends only what changed', async () => {
    const { calls } = serve();
    await openRules();
    fireEvent.change(screen.getByTestId('rules-quiet-start'), { target: { value: '22:30' } });
    fireEvent.change(screen.getByTestId('rules-birthday-days-before'), { target: { value: '1' } });
    fireEvent.click(screen.getByTestId('rules-save'));
    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    expect(puts(calls)[0].body).toEqual({ quiet_hours: { start: '22:30', end: '09:00' }, birthday_days_before: 1 });
  });

  it('checks reminders in the browser before sending', async () => {
    const { calls } = serve();
    await openRules();
    fireEvent.change(screen.getByTestId('rules-offset-1-hours'), { target: { value: '24' } });
    fireEvent.change(screen.getByTestId('rules-offset-0-minutes'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('rules-save'));
    expect(await screen.findByTestId('rules-offset-1-error')).toHaveTextContent('This reminder is already in the list');
    expect(puts(calls)).toHaveLength(0);
  });

  it('shows the server field errors (422) at their fields', async () => {
    serve((call) =>
      call.method === 'PUT'
        ? problem({
            status: 422,
            code: 'validation-failed',
            title: 'Validation failed',
            errors: [
              { field: 'reminders.offsets[1]', code: 'too_small' },
              { field: 'quiet_hours.start', code: 'invalid_time' },
              { field: 'kinds.xyz', code: 'unknown_field' },
            ],
          })
        : null,
    );
    await openRules();
    fireEvent.change(screen.getByTestId('rules-quiet-start'), { target: { value: '23:00' } });
    fireEvent.click(screen.getByTestId('rules-save'));
    expect(await screen.findByTestId('rules-offset-1-error')).toHaveTextContent('The value is too small');
    expect(screen.getByTestId('rules-quiet-start')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Enter a time like 09:00')).toBeInTheDocument();
    const alert = screen.getByTestId('rules-save-error');
    expect(alert).toHaveTextContent('Please correct the highlighted fields.');
    expect(alert).toHaveTextContent('kinds.xyz: Unknown field');
  });
});
