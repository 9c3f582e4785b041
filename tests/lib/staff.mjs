// Helpers for the catalog (service categories, services, rooms) and staff (masters,
// schedules, absences, work intervals, iCal feed) API tests: paths, fixtures, shape checks,
// field-error assertions that accept a field or its sub-fields, and a small iCal reader.
import assert from 'node:assert/strict';
import { RFC3339, assertStatus, assertProblem } from './api.mjs';
import { randomSuffix } from './server.mjs';

export const CATEGORIES = '/api/v1/service-categories';
export const SERVICES = '/api/v1/services';
export const ROOMS = '/api/v1/rooms';
export const STAFF = '/api/v1/staff';
export const STAFF_EVENTS = '/api/v1/staff-events';

export const COLOR = /^#[0-9a-fA-F]{6}$/;
export const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const BOOKING_STEPS = [5, 10, 15, 20, 30, 60];
export const ABSENCE_REASONS = ['vacation', 'sick_leave', 'training', 'unpaid', 'truancy', 'other'];

const short = (res) => `${res.status} ${res.text.slice(0, 700)}`;

/** The first branch of a session payload (what signup/login returned). */
export function branchOf(session) {
  const b = session.payload?.branches?.[0] ?? session.branches?.[0];
  assert.ok(b && Number.isInteger(b.id), `session has a branch: ${JSON.stringify(session.payload ?? session).slice(0, 300)}`);
  return b;
}

/** 200 and `{items: [...]}`; returns the items. */
export function items(res, msg = '') {
  assertStatus(res, 200, msg);
  assert.ok(res.json && Array.isArray(res.json.items), `${msg ? msg + ': ' : ''}{items: [...]}: ${res.text.slice(0, 400)}`);
  return res.json.items;
}

/** A DELETE that archives (or removes): 204, or 200 with a body. */
export function assertDeleted(res, msg = '') {
  assert.ok(res.status === 204 || res.status === 200, `${msg ? msg + ': ' : ''}DELETE: expected 204 (or 200), got ${short(res)}`);
}

/**
 * Asserts a 422 validation-failed problem with an error on `field` or on one of its
 * sub-fields (`field.x`, `field[0]...`), optionally with one of the given codes.
 * Returns the matching errors.
 */
export function assertFieldError(res, field, codes) {
  const p = assertProblem(res, 422, 'validation-failed');
  assert.ok(Array.isArray(p.errors), `errors is an array: ${res.text}`);
  const hits = p.errors.filter(
    (e) => e.field === field || e.field?.startsWith(field + '.') || e.field?.startsWith(field + '['),
  );
  assert.ok(hits.length > 0, `errors name "${field}" (or a sub-field): ${res.text.slice(0, 700)}`);
  if (codes !== undefined) {
    const list = Array.isArray(codes) ? codes : [codes];
    assert.ok(hits.some((e) => list.includes(e.code)), `"${field}" has code ${list.join(' or ')}: ${res.text.slice(0, 700)}`);
  }
  return hits;
}

/** Asserts a 400 bad-request whose errors name the query parameter. */
export function assertBadQuery(res, param) {
  const p = assertProblem(res, 400, 'bad-request');
  assert.ok(
    Array.isArray(p.errors) && p.errors.some((e) => e.field === param),
    `400 names the parameter "${param}": ${res.text.slice(0, 500)}`,
  );
}

/** Runs checks that each may throw and fails once listing every failed case. */
export async function each(cases, check) {
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

// ---------------------------------------------------------------------------------------
// Fixtures

export async function createCategory(client, body = {}, msg = 'create category') {
  const res = await client.post(CATEGORIES, { name: `Категорія ${randomSuffix(3)}`, ...body });
  assertStatus(res, 201, msg);
  assertCategory(res.json);
  return res.json;
}

export async function createService(client, body = {}, msg = 'create service') {
  const res = await client.post(SERVICES, { name: `Послуга ${randomSuffix(3)}`, duration: 60, price_min: 50000, ...body });
  assertStatus(res, 201, msg);
  assertService(res.json);
  return res.json;
}

export async function createRoom(client, branchId, body = {}, msg = 'create room') {
  const res = await client.post(ROOMS, { branch_id: branchId, name: `Кабінет ${randomSuffix(3)}`, capacity: 1, ...body });
  assertStatus(res, 201, msg);
  assertRoom(res.json);
  return res.json;
}

export async function createStaff(client, branchId, body = {}, msg = 'create staff') {
  const res = await client.post(STAFF, { branch_id: branchId, name: `Майстер ${randomSuffix(3)}`, ...body });
  assertStatus(res, 201, msg);
  assertStaff(res.json);
  return res.json;
}

export async function getJson(client, path, msg) {
  const res = await client.get(path);
  assertStatus(res, 200, msg ?? `GET ${path}`);
  return res.json;
}

export async function putSchedule(client, staffId, schedule, msg = 'PUT schedule') {
  const res = await client.put(`${STAFF}/${staffId}/schedule`, { exceptions: [], ...schedule });
  assertStatus(res, 200, msg);
  assertSchedule(res.json);
  return res.json;
}

export async function workIntervals(client, staffId, from, to, msg) {
  const res = await client.get(`${STAFF}/${staffId}/work-intervals?from=${from}&to=${to}`);
  assertStatus(res, 200, msg ?? `work-intervals ${from}..${to}`);
  const w = res.json;
  assert.equal(w.staff_id, staffId, `work-intervals.staff_id: ${res.text.slice(0, 300)}`);
  assert.equal(typeof w.timezone, 'string', `work-intervals.timezone: ${res.text.slice(0, 300)}`);
  assert.ok(Array.isArray(w.intervals), `work-intervals.intervals: ${res.text.slice(0, 300)}`);
  for (const i of w.intervals) {
    assert.match(i.start, RFC3339, `interval start: ${JSON.stringify(i)}`);
    assert.match(i.end, RFC3339, `interval end: ${JSON.stringify(i)}`);
    assert.ok(Date.parse(i.end) > Date.parse(i.start), `interval ends after it starts: ${JSON.stringify(i)}`);
  }
  return w;
}

// ---------------------------------------------------------------------------------------
// Schedules

export const iv = (start, end) => ({ start, end });
export const NINE_TO_SIX_WITH_LUNCH = [iv('09:00', '13:00'), iv('14:00', '18:00')];

/** A weekly pattern: `days` is one interval list for Monday..Friday (weekend off), or 7 lists. */
export function weekly(validFrom, days = NINE_TO_SIX_WITH_LUNCH, validUntil = null) {
  const weekdays = Array.isArray(days[0]) ? days : [days, days, days, days, days, [], []];
  return { kind: 'weekly', valid_from: validFrom, valid_until: validUntil, weekdays };
}

export function cycle(validFrom, days, validUntil = null) {
  return { kind: 'cycle', valid_from: validFrom, valid_until: validUntil, cycle: days };
}

export function daily(kind, validFrom, day, validUntil = null) {
  return { kind, valid_from: validFrom, valid_until: validUntil, day };
}

export function assertSchedule(s) {
  const t = JSON.stringify(s).slice(0, 600);
  assert.ok(s && Array.isArray(s.patterns), `schedule.patterns: ${t}`);
  assert.ok(Array.isArray(s.exceptions), `schedule.exceptions: ${t}`);
  for (const p of s.patterns) {
    assert.ok(['weekly', 'cycle', 'even_dates', 'odd_dates', 'every_day'].includes(p.kind), `pattern.kind: ${t}`);
    assert.match(p.valid_from, DATE, `pattern.valid_from: ${t}`);
    assert.ok(p.valid_until === null || DATE.test(p.valid_until), `pattern.valid_until: ${t}`);
  }
  for (const e of s.exceptions) {
    assert.match(e.date, DATE, `exception.date: ${t}`);
    assert.ok(Array.isArray(e.intervals), `exception.intervals: ${t}`);
  }
}

/** The meaningful part of a pattern (what the client sent), for round-trip comparisons. */
export function patternCore(p) {
  const out = { kind: p.kind, valid_from: p.valid_from, valid_until: p.valid_until ?? null };
  if (p.kind === 'weekly') out.weekdays = p.weekdays;
  else if (p.kind === 'cycle') out.cycle = p.cycle;
  else out.day = p.day;
  return out;
}

/** Local "YYYY-MM-DD" and "HH:MM" of an RFC 3339 instant with an offset, as written. */
export function localParts(instant) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}):\d{2}(?:\.\d+)?([+-]\d{2}:\d{2}|Z)$/.exec(instant);
  assert.ok(m, `instant with an offset: ${instant}`);
  return { date: m[1], time: m[2], offset: m[3] };
}

/** Groups intervals by the local date of their start. */
export function byDay(intervals) {
  const out = new Map();
  for (const i of intervals) {
    const d = localParts(i.start).date;
    if (!out.has(d)) out.set(d, []);
    out.get(d).push(i);
  }
  return out;
}

export const hours = (i) => (Date.parse(i.end) - Date.parse(i.start)) / 3_600_000;

/** The civil date `days` from `date` (YYYY-MM-DD). */
export function addDays(date, days) {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Every date from..to inclusive. */
export function datesBetween(from, to) {
  const out = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** 0 = Monday .. 6 = Sunday. */
export function weekdayIndex(date) {
  const [y, m, d] = date.split('-').map(Number);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** Today's civil date in a time zone. */
export function civilToday(timeZone = 'Europe/Kyiv') {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

// ---------------------------------------------------------------------------------------
// Shapes

export function assertCategory(c) {
  const t = JSON.stringify(c);
  assert.ok(Number.isInteger(c?.id) && c.id > 0, `category.id: ${t}`);
  assert.equal(typeof c.name, 'string', `category.name: ${t}`);
  assert.match(c.color, COLOR, `category.color: ${t}`);
  assert.ok(c.icon === null || typeof c.icon === 'string', `category.icon: ${t}`);
  assert.ok(Number.isInteger(c.position), `category.position: ${t}`);
  assert.ok(Number.isInteger(c.services) && c.services >= 0, `category.services (a count): ${t}`);
}

export function assertService(s) {
  const t = JSON.stringify(s);
  assert.ok(Number.isInteger(s?.id) && s.id > 0, `service.id: ${t}`);
  assert.ok(s.category_id === null || Number.isInteger(s.category_id), `service.category_id: ${t}`);
  assert.equal(typeof s.name, 'string', `service.name: ${t}`);
  assert.equal(typeof s.description, 'string', `service.description: ${t}`);
  assert.ok(Number.isInteger(s.duration), `service.duration: ${t}`);
  assert.ok(Number.isInteger(s.price_min), `service.price_min: ${t}`);
  assert.ok(s.price_max === null || Number.isInteger(s.price_max), `service.price_max: ${t}`);
  assert.ok(Number.isInteger(s.buffer_after), `service.buffer_after: ${t}`);
  assert.ok(
    s.processing === null || (Number.isInteger(s.processing?.start) && Number.isInteger(s.processing?.duration)),
    `service.processing: ${t}`,
  );
  assert.equal(typeof s.online_booking, 'boolean', `service.online_booking: ${t}`);
  assert.equal(typeof s.group, 'boolean', `service.group: ${t}`);
  assert.ok(Number.isInteger(s.capacity) && s.capacity >= 1, `service.capacity: ${t}`);
  assert.ok(Array.isArray(s.room_ids) && s.room_ids.every(Number.isInteger), `service.room_ids: ${t}`);
  assert.ok(s.repeat_after_days === null || Number.isInteger(s.repeat_after_days), `service.repeat_after_days: ${t}`);
  assert.ok(Array.isArray(s.staff), `service.staff: ${t}`);
  for (const m of s.staff) {
    assert.ok(Number.isInteger(m.staff_id), `service.staff[].staff_id: ${t}`);
    for (const k of ['price_min', 'price_max', 'duration']) {
      assert.ok(k in m && (m[k] === null || Number.isInteger(m[k])), `service.staff[].${k}: ${t}`);
    }
  }
  assert.ok(Number.isInteger(s.position), `service.position: ${t}`);
  assert.equal(typeof s.archived, 'boolean', `service.archived: ${t}`);
  assert.match(s.created_at, RFC3339, `service.created_at: ${t}`);
}

export function assertRoom(r) {
  const t = JSON.stringify(r);
  assert.ok(Number.isInteger(r?.id) && r.id > 0, `room.id: ${t}`);
  assert.ok(Number.isInteger(r.branch_id), `room.branch_id: ${t}`);
  assert.equal(typeof r.name, 'string', `room.name: ${t}`);
  assert.ok(Number.isInteger(r.capacity) && r.capacity >= 1, `room.capacity: ${t}`);
  assert.ok(Array.isArray(r.service_ids) && r.service_ids.every(Number.isInteger), `room.service_ids: ${t}`);
  assert.ok(Array.isArray(r.closures), `room.closures: ${t}`);
  for (const c of r.closures) {
    assert.match(c.start, RFC3339, `closure.start: ${t}`);
    assert.match(c.end, RFC3339, `closure.end: ${t}`);
  }
  assert.equal(typeof r.archived, 'boolean', `room.archived: ${t}`);
}

export function assertStaff(m, { master = false } = {}) {
  const t = JSON.stringify(m);
  assert.ok(Number.isInteger(m?.id) && m.id > 0, `staff.id: ${t}`);
  assert.ok(Number.isInteger(m.branch_id), `staff.branch_id: ${t}`);
  assert.equal(typeof m.name, 'string', `staff.name: ${t}`);
  for (const k of ['position', 'bio']) assert.ok(m[k] === null || typeof m[k] === 'string', `staff.${k}: ${t}`);
  if (!master) {
    assert.ok('phone' in m && (m.phone === null || /^\+[1-9]\d{6,14}$/.test(m.phone)), `staff.phone (E.164|null): ${t}`);
    assert.ok('email' in m && (m.email === null || typeof m.email === 'string'), `staff.email: ${t}`);
  }
  assert.match(m.color, COLOR, `staff.color: ${t}`);
  assert.ok(m.photo_file_id === null || Number.isInteger(m.photo_file_id), `staff.photo_file_id: ${t}`);
  assert.ok(Array.isArray(m.service_ids) && m.service_ids.every(Number.isInteger), `staff.service_ids: ${t}`);
  assert.equal(typeof m.online_booking, 'boolean', `staff.online_booking: ${t}`);
  assert.ok(BOOKING_STEPS.includes(m.booking_step), `staff.booking_step: ${t}`);
  assert.ok(m.hire_date === null || DATE.test(m.hire_date), `staff.hire_date: ${t}`);
  assert.ok(m.work_permit_expires === null || DATE.test(m.work_permit_expires), `staff.work_permit_expires: ${t}`);
  assert.equal(typeof m.work_permit_warning, 'boolean', `staff.work_permit_warning: ${t}`);
  assert.ok(m.user_id === null || Number.isInteger(m.user_id), `staff.user_id: ${t}`);
  assert.equal(typeof m.archived, 'boolean', `staff.archived: ${t}`);
  assert.match(m.created_at, RFC3339, `staff.created_at: ${t}`);
}

// ---------------------------------------------------------------------------------------
// iCalendar

/** Splits a feed into physical lines (by CRLF), returning {lines (Buffers), bareLf}. */
export function icalPhysicalLines(buffer) {
  const lines = [];
  let start = 0;
  let bareLf = 0;
  for (let i = 0; i < buffer.length; i++) {
    if (buffer[i] === 0x0a) {
      if (i === 0 || buffer[i - 1] !== 0x0d) bareLf++;
      lines.push(buffer.subarray(start, i > 0 && buffer[i - 1] === 0x0d ? i - 1 : i));
      start = i + 1;
    }
  }
  if (start < buffer.length) lines.push(buffer.subarray(start));
  return { lines, bareLf };
}

/** Unfolds a feed into content lines and groups VEVENTs into {NAME: value, 'NAME;PARAMS': value} maps. */
export function parseIcal(text) {
  const unfolded = text.replace(/\r\n[ \t]/g, '').split(/\r\n/).filter((l) => l.length > 0);
  const events = [];
  let cur = null;
  for (const line of unfolded) {
    if (line === 'BEGIN:VEVENT') cur = {};
    else if (line === 'END:VEVENT') {
      events.push(cur);
      cur = null;
    } else if (cur) {
      const colon = line.indexOf(':');
      const nameWithParams = line.slice(0, colon);
      const name = nameWithParams.split(';')[0].toUpperCase();
      cur[name] = { params: nameWithParams.slice(name.length), value: line.slice(colon + 1) };
    }
  }
  return { lines: unfolded, events };
}

/** "20261123T070000Z" -> epoch ms. */
export function icalUtc(value) {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  assert.ok(m, `UTC date-time: ${value}`);
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
}
