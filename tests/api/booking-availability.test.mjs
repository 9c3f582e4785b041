// Availability: every day of from..to listed, working hours, breaks, absences and closed days,
// the booking step, buffers, processing gaps (another client fits in the gap), rooms and their
// capacity, several services back to back, one master vs all, the daylight-saving days in
// Europe/Kyiv, and validation errors that name the query parameter.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertStatus } from '../lib/api.mjs';
import { STAFF, ROOMS, createStaff, putSchedule, daily, iv } from '../lib/staff.mjs';
import {
  AVAILABILITY,
  setupSalon,
  getAvailability,
  availabilityQuery,
  slotTimes,
  book,
  oneItem,
  newClient,
  at,
  future,
  addDays,
  sameInstant,
  kyivWall,
  assertFieldErr,
  eachCase,
  EVERY_DAY_9_TO_6,
} from '../lib/booking.mjs';

let server;
let s; // the salon

before(async () => {
  server = await startServer();
  s = await setupSalon(server);
});
after(async () => {
  await server?.stop();
});

/** "HH:MM" times from `from` to `to` inclusive every `step` minutes. */
function times(from, to, step = 15) {
  const out = [];
  const toMin = (t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  for (let m = toMin(from); m <= toMin(to); m += step) {
    out.push(`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
  }
  return out;
}

const avail = (params, msg) =>
  getAvailability(s.c, { branch_id: s.branch.id, ...params, service_ids: params.service_ids.map((x) => x.id ?? x) }, msg);

test('every day from..to is listed; a 60-minute service fits 09:00..17:00 every 15 minutes', async () => {
  const from = future(8);
  const to = addDays(from, 6);
  const a = await avail({ service_ids: [s.services.cut], staff_id: s.anna.id, from, to });
  assert.equal(a.days.length, 7);
  for (const d of a.days) {
    assert.deepEqual(slotTimes(a, d.date), times('09:00', '17:00'), `slots of ${d.date}`);
    assert.ok(d.slots.every((x) => x.staff_id === s.anna.id && x.staff_ids.length === 1), `only Анна on ${d.date}`);
  }
  // One day, and a day with nothing bookable is still listed (an empty array).
  const one = await avail({ service_ids: [s.services.cut], staff_id: s.anna.id, from, to: from });
  assert.equal(one.days.length, 1);
  const m = await createStaff(s.c, s.branch.id, { name: 'Без графіка', service_ids: [s.services.cut.id] });
  const none = await avail({ service_ids: [s.services.cut], staff_id: m.id, from, to: addDays(from, 2) });
  assert.deepEqual(none.days.map((d) => d.slots), [[], [], []], 'a master without a schedule: every day listed, no slots');
});

test('without staff_id every master who performs the service is offered; staff_id narrows to one', async () => {
  const d = future(9);
  const all = await avail({ service_ids: [s.services.cut], from: d, to: d });
  const at9 = all.days[0].slots.filter((x) => kyivWall(x.start).time === '09:00').map((x) => x.staff_id).sort((a, b) => a - b);
  assert.deepEqual(at9, [s.anna.id, s.bohdana.id].sort((a, b) => a - b), 'both masters at 09:00');
  const notPerforming = await createStaff(s.c, s.branch.id, { name: 'Не стриже' });
  await putSchedule(s.c, notPerforming.id, { patterns: [daily('every_day', '2026-01-01', EVERY_DAY_9_TO_6)] });
  const again = await avail({ service_ids: [s.services.cut], from: d, to: d });
  assert.ok(!again.days[0].slots.some((x) => x.staff_id === notPerforming.id), 'a master who does not perform the service is not offered');
  const bo = await avail({ service_ids: [s.services.cut], staff_id: s.bohdana.id, from: d, to: d });
  assert.ok(bo.days[0].slots.length > 0);
  assert.ok(bo.days[0].slots.every((x) => x.staff_id === s.bohdana.id), 'staff_id filter: only Богдана');
  // Booking Анна takes only her out of the general list.
  await book(s.c, oneItem(s, { start: at(d, '09:00') }));
  const after = await avail({ service_ids: [s.services.cut], from: d, to: d });
  const after9 = after.days[0].slots.filter((x) => kyivWall(x.start).time === '09:00').map((x) => x.staff_id);
  assert.deepEqual(after9, [s.bohdana.id], 'only Богдана is free at 09:00 now');
});

test('breaks inside the working day, absences and closed days are not bookable', async () => {
  const m = await createStaff(s.c, s.branch.id, { name: 'Обідня', service_ids: [s.services.cut.id] });
  await putSchedule(s.c, m.id, { patterns: [daily('every_day', '2026-01-01', [iv('09:00', '13:00'), iv('14:00', '18:00')])] });
  const d = future(10);
  const a = await avail({ service_ids: [s.services.cut], staff_id: m.id, from: d, to: addDays(d, 2) });
  assert.deepEqual(slotTimes(a, d), [...times('09:00', '12:00'), ...times('14:00', '17:00')], 'no 60-minute start overlaps the 13:00-14:00 break');

  const abs = await s.c.post(`${STAFF}/${m.id}/absences`, { from: addDays(d, 1), to: addDays(d, 1), reason: 'sick_leave' });
  assertStatus(abs, 201, 'absence');
  const b = await avail({ service_ids: [s.services.cut], staff_id: m.id, from: d, to: addDays(d, 2) });
  assert.deepEqual(slotTimes(b, addDays(d, 1)), [], 'no slots on the day of absence');
  assert.equal(slotTimes(b, d).length, 26, 'the day before is untouched');
  assert.equal(slotTimes(b, addDays(d, 2)).length, 26, 'the day after is untouched');

  const closed = await s.c.put(`/api/v1/branches/${s.branch.id}/closed-days`, { items: [{ date: addDays(d, 2), reason: 'Санітарний день' }] });
  assertStatus(closed, 200, 'closed day');
  const c = await avail({ service_ids: [s.services.cut], from: addDays(d, 2), to: addDays(d, 2) });
  assert.deepEqual(c.days[0].slots, [], 'a closed day of the branch has no slots for anyone');
  assertStatus(await s.c.put(`/api/v1/branches/${s.branch.id}/closed-days`, { items: [] }), 200);
});

test('the master\'s booking step: starts only every 30 minutes from local midnight', async () => {
  const m = await createStaff(s.c, s.branch.id, { name: 'Крок 30', booking_step: 30, service_ids: [s.services.cut.id] });
  await putSchedule(s.c, m.id, { patterns: [daily('every_day', '2026-01-01', EVERY_DAY_9_TO_6)] });
  const d = future(11);
  const a = await avail({ service_ids: [s.services.cut], staff_id: m.id, from: d, to: d });
  assert.deepEqual(slotTimes(a, d), times('09:00', '17:00', 30));
});

test('a buffer after the service keeps the master taken: last start 16:45, and after a booking', async () => {
  const d = future(12);
  const a = await avail({ service_ids: [s.services.buffered], staff_id: s.anna.id, from: d, to: d });
  assert.deepEqual(slotTimes(a, d), times('09:00', '16:45'), '60 min + 15 min buffer must end by 18:00');

  await book(s.c, oneItem(s, { service: s.services.buffered, start: at(d, '10:00') })); // 10:00-11:00, buffer to 11:15
  const quick = await avail({ service_ids: [s.services.quick], staff_id: s.anna.id, from: d, to: d });
  const t = slotTimes(quick, d);
  for (const ok of ['09:00', '09:30', '11:15', '11:30']) assert.ok(t.includes(ok), `${ok} is free: ${t}`);
  for (const no of ['09:45', '10:00', '10:30', '10:45', '11:00']) assert.ok(!t.includes(no), `${no} is taken (service or its buffer): ${t}`);
  const buf = await avail({ service_ids: [s.services.buffered], staff_id: s.anna.id, from: d, to: d });
  const tb = slotTimes(buf, d);
  assert.ok(!tb.includes('09:00'), `09:00 + 60 + 15 min buffer would reach into the 10:00 visit: ${tb}`);
  assert.equal(tb[0], '11:15', `first start after the visit and its buffer: ${tb}`);
});

test('a processing gap lets the master take another client meanwhile', async () => {
  const d = future(13);
  // Colouring 10:00-12:00, the master is free 10:30-11:15.
  await book(s.c, oneItem(s, { service: s.services.color, start: at(d, '10:00') }));
  const quick = await avail({ service_ids: [s.services.quick], staff_id: s.anna.id, from: d, to: d });
  const t = slotTimes(quick, d);
  for (const ok of ['09:30', '10:30', '10:45', '12:00']) assert.ok(t.includes(ok), `${ok} is free: ${t}`);
  for (const no of ['09:45', '10:00', '10:15', '11:00', '11:15', '11:30', '11:45']) assert.ok(!t.includes(no), `${no} is taken: ${t}`);
  const cut = await avail({ service_ids: [s.services.cut], staff_id: s.anna.id, from: d, to: d });
  const tc = slotTimes(cut, d);
  assert.ok(!tc.includes('10:30'), `a 60-minute service does not fit the 45-minute gap: ${tc}`);
  assert.deepEqual(tc.filter((x) => x < '12:00'), ['09:00'], `before noon only 09:00-10:00 fits a 60-minute service: ${tc}`);
  assert.ok(tc.includes('12:00'), `12:00 is free again: ${tc}`);
});

test('a room of capacity 1 is taken for everyone; capacity 2 takes two at once', async () => {
  const d = future(14);
  const before = await avail({ service_ids: [s.services.roomed], staff_id: s.bohdana.id, from: d, to: d });
  assert.ok(slotTimes(before, d).includes('13:00'), 'the room service is bookable at 13:00 at first');
  await book(s.c, oneItem(s, { service: s.services.roomed, start: at(d, '13:00'), staff: s.anna, room: s.room }));
  const roomed = await avail({ service_ids: [s.services.roomed], staff_id: s.bohdana.id, from: d, to: d });
  const t = slotTimes(roomed, d);
  for (const ok of ['12:00', '14:00']) assert.ok(t.includes(ok), `${ok}: the room is free: ${t}`);
  for (const no of ['12:15', '12:45', '13:00', '13:45']) assert.ok(!t.includes(no), `${no}: the room is taken by Анна's client: ${t}`);
  const cut = await avail({ service_ids: [s.services.cut], staff_id: s.bohdana.id, from: d, to: d });
  assert.ok(slotTimes(cut, d).includes('13:00'), 'Богдана herself is free at 13:00 for a service without the room');

  const p = await s.c.patch(`${ROOMS}/${s.room.id}`, { capacity: 2 });
  assertStatus(p, 200, 'room capacity 2');
  const two = await avail({ service_ids: [s.services.roomed], staff_id: s.bohdana.id, from: d, to: d });
  assert.ok(slotTimes(two, d).includes('13:00'), 'with capacity 2 the room takes a second client at 13:00');
  assertStatus(await s.c.patch(`${ROOMS}/${s.room.id}`, { capacity: 1 }), 200);
});

test('several services back to back: one start for the whole visit, the same master for each', async () => {
  const d = future(15);
  const a = await avail({ service_ids: [s.services.cut, s.services.quick], staff_id: s.anna.id, from: d, to: d });
  assert.deepEqual(slotTimes(a, d), times('09:00', '16:30'), '60 + 30 minutes must end by 18:00');
  for (const x of a.days[0].slots) assert.deepEqual(x.staff_ids, [s.anna.id, s.anna.id], `one master per service: ${JSON.stringify(x)}`);
  const all = await avail({ service_ids: [s.services.cut, s.services.quick], from: d, to: d, same_master: true });
  for (const x of all.days[0].slots) assert.equal(x.staff_ids.length, 2, `two services, two masters listed: ${JSON.stringify(x)}`);
  for (const x of all.days[0].slots) assert.equal(x.staff_ids[0], x.staff_ids[1], `same_master: ${JSON.stringify(x)}`);

  // Booking the pair at 09:00 (the second service without start follows the first) takes 09:00-10:30.
  const appt = await book(s.c, {
    branch_id: s.branch.id,
    client_id: s.client.id,
    items: [
      { service_id: s.services.cut.id, staff_id: s.anna.id, start: at(d, '09:00') },
      { service_id: s.services.quick.id, staff_id: s.anna.id },
    ],
  });
  sameInstant(appt.items[1].start, at(d, '10:00'), 'the second item starts when the first ends');
  sameInstant(appt.end, at(d, '10:30'));
  const b = await avail({ service_ids: [s.services.cut, s.services.quick], staff_id: s.anna.id, from: d, to: d });
  assert.equal(slotTimes(b, d)[0], '10:30', 'the next visit can start at 10:30');
});

test('daylight saving: 09:00 in Kyiv is 07:00Z before spring-forward (2027-03-28) and 06:00Z after', async () => {
  const a = await avail({ service_ids: [s.services.cut], staff_id: s.anna.id, from: '2027-03-27', to: '2027-03-29' });
  const first = (date) => a.days.find((d) => d.date === date).slots[0]?.start;
  const last = (date) => a.days.find((d) => d.date === date).slots.at(-1)?.start;
  sameInstant(first('2027-03-27'), '2027-03-27T07:00:00Z', '2027-03-27 09:00 (+02:00)');
  sameInstant(first('2027-03-28'), '2027-03-28T06:00:00Z', '2027-03-28 09:00 (+03:00), the switch was at 03:00');
  sameInstant(first('2027-03-29'), '2027-03-29T06:00:00Z', '2027-03-29 09:00 (+03:00)');
  sameInstant(last('2027-03-28'), '2027-03-28T14:00:00Z', '2027-03-28 17:00 (+03:00)');
  for (const d of a.days) assert.deepEqual(slotTimes(a, d.date), times('09:00', '17:00'), `wall-clock slots on ${d.date}`);
});

test('daylight saving: 09:00 in Kyiv is 06:00Z before fall-back (2027-10-31) and 07:00Z after', async () => {
  const a = await avail({ service_ids: [s.services.cut], staff_id: s.anna.id, from: '2027-10-30', to: '2027-11-01' });
  const first = (date) => a.days.find((d) => d.date === date).slots[0]?.start;
  const last = (date) => a.days.find((d) => d.date === date).slots.at(-1)?.start;
  sameInstant(first('2027-10-30'), '2027-10-30T06:00:00Z', '2027-10-30 09:00 (+03:00)');
  sameInstant(first('2027-10-31'), '2027-10-31T07:00:00Z', '2027-10-31 09:00 (+02:00), the switch was at 04:00');
  sameInstant(last('2027-10-31'), '2027-10-31T15:00:00Z', '2027-10-31 17:00 (+02:00)');
  sameInstant(first('2027-11-01'), '2027-11-01T07:00:00Z', '2027-11-01 09:00 (+02:00)');
  for (const d of a.days) assert.deepEqual(slotTimes(a, d.date), times('09:00', '17:00'), `wall-clock slots on ${d.date}`);
});

test('daylight saving 2026-10-25 (already past): the days are listed and any slot is at the right instant', async () => {
  // Whether past times are offered is the server's choice; where they are, 09:00 is 06:00Z on
  // the 24th and 07:00Z on the 25th.
  const a = await avail({ service_ids: [s.services.cut], staff_id: s.anna.id, from: '2026-10-24', to: '2026-10-26' });
  for (const d of a.days) {
    const t = slotTimes(a, d.date);
    assert.ok(t.every((x) => x >= '09:00' && x <= '17:00'), `${d.date}: wall-clock slots within 09:00..17:00: ${t}`);
  }
  const first = (date) => a.days.find((d) => d.date === date).slots[0]?.start;
  if (first('2026-10-24')) sameInstant(first('2026-10-24'), '2026-10-24T06:00:00Z', '2026-10-24 09:00 (+03:00)');
  if (first('2026-10-25')) sameInstant(first('2026-10-25'), '2026-10-25T07:00:00Z', '2026-10-25 09:00 (+02:00)');
});

test('bad or missing parameters: 422 naming the parameter', async () => {
  const d = future(16);
  const good = { branch_id: s.branch.id, service_ids: s.services.cut.id, from: d, to: d };
  const q = (over) => {
    const p = { ...good, ...over };
    for (const k of Object.keys(p)) if (p[k] === undefined) delete p[k];
    return `${AVAILABILITY}?${availabilityQuery(p)}`;
  };
  await eachCase(
    [
      [{ branch_id: undefined }, 'branch_id'],
      [{ branch_id: 'abc' }, 'branch_id'],
      [{ branch_id: 987654321 }, 'branch_id'],
      [{ service_ids: undefined }, 'service_ids'],
      [{ service_ids: '' }, 'service_ids'],
      [{ service_ids: 'abc' }, 'service_ids'],
      [{ service_ids: '1,,x' }, 'service_ids'],
      [{ service_ids: 987654321 }, 'service_ids'],
      [{ staff_id: 'abc' }, 'staff_id'],
      [{ from: undefined }, 'from'],
      [{ from: '2026-02-30' }, 'from'],
      [{ from: 'tomorrow' }, 'from'],
      [{ from: '9999-12-31', to: '9999-12-31' }, ['from', 'to']],
      [{ from: '1969-12-31' }, 'from'],
      [{ to: undefined }, 'to'],
      [{ to: '2026-13-01' }, 'to'],
      [{ to: addDays(d, -1) }, 'to'],
      [{ to: addDays(d, 32) }, ['to', 'from']],
    ],
    async ([over, field]) => {
      assertFieldErr(await s.c.get(q(over)), field);
    },
  );
  // 31 days is the most: fine.
  const ok = await s.c.get(q({ to: addDays(d, 31) }));
  assertStatus(ok, 200, '31 days');
  assert.equal(ok.json.days.length, 32);
});

test('unauthenticated: 401', async () => {
  const d = future(16);
  const res = await server.client().get(`${AVAILABILITY}?${availabilityQuery({ branch_id: s.branch.id, service_ids: s.services.cut.id, from: d, to: d })}`);
  assertStatus(res, 401);
});

test('another client\'s booking takes the master\'s time for everyone', async () => {
  const d = future(17);
  const other = await newClient(s.c, 'Інша');
  await book(s.c, oneItem(s, { client: other, start: at(d, '12:00') }));
  const a = await avail({ service_ids: [s.services.cut], staff_id: s.anna.id, from: d, to: d });
  const t = slotTimes(a, d);
  assert.ok(!t.includes('12:00') && !t.includes('11:15') && t.includes('11:00') && t.includes('13:00'), `12:00-13:00 is taken: ${t}`);
});
