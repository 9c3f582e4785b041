// The settings form of one channel: which fields it has (by channel and SMS provider), the values
// of a view, the PUT body (secrets write-only: an untouched one is never sent, a cleared one is
// sent as null) and where the server's "<channel>.<field>" errors belong.
import type { TFunction } from 'i18next';
import { isApiError } from '../app/api';
import { fieldErrorText } from '../app/problems';
import type { ChannelName, ChannelView } from './types';

export type FieldType = 'text' | 'secret' | 'choice' | 'bool' | 'multiline' | 'headers';

export interface FieldSpec {
  name: string;
  type: FieldType;
  choices?: readonly string[];
  max?: number;
  placeholder?: string;
  /** Input type for text fields (url, email). */
  inputType?: 'url' | 'email';
}

export const SMS_PROVIDERS = ['turbosms', 'smsclub', 'alphasms', 'generic'] as const;
export type SmsProvider = (typeof SMS_PROVIDERS)[number];

const F = {
  botToken: { name: 'bot_token', type: 'secret', max: 200 },
  botUsername: { name: 'bot_username', type: 'text', max: 64, placeholder: 'my_salon_bot' },
  mode: { name: 'mode', type: 'choice', choices: ['long_polling', 'webhook'] },
  webhookSecret: { name: 'webhook_secret', type: 'secret', max: 256 },
  provider: { name: 'provider', type: 'choice', choices: SMS_PROVIDERS },
  token: { name: 'token', type: 'secret', max: 500 },
  apiKey: { name: 'api_key', type: 'secret', max: 500 },
  sender: { name: 'sender', type: 'text', max: 15, placeholder: 'Kvitka' },
  url: { name: 'url', type: 'text', max: 2000, inputType: 'url', placeholder: 'https://sms.example.com/send' },
  method: { name: 'method', type: 'choice', choices: ['POST', 'PUT', 'GET'] },
  headers: { name: 'headers', type: 'headers', max: 2000 },
  bodyTemplate: {
    name: 'body_template',
    type: 'multiline',
    max: 5000,
    placeholder: '{"to": "{{phone}}", "text": "{{text}}"}',
  },
  route: { name: 'route', type: 'choice', choices: ['sms', 'viber_then_sms'] },
  viberSender: { name: 'viber_sender', type: 'text', max: 20 },
  authToken: { name: 'auth_token', type: 'secret', max: 200 },
  senderName: { name: 'sender_name', type: 'text', max: 28 },
  smtpUrl: { name: 'smtp_url', type: 'text', max: 500, placeholder: 'smtp://smtp.example.com:587' },
  starttls: { name: 'starttls', type: 'bool' },
  username: { name: 'username', type: 'text', max: 200 },
  password: { name: 'password', type: 'secret', max: 500 },
  fromName: { name: 'from_name', type: 'text', max: 100 },
  fromEmail: { name: 'from_email', type: 'text', max: 254, inputType: 'email', placeholder: 'hello@salon.example' },
} satisfies Record<string, FieldSpec>;

/** Every field of a channel, whatever the provider or mode. */
export const CHANNEL_FIELDS: Record<ChannelName, FieldSpec[]> = {
  telegram: [F.botToken, F.botUsername, F.mode, F.webhookSecret],
  sms: [F.provider, F.token, F.apiKey, F.sender, F.url, F.method, F.headers, F.bodyTemplate, F.route, F.viberSender],
  viber: [F.authToken, F.senderName],
  email: [F.smtpUrl, F.starttls, F.username, F.password, F.fromName, F.fromEmail],
};

const SMS_BY_PROVIDER: Record<SmsProvider, FieldSpec[]> = {
  turbosms: [F.token, F.sender, F.route, F.viberSender],
  smsclub: [F.token, F.sender],
  alphasms: [F.apiKey, F.sender],
  generic: [F.url, F.method, F.headers, F.bodyTemplate, F.sender],
};

export interface ChannelFormValues {
  enabled: boolean;
  /** Shown fields: text and choices as strings ('' when unset), flags as booleans. */
  fields: Record<string, string | boolean>;
  /** What was typed into secret fields ('' when untouched). */
  secrets: Record<string, string>;
  /** Saved secrets the user asked to remove. */
  cleared: Record<string, boolean>;
}

/** The fields the form shows for its current values. */
export function visibleFields(channel: ChannelName, values: ChannelFormValues): FieldSpec[] {
  if (channel === 'sms') {
    const provider = values.fields.provider as string;
    const fields = (SMS_PROVIDERS as readonly string[]).includes(provider) ? SMS_BY_PROVIDER[provider as SmsProvider] : [];
    // The Viber sender matters only when Viber goes first.
    return [F.provider, ...fields.filter((f) => f.name !== 'viber_sender' || values.fields.route === 'viber_then_sms')];
  }
  if (channel === 'telegram' && values.fields.mode !== 'webhook') {
    return CHANNEL_FIELDS.telegram.filter((f) => f.name !== 'webhook_secret');
  }
  return CHANNEL_FIELDS[channel];
}

export function valuesFromView(view: ChannelView): ChannelFormValues {
  const fields: Record<string, string | boolean> = {};
  for (const spec of CHANNEL_FIELDS[view.channel]) {
    if (spec.type === 'secret' || spec.type === 'headers') continue;
    const v = view[spec.name];
    if (spec.type === 'bool') fields[spec.name] = v === true;
    else if (spec.name === 'mode') fields[spec.name] = typeof v === 'string' && v ? v : 'long_polling';
    else if (spec.name === 'method') fields[spec.name] = typeof v === 'string' && v ? v : 'POST';
    else if (spec.name === 'route') fields[spec.name] = typeof v === 'string' && v ? v : 'sms';
    else fields[spec.name] = typeof v === 'string' ? v : '';
  }
  return { enabled: view.enabled, fields, secrets: {}, cleared: {} };
}

/** Whether a secret is stored on the server ("<name>_set"). */
export function secretSaved(view: ChannelView, name: string): boolean {
  return view[`${name}_set`] === true;
}

/** The names of the generic gateway's saved headers (their values are secrets). */
export function savedHeaderNames(view: ChannelView): string[] {
  const names = view.header_names;
  return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [];
}

/** "Name: value" lines -> {Name: value}; null when a line is not of that form. */
export function parseHeaders(text: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return null;
    const name = line.slice(0, colon).trim();
    if (!name || /\s/.test(name)) return null;
    out[name] = line.slice(colon + 1).trim();
  }
  return out;
}

export type ChannelBody = Record<string, unknown>;

/**
 * The PUT body: what changed among the shown fields, a typed secret, null for a cleared one.
 * An untouched secret is left out, so the server keeps it.
 */
export function channelBody(channel: ChannelName, initial: ChannelFormValues, values: ChannelFormValues): ChannelBody {
  const body: ChannelBody = {};
  if (values.enabled !== initial.enabled) body.enabled = values.enabled;
  for (const spec of visibleFields(channel, values)) {
    const name = spec.name;
    if (spec.type === 'secret' || spec.type === 'headers') {
      const typed = values.secrets[name] ?? '';
      if (typed.trim() !== '') {
        body[name] = spec.type === 'headers' ? (parseHeaders(typed) ?? {}) : typed;
      } else if (values.cleared[name]) {
        body[name] = null;
      }
      continue;
    }
    const now = values.fields[name];
    if (now === initial.fields[name]) continue;
    if (typeof now === 'boolean') body[name] = now;
    else body[name] = now.trim() === '' ? null : now.trim();
  }
  return body;
}

/** Whether anything would be sent. */
export function channelDirty(channel: ChannelName, initial: ChannelFormValues, values: ChannelFormValues): boolean {
  return Object.keys(channelBody(channel, initial, values)).length > 0;
}

/** Checks in the browser what the server would refuse outright. */
export function validateChannel(t: TFunction, channel: ChannelName, values: ChannelFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const spec of visibleFields(channel, values)) {
    if (spec.type === 'headers') {
      const typed = values.secrets[spec.name] ?? '';
      if (typed.trim() !== '' && parseHeaders(typed) === null) errors[spec.name] = t('messaging.channels.headersFormat');
      continue;
    }
    const v = spec.type === 'secret' ? values.secrets[spec.name] : values.fields[spec.name];
    if (typeof v === 'string' && spec.max && Array.from(v.trim()).length > spec.max) {
      errors[spec.name] = t('errors.field.too_long');
    }
  }
  return errors;
}

/**
 * The server's field errors of a failed save, keyed by the form's field names ("sms.token" ->
 * "token", "sms.headers.X-Key" -> "headers"); the rest as text lines.
 */
export function channelErrors(
  t: TFunction,
  channel: ChannelName,
  shown: readonly string[],
  error: unknown,
): { fields: Record<string, string>; other: string[] } {
  const fields: Record<string, string> = {};
  const other: string[] = [];
  if (!isApiError(error)) return { fields, other };
  for (const fe of error.fieldErrors) {
    const text = fieldErrorText(t, fe);
    const prefix = `${channel}.`;
    const name = fe.field === 'enabled' ? 'enabled' : fe.field.startsWith(prefix) ? fe.field.slice(prefix.length).split('.')[0] : '';
    if (name && (name === 'enabled' || shown.includes(name))) {
      if (!(name in fields)) fields[name] = text;
    } else other.push(`${fe.field}: ${text}`);
  }
  return { fields, other };
}
