// Client tags (CRUD, colour validation, unique names, counts) and the clients settings
// (name order -> display_name).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertStatus, assertProblem, assertValidation, assertList, signup } from '../lib/api.mjs';
import { CLIENTS, TAGS, SETTINGS, createClient, getClient, createTag, allIds, assert4xx, itemsOf } from '../lib/clients.mjs';

let server;
let owner;
before(async () => {
  server = await startServer();
  owner = await signup(server);
});
after(async () => {
  await server?.stop();
});

async function tagList() {
  return itemsOf(await owner.client.get(TAGS));
}

test('create, list, rename, recolour and delete a tag', async () => {
  const res = await owner.client.post(TAGS, { name: 'Постійна', color: '#e64980' });
  assertStatus(res, 201);
  const tag = res.json;
  assert.ok(Number.isInteger(tag.id));
  assert.equal(tag.name, 'Постійна');
  assert.equal(tag.color.toLowerCase(), '#e64980');
  assert.equal(tag.clients, 0);
  const listed = (await tagList()).find((t) => t.id === tag.id);
  assert.deepEqual({ ...listed, color: listed.color.toLowerCase() }, { id: tag.id, name: 'Постійна', color: '#e64980', clients: 0 });

  const patched = await owner.client.patch(`${TAGS}/${tag.id}`, { name: 'Постійна клієнтка', color: '#40C057' });
  assertStatus(patched, 200);
  assert.equal(patched.json.name, 'Постійна клієнтка');
  assert.equal(patched.json.color.toLowerCase(), '#40c057');
  const onlyColor = await owner.client.patch(`${TAGS}/${tag.id}`, { color: '#228be6' });
  assertStatus(onlyColor, 200);
  assert.equal(onlyColor.json.name, 'Постійна клієнтка', 'PATCH of the colour keeps the name');

  const del = await owner.client.delete(`${TAGS}/${tag.id}`);
  assertStatus(del, 204);
  assert.ok(!(await tagList()).some((t) => t.id === tag.id));
  assertProblem(await owner.client.delete(`${TAGS}/${tag.id}`), 404, 'not-found');
  assertProblem(await owner.client.patch(`${TAGS}/${tag.id}`, { name: 'x' }), 404, 'not-found');
});

test('tag colour must be #rrggbb; name is required', async () => {
  for (const color of ['red', '#abc', '#12345g', '12345a', '#1234567', '', 'rgb(1,2,3)']) {
    assertValidation(await owner.client.post(TAGS, { name: `Колір ${color}`, color }), ['color']);
  }
  assertValidation(await owner.client.post(TAGS, { name: 'Без кольору', color: 123456 }), ['color']);
  assertValidation(await owner.client.post(TAGS, { color: '#000000' }), { name: 'required' });
  assertValidation(await owner.client.post(TAGS, { name: '', color: '#000000' }), ['name']);
  assertValidation(await owner.client.post(TAGS, { name: 42, color: '#000000' }), { name: 'invalid_type' });
  assertValidation(await owner.client.post(TAGS, { name: 'x'.repeat(1000), color: '#000000' }), { name: 'too_long' });
  const tag = await createTag(owner.client, 'Для кольору', '#111111');
  assertValidation(await owner.client.patch(`${TAGS}/${tag.id}`, { color: 'blue' }), ['color']);
  assert4xx(await owner.client.request('POST', TAGS, { body: '{"name":', contentType: 'application/json' }), 'malformed tag');
  assert4xx(await owner.client.get(`${TAGS}/abc`), 'tag id abc');
});

test('tag names are unique per organization: 409 tag-taken', async () => {
  const a = await createTag(owner.client, 'Унікальна', '#111111');
  assertProblem(await owner.client.post(TAGS, { name: 'Унікальна', color: '#222222' }), 409, 'tag-taken');
  const b = await createTag(owner.client, 'Інша', '#333333');
  assertProblem(await owner.client.patch(`${TAGS}/${b.id}`, { name: 'Унікальна' }), 409, 'tag-taken');
  // Re-saving its own name is fine.
  assertStatus(await owner.client.patch(`${TAGS}/${a.id}`, { name: 'Унікальна', color: '#444444' }), 200);
  // Another organization may use the same name.
  const other = await signup(server);
  assertStatus(await other.client.post(TAGS, { name: 'Унікальна', color: '#111111' }), 201);
});

test('tags on clients: counts, tag_ids filter, deleting a tag removes it from clients', async () => {
  const tag = await createTag(owner.client, 'Рахунок', '#fa5252');
  const c1 = await createClient(owner.client, { first_name: 'Тег1', tag_ids: [tag.id] });
  const c2 = await createClient(owner.client, { first_name: 'Тег2' });
  assertStatus(await owner.client.patch(`${CLIENTS}/${c2.id}`, { tag_ids: [tag.id] }), 200);
  assert.equal((await tagList()).find((t) => t.id === tag.id).clients, 2);
  assert.deepEqual(await allIds(owner.client, `tag_ids=${tag.id}`), [c1.id, c2.id].sort((x, y) => x - y));
  const recoloured = await owner.client.patch(`${TAGS}/${tag.id}`, { color: '#12b886' });
  assertStatus(recoloured, 200);
  assert.equal((await getClient(owner.client, c1.id)).tags[0].color.toLowerCase(), '#12b886', 'clients show the new colour');
  assertStatus(await owner.client.delete(`${TAGS}/${tag.id}`), 204);
  assert.deepEqual((await getClient(owner.client, c1.id)).tags, []);
  assert.deepEqual((await getClient(owner.client, c2.id)).tags, []);
  const byDeleted = await owner.client.get(`${CLIENTS}?tag_ids=${tag.id}`);
  if (byDeleted.status === 200) assert.deepEqual(byDeleted.json.items, [], 'a deleted tag lists nobody');
  else assert4xx(byDeleted, 'listing by a deleted tag');
});

test('settings: name_order switches display_name everywhere', async () => {
  const org = await signup(server);
  const get = await org.client.get(SETTINGS);
  assertStatus(get, 200);
  assert.equal(get.json.name_order, 'first_last', 'default name order');
  const c = await createClient(org.client, { first_name: 'Олена', last_name: 'Коваленко' });
  const onlyFirst = await createClient(org.client, { first_name: 'Марта' });
  assert.equal(c.display_name, 'Олена Коваленко');

  const set = await org.client.patch(SETTINGS, { name_order: 'last_first' });
  assertStatus(set, 200);
  assert.equal(set.json.name_order, 'last_first');
  assert.equal((await org.client.get(SETTINGS)).json.name_order, 'last_first');
  assert.equal((await getClient(org.client, c.id)).display_name, 'Коваленко Олена');
  assert.equal((await getClient(org.client, onlyFirst.id)).display_name, 'Марта', 'no stray space without a last name');
  const listed = assertList(await org.client.get(CLIENTS)).find((x) => x.id === c.id);
  assert.equal(listed.display_name, 'Коваленко Олена', 'the list uses the order too');
  const searched = assertList(await org.client.get(`${CLIENTS}?q=${encodeURIComponent('Коваленко Олена')}`));
  assert.deepEqual(searched.map((x) => x.id), [c.id], 'search by the displayed name');
  const created = await createClient(org.client, { first_name: 'Ігор', last_name: 'Шевченко' });
  assert.equal(created.display_name, 'Шевченко Ігор');

  // The other organization keeps its own order.
  assert.equal((await owner.client.get(SETTINGS)).json.name_order, 'first_last');

  for (const bad of ['middle', '', 1, null]) {
    assertValidation(await org.client.patch(SETTINGS, { name_order: bad }), ['name_order']);
  }
  assertStatus(await org.client.patch(SETTINGS, { name_order: 'first_last' }), 200);
  assert.equal((await getClient(org.client, c.id)).display_name, 'Олена Коваленко');
});
