// The Viber REST bot API (https://developers.viber.com/docs/api/rest-bot-api/): send_message to a
// subscribed user as a Gateway, set_webhook, and the webhook's signature check. Every call is a
// POST with the X-Viber-Auth-Token header; Viber answers HTTP 200 with a status in the body.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "channels/gateway.h"
#include "channels/http_client.h"

namespace kvitka::channels {

struct ViberSettings {
  std::string base_url = "https://chatapi.viber.com";
  std::string token;          // the bot's auth token
  std::string sender_name;    // up to 28 characters, shown as the sender
  std::string sender_avatar;  // optional URL
  int min_api_version = 0;    // sent when > 0 (keyboard features of newer clients)
};

class ViberBot final : public Gateway {
 public:
  explicit ViberBot(ViberSettings settings, HttpClientOptions http = {});

  // send_message to `to` (a Viber user id) with a text and, for `buttons`, a keyboard (a button
  // with callback data replies with it, one with a URL opens it). status 0 -> kSent with the
  // message_token; 5 not registered, 6 not subscribed, 7 account blocked, 11 no suitable device,
  // 2 bad token and other request errors -> kRejected; 12 too many requests and unknown codes
  // -> kRetry; HTTP 429, 5xx and network -> kRetry.
  Delivery Send(const Outgoing& message) override;

  // Viber will POST callbacks (message, subscribed, conversation_started, ...) to `url`; Viber
  // calls it once to check it answers 200 before this returns.
  Delivery SetWebhook(std::string_view url, const std::vector<std::string>& event_types);

 private:
  Delivery Call(std::string_view method, const std::string& json_body);

  ViberSettings settings_;
  HttpClient http_;
};

// The X-Viber-Content-Signature of a callback body: HMAC-SHA256 of the raw body with the auth
// token as the key, in lower-case hex.
std::string ViberSignature(std::string_view raw_body, std::string_view token);

// Whether a callback's X-Viber-Content-Signature matches its raw body (constant-time, any case of
// hex; an empty token or signature never matches).
bool ViberSignatureMatches(std::string_view raw_body, std::string_view signature,
                           std::string_view token);

}  // namespace kvitka::channels
