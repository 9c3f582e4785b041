// The demo salon created by `kvitka demo`, and the command-line tools.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, randomSuffix } from '../lib/server.mjs';
import {
  assertStatus,
  assertProblem,
  assertSessionPayload,
  listAll,
} from '../lib/api.mjs';

const DEMO_PASSWORD = 'kvitka-demo';
const DEMO_ACCOUNTS = {
  'owner@kvitka.demo': 'owner',
  'admin@kvitka.demo': 'admin',
  'manager@kvitka.demo': 'manager',
  'olena@kvitka.demo': 'master',
  'iryna@kvitka.demo': 'master',
  'maksym@kvitka.demo': 'master',
};

let server;
before(async () => {
  server = await startServer({ demo: true });
});
after(async () => {
  await server?.stop();
});

test('the demo owner logs in and sees "Kvitka Demo" in Europe/Kyiv', async () => {
  const c = server.client();
  const res = await c.login('owner@kvitka.demo', DEMO_PASSWORD);
  assertStatus(res, 200);
  assertSessionPayload(res.json);
  assert.equal(res.json.role, 'owner');
  assert.equal(res.json.org.name, 'Kvitka Demo');
  assert.equal(res.json.org.currency, 'UAH');
  assert.equal(res.json.org.country, 'UA');
  assert.ok(res.json.branches.length >= 1);
  const branch = res.json.branches.find((b) => b.slug === 'kvitka-demo');
  assert.ok(branch, `branch kvitka-demo: ${JSON.stringify(res.json.branches)}`);
  assert.equal(branch.name, 'Kvitka Demo');
  assert.equal(branch.timezone, 'Europe/Kyiv');
  assert.equal(branch.currency, 'UAH');
});

test('every demo account logs in with its role', async () => {
  for (const [email, role] of Object.entries(DEMO_ACCOUNTS)) {
    const res = await server.client().login(email, DEMO_PASSWORD);
    assertStatus(res, 200, email);
    assert.equal(res.json.role, role, email);
    assert.equal(res.json.user.email, email);
    assert.equal(res.json.org.name, 'Kvitka Demo');
  }
});

test('the master olena@kvitka.demo has the master role and its limits', async () => {
  const c = server.client();
  const res = await c.login('olena@kvitka.demo', DEMO_PASSWORD);
  assertStatus(res, 200);
  assert.equal(res.json.role, 'master');
  assert.equal(res.json.user.role, 'master');
  assertProblem(await c.get('/api/v1/users'), 403, 'forbidden');
});

test('the demo owner sees all six demo accounts', async () => {
  const c = server.client();
  assertStatus(await c.login('owner@kvitka.demo', DEMO_PASSWORD), 200);
  const users = await listAll(c, '/api/v1/users');
  for (const [email, role] of Object.entries(DEMO_ACCOUNTS)) {
    const u = users.find((x) => x.email === email);
    assert.ok(u, `${email} listed`);
    assert.equal(u.role, role);
    assert.equal(u.active, true);
  }
});

test('`kvitka demo` run again on the same database succeeds and duplicates nothing', async () => {
  const r = await server.cli(['demo']);
  assert.equal(r.code, 0, `exit ${r.code}\n${r.stdout}\n${r.stderr}`);
  const c = server.client();
  assertStatus(await c.login('owner@kvitka.demo', DEMO_PASSWORD), 200);
  const branches = await listAll(c, '/api/v1/branches');
  assert.equal(branches.filter((b) => b.slug === 'kvitka-demo').length, 1);
  const users = await listAll(c, '/api/v1/users');
  assert.equal(users.filter((u) => u.email === 'owner@kvitka.demo').length, 1);
});

test('`kvitka migrate` on an up-to-date database is a no-op', async () => {
  const r = await server.cli(['migrate']);
  assert.equal(r.code, 0, `exit ${r.code}\n${r.stdout}\n${r.stderr}`);
  assertStatus(await server.client().get('/healthz'), 200);
});

test('`kvitka user add` with a password: that login works', async () => {
  const email = `cli-${randomSuffix(4)}@y.z`;
  const r = await server.cli([
    'user', 'add', '--email', email, '--role', 'admin', '--org', 'Kvitka Demo', '--password', 'secret123',
  ]);
  assert.equal(r.code, 0, `exit ${r.code}\n${r.stdout}\n${r.stderr}`);
  const c = server.client();
  const res = await c.login(email, 'secret123');
  assertStatus(res, 200);
  assertSessionPayload(res.json);
  assert.equal(res.json.role, 'admin');
  assert.equal(res.json.org.name, 'Kvitka Demo');
});

test('`kvitka user add --name` sets the name', async () => {
  const email = `cli-named-${randomSuffix(4)}@y.z`;
  const r = await server.cli([
    'user', 'add', '--email', email, '--role', 'master', '--org', 'Kvitka Demo', '--name', 'Taras CLI', '--password', 'secret123',
  ]);
  assert.equal(r.code, 0, `exit ${r.code}\n${r.stdout}\n${r.stderr}`);
  const res = await server.client().login(email, 'secret123');
  assertStatus(res, 200);
  assert.equal(res.json.user.name, 'Taras CLI');
  assert.equal(res.json.role, 'master');
});

test('`kvitka user add` refuses bad input with a non-zero exit', async () => {
  const base = ['user', 'add', '--org', 'Kvitka Demo', '--password', 'secret123'];
  const cases = [
    [...base, '--email', `a-${randomSuffix(3)}@y.z`, '--role', 'emperor'],
    ['user', 'add', '--email', `b-${randomSuffix(3)}@y.z`, '--role', 'admin', '--org', 'No Such Org', '--password', 'secret123'],
    [...base, '--email', 'not-an-email', '--role', 'admin'],
  ];
  for (const args of cases) {
    const r = await server.cli(args);
    assert.notEqual(r.code, 0, `should fail: ${args.join(' ')}\n${r.stdout}\n${r.stderr}`);
    assert.ok(r.signal === null, `no crash: ${args.join(' ')} (signal ${r.signal})`);
  }
  // The existing owner is untouched.
  const res = await server.client().login('owner@kvitka.demo', DEMO_PASSWORD);
  assertStatus(res, 200);
  assert.equal(res.json.role, 'owner');
});

test('`kvitka user add` on an existing email recovers access: the new password works', async () => {
  const email = `cli-recover-${randomSuffix(4)}@y.z`;
  const add = ['user', 'add', '--email', email, '--org', 'Kvitka Demo'];
  assert.equal((await server.cli([...add, '--role', 'master', '--password', 'first-pass-1'])).code, 0);
  const r = await server.cli([...add, '--role', 'master', '--password', 'second-pass-2']);
  assert.equal(r.code, 0, `exit ${r.code}\n${r.stdout}\n${r.stderr}`);
  assertStatus(await server.client().login(email, 'second-pass-2'), 200);
  assertProblem(await server.client().login(email, 'first-pass-1'), 401, 'invalid-credentials');
});

test('`kvitka user add` cannot demote the last owner of an organization', async () => {
  // Recovering access is fine, but leaving an organization without an owner is not.
  const org = `CLI Org ${randomSuffix(3)}`;
  const c = server.client();
  const email = `cli-owner-${randomSuffix(4)}@y.z`;
  assertStatus(
    await c.post('/api/v1/signup', {
      org_name: org, branch_name: 'Main', timezone: 'Europe/Kyiv', currency: 'UAH',
      name: 'Only Owner', email, password: 'owner-pass-1',
    }),
    201,
  );
  const r = await server.cli(['user', 'add', '--email', email, '--role', 'admin', '--org', org, '--password', 'secret123']);
  const me = await server.client().login(email, r.code === 0 ? 'secret123' : 'owner-pass-1');
  assertStatus(me, 200);
  assert.equal(me.json.role, 'owner', `the only owner was demoted by the CLI (exit ${r.code}): ${r.stdout}${r.stderr}`);
});

test('`kvitka routes` prints METHOD /path lines', async () => {
  const { runKvitka } = await import('../lib/server.mjs');
  const r = await runKvitka(['routes']);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.ok(lines.length >= 10);
  for (const l of lines) assert.match(l, /^(GET|POST|PUT|PATCH|DELETE) \/\S*$/, l);
  assert.ok(lines.includes('GET /healthz'));
  assert.ok(lines.includes('POST /api/v1/auth/login'));
});
