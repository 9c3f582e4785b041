// Helpers for the clients module's API tests: creating clients, listing ids, checking the
// Client shape, CSV in and out (UTF-8 and cp1251), and tiny valid image/PDF files.
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { randomInt } from 'node:crypto';
import { RFC3339, assertStatus, assertList, listAll } from './api.mjs';

export const CLIENTS = '/api/v1/clients';
export const TAGS = '/api/v1/client-tags';
export const SEGMENTS = '/api/v1/client-segments';
export const SETTINGS = '/api/v1/settings/clients';

/** Keys a master must never see on a client. */
export const HIDDEN_FROM_MASTERS = ['phones', 'email', 'last_name', 'middle_name'];

const usedPhones = new Set();
/**
 * A fresh Ukrainian mobile number in E.164 (+38 0XX NNN NN NN) unique within this process.
 * Operator 093 by default so the random ones never collide with the fixed 067/050 numbers
 * the search tests rely on.
 */
export function randomPhone(operator = '93') {
  for (;;) {
    const p = `+380${operator}${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
    if (!usedPhones.has(p)) {
      usedPhones.add(p);
      return p;
    }
  }
}

/** POST /clients and assert 201; resolves to the Client. */
export async function createClient(client, body, msg = 'create client') {
  const res = await client.post(CLIENTS, body);
  assertStatus(res, 201, msg);
  assertClient(res.json);
  return res.json;
}

export async function getClient(client, id) {
  const res = await client.get(`${CLIENTS}/${id}`);
  assertStatus(res, 200, `GET client ${id}`);
  return res.json;
}

export async function createTag(client, name, color = '#e64980') {
  const res = await client.post(TAGS, { name, color });
  assertStatus(res, 201, `create tag ${name}`);
  return res.json;
}

/** Ids of one page of GET /clients?query (query without leading '?'). */
export async function pageIds(client, query = '') {
  const res = await client.get(`${CLIENTS}${query ? '?' + query : ''}`);
  return assertList(res).map((c) => c.id);
}

/** Ids of every client GET /clients?query lists (follows the cursor), sorted. */
export async function allIds(client, query = '') {
  const items = await listAll(client, `${CLIENTS}${query ? '?' + query : ''}`);
  const ids = items.map((c) => c.id);
  assert.equal(new Set(ids).size, ids.length, `no client twice in ?${query}: ${ids}`);
  return ids.sort((a, b) => a - b);
}

export const sortIds = (ids) => [...ids].sort((a, b) => a - b);

/** Checks the shape of a Client as an owner/admin/manager sees it. */
export function assertClient(c, { master = false } = {}) {
  const s = JSON.stringify(c);
  assert.ok(c && typeof c === 'object', `client is an object: ${s}`);
  assert.ok(Number.isInteger(c.id) && c.id > 0, `client.id: ${s}`);
  assert.equal(typeof c.first_name, 'string', `first_name: ${s}`);
  assert.equal(typeof c.display_name, 'string', `display_name: ${s}`);
  if (master) {
    for (const k of HIDDEN_FROM_MASTERS) assert.ok(!(k in c), `master sees key "${k}": ${s}`);
  } else {
    assert.ok(Array.isArray(c.phones), `phones is an array: ${s}`);
    for (const p of c.phones) assert.match(p, /^\+[1-9]\d{6,14}$/, `phone in E.164: ${s}`);
    assert.ok(c.email === null || typeof c.email === 'string', `email: ${s}`);
    assert.ok('last_name' in c, `last_name key: ${s}`);
  }
  assert.ok(c.birthday === null || /^\d{4}-\d{2}-\d{2}$/.test(c.birthday), `birthday: ${s}`);
  assert.ok([null, 'female', 'male', 'other'].includes(c.gender), `gender: ${s}`);
  assert.ok(Array.isArray(c.tags), `tags: ${s}`);
  for (const t of c.tags) {
    assert.ok(Number.isInteger(t.id) && typeof t.name === 'string', `tag: ${s}`);
    assert.match(t.color, /^#[0-9a-fA-F]{6}$/, `tag color: ${s}`);
  }
  assert.ok(c.consent && typeof c.consent === 'object', `consent: ${s}`);
  for (const k of ['sms', 'telegram', 'viber', 'email']) assert.equal(typeof c.consent[k], 'boolean', `consent.${k}: ${s}`);
  assert.ok(c.stats && typeof c.stats === 'object', `stats: ${s}`);
  for (const k of ['visits', 'no_shows', 'cancellations', 'total_spent', 'average_check']) {
    assert.ok(Number.isInteger(c.stats[k]), `stats.${k} is an integer: ${s}`);
  }
  assert.equal(typeof c.archived, 'boolean', `archived: ${s}`);
  assert.match(c.created_at, RFC3339, `created_at: ${s}`);
  assert.match(c.updated_at, RFC3339, `updated_at: ${s}`);
}

/** Asserts that no value in a JSON document, at any depth, contains one of the needles. */
export function assertNoLeak(value, needles, what) {
  const text = JSON.stringify(value);
  for (const n of needles) {
    if (n === null || n === undefined || n === '') continue;
    assert.ok(!text.includes(n), `${what} leaks "${n}": ${text.slice(0, 800)}`);
  }
}

/** Today's civil date (YYYY-MM-DD) in a time zone (the organization's, Europe/Kyiv). */
export function civilToday(timeZone = 'Europe/Kyiv') {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** The civil date `days` from `date` (YYYY-MM-DD), also in YYYY-MM-DD. */
export function addDays(date, days) {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Full years between a birthday and a date (both YYYY-MM-DD). */
export function ageOn(birthday, date) {
  const [by, bm, bd] = birthday.split('-').map(Number);
  const [y, m, d] = date.split('-').map(Number);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age--;
  return age;
}

// ---------------------------------------------------------------------------------------
// CSV

/** Parses CSV text (RFC 4180 quoting) with the given delimiter, or the header's likely one. */
export function parseCsv(text, delimiter) {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!delimiter) {
    const firstLine = text.split(/\r?\n/, 1)[0];
    const count = (ch) => firstLine.split(ch).length;
    delimiter = count(';') > count(',') ? ';' : count('\t') > count(',') ? '\t' : ',';
  }
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Writes rows as CSV text (quotes cells that need it). */
export function toCsv(rows, delimiter = ',', eol = '\r\n') {
  return (
    rows
      .map((r) =>
        r
          .map((v) => {
            const s = v === null || v === undefined ? '' : String(v);
            return /["\r\n]/.test(s) || s.includes(delimiter) ? `"${s.replace(/"/g, '""')}"` : s;
          })
          .join(delimiter),
      )
      .join(eol) + eol
  );
}

let cp1251Table = null;
/** Encodes a string in Windows-1251 (what Excel in a Ukrainian or Russian locale saves CSV as). */
export function encodeCp1251(str) {
  if (!cp1251Table) {
    cp1251Table = new Map();
    const dec = new TextDecoder('windows-1251');
    for (let b = 0x80; b <= 0xff; b++) cp1251Table.set(dec.decode(Uint8Array.of(b)), b);
  }
  const out = [];
  for (const ch of str) {
    const code = ch.codePointAt(0);
    if (code < 0x80) out.push(code);
    else {
      const b = cp1251Table.get(ch);
      if (b === undefined) throw new Error(`"${ch}" has no cp1251 byte`);
      out.push(b);
    }
  }
  return Buffer.from(out);
}

// ---------------------------------------------------------------------------------------
// Tiny real files

/** A valid 8x8 grey baseline JPEG (hand-assembled: one DC and one AC Huffman code). */
export function tinyJpeg() {
  const seg = (marker, body) => {
    const len = Buffer.alloc(2);
    len.writeUInt16BE(body.length + 2);
    return Buffer.concat([Buffer.from([0xff, marker]), len, body]);
  };
  const counts = (n) => [n, ...new Array(15).fill(0)];
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]), // SOI
    seg(0xe0, Buffer.from([0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00])), // JFIF
    seg(0xdb, Buffer.from([0x00, ...new Array(64).fill(1)])), // quantization table 0
    seg(0xc0, Buffer.from([0x08, 0x00, 0x08, 0x00, 0x08, 0x01, 0x01, 0x11, 0x00])), // 8x8, 1 component
    seg(0xc4, Buffer.from([0x00, ...counts(1), 0x00])), // DC table: category 0
    seg(0xc4, Buffer.from([0x10, ...counts(1), 0x00])), // AC table: EOB
    seg(0xda, Buffer.from([0x01, 0x01, 0x00, 0x00, 0x3f, 0x00])), // start of scan
    Buffer.from([0x3f]), // DC diff 0, EOB, padding ones
    Buffer.from([0xff, 0xd9]), // EOI
  ]);
}

/** A valid PNG of width x height pixels of one colour. */
export function tinyPng(width = 2, height = 2, rgb = [230, 73, 128]) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const raw = [];
  for (let y = 0; y < height; y++) {
    raw.push(0);
    for (let x = 0; x < width; x++) raw.push(...rgb);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.from(raw))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A minimal one-page PDF. */
export function tinyPdf(text = 'Kvitka consent') {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R >>',
  ];
  const stream = `BT /F1 12 Tf 10 50 Td (${text}) Tj ET`;
  objs.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  let out = '%PDF-1.4\n';
  const offsets = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Asserts a 4xx problem+json answer (bad input is refused, never a 5xx or a success). */
export function assert4xx(res, what = '') {
  assert.ok(
    res.status >= 400 && res.status < 500,
    `${what ? what + ': ' : ''}expected a 4xx, got ${res.status} ${res.text.slice(0, 400)}`,
  );
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/, `${what}: problem+json: ${res.text.slice(0, 200)}`);
  return res.json;
}

/** Asserts a 400 bad-request problem that names the query parameter in `errors`. */
export function assertBadParam(res, param) {
  assert.equal(res.status, 400, `?${param}: expected 400, got ${res.status} ${res.text.slice(0, 400)}`);
  assert.equal(res.json?.code, 'bad-request', `?${param}: code bad-request: ${res.text.slice(0, 400)}`);
  assert.ok(
    Array.isArray(res.json.errors) && res.json.errors.some((e) => e.field === param),
    `?${param}: errors name the parameter: ${res.text.slice(0, 400)}`,
  );
}

/** Asserts 200 and an `items` array (tag and segment lists have no cursor); returns the items. */
export function itemsOf(res) {
  assertStatus(res, 200);
  assert.ok(Array.isArray(res.json?.items), `items: ${res.text.slice(0, 300)}`);
  return res.json.items;
}

/** Runs checks that each may throw, and fails once at the end listing every failure. */
export async function checkAll(cases, check) {
  const failures = [];
  for (const c of cases) {
    try {
      await check(c);
    } catch (e) {
      failures.push(`${JSON.stringify(c)}: ${String(e.message).split('\n')[0].slice(0, 300)}`);
    }
  }
  assert.deepEqual(failures, [], `${failures.length} of ${cases.length} cases failed:\n${failures.join('\n')}`);
}
