// The common part of the loopback provider fakes (fake-telegram.mjs, fake-sms.mjs,
// fake-viber.mjs): an HTTP server on 127.0.0.1 with a free port that records every request,
// queues of canned failures, and waiting for recorded items. Test code only.

import http from 'node:http';

/** Request body as text: JSON -> object, form -> object, anything else -> the string. */
export function parseBody(raw, contentType = '') {
  if (raw === '') return {};
  const type = contentType.toLowerCase();
  if (type.includes('x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** Object.assign that keeps getters as getters (Object.assign would copy their current value). */
export function extend(target, source) {
  return Object.defineProperties(target, Object.getOwnPropertyDescriptors(source));
}

/** A JSON body with big integers written as they are (e.g. Viber's message tokens). */
export class RawJson {
  constructor(text) {
    this.text = text;
  }
}

/** Writes an answer: an object goes as JSON, a RawJson as it is, a string as text/plain. */
export function reply(res, status, body = {}, headers = {}) {
  if (res.destroyed || res.writableEnded) return;
  let text;
  let type;
  if (body instanceof RawJson) {
    [text, type] = [body.text, 'application/json'];
  } else if (typeof body === 'string') {
    [text, type] = [body, 'text/plain; charset=utf-8'];
  } else {
    [text, type] = [JSON.stringify(body), 'application/json'];
  }
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls `ready()` until it is true; rejects after timeoutMs with `describe()` in the message.
 * Resolves with `value()`.
 */
export async function waitUntil(ready, { timeoutMs = 5000, value = () => undefined, describe }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (ready()) return value();
    if (Date.now() >= deadline) {
      throw new Error(`${describe()} (waited ${timeoutMs} ms)`);
    }
    await sleep(10);
  }
}

/** waitForSent(count, timeoutMs) of a fake: resolves with `list` once it has `count` items. */
export function waitForCount(name, what, list, describeItem) {
  return (count, timeoutMs = 5000) =>
    waitUntil(() => list.length >= count, {
      timeoutMs,
      value: () => list,
      describe: () =>
        `${name}: expected ${count} ${what}, got ${list.length}` +
        (list.length ? `: ${list.map(describeItem).join(' | ')}` : ''),
    });
}

/** Canned answers for the next n calls of a kind, in the order queued. */
export class FailureQueue {
  constructor() {
    this.items = [];
  }
  push(n, answer) {
    for (let i = 0; i < n; i += 1) this.items.push(answer);
  }
  take() {
    return this.items.shift();
  }
  get size() {
    return this.items.length;
  }
}

/** The shortest interval in ms between two items with the same key (Infinity when none). */
export function minimalGap(items, keyOf) {
  const last = new Map();
  let gap = Infinity;
  for (const item of [...items].sort((a, b) => a.at - b.at)) {
    const key = String(keyOf(item));
    if (last.has(key)) gap = Math.min(gap, item.at - last.get(key));
    last.set(key, item.at);
  }
  return gap;
}

/**
 * Starts an HTTP server on 127.0.0.1:0. `handle(call, req, res)` answers; `call` is what gets
 * recorded in `calls`: {httpMethod, path, query, headers, raw, body, at}, and `status` once
 * answered. `delayMs` (changeable later on the returned object) holds every answer back.
 */
export async function startHttpFake(name, handle, { delayMs = 0 } = {}) {
  const calls = [];
  const fake = { calls, delayMs };
  const server = http.createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url, 'http://127.0.0.1');
    const call = {
      httpMethod: req.method,
      path: req.url,
      pathname: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      raw,
      body: parseBody(raw, req.headers['content-type']),
      at: Date.now(),
    };
    calls.push(call);
    const writeHead = res.writeHead.bind(res);
    res.writeHead = (status, ...rest) => {
      call.status = status;
      return writeHead(status, ...rest);
    };
    try {
      if (fake.delayMs > 0) await sleep(fake.delayMs);
      await handle(call, req, res);
    } catch (error) {
      reply(res, 500, `${name} fake failed: ${error.stack || error}`);
    }
  });
  server.keepAliveTimeout = 30_000;
  server.headersTimeout = 35_000;
  server.requestTimeout = 0; // long polls may be held for up to 50 s
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  let closed = false;
  Object.assign(fake, {
    server,
    port,
    url: `http://127.0.0.1:${port}`,
    async close() {
      if (closed) return;
      closed = true;
      await new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  });
  return fake;
}
