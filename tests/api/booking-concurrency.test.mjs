// Double booking under load: 50 simultaneous POST /appointments for one master at one time give
// exactly one 201 and 49 409 slot-taken, never a 5xx (three rounds); the same for simultaneous
// moves onto one time, and for two masters at once (one winner each). Runs on SQLite and
// PostgreSQL through `tests/run api sqlite|postgresql`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, DB_KIND } from '../lib/server.mjs';
import { assertStatus } from '../lib/api.mjs';
import {
  APPOINTMENTS,
  setupSalon,
  book,
  postAppointment,
  getJournal,
  oneItem,
  newClient,
  at,
  future,
  sameInstant,
  assertSlotTaken,
} from '../lib/booking.mjs';

const N = 50;
let server;
let s;
let crowd; // N clients

before(async () => {
  server = await startServer();
  s = await setupSalon(server);
  crowd = [];
  for (let i = 0; i < N; i++) crowd.push(await newClient(s.c, `Натовп ${i + 1}`));
});
after(async () => {
  await server?.stop();
});

function tally(results) {
  const byStatus = {};
  for (const r of results) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  return byStatus;
}

/** Live (not cancelled) appointments of a master in the journal of a day. */
async function liveOf(staff, date) {
  const j = await getJournal(s.c, { branch_id: s.branch.id, date });
  return j.appointments.filter((a) => a.status !== 'cancelled' && a.items.some((i) => i.staff_id === staff.id));
}

for (const [round, time] of [
  [1, '10:00'],
  [2, '12:00'],
  [3, '14:00'],
]) {
  test(`round ${round} (${DB_KIND}): ${N} simultaneous bookings of one master at ${time}: one 201, ${N - 1} slot-taken`, async () => {
    const d = future(8);
    // Half of them for the same client, half each for their own.
    const bodies = crowd.map((c, i) => oneItem(s, { client: i % 2 ? c : s.client, start: at(d, time) }));
    const results = await Promise.all(bodies.map((b) => postAppointment(s.c, b)));
    const counts = tally(results);
    assert.ok(results.every((r) => r.status < 500), `no 5xx: ${JSON.stringify(counts)} ${results.find((r) => r.status >= 500)?.text.slice(0, 300) ?? ''}`);
    assert.equal(counts[201], 1, `exactly one 201: ${JSON.stringify(counts)}`);
    assert.equal(counts[409], N - 1, `${N - 1} conflicts: ${JSON.stringify(counts)}`);
    for (const r of results.filter((x) => x.status === 409)) assertSlotTaken(r);
    const live = await liveOf(s.anna, d);
    const atTime = live.filter((a) => Date.parse(a.start) === Date.parse(at(d, time)));
    assert.equal(atTime.length, 1, `one appointment at ${time} in the journal: ${atTime.map((a) => a.id)}`);
    assert.equal(atTime[0].id, results.find((r) => r.status === 201).json.id);
  });
}

test(`overlapping, not equal, times at once (${DB_KIND}): still only one wins`, async () => {
  const d = future(9);
  const times = ['10:00', '10:15', '10:30', '10:45'];
  const bodies = crowd.slice(0, 40).map((c, i) => oneItem(s, { client: c, start: at(d, times[i % times.length]) }));
  const results = await Promise.all(bodies.map((b) => postAppointment(s.c, b)));
  const counts = tally(results);
  assert.ok(results.every((r) => r.status < 500), `no 5xx: ${JSON.stringify(counts)}`);
  // Any two of these 60-minute visits overlap (starts 10:00..10:45), so exactly one is booked.
  assert.equal(counts[201], 1, `exactly one 201: ${JSON.stringify(counts)}`);
  assert.equal((await liveOf(s.anna, d)).length, 1);
});

test(`two masters at once (${DB_KIND}): one winner each`, async () => {
  const d = future(10);
  const bodies = crowd.map((c, i) => oneItem(s, { client: c, staff: i % 2 ? s.bohdana : s.anna, start: at(d, '11:00') }));
  const results = await Promise.all(bodies.map((b) => postAppointment(s.c, b)));
  const counts = tally(results);
  assert.ok(results.every((r) => r.status < 500), `no 5xx: ${JSON.stringify(counts)}`);
  assert.equal(counts[201], 2, `one per master: ${JSON.stringify(counts)}`);
  const winners = results.filter((r) => r.status === 201).map((r) => r.json.items[0].staff_id).sort();
  assert.deepEqual(winners, [s.anna.id, s.bohdana.id].sort());
});

test(`simultaneous moves onto one time (${DB_KIND}): one succeeds, the rest slot-taken`, async () => {
  const d = future(11);
  const starts = ['09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00'];
  const appts = [];
  for (const [i, t] of starts.entries()) appts.push(await book(s.c, oneItem(s, { client: crowd[i], start: at(d, t) })));
  // Everyone wants 17:00.
  const results = await Promise.all(appts.map((a) => s.c.patch(`${APPOINTMENTS}/${a.id}`, { start: at(d, '17:00') })));
  const counts = tally(results);
  assert.ok(results.every((r) => r.status < 500), `no 5xx: ${JSON.stringify(counts)}`);
  assert.equal(counts[200], 1, `exactly one move: ${JSON.stringify(counts)}`);
  for (const r of results.filter((x) => x.status !== 200)) assertSlotTaken(r);
  const live = await liveOf(s.anna, d);
  assert.equal(live.filter((a) => Date.parse(a.start) === Date.parse(at(d, '17:00'))).length, 1);
  assert.equal(live.length, starts.length, 'no appointment lost or duplicated');
  const winner = results.find((r) => r.status === 200).json;
  sameInstant(winner.start, at(d, '17:00'));
});

test(`reopening 10 cancelled visits of one time at once (${DB_KIND}): one comes back, the rest slot-taken`, async () => {
  const d = future(13);
  const cancelled = [];
  for (const c of crowd.slice(0, 10)) {
    const a = await book(s.c, oneItem(s, { client: c, start: at(d, '10:00') }));
    const r = await s.c.post(`${APPOINTMENTS}/${a.id}/status`, { status: 'cancelled' });
    assertStatus(r, 200);
    cancelled.push(a);
  }
  const results = await Promise.all(cancelled.map((a) => s.c.post(`${APPOINTMENTS}/${a.id}/status`, { status: 'booked' })));
  const counts = tally(results);
  assert.ok(results.every((r) => r.status < 500), `no 5xx: ${JSON.stringify(counts)}`);
  assert.equal(counts[200], 1, `exactly one reopened: ${JSON.stringify(counts)}`);
  for (const r of results.filter((x) => x.status !== 200)) assertSlotTaken(r);
  assert.equal((await liveOf(s.anna, d)).length, 1);
});

test(`a visit and a class for one master at once (${DB_KIND}): only one of them`, async () => {
  const d = future(14);
  for (const [round, t] of [[1, '10:00'], [2, '12:00'], [3, '14:00']]) {
    const requests = [];
    for (let i = 0; i < 10; i++) {
      requests.push(postAppointment(s.c, oneItem(s, { client: crowd[i], start: at(d, t) })));
      requests.push(
        s.c.post('/api/v1/group-events', { branch_id: s.branch.id, service_id: s.services.group.id, staff_id: s.anna.id, start: at(d, t), capacity: 2 }),
      );
    }
    const results = await Promise.all(requests);
    const counts = tally(results);
    assert.ok(results.every((r) => r.status < 500), `round ${round}: no 5xx: ${JSON.stringify(counts)}`);
    assert.equal(counts[201], 1, `round ${round}: exactly one of the visit or the class: ${JSON.stringify(counts)}`);
    for (const r of results.filter((x) => x.status !== 201)) assertSlotTaken(r);
  }
});

test(`the same Idempotency-Key sent 10 times at once (${DB_KIND}) creates one appointment`, async () => {
  const d = future(12);
  const who = crowd[0];
  const key = `burst-${Date.now()}`;
  const body = oneItem(s, { client: who, staff: s.bohdana, start: at(d, '15:00') });
  const results = await Promise.all(Array.from({ length: 10 }, () => postAppointment(s.c, body, { 'Idempotency-Key': key })));
  const counts = tally(results);
  assert.ok(results.every((r) => r.status < 500), `no 5xx: ${JSON.stringify(counts)}`);
  const ids = new Set(results.filter((r) => r.status === 201).map((r) => r.json.id));
  assert.ok(ids.size <= 1, `every 201 is the same appointment: ${[...ids]}`);
  assert.ok(counts[201] >= 1, `at least one 201: ${JSON.stringify(counts)}`);
  const live = await liveOf(s.bohdana, d);
  assert.equal(live.length, 1, `one appointment: ${live.map((a) => a.id)}`);
  assertStatus(await postAppointment(s.c, body, { 'Idempotency-Key': key }), 201, 'a later replay');
});
