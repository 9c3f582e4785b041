// A master's private iCalendar feed: GET .../calendar gives a secret URL; fetching it without
// a session gives an RFC 5545 calendar (CRLF, lines folded at 75 octets without splitting
// UTF-8, UTC times) of the working intervals of the next 60 days and absences as all-day
// events; POST .../calendar/reset retires the old URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertStatus, assertProblem, signup } from '../lib/api.mjs';
import {
  STAFF,
  branchOf,
  createStaff,
  putSchedule,
  workIntervals,
  weekly,
  iv,
  civilToday,
  addDays,
  icalPhysicalLines,
  parseIcal,
  icalUtc,
} from '../lib/staff.mjs';

let server;
let owner;
let branch;
let master;
let today;
let absence;

before(async () => {
  server = await startServer();
  owner = await signup(server);
  branch = branchOf(owner);
  // A long Ukrainian name so that any line carrying it must be folded.
  master = await createStaff(owner.client, branch.id, {
    name: 'Олександра-Анастасія Костянтинівна Шевчук-Вишневецька (стилістка, колористка, барберка)',
  });
  today = civilToday();
  await putSchedule(owner.client, master.id, {
    patterns: [weekly(addDays(today, -7), [iv('09:00', '13:00'), iv('14:00', '18:00')])],
  });
  const a = await owner.client.post(`${STAFF}/${master.id}/absences`, {
    from: addDays(today, 10),
    to: addDays(today, 12),
    reason: 'vacation',
    note: 'Відпустка в Карпатах',
  });
  assertStatus(a, 201);
  absence = a.json;
});
after(async () => {
  await server?.stop();
});

async function calendarUrl(staffId = master.id) {
  const res = await owner.client.get(`${STAFF}/${staffId}/calendar`);
  assertStatus(res, 200, 'GET calendar');
  assert.equal(typeof res.json?.url, 'string', `{url}: ${res.text}`);
  assert.match(res.json.url, /^https?:\/\/[^/]+\/ical\/[A-Za-z0-9_-]+\.ics$/, `feed URL: ${res.json.url}`);
  const token = /\/ical\/([^/]+)\.ics$/.exec(res.json.url)[1];
  assert.ok(token.length >= 22, `the token is long enough to be secret (128 bits): ${token}`);
  return res.json.url;
}

/** Fetches a feed URL's path from the test server with no cookie at all. */
async function fetchFeed(url) {
  const res = await fetch(server.url + new URL(url).pathname, { redirect: 'manual' });
  const buffer = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, buffer, text: buffer.toString('utf8') };
}

const ymd = (date) => date.replaceAll('-', '');

test('the calendar URL is created once and stays the same', async () => {
  const a = await calendarUrl();
  const b = await calendarUrl();
  assert.equal(a, b);
  const other = await createStaff(owner.client, branch.id);
  assert.notEqual(await calendarUrl(other.id), a, 'each master has an own feed');
});

test('the feed is a valid RFC 5545 calendar: text/calendar, CRLF, folded lines, UTC times', async () => {
  const feed = await fetchFeed(await calendarUrl());
  assert.equal(feed.status, 200, `feed: ${feed.status} ${feed.text.slice(0, 300)}`);
  assert.match(feed.headers.get('content-type') ?? '', /^text\/calendar/i);
  assert.ok(feed.text.startsWith('BEGIN:VCALENDAR\r\n'), `starts with BEGIN:VCALENDAR: ${feed.text.slice(0, 60)}`);
  assert.ok(feed.text.endsWith('END:VCALENDAR\r\n'), `ends with END:VCALENDAR CRLF: ${JSON.stringify(feed.text.slice(-40))}`);

  const { lines, bareLf } = icalPhysicalLines(feed.buffer);
  assert.equal(bareLf, 0, 'every line ends with CRLF');
  const strict = new TextDecoder('utf-8', { fatal: true });
  for (const [n, line] of lines.entries()) {
    assert.ok(line.length <= 75, `line ${n + 1} is ${line.length} octets: ${line.toString('utf8')}`);
    assert.doesNotThrow(() => strict.decode(line), `line ${n + 1} is whole UTF-8 (folding never splits a character)`);
  }

  const cal = parseIcal(feed.text);
  assert.ok(cal.lines.includes('VERSION:2.0'), 'VERSION:2.0');
  assert.ok(cal.lines.some((l) => l.startsWith('PRODID:')), 'PRODID');
  assert.ok(cal.events.length > 0, 'has events');
  const uids = cal.events.map((e) => e.UID?.value);
  assert.ok(uids.every(Boolean), 'every event has a UID');
  assert.equal(new Set(uids).size, uids.length, 'UIDs are unique');
  for (const e of cal.events) {
    assert.ok(e.DTSTAMP, `DTSTAMP: ${JSON.stringify(e)}`);
    assert.ok(e.DTSTART, `DTSTART: ${JSON.stringify(e)}`);
    if (!/VALUE=DATE(?!-)/i.test(e.DTSTART.params)) {
      assert.ok(!/TZID/i.test(e.DTSTART.params), `timed DTSTART without TZID: ${JSON.stringify(e.DTSTART)}`);
      assert.match(e.DTSTART.value, /^\d{8}T\d{6}Z$/, 'DTSTART in UTC');
      assert.ok(e.DTEND, 'timed events have DTEND');
      assert.match(e.DTEND.value, /^\d{8}T\d{6}Z$/, 'DTEND in UTC');
    }
  }
});

test('the feed holds the working intervals of the next 60 days and the absence as an all-day event', async () => {
  const feed = await fetchFeed(await calendarUrl());
  assert.equal(feed.status, 200);
  const cal = parseIcal(feed.text);
  const timed = cal.events.filter((e) => !/VALUE=DATE(?!-)/i.test(e.DTSTART.params));
  const allDay = cal.events.filter((e) => /VALUE=DATE(?!-)/i.test(e.DTSTART.params));
  const got = new Set(timed.map((e) => `${icalUtc(e.DTSTART.value)}/${icalUtc(e.DTEND.value)}`));

  // Every interval from tomorrow to day 55 is in the feed (margins keep "now" out of the way).
  const w = await workIntervals(owner.client, master.id, addDays(today, 1), addDays(today, 55));
  assert.ok(w.intervals.length > 40, `the schedule has intervals: ${w.intervals.length}`);
  const missing = w.intervals.filter((i) => !got.has(`${Date.parse(i.start)}/${Date.parse(i.end)}`));
  assert.deepEqual(missing, [], 'every working interval is a VEVENT with the same UTC start and end');

  // Nothing on the absence days, nothing far in the future, nothing long past.
  const absentFrom = Date.parse(`${absence.from}T00:00:00Z`) - 3 * 3600e3;
  const absentTo = Date.parse(`${addDays(absence.to, 1)}T00:00:00Z`) - 2 * 3600e3;
  for (const e of timed) {
    const start = icalUtc(e.DTSTART.value);
    assert.ok(!(start >= absentFrom && start < absentTo), `no work during the absence: ${e.DTSTART.value}`);
    assert.ok(start < Date.now() + 62 * 86400e3, `no event past 60 days: ${e.DTSTART.value}`);
    assert.ok(start > Date.now() - 2 * 86400e3, `no old events: ${e.DTSTART.value}`);
  }

  const vac = allDay.find((e) => e.DTSTART.value === ymd(absence.from));
  assert.ok(vac, `the absence is an all-day event starting ${absence.from}: ${JSON.stringify(allDay)}`);
  if (vac.DTEND) {
    assert.equal(vac.DTEND.value, ymd(addDays(absence.to, 1)), 'all-day DTEND is the day after the last day (exclusive)');
  }
});

test('reset makes a new URL and the old one answers 404', async () => {
  const old = await calendarUrl();
  assert.equal((await fetchFeed(old)).status, 200);
  const res = await owner.client.post(`${STAFF}/${master.id}/calendar/reset`, {});
  assert.ok(res.status === 200 || res.status === 201, `reset: ${res.status} ${res.text.slice(0, 300)}`);
  assert.match(res.json?.url ?? '', /\/ical\/[A-Za-z0-9_-]+\.ics$/, `reset answers the new {url}: ${res.text}`);
  const fresh = await calendarUrl();
  assert.notEqual(fresh, old);
  assert.equal(fresh, res.json.url, 'GET calendar now gives the new URL');
  assert.equal((await fetchFeed(old)).status, 404, 'old URL is dead');
  const now = await fetchFeed(fresh);
  assert.equal(now.status, 200);
  assert.ok(now.text.startsWith('BEGIN:VCALENDAR'));
});

test('unknown tokens are 404; the calendar of an unknown master is 404', async () => {
  for (const p of ['/ical/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics', '/ical/x.ics', '/ical/%00.ics', `/ical/${'a'.repeat(500)}.ics`]) {
    const res = await fetch(server.url + p);
    await res.arrayBuffer();
    assert.equal(res.status, 404, `${p}: ${res.status}`);
  }
  assertProblem(await owner.client.get(`${STAFF}/987654321/calendar`), 404, 'not-found');
  assertProblem(await owner.client.post(`${STAFF}/987654321/calendar/reset`, {}), 404, 'not-found');
});
