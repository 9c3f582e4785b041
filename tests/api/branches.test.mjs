import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, randomSuffix } from '../lib/server.mjs';
import {
  assertStatus,
  assertProblem,
  assertValidation,
  assertBranch,
  listAll,
  signup,
  addUser,
} from '../lib/api.mjs';

let server;
let owner;
before(async () => {
  server = await startServer();
  owner = await signup(server);
});
after(async () => {
  await server?.stop();
});

test('the signup branch is listed', async () => {
  const items = await listAll(owner.client, '/api/v1/branches');
  assert.equal(items.length, 1);
  assertBranch(items[0]);
  assert.equal(items[0].id, owner.payload.branches[0].id);
});

test('create, read, update a branch', async () => {
  const slug = `lviv-${randomSuffix(3)}`;
  const res = await owner.client.post('/api/v1/branches', {
    name: 'Lviv Center',
    slug,
    address: 'Rynok Sq. 1, Lviv',
    timezone: 'Europe/Kyiv',
    currency: 'UAH',
  });
  assertStatus(res, 201);
  assertBranch(res.json);
  assert.equal(res.json.name, 'Lviv Center');
  assert.equal(res.json.slug, slug);
  assert.equal(res.json.address, 'Rynok Sq. 1, Lviv');
  assert.equal(res.json.timezone, 'Europe/Kyiv');
  assert.equal(res.json.currency, 'UAH');
  const id = res.json.id;

  const got = await owner.client.get(`/api/v1/branches/${id}`);
  assertStatus(got, 200);
  assert.deepEqual(got.json, res.json);

  const upd = await owner.client.patch(`/api/v1/branches/${id}`, {
    name: 'Lviv Old Town',
    address: 'Rynok Sq. 2',
    timezone: 'Europe/Kiev',
  });
  assertStatus(upd, 200);
  assertBranch(upd.json);
  assert.equal(upd.json.name, 'Lviv Old Town');
  assert.equal(upd.json.address, 'Rynok Sq. 2');
  assert.equal(upd.json.timezone, 'Europe/Kyiv', 'Europe/Kiev is stored as Europe/Kyiv');
  assert.equal(upd.json.slug, slug, 'slug unchanged when absent');

  const newSlug = `lviv-old-${randomSuffix(3)}`;
  const reslug = await owner.client.patch(`/api/v1/branches/${id}`, { slug: newSlug });
  assertStatus(reslug, 200);
  assert.equal(reslug.json.slug, newSlug);
  assert.equal(reslug.json.name, 'Lviv Old Town');

  const items = await listAll(owner.client, '/api/v1/branches');
  assert.ok(items.some((b) => b.id === id && b.slug === newSlug));
});

test('slug and currency get defaults', async () => {
  const res = await owner.client.post('/api/v1/branches', { name: 'Odesa Arcadia', timezone: 'Europe/Kyiv' });
  assertStatus(res, 201);
  assertBranch(res.json);
  assert.ok(res.json.slug.length > 0, 'a slug is generated');
  assert.equal(res.json.currency, owner.payload.org.currency, 'currency defaults to the organization’s');
  // A second branch with the same name still gets a distinct slug.
  const twin = await owner.client.post('/api/v1/branches', { name: 'Odesa Arcadia', timezone: 'Europe/Kyiv' });
  assertStatus(twin, 201);
  assert.notEqual(twin.json.slug, res.json.slug);
});

test('a Cyrillic name gets a usable slug', async () => {
  const res = await owner.client.post('/api/v1/branches', { name: 'Салон на Хрещатику', timezone: 'Europe/Kyiv' });
  assertStatus(res, 201);
  assertBranch(res.json);
  assert.equal(res.json.name, 'Салон на Хрещатику');
});

test('slug-taken on create and on update', async () => {
  const slug = `dup-${randomSuffix(3)}`;
  const a = await owner.client.post('/api/v1/branches', { name: 'A', slug, timezone: 'Europe/Kyiv' });
  assertStatus(a, 201);
  assertProblem(await owner.client.post('/api/v1/branches', { name: 'B', slug, timezone: 'Europe/Kyiv' }), 409, 'slug-taken');
  const b = await owner.client.post('/api/v1/branches', { name: 'B', timezone: 'Europe/Kyiv' });
  assertStatus(b, 201);
  assertProblem(await owner.client.patch(`/api/v1/branches/${b.json.id}`, { slug }), 409, 'slug-taken');
  // Setting a branch's own slug again is not a conflict.
  assertStatus(await owner.client.patch(`/api/v1/branches/${a.json.id}`, { slug }), 200);
});

test('branch validation names the bad fields', async () => {
  assertValidation(await owner.client.post('/api/v1/branches', {}), { name: 'required', timezone: 'required' });
  assertValidation(
    await owner.client.post('/api/v1/branches', { name: 'X', timezone: 'Nowhere/City' }),
    { timezone: 'invalid_timezone' },
  );
  assertValidation(
    await owner.client.post('/api/v1/branches', { name: 'X', timezone: 'Europe/Kyiv', slug: 'Bad Slug!' }),
    { slug: 'invalid_slug' },
  );
  assertValidation(
    await owner.client.post('/api/v1/branches', { name: 'X', timezone: 'Europe/Kyiv', currency: 'EURO' }),
    { currency: ['invalid_currency', 'too_long'] },
  );
  assertValidation(
    await owner.client.post('/api/v1/branches', { name: 'X', timezone: 'Europe/Kyiv', currency: 'ZZZ' }),
    { currency: 'invalid_currency' },
  );
  assertValidation(await owner.client.post('/api/v1/branches', { name: ['X'], timezone: 'Europe/Kyiv' }), {
    name: 'invalid_type',
  });
  const id = owner.payload.branches[0].id;
  assertValidation(await owner.client.patch(`/api/v1/branches/${id}`, { timezone: 'Bad/Zone' }), {
    timezone: 'invalid_timezone',
  });
  assertValidation(await owner.client.patch(`/api/v1/branches/${id}`, { name: '' }), ['name']);
  assertValidation(await owner.client.patch(`/api/v1/branches/${id}`, { slug: '-' }), { slug: 'invalid_slug' });
});

test('who may create branches: owner and manager, not admin or master', async () => {
  const manager = await addUser(server, owner.client, 'manager');
  const admin = await addUser(server, owner.client, 'admin');
  const master = await addUser(server, owner.client, 'master');
  assertStatus(await manager.client.post('/api/v1/branches', { name: 'By manager', timezone: 'Europe/Kyiv' }), 201);
  assertProblem(
    await admin.client.post('/api/v1/branches', { name: 'By admin', timezone: 'Europe/Kyiv' }),
    403,
    'forbidden',
  );
  assertProblem(
    await master.client.post('/api/v1/branches', { name: 'By master', timezone: 'Europe/Kyiv' }),
    403,
    'forbidden',
  );
  const id = owner.payload.branches[0].id;
  assertProblem(await master.client.patch(`/api/v1/branches/${id}`, { name: 'Renamed by master' }), 403, 'forbidden');
  // Everyone in the organization can read its branches.
  assertStatus(await master.client.get('/api/v1/branches'), 200);
  assertStatus(await master.client.get(`/api/v1/branches/${id}`), 200);
});

test('unknown branch ids are 404', async () => {
  assertProblem(await owner.client.get('/api/v1/branches/987654321'), 404, 'not-found');
  assertProblem(await owner.client.patch('/api/v1/branches/987654321', { name: 'X' }), 404, 'not-found');
});

test('new branches appear in the session payload', async () => {
  const me = await owner.client.get('/api/v1/me');
  assertStatus(me, 200);
  const all = await listAll(owner.client, '/api/v1/branches');
  assert.deepEqual(
    me.json.branches.map((b) => b.id).sort((x, y) => x - y),
    all.map((b) => b.id).sort((x, y) => x - y),
  );
});
