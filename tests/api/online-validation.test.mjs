// Validation of POST /public/branches/{slug}/bookings: start (required, type, in the past,
// not a slot, before the lead time, past the horizon), services and masters not bookable
// online, master_required, the client's name/phone/email, the comment, the language, the
// honeypot, malformed bodies. Each refusal books nothing and creates no client.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertStatus } from '../lib/api.mjs';
import { getClient } from '../lib/clients.mjs';
import { assertFieldErr, at, future, addDays, kyivToday } from '../lib/booking.mjs';
import {
  startOnlineServer,
  setupOnlineSalon,
  setRules,
  postBooking,
  bookingBody,
  bookOnline,
  journalByPhone,
  theAppointment,
  onlinePhone,
  bookingsPath,
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

/** Posts the body and expects 422 on `field` with one of `codes`; then checks nothing was booked. */
async function refused(body, field, codes, msg) {
  const res = await postBooking(server, s.slug, body);
  assertFieldErr(res, field, codes, msg);
  const phone = body?.client?.phone;
  if (typeof phone === 'string' && /^\+380\d{9}$/.test(phone) && typeof body.start === 'string' && /^\d{4}-/.test(body.start)) {
    const date = body.start.slice(0, 10);
    for (const d of [date, addDays(date, 1)]) {
      assert.deepEqual(await journalByPhone(s, d, phone), [], `${msg}: nothing booked`);
    }
  }
  return res;
}

/** Runs every case and fails once listing all failures. */
async function cases(list, fn) {
  const failures = [];
  for (const c of list) {
    try {
      await fn(c);
    } catch (e) {
      failures.push(`${c[0]}: ${String(e.message).split('\n')[0].slice(0, 400)}`);
    }
  }
  assert.deepEqual(failures, [], `${failures.length} of ${list.length} failed:\n${failures.join('\n')}`);
}

test('start: required, type, in the past, not a slot', async () => {
  await setRules(s);
  const d = future(8);
  const yesterday = addDays(kyivToday(), -1);
  await cases(
    [
      ['missing', undefined, 'required'],
      ['null', null, ['required', 'invalid_type']],
      ['a number', 1767225600, 'invalid_type'],
      ['not a time', 'tomorrow at ten', ['invalid_type', 'invalid_value']],
      ['a date only', d, ['invalid_type', 'invalid_value']],
      ['yesterday', at(yesterday, '12:00'), 'in_the_past'],
      ['last year', '2025-03-03T10:00:00Z', 'in_the_past'],
      ['03:17 at night', at(d, '03:17'), 'not_available'],
      ['off the grid 10:05', at(d, '10:05'), 'not_available'],
      ['after hours 18:30', at(d, '18:30'), 'not_available'],
      ['ends after hours 17:30', at(d, '17:30'), 'not_available'],
      ['before hours 08:00', at(d, '08:00'), 'not_available'],
    ],
    async ([what, start, codes]) => {
      const body = bookingBody(s, { staff: s.anna, start });
      if (start === undefined) delete body.start;
      await refused(body, 'start', codes, what);
    },
  );
  // Any master: 03:17 is not a slot either.
  await refused(bookingBody(s, { start: at(d, '03:17') }), 'start', 'not_available', 'any master at 03:17');
});

test('start: before the lead time is too_soon, past the horizon too_far', async () => {
  await setRules(s, { lead_minutes: 2 * 24 * 60, horizon_days: 5 });
  try {
    await refused(bookingBody(s, { staff: s.anna, start: at(future(1), '12:00') }), 'start', 'too_soon', 'tomorrow with a 2-day lead');
    await refused(bookingBody(s, { staff: s.anna, start: at(future(10), '12:00') }), 'start', 'too_far', '10 days with a 5-day horizon');
    await refused(bookingBody(s, { staff: s.anna, start: at(future(60), '12:00') }), 'start', 'too_far', '60 days with a 5-day horizon');
    await bookOnline(server, s, bookingBody(s, { staff: s.anna, start: at(future(4), '12:00') }), 'in between');
  } finally {
    await setRules(s);
  }
  await bookOnline(server, s, bookingBody(s, { staff: s.anna, start: at(future(10), '12:00') }), '10 days with the default horizon');
});

test('services: required, not bookable online, unknown, too many', async () => {
  await setRules(s);
  const d = future(9);
  const start = at(d, '12:00');
  await cases(
    [
      ['missing', undefined, 'required'],
      ['empty', [], 'required'],
      ['not online', [s.hidden.id], 'not_found'],
      ['only an offline master does it', [s.offlineOnly.id], ['not_found', 'not_available']],
      ['archived', [s.archived.id], 'not_found'],
      ['group class', [s.services.group.id], 'not_found'],
      ['unknown', [999999999], 'not_found'],
      ['a string', 'cut', ['invalid_type', 'required']],
      ['strings', ['1'], ['invalid_type', 'not_found']],
      ['too many', Array.from({ length: 60 }, () => s.services.quick.id), ['too_many', 'invalid_value']],
    ],
    async ([what, ids, codes]) => {
      const body = bookingBody(s, { staff: s.anna, start });
      if (ids === undefined) delete body.service_ids;
      else body.service_ids = ids;
      await refused(body, 'service_ids', codes, what);
    },
  );
  // Another organization's service.
  const other = await setupOnlineSalon(server);
  await refused({ ...bookingBody(s, { staff: s.anna, start }), service_ids: [other.services.cut.id] }, 'service_ids', 'not_found', 'another org');
  // Its master.
  await refused({ ...bookingBody(s, { start }), staff_id: other.anna.id }, 'staff_id', 'not_found', 'another org\'s master');
});

test('masters: offline and unknown are not_found; master_required needs one', async () => {
  await setRules(s);
  const d = future(10);
  await refused(bookingBody(s, { staff: s.offline, start: at(d, '12:00') }), 'staff_id', 'not_found', 'offline master');
  await refused({ ...bookingBody(s, { start: at(d, '12:00') }), staff_id: 999999999 }, 'staff_id', 'not_found', 'unknown master');
  await refused({ ...bookingBody(s, { start: at(d, '12:00') }), staff_id: 'Анна' }, 'staff_id', ['invalid_type', 'not_found'], 'a name');
  await setRules(s, { master_required: true });
  try {
    await refused(bookingBody(s, { start: at(d, '12:00') }), 'staff_id', 'required', 'master required, none given');
    await refused({ ...bookingBody(s, { start: at(d, '12:00') }), staff_id: null }, 'staff_id', 'required', 'master required, null');
    await bookOnline(server, s, bookingBody(s, { staff: s.bohdana, start: at(d, '12:00') }), 'master required and given');
  } finally {
    await setRules(s);
  }
});

test('the client: name, phone, email', async () => {
  await setRules(s);
  const d = future(11);
  const start = at(d, '13:00');
  await cases(
    [
      ['no client', 'client', undefined, 'client', ['required', 'invalid_type']],
      ['client is a string', 'client', 'Оксана', 'client', ['required', 'invalid_type']],
      ['no name', 'name', undefined, 'client.name', 'required'],
      ['empty name', 'name', '', 'client.name', ['required', 'too_short', 'invalid_value']],
      ['blank name', 'name', '   ', 'client.name', ['required', 'too_short', 'invalid_value']],
      ['name 101', 'name', 'Я'.repeat(101), 'client.name', 'too_long'],
      ['name a number', 'name', 42, 'client.name', 'invalid_type'],
      ['no phone', 'phone', undefined, 'client.phone', 'required'],
      ['empty phone', 'phone', '', 'client.phone', ['required', 'invalid_phone']],
      ['letters', 'phone', 'call me maybe', 'client.phone', 'invalid_phone'],
      ['too short', 'phone', '067 12', 'client.phone', 'invalid_phone'],
      ['too long', 'phone', '+380 67 123 45 67 89 01', 'client.phone', 'invalid_phone'],
      ['phone a number', 'phone', 380671234567, 'client.phone', ['invalid_type', 'invalid_phone']],
      ['bad email', 'email', 'not-an-email', 'client.email', 'invalid_email'],
      ['email 255', 'email', `${'a'.repeat(243)}@example.test`, 'client.email', ['too_long', 'invalid_email']],
    ],
    async ([what, key, value, field, codes]) => {
      const body = bookingBody(s, { staff: s.anna, start });
      if (key === 'client') {
        if (value === undefined) delete body.client;
        else body.client = value;
      } else if (value === undefined) delete body.client[key];
      else body.client[key] = value;
      await refused(body, field, codes, what);
    },
  );
  // The edges are fine: a 100-character name with an empty email; a name with spaces around it.
  const ok = await bookOnline(server, s, bookingBody(s, { staff: s.anna, start, client: { name: 'Я'.repeat(100), email: '' } }), '100-character name');
  const okA = await theAppointment(s, ok.booking.start, ok.body.client.phone);
  assert.equal((await getClient(s.c, okA.client_id)).first_name, 'Я'.repeat(100), 'the new client has the 100-character name');
  const trimmed = await bookOnline(server, s, bookingBody(s, { staff: s.bohdana, start, client: { name: '  Ліна  ', email: 'lina@example.test' } }));
  const trA = await theAppointment(s, trimmed.booking.start, trimmed.body.client.phone);
  assert.equal((await getClient(s.c, trA.client_id)).first_name, 'Ліна', 'the name without the spaces around it');
});

test('comment, language, honeypot', async () => {
  await setRules(s);
  const d = future(12);
  const start = at(d, '10:00');
  await refused(bookingBody(s, { staff: s.anna, start, comment: 'ж'.repeat(501) }), 'comment', 'too_long', 'comment 501');
  await refused(bookingBody(s, { staff: s.anna, start, comment: 5 }), 'comment', 'invalid_type', 'comment a number');
  for (const language of ['de', 'UK ', 7]) {
    await refused(bookingBody(s, { staff: s.anna, start, language }), 'language', ['invalid_value', 'invalid_type'], `language ${JSON.stringify(language)}`);
  }
  for (const website of ['http://spam.example', 'x']) {
    await refused(bookingBody(s, { staff: s.anna, start, website }), 'website', 'must_be_empty', `honeypot ${JSON.stringify(website)}`);
  }
  // The edges: a 500-character comment, every language, an empty honeypot.
  const r = await bookOnline(server, s, bookingBody(s, { staff: s.anna, start, comment: 'ж'.repeat(500), language: 'ru', website: '' }));
  assert.equal((await theAppointment(s, r.booking.start, r.body.client.phone)).notes, 'ж'.repeat(500), 'the 500-character comment in the notes');
  await bookOnline(server, s, bookingBody(s, { staff: s.bohdana, start, language: 'en', website: null }), 'website null');
  await bookOnline(server, s, bookingBody(s, { staff: s.anna, start: at(d, '12:00'), language: 'uk' }), 'uk');
});

test('malformed bodies and wrong content types are 4xx problems, never 5xx; nothing is booked', async () => {
  await setRules(s);
  const bodies = ['{"service_ids":', '[]', '"x"', 'null', '42', '{"client":{"name":"a","phone":"+380671234567"},"service_ids":[1],"start":"' + 'x'.repeat(100000) + '"}'];
  const failures = [];
  for (const body of bodies) {
    const res = await anon(server).request('POST', bookingsPath(s.slug), { body, contentType: 'application/json' });
    if (!(res.status >= 400 && res.status < 500)) failures.push(`${body.slice(0, 40)}: ${res.status} ${res.text.slice(0, 200)}`);
  }
  const form = await anon(server).request('POST', bookingsPath(s.slug), { body: 'service_ids=1&start=x', contentType: 'application/x-www-form-urlencoded' });
  if (!(form.status >= 400 && form.status < 500)) failures.push(`form: ${form.status}`);
  assert.deepEqual(failures, [], failures.join('\n'));
});

test('no session and no CSRF token are needed; a stale session cookie is not required either', async () => {
  await setRules(s);
  const d = future(13);
  const phone = onlinePhone();
  const res = await postBooking(server, s.slug, bookingBody(s, { staff: s.anna, start: at(d, '10:00'), client: { phone } }));
  assertStatus(res, 201, 'anonymous booking');
  const cookies = res.headers.getSetCookie();
  assert.ok(!cookies.some((c) => /kvitka_session/.test(c)), `no session is started: ${cookies}`);
  // A staff member booking on the public page from a browser with a session works the same way.
  const viaStaffBrowser = await s.c.post(bookingsPath(s.slug), bookingBody(s, { staff: s.bohdana, start: at(d, '10:00') }), { csrf: false });
  assertStatus(viaStaffBrowser, 201, 'the public booking ignores the staff session');
});
