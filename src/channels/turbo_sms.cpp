#include "channels/turbo_sms.h"

#include <nlohmann/json.hpp>

#include "channels/delivery_rules.h"
#include "channels/json_fields.h"

namespace kvitka::channels {
namespace {

using nlohmann::json;

constexpr std::string_view kProvider = "TurboSMS";

int CodeOf(const json& object) {
  return static_cast<int>(IntField(object, "response_code").value_or(-1));
}

std::string StatusOf(const json& object) { return TextField(object, "response_status"); }

bool Accepted(int code) { return code == 0 || (code >= 800 && code <= 803); }

// An answer code that is not success, as TurboSMS documents them: 1xx-4xx are problems with the
// token, the request, the sender, the balance or the recipient; 5xx and 999 are TurboSMS's own.
Delivery Failure(int code, const std::string& status) {
  const std::string error =
      std::string(kProvider) + ": " + std::to_string(code) + " " + Snippet(status, 80);
  if (code == 427) {  // NOT_ALLOWED_MESSAGE_DUPLICATE: the very same message went out already
    Delivery sent = Delivery::Sent("");
    sent.error = error + " (the same message was sent within 90 s)";
    return sent;
  }
  if ((code >= 500 && code <= 599 && code != 502) || code == 999) return Delivery::Retry(error);
  return Delivery::Rejected(error);  // 502 FAILED_PARSE_BODY included: our request, not theirs
}

json ViberPart(const TurboSmsSettings& settings, const Outgoing& message) {
  json viber = {{"sender", settings.viber_sender}, {"text", message.text}};
  if (settings.viber_ttl > 0) viber["ttl"] = settings.viber_ttl;
  for (const auto& row : message.buttons) {  // a Viber business message has one URL button
    for (const auto& button : row) {
      if (!button.url.empty()) {
        viber["caption"] = button.text;
        viber["action"] = button.url;
        return viber;
      }
    }
  }
  return viber;
}

}  // namespace

TurboSms::TurboSms(TurboSmsSettings settings, HttpClientOptions http)
    : settings_(std::move(settings)), http_(std::move(http)) {}

Delivery TurboSms::Send(const Outgoing& message) {
  using Mode = TurboSmsSettings::Mode;
  const auto phone = PhoneDigits(message.to);
  if (!phone)
    return Delivery::Rejected("TurboSMS: not a phone in E.164: " + Snippet(message.to, 32));
  json body = {{"recipients", json::array({*phone})}};
  if (settings_.mode != Mode::kSms) {
    if (message.text.empty()) return Delivery::Rejected("TurboSMS: empty text");
    body["viber"] = ViberPart(settings_, message);
  }
  if (settings_.mode != Mode::kViber) {
    const std::string& text =
        settings_.mode == Mode::kViberThenSms && !message.fallback_text.empty()
            ? message.fallback_text
            : message.text;
    if (const auto problem = SmsTextProblem(text, settings_.max_sms_parts)) {
      return Delivery::Rejected("TurboSMS: " + *problem);
    }
    body["sms"] = {{"sender", settings_.sender}, {"text", text}};
  }

  const HttpResponse response =
      http_.PostJson(settings_.base_url + "/message/send.json", DumpJson(body),
                     {{"Authorization", "Bearer " + settings_.token}});
  if (auto failure = RetryableFailure(response, kProvider)) return *failure;
  if (!response.ok()) {  // TurboSMS answers 200 to every valid request; this is not one
    return Delivery::Rejected(std::string(kProvider) + ": HTTP " + std::to_string(response.status) +
                              " " + Snippet(response.body, 120));
  }
  const json answer = json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (!answer.is_object()) return Delivery::Retry("TurboSMS: unreadable answer");
  const int code = CodeOf(answer);
  if (!Accepted(code)) return Failure(code, StatusOf(answer));

  // Each recipient has its own result: {"phone", "response_code", "message_id", ...}.
  const auto results = answer.find("response_result");
  if (results == answer.end() || !results->is_array() || results->empty()) {
    return Delivery::Sent("");
  }
  const json* mine = &(*results)[0];
  for (const auto& result : *results) {
    if (TextField(result, "phone") == *phone) mine = &result;
  }
  if (!mine->is_object()) return Delivery::Sent("");
  const int own_code = CodeOf(*mine);
  if (own_code != 0 && own_code != -1) return Failure(own_code, StatusOf(*mine));
  return Delivery::Sent(TextField(*mine, "message_id"));
}

messaging::DeliveryState TurboSmsDeliveryState(std::string_view status) {
  using State = messaging::DeliveryState;
  const std::string name = UpperAscii(status);
  if (name == "DELIVERED") return State::kDelivered;
  if (name == "READ") return State::kSeen;
  for (const char* failed : {"EXPIRED", "UNDELIVERED", "REJECTED", "FAILED", "CANCELLED"}) {
    if (name == failed) return State::kUndelivered;
  }
  return State::kUnknown;
}

StatusAnswer TurboSms::Lookup(const std::vector<std::string>& ids) {
  const json body = {{"messages", ids}};
  const HttpResponse response =
      http_.PostJson(settings_.base_url + "/message/status.json", DumpJson(body),
                     {{"Authorization", "Bearer " + settings_.token}});
  if (auto failed = UnansweredLookup(response, kProvider)) return *failed;
  const json answer = json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (!answer.is_object()) return StatusAnswer::Failed("TurboSMS: unreadable answer");
  if (const int code = CodeOf(answer); code != 0) {
    return StatusAnswer::Failed(std::string(kProvider) + ": " + std::to_string(code) + " " +
                                Snippet(StatusOf(answer), 80));
  }
  StatusAnswer out{true, "", {}};
  const auto results = answer.find("response_result");
  if (results == answer.end() || !results->is_array()) return out;
  for (const auto& result : *results) {
    const std::string id = TextField(result, "message_id");
    const int own_code = CodeOf(result);  // -1: not given
    if (id.empty() || (own_code != 0 && own_code != -1)) continue;
    out.reports.push_back({id, TurboSmsDeliveryState(TextField(result, "status")), 0});
  }
  return out;
}

}  // namespace kvitka::channels
