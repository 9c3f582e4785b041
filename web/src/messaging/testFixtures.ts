// Shared data of the messaging module's tests (never imported by the app).
import type { ChannelView, ClientMessage, MessageTemplate, MessagingRules } from './types';
import { CHANNELS, KINDS, LANGUAGES } from './types';

export function channelViews(): ChannelView[] {
  return [
    {
      channel: 'telegram',
      enabled: true,
      configured: true,
      updated_at: '2026-01-05T10:00:00Z',
      bot_token_set: true,
      bot_username: 'kvitka_bot',
      mode: 'long_polling',
      webhook_secret_set: false,
    },
    {
      channel: 'viber',
      enabled: false,
      configured: false,
      updated_at: null,
      auth_token_set: false,
      sender_name: null,
    },
    {
      channel: 'sms',
      enabled: true,
      configured: true,
      updated_at: '2026-01-05T10:00:00Z',
      provider: 'turbosms',
      token_set: true,
      api_key_set: false,
      sender: 'Kvitka',
      url: null,
      method: null,
      header_names: [],
      headers_set: false,
      body_template: null,
    },
    {
      channel: 'email',
      enabled: false,
      configured: false,
      updated_at: null,
      smtp_url: null,
      starttls: null,
      username: null,
      password_set: false,
      from_name: null,
      from_email: null,
    },
  ];
}

/** Every template as the server lists it: defaults, with the given ones replaced. */
export function templates(over: MessageTemplate[] = []): MessageTemplate[] {
  const out: MessageTemplate[] = [];
  for (const kind of KINDS) {
    for (const channel of CHANNELS) {
      for (const language of LANGUAGES) {
        const custom = over.find((o) => o.kind === kind && o.channel === channel && o.language === language);
        if (custom) {
          out.push(custom);
          continue;
        }
        const t: MessageTemplate = {
          kind,
          channel,
          language,
          body: `Default ${kind} ${channel} ${language}: {{client_name}}, {{date}} {{time}}`,
          custom: false,
          updated_at: null,
        };
        if (channel === 'email') {
          t.subject = `Subject ${kind}`;
          t.html = '';
        }
        out.push(t);
      }
    }
  }
  return out;
}

export function rules(over: Partial<MessagingRules> = {}): MessagingRules {
  return {
    channel_order: ['telegram', 'viber', 'sms', 'email'],
    reminders: { offsets: [1440, 120], min_lead: 30, min_gap_after_booking: 60 },
    quiet_hours: { start: '21:00', end: '09:00' },
    kinds: Object.fromEntries(KINDS.map((k) => [k, true])),
    feedback_delay_minutes: 120,
    come_back_lead_days: 3,
    birthday_days_before: 0,
    branches: [],
    ...over,
  };
}

export function message(over: Partial<ClientMessage> = {}): ClientMessage {
  return {
    id: 1,
    direction: 'out',
    channel: 'sms',
    kind: 'reminder',
    text: 'Olena, see you tomorrow at 10:00',
    status: 'sent',
    error: null,
    appointment_id: 5,
    created_at: '2026-03-10T08:00:00Z',
    due_at: '2026-03-10T08:00:00Z',
    sent_at: '2026-03-10T08:00:05Z',
    delivery: null,
    delivered_at: null,
    ...over,
  };
}
