// Booking online (POST /public/branches/{slug}/bookings): the 201 answer, the appointment in
// the staff journal (source online, status per auto_confirm, the comment as notes), linking an
// existing client by phone in any format without revealing them, a new client otherwise,
// "any master", double taps and Idempotency-Key, slot-taken, the live SSE announcement, and a
// comment with markup stored verbatim.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertStatus } from '../lib/api.mjs';
import { createClient, getClient } from '../lib/clients.mjs';
import { EVENTS, book, oneItem, at, future, kyivWall, sameInstant, assertBookingProblem } from '../lib/booking.mjs';
import {
  startOnlineServer,
  setupOnlineSalon,
  setRules,
  postBooking,
  bookOnline,
  bookFirstSlot,
  bookingBody,
  firstPublicSlot,
  getManage,
  journalByPhone,
  journalDay,
  theAppointment,
  onlinePhone,
  nationalSpaced,
  bracketed,
  assertCreated,
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

test('201: the public booking, a manage token and link; no ids', async () => {
  await setRules(s);
  const d = future(8);
  const r = await bookOnline(
    server,
    s,
    bookingBody(s, { staff: s.bohdana, start: at(d, '11:00'), comment: 'Хочу коротко', client: { name: 'Оксана', email: 'oksana@example.test' } }),
  );
  const b = r.booking;
  assert.equal(b.status, 'confirmed', 'auto_confirm: confirmed');
  sameInstant(b.start, at(d, '11:00'));
  sameInstant(b.end, at(d, '12:00'));
  assert.equal(b.items.length, 1);
  const [i] = b.items;
  assert.equal(i.service_id, s.services.cut.id);
  assert.equal(i.service_name, 'Стрижка');
  assert.equal(i.staff_id, s.bohdana.id);
  assert.equal(i.staff_name, 'Богдана Тест');
  sameInstant(i.start, at(d, '11:00'));
  sameInstant(i.end, at(d, '12:00'));
  assert.equal(i.price, 70000, 'Богдана\'s own price');
  assert.equal(b.total, 70000);
  assert.equal(b.currency, 'UAH');
  const answer = JSON.stringify({ booking: r.booking, manage_token: r.manage_token, manage_url: r.manage_url });
  for (const typed of ['Оксана', 'Хочу коротко', 'oksana@example.test', r.body.client.phone, r.body.client.phone.slice(4)]) {
    assert.ok(!answer.includes(typed), `the answer does not echo "${typed}" (the link holder may not be the client): ${answer.slice(0, 400)}`);
  }
  assert.equal(b.branch.slug, s.slug);
  assert.equal(b.branch.name, s.branch.name);
  assert.equal(b.branch.phone, BRANCH_PHONE);
  assert.equal(b.can_cancel, true);
  assert.equal(b.can_reschedule, true);
  sameInstant(b.deadline, at(d, '08:00'), 'deadline = start - 180 minutes');
  const m = await getManage(server, r.manage_token);
  assertStatus(m, 200);
  assert.deepEqual(m.json.booking, b, 'the manage link shows the same booking');
});

test('in the journal: source online, status per auto_confirm, the comment as notes, the client created', async () => {
  for (const auto of [true, false]) {
    await setRules(s, { auto_confirm: auto });
    const d = future(9);
    const phone = onlinePhone();
    const r = await bookFirstSlot(server, s, { date: d, staff: s.anna, client: { name: `Нова ${auto}`, phone, email: `new-${auto}@example.test` }, comment: `Коментар ${auto}` });
    assert.equal(r.booking.status, auto ? 'confirmed' : 'booked');
    const a = await theAppointment(s, r.booking.start, phone);
    assert.equal(a.source, 'online');
    assert.equal(a.status, auto ? 'confirmed' : 'booked');
    assert.equal(a.notes, `Коментар ${auto}`);
    sameInstant(a.start, r.booking.start);
    assert.equal(a.items[0].staff_id, s.anna.id);
    assert.equal(a.items[0].service_id, s.services.cut.id);
    const c = await getClient(s.c, a.client_id);
    assert.equal(c.first_name, `Нова ${auto}`);
    assert.deepEqual(c.phones, [phone]);
    assert.equal(c.email, `new-${auto}@example.test`);
    assert.equal(c.source, 'online_booking');
  }
  await setRules(s);
});

test('an existing client\'s phone in another format links to them and reveals nothing about them', async () => {
  await setRules(s);
  const phone = onlinePhone();
  const existing = await createClient(s.c, {
    first_name: 'Зоряна',
    last_name: 'Таємна',
    phones: [phone],
    email: 'zoryana-private@example.test',
    notes: 'алергія на аміак',
  });
  const formats = [nationalSpaced(phone), bracketed(phone), phone.slice(1)];
  for (const [k, typed] of formats.entries()) {
    const d = future(10 + k);
    const res = await postBooking(server, s.slug, bookingBody(s, { staff: s.anna, start: at(d, '12:00'), client: { name: 'Хтось', phone: typed } }));
    assertStatus(res, 201, `phone typed as "${typed}"`);
    assertCreated(res.json, s.slug);
    for (const n of ['Зоряна', 'Таємна', 'zoryana-private', 'алергія']) {
      assert.ok(!res.text.includes(n), `the answer reveals "${n}": ${res.text.slice(0, 600)}`);
    }
    const a = await theAppointment(s, at(d, '12:00'), phone, `booking with "${typed}"`);
    assert.equal(a.client_id, existing.id, `"${typed}" is linked to the existing client`);
    assert.equal(a.source, 'online');
  }
  const list = await s.c.get(`/api/v1/clients/${existing.id}/appointments`);
  assertStatus(list, 200);
  assert.equal(list.json.items.filter((x) => x.source === 'online').length, formats.length, 'the client card lists the online visits');
  const after = await getClient(s.c, existing.id);
  assert.deepEqual(after.phones, [phone], 'no second copy of the phone');
});

test('a client with a personal discount: the public answer shows list prices, the journal the discount', async () => {
  await setRules(s);
  const d = future(22);
  const res = await postBooking(server, s.slug, bookingBody(s, { staff: s.anna, start: at(d, '10:00'), client: { name: 'Віра', phone: nationalSpaced(s.vip.phones[0]) } }));
  assertStatus(res, 201);
  const b = res.json.booking;
  assert.equal(b.items[0].price, 50000, 'the list price');
  assert.equal(b.total, 50000, 'the total of list prices');
  assert.ok(!/45000|discount/.test(res.text), `no discount is revealed: ${res.text.slice(0, 400)}`);
  const a = await theAppointment(s, at(d, '10:00'), s.vip.phones[0]);
  assert.equal(a.client_id, s.vip.id);
  assert.equal(a.items[0].discount_percent, 10, 'the discount applies in the salon');
  assert.equal(a.total, 45000);
});

test('"any master": the master who is free at that time, never the offline one', async () => {
  await setRules(s);
  const d = future(12);
  await book(s.c, oneItem(s, { staff: s.anna, start: at(d, '10:00') }), 'Анна busy at 10:00');
  const phone = onlinePhone();
  const r = await bookOnline(server, s, bookingBody(s, { start: at(d, '10:00'), client: { phone } }), 'any master at 10:00');
  assert.equal(r.booking.items[0].staff_id, s.bohdana.id, 'Богдана is the free one');
  assert.equal(r.booking.items[0].staff_name, 'Богдана Тест');
  assert.equal(r.booking.items[0].price, 70000);
  const a = await theAppointment(s, at(d, '10:00'), phone);
  assert.equal(a.items[0].staff_id, s.bohdana.id);
  // Now both online masters are busy at 10:00 (the offline one is free but not bookable online).
  const again = await postBooking(server, s.slug, bookingBody(s, { start: at(d, '10:00') }));
  assert.ok(again.status === 409 || again.status === 422, `no online master is free at 10:00: ${again.status} ${again.text.slice(0, 300)}`);
  assert.ok(!(await journalDay(s, d)).some((x) => x.items.some((i) => i.staff_id === s.offline.id)), 'nothing was given to the offline master');
  // staff_id: null means "any" too.
  const nul = await bookOnline(server, s, { ...bookingBody(s, { start: at(d, '11:00') }), staff_id: null }, 'staff_id null');
  assert.ok([s.anna.id, s.bohdana.id].includes(nul.booking.items[0].staff_id));
});

test('several services in one booking: one after another, the total is the sum', async () => {
  await setRules(s);
  const d = future(13);
  const slot = await firstPublicSlot(server, s, { date: d, services: [s.services.cut, s.services.quick], staff: s.anna });
  const r = await bookOnline(server, s, bookingBody(s, { services: [s.services.cut, s.services.quick], staff: s.anna, start: slot.start }));
  const b = r.booking;
  assert.deepEqual(b.items.map((i) => i.service_id), [s.services.cut.id, s.services.quick.id]);
  sameInstant(b.items[1].start, b.items[0].end, 'the second service follows the first');
  sameInstant(b.end, b.items[1].end);
  assert.equal(Date.parse(b.end) - Date.parse(b.start), 90 * 60_000);
  assert.equal(b.total, 50000 + 20000);
});

test('double tap: the same body twice without a key books once, with the same token', async () => {
  await setRules(s);
  const d = future(14);
  const body = bookingBody(s, { staff: s.anna, start: at(d, '14:00') });
  const [r1, r2] = [await postBooking(server, s.slug, body), await postBooking(server, s.slug, body)];
  assertStatus(r1, 201, 'first tap');
  assertStatus(r2, 201, 'second tap');
  assert.equal(r2.json.manage_token, r1.json.manage_token, 'the same manage token');
  assert.deepEqual(r2.json.booking, r1.json.booking, 'the same booking');
  assert.equal((await journalByPhone(s, d, body.client.phone)).length, 1, 'one appointment in the journal');
});

test('double tap at the same moment (two requests in flight): both 201 with one token, one appointment', async () => {
  await setRules(s);
  const d = future(21);
  const failures = [];
  for (const time of ['09:00', '10:00', '11:00', '12:00', '13:00', '14:00']) {
    const body = bookingBody(s, { staff: s.anna, start: at(d, time) });
    const both = await Promise.all([postBooking(server, s.slug, body), postBooking(server, s.slug, body)]);
    const statuses = both.map((r) => `${r.status}${r.status === 201 ? '' : ' ' + r.text.slice(0, 120)}`);
    if (both.some((r) => r.status !== 201)) failures.push(`${time}: ${statuses.join(' | ')}`);
    else if (both[0].json.manage_token !== both[1].json.manage_token) failures.push(`${time}: two tokens`);
    const n = (await journalByPhone(s, d, body.client.phone)).length;
    if (n !== 1) failures.push(`${time}: ${n} appointments`);
  }
  assert.deepEqual(failures, [], `concurrent double taps:\n${failures.join('\n')}`);
});

test('Idempotency-Key: the same key twice answers the same booking', async () => {
  await setRules(s);
  const d = future(15);
  const key = `online-${Date.now()}-${Math.random()}`;
  const body = bookingBody(s, { staff: s.bohdana, start: at(d, '09:00') });
  const r1 = await postBooking(server, s.slug, body, { 'Idempotency-Key': key });
  assertStatus(r1, 201);
  const r2 = await postBooking(server, s.slug, body, { 'Idempotency-Key': key });
  assertStatus(r2, 201, 'replay');
  assert.equal(r2.json.manage_token, r1.json.manage_token);
  assert.equal((await journalByPhone(s, d, body.client.phone)).length, 1);
  // The same key in two requests in flight at once.
  for (const time of ['10:00', '11:00', '12:00']) {
    const k = `${key}-${time}`;
    const b = bookingBody(s, { staff: s.anna, start: at(d, time) });
    const both = await Promise.all([postBooking(server, s.slug, b, { 'Idempotency-Key': k }), postBooking(server, s.slug, b, { 'Idempotency-Key': k })]);
    for (const r of both) assertStatus(r, 201, `same key in flight at ${time}`);
    assert.equal(both[0].json.manage_token, both[1].json.manage_token, `same key in flight at ${time}: one token`);
    assert.equal((await journalByPhone(s, d, b.client.phone)).length, 1, `same key in flight at ${time}: one appointment`);
  }
  // Another key and another time: another booking.
  const r3 = await postBooking(server, s.slug, { ...body, start: at(d, '13:00') }, { 'Idempotency-Key': `${key}-2` });
  assertStatus(r3, 201);
  assert.notEqual(r3.json.manage_token, r1.json.manage_token);
  // A key longer than 100 characters is refused (4xx, not a 5xx) and books nothing.
  const long = await postBooking(server, s.slug, { ...body, start: at(d, '15:00') }, { 'Idempotency-Key': 'x'.repeat(101) });
  assert.ok(long.status === 422 || long.status === 400, `a 101-character key: ${long.status} ${long.text.slice(0, 200)}`);
  assert.equal((await journalByPhone(s, d, body.client.phone)).length, 2, 'the refused request booked nothing');
});

test('slot-taken: the time was a public slot, then the front desk took it', async () => {
  await setRules(s);
  const d = future(16);
  const slot = await firstPublicSlot(server, s, { date: d, staff: s.anna });
  await book(s.c, oneItem(s, { staff: s.anna, start: slot.start }), 'the front desk takes it');
  const phone = onlinePhone();
  const res = await postBooking(server, s.slug, bookingBody(s, { staff: s.anna, start: slot.start, client: { phone } }));
  assertBookingProblem(res, 409, 'slot-taken', 'online booking of a taken time');
  for (const n of [s.client.first_name, s.client.last_name, s.client.phones[0], s.client.phones[0].slice(4)]) {
    assert.ok(!res.text.includes(n), `the refusal reveals who has the time ("${n}"): ${res.text.slice(0, 500)}`);
  }
  assert.equal((await journalByPhone(s, d, phone)).length, 0, 'nothing booked');
});

test('two people racing for the same master and time: one 201, the other 409 slot-taken', async () => {
  await setRules(s);
  const d = future(17);
  const start = at(d, '15:00');
  const res = await Promise.all([1, 2, 3].map(() => postBooking(server, s.slug, bookingBody(s, { staff: s.bohdana, start }))));
  const ok = res.filter((r) => r.status === 201);
  assert.equal(ok.length, 1, `exactly one wins: ${res.map((r) => r.status)}`);
  for (const r of res.filter((x) => x.status !== 201)) assertBookingProblem(r, 409, 'slot-taken', 'the loser');
  const day = (await journalDay(s, d)).filter((a) => a.items.some((i) => i.staff_id === s.bohdana.id) && Date.parse(a.start) === Date.parse(start));
  assert.equal(day.length, 1, 'one appointment at 15:00');
});

test('a new online booking is announced on the staff event stream with source online', async () => {
  await setRules(s);
  const ac = new AbortController();
  const res = await fetch(`${s.c.baseUrl}${EVENTS}?branch_id=${s.branch.id}`, {
    headers: { Cookie: s.c.cookieHeader(), Accept: 'text/event-stream' },
    signal: ac.signal,
  });
  assert.equal(res.status, 200);
  let raw = '';
  const reading = (async () => {
    const reader = res.body.getReader();
    const dec = new TextDecoder();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        raw += dec.decode(value, { stream: true });
      }
    } catch {
      // aborted
    }
  })();
  try {
    const d = future(18);
    const phone = onlinePhone();
    await bookOnline(server, s, bookingBody(s, { staff: s.anna, start: at(d, '10:00'), client: { phone } }));
    const a = await theAppointment(s, at(d, '10:00'), phone);
    const deadline = Date.now() + 2000;
    let frame;
    while (Date.now() < deadline && !frame) {
      frame = raw
        .replace(/\r\n?/g, '\n')
        .split('\n\n')
        .map((block) => {
          const ev = /^event:\s*(.*)$/m.exec(block)?.[1]?.trim();
          const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
          try {
            return { ev, json: JSON.parse(data) };
          } catch {
            return null;
          }
        })
        .find((f) => f && f.ev === 'appointment' && f.json?.appointment_id === a.id);
      if (!frame) await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(frame, `an appointment frame for ${a.id} within 2 s: ${raw.slice(-800)}`);
    assert.equal(frame.json.kind, 'created');
    assert.equal(frame.json.source, 'online');
    assert.equal(frame.json.branch_id, s.branch.id);
    assert.equal(frame.json.status, 'confirmed');
  } finally {
    ac.abort();
    await reading;
  }
});

test('a comment and a name with markup are stored verbatim (the public answers never echo them)', async () => {
  await setRules(s);
  const d = future(19);
  const comment = '<script>alert(1)</script> & <img src=x onerror=alert(2)> "лапки" \'апостроф\'';
  const phone = onlinePhone();
  const r = await bookOnline(server, s, bookingBody(s, { staff: s.bohdana, start: at(d, '12:00'), comment, client: { phone, name: '<b>Жирна</b>' } }));
  const m = await getManage(server, r.manage_token);
  assert.match(m.headers.get('content-type') ?? '', /^application\/json/);
  assert.ok(!m.text.includes('<script>') && !m.text.includes('Жирна'), `the manage link shows neither the comment nor the name: ${m.text.slice(0, 300)}`);
  const a = await theAppointment(s, at(d, '12:00'), phone);
  assert.equal(a.notes, comment, 'the journal has the comment as it was typed');
  assert.equal(a.client.name.includes('<b>Жирна</b>'), true, `the client name as typed: ${a.client.name}`);
});

test('the booked time is gone from the public availability', async () => {
  await setRules(s);
  const d = future(20);
  const r = await bookFirstSlot(server, s, { date: d, staff: s.anna });
  const next = await firstPublicSlot(server, s, { date: d, staff: s.anna });
  assert.notEqual(Date.parse(next.start), Date.parse(r.booking.start), 'the first slot is no longer offered');
  assert.ok(Date.parse(next.start) >= Date.parse(r.booking.end), `the next slot ${kyivWall(next.start).time} is after the booking`);
});
