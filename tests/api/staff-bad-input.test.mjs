// Every write endpoint of the catalog and staff modules against a deterministic set of odd
// values for every field, odd query strings and odd path segments: the answer is never a
// 5xx, and a refused request is a problem+json 4xx.
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
  branchOf,
  each,
  assertBadQuery,
  createCategory,
  createService,
  createRoom,
  createStaff,
  putSchedule,
  weekly,
  iv,
} from '../lib/staff.mjs';

let server;
let owner;
let branch;
let cat;
let service;
let room;
let staff;
let absenceId;

before(async () => {
  server = await startServer();
  owner = await signup(server);
  branch = branchOf(owner);
  cat = await createCategory(owner.client, { name: 'Фаз' });
  room = await createRoom(owner.client, branch.id, { name: 'Фаз' });
  staff = await createStaff(owner.client, branch.id, { name: 'Фаз' });
  service = await createService(owner.client, { name: 'Фаз', category_id: cat.id });
  await putSchedule(owner.client, staff.id, { patterns: [weekly('2026-01-05')] });
  const a = await owner.client.post(`${STAFF}/${staff.id}/absences`, { from: '2026-12-01', to: '2026-12-02', reason: 'other' });
  assertStatus(a, 201);
  absenceId = a.json.id;
});
after(async () => {
  await server?.stop();
});

const ODD = [
  'null',
  'true',
  '0',
  '-1',
  '1.5',
  '-0',
  '1e400',
  '9223372036854775808',
  '-9223372036854775809',
  '""',
  '"   "',
  `"${'я'.repeat(3000)}"`,
  '"\\u0000"',
  '"\\ud83d"',
  '"25:99"',
  '"2026-02-30"',
  '[]',
  '[null]',
  '[1, "a", {}]',
  '{}',
  '{"start": "09:00", "end": "10:00"}',
];

function problemsOf(res, what) {
  if (res.status >= 500) return [`${what} -> ${res.status}`];
  if (res.status >= 400 && !/^application\/problem\+json/.test(res.headers.get('content-type') ?? '')) {
    return [`${what} -> ${res.status} without problem+json`];
  }
  return [];
}

/** Sends base + one odd field for every field and odd value; collects 5xx and non-problem 4xx. */
async function sweep(method, path, fields, base = {}) {
  const problems = [];
  const baseText = JSON.stringify(base).slice(1, -1);
  for (const field of fields) {
    for (const value of ODD) {
      const raw = `{${baseText}${baseText ? ',' : ''}"${field}": ${value}}`;
      const res = await owner.client.request(method, path, { body: raw, contentType: 'application/json' });
      problems.push(...problemsOf(res, `${method} ${path} ${field}=${value.slice(0, 40)}`));
    }
  }
  return problems;
}

const SERVICE_FIELDS = ['category_id', 'name', 'description', 'duration', 'price_min', 'price_max', 'buffer_after', 'processing',
  'online_booking', 'group', 'capacity', 'room_ids', 'repeat_after_days', 'staff', 'position', 'archived', 'id', 'created_at'];
const STAFF_FIELDS = ['branch_id', 'name', 'position', 'bio', 'phone', 'email', 'color', 'photo_file_id', 'service_ids',
  'online_booking', 'booking_step', 'hire_date', 'work_permit_expires', 'user_id', 'archived', 'id'];

test('services and categories never answer 5xx to odd field values', async () => {
  const problems = [
    ...(await sweep('POST', SERVICES, SERVICE_FIELDS, { name: 'Фаз-нова', duration: 60, price_min: 100 })),
    ...(await sweep('PATCH', `${SERVICES}/${service.id}`, SERVICE_FIELDS.filter((f) => f !== 'archived'))),
    ...(await sweep('POST', CATEGORIES, ['name', 'color', 'icon', 'position'], { name: 'Фаз-к' })),
    ...(await sweep('PATCH', `${CATEGORIES}/${cat.id}`, ['name', 'color', 'icon', 'position'])),
    ...(await sweep('PUT', `${CATEGORIES}/order`, ['ids'])),
    ...(await sweep('PUT', `${SERVICES}/order`, ['ids'])),
  ];
  // Nested odd values inside services' staff entries and processing.
  for (const value of ODD) {
    for (const raw of [
      `{"name": "n", "duration": 60, "price_min": 1, "staff": [{"staff_id": ${value}}]}`,
      `{"name": "n", "duration": 60, "price_min": 1, "staff": [{"staff_id": ${staff.id}, "duration": ${value}, "price_min": ${value}}]}`,
      `{"name": "n", "duration": 60, "price_min": 1, "processing": {"start": ${value}, "duration": ${value}}}`,
      `{"name": "n", "duration": 60, "price_min": 1, "room_ids": [${value}]}`,
    ]) {
      const res = await owner.client.request('POST', SERVICES, { body: raw, contentType: 'application/json' });
      problems.push(...problemsOf(res, `POST ${SERVICES} ${raw.slice(0, 100)}`));
    }
  }
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('rooms and staff never answer 5xx to odd field values', async () => {
  const problems = [
    ...(await sweep('POST', ROOMS, ['branch_id', 'name', 'capacity', 'closures', 'service_ids', 'archived'], { branch_id: branch.id, name: 'R', capacity: 1 })),
    ...(await sweep('PATCH', `${ROOMS}/${room.id}`, ['branch_id', 'name', 'capacity', 'closures', 'service_ids'])),
    ...(await sweep('POST', STAFF, STAFF_FIELDS, { branch_id: branch.id, name: 'Фаз-м' })),
    ...(await sweep('PATCH', `${STAFF}/${staff.id}`, STAFF_FIELDS.filter((f) => f !== 'archived'))),
    ...(await sweep('PUT', `${STAFF}/${staff.id}/services`, ['service_ids'])),
  ];
  for (const value of ODD) {
    const raw = `{"branch_id": ${branch.id}, "name": "R", "capacity": 1, "closures": [{"start": ${value}, "end": ${value}, "reason": ${value}}]}`;
    const res = await owner.client.request('POST', ROOMS, { body: raw, contentType: 'application/json' });
    problems.push(...problemsOf(res, `POST ${ROOMS} closures ${value.slice(0, 40)}`));
  }
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('schedules, absences and closed days never answer 5xx to odd values at any depth', async () => {
  const path = `${STAFF}/${staff.id}/schedule`;
  const problems = [
    ...(await sweep('PUT', path, ['patterns', 'exceptions'])),
    ...(await sweep('POST', `${STAFF}/${staff.id}/absences`, ['from', 'to', 'reason', 'note'], { from: '2026-12-10', to: '2026-12-11', reason: 'other' })),
    ...(await sweep('PUT', `/api/v1/branches/${branch.id}/closed-days`, ['items'])),
  ];
  const templates = [
    (v) => `{"patterns": [${v}], "exceptions": []}`,
    (v) => `{"patterns": [{"kind": ${v}, "valid_from": "2026-01-01", "day": [{"start": "09:00", "end": "10:00"}]}], "exceptions": []}`,
    (v) => `{"patterns": [{"kind": "every_day", "valid_from": ${v}, "valid_until": ${v}, "day": [{"start": "09:00", "end": "10:00"}]}], "exceptions": []}`,
    (v) => `{"patterns": [{"kind": "every_day", "valid_from": "2026-01-01", "day": ${v}}], "exceptions": []}`,
    (v) => `{"patterns": [{"kind": "every_day", "valid_from": "2026-01-01", "day": [${v}]}], "exceptions": []}`,
    (v) => `{"patterns": [{"kind": "every_day", "valid_from": "2026-01-01", "day": [{"start": ${v}, "end": ${v}}]}], "exceptions": []}`,
    (v) => `{"patterns": [{"kind": "weekly", "valid_from": "2026-01-01", "weekdays": ${v}}], "exceptions": []}`,
    (v) => `{"patterns": [{"kind": "weekly", "valid_from": "2026-01-01", "weekdays": [${v}, [], [], [], [], [], []]}], "exceptions": []}`,
    (v) => `{"patterns": [{"kind": "cycle", "valid_from": "2026-01-01", "cycle": ${v}}], "exceptions": []}`,
    (v) => `{"patterns": [{"kind": "cycle", "valid_from": "2026-01-01", "cycle": [${v}]}], "exceptions": []}`,
    (v) => `{"patterns": [], "exceptions": [${v}]}`,
    (v) => `{"patterns": [], "exceptions": [{"date": ${v}, "intervals": ${v}}]}`,
  ];
  for (const t of templates) {
    for (const v of ODD) {
      const raw = t(v);
      const res = await owner.client.request('PUT', path, { body: raw, contentType: 'application/json' });
      problems.push(...problemsOf(res, `PUT schedule ${raw.slice(0, 120)}`));
    }
  }
  for (const v of ODD) {
    const raw = `{"items": [{"date": ${v}, "reason": ${v}}]}`;
    const res = await owner.client.request('PUT', `/api/v1/branches/${branch.id}/closed-days`, { body: raw, contentType: 'application/json' });
    problems.push(...problemsOf(res, `PUT closed-days ${raw.slice(0, 80)}`));
  }
  // The schedule is still readable and expandable afterwards.
  assertStatus(await owner.client.get(path), 200);
  assertStatus(await owner.client.get(`${STAFF}/${staff.id}/work-intervals?from=2026-11-01&to=2026-11-30`), 200);
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('malformed bodies: not JSON, not an object, wrong content type', async () => {
  const targets = [
    ['POST', SERVICES],
    ['PATCH', `${SERVICES}/${service.id}`],
    ['POST', CATEGORIES],
    ['PUT', `${CATEGORIES}/order`],
    ['POST', ROOMS],
    ['POST', STAFF],
    ['PATCH', `${STAFF}/${staff.id}`],
    ['PUT', `${STAFF}/${staff.id}/schedule`],
    ['POST', `${STAFF}/${staff.id}/absences`],
    ['PUT', `/api/v1/branches/${branch.id}/closed-days`],
  ];
  for (const [method, path] of targets) {
    for (const raw of ['{', '{"name": }', '[]', '"text"', '42', 'null', '']) {
      const res = await owner.client.request(method, path, { body: raw, contentType: 'application/json' });
      assertProblem(res, 400, 'malformed-json');
    }
    const res = await owner.client.request(method, path, { body: 'name=x', contentType: 'application/x-www-form-urlencoded' });
    assertProblem(res, 415, 'unsupported-media-type');
  }
});

test('odd query strings never answer 5xx; bad filters are 400 naming the parameter', async () => {
  const values = ['', '%', '%zz', '%00', '-', '1e400', '9223372036854775808', '[]', "'", 'я'.repeat(300), 'a%2Cb', '2026-02-30', 'true'];
  const lists = [
    [SERVICES, ['category_id', 'staff_id', 'online', 'archived', 'limit', 'cursor']],
    [CATEGORIES, ['limit']],
    [ROOMS, ['branch_id', 'archived']],
    [STAFF, ['branch_id', 'service_id', 'archived']],
    [`${STAFF}/${staff.id}/absences`, ['from', 'to']],
    [`${STAFF}/${staff.id}/work-intervals`, ['from', 'to']],
    [STAFF_EVENTS, ['staff_id', 'limit', 'cursor']],
  ];
  const problems = [];
  for (const [path, params] of lists) {
    for (const p of params) {
      for (const v of values) {
        const base = path.endsWith('work-intervals') || path.endsWith('absences') ? { from: '2026-11-01', to: '2026-11-30' } : {};
        const q = new URLSearchParams(base);
        q.delete(p);
        const url = `${path}?${q.toString()}${q.toString() ? '&' : ''}${p}=${v}`;
        const res = await owner.client.get(url);
        problems.push(...problemsOf(res, `GET ${url.slice(0, 120)}`));
      }
    }
  }
  assert.deepEqual(problems, [], problems.join('\n'));
  await each(
    [
      [`${SERVICES}?category_id=abc`, 'category_id'],
      [`${SERVICES}?staff_id=x`, 'staff_id'],
      [`${SERVICES}?online=maybe`, 'online'],
      [`${SERVICES}?archived=2`, 'archived'],
      [`${ROOMS}?branch_id=x`, 'branch_id'],
      [`${STAFF}?branch_id=one`, 'branch_id'],
      [`${STAFF}?service_id=-`, 'service_id'],
      [`${STAFF}?archived=perhaps`, 'archived'],
      [`${STAFF}/${staff.id}/absences?from=2026-02-30&to=2026-03-01`, 'from'],
      [`${STAFF_EVENTS}?staff_id=abc`, 'staff_id'],
    ],
    async ([path, param]) => assertBadQuery(await owner.client.get(path), param),
  );
});

test('odd path segments never answer 5xx nor succeed', async () => {
  const ids = ['0', '-1', 'abc', '1e3', '9223372036854775808', '%00', '%E0%A4%A', '1;DROP', ' 1'];
  const problems = [];
  for (const id of ids) {
    for (const [method, path, json] of [
      ['GET', `${SERVICES}/${id}`],
      ['PATCH', `${SERVICES}/${id}`, { name: 'x' }],
      ['DELETE', `${SERVICES}/${id}`],
      ['PATCH', `${CATEGORIES}/${id}`, { name: 'x' }],
      ['DELETE', `${CATEGORIES}/${id}`],
      ['GET', `${ROOMS}/${id}`],
      ['GET', `${STAFF}/${id}`],
      ['PUT', `${STAFF}/${id}/services`, { service_ids: [] }],
      ['GET', `${STAFF}/${id}/schedule`],
      ['PUT', `${STAFF}/${id}/schedule`, { patterns: [], exceptions: [] }],
      ['GET', `${STAFF}/${id}/absences?from=2026-01-01&to=2026-01-31`],
      ['DELETE', `${STAFF}/${staff.id}/absences/${id}`],
      ['GET', `${STAFF}/${id}/work-intervals?from=2026-01-01&to=2026-01-31`],
      ['GET', `${STAFF}/${id}/calendar`],
      ['GET', `/api/v1/branches/${id}/closed-days`],
      ['GET', `/ical/${id}.ics`],
    ]) {
      let res;
      try {
        res = await owner.client.request(method, path, json === undefined ? {} : { json });
      } catch (e) {
        problems.push(`${method} ${path}: ${e.message}`);
        continue;
      }
      if (res.status >= 500) problems.push(`${method} ${path} -> ${res.status}`);
      else if (res.status < 400) problems.push(`${method} ${path} -> ${res.status} (expected a 4xx)`);
    }
  }
  assert.deepEqual(problems, [], problems.join('\n'));
  // The absence survived the odd deletes.
  const list = await owner.client.get(`${STAFF}/${staff.id}/absences?from=2026-11-01&to=2026-12-31`);
  assertStatus(list, 200);
  assert.ok(list.json.items.some((x) => x.id === absenceId));
});

test('huge but well-formed bodies are refused without a 5xx', async () => {
  const many = Array.from({ length: 5000 }, () => iv('09:00', '09:05'));
  const res = await owner.client.put(`${STAFF}/${staff.id}/schedule`, { patterns: [{ kind: 'every_day', valid_from: '2026-01-01', day: many }], exceptions: [] });
  assert.ok(res.status < 500, `5000 intervals: ${res.status}`);
  const exc = Array.from({ length: 3000 }, (_, i) => ({ date: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10), intervals: [] }));
  const r2 = await owner.client.put(`${STAFF}/${staff.id}/schedule`, { patterns: [], exceptions: exc });
  assert.ok(r2.status < 500, `3000 exceptions: ${r2.status}`);
  const r3 = await owner.client.post(SERVICES, { name: 'x', duration: 60, price_min: 1, room_ids: Array.from({ length: 10000 }, (_, i) => i + 1) });
  assert.ok(r3.status >= 400 && r3.status < 500, `10000 unknown rooms: ${r3.status}`);
  // Leave a sane schedule behind.
  await putSchedule(owner.client, staff.id, { patterns: [weekly('2026-01-05')] });
});
