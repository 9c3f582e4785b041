// Login throttling: per account 5 failures per 15 minutes, per IP 20 failures per 15 minutes.
// Each test gets its own server, so the per-IP budget of one does not leak into the other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertStatus, assertProblem, signup, uniqueEmail } from '../lib/api.mjs';

function assertTooMany(res) {
  assertProblem(res, 429, 'too-many-requests');
  const ra = res.headers.get('retry-after');
  assert.ok(ra !== null, 'Retry-After header');
  assert.match(ra, /^\d+$/, `Retry-After is seconds: ${ra}`);
  assert.ok(Number(ra) > 0 && Number(ra) <= 15 * 60, `Retry-After within the window: ${ra}`);
}

test('per account: the 6th failed login in a row is 429 with Retry-After', async () => {
  const server = await startServer();
  try {
    const victim = await signup(server);
    const bystander = await signup(server);
    for (let i = 1; i <= 5; i++) {
      const res = await server.client().login(victim.email, `wrong-${i}-password`);
      assertProblem(res, 401, 'invalid-credentials');
    }
    assertTooMany(await server.client().login(victim.email, 'wrong-6-password'));
    // While locked, even the right password does not get in (no oracle for guessing).
    assertTooMany(await server.client().login(victim.email, victim.password));
    // The existing session is untouched, and other accounts still log in.
    assertStatus(await victim.client.get('/api/v1/me'), 200);
    assertStatus(await server.client().login(bystander.email, bystander.password), 200);
  } finally {
    await server.stop();
  }
});

test('per IP: after 20 failures on different accounts the next attempt is 429', async () => {
  const server = await startServer();
  try {
    for (let i = 1; i <= 20; i++) {
      const res = await server.client().login(uniqueEmail(`spray${i}`), 'wrong-password');
      assertProblem(res, 401, 'invalid-credentials');
    }
    assertTooMany(await server.client().login(uniqueEmail('spray21'), 'wrong-password'));
  } finally {
    await server.stop();
  }
});

test('unknown emails are throttled exactly like real ones (no account enumeration)', async () => {
  const server = await startServer();
  try {
    const ghost = uniqueEmail('ghost');
    for (let i = 1; i <= 5; i++) {
      assertProblem(await server.client().login(ghost, `wrong-${i}`), 401, 'invalid-credentials');
    }
    assertTooMany(await server.client().login(ghost, 'wrong-6'));
  } finally {
    await server.stop();
  }
});
