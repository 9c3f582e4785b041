// Online booking rules of a branch (GET/PUT /branches/{id}/online-booking): the defaults, a
// partial PUT keeps the rest, every field's bounds (422 naming the field, nothing saved),
// who may read and change them, another organization's branch, and the absolute booking_url.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertStatus, assertProblem, assertValidation, signup, addUser } from '../lib/api.mjs';
import { branchOf } from '../lib/staff.mjs';
import { startOnlineServer, rulesPath, getRules, putRules, assertRules, BASE_RULES } from '../lib/online.mjs';

let server;
let owner;
let branch;

before(async () => {
  server = await startOnlineServer();
  owner = await signup(server, { timezone: 'Europe/Kyiv' });
  branch = branchOf(owner);
});
after(async () => {
  await server?.stop();
});

async function current() {
  const res = await getRules(owner.client, branch.id);
  assertStatus(res, 200, 'GET rules');
  assertRules(res.json);
  return res.json;
}

test('defaults of a new branch; booking_url is absolute and ends in /b/{slug}', async () => {
  const r = await current();
  assert.equal(r.branch_id, branch.id);
  assert.equal(typeof r.enabled, 'boolean');
  assert.equal(r.lead_minutes, 60, 'lead_minutes default');
  assert.equal(r.horizon_days, 60, 'horizon_days default');
  assert.equal(r.step_minutes, 15, 'step_minutes default');
  assert.equal(r.auto_confirm, true, 'auto_confirm default');
  assert.equal(r.cancel_deadline_minutes, 180, 'cancel_deadline_minutes default');
  assert.equal(r.master_required, false, 'master_required default');
  assert.equal(r.max_future_bookings, 3, 'max_future_bookings default');
  assert.equal(r.message, '', 'message default');
  const u = new URL(r.booking_url);
  assert.ok(['http:', 'https:'].includes(u.protocol), `booking_url is absolute: ${r.booking_url}`);
  assert.ok(u.host.length > 0, `booking_url has a host: ${r.booking_url}`);
  assert.equal(u.pathname, `/b/${branch.slug}`, `booking_url path: ${r.booking_url}`);
});

test('PUT every field, then a partial PUT keeps the rest', async () => {
  const all = { ...BASE_RULES, enabled: true, lead_minutes: 120, horizon_days: 30, step_minutes: 30, auto_confirm: false,
    cancel_deadline_minutes: 1440, master_required: true, max_future_bookings: 5, phone: '+380441112233', message: 'Паркування у дворі' };
  const res = await putRules(owner.client, branch.id, all);
  assertStatus(res, 200, 'PUT all');
  assertRules(res.json);
  const { booking_url, branch_id, ...got } = res.json;
  assert.equal(branch_id, branch.id);
  assert.deepEqual(got, all, 'PUT answers what was saved');
  assert.deepEqual(await current(), res.json, 'GET answers the same');

  const part = await putRules(owner.client, branch.id, { lead_minutes: 0 });
  assertStatus(part, 200, 'partial PUT');
  assert.deepEqual(part.json, { ...res.json, lead_minutes: 0 }, 'only lead_minutes changed');
  const part2 = await putRules(owner.client, branch.id, { message: '', enabled: false });
  assertStatus(part2, 200);
  assert.deepEqual(await current(), { ...res.json, lead_minutes: 0, message: '', enabled: false });
  const empty = await putRules(owner.client, branch.id, {});
  assertStatus(empty, 200, 'an empty PUT changes nothing');
  assert.deepEqual(empty.json, part2.json);
  assertStatus(await putRules(owner.client, branch.id, { ...BASE_RULES }), 200, 'back to the base rules');
});

test('bounds: the edges are accepted, one past them is 422 naming the field (and nothing is saved)', async () => {
  const ok = [
    ['lead_minutes', 0], ['lead_minutes', 43200],
    ['horizon_days', 1], ['horizon_days', 366],
    ...[5, 10, 15, 20, 30, 60].map((v) => ['step_minutes', v]),
    ['cancel_deadline_minutes', 0], ['cancel_deadline_minutes', 43200],
    ['max_future_bookings', 1], ['max_future_bookings', 50],
    ['phone', ''], ['phone', '+380441234567'],
    ['message', ''], ['message', 'ї'.repeat(500)],
    ['enabled', false], ['enabled', true], ['auto_confirm', false], ['master_required', true], ['master_required', false],
  ];
  for (const [field, value] of ok) {
    const res = await putRules(owner.client, branch.id, { [field]: value });
    assertStatus(res, 200, `${field} = ${JSON.stringify(value).slice(0, 40)}`);
    assert.deepEqual(res.json[field], value, `${field} saved`);
  }
  assertStatus(await putRules(owner.client, branch.id, { ...BASE_RULES }), 200);
  const before = await current();
  const bad = [
    ['lead_minutes', -1, 'out_of_range'], ['lead_minutes', 43201, 'out_of_range'],
    ['horizon_days', 0, 'out_of_range'], ['horizon_days', 367, 'out_of_range'],
    ['step_minutes', 0, 'invalid_value'], ['step_minutes', 7, 'invalid_value'], ['step_minutes', 45, 'invalid_value'], ['step_minutes', 120, 'invalid_value'],
    ['cancel_deadline_minutes', -1, 'out_of_range'], ['cancel_deadline_minutes', 43201, 'out_of_range'],
    ['max_future_bookings', 0, 'out_of_range'], ['max_future_bookings', 51, 'out_of_range'],
    ['phone', 'not a phone', 'invalid_phone'], ['phone', '123', 'invalid_phone'],
    ['message', 'ї'.repeat(501), 'too_long'],
    ['lead_minutes', 'sixty', 'invalid_type'], ['lead_minutes', 1.5, 'invalid_type'], ['enabled', 'yes', 'invalid_type'],
    ['auto_confirm', 1, 'invalid_type'], ['master_required', 'no', 'invalid_type'],
    ['phone', 380441234567, 'invalid_type'], ['message', 42, 'invalid_type'],
  ];
  const failures = [];
  for (const [field, value, code] of bad) {
    const res = await putRules(owner.client, branch.id, { [field]: value, lead_minutes: field === 'lead_minutes' ? value : 240 });
    try {
      assertValidation(res, code ? { [field]: code } : [field]);
    } catch (e) {
      failures.push(`${field}=${JSON.stringify(value).slice(0, 30)}: ${e.message.split('\n')[0].slice(0, 300)}`);
    }
  }
  assert.deepEqual(failures, [], failures.join('\n'));
  assert.deepEqual(await current(), before, 'a refused PUT saved nothing (not even the valid lead_minutes next to the bad field)');
});

test('a malformed body is a 4xx problem, never a 5xx', async () => {
  for (const body of ['{"lead_minutes":', '[]', '"x"', 'null']) {
    const res = await owner.client.request('PUT', rulesPath(branch.id), { body, contentType: 'application/json' });
    assert.ok(res.status >= 400 && res.status < 500, `${body}: ${res.status} ${res.text.slice(0, 200)}`);
  }
});

test('roles: every staff member reads, only owner/admin/manager change; a master gets 403', async () => {
  const admin = await addUser(server, owner.client, 'admin');
  const manager = await addUser(server, owner.client, 'manager');
  const master = await addUser(server, owner.client, 'master');
  for (const u of [admin, manager, master]) assertStatus(await getRules(u.client, branch.id), 200, `${u.user.role} reads`);
  assertStatus(await putRules(admin.client, branch.id, { message: 'від адміністратора' }), 200, 'admin writes');
  assertStatus(await putRules(manager.client, branch.id, { message: 'від менеджера' }), 200, 'manager writes');
  assertProblem(await putRules(master.client, branch.id, { message: 'від майстра' }), 403);
  assert.equal((await current()).message, 'від менеджера', 'the master changed nothing');
  assertStatus(await putRules(owner.client, branch.id, { message: '' }), 200);
});

test('no session: 401; no CSRF token: 403', async () => {
  assertProblem(await server.client().get(rulesPath(branch.id)), 401);
  assertProblem(await server.client().put(rulesPath(branch.id), { message: 'x' }), 401);
  const res = await owner.client.put(rulesPath(branch.id), { message: 'без токена' }, { csrf: false });
  assertProblem(res, 403);
  assert.equal((await current()).message, '');
});

test('another organization\'s branch and an unknown branch: 404, nothing changed', async () => {
  const other = await signup(server);
  const theirs = branchOf(other);
  assertProblem(await getRules(owner.client, theirs.id), 404);
  assertProblem(await putRules(owner.client, theirs.id, { enabled: false }), 404);
  const res = await getRules(other.client, theirs.id);
  assertStatus(res, 200);
  assert.equal(res.json.branch_id, theirs.id);
  assert.equal(new URL(res.json.booking_url).pathname, `/b/${theirs.slug}`);
  assertProblem(await getRules(other.client, branch.id), 404, undefined);
  for (const id of [999999999, 0]) {
    const r = await getRules(owner.client, id);
    assert.ok(r.status === 404 || r.status === 400, `branch ${id}: ${r.status} ${r.text.slice(0, 200)}`);
  }
  assertProblem(await getRules(owner.client, 999999999), 404);
});

test('a second branch has its own rules', async () => {
  const res = await owner.client.post('/api/v1/branches', { name: 'Друга філія', timezone: 'Europe/Kyiv', currency: 'UAH' });
  assertStatus(res, 201, 'create a second branch');
  const second = res.json;
  assertStatus(await putRules(owner.client, second.id, { lead_minutes: 600, message: 'друга' }), 200);
  const r2 = (await getRules(owner.client, second.id)).json;
  assert.equal(r2.branch_id, second.id);
  assert.equal(r2.lead_minutes, 600);
  assert.equal(new URL(r2.booking_url).pathname, `/b/${second.slug}`);
  const r1 = await current();
  assert.notEqual(r1.lead_minutes, 600, 'the first branch keeps its own');
  assert.notEqual(r1.message, 'друга');
});
