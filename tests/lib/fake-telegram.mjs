// A loopback fake of the Telegram Bot API for the API tests: point the server's Telegram
// base_url at `fake.url`; the adapter (src/channels/telegram_bot.cpp) calls
// POST {base_url}/bot<TOKEN>/<method> with a JSON body. Answers and errors have the Bot API's
// shapes ({"ok":true,"result":...} / {"ok":false,"error_code":N,"description":"..."}).
// The interface is described in tests/lib/fakes.mjs.

import {
  extend,
  FailureQueue,
  minimalGap,
  reply,
  startHttpFake,
  waitForCount,
} from './fake-http.mjs';

const PRESETS = {
  chat_not_found: { status: 400, description: 'Bad Request: chat not found' },
  blocked: { status: 403, description: 'Forbidden: bot was blocked by the user' },
  deactivated: { status: 403, description: 'Forbidden: user is deactivated' },
  too_long: { status: 400, description: 'Bad Request: message is too long' },
  server: { status: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' },
};
const CANT_PARSE_MARKUP = "Bad Request: can't parse reply keyboard markup JSON object";
const NOT_MODIFIED =
  'Bad Request: message is not modified: specified new message content and reply markup are ' +
  'exactly the same as a current content and reply markup of the message';
const WEBHOOK_ACTIVE =
  "Conflict: can't use getUpdates method while webhook is active; " +
  'use deleteWebhook to delete the webhook first';
const POLL_TERMINATED =
  'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running';
const OLD_QUERY =
  'Bad Request: query is too old and response timeout expired or query ID is invalid';
const BUTTON_ACTIONS = ['url', 'callback_data', 'web_app', 'login_url', 'switch_inline_query',
  'switch_inline_query_current_chat', 'callback_game', 'pay'];
// An update's kind, as allowed_updates names it: its one key besides update_id.
const kindOf = (update) => Object.keys(update).find((key) => key !== 'update_id');

const ok = (result, extra = {}) => ({ status: 200, body: { ok: true, result, ...extra } });

function apiError(code, description, parameters) {
  const body = { ok: false, error_code: code, description };
  if (parameters) body.parameters = parameters;
  return { status: code, body };
}

/** {status, body} of a failure: a preset name, or {status?, body?, description?}. */
function failureAnswer(spec = {}) {
  if (typeof spec === 'string') {
    if (!PRESETS[spec]) throw new Error(`fake telegram: unknown failure preset ${spec}`);
    spec = PRESETS[spec];
  }
  if (spec.body !== undefined) {
    return { status: spec.status ?? spec.body?.error_code ?? 400, body: spec.body };
  }
  const code = spec.status ?? 400;
  const fallback = code === 403 ? PRESETS.blocked : PRESETS.chat_not_found;
  return apiError(code, spec.description ?? fallback.description);
}

const unixNow = () => Math.floor(Date.now() / 1000);

/** reply_markup as an object (Telegram also takes it JSON-encoded), or an error answer. */
function readMarkup(value) {
  if (value === undefined || value === null) return { markup: undefined };
  let markup = value;
  if (typeof value === 'string') {
    try {
      markup = JSON.parse(value);
    } catch {
      return { error: apiError(400, CANT_PARSE_MARKUP) };
    }
  }
  const rows = markup?.inline_keyboard;
  if (rows === undefined) return { markup }; // reply keyboards etc. are not checked
  if (!Array.isArray(rows) || !rows.every(Array.isArray)) {
    return { error: apiError(400, CANT_PARSE_MARKUP) };
  }
  for (const button of rows.flat()) {
    if (!button?.text) {
      return { error: apiError(400, 'Bad Request: inline keyboard button text is empty') };
    }
    if (button.callback_data !== undefined && Buffer.byteLength(String(button.callback_data)) > 64) {
      return { error: apiError(400, 'Bad Request: BUTTON_DATA_INVALID') };
    }
    if (!BUTTON_ACTIONS.some((key) => button[key] !== undefined)) {
      return {
        error: apiError(400, "Bad Request: can't parse inline keyboard button: " +
          'Text buttons are unallowed in the inline keyboard'),
      };
    }
  }
  return { markup };
}

export async function startFakeTelegram({
  token = '7000000001:AAKvitkaTestTokenForTheFakeBotApi',
  delayMs = 0,
} = {}) {
  const botId = Number(/^(\d+):/.exec(token)?.[1] ?? 7000000001);
  const bot = { id: botId, is_bot: true, first_name: 'Kvitka Test', username: 'kvitka_test_bot' };
  const sent = []; // accepted sendMessage calls
  const attempts = []; // every sendMessage call, with the status answered
  const answered = [];
  const edited = [];
  const updates = []; // not yet confirmed
  const failures = new FailureQueue();
  const blocked = new Set();
  const messages = new Map(); // "chat:message_id" -> a message the bot sent
  const messageIds = new Map(); // chat -> the last message_id in that chat
  const callbackIds = new Set();
  let nextUpdateId = 100_000_001;
  let nextCallbackId = 4_382_000_000_000_000_001n;
  let allowedUpdates = null; // as getUpdates last asked; Telegram remembers it
  let webhook = null;
  let poll = null; // the held getUpdates: {finish(reason)}

  const nextMessageId = (chatId) => {
    const id = (messageIds.get(String(chatId)) ?? 0) + 1;
    messageIds.set(String(chatId), id);
    return id;
  };
  const chatOf = (chatId, user) => {
    if (/^-?\d+$/.test(String(chatId))) {
      const id = Number(chatId);
      return { id, first_name: user?.first_name ?? 'Олена', type: id < 0 ? 'group' : 'private' };
    }
    const username = String(chatId).replace(/^@/, '');
    return { id: -1001234567890, title: username, username, type: 'channel' };
  };
  const userOf = (chatId, from = {}) => ({
    id: Number(chatId),
    is_bot: false,
    first_name: 'Олена',
    last_name: 'Коваль',
    language_code: 'uk',
    ...from,
  });

  function sendMessage(p, call) {
    if (p.chat_id === undefined || p.chat_id === '') {
      return apiError(400, 'Bad Request: chat_id is empty');
    }
    if (!p.text) return apiError(400, 'Bad Request: message text is empty');
    if (String(p.text).length > 4096) return apiError(400, 'Bad Request: message is too long');
    const { markup, error } = readMarkup(p.reply_markup);
    if (error) return error;
    if (blocked.has(String(p.chat_id))) return failureAnswer('blocked');
    const message = {
      message_id: nextMessageId(p.chat_id),
      from: bot,
      chat: chatOf(p.chat_id),
      date: unixNow(),
      text: String(p.text),
    };
    if (markup?.inline_keyboard) message.reply_markup = markup;
    if (p.link_preview_options) message.link_preview_options = p.link_preview_options;
    messages.set(`${p.chat_id}:${message.message_id}`, message);
    sent.push({
      chat_id: p.chat_id,
      text: p.text,
      reply_markup: markup,
      message_id: message.message_id,
      link_preview_options: p.link_preview_options,
      at: call.at,
      body: p,
    });
    return ok(message);
  }

  function editMessageText(p, call) {
    const message = messages.get(`${p.chat_id}:${p.message_id}`);
    if (!message) return apiError(400, 'Bad Request: message to edit not found');
    if (!p.text) return apiError(400, 'Bad Request: message text is empty');
    const { markup, error } = readMarkup(p.reply_markup);
    if (error) return error;
    const same = JSON.stringify(message.reply_markup) === JSON.stringify(markup);
    if (message.text === String(p.text) && same) return apiError(400, NOT_MODIFIED);
    message.text = String(p.text);
    if (markup) message.reply_markup = markup;
    else delete message.reply_markup;
    message.edit_date = unixNow();
    edited.push({ chat_id: p.chat_id, message_id: Number(p.message_id), text: message.text,
      reply_markup: markup, at: call.at });
    return ok(message);
  }

  /** Drops the updates an offset confirms (a negative one keeps only the last -offset). */
  function confirm(offset) {
    if (offset < 0) updates.splice(0, Math.max(0, updates.length + offset));
    else if (offset > 0) while (updates.length && updates[0].update_id < offset) updates.shift();
  }

  /** allowed_updates of getUpdates or setWebhook: Telegram keeps the last list given. */
  function setAllowedUpdates(value) {
    const list = typeof value === 'string' ? JSON.parse(value) : value;
    if (Array.isArray(list)) allowedUpdates = list.length ? list : null;
  }

  async function getUpdates(p, call, res) {
    if (webhook) return apiError(409, WEBHOOK_ACTIVE);
    setAllowedUpdates(p.allowed_updates);
    confirm(Number(p.offset ?? 0));
    const limit = Math.min(100, Math.max(1, Number(p.limit ?? 100)));
    const timeout = Math.min(50, Math.max(0, Number(p.timeout ?? 0)));
    if (updates.length === 0 && timeout > 0) {
      poll?.finish('conflict'); // Telegram ends an older long poll when a new one comes
      const reason = await new Promise((resolve) => {
        const timer = setTimeout(() => mine.finish('timeout'), timeout * 1000);
        const mine = {
          finish(why) {
            clearTimeout(timer);
            if (poll === mine) poll = null;
            resolve(why);
          },
        };
        poll = mine;
        res.once('close', () => mine.finish('gone'));
      });
      if (reason === 'conflict') return apiError(409, POLL_TERMINATED);
    }
    return ok(updates.slice(0, limit));
  }

  const methods = {
    getme: () => ok({ ...bot, can_join_groups: true, can_read_all_group_messages: false,
      supports_inline_queries: false }),
    sendmessage(p, call) {
      const answer = failures.take() ?? sendMessage(p, call);
      attempts.push({ chat_id: p.chat_id, text: p.text, reply_markup: p.reply_markup,
        status: answer.status, at: call.at, body: p });
      return answer;
    },
    editmessagetext: editMessageText,
    answercallbackquery(p, call) {
      if (!callbackIds.has(String(p.callback_query_id))) return apiError(400, OLD_QUERY);
      answered.push({ callback_query_id: String(p.callback_query_id), text: p.text,
        show_alert: p.show_alert, at: call.at });
      return ok(true);
    },
    getupdates: getUpdates,
    setwebhook(p) {
      if (!p.url) return methods.deletewebhook(p);
      webhook = { url: p.url, secret_token: p.secret_token, allowed_updates: p.allowed_updates };
      setAllowedUpdates(p.allowed_updates);
      if (p.drop_pending_updates === true || p.drop_pending_updates === 'true') updates.length = 0;
      poll?.finish('conflict');
      return ok(true, { description: 'Webhook was set' });
    },
    deletewebhook(p) {
      const had = webhook !== null;
      webhook = null;
      if (p.drop_pending_updates === true || p.drop_pending_updates === 'true') updates.length = 0;
      return ok(true, { description: had ? 'Webhook was deleted' : 'Webhook is already deleted' });
    },
    getwebhookinfo: () => ok({ url: webhook?.url ?? '', has_custom_certificate: false,
      pending_update_count: updates.length }),
    setmycommands: () => ok(true),
    deletemycommands: () => ok(true),
    setmydescription: () => ok(true),
    setmyshortdescription: () => ok(true),
    setchatmenubutton: () => ok(true),
  };

  const fake = await startHttpFake(
    'fake telegram',
    async (call, req, res) => {
      const match = /^\/bot([^/]*)\/([A-Za-z]+)$/.exec(call.pathname);
      if (!match) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      const [, given, method] = match;
      call.method = method;
      if (given !== token) {
        return reply(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
      }
      const p = { ...call.query, ...(typeof call.body === 'object' ? call.body : {}) };
      const handler = methods[method.toLowerCase()];
      const answer = handler ? await handler(p, call, res) : apiError(404, 'Not Found');
      reply(res, answer.status, answer.body);
    },
    { delayMs },
  );

  /**
   * Queues an update for getUpdates (update_id assigned when missing); returns it. Like Telegram,
   * drops it when the bot's last allowed_updates leaves its kind out.
   */
  function pushUpdate(update) {
    const u = { ...update };
    if (u.update_id === undefined) u.update_id = nextUpdateId;
    nextUpdateId = Math.max(nextUpdateId, u.update_id + 1);
    if (allowedUpdates && !allowedUpdates.includes(kindOf(u))) return u;
    updates.push(u);
    updates.sort((a, b) => a.update_id - b.update_id);
    poll?.finish('update');
    return u;
  }

  const incoming = (chatId, from, fields) => {
    const user = userOf(chatId, from);
    const message = { message_id: nextMessageId(chatId), from: user, chat: chatOf(chatId, user),
      date: unixNow(), ...fields(user) };
    return pushUpdate({ message });
  };

  function pushMessage(chatId, text, from = {}) {
    const command = /^\/\S+/.exec(text);
    return incoming(chatId, from, () => ({
      text,
      ...(command ? { entities: [{ offset: 0, length: command[0].length, type: 'bot_command' }] } : {}),
    }));
  }

  function pushContact(chatId, phoneNumber, from = {}) {
    return incoming(chatId, from, (user) => ({
      contact: { phone_number: phoneNumber, first_name: user.first_name, last_name: user.last_name,
        user_id: user.id },
    }));
  }

  function pushCallback(chatId, data, messageId, from = {}) {
    const id = messageId ?? messageIds.get(String(chatId)) ?? 1;
    const user = userOf(chatId, from);
    const message = messages.get(`${chatId}:${id}`) ??
      { message_id: id, from: bot, chat: chatOf(chatId, user), date: unixNow(), text: '…' };
    const callbackId = String(nextCallbackId);
    nextCallbackId += 7919n;
    callbackIds.add(callbackId);
    return pushUpdate({
      callback_query: { id: callbackId, from: user, message, chat_instance: '-5318008123456789012',
        data },
    });
  }

  function pushMemberStatus(chatId, status, from = {}) {
    const user = userOf(chatId, from);
    const old = status === 'kicked' ? 'member' : 'kicked';
    return pushUpdate({
      my_chat_member: {
        chat: chatOf(chatId, user),
        from: user,
        date: unixNow(),
        old_chat_member: { user: bot, status: old },
        new_chat_member: { user: bot, status, ...(status === 'kicked' ? { until_date: 0 } : {}) },
      },
    });
  }

  const closeServer = fake.close;
  return extend(fake, {
    token,
    bot,
    sent,
    attempts,
    answered,
    edited,
    get pending() {
      return updates;
    },
    get webhook() {
      return webhook;
    },
    pushUpdate,
    pushMessage,
    pushContact,
    pushCallback,
    pushMemberStatus,
    blockChat(chatId, { notify = true } = {}) {
      blocked.add(String(chatId));
      if (notify) pushMemberStatus(chatId, 'kicked');
    },
    unblockChat(chatId, { notify = true } = {}) {
      blocked.delete(String(chatId));
      if (notify) pushMemberStatus(chatId, 'member');
    },
    failNext(n = 1, spec = {}) {
      failures.push(n, failureAnswer(spec));
    },
    rateLimitNext(n = 1, retryAfterSeconds = 1) {
      const answer = apiError(429, `Too Many Requests: retry after ${retryAfterSeconds}`,
        { retry_after: retryAfterSeconds });
      failures.push(n, answer);
    },
    waitForSent: waitForCount('fake telegram', 'sendMessage calls', sent,
      (m) => `${m.chat_id}: ${m.text}`),
    perChatGaps({ acceptedOnly = false } = {}) {
      return minimalGap(acceptedOnly ? sent : attempts, (m) => m.chat_id);
    },
    async postToWebhook(update) {
      if (!webhook) throw new Error('fake telegram: no webhook was set');
      const u = { ...update };
      if (u.update_id === undefined) u.update_id = nextUpdateId++;
      const headers = { 'Content-Type': 'application/json' };
      if (webhook.secret_token) headers['X-Telegram-Bot-Api-Secret-Token'] = webhook.secret_token;
      return fetch(webhook.url, { method: 'POST', headers, body: JSON.stringify(u) });
    },
    async close() {
      poll?.finish('closing');
      await closeServer();
    },
  });
}
