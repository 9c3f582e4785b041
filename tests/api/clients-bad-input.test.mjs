// Every write endpoint of the clients module against a deterministic set of odd values for
// every field: the answer is never a 5xx, and a refused write is a problem+json 4xx.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertStatus, signup } from '../lib/api.mjs';
import { CLIENTS, TAGS, SEGMENTS, SETTINGS, createClient, createTag, toCsv } from '../lib/clients.mjs';

let server;
let owner;
let client;
let other;
let tag;
let segment;
let importId;
before(async () => {
  server = await startServer();
  owner = await signup(server);
  client = await createClient(owner.client, { first_name: 'Фаз', phones: ['+380931239001'] });
  other = await createClient(owner.client, { first_name: 'Інший' });
  tag = await createTag(owner.client, 'Фаз', '#123456');
  const seg = await owner.client.post(SEGMENTS, { name: 'Фаз', filter: {} });
  assertStatus(seg, 201);
  segment = seg.json;
  const p = await owner.client.request('POST', `${CLIENTS}/import/preview?format=csv`, {
    body: Buffer.from(toCsv([["Ім'я", 'Телефон'], ['Фаз', '0931239002']])),
    contentType: 'text/csv',
  });
  assertStatus(p, 200);
  importId = p.json.import_id;
});
after(async () => {
  await server?.stop();
});

// Raw JSON texts of odd values (some are not representable as JS numbers).
const ODD = [
  'null',
  'true',
  '0',
  '-1',
  '1.5',
  '-0',
  '1e400',
  '9223372036854775808',
  '-9223372036854775809',
  '""',
  '"   "',
  `"${'я'.repeat(3000)}"`,
  '"\\u0000"',
  '"\\ud83d"',
  '"<script>alert(1)</script>"',
  '[]',
  '[null]',
  '[1, "a", {}]',
  '{}',
  '{"a": {"b": {"c": [1]}}}',
];

const CLIENT_FIELDS = [
  'first_name', 'last_name', 'middle_name', 'phones', 'email', 'birthday', 'gender', 'notes', 'source', 'referred_by_id',
  'preferred_staff_ids', 'preferred_service_ids', 'preferences', 'consent', 'language', 'discount_percent', 'tag_ids',
  'photo_file_id', 'archived', 'id', 'stats', 'org_id',
];

async function send(method, path, rawBody) {
  const res = await owner.client.request(method, path, { body: rawBody, contentType: 'application/json' });
  return res;
}

async function sweep(method, path, fields, base = {}) {
  const problems = [];
  for (const field of fields) {
    for (const value of ODD) {
      const baseText = JSON.stringify(base).slice(1, -1);
      const raw = `{${baseText}${baseText ? ',' : ''}"${field}": ${value}}`;
      const res = await send(method, path, raw);
      if (res.status >= 500) problems.push(`${method} ${path} ${field}=${value.slice(0, 40)} -> ${res.status}`);
      else if (res.status >= 400 && !/^application\/problem\+json/.test(res.headers.get('content-type') ?? '')) {
        problems.push(`${method} ${path} ${field}=${value.slice(0, 40)} -> ${res.status} without problem+json`);
      }
    }
  }
  assert.deepEqual(problems, [], problems.join('\n'));
}

test('POST /clients never answers 5xx to odd field values', async () => {
  await sweep('POST', CLIENTS, CLIENT_FIELDS, { first_name: 'Фаз-новий' });
});

test('PATCH /clients/{id} never answers 5xx to odd field values', async () => {
  await sweep('PATCH', `${CLIENTS}/${client.id}`, CLIENT_FIELDS);
});

test('tags, segments, settings, merge and import run never answer 5xx to odd values', async () => {
  await sweep('POST', TAGS, ['name', 'color'], {});
  await sweep('PATCH', `${TAGS}/${tag.id}`, ['name', 'color']);
  await sweep('POST', SEGMENTS, ['name', 'filter'], { name: 'x' });
  await sweep('PATCH', `${SEGMENTS}/${segment.id}`, ['name', 'filter']);
  await sweep('PATCH', SETTINGS, ['name_order']);
  await sweep('POST', `${CLIENTS}/${other.id}/merge`, ['source_id']);
  await sweep('POST', `${CLIENTS}/import/${importId}/run`, ['mapping', 'on_duplicate', 'dry_run'], { dry_run: true });
});

test('odd filter values inside a segment never answer 5xx', async () => {
  const keys = ['q', 'tag_ids', 'gender', 'age_min', 'age_max', 'birthday_from', 'birthday_to', 'source', 'consent',
    'created_from', 'created_to', 'last_visit_before', 'last_visit_after', 'visits_min', 'visits_max', 'spent_min',
    'spent_max', 'no_shows_min', 'sleeping_days', 'archived'];
  const problems = [];
  for (const key of keys) {
    for (const value of ODD) {
      const res = await send('POST', SEGMENTS, `{"name": "Сегмент ${key}", "filter": {"${key}": ${value}}}`);
      if (res.status >= 500) problems.push(`segment filter ${key}=${value.slice(0, 40)} -> ${res.status}`);
      if (res.status === 201) {
        const list = await owner.client.get(`${CLIENTS}?segment_id=${res.json.id}`);
        if (list.status >= 500) problems.push(`listing segment ${key}=${value.slice(0, 40)} -> ${list.status}`);
        await owner.client.delete(`${SEGMENTS}/${res.json.id}`);
      }
    }
  }
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('odd query strings on the list and export never answer 5xx', async () => {
  const params = ['q', 'tag_ids', 'gender', 'age_min', 'birthday_from', 'created_from', 'visits_min', 'spent_max',
    'sleeping_days', 'segment_id', 'archived', 'limit', 'cursor', 'with_total', 'format'];
  const values = ['', '%', '%zz', '%00', '%FF%FE', 'a%2Cb', '-', '1e400', '9223372036854775808', '[]', "'", 'я'.repeat(500),
    '1&1', '+', '%2B380', '..%2F..%2F'];
  const problems = [];
  for (const path of [CLIENTS, `${CLIENTS}/export`]) {
    for (const p of params) {
      for (const v of values) {
        const fmt = path.endsWith('export') && p !== 'format' ? 'format=csv&' : '';
        const res = await owner.client.get(`${path}?${fmt}${p}=${v}`);
        if (res.status >= 500) problems.push(`GET ${path}?${p}=${v.slice(0, 30)} -> ${res.status}`);
      }
    }
  }
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('odd path segments never answer 5xx', async () => {
  const ids = ['0', '-1', 'abc', '1e3', '9223372036854775808', '%00', '%E0%A4%A', '1;DROP', ' 1'];
  const problems = [];
  for (const id of ids) {
    for (const [method, path] of [
      ['GET', `${CLIENTS}/${id}`],
      ['GET', `${CLIENTS}/${id}/files`],
      ['GET', `${CLIENTS}/${client.id}/files/${id}`],
      ['DELETE', `${CLIENTS}/${client.id}/files/${id}`],
      ['GET', `${CLIENTS}/${id}/export`],
      ['POST', `${CLIENTS}/${id}/erase`],
      ['POST', `${CLIENTS}/${id}/merge`],
      ['PATCH', `${TAGS}/${id}`],
      ['DELETE', `${TAGS}/${id}`],
      ['GET', `${SEGMENTS}/${id}`],
      ['POST', `${CLIENTS}/import/${id}/run`],
    ]) {
      let res;
      try {
        res = await owner.client.request(method, path, method === 'GET' || method === 'DELETE' ? {} : { json: {} });
      } catch (e) {
        problems.push(`${method} ${path}: ${e.message}`);
        continue;
      }
      if (res.status >= 500) problems.push(`${method} ${path} -> ${res.status}`);
      if (res.status < 400 && id !== '0') problems.push(`${method} ${path} -> ${res.status} (expected a 4xx)`);
    }
  }
  assert.deepEqual(problems, [], problems.join('\n'));
});
