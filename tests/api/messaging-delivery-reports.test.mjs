// Delivery reports (issue 7: "sent, delivered, failed"; every message on the client's card with
// its status): `kvitka jobs run --once` asks the SMS provider (the fake TurboSMS) what became of
// the SMS it took and saves it as the message's `delivery`, a provider in trouble breaking
// nothing; the Viber bot's "delivered" and "seen" callbacks mark the message of their token; a
// Telegram message is delivered once sent; a campaign's results count what was delivered.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertStatus, RFC3339 } from '../lib/api.mjs';
import { setupSalon, book, oneItem, at, addDays, future, newClient, plusMinutes } from '../lib/booking.mjs';
import { startFakeViber, viberEvent, signedCallback } from '../lib/fakes.mjs';
import { noonIn } from '../lib/come-back.mjs';
import {
  startMessaging, messagingSalon, runJobs, nowIso, smsTo, reminders, clientHistory, outbox, useSms, useViber,
  useTelegram, putRules, viberLink, viberSentTo, telegramLink, startTelegramChat, telegramSentTo, until, replyTo,
  assertOutboxRow,
} from '../lib/messaging.mjs';

const VIBER_TOKEN = '4453b6ac12345678-e02c5f12174805f9-daec9cbb5448c51e';
let env;
let viber;
before(async () => {
  viber = await startFakeViber({ token: VIBER_TOKEN });
  const viberArgs = ['--provider-url', `viber=${viber.url}`];
  try {
    env = await startMessaging({ serverArgs: viberArgs });
  } catch (e) {
    await viber.close();
    throw e;
  }
  env.providerArgs.push(...viberArgs); // `jobs run` sends by Viber too
});
after(async () => {
  await env?.close();
  await viber?.close();
});

/** The entry of a client's history (GET /clients/{id}/messages) with this id. */
async function historyEntry(s, clientId, id) {
  const entry = (await clientHistory(s.c, clientId)).find((m) => m.direction === 'out' && m.id === id);
  assert.ok(entry, `message ${id} on the card of client ${clientId}`);
  return entry;
}

test('an SMS reminder: a later run asks TurboSMS and the client\'s card shows it delivered', async () => {
  const s = await messagingSalon(env, { channels: ['sms'] });
  const client = await newClient(s.c, 'Олена');
  const phone = client.phones[0];
  const d = future(7);
  const a = await book(s.c, oneItem(s, { client, start: at(d, '14:00') }));
  await runJobs(env, nowIso()); // the confirmation
  const due24 = at(addDays(d, -1), '14:00');

  const first = await runJobs(env, due24);
  assert.ok(Number.isInteger(first.delivery), `the report counts delivery reports: ${JSON.stringify(first)}`);
  const sms = smsTo(env.sms, phone).at(-1);
  assert.match(sms.text, /нагадуємо/);
  let [reminder] = await reminders(s.c, a.id);
  assert.equal(reminder.status, 'sent');
  assert.equal(reminder.delivery, null, 'TurboSMS says it is on its way');
  assert.equal(reminder.delivered_at, null);
  assert.ok(env.sms.statusCalls.some((c) => c.body.messages?.includes(sms.id)), 'TurboSMS was asked about it');

  // TurboSMS delivers it, but does not answer the next question: nothing breaks, nothing changes.
  env.sms.report(sms, 'delivered');
  env.sms.failStatusNext(1);
  await runJobs(env, plusMinutes(due24, 15));
  [reminder] = await reminders(s.c, a.id);
  assert.equal(reminder.delivery, null, 'a provider in trouble changes nothing');

  // The next run asks again and saves it.
  const later = await runJobs(env, plusMinutes(due24, 16));
  assert.ok(later.delivery >= 1, JSON.stringify(later));
  [reminder] = await reminders(s.c, a.id);
  assertOutboxRow(reminder);
  assert.equal(reminder.delivery, 'delivered');
  assert.match(reminder.delivered_at, RFC3339);
  assert.ok(Date.parse(reminder.delivered_at) >= Date.parse(reminder.sent_at), JSON.stringify(reminder));

  const entry = await historyEntry(s, client.id, reminder.id);
  assert.deepEqual([entry.channel, entry.status, entry.delivery, entry.delivered_at],
    ['sms', 'sent', 'delivered', reminder.delivered_at]);

  // Known now: not asked about again.
  const asked = env.sms.statusCalls.length;
  await runJobs(env, plusMinutes(due24, 40));
  assert.ok(!env.sms.statusCalls.slice(asked).some((c) => c.body.messages?.includes(sms.id)), 'not asked again');
});

test('Viber: the "delivered" and "seen" callbacks mark the message of their token', async () => {
  const s = await setupSalon(env.server);
  await useViber(s.c, VIBER_TOKEN, { sender_name: 'Kvitka Salon', bot_uri: 'kvitkadelivery' });
  await putRules(s.c, { channel_order: ['viber', 'sms'] });
  const hook = await until('the webhook', () => viber.webhook?.url && viber.webhook);
  for (const event of ['delivered', 'seen', 'failed']) {
    assert.ok(hook.event_types.includes(event), `the webhook asks for ${event}: ${hook.event_types}`);
  }
  const hookUrl = hook.url.replace(/^https?:\/\/[^/]+/, env.server.url);
  const callback = (event) => fetch(hookUrl, { method: 'POST', ...signedCallback(VIBER_TOKEN, event) });

  const user = `dlr-${Date.now()}==`;
  const { context } = await viberLink(s.c, s.client.id);
  assert.equal((await callback(viberEvent('conversation_started', { userId: user, context }))).status, 200);

  const count = viberSentTo(viber, user).length;
  await book(s.c, oneItem(s, { start: at(future(5), '11:00') }));
  await runJobs(env, nowIso());
  const sent = await replyTo('the confirmation by Viber', () => viberSentTo(viber, user), { after: count });
  const row = (await clientHistory(s.c, s.client.id))
    .find((m) => m.direction === 'out' && m.channel === 'viber' && m.kind === 'booking_confirmation');
  assert.ok(row, 'the confirmation is on the card');
  assert.deepEqual([row.status, row.delivery, row.delivered_at], ['sent', null, null]);

  const deliveredAt = Date.parse(row.sent_at) + 2000;
  const delivered = await callback(viberEvent('delivered', { userId: user, messageToken: sent.message_token, timestamp: deliveredAt }));
  assert.equal(delivered.status, 200);
  let entry = await historyEntry(s, s.client.id, row.id);
  assert.equal(entry.delivery, 'delivered');
  assert.equal(Date.parse(entry.delivered_at), deliveredAt, 'the callback\'s time');

  await callback(viberEvent('seen', { userId: user, messageToken: sent.message_token, timestamp: deliveredAt + 5000 }));
  entry = await historyEntry(s, s.client.id, row.id);
  assert.equal(entry.delivery, 'seen');
  assert.equal(Date.parse(entry.delivered_at), deliveredAt + 5000);

  // A late "delivered" changes nothing; an unknown token, a forged callback neither.
  await callback(viberEvent('delivered', { userId: user, messageToken: sent.message_token }));
  await callback(viberEvent('failed', { userId: user, messageToken: '999' }));
  const forged = await fetch(hookUrl, {
    method: 'POST', ...signedCallback('another-token', viberEvent('failed', { userId: user, messageToken: sent.message_token })),
  });
  assert.equal(forged.status, 403);
  entry = await historyEntry(s, s.client.id, row.id);
  assert.equal(entry.delivery, 'seen');
});

test('Telegram: a message the bot sent is delivered when sent', async () => {
  const s = await setupSalon(env.server);
  await useTelegram(s.c, env.tg);
  await putRules(s.c, { channel_order: ['telegram', 'sms'] });
  const chat = 5550000 + Math.floor(Math.random() * 10000);
  const { token } = await telegramLink(s.c, s.client.id);
  await startTelegramChat(env.tg, chat, token);

  const count = telegramSentTo(env.tg, chat).length;
  await book(s.c, oneItem(s, { start: at(future(6), '12:00') }));
  await runJobs(env, nowIso());
  await replyTo('the confirmation in Telegram', () => telegramSentTo(env.tg, chat), { after: count });
  const row = (await clientHistory(s.c, s.client.id))
    .find((m) => m.direction === 'out' && m.channel === 'telegram' && m.kind === 'booking_confirmation');
  assert.ok(row, 'the confirmation is on the card');
  assert.deepEqual([row.status, row.delivery, row.delivered_at], ['sent', 'delivered', row.sent_at]);
});

test('a campaign\'s results count what the provider delivered; every other field stays', async () => {
  const s = await setupSalon(env.server);
  await useSms(s.c);
  const clients = [];
  for (const name of ['Алла', 'Богдана', 'Віра']) clients.push(await newClient(s.c, name, { consent: { sms: true } }));
  let res = await s.c.post('/api/v1/campaigns', { name: 'Звіт', channel: 'sms', body: 'Знижка -15% до неділі {{opt_out}}' });
  assertStatus(res, 201, 'create');
  const id = res.json.id;
  assertStatus(await s.c.post(`/api/v1/campaigns/${id}/send`, {}), 200, 'send');
  const noon = noonIn(1);
  await runJobs(env, noon);

  const texts = clients.map((c) => smsTo(env.sms, c.phones[0]).find((m) => /-15%/.test(m.text)));
  assert.ok(texts.every(Boolean), 'each client got it');
  res = await s.c.get(`/api/v1/campaigns/${id}`);
  assertStatus(res, 200);
  assert.deepEqual(res.json.results,
    { pending: 0, sent: 3, delivered: 0, failed: 0, voided: 0, bookings: 0, days: res.json.results.days });

  env.sms.report(texts[0], 'delivered');
  env.sms.report(texts[1], 'seen');
  env.sms.setStatus(texts[2], 'Expired');
  await runJobs(env, plusMinutes(noon, 15));
  res = await s.c.get(`/api/v1/campaigns/${id}`);
  assert.deepEqual([res.json.results.sent, res.json.results.delivered, res.json.results.failed], [3, 2, 0]);

  const rows = (await outbox(s.c, { kind: 'campaign' })).filter((r) => r.text.includes('-15%'));
  assert.deepEqual(rows.map((r) => r.delivery).sort(), ['delivered', 'seen', 'undelivered']);
  for (const r of rows) assertOutboxRow(r);
});
