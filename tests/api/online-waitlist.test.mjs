// The public waitlist form (POST /public/branches/{slug}/waitlist): 201 {status: waiting}; the
// entry shows in the staff waitlist of the branch with the client linked by phone (any format)
// or created (source "online booking"); validation; nothing of other clients in the answer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertStatus } from '../lib/api.mjs';
import { createClient, getClient } from '../lib/clients.mjs';
import { WAITLIST, assertWaitlistEntry, assertFieldErr, future, addDays } from '../lib/booking.mjs';
import { startOnlineServer, setupOnlineSalon, setRules, branchPath, anon, onlinePhone, nationalSpaced } from '../lib/online.mjs';

let server;
let s;

before(async () => {
  server = await startOnlineServer();
  s = await setupOnlineSalon(server);
});
after(async () => {
  await server?.stop();
});

const waitlistPath = () => `${branchPath(s.slug)}/waitlist`;
const post = (body) => anon(server).post(waitlistPath(), body);

function body(overrides = {}) {
  const d = future(10);
  return {
    service_ids: [s.services.cut.id],
    dates: { from: d, to: addDays(d, 3) },
    client: { name: 'Чекаю Онлайн', phone: onlinePhone() },
    ...overrides,
  };
}

async function staffList() {
  const res = await s.c.get(`${WAITLIST}?branch_id=${s.branch.id}`);
  assertStatus(res, 200, 'staff waitlist');
  res.json.items.forEach(assertWaitlistEntry);
  return res.json.items;
}

test('201 waiting; the staff waitlist has it with a new client (source "online booking")', async () => {
  await setRules(s);
  const d = future(10);
  const phone = onlinePhone();
  const res = await post({
    service_ids: [s.services.cut.id, s.services.quick.id],
    staff_id: s.anna.id,
    dates: { from: d, to: addDays(d, 2) },
    time_from: '12:00',
    time_to: '16:00',
    client: { name: 'Марта', phone, email: 'marta@example.test' },
    comment: 'Після обіду',
  });
  assertStatus(res, 201, 'waitlist');
  assert.deepEqual(res.json, { status: 'waiting' });
  const e = (await staffList()).find((x) => x.client.phone === phone);
  assert.ok(e, 'the entry is in the staff waitlist');
  assert.equal(e.status, 'waiting');
  assert.deepEqual([...e.service_ids].sort((a, b) => a - b), [s.services.cut.id, s.services.quick.id].sort((a, b) => a - b));
  assert.equal(e.staff_id, s.anna.id);
  assert.equal(e.date_from, d);
  assert.equal(e.date_to, addDays(d, 2));
  assert.equal(e.time_from, '12:00');
  assert.equal(e.time_to, '16:00');
  assert.ok(e.notes.includes('Після обіду'), `the comment is in the notes: ${e.notes}`);
  const c = await getClient(s.c, e.client_id);
  assert.equal(c.first_name, 'Марта');
  assert.deepEqual(c.phones, [phone]);
  assert.equal(c.email, 'marta@example.test');
  assert.equal(c.source, 'online_booking');
  // Minimal: any master, no hours.
  const m = body();
  assertStatus(await post(m), 201, 'minimal');
  const e2 = (await staffList()).find((x) => x.client.phone === m.client.phone);
  assert.ok(e2);
  assert.equal(e2.staff_id, null);
  assert.equal(e2.time_from, null);
  assert.equal(e2.time_to, null);
});

test('an existing client\'s phone in another format is linked; nothing about them comes back', async () => {
  await setRules(s);
  const phone = onlinePhone();
  const existing = await createClient(s.c, { first_name: 'Таїсія', last_name: 'Прихована', phones: [phone], email: 'taisia@example.test' });
  const res = await post(body({ client: { name: 'Тая', phone: nationalSpaced(phone) } }));
  assertStatus(res, 201);
  for (const n of ['Таїсія', 'Прихована', 'taisia@', String(existing.id)]) assert.ok(!res.text.includes(n), `leaks ${n}: ${res.text}`);
  const e = (await staffList()).find((x) => x.client_id === existing.id);
  assert.ok(e, 'the entry is linked to the existing client');
  const after = await getClient(s.c, existing.id);
  assert.deepEqual(after.phones, [phone]);
});

test('validation: services, master, dates, hours, client, comment, honeypot', async () => {
  await setRules(s);
  const d = future(10);
  // Errors of dates.from/dates.to (the body's names), or date_from/date_to (the staff waitlist's).
  const DATES = ['dates', 'date_from', 'date_to'];
  const cases = [
    ['no services', { service_ids: undefined }, 'service_ids', 'required'],
    ['empty services', { service_ids: [] }, 'service_ids', 'required'],
    ['hidden service', { service_ids: [s.hidden.id] }, 'service_ids', 'not_found'],
    ['group service', { service_ids: [s.services.group.id] }, 'service_ids', 'not_found'],
    ['offline master', { staff_id: s.offline.id }, 'staff_id', 'not_found'],
    ['unknown master', { staff_id: 999999999 }, 'staff_id', 'not_found'],
    ['no dates', { dates: undefined }, DATES, undefined],
    ['dates a string', { dates: d }, DATES, undefined],
    ['no from', { dates: { to: d } }, DATES, undefined],
    ['bad from', { dates: { from: '2026-02-30', to: d } }, DATES, undefined],
    ['to before from', { dates: { from: addDays(d, 2), to: d } }, DATES, undefined],
    ['bad time_from', { time_from: '25:00' }, 'time_from', undefined],
    ['bad time_to', { time_to: 'noon' }, 'time_to', undefined],
    ['time_to before time_from', { time_from: '16:00', time_to: '12:00' }, ['time_to', 'time_from'], undefined],
    ['no name', { client: { phone: onlinePhone() } }, 'client.name', 'required'],
    ['long name', { client: { name: 'Я'.repeat(101), phone: onlinePhone() } }, 'client.name', 'too_long'],
    ['no phone', { client: { name: 'Без телефону' } }, 'client.phone', 'required'],
    ['bad phone', { client: { name: 'Кривий', phone: '12-ab' } }, 'client.phone', 'invalid_phone'],
    ['bad email', { client: { name: 'Пошта', phone: onlinePhone(), email: 'nope' } }, 'client.email', 'invalid_email'],
    ['long comment', { comment: 'ж'.repeat(501) }, 'comment', 'too_long'],
    ['honeypot', { website: 'http://spam.example' }, 'website', 'must_be_empty'],
  ];
  const failures = [];
  for (const [what, over, field, code] of cases) {
    const b = body(over);
    for (const [k, v] of Object.entries(over)) if (v === undefined) delete b[k];
    try {
      assertFieldErr(await post(b), field, code, what);
    } catch (e) {
      failures.push(`${what}: ${String(e.message).split('\n')[0].slice(0, 300)}`);
    }
  }
  assert.deepEqual(failures, [], `${failures.length} of ${cases.length} failed:\n${failures.join('\n')}`);
  const phones = new Set((await staffList()).map((x) => x.client.phone));
  assert.ok(!phones.has('12-ab'));
  for (const body of ['{"service_ids":', '[]', 'null']) {
    const res = await anon(server).request('POST', waitlistPath(), { body, contentType: 'application/json' });
    assert.ok(res.status >= 400 && res.status < 500, `${body}: ${res.status}`);
  }
});

test('unknown slug 404 branch-not-found; master_required does not apply to the waitlist form', async () => {
  const res = await anon(server).post(`${branchPath('no-such-salon')}/waitlist`, body());
  assert.equal(res.status, 404, res.text.slice(0, 200));
  assert.equal(res.json?.code, 'branch-not-found', res.text.slice(0, 200));
  await setRules(s, { master_required: true });
  try {
    const r = await post(body());
    assert.ok(r.status === 201 || r.status === 422, `${r.status} ${r.text.slice(0, 200)}`);
    if (r.status === 422) assertFieldErr(r, 'staff_id', 'required');
    assertStatus(await post(body({ staff_id: s.bohdana.id })), 201, 'with a master');
  } finally {
    await setRules(s);
  }
});
