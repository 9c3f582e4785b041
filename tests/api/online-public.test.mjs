// The public branch page data (GET /public/branches/{slug}): only online, non-archived,
// non-group services with an online master; only online masters; categories that have a
// public service in position order; price ranges over the online masters' own prices; no
// client (or staff contact) data anywhere; unknown slug 404; a disabled branch lists nothing
// and refuses availability and bookings. Also the printable QR code of the booking link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertStatus } from '../lib/api.mjs';
import { STAFF, createStaff } from '../lib/staff.mjs';
import { createClient } from '../lib/clients.mjs';
import { assertBookingProblem, book, oneItem, at, future } from '../lib/booking.mjs';
import {
  startOnlineServer,
  setupOnlineSalon,
  setRules,
  getPublicBranch,
  publicAvailabilityRaw,
  postBooking,
  bookingBody,
  publicServiceIds,
  branchPath,
  onlinePhone,
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

async function page(msg = 'public branch') {
  const res = await getPublicBranch(server, s.slug);
  assertStatus(res, 200, msg);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  return res.json;
}

const ids = (list) => list.map((x) => x.id).sort((a, b) => a - b);

test('shape: branch, rules, categories, services, masters', async () => {
  await setRules(s, { message: 'Вхід з двору', lead_minutes: 90, step_minutes: 30 });
  const p = await page();
  const t = JSON.stringify(p).slice(0, 1500);
  for (const k of ['slug', 'name', 'address', 'timezone', 'currency', 'phone', 'message']) assert.ok(k in p.branch, `branch.${k}: ${t}`);
  assert.equal(p.branch.slug, s.slug);
  assert.equal(p.branch.name, s.branch.name);
  assert.equal(p.branch.timezone, 'Europe/Kyiv');
  assert.equal(p.branch.currency, 'UAH');
  assert.equal(p.branch.phone, BRANCH_PHONE, 'branch.phone is the rules phone');
  assert.equal(p.branch.message, 'Вхід з двору');
  assert.deepEqual(
    p.rules,
    { enabled: true, lead_minutes: 90, horizon_days: 60, step_minutes: 30, master_required: false, cancel_deadline_minutes: 180, auto_confirm: true },
    `rules: ${t}`,
  );
  assert.ok(!('max_future_bookings' in p.rules), 'the per-phone cap is not published');
  for (const c of p.categories) {
    assert.ok(Number.isInteger(c.id) && typeof c.name === 'string', `category: ${JSON.stringify(c)}`);
  }
  for (const sv of p.services) {
    const st = JSON.stringify(sv);
    assert.ok(Number.isInteger(sv.id), `service.id: ${st}`);
    assert.ok(sv.category_id === null || Number.isInteger(sv.category_id), `service.category_id: ${st}`);
    assert.equal(typeof sv.name, 'string', st);
    assert.equal(typeof sv.description, 'string', st);
    assert.ok(Number.isInteger(sv.duration) && sv.duration > 0, `service.duration: ${st}`);
    assert.ok(Number.isInteger(sv.price_min), `service.price_min: ${st}`);
    assert.ok(sv.price_max === null || Number.isInteger(sv.price_max), `service.price_max: ${st}`);
    assert.ok(Array.isArray(sv.staff_ids) && sv.staff_ids.length > 0 && sv.staff_ids.every(Number.isInteger), `service.staff_ids: ${st}`);
  }
  for (const m of p.masters) {
    const st = JSON.stringify(m);
    assert.ok(Number.isInteger(m.id), st);
    assert.equal(typeof m.name, 'string', st);
    for (const k of ['position', 'bio']) assert.ok(k in m && (m[k] === null || typeof m[k] === 'string'), `master.${k}: ${st}`);
    assert.match(m.color, /^#[0-9a-fA-F]{6}$/, st);
    assert.ok('photo_url' in m && (m.photo_url === null || typeof m.photo_url === 'string'), `master.photo_url: ${st}`);
    assert.ok(Array.isArray(m.service_ids) && m.service_ids.every(Number.isInteger), `master.service_ids: ${st}`);
    for (const k of ['phone', 'email', 'user_id', 'hire_date', 'work_permit_expires', 'archived']) {
      assert.ok(!(k in m), `a public master has no ${k}: ${st}`);
    }
  }
  await setRules(s);
});

test('services: only online, not archived, not group, with an online master; masters: only online ones', async () => {
  const p = await page();
  assert.deepEqual(ids(p.services), publicServiceIds(s), `public services: ${p.services.map((x) => x.name)}`);
  const hiddenIds = [s.hidden, s.offlineOnly, s.archived, s.services.group].map((x) => x.id);
  assert.ok(!p.services.some((x) => hiddenIds.includes(x.id)));
  assert.deepEqual(ids(p.masters), ids([s.anna, s.bohdana]), `public masters: ${p.masters.map((m) => m.name)}`);
  const publicIds = new Set(publicServiceIds(s));
  for (const sv of p.services) {
    assert.ok(sv.staff_ids.every((id) => [s.anna.id, s.bohdana.id].includes(id)), `only online masters in ${sv.name}: ${sv.staff_ids}`);
  }
  const cut = p.services.find((x) => x.id === s.services.cut.id);
  assert.deepEqual([...cut.staff_ids].sort((a, b) => a - b), ids([s.anna, s.bohdana]), 'the offline master is left out of cut');
  for (const m of p.masters) {
    assert.ok(m.service_ids.every((id) => publicIds.has(id)), `${m.name} lists only public services: ${m.service_ids}`);
    assert.deepEqual([...m.service_ids].sort((a, b) => a - b), [...publicIds], `${m.name} does every public service`);
  }
  const anna = p.masters.find((m) => m.id === s.anna.id);
  assert.equal(anna.name, 'Анна Тест');
  assert.equal(anna.color.toLowerCase(), '#7950f2');

  // An archived online master and a master of another branch are not listed.
  const gone = await createStaff(s.c, s.branch.id, { name: 'Звільнена', service_ids: [s.services.cut.id] });
  const del = await s.c.delete(`${STAFF}/${gone.id}`);
  assert.ok(del.status === 200 || del.status === 204, `archive staff: ${del.status}`);
  const br2 = await s.c.post('/api/v1/branches', { name: 'Інша філія', timezone: 'Europe/Kyiv' });
  assertStatus(br2, 201);
  const elsewhere = await createStaff(s.c, br2.json.id, { name: 'З іншої філії', service_ids: [s.services.cut.id] });
  const after = await page();
  assert.ok(!after.masters.some((m) => m.id === gone.id || m.id === elsewhere.id), `masters: ${after.masters.map((m) => m.name)}`);

  // A service becomes public when an online master takes it; a master becomes private with online_booking=false.
  assertStatus(await s.c.patch(`${STAFF}/${s.bohdana.id}`, { online_booking: false }), 200);
  const noB = await page();
  assert.deepEqual(ids(noB.masters), [s.anna.id]);
  assert.ok(noB.services.every((x) => !x.staff_ids.includes(s.bohdana.id)));
  assertStatus(await s.c.patch(`${STAFF}/${s.bohdana.id}`, { online_booking: true }), 200);
});

test('categories: only those with a public service, in position order', async () => {
  const p = await page();
  assert.deepEqual(p.categories.map((c) => c.id), [s.cats.hair.id, s.cats.nails.id], `categories: ${JSON.stringify(p.categories)}`);
  assert.deepEqual(p.categories.map((c) => c.name), ['Волосся', 'Нігті']);
  const byId = Object.fromEntries(p.services.map((x) => [x.id, x]));
  assert.equal(byId[s.services.cut.id].category_id, s.cats.hair.id);
  assert.equal(byId[s.services.buffered.id].category_id, s.cats.nails.id);
  assert.equal(byId[s.services.quick.id].category_id, null);
  // Reordering the categories reorders the page.
  const res = await s.c.put('/api/v1/service-categories/order', { ids: [s.cats.nails.id, s.cats.hiddenCat.id, s.cats.hair.id] });
  assertStatus(res, 200, 'reorder categories');
  assert.deepEqual((await page()).categories.map((c) => c.id), [s.cats.nails.id, s.cats.hair.id]);
});

test('prices: a range over the online masters\' own prices', async () => {
  const p = await page();
  const byId = Object.fromEntries(p.services.map((x) => [x.id, x]));
  const cut = byId[s.services.cut.id];
  assert.equal(cut.price_min, 50000, 'cut from 500.00 (Анна, the service price)');
  assert.equal(cut.price_max, 70000, 'cut up to 700.00 (Богдана\'s own price), not the offline master\'s 9999.00');
  const quick = byId[s.services.quick.id];
  assert.equal(quick.price_min, 20000);
  assert.ok(quick.price_max === null || quick.price_max === 20000, `no range for quick: ${JSON.stringify(quick)}`);
  assert.equal(quick.duration, 30);
  assert.equal(byId[s.services.color.id].duration, 120);
});

test('no client data and no staff contacts anywhere in the public page', async () => {
  const secret = await createClient(s.c, {
    first_name: 'Секретна',
    last_name: 'Клієнтка',
    phones: [onlinePhone()],
    email: 'secret-client@example.test',
    notes: 'приватна нотатка',
  });
  await book(s.c, oneItem(s, { client: secret, start: at(future(9), '10:00') }));
  assertStatus(await s.c.patch(`${STAFF}/${s.anna.id}`, { phone: '+380501112233', email: 'anna-private@example.test' }), 200);
  const res = await getPublicBranch(server, s.slug);
  assertStatus(res, 200);
  const text = res.text;
  const needles = [
    ...secret.phones, secret.phones[0].slice(4), 'secret-client@example.test', 'Секретна', 'Клієнтка', 'приватна нотатка',
    ...s.client.phones, s.client.first_name, s.client.last_name, ...s.vip.phones, s.vip.last_name,
    '+380501112233', '0501112233', 'anna-private@example.test',
  ];
  for (const n of needles) assert.ok(!text.includes(n), `the public page leaks "${n}": ${text.slice(0, 600)}`);
  assert.ok(!/"client/i.test(text), `no client keys: ${text.slice(0, 600)}`);
  assertStatus(await s.c.patch(`${STAFF}/${s.anna.id}`, { phone: null, email: null }), 200);
});

test('unknown slug: 404 branch-not-found, for the page, availability and bookings', async () => {
  for (const slug of ['no-such-salon', 'x', s.slug + '-nope']) {
    assertBookingProblem(await getPublicBranch(server, slug), 404, 'branch-not-found', slug);
    const d = future(8);
    assertBookingProblem(
      await publicAvailabilityRaw(server, slug, { service_ids: [s.services.cut.id], from: d, to: d }),
      404,
      'branch-not-found',
      `availability of ${slug}`,
    );
    assertBookingProblem(
      await postBooking(server, slug, bookingBody(s, { start: at(d, '10:00') })),
      404,
      'branch-not-found',
      `booking at ${slug}`,
    );
  }
});

test('disabled: empty lists, availability and bookings 403 online-booking-closed; re-enabled works again', async () => {
  await setRules(s, { enabled: false });
  try {
    const p = await page('disabled');
    assert.equal(p.rules.enabled, false);
    assert.deepEqual(p.categories, []);
    assert.deepEqual(p.services, []);
    assert.deepEqual(p.masters, []);
    assert.equal(p.branch.slug, s.slug, 'the branch itself is still shown');
    assert.equal(p.branch.phone, BRANCH_PHONE, 'with the phone to call');
    const d = future(8);
    assertBookingProblem(
      await publicAvailabilityRaw(server, s.slug, { service_ids: [s.services.cut.id], from: d, to: d }),
      403,
      'online-booking-closed',
    );
    assertBookingProblem(await postBooking(server, s.slug, bookingBody(s, { start: at(d, '10:00') })), 403, 'online-booking-closed');
    assertBookingProblem(
      await anon(server).post(`${branchPath(s.slug)}/waitlist`, {
        service_ids: [s.services.cut.id],
        dates: { from: d, to: d },
        client: { name: 'Ніна', phone: onlinePhone() },
      }),
      403,
      'online-booking-closed',
      'waitlist',
    );
  } finally {
    await setRules(s);
  }
  const p = await page('re-enabled');
  assert.ok(p.services.length > 0);
});

test('QR code of the booking link: image/svg+xml; unknown slug 404', async () => {
  const res = await anon(server).get(`${branchPath(s.slug)}/qr.svg`);
  assertStatus(res, 200, 'qr.svg');
  assert.match(res.headers.get('content-type') ?? '', /^image\/svg\+xml/);
  const text = res.text.trimStart();
  assert.ok(text.startsWith('<svg') || text.startsWith('<?xml'), `an SVG document: ${text.slice(0, 100)}`);
  assert.ok(text.includes('</svg>'), 'a complete SVG');
  assert.ok(!/<script/i.test(text), 'no script in the SVG');
  assert.ok(text.length > 500, `a real code, not an empty picture (${text.length} chars)`);
  const again = await anon(server).get(`${branchPath(s.slug)}/qr.svg`);
  assert.equal(again.text, res.text, 'the same code every time');
  const other = await anon(server).get(`${branchPath('no-such-salon')}/qr.svg`);
  assert.equal(other.status, 404, `unknown slug: ${other.status} ${other.text.slice(0, 200)}`);
});
