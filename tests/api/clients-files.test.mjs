// Client files (upload, list, download, delete, type and size limits), merging two clients,
// personal data export and erasure (audited).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertStatus, assertProblem, assertValidation, listAll, signup, RFC3339 } from '../lib/api.mjs';
import {
  CLIENTS,
  createClient,
  getClient,
  createTag,
  allIds,
  assertClient,
  assert4xx,
  tinyJpeg,
  tinyPng,
  tinyPdf,
} from '../lib/clients.mjs';

let server;
let owner;
before(async () => {
  server = await startServer();
  owner = await signup(server);
});
after(async () => {
  await server?.stop();
});

const MiB = 1024 * 1024;

async function upload(clientId, data, contentType, { kind = 'document', filename = 'file.bin', who = owner.client } = {}) {
  const qs = new URLSearchParams({ kind, filename }).toString();
  return who.request('POST', `${CLIENTS}/${clientId}/files?${qs}`, { body: data, contentType, timeoutMs: 120_000 });
}

function assertFile(f) {
  const s = JSON.stringify(f);
  assert.ok(Number.isInteger(f.id), `file.id: ${s}`);
  assert.ok(['photo_before', 'photo_after', 'document', 'consent', 'other'].includes(f.kind), `file.kind: ${s}`);
  assert.equal(typeof f.filename, 'string');
  assert.equal(typeof f.content_type, 'string');
  assert.ok(Number.isInteger(f.size), `file.size: ${s}`);
  assert.match(f.created_at, RFC3339);
  assert.equal(typeof f.url, 'string');
}

test('upload jpeg, png and pdf; list; download the same bytes; delete', async () => {
  const c = await createClient(owner.client, { first_name: 'Фото' });
  const files = [
    [tinyJpeg(), 'image/jpeg', 'photo_before', 'до.jpg'],
    [tinyPng(), 'image/png', 'photo_after', 'after.png'],
    [tinyPdf(), 'application/pdf', 'consent', 'згода.pdf'],
  ];
  const made = [];
  for (const [data, type, kind, filename] of files) {
    const res = await upload(c.id, data, type, { kind, filename });
    assertStatus(res, 201, `upload ${type}`);
    assertFile(res.json);
    assert.equal(res.json.kind, kind);
    assert.equal(res.json.filename, filename);
    assert.equal(res.json.content_type, type);
    assert.equal(res.json.size, data.length);
    made.push({ ...res.json, data });
  }
  const list = await owner.client.get(`${CLIENTS}/${c.id}/files`);
  assertStatus(list, 200);
  assert.ok(Array.isArray(list.json.items));
  list.json.items.forEach(assertFile);
  assert.deepEqual(list.json.items.map((f) => f.id).sort(), made.map((f) => f.id).sort());

  for (const f of made) {
    const dl = await owner.client.get(`${CLIENTS}/${c.id}/files/${f.id}`);
    assertStatus(dl, 200, `download ${f.filename}`);
    assert.ok(dl.buffer.equals(f.data), `downloaded bytes of ${f.filename} equal the upload`);
    assert.equal((dl.headers.get('content-type') ?? '').split(';')[0], f.content_type);
    // The url the API gives points at the same bytes.
    if (f.url.startsWith('/')) {
      const viaUrl = await owner.client.get(f.url);
      assertStatus(viaUrl, 200);
      assert.ok(viaUrl.buffer.equals(f.data), 'file.url serves the bytes');
    }
    // Another (anonymous) browser cannot download it.
    assert.equal((await server.client().get(`${CLIENTS}/${c.id}/files/${f.id}`)).status, 401);
  }

  // A photo can become the client's photo.
  const withPhoto = await owner.client.patch(`${CLIENTS}/${c.id}`, { photo_file_id: made[0].id });
  assertStatus(withPhoto, 200);
  assert.equal(withPhoto.json.photo_file_id, made[0].id);

  const del = await owner.client.delete(`${CLIENTS}/${c.id}/files/${made[2].id}`);
  assertStatus(del, 204);
  assertProblem(await owner.client.get(`${CLIENTS}/${c.id}/files/${made[2].id}`), 404, 'not-found');
  assertProblem(await owner.client.delete(`${CLIENTS}/${c.id}/files/${made[2].id}`), 404, 'not-found');
  const after = await owner.client.get(`${CLIENTS}/${c.id}/files`);
  assert.deepEqual(after.json.items.map((f) => f.id).sort(), [made[0].id, made[1].id].sort());
});

test('a file of one client is not reachable through another client (404)', async () => {
  const a = await createClient(owner.client, { first_name: 'Власник' });
  const b = await createClient(owner.client, { first_name: 'Чужий' });
  const f = (await upload(a.id, tinyPng(), 'image/png', { kind: 'photo_before', filename: 'a.png' })).json;
  assertProblem(await owner.client.get(`${CLIENTS}/${b.id}/files/${f.id}`), 404, 'not-found');
  assertProblem(await owner.client.delete(`${CLIENTS}/${b.id}/files/${f.id}`), 404, 'not-found');
  assertStatus(await owner.client.get(`${CLIENTS}/${a.id}/files/${f.id}`), 200);
  assertProblem(await owner.client.get(`${CLIENTS}/99999999/files`), 404, 'not-found');
  assertProblem(await upload(99999999, tinyPng(), 'image/png'), 404, 'not-found');
  assertProblem(await owner.client.get(`${CLIENTS}/${a.id}/files/99999999`), 404, 'not-found');
});

test('other content types are 415; files over 10 MiB are 413; bad kinds and empty bodies are 4xx', async () => {
  const c = await createClient(owner.client, { first_name: 'Ліміти' });
  for (const type of ['text/plain', 'application/octet-stream', 'text/html', 'image/svg+xml', 'application/x-msdownload']) {
    assertProblem(await upload(c.id, Buffer.from('hello, not an image'), type, { filename: 'x.txt' }), 415, 'unsupported-media-type');
  }
  assertProblem(await upload(c.id, Buffer.from('no type')), 415, 'unsupported-media-type');
  const tooBig = Buffer.alloc(10 * MiB + 1, 0x41);
  tinyPng().copy(tooBig);
  assertProblem(await upload(c.id, tooBig, 'image/png', { filename: 'big.png' }), 413, 'payload-too-large');
  const exactly = Buffer.alloc(10 * MiB, 0x41);
  tinyPdf().copy(exactly);
  const ok = await upload(c.id, exactly, 'application/pdf', { filename: 'ten.pdf' });
  assertStatus(ok, 201, 'exactly 10 MiB is accepted');
  assert.equal(ok.json.size, 10 * MiB);
  const dl = await owner.client.get(`${CLIENTS}/${c.id}/files/${ok.json.id}`, { timeoutMs: 120_000 });
  assert.ok(dl.buffer.equals(exactly), '10 MiB round-trips');

  assert4xx(await upload(c.id, tinyJpeg(), 'image/jpeg', { kind: 'selfie' }), 'kind=selfie');
  assert4xx(await owner.client.request('POST', `${CLIENTS}/${c.id}/files?kind=document&filename=e.pdf`, { body: Buffer.alloc(0), contentType: 'application/pdf' }), 'empty body');
  // Filenames are data, never paths or headers.
  for (const filename of ['../../../etc/passwd.jpg', 'a\r\nSet-Cookie: pwned=1.jpg', 'лапки"і;крапка.jpg']) {
    const res = await upload(c.id, tinyJpeg(), 'image/jpeg', { filename });
    assert.ok(res.status === 201 || (res.status >= 400 && res.status < 500), `filename ${JSON.stringify(filename)}: ${res.status} ${res.text}`);
    if (res.status === 201) {
      const d = await owner.client.get(`${CLIENTS}/${c.id}/files/${res.json.id}`);
      assertStatus(d, 200);
      assert.ok(d.buffer.equals(tinyJpeg()));
      assert.ok(!d.setCookies.some((x) => x.startsWith('pwned')), 'no header injection through the filename');
    }
  }
  const list = await owner.client.get(`${CLIENTS}/${c.id}/files`);
  assert.ok(list.json.items.every((f) => f.size <= 10 * MiB));
});

test('merge: the target keeps the phones, tags, files and notes of the source; the source is archived', async () => {
  const tA = await createTag(owner.client, 'Злиття A', '#111111');
  const tB = await createTag(owner.client, 'Злиття B', '#222222');
  const target = await createClient(owner.client, {
    first_name: 'Ганна', last_name: 'Ціль', phones: ['+380931230001'], notes: 'Нотатка цілі', tag_ids: [tA.id],
  });
  const source = await createClient(owner.client, {
    first_name: 'Ганна', last_name: 'Дубль', phones: ['+380931230002'], email: 'hanna@example.com', notes: 'Нотатка дубля',
    tag_ids: [tB.id],
  });
  const fT = (await upload(target.id, tinyPng(), 'image/png', { kind: 'photo_before', filename: 't.png' })).json;
  const fS = (await upload(source.id, tinyJpeg(), 'image/jpeg', { kind: 'photo_after', filename: 's.jpg' })).json;

  const res = await owner.client.post(`${CLIENTS}/${target.id}/merge`, { source_id: source.id });
  assertStatus(res, 200);
  assertClient(res.json);
  const m = res.json;
  assert.equal(m.id, target.id);
  assert.equal(m.archived, false);
  assert.equal(m.phones[0], '+380931230001', 'the target keeps its primary phone');
  assert.deepEqual([...m.phones].sort(), ['+380931230001', '+380931230002']);
  assert.deepEqual(m.tags.map((t) => t.id).sort(), [tA.id, tB.id].sort());
  assert.ok(m.notes.includes('Нотатка цілі') && m.notes.includes('Нотатка дубля'), `notes appended: ${m.notes}`);
  assert.equal(m.email, 'hanna@example.com', 'an empty field of the target is filled from the source');
  assert.equal(m.last_name, 'Ціль', 'the target keeps its own name');
  assert.equal(m.stats.visits, 0);

  const files = await owner.client.get(`${CLIENTS}/${target.id}/files`);
  assert.deepEqual(files.json.items.map((f) => f.id).sort(), [fT.id, fS.id].sort(), 'the files moved');
  const moved = await owner.client.get(`${CLIENTS}/${target.id}/files/${fS.id}`);
  assertStatus(moved, 200);
  assert.ok(moved.buffer.equals(tinyJpeg()));

  const src = await getClient(owner.client, source.id);
  assert.equal(src.archived, true);
  assert.equal(src.merged_into_id, target.id);
  const srcFiles = await owner.client.get(`${CLIENTS}/${source.id}/files`);
  assertStatus(srcFiles, 200);
  assert.deepEqual(srcFiles.json.items, [], 'the source has no files left');
  assert.ok(!(await allIds(owner.client)).includes(source.id), 'the source left the list');
  assert.deepEqual(await allIds(owner.client, 'q=1230002'), [target.id], "the source's phone finds the target");
  const again = await owner.client.post(CLIENTS, { first_name: 'Третя', phones: ['0931230002'] });
  assert.equal(assertProblem(again, 409, 'phone-taken').existing_client.id, target.id);

  const entries = await listAll(owner.client, `/api/v1/audit?entity=client&entity_id=${target.id}`);
  assert.ok(entries.some((e) => /merge/.test(e.action)), `merge audited: ${entries.map((e) => e.action)}`);
});

test('bad merges are refused and change nothing', async () => {
  const a = await createClient(owner.client, { first_name: 'Сама', phones: ['+380931230010'] });
  assert4xx(await owner.client.post(`${CLIENTS}/${a.id}/merge`, { source_id: a.id }), 'merge into itself');
  const unknown = await owner.client.post(`${CLIENTS}/${a.id}/merge`, { source_id: 99999999 });
  if (unknown.status === 422) assertValidation(unknown, ['source_id']);
  else assertProblem(unknown, 404, 'not-found');
  assertProblem(await owner.client.post(`${CLIENTS}/99999999/merge`, { source_id: a.id }), 404, 'not-found');
  for (const body of [{}, { source_id: 'x' }, { source_id: null }, { source_id: [a.id] }]) {
    const res = await owner.client.post(`${CLIENTS}/${a.id}/merge`, body);
    assertStatus(res, 422, `merge body ${JSON.stringify(body)}`);
  }
  const b = await createClient(owner.client, { first_name: 'Друга' });
  assertStatus(await owner.client.post(`${CLIENTS}/${a.id}/merge`, { source_id: b.id }), 200);
  assert4xx(await owner.client.post(`${CLIENTS}/${a.id}/merge`, { source_id: b.id }), 'merging an already merged source again');
  assert4xx(await owner.client.post(`${CLIENTS}/${b.id}/merge`, { source_id: a.id }), 'merging into an archived client');
  const got = await getClient(owner.client, a.id);
  assert.equal(got.archived, false);
  assert.deepEqual(got.phones, ['+380931230010']);
});

test('personal data export: a JSON attachment with all of the client data, audited', async () => {
  const tag = await createTag(owner.client, 'Експорт ПД', '#333333');
  const c = await createClient(owner.client, {
    first_name: 'Дарина', last_name: 'Експортна', middle_name: 'Іванівна', phones: ['+380931230020'],
    email: 'daryna@example.com', birthday: '1991-03-08', notes: 'Особисті нотатки', tag_ids: [tag.id],
  });
  await upload(c.id, tinyJpeg(), 'image/jpeg', { kind: 'photo_before', filename: 'daryna.jpg' });
  const res = await owner.client.get(`${CLIENTS}/${c.id}/export`);
  assertStatus(res, 200);
  assert.match(res.headers.get('content-disposition') ?? '', /^attachment/i, 'Content-Disposition: attachment');
  assert.match(res.headers.get('content-type') ?? '', /json/);
  const data = JSON.parse(res.buffer.toString('utf8'));
  const text = JSON.stringify(data);
  for (const v of ['Дарина', 'Експортна', 'Іванівна', '+380931230020', 'daryna@example.com', '1991-03-08', 'Особисті нотатки', 'Експорт ПД', 'daryna.jpg']) {
    assert.ok(text.includes(v), `personal export has ${v}: ${text.slice(0, 600)}`);
  }
  const entries = await listAll(owner.client, `/api/v1/audit?entity=client&entity_id=${c.id}`);
  assert.ok(entries.some((e) => /export/.test(e.action)), `export audited: ${entries.map((e) => e.action)}`);
  assertProblem(await owner.client.get(`${CLIENTS}/99999999/export`), 404, 'not-found');
});

test('erase wipes personal fields, keeps the record, frees the phone, and is audited', async () => {
  const tag = await createTag(owner.client, 'Стерта', '#444444');
  const c = await createClient(owner.client, {
    first_name: 'Марта', last_name: 'Стирана', middle_name: 'Олегівна', phones: ['+380931230030', '+380931230031'],
    email: 'marta@example.com', birthday: '1980-01-02', gender: 'female', notes: 'Приватне', preferences: 'Чай',
    source: 'friend', tag_ids: [tag.id],
  });
  const res = await owner.client.post(`${CLIENTS}/${c.id}/erase`, {});
  assertStatus(res, 200);
  const e = res.json;
  assert.equal(e.id, c.id);
  assert.equal(e.first_name, '—');
  assert.deepEqual(e.phones, []);
  assert.equal(e.email, null);
  assert.equal(e.erased, true);
  assert.ok([null, ''].includes(e.last_name), `last_name wiped: ${e.last_name}`);
  assert.ok([null, ''].includes(e.middle_name), `middle_name wiped: ${e.middle_name}`);
  assert.equal(e.birthday, null);
  assert.ok([null, ''].includes(e.notes), `notes wiped: ${e.notes}`);
  assert.ok([null, ''].includes(e.preferences), `preferences wiped: ${e.preferences}`);
  for (const secret of ['Марта', 'Стирана', 'Олегівна', '1230030', 'marta@example.com', '1980-01-02', 'Приватне']) {
    assert.ok(!res.text.includes(secret), `erased client still shows ${secret}: ${res.text}`);
  }

  const got = await owner.client.get(`${CLIENTS}/${c.id}`);
  assertStatus(got, 200, 'the record is kept');
  assert.equal(got.json.first_name, '—');
  assert.equal(got.json.erased, true);
  assert.deepEqual(await allIds(owner.client, 'q=1230030&archived=true'), [], 'the old phone finds nobody');
  assert.deepEqual(await allIds(owner.client, `q=${encodeURIComponent('Стирана')}&archived=true`), [], 'the old name finds nobody');
  await createClient(owner.client, { first_name: 'Нова власниця', phones: ['+380931230030'] }, 'the phone is free again');

  const entries = await listAll(owner.client, `/api/v1/audit?entity=client&entity_id=${c.id}`);
  const erase = entries.find((x) => x.action === 'client.erase');
  assert.ok(erase, `GET /api/v1/audit shows client.erase: ${entries.map((x) => x.action)}`);
  assert.equal(erase.actor?.id, owner.payload.user.id);
  assert.ok(entries.length >= 2, 'earlier audit entries are kept');

  const exp = await owner.client.get(`${CLIENTS}/${c.id}/export`);
  if (exp.status === 200) {
    for (const secret of ['Стирана', 'marta@example.com', '1230031']) assert.ok(!exp.buffer.toString('utf8').includes(secret));
  }
  assertProblem(await owner.client.post(`${CLIENTS}/99999999/erase`, {}), 404, 'not-found');
});
