// Clients import: preview of CSV (comma, semicolon, UTF-8 BOM, cp1251) and XLSX with the
// columns mapped from uk/ru/en headers; run with on_duplicate skip/update and dry_run;
// rejected rows reported by spreadsheet row number; unreadable files change nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertStatus, assertProblem, listAll, signup } from '../lib/api.mjs';
import {
  CLIENTS,
  createClient,
  getClient,
  createTag,
  allIds,
  assert4xx,
  toCsv,
  encodeCp1251,
  XLSX_TYPE,
} from '../lib/clients.mjs';
import { buildXlsx, zip } from '../lib/xlsx.mjs';

let server;
let owner;
let vip;
before(async () => {
  server = await startServer();
  owner = await signup(server);
  vip = await createTag(owner.client, 'VIP', '#e64980');
});
after(async () => {
  await server?.stop();
});

const IMPORT = `${CLIENTS}/import`;

async function preview(body, format, who = owner.client) {
  const contentType = format === 'xlsx' ? XLSX_TYPE : 'text/csv';
  return who.request('POST', `${IMPORT}/preview?format=${format}`, { body, contentType });
}

async function previewOk(body, format) {
  const res = await preview(body, format);
  assertStatus(res, 200, `import preview (${format})`);
  const p = res.json;
  assert.equal(typeof p.import_id, 'string');
  assert.ok(p.import_id.length >= 16, 'import_id is not guessable');
  assert.ok(Array.isArray(p.columns));
  assert.ok(Array.isArray(p.rows));
  assert.ok(Number.isInteger(p.total_rows));
  assert.ok(p.mapping && typeof p.mapping === 'object');
  return p;
}

async function run(importId, body, who = owner.client) {
  return who.post(`${IMPORT}/${encodeURIComponent(importId)}/run`, body);
}

async function runOk(importId, body) {
  const res = await run(importId, { on_duplicate: 'skip', dry_run: false, ...body });
  assertStatus(res, 200, 'import run');
  for (const k of ['created', 'updated', 'skipped']) assert.ok(Number.isInteger(res.json[k]), `${k}: ${res.text}`);
  assert.ok(Array.isArray(res.json.rejected), `rejected: ${res.text}`);
  return res.json;
}

async function findByPhone(client, digits) {
  const items = await listAll(client, `${CLIENTS}?q=${encodeURIComponent(digits)}`);
  return items;
}

test('CSV (comma, Ukrainian headers): preview maps the columns, run imports the good rows and reports the bad ones', async () => {
  const rows = [
    ["Ім'я", 'Прізвище', 'Телефон', 'Email', 'День народження', 'Стать', 'Примітка', 'Теги', 'Джерело'],
    ['Олена', 'Імпортна', '067 555 01 01', 'olena.import@example.com', '1990-05-17', 'female', 'Любить каву, без цукру', 'VIP', 'instagram'],
    ['Ігор', 'Другий', '+38 (050) 555-01-02', '', '', 'male', '', '', ''],
    ['Поганий', 'Телефон', '12345', '', '', '', '', '', ''],
    ['', 'БезІмені', '0675550104', '', '', '', '', '', ''],
    ['Погана', 'Пошта', '0675550105', 'not-an-email', '', '', '', '', ''],
  ];
  const p = await previewOk(Buffer.from(toCsv(rows, ','), 'utf8'), 'csv');
  assert.deepEqual(p.columns, rows[0]);
  assert.equal(p.total_rows, 5);
  assert.deepEqual(p.rows, rows.slice(1), 'preview rows are the data rows, quoted cells intact');
  assert.deepEqual(p.mapping, {
    0: 'first_name', 1: 'last_name', 2: 'phones', 3: 'email', 4: 'birthday', 5: 'gender', 6: 'notes', 7: 'tags', 8: 'source',
  });
  // A preview changes nothing.
  assert.deepEqual(await findByPhone(owner.client, '5550101'), []);

  const r = await runOk(p.import_id, { mapping: p.mapping, on_duplicate: 'skip' });
  assert.equal(r.created, 2, JSON.stringify(r));
  assert.equal(r.updated, 0);
  assert.equal(r.skipped, 0);
  const rejected = Object.fromEntries(r.rejected.map((x) => [x.row, x.errors]));
  assert.deepEqual(Object.keys(rejected).map(Number).sort(), [4, 5, 6], `rejected spreadsheet rows (header is row 1): ${JSON.stringify(r.rejected)}`);
  for (const x of r.rejected) {
    assert.ok(Array.isArray(x.errors) && x.errors.length > 0);
    for (const e of x.errors) assert.ok(typeof e.field === 'string' && typeof e.code === 'string', JSON.stringify(e));
  }
  assert.ok(rejected[4].some((e) => /^phones/.test(e.field) && e.code === 'invalid_phone'), JSON.stringify(rejected[4]));
  assert.ok(rejected[5].some((e) => e.field === 'first_name' && e.code === 'required'), JSON.stringify(rejected[5]));
  assert.ok(rejected[6].some((e) => e.field === 'email' && e.code === 'invalid_email'), JSON.stringify(rejected[6]));

  const [olena] = await findByPhone(owner.client, '5550101');
  assert.ok(olena, 'Олена imported');
  assert.equal(olena.first_name, 'Олена');
  assert.equal(olena.last_name, 'Імпортна');
  assert.deepEqual(olena.phones, ['+380675550101']);
  assert.equal(olena.email, 'olena.import@example.com');
  assert.equal(olena.birthday, '1990-05-17');
  assert.equal(olena.gender, 'female');
  assert.equal(olena.notes, 'Любить каву, без цукру');
  assert.equal(olena.source, 'instagram');
  assert.deepEqual(olena.tags.map((t) => t.id), [vip.id]);
  const [ihor] = await findByPhone(owner.client, '5550102');
  assert.equal(ihor?.first_name, 'Ігор');
  assert.deepEqual(ihor.phones, ['+380505550102']);
  // Rejected rows are not half-written.
  assert.deepEqual(await findByPhone(owner.client, '5550104'), []);
  assert.deepEqual(await findByPhone(owner.client, '5550105'), []);
  assert.deepEqual(await allIds(owner.client, `q=${encodeURIComponent('Поганий')}`), []);
});

test('CSV with semicolons, a UTF-8 BOM, CRLF and Russian headers', async () => {
  const rows = [
    ['Имя', 'Фамилия', 'Отчество', 'Телефон', 'Почта', 'Дата рождения', 'Пол', 'Заметки'],
    ['Ольга', 'Семиколонова', 'Ивановна', '0505550201', 'olga.semi@example.com', '17.05.1985', 'female', 'Заметка; с точкой с запятой'],
    ['Пётр', 'Второй', '', '8 050 555 02 02', '', '', 'male', ''],
  ];
  const text = '\uFEFF' + toCsv(rows, ';', '\r\n');
  const p = await previewOk(Buffer.from(text, 'utf8'), 'csv');
  assert.deepEqual(p.columns, rows[0], 'the BOM is not part of the first header');
  assert.deepEqual(p.rows, rows.slice(1));
  assert.equal(p.total_rows, 2);
  assert.deepEqual(p.mapping, {
    0: 'first_name', 1: 'last_name', 2: 'middle_name', 3: 'phones', 4: 'email', 5: 'birthday', 6: 'gender', 7: 'notes',
  });
  const r = await runOk(p.import_id, { mapping: p.mapping });
  assert.equal(r.created, 2, JSON.stringify(r));
  assert.deepEqual(r.rejected, []);
  const [olga] = await findByPhone(owner.client, '5550201');
  assert.equal(olga.first_name, 'Ольга');
  assert.equal(olga.middle_name, 'Ивановна');
  assert.equal(olga.birthday, '1985-05-17', 'DD.MM.YYYY birthdays are read');
  assert.equal(olga.notes, 'Заметка; с точкой с запятой');
  const [petr] = await findByPhone(owner.client, '5550202');
  assert.equal(petr.first_name, 'Пётр');
});

test('a cp1251-encoded CSV (Excel in a Ukrainian locale) is decoded', async () => {
  const text = toCsv(
    [
      ["Ім'я", 'Прізвище', 'Телефон', 'Примітка'],
      ['Світлана', 'Їжакевич', '0635550301', 'Ґанок, є ключ'],
      ['Євген', 'Ґудзь', '0635550302', ''],
    ],
    ';',
  );
  const bytes = encodeCp1251(text);
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'the fixture is not valid UTF-8');
  const p = await previewOk(bytes, 'csv');
  assert.deepEqual(p.columns, ["Ім'я", 'Прізвище', 'Телефон', 'Примітка']);
  assert.deepEqual(p.rows[0], ['Світлана', 'Їжакевич', '0635550301', 'Ґанок, є ключ']);
  assert.deepEqual(p.mapping, { 0: 'first_name', 1: 'last_name', 2: 'phones', 3: 'notes' });
  const r = await runOk(p.import_id, { mapping: p.mapping });
  assert.equal(r.created, 2, JSON.stringify(r));
  const [s] = await findByPhone(owner.client, '5550301');
  assert.equal(s.first_name, 'Світлана');
  assert.equal(s.last_name, 'Їжакевич');
  assert.equal(s.notes, 'Ґанок, є ключ');
  assert.deepEqual(await allIds(owner.client, `q=${encodeURIComponent('ґудз')}`), [(await findByPhone(owner.client, '5550302'))[0].id]);
});

test('XLSX with English headers, numeric phone cells and an ignored column', async () => {
  const rows = [
    ['Name', 'Last name', 'Mobile', 'Email', 'Birthday', 'Gender', 'Notes', 'Tags', 'Source', 'Internal code'],
    ['Emma', 'Sheet', 380665550401, 'emma@example.com', '1993-11-30', 'female', 'From xlsx', 'VIP', 'google_maps', 'X-1'],
    ['Oscar', 'Numeric', '0665550402', null, null, 'male', null, null, null, 'X-2'],
    ['Bad', 'Row', 'phone?', null, null, null, null, null, null, 'X-3'],
  ];
  const p = await previewOk(buildXlsx(rows), 'xlsx');
  assert.deepEqual(p.columns, rows[0]);
  assert.equal(p.total_rows, 3);
  assert.equal(String(p.rows[0][2]).replace(/\.0+$/, ''), '380665550401', 'a numeric cell reads as its digits');
  assert.equal(p.rows[1][0], 'Oscar');
  const { 9: internal, ...mapped } = p.mapping;
  assert.deepEqual(mapped, {
    0: 'first_name', 1: 'last_name', 2: 'phones', 3: 'email', 4: 'birthday', 5: 'gender', 6: 'notes', 7: 'tags', 8: 'source',
  });
  assert.ok(internal === undefined || internal === 'ignore', `an unknown header maps to ignore: ${internal}`);
  const r = await runOk(p.import_id, { mapping: { ...mapped, 9: 'ignore' } });
  assert.equal(r.created, 2, JSON.stringify(r));
  assert.deepEqual(r.rejected.map((x) => x.row), [4]);
  const [emma] = await findByPhone(owner.client, '5550401');
  assert.deepEqual(emma.phones, ['+380665550401']);
  assert.equal(emma.email, 'emma@example.com');
  assert.equal(emma.birthday, '1993-11-30');
  assert.equal(emma.source, 'google_maps');
  assert.deepEqual(emma.tags.map((t) => t.name), ['VIP']);
  assert.ok(!JSON.stringify(emma).includes('X-1'), 'the ignored column is not imported');
  const [oscar] = await findByPhone(owner.client, '5550402');
  assert.deepEqual(oscar.phones, ['+380665550402']);
});

test('a hand-made mapping: full_name is split into name parts; ignore skips a column', async () => {
  const rows = [
    ['ПІБ', 'Контакт', 'Щось'],
    ['Коваленко Олена Петрівна', '0955550501', 'не імпортувати'],
    ['Андрій Мельник', '0955550502', 'теж ні'],
  ];
  const p = await previewOk(Buffer.from(toCsv(rows), 'utf8'), 'csv');
  const r = await runOk(p.import_id, { mapping: { 0: 'full_name', 1: 'phones', 2: 'ignore' } });
  assert.equal(r.created, 2, JSON.stringify(r));
  const [c] = await findByPhone(owner.client, '5550501');
  assert.deepEqual(
    [c.first_name, c.last_name, c.middle_name].sort(),
    ['Коваленко', 'Олена', 'Петрівна'].sort(),
    `the three words land in the three name fields: ${JSON.stringify(c)}`,
  );
  assert.ok(c.first_name.length > 0);
  assert.ok(!JSON.stringify(c).includes('не імпортувати'));
  const [d] = await findByPhone(owner.client, '5550502');
  assert.deepEqual([d.first_name, d.last_name].sort(), ['Андрій', 'Мельник'].sort());
});

test('the preview shows the first 10 rows and counts them all', async () => {
  const rows = [["Ім'я", 'Телефон']];
  for (let i = 0; i < 25; i++) rows.push([`Рядок ${i}`, `09677707${String(i).padStart(2, '0')}`]);
  const p = await previewOk(Buffer.from(toCsv(rows), 'utf8'), 'csv');
  assert.equal(p.total_rows, 25);
  assert.equal(p.rows.length, 10);
  assert.deepEqual(p.rows, rows.slice(1, 11));
  const r = await runOk(p.import_id, { mapping: p.mapping });
  assert.equal(r.created, 25, 'run imports every row, not only the previewed ones');
});

test('duplicates by phone: dry_run counts only; skip leaves the card; update fills it in', async () => {
  const existing = await createClient(owner.client, { first_name: 'Існуюча', last_name: 'Картка', phones: ['+380975550601'] });
  const rows = [
    ["Ім'я", 'Прізвище', 'Телефон', 'Email'],
    ['Оновлена', 'Картка', '097 555 06 01', 'updated@example.com'],
    ['Нова', 'Картка', '0975550602', ''],
  ];
  const file = Buffer.from(toCsv(rows), 'utf8');

  const p1 = await previewOk(file, 'csv');
  const dry = await runOk(p1.import_id, { mapping: p1.mapping, on_duplicate: 'update', dry_run: true });
  assert.deepEqual([dry.created, dry.updated, dry.skipped], [1, 1, 0], JSON.stringify(dry));
  assert.equal((await getClient(owner.client, existing.id)).email, null, 'dry_run changes nothing');
  assert.deepEqual(await findByPhone(owner.client, '5550602'), [], 'dry_run creates nothing');

  const p2 = await previewOk(file, 'csv');
  const skip = await runOk(p2.import_id, { mapping: p2.mapping, on_duplicate: 'skip' });
  assert.deepEqual([skip.created, skip.updated, skip.skipped], [1, 0, 1], JSON.stringify(skip));
  const afterSkip = await getClient(owner.client, existing.id);
  assert.equal(afterSkip.first_name, 'Існуюча');
  assert.equal(afterSkip.email, null);

  const p3 = await previewOk(file, 'csv');
  const upd = await runOk(p3.import_id, { mapping: p3.mapping, on_duplicate: 'update' });
  assert.deepEqual([upd.created, upd.updated, upd.skipped], [0, 2, 0], `the new card of the previous run is a duplicate now: ${JSON.stringify(upd)}`);
  const afterUpdate = await getClient(owner.client, existing.id);
  assert.equal(afterUpdate.email, 'updated@example.com');
  assert.equal(afterUpdate.first_name, 'Оновлена');
  assert.deepEqual(afterUpdate.phones, ['+380975550601']);
  assert.equal((await findByPhone(owner.client, '5550601')).length, 1, 'no second card with the phone');
});

test('an unreadable file answers 4xx and changes nothing', async () => {
  const before = await allIds(owner.client, 'archived=true');
  const beforeActive = await allIds(owner.client);
  const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
  assert4xx(await preview(garbage, 'xlsx'), 'garbage bytes as xlsx');
  assert4xx(await preview(Buffer.from('PK\u0003\u0004 not really a zip'), 'xlsx'), 'a truncated zip');
  assert4xx(await preview(zip([{ name: 'hello.txt', data: 'not a workbook' }]), 'xlsx'), 'a zip that is not a workbook');
  const brokenSheet = zip([
    { name: '[Content_Types].xml', data: '<Types/>' },
    { name: 'xl/workbook.xml', data: '<workbook><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets>' },
    { name: 'xl/worksheets/sheet1.xml', data: '<worksheet><sheetData><row><c t="s"><v>99</v></c>' },
  ]);
  assert4xx(await preview(brokenSheet, 'xlsx'), 'a workbook with broken XML');
  assert4xx(await preview(Buffer.from(toCsv([["Ім'я"], ['Х']])), 'doc'), 'format=doc');
  assert4xx(await owner.client.request('POST', `${IMPORT}/preview`, { body: Buffer.from("Ім'я\nХ\n"), contentType: 'text/csv' }), 'no format');
  assert4xx(await preview(Buffer.alloc(0), 'csv'), 'an empty file');
  assert.deepEqual(await allIds(owner.client, 'archived=true'), before, 'nothing changed (archived=true)');
  assert.deepEqual(await allIds(owner.client), beforeActive, 'nothing changed');
});

test('bad run requests are 4xx and import nothing', async () => {
  const rows = [["Ім'я", 'Телефон'], ['Не імпортована', '0985550701']];
  const p = await previewOk(Buffer.from(toCsv(rows), 'utf8'), 'csv');
  assertProblem(await run('no-such-import-id', { mapping: p.mapping, on_duplicate: 'skip' }), 404, 'not-found');
  const bad = [
    { mapping: { 0: 'first_name', 1: 'shoe_size' }, on_duplicate: 'skip' },
    { mapping: { x: 'first_name' }, on_duplicate: 'skip' },
    { mapping: 'auto', on_duplicate: 'skip' },
    { mapping: p.mapping, on_duplicate: 'merge' },
    { mapping: p.mapping, on_duplicate: 'skip', dry_run: 'yes' },
  ];
  for (const body of bad) {
    const res = await run(p.import_id, body);
    assertStatus(res, 422, `run ${JSON.stringify(body)}`);
  }
  assert4xx(await owner.client.request('POST', `${IMPORT}/${p.import_id}/run`, { body: '{"mapping":', contentType: 'application/json' }), 'malformed run');
  assert.deepEqual(await findByPhone(owner.client, '5550701'), [], 'nothing imported by bad runs');
  // The import is still usable after the refused runs.
  const ok = await runOk(p.import_id, { mapping: p.mapping });
  assert.equal(ok.created, 1);
});

test('imports are audited', async () => {
  const entries = await listAll(owner.client, '/api/v1/audit');
  assert.ok(entries.some((e) => /import/.test(e.action)), `an import entry: ${[...new Set(entries.map((e) => e.action))]}`);
});
