import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertStatus, assertProblem, signup, uniqueEmail } from '../lib/api.mjs';

let server;
let a; // owner of org A
let b; // owner of org B
before(async () => {
  server = await startServer();
  a = await signup(server);
  b = await signup(server);
});
after(async () => {
  await server?.stop();
});

const writes = () => [
  ['PATCH', '/api/v1/me', { name: 'Changed' }],
  ['POST', '/api/v1/users', { name: 'New', email: uniqueEmail('csrf'), role: 'master', password: 'secret123' }],
  ['POST', '/api/v1/branches', { name: 'CSRF branch', timezone: 'Europe/Kyiv' }],
  ['POST', '/api/v1/auth/logout', undefined],
];

test('cookie-authenticated writes without X-CSRF-Token are 403 csrf-failed', async () => {
  for (const [method, path, json] of writes()) {
    const res = await a.client.request(method, path, { json, csrf: false });
    assertProblem(res, 403, 'csrf-failed');
  }
  // Nothing happened: still logged in, name unchanged, no branch added.
  const me = await a.client.get('/api/v1/me');
  assertStatus(me, 200);
  assert.notEqual(me.json.user.name, 'Changed');
  const branches = await a.client.get('/api/v1/branches');
  assert.ok(!branches.json.items.some((x) => x.name === 'CSRF branch'));
});

test('a wrong X-CSRF-Token is 403 csrf-failed', async () => {
  for (const token of ['wrong', 'x'.repeat(a.client.csrf.length), a.client.csrf + 'x', a.client.csrf.slice(1)]) {
    const res = await a.client.patch('/api/v1/me', { name: 'Changed' }, { csrf: token });
    assertProblem(res, 403, 'csrf-failed');
  }
  const empty = await a.client.patch('/api/v1/me', { name: 'Changed' }, { headers: { 'X-CSRF-Token': '' }, csrf: false });
  assertProblem(empty, 403, 'csrf-failed');
});

test("another session's CSRF token does not work", async () => {
  const res = await a.client.patch('/api/v1/me', { name: 'Changed' }, { csrf: b.client.csrf });
  assertProblem(res, 403, 'csrf-failed');
  // Even a second session of the same user has its own token.
  const a2 = server.client();
  assertStatus(await a2.login(a.email, a.password), 200);
  if (a2.csrf !== a.client.csrf) {
    assertProblem(await a.client.patch('/api/v1/me', { name: 'Changed' }, { csrf: a2.csrf }), 403, 'csrf-failed');
  }
});

test('the right token lets the write through', async () => {
  const res = await a.client.patch('/api/v1/me', { name: 'Right Token' });
  assertStatus(res, 200);
  assert.equal(res.json.user.name, 'Right Token');
});

test('reads need no CSRF token', async () => {
  assertStatus(await a.client.get('/api/v1/me', { csrf: false }), 200);
  assertStatus(await a.client.get('/api/v1/branches', { csrf: false }), 200);
});

test('login and signup need no CSRF token even with a stale cookie present', async () => {
  const c = a.client.clone();
  c.csrf = null;
  const res = await c.login(a.email, a.password);
  assertStatus(res, 200);
});
