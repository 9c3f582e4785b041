// The journal in a real browser (Debian's chromium driven by playwright-core) on a salon set
// up through the API (two masters working 09:00-18:00 every day, services, clients): book
// from a cell, drag a block to another time and onto a taken one, see a booking made
// elsewhere appear live (SSE), change a status from the side panel. Every test works on its
// own future date so they do not see each other's appointments. Screenshots go to a temp dir.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { REPO_ROOT, startServer } from '../lib/server.mjs';
import { APPOINTMENTS, JOURNAL, setupSalon, oneItem, book, at, future, kyivWall, sameInstant } from '../lib/booking.mjs';

const CHROMIUM = process.env.KVITKA_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
const TIMEOUT = 15_000;
// Tall enough that the whole working day fits in the grid's scroller (no auto-scroll while dragging).
const VIEWPORT = { width: 1366, height: 1300 };
// The refusal of a move into a taken slot, in any of the app's languages.
const SLOT_TAKEN_TEXT = /already taken|уже зайнятий|уже занято/i;

let server;
let browser;
let shotsDir;
let salon;

before(async () => {
  const index = path.join(REPO_ROOT, 'web', 'dist', 'index.html');
  assert.ok(existsSync(index), `${index} is missing: build the web app first (cd web && npm run build)`);
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing (apt-get install chromium)`);
  server = await startServer();
  salon = await setupSalon(server);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
  shotsDir = await mkdtemp(path.join(os.tmpdir(), 'kvitka-shots-'));
  console.log(`screenshots: ${shotsDir}`);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

function track(page, errors) {
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 500) errors.push(`${r.status()} from ${r.request().method()} ${r.url()}`);
  });
}

async function openPage(viewport = VIEWPORT) {
  const context = await browser.newContext({ viewport, locale: 'en-US', timezoneId: 'Europe/Kyiv' });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  const errors = [];
  track(page, errors);
  return { context, page, errors };
}

async function login(page) {
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-email').fill(salon.owner.email);
  await page.getByTestId('login-password').fill(salon.owner.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('app-shell').waitFor({ state: 'visible' });
}

/** Opens the journal of the salon's branch on a date and waits for the masters' columns. */
async function openJournal(page, date) {
  await page.goto(`${server.url}/journal?branch=${salon.branch.id}&date=${date}`);
  await page.getByTestId('journal-grid').waitFor({ state: 'visible' });
  for (const m of [salon.anna, salon.bohdana]) {
    await page.locator(`[data-testid="journal-column-${m.id}"][data-date="${date}"]`).waitFor({ state: 'visible' });
  }
}

const cell = (page, staffId, time) => page.locator(`[data-testid="journal-cell"][data-staff-id="${staffId}"][data-time="${time}"]`);
const block = (page, staffId, id) => page.getByTestId(`journal-column-${staffId}`).getByTestId(`appointment-${id}`);

async function shot(page, t, name) {
  // Let Mantine's transitions (modals closing, notifications sliding in) finish first.
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), null, { timeout: 2_000 })
    .catch(() => {});
  const file = path.join(shotsDir, name);
  await page.screenshot({ path: file, fullPage: true });
  t.diagnostic(`screenshot ${file}`);
  console.log(`screenshot: ${file}`);
}

/** Polls an attribute of a locator until it equals `expected`. */
async function waitForAttr(locator, name, expected, what, timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await locator.getAttribute(name, { timeout: 500 });
      if (last === expected) return;
    } catch {
      // not there yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`${what}: expected ${name}="${expected}", got ${JSON.stringify(last)}`);
}

/** Collects visible texts that look like untranslated i18n keys (e.g. "journal.booking.submit"). */
async function rawKeys(page, where) {
  const text = await page.evaluate(() => document.body.innerText);
  const keys = [...new Set(text.match(/\b(?:journal|common|errors|pages|clients|nav|staff|services)\.[a-z][A-Za-z_]*(?:\.[A-Za-z_-]+)*/g) ?? [])];
  return keys.length ? [`${where}: untranslated keys on screen: ${keys.slice(0, 30).join(', ')}`] : [];
}

/** The appointment as GET /api/v1/journal of its date shows it (undefined when absent). */
async function inJournal(page, date, id) {
  const res = await page.request.get(`${server.url}${JOURNAL}?branch_id=${salon.branch.id}&date=${date}&days=1`);
  assert.equal(res.status(), 200, `GET journal ${date}`);
  return (await res.json()).appointments.find((a) => a.id === id);
}

async function getAppointment(page, id) {
  const res = await page.request.get(`${server.url}${APPOINTMENTS}/${id}`);
  assert.equal(res.status(), 200, `GET appointment ${id}`);
  return res.json();
}

/**
 * Drags a block vertically by `dy` pixels the way a mouse does (@dnd-kit's MouseSensor:
 * press, move past the 5 px activation distance in several steps, release). Grabs the block
 * near its top, away from the resize handle at the bottom.
 */
async function dragBy(page, locator, dy) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  assert.ok(box, 'the block has a box');
  const x = box.x + box.width / 2;
  const y = box.y + Math.min(12, box.height / 4);
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y + Math.sign(dy) * 8, { steps: 2 });
  await page.mouse.move(x, y + dy, { steps: 12 });
  await page.waitForTimeout(50);
  await page.mouse.up();
}

/** The vertical distance in pixels between two cells of a master's column. */
async function cellDistance(page, staffId, from, to) {
  const a = await cell(page, staffId, from).boundingBox();
  const b = await cell(page, staffId, to).boundingBox();
  assert.ok(a && b, `cells ${from} and ${to} are laid out`);
  return b.y - a.y;
}

test('book from a cell of the journal: client found by phone digits, service picked', async (t) => {
  const { context, page, errors } = await openPage();
  try {
    const date = future(8);
    await login(page);
    await openJournal(page, date);
    const start = at(date, '10:00');
    const target = cell(page, salon.anna.id, '10:00');
    assert.equal(await target.getAttribute('data-start'), start, 'the 10:00 cell starts at 10:00 Kyiv');
    assert.equal(await target.getAttribute('data-working'), 'true', 'the master works at 10:00');
    await target.click();

    const dialog = page.locator('[data-testid="booking-dialog"]:not([data-loading])');
    await dialog.waitFor({ state: 'visible' });
    assert.equal(await page.getByTestId('booking-date').inputValue(), date, 'the dialog has the date of the cell');
    assert.equal(await page.getByTestId('booking-time').inputValue(), '10:00', 'the dialog has the time of the cell');
    assert.equal(await page.getByTestId('booking-master-0').inputValue(), String(salon.anna.id), 'the master of the column');

    // The client: typing a few digits of the phone offers them.
    const client = salon.client;
    const digits = client.phones[0].slice(-7, -1);
    await page.getByTestId('booking-client-search').click();
    await page.getByTestId('booking-client-search').pressSequentially(digits, { delay: 30 });
    const option = page.getByRole('option', { name: new RegExp(client.last_name) });
    await option.first().click();
    await page.getByTestId('booking-client-summary').waitFor({ state: 'visible' });

    // The service.
    await page.getByTestId('booking-service-0').click();
    await page.getByRole('option', { name: salon.services.cut.name, exact: true }).click();
    await shot(page, t, 'journal-booking-dialog.png');
    errors.push(...(await rawKeys(page, 'booking dialog')));

    const posted = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === APPOINTMENTS);
    await page.getByTestId('booking-submit').click();
    const res = await posted;
    assert.equal(res.status(), 201, `POST appointment: ${res.status()} ${await res.text()}`);
    const created = await res.json();
    const body = res.request().postDataJSON();
    assert.equal(body.client_id, client.id, 'the picked client is booked');
    assert.deepEqual(
      body.items.map((i) => [i.service_id, i.staff_id]),
      [[salon.services.cut.id, salon.anna.id]],
      'one item: the picked service with the master of the column',
    );
    sameInstant(body.items[0].start, start, 'the request asks for 10:00 Kyiv');

    // The block appears in the master's column at 10:00; the dialog closes.
    const b = block(page, salon.anna.id, created.id);
    await b.waitFor({ state: 'visible' });
    assert.equal(await b.getAttribute('data-start'), start, 'the block starts at 10:00');
    assert.equal(await b.getAttribute('data-staff-id'), String(salon.anna.id));
    assert.equal(await b.getAttribute('data-status'), 'booked');
    await page.getByTestId('booking-dialog').waitFor({ state: 'detached' });
    const cellBox = await cell(page, salon.anna.id, '10:00').boundingBox();
    const blockBox = await b.boundingBox();
    assert.ok(Math.abs(blockBox.y - cellBox.y) <= 2, `the block's top is at the 10:00 row (${blockBox.y} vs ${cellBox.y})`);
    await shot(page, t, 'journal-booked.png');

    // The journal API has it at the UTC instant of 10:00 Europe/Kyiv.
    const a = await inJournal(page, date, created.id);
    assert.ok(a, `appointment ${created.id} is in GET /journal of ${date}`);
    sameInstant(a.start, start, 'journal start');
    assert.deepEqual(kyivWall(a.start), { date, time: '10:00' });
    assert.equal(a.client_id, client.id);
    assert.equal(a.items[0].staff_id, salon.anna.id);
    assert.equal(a.items[0].service_id, salon.services.cut.id);
    assert.equal(a.status, 'booked');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('drag a block to 11:00, then onto a taken slot: refused and snapped back', async (t) => {
  const { context, page, errors } = await openPage();
  try {
    const date = future(9);
    const first = await book(salon.c, oneItem(salon, { start: at(date, '10:00') }), 'book 10:00');
    const second = await book(salon.c, oneItem(salon, { client: salon.vip, start: at(date, '13:00') }), 'book 13:00');
    await login(page);
    await openJournal(page, date);
    const moved = block(page, salon.anna.id, first.id);
    await moved.waitFor({ state: 'visible' });
    await block(page, salon.anna.id, second.id).waitFor({ state: 'visible' });

    // 10:00 -> 11:00.
    let patched = page.waitForResponse(
      (r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname === `${APPOINTMENTS}/${first.id}`,
    );
    await dragBy(page, moved, await cellDistance(page, salon.anna.id, '10:00', '11:00'));
    let res = await patched;
    assert.equal(res.status(), 200, `PATCH after the drag: ${res.status()} ${await res.text()}`);
    sameInstant(res.request().postDataJSON().start, at(date, '11:00'), 'the drag asks for 11:00');
    await waitForAttr(moved, 'data-start', at(date, '11:00'), 'the block after the drag');
    const after = await getAppointment(page, first.id);
    sameInstant(after.start, at(date, '11:00'), 'the API has the new start');
    assert.equal(after.items[0].staff_id, salon.anna.id, 'same master');
    assert.equal(after.version, first.version + 1, 'a move bumps the version');
    await shot(page, t, 'journal-dragged.png');

    // 11:00 -> 13:00, where the other appointment is: 409 slot-taken, a red notification,
    // and the block goes back to 11:00.
    patched = page.waitForResponse(
      (r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname === `${APPOINTMENTS}/${first.id}`,
    );
    await dragBy(page, moved, await cellDistance(page, salon.anna.id, '11:00', '13:00'));
    res = await patched;
    assert.equal(res.status(), 409, `PATCH onto a taken slot: ${res.status()} ${await res.text()}`);
    const problem = await res.json();
    assert.equal(problem.type, 'https://kvitka.app/problems/slot-taken', `problem: ${JSON.stringify(problem)}`);
    sameInstant(res.request().postDataJSON().start, at(date, '13:00'), 'the drag asked for 13:00');
    const note = page.locator('.mantine-Notification-root').filter({ hasText: SLOT_TAKEN_TEXT });
    await note.first().waitFor({ state: 'visible' });
    await waitForAttr(moved, 'data-start', at(date, '11:00'), 'the block snaps back');
    await shot(page, t, 'journal-drag-refused.png');
    const unchanged = await getAppointment(page, first.id);
    sameInstant(unchanged.start, at(date, '11:00'), 'the API still has 11:00');
    assert.equal(unchanged.version, after.version, 'the refused move changed nothing');
    const other = await getAppointment(page, second.id);
    sameInstant(other.start, at(date, '13:00'), 'the other appointment stays at 13:00');
    errors.push(...(await rawKeys(page, 'journal after a refused move')));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a booking made elsewhere appears in an open journal tab without a reload (SSE)', async (t) => {
  const { context, page: pageA, errors } = await openPage();
  try {
    const date = future(10);
    await login(pageA);
    const pageB = await context.newPage();
    track(pageB, errors);
    const streams = [pageA, pageB].map((p) =>
      p.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/events' && r.status() === 200),
    );
    await openJournal(pageA, date);
    await openJournal(pageB, date);
    await Promise.all(streams);
    // A marker that a reload would wipe.
    await pageB.evaluate(() => {
      window.__kvitkaNoReload = true;
    });

    const started = Date.now();
    const created = await book(salon.c, oneItem(salon, { staff: salon.bohdana, start: at(date, '15:00') }), 'book elsewhere');
    const onB = block(pageB, salon.bohdana.id, created.id);
    await onB.waitFor({ state: 'visible', timeout: 2_500 });
    const elapsed = Date.now() - started;
    t.diagnostic(`page B showed the new block after ${elapsed} ms`);
    assert.equal(await onB.getAttribute('data-start'), at(date, '15:00'));
    await block(pageA, salon.bohdana.id, created.id).waitFor({ state: 'visible', timeout: 2_500 });
    assert.equal(await pageB.evaluate(() => window.__kvitkaNoReload), true, 'page B was not reloaded');

    // A status change made elsewhere shows up too.
    const res = await salon.c.post(`${APPOINTMENTS}/${created.id}/status`, { status: 'confirmed' });
    assert.equal(res.status, 200, `confirm: ${res.text}`);
    await waitForAttr(onB, 'data-status', 'confirmed', 'page B after a status change elsewhere', 2_500);
    await shot(pageB, t, 'journal-live.png');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('quick status change from the side panel: arrived', async (t) => {
  const { context, page, errors } = await openPage();
  try {
    const date = future(11);
    const created = await book(salon.c, oneItem(salon, { start: at(date, '12:00') }), 'book 12:00');
    await login(page);
    await openJournal(page, date);
    const b = block(page, salon.anna.id, created.id);
    await b.waitFor({ state: 'visible' });
    assert.equal(await b.getAttribute('data-status'), 'booked');
    await b.click();
    const panel = page.locator(`[data-testid="appointment-panel"][data-appointment-id="${created.id}"]`);
    await panel.waitFor({ state: 'visible' });
    const posted = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `${APPOINTMENTS}/${created.id}/status`,
    );
    await panel.getByTestId('status-button-arrived').click();
    const res = await posted;
    assert.equal(res.status(), 200, `POST status: ${res.status()} ${await res.text()}`);
    assert.equal(res.request().postDataJSON().status, 'arrived');
    await waitForAttr(b, 'data-status', 'arrived', 'the block after "arrived"');
    await shot(page, t, 'journal-panel-arrived.png');
    errors.push(...(await rawKeys(page, 'appointment panel')));
    assert.equal((await getAppointment(page, created.id)).status, 'arrived', 'the API has the new status');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
