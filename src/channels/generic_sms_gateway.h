// Any HTTP SMS gateway a salon already has: a URL, a method, headers and a body template with
// {{phone}} ("+380..."), {{phone_digits}} ("380..."), {{text}} and {{message_id}} (the message's
// key, the same for every attempt: for gateways that drop a repeated id). In the body the values
// go in JSON-escaped (write them inside quotes: "to": "{{phone}}"); in the URL percent-encoded.
// Every request also carries the key as an `Idempotency-Key` header. Success is a 2xx answer, and
// optionally a value at a JSON pointer of the answer.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "channels/gateway.h"
#include "channels/http_client.h"

namespace kvitka::channels {

struct GenericSmsSettings {
  std::string url;  // may hold placeholders too: https://gw.example/send?to={{phone_digits}}
  std::string method = "POST";      // POST, PUT or GET (GET sends no body)
  std::vector<HttpHeader> headers;  // e.g. Authorization; secrets, never logged
  std::string body_template;        // JSON: {"to": "{{phone}}", "message": "{{text}}"}
  std::string content_type = "application/json";
  std::string success_pointer;     // optional JSON pointer into the answer, e.g. "/status"
  std::string success_value;       // what must be there: "ok", "0", "true"
  std::string message_id_pointer;  // optional JSON pointer to the gateway's message id
  int max_sms_parts = 6;
};

// Why these settings cannot work (a URL that is not http(s), an unknown method, a body template
// that is not JSON once filled in, a malformed JSON pointer); nullopt when they can.
std::optional<std::string> GenericSmsSettingsProblem(const GenericSmsSettings& settings);

// The template with the placeholders filled in: JSON-escaped for a body, percent-encoded for a URL.
std::string FillGenericTemplate(std::string_view pattern, std::string_view phone,
                                std::string_view text, std::string_view key, bool for_url);

class GenericSmsGateway final : public Gateway {
 public:
  explicit GenericSmsGateway(GenericSmsSettings settings, HttpClientOptions http = {});

  // `to` is an E.164 phone. 2xx (and the success value, when set) -> kSent with the id at
  // message_id_pointer; 2xx with another value -> kRejected; 429, 408, 5xx and network -> kRetry;
  // other statuses -> kRejected.
  Delivery Send(const Outgoing& message) override;

 private:
  GenericSmsSettings settings_;
  HttpClient http_;
};

}  // namespace kvitka::channels
