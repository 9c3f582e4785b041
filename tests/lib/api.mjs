// Shared assertions and fixtures for the API tests.
import assert from 'node:assert/strict';
import { randomSuffix } from './server.mjs';

export const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
export const ROLES = ['owner', 'admin', 'manager', 'master'];

function describe(res) {
  return `${res.status} ${res.headers.get('content-type') ?? ''} ${res.text.slice(0, 600)}`;
}

/** Asserts the status code, printing the body when it differs. */
export function assertStatus(res, status, msg = '') {
  assert.equal(res.status, status, `${msg ? msg + ': ' : ''}expected ${status}, got ${describe(res)}`);
}

/** Asserts an RFC 9457 problem response with the given status and code. */
export function assertProblem(res, status, code) {
  assertStatus(res, status);
  const ct = res.headers.get('content-type') ?? '';
  assert.match(ct, /^application\/problem\+json/, `problem content-type, got ${describe(res)}`);
  assert.ok(res.headers.get('x-request-id'), 'X-Request-Id header on a problem response');
  assert.ok(res.json && typeof res.json === 'object', `problem body is a JSON object: ${res.text}`);
  assert.equal(res.json.status, status, `problem.status: ${res.text}`);
  if (code !== undefined) {
    assert.equal(res.json.code, code, `problem.code: ${res.text}`);
    assert.equal(res.json.type, `https://kvitka.app/problems/${code}`, `problem.type: ${res.text}`);
  }
  assert.equal(typeof res.json.title, 'string', `problem.title: ${res.text}`);
  assert.ok(res.json.title.length > 0, 'problem.title is not empty');
  return res.json;
}

/** Asserts a 422 validation problem whose `errors` name the given fields (and codes: one or a list of acceptable ones). */
export function assertValidation(res, expected) {
  const p = assertProblem(res, 422, 'validation-failed');
  assert.ok(Array.isArray(p.errors), `errors is an array: ${res.text}`);
  for (const e of p.errors) {
    assert.equal(typeof e.field, 'string', `errors[].field: ${res.text}`);
    assert.equal(typeof e.code, 'string', `errors[].code: ${res.text}`);
  }
  const want = Array.isArray(expected) ? Object.fromEntries(expected.map((f) => [f, undefined])) : expected;
  for (const [field, code] of Object.entries(want)) {
    const hits = p.errors.filter((e) => e.field === field);
    assert.ok(hits.length > 0, `errors name field "${field}": ${res.text}`);
    if (code !== undefined) {
      const codes = Array.isArray(code) ? code : [code];
      assert.ok(
        hits.some((e) => codes.includes(e.code)),
        `field "${field}" has code ${codes.map((c) => `"${c}"`).join(' or ')}: ${res.text}`,
      );
    }
  }
  return p;
}

export function assertRequestId(res) {
  const id = res.headers.get('x-request-id');
  assert.ok(id && id.length > 0, `X-Request-Id on ${res.status} response`);
}

export function assertUser(u) {
  assert.ok(u && typeof u === 'object', 'user is an object');
  assert.equal(typeof u.id, 'number', `user.id is a number: ${JSON.stringify(u)}`);
  assert.ok(Number.isInteger(u.id) && u.id > 0);
  assert.equal(typeof u.name, 'string');
  assert.equal(typeof u.email, 'string');
  assert.ok(ROLES.includes(u.role), `user.role: ${u.role}`);
  assert.equal(typeof u.active, 'boolean');
  assert.ok(['uk', 'ru', 'en'].includes(u.locale), `user.locale: ${u.locale}`);
  assert.match(u.created_at, RFC3339);
  for (const k of Object.keys(u)) {
    assert.ok(!/password|hash/i.test(k), `user leaks ${k}`);
  }
}

export function assertOrg(o) {
  assert.ok(o && typeof o === 'object', 'org is an object');
  assert.equal(typeof o.id, 'number');
  assert.equal(typeof o.name, 'string');
  assert.ok('country' in o, 'org.country');
  assert.equal(typeof o.currency, 'string');
  assert.match(o.created_at, RFC3339);
}

export function assertBranch(b) {
  assert.ok(b && typeof b === 'object', 'branch is an object');
  assert.equal(typeof b.id, 'number');
  assert.equal(typeof b.name, 'string');
  assert.equal(typeof b.slug, 'string');
  assert.match(b.slug, /^[a-z0-9]+(-[a-z0-9]+)*$/, `branch.slug: ${b.slug}`);
  assert.ok('address' in b, 'branch.address');
  assert.equal(typeof b.timezone, 'string');
  assert.equal(typeof b.currency, 'string');
  assert.match(b.created_at, RFC3339);
}

/** Asserts a session payload {user, org, role, branches, csrf_token}. */
export function assertSessionPayload(p) {
  assert.ok(p && typeof p === 'object', 'session payload is an object');
  assertUser(p.user);
  assertOrg(p.org);
  assert.ok(ROLES.includes(p.role), `role: ${p.role}`);
  assert.equal(p.role, p.user.role, 'payload role equals user.role');
  assert.ok(Array.isArray(p.branches), 'branches is an array');
  p.branches.forEach(assertBranch);
  assert.equal(typeof p.csrf_token, 'string');
  assert.ok(p.csrf_token.length >= 16, 'csrf_token is long enough to be unguessable');
}

export function assertList(res) {
  assertStatus(res, 200);
  assert.ok(Array.isArray(res.json?.items), `list has items: ${res.text.slice(0, 300)}`);
  assert.ok('next_cursor' in res.json, 'list has next_cursor');
  assert.ok(res.json.next_cursor === null || typeof res.json.next_cursor === 'string', 'next_cursor type');
  return res.json.items;
}

/** Follows next_cursor through a whole list. */
export async function listAll(client, path, limit = 200) {
  const out = [];
  let cursor = null;
  for (let i = 0; i < 1000; i++) {
    const sep = path.includes('?') ? '&' : '?';
    const url = `${path}${sep}limit=${limit}` + (cursor ? `&cursor=${encodeURIComponent(cursor)}` : '');
    const res = await client.get(url);
    out.push(...assertList(res));
    cursor = res.json.next_cursor;
    if (!cursor) return out;
  }
  throw new Error(`list ${path} did not end`);
}

export const PASSWORD = 'correct-horse-battery';

export function uniqueEmail(prefix = 'user') {
  return `${prefix}-${randomSuffix(5)}@example.test`;
}

export function signupBody(overrides = {}) {
  const s = randomSuffix(4);
  return {
    org_name: `Salon ${s}`,
    branch_name: `Main ${s}`,
    timezone: 'Europe/Kyiv',
    currency: 'UAH',
    name: `Owner ${s}`,
    email: uniqueEmail('owner'),
    password: PASSWORD,
    ...overrides,
  };
}

/** Signs up a new organization; resolves to {client, payload, email, password, body}. */
export async function signup(server, overrides = {}) {
  const client = server.client();
  const body = signupBody(overrides);
  const res = await client.post('/api/v1/signup', body);
  assertStatus(res, 201, 'signup');
  return { client, payload: res.json, email: body.email, password: body.password, body };
}

/** Adds a user with a password through the API and logs them in; resolves to {client, user, email, password}. */
export async function addUser(server, ownerClient, role, overrides = {}) {
  const email = overrides.email ?? uniqueEmail(role);
  const password = overrides.password ?? `pw-${randomSuffix(6)}`;
  const res = await ownerClient.post('/api/v1/users', {
    name: overrides.name ?? `${role} ${randomSuffix(3)}`,
    email,
    role,
    password,
  });
  assertStatus(res, 201, `add ${role}`);
  const client = server.client();
  const login = await client.login(email, password);
  assertStatus(login, 200, `login as new ${role}`);
  return { client, user: res.json.user, email, password };
}
