#include "channels/alpha_sms.h"

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>

#include "channels/delivery_rules.h"
#include "channels/json_fields.h"

namespace kvitka::channels {
namespace {

using nlohmann::json;

constexpr std::string_view kProvider = "AlphaSMS";

std::string ErrorOf(const json& object) {
  const std::string error = TextField(object, "error");
  return error.empty() ? "not accepted" : error;
}

}  // namespace

AlphaSms::AlphaSms(AlphaSmsSettings settings, HttpClientOptions http)
    : settings_(std::move(settings)), http_(std::move(http)) {}

// AlphaSMS wants a unique id per message: microseconds since the epoch, never repeated by this
// instance even within one microsecond.
std::int64_t AlphaSms::NextId() {
  const std::int64_t now = std::chrono::duration_cast<std::chrono::microseconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count();
  std::int64_t last = last_id_.load();
  std::int64_t next;
  do {
    next = std::max(now, last + 1);
  } while (!last_id_.compare_exchange_weak(last, next));
  return next;
}

Delivery AlphaSms::Send(const Outgoing& message) {
  const auto phone = PhoneDigits(message.to);
  if (!phone)
    return Delivery::Rejected("AlphaSMS: not a phone in E.164: " + Snippet(message.to, 32));
  if (const auto problem = SmsTextProblem(message.text, settings_.max_sms_parts)) {
    return Delivery::Rejected("AlphaSMS: " + *problem);
  }
  json item = {{"type", "sms"},
               {"id", NextId()},
               {"phone", std::stoll(*phone)},
               {"sms_signature", settings_.sender},
               {"sms_message", message.text}};
  if (settings_.lifetime_seconds > 0) item["sms_lifetime"] = settings_.lifetime_seconds;
  const json body = {{"auth", settings_.key}, {"data", json::array({std::move(item)})}};

  const HttpResponse response =
      http_.PostJson(settings_.base_url + "/api/json.php", DumpJson(body));
  if (auto failure = RetryableFailure(response, kProvider)) return *failure;
  if (!response.ok()) {
    return Delivery::Rejected(std::string(kProvider) + ": HTTP " + std::to_string(response.status) +
                              " " + Snippet(response.body, 160));
  }
  const json answer = json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (!answer.is_object()) return Delivery::Retry("AlphaSMS: unreadable answer");
  if (!TrueField(answer, "success")) {  // the whole request: "Access denied" and the like
    return Delivery::Rejected(std::string(kProvider) + ": " + Snippet(ErrorOf(answer), 160));
  }
  const auto data = answer.find("data");
  if (data == answer.end() || !data->is_array() || data->empty() || !(*data)[0].is_object()) {
    return Delivery::Rejected("AlphaSMS: no result for the message");
  }
  const json& result = (*data)[0];
  if (!TrueField(result, "success")) {  // this message: "Error in Alpha-name", a bad number...
    return Delivery::Rejected(std::string(kProvider) + ": " + Snippet(ErrorOf(result), 160));
  }
  const auto details = result.find("data");
  return Delivery::Sent(details != result.end() ? TextField(*details, "msg_id") : "");
}

messaging::DeliveryState AlphaSmsDeliveryState(std::string_view status) {
  using State = messaging::DeliveryState;
  const std::string name = UpperAscii(status);
  if (name == "DELIVERED") return State::kDelivered;
  if (name == "READ") return State::kSeen;
  if (name.starts_with("ERR_")) return State::kUndelivered;
  for (const char* failed : {"EXPIRED", "DELETED", "UNDELIVERABLE", "REJECTED", "DISCARDED",
                             "NOT_SUPPORTED", "WRONG_ALPHANAME", "WRONG_ALPHANAME_RETURNED"}) {
    if (name == failed) return State::kUndelivered;
  }
  return State::kUnknown;
}

StatusAnswer AlphaSms::Lookup(const std::vector<std::string>& ids) {
  json items = json::array();
  for (const auto& id : ids) {
    const bool number =
        !id.empty() && id.size() <= 18 && id.find_first_not_of("0123456789") == std::string::npos;
    items.push_back({{"type", "status"}, {"msg_id", number ? json(std::stoll(id)) : json(id)}});
  }
  const json body = {{"auth", settings_.key}, {"data", std::move(items)}};
  const HttpResponse response =
      http_.PostJson(settings_.base_url + "/api/json.php", DumpJson(body));
  if (auto failed = UnansweredLookup(response, kProvider)) return *failed;
  const json answer = json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (!answer.is_object()) return StatusAnswer::Failed("AlphaSMS: unreadable answer");
  if (!TrueField(answer, "success")) {
    return StatusAnswer::Failed(std::string(kProvider) + ": " + Snippet(ErrorOf(answer), 160));
  }
  StatusAnswer out{true, "", {}};
  const auto data = answer.find("data");
  if (data == answer.end() || !data->is_array()) return out;
  for (std::size_t i = 0; i < data->size(); ++i) {
    const json& result = (*data)[i];
    if (!TrueField(result, "success")) continue;  // this id: unknown to AlphaSMS, say
    const auto details = result.find("data");
    if (details == result.end() || !details->is_object()) continue;
    std::string id = TextField(*details, "msg_id");
    if (id.empty() && i < ids.size()) id = ids[i];
    if (id.empty()) continue;
    out.reports.push_back({id, AlphaSmsDeliveryState(TextField(*details, "status")), 0});
  }
  return out;
}

}  // namespace kvitka::channels
