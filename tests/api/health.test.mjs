import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertStatus, assertRequestId } from '../lib/api.mjs';

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

test('GET /healthz answers 200 {"status":"ok"} without a session', async () => {
  const res = await server.client().get('/healthz');
  assertStatus(res, 200);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  assert.deepEqual(res.json, { status: 'ok' });
  assertRequestId(res);
});

test('X-Request-Id differs between requests', async () => {
  const c = server.client();
  const a = await c.get('/healthz');
  const b = await c.get('/healthz');
  assertRequestId(a);
  assertRequestId(b);
  assert.notEqual(a.headers.get('x-request-id'), b.headers.get('x-request-id'));
});

test('the server keeps answering many concurrent requests', async () => {
  const c = server.client();
  const all = await Promise.all(Array.from({ length: 50 }, () => c.get('/healthz')));
  for (const r of all) assertStatus(r, 200);
});
