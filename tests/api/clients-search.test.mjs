// Clients: search (Cyrillic/Latin names, phone digits), every list filter alone and combined,
// bad filter values, and saved segments. One organization whose only clients are the seeds,
// so every expectation is computed from the seeds themselves.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertStatus, assertProblem, assertValidation, assertList, listAll, signup } from '../lib/api.mjs';
import {
  CLIENTS,
  SEGMENTS,
  createClient,
  createTag,
  allIds,
  sortIds,
  assert4xx,
  assertBadParam,
  assertClient,
  civilToday,
  itemsOf,
  checkAll,
  addDays,
  ageOn,
} from '../lib/clients.mjs';

let server;
let owner;
let T1;
let T2;
const S = {}; // key -> {body, client}
const today = civilToday('Europe/Kyiv');
const yearsAgo = (years, days) => {
  const [y, m, d] = today.split('-').map(Number);
  const base = new Date(Date.UTC(y - years, m - 1, d));
  return addDays(base.toISOString().slice(0, 10), days);
};

function seeds() {
  const none = { sms: false, telegram: false, viber: false, email: false };
  return {
    s1: { first_name: 'Олена', last_name: 'Коваленко', middle_name: 'Петрівна', phones: ['+380671234567'], gender: 'female',
      birthday: '1990-12-25', tags: ['T1', 'T2'], source: 'instagram', consent: { ...none, sms: true } },
    s2: { first_name: 'ОЛЕГ', last_name: 'ПЕТРЕНКО', phones: ['+380501112233'], gender: 'male', birthday: '1985-01-05',
      tags: ['T1'], source: 'friend', consent: { ...none, sms: true, telegram: true } },
    s3: { first_name: 'Ольга', last_name: 'Smith', phones: ['+380632223344'], gender: 'female', birthday: '2000-06-15',
      tags: [], source: 'instagram', consent: { ...none, email: true } },
    s4: { first_name: 'John', last_name: 'SMITHSON', phones: ['+380661110099'], gender: 'male', birthday: '1995-12-20',
      tags: [], source: 'google_maps', consent: none },
    s5: { first_name: 'Ірина', last_name: 'Бондаренко', phones: ['+380972220088'], gender: 'female', birthday: '1970-01-10',
      tags: ['T1', 'T2'], source: 'walk_in', consent: { ...none, viber: true } },
    s6: { first_name: 'ірина', last_name: 'Кравчук', phones: ['+380733330077'], gender: 'female', birthday: '1992-12-19',
      tags: [], source: null, consent: none },
    s7: { first_name: 'Максим', last_name: 'Олешко', phones: ['+380994440066', '+380685550055'], gender: 'male',
      birthday: '1988-01-11', tags: [], source: 'campaign', consent: none },
    s8: { first_name: 'Тарас', last_name: 'Гнатюк', phones: [], gender: 'other', birthday: null, tags: [], source: 'other',
      consent: none },
    s9: { first_name: 'Emily', last_name: 'Stone', phones: ['+380955556600'], gender: 'female', birthday: yearsAgo(30, -60),
      tags: ['T2'], source: 'online_booking', consent: none },
    s10: { first_name: 'Анна-Марія', last_name: 'Лисенко', phones: ['+380688887700'], gender: null, birthday: yearsAgo(30, 60),
      tags: [], source: null, consent: none },
  };
}

before(async () => {
  server = await startServer();
  owner = await signup(server);
  T1 = await createTag(owner.client, 'Постійні', '#228be6');
  T2 = await createTag(owner.client, 'VIP', '#e64980');
  const tagIds = { T1: T1.id, T2: T2.id };
  for (const [key, seed] of Object.entries(seeds())) {
    const { tags, ...body } = seed;
    const client = await createClient(owner.client, { ...body, tag_ids: tags.map((t) => tagIds[t]) }, `seed ${key}`);
    S[key] = { seed, client };
  }
});
after(async () => {
  await server?.stop();
});

const idOf = (k) => S[k].client.id;
const idsOf = (...keys) => sortIds(keys.map(idOf));
/** Ids of the seeds matching a predicate on the seed. */
const where = (pred) => sortIds(Object.values(S).filter((x) => pred(x.seed)).map((x) => x.client.id));
const keysOf = (ids) => ids.map((id) => Object.keys(S).find((k) => S[k].client.id === id) ?? `#${id}`);
const q = (s) => `q=${encodeURIComponent(s)}`;

async function expectIds(query, expected, what = query) {
  const got = await allIds(owner.client, query);
  assert.deepEqual(keysOf(got), keysOf(expected), `?${what}`);
}

test('q finds any part of a name, case-insensitive in Cyrillic and Latin', async () => {
  await expectIds(q('оле'), idsOf('s1', 's2', 's7'), 'q=оле (Олена, ОЛЕГ, Олешко)');
  await expectIds(q('ОЛЕ'), idsOf('s1', 's2', 's7'), 'q=ОЛЕ');
  await expectIds(q('Олена'), idsOf('s1'));
  await expectIds(q('вален'), idsOf('s1'), 'middle part of a surname');
  await expectIds(q('ПЕТРІВН'), idsOf('s1'), 'middle name');
  await expectIds(q('петр'), idsOf('s1', 's2'), 'Петрівна and ПЕТРЕНКО');
  await expectIds(q('smi'), idsOf('s3', 's4'), 'Latin, lower case');
  await expectIds(q('SMITH'), idsOf('s3', 's4'), 'Latin, upper case');
  await expectIds(q('mIlY'), idsOf('s9'), 'Latin, mixed case');
  await expectIds(q('іри'), idsOf('s5', 's6'), 'Ukrainian і folds with І');
  await expectIds(q('ІРИНА'), idsOf('s5', 's6'));
  await expectIds(q('марія'), idsOf('s10'), 'a part of a hyphenated name');
  await expectIds(q('Олена Коваленко'), idsOf('s1'), 'the display name');
  await expectIds(q('  оле  '), idsOf('s1', 's2', 's7'), 'surrounding spaces are ignored');
  await expectIds(q('нікого'), [], 'no match');
  await expectIds(q(''), await allIds(owner.client), 'empty q lists everyone');
});

test('q with SQL wildcards or quotes matches literally', async () => {
  for (const s of ['%', '_', "'", '\\', '%оле%', "' OR '1'='1", '"; DROP TABLE clients; --']) {
    await expectIds(q(s), [], `q=${s}`);
  }
});

test('q with 3+ digits searches phones, ignoring spaces, dashes, brackets and +', async () => {
  await expectIds(q('4567'), idsOf('s1'), 'q=4567');
  await expectIds(q('067 123'), idsOf('s1'), 'q=067 123');
  await expectIds(q('(067) 123-45'), idsOf('s1'), 'q=(067) 123-45');
  await expectIds(q('+38050111'), idsOf('s2'), 'q=+38050111');
  await expectIds(q('0671234567'), idsOf('s1'), 'the whole national number');
  await expectIds(q('+380671234567'), idsOf('s1'), 'the whole E.164 number');
  await expectIds(q('555 00 55'), idsOf('s7'), 'a second phone');
  await expectIds(q('0088'), idsOf('s5'));
  await expectIds(q('123456789012345'), [], 'digits nobody has');
});

test('q with fewer than 3 digits does not search phones', async () => {
  await expectIds(q('45'), [], 'q=45');
  await expectIds(q('67'), [], 'q=67');
  await expectIds(q('0'), [], 'q=0');
  await expectIds(q('4-5'), [], 'q=4-5');
});

test('tag_ids means "has all these tags"', async () => {
  await expectIds(`tag_ids=${T1.id}`, where((s) => s.tags.includes('T1')));
  await expectIds(`tag_ids=${T2.id}`, where((s) => s.tags.includes('T2')));
  await expectIds(`tag_ids=${T1.id}%2C${T2.id}`, where((s) => s.tags.includes('T1') && s.tags.includes('T2')));
  assert.deepEqual(keysOf(await allIds(owner.client, `tag_ids=${T1.id}%2C${T2.id}`)), ['s1', 's5']);
  const unused = await createTag(owner.client, 'Нікому', '#000000');
  await expectIds(`tag_ids=${unused.id}`, []);
  await expectIds(`tag_ids=${T1.id}%2C${unused.id}`, []);
});

test('the documented raw-comma form tag_ids=1,2 works like the encoded one', async () => {
  await expectIds(`tag_ids=${T1.id},${T2.id}`, idsOf('s1', 's5'), 'tag_ids with a raw comma');
});

test('gender, source and consent filters', async () => {
  for (const g of ['female', 'male', 'other']) await expectIds(`gender=${g}`, where((s) => s.gender === g));
  for (const src of ['instagram', 'google_maps', 'friend', 'walk_in', 'campaign', 'online_booking', 'other']) {
    await expectIds(`source=${src}`, where((s) => s.source === src));
  }
  for (const ch of ['sms', 'telegram', 'viber', 'email']) await expectIds(`consent=${ch}`, where((s) => s.consent[ch]));
});

test('age range (full years today in the organization time zone)', async () => {
  const age = (s) => (s.birthday ? ageOn(s.birthday, today) : null);
  assert.equal(age(S.s9.seed), 30);
  assert.equal(age(S.s10.seed), 29);
  await expectIds('age_min=30', where((s) => age(s) !== null && age(s) >= 30));
  await expectIds('age_max=29', where((s) => age(s) !== null && age(s) <= 29));
  await expectIds('age_min=30&age_max=30', where((s) => age(s) === 30));
  await expectIds('age_min=29&age_max=30', where((s) => age(s) === 29 || age(s) === 30));
  await expectIds('age_min=0', where((s) => age(s) !== null), 'age_min=0 leaves out clients without a birthday');
  await expectIds('age_min=150', []);
});

test('birthday period, also across the new year, bounds included', async () => {
  const md = (s) => s.birthday?.slice(5);
  await expectIds('birthday_from=12-20&birthday_to=01-10', where((s) => md(s) && (md(s) >= '12-20' || md(s) <= '01-10')));
  for (const k of ['s1', 's2', 's4', 's5']) assert.ok(where((s) => md(s) && (md(s) >= '12-20' || md(s) <= '01-10')).includes(idOf(k)));
  await expectIds('birthday_from=12-01&birthday_to=12-31', where((s) => md(s) && md(s) >= '12-01'));
  await expectIds('birthday_from=06-15&birthday_to=06-15', where((s) => md(s) === '06-15'));
  await expectIds('birthday_from=01-11&birthday_to=01-11', where((s) => md(s) === '01-11'));
});

test('created period', async () => {
  const everyone = await allIds(owner.client);
  await expectIds(`created_from=${addDays(today, -1)}&created_to=${addDays(today, 1)}`, everyone);
  await expectIds(`created_from=${addDays(today, -1)}`, everyone);
  await expectIds(`created_to=${addDays(today, 1)}`, everyone);
  await expectIds('created_to=2000-01-01', []);
  await expectIds(`created_from=${addDays(today, 2)}`, []);
});

test('visit statistics filters at their zero boundaries (no visits yet)', async () => {
  const everyone = await allIds(owner.client);
  assert.equal(everyone.length, Object.keys(S).length);
  for (const query of ['visits_min=0', 'visits_max=0', 'visits_max=5', 'spent_min=0', 'spent_max=0', 'no_shows_min=0']) {
    await expectIds(query, everyone);
  }
  for (const query of ['visits_min=1', 'spent_min=1', 'no_shows_min=1', 'last_visit_after=2000-01-01', 'visits_min=1&visits_max=3']) {
    await expectIds(query, []);
  }
  // Nobody has visited yet; whatever sleeping_days and last_visit_before mean for such
  // clients, the answer is a list of this organization's clients.
  for (const query of ['sleeping_days=30', 'sleeping_days=0', `last_visit_before=${addDays(today, 1)}`]) {
    const ids = await allIds(owner.client, query);
    for (const id of ids) assert.ok(everyone.includes(id), `?${query} lists only seeds`);
  }
});

test('filters combine with AND', async () => {
  await expectIds(`gender=female&tag_ids=${T1.id}&consent=sms`, idsOf('s1'));
  await expectIds(`${q('оле')}&gender=male`, idsOf('s2', 's7'));
  await expectIds(`${q('оле')}&tag_ids=${T1.id}`, idsOf('s1', 's2'));
  await expectIds(`${q('іри')}&consent=viber`, idsOf('s5'));
  await expectIds(`source=instagram&gender=female&birthday_from=12-01&birthday_to=12-31`, idsOf('s1'));
  await expectIds(`${q('4567')}&gender=male`, []);
  await expectIds(`gender=female&age_min=30&visits_max=0`, where((s) => s.gender === 'female' && s.birthday && ageOn(s.birthday, today) >= 30));
});

test('bad filter values are 400 naming the parameter', async () => {
  const bad = [
    ['tag_ids', 'abc'],
    ['tag_ids', '1,,x'],
    ['gender', 'x'],
    ['age_min', 'abc'],
    ['age_min', '-1'],
    ['age_min', '1.5'],
    ['age_max', 'old'],
    ['birthday_from', '13-01'],
    ['birthday_from', '02-30'],
    ['birthday_to', '12-32'],
    ['birthday_to', 'december'],
    ['source', 'tv'],
    ['consent', 'fax'],
    ['created_from', '2020-13-01'],
    ['created_to', 'yesterday'],
    ['last_visit_before', 'x'],
    ['last_visit_after', '2020-02-30'],
    ['visits_min', 'x'],
    ['visits_max', '-1'],
    ['spent_min', 'abc'],
    ['spent_max', '1.5'],
    ['no_shows_min', 'many'],
    ['sleeping_days', 'x'],
    ['sleeping_days', '-3'],
    ['segment_id', 'abc'],
    ['archived', 'maybe'],
    ['with_total', 'perhaps'],
    ['visits_min', '99999999999999999999999'],
  ];
  await checkAll(bad, async ([param, value]) => {
    assertBadParam(await owner.client.get(`${CLIENTS}?${param}=${encodeURIComponent(value)}`), param);
  });
  // With other, valid parameters around it too.
  assertBadParam(await owner.client.get(`${CLIENTS}?${q('оле')}&gender=female&age_min=zz&limit=5`), 'age_min');
});

test('a saved segment lists the clients its filter matches', async () => {
  const res = await owner.client.post(SEGMENTS, { name: 'Жінки постійні', filter: { gender: 'female', tag_ids: [T1.id] } });
  assertStatus(res, 201);
  const seg = res.json;
  assert.ok(Number.isInteger(seg.id));
  assert.equal(seg.name, 'Жінки постійні');
  assert.equal(seg.filter.gender, 'female');
  assert.deepEqual(seg.filter.tag_ids.map(Number), [T1.id]);
  const expected = idsOf('s1', 's5');
  assert.equal(seg.clients, expected.length, 'segment.clients counts the matching clients');
  await expectIds(`segment_id=${seg.id}`, expected);
  for (const c of assertList(await owner.client.get(`${CLIENTS}?segment_id=${seg.id}`))) assertClient(c);

  const got = await owner.client.get(`${SEGMENTS}/${seg.id}`);
  assertStatus(got, 200);
  assert.equal(got.json.name, seg.name);
  assert.equal(got.json.clients, expected.length);
  const list = itemsOf(await owner.client.get(SEGMENTS));
  assert.ok(list.some((x) => x.id === seg.id && x.name === seg.name), 'segment in the list');

  // segment_id combines with the other filters.
  await expectIds(`segment_id=${seg.id}&${q('іри')}`, idsOf('s5'));

  const renamed = await owner.client.patch(`${SEGMENTS}/${seg.id}`, { name: 'Постійні жінки' });
  assertStatus(renamed, 200);
  assert.equal(renamed.json.name, 'Постійні жінки');
  assert.equal(renamed.json.filter.gender, 'female', 'renaming keeps the filter');
  await expectIds(`segment_id=${seg.id}`, expected);

  const refiltered = await owner.client.patch(`${SEGMENTS}/${seg.id}`, { filter: { gender: 'male' } });
  assertStatus(refiltered, 200);
  assert.equal(refiltered.json.clients, where((s) => s.gender === 'male').length);
  await expectIds(`segment_id=${seg.id}`, where((s) => s.gender === 'male'));

  const del = await owner.client.delete(`${SEGMENTS}/${seg.id}`);
  assert.ok([200, 204].includes(del.status), `DELETE segment: ${del.status} ${del.text}`);
  assertProblem(await owner.client.get(`${SEGMENTS}/${seg.id}`), 404, 'not-found');
  assert4xx(await owner.client.get(`${CLIENTS}?segment_id=${seg.id}`), 'listing a deleted segment');
  assert.ok(!itemsOf(await owner.client.get(SEGMENTS)).some((x) => x.id === seg.id));
});

test('segments take every list filter key (q, birthday period across the new year, ages, stats)', async () => {
  const cases = [
    [{ q: 'оле' }, idsOf('s1', 's2', 's7')],
    [{ q: '4567' }, idsOf('s1')],
    [{ birthday_from: '12-20', birthday_to: '01-10' }, where((s) => s.birthday && (s.birthday.slice(5) >= '12-20' || s.birthday.slice(5) <= '01-10'))],
    [{ age_min: 30, age_max: 30 }, where((s) => s.birthday && ageOn(s.birthday, today) === 30)],
    [{ visits_min: 1 }, []],
    [{ source: 'instagram', consent: 'email' }, idsOf('s3')],
    [{ tag_ids: [T1.id, T2.id] }, idsOf('s1', 's5')],
  ];
  for (const [filter, expected] of cases) {
    const res = await owner.client.post(SEGMENTS, { name: `Сегмент ${JSON.stringify(filter)}`, filter });
    assertStatus(res, 201, `segment ${JSON.stringify(filter)}`);
    assert.equal(res.json.clients, expected.length, `clients of ${JSON.stringify(filter)}`);
    await expectIds(`segment_id=${res.json.id}`, expected, `segment ${JSON.stringify(filter)}`);
  }
});

test('bad segments are 422; unknown segments 404', async () => {
  assertValidation(await owner.client.post(SEGMENTS, { filter: { gender: 'female' } }), { name: 'required' });
  assertValidation(await owner.client.post(SEGMENTS, { name: '', filter: {} }), ['name']);
  for (const filter of [{ gender: 'x' }, { age_min: 'abc' }, { birthday_from: '13-40' }, { tag_ids: 'x' }, 'female', [1]]) {
    const res = await owner.client.post(SEGMENTS, { name: 'Погана', filter });
    assertStatus(res, 422, `filter ${JSON.stringify(filter)}`);
  }
  assertProblem(await owner.client.get(`${SEGMENTS}/99999999`), 404, 'not-found');
  assertProblem(await owner.client.patch(`${SEGMENTS}/99999999`, { name: 'x' }), 404, 'not-found');
  assertProblem(await owner.client.delete(`${SEGMENTS}/99999999`), 404, 'not-found');
  assert4xx(await owner.client.get(`${CLIENTS}?segment_id=99999999`), 'unknown segment_id');
  assert4xx(await owner.client.get(`${SEGMENTS}/abc`), 'segment id abc');
  const seg = (await owner.client.post(SEGMENTS, { name: 'Для патча', filter: {} })).json;
  assertStatus(await owner.client.patch(`${SEGMENTS}/${seg.id}`, { filter: { gender: 'nope' } }), 422);
  assertStatus(await owner.client.post(SEGMENTS, { name: 'Пустий', filter: {} }), 201, 'an empty filter is everyone');
});

test('archived clients are hidden from search and filters unless archived=true', async () => {
  const arch = await createClient(owner.client, { first_name: 'Олеся', gender: 'female', phones: ['+380661234000'] });
  assertStatus(await owner.client.delete(`${CLIENTS}/${arch.id}`), 200);
  assert.ok(!(await allIds(owner.client, q('оле'))).includes(arch.id));
  assert.ok(!(await allIds(owner.client, q('1234000'))).includes(arch.id));
  assert.ok(!(await allIds(owner.client, 'gender=female')).includes(arch.id));
  assert.ok((await allIds(owner.client, `${q('оле')}&archived=true`)).includes(arch.id));
  assert.ok((await allIds(owner.client, 'gender=female&archived=true')).includes(arch.id));
  const active = await listAll(owner.client, CLIENTS);
  assert.ok(active.every((c) => c.archived === false));
});
