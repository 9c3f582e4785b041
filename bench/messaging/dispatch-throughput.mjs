// How fast the outbox dispatcher sends (issue 7: "at least 200 messages per second to a local
// fake provider while respecting per-chat limits").
//
//   node bench/messaging/dispatch-throughput.mjs [--clients 10000] [--masters 20] [--concurrency 8]
//   node bench/messaging/dispatch-throughput.mjs --telegram [--clients 100] [--visits 3] [--masters 5]
//
// SMS (default): a salon with `masters` masters working 07:00-23:00 every day, `clients` clients
// (one CSV import, each with its own phone), one 15-minute visit each over the next days (POST
// /api/v1/appointments, `concurrency` at once), rules with one reminder offset (whole days, so that
// every reminder is due before the first visit), no quiet hours, no other messages. Then
// `kvitka jobs run --once --now T` with T after the last reminder's due time, against a fake
// TurboSMS answering at once; prints the run's report, its wall time, and the rate from the
// fake's timestamps (first to last accepted message), and checks that every phone got exactly one.
//
// --telegram: clients link their chats through the bot (deep link + "/start <token>" pushed into
// the fake Bot API while a server polls), each has `visits` back-to-back visits, and a
// `kvitka serve --now T` (the dispatcher every second) sends the reminders; prints the rate, the
// most messages in any second (Telegram: 30 per bot) and the shortest gap between two messages
// to one chat (Telegram: about 1 s).
//
// KVITKA_TEST_DB=postgresql KVITKA_TEST_PG=postgresql://... runs it on PostgreSQL.
import os from 'node:os';
import { startFakeSms, startFakeTelegram } from '../../tests/lib/fakes.mjs';
import { minimalGap } from '../../tests/lib/fake-http.mjs';
import {
  DB_KIND, Serve, bookAll, cliArgs, createDatabase, groupBy, importClients, layout, log, must, phoneOf,
  planSlots, pool, rate, reminderRules, runTimed, setupSalon, sleep,
} from './lib.mjs';

const telegram = process.argv.includes('--telegram');
const opts = cliArgs(telegram
  ? { clients: 100, visits: 3, masters: 5, concurrency: 8 }
  : { clients: 10_000, visits: 1, masters: 20, concurrency: 8 });
const GRID = { open: '07:00', close: '23:00', minutes: 15 };

const db = await createDatabase();
const sms = telegram ? null : await startFakeSms({ provider: 'turbosms' });
const tg = telegram ? await startFakeTelegram() : null;
const providerArgs = telegram ? ['--provider-url', `telegram=${tg.url}`] : ['--provider-url', `turbosms=${sms.url}`];
const setupServer = new Serve(db, ['--no-dispatch', ...providerArgs]);
let exitCode = 0;
try {
  log(`${DB_KIND}: setting up ${opts.clients} clients x ${opts.visits} visits, ${opts.masters} masters`);
  await setupServer.start();
  const salon = await setupSalon(setupServer.url, { masters: opts.masters, ...GRID });
  const { c } = salon;
  const visitCount = opts.clients * opts.visits;
  const plan = layout({ visits: visitCount, masters: opts.masters, ...GRID });
  const phones = Array.from({ length: opts.clients }, (_, i) => phoneOf(i));
  const ids = await importClients(c, phones);
  log(`imported ${ids.size} clients; visits over ${plan.days} days from ${plan.firstDay}, reminder ${plan.offsetDays} days before`);
  if (telegram) {
    await must(c.put('/api/v1/settings/channels/telegram', { enabled: true, bot_token: tg.token, bot_username: 'kvitka_test_bot' }), 200, 'telegram');
  } else {
    await must(c.put('/api/v1/settings/channels/sms', { enabled: true, provider: 'turbosms', token: 't', sender: 'Kvitka' }), 200, 'sms');
  }
  await reminderRules(c, plan.offsetMinutes);

  const chatOf = (i) => 7_100_000 + i;
  if (telegram) {
    // Each client opens the deep link: "/start <token>" from the chat; the polling server links it.
    await pool(phones, 8, async (phone, i) => {
      const link = await must(c.post(`/api/v1/clients/${ids.get(phone)}/telegram-link`, {}), 201, 'telegram link');
      tg.pushMessage(chatOf(i), `/start ${new URL(link.url).searchParams.get('start')}`, { id: chatOf(i), first_name: `К${i}` });
    });
    await tg.waitForSent(phones.length, 120_000); // the bot's greetings
    await sleep(1500);
    const linked = await pool(phones, 8, async (phone) =>
      (await must(c.get(`/api/v1/clients/${ids.get(phone)}/channels`), 200, 'channels')).telegram?.linked === true);
    log(`${linked.filter(Boolean).length} of ${phones.length} chats linked`);
  }

  // Client i's visits take consecutive cells of one master (Telegram: several reminders to one
  // chat close together in the outbox's order).
  const slots = planSlots({ staffIds: salon.staffIds, firstDay: plan.firstDay, days: plan.days, ...GRID });
  const byMaster = [...groupBy(slots, (s) => s.staffId).values()].flatMap((list) => list);
  const visits = byMaster.slice(0, visitCount).map((s, k) => ({ ...s, clientId: ids.get(phones[Math.floor(k / opts.visits)]) }));
  const t0 = Date.now();
  await bookAll(c, salon, visits, opts.concurrency);
  log(`booked ${visits.length} visits in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const pendingRows = (await must(c.get('/api/v1/messages?status=pending&limit=1'), 200, 'messages')).items.length;
  await setupServer.kill('SIGTERM');
  if (pendingRows === 0) throw new Error('no pending reminder was written');

  const before = (tg ?? sms).sent.length;
  const load = os.loadavg();
  const dispatchStart = Date.now();
  let report = null;
  if (!telegram) {
    log(`kvitka jobs run --once --now ${plan.dueBy}`);
    const r = await runTimed(['jobs', 'run', '--once', '--now', plan.dueBy, ...providerArgs, '--db', db.url]);
    if (r.code !== 0) throw new Error(`jobs run exited ${r.code}: ${r.stderr.slice(-2000)}`);
    report = JSON.parse(r.stdout.trim().split('\n').filter((l) => l.startsWith('{')).pop());
    report.cpu_s = { user: r.cpu_user_s, sys: r.cpu_sys_s };
  } else {
    const server = new Serve(db, providerArgs);
    log(`kvitka serve --now ${plan.dueBy}`);
    await server.start({ now: plan.dueBy });
    const deadline = Date.now() + 30 * 60_000;
    while (tg.sent.length - before < visitCount && Date.now() < deadline) await sleep(200);
    await sleep(3000); // anything beyond the expected count would show up now
    await server.kill('SIGTERM');
  }
  const wallMs = Date.now() - dispatchStart;

  const sent = (tg ?? sms).sent.slice(before);
  const result = {
    db: DB_KIND,
    channel: telegram ? 'telegram' : 'sms',
    clients: opts.clients,
    visits: visitCount,
    masters: opts.masters,
    now: plan.dueBy,
    load_average_before: load.map((x) => Math.round(x * 100) / 100),
    report,
    wall_ms: wallMs,
    sent: sent.length,
    rate: rate(sent.map((m) => m.at)),
  };
  if (telegram) {
    const perChat = groupBy(sent, (m) => String(m.chat_id));
    result.chats = perChat.size;
    result.min_gap_one_chat_ms = minimalGap(sent, (m) => m.chat_id);
    result.attempts_rejected = tg.attempts.filter((a) => a.status && a.status !== 200).length;
    result.chats_not_getting_all = [...phones.keys()].filter((i) => (perChat.get(String(chatOf(i)))?.length ?? 0) !== opts.visits).length;
    if (result.min_gap_one_chat_ms < 1000 || result.rate.max_in_any_second > 30 || sent.length !== visitCount) exitCode = 1;
  } else {
    const perPhone = groupBy(sent, (m) => m.to);
    result.phones = perPhone.size;
    result.phones_twice = [...perPhone.values()].filter((l) => l.length > 1).length;
    result.phones_missing = phones.filter((p) => !perPhone.has(p)).length;
    if (result.phones_twice > 0 || result.phones_missing > 0) exitCode = 1;
  }
  console.log(JSON.stringify(result, null, 2));
} catch (e) {
  console.error(e);
  console.error(`server log: ${setupServer.logFile}`);
  exitCode = 2;
} finally {
  await setupServer.kill('SIGKILL');
  await Promise.all([sms?.close(), tg?.close()]);
  if (exitCode !== 2) await db.drop();
}
process.exit(exitCode);
