// Viber-then-SMS through a gateway that offers it (issue 7): TurboSMS can send a Viber business
// message and, when Viber does not get through, the SMS itself. The salon turns it on in the SMS
// channel (`route: viber_then_sms` with its Viber sender); a message then goes to TurboSMS with
// both parts. Only TurboSMS offers it, and only with a Viber sender: anything else is refused
// with the field named, and nothing is saved.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertStatus } from '../lib/api.mjs';
import { book, oneItem, at, future, newClient } from '../lib/booking.mjs';
import { startMessaging, messagingSalon, runJobs, nowIso, smsTo, visitMessages, channelPath } from '../lib/messaging.mjs';

let env;
before(async () => {
  env = await startMessaging();
});
after(async () => {
  await env?.close();
});

const fieldsOf = (res) => (res.json?.errors ?? []).map((e) => `${e.field}:${e.code}`).sort();

test('Viber first needs TurboSMS and a Viber sender; a refused change saves nothing', async () => {
  const s = await messagingSalon(env);
  const noSender = await s.c.put(channelPath('sms'), { route: 'viber_then_sms' });
  assertStatus(noSender, 422, 'no Viber sender');
  assert.deepEqual(fieldsOf(noSender), ['sms.viber_sender:required']);
  const generic = await s.c.put(channelPath('sms'), {
    provider: 'generic', url: 'https://gw.example/send', body_template: '{"to": "{{phone}}", "text": "{{text}}"}',
    route: 'viber_then_sms', viber_sender: 'Salon',
  });
  assertStatus(generic, 422, 'generic gateway');
  assert.deepEqual(fieldsOf(generic), ['sms.route:not_supported']);
  const badRoute = await s.c.put(channelPath('sms'), { route: 'pigeon' });
  assertStatus(badRoute, 422, 'unknown route');
  assert.deepEqual(fieldsOf(badRoute), ['sms.route:invalid_value']);
  const view = await s.c.get(channelPath('sms'));
  assertStatus(view, 200, 'GET sms');
  assert.equal(view.json.provider, 'turbosms', 'still TurboSMS');
  assert.equal(view.json.route ?? null, null, 'no route saved');
});

test('a confirmation goes to TurboSMS as a Viber message with the SMS as its fallback', async () => {
  const s = await messagingSalon(env);
  const set = await s.c.put(channelPath('sms'), { route: 'viber_then_sms', viber_sender: 'KvitkaSalon' });
  assertStatus(set, 200, 'Viber first');
  assert.equal(set.json.route, 'viber_then_sms');
  assert.equal(set.json.viber_sender, 'KvitkaSalon');

  const client = await newClient(s.c, 'Олена');
  const a = await book(s.c, oneItem(s, { client, start: at(future(5), '11:00') }));
  await runJobs(env, nowIso());
  const [sent] = smsTo(env.sms, client.phones[0]);
  assert.ok(sent, 'TurboSMS got the message');
  assert.equal(sent.viber?.sender, 'KvitkaSalon', 'the Viber part with its sender');
  assert.equal(sent.sms?.sender, 'Kvitka', 'the SMS part with the alpha name');
  assert.match(sent.viber.text, /^Salon .*: Олена, ви записані на /);
  assert.equal(sent.sms.text, sent.viber.text, 'the same text by SMS when Viber does not get through');
  const [row] = await visitMessages(s.c, a.id, 'booking_confirmation');
  assert.equal(row.status, 'sent');
  assert.equal(row.channel, 'sms');

  // Back to plain SMS: only the SMS part.
  assertStatus(await s.c.put(channelPath('sms'), { route: 'sms' }), 200, 'SMS only');
  const other = await newClient(s.c, 'Ірина');
  await book(s.c, oneItem(s, { client: other, start: at(future(5), '12:00') }));
  await runJobs(env, nowIso());
  const [plain] = smsTo(env.sms, other.phones[0]);
  assert.ok(plain?.sms && !plain.viber, `SMS only: ${JSON.stringify(plain?.raw)}`);
});
