// The salon's messaging rules (GET/PUT /api/v1/settings/messaging, issue 7): the defaults, a PUT
// changes only what it names, bad values are 422 naming the field and save nothing, only owners
// and managers may read or change them, and they apply: kinds turned off are not written, a
// branch's own quiet hours, the feedback request after a completed visit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertStatus, assertProblem, assertValidation, addUser, listAll } from '../lib/api.mjs';
import { book, oneItem, at, addDays, future, newClient, status, plusMinutes, sameInstant } from '../lib/booking.mjs';
import {
  startMessaging, messagingSalon, runJobs, nowIso, smsTo, visitMessages, reminders, putRules, RULES, DEFAULT_RULES,
} from '../lib/messaging.mjs';

let env;
let s; // one salon for the API checks
before(async () => {
  env = await startMessaging();
  s = await messagingSalon(env);
});
after(async () => {
  await env?.close();
});

const OFF_BY_DEFAULT = ['birthday', 'come_back', 'feedback_request', 'staff_shift_tomorrow'];

test('GET: the defaults', async () => {
  const res = await s.c.get(RULES);
  assertStatus(res, 200);
  const r = res.json;
  assert.deepEqual(r.channel_order, DEFAULT_RULES.channel_order);
  assert.deepEqual(r.reminders, DEFAULT_RULES.reminders);
  assert.deepEqual(r.quiet_hours, DEFAULT_RULES.quiet_hours);
  assert.equal(r.feedback_delay_minutes, 120);
  assert.equal(r.come_back_lead_days, 3);
  assert.equal(r.birthday_days_before, 0);
  assert.deepEqual(r.branches, []);
  assert.equal(Object.keys(r.kinds).length, 14, JSON.stringify(r.kinds));
  for (const [kind, on] of Object.entries(r.kinds)) assert.equal(on, !OFF_BY_DEFAULT.includes(kind), `kinds.${kind}`);
});

test('PUT changes only what it names', async () => {
  const other = await messagingSalon(env, { channels: [] });
  let r = await putRules(other.c, { feedback_delay_minutes: 30 });
  assert.equal(r.feedback_delay_minutes, 30);
  assert.deepEqual(r.reminders, DEFAULT_RULES.reminders);
  assert.deepEqual(r.channel_order, DEFAULT_RULES.channel_order);

  r = await putRules(other.c, { reminders: { min_lead: 45 }, quiet_hours: { start: '22:00' }, kinds: { birthday: true } });
  assert.deepEqual(r.reminders, { ...DEFAULT_RULES.reminders, min_lead: 45 }, 'the offsets are kept');
  assert.deepEqual(r.quiet_hours, { start: '22:00', end: '09:00' }, 'the end is kept');
  assert.equal(r.kinds.birthday, true);
  assert.equal(r.kinds.reminder, true, 'other kinds are kept');
  assert.equal(r.feedback_delay_minutes, 30, 'the earlier change is kept');

  r = await putRules(other.c, { channel_order: ['email', 'sms'], quiet_hours: null });
  assert.deepEqual(r.channel_order, ['email', 'sms']);
  assert.equal(r.quiet_hours, null);
  const got = await other.c.get(RULES);
  assert.deepEqual(got.json, r, 'GET answers what PUT saved');
  // Another organization's rules are untouched.
  assert.deepEqual((await s.c.get(RULES)).json.channel_order, DEFAULT_RULES.channel_order);

  const audit = await listAll(other.c, '/api/v1/audit');
  assert.ok(audit.some((e) => e.action === 'messaging_rules.update'), 'changes are audited');
});

test('bad values: 422 naming the field, nothing saved', async () => {
  const before = (await s.c.get(RULES)).json;
  const cases = [
    [{ reminders: { offsets: [0] } }, 'reminders.offsets[0]', 'out_of_range'],
    [{ reminders: { offsets: [1440, 60 * 24 * 31] } }, 'reminders.offsets[1]', 'out_of_range'],
    [{ reminders: { offsets: [-60] } }, 'reminders.offsets[0]', undefined],
    [{ reminders: { offsets: ['1440'] } }, 'reminders.offsets[0]', 'invalid_type'],
    [{ reminders: { offsets: [120, 120] } }, 'reminders.offsets[1]', 'duplicate'],
    [{ reminders: { offsets: [10, 20, 30, 40, 50, 60] } }, 'reminders.offsets', 'too_many'],
    [{ reminders: { offsets: 1440 } }, 'reminders.offsets', 'invalid_type'],
    [{ reminders: { min_lead: -1 } }, 'reminders.min_lead', 'out_of_range'],
    [{ reminders: { min_gap_after_booking: 'an hour' } }, 'reminders.min_gap_after_booking', 'invalid_type'],
    [{ quiet_hours: { start: '25:00', end: '09:00' } }, 'quiet_hours.start', 'invalid_time'],
    [{ quiet_hours: { start: '21:00', end: '9:00' } }, 'quiet_hours.end', 'invalid_time'],
    [{ quiet_hours: { start: '21:60' } }, 'quiet_hours.start', 'invalid_time'],
    [{ quiet_hours: '21:00-09:00' }, 'quiet_hours', 'invalid_type'],
    [{ kinds: { newsletter: true } }, 'kinds.newsletter', 'unknown_field'],
    [{ kinds: { reminder: 'yes' } }, 'kinds.reminder', 'invalid_type'],
    [{ channel_order: ['sms', 'email', 'sms'] }, 'channel_order[2]', 'duplicate'],
    [{ channel_order: ['sms', 'pigeon'] }, 'channel_order[1]', 'invalid_value'],
    [{ channel_order: 'sms' }, 'channel_order', 'invalid_type'],
    [{ feedback_delay_minutes: 60 * 24 * 8 }, 'feedback_delay_minutes', 'out_of_range'],
    [{ birthday_days_before: -1 }, 'birthday_days_before', 'out_of_range'],
    [{ colour: 'red' }, 'colour', 'unknown_field'],
    [{ branches: [{ branch_id: 987654321, quiet_hours: null }] }, 'branches[0].branch_id', 'not_found'],
    [{ branches: [{ quiet_hours: null }] }, 'branches[0].branch_id', 'required'],
  ];
  const failures = [];
  for (const [body, field, code] of cases) {
    try {
      // A valid change next to the bad one must not be saved either.
      assertValidation(await s.c.put(RULES, { feedback_delay_minutes: 5, ...body }), code ? { [field]: code } : [field]);
    } catch (e) {
      failures.push(`${JSON.stringify(body)}: ${e.message.split('\n')[0]}`);
    }
  }
  assert.deepEqual(failures, []);
  assert.deepEqual((await s.c.get(RULES)).json, before, 'nothing was saved');
  // Another organization's branch is not ours.
  const other = await messagingSalon(env, { channels: [] });
  assertValidation(await s.c.put(RULES, { branches: [{ branch_id: other.branch.id, quiet_hours: null }] }), { 'branches[0].branch_id': 'not_found' });
});

test('too many offsets: the error is named once', async () => {
  const res = await s.c.put(RULES, { reminders: { offsets: [10, 20, 30, 40, 50, 60] } });
  const p = assertValidation(res, { 'reminders.offsets': 'too_many' });
  assert.equal(p.errors.length, 1, res.text);
});

test('a negative offset is out_of_range like 0 is, not invalid_type', {
}, async () => {
  assertValidation(await s.c.put(RULES, { reminders: { offsets: [-60] } }), { 'reminders.offsets[0]': 'out_of_range' });
});

test('owners and managers only: admins and masters get 403, no session 401, writes need CSRF', async () => {
  const manager = await addUser(env.server, s.c, 'manager');
  assertStatus(await manager.client.get(RULES), 200, 'a manager reads');
  assertStatus(await manager.client.put(RULES, { come_back_lead_days: 5 }), 200, 'a manager changes');
  for (const role of ['admin', 'master']) {
    const u = await addUser(env.server, s.c, role);
    assertProblem(await u.client.get(RULES), 403);
    assertProblem(await u.client.put(RULES, { come_back_lead_days: 7 }), 403);
  }
  assertProblem(await env.server.client().get(RULES), 401);
  assertProblem(await s.c.put(RULES, { come_back_lead_days: 9 }, { csrf: false }), 403, 'csrf-failed');
  assert.equal((await s.c.get(RULES)).json.come_back_lead_days, 5);
});

test('kinds turned off are not written: no confirmation, no reminders, no notice to the master', async () => {
  const t = await messagingSalon(env);
  await putRules(t.c, { kinds: { booking_confirmation: false, reminder: false, staff_new_booking: false } });
  const a = await book(t.c, oneItem(t, { start: at(future(7), '14:00') }));
  assert.deepEqual(await visitMessages(t.c, a.id), [], 'nothing planned');
  await putRules(t.c, { kinds: { booking_confirmation: true } });
  const b = await book(t.c, oneItem(t, { start: at(future(7), '16:00') }));
  assert.deepEqual((await visitMessages(t.c, b.id)).map((r) => r.kind), ['booking_confirmation']);
});

test('a branch\'s own quiet hours (none there) override the organization\'s', async () => {
  const t = await messagingSalon(env, { rules: { reminders: { offsets: [720] } } });
  const d = future(8);
  const first = await book(t.c, oneItem(t, { start: at(d, '10:00') }));
  sameInstant((await reminders(t.c, first.id))[0].due_at, at(d, '09:00'), 'the organization\'s quiet hours');
  const r = await putRules(t.c, { branches: [{ branch_id: t.branch.id, quiet_hours: null }] });
  assert.deepEqual(r.branches, [{ branch_id: t.branch.id, quiet_hours: null }]);
  assert.deepEqual(r.quiet_hours, DEFAULT_RULES.quiet_hours, 'the organization keeps its own');
  const second = await book(t.c, oneItem(t, { staff: t.bohdana, start: at(d, '10:00') }));
  sameInstant((await reminders(t.c, second.id))[0].due_at, at(addDays(d, -1), '22:00'), 'none at the branch');
});

test('feedback requests, when turned on, go the set delay after a completed visit', async () => {
  const t = await messagingSalon(env);
  await putRules(t.c, { kinds: { feedback_request: true }, feedback_delay_minutes: 45 });
  const client = await newClient(t.c, 'Олена');
  const start = at(future(9), '14:00');
  const a = await book(t.c, oneItem(t, { client, start }));
  await status(t.c, a.id, 'completed');
  const rows = await visitMessages(t.c, a.id);
  const byKind = Object.fromEntries(rows.map((r) => [r.kind, r]));
  assert.equal(byKind.reminder.status, 'voided', 'the reminders go');
  const feedback = byKind.feedback_request;
  assert.ok(feedback, JSON.stringify(rows));
  sameInstant(feedback.due_at, plusMinutes(plusMinutes(start, 60), 45), 'the end of the visit + 45 min');
  await runJobs(env, nowIso());
  const phone = client.phones[0];
  const before = smsTo(env.sms, phone).length;
  await runJobs(env, plusMinutes(feedback.due_at, -1));
  assert.equal(smsTo(env.sms, phone).length, before, 'not before its time');
  await runJobs(env, feedback.due_at);
  const sent = smsTo(env.sms, phone);
  assert.equal(sent.length, before + 1);
  assert.match(sent.at(-1).text, /https:\/\/kvitka\.test\/b\/[a-z0-9-]+\/f\/[0-9a-f]{32}$/, sent.at(-1).text);
});
