// Server-sent events of a branch (GET /events): a stream that opens at once, and an
// `event: appointment` frame within a second of a change made by another request (created,
// updated, status, visit), group event and waitlist frames, and nothing of another organization.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertStatus } from '../lib/api.mjs';
import { createStaff, putSchedule, daily, iv } from '../lib/staff.mjs';
import {
  EVENTS,
  APPOINTMENTS,
  GROUP_EVENTS,
  WAITLIST,
  setupSalon,
  book,
  status,
  oneItem,
  newClient,
  at,
  future,
  EVERY_DAY_9_TO_6,
} from '../lib/booking.mjs';

let server;
let s;
let other; // another organization

before(async () => {
  server = await startServer();
  s = await setupSalon(server);
  other = await setupSalon(server);
});
after(async () => {
  await server?.stop();
});

/**
 * Opens the event stream as `client` (its session cookie) and parses frames as they come.
 * Resolves once the response headers are in (within 2 s).
 */
async function openStream(client, branchId) {
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(new Error('no response headers within 2 s')), 2000);
  const res = await fetch(`${client.baseUrl}${EVENTS}?branch_id=${branchId}`, {
    headers: { Cookie: client.cookieHeader(), Accept: 'text/event-stream' },
    signal: ac.signal,
  });
  clearTimeout(timer);
  const frames = [];
  const waiters = [];
  let raw = '';
  const stream = {
    res,
    frames,
    raw: () => raw,
    /** Resolves to the first frame (seen or coming) matching `pred`, or rejects after `ms`. */
    next(pred, ms = 1000, what = 'frame') {
      const seen = frames.find(pred);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const w = { pred, resolve };
        waiters.push(w);
        setTimeout(() => {
          const i = waiters.indexOf(w);
          if (i >= 0) {
            waiters.splice(i, 1);
            reject(new Error(`no ${what} within ${ms} ms; the stream so far:\n${raw.slice(-1500)}`));
          }
        }, ms);
      });
    },
    close() {
      ac.abort();
    },
  };
  if (res.status !== 200 || !res.body) {
    stream.text = await res.text().catch(() => '');
    return stream;
  }
  (async () => {
    const reader = res.body.getReader();
    const dec = new TextDecoder();
    let buf = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const chunk = dec.decode(value, { stream: true });
        raw += chunk;
        buf += chunk.replace(/\r\n?/g, '\n');
        let k;
        while ((k = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, k);
          buf = buf.slice(k + 2);
          const f = { event: 'message', data: '', comment: false };
          const data = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) f.comment = true;
            else if (line.startsWith('event:')) f.event = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
            else if (line.startsWith('id:')) f.id = line.slice(3).trim();
          }
          if (data.length === 0) continue;
          f.data = data.join('\n');
          try {
            f.json = JSON.parse(f.data);
          } catch {
            f.json = undefined;
          }
          frames.push(f);
          for (const w of [...waiters]) {
            if (w.pred(f)) {
              waiters.splice(waiters.indexOf(w), 1);
              w.resolve(f);
            }
          }
        }
      }
    } catch {
      // aborted
    }
  })();
  return stream;
}

const appointmentFrame = (id, kind) => (f) => f.event === 'appointment' && f.json?.appointment_id === id && (!kind || f.json?.kind === kind);

test('a new appointment made by another request arrives as `event: appointment` within 1 s', async () => {
  const st = await openStream(s.c, s.branch.id);
  try {
    assert.equal(st.res.status, 200, `stream status: ${st.text ?? ''}`);
    assert.match(st.res.headers.get('content-type') ?? '', /^text\/event-stream/);
    const desk = s.c.clone(); // another tab of the same user
    const t0 = Date.now();
    const a = await book(desk, oneItem(s, { start: at(future(8), '10:00'), source: 'phone' }));
    const f = await st.next(appointmentFrame(a.id, 'created'), 1000, `created frame of ${a.id}`);
    assert.ok(Date.now() - t0 < 1500);
    assert.equal(f.json.branch_id, s.branch.id);
    assert.equal(f.json.status, 'booked');
    assert.equal(f.json.source, 'phone');
    assert.equal(f.json.version, 1);
  } finally {
    st.close();
  }
});

test('moves, status changes and visit records arrive too', async () => {
  const st = await openStream(s.c, s.branch.id);
  try {
    assert.equal(st.res.status, 200);
    const d = future(9);
    const a = await book(s.c, oneItem(s, { start: at(d, '10:00') }));
    await st.next(appointmentFrame(a.id, 'created'), 1000, 'created');
    const moved = await s.c.patch(`${APPOINTMENTS}/${a.id}`, { start: at(d, '12:00') });
    assertStatus(moved, 200);
    const u = await st.next(appointmentFrame(a.id, 'updated'), 1000, 'updated');
    assert.equal(u.json.version, moved.json.version);
    await status(s.c, a.id, 'arrived');
    const sf = await st.next((f) => appointmentFrame(a.id, 'status')(f) && f.json.status === 'arrived', 1000, 'status arrived');
    assert.equal(sf.json.branch_id, s.branch.id);
    assertStatus(await s.c.put(`${APPOINTMENTS}/${a.id}/visit`, { notes: 'Все добре', formula: '', photo_file_ids: [] }), 200);
    await st.next(appointmentFrame(a.id, 'visit'), 1000, 'visit');
    await status(s.c, a.id, { status: 'cancelled' });
    await st.next((f) => appointmentFrame(a.id, 'status')(f) && f.json.status === 'cancelled', 1000, 'status cancelled');
  } finally {
    st.close();
  }
});

test('group events and waitlist offers have their own events', async () => {
  const st = await openStream(s.c, s.branch.id);
  try {
    assert.equal(st.res.status, 200);
    const d = future(10);
    const g = await s.c.post(GROUP_EVENTS, { branch_id: s.branch.id, service_id: s.services.group.id, staff_id: s.bohdana.id, start: at(d, '10:00'), capacity: 2 });
    assertStatus(g, 201);
    const gf = await st.next((f) => f.event === 'group_event' && f.json?.group_event_id === g.json.id, 1000, 'group_event frame');
    assert.equal(gf.json.branch_id, s.branch.id);

    const m = await createStaff(s.c, s.branch.id, { name: 'Одна година', service_ids: [s.services.cut.id] });
    await putSchedule(s.c, m.id, {
      patterns: [daily('every_day', '2026-01-01', EVERY_DAY_9_TO_6)],
      exceptions: [{ date: d, intervals: [iv('10:00', '11:00')] }],
    });
    const a = await book(s.c, oneItem(s, { staff: m, start: at(d, '10:00') }));
    const who = await newClient(s.c, 'Чекає події');
    const w = await s.c.post(WAITLIST, { branch_id: s.branch.id, client_id: who.id, service_ids: [s.services.cut.id], staff_id: m.id, date_from: d, date_to: d });
    assertStatus(w, 201);
    await status(s.c, a.id, 'cancelled');
    const wf = await st.next((f) => f.event === 'waitlist' && f.json?.waitlist_id === w.json.id && f.json?.kind === 'offered', 1000, 'waitlist offered');
    assert.equal(wf.json.branch_id, s.branch.id);
  } finally {
    st.close();
  }
});

test('another organization\'s changes never reach the stream; its branch cannot be subscribed to', async () => {
  const st = await openStream(s.c, s.branch.id);
  try {
    assert.equal(st.res.status, 200);
    const theirs = await book(other.c, oneItem(other, { start: at(future(11), '10:00') }));
    const ours = await book(s.c, oneItem(s, { start: at(future(11), '10:00') }));
    await st.next(appointmentFrame(ours.id, 'created'), 1000, 'our own frame');
    assert.ok(
      !st.frames.some((f) => f.json?.branch_id === other.branch.id || (f.event === 'appointment' && f.json?.appointment_id === theirs.id)),
      `no frame of the other organization: ${st.raw().slice(-800)}`,
    );
  } finally {
    st.close();
  }
  // Another organization asking for our branch: nothing of ours may reach it, and it should be
  // refused outright like every other foreign id.
  const foreign = await openStream(other.c, s.branch.id);
  try {
    if (foreign.res.status === 200) {
      const ours = await book(s.c, oneItem(s, { start: at(future(11), '12:00') }));
      await new Promise((r) => setTimeout(r, 1000));
      assert.ok(
        !foreign.frames.some((f) => f.json?.branch_id === s.branch.id || f.json?.appointment_id === ours.id),
        `our appointment reached the other organization's stream: ${foreign.raw().slice(-600)}`,
      );
    }
    assert.ok([403, 404, 422].includes(foreign.res.status), `subscribing to another organization's branch is refused: got ${foreign.res.status}`);
  } finally {
    foreign.close();
  }
  const anon = await openStream(server.client(), s.branch.id);
  try {
    assert.equal(anon.res.status, 401, 'unauthenticated');
  } finally {
    anon.close();
  }
});
