// Messages in a real browser: the owner sees the SMS gateway set up in Settings → Messages, writes
// the reminder's SMS text with a variable from the list and sees the live preview with its parts,
// adds a reminder offset in the rules, and finds the confirmation the client got on the client's
// card (sent through a fake SMS gateway by `kvitka jobs run --once`); turns on Viber first for
// TurboSMS (the Viber sender is asked for and saved); and gives a master the link that connects
// their Telegram (link and QR code on the master's card).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { REPO_ROOT, startServer } from '../lib/server.mjs';
import { startFakeSms, startFakeTelegram } from '../lib/fakes.mjs';
import { at, future } from '../lib/booking.mjs';

const CHROMIUM = process.env.KVITKA_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run'];
const TIMEOUT = 15_000;

let server;
let sms;
let tg;
let browser;
let shotsDir;
let api;

before(async () => {
  const index = path.join(REPO_ROOT, 'web', 'dist', 'index.html');
  assert.ok(existsSync(index), `${index} is missing: build the web app first (cd web && npm run build)`);
  sms = await startFakeSms({ provider: 'turbosms' });
  tg = await startFakeTelegram();
  server = await startServer({
    demo: true,
    args: ['--no-dispatch', '--provider-url', `turbosms=${sms.url}`, '--provider-url', `telegram=${tg.url}`],
  });
  api = server.client();
  assert.equal((await api.login('owner@kvitka.demo', 'kvitka-demo')).status, 200);
  const res = await api.put('/api/v1/settings/channels/sms', { enabled: true, provider: 'turbosms', token: 'tok', sender: 'Kvitka' });
  assert.equal(res.status, 200, res.text);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
  shotsDir = await mkdtemp(path.join(os.tmpdir(), 'kvitka-shots-'));
  console.log(`screenshots: ${shotsDir}`);
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await sms?.close();
  await tg?.close();
});

async function openPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'uk-UA' });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 500) errors.push(`${r.status()} from ${r.request().method()} ${r.url()}`);
  });
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-email').fill('owner@kvitka.demo');
  await page.getByTestId('login-password').fill('kvitka-demo');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('app-shell').waitFor({ state: 'visible' });
  return { context, page, errors };
}

async function openMessagesSettings(page, section) {
  await page.goto(`${server.url}/settings`);
  await page.getByTestId('settings-tab-messages').click();
  await page.getByTestId('messages-settings').waitFor();
  if (section) await page.getByTestId('messages-section').getByText(section).click();
}

test('the SMS channel shows as set up, and the reminder text is written with a live preview', async () => {
  const { context, page, errors } = await openPage();
  try {
    await openMessagesSettings(page);
    await page.getByTestId('channel-sms').waitFor();
    await page.waitForFunction(() => /налаштовано|configured/i.test(document.querySelector('[data-testid="channel-sms-status"]')?.textContent ?? ''));
    await page.screenshot({ path: path.join(shotsDir, 'messages-channels.png'), fullPage: true });

    await page.getByTestId('messages-section').getByText('Шаблони').click();
    await page.getByTestId('template-kind').selectOption('reminder');
    await page.getByTestId('template-channel').getByText('SMS', { exact: true }).click();
    const body = page.getByTestId('template-body');
    await body.fill('{{client_name}}, чекаємо вас о ');
    await body.press('End');
    await page.getByTestId('template-variable-time').click();
    assert.match(await body.inputValue(), /чекаємо вас о \{\{time\}\}/);
    await page.waitForFunction(() => /Олена, чекаємо вас о 14:30/.test(document.querySelector('[data-testid="template-preview"]')?.textContent ?? ''));
    const preview = await page.getByTestId('template-preview').innerText();
    assert.match(preview, /1/, 'the parts are counted');
    await page.screenshot({ path: path.join(shotsDir, 'messages-template.png'), fullPage: true });
    await page.getByTestId('template-save').click();
    await page.waitForFunction(async () => true);
    const saved = await (async () => {
      for (let i = 0; i < 50; i++) {
        const res = await api.get('/api/v1/message-templates');
        const t = res.json.items.find((x) => x.kind === 'reminder' && x.channel === 'sms' && x.language === 'uk');
        if (t?.custom) return t;
        await new Promise((r) => setTimeout(r, 100));
      }
      return null;
    })();
    assert.ok(saved, 'the template is saved');
    assert.equal(saved.body, '{{client_name}}, чекаємо вас о {{time}}');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a reminder offset is added in the rules', async () => {
  const { context, page, errors } = await openPage();
  try {
    await openMessagesSettings(page, 'Правила');
    await page.getByTestId('rules-offsets').waitFor();
    const before = (await api.get('/api/v1/settings/messaging')).json.reminders.offsets;
    await page.getByTestId('rules-offset-add').click();
    const i = before.length;
    await page.getByTestId(`rules-offset-${i}-hours`).fill('48');
    await page.getByTestId(`rules-offset-${i}-minutes`).fill('0');
    await page.getByTestId('rules-save').click();
    let offsets = [];
    for (let n = 0; n < 50 && !offsets.includes(2880); n++) {
      offsets = (await api.get('/api/v1/settings/messaging')).json.reminders.offsets;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(offsets.includes(2880), JSON.stringify(offsets));
    await page.screenshot({ path: path.join(shotsDir, 'messages-rules.png'), fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the confirmation the client got is on the client card', async () => {
  const clients = (await api.get('/api/v1/clients?limit=5')).json.items;
  const client = clients.find((c) => c.phones?.length) ?? clients[0];
  const staff = (await api.get('/api/v1/staff')).json.items[0];
  const services = (await api.get('/api/v1/services')).json.items.filter((s) => !s.group);
  const service = services.find((s) => (s.staff ?? []).some((x) => x.staff_id === staff.id)) ?? services[0];
  const branch = (await api.get('/api/v1/branches')).json.items[0];
  let booked;
  for (const day of [9, 10, 11, 12, 13]) {
    for (const hh of ['10:00', '12:00', '15:00', '17:00']) {
      booked = await api.post('/api/v1/appointments', {
        branch_id: branch.id, client_id: client.id,
        items: [{ service_id: service.id, staff_id: staff.id, start: at(future(day), hh) }],
        allow_outside_hours: true,
      });
      if (booked.status === 201) break;
    }
    if (booked.status === 201) break;
  }
  assert.equal(booked.status, 201, booked.text);
  const run = await server.cli(['jobs', 'run', '--once', '--provider-url', `turbosms=${sms.url}`]);
  assert.equal(run.code, 0, run.stderr);
  // Every booking of the demo salon still waiting for its confirmation goes now; this client's too.
  const phone = client.phones[0];
  const mine = await (async () => {
    for (let i = 0; i < 100; i++) {
      const found = sms.sent.find((m) => m.to === phone && /\d\d:\d\d/.test(m.text));
      if (found) return found;
      await new Promise((r) => setTimeout(r, 100));
    }
    return null;
  })();
  assert.ok(mine, `an SMS to ${phone}`);

  const { context, page, errors } = await openPage();
  try {
    await page.goto(`${server.url}/clients/${client.id}`);
    await page.getByTestId('client-tab-messages').click();
    await page.getByTestId('client-messages').waitFor();
    await page.waitForFunction(() => /Надіслано|sent/i.test(document.querySelector('[data-testid="client-messages"]')?.textContent ?? ''));
    const text = await page.getByTestId('client-messages').innerText();
    assert.ok(text.includes(mine.text.slice(0, 40)), `${text.slice(0, 500)}\n---\n${mine.text}`);
    await page.screenshot({ path: path.join(shotsDir, 'client-messages.png'), fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('TurboSMS sends Viber first once the Viber sender is given', async () => {
  const { context, page, errors } = await openPage();
  try {
    await openMessagesSettings(page);
    const card = page.getByTestId('channel-sms');
    await card.waitFor();
    assert.equal(await page.getByTestId('channel-sms-viber_sender').count(), 0, 'no Viber sender while SMS only');
    await page.getByTestId('channel-sms-route').selectOption('viber_then_sms');
    await page.getByTestId('channel-sms-viber_sender').fill('KvitkaSalon');
    await page.screenshot({ path: path.join(shotsDir, 'messages-sms-viber-first.png'), fullPage: true });
    await page.getByTestId('channel-sms-save').click();
    let view = {};
    for (let n = 0; n < 50 && view.route !== 'viber_then_sms'; n++) {
      view = (await api.get('/api/v1/settings/channels/sms')).json;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(view.route, 'viber_then_sms');
    assert.equal(view.viber_sender, 'KvitkaSalon');
    assert.deepEqual(errors, []);
  } finally {
    await api.put('/api/v1/settings/channels/sms', { route: 'sms' });
    await context.close();
  }
});

test("a master's card gives the link that connects their Telegram, with a QR code", async () => {
  const set = await api.put('/api/v1/settings/channels/telegram', { enabled: true, bot_token: tg.token, bot_username: 'kvitka_demo_bot' });
  assert.equal(set.status, 200, set.text);
  const master = (await api.get('/api/v1/staff')).json.items.find((m) => !m.archived);
  const { context, page, errors } = await openPage();
  try {
    await page.goto(`${server.url}/staff/${master.id}`);
    await page.getByTestId('staff-telegram').waitFor();
    await page.getByTestId('staff-telegram-link').click();
    await page.getByTestId('staff-telegram-url').waitFor();
    const url = await page.getByTestId('staff-telegram-url').inputValue();
    assert.match(url, /^https:\/\/t\.me\/kvitka_demo_bot\?start=[A-Za-z0-9_-]{16,}$/, url);
    assert.equal(await page.getByTestId('staff-telegram-qr').count(), 1, 'a QR code to scan');
    await page.screenshot({ path: path.join(shotsDir, 'staff-telegram.png'), fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
