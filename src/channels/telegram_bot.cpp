#include "channels/telegram_bot.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <nlohmann/json.hpp>

#include "channels/delivery_rules.h"
#include "channels/json_fields.h"

namespace kvitka::channels {

using nlohmann::json;

struct TelegramBot::Reply {
  Delivery status;
  json result;  // the "result" of a successful call
};

namespace {

constexpr std::string_view kProvider = "Telegram";
constexpr std::size_t kMaxCallbackData = 64;  // bytes, a Bot API limit

// A numeric chat id goes as a number, "@channel" as a string.
json ChatId(const std::string& to) {
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(to.data(), to.data() + to.size(), id);
  if (error == std::errc() && end == to.data() + to.size()) return id;
  return to;
}

std::optional<std::string> KeyboardProblem(const std::vector<std::vector<Button>>& rows) {
  for (const auto& row : rows) {
    for (const auto& button : row) {
      if (button.text.empty()) return "a button without text";
      if (button.callback_data.empty() == button.url.empty()) {
        return "button \"" + button.text + "\" needs either callback data or a URL";
      }
      if (button.callback_data.size() > kMaxCallbackData) {
        return "button \"" + button.text + "\" has callback data over 64 bytes";
      }
    }
  }
  return std::nullopt;
}

json InlineKeyboard(const std::vector<std::vector<Button>>& rows) {
  json keyboard = json::array();
  for (const auto& row : rows) {
    if (row.empty()) continue;
    json line = json::array();
    for (const auto& button : row) {
      json b = {{"text", button.text}};
      if (!button.url.empty()) {
        b["url"] = button.url;
      } else {
        b["callback_data"] = button.callback_data;
      }
      line.push_back(std::move(b));
    }
    keyboard.push_back(std::move(line));
  }
  return {{"inline_keyboard", std::move(keyboard)}};
}

bool ValidSecretToken(std::string_view secret) {
  return !secret.empty() && secret.size() <= 256 &&
         std::all_of(secret.begin(), secret.end(),
                     [](unsigned char c) { return std::isalnum(c) != 0 || c == '_' || c == '-'; });
}

const json kAllowedUpdates = json::array({"message", "callback_query", "my_chat_member"});

}  // namespace

TelegramBot::TelegramBot(TelegramSettings settings, HttpClientOptions http)
    : settings_(std::move(settings)), http_(std::move(http)) {}

TelegramBot::Reply TelegramBot::Call(std::string_view method, const std::string& json_body,
                                     int extra_timeout_seconds) {
  HttpRequest request;
  request.url = settings_.base_url + "/bot" + settings_.token + "/" + std::string(method);
  request.body = json_body;
  request.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
  if (extra_timeout_seconds > 0) {
    request.timeout = http_.options().total_timeout + std::chrono::seconds(extra_timeout_seconds);
  }
  const HttpResponse response = http_.Send(request);
  const auto scrub = [this](Delivery d) {
    d.error = Redact(std::move(d.error), settings_.token);
    return d;
  };
  if (response.status == 0) return {scrub(*RetryableFailure(response, kProvider)), {}};

  const json body = json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (TrueField(body, "ok") && response.ok()) {
    return {Delivery::Sent(""), body.contains("result") ? body["result"] : json()};
  }
  const bool readable = body.is_object();
  const int code = static_cast<int>(IntField(body, "error_code").value_or(response.status));
  const std::string description =
      readable ? TextField(body, "description") : Snippet(response.body, 120);
  const std::string error =
      std::string(kProvider) + ": " + std::to_string(code) + " " + Snippet(description);

  if (code == 429 || response.status == 429) {
    EpochSeconds wait = 0;
    if (readable && body.contains("parameters")) {
      wait = IntField(body["parameters"], "retry_after").value_or(0);
    }
    if (const auto by_header = RetryableFailure(response, kProvider); wait == 0 && by_header) {
      wait = by_header->retry_after;
    }
    return {scrub(Delivery::Retry(error, wait)), {}};
  }
  if (response.status >= 500 || code >= 500 || response.status == 408) {
    return {scrub(Delivery::Retry(error)), {}};
  }
  if (!readable) {  // not the Bot API talking (a proxy, a captive portal): try again later
    return {scrub(Delivery::Retry(std::string(kProvider) + ": unreadable answer, HTTP " +
                                  std::to_string(response.status))),
            {}};
  }
  // 400 chat not found / message too long, 401 or 404 bad token, 403 blocked by the user,
  // 409 webhook conflict: this will not work by trying again.
  return {scrub(Delivery::Rejected(error)), {}};
}

Delivery TelegramBot::Send(const Outgoing& message) {
  if (message.to.empty()) return Delivery::Rejected("Telegram: no chat to send to");
  if (message.text.empty()) return Delivery::Rejected("Telegram: empty text");
  if (const auto problem = KeyboardProblem(message.buttons)) {
    return Delivery::Rejected("Telegram: " + *problem);
  }
  json body = {{"chat_id", ChatId(message.to)}, {"text", message.text}};
  if (!message.buttons.empty()) body["reply_markup"] = InlineKeyboard(message.buttons);
  if (settings_.disable_link_previews) body["link_preview_options"] = {{"is_disabled", true}};

  Reply reply = Call("sendMessage", DumpJson(body));
  if (reply.status.outcome == Delivery::Outcome::kSent) {
    reply.status.provider_id = TextField(reply.result, "message_id");
  }
  return reply.status;
}

TelegramUpdates TelegramBot::GetUpdates(std::int64_t offset, int timeout_seconds) {
  timeout_seconds = std::clamp(timeout_seconds, 0, 50);
  const json body = {
      {"offset", offset}, {"timeout", timeout_seconds}, {"allowed_updates", kAllowedUpdates}};
  Reply reply = Call("getUpdates", DumpJson(body), timeout_seconds);
  TelegramUpdates out{reply.status, {}};
  if (reply.status.outcome == Delivery::Outcome::kSent) {
    out.updates = ParseTelegramUpdates(DumpJson(json{{"ok", true}, {"result", reply.result}}));
  }
  return out;
}

Delivery TelegramBot::AnswerCallbackQuery(std::string_view callback_id, std::string_view text) {
  json body = {{"callback_query_id", callback_id}};
  if (!text.empty()) body["text"] = text;
  return Call("answerCallbackQuery", DumpJson(body)).status;
}

Delivery TelegramBot::SetWebhook(std::string_view url, std::string_view secret_token) {
  if (!ValidSecretToken(secret_token)) {
    return Delivery::Rejected("Telegram: the webhook secret must be 1-256 of A-Z a-z 0-9 _ -");
  }
  const json body = {
      {"url", url}, {"secret_token", secret_token}, {"allowed_updates", kAllowedUpdates}};
  return Call("setWebhook", DumpJson(body)).status;
}

Delivery TelegramBot::DeleteWebhook() {
  return Call("deleteWebhook", DumpJson(json{{"drop_pending_updates", false}})).status;
}

TelegramMe TelegramBot::GetMe() {
  Reply reply = Call("getMe", "{}");
  TelegramMe me{reply.status, 0, ""};
  if (reply.status.outcome == Delivery::Outcome::kSent && reply.result.is_object()) {
    me.id = IntField(reply.result, "id").value_or(0);
    me.username = TextField(reply.result, "username");
  }
  return me;
}

}  // namespace kvitka::channels
