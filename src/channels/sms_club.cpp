#include "channels/sms_club.h"

#include <nlohmann/json.hpp>

#include "channels/delivery_rules.h"
#include "channels/json_fields.h"

namespace kvitka::channels {
namespace {

using nlohmann::json;

constexpr std::string_view kProvider = "SMS Club";

std::string Describe(const json& value) {
  return value.is_string() ? value.get<std::string>() : DumpJson(value);
}

}  // namespace

SmsClub::SmsClub(SmsClubSettings settings, HttpClientOptions http)
    : settings_(std::move(settings)), http_(std::move(http)) {}

Delivery SmsClub::Send(const Outgoing& message) {
  const auto phone = PhoneDigits(message.to);
  if (!phone)
    return Delivery::Rejected("SMS Club: not a phone in E.164: " + Snippet(message.to, 32));
  if (const auto problem = SmsTextProblem(message.text, settings_.max_sms_parts)) {
    return Delivery::Rejected("SMS Club: " + *problem);
  }
  const json body = {
      {"phone", json::array({*phone})}, {"message", message.text}, {"src_addr", settings_.sender}};
  const HttpResponse response = http_.PostJson(settings_.base_url + "/sms/send", DumpJson(body),
                                               {{"Authorization", "Bearer " + settings_.token}});
  if (auto failure = RetryableFailure(response, kProvider)) return *failure;
  if (!response.ok()) {  // 400 bad request, 401 token, 403, 422: not fixed by waiting
    return Delivery::Rejected(std::string(kProvider) + ": HTTP " + std::to_string(response.status) +
                              " " + Snippet(response.body, 160));
  }
  const json answer = json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (!answer.is_object()) return Delivery::Retry("SMS Club: unreadable answer");
  const auto success = answer.find("success_request");
  if (success == answer.end() || !success->is_object()) {
    return Delivery::Rejected(std::string(kProvider) + ": " + Snippet(response.body, 160));
  }
  if (const auto info = success->find("info"); info != success->end() && info->is_object()) {
    for (const auto& [sms_id, number] : info->items()) {
      if (Describe(number) == *phone) return Delivery::Sent(sms_id);
    }
  }
  std::string reason = "the number was not accepted";
  if (const auto extra = success->find("add_info"); extra != success->end()) {
    if (extra->is_object() && extra->contains(*phone)) {
      reason = Describe((*extra)[*phone]);
    } else if (!extra->empty()) {
      reason = Describe(*extra);
    }
  }
  return Delivery::Rejected(std::string(kProvider) + ": " + Snippet(reason, 160));
}

messaging::DeliveryState SmsClubDeliveryState(std::string_view status) {
  using State = messaging::DeliveryState;
  const std::string name = UpperAscii(status);
  if (name == "DELIVRD") return State::kDelivered;
  for (const char* failed : {"EXPIRED", "UNDELIV", "REJECTD", "DELETED"}) {
    if (name == failed) return State::kUndelivered;
  }
  return State::kUnknown;
}

StatusAnswer SmsClub::Lookup(const std::vector<std::string>& ids) {
  const json body = {{"id_sms", ids}};
  const HttpResponse response = http_.PostJson(settings_.base_url + "/sms/status", DumpJson(body),
                                               {{"Authorization", "Bearer " + settings_.token}});
  if (auto failed = UnansweredLookup(response, kProvider)) return *failed;
  const json answer = json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (!answer.is_object()) return StatusAnswer::Failed("SMS Club: unreadable answer");
  const auto success = answer.find("success_request");
  if (success == answer.end() || !success->is_object()) {
    return StatusAnswer::Failed(std::string(kProvider) + ": " + Snippet(response.body, 160));
  }
  StatusAnswer out{true, "", {}};
  const auto info = success->find("info");
  if (info == success->end() || !info->is_object()) return out;  // PHP: no statuses is []
  for (const auto& [sms_id, status] : info->items()) {
    if (status.is_string()) {
      out.reports.push_back({sms_id, SmsClubDeliveryState(status.get<std::string>()), 0});
    }
  }
  return out;
}

}  // namespace kvitka::channels
