// Appointments: create (items, prices from the service or the master's own price, the client's
// discount, totals), GET, conflicts with the same master (slot-taken) but not during another
// visit's processing gap, working hours (outside-working-hours unless allowed), rooms,
// Idempotency-Key replays, and moving a visit (PATCH) which frees its old time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertStatus } from '../lib/api.mjs';
import { createStaff } from '../lib/staff.mjs';
import {
  APPOINTMENTS,
  setupSalon,
  book,
  postAppointment,
  getAppointment,
  getAvailability,
  journalIds,
  slotTimes,
  oneItem,
  newClient,
  at,
  future,
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

test('create: 201 with the client, one item at the service price, total, status booked, version 1', async () => {
  const d = future(8);
  const res = await postAppointment(s.c, oneItem(s, { start: at(d, '10:00'), notes: 'Перший візит' }));
  assertStatus(res, 201);
  const a = res.json;
  assertAppointment(a);
  assert.equal(a.branch_id, s.branch.id);
  assert.equal(a.client_id, s.client.id);
  assert.match(a.client.name, /Олена/, `client.name: ${a.client.name}`);
  assert.equal(a.client.phone, s.client.phones[0]);
  assert.equal(a.client.discount_percent, 0);
  assert.equal(a.status, 'booked');
  assert.equal(a.source, 'front_desk', 'source defaults to front_desk');
  assert.equal(a.notes, 'Перший візит');
  assert.equal(a.cancel_reason, '');
  assert.equal(a.cancelled_by, null);
  assert.equal(a.version, 1);
  assert.equal(a.series_id, null);
  assert.equal(a.group_event_id, null);
  assert.deepEqual(a.visit, { notes: '', formula: '', photo_file_ids: [] });
  sameInstant(a.start, at(d, '10:00'));
  sameInstant(a.end, at(d, '11:00'));
  assert.equal(a.items.length, 1);
  const [i] = a.items;
  assert.equal(i.service_id, s.services.cut.id);
  assert.equal(i.service_name, 'Стрижка');
  assert.equal(i.staff_id, s.anna.id);
  assert.equal(i.room_id, null);
  assert.equal(i.duration, 60);
  assert.equal(i.buffer_after, 0);
  assert.equal(i.processing, null);
  assert.equal(i.price, 50000);
  assert.equal(i.discount_percent, 0);
  assert.equal(i.amount, 50000);
  assert.equal(a.total, 50000);
  assert.deepEqual(await getAppointment(s.c, a.id), a, 'GET answers what POST did');
});

test('any offset is accepted in requests; responses are in UTC', async () => {
  const d = future(8);
  const local = at(d, '15:00'); // "...Z"
  const withOffset = new Date(Date.parse(local) + 2 * 3600_000).toISOString().slice(0, 19) + '+02:00';
  const a = await book(s.c, oneItem(s, { start: withOffset, source: 'phone' }));
  assert.equal(a.start, local, 'written back in UTC with Z');
  assert.equal(a.source, 'phone');
});

test('prices: the master\'s own price, the client\'s discount, an explicit price and discount', async () => {
  const d = future(9);
  const bo = await book(s.c, oneItem(s, { staff: s.bohdana, start: at(d, '10:00') }));
  assert.equal(bo.items[0].price, 70000, 'Богдана\'s own price for the cut');
  assert.equal(bo.total, 70000);

  const vip = await book(s.c, oneItem(s, { client: s.vip, start: at(d, '10:00') }));
  assert.equal(vip.client.discount_percent, 10);
  assert.equal(vip.items[0].price, 50000);
  assert.equal(vip.items[0].discount_percent, 10, 'the client\'s discount applies');
  assert.equal(vip.items[0].amount, 45000);
  assert.equal(vip.total, 45000);

  const body = oneItem(s, { client: s.vip, start: at(d, '12:00') });
  body.items[0].price = 55000;
  body.items[0].discount_percent = 0;
  const explicit = await book(s.c, body);
  assert.equal(explicit.items[0].price, 55000);
  assert.equal(explicit.items[0].discount_percent, 0);
  assert.equal(explicit.items[0].amount, 55000);

  // Two items: the total is the sum of the amounts.
  const two = await book(s.c, {
    branch_id: s.branch.id,
    client_id: s.vip.id,
    items: [
      { service_id: s.services.quick.id, staff_id: s.bohdana.id, start: at(d, '14:00') },
      { service_id: s.services.cut.id, staff_id: s.bohdana.id },
    ],
  });
  assert.deepEqual(two.items.map((i) => [i.price, i.amount]), [[20000, 18000], [70000, 63000]]);
  assert.equal(two.total, 81000);
  sameInstant(two.items[1].start, at(d, '14:30'), 'the later item follows the previous item\'s end');
  sameInstant(two.end, at(d, '15:30'));
});

test('a duration given on the item replaces the service\'s', async () => {
  const d = future(9);
  const body = oneItem(s, { start: at(d, '16:00') });
  body.items[0].duration = 90;
  const a = await book(s.c, body);
  assert.equal(a.items[0].duration, 90);
  sameInstant(a.end, at(d, '17:30'));
});

test('the same master at an overlapping time: 409 slot-taken naming the conflict; adjacent and other master are fine', async () => {
  const d = future(10);
  const first = await book(s.c, oneItem(s, { start: at(d, '10:00') }));
  const other = await newClient(s.c, 'Друга');
  for (const t of ['10:00', '10:30', '09:15']) {
    const res = await postAppointment(s.c, oneItem(s, { client: other, start: at(d, t) }));
    const p = assertSlotTaken(res, `Анна at ${t}`);
    assert.ok(p.type.endsWith('slot-taken'), p.type);
    // Whether a conflict is the requested span or the existing visit, it names Анна and
    // overlaps her 10:00-11:00 visit.
    assert.ok(
      p.conflicts.some(
        (c) => c.staff_id === s.anna.id && Date.parse(c.start) < Date.parse(first.end) && Date.parse(c.end) > Date.parse(first.start),
      ),
      `a conflict names Анна at her 10:00 visit: ${JSON.stringify(p.conflicts)}`,
    );
  }
  await book(s.c, oneItem(s, { client: other, start: at(d, '11:00') }), 'right after: 11:00');
  await book(s.c, oneItem(s, { client: other, start: at(d, '09:00') }), 'right before: 09:00-10:00');
  await book(s.c, oneItem(s, { client: other, staff: s.bohdana, start: at(d, '10:30') }), 'another master at the same time');
  // A buffer is part of the taken time.
  await book(s.c, oneItem(s, { client: other, service: s.services.buffered, start: at(d, '14:00') }));
  assertSlotTaken(await postAppointment(s.c, oneItem(s, { start: at(d, '15:00') })), 'inside the 15-minute buffer');
  await book(s.c, oneItem(s, { start: at(d, '15:15') }), 'after the buffer');
});

test('another client during a processing gap is fine; outside the gap it is not', async () => {
  const d = future(11);
  const color = await book(s.c, oneItem(s, { service: s.services.color, start: at(d, '13:00') }));
  assert.ok(color.items[0].processing, `processing on the item: ${JSON.stringify(color.items[0])}`);
  sameInstant(color.items[0].processing.start, at(d, '13:30'));
  sameInstant(color.items[0].processing.end, at(d, '14:15'));
  const other = await newClient(s.c, 'Під час паузи');
  await book(s.c, oneItem(s, { client: other, service: s.services.quick, start: at(d, '13:30') }), 'in the gap 13:30-14:00');
  const third = await newClient(s.c, 'Третя');
  assertSlotTaken(await postAppointment(s.c, oneItem(s, { client: third, service: s.services.quick, start: at(d, '13:15') })), 'before the gap');
  assertSlotTaken(await postAppointment(s.c, oneItem(s, { client: third, service: s.services.quick, start: at(d, '14:00') })), 'runs past the gap');
  assertSlotTaken(await postAppointment(s.c, oneItem(s, { client: third, service: s.services.cut, start: at(d, '13:30') })), '60 min in a 45 min gap');
});

test('outside the master\'s working hours: 409 outside-working-hours unless allow_outside_hours', async () => {
  const d = future(12);
  for (const t of ['19:00', '17:30', '08:30']) {
    assertBookingProblem(await postAppointment(s.c, oneItem(s, { start: at(d, t) })), 409, 'outside-working-hours', `Анна at ${t}`);
  }
  assertBookingProblem(
    await postAppointment(s.c, oneItem(s, { start: at(d, '19:00'), allow_outside_hours: false })),
    409,
    'outside-working-hours',
  );
  const late = await book(s.c, oneItem(s, { start: at(d, '19:00'), allow_outside_hours: true }), 'allowed outside hours');
  sameInstant(late.start, at(d, '19:00'));
  // Still no double booking outside the hours.
  assertSlotTaken(await postAppointment(s.c, oneItem(s, { start: at(d, '19:30'), allow_outside_hours: true })));
});

test('a service that needs a room gets it; the room taken by another master is slot-taken', async () => {
  const d = future(13);
  const a = await book(s.c, oneItem(s, { service: s.services.roomed, start: at(d, '11:00') }));
  assert.equal(a.items[0].room_id, s.room.id, 'the service\'s room is taken for the visit');
  const other = await newClient(s.c, 'Кімната');
  const res = await postAppointment(s.c, oneItem(s, { client: other, service: s.services.roomed, staff: s.bohdana, start: at(d, '11:30') }));
  const p = assertSlotTaken(res, 'room busy');
  assert.ok(p.conflicts.some((c) => c.room_id === s.room.id), `the conflict names the room: ${JSON.stringify(p.conflicts)}`);
  const explicit = oneItem(s, { client: other, service: s.services.roomed, staff: s.bohdana, start: at(d, '11:30'), room: s.room });
  assertSlotTaken(await postAppointment(s.c, explicit), 'room busy (room_id given)');
  await book(s.c, oneItem(s, { client: other, service: s.services.roomed, staff: s.bohdana, start: at(d, '12:00') }), 'after the room frees');
});

test('Idempotency-Key: the same request again gives the same appointment; another body with the key is 422', async () => {
  const d = future(14);
  const who = await newClient(s.c, 'Ідемпотентна');
  const key = `key-${Date.now()}-${Math.random()}`;
  const body = oneItem(s, { client: who, start: at(d, '10:00') });
  const r1 = await postAppointment(s.c, body, { 'Idempotency-Key': key });
  assertStatus(r1, 201, 'first');
  const r2 = await postAppointment(s.c, body, { 'Idempotency-Key': key });
  assertStatus(r2, 201, 'replay');
  assert.equal(r2.json.id, r1.json.id, 'the replay answers the same appointment');
  const day = await journalIds(s.c, s.branch.id, d);
  assert.deepEqual(day.filter((id) => id === r1.json.id), [r1.json.id]);
  const mine = (await s.c.get(`/api/v1/clients/${who.id}/appointments`)).json?.items ?? [];
  assert.equal(mine.length, 1, `one appointment of the client, not two: ${JSON.stringify(mine.map((x) => x.id))}`);

  const changed = oneItem(s, { client: who, start: at(d, '12:00') });
  assertBookingProblem(await postAppointment(s.c, changed, { 'Idempotency-Key': key }), 422, 'idempotency-key-reused');
  // Without the key the same body is a new request (and here the time is taken).
  assertSlotTaken(await postAppointment(s.c, body));
  // Another key, another appointment.
  const r3 = await postAppointment(s.c, changed, { 'Idempotency-Key': `${key}-2` });
  assertStatus(r3, 201);
  assert.notEqual(r3.json.id, r1.json.id);
});

test('PATCH start moves the visit: version+1, the old time frees up, the new one is taken', async () => {
  const d = future(15);
  const a = await book(s.c, {
    branch_id: s.branch.id,
    client_id: s.client.id,
    items: [
      { service_id: s.services.cut.id, staff_id: s.anna.id, start: at(d, '10:00') },
      { service_id: s.services.quick.id, staff_id: s.anna.id },
    ],
  });
  assert.ok(!(await freeTimes(s.anna, d)).includes('10:00'));
  const res = await s.c.patch(`${APPOINTMENTS}/${a.id}`, { start: at(d, '14:00') });
  assertStatus(res, 200, 'move');
  const m = res.json;
  assertAppointment(m);
  assert.equal(m.version, a.version + 1, 'version bumps when the time changes');
  sameInstant(m.start, at(d, '14:00'));
  sameInstant(m.items[0].start, at(d, '14:00'));
  sameInstant(m.items[1].start, at(d, '15:00'), 'the items keep their offsets');
  sameInstant(m.end, at(d, '15:30'));
  const free = await freeTimes(s.anna, d);
  assert.ok(free.includes('10:00') && free.includes('10:30'), `the old time is free again: ${free}`);
  assert.ok(!free.includes('14:00') && !free.includes('15:00'), `the new time is taken: ${free}`);
  assert.deepEqual(await getAppointment(s.c, a.id), m);

  // Notes only: the version stays.
  const n = await s.c.patch(`${APPOINTMENTS}/${a.id}`, { notes: 'Перенесено' });
  assertStatus(n, 200);
  assert.equal(n.json.notes, 'Перенесено');
  assert.equal(n.json.version, m.version, 'notes alone do not bump the version');

  // Another master for every item.
  const b = await s.c.patch(`${APPOINTMENTS}/${a.id}`, { staff_id: s.bohdana.id });
  assertStatus(b, 200, 'move to Богдана');
  assert.deepEqual(b.json.items.map((i) => i.staff_id), [s.bohdana.id, s.bohdana.id]);
  assert.equal(b.json.version, m.version + 1);
  const annaFree = await freeTimes(s.anna, d);
  assert.ok(annaFree.includes('14:00'), `Анна is free at 14:00 now: ${annaFree}`);

  // Into a taken time, or out of hours: refused, nothing changes.
  await book(s.c, oneItem(s, { client: s.vip, staff: s.bohdana, start: at(d, '10:00') }));
  assertSlotTaken(await s.c.patch(`${APPOINTMENTS}/${a.id}`, { start: at(d, '10:30') }), 'onto Богдана\'s 10:00 visit');
  assertBookingProblem(await s.c.patch(`${APPOINTMENTS}/${a.id}`, { start: at(d, '17:00') }), 409, 'outside-working-hours');
  const still = await getAppointment(s.c, a.id);
  sameInstant(still.start, at(d, '14:00'), 'a refused move changes nothing');
  assert.equal(still.version, b.json.version);
  const ok = await s.c.patch(`${APPOINTMENTS}/${a.id}`, { start: at(d, '17:00'), allow_outside_hours: true });
  assertStatus(ok, 200, 'allowed out of hours');
});

test('PATCH items replaces the services of the visit', async () => {
  const d = future(16);
  const a = await book(s.c, oneItem(s, { start: at(d, '10:00') }));
  const res = await s.c.patch(`${APPOINTMENTS}/${a.id}`, {
    items: [{ service_id: s.services.quick.id, staff_id: s.anna.id, start: at(d, '10:00') }],
  });
  assertStatus(res, 200);
  assert.deepEqual(res.json.items.map((i) => i.service_id), [s.services.quick.id]);
  sameInstant(res.json.end, at(d, '10:30'));
  assert.equal(res.json.total, 20000);
  const free = await freeTimes(s.anna, d);
  assert.ok(free.includes('10:30'), `10:30 is free after the shorter service: ${free}`);
});

test('unknown ids and masters who do not perform the service: 422 naming the field', async () => {
  const d = future(17);
  const unknown = 987654321;
  assertFieldErr(await postAppointment(s.c, { ...oneItem(s, { start: at(d, '10:00') }), client_id: unknown }), 'client_id', 'not_found');
  const badService = oneItem(s, { start: at(d, '10:00') });
  badService.items[0].service_id = unknown;
  assertFieldErr(await postAppointment(s.c, badService), 'items[0].service_id', 'not_found');
  const badStaff = oneItem(s, { start: at(d, '10:00') });
  badStaff.items[0].staff_id = unknown;
  assertFieldErr(await postAppointment(s.c, badStaff), 'items[0].staff_id', 'not_found');
  const outsider = await createStaff(s.c, s.branch.id, { name: 'Не виконує' });
  assertFieldErr(await postAppointment(s.c, oneItem(s, { staff: outsider, start: at(d, '10:00') })), 'items[0].staff_id', 'not_performed');
  const noStart = oneItem(s, {});
  assertFieldErr(await postAppointment(s.c, noStart), 'items[0].start', 'required');
  assertStatus(await s.c.get(`${APPOINTMENTS}/${unknown}`), 404);
});
