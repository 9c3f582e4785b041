// Work intervals: a master's schedule expanded into instants in the branch's time zone
// (Europe/Kyiv: +02:00 in winter, +03:00 in summer), correct on the DST days, with cycles,
// even/odd dates, exceptions, absences and branch closed days, shifts past midnight,
// pattern validity ranges, and validation of ?from= and ?to=.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertStatus, assertProblem, signup } from '../lib/api.mjs';
import {
  STAFF,
  items,
  branchOf,
  assertFieldError,
  createStaff,
  putSchedule,
  workIntervals,
  weekly,
  cycle,
  daily,
  iv,
  byDay,
  hours,
  localParts,
  datesBetween,
  weekdayIndex,
} from '../lib/staff.mjs';

let server;
let owner;
let branch;
let week; // Mon-Fri 09:00-13:00 + 14:00-18:00 from 2026-01-05

before(async () => {
  server = await startServer();
  owner = await signup(server, { timezone: 'Europe/Kyiv' });
  branch = branchOf(owner);
  week = await createStaff(owner.client, branch.id, { name: 'Тиждень' });
  await putSchedule(owner.client, week.id, { patterns: [weekly('2026-01-05')] });
});
after(async () => {
  await server?.stop();
});

const kyiv = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Kyiv',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
/** "YYYY-MM-DD HH:MM" of an instant on the Kyiv wall clock. */
const kyivWall = (instant) => kyiv.format(new Date(instant)).replace(', ', ' ');

/** The intervals as "start/end" strings exactly as the server wrote them. */
const plain = (w) => w.intervals.map((i) => `${i.start}/${i.end}`);

/** Every written local time agrees with the instant on the Kyiv wall clock. */
function assertWallClock(w) {
  for (const i of w.intervals) {
    for (const t of [i.start, i.end]) {
      const { date, time } = localParts(t);
      assert.equal(kyivWall(t), `${date} ${time}`, `${t} is written with the Europe/Kyiv offset of that instant`);
    }
  }
}

test('a winter week: Mon-Fri 09:00-13:00 and 14:00-18:00 at +02:00, weekend off', async () => {
  const w = await workIntervals(owner.client, week.id, '2026-11-23', '2026-11-29');
  assert.equal(w.timezone, 'Europe/Kyiv');
  const want = [];
  for (const d of datesBetween('2026-11-23', '2026-11-27')) {
    want.push(`${d}T09:00:00+02:00/${d}T13:00:00+02:00`, `${d}T14:00:00+02:00/${d}T18:00:00+02:00`);
  }
  assert.deepEqual(plain(w), want);
});

test('a summer week: the same hours at +03:00', async () => {
  const w = await workIntervals(owner.client, week.id, '2026-07-13', '2026-07-19');
  const want = [];
  for (const d of datesBetween('2026-07-13', '2026-07-17')) {
    want.push(`${d}T09:00:00+03:00/${d}T13:00:00+03:00`, `${d}T14:00:00+03:00/${d}T18:00:00+03:00`);
  }
  assert.deepEqual(plain(w), want);
});

test('across the DST switches the wall-clock hours stay 09:00-18:00 and the offset changes', async () => {
  const spring = await workIntervals(owner.client, week.id, '2026-03-27', '2026-03-30');
  assert.deepEqual(plain(spring), [
    '2026-03-27T09:00:00+02:00/2026-03-27T13:00:00+02:00',
    '2026-03-27T14:00:00+02:00/2026-03-27T18:00:00+02:00',
    '2026-03-30T09:00:00+03:00/2026-03-30T13:00:00+03:00',
    '2026-03-30T14:00:00+03:00/2026-03-30T18:00:00+03:00',
  ]);
  const autumn = await workIntervals(owner.client, week.id, '2026-10-23', '2026-10-26');
  assert.deepEqual(plain(autumn), [
    '2026-10-23T09:00:00+03:00/2026-10-23T13:00:00+03:00',
    '2026-10-23T14:00:00+03:00/2026-10-23T18:00:00+03:00',
    '2026-10-26T09:00:00+02:00/2026-10-26T13:00:00+02:00',
    '2026-10-26T14:00:00+02:00/2026-10-26T18:00:00+02:00',
  ]);
});

test('the DST days themselves: 2026-03-29 is an hour shorter, 2026-10-25 an hour longer', async () => {
  const m = await createStaff(owner.client, branch.id, { name: 'Щодня' });
  await putSchedule(owner.client, m.id, { patterns: [daily('every_day', '2026-01-01', [iv('01:00', '05:00'), iv('09:00', '18:00')])] });

  const spring = await workIntervals(owner.client, m.id, '2026-03-28', '2026-03-30');
  assertWallClock(spring);
  const s = byDay(spring.intervals);
  assert.deepEqual(s.get('2026-03-29').map((i) => `${i.start}/${i.end}`), [
    '2026-03-29T01:00:00+02:00/2026-03-29T05:00:00+03:00',
    '2026-03-29T09:00:00+03:00/2026-03-29T18:00:00+03:00',
  ]);
  assert.deepEqual(s.get('2026-03-28').map(hours), [4, 9], 'the day before: 4 h + 9 h');
  assert.deepEqual(s.get('2026-03-29').map(hours), [3, 9], 'spring forward: 01:00-05:00 lasts 3 h');
  assert.deepEqual(s.get('2026-03-30').map(hours), [4, 9]);

  const autumn = await workIntervals(owner.client, m.id, '2026-10-24', '2026-10-26');
  assertWallClock(autumn);
  const a = byDay(autumn.intervals);
  assert.deepEqual(a.get('2026-10-25').map((i) => `${i.start}/${i.end}`), [
    '2026-10-25T01:00:00+03:00/2026-10-25T05:00:00+02:00',
    '2026-10-25T09:00:00+02:00/2026-10-25T18:00:00+02:00',
  ]);
  assert.deepEqual(a.get('2026-10-24').map(hours), [4, 9]);
  assert.deepEqual(a.get('2026-10-25').map(hours), [5, 9], 'fall back: 01:00-05:00 lasts 5 h');
  assert.deepEqual(a.get('2026-10-26').map(hours), [4, 9]);
});

test('local times that do not exist or occur twice on a DST day still give a sane interval', async () => {
  const m = await createStaff(owner.client, branch.id, { name: 'Перехід' });
  await putSchedule(owner.client, m.id, { patterns: [daily('every_day', '2026-01-01', [iv('03:30', '05:00')])] });
  // 2026-03-29 03:30 does not exist in Kyiv (03:00 -> 04:00).
  const spring = byDay((await workIntervals(owner.client, m.id, '2026-03-29', '2026-03-29')).intervals).get('2026-03-29');
  assert.equal(spring?.length, 1, `one interval on 2026-03-29: ${JSON.stringify(spring)}`);
  assert.equal(spring[0].end, '2026-03-29T05:00:00+03:00');
  const s = Date.parse(spring[0].start);
  assert.ok(s >= Date.parse('2026-03-29T01:00:00Z') && s <= Date.parse('2026-03-29T01:30:00Z'), `start near the gap: ${spring[0].start}`);
  // 2026-10-25 03:30 occurs twice (04:00 -> 03:00).
  const autumn = byDay((await workIntervals(owner.client, m.id, '2026-10-25', '2026-10-25')).intervals).get('2026-10-25');
  assert.equal(autumn?.length, 1, `one interval on 2026-10-25: ${JSON.stringify(autumn)}`);
  assert.ok(['2026-10-25T03:30:00+03:00', '2026-10-25T03:30:00+02:00'].includes(autumn[0].start), `one of the two 03:30s: ${autumn[0].start}`);
  assert.equal(autumn[0].end, '2026-10-25T05:00:00+02:00');
});

test('a whole year: every instant carries the Kyiv offset of its own moment', async () => {
  const w = await workIntervals(owner.client, week.id, '2026-01-01', '2026-12-31');
  assertWallClock(w);
  const days = byDay(w.intervals);
  for (const [date, list] of days) {
    assert.ok(weekdayIndex(date) < 5, `${date} is a weekday`);
    assert.deepEqual(list.map((i) => localParts(i.start).time + '-' + localParts(i.end).time), ['09:00-13:00', '14:00-18:00'], date);
  }
  const weekdays = datesBetween('2026-01-05', '2026-12-31').filter((d) => weekdayIndex(d) < 5);
  assert.equal(days.size, weekdays.length, 'every weekday from valid_from on, nothing before it');
  const sorted = [...w.intervals].sort((x, y) => Date.parse(x.start) - Date.parse(y.start));
  assert.deepEqual(w.intervals, sorted, 'intervals are in time order');
});

test('a 2/2 cycle alternates two days on, two days off, counted from valid_from', async () => {
  const m = await createStaff(owner.client, branch.id, { name: 'Два через два' });
  await putSchedule(owner.client, m.id, { patterns: [cycle('2026-11-02', [[iv('09:00', '21:00')], [iv('09:00', '21:00')], [], []])] });
  const w = await workIntervals(owner.client, m.id, '2026-10-30', '2026-11-15');
  assertWallClock(w);
  const days = [...byDay(w.intervals).keys()];
  assert.deepEqual(days, ['2026-11-02', '2026-11-03', '2026-11-06', '2026-11-07', '2026-11-10', '2026-11-11', '2026-11-14', '2026-11-15']);
  assert.deepEqual(w.intervals[0], { start: '2026-11-02T09:00:00+02:00', end: '2026-11-02T21:00:00+02:00' });
  // A later window that does not start on a cycle boundary.
  const later = await workIntervals(owner.client, m.id, '2026-12-01', '2026-12-08');
  assert.deepEqual([...byDay(later.intervals).keys()], ['2026-12-01', '2026-12-04', '2026-12-05', '2026-12-08']);
});

test('even and odd dates follow the day of the month, also across a month end', async () => {
  const even = await createStaff(owner.client, branch.id, { name: 'Парні' });
  const odd = await createStaff(owner.client, branch.id, { name: 'Непарні' });
  await putSchedule(owner.client, even.id, { patterns: [daily('even_dates', '2026-01-01', [iv('10:00', '18:00')])] });
  await putSchedule(owner.client, odd.id, { patterns: [daily('odd_dates', '2026-01-01', [iv('10:00', '18:00')])] });
  const e = await workIntervals(owner.client, even.id, '2026-10-29', '2026-11-04');
  const o = await workIntervals(owner.client, odd.id, '2026-10-29', '2026-11-04');
  assert.deepEqual([...byDay(e.intervals).keys()], ['2026-10-30', '2026-11-02', '2026-11-04']);
  assert.deepEqual([...byDay(o.intervals).keys()], ['2026-10-29', '2026-10-31', '2026-11-01', '2026-11-03']);
  assert.deepEqual(e.intervals[0], { start: '2026-10-30T10:00:00+02:00', end: '2026-10-30T18:00:00+02:00' }, 'after the autumn switch');
  assert.deepEqual(o.intervals[0], { start: '2026-10-29T10:00:00+02:00', end: '2026-10-29T18:00:00+02:00' });
  assert.deepEqual(e.intervals[1], { start: '2026-11-02T10:00:00+02:00', end: '2026-11-02T18:00:00+02:00' });
});

test('a night shift 22:00-02:00 ends on the next day', async () => {
  const m = await createStaff(owner.client, branch.id, { name: 'Нічна' });
  await putSchedule(owner.client, m.id, {
    patterns: [weekly('2026-01-05', [[iv('22:00', '02:00')], [], [], [], [], [iv('23:00', '04:00')], []])],
  });
  const w = await workIntervals(owner.client, m.id, '2026-11-23', '2026-11-25');
  assert.deepEqual(plain(w), ['2026-11-23T22:00:00+02:00/2026-11-24T02:00:00+02:00']);
  assert.equal(hours(w.intervals[0]), 4);
  // Saturday night into the spring-forward Sunday: 23:00-04:00 is 4 h; into the autumn one, 6 h.
  const spring = await workIntervals(owner.client, m.id, '2026-03-28', '2026-03-29');
  assert.deepEqual(plain(spring), ['2026-03-28T23:00:00+02:00/2026-03-29T04:00:00+03:00']);
  assert.equal(hours(spring.intervals[0]), 4);
  const autumn = await workIntervals(owner.client, m.id, '2026-10-24', '2026-10-25');
  assert.deepEqual(plain(autumn), ['2026-10-24T23:00:00+03:00/2026-10-25T04:00:00+02:00']);
  assert.equal(hours(autumn.intervals[0]), 6);
});

test('patterns apply only inside valid_from..valid_until (inclusive) and hand over to the next', async () => {
  const m = await createStaff(owner.client, branch.id, { name: 'Зміна графіка' });
  await putSchedule(owner.client, m.id, {
    patterns: [weekly('2026-11-02', [iv('09:00', '18:00')], '2026-11-13'), daily('every_day', '2026-11-16', [iv('10:00', '16:00')])],
  });
  const w = await workIntervals(owner.client, m.id, '2026-10-26', '2026-11-18');
  const days = byDay(w.intervals);
  assert.deepEqual([...days.keys()], [
    '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06',
    '2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13',
    '2026-11-16', '2026-11-17', '2026-11-18',
  ]);
  assert.deepEqual(days.get('2026-11-13'), [{ start: '2026-11-13T09:00:00+02:00', end: '2026-11-13T18:00:00+02:00' }]);
  assert.deepEqual(days.get('2026-11-16'), [{ start: '2026-11-16T10:00:00+02:00', end: '2026-11-16T16:00:00+02:00' }]);
});

test('an exception replaces a day: [] is a day off, other intervals are that day’s hours', async () => {
  const m = await createStaff(owner.client, branch.id, { name: 'Винятки' });
  await putSchedule(owner.client, m.id, {
    patterns: [weekly('2026-01-05')],
    exceptions: [
      { date: '2026-11-25', intervals: [] },
      { date: '2026-11-26', intervals: [iv('12:00', '20:00')] },
      { date: '2026-11-28', intervals: [iv('10:00', '14:00')] },
    ],
  });
  const days = byDay((await workIntervals(owner.client, m.id, '2026-11-23', '2026-11-29')).intervals);
  assert.deepEqual([...days.keys()], ['2026-11-23', '2026-11-24', '2026-11-26', '2026-11-27', '2026-11-28']);
  assert.deepEqual(days.get('2026-11-26'), [{ start: '2026-11-26T12:00:00+02:00', end: '2026-11-26T20:00:00+02:00' }]);
  assert.deepEqual(days.get('2026-11-28'), [{ start: '2026-11-28T10:00:00+02:00', end: '2026-11-28T14:00:00+02:00' }]);
});

test('an absence removes its days (inclusive); deleting it brings them back', async () => {
  const m = await createStaff(owner.client, branch.id, { name: 'Відпустка' });
  await putSchedule(owner.client, m.id, { patterns: [weekly('2026-01-05')] });
  const a = await owner.client.post(`${STAFF}/${m.id}/absences`, { from: '2026-11-24', to: '2026-11-26', reason: 'vacation' });
  assertStatus(a, 201);
  let days = byDay((await workIntervals(owner.client, m.id, '2026-11-23', '2026-11-29')).intervals);
  assert.deepEqual([...days.keys()], ['2026-11-23', '2026-11-27']);
  assertStatus(await owner.client.delete(`${STAFF}/${m.id}/absences/${a.json.id}`), 204);
  days = byDay((await workIntervals(owner.client, m.id, '2026-11-23', '2026-11-29')).intervals);
  assert.deepEqual([...days.keys()], datesBetween('2026-11-23', '2026-11-27'));
});

test('a branch closed day removes the day for the branch’s masters only', async () => {
  const b2 = await owner.client.post('/api/v1/branches', { name: 'Закрита філія', timezone: 'Europe/Kyiv' });
  assertStatus(b2, 201);
  const m = await createStaff(owner.client, b2.json.id, { name: 'Філія 2' });
  await putSchedule(owner.client, m.id, { patterns: [weekly('2026-01-05')] });
  const path = `/api/v1/branches/${b2.json.id}/closed-days`;
  assert.deepEqual(items(await owner.client.get(path)), [], 'no closed days yet');
  const put = await owner.client.put(path, { items: [{ date: '2026-11-24', reason: 'Санітарний день' }, { date: '2026-12-25', reason: 'Різдво' }] });
  assertStatus(put, 200);
  const got = items(await owner.client.get(path));
  assert.deepEqual(
    got.map((d) => ({ date: d.date, reason: d.reason })).sort((x, y) => x.date.localeCompare(y.date)),
    [{ date: '2026-11-24', reason: 'Санітарний день' }, { date: '2026-12-25', reason: 'Різдво' }],
  );
  const days = byDay((await workIntervals(owner.client, m.id, '2026-11-23', '2026-11-29')).intervals);
  assert.deepEqual([...days.keys()], ['2026-11-23', '2026-11-25', '2026-11-26', '2026-11-27']);
  const mainDays = byDay((await workIntervals(owner.client, week.id, '2026-11-23', '2026-11-29')).intervals);
  assert.ok(mainDays.has('2026-11-24'), 'the main branch is open that day');

  assertFieldError(await owner.client.put(path, { items: [{ date: '2026-02-30', reason: 'x' }] }), 'items[0].date');
  assertFieldError(await owner.client.put(path, { items: 'none' }), 'items');
  // PUT replaces the list.
  assertStatus(await owner.client.put(path, { items: [] }), 200);
  assert.deepEqual(items(await owner.client.get(path)), []);
  const back = byDay((await workIntervals(owner.client, m.id, '2026-11-23', '2026-11-29')).intervals);
  assert.ok(back.has('2026-11-24'), 'open again');
  assertProblem(await owner.client.get('/api/v1/branches/987654321/closed-days'), 404, 'not-found');
});

test('?from= and ?to= are validated: 400 naming the parameter', async () => {
  const base = `${STAFF}/${week.id}/work-intervals`;
  const check = async (query, params) => {
    const res = await owner.client.get(`${base}?${query}`);
    assertProblem(res, 400, 'bad-request');
    const named = (res.json.errors ?? []).map((e) => e.field);
    assert.ok(params.some((p) => named.includes(p)), `?${query}: errors name ${params.join(' or ')}: ${res.text.slice(0, 400)}`);
  };
  await check('from=2026-02-30&to=2026-03-05', ['from']);
  await check('from=yesterday&to=2026-03-05', ['from']);
  await check('from=2026-03-01&to=2026-13-01', ['to']);
  await check('from=2026-03-01&to=', ['to']);
  await check('from=2026-03-10&to=2026-03-01', ['to']);
  await check('from=2026-01-01&to=2027-02-05', ['to', 'from']);
  await check('from=2020-01-01&to=2030-01-01', ['to', 'from']);
  const res = await owner.client.get(`${base}?from=2026-01-01&to=2027-01-01`);
  assertStatus(res, 200, 'a 366-day window is allowed');
  const one = await workIntervals(owner.client, week.id, '2026-11-23', '2026-11-23');
  assert.equal(one.intervals.length, 2, 'from = to is one day');
  assertProblem(await owner.client.get(`${STAFF}/987654321/work-intervals?from=2026-11-23&to=2026-11-29`), 404, 'not-found');
});
