// The organizations' Viber bots: the webhook each one is set to (once per settings version),
// and the callbacks Viber posts there, signed with the bot's token: a conversation started from
// a link with a single-use context links the chat to the client's card; messages and the
// keyboard's replies go to the same conversation as Telegram's; unsubscribing unlinks; "delivered",
// "seen" and "failed" name a message the salon sent by its token: its delivery
// (delivery_reports.h).
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "messaging/app/bot_conversation.h"
#include "messaging/app/gateways.h"

namespace kvitka::messaging {

struct ViberBotsDeps {
  db::Database& db;
  ChannelSettingsStore& channels;
  Gateways& gateways;
  BotConversation& conversation;
  std::string public_url;
  OutboxStore& outbox;  // the delivery of the messages sent by Viber
  const Clock& clock;
};

class ViberBots {
 public:
  explicit ViberBots(ViberBotsDeps deps) : d_(std::move(deps)) {}

  // Points every enabled bot at its webhook (once per settings version).
  void EnsureWebhooks();

  struct Answer {
    int status = 200;
    std::string body = "{}";  // a welcome message for a conversation_started
  };
  // A callback: 403 when the signature does not match, 404 without an enabled bot.
  Answer Webhook(Id org_id, std::string_view signature, std::string_view body);

 private:
  ViberBotsDeps d_;
  std::mutex mutex_;
  std::map<Id, EpochSeconds> webhook_set_;
};

// What a Viber keyboard reply or text is to the conversation: the buttons' data come back as
// text ("confirm:42"), anything else is a text.
BotInput ViberInput(const std::string& user_id, const std::string& name,
                    const std::string& language, const std::string& text);

}  // namespace kvitka::messaging
