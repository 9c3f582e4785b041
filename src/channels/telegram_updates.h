// What a Telegram bot receives (Bot API updates, from getUpdates or a webhook) in the few fields
// the salon's bot uses, and the webhook's secret check. Pure: no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kvitka::channels {

struct TelegramUser {
  std::int64_t id = 0;
  std::string first_name;
  std::string last_name;
  std::string username;
  std::string language_code;  // the person's app language ("uk", "ru", "en"), may be empty
};

struct TelegramUpdate {
  enum class Kind {
    kMessage,        // text (a command such as "/start <payload>" included) or a shared contact
    kCallbackQuery,  // a press on an inline button
    kMemberStatus,   // the person blocked ("kicked") or unblocked ("member") the bot
    kOther,          // anything else: only update_id matters (to move the offset on)
  };
  std::int64_t update_id = 0;
  Kind kind = Kind::kOther;
  std::int64_t chat_id = 0;
  std::int64_t message_id = 0;  // the message, or the bot's message whose button was pressed
  TelegramUser from;
  std::string text;
  std::string contact_phone;  // a contact shared in the message (digits, maybe with '+')
  std::string callback_id;    // answer it with AnswerCallbackQuery
  std::string callback_data;
  std::string member_status;  // kMemberStatus: "kicked", "member", ...
};

// One update (a webhook request body); nullopt when it is not a JSON object with an update_id.
std::optional<TelegramUpdate> ParseTelegramUpdate(std::string_view json);

// The updates of a getUpdates answer ({"ok":true,"result":[...]}); ones without an update_id are
// left out, unknown kinds come as kOther. Empty when the answer is not that.
std::vector<TelegramUpdate> ParseTelegramUpdates(std::string_view json);

// The payload of a deep-link start ("/start abc" or "/start@SalonBot abc" -> "abc"); nullopt when
// the text is not a /start command, "" for a bare "/start".
std::optional<std::string> TelegramStartPayload(std::string_view text);

// Whether a webhook request's X-Telegram-Bot-Api-Secret-Token header is the secret the webhook was
// set with (constant-time; an empty expected secret never matches).
bool TelegramSecretTokenMatches(std::string_view header_value, std::string_view expected);

}  // namespace kvitka::channels
