// The journal's ETag: an unchanged journal is a 304 without a body; any change the journal
// shows gives a new tag (the server keeps the rendered journal while the organization's journal
// stamp, bumped by the database, stays the same).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertStatus } from '../lib/api.mjs';
import { JOURNAL, setupSalon, book, oneItem, at, future } from '../lib/booking.mjs';

let server;
let s;

before(async () => {
  server = await startServer();
  s = await setupSalon(server);
});
after(async () => {
  await server?.stop();
});

test('journal: 304 while unchanged, 200 with a new ETag after a booking', async () => {
  const date = future(5);
  const url = `${JOURNAL}?branch_id=${s.branch.id}&date=${date}`;
  const first = await s.c.get(url);
  assertStatus(first, 200);
  const tag = first.headers.get('etag');
  assert.match(tag, /^"[0-9a-f]+-\d+-[0-9a-f]+"$/);
  assert.equal(first.headers.get('cache-control'), 'private, no-cache');

  const same = await s.c.get(url, { headers: { 'If-None-Match': tag } });
  assertStatus(same, 304);
  assert.equal(same.text, '');
  assert.equal(same.headers.get('etag'), tag);
  const other = await s.c.get(url, { headers: { 'If-None-Match': '"something-else"' } });
  assertStatus(other, 200);
  assert.deepEqual(other.json, first.json);

  await book(s.c, oneItem(s, { start: at(date, '10:00') }));
  const changed = await s.c.get(url, { headers: { 'If-None-Match': tag } });
  assertStatus(changed, 200);
  assert.notEqual(changed.headers.get('etag'), tag);
  assert.equal(changed.json.appointments.length, first.json.appointments.length + 1);
});
