// Automatic tasks (issue 7): a visit marked no-show adds one "call the client" task in the
// booking's own transaction (never two, whatever is marked again), and the daily planner
// (`kvitka jobs run --once --now`) adds "confirm tomorrow's unconfirmed bookings" once per branch
// and day from 15:00 in the branch's time zone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { setupSalon, book, oneItem, at, future, addDays, newClient, status, sameInstant } from '../lib/booking.mjs';
import { listTasks, patchTask, runJobs, summary } from '../lib/tasks.mjs';

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

test('a no-show adds exactly one high-priority call task with the client and the appointment', async () => {
  const s = await setupSalon(server);
  const a = await book(s.c, oneItem(s, { start: at(future(3), '10:00') }));
  assert.deepEqual(await listTasks(s.c, { kind: 'call_no_show' }), []);
  const before = Date.now();
  await status(s.c, a.id, 'no_show');
  let calls = await listTasks(s.c, { kind: 'call_no_show' });
  assert.equal(calls.length, 1);
  const [call] = calls;
  assert.equal(call.priority, 'high');
  assert.equal(call.status, 'open');
  assert.equal(call.automatic, true);
  assert.equal(call.client_id, s.client.id);
  assert.equal(call.client.name, 'Олена Коваль');
  assert.equal(call.appointment_id, a.id);
  assert.equal(call.branch_id, s.branch.id);
  assert.equal(call.assignee_user_id, null, 'for the front desk');
  assert.ok(Math.abs(Date.parse(call.due_at) - before) < 120_000, 'due at once');
  assert.equal(call.title, 'Call the client who did not come');
  const uk = s.c.clone();
  uk.lang = 'uk';
  assert.equal((await listTasks(uk, { kind: 'call_no_show' }))[0].title, 'Зателефонувати клієнту, який не прийшов');
  const ru = s.c.clone();
  ru.lang = 'ru';
  assert.equal((await listTasks(ru, { kind: 'call_no_show' }))[0].title, 'Позвонить клиенту, который не пришёл');
  assert.equal((await summary(s.c)).newest_id, call.id);

  // Marked again, taken back and marked once more: still the one task.
  await status(s.c, a.id, 'no_show');
  await status(s.c, a.id, 'arrived');
  calls = await listTasks(s.c, { kind: 'call_no_show' });
  assert.equal(calls.length, 1);
  assert.equal(calls[0].status, 'cancelled', 'the client came after all: no call');
  await status(s.c, a.id, 'no_show');
  calls = await listTasks(s.c, { kind: 'call_no_show' });
  assert.deepEqual(calls.map((t) => [t.id, t.status]), [[call.id, 'open']]);

  // Called and done: marking the visit again does not bring the task back.
  await patchTask(s.c, call.id, { status: 'done' });
  await status(s.c, a.id, 'arrived');
  await status(s.c, a.id, 'no_show');
  calls = await listTasks(s.c, { kind: 'call_no_show' });
  assert.deepEqual(calls.map((t) => [t.id, t.status]), [[call.id, 'done']]);

  // Another visit's no-show is its own task.
  const other = await book(s.c, oneItem(s, { client: await newClient(s.c, 'Ірина'), start: at(future(3), '12:00') }));
  await status(s.c, other.id, 'no_show');
  assert.equal((await listTasks(s.c, { kind: 'call_no_show' })).length, 2);
});

test('the daily job adds the confirm-tomorrow task once, from 15:00 in the branch, with the count and the date', async () => {
  const s = await setupSalon(server);
  // Far enough ahead that the server's own planner (real time) never sees it as tomorrow.
  const d = future(40);
  const tomorrow = addDays(d, 1);
  await book(s.c, oneItem(s, { start: at(tomorrow, '10:00') }));
  await book(s.c, oneItem(s, { client: await newClient(s.c, 'Ірина'), staff: s.bohdana, start: at(tomorrow, '11:00') }));
  const confirmed = await book(s.c, oneItem(s, { client: await newClient(s.c, 'Марта'), start: at(tomorrow, '15:00') }));
  await status(s.c, confirmed.id, 'confirmed');
  // A day with only confirmed visits gets no task.
  const later = await book(s.c, oneItem(s, { start: at(addDays(d, 2), '10:00') }));
  await status(s.c, later.id, 'confirmed');

  await runJobs(server, at(d, '14:59'));
  assert.deepEqual(await listTasks(s.c, { kind: 'confirm_tomorrow' }), [], 'not before 15:00');

  const report = await runJobs(server, at(d, '15:30'));
  assert.ok(report.tasks >= 1, JSON.stringify(report));
  let confirm = await listTasks(s.c, { kind: 'confirm_tomorrow' });
  assert.equal(confirm.length, 1);
  const [t] = confirm;
  assert.equal(t.date, tomorrow);
  assert.equal(t.visit_count, 2);
  assert.equal(t.branch_id, s.branch.id);
  assert.equal(t.priority, 'normal');
  assert.equal(t.created_by, null, 'added by Kvitka');
  sameInstant(t.due_at, at(d, '18:00'), 'due at 18:00 in the branch');
  assert.equal(t.title, "Confirm tomorrow's unconfirmed bookings (2)");

  await runJobs(server, at(d, '16:30'));
  await runJobs(server, at(d, '23:50'));
  confirm = await listTasks(s.c, { kind: 'confirm_tomorrow' });
  assert.equal(confirm.length, 1, 'once a day');

  await runJobs(server, at(addDays(d, 1), '15:30'));
  assert.equal((await listTasks(s.c, { kind: 'confirm_tomorrow' })).length, 1, 'nothing waits on the day after');
});
