// Self-test of the provider fakes and the SMTP sink: node --test tests/lib/fakes.selftest.mjs
// Sends what the adapters in src/channels/ send and checks the answers are what they parse.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { signedCallback, startFakeSms, startFakeTelegram, startFakeViber, viberEvent } from './fakes.mjs';
import { parseMail, startSmtpSink } from './smtp.mjs';

const execFileP = promisify(execFile);
const post = async (url, body, headers = {}) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, text: await res.clone().text(), json: await res.json().catch(() => undefined) };
};

describe('fake Telegram', () => {
  const token = '123456:ABC-test';
  let tg;
  const call = (method, body = {}, t = token) => post(`${tg.url}/bot${t}/${method}`, body);
  before(async () => {
    tg = await startFakeTelegram({ token });
  });
  after(() => tg.close());

  test('getMe, and 401 for another token', async () => {
    const me = await call('getMe', {});
    assert.equal(me.status, 200);
    assert.deepEqual([me.json.ok, me.json.result.is_bot, me.json.result.username, me.json.result.id], [true, true, 'kvitka_test_bot', 123456]);
    const bad = await call('getMe', {}, '123456:wrong');
    assert.equal(bad.status, 401);
    assert.deepEqual(bad.json, { ok: false, error_code: 401, description: 'Unauthorized' });
    assert.equal((await call('noSuchMethod')).status, 404);
  });

  test('sendMessage is recorded and answered with a message', async () => {
    const markup = { inline_keyboard: [[{ text: 'Підтвердити', callback_data: 'confirm:1' }, { text: 'Мій запис', url: 'https://k.example/m' }]] };
    const r = await call('sendMessage', { chat_id: 5001, text: 'Нагадуємо', reply_markup: markup, link_preview_options: { is_disabled: true } });
    assert.equal(r.status, 200);
    assert.equal(r.json.ok, true);
    assert.equal(typeof r.json.result.message_id, 'number');
    assert.deepEqual(r.json.result.chat, { id: 5001, first_name: 'Олена', type: 'private' });
    const [sent] = await tg.waitForSent(1, 1000);
    assert.deepEqual([sent.chat_id, sent.text, sent.reply_markup], [5001, 'Нагадуємо', markup]);
    assert.ok(Math.abs(sent.at - Date.now()) < 1000);
    const long = await call('sendMessage', { chat_id: 5001, text: 'x'.repeat(4097) });
    assert.deepEqual(long.json, { ok: false, error_code: 400, description: 'Bad Request: message is too long' });
    const data = await call('sendMessage', { chat_id: 5001, text: 'x', reply_markup: { inline_keyboard: [[{ text: 'a', callback_data: 'y'.repeat(65) }]] } });
    assert.equal(data.json.description, 'Bad Request: BUTTON_DATA_INVALID');
    assert.equal(tg.sent.length, 1);
  });

  test('failNext and rateLimitNext answer the next sendMessage calls', async () => {
    const before = tg.sent.length;
    tg.failNext(1);
    tg.failNext(1, { status: 403, description: 'Forbidden: bot was blocked by the user' });
    tg.rateLimitNext(1, 7);
    const first = await call('sendMessage', { chat_id: 5002, text: 'a' });
    assert.equal(first.status, 400);
    assert.deepEqual(first.json, { ok: false, error_code: 400, description: 'Bad Request: chat not found' });
    const second = await call('sendMessage', { chat_id: 5002, text: 'a' });
    assert.deepEqual([second.status, second.json.error_code, second.json.description], [403, 403, 'Forbidden: bot was blocked by the user']);
    const third = await call('sendMessage', { chat_id: 5002, text: 'a' });
    assert.equal(third.status, 429);
    assert.deepEqual(third.json, { ok: false, error_code: 429, description: 'Too Many Requests: retry after 7', parameters: { retry_after: 7 } });
    assert.equal((await call('sendMessage', { chat_id: 5002, text: 'a' })).status, 200);
    assert.equal(tg.sent.length, before + 1);
    assert.deepEqual(tg.attempts.filter((a) => a.chat_id === 5002).map((a) => a.status), [400, 403, 429, 200]);
  });

  test('waitForSent rejects with what arrived', async () => {
    await assert.rejects(tg.waitForSent(99, 100), /fake telegram: expected 99 sendMessage calls, got \d+: 5001: Нагадуємо/);
  });

  test('perChatGaps is the shortest interval between two sends to one chat', async () => {
    const t = await startFakeTelegram({ token });
    const send = (chat) => post(`${t.url}/bot${token}/sendMessage`, { chat_id: chat, text: 'hi' });
    assert.equal(t.perChatGaps(), Infinity);
    await send(1);
    await send(2);
    await new Promise((r) => setTimeout(r, 150));
    await send(1);
    const gap = t.perChatGaps();
    assert.ok(gap >= 140 && gap < 1000, `gap ${gap}`);
    await t.close();
  });

  test('getUpdates: offset confirms, timeout long-polls until an update comes', async () => {
    const first = tg.pushMessage(777, '/start abc');
    const second = tg.pushMessage(777, 'Привіт');
    assert.equal(second.update_id, first.update_id + 1);
    assert.deepEqual(first.message.entities, [{ offset: 0, length: 6, type: 'bot_command' }]);
    let r = await call('getUpdates', { offset: 0, timeout: 0, allowed_updates: ['message', 'callback_query', 'my_chat_member'] });
    assert.deepEqual(r.json.result.map((u) => u.update_id), [first.update_id, second.update_id]);
    assert.equal(r.json.result[0].message.chat.id, 777);
    assert.equal(r.json.result[0].message.from.id, 777);
    r = await call('getUpdates', { offset: second.update_id, timeout: 0 });
    assert.deepEqual(r.json.result.map((u) => u.update_id), [second.update_id]);

    const started = Date.now();
    setTimeout(() => tg.pushCallback(777, 'confirm:9'), 300);
    r = await call('getUpdates', { offset: second.update_id + 1, timeout: 5 });
    const waited = Date.now() - started;
    assert.ok(waited >= 250 && waited < 3000, `waited ${waited}`);
    assert.equal(r.json.result.length, 1);
    const query = r.json.result[0].callback_query;
    assert.equal(query.data, 'confirm:9');
    assert.equal(query.message.chat.id, 777);

    const empty = Date.now();
    r = await call('getUpdates', { offset: r.json.result[0].update_id + 1, timeout: 1 });
    assert.deepEqual(r.json, { ok: true, result: [] });
    assert.ok(Date.now() - empty >= 900);
    assert.equal(tg.pending.length, 0);
    tg.pushUpdate({ edited_message: { message_id: 1, chat: { id: 777 }, text: 'x' } });
    assert.equal(tg.pending.length, 0, 'allowed_updates of the last getUpdates leave edited_message out');

    assert.deepEqual((await call('answerCallbackQuery', { callback_query_id: query.id })).json, { ok: true, result: true });
    assert.equal(tg.answered[0].callback_query_id, query.id);
    const unknown = await call('answerCallbackQuery', { callback_query_id: '42' });
    assert.equal(unknown.status, 400);
  });

  test('a second long poll ends the first with 409; a webhook blocks getUpdates', async () => {
    const firstPoll = call('getUpdates', { timeout: 5 });
    await new Promise((r) => setTimeout(r, 100));
    const secondPoll = call('getUpdates', { timeout: 1 });
    const ended = await firstPoll;
    assert.equal(ended.status, 409);
    assert.match(ended.json.description, /terminated by other getUpdates request/);
    assert.equal((await secondPoll).status, 200);

    assert.equal((await call('setWebhook', { url: 'http://127.0.0.1:1/tg', secret_token: 's3cret' })).json.description, 'Webhook was set');
    assert.deepEqual(tg.webhook, { url: 'http://127.0.0.1:1/tg', secret_token: 's3cret', allowed_updates: undefined });
    assert.equal((await call('getUpdates', { timeout: 0 })).status, 409);
    assert.deepEqual((await call('deleteWebhook', { drop_pending_updates: false })).json, { ok: true, result: true, description: 'Webhook was deleted' });
    assert.equal(tg.webhook, null);
  });

  test('editMessageText and blockChat', async () => {
    const sent = (await call('sendMessage', { chat_id: 9, text: 'v1' })).json.result;
    const edit = await call('editMessageText', { chat_id: 9, message_id: sent.message_id, text: 'v2' });
    assert.equal(edit.json.result.text, 'v2');
    assert.match((await call('editMessageText', { chat_id: 9, message_id: sent.message_id, text: 'v2' })).json.description, /not modified/);
    tg.blockChat(9);
    const blocked = await call('sendMessage', { chat_id: 9, text: 'v3' });
    assert.deepEqual([blocked.status, blocked.json.description], [403, 'Forbidden: bot was blocked by the user']);
    assert.equal(tg.pending.at(-1).my_chat_member.new_chat_member.status, 'kicked');
  });
});

describe('fake SMS providers', () => {
  test('TurboSMS: the adapter request, 800 with per-recipient ids', async () => {
    const sms = await startFakeSms({ provider: 'turbosms', token: 'turbo-token' });
    const url = `${sms.url}/message/send.json`;
    const body = { recipients: ['380671234567'], sms: { sender: 'Kvitka', text: 'Нагадуємо: завтра о 10:00' } };
    const r = await post(url, body, { Authorization: 'Bearer turbo-token' });
    assert.equal(r.status, 200);
    assert.equal(r.json.response_code, 800);
    assert.equal(r.json.response_status, 'SUCCESS_MESSAGE_ACCEPTED');
    const [result] = r.json.response_result;
    assert.deepEqual([result.phone, result.response_code, result.response_status], ['380671234567', 0, 'OK']);
    assert.match(result.message_id, /^[0-9a-f-]{36}$/);
    const [sent] = await sms.waitForSent(1);
    assert.deepEqual([sent.to, sent.text, sent.sender, sent.id], ['+380671234567', 'Нагадуємо: завтра о 10:00', 'Kvitka', result.message_id]);
    assert.deepEqual(sent.raw, body);

    assert.equal((await post(url, body, { Authorization: 'Bearer nope' })).json.response_code, 105);
    assert.equal((await post(url, { ...body, recipients: ['0671234567'] }, { Authorization: 'Bearer turbo-token' })).json.response_code, 305);
    sms.failNext(1, 'reject');
    sms.failNext(1, 'temporary');
    sms.failNext(1, 'stoplist');
    sms.rateLimitNext(1, 7);
    const auth = { Authorization: 'Bearer turbo-token' };
    assert.deepEqual((await post(url, body, auth)).json, { response_code: 305, response_status: 'INVALID_PHONE', response_result: null });
    assert.equal((await post(url, body, auth)).status, 503);
    const stop = (await post(url, body, auth)).json;
    assert.deepEqual([stop.response_code, stop.response_result[0].response_code], [802, 404]);
    const limited = await post(url, body, auth);
    assert.deepEqual([limited.status, limited.headers.get('retry-after')], [429, '7']);
    assert.equal(sms.sent.length, 1);
    await sms.close();
  });

  test('SMS Club: success_request.info maps the sms id to the phone', async () => {
    const sms = await startFakeSms({ provider: 'smsclub' });
    const url = `${sms.url}/sms/send`;
    const body = { phone: ['380989361131'], message: 'Ваш запис', src_addr: 'VashZakaz' };
    const r = await post(url, body, { Authorization: 'Bearer club-token' });
    const [[id, phone]] = Object.entries(r.json.success_request.info);
    assert.equal(phone, '380989361131');
    assert.equal(sms.sent[0].id, id);
    assert.equal(sms.sent[0].to, '+380989361131');
    assert.equal((await post(url, body)).status, 401);
    sms.failNext(1, 'reject');
    const refused = await post(url, body, { Authorization: 'Bearer club-token' });
    assert.deepEqual(refused.json, { success_request: { info: [], add_info: { '380989361131': 'Invalid number' } } });
    await sms.close();
  });

  test('AlphaSMS: success with msg_id per message; Access denied', async () => {
    const sms = await startFakeSms({ provider: 'alphasms', token: 'alpha-key', delayMs: 100 });
    const url = `${sms.url}/api/json.php`;
    const body = { auth: 'alpha-key', data: [{ type: 'sms', id: 1700000000000001, phone: 380971234567, sms_signature: 'SMSTest', sms_message: 'Нагадуємо про запис' }] };
    const started = Date.now();
    const r = await post(url, body);
    assert.ok(Date.now() - started >= 90);
    assert.equal(r.json.success, true);
    assert.equal(r.json.data[0].success, true);
    assert.equal(r.json.data[0].data.msg_id, Number(sms.sent[0].id));
    assert.equal(sms.sent[0].to, '+380971234567');
    assert.deepEqual((await post(url, { ...body, auth: 'x' })).json, { success: false, error: 'Access denied' });
    sms.failNext(1, 'reject');
    const refused = await post(url, body);
    assert.deepEqual([refused.json.success, refused.json.data[0].success, refused.json.data[0].error], [true, false, 'Error in phone']);
    await sms.close();
  });

  test('delivery reports: each provider answers status requests in its own format', async () => {
    const turbo = await startFakeSms({ provider: 'turbosms', token: 't' });
    const auth = { Authorization: 'Bearer t' };
    await post(`${turbo.url}/message/send.json`, { recipients: ['380671234567', '380671234568'], sms: { sender: 'K', text: 'x' } }, auth);
    const [first, second] = turbo.sent;
    turbo.report(first, 'delivered');
    const status = await post(`${turbo.url}/message/status.json`, { messages: [first.id, second.id, 'nope'] }, auth);
    assert.equal(status.json.response_code, 0);
    assert.deepEqual(status.json.response_result.map((r) => [r.message_id, r.response_code, r.status]),
      [[first.id, 0, 'Delivered'], [second.id, 0, 'Sent'], ['nope', 414, undefined]]);
    assert.equal((await post(`${turbo.url}/message/status.json`, { messages: [first.id] })).json.response_code, 103);
    turbo.failStatusNext(1);
    assert.equal((await post(`${turbo.url}/message/status.json`, { messages: [first.id] }, auth)).status, 503);
    assert.deepEqual([turbo.statusCalls.length, turbo.attempts.length], [3, 1]);
    await turbo.close();

    const club = await startFakeSms({ provider: 'smsclub' });
    const clubAuth = { Authorization: 'Bearer c' };
    await post(`${club.url}/sms/send`, { phone: ['380989361131'], message: 'x', src_addr: 'K' }, clubAuth);
    club.setStatus(club.sent[0], 'REJECTD');
    const clubStatus = await post(`${club.url}/sms/status`, { id_sms: [club.sent[0].id, '9'] }, clubAuth);
    assert.deepEqual(clubStatus.json, { success_request: { info: { [club.sent[0].id]: 'REJECTD' } } });
    assert.equal((await post(`${club.url}/sms/status`, { id_sms: Array.from({ length: 101 }, (_, i) => String(i)) }, clubAuth)).status, 400);
    await club.close();

    const alpha = await startFakeSms({ provider: 'alphasms', token: 'k' });
    await post(`${alpha.url}/api/json.php`, { auth: 'k', data: [{ type: 'sms', id: 1, phone: 380971234567, sms_signature: 'K', sms_message: 'x' }] });
    alpha.report(alpha.sent[0], 'seen');
    const alphaStatus = await post(`${alpha.url}/api/json.php`, { auth: 'k', data: [{ type: 'status', msg_id: Number(alpha.sent[0].id) }, { type: 'status', msg_id: 5 }] });
    assert.deepEqual(alphaStatus.json, { success: true, data: [
      { success: true, data: { msg_id: Number(alpha.sent[0].id), type: 'sms', status: 'READ' } },
      { success: false, error: 'Message not found', data: { msg_id: 5 } }] });
    assert.deepEqual([alpha.attempts.length, alpha.statusCalls.length], [1, 1]);
    await alpha.close();
  });

  test('generic: finds phone and text in a JSON body or the query', async () => {
    const sms = await startFakeSms({ provider: 'generic' });
    const r = await post(`${sms.url}/api/sms`, { to: '+380671234567', msisdn: '380671234567', message: 'Рядок 1\n"Лапки"', flash: false }, { 'X-Api-Key': 'gw' });
    assert.deepEqual(r.json, { status: 'ok', message_id: '1000', result: { status: 0, id: '1000' } });
    const get = await fetch(`${sms.url}/send?to=380671234567&text=Hi%20there`);
    assert.equal(get.status, 200);
    assert.deepEqual(sms.sent.map((m) => [m.to, m.text]), [['+380671234567', 'Рядок 1\n"Лапки"'], ['+380671234567', 'Hi there']]);
    assert.equal(sms.sent[0].headers['x-api-key'], 'gw');
    sms.failNext(1, 'temporary');
    assert.equal((await post(`${sms.url}/api/sms`, { to: '+380671234567', text: 'x' })).status, 503);
    await assert.rejects(sms.waitForSent(3, 50), /fake generic: expected 3 messages, got 2/);
    await sms.close();
  });
});

describe('fake Viber', () => {
  test('send_message checks the token and answers a 64-bit message_token', async () => {
    const viber = await startFakeViber({ token: 'viber-token' });
    const url = `${viber.url}/pa/send_message`;
    const keyboard = { Type: 'keyboard', DefaultHeight: false, Buttons: [{ Columns: 6, Rows: 1, ActionType: 'reply', ActionBody: 'confirm:7', Text: 'Підтвердити' }] };
    const body = { receiver: '01234567890A=', type: 'text', text: 'Нагадуємо', sender: { name: 'Салон Квітка' }, keyboard };
    const r = await post(url, body, { 'X-Viber-Auth-Token': 'viber-token' });
    assert.equal(r.json.status, 0);
    assert.equal(r.json.status_message, 'ok');
    assert.match(r.text, /"message_token":5741311803571721087[,}]/);
    const [sent] = await viber.waitForSent(1);
    assert.deepEqual([sent.receiver, sent.text, sent.keyboard, sent.message_token], ['01234567890A=', 'Нагадуємо', keyboard, '5741311803571721087']);
    assert.equal((await post(url, body, { 'X-Viber-Auth-Token': 'other' })).json.status, 2);
    viber.failNext(1);
    viber.failNext(1, 'temporary');
    viber.rateLimitNext(1);
    const auth = { 'X-Viber-Auth-Token': 'viber-token' };
    assert.deepEqual([(await post(url, body, auth)).json.status, (await post(url, body, auth)).status, (await post(url, body, auth)).json.status], [6, 500, 12]);
    const hook = await post(`${viber.url}/pa/set_webhook`, { url: 'https://k.example/viber', event_types: ['subscribed'], send_name: true, send_photo: false }, auth);
    assert.deepEqual([hook.json.status, hook.json.event_types], [0, ['subscribed']]);
    assert.equal(viber.webhook.url, 'https://k.example/viber');
    await viber.close();
  });

  test('signedCallback signs with HMAC-SHA256 hex (RFC 4231 case 2)', async () => {
    const signed = signedCallback('Jefe', 'what do ya want for nothing?');
    assert.equal(signed.headers['X-Viber-Content-Signature'], '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    const event = viberEvent('conversation_started', { context: 'link-tok_123' });
    assert.equal(JSON.parse(signedCallback('t', event).body).context, 'link-tok_123');
    assert.equal(viberEvent('message', { text: 'Так' }).message.text, 'Так');
    const delivered = signedCallback('t', viberEvent('delivered', { messageToken: '5741311803571721087', timestamp: 1 })).body;
    assert.match(delivered, /"timestamp":1,.*"message_token":5741311803571721087[,}]/);
  });

  test('checkWebhook posts a signed webhook event before accepting set_webhook', async () => {
    const seen = [];
    let answer = 500;
    const receiver = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (d) => (raw += d));
      req.on('end', () => {
        seen.push({ raw, signature: req.headers['x-viber-content-signature'] });
        res.writeHead(answer).end();
      });
    });
    await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
    const hookUrl = `http://127.0.0.1:${receiver.address().port}/viber`;
    const viber = await startFakeViber({ checkWebhook: true });
    const setHook = () => post(`${viber.url}/pa/set_webhook`, { url: hookUrl }, { 'X-Viber-Auth-Token': 'tok' });
    assert.deepEqual([(await setHook()).json.status, viber.webhook], [1, null]);
    answer = 200;
    assert.equal((await setHook()).json.status, 0);
    assert.equal(viber.webhook.url, hookUrl);
    assert.equal(JSON.parse(seen[1].raw).event, 'webhook');
    assert.equal(seen[1].signature, signedCallback('tok', seen[1].raw).headers['X-Viber-Content-Signature']);
    const callback = await viber.sendCallback(viberEvent('subscribed'));
    assert.equal(callback.status, 200);
    assert.equal(JSON.parse(seen[2].raw).event, 'subscribed');
    assert.equal(seen[2].signature, signedCallback('tok', seen[2].raw).headers['X-Viber-Content-Signature']);
    await viber.close();
    await new Promise((r) => receiver.close(r));
  });
});

describe('SMTP sink', () => {
  let sink;
  before(async () => {
    sink = await startSmtpSink();
  });
  after(() => sink.close());

  const b64 = (text) => Buffer.from(text.replace(/\n/g, '\r\n')).toString('base64').replace(/.{76}/g, '$&\r\n');
  const kvitkaLikeMail = [
    'Date: Tue, 15 Jul 2025 10:00:00 +0000',
    'From: =?UTF-8?B?0KHQsNC70L7QvSDQmtCy0ZbRgtC60LA=?= <hello@kvitka.example>',
    'To: olena@example.com',
    `Subject: =?UTF-8?B?${Buffer.from('Запис підтверджено: 18 липня о 10').toString('base64')}?=\r\n =?UTF-8?B?${Buffer.from(':00, майстер Олена').toString('base64')}?=`,
    'Message-ID: <abc123@kvitka.example>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="=_kvitka_abc123"',
    '',
    '--=_kvitka_abc123',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    b64('Чекаємо вас 18 липня о 10:00.\n.\n..крапки на початку рядка'),
    '--=_kvitka_abc123',
    'Content-Type: text/html; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    b64('<p>Чекаємо вас <b>18 липня</b> о 10:00.</p>'),
    '--=_kvitka_abc123--',
    '',
  ].join('\r\n');

  const curlSend = async (file, rcpt = 'olena@example.com') => {
    await execFileP('curl', ['-sS', '--url', sink.url, '--mail-from', 'hello@kvitka.example', '--mail-rcpt', rcpt, '--upload-file', file]);
  };

  test('receives a message over SMTP and parses it', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kvitka-smtp-test-'));
    const file = path.join(dir, 'mail.eml');
    writeFileSync(file, kvitkaLikeMail);
    await curlSend(file);
    const [mail] = await sink.waitForMessages(1, 5000);
    assert.equal(mail.from, 'hello@kvitka.example');
    assert.deepEqual(mail.to, ['olena@example.com']);
    assert.equal(mail.subject, 'Запис підтверджено: 18 липня о 10:00, майстер Олена');
    assert.equal(mail.headers.from, 'Салон Квітка <hello@kvitka.example>');
    assert.equal(mail.text, 'Чекаємо вас 18 липня о 10:00.\n.\n..крапки на початку рядка');
    assert.equal(mail.html, '<p>Чекаємо вас <b>18 липня</b> о 10:00.</p>');
    assert.match(mail.raw, /Message-ID: <abc123@kvitka.example>/);
  });

  test('failNext makes DATA or RCPT fail', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kvitka-smtp-test-'));
    const file = path.join(dir, 'mail.eml');
    writeFileSync(file, 'Subject: plain\r\n\r\nhello\r\n');
    const count = sink.messages.length;
    sink.failNext(1, '550 5.1.1 No such user', { stage: 'rcpt' });
    await assert.rejects(curlSend(file), /550/);
    sink.failNext(1, '451 4.3.0 Try again later');
    await assert.rejects(curlSend(file), /Weird server reply/); // curl's words for a 451 after DATA
    await curlSend(file);
    const messages = await sink.waitForMessages(count + 1);
    assert.equal(messages.at(-1).text, 'hello\n');
    await assert.rejects(sink.waitForMessages(count + 2, 100), /SMTP sink: expected \d+ messages, got \d+/);
  });

  test('parseMail decodes quoted-printable, Q-encoded words and other charsets', () => {
    const mail = parseMail([
      'Subject: =?utf-8?Q?=D0=9F=D1=80=D0=B8=D0=B2=D1=96=D1=82_=D1=81=D0=B2=D1=96=D1=82?= !',
      'Content-Type: text/plain; charset=koi8-u',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'long =',
      'line =F0=D2=C9=D7=A6=D4',
    ].join('\r\n'));
    assert.equal(mail.subject, 'Привіт світ !');
    assert.equal(mail.text, 'long line Привіт');
  });
});
