// The salon's Telegram bot, over the fake Bot API: a client links their chat with the single-use
// deep link from their card, gets the booking confirmation in Telegram with buttons, confirms a
// booking, lists their bookings and cancels one in two taps (which voids its reminders), writes a
// text that lands on their card, and blocking the bot unlinks the chat. Also the webhook mode
// with its secret token.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertStatus } from '../lib/api.mjs';
import { setupSalon, oneItem, book, at, future, getAppointment } from '../lib/booking.mjs';
import { startFakeTelegram } from '../lib/fakes.mjs';
import {
  BOT_USERNAME, buttons, channelPath, clientChannelsPath, clientMessagesPath, replyTo, runJobs, startTelegramChat,
  telegramLink, telegramSentTo, until, useTelegram,
} from '../lib/messaging.mjs';

let server;
let tg;
let salon;
const CHAT = 5550001;

const sentTo = (chat) => telegramSentTo(tg, chat);
/** The bot's first message to `chat` after the first `after` that passes `test`. */
const reply = (what, chat, options) => replyTo(what, () => sentTo(chat), options);

before(async () => {
  tg = await startFakeTelegram();
  server = await startServer({ args: ['--no-dispatch', '--provider-url', `telegram=${tg.url}`] });
  salon = await setupSalon(server);
  await useTelegram(salon.c, tg);
});
after(async () => {
  await server?.stop();
  await tg?.close();
});

test('a client links the chat by the deep link, and the link works once', async () => {
  const { url, token } = await telegramLink(salon.c, salon.client.id);
  assert.equal(url.host, 't.me');
  assert.equal(url.pathname, `/${BOT_USERNAME}`);
  assert.match(token, /^[A-Za-z0-9_-]{16,64}$/);

  const greeting = await startTelegramChat(tg, CHAT, token, { id: CHAT, first_name: 'Olena', language_code: 'uk' });
  assert.match(greeting.text, /Олена/);
  assert.match(greeting.text, /підключено/);
  assert.ok(buttons(greeting).some((b) => b.callback_data === 'list'), 'a "my bookings" button');

  const channels = await salon.c.get(clientChannelsPath(salon.client.id));
  assertStatus(channels, 200);
  assert.equal(channels.json.telegram.linked, true);

  // The same link again, from another chat: refused, and that chat stays unlinked.
  const refused = await startTelegramChat(tg, CHAT + 1, token, { id: CHAT + 1, first_name: 'Eve', language_code: 'en' });
  assert.match(refused.text, /used already|expired/);
});

test('the confirmation comes to Telegram with buttons; "I\'ll come" confirms the booking', async () => {
  const start = at(future(4), '11:00');
  const a = await book(salon.c, oneItem(salon, { start }));
  const before = sentTo(CHAT).length;
  await runJobs({ server, providerArgs: ['--provider-url', `telegram=${tg.url}`] });
  const confirmation = await reply('the confirmation', CHAT, { after: before });
  assert.match(confirmation.text, /11:00/);
  const data = buttons(confirmation).map((b) => b.callback_data).filter(Boolean);
  assert.deepEqual(data.sort(), [`cancel:${a.id}`, `confirm:${a.id}`].sort());
  assert.ok(buttons(confirmation).some((b) => b.url?.includes('/m/')), 'a move button with the manage link');

  tg.pushCallback(CHAT, `confirm:${a.id}`);
  await until('the callback answer', () => tg.answered.length >= 1);
  const fresh = await until('confirmed', async () => {
    const got = await getAppointment(salon.c, a.id);
    return got.status === 'confirmed' && got;
  });
  assert.equal(fresh.status, 'confirmed');
  // The thanks comes as a message too: wait for it, so that it is not taken for the next reply.
  await until('the thanks', () => sentTo(CHAT).some((m) => /Чекаємо на вас/.test(m.text)));
});

test('my bookings lists what is coming; cancelling takes two taps and voids the reminders', async () => {
  const start = at(future(6), '12:00');
  const a = await book(salon.c, oneItem(salon, { start }));
  // Replies are found by what they say (the bot answers each update in turn, and a slow machine
  // may still be delivering an earlier one).
  const after = sentTo(CHAT).length;
  const replyWith = (what, test) => reply(what, CHAT, { after, test });
  tg.pushMessage(CHAT, '/bookings', { id: CHAT, first_name: 'Olena' });
  const list = await replyWith('the list', (m) => buttons(m).some((b) => b.callback_data === `cancel:${a.id}`));
  assert.match(list.text, /12:00/);

  tg.pushCallback(CHAT, `cancel:${a.id}`);
  const ask = await replyWith('the question', (m) => buttons(m).some((b) => b.callback_data === `cancel!:${a.id}`));
  assert.ok(ask);
  assert.equal((await getAppointment(salon.c, a.id)).status, 'booked', 'one tap cancels nothing');

  tg.pushCallback(CHAT, `cancel!:${a.id}`);
  await replyWith('the cancellation', (m) => /скасовано/.test(m.text));
  assert.equal((await getAppointment(salon.c, a.id)).status, 'cancelled');
  const outbox = await salon.c.get(`/api/v1/messages?kind=reminder`);
  const reminders = outbox.json.items.filter((m) => m.appointment_id === a.id);
  assert.ok(reminders.length > 0);
  assert.ok(reminders.every((m) => m.status === 'voided'), JSON.stringify(reminders));
});

test('a button of somebody else\'s booking does nothing', async () => {
  const other = await book(salon.c, oneItem(salon, { client: salon.vip, start: at(future(5), '15:00') }));
  const answered = tg.answered.length;
  tg.pushCallback(CHAT, `cancel!:${other.id}`);
  await until('the answer', () => tg.answered.length > answered);
  assert.match(tg.answered.at(-1).text, /не знайдено/);
  assert.equal((await getAppointment(salon.c, other.id)).status, 'booked');
});

test('a text from the client shows on the card; blocking the bot unlinks the chat', async () => {
  const before = sentTo(CHAT).length;
  tg.pushMessage(CHAT, 'Можна прийти на 15 хвилин раніше? <b>', { id: CHAT, first_name: 'Olena' });
  await until('the thanks', () => sentTo(CHAT).slice(before).some((m) => /передали/.test(m.text)));
  const messages = await salon.c.get(clientMessagesPath(salon.client.id));
  assertStatus(messages, 200);
  const incoming = messages.json.items.find((m) => m.direction === 'in');
  assert.ok(incoming, JSON.stringify(messages.json.items.slice(0, 3)));
  assert.equal(incoming.text, 'Можна прийти на 15 хвилин раніше? <b>');
  assert.equal(incoming.channel, 'telegram');

  tg.pushMemberStatus(CHAT, 'kicked');
  await until('unlinked', async () => {
    const res = await salon.c.get(clientChannelsPath(salon.client.id));
    return res.json.telegram.linked === false;
  });
});

test('webhook mode: the bot is pointed at the server and updates need the secret token', async () => {
  let res = await salon.c.put(channelPath('telegram'), { mode: 'webhook', webhook_secret: 'hook-secret-1' });
  assertStatus(res, 200);
  const hook = await until('the webhook', () => tg.webhook?.url && tg.webhook);
  assert.match(hook.url, new RegExp(`/api/v1/public/telegram/\\d+/webhook$`));
  assert.equal(hook.secret_token, 'hook-secret-1');
  const path = new URL(hook.url).pathname;
  const update = { update_id: 900001, message: { message_id: 1, date: 1, chat: { id: CHAT + 2, type: 'private' }, from: { id: CHAT + 2, first_name: 'Ira', language_code: 'ru' }, text: '/start' } };
  const bare = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(update) });
  assert.equal(bare.status, 403);
  const signed = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'hook-secret-1' },
    body: JSON.stringify(update),
  });
  assert.equal(signed.status, 200);
  const welcome = await reply('the welcome', CHAT + 2);
  assert.match(welcome.text, /Добро пожаловать/);
});
