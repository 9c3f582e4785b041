// Group events (classes): create, seats never exceed the capacity (409 group-full), one seat per
// client (409 already-participant), a participant who cancels frees the seat, the master is busy
// for the class's time, capacity cannot drop below the seats taken, cancelling the class cancels
// its participants' appointments, and concurrent sign-ups never overfill it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertStatus } from '../lib/api.mjs';
import {
  GROUP_EVENTS,
  setupSalon,
  postAppointment,
  getAppointment,
  getAvailability,
  getJournal,
  status,
  slotTimes,
  oneItem,
  newClient,
  at,
  future,
  sameInstant,
  assertAppointment,
  assertGroupEvent,
  assertSlotTaken,
  assertBookingProblem,
  assertFieldErr,
} from '../lib/booking.mjs';

let server;
let s;
let clients;

before(async () => {
  server = await startServer();
  s = await setupSalon(server);
  clients = [];
  for (let i = 0; i < 8; i++) clients.push(await newClient(s.c, `Учасниця ${i + 1}`));
});
after(async () => {
  await server?.stop();
});

async function createEvent(body, msg = 'create group event') {
  const res = await s.c.post(GROUP_EVENTS, { branch_id: s.branch.id, service_id: s.services.group.id, staff_id: s.anna.id, ...body });
  assertStatus(res, 201, msg);
  assertGroupEvent(res.json);
  return res.json;
}

async function getEvent(id) {
  const res = await s.c.get(`${GROUP_EVENTS}/${id}`);
  assertStatus(res, 200, `GET group event ${id}`);
  assertGroupEvent(res.json);
  return res.json;
}

const join = (eventId, client, notes) => s.c.post(`${GROUP_EVENTS}/${eventId}/participants`, { client_id: client.id, ...(notes ? { notes } : {}) });

test('create: the service\'s duration, price and capacity by default', async () => {
  const d = future(8);
  const g = await createEvent({ start: at(d, '16:00'), staff_id: s.bohdana.id }, 'default capacity');
  assert.equal(g.capacity, 10, 'the service\'s capacity');
  assert.equal(g.seats_taken, 0);
  assert.equal(g.status, 'scheduled');
  assert.equal(g.price, 30000);
  assert.equal(g.service_name, 'Йога');
  assert.equal(Date.parse(g.end) - Date.parse(g.start), 60 * 60_000);
  assert.deepEqual(g.participants, []);
  assert.deepEqual(await getEvent(g.id), g);
  const list = await s.c.get(`${GROUP_EVENTS}?branch_id=${s.branch.id}&from=${d}&to=${d}`);
  assertStatus(list, 200);
  assert.ok(list.json.items.some((x) => x.id === g.id), 'listed for its day');
  const j = await getJournal(s.c, { branch_id: s.branch.id, date: d });
  assert.ok(j.group_events.some((x) => x.id === g.id), 'in the journal of its day');
});

test('seats: capacity 2 takes two, the third is group-full; a cancelled participant frees the seat', async () => {
  const d = future(9);
  const g = await createEvent({ start: at(d, '10:00'), capacity: 2, notes: 'Початківці' });
  assert.equal(g.capacity, 2);
  assert.equal(g.notes, 'Початківці');
  const [c1, c2, c3, c4] = clients;
  const r1 = await join(g.id, c1, 'Перший раз');
  assertStatus(r1, 201, 'first participant');
  assertAppointment(r1.json);
  assert.equal(r1.json.group_event_id, g.id);
  assert.equal(r1.json.client_id, c1.id);
  sameInstant(r1.json.start, g.start);
  assert.equal(r1.json.total, 30000);
  assertBookingProblem(await join(g.id, c1), 409, 'already-participant');
  assertStatus(await join(g.id, c2), 201, 'second participant');
  assertBookingProblem(await join(g.id, c3), 409, 'group-full');
  let now = await getEvent(g.id);
  assert.equal(now.seats_taken, 2);
  assert.deepEqual(now.participants.map((p) => p.client_id).sort(), [c1.id, c2.id].sort());

  await status(s.c, r1.json.id, { status: 'cancelled', cancelled_by: 'client' });
  now = await getEvent(g.id);
  assert.equal(now.seats_taken, 1, 'the seat is free again');
  const r3 = await join(g.id, c3);
  assertStatus(r3, 201, 'the freed seat is taken');
  assertBookingProblem(await join(g.id, c4), 409, 'group-full');
  now = await getEvent(g.id);
  assert.equal(now.seats_taken, 2);
  assert.ok(now.seats_taken <= now.capacity);

  // Capacity cannot drop below the seats taken; raising it makes room.
  assertFieldErr(await s.c.patch(`${GROUP_EVENTS}/${g.id}`, { capacity: 1 }), 'capacity');
  const up = await s.c.patch(`${GROUP_EVENTS}/${g.id}`, { capacity: 3 });
  assertStatus(up, 200, 'raise capacity');
  assert.equal(up.json.capacity, 3);
  assertStatus(await join(g.id, c4), 201, 'a seat after raising the capacity');
});

test('the master is busy for the class: no individual visit, no other class, not offered', async () => {
  const d = future(10);
  await createEvent({ start: at(d, '12:00'), capacity: 4 });
  const res = await postAppointment(s.c, oneItem(s, { start: at(d, '12:30') }));
  assertSlotTaken(res, 'Анна teaches at 12:00');
  const res2 = await s.c.post(GROUP_EVENTS, { branch_id: s.branch.id, service_id: s.services.group.id, staff_id: s.anna.id, start: at(d, '12:30') });
  assertSlotTaken(res2, 'another class at the same time');
  const a = await getAvailability(s.c, { branch_id: s.branch.id, service_ids: [s.services.cut.id], staff_id: s.anna.id, from: d, to: d });
  const t = slotTimes(a, d);
  for (const no of ['11:15', '12:00', '12:45']) assert.ok(!t.includes(no), `${no} is taken by the class: ${t}`);
  for (const ok of ['11:00', '13:00']) assert.ok(t.includes(ok), `${ok} is free: ${t}`);
  // A class where the master already has a visit: slot-taken.
  const busy = await postAppointment(s.c, oneItem(s, { staff: s.bohdana, start: at(d, '15:00') }));
  assertStatus(busy, 201);
  assertSlotTaken(
    await s.c.post(GROUP_EVENTS, { branch_id: s.branch.id, service_id: s.services.group.id, staff_id: s.bohdana.id, start: at(d, '15:30') }),
    'Богдана has a client at 15:00',
  );
});

test('moving the class moves its participants and frees the old time; a busy master is slot-taken', async () => {
  const d = future(14);
  const g = await createEvent({ start: at(d, '10:00'), capacity: 3 });
  const r = await join(g.id, clients[6]);
  assertStatus(r, 201);
  const moved = await s.c.patch(`${GROUP_EVENTS}/${g.id}`, { start: at(d, '15:00') });
  assertStatus(moved, 200, 'move the class');
  assertGroupEvent(moved.json);
  sameInstant(moved.json.start, at(d, '15:00'));
  sameInstant((await getAppointment(s.c, r.json.id)).start, at(d, '15:00'), 'the participant\'s appointment moved along');
  const free = slotTimes(
    await getAvailability(s.c, { branch_id: s.branch.id, service_ids: [s.services.cut.id], staff_id: s.anna.id, from: d, to: d }),
    d,
  );
  assert.ok(free.includes('10:00') && !free.includes('15:00'), `10:00 free, 15:00 taken: ${free}`);
  const busy = await postAppointment(s.c, oneItem(s, { staff: s.bohdana, start: at(d, '15:00') }));
  assertStatus(busy, 201);
  assertSlotTaken(await s.c.patch(`${GROUP_EVENTS}/${g.id}`, { staff_id: s.bohdana.id }), 'Богдана is busy at 15:00');
  assert.equal((await getEvent(g.id)).staff_id, s.anna.id);
});

test('cancelling the class cancels its participants\' appointments and frees the master', async () => {
  const d = future(11);
  const g = await createEvent({ start: at(d, '14:00'), capacity: 3 });
  const ids = [];
  for (const c of clients.slice(0, 2)) {
    const r = await join(g.id, c);
    assertStatus(r, 201);
    ids.push(r.json.id);
  }
  const res = await s.c.post(`${GROUP_EVENTS}/${g.id}/cancel`, { reason: 'Тренерка захворіла' });
  assertStatus(res, 200, 'cancel the class');
  assert.equal(res.json.status, 'cancelled');
  for (const id of ids) assert.equal((await getAppointment(s.c, id)).status, 'cancelled', `participant appointment ${id}`);
  const a = await getAvailability(s.c, { branch_id: s.branch.id, service_ids: [s.services.cut.id], staff_id: s.anna.id, from: d, to: d });
  assert.ok(slotTimes(a, d).includes('14:00'), 'Анна is free at 14:00 again');
  assert4xxNoSeat(await join(g.id, clients[5]));
});

function assert4xxNoSeat(res) {
  assert.ok(res.status === 409 || res.status === 422, `joining a cancelled class is refused (409/422): ${res.status} ${res.text.slice(0, 300)}`);
}

test('20 clients signing up at once for 3 seats: exactly 3 get in', async () => {
  const d = future(12);
  const g = await createEvent({ start: at(d, '10:00'), capacity: 3 });
  const many = [];
  for (let i = 0; i < 20; i++) many.push(await newClient(s.c, `Наввипередки ${i}`));
  const results = await Promise.all(many.map((c) => join(g.id, c)));
  const codes = results.map((r) => r.status);
  assert.ok(codes.every((c) => c < 500), `no 5xx: ${codes}`);
  assert.equal(codes.filter((c) => c === 201).length, 3, `three seats: ${codes}`);
  for (const r of results.filter((x) => x.status !== 201)) assertBookingProblem(r, 409, 'group-full');
  const now = await getEvent(g.id);
  assert.equal(now.seats_taken, 3);
  assert.equal(now.participants.filter((p) => p.status !== 'cancelled').length, 3);
});

test('validation: an individual service, unknown master, capacity out of range', async () => {
  const d = future(13);
  const base = { branch_id: s.branch.id, service_id: s.services.group.id, staff_id: s.anna.id, start: at(d, '10:00') };
  assertFieldErr(await s.c.post(GROUP_EVENTS, { ...base, service_id: s.services.cut.id }), 'service_id');
  assertFieldErr(await s.c.post(GROUP_EVENTS, { ...base, staff_id: 987654321 }), 'staff_id', 'not_found');
  assertFieldErr(await s.c.post(GROUP_EVENTS, { ...base, capacity: 0 }), 'capacity');
  assertFieldErr(await s.c.post(GROUP_EVENTS, { ...base, start: 'завтра' }), 'start');
  assertFieldErr(await s.c.post(GROUP_EVENTS, { ...base, start: undefined }), 'start', 'required');
  const g = await createEvent({ start: at(d, '11:00'), capacity: 2 });
  assertFieldErr(await s.c.post(`${GROUP_EVENTS}/${g.id}/participants`, { client_id: 987654321 }), 'client_id', 'not_found');
  assertStatus(await s.c.get(`${GROUP_EVENTS}/987654321`), 404);
});
