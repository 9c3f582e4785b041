// The staff schedule and the services list in a real browser (Debian's chromium driven by
// playwright-core) on the demo salon: give a master a weekly pattern and see the hours in the
// month view, add an absence and see its days marked, create a service and see its row.
// Screenshots go to a temp dir (printed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { REPO_ROOT, startServer, randomSuffix } from '../lib/server.mjs';
import { civilToday, weekdayIndex, localParts, byDay } from '../lib/staff.mjs';

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

let server;
let browser;
let shotsDir;

before(async () => {
  // KVITKA_TEST_WEB_DIR serves another build of the web app (default web/dist).
  const webDir = process.env.KVITKA_TEST_WEB_DIR ? path.resolve(process.env.KVITKA_TEST_WEB_DIR) : path.join(REPO_ROOT, 'web', 'dist');
  const index = path.join(webDir, 'index.html');
  assert.ok(existsSync(index), `${index} is missing: build the web app first (cd web && npm run build)`);
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing (apt-get install chromium)`);
  server = await startServer({ demo: true, args: process.env.KVITKA_TEST_WEB_DIR ? ['--web-dir', webDir] : [] });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
  shotsDir = await mkdtemp(path.join(os.tmpdir(), 'kvitka-shots-'));
  console.log(`screenshots: ${shotsDir}`);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function openPage(viewport) {
  const context = await browser.newContext({ viewport, locale: 'en-US', timezoneId: 'Europe/Kyiv' });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 500) errors.push(`${r.status()} from ${r.request().method()} ${r.url()}`);
  });
  return { context, page, errors };
}

async function login(page) {
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-email').fill('owner@kvitka.demo');
  await page.getByTestId('login-password').fill('kvitka-demo');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('app-shell').waitFor({ state: 'visible' });
}

async function shot(page, t, name) {
  const file = path.join(shotsDir, name);
  await page.screenshot({ path: file, fullPage: true });
  t.diagnostic(`screenshot ${file}`);
  console.log(`screenshot: ${file}`);
}

async function waitForText(locator, expected, what) {
  const deadline = Date.now() + TIMEOUT;
  let last = '';
  while (Date.now() < deadline) {
    try {
      last = (await locator.innerText({ timeout: 1000 })).trim();
      if (typeof expected === 'string' ? last.includes(expected) : expected.test(last)) return last;
    } catch {
      // not there yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`${what}: expected text ${expected}, got "${last}"`);
}

/** Collects visible texts that look like untranslated i18n keys (e.g. "staff.schedule.apply"). */
async function rawKeys(page, where) {
  const text = await page.evaluate(() => document.body.innerText);
  const keys = [...new Set(text.match(/\b(?:staff|services|service|catalog|schedule|absences|common|nav)\.[a-z][A-Za-z_]*(?:\.[A-Za-z_]+)*/g) ?? [])];
  return keys.length ? [`${where}: untranslated keys on screen: ${keys.slice(0, 30).join(', ')}${keys.length > 30 ? ' …' : ''}`] : [];
}

/** Sets a choice control: a native <select>, a Mantine Select (listbox), a radio group / segmented control, or buttons. */
async function choose(page, locator, value, textRe) {
  await locator.waitFor({ state: 'visible' });
  const info = await locator.evaluate((el) => ({
    tag: el.tagName,
    popup: el.getAttribute('aria-haspopup'),
    readonly: el.hasAttribute('readonly'),
  }));
  if (info.tag === 'SELECT') {
    await locator.selectOption(value);
    return;
  }
  const radio = locator.locator(`input[type="radio"][value="${value}"]`);
  if ((await radio.count()) > 0) {
    await radio.first().check({ force: true });
    return;
  }
  if (info.tag === 'INPUT' && (info.popup || info.readonly)) {
    await locator.click();
    await page.getByRole('option', { name: textRe }).first().click();
    return;
  }
  if (info.tag === 'INPUT') {
    await locator.fill(value);
    return;
  }
  await locator.getByText(textRe).first().click();
}

/** Fills a date field (native type=date or a text date input) with YYYY-MM-DD. */
async function fillDate(locator, date) {
  await locator.waitFor({ state: 'visible' });
  const type = await locator.evaluate((el) => (el.tagName === 'INPUT' ? el.type : el.tagName));
  assert.ok(type === 'date' || type === 'text', `a date field is an <input type=date|text>, got ${type}`);
  await locator.fill(date);
  if (type === 'text') await locator.press('Tab');
}

/** Checks or unchecks a checkbox/switch whether the test id sits on the input or on its wrapper. */
async function setChecked(locator, on) {
  await locator.waitFor({ state: 'attached' });
  const isInput = await locator.evaluate((el) => el.tagName === 'INPUT');
  const input = isInput ? locator : locator.locator('input[type="checkbox"]').first();
  if ((await input.isChecked()) !== on) {
    if (isInput) await input.setChecked(on, { force: true });
    else await locator.click();
  }
  assert.equal(await input.isChecked(), on, 'checkbox state');
}

/** The visible state of a day cell: its text and its marking attributes. */
async function cellState(locator) {
  return locator.evaluate((el) => {
    const attrs = {};
    for (const a of el.attributes) if (a.name === 'class' || a.name.startsWith('data-') || a.name.startsWith('aria-')) attrs[a.name] = a.value;
    return { text: el.innerText.trim(), attrs, html: el.innerHTML.length };
  });
}

test('owner sets a weekly pattern for a master, sees the hours in the month, adds an absence', async (t) => {
  const { context, page, errors } = await openPage({ width: 1280, height: 900 });
  try {
    await login(page);
    const staffRes = await page.request.get(`${server.url}/api/v1/staff`);
    assert.equal(staffRes.status(), 200, 'GET /api/v1/staff');
    const staff = (await staffRes.json()).items;
    const master = staff.find((m) => m.name === 'Максим Кравченко') ?? staff[0];
    assert.ok(master, 'a demo master');

    await page.getByTestId('nav-staff').first().click();
    await page.getByTestId('staff-page').waitFor({ state: 'visible' });
    await page.getByTestId(`staff-card-${master.id}`).click();
    await page.getByTestId('staff-tab-schedule').click();

    // A weekly pattern from the first day of this month: Mon-Fri 09:00-18:00, weekend off.
    const today = civilToday();
    const monthStart = `${today.slice(0, 8)}01`;
    // The pattern editor opens with "new pattern" (it may already be open for a master without one).
    await page.getByTestId('pattern-new').or(page.getByTestId('pattern-kind')).first().waitFor({ state: 'visible' });
    if (!(await page.getByTestId('pattern-kind').isVisible())) await page.getByTestId('pattern-new').click();
    await choose(page, page.getByTestId('pattern-kind'), 'weekly', /weekly|тижн|недел/i);
    for (let d = 0; d < 7; d++) {
      const off = page.getByTestId(`pattern-weekday-${d}-off`);
      if (d >= 5) {
        await setChecked(off, true);
      } else {
        if ((await off.count()) > 0) await setChecked(off, false);
        await page.getByTestId(`pattern-weekday-${d}-start`).fill('09:00');
        await page.getByTestId(`pattern-weekday-${d}-end`).fill('18:00');
      }
    }
    await fillDate(page.getByTestId('pattern-valid-from'), monthStart);
    const saved = page.waitForResponse(
      (r) => r.request().method() === 'PUT' && new URL(r.url()).pathname === `/api/v1/staff/${master.id}/schedule`,
    );
    await page.getByTestId('pattern-apply').click();
    const res = await saved;
    assert.equal(res.status(), 200, `PUT schedule: ${res.status()} ${await res.text()}`);
    const schedule = await res.json();
    const weekly = schedule.patterns.find((p) => p.kind === 'weekly' && p.valid_from === monthStart);
    assert.ok(weekly, `a weekly pattern from ${monthStart}: ${JSON.stringify(schedule.patterns)}`);
    for (let d = 0; d < 5; d++) assert.deepEqual(weekly.weekdays[d], [{ start: '09:00', end: '18:00' }], `weekday ${d}`);
    assert.deepEqual(weekly.weekdays[5], []);
    assert.deepEqual(weekly.weekdays[6], []);

    // The month view shows 09:00 on a working day.
    const monthEnd = new Date(Date.UTC(+today.slice(0, 4), +today.slice(5, 7), 0)).toISOString().slice(0, 10);
    const wi = await page.request.get(`${server.url}/api/v1/staff/${master.id}/work-intervals?from=${monthStart}&to=${monthEnd}`);
    assert.equal(wi.status(), 200);
    const working = [...byDay((await wi.json()).intervals).entries()]
      .filter(([, list]) => localParts(list[0].start).time === '09:00')
      .map(([d]) => d)
      .filter((d) => weekdayIndex(d) < 5);
    assert.ok(working.length >= 3, `working days this month: ${working}`);
    const month = page.getByTestId('schedule-month');
    await month.waitFor({ state: 'visible' });
    const shown = working[0];
    await waitForText(month.getByTestId(`schedule-day-${shown}`), '09:00', `schedule-day-${shown}`);
    await shot(page, t, 'schedule-month.png');

    // An absence over the last two working days of the month marks them.
    const [from, to] = working.slice(-2);
    const cells = [from, to].map((d) => month.getByTestId(`schedule-day-${d}`));
    await waitForText(cells[0], '09:00', `schedule-day-${from} before the absence`);
    const before = await Promise.all(cells.map(cellState));
    // The absence form may live on its own tab (then the month is checked back on the schedule tab).
    const absencesTab = page.getByTestId('staff-tab-absences');
    const onOwnTab = !(await page.getByTestId('absence-new').isVisible()) && (await absencesTab.count()) > 0;
    if (onOwnTab) await absencesTab.click();
    await page.getByTestId('absence-new').click();
    await fillDate(page.getByTestId('absence-from'), from);
    await fillDate(page.getByTestId('absence-to'), to);
    await choose(page, page.getByTestId('absence-reason'), 'vacation', /vacation|відпуст|отпуск/i);
    const added = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/api/v1/staff/${master.id}/absences`,
    );
    await page.getByTestId('absence-submit').click();
    const ares = await added;
    assert.equal(ares.status(), 201, `POST absence: ${ares.status()} ${await ares.text()}`);
    const absence = await ares.json();
    assert.equal(absence.from, from);
    assert.equal(absence.to, to);
    assert.equal(absence.reason, 'vacation');

    if (onOwnTab) {
      await page.getByTestId('staff-tab-schedule').click();
      await month.waitFor({ state: 'visible' });
    }
    for (const [i, d] of [from, to].entries()) {
      const deadline = Date.now() + TIMEOUT;
      let now;
      for (;;) {
        now = await cellState(cells[i]);
        const changed = now.text !== before[i].text || JSON.stringify(now.attrs) !== JSON.stringify(before[i].attrs);
        if (changed) break;
        if (Date.now() > deadline) assert.fail(`schedule-day-${d} is not marked after the absence: ${JSON.stringify(now)}`);
        await page.waitForTimeout(100);
      }
      t.diagnostic(`schedule-day-${d}: ${JSON.stringify(before[i])} -> ${JSON.stringify(now)}`);
    }
    // A working day outside the absence still shows its hours.
    await waitForText(month.getByTestId(`schedule-day-${shown}`), '09:00', `schedule-day-${shown} after the absence`);
    await shot(page, t, 'schedule-absence.png');
    errors.push(...(await rawKeys(page, 'schedule tab')));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('owner creates a service and sees its row', async (t) => {
  const { context, page, errors } = await openPage({ width: 1280, height: 900 });
  try {
    await login(page);
    await page.getByTestId('nav-services').first().click();
    await page.getByTestId('services-page').waitFor({ state: 'visible' });
    const name = `Стрижка браузерна ${randomSuffix(3)}`;
    await page.getByTestId('service-new').click();
    await page.getByTestId('service-form-name').fill(name);
    const duration = page.getByTestId('service-form-duration');
    const tag = await duration.evaluate((el) => el.tagName);
    if (tag === 'SELECT' || (await duration.getAttribute('aria-haspopup'))) await choose(page, duration, '60', /^(60|1\s*h|1:00)/i);
    else await duration.fill('60');
    await page.getByTestId('service-form-price-min').fill('450');
    const created = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/services',
    );
    await page.getByTestId('service-form-submit').click();
    const res = await created;
    assert.equal(res.status(), 201, `POST /api/v1/services: ${res.status()} ${await res.text()}`);
    const service = await res.json();
    assert.equal(service.name, name);
    assert.equal(service.duration, 60);
    assert.equal(service.price_min, 45000, 'the form takes hryvnias and sends kopiyky');
    const row = page.getByTestId(`service-row-${service.id}`);
    await row.waitFor({ state: 'visible' });
    await waitForText(row, name, 'the row shows the name');
    await shot(page, t, 'services.png');
    errors.push(...(await rawKeys(page, 'services page')));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
