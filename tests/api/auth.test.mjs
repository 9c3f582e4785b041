import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, parseSetCookie } from '../lib/server.mjs';
import {
  assertStatus,
  assertProblem,
  assertValidation,
  assertSessionPayload,
  signup,
  uniqueEmail,
} from '../lib/api.mjs';

let server;
let owner; // {client, payload, email, password}
before(async () => {
  server = await startServer();
  owner = await signup(server);
});
after(async () => {
  await server?.stop();
});

test('login answers the session payload and sets an HttpOnly session cookie', async () => {
  const c = server.client();
  const res = await c.login(owner.email, owner.password);
  assertStatus(res, 200);
  assertSessionPayload(res.json);
  assert.equal(res.json.user.id, owner.payload.user.id);
  assert.equal(res.json.org.id, owner.payload.org.id);
  assert.equal(res.json.role, 'owner');
  const sc = res.setCookies.map(parseSetCookie).find((x) => x.name === 'kvitka_session');
  assert.ok(sc, `kvitka_session cookie: ${res.setCookies}`);
  assert.ok(sc.attrs.httponly, `HttpOnly: ${res.setCookies}`);
  assert.equal(String(sc.attrs.samesite).toLowerCase(), 'lax');
  assert.equal(sc.attrs.path, '/');
  assert.notEqual(sc.value, owner.client.session, 'every login gets its own session');

  const me = await c.get('/api/v1/me');
  assertStatus(me, 200);
  assertSessionPayload(me.json);
  assert.equal(me.json.user.email, owner.email);
  assert.equal(me.json.csrf_token, res.json.csrf_token, 'GET /me repeats the session csrf token');
});

test('login: email is matched regardless of letter case', async () => {
  const res = await server.client().login(owner.email.toUpperCase(), owner.password);
  assertStatus(res, 200);
});

test('wrong password and unknown email give identical 401 bodies', async () => {
  const wrong = await server.client().login(owner.email, 'wrong-password-1');
  const unknown = await server.client().login(uniqueEmail('nobody'), 'wrong-password-1');
  assertProblem(wrong, 401, 'invalid-credentials');
  assertProblem(unknown, 401, 'invalid-credentials');
  assert.equal(wrong.text, unknown.text, 'bodies are byte-identical');
  assert.equal(wrong.headers.get('content-type'), unknown.headers.get('content-type'));
  assert.equal(wrong.setCookies.length, 0, 'no cookie on failure');
});

test('login validation: missing fields are 422 naming them', async () => {
  assertValidation(await server.client().post('/api/v1/auth/login', {}), { email: 'required', password: 'required' });
  assertValidation(await server.client().post('/api/v1/auth/login', { email: owner.email }), {
    password: 'required',
  });
});

test('no session: GET /me is 401 unauthorized', async () => {
  assertProblem(await server.client().get('/api/v1/me'), 401, 'unauthorized');
});

test('a forged session cookie is 401', async () => {
  const c = server.client();
  c.cookies.set('kvitka_session', 'A'.repeat(43));
  assertProblem(await c.get('/api/v1/me'), 401, 'unauthorized');
  c.cookies.set('kvitka_session', '');
  assertProblem(await c.get('/api/v1/me'), 401, 'unauthorized');
  c.cookies.set('kvitka_session', "'; DROP TABLE users; --");
  assertProblem(await c.get('/api/v1/me'), 401, 'unauthorized');
});

test('logout revokes the session server-side and clears the cookie', async () => {
  const c = server.client();
  assertStatus(await c.login(owner.email, owner.password), 200);
  const stolen = c.clone(); // the same cookie kept elsewhere
  const res = await c.post('/api/v1/auth/logout');
  assertStatus(res, 204);
  assert.equal(res.text, '', '204 has no body');
  const cleared = res.setCookies.map(parseSetCookie).find((x) => x.name === 'kvitka_session');
  assert.ok(cleared, `logout sets a clearing cookie: ${res.setCookies}`);
  assert.ok(
    cleared.value === '' || cleared.attrs['max-age'] === '0' || Date.parse(cleared.attrs.expires) < Date.now(),
    `cookie is cleared: ${res.setCookies}`,
  );
  assert.equal(c.session, null);
  assertProblem(await c.get('/api/v1/me'), 401, 'unauthorized');
  // The old cookie value no longer works anywhere.
  assertProblem(await stolen.get('/api/v1/me'), 401, 'unauthorized');
  assertProblem(await stolen.patch('/api/v1/me', { name: 'Hacker' }), 401, 'unauthorized');
  // Other sessions of the same user are untouched.
  assertStatus(await owner.client.get('/api/v1/me'), 200);
});

test('logout without a session is 401', async () => {
  const res = await server.client().post('/api/v1/auth/logout');
  assert.ok([401, 403].includes(res.status), `got ${res.status} ${res.text}`);
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
});

test('PATCH /me changes name and locale and answers the session payload', async () => {
  const c = server.client();
  assertStatus(await c.login(owner.email, owner.password), 200);
  const res = await c.patch('/api/v1/me', { name: 'Oksana Petrenko', locale: 'uk' });
  assertStatus(res, 200);
  assertSessionPayload(res.json);
  assert.equal(res.json.user.name, 'Oksana Petrenko');
  assert.equal(res.json.user.locale, 'uk');
  const me = await c.get('/api/v1/me');
  assert.equal(me.json.user.name, 'Oksana Petrenko');
  assert.equal(me.json.user.locale, 'uk');
  const ru = await c.patch('/api/v1/me', { locale: 'ru' });
  assertStatus(ru, 200);
  assert.equal(ru.json.user.locale, 'ru');
  assert.equal(ru.json.user.name, 'Oksana Petrenko', 'absent fields are left alone');
});

test('PATCH /me rejects an unknown locale and a wrong type', async () => {
  const c = server.client();
  assertStatus(await c.login(owner.email, owner.password), 200);
  assertValidation(await c.patch('/api/v1/me', { locale: 'de' }), ['locale']);
  assertValidation(await c.patch('/api/v1/me', { name: 42 }), { name: 'invalid_type' });
  assertValidation(await c.patch('/api/v1/me', { name: '' }), ['name']);
});

test('a session payload never leaks secrets', async () => {
  const res = await owner.client.get('/api/v1/me');
  assertStatus(res, 200);
  assert.ok(!/argon2|password/i.test(res.text), `no password material: ${res.text}`);
});
