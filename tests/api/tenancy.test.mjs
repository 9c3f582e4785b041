// Two organizations on one server: neither can see or touch the other's rows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertStatus, assertProblem, listAll, signup, addUser, uniqueEmail } from '../lib/api.mjs';

let server;
let a; // org A owner
let b; // org B owner
let aUser; // a member of A
let aBranch; // a second branch of A
before(async () => {
  server = await startServer();
  a = await signup(server, { org_name: 'Org A' });
  b = await signup(server, { org_name: 'Org B' });
  aUser = await addUser(server, a.client, 'admin', { email: uniqueEmail('a-admin') });
  const br = await a.client.post('/api/v1/branches', { name: 'A Second', timezone: 'Europe/Kyiv', address: 'A street' });
  assertStatus(br, 201);
  aBranch = br.json;
});
after(async () => {
  await server?.stop();
});

test("org B cannot read, change or deactivate org A's users (404)", async () => {
  for (const id of [a.payload.user.id, aUser.user.id]) {
    assertProblem(await b.client.get(`/api/v1/users/${id}`), 404, 'not-found');
    assertProblem(await b.client.patch(`/api/v1/users/${id}`, { name: 'Pwned', role: 'master' }), 404, 'not-found');
    assertProblem(await b.client.delete(`/api/v1/users/${id}`), 404, 'not-found');
  }
  // A's users are untouched and can still log in.
  const got = await a.client.get(`/api/v1/users/${aUser.user.id}`);
  assertStatus(got, 200);
  assert.equal(got.json.active, true);
  assert.equal(got.json.role, 'admin');
  assert.notEqual(got.json.name, 'Pwned');
  assertStatus(await aUser.client.get('/api/v1/me'), 200);
});

test("org B cannot read, change or delete org A's branches (404)", async () => {
  for (const br of [a.payload.branches[0], aBranch]) {
    assertProblem(await b.client.get(`/api/v1/branches/${br.id}`), 404, 'not-found');
    assertProblem(await b.client.patch(`/api/v1/branches/${br.id}`, { name: 'Pwned' }), 404, 'not-found');
    const del = await b.client.delete(`/api/v1/branches/${br.id}`);
    assert.ok([404, 405].includes(del.status), `DELETE other org's branch: ${del.status} ${del.text}`);
  }
  const got = await a.client.get(`/api/v1/branches/${aBranch.id}`);
  assertStatus(got, 200);
  assert.equal(got.json.name, 'A Second');
});

test("lists never show the other organization's rows", async () => {
  const aUsers = await listAll(a.client, '/api/v1/users');
  const bUsers = await listAll(b.client, '/api/v1/users');
  const aIds = new Set(aUsers.map((u) => u.id));
  assert.ok(aIds.has(aUser.user.id));
  for (const u of bUsers) {
    assert.ok(!aIds.has(u.id), `B sees A's user ${u.id}`);
    assert.notEqual(u.email, a.email);
    assert.notEqual(u.email, aUser.email);
  }
  assert.deepEqual(bUsers.map((u) => u.id), [b.payload.user.id]);

  const bBranches = await listAll(b.client, '/api/v1/branches');
  assert.deepEqual(bBranches.map((x) => x.id), [b.payload.branches[0].id]);
  const bMe = await b.client.get('/api/v1/me');
  assert.deepEqual(bMe.json.branches.map((x) => x.id), [b.payload.branches[0].id]);
});

test("org B's audit shows nothing of org A", async () => {
  const bAudit = await listAll(b.client, '/api/v1/audit');
  const text = JSON.stringify(bAudit);
  for (const needle of [a.email, aUser.email, 'Org A', 'A Second', 'A street']) {
    assert.ok(!text.includes(needle), `B's audit mentions ${needle}`);
  }
  for (const e of bAudit) {
    if (e.actor) assert.ok(![a.payload.user.id, aUser.user.id].includes(e.actor.id), 'actor from A');
  }
  const filtered = await listAll(b.client, `/api/v1/audit?entity=user&entity_id=${aUser.user.id}`);
  assert.equal(filtered.length, 0);
  const filteredBranch = await listAll(b.client, `/api/v1/audit?entity=branch&entity_id=${aBranch.id}`);
  assert.equal(filteredBranch.length, 0);
});

test('an organization comes from the session, never from the body', async () => {
  const res = await b.client.post('/api/v1/users', {
    name: 'Smuggled',
    email: uniqueEmail('smuggled'),
    role: 'master',
    password: 'secret123',
    org_id: a.payload.org.id,
  });
  // Unknown fields are either ignored or refused, but never obeyed.
  if (res.status === 201) {
    const aUsers = await listAll(a.client, '/api/v1/users');
    assert.ok(!aUsers.some((u) => u.name === 'Smuggled'), 'user landed in org A');
    const login = await server.client().login(res.json.user.email, 'secret123');
    assertStatus(login, 200);
    assert.equal(login.json.org.id, b.payload.org.id);
  } else {
    assert.equal(res.status, 422, res.text);
  }
});

test("A's session token does not work with B's cookie and vice versa", async () => {
  const res = await b.client.patch('/api/v1/me', { name: 'Mixed' }, { csrf: a.client.csrf });
  assertProblem(res, 403, 'csrf-failed');
});

test('email-taken across organizations does not reveal who owns the email', async () => {
  // Adding A's member to B: either allowed (another membership) or 409, never a leak of A's data.
  const res = await b.client.post('/api/v1/users', { name: 'Cross', email: aUser.email, role: 'master' });
  assert.ok([201, 409].includes(res.status), `${res.status} ${res.text}`);
  assert.ok(!res.text.includes('Org A'));
});
