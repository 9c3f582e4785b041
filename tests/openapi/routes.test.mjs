// docs/openapi.yaml and the server agree: every served route is documented, and every
// documented operation is served.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT, runKvitka, startServer } from '../lib/server.mjs';
import { parseOpenApiPaths, normalizePath } from './yaml-paths.mjs';

const DOC = path.join(REPO_ROOT, 'docs', 'openapi.yaml');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

let served; // Set of "METHOD /normalized/{}" from `kvitka routes`
let servedRaw; // [{method, path}]
let documented; // Set of "METHOD /normalized/{}"
let documentedRaw;

before(async () => {
  const r = await runKvitka(['routes']);
  assert.equal(r.code, 0, `kvitka routes failed: ${r.stderr}`);
  servedRaw = [];
  for (const line of r.stdout.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const m = line.match(/^([A-Z]+)\s+(\/\S*)$/);
    assert.ok(m, `kvitka routes prints "METHOD /path", got: ${line}`);
    assert.ok(METHODS.includes(m[1]), `known method in: ${line}`);
    servedRaw.push({ method: m[1], path: m[2] });
  }
  served = new Set(servedRaw.map((r) => `${r.method} ${normalizePath(r.path)}`));
  const text = await readFile(DOC, 'utf8');
  documentedRaw = parseOpenApiPaths(text);
  documented = new Set(documentedRaw.map((r) => `${r.method} ${normalizePath(r.path)}`));
});

test('kvitka routes lists the foundation routes', () => {
  assert.ok(servedRaw.length > 0);
  for (const r of [
    'GET /healthz',
    'POST /api/v1/signup',
    'POST /api/v1/auth/login',
    'POST /api/v1/auth/logout',
    'POST /api/v1/auth/accept-invitation',
    'GET /api/v1/me',
    'PATCH /api/v1/me',
    'GET /api/v1/users',
    'POST /api/v1/users',
    'GET /api/v1/users/{}',
    'PATCH /api/v1/users/{}',
    'DELETE /api/v1/users/{}',
    'GET /api/v1/branches',
    'POST /api/v1/branches',
    'GET /api/v1/branches/{}',
    'PATCH /api/v1/branches/{}',
    'GET /api/v1/audit',
  ]) {
    assert.ok(served.has(r), `served: ${r}`);
  }
});

test('docs/openapi.yaml documents operations', () => {
  assert.ok(documentedRaw.length > 0, 'no operations found under paths:');
});

test('the minimal YAML reader agrees with redocly bundle', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kvitka-openapi-'));
  try {
    const out = path.join(dir, 'bundle.json');
    const redocly = path.join(REPO_ROOT, 'tests', 'node_modules', '.bin', 'redocly');
    await promisify(execFile)(redocly, ['bundle', DOC, '--ext', 'json', '--output', out], {
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      timeout: 120_000,
    });
    const bundled = JSON.parse(await readFile(out, 'utf8'));
    const ops = [];
    for (const [p, item] of Object.entries(bundled.paths ?? {})) {
      for (const m of Object.keys(item)) {
        if (METHODS.includes(m.toUpperCase())) ops.push(`${m.toUpperCase()} ${p}`);
      }
    }
    assert.deepEqual(
      documentedRaw.map((r) => `${r.method} ${r.path}`).sort(),
      ops.sort(),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('every served route is documented in docs/openapi.yaml', () => {
  const missing = [...served].filter((r) => !documented.has(r));
  assert.deepEqual(missing, [], `served but not in docs/openapi.yaml:\n  ${missing.join('\n  ')}`);
});

test('every documented operation is served', () => {
  const extra = [...documented].filter((r) => !served.has(r));
  assert.deepEqual(extra, [], `in docs/openapi.yaml but not served:\n  ${extra.join('\n  ')}`);
});

test('path parameters have the same names in the server and the document', () => {
  const docByShape = new Map(documentedRaw.map((r) => [normalizePath(r.path), r.path]));
  const mismatched = [];
  for (const r of servedRaw) {
    const doc = docByShape.get(normalizePath(r.path));
    if (doc && doc !== r.path) mismatched.push(`${r.path} (server) vs ${doc} (document)`);
  }
  assert.deepEqual([...new Set(mismatched)], []);
});

// The listing is only worth something if it matches what the server really routes.
test('a running server answers every listed route with that method (no 405, no 5xx)', async () => {
  const server = await startServer();
  try {
    const c = server.client();
    const bad = [];
    for (const r of servedRaw) {
      const p = r.path.replace(/\{[^}]*\}/g, '1');
      const res = await c.request(r.method, p, ['POST', 'PUT', 'PATCH'].includes(r.method) ? { json: {} } : {});
      if (res.status === 405 || res.status >= 500) bad.push(`${r.method} ${r.path} -> ${res.status}`);
    }
    assert.deepEqual(bad, []);
  } finally {
    await server.stop();
  }
});
