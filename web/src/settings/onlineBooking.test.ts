import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import {
  canEditOnlineBooking,
  embedSnippet,
  leadUnitFor,
  rulesPatch,
  slugOf,
  validateRules,
  valuesFromRules,
  type OnlineBookingRules,
} from './onlineBooking';

const RULES: OnlineBookingRules = {
  branch_id: 1,
  enabled: true,
  lead_minutes: 60,
  horizon_days: 60,
  step_minutes: 15,
  auto_confirm: true,
  cancel_deadline_minutes: 90,
  master_required: false,
  max_future_bookings: 3,
  phone: '',
  message: '',
  booking_url: 'http://127.0.0.1:8080/b/podil',
};

describe('online booking form', () => {
  it('shows the lead time in the largest whole unit', () => {
    expect(leadUnitFor(0)).toBe('minutes');
    expect(leadUnitFor(45)).toBe('minutes');
    expect(leadUnitFor(120)).toBe('hours');
    expect(leadUnitFor(2880)).toBe('days');
    const v = valuesFromRules({ ...RULES, lead_minutes: 2880 });
    expect([v.lead, v.lead_unit]).toEqual([2, 'days']);
  });

  it('sends nothing when nothing changed, fractions of hours as whole minutes', () => {
    const v = valuesFromRules(RULES);
    expect(v.cancel_deadline_hours).toBe(1.5);
    expect(rulesPatch(RULES, v)).toEqual({});
    expect(rulesPatch(RULES, { ...v, lead: 1.5, lead_unit: 'hours', phone: ' +380 44 123 45 67 ' })).toEqual({
      lead_minutes: 90,
      phone: '+380 44 123 45 67',
    });
    // Odd minutes survive the hours field unchanged.
    const odd = { ...RULES, cancel_deadline_minutes: 7 };
    expect(rulesPatch(odd, valuesFromRules(odd))).toEqual({});
  });

  it('checks the contract limits', () => {
    const t = i18n.getFixedT('en');
    const v = valuesFromRules(RULES);
    expect(validateRules(t, v)).toEqual({});
    expect(validateRules(t, { ...v, lead: 31, lead_unit: 'days' })).toEqual({ lead: 'From 0 to 30' });
    expect(validateRules(t, { ...v, cancel_deadline_hours: 721 })).toEqual({ cancel_deadline_hours: 'From 0 to 720' });
    expect(validateRules(t, { ...v, horizon_days: 0, max_future_bookings: 51 })).toEqual({
      horizon_days: 'From 1 to 366',
      max_future_bookings: 'From 1 to 50',
    });
    expect(validateRules(t, { ...v, horizon_days: 1.5 }).horizon_days).toBe('Invalid value');
    expect(validateRules(t, { ...v, message: 'x'.repeat(501) }).message).toBe('Too long');
  });

  it('builds the embed snippet from the booking link', () => {
    expect(slugOf('https://salon.example/b/podil', 'x')).toBe('podil');
    expect(slugOf('', 'fallback')).toBe('fallback');
    expect(embedSnippet('https://salon.example/b/podil', 'podil')).toBe(
      '<script src="https://salon.example/b/embed.js" data-kvitka-branch="podil" async></script>',
    );
    expect(embedSnippet('', 'podil')).toBe(
      `<script src="${window.location.origin}/b/embed.js" data-kvitka-branch="podil" async></script>`,
    );
  });

  it('lets owners, admins and managers edit', () => {
    expect(['owner', 'admin', 'manager', 'master'].map((r) => canEditOnlineBooking(r as never))).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
});
