#include "messaging/app/viber_bots.h"

#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "channels/viber_bot.h"
#include "messaging/app/channel_fields.h"
#include "messaging/app/channel_settings.h"
#include "messaging/app/delivery_reports.h"

namespace kvitka::messaging {

using nlohmann::json;

namespace {

constexpr channels::EpochMillis kMaxReplyWait = 3000;

std::string Text(const json& object, const char* name) {
  auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

// A message token as the row keeps it (send_message's, in decimal): Viber writes a 64-bit number.
std::string Token(const json& object) {
  auto it = object.find("message_token");
  if (it == object.end()) return "";
  if (it->is_number_unsigned()) return std::to_string(it->get<std::uint64_t>());
  if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
  return it->is_string() ? it->get<std::string>() : "";
}

// What a callback says of a message's delivery; nullopt for any other callback.
std::optional<DeliveryState> DeliveryOf(const std::string& event) {
  if (event == "delivered") return DeliveryState::kDelivered;
  if (event == "seen") return DeliveryState::kSeen;
  if (event == "failed") return DeliveryState::kUndelivered;
  return std::nullopt;
}

}  // namespace

BotInput ViberInput(const std::string& user_id, const std::string& name,
                    const std::string& language, const std::string& text) {
  static const std::regex kButton(R"(^(list|keep|(confirm|cancel!?):\d{1,18})$)");
  BotInput in;
  in.channel = Channel::kViber;
  in.chat_id = user_id;
  in.name = name;
  in.language_code = language;
  if (std::regex_match(text, kButton)) {
    in.callback_data = text;
  } else {
    in.text = text;
  }
  return in;
}

void ViberBots::EnsureWebhooks() {
  const auto bots =
      d_.db.Read([&](db::Session& s) { return d_.channels.Enabled(s, Channel::kViber); });
  for (const auto& bot_of_org : bots) {
    const Id org_id = bot_of_org.first;
    const StoredChannel& stored = bot_of_org.second;
    {
      std::lock_guard lock(mutex_);
      auto it = webhook_set_.find(org_id);
      if (it != webhook_set_.end() && it->second == stored.updated_at) continue;
    }
    auto bot = d_.gateways.Viber(org_id, stored);
    if (!bot) continue;
    const auto done = bot->SetWebhook(
        d_.public_url + "/api/v1/public/viber/" + std::to_string(org_id) + "/webhook",
        {"subscribed", "unsubscribed", "conversation_started", "message", "delivered", "seen",
         "failed"});
    if (done.outcome == channels::Delivery::Outcome::kSent) {
      std::lock_guard lock(mutex_);
      webhook_set_[org_id] = stored.updated_at;
    } else {
      spdlog::warn("{{\"event\":\"viber_webhook_failed\",\"org\":{},\"error\":\"{}\"}}", org_id,
                   done.error);
    }
  }
}

ViberBots::Answer ViberBots::Webhook(Id org_id, std::string_view signature, std::string_view body) {
  auto stored =
      d_.db.Read([&](db::Session& s) { return d_.channels.Find(s, org_id, Channel::kViber); });
  if (!stored || !stored->enabled) return {404, "{}"};
  const auto values = ValuesOf(*stored);
  if (!channels::ViberSignatureMatches(body, signature, TextOf(values.secrets, "auth_token"))) {
    return {403, "{}"};
  }
  const auto event = json::parse(body, nullptr, false);
  if (!event.is_object()) return {200, "{}"};
  const std::string kind = Text(event, "event");
  if (const auto delivery = DeliveryOf(kind)) {
    const auto millis = event.find("timestamp");
    const EpochSeconds now = d_.clock.Now();
    const EpochSeconds at = millis != event.end() && millis->is_number_integer()
                                ? millis->get<std::int64_t>() / 1000
                                : now;
    const ProviderReport report{Token(event), *delivery, at};
    if (!report.provider_id.empty() && report.provider_id.size() <= 40) {
      d_.db.Write([&](db::Session& s) {
        return RecordReport(s, d_.outbox, org_id, Channel::kViber, report, now);
      });
    }
    return {200, "{}"};
  }
  BotInput in;
  if (kind == "conversation_started" && event.contains("user") && event["user"].is_object()) {
    const auto& user = event["user"];
    in = ViberInput(Text(user, "id"), Text(user, "name"), Text(user, "language"), "");
    in.start = Text(event, "context");
  } else if (kind == "message" && event.contains("sender") && event["sender"].is_object()) {
    const auto& sender = event["sender"];
    const auto& message = event.value("message", json::object());
    in = ViberInput(Text(sender, "id"), Text(sender, "name"), Text(sender, "language"),
                    message.is_object() ? Text(message, "text") : "");
    if (in.text.empty() && in.callback_data.empty()) return {200, "{}"};
  } else if (kind == "unsubscribed") {
    in.channel = Channel::kViber;
    in.chat_id = Text(event, "user_id");
    in.left = true;
  } else {
    return {200, "{}"};  // webhook check, subscribed
  }
  if (in.chat_id.empty() || in.chat_id.size() > 100) return {200, "{}"};
  const BotAnswer answer = d_.conversation.Handle(org_id, in);
  std::vector<BotReply> replies = answer.replies;
  if (replies.empty() && !answer.notice.empty()) replies.push_back({answer.notice, {}});
  if (kind == "conversation_started") {
    // Viber takes only the welcome message, in the answer itself: the user is not subscribed yet.
    if (replies.empty()) return {200, "{}"};
    json welcome = {{"sender",
                     {{"name", TextOf(values.settings, "sender_name").empty()
                                   ? "Kvitka"
                                   : TextOf(values.settings, "sender_name")}}},
                    {"type", "text"},
                    {"text", replies.front().text}};
    return {200, welcome.dump()};
  }
  auto bot = d_.gateways.For(org_id, *stored);
  if (!bot) return {200, "{}"};
  for (const auto& reply : replies) {
    channels::Outgoing out;
    out.channel = Channel::kViber;
    out.to = in.chat_id;
    out.text = reply.text;
    out.buttons = reply.buttons;
    d_.gateways.Pace(org_id, Channel::kViber, out.to, kMaxReplyWait);
    const auto sent = bot->Send(out);
    if (sent.outcome != channels::Delivery::Outcome::kSent) {
      spdlog::warn("{{\"event\":\"viber_reply_failed\",\"org\":{},\"error\":\"{}\"}}", org_id,
                   sent.error);
    }
  }
  return {200, "{}"};
}

}  // namespace kvitka::messaging
