// Waitlist: create and list entries, validation, closing; a cancellation that frees a matching
// time turns a waiting entry into "offered" with offered_start and offered_staff_id, while an
// entry whose window does not match stays waiting.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertStatus } from '../lib/api.mjs';
import { createStaff, putSchedule, daily, iv } from '../lib/staff.mjs';
import {
  WAITLIST,
  setupSalon,
  book,
  status,
  oneItem,
  newClient,
  at,
  future,
  addDays,
  sameInstant,
  assertWaitlistEntry,
  assertFieldErr,
  EVERY_DAY_9_TO_6,
} from '../lib/booking.mjs';

let server;
let s;

before(async () => {
  server = await startServer();
  s = await setupSalon(server);
});
after(async () => {
  await server?.stop();
});

async function addEntry(body, msg = 'waitlist entry') {
  const res = await s.c.post(WAITLIST, { branch_id: s.branch.id, service_ids: [s.services.cut.id], ...body });
  assertStatus(res, 201, msg);
  assertWaitlistEntry(res.json);
  return res.json;
}

async function list(statusFilter) {
  const res = await s.c.get(`${WAITLIST}?branch_id=${s.branch.id}${statusFilter ? `&status=${statusFilter}` : ''}`);
  assertStatus(res, 200, `waitlist ${statusFilter ?? ''}`);
  assert.ok(Array.isArray(res.json.items), res.text.slice(0, 300));
  res.json.items.forEach(assertWaitlistEntry);
  return res.json.items;
}

const find = async (id) => (await list()).find((e) => e.id === id);

test('create: every field round-trips, status waiting, listed by status', async () => {
  const who = await newClient(s.c, 'Чекає');
  const d = future(20);
  const e = await addEntry({
    client_id: who.id,
    staff_id: s.anna.id,
    date_from: d,
    date_to: addDays(d, 3),
    time_from: '12:00',
    time_to: '16:00',
    notes: 'Тільки після обіду',
  });
  assert.equal(e.branch_id, s.branch.id);
  assert.equal(e.client_id, who.id);
  assert.equal(e.client.id, who.id);
  assert.equal(e.client.phone, who.phones[0]);
  assert.deepEqual(e.service_ids, [s.services.cut.id]);
  assert.equal(e.staff_id, s.anna.id);
  assert.equal(e.date_from, d);
  assert.equal(e.date_to, addDays(d, 3));
  assert.equal(e.time_from, '12:00');
  assert.equal(e.time_to, '16:00');
  assert.equal(e.notes, 'Тільки після обіду');
  assert.equal(e.status, 'waiting');
  assert.equal(e.offered_start, null);
  assert.equal(e.offered_staff_id, null);
  assert.ok((await list('waiting')).some((x) => x.id === e.id), 'listed as waiting');
  assert.ok(!(await list('offered')).some((x) => x.id === e.id), 'not listed as offered');

  const minimal = await addEntry({ client_id: who.id, date_from: d, date_to: d });
  assert.equal(minimal.staff_id, null);
  assert.equal(minimal.time_from, null);
  assert.equal(minimal.time_to, null);
  assert.equal(minimal.notes, '');

  const closed = await s.c.patch(`${WAITLIST}/${minimal.id}`, { status: 'closed', notes: 'Записалась сама' });
  assertStatus(closed, 200, 'close');
  assert.equal(closed.json.status, 'closed');
  assert.equal(closed.json.notes, 'Записалась сама');
  assert.ok((await list('closed')).some((x) => x.id === minimal.id));
  assert.ok(!(await list('waiting')).some((x) => x.id === minimal.id));
});

test('a cancellation that frees a matching time offers it to the waiting client', async () => {
  // A master who works only 10:00-11:00 on day D: one visit fills the day.
  const d = future(21);
  const m = await createStaff(s.c, s.branch.id, { name: 'Вузький день', service_ids: [s.services.cut.id] });
  await putSchedule(s.c, m.id, {
    patterns: [daily('every_day', '2026-01-01', EVERY_DAY_9_TO_6)],
    exceptions: [{ date: d, intervals: [iv('10:00', '11:00')] }],
  });
  const holder = await newClient(s.c, 'Має запис');
  const a = await book(s.c, oneItem(s, { client: holder, staff: m, start: at(d, '10:00') }));

  const waiting = await newClient(s.c, 'Хоче туди ж');
  const match = await addEntry({ client_id: waiting.id, staff_id: m.id, date_from: d, date_to: d });
  const tooLong = await newClient(s.c, 'Довга послуга');
  const noFit = await addEntry({ client_id: tooLong.id, service_ids: [s.services.color.id], staff_id: m.id, date_from: d, date_to: d });
  const evening = await newClient(s.c, 'Тільки ввечері');
  const noMatch = await addEntry({ client_id: evening.id, staff_id: m.id, date_from: d, date_to: d, time_from: '15:00', time_to: '17:00' });
  assert.equal(match.status, 'waiting', 'nothing free at first');

  await status(s.c, a.id, { status: 'cancelled', cancelled_by: 'client' });
  const offered = await find(match.id);
  assert.equal(offered.status, 'offered', `the entry is offered: ${JSON.stringify(offered)}`);
  sameInstant(offered.offered_start, at(d, '10:00'), 'offered_start');
  assert.equal(offered.offered_staff_id, m.id);
  assert.ok((await list('offered')).some((x) => x.id === match.id), 'listed as offered');
  assert.equal((await find(noMatch.id)).status, 'waiting', 'an entry whose time window does not match keeps waiting');
  assert.equal((await find(noFit.id)).status, 'waiting', 'a 120-minute service does not fit the freed hour');

  const booked = await s.c.patch(`${WAITLIST}/${match.id}`, { status: 'booked' });
  assertStatus(booked, 200);
  assert.equal(booked.json.status, 'booked');
});

test('a move that frees a matching time offers it too', async () => {
  const d = future(22);
  const m = await createStaff(s.c, s.branch.id, { name: 'Перенесення', service_ids: [s.services.cut.id] });
  await putSchedule(s.c, m.id, {
    patterns: [daily('every_day', '2026-01-01', EVERY_DAY_9_TO_6)],
    exceptions: [{ date: d, intervals: [iv('10:00', '11:00')] }],
  });
  const holder = await newClient(s.c, 'Переносить');
  const a = await book(s.c, oneItem(s, { client: holder, staff: m, start: at(d, '10:00') }));
  const waiting = await newClient(s.c, 'Чекає переносу');
  const e = await addEntry({ client_id: waiting.id, staff_id: m.id, date_from: d, date_to: d });
  const moved = await s.c.patch(`/api/v1/appointments/${a.id}`, { start: at(addDays(d, 1), '10:00') });
  assertStatus(moved, 200, 'move to the next day');
  const after = await find(e.id);
  assert.equal(after.status, 'offered', `offered after the move: ${JSON.stringify(after)}`);
  sameInstant(after.offered_start, at(d, '10:00'));
});

test('validation: dates, times, services, client', async () => {
  const who = await newClient(s.c, 'Валідація');
  const d = future(23);
  const base = { branch_id: s.branch.id, client_id: who.id, service_ids: [s.services.cut.id], date_from: d, date_to: d };
  for (const [over, field] of [
    [{ date_to: addDays(d, -1) }, 'date_to'],
    [{ date_from: '2026-02-30' }, 'date_from'],
    [{ date_from: undefined }, 'date_from'],
    [{ service_ids: [] }, 'service_ids'],
    [{ service_ids: [987654321] }, 'service_ids'],
    [{ service_ids: 'cut' }, 'service_ids'],
    [{ client_id: 987654321 }, 'client_id'],
    [{ client_id: undefined }, 'client_id'],
    [{ staff_id: 987654321 }, 'staff_id'],
    [{ time_from: '25:00' }, 'time_from'],
    [{ time_from: '16:00', time_to: '12:00' }, 'time_to'],
    [{ notes: 'я'.repeat(2001) }, 'notes'],
  ]) {
    assertFieldErr(await s.c.post(WAITLIST, { ...base, ...over }), field, undefined, JSON.stringify(over).slice(0, 80));
  }
  const e = await addEntry({ client_id: who.id, date_from: d, date_to: d });
  assertFieldErr(await s.c.patch(`${WAITLIST}/${e.id}`, { status: 'maybe' }), 'status');
  assertStatus(await s.c.patch(`${WAITLIST}/987654321`, { status: 'closed' }), 404);
  const bad = await s.c.get(`${WAITLIST}?branch_id=${s.branch.id}&status=maybe`);
  assert.ok(bad.status === 400 || bad.status === 422, `?status=maybe is refused: ${bad.status} ${bad.text.slice(0, 200)}`);
});
