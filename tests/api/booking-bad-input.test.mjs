// Bad input to every booking endpoint: malformed JSON, wrong types, huge notes, unknown ids,
// impossible dates and instants, odd path segments and query strings. The answer is a 4xx
// problem+json naming the field where there is one, never a 5xx.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertStatus } from '../lib/api.mjs';
import {
  APPOINTMENTS,
  AVAILABILITY,
  JOURNAL,
  GROUP_EVENTS,
  WAITLIST,
  EVENTS,
  setupSalon,
  book,
  postAppointment,
  oneItem,
  at,
  future,
  assertFieldErr,
  assert4xxProblem,
  assertBookingProblem,
  eachCase,
} from '../lib/booking.mjs';

let server;
let s;
let appt;
let group;
let entry;

before(async () => {
  server = await startServer();
  s = await setupSalon(server);
  appt = await book(s.c, oneItem(s, { start: at(future(8), '10:00') }));
  const g = await s.c.post(GROUP_EVENTS, { branch_id: s.branch.id, service_id: s.services.group.id, staff_id: s.bohdana.id, start: at(future(8), '12:00'), capacity: 3 });
  assertStatus(g, 201);
  group = g.json;
  const w = await s.c.post(WAITLIST, { branch_id: s.branch.id, client_id: s.client.id, service_ids: [s.services.cut.id], date_from: future(9), date_to: future(9) });
  assertStatus(w, 201);
  entry = w.json;
});
after(async () => {
  await server?.stop();
});

const raw = (method, path, body, contentType = 'application/json', headers = {}) =>
  s.c.request(method, path, { body, contentType, headers });

test('malformed JSON, no body, a non-object body and a wrong content type are 4xx problems', async () => {
  for (const [method, path] of [
    ['POST', APPOINTMENTS],
    ['PATCH', `${APPOINTMENTS}/${appt.id}`],
    ['POST', `${APPOINTMENTS}/${appt.id}/status`],
    ['PUT', `${APPOINTMENTS}/${appt.id}/visit`],
    ['POST', GROUP_EVENTS],
    ['PATCH', `${GROUP_EVENTS}/${group.id}`],
    ['POST', `${GROUP_EVENTS}/${group.id}/participants`],
    ['POST', WAITLIST],
    ['PATCH', `${WAITLIST}/${entry.id}`],
  ]) {
    assertBookingProblem(await raw(method, path, '{"branch_id": 1,'), 400, 'malformed-json', `${method} ${path} truncated`);
    assertBookingProblem(await raw(method, path, '{"a": 1} trailing'), 400, 'malformed-json', `${method} ${path} trailing`);
    assert4xxProblem(await raw(method, path, ''), `${method} ${path} empty`);
    assert4xxProblem(await raw(method, path, '[1, 2]'), `${method} ${path} array`);
    assert4xxProblem(await raw(method, path, '"text"'), `${method} ${path} string`);
    assert4xxProblem(await raw(method, path, 'branch_id=1', 'application/x-www-form-urlencoded'), `${method} ${path} form`);
  }
});

test('POST /appointments: wrong types and out-of-range values are 422 naming the field', async () => {
  const d = future(10);
  const base = () => oneItem(s, { start: at(d, '10:00') });
  const withItem = (patch) => {
    const b = base();
    Object.assign(b.items[0], patch);
    return b;
  };
  await eachCase(
    [
      [{ ...base(), branch_id: 'x' }, 'branch_id'],
      [{ ...base(), branch_id: undefined }, 'branch_id'],
      [{ ...base(), branch_id: 987654321 }, 'branch_id'],
      [{ ...base(), client_id: null }, 'client_id'],
      [{ ...base(), client_id: '5' }, 'client_id'],
      [{ ...base(), client_id: 1.5 }, 'client_id'],
      [{ ...base(), items: 'cut' }, 'items'],
      [{ ...base(), items: [] }, 'items'],
      [{ ...base(), items: [null] }, 'items[0]'],
      [{ ...base(), items: undefined }, 'items'],
      [withItem({ service_id: 'x' }), 'items[0].service_id'],
      [withItem({ service_id: undefined }), 'items[0].service_id'],
      [withItem({ staff_id: [] }), 'items[0].staff_id'],
      [withItem({ start: 'tomorrow' }), 'items[0].start'],
      [withItem({ start: '2026-02-30T10:00:00Z' }), 'items[0].start'],
      [withItem({ start: '2026-12-01T25:00:00Z' }), 'items[0].start'],
      [withItem({ start: '2026-12-01T10:00:00' }), 'items[0].start'],
      [withItem({ start: 1764583200 }), 'items[0].start'],
      [withItem({ duration: 0 }), 'items[0].duration'],
      [withItem({ duration: -60 }), 'items[0].duration'],
      [withItem({ duration: '60' }), 'items[0].duration'],
      [withItem({ duration: 100000 }), 'items[0].duration'],
      [withItem({ price: -1 }), 'items[0].price'],
      [withItem({ price: 'free' }), 'items[0].price'],
      [withItem({ price: 10.5 }), 'items[0].price'],
      [withItem({ discount_percent: 101 }), 'items[0].discount_percent'],
      [withItem({ discount_percent: -1 }), 'items[0].discount_percent'],
      [withItem({ room_id: 987654321 }), 'items[0].room_id'],
      [withItem({ room_id: 'big' }), 'items[0].room_id'],
      [{ ...base(), source: 'fax' }, 'source'],
      [{ ...base(), source: 1 }, 'source'],
      [{ ...base(), notes: 'я'.repeat(2001) }, 'notes'],
      [{ ...base(), notes: 42 }, 'notes'],
      [{ ...base(), allow_outside_hours: 'yes' }, 'allow_outside_hours'],
      [{ ...base(), allow_outside_hours: 1 }, 'allow_outside_hours'],
      [{ ...base(), recurrence: { every: 1, unit: 'week' } }, 'recurrence'],
      [{ ...base(), recurrence: [] }, 'recurrence'],
    ],
    async ([body, field]) => {
      assertFieldErr(await postAppointment(s.c, body), field);
    },
  );
  // 2000 characters of notes is fine.
  const ok = await postAppointment(s.c, { ...base(), notes: 'я'.repeat(2000) });
  assertStatus(ok, 201, '2000 characters of notes');
  // Too many items is refused, not a 5xx.
  const many = base();
  for (let i = 0; i < 200; i++) many.items.push({ service_id: s.services.quick.id, staff_id: s.bohdana.id });
  assert4xxProblem(await postAppointment(s.c, many), '200 items');
});

test('Idempotency-Key longer than 100 characters is refused', async () => {
  const res = await postAppointment(s.c, oneItem(s, { start: at(future(11), '10:00') }), { 'Idempotency-Key': 'k'.repeat(101) });
  assert4xxProblem(res, 'Idempotency-Key of 101 characters');
  const ok = await postAppointment(s.c, oneItem(s, { start: at(future(11), '10:00') }), { 'Idempotency-Key': 'k'.repeat(100) });
  assertStatus(ok, 201, '100 characters');
  // A byte outside printable ASCII (here 0xE9, not valid UTF-8 on its own) is refused, not a 5xx.
  const latin = await postAppointment(s.c, oneItem(s, { start: at(future(11), '12:00') }), { 'Idempotency-Key': 'caf\u00e9-1' });
  assert4xxProblem(latin, 'Idempotency-Key with a non-ASCII byte');
});

test('PATCH, status and visit: wrong values name the field', async () => {
  const id = appt.id;
  await eachCase(
    [
      ['PATCH', `${APPOINTMENTS}/${id}`, { notes: 'я'.repeat(2001) }, 'notes'],
      ['PATCH', `${APPOINTMENTS}/${id}`, { start: 'later' }, 'start'],
      ['PATCH', `${APPOINTMENTS}/${id}`, { start: '9999-12-31T23:00:00Z' }, 'start'],
      ['PATCH', `${APPOINTMENTS}/${id}`, { start: '2026-13-01T10:00:00Z' }, 'start'],
      ['PATCH', `${APPOINTMENTS}/${id}`, { staff_id: 'x' }, 'staff_id'],
      ['PATCH', `${APPOINTMENTS}/${id}`, { staff_id: 987654321 }, 'staff_id'],
      ['PATCH', `${APPOINTMENTS}/${id}`, { items: [] }, 'items'],
      ['PATCH', `${APPOINTMENTS}/${id}`, { items: [{ service_id: 987654321, staff_id: s.anna.id, start: appt.start }] }, 'items[0].service_id'],
      ['PATCH', `${APPOINTMENTS}/${id}`, { scope: 'all' }, 'scope'],
      ['PATCH', `${APPOINTMENTS}/${id}`, { allow_outside_hours: 'no' }, 'allow_outside_hours'],
      ['POST', `${APPOINTMENTS}/${id}/status`, { status: 'done' }, 'status'],
      ['POST', `${APPOINTMENTS}/${id}/status`, { status: 7 }, 'status'],
      ['POST', `${APPOINTMENTS}/${id}/status`, { status: 'cancelled', reason: 'я'.repeat(2001) }, 'reason'],
      ['POST', `${APPOINTMENTS}/${id}/status`, { status: 'cancelled', cancelled_by: 'robot' }, 'cancelled_by'],
      ['POST', `${APPOINTMENTS}/${id}/status`, { status: 'cancelled', scope: 'everything' }, 'scope'],
      ['PUT', `${APPOINTMENTS}/${id}/visit`, { notes: 5, formula: '', photo_file_ids: [] }, 'notes'],
      ['PUT', `${APPOINTMENTS}/${id}/visit`, { notes: '', formula: '', photo_file_ids: 'x' }, 'photo_file_ids'],
      ['PUT', `${APPOINTMENTS}/${id}/visit`, { notes: 'я'.repeat(10001), formula: '', photo_file_ids: [] }, 'notes'],
    ],
    async ([method, path, json, field]) => {
      assertFieldErr(await s.c.request(method, path, { json }), field);
    },
  );
  const still = (await s.c.get(`${APPOINTMENTS}/${id}`)).json;
  assert.equal(still.status, 'booked', 'nothing changed');
  assert.equal(still.version, appt.version);
});

test('unknown or odd ids in the path: 404 (or 400), never 5xx', async () => {
  for (const seg of ['987654321', '0', '-1', 'abc', '1.5', '99999999999999999999', '%00', '1%20OR%201=1']) {
    for (const [method, path, json] of [
      ['GET', `${APPOINTMENTS}/${seg}`],
      ['PATCH', `${APPOINTMENTS}/${seg}`, { notes: 'x' }],
      ['POST', `${APPOINTMENTS}/${seg}/status`, { status: 'cancelled' }],
      ['PUT', `${APPOINTMENTS}/${seg}/visit`, { notes: '', formula: '', photo_file_ids: [] }],
      ['GET', `${GROUP_EVENTS}/${seg}`],
      ['POST', `${GROUP_EVENTS}/${seg}/participants`, { client_id: s.client.id }],
      ['POST', `${GROUP_EVENTS}/${seg}/cancel`, {}],
      ['PATCH', `${WAITLIST}/${seg}`, { status: 'closed' }],
      ['GET', `/api/v1/clients/${seg}/appointments`],
    ]) {
      const res = await s.c.request(method, path, json === undefined ? {} : { json });
      assert.ok([400, 404].includes(res.status), `${method} ${path}: 404 or 400, got ${res.status} ${res.text.slice(0, 200)}`);
      assert4xxProblem(res, `${method} ${path}`);
    }
  }
});

test('odd query strings on the GET endpoints: 4xx problems, never 5xx', async () => {
  const d = future(12);
  const svc = s.services.cut.id;
  const b = s.branch.id;
  const queries = [
    `${AVAILABILITY}?branch_id=${b}&service_ids=${svc}&from=${d}&to=9999-99-99`,
    `${AVAILABILITY}?branch_id=${b}&service_ids=${svc}&from=0000-00-00&to=${d}`,
    `${AVAILABILITY}?branch_id=${b}&service_ids=${svc}&from=${d}&to=${d}&staff_id=-1`,
    `${AVAILABILITY}?branch_id=${b}&service_ids=${svc}&from=${d}&to=${d}&same_master=maybe`,
    `${AVAILABILITY}?branch_id=${b}&service_ids=${Array.from({ length: 500 }, () => svc).join(',')}&from=${d}&to=${d}`,
    `${AVAILABILITY}?branch_id=99999999999999999999&service_ids=${svc}&from=${d}&to=${d}`,
    `${AVAILABILITY}?branch_id=${b}&service_ids=${svc}&from=${d}T10:00:00Z&to=${d}`,
    `${JOURNAL}?branch_id=${b}&date=${d}&days=99999999999999999999`,
    `${JOURNAL}?branch_id=${b}&date=${d}&include_cancelled=perhaps`,
    `${JOURNAL}?branch_id=${b}&date=%00`,
    `${GROUP_EVENTS}?branch_id=${b}&from=x&to=${d}`,
    `${GROUP_EVENTS}?branch_id=${b}&from=${d}&to=2026-02-30`,
    `${WAITLIST}?branch_id=x`,
    `/api/v1/clients/${s.client.id}/appointments?limit=-5`,
    `/api/v1/clients/${s.client.id}/appointments?limit=x`,
    `/api/v1/clients/${s.client.id}/appointments?cursor=garbage`,
    `${EVENTS}?branch_id=x`,
    `${EVENTS}?branch_id=-1`,
  ];
  const failures = [];
  for (const q of queries) {
    const res = await s.c.get(q, { timeoutMs: 5000 }).catch((e) => ({ status: 0, text: String(e), headers: new Headers() }));
    if (!(res.status >= 400 && res.status < 500)) failures.push(`${q.slice(0, 120)} -> ${res.status} ${res.text.slice(0, 160)}`);
    else if (!/^application\/problem\+json/.test(res.headers.get('content-type') ?? '')) failures.push(`${q.slice(0, 120)} -> ${res.status} not problem+json`);
  }
  assert.deepEqual(failures, [], failures.join('\n'));
});

test('deterministic odd values for every field of every write body: never a 5xx', async () => {
  const ODD = ['null', 'true', '0', '-1', '1.5', '1e400', '9223372036854775808', '""', `"${'я'.repeat(3000)}"`, '"\\u0000"', '"\\ud83d"', '"2026-02-30"', '[]', '[null]', '{}'];
  const d = future(13);
  const templates = {
    [`POST ${APPOINTMENTS}`]: {
      branch_id: s.branch.id,
      client_id: s.client.id,
      items: [{ service_id: s.services.cut.id, staff_id: s.anna.id, start: at(d, '10:00') }],
      notes: '',
      source: 'phone',
      allow_outside_hours: false,
      recurrence: { every: 1, unit: 'week', count: 2 },
    },
    [`PATCH ${APPOINTMENTS}/${appt.id}`]: { start: appt.start, staff_id: s.anna.id, notes: '', allow_outside_hours: false, scope: 'this' },
    [`POST ${APPOINTMENTS}/${appt.id}/status`]: { status: 'confirmed', reason: '', cancelled_by: 'salon', scope: 'this' },
    [`PUT ${APPOINTMENTS}/${appt.id}/visit`]: { notes: '', formula: '', photo_file_ids: [] },
    [`POST ${GROUP_EVENTS}`]: { branch_id: s.branch.id, service_id: s.services.group.id, staff_id: s.bohdana.id, start: at(d, '15:00'), capacity: 2, notes: '' },
    [`PATCH ${GROUP_EVENTS}/${group.id}`]: { capacity: 4, notes: '' },
    [`POST ${GROUP_EVENTS}/${group.id}/participants`]: { client_id: s.vip.id, notes: '' },
    [`POST ${WAITLIST}`]: {
      branch_id: s.branch.id,
      client_id: s.client.id,
      service_ids: [s.services.cut.id],
      staff_id: s.anna.id,
      date_from: d,
      date_to: d,
      time_from: '10:00',
      time_to: '12:00',
      notes: '',
    },
    [`PATCH ${WAITLIST}/${entry.id}`]: { status: 'waiting', notes: '' },
  };
  const failures = [];
  for (const [route, tmpl] of Object.entries(templates)) {
    const [method, path] = route.split(' ');
    const fields = Object.keys(tmpl);
    for (const f of fields) {
      for (const v of ODD) {
        const text = JSON.stringify(tmpl).replace(new RegExp(`"${f}":(\\{[^}]*\\}|\\[[^\\]]*\\]|"[^"]*"|[^,}]*)`), `"${f}":${v}`);
        const res = await s.c.request(method, path, { body: text, contentType: 'application/json' });
        if (res.status >= 500) failures.push(`${route} ${f}=${v.slice(0, 30)} -> ${res.status}`);
        else if (res.status >= 400 && !/^application\/problem\+json/.test(res.headers.get('content-type') ?? '')) {
          failures.push(`${route} ${f}=${v.slice(0, 30)} -> ${res.status} without problem+json`);
        }
      }
    }
  }
  // Every field of an item, too.
  const item = { service_id: s.services.quick.id, staff_id: s.bohdana.id, start: at(d, '17:00'), duration: 30, price: 100, discount_percent: 0, room_id: null };
  for (const f of Object.keys(item)) {
    for (const v of ODD) {
      const itemText = JSON.stringify(item).replace(new RegExp(`"${f}":("[^"]*"|[^,}]*)`), `"${f}":${v}`);
      const text = `{"branch_id":${s.branch.id},"client_id":${s.client.id},"items":[${itemText}]}`;
      const res = await s.c.request('POST', APPOINTMENTS, { body: text, contentType: 'application/json' });
      if (res.status >= 500) failures.push(`POST ${APPOINTMENTS} items[0].${f}=${v.slice(0, 30)} -> ${res.status}`);
      else if (res.status >= 400 && !/^application\/problem\+json/.test(res.headers.get('content-type') ?? '')) {
        failures.push(`POST ${APPOINTMENTS} items[0].${f}=${v.slice(0, 30)} -> ${res.status} without problem+json`);
      }
    }
  }
  assert.deepEqual(failures, [], `${failures.length} 5xx or non-problem answers:\n${failures.slice(0, 40).join('\n')}`);
});
