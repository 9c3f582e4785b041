// Crash safety of the outbox (issue 7: "kill the server with SIGKILL 20 times while it dispatches
// 10,000 reminders: none lost, none sent for a cancelled or moved visit, and report how many were
// sent twice (goal 0)").
//
//   node bench/messaging/sigkill.mjs [--clients 10000] [--kills 20] [--cancel 0.05] [--move 0.05]
//        [--delay-min 5] [--delay-max 20] [--life-min 200] [--life-max 2500] [--seed 1]
//        [--provider turbosms|generic] [--provider-dedup 1|0]
//
// 1. Setup (a server with --no-dispatch): a salon with 20 masters working 07:00-23:00, `clients`
//    clients with a phone each (CSV import), one 15-minute visit each (POST /api/v1/appointments),
//    rules with one reminder offset (whole days: every reminder is due before the first visit),
//    no quiet hours and no other messages (no confirmations, no "moved"/"cancelled" notices).
//    Then `cancel` of the visits are cancelled and `move` moved to free cells (PATCH start and
//    master): their reminders are voided and the moved ones planned again for the new time.
// 2. `kvitka serve --now T` (T: every reminder due) sends through one fake TurboSMS that answers
//    after delay-min..delay-max ms; it is killed with SIGKILL `kills` times, each time life-min..
//    life-max ms after it started sending, and started again with --now T + the real time
//    elapsed. After the last kill it runs until no reminder is pending or being sent (messages
//    claimed by a killed server wait for their lease, 120 s, to run out).
// 3. Checks, from the fake's records and GET /api/v1/messages: every visit still booked got its
//    reminder (lost = none), cancelled visits none, moved visits only the reminder of the new
//    time (the outbox row sent is the one due before the new start, the text names the new time);
//    counts the phones that got more than one message. Prints a JSON summary; exits 1 when any
//    reminder is lost or sent for a cancelled visit or an old time.
//
// The provider: `turbosms` (the default) or `generic` (the generic HTTP gateway with a body
// template carrying {{message_id}}). With --provider-dedup 1 (the default) the fake does what the
// real one does with a repeated message: TurboSMS refuses the same text to the same phone within
// 90 s (code 427, which the adapter counts as sent); a gateway that takes an Idempotency-Key
// answers a repeated key as before without sending. `repeated_requests` counts the messages the
// dispatcher handed over twice (after a crash), `sent_twice` the phones that got two.
import { startFakeSms } from '../../tests/lib/fakes.mjs';
import { iso, kyivWall } from '../../tests/lib/booking.mjs';
import {
  DB_KIND, Serve, bookAll, cliArgs, createDatabase, groupBy, importClients, layout, log, must, outboxRows,
  phoneOf, planSlots, pool, rate, reminderRules, setupSalon, sleep,
} from './lib.mjs';
import { readFile } from 'node:fs/promises';

const opts = cliArgs({ clients: 10_000, masters: 20, kills: 20, cancel: 0.05, move: 0.05, 'delay-min': 5,
  'delay-max': 20, 'life-min': 200, 'life-max': 2500, seed: 1, concurrency: 8, provider: 'turbosms',
  'provider-dedup': 1 });
const GRID = { open: '07:00', close: '23:00', minutes: 15 };

// Deterministic pseudo-random numbers (mulberry32): the same visits are cancelled and moved.
let seed = opts.seed >>> 0 || 1;
function rnd() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const between = (lo, hi) => lo + rnd() * (hi - lo);

const db = await createDatabase();
const generic = opts.provider === 'generic';
const sms = await startFakeSms({ provider: generic ? 'generic' : 'turbosms', rejectDuplicates: Boolean(Number(opts['provider-dedup'])) });
Object.defineProperty(sms, 'delayMs', { get: () => between(opts['delay-min'], opts['delay-max']), configurable: true });
const providerArgs = ['--provider-url', `turbosms=${sms.url}`];
// One public URL for every life of the server, as in production (the links in the texts, and so
// the texts, stay the same from one life to the next).
const server = new Serve(db, [...providerArgs, '--public-url', 'https://kvitka.bench']);
const setupServer = new Serve(db, ['--no-dispatch', ...providerArgs]);
let exitCode = 0;
try {
  // ---- 1. Setup
  await setupServer.start();
  const salon = await setupSalon(setupServer.url, { masters: opts.masters, ...GRID });
  const { c } = salon;
  const plan = layout({ visits: opts.clients, masters: opts.masters, slack: 1 + opts.move + 0.02, ...GRID });
  const phones = Array.from({ length: opts.clients }, (_, i) => phoneOf(i));
  const ids = await importClients(c, phones);
  const smsSettings = generic
    ? { enabled: true, provider: 'generic', url: `${sms.url}/send`, method: 'POST', sender: 'Kvitka',
        body_template: '{"to": "{{phone}}", "text": "{{text}}", "id": "{{message_id}}"}' }
    : { enabled: true, provider: 'turbosms', token: 't', sender: 'Kvitka' };
  await must(c.put('/api/v1/settings/channels/sms', smsSettings), 200, 'sms');
  await reminderRules(c, plan.offsetMinutes);
  const slots = planSlots({ staffIds: salon.staffIds, firstDay: plan.firstDay, days: plan.days, ...GRID });
  const visits = slots.slice(0, opts.clients).map((s, i) => ({ ...s, phone: phones[i], clientId: ids.get(phones[i]) }));
  const free = slots.slice(opts.clients);
  const booked = await bookAll(c, salon, visits, opts.concurrency);
  visits.forEach((v, i) => Object.assign(v, { id: booked[i].id, fate: 'kept' }));

  const order = visits.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const cancelled = order.slice(0, Math.round(opts.clients * opts.cancel)).map((i) => visits[i]);
  const moved = order.slice(cancelled.length, cancelled.length + Math.round(opts.clients * opts.move)).map((i) => visits[i]);
  await pool(cancelled, opts.concurrency, (v) => {
    v.fate = 'cancelled';
    return must(c.post(`/api/v1/appointments/${v.id}/status`, { status: 'cancelled', reason: 'bench', cancelled_by: 'client' }), 200, 'cancel');
  });
  await pool(moved, opts.concurrency, async (v, k) => {
    Object.assign(v, { fate: 'moved', oldStart: v.start, start: free[k].start, staffId: free[k].staffId });
    await must(c.patch(`/api/v1/appointments/${v.id}`, { start: v.start, staff_id: v.staffId }), 200, 'move');
  });
  log(`${visits.length} visits booked (${plan.days} days from ${plan.firstDay}); ${cancelled.length} cancelled, ${moved.length} moved`);
  await setupServer.kill('SIGTERM');

  // ---- 2. Dispatch, killed `kills` times
  const t0 = Date.now();
  const T0 = Date.parse(plan.dueBy);
  const nowArg = () => iso(T0 + (Date.now() - t0));
  const lives = [];
  for (let k = 1; k <= opts.kills; k++) {
    const before = sms.sent.length;
    await server.start({ now: nowArg() });
    const up = Date.now();
    while (sms.sent.length === before && Date.now() - up < 5000) await sleep(5);
    await sleep(between(opts['life-min'], opts['life-max']));
    await server.kill('SIGKILL');
    lives.push({ kill: k, sent_in_life: sms.sent.length - before, ms: Date.now() - up });
    log(`kill ${k}: ${sms.sent.length - before} sent in ${Date.now() - up} ms, ${sms.sent.length} in all`);
  }
  await server.start({ now: nowArg() });
  const api = c.clone();
  api.baseUrl = server.url;
  const left = async () => {
    let n = 0;
    for (const status of ['pending', 'sending']) {
      n += (await must(api.get(`/api/v1/messages?status=${status}&kind=reminder&limit=200`), 200, 'messages')).items.length;
    }
    return n;
  };
  const finalStart = Date.now();
  for (let n = await left(); n > 0; n = await left()) {
    if (Date.now() - finalStart > 15 * 60_000) throw new Error(`${n}+ reminders still pending after 15 min`);
    await sleep(2000);
  }
  await sleep(2000);
  log(`after the last kill everything was sent in ${((Date.now() - finalStart) / 1000).toFixed(1)} s`);

  // ---- 3. Checks
  const rows = await outboxRows(api, { kind: 'reminder' });
  await server.kill('SIGTERM');
  const byPhone = groupBy(sms.sent, (m) => m.to);
  const rowsOf = groupBy(rows, (r) => r.appointment_id);
  const dotted = (instant) => {
    const w = kyivWall(instant);
    return `${w.date.slice(8, 10)}.${w.date.slice(5, 7)}.${w.date.slice(0, 4)} о ${w.time}`;
  };
  const offsetMs = plan.offsetMinutes * 60_000;
  const problems = { lost: [], sent_for_cancelled: [], sent_for_old_time: [], text_not_new_time: [] };
  let twice = 0;
  const twiceExamples = [];
  let extra = 0;
  const repeatGaps = []; // seconds between a phone's first and second message
  for (const v of visits) {
    const got = byPhone.get(v.phone) ?? [];
    if (got.length > 1) {
      if (twice < 3) twiceExamples.push(got.map((m) => ({ at: m.at, to: m.to, text: m.text })));
      twice++;
      extra += got.length - 1;
      repeatGaps.push((got[1].at - got[0].at) / 1000);
    }
    if (v.fate === 'cancelled') {
      if (got.length > 0) problems.sent_for_cancelled.push(v.id);
      continue;
    }
    if (got.length === 0) problems.lost.push(v.id);
    if (v.fate !== 'moved') continue;
    const sentRows = (rowsOf.get(v.id) ?? []).filter((r) => r.status === 'sent');
    if (sentRows.some((r) => Date.parse(r.due_at) !== Date.parse(v.start) - offsetMs)) problems.sent_for_old_time.push(v.id);
    if (got.some((m) => !m.text.includes(dotted(v.start)))) problems.text_not_new_time.push(v.id);
  }
  const statuses = {};
  for (const r of rows) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  const logText = await readFile(server.logFile, 'utf8');
  const dispatched = [...logText.matchAll(/"event":"dispatched".*?"lost":(\d+)/g)];
  const summary = {
    db: DB_KIND,
    visits: visits.length,
    kept: visits.length - cancelled.length - moved.length,
    cancelled: cancelled.length,
    moved: moved.length,
    expected_reminders: visits.length - cancelled.length,
    now: plan.dueBy,
    kills: lives.length,
    kills_while_sending: lives.filter((l) => l.sent_in_life > 0).length,
    fake_delay_ms: [opts['delay-min'], opts['delay-max']],
    sent_messages: sms.sent.length,
    phones_reached: byPhone.size,
    lost: problems.lost.length,
    sent_for_cancelled: problems.sent_for_cancelled.length,
    sent_for_old_time: problems.sent_for_old_time.length,
    moved_text_not_new_time: problems.text_not_new_time.length,
    provider: opts.provider,
    provider_dedup: Boolean(Number(opts['provider-dedup'])),
    requests: sms.attempts.length,
    repeated_requests: sms.attempts.filter((a) => a.repeated).length,
    sent_twice: twice,
    extra_messages: extra,
    repeat_after_s: repeatGaps.length ? { min: Math.min(...repeatGaps), max: Math.max(...repeatGaps) } : null,
    outbox_reminder_rows: statuses,
    dispatcher_lost_leases: dispatched.reduce((a, m) => a + Number(m[1]), 0),
    message_failed_log_lines: (logText.match(/"event":"message_failed"/g) ?? []).length,
    rate: rate(sms.sent.map((m) => m.at)),
    total_ms: Date.now() - t0,
    lives,
    twice_examples: twiceExamples,
    examples: Object.fromEntries(Object.entries(problems).map(([k, list]) => [k, list.slice(0, 5)])),
  };
  console.log(JSON.stringify(summary, null, 2));
  if (summary.lost || summary.sent_for_cancelled || summary.sent_for_old_time || summary.moved_text_not_new_time) exitCode = 1;
} catch (e) {
  console.error(e);
  console.error(`server log: ${server.logFile}`);
  exitCode = 2;
} finally {
  await setupServer.kill('SIGKILL');
  await server.kill('SIGKILL');
  await sms.close();
  if (exitCode !== 2) await db.drop();
}
process.exit(exitCode);
