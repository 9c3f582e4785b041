// Two organizations on one server: neither sees or touches the other's clients, tags,
// segments, files or imports, and phones are unique per organization only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertStatus, assertProblem, listAll, signup } from '../lib/api.mjs';
import {
  CLIENTS,
  TAGS,
  SEGMENTS,
  SETTINGS,
  createClient,
  getClient,
  createTag,
  allIds,
  assert4xx,
  parseCsv,
  toCsv,
  tinyPng,
  itemsOf,
} from '../lib/clients.mjs';
import { readXlsx } from '../lib/xlsx.mjs';

let server;
let a; // org A owner
let b; // org B owner
let aClient;
let aTag;
let aSegment;
let aFile;
let bClient;

before(async () => {
  server = await startServer();
  a = await signup(server, { org_name: 'Clients A' });
  b = await signup(server, { org_name: 'Clients B' });
  aTag = await createTag(a.client, 'Тег А', '#e64980');
  aClient = await createClient(a.client, {
    first_name: 'Оксана', last_name: 'Альфа', phones: ['+380671237777'], email: 'oksana.a@example.com', tag_ids: [aTag.id],
    notes: 'секрет організації А',
  });
  const seg = await a.client.post(SEGMENTS, { name: 'Сегмент А', filter: { tag_ids: [aTag.id] } });
  assertStatus(seg, 201);
  aSegment = seg.json;
  const up = await a.client.request('POST', `${CLIENTS}/${aClient.id}/files?kind=photo_before&filename=a.png`, {
    body: tinyPng(),
    contentType: 'image/png',
  });
  assertStatus(up, 201);
  aFile = up.json;
  bClient = await createClient(b.client, { first_name: 'Богдана', last_name: 'Бета', phones: ['+380671238888'] });
});
after(async () => {
  await server?.stop();
});

async function aUntouched() {
  const c = await getClient(a.client, aClient.id);
  assert.equal(c.first_name, 'Оксана');
  assert.equal(c.archived, false);
  assert.deepEqual(c.phones, ['+380671237777']);
  assert.deepEqual(c.tags.map((t) => t.id), [aTag.id]);
  assert.ok(!c.erased);
}

test("org B cannot read, change, archive, merge, export or erase org A's client (404)", async () => {
  const id = aClient.id;
  assertProblem(await b.client.get(`${CLIENTS}/${id}`), 404, 'not-found');
  assertProblem(await b.client.patch(`${CLIENTS}/${id}`, { first_name: 'Зламано' }), 404, 'not-found');
  assertProblem(await b.client.delete(`${CLIENTS}/${id}`), 404, 'not-found');
  assertProblem(await b.client.post(`${CLIENTS}/${id}/merge`, { source_id: bClient.id }), 404, 'not-found');
  const mergeA = await b.client.post(`${CLIENTS}/${bClient.id}/merge`, { source_id: id });
  assert.ok([404, 422].includes(mergeA.status), `merging A's client into B's: ${mergeA.status} ${mergeA.text}`);
  if (mergeA.status === 422) assert.ok(mergeA.json.errors.some((e) => e.field === 'source_id'));
  else assertProblem(mergeA, 404, 'not-found');
  assertProblem(await b.client.get(`${CLIENTS}/${id}/export`), 404, 'not-found');
  assertProblem(await b.client.post(`${CLIENTS}/${id}/erase`, {}), 404, 'not-found');
  // Nor make A's client its referrer.
  assert4xx(await b.client.patch(`${CLIENTS}/${bClient.id}`, { referred_by_id: id }), "A's client as B's referrer");
  await aUntouched();
  const bc = await getClient(b.client, bClient.id);
  assert.equal(bc.archived, false);
  assert.equal(bc.referred_by_id, null);
  assert.deepEqual(bc.phones, ['+380671238888']);
});

test("org B cannot see or touch org A's files (404)", async () => {
  assertProblem(await b.client.get(`${CLIENTS}/${aClient.id}/files`), 404, 'not-found');
  assertProblem(await b.client.get(`${CLIENTS}/${aClient.id}/files/${aFile.id}`), 404, 'not-found');
  assertProblem(await b.client.get(`${CLIENTS}/${bClient.id}/files/${aFile.id}`), 404, 'not-found');
  assertProblem(await b.client.delete(`${CLIENTS}/${aClient.id}/files/${aFile.id}`), 404, 'not-found');
  assertProblem(await b.client.delete(`${CLIENTS}/${bClient.id}/files/${aFile.id}`), 404, 'not-found');
  const up = await b.client.request('POST', `${CLIENTS}/${aClient.id}/files?kind=other&filename=b.png`, {
    body: tinyPng(),
    contentType: 'image/png',
  });
  assertProblem(up, 404, 'not-found');
  assert4xx(await b.client.patch(`${CLIENTS}/${bClient.id}`, { photo_file_id: aFile.id }), "A's file as B's photo");
  const files = await a.client.get(`${CLIENTS}/${aClient.id}/files`);
  assert.deepEqual(files.json.items.map((f) => f.id), [aFile.id]);
  assert.ok((await a.client.get(`${CLIENTS}/${aClient.id}/files/${aFile.id}`)).buffer.equals(tinyPng()));
});

test("org B cannot see or use org A's tags (404)", async () => {
  const bTags = itemsOf(await b.client.get(TAGS));
  assert.ok(!bTags.some((t) => t.id === aTag.id || t.name === 'Тег А'), "B's tag list has A's tag");
  assertProblem(await b.client.patch(`${TAGS}/${aTag.id}`, { name: 'Зламано' }), 404, 'not-found');
  assertProblem(await b.client.delete(`${TAGS}/${aTag.id}`), 404, 'not-found');
  assert4xx(await b.client.patch(`${CLIENTS}/${bClient.id}`, { tag_ids: [aTag.id] }), "A's tag on B's client");
  assert4xx(await b.client.post(CLIENTS, { first_name: 'З тегом А', tag_ids: [aTag.id] }), "A's tag on a new B client");
  const byTag = await b.client.get(`${CLIENTS}?tag_ids=${aTag.id}`);
  if (byTag.status === 200) assert.deepEqual(byTag.json.items, [], "B filtering by A's tag lists nobody");
  else assert4xx(byTag, "B filtering by A's tag");
  const tags = itemsOf(await a.client.get(TAGS));
  const t = tags.find((x) => x.id === aTag.id);
  assert.equal(t.name, 'Тег А');
  assert.equal(t.clients, 1);
  assert.deepEqual((await getClient(b.client, bClient.id)).tags, []);
});

test("org B cannot see or use org A's segments (404)", async () => {
  const bSegs = itemsOf(await b.client.get(SEGMENTS));
  assert.ok(!bSegs.some((s) => s.id === aSegment.id), "B's segments list A's segment");
  assertProblem(await b.client.get(`${SEGMENTS}/${aSegment.id}`), 404, 'not-found');
  assertProblem(await b.client.patch(`${SEGMENTS}/${aSegment.id}`, { name: 'Зламано' }), 404, 'not-found');
  assertProblem(await b.client.delete(`${SEGMENTS}/${aSegment.id}`), 404, 'not-found');
  const list = await b.client.get(`${CLIENTS}?segment_id=${aSegment.id}`);
  assert4xx(list, "B listing A's segment");
  assert.ok(!list.text.includes('Оксана'));
  const exp = await b.client.get(`${CLIENTS}/export?format=csv&segment_id=${aSegment.id}`);
  assert4xx(exp, "B exporting A's segment");
  const seg = await a.client.get(`${SEGMENTS}/${aSegment.id}`);
  assertStatus(seg, 200);
  assert.equal(seg.json.name, 'Сегмент А');
});

test("org B's lists, searches and exports never contain org A's clients", async () => {
  const bIds = await allIds(b.client, 'archived=true');
  assert.ok(!bIds.includes(aClient.id));
  for (const query of ['', 'archived=true', `q=${encodeURIComponent('Оксана')}`, `q=${encodeURIComponent('альф')}`, 'q=7777',
    'q=0671237777', 'q=%2B380671237777', 'gender=female', `created_from=2000-01-01`]) {
    const items = await listAll(b.client, `${CLIENTS}${query ? '?' + query : ''}`);
    assert.ok(!items.some((c) => c.id === aClient.id), `B ?${query} lists A's client`);
    assert.ok(!JSON.stringify(items).includes('Оксана'), `B ?${query} mentions A's client`);
  }
  for (const format of ['csv', 'xlsx']) {
    const exp = await b.client.get(`${CLIENTS}/export?format=${format}`);
    assertStatus(exp, 200);
    const text = format === 'csv' ? exp.text : JSON.stringify(readXlsx(exp.buffer));
    assert.ok(!text.includes('Оксана') && !text.includes('671237777'), `B's ${format} export has A's client`);
    if (format === 'csv') assert.ok(parseCsv(exp.text).some((r) => r.includes('Богдана')), "B's export has B's client");
  }
  const count = await b.client.get(`${CLIENTS}?with_total=true`);
  assert.equal(count.json.total, 1);
});

test('phones are unique per organization, not across organizations', async () => {
  const res = await b.client.post(CLIENTS, { first_name: 'Та сама', phones: ['067 123 77 77'] });
  assertStatus(res, 201, "B may have a client with A's client's phone");
  assert.deepEqual(res.json.phones, ['+380671237777']);
  assert.deepEqual(await allIds(b.client, 'q=7777'), [res.json.id], "B's phone search finds only B's client");
  assert.deepEqual(await allIds(a.client, 'q=7777'), [aClient.id], "A's phone search finds only A's client");
  // A phone-taken answer never names another organization's client.
  const again = await b.client.post(CLIENTS, { first_name: 'Ще одна', phones: ['+380671237777'] });
  assertProblem(again, 409, 'phone-taken');
  assert.equal(again.json.existing_client.id, res.json.id);
  assertStatus(await b.client.delete(`${CLIENTS}/${res.json.id}`), 200);
});

test("org B cannot run org A's import and imports into its own organization only", async () => {
  const csv = toCsv([["Ім'я", 'Телефон'], ['Імпорт А', '0671239999']]);
  const p = await a.client.request('POST', `${CLIENTS}/import/preview?format=csv`, { body: Buffer.from(csv), contentType: 'text/csv' });
  assertStatus(p, 200);
  assertProblem(
    await b.client.post(`${CLIENTS}/import/${encodeURIComponent(p.json.import_id)}/run`, { mapping: p.json.mapping, on_duplicate: 'skip' }),
    404,
    'not-found',
  );
  assert.deepEqual(await allIds(b.client, 'q=1239999'), []);
  assert.deepEqual(await allIds(a.client, 'q=1239999'), [], 'the refused run imported nothing into A');
  const run = await a.client.post(`${CLIENTS}/import/${encodeURIComponent(p.json.import_id)}/run`, {
    mapping: p.json.mapping,
    on_duplicate: 'skip',
  });
  assertStatus(run, 200);
  assert.equal(run.json.created, 1);
  assert.equal((await allIds(a.client, 'q=1239999')).length, 1);
  assert.deepEqual(await allIds(b.client, 'q=1239999'), []);
});

test("settings are per organization; B's audit shows nothing of A's clients", async () => {
  assertStatus(await b.client.patch(SETTINGS, { name_order: 'last_first' }), 200);
  assert.equal((await getClient(a.client, aClient.id)).display_name, 'Оксана Альфа');
  assert.equal((await getClient(b.client, bClient.id)).display_name, 'Бета Богдана');
  assertStatus(await b.client.patch(SETTINGS, { name_order: 'first_last' }), 200);
  const audit = JSON.stringify(await listAll(b.client, '/api/v1/audit'));
  // (B has its own client with A's client's phone number, so the phone is no needle here.)
  for (const needle of ['Оксана', 'Альфа', 'oksana.a@example.com', 'Тег А', 'Сегмент А']) {
    assert.ok(!audit.includes(needle), `B's audit mentions ${needle}`);
  }
  assert.deepEqual(await allIds(b.client, `q=${encodeURIComponent('Оксана')}`), []);
  await aUntouched();
});
