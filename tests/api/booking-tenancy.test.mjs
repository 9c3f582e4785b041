// Tenancy and roles: another organization cannot see or touch this one's appointments, group
// events, waitlist, journal or availability (404, or 422 naming the foreign id); masters read
// (without client phones), may set arrived/completed and write the visit record, but cannot
// create, move, confirm or cancel (403); managers and admins book.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertStatus, addUser } from '../lib/api.mjs';
import {
  APPOINTMENTS,
  AVAILABILITY,
  JOURNAL,
  GROUP_EVENTS,
  WAITLIST,
  setupSalon,
  book,
  postAppointment,
  getAppointment,
  getJournal,
  setStatus,
  oneItem,
  masterUserFor,
  at,
  future,
  assertAppointment,
  assertFieldErr,
  assertBookingProblem,
  eachCase,
} from '../lib/booking.mjs';

let server;
let a; // our salon
let b; // another organization
let appt; // an appointment of ours
let group; // a group event of ours
let entry; // a waitlist entry of ours
let master; // a master user of ours (linked to Анна)

before(async () => {
  server = await startServer();
  a = await setupSalon(server);
  b = await setupSalon(server);
  appt = await book(a.c, oneItem(a, { start: at(future(8), '10:00'), notes: 'Тільки наше' }));
  const g = await a.c.post(GROUP_EVENTS, { branch_id: a.branch.id, service_id: a.services.group.id, staff_id: a.bohdana.id, start: at(future(8), '10:00'), capacity: 3 });
  assertStatus(g, 201, 'group event');
  group = g.json;
  const w = await a.c.post(WAITLIST, { branch_id: a.branch.id, client_id: a.client.id, service_ids: [a.services.cut.id], date_from: future(9), date_to: future(9) });
  assertStatus(w, 201, 'waitlist entry');
  entry = w.json;
  master = await masterUserFor(server, a, a.anna);
});
after(async () => {
  await server?.stop();
});

test('another organization gets 404 for our appointment, whatever it tries', async () => {
  const id = appt.id;
  await eachCase(
    [
      ['GET', `${APPOINTMENTS}/${id}`],
      ['PATCH', `${APPOINTMENTS}/${id}`, { notes: 'чуже' }],
      ['PATCH', `${APPOINTMENTS}/${id}`, { start: at(future(8), '12:00') }],
      ['POST', `${APPOINTMENTS}/${id}/status`, { status: 'cancelled' }],
      ['PUT', `${APPOINTMENTS}/${id}/visit`, { notes: 'x', formula: '', photo_file_ids: [] }],
      ['GET', `/api/v1/clients/${a.client.id}/appointments`],
      ['GET', `${GROUP_EVENTS}/${group.id}`],
      ['PATCH', `${GROUP_EVENTS}/${group.id}`, { capacity: 5 }],
      ['POST', `${GROUP_EVENTS}/${group.id}/cancel`, {}],
      ['POST', `${GROUP_EVENTS}/${group.id}/participants`, { client_id: b.client.id }],
      ['PATCH', `${WAITLIST}/${entry.id}`, { status: 'closed' }],
    ],
    async ([method, path, json]) => {
      const res = await b.c.request(method, path, json === undefined ? {} : { json });
      assertBookingProblem(res, 404, 'not-found');
    },
  );
  const still = await getAppointment(a.c, appt.id);
  assert.equal(still.notes, 'Тільки наше');
  assert.equal(still.status, 'booked');
  assert.equal(still.version, appt.version);
  const g = await a.c.get(`${GROUP_EVENTS}/${group.id}`);
  assert.equal(g.json.status, 'scheduled');
  assert.equal(g.json.capacity, 3);
});

test('another organization cannot read our branch\'s journal, availability, events lists, or book with our ids', async () => {
  const d = future(8);
  const refused = (res, field, what) => {
    if (res.status === 404) return;
    assertFieldErr(res, field, undefined, what);
  };
  refused(await b.c.get(`${JOURNAL}?branch_id=${a.branch.id}&date=${d}`), 'branch_id', 'journal');
  refused(
    await b.c.get(`${AVAILABILITY}?branch_id=${a.branch.id}&service_ids=${a.services.cut.id}&from=${d}&to=${d}`),
    'branch_id',
    'availability',
  );
  const av = await b.c.get(`${AVAILABILITY}?branch_id=${b.branch.id}&service_ids=${a.services.cut.id}&from=${d}&to=${d}`);
  refused(av, 'service_ids', 'availability with our service');
  const av2 = await b.c.get(`${AVAILABILITY}?branch_id=${b.branch.id}&service_ids=${b.services.cut.id}&staff_id=${a.anna.id}&from=${d}&to=${d}`);
  if (av2.status === 200) {
    assert.ok(av2.json.days.every((x) => x.slots.length === 0), 'no slots of our master');
  } else refused(av2, 'staff_id', 'availability with our master');
  const gl = await b.c.get(`${GROUP_EVENTS}?branch_id=${a.branch.id}&from=${d}&to=${d}`);
  if (gl.status === 200) assert.deepEqual(gl.json.items, [], 'no group events of ours');
  else refused(gl, 'branch_id', 'group events list');
  const wl = await b.c.get(`${WAITLIST}?branch_id=${a.branch.id}`);
  if (wl.status === 200) assert.deepEqual(wl.json.items, [], 'no waitlist of ours');
  else refused(wl, 'branch_id', 'waitlist');

  // Booking in their own branch with our client, service or master: 422 naming the field.
  assertFieldErr(await postAppointment(b.c, { ...oneItem(b, { start: at(d, '10:00') }), client_id: a.client.id }), 'client_id', 'not_found');
  assertFieldErr(await postAppointment(b.c, oneItem(b, { service: a.services.cut, start: at(d, '10:00') })), 'items[0].service_id', 'not_found');
  assertFieldErr(await postAppointment(b.c, oneItem(b, { staff: a.anna, start: at(d, '10:00') })), 'items[0].staff_id', 'not_found');
  const inOurs = await postAppointment(b.c, { ...oneItem(b, { start: at(d, '10:00') }), branch_id: a.branch.id });
  refused(inOurs, 'branch_id', 'booking in our branch');
  // And our master is still free where they tried.
  const j = await getJournal(a.c, { branch_id: a.branch.id, date: d });
  assert.deepEqual(j.appointments.map((x) => x.id), [appt.id]);
  // Their journal does not show ours.
  const theirs = await getJournal(b.c, { branch_id: b.branch.id, date: d });
  assert.ok(!theirs.appointments.some((x) => x.id === appt.id));
  assert.ok(!theirs.staff.some((x) => x.id === a.anna.id));
});

test('an Idempotency-Key is not shared between organizations', async () => {
  const key = `shared-${Date.now()}`;
  const d = future(9);
  const ours = await postAppointment(a.c, oneItem(a, { start: at(d, '15:00') }), { 'Idempotency-Key': key });
  assertStatus(ours, 201);
  const theirs = await postAppointment(b.c, oneItem(b, { start: at(d, '15:00') }), { 'Idempotency-Key': key });
  assertStatus(theirs, 201, 'the other organization books with the same key');
  assert.notEqual(theirs.json.id, ours.json.id, 'its own appointment, not ours');
  assert.equal(theirs.json.branch_id, b.branch.id);
  assert.ok(!theirs.text.includes(a.client.phones[0]), 'nothing of ours in the answer');
  // The same key with the other organization's exact body shape but our ids: not a replay of ours.
  const probe = await postAppointment(b.c, oneItem(a, { start: at(d, '15:00') }), { 'Idempotency-Key': key });
  assert.ok(probe.status !== 201 || probe.json.id !== ours.json.id, `our appointment is not replayed to them: ${probe.status} ${probe.text.slice(0, 200)}`);
  assert.ok(!probe.text.includes(a.client.phones[0]), 'no client phone of ours in the answer');
});

test('a master reads the journal and appointments without client phones', async () => {
  const d = future(8);
  const j = await getJournal(master.client, { branch_id: a.branch.id, date: d }, 'journal as master');
  const mine = j.appointments.find((x) => x.id === appt.id);
  assert.ok(mine, 'the master sees the day');
  assertAppointment(mine, { master: true });
  assert.ok(!JSON.stringify(j).includes(a.client.phones[0]), 'no client phone anywhere in the journal');
  const res = await master.client.get(`${APPOINTMENTS}/${appt.id}`);
  assertStatus(res, 200);
  assertAppointment(res.json, { master: true });
  assert.ok(!res.text.includes(a.client.phones[0]), 'no client phone in the appointment');
  assertStatus(
    await master.client.get(`${AVAILABILITY}?branch_id=${a.branch.id}&service_ids=${a.services.cut.id}&from=${d}&to=${d}`),
    200,
    'availability as master',
  );
  const hist = await master.client.get(`/api/v1/clients/${a.client.id}/appointments`);
  assertStatus(hist, 200, 'client history as master');
  assert.ok(hist.json.items.some((x) => x.id === appt.id));
  hist.json.items.forEach((x) => assertAppointment(x, { master: true }));
  assert.ok(!hist.text.includes(a.client.phones[0]), 'no client phone in the history');
});

test('a master cannot create, move, confirm or cancel (403) but sets arrived/completed and writes the visit', async () => {
  const d = future(10);
  const mine = await book(a.c, oneItem(a, { start: at(d, '10:00') }));
  const forbidden = [
    ['POST', APPOINTMENTS, oneItem(a, { start: at(d, '12:00') })],
    ['PATCH', `${APPOINTMENTS}/${mine.id}`, { start: at(d, '13:00') }],
    ['PATCH', `${APPOINTMENTS}/${mine.id}`, { notes: 'майстер' }],
    ['POST', `${APPOINTMENTS}/${mine.id}/status`, { status: 'cancelled' }],
    ['POST', `${APPOINTMENTS}/${mine.id}/status`, { status: 'confirmed' }],
    ['POST', GROUP_EVENTS, { branch_id: a.branch.id, service_id: a.services.group.id, staff_id: a.anna.id, start: at(d, '15:00') }],
    ['POST', `${GROUP_EVENTS}/${group.id}/participants`, { client_id: a.vip.id }],
    ['POST', `${GROUP_EVENTS}/${group.id}/cancel`, {}],
    ['POST', WAITLIST, { branch_id: a.branch.id, client_id: a.client.id, service_ids: [a.services.cut.id], date_from: d, date_to: d }],
    ['PATCH', `${WAITLIST}/${entry.id}`, { status: 'closed' }],
  ];
  await eachCase(forbidden, async ([method, path, json]) => {
    assertBookingProblem(await master.client.request(method, path, { json }), 403, 'forbidden');
  });
  const j = await getJournal(a.c, { branch_id: a.branch.id, date: d });
  assert.deepEqual(j.appointments.map((x) => x.id), [mine.id], 'the master created nothing');
  assert.equal((await getAppointment(a.c, mine.id)).status, 'booked');

  const arrived = await setStatus(master.client, mine.id, { status: 'arrived' });
  assertStatus(arrived, 200, 'master: arrived');
  assertAppointment(arrived.json, { master: true });
  const visit = await master.client.put(`${APPOINTMENTS}/${mine.id}/visit`, { notes: 'Формула нижче', formula: '6/0 + 3%', photo_file_ids: [] });
  assertStatus(visit, 200, 'master: visit record');
  assert.equal(visit.json.visit.formula, '6/0 + 3%');
  const done = await setStatus(master.client, mine.id, { status: 'completed' });
  assertStatus(done, 200, 'master: completed');
  assert.equal((await getAppointment(a.c, mine.id)).status, 'completed');
});

test('managers and admins book; unauthenticated requests are 401; a write without CSRF is 403', async () => {
  const d = future(12);
  for (const role of ['manager', 'admin']) {
    const u = await addUser(server, a.c, role);
    const res = await postAppointment(u.client, oneItem(a, { start: at(d, role === 'manager' ? '10:00' : '12:00') }));
    assertStatus(res, 201, `${role} books`);
  }
  const anon = server.client();
  assertStatus(await anon.get(`${APPOINTMENTS}/${appt.id}`), 401);
  assertStatus(await anon.get(`${JOURNAL}?branch_id=${a.branch.id}&date=${d}`), 401);
  assertStatus(await anon.post(APPOINTMENTS, oneItem(a, { start: at(d, '14:00') })), 401);
  const noCsrf = await a.c.request('POST', APPOINTMENTS, { json: oneItem(a, { start: at(d, '14:00') }), csrf: false });
  assertBookingProblem(noCsrf, 403, 'csrf-failed');
});
