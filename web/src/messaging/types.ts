// Types of the messaging API: channels, templates, rules and the messages sent to a client.

export const CHANNELS = ['telegram', 'viber', 'sms', 'email'] as const;
export type ChannelName = (typeof CHANNELS)[number];

export const LANGUAGES = ['uk', 'ru', 'en'] as const;
export type TemplateLanguage = (typeof LANGUAGES)[number];

/** Every kind of message, grouped as the editor lists them (the server's order). */
export const KIND_GROUPS = {
  clients: ['booking_confirmation', 'reminder', 'rescheduled', 'cancelled', 'waitlist_offer', 'feedback_request'],
  marketing: ['birthday', 'come_back', 'campaign'],
  staff: [
    'staff_new_booking',
    'staff_booking_moved',
    'staff_booking_cancelled',
    'staff_schedule_changed',
    'staff_shift_tomorrow',
  ],
} as const;
export type KindGroup = keyof typeof KIND_GROUPS;
export type MessageKind = (typeof KIND_GROUPS)[KindGroup][number];
export const KINDS: readonly MessageKind[] = [...KIND_GROUPS.clients, ...KIND_GROUPS.marketing, ...KIND_GROUPS.staff];

/** A channel's settings as the API shows them: secrets only as "<name>_set". */
export interface ChannelView {
  channel: ChannelName;
  enabled: boolean;
  configured: boolean;
  updated_at: string | null;
  [field: string]: unknown;
}

export interface MessageTemplate {
  kind: MessageKind;
  channel: ChannelName;
  language: TemplateLanguage;
  body: string;
  /** Email only. */
  subject?: string;
  /** Email only. */
  html?: string;
  custom: boolean;
  updated_at?: string | null;
}

export interface TemplateTexts {
  subject: string;
  body: string;
  html: string;
}

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface TemplatePreview {
  subject: string;
  text: string;
  html: string;
  sms: { encoding: SmsEncoding; parts: number; units: number; units_per_part: number } | null;
}

/** A problem in one of a template's texts: what, which name, where (characters from the start). */
export interface TemplateIssue {
  field: string;
  code: string;
  name: string;
  position: number;
}

export interface QuietHours {
  start: string;
  end: string;
}

export interface MessagingRules {
  channel_order: ChannelName[];
  reminders: { offsets: number[]; min_lead: number; min_gap_after_booking: number };
  quiet_hours: QuietHours | null;
  kinds: Partial<Record<MessageKind, boolean>>;
  feedback_delay_minutes: number;
  come_back_lead_days: number;
  birthday_days_before: number;
  branches: { branch_id: number; quiet_hours: QuietHours | null }[];
}

export type MessagingRulesInput = Partial<MessagingRules>;

export const MESSAGE_STATUSES = ['pending', 'sending', 'sent', 'failed', 'voided', 'skipped', 'received'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** What became of a sent message (the providers' delivery reports); null: not known. */
export const MESSAGE_DELIVERIES = ['delivered', 'seen', 'undelivered'] as const;
export type MessageDelivery = (typeof MESSAGE_DELIVERIES)[number];

export interface ClientMessage {
  id: number;
  direction: 'out' | 'in';
  channel: ChannelName;
  kind: MessageKind | null;
  text: string;
  status: MessageStatus;
  error: string | null;
  appointment_id: number | null;
  created_at: string;
  due_at: string | null;
  sent_at: string | null;
  /** After it was sent: delivered, seen (Viber) or undelivered as reported; null while not known. */
  delivery: MessageDelivery | null;
  /** When `delivery` became what it is. */
  delivered_at: string | null;
}

export interface ClientChannels {
  /** The client's own order; empty: the salon's. */
  channel_order: ChannelName[];
  telegram: { linked: boolean; linked_at: string | null };
  viber: { linked: boolean; linked_at: string | null };
}

export interface TelegramLink {
  url: string;
  expires_at: string | null;
}
