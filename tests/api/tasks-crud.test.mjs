// Tasks (issue 7): adding, reading, changing and completing tasks, validation naming each field,
// the order of the list and its pages, masters who see and complete only their own tasks, the
// reminders panel's summary, the audit log and other organizations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertStatus, assertProblem, assertValidation, signup, addUser } from '../lib/api.mjs';
import { setupSalon, book, oneItem, at, future } from '../lib/booking.mjs';
import { TASKS, taskPath, addTask, patchTask, listTasks, summary } from '../lib/tasks.mjs';

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

const inHours = (h) => new Date(Date.now() + h * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

test('a manual task is added, read, changed, completed and reopened; every change is audited', async () => {
  const s = await setupSalon(server);
  const admin = await addUser(server, s.c, 'admin');
  const due = inHours(3);
  const t = await addTask(s.c, {
    title: '  Передзвонити Олені щодо фарбування  ',
    notes: 'Хоче холодніший відтінок',
    due_at: due,
    priority: 'high',
    client_id: s.client.id,
    assignee_user_id: admin.user.id,
  });
  assert.equal(t.kind, 'manual');
  assert.equal(t.status, 'open');
  assert.equal(t.title, 'Передзвонити Олені щодо фарбування', 'trimmed');
  assert.equal(t.notes, 'Хоче холодніший відтінок');
  assert.equal(Date.parse(t.due_at), Date.parse(due));
  assert.equal(t.priority, 'high');
  assert.equal(t.assignee_user_id, admin.user.id);
  assert.equal(t.client.id, s.client.id);
  assert.equal(t.client.first_name, 'Олена');
  assert.equal(t.client.phone, s.client.phones[0], 'the owner sees the phone to call');
  assert.equal(t.created_by, s.owner.payload.user.id);

  const got = await s.c.get(taskPath(t.id));
  assertStatus(got, 200);
  assert.deepEqual(got.json, t);

  const moved = await patchTask(s.c, t.id, { due_at: inHours(5), priority: 'low', notes: null, assignee_user_id: null });
  assert.equal(moved.priority, 'low');
  assert.equal(moved.notes, '');
  assert.equal(moved.assignee_user_id, null);
  const done = await patchTask(s.c, t.id, { status: 'done' });
  assert.equal(done.status, 'done');
  assert.ok(Math.abs(Date.parse(done.done_at) - Date.now()) < 120_000, 'done now');
  const reopened = await patchTask(admin.client, t.id, { status: 'open' });
  assert.equal(reopened.status, 'open');
  assert.equal(reopened.done_at, null);

  const audit = await s.c.get('/api/v1/audit?limit=200');
  assertStatus(audit, 200);
  const actions = audit.json.items.filter((e) => e.entity === 'task' && e.entity_id === t.id).map((e) => e.action);
  assert.deepEqual(actions.sort(), ['task.create', 'task.update', 'task.update', 'task.update']);

  // A task about an appointment takes its client.
  const a = await book(s.c, oneItem(s, { start: at(future(12), '11:00') }));
  const about = await addTask(s.c, { title: 'Нагадати про передоплату', due_at: inHours(1), appointment_id: a.id });
  assert.equal(about.appointment_id, a.id);
  assert.equal(about.client_id, s.client.id);
  assert.equal(about.branch_id, s.branch.id);
});

test('validation answers 422 naming every bad field', async () => {
  const s = await setupSalon(server);
  let res = await s.c.post(TASKS, {});
  assertValidation(res, { title: 'required', due_at: 'required' });
  res = await s.c.post(TASKS, {
    title: 'x'.repeat(201),
    notes: 'n'.repeat(2001),
    due_at: 'tomorrow',
    priority: 'urgent',
    kind: 'call_no_show',
    assignee_user_id: 999999999,
    client_id: 'abc',
    colour: 'red',
  });
  assertValidation(res, {
    title: 'too_long',
    notes: 'too_long',
    due_at: 'invalid_value',
    priority: 'invalid_value',
    kind: 'invalid_value',
    client_id: 'invalid_type',
    colour: 'unknown_field',
  });
  res = await s.c.post(TASKS, { title: '   ', due_at: inHours(1) });
  assertValidation(res, { title: 'required' });
  res = await s.c.post(TASKS, { title: 'ok', due_at: inHours(1), assignee_user_id: 999999999, client_id: 999999999, appointment_id: 999999999 });
  assertValidation(res, { assignee_user_id: 'not_found', client_id: 'not_found', appointment_id: 'not_found' });
  // 200 characters of Cyrillic are fine (characters, not bytes).
  await addTask(s.c, { title: 'ї'.repeat(200), due_at: inHours(1) });
  // JavaScript's toISOString (with milliseconds) and an offset are instants too.
  const ms = new Date(Date.now() + 3_600_000);
  ms.setUTCMilliseconds(250);
  const withMs = await addTask(s.c, { title: 'ms', due_at: ms.toISOString() });
  assert.equal(Date.parse(withMs.due_at), Math.floor(ms.getTime() / 1000) * 1000);
  const withOffset = await addTask(s.c, { title: 'offset', due_at: '2027-03-01T10:00:00+02:00' });
  assert.equal(withOffset.due_at, '2027-03-01T08:00:00Z');

  const t = await addTask(s.c, { title: 'Замовити фарбу', due_at: inHours(1) });
  res = await s.c.patch(taskPath(t.id), { title: '', status: 'finished', due_at: null, client_id: 5 });
  assertValidation(res, { title: 'required', status: 'invalid_value', due_at: 'required', client_id: 'unknown_field' });
  res = await s.c.patch(taskPath(t.id), { assignee_user_id: 999999999 });
  assertValidation(res, { assignee_user_id: 'not_found' });
  res = await s.c.post(TASKS, 'not json', { contentType: 'application/json' });
  assert.equal(res.status, 400);
  // Nothing was changed by the refused requests.
  const again = await s.c.get(taskPath(t.id));
  assert.equal(again.json.title, 'Замовити фарбу');
  assert.equal(again.json.status, 'open');
});

test('the list: open tasks first by due time, then the rest latest due first, page by page, with filters', async () => {
  const s = await setupSalon(server);
  const late = await addTask(s.c, { title: 'late', due_at: inHours(10) });
  const early = await addTask(s.c, { title: 'early', due_at: inHours(-2) });
  const soon = await addTask(s.c, { title: 'soon', due_at: inHours(1), client_id: s.client.id });
  const closedOld = await addTask(s.c, { title: 'closed old', due_at: inHours(-48) });
  const closedNew = await addTask(s.c, { title: 'closed new', due_at: inHours(-24) });
  await patchTask(s.c, closedOld.id, { status: 'done' });
  await patchTask(s.c, closedNew.id, { status: 'cancelled' });

  const all = await listTasks(s.c, {}, { limit: 2 });
  assert.deepEqual(all.map((t) => t.title), ['early', 'soon', 'late', 'closed new', 'closed old']);
  assert.deepEqual((await listTasks(s.c, { status: 'open' })).map((t) => t.id), [early.id, soon.id, late.id]);
  assert.deepEqual((await listTasks(s.c, { status: 'done' })).map((t) => t.id), [closedOld.id]);
  assert.deepEqual((await listTasks(s.c, { client_id: s.client.id })).map((t) => t.id), [soon.id]);
  assert.deepEqual((await listTasks(s.c, { due_before: inHours(0), status: 'open' })).map((t) => t.id), [early.id]);
  assert.deepEqual((await listTasks(s.c, { kind: 'manual', assignee: 'none', status: 'open' })).length, 3);
  assert.deepEqual(await listTasks(s.c, { assignee: 'me' }), []);

  for (const q of ['status=later', 'assignee=someone', 'client_id=x', 'kind=call', 'due_before=soon', 'limit=0', 'limit=201', 'cursor=zzz']) {
    const res = await s.c.get(`${TASKS}?${q}`);
    assertProblem(res, 400);
    assert.ok(res.json.errors.some((e) => e.field === q.split('=')[0]), `${q} names its field: ${res.text}`);
  }
});

test('masters see and complete only the tasks assigned to them', async () => {
  const s = await setupSalon(server);
  const master = await addUser(server, s.c, 'master');
  const other = await addUser(server, s.c, 'master');
  const manager = await addUser(server, s.c, 'manager');
  const mine = await addTask(manager.client, { title: 'Підготувати картку кольору', due_at: inHours(1), assignee_user_id: master.user.id, client_id: s.client.id });
  const theirs = await addTask(s.c, { title: 'Чужа', due_at: inHours(1), assignee_user_id: other.user.id });
  const desk = await addTask(s.c, { title: 'Рецепція', due_at: inHours(1) });

  const seen = await listTasks(master.client);
  assert.deepEqual(seen.map((t) => t.id), [mine.id]);
  assert.equal(seen[0].client.phone, null, 'a master sees no phone');
  assert.equal(seen[0].client.last_name, '', 'nor the last name');
  assert.deepEqual(await listTasks(master.client, { assignee: 'none' }), []);
  assert.deepEqual(await listTasks(master.client, { assignee: String(other.user.id) }), []);
  assert.deepEqual((await listTasks(master.client, { assignee: 'me' })).map((t) => t.id), [mine.id]);
  assert.equal((await listTasks(s.c)).length, 3, 'the owner sees all');

  for (const id of [theirs.id, desk.id]) {
    assertProblem(await master.client.get(taskPath(id)), 404);
    assertProblem(await master.client.patch(taskPath(id), { status: 'done' }), 404);
  }
  assertProblem(await master.client.post(TASKS, { title: 'Моя', due_at: inHours(1) }), 403);
  assertProblem(await master.client.patch(taskPath(mine.id), { title: 'Інша' }), 403);
  assertProblem(await master.client.patch(taskPath(mine.id), { status: 'cancelled' }), 403);
  const done = await patchTask(master.client, mine.id, { status: 'done' });
  assert.equal(done.status, 'done');
  const open = await patchTask(master.client, mine.id, { status: 'open' });
  assert.equal(open.status, 'open');

  const own = await summary(master.client);
  assert.equal(own.open, 1);
  assert.equal(own.newest_id, mine.id);
});

test('the summary counts open tasks, overdue and due today, and names the newest', async () => {
  const s = await setupSalon(server);
  assert.deepEqual(await summary(s.c), { open: 0, overdue: 0, due_today: 0, newest_id: null });
  await addTask(s.c, { title: 'overdue', due_at: inHours(-1) });
  await addTask(s.c, { title: 'in a week', due_at: inHours(24 * 7) });
  const now = await addTask(s.c, { title: 'in a minute', due_at: inHours(0.02) });
  const sum = await summary(s.c);
  assert.equal(sum.open, 3);
  assert.equal(sum.overdue, 1);
  assert.ok(sum.due_today <= 1, 'at most the one due in a minute (unless midnight is nearer)');
  assert.equal(sum.newest_id, now.id);
  await patchTask(s.c, now.id, { status: 'done' });
  const after = await summary(s.c);
  assert.equal(after.open, 2);
  assert.ok(after.newest_id < now.id);
});

test('another organization sees none of it (404)', async () => {
  const s = await setupSalon(server);
  const t = await addTask(s.c, { title: 'Наше', due_at: inHours(1), client_id: s.client.id });
  const stranger = await signup(server);
  assertProblem(await stranger.client.get(taskPath(t.id)), 404);
  assertProblem(await stranger.client.patch(taskPath(t.id), { status: 'done' }), 404);
  assert.deepEqual(await listTasks(stranger.client), []);
  assert.equal((await summary(stranger.client)).open, 0);
  // Nor may it point a task at this salon's client or member.
  const res = await stranger.client.post(TASKS, { title: 'x', due_at: inHours(1), client_id: s.client.id, assignee_user_id: s.owner.payload.user.id });
  assertValidation(res, { client_id: 'not_found', assignee_user_id: 'not_found' });
  assert.equal((await s.c.get(taskPath(t.id))).json.status, 'open');
  // Without a session: 401.
  assertProblem(await server.client().get(TASKS), 401);
});
