// An SMTP sink for the API tests: runs tests/lib/smtp_sink.py (Python's aiosmtpd; Debian
// package python3-aiosmtpd) on 127.0.0.1, plain SMTP without AUTH or STARTTLS (so the server's
// SMTP settings need starttls off), and reads back the messages it accepted.
//
//   const sink = await startSmtpSink();
//   ... point the server's SMTP url at sink.url ('smtp://127.0.0.1:PORT') ...
//   const [mail] = await sink.waitForMessages(1);
//   mail: {from, to: [...], raw, headers, subject, text, html, attachments, at}
//   sink.failNext(n, reply = '451 4.3.0 Try again later', {stage: 'data' | 'rcpt'})
//   await sink.close();
//
// `from` and `to` are the envelope (MAIL FROM, RCPT TO); `headers` maps lower-case names to
// decoded values; subject is RFC 2047-decoded; text and html are the decoded text/plain and
// text/html parts (quoted-printable or base64, any charset), with CRLF turned into LF.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitUntil } from './fake-http.mjs';

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'smtp_sink.py');

let python;
/** A Python that has aiosmtpd: $KVITKA_PYTHON, Debian's /usr/bin/python3, or python3 on PATH. */
function pythonWithAiosmtpd() {
  if (python) return python;
  const candidates = [process.env.KVITKA_PYTHON, '/usr/bin/python3', 'python3'].filter(Boolean);
  const works = (bin) => spawnSync(bin, ['-c', 'import aiosmtpd'], { stdio: 'ignore' }).status === 0;
  python = candidates.find(works);
  if (!python) {
    throw new Error('SMTP sink: no python3 with aiosmtpd: install python3-aiosmtpd ' +
      '(scripts/bootstrap does)');
  }
  return python;
}

// ---- MIME -----------------------------------------------------------------------------------

function decodeCharset(bytes, charset = 'utf-8') {
  try {
    return new TextDecoder(charset.trim().toLowerCase()).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Quoted-printable to bytes (soft line breaks dropped). */
function fromQuotedPrintable(text, header = false) {
  const source = (header ? text.replace(/_/g, ' ') : text).replace(/=\r?\n/g, '');
  const bytes = [];
  for (let i = 0; i < source.length; i += 1) {
    const hex = source.slice(i + 1, i + 3);
    if (source[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(source.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/** RFC 2047: "=?UTF-8?B?...?= =?UTF-8?B?...?=" -> text (adjacent words joined as bytes). */
export function decodeHeader(value) {
  const word = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;
  let out = '';
  let at = 0;
  let pending = null; // {charset, bytes[]} of adjacent encoded words
  const flush = () => {
    if (pending) out += decodeCharset(Buffer.concat(pending.bytes), pending.charset);
    pending = null;
  };
  for (const match of value.matchAll(word)) {
    const between = value.slice(at, match.index);
    const [, charset, encoding, data] = match;
    if (!(pending && /^\s*$/.test(between))) {
      flush();
      out += between;
    }
    const bytes = encoding.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64')
      : fromQuotedPrintable(data, true);
    const cs = charset.split('*')[0]; // RFC 2231 language suffix
    if (pending && pending.charset.toLowerCase() !== cs.toLowerCase()) flush();
    pending ??= { charset: cs, bytes: [] };
    pending.bytes.push(bytes);
    at = match.index + match[0].length;
  }
  flush();
  return out + value.slice(at);
}

/** Splits an entity (latin1 string: one char per byte) into {headers, body}. */
function splitEntity(entity) {
  const match = /\r?\n\r?\n/.exec(entity);
  const head = match ? entity.slice(0, match.index) : entity;
  const body = match ? entity.slice(match.index + match[0].length) : '';
  const headers = {};
  for (const line of head.replace(/\r?\n(?=[ \t])/g, '').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = decodeCharset(Buffer.from(line.slice(colon + 1).trim(), 'latin1'));
    headers[name] ??= decodeHeader(value);
  }
  return { headers, body };
}

/** "text/plain; charset=UTF-8; boundary="x"" -> {type: 'text/plain', params: {charset, ...}}. */
function parseContentType(value = 'text/plain') {
  const [type, ...rest] = value.split(';');
  const params = {};
  for (const param of rest) {
    const eq = param.indexOf('=');
    if (eq < 0) continue;
    const name = param.slice(0, eq).trim().toLowerCase();
    params[name] = param.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
  }
  return { type: type.trim().toLowerCase(), params };
}

function decodeBody(body, encoding = '7bit') {
  switch (encoding.trim().toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
    case 'quoted-printable':
      return fromQuotedPrintable(body);
    default:
      return Buffer.from(body, 'latin1');
  }
}

const lf = (text) => text.replace(/\r\n/g, '\n');

/** Walks an entity, filling out.text / out.html (first of each) and out.attachments. */
function walk(entity, out) {
  const { headers, body } = splitEntity(entity);
  const { type, params } = parseContentType(headers['content-type']);
  if (type.startsWith('multipart/') && params.boundary) {
    const delimiter = `--${params.boundary}`;
    const escaped = delimiter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const parts = body.split(new RegExp(`(?:^|\\r?\\n)${escaped}`));
    for (const part of parts.slice(1)) {
      if (part.startsWith('--')) break; // the close delimiter
      walk(part.replace(/^[ \t]*\r?\n/, ''), out);
    }
    return out;
  }
  const bytes = decodeBody(body, headers['content-transfer-encoding']);
  const disposition = headers['content-disposition'] ?? '';
  if (type === 'text/plain' && out.text === undefined && !/attachment/i.test(disposition)) {
    out.text = lf(decodeCharset(bytes, params.charset));
  } else if (type === 'text/html' && out.html === undefined && !/attachment/i.test(disposition)) {
    out.html = lf(decodeCharset(bytes, params.charset));
  } else {
    const filename = /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? params.name;
    out.attachments.push({ contentType: type, filename, size: bytes.length, content: bytes });
  }
  return out;
}

/** Parses a whole message (Buffer or string). */
export function parseMail(raw) {
  const bytes = Buffer.isBuffer(raw) ? raw : Buffer.from(raw, 'utf8');
  const entity = bytes.toString('latin1');
  const { headers } = splitEntity(entity);
  const parts = walk(entity, { attachments: [] });
  return {
    raw: bytes.toString('utf8'),
    headers,
    subject: headers.subject ?? '',
    text: parts.text,
    html: parts.html,
    attachments: parts.attachments,
  };
}

// ---- the sink -------------------------------------------------------------------------------

/** Starts the sink; resolves once it accepts connections. */
export async function startSmtpSink({ startTimeoutMs = 10_000 } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kvitka-smtp-'));
  const child = spawn(pythonWithAiosmtpd(), [SCRIPT, '--port', '0', '--dir', dir], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const port = await new Promise((resolve, reject) => {
    let stdout = '';
    const fail = () => reject(new Error(`SMTP sink did not start in ${startTimeoutMs} ms: ${stderr}`));
    const timer = setTimeout(fail, startTimeoutMs);
    child.stdout.on('data', (d) => {
      stdout += d;
      const match = /listening (\d+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`SMTP sink exited (${code}) before listening: ${stderr}`));
    });
    child.once('error', reject);
  });

  const messages = [];
  const loaded = new Set();
  const refresh = () => {
    for (const name of readdirSync(dir).filter((n) => /^\d+\.json$/.test(n)).sort()) {
      if (loaded.has(name)) continue;
      loaded.add(name);
      const record = JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
      messages.push({
        from: record.mail_from,
        to: record.rcpt_tos,
        at: record.at,
        ...parseMail(Buffer.from(record.data_b64, 'base64')),
      });
    }
    return messages;
  };
  let failures = 0;
  let closed = false;

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    dir,
    /** The messages accepted so far (read afresh on every access). */
    get messages() {
      return refresh();
    },
    waitForMessages(count, timeoutMs = 5000) {
      return waitUntil(() => refresh().length >= count, {
        timeoutMs,
        value: () => messages,
        describe: () =>
          `SMTP sink: expected ${count} messages, got ${messages.length}` +
          messages.map((m) => ` | ${m.to.join(',')}: ${m.subject}`).join(''),
      });
    },
    /** The next n RCPT TO (stage 'rcpt') or DATA (stage 'data') commands get `reply`. */
    failNext(n = 1, reply = '451 4.3.0 Try again later', { stage = 'data' } = {}) {
      for (let i = 0; i < n; i += 1) {
        failures += 1;
        const name = `${String(failures).padStart(6, '0')}.json`;
        const temporary = path.join(dir, `fail-${name}.tmp`);
        writeFileSync(temporary, JSON.stringify({ stage, reply }));
        renameSync(temporary, path.join(dir, 'fail', name));
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
      }
      if (process.env.KVITKA_TEST_KEEP !== '1') rmSync(dir, { recursive: true, force: true });
    },
  };
}
