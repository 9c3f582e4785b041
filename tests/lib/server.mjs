// Test harness: starts the real `kvitka` binary on a fresh database, waits for it to be
// healthy, and stops it again (asserting a clean exit). Also a small HTTP client that
// behaves like one browser: it keeps the session cookie and sends the CSRF token on writes.
//
// Environment:
//   KVITKA_BIN        the binary (default <repo>/build/kvitka)
//   KVITKA_TEST_DB    sqlite (default) | postgresql
//   KVITKA_TEST_PG    libpq URI of a PostgreSQL server (superuser), needed for postgresql;
//                     every server gets its own fresh database kv_<random> on it
//   KVITKA_TEST_KEEP  1 = keep temp dirs and databases (for debugging)
//   KVITKA_TEST_LOG   1 = echo the server's output to stderr

import { spawn, execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, readFile } from 'node:fs/promises';
import { existsSync, createWriteStream } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileP = promisify(execFile);

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const KVITKA_BIN = process.env.KVITKA_BIN
  ? path.resolve(process.env.KVITKA_BIN)
  : path.join(REPO_ROOT, 'build', 'kvitka');
export const DB_KIND = (process.env.KVITKA_TEST_DB || 'sqlite').toLowerCase();

if (!['sqlite', 'postgresql'].includes(DB_KIND)) {
  throw new Error(`KVITKA_TEST_DB must be sqlite or postgresql, not ${DB_KIND}`);
}

export function randomSuffix(bytes = 6) {
  return randomBytes(bytes).toString('hex');
}

/** A TCP port that was free a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function psqlBin() {
  const pg15 = '/usr/lib/postgresql/15/bin/psql';
  return existsSync(pg15) ? pg15 : 'psql';
}

/** Replaces the database name of a libpq URI. */
function withDatabase(uri, db) {
  const u = new URL(uri);
  u.pathname = '/' + db;
  return u.toString();
}

async function psql(uri, sql) {
  await execFileP(psqlBin(), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', uri, '-c', sql], {
    timeout: 60_000,
  });
}

/** Creates a fresh database and returns {url, drop()}. */
async function freshDatabase(tmpDir) {
  if (DB_KIND === 'sqlite') {
    return { url: `sqlite:${path.join(tmpDir, 'kvitka.db')}`, drop: async () => {} };
  }
  const admin = process.env.KVITKA_TEST_PG;
  if (!admin) {
    throw new Error(
      'KVITKA_TEST_DB=postgresql needs KVITKA_TEST_PG (e.g. postgresql://postgres@127.0.0.1:5433/postgres); ' +
        'tests/run api postgresql starts one with scripts/pg-temp',
    );
  }
  const name = `kv_${randomSuffix()}`;
  await psql(admin, `CREATE DATABASE ${name}`);
  return {
    url: withDatabase(admin, name),
    drop: async () => {
      if (process.env.KVITKA_TEST_KEEP === '1') return;
      await psql(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    },
  };
}

/** The environment without the server's own KVITKA_* settings (tests pass what they mean). */
function cleanEnv() {
  const env = { ...process.env };
  for (const k of Object.keys(env)) {
    if (k.startsWith('KVITKA_') && !k.startsWith('KVITKA_TEST_') && k !== 'KVITKA_BIN') delete env[k];
  }
  return env;
}

/**
 * Runs the binary once (not as a server) and resolves to {code, signal, stdout, stderr};
 * `onSpawn(child)` gets the process (to kill it).
 */
export function runKvitka(args, { env = {}, timeoutMs = 120_000, cwd = REPO_ROOT, onSpawn } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(KVITKA_BIN, args, {
      cwd,
      env: { ...cleanEnv(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    onSpawn?.(child);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

export class KvitkaServer {
  constructor() {
    this.proc = null;
    this.url = null; // http://127.0.0.1:PORT
    this.dbUrl = null;
    this.tmpDir = null;
    this.dataDir = null;
    this.logFile = null;
    this.exit = null; // {code, signal} once exited
    this._exited = null;
    this._db = null;
  }

  /** Runs a CLI command of the binary against this server's database (`--db` is appended). */
  async cli(args, opts = {}) {
    return runKvitka([...args, '--db', this.dbUrl], opts);
  }

  /** A new HTTP client ("browser") talking to this server. */
  client(opts = {}) {
    return new Client(this.url, opts);
  }

  async log() {
    try {
      return await readFile(this.logFile, 'utf8');
    } catch {
      return '';
    }
  }

  async logTail(lines = 40) {
    const text = await this.log();
    return text.split('\n').slice(-lines).join('\n');
  }

  get running() {
    return this.proc !== null && this.exit === null;
  }

  /**
   * Stops the server with SIGTERM and waits for it to exit. Throws unless it exits with
   * status 0 (a clean shutdown). Removes the temp dir and database afterwards.
   */
  async stop({ timeoutMs = 20_000 } = {}) {
    let problem = null;
    if (this.proc) {
      if (this.exit === null) {
        this.proc.kill('SIGTERM');
        let timer;
        const timeout = new Promise((r) => (timer = setTimeout(() => r(null), timeoutMs)));
        const result = await Promise.race([this._exited, timeout]);
        clearTimeout(timer);
        if (result === null) {
          this.proc.kill('SIGKILL');
          await this._exited;
          problem = `kvitka did not exit within ${timeoutMs} ms of SIGTERM`;
        }
      }
      if (!problem && (this.exit.code !== 0 || this.exit.signal !== null)) {
        problem = `kvitka did not shut down cleanly: exit code ${this.exit.code}, signal ${this.exit.signal}`;
      }
    }
    const tail = problem ? await this.logTail() : '';
    await this._cleanup();
    if (problem) {
      throw new Error(`${problem}\n--- server log (tail) ---\n${tail}`);
    }
  }

  async _cleanup() {
    if (this._db) await this._db.drop();
    if (this.tmpDir && process.env.KVITKA_TEST_KEEP !== '1') {
      await rm(this.tmpDir, { recursive: true, force: true });
    }
  }
}

/**
 * Starts a server on a fresh database.
 *   demo: run `kvitka demo --db URL` first (the demo salon)
 *   env:  extra environment for the server process
 *   args: extra arguments for `serve`
 */
export async function startServer({ demo = false, env = {}, args = [], startTimeoutMs = 60_000 } = {}) {
  if (!existsSync(KVITKA_BIN)) {
    throw new Error(`kvitka binary not found at ${KVITKA_BIN} (build it, or set KVITKA_BIN)`);
  }
  const server = new KvitkaServer();
  server.tmpDir = await mkdtemp(path.join(os.tmpdir(), 'kvitka-test-'));
  server.dataDir = path.join(server.tmpDir, 'data');
  server.logFile = path.join(server.tmpDir, 'server.log');
  try {
    server._db = await freshDatabase(server.tmpDir);
    server.dbUrl = server._db.url;

    if (demo) {
      const r = await runKvitka(['demo', '--db', server.dbUrl], { env });
      if (r.code !== 0) {
        throw new Error(`kvitka demo failed (exit ${r.code}, signal ${r.signal}):\n${r.stdout}\n${r.stderr}`);
      }
    }

    // A port can be taken between freePort() and bind(): retry a few times.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const ok = await launch(server, port, args, env, startTimeoutMs);
      if (ok) break;
      const log = await server.log();
      if (attempt >= 3 || !/address (already )?in use|EADDRINUSE|bind/i.test(log)) {
        throw new Error(
          `kvitka serve did not become healthy (exit ${JSON.stringify(server.exit)}):\n${log.split('\n').slice(-40).join('\n')}`,
        );
      }
    }
    return server;
  } catch (e) {
    if (server.running) {
      server.proc.kill('SIGKILL');
      await server._exited;
    }
    await server._cleanup();
    throw e;
  }
}

async function launch(server, port, args, env, startTimeoutMs) {
  const listen = `127.0.0.1:${port}`;
  const argv = ['serve', '--db', server.dbUrl, '--listen', listen, '--data-dir', server.dataDir, ...args];
  const childEnv = { ...cleanEnv(), ...env };
  const logStream = createWriteStream(server.logFile, { flags: 'a' });
  const proc = spawn(KVITKA_BIN, argv, {
    cwd: REPO_ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.proc = proc;
  server.exit = null;
  server.url = `http://${listen}`;
  const echo = process.env.KVITKA_TEST_LOG === '1';
  for (const s of [proc.stdout, proc.stderr]) {
    s.on('data', (d) => {
      logStream.write(d);
      if (echo) process.stderr.write(d);
    });
  }
  server._exited = new Promise((resolve) => {
    proc.on('exit', (code, signal) => {
      server.exit = { code, signal };
    });
    proc.on('close', () => {
      logStream.end();
      resolve(server.exit);
    });
    proc.on('error', (e) => {
      server.exit = { code: null, signal: null, error: String(e) };
      logStream.end();
      resolve(server.exit);
    });
  });

  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (server.exit !== null) return false;
    try {
      const res = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) {
        await res.arrayBuffer();
        return true;
      }
      await res.arrayBuffer();
    } catch {
      // not up yet
    }
    await sleep(50);
  }
  proc.kill('SIGKILL');
  await server._exited;
  return false;
}

// ---------------------------------------------------------------------------------------
// HTTP client

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * One "browser": keeps cookies (kvitka_session), remembers the csrf_token of the last
 * session payload it saw and sends it as X-CSRF-Token on writes.
 */
export class Client {
  constructor(baseUrl, { lang = null, headers = {} } = {}) {
    this.baseUrl = baseUrl;
    this.cookies = new Map();
    this.csrf = null;
    this.lang = lang;
    this.headers = headers;
  }

  /** A second client sharing nothing with this one. */
  fresh(opts = {}) {
    return new Client(this.baseUrl, { lang: this.lang, ...opts });
  }

  /** A copy of this client with the same cookies and CSRF token (e.g. an old tab). */
  clone() {
    const c = new Client(this.baseUrl, { lang: this.lang, headers: { ...this.headers } });
    c.cookies = new Map(this.cookies);
    c.csrf = this.csrf;
    return c;
  }

  get session() {
    return this.cookies.get('kvitka_session') ?? null;
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /**
   * request(method, path, options)
   *   json:    object to send as application/json
   *   body:    raw body (string or Buffer); contentType sets its Content-Type
   *   headers: extra headers
   *   csrf:    true (default: send the remembered token on writes) | false | 'string' (send this)
   * Resolves to {status, headers, json, text, buffer, setCookies}.
   */
  async request(method, urlPath, { json, body, contentType, headers = {}, csrf = true, timeoutMs = 30_000 } = {}) {
    method = method.toUpperCase();
    const h = { ...this.headers };
    if (this.lang) h['Accept-Language'] = this.lang;
    const cookie = this.cookieHeader();
    if (cookie) h['Cookie'] = cookie;
    let payload;
    if (json !== undefined) {
      payload = JSON.stringify(json);
      h['Content-Type'] = 'application/json';
    } else if (body !== undefined) {
      payload = body;
      if (contentType !== undefined) h['Content-Type'] = contentType;
    }
    if (contentType !== undefined && payload !== undefined) h['Content-Type'] = contentType;
    if (WRITE_METHODS.has(method)) {
      if (typeof csrf === 'string') h['X-CSRF-Token'] = csrf;
      else if (csrf && this.csrf) h['X-CSRF-Token'] = this.csrf;
    }
    Object.assign(h, headers);
    const res = await fetch(this.baseUrl + urlPath, {
      method,
      headers: h,
      body: payload,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const setCookies = res.headers.getSetCookie();
    for (const sc of setCookies) this._storeCookie(sc);
    const buffer = Buffer.from(await res.arrayBuffer()); // the raw bytes (downloads, exports)
    const text = new TextDecoder().decode(buffer);
    let parsed = null;
    const ct = res.headers.get('content-type') || '';
    if (text.length > 0 && /json/i.test(ct)) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined; // declared JSON but is not: tests notice
      }
    }
    if (parsed && typeof parsed === 'object' && typeof parsed.csrf_token === 'string') {
      this.csrf = parsed.csrf_token;
    }
    return { status: res.status, headers: res.headers, json: parsed, text, buffer, setCookies };
  }

  _storeCookie(sc) {
    const [pair, ...attrs] = sc.split(';');
    const eq = pair.indexOf('=');
    if (eq < 0) return;
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    let expired = value === '';
    for (const a of attrs) {
      const [k, v = ''] = a.trim().split('=');
      if (k.toLowerCase() === 'max-age' && Number(v) <= 0) expired = true;
      if (k.toLowerCase() === 'expires' && Date.parse(v) < Date.now()) expired = true;
    }
    if (expired) this.cookies.delete(name);
    else this.cookies.set(name, value);
  }

  get(p, o) {
    return this.request('GET', p, o);
  }
  post(p, json, o = {}) {
    return this.request('POST', p, { ...o, json });
  }
  patch(p, json, o = {}) {
    return this.request('PATCH', p, { ...o, json });
  }
  put(p, json, o = {}) {
    return this.request('PUT', p, { ...o, json });
  }
  delete(p, o) {
    return this.request('DELETE', p, o);
  }

  async login(email, password) {
    return this.post('/api/v1/auth/login', { email, password });
  }
}

/** Parses a Set-Cookie header into {name, value, attrs: {lowercased name: value|true}}. */
export function parseSetCookie(sc) {
  const [pair, ...rest] = sc.split(';');
  const eq = pair.indexOf('=');
  const attrs = {};
  for (const a of rest) {
    const t = a.trim();
    if (!t) continue;
    const i = t.indexOf('=');
    if (i < 0) attrs[t.toLowerCase()] = true;
    else attrs[t.slice(0, i).toLowerCase()] = t.slice(i + 1);
  }
  return { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), attrs };
}
