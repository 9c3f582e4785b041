// Two organizations on one server: neither sees nor touches the other's service categories,
// services, rooms, masters, schedules, absences, work intervals, calendars or closed days;
// another organization's ids answer 404, and as references in a body they are not found.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertStatus, assertProblem, signup } from '../lib/api.mjs';
import {
  CATEGORIES,
  SERVICES,
  ROOMS,
  STAFF,
  STAFF_EVENTS,
  items,
  branchOf,
  assertFieldError,
  createCategory,
  createService,
  createRoom,
  createStaff,
  putSchedule,
  getJson,
  weekly,
} from '../lib/staff.mjs';

let server;
let a;
let b;
let aBranch;
let bBranch;
const A = {}; // org A's entities
let bStaff;

before(async () => {
  server = await startServer();
  a = await signup(server, { org_name: 'Catalog A' });
  b = await signup(server, { org_name: 'Catalog B' });
  aBranch = branchOf(a);
  bBranch = branchOf(b);
  A.category = await createCategory(a.client, { name: 'Категорія А' });
  A.room = await createRoom(a.client, aBranch.id, { name: 'Кабінет А' });
  A.staff = await createStaff(a.client, aBranch.id, { name: 'Майстер А', phone: '+380671110001' });
  A.service = await createService(a.client, {
    name: 'Послуга А',
    category_id: A.category.id,
    room_ids: [A.room.id],
    staff: [{ staff_id: A.staff.id }],
  });
  await putSchedule(a.client, A.staff.id, { patterns: [weekly('2026-01-05')] });
  const abs = await a.client.post(`${STAFF}/${A.staff.id}/absences`, { from: '2026-12-01', to: '2026-12-03', reason: 'vacation' });
  assertStatus(abs, 201);
  A.absence = abs.json;
  assertStatus(await a.client.put(`/api/v1/branches/${aBranch.id}/closed-days`, { items: [{ date: '2026-12-31', reason: 'А' }] }), 200);
  bStaff = await createStaff(b.client, bBranch.id, { name: 'Майстер Б' });
});
after(async () => {
  await server?.stop();
});

test('org B gets 404 for every catalog and staff path of org A', async () => {
  const s = A.staff.id;
  const paths = [
    ['PATCH', `${CATEGORIES}/${A.category.id}`, { name: 'Б' }],
    ['DELETE', `${CATEGORIES}/${A.category.id}`],
    ['GET', `${SERVICES}/${A.service.id}`],
    ['PATCH', `${SERVICES}/${A.service.id}`, { name: 'Б' }],
    ['DELETE', `${SERVICES}/${A.service.id}`],
    ['GET', `${ROOMS}/${A.room.id}`],
    ['PATCH', `${ROOMS}/${A.room.id}`, { name: 'Б' }],
    ['DELETE', `${ROOMS}/${A.room.id}`],
    ['GET', `${STAFF}/${s}`],
    ['PATCH', `${STAFF}/${s}`, { name: 'Б' }],
    ['DELETE', `${STAFF}/${s}`],
    ['PUT', `${STAFF}/${s}/services`, { service_ids: [] }],
    ['GET', `${STAFF}/${s}/schedule`],
    ['PUT', `${STAFF}/${s}/schedule`, { patterns: [], exceptions: [] }],
    ['GET', `${STAFF}/${s}/absences?from=2026-11-01&to=2026-12-31`],
    ['POST', `${STAFF}/${s}/absences`, { from: '2026-12-10', to: '2026-12-11', reason: 'vacation' }],
    ['DELETE', `${STAFF}/${s}/absences/${A.absence.id}`],
    ['DELETE', `${STAFF}/${bStaff.id}/absences/${A.absence.id}`],
    ['GET', `${STAFF}/${s}/work-intervals?from=2026-11-23&to=2026-11-29`],
    ['GET', `${STAFF}/${s}/calendar`],
    ['POST', `${STAFF}/${s}/calendar/reset`, {}],
    ['GET', `/api/v1/branches/${aBranch.id}/closed-days`],
    ['PUT', `/api/v1/branches/${aBranch.id}/closed-days`, { items: [] }],
  ];
  const wrong = [];
  for (const [method, path, json] of paths) {
    const res = await b.client.request(method, path, json === undefined ? {} : { json });
    if (res.status !== 404 || res.json?.code !== 'not-found') wrong.push(`${method} ${path} -> ${res.status} ${res.text.slice(0, 200)}`);
  }
  assert.deepEqual(wrong, [], wrong.join('\n'));
});

test('org B lists and filters never show org A', async () => {
  const leak = (res, what) => {
    assert.ok(res.status < 500, `${what}: ${res.status}`);
    if (res.status === 200) {
      for (const needle of ['Категорія А', 'Послуга А', 'Кабінет А', 'Майстер А', '671110001']) {
        assert.ok(!res.text.includes(needle), `${what} leaks "${needle}": ${res.text.slice(0, 400)}`);
      }
    } else {
      assert.equal(res.status, 404, `${what}: a filter by a foreign id is empty or 404, got ${res.status}`);
    }
  };
  for (const path of [
    CATEGORIES,
    SERVICES,
    `${SERVICES}?archived=true`,
    `${SERVICES}?category_id=${A.category.id}`,
    `${SERVICES}?staff_id=${A.staff.id}`,
    ROOMS,
    `${ROOMS}?branch_id=${aBranch.id}`,
    STAFF,
    `${STAFF}?branch_id=${aBranch.id}`,
    `${STAFF}?service_id=${A.service.id}`,
    `${STAFF_EVENTS}?staff_id=${A.staff.id}`,
    STAFF_EVENTS,
  ]) {
    leak(await b.client.get(path), `GET ${path}`);
  }
  for (const path of [`${SERVICES}?category_id=${A.category.id}`, `${SERVICES}?staff_id=${A.staff.id}`, `${STAFF}?service_id=${A.service.id}`]) {
    const res = await b.client.get(path);
    if (res.status === 200) assert.deepEqual(items(res), [], `${path} is empty for org B`);
  }
});

test('org A ids used as references in org B bodies are not found', async () => {
  assertFieldError(await b.client.post(SERVICES, { name: 'Б', duration: 60, price_min: 1, category_id: A.category.id }), 'category_id', 'not_found');
  assertFieldError(await b.client.post(SERVICES, { name: 'Б', duration: 60, price_min: 1, room_ids: [A.room.id] }), 'room_ids', 'not_found');
  assertFieldError(await b.client.post(SERVICES, { name: 'Б', duration: 60, price_min: 1, staff: [{ staff_id: A.staff.id }] }), 'staff', 'not_found');
  assertFieldError(await b.client.post(STAFF, { branch_id: bBranch.id, name: 'Б', service_ids: [A.service.id] }), 'service_ids', 'not_found');
  assertFieldError(await b.client.put(`${STAFF}/${bStaff.id}/services`, { service_ids: [A.service.id] }), 'service_ids', 'not_found');
  assertFieldError(await b.client.post(STAFF, { branch_id: bBranch.id, name: 'Б', user_id: a.payload.user.id }), 'user_id', 'not_found');
  for (const [path, body] of [
    [STAFF, { branch_id: aBranch.id, name: 'Б' }],
    [ROOMS, { branch_id: aBranch.id, name: 'Б', capacity: 1 }],
  ]) {
    const res = await b.client.post(path, body);
    assert.ok([404, 422].includes(res.status), `POST ${path} into org A's branch: ${res.status} ${res.text.slice(0, 300)}`);
  }
  for (const [path, ids] of [
    [`${CATEGORIES}/order`, [A.category.id]],
    [`${SERVICES}/order`, [A.service.id]],
  ]) {
    const res = await b.client.put(path, { ids });
    assert.ok(res.status >= 400 && res.status < 500, `PUT ${path} with org A ids: ${res.status} ${res.text.slice(0, 300)}`);
  }
});

test('org A is untouched after all of that', async () => {
  const c = (await getJson(a.client, CATEGORIES)).items.find((x) => x.id === A.category.id);
  assert.equal(c.name, 'Категорія А');
  const s = await getJson(a.client, `${SERVICES}/${A.service.id}`);
  assert.equal(s.name, 'Послуга А');
  assert.equal(s.archived, false);
  assert.deepEqual(s.room_ids, [A.room.id]);
  assert.deepEqual(s.staff.map((x) => x.staff_id), [A.staff.id]);
  const r = await getJson(a.client, `${ROOMS}/${A.room.id}`);
  assert.equal(r.name, 'Кабінет А');
  assert.equal(r.archived, false);
  const m = await getJson(a.client, `${STAFF}/${A.staff.id}`);
  assert.equal(m.name, 'Майстер А');
  assert.equal(m.archived, false);
  assert.deepEqual(m.service_ids, [A.service.id]);
  const sched = await getJson(a.client, `${STAFF}/${A.staff.id}/schedule`);
  assert.equal(sched.patterns.length, 1);
  const abs = items(await a.client.get(`${STAFF}/${A.staff.id}/absences?from=2026-11-01&to=2026-12-31`));
  assert.deepEqual(abs.map((x) => x.id), [A.absence.id]);
  const closed = items(await a.client.get(`/api/v1/branches/${aBranch.id}/closed-days`));
  assert.deepEqual(closed.map((d) => d.date), ['2026-12-31']);
  assertProblem(await b.client.get(`${STAFF}/${A.staff.id}`), 404, 'not-found');
});
