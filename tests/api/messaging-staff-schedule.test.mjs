// "Your schedule has changed" to masters (issue 7): when the front desk or the owner changes a
// master's working hours or absences so that a day of the next two weeks changes, the master gets
// one message naming the changed days with their new hours (or a day off), written in the same
// transaction and sent by `kvitka jobs run`. Several saves in a row make one message; nothing goes
// for a master's own change, for days further ahead, or with the kind switched off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertStatus, addUser } from '../lib/api.mjs';
import { randomPhone } from '../lib/clients.mjs';
import { STAFF, putSchedule, daily, iv } from '../lib/staff.mjs';
import { future, plusMinutes, EVERY_DAY_9_TO_6 } from '../lib/booking.mjs';
import { startMessaging, messagingSalon, runJobs, nowIso, smsTo, outbox, putRules, assertOutboxRow } from '../lib/messaging.mjs';

let env;
before(async () => {
  env = await startMessaging();
});
after(async () => {
  await env?.close();
});

const KIND = 'staff_schedule_changed';

async function givePhone(s, staff) {
  const phone = randomPhone();
  assertStatus(await s.c.patch(`${STAFF}/${staff.id}`, { phone }), 200, 'give the master a phone');
  return phone;
}

// Every day 09:00-18:00 (as setupSalon has it) with these dates worked differently.
const scheduleWith = (exceptions) => ({ patterns: [daily('every_day', '2026-01-01', EVERY_DAY_9_TO_6)], exceptions });

// "пн 23.11" as the Ukrainian notice names a "YYYY-MM-DD" date.
const dayLabel = (date) =>
  `${['нд', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб'][new Date(`${date}T12:00:00Z`).getUTCDay()]} ${date.slice(8, 10)}.${date.slice(5, 7)}`;

const noticesTo = async (c, staffId) => (await outbox(c, { kind: KIND })).filter((r) => r.recipient_id === staffId);

// The notice waits a minute for more changes: the jobs run a little later.
const soon = () => plusMinutes(nowIso(), 2);

test('the owner changes tomorrow\'s hours: the master gets one SMS naming the day', async () => {
  const s = await messagingSalon(env);
  const annaPhone = await givePhone(s, s.anna);
  const tomorrow = future(1);
  await putSchedule(s.c, s.anna.id, scheduleWith([{ date: tomorrow, intervals: [iv('10:00', '19:00')] }]));

  const [row, ...more] = await noticesTo(s.c, s.anna.id);
  assert.deepEqual(more, [], 'one notice');
  assertOutboxRow(row);
  assert.equal(row.recipient, 'staff');
  assert.equal(row.status, 'pending');
  assert.equal(row.channel, 'sms');
  assert.equal(row.client, null);

  await runJobs(env, soon());
  const sent = smsTo(env.sms, annaPhone);
  assert.equal(sent.length, 1, JSON.stringify(sent));
  assert.equal(sent[0].text, `Анна Тест, ваш графік змінено: ${dayLabel(tomorrow)}: 10:00–19:00.`);
  await runJobs(env, plusMinutes(nowIso(), 5));
  assert.equal(smsTo(env.sms, annaPhone).length, 1, 'never twice');
});

test('several saves in a row make one message with every changed day; an absence is a day off', async () => {
  const s = await messagingSalon(env);
  const annaPhone = await givePhone(s, s.anna);
  const d1 = future(2);
  const d2 = future(3);
  const d3 = future(4);
  await putSchedule(s.c, s.anna.id, scheduleWith([{ date: d1, intervals: [] }]));
  await putSchedule(s.c, s.anna.id, scheduleWith([{ date: d1, intervals: [] }, { date: d2, intervals: [iv('10:00', '14:00')] }]));
  const away = await s.c.post(`${STAFF}/${s.anna.id}/absences`, { from: d3, to: d3, reason: 'sick_leave' });
  assertStatus(away, 201, 'an absence');

  const rows = await noticesTo(s.c, s.anna.id);
  assert.deepEqual(rows.map((r) => r.status).sort(), ['pending', 'voided', 'voided'], 'the older notices merged into the last');
  await runJobs(env, soon());
  assert.deepEqual(smsTo(env.sms, annaPhone).map((m) => m.text), [
    `Анна Тест, ваш графік змінено: ${dayLabel(d1)}: вихідний; ${dayLabel(d2)}: 10:00–14:00; ${dayLabel(d3)}: вихідний.`,
  ]);

  // A change after the message went is a message of its own.
  assertStatus(await s.c.delete(`${STAFF}/${s.anna.id}/absences/${away.json.id}`), 204, 'the absence removed');
  await runJobs(env, soon());
  assert.deepEqual(smsTo(env.sms, annaPhone).map((m) => m.text).slice(1), [
    `Анна Тест, ваш графік змінено: ${dayLabel(d3)}: 09:00–18:00.`,
  ]);
});

test('nothing for the master\'s own change, for a day a month ahead, or with the kind off', async () => {
  const s = await messagingSalon(env);
  const annaPhone = await givePhone(s, s.anna);
  const bohdanaPhone = await givePhone(s, s.bohdana);
  // Богдана is also an administrator: she changes her own days.
  const herself = await addUser(env.server, s.c, 'admin');
  assertStatus(await s.c.patch(`${STAFF}/${s.bohdana.id}`, { user_id: herself.user.id }), 200, 'link Богдана to her account');
  await putSchedule(herself.client, s.bohdana.id, scheduleWith([{ date: future(1), intervals: [] }]), 'Богдана changes her own day');
  assert.deepEqual(await noticesTo(s.c, s.bohdana.id), [], 'not told of her own change');
  // ...but told when the owner changes them.
  await putSchedule(s.c, s.bohdana.id, scheduleWith([{ date: future(1), intervals: [] }, { date: future(2), intervals: [] }]));
  assert.equal((await noticesTo(s.c, s.bohdana.id)).length, 1, 'told of the owner\'s change');

  // A day a month ahead is beyond the two weeks a notice looks at.
  await putSchedule(s.c, s.anna.id, scheduleWith([{ date: future(30), intervals: [] }]));
  assert.deepEqual(await noticesTo(s.c, s.anna.id), [], 'nothing for a day a month ahead');

  // The kind switched off in the rules.
  await putRules(s.c, { kinds: { [KIND]: false } });
  await putSchedule(s.c, s.anna.id, scheduleWith([{ date: future(1), intervals: [iv('12:00', '20:00')] }]));
  assertStatus(await s.c.post(`${STAFF}/${s.anna.id}/absences`, { from: future(2), to: future(2), reason: 'vacation' }), 201);
  assert.deepEqual(await noticesTo(s.c, s.anna.id), [], 'nothing with the kind off');

  await runJobs(env, soon());
  assert.deepEqual(smsTo(env.sms, annaPhone), [], 'no SMS to Анна');
  assert.deepEqual(smsTo(env.sms, bohdanaPhone).map((m) => m.text), [
    `Богдана Тест, ваш графік змінено: ${dayLabel(future(2))}: вихідний.`,
  ]);
});
