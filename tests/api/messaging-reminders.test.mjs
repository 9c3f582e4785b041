// Reminders of a visit (issue 7), sent by `kvitka jobs run --once --now` travelling in time: each
// at its offset (24 h and 2 h by default) and only then; one not sent before the visit starts is
// skipped; a cancellation voids them and tells the client; a move voids the old ones, tells the
// client of the new time (and the old) and reminds of the new time only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertStatus } from '../lib/api.mjs';
import { randomPhone } from '../lib/clients.mjs';
import { STAFF } from '../lib/staff.mjs';
import { APPOINTMENTS, book, oneItem, at, addDays, future, newClient, status, plusMinutes } from '../lib/booking.mjs';
import {
  startMessaging, messagingSalon, runJobs, nowIso, smsTo, mailTo, visitMessages, reminders, dotted,
  clientChannelsPath, MANAGE_LINK,
} from '../lib/messaging.mjs';

let env;
before(async () => {
  env = await startMessaging({ smtp: true });
});
after(async () => {
  await env?.close();
});

const esc = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const dueTimes = (rows) => rows.map((r) => Date.parse(r.due_at));

/** A client of a fresh salon with the visit booked on `date` at `time`; the confirmation sent. */
async function bookedVisit(date, time = '14:00', { email } = {}) {
  const s = await messagingSalon(env, { channels: email ? ['sms', 'email'] : ['sms'] });
  const client = await newClient(s.c, 'Олена', email ? { email } : {});
  const a = await book(s.c, oneItem(s, { client, start: at(date, time) }));
  await runJobs(env, nowIso());
  const phone = client.phones[0];
  assert.equal(smsTo(env.sms, phone).length + (email ? mailTo(env.sink, email).length : 0), 1, 'the confirmation went out');
  return { s, client, a, phone };
}

test('each reminder goes at its own offset and only then: 24 h before, then 2 h before', async () => {
  const d = future(7);
  const { s, a, phone } = await bookedVisit(d);
  const due24 = at(addDays(d, -1), '14:00');
  const due2 = at(d, '12:00');
  let rows = await reminders(s.c, a.id);
  assert.deepEqual(dueTimes(rows), [Date.parse(due24), Date.parse(due2)], JSON.stringify(rows));
  assert.ok(rows.every((r) => r.status === 'pending' && r.channel === 'sms' && r.sent_at === null));
  const reminderText = new RegExp(`^Salon [0-9a-f]+: Олена, нагадуємо про запис ${esc(dotted(d))} о 14:00, майстер Анна Тест\\. Змінити: `);

  await runJobs(env, plusMinutes(due24, -1));
  assert.equal(smsTo(env.sms, phone).length, 1, 'nothing a minute before the 24 h reminder');

  await runJobs(env, due24);
  let sent = smsTo(env.sms, phone);
  assert.equal(sent.length, 2, 'the 24 h reminder, and only it');
  assert.match(sent[1].text, reminderText);
  assert.ok(MANAGE_LINK.test(sent[1].text), sent[1].text);
  rows = await reminders(s.c, a.id);
  assert.deepEqual(rows.map((r) => r.status), ['sent', 'pending']);
  const lag = (Date.parse(rows[0].sent_at) - Date.parse(due24)) / 1000;
  assert.ok(lag >= 0 && lag < 30, `sent_at is the time of the run (--now): ${rows[0].sent_at}`);
  assert.equal(rows[0].text, sent[1].text);

  await runJobs(env, plusMinutes(due24, 60));
  await runJobs(env, plusMinutes(due2, -1));
  assert.equal(smsTo(env.sms, phone).length, 2, 'nothing between the two reminders');

  await runJobs(env, due2);
  sent = smsTo(env.sms, phone);
  assert.equal(sent.length, 3, 'the 2 h reminder');
  assert.match(sent[2].text, reminderText);
  rows = await reminders(s.c, a.id);
  assert.deepEqual(rows.map((r) => r.status), ['sent', 'sent']);

  await runJobs(env, plusMinutes(at(d, '14:00'), 30));
  await runJobs(env, at(addDays(d, 1), '14:00'));
  assert.equal(smsTo(env.sms, phone).length, 3, 'nothing after the visit');
});

test('a reminder not sent before the visit starts is skipped, never sent late', async () => {
  const d = future(8);
  const { s, a, phone } = await bookedVisit(d);
  await runJobs(env, plusMinutes(at(d, '14:00'), 1));
  assert.equal(smsTo(env.sms, phone).length, 1, 'no reminder after the visit started');
  const rows = await reminders(s.c, a.id);
  assert.equal(rows.length, 2);
  for (const r of rows) {
    assert.equal(r.status, 'skipped', JSON.stringify(r));
    assert.equal(r.sent_at, null);
    assert.equal(r.error, 'too_late');
  }
  await runJobs(env, at(addDays(d, 2), '14:00'));
  assert.equal(smsTo(env.sms, phone).length, 1);
  assert.deepEqual((await reminders(s.c, a.id)).map((r) => r.status), ['skipped', 'skipped'], 'stays skipped');
});

test('cancelled before the reminders: they are voided, the client is told, no reminder ever goes', async () => {
  const d = future(9);
  const { s, a, phone } = await bookedVisit(d, '15:00');
  await status(s.c, a.id, { status: 'cancelled', reason: 'Захворіла', cancelled_by: 'client' });
  const rows = await reminders(s.c, a.id);
  assert.deepEqual(rows.map((r) => r.status), ['voided', 'voided'], JSON.stringify(rows));
  const [cancelled] = await visitMessages(s.c, a.id, 'cancelled');
  assert.equal(cancelled?.status, 'pending', 'the cancellation message waits to go');

  await runJobs(env, nowIso());
  let sent = smsTo(env.sms, phone);
  assert.equal(sent.length, 2);
  assert.match(sent[1].text, new RegExp(`^Salon [0-9a-f]+: Олена, ваш запис на ${esc(dotted(d))} о 15:00 скасовано\\.`));

  for (const t of [at(addDays(d, -1), '15:00'), at(d, '13:00'), at(d, '14:59'), at(d, '16:00')]) {
    await runJobs(env, t);
  }
  sent = smsTo(env.sms, phone);
  assert.equal(sent.length, 2, `nothing more: ${JSON.stringify(sent.map((m) => m.text))}`);
  assert.deepEqual((await reminders(s.c, a.id)).map((r) => r.status), ['voided', 'voided']);
  assert.equal((await visitMessages(s.c, a.id, 'cancelled'))[0].status, 'sent');
});

test('a moved visit: the old reminders are voided, the client is told of the new time and the old, reminders come for the new time', async () => {
  const d = future(10);
  const d2 = future(12);
  const email = `olena-${Date.now()}@example.com`;
  const { s, client, a, phone } = await bookedVisit(d, '14:00', { email });
  const annaPhone = randomPhone();
  assertStatus(await s.c.patch(`${STAFF}/${s.anna.id}`, { phone: annaPhone }), 200);
  // The client takes her messages by email.
  assertStatus(await s.c.put(clientChannelsPath(client.id), { channel_order: ['email'] }), 200);
  const oldRows = await reminders(s.c, a.id);
  assert.equal(oldRows.length, 2);

  const res = await s.c.patch(`${APPOINTMENTS}/${a.id}`, { start: at(d2, '15:00') });
  assertStatus(res, 200, 'move');
  const all = await reminders(s.c, a.id);
  const old = all.filter((r) => oldRows.some((o) => o.id === r.id));
  const fresh = all.filter((r) => !oldRows.some((o) => o.id === r.id));
  assert.deepEqual(old.map((r) => r.status), ['voided', 'voided'], JSON.stringify(all));
  assert.deepEqual(dueTimes(fresh), [Date.parse(at(addDays(d2, -1), '15:00')), Date.parse(at(d2, '13:00'))], JSON.stringify(fresh));
  assert.ok(fresh.every((r) => r.status === 'pending'));

  await runJobs(env, nowIso());
  const mails = mailTo(env.sink, email);
  assert.equal(mails.length, 1, `one mail: ${mails.map((m) => m.subject)}`);
  const moved = mails[0];
  assert.equal(moved.subject, `Запис перенесено на ${dotted(d2)} о 15:00`);
  assert.match(moved.text, new RegExp(`Було: ${esc(dotted(d))} о 14:00\\n`), moved.text);
  assert.match(moved.text, new RegExp(`Тепер: [^,]+, ${esc(dotted(d2))} о 15:00\\n`), moved.text);
  assert.ok(moved.html && moved.html.includes(dotted(d2)), 'an HTML part naming the new date');
  const [rescheduled] = await visitMessages(s.c, a.id, 'rescheduled');
  assert.equal(rescheduled.status, 'sent');
  assert.equal(rescheduled.channel, 'email');
  assert.equal(smsTo(env.sms, annaPhone).length, 1, 'Анна is told of the move');
  assert.match(smsTo(env.sms, annaPhone)[0].text, new RegExp(`тепер ${esc(dotted(d2))} о 15:00 \\(було ${esc(dotted(d))} о 14:00\\)`));

  // The old reminder times pass without a word.
  await runJobs(env, at(addDays(d, -1), '14:00'));
  await runJobs(env, at(d, '12:00'));
  await runJobs(env, at(d, '14:30'));
  assert.equal(mailTo(env.sink, email).length, 1, 'no reminder at the old times');
  assert.equal(smsTo(env.sms, phone).length, 1, 'nor by SMS');

  await runJobs(env, at(addDays(d2, -1), '15:00'));
  await runJobs(env, at(d2, '13:00'));
  const later = mailTo(env.sink, email).slice(1);
  assert.equal(later.length, 2, `two reminders: ${later.map((m) => m.subject)}`);
  for (const m of later) assert.equal(m.subject, `Нагадування: ${dotted(d2)} о 15:00, ${s.owner.body.org_name}`);
  assert.deepEqual((await reminders(s.c, a.id)).filter((r) => r.status === 'sent').length, 2);
});

test('reminders found due together (the jobs did not run for a day): only the one of the smaller offset goes', {
}, async () => {
  const d = future(11);
  const { s, a, phone } = await bookedVisit(d);
  await runJobs(env, at(d, '13:00'));
  const sent = smsTo(env.sms, phone);
  assert.equal(sent.length, 2, `one reminder: ${JSON.stringify(sent.map((m) => m.text))}`);
  assert.deepEqual((await reminders(s.c, a.id)).map((r) => r.status), ['skipped', 'sent']);
});
