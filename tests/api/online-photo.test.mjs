// Masters' photos for the booking page: PUT /staff/{id}/photo (raw image/jpeg|png|webp up to
// 5 MB, kManageStaff) -> staff JSON with photo_url; the public photo URL serves the same
// bytes for an online master only; wrong types and big files are refused; DELETE removes it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertStatus, assertProblem, addUser } from '../lib/api.mjs';
import { tinyPng, tinyJpeg } from '../lib/clients.mjs';
import { STAFF } from '../lib/staff.mjs';
import { startOnlineServer, setupOnlineSalon, setRules, getPublicBranch, anon, PUBLIC } from '../lib/online.mjs';

let server;
let s;

before(async () => {
  server = await startOnlineServer();
  s = await setupOnlineSalon(server);
});
after(async () => {
  await server?.stop();
});

const photoPath = (id) => `${STAFF}/${id}/photo`;
const upload = (client, id, bytes, type) => client.request('PUT', photoPath(id), { body: bytes, contentType: type });

async function staff(id) {
  const res = await s.c.get(`${STAFF}/${id}`);
  assertStatus(res, 200);
  return res.json;
}

test('upload a PNG: photo_url; the public URL serves the same bytes as image/png; the page lists it', async () => {
  await setRules(s);
  const png = tinyPng(3, 2);
  const res = await upload(s.c, s.anna.id, png, 'image/png');
  assertStatus(res, 200, 'PUT photo');
  assert.equal(res.json.id, s.anna.id, 'the staff JSON');
  const url = res.json.photo_url;
  assert.equal(typeof url, 'string', `photo_url: ${res.text.slice(0, 300)}`);
  assert.ok(url.startsWith(`${PUBLIC}/staff/${s.anna.id}/photo`), `photo_url: ${url}`);
  assert.match(url, /\?v=[^&]+$/, `photo_url has a version: ${url}`);
  assert.equal((await staff(s.anna.id)).photo_url, url, 'GET staff has it');
  const pub = await anon(server).get(url);
  assertStatus(pub, 200, 'public photo');
  assert.match(pub.headers.get('content-type') ?? '', /^image\/png/);
  assert.ok(pub.buffer.equals(png), 'the same bytes');
  const bare = await anon(server).get(`${PUBLIC}/staff/${s.anna.id}/photo`);
  assertStatus(bare, 200, 'without ?v');
  assert.ok(bare.buffer.equals(png));
  const page = await getPublicBranch(server, s.slug);
  assert.equal(page.json.masters.find((m) => m.id === s.anna.id).photo_url, url, 'the public page has the photo URL');
  assert.equal(page.json.masters.find((m) => m.id === s.bohdana.id).photo_url, null, 'Богдана has none');
  // A new photo gets a new URL (no stale caches) and replaces the old bytes.
  const jpg = tinyJpeg();
  const res2 = await upload(s.c, s.anna.id, jpg, 'image/jpeg');
  assertStatus(res2, 200, 'replace with a JPEG');
  assert.notEqual(res2.json.photo_url, url, 'a new version in the URL');
  const pub2 = await anon(server).get(res2.json.photo_url);
  assertStatus(pub2, 200);
  assert.match(pub2.headers.get('content-type') ?? '', /^image\/jpeg/);
  assert.ok(pub2.buffer.equals(jpg));
});

test('wrong types are 415 or 422, more than 5 MB is 413 or 422; nothing changes', async () => {
  const before = (await staff(s.bohdana.id)).photo_url;
  const cases = [
    ['text/plain', Buffer.from('hello'), [415, 422]],
    ['application/pdf', Buffer.from('%PDF-1.4\n'), [415, 422]],
    ['image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), [415, 422]],
    ['image/gif', Buffer.from('GIF89a'), [415, 422]],
    ['image/png', Buffer.alloc(0), [400, 415, 422]],
    ['image/png', Buffer.concat([tinyPng(), Buffer.alloc(5 * 1024 * 1024 + 10)]), [413, 422]],
  ];
  const failures = [];
  for (const [type, bytes, statuses] of cases) {
    const res = await upload(s.c, s.bohdana.id, bytes, type);
    if (!statuses.includes(res.status)) failures.push(`${type} ${bytes.length} bytes: ${res.status} ${res.text.slice(0, 200)}`);
  }
  assert.deepEqual(failures, [], failures.join('\n'));
  assert.equal((await staff(s.bohdana.id)).photo_url, before, 'photo unchanged');
});

test('DELETE: photo_url null, the public URL 404', async () => {
  const res = await upload(s.c, s.bohdana.id, tinyPng(), 'image/png');
  assertStatus(res, 200);
  const url = res.json.photo_url;
  assertStatus(await anon(server).get(url), 200);
  const del = await s.c.delete(photoPath(s.bohdana.id));
  assert.ok(del.status === 200 || del.status === 204, `DELETE photo: ${del.status} ${del.text.slice(0, 200)}`);
  if (del.status === 200) assert.equal(del.json.photo_url, null);
  assert.equal((await staff(s.bohdana.id)).photo_url, null);
  assert.equal((await anon(server).get(url)).status, 404, 'the old URL is gone');
  assert.equal((await anon(server).get(`${PUBLIC}/staff/${s.bohdana.id}/photo`)).status, 404);
  const again = await s.c.delete(photoPath(s.bohdana.id));
  assert.ok(again.status === 200 || again.status === 204 || again.status === 404, `DELETE twice: ${again.status}`);
});

test('the public photo is only for online masters; unknown masters 404', async () => {
  const res = await upload(s.c, s.offline.id, tinyPng(), 'image/png');
  assertStatus(res, 200, 'the offline master may have a photo');
  assert.equal((await anon(server).get(res.json.photo_url)).status, 404, 'but it is not public');
  assert.equal((await anon(server).get(`${PUBLIC}/staff/999999999/photo`)).status, 404);
  assert.equal((await anon(server).get(`${PUBLIC}/staff/abc/photo`)).status >= 400, true);
  // An online master going offline hides the photo; back online shows it.
  const anna = await upload(s.c, s.anna.id, tinyPng(), 'image/png');
  assertStatus(anna, 200);
  assertStatus(await s.c.patch(`${STAFF}/${s.anna.id}`, { online_booking: false }), 200);
  assert.equal((await anon(server).get(anna.json.photo_url)).status, 404, 'offline now');
  assertStatus(await s.c.patch(`${STAFF}/${s.anna.id}`, { online_booking: true }), 200);
  assertStatus(await anon(server).get(anna.json.photo_url), 200, 'online again');
});

test('who may upload: not a master (403), not anonymous (401), not another organization (404)', async () => {
  const master = await addUser(server, s.c, 'master');
  assertProblem(await upload(master.client, s.anna.id, tinyPng(), 'image/png'), 403);
  assertProblem(await master.client.delete(photoPath(s.anna.id)), 403);
  assertProblem(await upload(server.client(), s.anna.id, tinyPng(), 'image/png'), 401);
  const other = await setupOnlineSalon(server);
  assertProblem(await upload(other.c, s.anna.id, tinyPng(), 'image/png'), 404);
  assertProblem(await other.c.delete(photoPath(s.anna.id)), 404);
  assertProblem(await upload(s.c, 999999999, tinyPng(), 'image/png'), 404);
  const manager = await addUser(server, s.c, 'manager');
  assertStatus(await upload(manager.client, s.bohdana.id, tinyPng(), 'image/png'), 200, 'a manager may');
});
