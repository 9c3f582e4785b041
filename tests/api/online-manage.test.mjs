// The client's manage link (GET/POST /public/bookings/{token}[/cancel|/reschedule]): the
// booking by token, unknown and malformed tokens, cancelling (cancelled_by client, twice is
// fine), moving to another public slot (the same token keeps working), to a taken time or a
// non-slot, the cancellation deadline, and visits the salon has closed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertStatus } from '../lib/api.mjs';
import { randomSuffix } from '../lib/server.mjs';
import { assertBookingProblem, assertFieldErr, book, oneItem, at, future, addDays, kyivWall, sameInstant } from '../lib/booking.mjs';
import {
  startOnlineServer,
  setupOnlineSalon,
  setRules,
  bookOnline,
  bookFirstSlot,
  bookingBody,
  firstPublicSlot,
  getManage,
  cancelOnline,
  rescheduleOnline,
  assertPublicBooking,
  theAppointment,
  journalDay,
  onlinePhone,
  manageApi,
  anon,
  BRANCH_PHONE,
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

async function manage(token, msg = 'GET manage') {
  const res = await getManage(server, token);
  assertStatus(res, 200, msg);
  assert.equal(res.json.slug, s.slug, `manage.slug: ${res.text.slice(0, 300)}`);
  assertPublicBooking(res.json.booking, s.slug);
  return res.json.booking;
}

const phoneDigits = (e164) => e164.slice(4); // "441234567"

function assertNamesPhone(p, msg) {
  const digits = String(p.detail ?? '').replace(/\D/g, '');
  assert.ok(digits.includes(phoneDigits(BRANCH_PHONE)), `${msg}: the detail names the branch phone: ${JSON.stringify(p)}`);
}

test('GET by token: the booking and the slug; unknown and malformed tokens are 404 booking-not-found', async () => {
  await setRules(s);
  const d = future(8);
  const r = await bookOnline(server, s, bookingBody(s, { staff: s.anna, start: at(d, '10:00'), comment: 'Привіт' }));
  const b = await manage(r.manage_token);
  assert.equal(b.status, 'confirmed');
  sameInstant(b.start, at(d, '10:00'));
  assert.ok(!('comment' in b) && !('client_name' in b), 'the manage link shows no comment and no name');
  assert.equal(b.can_cancel, true);
  assert.equal(b.can_reschedule, true);
  const unknown = randomSuffix(16); // 32 hex
  assert.match(unknown, /^[0-9a-f]{32}$/);
  const bad = [unknown, r.manage_token.toUpperCase(), r.manage_token.slice(0, 31), r.manage_token + '0', 'xyz', 'g'.repeat(32), '..%2F..%2Fetc', '0'.repeat(32), '%00'];
  for (const t of bad) {
    if (t === r.manage_token.toUpperCase() && t === r.manage_token) continue;
    const res = await anon(server).get(manageApi(t));
    assertBookingProblem(res, 404, 'booking-not-found', `token ${t}`);
    assertBookingProblem(await cancelOnline(server, t), 404, 'booking-not-found', `cancel with ${t}`);
    assertBookingProblem(await rescheduleOnline(server, t, { start: at(d, '12:00') }), 404, 'booking-not-found', `reschedule with ${t}`);
  }
  // Tokens are not guessable from each other.
  const r2 = await bookOnline(server, s, bookingBody(s, { staff: s.anna, start: at(d, '12:00') }));
  assert.notEqual(r2.manage_token, r.manage_token);
  sameInstant((await manage(r.manage_token)).start, at(d, '10:00'), 'still the first booking');
});

test('cancel: status cancelled, cancelled_by client, the time is free again; cancelling twice is fine', async () => {
  await setRules(s);
  const d = future(9);
  const phone = onlinePhone();
  const r = await bookOnline(server, s, bookingBody(s, { staff: s.bohdana, start: at(d, '11:00'), client: { phone } }));
  const res = await cancelOnline(server, r.manage_token, { reason: 'Захворіла' });
  assertStatus(res, 200, 'cancel');
  assertPublicBooking(res.json.booking, s.slug);
  assert.equal(res.json.booking.status, 'cancelled');
  assert.equal(res.json.booking.can_cancel, false);
  assert.equal(res.json.booking.can_reschedule, false);
  const a = await theAppointment(s, at(d, '11:00'), phone);
  assert.equal(a.status, 'cancelled');
  assert.equal(a.cancelled_by, 'client');
  assert.equal(a.cancel_reason, 'Захворіла');
  assert.equal((await manage(r.manage_token)).status, 'cancelled', 'the link shows it cancelled');
  const again = await cancelOnline(server, r.manage_token);
  assertStatus(again, 200, 'cancel twice');
  assert.equal(again.json.booking.status, 'cancelled');
  assert.equal((await theAppointment(s, at(d, '11:00'), phone)).cancel_reason, 'Захворіла', 'the second cancel changes nothing');
  // The time is bookable again.
  await bookOnline(server, s, bookingBody(s, { staff: s.bohdana, start: at(d, '11:00') }), 'the freed time');
  // Moving a cancelled booking: 409 appointment-closed.
  assertBookingProblem(await rescheduleOnline(server, r.manage_token, { start: at(d, '15:00') }), 409, 'appointment-closed');
  // A too-long reason.
  const r3 = await bookOnline(server, s, bookingBody(s, { staff: s.bohdana, start: at(d, '14:00') }));
  assertFieldErr(await cancelOnline(server, r3.manage_token, { reason: 'р'.repeat(501) }), 'reason', 'too_long');
  assert.equal((await manage(r3.manage_token)).status, 'confirmed', 'not cancelled by the refused request');
});

test('reschedule: to another public slot of the same master; the journal has the new time; the token still works', async () => {
  await setRules(s);
  const d = future(10);
  const phone = onlinePhone();
  const r = await bookOnline(server, s, bookingBody(s, { staff: s.anna, start: at(d, '10:00'), client: { phone } }));
  const before = await theAppointment(s, at(d, '10:00'), phone);
  const res = await rescheduleOnline(server, r.manage_token, { start: at(addDays(d, 1), '15:00') });
  assertStatus(res, 200, 'reschedule');
  assertPublicBooking(res.json.booking, s.slug);
  sameInstant(res.json.booking.start, at(addDays(d, 1), '15:00'));
  sameInstant(res.json.booking.end, at(addDays(d, 1), '16:00'));
  assert.equal(res.json.booking.items[0].staff_id, s.anna.id, 'the same master');
  assert.equal((await journalDay(s, d)).filter((a) => a.id === before.id).length, 0, 'gone from the old day');
  const moved = await theAppointment(s, at(addDays(d, 1), '15:00'), phone);
  assert.equal(moved.id, before.id, 'the same appointment moved');
  sameInstant(moved.start, at(addDays(d, 1), '15:00'));
  assert.equal(moved.source, 'online');
  assert.equal(moved.status, before.status);
  sameInstant((await manage(r.manage_token)).start, at(addDays(d, 1), '15:00'), 'the same token shows the new time');
  // The old time is free again; the new time is no longer offered.
  const slot = await firstPublicSlot(server, s, { date: d, staff: s.anna });
  assert.equal(kyivWall(slot.start).time, '09:00');
  const later = await firstPublicSlot(server, s, { date: addDays(d, 1), staff: s.anna, after: at(addDays(d, 1), '14:59') });
  assert.ok(Date.parse(later.start) >= Date.parse(at(addDays(d, 1), '16:00')), `15:00 is taken now: next ${later.start}`);
  // Moving to another master.
  const res2 = await rescheduleOnline(server, r.manage_token, { start: at(addDays(d, 1), '15:00'), staff_id: s.bohdana.id });
  assertStatus(res2, 200, 'to Богдана at the same time');
  assert.equal(res2.json.booking.items[0].staff_id, s.bohdana.id);
  assert.equal(res2.json.booking.items[0].price, 70000, 'Богдана\'s price');
});

test('reschedule refusals: a taken time 409 slot-taken, a non-slot 422, the past 422, the offline master 422', async () => {
  await setRules(s);
  const d = future(16);
  const r = await bookOnline(server, s, bookingBody(s, { staff: s.anna, start: at(d, '10:00') }));
  await book(s.c, oneItem(s, { staff: s.anna, start: at(d, '13:00') }), 'the front desk at 13:00');
  assertBookingProblem(await rescheduleOnline(server, r.manage_token, { start: at(d, '13:00') }), 409, 'slot-taken', 'a taken time');
  assertBookingProblem(await rescheduleOnline(server, r.manage_token, { start: at(d, '12:30') }), 409, 'slot-taken', 'overlapping 13:00');
  assertFieldErr(await rescheduleOnline(server, r.manage_token, { start: at(d, '03:17') }), 'start', 'not_available', '03:17');
  assertFieldErr(await rescheduleOnline(server, r.manage_token, { start: at(d, '17:30') }), 'start', 'not_available', 'runs past 18:00');
  assertFieldErr(await rescheduleOnline(server, r.manage_token, { start: at(addDays(future(0), -1), '12:00') }), 'start', 'in_the_past', 'yesterday');
  assertFieldErr(await rescheduleOnline(server, r.manage_token, {}), 'start', 'required', 'no start');
  assertFieldErr(await rescheduleOnline(server, r.manage_token, { start: 'soon' }), 'start', ['invalid_type', 'invalid_value'], 'a word');
  assertFieldErr(await rescheduleOnline(server, r.manage_token, { start: at(d, '15:00'), staff_id: s.offline.id }), 'staff_id', 'not_found', 'offline master');
  assertFieldErr(await rescheduleOnline(server, r.manage_token, { start: at(future(90), '12:00') }), 'start', 'too_far', 'past the horizon');
  sameInstant((await manage(r.manage_token)).start, at(d, '10:00'), 'nothing moved');
});

test('deadline: 3 days before and a booking tomorrow: can_cancel false, cancel and reschedule 409 deadline-passed', async () => {
  await setRules(s, { cancel_deadline_minutes: 4320 });
  try {
    const d = future(1);
    const phone = onlinePhone();
    const r = await bookFirstSlot(server, s, { date: d, staff: s.bohdana, client: { phone } });
    assert.equal(r.booking.can_cancel, false);
    assert.equal(r.booking.can_reschedule, false);
    sameInstant(r.booking.deadline, new Date(Date.parse(r.booking.start) - 4320 * 60_000).toISOString(), 'deadline = start - 3 days');
    const b = await manage(r.manage_token);
    assert.equal(b.can_cancel, false);
    const c = assertBookingProblem(await cancelOnline(server, r.manage_token), 409, 'deadline-passed', 'cancel');
    assertNamesPhone(c, 'cancel past the deadline');
    const m = assertBookingProblem(await rescheduleOnline(server, r.manage_token, { start: at(future(8), '10:00') }), 409, 'deadline-passed', 'reschedule');
    assertNamesPhone(m, 'reschedule past the deadline');
    const a = await theAppointment(s, r.booking.start, phone);
    assert.equal(a.status, 'confirmed', 'still booked');
    sameInstant(a.start, r.booking.start, 'not moved');
    // A booking well before the deadline can be cancelled.
    const far = await bookOnline(server, s, bookingBody(s, { staff: s.bohdana, start: at(future(12), '10:00') }));
    assert.equal(far.booking.can_cancel, true);
    assertStatus(await cancelOnline(server, far.manage_token), 200);
  } finally {
    await setRules(s);
  }
});

test('a visit the salon has closed (completed, no-show): 409 appointment-closed for cancel and reschedule', async () => {
  await setRules(s);
  for (const [k, final] of [['completed', ['arrived', 'completed']], ['no_show', ['no_show']]].entries()) {
    const d = future(13 + k);
    const phone = onlinePhone();
    const r = await bookOnline(server, s, bookingBody(s, { staff: s.anna, start: at(d, '10:00'), client: { phone } }));
    const a = await theAppointment(s, at(d, '10:00'), phone);
    for (const st of final[1]) assertStatus(await s.c.post(`/api/v1/appointments/${a.id}/status`, { status: st }), 200, `status ${st}`);
    const b = await manage(r.manage_token);
    assert.equal(b.status, final[0]);
    assert.equal(b.can_cancel, false);
    assert.equal(b.can_reschedule, false);
    assertBookingProblem(await cancelOnline(server, r.manage_token), 409, 'appointment-closed', `cancel ${final[0]}`);
    assertBookingProblem(await rescheduleOnline(server, r.manage_token, { start: at(d, '15:00') }), 409, 'appointment-closed', `move ${final[0]}`);
    assert.equal((await theAppointment(s, at(d, '10:00'), phone)).status, final[0], 'unchanged');
  }
});

test('changes made by the salon show on the manage link (moved by the front desk, cancelled by the salon)', async () => {
  await setRules(s);
  const d = future(15);
  const phone = onlinePhone();
  const r = await bookOnline(server, s, bookingBody(s, { staff: s.anna, start: at(d, '10:00'), client: { phone } }));
  const a = await theAppointment(s, at(d, '10:00'), phone);
  assertStatus(await s.c.patch(`/api/v1/appointments/${a.id}`, { start: at(d, '12:00') }), 200, 'front desk moves it');
  sameInstant((await manage(r.manage_token)).start, at(d, '12:00'));
  assertStatus(await s.c.post(`/api/v1/appointments/${a.id}/status`, { status: 'cancelled', cancelled_by: 'salon' }), 200);
  const b = await manage(r.manage_token);
  assert.equal(b.status, 'cancelled');
  assert.equal(b.can_cancel, false);
  assert.equal(b.can_reschedule, false);
});
