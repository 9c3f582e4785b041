// Shared code of the messaging benchmarks (dispatch-throughput.mjs, sigkill.mjs): a database
// that outlives the `kvitka serve` processes started on it (so a server can be killed and
// started again), a salon with many masters and clients set up through the public API, a plan
// of one-item visits on the masters' grid, and small statistics of the fakes' timestamps.
//
// Database: SQLite in a temp dir by default; a fresh database on KVITKA_TEST_PG when
// KVITKA_TEST_DB=postgresql (as tests/lib/server.mjs). KVITKA_BIN as there; KVITKA_TEST_KEEP=1
// keeps the temp dir and database; KVITKA_TEST_LOG=1 echoes the servers' output.
import { spawn, execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client, KVITKA_BIN, DB_KIND, REPO_ROOT, freePort, randomSuffix } from '../../tests/lib/server.mjs';
import { signupBody } from '../../tests/lib/api.mjs';
import { at, addDays, kyivToday, TZ } from '../../tests/lib/booking.mjs';

export { DB_KIND };
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const started = Date.now();
export const log = (msg) => console.error(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);

/** --name value pairs of argv as numbers where they look like numbers; --flag alone = true. */
export function cliArgs(defaults) {
  const out = { ...defaults };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) continue;
    const key = argv[i].slice(2);
    const next = argv[i + 1];
    const value = next === undefined || next.startsWith('--') ? true : (i++, next);
    out[key] = typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  }
  return out;
}

/** Runs `fn` over `items` with at most `n` in flight; resolves to the results in order. */
export async function pool(items, n, fn, { every = 0, what = 'items' } = {}) {
  const out = new Array(items.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
      if (every && ++done % every === 0) log(`${done}/${items.length} ${what}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return out;
}

/** The response's JSON after the expected status, else throws with the body. */
export async function must(promise, status, what) {
  const res = await promise;
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${res.text.slice(0, 400)}`);
  return res.json;
}

// ---------------------------------------------------------------------------------------
// Database and server processes

const execFileP = promisify(execFile);

/**
 * Runs `kvitka ARGS` once (like runKvitka) and also measures it: resolves to {code, stdout,
 * stderr, wall_ms, cpu_user_s, cpu_sys_s} (the CPU time from bash's `times`).
 */
export function runTimed(args, { timeoutMs = 1_800_000 } = {}) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    for (const k of Object.keys(env)) if (k.startsWith('KVITKA_') && !k.startsWith('KVITKA_TEST_')) delete env[k];
    const script = '"$@"; rc=$?; echo "--times--" >&2; times >&2; exit $rc';
    const child = spawn('bash', ['-c', script, 'kvitka', KVITKA_BIN, ...args], { cwd: REPO_ROOT, env });
    const start = Date.now();
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const wall = Date.now() - start;
      const [own, times = ''] = stderr.split('--times--\n');
      const sec = (t) => (t ? Number(t[1]) * 60 + Number(t[2]) : null);
      const kids = times.trim().split('\n')[1]?.match(/(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/);
      resolve({ code, stdout, stderr: own, wall_ms: wall,
        cpu_user_s: kids ? sec([0, kids[1], kids[2]]) : null, cpu_sys_s: kids ? sec([0, kids[3], kids[4]]) : null });
    });
  });
}

/** A fresh database: {kind, url, tmpDir, drop()}. */
export async function createDatabase() {
  const tmpDir = await mkdtemp(path.join(os.tmpdir(), 'kvitka-bench-msg-'));
  const keep = process.env.KVITKA_TEST_KEEP === '1';
  const cleanDir = () => (keep ? null : rm(tmpDir, { recursive: true, force: true }));
  if (DB_KIND === 'sqlite') {
    return { kind: DB_KIND, url: `sqlite:${path.join(tmpDir, 'kvitka.db')}`, tmpDir, drop: cleanDir };
  }
  const admin = process.env.KVITKA_TEST_PG;
  if (!admin) throw new Error('KVITKA_TEST_DB=postgresql needs KVITKA_TEST_PG (a superuser libpq URI)');
  const name = `kv_bench_${randomSuffix()}`;
  const psql = (sql) => execFileP('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', admin, '-c', sql], { timeout: 60_000 });
  await psql(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = '/' + name;
  return {
    kind: DB_KIND,
    url: url.toString(),
    tmpDir,
    async drop() {
      if (!keep) await psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      await cleanDir();
    },
  };
}

/**
 * One `kvitka serve` process on `db` (start, kill and start again as often as wanted; every run
 * appends to the same log file). `args` are extra arguments of serve; start({now}) adds --now.
 */
export class Serve {
  constructor(db, args = []) {
    this.db = db;
    this.args = args;
    this.logFile = path.join(db.tmpDir, 'server.log');
    this.proc = null;
    this.url = null;
    this.exited = null;
  }

  async start({ now } = {}) {
    const port = await freePort();
    const argv = ['serve', '--db', this.db.url, '--listen', `127.0.0.1:${port}`,
      '--data-dir', path.join(this.db.tmpDir, 'data'), ...this.args, ...(now ? ['--now', now] : [])];
    const env = { ...process.env };
    for (const k of Object.keys(env)) if (k.startsWith('KVITKA_') && !k.startsWith('KVITKA_TEST_')) delete env[k];
    const logStream = createWriteStream(this.logFile, { flags: 'a' });
    const proc = spawn(KVITKA_BIN, argv, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const s of [proc.stdout, proc.stderr]) {
      s.on('data', (d) => {
        logStream.write(d);
        if (process.env.KVITKA_TEST_LOG === '1') process.stderr.write(d);
      });
    }
    this.proc = proc;
    this.url = `http://127.0.0.1:${port}`;
    this.exited = new Promise((resolve) => {
      proc.on('close', (code, signal) => {
        logStream.end();
        this.proc = null;
        resolve({ code, signal });
      });
    });
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && this.proc) {
      try {
        const res = await fetch(`${this.url}/healthz`, { signal: AbortSignal.timeout(2000) });
        await res.arrayBuffer();
        if (res.status === 200) return this;
      } catch {
        // not up yet
      }
      await sleep(20);
    }
    this.kill('SIGKILL');
    throw new Error(`kvitka serve did not become healthy; see ${this.logFile}`);
  }

  /** Sends the signal and waits for the process to exit; resolves to {code, signal}. */
  async kill(signal = 'SIGTERM') {
    if (!this.proc) return null;
    this.proc.kill(signal);
    return this.exited;
  }

  client() {
    return new Client(this.url);
  }
}

// ---------------------------------------------------------------------------------------
// Salon, clients, visits

/** Local "HH:MM" of minutes after midnight. */
export const hhmm = (m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * Signs up a salon in Europe/Kyiv with `masters` masters working open..close every day and one
 * service of `minutes` minutes they all perform. Resolves to {c, branchId, staffIds, serviceId}.
 */
export async function setupSalon(url, { masters = 20, open = '07:00', close = '23:00', minutes = 15 } = {}) {
  const c = new Client(url);
  const session = await must(c.post('/api/v1/signup', signupBody({ org_name: 'Bench Messaging', timezone: TZ })), 201, 'signup');
  const branchId = session.branches[0].id;
  const staff = await pool(Array.from({ length: masters }, (_, i) => i), 4, (i) =>
    must(c.post('/api/v1/staff', { branch_id: branchId, name: `Майстер ${i + 1}` }), 201, `master ${i}`));
  const staffIds = staff.map((s) => s.id);
  await pool(staffIds, 4, (id) => must(c.put(`/api/v1/staff/${id}/schedule`, {
    patterns: [{ kind: 'every_day', valid_from: addDays(kyivToday(), -1), valid_until: null, day: [{ start: open, end: close }] }],
    exceptions: [],
  }), 200, `schedule of ${id}`));
  const everyone = staffIds.map((id) => ({ staff_id: id, price_min: null, price_max: null, duration: null }));
  const service = await must(c.post('/api/v1/services', { name: 'Укладка', duration: minutes, price_min: 20000, staff: everyone }), 201, 'service');
  return { c, branchId, staffIds, serviceId: service.id };
}

/** The phone of client number i (unique, valid Ukrainian mobile numbers). */
export const phoneOf = (i) => `+38093${String(1_000_000 + i).padStart(7, '0')}`;

/** Imports clients with these phones (one CSV import); resolves to Map phone -> client id. */
export async function importClients(c, phones) {
  const csv = ['first_name,phones', ...phones.map((p, i) => `Клієнтка${i},${p}`)].join('\n');
  const preview = await must(c.request('POST', '/api/v1/clients/import/preview?format=csv', { body: csv, contentType: 'text/csv', timeoutMs: 300_000 }), 200, 'import preview');
  const run = await must(c.post(`/api/v1/clients/import/${encodeURIComponent(preview.import_id)}/run`,
    { mapping: { 0: 'first_name', 1: 'phones' }, on_duplicate: 'skip', dry_run: false }, { timeoutMs: 600_000 }), 200, 'import run');
  if (run.created !== phones.length) throw new Error(`import created ${run.created} of ${phones.length}: ${JSON.stringify(run).slice(0, 400)}`);
  const ids = new Map();
  let cursor = null;
  do {
    const page = await must(c.get(`/api/v1/clients?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`), 200, 'list clients');
    for (const client of page.items) for (const p of client.phones) ids.set(p, client.id);
    cursor = page.next_cursor;
  } while (cursor);
  for (const p of phones) if (!ids.has(p)) throw new Error(`imported client ${p} not listed`);
  return ids;
}

/**
 * Visit slots: `days` days from `firstDay`, each master's day open..close cut into `minutes`
 * cells, in time order (day, time, master). Resolves to [{staffId, start (UTC instant)}].
 */
export function planSlots({ staffIds, firstDay, days, open = '07:00', close = '23:00', minutes = 15 }) {
  const toMin = (t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const slots = [];
  for (let d = 0; d < days; d++) {
    const date = addDays(firstDay, d);
    for (let m = toMin(open); m + minutes <= toMin(close); m += minutes) {
      for (const staffId of staffIds) slots.push({ staffId, date, time: hhmm(m), start: at(date, hhmm(m)) });
    }
  }
  return slots;
}

/** Days of visits for `visits` (times `slack`) on the grid, and the reminder offset (in whole
 * days) that makes every reminder due before the first visit. */
export function layout({ visits, masters, open = '07:00', close = '23:00', minutes = 15, slack = 1 }) {
  const toMin = (t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const perDay = masters * Math.floor((toMin(close) - toMin(open)) / minutes);
  const days = Math.ceil((visits * slack) / perDay);
  const offsetDays = days + 1;
  // Visits from firstDay; reminders from firstDay - offsetDays (>= today + 2, past the
  // min_gap_after_booking); the last one due on firstDay - 2, before `close`.
  const firstDay = addDays(kyivToday(), offsetDays + 2);
  const dueBy = at(addDays(firstDay, days - 1 - offsetDays), '23:50');
  return { days, offsetDays, offsetMinutes: offsetDays * 1440, firstDay, dueBy, perDay };
}

/** POSTs one appointment per {clientId, staffId, start}; resolves to the appointments. */
export function bookAll(c, salon, visits, concurrency = 8) {
  return pool(visits, concurrency, (v) => must(c.post('/api/v1/appointments', {
    branch_id: salon.branchId,
    client_id: v.clientId,
    items: [{ service_id: salon.serviceId, staff_id: v.staffId, start: v.start }],
  }), 201, `book ${v.start} with ${v.staffId}`), { every: 1000, what: 'booked' });
}

/** Reminders only: one offset, no quiet hours, every other visit message off. */
export function reminderRules(c, offsetMinutes) {
  const off = ['booking_confirmation', 'rescheduled', 'cancelled', 'feedback_request',
    'staff_new_booking', 'staff_booking_moved', 'staff_booking_cancelled'];
  return must(c.put('/api/v1/settings/messaging', {
    reminders: { offsets: [offsetMinutes], min_lead: 30, min_gap_after_booking: 60 },
    quiet_hours: null,
    kinds: Object.fromEntries(off.map((k) => [k, false])),
  }), 200, 'messaging rules');
}

/** Every outbox row (GET /api/v1/messages, all pages) with the query params. */
export async function outboxRows(c, params = {}) {
  const rows = [];
  let cursor = null;
  do {
    const q = new URLSearchParams({ ...params, limit: '200', ...(cursor ? { cursor } : {}) });
    const page = await must(c.get(`/api/v1/messages?${q}`), 200, 'list messages');
    rows.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return rows;
}

// ---------------------------------------------------------------------------------------
// Statistics of the fakes' `at` (ms) timestamps

/** {count, first_to_last_ms, per_second (first to last), max_in_any_second}. */
export function rate(times) {
  const t = [...times].sort((a, b) => a - b);
  if (t.length === 0) return { count: 0 };
  const span = t.at(-1) - t[0];
  let best = 0;
  for (let i = 0, j = 0; i < t.length; i++) {
    while (t[i] - t[j] >= 1000) j++;
    best = Math.max(best, i - j + 1);
  }
  return {
    count: t.length,
    first_to_last_ms: span,
    per_second: span > 0 ? Math.round(((t.length - 1) * 1000) / span) : null,
    max_in_any_second: best,
  };
}

/** Map key -> items, for `keyOf(item)`. */
export function groupBy(items, keyOf) {
  const map = new Map();
  for (const item of items) {
    const k = keyOf(item);
    if (!map.has(k)) map.set(k, []);
    map.get(k).push(item);
  }
  return map;
}
