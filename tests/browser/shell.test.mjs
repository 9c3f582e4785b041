// The web app's shell in a real browser (Debian's chromium driven by playwright-core):
// log in as the demo owner in each language, see the translated navigation, log out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { REPO_ROOT, startServer } from '../lib/server.mjs';

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

const NAV = ['nav-journal', 'nav-clients', 'nav-services', 'nav-staff', 'nav-settings'];
const LABELS = {
  uk: ['Журнал', 'Клієнти', 'Послуги', 'Персонал', 'Налаштування'],
  ru: ['Журнал', 'Клиенты', 'Услуги', 'Персонал', 'Настройки'],
  en: ['Journal', 'Clients', 'Services', 'Staff', 'Settings'],
};

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

/** A fresh browser context (own cookies and storage) with error tracking. */
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

async function waitForText(locator, expected, what) {
  const deadline = Date.now() + TIMEOUT;
  let last = '';
  while (Date.now() < deadline) {
    try {
      last = (await locator.innerText({ timeout: 1000 })).trim();
      if (last.includes(expected)) return last;
    } catch {
      // not there yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`${what}: expected text "${expected}", got "${last}"`);
}

/** Whether the element is visible and at least partly inside the viewport. */
async function onScreen(page, locator) {
  if (!(await locator.isVisible())) return false;
  const box = await locator.boundingBox();
  const vp = page.viewportSize();
  if (!box || box.width === 0 || box.height === 0) return false;
  return box.x < vp.width && box.x + box.width > 0 && box.y < vp.height && box.y + box.height > 0;
}

async function switchLanguage(page, lang) {
  const sw = page.getByTestId('lang-switch');
  await sw.waitFor({ state: 'visible' });
  let item = sw.getByTestId(`lang-${lang}`);
  if (!(await item.isVisible())) {
    // A menu or select: open it first; its items may render in a portal outside the switch.
    await sw.click();
    item = page.getByTestId(`lang-${lang}`);
  }
  await item.first().click();
}

async function login(page, lang) {
  await page.goto(`${server.url}/login`);
  await switchLanguage(page, lang);
  await page.getByTestId('login-email').fill('owner@kvitka.demo');
  await page.getByTestId('login-password').fill('kvitka-demo');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('app-shell').waitFor({ state: 'visible' });
}

async function checkNav(page, lang) {
  const labels = LABELS[lang];
  for (let i = 0; i < NAV.length; i++) {
    const el = page.getByTestId(NAV[i]).first();
    await el.waitFor({ state: 'visible' });
    await waitForText(el, labels[i], `${lang} ${NAV[i]}`);
  }
}

async function logout(page) {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await page.getByTestId('login-email').waitFor({ state: 'visible' });
  assert.equal(await page.getByTestId('app-shell').count(), 0, 'the shell is gone after logout');
  assert.match(new URL(page.url()).pathname, /\/login$/, `back on the login page: ${page.url()}`);
}

for (const lang of ['uk', 'ru', 'en']) {
  test(`desktop shell in ${lang}: log in, translated navigation, log out`, async (t) => {
    const { context, page, errors } = await openPage({ width: 1280, height: 800 });
    try {
      await login(page, lang);
      await checkNav(page, lang);
      const shot = path.join(shotsDir, `shell-${lang}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      t.diagnostic(`screenshot ${shot}`);

      // A reload keeps the session (cookie) and the app (SPA fallback serves index.html).
      await page.reload();
      await page.getByTestId('app-shell').waitFor({ state: 'visible' });

      await logout(page);
      const loginShot = path.join(shotsDir, `login-${lang}.png`);
      await page.screenshot({ path: loginShot });

      // The session is really gone: the app root shows the login page again.
      await page.goto(`${server.url}/`);
      await page.getByTestId('login-email').waitFor({ state: 'visible' });
      assert.equal(await page.getByTestId('app-shell').count(), 0);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('phone-sized shell (375x812): navigation through the burger', async (t) => {
  const { context, page, errors } = await openPage({ width: 375, height: 812 });
  try {
    await login(page, 'uk');
    // On a phone the navigation starts hidden (or off-screen) behind the burger.
    assert.equal(await onScreen(page, page.getByTestId('nav-journal').first()), false, 'navigation hidden before the burger');
    await page.getByTestId('burger').click();
    const deadline = Date.now() + TIMEOUT;
    while (!(await onScreen(page, page.getByTestId('nav-journal').first())) && Date.now() < deadline) {
      await page.waitForTimeout(100);
    }
    assert.ok(await onScreen(page, page.getByTestId('nav-journal').first()), 'navigation shown after the burger');
    await checkNav(page, 'uk');
    const shot = path.join(shotsDir, 'shell-uk-375.png');
    await page.screenshot({ path: shot });
    t.diagnostic(`screenshot ${shot}`);
    // Close the navigation again if it covers the header, then log out.
    if (!(await page.getByTestId('user-menu').isVisible())) await page.getByTestId('burger').click();
    await logout(page);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('wrong password stays on the login page', async () => {
  const { context, page, errors } = await openPage({ width: 1280, height: 800 });
  try {
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-email').fill('owner@kvitka.demo');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await page.waitForTimeout(1000);
    assert.equal(await page.getByTestId('app-shell').count(), 0);
    assert.ok(await page.getByTestId('login-email').isVisible());
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
