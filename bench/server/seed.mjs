// Seeds a running Kvitka server for the server benchmarks, through the public API only:
//   an org in Europe/Kyiv, 20 masters working 09:00-21:00 every day, 4 services (30/45/60/90
//   min) performed by every master, 300 clients, 200 appointments on the target day
//   (10 per master, no collisions, inside working hours) and 3,000 more spread over the 31
//   days after it; then logs in once more and writes what the wrk scripts need to --out.
//
//   node bench/server/seed.mjs --url http://127.0.0.1:PORT --out DIR/seed.json
//
// Environment (all optional): KV_SEED_MASTERS (20), KV_SEED_CLIENTS (300), KV_SEED_DAY_APPTS
// (10 per master on the target day), KV_SEED_SPREAD (3000), KV_SEED_DAYS (31),
// KV_SEED_LEAD_DAYS (7: target day = today in Kyiv + 7), KV_SEED_CONCURRENCY (8).
import { writeFileSync } from 'node:fs';
import { Client } from '../../tests/lib/server.mjs';
import { signupBody } from '../../tests/lib/api.mjs';
import { randomPhone } from '../../tests/lib/clients.mjs';
import { at, addDays, kyivToday, TZ } from '../../tests/lib/booking.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
if (!args.url || !args.out) {
  console.error('usage: node bench/server/seed.mjs --url http://127.0.0.1:PORT --out FILE.json');
  process.exit(2);
}
const env = (k, d) => (process.env[k] ? Number(process.env[k]) : d);
const MASTERS = env('KV_SEED_MASTERS', 20);
const CLIENTS = env('KV_SEED_CLIENTS', 300);
const DAY_APPTS = env('KV_SEED_DAY_APPTS', 10);
const SPREAD = env('KV_SEED_SPREAD', 3000);
const DAYS = env('KV_SEED_DAYS', 31);
const LEAD = env('KV_SEED_LEAD_DAYS', 7);
const CONCURRENCY = env('KV_SEED_CONCURRENCY', 8);

const OPEN = '09:00';
const CLOSE = '21:00';
const CELL = 15; // minutes: the booking grid of the seeded appointments
const CELLS = (21 - 9) * (60 / CELL); // cells in a working day

// Deterministic pseudo-random numbers (mulberry32), so every run seeds the same layout.
let seed = 0x4b766974;
function rnd() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(rnd() * list.length)];

const started = Date.now();
const log = (msg) => console.error(`[seed ${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);

async function must(promise, status, what) {
  const res = await promise;
  if (res.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${res.status} ${res.text.slice(0, 500)}`);
  }
  return res.json;
}

/** Runs `fn` over `items` with at most `n` requests in flight; resolves to the results in order. */
async function pool(items, n, fn) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return out;
}

const hhmm = (cell) => {
  const minutes = 9 * 60 + cell * CELL;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
};

// ---------------------------------------------------------------------------------------
// Org, masters, services, clients

const c = new Client(args.url);
const body = signupBody({ org_name: 'Bench Salon', branch_name: 'Bench Main', timezone: TZ, currency: 'UAH' });
const session = await must(c.post('/api/v1/signup', body), 201, 'signup');
const branchId = session.branches[0].id;
log(`signed up ${body.email}, branch ${branchId}`);

const NAMES = ['Анна', 'Богдана', 'Вікторія', 'Галина', 'Дарина', 'Євгенія', 'Жанна', 'Зоряна', 'Ірина', 'Катерина',
  'Леся', 'Марія', 'Наталія', 'Оксана', 'Поліна', 'Роксолана', 'Софія', 'Тетяна', 'Уляна', 'Христина'];
const staff = await pool(Array.from({ length: MASTERS }, (_, i) => i), CONCURRENCY, (i) =>
  must(
    c.post('/api/v1/staff', {
      branch_id: branchId,
      name: `${NAMES[i % NAMES.length]} ${i + 1}`,
      position: 'Майстер',
    }),
    201,
    `create master ${i}`,
  ),
);
const staffIds = staff.map((s) => s.id);
const scheduleFrom = addDays(kyivToday(), -1);
await pool(staffIds, CONCURRENCY, (id) =>
  must(
    c.put(`/api/v1/staff/${id}/schedule`, {
      patterns: [{ kind: 'every_day', valid_from: scheduleFrom, valid_until: null, day: [{ start: OPEN, end: CLOSE }] }],
      exceptions: [],
    }),
    200,
    `schedule of master ${id}`,
  ),
);
log(`${MASTERS} masters working ${OPEN}-${CLOSE} every day from ${scheduleFrom}`);

const everyone = staffIds.map((id) => ({ staff_id: id, price_min: null, price_max: null, duration: null }));
const SERVICE_DEFS = [
  { key: 'quick', name: 'Укладка', duration: 30, price_min: 30000 },
  { key: 'nails', name: 'Манікюр', duration: 45, price_min: 45000 },
  { key: 'cut', name: 'Стрижка', duration: 60, price_min: 60000 },
  { key: 'color', name: 'Фарбування', duration: 90, price_min: 120000 },
];
const services = {};
for (const s of SERVICE_DEFS) {
  services[s.key] = await must(
    c.post('/api/v1/services', { name: s.name, duration: s.duration, price_min: s.price_min, staff: everyone }),
    201,
    `create service ${s.name}`,
  );
}
log(`services ${SERVICE_DEFS.map((s) => `${s.name}=${services[s.key].id}`).join(' ')}`);

const FIRST = ['Олена', 'Ольга', 'Юлія', 'Марина', 'Світлана', 'Людмила', 'Ганна', 'Вероніка', 'Діана', 'Алла'];
const LAST = ['Коваль', 'Шевченко', 'Бондар', 'Мельник', 'Ткаченко', 'Кравець', 'Олійник', 'Лисенко', 'Руденко', 'Савчук'];
const clients = await pool(Array.from({ length: CLIENTS }, (_, i) => i), CONCURRENCY, (i) =>
  must(
    c.post('/api/v1/clients', {
      first_name: FIRST[i % FIRST.length],
      last_name: `${LAST[Math.floor(i / FIRST.length) % LAST.length]}-${i}`,
      phones: [randomPhone()],
    }),
    201,
    `create client ${i}`,
  ),
);
const clientIds = clients.map((x) => x.id);
log(`${CLIENTS} clients`);

// ---------------------------------------------------------------------------------------
// Appointments: a layout on the 15-minute grid of each master's day, then POST each one.

const targetDay = addDays(kyivToday(), LEAD);
const durations = SERVICE_DEFS.map((s) => s.duration);
const serviceByDuration = Object.fromEntries(SERVICE_DEFS.map((s) => [s.duration, services[s.key].id]));
const plan = []; // {date, staff, cell, duration}

// Target day: DAY_APPTS per master, random services, random gaps between them.
for (const staffId of staffIds) {
  let chosen;
  do {
    chosen = Array.from({ length: DAY_APPTS }, () => pick(durations));
  } while (chosen.reduce((a, b) => a + b, 0) > CELLS * CELL);
  const busy = chosen.reduce((a, b) => a + b, 0) / CELL;
  const gaps = new Array(chosen.length + 1).fill(0);
  for (let free = CELLS - busy; free > 0; free--) gaps[Math.floor(rnd() * gaps.length)]++;
  let cell = 0;
  chosen.forEach((d, i) => {
    cell += gaps[i];
    plan.push({ date: targetDay, staff: staffId, cell, duration: d });
    cell += d / CELL;
  });
}

// Spread: SPREAD appointments over the DAYS days after the target day, at random free places.
const spreadDays = Array.from({ length: DAYS }, (_, i) => addDays(targetDay, i + 1));
const occupied = new Map(); // "date|staff" -> Uint8Array(CELLS)
let placed = 0;
for (let guard = 0; placed < SPREAD && guard < SPREAD * 100; guard++) {
  const date = pick(spreadDays);
  const staffId = pick(staffIds);
  const d = pick(durations);
  const cells = d / CELL;
  const key = `${date}|${staffId}`;
  if (!occupied.has(key)) occupied.set(key, new Uint8Array(CELLS));
  const occ = occupied.get(key);
  const start = Math.floor(rnd() * (CELLS - cells + 1));
  if (occ.subarray(start, start + cells).some((x) => x)) continue;
  occ.fill(1, start, start + cells);
  plan.push({ date, staff: staffId, cell: start, duration: d });
  placed++;
}
if (placed < SPREAD) throw new Error(`could only place ${placed} of ${SPREAD} spread appointments`);

let done = 0;
await pool(plan, CONCURRENCY, async (p, i) => {
  const a = await must(
    c.post('/api/v1/appointments', {
      branch_id: branchId,
      client_id: clientIds[i % clientIds.length],
      items: [{ service_id: serviceByDuration[p.duration], staff_id: p.staff, start: at(p.date, hhmm(p.cell)) }],
      allow_outside_hours: false,
      source: pick(['front_desk', 'phone', 'online']),
    }),
    201,
    `appointment ${p.date} ${hhmm(p.cell)} master ${p.staff} (${p.duration} min)`,
  );
  if (++done % 500 === 0) log(`${done}/${plan.length} appointments`);
  return a.id;
});
log(`${plan.length} appointments: ${plan.length - placed} on ${targetDay}, ${placed} over ${spreadDays[0]}..${spreadDays.at(-1)}`);

// Sanity checks through the same endpoints the benchmark hits.
const journal = await must(c.get(`/api/v1/journal?branch_id=${branchId}&date=${targetDay}&days=1`), 200, 'journal');
if (journal.staff.length !== MASTERS || journal.appointments.length !== MASTERS * DAY_APPTS) {
  throw new Error(`journal of ${targetDay}: ${journal.staff.length} masters, ${journal.appointments.length} appointments`);
}
const to7 = addDays(targetDay, 6);
const avail = await must(
  c.get(`/api/v1/availability?branch_id=${branchId}&service_ids=${services.cut.id}&from=${targetDay}&to=${to7}`),
  200,
  'availability',
);
const slots = avail.days.map((d) => d.slots.length);
log(`journal ${targetDay}: ${journal.staff.length} masters, ${journal.appointments.length} appointments; ` +
  `availability ${services.cut.name} slots/day ${slots.join(',')}`);

// A fresh session for wrk (log in once, as a browser would).
const w = new Client(args.url);
const login = await must(w.login(body.email, body.password), 200, 'login');
const cookie = w.session;
if (!cookie || !login.csrf_token) throw new Error('login gave no session cookie / csrf_token');

// Bookings go to days nobody else uses: from 120 days after the target day, UTC midnight.
const bookDay0 = addDays(targetDay, 120);
writeFileSync(
  args.out,
  JSON.stringify(
    {
      url: args.url,
      email: body.email,
      password: body.password,
      cookie: `kvitka_session=${cookie}`,
      csrf: login.csrf_token,
      branch_id: branchId,
      branch_slug: session.branches[0].slug,
      staff_ids: staffIds,
      client_ids: clientIds,
      services: Object.fromEntries(Object.entries(services).map(([k, s]) => [k, s.id])),
      availability_service_id: services.cut.id,
      booking_service_id: services.quick.id,
      booking_slot_minutes: 30,
      target_day: targetDay,
      target_day_7: to7,
      book_base_epoch: Date.parse(`${bookDay0}T00:00:00Z`) / 1000,
      appointments: { target_day: plan.length - placed, spread: placed, spread_from: spreadDays[0], spread_to: spreadDays.at(-1) },
      journal_bytes: JSON.stringify(journal).length,
      availability_7_slots: slots,
    },
    null,
    2,
  ) + '\n',
);
log(`wrote ${args.out}`);
