// Channel settings of an organization (GET /settings/channels, GET/PUT /settings/channels/{channel}):
// secrets are stored but never answered (not in the audit log either), a PUT without a secret
// keeps it and null clears it, each field is checked (422 naming "<channel>.<field>"), only
// owners and managers may read and change them, and writes need the CSRF token.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertStatus, assertProblem, assertValidation, signup, addUser, listAll } from '../lib/api.mjs';

const SECRET = 'TOPSECRET-9f3c';
let server;
let owner;
const bodies = []; // every response body seen, to look for the secret

before(async () => {
  server = await startServer();
  owner = await signup(server);
});
after(async () => {
  await server?.stop();
});

async function call(client, method, path, json, opts = {}) {
  const res = await client.request(method, path, { json, ...opts });
  bodies.push(res.text);
  return res;
}
const put = (client, channel, json, opts) => call(client, 'PUT', `/api/v1/settings/channels/${channel}`, json, opts);
const get = (client, channel) => call(client, 'GET', `/api/v1/settings/channels/${channel}`);

test('every channel is listed, none configured at first', async () => {
  const res = await call(owner.client, 'GET', '/api/v1/settings/channels');
  assertStatus(res, 200);
  assert.deepEqual(res.json.items.map((c) => c.channel).sort(), ['email', 'sms', 'telegram', 'viber']);
  for (const c of res.json.items) {
    assert.equal(c.configured, false, `${c.channel} configured`);
    assert.equal(c.enabled, false, `${c.channel} enabled`);
  }
});

test('telegram: the token is kept but never answered; missing keeps it, null clears it', async () => {
  let res = await put(owner.client, 'telegram', {
    enabled: true, bot_token: `123:${SECRET}`, bot_username: 'kvitka_bot', mode: 'webhook', webhook_secret: SECRET,
  });
  assertStatus(res, 200, 'PUT telegram');
  assert.equal(res.json.bot_token_set, true);
  assert.equal(res.json.webhook_secret_set, true);
  assert.equal(res.json.configured, true);
  assert.equal(res.json.mode, 'webhook');
  assert.ok(!('bot_token' in res.json), 'no bot_token field');

  res = await put(owner.client, 'telegram', { bot_username: 'salon_bot' });
  assertStatus(res, 200, 'PUT without the token');
  assert.equal(res.json.bot_token_set, true, 'the token is kept');
  assert.equal(res.json.bot_username, 'salon_bot');

  res = await put(owner.client, 'telegram', { webhook_secret: null });
  assertStatus(res, 200, 'PUT null');
  assert.equal(res.json.webhook_secret_set, false, 'null clears');
  assert.equal((await get(owner.client, 'telegram')).json.bot_token_set, true);
});

test('sms, viber, email and the generic gateway headers keep their secrets too', async () => {
  assertStatus(await put(owner.client, 'viber', { auth_token: SECRET, sender_name: 'Kvitka' }), 200, 'viber');
  const email = await put(owner.client, 'email', {
    smtp_url: 'smtps://smtp.example:465', username: 'salon', password: SECRET, from_email: 'salon@example.com', starttls: false,
  });
  assertStatus(email, 200, 'email');
  assert.equal(email.json.password_set, true);
  assert.equal(email.json.configured, true);
  const sms = await put(owner.client, 'sms', {
    provider: 'generic', url: 'https://gw.example/send', method: 'POST', sender: 'Kvitka',
    headers: { Authorization: `Bearer ${SECRET}` }, body_template: '{"to": "{{phone}}", "text": "{{text}}"}',
  });
  assertStatus(sms, 200, 'sms');
  assert.deepEqual(sms.json.header_names, ['Authorization']);
  assert.equal(sms.json.headers_set, true);
  const list = await call(owner.client, 'GET', '/api/v1/settings/channels');
  assert.ok(list.json.items.every((c) => c.configured), list.text);
});

test('each field is checked: 422 names it and nothing is saved', async () => {
  const cases = [
    ['sms', { sender: 'KvitkaBeautySalon' }, 'sms.sender', 'too_long'],
    ['sms', { provider: 'kyivstar' }, 'sms.provider', 'invalid_value'],
    ['sms', { url: 'ftp://gw.example' }, 'sms.url', 'invalid_url'],
    ['sms', { body_template: '{"to": "{{phone}}"}' }, 'sms.body_template', 'placeholder_required'],
    ['email', { smtp_url: 'http://mail.example' }, 'email.smtp_url', 'invalid_url'],
    ['email', { from_email: 'nobody' }, 'email.from_email', 'invalid_email'],
    ['telegram', { mode: 'push' }, 'telegram.mode', 'invalid_value'],
    ['telegram', { bot_token: 42 }, 'telegram.bot_token', 'invalid_type'],
    ['viber', { colour: 'red' }, 'viber.colour', 'unknown_field'],
  ];
  for (const [channel, body, field, code] of cases) {
    assertValidation(await put(owner.client, channel, body), { [field]: code });
  }
  const sms = await get(owner.client, 'sms');
  assert.equal(sms.json.sender, 'Kvitka', 'unchanged');
  assertProblem(await get(owner.client, 'pigeon'), 404);
});

test('admins and masters get 403; without a session 401; writes need CSRF', async () => {
  const manager = await addUser(server, owner.client, 'manager');
  assertStatus(await get(manager.client, 'viber'), 200, 'manager reads');
  assertStatus(await put(manager.client, 'viber', { sender_name: 'Salon' }), 200, 'manager changes');
  for (const role of ['admin', 'master']) {
    const u = await addUser(server, owner.client, role);
    assertProblem(await call(u.client, 'GET', '/api/v1/settings/channels'), 403);
    assertProblem(await get(u.client, 'sms'), 403);
    assertProblem(await put(u.client, 'sms', { sender: 'X' }), 403);
  }
  const anonymous = server.client();
  assertProblem(await call(anonymous, 'GET', '/api/v1/settings/channels'), 401);
  assertProblem(await put(anonymous, 'sms', { sender: 'X' }), 401);
  assertProblem(await put(owner.client, 'viber', { sender_name: 'CSRF' }, { csrf: false }), 403, 'csrf-failed');
  assert.equal((await get(owner.client, 'viber')).json.sender_name, 'Salon');
});

test('the secret is in no answer, not even the audit log', async () => {
  const audit = await listAll(owner.client, '/api/v1/audit');
  bodies.push(JSON.stringify(audit));
  assert.ok(audit.some((e) => e.action === 'message_channel.update'), 'changes are audited');
  for (const body of bodies) assert.ok(!body.includes(SECRET), `secret leaked: ${body.slice(0, 300)}`);
});
