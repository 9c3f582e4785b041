// The follow-up of a come-back reminder (issue 7): three days after a come-back reminder went to a
// client who has booked nothing since and has no visit coming, the daily job (`kvitka jobs run
// --once --now`) adds one "call the client" task for the front desk, with the client and the
// visit the reminder was about; never twice, and none for a client who booked after it.
//
// The reminder is sent tomorrow at noon (time travel): the server's own job (real time) never
// looks at it. A booking made after it is seen by its visit still to come; one made after it for a
// visit already over is covered by the C++ test (tasks_dbtest), as a test cannot make a booking
// later than the instant it travelled to.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setupSalon, book, oneItem, at, addDays, kyivWall, newClient, plusMinutes, sameInstant } from '../lib/booking.mjs';
import { startMessaging, runJobs, useSms, smsTo } from '../lib/messaging.mjs';
import { useComeBack, pastHaircut, noonIn } from '../lib/come-back.mjs';
import { listTasks } from '../lib/tasks.mjs';

let env;
before(async () => {
  env = await startMessaging();
});
after(async () => {
  await env?.close();
});

const followUps = (c) => listTasks(c, { kind: 'come_back_follow_up' });

test('three days after a come-back reminder without a booking: one call task for the front desk', async () => {
  const s = await setupSalon(env.server);
  await useSms(s.c);
  await useComeBack(s, { cycle: 21, lead: 3 });
  const quiet = await newClient(s.c, 'Мовчить', { consent: { sms: true } });
  const booker = await newClient(s.c, 'Записалась', { consent: { sms: true } });
  // Both had a haircut 19 days before the reminder day: it is due on that day.
  const sentAt = noonIn(1);
  const sentDay = kyivWall(sentAt).date;
  const quietVisit = await pastHaircut(s, quiet, addDays(sentDay, -19), '10:00');
  await pastHaircut(s, booker, addDays(sentDay, -19), '12:00');

  await runJobs(env, sentAt);
  for (const client of [quiet, booker]) {
    const sms = smsTo(env.sms, client.phones[0]);
    assert.equal(sms.length, 1, `the come-back reminder went to ${client.first_name}`);
    assert.match(sms[0].text, /Стрижка/);
  }
  // After the reminder, the second client books a haircut for a week after it.
  await book(s.c, oneItem(s, { client: booker, start: at(addDays(sentDay, 7), '15:00') }));

  await runJobs(env, plusMinutes(sentAt, 2 * 24 * 60));
  assert.deepEqual(await followUps(s.c), [], 'not before three days');

  const due = plusMinutes(sentAt, 3 * 24 * 60 + 60);  // 13:00 or 14:00 in Kyiv: calling hours
  const report = await runJobs(env, due);
  assert.ok(report.tasks >= 1, JSON.stringify(report));
  let tasks = await followUps(s.c);
  assert.equal(tasks.length, 1, JSON.stringify(tasks.map((t) => t.client?.name)));
  const [t] = tasks;
  assert.equal(t.client_id, quiet.id, 'only the client who did not book');
  assert.equal(t.appointment_id, quietVisit.id, 'the visit the reminder was about');
  assert.equal(t.branch_id, s.branch.id);
  assert.equal(t.priority, 'normal');
  assert.equal(t.status, 'open');
  assert.equal(t.automatic, true);
  assert.equal(t.assignee_user_id, null, 'for the front desk');
  assert.equal(t.created_by, null, 'added by Kvitka');
  sameInstant(t.due_at, due, 'due at once in the calling hours');
  assert.equal(t.title, 'Call the client: come-back reminder without a booking');
  const uk = s.c.clone();
  uk.lang = 'uk';
  assert.equal((await followUps(uk))[0].title, 'Зателефонувати клієнту: нагадування про повторний візит без запису');
  const ru = s.c.clone();
  ru.lang = 'ru';
  assert.equal((await followUps(ru))[0].title, 'Позвонить клиенту: напоминание о повторном визите без записи');

  // However often the job runs: one task per reminder.
  await runJobs(env, due);
  await runJobs(env, plusMinutes(due, 120));
  tasks = await followUps(s.c);
  assert.deepEqual(tasks.map((x) => x.id), [t.id], 'one task, however often the job runs');
});
