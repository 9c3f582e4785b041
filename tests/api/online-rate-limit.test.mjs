// Rate limits of the public booking: per IP (`kvitka serve --online-ip-limit N`, attempts per
// 10 minutes) and per phone (`--online-phone-limit N`, per hour): the attempt past the limit is
// 429 too-many-requests with Retry-After. Each limit gets its own server (the budget of one
// must not leak into another test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertStatus, assertProblem } from '../lib/api.mjs';
import { at, future, addDays } from '../lib/booking.mjs';
import {
  setupOnlineSalon,
  postBooking,
  bookingBody,
  getPublicBranch,
  publicAvailability,
  onlinePhone,
  nationalSpaced,
  journalByPhone,
} from '../lib/online.mjs';

function assertTooMany(res, windowSeconds, msg) {
  assertProblem(res, 429, 'too-many-requests');
  const ra = res.headers.get('retry-after');
  assert.ok(ra !== null, `${msg}: Retry-After header`);
  assert.match(ra, /^\d+$/, `${msg}: Retry-After is seconds: ${ra}`);
  assert.ok(Number(ra) > 0 && Number(ra) <= windowSeconds, `${msg}: Retry-After within the window: ${ra}`);
}

test('per IP: --online-ip-limit 5, the 6th booking attempt within 10 minutes is 429 with Retry-After', async () => {
  const server = await startServer({ args: ['--online-ip-limit', '5', '--online-phone-limit', '100000'] });
  try {
    const s = await setupOnlineSalon(server);
    const d = future(8);
    // Looking is not an attempt.
    for (let i = 0; i < 8; i++) assertStatus(await getPublicBranch(server, s.slug), 200, `page view ${i + 1}`);
    await publicAvailability(server, s.slug, { service_ids: [s.services.quick.id], from: d, to: d });
    const times = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '12:00'];
    for (let i = 0; i < 5; i++) {
      const res = await postBooking(server, s.slug, bookingBody(s, { service: s.services.quick, staff: s.anna, start: at(d, times[i]) }));
      assertStatus(res, 201, `attempt ${i + 1}`);
    }
    const phone = onlinePhone();
    const sixth = await postBooking(server, s.slug, bookingBody(s, { service: s.services.quick, staff: s.anna, start: at(d, times[5]), client: { phone } }));
    assertTooMany(sixth, 600, '6th attempt');
    assert.deepEqual(await journalByPhone(s, d, phone), [], 'the throttled attempt booked nothing');
    // The waitlist form is an attempt too.
    const w = await server.client().post(`/api/v1/public/branches/${s.slug}/waitlist`, {
      service_ids: [s.services.cut.id],
      dates: { from: d, to: addDays(d, 1) },
      client: { name: 'Ніна', phone: onlinePhone() },
    });
    assert.equal(w.status, 429, `waitlist from the throttled IP: ${w.status} ${w.text.slice(0, 200)}`);
    // The page itself still opens.
    assertStatus(await getPublicBranch(server, s.slug), 200, 'page view while throttled');
    // Staff booking is not affected.
    const staff = await s.c.post('/api/v1/appointments', {
      branch_id: s.branch.id,
      client_id: s.client.id,
      items: [{ service_id: s.services.quick.id, staff_id: s.bohdana.id, start: at(d, '12:00') }],
    });
    assertStatus(staff, 201, 'the front desk still books');
  } finally {
    await server.stop();
  }
});

test('per phone: --online-phone-limit 3, the 4th attempt with one phone (any format) is 429; other phones go on', async () => {
  const server = await startServer({ args: ['--online-ip-limit', '100000', '--online-phone-limit', '3'] });
  try {
    const s = await setupOnlineSalon(server);
    const d = future(9);
    const phone = onlinePhone();
    const typed = [phone, nationalSpaced(phone), phone];
    for (let i = 0; i < 3; i++) {
      const res = await postBooking(server, s.slug, bookingBody(s, { staff: s.anna, start: at(addDays(d, i), '10:00'), client: { phone: typed[i] } }));
      assertStatus(res, 201, `attempt ${i + 1} with ${typed[i]}`);
    }
    const fourth = await postBooking(server, s.slug, bookingBody(s, { staff: s.anna, start: at(addDays(d, 3), '10:00'), client: { phone } }));
    assertTooMany(fourth, 3600, '4th attempt with the phone');
    const otherFormat = await postBooking(
      server,
      s.slug,
      bookingBody(s, { staff: s.anna, start: at(addDays(d, 4), '10:00'), client: { phone: nationalSpaced(phone) } }),
    );
    assertTooMany(otherFormat, 3600, '5th attempt, the phone typed differently');
    assert.deepEqual(await journalByPhone(s, addDays(d, 3), phone), [], 'throttled: nothing booked');
    // Another phone from the same IP is fine.
    assertStatus(await postBooking(server, s.slug, bookingBody(s, { staff: s.bohdana, start: at(d, '10:00') })), 201, 'another phone');
  } finally {
    await server.stop();
  }
});
