#include "messaging/app/telegram_bots.h"

#include <spdlog/spdlog.h>

#include "channels/telegram_bot.h"
#include "messaging/app/channel_fields.h"
#include "messaging/app/channel_settings.h"

namespace kvitka::messaging {

namespace {

constexpr EpochSeconds kPollLease = 60;
constexpr channels::EpochMillis kMaxReplyWait = 3000;

}  // namespace

BotInput InputOf(const channels::TelegramUpdate& u) {
  BotInput in;
  in.channel = Channel::kTelegram;
  in.chat_id = std::to_string(u.chat_id);
  in.name = u.from.first_name;
  in.language_code = u.from.language_code;
  switch (u.kind) {
    case channels::TelegramUpdate::Kind::kMessage:
      in.start = channels::TelegramStartPayload(u.text);
      if (!in.start) in.text = u.text;
      break;
    case channels::TelegramUpdate::Kind::kCallbackQuery:
      in.callback_data = u.callback_data;
      break;
    case channels::TelegramUpdate::Kind::kMemberStatus:
      in.left = u.member_status == "kicked";
      break;
    case channels::TelegramUpdate::Kind::kOther:
      break;
  }
  return in;
}

void TelegramBots::Answer(Id org_id, channels::TelegramBot& bot,
                          const channels::TelegramUpdate& u) {
  if (u.kind == channels::TelegramUpdate::Kind::kOther || u.chat_id == 0) return;
  if (u.kind == channels::TelegramUpdate::Kind::kMemberStatus && u.member_status != "kicked") {
    return;
  }
  const BotAnswer answer = d_.conversation.Handle(org_id, InputOf(u));
  if (!u.callback_id.empty()) bot.AnswerCallbackQuery(u.callback_id, answer.notice);
  for (const auto& reply : answer.replies) {
    channels::Outgoing out;
    out.channel = Channel::kTelegram;
    out.to = std::to_string(u.chat_id);
    out.text = reply.text;
    out.buttons = reply.buttons;
    d_.gateways.Pace(org_id, Channel::kTelegram, out.to, kMaxReplyWait);
    const auto sent = bot.Send(out);
    if (sent.outcome != channels::Delivery::Outcome::kSent) {
      spdlog::warn("{{\"event\":\"bot_reply_failed\",\"org\":{},\"error\":\"{}\"}}", org_id,
                   sent.error);
    }
  }
}

int TelegramBots::PollOnce(int wait_seconds) {
  const auto bots =
      d_.db.Read([&](db::Session& s) { return d_.channels.Enabled(s, Channel::kTelegram); });
  int handled = 0;
  for (const auto& bot_of_org : bots) {
    const Id org_id = bot_of_org.first;
    const StoredChannel& stored = bot_of_org.second;
    auto bot = d_.gateways.Telegram(org_id, stored);
    if (!bot) continue;
    const auto values = ValuesOf(stored);
    const bool webhook = TextOf(values.settings, "mode") == "webhook";
    {
      // The bot is told once per settings version where its updates go.
      std::lock_guard lock(mutex_);
      auto it = webhook_set_.find(org_id);
      if (it == webhook_set_.end() || it->second != stored.updated_at) {
        const auto done = webhook ? bot->SetWebhook(d_.public_url + "/api/v1/public/telegram/" +
                                                        std::to_string(org_id) + "/webhook",
                                                    TextOf(values.secrets, "webhook_secret"))
                                  : bot->DeleteWebhook();
        if (done.outcome == channels::Delivery::Outcome::kSent) {
          webhook_set_[org_id] = stored.updated_at;
        } else {
          spdlog::warn("{{\"event\":\"telegram_webhook_failed\",\"org\":{},\"error\":\"{}\"}}",
                       org_id, done.error);
        }
      }
    }
    if (webhook) continue;
    const EpochSeconds now = d_.clock.Now();
    const auto next = d_.db.Write([&](db::Session& s) {
      return d_.polls.Lease(s, org_id, Channel::kTelegram, d_.instance, now, now + kPollLease);
    });
    if (!next) continue;  // another server polls this bot
    const auto got = bot->GetUpdates(*next, bots.size() == 1 ? wait_seconds : 0);
    if (got.status.outcome != channels::Delivery::Outcome::kSent) continue;
    for (const auto& update : got.updates) {
      // Confirmed before it is answered: when saving fails (a busy database), the update comes
      // again and nothing was done; once saved, it is answered once and never again.
      d_.db.Write([&](db::Session& s) {
        d_.polls.Advance(s, org_id, Channel::kTelegram, d_.instance, update.update_id + 1);
      });
      try {
        Answer(org_id, *bot, update);
      } catch (const std::exception& e) {
        spdlog::error("{{\"event\":\"telegram_update_failed\",\"org\":{},\"error\":\"{}\"}}",
                      org_id, e.what());
      }
      ++handled;
    }
  }
  return handled;
}

TelegramBots::WebhookOutcome TelegramBots::Webhook(Id org_id, std::string_view secret_token,
                                                   std::string_view body) {
  auto stored =
      d_.db.Read([&](db::Session& s) { return d_.channels.Find(s, org_id, Channel::kTelegram); });
  if (!stored || !stored->enabled) return WebhookOutcome::kNotFound;
  const auto values = ValuesOf(*stored);
  if (!channels::TelegramSecretTokenMatches(secret_token,
                                            TextOf(values.secrets, "webhook_secret"))) {
    return WebhookOutcome::kForbidden;
  }
  auto bot = d_.gateways.Telegram(org_id, *stored);
  if (!bot) return WebhookOutcome::kNotFound;
  if (auto update = channels::ParseTelegramUpdate(body)) Answer(org_id, *bot, *update);
  return WebhookOutcome::kHandled;
}

}  // namespace kvitka::messaging
