// AlphaSMS JSON API (https://docs.alphasms.net/api/json): POST {base}/api/json.php with
// {"auth": "<key>", "data": [{"type": "sms", "id": <unique number>, "phone": 380...,
// "sms_signature": "<alpha name>", "sms_message": "..."}]}. HTTP 200 for every answer; success and
// errors are in the body, for the request and for each message. Delivery reports go to the same
// URL: {"auth", "data": [{"type": "status", "msg_id": <msg_id>}, ...]} -> a result per item,
// {"success": true, "data": {"msg_id", "type", "status": "DELIVERED"}}.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

#include "channels/gateway.h"
#include "channels/http_client.h"
#include "channels/status_lookup.h"

namespace kvitka::channels {

struct AlphaSmsSettings {
  std::string base_url = "https://alphasms.net";  // the older host alphasms.ua answers the same
  std::string key;                                // the API key from the AlphaSMS cabinet
  std::string sender;                             // sms_signature: the alpha name
  int lifetime_seconds = 0;                       // sms_lifetime; 0: AlphaSMS's default
  int max_sms_parts = 6;
};

class AlphaSms final : public Gateway, public StatusLookup {
 public:
  explicit AlphaSms(AlphaSmsSettings settings, HttpClientOptions http = {});

  // `to` is an E.164 phone. {"success": true, "data": [{"success": true, "data": {"msg_id": ...}}]}
  // -> kSent with msg_id; "success": false for the request ("Access denied") or for the message
  // ("Error in Alpha-name") -> kRejected with AlphaSMS's error text; HTTP 429, 5xx and network
  // -> kRetry; any other HTTP status -> kRejected.
  Delivery Send(const Outgoing& message) override;

  // AlphaSMS documents no limit for the items of a request; a hundred keeps it small.
  std::size_t MaxIdsPerLookup() const override { return 100; }
  // Each result with "success": true is a report by its "status" (AlphaSmsDeliveryState), for
  // the msg_id it names, else for the id asked in its place; "success": false for the request
  // ("Access denied"), HTTP errors and network -> failed.
  StatusAnswer Lookup(const std::vector<std::string>& ids) override;

 private:
  std::int64_t NextId();

  AlphaSmsSettings settings_;
  HttpClient http_;
  std::atomic<std::int64_t> last_id_{0};
};

// An AlphaSMS status: "DELIVERED" -> delivered; "READ" (Viber) -> seen; "EXPIRED", "DELETED",
// "UNDELIVERABLE", "REJECTED", "DISCARDED", "NOT_SUPPORTED", "WRONG_ALPHANAME",
// "WRONG_ALPHANAME_RETURNED" and the "ERR_..." codes -> undelivered (final); "SCHEDULED",
// "ENROUTE", "ACCEPTED", "SENDING", "UNKNOWN" and anything else -> still on its way. Any case.
messaging::DeliveryState AlphaSmsDeliveryState(std::string_view status);

}  // namespace kvitka::channels
