// AlphaSMS JSON API (https://docs.alphasms.net/api/json): POST {base}/api/json.php with
// {"auth": "<key>", "data": [{"type": "sms", "id": <unique number>, "phone": 380...,
// "sms_signature": "<alpha name>", "sms_message": "..."}]}. HTTP 200 for every answer; success and
// errors are in the body, for the request and for each message.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "channels/gateway.h"
#include "channels/http_client.h"

namespace kvitka::channels {

struct AlphaSmsSettings {
  std::string base_url = "https://alphasms.net";  // the older host alphasms.ua answers the same
  std::string key;                                // the API key from the AlphaSMS cabinet
  std::string sender;                             // sms_signature: the alpha name
  int lifetime_seconds = 0;                       // sms_lifetime; 0: AlphaSMS's default
  int max_sms_parts = 6;
};

class AlphaSms final : public Gateway {
 public:
  explicit AlphaSms(AlphaSmsSettings settings, HttpClientOptions http = {});

  // `to` is an E.164 phone. {"success": true, "data": [{"success": true, "data": {"msg_id": ...}}]}
  // -> kSent with msg_id; "success": false for the request ("Access denied") or for the message
  // ("Error in Alpha-name") -> kRejected with AlphaSMS's error text; HTTP 429, 5xx and network
  // -> kRetry; any other HTTP status -> kRejected.
  Delivery Send(const Outgoing& message) override;

 private:
  std::int64_t NextId();

  AlphaSmsSettings settings_;
  HttpClient http_;
  std::atomic<std::int64_t> last_id_{0};
};

}  // namespace kvitka::channels
