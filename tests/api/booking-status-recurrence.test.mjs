// Status flow (booked -> confirmed -> arrived -> completed, no_show, cancel with a reason and who
// cancelled), closed visits cannot be moved, reopening re-takes the time (409 when taken), the
// client's card statistics and history, the visit record; recurring visits (weekly x4, until,
// all-or-nothing on a conflict, status with scope "following").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertStatus } from '../lib/api.mjs';
import { tinyPng } from '../lib/clients.mjs';
import {
  APPOINTMENTS,
  setupSalon,
  book,
  postAppointment,
  getAppointment,
  getAvailability,
  setStatus,
  status,
  slotTimes,
  oneItem,
  newClient,
  at,
  future,
  addDays,
  sameInstant,
  assertAppointment,
  assertSlotTaken,
  assertBookingProblem,
  assertFieldErr,
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

const freeTimes = async (staff, date, service = s.services.cut) =>
  slotTimes(
    await getAvailability(s.c, { branch_id: s.branch.id, service_ids: [service.id], staff_id: staff.id, from: date, to: date }),
    date,
  );

const history = async (clientId) => {
  const res = await s.c.get(`/api/v1/clients/${clientId}/appointments`);
  assertStatus(res, 200, 'client history');
  assert.ok(Array.isArray(res.json.items) && 'next_cursor' in res.json, `{items, next_cursor}: ${res.text.slice(0, 300)}`);
  res.json.items.forEach((a) => assertAppointment(a));
  return res.json.items;
};

test('booked -> confirmed -> arrived -> completed; a completed visit cannot be moved', async () => {
  const d = future(8);
  const a = await book(s.c, oneItem(s, { start: at(d, '10:00') }));
  for (const st of ['confirmed', 'arrived', 'completed']) {
    const r = await status(s.c, a.id, st);
    assert.equal(r.status, st);
    assert.equal((await getAppointment(s.c, a.id)).status, st, `GET after ${st}`);
  }
  assertBookingProblem(await s.c.patch(`${APPOINTMENTS}/${a.id}`, { start: at(d, '12:00') }), 409, 'appointment-closed');
  assertBookingProblem(await s.c.patch(`${APPOINTMENTS}/${a.id}`, { staff_id: s.bohdana.id }), 409, 'appointment-closed');
  sameInstant((await getAppointment(s.c, a.id)).start, at(d, '10:00'));
});

test('cancel with a reason and who cancelled; the time frees up; default cancelled_by is salon', async () => {
  const d = future(9);
  const a = await book(s.c, oneItem(s, { start: at(d, '10:00') }));
  const c = await status(s.c, a.id, { status: 'cancelled', reason: 'Захворіла', cancelled_by: 'client' });
  assert.equal(c.status, 'cancelled');
  assert.equal(c.cancel_reason, 'Захворіла');
  assert.equal(c.cancelled_by, 'client');
  assert.ok((await freeTimes(s.anna, d)).includes('10:00'), 'the cancelled time is bookable again');
  assertBookingProblem(await s.c.patch(`${APPOINTMENTS}/${a.id}`, { start: at(d, '12:00') }), 409, 'appointment-closed');

  const b = await book(s.c, oneItem(s, { start: at(d, '14:00') }));
  const cb = await status(s.c, b.id, { status: 'cancelled' });
  assert.equal(cb.cancelled_by, 'salon', 'cancelled_by defaults to salon');

  assertFieldErr(await setStatus(s.c, b.id, { status: 'done' }), 'status');
  assertFieldErr(await setStatus(s.c, b.id, { status: 'cancelled', cancelled_by: 'robot' }), 'cancelled_by');
  assertFieldErr(await setStatus(s.c, b.id, {}), 'status', 'required');
});

test('reopening a cancelled visit re-takes its time: 409 slot-taken when taken meanwhile, else booked', async () => {
  const d = future(10);
  const a = await book(s.c, oneItem(s, { start: at(d, '10:00') }));
  await status(s.c, a.id, { status: 'cancelled', cancelled_by: 'client' });
  const other = await newClient(s.c, 'Зайняла');
  const b = await book(s.c, oneItem(s, { client: other, start: at(d, '10:30') }));
  const res = await setStatus(s.c, a.id, { status: 'booked' });
  const p = assertSlotTaken(res, 'reopen onto a taken time');
  assert.ok(p.conflicts.some((c) => c.staff_id === s.anna.id), JSON.stringify(p.conflicts));
  assert.equal((await getAppointment(s.c, a.id)).status, 'cancelled', 'stays cancelled');

  // Once the other one is gone, reopening works and takes the time again.
  await status(s.c, b.id, 'cancelled');
  const reopened = await status(s.c, a.id, 'booked', 'reopen');
  assert.equal(reopened.status, 'booked');
  assert.ok(!(await freeTimes(s.anna, d)).includes('10:00'), 'the time is taken again');

  // The same for a no-show.
  const n = await book(s.c, oneItem(s, { start: at(d, '15:00') }));
  await status(s.c, n.id, 'no_show');
  await book(s.c, oneItem(s, { client: other, start: at(d, '15:00') }));
  assertSlotTaken(await setStatus(s.c, n.id, { status: 'confirmed' }), 'reopen a no-show onto a taken time');
});

test('the client card: visits, no-shows, cancellations, total spent, first/last visit; history newest first', async () => {
  const who = await newClient(s.c, 'Статистика');
  const d = future(11);
  const visit1 = await book(s.c, oneItem(s, { client: who, start: at(d, '10:00') })); // 500.00
  const visit2 = await book(s.c, oneItem(s, { client: who, staff: s.bohdana, start: at(addDays(d, 1), '10:00') })); // 700.00
  const noShow = await book(s.c, oneItem(s, { client: who, start: at(addDays(d, 2), '12:00') }));
  const cancelled = await book(s.c, oneItem(s, { client: who, start: at(addDays(d, 3), '14:00') }));
  await status(s.c, visit1.id, 'arrived');
  await status(s.c, visit1.id, 'completed');
  await status(s.c, visit2.id, 'completed');
  await status(s.c, noShow.id, 'no_show');
  await status(s.c, cancelled.id, { status: 'cancelled', cancelled_by: 'client', reason: 'Передумала' });

  const card = await s.c.get(`/api/v1/clients/${who.id}`);
  assertStatus(card, 200);
  const st = card.json.stats;
  assert.equal(st.visits, 2, `stats.visits: ${JSON.stringify(st)}`);
  assert.equal(st.no_shows, 1, `stats.no_shows: ${JSON.stringify(st)}`);
  assert.equal(st.cancellations, 1, `stats.cancellations: ${JSON.stringify(st)}`);
  assert.equal(st.total_spent, 120000, `stats.total_spent: ${JSON.stringify(st)}`);
  sameInstant(st.first_visit_at, visit1.start, 'stats.first_visit_at');
  sameInstant(st.last_visit_at, visit2.start, 'stats.last_visit_at');
  assert.equal((await getAppointment(s.c, visit2.id)).client.visits, 2, 'appointment.client.visits');

  // The visit record (notes, formula, photos of the client) shows in the history.
  const up = await s.c.request('POST', `/api/v1/clients/${who.id}/files?kind=photo_after&filename=after.png`, {
    body: tinyPng(),
    contentType: 'image/png',
  });
  assertStatus(up, 201, 'upload a photo');
  const rec = { notes: 'Клієнтка задоволена', formula: 'Igora 7-1 + 6%, 30 хв', photo_file_ids: [up.json.id] };
  const v = await s.c.put(`${APPOINTMENTS}/${visit1.id}/visit`, rec);
  assertStatus(v, 200, 'PUT visit');
  assertAppointment(v.json);
  assert.deepEqual(v.json.visit, rec);
  assert.deepEqual((await getAppointment(s.c, visit1.id)).visit, rec);

  const h = await history(who.id);
  assert.deepEqual(h.map((a) => a.id), [cancelled.id, noShow.id, visit2.id, visit1.id], 'newest first');
  assert.deepEqual(h.map((a) => a.status), ['cancelled', 'no_show', 'completed', 'completed']);
  assert.deepEqual(h.at(-1).visit, rec);
  // Paging.
  const p1 = await s.c.get(`/api/v1/clients/${who.id}/appointments?limit=3`);
  assertStatus(p1, 200);
  assert.equal(p1.json.items.length, 3);
  assert.equal(typeof p1.json.next_cursor, 'string');
  const p2 = await s.c.get(`/api/v1/clients/${who.id}/appointments?limit=3&cursor=${encodeURIComponent(p1.json.next_cursor)}`);
  assertStatus(p2, 200);
  assert.deepEqual(p2.json.items.map((a) => a.id), [visit1.id]);
  assert.equal(p2.json.next_cursor, null);
});

test('the visit record takes only photos of the appointment\'s own client', async () => {
  const who = await newClient(s.c, 'Фото');
  const stranger = await newClient(s.c, 'Чужі фото');
  const a = await book(s.c, oneItem(s, { client: who, start: at(future(12), '16:00') }));
  const up = await s.c.request('POST', `/api/v1/clients/${stranger.id}/files?kind=photo_after&filename=x.png`, {
    body: tinyPng(),
    contentType: 'image/png',
  });
  assertStatus(up, 201, 'upload a photo of another client');
  const rec = { notes: '', formula: '' };
  assertFieldErr(await s.c.put(`${APPOINTMENTS}/${a.id}/visit`, { ...rec, photo_file_ids: [987654321] }), 'photo_file_ids', undefined, 'an unknown file');
  assertFieldErr(await s.c.put(`${APPOINTMENTS}/${a.id}/visit`, { ...rec, photo_file_ids: [up.json.id] }), 'photo_file_ids', undefined, 'another client\'s file');
  assert.deepEqual((await getAppointment(s.c, a.id)).visit.photo_file_ids, []);
});

test('recurrence weekly x4 creates four visits a week apart at the same local time', async () => {
  const who = await newClient(s.c, 'Щотижня');
  const d = future(14);
  const res = await postAppointment(s.c, { ...oneItem(s, { client: who, start: at(d, '10:00') }), recurrence: { every: 1, unit: 'week', count: 4 } });
  assertStatus(res, 201, 'recurring');
  const first = res.json;
  assertAppointment(first);
  sameInstant(first.start, at(d, '10:00'), 'the answer is the first occurrence');
  assert.ok(Number.isInteger(first.series_id), `series_id: ${JSON.stringify(first.series_id)}`);
  assert.ok(Array.isArray(first.series) && first.series.length === 4, `series lists 4: ${JSON.stringify(first.series)}`);
  const dates = [0, 7, 14, 21].map((n) => addDays(d, n));
  first.series.forEach((x, i) => sameInstant(x.start, at(dates[i], '10:00'), `occurrence ${i + 1}`));
  assert.equal(first.series[0].id, first.id);
  for (const x of first.series) {
    const a = await getAppointment(s.c, x.id);
    assert.equal(a.series_id, first.series_id, 'every occurrence is in the series');
    assert.equal(a.client_id, who.id);
    assert.equal(a.status, 'booked');
  }
  assert.equal((await history(who.id)).length, 4);
  for (const date of dates) assert.ok(!(await freeTimes(s.anna, date)).includes('10:00'), `${date} 10:00 is taken`);

  const daily = await postAppointment(s.c, {
    ...oneItem(s, { client: who, staff: s.bohdana, start: at(d, '15:00') }),
    recurrence: { every: 1, unit: 'day', until: addDays(d, 2) },
  });
  assertStatus(daily, 201, 'daily until');
  assert.equal(daily.json.series?.length, 3, `until is inclusive: ${JSON.stringify(daily.json.series)}`);
});

test('recurrence with one date taken: 409 slot-taken and nothing is created', async () => {
  const who = await newClient(s.c, 'Конфлікт серії');
  const blocker = await newClient(s.c, 'Блокує');
  const d = future(15);
  await book(s.c, oneItem(s, { client: blocker, start: at(addDays(d, 14), '12:00') }));
  const res = await postAppointment(s.c, { ...oneItem(s, { client: who, start: at(d, '12:00') }), recurrence: { every: 1, unit: 'week', count: 4 } });
  const p = assertSlotTaken(res, 'third week taken');
  assert.ok(
    p.conflicts.some((c) => Date.parse(c.start) === Date.parse(at(addDays(d, 14), '12:00'))),
    `the conflict is the third week's visit: ${JSON.stringify(p.conflicts)}`,
  );
  assert.deepEqual(await history(who.id), [], 'no occurrence was created');
  assert.ok((await freeTimes(s.anna, d)).includes('12:00'), 'the first date is still free');
});

test('status with scope "following" changes this and the later occurrences only', async () => {
  const who = await newClient(s.c, 'Скасує решту');
  const d = future(16);
  const res = await postAppointment(s.c, {
    ...oneItem(s, { client: who, staff: s.bohdana, start: at(d, '16:00') }),
    recurrence: { every: 1, unit: 'week', count: 4 },
  });
  assertStatus(res, 201);
  const ids = res.json.series.map((x) => x.id);
  const one = await status(s.c, ids[0], { status: 'confirmed', scope: 'this' });
  assert.equal(one.status, 'confirmed');
  assert.deepEqual(
    await Promise.all(ids.map(async (id) => (await getAppointment(s.c, id)).status)),
    ['confirmed', 'booked', 'booked', 'booked'],
    'scope this: only the one',
  );
  await status(s.c, ids[1], { status: 'cancelled', scope: 'following', reason: 'Переїхала', cancelled_by: 'client' });
  const after = await Promise.all(ids.map((id) => getAppointment(s.c, id)));
  assert.deepEqual(after.map((a) => a.status), ['confirmed', 'cancelled', 'cancelled', 'cancelled']);
  for (const a of after.slice(1)) {
    assert.equal(a.cancel_reason, 'Переїхала');
    assert.equal(a.cancelled_by, 'client');
  }
  assert.ok((await freeTimes(s.bohdana, addDays(d, 21))).includes('16:00'), 'the last week is free again');
});

test('a weekly series across the spring-forward keeps the local time (10:00 is 08:00Z, then 07:00Z)', async () => {
  const who = await newClient(s.c, 'Через літній час');
  const res = await postAppointment(s.c, {
    ...oneItem(s, { client: who, staff: s.bohdana, start: at('2027-03-21', '10:00') }),
    recurrence: { every: 1, unit: 'week', count: 3 },
  });
  assertStatus(res, 201);
  assert.deepEqual(
    res.json.series.map((x) => Date.parse(x.start)),
    ['2027-03-21T08:00:00Z', '2027-03-28T07:00:00Z', '2027-04-04T07:00:00Z'].map(Date.parse),
    `10:00 Kyiv every week: ${JSON.stringify(res.json.series)}`,
  );
});

test('a series with the master away on one date: 409 outside-working-hours and nothing is created', async () => {
  const who = await newClient(s.c, 'Майстер у відпустці');
  const d = future(18);
  const away = await s.c.post(`/api/v1/staff/${s.bohdana.id}/absences`, { from: addDays(d, 7), to: addDays(d, 7), reason: 'vacation' });
  assertStatus(away, 201, 'absence');
  const res = await postAppointment(s.c, {
    ...oneItem(s, { client: who, staff: s.bohdana, start: at(d, '11:00') }),
    recurrence: { every: 1, unit: 'week', count: 3 },
  });
  assertBookingProblem(res, 409, 'outside-working-hours');
  assert.deepEqual(await history(who.id), [], 'no occurrence was created');
});

test('PATCH start with scope "following" moves this and the later occurrences by the same offset', async () => {
  const who = await newClient(s.c, 'Переносить серію');
  const d = future(19);
  const res = await postAppointment(s.c, {
    ...oneItem(s, { client: who, start: at(d, '09:00') }),
    recurrence: { every: 1, unit: 'week', count: 3 },
  });
  assertStatus(res, 201);
  const ids = res.json.series.map((x) => x.id);
  const moved = await s.c.patch(`${APPOINTMENTS}/${ids[1]}`, { start: at(addDays(d, 7), '11:00'), scope: 'following' });
  assertStatus(moved, 200, 'move following');
  const after = await Promise.all(ids.map((id) => getAppointment(s.c, id)));
  sameInstant(after[0].start, at(d, '09:00'), 'the first stays');
  sameInstant(after[1].start, at(addDays(d, 7), '11:00'), 'this one moves');
  sameInstant(after[2].start, at(addDays(d, 14), '11:00'), 'the following one moves by the same offset');
  assert.ok((await freeTimes(s.anna, addDays(d, 14))).includes('09:00'), 'its old time is free');
});

test('recurrence validation: every 1..52, unit day|week, count 2..52, until a date after the start', async () => {
  const d = future(17);
  const body = (recurrence) => ({ ...oneItem(s, { start: at(d, '09:00') }), recurrence });
  for (const [rec, field] of [
    [{ every: 0, unit: 'week', count: 4 }, 'recurrence.every'],
    [{ every: 53, unit: 'week', count: 4 }, 'recurrence.every'],
    [{ every: 1, unit: 'month', count: 4 }, 'recurrence.unit'],
    [{ every: 1, unit: 'week', count: 1 }, 'recurrence.count'],
    [{ every: 1, unit: 'week', count: 53 }, 'recurrence.count'],
    [{ every: 1, unit: 'week', until: '2026-02-30' }, 'recurrence.until'],
    [{ every: 'x', unit: 'week', count: 4 }, 'recurrence.every'],
    ['weekly', 'recurrence'],
  ]) {
    assertFieldErr(await postAppointment(s.c, body(rec)), field, undefined, JSON.stringify(rec));
  }
  assert.equal((await freeTimes(s.anna, d)).includes('09:00'), true, 'nothing was booked');
});
