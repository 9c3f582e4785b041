// The salon's messaging rules (GET/PUT /api/v1/settings/messaging) and how the form maps to
// and from them: reminder offsets as hours and minutes, quiet hours on/off, kinds on/off.
import type { TFunction } from 'i18next';
import { isApiError } from '../app/api';
import { fieldErrorText } from '../app/problems';
import { CHANNELS, KINDS, type ChannelName, type MessageKind, type MessagingRules, type MessagingRulesInput } from './types';

export interface OffsetValue {
  hours: number | string;
  minutes: number | string;
}

export interface RulesValues {
  channel_order: ChannelName[];
  offsets: OffsetValue[];
  min_lead: number | string;
  min_gap_after_booking: number | string;
  quiet_enabled: boolean;
  quiet_start: string;
  quiet_end: string;
  kinds: Record<MessageKind, boolean>;
  feedback_delay_minutes: number | string;
  come_back_lead_days: number | string;
  birthday_days_before: number | string;
}

export const DEFAULT_QUIET_HOURS = { start: '21:00', end: '09:00' } as const;
export const MAX_OFFSETS = 5;

export function offsetFromMinutes(minutes: number): OffsetValue {
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}

const num = (v: number | string): number => (typeof v === 'number' ? v : v.trim() === '' ? NaN : Number(v));

export function offsetMinutes(o: OffsetValue): number {
  const h = num(o.hours === '' ? 0 : o.hours);
  const m = num(o.minutes === '' ? 0 : o.minutes);
  return Math.round(h * 60 + m);
}

/** Every channel once: the salon's order first, then any it left out. */
export function fullOrder(order: readonly string[]): ChannelName[] {
  const known = order.filter((c): c is ChannelName => (CHANNELS as readonly string[]).includes(c));
  const unique = [...new Set(known)];
  return [...unique, ...CHANNELS.filter((c) => !unique.includes(c))];
}

export function valuesFromRules(r: MessagingRules): RulesValues {
  const kinds = Object.fromEntries(KINDS.map((k) => [k, r.kinds?.[k] !== false])) as Record<MessageKind, boolean>;
  return {
    channel_order: fullOrder(r.channel_order ?? []),
    offsets: (r.reminders?.offsets ?? []).map(offsetFromMinutes),
    min_lead: r.reminders?.min_lead ?? 0,
    min_gap_after_booking: r.reminders?.min_gap_after_booking ?? 0,
    quiet_enabled: !!r.quiet_hours,
    quiet_start: r.quiet_hours?.start ?? DEFAULT_QUIET_HOURS.start,
    quiet_end: r.quiet_hours?.end ?? DEFAULT_QUIET_HOURS.end,
    kinds,
    feedback_delay_minutes: r.feedback_delay_minutes ?? 0,
    come_back_lead_days: r.come_back_lead_days ?? 0,
    birthday_days_before: r.birthday_days_before ?? 0,
  };
}

/** The whole form as the API's shape (branch overrides are not edited here). */
export function rulesBody(v: RulesValues): Required<Omit<MessagingRulesInput, 'branches'>> {
  return {
    channel_order: v.channel_order,
    reminders: {
      offsets: v.offsets.map(offsetMinutes),
      min_lead: num(v.min_lead),
      min_gap_after_booking: num(v.min_gap_after_booking),
    },
    quiet_hours: v.quiet_enabled ? { start: v.quiet_start, end: v.quiet_end } : null,
    kinds: { ...v.kinds },
    feedback_delay_minutes: num(v.feedback_delay_minutes),
    come_back_lead_days: num(v.come_back_lead_days),
    birthday_days_before: num(v.birthday_days_before),
  };
}

/** Only the top-level fields that differ from the rules as loaded (missing = keep). */
export function rulesPatch(before: MessagingRules, v: RulesValues): MessagingRulesInput {
  const now = rulesBody(v);
  const then = rulesBody(valuesFromRules(before));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(now)) {
    if (JSON.stringify(value) !== JSON.stringify(then[key as keyof typeof then])) out[key] = value;
  }
  return out as MessagingRulesInput;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Checks in the browser what the server would refuse, keyed by form field. */
export function validateRules(t: TFunction, v: RulesValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const whole = (value: number | string, key: string, max: number) => {
    const n = num(value);
    if (!Number.isFinite(n)) errors[key] = t('errors.field.required');
    else if (!Number.isInteger(n) || n < 0) errors[key] = t('errors.field.invalid_value');
    else if (n > max) errors[key] = t('errors.field.too_large');
  };
  const seen = new Set<number>();
  v.offsets.forEach((o, i) => {
    const m = offsetMinutes(o);
    const minutes = num(o.minutes === '' ? 0 : o.minutes);
    if (!Number.isFinite(m) || m <= 0 || !Number.isInteger(m) || minutes < 0 || minutes > 59 || num(o.hours === '' ? 0 : o.hours) < 0) {
      errors[`offsets.${i}`] = t('messaging.rules.offsetInvalid');
    } else if (seen.has(m)) {
      errors[`offsets.${i}`] = t('messaging.rules.offsetDuplicate');
    }
    seen.add(m);
  });
  whole(v.min_lead, 'min_lead', 720);
  whole(v.min_gap_after_booking, 'min_gap_after_booking', 1440);
  whole(v.feedback_delay_minutes, 'feedback_delay_minutes', 10080);
  whole(v.come_back_lead_days, 'come_back_lead_days', 60);
  whole(v.birthday_days_before, 'birthday_days_before', 30);
  if (v.quiet_enabled) {
    if (!TIME.test(v.quiet_start)) errors.quiet_start = t('errors.field.invalid_time');
    if (!TIME.test(v.quiet_end)) errors.quiet_end = t('errors.field.invalid_time');
    if (!errors.quiet_start && v.quiet_start === v.quiet_end) errors.quiet_end = t('messaging.rules.quietSame');
  }
  return errors;
}

/** API field -> form field: "reminders.offsets[1]" -> "offsets.1", "quiet_hours.start" -> "quiet_start". */
export function formFieldOf(field: string): string | null {
  let m = /^reminders\.offsets\[(\d+)\]/.exec(field);
  if (m) return `offsets.${m[1]}`;
  if (field === 'reminders.offsets') return 'offsets';
  m = /^reminders\.(min_lead|min_gap_after_booking)$/.exec(field);
  if (m) return m[1];
  m = /^quiet_hours\.(start|end)$/.exec(field);
  if (m) return `quiet_${m[1]}`;
  if (field === 'quiet_hours') return 'quiet_start';
  if (/^channel_order(\[\d+\])?$/.test(field)) return 'channel_order';
  m = /^kinds\.([a-z_]+)$/.exec(field);
  if (m) return (KINDS as readonly string[]).includes(m[1]) ? `kinds.${m[1]}` : null;
  if (['feedback_delay_minutes', 'come_back_lead_days', 'birthday_days_before'].includes(field)) return field;
  return null;
}

/** Field errors of a failed save, keyed by form field; the rest as text lines. */
export function rulesErrors(t: TFunction, error: unknown): { fields: Record<string, string>; other: string[] } {
  const fields: Record<string, string> = {};
  const other: string[] = [];
  if (!isApiError(error)) return { fields, other };
  for (const fe of error.fieldErrors) {
    const text = fieldErrorText(t, fe);
    const key = formFieldOf(fe.field);
    if (key) {
      if (!(key in fields)) fields[key] = text;
    } else other.push(`${fe.field}: ${text}`);
  }
  return { fields, other };
}
