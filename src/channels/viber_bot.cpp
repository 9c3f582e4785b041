#include "channels/viber_bot.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "channels/delivery_rules.h"
#include "channels/json_fields.h"
#include "core/secret.h"

namespace kvitka::channels {
namespace {

using nlohmann::json;

constexpr std::string_view kProvider = "Viber";
constexpr int kKeyboardColumns = 6;  // a keyboard row is 6 columns wide

json Keyboard(const std::vector<std::vector<Button>>& rows) {
  json buttons = json::array();
  for (const auto& row : rows) {
    if (row.empty()) continue;
    const int columns = std::max(1, kKeyboardColumns / static_cast<int>(row.size()));
    for (const auto& button : row) {
      const bool link = !button.url.empty();
      buttons.push_back({{"Columns", columns},
                         {"Rows", 1},
                         {"ActionType", link ? "open-url" : "reply"},
                         {"ActionBody", link ? button.url : button.callback_data},
                         {"Text", button.text}});
    }
  }
  return {{"Type", "keyboard"}, {"DefaultHeight", false}, {"Buttons", std::move(buttons)}};
}

Delivery FromStatus(int status, const std::string& message) {
  const std::string error =
      std::string(kProvider) + ": " + std::to_string(status) + " " + Snippet(message, 120);
  switch (status) {
    case 0:
      return Delivery::Sent("");
    case 12:  // tooManyRequests
      return Delivery::Retry(error);
    case 1:   // invalidUrl
    case 2:   // invalidAuthToken
    case 3:   // badData
    case 4:   // missingData
    case 5:   // receiverNotRegistered
    case 6:   // receiverNotSubscribed
    case 7:   // publicAccountBlocked
    case 8:   // publicAccountNotFound
    case 9:   // publicAccountSuspended
    case 10:  // webhookNotSet
    case 11:  // receiverNoSuitableDevice
    case 13:  // apiVersionNotSupported
    case 14:  // incompatibleWithVersion
    case 15:  // publicAccountNotAuthorized
    case 16:  // inchatReplyMessageNotAllowed
    case 17:  // publicAccountIsNotInline
    case 18:  // noPublicChat
    case 19:  // cannotSendBroadcast
    case 20:  // broadcastNotAllowed
      return Delivery::Rejected(error);
    default:  // "other: general error": Viber's own trouble
      return Delivery::Retry(error);
  }
}

}  // namespace

ViberBot::ViberBot(ViberSettings settings, HttpClientOptions http)
    : settings_(std::move(settings)), http_(std::move(http)) {}

Delivery ViberBot::Call(std::string_view method, const std::string& json_body) {
  const HttpResponse response =
      http_.PostJson(settings_.base_url + "/pa/" + std::string(method), json_body,
                     {{"X-Viber-Auth-Token", settings_.token}});
  if (auto failure = RetryableFailure(response, kProvider)) return *failure;
  if (!response.ok()) {
    return Delivery::Rejected(std::string(kProvider) + ": HTTP " + std::to_string(response.status) +
                              " " + Snippet(response.body, 120));
  }
  const json answer = json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  const auto status = IntField(answer, "status");
  if (!status) return Delivery::Retry("Viber: unreadable answer");
  Delivery delivery = FromStatus(static_cast<int>(*status), TextField(answer, "status_message"));
  if (delivery.outcome == Delivery::Outcome::kSent) {
    delivery.provider_id = TextField(answer, "message_token");
  }
  return delivery;
}

Delivery ViberBot::Send(const Outgoing& message) {
  if (message.to.empty()) return Delivery::Rejected("Viber: no user to send to");
  if (message.text.empty()) return Delivery::Rejected("Viber: empty text");
  json sender = {{"name", settings_.sender_name}};
  if (!settings_.sender_avatar.empty()) sender["avatar"] = settings_.sender_avatar;
  json body = {
      {"receiver", message.to}, {"type", "text"}, {"text", message.text}, {"sender", sender}};
  if (settings_.min_api_version > 0) body["min_api_version"] = settings_.min_api_version;
  for (const auto& row : message.buttons) {
    for (const auto& button : row) {
      if (button.text.empty() || button.callback_data.empty() == button.url.empty()) {
        return Delivery::Rejected("Viber: a button needs a text and either callback data or a URL");
      }
    }
  }
  if (!message.buttons.empty()) body["keyboard"] = Keyboard(message.buttons);
  return Call("send_message", DumpJson(body));
}

Delivery ViberBot::SetWebhook(std::string_view url, const std::vector<std::string>& event_types) {
  json body = {{"url", url}, {"send_name", true}, {"send_photo", false}};
  if (!event_types.empty()) body["event_types"] = event_types;
  return Call("set_webhook", DumpJson(body));
}

std::string ViberSignature(std::string_view raw_body, std::string_view token) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), token.data(), static_cast<int>(token.size()),
       reinterpret_cast<const unsigned char*>(raw_body.data()), raw_body.size(), digest, &length);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(static_cast<std::size_t>(length) * 2);
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 15];
  }
  return hex;
}

bool ViberSignatureMatches(std::string_view raw_body, std::string_view signature,
                           std::string_view token) {
  if (token.empty() || signature.empty()) return false;
  std::string given(signature);
  std::transform(given.begin(), given.end(), given.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ConstantTimeEquals(given, ViberSignature(raw_body, token));
}

}  // namespace kvitka::channels
