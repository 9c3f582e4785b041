// Bad input never yields a 500, and every error is a problem+json with a request id.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import {
  assertStatus,
  assertProblem,
  assertValidation,
  assertRequestId,
  signup,
  signupBody,
} from '../lib/api.mjs';

let server;
let owner;
const seen = []; // every response of this file, checked for X-Request-Id and no 5xx at the end

function track(res, what) {
  seen.push({ what, status: res.status, id: res.headers.get('x-request-id'), ct: res.headers.get('content-type') });
  return res;
}

before(async () => {
  server = await startServer();
  owner = await signup(server);
});
after(async () => {
  await server?.stop();
});

async function raw(client, method, path, body, contentType, opts = {}) {
  return track(await client.request(method, path, { body, contentType, ...opts }), `${method} ${path}`);
}

test('malformed JSON is 400 malformed-json', async () => {
  const c = server.client();
  for (const body of ['{"email":', '{email: "x"}', "{'a':1}", '{"a":1,}', '', 'null', '[]', '"text"', '42', '{"a":1} trailing']) {
    const res = await raw(c, 'POST', '/api/v1/auth/login', body, 'application/json');
    assertProblem(res, 400, 'malformed-json');
  }
  // Also on an authenticated route.
  assertProblem(await raw(owner.client, 'PATCH', '/api/v1/me', '{"name": ', 'application/json'), 400, 'malformed-json');
});

test('wrong types are 422 naming the field', async () => {
  const c = server.client();
  const res = track(await c.post('/api/v1/auth/login', { email: 12345, password: 'whatever-1' }), 'login');
  assertValidation(res, { email: 'invalid_type' });
  const res2 = track(await c.post('/api/v1/auth/login', { email: 'a@b.cd', password: { x: 1 } }), 'login');
  assertValidation(res2, { password: 'invalid_type' });
  const res3 = track(await c.post('/api/v1/signup', signupBody({ name: true, timezone: 3 })), 'signup');
  assertValidation(res3, { name: 'invalid_type', timezone: 'invalid_type' });
});

test('missing fields are 422 naming the field', async () => {
  const res = track(await server.client().post('/api/v1/auth/login', { password: 'whatever-1' }), 'login');
  assertValidation(res, { email: 'required' });
});

test('a JSON body over 1 MiB is 413 payload-too-large', async () => {
  const big = JSON.stringify({ email: 'a@b.cd', password: 'x'.repeat(1024 * 1024 + 10) });
  let res;
  try {
    res = await raw(server.client(), 'POST', '/api/v1/auth/login', big, 'application/json');
  } catch (e) {
    assert.fail(`the server dropped the connection instead of answering 413: ${e.cause ?? e}`);
  }
  assertProblem(res, 413, 'payload-too-large');
  // Also when authenticated.
  const big2 = JSON.stringify({ name: 'n'.repeat(2 * 1024 * 1024) });
  assertProblem(await raw(owner.client, 'PATCH', '/api/v1/me', big2, 'application/json'), 413, 'payload-too-large');
  assertStatus(track(await server.client().get('/healthz'), 'healthz'), 200);
});

test('a body just under 1 MiB is not refused for its size', async () => {
  const body = JSON.stringify({ email: 'a@b.cd', password: 'x'.repeat(1000 * 1000) });
  const res = await raw(server.client(), 'POST', '/api/v1/auth/login', body, 'application/json');
  assert.ok([401, 422].includes(res.status), `${res.status} ${res.text.slice(0, 300)}`);
});

test('unknown routes are 404 problem+json', async () => {
  const c = server.client();
  for (const path of ['/api/v1/nope', '/api/v1/users/1/nope', '/api/v2/me', '/api/v1/']) {
    assertProblem(await raw(c, 'GET', path), 404, 'not-found');
  }
  assertProblem(await raw(owner.client, 'GET', '/api/v1/does-not-exist'), 404, 'not-found');
  assertProblem(await raw(owner.client, 'POST', '/api/v1/does-not-exist', '{}', 'application/json'), 404, 'not-found');
});

test('a wrong method is 405 with an Allow header', async () => {
  const check = async (client, method, path, allowed, body) => {
    const res = await raw(client, method, path, body, body === undefined ? undefined : 'application/json');
    assertProblem(res, 405, 'method-not-allowed');
    const allow = (res.headers.get('allow') ?? '').split(',').map((s) => s.trim().toUpperCase());
    for (const m of allowed) assert.ok(allow.includes(m), `Allow lists ${m}: ${res.headers.get('allow')}`);
    assert.ok(!allow.includes(method), `Allow does not list ${method}`);
  };
  await check(server.client(), 'POST', '/healthz', ['GET'], '{}');
  await check(server.client(), 'GET', '/api/v1/auth/login', ['POST']);
  await check(owner.client, 'PUT', '/api/v1/me', ['GET', 'PATCH'], '{}');
  await check(owner.client, 'DELETE', '/api/v1/me', ['GET', 'PATCH']);
  await check(owner.client, 'PUT', `/api/v1/users/${owner.payload.user.id}`, ['GET', 'PATCH', 'DELETE'], '{}');
});

test('a write with a non-JSON Content-Type is 415', async () => {
  const body = JSON.stringify({ email: 'a@b.cd', password: 'whatever-1' });
  for (const ct of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml']) {
    assertProblem(await raw(server.client(), 'POST', '/api/v1/auth/login', body, ct), 415, 'unsupported-media-type');
  }
  // No Content-Type at all with a body.
  const none = await raw(server.client(), 'POST', '/api/v1/auth/login', Buffer.from(body), undefined);
  assert.ok([415, 400].includes(none.status), `no content-type: ${none.status} ${none.text}`);
  // text/plain is what a cross-site form could send: the CSRF and media-type guards both hold.
  assertProblem(await raw(owner.client, 'PATCH', '/api/v1/me', JSON.stringify({ name: 'X' }), 'text/plain'), 415, 'unsupported-media-type');
  // JSON with a charset parameter is fine.
  const ok = await raw(server.client(), 'POST', '/api/v1/auth/login', JSON.stringify({ email: owner.email, password: owner.password }), 'application/json; charset=utf-8');
  assertStatus(ok, 200);
});

test('bad query parameters are 400 bad-request naming the parameter', async () => {
  for (const q of ['limit=0', 'limit=201', 'limit=ten', 'limit=1.5', 'limit=99999999999999999999999', 'limit=-1']) {
    for (const path of ['/api/v1/users', '/api/v1/branches', '/api/v1/audit']) {
      const res = await raw(owner.client, 'GET', `${path}?${q}`);
      const p = assertProblem(res, 400, 'bad-request');
      assert.ok(Array.isArray(p.errors) && p.errors.some((e) => e.field === 'limit'), `errors name limit: ${res.text}`);
    }
  }
});

test('hostile bodies never cause a 500 or a crash', async () => {
  const nested = (n) => '['.repeat(n) + ']'.repeat(n);
  const nestedObj = (n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
  const bodies = [
    nested(100000),
    nestedObj(50000),
    '{"email":"\\ud800","password":"12345678"}', // lone surrogate
    Buffer.from([0x7b, 0x22, 0x65, 0x6d, 0x61, 0x69, 0x6c, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), // invalid UTF-8
    '{"email":"a@b.cd","password":"12345678","email":"dup@b.cd"}',
    '{"email":"a\\u0000@b.cd","password":"12345678"}',
    '{"email":1e999,"password":"x"}',
    '{"email":-0,"password":[]}',
    JSON.stringify({ email: 'a'.repeat(100000) + '@b.cd', password: 'p'.repeat(100000) }),
    '\ufeff{"email":"a@b.cd","password":"12345678"}',
    '{"email":"a@b.cd","password":"12345678"}'.repeat(1000),
  ];
  const targets = [
    [server.client(), 'POST', '/api/v1/auth/login'],
    [server.client(), 'POST', '/api/v1/signup'],
    [server.client(), 'POST', '/api/v1/auth/accept-invitation'],
    [owner.client, 'PATCH', '/api/v1/me'],
    [owner.client, 'POST', '/api/v1/users'],
    [owner.client, 'POST', '/api/v1/branches'],
    [owner.client, 'PATCH', `/api/v1/users/${owner.payload.user.id}`],
    [owner.client, 'PATCH', `/api/v1/branches/${owner.payload.branches[0].id}`],
  ];
  for (const [client, method, path] of targets) {
    for (const body of bodies) {
      const res = await raw(client, method, path, body, 'application/json');
      assert.ok(res.status < 500, `${method} ${path} with ${String(body).slice(0, 40)}: ${res.status} ${res.text}`);
      if (res.status >= 400) assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
    }
  }
  assertStatus(track(await server.client().get('/healthz'), 'healthz'), 200);
  // The owner is still fine.
  assertStatus(track(await owner.client.get('/api/v1/me'), 'me'), 200);
});

test('strange paths and headers never cause a 500', async () => {
  const c = server.client();
  const paths = [
    '/api/v1/users/%2e%2e/%2e%2e/etc/passwd',
    '/api/v1/../../etc/passwd',
    '/api/v1/users/' + '9'.repeat(400),
    '/api/v1/users?limit=1&limit=2',
    '/api/v1/branches/%00',
    '/api/v1/me?' + 'x=1&'.repeat(500),
    '/' + 'a'.repeat(4000),
  ];
  for (const p of paths) {
    const res = await raw(owner.client, 'GET', p);
    assert.ok(res.status < 500, `GET ${p.slice(0, 60)}: ${res.status} ${res.text.slice(0, 200)}`);
  }
  const weird = [
    { Cookie: 'kvitka_session=' + 'x'.repeat(4000) },
    { Cookie: 'kvitka_session=a; kvitka_session=b' },
    { 'Accept-Language': 'zz-ZZ;q=abc, *;q=0' },
    { 'Accept-Language': 'uk-UA,uk;q=0.9,ru;q=0.8,en;q=0.7' },
    { 'X-CSRF-Token': 'x'.repeat(5000) },
  ];
  for (const h of weird) {
    const res = track(await c.request('GET', '/api/v1/me', { headers: h }), 'me');
    assert.ok(res.status < 500, `headers ${JSON.stringify(h).slice(0, 60)}: ${res.status} ${res.text}`);
  }
});

test('problem titles are localized by Accept-Language; codes are not', async () => {
  const titles = {};
  for (const lang of ['en', 'uk', 'ru']) {
    const res = track(await server.client({ lang }).get('/api/v1/nope'), 'nope');
    assertProblem(res, 404, 'not-found');
    titles[lang] = res.json.title;
  }
  assert.notEqual(titles.en, titles.uk);
  assert.notEqual(titles.en, titles.ru);
  assert.notEqual(titles.uk, titles.ru);
  const dflt = track(await server.client().get('/api/v1/nope'), 'nope');
  assert.equal(dflt.json.title, titles.en, 'default language is English');
  const fr = track(await server.client({ lang: 'fr-FR' }).get('/api/v1/nope'), 'nope');
  assert.equal(fr.json.title, titles.en, 'unknown languages fall back to English');
});

test('every response of this file had an X-Request-Id and no 5xx', () => {
  assert.ok(seen.length > 50);
  for (const s of seen) {
    assert.ok(s.id, `X-Request-Id missing on ${s.what} -> ${s.status}`);
    assert.ok(s.status < 500, `${s.what} -> ${s.status}`);
    if (s.status >= 400) assert.match(s.ct ?? '', /^application\/problem\+json/, `${s.what} -> ${s.status} ${s.ct}`);
  }
});

test('success responses carry X-Request-Id too', async () => {
  assertRequestId(await owner.client.get('/api/v1/me'));
  assertRequestId(await owner.client.get('/api/v1/users'));
  const c = server.client();
  assertRequestId(await c.login(owner.email, owner.password));
  assertRequestId(await c.post('/api/v1/auth/logout'));
});
