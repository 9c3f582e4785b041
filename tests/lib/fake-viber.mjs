// A loopback fake of the Viber REST bot API (src/channels/viber_bot.cpp): POST
// {base_url}/pa/send_message and /pa/set_webhook with the X-Viber-Auth-Token header; Viber answers
// HTTP 200 with {"status": N, "status_message": "..."} (0 = ok). Also builds and signs callbacks
// (X-Viber-Content-Signature) for the server's Viber webhook.

import { createHmac } from 'node:crypto';
import { extend, FailureQueue, RawJson, reply, startHttpFake, waitForCount } from './fake-http.mjs';

const STATUS = {
  0: 'ok',
  1: 'invalidUrl',
  2: 'invalidAuthToken',
  3: 'badData',
  4: 'missingData',
  5: 'receiverNotRegistered',
  6: 'notSubscribed',
  7: 'publicAccountBlocked',
  10: 'webhookNotSet',
  11: 'receiverNoSuitableDevice',
  12: 'tooManyRequests',
};
const PRESETS = { reject: 6, notSubscribed: 6, notRegistered: 5, blocked: 7, noDevice: 11, badToken: 2 };
const DEFAULT_EVENTS =
  ['delivered', 'seen', 'failed', 'subscribed', 'unsubscribed', 'conversation_started'];

const viberStatus = (status, extra = {}) => ({
  status: 200,
  body: {
    status,
    status_message: STATUS[status] ?? 'general error',
    chat_hostname: 'SN-CHAT-05_',
    ...extra,
  },
});

/** JSON with BigInt values (Viber's 64-bit message tokens) written as plain numbers. */
export function jsonWithBigInts(value) {
  const marked = JSON.stringify(value, (k, v) => (typeof v === 'bigint' ? `\u0000big:${v}` : v));
  return marked.replace(/"\\u0000big:(-?\d+)"/g, '$1');
}

/** {body, headers} of a callback signed as Viber signs it: HMAC-SHA256 of the raw body, hex. */
export function signedCallback(authToken, body) {
  const raw = typeof body === 'string' ? body : jsonWithBigInts(body);
  const signature = createHmac('sha256', authToken).update(raw, 'utf8').digest('hex');
  return {
    body: raw,
    headers: { 'Content-Type': 'application/json', 'X-Viber-Content-Signature': signature },
  };
}

let nextEventToken = 4912661846655238;

/**
 * A callback body as Viber sends it: event is 'message' | 'conversation_started' | 'subscribed' |
 * 'unsubscribed' | 'delivered' | 'seen' | 'failed' | 'webhook'. Options: userId, name, text
 * ('message'), context (conversation_started), subscribed, messageToken (a number, a BigInt or
 * a string of digits such as a `sent` record's message_token: written as a 64-bit number),
 * trackingData, timestamp (ms).
 */
export function viberEvent(event, options = {}) {
  const { userId = '01234567890A=', name = 'Олена', text = 'Привіт', context, subscribed = false,
    messageToken, trackingData, timestamp = Date.now() } = options;
  const token = typeof messageToken === 'string' ? BigInt(messageToken) : messageToken;
  const base = { event, timestamp, chat_hostname: 'SN-CHAT-05_',
    message_token: token ?? nextEventToken++ };
  const user = { id: userId, name, avatar: 'https://media-direct.cdn.viber.com/avatar.jpg',
    country: 'UA', language: 'uk', api_version: 10 };
  switch (event) {
    case 'message': {
      const message = { type: 'text', text };
      if (trackingData !== undefined) message.tracking_data = trackingData;
      return { ...base, sender: user, message, silent: false };
    }
    case 'conversation_started':
      return { ...base, type: 'open', ...(context !== undefined ? { context } : {}), user, subscribed };
    case 'subscribed':
      return { ...base, user };
    case 'unsubscribed':
    case 'delivered':
    case 'seen':
      return { ...base, user_id: userId };
    case 'failed':
      return { ...base, user_id: userId, desc: 'failed because of some reason' };
    case 'webhook':
      return base;
    default:
      throw new Error(`viberEvent: unknown event ${event}`);
  }
}

/**
 * startFakeViber({token, delayMs, requireWebhook, checkWebhook}) -> fake; see tests/lib/fakes.mjs.
 * `token`: the auth token expected (any non-empty one when not given). `requireWebhook`: status 10
 * until set_webhook was called, as Viber does. `checkWebhook`: set_webhook first POSTs a signed
 * "webhook" event to the URL and answers status 1 unless it gets a 200, as Viber does.
 */
export async function startFakeViber({
  token,
  delayMs = 0,
  requireWebhook = false,
  checkWebhook = false,
} = {}) {
  const sent = [];
  const attempts = [];
  const failures = new FailureQueue();
  const unsubscribed = new Set();
  let webhook = null;
  let lastToken = token;
  let nextToken = 5741311803571721087n;

  const fake = await startHttpFake(
    'fake viber',
    async (call, req, res) => {
      const method = /^\/pa\/([a-z_]+)$/.exec(call.pathname)?.[1];
      if (call.httpMethod !== 'POST' || !method) return reply(res, 404, 'Not Found');
      call.method = method;
      const given = call.headers['x-viber-auth-token'];
      if (!given || (token && given !== token)) return reply(res, 200, viberStatus(2).body);
      lastToken = given;
      const body = call.body;
      if (typeof body !== 'object' || Array.isArray(body)) return reply(res, 200, viberStatus(3).body);

      if (method === 'set_webhook') {
        if (!body.url) {
          webhook = null;
          return reply(res, 200, viberStatus(0).body);
        }
        if (checkWebhook) {
          const check = signedCallback(given, viberEvent('webhook'));
          const ok = await fetch(body.url, { method: 'POST', ...check }).then((r) => r.ok, () => false);
          if (!ok) return reply(res, 200, viberStatus(1).body);
        }
        webhook = { url: body.url, event_types: body.event_types ?? DEFAULT_EVENTS,
          send_name: body.send_name, send_photo: body.send_photo, at: call.at };
        return reply(res, 200, viberStatus(0, { event_types: webhook.event_types }).body);
      }
      if (method === 'get_account_info') {
        const account = { id: 'pa:75346594275468546724', name: 'Kvitka Test', uri: 'kvitkatest',
          webhook: webhook?.url ?? '', subscribers_count: 0 };
        return reply(res, 200, viberStatus(0, account).body);
      }
      if (method !== 'send_message') return reply(res, 200, viberStatus(3).body);

      const attempt = { receiver: body.receiver, text: body.text, at: call.at, body };
      attempts.push(attempt);
      let answer = failures.take();
      if (!answer) {
        if (requireWebhook && !webhook) answer = viberStatus(10);
        else if (!body.receiver || !body.type || !body.sender?.name) answer = viberStatus(4);
        else if (body.type === 'text' && !body.text) answer = viberStatus(4);
        else if (String(body.sender.name).length > 28) answer = viberStatus(3);
        else if (unsubscribed.has(body.receiver)) answer = viberStatus(6);
      }
      attempt.httpStatus = answer?.status ?? 200;
      attempt.status = answer ? (typeof answer.body === 'object' ? answer.body.status : undefined) : 0;
      if (answer) return reply(res, answer.status, answer.body, answer.headers);

      const messageToken = String(nextToken);
      nextToken += 1_000_003n;
      sent.push({ receiver: body.receiver, text: body.text, keyboard: body.keyboard,
        sender: body.sender, message_token: messageToken, at: call.at, body });
      // message_token is a 64-bit integer, beyond a double's exact range: written as is.
      return reply(res, 200, new RawJson(`{"status":0,"status_message":"ok",` +
        `"message_token":${messageToken},"chat_hostname":"SN-CHAT-05_","billing_status":1}`));
    },
    { delayMs },
  );

  return extend(fake, {
    sent,
    attempts,
    get webhook() {
      return webhook;
    },
    /** Next n send_message calls fail: 'reject' (6 notSubscribed), 'notRegistered', 'blocked',
     *  'noDevice', 'badToken', 'temporary' (HTTP 500), a Viber status number, or {status, body}. */
    failNext(n = 1, kind = 'reject') {
      let answer;
      if (kind === 'temporary') answer = { status: 500, body: 'Internal Server Error' };
      else if (typeof kind === 'number') answer = viberStatus(kind);
      else if (typeof kind === 'string') {
        if (PRESETS[kind] === undefined) throw new Error(`fake viber: unknown failure ${kind}`);
        answer = viberStatus(PRESETS[kind]);
      } else answer = { status: kind.status ?? 200, body: kind.body ?? {}, headers: kind.headers };
      failures.push(n, answer);
    },
    /** Next n send_message calls get status 12 tooManyRequests, or HTTP 429 with retryAfter. */
    rateLimitNext(n = 1, retryAfter) {
      failures.push(n, retryAfter === undefined
        ? viberStatus(12)
        : { status: 429, body: 'Too Many Requests', headers: { 'Retry-After': String(retryAfter) } });
    },
    /** The user unsubscribes: send_message to them gets status 6 from now on. */
    unsubscribe(userId) {
      unsubscribed.add(userId);
    },
    waitForSent: waitForCount('fake viber', 'send_message calls', sent,
      (m) => `${m.receiver}: ${m.text}`),
    /** POSTs a signed callback (object or raw string) to the webhook (or `url`); the Response. */
    async sendCallback(body, { url = webhook?.url, authToken = lastToken } = {}) {
      if (!url) throw new Error('fake viber: no webhook was set and no url given');
      if (!authToken) throw new Error('fake viber: no auth token known yet: pass authToken');
      return fetch(url, { method: 'POST', ...signedCallback(authToken, body) });
    },
  });
}
