// Message templates (GET/PUT/DELETE /message-templates..., POST /message-templates/preview,
// GET /message-templates/variables): defaults until the salon writes its own, CheckTemplate
// errors with the issues' names and positions, the live preview with SMS parts, unknown path
// parts, roles, sessions and CSRF.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertStatus, assertProblem, assertValidation, signup, addUser } from '../lib/api.mjs';

let server;
let owner;

before(async () => {
  server = await startServer();
  owner = await signup(server);
});
after(async () => {
  await server?.stop();
});

const PATH = '/api/v1/message-templates/reminder/sms/uk';
const reminder = async (client = owner.client) => {
  const res = await client.get('/api/v1/message-templates?kind=reminder&channel=sms&language=uk');
  assertStatus(res, 200, 'list reminder');
  assert.equal(res.json.items.length, 1, res.text);
  return res.json.items[0];
};

test('the list holds a default for every kind, channel and language', async () => {
  const res = await owner.client.get('/api/v1/message-templates');
  assertStatus(res, 200);
  assert.equal(res.json.items.length, 14 * 4 * 3, 'kinds x channels x languages');
  assert.ok(res.json.items.every((t) => t.custom === false && t.body.length > 0));
  const email = (await owner.client.get('/api/v1/message-templates?kind=reminder&channel=email&language=en')).json.items[0];
  assert.ok(email.subject.length > 0 && email.html.length > 0, JSON.stringify(email));
});

test('save, list as custom, delete back to the default', async () => {
  const before = await reminder();
  let res = await owner.client.put(PATH, { body: '{{client_name}}, чекаємо {{date}} о {{time}}' });
  assertStatus(res, 200, 'PUT');
  assert.equal(res.json.custom, true);
  const saved = await reminder();
  assert.equal(saved.custom, true);
  assert.equal(saved.body, '{{client_name}}, чекаємо {{date}} о {{time}}');
  res = await owner.client.delete(PATH);
  assertStatus(res, 200, 'DELETE');
  assert.equal(res.json.custom, false);
  assert.deepEqual(await reminder(), before);
});

test('an unknown variable is 422 with the issue named and placed; nothing saved', async () => {
  const res = await owner.client.put(PATH, { body: 'Привіт, {{client_name}} {{unknown}}' });
  const p = assertValidation(res, { body: 'unknown_variable' });
  assert.deepEqual(p.issues, [{ field: 'body', code: 'unknown_variable', name: 'unknown', position: 24 }]);
  assertValidation(await owner.client.put(PATH, { body: '' }), { body: 'required' });
  assertValidation(await owner.client.put(PATH, { body: '{{#date}} open' }), ['body']);
  assert.equal((await reminder()).custom, false);
});

test('unknown kind, channel or language is 422 naming the part', async () => {
  assertValidation(await owner.client.put('/api/v1/message-templates/party/sms/uk', { body: 'x' }), ['kind']);
  assertValidation(await owner.client.put('/api/v1/message-templates/reminder/fax/uk', { body: 'x' }), ['channel']);
  assertValidation(await owner.client.delete('/api/v1/message-templates/reminder/sms/de'), ['language']);
  assertValidation(await owner.client.get('/api/v1/message-templates?kind=party'), ['kind']);
  assertValidation(await owner.client.get('/api/v1/message-templates/variables?kind=party'), ['kind']);
});

test('preview renders sample values and counts SMS parts', async () => {
  const text = 'ж'.repeat(71);
  let res = await owner.client.post('/api/v1/message-templates/preview', { kind: 'reminder', channel: 'sms', language: 'uk', body: text });
  assertStatus(res, 200, 'preview');
  assert.deepEqual(res.json.sms, { encoding: 'ucs2', parts: 2, units: 71, units_per_part: 67 });
  assert.equal(res.json.text, text);

  res = await owner.client.post('/api/v1/message-templates/preview', { kind: 'reminder', channel: 'sms', language: 'en', body: 'Hi {{client_name}}' });
  assertStatus(res, 200);
  assert.equal(res.json.sms.encoding, 'gsm7');
  assert.ok(res.json.text.startsWith('Hi ') && res.json.text.length > 3, res.text);

  res = await owner.client.post('/api/v1/message-templates/preview', {
    kind: 'reminder', channel: 'email', language: 'en', subject: 'At {{time}}', body: 'See you', html: '<p>{{client_name}}</p>',
  });
  assertStatus(res, 200);
  assert.equal(res.json.sms, null);
  assert.ok(res.json.html.startsWith('<p>'), res.text);
  assert.ok(res.json.subject.startsWith('At '), res.text);

  res = await owner.client.post('/api/v1/message-templates/preview', { kind: 'reminder', channel: 'sms', language: 'uk', body: '{{unknown}}' });
  assertStatus(res, 200, 'names the kind does not offer render empty in a preview');
  res = await owner.client.post('/api/v1/message-templates/preview', { kind: 'reminder', channel: 'sms', language: 'uk', body: '{{#date}}' });
  const p = assertValidation(res, ['body']);
  assert.ok(p.issues.length > 0, res.text);
});

test('variables of a kind', async () => {
  const res = await owner.client.get('/api/v1/message-templates/variables?kind=birthday');
  assertStatus(res, 200);
  assert.equal(res.json.kind, 'birthday');
  assert.ok(res.json.items.some((v) => v.name === 'opt_out'), res.text);
});

test('admins and masters get 403; without a session 401; writes need CSRF', async () => {
  const manager = await addUser(server, owner.client, 'manager');
  assertStatus(await manager.client.put(PATH, { body: '{{date}}' }), 200, 'manager saves');
  assertStatus(await manager.client.delete(PATH), 200, 'manager resets');
  for (const role of ['admin', 'master']) {
    const u = await addUser(server, owner.client, role);
    assertProblem(await u.client.get('/api/v1/message-templates'), 403);
    assertProblem(await u.client.put(PATH, { body: '{{date}}' }), 403);
    assertProblem(await u.client.delete(PATH), 403);
    assertProblem(await u.client.post('/api/v1/message-templates/preview', { kind: 'reminder', channel: 'sms', language: 'uk', body: 'x' }), 403);
    assertProblem(await u.client.get('/api/v1/message-templates/variables?kind=reminder'), 403);
  }
  const anonymous = server.client();
  assertProblem(await anonymous.get('/api/v1/message-templates'), 401);
  assertProblem(await anonymous.put(PATH, { body: '{{date}}' }), 401);
  assertProblem(await owner.client.put(PATH, { body: '{{date}}' }, { csrf: false }), 403, 'csrf-failed');
  assertProblem(await owner.client.delete(PATH, { csrf: false }), 403, 'csrf-failed');
  assert.equal((await reminder()).custom, false);
});
