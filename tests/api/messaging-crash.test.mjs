// A crash while sending (issue 7: "none lost ... report how many were sent twice, goal 0"). The
// dispatcher is killed (SIGKILL) after the provider got a message and before the outcome was
// saved: the message stays "sending" until its lease (60 s) runs out, and is then sent again with
// the same key. A gateway that honours keys (the generic one gets `Idempotency-Key` and
// {{message_id}}) answers the repeat as it answered the first and does not deliver it again;
// TurboSMS refuses the same text to the same phone within 90 s (code 427), which the adapter
// counts as sent. Either way the client gets one SMS and the row ends "sent".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { book, oneItem, at, future, newClient, iso } from '../lib/booking.mjs';
import { startFakeSms } from '../lib/fakes.mjs';
import { startMessaging, messagingSalon, runJobs, jobsArgs, nowIso, smsTo, visitMessages, channelPath, until } from '../lib/messaging.mjs';
import { assertStatus } from '../lib/api.mjs';

let env;
before(async () => {
  env = await startMessaging();
});
after(async () => {
  await env?.close();
});

const plusSeconds = (instant, s) => iso(Date.parse(instant) + s * 1000);

/**
 * Books a visit (its confirmation goes by `gateway`), runs the dispatcher at `now` and kills it
 * once the gateway has the message in hand (it answers `delayMs` later, to nobody).
 */
async function crashWhileSending(s, gateway, jobsEnv, now) {
  const client = await newClient(s.c, 'Олена');
  const a = await book(s.c, oneItem(s, { client, start: at(future(6), '12:00') }));
  const callsBefore = gateway.calls.length;
  let child;
  const run = env.server.cli(jobsArgs(jobsEnv, now), { onSpawn: (c) => (child = c) });
  await until('the gateway got the confirmation', () => gateway.calls.length > callsBefore);
  child.kill('SIGKILL');
  const r = await run;
  assert.equal(r.signal, 'SIGKILL', `killed while sending: ${r.stdout}\n${r.stderr}`);
  const phone = client.phones[0];
  await until('the gateway took it (answering a dead connection)', () => smsTo(gateway, phone).length === 1);
  const [row] = await visitMessages(s.c, a.id, 'booking_confirmation');
  assert.equal(row.status, 'sending', `in doubt until its lease runs out: ${JSON.stringify(row)}`);
  return { a, phone };
}

test('generic gateway: the attempt after the crash carries the same Idempotency-Key and {{message_id}}, and is delivered once', async () => {
  const gateway = await startFakeSms({ provider: 'generic', delayMs: 800, rejectDuplicates: true });
  try {
    const s = await messagingSalon(env, { channels: [] });
    const set = await s.c.put(channelPath('sms'), {
      enabled: true, provider: 'generic', url: `${gateway.url}/send`, method: 'POST', sender: 'Kvitka',
      body_template: '{"to": "{{phone}}", "text": "{{text}}", "id": "{{message_id}}"}',
    });
    assertStatus(set, 200, 'generic SMS gateway');
    await runJobs(env, nowIso()); // what other tests left due goes first
    const t0 = nowIso();
    const { a, phone } = await crashWhileSending(s, gateway, env, t0);

    // Within the lease nobody sends it again.
    await runJobs(env, plusSeconds(t0, 30));
    const toPhone = () => gateway.attempts.filter((x) => x.body?.to === phone);
    assert.equal(toPhone().length, 1, 'one attempt within the lease');

    await runJobs(env, plusSeconds(t0, 61));
    const attempts = toPhone();
    assert.equal(attempts.length, 2, 'sent again once the lease ran out');
    const keys = attempts.map((x) => x.headers['idempotency-key']);
    assert.match(keys[0], /^kvitka-\d+-\d+-sms$/, 'a key on the first attempt');
    assert.equal(keys[1], keys[0], 'the same key on the second');
    assert.equal(attempts[1].body.id, keys[0], '{{message_id}} is the key');
    assert.equal(attempts[1].repeated, true, 'the gateway knew it');
    assert.equal(smsTo(gateway, phone).length, 1, 'delivered once');
    const [row] = await visitMessages(s.c, a.id, 'booking_confirmation');
    assert.equal(row.status, 'sent', JSON.stringify(row));
  } finally {
    await gateway.close();
  }
});

test('TurboSMS: the attempt after the crash comes within its 90 s duplicate window, is refused as a duplicate (427) and counts as sent', async () => {
  const turbo = await startFakeSms({ provider: 'turbosms', delayMs: 800, rejectDuplicates: true });
  const turboEnv = { ...env, providerArgs: ['--provider-url', `turbosms=${turbo.url}`] };
  try {
    const s = await messagingSalon(env, { channels: ['sms'] });
    await runJobs(turboEnv, nowIso());
    const t0 = nowIso();
    const { a, phone } = await crashWhileSending(s, turbo, turboEnv, t0);
    await runJobs(turboEnv, plusSeconds(t0, 61));
    const attempts = turbo.attempts.filter((x) => x.body?.recipients?.includes(phone.slice(1)));
    assert.equal(attempts.length, 2, 'tried again once the lease ran out');
    assert.equal(attempts[1].repeated, true, 'refused as the same message');
    assert.equal(smsTo(turbo, phone).length, 1, 'delivered once');
    const [row] = await visitMessages(s.c, a.id, 'booking_confirmation');
    assert.equal(row.status, 'sent', JSON.stringify(row));
  } finally {
    await turbo.close();
  }
});
