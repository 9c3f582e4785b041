// What a booking sends at once (issue 7): the client's confirmation by SMS in the client's own
// language with the manage link, sent once however often the jobs run, and shown on the client's
// card; the masters' notices of new, moved and cancelled bookings by the front desk, and none to
// a master of what they did themselves.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertStatus, addUser } from '../lib/api.mjs';
import { randomPhone } from '../lib/clients.mjs';
import { STAFF } from '../lib/staff.mjs';
import { APPOINTMENTS, book, oneItem, at, future, newClient, status, plusMinutes } from '../lib/booking.mjs';
import {
  startMessaging, messagingSalon, runJobs, nowIso, smsTo, visitMessages, clientHistory, dotted,
  assertOutboxRow, MANAGE_LINK,
} from '../lib/messaging.mjs';

let env;
before(async () => {
  env = await startMessaging();
});
after(async () => {
  await env?.close();
});

async function givePhone(s, staff) {
  const phone = randomPhone();
  const res = await s.c.patch(`${STAFF}/${staff.id}`, { phone });
  assertStatus(res, 200, 'give the master a phone');
  return phone;
}

test('the confirmation goes by SMS at once, in the client\'s language, with the manage link; never twice', async () => {
  const s = await messagingSalon(env);
  const emma = await newClient(s.c, 'Emma', { language: 'en' });
  const d = future(7);
  const en = await book(s.c, oneItem(s, { client: emma, start: at(d, '14:00') }));
  const uk = await book(s.c, oneItem(s, { staff: s.bohdana, start: at(d, '15:00') }));

  const [row] = await visitMessages(s.c, en.id, 'booking_confirmation');
  assert.ok(row, 'a confirmation is written with the booking');
  assertOutboxRow(row);
  assert.equal(row.status, 'pending');
  assert.equal(row.channel, 'sms');
  assert.ok(Math.abs(Date.parse(row.due_at) - Date.now()) < 60_000, `due at once: ${row.due_at}`);

  await runJobs(env, nowIso());
  const [toEmma] = smsTo(env.sms, emma.phones[0]);
  assert.ok(toEmma, `an SMS to ${emma.phones[0]}: ${JSON.stringify(env.sms.sent.map((m) => m.to))}`);
  assert.equal(toEmma.sender, 'Kvitka');
  assert.match(toEmma.text, new RegExp(`you are booked for ${dotted(d).replace(/\./g, '\\.')} at 14:00 with Анна Тест`), toEmma.text);
  assert.match(toEmma.text, /^Salon [0-9a-f]+: Emma, /, 'English text with the salon and the client\'s first name');
  const link = MANAGE_LINK.exec(toEmma.text);
  assert.ok(link, `the manage link: ${toEmma.text}`);
  assert.equal(link[1], s.branch.slug, 'the link names the branch');
  const manage = await env.server.client().get(`/api/v1/public/bookings/${link[2]}`);
  assertStatus(manage, 200, 'the manage link opens the booking');
  assert.equal(Date.parse(manage.json.booking.start), Date.parse(en.start), manage.text.slice(0, 300));

  const [toOlena] = smsTo(env.sms, s.client.phones[0]);
  assert.ok(toOlena, 'the Ukrainian client got hers');
  assert.match(toOlena.text, new RegExp(`Олена, ви записані на ${dotted(d).replace(/\./g, '\\.')} о 15:00, майстер Богдана Тест\\. Змінити: `), toOlena.text);
  assert.ok(MANAGE_LINK.test(toOlena.text), toOlena.text);
  assert.notEqual(MANAGE_LINK.exec(toOlena.text)[2], link[2], 'each visit has its own link');

  // Never twice: the same run again, and runs later on (before the first reminder).
  await runJobs(env, nowIso());
  await runJobs(env, plusMinutes(nowIso(), 60));
  await runJobs(env, plusMinutes(nowIso(), 3 * 24 * 60));
  assert.equal(smsTo(env.sms, emma.phones[0]).length, 1, 'one SMS to Emma');
  assert.equal(smsTo(env.sms, s.client.phones[0]).length, 1, 'one SMS to Олена');

  const history = await clientHistory(s.c, emma.id);
  const sent = history.filter((m) => m.kind === 'booking_confirmation');
  assert.equal(sent.length, 1, JSON.stringify(history));
  const m = sent[0];
  assertOutboxRow(m, { withClient: false });
  assert.equal(m.status, 'sent');
  assert.equal(m.channel, 'sms');
  assert.equal(m.text, toEmma.text, 'the card shows the text sent');
  assert.equal(m.appointment_id, en.id);
  assert.equal(m.attempts, 1);
  assert.equal(m.error, null);
  assert.ok(m.sent_at && Math.abs(Date.parse(m.sent_at) - toEmma.at) < 60_000, `sent_at: ${m.sent_at}`);
  assert.ok(!history.some((h) => h.appointment_id === uk.id), 'another client\'s messages are not on the card');
});

test('a confirmation not sent yet when the visit is cancelled never goes; the cancellation does', async () => {
  const s = await messagingSalon(env);
  const client = await newClient(s.c, 'Ірина');
  const d = future(8);
  const a = await book(s.c, oneItem(s, { client, start: at(d, '11:00') }));
  await status(s.c, a.id, { status: 'cancelled' });
  const [confirmation] = await visitMessages(s.c, a.id, 'booking_confirmation');
  assert.equal(confirmation.status, 'voided');
  await runJobs(env, nowIso());
  const texts = smsTo(env.sms, client.phones[0]).map((m) => m.text);
  assert.equal(texts.length, 1, JSON.stringify(texts));
  assert.match(texts[0], new RegExp(`Ірина, ваш запис на ${dotted(d).replace(/\./g, '\\.')} о 11:00 скасовано`));
});

test('a master is told of new, moved and cancelled bookings by the front desk, not of their own', async () => {
  const s = await messagingSalon(env);
  const annaPhone = await givePhone(s, s.anna);
  const bohdanaPhone = await givePhone(s, s.bohdana);
  // A master's user who may book (an admin) linked to Богдана's card: what they do is hers.
  const bohdanaUser = await addUser(env.server, s.c, 'admin');
  assertStatus(await s.c.patch(`${STAFF}/${s.bohdana.id}`, { user_id: bohdanaUser.user.id }), 200, 'link the user to Богдана');
  const d = future(9);
  const d2 = future(10);

  // The front desk books Анна: she is told.
  const byDesk = await book(s.c, oneItem(s, { start: at(d, '12:00') }));
  const [notice] = await visitMessages(s.c, byDesk.id, 'staff_new_booking');
  assert.equal(notice.recipient, 'staff');
  assert.equal(notice.recipient_id, s.anna.id);
  assert.equal(notice.client, null);
  await runJobs(env, nowIso());
  let toAnna = smsTo(env.sms, annaPhone);
  assert.equal(toAnna.length, 1, JSON.stringify(toAnna));
  assert.equal(toAnna[0].text, `Новий запис: ${dotted(d)} о 12:00, Олена, Стрижка.`);

  // Богдана books herself (as the master user linked to her): nobody tells her of it.
  const own = await book(bohdanaUser.client, oneItem(s, { client: s.vip, staff: s.bohdana, start: at(d, '13:00') }), 'the master books herself');
  const ownNotices = await visitMessages(s.c, own.id, 'staff_new_booking');
  assert.deepEqual(ownNotices.filter((r) => r.recipient_id === s.bohdana.id), [], 'no notice of her own booking');
  assert.equal((await visitMessages(s.c, own.id, 'booking_confirmation')).length, 1, 'the client is still confirmed');
  // ...nor of moving it herself.
  const moved = await bohdanaUser.client.patch(`${APPOINTMENTS}/${own.id}`, { start: at(d, '14:00') });
  assertStatus(moved, 200, 'the master moves her visit');
  assert.equal((await visitMessages(s.c, own.id, 'staff_booking_moved')).length, 0, 'no notice of her own move');
  await runJobs(env, nowIso());
  assert.equal(smsTo(env.sms, bohdanaPhone).length, 0, 'no SMS to Богдана');

  // The front desk moves Анна's visit and then cancels it: she is told of both.
  const m = await s.c.patch(`${APPOINTMENTS}/${byDesk.id}`, { start: at(d2, '16:00') });
  assertStatus(m, 200, 'move');
  await runJobs(env, nowIso());
  await status(s.c, byDesk.id, { status: 'cancelled' });
  await runJobs(env, nowIso());
  toAnna = smsTo(env.sms, annaPhone).map((x) => x.text);
  assert.deepEqual(toAnna.slice(1), [
    `Запис перенесено: Олена, тепер ${dotted(d2)} о 16:00 (було ${dotted(d)} о 12:00).`,
    `Запис скасовано: ${dotted(d2)} о 16:00, Олена, Стрижка.`,
  ]);

  // The front desk books Богдана: now she is told.
  await book(s.c, oneItem(s, { staff: s.bohdana, start: at(d, '16:00') }));
  await runJobs(env, nowIso());
  const toBohdana = smsTo(env.sms, bohdanaPhone);
  assert.equal(toBohdana.length, 1, JSON.stringify(toBohdana));
  assert.match(toBohdana[0].text, /^Новий запис: .* о 16:00, Олена, Стрижка\.$/);
});

test('a visit handed to another master: the new one is told of a new booking, the old one that it is gone', {
}, async () => {
  const s = await messagingSalon(env);
  const annaPhone = await givePhone(s, s.anna);
  const bohdanaPhone = await givePhone(s, s.bohdana);
  const d = future(11);
  const a = await book(s.c, oneItem(s, { start: at(d, '14:00') }));
  await runJobs(env, nowIso());
  assertStatus(await s.c.patch(`${APPOINTMENTS}/${a.id}`, { staff_id: s.bohdana.id }), 200, 'hand the visit to Богдана');
  await runJobs(env, nowIso());
  assert.deepEqual(smsTo(env.sms, bohdanaPhone).map((m) => m.text), [`Новий запис: ${dotted(d)} о 14:00, Олена, Стрижка.`]);
  assert.equal(smsTo(env.sms, annaPhone).at(-1)?.text, `Запис скасовано: ${dotted(d)} о 14:00, Олена, Стрижка.`);
});

test('the client\'s language decides: Russian for a client with language ru', async () => {
  const s = await messagingSalon(env);
  const olga = await newClient(s.c, 'Ольга', { language: 'ru' });
  const d = future(12);
  await book(s.c, oneItem(s, { client: olga, start: at(d, '11:00') }));
  await runJobs(env, nowIso());
  const [sms] = smsTo(env.sms, olga.phones[0]);
  assert.match(sms?.text ?? '', new RegExp(`^Salon [0-9a-f]+: Ольга, вы записаны на ${dotted(d).replace(/\./g, '\\.')} в 11:00, мастер Анна Тест\\. Изменить: `));
});

test('a weekly series: one confirmation and one notice to the master, reminders before every visit', async () => {
  const s = await messagingSalon(env);
  const annaPhone = await givePhone(s, s.anna);
  const client = await newClient(s.c, 'Софія');
  const res = await s.c.post(APPOINTMENTS, { ...oneItem(s, { client, start: at(future(13), '15:00') }), recurrence: { every: 1, unit: 'week', count: 3 } });
  assertStatus(res, 201, 'a series');
  const kinds = [];
  for (const x of res.json.series) kinds.push((await visitMessages(s.c, x.id)).map((r) => r.kind).sort());
  assert.deepEqual(kinds, [
    ['booking_confirmation', 'reminder', 'reminder', 'staff_new_booking'],
    ['reminder', 'reminder'],
    ['reminder', 'reminder'],
  ]);
  await runJobs(env, nowIso());
  assert.equal(smsTo(env.sms, client.phones[0]).length, 1, 'one confirmation');
  assert.equal(smsTo(env.sms, annaPhone).length, 1, 'one notice');
});
