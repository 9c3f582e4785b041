import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import {
  assertStatus,
  assertProblem,
  assertValidation,
  assertSessionPayload,
  assertUser,
  assertList,
  listAll,
  signup,
  addUser,
  uniqueEmail,
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

test('owner adds a user with a password; that user can log in at once', async () => {
  const email = uniqueEmail('admin');
  const res = await owner.client.post('/api/v1/users', { name: 'Anna Admin', email, role: 'admin', password: 'secret123' });
  assertStatus(res, 201);
  assertUser(res.json.user);
  assert.equal(res.json.user.email, email);
  assert.equal(res.json.user.name, 'Anna Admin');
  assert.equal(res.json.user.role, 'admin');
  assert.equal(res.json.user.active, true);
  assert.equal(res.json.invitation_url, null);

  const c = server.client();
  const login = await c.login(email, 'secret123');
  assertStatus(login, 200);
  assertSessionPayload(login.json);
  assert.equal(login.json.role, 'admin');
  assert.equal(login.json.org.id, owner.payload.org.id);
  assert.equal(login.json.user.id, res.json.user.id);

  const got = await owner.client.get(`/api/v1/users/${res.json.user.id}`);
  assertStatus(got, 200);
  assert.deepEqual(got.json, res.json.user);

  const all = await listAll(owner.client, '/api/v1/users');
  assert.ok(all.some((u) => u.id === res.json.user.id));
  assert.ok(all.some((u) => u.id === owner.payload.user.id));
  all.forEach(assertUser);
});

test('without a password the user gets an invitation; accepting it sets the password and logs in', async () => {
  const email = uniqueEmail('master');
  const res = await owner.client.post('/api/v1/users', { name: 'Maria Master', email, role: 'master' });
  assertStatus(res, 201);
  assertUser(res.json.user);
  assert.equal(res.json.user.role, 'master');
  assert.equal(typeof res.json.invitation_url, 'string');
  const m = res.json.invitation_url.match(/^https?:\/\/[^/]+\/invite\/([A-Za-z0-9_-]{16,})$/);
  assert.ok(m, `invitation_url shape: ${res.json.invitation_url}`);
  const token = m[1];

  // Not usable for login before the invitation is accepted.
  assert.equal((await server.client().login(email, '')).status >= 400, true);

  const c = server.client();
  const accept = await c.post('/api/v1/auth/accept-invitation', { token, password: 'invited-pass-1' }, { csrf: false });
  assertStatus(accept, 200);
  assertSessionPayload(accept.json);
  assert.equal(accept.json.user.email, email);
  assert.equal(accept.json.role, 'master');
  assert.ok(c.session, 'accept-invitation sets the session cookie');
  const me = await c.get('/api/v1/me');
  assertStatus(me, 200);
  assert.equal(me.json.user.id, res.json.user.id);

  // The token is single-use.
  const again = await server.client().post('/api/v1/auth/accept-invitation', { token, password: 'other-pass-22' });
  assertProblem(again, 404, 'not-found');
  // The password set through the invitation works; the second attempt changed nothing.
  assertStatus(await server.client().login(email, 'invited-pass-1'), 200);
  assertProblem(await server.client().login(email, 'other-pass-22'), 401, 'invalid-credentials');
});

test('accept-invitation: unknown token is 404; short password is 422', async () => {
  assertProblem(
    await server.client().post('/api/v1/auth/accept-invitation', { token: 'Z'.repeat(32), password: 'whatever-1' }),
    404,
    'not-found',
  );
  const res = await owner.client.post('/api/v1/users', { name: 'Short', email: uniqueEmail('short'), role: 'master' });
  assertStatus(res, 201);
  const token = res.json.invitation_url.split('/').pop();
  assertValidation(await server.client().post('/api/v1/auth/accept-invitation', { token, password: 'short' }), {
    password: 'too_short',
  });
  assertValidation(await server.client().post('/api/v1/auth/accept-invitation', {}), ['token', 'password']);
  // The failed attempt did not burn the token.
  assertStatus(await server.client().post('/api/v1/auth/accept-invitation', { token, password: 'long-enough' }), 200);
});

test('adding a user: validation and duplicates', async () => {
  assertValidation(await owner.client.post('/api/v1/users', {}), {
    name: 'required',
    email: 'required',
    role: 'required',
  });
  assertValidation(
    await owner.client.post('/api/v1/users', { name: 'X', email: uniqueEmail('x'), role: 'superuser' }),
    { role: 'invalid_role' },
  );
  assertValidation(await owner.client.post('/api/v1/users', { name: 'X', email: 'nope', role: 'master' }), {
    email: 'invalid_email',
  });
  assertValidation(
    await owner.client.post('/api/v1/users', { name: 'X', email: uniqueEmail('x'), role: 'master', password: 'short' }),
    { password: 'too_short' },
  );
  assertProblem(
    await owner.client.post('/api/v1/users', { name: 'Dup', email: owner.email, role: 'admin', password: 'secret123' }),
    409,
    'email-taken',
  );
});

test('an admin may add admins and masters only', async () => {
  const admin = await addUser(server, owner.client, 'admin');
  assertProblem(
    await admin.client.post('/api/v1/users', { name: 'O', email: uniqueEmail('o'), role: 'owner', password: 'secret123' }),
    403,
    'forbidden',
  );
  assertProblem(
    await admin.client.post('/api/v1/users', { name: 'M', email: uniqueEmail('m'), role: 'manager', password: 'secret123' }),
    403,
    'forbidden',
  );
  const master = await admin.client.post('/api/v1/users', {
    name: 'Master by admin',
    email: uniqueEmail('m'),
    role: 'master',
    password: 'secret123',
  });
  assertStatus(master, 201);
  const admin2 = await admin.client.post('/api/v1/users', {
    name: 'Admin by admin',
    email: uniqueEmail('a'),
    role: 'admin',
    password: 'secret123',
  });
  assertStatus(admin2, 201);
  // An admin cannot touch an owner, nor promote anyone to owner.
  assertProblem(await admin.client.patch(`/api/v1/users/${owner.payload.user.id}`, { name: 'Renamed' }), 403, 'forbidden');
  assertProblem(await admin.client.delete(`/api/v1/users/${owner.payload.user.id}`), 403, 'forbidden');
  assertProblem(await admin.client.patch(`/api/v1/users/${master.json.user.id}`, { role: 'owner' }), 403, 'forbidden');
});

test('masters and managers have their limits', async () => {
  const master = await addUser(server, owner.client, 'master');
  assertProblem(await master.client.get('/api/v1/users'), 403, 'forbidden');
  assertProblem(
    await master.client.post('/api/v1/users', { name: 'X', email: uniqueEmail('x'), role: 'master', password: 'secret123' }),
    403,
    'forbidden',
  );
  assertProblem(await master.client.patch(`/api/v1/users/${master.user.id}`, { role: 'owner' }), 403, 'forbidden');

  const manager = await addUser(server, owner.client, 'manager');
  assertList(await manager.client.get('/api/v1/users'));
  assertProblem(
    await manager.client.post('/api/v1/users', { name: 'X', email: uniqueEmail('x'), role: 'master', password: 'secret123' }),
    403,
    'forbidden',
  );
  // Every role can see and edit itself through /me.
  assertStatus(await master.client.patch('/api/v1/me', { name: 'Renamed Master' }), 200);
});

test('owner changes a role; the change shows in the user and their session', async () => {
  const u = await addUser(server, owner.client, 'master');
  const res = await owner.client.patch(`/api/v1/users/${u.user.id}`, { role: 'manager' });
  assertStatus(res, 200);
  assertUser(res.json);
  assert.equal(res.json.role, 'manager');
  assert.equal(res.json.email, u.email);
  const me = await u.client.get('/api/v1/me');
  assertStatus(me, 200);
  assert.equal(me.json.role, 'manager');
  // Now allowed to list users.
  assertList(await u.client.get('/api/v1/users'));
  assertValidation(await owner.client.patch(`/api/v1/users/${u.user.id}`, { role: 'boss' }), { role: 'invalid_role' });
  assertValidation(await owner.client.patch(`/api/v1/users/${u.user.id}`, { active: 'no' }), { active: 'invalid_type' });
  const renamed = await owner.client.patch(`/api/v1/users/${u.user.id}`, { name: 'New Name' });
  assertStatus(renamed, 200);
  assert.equal(renamed.json.name, 'New Name');
  assert.equal(renamed.json.role, 'manager');
});

test('deactivating a user ends their sessions and their logins', async () => {
  const u = await addUser(server, owner.client, 'admin');
  assertStatus(await u.client.get('/api/v1/me'), 200);
  const res = await owner.client.delete(`/api/v1/users/${u.user.id}`);
  assertStatus(res, 200);
  assertUser(res.json);
  assert.equal(res.json.active, false);
  assert.equal(res.json.id, u.user.id);
  assertProblem(await u.client.get('/api/v1/me'), 401, 'unauthorized');
  const login = await server.client().login(u.email, u.password);
  assertProblem(login, 401);
  // Archived, not deleted: still readable by the owner.
  const got = await owner.client.get(`/api/v1/users/${u.user.id}`);
  assertStatus(got, 200);
  assert.equal(got.json.active, false);
  // Reactivation through PATCH lets them log in again.
  const back = await owner.client.patch(`/api/v1/users/${u.user.id}`, { active: true });
  assertStatus(back, 200);
  assert.equal(back.json.active, true);
  assertStatus(await server.client().login(u.email, u.password), 200);
});

test('PATCH active=false also revokes the sessions', async () => {
  const u = await addUser(server, owner.client, 'master');
  const res = await owner.client.patch(`/api/v1/users/${u.user.id}`, { active: false });
  assertStatus(res, 200);
  assert.equal(res.json.active, false);
  assertProblem(await u.client.get('/api/v1/me'), 401, 'unauthorized');
});

test('the last active owner can be neither demoted nor deactivated', async () => {
  const org = await signup(server);
  const me = org.payload.user.id;
  assertProblem(await org.client.patch(`/api/v1/users/${me}`, { role: 'admin' }), 409, 'conflict');
  assertProblem(await org.client.patch(`/api/v1/users/${me}`, { active: false }), 409, 'conflict');
  assertProblem(await org.client.delete(`/api/v1/users/${me}`), 409, 'conflict');
  assertStatus(await org.client.get('/api/v1/me'), 200);
  assert.equal((await org.client.get('/api/v1/me')).json.role, 'owner');

  // With a second owner the first may step down.
  const second = await addUser(server, org.client, 'owner');
  const demote = await org.client.patch(`/api/v1/users/${me}`, { role: 'admin' });
  assertStatus(demote, 200);
  assert.equal(demote.json.role, 'admin');
  // Now the second is the last owner.
  assertProblem(
    await second.client.patch(`/api/v1/users/${second.user.id}`, { role: 'manager' }),
    409,
    'conflict',
  );
});

test('unknown user ids are 404', async () => {
  assertProblem(await owner.client.get('/api/v1/users/999999999'), 404, 'not-found');
  assertProblem(await owner.client.patch('/api/v1/users/999999999', { name: 'X' }), 404, 'not-found');
  assertProblem(await owner.client.delete('/api/v1/users/999999999'), 404, 'not-found');
});

test('a non-numeric user id is 404 or 400, never 500', async () => {
  for (const id of ['abc', '1.5', '-1', '99999999999999999999999', '%00']) {
    const res = await owner.client.get(`/api/v1/users/${id}`);
    assert.ok([400, 404].includes(res.status), `GET /api/v1/users/${id}: ${res.status} ${res.text}`);
    assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
  }
});

test('users list paginates with limit and cursor', async () => {
  const org = await signup(server);
  for (let i = 0; i < 4; i++) {
    assertStatus(
      await org.client.post('/api/v1/users', {
        name: `Page ${i}`,
        email: uniqueEmail(`page${i}`),
        role: 'master',
        password: 'secret123',
      }),
      201,
    );
  }
  const seen = new Set();
  let cursor = null;
  let pages = 0;
  do {
    const res = await org.client.get('/api/v1/users?limit=2' + (cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''));
    const items = assertList(res);
    assert.ok(items.length <= 2);
    for (const u of items) {
      assert.ok(!seen.has(u.id), `user ${u.id} appears twice`);
      seen.add(u.id);
    }
    cursor = res.json.next_cursor;
    pages++;
  } while (cursor && pages < 10);
  assert.equal(seen.size, 5);
  assert.ok(pages >= 3);
});
