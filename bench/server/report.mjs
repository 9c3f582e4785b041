// Reads what bench/server/run left in build-bench/server/<db>/ and prints the summary.
//
//   node bench/server/report.mjs collect DIR          DIR/*.wrk.txt + server log -> DIR/results.json
//   node bench/server/report.mjs table OUT sqlite postgresql   the table of OUT/<db>/results.json
//
// Client side (wrk): p50/p99 latency, requests/s, statuses. Server side: the `ms` field of the
// server's JSON access log for the same requests (time inside the handler, without queueing
// in the kernel and wrk), p50/p99.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';

const RUNS = ['avail-1d', 'avail-7d', 'journal', 'public-avail-1d', 'bookings'];
const SINGLE = ['avail-1d-c1', 'avail-7d-c1', 'journal-c1', 'public-avail-1d-c1'];
const TARGETS = { 'avail-1d': { p99: 20 }, 'avail-7d': { p99: 20 }, journal: { p99: 10 }, 'public-avail-1d': { p99: 20 }, bookings: { rate: 300 } };

function ms(text) {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (!m) return null;
  const f = { us: 0.001, ms: 1, s: 1000, m: 60_000 }[m[2]];
  return Number(m[1]) * f;
}

function parseWrk(text) {
  const r = { statuses: {} };
  for (const [, pct, v] of text.matchAll(/^\s+(50|75|90|99)%\s+(\S+)$/gm)) r[`p${pct}`] = ms(v);
  const rps = /^Requests\/sec:\s+([\d.]+)/m.exec(text);
  r.rps = rps ? Number(rps[1]) : null;
  const total = /^\s+(\d+) requests in ([\d.]+\w+), ([\d.]+\w+) read/m.exec(text);
  if (total) {
    r.requests = Number(total[1]);
    r.seconds = ms(total[2]) / 1000;
    r.read = total[3];
  }
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(text);
  r.non2xx = non2xx ? Number(non2xx[1]) : 0;
  const sock = /Socket errors: (.*)$/m.exec(text);
  r.socket_errors = sock ? sock[1] : null;
  for (const [, code, n] of text.matchAll(/^STATUS (\d+) (\d+)$/gm)) r.statuses[code] = Number(n);
  const b = /^BOOKINGS (\d+) in ([\d.]+) s = ([\d.]+)\/s/m.exec(text);
  if (b) {
    r.created = Number(b[1]);
    r.created_per_s = Number(b[3]);
  }
  const sample = /^SAMPLE (.*)$/m.exec(text);
  if (sample) r.sample = sample[1].slice(0, 300);
  return r;
}

function quantile(sorted, q) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** The access log's `ms` of lines first..last (1-based) of server.log. */
function serverSide(logLines, first, last) {
  const values = [];
  for (let i = first - 1; i < last && i < logLines.length; i++) {
    const line = logLines[i];
    const at = line.indexOf('{"method"');
    if (at < 0) continue;
    try {
      const j = JSON.parse(line.slice(at));
      if (typeof j.ms === 'number') values.push(j.ms);
    } catch {
      // not an access log line
    }
  }
  values.sort((a, b) => a - b);
  return {
    count: values.length,
    p50: quantile(values, 0.5),
    p99: quantile(values, 0.99),
    mean: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null,
  };
}

function collect(dir) {
  const log = existsSync(path.join(dir, 'server.log')) ? readFileSync(path.join(dir, 'server.log'), 'utf8').split('\n') : [];
  const out = { dir, runs: {} };
  for (const f of ['setup.txt', 'postgres.txt']) {
    if (existsSync(path.join(dir, f))) out[f.replace('.txt', '')] = readFileSync(path.join(dir, f), 'utf8').trim();
  }
  if (existsSync(path.join(dir, 'seed.json'))) {
    const s = JSON.parse(readFileSync(path.join(dir, 'seed.json'), 'utf8'));
    out.seed = { target_day: s.target_day, appointments: s.appointments, journal_bytes: s.journal_bytes };
  }
  for (const name of [...RUNS, ...SINGLE]) {
    const file = path.join(dir, `${name}.wrk.txt`);
    if (!existsSync(file)) continue;
    const r = parseWrk(readFileSync(file, 'utf8'));
    const range = path.join(dir, `${name}.log-range`);
    if (existsSync(range)) {
      const [first, last] = readFileSync(range, 'utf8').trim().split(/\s+/).map(Number);
      r.server = serverSide(log, first, last);
    }
    const cpu = path.join(dir, `${name}.cpu`);
    if (existsSync(cpu) && r.requests) {
      const [c0, c1, hz, d0, d1, mb0, mt0, mb1, mt1, w0, w1] = readFileSync(cpu, 'utf8').trim().split(/\s+/).map(Number);
      r.cpu_ms_per_request = ((c1 - c0) * 1000) / hz / r.requests;
      if (d1 > 0) r.db_cpu_ms_per_request = ((d1 - d0) * 1000) / hz / r.requests;
      if (mt1 > mt0 && w1 !== undefined) {
        const ms = (ticks) => (ticks * 1000) / hz;
        const total = ms(mt1 - mt0);
        r.machine = {
          server_pct: (100 * ms(c1 - c0)) / total,
          db_pct: (100 * ms(d1 - d0)) / total,
          wrk_pct: (100 * (w1 - w0)) / total,
          others_pct: Math.max(0, (100 * (ms(mb1 - mb0) - ms(c1 - c0) - ms(d1 - d0) - (w1 - w0))) / total),
          idle_pct: (100 * ms(mt1 - mt0 - (mb1 - mb0))) / total,
        };
      }
    }
    const load = path.join(dir, `${name}.load`);
    if (existsSync(load)) r.load = readFileSync(load, 'utf8').trim().replace(/\n/g, '; ');
    const sample = path.join(dir, `${name}.sample.json`);
    if (existsSync(sample)) r.body_bytes = readFileSync(sample).length;
    out.runs[name] = r;
  }
  writeFileSync(path.join(dir, 'results.json'), JSON.stringify(out, null, 2) + '\n');
  return out;
}

const f1 = (x) => (x === null || x === undefined ? '-' : x >= 100 ? x.toFixed(0) : x.toFixed(x >= 10 ? 1 : 2));
const mark = (ok) => (ok === null ? '' : ok ? ' ok' : ' MISS');

function table(outDir, kinds) {
  const results = kinds.map((k) => {
    const file = path.join(outDir, k, 'results.json');
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
  });
  const rows = [];
  const row = (metric, fn, target = '') => rows.push([metric, ...results.map((r) => (r ? fn(r) : 'n/a')), target]);
  const lat = (name) => (r) => {
    const x = r.runs[name];
    if (!x) return '-';
    const t = TARGETS[name]?.p99;
    return `${f1(x.p50)} / ${f1(x.p99)}${t && name !== 'avail-7d' ? mark(x.p99 <= t) : ''}`;
  };
  const srv = (name) => (r) => (r.runs[name]?.server ? `${f1(r.runs[name].server.p50)} / ${f1(r.runs[name].server.p99)}` : '-');
  const cpu = (name) => (r) => {
    const x = r.runs[name];
    if (!x) return '-';
    return f1(x.cpu_ms_per_request) + (x.db_cpu_ms_per_request !== undefined ? ` + db ${f1(x.db_cpu_ms_per_request)}` : '');
  };
  const rps = (name) => (r) => (r.runs[name] ? f1(r.runs[name].rps) : '-');
  const errs = (name, ok) => (r) => {
    const x = r.runs[name];
    if (!x) return '-';
    const bad = Object.entries(x.statuses).filter(([c]) => c !== String(ok));
    return bad.length ? bad.map(([c, n]) => `${c}x${n}`).join(' ') : 'none';
  };
  const size = (name) => (r) => (r.runs[name]?.body_bytes ? `${(r.runs[name].body_bytes / 1024).toFixed(1)} KiB` : '-');

  row('availability 1 day: p50 / p99 ms', lat('avail-1d'), 'p99 <= 20');
  row('  req/s', rps('avail-1d'));
  row('  1 connection: p50 / p99 ms', (r) => (r.runs['avail-1d-c1'] ? `${f1(r.runs['avail-1d-c1'].p50)} / ${f1(r.runs['avail-1d-c1'].p99)}` : '-'));
  row('  server ms p50 / p99', srv('avail-1d'));
  row('  CPU ms/request: kvitka [+ db]', cpu('avail-1d'));
  row('  body', size('avail-1d'));
  row('availability 7 days: p50 / p99 ms', lat('avail-7d'), '(p99 <= 20)');
  row('  req/s', rps('avail-7d'));
  row('  1 connection: p50 / p99 ms', (r) => (r.runs['avail-7d-c1'] ? `${f1(r.runs['avail-7d-c1'].p50)} / ${f1(r.runs['avail-7d-c1'].p99)}` : '-'));
  row('  server ms p50 / p99', srv('avail-7d'));
  row('  CPU ms/request: kvitka [+ db]', cpu('avail-7d'));
  row('  body', size('avail-7d'));
  row('public availability 1 day: p50 / p99 ms', lat('public-avail-1d'), 'p99 <= 20');
  row('  req/s', rps('public-avail-1d'));
  row('  CPU ms/request: kvitka [+ db]', cpu('public-avail-1d'));
  row('journal 1 day: p50 / p99 ms', lat('journal'), 'p99 <= 10');
  row('  req/s', rps('journal'));
  row('  1 connection: p50 / p99 ms', (r) => (r.runs['journal-c1'] ? `${f1(r.runs['journal-c1'].p50)} / ${f1(r.runs['journal-c1'].p99)}` : '-'));
  row('  server ms p50 / p99', srv('journal'));
  row('  CPU ms/request: kvitka [+ db]', cpu('journal'));
  row('  body', size('journal'));
  row('bookings: 201/s', (r) => {
    const x = r.runs.bookings;
    return x ? `${f1(x.created_per_s)}${mark(x.created_per_s >= TARGETS.bookings.rate)}` : '-';
  }, '>= 300/s (SQLite)');
  row('  p50 / p99 ms', (r) => (r.runs.bookings ? `${f1(r.runs.bookings.p50)} / ${f1(r.runs.bookings.p99)}` : '-'));
  row('  server ms p50 / p99', srv('bookings'));
  row('  CPU ms/request: kvitka [+ db]', cpu('bookings'));
  row('  other statuses', errs('bookings', 201));
  row('machine CPU % (server/db/wrk/other/idle)', () => '', `(nproc ${os.cpus().length})`);
  for (const n of RUNS) {
    row(`  ${n}`, (r) => {
      const m = r.runs[n]?.machine;
      return m ? [m.server_pct, m.db_pct, m.wrk_pct, m.others_pct, m.idle_pct].map((x) => x.toFixed(0)).join('/') : '-';
    });
  }
  row('GET non-200 responses', (r) => {
    const n = ['avail-1d', 'avail-7d', 'journal', 'public-avail-1d'].reduce((a, k) => a + (r.runs[k]?.non2xx ?? 0), 0);
    return n ? String(n) : 'none';
  });

  const head = ['metric', ...kinds.map((k) => (k === 'sqlite' ? 'SQLite' : 'PostgreSQL')), 'target'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ');
  console.log();
  const setup = results.find((r) => r?.setup)?.setup;
  if (setup) console.log(setup.replace(/\n/g, '; '));
  for (const r of results) if (r?.postgres) console.log(r.postgres);
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
  console.log(`\nraw output: ${outDir}/<db>/*.wrk.txt, server.log, results.json`);
}

const [cmd, ...rest] = process.argv.slice(2);
if (cmd === 'collect' && rest.length === 1) {
  collect(rest[0]);
} else if (cmd === 'table' && rest.length >= 2) {
  table(rest[0], rest.slice(1));
} else {
  console.error('usage: report.mjs collect DIR | table OUT_DIR DB...');
  process.exit(2);
}
