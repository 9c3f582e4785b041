// When reminders are due (issue 7, reminder_plan.h): a reminder that falls in the quiet hours
// (21:00-09:00 by default) is held until they end, or sent just before they began when the
// morning is too close to the visit, and nothing goes out during them; without quiet hours it
// keeps its time; a whole-day offset keeps the wall time across both daylight-saving days in
// Europe/Kyiv (23 and 25 real hours); changed offsets apply to every coming visit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { book, oneItem, at, addDays, future, newClient, plusMinutes, sameInstant } from '../lib/booking.mjs';
import { startMessaging, messagingSalon, runJobs, nowIso, smsTo, reminders, putRules, dotted } from '../lib/messaging.mjs';

let env;
before(async () => {
  env = await startMessaging();
});
after(async () => {
  await env?.close();
});

const HOUR = 3_600_000;
const TWELVE_HOURS = { reminders: { offsets: [720] } };

/** Books `client` (a new one when not given) and sends the confirmation; resolves to {a, phone}. */
async function visit(s, start, { staff, client } = {}) {
  client ??= await newClient(s.c, 'Олена');
  const a = await book(s.c, oneItem(s, { client, staff, start }));
  await runJobs(env, nowIso());
  const phone = client.phones[0];
  assert.equal(smsTo(env.sms, phone).length, 1, 'the confirmation went out');
  return { a, phone };
}

test('a 12 h reminder at 22:00 is held until the quiet hours end (09:00); nothing goes during them', async () => {
  const s = await messagingSalon(env, { rules: TWELVE_HOURS });
  assert.deepEqual(s.rules.quiet_hours, { start: '21:00', end: '09:00' }, 'the default quiet hours');
  const d = future(7);
  const { a, phone } = await visit(s, at(d, '10:00'));
  const [r] = await reminders(s.c, a.id);
  sameInstant(r.due_at, at(d, '09:00'), 'held until 09:00');

  for (const t of [at(addDays(d, -1), '22:00'), at(d, '00:30'), at(d, '08:59')]) {
    await runJobs(env, t);
    assert.equal(smsTo(env.sms, phone).length, 1, `nothing at ${t} (quiet hours)`);
  }
  await runJobs(env, at(d, '09:00'));
  const sent = smsTo(env.sms, phone);
  assert.equal(sent.length, 2, 'sent at 09:00');
  assert.match(sent[1].text, new RegExp(`нагадуємо про запис ${dotted(d).replace(/\./g, '\\.')} о 10:00`));
});

test('held until morning would leave under 30 min before the visit: sent the minute before the quiet hours began', async () => {
  const s = await messagingSalon(env, { rules: TWELVE_HOURS });
  const d = future(8);
  // 12 h before 09:15 is 21:15 (quiet); 09:00 is only 15 min before the visit.
  const { a, phone } = await visit(s, at(d, '09:15'));
  const [r] = await reminders(s.c, a.id);
  sameInstant(r.due_at, at(addDays(d, -1), '20:59'), 'moved to the evening before');
  await runJobs(env, at(addDays(d, -1), '20:58'));
  assert.equal(smsTo(env.sms, phone).length, 1, 'not before its time');
  await runJobs(env, at(addDays(d, -1), '20:59'));
  assert.equal(smsTo(env.sms, phone).length, 2, 'sent at 20:59');
  await runJobs(env, at(d, '09:00'));
  assert.equal(smsTo(env.sms, phone).length, 2, 'and not again in the morning');
});

test('the salon\'s own quiet hours, or none: the reminder keeps its time when it is not quiet', async () => {
  const s = await messagingSalon(env, { rules: { ...TWELVE_HOURS, quiet_hours: { start: '23:00', end: '07:30' } } });
  const d = future(9);
  const first = await visit(s, at(d, '10:00'));
  sameInstant((await reminders(s.c, first.a.id))[0].due_at, at(addDays(d, -1), '22:00'), '22:00 is not quiet now');
  // 12 h before 17:00 is 05:00, quiet until 07:30.
  const second = await visit(s, at(d, '17:00'), { staff: s.bohdana });
  sameInstant((await reminders(s.c, second.a.id))[0].due_at, at(d, '07:30'), 'held until 07:30');

  await putRules(s.c, { quiet_hours: null });
  const third = await visit(s, at(d, '10:00'), { staff: s.bohdana });
  sameInstant((await reminders(s.c, third.a.id))[0].due_at, at(addDays(d, -1), '22:00'), 'no quiet hours');
  await runJobs(env, at(addDays(d, -1), '22:00'));
  assert.equal(smsTo(env.sms, third.phone).length, 2, 'sent at 22:00');
});

test('daylight saving: the 24 h reminder of a 10:00 visit is due at 10:00 the day before (23 h in spring, 25 h in autumn)', async () => {
  const s = await messagingSalon(env);
  const cases = [
    { day: '2027-03-28', hours: 23, staff: s.anna },
    { day: '2027-10-31', hours: 25, staff: s.bohdana },
  ];
  for (const { day, hours, staff } of cases) {
    const start = at(day, '10:00');
    const { a, phone } = await visit(s, start, { staff });
    const rows = await reminders(s.c, a.id);
    assert.equal(rows.length, 2, JSON.stringify(rows));
    const before = at(addDays(day, -1), '10:00');
    sameInstant(rows[0].due_at, before, `${day}: 10:00 local the day before`);
    assert.equal((Date.parse(start) - Date.parse(rows[0].due_at)) / HOUR, hours, `${day}: ${hours} real hours`);
    // 2 h before is 08:00, in the quiet hours: held until 09:00 on the day itself.
    sameInstant(rows[1].due_at, at(day, '09:00'), `${day}: the 2 h one is held until 09:00`);

    await runJobs(env, plusMinutes(before, -1));
    assert.equal(smsTo(env.sms, phone).length, 1, `${day}: not a minute early`);
    await runJobs(env, before);
    const sent = smsTo(env.sms, phone);
    assert.equal(sent.length, 2, `${day}: the 24 h reminder`);
    assert.match(sent[1].text, new RegExp(`нагадуємо про запис ${dotted(day).replace(/\./g, '\\.')} о 10:00`));
  }
});

test('changed offsets apply to every coming visit: waiting reminders are planned again', async () => {
  const s = await messagingSalon(env);
  const d = future(10);
  const earlier = await visit(s, at(d, '14:00'));
  const rules = await putRules(s.c, { reminders: { offsets: [2880, 60] } });
  assert.deepEqual(rules.reminders.offsets, [2880, 60]);
  const later = await visit(s, at(d, '14:00'), { staff: s.bohdana });
  const due = async (a, status = 'pending') =>
    (await reminders(s.c, a.id)).filter((r) => r.status === status).map((r) => Date.parse(r.due_at));
  const wanted = [at(addDays(d, -2), '14:00'), at(d, '13:00')].map(Date.parse);
  assert.deepEqual(await due(earlier.a), wanted, 'the earlier booking follows the new offsets');
  assert.deepEqual(await due(earlier.a, 'voided'), [], 'its old reminders became the new ones (no voided rows)');
  assert.equal((await reminders(s.c, earlier.a.id)).length, 2, 'two reminder rows, as before');
  assert.deepEqual(await due(later.a), wanted, 'the new booking too');

  await putRules(s.c, { kinds: { reminder: false } });
  assert.deepEqual(await due(earlier.a), [], 'reminders turned off: none waits');
  const none = await visit(s, at(addDays(d, 1), '14:00'));
  assert.deepEqual(await reminders(s.c, none.a.id), [], 'and none is planned');
  await putRules(s.c, { kinds: { reminder: true } });
  assert.deepEqual(await due(earlier.a), wanted, 'turned on again: planned again');
  await runJobs(env, new Date(wanted[0]).toISOString());
  assert.equal(smsTo(env.sms, earlier.phone).length, 2, 'the confirmation and one reminder, once');
});

test('a reminder found due in the quiet hours (the jobs ran late) is not sent during them', {
}, async () => {
  const s = await messagingSalon(env, { rules: TWELVE_HOURS });
  const d = future(11);
  const { a, phone } = await visit(s, at(d, '09:15'));
  sameInstant((await reminders(s.c, a.id))[0].due_at, at(addDays(d, -1), '20:59'));
  await runJobs(env, at(addDays(d, -1), '23:30'));
  assert.equal(smsTo(env.sms, phone).length, 1, `nothing at 23:30: ${JSON.stringify(smsTo(env.sms, phone).map((m) => m.text))}`);
});
