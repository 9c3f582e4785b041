import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, parseSetCookie } from '../lib/server.mjs';
import {
  assertStatus,
  assertProblem,
  assertValidation,
  assertSessionPayload,
  signupBody,
  RFC3339,
} from '../lib/api.mjs';

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

test('signup creates an organization, its branch and owner, and a session', async () => {
  const c = server.client();
  const body = signupBody({ org_name: 'Studio Lileya', branch_name: 'Podil', timezone: 'Europe/Kyiv', currency: 'UAH' });
  const res = await c.post('/api/v1/signup', body);
  assertStatus(res, 201);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  const p = res.json;
  assertSessionPayload(p);
  assert.equal(p.role, 'owner');
  assert.equal(p.user.role, 'owner');
  assert.equal(p.user.email, body.email);
  assert.equal(p.user.name, body.name);
  assert.equal(p.user.active, true);
  assert.equal(p.org.name, 'Studio Lileya');
  assert.equal(p.org.currency, 'UAH');
  assert.equal(p.branches.length, 1);
  assert.equal(p.branches[0].name, 'Podil');
  assert.equal(p.branches[0].timezone, 'Europe/Kyiv');
  assert.equal(p.branches[0].currency, 'UAH');
  assert.match(p.org.created_at, RFC3339);

  // The session cookie is set and works at once.
  const sc = res.setCookies.map(parseSetCookie).find((x) => x.name === 'kvitka_session');
  assert.ok(sc, `kvitka_session cookie set: ${res.setCookies}`);
  assert.ok(sc.value.length >= 16, 'session token is long');
  assert.ok(sc.attrs.httponly, 'HttpOnly');
  assert.equal(String(sc.attrs.samesite).toLowerCase(), 'lax');
  assert.equal(sc.attrs.path, '/');

  const me = await c.get('/api/v1/me');
  assertStatus(me, 200);
  assertSessionPayload(me.json);
  assert.equal(me.json.user.id, p.user.id);
  assert.equal(me.json.org.id, p.org.id);
});

test('signup with an empty body names every required field', async () => {
  const res = await server.client().post('/api/v1/signup', {});
  assertValidation(res, {
    org_name: 'required',
    branch_name: 'required',
    timezone: 'required',
    currency: 'required',
    name: 'required',
    email: 'required',
    password: 'required',
  });
});

test('signup lists every bad field at once', async () => {
  const res = await server.client().post(
    '/api/v1/signup',
    signupBody({ email: 'not-an-email', timezone: 'Mars/Olympus_Mons', currency: 'QQQ', password: 'short' }),
  );
  assertValidation(res, {
    email: 'invalid_email',
    timezone: 'invalid_timezone',
    currency: 'invalid_currency',
    password: 'too_short',
  });
  assert.ok(!res.json.errors.some((e) => e.field === 'org_name'), 'valid fields are not listed');
});

test('a too-long value does not hide the other bad fields', async () => {
  const res = await server.client().post(
    '/api/v1/signup',
    signupBody({ email: 'not-an-email', timezone: 'Mars/Olympus_Mons', currency: 'DOLLARS', password: 'short' }),
  );
  assertValidation(res, {
    email: 'invalid_email',
    timezone: 'invalid_timezone',
    currency: ['invalid_currency', 'too_long'],
    password: 'too_short',
  });
});

test('signup: each invalid value on its own', async (t) => {
  const cases = [
    ['email', { email: 'a@' }, 'invalid_email'],
    ['email', { email: '' }, undefined],
    ['timezone', { timezone: 'Europe/Nowhere' }, 'invalid_timezone'],
    ['currency', { currency: 'XYZW' }, ['invalid_currency', 'too_long']],
    ['currency', { currency: 'UA' }, ['invalid_currency', 'too_short']],
    ['currency', { currency: 'QQQ' }, 'invalid_currency'],
    ['password', { password: '1234567' }, 'too_short'],
    ['org_name', { org_name: '' }, undefined],
    ['org_name', { org_name: 123 }, 'invalid_type'],
    ['password', { password: 12345678 }, 'invalid_type'],
    ['email', { email: null }, undefined],
  ];
  for (const [field, patch, code] of cases) {
    await t.test(`${field} = ${JSON.stringify(Object.values(patch)[0])}`, async () => {
      const res = await server.client().post('/api/v1/signup', signupBody(patch));
      assertValidation(res, { [field]: code });
    });
  }
});

test('a password of exactly 8 characters is accepted', async () => {
  const res = await server.client().post('/api/v1/signup', signupBody({ password: '12345678' }));
  assertStatus(res, 201);
});

test('Europe/Kiev is accepted and stored as Europe/Kyiv', async () => {
  const c = server.client();
  const res = await c.post('/api/v1/signup', signupBody({ timezone: 'Europe/Kiev' }));
  assertStatus(res, 201);
  assert.equal(res.json.branches[0].timezone, 'Europe/Kyiv');
  const branches = await c.get('/api/v1/branches');
  assertStatus(branches, 200);
  assert.equal(branches.json.items[0].timezone, 'Europe/Kyiv');
});

test('other currencies and time zones work (no country is assumed)', async () => {
  const res = await server.client().post(
    '/api/v1/signup',
    signupBody({ timezone: 'Europe/Warsaw', currency: 'PLN' }),
  );
  assertStatus(res, 201);
  assert.equal(res.json.org.currency, 'PLN');
  assert.equal(res.json.branches[0].timezone, 'Europe/Warsaw');
  assert.equal(res.json.branches[0].currency, 'PLN');
});

test('signing up twice with one email is 409 email-taken', async () => {
  const body = signupBody();
  const first = await server.client().post('/api/v1/signup', body);
  assertStatus(first, 201);
  const again = await server.client().post('/api/v1/signup', signupBody({ email: body.email }));
  assertProblem(again, 409, 'email-taken');
});

test('email uniqueness ignores letter case', async () => {
  const body = signupBody();
  assertStatus(await server.client().post('/api/v1/signup', body), 201);
  const again = await server.client().post('/api/v1/signup', signupBody({ email: body.email.toUpperCase() }));
  assertProblem(again, 409, 'email-taken');
});

test('signup needs no CSRF token and no session', async () => {
  const res = await server.client().post('/api/v1/signup', signupBody(), { csrf: false });
  assertStatus(res, 201);
});

test('validation messages follow Accept-Language; field codes do not', async () => {
  const en = await server.client({ lang: 'en' }).post('/api/v1/signup', signupBody({ password: 'x' }));
  const uk = await server.client({ lang: 'uk' }).post('/api/v1/signup', signupBody({ password: 'x' }));
  assertValidation(en, { password: 'too_short' });
  assertValidation(uk, { password: 'too_short' });
  assert.notEqual(en.json.title, uk.json.title, 'title is translated');
});
