// The demo salon's catalog and staff: 6 masters (three linked to the demo master accounts,
// one on a 2/2 cycle, one with a 60-minute booking step), 31 services in 5 categories (one a group master class), 2 rooms.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertStatus, listAll } from '../lib/api.mjs';
import {
  CATEGORIES,
  SERVICES,
  ROOMS,
  STAFF,
  items,
  assertCategory,
  assertService,
  assertRoom,
  assertStaff,
  assertSchedule,
  getJson,
  workIntervals,
  civilToday,
  addDays,
  byDay,
} from '../lib/staff.mjs';

const DEMO_PASSWORD = 'kvitka-demo';
const CATEGORY_NAMES = ['Перукарські послуги', 'Манікюр і педикюр', 'Брови та вії', 'Косметологія', 'Масаж'];
const LINKED = {
  'olena@kvitka.demo': 'Олена Бондаренко',
  'iryna@kvitka.demo': 'Ірина Ткаченко',
  'maksym@kvitka.demo': 'Максим Кравченко',
};

let server;
let owner;
before(async () => {
  server = await startServer({ demo: true });
  owner = server.client();
  assertStatus(await owner.login('owner@kvitka.demo', DEMO_PASSWORD), 200, 'demo owner login');
});
after(async () => {
  await server?.stop();
});

test('6 masters; Олена, Ірина and Максим are linked to the demo master accounts', async () => {
  const staff = items(await owner.get(STAFF));
  staff.forEach((m) => assertStaff(m));
  assert.equal(staff.length, 6, `6 masters: ${staff.map((m) => m.name)}`);
  const users = await listAll(owner, '/api/v1/users');
  for (const [email, name] of Object.entries(LINKED)) {
    const user = users.find((u) => u.email === email);
    assert.ok(user, `user ${email}`);
    const m = staff.find((x) => x.name === name);
    assert.ok(m, `master ${name}: ${staff.map((x) => x.name)}`);
    assert.equal(m.user_id, user.id, `${name} is linked to ${email}`);
  }
  assert.ok(staff.some((m) => m.booking_step === 60), `one master books in 60-minute steps: ${staff.map((m) => m.booking_step)}`);
  assert.equal(new Set(staff.map((m) => m.color.toLowerCase())).size, 6, 'each master has an own colour');
});

test('every demo master has a schedule; one works a 2/2 cycle that alternates', async () => {
  const staff = items(await owner.get(STAFF));
  const today = civilToday();
  let cycled = null;
  for (const m of staff) {
    const s = await getJson(owner, `${STAFF}/${m.id}/schedule`);
    assertSchedule(s);
    assert.ok(s.patterns.length > 0, `${m.name} has a work pattern`);
    const w = await workIntervals(owner, m.id, today, addDays(today, 27));
    assert.ok(w.intervals.length > 0, `${m.name} works in the next 4 weeks`);
    const c = s.patterns.find((p) => p.kind === 'cycle');
    if (c) {
      const working = c.cycle.map((d) => d.length > 0);
      if (working.length === 4 && working.filter(Boolean).length === 2) cycled = { m, c, w };
    }
  }
  assert.ok(cycled, 'a master on a 2/2 cycle (4 days: 2 working, 2 off)');
  // The expansion repeats every 4 days.
  const days = new Set(byDay(cycled.w.intervals).keys());
  for (let i = 0; i + 4 < 28; i++) {
    const d = addDays(today, i);
    assert.equal(days.has(d), days.has(addDays(d, 4)), `${cycled.m.name}: ${d} and four days later agree`);
  }
});

test('31 services in the 5 demo categories', async () => {
  const cats = items(await owner.get(CATEGORIES));
  cats.forEach(assertCategory);
  assert.deepEqual([...cats.map((c) => c.name)].sort(), [...CATEGORY_NAMES].sort(), 'the 5 categories');
  const services = items(await owner.get(SERVICES));
  services.forEach(assertService);
  assert.equal(services.length, 31, `31 services: ${services.length}`);
  assert.equal(cats.reduce((n, c) => n + c.services, 0), 31, 'category counts add up to 31');
  const catIds = new Set(cats.map((c) => c.id));
  for (const s of services) {
    assert.ok(catIds.has(s.category_id), `${s.name} is in a demo category`);
    assert.ok(s.price_max === null || s.price_max >= s.price_min, `${s.name} price range`);
    assert.ok(s.duration % 5 === 0 && s.duration >= 5, `${s.name} duration`);
  }
  for (const c of cats) {
    const inCat = items(await owner.get(`${SERVICES}?category_id=${c.id}`));
    assert.equal(inCat.length, c.services, `${c.name}: ?category_id= agrees with the count`);
  }
});

test('2 rooms; a demo master reads the catalog', async () => {
  const rooms = items(await owner.get(ROOMS));
  rooms.forEach(assertRoom);
  assert.equal(rooms.length, 2, `2 rooms: ${rooms.map((r) => r.name)}`);
  const olena = server.client();
  assertStatus(await olena.login('olena@kvitka.demo', DEMO_PASSWORD), 200);
  assert.equal(items(await olena.get(SERVICES)).length, 31);
  assert.equal(items(await olena.get(STAFF)).length, 6);
  assert.equal(items(await olena.get(CATEGORIES)).length, 5);
});
