// The salon's Viber bot over the fake Viber API: Kvitka points the bot's webhook at itself; a
// client opens the invite link from their card (a conversation started with a single-use
// context), which links the chat and answers with the welcome message; the keyboard's replies
// list, confirm and cancel bookings; confirmations go by Viber once linked; callbacks need the
// bot's signature; unsubscribing unlinks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { setupSalon, oneItem, book, at, future, getAppointment } from '../lib/booking.mjs';
import { startFakeViber, viberEvent, signedCallback } from '../lib/fakes.mjs';
import {
  RULES, clientChannelsPath, clientMessagesPath, replyTo, runJobs, until, useViber, viberLink, viberSentTo,
} from '../lib/messaging.mjs';

const TOKEN = '4453b6ac12345678-e02c5f12174805f9-daec9cbb5448c51f';
const USER = 'vU5e7kQ9xyzAbC==';
let server;
let viber;
let salon;
let hookUrl;

const callback = (event) => fetch(hookUrl, { method: 'POST', ...signedCallback(TOKEN, event) });
const sentTo = (user) => viberSentTo(viber, user);

before(async () => {
  viber = await startFakeViber({ token: TOKEN });
  server = await startServer({ args: ['--no-dispatch', '--provider-url', `viber=${viber.url}`] });
  salon = await setupSalon(server);
  await useViber(salon.c, TOKEN, { sender_name: 'Kvitka Salon', bot_uri: 'kvitkasalon' });
  await salon.c.put(RULES, { channel_order: ['viber', 'sms'] });
  const hook = await until('the webhook', () => viber.webhook?.url && viber.webhook);
  hookUrl = hook.url.replace(/^https?:\/\/[^/]+/, server.url);
  assert.match(hook.url, /\/api\/v1\/public\/viber\/\d+\/webhook$/);
});
after(async () => {
  await server?.stop();
  await viber?.close();
});

test('the invite link links the chat when the conversation starts, and the link works once', async () => {
  const { url, context } = await viberLink(salon.c, salon.client.id);
  assert.equal(url.protocol, 'viber:');
  assert.equal(url.searchParams.get('chatURI'), 'kvitkasalon');
  const started = await callback(viberEvent('conversation_started', { userId: USER, name: 'Olena', context }));
  assert.equal(started.status, 200);
  const welcome = await started.json();
  assert.match(welcome.text, /Олена/);
  assert.match(welcome.text, /підключено/);
  const channels = await salon.c.get(clientChannelsPath(salon.client.id));
  assert.equal(channels.json.viber.linked, true);

  const again = await callback(viberEvent('conversation_started', { userId: 'other==', context }));
  assert.match((await again.json()).text, /вже використане|застаріло/);
});

test('callbacks without the bot\'s signature are refused', async () => {
  const forged = await fetch(hookUrl, {
    method: 'POST', ...signedCallback('another-token', viberEvent('message', { userId: USER, text: 'list' })),
  });
  assert.equal(forged.status, 403);
  const bare = await fetch(hookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  assert.equal(bare.status, 403);
});

test('the confirmation goes by Viber with a keyboard; the client confirms and cancels with it', async () => {
  const a = await book(salon.c, oneItem(salon, { start: at(future(4), '11:00') }));
  const count = sentTo(USER).length;
  await runJobs({ server, providerArgs: ['--provider-url', `viber=${viber.url}`] });
  const confirmation = await replyTo('the confirmation', () => sentTo(USER), { after: count });
  assert.match(confirmation.text, /11:00/);
  assert.ok(JSON.stringify(confirmation.keyboard ?? {}).includes(`confirm:${a.id}`), JSON.stringify(confirmation.keyboard));

  assert.equal((await callback(viberEvent('message', { userId: USER, text: `confirm:${a.id}` }))).status, 200);
  assert.equal((await getAppointment(salon.c, a.id)).status, 'confirmed');

  await callback(viberEvent('message', { userId: USER, text: `cancel:${a.id}` }));
  assert.equal((await getAppointment(salon.c, a.id)).status, 'confirmed', 'one tap cancels nothing');
  await callback(viberEvent('message', { userId: USER, text: `cancel!:${a.id}` }));
  assert.equal((await getAppointment(salon.c, a.id)).status, 'cancelled');
});

test('a text lands on the card; unsubscribing unlinks the chat', async () => {
  await callback(viberEvent('message', { userId: USER, text: 'Дякую!' }));
  const messages = await salon.c.get(clientMessagesPath(salon.client.id));
  const incoming = messages.json.items.find((m) => m.direction === 'in');
  assert.equal(incoming?.text, 'Дякую!');
  assert.equal(incoming.channel, 'viber');
  await callback(viberEvent('unsubscribed', { userId: USER }));
  const channels = await salon.c.get(clientChannelsPath(salon.client.id));
  assert.equal(channels.json.viber.linked, false);
});
