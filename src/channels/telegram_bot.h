// The Telegram Bot API adapter: sendMessage as a Gateway (plain text, no parse mode, inline
// buttons), and the calls the bot logic needs: long polling, answering button presses, the
// webhook. Every call is one HTTPS POST with a JSON body; the bot token never leaves this class
// (it is part of the URL, so errors are scrubbed of it).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "channels/gateway.h"
#include "channels/http_client.h"
#include "channels/telegram_updates.h"

namespace kvitka::channels {

struct TelegramSettings {
  std::string base_url = "https://api.telegram.org";
  std::string token;  // from @BotFather: "123456:ABC..."
  bool disable_link_previews = true;
};

struct TelegramUpdates {
  Delivery status;  // kSent: the call worked (even with no updates)
  std::vector<TelegramUpdate> updates;
};

struct TelegramMe {
  Delivery status;  // kSent: the token works
  std::int64_t id = 0;
  std::string username;  // for deep links: https://t.me/<username>?start=<token>
};

class TelegramBot final : public Gateway {
 public:
  explicit TelegramBot(TelegramSettings settings, HttpClientOptions http = {});

  // sendMessage to `to` (a chat id). kSent with the message id; 429 -> kRetry with retry_after;
  // 400/403 (chat not found, bot blocked, user deactivated) and 401/404 (bad token) -> kRejected;
  // 5xx and network -> kRetry.
  Delivery Send(const Outgoing& message) override;

  // Long polling: updates after `offset` (the last update_id + 1), waiting up to `timeout_seconds`
  // for one to come. A 409 (a webhook is set) is kRejected.
  TelegramUpdates GetUpdates(std::int64_t offset, int timeout_seconds);

  // Stops the spinner on the pressed button; `text`, when given, shows as a short notice.
  Delivery AnswerCallbackQuery(std::string_view callback_id, std::string_view text = "");

  // Telegram will POST updates to `url` with the header X-Telegram-Bot-Api-Secret-Token set to
  // `secret_token` (1-256 of A-Z, a-z, 0-9, '_' and '-'). Long polling stops working meanwhile.
  Delivery SetWebhook(std::string_view url, std::string_view secret_token);
  Delivery DeleteWebhook();

  // Who the bot is (checks the token; gives the username for deep links).
  TelegramMe GetMe();

 private:
  struct Reply;
  Reply Call(std::string_view method, const std::string& json_body, int extra_timeout_seconds = 0);

  TelegramSettings settings_;
  HttpClient http_;
};

}  // namespace kvitka::channels
