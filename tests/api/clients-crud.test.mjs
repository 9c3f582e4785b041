// Clients: create (phones in every common form), read, update, archive, list paging,
// validation, phone uniqueness, and bad input that must never become a 5xx.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertStatus, assertProblem, assertValidation, assertList, listAll, signup } from '../lib/api.mjs';
import {
  CLIENTS,
  createClient,
  getClient,
  createTag,
  allIds,
  assertClient,
  assert4xx,
  assertBadParam,
  randomPhone,
  checkAll,
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

test('phones in every common Ukrainian form are stored as E.164', async () => {
  const forms = [
    ['067 123 45 61', '+380671234561'],
    ['+38 (067) 123-45-62', '+380671234562'],
    ['380671234563', '+380671234563'],
    ['8 067 123 45 64', '+380671234564'],
    ['0671234565', '+380671234565'],
    ['+380671234566', '+380671234566'],
    ['(067) 123 45 67', '+380671234567'],
  ];
  for (const [input, e164] of forms) {
    const res = await owner.client.post(CLIENTS, { first_name: 'Форма', phones: [input] });
    assertStatus(res, 201, `phone "${input}"`);
    assert.deepEqual(res.json.phones, [e164], `phone "${input}" stored as ${e164}`);
    const got = await getClient(owner.client, res.json.id);
    assert.deepEqual(got.phones, [e164], `GET after "${input}"`);
  }
});

test('several phones keep their order (the first is primary) and are normalized too', async () => {
  const c = await createClient(owner.client, {
    first_name: 'Двофонна',
    phones: ['050 111 22 33', '+38 (063) 444-55-66'],
  });
  assert.deepEqual(c.phones, ['+380501112233', '+380634445566']);
  const patched = await owner.client.patch(`${CLIENTS}/${c.id}`, { phones: ['8 063 444 55 66', '0501112233'] });
  assertStatus(patched, 200);
  assert.deepEqual(patched.json.phones, ['+380634445566', '+380501112233'], 'PATCH replaces and reorders phones');
});

test('only first_name is required; every field round-trips', async () => {
  const minimal = await createClient(owner.client, { first_name: 'Мінімальна' });
  assert.equal(minimal.first_name, 'Мінімальна');
  assert.deepEqual(minimal.phones, []);
  assert.equal(minimal.email, null);
  assert.equal(minimal.birthday, null);
  assert.equal(minimal.archived, false);
  assert.deepEqual(minimal.tags, []);
  assert.equal(minimal.display_name, 'Мінімальна');
  for (const k of ['visits', 'no_shows', 'cancellations', 'total_spent', 'average_check']) {
    assert.equal(minimal.stats[k], 0, `new client stats.${k} is 0`);
  }
  assert.equal(minimal.stats.first_visit_at, null);
  assert.equal(minimal.stats.last_visit_at, null);

  const tag = await createTag(owner.client, 'VIP crud');
  const body = {
    first_name: 'Олена',
    last_name: 'Коваленко',
    middle_name: 'Петрівна',
    phones: ['+380931110001'],
    email: 'olena.kovalenko@example.com',
    birthday: '1990-05-17',
    gender: 'female',
    notes: 'Алергія на латекс',
    source: 'instagram',
    referred_by_id: minimal.id,
    preferred_staff_ids: [],
    preferred_service_ids: [],
    preferences: 'Кава без цукру',
    consent: { sms: true, telegram: false, viber: true, email: true },
    language: 'uk',
    discount_percent: 10,
    tag_ids: [tag.id],
  };
  const c = await createClient(owner.client, body);
  const got = await getClient(owner.client, c.id);
  assertClient(got);
  for (const x of [c, got]) {
    for (const k of ['first_name', 'last_name', 'middle_name', 'phones', 'email', 'birthday', 'gender', 'notes', 'source',
      'referred_by_id', 'preferred_staff_ids', 'preferred_service_ids', 'preferences', 'consent', 'language', 'discount_percent']) {
      assert.deepEqual(x[k], body[k], `${k} round-trips`);
    }
    assert.equal(x.display_name, 'Олена Коваленко', 'display_name is first_last by default');
    assert.deepEqual(x.tags.map((t) => [t.id, t.name, t.color]), [[tag.id, tag.name, tag.color]]);
    assert.equal(x.photo_file_id, null);
  }
});

test('an invalid phone is 422 on phones[i] with invalid_phone', async () => {
  for (const bad of ['12345', 'abc', '+380 67', '067 123 45 6789 00', '+', '0000000000']) {
    const res = await owner.client.post(CLIENTS, { first_name: 'Погана', phones: [bad] });
    assertValidation(res, { 'phones[0]': 'invalid_phone' });
  }
  const second = await owner.client.post(CLIENTS, { first_name: 'Друга погана', phones: ['+380931110002', 'nope'] });
  assertValidation(second, { 'phones[1]': 'invalid_phone' });
  // Nothing half-written: the good first number is still free.
  await createClient(owner.client, { first_name: 'Вільна', phones: ['+380931110002'] });
  const patch = await owner.client.patch(`${CLIENTS}/${(await createClient(owner.client, { first_name: 'П' })).id}`, {
    phones: ['12'],
  });
  assertValidation(patch, { 'phones[0]': 'invalid_phone' });
});

test("another client's phone is 409 phone-taken naming the existing client, in any form", async () => {
  const first = await createClient(owner.client, { first_name: 'Перша', last_name: 'Власниця', phones: ['+380931110010'] });
  for (const form of ['+380931110010', '093 111 00 10', '+38 (093) 111-00-10', '8 093 111 00 10']) {
    const res = await owner.client.post(CLIENTS, { first_name: 'Друга', phones: [form] });
    const p = assertProblem(res, 409, 'phone-taken');
    assert.equal(p.existing_client?.id, first.id, `existing_client.id for "${form}": ${res.text}`);
    assert.equal(p.existing_client?.display_name, first.display_name, `existing_client.display_name: ${res.text}`);
  }
  // Also when a PATCH adds it to another client, and also as a second phone.
  const other = await createClient(owner.client, { first_name: 'Інша', phones: ['+380931110011'] });
  const patch = await owner.client.patch(`${CLIENTS}/${other.id}`, { phones: ['+380931110011', '0931110010'] });
  assert.equal(assertProblem(patch, 409, 'phone-taken').existing_client?.id, first.id);
  assert.deepEqual((await getClient(owner.client, other.id)).phones, ['+380931110011'], 'a refused PATCH changes nothing');
  // A client may keep (re-send) its own phone.
  const self = await owner.client.patch(`${CLIENTS}/${first.id}`, { phones: ['093 111 00 10'], notes: 'ok' });
  assertStatus(self, 200);
  assert.deepEqual(self.json.phones, ['+380931110010']);
});

test('PATCH changes only the given fields; tag_ids replaces the tags', async () => {
  const t1 = await createTag(owner.client, 'Patch one', '#228be6');
  const t2 = await createTag(owner.client, 'Patch two', '#40c057');
  const c = await createClient(owner.client, {
    first_name: 'Ірина',
    last_name: 'Мельник',
    email: 'iryna@example.com',
    gender: 'female',
    tag_ids: [t1.id],
  });
  const res = await owner.client.patch(`${CLIENTS}/${c.id}`, { last_name: 'Шевченко', tag_ids: [t2.id] });
  assertStatus(res, 200);
  assertClient(res.json);
  assert.equal(res.json.first_name, 'Ірина');
  assert.equal(res.json.last_name, 'Шевченко');
  assert.equal(res.json.email, 'iryna@example.com');
  assert.equal(res.json.gender, 'female');
  assert.equal(res.json.display_name, 'Ірина Шевченко');
  assert.deepEqual(res.json.tags.map((t) => t.id), [t2.id]);
  const cleared = await owner.client.patch(`${CLIENTS}/${c.id}`, { email: null, gender: null, tag_ids: [] });
  assertStatus(cleared, 200);
  assert.equal(cleared.json.email, null);
  assert.equal(cleared.json.gender, null);
  assert.deepEqual(cleared.json.tags, []);
  const got = await getClient(owner.client, c.id);
  assert.equal(got.last_name, 'Шевченко');
  assert.equal(got.email, null);
  assert.ok(Date.parse(got.updated_at) >= Date.parse(got.created_at));
});

test('first_name is required even when there is a last name (create, PATCH)', async () => {
  assertValidation(await owner.client.post(CLIENTS, { last_name: 'Без імені' }), { first_name: 'required' });
  const c = await createClient(owner.client, { first_name: 'Є', last_name: 'Прізвище' });
  assertValidation(await owner.client.patch(`${CLIENTS}/${c.id}`, { first_name: '' }), ['first_name']);
  assertValidation(await owner.client.patch(`${CLIENTS}/${c.id}`, { first_name: '   ' }), ['first_name']);
  assert.equal((await getClient(owner.client, c.id)).first_name, 'Є');
});

test('DELETE archives: hidden from the list unless archived=true, still readable', async () => {
  const c = await createClient(owner.client, { first_name: 'Архівна', phones: [randomPhone()] });
  assert.ok((await allIds(owner.client)).includes(c.id));
  const del = await owner.client.delete(`${CLIENTS}/${c.id}`);
  assertStatus(del, 200);
  assertClient(del.json);
  assert.equal(del.json.archived, true);
  assert.equal(del.json.id, c.id);
  assert.ok(!(await allIds(owner.client)).includes(c.id), 'archived client hidden by default');
  assert.ok(!(await allIds(owner.client, 'archived=false')).includes(c.id), 'archived=false hides it');
  assert.ok((await allIds(owner.client, 'archived=true')).includes(c.id), 'archived=true shows it');
  const got = await getClient(owner.client, c.id);
  assert.equal(got.archived, true);
  // Search does not find it either.
  assert.ok(!(await allIds(owner.client, `q=${encodeURIComponent('Архівна')}`)).includes(c.id));
});

test('the list is newest first and pages with limit/cursor; total only with with_total=true', async () => {
  const org = await signup(server);
  const made = [];
  for (let i = 0; i < 7; i++) made.push((await createClient(org.client, { first_name: `Page ${i}` })).id);
  const first = await org.client.get(`${CLIENTS}?limit=3`);
  const items = assertList(first);
  assert.equal(items.length, 3);
  assert.deepEqual(items.map((x) => x.id), made.slice(-3).reverse(), 'newest first');
  assert.equal(typeof first.json.next_cursor, 'string');
  assert.equal(first.json.total ?? null, null, 'total is null without with_total');
  const all = await listAll(org.client, CLIENTS, 3);
  assert.deepEqual(all.map((x) => x.id), [...made].reverse(), 'cursor walk returns every client once, newest first');
  const withTotal = await org.client.get(`${CLIENTS}?limit=2&with_total=true`);
  assertStatus(withTotal, 200);
  assert.equal(withTotal.json.total, 7);
  const filteredTotal = await org.client.get(`${CLIENTS}?limit=2&with_total=true&q=${encodeURIComponent('Page 3')}`);
  assert.equal(filteredTotal.json.total, 1, 'total counts the filtered list');
  for (const bad of ['0', '201', 'abc', '-1', '1.5']) assertBadParam(await org.client.get(`${CLIENTS}?limit=${bad}`), 'limit');
  assertBadParam(await org.client.get(`${CLIENTS}?cursor=not-a-cursor`), 'cursor');
});

test('bad client fields are 422 naming every field', async () => {
  assertValidation(await owner.client.post(CLIENTS, {}), { first_name: 'required' });
  assertValidation(await owner.client.post(CLIENTS, { first_name: '' }), { first_name: ['required', 'too_short'] });
  assertValidation(await owner.client.post(CLIENTS, { first_name: 42 }), { first_name: 'invalid_type' });
  assertValidation(await owner.client.post(CLIENTS, { first_name: 'x'.repeat(5000) }), { first_name: 'too_long' });
  assertValidation(await owner.client.post(CLIENTS, { first_name: 'E', email: 'not-an-email' }), { email: 'invalid_email' });
  assertValidation(await owner.client.post(CLIENTS, { first_name: 'P', phones: '0671234567' }), { phones: 'invalid_type' });
  assertValidation(await owner.client.post(CLIENTS, { first_name: 'P', phones: [671234567] }), ['phones[0]']);
  const cases = [
    ['birthday', '1990-02-30'],
    ['birthday', '17.05.1990'],
    ['birthday', 19900517],
    ['gender', 'unknown'],
    ['source', 'television'],
    ['language', 'de'],
    ['discount_percent', 101],
    ['discount_percent', -1],
    ['discount_percent', '10'],
    ['discount_percent', 5.5],
    ['consent', 'yes'],
    ['tag_ids', 'x'],
    ['tag_ids', ['x']],
    ['preferred_staff_ids', ['a']],
    ['preferred_service_ids', 'all'],
    ['referred_by_id', 'me'],
    ['notes', { text: 'x' }],
  ];
  await checkAll(cases, async ([field, value]) => {
    const res = await owner.client.post(CLIENTS, { first_name: 'V', [field]: value });
    assertValidation(res, [field]);
  });
  const consent = await owner.client.post(CLIENTS, { first_name: 'V', consent: { sms: 'yes' } });
  assert.equal(consent.status, 422, `consent.sms "yes": ${consent.text}`);
  // Every bad field at once.
  const many = await owner.client.post(CLIENTS, { first_name: 7, email: 'x', gender: 'x', phones: ['1'] });
  assertValidation(many, { first_name: 'invalid_type', email: 'invalid_email', gender: undefined, 'phones[0]': 'invalid_phone' });
  // Unknown references are refused, never stored.
  for (const [field, value] of [['tag_ids', [99999999]], ['referred_by_id', 99999999]]) {
    const res = await owner.client.post(CLIENTS, { first_name: 'Ref', [field]: value });
    assert4xx(res, `${field} ${JSON.stringify(value)}`);
    if (res.status === 422) assertValidation(res, [field]);
  }
});

test('unknown or malformed client ids are 4xx (404 for a well-formed unknown id)', async () => {
  for (const p of ['99999999', '4000000000']) {
    assertProblem(await owner.client.get(`${CLIENTS}/${p}`), 404, 'not-found');
    assertProblem(await owner.client.patch(`${CLIENTS}/${p}`, { first_name: 'x' }), 404, 'not-found');
    assertProblem(await owner.client.delete(`${CLIENTS}/${p}`), 404, 'not-found');
  }
  for (const p of ['0', 'abc', '-1', '1.5', '99999999999999999999999', '%00', '1%20OR%201=1']) {
    assert4xx(await owner.client.get(`${CLIENTS}/${p}`), `GET /clients/${p}`);
    assert4xx(await owner.client.patch(`${CLIENTS}/${p}`, { first_name: 'x' }), `PATCH /clients/${p}`);
    assert4xx(await owner.client.delete(`${CLIENTS}/${p}`), `DELETE /clients/${p}`);
  }
});

test('malformed bodies are 4xx, never 5xx', async () => {
  const c = await createClient(owner.client, { first_name: 'Тіло' });
  const targets = [
    ['POST', CLIENTS],
    ['PATCH', `${CLIENTS}/${c.id}`],
  ];
  for (const [method, path] of targets) {
    for (const body of ['{"first_name":', 'null', '[]', '"x"', '{"first_name":"a"} x', '\u0000']) {
      assertProblem(await owner.client.request(method, path, { body, contentType: 'application/json' }), 400, 'malformed-json');
    }
    assertProblem(
      await owner.client.request(method, path, { body: 'first_name=x', contentType: 'application/x-www-form-urlencoded' }),
      415,
      'unsupported-media-type',
    );
    assert4xx(await owner.client.request(method, path, { json: { first_name: 'x', phones: [null] } }), `${method} phones [null]`);
    assert4xx(await owner.client.request(method, path, { json: { first_name: 'x', phones: [['0671234567']] } }), `${method} nested phones`);
    assert4xx(await owner.client.request(method, path, { json: { first_name: 'x', consent: [] } }), `${method} consent []`);
    assert4xx(await owner.client.request(method, path, { json: { first_name: 'x', tag_ids: [1e30] } }), `${method} huge tag id`);
    assert4xx(await owner.client.request(method, path, { json: { first_name: 'x', referred_by_id: -5 } }), `${method} negative ref`);
  }
  // A client may not be its own referrer.
  const self = await owner.client.patch(`${CLIENTS}/${c.id}`, { referred_by_id: c.id });
  assert4xx(self, 'referred_by_id = own id');
  // Writes without the CSRF token are refused.
  assertProblem(await owner.client.request('POST', CLIENTS, { json: { first_name: 'x' }, csrf: false }), 403, 'csrf-failed');
  // And without a session.
  assertProblem(await server.client().get(CLIENTS), 401, 'unauthorized');
});

test('unicode and odd but valid names are kept exactly', async () => {
  for (const name of ["Ім'я-Ґанна", 'Ольга  Марія', 'O’Brien', 'Zoë', '李', '🙂 Смайл', "Д'Артаньян"]) {
    const c = await createClient(owner.client, { first_name: name });
    assert.equal((await getClient(owner.client, c.id)).first_name, name);
  }
});

test('client changes are audited', async () => {
  const c = await createClient(owner.client, { first_name: 'Аудит' });
  assertStatus(await owner.client.patch(`${CLIENTS}/${c.id}`, { notes: 'змінено' }), 200);
  assertStatus(await owner.client.delete(`${CLIENTS}/${c.id}`), 200);
  const entries = await listAll(owner.client, `/api/v1/audit?entity=client&entity_id=${c.id}`);
  const actions = entries.map((e) => e.action);
  assert.ok(entries.length >= 3, `create, update and archive audited: ${actions}`);
  assert.ok(actions.some((a) => /create/.test(a)), `a create entry: ${actions}`);
  for (const e of entries) assert.equal(e.entity_id, c.id);
});
