// The clients screens in a real browser (Debian's chromium driven by playwright-core) on
// the demo salon: create a client, find it by a phone fragment and by a name fragment, open
// the card, import a small CSV. Screenshots of the list and the card go to a temp dir.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { REPO_ROOT, startServer, randomSuffix } from '../lib/server.mjs';
import { toCsv } from '../lib/clients.mjs';

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
  const index = path.join(REPO_ROOT, 'web', 'dist', 'index.html');
  assert.ok(existsSync(index), `${index} is missing: build the web app first (cd web && npm run build)`);
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing (apt-get install chromium)`);
  server = await startServer({ demo: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
  shotsDir = await mkdtemp(path.join(os.tmpdir(), 'kvitka-shots-'));
  console.log(`screenshots: ${shotsDir}`);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function openPage(viewport) {
  const context = await browser.newContext({ viewport, locale: 'en-US' });
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

async function goToClients(page) {
  await page.getByTestId('nav-clients').first().click();
  await page.getByTestId('clients-list').waitFor({ state: 'visible' });
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

/** Types a search and waits until the list shows the row of `id` (and only matching rows). */
async function searchFor(page, text, id) {
  const search = page.getByTestId('clients-search');
  await search.fill('');
  await search.fill(text);
  const list = page.getByTestId('clients-list');
  await list.getByTestId(`clients-row-${id}`).waitFor({ state: 'visible' });
  // The list settles on the search result (debounced searches may flash older rows).
  const deadline = Date.now() + TIMEOUT;
  let rows = 0;
  while (Date.now() < deadline) {
    rows = await list.locator('[data-testid^="clients-row-"]').count();
    if (rows === 1) return;
    await page.waitForTimeout(100);
  }
  assert.fail(`search "${text}": expected only the row of client ${id}, saw ${rows} rows`);
}

test('create a client, find it by phone and by name, open the card, import a CSV', async (t) => {
  const { context, page, errors } = await openPage({ width: 1280, height: 800 });
  try {
    await login(page);
    await goToClients(page);

    // Create.
    const suffix = randomSuffix(3);
    const first = `Віолета${suffix}`;
    const last = `Браузерна${suffix}`;
    // Starting with 4 and searched by 6 digits: a fragment like "80673" would also match every
    // demo phone +380673... (a flaky 8-row result).
    const digits = String(4000000 + Math.floor(Math.random() * 999999));
    const phone = `093 ${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5, 7)}`;
    await page.getByTestId('clients-new').click();
    await page.getByTestId('client-form-first-name').fill(first);
    await page.getByTestId('client-form-last-name').fill(last);
    await page.getByTestId('client-form-phone-0').fill(phone);
    const created = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/clients',
    );
    await page.getByTestId('client-form-submit').click();
    const res = await created;
    assert.equal(res.status(), 201, `POST /api/v1/clients: ${res.status()} ${await res.text()}`);
    const client = await res.json();
    assert.deepEqual(client.phones, [`+38${phone.replace(/\s/g, '')}`]);

    // A new client opens on their card; back to the list to find them.
    await page.waitForURL(`**/clients/${client.id}`);
    await page.getByTestId('client-card').waitFor({ state: 'visible' });
    await goToClients(page);

    // Find by a phone fragment and by a name fragment.
    await searchFor(page, digits.slice(0, 6), client.id);
    await searchFor(page, `раузерна${suffix}`.toUpperCase(), client.id);
    const row = page.getByTestId(`clients-row-${client.id}`);
    await waitForText(row, first, 'the row shows the first name');
    const listShot = path.join(shotsDir, 'clients-list.png');
    await page.screenshot({ path: listShot, fullPage: true });
    t.diagnostic(`screenshot ${listShot}`);
    console.log(`screenshot: ${listShot}`);

    // Open the card.
    await row.click();
    await page.getByTestId('client-card').waitFor({ state: 'visible' });
    await waitForText(page.getByTestId('client-card-name'), first, 'card name');
    await waitForText(page.getByTestId('client-card'), last, 'card shows the last name');
    const cardShot = path.join(shotsDir, 'client-card.png');
    await page.screenshot({ path: cardShot, fullPage: true });
    t.diagnostic(`screenshot ${cardShot}`);
    console.log(`screenshot: ${cardShot}`);

    // Import a small CSV.
    await goToClients(page);
    await page.getByTestId('clients-import').click();
    const csv = toCsv([
      ["Ім'я", 'Прізвище', 'Телефон'],
      [`Імпортована${suffix}`, 'Перша', `097 ${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5, 7)}`],
      [`Імпортований${suffix}`, 'Другий', `098 ${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5, 7)}`],
    ]);
    await page.getByTestId('import-file').setInputFiles({
      name: 'clients.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByTestId('import-preview-table').waitFor({ state: 'visible' });
    await waitForText(page.getByTestId('import-preview-table'), `Імпортована${suffix}`, 'preview shows the rows');
    await page.getByTestId('import-run').click();
    await waitForText(page.getByTestId('import-result-created'), '2', 'created count');
    const importShot = path.join(shotsDir, 'clients-import.png');
    await page.screenshot({ path: importShot, fullPage: true });
    t.diagnostic(`screenshot ${importShot}`);
    console.log(`screenshot: ${importShot}`);

    // The imported clients are really there.
    const api = await page.request.get(`${server.url}/api/v1/clients?q=${encodeURIComponent(suffix)}&limit=50`);
    assert.equal(api.status(), 200);
    const names = (await api.json()).items.map((c) => c.first_name).sort();
    assert.deepEqual(names, [first, `Імпортована${suffix}`, `Імпортований${suffix}`].sort());
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('phone-sized clients list (375x812) shows the search and the rows', async (t) => {
  const { context, page, errors } = await openPage({ width: 375, height: 812 });
  try {
    await login(page);
    await page.goto(`${server.url}/clients`);
    await page.getByTestId('clients-list').waitFor({ state: 'visible' });
    await page.getByTestId('clients-search').waitFor({ state: 'visible' });
    const shot = path.join(shotsDir, 'clients-list-375.png');
    await page.screenshot({ path: shot, fullPage: true });
    t.diagnostic(`screenshot ${shot}`);
    console.log(`screenshot: ${shot}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375 + 1, `no horizontal page scroll on a phone (scrollWidth ${width})`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
