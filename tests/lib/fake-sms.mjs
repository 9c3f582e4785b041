// Loopback fakes of the SMS providers the adapters in src/channels/ talk to, answering in each
// provider's own format:
//   turbosms  POST /message/send.json, Authorization: Bearer <token> (turbo_sms.cpp); HTTP 200
//             with {"response_code", "response_status", "response_result": [per recipient]}
//   smsclub   POST /sms/send, Authorization: Bearer <token> (sms_club.cpp);
//             {"success_request": {"info": {"<sms id>": "<phone>"}, "add_info": {refused}}}
//   alphasms  POST /api/json.php, {"auth": <key>, "data": [...]} (alpha_sms.cpp); HTTP 200 with
//             {"success", "data": [{"success", "data": {"msg_id"}} | {"success": false, "error"}]}
//   generic   any method and path (generic_sms_gateway.cpp): the phone, text and sender are
//             looked for in the JSON/form body and the query under common names; answers
//             {"status": "ok", "message_id": "<id>", "result": {"status": 0, "id": "<id>"}};
//             with rejectDuplicates, a request with the `Idempotency-Key` of one it took already
//             is answered as that one was, and not sent again (`attempt.repeated`)
// Delivery reports, asked by the server's "delivery reports" job (status_lookup.h), in each
// provider's format, from what `report(id, ...)` / `setStatus(id, ...)` said of a message
// (else the provider's "on its way"):
//   turbosms  POST /message/status.json {"messages": [ids]} -> {"response_code": 0,
//             "response_result": [{"message_id", "response_code": 0, "status": "Delivered", ...}
//             | {"message_id", "response_code": 414, "response_status": "NOT_ALLOWED_MESSAGE_ID"}]}
//   smsclub   POST /sms/status {"id_sms": [ids]} (at most 100, else 400) ->
//             {"success_request": {"info": {"<id>": "DELIVRD"}}} (unknown ids left out)
//   alphasms  POST /api/json.php with {"type": "status", "msg_id"} items -> per item
//             {"success": true, "data": {"msg_id", "type": "sms", "status": "DELIVERED"}} |
//             {"success": false, "error": "Message not found"}
//   generic   none
// Point the provider's base_url (for generic: the url) at `fake.url`. Codes the adapter tests do
// not name (auth, missing fields) are close to the providers' documentation, not copies of it.
// The interface is described in tests/lib/fakes.mjs.

import { randomUUID } from 'node:crypto';
import { extend, FailureQueue, reply, startHttpFake, waitForCount } from './fake-http.mjs';

const PATHS = { turbosms: '/message/send.json', smsclub: '/sms/send', alphasms: '/api/json.php' };
const STATUS_PATHS = { turbosms: '/message/status.json', smsclub: '/sms/status', alphasms: '/api/json.php' };
// The provider's own status names for report(id, state): state -> name.
const STATUS_NAMES = {
  turbosms: { pending: 'Sent', delivered: 'Delivered', seen: 'Read', undelivered: 'Undelivered' },
  smsclub: { pending: 'ENROUTE', delivered: 'DELIVRD', seen: 'DELIVRD', undelivered: 'UNDELIV' },
  alphasms: { pending: 'ENROUTE', delivered: 'DELIVERED', seen: 'READ', undelivered: 'UNDELIVERABLE' },
};
const TEMPORARY = {
  status: 503,
  body: '<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>',
};
const GSM7 = /^[A-Za-z0-9 \r\n@£$¥èéùìòÇØøÅå_^{}\\[~\]|€ÆæßÉ!"#¤%&'()*+,\-./:;<=>?¡ÄÖÑÜ§¿äöñüà]*$/;

/** SMS parts as a phone counts them: GSM-7 160/153, otherwise UCS-2 70/67. */
function smsParts(text) {
  const units = [...text].length;
  if (GSM7.test(text)) return units <= 160 ? 1 : Math.ceil(units / 153);
  return units <= 70 ? 1 : Math.ceil(units / 67);
}

const digitsOk = (digits) => /^[1-9]\d{8,14}$/.test(digits);
const e164 = (value) => {
  const s = String(value).trim();
  return s.startsWith('+') ? s : `+${s}`;
};
const bearer = (call) => /^Bearer\s+(.+)$/i.exec(call.headers.authorization ?? '')?.[1];
const json = (status, body) => ({ status, body });
const turbo = (code, status, result = null) =>
  json(200, { response_code: code, response_status: status, response_result: result });
const alphaItem = (item, error) => ({ success: false, error, data: { id: item.id } });

// Each provider: auth(call, token) -> a refusal or null; send(call, accept) -> the answer,
// calling accept({to, text, sender, ...}) for each message it takes (-> the record with its id,
// or {duplicate: true}); reject(call) and presets[name](call) -> answers failNext queues.
const PROVIDERS = {
  turbosms: {
    auth(call, token) {
      const given = bearer(call) ?? call.body?.token ?? call.query.token;
      if (!given) return turbo(103, 'REQUIRED_TOKEN');
      if (token && given !== token) return turbo(105, 'REQUIRED_AUTH');
      return null;
    },
    send(call, accept) {
      const body = call.body;
      if (typeof body !== 'object' || Array.isArray(body)) return turbo(502, 'FAILED_PARSE_BODY');
      if (!Array.isArray(body.recipients) || !body.recipients.length) {
        return turbo(301, 'REQUIRED_RECIPIENTS');
      }
      if (!body.sms && !body.viber) return turbo(104, 'REQUIRED_CONTENT');
      const part = body.sms ?? body.viber;
      if (!part.sender) return turbo(302, 'INVALID_MESSAGE_SENDER');
      if (!part.text) return turbo(304, 'INVALID_MESSAGE_TEXT');
      const results = body.recipients.map((phone) => {
        const digits = String(phone).replace(/^\+/, '');
        const refused = (code, status) =>
          ({ phone: String(phone), response_code: code, message_id: null, response_status: status });
        if (!digitsOk(digits)) return refused(305, 'INVALID_PHONE');
        const record = accept({ to: e164(digits), text: part.text, sender: part.sender,
          sms: body.sms, viber: body.viber });
        if (record.duplicate) return refused(427, 'NOT_ALLOWED_MESSAGE_DUPLICATE');
        return { phone: digits, response_code: 0, message_id: record.id, response_status: 'OK' };
      });
      const ok = results.filter((r) => r.response_code === 0).length;
      if (ok === 0 && results.length === 1) {
        return turbo(results[0].response_code, results[0].response_status);
      }
      if (ok === 0) return turbo(305, 'INVALID_PHONE');
      if (ok < results.length) return turbo(802, 'SUCCESS_MESSAGE_PARTIAL_ACCEPTED', results);
      return turbo(800, 'SUCCESS_MESSAGE_ACCEPTED', results);
    },
    reject: () => turbo(305, 'INVALID_PHONE'),
    presets: {
      stoplist: (call) => turbo(802, 'SUCCESS_MESSAGE_PARTIAL_ACCEPTED',
        (call.body?.recipients ?? []).map((p) => ({ phone: String(p), response_code: 404,
          response_status: 'NOT_ALLOWED_NUMBER_STOPLIST' }))),
      balance: () => turbo(203, 'REQUIRED_BALANCE'),
      sender: () => turbo(302, 'INVALID_MESSAGE_SENDER'),
      provider: () => turbo(503, 'FAILED_SEND_MESSAGE'),
    },
  },

  smsclub: {
    auth(call, token) {
      const given = bearer(call);
      if (!given || (token && given !== token)) return json(401, { error: 'Unauthorized' });
      return null;
    },
    send(call, accept) {
      const body = call.body;
      if (typeof body !== 'object' || !Array.isArray(body.phone) || body.phone.length === 0) {
        return json(400, { error: 'phone is required' });
      }
      if (!body.src_addr) return json(400, { error: 'src_addr is invalid' });
      if (!body.message) return json(400, { error: 'message is required' });
      const info = {};
      const refused = {};
      for (const phone of body.phone.map(String)) {
        if (!digitsOk(phone)) {
          refused[phone] = 'Invalid number';
          continue;
        }
        info[accept({ to: e164(phone), text: body.message, sender: body.src_addr }).id] = phone;
      }
      const success = { info: Object.keys(info).length ? info : [] }; // PHP: an empty map is []
      if (Object.keys(refused).length) success.add_info = refused;
      return json(200, { success_request: success });
    },
    reject: (call) => {
      const phones = (call.body?.phone ?? []).map(String);
      const refused = Object.fromEntries(phones.map((p) => [p, 'Invalid number']));
      return json(200, { success_request: { info: [], add_info: refused } });
    },
    presets: {},
  },

  alphasms: {
    auth(call, token) {
      const given = call.body?.auth;
      if (!given || (token && given !== token)) return json(200, { success: false, error: 'Access denied' });
      return null;
    },
    send(call, accept) {
      const items = call.body?.data;
      if (!Array.isArray(items) || !items.length) return json(200, { success: false, error: 'Empty data' });
      const data = items.map((item) => {
        if (item.type !== 'sms') return alphaItem(item, 'Unknown message type');
        const digits = String(item.phone ?? '');
        if (!digitsOk(digits)) return alphaItem(item, 'Error in phone');
        if (!item.sms_signature) return alphaItem(item, 'Error in Alpha-name');
        if (!item.sms_message) return alphaItem(item, 'Empty message');
        const record = accept({ to: e164(digits), text: item.sms_message,
          sender: item.sms_signature, clientId: item.id });
        const parts = smsParts(item.sms_message);
        return { success: true, data: { id: item.id, msg_id: Number(record.id), data: 1, parts } };
      });
      return json(200, { success: true, data });
    },
    reject: (call) =>
      json(200, { success: true, data: (call.body?.data ?? [{}]).map((i) => alphaItem(i, 'Error in phone')) }),
    presets: { denied: () => json(200, { success: false, error: 'Access denied' }) },
  },

  generic: {
    auth: () => null,
    send(call, accept) {
      const body = typeof call.body === 'object' && !Array.isArray(call.body) ? call.body : {};
      const fields = { ...call.query, ...body };
      const pick = (names) => names.map((n) => fields[n]).find((v) => v !== undefined && v !== '');
      const to = pick(['to', 'phone', 'msisdn', 'recipient', 'recipients', 'number', 'destination']);
      const text = pick(['text', 'message', 'body', 'sms', 'content', 'msg']);
      const sender = pick(['sender', 'from', 'src_addr', 'originator', 'sender_id', 'alpha']);
      const phones = (Array.isArray(to) ? to : [to]).filter((p) => p !== undefined);
      if (phones.length === 0) return json(400, { status: 'error', error: 'no recipient' });
      if (!text) return json(400, { status: 'error', error: 'no text' });
      if (phones.some((p) => !digitsOk(String(p).replace(/^\+/, '')))) {
        return json(400, { status: 'error', error: 'invalid phone number' });
      }
      const [id] = phones.map((p) => accept({ to: e164(p), text, sender }).id);
      return json(200, { status: 'ok', message_id: id, result: { status: 0, id } });
    },
    reject: () => json(400, { status: 'error', error: 'invalid phone number' }),
    presets: {},
  },
};

/** "YYYY-MM-DD HH:MM:SS" as TurboSMS writes times. */
const turboTime = (ms) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

// Each provider's answer to a status request: statusOf(id) -> {record, status} or null.
const STATUS_ANSWERS = {
  turbosms(call, statusOf) {
    const ids = call.body?.messages;
    if (!Array.isArray(ids)) return turbo(502, 'FAILED_PARSE_BODY');
    return turbo(0, 'OK', ids.map((id) => {
      const known = statusOf(String(id));
      if (!known) return { message_id: String(id), response_code: 414, response_status: 'NOT_ALLOWED_MESSAGE_ID' };
      return { message_id: String(id), response_code: 0, recipient: known.record.to.slice(1),
        sent: turboTime(known.record.at), updated: turboTime(Date.now()), status: known.status,
        type: 'sms', rejected_status: '', response_status: 'OK' };
    }));
  },
  smsclub(call, statusOf) {
    const ids = call.body?.id_sms;
    if (!Array.isArray(ids) || ids.length === 0) return json(400, { error: 'id_sms is required' });
    if (ids.length > 100) return json(400, { error: 'id_sms: not more than 100' });
    const info = {};
    for (const id of ids.map(String)) {
      const known = statusOf(id);
      if (known) info[id] = known.status;
    }
    return json(200, { success_request: { info: Object.keys(info).length ? info : [] } });
  },
  alphasms(call, statusOf) {
    return json(200, { success: true, data: call.body.data.map((item) => {
      const known = statusOf(String(item.msg_id ?? ''));
      if (!known) return { success: false, error: 'Message not found', data: { msg_id: item.msg_id } };
      return { success: true, data: { msg_id: Number(known.record.id), type: 'sms', status: known.status } };
    }) });
  },
};

export async function startFakeSms({
  provider = 'turbosms',
  token,
  delayMs = 0,
  rejectDuplicates = false,
} = {}) {
  const spec = PROVIDERS[provider];
  if (!spec) throw new Error(`fake sms: unknown provider ${provider} (${Object.keys(PROVIDERS)})`);
  const sent = [];
  const attempts = [];
  const statusCalls = [];
  const statuses = new Map(); // message id -> the provider's status name
  const failures = new FailureQueue();
  const statusFailures = new FailureQueue();
  let nextNumericId = provider === 'alphasms' ? 123_456_789 : 1000;

  const fake = await startHttpFake(
    `fake ${provider}`,
    (call, req, res) => {
      const items = call.body?.data;
      const isStatus = call.httpMethod === 'POST' && call.pathname === STATUS_PATHS[provider] &&
        (provider !== 'alphasms' || (Array.isArray(items) && items.length > 0 &&
          items.every((i) => i?.type === 'status')));
      if (isStatus) {
        statusCalls.push(call);
        const statusOf = (id) => {
          const record = sent.find((m) => m.id === id);
          return record ? { record, status: statuses.get(id) ?? STATUS_NAMES[provider].pending } : null;
        };
        const failed = statusFailures.take();
        const answer = failed ? failed(call) : spec.auth(call, token) ?? STATUS_ANSWERS[provider](call, statusOf);
        return reply(res, answer.status, answer.body, answer.headers);
      }
      const wrongPath = call.pathname !== PATHS[provider] || call.httpMethod !== 'POST';
      if (provider !== 'generic' && wrongPath) return reply(res, 404, 'Not Found');
      const attempt = { at: call.at, body: call.body, path: call.path, headers: call.headers };
      attempts.push(attempt);
      const key = provider === 'generic' && rejectDuplicates ? call.headers['idempotency-key'] : undefined;
      const accept = (message) => {
        const earlier = key && sent.find((m) => m.key === key);
        if (earlier) {
          attempt.repeated = true;
          return earlier;
        }
        const duplicate = (m) => m.to === message.to && m.text === message.text && call.at - m.at < 90_000;
        if (rejectDuplicates && provider !== 'generic' && sent.some(duplicate)) {
          attempt.repeated = true;
          return { duplicate: true };
        }
        const id = provider === 'turbosms' ? randomUUID() : String(nextNumericId++);
        const record = { ...message, id, at: call.at, raw: call.body, path: call.path,
          headers: call.headers, key };
        sent.push(record);
        return record;
      };
      const failure = failures.take();
      const answer = failure ? failure(call) : spec.auth(call, token) ?? spec.send(call, accept);
      attempt.status = answer.status;
      attempt.failed = Boolean(failure);
      reply(res, answer.status, answer.body, answer.headers);
    },
    { delayMs },
  );

  /** A queued failure: 'reject' | 'temporary' | a provider preset | {status, body, headers}. */
  function failure(kind) {
    if (kind === 'reject') return spec.reject;
    if (kind === 'temporary') return () => TEMPORARY;
    if (typeof kind === 'string') {
      if (!spec.presets[kind]) throw new Error(`fake ${provider}: unknown failure ${kind}`);
      return spec.presets[kind];
    }
    const { status = 400, body = {}, headers } = kind;
    return () => ({ status, body, headers });
  }

  return extend(fake, {
    provider,
    sent,
    attempts,
    statusCalls,
    failNext(n = 1, kind = 'reject') {
      failures.push(n, failure(kind));
    },
    /** What the provider says of a message (its id, or a record of `sent`) from now on:
     *  'pending' (on its way), 'delivered', 'seen', 'undelivered'. */
    report(id, state) {
      const name = STATUS_NAMES[provider]?.[state];
      if (!name) throw new Error(`fake ${provider}: no delivery reports for ${state}`);
      statuses.set(typeof id === 'object' ? id.id : String(id), name);
    },
    /** The provider's own status name for a message ('Expired', 'REJECTD', ...). */
    setStatus(id, name) {
      statuses.set(typeof id === 'object' ? id.id : String(id), name);
    },
    /** Next n status requests fail: 'temporary' (HTTP 503) or {status, body, headers}. */
    failStatusNext(n = 1, kind = 'temporary') {
      statusFailures.push(n, kind === 'temporary' ? () => TEMPORARY : () => kind);
    },
    rateLimitNext(n = 1, retryAfter = 1) {
      const answer = { status: 429, body: { error: 'Too Many Requests' },
        headers: { 'Retry-After': String(retryAfter) } };
      failures.push(n, () => answer);
    },
    waitForSent: waitForCount(`fake ${provider}`, 'messages', sent, (m) => `${m.to}: ${m.text}`),
  });
}
