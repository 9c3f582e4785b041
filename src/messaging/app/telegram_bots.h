// The organizations' Telegram bots: long polling (the default; one server at a time polls each
// bot, by a lease) or a webhook with a secret token, each update answered by the conversation.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "channels/telegram_updates.h"
#include "messaging/app/bot_conversation.h"
#include "messaging/app/gateways.h"

namespace kvitka::messaging {

struct TelegramBotsDeps {
  db::Database& db;
  ChannelSettingsStore& channels;
  BotPollStore& polls;
  Gateways& gateways;
  BotConversation& conversation;
  const Clock& clock;
  std::string public_url;  // the webhook's base
  std::string instance;    // this server, for the polling lease
};

class TelegramBots {
 public:
  explicit TelegramBots(TelegramBotsDeps deps) : d_(std::move(deps)) {}

  // One round: every bot that polls gets its updates (waiting up to `wait_seconds` for one when
  // this server polls a single bot) and each is answered; a bot set to the webhook gets it set.
  // Returns the number of updates handled.
  int PollOnce(int wait_seconds);

  enum class WebhookOutcome { kHandled, kForbidden, kNotFound };
  // An update posted to the organization's webhook with Telegram's secret-token header.
  WebhookOutcome Webhook(Id org_id, std::string_view secret_token, std::string_view body);

 private:
  void Answer(Id org_id, channels::TelegramBot& bot, const channels::TelegramUpdate& update);

  TelegramBotsDeps d_;
  std::mutex mutex_;
  std::map<Id, EpochSeconds> webhook_set_;  // settings version the webhook (or its removal) is for
};

// The conversation's input from a Telegram update.
BotInput InputOf(const channels::TelegramUpdate& update);

}  // namespace kvitka::messaging
