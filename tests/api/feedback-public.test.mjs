// Feedback after a visit (issue 7), the client's side: the visit's link (the manage token, as in
// the feedback request /b/<slug>/f/<token>) shows the visit and takes 1-5 stars, an optional NPS
// and a comment once the visit is completed, until 30 days after it; the answer may be changed
// for 24 hours. Time travel: a second server on the same database runs with `serve --now`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { RFC3339, assertStatus, assertProblem, assertValidation } from '../lib/api.mjs';
import { startServer } from '../lib/server.mjs';
import { kyivWall, plusMinutes, setStatus, status, TZ } from '../lib/booking.mjs';
import { anon, startOnlineServer, setupOnlineSalon } from '../lib/online.mjs';
import { bookedVisit as bookedVisitOf, publicFeedbackPath as feedbackPath, withServerAt as withServerAtOf } from '../lib/feedback.mjs';

const UNKNOWN = '0123456789abcdef0123456789abcdef';

let server;
before(async () => {
  server = await startOnlineServer();
});
after(async () => {
  await server?.stop();
});

const bookedVisit = (s, options) => bookedVisitOf(server, s, options);
const withServerAt = (now, work, args) => withServerAtOf(server, now, work, args);

/** Checks the public feedback view; nothing of the client but the first name, no internal ids. */
function assertPublicFeedback(j, { slug, open, reason } = {}) {
  const t = JSON.stringify(j)?.slice(0, 1500);
  assert.ok(j && typeof j === 'object', `body: ${t}`);
  assert.equal(typeof j.salon?.name, 'string', `salon.name: ${t}`);
  for (const k of ['slug', 'name', 'address', 'phone', 'timezone']) assert.equal(typeof j.branch?.[k], 'string', `branch.${k}: ${t}`);
  if (slug) assert.equal(j.branch.slug, slug);
  const v = j.visit;
  assert.ok(['booked', 'confirmed', 'arrived', 'completed', 'no_show', 'cancelled'].includes(v?.status), `visit.status: ${t}`);
  for (const k of ['start', 'end']) assert.match(v[k], /Z$/, `visit.${k} is UTC: ${t}`);
  assert.match(v.local_start, RFC3339, `visit.local_start: ${t}`);
  assert.equal(Date.parse(v.local_start), Date.parse(v.start), `local_start is the same instant: ${t}`);
  assert.equal(v.timezone, TZ);
  assert.equal(typeof v.client_first_name, 'string');
  assert.ok(Array.isArray(v.items) && v.items.length > 0, `visit.items: ${t}`);
  for (const i of v.items) {
    assert.deepEqual(Object.keys(i).sort(), ['end', 'service_name', 'staff_name', 'start'], `item keys: ${t}`);
  }
  assert.equal(typeof j.open, 'boolean');
  assert.equal(typeof j.can_answer, 'boolean');
  assert.match(j.closes_at, RFC3339);
  if (open !== undefined) assert.equal(j.open, open, `open: ${t}`);
  if (reason !== undefined) assert.equal(j.closed_reason, reason, `closed_reason: ${t}`);
  if (j.open) assert.equal(j.closed_reason, null);
  if (j.feedback !== null) {
    const f = j.feedback;
    assert.ok(Number.isInteger(f.rating) && f.rating >= 1 && f.rating <= 5, `feedback.rating: ${t}`);
    assert.ok(f.nps === null || (Number.isInteger(f.nps) && f.nps >= 0 && f.nps <= 10), `feedback.nps: ${t}`);
    assert.equal(typeof f.comment, 'string');
    for (const k of ['created_at', 'updated_at', 'editable_until']) assert.match(f[k], RFC3339, `feedback.${k}: ${t}`);
    assert.equal(typeof f.can_edit, 'boolean');
  }
  // Whoever holds the link sees no ids, phone, email or other data of the client.
  const walk = (x, path) => {
    if (Array.isArray(x)) x.forEach((y, i) => walk(y, `${path}[${i}]`));
    else if (x && typeof x === 'object') {
      for (const [k, y] of Object.entries(x)) {
        assert.ok(!['id', 'appointment_id', 'client_id', 'org_id', 'client', 'email', 'last_name', 'notes'].includes(k), `exposes ${path}.${k}: ${t}`);
        walk(y, `${path}.${k}`);
      }
    }
  };
  walk(j, '$');
  assert.ok(!t.includes('oksana@example.test'), `no email: ${t}`);
  return j;
}

test('the visit link opens the form once the visit is completed; one answer, changeable for 24 hours', async () => {
  const s = await setupOnlineSalon(server);
  const { token, appointment, booking, phone } = await bookedVisit(s, { staff: s.anna });

  let res = await anon(server).get(feedbackPath(token));
  assertStatus(res, 200, 'GET before the visit');
  assertPublicFeedback(res.json, { slug: s.slug, open: false, reason: 'not_completed' });
  assert.equal(res.json.can_answer, false);
  assert.equal(res.json.feedback, null);
  assert.equal(res.json.visit.client_first_name, 'Оксана');
  assert.equal(res.json.visit.status, 'confirmed');
  assert.equal(res.json.visit.start, booking.start);
  assert.equal(res.json.visit.items[0].service_name, 'Стрижка');
  assert.equal(res.json.visit.items[0].staff_name, 'Анна Тест');
  assert.equal(res.json.branch.phone, s.rules.phone);
  assert.equal(res.json.salon.name, s.owner.body.org_name);
  const wall = kyivWall(booking.start);
  assert.ok(res.json.visit.local_start.startsWith(`${wall.date}T${wall.time}:00+0`), `local_start in Kyiv time: ${res.json.visit.local_start}`);
  assert.ok(!res.text.includes(phone) && !res.text.includes(phone.slice(4)), 'no phone');

  assertProblem(await anon(server).post(feedbackPath(token), { rating: 5 }), 409, 'visit-not-completed');

  await status(s.c, appointment.id, 'completed');
  // Marked completed before it even began: still not open.
  res = await anon(server).get(feedbackPath(token));
  assertPublicFeedback(res.json, { open: false, reason: 'not_completed' });
  assert.equal(res.json.visit.status, 'completed');

  const afterVisit = plusMinutes(booking.end, 120);
  const answeredAt = await withServerAt(afterVisit, async (later) => {
    res = await later.anon().get(feedbackPath(token));
    assertStatus(res, 200);
    assertPublicFeedback(res.json, { open: true, reason: null });
    assert.equal(res.json.can_answer, true);
    assert.equal(Date.parse(res.json.closes_at), Date.parse(booking.end) + 30 * 86400_000);

    res = await later.anon().post(feedbackPath(token), { rating: 4, nps: 9, comment: '  Дякую, все чудово!  ' });
    assertStatus(res, 201, 'the first answer');
    assertPublicFeedback(res.json, { open: true });
    assert.deepEqual(
      { rating: res.json.feedback.rating, nps: res.json.feedback.nps, comment: res.json.feedback.comment, can_edit: res.json.feedback.can_edit },
      { rating: 4, nps: 9, comment: 'Дякую, все чудово!', can_edit: true },
    );
    const created = res.json.feedback.created_at;
    assert.ok(Math.abs(Date.parse(created) - Date.parse(afterVisit)) < 60_000, `created_at is the server's now: ${created}`);
    assert.equal(Date.parse(res.json.feedback.editable_until), Date.parse(created) + 86400_000);

    res = await later.anon().post(feedbackPath(token), { rating: 5, comment: null });
    assertStatus(res, 200, 'a second POST changes the answer');
    assert.deepEqual([res.json.feedback.rating, res.json.feedback.nps, res.json.feedback.comment], [5, null, '']);
    assert.equal(res.json.feedback.created_at, created);

    res = await later.anon().get(feedbackPath(token));
    assert.equal(res.json.feedback.rating, 5);
    assert.equal(res.json.can_answer, true);
    return created;
  });

  await withServerAt(plusMinutes(answeredAt, 24 * 60 + 1), async (later) => {
    assertProblem(await later.anon().post(feedbackPath(token), { rating: 1 }), 409, 'feedback-locked');
    res = await later.anon().get(feedbackPath(token));
    assertPublicFeedback(res.json, { open: true });
    assert.equal(res.json.can_answer, false);
    assert.equal(res.json.feedback.can_edit, false);
    assert.equal(res.json.feedback.rating, 5, 'the answer stays');
  });

  await withServerAt(plusMinutes(booking.end, 30 * 24 * 60 + 1), async (later) => {
    res = await later.anon().get(feedbackPath(token));
    assertPublicFeedback(res.json, { open: false, reason: 'expired' });
    assert.equal(res.json.feedback.rating, 5);
    assertProblem(await later.anon().post(feedbackPath(token), { rating: 2 }), 409, 'feedback-closed');
  });
});

test('a visit that was not completed takes no feedback, also later', async () => {
  const s = await setupOnlineSalon(server);
  const cancelled = await bookedVisit(s, { days: 8 });
  assertStatus(await setStatus(s.c, cancelled.appointment.id, 'cancelled'), 200, 'cancel');
  const missed = await bookedVisit(s, { days: 8 });
  assertStatus(await setStatus(s.c, missed.appointment.id, 'no_show'), 200, 'no-show');
  const waiting = await bookedVisit(s, { days: 8 });
  await withServerAt(plusMinutes(waiting.booking.end, 60), async (later) => {
    for (const v of [cancelled, missed, waiting]) {
      const res = await later.anon().get(feedbackPath(v.token));
      assertPublicFeedback(res.json, { open: false, reason: 'not_completed' });
      assertProblem(await later.anon().post(feedbackPath(v.token), { rating: 5 }), 409, 'visit-not-completed');
    }
  });
});

test('bad answers name their fields; unknown links are 404', async () => {
  const s = await setupOnlineSalon(server);
  const { token } = await bookedVisit(s, { days: 9 });
  const post = (body) => anon(server).post(feedbackPath(token), body);
  assertValidation(await post({}), { rating: 'required' });
  assertValidation(await post({ rating: null }), { rating: 'required' });
  assertValidation(await post({ rating: 0 }), { rating: 'out_of_range' });
  assertValidation(await post({ rating: 6 }), { rating: 'out_of_range' });
  assertValidation(await post({ rating: '5' }), { rating: 'invalid_type' });
  assertValidation(await post({ rating: 4.5 }), { rating: 'invalid_type' });
  assertValidation(await post({ rating: 5, nps: 11 }), { nps: 'out_of_range' });
  assertValidation(await post({ rating: 5, nps: -1 }), { nps: 'out_of_range' });
  assertValidation(await post({ rating: 5, nps: 'ten' }), { nps: 'invalid_type' });
  assertValidation(await post({ rating: 5, comment: 'ї'.repeat(2001) }), { comment: 'too_long' });
  assertValidation(await post({ rating: 5, comment: 42 }), { comment: 'invalid_type' });
  assertValidation(await post({ rating: 9, nps: 99, comment: ['x'] }), { rating: 'out_of_range', nps: 'out_of_range', comment: 'invalid_type' });
  // 2000 characters is fine as far as validation goes (the visit is not completed: 409).
  assertProblem(await post({ rating: 5, nps: 0, comment: 'ї'.repeat(2000) }), 409, 'visit-not-completed');
  assertProblem(await anon(server).post(feedbackPath(token), undefined, { body: '{"rating":', contentType: 'application/json' }), 400, 'malformed-json');
  assertProblem(await anon(server).request('POST', feedbackPath(token), { body: '[5]', contentType: 'application/json' }), 400, 'malformed-json');

  for (const bad of [UNKNOWN, token.toUpperCase(), token.slice(1), 'x'.repeat(32), '%00', '..%2F..%2Fetc']) {
    const res = await anon(server).get(feedbackPath(bad));
    assert.equal(res.status, 404, `GET ${bad}: ${res.status} ${res.text.slice(0, 200)}`);
    const post404 = await anon(server).post(feedbackPath(bad), { rating: 5 });
    assert.equal(post404.status, 404, `POST ${bad}: ${post404.status}`);
  }
  assertProblem(await anon(server).get(feedbackPath(UNKNOWN)), 404, 'feedback-link-not-found');
  const uk = await anon(server, { lang: 'uk' }).get(feedbackPath(UNKNOWN));
  assert.equal(uk.json.title, 'Це посилання для відгуку недійсне.');
  const ru = await anon(server, { lang: 'ru' }).post(feedbackPath(token), { rating: 5 });
  assert.equal(ru.json.title, 'Отзыв можно оставить, когда визит завершится.');
});

test('answers are rate-limited per IP like the booking page (--online-ip-limit)', async () => {
  const limited = await startServer({ args: ['--online-ip-limit', '3'] });
  try {
    for (let i = 0; i < 3; i++) {
      assertProblem(await limited.client().post(feedbackPath(UNKNOWN), { rating: 5 }), 404, 'feedback-link-not-found');
    }
    const res = await limited.client().post(feedbackPath(UNKNOWN), { rating: 5 });
    assertProblem(res, 429, 'too-many-requests');
    const ra = Number(res.headers.get('retry-after'));
    assert.ok(ra > 0 && ra <= 600, `Retry-After within 10 minutes: ${res.headers.get('retry-after')}`);
    // Reading the form is not limited.
    assertStatus(await limited.client().get(feedbackPath(UNKNOWN)), 404);
  } finally {
    await limited.stop();
  }
});
