// Masters get their notices in Telegram (issue 7): a master links their own chat with the salon's
// bot by a single-use link from their card (/start <token>), and then the front desk's booking
// reaches them in Telegram, not by SMS, with no client buttons; the link works once; a master
// cannot make a link for another master; the chat is not a client's (what the master writes lands
// on no card); unlinking (or blocking the bot) sends the next notice by SMS again. A master's
// notices come in the language of the Telegram app they linked (English here).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertStatus } from '../lib/api.mjs';
import { randomPhone } from '../lib/clients.mjs';
import { STAFF } from '../lib/staff.mjs';
import { book, oneItem, at, future, masterUserFor, newClient, setupSalon } from '../lib/booking.mjs';
import {
  BOT_USERNAME, buttons, clientChannelsPath, clientHistory, dotted, messagingSalon, nowIso, replyTo, runJobs,
  smsTo, startMessaging, startTelegramChat, telegramLink, telegramSentTo, until, visitMessages,
} from '../lib/messaging.mjs';

// One salon has the bot: the fake Telegram is one bot, and two salons polling it would take each
// other's updates.
let env;
let salon;
before(async () => {
  env = await startMessaging();
  salon = await salonWithAnna();
});
after(async () => {
  await env?.close();
});

const channelsPath = (id) => `${STAFF}/${id}/channels`;
const linkPath = (id) => `${STAFF}/${id}/telegram-link`;
const unlinkPath = (id) => `${STAFF}/${id}/channels/telegram`;
const DAY = 24 * 3600 * 1000;

// Each test talks in chats of its own (the fake Telegram is shared).
let nextChat = 6660001;
const newChat = () => nextChat++;

async function givePhone(s, staff) {
  const phone = randomPhone();
  assertStatus(await s.c.patch(`${STAFF}/${staff.id}`, { phone }), 200, 'give the master a phone');
  return phone;
}

/** POST /staff/{id}/telegram-link as `c` asserting 201: {json, url, token}. */
async function staffLink(c, staffId) {
  const res = await c.post(linkPath(staffId), {});
  assertStatus(res, 201, 'the master\'s telegram link');
  const url = new URL(res.json.url);
  return { json: res.json, url, token: url.searchParams.get('start') };
}

/** A salon with SMS and Telegram, Анна with a phone and her own master account. */
async function salonWithAnna() {
  const s = await messagingSalon(env, { channels: ['sms', 'telegram'] });
  const annaPhone = await givePhone(s, s.anna);
  const anna = await masterUserFor(env.server, s, s.anna);
  return { s, annaPhone, anna };
}

/** A master's link (made by `c`) opened in `chat` (a Telegram app in `language`); the bot's answer. */
async function linkChat(c, staff, chat, language = 'uk') {
  const { token } = await staffLink(c, staff.id);
  return startTelegramChat(env.tg, chat, token, { id: chat, first_name: 'Anna', language_code: language });
}

/** The notices of new bookings among `messages` (a run may send other notices too). */
const newBookings = (messages) => messages.filter((m) => /^Новий запис/.test(m.text));

test('a master links their own chat; the front desk\'s booking reaches them in Telegram, not by SMS', async () => {
  const { s, annaPhone, anna } = salon;
  const chat = newChat();
  let channels = await anna.client.get(channelsPath(s.anna.id));
  assertStatus(channels, 200, 'her channels');
  assert.deepEqual(channels.json, { telegram: { linked: false, linked_at: null } });

  const { json, url, token } = await staffLink(anna.client, s.anna.id);
  assert.equal(url.host, 't.me');
  assert.equal(url.pathname, `/${BOT_USERNAME}`);
  assert.match(token, /^[A-Za-z0-9_-]{16,64}$/);
  const expires = Date.parse(json.expires_at);
  assert.ok(Math.abs(expires - (Date.now() + 30 * DAY)) < 120_000, `expires_at: ${json.expires_at}`);
  assert.match(json.qr_svg, /<svg[\s\S]*<\/svg>\s*$/, 'a QR code of the link');

  const greeting = await startTelegramChat(env.tg, chat, token, { id: chat, first_name: 'Anna', language_code: 'en' });
  assert.match(greeting.text, /Анна Тест/);
  assert.match(greeting.text, /You will get your bookings and schedule here/);
  assert.deepEqual(buttons(greeting), [], 'no client buttons in a master\'s chat');
  channels = await s.c.get(channelsPath(s.anna.id));
  assertStatus(channels, 200);
  assert.equal(channels.json.telegram.linked, true);
  assert.match(channels.json.telegram.linked_at, /Z$/);

  // The same link again, from another chat: refused, and Анна's chat stays where it is.
  const other = newChat();
  const refused = await startTelegramChat(env.tg, other, token, { id: other, first_name: 'Eve', language_code: 'en' });
  assert.match(refused.text, /used already|expired/);

  const d = future(5);
  const a = await book(s.c, oneItem(s, { start: at(d, '12:00') }));
  const [notice] = await visitMessages(s.c, a.id, 'staff_new_booking');
  assert.equal(notice.recipient_id, s.anna.id);
  assert.equal(notice.channel, 'telegram');
  const before = telegramSentTo(env.tg, chat).length;
  await runJobs(env, nowIso());
  const sent = await replyTo('the notice', () => telegramSentTo(env.tg, chat), { after: before, test: (m) => /New booking/.test(m.text) });
  assert.match(sent.text, new RegExp(`^New booking\\n.*${dotted(d).replace(/\./g, '\\.')} at 12:00\\nClient: Олена`), 'in her app\'s language');
  assert.match(sent.text, /Services: Стрижка/);
  assert.deepEqual(buttons(sent), [], 'no client buttons under a master\'s notice');
  assert.deepEqual(newBookings(telegramSentTo(env.tg, other)), [], 'nothing to the refused chat');
  assert.deepEqual(newBookings(smsTo(env.sms, annaPhone)), [], 'no SMS to Анна');
  const [row] = await visitMessages(s.c, a.id, 'staff_new_booking');
  assert.equal(row.status, 'sent');
  assert.equal(row.channel, 'telegram');
});

test('only the managers make any master\'s link: a master gets 403 for another; 404 and 409 as for clients', async () => {
  const bare = await setupSalon(env.server);
  const refused = await bare.c.post(linkPath(bare.anna.id), {});
  assertStatus(refused, 409, 'no Telegram bot yet');
  assert.match(refused.json.type, /channel-not-set-up/);

  const { s, anna } = salon;
  for (const [method, path] of [['post', linkPath(s.bohdana.id)], ['get', channelsPath(s.bohdana.id)], ['delete', unlinkPath(s.bohdana.id)]]) {
    const res = method === 'post' ? await anna.client.post(path, {}) : await anna.client[method](path);
    assertStatus(res, 403, `a master: ${method} ${path}`);
  }
  for (const path of [linkPath(99999999), linkPath(bare.anna.id)]) {
    assertStatus(await s.c.post(path, {}), 404, `unknown or another salon's master: ${path}`);
  }
  assertStatus(await s.c.get(channelsPath(bare.anna.id)), 404, 'another salon\'s master');
  // The owner makes Богдана's link.
  await staffLink(s.c, s.bohdana.id);
});

test('a client\'s chat opened with a master\'s link becomes the master\'s: nothing written there lands on a card', async () => {
  const { s } = salon;
  const client = await newClient(s.c, 'Ірина');
  const chat = newChat();
  const { token: clientToken } = await telegramLink(s.c, client.id);
  const greeting = await startTelegramChat(env.tg, chat, clientToken);
  assert.match(greeting.text, /підключено/);
  assert.equal((await s.c.get(clientChannelsPath(client.id))).json.telegram.linked, true);

  // Богдана's link (made by the owner) opened in the same chat.
  const linked = await linkChat(s.c, s.bohdana, chat);
  assert.match(linked.text, /Богдана Тест/);
  assert.match(linked.text, /Сюди приходитимуть ваші записи/);
  assert.equal((await s.c.get(clientChannelsPath(client.id))).json.telegram.linked, false, 'no longer the client\'s chat');
  assert.equal((await s.c.get(channelsPath(s.bohdana.id))).json.telegram.linked, true);

  const before = telegramSentTo(env.tg, chat).length;
  env.tg.pushMessage(chat, 'Буду на 5 хвилин пізніше', { id: chat, first_name: 'Anna' });
  const answer = await replyTo('the answer', () => telegramSentTo(env.tg, chat), { after: before });
  assert.match(answer.text, /адміністратора/);
  assert.deepEqual(buttons(answer), []);
  const history = await clientHistory(s.c, client.id);
  assert.ok(!history.some((m) => m.direction === 'in'), JSON.stringify(history.slice(0, 3)));
});

test('unlinked by the owner, the next notice goes by SMS; blocking the bot unlinks too', async () => {
  const { s, annaPhone, anna } = salon;
  const chat = newChat();
  await linkChat(anna.client, s.anna, chat);
  assert.equal((await s.c.get(channelsPath(s.anna.id))).json.telegram.linked, true);
  const unlinked = await s.c.delete(unlinkPath(s.anna.id));
  assertStatus(unlinked, 200, 'unlink');
  assert.deepEqual(unlinked.json, { telegram: { linked: false, linked_at: null } });

  const d = future(6);
  const a = await book(s.c, oneItem(s, { start: at(d, '15:00') }));
  const [notice] = await visitMessages(s.c, a.id, 'staff_new_booking');
  assert.equal(notice.channel, 'sms');
  const tgBefore = telegramSentTo(env.tg, chat).length;
  await runJobs(env, nowIso());
  assert.deepEqual(newBookings(smsTo(env.sms, annaPhone)).map((m) => m.text), [`Новий запис: ${dotted(d)} о 15:00, Олена, Стрижка.`]);
  assert.equal(telegramSentTo(env.tg, chat).length, tgBefore, 'nothing to the unlinked chat');

  // Linked again, then she blocks the bot: unlinked.
  const again = newChat();
  const ru = await linkChat(anna.client, s.anna, again, 'ru');
  assert.match(ru.text, /Сюда будут приходить ваши записи/);
  assert.equal((await anna.client.get(channelsPath(s.anna.id))).json.telegram.linked, true);
  env.tg.pushMemberStatus(again, 'kicked');
  await until('unlinked', async () => (await s.c.get(channelsPath(s.anna.id))).json.telegram.linked === false);
});
