// Clients export: CSV and XLSX of a filtered list, columns in the user's language, and cells
// that a spreadsheet would run as formulas made harmless with a leading apostrophe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertStatus, signup } from '../lib/api.mjs';
import { CLIENTS, createClient, createTag, assertBadParam, assert4xx, parseCsv, XLSX_TYPE } from '../lib/clients.mjs';
import { readXlsx } from '../lib/xlsx.mjs';

let server;
let owner;
let tag;
const C = {};
before(async () => {
  server = await startServer();
  owner = await signup(server);
  tag = await createTag(owner.client, 'Експорт', '#fd7e14');
  const make = async (key, body) => (C[key] = await createClient(owner.client, body, key));
  await make('formula', {
    first_name: '=cmd', last_name: 'Формула', phones: ['+380671110001'], notes: '=HYPERLINK("http://x")', tag_ids: [tag.id],
    email: 'formula@example.com',
  });
  await make('plus', { first_name: '+Плюс', last_name: 'Плюсова', phones: ['+380671110002'], notes: '-мінус', tag_ids: [tag.id] });
  await make('at', { first_name: '@Равлик', last_name: 'Табова', notes: '\tтаб\r\nрядок', middle_name: '-Дефіс', tag_ids: [tag.id] });
  await make('plain', { first_name: 'Звичайна', last_name: 'Безтегова', phones: ['+380671110004'], notes: 'a=b, c+d' });
  await make('archived', { first_name: 'Стара', last_name: 'Архівна', tag_ids: [tag.id] });
  assertStatus(await owner.client.delete(`${CLIENTS}/${C.archived.id}`), 200);
});
after(async () => {
  await server?.stop();
});

const DANGEROUS = /^[=+\-@\t\r]/;

async function exportRows(format, query = '', lang = null) {
  const headers = lang ? { 'Accept-Language': lang } : {};
  const res = await owner.client.get(`${CLIENTS}/export?format=${format}${query ? '&' + query : ''}`, { headers });
  assertStatus(res, 200, `export ${format} ${query}`);
  assert.match(res.headers.get('content-disposition') ?? '', /^attachment/i);
  assert.match(res.headers.get('content-disposition') ?? '', new RegExp(`\\.${format}`, 'i'), 'file name extension');
  let rows;
  if (format === 'csv') {
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
    assert.doesNotThrow(() => new TextDecoder('utf-8', { fatal: true }).decode(res.buffer), 'CSV is UTF-8');
    rows = parseCsv(res.text);
  } else {
    assert.equal((res.headers.get('content-type') ?? '').split(';')[0], XLSX_TYPE);
    rows = readXlsx(res.buffer);
  }
  rows = rows.filter((r) => r.some((c) => c !== ''));
  return { header: rows[0], data: rows.slice(1) };
}

const rowOf = (data, lastName) => data.filter((r) => r.some((c) => c === lastName || c === `'${lastName}`));

for (const format of ['csv', 'xlsx']) {
  test(`${format}: the export holds exactly the filtered clients`, async () => {
    const tagged = await exportRows(format, `tag_ids=${tag.id}`);
    assert.equal(tagged.data.length, 3, `three tagged active clients: ${JSON.stringify(tagged.data)}`);
    for (const ln of ['Формула', 'Плюсова', 'Табова']) assert.equal(rowOf(tagged.data, ln).length, 1, `row of ${ln}`);
    for (const ln of ['Безтегова', 'Архівна']) assert.equal(rowOf(tagged.data, ln).length, 0, `no row of ${ln}`);

    const all = await exportRows(format);
    assert.equal(all.data.length, 4, 'every active client without filters');
    const archived = await exportRows(format, 'archived=true');
    assert.ok(rowOf(archived.data, 'Архівна').length === 1, 'archived=true exports the archived client');

    const byQ = await exportRows(format, `q=${encodeURIComponent('формул')}`);
    assert.equal(byQ.data.length, 1);
    assert.equal(rowOf(byQ.data, 'Формула').length, 1);
    const byPhone = await exportRows(format, 'q=1110004');
    assert.equal(byPhone.data.length, 1);
    assert.equal(rowOf(byPhone.data, 'Безтегова').length, 1);
    const none = await exportRows(format, 'gender=male');
    assert.equal(none.data.length, 0, 'an empty export still has its header');
    assert.ok(none.header.length >= 3);

    // The contact data is in the file.
    const row = rowOf(all.data, 'Формула')[0];
    assert.ok(row.some((c) => c.includes('380671110001') || c.includes('067 111 00 01')), `phone exported: ${row}`);
    assert.ok(row.some((c) => c === 'formula@example.com'), `email exported: ${row}`);
  });

  test(`${format}: cells starting with = + - @ tab or CR are prefixed with an apostrophe`, async () => {
    const { header, data } = await exportRows(format);
    for (const r of [header, ...data]) {
      for (const cell of r) assert.ok(!DANGEROUS.test(cell), `unsafe cell ${JSON.stringify(cell)} in ${JSON.stringify(r)}`);
    }
    const flat = data.flat();
    // What the server stored (it may trim names) is what must come out, made safe.
    for (const key of ['formula', 'plus', 'at']) {
      const stored = (await owner.client.get(`${CLIENTS}/${C[key].id}`)).json;
      for (const field of ['first_name', 'last_name', 'middle_name', 'notes']) {
        const v = stored[field];
        if (!v) continue;
        const want = DANGEROUS.test(v) ? `'${v}` : v;
        assert.ok(flat.includes(want), `${key}.${field} ${JSON.stringify(v)} exported as ${JSON.stringify(want)}: ${JSON.stringify(flat)}`);
      }
    }
    assert.ok(flat.includes(`'=cmd`), `"=cmd" exported as "'=cmd": ${JSON.stringify(flat)}`);
    assert.ok(flat.includes(`'=HYPERLINK("http://x")`), 'the HYPERLINK note is escaped');
    assert.ok(flat.includes('a=b, c+d'), 'harmless cells are untouched');
    assert.ok(flat.includes('Звичайна'), 'plain names are untouched');
  });

  test(`${format}: columns are in the user's language (the interface language the web app sends)`, async () => {
    const en = await exportRows(format, '', 'en');
    assert.ok(en.header.some((h) => /phone/i.test(h)), `English header: ${en.header}`);
    assert.ok(en.header.some((h) => /first name|name/i.test(h)), `English header: ${en.header}`);
    const uk = await exportRows(format, '', 'uk');
    assert.ok(uk.header.some((h) => /телефон/i.test(h)), `Ukrainian header: ${uk.header}`);
    assert.ok(uk.header.some((h) => /ім.я/i.test(h)), `Ukrainian header: ${uk.header}`);
    const ru = await exportRows(format, '', 'ru-RU,ru;q=0.9');
    assert.ok(ru.header.some((h) => /телефон/i.test(h)), `Russian header: ${ru.header}`);
    assert.ok(ru.header.some((h) => /имя/i.test(h)), `Russian header: ${ru.header}`);
    assert.equal(en.data.length, uk.data.length);
  });
}

test('bad export parameters are 400 naming the parameter', async () => {
  assertBadParam(await owner.client.get(`${CLIENTS}/export?format=pdf`), 'format');
  assert4xx(await owner.client.get(`${CLIENTS}/export`), 'export without a format');
  assertBadParam(await owner.client.get(`${CLIENTS}/export?format=csv&gender=x`), 'gender');
  assertBadParam(await owner.client.get(`${CLIENTS}/export?format=xlsx&age_min=abc`), 'age_min');
  assertBadParam(await owner.client.get(`${CLIENTS}/export?format=csv&tag_ids=a`), 'tag_ids');
  assert4xx(await owner.client.get(`${CLIENTS}/export?format=csv&segment_id=99999999`), 'unknown segment');
  assert.equal((await server.client().get(`${CLIENTS}/export?format=csv`)).status, 401);
});
