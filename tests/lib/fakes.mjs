// Loopback fakes of the message providers, for API tests that check what the real `kvitka`
// binary sends. Each listens on 127.0.0.1 on a free port (keep-alive, JSON bodies), records
// every request with `at` = Date.now(), and answers in the provider's own format, exactly as the
// adapters in src/channels/ parse it. Start one, point the channel's base URL at `fake.url`, and
// close it in an after() hook. The email sink is in smtp.mjs.
//
// Common to every fake:
//   url, port                 'http://127.0.0.1:PORT'
//   calls                     every request: {method?, httpMethod, path, pathname, query, headers,
//                             raw, body, at, status}
//   sent                      accepted messages only; `attempts` has every send, failed ones too
//   waitForSent(count, timeoutMs = 5000) -> sent, or rejects saying what did arrive
//   delayMs                   (option and property) holds every answer back
//   close()
//
// startFakeTelegram({token = '7000000001:AAKvitka...', delayMs}) — base_url; the adapter calls
//   /bot<TOKEN>/<method>; another token gets 401 {"ok":false,"error_code":401,"description":"Unauthorized"}.
//   Methods: getMe (username 'kvitka_test_bot'), sendMessage, editMessageText, answerCallbackQuery,
//   getUpdates (offset confirms, timeout long-polls, a second poll ends the first with 409, 409
//   while a webhook is set), setWebhook, deleteWebhook, getWebhookInfo, setMyCommands.
//   sent: [{chat_id, text, reply_markup, message_id, link_preview_options, at, body}]
//   attempts: [{chat_id, text, reply_markup, status, at, body}]
//   answered: [{callback_query_id, text, show_alert, at}]   edited: [{chat_id, message_id, text, ...}]
//   pending (updates not yet confirmed), webhook ({url, secret_token, allowed_updates} or null)
//   pushUpdate(update) -> update (update_id assigned when missing; dropped, as Telegram does,
//     when the last allowed_updates of getUpdates/setWebhook leaves its kind out)
//   pushMessage(chatId, text, from?) / pushContact(chatId, phone, from?) -> update
//   pushCallback(chatId, data, messageId?, from?) -> update (messageId: the last in that chat)
//   pushMemberStatus(chatId, 'kicked' | 'member', from?) -> update
//   blockChat(chatId, {notify = true}) / unblockChat(...): sendMessage there gets 403
//   failNext(n, {status, body} | {status, description} | 'chat_not_found' | 'blocked' |
//     'deactivated' | 'too_long' | 'server')   (default: 400 "Bad Request: chat not found")
//   rateLimitNext(n, retryAfterSeconds): 429 {"ok":false,"error_code":429,
//     "description":"Too Many Requests: retry after X","parameters":{"retry_after":X}}
//   perChatGaps({acceptedOnly = false}) -> shortest ms between two sendMessage calls to one chat
//     (Infinity when no chat got two)
//   postToWebhook(update) -> Response (POST to the set webhook with its secret header)
//
// startFakeSms({provider: 'turbosms'|'smsclub'|'alphasms'|'generic', token?, delayMs,
//   rejectDuplicates}) — base_url (generic: its url, any path and method); rejectDuplicates: as
//   TurboSMS, the same text to the same phone within 90 s is refused (code 427); generic: a
//   request with an Idempotency-Key it took already is answered as before, not sent again
//   sent: [{to ('+380...'), text, sender, id (the provider's message id), at, raw (request
//     body), path, headers, key, ...}]   attempts: [{at, body, path, headers, status, failed,
//     repeated}]
//   failNext(n, 'reject' | 'temporary' | preset | {status, body, headers}): 'reject' is the
//     provider's refusal of the number, 'temporary' HTTP 503; presets: turbosms 'stoplist',
//     'balance', 'sender', 'provider' (code 503); alphasms 'denied'
//   rateLimitNext(n, retryAfter): HTTP 429 with Retry-After
//   Delivery reports (not for generic), in each provider's format (fake-sms.mjs):
//   turbosms POST /message/status.json, smsclub POST /sms/status, alphasms POST /api/json.php
//   with {"type": "status", "msg_id"} items; an id it never sent is unknown to it
//   report(idOrSentRecord, 'pending' | 'delivered' | 'seen' | 'undelivered'): what it says of
//     a message from now on (until then 'pending': the provider's "on its way" name)
//   setStatus(idOrSentRecord, name): the provider's own status name ('Expired', 'REJECTD', ...)
//   failStatusNext(n, 'temporary' | {status, body, headers}): the next status requests fail
//   statusCalls: every status request (not in `attempts`)
//
// startFakeViber({token?, delayMs, requireWebhook, checkWebhook}) — base_url; /pa/send_message,
//   /pa/set_webhook, /pa/get_account_info; a missing or other X-Viber-Auth-Token gets status 2
//   sent: [{receiver, text, keyboard, sender, message_token, at, body}], attempts, webhook
//   failNext(n, 'reject' | 'notRegistered' | 'blocked' | 'noDevice' | 'badToken' | 'temporary' |
//     viberStatusNumber | {status, body}); rateLimitNext(n, retryAfter?); unsubscribe(userId)
//   sendCallback(body, {url, authToken}) -> Response (signed POST to the webhook)
// signedCallback(authToken, body) -> {body (raw string), headers: {Content-Type,
//   X-Viber-Content-Signature}}
// viberEvent(event, {userId, name, text, context, subscribed, messageToken, trackingData,
//   timestamp}) -> a callback body ('message', 'conversation_started', 'subscribed',
//   'unsubscribed', 'delivered', 'seen', 'failed', ...); messageToken may be a `sent` record's
//   message_token (a string of digits): signedCallback writes it as Viber does, a 64-bit number

export { startFakeTelegram } from './fake-telegram.mjs';
export { startFakeSms } from './fake-sms.mjs';
export { startFakeViber, signedCallback, viberEvent } from './fake-viber.mjs';
