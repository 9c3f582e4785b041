// Rooms and equipment: CRUD per branch, capacity, closures (RFC 3339 instants), the
// read-only list of services that need the room, archiving, validation, roles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, randomSuffix } from '../lib/server.mjs';
import { assertStatus, assertProblem, signup, addUser } from '../lib/api.mjs';
import {
  ROOMS,
  items,
  branchOf,
  assertRoom,
  assertDeleted,
  assertFieldError,
  each,
  createRoom,
  createService,
  getJson,
} from '../lib/staff.mjs';

let server;
let owner;
let master;
let branch;
let branch2;

before(async () => {
  server = await startServer();
  owner = await signup(server);
  master = await addUser(server, owner.client, 'master');
  branch = branchOf(owner);
  const b = await owner.client.post('/api/v1/branches', { name: `Філія ${randomSuffix(3)}`, timezone: 'Europe/Kyiv' });
  assertStatus(b, 201, 'second branch');
  branch2 = b.json;
});
after(async () => {
  await server?.stop();
});

const ids = (list) => list.map((x) => x.id);
const sameInstant = (a, b) => Date.parse(a) === Date.parse(b);

test('create a room with closures; read it back; list by branch', async () => {
  const closures = [
    { start: '2026-12-01T08:00:00Z', end: '2026-12-01T12:00:00Z', reason: 'Ремонт' },
    { start: '2026-12-24T10:00:00+02:00', end: '2026-12-26T10:00:00+02:00', reason: 'Свята' },
  ];
  const r = await createRoom(owner.client, branch.id, { name: 'Масажний кабінет', capacity: 2, closures });
  assert.equal(r.name, 'Масажний кабінет');
  assert.equal(r.capacity, 2);
  assert.equal(r.branch_id, branch.id);
  assert.deepEqual(r.service_ids, []);
  assert.equal(r.archived, false);
  assert.equal(r.closures.length, 2, `closures: ${JSON.stringify(r.closures)}`);
  const sorted = [...r.closures].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  for (const [i, c] of sorted.entries()) {
    assert.ok(sameInstant(c.start, closures[i].start), `closure ${i} start: ${c.start}`);
    assert.ok(sameInstant(c.end, closures[i].end), `closure ${i} end: ${c.end}`);
    assert.equal(c.reason, closures[i].reason);
  }
  const got = await getJson(owner.client, `${ROOMS}/${r.id}`);
  assertRoom(got);
  assert.deepEqual(got, r, 'GET answers what POST did');

  const other = await createRoom(owner.client, branch2.id, { name: 'Інша філія' });
  const mine = items(await owner.client.get(`${ROOMS}?branch_id=${branch.id}`));
  mine.forEach(assertRoom);
  assert.ok(ids(mine).includes(r.id), 'listed in its branch');
  assert.ok(!ids(mine).includes(other.id), 'the other branch room is filtered out');
  assert.ok(mine.every((x) => x.branch_id === branch.id));
  const all = ids(items(await owner.client.get(ROOMS)));
  assert.ok(all.includes(r.id) && all.includes(other.id), 'no filter: both');
});

test('PATCH renames, changes capacity and replaces closures', async () => {
  const r = await createRoom(owner.client, branch.id, { name: 'Солярій', closures: [{ start: '2026-12-01T08:00:00Z', end: '2026-12-01T09:00:00Z', reason: 'x' }] });
  const p = await owner.client.patch(`${ROOMS}/${r.id}`, { name: 'Солярій 2', capacity: 3, closures: [] });
  assertStatus(p, 200);
  assertRoom(p.json);
  assert.equal(p.json.name, 'Солярій 2');
  assert.equal(p.json.capacity, 3);
  assert.deepEqual(p.json.closures, []);
  const p2 = await owner.client.patch(`${ROOMS}/${r.id}`, { name: 'Солярій 3' });
  assertStatus(p2, 200);
  assert.equal(p2.json.capacity, 3, 'PATCH keeps fields it was not given');
});

test('service_ids lists the services that need the room and is read-only', async () => {
  const r = await createRoom(owner.client, branch.id, { name: 'Кабінет косметолога' });
  const s1 = await createService(owner.client, { room_ids: [r.id] });
  const s2 = await createService(owner.client, { room_ids: [r.id] });
  const got = await getJson(owner.client, `${ROOMS}/${r.id}`);
  assert.deepEqual([...got.service_ids].sort((a, b) => a - b), [s1.id, s2.id].sort((a, b) => a - b));
  const p = await owner.client.patch(`${ROOMS}/${r.id}`, { service_ids: [] });
  assert.ok(p.status === 200 || p.status === 422, `PATCH service_ids: 200 (ignored) or 422, got ${p.status} ${p.text.slice(0, 300)}`);
  const again = await getJson(owner.client, `${ROOMS}/${r.id}`);
  assert.equal(again.service_ids.length, 2, 'PATCH cannot change service_ids');
});

test('validation: capacity >= 1, a name, a known branch, closures that end after they start', async () => {
  await each(
    [
      [{ capacity: 0 }, 'capacity'],
      [{ capacity: -1 }, 'capacity'],
      [{ capacity: 1.5 }, 'capacity'],
      [{ capacity: 'two' }, 'capacity', 'invalid_type'],
      [{ name: '' }, 'name'],
      [{ name: undefined }, 'name', 'required'],
      [{ branch_id: 987654321 }, 'branch_id'],
      [{ closures: [{ start: '2026-12-01T12:00:00Z', end: '2026-12-01T08:00:00Z', reason: 'x' }] }, 'closures'],
      [{ closures: [{ start: '2026-12-01T12:00:00Z', end: '2026-12-01T12:00:00Z', reason: 'x' }] }, 'closures'],
      [{ closures: [{ start: 'tomorrow', end: '2026-12-01T08:00:00Z', reason: 'x' }] }, 'closures'],
      [{ closures: [{ start: '2026-02-30T08:00:00Z', end: '2026-03-01T08:00:00Z', reason: 'x' }] }, 'closures'],
      [{ closures: 'none' }, 'closures'],
    ],
    async ([patch, field, code]) => {
      const res = await owner.client.post(ROOMS, { branch_id: branch.id, name: 'Валідація', capacity: 1, ...patch });
      assertFieldError(res, field, code);
    },
  );
  const r = await createRoom(owner.client, branch.id);
  assertFieldError(await owner.client.patch(`${ROOMS}/${r.id}`, { capacity: 0 }), 'capacity');
  assert.equal((await getJson(owner.client, `${ROOMS}/${r.id}`)).capacity, 1, 'unchanged');
  assertProblem(await owner.client.get(`${ROOMS}/987654321`), 404, 'not-found');
  assertProblem(await owner.client.patch(`${ROOMS}/987654321`, { name: 'x' }), 404, 'not-found');
});

test('DELETE archives a room: hidden from lists, still readable by id', async () => {
  const r = await createRoom(owner.client, branch.id, { name: 'Архів' });
  assertDeleted(await owner.client.delete(`${ROOMS}/${r.id}`));
  const got = await getJson(owner.client, `${ROOMS}/${r.id}`);
  assert.equal(got.archived, true);
  assert.ok(!ids(items(await owner.client.get(ROOMS))).includes(r.id), 'hidden from the list');
  assert.ok(!ids(items(await owner.client.get(`${ROOMS}?branch_id=${branch.id}`))).includes(r.id));
  assert.ok(ids(items(await owner.client.get(`${ROOMS}?archived=true`))).includes(r.id), 'listed with archived=true');
});

test('masters read rooms and get 403 on writes', async () => {
  const r = await createRoom(owner.client, branch.id, { name: 'Ролі' });
  assert.ok(ids(items(await master.client.get(ROOMS))).includes(r.id));
  assertStatus(await master.client.get(`${ROOMS}/${r.id}`), 200);
  assertProblem(await master.client.post(ROOMS, { branch_id: branch.id, name: 'M', capacity: 1 }), 403, 'forbidden');
  assertProblem(await master.client.patch(`${ROOMS}/${r.id}`, { name: 'M' }), 403, 'forbidden');
  assertProblem(await master.client.delete(`${ROOMS}/${r.id}`), 403, 'forbidden');
  assert.equal((await getJson(owner.client, `${ROOMS}/${r.id}`)).name, 'Ролі');
});
