// TurboSMS (https://turbosms.ua/api.html): POST {base}/message/send.json with a bearer token.
// SMS, Viber business messages by phone, or Viber with an SMS fallback done by TurboSMS itself.
// Delivery reports: POST {base}/message/status.json {"messages": [message ids]}.
#pragma once

#include <string>
#include <string_view>

#include "channels/gateway.h"
#include "channels/http_client.h"
#include "channels/status_lookup.h"

namespace kvitka::channels {

struct TurboSmsSettings {
  enum class Mode {
    kSms,           // {"sms": {...}}
    kViber,         // {"viber": {...}}
    kViberThenSms,  // {"viber": {...}, "sms": {...}}: SMS when Viber does not get through
  };
  std::string base_url = "https://api.turbosms.ua";
  std::string token;
  std::string sender;  // the SMS sender (alpha name) registered at TurboSMS
  Mode mode = Mode::kSms;
  std::string viber_sender;  // the Viber sender for kViber and kViberThenSms
  int viber_ttl = 0;         // seconds Viber may try before the SMS goes instead; 0: TurboSMS's
  int max_sms_parts = 6;     // a longer SMS is refused before sending; 0: no limit
};

class TurboSms final : public Gateway, public StatusLookup {
 public:
  explicit TurboSms(TurboSmsSettings settings, HttpClientOptions http = {});

  // `to` is an E.164 phone. response_code 800-803 (accepted, sent, partly accepted or sent) with
  // this recipient's own code 0 -> kSent with its message_id; 427 (the same message within 90 s)
  // -> kSent; 5xx codes (500-507) and 999 -> kRetry; any other code (token, sender, balance,
  // number, stop list, text) -> kRejected. HTTP 429, 5xx and network -> kRetry.
  Delivery Send(const Outgoing& message) override;

  // TurboSMS documents no limit for message/status; a hundred ids a question keeps it small.
  std::size_t MaxIdsPerLookup() const override { return 100; }
  // response_code 0 -> each result with its own response_code 0 is a report by its "status"
  // (TurboSmsDeliveryState); a result with another code (414 NOT_ALLOWED_MESSAGE_ID: not known
  // to this account) is left out. Another code for the request, HTTP errors and network -> failed.
  StatusAnswer Lookup(const std::vector<std::string>& ids) override;

 private:
  TurboSmsSettings settings_;
  HttpClient http_;
};

// A TurboSMS message status: "Delivered" -> delivered; "Read" (Viber) -> seen; "Expired",
// "Undelivered", "Rejected", "Failed", "Cancelled" -> undelivered (final); "Queued", "Accepted",
// "Sent", "Enroute", "Unknown" and anything else -> still on its way. Any case.
messaging::DeliveryState TurboSmsDeliveryState(std::string_view status);

}  // namespace kvitka::channels
