// Helpers for the messaging API tests (issue 7): a server that never sends on its own
// (--no-dispatch) with the provider fakes behind it, `kvitka jobs run --once --now` to send what
// is due at a chosen instant, the salon's channels and rules, and reading the outbox back.
//
//   const env = await startMessaging({ smtp: true });
//   const s = await messagingSalon(env, { channels: ['sms'] });
//   await runJobs(env, nowIso());              // the confirmation goes out
//   const rows = await visitMessages(s.c, appointmentId);
//   await env.close();
//
// `kvitka jobs run` works on the whole database (every organization), so a test that travels in
// time also sends or skips what other tests of the same server left waiting: tests look at their
// own recipients (smsTo / mailTo) and their own appointments, never at the run's totals alone.
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { assertStatus, listAll } from './api.mjs';
import { setupSalon, iso } from './booking.mjs';
import { startFakeSms, startFakeTelegram } from './fakes.mjs';
import { startSmtpSink } from './smtp.mjs';

export const MESSAGES = '/api/v1/messages';
export const RULES = '/api/v1/settings/messaging';
export const clientMessagesPath = (id) => `/api/v1/clients/${id}/messages`;
export const clientChannelsPath = (id) => `/api/v1/clients/${id}/channels`;
export const telegramLinkPath = (id) => `/api/v1/clients/${id}/telegram-link`;
export const viberLinkPath = (id) => `/api/v1/clients/${id}/viber-link`;
export const channelPath = (channel) => `/api/v1/settings/channels/${channel}`;
export const BOT_USERNAME = 'kvitka_test_bot';
/** The base of the links in the messages `runJobs` sends. */
export const PUBLIC_URL = 'https://kvitka.test';
/** A manage link as the messages write it: PUBLIC_URL/b/<slug>/m/<32 hex>. */
export const MANAGE_LINK = /https:\/\/kvitka\.test\/b\/([a-z0-9-]+)\/m\/([0-9a-f]{32})/;

/** The messaging rules a new organization has. */
export const DEFAULT_RULES = {
  channel_order: ['telegram', 'viber', 'sms', 'email'],
  reminders: { offsets: [1440, 120], min_lead: 30, min_gap_after_booking: 60 },
  quiet_hours: { start: '21:00', end: '09:00' },
  feedback_delay_minutes: 120,
};

/** The current instant as "YYYY-MM-DDTHH:MM:SSZ". */
export const nowIso = () => iso(Date.now());

/**
 * A server with --no-dispatch, a fake TurboSMS and a fake Telegram (and, with smtp: true, an
 * SMTP sink). Resolves to {server, sms, tg, sink, providerArgs, close()}.
 */
export async function startMessaging({ smtp = false, serverArgs = [] } = {}) {
  const sms = await startFakeSms({ provider: 'turbosms' });
  const tg = await startFakeTelegram();
  const sink = smtp ? await startSmtpSink() : null;
  const providerArgs = ['--provider-url', `turbosms=${sms.url}`, '--provider-url', `telegram=${tg.url}`];
  let server;
  try {
    server = await startServer({ args: ['--no-dispatch', ...providerArgs, ...serverArgs] });
  } catch (e) {
    await Promise.all([sms.close(), tg.close(), sink?.close()]);
    throw e;
  }
  return {
    server,
    sms,
    tg,
    sink,
    providerArgs,
    async close() {
      try {
        await server.stop();
      } finally {
        await Promise.all([sms.close(), tg.close(), sink?.close()]);
      }
    },
  };
}

/** The arguments of `kvitka jobs run --once` at `now` with the env's providers. */
export function jobsArgs(env, now) {
  return ['jobs', 'run', '--once', ...(now ? ['--now', now] : []), '--public-url', PUBLIC_URL, ...env.providerArgs];
}

/**
 * `kvitka jobs run --once --now <now>` against the server's database; asserts exit 0 and
 * resolves to its report {claimed, sent, retried, failed, voided, skipped, lost, delivery}
 * (delivery: messages whose delivery report changed).
 */
export async function runJobs(env, now) {
  const r = await env.server.cli(jobsArgs(env, now));
  assert.equal(r.code, 0, `jobs run --now ${now} exited ${r.code} (${r.signal}):\n${r.stdout}\n${r.stderr}`);
  const line = r.stdout.trim().split('\n').filter((l) => l.startsWith('{')).pop();
  assert.ok(line, `jobs run printed its report: ${r.stdout}\n${r.stderr}`);
  const report = JSON.parse(line);
  for (const k of ['claimed', 'sent', 'retried', 'failed', 'voided', 'skipped', 'lost', 'delivery']) {
    assert.ok(Number.isInteger(report[k]), `report.${k}: ${line}`);
  }
  return report;
}

// ---------------------------------------------------------------------------------------
// Channels and rules

export async function useSms(c, extra = {}) {
  const res = await c.put(channelPath('sms'), { enabled: true, provider: 'turbosms', token: 't', sender: 'Kvitka', ...extra });
  assertStatus(res, 200, 'set up SMS');
  return res.json;
}

export async function useEmail(c, sink, extra = {}) {
  const res = await c.put(channelPath('email'), {
    enabled: true, smtp_url: sink.url, starttls: false, from_email: 'salon@example.com', from_name: 'Kvitka', ...extra,
  });
  assertStatus(res, 200, 'set up email');
  return res.json;
}

export async function useTelegram(c, tg, extra = {}) {
  const res = await c.put(channelPath('telegram'), { enabled: true, bot_token: tg.token, bot_username: BOT_USERNAME, ...extra });
  assertStatus(res, 200, 'set up Telegram');
  return res.json;
}

/** PUT /settings/channels/viber with the bot's token (and `extra`) asserting 200. */
export async function useViber(c, token, extra = {}) {
  const res = await c.put(channelPath('viber'), { enabled: true, auth_token: token, ...extra });
  assertStatus(res, 200, 'set up the Viber bot');
  return res.json;
}

/** PUT /settings/messaging asserting 200; resolves to the rules. */
export async function putRules(c, body, msg = 'PUT messaging rules') {
  const res = await c.put(RULES, body);
  assertStatus(res, 200, msg);
  return res.json;
}

/**
 * setupSalon (booking.mjs) plus the channels in `channels` ('sms', 'email', 'telegram') and,
 * when given, the rules (e.g. {channel_order: ['sms', 'email']}).
 */
export async function messagingSalon(env, { channels = ['sms'], rules } = {}) {
  const s = await setupSalon(env.server);
  if (channels.includes('sms')) await useSms(s.c);
  if (channels.includes('email')) await useEmail(s.c, env.sink);
  if (channels.includes('telegram')) await useTelegram(s.c, env.tg);
  if (rules) s.rules = await putRules(s.c, rules);
  return s;
}

// ---------------------------------------------------------------------------------------
// Reading back

/** Every row of GET /messages?params (all pages). */
export function outbox(c, params = {}) {
  const q = new URLSearchParams(params).toString();
  return listAll(c, `${MESSAGES}${q ? '?' + q : ''}`, 200);
}

/** The outbox rows about one appointment (optionally of one kind), newest first. */
export async function visitMessages(c, appointmentId, kind) {
  const rows = await outbox(c, kind ? { kind } : {});
  return rows.filter((r) => r.appointment_id === appointmentId);
}

/** The reminder rows of a visit, the earliest due first (the 24 h one before the 2 h one). */
export async function reminders(c, appointmentId) {
  const rows = await visitMessages(c, appointmentId, 'reminder');
  return rows.sort((a, b) => Date.parse(a.due_at) - Date.parse(b.due_at));
}

/** Every entry of GET /clients/{id}/messages (all pages). */
export function clientHistory(c, clientId) {
  return listAll(c, clientMessagesPath(clientId), 200);
}

/** The SMS the fake accepted for a phone. */
export const smsTo = (sms, phone) => sms.sent.filter((m) => m.to === phone);

/** The mails the sink accepted for an address. */
export const mailTo = (sink, address) => sink.messages.filter((m) => m.to.includes(address));

/** Local "DD.MM.YYYY" as the message texts write a "YYYY-MM-DD" date. */
export const dotted = (date) => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;

/** Checks one outbox row's shape (GET /messages: with the recipient and the client). */
export function assertOutboxRow(r, { withClient = true } = {}) {
  const t = JSON.stringify(r);
  assert.ok(Number.isInteger(r.id), `id: ${t}`);
  assert.equal(r.direction, 'out', t);
  assert.ok(['pending', 'sending', 'sent', 'failed', 'voided', 'skipped'].includes(r.status), `status: ${t}`);
  assert.ok(r.channel === null || ['telegram', 'viber', 'sms', 'email'].includes(r.channel), `channel: ${t}`);
  assert.equal(typeof r.kind, 'string', `kind: ${t}`);
  assert.equal(typeof r.text, 'string', `text: ${t}`);
  assert.ok(Number.isInteger(r.attempts), `attempts: ${t}`);
  for (const k of ['created_at', 'due_at']) assert.match(r[k], /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, `${k}: ${t}`);
  assert.ok(r.sent_at === null || /Z$/.test(r.sent_at), `sent_at: ${t}`);
  assert.ok(r.delivery === null || ['delivered', 'seen', 'undelivered'].includes(r.delivery), `delivery: ${t}`);
  assert.equal(r.delivered_at === null, r.delivery === null, `delivered_at with delivery: ${t}`);
  if (withClient) {
    assert.ok(['client', 'staff'].includes(r.recipient), `recipient: ${t}`);
    assert.ok(Number.isInteger(r.recipient_id), `recipient_id: ${t}`);
  }
}

// ---------------------------------------------------------------------------------------
// Bots (the fake Telegram and Viber of fakes.mjs)

/**
 * Polls `check` (sync or async) every 100 ms until it returns something truthy and resolves to
 * that; fails naming `what` after `timeoutMs`.
 */
export async function until(what, check, timeoutMs = 15000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** What the fake Telegram sent to a chat, in order. */
export const telegramSentTo = (tg, chat) => tg.sent.filter((m) => String(m.chat_id) === String(chat));

/** What the fake Viber sent to a user, in order. */
export const viberSentTo = (viber, user) => viber.sent.filter((m) => m.receiver === user);

/** The inline buttons of a Telegram message, in one list. */
export const buttons = (message) => (message.reply_markup?.inline_keyboard ?? []).flat();

/**
 * Waits for the first of `sent()` (e.g. () => telegramSentTo(tg, chat)) after the first `after`
 * that passes `test` and resolves to it. Replies are best found by what they say: the bot
 * answers each update in turn, and a slow machine may still be delivering an earlier one.
 */
export function replyTo(what, sent, { after = 0, test = () => true, timeoutMs } = {}) {
  return until(what, () => sent().slice(after).find(test), timeoutMs);
}

/** POST /clients/{id}/telegram-link asserting 201: {url (a URL), token (its start parameter)}. */
export async function telegramLink(c, clientId) {
  const res = await c.post(telegramLinkPath(clientId), {});
  assertStatus(res, 201, 'telegram link');
  const url = new URL(res.json.url);
  return { url, token: url.searchParams.get('start') };
}

/**
 * A Telegram user opens the deep link of `token` in `chat` (/start <token>, from `from`);
 * resolves to the bot's first reply in that chat after it.
 */
export async function startTelegramChat(tg, chat, token, from = { id: chat, first_name: 'Olena', language_code: 'uk' }) {
  const after = telegramSentTo(tg, chat).length;
  tg.pushMessage(chat, `/start ${token}`, from);
  return replyTo('the answer to /start', () => telegramSentTo(tg, chat), { after });
}

/** POST /clients/{id}/viber-link asserting 201: {url (a URL), context (the single-use one)}. */
export async function viberLink(c, clientId) {
  const res = await c.post(viberLinkPath(clientId), {});
  assertStatus(res, 201, 'viber link');
  const url = new URL(res.json.url);
  return { url, context: url.searchParams.get('context') };
}
