// Sending (issue 7, outbox_dispatcher.cpp): a channel that refuses the recipient for good makes
// the message go by the next channel of the salon's order (SMS refused -> email with subject,
// text and HTML, the outbox row then on email); a temporary failure (5xx) or a 429 keeps the
// message pending, due again later (at least Retry-After), and a later run sends it once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { book, oneItem, at, future, newClient, iso } from '../lib/booking.mjs';
import { startMessaging, messagingSalon, runJobs, nowIso, smsTo, mailTo, visitMessages, dotted, MANAGE_LINK } from '../lib/messaging.mjs';

let env;
before(async () => {
  env = await startMessaging({ smtp: true });
});
after(async () => {
  await env?.close();
});

const esc = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const plusSeconds = (instant, s) => iso(Date.parse(instant) + s * 1000);

/** A salon sending by SMS, then email; a client with a phone and an email. */
async function salonWithClient() {
  const s = await messagingSalon(env, { channels: ['sms', 'email'], rules: { channel_order: ['sms', 'email'] } });
  const email = `client-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
  const client = await newClient(s.c, 'Олена', { email });
  // Whatever other tests left due goes now, so that the failure queued next is this test's.
  await runJobs(env, nowIso());
  return { s, client, phone: client.phones[0], email };
}

async function confirmationOf(s, a) {
  const rows = await visitMessages(s.c, a.id, 'booking_confirmation');
  assert.equal(rows.length, 1, JSON.stringify(rows));
  return rows[0];
}

test('SMS refused for the number: the message goes by email (subject, text, HTML) and the row says email', async () => {
  const { s, client, phone, email } = await salonWithClient();
  const d = future(7);
  const attemptsBefore = env.sms.attempts.length;
  env.sms.failNext(1, 'reject');
  const a = await book(s.c, oneItem(s, { client, start: at(d, '14:00') }));
  assert.equal((await confirmationOf(s, a)).channel, 'sms', 'planned on the first channel of the order');

  await runJobs(env, nowIso());
  assert.equal(env.sms.attempts.length - attemptsBefore, 1, 'SMS tried once');
  assert.equal(smsTo(env.sms, phone).length, 0, 'no SMS accepted');
  const mails = mailTo(env.sink, email);
  assert.equal(mails.length, 1, 'one mail');
  const mail = mails[0];
  assert.equal(mail.from, 'salon@example.com');
  assert.match(mail.headers.from, /Kvitka/);
  assert.equal(mail.subject, `${s.owner.body.org_name}: запис на ${dotted(d)} о 14:00`);
  assert.match(mail.text, /^Олена, дякуємо за запис!\n/);
  assert.match(mail.text, new RegExp(`${esc(dotted(d))} о 14:00\\nМайстер: Анна Тест`));
  assert.ok(MANAGE_LINK.test(mail.text), 'the manage link in the text');
  assert.ok(typeof mail.html === 'string' && /<[a-z]/i.test(mail.html), 'an HTML part');
  assert.ok(mail.html.includes(dotted(d)) && mail.html.includes('Анна Тест'), 'the HTML names the visit');

  const row = await confirmationOf(s, a);
  assert.equal(row.status, 'sent');
  assert.equal(row.channel, 'email');
  assert.equal(row.text, mail.text);
  assert.equal(row.error, null);

  await runJobs(env, nowIso());
  assert.equal(mailTo(env.sink, email).length, 1, 'not sent again');
  assert.equal(env.sms.attempts.length - attemptsBefore, 1, 'SMS not tried again');
});

test('a 5xx from the SMS gateway: pending, due again ~30 s later; a later run sends it by SMS, once', async () => {
  const { s, client, phone, email } = await salonWithClient();
  env.sms.failNext(1, 'temporary');
  const a = await book(s.c, oneItem(s, { client, start: at(future(8), '14:00') }));
  const now = nowIso();
  await runJobs(env, now);
  let row = await confirmationOf(s, a);
  assert.equal(row.status, 'pending', JSON.stringify(row));
  assert.equal(row.channel, 'sms', 'still on SMS');
  assert.equal(row.attempts, 1);
  assert.ok(row.error, 'the failure is kept');
  const wait = (Date.parse(row.due_at) - Date.parse(now)) / 1000;
  assert.ok(wait >= 24 && wait <= 45, `due 30 s ± 20 % later, got ${wait} s`);
  assert.equal(smsTo(env.sms, phone).length, 0);

  await runJobs(env, plusSeconds(row.due_at, -15));
  assert.equal(smsTo(env.sms, phone).length, 0, 'not before it is due');
  assert.equal((await confirmationOf(s, a)).attempts, 1, 'not tried before it is due');
  await runJobs(env, row.due_at);
  assert.equal(smsTo(env.sms, phone).length, 1, 'sent on the retry');
  row = await confirmationOf(s, a);
  assert.equal(row.status, 'sent');
  assert.equal(row.channel, 'sms');
  assert.equal(row.attempts, 2);
  assert.equal(row.error, null);
  await runJobs(env, plusSeconds(row.due_at, 120));
  assert.equal(smsTo(env.sms, phone).length, 1, 'once');
  assert.equal(mailTo(env.sink, email).length, 0, 'no fallback for a temporary failure');
});

test('a 429 with Retry-After: pending until at least then; a later run sends it', async () => {
  const { s, client, phone } = await salonWithClient();
  env.sms.rateLimitNext(1, 300);
  const a = await book(s.c, oneItem(s, { client, start: at(future(9), '14:00') }));
  const now = nowIso();
  await runJobs(env, now);
  let row = await confirmationOf(s, a);
  assert.equal(row.status, 'pending', JSON.stringify(row));
  const wait = (Date.parse(row.due_at) - Date.parse(now)) / 1000;
  assert.ok(wait >= 300 && wait <= 380, `due no sooner than Retry-After (300 s), got ${wait} s`);
  await runJobs(env, plusSeconds(now, 285));
  assert.equal(smsTo(env.sms, phone).length, 0, 'not before Retry-After');
  await runJobs(env, row.due_at);
  assert.equal(smsTo(env.sms, phone).length, 1, 'sent after Retry-After');
  row = await confirmationOf(s, a);
  assert.equal(row.status, 'sent');
});

test('every channel refuses: the message fails with the last error and is not retried', async () => {
  const { s, client, phone, email } = await salonWithClient();
  env.sms.failNext(1, 'reject');
  env.sink.failNext(1, '550 5.1.1 No such user', { stage: 'rcpt' });
  const a = await book(s.c, oneItem(s, { client, start: at(future(10), '14:00') }));
  await runJobs(env, nowIso());
  const row = await confirmationOf(s, a);
  assert.equal(row.status, 'failed', JSON.stringify(row));
  assert.ok(row.error, 'the error is kept');
  assert.equal(smsTo(env.sms, phone).length + mailTo(env.sink, email).length, 0);
  await runJobs(env, plusSeconds(nowIso(), 3600));
  assert.equal((await confirmationOf(s, a)).status, 'failed');
  assert.equal(smsTo(env.sms, phone).length + mailTo(env.sink, email).length, 0, 'nothing later');
});
