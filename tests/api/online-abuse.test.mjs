// Abuse on the public booking: a black-listed client (tag "Чорний список", "Черный список",
// "Black list", "blacklist", any case) is refused politely with the branch phone, for
// bookings and the waitlist; the per-phone cap of future online bookings (in any phone format,
// freed by cancelling through the manage link); the refusals book nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertStatus } from '../lib/api.mjs';
import { CLIENTS, createClient, createTag } from '../lib/clients.mjs';
import { assertBookingProblem, book, oneItem, at, future, addDays } from '../lib/booking.mjs';
import {
  startOnlineServer,
  setupOnlineSalon,
  setRules,
  postBooking,
  bookingBody,
  bookOnline,
  cancelOnline,
  journalByPhone,
  onlinePhone,
  nationalSpaced,
  bracketed,
  branchPath,
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

/** The national digits "0441234567" of an E.164 Ukrainian number. */
const national = (e164) => '0' + e164.slice(4);

function assertRefused(res, msg) {
  const p = assertBookingProblem(res, 403, 'booking-refused', msg);
  const detail = String(p.detail ?? '');
  const digits = detail.replace(/\D/g, '');
  assert.ok(
    detail.includes(BRANCH_PHONE) || digits.includes(national(BRANCH_PHONE).slice(1)),
    `${msg}: the refusal names the branch phone ${BRANCH_PHONE}: ${JSON.stringify(p)}`,
  );
  assert.ok(!/black|чорн|черн|список/i.test(JSON.stringify(p)), `${msg}: the refusal does not tell the client about the black list: ${JSON.stringify(p)}`);
  return p;
}

test('black list: every spelling of the tag refuses bookings (403 booking-refused with the branch phone)', async () => {
  await setRules(s);
  const d = future(8);
  const names = ['Чорний список', 'черный СПИСОК', 'Black list', 'BLACKLIST'];
  for (const [k, name] of names.entries()) {
    const tag = await createTag(s.c, name, '#000000');
    const phone = onlinePhone();
    await createClient(s.c, { first_name: `Заблокована ${k}`, phones: [phone], tag_ids: [tag.id] });
    for (const typed of [phone, nationalSpaced(phone)]) {
      const res = await postBooking(server, s.slug, bookingBody(s, { staff: s.anna, start: at(d, '10:00'), client: { name: 'Невинна', phone: typed } }));
      assertRefused(res, `tag "${name}", phone "${typed}"`);
      assert.ok(!res.text.includes(`Заблокована`), 'nothing about the client');
    }
    assert.deepEqual(await journalByPhone(s, d, phone), [], `tag "${name}": nothing booked`);
  }
  // The time is still free for others.
  await bookOnline(server, s, bookingBody(s, { staff: s.anna, start: at(d, '10:00') }), 'someone else at 10:00');
});

test('black list: a tag added to an existing client takes effect at once; removing it lets them book', async () => {
  await setRules(s);
  const d = future(9);
  const tag = await createTag(s.c, 'blacklist', '#111111').catch(async () => {
    const list = await s.c.get('/api/v1/client-tags');
    return list.json.items.find((t) => t.name.toLowerCase() === 'blacklist');
  });
  const phone = onlinePhone();
  const client = await createClient(s.c, { first_name: 'Спершу добра', phones: [phone] });
  await bookOnline(server, s, bookingBody(s, { staff: s.anna, start: at(d, '10:00'), client: { phone } }), 'before the tag');
  assertStatus(await s.c.patch(`${CLIENTS}/${client.id}`, { tag_ids: [tag.id] }), 200, 'tag the client');
  assertRefused(await postBooking(server, s.slug, bookingBody(s, { staff: s.anna, start: at(d, '12:00'), client: { phone } })), 'after the tag');
  assertRefused(
    await anon(server).post(`${branchPath(s.slug)}/waitlist`, {
      service_ids: [s.services.cut.id],
      dates: { from: d, to: addDays(d, 2) },
      client: { name: 'Спершу добра', phone: bracketed(phone) },
    }),
    'waitlist after the tag',
  );
  assertStatus(await s.c.patch(`${CLIENTS}/${client.id}`, { tag_ids: [] }), 200, 'untag');
  await bookOnline(server, s, bookingBody(s, { staff: s.anna, start: at(d, '12:00'), client: { phone } }), 'after removing the tag');
  // Another tag is harmless.
  const vipTag = await createTag(s.c, 'Список бажань', '#222222');
  assertStatus(await s.c.patch(`${CLIENTS}/${client.id}`, { tag_ids: [vipTag.id] }), 200);
  await bookOnline(server, s, bookingBody(s, { staff: s.anna, start: at(d, '14:00'), client: { phone } }), 'another tag');
});

test('per-phone cap: max_future_bookings=2, the third is 409 too-many-bookings in any phone format; cancelling frees one', async () => {
  await setRules(s, { max_future_bookings: 2 });
  try {
    const phone = onlinePhone();
    const d = future(11);
    const first = await bookOnline(server, s, bookingBody(s, { staff: s.anna, start: at(d, '10:00'), client: { phone } }), 'first');
    await bookOnline(server, s, bookingBody(s, { staff: s.anna, start: at(addDays(d, 1), '10:00'), client: { phone: nationalSpaced(phone) } }), 'second');
    for (const typed of [phone, nationalSpaced(phone), bracketed(phone)]) {
      const res = await postBooking(server, s.slug, bookingBody(s, { staff: s.anna, start: at(addDays(d, 2), '10:00'), client: { phone: typed } }));
      assertBookingProblem(res, 409, 'too-many-bookings', `third as "${typed}"`);
    }
    assert.deepEqual(await journalByPhone(s, addDays(d, 2), phone), [], 'nothing booked on the third day');
    // Other phones are not affected.
    await bookOnline(server, s, bookingBody(s, { staff: s.bohdana, start: at(addDays(d, 2), '10:00') }), 'another phone');
    // Bookings by the front desk for the same client do not count (only online ones).
    const c = (await journalByPhone(s, d, phone))[0];
    await book(s.c, oneItem(s, { client: { id: c.client_id }, staff: s.bohdana, start: at(addDays(d, 3), '10:00') }), 'front desk visit');
    assertBookingProblem(
      await postBooking(server, s.slug, bookingBody(s, { staff: s.anna, start: at(addDays(d, 2), '12:00'), client: { phone } })),
      409,
      'too-many-bookings',
      'still two online',
    );
    // Cancel one through the manage link: a new one is allowed.
    assertStatus(await cancelOnline(server, first.manage_token, { reason: 'Не встигаю' }), 200, 'cancel');
    await bookOnline(server, s, bookingBody(s, { staff: s.anna, start: at(addDays(d, 2), '10:00'), client: { phone } }), 'after cancelling one');
    assertBookingProblem(
      await postBooking(server, s.slug, bookingBody(s, { staff: s.anna, start: at(addDays(d, 4), '10:00'), client: { phone } })),
      409,
      'too-many-bookings',
      'two again',
    );
  } finally {
    await setRules(s);
  }
});

test('per-phone cap counts only future bookings holding time: a cancelled one by the salon frees a place too', async () => {
  await setRules(s, { max_future_bookings: 1 });
  try {
    const phone = onlinePhone();
    const d = future(20);
    await bookOnline(server, s, bookingBody(s, { staff: s.anna, start: at(d, '15:00'), client: { phone } }), 'the one');
    assertBookingProblem(
      await postBooking(server, s.slug, bookingBody(s, { staff: s.anna, start: at(d, '16:00'), client: { phone } })),
      409,
      'too-many-bookings',
    );
    const [a] = await journalByPhone(s, d, phone);
    assertStatus(await s.c.post(`/api/v1/appointments/${a.id}/status`, { status: 'cancelled', cancelled_by: 'salon' }), 200);
    await bookOnline(server, s, bookingBody(s, { staff: s.anna, start: at(d, '16:00'), client: { phone } }), 'after the salon cancelled');
  } finally {
    await setRules(s);
  }
});
