// Helpers for the online booking API tests (issue 6): a salon with online booking set up, the
// public API through an anonymous client (no cookie, no CSRF token), the branch rules, unique
// phones, the public Booking shape, and finding an online booking in the staff journal.
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { RFC3339, assertStatus } from './api.mjs';
import { randomPhone } from './clients.mjs';
import { SERVICES, STAFF, createStaff, createService, createCategory, putSchedule, daily } from './staff.mjs';
import {
  JOURNAL,
  EVERY_DAY_9_TO_6,
  UTC_Z,
  TZ,
  setupSalon,
  assertAvailability,
  availabilityQuery,
  kyivWall,
  sameInstant,
} from './booking.mjs';

export const PUBLIC = '/api/v1/public';
export const rulesPath = (branchId) => `/api/v1/branches/${branchId}/online-booking`;
export const branchPath = (slug) => `${PUBLIC}/branches/${encodeURIComponent(slug)}`;
export const bookingsPath = (slug) => `${branchPath(slug)}/bookings`;
export const manageApi = (token) => `${PUBLIC}/bookings/${token}`;
export const TOKEN = /^[0-9a-f]{32}$/;

/** Limits so high that no test but the rate-limit ones is ever throttled. */
export const HIGH_LIMITS = ['--online-ip-limit', '100000', '--online-phone-limit', '100000'];

/** A server whose online booking rate limits are out of the way (extra `args` go after them). */
export function startOnlineServer({ args = [], ...rest } = {}) {
  return startServer({ ...rest, args: [...HIGH_LIMITS, ...args] });
}

/** What every test starts from (each test PUTs the rules it needs with setRules). */
export const BASE_RULES = {
  enabled: true,
  lead_minutes: 60,
  horizon_days: 60,
  step_minutes: 15,
  auto_confirm: true,
  cancel_deadline_minutes: 180,
  master_required: false,
  max_future_bookings: 50,
  phone: '+380441234567',
  message: '',
};
export const BRANCH_PHONE = BASE_RULES.phone;

// ---------------------------------------------------------------------------------------
// Anonymous requests

/** A fresh anonymous client: no cookie, no CSRF token, nothing shared with other requests. */
export function anon(server, opts) {
  return server.client(opts);
}

export function publicGet(server, path, opts) {
  return anon(server).get(path.startsWith('/api/') ? path : PUBLIC + path, opts);
}

export function publicPost(server, path, json, headers = {}) {
  return anon(server).post(path.startsWith('/api/') ? path : PUBLIC + path, json, { headers });
}

/** GET /public/branches/{slug} (raw response). */
export function getPublicBranch(server, slug) {
  return anon(server).get(branchPath(slug));
}

/** GET /public/branches/{slug}/availability (raw response); params as for the staff side. */
export function publicAvailabilityRaw(server, slug, params) {
  return anon(server).get(`${branchPath(slug)}/availability?${availabilityQuery(params)}`);
}

/** Public availability asserted to have the staff-side shape; resolves to the body. */
export async function publicAvailability(server, slug, params, msg = 'public availability') {
  return assertAvailability(await publicAvailabilityRaw(server, slug, params), params.from, params.to, msg);
}

/** The slots of an availability answer as a flat list (optionally of one day / one master). */
export function allSlots(avail, { date, staffId } = {}) {
  return avail.days
    .filter((d) => date === undefined || d.date === date)
    .flatMap((d) => d.slots)
    .filter((s) => staffId === undefined || s.staff_id === staffId || s.staff_ids.includes(staffId));
}

/** The first public slot of a day (of a master when given); fails when there is none. */
export async function firstPublicSlot(server, s, { date, service, services, staff, after } = {}) {
  const service_ids = (services ?? [service ?? s.services.cut]).map((x) => x.id);
  const avail = await publicAvailability(server, s.slug, { service_ids, staff_id: staff?.id, from: date, to: date });
  const slots = allSlots(avail, { date, staffId: staff?.id }).filter((x) => !after || Date.parse(x.start) > Date.parse(after));
  assert.ok(slots.length > 0, `a public slot on ${date}${staff ? ` of ${staff.name}` : ''}: ${JSON.stringify(avail).slice(0, 400)}`);
  return slots[0];
}

/** POST /public/branches/{slug}/bookings (raw response). */
export function postBooking(server, slug, body, headers = {}) {
  return anon(server).post(bookingsPath(slug), body, { headers });
}

/**
 * A booking body: one service (cut by default), a master or "any" (staff: null), a new phone.
 * `client` overrides parts of the client object.
 */
export function bookingBody(s, { service, services, staff, start, client = {}, ...rest } = {}) {
  const body = {
    service_ids: (services ?? [service ?? s.services.cut]).map((x) => x.id),
    start,
    client: { name: 'Оксана Онлайн', phone: onlinePhone(), ...client },
    ...rest,
  };
  if (staff) body.staff_id = staff.id;
  return body;
}

/** POST a booking asserting 201 and the shape; resolves to {booking, manage_token, manage_url, body}. */
export async function bookOnline(server, s, body, msg = 'online booking', headers = {}) {
  const res = await postBooking(server, s.slug, body, headers);
  assertStatus(res, 201, msg);
  assertCreated(res.json, s.slug);
  return { ...res.json, body };
}

/** Books the first public slot of a day; resolves like bookOnline plus `slot`. */
export async function bookFirstSlot(server, s, { date, service, staff, client, ...rest } = {}, msg) {
  const slot = await firstPublicSlot(server, s, { date, service, staff });
  const body = bookingBody(s, { service, staff, start: slot.start, client, ...rest });
  return { ...(await bookOnline(server, s, body, msg)), slot };
}

export function getManage(server, token) {
  return anon(server).get(manageApi(token));
}

export function cancelOnline(server, token, body = {}) {
  return anon(server).post(`${manageApi(token)}/cancel`, body);
}

export function rescheduleOnline(server, token, body) {
  return anon(server).post(`${manageApi(token)}/reschedule`, body);
}

// ---------------------------------------------------------------------------------------
// Rules

export function getRules(client, branchId) {
  return client.get(rulesPath(branchId));
}

/** PUT the rules (raw response). */
export function putRules(client, branchId, body) {
  return client.put(rulesPath(branchId), body);
}

/** PUT BASE_RULES with overrides, asserting 200; resolves to the rules. */
export async function setRules(s, overrides = {}, msg = 'PUT online booking rules') {
  const res = await putRules(s.c, s.branch.id, { ...BASE_RULES, ...overrides });
  assertStatus(res, 200, msg);
  assertRules(res.json);
  return res.json;
}

export function assertRules(r) {
  const t = JSON.stringify(r);
  assert.ok(r && typeof r === 'object', `rules is an object: ${t}`);
  assert.ok(Number.isInteger(r.branch_id), `rules.branch_id: ${t}`);
  for (const k of ['enabled', 'auto_confirm', 'master_required']) assert.equal(typeof r[k], 'boolean', `rules.${k}: ${t}`);
  for (const k of ['lead_minutes', 'horizon_days', 'step_minutes', 'cancel_deadline_minutes', 'max_future_bookings']) {
    assert.ok(Number.isInteger(r[k]), `rules.${k}: ${t}`);
  }
  assert.equal(typeof r.phone, 'string', `rules.phone: ${t}`);
  assert.equal(typeof r.message, 'string', `rules.message: ${t}`);
  assert.equal(typeof r.booking_url, 'string', `rules.booking_url: ${t}`);
}

// ---------------------------------------------------------------------------------------
// Phones

/** A fresh Kyivstar number "+38067xxxxxxx" (E.164), unique within this process. */
export function onlinePhone() {
  return randomPhone('67');
}

/** "+380671234567" -> "067 123 45 67" (how people type it). */
export function nationalSpaced(e164) {
  const n = '0' + e164.slice(4);
  return `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6, 8)} ${n.slice(8, 10)}`;
}

/** "+380671234567" -> "+38 (067) 123-45-67". */
export function bracketed(e164) {
  const n = '0' + e164.slice(4);
  return `+38 (${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6, 8)}-${n.slice(8, 10)}`;
}

// ---------------------------------------------------------------------------------------
// Shapes

/** Keys that would expose a numeric appointment or client id (or other internal data). */
const FORBIDDEN_KEYS = new Set(['id', 'appointment_id', 'client_id', 'client', 'client_name', 'version', 'series_id', 'group_event_id', 'visit', 'org_id']);

/** Asserts that no object at any depth has one of the forbidden keys. */
export function assertNoInternalIds(value, what = 'public booking') {
  const walk = (v, path) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        assert.ok(!FORBIDDEN_KEYS.has(k), `${what} exposes ${path}.${k}: ${JSON.stringify(value).slice(0, 600)}`);
        walk(x, `${path}.${k}`);
      }
    }
  };
  walk(value, '$');
}

const STATUSES = ['booked', 'confirmed', 'arrived', 'completed', 'no_show', 'cancelled'];

/** Checks the public Booking view (no numeric appointment/client id, nothing of the client). */
export function assertPublicBooking(b, slug) {
  const t = JSON.stringify(b)?.slice(0, 1200);
  assert.ok(b && typeof b === 'object', `booking is an object: ${t}`);
  assert.ok(STATUSES.includes(b.status), `booking.status: ${t}`);
  assert.match(b.start, RFC3339, `booking.start: ${t}`);
  assert.match(b.end, RFC3339, `booking.end: ${t}`);
  assert.ok(Date.parse(b.end) > Date.parse(b.start), `booking ends after it starts: ${t}`);
  assert.equal(b.timezone, TZ, `booking.timezone: ${t}`);
  const br = b.branch;
  assert.ok(br && typeof br === 'object', `booking.branch: ${t}`);
  for (const k of ['slug', 'name', 'address', 'phone', 'timezone', 'currency']) assert.ok(k in br, `booking.branch.${k}: ${t}`);
  if (slug) assert.equal(br.slug, slug, `booking.branch.slug: ${t}`);
  assert.ok(Array.isArray(b.items) && b.items.length > 0, `booking.items: ${t}`);
  for (const i of b.items) {
    assert.ok(Number.isInteger(i.service_id), `item.service_id: ${t}`);
    assert.ok(Number.isInteger(i.staff_id), `item.staff_id: ${t}`);
    assert.equal(typeof i.service_name, 'string', `item.service_name: ${t}`);
    assert.equal(typeof i.staff_name, 'string', `item.staff_name: ${t}`);
    assert.match(i.start, RFC3339, `item.start: ${t}`);
    assert.match(i.end, RFC3339, `item.end: ${t}`);
    assert.ok(Number.isInteger(i.price), `item.price: ${t}`);
  }
  assert.ok(Number.isInteger(b.total), `booking.total: ${t}`);
  assert.equal(typeof b.currency, 'string', `booking.currency: ${t}`);
  // The link holder may not be the card's owner: no client name, phone, email or comment.
  for (const k of ['client_name', 'comment', 'notes', 'phone', 'email', 'name']) {
    assert.ok(!(k in b), `booking has no ${k}: ${t}`);
  }
  assert.equal(typeof b.can_cancel, 'boolean', `booking.can_cancel: ${t}`);
  assert.equal(typeof b.can_reschedule, 'boolean', `booking.can_reschedule: ${t}`);
  assert.match(b.deadline, RFC3339, `booking.deadline: ${t}`);
  assertNoInternalIds(b);
}

/** Checks a 201 answer of POST bookings: {booking, manage_token, manage_url}. */
export function assertCreated(j, slug) {
  const t = JSON.stringify(j)?.slice(0, 600);
  assert.ok(j && typeof j === 'object', `created body: ${t}`);
  assertPublicBooking(j.booking, slug);
  assert.match(j.manage_token ?? '', TOKEN, `manage_token is 32 hex characters: ${t}`);
  assert.equal(typeof j.manage_url, 'string', `manage_url: ${t}`);
  const u = new URL(j.manage_url);
  assert.ok(['http:', 'https:'].includes(u.protocol), `manage_url is absolute http(s): ${j.manage_url}`);
  assert.equal(u.pathname, `/b/${slug}/m/${j.manage_token}`, `manage_url path: ${j.manage_url}`);
  assertNoInternalIds(j, 'POST bookings answer');
}

// ---------------------------------------------------------------------------------------
// Staff side

/** The appointments of the journal of a day (cancelled ones included). */
export async function journalDay(s, date) {
  const res = await s.c.get(`${JOURNAL}?${new URLSearchParams({ branch_id: s.branch.id, date, days: 1, include_cancelled: 'true' })}`);
  assertStatus(res, 200, `journal ${date}`);
  return res.json.appointments;
}

/** The journal's appointments of a day whose client has the phone (E.164). */
export async function journalByPhone(s, date, phone) {
  return (await journalDay(s, date)).filter((a) => a.client?.phone === phone);
}

/** The one journal appointment of the phone on the day of `start`; asserts there is exactly one. */
export async function theAppointment(s, start, phone, msg = 'the online booking in the journal') {
  const date = kyivWall(start).date;
  const found = await journalByPhone(s, date, phone);
  assert.equal(found.length, 1, `${msg}: one appointment of ${phone} on ${date}, got ${JSON.stringify(found).slice(0, 600)}`);
  return found[0];
}

export { UTC_Z, sameInstant };

// ---------------------------------------------------------------------------------------
// Fixture

/**
 * setupSalon (Анна and Богдана 09:00-18:00 every day, services cut/buffered/color/quick/
 * roomed/group, clients) plus, for online booking:
 *   offline      a master not booked online (works every day too; does cut, with her own price)
 *   hidden       a service not booked online
 *   offlineOnly  an online service only the offline master does
 *   archived     an archived online service
 *   cats         hair (cut, color), hiddenCat (only `hidden`), nails (buffered), in that order
 * and the rules BASE_RULES (enabled, phone BRANCH_PHONE). `slug` is the branch's slug.
 */
export async function setupOnlineSalon(server, opts = {}) {
  const s = await setupSalon(server, opts);
  const { c, branch, anna, bohdana, services } = s;
  s.slug = branch.slug;
  assert.ok(typeof s.slug === 'string' && s.slug.length > 0, `branch slug: ${JSON.stringify(branch)}`);
  for (const m of [anna, bohdana]) {
    assertStatus(await c.patch(`${STAFF}/${m.id}`, { online_booking: true }), 200, 'online master');
  }
  const offline = await createStaff(c, branch.id, { name: 'Олег Офлайн', color: '#fa5252', online_booking: false });
  await putSchedule(c, offline.id, { patterns: [daily('every_day', '2026-01-01', EVERY_DAY_9_TO_6)] });
  const staffOf = (...list) => list.map(([m, over = {}]) => ({ staff_id: m.id, price_min: null, price_max: null, duration: null, ...over }));
  const cats = {
    hair: await createCategory(c, { name: 'Волосся' }),
    hiddenCat: await createCategory(c, { name: 'Тільки в салоні' }),
    nails: await createCategory(c, { name: 'Нігті' }),
  };
  const patchService = async (svc, body, msg) => {
    const res = await c.patch(`${SERVICES}/${svc.id}`, body);
    assertStatus(res, 200, msg);
    Object.assign(svc, res.json);
  };
  await patchService(
    services.cut,
    { category_id: cats.hair.id, staff: staffOf([anna], [bohdana, { price_min: 70000 }], [offline, { price_min: 999900 }]) },
    'cut: hair, offline master with her own price',
  );
  await patchService(services.color, { category_id: cats.hair.id }, 'color: hair');
  await patchService(services.buffered, { category_id: cats.nails.id }, 'buffered: nails');
  const hidden = await createService(c, {
    name: 'Тільки по телефону',
    duration: 60,
    price_min: 10000,
    online_booking: false,
    category_id: cats.hiddenCat.id,
    staff: staffOf([anna], [bohdana]),
  });
  const offlineOnly = await createService(c, { name: 'Тільки в Олега', duration: 60, price_min: 10000, staff: staffOf([offline]) });
  const archived = await createService(c, { name: 'Архівна', duration: 60, price_min: 10000, staff: staffOf([anna], [bohdana]) });
  const del = await c.delete(`${SERVICES}/${archived.id}`);
  assert.ok(del.status === 200 || del.status === 204, `archive a service: ${del.status} ${del.text.slice(0, 200)}`);
  Object.assign(s, { offline, hidden, offlineOnly, archived, cats });
  s.rules = await setRules(s, {}, 'initial rules');
  return s;
}

/** The ids of the services a client may book online in setupOnlineSalon. */
export function publicServiceIds(s) {
  const { cut, buffered, color, quick, roomed } = s.services;
  return [cut, buffered, color, quick, roomed].map((x) => x.id).sort((a, b) => a - b);
}
