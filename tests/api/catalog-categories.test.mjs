// Service categories: create, read, rename, recolour, reorder by drag (PUT .../order),
// delete only when empty of live services (409 category-not-empty), validation, roles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertStatus, assertProblem, signup, addUser } from '../lib/api.mjs';
import {
  CATEGORIES,
  SERVICES,
  items,
  assertCategory,
  assertDeleted,
  assertFieldError,
  createCategory,
  createService,
} from '../lib/staff.mjs';

let server;
let owner;
let master;
let manager;
let admin;

before(async () => {
  server = await startServer();
  owner = await signup(server);
  [master, manager, admin] = [
    await addUser(server, owner.client, 'master'),
    await addUser(server, owner.client, 'manager'),
    await addUser(server, owner.client, 'admin'),
  ];
});
after(async () => {
  await server?.stop();
});

test('create, read, rename and recolour a category; the list counts its services', async () => {
  const created = await createCategory(owner.client, { name: 'Перукарські послуги', color: '#e64980', icon: 'scissors' });
  assert.equal(created.name, 'Перукарські послуги');
  assert.equal(created.color.toLowerCase(), '#e64980');
  assert.equal(created.icon, 'scissors');
  assert.equal(created.services, 0);

  const plain = await createCategory(owner.client, { name: 'Без кольору' });
  assert.match(plain.color, /^#[0-9a-fA-F]{6}$/, 'a default colour');

  const list = items(await owner.client.get(CATEGORIES));
  list.forEach(assertCategory);
  assert.ok(list.some((c) => c.id === created.id) && list.some((c) => c.id === plain.id), 'both listed');

  const patched = await owner.client.patch(`${CATEGORIES}/${created.id}`, { name: 'Зачіски', color: '#228BE6' });
  assertStatus(patched, 200);
  assertCategory(patched.json);
  assert.equal(patched.json.name, 'Зачіски');
  assert.equal(patched.json.color.toLowerCase(), '#228be6');
  assert.equal(patched.json.icon, 'scissors', 'PATCH keeps fields it was not given');

  await createService(owner.client, { category_id: created.id });
  await createService(owner.client, { category_id: created.id });
  const later = items(await owner.client.get(CATEGORIES)).find((c) => c.id === created.id);
  assert.equal(later.services, 2, `services count: ${JSON.stringify(later)}`);
  assert.equal(later.name, 'Зачіски');
});

test('categories are listed by position; PUT .../order reorders them', async () => {
  const x = await createCategory(owner.client, { name: 'Порядок X' });
  const y = await createCategory(owner.client, { name: 'Порядок Y' });
  const z = await createCategory(owner.client, { name: 'Порядок Z' });

  const before = items(await owner.client.get(CATEGORIES));
  const positions = before.map((c) => c.position);
  assert.deepEqual(positions, [...positions].sort((a, b) => a - b), `ordered by position: ${JSON.stringify(before)}`);
  const idx = (list, id) => list.findIndex((c) => c.id === id);
  assert.ok(idx(before, x.id) < idx(before, y.id) && idx(before, y.id) < idx(before, z.id), 'new ones go last, in order');

  const wanted = [z.id, ...before.map((c) => c.id).filter((id) => ![x.id, y.id, z.id].includes(id)), x.id, y.id];
  const res = await owner.client.put(`${CATEGORIES}/order`, { ids: wanted });
  assertStatus(res, 200, 'PUT order');
  assert.deepEqual(items(res).map((c) => c.id), wanted, 'the answer is the list in the new order');

  const afterList = items(await owner.client.get(CATEGORIES));
  assert.deepEqual(afterList.map((c) => c.id), wanted, 'GET lists in the new order');
  const ps = afterList.map((c) => c.position);
  assert.equal(new Set(ps).size, ps.length, `positions are distinct: ${ps}`);
  assert.deepEqual(ps, [...ps].sort((a, b) => a - b), 'positions ascend');
});

test('PUT .../order with unknown or malformed ids is refused and changes nothing', async () => {
  const before = items(await owner.client.get(CATEGORIES)).map((c) => c.id);
  for (const body of [{ ids: [...before, 987654321] }, { ids: 'x' }, { ids: [1.5] }, {}, { ids: [before[0], before[0]] }]) {
    const res = await owner.client.put(`${CATEGORIES}/order`, body);
    assert.ok(res.status >= 400 && res.status < 500, `PUT order ${JSON.stringify(body)}: expected 4xx, got ${res.status} ${res.text.slice(0, 300)}`);
  }
  assert.deepEqual(items(await owner.client.get(CATEGORIES)).map((c) => c.id), before, 'order unchanged');
});

test('a category with live services cannot be deleted (409 category-not-empty); once they are archived it can', async () => {
  const cat = await createCategory(owner.client, { name: 'Видалення' });
  const s = await createService(owner.client, { category_id: cat.id });

  const refused = await owner.client.delete(`${CATEGORIES}/${cat.id}`);
  assertProblem(refused, 409, 'category-not-empty');
  assert.ok(items(await owner.client.get(CATEGORIES)).some((c) => c.id === cat.id), 'still there');

  assertDeleted(await owner.client.delete(`${SERVICES}/${s.id}`), 'archive the service');
  const counted = items(await owner.client.get(CATEGORIES)).find((c) => c.id === cat.id);
  assert.equal(counted.services, 0, `archived services are not counted: ${JSON.stringify(counted)}`);
  const ok = await owner.client.delete(`${CATEGORIES}/${cat.id}`);
  assertStatus(ok, 204, 'delete an empty category');
  assert.ok(!items(await owner.client.get(CATEGORIES)).some((c) => c.id === cat.id), 'gone from the list');
  assertProblem(await owner.client.patch(`${CATEGORIES}/${cat.id}`, { name: 'x' }), 404, 'not-found');
  assertProblem(await owner.client.delete(`${CATEGORIES}/${cat.id}`), 404, 'not-found');

  const empty = await createCategory(owner.client, { name: 'Порожня' });
  assertStatus(await owner.client.delete(`${CATEGORIES}/${empty.id}`), 204);
});

test('category validation names the fields', async () => {
  assertFieldError(await owner.client.post(CATEGORIES, {}), 'name', 'required');
  assertFieldError(await owner.client.post(CATEGORIES, { name: '' }), 'name');
  assertFieldError(await owner.client.post(CATEGORIES, { name: 42 }), 'name', 'invalid_type');
  for (const color of ['red', '#12345', '#1234567', '#gggggg', '123456', 7]) {
    assertFieldError(await owner.client.post(CATEGORIES, { name: 'Колір', color }), 'color');
  }
  const c = await createCategory(owner.client, { name: 'Для PATCH' });
  assertFieldError(await owner.client.patch(`${CATEGORIES}/${c.id}`, { color: 'blue' }), 'color');
  assertFieldError(await owner.client.patch(`${CATEGORIES}/${c.id}`, { name: '' }), 'name');
  assertProblem(await owner.client.patch(`${CATEGORIES}/987654321`, { name: 'x' }), 404, 'not-found');
});

test('masters read categories but get 403 on every write; admins and managers write', async () => {
  const c = await createCategory(owner.client, { name: 'Ролі' });
  const list = items(await master.client.get(CATEGORIES));
  assert.ok(list.some((x) => x.id === c.id), 'a master reads the list');

  assertProblem(await master.client.post(CATEGORIES, { name: 'Майстер' }), 403, 'forbidden');
  assertProblem(await master.client.patch(`${CATEGORIES}/${c.id}`, { name: 'Майстер' }), 403, 'forbidden');
  assertProblem(await master.client.delete(`${CATEGORIES}/${c.id}`), 403, 'forbidden');
  assertProblem(await master.client.put(`${CATEGORIES}/order`, { ids: list.map((x) => x.id) }), 403, 'forbidden');
  const again = items(await owner.client.get(CATEGORIES)).find((x) => x.id === c.id);
  assert.equal(again.name, 'Ролі', 'unchanged');

  const byManager = await createCategory(manager.client, { name: 'Від менеджера' });
  const byAdmin = await createCategory(admin.client, { name: 'Від адміністратора' });
  assertStatus(await manager.client.patch(`${CATEGORIES}/${byAdmin.id}`, { name: 'Змінено' }), 200);
  assertStatus(await admin.client.delete(`${CATEGORIES}/${byManager.id}`), 204);
});
