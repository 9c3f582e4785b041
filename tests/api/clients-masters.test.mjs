// Roles on the clients module: masters read clients without contact data (the keys are
// absent) and cannot change anything; admins and managers see and edit everything;
// personal data export and erasure are the owner's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertStatus, assertProblem, assertList, listAll, signup, addUser } from '../lib/api.mjs';
import {
  CLIENTS,
  TAGS,
  SEGMENTS,
  SETTINGS,
  HIDDEN_FROM_MASTERS,
  createClient,
  createTag,
  assertClient,
  toCsv,
} from '../lib/clients.mjs';

let server;
let owner;
let master;
let admin;
let manager;
let tag;
let olena; // a client with every contact field
let taras; // a second client

before(async () => {
  server = await startServer();
  owner = await signup(server);
  master = await addUser(server, owner.client, 'master');
  admin = await addUser(server, owner.client, 'admin');
  manager = await addUser(server, owner.client, 'manager');
  tag = await createTag(owner.client, 'Майстрам видно', '#7950f2');
  olena = await createClient(owner.client, {
    first_name: 'Олена',
    last_name: 'Таємна',
    middle_name: 'Прихована',
    phones: ['+380671239876', '+380509998877'],
    email: 'secret.olena@example.com',
    notes: 'Любить мʼяту',
    gender: 'female',
    tag_ids: [tag.id],
  });
  taras = await createClient(owner.client, {
    first_name: 'Тарас',
    last_name: 'Закритий',
    phones: ['+380631112299'],
    email: 'taras.hidden@example.com',
  });
});
after(async () => {
  await server?.stop();
});

const SECRETS = () => [
  'Таємна',
  'Прихована',
  'Закритий',
  'secret.olena@example.com',
  'taras.hidden@example.com',
  '671239876',
  '509998877',
  '631112299',
];

function assertMasterView(c) {
  assertClient(c, { master: true });
  for (const k of HIDDEN_FROM_MASTERS) assert.ok(!(k in c), `master sees "${k}": ${JSON.stringify(c)}`);
}

test('masters list and read clients without phones, email, last_name, middle_name keys', async () => {
  const items = await listAll(master.client, CLIENTS);
  assert.ok(items.some((c) => c.id === olena.id) && items.some((c) => c.id === taras.id), 'master sees the clients');
  items.forEach(assertMasterView);
  const card = await master.client.get(`${CLIENTS}/${olena.id}`);
  assertStatus(card, 200);
  assertMasterView(card.json);
  assert.equal(card.json.first_name, 'Олена');
  assert.equal(card.json.notes, 'Любить мʼяту', 'masters see the notes');
  assert.deepEqual(card.json.tags.map((t) => t.id), [tag.id], 'masters see the tags');
  // Filters and segments give the same stripped view.
  const byTag = assertList(await master.client.get(`${CLIENTS}?tag_ids=${tag.id}&gender=female`));
  assert.deepEqual(byTag.map((c) => c.id), [olena.id]);
  byTag.forEach(assertMasterView);
  const seg = await owner.client.post(SEGMENTS, { name: 'Для майстрів', filter: { tag_ids: [tag.id] } });
  assertStatus(seg, 201);
  const bySeg = assertList(await master.client.get(`${CLIENTS}?segment_id=${seg.json.id}`));
  assert.deepEqual(bySeg.map((c) => c.id), [olena.id]);
  bySeg.forEach(assertMasterView);
  const segs = await master.client.get(SEGMENTS);
  if (segs.status === 200) {
    for (const s of segs.json.items) {
      for (const v of Object.values(s)) if (Array.isArray(v)) v.forEach((x) => typeof x === 'object' && x && assertMasterView(x));
    }
  }
});

test('a master search finds by name, never by phone digits', async () => {
  const byName = assertList(await master.client.get(`${CLIENTS}?q=${encodeURIComponent('олен')}`));
  assert.deepEqual(byName.map((c) => c.id), [olena.id]);
  byName.forEach(assertMasterView);
  for (const digits of ['9876', '067 123 98', '+380509998877', '1112299']) {
    const res = await master.client.get(`${CLIENTS}?q=${encodeURIComponent(digits)}`);
    assert.deepEqual(assertList(res), [], `master q=${digits} finds nobody`);
  }
  // Not when the digits come with a word either.
  for (const mixed of ['олена 9876', 'олена 6712', 'тарас 2299']) {
    const res = await master.client.get(`${CLIENTS}?q=${encodeURIComponent(mixed)}`);
    assert.deepEqual(assertList(res).map((c) => c.id), [], `master q=${mixed} does not match phone digits`);
  }
  // The owner, of course, finds by digits.
  assert.deepEqual(assertList(await owner.client.get(`${CLIENTS}?q=9876`)).map((c) => c.id), [olena.id]);
});

test('nothing a master gets from the clients API contains the hidden contact data', async () => {
  const bodies = [
    await master.client.get(CLIENTS),
    await master.client.get(`${CLIENTS}?archived=true`),
    await master.client.get(`${CLIENTS}/${olena.id}`),
    await master.client.get(`${CLIENTS}/${taras.id}`),
    await master.client.get(`${CLIENTS}?q=${encodeURIComponent('Тарас')}`),
  ];
  for (const res of bodies) {
    assertStatus(res, 200);
    for (const s of SECRETS()) assert.ok(!res.text.includes(s), `master response leaks "${s}": ${res.text.slice(0, 500)}`);
  }
});

test('masters cannot create, edit, archive, merge, import, export, erase or upload (403)', async () => {
  const denied = [
    ['POST', CLIENTS, { json: { first_name: 'Від майстра' } }],
    ['PATCH', `${CLIENTS}/${olena.id}`, { json: { notes: 'змінено майстром' } }],
    ['DELETE', `${CLIENTS}/${olena.id}`, {}],
    ['POST', `${CLIENTS}/${olena.id}/merge`, { json: { source_id: taras.id } }],
    ['POST', `${CLIENTS}/import/preview?format=csv`, { body: toCsv([["Ім'я", 'Телефон'], ['Хтось', '0931234000']]), contentType: 'text/csv' }],
    ['GET', `${CLIENTS}/export?format=csv`, {}],
    ['GET', `${CLIENTS}/export?format=xlsx`, {}],
    ['GET', `${CLIENTS}/${olena.id}/export`, {}],
    ['POST', `${CLIENTS}/${olena.id}/erase`, { json: {} }],
  ];
  for (const [method, path, opts] of denied) {
    assertProblem(await master.client.request(method, path, opts), 403, 'forbidden');
  }
  const merge = await master.client.post(`${CLIENTS}/${olena.id}/merge`, { source_id: taras.id });
  assert.ok(!('phones' in (merge.json ?? {})), 'no client data in the refused merge');
  // Nothing changed.
  const c = (await owner.client.get(`${CLIENTS}/${olena.id}`)).json;
  assert.equal(c.archived, false);
  assert.equal(c.notes, 'Любить мʼяту');
  assert.equal((await owner.client.get(`${CLIENTS}/${taras.id}`)).json.archived, false);
  assert.ok(!(await listAll(owner.client, CLIENTS)).some((x) => x.first_name === 'Від майстра'));
});

test('masters cannot change tags, segments or the clients settings (403)', async () => {
  assertStatus(await master.client.get(TAGS), 200, 'masters may read tags');
  const denied = [
    ['POST', TAGS, { json: { name: 'Майстрова', color: '#000000' } }],
    ['PATCH', `${TAGS}/${tag.id}`, { json: { name: 'Перейменована' } }],
    ['DELETE', `${TAGS}/${tag.id}`, {}],
    ['POST', SEGMENTS, { json: { name: 'Майстровий', filter: {} } }],
    ['PATCH', SETTINGS, { json: { name_order: 'last_first' } }],
  ];
  for (const [method, path, opts] of denied) {
    assertProblem(await master.client.request(method, path, opts), 403, 'forbidden');
  }
  assert.equal((await owner.client.get(SETTINGS)).json.name_order, 'first_last');
});

test('admins and managers see contact data and edit clients', async () => {
  for (const who of [admin, manager]) {
    const card = await who.client.get(`${CLIENTS}/${olena.id}`);
    assertStatus(card, 200);
    assertClient(card.json);
    assert.deepEqual(card.json.phones, ['+380671239876', '+380509998877']);
    assert.equal(card.json.email, 'secret.olena@example.com');
    assert.equal(card.json.last_name, 'Таємна');
    assert.equal(card.json.middle_name, 'Прихована');
    const c = await createClient(who.client, { first_name: `Від ${who.user.role}`, phones: [] });
    assertStatus(await who.client.patch(`${CLIENTS}/${c.id}`, { notes: 'ok' }), 200);
    assertStatus(await who.client.delete(`${CLIENTS}/${c.id}`), 200);
    assertStatus(await who.client.get(`${CLIENTS}/export?format=csv`), 200, `${who.user.role} exports the list`);
  }
});

test('erasure is owner only', async () => {
  const victim = await createClient(owner.client, { first_name: 'Стерти', phones: ['+380631119900'] });
  for (const who of [admin, manager, master]) {
    assertProblem(await who.client.post(`${CLIENTS}/${victim.id}/erase`, {}), 403, 'forbidden');
  }
  const still = (await owner.client.get(`${CLIENTS}/${victim.id}`)).json;
  assert.equal(still.first_name, 'Стерти');
  assert.deepEqual(still.phones, ['+380631119900']);
});
