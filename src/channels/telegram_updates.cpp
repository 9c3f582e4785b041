#include "channels/telegram_updates.h"

#include <nlohmann/json.hpp>

#include "core/secret.h"

namespace kvitka::channels {
namespace {

using nlohmann::json;

std::string StringAt(const json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::int64_t IntAt(const json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
}

TelegramUser UserFrom(const json& object) {
  TelegramUser user;
  const auto it = object.find("from");
  if (it == object.end() || !it->is_object()) return user;
  user.id = IntAt(*it, "id");
  user.first_name = StringAt(*it, "first_name");
  user.last_name = StringAt(*it, "last_name");
  user.username = StringAt(*it, "username");
  user.language_code = StringAt(*it, "language_code");
  return user;
}

std::int64_t ChatId(const json& message) {
  const auto chat = message.find("chat");
  return chat != message.end() && chat->is_object() ? IntAt(*chat, "id") : 0;
}

std::optional<TelegramUpdate> FromJson(const json& update) {
  if (!update.is_object() || !update.contains("update_id") ||
      !update["update_id"].is_number_integer()) {
    return std::nullopt;
  }
  TelegramUpdate out;
  out.update_id = update["update_id"].get<std::int64_t>();
  if (const auto it = update.find("message"); it != update.end() && it->is_object()) {
    out.kind = TelegramUpdate::Kind::kMessage;
    out.chat_id = ChatId(*it);
    out.message_id = IntAt(*it, "message_id");
    out.from = UserFrom(*it);
    out.text = StringAt(*it, "text");
    if (const auto contact = it->find("contact"); contact != it->end() && contact->is_object()) {
      out.contact_phone = StringAt(*contact, "phone_number");
    }
  } else if (const auto query = update.find("callback_query");
             query != update.end() && query->is_object()) {
    out.kind = TelegramUpdate::Kind::kCallbackQuery;
    out.callback_id = StringAt(*query, "id");
    out.callback_data = StringAt(*query, "data");
    out.from = UserFrom(*query);
    if (const auto message = query->find("message");
        message != query->end() && message->is_object()) {
      out.chat_id = ChatId(*message);
      out.message_id = IntAt(*message, "message_id");
    }
    if (out.chat_id == 0) out.chat_id = out.from.id;  // private chats have the person's id
  } else if (const auto member = update.find("my_chat_member");
             member != update.end() && member->is_object()) {
    out.kind = TelegramUpdate::Kind::kMemberStatus;
    out.chat_id = ChatId(*member);
    out.from = UserFrom(*member);
    if (const auto now = member->find("new_chat_member");
        now != member->end() && now->is_object()) {
      out.member_status = StringAt(*now, "status");
    }
  }
  return out;
}

}  // namespace

std::optional<TelegramUpdate> ParseTelegramUpdate(std::string_view text) {
  const json update = json::parse(text, nullptr, /*allow_exceptions=*/false);
  return FromJson(update);
}

std::vector<TelegramUpdate> ParseTelegramUpdates(std::string_view text) {
  std::vector<TelegramUpdate> out;
  const json answer = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!answer.is_object() || !answer.contains("result") || !answer["result"].is_array()) {
    return out;
  }
  for (const auto& update : answer["result"]) {
    if (auto parsed = FromJson(update)) out.push_back(std::move(*parsed));
  }
  return out;
}

std::optional<std::string> TelegramStartPayload(std::string_view text) {
  constexpr std::string_view kStart = "/start";
  if (!text.starts_with(kStart)) return std::nullopt;
  text.remove_prefix(kStart.size());
  if (text.starts_with("@")) {  // "/start@SalonBot payload" in groups
    const auto space = text.find(' ');
    text = space == std::string_view::npos ? std::string_view() : text.substr(space);
  } else if (!text.empty() && text.front() != ' ') {
    return std::nullopt;  // "/startle" is not /start
  }
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return std::string(text);
}

bool TelegramSecretTokenMatches(std::string_view header_value, std::string_view expected) {
  if (expected.empty()) return false;
  return ConstantTimeEquals(header_value, expected);
}

}  // namespace kvitka::channels
