#!/usr/bin/env node
// Page-load benchmark of the public booking page (/b/{slug}) in Debian's chromium at 375x667.
// Not a test: it starts nothing itself, it measures a running `kvitka serve` (see README.md).
//
// For each run it opens the page in a fresh browser context (cold: empty cache and storage),
// then reloads it in the same context (warm: cached assets), and each time measures, from the
// navigation start (performance.timeOrigin) on the page's own clock:
//   services  the first bp-service-* is visible (the page is usable)
//   slot      after clicking the first service, bp-next, bp-master-any, bp-next (as fast as the
//             browser can), the first bp-slot-* is visible (the first bookable time)
// and prints p50/p95/max over the runs.
//
//   node bench/online/page-load.mjs --url http://127.0.0.1:8080 --slug <slug> [--runs 20]
//        [--cpu-slowdown 4] [--chromium /usr/bin/chromium] [--json]
// Environment instead of flags: KVITKA_BENCH_URL, KVITKA_BENCH_SLUG, KVITKA_BENCH_RUNS,
// KVITKA_CHROMIUM. Without a slug, it logs in as the demo owner (--email/--password, default
// owner@kvitka.demo / kvitka-demo) and takes the first branch's slug.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const { values: opt } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.KVITKA_BENCH_URL || 'http://127.0.0.1:8080' },
    slug: { type: 'string', default: process.env.KVITKA_BENCH_SLUG || '' },
    runs: { type: 'string', default: process.env.KVITKA_BENCH_RUNS || '20' },
    chromium: { type: 'string', default: process.env.KVITKA_CHROMIUM || '/usr/bin/chromium' },
    'cpu-slowdown': { type: 'string', default: '1' },
    email: { type: 'string', default: 'owner@kvitka.demo' },
    password: { type: 'string', default: 'kvitka-demo' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (opt.help) {
  console.log('usage: node bench/online/page-load.mjs --url BASE --slug SLUG [--runs 20] [--cpu-slowdown N] [--chromium PATH] [--json]');
  process.exit(0);
}

const base = opt.url.replace(/\/+$/, '');
const runs = Math.max(1, Number(opt.runs) || 20);
const slowdown = Math.max(1, Number(opt['cpu-slowdown']) || 1);
const TIMEOUT = 30_000;

/** playwright-core from tests/node_modules (the browser tests' copy). */
async function loadPlaywright() {
  const req = createRequire(path.join(REPO, 'tests', 'package.json'));
  let entry;
  try {
    entry = req.resolve('playwright-core');
  } catch {
    throw new Error('playwright-core is missing: run `npm ci` in tests/ (or tests/run browser once)');
  }
  const mod = await import(pathToFileURL(entry).href);
  return mod.chromium ?? mod.default.chromium;
}

async function discoverSlug() {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: opt.email, password: opt.password }),
  });
  if (login.status !== 200) throw new Error(`no --slug given and logging in as ${opt.email} failed (${login.status})`);
  const body = await login.json();
  const slug = body.branches?.[0]?.slug;
  if (!slug) throw new Error('no --slug given and the session lists no branch');
  return slug;
}

async function checkBranch(slug) {
  const res = await fetch(`${base}/api/v1/public/branches/${encodeURIComponent(slug)}`);
  if (res.status !== 200) throw new Error(`GET /api/v1/public/branches/${slug}: ${res.status} ${await res.text()}`);
  const b = await res.json();
  if (!b.services?.length) {
    throw new Error(`branch ${slug} offers no service online (is online booking enabled? rules.enabled=${b.rules?.enabled})`);
  }
  return b;
}

/** Records, on the page's clock, when the first service and the first slot become visible. */
const MARKS_SCRIPT = () => {
  window.__kvMarks = {};
  const visible = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const check = () => {
    const m = window.__kvMarks;
    if (m.services === undefined && visible(document.querySelector('[data-testid^="bp-service-"]'))) m.services = performance.now();
    if (m.slot === undefined && visible(document.querySelector('[data-testid^="bp-slot-"]'))) m.slot = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  document.addEventListener('DOMContentLoaded', check);
};

async function measure(page, navigate) {
  await navigate();
  await page.waitForFunction(() => window.__kvMarks?.services !== undefined, null, { timeout: TIMEOUT });
  await page.locator('[data-testid^="bp-service-"]').first().click();
  await page.getByTestId('bp-next').click();
  await page.getByTestId('bp-master-any').click();
  await page.getByTestId('bp-next').click();
  await page.waitForFunction(() => window.__kvMarks?.slot !== undefined, null, { timeout: TIMEOUT });
  const marks = await page.evaluate(() => window.__kvMarks);
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0];
    return n ? { ttfb: n.responseStart, dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd, bytes: n.transferSize } : {};
  });
  return { services: marks.services, slot: marks.slot, ...nav };
}

function stats(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return { p50: NaN, p95: NaN, max: NaN };
  const q = (p) => v[Math.min(v.length - 1, Math.max(0, Math.ceil((p / 100) * v.length) - 1))];
  return { p50: q(50), p95: q(95), max: v[v.length - 1] };
}

async function main() {
  if (!existsSync(opt.chromium)) throw new Error(`${opt.chromium} is missing (apt-get install chromium, or --chromium PATH)`);
  const slug = opt.slug || (await discoverSlug());
  const branch = await checkBranch(slug);
  const chromium = await loadPlaywright();
  const browser = await chromium.launch({
    executablePath: opt.chromium,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    timeout: 60_000,
  });
  const url = `${base}/b/${encodeURIComponent(slug)}`;
  const rows = { cold: [], warm: [] };
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({
        viewport: { width: 375, height: 667 },
        isMobile: true,
        hasTouch: true,
        locale: 'uk-UA',
        timezoneId: branch.branch.timezone || 'Europe/Kyiv',
      });
      context.setDefaultTimeout(TIMEOUT);
      await context.addInitScript(MARKS_SCRIPT);
      const page = await context.newPage();
      if (slowdown > 1) {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
      }
      rows.cold.push(await measure(page, () => page.goto(url, { waitUntil: 'commit' })));
      rows.warm.push(await measure(page, () => page.reload({ waitUntil: 'commit' })));
      await context.close();
      process.stderr.write(`run ${i + 1}/${runs}: cold ${rows.cold.at(-1).services.toFixed(0)}/${rows.cold.at(-1).slot.toFixed(0)} ms, warm ${rows.warm.at(-1).services.toFixed(0)}/${rows.warm.at(-1).slot.toFixed(0)} ms\n`);
    }
  } finally {
    await browser.close();
  }

  const report = { url, runs, cpu_slowdown: slowdown, viewport: '375x667', results: {} };
  for (const kind of ['cold', 'warm']) {
    for (const metric of ['services', 'slot', 'ttfb', 'dcl']) {
      report.results[`${kind}.${metric}`] = stats(rows[kind].map((r) => r[metric]));
    }
  }
  if (opt.json) {
    console.log(JSON.stringify({ ...report, raw: rows }, null, 2));
    return;
  }
  const label = {
    services: 'navigation -> services visible',
    slot: 'navigation -> first slot visible',
    ttfb: 'navigation -> first byte',
    dcl: 'navigation -> DOMContentLoaded end',
  };
  console.log(`\n${url}  (${runs} runs, 375x667, CPU slowdown x${slowdown})\n`);
  console.log(`${'load'.padEnd(6)}${'metric'.padEnd(38)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'max ms'.padStart(9)}`);
  for (const kind of ['cold', 'warm']) {
    for (const metric of ['services', 'slot', 'ttfb', 'dcl']) {
      const s = report.results[`${kind}.${metric}`];
      const f = (x) => (Number.isFinite(x) ? x.toFixed(0) : '-').padStart(9);
      console.log(`${kind.padEnd(6)}${label[metric].padEnd(38)}${f(s.p50)}${f(s.p95)}${f(s.max)}`);
    }
  }
  console.log('\nslot includes four scripted clicks (first service, next, any master, next) and the availability request.');
}

main().catch((e) => {
  console.error(`page-load: ${e.message}`);
  process.exit(1);
});
