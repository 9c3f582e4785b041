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
//   rejectDuplicates}) — base_url (generic: its url, any path and method)
//   sent: [{to ('+380...'), text, sender, id (the provider's message id), at, raw (request
//     body), path, headers, ...}]   attempts: [{at, body, path, status, failed}]
//   failNext(n, 'reject' | 'temporary' | preset | {status, body, headers}): 'reject' is the
//     provider's refusal of the number, 'temporary' HTTP 503; presets: turbosms 'stoplist',
//     'balance', 'sender', 'provider' (code 503); alphasms 'denied'
//   rateLimitNext(n, retryAfter): HTTP 429 with Retry-After
//
// startFakeViber({token?, delayMs, requireWebhook, checkWebhook}) — base_url; /pa/send_message,
//   /pa/set_webhook, /pa/get_account_info; a missing or other X-Viber-Auth-Token gets status 2
//   sent: [{receiver, text, keyboard, sender, message_token, at, body}], attempts, webhook
//   failNext(n, 'reject' | 'notRegistered' | 'blocked' | 'noDevice' | 'badToken' | 'temporary' |
//     viberStatusNumber | {status, body}); rateLimitNext(n, retryAfter?); unsubscribe(userId)
//   sendCallback(body, {url, authToken}) -> Response (signed POST to the webhook)
// signedCallback(authToken, body) -> {body (raw string), headers: {Content-Type,
//   X-Viber-Content-Signature}}
// viberEvent(event, {userId, name, text, context, subscribed, messageToken, trackingData})
//   -> a callback body ('message', 'conversation_started', 'subscribed', 'unsubscribed', ...)

export { startFakeTelegram } from './fake-telegram.mjs';
export { startFakeSms } from './fake-sms.mjs';
export { startFakeViber, signedCallback, viberEvent } from './fake-viber.mjs';
