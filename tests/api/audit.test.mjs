import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import {
  assertStatus,
  assertProblem,
  assertList,
  listAll,
  signup,
  addUser,
  uniqueEmail,
  RFC3339,
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

function assertEntry(e) {
  assert.equal(typeof e.id, 'number', `audit id: ${JSON.stringify(e)}`);
  assert.match(e.at, RFC3339);
  assert.ok(e.actor === null || (typeof e.actor.id === 'number' && typeof e.actor.name === 'string'), 'actor');
  assert.equal(typeof e.action, 'string');
  assert.match(e.action, /^[a-z_]+\.[a-z_.]+$/, `action looks like entity.verb: ${e.action}`);
  assert.equal(typeof e.entity, 'string');
  assert.ok('entity_id' in e && 'before' in e && 'after' in e && 'ip' in e, `audit keys: ${JSON.stringify(e)}`);
  assert.ok(!/argon2|"password/i.test(JSON.stringify(e)), `audit leaks no password: ${JSON.stringify(e)}`);
}

async function entriesFor(client, entity, id) {
  return listAll(client, `/api/v1/audit?entity=${entity}&entity_id=${id}`);
}

test('signup is audited with its actor', async () => {
  const org = await signup(server);
  const items = await listAll(org.client, '/api/v1/audit');
  assert.ok(items.length >= 1, 'signup leaves at least one audit entry');
  items.forEach(assertEntry);
  const mine = items.filter((e) => e.actor && e.actor.id === org.payload.user.id);
  assert.ok(mine.length >= 1, `an entry with the new owner as actor: ${JSON.stringify(items)}`);
  assert.ok(
    items.some((e) => /signup|org|organization/.test(e.action)),
    `an entry for the signup: ${items.map((e) => e.action)}`,
  );
});

test('user creation, role change and deactivation are audited with before/after', async () => {
  const email = uniqueEmail('audited');
  const created = await owner.client.post('/api/v1/users', { name: 'Audited', email, role: 'admin', password: 'secret123' });
  assertStatus(created, 201);
  const id = created.json.user.id;
  assertStatus(await owner.client.patch(`/api/v1/users/${id}`, { role: 'manager' }), 200);
  assertStatus(await owner.client.delete(`/api/v1/users/${id}`), 200);

  const items = await entriesFor(owner.client, 'user', id);
  items.forEach(assertEntry);
  assert.ok(items.length >= 3, `three entries for user ${id}: ${JSON.stringify(items)}`);
  for (const e of items) {
    assert.equal(e.entity, 'user');
    assert.equal(e.entity_id, id);
    assert.equal(e.actor?.id, owner.payload.user.id, 'actor is the owner');
    assert.equal(e.ip, '127.0.0.1');
  }
  // Newest first.
  for (let i = 1; i < items.length; i++) {
    assert.ok(items[i - 1].at >= items[i].at, 'ordered by time, newest first');
    assert.ok(items[i - 1].id > items[i].id, 'ids descending');
  }

  const create = items.find((e) => e.action === 'user.create');
  assert.ok(create, `user.create entry: ${items.map((e) => e.action)}`);
  assert.equal(create.before, null);
  assert.equal(create.after.email, email);
  assert.equal(create.after.role, 'admin');

  const roleChange = items.find((e) => e.before?.role === 'admin' && e.after?.role === 'manager');
  assert.ok(roleChange, `role change with before/after: ${JSON.stringify(items)}`);

  const deactivation = items.find((e) => e.before?.active === true && e.after?.active === false);
  assert.ok(deactivation, `deactivation with before/after: ${JSON.stringify(items)}`);
  assert.equal(items[0], deactivation, 'the deactivation is the newest');
});

test('branch changes are audited', async () => {
  const b = await owner.client.post('/api/v1/branches', { name: 'Audit branch', timezone: 'Europe/Kyiv' });
  assertStatus(b, 201);
  assertStatus(await owner.client.patch(`/api/v1/branches/${b.json.id}`, { name: 'Audit branch 2' }), 200);
  const items = await entriesFor(owner.client, 'branch', b.json.id);
  assert.ok(items.length >= 2, `two entries: ${JSON.stringify(items)}`);
  assert.ok(items.some((e) => e.before?.name === 'Audit branch' && e.after?.name === 'Audit branch 2'));
});

test('who may read the audit: owner and manager', async () => {
  const manager = await addUser(server, owner.client, 'manager');
  const admin = await addUser(server, owner.client, 'admin');
  const master = await addUser(server, owner.client, 'master');
  assertList(await manager.client.get('/api/v1/audit'));
  assertProblem(await master.client.get('/api/v1/audit'), 403, 'forbidden');
  assertProblem(await admin.client.get('/api/v1/audit'), 403, 'forbidden');
  assertProblem(await server.client().get('/api/v1/audit'), 401, 'unauthorized');
});

test('audit pagination: limit and cursor walk every entry once', async () => {
  const all = await listAll(owner.client, '/api/v1/audit');
  assert.ok(all.length >= 5);
  const seen = [];
  let cursor = null;
  for (let i = 0; i < 100; i++) {
    const res = await owner.client.get('/api/v1/audit?limit=2' + (cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''));
    const items = assertList(res);
    assert.ok(items.length <= 2);
    seen.push(...items.map((e) => e.id));
    cursor = res.json.next_cursor;
    if (!cursor) break;
  }
  // Entries may have been added meanwhile by nobody else: this org is quiet.
  assert.deepEqual(seen, all.map((e) => e.id));
});

test('audit rejects bad query parameters', async () => {
  for (const q of ['limit=0', 'limit=201', 'limit=abc', 'limit=-5', 'entity_id=xyz', 'cursor=garbage']) {
    const res = await owner.client.get(`/api/v1/audit?${q}`);
    const p = assertProblem(res, 400, 'bad-request');
    const name = q.split('=')[0];
    assert.ok(
      Array.isArray(p.errors) && p.errors.some((e) => e.field === name),
      `errors name ${name} for ?${q}: ${res.text}`,
    );
  }
  // A query string that is not even valid percent-encoding.
  assertProblem(await owner.client.get('/api/v1/audit?cursor=%%%garbage'), 400, 'bad-request');
  assertList(await owner.client.get('/api/v1/audit?limit=1'));
  assertList(await owner.client.get('/api/v1/audit?limit=200'));
});
