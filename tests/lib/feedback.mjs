// Helpers for the feedback API tests (issue 7): a visit booked online in a salon of
// setupOnlineSalon (online.mjs), its feedback link (the manage token), completing it, and a second
// server on the same database that runs as if it were a later moment (`kvitka serve --now`),
// where the link is open.
//
//   const s = await setupOnlineSalon(server);
//   const v = await completedVisit(server, s, { staff: s.anna });
//   await withServerAt(server, plusMinutes(v.booking.end, 60), (later) =>
//     later.anon().post(publicFeedbackPath(v.token), { rating: 5 }));
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { assertStatus } from './api.mjs';
import { Client, KVITKA_BIN, REPO_ROOT, freePort } from './server.mjs';
import { future, plusMinutes, status } from './booking.mjs';
import { HIGH_LIMITS, bookFirstSlot, theAppointment } from './online.mjs';

export const FEEDBACK = '/api/v1/feedback';
export const clientFeedbackPath = (id) => `/api/v1/clients/${id}/feedback`;
/** The public form of a visit's feedback link. */
export const publicFeedbackPath = (token) => `/api/v1/public/feedback/${token}`;

/**
 * A second server on the database of `server` that runs as if it were `now` (kvitka serve
 * --now, --no-dispatch): {url, anon(opts) (a fresh anonymous client), as(client) (the same
 * session there), stop()} (stop asserts a clean exit).
 */
export async function startServerAt(server, now, args = []) {
  const port = await freePort();
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KVITKA_') || k.startsWith('KVITKA_TEST_')));
  const proc = spawn(
    KVITKA_BIN,
    ['serve', '--db', server.dbUrl, '--listen', `127.0.0.1:${port}`, '--data-dir', server.dataDir, '--no-dispatch', '--now', now, ...HIGH_LIMITS, ...args],
    { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  for (const s of [proc.stdout, proc.stderr]) s.on('data', (d) => (log += d));
  const exited = new Promise((resolve) => proc.on('close', (code, signal) => resolve({ code, signal })));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      // not up yet
    }
    if (proc.exitCode !== null || i > 600) {
      proc.kill('SIGKILL');
      throw new Error(`kvitka serve --now ${now} did not start:\n${log.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    anon: (opts) => new Client(url, opts),
    as(client) {
      const c = client.clone();
      c.baseUrl = url;
      return c;
    },
    async stop() {
      proc.kill('SIGTERM');
      const { code, signal } = await exited;
      assert.equal(code, 0, `the server at ${now} stopped cleanly (signal ${signal}):\n${log.slice(-2000)}`);
    },
  };
}

/** Runs `work(later)` with a server at `now` (startServerAt), stopping it afterwards. */
export async function withServerAt(server, now, work, args) {
  const later = await startServerAt(server, now, args);
  try {
    return await work(later);
  } finally {
    await later.stop();
  }
}

/**
 * An online booking of the salon `days` ahead at its first slot (of `staff`, when given):
 * {token (the feedback link's), appointment (from the journal), booking, phone}.
 */
export async function bookedVisit(server, s, { days = 7, staff, client = { name: 'Оксана', email: 'oksana@example.test' } } = {}) {
  const booked = await bookFirstSlot(server, s, { date: future(days), staff, client });
  const appointment = await theAppointment(s, booked.booking.start, booked.body.client.phone);
  return { token: booked.manage_token, appointment, booking: booked.booking, phone: booked.body.client.phone };
}

/** bookedVisit, then marked completed by the salon. */
export async function completedVisit(server, s, options) {
  const visit = await bookedVisit(server, s, options);
  await status(s.c, visit.appointment.id, 'completed');
  return visit;
}

/**
 * Completed visits (each {staff, name, answer}, booked `days` ahead), answered through their
 * links by a server an hour after the last of them; resolves to the visits with {token,
 * appointment, booking}.
 */
export async function answeredVisits(server, s, list, days = 7) {
  const visits = [];
  for (const v of list) {
    const visit = await completedVisit(server, s, { days, staff: v.staff, client: { name: v.name ?? 'Оксана' } });
    visits.push({ ...v, ...visit });
  }
  const last = visits.map((v) => v.booking.end).sort().pop();
  await withServerAt(server, plusMinutes(last, 60), async (later) => {
    for (const v of visits) {
      const res = await later.anon().post(publicFeedbackPath(v.token), v.answer);
      assertStatus(res, 201, `answer ${JSON.stringify(v.answer)}`);
    }
  });
  return visits;
}
