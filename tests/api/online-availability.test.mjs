// Public availability (GET /public/branches/{slug}/availability): the staff-side shape with
// online services and masters only, the branch's lead time (no slot before now + lead),
// horizon (none after now + horizon) and step (local minutes a multiple of the step, each one
// also a staff-side slot); master_required; hidden services; the 31-day range; bad queries.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertStatus } from '../lib/api.mjs';
import {
  getAvailability,
  assertBookingProblem,
  assertFieldErr,
  book,
  oneItem,
  at,
  future,
  addDays,
  kyivToday,
  kyivWall,
} from '../lib/booking.mjs';
import {
  startOnlineServer,
  setupOnlineSalon,
  setRules,
  publicAvailability,
  publicAvailabilityRaw,
  allSlots,
  branchPath,
  anon,
} from '../lib/online.mjs';

let server;
let s;

before(async () => {
  server = await startOnlineServer();
  s = await setupOnlineSalon(server);
});
after(async () => {
  await server?.stop();
});

const localMinutes = (instant) => {
  const [h, m] = kyivWall(instant).time.split(':').map(Number);
  return h * 60 + m;
};

test('same shape as the staff side; only online masters in staff_id and staff_ids', async () => {
  await setRules(s);
  const from = future(8);
  const to = addDays(from, 2);
  const a = await publicAvailability(server, s.slug, { service_ids: [s.services.cut.id], from, to });
  const slots = allSlots(a);
  assert.ok(slots.length > 0, 'there are slots');
  for (const x of slots) {
    assert.ok([s.anna.id, s.bohdana.id].includes(x.staff_id), `slot.staff_id is an online master: ${JSON.stringify(x)}`);
    assert.ok(!x.staff_ids.includes(s.offline.id), `the offline master is never offered: ${JSON.stringify(x)}`);
  }
  const times = allSlots(a, { date: from }).map((x) => kyivWall(x.start).time);
  assert.ok(times.includes('09:00') && times.includes('17:00'), `a 60-minute service from 09:00 to 17:00: ${times}`);
  assert.ok(!times.includes('17:15'), `nothing that would end after 18:00: ${times}`);
  // One master.
  const one = await publicAvailability(server, s.slug, { service_ids: [s.services.cut.id], staff_id: s.anna.id, from, to: from });
  assert.ok(allSlots(one).every((x) => x.staff_id === s.anna.id));
  // No session is needed, and a session does not change anything.
  const withSession = await s.c.get(`${branchPath(s.slug)}/availability?service_ids=${s.services.cut.id}&from=${from}&to=${to}`);
  assertStatus(withSession, 200);
  assert.deepEqual(withSession.json, a);
});

test('a staff booking takes the time out of the public slots', async () => {
  await setRules(s);
  const d = future(9);
  await book(s.c, oneItem(s, { start: at(d, '10:00') }));
  const a = await publicAvailability(server, s.slug, { service_ids: [s.services.cut.id], staff_id: s.anna.id, from: d, to: d });
  const times = allSlots(a).map((x) => kyivWall(x.start).time);
  assert.ok(!times.includes('10:00') && !times.includes('10:30') && !times.includes('09:15'), `Анна's 10:00-11:00 is taken: ${times}`);
  assert.ok(times.includes('11:00') && times.includes('09:00'), `around it is free: ${times}`);
});

test('lead time: no slot starts before now + lead', async () => {
  const lead = 2 * 24 * 60 + 7 * 60; // 2 days 7 hours
  await setRules(s, { lead_minutes: lead });
  const from = kyivToday();
  const to = addDays(from, 5);
  const t0 = Date.now();
  const a = await publicAvailability(server, s.slug, { service_ids: [s.services.quick.id], from, to });
  const slots = allSlots(a);
  for (const x of slots) {
    assert.ok(Date.parse(x.start) >= t0 + lead * 60_000 - 1000, `slot ${x.start} is after now + lead (${new Date(t0 + lead * 60_000).toISOString()})`);
  }
  assert.ok(slots.length > 0, 'later days still have slots');
  assert.deepEqual(allSlots(a, { date: from }), [], 'none today');
  assert.deepEqual(allSlots(a, { date: addDays(from, 1) }), [], 'none tomorrow');
  // The first slot is close to now + lead (the lead is not rounded to whole days).
  const first = Date.parse(slots[0].start);
  const earliest = t0 + lead * 60_000;
  const wall = kyivWall(earliest);
  const [h] = wall.time.split(':').map(Number);
  if (h >= 9 && h < 17) {
    assert.ok(first - earliest <= 60 * 60_000, `the first slot ${slots[0].start} is within an hour of now + lead`);
  }
  // lead 0: later today is bookable again (when there is still working time today).
  await setRules(s, { lead_minutes: 0 });
  const zero = await publicAvailability(server, s.slug, { service_ids: [s.services.quick.id], from, to: from });
  for (const x of allSlots(zero)) assert.ok(Date.parse(x.start) >= t0 - 60_000, `no slot in the past: ${x.start}`);
  await setRules(s);
});

test('horizon: no slot starts after now + horizon; days past it are empty', async () => {
  await setRules(s, { horizon_days: 3, lead_minutes: 0 });
  const from = kyivToday();
  const to = addDays(from, 10);
  const a = await publicAvailability(server, s.slug, { service_ids: [s.services.cut.id], from, to });
  const t1 = Date.now();
  const slots = allSlots(a);
  for (const x of slots) {
    assert.ok(Date.parse(x.start) <= t1 + 3 * 86_400_000, `slot ${x.start} is within 3 days`);
  }
  assert.ok(allSlots(a, { date: addDays(from, 2) }).length > 0, 'the day after tomorrow has slots');
  for (let i = 4; i <= 10; i++) assert.deepEqual(allSlots(a, { date: addDays(from, i) }), [], `day +${i} is past the horizon`);
  await setRules(s);
});

test('step: every public start is a multiple of the step on the local clock and a staff-side slot', async () => {
  const d = future(10);
  // Make the staff-side grid uneven: a 45-minute visit at 09:00 shifts Анна's later slots.
  const quick45 = oneItem(s, { service: s.services.quick, start: at(d, '09:00') });
  quick45.items[0].duration = 45;
  await book(s.c, quick45);
  for (const step of [30, 60, 20]) {
    await setRules(s, { step_minutes: step });
    const pub = await publicAvailability(server, s.slug, { service_ids: [s.services.cut.id], from: d, to: d });
    const slots = allSlots(pub);
    assert.ok(slots.length > 0, `step ${step}: some slots`);
    const staffSide = {};
    for (const m of [s.anna, s.bohdana]) {
      const a = await getAvailability(s.c, { branch_id: s.branch.id, service_ids: [s.services.cut.id], staff_id: m.id, from: d, to: d });
      staffSide[m.id] = new Set(allSlots(a).map((x) => Date.parse(x.start)));
    }
    for (const x of slots) {
      assert.equal(localMinutes(x.start) % step, 0, `step ${step}: ${kyivWall(x.start).time} is on the grid`);
      for (const id of x.staff_ids) {
        assert.ok(staffSide[id]?.has(Date.parse(x.start)), `step ${step}: ${kyivWall(x.start).time} of master ${id} is a staff-side slot`);
      }
    }
    const annaTimes = allSlots(pub, { staffId: s.anna.id }).map((x) => kyivWall(x.start).time);
    assert.ok(!annaTimes.includes('09:00') && !annaTimes.includes('09:30'), `step ${step}: Анна is busy until 09:45: ${annaTimes}`);
  }
  await setRules(s);
});

test('master_required: without staff_id 422 {staff_id: required}; with it 200', async () => {
  await setRules(s, { master_required: true });
  const d = future(8);
  assertFieldErr(await publicAvailabilityRaw(server, s.slug, { service_ids: [s.services.cut.id], from: d, to: d }), 'staff_id', 'required');
  const a = await publicAvailability(server, s.slug, { service_ids: [s.services.cut.id], staff_id: s.bohdana.id, from: d, to: d });
  assert.ok(allSlots(a).length > 0);
  await setRules(s);
});

test('services and masters not booked online: 422 service_ids not_found / staff_id', async () => {
  await setRules(s);
  const d = future(8);
  const q = (params) => publicAvailabilityRaw(server, s.slug, { from: d, to: d, ...params });
  for (const svc of [s.hidden, s.archived, s.services.group]) {
    assertFieldErr(await q({ service_ids: [svc.id] }), 'service_ids', 'not_found', svc.name);
    assertFieldErr(await q({ service_ids: [s.services.cut.id, svc.id] }), 'service_ids', 'not_found', `cut + ${svc.name}`);
  }
  assertFieldErr(await q({ service_ids: [999999999] }), 'service_ids', 'not_found', 'unknown service');
  assertFieldErr(await q({ service_ids: [s.services.cut.id], staff_id: s.offline.id }), 'staff_id', undefined, 'offline master');
  assertFieldErr(await q({ service_ids: [s.services.cut.id], staff_id: 999999999 }), 'staff_id', undefined, 'unknown master');
  // Another organization's service is unknown here.
  const other = await setupOnlineSalon(server);
  assertFieldErr(await q({ service_ids: [other.services.cut.id] }), 'service_ids', 'not_found', 'another org\'s service');
  assertFieldErr(await q({ service_ids: [s.services.cut.id], staff_id: other.anna.id }), 'staff_id', undefined, 'another org\'s master');
});

test('range: 31 days are fine, more is 422; bad dates and ids are 4xx, never 5xx', async () => {
  await setRules(s);
  const from = future(1);
  await publicAvailability(server, s.slug, { service_ids: [s.services.quick.id], from, to: addDays(from, 30) }, '31 days');
  assertFieldErr(
    await publicAvailabilityRaw(server, s.slug, { service_ids: [s.services.quick.id], from, to: addDays(from, 40) }),
    ['from', 'to'],
    undefined,
    '41 days',
  );
  assertFieldErr(
    await publicAvailabilityRaw(server, s.slug, { service_ids: [s.services.quick.id], from, to: addDays(from, 400) }),
    ['from', 'to'],
    undefined,
    '401 days',
  );
  const cut = s.services.cut.id;
  const bad = [
    `service_ids=${cut}&from=${from}`,
    `service_ids=${cut}&to=${from}`,
    `from=${from}&to=${from}`,
    `service_ids=&from=${from}&to=${from}`,
    `service_ids=abc&from=${from}&to=${from}`,
    `service_ids=${cut}&from=2026-13-45&to=${from}`,
    `service_ids=${cut}&from=${from}&to=9999-99-99`,
    `service_ids=${cut}&from=${addDays(from, 3)}&to=${from}`,
    `service_ids=${cut}&from=${from}&to=${from}&staff_id=-1`,
    `service_ids=${cut}&from=${from}&to=${from}&staff_id=x`,
    `service_ids=${Array.from({ length: 500 }, () => cut).join(',')}&from=${from}&to=${from}`,
    `service_ids=99999999999999999999999&from=${from}&to=${from}`,
  ];
  const failures = [];
  for (const query of bad) {
    const res = await anon(server).get(`${branchPath(s.slug)}/availability?${query}`);
    if (!(res.status >= 400 && res.status < 500) || !/problem\+json/.test(res.headers.get('content-type') ?? '')) {
      failures.push(`${query.slice(0, 80)}: ${res.status} ${res.text.slice(0, 200)}`);
    }
  }
  assert.deepEqual(failures, [], failures.join('\n'));
});

test('a closed branch: 403 online-booking-closed', async () => {
  await setRules(s, { enabled: false });
  const d = future(8);
  assertBookingProblem(await publicAvailabilityRaw(server, s.slug, { service_ids: [s.services.cut.id], from: d, to: d }), 403, 'online-booking-closed');
  await setRules(s);
  assertStatus(await publicAvailabilityRaw(server, s.slug, { service_ids: [s.services.cut.id], from: d, to: d }), 200);
});
