// The public booking page (/b/{slug}) and the client's manage page (/b/{slug}/m/{token}) in a
// phone-sized window (375x667) of Debian's chromium, on a salon set up through the API with
// online booking (tests/lib/online.mjs): book end to end and find the visit in the journal,
// cancel and move through the manage link, the deadline note, "any master" picking the free
// master, and the admin showing a client's comment with markup as text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { REPO_ROOT } from '../lib/server.mjs';
import { STAFF } from '../lib/staff.mjs';
import { at, future, kyivWall, sameInstant } from '../lib/booking.mjs';
import {
  startOnlineServer,
  setupOnlineSalon,
  setRules,
  bookOnline,
  bookingBody,
  bookFirstSlot,
  getManage,
  theAppointment,
  onlinePhone,
  bookingsPath,
  manageApi,
} from '../lib/online.mjs';

const CHROMIUM = process.env.KVITKA_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const TIMEOUT = 15_000;
const PHONE = { width: 375, height: 667 };

let server;
let browser;
let shotsDir;
let s;

before(async () => {
  const page = path.join(REPO_ROOT, 'web', 'dist', 'booking.html');
  assert.ok(existsSync(page), `${page} is missing: build the web app first (cd web && npm run build)`);
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing (apt-get install chromium)`);
  server = await startOnlineServer();
  s = await setupOnlineSalon(server);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
  shotsDir = await mkdtemp(path.join(os.tmpdir(), 'kvitka-shots-'));
  console.log(`screenshots: ${shotsDir}`);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function openPage(viewport = PHONE) {
  const context = await browser.newContext({ viewport, locale: 'uk-UA', timezoneId: 'Europe/Kyiv', isMobile: viewport === PHONE, hasTouch: viewport === PHONE });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 500) errors.push(`${r.status()} from ${r.request().method()} ${r.url()}`);
  });
  return { context, page, errors };
}

async function shot(page, t, name) {
  const file = path.join(shotsDir, name);
  await page.screenshot({ path: file, fullPage: true });
  t.diagnostic(`screenshot ${file}`);
}

const byTestId = (page, id) => page.getByTestId(id);
const firstSlot = (page) => page.locator('[data-testid^="bp-slot-"]').first();

/** The date of the day button that is pressed (the day whose times are shown). */
async function shownDay(page) {
  const id = await page.locator('[data-testid^="bp-day-"][aria-pressed="true"]').first().getAttribute('data-testid');
  return id.replace('bp-day-', '');
}

/** Services -> master (or any) -> the first time of `date` (or the first day shown); returns {date, time}. */
async function pickServiceMasterTime(page, { service, master, date }) {
  await byTestId(page, `bp-service-${service.id}`).click();
  assert.equal(await byTestId(page, `bp-service-${service.id}`).getAttribute('aria-pressed'), 'true', 'the service is selected');
  await byTestId(page, 'bp-next').click();
  await byTestId(page, master ? `bp-master-${master.id}` : 'bp-master-any').click();
  await byTestId(page, 'bp-next').click();
  await byTestId(page, 'bp-tz-note').waitFor({ state: 'visible' });
  if (date) await byTestId(page, `bp-day-${date}`).click();
  await firstSlot(page).waitFor({ state: 'visible' });
  const day = await shownDay(page);
  if (date) assert.equal(day, date, 'the picked day is shown');
  const time = (await firstSlot(page).getAttribute('data-testid')).replace('bp-slot-', '');
  await firstSlot(page).click();
  await byTestId(page, 'bp-next').click();
  return { date: day, time };
}

/** Details -> confirm -> done; resolves to the JSON of POST bookings. */
async function detailsAndBook(page, { name, phone, comment }) {
  await byTestId(page, 'bp-name').fill(name);
  await byTestId(page, 'bp-phone').fill(phone);
  if (comment) await byTestId(page, 'bp-comment').fill(comment);
  await byTestId(page, 'bp-next').click();
  await byTestId(page, 'bp-summary').waitFor({ state: 'visible' });
  const posted = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === bookingsPath(s.slug));
  await byTestId(page, 'bp-confirm').click();
  const res = await posted;
  assert.equal(res.status(), 201, `POST bookings: ${res.status()} ${await res.text()}`);
  const json = await res.json();
  await byTestId(page, 'bp-done').waitFor({ state: 'visible' });
  assert.equal(await byTestId(page, 'bp-manage-link').getAttribute('href'), json.manage_url, 'the done step links to the manage page');
  return { json, request: res.request().postDataJSON() };
}

test('book a service end to end on the phone-sized page; the journal has it', async (t) => {
  await setRules(s);
  const { context, page, errors } = await openPage();
  try {
    await page.goto(`${server.url}/b/${s.slug}`);
    await byTestId(page, 'bp-branch-name').waitFor({ state: 'visible' });
    assert.equal((await byTestId(page, 'bp-branch-name').textContent()).trim(), s.branch.name);
    assert.equal(await page.locator(`[data-testid="bp-service-${s.hidden.id}"]`).count(), 0, 'a hidden service is not offered');
    await shot(page, t, 'online-services.png');
    const picked = await pickServiceMasterTime(page, { service: s.services.cut, master: s.bohdana });
    await shot(page, t, 'online-details.png');
    // The honeypot is there but hidden.
    const honeypot = page.locator('input[name="website"]');
    assert.equal(await honeypot.count(), 1, 'a honeypot input');
    assert.equal(await honeypot.isVisible(), false, 'the honeypot is not visible');
    const phone = onlinePhone();
    const { json, request } = await detailsAndBook(page, { name: 'Оксана Браузер', phone, comment: 'З телефона' });
    await shot(page, t, 'online-done.png');
    assert.deepEqual(request.service_ids, [s.services.cut.id]);
    assert.equal(request.staff_id, s.bohdana.id);
    assert.equal(request.website ?? '', '', 'the honeypot was left empty');
    assert.deepEqual(kyivWall(json.booking.start), picked, 'booked the time that was picked');
    const a = await theAppointment(s, json.booking.start, phone);
    assert.equal(a.source, 'online');
    assert.equal(a.status, 'confirmed');
    assert.equal(a.items[0].staff_id, s.bohdana.id);
    assert.equal(a.notes, 'З телефона');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('cancel through the manage link', async (t) => {
  await setRules(s);
  const phone = onlinePhone();
  const r = await bookOnline(server, s, bookingBody(s, { staff: s.anna, start: at(future(5), '11:00'), client: { phone } }));
  const { context, page, errors } = await openPage();
  try {
    await page.goto(r.manage_url);
    await byTestId(page, 'bm-booking').waitFor({ state: 'visible' });
    assert.match(await byTestId(page, 'bm-when').textContent(), /11:00/);
    await byTestId(page, 'bm-cancel').click();
    const posted = page.waitForResponse((x) => x.request().method() === 'POST' && new URL(x.url()).pathname === `${manageApi(r.manage_token)}/cancel`);
    await byTestId(page, 'bm-cancel-confirm').click();
    const res = await posted;
    assert.equal(res.status(), 200, `cancel: ${await res.text()}`);
    await byTestId(page, 'bm-cancelled').waitFor({ state: 'visible' });
    assert.equal(await byTestId(page, 'bm-cancel').count(), 0, 'no cancel button any more');
    await shot(page, t, 'online-manage-cancelled.png');
    assert.equal((await getManage(server, r.manage_token)).json.booking.status, 'cancelled');
    const a = await theAppointment(s, at(future(5), '11:00'), phone);
    assert.equal(a.status, 'cancelled');
    assert.equal(a.cancelled_by, 'client');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('move through the manage link to another day and time', async (t) => {
  await setRules(s);
  const phone = onlinePhone();
  const from = future(3);
  const to = future(4);
  const r = await bookOnline(server, s, bookingBody(s, { staff: s.anna, start: at(from, '10:00'), client: { phone } }));
  const { context, page, errors } = await openPage();
  try {
    await page.goto(r.manage_url);
    await byTestId(page, 'bm-booking').waitFor({ state: 'visible' });
    await byTestId(page, 'bm-reschedule').click();
    await byTestId(page, `bp-day-${to}`).click();
    await byTestId(page, 'bp-slot-14:00').click();
    const posted = page.waitForResponse((x) => x.request().method() === 'POST' && new URL(x.url()).pathname === `${manageApi(r.manage_token)}/reschedule`);
    await byTestId(page, 'bm-reschedule-confirm').click();
    const res = await posted;
    assert.equal(res.status(), 200, `reschedule: ${await res.text()}`);
    sameInstant(res.request().postDataJSON().start, at(to, '14:00'), 'asked for 14:00 the next day');
    await page.waitForFunction(() => /14:00/.test(document.querySelector('[data-testid="bm-when"]')?.textContent ?? ''));
    await shot(page, t, 'online-manage-moved.png');
    sameInstant((await getManage(server, r.manage_token)).json.booking.start, at(to, '14:00'));
    const a = await theAppointment(s, at(to, '14:00'), phone);
    sameInstant(a.start, at(to, '14:00'), 'the journal has the new time');
    assert.equal(a.items[0].staff_id, s.anna.id, 'the same master');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('past the deadline: the manage page says whom to call and offers no cancel', async (t) => {
  await setRules(s, { cancel_deadline_minutes: 4320 });
  const { context, page, errors } = await openPage();
  try {
    const r = await bookFirstSlot(server, s, { date: future(1), staff: s.bohdana });
    assert.equal(r.booking.can_cancel, false);
    await page.goto(r.manage_url);
    await byTestId(page, 'bm-booking').waitFor({ state: 'visible' });
    await byTestId(page, 'bm-deadline-note').waitFor({ state: 'visible' });
    const note = await byTestId(page, 'bm-deadline-note').textContent();
    assert.ok(note.replace(/\D/g, '').includes('441234567'), `the note has the branch phone: ${note}`);
    assert.equal(await byTestId(page, 'bm-cancel').count(), 0, 'no cancel button');
    assert.equal(await byTestId(page, 'bm-reschedule').count(), 0, 'no move button');
    await shot(page, t, 'online-manage-deadline.png');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await setRules(s);
  }
});

test('"any master" books the master who is free that day', async (t) => {
  await setRules(s);
  const d = future(2);
  const absent = await s.c.post(`${STAFF}/${s.anna.id}/absences`, { from: d, to: d, reason: 'vacation' });
  assert.equal(absent.status, 201, `Анна is away on ${d}: ${absent.status} ${absent.text.slice(0, 200)}`);
  const { context, page, errors } = await openPage();
  try {
    await page.goto(`${server.url}/b/${s.slug}`);
    await byTestId(page, 'bp-branch-name').waitFor({ state: 'visible' });
    await pickServiceMasterTime(page, { service: s.services.cut, date: d });
    const phone = onlinePhone();
    const { json, request } = await detailsAndBook(page, { name: 'Будь-хто', phone });
    assert.ok(!('staff_id' in request) || request.staff_id === null, `"any master" sends no staff_id: ${JSON.stringify(request)}`);
    assert.equal(json.booking.items[0].staff_id, s.bohdana.id, 'Богдана, the one who works that day');
    const a = await theAppointment(s, json.booking.start, phone);
    assert.equal(a.items[0].staff_id, s.bohdana.id);
    await shot(page, t, 'online-any-master.png');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the admin shows a client\'s comment with markup as text', async (t) => {
  await setRules(s);
  const d = future(6);
  const comment = '<script>window.__kvitkaXss = 1</script><img src=x onerror="window.__kvitkaXss = 2"><b>жирний</b>';
  const phone = onlinePhone();
  await bookOnline(server, s, bookingBody(s, { staff: s.anna, start: at(d, '12:00'), comment, client: { phone } }));
  const a = await theAppointment(s, at(d, '12:00'), phone);
  const { context, page, errors } = await openPage({ width: 1366, height: 1000 });
  try {
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-email').fill(s.owner.email);
    await page.getByTestId('login-password').fill(s.owner.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('app-shell').waitFor({ state: 'visible' });
    await page.goto(`${server.url}/journal?branch=${s.branch.id}&date=${d}`);
    const block = page.getByTestId(`journal-column-${s.anna.id}`).getByTestId(`appointment-${a.id}`);
    await block.waitFor({ state: 'visible' });
    await block.click();
    const panel = page.locator(`[data-testid="appointment-panel"][data-appointment-id="${a.id}"]`);
    await panel.waitFor({ state: 'visible' });
    const notes = panel.getByTestId('panel-notes').first();
    await notes.waitFor({ state: 'visible' });
    assert.equal((await notes.textContent()).trim(), comment, 'the comment is shown as typed');
    assert.equal(await notes.locator('script, img, b').count(), 0, 'no elements made from the comment');
    assert.equal(await page.evaluate(() => window.__kvitkaXss), undefined, 'nothing ran');
    await shot(page, t, 'online-admin-comment.png');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
