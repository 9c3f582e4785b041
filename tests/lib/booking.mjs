// Helpers for the booking module's API tests (availability, appointments, journal, group
// events, waitlist, events): paths, a salon fixture in Europe/Kyiv, wall-clock <-> instant
// conversion that is right on the daylight-saving days, and shape checks of the documented JSON.
import assert from 'node:assert/strict';
import { RFC3339, assertStatus, assertProblem, signup, addUser } from './api.mjs';
import { createClient, randomPhone } from './clients.mjs';
import { STAFF, createStaff, createService, createRoom, putSchedule, daily, iv, branchOf } from './staff.mjs';

export const API = '/api/v1';
export const APPOINTMENTS = `${API}/appointments`;
export const AVAILABILITY = `${API}/availability`;
export const JOURNAL = `${API}/journal`;
export const GROUP_EVENTS = `${API}/group-events`;
export const WAITLIST = `${API}/waitlist`;
export const EVENTS = `${API}/events`;

export const STATUSES = ['booked', 'confirmed', 'arrived', 'completed', 'no_show', 'cancelled'];
export const SOURCES = ['front_desk', 'phone', 'online', 'messenger'];
export const UTC_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export const TZ = 'Europe/Kyiv';
export const EVERY_DAY_9_TO_6 = [iv('09:00', '18:00')];

// ---------------------------------------------------------------------------------------
// Time

const kyivFmt = new Intl.DateTimeFormat('en-CA', {
  timeZone: TZ,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** {date: "YYYY-MM-DD", time: "HH:MM"} of an instant on the Kyiv wall clock. */
export function kyivWall(instant) {
  const parts = Object.fromEntries(kyivFmt.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** The instant (as "YYYY-MM-DDTHH:MM:SSZ") of a Kyiv wall-clock time on a date. */
export function at(date, hhmm) {
  const [y, m, d] = date.split('-').map(Number);
  const [h, mi] = hhmm.split(':').map(Number);
  for (const offsetHours of [2, 3]) {
    const ms = Date.UTC(y, m - 1, d, h, mi) - offsetHours * 3_600_000;
    const w = kyivWall(ms);
    if (w.date === date && w.time === hhmm) return iso(ms);
  }
  throw new Error(`${date} ${hhmm} does not exist in ${TZ}`);
}

/** "YYYY-MM-DDTHH:MM:SSZ" of epoch ms (no fraction). */
export function iso(ms) {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Adds minutes to an instant string; returns an instant string. */
export function plusMinutes(instant, minutes) {
  return iso(Date.parse(instant) + minutes * 60_000);
}

/** Asserts two instants denote the same moment (whatever their spelling). */
export function sameInstant(actual, expected, msg = '') {
  assert.ok(
    typeof actual === 'string' && Date.parse(actual) === Date.parse(expected),
    `${msg ? msg + ': ' : ''}expected the instant ${expected}, got ${actual}`,
  );
}

/** Today's civil date in Kyiv. */
export function kyivToday() {
  return kyivWall(Date.now()).date;
}

export function addDays(date, days) {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function datesBetween(from, to) {
  const out = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** A date `n` days from today (Kyiv); tests use dates a week or more ahead (no lead-time edge). */
export const future = (n) => addDays(kyivToday(), n);

// ---------------------------------------------------------------------------------------
// Problems

/** Asserts a problem+json with the status and `type` https://kvitka.app/problems/<code>. */
export function assertBookingProblem(res, status, code, msg = '') {
  try {
    return assertProblem(res, status, code);
  } catch (e) {
    e.message = `${msg ? msg + ': ' : ''}${e.message}`;
    throw e;
  }
}

export function assertSlotTaken(res, msg = '') {
  const p = assertBookingProblem(res, 409, 'slot-taken', msg);
  assert.ok(Array.isArray(p.conflicts), `${msg ? msg + ': ' : ''}slot-taken lists conflicts: ${res.text.slice(0, 500)}`);
  for (const c of p.conflicts) {
    assert.ok(Number.isInteger(c.staff_id) || Number.isInteger(c.room_id), `conflict names staff_id or room_id: ${res.text.slice(0, 500)}`);
    assert.match(c.start, RFC3339, `conflict.start: ${res.text.slice(0, 500)}`);
    assert.match(c.end, RFC3339, `conflict.end: ${res.text.slice(0, 500)}`);
  }
  return p;
}

/** A 422 validation-failed problem with an error on `field` or a sub-field (`field.x`, `field[0]`). */
export function assertFieldErr(res, field, codes, msg = '') {
  const m = msg ? msg + ': ' : '';
  const p = assertBookingProblem(res, 422, 'validation-failed', msg);
  assert.ok(Array.isArray(p.errors), `${m}errors is an array: ${res.text.slice(0, 500)}`);
  const fields = Array.isArray(field) ? field : [field];
  const hits = p.errors.filter((e) =>
    fields.some((f) => e.field === f || e.field?.startsWith(f + '.') || e.field?.startsWith(f + '[')),
  );
  assert.ok(hits.length > 0, `${m}errors name "${fields.join('" or "')}": ${res.text.slice(0, 700)}`);
  if (codes !== undefined) {
    const list = Array.isArray(codes) ? codes : [codes];
    assert.ok(hits.some((e) => list.includes(e.code)), `${m}"${fields.join('/')}" has code ${list.join(' or ')}: ${res.text.slice(0, 700)}`);
  }
  return hits;
}

/** Bad input: a 4xx problem+json, never a 5xx nor a success. */
export function assert4xxProblem(res, what = '') {
  assert.ok(res.status >= 400 && res.status < 500, `${what ? what + ': ' : ''}expected a 4xx, got ${res.status} ${res.text.slice(0, 400)}`);
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/, `${what}: problem+json: ${res.text.slice(0, 200)}`);
  return res.json;
}

// ---------------------------------------------------------------------------------------
// Shapes

/** Checks an appointment as documented; `master: true` = as a master sees it (no client phone). */
export function assertAppointment(a, { master = false } = {}) {
  const t = JSON.stringify(a)?.slice(0, 1200);
  assert.ok(a && typeof a === 'object', `appointment is an object: ${t}`);
  for (const k of ['id', 'branch_id', 'client_id', 'version']) assert.ok(Number.isInteger(a[k]) && a[k] > 0, `appointment.${k}: ${t}`);
  const c = a.client;
  assert.ok(c && typeof c === 'object', `appointment.client: ${t}`);
  assert.equal(c.id, a.client_id, `client.id = client_id: ${t}`);
  assert.equal(typeof c.name, 'string', `client.name: ${t}`);
  if (master) assert.ok(!('phone' in c), `a master does not see the client's phone: ${t}`);
  else assert.ok('phone' in c && (c.phone === null || /^\+[1-9]\d{6,14}$/.test(c.phone)), `client.phone: ${t}`);
  assert.ok(Array.isArray(c.tags), `client.tags: ${t}`);
  assert.ok(Number.isInteger(c.discount_percent), `client.discount_percent: ${t}`);
  assert.ok(Number.isInteger(c.visits), `client.visits: ${t}`);
  assert.ok(STATUSES.includes(a.status), `appointment.status: ${t}`);
  assert.ok(SOURCES.includes(a.source), `appointment.source: ${t}`);
  assert.equal(typeof a.notes, 'string', `appointment.notes: ${t}`);
  assert.equal(typeof a.cancel_reason, 'string', `appointment.cancel_reason: ${t}`);
  assert.ok([null, 'client', 'salon'].includes(a.cancelled_by), `appointment.cancelled_by: ${t}`);
  assert.match(a.start, UTC_Z, `appointment.start in UTC: ${t}`);
  assert.match(a.end, UTC_Z, `appointment.end in UTC: ${t}`);
  assert.ok(Array.isArray(a.items) && a.items.length > 0, `appointment.items: ${t}`);
  let total = 0;
  for (const i of a.items) {
    for (const k of ['id', 'service_id', 'staff_id']) assert.ok(Number.isInteger(i[k]), `item.${k}: ${t}`);
    assert.equal(typeof i.service_name, 'string', `item.service_name: ${t}`);
    assert.ok(i.room_id === null || Number.isInteger(i.room_id), `item.room_id: ${t}`);
    assert.match(i.start, UTC_Z, `item.start: ${t}`);
    assert.match(i.end, UTC_Z, `item.end: ${t}`);
    assert.ok(Number.isInteger(i.duration) && i.duration > 0, `item.duration: ${t}`);
    assert.equal(Date.parse(i.end) - Date.parse(i.start), i.duration * 60_000, `item.end = start + duration: ${t}`);
    assert.ok(Number.isInteger(i.buffer_after) && i.buffer_after >= 0, `item.buffer_after: ${t}`);
    assert.ok(
      i.processing === null || (UTC_Z.test(i.processing?.start) && UTC_Z.test(i.processing?.end)),
      `item.processing: ${t}`,
    );
    for (const k of ['price', 'discount_percent', 'amount']) assert.ok(Number.isInteger(i[k]), `item.${k}: ${t}`);
    total += i.amount;
  }
  assert.ok(Number.isInteger(a.total), `appointment.total: ${t}`);
  assert.equal(a.total, total, `total is the sum of the items' amounts: ${t}`);
  sameInstant(a.start, a.items.map((i) => i.start).sort((x, y) => Date.parse(x) - Date.parse(y))[0], 'appointment.start = first item start');
  sameInstant(a.end, a.items.map((i) => i.end).sort((x, y) => Date.parse(y) - Date.parse(x))[0], 'appointment.end = last item end');
  assert.ok(a.series_id === null || Number.isInteger(a.series_id), `appointment.series_id: ${t}`);
  assert.ok(a.group_event_id === null || Number.isInteger(a.group_event_id), `appointment.group_event_id: ${t}`);
  assert.ok(a.visit && typeof a.visit === 'object', `appointment.visit: ${t}`);
  assert.equal(typeof a.visit.notes, 'string', `visit.notes: ${t}`);
  assert.equal(typeof a.visit.formula, 'string', `visit.formula: ${t}`);
  assert.ok(Array.isArray(a.visit.photo_file_ids), `visit.photo_file_ids: ${t}`);
  assert.match(a.created_at, RFC3339, `created_at: ${t}`);
  assert.match(a.updated_at, RFC3339, `updated_at: ${t}`);
}

export function assertGroupEvent(g) {
  const t = JSON.stringify(g)?.slice(0, 1000);
  for (const k of ['id', 'branch_id', 'service_id', 'staff_id', 'capacity']) assert.ok(Number.isInteger(g?.[k]), `group_event.${k}: ${t}`);
  assert.equal(typeof g.service_name, 'string', `group_event.service_name: ${t}`);
  assert.ok(g.room_id === null || Number.isInteger(g.room_id), `group_event.room_id: ${t}`);
  assert.match(g.start, UTC_Z, `group_event.start: ${t}`);
  assert.match(g.end, UTC_Z, `group_event.end: ${t}`);
  assert.ok(Number.isInteger(g.seats_taken) && g.seats_taken >= 0 && g.seats_taken <= g.capacity, `seats_taken within capacity: ${t}`);
  assert.ok(['scheduled', 'cancelled'].includes(g.status), `group_event.status: ${t}`);
  assert.equal(typeof g.notes, 'string', `group_event.notes: ${t}`);
  assert.ok(Number.isInteger(g.price), `group_event.price: ${t}`);
  assert.ok(Array.isArray(g.participants), `group_event.participants: ${t}`);
  for (const p of g.participants) {
    assert.ok(Number.isInteger(p.appointment_id) && Number.isInteger(p.client_id), `participant ids: ${t}`);
    assert.equal(typeof p.name, 'string', `participant.name: ${t}`);
    assert.ok(STATUSES.includes(p.status), `participant.status: ${t}`);
  }
}

export function assertWaitlistEntry(w) {
  const t = JSON.stringify(w)?.slice(0, 1000);
  for (const k of ['id', 'branch_id', 'client_id']) assert.ok(Number.isInteger(w?.[k]), `waitlist.${k}: ${t}`);
  assert.ok(w.client && w.client.id === w.client_id && typeof w.client.name === 'string', `waitlist.client: ${t}`);
  assert.ok(Array.isArray(w.service_ids) && w.service_ids.every(Number.isInteger), `waitlist.service_ids: ${t}`);
  assert.ok(w.staff_id === null || Number.isInteger(w.staff_id), `waitlist.staff_id: ${t}`);
  assert.match(w.date_from, /^\d{4}-\d{2}-\d{2}$/, `waitlist.date_from: ${t}`);
  assert.match(w.date_to, /^\d{4}-\d{2}-\d{2}$/, `waitlist.date_to: ${t}`);
  for (const k of ['time_from', 'time_to']) assert.ok(w[k] === null || /^\d{2}:\d{2}$/.test(w[k]), `waitlist.${k}: ${t}`);
  assert.equal(typeof w.notes, 'string', `waitlist.notes: ${t}`);
  assert.ok(['waiting', 'offered', 'booked', 'closed'].includes(w.status), `waitlist.status: ${t}`);
  assert.ok(w.offered_start === null || UTC_Z.test(w.offered_start), `waitlist.offered_start: ${t}`);
  assert.ok(w.offered_staff_id === null || Number.isInteger(w.offered_staff_id), `waitlist.offered_staff_id: ${t}`);
  assert.match(w.created_at, RFC3339, `waitlist.created_at: ${t}`);
}

/** Checks the availability answer: timezone, every day from..to listed once in order, slots. */
export function assertAvailability(res, from, to, msg = 'availability') {
  assertStatus(res, 200, msg);
  const a = res.json;
  const t = res.text.slice(0, 600);
  assert.equal(a.timezone, TZ, `${msg}: timezone: ${t}`);
  assert.ok(Array.isArray(a.days), `${msg}: days: ${t}`);
  assert.deepEqual(a.days.map((d) => d.date), datesBetween(from, to), `${msg}: every day from..to is listed, in order`);
  for (const d of a.days) {
    assert.ok(Array.isArray(d.slots), `${msg}: days[].slots: ${t}`);
    let prev = -Infinity;
    for (const s of d.slots) {
      assert.match(s.start, UTC_Z, `${msg}: slot.start in UTC: ${JSON.stringify(s)}`);
      assert.equal(kyivWall(s.start).date, d.date, `${msg}: slot ${s.start} lies on its day ${d.date} (Kyiv)`);
      assert.ok(Number.isInteger(s.staff_id), `${msg}: slot.staff_id: ${JSON.stringify(s)}`);
      assert.ok(Array.isArray(s.staff_ids) && s.staff_ids.every(Number.isInteger), `${msg}: slot.staff_ids: ${JSON.stringify(s)}`);
      assert.equal(s.staff_ids[0], s.staff_id, `${msg}: staff_ids[0] is staff_id: ${JSON.stringify(s)}`);
      const ms = Date.parse(s.start);
      assert.ok(ms >= prev, `${msg}: slots sorted by start on ${d.date}`);
      prev = ms;
    }
  }
  return a;
}

// ---------------------------------------------------------------------------------------
// Requests

/** GET /availability; params: {branch_id, service_ids: [..], staff_id?, from, to, same_master?}. */
export async function getAvailability(client, params, msg) {
  const res = await client.get(`${AVAILABILITY}?${availabilityQuery(params)}`);
  return assertAvailability(res, params.from, params.to, msg);
}

export function availabilityQuery(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null) continue;
    q.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  return q.toString().replace(/%2C/g, ',');
}

/** Kyiv "HH:MM" starts of a day's slots, optionally of one master (as slot.staff_id). */
export function slotTimes(avail, date, staffId) {
  const day = avail.days.find((d) => d.date === date);
  assert.ok(day, `day ${date} in availability`);
  return [...new Set(day.slots.filter((s) => staffId === undefined || s.staff_id === staffId).map((s) => kyivWall(s.start).time))];
}

/** POST /appointments (raw response). */
export function postAppointment(client, body, headers = {}) {
  return client.post(APPOINTMENTS, body, { headers });
}

/** POST /appointments, asserting 201 and the shape; resolves to the appointment. */
export async function book(client, body, msg = 'book') {
  const res = await postAppointment(client, body);
  assertStatus(res, 201, msg);
  assertAppointment(res.json);
  return res.json;
}

export async function getAppointment(client, id, opts = {}) {
  const res = await client.get(`${APPOINTMENTS}/${id}`);
  assertStatus(res, 200, `GET appointment ${id}`);
  assertAppointment(res.json, opts);
  return res.json;
}

export function setStatus(client, id, body) {
  return client.post(`${APPOINTMENTS}/${id}/status`, typeof body === 'string' ? { status: body } : body);
}

/** POST /appointments/{id}/status asserting 200; resolves to the appointment. */
export async function status(client, id, body, msg) {
  const res = await setStatus(client, id, body);
  assertStatus(res, 200, msg ?? `status ${JSON.stringify(body)}`);
  assertAppointment(res.json);
  return res.json;
}

/** GET /journal; resolves to the body after a 200. */
export async function getJournal(client, params, msg = 'journal') {
  const res = await client.get(`${JOURNAL}?${new URLSearchParams(params)}`);
  assertStatus(res, 200, msg);
  return res.json;
}

/** Appointment ids in the journal of a branch for `days` days from `date`. */
export async function journalIds(client, branchId, date, days = 1, extra = {}) {
  const j = await getJournal(client, { branch_id: branchId, date, days, ...extra });
  return j.appointments.map((a) => a.id);
}

// ---------------------------------------------------------------------------------------
// Fixture

/**
 * A salon in Europe/Kyiv: two masters (Анна, Богдана) working 09:00-18:00 every day since
 * 2026-01-01 (step 15), a room of capacity 1, and services:
 *   cut     60 min, 500.00, no buffer; Богдана has her own price 700.00
 *   buffered 60 min + 15 min buffer, 400.00
 *   color   120 min with a processing gap from +30 for 45 min, 1000.00
 *   quick   30 min, 200.00
 *   roomed  60 min in the room, 600.00
 *   group   a group class of 10 seats, 60 min, 300.00
 * and clients: `client` (no discount), `vip` (10 % discount), each with a phone.
 */
export async function setupSalon(server, { orgName } = {}) {
  const owner = await signup(server, { timezone: TZ, ...(orgName ? { org_name: orgName } : {}) });
  const branch = branchOf(owner);
  const c = owner.client;
  const anna = await createStaff(c, branch.id, { name: 'Анна Тест', color: '#7950f2' });
  const bohdana = await createStaff(c, branch.id, { name: 'Богдана Тест', color: '#12b886' });
  for (const m of [anna, bohdana]) {
    await putSchedule(c, m.id, { patterns: [daily('every_day', '2026-01-01', EVERY_DAY_9_TO_6)] });
  }
  const room = await createRoom(c, branch.id, { name: 'Кабінет масажу', capacity: 1 });
  const both = (overrides = {}) => [
    { staff_id: anna.id, price_min: null, price_max: null, duration: null },
    { staff_id: bohdana.id, price_min: null, price_max: null, duration: null, ...overrides },
  ];
  const services = {
    cut: await createService(c, { name: 'Стрижка', duration: 60, price_min: 50000, staff: both({ price_min: 70000 }) }),
    buffered: await createService(c, { name: 'Манікюр', duration: 60, price_min: 40000, buffer_after: 15, staff: both() }),
    color: await createService(c, {
      name: 'Фарбування',
      duration: 120,
      price_min: 100000,
      processing: { start: 30, duration: 45 },
      staff: both(),
    }),
    quick: await createService(c, { name: 'Укладка', duration: 30, price_min: 20000, staff: both() }),
    roomed: await createService(c, { name: 'Масаж', duration: 60, price_min: 60000, room_ids: [room.id], staff: both() }),
    group: await createService(c, { name: 'Йога', duration: 60, price_min: 30000, group: true, capacity: 10, staff: both() }),
  };
  const client = await createClient(c, { first_name: 'Олена', last_name: 'Коваль', phones: [randomPhone()] });
  const vip = await createClient(c, { first_name: 'Віра', last_name: 'Вірна', phones: [randomPhone()], discount_percent: 10 });
  return { owner, c, branch, anna, bohdana, room, services, client, vip };
}

/** Another client of the salon (each with its own phone). */
export function newClient(c, firstName = 'Клієнт', extra = {}) {
  return createClient(c, { first_name: firstName, phones: [randomPhone()], ...extra });
}

/** A one-item appointment body. */
export function oneItem(salon, { client, service, staff, start, room, ...rest } = {}) {
  const item = { service_id: (service ?? salon.services.cut).id, staff_id: (staff ?? salon.anna).id, start };
  if (room) item.room_id = room.id;
  return { branch_id: salon.branch.id, client_id: (client ?? salon.client).id, items: [item], ...rest };
}

/** Adds a master user and links them to the staff member; resolves to {client, user}. */
export async function masterUserFor(server, salon, staff) {
  const m = await addUser(server, salon.c, 'master');
  const res = await salon.c.patch(`${STAFF}/${staff.id}`, { user_id: m.user.id });
  assertStatus(res, 200, 'link the master user to the staff member');
  return m;
}

/** Runs checks that may each throw and fails once listing every failure. */
export async function eachCase(cases, check) {
  const failures = [];
  for (const c of cases) {
    try {
      await check(c);
    } catch (e) {
      failures.push(`${JSON.stringify(c).slice(0, 200)}: ${String(e.message).split('\n')[0].slice(0, 400)}`);
    }
  }
  assert.deepEqual(failures, [], `${failures.length} of ${cases.length} cases failed:\n${failures.join('\n')}`);
}
