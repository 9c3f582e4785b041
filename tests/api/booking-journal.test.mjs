// The journal (the day view): masters of the branch sorted by name with their working
// intervals, the appointments overlapping the days sorted by start, 1..7 days, cancelled ones
// only with include_cancelled=true, closed days, archived masters left out, the working hours
// on the daylight-saving days, and validation of the query.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertStatus } from '../lib/api.mjs';
import { STAFF, createStaff, putSchedule, daily, iv } from '../lib/staff.mjs';
import {
  JOURNAL,
  setupSalon,
  book,
  status,
  getJournal,
  oneItem,
  kyivWall,
  at,
  future,
  addDays,
  sameInstant,
  assertAppointment,
  assertFieldErr,
  eachCase,
  TZ,
  UTC_Z,
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

const journal = (params) => getJournal(s.c, { branch_id: s.branch.id, ...params });

function assertJournalShape(j, date, days) {
  const t = JSON.stringify(j).slice(0, 800);
  assert.equal(j.branch_id, s.branch.id, t);
  assert.equal(j.timezone, TZ, t);
  assert.equal(j.date, date, t);
  assert.equal(j.days, days, t);
  assert.ok(Array.isArray(j.staff) && Array.isArray(j.appointments) && Array.isArray(j.group_events) && Array.isArray(j.closed_days), t);
  for (const m of j.staff) {
    assert.ok(Number.isInteger(m.id) && typeof m.name === 'string', `staff: ${JSON.stringify(m)}`);
    assert.ok('position' in m && typeof m.color === 'string' && Number.isInteger(m.booking_step), `staff: ${JSON.stringify(m)}`);
    assert.ok(Array.isArray(m.working), `staff.working: ${JSON.stringify(m)}`);
    for (const w of m.working) {
      assert.match(w.start, UTC_Z, JSON.stringify(w));
      assert.match(w.end, UTC_Z, JSON.stringify(w));
    }
  }
  j.appointments.forEach((a) => assertAppointment(a));
  const starts = j.appointments.map((a) => Date.parse(a.start));
  assert.deepEqual(starts, [...starts].sort((a, b) => a - b), 'appointments sorted by start');
}

test('a day: masters sorted by name with their hours, the day\'s appointments sorted by start', async () => {
  const d = future(8);
  const late = await book(s.c, oneItem(s, { start: at(d, '15:00') }));
  const early = await book(s.c, oneItem(s, { staff: s.bohdana, service: s.services.quick, start: at(d, '09:30') }));
  const mid = await book(s.c, oneItem(s, { client: s.vip, start: at(d, '11:00') }));
  await book(s.c, oneItem(s, { start: at(addDays(d, 1), '10:00') })); // the next day: not listed
  await book(s.c, oneItem(s, { start: at(addDays(d, -1), '17:00') })); // the day before: not listed
  const j = await journal({ date: d, days: 1 });
  assertJournalShape(j, d, 1);
  assert.deepEqual(j.appointments.map((a) => a.id), [early.id, mid.id, late.id]);
  const names = j.staff.map((m) => m.name);
  assert.deepEqual(names.slice(0, 2), ['Анна Тест', 'Богдана Тест'], `sorted by name: ${names}`);
  const anna = j.staff.find((m) => m.id === s.anna.id);
  assert.equal(anna.working.length, 1, JSON.stringify(anna.working));
  sameInstant(anna.working[0].start, at(d, '09:00'));
  sameInstant(anna.working[0].end, at(d, '18:00'));
  assert.equal(anna.color.toLowerCase(), '#7950f2');
  assert.equal(anna.booking_step, 15);
  assert.deepEqual(j.closed_days, []);
  // date alone means one day.
  const dflt = await journal({ date: d });
  assert.equal(dflt.days, 1);
  assert.deepEqual(dflt.appointments.map((a) => a.id), [early.id, mid.id, late.id]);
});

test('days=7 covers a week: the 7th day in, the 8th day out; working intervals for each day', async () => {
  const d = future(10);
  const first = await book(s.c, oneItem(s, { start: at(d, '09:00') }));
  const seventh = await book(s.c, oneItem(s, { start: at(addDays(d, 6), '17:00') }));
  const eighth = await book(s.c, oneItem(s, { start: at(addDays(d, 7), '09:00') }));
  const j = await journal({ date: d, days: 7 });
  assertJournalShape(j, d, 7);
  const ids = j.appointments.map((a) => a.id);
  assert.ok(ids.includes(first.id) && ids.includes(seventh.id), `first and seventh day: ${ids}`);
  assert.ok(!ids.includes(eighth.id), `the eighth day is not in: ${ids}`);
  const anna = j.staff.find((m) => m.id === s.anna.id);
  assert.equal(anna.working.length, 7, JSON.stringify(anna.working));
  anna.working.forEach((w, i) => sameInstant(w.start, at(addDays(d, i), '09:00'), `working day ${i + 1}`));
});

test('cancelled appointments are hidden unless include_cancelled=true', async () => {
  const d = future(12);
  const keep = await book(s.c, oneItem(s, { start: at(d, '10:00') }));
  const gone = await book(s.c, oneItem(s, { client: s.vip, start: at(d, '12:00') }));
  await status(s.c, gone.id, { status: 'cancelled', reason: 'Не змогла', cancelled_by: 'client' });
  const noShow = await book(s.c, oneItem(s, { client: s.vip, start: at(d, '14:00') }));
  await status(s.c, noShow.id, 'no_show');
  const j = await journal({ date: d });
  const ids = j.appointments.map((a) => a.id);
  assert.ok(ids.includes(keep.id), 'the booked one is listed');
  assert.ok(!ids.includes(gone.id), 'the cancelled one is hidden');
  assert.ok(ids.includes(noShow.id), 'a no-show stays in the journal');
  const all = await journal({ date: d, include_cancelled: 'true' });
  const c = all.appointments.find((a) => a.id === gone.id);
  assert.ok(c, 'include_cancelled=true lists it');
  assert.equal(c.status, 'cancelled');
  assert.equal(c.cancel_reason, 'Не змогла');
  const explicitFalse = await journal({ date: d, include_cancelled: 'false' });
  assert.ok(!explicitFalse.appointments.some((a) => a.id === gone.id));
});

test('closed days are listed; archived masters are not; a new master is', async () => {
  const d = future(14);
  const m = await createStaff(s.c, s.branch.id, { name: 'Яна Тимчасова' });
  await putSchedule(s.c, m.id, { patterns: [daily('every_day', '2026-01-01', [iv('10:00', '14:00')])] });
  let j = await journal({ date: d, days: 3 });
  const jm = j.staff.find((x) => x.id === m.id);
  assert.ok(jm, 'the new master is listed');
  assert.equal(jm.working.length, 3);
  const names = j.staff.map((x) => x.name);
  assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'uk')), `sorted by name: ${names}`);

  const closed = await s.c.put(`/api/v1/branches/${s.branch.id}/closed-days`, { items: [{ date: addDays(d, 1), reason: 'Свято' }] });
  assertStatus(closed, 200);
  j = await journal({ date: d, days: 3 });
  assert.deepEqual(j.closed_days, [addDays(d, 1)]);
  const anna = j.staff.find((x) => x.id === s.anna.id);
  assert.ok(
    anna.working.every((w) => kyivWall(w.start).date !== addDays(d, 1)),
    `no working hours on the closed day: ${JSON.stringify(anna.working)}`,
  );
  assert.equal(anna.working.length, 2, `two working days of three: ${JSON.stringify(anna.working)}`);
  assertStatus(await s.c.put(`/api/v1/branches/${s.branch.id}/closed-days`, { items: [] }), 200);

  const del = await s.c.delete(`${STAFF}/${m.id}`);
  assert.ok(del.status === 200 || del.status === 204, `archive: ${del.status}`);
  j = await journal({ date: d });
  assert.ok(!j.staff.some((x) => x.id === m.id), 'an archived master is not listed');
});

test('the working hours on the daylight-saving days are at the right UTC instants', async () => {
  const spring = await journal({ date: '2027-03-27', days: 2 });
  const a1 = spring.staff.find((m) => m.id === s.anna.id);
  assert.deepEqual(
    a1.working.map((w) => [Date.parse(w.start), Date.parse(w.end)]),
    [
      [Date.parse('2027-03-27T07:00:00Z'), Date.parse('2027-03-27T16:00:00Z')],
      [Date.parse('2027-03-28T06:00:00Z'), Date.parse('2027-03-28T15:00:00Z')],
    ],
    `spring forward: ${JSON.stringify(a1.working)}`,
  );
  const autumn = await journal({ date: '2026-10-24', days: 2 });
  const a2 = autumn.staff.find((m) => m.id === s.anna.id);
  assert.deepEqual(
    a2.working.map((w) => [Date.parse(w.start), Date.parse(w.end)]),
    [
      [Date.parse('2026-10-24T06:00:00Z'), Date.parse('2026-10-24T15:00:00Z')],
      [Date.parse('2026-10-25T07:00:00Z'), Date.parse('2026-10-25T16:00:00Z')],
    ],
    `fall back: ${JSON.stringify(a2.working)}`,
  );
});

test('the day boundaries move with the offset on the daylight-saving days', async () => {
  // 30-minute visits just before and just after midnight on both sides of each switch day: a
  // journal that used the wrong offset for the day's start or end would put them on the
  // neighbouring day.
  const mk = (date, time) =>
    book(s.c, oneItem(s, { service: s.services.quick, start: at(date, time), allow_outside_hours: true }), `${date} ${time}`);
  const a = await mk('2027-03-27', '23:00'); // 21:00Z-21:30Z, the 28th starts at 22:00Z
  const b = await mk('2027-03-29', '00:30'); // 21:30Z, the 28th ends at 21:00Z
  const c = await mk('2027-10-31', '00:30'); // 2027-10-30T21:30Z, the 31st starts at 21:00Z
  const d = await mk('2027-10-31', '23:00'); // 21:00Z-21:30Z, the 31st ends at 22:00Z
  sameInstant(a.start, '2027-03-27T21:00:00Z');
  sameInstant(b.start, '2027-03-28T21:30:00Z');
  sameInstant(c.start, '2027-10-30T21:30:00Z');
  sameInstant(d.start, '2027-10-31T21:00:00Z');
  const ids = async (date) => (await journal({ date })).appointments.map((x) => x.id);
  assert.deepEqual(await ids('2027-03-27'), [a.id], '2027-03-27');
  assert.deepEqual(await ids('2027-03-28'), [], '2027-03-28 (23 hours: 22:00Z..21:00Z)');
  assert.deepEqual(await ids('2027-03-29'), [b.id], '2027-03-29');
  assert.deepEqual(await ids('2027-10-30'), [], '2027-10-30');
  assert.deepEqual(await ids('2027-10-31'), [c.id, d.id], '2027-10-31 (25 hours: 21:00Z..22:00Z)');
  assert.deepEqual(await ids('2027-11-01'), [], '2027-11-01');
});

test('a second branch in another time zone has its own masters, hours and appointments', async () => {
  const br = await s.c.post('/api/v1/branches', { name: `Варшава ${Date.now()}`, timezone: 'Europe/Warsaw' });
  assertStatus(br, 201, 'second branch');
  const branch2 = br.json;
  const m = await createStaff(s.c, branch2.id, { name: 'Варшавська', service_ids: [s.services.cut.id] });
  await putSchedule(s.c, m.id, { patterns: [daily('every_day', '2026-01-01', [iv('09:00', '18:00')])] });
  const d = '2027-01-12'; // winter: Warsaw is +01:00
  const j = await getJournal(s.c, { branch_id: branch2.id, date: d });
  assert.equal(j.timezone, 'Europe/Warsaw');
  assert.deepEqual(j.staff.map((x) => x.id), [m.id], 'only the masters of that branch');
  assert.deepEqual(j.staff[0].working.map((w) => [Date.parse(w.start), Date.parse(w.end)]), [[Date.parse(`${d}T08:00:00Z`), Date.parse(`${d}T17:00:00Z`)]]);
  const ours = await journal({ date: d });
  assert.ok(!ours.staff.some((x) => x.id === m.id), 'not in the first branch');

  const av = await s.c.get(`/api/v1/availability?branch_id=${branch2.id}&service_ids=${s.services.cut.id}&from=${d}&to=${d}`);
  assertStatus(av, 200);
  assert.equal(av.json.timezone, 'Europe/Warsaw');
  assert.equal(av.json.days[0].slots[0]?.start, `${d}T08:00:00Z`, '09:00 in Warsaw');
  assert.ok(av.json.days[0].slots.every((x) => x.staff_id === m.id), 'only that branch\'s master');

  const a = await book(s.c, { branch_id: branch2.id, client_id: s.client.id, items: [{ service_id: s.services.cut.id, staff_id: m.id, start: `${d}T08:00:00Z` }] });
  assert.equal(a.branch_id, branch2.id);
  const j2 = await getJournal(s.c, { branch_id: branch2.id, date: d });
  assert.deepEqual(j2.appointments.map((x) => x.id), [a.id]);
  assert.ok(!(await journal({ date: d })).appointments.some((x) => x.id === a.id), 'not in the first branch\'s journal');
  // A master of the first branch cannot be booked in the second.
  const wrong = await s.c.post('/api/v1/appointments', {
    branch_id: branch2.id,
    client_id: s.client.id,
    items: [{ service_id: s.services.cut.id, staff_id: s.anna.id, start: `${d}T10:00:00Z` }],
  });
  assertFieldErr(wrong, 'items[0].staff_id');
});

test('validation: days 1..7, a real date, a branch of this organization', async () => {
  const d = future(16);
  await eachCase(
    [
      [{ date: d, days: '0' }, 'days'],
      [{ date: d, days: '8' }, 'days'],
      [{ date: d, days: '-1' }, 'days'],
      [{ date: d, days: 'x' }, 'days'],
      [{ date: d, days: '1.5' }, 'days'],
      [{}, 'date'],
      [{ date: '2026-13-01' }, 'date'],
      [{ date: '2026-02-30' }, 'date'],
      [{ date: '9999-12-31' }, 'date'],
      [{ date: '23.11.2026' }, 'date'],
      [{ date: d, branch_id: undefined }, 'branch_id'],
      [{ date: d, branch_id: 'x' }, 'branch_id'],
      [{ date: d, branch_id: '987654321' }, 'branch_id'],
    ],
    async ([params, field]) => {
      const p = { branch_id: s.branch.id, ...params };
      for (const k of Object.keys(p)) if (p[k] === undefined) delete p[k];
      assertFieldErr(await s.c.get(`${JOURNAL}?${new URLSearchParams(p)}`), field);
    },
  );
  for (const days of [1, 7]) assertStatus(await s.c.get(`${JOURNAL}?branch_id=${s.branch.id}&date=${d}&days=${days}`), 200, `days=${days}`);
  assertStatus(await server.client().get(`${JOURNAL}?branch_id=${s.branch.id}&date=${d}`), 401, 'unauthenticated');
});
