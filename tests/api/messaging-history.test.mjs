// What the salon sees of its messages (issue 7): a client's messages on the card, newest first,
// paged by cursor; the outbox (GET /api/v1/messages) with its filters and the client's name; a
// client's own channel order; a Telegram link to hand over once the bot is set up. Masters
// never see them (403), another organization's client is 404.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { assertStatus, assertProblem, assertValidation, addUser, assertList } from '../lib/api.mjs';
import { book, oneItem, at, future, newClient, status, assert4xxProblem } from '../lib/booking.mjs';
import {
  startMessaging, messagingSalon, runJobs, nowIso, outbox, clientHistory, useTelegram, assertOutboxRow,
  MESSAGES, clientMessagesPath, clientChannelsPath, telegramLinkPath, channelPath,
} from '../lib/messaging.mjs';

let env;
let s; // a salon with a few messages: three visits of s.client, booked a second apart, one cancelled
let visits;
before(async () => {
  env = await startMessaging();
  s = await messagingSalon(env);
  visits = [];
  for (const [i, time] of ['10:00', '12:00', '14:00'].entries()) {
    if (i > 0) await sleep(1100); // each visit's messages written in a second of their own
    visits.push(await book(s.c, oneItem(s, { start: at(future(7 + i), time) })));
  }
  await sleep(1100);
  await status(s.c, visits[0].id, { status: 'cancelled' });
  await runJobs(env, nowIso());
});
after(async () => {
  await env?.close();
});

const instant = (m) => Date.parse(m.created_at);

test('the client\'s messages: newest first, every one once across the pages of the cursor', async () => {
  const res = await s.c.get(clientMessagesPath(s.client.id));
  const all = assertList(res);
  for (const m of all) assertOutboxRow(m, { withClient: false });
  assert.ok(!('client' in all[0]), 'the card does not repeat the client');
  // 3 visits x (confirmation + 2 reminders) + one cancellation.
  assert.equal(all.length, 10, JSON.stringify(all.map((m) => [m.kind, m.status])));
  for (let i = 1; i < all.length; i++) assert.ok(instant(all[i - 1]) >= instant(all[i]), 'newest first');
  assert.equal(all[0].kind, 'cancelled', 'the cancellation is the newest');
  assert.equal(all[0].status, 'sent');
  assert.deepEqual(all.filter((m) => m.appointment_id === visits[0].id && m.kind === 'reminder').map((m) => m.status), ['voided', 'voided']);
  assert.deepEqual(
    all.filter((m) => m.kind === 'booking_confirmation').map((m) => [m.appointment_id, m.status]),
    [[visits[2].id, 'sent'], [visits[1].id, 'sent'], [visits[0].id, 'voided']],
    'the first visit was cancelled before its confirmation went',
  );

  const pages = [];
  let cursor = null;
  for (let i = 0; i < 20; i++) {
    const page = await s.c.get(`${clientMessagesPath(s.client.id)}?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    pages.push(assertList(page));
    cursor = page.json.next_cursor;
    if (!cursor) break;
  }
  assert.ok(pages.length >= 3, `several pages: ${pages.map((p) => p.length)}`);
  assert.ok(pages.slice(0, -1).every((p) => p.length >= 3 || pages.indexOf(p) === 0), `pages: ${pages.map((p) => p.length)}`);
  const ids = pages.flat().map((m) => m.id);
  assert.deepEqual(ids, all.map((m) => m.id), 'the pages together are the whole list, in order, none twice');
  assertStatus(await s.c.get(`${clientMessagesPath(s.client.id)}?cursor=${encodeURIComponent(cursor ?? 'c1')}&limit=5`), 200);
  assert4xxProblem(await s.c.get(`${clientMessagesPath(s.client.id)}?cursor=garbage`), 'a bad cursor');
  assert4xxProblem(await s.c.get(`${clientMessagesPath(s.client.id)}?limit=0`), 'limit 0');
});

test('paging never loses a message written in the same second as others (limit below their number)', {
}, async () => {
  const client = await newClient(s.c, 'Ліна');
  await book(s.c, oneItem(s, { client, staff: s.bohdana, start: at(future(11), '10:00') })); // 3 messages, one second
  const all = await clientHistory(s.c, client.id);
  assert.equal(all.length, 3);
  const seen = [];
  let cursor = null;
  for (let i = 0; i < 10; i++) {
    const page = await s.c.get(`${clientMessagesPath(client.id)}?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    seen.push(...assertList(page).map((m) => m.id));
    cursor = page.json.next_cursor;
    if (!cursor) break;
  }
  assert.deepEqual(seen, all.map((m) => m.id), 'limit=1: every message once');
  const outboxSeen = [];
  cursor = null;
  for (let i = 0; i < 30; i++) {
    const page = await s.c.get(`${MESSAGES}?kind=reminder&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    outboxSeen.push(...assertList(page).map((m) => m.id));
    cursor = page.json.next_cursor;
    if (!cursor) break;
  }
  assert.deepEqual(outboxSeen, (await outbox(s.c, { kind: 'reminder' })).map((m) => m.id), 'GET /messages?limit=1: every reminder once');
});

test('GET /messages: filters by status, kind, channel and recipient; names the client', async () => {
  const all = await outbox(s.c);
  for (const m of all) assertOutboxRow(m);
  const kinds = new Set(all.map((m) => m.kind));
  for (const k of ['booking_confirmation', 'reminder', 'cancelled', 'staff_new_booking', 'staff_booking_cancelled']) {
    assert.ok(kinds.has(k), `${k} in the outbox: ${[...kinds]}`);
  }
  const toClient = all.filter((m) => m.recipient === 'client');
  const ours = toClient.filter((m) => m.recipient_id === s.client.id);
  assert.ok(ours.length >= 10, 'the client\'s messages are listed');
  assert.ok(ours.every((m) => m.client?.id === s.client.id && m.client.name === 'Олена Коваль'), JSON.stringify(ours[0]));
  assert.ok(toClient.every((m) => m.client?.id === m.recipient_id && m.client.name), 'every client message names its client');
  assert.ok(all.filter((m) => m.recipient === 'staff').every((m) => m.client === null));

  const check = async (params, pred, what) => {
    const got = await outbox(s.c, params);
    assert.ok(got.length > 0, `${what}: something`);
    assert.ok(got.every(pred), `${what}: ${JSON.stringify(got.map((m) => [m.kind, m.status, m.channel, m.recipient]))}`);
    assert.equal(got.length, all.filter(pred).length, `${what}: all of them`);
    return got;
  };
  await check({ status: 'sent' }, (m) => m.status === 'sent', 'sent');
  await check({ status: 'voided' }, (m) => m.status === 'voided', 'voided');
  await check({ status: 'pending' }, (m) => m.status === 'pending', 'pending');
  await check({ kind: 'reminder' }, (m) => m.kind === 'reminder', 'reminders');
  await check({ kind: 'reminder', status: 'pending' }, (m) => m.kind === 'reminder' && m.status === 'pending', 'pending reminders');
  await check({ channel: 'sms' }, (m) => m.channel === 'sms', 'sms');
  await check({ recipient: 'staff' }, (m) => m.recipient === 'staff', 'staff');
  await check({ recipient: 'client', kind: 'cancelled' }, (m) => m.recipient === 'client' && m.kind === 'cancelled', 'client cancellations');
  for (const [param, value] of [['status', 'lost'], ['kind', 'newsletter'], ['channel', 'pigeon'], ['recipient', 'robot']]) {
    const res = await s.c.get(`${MESSAGES}?${param}=${value}`);
    assert4xxProblem(res, `${param}=${value}`);
    assert.ok(res.json.errors?.some((e) => e.field === param), `names ${param}: ${res.text}`);
  }
  // Another organization sees none of it.
  const other = await messagingSalon(env, { channels: [] });
  assert.deepEqual(await outbox(other.c), []);
});

test('masters get 403; admins and managers read; another organization\'s client is 404', async () => {
  const master = await addUser(env.server, s.c, 'master');
  const id = s.client.id;
  assertProblem(await master.client.get(MESSAGES), 403);
  assertProblem(await master.client.get(clientMessagesPath(id)), 403);
  assertProblem(await master.client.get(clientChannelsPath(id)), 403);
  assertProblem(await master.client.put(clientChannelsPath(id), { channel_order: ['sms'] }), 403);
  assertProblem(await master.client.post(telegramLinkPath(id), {}), 403);
  for (const role of ['admin', 'manager']) {
    const u = await addUser(env.server, s.c, role);
    assertStatus(await u.client.get(MESSAGES), 200, `${role}: outbox`);
    assertStatus(await u.client.get(clientMessagesPath(id)), 200, `${role}: card`);
  }
  assertProblem(await env.server.client().get(clientMessagesPath(id)), 401);

  const other = await messagingSalon(env, { channels: [] });
  assertProblem(await other.c.get(clientMessagesPath(id)), 404);
  assertProblem(await other.c.get(clientChannelsPath(id)), 404);
  assertProblem(await other.c.put(clientChannelsPath(id), { channel_order: ['sms'] }), 404);
  assertProblem(await other.c.post(telegramLinkPath(id), {}), 404);
  assertProblem(await s.c.get(clientMessagesPath(987654321)), 404);
  assertStatus((await s.c.get(clientChannelsPath(id))), 200, 'unchanged by the other salon');
  assert.deepEqual((await s.c.get(clientChannelsPath(id))).json.channel_order, []);
});

test('a client\'s own channel order: GET, PUT, 422 for a duplicate or unknown channel, [] for the salon\'s', async () => {
  const client = await newClient(s.c, 'Марта');
  const path = clientChannelsPath(client.id);
  let res = await s.c.get(path);
  assertStatus(res, 200);
  assert.deepEqual(res.json, {
    channel_order: [],
    telegram: { linked: false, linked_at: null },
    viber: { linked: false, linked_at: null },
  });
  res = await s.c.put(path, { channel_order: ['email', 'sms'] });
  assertStatus(res, 200);
  assert.deepEqual(res.json.channel_order, ['email', 'sms']);
  assert.deepEqual((await s.c.get(path)).json.channel_order, ['email', 'sms']);

  assertValidation(await s.c.put(path, { channel_order: ['sms', 'email', 'sms'] }), { 'channel_order[2]': 'duplicate' });
  assertValidation(await s.c.put(path, { channel_order: ['sms', 'fax'] }), { 'channel_order[1]': 'invalid_value' });
  assertValidation(await s.c.put(path, { channel_order: 'sms' }), { channel_order: 'invalid_type' });
  assertValidation(await s.c.put(path, {}), { channel_order: 'invalid_type' });
  assert.deepEqual((await s.c.get(path)).json.channel_order, ['email', 'sms'], 'unchanged by the refused ones');
  assertProblem(await s.c.put(path, { channel_order: ['sms'] }, { csrf: false }), 403, 'csrf-failed');

  res = await s.c.put(path, { channel_order: [] });
  assertStatus(res, 200);
  assert.deepEqual(res.json.channel_order, [], 'back to the salon\'s order');
});

test('telegram-link: 409 until the salon\'s bot is set up, then 201 with a fresh t.me link each time', async () => {
  const t = await messagingSalon(env, { channels: ['sms'] });
  const path = telegramLinkPath(t.client.id);
  assertProblem(await t.c.post(path, {}), 409, 'channel-not-set-up');
  await useTelegram(t.c, env.tg, { enabled: false });
  assertProblem(await t.c.post(path, {}), 409, 'channel-not-set-up');
  assertStatus(await t.c.put(channelPath('telegram'), { enabled: true, bot_username: null }), 200);
  assertProblem(await t.c.post(path, {}), 409, 'channel-not-set-up');

  await useTelegram(t.c, env.tg);
  const res = await t.c.post(path, {});
  assertStatus(res, 201);
  const m = /^https:\/\/t\.me\/kvitka_test_bot\?start=([A-Za-z0-9_-]{8,64})$/.exec(res.json.url);
  assert.ok(m, `url: ${res.json.url}`);
  const days = (Date.parse(res.json.expires_at) - Date.now()) / 86_400_000;
  assert.ok(days > 29 && days <= 30.01, `expires in 30 days: ${res.json.expires_at}`);
  const again = await t.c.post(path, {});
  assertStatus(again, 201);
  assert.notEqual(again.json.url, res.json.url, 'a new token each time');
  assertProblem(await t.c.post(telegramLinkPath(987654321), {}), 404);
});
