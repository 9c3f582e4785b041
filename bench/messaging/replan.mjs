// How long replanning the reminders of every coming visit takes when the messaging rules change
// (issue 7: "planning reminders for 100,000 future appointments takes at most 5 s").
//
//   node bench/messaging/replan.mjs [--visits 100000] [--clients 20000] [--masters 50]
//        [--concurrency 12] [--quiet-start 20:00] [--quiet-end 11:00] [--samples 40] [--no-restore]
//
// A `kvitka serve --no-dispatch` on a fresh database (SQLite; PostgreSQL with
// KVITKA_TEST_DB=postgresql KVITKA_TEST_PG=...), a salon in Europe/Kyiv with `masters` masters
// working 07:00-23:00 every day and one 15-minute service, rules with reminders 1440 and 120
// minutes before and no other message, `clients` clients (one CSV import) and `visits` visits
// booked through POST /api/v1/appointments (`concurrency` at once), one per cell of the masters'
// grid from the day after tomorrow + 1, client j % clients on cell j (so a client's visits are
// days apart). Then, timed one after the other, each a single PUT /api/v1/settings/messaging
// (which replans inside the request):
//   a. offsets [1440, 120] -> [2880, 60]: every waiting reminder becomes the reminder of a new
//      offset (its row updated in place: slot and due time);
//   b. quiet hours `quiet-start`..`quiet-end` (Kyiv): the reminders due in them moved;
//   c. kinds.reminder false: every waiting reminder voided;
//   d. kinds.reminder true again (skip with --no-restore): every voided reminder of the current
//      offsets due again.
// Checks (cheap): after each step the outbox counts by status and offset, and how many rows the
// step touched (updated_at >= its start), read straight from the database (sqlite3 / psql),
// against what a client-side model of the reminder plan expects; `samples` clients' own message
// lists (GET /api/v1/clients/{id}/messages) against the due times expected for their visits; and
// GET /api/v1/messages?kind=reminder&status=pending&limit=1 (found or not, time, page size).
// Prints a JSON summary on stdout, progress on stderr; exit 1 when a check fails.
import os from 'node:os';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { at, addDays, kyivToday, kyivWall, iso } from '../../tests/lib/booking.mjs';
import {
  DB_KIND, Serve, cliArgs, createDatabase, hhmm, importClients, log, must, phoneOf, pool, setupSalon, sleep,
} from './lib.mjs';

const opts = cliArgs({
  visits: 100_000, clients: 20_000, masters: 50, concurrency: 12,
  'quiet-start': '20:00', 'quiet-end': '11:00', samples: 40,
});
const GRID = { open: '07:00', close: '23:00', minutes: 15 };
const MIN_LEAD = 30;
const OTHER_KINDS = ['booking_confirmation', 'rescheduled', 'cancelled', 'feedback_request',
  'staff_new_booking', 'staff_booking_moved', 'staff_booking_cancelled'];
const toMin = (t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const execFileP = promisify(execFile);

// ---------------------------------------------------------------------------------------
// The reminder plan, client side (messaging/domain/reminder_plan.cpp for this salon: Kyiv,
// visits days ahead, so no "late" or "just booked" cases). Memoized by (date, time, offset,
// quiet): 100,000 visits share a few thousand cells.

const QUIET = { start: toMin(opts['quiet-start']), end: toMin(opts['quiet-end']) };
const memo = new Map();

/** Due instant (ms) of the reminder `offset` minutes before the visit at Kyiv `date` `time`, or null. */
function plannedDue(date, time, offset, quiet, nowMs) {
  const key = `${date} ${time} ${offset} ${quiet ? 'q' : ''}`;
  if (memo.has(key)) return memo.get(key);
  const start = Date.parse(at(date, time));
  const days = Math.floor(offset / 1440);
  const rest = offset % 1440;
  let due = days === 0 ? start - offset * 60_000 : Date.parse(at(addDays(date, -days), time)) - rest * 60_000;
  if (quiet && quiet.start !== quiet.end) {
    const w = kyivWall(due);
    const m = toMin(w.time);
    const inQuiet = quiet.start < quiet.end ? m >= quiet.start && m < quiet.end : m >= quiet.start || m < quiet.end;
    if (inQuiet) {
      const beginDay = m >= quiet.start ? w.date : addDays(w.date, -1);
      const endDay = m < quiet.end ? w.date : addDays(w.date, 1);
      const begin = Date.parse(at(beginDay, hhmm(quiet.start)));
      const end = Date.parse(at(endDay, hhmm(quiet.end)));
      const evening = begin - 60_000;
      if (end <= start - MIN_LEAD * 60_000) due = end;
      else if (evening >= nowMs && evening < due) due = evening;
      else due = null;
    }
  }
  if (due !== null && due >= start) due = null;
  memo.set(key, due);
  return due;
}

// ---------------------------------------------------------------------------------------
// Database counts (read-only, straight from the database: cheaper than paging the outbox)

async function dbQuery(db, sql) {
  if (db.kind === 'sqlite') {
    const file = db.url.replace(/^sqlite:/, '');
    const { stdout } = await execFileP('sqlite3', ['-readonly', '-separator', '|', file, sql], { timeout: 120_000 });
    return stdout.trim().split('\n').filter(Boolean).map((l) => l.split('|'));
  }
  const { stdout } = await execFileP('psql', ['-X', '-A', '-t', '-F', '|', '-v', 'ON_ERROR_STOP=1', db.url, '-c', sql], { timeout: 120_000 });
  return stdout.trim().split('\n').filter(Boolean).map((l) => l.split('|'));
}

/** {total: {status: n}, bySlot: {"status slot": n}, touched: {status: n} (updated_at >= since)}. */
async function outboxCounts(db, since) {
  const rows = await dbQuery(db, `SELECT status, slot, COUNT(*), SUM(CASE WHEN updated_at >= ${since} THEN 1 ELSE 0 END)
    FROM message_outbox WHERE kind = 'reminder' GROUP BY status, slot ORDER BY status, slot`);
  const out = { total: {}, by_slot: {}, touched: {} };
  for (const [status, slot, n, t] of rows) {
    out.total[status] = (out.total[status] ?? 0) + Number(n);
    out.by_slot[`${status} ${slot}`] = Number(n);
    if (Number(t) > 0) out.touched[status] = (out.touched[status] ?? 0) + Number(t);
  }
  return out;
}

// ---------------------------------------------------------------------------------------

const db = await createDatabase();
const server = new Serve(db, ['--no-dispatch']);
const problems = [];
const check = (ok, what) => {
  if (!ok) {
    problems.push(what);
    log(`CHECK FAILED: ${what}`);
  }
};
let exitCode = 0;
try {
  const visitCount = opts.visits;
  const clientCount = Math.min(opts.clients, visitCount);
  const cells = Math.floor((toMin(GRID.close) - toMin(GRID.open)) / GRID.minutes);
  const perDay = opts.masters * cells;
  const days = Math.ceil(visitCount / perDay);
  const firstDay = addDays(kyivToday(), 3);
  log(`${DB_KIND}: ${visitCount} visits of ${clientCount} clients, ${opts.masters} masters, ${days} days from ${firstDay}`);
  await server.start();
  const salon = await setupSalon(server.url, { masters: opts.masters, ...GRID });
  const { c } = salon;
  await must(c.put('/api/v1/settings/messaging', {
    reminders: { offsets: [1440, 120], min_lead: MIN_LEAD, min_gap_after_booking: 60 },
    quiet_hours: null,
    kinds: { reminder: true, ...Object.fromEntries(OTHER_KINDS.map((k) => [k, false])) },
  }), 200, 'messaging rules');

  const phones = Array.from({ length: clientCount }, (_, i) => phoneOf(i));
  const t0 = Date.now();
  const ids = await importClients(c, phones);
  const importS = (Date.now() - t0) / 1000;
  log(`imported ${ids.size} clients in ${importS.toFixed(1)} s`);

  // Visit j: cell j in (day, time, master) order, client j % clients.
  const visitAt = (j) => {
    const d = Math.floor(j / perDay);
    const r = j % perDay;
    const cell = Math.floor(r / opts.masters);
    return { date: addDays(firstDay, d), time: hhmm(toMin(GRID.open) + cell * GRID.minutes), staffId: salon.staffIds[r % opts.masters] };
  };
  const apptIds = new Array(visitCount);
  const tb = Date.now();
  let lastLog = tb;
  let booked = 0;
  await pool(Array.from({ length: visitCount }, (_, j) => j), opts.concurrency, async (j) => {
    const v = visitAt(j);
    const a = await must(c.post('/api/v1/appointments', {
      branch_id: salon.branchId,
      client_id: ids.get(phones[j % clientCount]),
      items: [{ service_id: salon.serviceId, staff_id: v.staffId, start: at(v.date, v.time) }],
    }, { timeoutMs: 120_000 }), 201, `book ${v.date} ${v.time} with ${v.staffId}`);
    apptIds[j] = a.id;
    booked++;
    if (Date.now() - lastLog > 15_000 || booked === visitCount) {
      lastLog = Date.now();
      const s = (lastLog - tb) / 1000;
      log(`booked ${booked}/${visitCount} (${(booked / s).toFixed(0)}/s, ~${((visitCount - booked) / (booked / s) / 60).toFixed(1)} min left)`);
    }
  });
  const bookingS = (Date.now() - tb) / 1000;

  // What each step should leave: pending due times per visit, from the client-side model.
  const nowMs = Date.now();
  const plans = {
    booked: { offsets: [1440, 120], quiet: null },
    a: { offsets: [2880, 60], quiet: null },
    b: { offsets: [2880, 60], quiet: QUIET },
  };
  const expectPending = (j, plan) => {
    if (!plan) return [];
    const v = visitAt(j);
    return plan.offsets.map((o) => plannedDue(v.date, v.time, o, plan.quiet, nowMs)).filter((d) => d !== null);
  };
  let moved = 0;
  let skipped = 0;
  for (let j = 0; j < visitCount; j++) {
    const v = visitAt(j);
    for (const o of [2880, 60]) {
      const before = plannedDue(v.date, v.time, o, null, nowMs);
      const after = plannedDue(v.date, v.time, o, QUIET, nowMs);
      if (after === null) skipped++;
      else if (after !== before) moved++;
    }
  }
  const N2 = 2 * visitCount;
  log(`model: quiet hours ${opts['quiet-start']}-${opts['quiet-end']} move ${moved} and skip ${skipped} of ${N2} reminders`);

  // Samples: the clients' own message lists against the model.
  const sampleClients = Array.from({ length: Math.min(opts.samples, clientCount) }, (_, k) => Math.floor((k * clientCount) / Math.min(opts.samples, clientCount)));
  async function checkSamples(stage, plan, voidedPerVisit) {
    let visitsChecked = 0;
    const bad = [];
    await pool(sampleClients, 4, async (ci) => {
      const res = await must(c.get(`/api/v1/clients/${ids.get(phones[ci])}/messages?limit=200`), 200, 'client messages');
      const reminders = res.items.filter((m) => m.kind === 'reminder');
      for (let j = ci; j < visitCount; j += clientCount) {
        const mine = reminders.filter((m) => m.appointment_id === apptIds[j]);
        const pending = mine.filter((m) => m.status === 'pending').map((m) => Date.parse(m.due_at)).sort((x, y) => x - y);
        const want = expectPending(j, plan).sort((x, y) => x - y);
        const voided = mine.filter((m) => m.status === 'voided').length;
        visitsChecked++;
        if (pending.join() !== want.join() || voided !== voidedPerVisit(j)) {
          bad.push({ visit: j, at: visitAt(j), pending: pending.map(iso), expected: want.map(iso), voided, expected_voided: voidedPerVisit(j) });
        }
      }
    });
    check(bad.length === 0, `${stage}: ${bad.length} sampled visits differ, e.g. ${JSON.stringify(bad.slice(0, 2))}`);
    return { visits: visitsChecked, differing: bad.length };
  }
  const skippedOf = (j) => expectPending(j, plans.a).length - expectPending(j, plans.b).length;

  async function pendingPage() {
    const t = Date.now();
    const page = await must(c.get('/api/v1/messages?kind=reminder&status=pending&limit=1', { timeoutMs: 300_000 }), 200, 'messages');
    return { ms: Date.now() - t, items: page.items.length, next_cursor: page.next_cursor !== null };
  }

  const initial = await outboxCounts(db, 0);
  check(initial.total.pending === N2, `after booking: ${initial.total.pending} pending reminders, expected ${N2}`);
  const initialSamples = await checkSamples('booked', plans.booked, () => 0);
  const initialPage = await pendingPage();
  log(`after booking: ${JSON.stringify(initial.by_slot)}; samples ${JSON.stringify(initialSamples)}`);

  const steps = [
    { name: 'a_offsets', what: 'offsets [1440,120] -> [2880,60]', body: { reminders: { offsets: [2880, 60] } },
      expect: { total: { pending: N2 }, touched: { pending: N2 } },
      plan: plans.a, voided: () => 0 },
    { name: 'b_quiet_hours', what: `quiet_hours ${opts['quiet-start']}-${opts['quiet-end']}`,
      body: { quiet_hours: { start: opts['quiet-start'], end: opts['quiet-end'] } },
      expect: { total: { pending: N2 - skipped, ...(skipped ? { voided: skipped } : {}) }, touched: { pending: moved, ...(skipped ? { voided: skipped } : {}) } },
      plan: plans.b, voided: (j) => skippedOf(j) },
    { name: 'c_reminders_off', what: 'kinds.reminder false', body: { kinds: { reminder: false } },
      expect: { total: { voided: N2 }, touched: { voided: N2 - skipped } },
      plan: null, voided: () => 2 },
  ];
  if (!opts['no-restore']) {
    steps.push({ name: 'd_reminders_on', what: 'kinds.reminder true (voided rows due again)', body: { kinds: { reminder: true } },
      expect: { total: { pending: N2 - skipped, ...(skipped ? { voided: skipped } : {}) }, touched: { pending: N2 - skipped } },
      plan: plans.b, voided: (j) => skippedOf(j) });
  }

  const results = [];
  for (const step of steps) {
    await sleep(1100 - (Date.now() % 1000)); // the step's rows get an updated_at of their own
    const since = Math.floor(Date.now() / 1000);
    const load = os.loadavg()[0];
    log(`${step.name}: PUT /api/v1/settings/messaging ${JSON.stringify(step.body)}`);
    const t = Date.now();
    const res = await c.put('/api/v1/settings/messaging', step.body, { timeoutMs: 600_000 });
    const wallMs = Date.now() - t;
    check(res.status === 200, `${step.name}: status ${res.status} ${res.text.slice(0, 300)}`);
    log(`${step.name}: ${res.status} in ${wallMs} ms`);
    const counts = await outboxCounts(db, since);
    for (const part of ['total', 'touched']) {
      const got = counts[part];
      const want = step.expect[part];
      const same = Object.keys({ ...got, ...want }).every((k) => (got[k] ?? 0) === (want[k] ?? 0));
      check(same, `${step.name}: ${part} ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
    }
    const samples = await checkSamples(step.name, step.plan, step.voided);
    const page = await pendingPage();
    check((page.items > 0) === (step.plan !== null), `${step.name}: pending list has ${page.items} items`);
    results.push({ step: step.name, change: step.what, status: res.status, wall_ms: wallMs, load_average_1m: Math.round(load * 100) / 100,
      outbox: counts.by_slot, touched: counts.touched, expected_touched: step.expect.touched, samples, pending_list_limit_1: page });
  }

  const summary = {
    db: DB_KIND,
    visits: visitCount,
    clients: clientCount,
    masters: opts.masters,
    days,
    first_day: firstDay,
    cpus: os.cpus().length,
    import_s: Math.round(importS * 10) / 10,
    booking: { wall_s: Math.round(bookingS * 10) / 10, per_s: Math.round(visitCount / bookingS), concurrency: opts.concurrency },
    model: { reminders: N2, moved_by_quiet_hours: moved, skipped_by_quiet_hours: skipped },
    after_booking: { outbox: initial.by_slot, samples: initialSamples, pending_list_limit_1: initialPage },
    steps: results,
    target_ms: 5000,
    problems,
  };
  console.log(JSON.stringify(summary, null, 2));
  if (problems.length > 0) exitCode = 1;
} catch (e) {
  console.error(e);
  console.error(`server log: ${server.logFile}`);
  exitCode = 2;
} finally {
  await server.kill('SIGTERM');
  if (exitCode !== 2) await db.drop();
}
process.exit(exitCode);
