// Services: defaults, every field round-tripped, price ranges, per-master price/duration,
// rooms, processing gap, buffers, group capacity, online flag, filters, ordering inside a
// category, archiving (hidden from lists, still readable by id), validation, roles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertStatus, assertProblem, signup, addUser } from '../lib/api.mjs';
import {
  SERVICES,
  STAFF,
  ROOMS,
  items,
  branchOf,
  assertService,
  assertDeleted,
  assertFieldError,
  each,
  createCategory,
  createService,
  createRoom,
  createStaff,
  getJson,
} from '../lib/staff.mjs';

let server;
let owner;
let master;
let manager;
let branch;
let cat;
let room;
let olena;
let iryna;

before(async () => {
  server = await startServer();
  owner = await signup(server);
  master = await addUser(server, owner.client, 'master');
  manager = await addUser(server, owner.client, 'manager');
  branch = branchOf(owner);
  cat = await createCategory(owner.client, { name: 'Манікюр і педикюр' });
  room = await createRoom(owner.client, branch.id, { name: 'Кабінет педикюру' });
  olena = await createStaff(owner.client, branch.id, { name: 'Олена' });
  iryna = await createStaff(owner.client, branch.id, { name: 'Ірина' });
});
after(async () => {
  await server?.stop();
});

const ids = (list) => list.map((x) => x.id);
const norm = (staff) =>
  staff
    .map((m) => ({ staff_id: m.staff_id, price_min: m.price_min ?? null, price_max: m.price_max ?? null, duration: m.duration ?? null }))
    .sort((a, b) => a.staff_id - b.staff_id);

test('a service with only name, duration and price gets the documented defaults', async () => {
  const s = await createService(owner.client, { name: 'Стрижка', duration: 45, price_min: 45000 });
  assert.equal(s.name, 'Стрижка');
  assert.equal(s.duration, 45);
  assert.equal(s.price_min, 45000);
  assert.equal(s.price_max, null, 'fixed price');
  assert.equal(s.category_id, null);
  assert.equal(s.description, '');
  assert.equal(s.buffer_after, 0);
  assert.equal(s.processing, null);
  assert.equal(s.online_booking, true);
  assert.equal(s.group, false);
  assert.equal(s.capacity, 1);
  assert.deepEqual(s.room_ids, []);
  assert.equal(s.repeat_after_days, null);
  assert.deepEqual(s.staff, []);
  assert.equal(s.archived, false);
  const got = await getJson(owner.client, `${SERVICES}/${s.id}`);
  assertService(got);
  assert.deepEqual(got, s, 'GET by id answers what POST did');
});

test('every field round-trips: price range, masters with own price/duration, room, processing, buffer, repeat', async () => {
  const body = {
    category_id: cat.id,
    name: 'Педикюр з покриттям',
    description: 'Апаратний педикюр, покриття гель-лаком',
    duration: 90,
    price_min: 80000,
    price_max: 120000,
    buffer_after: 10,
    processing: { start: 30, duration: 20 },
    online_booking: false,
    group: false,
    capacity: 1,
    room_ids: [room.id],
    repeat_after_days: 21,
    staff: [
      { staff_id: olena.id, price_min: 90000, price_max: 130000, duration: 105 },
      { staff_id: iryna.id, price_min: null, price_max: null, duration: null },
    ],
  };
  const s = await createService(owner.client, body);
  for (const k of ['category_id', 'name', 'description', 'duration', 'price_min', 'price_max', 'buffer_after', 'processing',
    'online_booking', 'group', 'capacity', 'room_ids', 'repeat_after_days']) {
    assert.deepEqual(s[k], body[k], `${k} round-trips: ${JSON.stringify(s)}`);
  }
  assert.deepEqual(norm(s.staff), norm(body.staff), 'per-master overrides round-trip');
  const got = await getJson(owner.client, `${SERVICES}/${s.id}`);
  assert.deepEqual(norm(got.staff), norm(body.staff));
  assert.deepEqual(got.processing, body.processing);

  // The relation is visible from the other sides too.
  const o = await getJson(owner.client, `${STAFF}/${olena.id}`);
  assert.ok(o.service_ids.includes(s.id), `staff.service_ids lists the service: ${JSON.stringify(o)}`);
  const r = await getJson(owner.client, `${ROOMS}/${room.id}`);
  assert.ok(r.service_ids.includes(s.id), `room.service_ids lists the service: ${JSON.stringify(r)}`);
  assert.ok(ids(items(await owner.client.get(`${SERVICES}?staff_id=${olena.id}`))).includes(s.id), '?staff_id= finds it');
  assert.ok(ids(items(await owner.client.get(`${SERVICES}?category_id=${cat.id}`))).includes(s.id), '?category_id= finds it');

  // PATCH: change some, clear some.
  const p = await owner.client.patch(`${SERVICES}/${s.id}`, {
    price_max: null,
    processing: null,
    room_ids: [],
    staff: [{ staff_id: iryna.id, price_min: 70000, price_max: null, duration: 80 }],
  });
  assertStatus(p, 200, 'PATCH service');
  assertService(p.json);
  assert.equal(p.json.price_max, null, 'now a fixed price');
  assert.equal(p.json.processing, null);
  assert.deepEqual(p.json.room_ids, []);
  assert.deepEqual(norm(p.json.staff), [{ staff_id: iryna.id, price_min: 70000, price_max: null, duration: 80 }]);
  assert.equal(p.json.name, body.name, 'untouched fields stay');
  assert.equal(p.json.duration, 90);
  assert.equal(p.json.repeat_after_days, 21);
  const o2 = await getJson(owner.client, `${STAFF}/${olena.id}`);
  assert.ok(!o2.service_ids.includes(s.id), 'Olena no longer performs it');
  assert.ok(!ids(items(await owner.client.get(`${SERVICES}?staff_id=${olena.id}`))).includes(s.id));
  const r2 = await getJson(owner.client, `${ROOMS}/${room.id}`);
  assert.ok(!r2.service_ids.includes(s.id), 'the room no longer lists it');
});

test('price range: price_max equal to price_min is fine; fixed price is null', async () => {
  const same = await createService(owner.client, { price_min: 50000, price_max: 50000 });
  assert.equal(same.price_max, 50000);
  const free = await createService(owner.client, { price_min: 0 });
  assert.equal(free.price_min, 0, 'a free service');
  const range = await createService(owner.client, { price_min: 80000, price_max: 120000 });
  assert.equal(range.price_max, 120000);
});

test('group services hold several seats', async () => {
  const yoga = await createService(owner.client, { name: 'Йога група', group: true, capacity: 12, duration: 60 });
  assert.equal(yoga.group, true);
  assert.equal(yoga.capacity, 12);
  assertFieldError(await owner.client.patch(`${SERVICES}/${yoga.id}`, { capacity: 1 }), 'capacity');
  const p = await owner.client.patch(`${SERVICES}/${yoga.id}`, { capacity: 8 });
  assertStatus(p, 200);
  assert.equal(p.json.capacity, 8);
});

test('?online=true lists only services bookable online', async () => {
  const on = await createService(owner.client, { online_booking: true });
  const off = await createService(owner.client, { online_booking: false });
  const list = ids(items(await owner.client.get(`${SERVICES}?online=true`)));
  assert.ok(list.includes(on.id), 'online one listed');
  assert.ok(!list.includes(off.id), 'offline one not listed');
  const all = ids(items(await owner.client.get(SERVICES)));
  assert.ok(all.includes(on.id) && all.includes(off.id), 'both in the plain list');
  const p = await owner.client.patch(`${SERVICES}/${off.id}`, { online_booking: true });
  assertStatus(p, 200);
  assert.ok(ids(items(await owner.client.get(`${SERVICES}?online=true`))).includes(off.id), 'listed once switched on');
});

test('DELETE archives: hidden from lists, still readable by id, listed with ?archived=true', async () => {
  const s = await createService(owner.client, { name: 'Архівна', category_id: cat.id, staff: [{ staff_id: olena.id }] });
  assertDeleted(await owner.client.delete(`${SERVICES}/${s.id}`));
  const got = await getJson(owner.client, `${SERVICES}/${s.id}`);
  assertService(got);
  assert.equal(got.archived, true);
  assert.equal(got.name, 'Архівна', 'kept for history');
  assert.ok(!ids(items(await owner.client.get(SERVICES))).includes(s.id), 'not in the default list');
  assert.ok(!ids(items(await owner.client.get(`${SERVICES}?archived=false`))).includes(s.id), 'not with archived=false');
  assert.ok(!ids(items(await owner.client.get(`${SERVICES}?category_id=${cat.id}`))).includes(s.id), 'not in its category list');
  assert.ok(!ids(items(await owner.client.get(`${SERVICES}?staff_id=${olena.id}`))).includes(s.id), 'not in the master list');
  const archived = items(await owner.client.get(`${SERVICES}?archived=true`));
  assert.ok(ids(archived).includes(s.id), 'listed with archived=true');
  assert.ok(archived.find((x) => x.id === s.id).archived, 'marked archived there');
});

test('PUT /services/order reorders services inside a category', async () => {
  const c = await createCategory(owner.client, { name: 'Брови та вії' });
  const a = await createService(owner.client, { name: 'A', category_id: c.id });
  const b = await createService(owner.client, { name: 'B', category_id: c.id });
  const d = await createService(owner.client, { name: 'C', category_id: c.id });
  assert.deepEqual(ids(items(await owner.client.get(`${SERVICES}?category_id=${c.id}`))), [a.id, b.id, d.id], 'creation order');
  const res = await owner.client.put(`${SERVICES}/order`, { ids: [d.id, a.id, b.id] });
  assert.ok(res.status === 200 || res.status === 204, `PUT /services/order: ${res.status} ${res.text.slice(0, 300)}`);
  const list = items(await owner.client.get(`${SERVICES}?category_id=${c.id}`));
  assert.deepEqual(ids(list), [d.id, a.id, b.id], 'new order');
  const ps = list.map((s) => s.position);
  assert.deepEqual(ps, [...ps].sort((x, y) => x - y), `positions ascend: ${ps}`);
  const bad = await owner.client.put(`${SERVICES}/order`, { ids: [d.id, 987654321] });
  assert.ok(bad.status >= 400 && bad.status < 500, `unknown id in order: ${bad.status}`);
});

test('validation names every bad field', async () => {
  const ok = { name: 'Валідація', duration: 60, price_min: 10000 };
  await each(
    [
      [{ duration: 0 }, 'duration'],
      [{ duration: -30 }, 'duration'],
      [{ duration: 7 }, 'duration'],
      [{ duration: 62 }, 'duration'],
      [{ duration: 1445 }, 'duration'],
      [{ duration: 2880 }, 'duration'],
      [{ duration: '60' }, 'duration', 'invalid_type'],
      [{ duration: 60.5 }, 'duration'],
      [{ name: '' }, 'name'],
      [{ name: undefined }, 'name', 'required'],
      [{ price_min: -1 }, 'price_min'],
      [{ price_min: 100.5 }, 'price_min'],
      [{ price_min: 50000, price_max: 40000 }, 'price_max'],
      [{ buffer_after: -5 }, 'buffer_after'],
      [{ buffer_after: 241 }, 'buffer_after'],
      [{ capacity: 0 }, 'capacity'],
      [{ capacity: -3 }, 'capacity'],
      [{ group: true, capacity: 1 }, 'capacity'],
      [{ processing: { start: 50, duration: 20 } }, 'processing'],
      [{ processing: { start: 40, duration: 20 } }, 'processing'],
      [{ processing: { start: 60, duration: 10 } }, 'processing'],
      [{ processing: { start: -5, duration: 10 } }, 'processing'],
      [{ processing: { start: 10, duration: 0 } }, 'processing'],
      [{ processing: { start: 10 } }, 'processing'],
      [{ room_ids: [987654321] }, 'room_ids', 'not_found'],
      [{ category_id: 987654321 }, 'category_id', 'not_found'],
      [{ staff: [{ staff_id: 987654321 }] }, 'staff', 'not_found'],
      [{ staff: [{ staff_id: olena.id, duration: 7 }] }, 'staff'],
      [{ staff: [{ staff_id: olena.id, duration: 0 }] }, 'staff'],
      [{ staff: [{ staff_id: olena.id, price_min: 100000, price_max: 50000 }] }, 'staff'],
      [{ staff: [{ staff_id: olena.id, price_min: -100 }] }, 'staff'],
    ],
    async ([patch, field, code]) => {
      const body = { ...ok, ...patch };
      const res = await owner.client.post(SERVICES, body);
      assertFieldError(res, field, code);
    },
  );
  // Every bad field at once.
  const many = await owner.client.post(SERVICES, { name: '', duration: 7, price_min: -1, capacity: 0, buffer_after: 999 });
  for (const f of ['name', 'duration', 'price_min', 'capacity', 'buffer_after']) assertFieldError(many, f);
});

test('PATCH is validated against the stored service', async () => {
  const s = await createService(owner.client, { duration: 60, price_min: 50000, processing: { start: 20, duration: 20 } });
  assertFieldError(await owner.client.patch(`${SERVICES}/${s.id}`, { price_max: 40000 }), 'price_max');
  assertFieldError(await owner.client.patch(`${SERVICES}/${s.id}`, { duration: 30 }), 'processing');
  assertFieldError(await owner.client.patch(`${SERVICES}/${s.id}`, { duration: 33 }), 'duration');
  assertFieldError(await owner.client.patch(`${SERVICES}/${s.id}`, { room_ids: [987654321] }), 'room_ids', 'not_found');
  const got = await getJson(owner.client, `${SERVICES}/${s.id}`);
  assert.equal(got.duration, 60, 'unchanged');
  assert.equal(got.price_max, null);
  assert.deepEqual(got.processing, { start: 20, duration: 20 });
  assertProblem(await owner.client.patch(`${SERVICES}/987654321`, { name: 'x' }), 404, 'not-found');
  assertProblem(await owner.client.get(`${SERVICES}/987654321`), 404, 'not-found');
  assertProblem(await owner.client.delete(`${SERVICES}/987654321`), 404, 'not-found');
});

test('masters read services and get 403 on writes; managers write', async () => {
  const s = await createService(owner.client, { name: 'Для ролей' });
  assert.ok(ids(items(await master.client.get(SERVICES))).includes(s.id), 'a master reads the list');
  assertStatus(await master.client.get(`${SERVICES}/${s.id}`), 200);
  assertProblem(await master.client.post(SERVICES, { name: 'М', duration: 60, price_min: 100 }), 403, 'forbidden');
  assertProblem(await master.client.patch(`${SERVICES}/${s.id}`, { name: 'М' }), 403, 'forbidden');
  assertProblem(await master.client.delete(`${SERVICES}/${s.id}`), 403, 'forbidden');
  assertProblem(await master.client.put(`${SERVICES}/order`, { ids: [s.id] }), 403, 'forbidden');
  assert.equal((await getJson(owner.client, `${SERVICES}/${s.id}`)).name, 'Для ролей', 'unchanged');

  const m = await createService(manager.client, { name: 'Від менеджера' });
  const p = await manager.client.patch(`${SERVICES}/${m.id}`, { price_min: 60000 });
  assertStatus(p, 200);
  assert.equal(p.json.price_min, 60000);
  assertDeleted(await manager.client.delete(`${SERVICES}/${m.id}`));
});

test('creating, changing and archiving a service writes audit entries', async () => {
  const s = await createService(owner.client, { name: 'Аудит' });
  assertStatus(await owner.client.patch(`${SERVICES}/${s.id}`, { name: 'Аудит 2' }), 200);
  assertDeleted(await owner.client.delete(`${SERVICES}/${s.id}`));
  const entries = items(await owner.client.get(`/api/v1/audit?entity=service&entity_id=${s.id}`));
  assert.ok(entries.length >= 3, `3 audit entries for the service: ${JSON.stringify(entries.map((e) => e.action))}`);
  assert.ok(entries.every((e) => e.entity === 'service' && e.entity_id === s.id));
  assert.ok(entries.some((e) => e.before === null && e.after?.name === 'Аудит'), 'the creation has after');
  assert.ok(entries.some((e) => e.before?.name === 'Аудит' && e.after?.name === 'Аудит 2'), 'the rename has before and after');
  assert.ok(entries.every((e) => e.actor?.id === owner.payload.user.id), 'the owner is the actor');
});
