// Staff (masters): create and edit every field, phones to E.164, colours, booking steps,
// the work-permit warning, the linked login account (a user of this organization only),
// which services a master performs, filters, archiving, what masters may see and do.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertStatus, assertProblem, signup, addUser } from '../lib/api.mjs';
import {
  STAFF,
  SERVICES,
  items,
  branchOf,
  assertStaff,
  assertDeleted,
  assertFieldError,
  each,
  createStaff,
  createService,
  getJson,
  civilToday,
  addDays,
  BOOKING_STEPS,
} from '../lib/staff.mjs';

let server;
let owner;
let master;
let manager;
let otherOrg;
let branch;

before(async () => {
  server = await startServer();
  owner = await signup(server);
  master = await addUser(server, owner.client, 'master');
  manager = await addUser(server, owner.client, 'manager');
  otherOrg = await signup(server);
  branch = branchOf(owner);
});
after(async () => {
  await server?.stop();
});

const ids = (list) => list.map((x) => x.id);

test('a master with only a name gets the documented defaults', async () => {
  const m = await createStaff(owner.client, branch.id, { name: 'Мінімальна' });
  assert.equal(m.name, 'Мінімальна');
  assert.equal(m.branch_id, branch.id);
  assert.equal(m.phone, null);
  assert.equal(m.email, null);
  assert.equal(m.booking_step, 15);
  assert.equal(m.online_booking, true);
  assert.deepEqual(m.service_ids, []);
  assert.equal(m.user_id, null);
  assert.equal(m.work_permit_expires, null);
  assert.equal(m.work_permit_warning, false);
  assert.equal(m.archived, false);
  assert.deepEqual(await getJson(owner.client, `${STAFF}/${m.id}`), m, 'GET answers what POST did');
});

test('every field round-trips; the phone is stored in E.164', async () => {
  const body = {
    branch_id: branch.id,
    name: 'Олена Бондаренко',
    position: 'Топ-майстер манікюру',
    bio: 'Досвід 8 років',
    phone: '067 123 45 67',
    email: 'olena.staff@example.com',
    color: '#7950F2',
    online_booking: false,
    booking_step: 30,
    hire_date: '2021-03-15',
    work_permit_expires: '2030-01-01',
    user_id: master.user.id,
  };
  const res = await owner.client.post(STAFF, body);
  assertStatus(res, 201);
  const m = res.json;
  assertStaff(m);
  assert.equal(m.phone, '+380671234567');
  assert.equal(m.color.toLowerCase(), '#7950f2');
  for (const k of ['name', 'position', 'bio', 'email', 'online_booking', 'booking_step', 'hire_date', 'work_permit_expires', 'user_id']) {
    assert.deepEqual(m[k], body[k], `${k}: ${JSON.stringify(m)}`);
  }
  assert.equal(m.work_permit_warning, false);

  const p = await owner.client.patch(`${STAFF}/${m.id}`, { position: 'Майстер', phone: '+38 (050) 765-43-21', booking_step: 60 });
  assertStatus(p, 200);
  assertStaff(p.json);
  assert.equal(p.json.phone, '+380507654321');
  assert.equal(p.json.booking_step, 60);
  assert.equal(p.json.position, 'Майстер');
  assert.equal(p.json.bio, 'Досвід 8 років', 'PATCH keeps fields it was not given');
  const cleared = await owner.client.patch(`${STAFF}/${m.id}`, { phone: null, email: null, user_id: null });
  assertStatus(cleared, 200);
  assert.equal(cleared.json.phone, null);
  assert.equal(cleared.json.email, null);
  assert.equal(cleared.json.user_id, null);
});

test('phones in any usual Ukrainian spelling become E.164; junk is refused', async () => {
  for (const phone of ['067 123 45 67', '+38 (067) 123-45-67', '380671234567', '0671234567']) {
    const m = await createStaff(owner.client, branch.id, { phone });
    assert.equal(m.phone, '+380671234567', `phone "${phone}"`);
  }
  for (const phone of ['abc', '123', '+380', '067 123 45 67 89 00 11']) {
    assertFieldError(await owner.client.post(STAFF, { branch_id: branch.id, name: 'Телефон', phone }), 'phone');
  }
});

test('colour, booking step, email, dates and branch are validated', async () => {
  for (const step of BOOKING_STEPS) {
    const m = await createStaff(owner.client, branch.id, { booking_step: step });
    assert.equal(m.booking_step, step);
  }
  await each(
    [
      [{ booking_step: 0 }, 'booking_step'],
      [{ booking_step: 7 }, 'booking_step'],
      [{ booking_step: 25 }, 'booking_step'],
      [{ booking_step: 45 }, 'booking_step'],
      [{ booking_step: 90 }, 'booking_step'],
      [{ booking_step: -15 }, 'booking_step'],
      [{ booking_step: '15' }, 'booking_step'],
      [{ color: 'red' }, 'color'],
      [{ color: '#12345' }, 'color'],
      [{ color: '#zzzzzz' }, 'color'],
      [{ color: '' }, 'color'],
      [{ email: 'not-an-email' }, 'email'],
      [{ hire_date: '2026-02-30' }, 'hire_date'],
      [{ hire_date: '15.03.2021' }, 'hire_date'],
      [{ work_permit_expires: 'soon' }, 'work_permit_expires'],
      [{ name: '' }, 'name'],
      [{ name: undefined }, 'name', 'required'],
      [{ branch_id: 987654321 }, 'branch_id'],
      [{ user_id: 987654321 }, 'user_id', 'not_found'],
      [{ user_id: otherOrg.payload.user.id }, 'user_id', 'not_found'],
      [{ service_ids: [987654321] }, 'service_ids', 'not_found'],
      [{ online_booking: 'yes' }, 'online_booking', 'invalid_type'],
    ],
    async ([patch, field, code]) => {
      const res = await owner.client.post(STAFF, { branch_id: branch.id, name: 'Валідація', ...patch });
      assertFieldError(res, field, code);
    },
  );
  const m = await createStaff(owner.client, branch.id);
  assertFieldError(await owner.client.patch(`${STAFF}/${m.id}`, { booking_step: 45 }), 'booking_step');
  assertFieldError(await owner.client.patch(`${STAFF}/${m.id}`, { user_id: otherOrg.payload.user.id }), 'user_id', 'not_found');
  assertFieldError(await owner.client.patch(`${STAFF}/${m.id}`, { color: 'blue' }), 'color');
  const got = await getJson(owner.client, `${STAFF}/${m.id}`);
  assert.equal(got.booking_step, 15, 'unchanged');
  assert.equal(got.user_id, null, 'unchanged');
  assertProblem(await owner.client.get(`${STAFF}/987654321`), 404, 'not-found');
  assertProblem(await owner.client.patch(`${STAFF}/987654321`, { name: 'x' }), 404, 'not-found');
});

test('work_permit_warning is true when the permit expires within 30 days or has expired', async () => {
  const today = civilToday();
  const cases = [
    [addDays(today, 5), true],
    [addDays(today, 25), true],
    [addDays(today, -3), true],
    [addDays(today, 45), false],
    [addDays(today, 400), false],
    [null, false],
  ];
  for (const [expires, warning] of cases) {
    const m = await createStaff(owner.client, branch.id, { work_permit_expires: expires });
    assert.equal(m.work_permit_warning, warning, `expires ${expires}: ${JSON.stringify(m)}`);
    assert.equal((await getJson(owner.client, `${STAFF}/${m.id}`)).work_permit_warning, warning, `GET, expires ${expires}`);
  }
  const m = await createStaff(owner.client, branch.id, { work_permit_expires: addDays(today, 90) });
  const p = await owner.client.patch(`${STAFF}/${m.id}`, { work_permit_expires: addDays(today, 10) });
  assertStatus(p, 200);
  assert.equal(p.json.work_permit_warning, true, 'PATCH recomputes the warning');
});

test('PUT /staff/{id}/services and PATCH service_ids replace what the master performs', async () => {
  const a = await createService(owner.client, { name: 'Манікюр' });
  const b = await createService(owner.client, { name: 'Педикюр' });
  const c = await createService(owner.client, { name: 'Нарощення' });
  const m = await createStaff(owner.client, branch.id, { service_ids: [a.id] });
  assert.deepEqual(m.service_ids, [a.id]);

  const put = await owner.client.put(`${STAFF}/${m.id}/services`, { service_ids: [b.id, c.id] });
  assertStatus(put, 200, 'PUT services');
  const got = await getJson(owner.client, `${STAFF}/${m.id}`);
  assert.deepEqual([...got.service_ids].sort((x, y) => x - y), [b.id, c.id].sort((x, y) => x - y));
  const sb = await getJson(owner.client, `${SERVICES}/${b.id}`);
  assert.ok(sb.staff.some((x) => x.staff_id === m.id), `service.staff lists the master: ${JSON.stringify(sb.staff)}`);
  const sa = await getJson(owner.client, `${SERVICES}/${a.id}`);
  assert.ok(!sa.staff.some((x) => x.staff_id === m.id), 'no longer on the old service');

  const byService = ids(items(await owner.client.get(`${STAFF}?service_id=${c.id}`)));
  assert.ok(byService.includes(m.id), '?service_id= finds the master');
  assert.ok(!ids(items(await owner.client.get(`${STAFF}?service_id=${a.id}`))).includes(m.id), '?service_id= filters');

  const p = await owner.client.patch(`${STAFF}/${m.id}`, { service_ids: [a.id] });
  assertStatus(p, 200);
  assert.deepEqual(p.json.service_ids, [a.id]);

  assertFieldError(await owner.client.put(`${STAFF}/${m.id}/services`, { service_ids: [987654321] }), 'service_ids', 'not_found');
  assertFieldError(await owner.client.put(`${STAFF}/${m.id}/services`, { service_ids: 'all' }), 'service_ids');
  assert.deepEqual((await getJson(owner.client, `${STAFF}/${m.id}`)).service_ids, [a.id], 'unchanged after refused writes');
});

test('list by branch; DELETE archives (hidden from lists, readable by id, listed with ?archived=true)', async () => {
  const b2 = await owner.client.post('/api/v1/branches', { name: 'Друга філія', timezone: 'Europe/Kyiv' });
  assertStatus(b2, 201);
  const here = await createStaff(owner.client, branch.id, { name: 'Тут' });
  const there = await createStaff(owner.client, b2.json.id, { name: 'Там' });
  const list = items(await owner.client.get(`${STAFF}?branch_id=${branch.id}`));
  list.forEach((m) => assertStaff(m));
  assert.ok(ids(list).includes(here.id) && !ids(list).includes(there.id), '?branch_id= filters');
  assert.ok(list.every((m) => m.branch_id === branch.id));

  assertDeleted(await owner.client.delete(`${STAFF}/${here.id}`));
  const got = await getJson(owner.client, `${STAFF}/${here.id}`);
  assert.equal(got.archived, true);
  assert.equal(got.name, 'Тут');
  assert.ok(!ids(items(await owner.client.get(STAFF))).includes(here.id), 'hidden from the list');
  assert.ok(!ids(items(await owner.client.get(`${STAFF}?archived=false`))).includes(here.id));
  assert.ok(ids(items(await owner.client.get(`${STAFF}?archived=true`))).includes(here.id), 'listed with archived=true');
});

test('masters see staff without other staff phone and email, and get 403 on every write', async () => {
  const secretPhone = '+380931112233';
  const secretEmail = 'hidden.master@example.com';
  const other = await createStaff(owner.client, branch.id, { name: 'Колега', phone: secretPhone, email: secretEmail });
  const list = items(await master.client.get(STAFF));
  const seen = list.find((m) => m.id === other.id);
  assert.ok(seen, 'a master sees the colleague');
  assert.equal(seen.name, 'Колега');
  for (const m of list.filter((x) => x.id === other.id)) {
    assert.ok(!('phone' in m) || m.phone === null, `phone hidden: ${JSON.stringify(m)}`);
    assert.ok(!('email' in m) || m.email === null, `email hidden: ${JSON.stringify(m)}`);
  }
  const card = await master.client.get(`${STAFF}/${other.id}`);
  assertStatus(card, 200);
  assert.ok(!card.text.includes('931112233') && !card.text.includes(secretEmail), `card hides contacts: ${card.text}`);
  assert.ok(!JSON.stringify(list).includes('931112233') && !JSON.stringify(list).includes(secretEmail), 'list hides contacts');

  assertProblem(await master.client.post(STAFF, { branch_id: branch.id, name: 'Я' }), 403, 'forbidden');
  assertProblem(await master.client.patch(`${STAFF}/${other.id}`, { name: 'Я' }), 403, 'forbidden');
  assertProblem(await master.client.delete(`${STAFF}/${other.id}`), 403, 'forbidden');
  assertProblem(await master.client.put(`${STAFF}/${other.id}/services`, { service_ids: [] }), 403, 'forbidden');
  assert.equal((await getJson(owner.client, `${STAFF}/${other.id}`)).name, 'Колега', 'unchanged');

  // Managers write.
  const m = await createStaff(manager.client, branch.id, { name: 'Від менеджера', phone: '0501234567' });
  assert.equal(m.phone, '+380501234567');
  assertStatus(await manager.client.patch(`${STAFF}/${m.id}`, { booking_step: 20 }), 200);
  assertDeleted(await manager.client.delete(`${STAFF}/${m.id}`));
});

test('creating and changing a master writes audit entries', async () => {
  const m = await createStaff(owner.client, branch.id, { name: 'Аудит' });
  assertStatus(await owner.client.patch(`${STAFF}/${m.id}`, { booking_step: 30 }), 200);
  const entries = items(await owner.client.get(`/api/v1/audit?entity=staff&entity_id=${m.id}`));
  assert.ok(entries.length >= 2, `audit entries for the master: ${JSON.stringify(entries.map((e) => e.action))}`);
  assert.ok(entries.some((e) => e.before?.booking_step === 15 && e.after?.booking_step === 30), 'the change has before and after');
});
