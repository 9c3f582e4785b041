// Work schedules: PUT/GET round trip of every pattern kind and of exceptions, validation
// that names the field (overlaps, bad intervals, bad dates), absences CRUD, the staff events
// recorded for messaging, and roles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertStatus, assertProblem, signup, addUser, RFC3339 } from '../lib/api.mjs';
import {
  STAFF,
  STAFF_EVENTS,
  items,
  branchOf,
  assertFieldError,
  assertSchedule,
  each,
  createStaff,
  getJson,
  putSchedule,
  patternCore,
  weekly,
  cycle,
  daily,
  iv,
  NINE_TO_SIX_WITH_LUNCH,
  ABSENCE_REASONS,
} from '../lib/staff.mjs';

let server;
let owner;
let master;
let admin;
let branch;

before(async () => {
  server = await startServer();
  owner = await signup(server);
  master = await addUser(server, owner.client, 'master');
  admin = await addUser(server, owner.client, 'admin');
  branch = branchOf(owner);
});
after(async () => {
  await server?.stop();
});

const schedulePath = (id) => `${STAFF}/${id}/schedule`;
const absencesPath = (id) => `${STAFF}/${id}/absences`;

test('a new master has an empty schedule', async () => {
  const m = await createStaff(owner.client, branch.id);
  const s = await getJson(owner.client, schedulePath(m.id));
  assertSchedule(s);
  assert.deepEqual(s, { patterns: [], exceptions: [] });
});

test('every pattern kind and exceptions round-trip through PUT and GET', async () => {
  const m = await createStaff(owner.client, branch.id);
  const schedule = {
    patterns: [
      weekly('2026-01-05', [
        NINE_TO_SIX_WITH_LUNCH,
        [iv('10:00', '19:00')],
        [],
        [iv('09:00', '12:00'), iv('13:00', '15:00'), iv('16:00', '20:00')],
        [iv('12:00', '21:00')],
        [iv('10:00', '16:00')],
        [],
      ], '2026-03-31'),
      cycle('2026-04-01', [[iv('09:00', '21:00')], [iv('09:00', '21:00')], [], []], '2026-05-31'),
      daily('even_dates', '2026-06-01', [iv('10:00', '18:00')], '2026-06-30'),
      daily('odd_dates', '2026-07-01', [iv('08:00', '14:00')], '2026-07-31'),
      daily('every_day', '2026-08-01', [iv('22:00', '02:00')], '2026-08-31'),
      weekly('2026-09-01', NINE_TO_SIX_WITH_LUNCH, null),
    ],
    exceptions: [
      { date: '2026-01-07', intervals: [] },
      { date: '2026-01-10', intervals: [iv('11:00', '15:00')] },
    ],
  };
  const put = await putSchedule(owner.client, m.id, schedule);
  const check = (s, what) => {
    assert.deepEqual(s.patterns.map(patternCore), schedule.patterns.map(patternCore), `${what}: patterns`);
    const ex = [...s.exceptions].sort((a, b) => a.date.localeCompare(b.date)).map((e) => ({ date: e.date, intervals: e.intervals }));
    assert.deepEqual(ex, schedule.exceptions, `${what}: exceptions`);
  };
  check(put, 'PUT answer');
  check(await getJson(owner.client, schedulePath(m.id)), 'GET');

  // PUT replaces the whole schedule.
  const replaced = await putSchedule(owner.client, m.id, { patterns: [daily('every_day', '2026-01-01', [iv('10:00', '18:00')])], exceptions: [] });
  assert.equal(replaced.patterns.length, 1);
  assert.deepEqual(replaced.exceptions, []);
  const got = await getJson(owner.client, schedulePath(m.id));
  assert.equal(got.patterns.length, 1);
  assert.equal(got.patterns[0].kind, 'every_day');
  assert.deepEqual(got.patterns[0].day, [iv('10:00', '18:00')]);
});

test('schedule validation names the field and the reason', async () => {
  const m = await createStaff(owner.client, branch.id);
  const okWeek = () => weekly('2026-01-05');
  await each(
    [
      // overlapping intervals on Wednesday
      [{ patterns: [weekly('2026-01-05', [[], [], [iv('09:00', '13:00'), iv('12:00', '18:00')], [], [], [], []])] },
        'patterns[0].weekdays[2]', 'overlapping_intervals'],
      [{ patterns: [weekly('2026-01-05', [[], [], [iv('09:00', '18:00'), iv('10:00', '11:00')], [], [], [], []])] },
        'patterns[0].weekdays[2]', 'overlapping_intervals'],
      [{ patterns: [okWeek(), cycle('2026-06-01', [[iv('09:00', '12:00')], [iv('09:00', '15:00'), iv('14:00', '20:00')]])] },
        'patterns[1].cycle[1]', 'overlapping_intervals'],
      [{ patterns: [daily('every_day', '2026-01-01', [iv('09:00', '14:00'), iv('13:59', '18:00')])] },
        'patterns[0].day', 'overlapping_intervals'],
      // malformed intervals (start == end is a 24-hour shift, not an error)
      [{ patterns: [weekly('2026-01-05', [[iv('25:00', '26:00')], [], [], [], [], [], []])] }, 'patterns[0].weekdays[0]'],
      [{ patterns: [weekly('2026-01-05', [[iv('09:60', '12:00')], [], [], [], [], [], []])] }, 'patterns[0].weekdays[0]'],
      [{ patterns: [weekly('2026-01-05', [[iv('nine', '12:00')], [], [], [], [], [], []])] }, 'patterns[0].weekdays[0]'],
      [{ patterns: [weekly('2026-01-05', [[{ start: '09:00' }], [], [], [], [], [], []])] }, 'patterns[0].weekdays[0]'],
      [{ patterns: [daily('every_day', '2026-01-01', [iv('10:00', '24:30')])] }, 'patterns[0].day'],
      // bad dates
      [{ patterns: [okWeek(), { ...okWeek(), valid_from: '2026-02-30' }] }, 'patterns[1].valid_from', 'invalid_date'],
      [{ patterns: [{ ...okWeek(), valid_from: '05.01.2026' }] }, 'patterns[0].valid_from', 'invalid_date'],
      [{ patterns: [{ ...okWeek(), valid_from: undefined }] }, 'patterns[0].valid_from'],
      [{ patterns: [{ ...okWeek(), valid_until: '2026-13-01' }] }, 'patterns[0].valid_until', 'invalid_date'],
      [{ patterns: [{ ...okWeek(), valid_until: '2025-12-31' }] }, 'patterns[0].valid_until'],
      [{ patterns: [okWeek()], exceptions: [{ date: '2026-02-29', intervals: [] }] }, 'exceptions[0].date', 'invalid_date'],
      [{ patterns: [okWeek()], exceptions: [{ date: '2026-03-01', intervals: [iv('10:00', '12:00'), iv('11:00', '13:00')] }] },
        'exceptions[0].intervals', 'overlapping_intervals'],
      // shape
      [{ patterns: [{ ...okWeek(), kind: 'monthly' }] }, 'patterns[0].kind'],
      [{ patterns: [{ ...okWeek(), weekdays: [[], [], [], [], [], []] }] }, 'patterns[0].weekdays'],
      [{ patterns: [{ ...okWeek(), weekdays: 'mon-fri' }] }, 'patterns[0].weekdays'],
      [{ patterns: [cycle('2026-01-01', [])] }, 'patterns[0].cycle'],
      [{ patterns: [{ kind: 'every_day', valid_from: '2026-01-01', valid_until: null }] }, 'patterns[0].day'],
      [{ patterns: 'weekly' }, 'patterns'],
    ],
    async ([body, field, code]) => {
      const res = await owner.client.put(schedulePath(m.id), { exceptions: [], ...body });
      assertFieldError(res, field, code);
    },
  );
  assert.deepEqual(await getJson(owner.client, schedulePath(m.id)), { patterns: [], exceptions: [] }, 'nothing was saved');
});

test('a shift past midnight (22:00-02:00) is a valid interval', async () => {
  const m = await createStaff(owner.client, branch.id);
  const s = await putSchedule(owner.client, m.id, { patterns: [weekly('2026-01-05', [[iv('22:00', '02:00')], [], [], [], [], [], []])] });
  assert.deepEqual(s.patterns[0].weekdays[0], [iv('22:00', '02:00')]);
});

test('absences: add, list by range, validate, delete', async () => {
  const m = await createStaff(owner.client, branch.id);
  const add = await owner.client.post(absencesPath(m.id), { from: '2026-12-01', to: '2026-12-14', reason: 'vacation', note: 'Карпати' });
  assertStatus(add, 201);
  const a = add.json;
  assert.ok(Number.isInteger(a.id), `absence.id: ${add.text}`);
  assert.equal(a.from, '2026-12-01');
  assert.equal(a.to, '2026-12-14');
  assert.equal(a.reason, 'vacation');
  assert.equal(a.note, 'Карпати');
  for (const reason of ABSENCE_REASONS) {
    const r = await owner.client.post(absencesPath(m.id), { from: '2027-02-01', to: '2027-02-01', reason });
    assertStatus(r, 201, `reason ${reason}`);
    assert.equal(r.json.reason, reason);
    assertStatus(await owner.client.delete(`${absencesPath(m.id)}/${r.json.id}`), 204);
  }
  const sick = await owner.client.post(absencesPath(m.id), { from: '2027-01-10', to: '2027-01-12', reason: 'sick_leave' });
  assertStatus(sick, 201);

  const inDec = items(await owner.client.get(`${absencesPath(m.id)}?from=2026-12-10&to=2026-12-31`));
  assert.deepEqual(inDec.map((x) => x.id), [a.id], 'an absence overlapping the range is listed');
  const both = items(await owner.client.get(`${absencesPath(m.id)}?from=2026-11-01&to=2027-01-31`));
  assert.deepEqual(both.map((x) => x.id).sort((x, y) => x - y), [a.id, sick.json.id].sort((x, y) => x - y));
  const none = items(await owner.client.get(`${absencesPath(m.id)}?from=2026-12-15&to=2027-01-09`));
  assert.deepEqual(none, [], 'nothing between them');

  await each(
    [
      [{ from: '2026-12-10', to: '2026-12-09', reason: 'vacation' }, 'to'],
      [{ from: '2026-02-30', to: '2026-03-01', reason: 'vacation' }, 'from', 'invalid_date'],
      [{ from: '2026-03-01', to: 'later', reason: 'vacation' }, 'to', 'invalid_date'],
      [{ from: '2026-03-01', to: '2026-03-02', reason: 'holiday' }, 'reason'],
      [{ from: '2026-03-01', to: '2026-03-02' }, 'reason', 'required'],
      [{ to: '2026-03-02', reason: 'other' }, 'from', 'required'],
    ],
    async ([body, field, code]) => assertFieldError(await owner.client.post(absencesPath(m.id), body), field, code),
  );

  assertStatus(await owner.client.delete(`${absencesPath(m.id)}/${a.id}`), 204);
  const afterDel = items(await owner.client.get(`${absencesPath(m.id)}?from=2026-11-01&to=2027-01-31`));
  assert.deepEqual(afterDel.map((x) => x.id), [sick.json.id]);
  assertProblem(await owner.client.delete(`${absencesPath(m.id)}/${a.id}`), 404, 'not-found');
  // Another master's absence id through this master's path is not found.
  const other = await createStaff(owner.client, branch.id);
  assertProblem(await owner.client.delete(`${absencesPath(other.id)}/${sick.json.id}`), 404, 'not-found');
  assertProblem(await owner.client.get(`${absencesPath(987654321)}?from=2026-01-01&to=2026-01-31`), 404, 'not-found');
});

test('staff events record schedule changes and absences for messaging', async () => {
  const m = await createStaff(owner.client, branch.id);
  const other = await createStaff(owner.client, branch.id);
  await putSchedule(owner.client, m.id, { patterns: [weekly('2026-01-05')] });
  await putSchedule(owner.client, other.id, { patterns: [weekly('2026-01-05')] });
  const add = await owner.client.post(absencesPath(m.id), { from: '2026-12-01', to: '2026-12-02', reason: 'training' });
  assertStatus(add, 201);
  assertStatus(await owner.client.delete(`${absencesPath(m.id)}/${add.json.id}`), 204);

  const events = items(await owner.client.get(`${STAFF_EVENTS}?staff_id=${m.id}`));
  for (const e of events) {
    assert.ok(Number.isInteger(e.id), `event.id: ${JSON.stringify(e)}`);
    assert.equal(e.staff_id, m.id, 'only this master');
    assert.ok(['schedule_changed', 'absence_added', 'absence_removed'].includes(e.kind), `event.kind: ${JSON.stringify(e)}`);
    assert.match(e.at, RFC3339);
    assert.ok('details' in e, `event.details: ${JSON.stringify(e)}`);
  }
  const kinds = events.map((e) => e.kind);
  for (const k of ['schedule_changed', 'absence_added', 'absence_removed']) assert.ok(kinds.includes(k), `${k} recorded: ${kinds}`);

  const byAdmin = items(await admin.client.get(`${STAFF_EVENTS}?staff_id=${other.id}`));
  assert.ok(byAdmin.some((e) => e.kind === 'schedule_changed' && e.staff_id === other.id), 'an admin reads them');
  assertProblem(await master.client.get(`${STAFF_EVENTS}?staff_id=${m.id}`), 403, 'forbidden');
});

test('masters read schedules and absences but get 403 on writes', async () => {
  const m = await createStaff(owner.client, branch.id, { user_id: master.user.id });
  await putSchedule(owner.client, m.id, { patterns: [weekly('2026-01-05')] });
  const a = await owner.client.post(absencesPath(m.id), { from: '2026-12-01', to: '2026-12-02', reason: 'vacation' });
  assertStatus(a, 201);

  assertSchedule(await getJson(master.client, schedulePath(m.id)));
  assertStatus(await master.client.get(`${absencesPath(m.id)}?from=2026-12-01&to=2026-12-31`), 200);
  assertStatus(await master.client.get(`${STAFF}/${m.id}/work-intervals?from=2026-12-01&to=2026-12-07`), 200);

  assertProblem(await master.client.put(schedulePath(m.id), { patterns: [], exceptions: [] }), 403, 'forbidden');
  assertProblem(await master.client.post(absencesPath(m.id), { from: '2026-12-10', to: '2026-12-11', reason: 'vacation' }), 403, 'forbidden');
  assertProblem(await master.client.delete(`${absencesPath(m.id)}/${a.json.id}`), 403, 'forbidden');
  assertProblem(await master.client.post(`${STAFF}/${m.id}/calendar/reset`, {}), 403, 'forbidden');
  assertProblem(await master.client.put(`/api/v1/branches/${branch.id}/closed-days`, { items: [] }), 403, 'forbidden');
  assertStatus(await master.client.get(`/api/v1/branches/${branch.id}/closed-days`), 200);
  assert.equal((await getJson(owner.client, schedulePath(m.id))).patterns.length, 1, 'unchanged');
});
